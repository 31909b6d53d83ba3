"""As-of periods and cross-outlet links of the sixth round (issue 18), each rule on its real sentence of an
AllSides roundup."""

import pandas as pd
import pytest
from conftest import cues_of
from test_quantities import ledger_of, periods

import research


@pytest.mark.parametrize(("text", "published", "figure", "period"), [
    # Nearness is the gap between the phrases: "this year" ends closer to the figure's start than "the start of the
    # year" begins after it, but the figure is stated for the start of the year.
    (("Weekly applications, which generally track the pace of layoffs, have fallen steadily this year "
      "from more than 900,000 at the start of the year."),
     "2021-07-08T07:15:00-07:00", "more than 900,000", ("2021-01-01", "2021-01-31", "the start of the year")),
    (("Despite a stubbornly high unemployment rate of 6.1% in April — representing 9.8 million people "
      "who say they are actively looking for work — many employers are reporting that they can’t find "
      "people to hire."),
     "2021-06-08T13:30:00-07:00", "9.8 million", ("2021-04-01", "2021-04-30")),
    (("The US on Tuesday recorded an average of 19,455 new cases per day over the last seven days — up "
      "47.5 percent from the previous week, according to a USA Today analysis of data from Johns "
      "Hopkins University."),
     "2021-07-13T17:15:00-07:00", "47.5 percent", ("2021-07-06", "2021-07-13")),
    (("From January 1 to July 11 this year, over 1.8 million acres have burned in 33,491 fires, "
      "according to the NIFC, surpassing the previous year's tally for the same period."),
     "2021-07-12T12:00:00-07:00", "33,491", ("2021-01-01", "2021-07-11")),
    (("President Joe Biden says the 5.4 percent increase in the price of a basket of goods over the 12 "
      "months that ended in June is \"temporary,\" and a private White House presentation obtained by "
      "NBC News encourages Democratic lawmakers to focus on costs."),
     "2021-07-26T11:30:00-07:00", "5.4 percent", ("2020-07-01", "2021-06-30")),
    # "in recent months" has no start: the figure is as of publication, and its phrase is kept as the text.
    (("Although three similar lawsuits were filed in recent months, Thursday's filing is the first to "
      "allege that Trump worked in concert with political organizers to promote voter fraud in the 2020 "
      "election."),
     "2021-08-26T10:15:00-07:00", "three", ("2021-08-26", "2021-08-26", "in recent months")),
    # "the Jan. 6 select committee" names the committee: the two picks vetoed are as of publication.
    (("The conservative House Freedom Caucus is urging Kevin McCarthy to try to boot Nancy Pelosi from her "
      "position as speaker, a sign of further escalating tensions after the California Democrat vetoed two "
      "of the House Minority Leader’s GOP picks from the Jan. 6 select committee."),
     "2021-07-23T12:45:00-07:00", "two", ("2021-07-23", "2021-07-23", "")),
    # "before Sept. 11, 2001" is where the support's time ends, not its period: the sentence's day dates it.
    (("The FBI released a heavily redacted, 16-page declassified document Saturday night that sheds light "
      "on logistical support given to two Saudi hijackers before Sept. 11, 2001."),
     "2021-09-12T10:45:00-07:00", "two", ("2021-09-11", "2021-09-11")),
    # "the 68-year-old congressman" (BASIL NYT) in a prediction is his age at publication, not as of the "in November"
    # of the sentence before.
    (("Etheridge, who has represented North Carolina's 2nd Congressional District since 1997, is running "
      "for re-election against Republican Renee Ellmers, a registered nurse, in November. Political "
      "observers have predicted that the 68-year-old congressman will likely hold on to his seat."),
     "2010-06-14", "68-year-old", ("2010-06-14", "2010-06-14", "")),
    # "the 2.1 percent growth rate projected by the I.M.F." (BASIL NYT) is a forecast, so "next year" dates it.
    (("The overall result could be zero growth next year, not the 2.1 percent growth rate projected by "
      "the I.M.F."),
     "2012-12-09", "2.1 percent", ("2013-01-01", "2013-12-31", "next year")),
    # "according to a Des Moines Register poll released Saturday" (BASIL Fox News) dates the share: the source's
    # phrase ends no clause, and a poll's release day, no field dates given, is the nearest day its figures are of.
    (("The Dallas Morning News recently reported that his presidential campaign plans to bring \"more than "
      "600 influential Texans\" to Iowa in December. However, Perry netted just six percent support among "
      "likely Republican caucus-goers, according to a Des Moines Register poll released Saturday."),
     "2011-12-07", "six percent", ("2011-12-03", "2011-12-03", "Saturday")),
    # "tax rates for the top 2 percent" (BASIL Fox News) names a group as it stands, not as of "last week".
    (("Boehner last week put a counter-proposal on the table that included $800 billion in revenue "
      "increases over the next decade. While Boehner cast that as a significant concession, Obama said it "
      "didn't go far enough because it didn't include an increase in tax rates for the top 2 percent."),
     "2012-12-10", "2 percent", ("2012-12-10", "2012-12-10", "")),
    # "a counter-proposal ... that included $800 billion" (BASIL Fox News) is what the plan holds, not as of the "last
    # week" it was put on the table.
    (("Boehner last week put a counter-proposal on the table that included $800 billion in revenue "
      "increases over the next decade."),
     "2012-12-10", "$800 billion", ("2012-12-10", "2012-12-10", "")),
])
def test_a_figure_takes_the_period_its_sentence_gives_it(text, published, figure, period):
    assert periods(text, published)[figure][:len(period)] == period  # a pair checks the dates only


