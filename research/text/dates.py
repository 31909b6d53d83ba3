"""Time expressions in article prose, resolved against publication (page dates: `research.text.pagedates`).

`find_time_expressions` and `resolve_dates` find time expressions in article
prose ("on Wednesday", "last week", "in June", "since August 2023", "by
December", "early to mid-October", "later in the day", "two weeks") and resolve
them against the article's publication date into a date range with a
granularity. The rules, for English news:

- a weekday is the most recent such day on or before publication (the
  publication day included); "last Monday" excludes the publication day;
- a month or a month and day without a year is the most recent one not after
  publication ("in June" published in October is this June, "in December"
  published in January is last December);
- a future marker before it in the sentence ("will", "plans to", "is expected",
  "next") or the prepositions "by"/"until" turn both forward: the first such day
  or month on or after publication ("by December" published in October 2024 is
  December 2024, published in January 2025 it is December 2025);
- "by"/"until" X is a deadline: from publication to the end of X; "since" X runs
  from the start of X to publication;
- "the week ended May 8" is the seven days ending on May 8;
- "the first six months of 2021" counts from the year's start ("the last two
  months of 2020" back from its end); "the first few months" runs from the
  year's start up to publication;
- weeks run Monday to Sunday; "last week" is the calendar week before the
  publication's week, "this month" the publication's month; "the past week" and
  "the last week" (with the article) are the 7 days up to publication, "the past
  two weeks" and "for two weeks" the 14 days up to it, "in two weeks" the 14
  days after it;
- a named era ("during World War II", "the Great Depression") spans its years;
- "Election Day" and "the November (midterm) election" are the US general
  election day nearest publication (the Tuesday after the first Monday of
  November);
- a past year before the noun it dates is that year ("the 2000 election", "A
  2014 study"; not "the 2000 troops"), and so is "as of 2008";
- a "by"/"until" deadline that ended before publication is a point reached, not
  a deadline ("a low of about $1 billion ... by 1991": as of 1991);
- "later in the day", "that day", "the next day" refer to the last day named
  before them in the article (publication day when none was).
"""

from __future__ import annotations

import bisect
import calendar
import re
from datetime import date, datetime, timedelta
from typing import NamedTuple

import pandas as pd

from research.text.pagedates import MONTHS

TIME_COLUMNS = ["article_id", "passage_id", "start", "end", "text", "kind", "granularity",
                "date_start", "date_end"]
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# Counts spelled out in time phrases; "a few"/"several" are taken as 3.
COUNT_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "a few": 3, "few": 3, "several": 3, "a couple of": 2,
}
VAGUE_COUNTS = ("a few", "few", "several")
# Days of a month that "early", "mid" and "late" cover.
MONTH_PARTS = {"early": (1, 10), "beginning": (1, 10), "start": (1, 10), "mid": (11, 20),
               "middle": (11, 20), "late": (21, 31), "end": (21, 31), "first": (1, 1), "last": (31, 31),
               "final": (31, 31)}  # "the first day of", "the last day of May": one day (the month's last)
DECADE_PARTS = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}

# After "by X" in its sentence, a past tense makes X the day of a state, not a deadline.
PAST = re.compile(r"\b(?:was|were|had|did)\b", re.IGNORECASE)
# A present or present perfect in the sentence makes "this year" the year so far ("have been halved this
# year", "output is down 4% this year").
PERFECT = re.compile(r"\b(?:has|have)\s+(?:(?:been|also|now|already|more than|\w+ly)\s+)*\w+(?:ed|en)\b|"
                     r"\b(?:is|are)\b", re.IGNORECASE)
# Between a length of time and the time it counts from: "two weeks [before] Independence Day".
OFFSET = re.compile(r"\s+(before|after|prior to)\s+", re.IGNORECASE)
# Before an expression in its sentence these make a bare weekday, date or month point
# forward ("will meet on Friday", "is expected in June"); otherwise news prose refers back.
FUTURE = re.compile(
    r"\b(?:will|shall|(?:is|are) (?:due|set|expected|scheduled|planned)|plans? to|aims? to|"
    r"to be held|upcoming)\b|['’]ll\b", re.IGNORECASE)

# Right before a time phrase, a past verb of saying that it dates ("will cut 1,200 jobs, it said on Monday").
SAID = re.compile(r"\b(?:said|told|announced|reported|added)\s+(?:\w+\s+)?$", re.IGNORECASE)

_WEEKDAY = r"(?P<weekday>(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))(?:['’]s)?"
_PART_OF_DAY = r"(?:\s+(?:morning|afternoon|evening|night))?"
_MONTH_NAME = (r"(?P<month>(?-i:January|February|March|April|May|June|July|August|September|October|"
               r"November|December)\b|(?-i:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?)")
