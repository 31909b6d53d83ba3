"""Reading numbers: the value, bounds, qualifier, kind and unit of each figure in a sentence.

`figure(text, match, dates)` reads one `QUANTITY` match ("3,000", "up to
12,000", "$400 million", "74 percent", "5,000 to 6,000", "50-49"), `ratio` a
spoken fraction or multiple ("two-thirds of", "more than twice", "halved") and
`vague` an amount in words ("a few thousand", "dozens of", "tens of thousands"),
each a `Quantity` (also "six figures", at least $100,000; "a quarter of a million
dollars"; "a couple dozen"; "a half-dozen")
with `value`, `low`, `high`, a `qualifier` (see `QUALIFIERS`), a `kind` (count,
change, money, percent, rate, measure, age or vote) and a `unit` where there is
one; `share` reads a part of a whole ("nine in 10") as a percent. `counted`
leaves out years (also "the 90’s", "her 2000 and 2006 Senate races"),
calendar dates, times ("three o’clock", "11: 06 a.m."), a list item's number
("4) How hard ..."), ordinals, durations and
record spans ("four-week average", "21-year high"; not the length of a sentence,
"a 270-month prison sentence"), labels ("Phase 6", "grades 7 through 12",
"School 285", "Day 1", "Project 21"), kinds of things ("a two-way race", "a
two-front war", "a 12-step program"), groups picked by rank ("the top two
leaders", "the two largest emitters", "two of the strongest critics"), "the two"
as a pronoun ("when the two were negotiating") or naming known entities ("the two
presidential candidates", "The two women"), items picked by their place ("the final
three words", "the past nine elections"), "seven and a half years", addresses
("131 West 23rd Street"), names and headings ("restaurant Two Meatballs", "show The
411", "SAVE A QUARTER"), "100 percent wrong", "doubling down", "a double standard",
"a third shot", scores, numbers
inside names ("H1N1", "F-16", "9/11")
and "one" as a pronoun ("only one state" counts, "just one of 198 people" does
not), numbers of a name after capitalised words no verb governs ("Fortune 500
companies", "the S&P 500 is hovering", `in_name`), a chart's scale or legend (three numbers or more in a
row, "+10 +20 +40 +60%", `SCALE_RUN`), a number word whose names follow ("two Vermont
developers, Ariel Quiros and William Stenger") and a group's bound ("households
making $100,000 or more"). `band` reads a decade band ("in the mid-30s", "in
his early 20s") at its floor. Two numbers
joined by a hyphen are a vote in a sentence of a vote, decision, ruling or
majority ("a 6-3 conservative majority"), else a score or a code. What each
figure counts is `research.claims.quantities`' job.
"""

from __future__ import annotations

import bisect
import math
import re
from typing import NamedTuple

from research.claims.actors import COUNTRIES
from research.text.chunks import tag_words
from research.text.dates import WEEKDAYS
from research.text.pagedates import MONTHS
from research.text.sentences import ABBREVIATIONS

# Qualifier -> how it sets low/high around the stated value v.
QUALIFIERS = {
    "exact": "low = high = v",
    "approximately": "about, around, some, roughly, an estimated: low = 0.9 v, high = 1.1 v",
    "nearly": "nearly, almost, close to: low = 0.9 v, high = v",
    "at least": "at least, upward of: low = v, high open",
    "more than": "more than, over, in excess of: low = v, high open",
    "up to": "up to, as many as, at most: high = v, low open",
    "less than": "fewer than, less than, under: high = v, low open",
    "range": "5,000 to 6,000, between 5,000 and 6,000: low and high as stated, value their midpoint",
    "vague": "thousands, a few thousand, dozens: low and high of the words, no value",
    "another": "another 1,500: an increment, not a total; low = high = v",
}
APPROXIMATE = {"about": "approximately", "around": "approximately", "some": "approximately",
               "roughly": "approximately", "approximately": "approximately", "an estimated": "approximately",
               "estimated": "approximately", "nearly": "nearly", "almost": "nearly", "close to": "nearly",
               "at least": "at least", "upward of": "at least", "upwards of": "at least",
               "more than": "more than", "over": "more than", "in excess of": "more than",
               "up to": "up to", "as many as": "up to", "as much as": "up to", "at most": "up to",
               "fewer than": "less than", "less than": "less than", "under": "less than",
               "another": "another", "a further": "another", "an additional": "another"}
NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "a dozen": 12, "a couple of": 2,
    "a couple dozen": 24, "a half-dozen": 6, "a half dozen": 6,
}
SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
          "m": 1e6, "mn": 1e6, "bn": 1e9, "tn": 1e12, "trn": 1e12, "k": 1e3, "dozen": 12}
# Spoken fractions and multiples: a share ("two-thirds of", in percent) or a ratio ("one-quarter the size").
FRACTIONS = {"half": 0.5, "a half": 0.5, "one half": 0.5, "a third": 1 / 3, "one third": 1 / 3,
             "two thirds": 2 / 3, "a quarter": 0.25, "one quarter": 0.25, "three quarters": 0.75,
             "a fifth": 0.2, "one fifth": 0.2}
MULTIPLES = {"twice": 2.0, "double": 2.0, "triple": 3.0, "doubled": 2.0, "doubling": 2.0, "tripled": 3.0,
             "tripling": 3.0, "halved": 50.0}
# Vague amounts: (low, high) of the words.
VAGUE = {"a few": (2, 5), "few": (2, 5), "several": (3, 9), "a handful of": (2, 5)}
VAGUE_PLURALS = {"dozens": (24, 99), "scores": (40, 99), "hundreds": (200, 999), "thousands": (2_000, 9_999),
                 "tens of thousands": (20_000, 99_999), "hundreds of thousands": (200_000, 999_999),
                 "millions": (2e6, 9.99e6), "tens of millions": (2e7, 9.99e7), "billions": (2e9, 9.99e9),
                 "tens of billions": (2e10, 9.99e10),
                 "trillions": (2e12, 9.99e12), "multimillion": (2e6, 9.99e6), "multibillion": (2e9, 9.99e9),
                 "multitrillion": (2e12, 9.99e12)}
CURRENCIES = {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₩": "KRW", "₽": "RUB",
              "dollars": "USD", "cents": "USD", "euros": "EUR", "pounds": "GBP", "won": "KRW", "rubles": "RUB", "yuan": "CNY"}
