"""What each rule chosen on the findings judged by reading removes, right and wrong.

    python benchmarks/element_rules.py ../shared/data

The rules (issue 17, "one fact, one element"), chosen on the findings of rounds
1-5 of `judged_elements.jsonl` and the choose halves' known elements:

- transition: a sentence that announces the next one states no fact
  (`research.story.facts.TRANSITION`);
- argues: the writer's own argument states no fact (`facts.ARGUES`);
- opinion: an opinion piece gives findings only for quotations and figures
  (`omissions(opinion_facts=...)`);
- omission cohesion: "left out" and "not in the excerpt" need `cohesion` at
  least `MIN_OMISSION_COHESION` (`omissions(min_omission_cohesion=...)`).

For the package with every rule, with each rule off (the others on), and with
none: the judged findings of rounds 1-5 the package states (right, wrong,
precision; rounds 4-5 apart), and the findings of the events with known
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

import evaluate_elements as ev
import numpy as np
import pandas as pd

from research.story import facts
from research.story.coverage import MIN_OMISSION_COHESION, OPINION_FACTS, coverage, omissions
from research.story.elements import article_field, cluster_passages

RULES = ("transition", "argues", "opinion", "omission cohesion")
FACT_RULES = {"transition": "TRANSITION", "argues": "ARGUES"}
NOTHING = re.compile(r"(?!)")
JUDGED_ROUNDS = range(1, 6)


@contextmanager
def without(rules):
    """The fact rules of `rules` switched off while inside."""
    saved = {name: getattr(facts, FACT_RULES[name]) for name in rules if name in FACT_RULES}
    try:
        for name in saved:
            setattr(facts, FACT_RULES[name], NOTHING)
        yield
    finally:
        for name, pattern in saved.items():
            setattr(facts, FACT_RULES[name], pattern)


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


def findings(event: dict, off=()) -> pd.DataFrame:
    """`omissions` of one event with the rules `off` switched off."""
    cover = event["coverage"]
    if any(name in FACT_RULES for name in off):
        with without(off):
            cover = cover.assign(fact=cover["element_id"].map(element_facts(event["found"], event["published"])))
    return omissions(cover, min_omission_cohesion=0.0 if "omission cohesion" in off else MIN_OMISSION_COHESION,
                     opinion_facts=None if "opinion" in off else OPINION_FACTS)


def load(data: Path) -> tuple[dict, pd.DataFrame]:
    """Each event needed (judged rounds 1-5; known elements) with its elements, coverage and known elements,
    and the judged findings."""
    judged = pd.DataFrame([json.loads(line) for line in ev.JUDGED.read_text(encoding="utf-8").splitlines()
                           if line.strip()])
    judged = judged[judged["round"].isin(JUDGED_ROUNDS)].assign(event=lambda t: t["event"].astype(str))
    corpora = {"allsides": (*ev.load_allsides(data), *ev.allsides_known()),
               "basil": (*ev.load_basil(data), *ev.basil_known())}
    events = {}
    for corpus, (articles, passages, known, half) in corpora.items():
        wanted = set(known) | set(judged.loc[judged["corpus"] == corpus, "event"])
        for name in sorted(wanted):
            chosen, mine = ev.of_event(articles, passages, name)
            if chosen["outlet"].nunique() < 2:
                continue
            found = cluster_passages(mine, chosen)
            events[corpus, name] = {"found": found, "coverage": coverage(found, mine), "known": known.get(name),
                                    "half": half.get(name), "published": article_field(chosen, "published")}
    articles, passages = ev.load_seeds()
    found = cluster_passages(passages, articles)
    events["seeds", "seeds"] = {"found": found, "coverage": coverage(found, passages), "half": "choose",
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


def measure(events: dict, judged: pd.DataFrame, off=()) -> dict:
    rows = {key: findings(event, off) for key, event in events.items()}
    stated = {(corpus, event, *row) for (corpus, event), found in rows.items()
              for row in zip(found["kind"], found["outlet"], found["label"])}
    still = judged[[key in stated for key in zip(judged["corpus"], judged["event"], judged["kind"],
                                                 judged["outlet"], judged["label"])]]
    right = still["verdict"] == "right"
    held = still["round"] >= 4
    result = {"rules switched off": ", ".join(off) or "none (the package)", "judged 1-5 stated": len(still), "right": int(right.sum()),
              "wrong": int((~right).sum()), "precision": right.mean(), "4-5 stated": int(held.sum()),
              "4-5 precision": right[held].mean()}
    for half in ("choose", "report"):
        for text, corpora in (("excerpts", ("allsides",)), ("full", ("basil", "seeds"))):
            chosen = {key: e for key, e in events.items()
                      if key[0] in corpora and e["known"] is not None and e["half"] == half}
            n, share = agreement(chosen, {key: rows[key] for key in chosen})
            result |= {f"{half} {text}": n, f"{half} {text} agree": share}
    return result, still


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    pd.set_option("display.width", 250)
    events, judged = load(Path(argv[0]))
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
                     f"{int((removed['verdict'] == 'right').sum())} right judged findings of rounds 1-5")
        lines += [f"    {row.verdict:5} round {row.round} {row.kind}, {row.outlet}: {row.label}"
                  for row in removed.itertuples()]
    table.append(measure(events, judged, RULES)[0])
    print(pd.DataFrame(table).round(3).to_string(index=False))
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
