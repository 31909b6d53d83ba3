"""Passages: sentences or paragraphs of the blocks, with offsets into the raw text.

Sentences come from `research.text.sentences` (Punkt with news abbreviations),
whose character spans keep every passage's `start`/`end` into its article's
`text`.
"""

from __future__ import annotations

import pandas as pd

from research.text.quotes import quoted_ranges
from research.text.sentences import sentence_spans
from research.text.tokens import word_tokens

PASSAGE_COLUMNS = ["article_id", "passage_id", "block_id", "unit", "start", "end", "role", "truncated", "text"]
UNITS = ("sentence", "paragraph")
WORD_COLUMNS = ["article_id", "passage_id", "block_id", "start", "end", "word", "quoted"]


def split_passages(blocks: pd.DataFrame, unit: str = "sentence", roles=None) -> pd.DataFrame:
    """Split blocks into passages.

    `unit` is "sentence" or "paragraph" (one passage per block). `roles` keeps
    only blocks of those roles (default: all, so callers filter on `role`).
    Returns `article_id`, `passage_id` ("<article_id>:s0007" for sentences,
    ":p0007" for paragraphs, numbered per article), `block_id`, `unit`,
    `start`, `end` (offsets into the article text), `role` (of the block),
    `truncated` (the passage ends where a feed cut the record's text: the last
    passage of a block whose `truncated` is set) and `text`.
    """
    if unit not in UNITS:
        raise ValueError(f"unit must be one of {UNITS}, got {unit!r}")
    if roles is not None:
        blocks = blocks[blocks["role"].isin(list(roles))]
    rows = []
    counters: dict[str, int] = {}
    for block in blocks.itertuples(index=False):
        spans = sentence_spans(block.text) if unit == "sentence" else [(0, len(block.text))]
        cut = bool(getattr(block, "truncated", False))
        for k, (start, end) in enumerate(spans):
            number = counters.get(block.article_id, 0)
            counters[block.article_id] = number + 1
            rows.append((block.article_id, f"{block.article_id}:{unit[0]}{number:04d}", block.block_id,
                         unit, block.start + start, block.start + end, block.role,
                         cut and k == len(spans) - 1, block.text[start:end]))
    return pd.DataFrame(rows, columns=PASSAGE_COLUMNS).astype({"start": "int64", "end": "int64", "truncated": bool})


def body_passages(passages: pd.DataFrame, roles=("body",)) -> pd.DataFrame:
    """The passages of the roles in `roles` (None: all), sorted by article and offset."""
    if roles is not None:
        passages = passages[passages["role"].isin(list(roles))]
    return passages.sort_values(["article_id", "start"], kind="stable", ignore_index=True)


def word_table(passages: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """The matching tokens of `passages` (`research.text.tokens.word_tokens`), one row each, in text order.

    Columns: `article_id`, `passage_id`, `block_id`, `start`, `end` (offsets
    into the article's raw text), `word` (normalised form used for matching),
    `quoted` (the word lies inside quotation marks of its paragraph,
    `research.text.quotes.quoted_ranges`, judged on the raw text of the whole
    block from its first to its last passage, so a quote spanning two sentences
    is seen). `articles` gives the raw texts.
    """
    texts = dict(zip(articles["article_id"], articles["text"]))
    rows = []
    for (article_id, block_id), group in passages.groupby(["article_id", "block_id"], sort=False):
        block_start, block_end = int(group["start"].min()), int(group["end"].max())
        quotes = [(block_start + s, block_start + e)
                  for s, e in quoted_ranges(texts[article_id][block_start:block_end])]
        for passage_id, offset, text in zip(group["passage_id"], group["start"], group["text"]):
            for start, end, word in word_tokens(text):
                start, end = offset + start, offset + end
                rows.append((article_id, passage_id, block_id, start, end, word,
                             any(s <= start and end <= e for s, e in quotes)))
    table = pd.DataFrame(rows, columns=WORD_COLUMNS)
    return table.sort_values(["article_id", "start"], kind="stable", ignore_index=True)
