"""Findings only between outlets that tell one story: gates on the lead (issue 17 item 3, after round 13).

Called by benchmarks/element_rules.py (`--lede-only` prints this section alone; rounds 9-11 need
`--polnear-train FOLDER`, the report rounds `--polnear-test FOLDER` and `--allsides-articles FOLDER`). An event that
`cluster_articles` made of two stories of the same days makes every sentence of one an "only" of its outlet (judged
wrong by *grouping* under the written rule). A news story's first paragraphs state its news: two outlets of one story
share a fact of their leads, two stories of one topic rarely do. Per outlet of an event (an outlet with two articles:
the union of their leads):

- "lede p in a lede": the elements the outlet tells in its first `p` body paragraphs (`coverage`'s
  `first_paragraph` at most p) that another outlet also tells in its first `p`;
- "lede p anywhere": the elements of its first `p` paragraphs that another outlet tells anywhere;
- "lead p covered": the largest, over the other outlets, of the share of the IDF weight of its headline and first `p`
  body paragraphs whose words (`EVENT_SCORER`'s words) the other outlet's text (headline and body) uses, as
  benchmarks/story_signals.py's `lead_cover` computes it (IDF fitted on every article loaded);
- "lead p covered both ways": the largest, over the other outlets, of the smaller of the two directions.

A gate gives no finding about an outlet (an "only X", an "X left out") whose statistic is below a value (`GATES`), on
every kind of finding, on "only" findings alone, or on "left out"/"not in the excerpt" alone (the outlet that omits:
every other outlet is a carrier), on every outlet or on full articles only. `report` prints, for the judged findings of
`ROUNDS` the package states now, under the written judging rule (`rule_verdict` of `evaluate_elements.REJUDGED` where
a finding was judged again, its `rule_reason` for the reason), the median of each statistic by class (wrong by
grouping, other wrong, right) and kind of text; then, per gate, the wrong and right findings it removes by round group
and kind of text, the findings removed of the choose halves agreeing with the known elements, of the AllSides and
BASIL events loaded (one story each by construction) and of the seeds, and whether it passes `CRITERION` (stated
before rounds 12-13 were read for this). With the rounds 12 and 13 loaded, `report_rounds` prints what the chosen gate
removes of them (judged blind before the gate existed).
"""

from __future__ import annotations

import json

import element_pools as pools
import element_rules as er
import evaluate_elements as ev
import numpy as np
import pandas as pd
import story_signals

from research.reuse.similarity import TextVectorizer
from research.story.events import EVENT_SCORER

ROUNDS = range(3, 12)
GROUPS = {"3-8": range(3, 9), "9-11": range(9, 12)}
REPORT_ROUNDS = (12, 13)
PARAGRAPHS = (1, 2, 3)
SHARES = (0.1, 0.15, 0.2, 0.25, 0.3, 0.4)
GATES = {**{f"lede {p} in a lede": (1, 2) for p in PARAGRAPHS},
         **{f"lede {p} anywhere": (1, 2) for p in PARAGRAPHS},
         **{f"lead {p} covered": SHARES for p in PARAGRAPHS},
         **{f"lead {p} covered both ways": SHARES for p in PARAGRAPHS}}
SCOPES = ("every finding", "only", "left out")
ONE_STORY = ("allsides", "allsides-known-choose", "basil")
# The candidate chosen on rounds 3-11 by `CRITERION` (statistic, value, scope, full articles only): of the gates that
# pass it, the one removing the most wrong findings. Not adopted (docs/evaluation.md, "Rules chosen after round 13: the
# lead"): no gate on "only" findings passes, and this one removes no finding wrong by grouping.
CHOSEN = ("lead 3 covered both ways", 0.4, "left out", True)
CRITERION = ("on rounds 3-11 under the written rule: at least twice as many wrong findings removed as right ones "
             "(and some), on each kind of text no more right than wrong, no choose-half finding agreeing with the "
             "known elements lost")


