"""Quantitative claims: figures, subjects, claimants, as-of periods, ledger and conflicts."""

import math

import pandas as pd
import pytest
from conftest import cues_of

import research
from research.claims.conflicts import places
from research.claims.keys import subject_key
from research.claims.ledger import CLAIM_COLUMNS, TIMELINE_COLUMNS, timeline_table
from research.claims.quantities import find_quantities
from research.corpus import datasets
from research.errors import AnalysisError
from research.report.render import conflicts_html

AP, CNBC, NEWSLOOKS, NYT, WT = ("000_a8a464420afca919", "001_82a9f5469afd3e09", "002_1f373224d5a43559",
                                "003_3f227e4f0a2d6f9d", "004_6b509e299142eab2")


def quantities(text: str):
    return [(text[q.start:q.end], q.value, q.low, q.high, q.qualifier, q.kind, q.unit, q.subject)
            for q in find_quantities(text, "2024-10-23")]


def same(a, b) -> bool:
    return a == b or (isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b))


NAN = math.nan


@pytest.mark.parametrize(("text", "expected"), [
    ("3,000 North Korean troops are now in Russia",
     ("3,000", 3000.0, 3000.0, 3000.0, "exact", "count", "", "North Korean troops")),
    ("North Korea has 1.2 million troops", ("1.2 million", 1.2e6, 1.2e6, 1.2e6, "exact", "count", "", "troops")),
    ("more than 13,000 containers of artillery, missiles and other arms",
     ("more than 13,000", 13000.0, 13000.0, NAN, "more than", "count", "", "containers of artillery")),
    ("up to 12,000 North Korean troops could be deployed",
     ("up to 12,000", 12000.0, NAN, 12000.0, "up to", "count", "", "North Korean troops")),
    ("about 2,500 North Korean troops have been dispatched",
     ("about 2,500", 2500.0, 2250.0, 2750.0, "approximately", "count", "", "North Korean troops dispatched")),
    ("with a few thousand troops unlikely to make a difference",
     ("a few thousand", NAN, 2000.0, 5000.0, "vague", "count", "", "troops")),
    ("thousands of North Korean troops are on the ground",
     ("thousands of", NAN, 2000.0, 9999.0, "vague", "count", "", "North Korean troops")),
    ("two units of North Korean troops were being trained",
     ("two", 2.0, 2.0, 2.0, "exact", "count", "", "units of North Korean troops")),
    ("between 5,000 and 6,000 soldiers", ("between 5,000 and 6,000", 5500.0, 5000.0, 6000.0, "range", "count", "",
                                          "soldiers")),
    ("1.5 to 2 million people", ("1.5 to 2 million", 1.75e6, 1.5e6, 2e6, "range", "count", "", "people")),
    ("another 1,500 North Korean troops have entered Russia",
     ("another 1,500", 1500.0, 1500.0, 1500.0, "another", "count", "", "North Korean troops")),
    ("announced $400 million in new military aid",
     ("$400 million", 4e8, 4e8, 4e8, "exact", "money", "USD", "new military aid")),
    ("74 percent of likely voters said so", ("74 percent", 74.0, 74.0, 74.0, "exact", "percent", "%",
                                              "likely voters")),
    ("the more than 600-mile-long front", ("more than 600-mile-long", 600.0, 600.0, NAN, "more than", "measure",
                                           "mile", "front")),
    ("a 22-month-old Mexican boy died", ("22-month-old", 22.0, 22.0, 22.0, "exact", "age", "months",
                                         "age of Mexican boy")),
    ("the 3,000 North Korean soldiers sent to Russia", ("3,000", 3000.0, 3000.0, 3000.0, "exact", "count", "",
                                                        "North Korean soldiers sent to Russia")),
    ("the shots for 5- to 11-year-olds", ("5- to 11-year-olds", 8.0, 5.0, 11.0, "range", "age", "years", "age")),
    ("a rate of 11.2 deaths per 100,000 people", ("11.2", 11.2, 11.2, 11.2, "exact", "rate", "per 100,000",
                                                  "rate of deaths")),
    ("the bill needs a two-thirds majority", ("two-thirds", 66.67, 66.67, 66.67, "exact", "percent", "%",
                                               "majority")),
    ("police were among hundreds arrested", ("hundreds", NAN, 200.0, 999.0, "vague", "count", "", "arrested")),
])
def test_figures(text, expected):
    found = quantities(text)
    assert len(found) == 1, found
    assert all(same(a, b) for a, b in zip(found[0], expected)), found[0]


