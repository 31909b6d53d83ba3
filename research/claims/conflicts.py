"""Conflicts: claims of the ledger that give different figures for one subject and one period.

`claim_conflicts(claims, articles)` compares the claims of `claim_ledger` (the
same `claim_id`s: mentions of one figure across outlets, `link_claims`), not
single mentions, so that what one outlet says of a figure (its date, that it is
a target) holds for every outlet that carries it:

- a claim is a target or forecast when any of its mentions is stated as
  expected or planned, or dated after its article's publication ("10,000 by
  December"); a target is never compared with a reported count;
- a claim's period is the narrowest period a mention states for it ("last
  week"); a claim no mention dates is as of each article's publication day.
  Two claims are compared only for the same period: stated periods within a
  day of each other at both ends, or a stated period that holds the other's
  publication day; "1,500 sent last week" and "3,000 there now" are two
  moments of one count, not a disagreement;
- two claims carried by one article are two figures its reporter tells apart
  (an earlier count and a later one, a part and a whole): they are listed
  only when the subjects count different things or a sentence says a figure
  was revised. A figure relayed by another speaker is linked to the figure it
  relays, so it is never a conflict of its own;
- two claims stated for single days a day apart (the slack of one period)
  are the count updated, a revision ("125 dead" on Friday, "above 150" on
  Saturday);
- a part of a whole ("69 of the ...") is not compared, and an average
  against a count ("averaging 137,000" against "35,355 new cases Sunday") is
  a definition;
- two figures whose sentences name different places and no place in common
  (a country that is the claimant aside)
  ("Arizona reported ... 3,600 additional infections", "Texas reported 5,551
  new cases"; "Worldwide, over 9.4 million ...", "2.36 million ... in the
  United States") count different things and are not compared;
- two shares (percents, "8 in 10") whose subjects share no word beyond the
  population they count answer two questions and are not compared;
- two counts of lawmakers that share no noun ("31 Democrats", "30 lawmakers
  representing districts carried by Trump") are two groups, and two vote
  tallies whose totals differ ("226 to 188" in the House, "100-0" in the
  Senate) are votes of two bodies: neither pair is compared.
"""

from __future__ import annotations

import math
import re
from datetime import date, timedelta

import pandas as pd

from research.claims.actors import COUNTRIES
from research.claims.ledger import (
    KIND_FAMILY,
    _figure,
    _noun_class,
    _same_subject,
    _with_outlets,
    _words,
    link_claims,
)
from research.text.dates import reference_date

# Words of a sentence that make its figure a revised or updated one.
REVISION = re.compile(r"\b(?:revis\w*|updated|upwardly|downwardly|later (?:said|put|raised|lowered)|"
                      r"earlier (?:figure|estimate|count|toll)|initial(?:ly)? (?:estimate|report))\b",
                      re.IGNORECASE)
CONFLICT_COLUMNS = ["subject_key", "asof_end", "conflict", "claim_a", "claim_b"] + [
    f"{c}_{s}" for s in "ab" for c in ("outlet", "article_id", "start", "end", "figure", "claimant_group", "text")]
SIDES = ["outlet", "article_id", "start", "end", "figure", "claimant_group", "text"]


US_STATES = ("Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|"
             "Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|"
             "Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|"
             "North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|"
             "South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|West Virginia|Wisconsin|Wyoming")
# The places a figure's sentence can be about: a US state, a country by its name (not by its capital or
# government: "Washington said" names no place; nor does a newspaper's name, "The New York Times"), the world.
PLACE = re.compile(r"(?<![\w.])(?:(?P<state>" + US_STATES + r")(?:['’]s)?(?! Times| Post| Daily)|(?P<country>" + "|".join(
    name for name in COUNTRIES if name != "Western") + "|U\\.S\\.|US|America|Americans|Britain|UK|U\\.K\\.)"
    r"|(?P<world>[Ww]orldwide|[Gg]lobally|around the world|across the world))(?![\w])")
