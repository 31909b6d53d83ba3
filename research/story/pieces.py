"""Pieces: sentences that lean on the one before them in their paragraph, and the units they make.

A news paragraph often tells one fact over two sentences: "Cruz, Trump and Carson took a combined 61 percent of
the vote. Everyone else combined for 39 percent." The second alone says nothing a reader can check: who "everyone
else" is, only the sentence before tells. `counts_on_previous` finds a sentence whose subject counts on a set the
sentence before names: it opens (after quotation marks and a joining "And", "But", "So") with

- the rest of the set (`REST`): "Others", "More than a dozen others", "Everyone else", "No one else", "The rest";
- one member of it, a determiner standing for a noun the sentence before gives (`MEMBER`, followed by a verb, as
  the tagger `research.text.chunks` reads it): "Another would be a more traditional leadership PAC", "Both said",
  "A third would be", but not "Another poll showed ...", whose subject is a noun of its own.

`leaning` reads, for the sentences of one paragraph, how each leans on the one before it (`LEANS`):

- "quotation": it opens inside a quotation opened in an earlier sentence of the paragraph (a later sentence of
  one quotation: "It was sheerly the force of nature.");
- "speaker": it is all quotation but at most `ATTRIBUTION_WORDS` words outside the marks, none a name ("...," he
  said.), so its speaker is named before it;
- "set": `counts_on_previous`;
- "reference": it opens, outside quotation marks, with a third-person pronoun, a demonstrative or a joining word
  (`REFERENCE`: "She lost by 13 points", "This is the place ...", "But ...").

A paragraph's first sentence leans on nothing. `units` groups a paragraph's sentences into units: a sentence that
leans joins the unit of the sentence before it, so a unit is its head sentence (one that leans on nothing) and the
run of sentences leaning on it, its pieces. `research.story.coverage` gives each outlet's first sentence of an
element its `leans`, the element of its unit's head and its place in the unit. A finding is shown with the
sentence before it, so a head and its first piece read whole; a later piece does not (what it leans on is two
sentences back or more), and `omissions` states none for it (docs/method.md, "Story elements").
"""

from __future__ import annotations

import re

import pandas as pd

from research.story.facts import sentence_names
from research.text.chunks import tag_words
from research.text.quotes import quoted_ranges
from research.text.tokens import WORD

# Quotation marks, brackets, dashes and a joining word a sentence may open with before its subject.
OPENING = r"^[\s\"“‘'`(\[—–-]*(?:(?:And|But|So|Or)\s+)?"
# The rest of a set named before: "Others", "Two others", "More than a dozen others", "Everyone else", "The rest".
REST = re.compile(OPENING + r"(?:(?:(?:(?:More than|Fewer than|Nearly|About|Almost|At least|Some)\s+)?(?:a\s+)?[\w,]+\s+)?"
                  r"others\b|(?:(?:Every|No|Any|Some)(?:one|body)|No one) else\b|The rest\b)", re.IGNORECASE)
# One member of a set named before, standing for its noun: "Another", "Both", "Neither", "Each", "A third".
MEMBER = re.compile(OPENING + r"(?:Another|Both|Neither|Each|(?:A|The) (?:second|third|fourth|fifth|last))\b")
# A sentence opening with a word that points back: a personal pronoun of the third person, a demonstrative, or a
# joining word (after a bracket or a dash; within quotation marks the word is the speaker's, "“It is important to").
REFERENCE = re.compile(r"^[\s(\[—–-]*(?:He|She|It|They|His|Her|Its|Their|Them|This|That|These|Those|And|But|So"
                       r"|Or|Yet|Also|Still)\b")
# Words a sentence all in quotation marks may have outside them and still name no speaker: "he said", "she added".
ATTRIBUTION_WORDS = 3
LEANS = ("quotation", "speaker", "set", "reference")


def counts_on_previous(sentence: str) -> bool:
    """Whether the subject of `sentence` counts on a set only the sentence before names (module docstring)."""
    if REST.match(sentence):
        return True
    member = MEMBER.match(sentence)
    if not member:
        return False
    after = [token for token in tag_words(sentence) if token.start >= member.end()]
    return bool(after) and (after[0].pos.startswith("VB") or after[0].pos == "MD")


def _speaker_before(sentence: str) -> bool:
    """Whether `sentence` is all quotation but a few words outside the marks that name nobody."""
    quoted = quoted_ranges(sentence)
    if not quoted:
        return False
    ends = [0, *(b for _, b in quoted)]
    outside = " ".join(sentence[end:a] for end, (a, _) in zip(ends, [*quoted, (len(sentence), None)]))
    return len(WORD.findall(outside)) <= ATTRIBUTION_WORDS and not sentence_names(outside.strip(" ,.\"“”"))


def leaning(sentences: list[str]) -> list[str]:
    """For the sentences of one paragraph in reading order, how each leans on the one before it: one of `LEANS`
    (the first that holds, in that order), or "" (module docstring). The first sentence leans on nothing."""
    starts = [0]
    for sentence in sentences[:-1]:
        starts.append(starts[-1] + len(sentence) + 1)
    quoted = quoted_ranges(" ".join(sentences))  # one pass over the paragraph: a quotation may span sentences
    result = []
    for k, (start, sentence) in enumerate(zip(starts, sentences)):
        if not k:
            result.append("")
        elif any(a < start <= b for a, b in quoted):  # inside a quotation opened before it
            result.append("quotation")
        elif _speaker_before(sentence):
            result.append("speaker")
        elif counts_on_previous(sentence):
            result.append("set")
        else:
            result.append("reference" if REFERENCE.match(sentence) else "")
    return result


def units(passages: pd.DataFrame) -> pd.DataFrame:
    """How each passage leans and the head of its unit (module docstring).

    `passages`: sentences with `passage_id`, `article_id`, `block_id` (the paragraph), `start` and `text`. Returns
    one row per passage, indexed by `passage_id`: `leans` (one of `LEANS`, or ""), `head_passage_id` (the
    passage of the unit's head: the passage itself when it leans on nothing) and `unit_position` (0 for the head,
    1 for the sentence after it, and so on)."""
    rows = []
    ordered = passages.sort_values(["article_id", "start"], kind="stable")
    for _, block in ordered.groupby(["article_id", "block_id"], sort=False):
        head, position = None, 0
        for passage, leans in zip(block["passage_id"], leaning(block["text"].tolist())):
            head, position = (head, position + 1) if leans else (passage, 0)
            rows.append((passage, leans, head, position))
    return pd.DataFrame(rows, columns=["passage_id", "leans", "head_passage_id", "unit_position"]) \
        .set_index("passage_id")
