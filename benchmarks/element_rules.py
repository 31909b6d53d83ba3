"""What each rule chosen on the findings judged by reading removes, right and wrong.

    python benchmarks/element_rules.py ../shared/data [--choose-only | --last-round N] [--polnear-train FOLDER]
        [--polnear-test FOLDER] [--allsides-articles FOLDER]
        [--pieces-only | --units-only | --runs-only | --lede-only | --event-gate-only | --filters-only]

The rules (issue 17, "one fact, one element"), chosen on the findings of rounds
1-5 of `judged_elements.jsonl` and the choose halves' known elements:

- transition: a sentence that announces the next one states no fact
  (`research.story.facts.TRANSITION`);
- argues: the writer's own argument states no fact (`facts.ARGUES`);
- fact kinds: findings only for the kinds of fact (`research.story.facts.FACT_KINDS`)
  whose judged findings of rounds 1-5 reach `GOAL` (`omissions(finding_facts=...)`;
  the choice is printed first);
- omission cohesion: "left out" and "not in the excerpt" need `cohesion` at
  least `MIN_OMISSION_COHESION` (`omissions(min_omission_cohesion=...)`).

and, chosen on rounds 1-6 and checked on round 7 (drawn and judged blind
before them):

- reader: a sentence talking to the page's reader states no fact
  (`facts.addresses_reader`);
- topicality: an "only" finding needs its passage's neighbourhood to be about
  the event (`omissions(min_topicality=...)`, `research.story.coverage.topicality`):
  the value is the largest of `TOPICALITY_GRID` that removes none of the
  findings of rounds 1-6 judged right and none of the choose halves' findings
  that agree with the known elements (printed after the fact kinds);
- quotation fragments (measured, not a rule): the judged findings whose
  sentence closes a quotation opened in an earlier sentence, by round and
  verdict.

and, chosen on rounds 1-6 (rounds 7 and 8 kept for the report: `--choose-only`
reads no judged finding of a round after `CHOOSE_ROUNDS`, so none of their rows
is printed):

- only cohesion: an "only" element one outlet tells in two articles or more
  needs `cohesion` at least `MIN_ONLY_COHESION` (`omissions(min_only_cohesion=...)`).

and, after round 10 (`one_story`, with `--polnear-train FOLDER` for rounds 9-10: PolNeAR's train split,
its judged rows matched to the event of their `articles`): whether the outlets of an event tell one story,
each statistic by verdict and each gate on it (no rule kept: none passes).

and, chosen after round 10 on rounds 3-10 (`--pieces-only` prints this table alone):

- own subject: an "only" finding needs a label that names its own subject, not a set only the sentence before
  names (`omissions(own_subject=...)`, `research.story.pieces.counts_on_previous`); `piece_choice` prints what
  it and the gates measured against it remove, by round group (3-8, 9-10) and kind of text;

and, chosen after round 11 on rounds 3-10 judged under the written judging rule (`rule_verdict` of
`evaluate_elements.REJUDGED` where a finding was judged again; `--units-only` prints this table alone):

- units: a later piece of a unit (a sentence leaning on one that leans in turn, `unit_position` 2 or more) gives no
  finding (`omissions(units=...)`, `research.story.pieces`); `units_choice` prints what it and the variants
  measured against it remove, by round group and kind of text, and what they do to the choose halves' findings
  that agree with the known elements;

and measured after round 10 on rounds 3-10, not kept (`--runs-only` prints this table alone):

- runs: one finding per run of an outlet's "only" sentences (a quotation told over several sentences is one fact);
  `runs_choice` (`benchmarks/element_runs.py`) prints, per kind of run, the precision before and after and what
  it drops, by round group and kind of text.

and measured after round 13 on rounds 3-11, not kept (`--lede-only` prints this section alone; `benchmarks/lede_gate.py`):

- the lead: no finding about an outlet whose lead (headline and first paragraphs) shares no element with, or is not
  covered by the words of, another outlet's lead or text; per gate, what it removes of the judged findings of
  rounds 3-11 under the written rule, by round group and kind of text; with `--polnear-test FOLDER` and
  `--allsides-articles FOLDER` (rounds 12 and 13; no `--last-round`) also what the candidate gate
  (`lede_gate.CHOSEN`) removes of those rounds, judged before it existed.

and measured after round 13 on rounds 3-11 (`--event-gate-only` prints this section alone; `benchmarks/event_gate.py`):

- the event's pairs: no finding in an event (or about an outlet) whose pairs of articles of two outlets score below a
  value by the events' own text score (`EVENT_SCORER`, IDF of the corpus grouped); per gate, what it removes of the
  judged findings of rounds 3-11 under the written rule; with `--polnear-test FOLDER` and `--allsides-articles
  FOLDER` (no `--last-round`) also what the chosen gate (`event_gate.CHOSEN`) and the best gate on "only" findings
  (`event_gate.GROUPING_CANDIDATE`) remove of rounds 12 and 13.

and chosen after round 15 on rounds 3-10 under the written rule, reported on rounds 11-14 (`--filters-only` prints this
section alone, loading the AllSides bias corpus's windows of rounds 13 and 14; `benchmarks/fact_filters.py`):

- exhortation: someone's words that only urge ("We need to do this") state no fact (`facts.EXHORTATION`); with the
  candidate filters measured against it (no fact, a piece) and the judged findings by first reason.

`--last-round N` loads the judged rounds up to N only (`--choose-only`: up to `CHOOSE_ROUNDS`).

For the package with every rule, with each rule off (the others on), and with
none: the judged findings of rounds 1-5 the package states (right, wrong,
precision; rounds 4-5 apart; rounds 1-6, right and wrong; round 6 and round 7 apart), and the findings of the events with known
elements, choose and report halves, on each kind of text, with their agreement
(`evaluate_elements.correct`). The fact rules are switched off by recomputing
each element's `fact` with the rule's pattern matching nothing.
"""

