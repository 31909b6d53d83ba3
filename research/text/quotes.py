"""Quotation marks: which characters of a paragraph lie inside a quotation.

Curly and guillemet marks open and close; a straight double quote toggles; two
closing single quotes ('' or ’’) close a quotation in some copy and `` opens one
in tokenised text. A quotation still open at the end of the paragraph runs to
its end (news style leaves a quote that continues in the next paragraph
unclosed, and a feed excerpt may be cut inside one).
"""

from __future__ import annotations

import re

QUOTE_MARK = re.compile(r"“|”|«|»|``|''|’’|\"")
OPENERS = {"“", "«", "``"}
CLOSERS = {"”", "»", "''", "’’"}


def quoted_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges of `text` (one paragraph) inside quotation marks, the marks excluded."""
    ranges, opened = [], None
    for mark in QUOTE_MARK.finditer(text):
        symbol = mark.group()
        if opened is None and (symbol in OPENERS or symbol == '"'):
            opened = mark.end()
        elif opened is not None and (symbol in CLOSERS or symbol == '"'):
            ranges.append((opened, mark.start()))
            opened = None
    if opened is not None:
        ranges.append((opened, len(text)))
    return ranges