# A year after a month or day: "2020", or relative to publication ("August last year", "March of next year").
_YEAR = (r"(?:\s*,?\s*(?P<year>(?:19|20)\d{2})\b|\s+(?:of\s+)?(?P<relyear>last|this|next)\s+year\b)?")
RELATIVE_YEARS = {"last": -1, "this": 0, "next": 1}
_COUNT = r"(?P<count>\d+|" + "|".join(sorted(COUNT_WORDS, key=len, reverse=True)) + r")"
_UNIT = r"(?P<unit>day|week|fortnight|month|year|decade)s?"
_PREP = r"(?:(?P<prep>on|in|by|since|until|till|from|during|through|last|this|next|of)\s+)?"

# (kind of phrase, pattern); where two overlap the longer wins, then the earlier listed.
TIME_PATTERNS = [
    ("week ended", re.compile(
        r"\b(?:(?P<prep>in|for|during|of)\s+)?(?:the\s+)?week\s+(?:ended|ending)\s+(?:on\s+)?(?:(?:Monday|Tuesday|"
        r"Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?" + _MONTH_NAME + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b"
        + _YEAR, re.IGNORECASE)),
    ("week of", re.compile(
        r"\b(?:(?P<prep>in|for|during|of)\s+)?(?:the\s+)?week\s+of\s+" + _MONTH_NAME + r"\s+(?P<day>\d{1,2})"
        r"(?:st|nd|rd|th)?\b" + _YEAR, re.IGNORECASE)),
    ("part of year", re.compile(
        r"\b" + _PREP + r"(?:the\s+|its\s+|their\s+)?(?:fiscal\s+)?(?P<nth>first|second|third|fourth|final|last|"
        r"1st|2nd|3rd|4th)[- ](?P<part>quarter|half)(?:\s+of\s+(?:fiscal\s+)?(?P<year>(?:19|20)\d{2})\b|\s+(?:of\s+)?"
        r"(?P<rel_year>last|this|next)\s+year\b)?", re.IGNORECASE)),
    ("first units", re.compile(  # "the first six months of 2021", "in the first few weeks of the year"
        r"\b" + _PREP + r"the\s+(?P<nth>first|last|final)\s+" + _COUNT + r"\s+(?P<unit>day|week|month)s?\s+of\s+"
        r"(?:(?P<year>(?:19|20)\d{2})\b|the\s+year\b|(?P<rel_year>last|this|next)\s+year\b)", re.IGNORECASE)),
    ("month part range", re.compile(
        r"\b" + _PREP + r"(?P<part>early|mid|late)(?:-|\s+)(?:to|and|or|-)\s*(?P<part2>early|mid|late)"
        r"[- ]" + _MONTH_NAME + _YEAR, re.IGNORECASE)),
    ("month part", re.compile(
        r"\b" + _PREP + r"(?:the\s+)?(?P<part>early|mid|late|end of|beginning of|middle of|start of|"
        r"(?:first|last|final) day of)"
        r"[- ]" + _MONTH_NAME + _YEAR, re.IGNORECASE)),
    ("calendar date", re.compile(
        r"\b" + _PREP + _MONTH_NAME + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b" + _YEAR,
        re.IGNORECASE)),
    ("calendar date", re.compile(
        r"\b" + _PREP + r"(?:the\s+)?(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH_NAME + _YEAR,
        re.IGNORECASE)),
    ("calendar date", re.compile(r"\b" + _PREP + r"(?P<iso>(?:19|20)\d{2}-\d{2}-\d{2})\b")),
    ("month", re.compile(r"\b" + _PREP + _MONTH_NAME + r"(?:\s*,?\s*(?P<year>(?:19|20)\d{2})\b|\s+(?:of\s+)?"
                         r"(?P<rel_year>last|this|next)\s+year\b)?", re.IGNORECASE)),
    ("weekday", re.compile(r"\b" + _PREP + _WEEKDAY + _PART_OF_DAY + r"\b", re.IGNORECASE)),
    ("relative day", re.compile(
        r"\b(?:(?P<prep>by|since|until)\s+)?(?P<rel>today|tonight|yesterday|tomorrow|"
        r"this (?:morning|afternoon|evening)|(?:later|earlier) (?:in the|that|the same) day|"
        r"(?:earlier|later) today|the same day|that day|the day before|the next day|"
        r"the following day|the previous day)\b", re.IGNORECASE)),
    ("era", re.compile(
        r"\b" + _PREP + r"(?:the\s+)?(?<!\d\s)(?P<era>(?-i:World War (?:II|I|One|Two)|(?:First|Second) World War|Great Depression|"
        r"Korean War|Vietnam War|Cold War|Gulf War))\b", re.IGNORECASE)),
    ("holiday", re.compile(
        r"\b" + _PREP + r"(?:the\s+)?(?P<holiday>(?-i:Fourth of July|July (?:Fourth|4th|4)|Independence Day|"
        r"Memorial Day|Labor Day|Thanksgiving(?: Day)?|Christmas(?: Day| Eve)?|New Year['’]s(?: Day| Eve)?|"
        r"Halloween|Juneteenth|Veterans Day|Presidents['’]? Day|Martin Luther King(?: Jr\.)? Day|Election Day|"
        r"November(?:['’]s)?(?: [a-z]+)? elections?))"
        r"(?P<weekend>(?:\s+holiday)?\s+weekend)?", re.IGNORECASE)),
    ("weekend", re.compile(
        r"\b(?P<prep>over|during|throughout|on|at|for|since)\s+the\s+(?:past\s+|long\s+)?(?P<holiday>holiday\s+)?"
        r"weekend\b", re.IGNORECASE)),
    ("season", re.compile(
        r"\b(?:(?P<rel>last|this|next|this past|past)\s+|(?P<prep>in|during|over|since|by|through)\s+the\s+)"
        r"(?P<season>spring|summer|fall|autumn|winter)\b(?:\s+of\s+(?P<year>(?:19|20)\d{2})\b)?", re.IGNORECASE)),
    ("day range", re.compile(
        r"\b" + _PREP + _MONTH_NAME + r"\s+(?P<day>\d{1,2})\s*(?:-|–|to|through)\s*(?:(?P<month2>(?-i:January|"
        r"February|March|April|May|June|July|August|September|October|November|December))\s+)?"
        r"(?P<day2>\d{1,2})\b(?!,\d)" + _YEAR, re.IGNORECASE)),
    ("period from", re.compile(
        r"\b(?:(?:over|in|during)\s+)?(?:the\s+course\s+of\s+)?an?\s+" + _COUNT + r"[- ](?P<unit>hour|day|week|month)"
        r"\s+(?:period|span|stretch|window)(?:\s+(?:starting|beginning|from)\s+(?:on\s+)?" + _WEEKDAY + r")?",
        re.IGNORECASE)),
    ("relative period", re.compile(
        r"\b" + _PREP + r"(?:(?P<the>the)\s+)?(?P<rel>last|this|next|past|previous|coming|earlier this|later this|"
        r"(?:the )?(?:end|start|beginning) of (?:the|this|next|last))\s+(?P<unit>week|weekend|month|year)\b"
        r"(?!\s+of\s+(?-i:[A-Z]))", re.IGNORECASE)),  # not "the last week of June"
    ("ago", re.compile(r"\b" + _COUNT + r"\s+" + _UNIT + r"\s+(?:ago|earlier)\b", re.IGNORECASE)),
    ("duration", re.compile(
        r"\b(?:(?P<prep>for|over|in|within|during)\s+)?(?:the\s+)?(?P<rel>past|last|next|coming)?\s*"
        r"(?:about\s+|nearly\s+|almost\s+|more than\s+)?" + _COUNT + r"\s+" + _UNIT + r"\b",
        re.IGNORECASE)),
    ("recent", re.compile(r"\b(?:(?:in|over)\s+)?(?:the\s+)?(?:recent|past|last)\s+"
                          r"(?P<unit>day|week|month|year)s\b", re.IGNORECASE)),
    ("year range", re.compile(
        r"\b(?P<year>(?:1[89]|20)\d{2})\s*[-–—]\s*(?P<year2>\d{2}|(?:1[89]|20)\d{2})\b(?![-–—]\d)")),
    ("year range", re.compile(  # "from 1965 to 1970", "between 2003 and 2009": the years from one to the other
        r"\b(?P<prep>from|between)\s+(?P<year>(?:1[89]|20)\d{2})\s+(?:to|through|until|till|and)\s+"
        r"(?P<year2>(?:1[89]|20)\d{2})\b", re.IGNORECASE)),
    ("decade", re.compile(
        r"\b" + _PREP + r"(?:the\s+)?(?:(?P<part>early|mid|late)[- ]?)?(?P<decade>(?:1[89]|20)\d0)['’]?s\b",
        re.IGNORECASE)),
    ("year", re.compile(
        r"\b(?:(?P<prep>in|since|by|until|from|during|through|early|late|as of)\s+)(?P<year>(?:19|20)\d{2})\b"
        r"(?![-–—]\d)", re.IGNORECASE)),
    # a year before the noun it dates: "the 2000 election", "A 2014 study", "the 1999 shooting death" (a past one
    # only; not "the 2000 troops", a count)
    ("year of", re.compile(
        r"\b(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|[Oo]ur|\w+['’]s)\s+(?P<year>(?:19|20)\d{2})"
        r"(?=\s+(?![a-z]+s\b)[A-Za-z])")),
]


