"""Sanity checks whose output is the evidence that no text was lost.

`check_accounting` counts, per article, every non-whitespace character of the
raw text: how many lie in exactly one block, in more than one, or in none;
whether every block's and passage's `text` equals the raw text at its offsets;
and whether the body blocks' characters are all inside passages.
`cleaning_audit` summarises what cleaning kept as body and what it set aside.
"""

from __future__ import annotations

import re

import pandas as pd

ACCOUNTING_COLUMNS = ["article_id", "nonspace_chars", "in_one_block", "in_several_blocks",
                      "in_no_block", "offsets_match", "body_chars", "body_chars_in_passages", "ok"]


WHITESPACE = re.compile(r"\s+")
# Characters counted at a time, so that counting a long text needs little memory.
CHUNK = 1 << 16


def _nonspace(text: str, start: int = 0, end: int | None = None) -> int:
    """Number of non-whitespace characters of text[start:end]."""
    end = len(text) if end is None else min(end, len(text))
    return sum(len(WHITESPACE.sub("", text[i:min(i + CHUNK, end)])) for i in range(start, end, CHUNK))


def _union(spans) -> list[tuple[int, int]]:
    """Sorted, merged (start, end) spans."""
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(s, e) for s, e in merged]


def _layers(text: str, spans) -> tuple[int, int]:
    """(non-whitespace characters covered by no span, covered by two or more spans)."""
    uncovered = several = 0
    reach = 0  # end of the text covered so far
    counted = 0  # end of the region already counted as covered twice
    for start, end in sorted(spans):
        if start > reach:
            uncovered += _nonspace(text, reach, start)
        else:
            low = max(start, counted)
            high = min(end, reach)
            if high > low:
                several += _nonspace(text, low, high)
                counted = high
        reach = max(reach, end)
    return uncovered + _nonspace(text, reach), several


def _covered(text: str, spans, cover) -> int:
    """Non-whitespace characters of `spans` that lie inside the union of `cover`."""
    cover = _union(cover)
    total, j = 0, 0
    for start, end in _union(spans):
        while j < len(cover) and cover[j][1] <= start:
            j += 1
        k = j
        while k < len(cover) and cover[k][0] < end:
            total += _nonspace(text, max(start, cover[k][0]), min(end, cover[k][1]))
            k += 1
    return total


def check_accounting(articles: pd.DataFrame, blocks: pd.DataFrame,
                     passages: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per-article accounting of characters (columns `ACCOUNTING_COLUMNS`).

    `ok` is True when every non-whitespace character is in exactly one block,
    all offsets match the raw text and (when `passages` is given) every body
    character is in a passage. Works on spans, so memory stays proportional
    to the number of blocks, not to the length of the text (characters are
    counted `CHUNK` at a time).
    """
    rows = []
    blocks_by_article = dict(tuple(blocks.groupby("article_id", sort=False)))
    passages_by_article = dict(tuple(passages.groupby("article_id", sort=False))) if passages is not None else {}
    for article in articles.itertuples(index=False):
        text = article.text
        mine = blocks_by_article.get(article.article_id, blocks.iloc[:0])
        spans = list(zip(mine["start"], mine["end"]))
        spans_ok = all(text[s:e] == t for s, e, t in zip(mine["start"], mine["end"], mine["text"]))
        in_none, in_several = _layers(text, spans)
        nonspace = _nonspace(text)
        body = mine[mine["role"] == "body"]
        body_spans = list(zip(body["start"], body["end"]))
        body_chars = _covered(text, body_spans, body_spans)
        if passages is not None:
            found = passages_by_article.get(article.article_id, passages.iloc[:0])
            spans_ok &= all(text[s:e] == t for s, e, t in zip(found["start"], found["end"], found["text"]))
            in_passages = _covered(text, body_spans, zip(found["start"], found["end"]))
        else:
            in_passages = body_chars
        row = {
            "article_id": article.article_id,
            "nonspace_chars": nonspace,
            "in_one_block": nonspace - in_none - in_several,
            "in_several_blocks": in_several,
            "in_no_block": in_none,
            "offsets_match": bool(spans_ok),
            "body_chars": body_chars,
            "body_chars_in_passages": in_passages,
        }
        row["ok"] = in_none == 0 and in_several == 0 and spans_ok and in_passages == body_chars
        rows.append(row)
    return pd.DataFrame(rows, columns=ACCOUNTING_COLUMNS)


def assert_accounted(articles: pd.DataFrame, blocks: pd.DataFrame,
                     passages: pd.DataFrame | None = None) -> pd.DataFrame:
    """`check_accounting`, raising AssertionError naming the articles that lose or duplicate text."""
    table = check_accounting(articles, blocks, passages)
    bad = table[~table["ok"]]
    if len(bad):
        raise AssertionError("text not accounted for in: " + "; ".join(
            f"{r.article_id} ({r.in_no_block} chars in no block, {r.in_several_blocks} in several, "
            f"offsets match: {r.offsets_match}, body chars outside passages: "
            f"{r.body_chars - r.body_chars_in_passages})" for r in bad.itertuples()))
    return table


def cleaning_audit(articles: pd.DataFrame, blocks: pd.DataFrame) -> pd.DataFrame:
    """Per article: blocks and non-whitespace characters kept as body vs set aside.

    Columns: `article_id`, `outlet`, `blocks`, `body_blocks`, `chars`,
    `body_chars`, `set_aside_chars`, `body_share` (body characters / all).
    """
    measured = blocks.assign(chars=blocks["text"].str.count(r"\S"), is_body=blocks["role"] == "body")
    measured["body_chars"] = measured["chars"].where(measured["is_body"], 0)
    table = measured.groupby("article_id", sort=False).agg(
        blocks=("block_id", "size"), body_blocks=("is_body", "sum"), chars=("chars", "sum"),
        body_chars=("body_chars", "sum"))
    table["set_aside_chars"] = table["chars"] - table["body_chars"]
    table["body_share"] = (table["body_chars"] / table["chars"]).round(3)
    outlets = articles.set_index("article_id")["outlet"] if "outlet" in articles else None
    table.insert(0, "outlet", outlets.reindex(table.index).fillna("") if outlets is not None else "")
    return table.reset_index().astype({"body_blocks": "int64"})
