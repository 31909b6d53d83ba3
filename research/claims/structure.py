"""The subject a sentence's structure gives a figure that its words around did not: a reading over the part-of-speech
tags and phrase chunks of `research.text.chunks`.

`structural_subject(text, start, end)` reads the figure at `text[start:end]` (offsets into one sentence) by where it
stands among the sentence's noun phrases (NP), verb groups (VP) and prepositions, and gives, in this order:

- its "of"-phrase: the noun phrase after "of", past figures, marks and adjectives ("thousands of $12-an-hour workers":
  workers; "Nearly eight of 10 voters": voters);
- else the subject of its clause, when it follows a verb group across a preposition ("their after-tax incomes go up by
  as much as 19.9 percent"), or right after a form of "be", "have" or a modal ("Bonuses for bankers were $500 to
  $2,000", "these numbers could double"): the noun phrase before the verb with its "of", "in", "for" or possessive,
  never a pronoun; the subject of a verb that acts on the figure ("held thousands in chains") is its agent, not what
  it counts;
- else, when that subject is "it" or "they", what the pronoun stands for: the common-noun subject of the main clause
  before it ("Obama's approval rating remains strong, though it has declined slightly from 58 percent"), or of the
  sentence before in its paragraph when the pronoun opens the sentence ("Openings reached 9.2 million ... They're
  about 30% higher"; eighteenth round).

`noun_phrase(subject)` reads any subject again as a noun phrase (issue 18: "never a date, a verb or a function word"):
a finite verb after its noun opens a relative clause ("adults received at least one dose": adults that received at
least one dose; "times Israel had attacked": times that Israel had attacked), a date ends it ("people injured tonight"),
and so do its last whole constituent ("a symbol of the rising": a symbol) and its last word that is no function word
("states closed for in-person learning because"). The tagger reads most participles after a noun as pasts ("cases
reported"), so a past is finite only before an object or a particle. Cutting at the verb instead of opening a relative
clause was tried and dropped: it took words the gold asks for ("dose", "disapprove").

"" when neither holds. `research.claims.ledger` uses it only for a figure whose subject, after the word rules and the
figures before it, holds no content word (`content_word`) and that no name is said to hold: the tagger is right on
most common words but weak on rare verbs and headline capitals, so the word rules keep every subject they find.
"""

from __future__ import annotations

import re

from research.claims.subjects import RELATIVE_PRONOUNS
from research.text.chunks import Tagged, tag_words
from research.text.dates import find_time_expressions

# Words that say when, not what: they stay out of a subject.
TIME_WORDS = re.compile(r"(?i)january|february|march|april|may|june|july|august|september|october|november|december|"
                        r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|weeks?|months?|years?|days?|quarter|"
                        r"decade|today|yesterday|tonight|last|next|this|every|each|per|now|morning|evening|night|\d{4}")
# A figure's units and qualifiers, no part of what it counts.
UNIT_WORDS = frozenset("percent % points point percentage times apiece each".split())
QUALIFIERS = frozenset("about nearly almost more than less least at some roughly around over under just only up to as "
                       "much many an estimated a the".split())
PRONOUNS = frozenset("it they he she we i you this that those these who which".split())
AUXILIARIES = frozenset("have has had be been is are was were will would".split())

Chunk = tuple[str, list[int]]


def content_word(subject: str) -> bool:
    """Whether `subject` holds a noun, verb, adjective or number (a subject of function words only, "every", "though",
    "Overall", is none)."""
    return any(token.pos.startswith(("NN", "VB", "JJ", "CD")) for token in tag_words(subject)) if subject.strip() \
        else False


