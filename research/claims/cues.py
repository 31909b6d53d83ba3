"""Attribution: who said what in article prose, and which actor each source stands for.

`attributions(articles)` finds reporting cues in body paragraphs and, for each,
its source (who), its content (what), whether the content is a direct quote,
and the relay through whom it is reported. Rules, for English news:

- Cues: reporting and belief verbs in any inflection ("said", "told", "warned",
  "estimated", "believes"), with the auxiliaries and adverbs before them ("has
  also said"); "according to"; passives without an agent ("were reported", "is
  expected") and with one ("was first reported by The Washington Post"); a
  statement named after its author ("Trump's claim that", "Noem's announcement
  that", its source the possessor after any preposition: "a fact-check on
  [Donald Trump]’s claim") or after a verb of making it ("makes an argument
  that"); a figure given or put by someone ("authorities gave a death toll of",
  "puts the figure at"); a colon or dash that
  introduces or closes a quote with a name, and a transcript's "PENCE:". An
  "-ing" form before a finite verb is a gerund subject, no cue ("Remote learning
  has moved"); a verb that is also a noun is one after a possessive, a number,
  "such" or "other" or in a phrase opened by a preposition ("Sanders’ attacks",
  "the 35 states", "because of lack of GOP support"); a participle that
  qualifies a noun is a cue with no source ("a trial expected to start").
- Source: the noun phrase before the cue, back to a clause boundary (a
  comma-delimited appositive such as "Kyrylo Budanov, the head of ..., told" is
  kept; names joined by "and", "advisers to Mr. Obama", "sources familiar with
  the matter" and "the authorities there" are one source); after
  the cue when the order is inverted (`", said Frank Ledwidge, a former
  officer"`, "according to lawmaker Park Sunwon"); a participle after a comma or
  a verb after "and" ("..., adding", "... and pledged") takes the speaker named
  before it in the sentence, else the sentence's subject; "Park cited Cho as
  saying" and "Cho was quoted as saying" give Cho; "..., with X, the head of
  ..., warning" gives X; "X and Y, ..., each said" gives the speakers listed
  before "each", "both" or "all". A subject the word reader cuts at a participle,
  a preposition or a figure is read whole from parts of speech
  (`research.claims.clauses.long_subject`): "The Real Clear Politics average of
  polls taken over the past two weeks shows", "a 46-page suicide analysis
  released by the Department of Veterans Affairs last month reveals", "The USC
  Dornsife/Los Angeles Times Daybreak tracking poll, which tracks ..., showed".
- Content: the quotation next to the cue when there is one (a quote may run
  over several sentences: `"... challenge. It is important ...," he said`), else
  the rest of the sentence after the cue (a leading "that" and the addressee of
  "told" skipped, and a circumstance before "that": "said during a rally in
  Michigan that"), else the sentence before `", X said"` (also when only a day or
  an addressee follows the cue: "..., the CDC told the Washington Post.", the
  words before the source ending in a comma or a quotation mark). A quotation
  that resumes after its cue with no new cue (`"A," he said. "B."`, a next
  paragraph that opens with a quotation) extends the content: see `attributions`.
- Relay: the source of an attribution whose content holds the cue ("Park said
  Cho told lawmakers that ...": Park relays Cho), and "according to X" right
  after a speaker's cue.

`research.claims.actors` normalises the sources to actors and actor groups.
"""

from __future__ import annotations

import bisect
import re
from typing import NamedTuple

import numpy as np
import pandas as pd

from research.claims.clauses import long_subject
from research.claims.phrases import (
    DOCUMENTS,
    FUNCTION_WORDS,
    LEADING_WORDS,
    SUBJECT_PRONOUNS,
    _names_someone,
    _noun_phrase_after,
    _noun_phrase_before,
    _sentence_subject,
    _strip_span,
)
from research.claims.verbs import (
    IRREGULAR_FORMS,
    VERB_FORMS,
    WEAK_VERBS,
)
from research.corpus.blocks import blank_hover_cards
from research.text.quotes import quotations, quoted_ranges
from research.text.sentences import sentence_spans

ATTRIBUTION_COLUMNS = ["article_id", "source_text", "source_start", "source_end", "cue_text", "cue_start",
                       "cue_end", "content_start", "content_end", "direct", "relay_text", "relay_start", "relay_end"]

AUXILIARIES = (r"(?:(?:has|have|had|will|would|could|might|may|should|also|previously|later|then|again|"
               r"repeatedly|recently|publicly|privately|once|first|earlier|already|often|frequently|"
               r"reportedly|is|are|was|were|been|not|never|did|does|do|now|still|even|just|only|"
               r"(?:has|have|had|did|does|do|is|are|was|were|would|could|wo|ca)n['’]t|"
               r"(?!(?:family|ally|assembly|supply|rally|reply|july|italy|anomaly)\b)[a-z]+ly)\s+)*")
CONTRACTIONS = frozenset("he's she's it's that's there's who's what's here's let's".replace("'", "’").split()
                         + "he's she's it's that's there's who's what's here's let's".split())


_VERB = r"(?P<verb>" + "|".join(sorted(VERB_FORMS, key=len, reverse=True)) + r")"
# A verb after a hyphen is part of a compound adjective ("so-called", "well-known"), not a cue.
CUE = re.compile(r"(?<![\w-])(?P<aux>" + AUXILIARIES + r")" + _VERB + r"\b"
                 r"(?:(?:(?<=call)|(?<=called)|(?<=calls)|(?<=calling))\s+(?:for|on)\b|"
                 r"(?:(?<=point)|(?<=pointed)|(?<=points)|(?<=pointing))\s+(?:out|to)\b)?(?!\s+by\b)")