def _leads(event: dict, paragraphs: int) -> tuple[list[str], pd.Series, pd.Series]:
    """The outlets of `event` (sorted), each one's headline(s) and first `paragraphs` body paragraphs, and each one's
    whole text (headlines and body)."""
    body = event["passages"]
    body = body[body["role"] == "body"].sort_values(["article_id", "start"], kind="stable")
    articles = event["articles"].assign(article_id=event["articles"]["article_id"].astype(str))
    outlet_of = articles.set_index("article_id")["outlet"]
    headline = articles.set_index("article_id").get("headline", pd.Series(dtype=str)).reindex(
        articles["article_id"]).fillna("").astype(str)
    rank = body.groupby("article_id")["block_id"].transform(lambda b: pd.factorize(b)[0] + 1)
    lead, whole = {}, {}
    for article in articles["article_id"]:
        mine = body[body["article_id"].astype(str) == article]
        first = mine[rank.loc[mine.index] <= paragraphs]
        name = outlet_of[article]
        lead[name] = lead.get(name, "") + " " + headline[article] + " " + " ".join(first["text"])
        whole[name] = whole.get(name, "") + " " + headline[article] + " " + " ".join(mine["text"])
    outlets = sorted(outlet_of.unique())
    return outlets, pd.Series(lead)[outlets], pd.Series(whole)[outlets]


def fit_idf(events: dict) -> TextVectorizer:
    """`EVENT_SCORER` fitted on every article of `events` (headline and body)."""
    texts = []
    for event in events.values():
        texts += _leads(event, 1)[2].tolist()
    return TextVectorizer(**EVENT_SCORER).fit([t for t in texts if t.strip()])


def outlet_statistics(event: dict, scorer: TextVectorizer) -> pd.DataFrame:
    """One row per outlet of `event` (an `element_rules.load` event), the statistics of the module docstring."""
    table = event["coverage"]
    carried = table[table["covered"]]
    outlets = sorted(table["outlet"].unique())
    result = pd.DataFrame(index=outlets)
    for p in PARAGRAPHS:
        lede = carried[carried["first_paragraph"] <= p]
        in_ledes = lede.groupby("element_id")["outlet"].nunique()
        result[f"lede {p} in a lede"] = lede[lede["element_id"].map(in_ledes) >= 2].groupby("outlet").size()
        result[f"lede {p} anywhere"] = lede[lede["n_outlets"] >= 2].groupby("outlet").size()
        names, lead, whole = _leads(event, p)
        told, used, total = story_signals.word_cover(scorer, lead.tolist(), whole.tolist())
        share = (told @ used.T).toarray() / total[:, None]
        np.fill_diagonal(share, -1.0)
        both = np.minimum(share, share.T)
        result[f"lead {p} covered"] = pd.Series(share.max(axis=1), index=names)
        result[f"lead {p} covered both ways"] = pd.Series(both.max(axis=1), index=names)
    excerpt = table.groupby("outlet")["excerpt"].any()
    return result.fillna(0.0).assign(excerpt=excerpt.reindex(outlets).fillna(False).astype(bool))


def _judged(judged: pd.DataFrame) -> pd.DataFrame:
    """`judged` with `rule` (the verdict under the written rule) and `rule_reason` (the reason of the re-judged row,
    else the row's)."""
    lines = filter(str.strip, ev.REJUDGED.read_text(encoding="utf-8").splitlines())
    def key(row: dict) -> tuple:
        return row["round"], row["corpus"], *ev.where(row), row["kind"], row["outlet"], row["label"]
    again = {key(row): row.get("rule_reason", "") for row in map(json.loads, lines)}
    records = judged.to_dict("records")
    return judged.assign(rule=ev.rule_verdicts(judged).to_numpy(),
                         rule_reason=[again.get(key(r), r.get("reason", "")) or "" for r in records])


def text_of(corpus: str) -> str:
    kind = pools.FRESH_TEXT.get(corpus, "excerpts" if corpus == "allsides" else "full articles")
    return "excerpts" if kind == "excerpts" else "full"


