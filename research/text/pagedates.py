"""Dates as news pages print them.

`find_page_date` reads the publication date off a header line ("Oct. 23, 2024,
6:55 a.m. ET", "Wednesday, October 23, 2024", "Created at 2024-10-23 13:35:02")
and returns it as ISO 8601: a date ("2024-10-23") when the line gives no time, a
date-time with its offset when it names a time zone, and a naive date-time when it
gives a time but no zone (we never invent a zone). `has_date` tells whether a line
carries such a date; `MONTHS` maps month names and abbreviations to numbers.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}

# Zone abbreviations that news pages print after a time. Named regions follow
# daylight saving (ET is EDT in October); explicit EST/EDT are fixed offsets.
ZONES = {
    "ET": ZoneInfo("America/New_York"),
    "CT": ZoneInfo("America/Chicago"),
    "MT": ZoneInfo("America/Denver"),
    "PT": ZoneInfo("America/Los_Angeles"),
    "EST": timezone(timedelta(hours=-5)),
    "EDT": timezone(timedelta(hours=-4)),
    "CST": timezone(timedelta(hours=-6)),
    "CDT": timezone(timedelta(hours=-5)),
    "PST": timezone(timedelta(hours=-8)),
    "PDT": timezone(timedelta(hours=-7)),
    "GMT": UTC,
    "UTC": UTC,
    "BST": timezone(timedelta(hours=1)),
    "CET": timezone(timedelta(hours=1)),
    "CEST": timezone(timedelta(hours=2)),
    "KST": timezone(timedelta(hours=9)),
}

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_TIME = (
    r"(?:,?\s*(?:at\s+)?(?P<hour>\d{1,2})(?::(?P<minute>\d{2}))?\s*"
    r"(?P<ampm>[ap])\.?\s?m\.?"
    r"(?:\s+(?P<zone>" + "|".join(ZONES) + r")\b)?)?"
)
MONTH_FIRST = re.compile(
    r"\b" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d{2})\b" + _TIME,
    re.IGNORECASE,
)
DAY_FIRST = re.compile(
    r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<year>(?:19|20)\d{2})\b" + _TIME,
    re.IGNORECASE,
)
ISO = re.compile(
    r"\b(?P<year>(?:19|20)\d{2})-(?P<month>\d{2})-(?P<day>\d{2})"
    r"(?:[T ](?P<hour>\d{2}):(?P<minute>\d{2})(?::(?P<second>\d{2}))?"
    r"(?P<offset>Z|[+-]\d{2}:?\d{2})?)?\b"
)
# Any of the above, for telling whether a line carries a date at all.
DATE_PATTERNS = (ISO, MONTH_FIRST, DAY_FIRST)


def find_page_date(text: str) -> str | None:
    """Return the first date in `text` as an ISO 8601 string, or None.

    >>> find_page_date("Oct. 23, 2024, 6:55 a.m. ET")
    '2024-10-23T06:55:00-04:00'
    >>> find_page_date("- The Washington Times - Wednesday, October 23, 2024")
    '2024-10-23'
    """
    found = []
    for pattern in DATE_PATTERNS:
        match = pattern.search(text)
        if match:
            found.append((match.start(), pattern, match))
    if not found:
        return None
    _, pattern, match = min(found, key=lambda item: item[0])
    parts = match.groupdict()
    month = int(parts["month"]) if pattern is ISO else MONTHS[parts["month"].lower()]
    try:
        day = date(int(parts["year"]), month, int(parts["day"]))
    except ValueError:
        return None
    if not parts.get("hour"):
        return day.isoformat()
    hour = int(parts["hour"])
    if parts.get("ampm"):
        hour = hour % 12 + (12 if parts["ampm"].lower() == "p" else 0)
    try:  # a time that cannot be ("25:00", "+99:00") makes the whole date not understood, as a bad day does
        moment = datetime(day.year, day.month, day.day, hour, int(parts.get("minute") or 0),
                          int(parts.get("second") or 0))
        zone = parts.get("zone")
        offset = parts.get("offset")
        if zone:
            moment = moment.replace(tzinfo=ZONES[zone.upper()])
        elif offset:
            moment = datetime.fromisoformat(moment.isoformat() + ("+00:00" if offset == "Z" else offset))
    except ValueError:
        return None
    return moment.isoformat()


def has_date(text: str) -> bool:
    """True when `text` contains a calendar date in one of the forms above."""
    return any(pattern.search(text) for pattern in DATE_PATTERNS)
