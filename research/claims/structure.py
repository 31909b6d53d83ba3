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
  it counts.

"" when neither holds. `research.claims.ledger` uses it only for a figure whose subject, after the word rules and the
figures before it, holds no content word (`content_word`) and that no name is said to hold: the tagger is right on
most common words but weak on rare verbs and headline capitals, so the word rules keep every subject they find.
"""

from __future__ import annotations

import re

from research.text.chunks import Tagged, tag_words

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


def structural_subject(text: str, start: int, end: int) -> str:
    """The subject the structure of sentence `text` gives the figure at `start`:`end` (see the module); "" when none."""
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
    return ""


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
