"""Figures, subjects, claimants, periods, links and conflicts on real feed excerpts (AllSides dev roundups).

The roundups used are in the figures gold (`benchmarks/gold/allsides_figures.jsonl`); the tests read
the texts from the development data and skip without it.
"""

import importlib.util
import math
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import research
from research.claims.quantities import find_quantities
from research.corpus import datasets


@pytest.fixture(scope="module")
def roundups(data_dir):
    articles = datasets.read_allsides(data_dir / "allsides_dev", spread_hours=0)
    return articles[articles["event"].isin(["5802", "5884", "6068", "5892"])].reset_index(drop=True)


@pytest.fixture(scope="module")
def claims(roundups):
    blocks = research.split_blocks(roundups).assign(role="body")  # every paragraph of the excerpts
    passages = research.split_passages(blocks).assign(role="body")
    return research.extract_claims(passages, research.attributions(blocks, roundups), roundups)


def stated(claims, roundups, article_id, figure):
    text = roundups.set_index("article_id").loc[article_id, "text"]
    rows = [row for row in claims[claims["article_id"] == article_id].itertuples() if text[row.start:row.end] == figure]
    assert rows, (article_id, figure)
    return rows[0]


def test_jobs_report_figures(claims, roundups):
    jobs = stated(claims, roundups, "5802-left", "943,000")
    assert (jobs.value, jobs.kind, jobs.subject) == (943000.0, "change", "jobs")
    assert (jobs.asof_start, jobs.asof_end) == ("2021-07-01", "2021-07-31")  # "in July"
    assert "Bureau of Labor Statistics" in jobs.claimant
    rate = stated(claims, roundups, "5802-left", "5.4%")
    assert rate.kind == "percent" and "unemployment rate" in rate.subject
    forecast = stated(claims, roundups, "5802-center", "845,000")
    assert forecast.forecast and "Dow Jones" in forecast.claimant
    assert forecast.asof_end == "2021-07-31"  # the month it forecasts, not publication day


def test_claims_figures_from_by_and_to(claims, roundups):
    """"rose by 2,000 last week to a seasonally adjusted 373,000": a change and a level of one subject."""
    change = stated(claims, roundups, "5884-center", "2,000")
    level = stated(claims, roundups, "5884-center", "373,000")
    assert change.kind == "change" and level.kind == "count"
    assert "claims" in change.subject.lower() and "claims" in level.subject.lower()
    assert "Labor Department" in level.claimant
    week = stated(claims, roundups, "6068-left", "498,000")
    assert (week.asof_start, week.asof_end) == ("2021-04-25", "2021-05-01")  # "in the week ended May 1"


def test_durations_and_reference_points_are_not_figures(claims, roundups):
    texts = roundups.set_index("article_id")["text"]
    shown = {texts[a][s:e] for a, s, e in zip(claims["article_id"], claims["start"], claims["end"])}
    assert not {"four-week", "2020", "March 2020"} & shown
    average = stated(claims, roundups, "5884-center", "394,500")
    assert "average" in average.subject and average.asof_text != "since March 2020"


def test_ledger_links_one_figure_across_outlets(claims, roundups):
    ledger = research.claim_ledger(claims[claims["article_id"].str.startswith("5802")],
                                   roundups[roundups["event"] == "5802"])
    jobs = ledger[ledger["figure"] == "943,000"]
    assert len(jobs) == 1 and jobs.iloc[0]["n_outlets"] == 3
    assert ledger["claim_id"].is_unique


def test_conflicts_label_definitions(claims, roundups):
    """Two consensus forecasts, Dow Jones's 845,000 and Refinitiv's 870,000: one definition apart."""
    own = claims[claims["article_id"].str.startswith("5802")]
    conflicts = research.claim_conflicts(own, roundups[roundups["event"] == "5802"])
    pair = conflicts[conflicts["figure_a"].isin(["845,000", "870,000"]) & conflicts["figure_b"].isin(
        ["845,000", "870,000"])]
    assert len(pair) == 1 and pair.iloc[0]["conflict"] == "definition"
    assert not conflicts.duplicated(["claim_a", "claim_b"]).any()