ACCORDING = re.compile(r"\b(?:[Aa]ccording to|citing|quoting)\b")
PASSIVE = re.compile(r"\b(?:is|are|was|were|has been|have been|had been|being)\s+(?:also\s+|widely\s+)?"
                     r"(?P<verb>reported|expected|believed|thought|said|estimated|alleged|known|"
                     r"understood|announced|rumored|rumoured|considered|projected)\b"
                     r"(?P<by>\s+by\b)?")
# Verbs of perception and judgement: with "by" they name who found or saw, not who said ("was found
# by police").
PERCEPTION = frozenset("show find think know see seem feel learn rule decide identify".split())
# A reporting verb right after a weak cue makes the cue a noun: "newly filed reports shows".
NEXT_VERB = re.compile(r"\s+(?:" + "|".join(sorted(VERB_FORMS, key=len, reverse=True)) + r")\b")
# A passive with its agent: "was first reported by The Washington Post", "has been endorsed by".
PASSIVE_BY = re.compile(r"\b(?:is|are|was|were|has been|have been|had been|being)\s+(?:[a-z]+ly\s+|first\s+|also\s+)?"
                        r"(?:" + "|".join(sorted({form for form, verb in VERB_FORMS.items() if verb not in PERCEPTION
                                                 and (form.endswith("ed") or form in IRREGULAR_FORMS)},
                                                key=len, reverse=True)) + r")\s+by\b")
# A statement named as a noun after its author or a verb of making it: "Trump’s claim that", "the ministry’s
# statement that", "Noem's announcement that", "Blight makes an argument that".
STATEMENT_NOUNS = ("claim|assertion|statement|remark|comment|warning|accusation|allegation|suggestion|insistence|"
                   "contention|argument|promise|pledge|prediction|assessment|belief|view|announcement|estimate|finding")
NOUN_CUE = re.compile(r"(?:['’]s|\b(?:make|makes|made|making)\s+(?:an?|the|his|her|their|its))\s+"
                      r"(?:(?:earlier|latest|recent|repeated|initial|new|own)\s+)?(?P<cue>(?:" + STATEMENT_NOUNS + r")s?)"
                      r"\s+that\b")
# A figure given or put by someone: "authorities gave a death toll of 63", "officials put the number at 40".
FIGURE_CUE = re.compile(r"\b(?:gave|give|gives|giving|put|puts|putting)\s+(?:a|an|the|its|their|his|her)\s+"
                        r"(?:[\w-]+\s+){0,2}(?:toll|figure|count|estimate|number|tally)\s+(?:of|at)\b")
# The possessor of a statement noun is the phrase after the last preposition before it.
POSSESSOR_AFTER = re.compile(r".*\b(?:on|in|at|for|with|about|from|by|against|over|into)\s+")
NAME = r"(?:[A-Z][\w’'.\-]*\s+){0,4}[A-Z][\w’'.\-]*"
COLON_QUOTE = re.compile(r"(?P<source>" + NAME + r")\s*(?P<cue>:)\s*(?=[“\"]|``)")
# A transcript turn: "PENCE: Well, look, ..." (a speaker's name in capitals and a colon).
TRANSCRIPT = re.compile(r"[“\"]?(?P<source>[A-Z][A-Z.'’ -]{1,40})(?P<cue>:)\s+(?=\S)")
DASH_SOURCE = re.compile(r"\s*(?P<cue>[―—])\s*(?P<source>" + NAME + r")(?=\s*(?:$|[.“\"]))")


# What may stand between a cue and its reported clause: the addressee of a verb that takes one
# ("told reporters", "briefed the committee"), a day, "in a statement", "that".
_WHEN_WHERE = (r"(?:on |last |this )?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|month|year)|"
               r"in an? (?:statement|interview|speech|post|letter|e-?mail|tweet)|in [A-Z][\w.’'-]*")
OBJECT = re.compile(r"(?:\s+(?:" + _WHEN_WHERE + r"))*[\s,]*(?:that\b)?")
ADDRESSEE_OBJECT = re.compile(r"(?:\s+(?:[A-Z][\w.’'-]*|reporters|lawmakers|journalists|him|her|them|me|us|"
                              r"the [A-Za-z]+\b(?!’s|'s)|" + _WHEN_WHERE + r"))*[\s,]*(?:that\b)?")
# Verbs whose object is the person addressed, not the start of what was said.
ADDRESSEE_VERBS = frozenset("tell inform brief warn assure ask advise remind caution urge promise cite".split())


class Attribution(NamedTuple):
    source: tuple[int, int] | None
    cue: tuple[int, int]
    content: tuple[int, int] | None
    direct: bool
    relay: tuple[int, int] | None = None


# Words after a subject that are not part of it: "Mark Rutte on Tuesday said", "the spy chief, meanwhile,",
# "data released on Wednesday showed".
SOURCE_TAIL = re.compile(r"(?:\s+(?:released|published|issued|posted))?(?:,?\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
                         r"meanwhile|however|though|too|also|last week|this week|earlier|later|further|almost|"
                         r"(?!(?:family|ally|assembly|supply|rally|reply|july|italy|anomaly)\b)[a-z]+ly)\b,?)+$")

