"""Findings of notebook 05 (framing), from the voices, markers, headlines and distinctive-terms tables."""

from __future__ import annotations

import pandas as pd

from research.framing.voices import OWN_VOICE, UNATTRIBUTED_QUOTE, UNNAMED_SOURCE
from research.report.findings.common import (
    count,
    finding,
    findings_table,
    names,
    percent,
    possessive,
    quoted,
    too_few,
)

SHOWN = 5
MIN_HEDGES = 3  # hedges an outlet needs before the share in its own voice is compared
# Headline certainty (`headline_framing`) in words: (one outlet, several outlets).
CERTAINTY_WORDS = {"attributed": ("attributes the news to a source", "attribute the news to a source"),
                   "asserted": ("states the news in its own voice", "state the news in their own voice"),
                   "hedged": ("hedges", "hedge"), "boosted": ("sounds certain", "sound certain"),
                   "mixed": ("both hedges and sounds certain", "both hedge and sound certain")}


def _voices(shares: pd.DataFrame) -> list[tuple[str, str]]:
    own = shares[shares["actor_group"] == OWN_VOICE].set_index("group")["share"]
    rows = []
    if len(own) > 1:
        low, high = own.sort_index().sort_values(kind="stable").index[[0, -1]]
        spread = (f"fills {percent(own[low])} of every outlet's body" if percent(own[low]) == percent(own[high]) else
                  f"fills from {percent(own[low])} of the body ({low}) to {percent(own[high])} ({high})")
        rows.append(finding(f"The outlet's own voice (words not attributed to anyone) {spread}; the rest are the words of "
                     "the sources it quotes or paraphrases.", "voices"))
    sources = shares[~shares["actor_group"].isin([OWN_VOICE, UNATTRIBUTED_QUOTE, UNNAMED_SOURCE])]
    tops = []
    for group, rows_of in sources.groupby("group", sort=True):
        top = rows_of.sort_values(["share", "actor_group"], ascending=[False, True]).iloc[0]
        how = "mostly quoted" if top["direct_words"] > top["reported_words"] else "mostly paraphrased"
        actor = "an unnamed source" if top["actor_group"] == UNNAMED_SOURCE else top["actor_group"]
        tops.append(f"in {group}, {actor} ({percent(top['share'])} of the words, {how})")
    if tops:
        rows.append(finding("The largest source " + "; ".join(tops[:8]) + ". Sources are read by rules from reporting cues "
                     "(\u201csaid\u201d, \u201caccording to\u201d), so check a surprising one in the table of "
                     "voices.", "voices"))
    groups = sorted(shares["group"].unique())
    if len(groups) > 1 and len(sources):
        weight = sources.groupby("actor_group")["share"].sum().sort_values(ascending=False)
        for actor in weight.index[:SHOWN]:
            using = sorted(sources.loc[sources["actor_group"] == actor, "group"].unique())
            missing = [g for g in groups if g not in using]
            if missing and len(using) > 1:
                speaker = actor[:1].upper() + actor[1:]  # "Unnamed officials speaks in ...": a sentence opens with a capital
                rows.append(finding(f"{speaker} speaks in {names(using)} but not in {names(missing)}.", "voices"))
                break
    return rows


def _markers(rates: pd.DataFrame, voiced: pd.DataFrame) -> list[tuple[str, str]]:
    rows = []
    hedges = rates[rates["category"] == "hedge"].dropna(subset=["per_1000"]).sort_values(["per_1000", "group"])
    if len(hedges) > 1 and hedges["count"].sum():
        each = names(f"{row.group} {row.count} ({row.per_1000:.0f} per 1,000 words)" if row.count else
                     f"{row.group} none" for row in hedges.iloc[::-1].itertuples())
        few = ("; counts this small say little about an outlet's habits" if hedges["count"].sum() < 10 else "")
        rows.append(finding(f"Hedges (\u201ccould\u201d, \u201cmay\u201d, \u201creportedly\u201d): {each}{few}.",
                     "marker_rates"))
    hedged = voiced[voiced["category"] == "hedge"] if len(voiced) else voiced
    own = hedged.assign(own=hedged["voice"] == "own").groupby("outlet")["own"].agg(["sum", "size"])
    own = own[own["size"] >= MIN_HEDGES]
    if len(own) > 1:
        share = (own["sum"] / own["size"]).sort_index().sort_values(kind="stable")
        low, high = share.index[0], share.index[-1]
        if share[high] - share[low] >= 0.25:
            rows.append(finding(f"{own.loc[high, 'sum']} of {possessive(high)} {own.loc[high, 'size']} hedges are "
                                f"in its own voice, against {own.loc[low, 'sum']} of {possessive(low)} "
                                f"{own.loc[low, 'size']}: the rest are the caution of the sources they quote or "
                                "paraphrase.", "marker_rates"))
    evaluative = voiced[voiced["category"] == "evaluative"] if len(voiced) else voiced
    if len(evaluative):
        own = evaluative[evaluative["voice"] == "own"]
        where = names(f"{outlet} ({n})" for outlet, n in evaluative.groupby("outlet").size().sort_index().items())
        words = names(quoted(w, 3) for w in sorted(own["text"].str.lower().unique())[:SHOWN])
        voices = ("all inside quoted or reported speech" if own.empty else
                  f"all in the outlet's own voice ({words})" if len(own) == len(evaluative) else
                  f"{len(evaluative) - len(own)} inside quoted or reported speech, {len(own)} in the outlet's own "
                  f"voice ({words})")
        rows.append(finding(f"Evaluative words (\u201cregime\u201d, \u201cdramatic\u201d, \u201creckless\u201d) appear "
                     f"in {where}: {voices}.", "marker_rates"))
    elif "category" in rates and (rates["category"] == "evaluative").any():
        rows.append(finding("No outlet uses a word of the evaluative list (\u201cregime\u201d, \u201cdramatic\u201d, "
                     "\u201creckless\u201d).", "marker_rates"))
    if rows:
        rows.append(finding("A rate says how often an outlet uses words of a kind, not whether its story is biased; the "
                     "lists do not read negation or context, so read each word in its sentence.", ""))
    return rows