@pytest.mark.parametrize("text", [
    "It has not fought since the 1950-53 Korean War.",
    "The invasion began in February 2022.",
    "The deal was signed on October 4, 2024, and again on June 19.",
    "The H1N1 virus, COVID-19, an F-16 and 9/11 at 6:55 a.m.",
    "The pandemic alert was raised to Phase 6.",
    "It is one of the largest standing armies and the two countries know it.",
    "Ties grew in the past two years, for two weeks.",
    "A 2-1 win in the 2016 final.",
    "After a year and a half of talks, the leaders met twice a day at the Group of Seven summit.",
    "A double bombing hit the port.",
    "2019 marks the third year of the drought.",
])
def test_not_figures(text):
    assert quantities(text) == []


@pytest.mark.parametrize(("text", "figure", "subject"), [
    ("Of the 40 people who died, 12 of them were soldiers and at least five were children.", "40",
     "people who died"),
    ("Of the 40 people who died, 12 of them were soldiers and at least five were children.", "12", "soldiers"),
    ("Of the 40 people who died, 12 of them were soldiers and at least five were children.", "at least five",
     "children"),
    ("It includes $20 billion set to be allocated toward ports and $5 billion toward broadband.", "$20 billion",
     "ports"),
    ("It includes $20 billion set to be allocated toward ports and $5 billion toward broadband.", "$5 billion",
     "broadband"),
    ("The deal holds $900 million in new spending.", "$900 million", "new spending"),
    ("Officials reported a 12 percent decline in new weekly cases.", "12 percent", "decline in new weekly cases"),
    ("Temperatures have climbed to 104 Fahrenheit.", "104 Fahrenheit", "Temperatures"),
    ("It beat the 900,000 economists had expected.", "900,000", ""),
    ("About 82% of Americans 65 and older have had a shot.", "About 82%", "Americans 65 and older"),
    ("The doses go to 30 low- and middle-income countries.", "30", "low- and middle-income countries"),
    ("The average price for a gallon of milk of $4.10 is a record.", "$4.10", "average price for a gallon of milk"),
    ("The 10-week average—a smoother gauge—rose to 5,100.", "5,100", "10-week average"),
    ("The prior month was revised up to 41,000.", "41,000", ""),
    ("The number of people seeking aid fell last month, dipping below 200,000.", "200,000",
     "number of people seeking aid"),
    ("The agency expects 4 million Americans to fly this weekend.", "4 million", "Americans to fly"),
    ("The state will spend $2 billion to repair bridges.", "$2 billion", "spend to repair bridges"),
])
def test_subjects(text, figure, subject):
    found = {text[q.start:q.end]: q.subject for q in find_quantities(text, "2024-10-23")}
    assert found.get(figure) == subject, found


RELEASE = ("Factory orders slip\n\n"
           "Factory orders fell 2.1% in March, the Commerce Department reported Tuesday.\n\n"
           "Orders for durable goods dropped to 255,000 units.\n\n"
           "Economists polled by Reuters had expected a 1.5% decline.\n\n"
           "Shipments climbed 0.8%, against the expected 0.3%.\n\n"
           "Mary Smith, an economist at Acme Bank, said 40 plants had closed.\n\n"
           "About 30 plants are idle.\n\n"
           "Output is down 4% from a year ago, according to a new industry report.\n\n"
           "About 500 workers were laid off, officials said.\n\n"
           "Ford will cut 1,200 jobs, it said on Monday.\n")


