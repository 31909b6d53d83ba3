"""A second judge's agreement with the judged story-element findings (benchmarks/element_agreement.py), on real
judged rows."""

import json
import sys
from pathlib import Path

import pandas as pd
import pytest

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))
import element_agreement as agreement


def test_kappa_is_one_for_the_same_verdicts_and_zero_for_chance():
    same = pd.Series([True, False, True, True])
    assert agreement.kappa(same, same) == pytest.approx(1.0)
    # the second judge calls everything right: agreement equals chance agreement
    assert agreement.kappa(same, pd.Series([True] * 4)) == pytest.approx(0.0)


def test_a_second_judge_is_matched_to_the_judged_findings_and_scored(tmp_path):
    judged = agreement.read_lines(agreement.JUDGED)
    ten = judged[judged["round"] == 10].head(4)
    second = ten[agreement.KEY].assign(verdict=["wrong" if v == "right" else "right" for v in ten["verdict"]],
                                       error="", reason="flipped", hesitant=False)
    second.iloc[:2, second.columns.get_loc("verdict")] = ten["verdict"].iloc[:2].to_numpy()  # two agree, two not
    path = tmp_path / "second.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in second.to_dict("records")), encoding="utf-8")
    rows = agreement.paired(agreement.read_lines(path), judged)
    table = agreement.agreement(rows).set_index("round")
    assert table.loc["all", "findings"] == 4 and table.loc["all", "agree"] == pytest.approx(0.5)
    stray = second.head(1).assign(label="a sentence no judge ever read")
    path.write_text("".join(json.dumps(r) + "\n" for r in stray.to_dict("records")), encoding="utf-8")
    with pytest.raises(SystemExit, match="name no judged finding"):
        agreement.paired(agreement.read_lines(path), judged)