MEASURES = ("miles mile kilometers kilometres km meters metres feet foot tons tonnes ton kg kilograms acres "
            "hectares gallons barrels degrees inches yards square micrograms microgram milligrams milligram "
            "grams fahrenheit celsius").split()

_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_WORDS = "|".join(sorted((re.escape(w) for w in NUMBER_WORDS), key=len, reverse=True))
# "$1.2 trillion", "$1.9-trillion", "£2.1bn", "$1.2tn", "102K" (not "$1B": the paraphrase model was fit without it).
_SCALE = r"(?:(?:\s*|-)(?:hundred|thousand|million|billion|trillion|dozen)\b|(?:m|mn|bn|tn|trn|k|K)\b)"
_NUMBER = (r"(?:" + _DIGITS + r"|\b(?:" + _WORDS + r")(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?\b"
           r"|\ban?(?=\s+(?:hundred|thousand|million|billion|trillion)\b))")
_QUALIFIER = "|".join(sorted((re.escape(q) for q in APPROXIMATE), key=len, reverse=True))
QUANTITY = re.compile(
    r"(?:(?P<qualifier>\b(?:" + _QUALIFIER + r"))\s+)?"
    r"(?:(?P<between>\bbetween)\s+)?"
    r"(?P<currency>US\$|[$€£¥₩₽])?\s?"
    r"(?P<number>" + _NUMBER + r")(?P<scale>" + _SCALE + r")?"
    r"(?:%(?=\s*(?:-|–|to|and)\s*\d+(?:\.\d+)?\s?%))?"  # "50%-52%": a range of percents
    r"(?:(?P<link>\s*(?:-to-|-\s+to|-|–|to|and|or)\s*)(?P<currency2>US\$|[$€£¥₩₽])?(?P<number2>" + _NUMBER + r")(?P<scale2>"
    + _SCALE + r")?)?"
    r"(?P<percent>\s?%|\s+per\s?cent\b|\s+percent(?:age points?)?\b)?",
    re.IGNORECASE)
VAGUE_QUANTITY = re.compile(
    r"\b(?P<words>(?:" + "|".join(sorted(map(re.escape, VAGUE_PLURALS), key=len, reverse=True)) + r")\s+of"
    r"|(?:dozens|hundreds|thousands|millions|billions|trillions)(?!\s+of\b)"  # "among dozens killed", "as millions hit"
    r"|(?:tens|hundreds)\s+of\s+thousands|tens\s+of\s+(?:millions?|billions?)|multi-?(?:million|billion|trillion)(?=-dollar\b)"
    r"|(?:a few|several|a handful of)\s+(?:hundred|thousand|million|dozen)"
    r"|(?:a few|several)\s+(?:hundreds|thousands)\s+of)\b", re.IGNORECASE)
# A decade band: "in the mid-30s", "the low to mid 50s", "in his early 20s" (two digits after a band word; "the
# mid-1970s" and "the late '90s" are years). Its value is the band's floor, as a vague quantity takes its scale.
BAND = re.compile(r"\b(?:low|mid|high|upper|early|late)(?:-|\s+)(?:to\s+(?:low|mid|high|upper)(?:-|\s+))?"
                  r"(?P<floor>[1-9]0)s\b", re.IGNORECASE)
# What a band is a band of: a rate or share, a poll, a temperature (else it is a span of years, "the late 90s").
BAND_OF = re.compile(r"\b(?:percent|rates?|ratings?|unemployment|approval|polls?|polling|degrees|temperatures?|heat)\b|%",
                     re.IGNORECASE)
# A number glued to letters or slashes is part of a name or code: H1N1, F-16, COVID-19, 9/11, 24/7.
IN_NAME = re.compile(r"[A-Za-z]-?$|/$")
MEASURE = re.compile(r"\s*-?(?P<unit>" + "|".join(MEASURES) + r")(?:-(?:long|wide|high|deep|tall))?\b",
                     re.IGNORECASE)
# A time unit before a sentence or term, or before "in prison", is its length, not a span of time: "a 270-month
# prison sentence", "up to nine years in prison"; so is one after a sentence's words ("sentenced him to 15 years",
# "its sentencing recommendation of seven to nine years").
TERM = re.compile(r"[- ](?P<unit>day|week|month|year)s?\s+(?:(?:(?:prison|jail|federal|state)\s+)*(?:sentence|term)\b|"
                  r"in\s+(?:(?:a\s+)?(?:federal|state)\s+)?(?:prison|jail)\b|behind\s+bars\b)", re.IGNORECASE)
SENTENCED = re.compile(r"\b(?:sentenced\s+(?:\w+\s+)?to|sentenc(?:e|ing)(?:\s+recommendation)?\s+of)\s+"
                       r"(?:(?:up\s+to|at\s+least|more\s+than|nearly|about|as\s+much\s+as)\s+)?(?:[\w.,]+\s+(?:to|and)\s+)?$",
                       re.IGNORECASE)
TERM_UNIT = re.compile(r"[- ](?P<unit>day|week|month|year)s?\b", re.IGNORECASE)
# A number of weeks in a sentence about pregnancy is a gestational limit, a measure ("bans abortions after six
# weeks", "a 15-week ban"), not a span of time.
GESTATION_WEEKS = re.compile(r"[- ](?P<unit>week)s?\b")
GESTATION = re.compile(r"\b(?:abortions?|pregnan\w*|gestation\w*|fetal|fetus\w*|heartbeat)\b", re.IGNORECASE)
_LABELS = (r"\b(?:Phase|Level|Category|Stage|Grade|Article|Section|Chapter|Room|Flight|Route|Highway|"
           r"No\.|Number|Channel|Apollo|Game|Round|Step|Page|Volume|Vol\.|Part|Act|Class|Type|Model|"
           r"Version|Resolution|Platform|Gate|Terminal|Unit|Group of|[Gg]rades?|"
           r"School|Day|Project|District|Precinct|Ward|Interstate|Proposition|Question)\s+")
LABEL = re.compile(_LABELS + r"(?:\d+\s*(?:through|to|and|-|–)\s*)?$")  # "Phase 6", "grades 7 through 12"
# A time unit as an adjective or a length: "four-week average", "21-year high" (ages: "-year-old", "65 years and older").
DURATION = re.compile(r"(?i)[- ](?:second|minute|hour|day|night|week|month|year|decade)s?\b(?![- ]old|\s+(?:and|or)\s+(?:o|up))")
# Words of a sentence that make "50-49" or "254 to 175" a vote, not a score or a code.
VOTE_WORDS = re.compile(r"\b(?:vot(?:e|es|ed|ing)|passed|approved|confirmed|ruled|unanimous(?:ly)?|tally|"
                        r"margin|ballots?|decision|ruling|majority|dissent(?:ed|ing)?)\b", re.IGNORECASE)
