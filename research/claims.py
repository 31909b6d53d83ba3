"""Quantitative claims: figures in article prose, who claimed them, and the period they refer to.

`extract_claims(passages, articles)` finds every figure in body sentences
("3,000 North Korean troops", "up to 12,000", "a few thousand troops", "$400
million in new military aid", "74 percent of likely voters") with

- `value`, `low`, `high` and a `qualifier` (see `QUALIFIERS`);
- `kind`: count, money, percent, measure or age, and `unit` where there is one;
- `subject`: what is counted, the noun phrase after the number ("North Korean
  troops", "containers of artillery"); a number without one ("out of a
  promised 10,000") takes the subject of the figure before it in the sentence or
  paragraph; `subject_key` normalises it for grouping (nationality + a class of
  nouns: troops, soldiers and forces are all "troops");
- `claimant` and `claimant_group`: the source of the innermost attribution
  whose content holds the figure (`research.attributions`), else the nearest
  attribution in its sentence; a sentence with none that opens with a pronoun
  continues the previous sentence's speaker. Groups come from
  `research.group_actors`. Figures nobody is said to claim have an empty
  claimant: the outlet states them in its own voice. `claimant_relay` is who
  passed the claim on, as named in the text ("Park cited Cho as saying the
  3,000 ...": claimant Cho, relay Park), empty when nobody did;
- `asof_start`, `asof_end`: the period the figure refers to, from the time
  expressions of its sentence (`research.dates`): a "since", "by" or duration
  phrase that follows the figure, else the nearest date in the same clause, never
  one across another figure or behind a relative clause ("the invasion that began
  in February 2022"); the publication date when the sentence has none.

Years ("in 2022", "1950-53"), calendar dates ("October 4, 2024", "June 19"),
times, ordinals and numbers inside names ("H1N1", "F-16", "9/11") are not
quantities. `claim_ledger` groups the same claim across outlets and
`claim_conflicts` pairs claims on the same subject and date that disagree.
"""

from __future__ import annotations

import html
import math
import re
from datetime import date
from typing import NamedTuple

import pandas as pd

from research.attribution import COUNTRIES, attributions, group_actors
from research.dates import find_time_expressions, reference_date
from research.errors import AnalysisError

CLAIM_COLUMNS = ["article_id", "passage_id", "start", "end", "value", "low", "high", "qualifier", "kind", "unit",
                 "subject", "subject_key", "claimant", "claimant_group", "claimant_relay", "asof_start", "asof_end",
                 "asof_text", "text"]
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


def _clause_blocked(text: str, left: int, right: int, relative: bool) -> bool:
    """True when a clause boundary (or, with `relative`, a relative clause) separates text[left:right]."""
    pattern = r";|,\s+(?:but|while|whereas|although)\b|\s—\s"
    if relative:
        pattern += r"|\b(?:that|which|who|when|where)\b"
    return bool(re.search(pattern, text[left:right]))


def _asof(text: str, quantity: Quantity, others: list[Quantity], times: list, published) -> tuple:
    """(asof_start, asof_end, asof_text) of a figure from the time expressions of its sentence."""
    usable = []
    for time in times:
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
    day = reference_date(published)
    if usable:
        time = min(usable, key=lambda item: item[:2])[2]
        if time.date_start is None:
            return "", "", time.text
        return time.date_start.isoformat(), time.date_end.isoformat(), time.text
    return (day.isoformat(), day.isoformat(), "") if day else ("", "", "")


def _claimant(quantity_start: int, quantity_end: int, sentence: tuple[int, int], found: pd.DataFrame,
              previous: dict | None) -> dict | None:
    """The attribution row (as a dict) that claims a figure at the given article offsets."""
    holding = found[(found["content_start"] <= quantity_start) & (found["content_end"] >= quantity_end)
                    & (found["source_start"] >= 0)]
    if len(holding):
        ranked = holding.assign(size=holding["content_end"] - holding["content_start"],
                                vague=holding["actor_kind"].isin(["other", ""]))
        return ranked.sort_values(["vague", "size", "cue_start"]).iloc[0].to_dict()
    inside = found[(found["cue_start"] >= sentence[0]) & (found["cue_end"] <= sentence[1])
                   & (found["source_start"] >= 0)]
    if len(inside):
        distance = (inside["cue_start"] - quantity_start).abs()
        return inside.loc[distance.idxmin()].to_dict()
    return previous


