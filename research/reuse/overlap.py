"""Article-level overlap: how much of each article is text shared with another, and who copied whom.

`containment` of A in B is the share of A's body words inside spans of text
A shares with B (verbatim or near-verbatim spans of `align`): asymmetric, a
short rewrite is mostly contained in its long source but not the other way.

Quotations are not evidence of copying: two outlets quoting one statement share
its words without one copying the other. Nor is text A attributes to B's
outlet ("according to The Washington Post"). The evidence is A's *narration*:
its words outside quotation marks and outside its sentences citing B's outlet
(`research.reuse.derivation.citing_sentences`; outlets from the articles'
`outlet` column, when there is one).

The derivation label follows the METER corpus of wire-to-newspaper reuse
(Gaizauskas et al. 2001; Clough et al. 2002), *wholly derived*, *partially
derived* or *non-derived*, with *too short to tell* where the text is too short
for the evidence to be told from independent coverage of one event. The rule
and its thresholds are in `research.reuse.derivation`.

`likely_source` names the text the other was likely taken from: the outlet
the derived text cites; else the one published earlier, compared at the
precision both `published` values give (to the instant when both carry a time
zone; by calendar date otherwise, and then only a gap of two days or more
counts, as a date without a zone is uncertain by up to a day), provided it also
contains more of the other than the other contains of it. "undetermined" when
one text is derived from the other but the order cannot be told; "none" when
neither is derived from the other.
"""

from __future__ import annotations

from datetime import datetime

import numpy as np
import pandas as pd

from research.corpus.passages import body_passages, word_table
from research.reuse.derivation import (
    DERIVED,
    Evidence,
    citing_sentences,
    derivation,
    longest_run,
    ordered_share,
)
from research.text.dates import parse_published

OVERLAP_COLUMNS = [
    "article_id_a",
    "article_id_b",
    "words_a",
    "narration_words",
    "shared_words",
    "containment",
    "unquoted_containment",
    "containment_with_paraphrase",
    "longest_span",
    "longest_run",
    "retold_share",
    "cites",
    "cited_by",
    "derivation",
    "likely_source",
]
OVERLAP_DTYPES = {"words_a": "int64", "narration_words": "int64", "shared_words": "int64",
                  "containment": "float64", "unquoted_containment": "float64",
                  "containment_with_paraphrase": "float64", "longest_span": "int64", "longest_run": "int64",
                  "retold_share": "float64", "cites": "bool", "cited_by": "bool"}
# Calendar dates without a zone are uncertain by up to a day (UTC-12 to UTC+14).
MIN_DAYS_APART = 2


def earlier(published_a: str, published_b: str) -> int | None:
    """-1 if A was published before B, 1 if after, None if the values cannot tell (module doc)."""
    a, b = parse_published(published_a), parse_published(published_b)
    if a is None or b is None:
        return None
    aware = [isinstance(v, datetime) and v.tzinfo is not None for v in (a, b)]
    if all(aware):
        return None if a == b else (-1 if a < b else 1)
    day_a = a.date() if isinstance(a, datetime) else a
    day_b = b.date() if isinstance(b, datetime) else b
    gap = (day_b - day_a).days
    if abs(gap) < MIN_DAYS_APART:
        return None
    return -1 if gap > 0 else 1