def test_claimants_of_a_release_and_its_later_paragraphs():
    """A release goes on into later paragraphs that narrate its data in the past, not into present-tense
    ones; a forecast without a forecaster goes on with the last one named; a document never given an
    author is the claimant itself; "officials said" names officials; "it said" its sentence's subject."""
    articles = pd.DataFrame({"article_id": ["x"], "outlet": ["Test"], "published": ["2024-04-24"],
                             "text": [RELEASE]})
    claims = research.extract_claims(research.split_passages(research.split_blocks(articles)), cues_of(articles),
                                     articles).set_index("value")
    assert claims.loc[[2.1, 255000.0, 0.8], "claimant"].tolist() == ["the Commerce Department"] * 3
    assert claims.loc[255000.0, "asof_text"] == "in March"  # past narration goes on with the month too
    assert claims.loc[0.3, "forecast"] and claims.loc[0.3, "claimant"] == claims.loc[1.5, "claimant"] != ""
    assert claims.loc[40.0, "claimant"].startswith("Mary Smith")
    assert claims.loc[30.0, ["claimant", "asof_text"]].tolist() == ["", ""]  # present tense: own voice, today
    assert claims.loc[4.0, ["claimant", "asof_end"]].tolist() == ["a new industry report", "2024-04-24"]
    assert claims.loc[500.0, "claimant"] == "officials" and claims.loc[1200.0, "claimant"] == "Ford"


def test_a_change_and_a_level_after_a_verb_of_change_are_two_figures():
    assert [f[:2] for f in quantities("Weekly claims fell 12,000 to 401,000 last week")] == [
        ("12,000", 12000.0), ("401,000", 401000.0)]
    assert [f[5] for f in quantities("Weekly claims fell 12,000 to 401,000 last week")] == ["change", "count"]


def test_subject_keys():
    assert subject_key("North Korean special warfare troops") == "north korea troops"
    assert subject_key("North Korea soldiers") == subject_key("special forces soldiers", "North Korea sent")
    assert subject_key("North Koreans") == "north korea people"
    assert subject_key("people", "The virus has killed ") == "deaths"
    assert subject_key("people", "", "had died from the flu") == "deaths"
    assert subject_key("containers of artillery") == "containers"


@pytest.fixture(scope="module")
def seed_claims(seed_articles, seed_passages):
    return research.extract_claims(seed_passages, cues_of(seed_articles), seed_articles)


def claim(claims, article_id, figure):
    texts = research.load_articles().set_index("article_id")["text"]
    shown = pd.Series([texts[a][s:e] for a, s, e in zip(claims["article_id"], claims["start"], claims["end"])],
                      index=claims.index)
    rows = claims[(claims["article_id"] == article_id) & (shown == figure)]
    assert len(rows) >= 1, (article_id, figure)
    return rows.iloc[0]


def test_seed_claims_columns_and_offsets(seed_claims, seed_articles, seed_passages):
    assert list(seed_claims.columns) == CLAIM_COLUMNS
    texts = seed_articles.set_index("article_id")["text"]
    passages = seed_passages.set_index("passage_id")
    for row in seed_claims.itertuples():
        assert passages.loc[row.passage_id, "role"] == "body"
        assert passages.loc[row.passage_id, "start"] <= row.start < row.end <= passages.loc[row.passage_id, "end"]
        assert texts[row.article_id][passages.loc[row.passage_id, "start"]:passages.loc[row.passage_id, "end"]] \
            == row.text


def test_seed_claimants_and_periods(seed_claims):
    spy_chief = claim(seed_claims, AP, "3,000")
    assert (spy_chief.claimant, spy_chief.claimant_group) == ("South Korea’s spy chief", "South Korea: NIS")
    assert spy_chief.asof_end == "2024-10-23" and spy_chief.subject_key == "north korea troops"
    target = claim(seed_claims, AP, "10,000")  # Zelenskyy's figure comes first in the AP story
    assert target.claimant_group == "Ukraine: government"
    by_december = seed_claims[(seed_claims["article_id"] == AP) & (seed_claims["asof_text"] == "by December")]
    assert len(by_december) == 1
    assert by_december.iloc[0].claimant == "his agency" and by_december.iloc[0].claimant_group == "South Korea: NIS"
    assert by_december.iloc[0].asof_end == "2024-12-31"
    containers = claim(seed_claims, AP, "more than 13,000")
    assert (containers.asof_start, containers.asof_end) == ("2023-08-01", "2024-10-23")
    army = claim(seed_claims, AP, "1.2 million")
    assert army.claimant == "" and army.claimant_group == ""  # the AP's own statement
    upper = claim(seed_claims, WT, "up to 12,000")
    assert upper.asof_end == "2024-10-23"  # not "in February 2022", which dates the invasion
    assert upper.claimant_group == "Ukraine: government"
    kirby = claim(seed_claims, WT, "at least 3,000")
    assert kirby.asof_text in ("Later in the day", "in early to mid-October")
    estimate = claim(seed_claims, NYT, "about 2,500")
    assert estimate.claimant_group == "United States: officials (unnamed)"
    undated = seed_claims[seed_claims["article_id"] == NEWSLOOKS]
    assert len(undated) and (undated["asof_end"] == "").all()  # the page prints no date
    elided = claim(seed_claims, CNBC, "10,000")  # "3,000 troops to Russia out of a promised 10,000"
    assert elided.subject == "troops" and elided.asof_end == "2024-12-31"


