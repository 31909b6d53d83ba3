"""The period a figure refers to: the time phrases of its sentence, read against publication.

`figure_period(text, quantity, others, times, published, forecast)` gives the
as-of period of one figure of a sentence from the sentence's time expressions
(`research.text.dates.find_time_expressions`): a "since", "by" or duration
phrase after the figure, else the nearest date (by the gap between the
phrases), never one behind a baseline figure ("6.1% from 6% in March"), across
a clause (a dash apposition, "— representing 9.8 million", ends none) or inside
a relative clause that dates something else ("the invasion that began in
February 2022"); not a
reference point ("the lowest since March 2020"), a comparison ("more than in
2019"), a baseline ("from 2019"), a release day ("Data released Thursday") or
the deadline of an act ("With an Aug. 31 deadline looming"), the point a span runs up to ("before Sept. 11,
2001"), nor, for a figure stated as fact, a time wholly after publication ("will stand trial in March 2022") or a
window from publication on ("within the next 90 days", `_window_ahead`; money over it keeps it);
"from Friday through Sunday" is one period, and "from X to Y" over a span dates X at its start and Y at its
end; a span of no stated length ("in recent weeks") is publication. Without one it is the publication date,
and ages always are; a figure hyphenated to its unit ("a seven-count indictment", `compound`) takes only a
day. `prior_period` counts "the prior week" back from the period of the data, `averaged` widens a
"seven-day average" to its days, `stated_periods`, `carried_period`, `CARRY_REACH`, `goes_on` and
`narrated_forecast` (a forecast told in the past) give the periods a later figure without a time goes on with (not one still running at publication, "earlier this
month", nor one named more than four sentences before), and when it does. `joined` makes "X through Y" one
phrase, a part of a month ended by publication ("in late August") the whole month, "the 12 months that ended
in June" the 12 months to the end of June, and leaves out dates that name an event ("the Jan. 6 select
committee"). A time inside a "before"/"ahead of" phrase dates the event it names; a figure projected or
forecast, or money over a span ahead ("over the next nine months"), takes a time after publication;
`field_dates` and `poll_dates` give a poll's field dates to the poll's figures near them, `poll_runs`
those of a methodology sentence ("The poll was conducted Sept. 19 to 22") to its paragraph and to the shares
told after the poll is named; `quote_days` the day a speaker spoke ("On July 6, 2015, Sanders made the following
comment:") to the figures of the quotation that follows; `stated_now` (ages, a plan's size or what it holds) and `ranked` ("the
top 2 percent") take no carried period.
A year before a noun ("the 2012 election", "A 2014 study") dates a figure only where it places it (`_year_of`).
A deadline right after a figure and its noun ("installing 500 million solar panels by 2020") makes it a target.
"because", "though" and a leading "Though ...," clause (`_leading_clause`) end a figure's clause, and so does a
relative clause opened after another verb phrase between a time and the figure after it
(`research.claims.time_clauses.relative_after_verb`: "took effect early Friday morning, hours after both sides agreed to end
... fighting that had claimed hundreds of lives").
"""

from __future__ import annotations

import bisect
import functools
import operator
import re
from datetime import date, timedelta

from research.claims.quantities import NUMBER_WORDS, Quantity
from research.claims.time_clauses import acted_by_name, relative_after_verb
from research.text.chunks import tag_words
from research.text.dates import (
    _COUNT,
    _UNIT,
    _add_months,
    _count,
    _month_end,
    _shift,
    reference_date,
)
from research.text.quotes import quoted_ranges

# How far from a figure (characters) a time phrase may be and still be its period: each figure costs the
# same whatever the length of its sentence.
REACH = 400
START = operator.attrgetter("start")


# A clause that opens its sentence with a conjunction of concession, cause or condition, up to its comma: "Though he
# has given more than $60 million to his campaign, he established a fundraising pact ... in May".
LEADING_CLAUSE = re.compile(r"(?:^|[.!?][”\"’]?\s+)(?:Even though|Though|Although|While|Because|If|Unless|Whereas)\b[^,;.]*$")


def _leading_clause(text: str, quantity: Quantity, time) -> bool:
    """True when `quantity` is in a sentence's leading "Though ..." clause and `time` after that clause's comma."""
    return bool(LEADING_CLAUSE.search(text, 0, quantity.start)) and "," in text[quantity.end:time.start]


def _clause_blocked(text: str, left: int, right: int, relative: bool) -> bool:
    """True when a clause boundary (or, with `relative`, a relative clause) separates text[left:right]."""
    pattern = r";|,\s+(?:but|while|whereas|although|(?:even\s+)?though|because)\b|\s—\s"
    if relative:  # after the figure, also a clause of its own: ", as claims reached a low", ", likely triggering"
        # ", according to a poll released Saturday": the source's own phrase ends no clause, the one after it does
        pattern += r"|\b(?:that|which|who|when|where|because)\b|,\s+(?!according\b)(?:as|(?:\w+ly\s+)?[a-z]+ing)\b" \
            r"|,\s+according\b[^;]*,"
    return bool(re.search(pattern, text[left:right]))


