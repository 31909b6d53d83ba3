"""Subject keys: what a figure counts, as a key for grouping one subject across wordings.

`subject_key(subject, context)` gives "<country> <class>" ("north korea troops"):
the class of the subject's head noun (troops, soldiers and forces are all
"troops"), and the nationality in the subject or the nearest country named
before it.
"""

from __future__ import annotations

import re

from research.claims.actors import COUNTRIES

# Nouns counted under one class, for grouping the same subject across wordings.
SUBJECT_CLASSES = {
    "troops": "troops soldiers forces personnel servicemen fighters conscripts combatants special troop soldier",
    "people": "people persons individuals residents civilians",
    "cases": "cases infections case",
    "deaths": "deaths fatalities dead death",
    "casualties": "casualties",
    "doses": "doses shots",
    "murders": "murders homicides",
    "openings": "openings vacancies",
    "lawmakers": "lawmakers legislators senators representatives republicans democrats nominees appointees",
}
_CLASS_OF = {word: name for name, words in SUBJECT_CLASSES.items() for word in words.split()}
# What happened to the people counted: "81 people had died", "killed 150 people", "1,000 people infected".
DIED_AFTER = re.compile(r"\s*(?:(?:have|has|had|were|are|was)\s+)?(?:(?:been|reportedly|now)\s+)?"
                        r"(?:died|dead|killed|perished|lost their lives)\b")
KILLED_BEFORE = re.compile(r"\b(?:kill|killed|killing|kills|deaths of|death of)\s+(?:\w+\s+){0,3}$")
# A verb in the past before a count, whose object the counted are: "vetoed two Republican nominees".
ACTED_ON = re.compile(r"\b(?P<verb>[a-z]+ed)\s+(?:(?:about|nearly|almost|more than|at least|just|only|all|some)\s+)*$")
INFECTED_AFTER = re.compile(r"\s*(?:(?:have|has|had|were|are|was)\s+)?(?:(?:been|now)\s+)?"
                            r"(?:infected|fallen ill|tested positive|diagnosed|sickened)\b")
INFECTED_BEFORE = re.compile(r"\b(?:infected|infecting|sickened)\s+(?:\w+\s+){0,3}$")


def subject_key(subject: str, context: str = "", following: str = "") -> str:
    """A grouping key for a subject: "<country> <class>" ("north korea troops"), lower case.

    The class is that of the subject's head noun (`SUBJECT_CLASSES`, else the
    head itself); any counted who died or were killed are "deaths" and people
    infected are "cases" when `following` (the text after the subject) or the
    end of `context` (the text before the figure) says so ("81 people had
    died", "killed 150 people"). The country is the nationality in the
    subject, else the nearest one named in `context`. A poll share is keyed by its
    candidate ("support for Mitt Romney": "support romney").
    """
    words = [w.lower().strip("’'") for w in subject.split()]
    if not words:
        return ""
    if "of" in words and words[0] in ("number", "total", "count", "tally", "share", "percentage", "average", "peak",
                                      "level", "rate"):
        words = words[words.index("of") + 1:] or words  # "the number of confirmed cases": cases
    if words[:2] == ["support", "for"] and len(words) > 2:  # a poll share: the support of one candidate, by surname
        name = words[2:words.index("and")] if "and" in words[2:] else words[2:]
        return f"support {(name or words[2:])[-1]}"
    for stop in ("in", "at", "on", "for", "from", "across", "among", "each", "per", "a"):
        words = words[:words.index(stop)] if stop in words[1:] else words  # "cases in New Zealand": cases
    head = words[words.index("of") - 1] if "of" in words and words.index("of") > 0 else words[-1]
    if head in ("toll", "count", "tally") and words.index(head) > 0:  # "the death toll": deaths
        head = {"death": "deaths", "case": "cases"}.get(words[words.index(head) - 1], head)
    demonym = not re.sub(r"(?<![\w.])(?:" + "|".join(COUNTRIES.values()) + r")(?![\w])", "", subject).strip()
    noun_class = "people" if demonym else _CLASS_OF.get(head, head)  # "12,000 North Koreans"
    if head in ("forces",) and len(words) > 1 and words[-2] == "special":
        noun_class = "troops"
    if head in ("jobs", "positions") and {"available", "open", "unfilled", "vacant"} & set(words[:words.index(head)]):
        noun_class = "openings"  # "9.2 million available positions": job openings
    if head == "members" and {"gop", "republican", "democratic", "house", "senate", "party"} & set(words):
        noun_class = "lawmakers"  # "the two GOP Members": the two Republicans
    if DIED_AFTER.match(following) or KILLED_BEFORE.search(context[-40:]):
        noun_class = "deaths"  # "killed eight co-workers", "13 service members were killed": deaths
    elif noun_class == "people" and (INFECTED_AFTER.match(following) or INFECTED_BEFORE.search(context[-40:])):
        noun_class = "cases"
    country = _country_in(subject) or _country_in(context, last=True)
    return f"{country.lower()} {noun_class}".strip()


def _country_in(text: str, last: bool = False) -> str:
    found = [(m.start(), country) for country, pattern in _COUNTRY_PATTERNS for m in pattern.finditer(text)]
    if not found:
        return ""
    return (max(found) if last else min(found))[1]


_COUNTRY_PATTERNS = [(country, re.compile(r"(?<![\w.])(?:" + names + r")(?![\w])")) for country, names in COUNTRIES.items()
                     if country != "Western"]
