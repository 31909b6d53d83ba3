"""Quantitative claims: figures in article prose, who claimed them, the period they refer to, the
ledger of the same figure across outlets and the conflicts between them.

`extract_claims(passages, cues, articles)` reads the figures of body sentences
(`research.claims.quantities.find_quantities`) and gives each

- `subject` and `subject_key`: what is counted (see `find_quantities`); a
  figure without a subject of its own ("6.1% from 6%", "CVS reported 2.2
  million") takes the subject of the figure before it of its family in the
  paragraph (or any in the sentence), with its own predicate or measure, and
  the name it is of follows in brackets ("doses (Walgreens)"); one still without
  a subject with a content word takes the one the sentence's structure gives
  it (`research.claims.structure`), and a subject joined from two readings is
  read again as a noun phrase (`research.claims.structure.noun_phrase`; one of
  function words only, "though", is none);
- `claimant` and `claimant_group`: who claims it (`research.claims.sources`:
  the attribution whose content holds it, documents named as their author, a
  sentence without a cue going on with the release before it, a list with the
  release before its colon). Figures nobody is said to claim have an empty
  claimant: the outlet states them in its own voice. `claimant_relay` is who
  passed the claim on ("Park cited Cho as saying the 3,000 ...": claimant Cho,
  relay Park); `forecast` marks expected or planned figures, credited to their
  forecaster;
- `asof_start`, `asof_end`, `asof_text`: the period the figure refers to
  (`research.claims.periods`): from the time phrases of its sentence, "the
  prior week" counted back from the data's week, averages over their days; a
  forecast told in the past, or a past-tense figure, without one goes on with the last period
  the article named, at most four sentences before and not one still running
  at publication ("earlier this month"); else the publication date.

`link_claims` joins the mentions of one figure, `claim_ledger` lists them as
claims across outlets (`research.claims.conflicts` pairs claims that give
different figures for one subject and period), `timeline_table` gives the
numbers behind the claim timeline.
"""

from __future__ import annotations

import bisect
import functools
import math
import re
from datetime import date, timedelta

import pandas as pd
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from research.claims.actors import group_actors
from research.claims.anaphora import anaphoric_period
from research.claims.keys import subject_key
from research.claims.numerals import CURRENCIES, SCALES, WINDOW
from research.claims.periods import (
    CARRY_REACH,
    averaged,
    carried_period,
    compound,
    field_dates,
    figure_period,
    goes_on,
    joined,
    narrated_forecast,
    poll_dates,
    poll_runs,
    prior_period,
    quote_days,
    ranked,
    stated_now,
    stated_periods,
)
from research.claims.quantities import (
    MEASURE_NOUNS,
    SUBJECT_STOP,
    Quantity,
    find_quantities,
)
from research.claims.sources import (
    DOCUMENT,
    LIST_ITEM,
    QUOTE_OPENS,
    CueTable,
    claimant_name,
    claimant_of,
    forecaster,
    goes_on_quoting,
    polled,
    releases,
    sentence_release,
    sentence_speaker,
    usable_cues,
)
from research.claims.structure import content_word, noun_phrase, structural_subject
from research.corpus.blocks import HOVER_CARD
from research.errors import AnalysisError
from research.text.dates import find_time_expressions, reference_date
from research.text.tokens import stem

CLAIM_COLUMNS = ["article_id", "passage_id", "start", "end", "value", "low", "high", "against", "qualifier", "kind",
                 "unit", "subject", "subject_key", "claimant", "claimant_group", "claimant_relay", "forecast",
                 "asof_start", "asof_end", "asof_text", "text"]
# Words before a figure in its sentence that make it expected, forecast or planned, not reported.
FORECAST = re.compile(r"\b(?<!than )(?:expect\w*|forecast\w*|predict\w*|anticipat\w*|project(?:ed|ing|ions?)|"
                      r"consensus|looking for|estimates? (?:of|for)|median estimate|goal|target\w*|aim\w* to|"
                      r"plans? to|planned|promis\w*|will|would)\b", re.IGNORECASE)


