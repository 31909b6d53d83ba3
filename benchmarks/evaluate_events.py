"""Check event clustering on the development corpora and the seeds.

    python benchmarks/evaluate_events.py ../shared/data

1. Events, how the settings were chosen. The 30 BASIL dev events are split
   into two seeded halves. On each half, every scorer variant and threshold is
   scored on four kinds of corpus built from that half only: the half alone;
   pairs of its events (small corpora of 6 articles); the seeds with one of its
   events; the half mixed with the seeds and unrelated news (Timeline17 H1N1
   coverage, PolNeAR election stories; ARI over the BASIL and seed articles).
   The criterion is the mean ARI of the four (0 when the five seeds alone do
   not come out as one event). The threshold is the middle of the grid points
   within 0.005 of the best criterion; among the variants within 0.005 of the
   best criterion, the one whose similarity graph is sparsest (fewest article
   pairs listed in the mixed corpus: memory and time at scale). Then the
   choice made on one half is reported on the other; the package threshold is
   the mean of the two choices.
2. Events in time (`research.cluster_articles`: headline copies, window,
   threshold, near-time weight: pairs published within some hours count
   more), chosen on halves of AllSides dev (feed excerpts; the roundup time
   spread per article by the reader's seeded 0-36 h offset, several spread
   seeds) and BASIL dev (full articles, dates only), with the seeds and
   unrelated news in mixes (benchmarks/event_halves.py: corpora, halves,
   criterion). Each setting of five families (`FAMILIES`; the package's:
   window, threshold and headline copies fixed, near-time weight chosen)
   is scored on one half by the criterion (mean ARI of AllSides over spreads
   of 24, 36 and 48 h, AllSides dense, BASIL, the mix with shifted dates; 0
   unless the seeds are one event alone and of their own in the mix); each
   half's choice is reported on the other half, both ways, beside the package
   default, the previous default (headline x2, no near-time weight), the
   package before time was used and the text-only fallback. Then robustness
   (window x spread, spread seeds, density x threshold), missing and
   date-only times, the package defaults on whole corpora (not held out)
   against the previous default and the quick baselines, and a check that
   `cluster_articles` gives the harness's events.

Story elements: benchmarks/evaluate_elements.py.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
import scipy.sparse as sp
from scipy.sparse.csgraph import connected_components
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import adjusted_rand_score

import research
from research.corpus import datasets
from research.reuse.linkage import average_link
from research.reuse.similarity import TextVectorizer
from research.story.events import (
    EVENT_SCORER,
    EVENT_THRESHOLD,
    FLOOR_SHARE,
    HEADLINE_COPIES,
    WINDOW_HOURS,
    article_pairs,
    body_texts,
)

sys.path.insert(0, str(Path(__file__).resolve().parent))
import event_halves as eh  # the benchmarks folder, put on the path above

SEED = 0
GRID = np.round(np.arange(0.10, 0.61, 0.01), 2)
# Scorer variants of section 1, each setting spelled out (the package default has changed since).
VARIANTS = {
    "words + characters, stop words kept, idf^0.5": {"alpha": 0.75, "idf_power": 0.5},
    "words + characters, stop words removed, idf^0.5": {"alpha": 0.75, "stop_words": "english", "idf_power": 0.5},
    "words only, stop words kept, idf^1": {"alpha": 1.0, "idf_power": 1.0},
    "words only, stop words removed, idf^0.5": {"alpha": 1.0, "stop_words": "english", "idf_power": 0.5},
    "words only, stop words removed, idf^1": {"alpha": 1.0, "stop_words": "english", "idf_power": 1.0},
}


def load(data: Path) -> tuple[pd.DataFrame, pd.Series]:
    """BASIL, seeds and unrelated news in one articles table with a `label` (truth or "" when unknown)
    and `corpus` column, and their body texts (`body_texts`)."""
    basil = datasets.read_basil(data / "basil_dev").assign(corpus="basil")
    basil["label"] = basil["event"]
    seeds = research.load_articles().assign(corpus="seeds", label="seeds")
    timeline, _ = datasets.read_timeline17(data / "timeline17_dev")
    polnear = datasets.read_polnear(data / "polnear_dev")
    others = pd.concat([timeline.assign(corpus="timeline17"), polnear.assign(corpus="polnear")])
    columns = ["article_id", "outlet", "headline", "published", "text", "corpus", "label"]
    articles = pd.concat([basil, seeds, others.assign(label="")])
    articles = articles.reindex(columns=columns).fillna("").reset_index(drop=True)
    return articles, body_texts(research.split_blocks(articles), articles)


def ari_known(articles: pd.DataFrame, labels: np.ndarray) -> float:
    """ARI over the articles whose event is known (label not empty)."""
    known = (articles["label"] != "").to_numpy()
    return adjusted_rand_score(articles["label"].to_numpy()[known], labels[known])


class Scored:
    """The pairs of one corpus under one scorer, computed once, clustered at any threshold."""

    def __init__(self, articles: pd.DataFrame, texts: pd.Series, scorer: dict | None):
        """`scorer`: settings of `TextVectorizer`, or None for scikit-learn's `TfidfVectorizer()` defaults."""
        self.articles = articles.sort_values("article_id").reset_index(drop=True)
        texts = texts.loc[self.articles["article_id"]]
        vectorizer = TfidfVectorizer() if scorer is None else TextVectorizer(**scorer)
        pairs = article_pairs(texts, FLOOR_SHARE * GRID.min(), vectorizer)
        position = pd.Series(np.arange(len(texts)), index=texts.index)
        self.i = position[pairs["article_id_a"]].to_numpy()
        self.j = position[pairs["article_id_b"]].to_numpy()
        self.s = pairs["similarity"].to_numpy()

    def average(self, threshold: float) -> np.ndarray:
        keep = self.s >= FLOOR_SHARE * threshold
        return average_link(len(self.articles), self.i[keep], self.j[keep], self.s[keep], threshold)

    def single(self, threshold: float) -> np.ndarray:
        keep = self.s >= threshold
        n = len(self.articles)
        graph = sp.coo_matrix((np.ones(keep.sum()), (self.i[keep], self.j[keep])), shape=(n, n))
        return connected_components(graph, directed=False)[1]

    def cluster(self, threshold: float, link: str) -> np.ndarray:
        return self.average(threshold) if link == "average" else self.single(threshold)