def finding_table(events: dict, judged: pd.DataFrame, statistics: dict) -> pd.DataFrame:
    """Every finding the package states on the events loaded, with its outlet's statistics, whether it agrees with
    the known elements (choose halves), and its judged verdict under the rule (NaN when not judged)."""
    rows = []
    for (corpus, name), event in events.items():
        found = er.findings(event)
        if found.empty:
            continue
        found = found.assign(corpus=corpus, event=name, agrees=er.agreeing(event, found),
                             known=event["known"] is not None,
                             **{"known agrees": er.agreeing({**event, "half": "choose"}, found)})
        rows.append(found.join(statistics[corpus, name], on="outlet"))
    table = pd.concat(rows, ignore_index=True)
    judged = _judged(judged)
    keys = ["corpus", "event", "kind", "outlet", "label"]
    judged = judged.drop_duplicates(keys, keep="last")[keys + ["round", "rule", "rule_reason"]]
    table = table.merge(judged, on=keys, how="left")
    table["text"] = table["corpus"].map(text_of)
    table["group"] = table["round"].map({r: g for g, rounds in GROUPS.items() for r in rounds})
    table["class"] = np.where(table["rule"].isna(), "", np.where(
        table["rule_reason"].fillna("").str.startswith("grouping"), "grouping wrong",
        np.where(table["rule"] == "right", "right", "other wrong")))
    return table


def gate_mask(table: pd.DataFrame, statistic: str, below: float, scope: str, full_only: bool) -> pd.Series:
    mask = table[statistic] < below - 1e-12
    if scope == "only":
        mask &= table["kind"] == "only"
    elif scope == "left out":
        mask &= table["kind"] != "only"
    if full_only:
        mask &= ~table["excerpt"].astype(bool)
    return mask


def gate_line(table: pd.DataFrame, mask: pd.Series, name: str) -> dict:
    chosen = table["round"].isin(ROUNDS)
    line = {"gate": name}
    for group in GROUPS:
        for text in ("full", "excerpts"):
            mine = mask & chosen & (table["group"] == group) & (table["text"] == text)
            line[f"{group} {text}"] = f"{int((mine & (table['rule'] == 'wrong')).sum())}/" \
                                      f"{int((mine & (table['rule'] == 'right')).sum())}"
    hit = mask & chosen
    line["wrong"] = int((hit & (table["rule"] == "wrong")).sum())
    line["right"] = int((hit & (table["rule"] == "right")).sum())
    line["grouping"] = int((hit & (table["class"] == "grouping wrong")).sum())
    line["agreeing lost"] = int((mask & table["agrees"]).sum())
    line["AllSides+BASIL lost"] = int((mask & table["corpus"].isin(ONE_STORY)).sum())
    line["seeds lost"] = int((mask & (table["corpus"] == "seeds")).sum())
    line["removed"] = int(mask.sum())
    by_text = {t: (hit & (table["text"] == t)) for t in ("full", "excerpts")}
    line["passes"] = bool(line["wrong"] > 0 and line["wrong"] >= 2 * line["right"] and line["agreeing lost"] == 0
                          and all(int((m & (table["rule"] == "right")).sum())
                                  <= int((m & (table["rule"] == "wrong")).sum()) for m in by_text.values()))
    return line


def gate_table(table: pd.DataFrame) -> pd.DataFrame:
    lines = []
    for statistic, values in GATES.items():
        for below in values:
            for scope in SCOPES:
                for full_only in (False, True):
                    name = f"{statistic} < {below:g}, {scope}" + (", full articles" if full_only else "")
                    lines.append(gate_line(table, gate_mask(table, statistic, below, scope, full_only), name))
    return pd.DataFrame(lines)


def statistics_of(events: dict) -> dict:
    scorer = fit_idf(events)
    return {key: outlet_statistics(event, scorer) for key, event in events.items()}