from __future__ import annotations

import json
import re
import sys
from contextlib import contextmanager
from pathlib import Path

import element_pools as pools
import element_runs
import evaluate_elements as ev
import event_gate
import fact_filters
import lede_gate
import numpy as np
import one_story
import pandas as pd

from research.claims.quantities import find_quantities
from research.story import facts
from research.story.coverage import (
    FINDING_FACTS,
    LOOSE_THRESHOLD,
    MIN_OMISSION_COHESION,
    MIN_ONLY_COHESION,
    MIN_TOPICALITY,
    coverage,
    omissions,
)
from research.story.elements import article_field, cluster_passages
from research.story.pieces import ATTRIBUTION_WORDS, LEANS, counts_on_previous
from research.text.quotes import quoted_ranges
from research.text.tokens import WORD

RULES = ("transition", "argues", "fact kinds", "omission cohesion", "reader", "topicality", "only cohesion",
         "own subject", "units", "exhortation")
NOTHING = re.compile(r"(?!)")
# The fact rules and what switches each off: its pattern matching nothing, or its test answering no.
FACT_RULES = {"transition": ("TRANSITION", NOTHING), "argues": ("ARGUES", NOTHING),
              "reader": ("addresses_reader", lambda text: False), "exhortation": ("EXHORTATION", NOTHING)}
JUDGED_ROUNDS = range(1, 6)
# The rounds the reader and topicality rules were chosen on; the next round is their check.
TOPIC_ROUNDS = range(1, 7)
# The rounds the rules after round 8 were chosen on (`--choose-only` reads no later round).
CHOOSE_ROUNDS = range(1, 7)
TOPICALITY_GRID = np.round(np.arange(0.3, 0.601, 0.05), 2)
# Corpora of the judged findings made by grouping a corpus with `cluster_articles` (element_pools.fresh_pools).
GROUPED = {"timeline17": ("timeline17", False), "timeline17-excerpts": ("timeline17", True),
           "polnear": ("polnear", False), "polnear-excerpts": ("polnear", True), "basil-excerpts": ("basil", True)}
# The rounds the own-subject rule (`research.story.pieces`) was chosen on, after round 10.
PIECE_ROUNDS = range(3, 11)
# Measured, not kept: the words a sentence refers back with ("She lost by 13 points"; `_leaning`, with
# `research.story.pieces.ATTRIBUTION_WORDS`).
BACK_REFERENCE = re.compile(r"^[\s\"“‘'`(\[—–-]*(?:(?:And|But|So|Or)\s+)?(?:He|She|It|They|We|This|That|These|Those"
                            r"|Another|Others|Both|Neither|Each|(?:Everyone|Everybody|Nobody|No one) else)\b",
                            re.IGNORECASE)
# The precision the issue asks of the findings (issue 17): a kind of fact whose judged findings reach it is kept.
GOAL = 0.90


@contextmanager
def without(rules):
    """The fact rules of `rules` switched off while inside."""
    saved = {name: getattr(facts, FACT_RULES[name][0]) for name in rules if name in FACT_RULES}
    try:
        for name in saved:
            setattr(facts, *FACT_RULES[name])
        yield
    finally:
        for name, value in saved.items():
            setattr(facts, FACT_RULES[name][0], value)


def element_facts(found, published: pd.Series) -> pd.Series:
    """Each element's `fact` as `cluster_passages` gives it: the `fact_kind` of its representative, else of its
    first sentence by passage id that states one."""
    body = found.passages.sort_values("passage_id", kind="stable")
    representative = found.elements.set_index("element_id")["representative_passage_id"]
    text = body.set_index("passage_id")["text"]
    article = body.set_index("passage_id")["article_id"].astype(str)
    kinds = {}
    for element, ids in body.groupby("element_id", sort=False)["passage_id"]:
        order = [representative[element], *[i for i in ids if i != representative[element]]]
        kinds[element] = next((kind for i in order if (kind := facts.fact_kind(text[i], published.get(
            article[i], "")))), "")
    return pd.Series(kinds)


