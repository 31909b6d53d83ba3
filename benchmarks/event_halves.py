"""The corpora, halves and time variants of the events evaluation (benchmarks/evaluate_events.py).

Corpora, with the gold event of each article (`label`; "" when unknown):
- AllSides roundups (`read_allsides`: feed excerpts, one event told by two or
  three outlets). The roundup has one timestamp; each article's is spread by
  a seeded uniform offset of 0 to `hours` (the reader's spread), per spread
  seed. *Dense*: the roundup times compressed k times toward the first roundup
  (the offsets kept): more unrelated stories fall in any window, as in a real
  stream of news (the roundups are 1.4 a day).
- BASIL dev (`read_basil`: full articles, three outlets per event; dates only).
- The five seeds: one event, alone and inside the mixes.
- Unrelated news: Timeline17's H1N1 coverage and PolNeAR's election stories.
- Mixed: BASIL + AllSides + seeds + unrelated, scored over the articles with a
  known event. The corpora lie years apart, so real dates separate them
  trivially; *shifted* moves each corpus by whole days to start on AllSides'
  first day, so that they overlap in time.

Halves: the events of AllSides and of BASIL are each split in two by a seeded
permutation of their sorted labels (`SPLIT_SEED`).

A `Composition` lists the pairs of its articles once per representation
(headline copies) down to `FLOOR`, on text alone, and clusters them under any
setting (window, threshold, near-time weight) and time variant (the gaps of
those pairs). A near-time weight `near` is (hours, boost): pairs at most that
many hours apart count (1 + boost) times their score (`near_weighted`). A `dated`
setting gives some pairs (those with a date without time of day, or those not
known to lie within NEAR_HOURS: `dated_pairs`) their own threshold and window
(benchmarks/evaluate_story_gold.py).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.metrics import adjusted_rand_score

import research
from research.corpus import datasets
from research.reuse.linkage import average_link
from research.reuse.similarity import interval_gaps, longest_gaps
from research.story.events import (
    DATE_WINDOW_HOURS,
    EVENT_THRESHOLD,
    FLOOR_SHARE,
    HEADLINE_COPIES,
    NEAR_BOOST,
    NEAR_HOURS,
    WINDOW_HOURS,
    article_pairs,
    event_texts,
    near_weighted,
    publication_intervals,
)

SPLIT_SEED = 0
# The package's event settings, as a setting of this module (`describe`, `Composition.labels`).
PACKAGE = {"copies": HEADLINE_COPIES, "window": WINDOW_HOURS, "threshold": EVENT_THRESHOLD,
           "near": (NEAR_HOURS, NEAR_BOOST), "dated": {"scope": "date", "window": DATE_WINDOW_HOURS}}
SPREAD_HOURS = 36.0
COLUMNS = ["article_id", "outlet", "headline", "published", "text", "form", "corpus", "label"]
# Pairs are listed once per composition down to this score; each setting keeps those at or above its floor.
FLOOR = 0.03


def shift_published(values: pd.Series, days: int) -> pd.Series:
    """Each ISO 8601 value moved by whole `days`, in its own form (a date stays a date, a zone stays)."""
    def move(value):
        value = value.strip() if isinstance(value, str) else ""
        if not value:
            return ""
        if len(value) == 10:
            return (date.fromisoformat(value) + timedelta(days=days)).isoformat()
        return (datetime.fromisoformat(value) + timedelta(days=days)).isoformat()
    return values.map(move)


def first_day(values) -> date:
    return min(datetime.fromisoformat(v).date() if len(v) > 10 else date.fromisoformat(v)
               for v in values if isinstance(v, str) and v.strip())


class Data:
    """Every corpus, read once, and the AllSides publication times per (spread seed, hours, density)."""

    def __init__(self, folder: Path):
        self.folder = folder
        roundups = datasets.read_allsides(folder / "allsides_dev", 0.0, 0)
        self.allsides = self._table(roundups.assign(corpus="allsides", label="as:" + roundups["event"]))
        self.roundup_time = pd.to_datetime(roundups.set_index("article_id")["published"], utc=True, format="ISO8601")
        basil = datasets.read_basil(folder / "basil_dev")
        self.basil = self._table(basil.assign(corpus="basil", label="basil:" + basil["event"]))
        self.seeds = self._table(research.load_articles().assign(corpus="seeds", label="seeds"))
        timeline, _ = datasets.read_timeline17(folder / "timeline17_dev")
        polnear = datasets.read_polnear(folder / "polnear_dev")
        self.unrelated = self._table(pd.concat([timeline.assign(corpus="timeline17"),
                                                polnear.assign(corpus="polnear")]).assign(label=""))
        start = first_day(self.allsides["published"])
        self.shift = {name: (start - first_day(table.loc[table["corpus"] == name, "published"])).days
                      for name, table in (("basil", self.basil), ("seeds", self.seeds),
                                          ("timeline17", self.unrelated), ("polnear", self.unrelated))}
        self._times: dict = {}

    @staticmethod
    def _table(articles: pd.DataFrame) -> pd.DataFrame:
        return articles.reindex(columns=COLUMNS).fillna("").assign(form=lambda t: t["form"].replace("", "page"))

    def allsides_published(self, seed: int, hours: float = SPREAD_HOURS, dense: int = 1) -> pd.Series:
        """AllSides `published` by article id: the reader's spread (`hours`, `seed`) on roundup times
        compressed `dense` times toward the first roundup."""
        key = (seed, hours, dense)
        if key not in self._times:
            spread = datasets.read_allsides(self.folder / "allsides_dev", hours, seed).set_index("article_id")
            when = pd.to_datetime(spread["published"], utc=True, format="ISO8601")
            roundup = self.roundup_time.reindex(when.index)
            first = self.roundup_time.min()
            moved = first + (roundup - first) / dense + (when - roundup)
            self._times[key] = moved.map(lambda t: t.isoformat()) if dense != 1 else spread["published"]
        return self._times[key]

    def halves(self, corpus: str) -> dict[str, list[str]]:
        """The event labels of each half ("A", "B") of `corpus` ("allsides" or "basil")."""
        labels = sorted((self.allsides if corpus == "allsides" else self.basil)["label"].unique())
        order = np.random.default_rng(SPLIT_SEED).permutation(len(labels))
        return {"A": sorted(labels[k] for k in order[: len(labels) // 2]),
                "B": sorted(labels[k] for k in order[len(labels) // 2:])}

    def half(self, corpus: str, half: str) -> pd.DataFrame:
        table = self.allsides if corpus == "allsides" else self.basil
        return table[table["label"].isin(self.halves(corpus)[half])]

    def times(self, articles: pd.DataFrame, seed: int = 0, hours: float = SPREAD_HOURS, dense: int = 1,
              shifted: bool = False) -> pd.Series:
        """`published` of `articles`: AllSides spread (`allsides_published`), the others as read or,
        with `shifted`, moved to start on AllSides' first day."""
        values = articles["published"].copy()
        mine = (articles["corpus"] == "allsides").to_numpy()
        values[mine] = self.allsides_published(seed, hours, dense).reindex(articles.loc[mine, "article_id"]).to_numpy()
        if shifted:
            for corpus, days in self.shift.items():
                theirs = (articles["corpus"] == corpus).to_numpy()
                values[theirs] = shift_published(values[theirs], days)
        return values


