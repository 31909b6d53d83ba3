"""Article-level overlap: how much of each article is text shared with another, and from whom.

`containment` of A in B is the share of A's body words inside spans of text
A shares with B (verbatim or near-verbatim spans of `align`): asymmetric, a
short rewrite is mostly contained in its long source but not the other way.

The derivation label follows the METER corpus of wire-to-newspaper reuse
(Gaizauskas et al. 2001; Clough et al. 2002): A is *wholly derived* from B
when (nearly) all of its text comes from B, *partially derived* when some of
it does and the rest comes from elsewhere, *non-derived* when it was written
independently (at most a few shared phrases or quotes). Thresholds (README,
"Source overlap", says how they were checked on the development corpora):

- Quotations do not count as evidence: two outlets quoting one statement
  share its words without one copying the other. The evidence is A's
  *narration* (words outside quotation marks in A and in B) inside shared
  text spans: `unquoted_containment` and `longest_span`.
- partially derived: unquoted_containment >= 0.1 with at least one span
  holding 8 words of shared narration (so that a short article's "the
  minister said" after a shared quotation is not enough), or a span holding
  at least 20 words of shared narration. Independent reports of one event
  rarely share either (BASIL dev, same event, three outlets: 95th percentile 0.06
  and 14 words; the pairs above the thresholds were checked by eye and share
  wire copy or one outlet's text).
- wholly derived: partially derived, and at least 80% of A's words inside
  spans shared with B when paraphrased sentences count too (METER's wholly
  derived texts are rewritten as well as copied).
- non-derived: anything less.

`likely_source` names the text the other was likely taken from: the one
published earlier, compared at the precision both `published` values give
(to the instant when both carry a time zone; by calendar date otherwise, and
then only a gap of two days or more counts, as a date without a zone is
uncertain by up to a day), provided it also contains more of the other than
the other contains of it. "undetermined" when text is shared but dates are
missing, equal, too close or contradicted by the containment; "none" when
neither text is derived from the other.
"""

from __future__ import annotations

from datetime import datetime

import numpy as np
import pandas as pd

from research.corpus.passages import body_passages, word_table
from research.reuse.alignment import MIN_WORDS
from research.text.dates import parse_published

OVERLAP_COLUMNS = [
    "article_id_a",
    "article_id_b",
    "words_a",
    "shared_words",
    "containment",
    "unquoted_containment",
    "containment_with_paraphrase",
    "longest_span",
    "derivation",
    "likely_source",
]
OVERLAP_DTYPES = {"words_a": "int64", "shared_words": "int64", "containment": "float64",
                  "unquoted_containment": "float64", "containment_with_paraphrase": "float64",
                  "longest_span": "int64"}
DERIVATIONS = ("wholly derived", "partially derived", "non-derived")

WHOLLY_WITH_PARAPHRASE = 0.8
PARTIALLY = 0.1
PARTIALLY_SPAN_WORDS = 20
MIN_NARRATION_WORDS = MIN_WORDS
# Calendar dates without a zone are uncertain by up to a day (UTC-12 to UTC+14).
MIN_DAYS_APART = 2