def _headlines(headlines: pd.DataFrame) -> list[tuple[str, str]]:
    shown = headlines[headlines["headline"].fillna("").str.strip() != ""]
    if shown.empty:
        return []
    kinds = shown.groupby("certainty")["outlet"].agg(lambda o: sorted(set(o)))
    parts = [f"{names(outlets)} {CERTAINTY_WORDS.get(kind, (kind, kind))[len(outlets) > 1]}"
             for kind, outlets in sorted(kinds.items(), key=lambda k: (-len(k[1]), k[0]))]
    blank = sorted(set(headlines["outlet"]) - set(shown["outlet"]))
    text = "In the headlines, " + "; ".join(parts) + "."
    if blank:
        text += f" {names(blank)} {'shows' if len(blank) == 1 else 'show'} no headline."
    return [(text, "headlines")]


def _terms(top_terms: pd.DataFrame) -> list[tuple[str, str]]:
    if top_terms.empty:
        return []
    first = top_terms[top_terms["z"] > 0].sort_values(["group", "z", "term"], ascending=[True, False, True])\
        .drop_duplicates("group")
    if first.empty:
        return []
    parts = [f"{row.group} {quoted(row.term, 4)} ({count(row.count_group, 'use')}, {row.count_rest} in the others)"
             for row in first.head(8).itertuples()]
    return [("The term most typical of each outlet against the others: " + "; ".join(parts) + ". Such terms "
             "mostly show whom an outlet relied on and its house style; a name repeated in one story ranks high, "
             "so they describe topics and sources, not slant.", "distinctive_terms")]


def framing_findings(top_terms: pd.DataFrame, shares: pd.DataFrame, rates: pd.DataFrame, voiced: pd.DataFrame,
                     headlines: pd.DataFrame, passages: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """The findings table (`findings_table`) of notebook 05.

    `top_terms`: the first rows per group of `distinctive_terms`; `shares`:
    `voice_shares`; `rates`: `marker_rates` (hedges, boosters, evaluative
    words, reporting verbs); `voiced`: markers with `voice_of` and an `outlet`
    column; `headlines`: `headline_framing`; `passages`, `articles` as
    analysed. Says whose words fill each story, how often outlets hedge and
    judge and in whose voice, how their headlines frame the news, and which
    terms set each apart, each with what the measure cannot tell.
    """
    missing = too_few(articles, passages, "comparing how outlets tell the story")
    rows = [(missing, "")] if missing else []
    rows += _voices(shares) if len(shares) else []
    if not missing:
        rows += _markers(rates, voiced)
    rows += _headlines(headlines)
    rows += _terms(top_terms)
    return findings_table(rows)


def voices_title(shares: pd.DataFrame) -> str:
    """The title of the voices chart: how much of the stories the outlets tell in their own voice."""
    own = shares[shares["actor_group"] == OWN_VOICE].set_index("group")["share"]
    if own.empty:
        return "No body text to give a voice"
    if len(own) == 1:
        return f"{percent(own.iloc[0])} of {own.index[0]}'s story is in its own voice"
    low, high = own.sort_index().sort_values(kind="stable").index[[0, -1]]
    if percent(own[low]) == percent(own[high]):
        return f"Sources fill {percent(1 - own[low])} of each story"
    return f"Sources fill {percent(1 - own[high])} ({high}) to {percent(1 - own[low])} ({low}) of the stories"


def terms_title(top_terms: pd.DataFrame) -> str:
    """The title of the distinctive-terms chart (what its bars measure, in words)."""
    if top_terms.empty:
        return "One outlet: no other to compare its words with"
    return "Words more typical of each outlet than of the others"
