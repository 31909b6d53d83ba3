"""The period a figure refers to: the time phrases of its sentence, read against publication.

`figure_period(text, quantity, others, times, published)` gives the as-of
period of one figure of a sentence from the sentence's time expressions
(`research.text.dates.find_time_expressions`): a "since", "by" or duration
phrase after the figure, else the nearest date in the same clause, never one
across another figure, behind a relative clause that dates something else ("the
invasion that began in February 2022"), a reference point ("the lowest since
March 2020") or a baseline ("from 2019"); "from Friday through Sunday" is one
period. Without one it is the publication date.
"""

from __future__ import annotations

import re

from research.claims.quantities import Quantity
from research.text.dates import reference_date


def _clause_blocked(text: str, left: int, right: int, relative: bool) -> bool:
    """True when a clause boundary (or, with `relative`, a relative clause) separates text[left:right]."""
    pattern = r";|,\s+(?:but|while|whereas|although)\b|\s—\s"
    if relative:
        pattern += r"|\b(?:that|which|who|when|where)\b"
    return bool(re.search(pattern, text[left:right]))


def figure_period(text: str, quantity: Quantity, others: list[Quantity], times: list, published) -> tuple:
    """(asof_start, asof_end, asof_text) of a figure from the time expressions of its sentence."""
    usable = []
    day = reference_date(published)
    times = _joined(text, times)
    for time in times:
        if day is not None and time.date_start is None:
            continue  # "more than a year": a length of time, not placed
        if REFERENCE_POINT.search(text, max(0, time.start - 45), time.start):
            continue  # "the lowest since March 2020": a point of comparison, not the figure's period
        if time.text.lower().startswith("from") and any(o.start > time.end for o in times):
            continue  # "fell 29.4% from 2019 ... in 2020": the baseline, not the period
        left, right = sorted((quantity.start, time.start))
        right = max(right, min(quantity.end, time.end))
        if any(left < other.start < right and other != quantity for other in others):
            continue  # another figure stands between them
        after = quantity.end + len(re.match(r"\s*" + re.escape(quantity.subject), text[quantity.end:]).group()) \
            if text[quantity.end:].lstrip().startswith(quantity.subject) else quantity.end
        own = re.match(r"\s*(?:that|which|who)\b", text[after:time.start])  # "the 1,500 that X reported last week"
        if time.start > quantity.end and _clause_blocked(text, after + (own.end() if own else 0), time.start,
                                                         relative=True):
            continue  # "12,000 troops ... in the invasion that began in February 2022"
        if time.end < quantity.start and _clause_blocked(text, time.end, quantity.start, relative=False):
            continue
        bound = time.kind in ("since", "deadline", "duration") and time.start > quantity.start
        usable.append((not bound, abs(time.start - quantity.start), time))
    if usable:
        time = min(usable, key=lambda item: item[:2])[2]
        if time.date_start is None:
            return "", "", time.text
        return time.date_start.isoformat(), time.date_end.isoformat(), time.text
    return (day.isoformat(), day.isoformat(), "") if day else ("", "", "")


# Words before "since X" or "in X" that make X a point of comparison: "the lowest since March 2020".
REFERENCE_POINT = re.compile(r"\b(?:lowest|highest|biggest|largest|smallest|best|worst|most|least|fewest|"
                             r"record|first time|strongest|weakest|fastest|slowest)\b[^.;]*$", re.IGNORECASE)
# Two time phrases that make one period: "from Friday through Sunday", "between May and June".
PERIOD_JOIN = re.compile(r"\s*(?:through|thru|to|and|until|till|-|–)\s*$")


def _joined(text: str, times: list) -> list:
    """Time phrases with "X through Y", "X and Y", "X to Y" joined into one period from X's start
    to Y's end (when Y ends after X starts)."""
    joined = []
    for time in times:
        gap = text[joined[-1].end:time.start] if joined else ""
        if joined and (PERIOD_JOIN.fullmatch(gap) or (not gap.strip() and PERIOD_JOIN.fullmatch(
                " " + time.text.split()[0]))) and time.date_start is not None \
                and joined[-1].date_start is not None and joined[-1].date_start <= time.date_end:
            first = joined.pop()
            time = first._replace(end=time.end, text=text[first.start:time.end], date_end=time.date_end,
                                  kind="date")
        joined.append(time)
    return joined