# After "billions"/"trillions", the goods they are of: "billions in defense funds" (not "in the camp").
IN_FUNDS = re.compile(r"\s+in\s+(?!(?:the|a|an|this|that|these|those|its|their|his|her|our)\b)[a-z]")
# Before "one", words that make it a count, not a pronoun: "only one state", "just one Republican".
ONLY = re.compile(r"(?<!the )\b(?:only|just)\s+$", re.IGNORECASE)
# "people 65 and older", "those 18 to 64": ages of a group of people.
AGE_GROUP = re.compile(r"(?i)\b(?:people|those|adults|child|children|kids|residents|Americans|individuals|patients|"
                       r"anyone|everyone|seniors|teens|teenagers|men|women|who are)\s+(?P<under>(?:under|over|above)\s+)?$")
AGE_OPEN = re.compile(r"\s*(?:years?\s+)?(?:and|or)\s+(?:older|over|up|above|younger|under)\b")
# A verb before "up to"/"down to" that makes it a move, not a bound: "ticked up to 6.1%".
MOVED_UP = re.compile(r"\b(?:ticked|went|moved|edged|inched|crept|revised|shot|bumped|go|goes|going|tick|ticks)\s*$",
                      re.IGNORECASE)
# Words before a figure that make it an age: "aged 65", "children as young as 12", "He was 84." (a person's age as
# the predicate of "he" or "she").
AGE_BEFORE = re.compile(r"\b(?:ages?|aged|between the ages of|age group of|age of|as young as|as old as)\s+$"
                        r"|\b(?:he|she)\s+(?:was|is)\s+$", re.IGNORECASE)
# A verb or noun of change right before a figure: "rose 34%", "fell by 92,000", "added 943,000", "up 2,000".
CHANGE_BEFORE = re.compile(
    r"\b(?:rose|rise|rises|rising|risen|fell|fall|falls|falling|fallen|dropped|drop|drops|declined|decline|"
    r"declines|increased|increase|increases|decreased|decrease|climbed|jumped|grew|gained|gain|gains|added|"
    r"adding|adds|lost|shed|soared|surged|slipped|plunged|tumbled|up|down|revised (?:up|down|higher|lower)|"
    r"(?:reduced|cut|raised|lowered|boosted|trimmed|slashed)(?= by)|"
    r"higher|lower|revision)\s+(?:(?:by|of|an estimated|about|around|nearly|almost|more than|over|roughly|some|"
    r"a further|another|just)\s+)*[$€£]?$", re.IGNORECASE)
_FRACTION = "|".join(sorted((w.replace(" ", "[- ]") for w in FRACTIONS), key=len, reverse=True))


def _spoken_qualifier(words: tuple[str, ...]) -> str:
    """An optional group `qualifier` of these words (longest first) and the space after it."""
    return r"(?:(?P<qualifier>\b(?:" + "|".join(sorted(map(re.escape, words), key=len, reverse=True)) + r"))\s+)?"


# Qualifiers spoken before a fraction or a multiple ("more than twice"); a share also takes "fewer than",
# "around" and "only" ("only one in five").
RATIO_QUALIFIERS = ("about", "nearly", "almost", "more than", "over", "at least", "roughly", "less than", "just over")
SHARE_QUALIFIERS = ("about", "nearly", "almost", "more than", "over", "roughly", "less than", "fewer than", "around",
                    "just over", "only")
RATIO = re.compile(
    _spoken_qualifier(RATIO_QUALIFIERS) + r"\b(?:(?P<ratio>" + _FRACTION + r"|twice|double|triple|doubled|doubling|tripled|tripling|halved)"
    r"(?![-\w])(?P<scaled>\s+(?:of\s+)?an?\s+(?:million|billion|trillion)\b(?:\s+dollars\b)?)?"  # "a quarter of a million"
    r"|(?P<times>\d+(?:\.\d+)?|two|three|four|five|six|seven|eight|nine|ten)\s+times\b)",
    re.IGNORECASE)
# After a figure, the base of a rate: "11.2 deaths per 100,000 people".
PER = re.compile(r"\s+(?:[a-z][\w-]*\s+){1,2}?per\s+(?P<base>\d[\d,]*)\b")
# Before a fraction or multiple that is not a figure: "a year and a half", "22 and a half", "a double bombing".
NOT_A_RATIO = re.compile(r"\b(?:(?:second|minute|hour|day|week|month|year)s?|\d+)\s+and\s+$", re.IGNORECASE)
# After a number, more than it: "the 40-odd years", "60-some miles", "20-plus people".
ODD = re.compile(r"-(?:odd|some|plus)\b", re.IGNORECASE)
# A half after a whole number: "22 and a half", "22 1/2", "22½".
HALF = re.compile(r"\s+and\s+a\s+half\b|\s+1/2(?![\d/])|½")
# After a multiple that is a frequency, not a ratio: "twice a day", "three times a week".
FREQUENCY = re.compile(r"\s+(?:a|an|per|each)\s+(?:second|minute|hour|day|night|week|month|year)\b", re.IGNORECASE)
# After a figure that is an age: "-year-old", also misspelt "-year old", ", years old".
AGE = re.compile(r"^-(?:year|month|week|day)s?[-\s]olds?\b|^\s*,?\s*(?:years?|months?|weeks?|days?) old\b")
ORDINAL = re.compile(r"^(?:st|nd|rd|th)\b")
# A number hyphenated to "way", "front" or "step" names a kind of thing, not an amount: "a two-way race",
# "a two-front war", "a 12-step program".
KIND_OF = re.compile(r"-(?:way|front|step)\b", re.IGNORECASE)
# A decade written with an apostrophe: "the 90’s", "the 1980's" (a year, like "the 1990s").
DECADE = re.compile(r"(?:\d0|(?:1[89]|20)\d0)['’]s\b")
SUPERLATIVE = (r"(?:most|least|top|best|worst|largest|biggest|smallest|highest|lowest|greatest|strongest|weakest|"
               r"richest|wealthiest|poorest|oldest|youngest|leading|closest|fastest|deadliest|busiest|"
               r"longest|shortest)")
