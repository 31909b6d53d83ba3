"""Filters on one story's findings (benchmarks/fact_filters.py): the first reason read from a judged verdict, and what
the candidate filters (measured, not kept) remove, on judged findings' sentences."""

import json
from pathlib import Path

import pytest
from conftest import benchmark_module

JUDGED = Path(__file__).resolve().parent.parent / "benchmarks" / "judged_elements.jsonl"


@pytest.fixture(scope="module")
def filters():
    return benchmark_module("fact_filters")


def test_every_wrong_verdict_of_the_rounds_has_a_first_reason(filters):
    rows = [json.loads(line) for line in JUDGED.read_text(encoding="utf-8").splitlines() if line.strip()]
    mine = [row for row in rows if row["round"] in filters.ROUNDS]
    reasons = {filters.first_reason(row["verdict"], row["reason"]) for row in mine}
    assert reasons <= {"right", *filters.REASONS} and "right" in reasons
    # rounds 3-8 wrote their reasons freely: a live blog's other story, a writer's comment, a paraphrase
    assert filters.first_reason("wrong", "not this event: a BBC live-blog entry on Kenya") == "grouping"
    assert filters.first_reason("wrong", "the writer's assessment ('it appeared that Trump ...'), no fact") == "no fact"
    assert filters.first_reason("wrong", "the Examiner tells it in other words: 'the increasingly grim ...'") == \
        "not true"


def test_candidates_need_a_bare_quotation(filters):
    speaker = "a bare quotation whose speaker is not shown (no name outside it nor in the sentence before)"
    # judged findings: a quotation opening its paragraph with "he said" (round 12, wrong as a piece) ...
    assert filters.candidate(speaker, "“It feels so good,” he told donors.", "")
    # ... and the same shown after a sentence that names the speaker, or naming them itself (rounds 13-14, right)
    assert not filters.candidate(speaker, "“We’re now at a higher blip than where we were in May and the beginning "
                                          "of June.”", "“I know we’ve had a lot of different blips,” DeSantis said.")
    assert not filters.candidate(speaker, "“When you have a list this large there are going to be quite a few errors "
                                          "in it,” Mattera said.", "")
    # a quotation with a figure is never bare (round 13, right)
    assert not filters.candidate("a bare quotation of 10 words or fewer", "That’s roughly 18% of all loans.", "")
