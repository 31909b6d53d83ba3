"""The package's one tokenizer: words with character offsets, and the form in which they are compared.

Two granularities of the same reading, as scikit-learn builds every analyzer
from one chain:

- `WORD`: a word as a reader counts it: abbreviations with periods ("U.S."),
  numbers with their separators ("3,000", "1.2"), words with inner apostrophes
  and hyphens ("don't", "Yo-jong"). Word counts, distinctive terms and voices
  read these (`word_spans`).
- `TOKEN`: the parts that matching compares: numbers whole, else runs of
  letters and digits, so quotes, apostrophes and dashes separate tokens and
  curly and straight forms match. Similarity, alignment and events read these
  (`word_tokens`, `normalised_words`).

`normalise_token` gives the matching form of either: NFKC, case-folded,
thousands separators removed ("3,000" and "3000" are one token).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from nltk.stem.porter import PorterStemmer

# A number with its separators and decimals ("3,000", "1.2"), else a run of word characters.
TOKEN = re.compile(r"\d+(?:[.,]\d+)*|\w+")
# An abbreviation with periods, a number, or a word with inner apostrophes or hyphens.
WORD = re.compile(r"(?:[A-Za-z]\.){2,}|\d+(?:[.,]\d+)*|\w+(?:['’\-]\w+)*")
THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
POSSESSIVE = re.compile(r"['’]s$")

_STEMMER = PorterStemmer()


def normalise_token(token: str) -> str:
    """The matching form of a token: NFKC, case-folded, thousands separators removed."""
    token = token.lower() if token.isascii() else unicodedata.normalize("NFKC", token).casefold()
    return token.replace(",", "") if THOUSANDS.fullmatch(token) else token


def first_words(text: str, words: int) -> str:
    """`text` up to the end of its `words`-th word (`WORD`; `words` >= 1); the whole text when it has no more."""
    found = [m.end() for _, m in zip(range(words), WORD.finditer(text))]
    return text[: found[-1]] if found and len(found) == words else text


def word_tokens(text: str) -> list[tuple[int, int, str]]:
    """Matching tokens of `text` as (start, end, normalised form), offsets into `text`."""
    return [(m.start(), m.end(), normalise_token(m.group())) for m in TOKEN.finditer(text)]


def normalised_words(text: str) -> str:
    """The normalised tokens of `text` separated by single spaces: what the scorer reads."""
    return " ".join(normalise_token(token) for token in TOKEN.findall(text))


def word_spans(text: str) -> list[tuple[int, int, str]]:
    """Words of `text` as (start, end, term): offsets into `text` and the term (normalised, straight
    apostrophe, without a possessive "'s")."""
    return [(m.start(), m.end(), POSSESSIVE.sub("", normalise_token(m.group()).replace("’", "'")))
            for m in WORD.finditer(text)]


@lru_cache(maxsize=2**18)
def stem(word: str) -> str:
    """Porter stem of a normalised token (memoised: a corpus repeats its words)."""
    return _STEMMER.stem(word, to_lowercase=False)