# A number that picks a group by rank names who is meant, not how many: "the top two leaders of Facebook", "the two
# largest emitters", "the nation’s two largest teachers unions" (a number word), "two of the strongest Republican
# critics" ("six top Republicans" counts; "the top 2 percent" is a share, `research.claims.periods.ranked`).
RANK_BEFORE = re.compile(r"\b(?:top|bottom)\s+$|(?:\b(?:the|their|its|his|her|our)|['’]s)\s+$", re.IGNORECASE)
RANK_AFTER = re.compile(r"\s+(?:of\s+the\s+)?" + SUPERLATIVE + r"\b", re.IGNORECASE)
# A street address: "131 West 23rd Street".
ADDRESS = re.compile(r"\s+(?:(?:North|South|East|West|[NSEW]\.)\s+)?(?:[A-Z][a-z]+|\d+(?:st|nd|rd|th))(?:\s+[A-Z][a-z]+)?"
                     r"\s+(?:Street|St\.|Avenue|Ave\.|Road|Rd\.|Boulevard|Blvd\.|Drive|Lane|Place)(?!\w)")
# "100 percent" before these says how much, not a share: "They are 100 percent wrong", "100 percent sure".
INTENSIFIED = re.compile(r"\s+(?:sure|certain|wrong|right|correct|true|false|behind|committed|confident|convinced)\b",
                         re.IGNORECASE)
# After "the first", "the last", "the final", "the past", "the previous", "the next" or "the initial", a number word
# picks items by their place, not how many: "the final three words of his speech", "in the past nine elections".
PLACED = re.compile(r"\bthe\s+(?:first|last|final|past|previous|next|initial)\s+$", re.IGNORECASE)

# "The two" standing alone is a pronoun for two people or things already named: "when the two were negotiating",
# "the two learned of a meeting", "hope the two could be making progress".
PRONOUN_AFTER = re.compile(r"\s*[,.;:)—]|\s+(?:were|are|was|is|have|had|has|could|would|will|can|may|might|should|"
                           r"must|did|do|met|spoke|said|agreed)\b|\s+[a-z]+ed\s+(?:of|to|that|in|on|with|about|at|the|"
                           r"a|an)\b")


class Quantity(NamedTuple):
    """A figure found in a text: offsets, value, low, high, qualifier, kind, unit, `subject` (what it
    counts, with the words that say which), `head` (the noun phrase the subject is built on; empty when
    the figure has none of its own and `subject` is only a predicate such as "fully vaccinated"),
    `against` (the votes against, for a vote) and `whose` (the name the figure is of, when the subject
    alone does not say: "Walgreens" in "Walgreens reported wasting 2.6 million doses", "Army" in
    "Army: 40% fully vaccinated")."""

    start: int
    end: int
    value: float
    low: float
    high: float
    qualifier: str
    kind: str
    unit: str
    subject: str
    head: str = ""
    against: float = math.nan
    whose: str = ""


def _number(text: str, scale: str | None) -> float:
    text = text.lower().replace(",", "").strip()
    if text in ("a", "an"):
        value = 1.0
    elif text in NUMBER_WORDS:
        value = float(NUMBER_WORDS[text])
    elif re.fullmatch(r"[a-z]+[- ][a-z]+", text):
        tens, ones = re.split(r"[- ]", text)
        value = float(NUMBER_WORDS[tens] + NUMBER_WORDS[ones])
    else:
        value = float(text)
    return value * SCALES[scale.strip().lstrip("-").lower()] if scale else value


def _bounds(value: float, qualifier: str) -> tuple[float, float]:
    if qualifier == "approximately":
        return value * 0.9, value * 1.1
    if qualifier == "nearly":
        return value * 0.9, value
    if qualifier in ("at least", "more than"):
        return value, math.nan
    if qualifier in ("up to", "less than"):
        return math.nan, value
    return value, value


# Minutes after an hour and a colon spaced as a tokenizer leaves them: "11: 06 a.m.".
CLOCK = re.compile(r":\s\d{2}\s*(?:a\.m\.|p\.m\.|am\b|pm\b)", re.IGNORECASE)
# After a number that opens a line, the mark of a list item: "4) How hard...", "2. The economy".
LIST_MARKER = re.compile(r"[.)]\s+(?=[A-Z“\"‘])")
# A share told as a part of a whole: "nine in 10 Americans", "about eight out of 10 voters", "one in five
# adults"; after "of" only against a round whole ("eight of 10"), since "two of three judges" counts judges.
_PART = r"one|two|three|four|five|six|seven|eight|nine|\d{1,3}"
SHARE = re.compile(
    _spoken_qualifier(SHARE_QUALIFIERS) + r"\b(?P<part>" + _PART + r")\s+(?:in|(?P<of>of|out\s+of))\s+"
    r"(?P<whole>three|four|five|six|seven|eight|nine|ten|\d{1,3}(?:,\d{3})?)\b"
    r"(?=\s+(?!(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|the|of|and|or)\b)[A-Za-z])",
    re.IGNORECASE)
ROUND_WHOLES = (10.0, 100.0, 1000.0)
# After "eight of 10", the people a poll asks or what they answer: a share of them, not a count of races won.
POLLED = re.compile(r"\s+(?:(?:[A-Za-z-]+\s+){0,2}(?:Americans|voters|adults|people|respondents|residents|Republicans|"
                    r"Democrats|independents|men|women|parents|workers|students|teens|teenagers|children|kids|"
                    r"doctors|nurses|patients|households|families|businesses|employers|economists|members)|"
                    r"said|say|says|think|thought|believe|support|supported|oppose|opposed|favor|favored|approve|"
                    r"approved|disapprove|want|wanted|expect|expected)\b")


# How far back from a figure the rules read its sentence (characters): each figure costs the same
# whatever the length of its sentence.
WINDOW = 1000
SENTENCE_END = re.compile(r"(?P<word>[\w.]+)[.!?][”\"’]?\s+(?=[A-Z“\"‘])")


def sentence_start(text: str, position: int) -> int:
    """Where the sentence holding `position` starts: after the last ". " before it that ends a sentence
    (a capital or quote follows, no abbreviation such as "U.S." or "Mr." precedes), or a line break. Only
    the `WINDOW` characters before `position` are read: a longer sentence starts there for our rules."""
    window = max(0, position - WINDOW)
    if window:
        space = text.find(" ", window, position)  # not in the middle of a word
        window = space + 1 if space >= 0 else window
    starts = [m.end() for m in SENTENCE_END.finditer(text, window, position)
              if m.group("word").lower().rstrip(".") not in ABBREVIATIONS]
    return max([text.rfind("\n", window, position) + 1, window, *starts])