def article_overlap(
    spans: pd.DataFrame,
    passages: pd.DataFrame,
    articles: pd.DataFrame,
    *,
    roles=("body",),
) -> pd.DataFrame:
    """One row per ordered pair of articles: how much of A is shared with B, and its derivation.

    `spans`: the output of `align` for these passages; `passages`, `roles`
    as given to `align`; `articles`: the articles table (needs `article_id`,
    `text`, `published`; `outlet`, when present, for citations).

    Returns `article_id_a`, `article_id_b`, `words_a` (A's body words),
    `narration_words` (those outside quotation marks and outside sentences
    citing B's outlet), `shared_words` (A's words inside verbatim or
    near-verbatim spans shared with B), `containment` (shared_words /
    words_a), `unquoted_containment` (the share of A's narration in such
    spans, narration on B's side too), `containment_with_paraphrase` (the
    share of A's words in any span shared with B, paraphrased sentences
    included), `longest_span` (most narration words of A in one verbatim or
    near-verbatim span), `longest_run` (longest run of identical narration
    words in both, `derivation.longest_run`), `retold_share` (share of A's
    narration sentences, weighted by their narration words, copied or
    paraphrased from B and matched to B's sentences in B's order:
    `derivation.ordered_share`), `cites` (A cites B's outlet; never when both are of one outlet: naming
    its own outlet cites no other article), `cited_by` (B cites A's outlet), `derivation` (of A from B: wholly derived, partially
    derived, too short to tell, non-derived), `likely_source` (an article_id,
    "undetermined" or "none", the same on both rows of a pair). Sorted by
    article_id_a, article_id_b. Fewer than two articles with body passages give an empty table.
    """
    passages = body_passages(passages, roles)
    ids = sorted(passages["article_id"].unique())
    if len(ids) < 2:  # no pair of articles
        return pd.DataFrame({c: pd.Series(dtype=OVERLAP_DTYPES.get(c, "object")) for c in OVERLAP_COLUMNS})
    words = {key: group.reset_index(drop=True) for key, group in word_table(passages, articles).groupby("article_id")}
    sentences = {key: group.reset_index(drop=True) for key, group in passages.groupby("article_id")}
    outlets = dict(zip(articles["article_id"], articles["outlet"].fillna(""))) if "outlet" in articles else {}
    ordered = [(a, b) for a in ids for b in ids if a != b]
    # an article naming its own outlet ("told USA TODAY") cites no other article of that outlet
    citing = {(a, b): citing_sentences(sentences[a], "" if _one_outlet(outlets, a, b) else outlets.get(b, ""))
              for a, b in ordered}
    narration = {
        (a, b): ~words[a]["quoted"].to_numpy(dtype=bool)
        & ~words[a]["passage_id"].isin(sentences[a]["passage_id"][citing[(a, b)]]).to_numpy()
        for a, b in ordered
    }
    rows = []
    for a, b in ordered:
        pair = _oriented(spans, a, b)
        row, partner = _text_shared(a, b, words, pair, narration[(a, b)], narration[(b, a)])
        row["longest_run"] = longest_run(words[a], words[b], narration[(a, b)], narration[(b, a)])
        row["retold_share"] = _retold_share(sentences[a], sentences[b], words[a], words[b], pair, partner,
                                            narration[(a, b)])
        row["containment_with_paraphrase"] = _with_paraphrase(words[a], pair)
        row["cites"], row["cited_by"] = bool(citing[(a, b)].any()), bool(citing[(b, a)].any())
        rows.append(row)
    table = pd.DataFrame(rows, columns=OVERLAP_COLUMNS[:-2])
    table["derivation"] = [derivation(e) for e in evidence(table)]
    published = dict(zip(articles["article_id"], articles["published"].fillna("")))
    key = table.set_index(["article_id_a", "article_id_b"])
    table["likely_source"] = [
        _likely_source(
            a, b, key.loc[(a, b)], key.loc[(b, a)], published.get(a, ""), published.get(b, "")
        )
        for a, b in zip(table["article_id_a"], table["article_id_b"])
    ]
    return table


def _one_outlet(outlets: dict[str, str], a: str, b: str) -> bool:
    """Articles `a` and `b` are of one named outlet (`outlets`: article_id -> outlet)."""
    name = outlets.get(a, "").strip().lower()
    return bool(name) and name == outlets.get(b, "").strip().lower()


def evidence(table: pd.DataFrame) -> list[Evidence]:
    """The `derivation.Evidence` of each row of an `article_overlap` table (both directions of a
    pair must be in it), in row order."""
    narration = table.set_index(["article_id_a", "article_id_b"])["narration_words"]
    return [
        Evidence(int(r.words_a), int(r.narration_words), int(narration[(r.article_id_b, r.article_id_a)]),
                 int(r.longest_run), int(r.longest_span), float(r.retold_share),
                 float(r.containment_with_paraphrase), bool(r.cites), bool(r.cited_by))
        for r in table.itertuples(index=False)
    ]


def _words_in(words: pd.DataFrame, start: int, end: int) -> slice:
    """The rows of an article's word table (sorted by offset) inside the characters [start, end)."""
    return slice(
        int(np.searchsorted(words["start"].to_numpy(), start)),
        int(np.searchsorted(words["end"].to_numpy(), end, side="right")),
    )


def _oriented(spans: pd.DataFrame, a: str, b: str) -> pd.DataFrame:
    """The spans between A and B with A on the `_a` side, whichever side of the span table it is on."""
    return pd.concat(
        [
            spans[(spans["article_id_a"] == a) & (spans["article_id_b"] == b)],
            spans[(spans["article_id_a"] == b) & (spans["article_id_b"] == a)].rename(columns=_swap),
        ],
        ignore_index=True,
    )


