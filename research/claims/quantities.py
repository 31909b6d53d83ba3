"""Figures in text: numbers with their qualifier, bounds, kind, unit and the noun phrase they count.

`find_quantities(text)` finds every figure in a sentence ("3,000 North Korean
troops", "up to 12,000", "a few thousand troops", "$400 million in new military
aid", "74 percent of likely voters") with `value`, `low`, `high`, a `qualifier`
(see `QUALIFIERS`), a `kind` (count, money, percent, measure or age), a `unit`
where there is one, and its `subject`: the noun phrase after the number.
Years ("in 2022", "1950-53"), calendar dates ("October 4, 2024", "June 19"),
times, ordinals and numbers inside names ("H1N1", "F-16", "9/11") are not
quantities. `subject_key` normalises a subject for grouping (nationality + a
class of nouns: troops, soldiers and forces are all "troops").
"""

from __future__ import annotations

import math
import re
from typing import NamedTuple

from research.claims.actors import COUNTRIES
from research.text.dates import find_time_expressions

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
}
SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
          "m": 1e6, "mn": 1e6, "bn": 1e9, "k": 1e3}
# Vague amounts: (low, high) of the words.
VAGUE = {"a few": (2, 5), "few": (2, 5), "several": (3, 9), "a handful of": (2, 5)}
VAGUE_PLURALS = {"dozens": (24, 99), "scores": (40, 99), "hundreds": (200, 999), "thousands": (2_000, 9_999),
                 "tens of thousands": (20_000, 99_999), "hundreds of thousands": (200_000, 999_999),
                 "millions": (2e6, 9.99e6), "billions": (2e9, 9.99e9)}
CURRENCIES = {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₩": "KRW", "₽": "RUB",
              "dollars": "USD", "euros": "EUR", "pounds": "GBP", "won": "KRW", "rubles": "RUB", "yuan": "CNY"}
MEASURES = ("miles mile kilometers kilometres km meters metres feet foot tons tonnes ton kg kilograms acres "
            "hectares gallons barrels degrees inches yards square").split()
# Nouns counted under one class, for grouping the same subject across wordings.
SUBJECT_CLASSES = {
    "troops": "troops soldiers forces personnel servicemen fighters conscripts combatants special troop soldier",
    "people": "people persons individuals residents civilians",
    "cases": "cases infections case",
    "deaths": "deaths fatalities dead death",
    "casualties": "casualties",
}
_CLASS_OF = {word: name for name, words in SUBJECT_CLASSES.items() for word in words.split()}
# What happened to the people counted: "81 people had died", "killed 150 people", "1,000 people infected".
DIED_AFTER = re.compile(r"\s*(?:(?:have|has|had|were|are|was)\s+)?(?:(?:been|reportedly|now)\s+)?"
                        r"(?:died|dead|killed|perished|lost their lives)\b")
KILLED_BEFORE = re.compile(r"\b(?:killed|killing|kills|deaths of|death of)\s+(?:\w+\s+){0,3}$")
INFECTED_AFTER = re.compile(r"\s*(?:(?:have|has|had|were|are|was)\s+)?(?:(?:been|now)\s+)?"
                            r"(?:infected|fallen ill|tested positive|diagnosed|sickened)\b")
INFECTED_BEFORE = re.compile(r"\b(?:infected|infecting|sickened)\s+(?:\w+\s+){0,3}$")
# Words that end a subject noun phrase.
SUBJECT_STOP = frozenset(
    "a an the of and or but that which who whom whose is are was were be been being has have had do does did "
    "will would could should may might must can to from into in on at by for with as than then there their "
    "they them it its this these those said says each per out up down over after before since during while "
    "when where if so not no also already still now about against between among including across along near "
    "through around within without toward towards under via amid despite".split())
# Irregular past participles that end a subject ("soldiers sent to Russia").
PARTICIPLES = frozenset("sent taken given made held seen known shown brought built kept left lost paid put said "
                        "told found led run set spent won hit cut shot fought bought caught drawn driven flown "
                        "thrown written born worn gone begun done".split())
