"""Findings of notebook 02 (source overlap), from the overlap and span tables."""

from __future__ import annotations

import pandas as pd

from research.report.findings.common import (
    body_ids,
    count,
    finding,
    findings_table,
    names,
    outlet_labels,
    percent,
    possessive,
    too_few,
)

DERIVED = ("wholly derived", "partially derived")
SHORT = "too short to tell"
SAME_TEXT = 0.98
SHOWN_PAIRS = 4


def _evidence(pair) -> str:
    """What a derived pair of `article_overlap` shares, in words: the shares and runs the label rests on
    (`longest_run`, `retold_share` and `cites` when the table has them)."""
    parts = [(f"{percent(pair.unquoted_containment)} of {possessive(pair.a)} narration (words outside quotation "
              f"marks) is text shared with {pair.b}")]
    if getattr(pair, "longest_run", 0):
        parts.append(f"the longest run of identical words is {count(int(pair.longest_run), 'word')}")
    else:
        parts.append(f"the longest shared stretch is {count(int(pair.longest_span), 'word')}")
    if getattr(pair, "retold_share", 0) and pair.retold_share >= 0.005:
        parts.append(f"{percent(pair.retold_share)} of its narration is retold from {pair.b} in {possessive(pair.b)} "
                     "order")
    if getattr(pair, "cites", False):
        parts.append(f"it cites {pair.b}")
    return "; ".join(parts)


def _named(overlap: pd.DataFrame, labels: dict[str, str]) -> pd.DataFrame:
    return overlap.assign(a=overlap["article_id_a"].map(labels), b=overlap["article_id_b"].map(labels))