def _text_shared(a: str, b: str, words: dict[str, pd.DataFrame], pair: pd.DataFrame, narration_a: np.ndarray,
                 narration_b: np.ndarray) -> tuple[dict, np.ndarray]:
    """How much of A's words lie in verbatim or near-verbatim spans shared with B, and per word of A
    the row of its counterpart in B's word table where both are narration (-1 elsewhere).

    A shared word counts as narration when it is narration in A and its
    counterpart in B is too; counterparts are matched by relative position in
    the span (exact for verbatim spans, within a few words for near-verbatim).
    """
    partner = np.full(len(narration_a), -1)
    shared = np.zeros(len(narration_a), dtype=bool)
    longest = 0
    text = pair[pair["kind"] != "paraphrase"]
    for start_a, end_a, start_b, end_b in text[["start_a", "end_a", "start_b", "end_b"]].itertuples(index=False):
        in_a, in_b = _words_in(words[a], start_a, end_a), _words_in(words[b], start_b, end_b)
        n_a, n_b = in_a.stop - in_a.start, in_b.stop - in_b.start
        counterpart = in_b.start + (np.arange(n_a) * n_b) // max(n_a, 1)
        both = narration_a[in_a] & narration_b[counterpart]
        shared[in_a] = True
        partner[in_a] = np.where(both, counterpart, partner[in_a])
        longest = max(longest, int(both.sum()))
    told = partner >= 0
    n, own = len(narration_a), int(narration_a.sum())
    return {
        "article_id_a": a,
        "article_id_b": b,
        "words_a": n,
        "narration_words": own,
        "shared_words": int(shared.sum()),
        "containment": float(shared.sum() / n) if n else 0.0,
        "unquoted_containment": float(told.sum() / own) if own else 0.0,
        "longest_span": longest,
    }, partner


def _retold_share(sentences_a: pd.DataFrame, sentences_b: pd.DataFrame, words_a: pd.DataFrame,
                  words_b: pd.DataFrame, pair: pd.DataFrame, partner: np.ndarray, narration_a: np.ndarray) -> float:
    """`ordered_share` of A's narration sentences (at least half their words narration), weighted by
    their narration words, over the sentences copied from B (at least half their narration shared with
    B's narration in text spans, paired with B's sentence holding most of the counterparts: `align`
    leaves them out of paraphrase spans) and the paraphrase spans between A and B."""
    row_a = pd.Series(np.arange(len(sentences_a)), index=sentences_a["passage_id"])
    row_b = pd.Series(np.arange(len(sentences_b)), index=sentences_b["passage_id"])
    sentence = row_a[words_a["passage_id"]].to_numpy()
    size = np.bincount(sentence, minlength=len(sentences_a))
    own = np.bincount(sentence, weights=narration_a, minlength=len(sentences_a))
    told = np.bincount(sentence, weights=partner >= 0, minlength=len(sentences_a))
    inside = partner >= 0
    copied = pd.DataFrame({"i": sentence[inside],
                           "j": row_b[words_b["passage_id"].to_numpy()[partner[inside]]].to_numpy()})
    copied = copied[told[copied["i"]] >= own[copied["i"]] / 2].value_counts().reset_index()  # most frequent first
    paraphrases = pair[pair["kind"] == "paraphrase"]
    paraphrased = pd.DataFrame({
        "i": np.searchsorted(sentences_a["start"].to_numpy(), paraphrases["start_a"].to_numpy()),
        "j": np.searchsorted(sentences_b["start"].to_numpy(), paraphrases["start_b"].to_numpy()),
    })
    matched = pd.concat([copied.drop_duplicates("i")[["i", "j"]], paraphrased], ignore_index=True)
    return ordered_share(matched, np.where(own >= size / 2, own, 0.0))


def _swap(column: str) -> str:
    """Column name of the other side of the span table ("start_a" <-> "start_b")."""
    if column.endswith("_a"):
        return column[:-2] + "_b"
    if column.endswith("_b"):
        return column[:-2] + "_a"
    return column


def _with_paraphrase(words: pd.DataFrame, pair: pd.DataFrame) -> float:
    """Share of A's words inside any span shared with B, paraphrased sentences included."""
    inside = np.zeros(len(words), dtype=bool)
    for start, end in zip(pair["start_a"], pair["end_a"]):
        inside[_words_in(words, start, end)] = True
    return float(inside.mean()) if len(inside) else 0.0


def _likely_source(
    a: str, b: str, a_in_b: pd.Series, b_in_a: pd.Series, published_a: str, published_b: str
) -> str:
    a_derived, b_derived = a_in_b["derivation"] in DERIVED, b_in_a["derivation"] in DERIVED
    if not a_derived and not b_derived:
        return "none"
    # A derived text that names the other's outlet names its source.
    if a_derived and a_in_b["cites"] and not b_in_a["cites"]:
        return b
    if b_derived and b_in_a["cites"] and not a_in_b["cites"]:
        return a
    order = earlier(published_a, published_b)
    if order is None:
        return "undetermined"
    # The later text (the copy) must derive from the earlier, and lie in it more than the reverse.
    source, copy_in_source, source_in_copy = (
        (a, b_in_a, a_in_b) if order < 0 else (b, a_in_b, b_in_a)
    )
    if (
        copy_in_source["derivation"] not in DERIVED
        or copy_in_source["containment"] < source_in_copy["containment"]
    ):
        return "undetermined"
    return source