def findings(event: dict, off=(), min_topicality: float = MIN_TOPICALITY) -> pd.DataFrame:
    """`omissions` of one event with the rules `off` switched off (`min_topicality` when topicality is on)."""
    cover = event["coverage"]
    if any(name in FACT_RULES for name in off):
        with without(off):
            cover = cover.assign(fact=cover["element_id"].map(element_facts(event["found"], event["published"])))
    return omissions(cover, min_omission_cohesion=0.0 if "omission cohesion" in off else MIN_OMISSION_COHESION,
                     finding_facts=None if "fact kinds" in off else FINDING_FACTS,
                     min_topicality=0.0 if "topicality" in off else min_topicality,
                     min_only_cohesion=0.0 if "only cohesion" in off else MIN_ONLY_COHESION,
                     own_subject="own subject" not in off, units="units" not in off)


def load(data: Path, last_round: int | None = None, polnear_train: Path | None = None,
         polnear_test: Path | None = None, allsides_articles: Path | None = None,
         corpus_articles: dict | None = None, windows: tuple = ("allsides-articles",)) -> tuple[dict, pd.DataFrame]:
    """Each event needed (every judged round up to `last_round`, None: all; known elements) with its elements,
    coverage, known elements and articles, and the judged findings (of those rounds). With `polnear_train`
    (PolNeAR's folder with the train split) its pools are grouped as `element_pools.fresh_pools` groups them, and
    their judged rows are matched to the event of their `articles` (no event of them: `event` "regrouped"); the same
    for `polnear_test` (its test split, round 12) and `allsides_articles` (the AllSides bias corpus's window of
    round 13; `windows`: the pools of `element_pools.ALLSIDES_ARTICLES_WINDOWS` read, the others' rows count as not
    stated). `corpus_articles`, when given, receives for each corpus the articles `cluster_articles` grouped (the
    whole corpus read, before events of one outlet are dropped; the seeds and AllSides' and BASIL's corpora, whose
    events are given, as loaded)."""
    corpus_articles = {} if corpus_articles is None else corpus_articles
    judged = [json.loads(line) for line in ev.JUDGED.read_text(encoding="utf-8").splitlines() if line.strip()]
    judged = pd.DataFrame([row for row in judged if last_round is None or row["round"] <= last_round]) \
        .assign(event=lambda t: t["event"].astype(str))
    corpora = {"allsides": (*ev.load_allsides(data), *ev.allsides_known()),
               "basil": (*ev.load_basil(data), *ev.basil_known())}
    corpora["allsides-known-choose"] = (*corpora["allsides"][:2], {}, {})
    read = {"timeline17": lambda: ev.datasets.read_timeline17(data / "timeline17_dev")[0],
            "polnear": lambda: ev.datasets.read_polnear(data / "polnear_dev"),
            "basil": lambda: ev.datasets.read_basil(data / "basil_dev")}
    for corpus, (name, excerpts) in GROUPED.items():
        if corpus in set(judged["corpus"]):
            corpus_articles[corpus] = read[name]()
            corpora[corpus] = (*pools.grouped(corpus_articles[corpus], excerpts), {}, {})
    new_pools = {}
    if polnear_train is not None:
        new_pools["polnear-train"] = lambda: ev.datasets.read_polnear(polnear_train, "train")
    if polnear_test is not None:
        new_pools["polnear-test"] = lambda: ev.datasets.read_polnear(polnear_test, "test")
    for window in windows if allsides_articles is not None else ():
        new_pools[window] = lambda window=window: ev.datasets.read_allsides_articles(
            allsides_articles, *pools.ALLSIDES_ARTICLES_WINDOWS[window])
    for pool, reader in new_pools.items():
        train = reader()
        for corpus, excerpts in ((pool, False), (f"{pool}-excerpts", True)):
            corpus_articles[corpus] = train
            articles, passages = pools.grouped(train, excerpts, pools.NEW_POOL_EVENTS)
            ids = articles.groupby("event")["article_id"].agg(lambda a: " ".join(sorted(a.astype(str))))
            mine = judged["corpus"] == corpus
            judged.loc[mine, "event"] = judged.loc[mine, "articles"].map(dict(zip(ids, ids.index))).fillna("regrouped")
            corpora[corpus] = (articles, passages, {}, {})
    for corpus in ("allsides", "allsides-known-choose", "basil"):
        corpus_articles[corpus] = corpora[corpus][0]
    events = {}
    for corpus, (articles, passages, known, half) in corpora.items():
        wanted = set(known) | set(judged.loc[judged["corpus"] == corpus, "event"])
        for name in sorted(wanted):
            chosen, mine = pools.of_event(articles, passages, name)
            if chosen["outlet"].nunique() < 2:
                continue
            found = cluster_passages(mine, chosen)
            events[corpus, name] = {"found": found, "coverage": coverage(found, mine), "known": known.get(name),
                                    "passages": mine, "articles": chosen,
                                    "half": half.get(name), "published": article_field(chosen, "published")}
    articles, passages = ev.load_seeds()
    corpus_articles["seeds"] = articles
    found = cluster_passages(passages, articles)
    events["seeds", "seeds"] = {"found": found, "coverage": coverage(found, passages), "half": "choose",
                                "passages": passages, "articles": articles,
                                "known": ev.known_elements(passages[passages["role"] == "body"]),
                                "published": article_field(articles, "published")}
    return events, judged


