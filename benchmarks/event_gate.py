"""Findings only in events whose outlets' articles hang together: gates on the events' own text score (issue 17
item 3, after round 13).

Called by benchmarks/element_rules.py (`--event-gate-only` prints this section alone; rounds 9-11 need
`--polnear-train FOLDER`, the report rounds `--polnear-test FOLDER` and `--allsides-articles FOLDER`). An event that
`cluster_articles` made of two stories of the same days makes every sentence of one an "only" of its outlet (judged
wrong by *grouping* under the written rule). `cluster_articles` links two articles by their text score (`event_texts`
scored by `EVENT_SCORER`, IDF fitted on the corpus it groups); average linkage lets an event hold a pair of articles
that score little, when its other pairs score enough. On the judged story golds one story's pairs of two outlets
score more than two stories' (docs/evaluation.md, "Events"). Per event, the pairs of articles of two different
outlets, scored as `cluster_articles` scores them (the IDF fitted on every article of the corpus it grouped,
`element_rules.load`'s `corpus_articles`), on two texts:

- "as grouped": the text `cluster_articles` read (a feed-cut pool is grouped on the full articles, then cut);
- "as shown": the event's own articles as the package reads them (a feed-cut pool: the excerpts; every other pool:
  the same as "as grouped").

and per outlet X of the event:

- "event weakest pair": the smallest score of the event's cross-outlet pairs (the same for every outlet);
- "event mean pair": their mean;
- "outlet weakest pair": the smallest score of a pair of an article of X with an article of another outlet (a finding
  about X compares X with every other outlet);
- "outlet mean pair": the mean of those pairs.

A gate gives no finding about an outlet (an "only X", an "X left out") whose statistic is below a value (`VALUES`), on
every kind of finding, on "only" findings alone, or on "left out"/"not in the excerpt" alone, on every outlet or on
full articles only (`lede_gate.gate_mask`). `report` prints, for the judged findings of `lede_gate.ROUNDS` (3-11) the
package states now, under the written judging rule (`rule_verdict` of `evaluate_elements.REJUDGED` where a finding was
judged again), the medians of each statistic by class and kind of text, then per gate the wrong and right findings it
removes by round group and kind of text, of them wrong by grouping, the choose halves' findings agreeing with the known
elements lost, the findings of the AllSides and BASIL events loaded (one story each) and of the seeds lost, and whether
it passes `lede_gate.CRITERION` (fixed before rounds 12-13 were read for the lead, unchanged here). `report_rounds`
prints what the chosen gate (`CHOSEN`) and the best gate on "only" findings (`GROUPING_CANDIDATE`) remove
of rounds 12 and 13 (judged blind before they existed). Each pool's IDF is
its own, so loading rounds 12-13 changes no statistic of rounds 3-11.
"""

from __future__ import annotations

import itertools

import lede_gate
import pandas as pd

import research
from research.reuse.similarity import TextVectorizer
from research.story.events import EVENT_SCORER, event_texts

SOURCES = ("as grouped", "as shown")
STATISTICS = ("event weakest pair", "event mean pair", "outlet weakest pair", "outlet mean pair")
VALUES = (0.15, 0.175, 0.2, 0.225, 0.25, 0.275, 0.3, 0.35)
# The candidate, chosen on rounds 3-11 before rounds 12-13 were loaded (statistic, value, scope, full articles only):
# of the gates passing `lede_gate.CRITERION`, the one removing the most wrong findings, then the fewest findings
# (`candidate`). From the `--last-round 11` run: every passing gate is on omissions alone, none removes a finding wrong
# by grouping (docs/evaluation.md, "Rules chosen after round 13: the event's pairs"). Reported on rounds 12-13 and
# not adopted in the package (the docs say why).
CHOSEN = ("outlet mean pair (as grouped)", 0.35, "left out", True)
# No gate on "only" findings or on every finding passes, nor removes as many wrong findings as right. Reported beside
# `CHOSEN`, fixed by the same run: of those gates losing no agreeing choose-half finding and removing at least 5 wrong
# findings, the one with the largest wrong / (right + 1), then the fewest findings (`grouping_candidate`; the event's
# weakest pair, the gate the grouping errors call for).
GROUPING_CANDIDATE = ("event weakest pair (as grouped)", 0.225, "every finding", True)