def about_pregnancy(text: str, start: int, end: int) -> bool:
    """True when `GESTATION` words stand within 120 characters of text[start:end] (its sentence's reach)."""
    return bool(GESTATION.search(text[max(0, start - 120):end + 120]))


def term(text: str, start: int, end: int) -> re.Match | None:
    """The time unit after the number at text[start:end] when the number is the length of a prison term (`TERM`,
    `SENTENCED`), else None."""
    unit = TERM_UNIT.match(text, end)
    if unit and (TERM.match(text, end) or SENTENCED.search(text, max(0, start - 60), start)):
        return unit
    return None


def gestational(text: str, end: int) -> bool:
    """True when the number ending at `end` counts weeks of a pregnancy."""
    return bool(GESTATION_WEEKS.match(text, end)) and about_pregnancy(text, end, end)


# Three numbers or more in a row with no word between them: the scale or legend of a chart saved with the text
# ("Where deaths increased +10 +20 +40 +60% No data"), no figure.
SCALE_RUN = re.compile(r"(?<![\w.,])(?:[+−-]?\d(?:[\d,.]*\d)?%?[ \t]+){2,}[+−-]?\d(?:[\d,.]*\d)?%?(?!\w)")


def _skip(text: str, start: int, end: int, dates: list[tuple[int, int]]) -> bool:
    """True when the number at text[start:end] is a year, date, time, ordinal, part of a name or of a chart's
    scale (`SCALE_RUN`)."""
    near = bisect.bisect_right(dates, (start, math.inf))  # `dates` are sorted and do not overlap
    if any(s <= start < e or s < end <= e for s, e in dates[max(0, near - 1):near + 1]):
        return True
    if any(m.start() <= start and end <= m.end() for m in SCALE_RUN.finditer(text, max(0, start - 80), end + 80)):
        return True
    before, after = text[max(0, start - 2):start], text[end:end + 12]
    if IN_NAME.search(before) or re.match(r"(?![CF]\b)[A-Za-z]|/\d|:\d|\.\d|-[A-Z]|-\d", after) or ORDINAL.match(after):
        return True
    if re.search(r"[/:]$", before) or re.match(r"\s*(?:a\.m\.|p\.m\.|am\b|pm\b|GMT\b|UTC\b|BST\b|CET\b|[ECMP][SD]T\b|o['’]clock\b)|\\?/", after) \
            or CLOCK.match(after):
        return True  # "4 a.m.", "at three o’clock in the morning", "11: 06 a.m.": a time of day
    if LIST_MARKER.match(after) and not text[text.rfind("\n", 0, start) + 1:start].strip():
        return True  # "4) How hard will Clinton attack?", "2. The economy": a list item's number
    if KIND_OF.match(after) or DECADE.match(text, start) or ADDRESS.match(text, end):
        return True  # "a two-way race", "the 90’s", "131 West 23rd Street"
    if text[start:end].isalpha() and re.match(r"[\s-]+and[\s-]+a[\s-]+half[\s-]+(?:hour|day|week|month|year)s\b",
                                              text[end:end + 30]):
        return True  # "his seven and a half years in office": a length of time
    odd = ODD.match(text, end)  # "the 40-odd years since": a length of time as well
    if DURATION.match(text, odd.end() if odd else end) and not term(text, start, end) and not gestational(text, end) \
            or re.match(r"\s+(?:straight|consecutive)\b", after):
        return True  # "four-week average", "21-year high", "30-day period", "four straight weeks"
    if LABEL.search(text, max(0, start - 20), start) or re.search(r"\bper\s+$", text[max(0, start - 5):start]):
        return True  # "Phase 6", "Flight 17", "Article 5": a label; "per 1,000": the base of a rate
    digits = text[start:end]  # "2000 troops" is a count, "2020 marks the sixth year" a year
    return bool(re.fullmatch(r"(?:1[89]|20)\d{2}", digits) and not (
        re.match(r"\s+(?!(?:as|is|was|has|its|his|this|thus|us|plus|levels)\b)[a-z]+s\b", after)
        and text[max(0, start - 5):start].strip()[-1:] not in ".!?\"“"
        and not re.search(r"\b(?:the|its|their|his|her)\s+$", text[max(0, start - 8):start], re.IGNORECASE)))
    # "in spring 2019 as one of several women", "the 2016 elections", "below 2005 levels": years


def counted(text: str, match: re.Match, dates: list[tuple[int, int]]) -> bool:
    """False when the number of a `QUANTITY` match is a year, date, time, ordinal, part of a name, or a
    word that is a pronoun or names known entities rather than counting ("one of", "the two countries")."""
    number_start, number_end = match.span("number")
    if _skip(text, number_start, (match.end("scale2") if match.group("scale2") else match.end("number2"))
             if match.group("number2") else match.end("scale") if match.group("scale") else number_end, dates):
        return False
    if match.group("number").lower() in ("one", "a", "an") and not match.group("scale") and not (
            match.group("number").lower() == "one" and (ONLY.search(text, max(0, number_start - 12), number_start)
                                                         or term(text, number_start, number_end))
            and not re.match(r"\s+(?:of|who|that|which)\b", text[match.end():])):
        return False  # "one of the largest armies": a pronoun far more often than a count ("only one", "a one-year
        # jail sentence" count)
    if match.group("number2") and all(re.fullmatch(r"(?:1[89]|20)\d{2}", match.group(n)) for n in ("number", "number2")):
        return False  # "her 2000 and 2006 Senate races": two years
    before, after = text[max(0, number_start - 12):number_start], text[match.end():match.end() + 40]
    if not (match.group("percent") or match.group("currency")) and RANK_BEFORE.search(before) and (
            RANK_AFTER.match(after) and match.group("number").isalpha()
            or re.search(r"\b(?:top|bottom)\s+$", before, re.IGNORECASE)):
        return False  # "the top two leaders", "the two largest emitters" ("the nation's 25 largest cities" count)
    if not (match.group("percent") or match.group("currency")) and RANK_AFTER.match(after) and \
            re.match(r"\s+of\s+the\b", after):
        return False  # "two of the strongest critics"
    if match.group("percent") and match.group("number") == "100" and INTENSIFIED.match(text, match.end()):
        return False  # "They are 100 percent wrong"
    if match.group("number").isalpha() and PLACED.search(text, max(0, number_start - 20), number_start):
        return False  # "the final three words", "the initial two doses"
    if in_title(text, number_start, match.group("number")):
        return False  # "restaurant Two Meatballs in the Kitchen", "show The 411"
    if in_name(text, match):
        return False  # "Fortune 500 companies", "SiriusXM Patriot 125 weekdays", "the Brians 2 prison"
    if GROUP_BY.search(text, max(0, match.start() - 50), match.start()) and re.match(r"\s+or\s+(?:more|above|higher)\b",
                                                                                 text[match.end():]):
        return False  # "households making $100,000 or more": a bound that says who is meant, not an amount
    if match.group("number").isalpha() and not match.group("qualifier") and ENUMERATED.match(text, match.end()):
        return False  # "two Vermont developers, Ariel Quiros and William Stenger": the names, not a count
    if not match.group("number").isalpha() or not re.search(r"\bthe\s+$", text[max(0, number_start - 4):number_start],
                                                            re.IGNORECASE):
        return True  # "The two women spoke", "The two Republican presidents introduced": known entities
    return not (PRONOUN_AFTER.match(after) or re.match(
        r"-|\s+(?:[A-Za-z]+\s+)?(?:countries|nations|parties|sides|leaders|governments|men|women|companies|candidates|"
        r"nominees|presidents)\b", after))  # "the two countries", "the two-dose vaccine" ("the two lawmakers" count)


