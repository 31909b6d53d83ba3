"""Quantitative claims: figures in article prose, who claimed them, the period they refer to, and the
ledger of the same claim across outlets.

`extract_claims(passages, cues, articles)` reads the figures of body sentences
(`research.claims.quantities.find_quantities`) and gives each

- `subject` and `subject_key`: what is counted; a number without a subject
  ("out of a promised 10,000") takes the subject of the figure before it in the
  sentence or paragraph;
- `claimant` and `claimant_group`: the source of the innermost attribution
  whose content holds the figure (`research.attributions`), else the nearest
  attribution in its sentence; a sentence with none that opens with a pronoun
  continues the previous sentence's speaker. Groups come from
  `research.group_actors`. Figures nobody is said to claim have an empty
  claimant: the outlet states them in its own voice. `claimant_relay` is who
  passed the claim on, as named in the text ("Park cited Cho as saying the
  3,000 ...": claimant Cho, relay Park), empty when nobody did;
- `asof_start`, `asof_end`: the period the figure refers to, from the time
  expressions of its sentence (`research.text.dates`): a "since", "by" or
  duration phrase that follows the figure, else the nearest date in the same
  clause, never one across another figure or behind a relative clause ("the
  invasion that began in February 2022"); the publication date when the
  sentence has none.

`claim_ledger` groups the same claim across outlets, `claim_conflicts` pairs
claims on the same subject and date that disagree, `timeline_table` gives the
numbers behind the claim timeline.
"""

from __future__ import annotations

import math
import re
from datetime import date

import pandas as pd

from research.claims.actors import group_actors
from research.claims.quantities import Quantity, find_quantities, subject_key
from research.errors import AnalysisError
from research.text.dates import find_time_expressions, reference_date

CLAIM_COLUMNS = ["article_id", "passage_id", "start", "end", "value", "low", "high", "qualifier", "kind", "unit",
                 "subject", "subject_key", "claimant", "claimant_group", "claimant_relay", "asof_start", "asof_end",
                 "asof_text", "text"]
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


def extract_claims(passages: pd.DataFrame, cues: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Quantitative claims in the body sentences of `passages` (see the module docstring).

    `passages` are sentence passages (`split_passages`); only `role == "body"`
    ones are read when the column is there. `cues` are the attributions of the
    same articles (`research.attributions(blocks, articles)`); `articles` gives
    the texts and `published`. Returns
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
    attribution_table = group_actors(cues, articles)
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
                head = quantity.head or subject
                following = passage.text[quantity.end:][len(head) + 1:] if quantity.head else ""
                key = subject_key(head, passage.text[:quantity.start], following) if head \
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
