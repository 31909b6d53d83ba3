"""Findings of notebook 04 (claim timeline), from the claims, ledger, conflicts and timeline tables."""

from __future__ import annotations

import pandas as pd

from research.report.findings.common import (
    count,
    day,
    finding,
    findings_table,
    names,
    outlet_labels,
    quoted,
)

SHOWN = 3
OWN = "(own voice)"


def _groups(text: str) -> list[str]:
    return [g for g in str(text).split("; ") if g and g != OWN]


def claims_findings(claims: pd.DataFrame, ledger: pd.DataFrame, conflicts: pd.DataFrame,
                    articles: pd.DataFrame) -> pd.DataFrame:
    """The findings table (`findings_table`) of notebook 04.

    `claims`: `extract_claims` (`article_id`, `claimant`, `asof_end`);
    `ledger`: `claim_ledger` (`figure`, `subject`, `claimant_groups`,
    `outlets`, `n_outlets`, `increment`); `conflicts`: `claim_conflicts`
    (`conflict`, `asof_end`, and per side `outlet`, `figure`,
    `claimant_group`); `articles`: `load_articles` (`published`). Says how
    many figures the outlets print and who they credit, which figures several
    outlets share, where outlets disagree for one date, and which articles
    cannot be placed in time.
    """
    labels = outlet_labels(articles)
    published = articles["published"].fillna("") if "published" in articles else pd.Series("", articles.index)
    undated = [labels[a] for a, p in zip(articles["article_id"], published)
               if not day(str(p)) and a in set(claims["article_id"])]
    if claims.empty:
        return findings_table([finding("No figures (a number with what it counts, such as \u201c3,000 troops\u201d) "
                                       "were found in the body text, so there is no ledger, timeline or conflict "
                                       "to show.")])
    outlets = claims["article_id"].map(labels).nunique()
    credited = int((claims["claimant"].fillna("") != "").sum())
    dated = int((claims["asof_end"].fillna("") != "").sum())
    credit = ("none is credited to a source: all are stated in the outlet's own voice" if credited == 0 else
              "all are credited to a source" if credited == len(claims) else
              f"{credited} {'is' if credited == 1 else 'are'} credited to a source, the rest stated in the "
              "outlet's own voice")
    dates = "none can be dated" if dated == 0 else "all can be dated" if dated == len(claims) else \
        f"{dated} can be dated"
    if len(claims) == 1:
        one = claims.iloc[0]
        rows = [finding(f"The body texts hold one figure ({labels.get(one['article_id'], one['article_id'])}: "
                        f"{quoted(one.get('text', ''), 20)}), "
                        + (f"credited to {one['claimant']}." if one["claimant"] else "in the outlet's own voice."),
                        "ledger")]
    else:
        rows = [finding(f"The body texts hold {count(len(claims), 'figure')} from {count(outlets, 'article')}; "
                        f"{credit}; {dates} (to a time phrase of their sentence, else to the publication day).",
                        "ledger")]
    shared = ledger[(ledger["n_outlets"] > 1) & ~ledger["increment"].astype(bool)] if len(ledger) else ledger
    for claim in shared.sort_values(["n_outlets", "n_mentions", "subject_key", "figure"],
                                    ascending=[False, False, True, True]).head(SHOWN).itertuples():
        groups = _groups(claim.claimant_groups)
        credit = f", credited to {names(groups)}" if groups else ", in their own voice"
        rows.append(finding(f"{claim.figure} {claim.subject} appears in {names(claim.outlets.split('; '))}{credit}.",
                     "ledger"))
    if len(ledger) and shared.empty:
        rows.append(finding("No figure appears in two outlets: each gives its own numbers.", "ledger"))
    if len(conflicts):
        kinds = conflicts["conflict"].value_counts()
        subjects = ledger.groupby("subject_key")["subject"].agg(lambda s: s.value_counts().sort_index().idxmax())
        rows.append(finding(f"Outlets disagree in {count(len(conflicts), 'pair')} of claims on one subject and date ("
                     + names(f"{n} {kind}" for kind, n in sorted(kinds.items())) + ").", "conflicts"))
        for pair in conflicts.drop_duplicates(["subject_key", "asof_end", "outlet_a", "outlet_b"]).head(SHOWN).itertuples():
            def side(outlet, figure, group):
                return f"{outlet} gives {figure}" + (f" ({group})" if group else "")
            rows.append(finding(f"For {day(pair.asof_end) or pair.asof_end}, on {subjects.get(pair.subject_key, pair.subject_key)}: "
                         f"{side(pair.outlet_a, pair.figure_a, pair.claimant_group_a)}, "
                         f"{side(pair.outlet_b, pair.figure_b, pair.claimant_group_b)}.", "conflicts"))
        rows.append(finding("Two figures for one subject and date may count different things or come from different "
                     "sources at different moments; read the sentences side by side before calling it a "
                     "contradiction.", "conflicts"))
    elif dated:
        rows.append(finding("No two outlets give different figures, or credit one figure to different sources, for the "
                     "same subject and date.", "conflicts"))
    increments = int(ledger["increment"].astype(bool).sum()) if len(ledger) else 0
    if increments:
        rows.append(finding(f"{count(increments, 'figure')} {'is' if increments == 1 else 'are'} stated as an increment "
                     "(\u201canother ...\u201d) and compared only with increments, not with totals.", "ledger"))
    if undated:
        rows.append(finding(f"{names(undated)} {'gives' if len(undated) == 1 else 'give'} no publication date, so "
                     f"{'its' if len(undated) == 1 else 'their'} figures cannot be placed in time.", ""))
    return findings_table(rows)


def timeline_title(timeline: pd.DataFrame) -> str:
    """The title of the timeline chart: the range of figures on its subject and how many outlets give them."""
    if timeline.empty:
        return "No dated figures to draw"
    subject = quoted(timeline["subject"].value_counts().sort_index().idxmax(), 6)
    if len(timeline) == 1:
        return f"One dated figure on {subject}: {timeline['figure'].iloc[0]} ({timeline['outlet'].iloc[0]})"
    low, high = timeline.sort_values("y").iloc[[0, -1]]["figure"]
    outlets = timeline["outlet"].nunique()
    spread = f"run from {low} to {high}" if low != high else f"are all {low}"
    return f"{count(len(timeline), 'dated figure')} on {subject} {spread}, in {count(outlets, 'outlet')}"