CONTAINERS = frozenset("containers units rounds shells tons tonnes barrels pieces cases sets batches shipments "
                       "rounds boxes crates truckloads battalions brigades divisions regiments companies "
                       "groups percent".split())

_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_WORDS = "|".join(sorted((re.escape(w) for w in NUMBER_WORDS), key=len, reverse=True))
_SCALE = r"(?:\s*(?:hundred|thousand|million|billion|trillion)\b|(?:m|mn|bn|k)\b)"
_NUMBER = r"(?:" + _DIGITS + r"|\b(?:" + _WORDS + r")(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?\b)"
_QUALIFIER = "|".join(sorted((re.escape(q) for q in APPROXIMATE), key=len, reverse=True))
QUANTITY = re.compile(
    r"(?:(?P<qualifier>\b(?:" + _QUALIFIER + r"))\s+)?"
    r"(?:(?P<between>\bbetween)\s+)?"
    r"(?P<currency>US\$|[$€£¥₩₽])?\s?"
    r"(?P<number>" + _NUMBER + r")(?P<scale>" + _SCALE + r")?"
    r"(?:\s*(?:-|–|to|and|or)\s*(?P<currency2>US\$|[$€£¥₩₽])?(?P<number2>" + _NUMBER + r")(?P<scale2>"
    + _SCALE + r")?)?"
    r"(?P<percent>\s?%|\s+per\s?cent\b|\s+percent(?:age points?)?\b)?",
    re.IGNORECASE)
VAGUE_QUANTITY = re.compile(
    r"\b(?P<words>(?:" + "|".join(sorted(map(re.escape, VAGUE_PLURALS), key=len, reverse=True)) + r")\s+of"
    r"|(?:a few|several|a handful of)\s+(?:hundred|thousand|million|dozen)"
    r"|(?:a few|several)\s+(?:hundreds|thousands)\s+of)\b", re.IGNORECASE)
# A number glued to letters or slashes is part of a name or code: H1N1, F-16, COVID-19, 9/11, 24/7.
IN_NAME = re.compile(r"[A-Za-z]-?$|/$")
MEASURE = re.compile(r"\s*-?(?P<unit>" + "|".join(MEASURES) + r")(?:-(?:long|wide|high|deep|tall))?\b",
                     re.IGNORECASE)
LABEL = re.compile(r"\b(?:Phase|Level|Category|Stage|Grade|Article|Section|Chapter|Room|Flight|Route|Highway|"
                   r"No\.|Number|Channel|Apollo|Game|Round|Step|Page|Volume|Vol\.|Part|Act|Class|Type|Model|"
                   r"Version|Resolution|Platform|Gate|Terminal|Unit)\s+$")
AGE = re.compile(r"^-(?:year|month|week|day)s?-old\b|^\s*,?\s*(?:years?|months?) old\b")
ORDINAL = re.compile(r"^(?:st|nd|rd|th)\b")


class Quantity(NamedTuple):
    """A figure found in a text: offsets, value, low, high, qualifier, kind, unit, subject."""

    start: int
    end: int
    value: float
    low: float
    high: float
    qualifier: str
    kind: str
    unit: str
    subject: str


def _number(text: str, scale: str | None) -> float:
    text = text.lower().replace(",", "").strip()
    if text in NUMBER_WORDS:
        value = float(NUMBER_WORDS[text])
    elif re.fullmatch(r"[a-z]+[- ][a-z]+", text):
        tens, ones = re.split(r"[- ]", text)
        value = float(NUMBER_WORDS[tens] + NUMBER_WORDS[ones])
    else:
        value = float(text)
    return value * SCALES[scale.strip().lower()] if scale else value


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


