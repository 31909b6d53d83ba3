"""How far a second reader, following `benchmarks/gold/README.md`, agrees with a figures gold on subject,
claimant and as-of period: a ceiling for the package's scores on the same gold.

    python benchmarks/gold_agreement.py DATA --sample GOLD [--n 60] [--seed 11] [--min-events K]
    python benchmarks/gold_agreement.py SECOND GOLD [GOLD ...] [--show] [--package DATA]

The first form prints, for a seeded sample of a gold's figures, only the fields that locate a figure (event,
article, offsets, surface, value) with the article's date and the text around the figure, never the gold's
subject, claimant, forecast, as-of or link: what a second reader annotates blind. The sample is drawn from the
events (AllSides roundups, PolNeAR articles) shuffled with `random.Random(seed)`, taking whole events until at
least `--min-events` events and `--n` figures are in, then `--n` figures of those drawn with the same generator.
DATA is the shared data folder (holding `allsides_dev/` and `polnear_dev/`).

The second form reads the second reader's JSON lines (`roundup`, `article_id`, `start`, `end`, `subject`,
`claimant`, a name or "reporter", `asof_start`, `asof_end`, ISO dates), matches each to the gold record of the
same roundup, article and offsets, and scores it with `evaluate_figures.py`'s own checks (`subject_right`,
`claimant_right`, `asof_right`: the test the package faces), on the same rows (subject where the gold has
`subject_must`, as-of where the gold period is resolved). One table row per gold half: n, then each agreement.
`--show` lists every disagreement on stderr, gold against second reader. `--package DATA` adds a row per half for
the package on the same figures: `evaluate_figures.py`'s chain run on their events, each figure matched to the
extracted figure overlapping it most, scored on those it found (n), as that script scores it.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path
from types import SimpleNamespace

import pandas as pd
from evaluate_figures import asof_right, claimant_right, extract, match, subject_right

from research.corpus import datasets

LOCATORS = ["roundup", "article_id", "start", "end", "surface", "value"]
CHECKS = {"subject": subject_right, "claimant": claimant_right, "as-of": asof_right}


def read_records(path: Path) -> pd.DataFrame:
    return pd.DataFrame([json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()])


def figures(gold: pd.DataFrame) -> pd.DataFrame:
    return gold[~gold["kind"].str.startswith("not_figure")]


def sample(gold: pd.DataFrame, n: int, seed: int, min_events: int) -> pd.DataFrame:
    """`n` figures of whole events drawn in seeded order (at least `min_events` events), locators only."""
    figs = figures(gold)[LOCATORS].reset_index(drop=True)
    events = sorted(set(figs["roundup"]))
    rng = random.Random(seed)
    rng.shuffle(events)
    taken = []
    for event in events:
        taken.append(event)
        if len(taken) >= min_events and figs["roundup"].isin(taken).sum() >= n:
            break
    pool = sorted(figs.index[figs["roundup"].isin(taken)])
    return figs.loc[sorted(rng.sample(pool, min(n, len(pool))))]


def texts(data: Path) -> pd.DataFrame:
    allsides = datasets.read_allsides(data / "allsides_dev", spread_hours=0)[["article_id", "published", "text"]]
    polnear = datasets.read_polnear(data / "polnear_dev")[["article_id", "published", "text"]]
    return pd.concat([allsides, polnear], ignore_index=True).set_index("article_id")


def show_sample(rows: pd.DataFrame, data: Path, before: int, after: int) -> None:
    articles = texts(data)
    for row in rows.itertuples():
        article = articles.loc[row.article_id]
        text = article["text"]
        assert text[row.start:row.end] == row.surface, row
        context = text[max(0, row.start - before):row.start] + "[[" + row.surface + "]]" + text[row.end:row.end + after]
        print(json.dumps({k: getattr(row, k) for k in LOCATORS}, default=str), "published", article["published"])
        print("   ", " ".join(context.split()), "\n")


def second_reader(row) -> SimpleNamespace:
    """The second reader's fields of a merged row, shaped as an extracted claim ("reporter" is own voice: "")."""
    claimant = "" if row.claimant_2 in ("reporter", None) else row.claimant_2
    return SimpleNamespace(subject=row.subject_2, claimant=claimant, asof_start=row.asof_start_2,
                           asof_end=row.asof_end_2)


