"""Which clause a time phrase and a figure belong to, read from parts of speech and chunks (`research.text.chunks`).

`relative_after_verb(text, left, right)`: between a time phrase that ends at `left` and a figure that starts at
`right`, a relative clause opens after another verb phrase and runs on to the figure ("took effect early Friday
morning, hours after both sides agreed to end ... fighting that had claimed hundreds of lives"). The time then
hangs on the earlier verb and the figure belongs to the relative clause, so the time does not date the figure.
A relative pronoun is "that", "which", "who" or "whom" followed at once by a verb phrase ("that had claimed",
"which allows"): the tagger tags a relative "that" as a preposition, but a complementizer "that" is followed by
a noun phrase ("said Friday that employers added 943,000 jobs"). A relative clause right after the time modifies
the noun the time dates ("the one last week outside the airport that killed nearly 200 people", "in 2020, which is
a staggering 4,901 more"), so it needs a verb phrase between the time and the pronoun.

`acted_by_name(text, times)`: the sentence tells what a person or organisation, named as its subject before its time
phrases, did ("Biden issued an executive order in January halting all construction projects"); its time dates that
act and no data point, so a sentence without figures of this kind passes no period on to later figures
(`research.claims.periods.carried_period`).
"""

from __future__ import annotations

from research.claims.subjects import RELATIVE_PRONOUNS
from research.text.chunks import tag_words, tokens_within

# Marks that close a relative clause before the figure: "the bill, which passed in May, gave 500".
RELATIVE_CLOSERS = frozenset(",;:—–()")


def relative_after_verb(text: str, left: int, right: int) -> bool:
    """True when, in text[left:right], a relative pronoun with its verb ("that had claimed") follows a verb phrase
    and no clause mark comes between the pronoun and `right` (see the module docstring)."""
    tokens = tokens_within(text, left, right)
    for k, token in enumerate(tokens[:-1]):
        # a relative clause opened after another verb, with the figure inside it
        if token.word.lower() in RELATIVE_PRONOUNS and tokens[k + 1].chunk == "B-VP" and tokens[k + 1].pos != "VBG" \
                and any(before.chunk == "B-VP" for before in tokens[:k]) \
                and not any(after.word in RELATIVE_CLOSERS for after in tokens[k + 2:]):
            return True
    return False


def _subject(text: str, times: list):
    """The head token of the first noun phrase of `text` that is neither the object of a preposition nor inside one of
    the time phrases `times`, or None."""
    tokens = tag_words(text)
    for k, token in enumerate(tokens):
        if token.chunk == "B-NP" and not (k and tokens[k - 1].chunk.endswith("-PP")) \
                and not any(time.start <= token.start < time.end for time in times):
            end = k + 1
            while end < len(tokens) and tokens[end].chunk == "I-NP":
                end += 1
            return tokens[end - 1]
    return None


def acted_by_name(text: str, times: list) -> bool:
    """True when `text` tells what a person or organisation named as its subject did, before any of its time phrases
    `times` ("Sen. Mazie Hirono (D-Hawaii) introduced the Covid-19 Hate Crimes Act in March"): the subject, its first
    noun phrase not after a preposition, has a proper name for its head. A time that opens the sentence ("Last week,
    Republicans ... approved a bill") frames what follows rather than dating the act alone, so it does not count."""
    head = _subject(text, times)
    return head is not None and head.pos in ("NNP", "NNPS") and all(head.end <= time.start for time in times)