def figure_period(text: str, quantity: Quantity, others: list[Quantity], times: list, published,
                  forecast: bool = False) -> tuple:
    """(asof_start, asof_end, asof_text) of a figure from the time expressions of its sentence (`times`,
    as `joined` gives them; see the module docstring); `forecast`: the figure is expected or planned, so a
    deadline dates it."""
    day = reference_date(published)
    # a deadline right after the figure and its noun is its target: "installing 500 million solar panels by 2020"
    forecast = forecast or bool(PROJECTED.search(quantity.subject)) or any(
        time.kind == "deadline" and day is not None and time.date_end is not None and time.date_end > day
        and re.fullmatch(r"(?:\s+[\w’'-]+){0,3}\s+", text[quantity.end:time.start]) for time in times)
    if stated_now(quantity, text):
        return (day.isoformat(), day.isoformat(), "") if day else ("", "", "")
    usable = []
    if compound(text, quantity):  # "a seven-count indictment accused Mr. Barrack of lying during a June 2019 interview"
        times = [time for time in times if time.granularity == "day"]
    near = times[bisect.bisect_left(times, quantity.start - REACH, key=START):
                 bisect.bisect_right(times, quantity.start + REACH, key=START)]  # both in text order
    when = next((time for time in near if time.end <= quantity.start and time.date_start is not None
                 and (WHEN.fullmatch(text, time.end, quantity.start) or _year_of(text, time, quantity))), None)
    if when:  # "since March 14, 2020, when there were 256,000 applicants": the figure of that time
        return when.date_start.isoformat(), _point_end(when).isoformat(), when.text
    # a time wholly after publication dates a forecast, not a figure stated as fact: "The three other former
    # officers ... will stand trial in March 2022", "1 million kids, will be back in their classroom in September"
    times = [time for time in near if _a_period(text, time, forecast) and _year_of(text, time, quantity) is not False
             and (forecast or day is None or time.date_start is None or time.date_start <= day)
             and (forecast or day is None or quantity.kind == "money" or not _window_ahead(time, day))]
    for time in times:
        if day is not None and time.date_start is None or re.match(r"\s+levels?\b", text[time.end:]) or (
                quantity.kind == "money" and time.kind == "duration" and time.start > quantity.start
                and not AHEAD.search(time.text)):
            continue  # "more than a year": a length of time; "from 2005 levels"; "$1 trillion over five years"
        if (time.text.lower().startswith("from") and not re.search(r"\s(?:to|through|thru|until|till|and)\s",
                                                                  time.text) and (len(times) > 1 or quantity.kind == "change")) \
                or quantity.kind == "change" and re.search(r"\bfrom\s+(?:(?:the|a|an)\s+)?(?:same\s+\w+\s+)?$",
                                                           text[max(0, time.start - 30):time.start]):
            continue  # "fell 29.4% from 2019 in 2020", "up 58% from a year ago": the baseline, not the period
        left, right = sorted((quantity.start, time.start))
        right = max(right, min(quantity.end, time.end))
        between = others[bisect.bisect_right(others, left, key=START):bisect.bisect_left(others, right, key=START)]
        if any(other != quantity and _own_period(text, other) for other in between):
            continue  # a baseline figure stands between them ("6.1% from 6% in March")
        subject = re.compile(r"\s*" + re.escape(quantity.subject)).match(text, quantity.end)
        after = subject.end() if subject else quantity.end
        own = re.match(r"\s*(?:that|which|who)\b", text[after:time.start])  # "the 1,500 that X reported last week"
        if time.start > quantity.end and (_clause_blocked(text, after + (own.end() if own else 0), time.start,
                                                          relative=True) or _leading_clause(text, quantity, time)):
            continue  # "12,000 troops ... in the invasion that began in February 2022"
        if time.end < quantity.start and _clause_blocked(text, time.end, quantity.start, relative=False) \
                and not APPOSITION.search(text, max(0, quantity.start - 30), quantity.start):
            continue
        if time.end < quantity.start and relative_after_verb(text, time.end, quantity.start):
            continue  # "took effect early Friday morning, hours after ... fighting that had claimed hundreds of lives"
        bound = time.kind in ("since", "deadline", "duration") and time.start > quantity.start
        # nearness is the gap between the two phrases: "fallen this year from 900,000 at the start of the year"
        usable.append((not bound, time.start - quantity.end if time.start >= quantity.end else
                       max(0, quantity.start - time.end), time))
    if usable:
        time = min(usable, key=lambda item: item[:2])[2]
        if time.date_start is None:
            return "", "", time.text
        if VAGUE.search(time.text) and day is not None:
            return day.isoformat(), day.isoformat(), time.text
        period = _endpoint(text, quantity, time.date_start, time.date_end) + (time.text,)
        return averaged(period, quantity.subject) if time.date_start == time.date_end and quantity.kind != "change" \
            else period
    return (day.isoformat(), day.isoformat(), "") if day else ("", "", "")