def derivation(
    unquoted_containment: float, containment_with_paraphrase: float, longest_span: int
) -> str:
    """METER label of A relative to B from A's overlap with B (see the module docstring)."""
    if longest_span < PARTIALLY_SPAN_WORDS and (
        unquoted_containment < PARTIALLY or longest_span < MIN_NARRATION_WORDS
    ):
        return "non-derived"
    if containment_with_paraphrase >= WHOLLY_WITH_PARAPHRASE:
        return "wholly derived"
    return "partially derived"


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
    `text`, `published`).

    Returns `article_id_a`, `article_id_b`, `words_a` (A's body words),
    `shared_words` (those inside verbatim or near-verbatim spans shared with
    B), `containment` (shared_words / words_a), `unquoted_containment` (the
    same among A's words outside quotation marks), `containment_with_paraphrase`
    (counting the words of paraphrased sentences too), `longest_span` (most
    words outside quotation marks in one verbatim or near-verbatim span),
    `derivation` (of A from B: wholly derived, partially derived,
    non-derived), `likely_source` (an article_id, "undetermined" or "none",
    the same on both rows of a pair). Sorted by article_id_a, article_id_b. Fewer than two
    articles with body passages give an empty table.
    """
    passages = body_passages(passages, roles)
    ids = sorted(passages["article_id"].unique())
    if len(ids) < 2:  # no pair of articles
        return pd.DataFrame({c: pd.Series(dtype=OVERLAP_DTYPES.get(c, "object")) for c in OVERLAP_COLUMNS})
    words = {
        key: group.reset_index(drop=True)
        for key, group in word_table(passages, articles).groupby("article_id")
    }
    rows = []
    for a in ids:
        for b in ids:
            if a != b:
                row = _direction(a, b, words, spans)
                row["containment_with_paraphrase"] = _with_paraphrase(a, b, words[a], spans)
                row["derivation"] = derivation(
                    row["unquoted_containment"],
                    row["containment_with_paraphrase"],
                    row["longest_span"],
                )
                rows.append(row)
    table = pd.DataFrame(rows, columns=OVERLAP_COLUMNS[:-1])
    published = dict(zip(articles["article_id"], articles["published"].fillna("")))
    key = table.set_index(["article_id_a", "article_id_b"])
    table["likely_source"] = [
        _likely_source(
            a, b, key.loc[(a, b)], key.loc[(b, a)], published.get(a, ""), published.get(b, "")
        )
        for a, b in zip(table["article_id_a"], table["article_id_b"])
    ]
    return table


def _words_in(words: pd.DataFrame, start: int, end: int) -> slice:
    """The rows of an article's word table (sorted by offset) inside the characters [start, end)."""
    return slice(
        int(np.searchsorted(words["start"].to_numpy(), start)),
        int(np.searchsorted(words["end"].to_numpy(), end, side="right")),
    )


def _direction(a: str, b: str, words: dict[str, pd.DataFrame], spans: pd.DataFrame) -> dict:
    """How much of A's words lie in spans shared with B, whichever side of the span table A is on.

    A shared word is narration when it is outside quotation marks in A and its
    counterpart in B is too; counterparts are matched by relative position in
    the span (exact for verbatim spans, within a few words for near-verbatim).
    """
    spans = spans[spans["kind"] != "paraphrase"].pipe(
        lambda t: pd.concat(
            [
                t[(t["article_id_a"] == a) & (t["article_id_b"] == b)],
                t[(t["article_id_a"] == b) & (t["article_id_b"] == a)].rename(
                    columns=lambda c: _swap(c)
                ),
            ]
        )
    )
    quoted_a = words[a]["quoted"].to_numpy(dtype=bool)
    quoted_b = words[b]["quoted"].to_numpy(dtype=bool)
    shared = np.zeros(len(quoted_a), dtype=bool)
    narration = np.zeros(len(quoted_a), dtype=bool)
    longest = 0
    for start_a, end_a, start_b, end_b in spans[
        ["start_a", "end_a", "start_b", "end_b"]
    ].itertuples(index=False):
        in_a, in_b = _words_in(words[a], start_a, end_a), _words_in(words[b], start_b, end_b)
        n_a, n_b = in_a.stop - in_a.start, in_b.stop - in_b.start
        counterpart = in_b.start + (np.arange(n_a) * n_b) // max(n_a, 1)
        told = ~quoted_a[in_a] & ~quoted_b[counterpart]
        shared[in_a] = True
        narration[in_a] |= told
        longest = max(longest, int(told.sum()))
    n, unquoted = len(quoted_a), int((~quoted_a).sum())
    containment = shared.sum() / n if n else 0.0
    unquoted_containment = narration.sum() / unquoted if unquoted else 0.0
    return {
        "article_id_a": a,
        "article_id_b": b,
        "words_a": n,
        "shared_words": int(shared.sum()),
        "containment": float(containment),
        "unquoted_containment": float(unquoted_containment),
        "longest_span": longest,
    }


def _swap(column: str) -> str:
    """Column name of the other side of the span table ("start_a" <-> "start_b")."""
    if column.endswith("_a"):
        return column[:-2] + "_b"
    if column.endswith("_b"):
        return column[:-2] + "_a"
    return column


def _with_paraphrase(a: str, b: str, words: pd.DataFrame, spans: pd.DataFrame) -> float:
    """Share of A's words inside any span shared with B, paraphrased sentences included."""
    inside = np.zeros(len(words), dtype=bool)
    for table, side in (
        (spans[(spans["article_id_a"] == a) & (spans["article_id_b"] == b)], "a"),
        (spans[(spans["article_id_a"] == b) & (spans["article_id_b"] == a)], "b"),
    ):
        for start, end in zip(table[f"start_{side}"], table[f"end_{side}"]):
            inside[_words_in(words, start, end)] = True
    return float(inside.mean()) if len(inside) else 0.0


def _likely_source(
    a: str, b: str, a_in_b: pd.Series, b_in_a: pd.Series, published_a: str, published_b: str
) -> str:
    if a_in_b["derivation"] == "non-derived" and b_in_a["derivation"] == "non-derived":
        return "none"
    order = earlier(published_a, published_b)
    if order is None:
        return "undetermined"
    # The later text (the copy) must derive from the earlier, and lie in it more than the reverse.
    source, copy_in_source, source_in_copy = (
        (a, b_in_a, a_in_b) if order < 0 else (b, a_in_b, b_in_a)
    )
    if (
        copy_in_source["derivation"] == "non-derived"
        or copy_in_source["containment"] < source_in_copy["containment"]
    ):
        return "undetermined"
    return source