class TimeSpan(NamedTuple):
    """A time expression found in a text and the date range it resolves to.

    `kind`: "date" (a day or period), "since" (from the period's start to
    publication), "deadline" ("by"/"until": from publication to the period's
    end), "duration" (a length of time placed before or after publication).
    `granularity`: day, week, month, part of month, year, decade. Dates are
    `datetime.date` or None when the publication date is unknown.
    """

    start: int
    end: int
    text: str
    kind: str
    granularity: str
    date_start: date | None
    date_end: date | None


def parse_published(published) -> date | datetime | None:
    """An ISO 8601 `published` value as a date (date only), a datetime (aware or naive), or None
    when empty or not ISO 8601.

    >>> parse_published("2024-10-23")
    datetime.date(2024, 10, 23)
    """
    if not isinstance(published, str) or not published.strip():
        return None
    published = published.strip()
    try:
        return date.fromisoformat(published) if len(published) == 10 else datetime.fromisoformat(published)
    except ValueError:
        return None


def reference_date(published) -> date | None:
    """The calendar date of an ISO 8601 `published` value as printed (None when empty or invalid).

    >>> reference_date("2024-10-23T06:55:00-04:00")
    datetime.date(2024, 10, 23)
    """
    moment = parse_published(published)
    return moment.date() if isinstance(moment, datetime) else moment


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def _shift(day: date, count: int, unit: str) -> date:
    """`day` moved by `count` units (negative: back); months and years by the calendar."""
    if unit in ("month", "year", "decade"):
        return _add_months(day, count * {"month": 1, "year": 12, "decade": 120}[unit])
    return day + timedelta(days=count * {"day": 1, "week": 7, "fortnight": 14}[unit])