def report(events: dict, judged: pd.DataFrame) -> pd.DataFrame:
    """Print the statistics by class and the gates on rounds `ROUNDS` (module docstring); the gates' table."""
    table = finding_table(events, judged, statistics_of(events))
    chosen = table[table["round"].isin(ROUNDS)]
    print(f"== The lead: the judged findings of rounds {ROUNDS.start}-{ROUNDS.stop - 1} the package states now, "
          "under the written rule, by class (wrong by grouping: rule reason 'grouping') and kind of text")
    print(chosen.groupby(["group", "text", "class"]).size().unstack(fill_value=0).to_string())
    columns = [c for c in GATES]
    print("-- medians of each statistic, by class and kind of text")
    print(chosen.groupby(["class", "text"])[columns].median().round(3).T.to_string())
    gates = gate_table(table)
    print(f"== The lead: each gate (no finding about an outlet whose statistic is below the value), rounds "
          f"{ROUNDS.start}-{ROUNDS.stop - 1} under the written rule, wrong/right removed by round group and kind of "
          "text; findings removed agreeing with the known elements (choose halves), of the AllSides and BASIL events "
          f"(one story each), of the seeds, of all; passes: {CRITERION}")
    print(gates.to_string(index=False))
    passing = gates[gates["passes"]]
    print("gates passing: " + (", ".join(passing["gate"]) if len(passing) else "none"))
    print()
    return gates


def report_rounds(events: dict, judged: pd.DataFrame, gate: tuple) -> None:
    """What `gate` (statistic, value, scope, full_only) removes of the judged findings of `REPORT_ROUNDS` the
    package states now (under the written rule), by round and kind of text, and of the other findings."""
    table = finding_table(events, judged, statistics_of(events))
    report_table(table, gate_mask(table, *gate), f"The lead, report: {gate}")


def report_table(table: pd.DataFrame, mask: pd.Series, title: str) -> None:
    """Print what `mask` (a gate's findings removed, of `finding_table`) removes of the judged findings of
    `REPORT_ROUNDS`, by round and kind of text (precision before and after), of the AllSides, BASIL and seeds
    findings, and list the findings removed of those rounds and events."""
    print(f"== {title} on rounds {', '.join(map(str, REPORT_ROUNDS))} (judged before the gate)")
    rows = []
    for number in REPORT_ROUNDS:
        for text in ("full", "excerpts", "all"):
            mine = (table["round"] == number) & ((table["text"] == text) if text != "all" else True)
            right, wrong = mine & (table["rule"] == "right"), mine & (table["rule"] == "wrong")
            kept = mine & ~mask
            rows.append({"round": number, "text": text, "stated": int(mine.sum()), "right": int(right.sum()),
                         "wrong removed": int((wrong & mask).sum()), "right lost": int((right & mask).sum()),
                         "of them by grouping": int((mine & mask & (table["class"] == "grouping wrong")).sum()),
                         "precision before": right[mine].mean() if mine.any() else np.nan,
                         "after": (right & kept).sum() / kept.sum() if kept.any() else np.nan})
    print(pd.DataFrame(rows).round(3).to_string(index=False))
    one = table[mask & table["corpus"].isin(ONE_STORY)]
    print(f"AllSides and BASIL findings removed (one story each): {len(one)}; judged under the rule "
          f"{int((one['rule'] == 'wrong').sum())} wrong / {int((one['rule'] == 'right').sum())} right; agreeing with "
          f"the known elements (either half) {int(one['known agrees'].sum())} of {int(one['known'].sum())} with known "
          f"elements; seeds' findings {int((table['corpus'] == 'seeds').sum())}, removed "
          f"{int((mask & (table['corpus'] == 'seeds')).sum())}")
    hit = table[mask & (table["round"].isin(REPORT_ROUNDS) | table["corpus"].isin(ONE_STORY))]
    for row in hit.to_dict("records"):
        verdict, number = row["rule"] if isinstance(row["rule"], str) else "unjudged", row["round"]
        print(f"    {verdict:8} ({row['class']}) round {int(number) if pd.notna(number) else '-'} {row['corpus']} "
              f"{row['kind']}, known agrees {row['known agrees']}, "
              f"{row['outlet']}: {row['label'][:90]}")
    print()