def compositions(articles: pd.DataFrame, events: list[str], rng: np.random.Generator) -> dict:
    """The corpora of one half: name -> list of article tables (means are taken within a kind)."""
    basil = articles[articles["corpus"] == "basil"]
    seeds = articles[articles["corpus"] == "seeds"]
    unrelated = articles[articles["corpus"].isin(["timeline17", "polnear"])]
    half = basil[basil["label"].isin(events)]
    pairs = [half[half["label"].isin(rng.choice(events, 2, replace=False))] for _ in range(10)]
    with_seeds = [pd.concat([seeds, half[half["label"] == e]]) for e in rng.choice(events, 5, replace=False)]
    return {"half alone": [half], "pairs of its events": pairs, "seeds + one of its events": with_seeds,
            "half + seeds + unrelated news": [pd.concat([half, seeds, unrelated])], "seeds alone": [seeds]}


def sweep(corpora: dict, texts: pd.Series, scorer: dict) -> pd.DataFrame:
    """ARI of average linkage per grid threshold (rows) and kind of corpus (columns: mean over its
    corpora), the criterion, and the share of article pairs of the mixed corpus listed in the graph."""
    table = {}
    for kind, tables in corpora.items():
        scored = [Scored(t, texts, scorer) for t in tables]
        if kind == "seeds alone":
            table[kind] = [float(scored[0].average(t).max() == 0) for t in GRID]
        else:
            table[kind] = [np.mean([ari_known(s.articles, s.average(t)) for s in scored]) for t in GRID]
        if kind == "half + seeds + unrelated news":
            n = len(scored[0].articles)
            listed = [(scored[0].s >= FLOOR_SHARE * t).sum() / (n * (n - 1) / 2) for t in GRID]
    table = pd.DataFrame(table, index=GRID)
    table["criterion"] = table.drop(columns="seeds alone").mean(axis=1) * table["seeds alone"]
    table["pairs listed"] = listed
    return table


def near_best(table: pd.DataFrame) -> pd.Index:
    """The grid thresholds within 0.005 of the best criterion."""
    return table.index[table["criterion"] >= table["criterion"].max() - 0.005]