def test_conflicts_on_a_bill_of_two_sizes_and_one_average(data_dir):
    """Roundup 5824: "nearly $1 trillion" (AP) and "$1.2 trillion" (Washington Times) size the infrastructure
    bill two ways (new spending, the whole package): a definition, not a disagreement. Roundup 5868: the
    seven-day average of new cases, "about 23,600" (AP) against 19,455 (New York Post), both from Johns
    Hopkins for the same days: a disagreement."""
    articles = datasets.read_allsides(data_dir / "allsides_dev", spread_hours=0)
    rows = {}
    for event in ("5824", "5868"):
        roundup = articles[articles["event"] == event]
        blocks = research.split_blocks(roundup)
        claims = research.extract_claims(research.split_passages(blocks), research.attributions(blocks, roundup),
                                         roundup)
        conflicts = research.claim_conflicts(claims, roundup)
        for row in conflicts.itertuples():
            rows[frozenset((row.figure_a, row.figure_b))] = row.conflict
    assert rows[frozenset(("~$1 trillion", "$1.2 trillion"))] == "definition"
    assert rows[frozenset(("~23,600", "19,455"))] == "disagreement"


def test_weekend_toll_period(claims, roundups):
    """"From Friday through Sunday" is one period of three days."""
    rows = claims[claims["article_id"] == "5892-left"]
    joined = rows[rows["asof_text"].str.contains(r"\bthrough\b", case=False)]
    assert len(joined) and (joined["asof_start"] == "2021-07-02").all() and (joined["asof_end"] == "2021-07-04").all()


@pytest.mark.parametrize(("sentence", "figure", "value", "kind"), [
    ("The Senate voted 50-49 to pass the budget resolution.", "50-49", 50.0, "vote"),
    ("Almost half of adults say crime is a serious problem.", "Almost half", 50.0, "percent"),
    ("The House passed it with two-thirds of members in favour.", "two-thirds", 66.67, "percent"),
    ("Unvaccinated people were more than twice as likely to be reinfected.", "more than twice", 2.0, "rate"),
    ("The economy added 102K jobs, nearly a million fewer than hoped.", "102K", 102000.0, "change"),
    ("Lawmakers weighed a $1.2 trillion bill and two dozen amendments.", "$1.2 trillion", 1.2e12, "money"),
])
def test_number_words_and_kinds(sentence, figure, value, kind):
    found = {sentence[q.start:q.end]: q for q in find_quantities(sentence, "2021-08-06")}
    assert figure in found, found
    assert math.isclose(found[figure].value, value, rel_tol=1e-3) and found[figure].kind == kind


@pytest.mark.parametrize("sentence", [
    "The four-week average fell to its lowest since the pandemic began.",
    "Prices hit a 21-year high over a 30-day period.",
    "Claims fell for the second straight week, in a 72-hour window.",
])
def test_durations_and_ordinals(sentence):
    assert find_quantities(sentence, "2021-08-06") == []


def test_columns(claims):
    assert list(claims.columns) == research.claims.ledger.CLAIM_COLUMNS
    assert claims["forecast"].dtype == bool and pd.api.types.is_float_dtype(claims["against"])


@pytest.mark.parametrize("gold", ["allsides_figures.jsonl", "allsides_figures_holdout.jsonl",
                                  "allsides_figures_holdout3.jsonl", "allsides_figures_holdout4.jsonl",
                                  "allsides_figures_holdout5.jsonl", "basil_figures_dev.jsonl",
                                  "polnear_figures_holdout6.jsonl", "polnear_figures_dev1.jsonl",
                                  "polnear_figures_dev2.jsonl", "polnear_figures_holdout7.jsonl"])