def agreement(events: dict, rows: dict) -> tuple[int, float]:
    """How many findings of `events` (their `rows`) and the share the known elements agree with."""
    agree = []
    for key, event in events.items():
        found = event["found"]
        members = found.passages.groupby("element_id")["passage_id"].apply(list)
        outlet_of = dict(zip(found.passages["passage_id"], found.passages["outlet"]))
        for row in rows[key].itertuples():
            kind = "only" if row.kind == "only" else "left out"
            agree.append(ev.correct((kind, row.outlet, members[row.element_id]), outlet_of, event["known"],
                                    found.passages["passage_id"].tolist()))
    return len(agree), float(np.mean(agree)) if agree else float("nan")


def measure(events: dict, judged: pd.DataFrame, off=(), min_topicality: float = MIN_TOPICALITY) -> dict:
    rows = {key: findings(event, off, min_topicality) for key, event in events.items()}
    stated = {(corpus, event, *row) for (corpus, event), found in rows.items()
              for row in zip(found["kind"], found["outlet"], found["label"])}
    still = judged[[key in stated for key in zip(judged["corpus"], judged["event"], judged["kind"],
                                                 judged["outlet"], judged["label"])]]
    right = still["verdict"] == "right"
    chosen = still["round"].isin(JUDGED_ROUNDS)
    held = chosen & (still["round"] >= 4)
    result = {"rules switched off": ", ".join(off) or "none (the package)", "judged 1-5 stated": int(chosen.sum()),
              "right": int(right[chosen].sum()), "wrong": int((~right[chosen]).sum()),
              "precision": right[chosen].mean(), "4-5 stated": int(held.sum()), "4-5 precision": right[held].mean()}
    choose = still["round"].isin(CHOOSE_ROUNDS)
    result |= {"1-6 stated": int(choose.sum()), "1-6 right": int(right[choose].sum()),
               "1-6 wrong": int((~right[choose]).sum())}
    for number in (6, 7):
        mine = still["round"] == number
        result |= {f"{number} stated": int(mine.sum()), f"{number} precision": right[mine].mean()}
    for half in ("choose", "report"):
        for text, corpora in (("excerpts", ("allsides",)), ("full", ("basil", "seeds"))):
            chosen = {key: e for key, e in events.items()
                      if key[0] in corpora and e["known"] is not None and e["half"] == half}
            n, share = agreement(chosen, {key: rows[key] for key in chosen})
            result |= {f"{half} {text}": n, f"{half} {text} agree": share}
    return result, still


def kind_choice(events: dict, judged: pd.DataFrame) -> None:
    """Precision of the judged findings of rounds 1-5 by the `fact` of their element (every other rule on),
    and the kinds that reach `GOAL`: the choice of `FINDING_FACTS`."""
    judged = judged[judged["round"].isin(JUDGED_ROUNDS)]
    rows = pd.concat([findings(event, ("fact kinds",)).assign(corpus=corpus, event=name)
                      for (corpus, name), event in events.items()], ignore_index=True)
    keys = ["corpus", "event", "kind", "outlet", "label"]
    kinds = judged.merge(rows[keys + ["fact"]].astype({"event": str}), on=keys)
    table = kinds.assign(right=kinds["verdict"] == "right").groupby("fact")["right"].agg(
        judged="size", right="sum", precision="mean")
    chosen = [kind for kind in facts.FACT_KINDS if kind in table.index and table.loc[kind, "precision"] >= GOAL]
    print("== Fact kinds: judged findings of rounds 1-5 stated with every kind of fact, by the kind of their element")
    print(table.reindex([k for k in facts.FACT_KINDS if k in table.index]).round(3).to_string())
    print(f"kinds at {GOAL:.0%} or more: {', '.join(chosen)}; package FINDING_FACTS: {', '.join(FINDING_FACTS)}\n")


def stated_keys(events: dict, min_topicality: float) -> set:
    """(corpus, event, kind, outlet, label) of every finding the package states with `min_topicality`."""
    return {(corpus, name, *row) for (corpus, name), event in events.items()
            for row in findings(event, (), min_topicality)[["kind", "outlet", "label"]].itertuples(index=False)}


def topicality_choice(events: dict, judged: pd.DataFrame) -> float:
    """For each value of `TOPICALITY_GRID`: the judged findings it removes (right, wrong) from what the package
    states without the rule, on rounds 1-6 (the choice) and round 7 (the check), and the choose halves'
    findings agreeing with the known elements it removes; the choice is the largest value removing none of
    the right findings of rounds 1-6 nor of the agreeing ones."""
    keys = list(zip(judged["corpus"], judged["event"], judged["kind"], judged["outlet"], judged["label"]))
    base = stated_keys(events, 0.0)
    choose = {key: e for key, e in events.items() if e["known"] is not None and e["half"] == "choose"}
    agree0 = agreement(choose, {key: findings(e, (), 0.0) for key, e in choose.items()})
    rows = []
    for value in TOPICALITY_GRID:
        now = stated_keys(events, value)
        removed = judged[[key in base and key not in now for key in keys]]
        agree = agreement(choose, {key: findings(e, (), value) for key, e in choose.items()})
        row = {"min topicality": value}
        for name, rounds in (("1-6", TOPIC_ROUNDS), ("7", [max(TOPIC_ROUNDS) + 1])):
            mine = removed[removed["round"].isin(rounds)]
            row |= {f"{name} right removed": int((mine["verdict"] == "right").sum()),
                    f"{name} wrong removed": int((mine["verdict"] == "wrong").sum())}
        row["choose agreeing removed"] = round(agree0[0] * agree0[1]) - round(agree[0] * agree[1])
        row["findings stated"] = len(now)
        rows.append(row)
    table = pd.DataFrame(rows)
    safe = table[(table["1-6 right removed"] == 0) & (table["choose agreeing removed"] == 0)]
    chosen = float(safe["min topicality"].max())
    print(f"== Topicality: what each least topicality of an 'only' finding removes ({len(base)} findings stated "
          "without the rule, every event loaded)")
    print(table.to_string(index=False))
    print(f"chosen (largest removing no right finding of rounds 1-6 and no agreeing one): {chosen}; "
          f"package MIN_TOPICALITY: {MIN_TOPICALITY}\n")
    return chosen