def _window_ahead(time, day) -> bool:
    """True for a length of time that runs from publication on ("within the next 90 days", "within 90 days"): it
    dates what is expected or ordered, not a figure stated as fact ("could fall to the Taliban within the next 90
    days, two sources familiar with the matter confirmed")."""
    return time.kind == "duration" and time.date_start is not None and time.date_start >= day \
        and time.date_end is not None and time.date_end > day


# A span from publication on: "over the next nine months", "for the coming decade"; money over it is its amount.
AHEAD = re.compile(r"\b(?:next|coming)\b", re.IGNORECASE)


# A participle of forecasting in a figure's subject makes it a forecast: "the 2.1 percent growth rate projected by the
# I.M.F." for "next year".
PROJECTED = re.compile(r"\b(?:projected|forecast|predicted|expected)\b")


# Nouns whose size an amount names: "the $1.2 trillion infrastructure bill", "a $3.5 trillion package".
SIZED = frozenset("bill bills package plan proposal agenda measure deal budget framework legislation".split())


def stated_now(quantity: Quantity, text: str = "") -> bool:
    """True for a figure stated as of publication whatever the times around it: an age, or the size of a bill
    or plan, not dated by what happens to it ("will pass the $1.2 trillion infrastructure bill this week"), nor
    what such a plan holds (in `text`: "put a counter-proposal on the table that included $800 billion")."""
    return quantity.kind == "age" or quantity.kind == "money" and (quantity.head.lower().split()[-1:] in (
        [noun] for noun in SIZED) or bool(HOLDS.search(text, max(0, quantity.start - 80), quantity.start)))


# Before money, a plan that holds it: "a counter-proposal on the table that included $800 billion".
HOLDS = re.compile(r"(?:" + "|".join(sorted(SIZED)) + r")\b[^.;,]{0,40}?\b(?:that|which)\s+(?:\w+\s+)?(?:includ|contain)\w*"
                   r"\s+(?:(?:about|nearly|almost|roughly|some|more than|at least|up to)\s+)?[$€£]?$", re.IGNORECASE)


def compound(text: str, quantity: Quantity) -> bool:
    """True for a figure joined by a hyphen to the unit before its noun ("a 22-page memo", "a seven-count
    indictment", "the 109-mile fence"): it sizes the thing as it stands, so only a day its sentence names dates it,
    never a longer period of the sentence or one named before."""
    return bool(re.match(r"-[a-z]", text[quantity.end:quantity.end + 2])
                or re.search(r"\d-[a-z]+$", text[quantity.start:quantity.end]))


# Before a share, a rank that makes it a group of people as it stands: "tax rates for the top 2 percent", "the
# wealthiest 1 percent"; a period named before dates no such group.
RANKED = re.compile(r"\b(?:top|bottom|richest|wealthiest|poorest|highest-earning|lowest-earning)\s+$", re.IGNORECASE)


def ranked(text: str, quantity: Quantity) -> bool:
    """True for a share that names a group by rank ("the top 2 percent"): it takes no period named before it."""
    return quantity.kind == "percent" and bool(RANKED.search(text, max(0, quantity.start - 20), quantity.start))


# Right before a figure, a dash that opens a phrase about the figure before it, not a clause of its own: "6.1% in
# April — representing 9.8 million", "over the last seven days — up 47.5 percent".
APPOSITION = re.compile(r"\s[—–]\s+(?:(?:up|down|or|representing|equal to|a (?:rise|drop|decline|increase|decrease) "
                        r"of)\s+)?(?:(?:about|nearly|almost|roughly|some|more than|over)\s+)?[$€£]?$")


# Between a time phrase and a figure of a clause about that time: ", when".
WHEN = re.compile(r"\s*,\s*when\b[^,;.]*")
# A year before the noun it dates ("the 2000 election", "A 2014 study", `research.text.dates`) dates a figure only
# when it places it: after "in", "during", "after" or "at" ("Democrats used in the 2012 election"), opening its
# sentence ("A 2014 study ... found 31 incidents") or before a "when" clause ("the 2000 election in Florida, when
# ... about 12,000"); not "to revive a 2015 nuclear deal" or "chairman of Trump's 2017 inaugural fund".
YEAR_OF = re.compile(r"(?:the|an?|his|her|its|their|our|\w+['’]s)\s+(?:19|20)\d{2}", re.IGNORECASE)
YEAR_PLACED = re.compile(r"(?:\b(?:in|during|after|at)\s+|^\s*|[.!?][”\"’]?\s+)$", re.IGNORECASE)
NOUN_WHEN = re.compile(r"(?:\s+[\w-]+){1,3}" + WHEN.pattern)