def test_from_a_named_figure_to_another_dates_each_at_its_end():
    found = periods("In the past two weeks, new COVID-19 cases in the U.S. have dropped from a seven-day average of "
                    "78,449 to 51,465, a decline of 34%.", "2021-05-03T05:00:00-07:00")
    assert found["78,449"][:2] == ("2021-04-19", "2021-04-19")
    assert found["51,465"][:2] == ("2021-05-03", "2021-05-03")


def test_one_exact_value_in_two_outlets_is_one_figure_whatever_its_date():
    """Axios sizes the package as of publication, the Post dates it "this week" (as a forecast): one figure."""
    ledger = ledger_of({
        "Axios": "The Senate's bipartisan $1.2 trillion infrastructure bill and President Biden's $3.5 trillion "
                 "spending package could live or die this week — and take Democrats' fortunes with them.",
        "Post": "Pelosi on Sunday vowed that Democrats will pass a bipartisan infrastructure bill this week and push "
                "ahead on the bigger $3.5 trillion social safety net."},
        "2021-09-27T06:00:00-07:00")
    assert ledger.loc[ledger["value"] == 3.5e12, "outlets"].tolist() == ["Axios; Post"]


def test_figures_within_rounding_in_sentences_that_share_words_are_one():
    """"at least 15.1 million" and "At least 15 million" doses: one figure even when their subjects are read
    apart, as on new text they often are (here a verb each), since their sentences share content words."""
    texts = {
        "NBC": "Pharmacies and state governments in the United States have thrown away at least 15.1 million doses "
               "of Covid-19 vaccines since March 1, according to government data obtained by NBC News.",
        "Hill": "At least 15 million COVID-19 vaccine doses in the U.S. have gone to waste, with the number of unused "
                "doses rising, according to NBC News."}
    articles = pd.DataFrame({"article_id": list(texts), "outlet": list(texts), "published": "2021-09-01T15:00:00-07:00",
                             "text": [f"A headline\n\n{text}" for text in texts.values()]})
    claims = research.extract_claims(research.split_passages(research.split_blocks(articles)), cues_of(articles),
                                     articles)
    claims = claims[claims["value"] >= 1.5e7].assign(subject=["thrown", "gone"], subject_key=["thrown", "gone"])
    assert research.claims.ledger.link_claims(claims).nunique() == 1


def test_a_count_stated_for_a_later_day_is_a_revision():
    """The flood toll: 125 dead on Friday (New York Times), above 150 on Saturday (Reuters): an update."""
    texts = {
        "NYT": "Rescue workers across Germany and Belgium rushed Friday to prevent more deaths from some of the "
               "Continent’s worst flooding in years as the number of dead surpassed 125 and the search went on for "
               "hundreds of missing people.",
        "Reuters": "The death toll from disastrous flooding in Western Europe rose above 150 on Saturday as rescue "
                   "workers toiled to clear up the devastation revealed by receding water and prevent further damage."}
    articles = pd.DataFrame({"article_id": list(texts), "outlet": list(texts), "published": "2021-07-17T08:30:00-07:00",
                             "text": [f"A headline\n\n{text}" for text in texts.values()]})
    claims = research.extract_claims(research.split_passages(research.split_blocks(articles)), cues_of(articles),
                                     articles)
    conflicts = research.claim_conflicts(claims, articles)
    assert conflicts[["figure_a", "figure_b", "conflict"]].values.tolist() == [["125", "150", "revision"]]