def _subject(text: str, start: int) -> tuple[str, str]:
    """(subject, measure unit) of the noun phrase that starts at `start`, after a number."""
    rest = text[start:start + 120]
    unit = ""
    words = []
    for match in re.finditer(r"[\w’'\-]+|[^\w\s]", rest):
        word = match.group()
        lower = word.lower()
        if not words and lower in ("of", "in", "worth") and not unit:
            continue  # "74 percent of likely voters", "$400 million in new military aid"
        if not words and lower in MEASURES or (words and words[-1].lower() == "square"):
            unit = f"{unit} {lower}".strip()
            continue
        if not (word[0].isalnum()) or lower in SUBJECT_STOP:
            if lower == "of" and words and words[-1].lower() in CONTAINERS:
                words.append(word)
                continue
            break
        if words and word.islower() and lower.endswith(("ly",)):
            break  # "troops unlikely to"
        if words and word.islower() and "-" not in word and (lower.endswith(("ed", "ing")) or lower in PARTICIPLES) \
                and words[-1].lower() != "of" \
                and not words[-1].lower().endswith("-"):
            break  # "soldiers sent to Russia", "troops receiving training"
        words.append(word)
        if len(words) >= 6:
            break
    while words and words[-1].lower() == "of":
        words.pop()
    subject = " ".join(words)
    subject = re.sub(r"^-(?=\w)", "", subject)
    return subject, unit


def _skip(text: str, start: int, end: int, dates: list[tuple[int, int]]) -> bool:
    """True when the number at text[start:end] is a year, date, time, ordinal or part of a name."""
    if any(s <= start < e or s < end <= e for s, e in dates):
        return True
    before, after = text[max(0, start - 2):start], text[end:end + 12]
    if IN_NAME.search(before) or re.match(r"[A-Za-z]|/\d|:\d|\.\d|-[A-Z]|-\d", after) or ORDINAL.match(after):
        return True
    if re.search(r"[/:]$", before) or re.match(r"\s*(?:a\.m\.|p\.m\.|am\b|pm\b)|\\?/", after):
        return True
    if LABEL.search(text, max(0, start - 20), start):
        return True  # "Phase 6", "Flight 17", "Article 5": a label, not a quantity
    digits = text[start:end]
    return bool(re.fullmatch(r"(?:1[89]|20)\d{2}", digits) and not re.match(r"\s+[a-z]+s\b", after))