PLACE_NAMES = {"U.S.": "United States", "US": "United States", "America": "United States",
               "Americans": "United States",
               "Britain": "United Kingdom", "UK": "United Kingdom", "U.K.": "United Kingdom"}


def places(sentence: str) -> set[str]:
    """The places a sentence names (`PLACE`): US states, countries, "world" for worldwide or global."""
    found = set()
    for match in PLACE.finditer(sentence):
        if match.group("world"):
            found.add("world")
        else:
            name = re.sub(r"['’]s$", "", match.group(0))
            found.add(PLACE_NAMES.get(name, name))
    return found


# Words of a share's subject that name whom it counts, not what: "38 percent of black adults" and "6 in 10 black
# Americans believe ..." share a population, not a question.
POPULATION = frozenset("adult people voter respondent resident household majority minority public citizen parent "
                       "women men black white hispanic latino asian democrat republican independent".split())


def _one_question(a, b) -> bool:
    """Two shares (percents, "8 in 10" rates) that may answer one question: their subjects share a content word
    (`_words`, lower case and singular) beyond the population."""
    return a.kind not in ("percent", "rate") or bool((_words(a.subject) & _words(b.subject)) - POPULATION)


# Subject classes that hold many different counts of one story (the 31 Democrats who voted for impeachment, the
# 30 lawmakers of districts Trump carried, the 67 senators needed to convict): one of them is no evidence that two
# figures count one thing, so two figures of these classes are compared only when their subjects share a noun.
BROAD_CLASSES = frozenset({"lawmakers"})
# Two vote tallies whose totals differ by more than this share are votes of two bodies (a House vote of 228 to 197,
# a Senate vote of 100 to 0), not one vote told two ways.
TALLY_SLACK = 0.1


def _one_thing(a, b) -> bool:
    """Two figures that may count one thing (`_same_subject`), but not only through a broad class
    (`BROAD_CLASSES`) and, for two vote tallies, of one body: totals within `TALLY_SLACK`."""
    if not _same_subject(a, b):
        return False
    if _noun_class(a) in BROAD_CLASSES and _noun_class(a) == _noun_class(b) and not _heads(a.subject) & _heads(b.subject):
        return False
    if a.kind == "vote" and b.kind == "vote" and not (math.isnan(a.against) or math.isnan(b.against)):
        total_a, total_b = a.value + a.against, b.value + b.against
        return abs(total_a - total_b) <= TALLY_SLACK * max(total_a, total_b)
    return True


def _scope(claim) -> set[str]:
    """The places a claim's sentence names, but a country that is its claimant ("South Korea's spy agency
    said 3,000 troops ..." names its source, not where the troops are; a state that reports, "Texas
    reported 5,551 new cases", counts its own)."""
    return places(claim.text) - (places(f"{claim.claimant} {claim.claimant_group}") & set(COUNTRIES))


def _overlap(a, b) -> bool:
    low_a = -math.inf if math.isnan(a.low) else a.low
    high_a = math.inf if math.isnan(a.high) else a.high
    low_b = -math.inf if math.isnan(b.low) else b.low
    high_b = math.inf if math.isnan(b.high) else b.high
    return low_a <= high_b and low_b <= high_a


def _heads(subject: str) -> set[str]:
    """The nouns that say what a subject counts: its content words without modifiers of time."""
    return _words(subject) - {"new", "total", "number", "average", "daily", "weekly", "monthly", "about"}


# Before a figure, words that make it an average: "averaging 137,000", "an average of 23,600".
AVERAGE_BEFORE = re.compile(r"\baverag\w*\s+(?:of\s+)?(?:(?:about|nearly|almost|roughly|around|some|more than|over|"
                            r"just|an estimated)\s+)?$", re.IGNORECASE)
# After a figure, a whole it is a part of: "69 of the more than 150", "16 of them".
PART_OF = re.compile(r"\s+of\s+(?:the|them|those|these|all|its|their)\b", re.IGNORECASE)


