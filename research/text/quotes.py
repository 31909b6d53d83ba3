"""Quotation marks: which characters of a paragraph lie inside a quotation.

Curly and guillemet marks open and close; a straight double quote toggles; two
closing single quotes ('' or ’’) close a quotation in some copy and `` opens one
in tokenised text. Two straight single quotes that open a word open a quotation
(`TWO_OPENING`: the New York Times copy of PolNeAR writes ''Six months ago we
weren't at 20 or 25 percent.'' with the same mark at both ends). A quotation
still open at the end of the paragraph runs to its end (news style leaves a
quote that continues in the next paragraph unclosed, and a feed excerpt may be
cut inside one).
"""

from __future__ import annotations

import re

QUOTE_MARK = re.compile(r"“|”|«|»|``|''|’’|\"")
OPENERS = {"“", "«", "``"}
CLOSERS = {"”", "»", "''", "’’"}
# Two straight single quotes at the start of a word, after a space, a bracket or a dash: ''It costs $100,000 a month
TWO_OPENING = re.compile(r"(?:(?<=^)|(?<=[\s(—–-]))''(?=[\w$])")


def _quotations(text: str) -> list[tuple[int, int, int, int]]:
    """(opening mark start, opening mark end, closing mark start, closing mark end) of each quotation;
    a quotation left open ends at the end of `text` (both closing values `len(text)`)."""
    found, opened = [], None
    for mark in QUOTE_MARK.finditer(text):
        symbol = mark.group()
        if opened is None and (symbol in OPENERS or symbol == '"' or TWO_OPENING.match(text, mark.start())):
            opened = mark.span()
        elif opened is not None and (symbol in CLOSERS or symbol == '"'):
            found.append((*opened, *mark.span()))
            opened = None
    if opened is not None:
        found.append((*opened, len(text), len(text)))
    return found


def quoted_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges of `text` (one paragraph) inside quotation marks, the marks excluded."""
    return [(opened, closing) for _, opened, closing, _ in _quotations(text)]


def quotations(text: str) -> list[tuple[int, int]]:
    """Character ranges of the quotations of `text` (one paragraph), their marks included."""
    return [(start, end) for start, _, _, end in _quotations(text)]