def quotation_fragments(events: dict, judged: pd.DataFrame) -> None:
    """The judged "only" findings (every kind of fact) whose sentence (the outlet's first in the element) closes a quotation opened in an earlier sentence
    (`facts.CLOSING`, or `facts.STRAIGHT_CLOSING` after a word, before any quotation it opens), by round and
    verdict."""
    rows = pd.concat([findings(event, ("fact kinds",)).assign(corpus=corpus, event=name)
                      for (corpus, name), event in events.items()], ignore_index=True)
    element_text = {}
    for (c, e), event in events.items():
        first = event["found"].passages.sort_values(["article_id", "start"]).drop_duplicates(["outlet", "element_id"])
        element_text |= {(c, e, o, el): t for o, el, t in zip(first["outlet"], first["element_id"], first["text"])}
    keys = ["corpus", "event", "kind", "outlet", "label"]
    merged = judged[judged["kind"] == "only"].drop(columns="element_id").merge(
        rows[keys + ["element_id"]].astype({"event": str}), on=keys)
    merged["text"] = [element_text[key] for key in zip(merged["corpus"], merged["event"], merged["outlet"],
                                                       merged["element_id"])]

    def closes_earlier(sentence: str) -> bool:
        closing = facts.CLOSING.search(sentence) or facts.STRAIGHT_CLOSING.search(sentence)
        ranges = facts.quoted_ranges(sentence)
        return bool(closing) and (not ranges or closing.start() <= ranges[0][0])

    mine = merged[[closes_earlier(t) for t in merged["text"]]]
    print("== Quotation fragments: judged 'only' findings whose sentence closes a quotation opened before it")
    print(mine.groupby(["round", "verdict"]).size().unstack(fill_value=0).to_string())
    for row in mine.itertuples():
        print(f"    {row.verdict:5} round {row.round} {row.outlet}: {row.text[:100]}")
    print()


def _leaning(event: dict, rows: pd.DataFrame) -> pd.DataFrame:
    """For each "only" row of `rows` (findings of `event`): its outlet's first sentence in the element (`text`),
    how it leans on the sentence before it in its paragraph (`leans`: "quotation" when it starts inside a quotation
    opened before it, or is all quotation but `ATTRIBUTION_WORDS` words after a sentence quoting someone;
    "reference" when it opens with `BACK_REFERENCE`; "" else), whether that sentence is carried by another outlet
    (`previous_shared`: its element has two outlets or more) or comes close to one (`previous_close`: another
    outlet's closest sentence to its element scores `LOOSE_THRESHOLD` or more), and whether the sentence has a
    name or figure of its own (`own_fact`)."""
    found, cover = event["found"], event["coverage"]
    element_of = found.passages.set_index("passage_id")["element_id"]
    outlets = found.elements.set_index("element_id")["n_outlets"]
    near = cover.groupby(["element_id", "outlet"])["nearest_similarity"].max()
    before, previous = {}, {}
    for _, block in event["passages"].sort_values(["article_id", "start"], kind="stable").groupby("block_id"):
        texts, ids = block["text"].tolist(), block["passage_id"].tolist()
        before |= {i: texts[:k] for k, i in enumerate(ids)}
        previous |= {i: ids[k - 1] for k, i in enumerate(ids) if k}
    first = found.passages.sort_values(["article_id", "start"], kind="stable").drop_duplicates(["outlet", "element_id"])
    first = first.set_index(["outlet", "element_id"])
    table = []
    for row in rows[rows["kind"] == "only"].itertuples():
        passage, text = first.loc[(row.outlet, row.element_id), ["passage_id", "text"]]
        earlier, element = before.get(passage, []), element_of.get(previous.get(passage), "")
        joined, quoted = " ".join([*earlier, text]), quoted_ranges(text)
        inside = earlier and any(a < len(joined) - len(text) <= b for a, b in quoted_ranges(joined))
        outside = sum(not any(a <= word.start() < b for a, b in quoted) for word in WORD.finditer(text))
        bare = earlier and quoted and quoted_ranges(earlier[-1]) and outside <= ATTRIBUTION_WORDS
        leans = "quotation" if inside or bare else "reference" if earlier and BACK_REFERENCE.match(text) else ""
        others = [near.get((element, o), np.nan) for o in cover["outlet"].unique() if o != row.outlet]
        table.append({"kind": row.kind, "outlet": row.outlet, "label": row.label, "text": text, "leans": leans,
                      "previous_shared": bool(element) and outlets.get(element, 0) > 1,
                      "previous_close": bool(element) and np.nanmax([0.0, *others]) >= LOOSE_THRESHOLD,
                      "own_fact": bool(facts.sentence_names(text) or find_quantities(text)),
                      "words": len(WORD.findall(text))})
    return pd.DataFrame(table, columns=["kind", "outlet", "label", "text", "leans", "previous_shared",
                                        "previous_close", "own_fact", "words"])


