"""The AllSides bias corpus's pools of story-element findings (benchmarks/element_pools.py, one pair of pools per window
of `ALLSIDES_ARTICLES_WINDOWS`, each judged blind in one round of benchmarks/judged_elements.jsonl): the windows and
the judged rows always; with the corpus ($RESEARCH_ALLSIDES_ARTICLES, a folder kept outside the project) the pools'
articles, events and feed cuts."""

import itertools
import json
from pathlib import Path

import pytest
from conftest import benchmark_module

from research.corpus import datasets
from research.text.tokens import WORD

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
JUDGED = BENCHMARKS / "judged_elements.jsonl"


@pytest.fixture(scope="module")
def pools():
    return benchmark_module("element_pools")



def judged_rows(corpus: str) -> list[dict]:
    rows = (json.loads(line) for line in JUDGED.read_text(encoding="utf-8").splitlines() if line.strip())
    return [row for row in rows if row["corpus"] == corpus]


def test_each_window_is_a_pair_of_pools_judged_in_one_round_on_its_own_days(pools):
    """Each window gives a full-article pool and a feed-cut pool; the windows share no day; every judged row of a
    window's pools is of one round, names the window's days and its event by its articles; each window added later
    serves a later round (13, 14, 15, 16 for July 2020, mid-January 2020, March 2020 and late January 2020)."""
    windows = sorted(pools.ALLSIDES_ARTICLES_WINDOWS.values())
    assert all(first <= last for first, last in windows)
    assert all(earlier[1] < later[0] for earlier, later in itertools.pairwise(windows))
    rounds = []
    for name, (first, last) in pools.ALLSIDES_ARTICLES_WINDOWS.items():
        assert pools.FRESH_TEXT[name] == "full articles"
        assert pools.FRESH_TEXT[f"{name}-excerpts"] == "excerpts"
        rows = judged_rows(name) + judged_rows(f"{name}-excerpts")
        assert rows, name
        assert {row["verdict"] for row in rows} <= {"right", "wrong"}
        assert all(f"its articles of {first} to {last}" in row["drawn_from"] for row in rows)
        assert all(row["articles"].split() == sorted(row["articles"].split()) for row in rows)
        rounds.append({row["round"] for row in rows})
    assert all(len(found) == 1 for found in rounds)
    order = [found.pop() for found in rounds]
    assert order == sorted(set(order))


def test_the_pools_are_the_windows_events_of_two_outlets_and_their_feed_cuts(pools, allsides_articles):
    """For each window: its articles are of its days; the full-article pool keeps the events of two outlets or more,
    the feed-cut pool the same articles in the same events, each cut to the start of its body; every judged row names
    articles of its window."""
    for name, window in pools.ALLSIDES_ARTICLES_WINDOWS.items():
        articles = datasets.read_allsides_articles(allsides_articles, *window)
        assert articles["published"].str[:10].between(*window).all()
        full, _ = pools.grouped(articles, False, pools.NEW_POOL_EVENTS)
        cut, passages = pools.grouped(articles, True, pools.NEW_POOL_EVENTS)
        assert len(full) and full.groupby("event")["outlet"].nunique().min() >= pools.MIN_FRESH_OUTLETS
        assert full[["article_id", "event"]].equals(cut[["article_id", "event"]])
        assert set(passages["article_id"]) <= set(cut["article_id"])
        for text, whole in zip(cut["text"], full["text"]):
            assert len(WORD.findall(text)) <= pools.EXCERPT_WORDS[1]
            assert text.removesuffix("...").split("\n\n")[0] in whole
        ids = set(articles["article_id"].astype(str))
        for row in judged_rows(name) + judged_rows(f"{name}-excerpts"):
            assert set(row["articles"].split()) <= ids