# A source that opens with a preposition is no one: "of lack of GOP support", "said in a statement".
PREPOSITIONS = frozenset("of in on at for with about from by against over into like to as than after before under "
                         "through during among between without within across".split())
# Participles that are never a past tense: with no "have" before them they qualify a noun ("a think tank known for").
PARTICIPLES = frozenset("known seen shown written spoken".split())
# Participles that qualify a noun before "to" + verb or "as" ("a trial expected to start next month").
REDUCED_PASSIVES = frozenset("reported expected believed thought said estimated alleged understood announced rumored "
                             "rumoured considered projected".split())
INFINITIVE_OR_AS = re.compile(r"\s+(?:as|to\s+(?!(?:the|a|an|his|her|their|its|this|that|these|those|him|them|us|me)\b)"
                              r"[a-z]+)\b")
# The last word of a noun phrase that a weak cue would make a noun ("the 35 states", "Such attacks", "the Dec. 2
# attack"), and the word before a capitalised modifier that does the same ("other Western states", "many Asian states").
NUMBER_OR_SUCH = re.compile(r"such|other|various|these|those|\d[\d,.]*|two|three|four|five|six|seven|eight|nine|ten|"
                            r"first|second|third|last|next")
MODIFIER_BEFORE = re.compile(NUMBER_OR_SUCH.pattern + r"|some|each|every|any|many|several|few")
# An object of "assuring" that is a thing, not a person told something: "..., assuring his victory".
NOUN_OBJECT = re.compile(r"\s+(?:his|her|their|its|the|a|an|this|these|those|our|my|your)\s+[^,.;:“”\"]*(?=[,.;:]|$)")
# A sentence that opens with a subordinate clause: the words before its main clause's comma were not said.
SUBORDINATE = re.compile(r"\s*(?:(?:But|And|So|Yet|Even)\s+)?(?i:if|when|whenever|although|though|because|unless|once|"
                         r"since|until)\b")


# Heads of a noun phrase that only measure or sort what follows them ("the kind of ...", "a number of ..."): a cue
# after such a phrase is a noun ("the kind of politically toxic questions that").
QUANTIFIER_HEADS = frozenset("kind kinds sort sorts type types variety range series".split())


def _sentence_of(spans: list[tuple[int, int]], position: int) -> tuple[int, int]:
    for start, end in spans:
        if start <= position < end:
            return start, end
    return spans[-1] if spans else (0, position)


def _quote_at(quotes: list[tuple[int, int]], position: int, before: bool) -> tuple[int, int] | None:
    """The quote that ends just before `position` (`before`) or starts just after it."""
    for start, end in quotes:
        if before and 0 <= position - end <= 3:
            return start, end
        if not before and 0 <= start - position <= 3:
            return start, end
    return None


# "Park cited Cho as saying", "Cho was quoted as saying": the speaker of "saying" is Cho.
AS_QUOTED = re.compile(r"\b(?:cit|quot)(?:ed|es|ing)\s+(?P<object>[^,;:.“”\"]{1,80}?)\s+as\s+$|"
                       r"\b(?:is|are|was|were|been)\s+(?:quoted|cited)\s+as\s+$")
# "..., with Andriy Kovalenko, the head of ..., warning that": the speaker of "warning".
WITH_SPEAKER = re.compile(r"\bwith\s+(?P<speaker>[^,;:.“”\"]{2,60}?(?:,[^,;:“”\"]{2,120})?),?\s+$")
RELAYING = re.compile(r"(?:[Aa]ccording to|citing|quoting)$")
# A finite verb right after an "-ing" form makes it a gerund subject: "Remote learning has moved".
GERUND_SUBJECT = re.compile(r"\s+(?:has|have|had|is|are|was|were|will|would|can|could|may|might|must|should)\b")
# What ends the words before a sentence-final source: a comma or a closing quotation mark.
FINAL_SOURCE = re.compile(r"(?:,|[”\"]|'')\s*$")
# What may follow the cue of a sentence-final ", X said": nothing, or the outlet that relays it.
RELAY_TAIL = re.compile(r"(?:,\s*(?:according to|citing|quoting)\b[^.;“”\"]*)?[\s.”\"']*")
# What may stand between the end of a speaker's words and a quotation that goes on with them.
QUOTE_GAP = re.compile(r"[\s,;:.]*")
# What may follow a speaker's last words to the end of a paragraph that they still hold.
CLOSING = re.compile(r"[\s.,;:!?”\"’')\]]*")
# `, if the army’s “` after `“...,” he said`: the sentence resumes with the speaker's words.
CLAUSE_TO_QUOTE = re.compile(r",\s+[a-z][^“”\".;:!?]*?(?=[“\"])")


def _frame_end(attribution: Attribution, sentences: list[tuple[int, int]] | None = None) -> int:
    """Where the words of an attribution (source, cue, content, relay) end; with `sentences`, the
    end of the cue's sentence when the content comes before the cue (`“...,” he told reporters in
    Rome.`: the rest of that sentence only frames the quotation)."""
    end = max(span[1] for span in attribution[:3] + (attribution.relay,) if span)
    if sentences and attribution.content and attribution.content[1] <= attribution.cue[0]:
        end = max(end, _sentence_of(sentences, attribution.cue[0])[1])
    return end