def _different_definitions(a, b) -> bool:
    """Subjects whose head nouns differ (arrests, encounters), an average against a count (a seven-day
    average of new cases against one day's), or two forecasters (two surveys' consensus, not one figure
    disputed)."""
    if a.average != b.average:
        return True
    heads_a, heads_b = _heads(a.subject), _heads(b.subject)
    if _noun_class(a) != _noun_class(b) and heads_a != heads_b and not (heads_a <= heads_b or heads_b <= heads_a):
        return True
    return bool(a.forecast and a.claimant and b.claimant and a.claimant.lower() != b.claimant.lower())


def _stated_period(mentions: pd.DataFrame) -> tuple[date, date] | None:
    """The narrowest period the mentions of one claim state in words (`asof_text`), else None."""
    dated = mentions[(mentions["asof_text"] != "") & (mentions["asof_start"] != "") & (mentions["asof_end"] != "")]
    if dated.empty:
        return None
    spans = sorted((date.fromisoformat(e) - date.fromisoformat(s), s, e)
                   for s, e in zip(dated["asof_start"], dated["asof_end"]))
    return date.fromisoformat(spans[0][1]), date.fromisoformat(spans[0][2])


def _same_period(period_a, days_a: set[date], period_b, days_b: set[date]) -> bool:
    """Two claims' periods (`_stated_period`, else their mentions' publication days) are one: stated
    periods within a day at both ends (a one-day period is a moment: "on Monday" is the end of the week
    to Monday), a stated period holding a publication day, or publication days a day apart at most, a day
    of slack either way. A claim with neither (no date at all) fits any period."""
    slack = timedelta(days=1)
    if period_a and period_b:
        moment = period_a[0] == period_a[1] or period_b[0] == period_b[1]
        return abs(period_a[1] - period_b[1]) <= slack and (moment or abs(period_a[0] - period_b[0]) <= slack)
    if period_a or period_b:
        period, days = (period_a, days_b) if period_a else (period_b, days_a)
        return not days or any(period[0] - slack <= day <= period[1] + slack for day in days)
    return not days_a or not days_b or any(abs(x - y) <= slack for x in days_a for y in days_b)


def _later_day(period_a, period_b) -> bool:
    """Two claims stated for single days a day apart: the later is the count updated ("125 dead" on Friday,
    "above 150" on Saturday), not a disagreement."""
    return bool(period_a and period_b) and period_a[0] == period_a[1] and period_b[0] == period_b[1] \
        and period_a[0] != period_b[0]