def test_forecasts_of_one_value_join_each_other_first(seed_articles, seed_passages):
    """The seeds' 10,000 North Korean troops: the target "by December" of AP, CNBC/NBC and Newslooks is one
    claim, the 10,000 Zelenskyy said were being trained (AP, Newslooks) another."""
    claims = research.extract_claims(seed_passages, cues_of(seed_articles), seed_articles)
    table = research.claims.ledger._with_outlets(claims, seed_articles)
    ids = research.claims.ledger.link_claims(table)
    tens = table[table["value"] == 10000].assign(claim_id=ids)
    by_claim = tens.groupby("claim_id")["forecast"].agg(set)
    assert sorted(map(sorted, by_claim)) == [[False], [True]]
    assert set(tens.loc[tens["forecast"], "outlet"]) == {"AP", "CNBC/NBC", "Newslooks"}


def test_a_period_running_at_publication_is_not_carried_to_the_next_sentence():
    """"earlier this month" dates Harris's trip; the next sentence's five girls are as of publication. A past
    period ("last month") still goes on to the figures after it."""
    running = periods("Vice President Kamala Harris visited the southern border in El Paso, Texas, on Friday to see a "
                      "migrant processing center, following dogged criticism for not having visited the US-Mexico "
                      "border and a rocky first foreign trip to Guatemala and Mexico earlier this month.\n\nThe vice "
                      "president toured the El Paso central processing center, a US Customs and Border Protection "
                      "facility, and spoke with five young girls from Central America while there.",
                      "2021-06-25T05:45:00-07:00")
    assert running["five"] == ("2021-06-25", "2021-06-25", "")
    past = periods("America’s employers added just 266,000 jobs last month, sharply lower than in March.\n\nWith viral "
                   "cases declining, businesses have added jobs for four straight months, the Labor Department said "
                   "Friday. Still, the unemployment rate ticked up to 6.1% from 6% in March.",
                   "2021-05-07T06:15:00-07:00")
    assert past["6.1%"][:2] == ("2021-04-01", "2021-04-30")


def test_a_sentence_opening_on_the_time_named_before_is_as_of_that_time():
    # holdout-12 (The Guardian): "At the time" is the year of the march, though the sentence naming it told an act
    found = periods("Martin Luther King Jr marched from Selma to Montgomery, Alabama, in 1965 in protest of attempts by "
                    "white legislators across the south to prevent African Americans from voting. At the time, black "
                    "people outnumbered white people in Selma but comprised only 2% of the voting rolls.", "2019-11-07")
    assert found["2%"] == ("1965-01-01", "1965-12-31", "At the time")
    # holdout-11 (Townhall): "The next year" is the year after the one named, not after publication
    found = periods("In 1966, there were 654 murders in New York City. The next year, that number increased by about a "
                    "hundred.", "2020-02-12")
    assert found["654"][:2] == ("1966-01-01", "1966-12-31")
    assert found["about a hundred"] == ("1967-01-01", "1967-12-31", "The next year")


def test_a_hyphenated_size_takes_no_longer_period():
    """"a seven-count indictment" sizes the indictment as it stands; "a June 2019 interview" dates the lying."""
    found = periods("A seven-count indictment accused Mr. Barrack, 74, of using his access to Mr. Trump to advance the "
                    "foreign policy goals of the United Arab Emirates and then lying about his activities during a June "
                    "2019 interview with federal agents.", "2021-07-20T16:15:00-07:00")
    assert found["seven"] == ("2021-07-20", "2021-07-20", "")
    # nor a period named in a sentence before it
    carried = periods("Former Minneapolis police officer Derek Chauvin received a 270-month prison sentence Friday for "
                      "second-degree unintentional murder in the death of George Floyd last spring.\n\nMinnesota District "
                      "Court Judge Peter Cahill said a 22-page sentencing memorandum would explain his reasoning on the "
                      "sentence in greater detail.\n\n\"Most of it’s going to be in writing, 22-page memorandum – to "
                      "emphasize the fact that determining the appropriate sentence in any case and in this case is a "
                      "legal analysis,\" he said.", "2021-06-25T13:45:00-07:00")
    assert {period for text, period in carried.items() if text.startswith("22")} == {("2021-06-25", "2021-06-25", "")}


