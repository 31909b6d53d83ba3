"""The judged gold of stories on a week of the AllSides bias corpus (benchmarks/gold/allsides_articles_stories.jsonl,
scored by benchmarks/evaluate_story_gold.py --allsides-articles): the gold's own form always; with the corpus
($RESEARCH_ALLSIDES_ARTICLES, a folder kept outside the project) its articles, its selection and the package's
events on it."""

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from conftest import benchmark_module
from sklearn.metrics import adjusted_rand_score

import research
from research.corpus import datasets
from research.errors import CorpusWarning

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
GOLD = BENCHMARKS / "gold" / "allsides_articles_stories.jsonl"


@pytest.fixture(scope="module")
def story_gold():
    return benchmark_module("evaluate_story_gold")



def test_gold_rows_are_one_judged_story_per_article():
    """85 articles, each once, each with a story and a note; 55 stories, 14 of them of two articles or more (README
    "Stories of the AllSides bias corpus")."""
    rows = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines()]
    assert all(set(row) == {"article_id", "story", "note"} and row["story"] and row["note"] for row in rows)
    ids = [row["article_id"] for row in rows]
    assert len(ids) == len(set(ids)) == 85
    sizes = np.unique([row["story"] for row in rows], return_counts=True)[1]
    assert len(sizes) == 55 and (sizes > 1).sum() == 14 and sizes[sizes > 1].sum() == 44


def test_selection_pairs_are_cross_outlet_and_near(story_gold, allsides_articles):
    """The recall pairs of the selection join articles of two outlets at most two calendar days apart that the
    package left in different events; every selected article is judged."""
    articles = story_gold.allsides_articles(allsides_articles)
    chosen = story_gold.allsides_selection(articles)
    table = chosen.set_index("article_id")
    assert table["recall_pairs"].sum() == 2 * story_gold.RECALL_PAIRS
    days = articles.set_index("article_id")["published"].map(np.datetime64)
    for article_id, partners in table["partners"].items():
        for partner in partners.split():
            assert articles.set_index("article_id").loc[[article_id, partner], "outlet"].nunique() == 2
            assert abs(days[article_id] - days[partner]) <= np.timedelta64(2, "D")
            assert table.loc[article_id, "event_id"] != table.loc[partner, "event_id"]
    judged = {json.loads(line)["article_id"] for line in GOLD.read_text(encoding="utf-8").splitlines()}
    assert set(table.index) == judged  # the package's events of the selection's commit (c6e6c4f)


def test_package_events_on_the_gold(story_gold, allsides_articles):
    """The harness's package default gives the events of `research.cluster_articles` on the week; on the judged
    articles it joins two stories or more in 14 of its 22 events of two outlets (docs/evaluation.md, "Events")."""
    comp, articles, _ = story_gold.allsides_gold(allsides_articles)
    events = story_gold.run(comp, story_gold.PACKAGE)
    package = research.cluster_articles(research.split_blocks(articles), articles)
    theirs = package.set_index("article_id")["event_id"].reindex(comp.articles["article_id"]).to_numpy()
    assert len(np.unique(events)) == len(np.unique(theirs))
    assert all(len(set(theirs[events == label])) == 1 for label in np.unique(events))
    counts = story_gold.allsides_gold_table(comp, events).iloc[0]
    assert (counts["articles"], counts["package events of 2+ outlets"], counts["of them, 2+ stories"]) == (85, 22, 14)
    figures = story_gold.measure(comp, events, comp.known)
    assert figures["P"] == pytest.approx(0.504, abs=5e-4) and figures["R"] == pytest.approx(0.951, abs=5e-4)