def _year_of(text: str, time, quantity: Quantity) -> bool | None:
    """For a year before a noun (`YEAR_OF`): True when it dates `quantity` through a "when" clause, False when it
    does not place the figure, None (a time like any other) when it does; None for other times too."""
    if not YEAR_OF.fullmatch(time.text):
        return None
    if time.end <= quantity.start and NOUN_WHEN.fullmatch(text, time.end, quantity.start):
        return True
    if YEAR_PLACED.search(text, max(0, time.start - 12), time.start):
        return None
    return False


def _point_end(time) -> date:
    """The end of the time a phrase names, "since" aside: "since August last year" names August."""
    if time.kind != "since":
        return time.date_end
    if time.granularity == "month" or time.granularity == "part of month" and time.date_start.day > 20:
        return _month_end(time.date_start.year, time.date_start.month)
    if time.granularity == "part of month":  # early, mid
        return time.date_start + timedelta(days=9)
    if time.granularity == "year":
        return date(time.date_start.year, 12, 31)
    return time.date_start + timedelta(days=6 if time.granularity == "week" else 0)


# A date that names a deadline: "With an Aug. 31 deadline looming", "the Sept. 30 cutoff".
DEADLINE_NOUN = re.compile(r"\s+(?:deadline|cutoff|cut-off|target date)\b")


def _a_period(text: str, time, forecast: bool) -> bool:
    """False for a time phrase that is not a figure's period: a point of comparison ("the lowest since March
    2020", "more than in 2019"), a release date ("Data released Thursday", "in a Sept. 14 report"), the
    deadline of an act rather than of a target ("racing to pass it by the end of the week"), the span since the
    last time ("its first ballistic missile test in six months"), the point a span runs up to ("before Sept. 11")."""
    clause = max(text.rfind(",", max(0, time.start - 150), time.start), text.rfind("—", max(0, time.start - 150),
                                                                                  time.start), time.start - 150, 0)
    return not (REFERENCE_POINT.search(text, clause, time.start) or BASELINE.search(text, max(0, time.start - 25),
                                                                                     time.start)
                or (time.granularity == "day" and (RELEASED.search(text, max(0, time.start - 60), time.start)
                                                   or RELEASE_NOUN.match(text, time.end))
                    and not POLL_RELEASED.search(text, max(0, time.start - 40), time.start))
                or ((time.kind == "deadline" or DEADLINE_NOUN.match(text, time.end)) and not forecast)
                or (time.kind == "duration" and re.search(r"\b(?:first|only)\b[^.;]*$", text[clause:time.start]))
                or BEFORE.search(text, max(0, time.start - 60), time.start))


# Before a date, the point the figure's time runs up to, not its period: "support given to two Saudi hijackers
# before Sept. 11, 2001", "prior to March 2020", "ahead of the Jan. 3 caucuses"; a time inside the phrase dates the
# event it names: "in advance of Mr. Ryan's visit there on Thursday", "before the 112th Congress takes over in January".
BEFORE = re.compile(r"\b(?:before|prior to|(?:ahead|in advance) of)\s+(?:[\w.’'-]+\s+){0,6}$",
                    re.IGNORECASE)


def goes_on(text: str, quantity: Quantity) -> bool:
    """True when a figure without a time phrase goes on with the period named before it: its sentence
    narrates in the past ("the unemployment rate ticked up to 6.1%"), with no present or modal verb before
    the end of the figure's clause ("only 84 of the 143 districts have reported", "Republicans say the $300
    supplement", "could bolster ... the 600-mile-long front"); never a vague amount ("tens of thousands"), a rough
    size no release dates."""
    if quantity.qualifier == "vague":
        return False
    right = next((m.start() for m in CLAUSE_END.finditer(text, quantity.end, quantity.end + REACH)), len(text))
    past, present = _tenses(text)
    return past and present > right


def narrated_forecast(text: str, quantity: Quantity) -> bool:
    """True when a forecast is told in the past ("Forecasters had anticipated that the economy would add nearly 1
    million ... jobs"): a past-tense verb before the figure and no present-tense one (the tagger's VBD, VBZ and VBP;
    asides aside; modals are the forecast's own). Only such a forecast goes on with the period named before it; one
    told in the present or as a hypothetical ("Nike holds $10.7 billion offshore and would owe $3.6 billion", "the
    Ricketts family will donate $1million") is as of publication."""
    before = [token.pos for token in tag_words(ASIDE.sub(lambda match: " " * len(match.group()), text))
              if token.end <= quantity.start]
    return "VBD" in before and not any(tag in ("VBZ", "VBP") for tag in before)


@functools.lru_cache(maxsize=16)
def _tenses(text: str) -> tuple[bool, int]:
    """(a past tense in `text`, where its first present or modal verb ends; past the end when none), the
    asides aside: "The four-week moving average, which smoothes out volatility and is considered a more
    reliable gauge, rose by 750" narrates in the past."""
    text = ASIDE.sub(lambda match: " " * len(match.group()), text)
    present = PRESENT_TENSE.search(text)
    return bool(PAST_TENSE.search(text)), present.end() if present else len(text) + 1