def _with_relays(text: str, found: list[Attribution], sentences: list[tuple[int, int]]) -> list[Attribution]:
    """Fill `relay`: the source through whom an attribution's content is reported.

    - A cue inside another attribution's content is relayed by that one's source
      ("Park said Cho told lawmakers that ...": Park relays Cho; "Park cited Cho
      as saying ...": Park relays Cho's "saying").
    - "..., X said, according to Reuters": Reuters relays X, and the "according
      to" row gets X's content.
    - "Lee, citing Cho, said ..." and "Lee said ..., citing Cho": Lee relays Cho,
      and the "citing" row gets Lee's content.
    """
    found = list(found)
    for i, relay in enumerate(found):
        relaying = relay.source and relay.source[0] > relay.cue[0]  # "according to X", "citing X"
        if not (relaying and RELAYING.fullmatch(text[relay.cue[0]:relay.cue[1]])):
            continue
        sentence = _sentence_of(sentences, relay.cue[0])
        speakers = [j for j, a in enumerate(found) if j != i and a.source and a.content
                    and not RELAYING.fullmatch(text[a.cue[0]:a.cue[1]]) and sentence[0] <= a.cue[0] < sentence[1]]
        if text[relay.cue[0]:relay.cue[1]].lower() == "according to":
            before = [j for j in speakers if re.fullmatch(r"[\s,]*", text[_frame_end(found[j]):relay.cue[0]])]
            if before:
                found[i] = relay._replace(content=found[before[-1]].content)
                found[before[-1]] = found[before[-1]]._replace(relay=relay.source)
        elif speakers:
            speaker = min(speakers, key=lambda j: abs(found[j].cue[0] - relay.cue[0]))
            found[i] = relay._replace(content=found[speaker].content, relay=found[speaker].source)
    contents = np.array([a.content if a.source and a.content else (1, 0) for a in found], dtype="int64").reshape(-1, 2)
    for i, inner in enumerate(found):
        holding = np.flatnonzero((contents[:, 0] <= inner.cue[0]) & (inner.cue[1] <= contents[:, 1]))
        outer = [found[j] for j in holding if j != i and found[j].content != inner.content
                 and found[j].source != inner.source] if inner.relay is None else []
        if outer:
            found[i] = inner._replace(relay=min(outer, key=lambda a: a.content[1] - a.content[0]).source)
    return found


