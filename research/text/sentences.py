"""Sentence splitting for news prose: NLTK's Punkt (Kiss and Strunk 2006) with news abbreviations.

Given the abbreviations below, "U.S.", "Lt. Gen.", "Mr." or "Sens." do not end a
sentence. Punkt's `span_tokenize` gives character spans, so every sentence keeps
its offsets into the text it was cut from. `sentence_spans` then joins back what
Punkt cut that is no sentence of its own: a piece after a party and state in
brackets ("Rep. Joe Sestak (D-Penn.) said ..."), a piece after an abbreviation
that opens in lower case or with closing punctuation ("the C.P.I. to rise"; "Bill
Cassidy (La.), Rob Portman"), and a number after "No.".
"""

from __future__ import annotations

import re

from nltk.tokenize.punkt import PunktLanguageVars, PunktParameters, PunktSentenceTokenizer

# Abbreviations (lower case, without the final period) that news prose uses
# mid-sentence. Words that also end sentences as ordinary words ("ill", "mass",
# "no", "etc") are left out on purpose: a missed split is cheaper than a merge.
ABBREVIATIONS = frozenset(
    # titles and ranks, and their plurals ("Sens. Kyrsten Sinema and Joe Manchin")
    "mr mrs ms dr prof gen lt col maj capt cmdr adm sgt cpl pvt gov sen rep pres sec amb atty "
    "supt rev fr st jr sr messrs sens reps govs gens drs profs "
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


# "No." before a number ("the No. 3 spot") ends no sentence.
NUMBER_SIGN = re.compile(r"\bNo\.$")
# A short abbreviation in brackets, a party and state ("(D-Ill.)", "(W.Va.)", "(R-S.C.)"), ends no sentence.
BRACKETED_ABBREVIATION = re.compile(r"\(\S{1,10}\.\)$")
# A news sentence opens with a capital, a digit or a quotation mark: a piece opening with a lower-case word
# ("... the C.P.I. | to rise", not "eBay") or with closing punctuation ("(La. | ), Rob Portman") after an
# abbreviation (`ABBREVIATION_END`) continues the one before it. Punkt does not know every abbreviation, and a
# lower-case word after an ordinary one ("really . | sometimes i ...") is informal prose's new sentence.
CONTINUATION = re.compile(r"[a-z][a-z'’-]*\b|[)\]},;:]")
# An abbreviation ending a piece: letters with periods ("I.R.S.", "i.e.", "S.C."), a short capitalised word
# ("Mo.", "Calif.") or "etc.".
ABBREVIATION_END = re.compile(r"(?<![\w.])(?:(?:[A-Za-z]\.){2,}|[A-Z][a-z]{0,4}\.|etc\.)$")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of `text` (whitespace outside the spans): Punkt's, with a piece
    joined to the one before it after "No." when it opens with a digit, after a bracketed abbreviation
    (`BRACKETED_ABBREVIATION`), and after an abbreviation (`ABBREVIATION_END`) when it opens as a continuation
    (`CONTINUATION`)."""
    spans: list[tuple[int, int]] = []
    for start, end in SPLITTER.span_tokenize(text):
        joined = spans and (
            (NUMBER_SIGN.search(text, spans[-1][0], spans[-1][1]) and text[start:start + 1].isdigit())
            or BRACKETED_ABBREVIATION.search(text, spans[-1][0], spans[-1][1])
            or (ABBREVIATION_END.search(text, spans[-1][0], spans[-1][1]) and CONTINUATION.match(text, start)))
        if joined:
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return spans