# Before "$100,000 or more", a group and the verb of what it earns or raised: "households making", "super PACs that
# have raised" (not "asked to pay $2,000 or more", "gave $3million or more apiece": amounts paid).
GROUP_BY = re.compile(r"\b[A-Za-z]+s\s+(?:(?:who|that)\s+(?:have\s+|had\s+)?)?(?:making|earning|make|earn|made|earned|raised|"
                      r"raising|with\s+incomes?\s+of)\s+$")
# After a number word and its noun, the names it stands for: "two Vermont developers, Ariel Quiros and William
# Stenger", "Two Democrats, billionaire environmentalist Tom Steyer and hedge-fund manager S. Donald Sussman", "there
# are two: Cory Booker (D-N.J.) and Tim Scott" (not "three people, including Tom Smith and ...", nor "at least two
# states, Illinois and Arizona": a bound counts).
_NAMED = (r"(?:(?!(?:including|among|from|by|in|at|of|with|for|to|on|and|or|the|a|an)\b)[a-z][\w-]*\s+){0,3}"
          r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}(?:\s+\([^)]*\))?")
ENUMERATED = re.compile(r"(?:\s+[\w-]+){0,3}?\s*[,:]\s+" + _NAMED + r"(?:,\s+" + _NAMED + r")*,?\s+and\s+" + _NAMED)
# A word of a country's name ("Mexico", "UK", "States" of "United States"): a place before a number is no name of it.
COUNTRY_NAME = re.compile("|".join(f"(?:{words})" for words in COUNTRIES.values()) + r"|United|States|Kingdom")
# After a bare number, what makes it a figure in a list or a tally rather than part of a name: "Clinton 45, Trump
# 41", "the Senate 92 to 6", "Stein 3 percent".
NAME_TAIL = re.compile(r"\s+(?!(?:to|and|or|percent|per|points?|votes?|more|of|times|versus|vs)\b)[A-Za-z]")


# Capitalised words joined by "&" before a number ("the S&P 500 is hovering", "the Standard & Poor’s 500 cutting"):
# the number is part of that name, as after other capitalised words.
AMPERSAND_NAME = re.compile(r"[\w,]\s+((?:[A-Z][\w'’-]*\s)*[A-Z][\w'’-]*&[A-Z][\w'’-]*\s|"
                            r"(?:[A-Z][\w'’-]*\s)+&\s(?:[A-Z][\w'’-]*\s)+)$")


def in_name(text: str, match: re.Match) -> bool:
    """True for a bare number (digits, no percent, currency, scale or second number, a word after it) right after
    capitalised words inside a sentence that no verb, conjunction or "than" governs, none of them a day, a month or
    a country: the number is part of that name ("how Fortune 500 companies", "on SiriusXM Patriot 125 weekdays",
    "the Brians 2 prison"; not "gave Democrats 50 seats", "Canada has 389 cases and Costa Rica 8", "said on
    Saturday 72 people", "In the United States 50 cases")."""
    number = match.group("number")
    if not number.isdigit() or any(match.group(g) for g in ("percent", "currency", "scale", "number2", "qualifier")):
        return False
    start = match.start("number")
    name = re.search(r"[\w,]\s+((?:[A-Z][\w-]*\s)+)$", text[max(0, start - 60):start]) \
        or AMPERSAND_NAME.search(text[max(0, start - 60):start])
    if not name or not NAME_TAIL.match(text, match.end()) or any(
            word.lower() in WEEKDAYS or word.lower() in MONTHS or COUNTRY_NAME.fullmatch(word)
            for word in name.group(1).split()):
        return False
    before = tag_words(text[max(0, start - 80):start - len(name.group(1))])
    return bool(before) and not before[-1].pos.startswith(("VB", "MD", "CC")) and before[-1].word.lower() != "than"


# A capitalised number word followed by "more", "new", "further", "other" or a scale opens a sentence that the text
# before it runs into without a stop (a headline or a photo caption glued to the lede in a feed: "... emerged in the UK
# Two more people in London have been diagnosed", "Photograph : AP Nine new cases of swine flu were confirmed"): a count.
RUN_ON_COUNT = re.compile(r"\s+(?:more|new|further|other|additional|million|billion|thousand|hundred)\b")


def in_title(text: str, start: int, word: str) -> bool:
    """True for a number word capitalised inside a sentence, part of a name or heading ("restaurant Two Meatballs in
    the Kitchen", "SAVE A QUARTER"), or a number after a capitalised "The" inside a sentence ("show The 411")."""
    before = text[max(0, start - 30):start]
    if word.isalpha() and word[:1].isupper():
        return bool(re.search(r"[A-Za-z,]\s+$", before)) and not RUN_ON_COUNT.match(text, start + len(word))
    return before.endswith("The ") and bool(re.search(r"[A-Za-z,]\s+$", before[:-4]))


