"""A piece of a sentence: a sentence whose subject only the sentence before it names.

A news paragraph often tells one fact over two sentences: "Cruz, Trump and Carson took a combined 61 percent of
the vote. Everyone else combined for 39 percent." The second alone says nothing a reader can check: who "everyone
else" is, only the sentence before tells. `counts_on_previous` finds a sentence whose subject counts on a set the
sentence before names: it opens (after quotation marks and a joining "And", "But", "So") with

- the rest of the set (`REST`): "Others", "More than a dozen others", "Everyone else", "No one else", "The rest";
- one member of it, a determiner standing for a noun the sentence before gives (`MEMBER`, followed by a verb, as
  the tagger `research.text.chunks` reads it): "Another would be a more traditional leadership PAC", "Both said",
  "A third would be", but not "Another poll showed ...", whose subject is a noun of its own.

A sentence opening with a personal pronoun ("She lost by 13 points") is not one: most such sentences tell a fact of
a story everyone knows is about her ("He had a fever of 102"); nor is a later sentence of one speaker's quotation,
which as often states a fact of its own ("It would be a disaster"; docs/evaluation.md, "Rules chosen after round
10").
"""

from __future__ import annotations

import re

from research.text.chunks import tag_words

# Quotation marks, brackets, dashes and a joining word a sentence may open with before its subject.
OPENING = r"^[\s\"“‘'`(\[—–-]*(?:(?:And|But|So|Or)\s+)?"
# The rest of a set named before: "Others", "Two others", "More than a dozen others", "Everyone else", "The rest".
REST = re.compile(OPENING + r"(?:(?:(?:(?:More than|Fewer than|Nearly|About|Almost|At least|Some)\s+)?(?:a\s+)?[\w,]+\s+)?"
                  r"others\b|(?:(?:Every|No|Any|Some)(?:one|body)|No one) else\b|The rest\b)", re.IGNORECASE)
# One member of a set named before, standing for its noun: "Another", "Both", "Neither", "Each", "A third".
MEMBER = re.compile(OPENING + r"(?:Another|Both|Neither|Each|(?:A|The) (?:second|third|fourth|fifth|last))\b")


def counts_on_previous(sentence: str) -> bool:
    """Whether the subject of `sentence` counts on a set only the sentence before names (module docstring)."""
    if REST.match(sentence):
        return True
    member = MEMBER.match(sentence)
    if not member:
        return False
    after = [token for token in tag_words(sentence) if token.start >= member.end()]
    return bool(after) and (after[0].pos.startswith("VB") or after[0].pos == "MD")