def structural_subject(text: str, start: int, end: int, previous: str = "") -> str:
    """The subject the structure of sentence `text` gives the figure at `start`:`end` (see the module); `previous` is the
    sentence before it in its paragraph, where a pronoun that opens `text` finds its antecedent; "" when none."""
    tokens = tag_words(text)
    figure = [i for i, token in enumerate(tokens) if token.start < end and token.end > start]
    if not figure:
        return ""
    chunks = _chunks(tokens)
    if tokens[figure[-1]].word.lower() == "of" and len(figure) > 1:  # "thousands of": the figure read with its "of"
        figure = figure[:-1]
        chunks = _chunks(tokens, split_at=figure[-1] + 1)
    last = next(k for k, (_, members) in enumerate(chunks) if figure[-1] in members)
    first = next(k for k, (_, members) in enumerate(chunks) if figure[0] in members)
    for reading in (_of_phrase, _clause_subject):
        subject = reading(tokens, chunks, figure, first, last)
        if subject:
            return subject
    return _antecedent(tokens, chunks, figure, first, previous)


def _chunks(tokens: tuple[Tagged, ...], split_at: int = -1) -> list[Chunk]:
    """The chunks of `tokens` as (type, token indices); a token outside any chunk is one of type "O"."""
    chunks: list[Chunk] = []
    for i, token in enumerate(tokens):
        kind = token.chunk[2:] if token.chunk != "O" else "O"
        if token.chunk.startswith("I-") and chunks and chunks[-1][0] == kind and i != split_at:
            chunks[-1][1].append(i)
        else:
            chunks.append((kind if i != split_at else "PP", [i]))
    return chunks


def _counted(token: Tagged) -> bool:
    """A noun that can say what is counted (no unit or time word)."""
    return token.pos.startswith("NN") and token.word.lower() not in UNIT_WORDS and not TIME_WORDS.fullmatch(token.word)


def _words(tokens: tuple[Tagged, ...], members: list[int]) -> str:
    """The words of `members` without figures, determiners, units, qualifiers, time words and marks."""
    return " ".join(tokens[i].word for i in members
                    if tokens[i].pos not in ("CD", "$", "DT", "PRP$", "POS") and tokens[i].word.lower() not in UNIT_WORDS
                    | QUALIFIERS and not TIME_WORDS.fullmatch(tokens[i].word) and re.match(r"\w", tokens[i].word))


def _filler(tokens: tuple[Tagged, ...], members: list[int]) -> bool:
    """A chunk of marks, figures, qualifiers and adjectives, which stands between a figure and its noun."""
    return all(not re.match(r"\w", tokens[i].word) or tokens[i].pos in ("CD", "$", "DT", "JJ")
               or tokens[i].word.lower() in QUALIFIERS for i in members)


def _phrase(tokens: tuple[Tagged, ...], members: list[int]) -> str:
    """The words of a noun phrase as written, its determiners and time words left out."""
    words = " ".join(tokens[i].word for i in members
                     if tokens[i].pos not in ("DT", "PRP$") and not TIME_WORDS.fullmatch(tokens[i].word))
    return re.sub(r" (?=['’]s\b)", "", words)


def _of_phrase(tokens, chunks, figure, first, last) -> str:
    """The noun phrase after the figure's "of", past figures, marks and adjectives."""
    k = last + 1
    if k >= len(chunks) or chunks[k][0] != "PP" or [tokens[i].word.lower() for i in chunks[k][1]] != ["of"]:
        return ""
    for kind, members in chunks[k + 1:]:
        if kind == "NP" and any(_counted(tokens[i]) for i in members):
            return _words(tokens, members)
        if kind not in ("O", "ADJP") or not _filler(tokens, members):
            return ""
    return ""