def test_a_period_named_far_up_a_full_article_dates_no_later_figure():
    """BASIL (Fox News): "in the mid-1970s" dates Netanyahu's work with Romney, not a poll six sentences on."""
    found = periods(
        "Netanyahu, who has a famously frosty relationship with President Obama, mentions neither Obama nor Republican "
        "challenger Mitt Romney, with whom Netanyahu worked in the mid-1970s at Boston Consulting Group. His words are "
        "taken from a recent news conference, in which he expressed frustration at the Obama administration’s failure "
        "to establish “red lines” for reining in Iran and its rogue nuclear weapons program.\n\n\"The fact is that "
        "every day that passes, Iran gets closer and closer to a nuclear bomb,” Netanyahu says. “The world tells "
        "Israel, wait, there's still time. And I say wait for what? Wait until when?\"\n\nA voice-over at the end of "
        "the ad underscores the prime minister's message: \"The world needs American strength, not apologies.\"\n\n"
        "A Fox News poll released Wednesday shows Obama leading Romney, 49 percent to 44 percent, in Florida.",
        "2012-09-20")
    assert found["49 percent"] == ("2012-09-19", "2012-09-19", "Wednesday")  # the poll's release day, no field dates


# Full articles (BASIL full-dev events), seventh round.

def test_the_event_a_thing_is_done_ahead_of_dates_no_figure():
    """"ahead of the Jan. 3 caucuses" and "in advance of Mr. Ryan's visit there on Thursday" date the event ahead,
    not the figure (BASIL Fox News and NYT sentences): both are as of publication."""
    found = periods("Politico reported Tuesday that Perry bought $1 million in broadcast television time ahead of the "
                    "Jan. 3 caucuses.", "2011-12-07")
    assert found["$1 million"] == ("2011-12-07", "2011-12-07", "")
    found = periods("The latest criticism comes in a letter released Tuesday and signed by nearly 90 faculty members and "
                    "priests at Georgetown, the Jesuit university in Washington, in advance of Mr. Ryan’s visit there "
                    "on Thursday.", "2012-04-24")
    assert found["nearly 90"] == ("2012-04-24", "2012-04-24", "")
    # nor a later figure (BASIL NYT): "in January" dates the new Congress taking over
    found = periods("At the same time, Congress needs to make a legislative move to keep the government funded before "
                    "the 112th Congress takes over in January.\n\nDemocrats were hoping to force a more ambitious agenda "
                    "into the final weeks.\n\n“If they really cared about creating jobs, they should stop blocking a "
                    "preservation of unemployment insurance, which would create or save hundred of thousands of jobs,” "
                    "Jim Manley, a spokesman for Mr. Reid, said in an e-mail.", "2010-12-01")
    assert list(found.values()) == [("2010-12-01", "2010-12-01", "")]


def test_a_poll_s_field_dates_date_its_figures():
    """"as part of a March 31-April 4 survey" (BASIL Fox News) dates the poll's figures: the 238 across "but" and the
    shares of the sentence before it in its paragraph that speaks of the poll ("In the poll, ... leads ... with 21
    percent"), in the present tense; a sentence far from any poll keeps publication."""
    found = periods(
        "In the poll, former Massachusetts Gov. Mitt Romney leads the would-be group of contenders with 21 percent of "
        "Republican primary voters surveyed followed by Trump and former Arkansas Gov. Mike Huckabee at 17 percent each. "
        "The Republican primary poll was taken as part of a March 31-April 4 survey of 1,000 adults, but the sample "
        "survey of Republican primary voters polled was only 238.\n\nAsked in the interview how genuine his "
        "presidential ambition is, Trump said he has spent $2 million.", "2011-04-07")
    poll = ("2011-03-31", "2011-04-04", "March 31-April 4")
    assert found["21 percent"] == found["17 percent"] == found["238"] == poll
    assert found["$2 million"] == ("2011-04-07", "2011-04-07", "")


def test_money_over_a_span_ahead_takes_the_span():
    """"will save $35 million over the next nine months" (BASIL HuffPost) is the savings of those months; money over
    a span of no place ("$1 trillion over five years") stays as it was."""
    found = periods("Republicans have estimated that this will save $35 million over the next nine months.", "2011-01-06")
    assert found["$35 million"] == ("2011-01-06", "2011-10-06", "over the next nine months")
    assert periods("The bill would spend $1 trillion over five years.", "2011-01-06")["$1 trillion"] == (
        "2011-01-06", "2011-01-06", "")


