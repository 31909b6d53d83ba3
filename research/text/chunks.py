"""Parts of speech and phrase chunks of a sentence, with character offsets into it.

The tagger and chunker are TextBlob's copy of Pattern's English parser (a Brill tagger: a lexicon, morphological
and contextual rules, then chunk rules over the tags), shipped with the package, so nothing is downloaded. Tags
are the Penn Treebank's ("NNS", "VBD", "CD"); chunks are "NP", "VP", "PP", "ADJP", "ADVP" in IOB form ("B-NP"
opens a noun phrase, "I-NP" continues it, "O" is outside any chunk).

`tag_words(text)` gives one `Tagged` per token of `text`: words, numbers ("34,000"), abbreviations ("U.S.",
"Feb."), a possessive "'s" and each punctuation mark are tokens. `noun_phrases(text)` gives the noun phrases as
(start, end) spans.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from textblob.en import parser

# An abbreviation with periods ("U.S."), a month or title cut short before a number or name ("Feb. 6", "Sen.
# Warren"), a number with its separators, a word with inner hyphens or apostrophes but not a possessive or
# "n't", a possessive "'s", a "n't", or one other mark.
TAG_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|[A-Z][a-z]{1,3}\.(?=\s+[A-Z0-9])|\d+(?:[.,]\d+)*"
                       r"|\w+?(?=n['’]t\b)|n['’]t\b|\w+(?:-\w+|['’](?![st]\b)\w+)*|['’]s\b|[^\w\s]")
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
    chunked = parser.find_chunks(parser.find_tags(words))
    return tuple(Tagged(text[start:end], start, end, token[1], token[2])
                 for (start, end), token in zip(spans, chunked, strict=True))


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
