"""Findings of notebook 04 (claim timeline), from the claims, ledger, conflicts and timeline tables."""

from __future__ import annotations

import re

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
from research.report.readable import in_context

SHOWN = 3
OWN = "(own voice)"
# What each kind of conflict (`claim_conflicts`) means, in words.
CONFLICT_WORDS = {"disagreement": "a disagreement is two sources giving different figures for one thing",
                  "definition": "a definition, figures that count different things or two forecasters' expectations",
                  "revision": "a revision, a figure said to be revised or updated"}


def _subject(text) -> str:
    """A figure's subject as readers can use it: "" when it holds no word (a stray number)."""
    return str(text) if re.search(r"[^\W\d_]{2}", str(text or "")) else ""


def _in_its_sentence(mentions: str, claims: pd.DataFrame, articles: pd.DataFrame, labels: dict) -> str:
    """The first mention of a claim (`article:start-end`) in its sentence, quoted after its outlet's label, so
    a reader sees what the figure counts in the outlet's own words ("" when the mention is not in `claims`)."""
    article, span = str(mentions).split("; ")[0].rsplit(":", 1)
    start, end = (int(x) for x in span.split("-"))
    rows = claims[(claims["article_id"] == article) & (claims["start"] == start)]
    texts = articles.assign(article_id=articles["article_id"].astype(str)).set_index("article_id")["text"]
    if rows.empty or article not in texts.index:
        return ""
    return f"{labels.get(article, article)}: \u201c{in_context(rows['text'].iloc[0], texts[article][start:end], 6)}\u201d"


def _groups(text: str) -> list[str]:
    return [g for g in str(text).split("; ") if g and g != OWN]


def claims_findings(claims: pd.DataFrame, ledger: pd.DataFrame, conflicts: pd.DataFrame,
                    articles: pd.DataFrame) -> pd.DataFrame:
    """The findings table (`findings_table`) of notebook 04.

    `claims`: `extract_claims` (`article_id`, `start`, `claimant`,
    `asof_end`, `text`); `ledger`: `claim_ledger` (`figure`, `subject`,
    `claimant_groups`, `outlets`, `n_outlets`, `increment`, `mentions`:
    each shared figure is quoted in its sentence); `conflicts`: `claim_conflicts`
    (`conflict`, `asof_end`, and per side `outlet`, `figure`,
    `claimant_group`); `articles`: `load_articles` (`published`, `text`). Says how
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
        figure = " ".join(filter(None, (claim.figure, _subject(claim.subject))))
        words = _in_its_sentence(claim.mentions, claims, articles, labels)
        rows.append(finding(f"{figure}{f' ({words})' if words else ''} appears in "
                            f"{names(claim.outlets.split('; '))}{credit}.", "ledger"))
    if len(ledger) and shared.empty:
        rows.append(finding("No figure appears in two outlets: each gives its own numbers.", "ledger"))
    if len(conflicts):
        kinds = conflicts["conflict"].value_counts()
        subjects = ledger.groupby("subject_key")["subject"].agg(lambda s: s.value_counts().sort_index().idxmax())
        told = names(f"{n} {kind}{'' if n == 1 else 's'}" for kind, n in sorted(kinds.items()))
        meaning = "; ".join(CONFLICT_WORDS[kind] for kind in sorted(kinds.index) if kind in CONFLICT_WORDS)
        rows.append(finding(f"{count(len(conflicts), 'pair')} of claims from different outlets "
                            f"{'gives' if len(conflicts) == 1 else 'give'} different figures for one subject and "
                            f"period: {told}" + (f" ({meaning})." if meaning else "."),
                            "conflicts"))
        order = conflicts.assign(first=conflicts["conflict"] != "disagreement").sort_values(
            ["first", "subject_key", "asof_end"], kind="stable")
        for pair in order.drop_duplicates(["subject_key", "outlet_a", "outlet_b"]).head(SHOWN).itertuples():
            def side(outlet, figure, group):
                return f"{outlet} gives {figure}" + (f" ({group})" if group else "")
            when = f"for {day(pair.asof_end)}, " if day(pair.asof_end) else ""
            rows.append(finding(f"{pair.conflict.capitalize()}, {when}on "
                                f"{_subject(subjects.get(pair.subject_key, '')) or 'the same subject'}: "
                                f"{side(pair.outlet_a, pair.figure_a, pair.claimant_group_a)}; "
                                f"{side(pair.outlet_b, pair.figure_b, pair.claimant_group_b)}.", "conflicts"))
        rows.append(finding("Figures that differ may count different things or come from different moments; read "
                            "the sentences side by side before calling it a contradiction.", "conflicts"))
    elif dated:
        rows.append(finding("No two outlets give different figures for the same subject and period.", "conflicts"))
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
    subject = _subject(timeline["subject"].value_counts().sort_index().idxmax())
    subject = f" on {quoted(subject, 6)}" if subject else ""
    if len(timeline) == 1:
        return f"One dated figure{subject}: {timeline['figure'].iloc[0]} ({timeline['outlet'].iloc[0]})"
    low, high = timeline.sort_values("y").iloc[[0, -1]]["figure"]
    outlets = timeline["outlet"].nunique()
    spread = f"run from {low} to {high}" if low != high else f"are all {low}"
    return f"{count(len(timeline), 'dated figure')}{subject} {spread}, in {count(outlets, 'outlet')}"