# A relative clause set off by commas or dashes: ", which smoothes out ... volatility,".
ASIDE = re.compile(r"[,—–]\s*(?:which|who|whose)\b[^,—–;]*[,—–]")


CLAUSE_END = re.compile(r"[,;:—–]\s|\s[—–]")
PAST_TENSE = re.compile(r"\b(?:was|were|had|did|[a-z]{3,}ed|rose|fell|grew|hit|came|went|took|saw|gave|got|made|said|"
                        r"told|found|lost|won|paid|spent|sold|held|left|met|shed|began|ran|stood|kept|brought|"
                        r"sank|slid|swung|shrank)\b")
PRESENT_TENSE = re.compile(r"\b(?:is|are|has|have|does|do|says?|can|could|may|might|will|would)\b")


def stated_periods(text: str, times: list) -> list[tuple[str, str, str, int]]:
    """The periods a sentence states that the figures after it may go on with: (start, end, text, end
    offset) of its dated phrases (`times`, as `joined` gives them) longer than a day (a weekday dates a release, not data), not points of
    comparison, not counted back from another ("the prior week") and not in a relative clause that dates
    something else ("the woman, whose illness began in early April,")."""
    return [(t.date_start.isoformat(), t.date_end.isoformat(), t.text, t.end) for t in times
            if t.kind == "date" and t.date_start is not None and t.date_start != t.date_end
            and _a_period(text, t, False) and not PRIOR.search(t.text)
            and not RELATIVE.search(text, max(0, t.start - REACH), t.start)]


# A period that runs up to publication or dates the sentence's own news ("this week", "earlier this month",
# "later this year"): it dates that sentence's event, and a later figure without a time of its own is as of publication.
RUNNING = re.compile(r"(?:earlier|later|this)\b", re.IGNORECASE)
# A span of no stated length ("in recent weeks", "over the past months"): the figure is as of publication.
VAGUE = re.compile(r"\b(?:recent|past|last)\s+(?:day|week|month|year)s\b", re.IGNORECASE)


# How many sentences after the one that names it a period can date a figure without a time of its own: a release's
# month goes on through its paragraph of figures, "in 1988" far up a full article dates no later figure.
CARRY_REACH = 4


def carried_period(periods: list[tuple], text: str = "", times: list | None = None, figures: bool = True) -> tuple | None:
    """(start, end, text) of the period the figures of the next sentences without a time of their own go on
    with: the last of a sentence's `stated_periods`, none when it still runs at publication ("Harris ... a
    rocky first foreign trip ... earlier this month. The vice president ... spoke with five young girls") or when
    the sentence (`text`, its `times`) has no `figures` and tells what a person or organisation named as its subject
    did ("Sen. Mazie Hirono (D-Hawaii) introduced the Covid-19 Hate Crimes Act in March ..."; `acted_by_name`): it
    states no data point, so its time dates no figure after it."""
    if not figures and acted_by_name(text, times or []):
        return None
    return None if RUNNING.match(periods[-1][2]) or VAGUE.search(periods[-1][2]) else periods[-1][:3]


# A poll's field dates: the days right before "poll"/"survey" ("a March 31-April 4 survey of 1,000 adults") or after
# its "conducted"/"taken" ("The poll, conducted from June 27-30").
POLL_NOUN = r"(?:poll|survey)s?"
FIELD_BEFORE = re.compile(r"\s+(?:[\w/.’'-]+\s+){0,3}?" + POLL_NOUN + r"\b", re.IGNORECASE)
FIELD_AFTER = re.compile(r"\b" + POLL_NOUN + r"\b[^.;]{0,60}?\b(?:conducted|taken|fielded|carried out)\s+"
                         r"(?:(?:from|on|between|in|over)\s+)?$", re.IGNORECASE)


def field_dates(text: str, times: list) -> tuple | None:
    """(start, end, text) of the field dates of a poll the sentence names, or None: they date the poll's figures
    without a time of their own, in its sentence and in the sentences near it that speak of the poll ("In the poll,
    Romney leads ... with 21 percent"), whatever their tense (results are told in the present; `poll_dates`)."""
    for time in times:
        if time.kind == "date" and time.date_start is not None and (
                FIELD_BEFORE.match(text, time.end) or FIELD_AFTER.search(text, max(0, time.start - 90), time.start)):
            return time.date_start.isoformat(), time.date_end.isoformat(), time.text
    return None


# A sentence that speaks of a poll: "In the poll, ...", "Republican primary voters surveyed".
POLL_WORD = re.compile(r"\b(?:poll(?:s|ed)?|survey(?:s|ed)?)\b", re.IGNORECASE)