def agreeing(event: dict, rows: pd.DataFrame) -> list[bool]:
    """For each finding of `rows` (of `event`): whether it agrees with the known elements (`evaluate_elements.correct`);
    False for every finding of an event that is not of a choose half with known elements."""
    if event["known"] is None or event["half"] != "choose":
        return [False] * len(rows)
    found = event["found"]
    members = found.passages.groupby("element_id")["passage_id"].apply(list)
    outlet_of = dict(zip(found.passages["passage_id"], found.passages["outlet"]))
    return [ev.correct(("only" if r.kind == "only" else "left out", r.outlet, members[r.element_id]), outlet_of,
                       event["known"], found.passages["passage_id"].tolist()) for r in rows.itertuples()]


def piece_choice(events: dict, judged: pd.DataFrame) -> None:
    """What each gate on "a piece of a sentence" would remove from what the package states with the own-subject
    rule and units off (as measured after round 10, before units): the judged findings of rounds `PIECE_ROUNDS` (wrong, right; by round group and kind of text, as
    wrong/right) and the choose halves' findings that agree with the known elements. The package keeps
    `counts_on_previous` (a gate that removes at least twice as many wrong findings as right ones, on each kind of
    text no more right than wrong, and at most one agreeing finding)."""
    rows, agree = [], {}
    for (corpus, name), event in events.items():
        found = findings(event, ("own subject", "units"))
        lean = _leaning(event, found)
        rows.append(lean.assign(corpus=corpus, event=name))
        agree |= {(corpus, name, r.kind, r.outlet, r.label): a for r, a in zip(found.itertuples(),
                                                                               agreeing(event, found))}
    rows = pd.concat(rows, ignore_index=True)
    keys = ["corpus", "event", "kind", "outlet", "label"]
    rows = rows.merge(judged.loc[judged["round"].isin(PIECE_ROUNDS), keys + ["round", "verdict"]], on=keys,
                      how="left")
    rows["agrees"] = [agree.get(key, False) for key in zip(*(rows[k] for k in keys))]
    rows["text kind"] = np.where(rows["corpus"].map(pools.FRESH_TEXT).fillna(
        rows["corpus"].map({"allsides": "excerpts"})).fillna("full articles") == "excerpts", "excerpts", "full")
    rows["group"] = np.where(rows["round"] <= 8, "3-8", "9-10")
    leans, own = rows["leans"] != "", rows["own_fact"]
    shared, close = rows["previous_shared"], rows["previous_shared"] | rows["previous_close"]
    gates = {"leans on the sentence before (quotation or back-reference)": leans,
             "... and that sentence is carried by another outlet": leans & shared,
             "... and that sentence is carried by or close to another outlet": leans & close,
             "quotation, that sentence carried by another outlet": (rows["leans"] == "quotation") & shared,
             "back-reference, that sentence carried by another outlet": (rows["leans"] == "reference") & shared,
             "leans, no name or figure of its own, 7 words or fewer": leans & ~own & (rows["words"] <= 7),
             "counts on the sentence before (the package: own subject)": rows["label"].map(counts_on_previous),
             "... and that sentence is carried by another outlet ": rows["label"].map(counts_on_previous) & shared}
    table = []
    for gate, mask in gates.items():
        hit = rows[mask.astype(bool)]
        line = {"gate": gate, "wrong removed": int((hit["verdict"] == "wrong").sum()),
                "right lost": int((hit["verdict"] == "right").sum())}
        for group in ("3-8", "9-10"):
            for text in ("full", "excerpts"):
                mine = hit[(hit["group"] == group) & (hit["text kind"] == text)]
                line[f"{group} {text}"] = f"{(mine['verdict'] == 'wrong').sum()}/{(mine['verdict'] == 'right').sum()}"
        line["agreeing removed"] = int(hit["agrees"].sum())
        line["findings removed"] = len(hit)
        table.append(line)
    judged_rows = rows[rows["verdict"].notna()]
    print(f"== A piece of a sentence: what each gate removes of the 'only' findings stated with the own-subject rule "
          f"off ({len(rows)}; judged in rounds {min(PIECE_ROUNDS)}-{max(PIECE_ROUNDS)}: "
          f"{int((judged_rows['verdict'] == 'wrong').sum())} wrong, {int((judged_rows['verdict'] == 'right').sum())} "
          "right); by round group and kind of text as wrong/right removed; choose halves' findings agreeing with the "
          "known elements removed")
    print(pd.DataFrame(table).to_string(index=False))
    for row in rows[rows["label"].map(counts_on_previous).astype(bool)].itertuples():
        print(f"    {row.verdict if isinstance(row.verdict, str) else 'unjudged':8} {row.corpus} {row.outlet}: "
              f"{row.text[:100]}")
    print()