def band(text: str, match: re.Match) -> Quantity | None:
    """The figure of one `BAND` match: qualifier vague, value and low the band's floor, high its top; an age after
    "his", "her" or "their", a temperature in a sentence of heat, else a percentage (a rate "in the low-50s"); None
    in a sentence of no rate, poll or temperature (a span of years: "music from the late 90s")."""
    start = sentence_start(text, match.start())
    end = text.find(". ", match.end(), match.end() + 300)
    sentence = text[start:end if end >= 0 else match.end() + 300]
    age = re.search(r"\b(?:his|her|their)\s+$", text[max(0, match.start() - 8):match.start()])
    if not age and not BAND_OF.search(sentence):
        return None
    floor = float(match.group("floor"))
    if age:
        kind, unit = "age", "years"
    elif re.search(r"\b(?:degrees|temperatures?|heat|hot)\b", sentence, re.IGNORECASE):
        kind, unit = "measure", "fahrenheit"
    else:
        kind, unit = "percent", "%"
    return Quantity(match.start(), match.end(), floor, floor, floor + 9, "vague", kind, unit, "")


def vague(text: str, match: re.Match) -> Quantity:
    """The figure of one `VAGUE_QUANTITY` match: no value, the low and high of its words."""
    words = " ".join(match.group("words").lower().split())
    words = re.sub(r"^tens of (million|billion)$", r"tens of \1s", words.removesuffix(" of").replace("-", ""))
    if words in VAGUE_PLURALS:
        low, high = VAGUE_PLURALS[words]
    else:
        amount, scale = re.match(r"(a few|several|a handful of)\s+(\w+)", words).groups()
        scale = scale.rstrip("s")
        factor = 12 if scale == "dozen" else SCALES[scale]
        low, high = (v * factor for v in VAGUE[amount])
    money = words.startswith("multi")  # "a multitrillion-dollar spending package"
    end = match.end() + len("-dollar") * money
    dollars = re.match(r"\s*dollars\b", text[end:]) if words.endswith(("millions", "billions", "trillions")) else None
    if dollars:  # "trillions of dollars": money, its noun the unit
        money, end = True, end + dollars.end()
    elif words in ("billions", "trillions") and IN_FUNDS.match(text, end):
        money = True  # "billions in defense funds", "trillions in new spending"
    return Quantity(match.start(), end, math.nan, float(low), float(high), "vague", "money" if money else "count",
                    "USD" if money else "", "")


def is_ratio(text: str, match: re.Match) -> bool:
    """False for a `RATIO` match that is no figure: "a year and a half", "seven and a half years", "twice a day",
    "a double bombing", "doubling down on his attacks", "a double standard", "a third shot" (not "up by a third
    from 2001"), a heading ("SAVE A QUARTER")."""
    word = " ".join((match.group("ratio") or "").lower().replace("-", " ").split())
    after = text[match.end():match.end() + 30]
    if re.match(r"\s+down\b", after) and word.startswith(("doubl", "tripl")) or word == "a half" and \
            re.match(r"[\s-]+(?:second|minute|hour|day|week|month|year|decade)s?\b", after, re.IGNORECASE):
        return False
    if in_title(text, match.start(), (match.group("ratio") or "x").split()[0]) or word == "double" and re.match(
            r"\s+standards?\b", after) or word in ("a third", "one third") and re.match(
            r"\s+(?!of\b|the\b|as\b|that\b|majority\b|more\b|less\b|fewer\b|from\b|since\b|in\b|over\b|to\b|than\b|and\b|or\b)"
            r"[a-z]+\b", after):
        # "a third shot" is an ordinal before its noun; "up by a third from 2001" a fraction before a preposition
        return False  # "SAVE A QUARTER", "the media’s double standard", "a third shot": a heading, an idiom, an ordinal
    if match.group("ratio") == "A third" and re.match(r",\s+[A-Z]", after) and \
            re.search(r"(?:^|[.!?]['’\"”]?\s+)$", text[max(0, match.start() - 3):match.start()]):
        return False  # "Two Democrats voted against both articles ... A third, Rep. Jared Golden, voted for one": an ordinal

    return not (NOT_A_RATIO.search(text, max(0, match.start() - 12), match.start())
                or FREQUENCY.match(text, match.end()) or (match.group("ratio") or "").lower() in ("double", "triple")
                and re.search(r"\b[Aa]n?\s+$", text[max(0, match.start() - 3):match.start()]))