def overlap_findings(overlap: pd.DataFrame, spans: pd.DataFrame, passages: pd.DataFrame,
                     articles: pd.DataFrame) -> pd.DataFrame:
    """The findings table (`findings_table`) of notebook 02.

    `overlap`: `article_overlap` (`containment`, `containment_with_paraphrase`,
    `unquoted_containment`, `longest_span`, `derivation`, `likely_source`);
    `spans`: `align` (`kind`, `n_words`, `quoted`); `passages` and `articles`
    as given to them. Says how much text the articles share, which pairs share
    enough narration to be labelled derived (any label other than
    "non-derived" is reported as it is), whether a likely source can be named,
    and that shared text shows a common origin, not who copied whom.
    """
    missing = too_few(articles, passages, "comparing texts", by_outlet=False)
    if missing:
        return findings_table([(missing, "")])
    labels = outlet_labels(articles)
    pairs = _named(overlap, labels)
    rows = []
    both = pairs.merge(pairs, left_on=["article_id_a", "article_id_b"], right_on=["article_id_b", "article_id_a"],
                       suffixes=("", "_back"))
    same = both[(both["containment"] >= SAME_TEXT) & (both["containment_back"] >= SAME_TEXT)
                & (both["article_id_a"] < both["article_id_b"])]
    for pair in same.itertuples():
        rows.append(finding(f"{pair.a} and {pair.b} carry the same text: each lies wholly in text shared with the "
                     "other. Shared text shows a common origin (one story syndicated, or one copied from the "
                     "other), not which came first.", "containment"))

    top = pairs.sort_values(["containment", "a", "b"], ascending=[False, True, True]).iloc[0]
    if top["containment"] == 0:
        rows.append(finding("No two articles share a stretch of text long enough to count (see the parameters): "
                     "whatever they have in common is told in their own words.", "containment"))
    elif same.empty:
        back = pairs[(pairs["article_id_a"] == top["article_id_b"]) & (pairs["article_id_b"] == top["article_id_a"])]
        others = pairs[~pairs.index.isin([top.name, *back.index])]["containment"]
        rest = ("" if others.empty else "; no other pair shares any" if others.max() == 0 else
                f"; every other pair shares {percent(others.max())} or less")
        rows.append(finding(f"At most {percent(top['containment'])} of one article's body words lie in text it shares "
                     f"with another ({top['a']} with {top['b']}; {percent(back['containment'].iloc[0])} the "
                     f"other way){rest}.", "containment"))
    text_spans = spans[spans["kind"] != "paraphrase"]
    shared_words = text_spans["n_words"].sum()
    if shared_words:
        inside = (text_spans["n_words"] * text_spans["quoted"]).sum() / shared_words
        rows.append(finding("None of the shared text is inside quotation marks: it is narration the articles have in "
                     "common." if inside < 0.005 else
                     f"{percent(inside)} of the shared text is inside quotation marks: outlets quoting one "
                     "statement share its words without copying each other.", ""))
    paraphrase = pairs.sort_values(["containment_with_paraphrase", "a", "b"], ascending=[False, True, True]).iloc[0]
    if paraphrase["containment_with_paraphrase"] >= paraphrase["containment"] + 0.1:
        rows.append(finding(f"Counting sentences rated as paraphrases, up to "
                     f"{percent(paraphrase['containment_with_paraphrase'])} of an article is shared "
                     f"({paraphrase['a']} with {paraphrase['b']}); the rating is lexical, so it also links "
                     "independent sentences that report the same fact.", "containment_with_paraphrase"))

    derived = pairs[pairs["derivation"].isin(DERIVED)].sort_values(
        ["unquoted_containment", "a", "b"], ascending=[False, True, True])
    told = set()
    for pair in derived.itertuples():
        if len(told) >= SHOWN_PAIRS or (pair.article_id_b, pair.article_id_a) in told:
            continue
        told.add((pair.article_id_a, pair.article_id_b))
        back = derived[(derived["article_id_a"] == pair.article_id_b) & (derived["article_id_b"] == pair.article_id_a)]
        if len(back) and back["derivation"].iloc[0] == pair.derivation:
            source = labels.get(pair.likely_source, "")
            order = (f"citations or publication times point to {source} as the source" if source else
                     "neither a citation nor the publication times tell which came first")
            rows.append(finding(f"{pair.a} and {pair.b} share more narration than independent reports do ({order}), "
                                f"so each is labelled {pair.derivation} from the other: {_evidence(pair)}.",
                                "derivations"))
        else:
            rows.append(finding(f"{pair.a} is labelled {pair.derivation} from {pair.b}: {_evidence(pair)}.",
                                "derivations"))
    short = pairs[pairs["derivation"] == SHORT]
    if len(short):
        rows.append(finding(f"{names(sorted(set(short['a'])))} {'is' if short['a'].nunique() == 1 else 'are'} too "
                            "short to tell: independent reports of one event share a sentence or two, which in a text "
                            "this short is as much as they share, so it is no evidence of copying either way.", "derivations"))
    other = pairs[~pairs["derivation"].isin(DERIVED)]["derivation"].value_counts()
    labels_given = ([f"{len(derived)} derived"] if len(derived) else []) + \
        [f"{n} {label}" for label, n in sorted(other.items())]
    rows.append(finding(f"Derivation labels of the {count(len(pairs), 'ordered pair')} of articles: {names(labels_given)}"
                 + ("." if len(derived) else "; no article carries enough of another's narration to be labelled "
                    "derived from it."), "derivations"))
    if len(derived):
        sources = pairs[~pairs["likely_source"].isin(["undetermined", "none", ""])]
        if len(sources):
            first = sources.drop_duplicates("likely_source").sort_values("likely_source")
            rows.append(finding(f"Citations or publication times point to "
                                f"{names(labels.get(s, s) for s in first['likely_source'])} as the likely source of "
                                "the derived pairs; that chooses only among these articles, and both texts may draw "
                                "on a wire story or release that is not in the corpus.",
                         "derivations"))
        else:
            rows.append(finding("No likely source can be named: the publication data do not order the derived pairs "
                         "(times without a zone, or dates under two days apart). Both texts may also come from "
                         "a source that is not in the corpus, such as a wire story or a press release.",
                         "derivations"))
    left = sorted(set(articles["article_id"].astype(str)) - set(body_ids(passages)))
    if left:
        rows.append(finding(f"{names(labels[a] for a in left)} {'has' if len(left) == 1 else 'have'} no body text and "
                     f"{'is' if len(left) == 1 else 'are'} not compared.", ""))
    return findings_table(rows)


def containment_title(overlap: pd.DataFrame, articles: pd.DataFrame) -> str:
    """The title of the containment chart: the largest share of one article in text shared with another."""
    if overlap.empty:
        return "No pair of articles to compare"
    pairs = _named(overlap, outlet_labels(articles))
    top = pairs.sort_values(["containment", "a", "b"], ascending=[False, True, True]).iloc[0]
    if top["containment"] == 0:
        return "No article shares a stretch of text with another"
    return f"Up to {percent(top['containment'])} of an article's words are text shared with another ({top['a']} with {top['b']})"