def poll_dates(fields: list, blocks: list, number: int, text: str) -> tuple | None:
    """The field dates (`field_dates` of each sentence of an article, `fields`; `blocks` their paragraphs) that
    date the figures without a time of their own of sentence `number`: its own, else, when it speaks of a poll,
    those of the nearest sentence (the earlier on a tie) at most `CARRY_REACH` sentences before it, or after it in
    its paragraph (a lede's "according to a new poll" is left to publication)."""
    if fields[number] or not POLL_WORD.search(text):
        return fields[number]
    near = [(abs(k - number), k > number, field) for k, field in enumerate(fields)
            if field and abs(k - number) <= CARRY_REACH and (k < number or blocks[k] == blocks[number])]
    return min(near)[2] if near else None


# A methodology sentence: the article's own poll, named as the sentence's subject, and when it was taken ("The
# Washington Post/ABC News poll was conducted from Sept. 19 to 22", "The survey was conducted September 16-19").
METHOD = re.compile(r"(?:The|This)\s+(?:[\w/.’'-]+\s+){0,6}?" + POLL_NOUN + r"\s+(?:was|were)\s+"
                    r"(?:conducted|taken|fielded|carried out)\b")
# A poll's result is a share: "46 percent would choose Clinton", "by 5 percentage points".
SHARE = re.compile(r"\d\s*%|\b(?:percent|per cent|percentage points?|points?)\b", re.IGNORECASE)


def poll_runs(fields: list, blocks: list, texts: list) -> list:
    """For each sentence of an article (`fields` from `field_dates`, `blocks` their paragraphs, `texts`), the field
    dates of the article's own poll that date its figures without a time of their own, or None. A methodology
    sentence (`METHOD`, most often the last paragraph) gives them; they date the sentences of its paragraph ("The
    registered voter sample is 834") and the shares (`SHARE`) of the run of results that goes on from the first
    sentence naming a poll ("according to a new ... poll. Among likely voters, 46 percent ...") up to a sentence
    that names a poll of its own dates ("In the previous ... poll, conducted in early September") or the
    methodology's paragraph."""
    runs = [None] * len(texts)
    method = [k for k, (text, field) in enumerate(zip(texts, fields)) if field and METHOD.match(text.lstrip())]
    if not method:
        return runs
    dates, block = fields[method[-1]], blocks[method[-1]]
    first = next(k for k, text in enumerate(texts) if POLL_WORD.search(text))
    for k in range(first, len(texts)):
        if blocks[k] == block or fields[k] and fields[k] != dates:  # another poll's dates end the run
            break
        if SHARE.search(texts[k]):
            runs[k] = dates
    return [dates if blocks[k] == block else run for k, run in enumerate(runs)]


# A sentence that opens inside a quotation: its first mark opens one ("“There’s about 12 people ...,” said Psaki").
QUOTE_START = re.compile(r"\s*[“\"«]")


def quote_days(texts: list, blocks: list, times: list) -> list:
    """For each sentence of an article (`texts`, their paragraphs `blocks`, their time phrases `times` as `joined`
    gives them), the day that dates the figures of its quotation, or None: a day named in the sentence before a
    quotation opens ("On July 6, 2015, Sanders made the following comment:", "On Thursday, ... Jen Psaki singled out
    a dozen ... accounts") is when its speaker spoke, so it dates the figures of the quotation that follows, through
    the sentences the quotation runs on, whatever their tense; not a day after a present or modal verb."""
    found, day, opened = [None] * len(texts), None, False
    for k, text in enumerate(texts):
        if k and blocks[k] != blocks[k - 1]:
            opened = False
        quoted = opened or bool(QUOTE_START.match(text))
        if quoted:
            found[k] = day
        else:
            # the last day the sentence names, when it narrates (not "the bills could come ... as soon as Friday")
            day = next(((t.date_start.isoformat(), t.date_end.isoformat(), t.text) for t in reversed(times[k])
                        if t.kind == "date" and t.date_start is not None and t.date_start == t.date_end
                        and _a_period(text, t, False) and not PRESENT_TENSE.search(text, 0, t.start)), None)
        marked = ("“" if opened else "") + text  # a quotation that runs on from the sentence before
        ranges = quoted_ranges(marked)
        opened = bool(ranges) and ranges[-1][1] == len(marked)  # still open at the sentence's end
    return found


# A relative clause before a time phrase in its clause ("the woman, whose illness began in early April", "the
# invasion that began in February 2022"), not "said that".
RELATIVE = re.compile(r"(?:\b(?:who|whose|which|when|where)|(?<!said )(?<!says )(?<!show )(?<!shows )(?<!showed )(?<!found )"
                      r"(?<!reported )(?<!announced )\bthat)\b[^,;—]*$")


def _own_period(text: str, other: Quantity) -> bool:
    """A figure between a figure and a time phrase that takes the phrase for itself: a baseline ("from 6%",
    "than 4,901", "more than double their average of 218,000 in 2019")."""
    before = text[max(0, other.start - 40):other.start]
    return bool(re.search(r"\b(?:from|than|compared (?:with|to)|versus|vs\.?)\s+(?:(?:a|an|the)\s+)?(?:[\w’'-]+\s+)?$|"
                          r"\b(?:double|twice|triple|times)\s+(?:the|their|its|his|her)\s+(?:[\w’'-]+\s+){0,3}$",
                          before))