def test_a_window_from_publication_on_dates_no_figure_stated_as_fact():
    """Twenty-second round (holdout-3, AllSides 5790-right and 6008; holdout-10, the AllSides bias corpus): "within
    the next 90 days" is the window of what is expected or ordered, not the period of the figures of its sentence;
    a forecast still takes its window, and money over it its span."""
    found = periods("U.S. intelligence assesses that the capital of Afghanistan could fall to the Taliban within the "
                    "next 90 days, two sources familiar with the matter confirmed to Fox News.", "2021-08-11")
    assert found["two"] == ("2021-08-11", "2021-08-11", "")
    found = periods("The economic toll of the coronavirus pandemic is immense, with tens of millions unemployed and the "
                    "US economy shrinking at a rate unseen in more than a decade.", "2020-05-05")
    assert found["tens of millions"][:2] == ("2020-05-05", "2020-05-05")
    found = periods("The agency expects to hire 500 more workers within the next 90 days.", "2021-08-11")
    assert found["500"][:2] == ("2021-08-11", "2021-11-09")


def test_a_methodology_sentence_dates_the_poll_s_results():
    """"The survey was conducted September 16-19" closing the article (PolNeAR Breitbart, holdout-6-full) dates the
    shares told after the poll is named, three sentences and a paragraph before it, and the margin of error of its
    own paragraph."""
    found = periods(
        "A Bloomberg poll shows that Americans living in households making $100,000 or more have abandoned the "
        "Republican party, led by Donald Trump, in favor of Hillary Clinton.\n\nClinton beats Trump by 46 percent to "
        "42 percent, according to the poll. Twelve percent indicated that they were not sure.\n\nAccording to exit "
        "polls, Mitt Romney had a ten-point lead over Obama among the high-earning group in 2012, but still lost the "
        "election.\n\nThe survey was conducted September 16-19, using a nationally representative opt-in panel of 600 "
        "respondents. It has a margin of error +/- 4 percent.", "2016-09-20")
    poll = ("2016-09-16", "2016-09-19", "September 16-19")
    assert found["46 percent"] == found["42 percent"] == found["Twelve percent"] == found["4 percent"] == poll
    # PolNeAR Politico (holdout-6-full): a poll with field dates of its own ends the run; the polling averages
    # after it are as of publication
    found = periods(
        "Hillary Clinton and Donald Trump are virtually tied heading into their first debate, according to a new "
        "Washington Post-ABC News national poll.\n\nAmong likely voters in a four-way race, 46 percent would choose "
        "Clinton and 44 percent would back Trump.\n\nIn the previous Washington Post/ABC News national poll, "
        "conducted in early September, Clinton led Trump by 5 percentage points among likely voters.\n\nPolling "
        "averages show Clinton with a lead in the low single digits, with RealClearPolitics showing her ahead 3 "
        "points.\n\nThe Washington Post/ABC News poll was conducted from Sept. 19 to 22, surveying a random sample "
        "of 1,001 adults by landline and cellphone. The registered voter sample is 834.", "2016-09-25")
    poll = ("2016-09-19", "2016-09-22", "from Sept. 19 to 22")
    assert found["46 percent"] == found["44 percent"] == found["834"] == poll
    assert found["3"] == ("2016-09-25", "2016-09-25", "")


def test_a_part_of_a_month_dates_figures_to_the_month():
    """"through the end of August" (PolNeAR USA Today, holdout-6-full) and "in late August" (PolNeAR NYT,
    polnear-dev), months ended by publication, date their figures to the whole month; "the last day of May" stays
    that day."""
    found = periods("Donations to super PACs hit nearly $1.1 billion through the end of August, a USA TODAY analysis of "
                    "newly filed campaign-finance reports shows.", "2016-09-22")
    assert found["nearly $1.1 billion"][:2] == ("2016-08-01", "2016-08-31")
    found = periods("A Quinnipiac University poll released in late August found that 74 percent of likely voters said "
                    "Mr. Trump should release his tax returns.", "2016-09-30")
    assert found["74 percent"][:2] == ("2016-08-01", "2016-08-31")
    found = periods("The number of available jobs on the last day of May rose slightly to 9.21 million, from 9.19 "
                    "million in April, the Labor Department said Wednesday.", "2021-07-07T14:00:00-07:00")
    assert found["9.21 million"][:2] == ("2021-05-31", "2021-05-31")
