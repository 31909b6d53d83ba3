"""Do the outlets of an event tell one story? What each outlet shares with the others, on the judged findings.

Called by benchmarks/element_rules.py (its events and judged rows; rounds 9-10
need `--polnear-train FOLDER`). `cluster_articles` may join two stories of the
same days (a national poll with a Texas poll): every sentence of one is then an
"only" of its outlet (the judged rows whose `reason` opens "grouping:"). Per
outlet of an event, from the tables coverage already has (`outlet_statistics`):

- shared facts: elements it carries with another outlet whose `fact` is a
  figure or a quotation (`FINDING_FACTS`); shared cohesive facts: of those,
  the ones told in similar words (`cohesion` at least `MIN_OMISSION_COHESION`);
- shared elements: elements it carries with another outlet, any kind;
- sentence share: the share of its sentences in those elements;
- near share: the share of its elements carried by another outlet or that
  another outlet's closest sentence scores `LOOSE_THRESHOLD` or more with;
- similarity: its whole text against the closest other outlet's (the
  `ELEMENT_SCORER` scorer fitted on the event's sentences).

`report` prints, for the judged findings of rounds 3-10 the package states
now, the distribution of each statistic for the rows judged wrong by grouping,
the other wrong rows and the rows judged right (by kind of text); then, for
each gate "no finding for an outlet whose statistic is below v" (`GATES`, on
every outlet or on full articles only), the wrong and right findings it
removes by round group and kind of text, the choose halves' findings agreeing
with the known elements it removes, and the AllSides and BASIL findings it
removes (one story each by construction; the events loaded: those with known elements or judged
findings), and which gates pass the rule of the
round (at least twice as many wrong as right removed on rounds 3-10, no more
right than wrong on either kind of text, at most one agreeing finding lost).
"""

from __future__ import annotations

import element_pools as pools
import element_rules as er
import numpy as np
import pandas as pd

from research.reuse.similarity import TextVectorizer
from research.story.coverage import FINDING_FACTS, LOOSE_THRESHOLD, MIN_OMISSION_COHESION
from research.story.elements import ELEMENT_SCORER

ROUNDS = range(3, 11)
GROUPS = {"3-8": range(3, 9), "9-10": range(9, 11)}
STATISTICS = ("shared facts", "shared cohesive facts", "shared elements", "sentence share", "near share",
              "similarity")
# The gates measured: a statistic and the values below which an outlet is given no finding.
GATES = {"shared facts": (1, 2, 3), "shared cohesive facts": (1, 2), "shared elements": (1, 2, 3, 4),
         "sentence share": (0.05, 0.1, 0.15, 0.2), "near share": (0.4, 0.5, 0.6, 0.7),
         "similarity": (0.1, 0.15, 0.2, 0.25)}
# The corpora that are one story an event by construction (an AllSides roundup, a BASIL event).
ONE_STORY = ("allsides", "allsides-known-choose", "basil")


def outlet_statistics(event: dict) -> pd.DataFrame:
    """One row per outlet of `event` (an `element_rules.load` event), the `STATISTICS` as columns."""
    table = event["coverage"]
    carried = table[table["covered"]]
    shared = carried[carried["n_outlets"] >= 2]
    facts = shared[shared["fact"].isin(FINDING_FACTS)]
    closest = table[~table["covered"]].groupby("element_id")["nearest_similarity"]
    near = carried["element_id"].map(closest.max()).fillna(0.0) >= LOOSE_THRESHOLD
    result = pd.DataFrame({
        "shared facts": facts.groupby("outlet").size(),
        "shared cohesive facts": facts[facts["cohesion"] >= MIN_OMISSION_COHESION].groupby("outlet").size(),
        "shared elements": shared.groupby("outlet").size(),
        "sentence share": shared.groupby("outlet")["n_passages"].sum() / carried.groupby("outlet")["n_passages"].sum(),
        "near share": ((carried["n_outlets"] >= 2) | near).groupby(carried["outlet"]).mean(),
    }, index=sorted(table["outlet"].unique())).fillna(0.0)
    sentences = event["found"].passages.sort_values("passage_id", kind="stable")
    vectors = TextVectorizer(**ELEMENT_SCORER).fit(sentences["text"]).transform(
        [" ".join(sentences.loc[sentences["outlet"] == name, "text"]) for name in result.index])
    similarity = (vectors @ vectors.T).toarray()
    np.fill_diagonal(similarity, -1.0)
    result["similarity"] = similarity.max(axis=1)
    return result


def text_of(corpus: str) -> str:
    """The kind of text of a corpus of the judged rows: "excerpts" or "full"."""
    kind = pools.FRESH_TEXT.get(corpus, "excerpts" if corpus == "allsides" else "full articles")
    return "excerpts" if kind == "excerpts" else "full"


