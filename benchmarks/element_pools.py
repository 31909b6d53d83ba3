"""The fresh pools of story-element findings: events no rule was chosen on, to draw findings from and judge.

Used by benchmarks/evaluate_elements.py (`--sample-fresh`, the judged findings'
tables) and benchmarks/element_rules.py.

`fresh_pools` gives, for each pool, the package's findings (`omissions` of
`coverage` of `cluster_passages`, package defaults) on each of its events:
"timeline17" (Timeline17 H1N1 coverage by BBC, Guardian and Reuters, full
articles) and "polnear" (PolNeAR dev, 2016 election news of 7 publishers,
full articles), each grouped into events by `research.cluster_articles` with
its defaults but `POOL_EVENTS` (no near-time weight and no date window, as when the pools were
judged) on `split_blocks` of the corpus (deterministic: no seed; the event id
is its `event_id`, "1", "2", ... zero-padded, numbered by the smallest
`article_id` of each event), events of at least `MIN_FRESH_OUTLETS` outlets
kept (`grouped`); "timeline17-excerpts" and "polnear-excerpts", the same
events with each article cut as a news feed cuts it (`feed_excerpts`: the
first body paragraphs up to a seeded 60-100 words, AllSides' excerpt length,
cut at a word and followed by "...", so the last passage is `truncated` and
the article an `excerpt`); "basil-excerpts", the BASIL dev events (both
halves) grouped the same way on the full articles and then cut as feed
excerpts; "allsides-known-choose", the choose half's roundups with known
elements (whose findings were compared with the marks, never judged by
reading); and, with a PolNeAR train folder (kept outside the project),
"polnear-train" and "polnear-train-excerpts", its events grouped with the
package defaults of `cluster_articles`, near-time weight included
(`NEW_POOL_EVENTS`); with a PolNeAR test folder (also kept outside the
project, the split kept for blind rounds), "polnear-test" and
"polnear-test-excerpts", grouped the same way; with a folder of the AllSides
bias corpus (Baly et al. 2020, github ramybaly/Article-Bias-Prediction, also
kept outside the project), one pair of pools per window of dates of
`ALLSIDES_ARTICLES_WINDOWS` ("allsides-articles" and
"allsides-articles-excerpts", round 13; "allsides-articles-14" and
"allsides-articles-14-excerpts", round 14; "allsides-articles-15" and
"allsides-articles-15-excerpts", round 15; "allsides-articles-16" and
"allsides-articles-16-excerpts", round 16): its full articles of the window
(`read_allsides_articles`), grouped the same way (`NEW_POOL_EVENTS`).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

import research
from research.corpus import datasets
from research.story.coverage import coverage, omissions
from research.story.elements import cluster_passages
from research.text.tokens import WORD

# The seed of the feed cuts (`feed_excerpts`) and of every draw of benchmarks/evaluate_elements.py.
SEED = 0
# The pools of `--sample-fresh`, with the kind of text of each (`fresh_pools`); the other corpora are full
# articles except "allsides".
FRESH_TEXT = {"timeline17": "full articles", "polnear": "full articles", "timeline17-excerpts": "excerpts",
              "polnear-excerpts": "excerpts", "basil-excerpts": "excerpts", "allsides-known-choose": "excerpts",
              "polnear-train": "full articles", "polnear-train-excerpts": "excerpts",
              "polnear-test": "full articles", "polnear-test-excerpts": "excerpts",
              "allsides-articles": "full articles", "allsides-articles-excerpts": "excerpts",
              "allsides-articles-14": "full articles", "allsides-articles-14-excerpts": "excerpts",
              "allsides-articles-15": "full articles", "allsides-articles-15-excerpts": "excerpts",
              "allsides-articles-16": "full articles", "allsides-articles-16-excerpts": "excerpts"}
# Words of a feed excerpt (AllSides' length): the fresh excerpt pools cut each article to a seeded count in this range.
EXCERPT_WORDS = (60, 100)
MIN_FRESH_OUTLETS = 2
# The fresh pools are grouped into events as they were when their findings were drawn and judged (rounds 6-8,
# before the near-time weight and the date window of `research.story.events`), so that a judged finding is found again by its event;
# the events themselves are measured by benchmarks/evaluate_events.py.
POOL_EVENTS = {"near_hours": None, "date_window_hours": None}
# A pool added after the near-time weight (PolNeAR train, `--polnear-train`, round 9 on; PolNeAR test,
# `--polnear-test`, round 12 on; the AllSides bias corpus, `--allsides-articles`, round 13 on) is grouped with the package
# defaults of `cluster_articles`, near-time weight included: the events a user gets.
NEW_POOL_EVENTS: dict = {}
# The days of the AllSides bias corpus read for each of its pools (`read_allsides_articles`, both included), each
# fixed before any of its articles or findings was read and never changed since: round 13's (141 articles of many
# outlets), round 14's (96 articles of 39 outlets), round 15's and round 16's.
ALLSIDES_ARTICLES_WINDOWS = {"allsides-articles": ("2020-07-06", "2020-07-10"),
                             "allsides-articles-14": ("2020-01-13", "2020-01-17"),
                             "allsides-articles-15": ("2020-03-09", "2020-03-13"),
                             "allsides-articles-16": ("2020-01-27", "2020-01-31")}


def grouped(articles: pd.DataFrame, excerpts: bool = False,
            settings: dict = POOL_EVENTS) -> tuple[pd.DataFrame, pd.DataFrame]:
    """`articles` with `event` set to the `event_id` of `research.cluster_articles` (package defaults but
    `settings`), only the events of at least `MIN_FRESH_OUTLETS` outlets, and their passages
    (`split_passages`); with `excerpts`, the events are grouped on the full articles and each text is then cut
    as a feed cuts it (`feed_excerpts`)."""
    blocks = research.split_blocks(articles)
    events = research.cluster_articles(blocks, articles, **settings).set_index("article_id")["event_id"]
    articles = articles.assign(event=articles["article_id"].astype(str).map(events))
    outlets = articles.groupby("event")["outlet"].transform("nunique")
    articles = articles[outlets >= MIN_FRESH_OUTLETS].reset_index(drop=True)
    if excerpts:
        articles = feed_excerpts(articles, blocks)
        blocks = research.split_blocks(articles)
    passages = research.split_passages(blocks)
    return articles, passages[passages["article_id"].isin(articles["article_id"])]


def feed_excerpts(articles: pd.DataFrame, blocks: pd.DataFrame) -> pd.DataFrame:
    """`articles` as a news feed gives them: `text` the first body paragraphs (`blocks` of role body, blank
    lines between) up to a seeded number of words in [`EXCERPT_WORDS`] (one draw per article, in order), cut
    after the word where the count runs out and followed by "..."; `form` "record"; `excerpt` True when the
    text was cut (an article not longer than its draw is given whole)."""
    rng = np.random.default_rng(SEED)
    body = blocks[blocks["role"] == "body"].groupby("article_id", sort=False)["text"].apply(list)
    texts, cut = [], []
    for article_id in articles["article_id"].astype(str):
        left, kept = int(rng.integers(EXCERPT_WORDS[0], EXCERPT_WORDS[1] + 1)), []
        for paragraph in body.get(article_id, []):
            words = list(WORD.finditer(paragraph))
            if len(words) >= left and (len(words) > left or paragraph is not body[article_id][-1]):
                kept.append(paragraph[:words[left - 1].end()] + "...")
                break
            kept.append(paragraph)
            left -= len(words)
        texts.append("\n\n".join(kept))
        cut.append(bool(kept) and kept[-1].endswith("..."))
    return articles.assign(text=texts, form="record", excerpt=cut)


def polnear_feed_cuts(folder: Path, split: str) -> pd.DataFrame:
    """PolNeAR's `split` in `folder` (`read_polnear`, its columns) as a news feed gives it: every article of the
    split cut in the reader's order (`feed_excerpts` on `split_blocks`, one draw each), so a cut does not depend on
    which articles are then used (the texts of the figures gold holdout-8, `benchmarks/gold/HOLDOUT8.md`)."""
    articles = datasets.read_polnear(folder, split)
    return feed_excerpts(articles, research.split_blocks(articles))


def timeline17_feed_cuts(data: Path) -> pd.DataFrame:
    """Timeline17's H1N1 coverage under `data` (`read_timeline17(data / "timeline17_dev")` articles, its columns)
    as a news feed gives it: every article cut in the reader's order (`feed_excerpts` on `split_blocks`, one draw
    each; the texts of the figures gold holdout-9, `benchmarks/gold/HOLDOUT9.md`)."""
    articles = datasets.read_timeline17(data / "timeline17_dev")[0]
    return feed_excerpts(articles, research.split_blocks(articles))


def allsides_articles_feed_cuts(folder: Path, first: str, last: str) -> pd.DataFrame:
    """The AllSides bias corpus in `folder` (Baly et al. 2020, kept outside the project), its articles published
    from `first` to `last` (`read_allsides_articles`, its columns), as a news feed gives them: every article of the
    window cut in the reader's order (`feed_excerpts` on `split_blocks`, one draw each; the texts of the figures
    gold holdout-10, `benchmarks/gold/HOLDOUT10.md`)."""
    articles = datasets.read_allsides_articles(folder, first, last)
    return feed_excerpts(articles, research.split_blocks(articles))


def fresh_pools(data: Path, allsides: tuple[pd.DataFrame, pd.DataFrame], known: dict,
                half_of: dict, polnear_train: Path | None = None,
                polnear_test: Path | None = None,
                allsides_articles: Path | None = None) -> dict[str, pd.DataFrame]:
    """Corpus -> the package's findings (with `event`) on the pools no rule was chosen on (module docstring);
    the PolNeAR train pools only with `polnear_train`, its folder, the test pools only with `polnear_test`, the
    AllSides bias corpus's pools (one pair per window of `ALLSIDES_ARTICLES_WINDOWS`) only with `allsides_articles`,
    its folder."""
    read = {"timeline17": (lambda: datasets.read_timeline17(data / "timeline17_dev")[0], POOL_EVENTS),
            "polnear": (lambda: datasets.read_polnear(data / "polnear_dev"), POOL_EVENTS)}
    if polnear_train is not None:
        read["polnear-train"] = (lambda: datasets.read_polnear(polnear_train, "train"), NEW_POOL_EVENTS)
    if polnear_test is not None:
        read["polnear-test"] = (lambda: datasets.read_polnear(polnear_test, "test"), NEW_POOL_EVENTS)
    if allsides_articles is not None:
        for name, window in ALLSIDES_ARTICLES_WINDOWS.items():
            read[name] = (lambda window=window: datasets.read_allsides_articles(allsides_articles, *window),
                          NEW_POOL_EVENTS)
    pools = {}
    for name, (reader, settings) in read.items():
        articles = reader()
        for corpus, excerpts in ((name, False), (f"{name}-excerpts", True)):
            chosen, mine = grouped(articles, excerpts, settings)
            pools[corpus] = (chosen, mine, sorted(chosen["event"].unique()))
        if settings is NEW_POOL_EVENTS:
            print(f"== Pool {name}: {len(articles)} articles; {chosen['event'].nunique()} events of "
                  f"{MIN_FRESH_OUTLETS} outlets or more ({len(chosen)} articles), cluster_articles with the package "
                  "defaults\n")
    chosen, mine = grouped(datasets.read_basil(data / "basil_dev"), excerpts=True)
    pools["basil-excerpts"] = (chosen, mine, sorted(chosen["event"].unique()))
    pools["allsides-known-choose"] = (*allsides, sorted((e for e in known if half_of[e] == "choose"), key=int))
    return {corpus: pd.concat([package_findings(chosen, mine, e)[0] for e in events], ignore_index=True)
            for corpus, (chosen, mine, events) in pools.items()}


def of_event(articles: pd.DataFrame, passages: pd.DataFrame, event: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The articles of `event` (column `event`) and their passages."""
    chosen = articles[articles["event"] == event]
    return chosen, passages[passages["article_id"].isin(chosen["article_id"])]


def package_findings(articles: pd.DataFrame, passages: pd.DataFrame, event: str) -> tuple[pd.DataFrame, object]:
    """The findings of `event` (`omissions` of `coverage`, package defaults, with `event` and `articles`, its
    article ids sorted, space-separated; empty with one outlet) and its elements (`cluster_passages`)."""
    chosen, mine = of_event(articles, passages, event)
    found = cluster_passages(mine, chosen)
    if chosen["outlet"].nunique() < 2:
        return pd.DataFrame(), found
    articles = " ".join(sorted(chosen["article_id"].astype(str)))
    return omissions(coverage(found, mine)).assign(event=event, articles=articles), found