def scorers(corpus_articles: dict) -> dict:
    """For each corpus, `EVENT_SCORER` fitted as `cluster_articles` fits it on the articles it grouped (their
    `event_texts`, empty texts left out) and those texts, indexed by article id (str)."""
    fitted = {}
    for corpus, articles in corpus_articles.items():
        texts = event_texts(research.split_blocks(articles), articles)
        fitted[corpus] = (TextVectorizer(**EVENT_SCORER).fit(texts[texts.str.strip() != ""].tolist()), texts)
    return fitted


def cross_pairs(articles: pd.DataFrame, texts: pd.Series, scorer: TextVectorizer) -> pd.DataFrame:
    """Every pair of `articles` (an event's: `article_id`, `outlet`) of two different outlets, with its score on
    `texts` (indexed by article id): `outlet_a`, `outlet_b`, `similarity`."""
    ids = articles["article_id"].astype(str).tolist()
    outlet = dict(zip(ids, articles["outlet"]))
    rows = scorer.transform(texts.reindex(ids).fillna("").tolist())
    score = (rows @ rows.T).toarray()
    pairs = [(outlet[ids[a]], outlet[ids[b]], score[a, b]) for a, b in itertools.combinations(range(len(ids)), 2)
             if outlet[ids[a]] != outlet[ids[b]]]
    return pd.DataFrame(pairs, columns=["outlet_a", "outlet_b", "similarity"])


