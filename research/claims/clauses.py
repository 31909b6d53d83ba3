"""The long subject of a reporting verb, read from parts of speech (`research.text.chunks`).

A word-by-word noun phrase reader stops at a participle or a figure, so that a subject with a phrase after its noun
has no source: "But a 46-page suicide analysis released by the Department of Veterans Affairs last month reveals", "The
Real Clear Politics average of polls taken over the past two weeks shows", "An exhaustive study being released on
Tuesday by a group of researchers shows". `long_subject` reads the whole stretch from the start of the sentence
(after a conjunction, or an introductory phrase and its comma: "In 2013, ") up to the verb as its subject when the
tagger finds no finite verb, pronoun or relative word in it: a noun phrase and the participles and prepositional
phrases that describe it, and without a relative clause set off by commas before the verb ("The USC Dornsife/Los
Angeles Times Daybreak tracking poll, which tracks Americans’ support ..., showed"). Its head is the word before the
first preposition or participle ("analysis", "average", "study").
"""

from __future__ import annotations

from itertools import pairwise

from research.claims.verbs import VERB_FORMS
from research.text.chunks import tag_words
from research.text.dates import WEEKDAYS

# Tags that open a clause of their own, so that the stretch before a verb is no single subject.
CLAUSE_TAGS = frozenset({"VBD", "VBZ", "VBP", "VB", "MD", "WDT", "WP", "WP$", "PRP", "WRB", "TO", "RB"})
CLAUSE_MARKS = frozenset(",;:()“”\"'—–")
# Tags a subject can open with: a determiner, a possessive, an adjective, a number or a noun.
OPENING_TAGS = frozenset({"DT", "PRP$", "JJ", "JJS", "JJR", "CD", "NN", "NNS", "NNP", "NNPS"})
# Tags that end the head of a noun phrase: a preposition or a participle after it.
POST_HEAD_TAGS = frozenset({"IN", "VBN", "VBG"})
# Tags of an object right after a participle, which makes it a verb in the past: "the magazine portrayed Mitt Romney".
OBJECT_TAGS = frozenset({"DT", "NNP", "NNPS", "PRP", "PRP$", "CD"})
TIMES = frozenset(WEEKDAYS) | {"yesterday", "today"}
LONGEST = 25  # tokens: a subject is a phrase, not a paragraph
# characters from the sentence start to the verb: a subject and its opening phrase are never longer (the longest read
# on the development corpora is 166), and tagging a longer stretch for each cue of a huge sentence would take its square
LONGEST_STRETCH = 600


def long_subject(text: str, start: int, end: int) -> tuple[int, int, str] | None:
    """(start, end, head) of the subject that runs from the sentence start `start` to the verb at `end` in `text`,
    or None when the stretch before the verb holds a clause of its own or opens with no noun phrase."""
    if end - start > LONGEST_STRETCH:
        return None
    tokens = list(tag_words(text[start:end]))
    if tokens and tokens[0].pos == "IN":  # "In 2013, research conducted by ..."
        comma = next((i for i, token in enumerate(tokens) if token.word == ","), None)
        tokens = tokens[comma + 1:] if comma is not None else []
    while tokens and tokens[0].pos == "CC":  # "But a 46-page suicide analysis ..."
        tokens = tokens[1:]
    comma = next((i for i, token in enumerate(tokens) if token.word == ","), None)
    if comma is not None and comma + 1 < len(tokens) and tokens[comma + 1].word.lower() in ("which", "who") \
            and tokens[-1].word == ",":  # "The USC Dornsife/Los Angeles Times Daybreak tracking poll, which ..., showed"
        tokens = tokens[:comma]
    if not tokens or len(tokens) > LONGEST or tokens[0].pos not in OPENING_TAGS \
            or any(t.pos in CLAUSE_TAGS or t.word in CLAUSE_MARKS or t.word.lower() == "that"
                   or t.word.lower() in VERB_FORMS for t in tokens):  # "The median estimate ... called for": a cue
        return None
    if not tokens[-1].pos.startswith("NN") or any(
            t.pos == "VBN" and u.pos in OBJECT_TAGS and u.word.lower() not in TIMES for t, u in pairwise(tokens)):
        return None  # a subject ends in a noun ("Scott beamed and"), and a participle takes no object
    after = next((i for i, token in enumerate(tokens) if token.pos in POST_HEAD_TAGS), len(tokens))
    if after == 0 or any(t.pos == "CD" and (i + 1 == len(tokens) or tokens[i + 1].word != "-")
                         for i, t in enumerate(tokens[:after])):
        return None  # a count before the head ("All 19 members of the committee") is what the subject is cut from
    return start + tokens[0].start, start + tokens[-1].end, tokens[after - 1].word
