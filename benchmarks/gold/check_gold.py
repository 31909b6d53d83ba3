"""Validate a figures gold (allsides_figures.jsonl, allsides_figures_holdout.jsonl, allsides_figures_holdout3.jsonl,
allsides_figures_holdout4.jsonl, allsides_figures_holdout5.jsonl, polnear_figures_holdout6.jsonl, ...,
timeline17_figures_holdout9.jsonl) against its texts and print its counts.

    python benchmarks/gold/check_gold.py DATA [allsides_figures.jsonl | allsides_figures_holdout.jsonl | ...]
                                         [--polnear-test FOLDER] [--allsides-articles FOLDER]

Records may carry half = "holdout", "holdout-3", "holdout-4" or "holdout-5" (besides the first gold's
"choose"/"report" parity rule); holdout roundups must not be roundups of the first gold, holdout-3 roundups in
neither earlier gold, holdout-4 roundups in none of the three earlier golds and holdout-5 roundups in none of the
four (see HOLDOUT.md, HOLDOUT3.md, HOLDOUT4.md and HOLDOUT5.md). half = "holdout-5-full" records are BASIL full
articles: their `roundup` is "basil-<triplet id>" and their headline (the text before the first blank line) is
not annotated. half = "holdout-6-full" records are PolNeAR full articles (read_polnear of polnear_dev/, the
sibling of basil_dev/): each article is its own event, "polnear-<article_id>", and its headline (the text before
the first blank line) is not annotated either (HOLDOUT6.md); so are half = "polnear-dev" records (a development
gold, POLNEARDEV.md) and half = "holdout-7-full" records (a seventh gold, annotated blind, HOLDOUT7.md), whose
articles must be in no other PolNeAR gold. half = "full-dev" records are BASIL full articles too, in events of no holdout-5-full record
(the development gold of FULLDEV.md, basil_figures_dev.jsonl).
half = "holdout-8" records (polnear_figures_holdout8.jsonl, HOLDOUT8.md) are feed excerpts of PolNeAR's test split:
their texts are the cuts of `element_pools.polnear_feed_cuts(FOLDER, "test")`, read only with
`--polnear-test FOLDER` (a folder kept outside the project); without it those records are skipped, and said so.
Their `roundup` is "polnear-test-<article_id>" or "polnear-test-<story>" (articles judged to tell one event), and
the coverage check runs over all 84 cut texts.
half = "holdout-9" records (timeline17_figures_holdout9.jsonl, HOLDOUT9.md) are feed excerpts of Timeline17's H1N1
coverage: their texts are the cuts of `element_pools.timeline17_feed_cuts(DATA)` (timeline17_dev/, the sibling of
allsides_dev/); their `roundup` is "timeline17-<article_id>" or "timeline17-<story>", and the coverage check runs
over the cut texts of the articles that have records (the drawn ones).
half = "holdout-10" records (allsides_articles_figures_holdout10.jsonl, HOLDOUT10.md) are feed excerpts of the AllSides
bias corpus (Baly et al. 2020) published from 2020-05-04 to 2020-05-15: their texts are the cuts of
`element_pools.allsides_articles_feed_cuts(FOLDER, "2020-05-04", "2020-05-15")`, read only with
`--allsides-articles FOLDER` (the corpus, kept outside the project); without it those records are skipped, and said
so. Their `roundup` is "allsides-articles-<article_id>" or "allsides-articles-<story>", and the coverage check runs
over the cut texts of the articles that have records.
half = "holdout-11" records (allsides_articles_figures_holdout11.jsonl, HOLDOUT11.md) are the same for the corpus'
articles published from 2020-02-03 to 2020-02-14 (`allsides_articles_feed_cuts(FOLDER, "2020-02-03", "2020-02-14")`), and
half = "holdout-12" records (allsides_articles_figures_holdout12.jsonl, HOLDOUT12.md) for its articles published from
2019-11-04 to 2019-11-15, and half = "holdout-13" records (allsides_articles_figures_holdout13.jsonl, HOLDOUT13.md) for
those published from 2019-12-02 to 2019-12-13.

The data folder may be the shared data root (containing allsides_dev/ and basil_dev/) or the
allsides_dev folder itself (then basil_dev/ is its sibling). Texts are loaded with
research.corpus.datasets.read_allsides(..., spread_hours=0) and read_basil(...), exactly as the project sees them.
Exit status 1 when any check fails.
"""
import argparse
import collections
import datetime as dt
import functools
import itertools
import json
import re
import sys
from pathlib import Path