def _clause_subject(tokens, chunks, figure, first, last) -> str:
    """The noun phrase before the verb group the figure follows across a preposition, or right after a form of "be",
    "have" or a modal, with that phrase's "of", "in", "for", "on" or possessive before it; "" for a pronoun."""
    k = first - 1
    crossed = any(tokens[i].pos in ("IN", "TO") for i in chunks[first][1] if i < figure[0])  # "go [up by as] much as"
    while k >= 0 and (chunks[k][0] in ("PP", "ADVP", "ADJP") or chunks[k][0] == "O" and all(
            tokens[i].word.lower() in QUALIFIERS or tokens[i].pos in ("DT", "$") for i in chunks[k][1])):
        crossed = crossed or chunks[k][0] == "PP"
        k -= 1
    if k < 1 or chunks[k][0] != "VP":
        return ""
    verb = tokens[chunks[k][1][-1]]
    if not crossed and verb.pos != "MD" and verb.word.lower() not in AUXILIARIES:
        return ""  # the object of a verb that acts on it ("held thousands in chains"): its subject is the agent
    k -= 1
    while k >= 0 and chunks[k][0] == "ADVP":
        k -= 1
    if k < 0 or chunks[k][0] != "NP" or all(tokens[i].word.lower() in PRONOUNS for i in chunks[k][1]):
        return ""
    members = list(chunks[k][1])
    while k >= 2 and chunks[k - 2][0] == "NP" and (
            chunks[k - 1][0] == "PP" and [tokens[i].word.lower() for i in chunks[k - 1][1]] in (["of"], ["in"], ["for"],
                                                                                               ["on"])
            or tokens[chunks[k - 1][1][0]].pos == "POS"):  # "the IMF's estimate of global growth"
        members = chunks[k - 2][1] + chunks[k - 1][1] + members
        k -= 2
    return _phrase(tokens, members)


# A figure whose clause has "it" or "they" for its subject is of what the pronoun stands for: the subject of the main
# clause before it ("Obama's approval rating remains strong, though it has declined slightly from 58 percent"), or, when
# the pronoun opens the sentence, of the sentence before ("Openings reached 9.2 million ... They're about 30% higher").
def _antecedent(tokens, chunks, figure, first, previous: str) -> str:
    """The antecedent of an "it" or "they" that is the subject of the figure's clause (above); "" when none."""
    k = first - 1
    while k >= 0 and chunks[k][0] != "VP" and not any(tokens[i].word in (",", ";", ":") for i in chunks[k][1]):
        k -= 1
    if k < 0 or chunks[k][0] != "VP":
        return ""
    if tokens[chunks[k][1][0]].word.lower().replace("’", "'") not in ("it's", "they're"):  # the tagger keeps "They're" whole
        k -= 1
        while k >= 0 and chunks[k][0] == "ADVP":
            k -= 1
        if k < 0 or chunks[k][0] != "NP" or [tokens[i].word.lower() for i in chunks[k][1]] not in (["it"], ["they"]):
            return ""
    if k > 0:
        return _main_subject(tokens, chunks[:k])
    before = tag_words(previous) if previous else ()
    return _main_subject(before, _chunks(before)) if before else ""


def _main_subject(tokens, chunks) -> str:
    """The noun phrase (with its "of" or possessive) before the first verb group of `chunks`, when its head is a common
    noun that can be counted; "" when none."""
    verb = next((k for k, (kind, _) in enumerate(chunks) if kind == "VP"), -1)
    k = verb - 1
    if k < 0 or chunks[k][0] != "NP" or all(tokens[i].word.lower() in PRONOUNS for i in chunks[k][1]):
        return ""
    members = list(chunks[k][1])
    while k >= 2 and chunks[k - 2][0] == "NP" and (
            [tokens[i].word.lower() for i in chunks[k - 1][1]] == ["of"] or tokens[chunks[k - 1][1][0]].pos == "POS"):
        members = chunks[k - 2][1] + chunks[k - 1][1] + members
        k -= 2
    head = tokens[chunks[verb - 1][1][-1]]  # a common noun: a name ("Obama said it didn't") is no "it"
    return _phrase(tokens, members) if _counted(head) and head.pos in ("NN", "NNS") else ""


