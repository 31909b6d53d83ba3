"""Findings of notebook 03 (story elements), from the elements, coverage, omissions and summary tables."""

from __future__ import annotations

import pandas as pd

from research.report.findings.common import (
    count,
    finding,
    findings_table,
    names,
    percent,
    possessive,
    quoted,
    said_by,
    too_few,
)

SHOWN = 3


def elements_findings(elements: pd.DataFrame, cover: pd.DataFrame, gaps: pd.DataFrame, summary: pd.DataFrame,
                      passages: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """The findings table (`findings_table`) of notebook 03.

    `elements`: `cluster_passages(...).elements` (`label`, `n_outlets`);
    `cover`: `coverage` (`outlet`, `element_id`, `covered`, `in_lede`);
    `gaps`: `omissions` (`kind`, `outlet`, `label`, `outlets_with_it_in_lede`, and `speaker` when present:
    a left-out sentence whose speaker its label does not name says who said it);
    `summary`: `outlet_summary` (`words_only`); `passages` and `articles` as
    clustered. Says how much
    of the story the outlets share, what every outlet carries, which outlet
    carries most of its own, and what one outlet lacks, with why a gap is a lead
    and not a verdict.
    """
    missing = too_few(articles, passages, "comparing what outlets carried")
    outlets = sorted(cover["outlet"].unique())
    if missing:
        told = f" Its body sentences form {count(len(elements), 'story element')}." if len(elements) else ""
        return findings_table([(missing + told, "elements")])
    every = elements[elements["n_outlets"] == len(outlets)]
    some = elements[(elements["n_outlets"] > 1) & (elements["n_outlets"] < len(outlets))]
    alone = elements[elements["n_outlets"] == 1]
    rows = [finding(f"The {count(len(outlets), 'outlet')}' body sentences form "
                    f"{count(len(elements), 'story element')} (facts, quotes or claims told in similar words): "
                    f"{len(every)} carried by every outlet, {len(some)} by some, {len(alone)} by one outlet alone.",
                    "elements")]
    if len(every):
        shown = every.sort_values(["n_passages", "element_id"], ascending=[False, True]).head(SHOWN)
        rows.append(finding(f"Every outlet carries {names(quoted(label) for label in shown['label'])}"
                     + (f" and {count(len(every) - SHOWN, 'more element')}" if len(every) > SHOWN else "") + ".",
                     "coverage_matrix"))
    else:
        rows.append(finding("No fact is told in similar words by every outlet: either they report different sides of "
                     "the event or they word the same facts too differently to be matched.", "coverage_matrix"))
    if len(outlets) >= 3:
        carried = cover.pivot(index="element_id", columns="outlet", values="covered").astype("int64")
        together = carried.T @ carried
        pairs = [(together.loc[a, b], a, b) for i, a in enumerate(outlets) for b in outlets[i + 1:]]
        best = min(pairs, key=lambda p: (-p[0], p[1], p[2]))
        if best[0] > 0:
            rows.append(finding(f"{best[1]} and {best[2]} share the most elements ({best[0]}).", "coverage_matrix"))
    own = summary.sort_values(["words_only", "outlet"], ascending=[False, True])
    high, low = own.iloc[0], own.iloc[-1]
    if percent(high["words_only"]) == "0%":
        rows.append(finding("Every outlet's material is told by another outlet too.", "outlet_summary"))
    else:
        rows.append(finding(f"{high['outlet']} carries the most material no other outlet has ({percent(high['words_only'])} "
                     f"of its body words), {low['outlet']} the least ({percent(low['words_only'])}).",
                     "outlet_summary"))

    left = gaps[gaps["kind"] != "only"] if len(gaps) else gaps
    for gap in left.sort_values(["outlets_with_it_in_lede", "outlet", "element_id"],
                                ascending=[False, True, True]).head(SHOWN).itertuples():
        lede = (f", {gap.outlets_with_it_in_lede} of them in their first paragraphs"
                if gap.outlets_with_it_in_lede else "")
        said = said_by(getattr(gap, "speaker", ""), gap.label)
        label = quoted(gap.label) + (f" (said by {said})" if said else "")
        if gap.kind == "not in the excerpt":
            rows.append(finding(f"{possessive(gap.outlet)} excerpt, cut off by its feed, does not reach "
                                f"{label}, which every other outlet carries{lede}: the article may tell "
                                "it further on.", "omissions"))
        else:
            rows.append(finding(f"{gap.outlet} does not carry {label}, which every other outlet "
                                f"does{lede}.", "omissions"))
    if len(left):
        rows.append(finding("A missing element is a lead to check in the text, not a verdict: the outlet may tell the "
                     "same fact in words the matching did not pair, or later than its excerpt ends.", "omissions"))
    lede = cover[cover["in_lede"]].groupby("element_id")["outlet"].nunique()
    common = lede[lede == len(outlets)]
    if len(common):
        label = elements.set_index("element_id").loc[min(common.index), "label"]
        rows.append(finding(f"Every outlet puts {quoted(label)} in its first paragraphs.", "ledes"))
    elif len(lede):
        top = min(lede.index, key=lambda e: (-lede[e], e))
        if lede[top] > 1:
            label = elements.set_index("element_id").loc[top, "label"]
            rows.append(finding(f"No element opens every story; {quoted(label)} is in the first paragraphs of "
                         f"{lede[top]} of the {len(outlets)} outlets.", "ledes"))
    return findings_table(rows)


def coverage_title(elements: pd.DataFrame, cover: pd.DataFrame) -> str:
    """The title of the coverage chart: how many elements every outlet carries."""
    outlets = cover["outlet"].nunique()
    if outlets < 2:
        return "One outlet: nothing to compare"
    every = int((elements["n_outlets"] == outlets).sum())
    shared = int((elements["n_outlets"] > 1).sum())
    if not shared:
        return "No element is told by two outlets"
    if not every:
        return f"No element is told by all {outlets} outlets; {shared} {'is' if shared == 1 else 'are'} told by two or more"
    if every == shared:
        return f"All {count(every, 'element')} told by two outlets or more {'is' if every == 1 else 'are'} told by every outlet"
    return f"{every} of the {shared} elements told by two outlets or more {'is' if every == 1 else 'are'} told by all {outlets}"


def own_material_title(summary: pd.DataFrame) -> str:
    """The title of the outlet-summary chart: who carries most material of its own."""
    if len(summary) < 2:
        return "One outlet: nothing to compare"
    top = summary.sort_values(["words_only", "outlet"], ascending=[False, True]).iloc[0]
    if percent(top["words_only"]) == "0%":
        return "No outlet carries material of its own"
    return f"{top['outlet']} has the most material no other outlet carries ({percent(top['words_only'])} of its words)"
