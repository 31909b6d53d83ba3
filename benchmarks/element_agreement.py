"""How far a second judge, reading blind, agrees with the findings judged by reading (`judged_elements.jsonl`).

    python benchmarks/element_agreement.py SECOND [--show]

SECOND holds a second judge's JSON lines for findings of `judged_elements.jsonl`, each with the fields that name a
finding (`round`, `corpus`, `articles`, `kind`, `outlet`, `label`) and the second judge's `verdict` ("right" or
"wrong"), `error` (the kind of a wrong one: "grouping", "a piece", "no fact", "same fact", "joined") and `hesitant`.
The second judge saw the findings and their events' texts, never the first judges' verdicts or reasons. Printed: per
round and overall, the findings, the share judged right by each judge, the share on which they agree and Cohen's
kappa; then, for the findings the first judges called wrong, the first judge's kind of error (the opening word of
its reason) against the second judge's verdict. `--show` lists every disagreement with both reasons.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import pandas as pd

JUDGED = Path(__file__).with_name("judged_elements.jsonl")
KEY = ["round", "corpus", "articles", "kind", "outlet", "label"]


def read_lines(path: Path) -> pd.DataFrame:
    return pd.DataFrame([json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()])


def kappa(first: pd.Series, second: pd.Series) -> float:
    """Cohen's kappa of two judges' right/wrong verdicts (booleans); NaN when chance agreement is 1."""
    observed = (first == second).mean()
    chance = first.mean() * second.mean() + (1 - first.mean()) * (1 - second.mean())
    return float("nan") if chance == 1 else (observed - chance) / (1 - chance)


def paired(second: pd.DataFrame, judged: pd.DataFrame) -> pd.DataFrame:
    """The second judge's rows with the first judges' `verdict` and `reason` (`first_verdict`, `first_reason`); a
    row that names no judged finding is an error."""
    first = judged[KEY + ["verdict", "reason"]].rename(columns={"verdict": "first_verdict", "reason": "first_reason"})
    rows = second.merge(first, on=KEY, how="left", validate="one_to_one")
    if rows["first_verdict"].isna().any():
        raise SystemExit(f"{int(rows['first_verdict'].isna().sum())} rows of the second judge name no judged finding")
    return rows


def agreement(rows: pd.DataFrame) -> pd.DataFrame:
    """One row per round and one for all: findings, right by each judge, agreement, kappa."""
    def row(name, part):
        first, second = part["first_verdict"] == "right", part["verdict"] == "right"
        return {"round": name, "findings": len(part), "right (first judges)": first.mean(),
                "right (second judge)": second.mean(), "agree": (first == second).mean(), "kappa": kappa(first, second)}
    return pd.DataFrame([row(str(r), part) for r, part in rows.groupby("round")] + [row("all", rows)])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("second", type=Path)
    parser.add_argument("--show", action="store_true")
    args = parser.parse_args(argv)
    rows = paired(read_lines(args.second), read_lines(JUDGED))
    print(agreement(rows).round(3).to_string(index=False))
    wrong = rows[rows["first_verdict"] == "wrong"]
    kinds = wrong["first_reason"].str.extract(r"^([a-z ]+?):", expand=False).fillna("other")
    print("\nFindings the first judges called wrong, by their kind of error, against the second judge's verdict:")
    print(pd.crosstab(kinds.rename("first judges' kind"), wrong["verdict"].rename("second judge")).to_string())
    print(f"\nsecond judge hesitant on {int(rows['hesitant'].sum())} of {len(rows)}")
    if args.show:
        for r in rows[rows["first_verdict"] != rows["verdict"]].itertuples():
            print(f"- round {r.round} {r.outlet} {r.kind}: {r.label}\n  first: {r.first_verdict}: {r.first_reason}\n"
                  f"  second: {r.verdict}: {r.reason}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