class Composition:
    """One corpus to cluster: its articles sorted by id, the pairs of each representation (headline
    copies) listed down to FLOOR on text alone (IDF fitted on this corpus), and the gaps of those
    pairs under each time variant added (`add_times`)."""

    def __init__(self, parts: list[pd.DataFrame], copies=(0, 1, 2, 3)):
        articles = pd.concat(parts).sort_values("article_id").reset_index(drop=True)
        self.articles, self.n = articles, len(articles)
        self.truth = articles["label"].to_numpy()
        self.known = self.truth != ""
        self.is_seed = (articles["corpus"] == "seeds").to_numpy()
        blocks = research.split_blocks(articles)
        position = pd.Series(np.arange(self.n), index=articles["article_id"].to_numpy())
        self.pairs = {}
        for k in copies:
            found = article_pairs(event_texts(blocks, articles, k), FLOOR)
            self.pairs[k] = (position[found["article_id_a"]].to_numpy(), position[found["article_id_b"]].to_numpy(),
                             found["similarity"].to_numpy())
        self.gaps: dict = {}

    def add_times(self, key, published: pd.Series) -> None:
        """The gaps of every listed pair under the times `published` (aligned with `articles`): the shortest
        their publication intervals allow (the window's) and the longest (the near-time weight's)."""
        start, end = publication_intervals(pd.Series(published).to_numpy())
        for k, (i, j, _) in self.pairs.items():
            self.gaps[k, key] = interval_gaps(start, end, i, j), longest_gaps(start, end, i, j)

    def labels(self, copies: int, window: float | None, threshold: float, key, near=None,
               dated: dict | None = None) -> np.ndarray:
        """The events of one setting under the time variant `key`; `dated` ({"scope", "threshold", "window"}: `dated_pairs`) gives
        some pairs their own threshold and window."""
        i, j, s = self.pairs[copies]
        keep = s >= FLOOR_SHARE * threshold
        if window is None:
            return average_link(self.n, i[keep], j[keep], s[keep], threshold)
        gaps, longest = self.gaps[copies, key]
        keep &= ~(gaps > window)
        own = np.zeros(len(s), bool)
        if dated is not None:
            own = dated_pairs(gaps, longest, dated["scope"])
            keep &= ~(own & (gaps > dated.get("window", window)))
        s = np.where(own, s * threshold / (dated or {}).get("threshold", threshold), s)[keep]
        s = s if near is None else near_weighted(s, longest[keep], near[0], near[1])
        return average_link(self.n, i[keep], j[keep], s, threshold)

    def scores(self, copies: int, window: float | None, threshold: float, keys, near=None,
               dated: dict | None = None) -> dict:
        """Over the time variants `keys`: ARI over the known articles (mean and min), whether the seeds
        are one event of their own in every variant, unrelated articles pulled into known events."""
        aris, seeds_ok, pulled = [], True, []
        for key in keys:
            labels = self.labels(copies, window, threshold, key, near, dated)
            aris.append(adjusted_rand_score(self.truth[self.known], labels[self.known]))
            if self.is_seed.any():
                mine = np.unique(labels[self.is_seed])
                seeds_ok &= len(mine) == 1 and not (np.isin(labels, mine) & ~self.is_seed).any()
            pulled.append(int(np.isin(labels[~self.known], labels[self.known]).sum()))
        return {"ari": float(np.mean(aris)), "min": float(np.min(aris)), "seeds ok": bool(seeds_ok),
                "pulled": float(np.mean(pulled))}