def judged_table(events: dict, judged: pd.DataFrame, statistics: dict) -> pd.DataFrame:
    """The judged rows of `ROUNDS` the package states now, with `class` ("grouping wrong", "other wrong",
    "right"), `text`, `group` and the statistics of their outlet."""
    stated = er.stated_keys(events, er.MIN_TOPICALITY)
    keys = zip(judged["corpus"], judged["event"], judged["kind"], judged["outlet"], judged["label"])
    rows = judged[np.array([key in stated for key in keys]) & judged["round"].isin(ROUNDS)].copy()
    grouping = rows["reason"].fillna("").str.startswith("grouping:")
    rows["class"] = np.where(grouping, "grouping wrong", np.where(rows["verdict"] == "right", "right", "other wrong"))
    rows["text"] = rows["corpus"].map(text_of)
    rows["group"] = ["3-8" if r in GROUPS["3-8"] else "9-10" for r in rows["round"]]
    values = [statistics[corpus, name].loc[outlet] for corpus, name, outlet
              in zip(rows["corpus"], rows["event"], rows["outlet"])]
    return pd.concat([rows.reset_index(drop=True), pd.DataFrame(values).reset_index(drop=True)], axis=1)


def gated(rows: pd.DataFrame, values: pd.DataFrame, statistic: str, below: float, full_only: bool) -> pd.DataFrame:
    """`rows` (findings of one event) without those of an outlet whose `statistic` is below `below` (only
    outlets whose text is not an excerpt with `full_only`)."""
    low = rows["outlet"].map(values[statistic]) < below
    if full_only:
        low &= ~rows["outlet"].isin(set(values.index[values["excerpt"]]))
    return rows[~low.to_numpy()]


def gate_table(events: dict, table: pd.DataFrame, statistics: dict) -> pd.DataFrame:
    """One row per gate of `GATES` (on every outlet, on full articles only): what it removes (module docstring)."""
    rows = {key: er.findings(event) for key, event in events.items()}
    choose = {key: e for key, e in events.items() if e["known"] is not None and e["half"] == "choose"}
    n, share = er.agreement(choose, {key: rows[key] for key in choose})
    agreeing = round(n * share)
    one_story = sum(len(rows[key]) for key in rows if key[0] in ONE_STORY)
    result = []
    for statistic, values in GATES.items():
        for below in values:
            for full_only in (False, True):
                mask = table[statistic] < below
                if full_only:
                    mask &= table["text"] == "full"
                line = {"gate": f"{statistic} < {below}" + (" (full articles)" if full_only else "")}
                for group in GROUPS:
                    for text in ("full", "excerpts"):
                        mine = mask & (table["group"] == group) & (table["text"] == text)
                        line[f"{group} {text} wrong"] = int((mine & (table["verdict"] == "wrong")).sum())
                        line[f"{group} {text} right"] = int((mine & (table["verdict"] == "right")).sum())
                line["grouping wrong"] = int((mask & (table["class"] == "grouping wrong")).sum())
                line["wrong"] = int((mask & (table["verdict"] == "wrong")).sum())
                line["right"] = int((mask & (table["verdict"] == "right")).sum())
                kept = {key: gated(rows[key], statistics[key], statistic, below, full_only) for key in rows}
                n, share = er.agreement(choose, {key: kept[key] for key in choose})
                line["choose agreeing lost"] = agreeing - round(n * share)
                line[f"AllSides+BASIL lost (of {one_story})"] = one_story - sum(len(kept[key]) for key in kept
                                                                          if key[0] in ONE_STORY)
                line["passes"] = (line["wrong"] >= 2 * line["right"] and line["wrong"] > 0
                                  and line["choose agreeing lost"] <= 1
                                  and all(sum(line[f"{g} {t} right"] - line[f"{g} {t} wrong"] for g in GROUPS) <= 0
                                          for t in ("full", "excerpts")))
                result.append(line)
    return pd.DataFrame(result)


def report(events: dict, judged: pd.DataFrame) -> pd.DataFrame:
    """Print the distributions and the gates (module docstring); the gates' table."""
    statistics = {}
    for key, event in events.items():
        values = outlet_statistics(event)
        excerpt = event["coverage"].groupby("outlet")["excerpt"].any()
        statistics[key] = values.assign(excerpt=excerpt.reindex(values.index).fillna(False).astype(bool))
    table = judged_table(events, judged, statistics)
    print(f"== One story: the judged findings of rounds {ROUNDS.start}-{ROUNDS.stop - 1} the package states now, "
          "by verdict (wrong by grouping: reason 'grouping:') and kind of text")
    print(table.groupby(["group", "text", "class"]).size().unstack(fill_value=0).to_string())
    for statistic in STATISTICS:
        print(f"-- {statistic}, by verdict and kind of text")
        print(table.groupby(["class", "text"])[statistic].describe(percentiles=[0.1, 0.25, 0.5, 0.75])
              .round(3).to_string())
    gates = gate_table(events, table, statistics)
    print("== One story: each gate (no finding for an outlet whose statistic is below the value): wrong and right "
          "judged findings removed by round group and kind of text, agreeing findings lost on the choose halves, "
          "findings lost on the AllSides and BASIL events (one story each)")
    print(gates.to_string(index=False))
    passing = gates[gates["passes"]]
    print("gates passing the rule: " + (", ".join(passing["gate"]) if len(passing) else "none") + "\n")
    return gates