import pandas as pd

from research.corpus import datasets

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from element_pools import allsides_articles_feed_cuts, polnear_feed_cuts, timeline17_feed_cuts

TEST_HALF, TEST_EVENT = "holdout-8", "polnear-test-"  # feed cuts of PolNeAR test (HOLDOUT8.md)
T17_HALF, T17_EVENT = "holdout-9", "timeline17-"  # feed cuts of Timeline17 H1N1 (HOLDOUT9.md)
ABP_EVENT = "allsides-articles-"  # feed cuts of the AllSides bias corpus (HOLDOUT10.md to HOLDOUT13.md)
ABP_WINDOWS = {"holdout-10": ("2020-05-04", "2020-05-15"),  # each half's publication window, both days included
               "holdout-11": ("2020-02-03", "2020-02-14"), "holdout-12": ("2019-11-04", "2019-11-15"),
               "holdout-13": ("2019-12-02", "2019-12-13")}

FIRST_GOLD = Path(__file__).with_name("allsides_figures.jsonl")
SECOND_GOLD = Path(__file__).with_name("allsides_figures_holdout.jsonl")
THIRD_GOLD = Path(__file__).with_name("allsides_figures_holdout3.jsonl")
FIFTH_GOLD = Path(__file__).with_name("allsides_figures_holdout5.jsonl")
FOURTH_GOLD = Path(__file__).with_name("allsides_figures_holdout4.jsonl")

KINDS = {"count", "money", "percent", "rate", "age", "change", "measure", "vote"}
NOT_FIGURE = {"not_figure:" + k for k in ("year", "date", "ordinal", "duration", "name", "time", "other")}
QUALIFIERS = {"exact", "approximately", "nearly", "at least", "more than", "up to", "less than", "range", "vague"}
GRANULARITY = {"day", "week", "month", "quarter", "year", "fiscal_year", "target", "publication"}
DIFFERENCES = {"definition", "revision", "disagreement"}
FIELDS = ["article_id", "roundup", "half", "outlet", "start", "end", "surface", "kind", "value", "unit", "qualifier",
          "low", "high", "value2", "direction", "subject", "subject_must", "subject_any", "claimant",
          "claimant_aliases", "forecast", "forecaster", "asof_start", "asof_end", "asof_text", "asof_granularity",
          "asof_note", "link", "differs_from", "difference", "note"]
FIGURE_REQUIRED = ["value", "unit", "qualifier", "claimant", "asof_end", "asof_granularity"]

# number words used both by the value check and by the coverage check
UNITS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve thirteen "
                                       "fourteen fifteen sixteen seventeen eighteen nineteen".split())}
TENS = {w: 10 * (i + 2) for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())}
SCALE = {"k": 1e3, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "dozen": 12.0,
         "m": 1e6, "bn": 1e9,  # "m"/"bn" added for the holdout gold ("60m doses")
         "mln": 1e6,  # holdout-9: Reuters' "5.4 mln hits"
         "hundred": 100.0}  # holdout-10: "Three hundred registered participants"
VAGUE = {"hundreds": 100.0, "thousands": 1e3, "millions": 1e6, "billions": 1e9, "dozens": 12.0,
         # added for the holdout gold: vague trillions ("trillions of dollars", "multitrillion-dollar")
         "trillions": 1e12, "multitrillion": 1e12, "scores": 20.0}
DIVIDE = {"quarter": 4.0, "quarters": 4.0, "third": 3.0, "thirds": 3.0, "cents": 100.0}
TIMES = {"halve": 50.0, "double": 2.0, "twice": 2.0, "doubling": 2.0, "doubled": 2.0, "half": 0.5, "halved": 50.0,
         "triple": 3.0, "tripled": 3.0,  # polnear-dev: "triple the size of the AmeriCorps program"
         "quadrupled": 4.0}  # polnear-dev file 2: "quadrupled" is a rate of 4
