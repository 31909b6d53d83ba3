"""Filters on the findings of one story's events: what each removes of the judged findings, right and wrong.

    python benchmarks/element_rules.py ../shared/data --polnear-train POLNEAR_TRAIN --polnear-test POLNEAR_TEST
        --allsides-articles ABP_FOLDER --filters-only

Issue 17, after round 15: the errors of the findings that are not two stories in one event (reason "grouping") are
*no fact* (a reaction with nothing checkable, a slogan, a writer's framing), *a piece* (a sentence that restates the
one before or needs a sentence not shown) and *not true* (the fact told by another outlet in other words). First the
judged findings of rounds `ROUNDS` the package states now, under the written judging rule (`rule_verdict` of
`evaluate_elements.REJUDGED` where a finding was judged again), by first reason (`first_reason`) and kind of text.
Then each filter, a rule that only stops a finding from being stated: the package's (`PACKAGE`, switched off to
measure it, `element_rules.FACT_RULES`) and the candidates measured against it (`CANDIDATES`, each a test on the
sentence a finding shows and the sentence before it, applied to what the package states; `SPEAKER_CANDIDATE` also
with the speaker the package shows, `speakers`): wrong/right removed of
rounds `CHOOSE_ROUNDS` and of `REPORT_ROUNDS` by kind of text, the choose halves' findings that agree with the known
elements lost, the findings removed in all, and whether it passes `CRITERION` (fixed before any filter was measured).
"""

from __future__ import annotations

import re

import element_pools as pools
import element_rules as er
import evaluate_elements as ev
import numpy as np
import pandas as pd

import research
from research.claims.quantities import find_quantities
from research.story import facts
from research.story.coverage import coverage
from research.text.tokens import WORD

ROUNDS = range(3, 15)
CHOOSE_ROUNDS = range(3, 11)
REPORT_ROUNDS = range(11, 15)
CRITERION = ("on rounds 3-10 under the written rule, on each kind of text where it removes any: at least twice as many "
             "wrong findings removed as right ones, and some wrong; at most one choose-half finding lost that agrees "
             "with the known elements; on rounds 11-14 (reported, not chosen on) more wrong removed than right")
# The package's filter, measured by switching it off (`element_rules.FACT_RULES`).
PACKAGE = "exhortation"
# First reasons of the written rule, read from the start of a verdict's reason (rounds 3-8 wrote theirs freely).
REASONS = {"grouping": ("grouping", "not this event"),
           "a piece": ("a piece", "a fragment"),
           "no fact": ("no fact", "opinion", "transition", "boilerplate", "writer's", "columnist", "caption", "comment",
                       "reader instruction", "byline", "sourcing note"),
           "not true": ("not true", "joined", "two different", "other words", "tells")}
# A quotation that opens with a pronoun or a demonstrative ("This is the nerve center", "It feels so good").
PRONOUN = re.compile(r"^\W*(?:(?:But|And|So)\s+)?(?:It|This|That|There|They|He|She|These|Those)\b")
# A quotation that opens with "we" or "I" ("We need to do this", "I wanted this nightmare to go away").
FIRST_PERSON = re.compile(r"^\W*(?:(?:But|And|So|Now|Well)\W+)?(?:we|i|our|my)\b", re.IGNORECASE)
# A pledge: "we" or "I" and "will" ("We will be a significant force inside").
PLEDGE = re.compile(r"^\W*(?:(?:But|And|So|Now|Still|Well)\W+)?(?:we|i)(?:\s+\w+)?(?:\s+will|\s+won[’']t|[’']ll|"
                    r"\s+(?:are|am) going to|\s+shall)\b", re.IGNORECASE)


def first_reason(verdict: str, reason: str) -> str:
    """"right", or the first reason of the written rule a wrong verdict's `reason` gives (`REASONS`; "other")."""
    if verdict == "right":
        return "right"
    start = reason.lower()[:45]
    return next((name for name, words in REASONS.items() if any(w in start for w in words)), "other")


def _bare(text: str) -> tuple[str, bool]:
    """The quoted words of `text` (`facts.quoted_spans`) and whether they are bare: no name, no figure in the sentence."""
    words = " ".join(text[start:end] for start, end in facts.quoted_spans(text))
    figure = any(not np.isnan(q.value) for q in find_quantities(text))
    return words, bool(words) and not figure and not facts.sentence_names(words)