def figure(text: str, match: re.Match, dates: list[tuple[int, int]]) -> Quantity | None:
    """The figure of one `QUANTITY` match; None when its second number is not the end of a range."""
    number_start = match.start("number")
    value = _number(match.group("number"), match.group("scale"))
    qualifier = APPROXIMATE.get(" ".join((match.group("qualifier") or "").lower().split()), "exact")
    low, high = _bounds(value, qualifier)
    kind, unit, against = "count", "", math.nan
    before = text[max(0, number_start - 40):number_start]
    if match.group("number2"):
        if match.group("link").strip() != "-to-" and _skip(text, match.start("number2"), match.end(
                "scale2") if match.group("scale2") else match.end("number2"), dates):
            return None
        second = _number(match.group("number2"), match.group("scale2"))
        if match.group("scale2") and not match.group("scale"):  # "1.5 to 2 million"
            value *= SCALES[match.group("scale2").strip().lstrip("-").lower()]
        link = re.sub(r"^-\s+to$", "to", match.group("link").strip().lower())  # "12- to 17-year-olds"
        sentence = text[sentence_start(text, number_start):text.find(". ", match.end(), match.end() + WINDOW)
                        % (len(text) + 1)]
        if second <= value and link != "and" and VOTE_WORDS.search(sentence):
            kind, unit, against = "vote", "votes", second  # "50-49", "254 to 175"
        elif second <= value and link in ("-", "–", "-to-"):
            return Quantity(-1, -1, value, value, value, "exact", "", "", "")  # "2-1": a score or a code
        elif second <= value or link not in ("-", "–") and (CHANGE_BEFORE.search(before) or re.search(
                r"\b(?:from|by)\s+(?:(?:about|nearly|almost|roughly|some|around|more than|over|just|an estimated)\s+)?$",
                text[max(0, match.start() - 40):match.start("number")])) \
                or (link == "and" and not match.group(
                "between")):
            return None
        else:
            low, high, qualifier = value, second, "range"
            value = (low + high) / 2
    end = match.end()
    odd = ODD.match(text, end) if not match.group("number2") else None
    if odd:  # "60-some miles", "20-plus people": more than the number ("some 300-odd": about it)
        qualifier, end = "more than" if qualifier == "exact" else qualifier, odd.end()
        low, high = _bounds(value, qualifier)
    half = HALF.match(text, end) if not (match.group("number2") or match.group("scale") or match.group("percent")) \
        else None
    if half and match.group("number").isdigit():
        value, end = value + 0.5, half.end()
        low, high = _bounds(value, qualifier)
    after = text[end:end + 40]
    currency = match.group("currency") or match.group("currency2")
    if kind == "vote":
        pass
    elif match.group("percent"):
        kind, unit = "percent", "percentage points" if "point" in match.group("percent") else "%"
    elif currency:
        kind, unit = "money", CURRENCIES[currency]
    elif re.match(r"°?[CF]\b", after) and not match.group("number2"):  # "47.2C (117F)", "40°C"
        degrees = re.match(r"°?([CF])\b", after)
        kind, unit = "measure", {"C": "celsius", "F": "fahrenheit"}[degrees.group(1)]
        end += degrees.end()
    elif MEASURE.match(after):
        kind, unit = "measure", MEASURE.match(after).group("unit").lower()
        end += MEASURE.match(after).end()
    elif gestational(text, end):  # "bans abortions after six weeks": a gestational limit
        kind, unit = "measure", "weeks"
        end += GESTATION_WEEKS.match(after).end("unit") + 1
    elif length := term(text, number_start, end):  # "a 270-month prison sentence", "up to nine years in prison"
        kind, unit = "measure", length.group("unit").lower() + "s"
        end = length.end()
    elif AGE.match(after) or AGE_BEFORE.search(before) or (value < 120 and (group := AGE_GROUP.search(before)) and (
            match.group("number2") or group.group("under") or AGE_OPEN.match(after))) or (
            re.search(r"[A-Z]\w+\s*,\s*(?:now\s+)?$", text[max(0, number_start - 30):number_start])  # "Rogers, now 62,"
            and re.match(r",", after) and value < 120):
        age = AGE.match(after) or re.match(r"\s+years?\b(?=\s+(?:and|or)\s)", after)  # "65 years and older"
        kind, unit = "age", (re.search(r"[a-z]+", age.group()).group().rstrip("s") + "s") if age else "years"
        end += age.end() if age else 0
    else:
        word = re.match(r"\s*(dollars|euros|pounds|won|rubles|yuan|cents)\b", after)
        if word:
            kind, unit = "money", CURRENCIES[word.group(1).lower()]
            end += word.end()
            if word.group(1).lower() == "cents":
                value, low, high = (v / 100 for v in (value, low, high))
    digits = re.match(r"[\s-]+figures?\b", text[end:end + 12]) if kind == "count" and match.group("number").isalpha() \
        and not match.group("scale") else None
    if digits and 3 <= value <= 12:  # "start at six figures", "lop five figures off costs": money of that many digits
        value, low, high, qualifier = 10 ** (value - 1), 10 ** (value - 1), math.inf, "at least"
        kind, unit, end = "money", "USD", end + digits.end()
    per = PER.match(text, end) if kind == "count" else None
    if per:  # "55.8 births per 1,000 women": a rate
        kind, unit = "rate", "per " + per.group("base")
    start = match.start("currency") if match.group("currency") else number_start
    if qualifier == "up to" and MOVED_UP.search(text, max(0, match.start("qualifier") - 40), match.start("qualifier")):
        qualifier, low, high = "exact", value, value  # "ticked up to 6.1%", "was revised up to 371,000"
    elif match.group("qualifier"):
        start = match.start("qualifier")
    start = match.start("between") if match.group("between") else start
    if kind in ("count", "percent", "money") and CHANGE_BEFORE.search(before):
        kind = "change"
    if qualifier == "exact" and kind != "vote" and re.match(r"\s+(?:more|additional|extra)\b", text[end:]):
        qualifier = "another"  # "4,901 more than in 2019", "4,901 additional murders": an increment
    return Quantity(start, end, value, low, high, qualifier, kind, unit, "", against=against)


def ratio(text: str, match: re.Match) -> Quantity:
    """"twice", "more than double", "2.34 times", "halved", "two-thirds of", "one-quarter the size"."""
    qualifier = APPROXIMATE.get(" ".join((match.group("qualifier") or "").lower().split()), "exact")
    word = " ".join((match.group("ratio") or "").lower().replace("-", " ").split())
    kind, unit = "rate", "times"
    if word == "half" and re.search(r"\b(?:cut|cutting|slash\w*|reduc\w+)\s+(?:[\w.’'-]+\s+){0,6}in\s+$", text[max(0, match.start() - 80):match.start()]):
        word = "halved"  # "cut U.S. greenhouse gas emissions in half"
    scaled = (match.group("scaled") or "").lower()
    if word in FRACTIONS and scaled:  # "a quarter of a million dollars": a fraction of a scale
        value = FRACTIONS[word] * SCALES[re.search(r"(?:m|b|tr)illion", scaled).group()]
        kind, unit = ("money", "USD") if scaled.endswith("dollars") else ("count", "")
    elif word in FRACTIONS:
        value = FRACTIONS[word]
        if re.match(r"\s+(?:of|(?:super)?majority)\b", text[match.end():match.end() + 20]):  # "a half dose": a ratio
            kind, unit, value = "percent", "%", round(100 * value, 2)  # "two-thirds of", "the two-thirds majority"
    elif match.group("times"):
        value = _number(match.group("times"), None)
    else:
        value = MULTIPLES[word]
        if word in ("halved", "doubled", "doubling", "tripled", "tripling"):
            kind, unit = "change", ("%" if word == "halved" else "times")
    low, high = _bounds(value, qualifier)
    return Quantity(match.start(), match.end(), value, low, high, qualifier, kind, unit, "")


def share(text: str, match: re.Match) -> Quantity | None:
    """A `SHARE` match as a percent ("nine in 10" is 90%); None when it is no share: a part not below its
    whole, or "of" before a whole that is not round ("two of three judges") or not of `POLLED` people
    ("won two of 10 races")."""
    part, whole = _number(match.group("part"), None), _number(match.group("whole"), None)
    if not 0 < part < whole or match.group("of") and (whole not in ROUND_WHOLES or not POLLED.match(text, match.end())):
        return None
    qualifier = APPROXIMATE.get(" ".join((match.group("qualifier") or "").lower().split()), "exact")
    value = round(100 * part / whole, 2)
    low, high = _bounds(value, qualifier)
    return Quantity(match.start(), match.end(), value, low, high, qualifier, "percent", "%", "")