COVER_WORDS = ("one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
               "seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety dozen dozens "
               "hundred hundreds thousand thousands million millions billion billions trillion trillions half halved "
               "quarter quarters first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
               "twentieth double doubled doubling twice triple tripled")
COVER = re.compile(r"\d+(?:[.,]\d+)*|\b(?:" + "|".join(COVER_WORDS.split()) + r")\b", re.IGNORECASE)


def other_golds_polnear(gold: Path, half: str) -> set[str]:
    """The PolNeAR article ids of the PolNeAR golds beside `gold` other than those of `half`."""
    ids = set()
    for path in gold.parent.glob("polnear_figures_*.jsonl"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and json.loads(line)["half"] != half:
                ids.add(json.loads(line)["article_id"])
    return ids


def _hundreds(m) -> str | None:
    """'<unit> hundred and <tens>[-<unit>]' as digits, or None when the words are no number."""
    lead = 1 if m.group(1) == "a" else UNITS[m.group(1)]
    rest = TENS.get(m.group(2), UNITS.get(m.group(2)))
    if rest is None:
        return None
    if m.group(3):
        if m.group(2) not in TENS or m.group(3) not in UNITS or not 0 < UNITS[m.group(3)] < 10:
            return None
        rest += UNITS[m.group(3)]
    return str(100 * lead + rest)


def numbers(surface):
    """Numbers stated in a figure surface, scale applied ('$1.2 trillion' -> [1.2e12])."""
    low = surface.lower().replace("\u00a0", " ")
    # added for the holdout gold: "22 and a half" and "22 1/2" are 22.5
    low = re.sub(r"(\d+)(?: and a half| 1/2)\b", r"\1.5", low)
    # spelled "two and a half" is 2.5
    low = re.sub(r"\b(" + "|".join(UNITS) + r") and a half\b", lambda m: f"{UNITS[m.group(1)]}.5", low)
    # ... and "trillion-dollar" is 1 trillion ((holdout-12) "billion-dollar" 1 billion, "million-dollar" 1 million)
    low = re.sub(r"^(million|billion|trillion)-dollar", r"1 \1", low)
    # ... and "several hundred" is the vague "hundreds"
    low = re.sub(r"\bseveral hundred\b", "hundreds", low)
    # ... and "triple-digit" / "double-digit" (temperatures) mean at least 100 / 10
    # ... and (full-dev) "a half-dozen" / "half a dozen" is 6
    low = re.sub(r"\b(?:an? |one )?half(?:-| a )dozen\b", "6", low)
    # ... and (holdout-4) "a third" / "a quarter" / "a half" are one third, one quarter, one half
    # (polnear-dev) "a quarter of a million" is 250,000
    low = re.sub(r"^a (quarter|half) of a (million|billion)\b",
                 lambda m: str((0.25 if m.group(1) == "quarter" else 0.5) * SCALE[m.group(2)]), low)
    # (holdout-11) "a quarter-billion" (dollars) is 250 million
    low = re.sub(r"\ba (quarter|half)-(million|billion|trillion)\b",
                 lambda m: str((0.25 if m.group(1) == "quarter" else 0.5) * SCALE[m.group(2)]), low)
    low = re.sub(r"^an? (third|quarter|half)\b", r"one \1", low)
    # ... and (polnear-dev) "another quarter" is one quarter, and "six figures"
    # (dollars) the vague 1e5 ("five figures" 1e4)
    low = re.sub(r"^another (third|quarter)\b", r"one \1", low)
    low = re.sub(r"\b([a-z]+) figures\b", lambda m: str(10.0 ** (UNITS[m.group(1)] - 1)) if m.group(1) in UNITS else m.group(0), low)
    # ... and (holdout-5) "one-half" is 0.5 ("one-half of one percentage point")
    low = re.sub(r"\bone-half\b", "0.5", low)
    # ... and "nearly a third" is nearly one third (holdout-9: "up to a third" too)
    low = re.sub(r"^(nearly|almost|about|roughly|more than|less than|up to) an? (third|quarter)\b", r"\1 one \2", low)
    # ... and (holdout-6) "eight of 10" / "eight out of 10" voters is the share 80 (percent)
    low = re.sub(r"\b([a-z]+|\d+) (?:out )?of 10\b", lambda m: str(10 * (UNITS.get(m.group(1)) or float(m.group(1) if m.group(1).isdigit() else 0))), low)
    # ... and "threefold" is 3 (times)
    low = re.sub(r"\b([a-z]+)-?fold\b", lambda m: str(float(UNITS[m.group(1)])) if m.group(1) in UNITS else m.group(0), low)
    low = re.sub(r"\btriple-digit", "100", re.sub(r"\bdouble-digit", "10", low))
    # ... and (polnear-dev file 2) a bare scale word ("those billion people") is one of that scale
    low = re.sub(r"^(thousand|million|billion|trillion)$", r"1 \1", low)
    # ... and "a couple dozen" is 24
    # ... and (holdout-8) "a few million" is the vague scale, as "millions"
    low = re.sub(r"\ba few (thousand|million|billion|trillion)\b", r"\1s", low)
    low = re.sub(r"\ba couple(?: of)? dozen\b", "24", low)
    # ... and (holdout-9) "about one in 20" is the ratio 0.05
    low = re.sub(r"\b(?:one|a) in (\d+)\b", lambda m: str(1 / float(m.group(1))), low)
    # ... and (holdout-10) "a hundred and sixty" is 160
    low = re.sub(r"\b(a|one|two|three|four|five|six|seven|eight|nine) hundred and ([a-z]+)(?:[- ]([a-z]+))?\b",
                 lambda m: _hundreds(m) or m.group(0), low)
    # ... and (holdout-11) a spelled decade band ("in her sixties") is its floor
    low = re.sub(r"\b(twent|thirt|fort|fift|sixt|sevent|eight|ninet)ies\b", lambda m: str(TENS[m.group(1) + "y"]), low)
    toks = re.findall(r"\d+(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|[a-z]+", low)
    out, i = [], 0
    while i < len(toks):
        t, val = toks[i], None
        if t[0].isdigit():
            val = float(t.replace(",", ""))
        elif t in TENS:
            val = TENS[t]
            if i + 1 < len(toks) and toks[i + 1] in UNITS and UNITS[toks[i + 1]] < 10:
                val += UNITS[toks[i + 1]]
                i += 1
        elif t in UNITS:
            val = float(UNITS[t])
        elif t in ("a", "an") and i + 1 < len(toks) and toks[i + 1] in SCALE:
            val = 1.0
        elif t in ("tens", "hundreds") and i + 2 < len(toks) and toks[i + 1] == "of" and toks[i + 2].rstrip("s") in SCALE:
            # (holdout-5) "hundreds of thousands" is vague 1e5, as "tens of millions" is 1e7
            out.append((10 if t == "tens" else 100) * SCALE[toks[i + 2].rstrip("s")])
            i += 3
            continue
        elif t in VAGUE:
            out.append(VAGUE[t])
        elif t in TIMES:
            out.append(TIMES[t])
        elif t == "dozen":
            out.append(12.0)
        if val is not None:
            while i + 1 < len(toks) and (toks[i + 1] in SCALE or toks[i + 1] in DIVIDE):
                nxt = toks[i + 1]
                val = val * SCALE[nxt] if nxt in SCALE else val / DIVIDE[nxt]
                i += 1
            out.append(val)
        i += 1
    return out


def close(a, b, rel=1e-6, abs_=1e-9):
    return a is not None and b is not None and abs(a - b) <= max(abs_, rel * max(abs(a), abs(b)))


def check_value(r):
    nums = numbers(r["surface"])
    if not nums:
        return "no number found in surface"
    note = (r.get("note") or "").lower()
    if "typo" in note or "scale truncated" in note:  # "scale truncated": excerpt cut between number and scale word
        return None
    v, first = r["value"], nums[0]
    ok = close(v, first) or (r["kind"] in ("percent", "change") and (abs(v - 100 * first) < 0.01))
    if not ok:
        return f"value {v} not consistent with surface numbers {nums}"
    if r["qualifier"] == "range":
        if r["low"] is None or r["high"] is None or len(nums) < 2 or not close(r["low"], nums[0]) or not close(r["high"], nums[1]):
            return f"range low/high {r['low']}/{r['high']} vs {nums}"
    elif r["low"] is not None or r["high"] is not None:
        return "low/high given but qualifier is not 'range'"
    if r["kind"] == "vote" and (len(nums) < 2 or not close(r["value2"], nums[1])):
        return f"vote value2 {r['value2']} vs {nums}"
    return None


def iso(s):
    try:
        return dt.date.fromisoformat(s)
    except (TypeError, ValueError):
        return None


def with_stories(cuts: pd.DataFrame, records: list[dict], half: str, prefix: str) -> pd.DataFrame:
    """Feed `cuts` (`article_id`, `text`, `outlet`) with `event`: the `roundup` of the article's `half` records,
    else `prefix` + its article id."""
    cuts = cuts[["article_id", "text", "outlet"]]
    story = {r["article_id"]: str(r["roundup"]) for r in records if r.get("half") == half}
    return cuts.assign(event=[story.get(a, prefix + a) for a in cuts["article_id"]])


def story_error(r: dict, ids: set[str], prefix: str) -> str | None:
    """Why a feed-cut record's `roundup` is malformed: `prefix` + its own article id, or + a story name that is no
    article id."""
    name = str(r["roundup"]).removeprefix(prefix)
    if not str(r["roundup"]).startswith(prefix) or (name in ids and name != r["article_id"]):
        return f"{r['half']} roundup {r['roundup']} is neither {prefix}<own article id> nor a story name"
    return None


def with_feed_half(lines: list, table: pd.DataFrame, half: str, event: str, option: str, read) -> tuple | None:
    """The records and texts with the feed cuts of a half kept outside the project: with `read` (its cuts, read
    from the folder the option names, only when the gold holds records of the half) `table` gains them and the
    half's article ids are returned; without it the half's records are skipped, said so, and None is returned when no
    record is left."""
    if read and any(r.get("half") == half for _, r in lines):
        cuts = with_stories(read(), [r for _, r in lines], half, event)
        return lines, pd.concat([table, cuts], ignore_index=True), set(cuts.article_id)
    skipped = sum(r.get("half") == half for _, r in lines)
    if skipped:
        lines = [(i, r) for i, r in lines if r.get("half") != half]
        print(f"{half}: {skipped} records skipped (their texts need {option} FOLDER)")
        if not lines:
            return None
    return lines, table, set()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, help="the shared data root (allsides_dev/, basil_dev/, polnear_dev/, timeline17_dev/)")
    parser.add_argument("gold", type=Path, nargs="?", default=FIRST_GOLD, help="a figures gold (.jsonl)")
    parser.add_argument("--polnear-test", type=Path, help="PolNeAR folder holding the test split (holdout-8)")
    parser.add_argument("--allsides-articles", type=Path,
                        help="the AllSides bias corpus (Baly et al. 2020: data/jsons/*.json) of holdout-10 to holdout-13")
    args = parser.parse_args()
    folder, gold = args.data, args.gold
    if (folder / "allsides_dev").is_dir():
        folder = folder / "allsides_dev"
    def rounds_of(g):
        if not g.exists():
            return set()
        return {str(json.loads(x)["roundup"]) for x in g.read_text(encoding="utf-8").splitlines() if x.strip()}
    first_rounds = rounds_of(FIRST_GOLD)
    earlier_rounds = first_rounds | rounds_of(SECOND_GOLD)  # holdout-3 roundups must be in neither earlier gold
    before_fourth = earlier_rounds | rounds_of(THIRD_GOLD)  # holdout-4 roundups must be in none of the three
    before_fifth = before_fourth | rounds_of(FOURTH_GOLD)  # holdout-5 roundups must be in none of the four
    blind_full = {x for x in rounds_of(FIFTH_GOLD) if x.startswith("basil-")}  # full-dev events must be others
    table = datasets.read_allsides(folder, spread_hours=0)[["article_id", "text", "outlet", "event"]]
    table["event"] = table.event.astype(str)
    body = {}  # BASIL: offset of the body (after the headline); AllSides texts have no headline
    if (folder.parent / "basil_dev").is_dir():
        basil = datasets.read_basil(folder.parent / "basil_dev")[["article_id", "text", "outlet", "event"]]
        basil["event"] = "basil-" + basil.event
        body = {a: t.index("\n\n") + 2 for a, t in zip(basil.article_id, basil.text)}
        table = pd.concat([table, basil], ignore_index=True)
    basil_ids = set(body)
    if (folder.parent / "polnear_dev").is_dir():  # holdout-6-full: PolNeAR articles, each its own event
        polnear = datasets.read_polnear(folder.parent / "polnear_dev")[["article_id", "text", "outlet"]]
        polnear["event"] = "polnear-" + polnear.article_id
        body.update({a: t.index("\n\n") + 2 for a, t in zip(polnear.article_id, polnear.text)})
        table = pd.concat([table, polnear], ignore_index=True)
    lines = [(i, json.loads(x)) for i, x in enumerate(gold.read_text(encoding="utf-8").splitlines(), 1) if x.strip()]
    feeds = {TEST_HALF: (TEST_EVENT, "--polnear-test", args.polnear_test and (
                 lambda: polnear_feed_cuts(args.polnear_test, "test"))),
             **{half: (ABP_EVENT, "--allsides-articles", args.allsides_articles and functools.partial(
                 allsides_articles_feed_cuts, args.allsides_articles, *window)) for half, window in ABP_WINDOWS.items()}}
    ids: dict[str, set[str]] = {}
    for half, (event, option, read) in feeds.items():
        kept = with_feed_half(lines, table, half, event, option, read)
        if kept is None:
            return
        lines, table, ids[half] = kept
    test_ids = ids[TEST_HALF]
    t17_ids: set[str] = set()
    if (folder.parent / "timeline17_dev").is_dir() and any(r.get("half") == T17_HALF for _, r in lines):
        cuts = with_stories(timeline17_feed_cuts(folder.parent), [r for _, r in lines], T17_HALF, T17_EVENT)
        t17_ids = set(cuts.article_id)
        table = pd.concat([table, cuts], ignore_index=True)
    text = dict(zip(table.article_id, table.text))
    outlet = dict(zip(table.article_id, table.outlet))
    event = dict(zip(table.article_id, table.event))
    errors = []

    def err(i, msg):
        errors.append(f"line {i}: {msg}")

    recs = []
    for i, r in lines:
        recs.append((i, r))
        missing = [f for f in FIELDS if f not in r]
        if missing:
            err(i, f"missing fields {missing}")
            continue
        aid = r["article_id"]
        if aid not in text:
            err(i, f"unknown article_id {aid}")
            continue
        if str(event[aid]) != str(r["roundup"]):
            err(i, f"roundup {r['roundup']} does not match article {aid}")
        if r["outlet"] != outlet[aid]:
            err(i, "outlet mismatch")
        if r["half"] == "holdout":
            if str(r["roundup"]) in first_rounds:
                err(i, f"holdout record in roundup {r['roundup']} of the first gold")
        elif r["half"] == "holdout-3":
            if str(r["roundup"]) in earlier_rounds:
                err(i, f"holdout-3 record in roundup {r['roundup']} of an earlier gold")
        elif r["half"] == "holdout-4":
            if str(r["roundup"]) in before_fourth:
                err(i, f"holdout-4 record in roundup {r['roundup']} of an earlier gold")
        elif r["half"] == "holdout-5":
            if str(r["roundup"]) in before_fifth or aid in body:
                err(i, f"holdout-5 record in roundup {r['roundup']} of an earlier gold or not AllSides")
        elif r["half"] == "holdout-5-full":
            if aid not in basil_ids:
                err(i, f"holdout-5-full record {aid} is not a BASIL article")
        elif r["half"] in ("holdout-6-full", "polnear-dev", "holdout-7-full"):
            if not str(r["roundup"]).startswith("polnear-") or aid in other_golds_polnear(gold, r["half"]):
                err(i, f"{r['half']} record {aid} is not a PolNeAR article or is an article of another PolNeAR gold")
        elif r["half"] == TEST_HALF:
            msg = story_error(r, test_ids, TEST_EVENT)
            if aid not in test_ids or aid in other_golds_polnear(gold, TEST_HALF) or msg:
                err(i, msg or f"holdout-8 record {aid} is not a PolNeAR test article or is in another PolNeAR gold")
        elif r["half"] == T17_HALF:
            msg = story_error(r, t17_ids, T17_EVENT)
            if aid not in t17_ids or msg:
                err(i, msg or f"holdout-9 record {aid} is not a Timeline17 article")
        elif r["half"] in ABP_WINDOWS:
            msg = story_error(r, ids[r["half"]], ABP_EVENT)
            if aid not in ids[r["half"]] or msg:
                err(i, msg or f"{r['half']} record {aid} is not an article of the AllSides bias corpus' window")
        elif r["half"] == "full-dev":
            if aid not in basil_ids or str(r["roundup"]) in blind_full:
                err(i, f"full-dev record {aid} is not a BASIL article or sits in a holdout-5-full event")
        else:
            want_half = "choose" if int(r["roundup"]) % 4 == 0 else "report"
            if r["half"] != want_half:
                err(i, f"half {r['half']} != {want_half} (or 'holdout')")
        s, e = r["start"], r["end"]
        if not (isinstance(s, int) and isinstance(e, int) and body.get(aid, 0) <= s < e <= len(text[aid])):
            err(i, f"bad offsets {s}:{e}")
            continue
        if text[aid][s:e] != r["surface"]:
            err(i, f"surface {r['surface']!r} != text[{s}:{e}] {text[aid][s:e]!r}")
        kind = r["kind"]
        if kind in NOT_FIGURE:
            for f in ("value", "unit", "subject", "claimant", "link", "asof_start", "asof_end"):
                if r[f] not in (None, [], ""):
                    err(i, f"non-figure has {f}")
            continue
        if kind not in KINDS:
            err(i, f"bad kind {kind}")
            continue
        for f in FIGURE_REQUIRED:
            if r[f] in (None, ""):
                err(i, f"figure missing {f}")
        if r["qualifier"] not in QUALIFIERS:
            err(i, f"bad qualifier {r['qualifier']}")
        if not isinstance(r["forecast"], bool):
            err(i, "forecast must be boolean")
        if r["value"] is not None:
            msg = check_value(r)
            if msg:
                err(i, msg)
        note = (r.get("note") or "").lower()
        if r["subject"] in (None, ""):
            if "truncated" not in note:
                err(i, "figure without subject (allowed only for truncated excerpts)")
        else:
            subj = r["subject"].lower()
            if not r["subject_must"]:
                err(i, "subject_must is empty")
            for w in r["subject_must"]:
                if w != w.lower() or not w.strip():
                    err(i, f"subject_must word {w!r} not lower-case")
                elif w not in subj and not any(a.lower() in subj for a in r["subject_any"]):
                    err(i, f"subject_must word {w!r} not in own subject")
            if len(r["subject_must"]) > 3:
                err(i, "subject_must longer than 3")
        if not isinstance(r["claimant_aliases"], list):
            err(i, "claimant_aliases must be a list")
        a0, a1 = iso(r["asof_start"]), iso(r["asof_end"])
        if a1 is None:
            err(i, "asof_end is not an ISO date")
        if r["asof_start"] is None:
            if "unresolved" not in (r.get("asof_note") or ""):
                err(i, "asof_start missing without an 'unresolved' asof_note")
        elif a0 is None:
            err(i, "asof_start is not an ISO date")
        elif a1 and a0 > a1:
            err(i, "asof_start after asof_end")
        if r["asof_granularity"] not in GRANULARITY:
            err(i, f"bad asof_granularity {r['asof_granularity']}")
        if r["differs_from"] is not None and r["difference"] not in DIFFERENCES:
            err(i, f"bad difference {r['difference']}")

    # overlapping spans
    by_art = collections.defaultdict(list)
    for i, r in recs:
        by_art[r["article_id"]].append((r["start"], r["end"], i))
    for aid, spans in by_art.items():
        spans.sort()
        for (s1, e1, i1), (s2, e2, i2) in itertools.pairwise(spans):
            if s2 < e1:
                err(i2, f"span overlaps line {i1} in {aid}")

    # links: one roundup only, more than one outlet unless it is a differs_from anchor
    figs = [r for _, r in recs if r["kind"] in KINDS]
    groups = collections.defaultdict(list)
    for r in figs:
        if r["link"]:
            groups[r["link"]].append(r)
    referenced = {r["differs_from"] for r in figs if r["differs_from"]}
    for lid, rs in groups.items():
        rounds = {r["roundup"] for r in rs}
        if len(rounds) != 1:
            errors.append(f"link {lid} spans roundups {sorted(rounds)}")
        outs = {r["article_id"] for r in rs}
        if len(outs) < 2 and lid not in referenced and not any(r["differs_from"] for r in rs):
            errors.append(f"link {lid} has a single outlet and no differs_from relation")
    pairs = set()
    for r in figs:
        if r["differs_from"]:
            other = groups.get(r["differs_from"])
            if not other:
                errors.append(f"differs_from {r['differs_from']} is not a link id")
            elif other[0]["roundup"] != r["roundup"]:
                errors.append(f"differs_from {r['differs_from']} crosses roundups")
            if not r["link"]:
                errors.append(f"{r['article_id']} {r['surface']}: differs_from without own link id")
            pairs.add((r["link"], r["differs_from"], r["difference"]))

    # coverage: every digit run / number word of the chosen roundups lies inside a gold span
    chosen = sorted({str(r["roundup"]) for _, r in recs} | ({e for e in table.event if e.startswith(TEST_EVENT)}
                                                            if any(r["half"] == TEST_HALF for _, r in recs) else set()))
    uncovered = []
    for _, row in table[table.event.isin(chosen)].iterrows():
        spans = by_art.get(row.article_id, [])
        for m in COVER.finditer(row.text, body.get(row.article_id, 0)):
            if not any(s <= m.start() and m.end() <= e for s, e, _ in spans):
                uncovered.append(f"{row.article_id}@{m.start()}:{m.group()!r}")
    if uncovered:
        errors.append(f"{len(uncovered)} number-like tokens outside any gold span: {uncovered[:20]}")

    # counts
    nonfig = [r for _, r in recs if r["kind"] in NOT_FIGURE]
    print(f"records: {len(recs)}  figures: {len(figs)}  non-figures: {len(nonfig)}  roundups: {len({r['roundup'] for _, r in recs})}  "
          f"articles: {len(by_art)}")
    for h in ("choose", "report", "holdout", "holdout-3", "holdout-4", "holdout-5", "holdout-5-full", "full-dev",
              TEST_HALF, T17_HALF, *ABP_WINDOWS):
        rr = {r["roundup"] for _, r in recs if r["half"] == h}
        if not rr:
            continue
        print(f"  half={h}: roundups {len(rr)}  figures {sum(r['half'] == h for r in figs)}  "
              f"non-figures {sum(r['half'] == h for r in nonfig)}")
    print("  per kind:", dict(collections.Counter(r["kind"] for _, r in recs).most_common()))
    print("  per qualifier:", dict(collections.Counter(r["qualifier"] for r in figs).most_common()))
    print("  forecasts:", sum(r["forecast"] for r in figs),
          " asof granularity:", dict(collections.Counter(r["asof_granularity"] for r in figs).most_common()))
    multi = {k: v for k, v in groups.items() if len({r["article_id"] for r in v}) >= 2}
    print(f"  linked groups (>=2 outlets): {len(multi)} covering {sum(len(v) for v in multi.values())} figures; "
          f"link ids incl. singletons: {len(groups)}")
    print(f"  differs_from pairs: {len(pairs)}", dict(collections.Counter(p[2] for p in pairs)))
    if errors:
        print(f"\n{len(errors)} ERRORS")
        for e in errors:
            print("  ", e)
        sys.exit(1)
    print("\nOK: all checks passed")


if __name__ == "__main__":
    main()
