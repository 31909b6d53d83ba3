"""Parts of speech and phrase chunks of a sentence, with character offsets into it.

The tagger and chunker are TextBlob's copy of Pattern's English parser (a Brill tagger: a lexicon, morphological
and contextual rules, then chunk rules over the tags), shipped with the package, so nothing is downloaded. Tags
are the Penn Treebank's ("NNS", "VBD", "CD"); chunks are "NP", "VP", "PP", "ADJP", "ADVP" in IOB form ("B-NP"
opens a noun phrase, "I-NP" continues it, "O" is outside any chunk).

`tag_words(text)` gives one `Tagged` per token of `text`: words, numbers ("34,000"), abbreviations ("U.S.",
"Feb."), a possessive "'s" and each punctuation mark are tokens; `tokens_within(text, start, end)` gives those inside
a stretch of `text`, tagged in the context of the whole text, in time that does not grow with the text's length.
`noun_phrases(text)` gives the noun phrases as (start, end) spans.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from textblob.en import parser

# An abbreviation with periods ("U.S."), a month or title cut short before a number or name ("Feb. 6", "Sen.
# Warren"), a number with its separators, a word with inner hyphens or apostrophes but not a possessive or
# "n't", a possessive "'s", a "n't", or one other mark.
TAG_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|[A-Z][a-z]{1,3}\.(?=\s+[A-Z0-9])|\d+(?:[.,]\d+)*"
                       r"|\w+?(?=n['’]t\b)|n['’]t\b|\w+(?:-\w+|['’](?![st]\b)\w+)*|['’]s\b|[^\w\s]")
# Tokens the tagger and chunker read at once (`_pieces`), and the marks a piece may end on.
PIECE = 400
CLAUSE_ENDS = frozenset(".;:,")
# The tagger's lexicon writes quotation marks and apostrophes straight.
ASCII_MARKS = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})


@dataclass(frozen=True)
class Tagged:
    """One token: its text, its offsets in the text tagged, its part of speech and its chunk (IOB)."""

    word: str
    start: int
    end: int
    pos: str
    chunk: str


@lru_cache(maxsize=4096)
def tag_words(text: str) -> tuple[Tagged, ...]:
    """The tokens of `text` (one sentence, or a few) with their part of speech and chunk."""
    spans = [(match.start(), match.end()) for match in TAG_TOKEN.finditer(text)]
    if not spans:
        return ()
    words = [text[start:end].translate(ASCII_MARKS) for start, end in spans]
    chunked = [token for piece in _pieces(words) for token in parser.find_chunks(parser.find_tags(piece))]
    return tuple(Tagged(text[start:end], start, end, token[1], token[2])
                 for (start, end), token in zip(spans, chunked, strict=True))


def _pieces(words: list[str]) -> list[list[str]]:
    """`words` in pieces of at most `PIECE` tokens, each cut after a mark that ends a clause: the chunker counts the
    tokens before each chunk it finds, which takes the square of a piece's length, and its rules look only a few
    tokens around. A sentence of prose is one piece."""
    pieces, first = [], 0
    while len(words) - first > PIECE:
        cut = next((i + 1 for i in range(first + PIECE - 1, first, -1) if words[i] in CLAUSE_ENDS), first + PIECE)
        pieces.append(words[first:cut])
        first = cut
    return [*pieces, words[first:]]


@lru_cache(maxsize=4096)
def _token_starts(text: str) -> tuple[int, ...]:
    return tuple(token.start for token in tag_words(text))


def tokens_within(text: str, start: int, end: int) -> list[Tagged]:
    """The tokens of `tag_words(text)` that lie wholly within text[start:end]."""
    tokens, first = tag_words(text), bisect_left(_token_starts(text), start)
    within = []
    for token in tokens[first:]:
        if token.start >= end:
            break
        if token.end <= end:
            within.append(token)
    return within


def noun_phrases(text: str) -> list[tuple[int, int]]:
    """The (start, end) spans of the noun phrase chunks of `text`."""
    spans: list[tuple[int, int]] = []
    inside = False
    for token in tag_words(text):
        if token.chunk == "I-NP" and inside:
            spans[-1] = (spans[-1][0], token.end)
        elif token.chunk.endswith("-NP"):
            spans.append((token.start, token.end))
        inside = token.chunk.endswith("-NP")
    return spans