def _named_outside(text: str) -> bool:
    """Whether `text` names someone outside its quotations."""
    outside = list(text)
    for start, end in facts.quoted_spans(text):
        outside[start:end] = " " * (end - start)
    return bool(facts.sentence_names("".join(outside)))


def _short(n: int):
    return lambda words, text, before: len(WORD.findall(words)) <= n


# Measured, not kept unless they pass `CRITERION`: tests on a bare quotation (`_bare`: its quoted words, the sentence a
# finding shows and the sentence before it); a finding whose sentence has no bare quotation is never removed.
CANDIDATES = {
    "a bare quotation of 6 words or fewer (no name, no figure)": _short(6),
    "a bare quotation of 8 words or fewer": _short(8),
    "a bare quotation of 10 words or fewer": _short(10),
    "a bare quotation opening with a pronoun or demonstrative": lambda words, text, before: bool(PRONOUN.match(words)),
    "a bare quotation opening with 'we' or 'I', 8 words or fewer": lambda words, text, before: bool(
        FIRST_PERSON.match(words)) and _short(8)(words, text, before),
    "a bare pledge ('we will', 'I will')": lambda words, text, before: bool(PLEDGE.match(words)),
    "a bare quotation whose speaker is not shown (no name outside it nor in the sentence before)":
        lambda words, text, before: not _named_outside(text) and not facts.sentence_names(before),
}


def candidate(name: str, text: str, before: str) -> bool:
    """Whether the candidate filter `name` removes a finding showing `text` after `before`."""
    words, bare = _bare(text)
    return bare and CANDIDATES[name](words, text, before)


# The candidate also measured with the speaker the package shows (`speaker_of`): no finding removed that has one.
SPEAKER_CANDIDATE = "a bare quotation whose speaker is not shown (no name outside it nor in the sentence before)"


def speakers(events: dict, table: pd.DataFrame, hit: pd.Series) -> pd.Series:
    """For the findings of `table` where `hit`: the speaker the package shows with each (`coverage`'s `speaker`, with
    the voice spans of its event, as `research.pipeline` builds them); "" elsewhere."""
    said = pd.Series("", index=table.index)
    for (corpus, name), rows in table[hit].groupby(["corpus", "event"]):
        event = events[corpus, name]
        articles, passages = event["articles"], event["passages"]
        cues = research.group_actors(research.attributions(research.split_blocks(articles), articles), articles)
        cover = coverage(event["found"], passages, voices=research.voice_spans(passages, articles, cues))
        speaker = cover.set_index(["outlet", "element_id"])["speaker"]
        said[rows.index] = [speaker[(o, e)] for o, e in zip(rows["outlet"], rows["element_id"])]
    return said


def shown(event: dict, rows: pd.DataFrame) -> pd.DataFrame:
    """For each finding of `rows` (of `event`): the sentence it shows (`text`: the outlet's first sentence of the
    element for "only", the element's representative for an omission) and the sentence before it (`before`,
    `coverage`'s `sentence_before`)."""
    found, cover = event["found"], event["coverage"].set_index(["outlet", "element_id"])
    at = found.passages.set_index(["article_id", "start"])["text"]
    text_of = found.passages.set_index("passage_id")["text"]
    representative = found.elements.set_index("element_id")["representative_passage_id"]
    texts = []
    for row in rows.itertuples():
        line = cover.loc[(row.outlet, row.element_id)]
        texts.append(at[(line["article_id"], int(line["start"]))] if row.kind == "only"
                     else text_of[representative[row.element_id]])
    before = [cover.loc[(o, e), "sentence_before"] for o, e in zip(rows["outlet"], rows["element_id"])]
    return pd.DataFrame({"text": texts, "before": before}, index=rows.index)