def _count(text: str) -> int:
    text = " ".join(text.lower().split())
    return int(text) if text.isdigit() else COUNT_WORDS[text]


def _month_year(month: int, ref: date, forward: bool, strict: bool = False) -> int:
    """The year of the most recent `month` not after `ref` (first not before it when `forward`)."""
    if forward:
        return ref.year + (month < ref.month or (strict and month == ref.month))
    return ref.year - (month > ref.month or (strict and month == ref.month))


def _anchor_day(day: date, ref: date, forward: bool) -> date:
    """`day` (taken in `ref`'s year) moved a year so that it lies on or before `ref` (after if `forward`)."""
    if forward and day < ref:
        return day.replace(year=day.year + 1) if not (day.month == 2 and day.day == 29) else day
    if not forward and day > ref:
        return day.replace(year=day.year - 1) if not (day.month == 2 and day.day == 29) else day
    return day


def _with_prep(prep: str, granularity: str, first: date, last: date, ref: date) -> tuple:
    """(kind, granularity, start, end) for a period [first, last] after its preposition."""
    if prep == "since":
        return "since", granularity, first, max(ref, first)
    if prep in ("by", "until", "till"):
        return "deadline", granularity, min(ref, first), last
    return "date", granularity, first, last


def _resolve(kind: str, parts: dict, ref: date, forward: bool, anchor: date) -> tuple | None:
    """(kind, granularity, date_start, date_end) for one matched phrase, or None."""
    prep = (parts.get("prep") or "").lower()
    forward = forward or prep in ("by", "until", "till", "next")
    month = MONTHS.get((parts.get("month") or "").lower().rstrip("."))
    year = int(parts["year"]) if parts.get("year") else \
        ref.year + RELATIVE_YEARS[parts["relyear"].lower()] if parts.get("relyear") else None
    if kind in ("month part range", "month part"):
        part = parts["part"].lower().split()[0]
        year = year or _month_year(month, ref, forward)
        first = date(year, month, min(MONTH_PARTS[part][0], _month_end(year, month).day))
        last_day = MONTH_PARTS[(parts.get("part2") or part).lower().split()[0]][1]
        last = min(date(year, month, min(last_day, _month_end(year, month).day)), _month_end(year, month))
        return _with_prep(prep, "part of month", first, last, ref)
    if parts.get("rel_year"):  # "August last year", "the first quarter of next year"
        year = ref.year + {"last": -1, "this": 0, "next": 1}[parts["rel_year"].lower()]
    if kind == "week of":  # "the week of March 27, 2020": the Monday-to-Sunday week holding that day
        day = date(year or ref.year, month, int(parts["day"]))
        day = day if year else _anchor_day(day, ref, forward)
        return "date", "week", day - timedelta(days=day.weekday()), day + timedelta(days=6 - day.weekday())
    if kind == "first units":  # counted from the year's start or back from its end; "few" up to publication
        year = year or ref.year
        count, unit, vague = _count(parts["count"]), parts["unit"].lower(), parts["count"].lower() in VAGUE_COUNTS
        if parts["nth"].lower() == "first":
            first = date(year, 1, 1)
            last = min(date(year, 12, 31), ref) if vague and ref.year == year else \
                _shift(first, count, unit) - timedelta(days=1)
        else:
            last = date(year, 12, 31)
            first = _shift(last + timedelta(days=1), -count, unit)
        return _with_prep(prep, "part of year", first, last, ref)
    if kind == "part of year":  # "the fiscal first quarter", "the first half of 2022" (fiscal years as calendar ones)
        months = 3 if parts["part"].lower() == "quarter" else 6
        count = 12 // months
        nth = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}.get(
            parts["nth"].lower(), count)
        if nth > count:
            return None
        first_month = (nth - 1) * months + 1
        if year is None:  # the latest such part begun by publication (the next one when read forward)
            year = ref.year - (not forward and date(ref.year, first_month, 1) > ref) \
                + (forward and _month_end(ref.year, first_month + months - 1) < ref)
        return _with_prep(prep, "part of year", date(year, first_month, 1),
                          _month_end(year, first_month + months - 1), ref)
    if kind == "week ended":  # "the week ended May 8": the seven days that end on May 8
        day = date(year or ref.year, month, int(parts["day"]))
        day = day if year else _anchor_day(day, ref, forward)
        return "date", "week", day - timedelta(days=6), day
    if kind == "calendar date":
        if parts.get("iso"):
            day = date.fromisoformat(parts["iso"])
        else:
            day = date(year or ref.year, month, int(parts["day"]))
            day = day if year else _anchor_day(day, ref, forward)
        return _with_prep(prep, "day", day, day, ref)
    if kind == "month":
        if prep in ("last", "next", "this") and year is None:
            year = _month_year(month, ref, prep == "next", strict=prep != "this")
        year = year or _month_year(month, ref, forward)
        return _with_prep(prep, "month", date(year, month, 1), _month_end(year, month), ref)
    if kind == "weekday":
        weekday = WEEKDAYS.index(parts["weekday"].lower())
        if forward:
            delta = (weekday - ref.weekday()) % 7 or (7 if prep == "next" else 0)
            day = ref + timedelta(days=delta)
        else:
            delta = (ref.weekday() - weekday) % 7 or (7 if prep == "last" else 0)
            day = ref - timedelta(days=delta)
        return _with_prep(prep, "day", day, day, ref)
    if kind == "relative day":
        rel = " ".join(parts["rel"].lower().split())
        if rel in ("yesterday",):
            day = ref - timedelta(days=1)
        elif rel == "tomorrow":
            day = ref + timedelta(days=1)
        elif rel in ("the day before", "the previous day"):
            day = anchor - timedelta(days=1)
        elif rel in ("the next day", "the following day"):
            day = anchor + timedelta(days=1)
        elif "day" in rel:  # later in the day, that day, the same day
            day = anchor
        else:  # today, tonight, this morning, earlier today
            day = ref
        return _with_prep(prep, "day", day, day, ref)
    if kind == "relative period":  # "the last week" is the rolling "past week"; "last week" the calendar week
        rel = "past" if parts.get("the") and parts["rel"].lower() == "last" else parts["rel"].lower()
        return _relative_period(rel, parts["unit"].lower(), prep, ref)
    if kind == "era":  # "during World War II": the years a named era spans
        first, last = ERAS[parts["era"].replace("One", "I").replace("Two", "II").replace("First World War", "World War I")
                           .replace("Second World War", "World War II")]
        return _with_prep(prep, "year", date(first, 1, 1), date(last, 12, 31), ref)
    if kind in ("holiday", "weekend"):
        return _holiday_period(parts, prep, ref, forward)
    if kind == "season":
        return _season(parts, prep, ref, forward)
    if kind == "day range":
        first = date(year or ref.year, month, int(parts["day"]))
        first = first if year else _anchor_day(first, ref, forward)
        second = MONTHS[parts["month2"].lower()] if parts.get("month2") else month
        last = date(first.year + (second < month), second, int(parts["day2"]))
        return _with_prep(prep, "day", first, last, ref) if last > first else None
    if kind == "period from":  # "a 72-hour period starting Friday", "in a two-week period"
        count, unit = _count(parts["count"]), parts["unit"].lower()
        days = -(-count // 24) if unit == "hour" else (_shift(ref, count, unit) - ref).days
        if parts.get("weekday"):
            first = ref - timedelta(days=(ref.weekday() - WEEKDAYS.index(parts["weekday"].lower())) % 7)
            return "duration", "day", first, first + timedelta(days=days)
        return "duration", unit if unit != "hour" else "day", ref - timedelta(days=days), ref
    if kind == "ago":
        day = _shift(ref, -_count(parts["count"]), parts["unit"].lower())
        if parts["unit"].lower() == "year" and _count(parts["count"]) > 1:  # "two years ago" names that year;
            # "a year ago" stays the day a year back, the point a year-on-year change is measured from
            return "date", "year", date(day.year, 1, 1), date(day.year, 12, 31)
        return "date", parts["unit"].lower(), day, day
    if kind == "duration":
        count, unit = _count(parts["count"]), parts["unit"].lower()
        rel = (parts.get("rel") or "").lower()
        if rel in ("next", "coming") or (prep in ("in", "within") and not rel):
            return "duration", unit, ref, _shift(ref, count, unit)
        if rel in ("past", "last") or prep in ("for", "over", "during"):
            return "duration", unit, _shift(ref, -count, unit), ref
        return "duration", unit, None, None
    if kind == "recent":
        unit = parts["unit"].lower()
        return "date", unit, _shift(ref, -COUNT_WORDS["few"], unit), ref
    if kind == "year range":
        second = parts["year2"]
        last = int(second) if len(second) == 4 else int(parts["year"][:2] + second)
        if last <= int(parts["year"]):
            return None
        return _with_prep(prep, "year", date(int(parts["year"]), 1, 1), date(last, 12, 31), ref)
    if kind == "decade":
        decade = int(parts["decade"])
        low, high = DECADE_PARTS.get((parts.get("part") or "").lower(), (0, 9))
        return _with_prep(prep, "decade", date(decade + low, 1, 1), date(decade + high, 12, 31), ref)
    if kind == "year":
        if prep in ("early", "late"):
            first, last = (date(year, 1, 1), date(year, 4, 30)) if prep == "early" else \
                (date(year, 9, 1), date(year, 12, 31))
            return "date", "part of year", first, last
        return _with_prep(prep, "year", date(year, 1, 1), date(year, 12, 31), ref)
    if kind == "year of":
        return ("date", "year", date(year, 1, 1), date(year, 12, 31)) if year < ref.year else None
    raise AssertionError(kind)  # pragma: no cover


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The n-th `weekday` (0 = Monday) of a month; n = -1 is the last."""
    if n < 0:
        last = _month_end(year, month)
        return last - timedelta(days=(last.weekday() - weekday) % 7)
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


# US holidays: (month, day) or (month, weekday, n-th).
HOLIDAYS = {"fourth of july": (7, 4), "july fourth": (7, 4), "july 4th": (7, 4), "july 4": (7, 4),
            "independence day": (7, 4), "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
            "new year's": (1, 1), "new year's day": (1, 1), "new year's eve": (12, 31), "halloween": (10, 31),
            "juneteenth": (6, 19), "veterans day": (11, 11), "memorial day": (5, 0, -1), "labor day": (9, 0, 1),
            "thanksgiving": (11, 3, 4), "thanksgiving day": (11, 3, 4), "presidents day": (2, 0, 3),
            "president's day": (2, 0, 3), "presidents' day": (2, 0, 3), "martin luther king day": (1, 0, 3),
            "martin luther king jr. day": (1, 0, 3)}


# Named eras and their years: "the genocide of 6 million Jews during World War II".
ERAS = {"World War I": (1914, 1918), "World War II": (1939, 1945), "Great Depression": (1929, 1939),
        "Korean War": (1950, 1953), "Vietnam War": (1955, 1975), "Cold War": (1947, 1991), "Gulf War": (1990, 1991)}


def _election_day(year: int) -> date:
    """The US general election: the Tuesday after the first Monday of November."""
    return _nth_weekday(year, 11, 0, 1) + timedelta(days=1)


def _holiday_date(name: str, year: int) -> date:
    if "election" in name:
        return _election_day(year)
    rule = HOLIDAYS[name]
    return date(year, *rule) if len(rule) == 2 else _nth_weekday(year, rule[0], rule[1], rule[2])


def _holiday_period(parts: dict, prep: str, ref: date, forward: bool) -> tuple:
    """A holiday ("Independence Day") is its day, the most recent one not after publication (the next when
    `forward`, this year's after "this"); its weekend ("the Fourth of July holiday weekend") is the Saturday and Sunday next to it with
    the day off (a Sunday holiday is observed on Monday). "The weekend" is the latest Saturday and Sunday
    on or before publication, with the Monday for "the holiday weekend"."""
    if not parts.get("holiday") or parts["holiday"].strip().lower() == "holiday":
        saturday = ref - timedelta(days=(ref.weekday() - 5) % 7)
        last = saturday + timedelta(days=2 if parts.get("holiday") else 1)
        return _with_prep(prep if prep != "throughout" else "", "day", saturday, min(last, max(ref, saturday)), ref)
    name = " ".join(parts["holiday"].lower().replace("’", "'").split())
    if "election" in name:  # "Election Day", "the November midterm election": the nearest one, before or after
        day = min((_election_day(ref.year + shift) for shift in (-1, 0, 1)), key=lambda d: abs((d - ref).days))
        return _with_prep(prep, "day", day, day, ref)
    day = _holiday_date(name, ref.year)  # "this Memorial Day weekend": this year's
    if forward and day < ref and prep != "this":
        day = _holiday_date(name, ref.year + 1)
    elif not forward and day > ref and prep != "this":
        day = _holiday_date(name, ref.year - 1)
    if not parts.get("weekend"):
        return _with_prep(prep, "day", day, day, ref)
    observed = day + timedelta(days={5: -1, 6: 1}.get(day.weekday(), 0))
    saturday = observed - timedelta(days=(observed.weekday() - 5) % 7) if observed.weekday() in (0, 5, 6) \
        else observed + timedelta(days=5 - observed.weekday())
    return _with_prep(prep, "day", min(observed, saturday), max(observed, saturday + timedelta(days=1)), ref)


SEASONS = {"spring": (3, 5), "summer": (6, 8), "fall": (9, 11), "autumn": (9, 11), "winter": (12, 2)}


def _season(parts: dict, prep: str, ref: date, forward: bool) -> tuple:
    """Seasons as the meteorological ones (spring March-May, summer June-August, fall September-November,
    winter December-February): "last fall" is the last one that ended before publication, "this summer"
    the one of the publication year, "in the fall" the most recent one begun by publication."""
    first_month, last_month = SEASONS[parts["season"].lower()]
    rel = " ".join((parts.get("rel") or "").lower().split())

    def span(year):  # the season that starts in `year`
        return date(year, first_month, 1), _month_end(year + (last_month < first_month), last_month)

    if parts.get("year"):
        first, last = span(int(parts["year"]))
    elif rel == "next" or forward:
        first, last = next(span(y) for y in (ref.year - 1, ref.year, ref.year + 1) if span(y)[1] >= ref)
    elif rel == "last":
        first, last = [span(y) for y in (ref.year - 2, ref.year - 1, ref.year) if span(y)[1] < ref][-1]
    else:  # "this summer", "this past summer", "in the fall": the latest begun by publication
        first, last = [span(y) for y in (ref.year - 1, ref.year) if span(y)[0] <= ref][-1]
    return _with_prep(prep, "season", first, last, ref)


def _relative_period(rel: str, unit: str, prep: str, ref: date) -> tuple:
    """"last week", "this month", "earlier this month", "the end of the year", "the past week"."""
    if unit == "weekend":
        saturday = ref - timedelta(days=(ref.weekday() - 5) % 7)  # the latest Saturday on or before
        if rel in ("next", "coming"):
            saturday = ref + timedelta(days=(5 - ref.weekday()) % 7 or 7)
        elif rel == "this" and ref.weekday() < 5:
            saturday = ref + timedelta(days=5 - ref.weekday())
        elif rel in ("last", "past", "previous") and ref.weekday() >= 5:
            saturday -= timedelta(days=7)
        return _with_prep(prep, "day", saturday, saturday + timedelta(days=1), ref)
    if rel in ("past", "previous") and prep != "this":
        if rel == "past":  # rolling: the past week = the 7 days up to publication
            return _with_prep(prep or "", unit, _shift(ref, -1, unit), ref, ref)
        rel = "last"
    if unit == "week":
        monday = ref - timedelta(days=ref.weekday())
        offset = {"last": -7, "next": 7, "coming": 7}.get(rel.split()[-1], 0)
        first = monday + timedelta(days=offset)
        span = _with_prep(prep, "week", first, first + timedelta(days=6), ref)
    elif unit == "month":
        first = _add_months(ref.replace(day=1), {"last": -1, "next": 1, "coming": 1}.get(rel.split()[-1], 0))
        span = _with_prep(prep, "month", first, _month_end(first.year, first.month), ref)
    else:
        year = ref.year + {"last": -1, "next": 1, "coming": 1}.get(rel.split()[-1], 0)
        span = _with_prep(prep, "year", date(year, 1, 1), date(year, 12, 31), ref)
    kind, granularity, first, last = span
    if rel.startswith("earlier"):
        return kind, granularity, first, ref
    if rel.startswith("later"):
        return kind, granularity, ref, last
    if rel.startswith(("start of", "the start of", "beginning of", "the beginning of")):
        if unit == "year":
            return _with_prep(prep, "month", first, date(first.year, 1, 31), ref)
        return _with_prep(prep, "part of month" if unit == "month" else "day", first,
                          min(last, first + timedelta(days=9 if unit == "month" else 1)), ref)
    if rel.startswith(("end of", "the end of")):
        if unit == "year":
            return _with_prep(prep, "month", date(last.year, 12, 1), last, ref)
        return _with_prep(prep, "part of month" if unit == "month" else "day",
                          max(first, last - timedelta(days=10 if unit == "month" else 2)), last, ref)
    return span


def _matches(text: str) -> list[tuple[int, int, int, str, re.Match]]:
    """Non-overlapping pattern matches, longest first where they overlap."""
    found = []
    for order, (kind, pattern) in enumerate(TIME_PATTERNS):
        for match in pattern.finditer(text):
            found.append((match.start(), -(match.end() - match.start()), order, kind, match))
    chosen, taken = [], []  # `taken`: the spans chosen, disjoint and sorted
    for start, negative_length, order, kind, match in sorted(found, key=lambda item: (item[1], item[0], item[2])):
        end = start - negative_length
        before = bisect.bisect_left(taken, (end,))  # the span starting last before this one ends overlaps it or none
        if before and taken[before - 1][1] > start:
            continue
        taken.insert(before, (start, end))
        chosen.append((start, end, order, kind, match))
    return sorted(chosen)


SENTENCE_END = re.compile(r"[.?!]\s+(?=[A-Z“\"])")
# How far before and after a time phrase its sentence is read for the words that place it (characters).
SENTENCE_REACH = 1000


def find_time_expressions(text: str, published, anchor: date | None = None) -> list[TimeSpan]:
    """Time expressions in `text` resolved against the publication date `published`.

    `published` is ISO 8601 text (a date, or a date-time whose printed date is
    used); when it is empty the expressions are still found, with `date_start`
    and `date_end` None. `anchor` is the day the narrative is on before `text`
    (for "later in the day"); it defaults to the publication day. Offsets are
    into `text`.

    >>> [(t.text, str(t.date_start)) for t in find_time_expressions("said on Tuesday", "2024-10-23")]
    [('on Tuesday', '2024-10-22')]
    """
    ref = reference_date(published)
    known = ref is not None
    ref = ref or date(2000, 1, 1)  # placeholder that keeps the rules running; dates are dropped
    anchor = anchor or ref
    spans = []
    for start, end, _, kind, match in _matches(text):
        low = max(0, start - SENTENCE_REACH)  # a sentence longer than that is read near the phrase only
        sentence_start = max(max(text.rfind(mark, low, start) for mark in (". ", "? ", "! ")) + 1, low)
        following_end = SENTENCE_END.search(text, end, end + SENTENCE_REACH)
        sentence_end = following_end.start() if following_end else min(len(text), end + SENTENCE_REACH)
        forward = bool(FUTURE.search(text, sentence_start, start)) and not SAID.search(text, max(0, start - 30), start)
        parts = match.groupdict()
        if (parts.get("prep") or "").lower() == "by" and not forward and PAST.search(text, end, sentence_end):
            parts["prep"] = "on"  # "By Tuesday, 37.3% of adults were vaccinated": as of Tuesday, not a deadline
        try:
            resolved = _resolve(kind, parts, ref, forward, anchor)
        except ValueError:  # an impossible date such as February 30
            continue
        if resolved is None:
            continue
        kind, granularity, first, last = resolved
        if kind == "deadline" and last < ref:
            kind = "date"  # "to a low of about $1 billion ... by 1991": a point reached before publication, as of then
        if (parts.get("rel") or "").lower() == "this" and not forward and PERFECT.search(text, sentence_start,
                                                                                          sentence_end):
            last = min(last, ref)  # "have been halved this year": the year so far
        offset = spans and spans[-1].kind == "duration" and spans[-1].date_start is None and \
            OFFSET.fullmatch(text, spans[-1].end, start)
        if offset:  # "two weeks before Independence Day": the day that far from it
            count, unit = re.match(r"\s*(?:\w+\s+)*?" + _COUNT + r"\s+" + _UNIT, spans[-1].text, re.IGNORECASE).group(
                "count", "unit")
            sign = -1 if offset.group(1).lower() in ("before", "prior to") else 1
            first = last = _shift(first if sign < 0 else last, sign * _count(count), unit.lower())
            start, kind, granularity = spans.pop().start, "date", "day"
        if granularity == "day" and first is not None and first == last:
            anchor = first
        spans.append(TimeSpan(start, end, text[start:end], kind, granularity,
                              first if known else None, last if known else None))
    return spans


def resolve_dates(passages: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Time expressions in `passages`, resolved against each article's `published`.

    Passages are read in text order per article, so "later in the day" refers
    to the last day named before it in the same article. Returns
    `TIME_COLUMNS`: `article_id`, `passage_id`, `start`, `end` (offsets into
    the article text), `text`, `kind` (date, since, deadline, duration),
    `granularity`, `date_start`, `date_end` (ISO date text, "" when the
    publication date is unknown).
    """
    published = articles.set_index("article_id")["published"] if "published" in articles else pd.Series()
    rows = []
    for article_id, group in passages.sort_values(["article_id", "start"]).groupby("article_id", sort=True):
        reference = published.get(article_id, "")
        anchor = None
        for passage in group.itertuples(index=False):
            for span in find_time_expressions(passage.text, reference, anchor):
                if span.granularity == "day" and span.date_start == span.date_end:
                    anchor = span.date_start
                rows.append((article_id, passage.passage_id, passage.start + span.start, passage.start + span.end,
                             span.text, span.kind, span.granularity,
                             span.date_start.isoformat() if span.date_start else "",
                             span.date_end.isoformat() if span.date_end else ""))
    return pd.DataFrame(rows, columns=TIME_COLUMNS).astype({"start": "int64", "end": "int64"})