def test_ledger_groups_outlets(seed_claims, seed_articles):
    ledger = research.claim_ledger(seed_claims, seed_articles)
    rows = ledger[(ledger["subject_key"] == "north korea troops") & (ledger["figure"] == "3,000")]
    assert len(rows) == 1
    assert {"AP", "CNBC/NBC", "Newslooks"} <= set(rows.iloc[0]["outlets"].split("; "))
    assert rows.iloc[0]["n_mentions"] >= 3
    increments = ledger[ledger["increment"]]
    assert set(increments["figure"]) == {"1,500"}


def test_conflicts(seed_claims, seed_articles):
    conflicts = research.claim_conflicts(seed_claims, seed_articles)
    figures = conflicts[conflicts["conflict"].isin(["disagreement", "definition"])]
    pairs = {frozenset((a, b)): kind for a, b, kind in zip(figures["figure_a"], figures["figure_b"], figures["conflict"])}
    assert pairs.get(frozenset(("3,000", "~2,500"))) == "disagreement"  # South Korea's count against the U.S. estimate
    assert not any("1,200,000" in pair for pair in map(str, pairs))  # the whole army is another quantity
    # 1,500 sent last week and 3,000 there now are two moments of one count; 10,000 by December is a target
    disagreements = conflicts[conflicts["conflict"] == "disagreement"]
    sides = [{a, b} for a, b in zip(disagreements["figure_a"], disagreements["figure_b"])]
    assert not any(side & {"1,500"} for side in sides)
    ledger = research.claim_ledger(seed_claims, seed_articles)
    targets = set(ledger.loc[(ledger["value"] == 10000) & ledger["forecast"], "claim_id"])
    assert targets and not targets & (set(disagreements["claim_a"]) | set(disagreements["claim_b"]))
    assert (conflicts["outlet_a"] != conflicts["outlet_b"]).all()
    pairs = list(zip(conflicts["claim_a"], conflicts["claim_b"]))
    assert len(pairs) == len(set(pairs)) and all(a < b for a, b in pairs)  # no pair listed twice
    # the claim ids are the ledger's: each side's mention is one of its claim's mentions
    mentions = research.claim_ledger(seed_claims, seed_articles).set_index("claim_id")["mentions"]
    for row in conflicts.itertuples():
        assert f"{row.article_id_a}:{row.start_a}-{row.end_a}" in mentions[row.claim_a].split("; ")
        assert f"{row.article_id_b}:{row.start_b}-{row.end_b}" in mentions[row.claim_b].split("; ")


def _claims_of(texts: dict[str, str], published: str = "2024-10-23"):
    """`extract_claims` of one-paragraph articles {outlet: text} (each paragraph is its own body passage), with
    the articles table."""
    articles = pd.DataFrame({"article_id": list(texts), "outlet": list(texts), "published": published,
                             "text": list(texts.values())})
    passages = pd.DataFrame({"article_id": list(texts), "passage_id": [f"{a}:s0" for a in texts],
                             "block_id": [f"{a}:b0" for a in texts], "unit": "sentence", "start": 0,
                             "end": articles["text"].str.len(), "role": "body", "text": articles["text"]})
    return research.extract_claims(passages, cues_of(articles), articles), articles