def dated_pairs(gaps: np.ndarray, longest: np.ndarray, scope: str) -> np.ndarray:
    """Which pairs a `dated` setting covers, from their shortest and longest gaps (hours): scope "date",
    the pairs with a date without time of day (their longest gap exceeds their shortest; two timestamps'
    are equal); "not near", the pairs not known to lie within NEAR_HOURS (`longest_gaps`), so every pair of
    dates and the pairs of timestamps further apart. Undated pairs are never covered."""
    if scope == "date":
        return longest > gaps
    if scope == "not near":
        return longest > NEAR_HOURS
    raise ValueError(f"unknown scope {scope!r}")


def add_variants(comp: Composition, data: Data, name: str, seeds=(0, 1, 2, 3, 4), alter=None, **options) -> list:
    """Add the time variants (name, seed) of `comp` (`Data.times(..., seed, **options)`, then
    `alter(values, seed)` when given); return their keys."""
    for seed in seeds:
        values = data.times(comp.articles, seed, **options)
        comp.add_times((name, seed), alter(values, seed) if alter else values)
    return keys(name, seeds)


# ------------------------------------------------------------------------------------------ the protocol

SPREAD_SEEDS = (0, 1, 2, 3, 4)
# The AllSides term of the criterion averages these spreads (an event told over one to two days, around
# the reader's 36 h), so that a window is not fitted to exactly the reader's spread.
CRITERION_SPREADS = (24.0, 36.0, 48.0)
DENSE = 6
NEAR = 0.005


def build(data: Data) -> dict:
    """The compositions of the protocol: per half, AllSides (spread 24/36/48 h and dense, five seeds
    each), BASIL, the mix (real and shifted dates); the seeds alone."""
    comps = {}
    for half in ("A", "B"):
        allsides, basil = data.half("allsides", half), data.half("basil", half)
        comps["allsides", half] = comp = Composition([allsides])
        for hours in CRITERION_SPREADS:
            add_variants(comp, data, f"spread {hours:g}", hours=hours)
        add_variants(comp, data, "dense", dense=DENSE)
        comps["basil", half] = comp = Composition([basil])
        add_variants(comp, data, "real", seeds=(0,))
        comps["mixed", half] = comp = Composition([basil, allsides, data.seeds, data.unrelated])
        add_variants(comp, data, "real")
        add_variants(comp, data, "shifted", shifted=True)
    comps["seeds"] = comp = Composition([data.seeds])
    add_variants(comp, data, "real", seeds=(0,))
    return comps