# A subject is a noun phrase (issue 18: "never a date, a verb or a function word"). Tenses the tagger reads as finite
# after the subject's first noun, outside a relative clause: VBZ and VBP always, VBD (which the tagger also gives a
# participle after a noun, "cases reported", "people killed in shootings") only before an object or a particle.
FINITE = frozenset("VBZ VBP".split())
OBJECT_TAG_STARTS = ("DT", "CD", "PRP$", "JJR", "RBR", "RP", "NN")
# Auxiliaries, copulas and pasts that are never participles, finite whatever the tag.
FINITE_WORDS = frozenset("is are was were has have had am does did will would can could should may might must took gave "
                         "went came became wrote ran saw knew grew began rose fell".split())
# Words no noun phrase ends on: prepositions, determiners, conjunctions, "to", possessive and wh-words.
OPEN_END = frozenset("IN DT CC TO PRP$ WDT WP".split())


def noun_phrase(subject: str) -> str:
    """`subject` read as a noun phrase: a finite verb after its noun (see `FINITE`) opens a relative clause ("adults
    received at least one dose": adults that received ...; a name or pronoun before the verb is the clause's subject,
    "times Israel had attacked": times that Israel had attacked); a date in it ends it ("officers that filed a lawsuit
    Thursday"); a function word at its end goes ("states closed for in-person learning because"). A name in brackets
    at its end ("doses (Walgreens)") stays."""
    named = re.search(r"\s*\([^()]*\)$", subject)
    core = subject[:named.start()] if named else subject
    tokens = [t for t in tag_words(core) if re.match(r"[\w’'“”\"]", t.word)]
    if not tokens:
        return subject
    first = next((i for i, t in enumerate(tokens) if t.pos.startswith("NN")), None)
    for i, token in enumerate(tokens):  # a finite verb after the noun opens a relative clause
        if first is None or i <= first:
            continue
        if token.word.lower() in RELATIVE_PRONOUNS:
            break
        following = " ".join(t.word.lower() for t in tokens[i + 1:i + 3])
        finite = token.word.lower() in FINITE_WORDS or token.pos in FINITE | {"VBD"} and (
            following.startswith("at least") or i + 1 < len(tokens) and tokens[i + 1].pos.startswith(OBJECT_TAG_STARTS)) \
            or token.pos == "VBP" and i + 1 == len(tokens) and tokens[i - 1].pos in ("NNS", "NNPS")
        if not finite and token.pos.startswith("VB"):
            break  # a participle's clause goes on: "respondents saying crime is a problem"
        if finite and tokens[i - 1].pos.startswith(("NN", "PRP")):
            k = i - 1  # back over the clause's own subject, a name or pronoun ("times Israel had attacked")
            while k > first and tokens[k].pos in ("NNP", "NNPS", "PRP") and tokens[first].pos not in ("NNP", "NNPS"):
                k -= 1
            at = tokens[k + 1].start if k + 1 < i else token.start
            core = f"{core[:at]}that {core[at:]}"
            return noun_phrase(core + (named.group() if named else ""))
    dates = [t.start for t in find_time_expressions(core, "2000-01-01") if t.kind != "duration"]  # a date ends it
    end = min([len(core), *(start for start in dates if first is not None and start > tokens[first].start)])
    words = [t for t in tokens if t.end <= end]
    while len(words) > 1 and (words[-1].pos in OPEN_END or words[-1].word.lower() in ("though", "because")
                              or words[-1].word.islower() and (words[-1].pos == "JJ" and words[-2].pos in ("DT", "IN")
                                                               or words[-1].pos == "VBG" and words[-2].pos == "DT")):
        words.pop()  # a clause cut short ends at its last whole constituent: "a symbol of the rising": a symbol
    # ... and so does its last word that is no function word; a subject of function words only stays as it is
    cut = core[:words[-1].end] if words and any(t.pos.startswith(("NN", "JJ", "VB", "CD")) for t in words) else core
    return cut + (named.group() if named else "")
