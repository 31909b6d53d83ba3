"""Sanity checks whose output is the evidence that no text was lost.

`check_accounting` counts, per article, every non-whitespace character of the
raw text: how many lie in exactly one block, in more than one, or in none;
whether every block's and passage's `text` equals the raw text at its offsets;
and whether the body blocks' characters are all inside passages.
`cleaning_audit` summarises what cleaning kept as body and what it set aside.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

ACCOUNTING_COLUMNS = ["article_id", "nonspace_chars", "in_one_block", "in_several_blocks",
                      "in_no_block", "offsets_match", "body_chars", "body_chars_in_passages", "ok"]


def _nonspace_mask(text: str) -> np.ndarray:
    return np.fromiter((not ch.isspace() for ch in text), dtype=bool, count=len(text))


def _coverage(length: int, spans) -> np.ndarray:
    """How many spans cover each character position."""
    counts = np.zeros(length + 1, dtype=np.int64)
    for start, end in spans:
        counts[start] += 1
        counts[end] -= 1
    return np.cumsum(counts)[:length]


def check_accounting(articles: pd.DataFrame, blocks: pd.DataFrame,
                     passages: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per-article accounting of characters (columns `ACCOUNTING_COLUMNS`).

    `ok` is True when every non-whitespace character is in exactly one block,
    all offsets match the raw text and (when `passages` is given) every body
    character is in a passage.
    """
    rows = []
    blocks_by_article = dict(tuple(blocks.groupby("article_id", sort=False)))
    passages_by_article = dict(tuple(passages.groupby("article_id", sort=False))) if passages is not None else {}
    for article in articles.itertuples(index=False):
        text = article.text
        mine = blocks_by_article.get(article.article_id, blocks.iloc[:0])
        nonspace = _nonspace_mask(text)
        counts = _coverage(len(text), zip(mine["start"], mine["end"]))
        spans_ok = all(text[s:e] == t for s, e, t in zip(mine["start"], mine["end"], mine["text"]))
        body = mine[mine["role"] == "body"]
        body_mask = (_coverage(len(text), zip(body["start"], body["end"])) > 0) & nonspace
        if passages is not None:
            found = passages_by_article.get(article.article_id, passages.iloc[:0])
            spans_ok &= all(text[s:e] == t for s, e, t in zip(found["start"], found["end"], found["text"]))
            in_passages = int((body_mask & (_coverage(len(text), zip(found["start"], found["end"])) > 0)).sum())
        else:
            in_passages = int(body_mask.sum())
        row = {
            "article_id": article.article_id,
            "nonspace_chars": int(nonspace.sum()),
            "in_one_block": int((nonspace & (counts == 1)).sum()),
            "in_several_blocks": int((nonspace & (counts > 1)).sum()),
            "in_no_block": int((nonspace & (counts == 0)).sum()),
            "offsets_match": bool(spans_ok),
            "body_chars": int(body_mask.sum()),
            "body_chars_in_passages": in_passages,
        }
        row["ok"] = (row["in_one_block"] == row["nonspace_chars"] and spans_ok
                     and in_passages == row["body_chars"])
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