def test_ledger_names_a_claimant_once_by_the_fullest_name():
    # PolNeAR train (Breitbart and the Washington Post, 8-10 Feb 2016): one donation figure, two ways to name Clinton
    claims, articles = _claims_of({
        "breitbart": "Clinton says rival Bernie Sanders accepted about $200,000 in indirect donations from Wall Street.",
        "wash-post": "Hillary Clinton said Sanders accepted about $200,000 in indirect donations from Wall Street."},
        "2016-02-08")
    ledger = research.claim_ledger(claims, articles)
    row = ledger[ledger["figure"].str.contains("200,000")].iloc[0]
    assert (row["n_outlets"], row["claimant_groups"]) == (2, "Hillary Clinton")


def _conflicts_of(texts: dict[str, str], published: str = "2024-10-23"):
    """`claim_conflicts` of one-paragraph articles {outlet: text}."""
    return research.claim_conflicts(*_claims_of(texts, published))


def test_conflicts_compare_one_period_and_reported_counts_only():
    # the same subject and period from two sources: a disagreement
    same = _conflicts_of({"A": "Officials said 3,000 troops crossed the border on Monday.",
                          "B": "Analysts said 4,500 troops crossed the border on Monday."})
    assert list(same["conflict"]) == ["disagreement"]
    # last week's figure against this week's: two moments of one count, not a disagreement
    moments = _conflicts_of({"A": "Officials said 3,000 troops crossed the border this week.",
                             "B": "Analysts said 1,500 troops crossed the border last week."})
    assert moments.empty
    # a target against a reported count: not a conflict
    target = _conflicts_of({"A": "Officials said 3,000 troops crossed the border this week.",
                            "B": "Analysts said 10,000 troops will cross the border by December."})
    assert target.empty
    # an average against one day's count counts another thing; a part of a whole is not the whole
    average = _conflicts_of({"A": "Officials said new cases were averaging 132,000 a day on Monday.",
                             "B": "Officials said 35,000 new cases were recorded on Monday."})
    assert list(average["conflict"]) == ["definition"]
    part = _conflicts_of({"A": "Officials said 150 people were killed in shootings on Monday.",
                          "B": "Officials said 69 of the people killed in shootings on Monday were in Chicago."})
    assert part.empty


def test_figures_of_different_places_are_not_a_conflict():
    # AllSides bias corpus, 24 June 2020 (AP, Washington Post): one state's record against another's, the world's
    # total against the United States'; read as a journalist, neither is a disagreement
    states = _conflicts_of({"A": "Arizona, where Trump was headed for a speech, reported a new daily record of "
                                 "nearly 3,600 additional coronavirus cases on Tuesday.",
                            "B": "Texas reported 5,551 new cases on Tuesday, the most in a single day."})
    assert states.empty
    world = _conflicts_of({"A": "Worldwide, over 9.4 million people have been confirmed infected on Tuesday.",
                           "B": "Overall, 2.36 million people have been infected in the United States on Tuesday."})
    assert world.empty
    # the same place named in both (or in one only) is still compared
    same = _conflicts_of({"A": "Officials said Texas reported 5,551 new cases on Tuesday, the most in a single day.",
                          "B": "Health officials said Texas had 6,100 new cases on Tuesday, a record for the state."})
    assert list(same["conflict"]) == ["disagreement"]
    # a place that is the claimant is not where the figure is: two countries' counts of one deployment
    sources = _conflicts_of({"A": "South Korea's spy agency said 3,000 troops crossed the border on Monday, "
                                  "in a briefing to lawmakers.",
                             "B": "The United States said 4,500 troops crossed the border on Monday, according to "
                                  "a Pentagon statement."})
    assert list(sources["conflict"]) == ["disagreement"]
    assert places("The New York Times said U.S. officials counted 3,000 in New Mexico.") == {"United States",
                                                                                             "New Mexico"}


def test_shares_of_one_population_answering_different_questions_are_not_a_conflict():
    # AllSides bias corpus, 24 June 2020 (Washington Post poll, New York Times op-ed): shares of black Americans,
    # each the answer to another question; read as a journalist, none is a disagreement
    questions = _conflicts_of({
        "A": "Nearly 6 in 10 black Americans believe Floyd’s killing will increase concern about discrimination, "
             "the poll found on Monday.",
        "B": "Officials said 38 percent of black Americans under age 50 reported being stopped by police on Monday."})
    assert questions.empty
    one = _conflicts_of({"A": "Federal data showed 47 percent of adults were fully vaccinated on Monday, officials said.",
                         "B": "The health department said 52 percent of adults were fully vaccinated on Monday."})
    assert list(one["conflict"]) == ["disagreement"]