def extract_claims(passages: pd.DataFrame, articles: pd.DataFrame,
                   attribution_table: pd.DataFrame | None = None) -> pd.DataFrame:
    """Quantitative claims in the body sentences of `passages` (see the module docstring).

    `passages` are sentence passages (`split_passages`); only `role == "body"`
    ones are read when the column is there. `attribution_table` is
    `research.attributions(articles)` if already computed. Returns
    `CLAIM_COLUMNS`: `article_id`, `passage_id`, `start`, `end` (of the figure
    with its qualifier, in the article text), `value` (NaN for vague amounts),
    `low`, `high` (NaN when open), `qualifier`, `kind`, `unit`, `subject`,
    `subject_key`, `claimant`, `claimant_group`, `claimant_relay`, `asof_start`, `asof_end` (ISO
    dates; empty when the publication date is unknown), `asof_text` (the time
    phrase used; empty for the publication date), `text` (the sentence).
    """
    if "role" in passages:
        passages = passages[passages["role"] == "body"]
    if passages.empty:
        return pd.DataFrame(columns=CLAIM_COLUMNS)
    missing = sorted(set(passages["article_id"]) - set(articles["article_id"]))
    if missing:
        raise AnalysisError(f"passages of articles not in the articles table: {', '.join(missing)}")
    if attribution_table is None:
        attribution_table = attributions(articles[articles["article_id"].isin(passages["article_id"])])
    attribution_table = group_actors(attribution_table, articles)
    published = articles.set_index("article_id")["published"] if "published" in articles \
        else pd.Series("", index=articles["article_id"])
    rows = []
    for article_id, sentences in passages.sort_values(["article_id", "start"]).groupby("article_id", sort=True):
        found = attribution_table[attribution_table["article_id"] == article_id]
        previous_claimant, previous_subject, previous_block = None, ("", ""), None
        for passage in sentences.itertuples(index=False):
            if passage.block_id != previous_block:
                previous_subject, previous_claimant = ("", ""), None
            previous_block = passage.block_id
            quantities = find_quantities(passage.text, published.get(article_id, ""))
            times = find_time_expressions(passage.text, published.get(article_id, ""))
            continues = bool(re.match(r"\W*(?:He|She|They|It|The agency|The ministry|The official)\b",
                                      passage.text))
            claimant_before = previous_claimant if continues else None
            sentence = (passage.start, passage.end)
            sentence_claimant = None
            for quantity in quantities:
                subject = quantity.subject or _counted_noun(passage.text[:quantity.start])
                following = passage.text[quantity.end:][len(subject) + 1:] if quantity.subject else ""
                key = subject_key(subject, passage.text[:quantity.start], following) if subject \
                    else previous_subject[1]
                if not subject:
                    subject = previous_subject[0]
                elif quantity.kind == "count":
                    previous_subject = (subject, key)
                start, end = passage.start + quantity.start, passage.start + quantity.end
                claimant = _claimant(start, end, sentence, found, claimant_before)
                sentence_claimant = claimant or sentence_claimant
                asof = _asof(passage.text, quantity, quantities, times, published.get(article_id, ""))
                rows.append((article_id, passage.passage_id, start, end, quantity.value, quantity.low,
                             quantity.high, quantity.qualifier, quantity.kind, quantity.unit, subject, key,
                             claimant["source_text"] if claimant else "",
                             claimant["actor_group"] if claimant else "",
                             claimant.get("relay_text", "") if claimant else "", *asof, passage.text))
            previous_claimant = _sentence_speaker(found, sentence) or sentence_claimant
    table = pd.DataFrame(rows, columns=CLAIM_COLUMNS)
    return table.astype({"start": "int64", "end": "int64", "value": "float64", "low": "float64",
                         "high": "float64"})