def agreement(merged: pd.DataFrame, readers: dict, show: bool = False) -> pd.DataFrame:
    """One row per gold half and reader: n figures the reader gives (the package: found), then hits/rows for
    subject, claimant and as-of, on the rows `evaluate_figures.evaluate` judges. `readers` maps a reader's name to
    its claim per merged row (None: not found)."""
    rows = []
    for half, group in merged.groupby("half", sort=False):
        for reader, claims in readers.items():
            given = group[[claims[i] is not None for i in group.index]]
            row = {"gold": half, "reader": reader, "n": len(given)}
            for name, check in CHECKS.items():
                judged = given
                if name == "subject":
                    judged = given[given["subject_must"].map(bool)]
                if name == "as-of":
                    judged = given[given["asof_start"].notna()]
                hits = 0
                for g in judged.itertuples():
                    ours = claims[g.Index]
                    ok = check(g, ours)
                    hits += ok
                    if show and not ok and reader == "second reader":
                        gold_side = {"subject": (g.subject, g.subject_must, g.subject_any),
                                     "claimant": (g.claimant, g.claimant_aliases),
                                     "as-of": (g.asof_start, g.asof_end, g.asof_text)}[name]
                        second_side = {"subject": g.subject_2, "claimant": g.claimant_2,
                                       "as-of": (g.asof_start_2, g.asof_end_2)}[name]
                        print(f"[{name}] {half} {g.article_id} {g.start} {g.surface!r}: gold {gold_side} | "
                              f"second {second_side}", file=sys.stderr)
                row[name] = f"{hits}/{len(judged)} = {hits / len(judged):.3f}" if len(judged) else "0/0"
            rows.append(row)
    return pd.DataFrame(rows)


def package_claims(merged: pd.DataFrame, data: Path) -> list:
    """The package's extracted claim overlapping each merged row most (`evaluate_figures.extract` and `match`,
    the chain run on the rows' events only), None where it found none."""
    _, claims, _, _ = extract(data / "allsides_dev", set(merged["roundup"]))
    found = match(merged, claims)
    return [claims.loc[i] if i >= 0 else None for i in found]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("first", type=Path, help="DATA (with --sample) or the second reader's JSON lines")
    parser.add_argument("golds", type=Path, nargs="*", help="gold files to score against")
    parser.add_argument("--sample", type=Path, help="print a blind sample of this gold's figures (locators only)")
    parser.add_argument("--n", type=int, default=60)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--min-events", type=int, default=12)
    parser.add_argument("--context", type=int, nargs=2, default=(500, 200), metavar=("BEFORE", "AFTER"))
    parser.add_argument("--show", action="store_true", help="list the second reader's disagreements on stderr")
    parser.add_argument("--package", type=Path, metavar="DATA",
                        help="also score the package (evaluate_figures' chain) on the same figures")
    args = parser.parse_args(argv)
    if args.sample:
        rows = sample(read_records(args.sample), args.n, args.seed, args.min_events)
        show_sample(rows, args.first, *args.context)
        return 0
    second = read_records(args.first)
    gold = pd.concat([read_records(path) for path in args.golds], ignore_index=True)
    key = ["roundup", "article_id", "start", "end"]
    merged = figures(gold).merge(second[key + ["subject", "claimant", "asof_start", "asof_end"]], on=key,
                                 suffixes=("", "_2"), validate="one_to_one").reset_index(drop=True)
    readers = {"second reader": [second_reader(row) for row in merged.itertuples()]}
    if args.package:
        readers["package"] = package_claims(merged, args.package)
    table = agreement(merged, readers, args.show)
    print(f"second reader: {len(second)} figures; matched in the golds: {len(merged)}")
    print(table.to_string(index=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
