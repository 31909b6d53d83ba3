"""Figures, subjects, claimants, as-of periods and cross-outlet links against the figures golds
(AllSides, BASIL, PolNeAR).

    python benchmarks/evaluate_figures.py DATA [--gold PATH ...] [--roles body|all] [--halves H,H]
                                               [--errors HALF ...] [--polnear-test FOLDER]
                                               [--allsides-articles FOLDER]

DATA is the shared data folder (holding `allsides_dev/` and `basil_dev/`). The golds are
`benchmarks/gold/allsides_figures.jsonl` (454 figures and 265 non-figures in 42
roundups, halves "choose" and "report", see `benchmarks/gold/README.md`) and
`benchmarks/gold/allsides_figures_holdout.jsonl` (241 figures and 170 non-figures
in 40 other roundups, half "holdout", see `benchmarks/gold/HOLDOUT.md`) and
`benchmarks/gold/allsides_figures_holdout3.jsonl` (158 figures and 259 non-figures
in 52 further roundups, half "holdout-3", annotated blind, a development set from the twentieth round: see
`benchmarks/gold/HOLDOUT3.md`) and `benchmarks/gold/allsides_figures_holdout4.jsonl`
(139 figures and 310 non-figures in 89 more roundups, half "holdout-4", annotated blind
after the fifth round: see `benchmarks/gold/HOLDOUT4.md`) and `benchmarks/gold/allsides_figures_holdout5.jsonl`
(annotated blind in issue 18's seventh round, see `benchmarks/gold/HOLDOUT5.md`: half "holdout-5", the 27 last
AllSides roundups with a number expression, and half "holdout-5-full", 8 BASIL events told by three outlets as
full articles, whose records carry `roundup` "basil-<triplet id>") and `benchmarks/gold/basil_figures_dev.jsonl`
(half "full-dev": the 22 other BASIL dev events as full articles, a development set, see
`benchmarks/gold/FULLDEV.md`) and `benchmarks/gold/polnear_figures_holdout6.jsonl` (half "holdout-6-full": 14
PolNeAR dev articles annotated blind, each its own event "polnear-<article id>", see
`benchmarks/gold/HOLDOUT6.md`) and `benchmarks/gold/polnear_figures_dev1.jsonl` with `polnear_figures_dev2.jsonl`
(half "polnear-dev": other PolNeAR articles, a development set, see `benchmarks/gold/POLNEARDEV.md`) and
`benchmarks/gold/polnear_figures_holdout7.jsonl` (half "holdout-7-full": further PolNeAR articles annotated blind,
see `benchmarks/gold/HOLDOUT7.md`) and `benchmarks/gold/polnear_figures_holdout8.jsonl` (half "holdout-8": feed
excerpts of PolNeAR's test split annotated blind, see `benchmarks/gold/HOLDOUT8.md`; scored only with
`--polnear-test FOLDER`, the PolNeAR folder holding the test split, kept outside the project: its texts are
`element_pools.polnear_feed_cuts(FOLDER, "test")`, each article's event the `roundup` of its records, a story
"polnear-test-<story>" or the article alone; without the option the half is skipped and the script says so) and
`benchmarks/gold/timeline17_figures_holdout9.jsonl` (half "holdout-9": feed excerpts of Timeline17's H1N1
coverage annotated blind, see `benchmarks/gold/HOLDOUT9.md`: its texts are `element_pools.timeline17_feed_cuts(DATA)`,
each article's event the `roundup` of its records, "timeline17-<story>" or "timeline17-<article id>") and
`benchmarks/gold/allsides_articles_figures_holdout10.jsonl` (half "holdout-10": feed excerpts of the AllSides bias
corpus of Baly et al. 2020, published 2020-05-04 to 2020-05-15, annotated blind, scored blind once, then opened as a development set in issue 18's twenty-second round, see
`benchmarks/gold/HOLDOUT10.md`;
scored only with `--allsides-articles FOLDER`, the corpus kept outside the project: its texts are
`element_pools.allsides_articles_feed_cuts(FOLDER, "2020-05-04", "2020-05-15")`, each article's event the `roundup`
of its records, "allsides-articles-<story>" or "allsides-articles-<article id>"; without the option the half is
skipped and the script says so) and `benchmarks/gold/allsides_articles_figures_holdout11.jsonl` (half "holdout-11":
the same corpus's articles published 2020-02-03 to 2020-02-14, annotated blind, scored blind twice, then opened as a
development set in issue 18's twenty-third round, see `benchmarks/gold/HOLDOUT11.md`;
read the same way with `--allsides-articles FOLDER`, its cuts `allsides_articles_feed_cuts(FOLDER, "2020-02-03",
"2020-02-14")`) and `benchmarks/gold/allsides_articles_figures_holdout12.jsonl` (half "holdout-12": its articles
published 2019-11-04 to 2019-11-15, annotated blind, scored blind twice, then opened as a development set in issue
18's twenty-fourth round, see `benchmarks/gold/HOLDOUT12.md`; read the same way, its cuts
`allsides_articles_feed_cuts(FOLDER, "2019-11-04", "2019-11-15")`) and `benchmarks/gold/allsides_articles_figures_holdout13.jsonl`
(half "holdout-13": its articles published 2019-12-02 to 2019-12-13, annotated blind, see `benchmarks/gold/HOLDOUT13.md`;
its cuts `allsides_articles_feed_cuts(FOLDER, "2019-12-02", "2019-12-13")`). The holdout roundups are split here into two halves of 20 by
a fixed seed (`split_holdout`: the sorted roundup ids shuffled by `random.Random(HOLDOUT_SEED)`,
the first 20 "holdout-dev", the rest "holdout-test"). `--gold` (repeatable) scores the given gold
files instead, one column per half they hold. The texts are read with
`read_allsides(folder, spread_hours=0)`, so periods resolve against the roundup date, the BASIL
texts with `read_basil(DATA / "basil_dev")` (event "basil-<triplet id>", periods resolve against
each article's own date) and the PolNeAR texts with `read_polnear(DATA / "polnear_dev")`. Each
roundup, BASIL event or PolNeAR article is one event: the chain runs as the pipeline runs it
(`split_blocks`, `split_passages`, `attributions`, `extract_claims`; once per corpus),
and `claim_ledger` and `claim_conflicts` run per event. With `--roles all`, the
passages and blocks of every role are read as body (to score the figures apart
from the cleaning); the default reads body passages only, as the pipeline does.

Every measure is printed for each half separately ("choose": rules were tuned
on it; "report": not looked at while tuning, but its totals were printed after
each change; "holdout-dev": the texts, gold and errors of these 20 roundups were
read in the fourth round of rules; "holdout-test": only its totals were printed
in the fourth round, and its errors were read in the fifth, so it is no longer
held out; "holdout-3": a gold annotated blind during the fifth round, scored
blind from the fourth round's rules to the nineteenth's, then opened as a development set in issue 18's twentieth
round (December 2026: its errors may be listed); "holdout-4": a fourth gold
annotated blind after the fifth round, scored blind twice (fifth round's rules: claimant .772, as-of .803,
subject .906, found .914, links 11/20; sixth round's: claimant .772, as-of .803, subject .913, found .914,
links 13/20), then its errors read in issue 18's sixth round (the diagnosis), so it is now a development
set; "holdout-5" and "holdout-5-full": a fifth gold annotated blind in the seventh round, feed excerpts and
full articles, scored once with main's rules when it was committed, never read; "full-dev": a full-article
development gold whose errors may be read; "holdout-6-full": a sixth gold, PolNeAR full articles annotated
blind, scored blind once with main's rules when it was committed and once after issue 18's ninth round, then
made a development set (its errors may be read from the tenth round on); "polnear-dev": PolNeAR full articles, a
development gold whose errors may be read; "holdout-7-full": a seventh gold, PolNeAR full articles annotated blind,
never read; "holdout-8": an eighth gold, PolNeAR test feed excerpts annotated blind, scored blind twice (after
the twentieth round), then opened as a development set in issue 18's twenty-first round (its errors may be listed);
"holdout-9": a ninth gold, Timeline17 H1N1 feed excerpts annotated blind, scored blind once, then opened as a
development set in the twenty-first round; "holdout-10": a tenth gold, feed excerpts of the AllSides bias corpus
annotated blind, scored blind once after the twenty-first round, then opened as a development set in the
twenty-second round (its errors may be listed); "holdout-11": an eleventh gold, feed excerpts of another window of
that corpus annotated blind, scored blind twice (after the twenty-first and twenty-second rounds), then opened as a
development set in the twenty-third round (its errors may be listed); "holdout-12": a twelfth gold, feed excerpts of
a third window of that corpus annotated blind, scored blind twice (before and after the twenty-third round),
then opened as a development set in the twenty-fourth round (its errors may be listed); "holdout-13": a thirteenth
gold, the same on a fourth window, never read). `--errors` (repeatable) lists the misses of a half, never of a blind
half ("holdout-5", "holdout-5-full", "holdout-7-full", "holdout-13");
`--halves` limits the columns (and the roundups run) to the named halves, comma-separated. A gold record is
matched by the extracted figure of the same article whose span overlaps it most.

- found: gold figures overlapped by an extracted figure / gold figures.
- value right: among found figures, the value equals the gold value (relative
  difference under 1e-6); ranges need both bounds equal; a vague amount
  ("hundreds of") needs qualifier "vague" with its lower bound in
  [gold value, 10 x gold value) (the gold gives the scale: hundreds = 100).
- subject right: among found figures with a gold subject (4 truncated excerpts
  have none), every word of `subject_must` (or one of `subject_any` in its place)
  is a word of the extracted subject, a plural "-s"/"-es" or possessive allowed.
  "subject right (word stems)" is the same check on Porter stems, a gold word
  also matching the start of one of ours (not a target: it shows how much of the
  gap is spelling, "case average" for "cases", "approving" for "approve").
- claimant right: among found figures, the gold claimant is "reporter" and the
  extracted claimant is empty (own voice), or both are named and the extracted
  claimant, lower case without determiners and possessives, equals the gold
  claimant or one of `claimant_aliases`, contains one of them as whole words, or
  is contained in one and makes up at least half of its words.
- as-of right: among found figures whose gold period is resolved (one is not),
  both ends of the extracted period lie within one day of the gold period's
  ends (one day absorbs the Sunday-Saturday reference week of the Labor
  Department against the Monday-Sunday "last week" of the guidelines).
- not-a-count read as a count: gold non-figures (years, dates, ordinals,
  durations, names, times) overlapped by an extracted figure / gold non-figures.
- same-figure links found: pairs of found gold figures in different outlets
  with one gold link id, whose extracted figures the ledger gives one
  `claim_id` / all such gold pairs (figures not found count as not linked);
  link precision: pairs of extracted figures in different outlets with one
  `claim_id`, both matched to gold figures, that share a gold link id / all such
  pairs matched to gold records.
- conflicts: gold `differs_from` pairs of link groups (definition, revision,
  disagreement) that `claim_conflicts` pairs, and those with the same label;
  conflict precision: conflict rows whose two sides fall in a gold
  `differs_from` pair / conflict rows whose sides both match gold figures.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import re
import sys
from datetime import date
from pathlib import Path

import pandas as pd

import research
from research.corpus import datasets
from research.text.tokens import stem

sys.path.insert(0, str(Path(__file__).resolve().parent))
from element_pools import allsides_articles_feed_cuts, polnear_feed_cuts, timeline17_feed_cuts

GOLDS = tuple(Path(__file__).resolve().parent / "gold" / name
              for name in ("allsides_figures.jsonl", "allsides_figures_holdout.jsonl",
                           "allsides_figures_holdout3.jsonl", "allsides_figures_holdout4.jsonl",
                           "allsides_figures_holdout5.jsonl", "basil_figures_dev.jsonl",
                           "polnear_figures_holdout6.jsonl", "polnear_figures_dev1.jsonl",
                           "polnear_figures_dev2.jsonl", "polnear_figures_holdout7.jsonl",
                           "polnear_figures_holdout8.jsonl", "timeline17_figures_holdout9.jsonl",
                           "allsides_articles_figures_holdout10.jsonl", "allsides_articles_figures_holdout11.jsonl",
                           "allsides_articles_figures_holdout12.jsonl", "allsides_articles_figures_holdout13.jsonl"))
HALVES = ("choose", "report", "holdout-dev", "holdout-test", "holdout-3", "holdout-4", "holdout-5", "holdout-5-full",
          "full-dev", "holdout-6-full", "polnear-dev", "holdout-7-full", "holdout-8",
          "holdout-9", "holdout-10", "holdout-11", "holdout-12", "holdout-13")
BLIND = ("holdout-5", "holdout-5-full", "holdout-7-full", "holdout-13")  # halves whose errors are never listed
TEST_HALF = "holdout-8"  # feed cuts of PolNeAR test, read only with --polnear-test
T17_HALF = "holdout-9"  # feed cuts of Timeline17 H1N1 (timeline17_dev/, beside allsides_dev/)
# halves of feed cuts of the AllSides bias corpus, read only with --allsides-articles, and each one's publication
# window (HOLDOUT10.md to HOLDOUT13.md), both days included
ABP_WINDOWS = {"holdout-10": ("2020-05-04", "2020-05-15"), "holdout-11": ("2020-02-03", "2020-02-14"),
               "holdout-12": ("2019-11-04", "2019-11-15"), "holdout-13": ("2019-12-02", "2019-12-13")}
BASIL_EVENT = "basil-"  # prefix of the gold `roundup` of a BASIL event
POLNEAR_EVENT = "polnear-"  # prefix of the gold `roundup` of a PolNeAR article (each article its own event)
HOLDOUT_SEED = 18
TARGETS = {"found": (">=", 0.95), "value right": (">=", 0.97), "subject right": (">=", 0.85),
           "claimant right": (">=", 0.85), "as-of right": (">=", 0.85),
           "not-a-count read as a count": ("<=", 0.10), "same-figure links found": (">=", 0.80)}
DETERMINERS = re.compile(r"^(?:the|a|an)\s+")


def read_gold(paths: tuple[Path, ...] = GOLDS) -> pd.DataFrame:
    """The records of the gold files, one row each (the 31 fields of `benchmarks/gold/README.md`),
    the "holdout" half split into "holdout-dev" and "holdout-test" (`split_holdout`)."""
    gold = pd.DataFrame([json.loads(line) for path in paths
                         for line in path.read_text(encoding="utf-8").splitlines() if line.strip()])
    return split_holdout(gold)


def split_holdout(gold: pd.DataFrame, seed: int = HOLDOUT_SEED) -> pd.DataFrame:
    """Half "holdout" split by roundup: the sorted roundup ids shuffled with `random.Random(seed)`,
    the first half of them "holdout-dev", the rest "holdout-test"."""
    roundups = sorted(set(gold.loc[gold["half"] == "holdout", "roundup"]))
    random.Random(seed).shuffle(roundups)
    dev = set(roundups[:len(roundups) // 2])
    holdout = gold["half"] == "holdout"
    gold.loc[holdout, "half"] = ["holdout-dev" if r in dev else "holdout-test" for r in gold.loc[holdout, "roundup"]]
    return gold


def read_articles(folder: Path, roundups: set[str], test_events: dict[str, str] | None = None,
                  polnear_test: Path | None = None, t17_events: dict[str, str] | None = None,
                  abp_events: dict[str, dict[str, str]] | None = None,
                  allsides_articles: Path | None = None) -> list[pd.DataFrame]:
    """The articles of the gold roundups, one table per corpus: AllSides (`read_allsides(folder,
    spread_hours=0)`), when a BASIL event is asked for, BASIL (`read_basil` of the sibling `basil_dev/`,
    `event` "basil-<triplet id>"), when a PolNeAR article is asked for, PolNeAR (`read_polnear` of the sibling
    `polnear_dev/`, `event` "polnear-<article id>"), and with `test_events` (article id -> gold `roundup` of the
    holdout-8 records), the feed cuts of PolNeAR test in `polnear_test` (`polnear_feed_cuts`, `event` that roundup),
    and with `t17_events` (the same for the holdout-9 records), the feed cuts of Timeline17 of the sibling
    `timeline17_dev/` (`timeline17_feed_cuts`), and with `abp_events` (half -> the same for that half's records, for
    holdout-10 to holdout-13), the feed cuts of the AllSides bias corpus in `allsides_articles`
    (`allsides_articles_feed_cuts` of the half's window in `ABP_WINDOWS`)."""
    tables = [datasets.read_allsides(folder, spread_hours=0)]
    if any(r.startswith(BASIL_EVENT) for r in roundups):
        basil = datasets.read_basil(folder.parent / "basil_dev")
        tables.append(basil.assign(event=BASIL_EVENT + basil["event"]))
    if test_events:
        cuts = polnear_feed_cuts(polnear_test, "test")
        tables.append(cuts[["article_id", "outlet", "headline", "published", "text", "form", "excerpt"]]
                      .assign(event=cuts["article_id"].map(test_events)))
    if t17_events:
        cuts = timeline17_feed_cuts(folder.parent)
        tables.append(cuts[["article_id", "outlet", "published", "text", "form", "excerpt"]]
                      .assign(event=cuts["article_id"].map(t17_events)))
    for half, events in (abp_events or {}).items():
        cuts = allsides_articles_feed_cuts(allsides_articles, *ABP_WINDOWS[half])
        tables.append(cuts[["article_id", "outlet", "headline", "published", "text", "form", "excerpt"]]
                      .assign(event=cuts["article_id"].map(events)))
    if any(r.startswith(POLNEAR_EVENT) and r not in (test_events or {}).values() for r in roundups):
        polnear = datasets.read_polnear(folder.parent / "polnear_dev")
        tables.append(polnear[["article_id", "outlet", "headline", "published", "text"]]
                      .assign(event=POLNEAR_EVENT + polnear["article_id"]))
    tables = [t[t["event"].isin(roundups)].reset_index(drop=True) for t in tables]
    return [t for t in tables if len(t)]


def extract(folder: Path, roundups: set[str], roles: str = "body", test_events: dict[str, str] | None = None,
            polnear_test: Path | None = None, t17_events: dict[str, str] | None = None,
            abp_events: dict[str, dict[str, str]] | None = None,
            allsides_articles: Path | None = None) -> tuple[pd.DataFrame, ...]:
    """(articles, claims, ledger, conflicts) of the gold roundups and BASIL events (and, with `test_events`,
    `t17_events` and `abp_events`, the holdout-8 to holdout-13 feed cuts of `read_articles`); the chain
    runs once per corpus, ledger and conflicts per event."""
    runs = [_chain(articles, roles)
            for articles in read_articles(folder, roundups, test_events, polnear_test, t17_events, abp_events,
                                          allsides_articles)]
    return tuple(pd.concat(parts, ignore_index=True) for parts in zip(*runs))


def _chain(articles: pd.DataFrame, roles: str) -> tuple[pd.DataFrame, ...]:
    blocks = research.split_blocks(articles)
    if roles == "all":
        blocks = blocks.assign(role="body")
    passages = research.split_passages(blocks)
    if roles == "all":
        passages = passages.assign(role="body")
    cues = research.attributions(blocks, articles)
    claims = research.extract_claims(passages, cues, articles)
    event = articles.set_index("article_id")["event"]
    ledgers, conflicts = [], []
    for roundup, group in articles.groupby("event", sort=True):
        own = claims[claims["article_id"].isin(group["article_id"])]
        ledger = research.claim_ledger(own, group)
        ledger["claim_id"] = roundup + ":" + ledger["claim_id"].astype(str)
        ledgers.append(ledger)
        conflicts.append(research.claim_conflicts(own, group))
    ledger = pd.concat(ledgers, ignore_index=True)
    claims = claims.assign(event=claims["article_id"].map(event))
    return articles, claims, ledger, pd.concat(conflicts, ignore_index=True)


def claim_ids(ledger: pd.DataFrame) -> dict[tuple[str, int], str]:
    """(article_id, start) of each mention -> its ledger `claim_id`."""
    ids = {}
    for claim_id, mentions in zip(ledger["claim_id"], ledger["mentions"]):
        for mention in mentions.split("; "):
            article_id, span = mention.rsplit(":", 1)
            ids[(article_id, int(span.split("-")[0]))] = claim_id
    return ids


def match(gold: pd.DataFrame, claims: pd.DataFrame) -> list[int]:
    """For each gold record, the index in `claims` of the extracted figure overlapping it most (-1: none)."""
    by_article = {a: g for a, g in claims.groupby("article_id")}
    found = []
    for record in gold.itertuples():
        rows = by_article.get(record.article_id)
        best, overlap = -1, 0
        if rows is not None:
            for index, start, end in zip(rows.index, rows["start"], rows["end"]):
                shared = min(end, record.end) - max(start, record.start)
                if shared > overlap:
                    best, overlap = index, shared
        found.append(best)
    return found


def close(a, b) -> bool:
    return a is not None and b is not None and not pd.isna(a) and not pd.isna(b) \
        and abs(a - b) <= 1e-6 * max(abs(a), abs(b), 1e-9)


def value_right(gold, claim) -> bool:
    if gold.qualifier == "vague":
        return claim.qualifier == "vague" and gold.value <= claim.low < 10 * gold.value
    if gold.qualifier == "range":
        return close(claim.low, gold.low) and close(claim.high, gold.high)
    return close(claim.value, gold.value)


def _word(word: str, text: str) -> bool:
    return bool(re.search(r"(?<![\w-])" + re.escape(word) + r"(?:s|es|['’]s)?(?![\w-])", text))


def subject_right(gold, claim) -> bool:
    subject = str(claim.subject).lower()
    return all(_word(w, subject) or any(_word(a.lower(), subject) for a in gold.subject_any)
               for w in gold.subject_must)


def subject_right_stems(gold, claim) -> bool:
    """The subject check on word stems (`research.text.tokens.stem`), a gold word also matching as the
    start of one of ours: a variant that forgives "case average" for "cases", "approving" for "approve"
    and the gold's stem "vaccinat" (no whole word can match it); printed beside the strict check."""
    ours = [stem(w) for w in re.findall(r"[\w’'-]+", str(claim.subject).lower())]

    def has(word):
        return any(stem(w) == s or s.startswith(stem(w)) for w in word.lower().split() for s in ours)
    return all(has(w) or any(has(a) for a in gold.subject_any) for w in gold.subject_must)


def _plain(text: str) -> str:
    text = re.sub(r"['’]s\b", "", str(text).lower())
    text = re.sub(r"[^\w\s-]", " ", text)
    return DETERMINERS.sub("", " ".join(text.split()))


def claimant_right(gold, claim) -> bool:
    if gold.claimant == "reporter":
        return claim.claimant == ""
    ours = _plain(claim.claimant)
    if not ours:
        return False
    for name in [gold.claimant, *gold.claimant_aliases]:
        name = _plain(name)
        if ours == name or f" {name} " in f" {ours} ":
            return True
        if f" {ours} " in f" {name} " and 2 * len(ours.split()) >= len(name.split()):
            return True
    return False


def asof_right(gold, claim) -> bool:
    if not claim.asof_start or not claim.asof_end:
        return False
    days = [abs((date.fromisoformat(a) - date.fromisoformat(b)).days)
            for a, b in ((claim.asof_start, gold.asof_start), (claim.asof_end, gold.asof_end))]
    return max(days) <= 1


def link_scores(gold: pd.DataFrame, claims: pd.DataFrame, ids: dict,
                errors: bool = False) -> tuple[int, int, int, int]:
    """(gold pairs linked, gold pairs, our pairs right, our pairs) for one half's gold; `errors` lists the
    gold pairs not linked on stderr."""
    figures = gold[gold["is_figure"]]
    claim_of = {}
    for record in figures.itertuples():
        if record.match >= 0:
            row = claims.loc[record.match]
            claim_of[record.Index] = ids.get((row.article_id, row.start))
    linked = total = 0
    for _, group in figures[figures["link"].notna()].groupby("link"):
        for a, b in itertools.combinations(group.itertuples(), 2):
            if a.article_id == b.article_id:
                continue
            total += 1
            ok = claim_of.get(a.Index) is not None and claim_of.get(a.Index) == claim_of.get(b.Index)
            linked += ok
            if errors and not ok:
                print(f"[link] {a.article_id} {a.surface!r} ({claim_of.get(a.Index)}) ~ {b.article_id} "
                      f"{b.surface!r} ({claim_of.get(b.Index)})", file=sys.stderr)
    # our links: extracted figures matched to a gold record, by claim id
    link_of = {}
    for record in gold.itertuples():
        if record.match >= 0:
            row = claims.loc[record.match]
            link_of.setdefault((row.article_id, row.start), record.link if record.is_figure else None)
    members: dict[str, list] = {}
    for (article_id, start), link in link_of.items():
        claim_id = ids.get((article_id, start))
        if claim_id is not None:
            members.setdefault(claim_id, []).append((article_id, link))
    right = ours = 0
    for group in members.values():
        for (article_a, link_a), (article_b, link_b) in itertools.combinations(group, 2):
            if article_a != article_b:
                ours += 1
                right += link_a is not None and link_a == link_b
    return linked, total, right, ours


def conflict_scores(gold: pd.DataFrame, claims: pd.DataFrame, conflicts: pd.DataFrame) -> dict:
    figures = gold[gold["is_figure"] & (gold["match"] >= 0)]
    link_at = {}
    for record in figures.itertuples():
        row = claims.loc[record.match]
        link_at[(row.article_id, row.start)] = record.link
    pairs = {}
    for record in gold[gold["differs_from"].notna()].itertuples():
        pairs[frozenset((record.link, record.differs_from))] = record.difference
    found, labelled, judged, right = set(), set(), 0, 0
    for row in conflicts.itertuples():
        a, b = link_at.get((row.article_id_a, row.start_a)), link_at.get((row.article_id_b, row.start_b))
        if a is None or b is None:
            continue
        judged += 1
        pair = frozenset((a, b))
        if pair in pairs:
            right += 1
            found.add(pair)
            if row.conflict == pairs[pair]:
                labelled.add(pair)
    return {"gold pairs": len(pairs), "paired": len(found), "same label": len(labelled),
            "conflict rows on gold figures": judged, "in a gold pair": right}


def evaluate(gold: pd.DataFrame, claims: pd.DataFrame, ledger: pd.DataFrame, conflicts: pd.DataFrame,
             half: str, errors: bool = False) -> dict:
    gold = gold[gold["half"] == half].copy()
    gold["is_figure"] = ~gold["kind"].str.startswith("not_figure")
    gold["match"] = match(gold, claims)
    figures = gold[gold["is_figure"]]
    found = figures[figures["match"] >= 0]
    checks = {"value right": value_right, "subject right": subject_right,
              "subject right (word stems)": subject_right_stems, "claimant right": claimant_right,
              "as-of right": asof_right}
    result = {"found": (len(found), len(figures))}
    for name, check in checks.items():
        rows = found
        if name.startswith("subject right"):
            rows = found[found["subject_must"].map(bool)]
        if name == "as-of right":
            rows = found[found["asof_start"].notna()]
        right = [check(g, claims.loc[g.match]) for g in rows.itertuples()]
        result[name] = (sum(right), len(rows))
        if errors and name != "subject right (word stems)":
            for g, ok in zip(rows.itertuples(), right):
                if not ok:
                    c = claims.loc[g.match]
                    print(f"[{name}] {g.article_id} {g.surface!r}: gold {_gold_field(name, g)} | "
                          f"ours {_our_field(name, c)}", file=sys.stderr)
    nonfigures = gold[~gold["is_figure"]]
    result["not-a-count read as a count"] = (int((nonfigures["match"] >= 0).sum()), len(nonfigures))
    if errors:
        for g in figures[figures["match"] < 0].itertuples():
            print(f"[missed] {g.article_id} {g.surface!r} ({g.kind})", file=sys.stderr)
        for g in nonfigures[nonfigures["match"] >= 0].itertuples():
            print(f"[not a count] {g.article_id} {g.surface!r} ({g.kind})", file=sys.stderr)
    linked, total, right, ours = link_scores(gold, claims, claim_ids(ledger), errors)
    result["same-figure links found"] = (linked, total)
    result["link precision"] = (right, ours)
    result["conflicts"] = conflict_scores(gold, claims, conflicts)
    return result


def _gold_field(name, g):
    return {"value right": lambda: (g.value, g.qualifier, g.low, g.high),
            "subject right": lambda: (g.subject, g.subject_must, g.subject_any),
            "claimant right": lambda: (g.claimant, g.claimant_aliases),
            "as-of right": lambda: (g.asof_start, g.asof_end, g.asof_text)}[name]()


def _our_field(name, c):
    return {"value right": lambda: (c.value, c.qualifier, c.low, c.high),
            "subject right": lambda: c.subject,
            "claimant right": lambda: c.claimant,
            "as-of right": lambda: (c.asof_start, c.asof_end, c.asof_text)}[name]()


def table(results: dict) -> pd.DataFrame:
    halves = list(results)
    rows = []
    for name in [*TARGETS, "subject right (word stems)", "link precision"]:
        row = {"measure": name}
        for half in halves:
            hit, of = results[half][name]
            row[half] = f"{hit}/{of} = {hit / of:.3f}" if of else "0/0"
        op, target = TARGETS.get(name, ("", None))
        row["target"] = f"{op} {target:.2f}" if target is not None else ""
        met = []
        for half in halves:
            hit, of = results[half][name]
            if target is not None:
                met.append("-" if not of else "yes" if (hit / of >= target if op == ">=" else hit / of <= target)
                           else "no")
        row[f"met ({', '.join(halves)})"] = ", ".join(met)
        rows.append(row)
    return pd.DataFrame(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, help="folder holding allsides_dev/ (and basil_dev/, polnear_dev/)")
    parser.add_argument("--roles", choices=["body", "all"], default="body",
                        help="read body passages only (as the pipeline does) or passages of every role")
    parser.add_argument("--gold", type=Path, action="append",
                        help="a gold file to score (repeatable; default: the golds in benchmarks/gold)")
    parser.add_argument("--halves", help="comma-separated halves to score (default: all the gold holds)")
    parser.add_argument("--polnear-test", type=Path,
                        help="PolNeAR folder holding the test split: scores the half holdout-8 on its feed cuts")
    parser.add_argument("--allsides-articles", type=Path,
                        help="the AllSides bias corpus (Baly et al. 2020, data/jsons/*.json): scores the half "
                             "holdout-10, holdout-11 and holdout-12 and the blind half holdout-13 on their feed cuts")
    parser.add_argument("--errors", choices=[h for h in HALVES if h not in BLIND], action="append",
                        help="list the misses of a half on stderr (repeatable; never of a blind half)")
    args = parser.parse_args(argv)
    folder = args.data / "allsides_dev" if (args.data / "allsides_dev").is_dir() else args.data
    if not (folder / "roundups.jsonl").is_file():
        print(f"{folder}: no roundups.jsonl", file=sys.stderr)
        return 2
    gold = read_gold(tuple(args.gold) if args.gold else GOLDS)
    halves = [half for half in HALVES if half in set(gold["half"])]
    if args.halves:
        halves = [half for half in halves if half in args.halves.split(",")]
    if TEST_HALF in halves and args.polnear_test is None:
        halves.remove(TEST_HALF)
        print(f"{TEST_HALF}: skipped (its texts are PolNeAR test's feed cuts: give --polnear-test FOLDER)")
    for half in ABP_WINDOWS:
        if half in halves and args.allsides_articles is None:
            halves.remove(half)
            print(f"{half}: skipped (its texts are feed cuts of the AllSides bias corpus: give --allsides-articles "
                  "FOLDER)")
    if not halves:
        print("no half left to score")
        return 0
    gold = gold[gold["half"].isin(halves)]
    test = gold[gold["half"] == TEST_HALF]
    test_events = dict(zip(test["article_id"], test["roundup"]))
    t17 = gold[gold["half"] == T17_HALF]
    t17_events = dict(zip(t17["article_id"], t17["roundup"]))
    abp_events = {half: dict(zip(abp["article_id"], abp["roundup"]))
                  for half, abp in gold[gold["half"].isin(ABP_WINDOWS)].groupby("half")}
    _, claims, ledger, conflicts = extract(folder, set(gold["roundup"]), args.roles, test_events, args.polnear_test,
                                           t17_events, abp_events, args.allsides_articles)
    results = {half: evaluate(gold, claims, ledger, conflicts, half, errors=half in (args.errors or [])) for half in halves}
    print(f"passages read: {args.roles}; gold roundups: {gold['roundup'].nunique()}; "
          f"extracted figures: {len(claims)}; ledger claims: {len(ledger)}")
    print(table(results).to_string(index=False))
    print("\nconflicts against the gold's differs_from pairs:")
    print(pd.DataFrame({half: results[half]["conflicts"] for half in halves}).to_string())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