def test_pre_registered_variant_is_the_package_parameters(story_gold, allsides_articles):
    """`research.cluster_articles(**CHOSEN_OPTIONS)` gives the harness's events of CHOSEN_VARIANT on the week, and
    on its judged articles joins fewer stories than the package default (pair precision and ARI rise)."""
    comp, articles, _ = story_gold.allsides_gold(allsides_articles)
    chosen = story_gold.run(comp, story_gold.CHOSEN_VARIANT)
    package = research.cluster_articles(research.split_blocks(articles), articles, **story_gold.CHOSEN_OPTIONS)
    theirs = package.set_index("article_id")["event_id"].reindex(comp.articles["article_id"]).to_numpy()
    assert len(np.unique(chosen)) == len(np.unique(theirs))
    assert all(len(set(theirs[chosen == label])) == 1 for label in np.unique(chosen))
    before = story_gold.measure(comp, story_gold.run(comp, story_gold.PACKAGE), comp.known)
    after = story_gold.measure(comp, chosen, comp.known)
    assert after["P"] > before["P"] and after["ARI"] > before["ARI"]


def test_pre_registered_variant_keeps_basil_and_the_seeds(story_gold, data_dir, seed_articles):
    """BASIL dev's full articles (dates without time of day) keep their events under the pre-registered variant and
    the seeds stay one event of their own."""
    basil = datasets.read_basil(data_dir / "basil_dev")
    articles = pd.concat([basil, seed_articles], ignore_index=True)
    with pytest.warns(CorpusWarning, match="1 of 95 articles have no publication date"):
        events = research.cluster_articles(research.split_blocks(articles), articles,
                                           **story_gold.CHOSEN_OPTIONS).set_index("article_id")["event_id"]
    truth = articles.set_index("article_id")["event"].fillna("seeds")
    assert adjusted_rand_score(truth[events.index], events) > 0.95
    seeds = set(events[seed_articles["article_id"]])
    assert len(seeds) == 1 and (events == seeds.pop()).sum() == len(seed_articles)


SECOND = BENCHMARKS / "gold" / "allsides_articles_stories2.jsonl"


def test_second_gold_names_its_week_and_judges_one_story_per_article(story_gold):
    """The second gold (20-24 April 2020, README "Stories of the AllSides bias corpus, second week"): 68 articles, each
    once with a story and a note; 40 stories, 14 of them of two articles or more (42 articles)."""
    assert story_gold.ALLSIDES_GOLDS[SECOND][0] == ("2020-04-20", "2020-04-24")
    rows = [json.loads(line) for line in SECOND.read_text(encoding="utf-8").splitlines()]
    assert all(set(row) == {"article_id", "story", "note"} and row["story"] and row["note"] for row in rows)
    ids = [row["article_id"] for row in rows]
    assert len(ids) == len(set(ids)) == 68
    sizes = np.unique([row["story"] for row in rows], return_counts=True)[1]
    assert len(sizes) == 40 and (sizes > 1).sum() == 14 and sizes[sizes > 1].sum() == 42


def test_second_gold_is_its_selection_and_scores_the_default_alone(story_gold, allsides_articles, capsys):
    """The second gold judges exactly the selection of its week (main at 6e74dc0); section 5 scores the package default
    and the pre-registered variant alone on it (the other variants are held): 17 events of two outlets, 9 of them joining two
    stories or more (docs/evaluation.md, "Events")."""
    window = story_gold.ALLSIDES_GOLDS[SECOND][0]
    chosen = story_gold.allsides_selection(story_gold.allsides_articles(allsides_articles, window))
    judged = {json.loads(line)["article_id"] for line in SECOND.read_text(encoding="utf-8").splitlines()}
    assert set(chosen["article_id"]) == judged
    story_gold.allsides_section(allsides_articles, path=SECOND)
    table = capsys.readouterr().out.split("Each variant on all judged articles")[1].splitlines()[2:]
    assert [line.split()[:2] for line in table if line.strip() and not line.startswith("(")] == [
        ["package", "default"], ["pre-registered", "(CHOSEN_VARIANT):"]]
    comp, _, _ = story_gold.allsides_gold(allsides_articles, SECOND)
    events = story_gold.run(comp, story_gold.PACKAGE)
    counts = story_gold.allsides_gold_table(comp, events).iloc[0]
    assert (counts["articles"], counts["package events of 2+ outlets"], counts["of them, 2+ stories"]) == (68, 17, 9)