def _pieces(event: dict, rows: pd.DataFrame, kinds=LEANS, head_alone=None, min_position: int = 1) -> pd.Series:
    """Which of `rows` (findings of `event`) are "only" findings whose outlet's sentence leans on the one before it
    in one of the ways `kinds` (`coverage`'s `leans`) at `min_position` or later in its unit, and, with
    `head_alone` True / False, whose unit's head is / is not the outlet's alone (no other outlet carries it nor
    comes `LOOSE_THRESHOLD` close)."""
    cover = event["coverage"]
    closest = cover[~cover["covered"]].groupby("element_id")["nearest_similarity"].max()
    alone = {e for e, n in zip(cover["element_id"], cover["n_outlets"])
             if n == 1 and not closest.get(e, 0) >= LOOSE_THRESHOLD}
    lean = cover.set_index(["outlet", "element_id"])[["leans", "head_element_id", "unit_position"]]
    mine = rows.join(lean, on=["outlet", "element_id"])
    hit = (mine["kind"] == "only") & mine["leans"].isin(kinds) & (mine["unit_position"] >= min_position)
    if head_alone is not None:
        hit &= mine["head_element_id"].isin(alone) == head_alone
    return hit


def _whole_units(event: dict, rows: pd.DataFrame) -> pd.Series:
    """Which of `rows` a finding for whole units drops (measured, not kept): every piece, and the head of a unit one
    of whose pieces is not the outlet's alone."""
    cover = event["coverage"]
    closest = cover[~cover["covered"]].groupby("element_id")["nearest_similarity"].max()
    pieces = cover[cover["covered"] & (cover["head_element_id"] != "")]
    shared = {(o, h) for o, e, h, n in zip(pieces["outlet"], pieces["element_id"], pieces["head_element_id"],
                                           pieces["n_outlets"]) if n > 1 or closest.get(e, 0) >= LOOSE_THRESHOLD}
    heads = pd.Series([(o, e) in shared for o, e in zip(rows["outlet"], rows["element_id"])], index=rows.index)
    return _pieces(event, rows) | ((rows["kind"] == "only") & heads)


def units_choice(events: dict, judged: pd.DataFrame) -> None:
    """What findings for units (`omissions(units=True)`) and the variants measured against it remove from, and add
    to, what the package states with units off: the judged findings of rounds `PIECE_ROUNDS` under the written rule
    (wrong removed / right lost, and under the verdicts of their rounds; by round group and kind of text, and the
    precision before > after), the findings
    added (a unit's head stated with a piece's fact: never judged), and the choose halves' findings agreeing with
    the known elements (n and share, as `measure`). The package keeps a variant only when it removes clearly more
    wrong findings than right ones and loses no agreement."""
    judged = judged[judged["round"].isin(PIECE_ROUNDS)]
    judged = judged.assign(first=judged["verdict"], verdict=ev.rule_verdicts(judged))
    variants = {
        "units (the package): a later piece of a unit (unit_position 2 or more) gives no finding": None,
        "... quotations only (quotation, speaker)": lambda e, r: _pieces(e, r, ("quotation", "speaker"), min_position=2),
        "every piece dropped (unit_position 1 or more)": lambda e, r: _pieces(e, r),
        "a piece whose head is not the outlet's alone dropped": lambda e, r: _pieces(e, r, head_alone=False),
        "a later sentence of a quotation or its speaker before (quotation, speaker) dropped":
            lambda e, r: _pieces(e, r, ("quotation", "speaker")),
        "a back-reference (reference, set) dropped": lambda e, r: _pieces(e, r, ("reference", "set")),
        "whole units: every piece dropped, and a head whose unit is not all the outlet's alone": _whole_units}
    keys = ["corpus", "event", "kind", "outlet", "label"]
    judged_keys = judged[keys + ["round", "verdict", "first"]].astype({"event": str})
    base = {key: findings(event, ("units",)) for key, event in events.items()}
    choose = {key: e for key, e in events.items() if e["known"] is not None and e["half"] == "choose"}
    table = []
    for name, drop in {"none (units off)": lambda e, r: pd.Series(False, index=r.index), **variants}.items():
        after = {key: findings(event) if drop is None else base[key][~drop(event, base[key])]
                 for key, event in events.items()}
        before_keys, after_keys = ({(c, e, *r) for (c, e), rows in table_.items()
                                    for r in rows[["kind", "outlet", "label"]].itertuples(index=False)}
                                   for table_ in (base, after))
        mine = judged_keys[[tuple(k) in before_keys for k in judged_keys[keys].itertuples(index=False)]].copy()
        mine["kept"] = [tuple(k) in after_keys for k in mine[keys].itertuples(index=False)]
        mine["text"] = np.where(mine["corpus"].map(pools.FRESH_TEXT).fillna(mine["corpus"].map(
            {"allsides": "excerpts"})).fillna("full articles") == "excerpts", "excerpts", "full")
        mine["group"] = np.where(mine["round"] <= 8, "3-8", "9-10")
        right = mine["verdict"] == "right"
        line = {"variant": name, "wrong removed": int((~mine["kept"] & ~right).sum()),
                "right lost": int((~mine["kept"] & right).sum()),
                "as first judged": f"{int((~mine['kept'] & (mine['first'] == 'wrong')).sum())}/"
                                   f"{int((~mine['kept'] & (mine['first'] == 'right')).sum())}"}
        for group in ("3-8", "9-10"):
            for text in ("full", "excerpts"):
                part = (mine["group"] == group) & (mine["text"] == text)
                line[f"{group} {text}"] = (f"{right[part].mean():.3f}>{right[part & mine['kept']].mean():.3f} "
                                           f"-{int((part & ~mine['kept'] & ~right).sum())}/"
                                           f"{int((part & ~mine['kept'] & right).sum())}")
        line["added"] = len(after_keys - before_keys)
        line["removed"] = len(before_keys - after_keys)
        for half_text, corpora in (("excerpts", ("allsides",)), ("full", ("basil", "seeds"))):
            chosen = {key: e for key, e in choose.items() if key[0] in corpora}
            n, share = agreement(chosen, {key: after[key] for key in chosen})
            line[f"choose {half_text}: n, agree"] = f"{n}, {share:.3f}"
        table.append(line)
    print(f"== Units: what findings for units and its variants remove from what the package states with units off; "
          f"judged findings of rounds {min(PIECE_ROUNDS)}-{max(PIECE_ROUNDS)} under the written rule "
          f"({ev.REJUDGED.name} replaces a verdict where a finding was judged again; 'as first judged': wrong/right "
          "removed under the verdicts of their rounds), by round group and kind of text "
          "as precision before>after -wrong/right removed; findings added and removed (every event loaded); the "
          "choose halves' findings with known elements (n, share agreeing)")
    print(pd.DataFrame(table).to_string(index=False))
    print()