def extract_claims(passages: pd.DataFrame, cues: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Quantitative claims in the body sentences of `passages` (see the module docstring).

    `passages` are sentence passages (`split_passages`); only `role == "body"`
    ones are read when the column is there. `cues` are the attributions of the
    same articles (`research.attributions(blocks, articles)`); `articles` gives
    the texts and `published`. Returns
    `CLAIM_COLUMNS`: `article_id`, `passage_id`, `start`, `end` (of the figure
    with its qualifier, in the article text), `value` (NaN for vague amounts),
    `low`, `high` (NaN when open), `against` (the votes against of a vote, else
    NaN), `qualifier`, `kind` (count, change, money, percent, rate, measure,
    age, vote), `unit`, `subject`, `subject_key`, `claimant` (as named, pronouns
    resolved; empty: own voice), `claimant_group`, `claimant_relay`, `forecast`
    (stated as expected or planned), `asof_start`, `asof_end` (ISO dates; empty
    when the publication date is unknown), `asof_text` (the time phrase used;
    empty for the publication date), `text` (the sentence).
    """
    if "role" in passages:
        passages = passages[passages["role"] == "body"]
    if passages.empty:
        return pd.DataFrame(columns=CLAIM_COLUMNS)
    missing = sorted(set(passages["article_id"]) - set(articles["article_id"]))
    if missing:
        raise AnalysisError(f"passages of articles not in the articles table: {', '.join(missing)}")
    texts = articles.set_index("article_id")["text"]
    attribution_table = usable_cues(group_actors(cues, articles), texts)
    published = articles.set_index("article_id")["published"] if "published" in articles \
        else pd.Series("", index=articles["article_id"])
    rows = []
    by_article = dict(list(attribution_table.groupby("article_id", sort=False)))
    for article_id, sentences in passages.sort_values(["article_id", "start"]).groupby("article_id", sort=True):
        found = CueTable(by_article.get(article_id, attribution_table.iloc[:0]))
        previous_claimant, previous_subjects, previous_block, previous_period = None, {}, None, None
        article_subjects = {}  # the last subject of each family in the article, for a measure alone ("forecasts")
        article_release = None  # who claimed the article's last fact, for later paragraphs that go on with it
        starts, paragraphs = sentences["start"].tolist(), _paragraph_numbers(sentences["block_id"])
        last_forecaster = ""
        named_before, block_end, listing = "", "", False
        named_at = 0  # the sentence that named `previous_period`
        last_named, last_named_at = None, 0  # the last period named at all, for "At the time," and "The next year,"
        all_times = [joined(text, find_time_expressions(text, published.get(article_id, "")),
                            published.get(article_id, ""))
                     for text in sentences["text"]]
        fields = [field_dates(text, times) for text, times in zip(sentences["text"], all_times)]
        blocks = list(sentences["block_id"])
        runs = poll_runs(fields, blocks, list(sentences["text"]))
        quoted = quote_days(list(sentences["text"]), blocks, all_times)
        for number, passage in enumerate(sentences.itertuples(index=False)):
            if number - named_at > CARRY_REACH:  # "in 1988" five paragraphs up dates no figure here
                previous_period = None
            if passage.block_id != previous_block:
                listing = bool(previous_claimant) and (bool(QUOTE_OPENS.match(passage.text))  # a quoted paragraph
                                                       or (block_end.endswith(":") or listing)  # and the items of a list
                                                       and bool(LIST_ITEM.match(passage.text)))  # go on with the source
                previous_subjects, previous_claimant, block_end = {}, previous_claimant if listing else None, ""
            previous_block, block_end = passage.block_id, passage.text.rstrip() or block_end
            cards = [card.span() for card in HOVER_CARD.finditer(passage.text)]  # other stories' headlines
            quantities = [q for q in find_quantities(passage.text, published.get(article_id, ""))
                          if not any(start <= q.start < end for start, end in cards)]
            times = all_times[number]
            periods = stated_periods(passage.text, times)
            opening = anaphoric_period(passage.text, last_named if number - last_named_at <= CARRY_REACH else None)
            poll = poll_dates(fields, blocks, number, passage.text) or runs[number] or quoted[number]
            period_ends = [period[3] for period in periods]
            forecast_words = [m.end() for m in FORECAST.finditer(passage.text)]
            sentence = (passage.start, passage.end)
            speaker = sentence_speaker(found, sentence)
            if speaker and article_release and article_release.get("actor_kind") in ("other", "") \
                    and speaker.get("actor_group") != article_release.get("actor_group") \
                    and not FORECAST.search(speaker.get("cue_text", "")):  # "Economists ... had forecast" cites none
                article_release = None  # an unplaced actor's words go on into later paragraphs until another is cited
            # a sentence with no cue of its own goes on with the release of the one before, or names its own
            release = None if speaker else sentence_release(passage.text, texts[article_id], passage.start)
            claimant_before = release or (previous_claimant if speaker is None else None)
            sentence_claimant = None
            sentence_before = sentences["text"].iat[number - 1] if number and blocks[number - 1] == passage.block_id else ""
            for quantity in quantities:
                family = _family(quantity)
                subject, key = _read_subject(quantity, passage.text, previous_subjects.get(family)
                                             or previous_subjects.get(("sentence", passage.passage_id))
                                             or (article_subjects.get(family) if _generic(quantity.subject) else None),
                                             sentence_before)
                if quantity.head and not _generic(quantity.subject):
                    previous_subjects[family] = article_subjects[family] = (subject, key)
                    if quantity.head != "lead":  # a poll's lead is no subject for the shares after it, "14 points, 52 percent"
                        previous_subjects[("sentence", passage.passage_id)] = (subject, key)
                if quantity.whose and quantity.whose.lower() not in subject.lower():
                    subject = f"{subject} ({quantity.whose})".strip()
                start, end = passage.start + quantity.start, passage.start + quantity.end
                decided = claimant_before and (quantity.start < claimant_before.get("after", 0)  # "the panel, which reviewed a 23-page"
                                               or claimant_before is release and _commented(release, quantity))
                before = (claimant_before if not decided else None) or (article_release if speaker is None and quantity.kind != "vote"
                                             and _within_reach(article_release, starts, paragraphs, number)
                                             and (goes_on(passage.text, quantity) or polled(article_release)) else None)
                if quantity.kind == "vote":  # "the Supreme Court ruled 6-3": a tally the outlet reports, not a
                    claimant = before if (before or {}).get("after") else None  # claim, unless a panel's decision
                else:
                    claimant = claimant_of(start, end, sentence, found, before, texts[article_id])
                named = claimant_name(claimant, named_before, texts[article_id])
                forecast = bool(forecast_words) and forecast_words[0] <= quantity.start
                if forecast and BASELINE.search(passage.text, max(0, quantity.start - 80), quantity.start):
                    forecast, claimant, named = False, None, ""  # "to drop from March's 6%": the outlet's baseline
                elif forecast and (not named or claimant is before):  # its forecaster, not the release
                    named = forecaster(passage.text[:min(quantity.start, WINDOW)], last_forecaster) or named
                if forecast and named:
                    last_forecaster = named  # "against the expected 0.2%": the forecaster named before
                elif not forecast:
                    sentence_claimant = claimant
                if claimant and named and not DOCUMENT.match(named):
                    named_before = named
                asof = figure_period(passage.text, quantity, quantities, times, published.get(article_id, ""),
                                     forecast)
                stated = bisect.bisect_right(period_ends, quantity.start)
                prior = prior_period(passage.text, quantity, quantities,
                                     periods[stated - 1] if stated else previous_period)
                asof = averaged(prior, subject) if prior else asof
                if not asof[2] and poll and not stated_now(quantity, passage.text):
                    asof = poll  # a poll's figure without a time of its own: its field dates
                if not asof[2] and previous_period and not stated and not stated_now(quantity, passage.text) \
                        and not ranked(passage.text, quantity) and (forecast and narrated_forecast(passage.text, quantity) or not compound(passage.text, quantity) and goes_on(passage.text, quantity)):
                    # an age, or a group by rank ("the top 2 percent"), is never carried
                    asof = averaged(previous_period, subject)  # it goes on with the period named before it
                if opening and not any(opening[3] < period[3] <= quantity.start for period in periods):
                    asof = opening[:3]  # "The next year, that number increased by about a hundred"
                rows.append((article_id, passage.passage_id, start, end, quantity.value, quantity.low,
                             quantity.high, quantity.against, quantity.qualifier, quantity.kind, quantity.unit,
                             subject, key, named,
                             claimant["actor_group"] if claimant and named else "",
                             claimant.get("relay_text", "") if claimant else "", forecast, *asof, passage.text))
            if sentence_claimant or not quantities:  # a sentence of forecasts only leaves the release as it was
                previous_claimant = sentence_claimant or speaker or release \
                    or (previous_claimant if goes_on_quoting(texts[article_id], sentence) else None)  # a quotation goes on
            if sentence_claimant or (speaker and not quantities and releases(speaker, found, sentence)) \
                    or (release and release.get("authored")):
                article_release = sentence_claimant or release or speaker  # "the Labor Department reported Wednesday"
                article_release = article_release if article_release.get("actor_kind") != "person" else None
            if opening:
                previous_period = last_named = opening[:3]
                named_at = last_named_at = number
            elif periods:  # the last period the article has named, for the figures that follow without one
                previous_period, named_at = carried_period(periods, passage.text, times, bool(quantities)), number
                last_named, last_named_at = periods[-1][:3], number
    table = pd.DataFrame(rows, columns=CLAIM_COLUMNS)
    return table.astype({"start": "int64", "end": "int64", "value": "float64", "low": "float64",
                         "high": "float64", "against": "float64", "forecast": "bool"})


# A release goes on into the figures of at most this many paragraphs between the one that names it and theirs: "The FEC
# filings show that ..." names no source of "In July alone, $495,000 went to ..." four paragraphs down.
RELEASE_REACH = 3


def _paragraph_numbers(blocks: pd.Series) -> list[int]:
    """The number of the paragraph of each sentence, from the sentences' `block_id` in text order."""
    return blocks.ne(blocks.shift()).cumsum().tolist()


def _within_reach(release: dict | None, starts: list[int], paragraphs: list[int], number: int) -> bool:
    """True when at most `RELEASE_REACH` paragraphs lie between the one that names `release` (by its `source_start`)
    and the paragraph of sentence `number`; `starts` are the sentences' offsets, `paragraphs` their paragraph numbers."""
    if not release:
        return True
    named = paragraphs[max(0, bisect.bisect_right(starts, release.get("source_start", starts[number])) - 1)]
    return paragraphs[number] - named - 1 <= RELEASE_REACH


def _commented(release: dict, quantity: Quantity) -> bool:
    """True for a figure in the outlet's comment after a sentence's plan (`sources.PROPOSAL`): ", countering"."""
    return quantity.start >= release.get("until", quantity.start + 1)


# What puts a figure of a forecast sentence before the forecast: "would drop from March's 6% down to 5.8%".
BASELINE = re.compile(r"\bfrom\s+(?:(?:a|an|the)\s+)?(?:[A-Z][a-z]+['’]s\s+)?(?:(?:about|nearly|almost|over|"
                      r"more than)\s+)?[$€£]?$")


def _family(quantity: Quantity) -> str:
    """Figures of one family can share a subject: percentages, money, or counts (and their changes)."""
    return "percent" if quantity.unit in ("%", "percentage points") else "money" if quantity.kind == "money" \
        else "count"


def _generic(subject: str) -> bool:
    """A subject that only names a measure ("rate", "peak", "economists' forecasts"), not what it measures."""
    words = [word for word in subject.split() if not re.search(r"['’]s?$", word)]  # whose measure is no matter
    return bool(words) and all(word.lower().removesuffix("s") in MEASURE_NOUNS for word in words)


VOTE_FOR = re.compile(r"(votes?) for ")  # a candidate's share of a vote (`research.claims.subjects`)


def _subject_of(quantity: Quantity, text: str, previous: tuple[str, str] | None) -> tuple[str, str]:
    """(subject, subject_key) of a figure: its own; "the number of X" before a bare figure; else the
    subject of the figure before it of the same family in its paragraph (or any family in its sentence),
    with its own predicate ("more than 175 million have been fully vaccinated") or measure ("the 0.5
    percent rate") added."""
    before = text[max(0, quantity.start - WINDOW):quantity.start]  # the sentence before it, as far as rules read
    if quantity.head and not _generic(quantity.subject):
        following = text[quantity.end + len(quantity.head) + 1:quantity.end + len(quantity.head) + 200]
        return quantity.subject, subject_key(quantity.head, before, following)
    counted = _counted_noun(before)
    if counted:
        return f"{counted} {quantity.subject}".strip(), subject_key(counted, before)
    if previous and VOTE_FOR.match(previous[0]):  # "Sanders received 69 percent of the vote ... Clinton won 31
        previous = (VOTE_FOR.match(previous[0]).group(1), subject_key("vote", before))  # percent": the vote, not his
    if previous and previous[0]:
        if _generic(quantity.subject):
            return f"{quantity.subject} ({previous[0]})", previous[1]
        return f"{previous[0]} {quantity.subject}".strip(), previous[1]
    return quantity.subject, subject_key(quantity.head, before) if quantity.head else ""


def _read_subject(quantity: Quantity, text: str, previous: tuple[str, str] | None,
                  sentence_before: str = "") -> tuple[str, str]:
    """`_subject_of`, or, when that holds no content word and no name is said to hold the figure (`Quantity.whose`),
    the subject the sentence's structure gives it (`research.claims.structure`; `sentence_before`, the sentence
    before in its paragraph, for a pronoun that opens `text`)."""
    subject, key = _subject_of(quantity, text, previous)
    structural = "" if content_word(subject or quantity.whose) else structural_subject(text, quantity.start, quantity.end,
                                                                                      sentence_before)
    return (structural, subject_key(structural, text[max(0, quantity.start - WINDOW):quantity.start])) if structural \
        else (_noun_phrase(subject), key)


def _noun_phrase(subject: str) -> str:
    """A subject joined from two readings read again as a noun phrase (`research.claims.structure.noun_phrase`); one
    of function words only ("though", "below") is none."""
    return noun_phrase(subject) if content_word(subject) else ""


def _counted_noun(text: str) -> str:
    """What "the number of X" / "the death toll" before a bare figure counts ("confirmed cases")."""
    found = re.findall(r"\b(?:number|total|count|tally|toll) of ((?:[\w’'-]+\s?){1,4}?)(?=\s+(?:rose|fell|"
                       r"climbed|increased|reached|stood|was|is|has|had|jumped|grew|to|in|at|across)\b)", text)
    if found:
        return found[-1].strip()
    toll = re.findall(r"\b(death|case|casualty) (?:toll|count)\b", text)
    return {"death": "deaths", "case": "cases", "casualty": "casualties"}[toll[-1]] if toll else ""


def _with_outlets(claims: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    outlets = articles.set_index("article_id")["outlet"] if "outlet" in articles else None
    table = claims.copy()
    table["outlet"] = table["article_id"].map(outlets).fillna("") if outlets is not None else ""
    table["outlet"] = table["outlet"].where(table["outlet"] != "", table["article_id"])
    return table


# A currency code's sign ("USD" -> "$"), and the scale words a money label uses (a million and up, largest first).
CURRENCY_SIGNS = {code: sign for sign, code in CURRENCIES.items() if len(sign) == 1}
SCALE_WORDS = sorted(((size, word) for word, size in SCALES.items() if word.endswith("illion")), reverse=True)


def _figure(row) -> str:
    """The figure as a short label with its unit: "3,000", "≥3,000", "≤12,000", "2,000–9,999", "21%",
    "$1 million", "≥£2.1 billion"."""
    def fmt(number):
        if row.kind == "money":
            sign = CURRENCY_SIGNS.get(row.unit, "")
            scale = next(((size, word) for size, word in SCALE_WORDS if abs(number) >= size), None)
            amount = f"{number / scale[0]:,.3g} {scale[1]}" if scale else \
                f"{number:,.0f}" if float(number).is_integer() else f"{number:,.2f}"
            return f"{sign}{amount}" if sign else f"{amount} {row.unit}".strip()
        plain = f"{number:,.0f}" if float(number).is_integer() else f"{number:,.2f}"
        return f"{plain}%" if row.kind == "percent" else plain
    if row.qualifier in ("at least", "more than"):
        return f"≥{fmt(row.low)}"
    if row.qualifier in ("up to", "less than"):
        return f"≤{fmt(row.high)}"
    if row.qualifier in ("range", "vague"):
        return f"{fmt(row.low)}–{fmt(row.high)}"
    if row.qualifier in ("approximately", "nearly"):
        return f"~{fmt(row.value)}"
    return fmt(row.value)


def _precision(value: float) -> float:
    """The place of the last significant digit of a stated value: 190,000 -> 10,000; 5.4 -> 0.1."""
    if not value or math.isnan(value):
        return 0.0
    return 10 ** (math.floor(math.log10(abs(value))) - _significant(value) + 1)


def _words(subject: str) -> set[str]:
    """Content words of a subject, singular and lower case, for comparing subjects."""
    words = re.findall(r"(?<![\w-])[a-z][a-z-]+", subject)  # names and nationalities aside: "North Korean"
    return {w.removesuffix("s") for w in words if w not in SUBJECT_STOP and w not in GENERIC and len(w) > 2}


# Words too general to say that two subjects count the same thing.
GENERIC = frozenset("people person persons number total new more additional other americans figure share "
                    "percent rate level".split())


def _same_subject(a, b) -> bool:
    """Subjects that may count the same thing: one key, a shared content word, or one unknown."""
    if not a.subject or not b.subject:
        return True
    if _candidates(a) and _candidates(b):
        return _candidates(a) == _candidates(b)
    return _noun_class(a) == _noun_class(b) or bool(_words(a.subject) & _words(b.subject))


def _candidates(row) -> str:
    """The candidate a poll share is the support of (its key "support <surname>", `subject_key`), else ""."""
    return row.subject_key.removeprefix("support ") if row.subject_key.startswith("support ") else ""


def _noun_class(row) -> str:
    """The class of nouns a subject key counts, without its country ("north korea troops": troops)."""
    return row.subject_key.split(" ")[-1] if row.subject_key else ""


def _same_period(a, b) -> bool:
    """Periods that overlap, a day of slack either side; a figure dated only by publication fits any
    period that has begun by then and, for a forecast, ended by then (not a target after it: "10,000 by
    December"; a count "this week" is one as of its publication)."""
    if not a.asof_end or not b.asof_end:
        return True
    if not a.asof_text or not b.asof_text:
        dated, other = (a, b) if a.asof_text else (b, a)
        return not dated.asof_text or dated.asof_start <= other.asof_end and (
            dated.asof_end <= other.asof_end or not dated.forecast)
    start_a, end_a = date.fromisoformat(a.asof_start), date.fromisoformat(a.asof_end)
    start_b, end_b = date.fromisoformat(b.asof_start), date.fromisoformat(b.asof_end)
    return start_a - timedelta(days=1) <= end_b and start_b - timedelta(days=1) <= end_a


# The largest share two stated values may differ by and still be one figure rounded two ways.
ROUNDING = 0.05
KIND_FAMILY = {"count": "count", "change": "count", "measure": "count"}


def _same_figure(a, b) -> bool:
    """Two mentions of one figure: the same kind of figure and unit, values within half a unit of the
    last digit of the rounder one ("nearly 190,000" and "188,829"; a round value is one with a
    qualifier or ending in hundreds) and within `ROUNDING` of each other, compatible periods and compatible
    subjects or `SHARED_WORDS` content words shared by their sentences.
    The same value of 10 or more in two articles ("943,000", "$550 billion"), or the same value for the
    same stated period, needs no shared subject word nor, across articles, compatible periods (one of
    them is often misdated): two outlets of one event rarely state one exact value for two things (small
    counts, "two", often do)."""
    if KIND_FAMILY.get(a.kind, a.kind) != KIND_FAMILY.get(b.kind, b.kind) or a.increment != b.increment:
        return False
    if "vague" in (a.qualifier, b.qualifier) or math.isnan(a.value) or math.isnan(b.value):
        return False
    if a.kind == "vote" and not (a.value == b.value and a.against == b.against):
        return False
    gap, larger = abs(a.value - b.value), max(abs(a.value), abs(b.value))
    tolerance = max(_precision(row.value) for row in (a, b) if _rounded(row)) / 2 if _rounded(a) or _rounded(b) \
        else 0.0
    if gap > 1e-9 * larger and (gap >= tolerance or gap > ROUNDING * larger):
        return False
    if a.value == b.value and abs(a.value) >= 10 and a.article_id != b.article_id:
        return True  # "943,000", "$3.5 trillion" in two outlets of one event: one figure, whatever its wording or date
    if a.value == b.value and a.asof_text and b.asof_text and _same_days(a, b):
        return True  # "590,000 the prior week" and "590,000 a week earlier": one value for one stated period
    shared = _same_subject(a, b) or len(_sentence_words(a.text) & _sentence_words(b.text)) >= SHARED_WORDS
    return shared and _same_period(a, b)


# Content words two sentences must share for their figures within rounding to be one, whatever subjects were
# read: subjects read on new text are often only partly right ("nearly 190,000" and "188,829" encounters).
SHARED_WORDS = 2


@functools.lru_cache(maxsize=4096)
def _sentence_words(text: str) -> frozenset[str]:
    """Content words of a sentence, lower case and stemmed, English stop words aside."""
    return frozenset(stem(w) for w in re.findall(r"(?<![\w-])[a-z][a-z-]+", text)
                     if len(w) > 2 and w not in ENGLISH_STOP_WORDS and w not in SUBJECT_STOP)


def _same_days(a, b) -> bool:
    """Periods whose starts and ends are each within a day of the other's (both dated)."""
    return all((a.asof_start, a.asof_end, b.asof_start, b.asof_end)) and all(abs((date.fromisoformat(x) - date.fromisoformat(y)).days) <= 1
               for x, y in ((a.asof_start, b.asof_start), (a.asof_end, b.asof_end)))


def _rounded(row) -> bool:
    """A value stated as a round figure: with a qualifier ("nearly 190,000"), or ending in hundreds."""
    return row.qualifier != "exact" or (float(row.value).is_integer() and row.value >= 1000
                                        and row.value % 100 == 0)


def _significant(value: float) -> int:
    """Significant digits of a stated value, trailing zeros aside: 15,000,000 -> 2; 943,000 -> 3; 5.4 -> 2."""
    digits = f"{abs(value):.6f}".rstrip("0").rstrip(".").replace(".", "").lstrip("0").rstrip("0")
    return max(len(digits), 1)


def link_claims(claims: pd.DataFrame) -> pd.Series:
    """A claim id for each row of `claims` (index-aligned): rows that state the same figure (see
    `_same_figure`) are joined into one claim, mentions stated alike first (both forecasts or both
    reported: "a promised 10,000 by December" joins "aims to send a total of 10,000 by December" before
    "10,000" said to be trained now), closest values first among them, a row joining a claim only when it
    states the same figure as each of its mentions (complete linkage, so "6%" never joins "6.1%" through
    "about 6%"); ids number the claims in text order."""
    rows = list(claims.assign(increment=claims["qualifier"] == "another").itertuples())
    parent = {row.Index: row.Index for row in rows}

    def root(index):
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    same = {}
    for i, a in enumerate(rows):
        for b in rows[i + 1:]:
            if _same_figure(a, b):
                gap = (a.forecast != b.forecast, abs(a.value - b.value) / max(abs(a.value), abs(b.value), 1e-9))
                same[(a.Index, b.Index)] = same[(b.Index, a.Index)] = gap
    members = {row.Index: [row.Index] for row in rows}
    for (first, second), _ in sorted(same.items(), key=lambda item: (item[1], item[0])):
        group_a, group_b = root(first), root(second)
        if group_a == group_b or not all((x, y) in same for x in members[group_a] for y in members[group_b]):
            continue  # complete linkage: every mention of a claim states the figure of every other
        parent[group_b] = group_a
        members[group_a] += members.pop(group_b)
    order = {}
    for row in sorted(rows, key=lambda r: (r.article_id, r.start)):
        order.setdefault(root(row.Index), len(order))
    return pd.Series({row.Index: order[root(row.Index)] for row in rows}, dtype="int64")


LEDGER_COLUMNS = ["claim_id", "subject_key", "figure", "value", "low", "high", "kind", "unit", "subject",
                  "claimants", "claimant_groups", "outlets", "n_outlets", "n_mentions", "asof_start", "asof_end",
                  "forecast", "increment", "mentions"]


def claim_ledger(claims: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """One row per claim: the mentions of one figure across outlets (`link_claims`).

    Columns: `claim_id`, `subject_key`, `figure` (label such as "≥3,000", of the
    most precise mention), `value`, `low`, `high`, `kind`, `unit`, `subject`
    (the commonest wording), `claimants` and `claimant_groups` (sorted,
    "; "-joined, a name that ends another left out: "Clinton" beside "Hillary
    Clinton"; own voice shows as "(own voice)"), `outlets`, `n_outlets`,
    `n_mentions`, `asof_start` (earliest), `asof_end` (latest), `forecast` (a
    mention states it as expected or planned), `increment` (stated as "another
    ..."), `mentions` ("article_id:start-end" of each, sorted). Sorted by
    subject key and value.
    """
    if claims.empty:
        return pd.DataFrame(columns=LEDGER_COLUMNS)
    table = _with_outlets(claims, articles)
    table["claim_id"] = link_claims(table)
    table["figure"] = [_figure(row) for row in table.itertuples()]
    table["increment"] = table["qualifier"] == "another"
    table["mention"] = table["article_id"] + ":" + table["start"].astype(str) + "-" + table["end"].astype(str)
    table["group"] = table["claimant_group"].where(table["claimant_group"] != "", "(own voice)")
    table["named"] = table["claimant"].where(table["claimant"] != "", "(own voice)")
    table["precision"] = [_precision(v) if q == "exact" else math.inf for v, q in zip(table["value"],
                                                                                        table["qualifier"])]
    rows = []
    for claim_id, group in table.groupby("claim_id", sort=True):
        first = group.sort_values(["precision", "article_id", "start"]).iloc[0]
        subjects = group.loc[group["subject"] != "", "subject"].value_counts()
        rows.append({
            "claim_id": claim_id, "subject_key": first["subject_key"], "figure": first["figure"],
            "value": first["value"], "low": first["low"], "high": first["high"], "kind": first["kind"],
            "unit": first["unit"],
            "subject": min(subjects[subjects == subjects.max()].index) if len(subjects) else "",
            "claimants": "; ".join(_fullest_names(group["named"])),
            "claimant_groups": "; ".join(_fullest_names(group["group"])),
            "outlets": "; ".join(sorted(set(group["outlet"]))), "n_outlets": group["outlet"].nunique(),
            "n_mentions": len(group), "asof_start": min(group["asof_start"].replace("", "9999"), default=""),
            "asof_end": max(group["asof_end"]), "forecast": bool(group["forecast"].any()),
            "increment": bool(first["increment"]), "mentions": "; ".join(sorted(group["mention"])),
        })
    ledger = pd.DataFrame(rows, columns=LEDGER_COLUMNS)
    ledger["asof_start"] = ledger["asof_start"].replace("9999", "")
    ledger["_sort"] = ledger["value"].fillna(ledger["low"]).fillna(ledger["high"])
    return ledger.sort_values(["subject_key", "_sort", "figure", "claim_id"]).drop(columns="_sort") \
        .reset_index(drop=True)


def _fullest_names(names) -> list[str]:
    """The distinct names, sorted, without one that ends another: outlets name one person "Hillary Clinton" and
    "Clinton", or "Clinton campaign manager Robby Mook" and "Mook"."""
    names = set(names)
    return sorted(n for n in names if not any(other.endswith(" " + n) for other in names))


def _compatible_subjects(a: str, b: str) -> bool:
    """Same subject class, and the same country unless one of them names none."""
    if not a or not b:
        return False
    *country_a, class_a = a.split(" ")
    *country_b, class_b = b.split(" ")
    return class_a == class_b and (not country_a or not country_b or country_a == country_b)


def _representative(row) -> float:
    return next((v for v in (row.value, row.low, row.high) if not math.isnan(v)), math.nan)


TIMELINE_COLUMNS = ["asof_end", "outlet", "claimant_group", "figure", "value", "low", "high", "y", "subject",
                    "asof_text", "ahead", "article_id", "start", "end"]
# Marker shapes of the outlets in the claim timeline (`research.report.figures.plot_timeline`).
TIMELINE_MARKERS = "osD^vPXh*<>"


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