def find_quantities(text: str, published: str = "") -> list[Quantity]:
    """Figures in `text` (offsets into it), years, dates and numbers in names left out.

    >>> [(q.value, q.qualifier, q.subject) for q in find_quantities("up to 12,000 North Korean troops")]
    [(12000.0, 'up to', 'North Korean troops')]
    """
    dates = [(t.start, t.end) for t in find_time_expressions(text, published)]
    found: list[Quantity] = []
    taken: list[tuple[int, int]] = []
    for match in VAGUE_QUANTITY.finditer(text):
        words = " ".join(match.group("words").lower().split())
        words = words.removesuffix(" of")
        if words in VAGUE_PLURALS:
            low, high = VAGUE_PLURALS[words]
        else:
            amount, scale = re.match(r"(a few|several|a handful of)\s+(\w+)", words).groups()
            scale = scale.rstrip("s")
            factor = 12 if scale == "dozen" else SCALES[scale]
            low, high = (v * factor for v in VAGUE[amount])
        subject, unit = _subject(text, match.end())
        found.append(Quantity(match.start(), match.end(), math.nan, float(low), float(high), "vague", "count",
                              unit, subject))
        taken.append(match.span())
    for match in QUANTITY.finditer(text):
        number_start, number_end = match.span("number")
        if any(s <= number_start < e for s, e in taken) or _skip(text, number_start, number_end, dates):
            continue
        if match.group("number").lower() == "one" and not match.group("scale"):
            continue  # "one of the largest armies": a pronoun far more often than a count
        if match.group("number").isalpha() and re.search(r"\bthe\s+$", text[max(0, number_start - 4):number_start]):
            continue  # "the two countries": entities already known, not a figure
        if match.group("number2") and _skip(text, *match.span("number2"), dates):
            continue
        value = _number(match.group("number"), match.group("scale"))
        qualifier = APPROXIMATE.get(" ".join((match.group("qualifier") or "").lower().split()), "exact")
        low, high = _bounds(value, qualifier)
        if match.group("number2"):
            second = _number(match.group("number2"), match.group("scale2"))
            if match.group("scale2") and not match.group("scale"):  # "1.5 to 2 million"
                value *= SCALES[match.group("scale2").strip().lower()]
            if second <= value:
                continue  # "2-1", "10-0": scores and codes, not ranges
            low, high, qualifier = value, second, "range"
            value = (low + high) / 2
        end = match.end()
        after = text[end:end + 40]
        kind, unit = "count", ""
        currency = match.group("currency") or match.group("currency2")
        if match.group("percent"):
            kind, unit = "percent", "percentage points" if "point" in match.group("percent") else "%"
        elif currency:
            kind, unit = "money", CURRENCIES[currency]
        elif MEASURE.match(after):
            kind, unit = "measure", MEASURE.match(after).group("unit").lower()
            end += MEASURE.match(after).end()
        elif AGE.match(after) or (re.search(r"[A-Z]\w+\s*,\s*$", text[max(0, number_start - 30):number_start])
                                  and re.match(r",", after) and value < 120):
            age = AGE.match(after)  # "a 22-month-old boy", "Graeme Pacitti, 24, from Falkirk"
            kind, unit = "age", (age.group().strip(" ,-").split("-")[0].rstrip("s") + "s") if age else "years"
            end += age.end() if age else 0
        else:
            word = re.match(r"\s*(dollars|euros|pounds|won|rubles|yuan)\b", after)
            if word:
                kind, unit = "money", CURRENCIES[word.group(1).lower()]
                end += word.end()
        subject, measure = _subject(text, end)
        if measure and kind == "count":
            kind, unit = "measure", measure
        if re.match(r"\s*" + re.escape(subject) + r"\s+(?:each|apiece)\b", text[end:]):
            unit = "each"  # "6,000 people each": a figure per unit, not a total
        start = match.start("currency") if match.group("currency") else number_start
        start = match.start("qualifier") if match.group("qualifier") else start
        start = match.start("between") if match.group("between") else start
        found.append(Quantity(start, end, value, low, high, qualifier, kind, unit, subject))
    found.sort()
    for i, quantity in enumerate(found[:-1]):
        if not quantity.subject and re.fullmatch(r"\s+of\s+(?:the|those|these)\s+", text[quantity.end:found[i + 1].start]):
            found[i] = quantity._replace(subject=found[i + 1].subject)  # "24 of the 32 suspected cases"
    return found


def subject_key(subject: str, context: str = "", following: str = "") -> str:
    """A grouping key for a subject: "<country> <class>" ("north korea troops"), lower case.

    The class is that of the subject's head noun (`SUBJECT_CLASSES`, else the
    head itself); people who died or were killed are "deaths" and people
    infected are "cases" when `following` (the text after the subject) or the
    end of `context` (the text before the figure) says so ("81 people had
    died", "killed 150 people"). The country is the nationality in the
    subject, else the nearest one named in `context`.
    """
    words = [w.lower().strip("’'") for w in subject.split()]
    if not words:
        return ""
    head = words[words.index("of") - 1] if "of" in words and words.index("of") > 0 else words[-1]
    demonym = not re.sub(r"(?<![\w.])(?:" + "|".join(COUNTRIES.values()) + r")(?![\w])", "", subject).strip()
    noun_class = "people" if demonym else _CLASS_OF.get(head, head)  # "12,000 North Koreans"
    if head in ("forces",) and len(words) > 1 and words[-2] == "special":
        noun_class = "troops"
    if noun_class == "people":
        if DIED_AFTER.match(following) or KILLED_BEFORE.search(context[-40:]):
            noun_class = "deaths"
        elif INFECTED_AFTER.match(following) or INFECTED_BEFORE.search(context[-40:]):
            noun_class = "cases"
    country = _country_in(subject) or _country_in(context, last=True)
    return f"{country.lower()} {noun_class}".strip()


def _country_in(text: str, last: bool = False) -> str:
    found = [(m.start(), country) for country, names in COUNTRIES.items() if country != "Western"
             for m in re.finditer(r"(?<![\w.])(?:" + names + r")(?![\w])", text)]
    if not found:
        return ""
    return (max(found) if last else min(found))[1]