def outlet_statistics(event: dict, pairs: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """One row per outlet of `event` (an `element_rules.load` event): the statistics of the module docstring for each
    source of `pairs` (`cross_pairs` of the event), and `excerpt`."""
    table = event["coverage"]
    outlets = sorted(table["outlet"].unique())
    result = pd.DataFrame(index=outlets)
    for source, cross in pairs.items():
        both = pd.concat([cross[["outlet_a", "similarity"]].rename(columns={"outlet_a": "outlet"}),
                          cross[["outlet_b", "similarity"]].rename(columns={"outlet_b": "outlet"})])
        mine = both.groupby("outlet")["similarity"]
        result[f"event weakest pair ({source})"] = cross["similarity"].min() if len(cross) else 0.0
        result[f"event mean pair ({source})"] = cross["similarity"].mean() if len(cross) else 0.0
        result[f"outlet weakest pair ({source})"] = mine.min()
        result[f"outlet mean pair ({source})"] = mine.mean()
    excerpt = table.groupby("outlet")["excerpt"].any()
    return result.fillna(0.0).assign(excerpt=excerpt.reindex(outlets).fillna(False).astype(bool))


def statistics_of(events: dict, corpus_articles: dict) -> dict:
    """`outlet_statistics` of every event of `events`, keyed as `events`."""
    fitted = scorers(corpus_articles)
    result = {}
    for (corpus, name), event in events.items():
        scorer, grouped = fitted[corpus]
        shown = event_texts(research.split_blocks(event["articles"]), event["articles"])
        result[corpus, name] = outlet_statistics(event, {
            "as grouped": cross_pairs(event["articles"], grouped, scorer),
            "as shown": cross_pairs(event["articles"], shown, scorer)})
    return result


def gate_table(table: pd.DataFrame) -> pd.DataFrame:
    """`lede_gate.gate_line` of every gate (statistic and source, value, scope, full articles only)."""
    lines = []
    for statistic, source, below, scope, full_only in itertools.product(STATISTICS, SOURCES, VALUES,
                                                                       lede_gate.SCOPES, (False, True)):
        column = f"{statistic} ({source})"
        name = f"{column} < {below:g}, {scope}" + (", full articles" if full_only else "")
        line = lede_gate.gate_line(table, lede_gate.gate_mask(table, column, below, scope, full_only), name)
        mask = lede_gate.gate_mask(table, column, below, scope, full_only)
        early = int((mask & ~table["round"].isin(lede_gate.REPORT_ROUNDS)).sum())  # the report rounds left out
        lines.append({**line, "key": (column, below, scope, full_only), "removed before 12": early})
    return pd.DataFrame(lines)


def candidate(gates: pd.DataFrame) -> tuple:
    """`CHOSEN`'s rule: of the passing gates, the one removing the most wrong findings, then the fewest findings
    outside rounds 12-13 (None when none passes)."""
    passing = gates[gates["passes"]]
    if not len(passing):
        return None
    return passing.sort_values(["wrong", "removed before 12"], ascending=[False, True], kind="stable").iloc[0]["key"]


def grouping_candidate(gates: pd.DataFrame) -> tuple:
    """`GROUPING_CANDIDATE`'s rule: of the gates on every finding or on "only" findings that lose no agreeing finding
    and remove at least 5 wrong ones, the largest wrong / (right + 1), then the fewest findings removed outside
    rounds 12-13 (ties keep the grid's order: the event's statistics first)."""
    scope = gates["key"].map(lambda key: key[2]) != "left out"
    pool = gates[scope & (gates["agreeing lost"] == 0) & (gates["wrong"] >= 5)]
    pool = pool.assign(ratio=pool["wrong"] / (pool["right"] + 1))
    return pool.sort_values(["ratio", "removed before 12"], ascending=[False, True], kind="stable").iloc[0]["key"]


def report(events: dict, judged: pd.DataFrame, corpus_articles: dict) -> pd.DataFrame:
    """Print the statistics by class and the gates on rounds 3-11 (module docstring); the gates' table."""
    table = lede_gate.finding_table(events, judged, statistics_of(events, corpus_articles))
    rounds = lede_gate.ROUNDS
    chosen = table[table["round"].isin(rounds)]
    print(f"== The event's pairs: the judged findings of rounds {rounds.start}-{rounds.stop - 1} the package states "
          "now, under the written rule, by class (wrong by grouping: rule reason 'grouping') and kind of text")
    print(chosen.groupby(["group", "text", "class"]).size().unstack(fill_value=0).to_string())
    columns = [f"{s} ({source})" for s in STATISTICS for source in SOURCES]
    print("-- medians of each statistic, by class and kind of text")
    print(chosen.groupby(["class", "text"])[columns].median().round(3).T.to_string())
    gates = gate_table(table)
    print(f"== The event's pairs: each gate (no finding about an outlet whose statistic is below the value), rounds "
          f"{rounds.start}-{rounds.stop - 1} under the written rule, wrong/right removed by round group and kind of "
          "text; of them wrong by grouping; findings removed agreeing with the known elements (choose halves), of the "
          f"AllSides and BASIL events (one story each), of the seeds, of all; passes: {lede_gate.CRITERION}")
    print(gates.drop(columns=["key", "removed before 12"]).to_string(index=False))
    passing = gates[gates["passes"]]
    print("gates passing: " + (", ".join(passing["gate"]) if len(passing) else "none"))
    print(f"candidate (CHOSEN's rule): {candidate(gates)}; CHOSEN in the script: {CHOSEN}")
    print(f"grouping candidate (its rule): {grouping_candidate(gates)}; in the script: {GROUPING_CANDIDATE}")
    print()
    return gates


def report_rounds(events: dict, judged: pd.DataFrame, corpus_articles: dict, gates: tuple) -> None:
    """What each of `gates` (statistic, value, scope, full_only) removes of the judged findings of
    `lede_gate.REPORT_ROUNDS` the package states now (under the written rule), by round and kind of text, and of the
    other findings."""
    table = lede_gate.finding_table(events, judged, statistics_of(events, corpus_articles))
    for gate in gates:
        lede_gate.report_table(table, lede_gate.gate_mask(table, *gate), f"The event's pairs, report: {gate}")
