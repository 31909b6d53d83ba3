"""A sentence that opens by pointing back to the time the text named before: "At the time, black people ...
comprised only 2% of the voting rolls" after "... marched from Selma to Montgomery, Alabama, in 1965", and "The next
year, that number increased by about a hundred" after "In 1966, there were 654 murders". Its figures are as of that
time (or the year after it), not of publication, even where the earlier sentence told what someone did and so dates no
figure of its own accord (`periods.carried_period`)."""

from __future__ import annotations

import re
from datetime import date

# "At the time," "At that time," "Back then," open a sentence that stays in the time named before; "The next year," "The
# following year," "A year later," one that moves a year on from it.
SAME_TIME = re.compile(r"\W*(?:(?:But|And)\s+)?(?:[Aa]t\s+(?:the|that)\s+time|[Bb]ack\s+then)\b")
YEAR_ON = re.compile(r"\W*(?:(?:But|And)\s+)?(?:[Tt]he\s+(?:next|following)\s+year|[Aa]\s+year\s+later)\b")


def anaphoric_period(text: str, named: tuple | None) -> tuple | None:
    """(start, end, text, end offset) of the period a sentence `text` opens by pointing back to, as
    `periods.stated_periods` gives a period, from `named`, the (start, end, text) in ISO dates of the last period the
    article named before it; None when it opens with no such phrase, when nothing was named, or when it moves a year
    on from a period that is not one calendar year."""
    if named is None:
        return None
    same = SAME_TIME.match(text)
    if same:
        return named[0], named[1], same.group().strip(), same.end()
    on = YEAR_ON.match(text)
    start, end = date.fromisoformat(named[0]), date.fromisoformat(named[1])
    if not on or (start.month, start.day, end.month, end.day) != (1, 1, 12, 31) or start.year != end.year:
        return None
    return date(start.year + 1, 1, 1).isoformat(), date(start.year + 1, 12, 31).isoformat(), on.group().strip(), on.end()