def claim_conflicts(claims: pd.DataFrame, articles: pd.DataFrame, max_ratio: float = 5.0) -> pd.DataFrame:
    """Pairs of claims (`claim_ledger`'s `claim_id`) from different outlets that give different figures
    for one subject and period (see the module docstring).

    Compared: claims of the same kind of figure and unit (vague amounts,
    increments and ages aside), both reported or both targets or forecasts,
    for one period, with a mention in each from two outlets whose subjects
    share a content word or a subject key (`_one_thing`), whose sentences do not name
    different places only (`places`), and whose values differ beyond
    rounding but within `max_ratio` of each other (further apart they count
    different things: an army of 1.2 million and a deployment of 3,000).
    `conflict` is "revision" when either sentence says the figure was revised
    or updated, or the two are stated for single days a day apart; "definition"
    when the subjects count different things (their head nouns differ: arrests
    and encounters; an average against a count)
    or are two forecasters' expectations, else "disagreement" (different sources giving different
    figures for one thing). Each pair of claims is listed once, with the first
    mention of each side in the first outlet that carries it. Columns:
    `subject_key`, `asof_end`, `conflict`, `claim_a`, `claim_b`, then for each
    side `_a` and `_b`: `outlet`, `article_id`, `start`, `end`, `figure`,
    `claimant_group`, `text`. Sorted.
    """
    if claims.empty:
        return pd.DataFrame(columns=CONFLICT_COLUMNS)
    table = _with_outlets(claims, articles)
    table["claim_id"] = link_claims(table)  # the ledger's ids
    table["figure"] = [_figure(row) for row in table.itertuples()]
    published = dict(zip(articles["article_id"], articles["published"].fillna("").map(reference_date))) \
        if "published" in articles else {}
    table["day"] = [published.get(article_id) for article_id in table["article_id"]]
    ahead = [bool(day) and bool(end) and date.fromisoformat(end) > day
             for day, end in zip(table["day"], table["asof_end"])]
    targets = set(table.loc[table["forecast"].astype(bool) | pd.Series(ahead, index=table.index), "claim_id"])
    periods = {claim_id: _stated_period(group) for claim_id, group in table.groupby("claim_id")}
    days = {claim_id: {d for d in group["day"] if d} for claim_id, group in table.groupby("claim_id")}
    carried = table.groupby("claim_id")["article_id"].agg(set).to_dict()
    texts = dict(zip(articles["article_id"], articles["text"]))
    table["average"] = [bool(re.search(r"\baverag", subject, re.IGNORECASE)
                             or AVERAGE_BEFORE.search(texts.get(article_id, "")[max(0, start - 40):start]))
                        for article_id, start, subject in zip(table["article_id"], table["start"], table["subject"])]
    part = [bool(PART_OF.match(texts.get(article_id, ""), end)) for article_id, end in zip(table["article_id"],
                                                                                           table["end"])]
    usable = table[(table["qualifier"] != "vague") & (table["qualifier"] != "another") & table["value"].notna()
                   & (table["kind"] != "age") & (table["subject"] != "") & ~pd.Series(part, index=table.index)]
    records = list(usable.sort_values(["outlet", "article_id", "start"]).itertuples(index=False))
    pairs = {}  # claim pair -> its row, or None once judged no conflict
    for i, a in enumerate(records):
        for b in records[i + 1:]:
            key = tuple(sorted((a.claim_id, b.claim_id)))
            if a.outlet == b.outlet or a.claim_id == b.claim_id or key in pairs or \
                    (a.claim_id in targets) != (b.claim_id in targets) or a.unit != b.unit \
                    or KIND_FAMILY.get(a.kind, a.kind) != KIND_FAMILY.get(b.kind, b.kind):
                continue
            if not _one_thing(a, b) or not _one_question(a, b):
                continue
            places_a, places_b = _scope(a), _scope(b)
            if places_a and places_b and not places_a & places_b:
                continue
            low, high = sorted((abs(a.value), abs(b.value)))
            if _overlap(a, b) or high > max_ratio * max(low, 1e-9):
                continue
            if not _same_period(periods[a.claim_id], days[a.claim_id], periods[b.claim_id], days[b.claim_id]):
                pairs[key] = None  # the periods are the claims': judged once for the pair
                continue
            first, second = (a, b) if a.claim_id == key[0] else (b, a)
            if REVISION.search(a.text) or REVISION.search(b.text):
                conflict = "revision"
            elif _different_definitions(a, b):
                conflict = "definition"
            elif carried[a.claim_id] & carried[b.claim_id]:
                pairs[key] = None  # one article gives both: two figures its reporter tells apart
                continue
            elif _later_day(periods[a.claim_id], periods[b.claim_id]):
                conflict = "revision"
            else:
                conflict = "disagreement"
            subject_key = first.subject_key if len(first.subject_key) >= len(second.subject_key) else second.subject_key
            pairs[key] = [subject_key, max(a.asof_end, b.asof_end), conflict, *key] + \
                [getattr(first, c) for c in SIDES] + [getattr(second, c) for c in SIDES]
    result = pd.DataFrame([row for row in pairs.values() if row], columns=CONFLICT_COLUMNS)
    return result.sort_values(["subject_key", "asof_end", "conflict", "outlet_a", "start_a", "outlet_b",
                               "start_b"]).reset_index(drop=True)