def test_counts_of_lawmakers_and_votes_of_two_bodies_are_not_a_conflict():
    # AllSides bias corpus, 18 December 2019 (CNN, The Hill, USA TODAY on the impeachment vote): different groups
    # of lawmakers, and a House tally against a Senate one; read as a journalist, none is a disagreement
    groups = _conflicts_of({"A": "One by one, almost every one of the 31 Democrats said they were compelled to vote "
                                 "for impeachment on Wednesday.",
                            "B": "The votes pose a political risk for centrist Democrats, particularly the 30 "
                                 "lawmakers representing districts carried by Trump, on Wednesday."},
                           "2019-12-18")
    assert groups.empty
    tallies = _conflicts_of({"A": "The motion was dismissed on a party-line vote of 226 to 188 on Wednesday.",
                             "B": "Senators voted 100-0 on a resolution laying out the process for a trial on "
                                  "Wednesday."}, "2019-12-18")
    assert tallies.empty
    # one group named alike, and one body's vote told two ways, are still compared
    same_group = _conflicts_of({"A": "Officials said 31 Democrats voted for impeachment on Wednesday.",
                                "B": "Analysts said 27 Democrats voted for impeachment on Wednesday."}, "2019-12-18")
    assert list(same_group["conflict"]) == ["disagreement"]
    same_vote = _conflicts_of({"A": "The Senate approved the bill on a vote of 94-1 on Wednesday.",
                               "B": "The Senate approved the bill on a vote of 92-6 on Wednesday."}, "2019-12-18")
    assert list(same_vote["conflict"]) == ["disagreement"]


def test_figures_are_labelled_with_their_unit():
    # BASIL (Fox): an ad buy and a poll share, labelled as a reader would write them
    claims, articles = _claims_of({"fox": "The flight is ultimately going to be $1 million, the official said. "
                                          "Mitt Romney leads with 21 percent of Republican primary voters surveyed."},
                                  "2012-09-20")
    assert sorted(research.claim_ledger(claims, articles)["figure"]) == ["$1 million", "21%"]


def test_a_hover_cards_headlines_give_no_figure():
    # AllSides bias corpus, The Hill, 24 June 2020: Durbin's hover card holds another story's vote (21-1); the
    # sentence's own figure stays
    claims, _ = _claims_of({"hill": "A growing number of Democrats, including Senate Democratic Whip Dick Durbin "
                                    "Richard (Dick) Joseph DurbinMcCarthy calls for police reform conference ahead of "
                                    "vote Senate panel votes 21-1 to back Justice IG measure over Graham objections "
                                    "MORE (Ill.), said 12 senators will vote against proceeding to the bill."})
    assert claims["value"].tolist() == [12.0]


def test_page_chrome_is_never_a_claim_source():
    text = ("Border crossings rise\n\nUpdated 2 hours ago\nShare\n\nThe ministry said 400 soldiers had crossed "
            "the border on Monday, according to officials in the capital.\n\nOfficials said a further 200 soldiers "
            "were on the way and would arrive by Friday, the ministry added in a statement.\n\n15 comments\n\n"
            "Most Read\n\n12 things to know about the border\n\nCopyright 2024 Example News. All rights reserved.\n")
    articles = pd.DataFrame({"article_id": ["x"], "path": ["x.txt"], "outlet": ["Test"], "headline": [""],
                             "published": ["2024-10-23"], "byline": [""], "provenance": [""], "encoding": ["utf-8"],
                             "text": [text]})
    passages = research.split_passages(research.split_blocks(articles))
    claims = research.extract_claims(passages, cues_of(articles), articles)
    assert sorted(claims["value"]) == [200.0, 400.0]
    assert claims.set_index("value").loc[400.0, "asof_end"] == "2024-10-21"