def keys(name: str, seeds=SPREAD_SEEDS) -> list:
    return [(name, seed) for seed in seeds]


def criterion(comps: dict, half: str, copies: int, window, threshold: float, near=None) -> dict:
    """The criterion of a setting on one half: the mean ARI of AllSides (mean over the spreads
    CRITERION_SPREADS), AllSides dense, BASIL and the mix with shifted dates; 0 unless the seeds are
    one event alone and one event of their own in the mix."""
    allsides = comps["allsides", half]
    by_spread = [allsides.scores(copies, window, threshold, keys(f"spread {h:g}"), near)["ari"]
                 for h in CRITERION_SPREADS]
    dense = allsides.scores(copies, window, threshold, keys("dense"), near)["ari"]
    basil = comps["basil", half].scores(copies, window, threshold, keys("real", (0,)), near)["ari"]
    shifted = comps["mixed", half].scores(copies, window, threshold, keys("shifted"), near)
    alone = comps["seeds"].scores(copies, window, threshold, keys("real", (0,)), near)
    gate = alone["seeds ok"] and shifted["seeds ok"]
    terms = [float(np.mean(by_spread)), dense, basil, shifted["ari"]]
    return {**{f"AllSides {h:g}h": v for h, v in zip(CRITERION_SPREADS, by_spread)}, "dense": dense, "BASIL": basil,
            "mixed shifted": shifted["ari"], "seeds ok": gate, "criterion": float(np.mean(terms)) if gate else 0.0}


def choose(table: pd.DataFrame) -> dict:
    """The best (copies, window, near) by criterion (the first in grid order on ties); its threshold the
    middle of the thresholds within NEAR of its best (the lower of two middles)."""
    best = table.loc[table["criterion"].idxmax()]
    mine = table[(table["copies"] == best["copies"]) & (table["window"].astype(str) == str(best["window"])) &
                 (table["near"].map(near_name) == near_name(best["near"]))]
    near = mine.loc[mine["criterion"] >= mine["criterion"].max() - NEAR, "threshold"].to_numpy()
    return {"copies": int(best["copies"]), "window": best["window"], "threshold": float(near[(len(near) - 1) // 2]),
            "near": best["near"] if isinstance(best["near"], tuple) else None}


def window_name(window) -> str:
    return "no time" if window is None else f"{window:g} h"


def near_name(near) -> str:
    """A near-time weight (hours, boost) in words; "none" for None (NaN in a table)."""
    return f"x{1 + near[1]:g} within {near[0]:g} h" if isinstance(near, tuple) else "none"


def describe(setting: dict) -> str:
    dated = setting.get("dated")
    dates = f", pairs with a date: window {dated['window']:g} h" if dated and set(dated) == {"scope", "window"} else ""
    return (f"headline x{setting['copies']}, window {window_name(setting['window'])}{dates}, "
            f"threshold {setting['threshold']:.3f}, near-time weight {near_name(setting.get('near'))}")


def report_row(comps: dict, half: str, setting: dict) -> dict:
    """A setting's figures on one half: AllSides at the reader's 0-36 h spread (mean and min over the
    spread seeds), dense, BASIL, the mixes, the seeds, unrelated articles pulled into known events."""
    copies, window, threshold, near = setting["copies"], setting["window"], setting["threshold"], setting.get("near")
    options = {"near": near, "dated": setting.get("dated")}
    allsides = comps["allsides", half].scores(copies, window, threshold, keys("spread 36"), **options)
    dense = comps["allsides", half].scores(copies, window, threshold, keys("dense"), **options)
    basil = comps["basil", half].scores(copies, window, threshold, keys("real", (0,)), **options)
    shifted = comps["mixed", half].scores(copies, window, threshold, keys("shifted"), **options)
    real = comps["mixed", half].scores(copies, window, threshold, keys("real"), **options)
    alone = comps["seeds"].scores(copies, window, threshold, keys("real", (0,)), **options)
    return {"AllSides": allsides["ari"], "AllSides min": allsides["min"], f"AllSides dense x{DENSE}": dense["ari"],
            "BASIL": basil["ari"], "mixed shifted": shifted["ari"], "mixed real dates": real["ari"],
            "seeds one event": alone["seeds ok"] and shifted["seeds ok"] and real["seeds ok"],
            "unrelated in known events": shifted["pulled"]}