def finding_table(events: dict, judged: pd.DataFrame) -> pd.DataFrame:
    """Every finding stated with `PACKAGE` off, on every event loaded: `corpus`, `event`, `kind`, `outlet`, `label`,
    `text`, `before` (`shown`), `stated` (with `PACKAGE` on: the package), `agrees` (`element_rules.agreeing`),
    `text kind` (full, excerpts), and for the judged ones of `ROUNDS` `round`, `rule` (verdict under the written rule)
    and `reason` (`first_reason`)."""
    keys = ["corpus", "event", "kind", "outlet", "label"]
    rows = []
    for (corpus, name), event in events.items():
        base = er.findings(event, (PACKAGE,))
        now = set(zip(*(er.findings(event)[k] for k in ("kind", "outlet", "label"))))
        rows.append(base[["kind", "outlet", "element_id", "label"]].assign(
            corpus=corpus, event=name, agrees=er.agreeing(event, base),
            stated=[key in now for key in zip(base["kind"], base["outlet"], base["label"])]).join(shown(event, base)))
    table = pd.concat(rows, ignore_index=True).astype({"stated": bool, "agrees": bool})
    table["text kind"] = np.where(table["corpus"].map(pools.FRESH_TEXT).fillna(table["corpus"].map(
        {"allsides": "excerpts"})).fillna("full articles") == "excerpts", "excerpts", "full")
    mine = judged[judged["round"].isin(ROUNDS)].copy()
    mine["rule"] = ev.rule_verdicts(mine)
    mine["reason"] = [first_reason(v, r) for v, r in zip(mine["rule"], ev.rule_verdicts(mine, "rule_reason", "reason"))]
    mine = mine.drop_duplicates(keys).astype({"event": str})
    return table.merge(mine[keys + ["round", "rule", "reason"]], on=keys, how="left")


def filter_row(table: pd.DataFrame, name: str, removed: pd.Series) -> dict:
    """What a filter removing `removed` (a mask of `table`) takes of the judged findings (wrong/right by round group
    and kind of text), of the choose halves' agreeing findings and in all, and whether it passes `CRITERION`."""
    right, wrong = table["rule"] == "right", table["rule"] == "wrong"
    line, passes = {"filter": name}, True
    for group, rounds in (("3-10", CHOOSE_ROUNDS), ("11-14", REPORT_ROUNDS)):
        total = [0, 0]
        for text in ("full", "excerpts"):
            part = removed & table["round"].isin(rounds) & (table["text kind"] == text)
            w, r = int((part & wrong).sum()), int((part & right).sum())
            line[f"{group} {text}"] = f"{w}/{r}"
            total = [total[0] + w, total[1] + r]
            if group == "3-10" and (w or r) and not (w >= 2 * r and w > 0):
                passes = False
        line[f"{group} all"] = f"{total[0]}/{total[1]}"
        if group == "3-10" and total[0] == 0 or group == "11-14" and not total[0] > total[1]:
            passes = False
    line["agreeing lost"] = int((removed & table["agrees"]).sum())
    line["removed"] = int(removed.sum())
    line["passes"] = passes and line["agreeing lost"] <= 1
    return line


def report(events: dict, judged: pd.DataFrame) -> pd.DataFrame:
    """Print the judged findings stated by first reason, then each filter's table (module docstring); the table."""
    table = finding_table(events, judged)
    stated = table[table["stated"]]
    judged_now = stated[stated["round"].notna()]
    group = np.where(judged_now["round"] <= max(CHOOSE_ROUNDS), "3-10", "11-14")
    print(f"== One story's findings: the judged findings of rounds {ROUNDS.start}-{ROUNDS.stop - 1} the package states "
          f"now ({len(judged_now)}), under the written rule, by first reason, round group and kind of text")
    print(judged_now.assign(group=group).groupby(["group", "text kind"])["reason"].value_counts()
          .unstack(fill_value=0).to_string())
    lines = [filter_row(table, f"{PACKAGE} (the package: `facts.EXHORTATION`)", ~table["stated"])]
    for name in CANDIDATES:
        hit = pd.Series([candidate(name, t, b) for t, b in zip(stated["text"], stated["before"])], index=stated.index)
        lines.append(filter_row(stated, name, hit))
        if name == SPEAKER_CANDIDATE:
            lines.append(filter_row(stated, "... and no speaker shown by the package", hit & (speakers(
                events, stated, hit) == "")))
    filters = pd.DataFrame(lines)
    print(f"== One story's findings: each filter, wrong/right removed of the judged findings (under the written rule) "
          f"by round group and kind of text; the choose halves' findings agreeing with the known elements lost; "
          f"findings removed (every event loaded); passes: {CRITERION}. The package's filter is measured against the "
          "package with it off, the candidates against the package")
    print(filters.to_string(index=False))
    print(f"-- what {PACKAGE} removes")
    for row in table[~table["stated"]].sort_values(["round", "corpus"], na_position="last").itertuples():
        verdict = f"{row.rule} ({row.reason}) round {int(row.round)}" if isinstance(row.rule, str) else "unjudged"
        print(f"    {verdict}, {row.corpus} {row.kind}, {row.outlet}: {row.text[:110]}")
    print()
    return filters