def _counted_noun(text: str) -> str:
    """What "the number of X" / "the death toll" before a bare figure counts ("confirmed cases")."""
    found = re.findall(r"\b(?:number|total|count|tally|toll) of ((?:[\w’'-]+\s?){1,4}?)(?=\s+(?:rose|fell|"
                       r"climbed|increased|reached|stood|was|is|has|had|jumped|grew|to|in|at|across)\b)", text)
    if found:
        return found[-1].strip()
    toll = re.findall(r"\b(death|case|casualty) (?:toll|count)\b", text)
    return {"death": "deaths", "case": "cases", "casualty": "casualties"}[toll[-1]] if toll else ""


def _sentence_speaker(found: pd.DataFrame, sentence: tuple[int, int]) -> dict | None:
    inside = found[(found["cue_start"] >= sentence[0]) & (found["cue_end"] <= sentence[1])
                   & (found["source_start"] >= 0)]
    return inside.iloc[-1].to_dict() if len(inside) else None


def _with_outlets(claims: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    outlets = articles.set_index("article_id")["outlet"] if "outlet" in articles else None
    table = claims.copy()
    table["outlet"] = table["article_id"].map(outlets).fillna("") if outlets is not None else ""
    table["outlet"] = table["outlet"].where(table["outlet"] != "", table["article_id"])
    return table


def _figure(row) -> str:
    """The figure as a short label: "3,000", "≥3,000", "≤12,000", "2,000–9,999"."""
    def fmt(number):
        return f"{number:,.0f}" if float(number).is_integer() else f"{number:,.2f}"
    if row.qualifier in ("at least", "more than"):
        return f"≥{fmt(row.low)}"
    if row.qualifier in ("up to", "less than"):
        return f"≤{fmt(row.high)}"
    if row.qualifier in ("range", "vague"):
        return f"{fmt(row.low)}–{fmt(row.high)}"
    if row.qualifier in ("approximately", "nearly"):
        return f"~{fmt(row.value)}"
    return fmt(row.value)


def claim_ledger(claims: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """One row per claim: the same subject key, figure and qualifier kind, across outlets.

    Columns: `subject_key`, `figure` (label such as "≥3,000"), `value`, `low`,
    `high`, `kind`, `unit`, `subject` (the commonest wording), `claimant_groups`
    and `outlets` (sorted, "; "-joined; an empty claimant group shows as "(own
    voice)"), `n_outlets`, `n_mentions`, `asof_start` (earliest), `asof_end`
    (latest), `increment` (the figure was stated as "another ..."), `mentions`
    ("article_id:start-end" of each, sorted). Sorted by subject key and value.
    """
    columns = ["subject_key", "figure", "value", "low", "high", "kind", "unit", "subject", "claimant_groups",
               "outlets", "n_outlets", "n_mentions", "asof_start", "asof_end", "increment", "mentions"]
    if claims.empty:
        return pd.DataFrame(columns=columns)
    table = _with_outlets(claims, articles)
    table["figure"] = [_figure(row) for row in table.itertuples()]
    table["increment"] = table["qualifier"] == "another"
    table["mention"] = table["article_id"] + ":" + table["start"].astype(str) + "-" + table["end"].astype(str)
    table["group"] = table["claimant_group"].where(table["claimant_group"] != "", "(own voice)")
    rows = []
    for (key, figure, kind, unit, increment), group in table.groupby(
            ["subject_key", "figure", "kind", "unit", "increment"], sort=True, dropna=False):
        first = group.iloc[0]
        subjects = group["subject"].value_counts()
        rows.append({
            "subject_key": key, "figure": figure, "value": first["value"], "low": first["low"],
            "high": first["high"], "kind": kind, "unit": unit,
            "subject": min(subjects[subjects == subjects.max()].index) if len(subjects) else "",
            "claimant_groups": "; ".join(sorted(set(group["group"]))),
            "outlets": "; ".join(sorted(set(group["outlet"]))), "n_outlets": group["outlet"].nunique(),
            "n_mentions": len(group), "asof_start": min(group["asof_start"].replace("", "9999"), default=""),
            "asof_end": max(group["asof_end"]),
            "increment": bool(increment), "mentions": "; ".join(sorted(group["mention"])),
        })
    ledger = pd.DataFrame(rows, columns=columns)
    ledger["asof_start"] = ledger["asof_start"].replace("9999", "")
    ledger["_sort"] = ledger["value"].fillna(ledger["low"]).fillna(ledger["high"])
    return ledger.sort_values(["subject_key", "_sort", "figure"]).drop(columns="_sort").reset_index(drop=True)


def _compatible_subjects(a: str, b: str) -> bool:
    """Same subject class, and the same country unless one of them names none."""
    if not a or not b:
        return False
    *country_a, class_a = a.split(" ")
    *country_b, class_b = b.split(" ")
    return class_a == class_b and (not country_a or not country_b or country_a == country_b)


def _overlap(a, b) -> bool:
    low_a = -math.inf if math.isnan(a.low) else a.low
    high_a = math.inf if math.isnan(a.high) else a.high
    low_b = -math.inf if math.isnan(b.low) else b.low
    high_b = math.inf if math.isnan(b.high) else b.high
    return low_a <= high_b and low_b <= high_a


def _representative(row) -> float:
    return next((v for v in (row.value, row.low, row.high) if not math.isnan(v)), math.nan)


def claim_conflicts(claims: pd.DataFrame, articles: pd.DataFrame, max_ratio: float = 5.0) -> pd.DataFrame:
    """Pairs of claims from different outlets on the same subject and as-of date that disagree.

    Compared: counts stated as figures (not vague words such as "thousands")
    with compatible subject keys (same class; same country unless one names
    none), the same `asof_end` and `unit` ("each" marks per-unit figures), both
    totals or both increments ("another ...").
    `conflict` is "different figures" when their low-high ranges do not
    overlap and the figures are within `max_ratio` of each other (further apart
    they count different things: an army of 1.2 million and a deployment of
    3,000), or "different claimants" when the figures are the same and both
    name a claimant group but the groups differ (outlets attribute one figure to
    different actors). Columns: `subject_key`, `asof_end`,
    `conflict`, then for each side `_a` and `_b`: `outlet`, `article_id`,
    `start`, `end`, `figure`, `claimant_group`, `text`. Sorted.
    """
    sides = ["outlet", "article_id", "start", "end", "figure", "claimant_group", "text"]
    columns = ["subject_key", "asof_end", "conflict"] + [f"{c}_{s}" for s in "ab" for c in sides]
    counts = claims[(claims["kind"] == "count") & (claims["subject_key"] != "") & (claims["asof_end"] != "")
                    & (claims["qualifier"] != "vague")]
    if counts.empty:
        return pd.DataFrame(columns=columns)
    table = _with_outlets(counts, articles)
    table["figure"] = [_figure(row) for row in table.itertuples()]
    table["increment"] = table["qualifier"] == "another"
    records = list(table.sort_values(["outlet", "start"]).itertuples(index=False))
    rows = []
    for i, a in enumerate(records):
        for b in records[i + 1:]:
            if a.outlet == b.outlet or a.asof_end != b.asof_end or a.increment != b.increment or a.unit != b.unit \
                    or not _compatible_subjects(a.subject_key, b.subject_key):
                continue
            low, high = sorted((_representative(a), _representative(b)))
            if not _overlap(a, b) and high <= max_ratio * low:
                conflict = "different figures"
            elif a.figure.lstrip("~") == b.figure.lstrip("~") and a.claimant_group and b.claimant_group \
                    and a.claimant_group != b.claimant_group:
                conflict = "different claimants"
            else:
                continue
            key = a.subject_key if len(a.subject_key) >= len(b.subject_key) else b.subject_key
            rows.append([key, a.asof_end, conflict] + [getattr(a, c) for c in sides]
                        + [getattr(b, c) for c in sides])
    result = pd.DataFrame(rows, columns=columns)
    return result.sort_values(["subject_key", "asof_end", "conflict", "outlet_a", "start_a", "outlet_b",
                               "start_b"]).reset_index(drop=True)


def conflicts_html(conflicts: pd.DataFrame, articles: pd.DataFrame) -> str:
    """The conflicting passages side by side as an HTML table, the figure highlighted.

    Article text is escaped (`html.escape`), so markup in an article shows as text.
    """
    texts = articles.set_index("article_id")["text"]

    def passage(row, side: str) -> str:
        text = texts[getattr(row, f"article_id_{side}")]
        start, end = getattr(row, f"start_{side}"), getattr(row, f"end_{side}")
        sentence = getattr(row, f"text_{side}")
        offset = text.find(sentence, max(0, end - len(sentence))) if sentence else -1
        if offset < 0 or not offset <= start <= end <= offset + len(sentence):
            return html.escape(text[start:end])
        local_start, local_end = start - offset, end - offset
        return (html.escape(sentence[:local_start]) + "<mark>" + html.escape(sentence[local_start:local_end])
                + "</mark>" + html.escape(sentence[local_end:]))

    rows = []
    for row in conflicts.itertuples(index=False):
        cells = [html.escape(str(row.subject_key)), html.escape(str(row.asof_end)), html.escape(row.conflict)]
        for side in "ab":
            cells.append(f"<b>{html.escape(str(getattr(row, f'outlet_{side}')))}</b> "
                         f"({html.escape(str(getattr(row, f'claimant_group_{side}')) or 'own voice')}): "
                         + passage(row, side))
        rows.append("<tr>" + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>")
    header = "".join(f"<th>{name}</th>" for name in ("subject", "as of", "conflict", "passage A", "passage B"))
    return f"<table><thead><tr>{header}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


TIMELINE_COLUMNS = ["asof_end", "outlet", "claimant_group", "figure", "value", "low", "high", "y", "subject",
                    "asof_text", "ahead", "article_id", "start", "end"]
MARKERS = "osD^vPXh*<>"


def timeline_table(claims: pd.DataFrame, articles: pd.DataFrame, key: str | None = None) -> pd.DataFrame:
    """The numbers behind the timeline figure: dated count claims on one subject.

    `key` is a `subject_key` (default: the one with most dated count claims;
    claims whose key has the same class and no country join it). Columns:
    `TIMELINE_COLUMNS`, with `y` the point drawn (the value, else the stated
    bound), `claimant_group` "(own voice)" when the outlet claims it and
    `ahead` True for a target or forecast (its as-of date is after the
    article's publication date, as in "10,000 by December"). Sorted
    by date, figure and outlet; undated claims (no publication date) and
    increments ("another 1,500") are left out.
    """
    counts = claims[(claims["kind"] == "count") & (claims["asof_end"] != "") & (claims["subject_key"] != "")
                    & (claims["qualifier"] != "another")]
    if counts.empty:
        return pd.DataFrame(columns=TIMELINE_COLUMNS)
    key = key or counts["subject_key"].value_counts().sort_index().idxmax()
    table = _with_outlets(counts[[_compatible_subjects(key, k) and (k == key or " " not in k)
                                  for k in counts["subject_key"]]], articles)
    table["figure"] = [_figure(row) for row in table.itertuples()]
    table["y"] = [_representative(row) for row in table.itertuples()]
    table["claimant_group"] = table["claimant_group"].where(table["claimant_group"] != "", "(own voice)")
    published = articles.set_index("article_id")["published"].map(reference_date)
    table["ahead"] = [bool(published.get(a)) and date.fromisoformat(end) > published[a]
                      for a, end in zip(table["article_id"], table["asof_end"])]
    return table[TIMELINE_COLUMNS].sort_values(["asof_end", "y", "outlet", "start"]).reset_index(drop=True)


def plot_timeline(table: pd.DataFrame, ax, title: str = ""):
    """Draw `timeline_table` rows: x the as-of date, y the figure (log scale when it spans a factor
    of 20), colour the claimant group, marker the outlet; ranges as vertical bars, open bounds
    ("at least", "up to") as dotted bars. Figures whose as-of date is after publication (`ahead`:
    targets such as "by December", periods such as "this month") would stretch the date axis and crowd
    the reported figures, so they are drawn at its right edge, labelled with their phrase and date.
    Returns `ax`."""
    import matplotlib.dates as mdates
    from matplotlib.lines import Line2D
    from matplotlib.ticker import FixedLocator

    groups = sorted(table["claimant_group"].unique())
    outlets = sorted(table["outlet"].unique())
    colours = {group: f"C{i % 10}" for i, group in enumerate(groups)}
    markers = {outlet: MARKERS[i % len(MARKERS)] for i, outlet in enumerate(outlets)}
    reported = table[~table["ahead"]] if table["ahead"].any() and not table["ahead"].all() else table
    dates = pd.to_datetime(reported["asof_end"])
    span = max((dates.max() - dates.min()) / pd.Timedelta(days=1), 1) if len(dates) else 1
    edge = dates.max() + pd.Timedelta(days=max(span * 0.15, 1)) if len(dates) else None
    step = span * 0.04  # outlets side by side at one date, far enough apart not to hide each other
    shift = {outlet: pd.Timedelta(days=step * (i - (len(outlets) - 1) / 2)) for i, outlet in enumerate(outlets)}
    labelled = set()
    for row in table.itertuples():
        beyond = edge is not None and pd.Timestamp(row.asof_end) > edge
        x = (edge if beyond else pd.Timestamp(row.asof_end)) + shift[row.outlet]
        label = f"{row.figure} ({row.asof_text}: {row.asof_end})" if row.asof_text else f"{row.figure} ({row.asof_end})"
        if beyond and label not in labelled:
            labelled.add(label)
            ax.annotate(label, (edge, row.y), xytext=(12, 0), textcoords="offset points", va="center",
                        fontsize=8)
        colour = colours[row.claimant_group]
        if not math.isnan(row.low) and not math.isnan(row.high) and row.low != row.high:
            ax.vlines(x, row.low, row.high, color=colour, linewidth=3, alpha=0.5)
        elif math.isnan(row.high) and not math.isnan(row.low):
            ax.vlines(x, row.low, row.low * 1.5, color=colour, linestyles="dotted")
        elif math.isnan(row.low) and not math.isnan(row.high):
            ax.vlines(x, row.high / 1.5, row.high, color=colour, linestyles="dotted")
        ax.scatter([x], [row.y], color=colour, marker=markers[row.outlet], s=60, edgecolor="black", zorder=3)
    if len(dates):
        margin = pd.Timedelta(days=span * 0.08 + step * len(outlets) / 2)
        ax.set_xlim(dates.min() - margin, dates.max() + margin)
    if edge is not None and (pd.to_datetime(table["asof_end"]) > edge).any():
        ax.set_xlim(right=edge + pd.Timedelta(days=span * 0.7))
    values = table["y"].dropna()
    if len(values) and values.max() > 20 * max(values.min(), 1e-9):
        ax.set_yscale("log")
    days = sorted(dates.unique())
    # A tick at each date with figures when there are few of them, else evenly spaced ones.
    ax.xaxis.set_major_locator(mdates.AutoDateLocator(maxticks=6) if len(days) > 6 else
                               FixedLocator(mdates.date2num(days)))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m-%d"))
    ax.set_xlabel("date the figure refers to (as-of end; later targets at the right edge)")
    ax.set_ylabel("figure")
    ax.set_title(title)
    # Figure-level legends beside the axes, so that saving with a tight bounding box keeps them.
    ax.figure.legend([Line2D([], [], color=colours[g], marker="o", linestyle="") for g in groups], groups,
                     title="claimant group", loc="upper left", bbox_to_anchor=(1.01, 1),
                     bbox_transform=ax.transAxes, fontsize=8)
    ax.figure.legend([Line2D([], [], color="grey", marker=markers[o], linestyle="") for o in outlets], outlets,
                     title="outlet", loc="lower left", bbox_to_anchor=(1.01, 0), bbox_transform=ax.transAxes,
                     fontsize=8)
    return ax