def _endpoint(text: str, quantity: Quantity, first, last) -> tuple[str, str]:
    """The period's ends, or one of them for the figures of "from X to Y" over a span: X at its start, Y
    at its end ("In the past two weeks, cases dropped from 78,449 to 51,465")."""
    if first != last and re.search(r"\bfrom\s+(?:[\w’'-]+\s+){0,5}$", text[max(0, quantity.start - 60):quantity.start]) \
            and re.match(r"\s+to\s+[$€£]?\d", text[quantity.end:]):
        last = first
    elif first != last and re.search(r"\bfrom\s+(?:[\w’'-]+\s+){0,5}[$€£]?\d[\d,.]*%?\s+to\s+$",
                                     text[max(0, quantity.start - 80):quantity.start]):
        first = last
    return first.isoformat(), last.isoformat()


# Before a time phrase: the release of a figure, not its period ("Data released Thursday", "the Labor
# Department said Friday", "said in a Sept. 14 report").
RELEASED = re.compile(r"\b(?:released|published|issued|announced|reported|unveiled|posted|said|says|told)\s+"
                      r"(?:[^\s\d,.;]+\s+){0,5}$", re.IGNORECASE)
# ... but a poll's release day, no field dates given, is the nearest day its figures are of: "a Des Moines Register poll
# released Saturday".
POLL_RELEASED = re.compile(r"\b" + POLL_NOUN + r"\s+(?:was\s+|were\s+)?(?:released|published|issued)\s+(?:on\s+)?$",
                           re.IGNORECASE)
RELEASE_NOUN = re.compile(r"\s*(?:report|statement|release|announcement|memo|press conference)\b", re.IGNORECASE)
# Before a time phrase: a point of comparison ("more than in 2019", "compared with the year before").
BASELINE = re.compile(r"\b(?:than|compared (?:with|to)|versus|vs\.?)\s+(?:(?:in|on|during|at)\s+)?$",
                      re.IGNORECASE)


# Words before "since X" or "in X" that make X a point of comparison: "the lowest since March 2020", "the
# deadliest day in more than a decade", "figures not seen since March 2020".
REFERENCE_POINT = re.compile(r"\b(?:lowest|highest|biggest|largest|smallest|best|worst|(?<!at )most|(?<!at )least|fewest|"
                             r"first time|strongest|weakest|fastest|slowest|\w{3,}iest|not (?:been )?seen)\b[^.;]*$",
                             re.IGNORECASE)
# Two time phrases that make one period: "from Friday through Sunday", "between May and June".
PERIOD_JOIN = re.compile(r"\s*(?:through|thru|to|and|until|till|-|–)\s*$")


# A date that names an event rather than dating a figure: "the January 6 insurrection", "the Jan. 6 committee"; a day
# also with one word between: "the Jan. 6 select committee", "the Sept. 11 terrorist attacks".
EVENT_NAME = re.compile(r"(?:th)?\s+(?:(?P<word>[\w-]+)\s+)?(?:attacks?|insurrection|riots?|committee|commission|panel|"
                        r"hearings?|investigation|probe|rally|bombings?|shootings?)\b", re.IGNORECASE)


def _whole_month(time):
    """A part of a month ("in late August", "the end of April") as its whole month: a figure of a month that has
    ended is reported for the month, the part only says when in it the report or event came (a month still running
    at publication keeps its part: "in early to mid-October")."""
    start = time.date_start.replace(day=1)
    end = (start + timedelta(days=31)).replace(day=1) - timedelta(days=1)
    return time._replace(date_start=start, date_end=end, granularity="month")


# Between a length of time and the date it ends at: "the 12 months [that ended] in June", "the year [ending] Sept. 30".
ENDING = re.compile(r"\s+(?:(?:that|which)\s+)?(?:ended|ending|ends|to)\s+")
LENGTH = re.compile(_COUNT + r"\s+" + _UNIT, re.IGNORECASE)