def _quotation_at(text: str, position: int, quotes: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The quotation that opens at `position`, after spaces and punctuation: a closed one, or one
    left open to the end of the paragraph (a quote that goes on in the next paragraph)."""
    start = QUOTE_GAP.match(text, position).end()
    if not text.startswith(("“", "\"", "``"), start):
        return None
    closed = next((quote for quote in quotes if quote[0] == start), None)
    if closed or re.search(r"[”\"]|''", text[start + 1:]):
        return closed
    return start, len(text.rstrip())


def _quote_run_end(text: str, position: int, quotes: list[tuple[int, int]], taken: list[tuple[int, int]],
                   sentences: list[tuple[int, int]]) -> int | None:
    """End of the quotations that follow `position` with no new cue: each next to the last
    (`“A,” he said. “B.”`, `“A,” he said, “B.”`), or resuming the same sentence after a clause
    (`“A,” he said, if the army’s “B”`). None when no quotation follows; `taken` are the spans
    of other attributions, which stop the run."""
    end = None
    while True:
        quote = _quotation_at(text, position, quotes)
        if quote is None and position < len(text) and text[position] == ",":
            clause = CLAUSE_TO_QUOTE.match(text, position)
            sentence = _sentence_of(sentences, position)
            quote = next((q for q in quotes if clause and q[0] == clause.end() and q[1] <= sentence[1]), None)
        if quote is None or any(s < quote[1] and position < e for s, e in taken):
            return end
        end = position = quote[1]


def _speaks_on(text: str, attribution: Attribution) -> bool:
    """True when an attribution quotes its speaker: its content is a quotation or holds one."""
    content = attribution.content
    return bool(attribution.source and content
                and (attribution.direct or re.search(r"[“”\"]", text[content[0]:content[1]])))


def _continue_quotes(text: str, found: list[Attribution], quotes: list[tuple[int, int]],
                     sentences: list[tuple[int, int]]) -> list[Attribution]:
    """Extend the content of each attribution that quotes its speaker over the quotations
    that follow it with no new cue (see `_quote_run_end`)."""
    found = list(found)
    for i, attribution in enumerate(found):
        if not _speaks_on(text, attribution):
            continue
        taken = [span for j, other in enumerate(found) if j != i for span in other[:3] if span]
        end = _quote_run_end(text, _frame_end(attribution), quotes, taken, sentences)
        if end is None:
            end = _quote_run_end(text, _frame_end(attribution, sentences), quotes, taken, sentences)
        if end is not None:
            found[i] = attribution._replace(content=(attribution.content[0], end))
    return found


def _open_speaker(text: str, found: list[Attribution], sentences: list[tuple[int, int]]) -> int | None:
    """Index in `found` of the attribution whose quotation runs to the end of the paragraph,
    so that a paragraph opening with a quotation and no cue continues it."""
    if not found:
        return None
    last = max(range(len(found)), key=lambda i: _frame_end(found[i], sentences))
    if _speaks_on(text, found[last]) and CLOSING.fullmatch(text, _frame_end(found[last], sentences)):
        return last
    return None


def _find_in_paragraph(text: str, continuation: bool = True) -> list[Attribution]:
    """Attributions in one paragraph; offsets into `text`; `continuation` as in `attributions`."""
    sentences = sentence_spans(text)
    quotes = quotations(text)
    inside_quote = quoted_ranges(text)
    found: list[Attribution] = []
    taken: list[tuple[int, int]] = []  # the cues of `found`, disjoint and sorted

    def in_quote(position: int) -> bool:
        return any(s <= position < e for s, e in inside_quote)

    def add(source, cue, content, direct):
        before = bisect.bisect_left(taken, (cue[1],))  # the cue starting last before this one ends overlaps it or none
        if not (before and taken[before - 1][1] > cue[0]):
            taken.insert(before, cue)
            found.append(Attribution(source, cue, content, direct))

    for match in ACCORDING.finditer(text):
        if in_quote(match.start()):
            continue
        sentence = _sentence_of(sentences, match.start())
        source = _noun_phrase_after(text, match.end(), sentence[1], closed=match.start() - sentence[0] <= 10)
        if source is not None:
            source = _strip_span(text, *source, chars=" \t\r\n,;:—–-.")
        if match.group().lower() != "according to" and source is None:
            continue
        if match.group().lower() == "according to":
            rest = (source[1] if source else match.end(), sentence[1])
            content = (sentence[0], match.start()) if match.start() - sentence[0] > 10 else rest
        else:  # "citing X" / "quoting X": X is the source of what the sentence reports
            content = (sentence[0], match.start())
        content = _strip_span(text, *content, chars=" \t\r\n,;:—–-.")
        add(source, match.span(), content if content[0] < content[1] else None, False)
    for match in PASSIVE_BY.finditer(text):  # "was first reported by The Washington Post"
        sentence = _sentence_of(sentences, match.start())
        source = _noun_phrase_after(text, match.end(), sentence[1])
        content = _strip_span(text, sentence[0], match.start(), chars=" \t\r\n,;:—–-.“”\"")
        if source and not in_quote(match.start()) and content[0] < content[1]:
            add(source, match.span(), content, False)
    for match in FIGURE_CUE.finditer(text):  # "authorities gave a death toll of 63", "officials put the number at"
        sentence = _sentence_of(sentences, match.start())
        source = _noun_phrase_before(text, sentence[0], match.start())
        content = _strip_span(text, match.end(), sentence[1], chars=" \t\r\n,;:—–-.")
        if source and not in_quote(match.start()) and content[0] < content[1]:
            add(source, match.span(), content, False)
    for match in NOUN_CUE.finditer(text):  # "Tulsa police’s earlier claim that ..."
        sentence = _sentence_of(sentences, match.start())
        source = _noun_phrase_before(text, sentence[0], match.start())
        after_preposition = POSSESSOR_AFTER.search(text, *source) if source else None
        if after_preposition and after_preposition.end() < source[1]:  # "a fact-check on [Donald Trump]’s claim"
            source = (after_preposition.end(), source[1])
        content = _strip_span(text, match.end(), sentence[1], chars=" \t\r\n,;:—–-.")
        if source and not in_quote(match.start()) and content[0] < content[1]:
            add(source, match.span("cue"), content, False)
    for match in PASSIVE.finditer(text):
        if match.group("by") or in_quote(match.start()):
            continue
        sentence = _sentence_of(sentences, match.start())
        content = _strip_span(text, match.end(), sentence[1], chars=" \t\r\n,;:—–-.")
        add(None, match.span(), content if content[0] < content[1] else None, False)
    for match in CUE.finditer(text):
        _add_verb_cue(text, match, sentences, quotes, in_quote, add, found)
    for match in COLON_QUOTE.finditer(text):
        quote = _quote_at(quotes, match.end("cue"), before=False)
        sentence = _sentence_of(sentences, match.start())
        if quote and match.start() == sentence[0]:
            add(match.span("source"), match.span("cue"), quote, True)
    for start, end in quotes:
        dash = DASH_SOURCE.match(text, end)
        if dash:
            add(dash.span("source"), dash.span("cue"), (start, end), True)
    turn = TRANSCRIPT.match(text)
    if turn:
        add(turn.span("source"), turn.span("cue"), (turn.end(), len(text.rstrip())), True)
    points = np.array([(a.source[0], a.cue[0]) if a.source else (-1, -1) for a in found], dtype="int64").reshape(-1, 2)
    found = [_cut_at_trailing_source(text, a, found, points) for a in sorted(found, key=lambda a: a.cue)]
    found = _with_relays(text, found, sentences)
    return _continue_quotes(text, found, quotes, sentences) if continuation else found


def _cut_at_trailing_source(text: str, attribution: Attribution, found: list[Attribution],
                            points: np.ndarray) -> Attribution:
    """End a content before a later ", X said" in it ("... by December, Park told reporters",
    "..., while Zelenskyy has said") and before a later cue of a speaker named before it ("X said
    A, and said B"). `points`: the source and cue start of each of `found`."""
    if attribution.content is None:
        return attribution
    start, end = attribution.content
    near, k = np.flatnonzero(((start < points) & (points < end)).any(axis=1)), 0  # in the order of `found`
    while k < len(near):
        other, cut, k = found[near[k]], end, k + 1
        if other.source and start < other.source[0] < end and other.source[0] < other.cue[0]:
            boundary = _tail_match(r",\s*(?:while|whereas|but|and)?\s*$", text, start, other.source[0])
            end = min(end, boundary) if boundary is not None else end
        # "X said A, and said B": a cue whose source comes before this one's cue starts a clause of its own
        if other.source and start < other.cue[0] < end and other.source[1] <= attribution.cue[0]:
            boundary = _tail_match(r"[,;]?\s*(?:and|but)?\s*$", text, start, other.cue[0])
            end = min(end, boundary) if boundary is not None and boundary < other.cue[0] else end
        if end < cut:  # only the sources and cues before the new end can cut it further
            near, k = near[k:][((start < points[near[k:]]) & (points[near[k:]] < end)).any(axis=1)], 0
    if end == attribution.content[1]:
        return attribution
    start, end = _strip_span(text, start, end, chars=" \t\r\n,;:—–-.")
    return attribution._replace(content=(start, end) if start < end else None)


def _tail_match(pattern: str, text: str, start: int, end: int) -> int | None:
    """Where `pattern` (anchored with `$`) matches at the end of text[start:end], searched in its last
    100 characters only, so that a long sentence is not re-read for each pair of its cues."""
    low = max(start, end - 100)
    return low + found.start() if (found := re.search(pattern, text[low:end])) else None


# A circumstance of the words before the clause they said: "acknowledged during public testimony that".
CIRCUMSTANCE_THAT = re.compile(r"\s*(?:during|at|in|on|after|before|while|from|outside|near)\b[^,.;“”\"]{0,60}?\bthat\b")


def _said_after(text: str, sentence_start: int, source_start: int, rest: int) -> bool:
    """True for `"...," X told reporters during a visit to Rome`: a source after a comma, and
    after its cue (and addressee) a circumstance rather than what was said."""
    return (source_start > sentence_start and text[sentence_start:source_start].rstrip().endswith(",")
            and not SUBORDINATE.match(text, sentence_start)  # "But if ..., they could insist on ..."
            and bool(re.match(r"\s*(?:during|at|in|on|after|before|while|from|outside|near)\b", text[rest:]))
            and not CIRCUMSTANCE_THAT.match(text, rest))


def _reduced_passive(text: str, form: str, aux: str, source: tuple[int, int] | None, cue_end: int) -> bool:
    """True for a participle with no auxiliary that qualifies the noun before it: "a think tank known for ...",
    "a trial expected to start next month" (the trial is expected; nobody named expects it)."""
    words = text[source[0]:source[1]].split() if source else []
    if not words or re.search(r"['’](?:ve|d|s)$", words[-1]) or re.search(r"\b(?:has|have|had|having)\b", aux):
        return False  # "we’ve seen", "had known": a perfect, not a passive
    if form in PARTICIPLES:
        return True
    return (not aux and form in REDUCED_PASSIVES and bool(INFINITIVE_OR_AS.match(text, cue_end))
            and words[-1][:1].islower() and words[-1].lower() not in SUBJECT_PRONOUNS | {"who", "that", "which"})


def _add_verb_cue(text, match, sentences, quotes, in_quote, add, found) -> None:
    """Add the attribution of a reporting verb `match` when its context makes it one."""
    form = match.group("verb")
    lemma = VERB_FORMS[form]
    cue_start, cue_end = match.span()
    aux = match.group("aux")
    if in_quote(match.start("verb")) or (aux and re.search(r"\b(?:is|are|was|were|been)\s+$", aux)
                                         and not form.endswith("ing")):
        return  # inside a quotation, or a passive ("was told"): no source before it
    sentence = _sentence_of(sentences, cue_start)
    before = text[sentence[0]:cue_start].rstrip()
    after = text[cue_end:sentence[1]]
    previous = before.rsplit(None, 1)[-1].lower() if before else ""
    # A noun ("the report", "a claim", "Obama's remarks", "Sanders’ attacks"), an infinitive ("to say"), an idiom ("goes
    # without saying", "worth noting").
    if previous in ("a", "an", "the", "his", "her", "their", "its", "our", "this", "to", "of", "for", "without",
                    "worth") or (re.search(r"['’]s$", previous) and previous not in CONTRACTIONS) \
            or re.search(r"[a-z]['’]$", previous):  # "Sanders’ attacks", "'blue wall' states"
        return
    # "call for", "point to": phrasal verbs that are never nouns
    weak = lemma in WEAK_VERBS and match.group().split()[-1] not in ("for", "on", "out", "to")
    if weak and NEXT_VERB.match(after):
        return  # a noun before the verb: "newly filed reports shows", "the data show"
    if form.endswith("ing") and GERUND_SUBJECT.match(after):
        return  # a gerund that is the subject of the next verb: "Remote learning has moved to the top"
    if form == "assuring" and before.endswith(",") and (object_ := NOUN_OBJECT.match(after)) \
            and not re.search(r"\bthat\b", object_.group()):
        return  # a participle with a noun for object and nothing said: "..., assuring his victory"
    if lemma in ("speak", "talk") and not re.match(r"\s+(?:about|of|out)\b", after):
        return  # "spoke to reporters", "spoke for five minutes": speaking, but nothing reported
    clause_follows = bool(re.match(r"\s*(?:that\b|:)", after))
    source = _noun_phrase_before(text, sentence[0], cue_start)
    # A subject the noun phrase reader cuts at a participle, a preposition or a figure, read whole from parts of
    # speech: "a 46-page suicide analysis released by the Department of Veterans Affairs last month reveals".
    long = long_subject(text, sentence[0], cue_start) if not form.endswith("ing") else None
    long = long if long and (source is None or long[0] < source[0]) and not (
        form == lemma and text[long[0]:long[1]].split()[0].lower() in ("a", "an")) else None  # "A handful of ... tell"
    source = long[:2] if long else source
    if source is not None:
        tail = SOURCE_TAIL.search(text, source[0], source[1])
        source = _strip_span(text, source[0], tail.start() if tail else source[1])
        listed = text[sentence[0]:source[0]].rstrip()
        listed = _noun_phrase_before(text, sentence[0], sentence[0] + len(listed)) \
            if text[source[0]:source[1]].lower() in ("each", "both", "all") and listed.endswith(",") else None
        source = listed if listed and _names_someone(text, listed) else source  # "X and Y, the ..., each said"
        first = text[source[0]:source[1]].split()[0].lower()
        if weak and first in PREPOSITIONS:
            return  # a noun after a preposition's phrase: "because of lack of GOP support"
    if _reduced_passive(text, form, aux, source, cue_end):  # "a trial expected to start": nobody named expects
        content = _strip_span(text, cue_end, sentence[1], chars=" \t\r\n,;:—–-.")
        add(None, (cue_start, cue_end), content if content[0] < content[1] else None, False)
        return
    past = form.endswith("ed") or form in IRREGULAR_FORMS
    as_quoted = AS_QUOTED.search(text, sentence[0], cue_start) if form.endswith("ing") else None
    speaker = WITH_SPEAKER.search(text, sentence[0], cue_start) if form.endswith("ing") else None
    if as_quoted:  # "Park cited Cho as saying": Cho; "Cho was quoted as saying": Cho
        source = (_strip_span(text, *as_quoted.span("object")) if as_quoted.group("object")
                  else _noun_phrase_before(text, sentence[0], as_quoted.start()))
    elif speaker and _names_someone(text, speaker.span("speaker")):  # "..., with X, the head of ..., warning"
        source = _strip_span(text, *speaker.span("speaker"))
    elif (form.endswith("ing") and before.endswith(",")) or (source is None and previous in ("and", "but")
                                                             and not weak):
        # The speaker named before in the sentence ("..., X said, adding", "X said ... and added"), else
        # its subject ("X did not answer questions ..., saying", "The Council condemned it and pledged")
        subject = _sentence_subject(text, sentence[0], cue_start)
        # Speakers of the sentence before the cue, not those reported inside another one's content.
        earlier = [a.source for a in found if a.source and sentence[0] <= a.cue[0] < cue_start
                   and not any(b.content and b.content[0] <= a.cue[0] < b.content[1] for b in found)]
        source = earlier[-1] if earlier else subject if subject and subject[1] < cue_start else None
    inverted = None
    if source is None and not form.endswith("ing") and (not before or before.endswith((",", "”", "\"", "''"))):
        inverted = _noun_phrase_after(text, cue_end, sentence[1])
        if inverted and text[inverted[0]:inverted[1]].split()[0].lower() in FUNCTION_WORDS | PREPOSITIONS:
            inverted = None
        source = inverted
    words = text[source[0]:source[1]].split() if source else []
    named = bool(words) and (words[-1][:1].isupper() or (len(words) == 1 and words[0].lower() in SUBJECT_PRONOUNS))
    third_person = form.endswith("s") and form != lemma and form not in ("says", "tells")
    modal = bool(aux and re.search(r"\b(?:will|would|could|might|may|should|must|can|did|does|do|to)\b", aux))
    # The head of the subject: its last word before a preposition ("supporters in Congress").
    head = next((w for i, w in enumerate(words) if i + 1 == len(words) or words[i + 1].lower() in
                 LEADING_WORDS | {"of", "to"}), "")
    head = long[2] if long else head
    if form == lemma and not modal and words and (words[0].lower() in ("a", "an") or (
            head[:1].isupper() and (not head.endswith("s") or head.endswith("ss"))
            and (len(words) > 1 or (source[0] > sentence[0] and head.lower() not in SUBJECT_PRONOUNS
                                    and text[source[0] - 2] not in ".:“\"'‘" and not re.search("['’]", head)))
            and "and" not in words)):
        return  # "an Associated Press report", "The Associated Press report": a noun, else it would be "reports"
    if third_person and source is None:
        return  # "reports that ...": a noun
    if weak and words and ((NUMBER_OR_SUCH.fullmatch(words[-1].lower())
                            and not re.search(r",\s*\d+$", text[source[0]:source[1]])) or (  # not "Samuel Cassidy, 57,"
            len(words) > 1 and words[-1][:1].isupper() and not words[-1].endswith("s")
            and MODIFIER_BEFORE.fullmatch(words[-2].lower()))):
        return  # a noun after a determiner, a number or "other": "the 35 states", "Such attacks", "other Western states"
    if head.lower() in QUANTIFIER_HEADS:
        return  # "it presents the kind of politically toxic questions that ...": a noun, no one speaks
    document = bool(DOCUMENTS.fullmatch(head.lower()))  # "the poll shows", "a new analysis found"
    if weak or third_person:
        if past and source is None and not clause_follows:
            return
        progressive = form.endswith("ing") and bool(aux and re.search(r"\b(?:is|are|was|were)\s+$", aux))
        if not past and not (named or document or progressive or clause_follows
                             or (form.endswith("ing") and before.endswith(","))):
            return
    adjacent = source and source[1] <= cue_start and "," not in text[source[1]:cue_start]
    quote_before = _quote_at(quotes, source[0] if adjacent else cue_start, before=True)
    if quote_before and quote_before[1] <= sentence[0] and not re.search(r"[,?!]\W*$", text[slice(*quote_before)]):
        quote_before = None  # the quotation ends the sentence before ("... “related cooperation.” The ally says")
    quote_after = _quote_at(quotes, (inverted[1] if inverted else cue_end) + 1, before=False)
    if source is None and lemma not in ("say", "tell") and not (clause_follows or quote_before or quote_after):
        return
    if lemma == "continue" and not (clause_follows or quote_before or quote_after):
        return  # "she continued, “...”", not "continued to stay away"
    skip = (ADDRESSEE_OBJECT if lemma in ADDRESSEE_VERBS else OBJECT).match(text, cue_end, sentence[1])
    if quote_before and (text[quote_before[1]:cue_start].count(",") or inverted
                         or re.search(r"[,?!]\W*$", text[quote_before[0]:quote_before[1]])):
        content, direct = quote_before, True
    elif quote_after and re.fullmatch(r"[\s:,]*", text[inverted[1] if inverted else cue_end:quote_after[0]]):
        content, direct = quote_after, True
    elif source is not None and source[1] <= cue_start and not RELAY_TAIL.fullmatch(after) \
            and not (RELAY_TAIL.fullmatch(text, skip.end(), sentence[1]) and FINAL_SOURCE.search(text, sentence[0], source[0])) \
            and not _said_after(text, sentence[0], source[0], skip.end()):
        circumstance = CIRCUMSTANCE_THAT.match(text, skip.end(), sentence[1]) if not skip.group().endswith("that") \
            else None
        content = _strip_span(text, circumstance.end() if circumstance else skip.end(), sentence[1],
                              chars=" \t\r\n,;:—–-.")
        direct = bool(content[0] < content[1] and text[content[0]] in "“\"`")
    else:
        end = min(source[0], cue_start) if source else cue_start
        content = _strip_span(text, sentence[0], end, chars=" \t\r\n,;:—–-.")
        direct = False
    add(source, (cue_start, cue_end), content if content[0] < content[1] else None, direct)


def attributions(blocks: pd.DataFrame, articles: pd.DataFrame, continuation: bool = True) -> pd.DataFrame:
    """Attributions in the body paragraphs: `blocks` of `split_blocks`, `articles` for the raw texts.

    Returns `ATTRIBUTION_COLUMNS`: `article_id`; `source_text`, `source_start`,
    `source_end` (empty text and -1 offsets when no source is named, as for
    "were reported"); `cue_text`, `cue_start`, `cue_end`; `content_start`,
    `content_end` (-1 when none); `direct` (the content is a quotation);
    `relay_text`, `relay_start`, `relay_end`: the source through whom the
    content is reported ("Park cited Cho as saying ...": source Cho, relay Park;
    "..., X said, according to Reuters": relay Reuters), empty and -1 when none.
    With `continuation`, a quotation that goes on after its cue with no new
    cue, in the same paragraph or in the paragraphs that follow, belongs to the
    same speaker: the content then runs from the first quotation to the end of
    the last (see `_quote_run_end` and `_article_attributions`). All offsets
    index the article's `text`; rows are sorted by article and cue.
    """
    texts = articles.set_index("article_id")["text"]
    rows = []
    for article_id, article_blocks in blocks.sort_values(["article_id", "start"]).groupby("article_id", sort=False):
        found = _article_attributions(article_blocks, continuation)
        text, shown = texts[article_id], blank_hover_cards(texts[article_id])
        for a in found:
            source, content, relay = (span or (-1, -1) for span in (a.source, a.content, a.relay))
            named = text[source[0]:source[1]]  # a hover card inside it shows as its name
            named = named if shown[source[0]:source[1]] == named else " ".join(shown[source[0]:source[1]].split())
            rows.append((article_id, named if a.source else "", *source,
                         text[a.cue[0]:a.cue[1]], *a.cue, *content, a.direct,
                         text[relay[0]:relay[1]] if a.relay else "", *relay))
    table = pd.DataFrame(rows, columns=ATTRIBUTION_COLUMNS)
    return table.astype({c: "int64" for c in ATTRIBUTION_COLUMNS if c.endswith(("_start", "_end"))})


def _article_attributions(blocks: pd.DataFrame, continuation: bool) -> list[Attribution]:
    """Attributions of one article's body blocks (sorted by start), in article offsets.

    With `continuation`, a body paragraph that opens with a quotation no cue of
    its own claims continues the speaker whose quotation ran to the end of the
    paragraph just before it (with no other block between them).
    """
    found: list[Attribution] = []
    speaker = None  # index in `found` of the attribution still quoting at the end of the last paragraph
    for block in blocks.itertuples(index=False):
        if block.role != "body":
            speaker = None
            continue
        text, offset = blank_hover_cards(block.text), block.start
        paragraph = _find_in_paragraph(text, continuation)
        sentences = sentence_spans(text)
        if speaker is not None:
            quotes = quotations(text)
            taken = [span for a in paragraph for span in a[:3] if span]
            end = _quote_run_end(text, 0, quotes, taken, sentences)
            if end is None:
                speaker = None
            else:
                found[speaker] = found[speaker]._replace(content=(found[speaker].content[0], offset + end))
                if not CLOSING.fullmatch(text, end):
                    speaker = None
        if paragraph:
            last = _open_speaker(text, paragraph, sentences) if continuation else None
            speaker = None if last is None else len(found) + last
            found.extend(Attribution(*(None if span is None else (span[0] + offset, span[1] + offset)
                                       for span in a[:3]), a.direct,
                                     None if a.relay is None else (a.relay[0] + offset, a.relay[1] + offset))
                         for a in paragraph)
    return sorted(found, key=lambda a: a.cue)
