"""Passages: sentences or paragraphs of the blocks, with offsets into the raw text.

Sentences come from NLTK's Punkt splitter (Kiss and Strunk 2006) given the
abbreviations below, so that "U.S.", "Lt. Gen." or "Mr." do not end a sentence.
Punkt's `span_tokenize` gives character spans, so every passage keeps
`start`/`end` into its article's `text`.
"""

from __future__ import annotations

import pandas as pd
from nltk.tokenize.punkt import PunktLanguageVars, PunktParameters, PunktSentenceTokenizer

PASSAGE_COLUMNS = ["article_id", "passage_id", "block_id", "unit", "start", "end", "role", "text"]
UNITS = ("sentence", "paragraph")

# Abbreviations (lower case, without the final period) that news prose uses
# mid-sentence. Words that also end sentences as ordinary words ("ill", "mass",
# "no", "etc") are left out on purpose: a missed split is cheaper than a merge.
ABBREVIATIONS = frozenset(
    # titles and ranks
    "mr mrs ms dr prof gen lt col maj capt cmdr adm sgt cpl pvt gov sen rep pres sec amb atty "
    "supt rev fr st jr sr messrs "
    # months
    "jan feb mar apr jun jul aug sep sept oct nov dec "
    # places and institutions
    "u.s u.k u.n e.u d.c n.y l.a u.s.a n.j ariz calif colo conn fla ga kan ky md mich minn nev "
    "okla ore pa tenn tex va vt wis wyo "
    # times, companies, misc
    "a.m p.m inc corp co ltd dept univ vs approx".split()
)


# Capitalised words that after an abbreviation mean a new sentence began
# ("... sent to the U.S. The next day ..."); Punkt's frequent-sentence-starter rule.
SENTENCE_STARTERS = frozenset("the he she it they we but this that there his her their its".split())


class NewsLanguageVars(PunktLanguageVars):
    """Punkt's word rules with typographic quotes and brackets split off the start of a word.

    Punkt splits ASCII quotes off a word but not curly ones, so in "“Mr. Austin" the
    token "“Mr." was not recognised as the abbreviation "Mr.".
    """

    _re_word_start = PunktLanguageVars._re_word_start[:-1] + "“‘«„]"


def _sentence_splitter() -> PunktSentenceTokenizer:
    parameters = PunktParameters()
    parameters.abbrev_types = set(ABBREVIATIONS)
    parameters.sent_starters = set(SENTENCE_STARTERS)
    return PunktSentenceTokenizer(parameters, lang_vars=NewsLanguageVars())


SPLITTER = _sentence_splitter()


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of `text` (whitespace outside the spans)."""
    return list(SPLITTER.span_tokenize(text))


def split_passages(blocks: pd.DataFrame, unit: str = "sentence", roles=None) -> pd.DataFrame:
    """Split blocks into passages.

    `unit` is "sentence" or "paragraph" (one passage per block). `roles` keeps
    only blocks of those roles (default: all, so callers filter on `role`).
    Returns `article_id`, `passage_id` ("<article_id>:s0007" for sentences,
    ":p0007" for paragraphs, numbered per article), `block_id`, `unit`,
    `start`, `end` (offsets into the article text), `role` (of the block) and
    `text`.
    """
    if unit not in UNITS:
        raise ValueError(f"unit must be one of {UNITS}, got {unit!r}")
    if roles is not None:
        blocks = blocks[blocks["role"].isin(list(roles))]
    rows = []
    counters: dict[str, int] = {}
    for block in blocks.itertuples(index=False):
        spans = sentence_spans(block.text) if unit == "sentence" else [(0, len(block.text))]
        for start, end in spans:
            number = counters.get(block.article_id, 0)
            counters[block.article_id] = number + 1
            rows.append((block.article_id, f"{block.article_id}:{unit[0]}{number:04d}", block.block_id,
                         unit, block.start + start, block.start + end, block.role,
                         block.text[start:end]))
    return pd.DataFrame(rows, columns=PASSAGE_COLUMNS).astype({"start": "int64", "end": "int64"})
