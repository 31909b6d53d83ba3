"""Pre-registration of one events variant for the second blind week of the AllSides bias corpus (issue 17;
docs/evaluation.md, "A judged gold of stories on PolNeAR train", "Pre-registered for the second week").

    python benchmarks/story_prereg.py POLNEAR_TRAIN --guard DATA --allsides-articles FOLDER

The criterion, written before any setting below was measured:

- Development sets: PolNeAR train's story gold, half A and half B (the halves of
  benchmarks/evaluate_story_gold.py), and the gold of the week 15-19 June 2020 of the AllSides bias corpus (all
  its judged articles; development now, no longer blind). Guard: the held-out figures of evaluate_story_gold.py
  (AllSides >= 0.85 and BASIL >= 0.95 on both halves, the seeds one event of their own alone and in the mixes).
- A setting passes when it keeps the guard and, on each of the three sets, raises ARI above the package default's
  and keeps pair precision at least the default's.
- Among the settings that pass, the one whose smallest ARI gain over the three sets is largest is chosen (ties:
  the first in grid order). If none passes, the setting that keeps the guard with the largest smallest ARI gain
  is pre-registered anyway, with the conditions it fails.

The grid (`grid`): the date window and threshold of evaluate_story_gold.py's section 3; the headline twice and the
first LEAD body words, with the threshold for every pair or only for the pairs with a date without time of day
(timestamped pairs keep the package threshold); the lead repeated after the headlines (headline x2, lead, whole
body); the mean of the package score and the lead score.

Written after the first run (commit dc1ba94 holds the criterion and the first grid): on the first grid (thresholds
0.15-0.25, no repeated lead, no mean) no setting passed and the fallback returned the package default itself, so the
default is left out of the grid (a variant is to be pre-registered); the grid was then extended by the thresholds
LOW and the last two families. The choice below comes from that extension: it is a choice on these three sets, to be
tested once on the second blind week. The chosen setting is evaluate_story_gold.CHOSEN_VARIANT (checked), and
`research.cluster_articles(**CHOSEN_OPTIONS)` gives its events (checked on PolNeAR train and the June week).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.metrics import adjusted_rand_score

import research
from research.story.events import (
    DATE_WINDOW_HOURS,
    WINDOW_HOURS,
    article_pairs,
    body_texts,
    event_texts,
)

sys.path.insert(0, str(Path(__file__).resolve().parent))
import evaluate_story_gold as esg
import event_halves as eh  # the benchmarks folder, put on the path above
import story_signals

LEAD = (100, 150, 200, 300)
THRESHOLDS = (0.15, 0.17, 0.19, 0.205, 0.22, 0.25)
LOW = (0.12, 0.13, 0.14)
SETS = ("PolNeAR A", "PolNeAR B", "June week")


def add_leads(comp: eh.Composition, blocks: pd.DataFrame) -> None:
    """Add to `comp` (before its times are added) the representations of the lead families for each length of LEAD:
    "lead N" (`evaluate_story_gold.add_leads`), "lead N repeated" (the headline twice, the first N body words, then
    the whole body) and "lead N mean" (`mean_pairs` of the package text's and the lead's)."""
    esg.add_leads(comp, blocks, [words for words in LEAD if f"lead {words}" not in comp.pairs])
    position = pd.Series(np.arange(comp.n), index=comp.articles["article_id"].to_numpy())
    body = body_texts(blocks, comp.articles)
    for words in LEAD:
        found = article_pairs(event_texts(blocks, comp.articles, 2, words) + "\n\n" + body, eh.FLOOR)
        comp.pairs[f"lead {words} repeated"] = (position[found["article_id_a"]].to_numpy(),
                                                position[found["article_id_b"]].to_numpy(),
                                                found["similarity"].to_numpy())
        comp.pairs[f"lead {words} mean"] = mean_pairs(comp, comp.pairs[2], comp.pairs[f"lead {words}"])


def mean_pairs(comp: eh.Composition, first: tuple, second: tuple) -> tuple:
    """The pairs of two representations with the mean of their two scores (a pair not listed scores 0)."""
    keys = [i.astype(np.int64) * comp.n + j for i, j, _ in (first, second)]
    union = np.union1d(*keys)
    score = sum(pd.Series(s, index=k).reindex(union).fillna(0.0).to_numpy() for k, (_, _, s) in zip(keys, (first, second)))
    return union // comp.n, union % comp.n, score / 2


def grid() -> dict[str, list[dict]]:
    """The families of settings, each in grid order (fewer changes first); the package default left out."""
    package = esg.PACKAGE
    families = {
        "window and threshold for dates": [esg.dated(t, w) for w in (DATE_WINDOW_HOURS, WINDOW_HOURS, 0.0)
                                           for t in THRESHOLDS],
        "lead, threshold for every pair": [{**package, "copies": f"lead {n}", "threshold": t}
                                           for n in LEAD for t in LOW + THRESHOLDS],
        "lead, threshold for pairs with a date": [{**esg.dated(t), "copies": f"lead {n}"}
                                                  for n in LEAD for t in LOW + THRESHOLDS],
        "lead repeated after the headlines": [{**package, "copies": f"lead {n} repeated", "threshold": t}
                                              for n in LEAD for t in LOW + THRESHOLDS],
        "mean of the package and lead scores": [{**package, "copies": f"lead {n} mean", "threshold": t}
                                                for n in LEAD for t in LOW + THRESHOLDS],
    }
    return {family: [s for s in settings if esg.describe(s) != esg.describe(package)]
            for family, settings in families.items()}


def development(polnear_train: Path, allsides_articles: Path) -> tuple[dict, dict]:
    """The three development sets as (composition, mask of the articles scored) and their articles as read."""
    polnear, polnear_articles, _ = esg.polnear(polnear_train)
    june, june_articles, _ = esg.allsides_gold(allsides_articles)
    for comp in (polnear, june):
        add_leads(comp, story_signals._blocks(comp))
        comp.add_times("real", comp.articles["published"])
    masks = esg.halves(polnear, esg.run(polnear, esg.PACKAGE))
    sets = {"PolNeAR A": (polnear, masks["A"]), "PolNeAR B": (polnear, masks["B"]), "June week": (june, june.known)}
    return sets, {"PolNeAR train": (polnear, polnear_articles), "June week": (june, june_articles)}


def criterion_table(sets: dict, comps: dict) -> pd.DataFrame:
    """Every setting of `grid` on the development sets (P / R / ARI), the guard, and the criterion: `least ARI
    gain` over the three sets against the package default, `passes`."""
    default = {name: esg.measure(comp, esg.run(comp, esg.PACKAGE), mask) for name, (comp, mask) in sets.items()}
    rows = [{"family": "package default", "setting": esg.describe(esg.PACKAGE)}
            | {name: "{P:.3f} / {R:.3f} / {ARI:.3f}".format(**default[name]) for name in SETS}]
    for family, settings in grid().items():
        for setting in settings:
            found = {name: esg.measure(comp, esg.run(comp, setting), mask) for name, (comp, mask) in sets.items()}
            kept = esg.guard(comps, setting)
            gains = [found[name]["ARI"] - default[name]["ARI"] for name in SETS]
            rows.append({"family": family, "setting": esg.describe(setting)}
                        | {name: "{P:.3f} / {R:.3f} / {ARI:.3f}".format(**found[name]) for name in SETS}
                        | {key: kept[key] for key in ("AllSides A", "AllSides B", "BASIL A", "BASIL B",
                                                      "seeds one event", "guard kept")}
                        | {"least ARI gain": min(gains),
                           "passes": kept["guard kept"] and min(gains) > 0 and all(
                               found[name]["P"] >= default[name]["P"] - 1e-12 for name in SETS),
                           "_setting": setting})
    return pd.DataFrame(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("polnear_train", type=Path, help="folder of PolNeAR's train split")
    parser.add_argument("--guard", type=Path, metavar="DATA", required=True, help="the shared development data")
    parser.add_argument("--allsides-articles", type=Path, metavar="FOLDER", required=True,
                        help="the AllSides bias corpus (Baly et al. 2020)")
    args = parser.parse_args(argv)
    pd.set_option("display.width", 250)
    pd.set_option("display.max_colwidth", 90)
    started = time.perf_counter()
    sets, read = development(args.polnear_train, args.allsides_articles)
    table = criterion_table(sets, esg.guard_comps(args.guard, add_leads))
    print("== Pre-registration: every setting on the development sets (P / R / ARI: pair precision, recall, ARI on "
          "the judged articles), the guard, and the criterion (module docstring)")
    print(table.drop(columns="_setting").round(3).to_string(index=False))
    passing = table[table["passes"].eq(True)]
    pool = passing if len(passing) else table[table["guard kept"].eq(True)]
    best = pool.loc[pool["least ARI gain"].idxmax()]
    same = esg.describe(best["_setting"]) == esg.describe(esg.CHOSEN_VARIANT)
    how = "it passes" if len(passing) else "none passes: the best kept by the guard"
    print(f"\n{len(passing)} settings pass; chosen ({how}): {best['setting']}; it is "
          f"evaluate_story_gold.CHOSEN_VARIANT: {'yes' if same else 'NO'}")
    for name, (comp, articles) in read.items():
        package = research.cluster_articles(story_signals._blocks(comp), articles, **esg.CHOSEN_OPTIONS)
        theirs = package.set_index("article_id")["event_id"].reindex(comp.articles["article_id"]).to_numpy()
        agree = adjusted_rand_score(esg.run(comp, esg.CHOSEN_VARIANT), theirs) == 1.0
        print(f"research.cluster_articles(**{esg.CHOSEN_OPTIONS}) gives the harness's events of CHOSEN_VARIANT on "
              f"{name}: {'yes' if agree else 'NO'}")
    print(f"({time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