def joined(text: str, times: list, published: str = "") -> list:
    """Time phrases with "X through Y", "X and Y", "X to Y" joined into one period from X's start
    to Y's end (when Y ends after X starts), a length of time ending at a date ("the 12 months that ended
    in June") made that many units to the date's end; dates that name an event ("the Jan. 6 committee")
    left out (not a year before its event: "the 1999 shooting death"); a part of a month that has ended by
    publication (`published`) made the whole month (`_whole_month`)."""
    day = reference_date(published)

    def ended(time) -> bool:
        return day is not None and _whole_month(time).date_end < day
    joined = []
    for time in times:
        event = EVENT_NAME.match(text, time.end)
        if time.kind == "date" and event and (not event.group("word") or time.granularity == "day") \
                and not YEAR_OF.fullmatch(time.text):
            continue  # (a past year before an event dates it: "after the 1999 shooting death of ...")
        gap = text[joined[-1].end:time.start] if joined else ""
        length = joined and joined[-1].kind == "duration" and time.date_end is not None and (
            ENDING.fullmatch(gap) or not gap.strip() and time.text.lower().startswith("through")) and \
            LENGTH.search(joined[-1].text)
        if length:  # "the 12 months that ended in June": the 12 months to the end of June
            first = joined.pop()
            start = _shift(time.date_end, -_count(length.group("count")), length.group("unit").lower())
            time = first._replace(end=time.end, text=text[first.start:time.end], kind="date",
                                  granularity=time.granularity, date_start=start + timedelta(days=1),
                                  date_end=time.date_end)
        if joined and (PERIOD_JOIN.fullmatch(gap) or (not gap.strip() and PERIOD_JOIN.fullmatch(
                " " + time.text.split()[0]))) and time.date_start is not None \
                and joined[-1].date_start is not None and joined[-1].date_start <= time.date_end:
            first = joined.pop()
            time = first._replace(end=time.end, text=text[first.start:time.end], date_end=time.date_end,
                                  kind="date")
        if time.granularity == "part of month" and time.kind == "date" and time.date_start is not None \
                and time.date_end > time.date_start and ended(time):  # ("the last day of May" stays that day)
            time = _whole_month(time)
        joined.append(time)
    return joined


# A period counted back from the period of the data: "the prior week", "The previous week's figure", "a week
# earlier", "the week before", "a month earlier".
PRIOR = re.compile(r"\b(?:(?:the\s+)?(?:previous|prior|preceding)\s+(?P<unit>week|month|year)|(?:a|one)\s+(?P<unit2>week|"
                   r"month|year)\s+(?:earlier|before)|the\s+(?P<unit3>week|month|year)\s+(?:prior|before)\b)",
                   re.IGNORECASE)


def prior_period(text: str, quantity: Quantity, others: list[Quantity], data: tuple | None) -> tuple | None:
    """The period of a figure dated as the one before the data's ("fell 92,000 last week from 590,000 the
    prior week": the week before last week), or None. `data` is (start, end) of the last period named
    before the figure (ISO dates); a change "from the previous week" is the change over the data's own
    period, and "the previous week's initial estimate of 360,000" is the week before's."""
    if not data:
        return None
    near = others[bisect.bisect_left(others, quantity.start - 60, key=START):
                  bisect.bisect_right(others, quantity.start + 60, key=START)]
    # near the figure, no other figure between them, not across a clause ("33,491 fires, according to the
    # NIFC, surpassing the previous year's tally")
    found = [m for m in PRIOR.finditer(text, max(0, quantity.start - 100), quantity.start + 120)
             if not any(min(m.start(), quantity.start) < o.start < max(m.start(), quantity.start) and o != quantity
                        for o in near) and abs(m.start() - quantity.start) < 60
             and not (m.start() > quantity.end and _clause_blocked(text, quantity.end, m.start(), relative=True))]
    if not found:
        return None
    match = min(found, key=lambda m: abs(m.start() - quantity.start))
    start, end = date.fromisoformat(data[0]), date.fromisoformat(data[1])
    if BASELINE.search(text, max(0, match.start() - 25), match.start()):
        return None  # "more murders last year than the year before": the figure has its own period
    possessive = re.match(r"['’]s\b", text[match.end():match.end() + 2]) and quantity.start > match.end()
    if re.search(r"\bfrom\s+$", text[max(0, match.start() - 6):match.start()]) and not possessive:
        return data[0], data[1], match.group()  # "rose by 2,000 from the previous week to 373,000"
    unit = (match.group("unit") or match.group("unit2") or match.group("unit3")).lower()
    if unit == "week":
        return (start - timedelta(days=7)).isoformat(), (end - timedelta(days=7)).isoformat(), match.group()
    months = 1 if unit == "month" else 12
    last = _add_months(end, -months)
    last = _month_end(last.year, last.month) if end == _month_end(end.year, end.month) else last
    return _add_months(start, -months).isoformat(), last.isoformat(), match.group()


AVERAGE = re.compile(r"\b(?P<count>\d+|" + "|".join(w for w in NUMBER_WORDS if " " not in w) + r")[- ](?P<unit>day|week)\s+"
                     r"(?:moving\s+|rolling\s+)?average", re.IGNORECASE)


def averaged(period: tuple, subject: str) -> tuple:
    """A "seven-day average" or "four-week moving average" covers the days it averages, ending at the end
    of its stated period (a day, or the period it goes on with)."""
    match = AVERAGE.search(subject)
    if not match or not period[1]:
        return period
    count = int(match.group("count")) if match.group("count").isdigit() else NUMBER_WORDS[match.group("count").lower()]
    days = count * (7 if match.group("unit").lower() == "week" else 1)
    end = date.fromisoformat(period[1])
    return (end - timedelta(days=days - 1)).isoformat(), period[1], period[2]