def test_conflict_html_escapes_article_text():
    text = ("<script>alert(1)</script> Officials said 3,000 troops crossed the border.\n\n"
            "Analysts said 9,000 troops crossed the border.")
    articles = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["A", "B"], "published": ["2024-10-23"] * 2,
                             "text": [text.split("\n\n")[0], text.split("\n\n")[1]]})
    passages = pd.DataFrame({"article_id": ["a", "b"], "passage_id": ["a:s0", "b:s0"], "block_id": ["a:b0", "b:b0"],
                             "unit": "sentence", "start": [0, 0], "end": articles["text"].str.len(), "role": "body",
                             "text": articles["text"]})
    with pytest.warns(research.CorpusWarning, match="no body paragraph found"):  # one-line articles: no body
        claims = research.extract_claims(passages, cues_of(articles), articles)
    conflicts = research.claim_conflicts(claims, articles)
    assert list(conflicts["conflict"]) == ["disagreement"]
    page = conflicts_html(conflicts, articles)
    assert "<script>" not in page and "&lt;script&gt;" in page and "<mark>3,000</mark>" in page


def test_unknown_articles_are_an_error(seed_passages, seed_articles):
    with pytest.raises(AnalysisError, match="not in the articles table"):
        research.extract_claims(seed_passages, cues_of(seed_articles.iloc[:1]), seed_articles.iloc[:1])


def test_timeline_table_leaves_out_increments_and_undated(seed_claims, seed_articles):
    table = timeline_table(seed_claims, seed_articles)
    assert list(table.columns) == TIMELINE_COLUMNS
    assert (table["asof_end"] != "").all() and "Newslooks" not in set(table["outlet"])
    increments = seed_claims[seed_claims["qualifier"] == "another"]
    assert not set(zip(increments["article_id"], increments["start"])) & set(zip(table["article_id"], table["start"]))
    assert list(table["asof_end"]) == sorted(table["asof_end"])


def test_timeline17_death_counts(data_dir):
    """Tokenised Timeline17 text: "at least 81 people had died" is a death count dated by its article."""
    articles, _ = datasets.read_timeline17(data_dir / "timeline17_dev")
    articles = articles[articles["text"].str.contains("81 people had died", regex=False)].head(3)
    passages = pd.DataFrame({"article_id": articles["article_id"], "passage_id": articles["article_id"] + ":p0",
                             "block_id": articles["article_id"] + ":b0", "unit": "paragraph", "start": 0,
                             "end": articles["text"].str.len(), "role": "body", "text": articles["text"]})
    claims = research.extract_claims(passages, cues_of(articles), articles)
    deaths = claims[(claims["value"] == 81) & (claims["subject_key"].str.endswith("deaths"))]
    assert len(deaths) >= 1
    assert set(deaths["asof_end"]) <= set(articles["published"])


def test_timeline_marks_figures_referring_past_publication(seed_articles, seed_passages):
    from research.claims.ledger import timeline_table

    claims = research.extract_claims(seed_passages, cues_of(seed_articles), seed_articles)
    table = timeline_table(claims, seed_articles)
    ahead = table[table["ahead"]]
    assert set(ahead["asof_text"]) == {"by December", "this month"}
    assert (ahead["asof_end"] > "2024-10-23").all()
    assert not (table.loc[~table["ahead"], "asof_end"] > "2024-10-23").any()


def test_a_poll_lead_passes_its_subject_to_no_share_after_it():
    # PolNeAR test feed cut (holdout-8, HuffPost, 2016): the shares after the lead are no lead
    claims, _ = _claims_of({"huff-post": "In a head-to-head matchup, Clinton leads by an even wider 14 points, 52 "
                                        "percent to 38 percent."}, "2016-10-10")
    subjects = dict(zip(claims["value"], claims["subject"]))
    assert subjects[14] == "lead" and "lead" not in (subjects[52], subjects[38])


def test_a_share_after_a_candidates_vote_takes_the_vote_not_the_candidate():
    # PolNeAR train (Breitbart, 21 Mar 2016; twenty-third round): "vote for Sanders" is his share; Clinton's bare
    # share after it is a share of the vote, not of Sanders
    claims, _ = _claims_of({"breitbart": ("Sanders received 69 percent of the vote to earn nine of the 13 delegates "
                                          "at stake. Hillary Clinton won 31 percent, picking up four delegates.")},
                           "2016-03-21")
    subjects = dict(zip(claims["value"], claims["subject"]))
    assert subjects[69.0] == "vote for Sanders"
    assert "Sanders" not in subjects[31.0] and "vote" in subjects[31.0]