def runs_choice(events: dict, judged: pd.DataFrame) -> None:
    """`element_runs.choice` on the judged findings of rounds 3 and later loaded: what one finding per run of an
    outlet's "only" sentences would drop (no variant kept: none raises the precision of rounds 3-8 and 9-10 on
    full articles without lowering another group's), with units off (as measured after round 10)."""
    element_runs.choice(events, judged[judged["round"] >= min(PIECE_ROUNDS)], lambda event: findings(event, ("units",)),
                        BACK_REFERENCE, agreeing)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    pd.set_option("display.width", 250)
    train = Path(argv[argv.index("--polnear-train") + 1]) if "--polnear-train" in argv else None
    last = int(argv[argv.index("--last-round") + 1]) if "--last-round" in argv else None
    test = Path(argv[argv.index("--polnear-test") + 1]) if "--polnear-test" in argv else None
    abp = Path(argv[argv.index("--allsides-articles") + 1]) if "--allsides-articles" in argv else None
    corpus_articles: dict = {}
    windows = ("allsides-articles", "allsides-articles-14") if "--filters-only" in argv else ("allsides-articles",)
    events, judged = load(Path(argv[0]), max(CHOOSE_ROUNDS) if "--choose-only" in argv else last, train, test, abp,
                          corpus_articles, windows)
    if "--filters-only" in argv:
        fact_filters.report(events, judged)
        return 0
    if "--event-gate-only" in argv:
        event_gate.report(events, judged, corpus_articles)
        if test is not None or abp is not None:
            event_gate.report_rounds(events, judged, corpus_articles,
                                     (event_gate.CHOSEN, event_gate.GROUPING_CANDIDATE))
        return 0
    if "--lede-only" in argv:
        lede_gate.report(events, judged)
        if test is not None or abp is not None:
            lede_gate.report_rounds(events, judged, lede_gate.CHOSEN)
        return 0
    if "--pieces-only" in argv:
        piece_choice(events, judged)
        return 0
    if "--units-only" in argv:
        units_choice(events, judged)
        return 0
    if "--runs-only" in argv:
        runs_choice(events, judged)
        return 0
    kind_choice(events, judged)
    topicality_choice(events, judged)
    quotation_fragments(events, judged)
    one_story.report(events, judged)
    lede_gate.report(events, judged)
    event_gate.report(events, judged, corpus_articles)
    piece_choice(events, judged)
    units_choice(events, judged)
    runs_choice(events, judged)
    every, stated = measure(events, judged)
    table = [every]
    print("== Each rule chosen on the judged findings: what it removes (judged rounds 1-5, by reading) and what it "
          "does to the findings of the events with known elements")
    lines = []
    for rule in RULES:
        result, still = measure(events, judged, (rule,))
        table.append(result)
        removed = still[~still.index.isin(stated.index)]
        lines.append(f"{rule}: removes {int((removed['verdict'] == 'wrong').sum())} wrong and "
                     f"{int((removed['verdict'] == 'right').sum())} right judged findings (every round loaded)")
        lines += [f"    {row.verdict:5} round {row.round} {row.kind}, {row.outlet}: {row.label}"
                  for row in removed.itertuples()]
    table.append(measure(events, judged, RULES)[0])
    print(pd.DataFrame(table).round(3).to_string(index=False))
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