def test_every_figures_gold_matches_its_texts(data_dir, gold):
    """Each gold's offsets, values and links hold on its texts (AllSides, BASIL for holdout-5-full and
    full-dev, PolNeAR for holdout-6-full), and no held-out roundup is in an earlier gold (`benchmarks/gold/check_gold.py`)."""
    folder = Path(__file__).resolve().parents[1] / "benchmarks" / "gold"
    done = subprocess.run([sys.executable, str(folder / "check_gold.py"), str(data_dir), str(folder / gold)],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0 and "OK: all checks passed" in done.stdout, done.stdout[-2000:] + done.stderr[-2000:]


def _check_gold(*args):
    folder = Path(__file__).resolve().parents[1] / "benchmarks" / "gold"
    return subprocess.run([sys.executable, str(folder / "check_gold.py"), *map(str, args)],
                          capture_output=True, text=True, check=False)


def test_holdout8_is_skipped_without_the_test_split(data_dir):
    """holdout-8's texts are feed cuts of PolNeAR test (a folder kept outside the project): without
    `--polnear-test` the checker skips its records, says so and fails nothing."""
    gold = Path(__file__).resolve().parents[1] / "benchmarks" / "gold" / "polnear_figures_holdout8.jsonl"
    done = _check_gold(data_dir, gold)
    assert done.returncode == 0 and "holdout-8: 132 records skipped" in done.stdout, done.stdout + done.stderr


def test_holdout8_matches_its_feed_cuts(data_dir):
    """With the test split ($RESEARCH_POLNEAR_TEST) every holdout-8 record matches its cut text, and every number
    of the 84 cuts is inside a record."""
    test = os.environ.get("RESEARCH_POLNEAR_TEST")
    if not test or not Path(test).is_dir():
        pytest.skip("PolNeAR test folder not given ($RESEARCH_POLNEAR_TEST)")
    gold = Path(__file__).resolve().parents[1] / "benchmarks" / "gold" / "polnear_figures_holdout8.jsonl"
    done = _check_gold(data_dir, gold, "--polnear-test", test)
    assert done.returncode == 0 and "OK: all checks passed" in done.stdout, done.stdout[-2000:] + done.stderr[-2000:]


def test_holdout9_matches_its_feed_cuts(data_dir):
    """Every holdout-9 record matches its Timeline17 feed cut (`element_pools.timeline17_feed_cuts`), every number of
    the drawn cuts is inside a record, and the counts of HOLDOUT9.md hold."""
    if not (data_dir / "timeline17_dev").is_dir():
        pytest.skip("timeline17_dev not found beside allsides_dev")
    gold = Path(__file__).resolve().parents[1] / "benchmarks" / "gold" / "timeline17_figures_holdout9.jsonl"
    done = _check_gold(data_dir, gold)
    assert done.returncode == 0 and "OK: all checks passed" in done.stdout, done.stdout[-2000:] + done.stderr[-2000:]
    assert "half=holdout-9: roundups 119  figures 150  non-figures 352" in done.stdout, done.stdout


# The figures golds on feed cuts of the AllSides bias corpus (a folder kept outside the project), each of its own window
# (HOLDOUT10.md to HOLDOUT13.md): gold file, its records, and the checker's counts with the corpus.
ABP_GOLDS = {"holdout-10": ("allsides_articles_figures_holdout10.jsonl", 390, "roundups 113  figures 150  non-figures 240"),
             "holdout-11": ("allsides_articles_figures_holdout11.jsonl", 323, "roundups 73  figures 152  non-figures 171"),
             "holdout-12": ("allsides_articles_figures_holdout12.jsonl", 391, "roundups 111  figures 130  non-figures 261"),
             "holdout-13": ("allsides_articles_figures_holdout13.jsonl", 374, "roundups 114  figures 128  non-figures 246")}


@pytest.mark.parametrize("half", sorted(ABP_GOLDS))
def test_an_allsides_articles_gold_is_skipped_without_the_corpus(data_dir, half):
    """Without `--allsides-articles` the checker skips the gold's records, says so and fails nothing."""
    name, records, _ = ABP_GOLDS[half]
    done = _check_gold(data_dir, Path(__file__).resolve().parents[1] / "benchmarks" / "gold" / name)
    assert done.returncode == 0 and f"{half}: {records} records skipped" in done.stdout, done.stdout + done.stderr


@pytest.mark.parametrize("half", sorted(ABP_GOLDS))
def test_an_allsides_articles_gold_matches_its_feed_cuts(data_dir, allsides_articles, half):
    """With the corpus ($RESEARCH_ALLSIDES_ARTICLES) every record matches its cut text of the gold's window
    (`element_pools.allsides_articles_feed_cuts`), every number of the cuts with records is inside a record, and the
    counts of its HOLDOUT*.md hold."""
    name, _, counts = ABP_GOLDS[half]
    done = _check_gold(data_dir, Path(__file__).resolve().parents[1] / "benchmarks" / "gold" / name,
                       "--allsides-articles", allsides_articles)
    assert done.returncode == 0 and "OK: all checks passed" in done.stdout, done.stdout[-2000:] + done.stderr[-2000:]
    assert f"half={half}: {counts}" in done.stdout, done.stdout


@pytest.mark.parametrize(("blind", "half"), [("holdout-5", "holdout-11"), ("holdout-7-full", "holdout-12"),
                                                   ("holdout-13", "holdout-13")])
def test_evaluate_figures_keeps_blind_halves_and_skips_allsides_articles_without_the_corpus(data_dir, blind, half):
    """`evaluate_figures.py` refuses to list the misses of a blind half (holdout-5, holdout-7-full, holdout-13;
    holdout-11 and holdout-12, opened in the twenty-third and twenty-fourth rounds, no longer are), and without
    `--allsides-articles` skips an AllSides-corpus half with a message (and, nothing left, stops without scoring)."""
    script = Path(__file__).resolve().parents[1] / "benchmarks" / "evaluate_figures.py"
    refused = subprocess.run([sys.executable, str(script), str(data_dir), "--errors", blind],
                             capture_output=True, text=True, check=False)
    assert refused.returncode == 2 and f"invalid choice: '{blind}'" in refused.stderr, refused.stderr
    skipped = subprocess.run([sys.executable, str(script), str(data_dir), "--halves", half],
                             capture_output=True, text=True, check=False)
    assert skipped.returncode == 0, skipped.stdout + skipped.stderr
    message = f"{half}: skipped (its texts are feed cuts of the AllSides bias corpus: give --allsides-articles FOLDER)"
    assert skipped.stdout.splitlines() == [message, "no half left to score"], skipped.stdout


def test_check_gold_reads_a_few_million():
    """The checker's value parser reads "a few million" as the vague million (holdout-8), as "millions"."""
    path = Path(__file__).resolve().parents[1] / "benchmarks" / "gold" / "check_gold.py"
    spec = importlib.util.spec_from_file_location("check_gold", path)
    check_gold = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(check_gold)
    assert check_gold.numbers("a few million dollars") == [1e6] == check_gold.numbers("millions")
    assert check_gold.numbers("a few thousand") == [1e3] and check_gold.numbers("a few") == []
    # holdout-9: "up to a third", "about one in 20" and Reuters' "5.4 mln"
    assert check_gold.numbers("up to a third") == [pytest.approx(1 / 3)]
    assert check_gold.numbers("about one in 20") == [0.05] and check_gold.numbers("5.4 mln") == [5.4e6]
    # holdout-10: "Three hundred" and "a hundred and sixty" (miles)
    assert check_gold.numbers("Three hundred") == [300.0] and check_gold.numbers("a hundred and sixty") == [160.0]
    assert check_gold.numbers("one hundred and twenty-five") == [125.0]
    # holdout-11: "over a quarter-billion" (dollars) and a decade band spelled out, "in her sixties"
    assert check_gold.numbers("over a quarter-billion") == [2.5e8] and check_gold.numbers("a half-million") == [5e5]
    assert check_gold.numbers("sixties") == [60.0] and check_gold.numbers("in their twenties") == [20.0]
    # holdout-12: "billion-dollar" (a brand's value) is one billion, as "trillion-dollar" is one trillion
    assert check_gold.numbers("billion-dollar") == [1e9] and check_gold.numbers("trillion-dollar") == [1e12]