def choose(table: pd.DataFrame) -> float:
    """The middle of the thresholds near the best (the lower of two middles)."""
    near = near_best(table)
    return float(near[(len(near) - 1) // 2])


def selection(articles: pd.DataFrame, texts: pd.Series) -> None:
    events = sorted(articles.loc[articles["corpus"] == "basil", "label"].unique())
    order = np.random.default_rng(SEED).permutation(len(events))
    halves = {"A": [events[k] for k in order[: len(events) // 2]], "B": [events[k] for k in order[len(events) // 2:]]}
    corpora = {name: compositions(articles, half, np.random.default_rng(SEED)) for name, half in halves.items()}
    rows, chosen = [], {}
    for name, scorer in VARIANTS.items():
        for half in halves:
            table = sweep(corpora[half], texts, scorer)
            threshold = choose(table)
            rows.append({"scorer": name, "chosen on": half, "threshold": threshold,
                         "criterion": table.loc[threshold, "criterion"],
                         "near the best": f"{near_best(table).min():.2f}-{near_best(table).max():.2f}",
                         "pairs listed (mixed corpus)": table.loc[threshold, "pairs listed"]})
            chosen[name, half] = threshold
    choices = pd.DataFrame(rows)
    print("== Events 1. Choice on one half of the BASIL events (mean ARI of the four kinds of corpus)")
    print(choices.round(3).to_string(index=False))
    thresholds = []
    for half, other in (("A", "B"), ("B", "A")):
        mine = choices[choices["chosen on"] == half]
        best = mine[mine["criterion"] >= mine["criterion"].max() - 0.005]
        picked = best.sort_values("pairs listed (mixed corpus)", kind="stable").iloc[0]
        scorer = VARIANTS[picked["scorer"]]
        threshold = picked["threshold"]
        thresholds.append(threshold)
        held = sweep(corpora[other], texts, scorer).loc[threshold]
        print(f"\nchosen on half {half}: {picked['scorer']}, threshold {threshold:.2f}; "
              f"reported on half {other}:")
        print(held.round(3).to_string())
    print(f"mean of the two choices (the package threshold): {np.mean(thresholds):.3f}")
    print()


COPIES = (0, 1, 2, 3)
WINDOWS = (None, 24.0, 36.0, 48.0, 60.0, 72.0, 96.0, 120.0, 168.0)
THRESHOLDS = tuple(np.round(np.arange(0.10, 0.305, 0.01), 2))
# Near-time weights (hours, boost): pairs at most that far apart count (1 + boost) times their score.
NEARS = (None,) + tuple((hours, boost) for hours in (6.0, 12.0, 24.0, 36.0) for boost in (0.25, 0.5, 0.75, 1.0))
# Each family: the grid of headline copies, windows, thresholds and near-time weights it chooses from.
FAMILIES = {
    f"window {WINDOW_HOURS:g} h and threshold {EVENT_THRESHOLD} fixed, no near-time weight":
        (COPIES, (WINDOW_HOURS,), (EVENT_THRESHOLD,), (None,)),
    f"window {WINDOW_HOURS:g} h, threshold {EVENT_THRESHOLD} and headline x{HEADLINE_COPIES} fixed":
        ((HEADLINE_COPIES,), (WINDOW_HOURS,), (EVENT_THRESHOLD,), NEARS),
    f"window {WINDOW_HOURS:g} h and threshold {EVENT_THRESHOLD} fixed": (COPIES, (WINDOW_HOURS,), (EVENT_THRESHOLD,),
                                                                      NEARS),
    f"threshold {EVENT_THRESHOLD} fixed, no near-time weight": (COPIES, WINDOWS, (EVENT_THRESHOLD,), (None,)),
    "nothing fixed but no near-time weight": (COPIES, WINDOWS, THRESHOLDS, (None,)),
}
# The family of the package default.
PACKAGE_FAMILY = list(FAMILIES)[1]
PACKAGE = eh.PACKAGE
# The package default before the near-time weight (issue 17, items 1-2: one story split by outlet angle).
PREVIOUS = {"copies": 2, "window": WINDOW_HOURS, "threshold": EVENT_THRESHOLD, "near": None}
BEFORE = {"copies": 0, "window": None, "threshold": EVENT_THRESHOLD, "near": None}


def time_choice(comps: dict) -> dict:
    """Section 2a: each family's choice on each half (the best 8 settings shown)."""
    chosen = {}
    for family, (copies, windows, thresholds, nears) in FAMILIES.items():
        for half in ("A", "B"):
            rows = [{"copies": k, "window": w, "threshold": t, "near": near,
                     **eh.criterion(comps, half, k, w, t, near)}
                    for k in copies for w in windows for t in thresholds for near in nears]
            table = pd.DataFrame(rows)
            chosen[family, half] = eh.choose(table)
            best = table.loc[table.groupby(["copies", table["window"].astype(str), table["near"].map(eh.near_name)])[
                "criterion"].idxmax()]
            best = best.sort_values("criterion", ascending=False, kind="stable").head(8)
            best["window"] = best["window"].map(eh.window_name)
            best["near"] = best["near"].map(eh.near_name)
            print(f"\n-- {family}; half {half}: chosen {eh.describe(chosen[family, half])}")
            print(best.round(3).to_string(index=False))
    return chosen


def held_out(comps: dict, chosen: dict) -> None:
    """Section 2b: each half's choices reported on the other half, with the package default, the
    package before time was used and the text-only fallback."""
    rows = []
    for half, other in (("A", "B"), ("B", "A")):
        settings = {"package before (body, no time)": BEFORE, "text only (no dates), package text": {
            **PACKAGE, "window": None}, "previous default (headline x2, no near-time weight)": PREVIOUS,
            "package default": PACKAGE}
        settings |= {f"{family}: {eh.describe(chosen[family, half])}": chosen[family, half] for family in FAMILIES}
        for name, setting in settings.items():
            rows.append({"chosen on": half if ":" in name else "", "reported on": other, "setting": name,
                         **eh.report_row(comps, other, setting)})
    print(pd.DataFrame(rows).round(3).to_string(index=False))


def robustness(comps: dict, data) -> None:
    """Section 2c: the package text and threshold under other windows, spreads, seeds and densities."""
    copies, threshold, near, dated = HEADLINE_COPIES, EVENT_THRESHOLD, PACKAGE["near"], PACKAGE["dated"]
    spreads = (12.0, 24.0, 36.0, 48.0, 72.0, 96.0)
    rows = []
    for half in ("A", "B"):
        comp = comps["allsides", half]
        for hours in spreads:
            eh.add_variants(comp, data, f"spread {hours:g}", hours=hours)
        for window in WINDOWS:
            row = {"half": half, "window": eh.window_name(window)}
            row |= {f"spread {h:g}h": comp.scores(copies, window, threshold, eh.keys(f"spread {h:g}"), near, dated)["ari"]
                    for h in spreads}
            row |= {"dense": comp.scores(copies, window, threshold, eh.keys("dense"), near, dated)["ari"],
                    "BASIL": comps["basil", half].scores(copies, window, threshold, eh.keys("real", (0,)), near, dated)["ari"]}
            rows.append(row)
    print("\n-- 2c. Window x how long an event's articles spread (AllSides, spread 0 to h hours, five seeds), "
          f"AllSides dense x{eh.DENSE}, BASIL; headline x{copies}, threshold {threshold}, near-time weight "
          f"{eh.near_name(near)}")
    print(pd.DataFrame(rows).round(3).to_string(index=False))
    rows = []
    for half in ("A", "B"):
        comp = comps["allsides", half]
        found = eh.add_variants(comp, data, "ten seeds", seeds=range(10))
        aris = [comp.scores(copies, WINDOW_HOURS, threshold, [key], near, dated)["ari"] for key in found]
        rows.append({"half": half, **{f"seed {k}": v for k, v in enumerate(aris)}, "mean": np.mean(aris),
                     "min": np.min(aris), "max": np.max(aris)})
    print("\n-- 2d. The package default on AllSides, spread 0-36 h, ten spread seeds")
    print(pd.DataFrame(rows).round(3).to_string(index=False))
    rows = []
    for half in ("A", "B"):
        comp = comps["allsides", half]
        for k in (1, 2, 3, 6, 12):
            found = eh.add_variants(comp, data, f"dense {k}", dense=k)
            for t in (0.16, 0.18, EVENT_THRESHOLD, 0.23, 0.25):
                rows.append({"half": half, "compressed": k, "threshold": t,
                             "ARI": comp.scores(copies, WINDOW_HOURS, t, found, near, dated)["ari"]})
    print(f"\n-- 2e. Density: AllSides roundup times compressed k times (k = 2: the whole corpus's density, "
          f"and that of a held-out corpus of its size) x the threshold; headline x{copies}, window "
          f"{WINDOW_HOURS:g} h, near-time weight {eh.near_name(near)}")
    table = pd.DataFrame(rows).pivot_table(index=["half", "compressed"], columns="threshold", values="ARI")
    print(table.round(3).to_string())


def missing_dates(comps: dict, data) -> None:
    """Section 2f: the package default when times are dates only or missing."""
    def removed(share):
        def alter(values, seed):
            values = values.copy()
            values[np.random.default_rng(1000 + seed).random(len(values)) < share] = ""
            return values
        return alter

    variants = {"full timestamps": None, "dates only (time of day cut)": lambda values, seed: values.str[:10],
                "25% of articles undated": removed(0.25), "50% undated": removed(0.5),
                "all undated (text only)": removed(1.01)}
    rows = []
    for half in ("A", "B"):
        for name, alter in variants.items():
            found = eh.add_variants(comps["allsides", half], data, f"times: {name}", alter=alter)
            basil = eh.add_variants(comps["basil", half], data, f"times: {name}", seeds=(0,), alter=alter)
            rows.append({"half": half, "times": name, "AllSides": comps["allsides", half].scores(
                HEADLINE_COPIES, WINDOW_HOURS, EVENT_THRESHOLD, found, PACKAGE["near"], PACKAGE["dated"])["ari"], "BASIL":
                comps["basil", half].scores(HEADLINE_COPIES, WINDOW_HOURS, EVENT_THRESHOLD, basil,
                                            PACKAGE["near"], PACKAGE["dated"])["ari"]})
    print(f"\n-- 2f. Missing and date-only times; package default ({eh.describe(PACKAGE)}); AllSides spread "
          "0-36 h, five seeds")
    table = pd.DataFrame(rows).pivot(index="times", columns="half").reindex(list(variants))
    print(table.round(3).to_string())


def time_sections(data) -> None:
    comps = eh.build(data)
    halves = {name: data.halves(name) for name in ("allsides", "basil")}
    print(f"== Events 2. In time: AllSides {len(data.allsides)} excerpts / {data.allsides['label'].nunique()} events, "
          f"BASIL {len(data.basil)} / {data.basil['label'].nunique()}, seeds {len(data.seeds)}, unrelated "
          f"{len(data.unrelated)}; halves of AllSides {len(halves['allsides']['A'])} / {len(halves['allsides']['B'])} "
          f"events, of BASIL {len(halves['basil']['A'])} / {len(halves['basil']['B'])}; shifted mix, days added "
          f"{data.shift}")
    print("\n-- 2a. Choice on each half: the best settings by criterion (mean ARI of AllSides [spread 24/36/48 h], "
          f"AllSides dense x{eh.DENSE}, BASIL, mixed shifted; 0 unless the seeds are one event alone and of their own "
          "in the mix)")
    chosen = time_choice(comps)
    proposal = [chosen[PACKAGE_FAMILY, half] for half in ("A", "B")]
    print(f"\nThe package default ({eh.describe(PACKAGE)}) is the choice of both halves in the family "
          f"'{PACKAGE_FAMILY}': {'yes' if proposal[0] == proposal[1] == PACKAGE else 'NO'}")
    print("\n-- 2b. Held out: each half's choice reported on the other half; AllSides at the reader's 0-36 h spread, "
          f"mean and min over spread seeds {eh.SPREAD_SEEDS}; mixes: ARI over the BASIL, AllSides and seed articles")
    held_out(comps, chosen)
    robustness(comps, data)
    missing_dates(comps, data)
    print()


def whole_corpora(data) -> None:
    """Section 2g: `research.cluster_articles` (the package default and the package before time) on whole
    corpora, not held out."""
    mix = [data.basil, data.allsides, data.seeds, data.unrelated]
    corpora = {"AllSides dev, spread 0-36 h": ([data.allsides], False, None),
               "BASIL dev": ([data.basil], False, None), "BASIL dev + seeds": ([data.basil, data.seeds], False, None),
               "mix (BASIL + AllSides + seeds + unrelated), real dates": (mix, False, None),
               "the same, top_k=10": (mix, False, 10), "the mix, shifted dates": (mix, True, None),
               "seeds alone": ([data.seeds], False, None)}
    rows = []
    for name, (parts, shifted, top_k) in corpora.items():
        corpus = pd.concat(parts, ignore_index=True)
        corpus = corpus.assign(published=data.times(corpus, 0, shifted=shifted).to_numpy())
        blocks = research.split_blocks(corpus)
        for label, options in (("package default", {}), ("previous default", {"near_hours": None, "headline": 2}),
                               ("package before", {"window_hours": None, "headline": 0})):
            start = time.perf_counter()
            events = research.cluster_articles(blocks, corpus, top_k=top_k, **options).set_index("article_id")
            seconds = time.perf_counter() - start
            labelled = corpus.set_index("article_id").loc[events.index]
            ids, known = events["event_id"].to_numpy(), (labelled["label"] != "").to_numpy()
            seeds = (labelled["corpus"] == "seeds").to_numpy()
            mine = set(ids[seeds])
            rows.append({"corpus": name, "setting": label, "articles": len(corpus), "events found": len(set(ids)),
                         "true events": labelled.loc[known, "label"].nunique(),
                         "ARI (known events)": adjusted_rand_score(labelled["label"][known], ids[known])
                         if (known & ~seeds).any() else np.nan,
                         "seeds one event of their own": (len(mine) == 1 and not (np.isin(ids, list(mine)) &
                                                                                 ~seeds).any()) if seeds.any() else "",
                         "unrelated in known events": int(np.isin(ids[~known], ids[known]).sum()),
                         "seconds": seconds})
    print(f"== Events 3. research.cluster_articles on whole corpora (not held out): the package default "
          f"({eh.describe(PACKAGE)}), the previous default ({eh.describe(PREVIOUS)}) and the package before time was used "
          f"({eh.describe(BEFORE)}); AllSides spread "
          "seed 0")
    print(pd.DataFrame(rows).round(3).to_string(index=False))


def consistency(data) -> None:
    """Section 2h: `research.cluster_articles` with its defaults gives the harness's events."""
    parts = {"AllSides dev": [data.allsides], "BASIL dev": [data.basil],
             "the mix": [data.basil, data.allsides, data.seeds, data.unrelated]}
    rows = []
    for name, tables in parts.items():
        comp = eh.Composition(tables, copies=(HEADLINE_COPIES,))
        found = eh.add_variants(comp, data, "real", seeds=(0,))
        mine = comp.labels(HEADLINE_COPIES, WINDOW_HOURS, EVENT_THRESHOLD, found[0], PACKAGE["near"], PACKAGE["dated"])
        articles = comp.articles.assign(published=data.times(comp.articles, 0).to_numpy())
        events = research.cluster_articles(research.split_blocks(articles), articles)
        theirs = events.set_index("article_id")["event_id"].reindex(articles["article_id"]).to_numpy()
        rows.append({"corpus": name, "articles": len(articles), "events": len(set(theirs)),
                     "same events as the harness": adjusted_rand_score(mine, theirs) == 1.0,
                     "attrs": events.attrs})
    print("\nresearch.cluster_articles (defaults) against this evaluation's harness (same times):")
    print(pd.DataFrame(rows).to_string(index=False))
    print()


def defaults(articles: pd.DataFrame, texts: pd.Series) -> None:
    basil = articles[articles["corpus"] == "basil"]
    methods = {"baseline: TfidfVectorizer() defaults, single link": (None, "single"),
               "package scorer for articles, single link": (EVENT_SCORER, "single"),
               "package scorer for articles, average link": (EVENT_SCORER, "average")}
    rows = []
    for name, (scorer, link) in methods.items():
        on_basil, on_all = Scored(basil, texts, scorer), Scored(articles, texts, scorer)
        scores = [adjusted_rand_score(on_basil.articles["label"], on_basil.cluster(t, link)) for t in GRID]
        threshold = GRID[int(np.argmax(scores))]
        labels = on_all.cluster(threshold, link)
        known = (on_all.articles["label"] != "").to_numpy()
        absorbed = np.isin(labels[~known], labels[known]).sum()
        rows.append({"method": name, "threshold (best on BASIL)": threshold, "ARI BASIL": max(scores),
                     "ARI BASIL + seeds + unrelated (known events)": ari_known(on_all.articles, labels),
                     "unrelated articles in known events": absorbed})
    print("\nOn text alone: each method at the threshold best for it on BASIL dev itself (tuned on the test data), "
          "then run on BASIL dev + seeds + Timeline17 + PolNeAR:")
    print(pd.DataFrame(rows).round(3).to_string(index=False))
    print()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, help="folder of the development corpora (../shared/data)")
    args = parser.parse_args(argv)
    pd.set_option("display.width", 200)
    articles, texts = load(args.data)
    selection(articles, texts)
    data = eh.Data(args.data)
    time_sections(data)
    whole_corpora(data)
    defaults(articles, texts)
    consistency(data)
    return 0


if __name__ == "__main__":
    sys.exit(main())
