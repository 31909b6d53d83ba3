"""Relative dates resolved against the publication date: every phrase class, on constructed sentences."""

from datetime import date

import pandas as pd
import pytest
from test_quantities import periods

from research.text.dates import find_time_expressions, reference_date, resolve_dates

WEDNESDAY = "2024-10-23"  # a Wednesday


def only(sentence: str, published: str = WEDNESDAY):
    spans = find_time_expressions(sentence, published)
    assert len(spans) == 1, spans
    span = spans[0]
    assert sentence[span.start:span.end] == span.text
    return span


@pytest.mark.parametrize(("sentence", "phrase", "kind", "granularity", "first", "last"), [
    # weekdays: the most recent such day on or before publication, the publication day included
    ("The defense secretary said Wednesday there is evidence.", "Wednesday", "date", "day", "2024-10-23",
     "2024-10-23"),
    ("South Korea said Tuesday it would consider it.", "Tuesday", "date", "day", "2024-10-22", "2024-10-22"),
    ("It summoned the ambassador on Monday night.", "on Monday night", "date", "day", "2024-10-21", "2024-10-21"),
    ("Talks began on Thursday.", "on Thursday", "date", "day", "2024-10-17", "2024-10-17"),
    ("He spoke last Wednesday.", "last Wednesday", "date", "day", "2024-10-16", "2024-10-16"),
    ("They will meet on Friday.", "on Friday", "date", "day", "2024-10-25", "2024-10-25"),
    # weeks, months, years relative to publication
    ("Last week, the spy agency said so.", "Last week", "date", "week", "2024-10-14", "2024-10-20"),
    ("He asked for experts to brief them next week.", "next week", "date", "week", "2024-10-28", "2024-11-03"),
    ("The troops were taken to Russia this month.", "this month", "date", "month", "2024-10-01", "2024-10-31"),
    ("Prices rose earlier this month.", "earlier this month", "date", "month", "2024-10-01", "2024-10-23"),
    ("He appeared with Kim last year.", "last year", "date", "year", "2023-01-01", "2023-12-31"),
    # a month without a year: the most recent one not after publication
    ("In June they signed a defense deal.", "In June", "date", "month", "2024-06-01", "2024-06-30"),
    ("Forces launched an incursion in August.", "in August", "date", "month", "2024-08-01", "2024-08-31"),
    ("It happened in October.", "in October", "date", "month", "2024-10-01", "2024-10-31"),
    # since / by
    ("It has sent 13,000 containers since August 2023.", "since August 2023", "since", "month", "2023-08-01",
     "2024-10-23"),
    # a month of the year before, this year or the next, named relative to publication
    ("It was the biggest gain since August last year.", "since August last year", "since", "month", "2023-08-01",
     "2024-10-23"),
    ("The deal was signed in March of last year.", "in March of last year", "date", "month", "2023-03-01",
     "2023-03-31"),
    ("The law takes effect in January next year.", "in January next year", "date", "month", "2025-01-01",
     "2025-01-31"),
    ("It fell on June 3 this year.", "on June 3 this year", "date", "day", "2024-06-03", "2024-06-03"),
    ("It aims to deploy 10,000 troops by December.", "by December", "deadline", "month", "2024-10-23",
     "2024-12-31"),
    ("It aims to send 10,000 by the end of the year.", "by the end of the year", "deadline", "month",
     "2024-10-23", "2024-12-31"),
    # parts of months and ranges
    ("Soldiers traveled to Vladivostok in early to mid-October.", "in early to mid-October", "date",
     "part of month", "2024-10-01", "2024-10-20"),
    ("The vote is due in late November.", "in late November", "date", "part of month", "2024-11-21",
     "2024-11-30"),
    ("They fought in the 1950-53 Korean War.", "1950-53", "date", "year", "1950-01-01", "1953-12-31"),
    ("The war of the early 1950s ended.", "of the early 1950s", "date", "decade", "1950-01-01", "1953-12-31"),
    ("The invasion began in February 2022.", "in February 2022", "date", "month", "2022-02-01", "2022-02-28"),
    # calendar dates with and without a year
    ("The deal was signed on June 19.", "on June 19", "date", "day", "2024-06-19", "2024-06-19"),
    ("The report came out Oct. 4, 2024.", "Oct. 4, 2024", "date", "day", "2024-10-04", "2024-10-04"),
    ("Tests began on 25 April 2009.", "on 25 April 2009", "date", "day", "2009-04-25", "2009-04-25"),
    # durations and days relative to publication
    ("For two weeks, there have been reports.", "For two weeks", "duration", "week", "2024-10-09",
     "2024-10-23"),
    ("It will take effect in two weeks.", "in two weeks", "duration", "week", "2024-10-23", "2024-11-06"),
    ("Ties grew in the past two years.", "in the past two years", "duration", "year", "2022-10-23",
     "2024-10-23"),
    ("It was announced two weeks ago.", "two weeks ago", "date", "week", "2024-10-09", "2024-10-09"),
    ("The minister spoke yesterday.", "yesterday", "date", "day", "2024-10-22", "2024-10-22"),
    ("Alarm grew in recent days.", "in recent days", "date", "day", "2024-10-20", "2024-10-23"),
    # weeks named by a day, parts of years, months of a named year, this year's holiday
    ("Claims peaked in the week of March 27, 2020.", "in the week of March 27, 2020", "date", "week",
     "2020-03-23", "2020-03-29"),
    ("Sales grew 4% in its fiscal second quarter.", "in its fiscal second quarter", "date", "part of year",
     "2024-04-01", "2024-06-30"),
    ("Deliveries are planned in the first half of 2025.", "in the first half of 2025", "date", "part of year",
     "2025-01-01", "2025-06-30"),
    ("Profit fell in the fourth quarter of last year.", "in the fourth quarter of last year", "date",
     "part of year", "2023-10-01", "2023-12-31"),
    ("The biggest gain since August last year.", "since August last year", "since", "month", "2023-08-01",
     "2024-10-23"),
    ("Crowds gathered this Halloween.", "this Halloween", "date", "day", "2024-10-31", "2024-10-31"),
    ("Output is down 4% this year.", "this year", "date", "year", "2024-01-01", "2024-10-23"),
    ("The firm will cut jobs, it said on Monday.", "on Monday", "date", "day", "2024-10-21", "2024-10-21"),
])
def test_phrase_classes(sentence, phrase, kind, granularity, first, last):
    span = only(sentence)
    assert (span.text, span.kind, span.granularity) == (phrase, kind, granularity)
    assert (span.date_start.isoformat(), span.date_end.isoformat()) == (first, last)


@pytest.mark.parametrize(("sentence", "published", "first", "last"), [
    ("It happened in December.", "2025-01-05", "2024-12-01", "2024-12-31"),  # back over the new year
    ("The vote is due by March.", "2024-10-23", "2024-10-23", "2025-03-31"),  # a deadline runs forward
    ("He spoke on Friday.", "2024-01-01", "2023-12-29", "2023-12-29"),  # Monday 1 Jan: last Friday of 2023
    ("Cases rose last week.", "2024-01-02", "2023-12-25", "2023-12-31"),
    ("The talks are on December 30.", "2025-01-02", "2024-12-30", "2024-12-30"),
])
def test_year_rollover(sentence, published, first, last):
    span = only(sentence, published)
    assert (span.date_start.isoformat(), span.date_end.isoformat()) == (first, last)


def test_deadline_ends_at_the_period_end():
    span = only("North Korea aims to deploy a total of 10,000 troops to Russia by December.")
    assert span.kind == "deadline" and span.date_end == date(2024, 12, 31)


def test_publication_date_forms():
    assert reference_date("2024-10-23T06:55:00-04:00") == date(2024, 10, 23)  # the date as printed
    assert reference_date("2024-10-23T23:30:00+00:00") == date(2024, 10, 23)
    assert reference_date("") is None and reference_date(None) is None and reference_date("soon") is None
    span = only("He said Tuesday it was true.", "2024-10-23T06:55:00-04:00")
    assert span.date_start == date(2024, 10, 22)


def test_unknown_publication_date_finds_but_does_not_resolve():
    span = only("It aims to send troops by December.", "")
    assert (span.kind, span.granularity, span.date_start, span.date_end) == ("deadline", "month", None, None)


def test_not_dates():
    assert find_time_expressions("NATO Secretary General Mark Rutte said it may be so.", WEDNESDAY) == []
    assert find_time_expressions("They carried 3,000 troops and 1,500 shells.", WEDNESDAY) == []
    assert find_time_expressions("It was signed on February 30.", WEDNESDAY) == []


def test_later_in_the_day_refers_to_the_day_named_before():
    text = "On Monday the minister spoke. Later in the day, the White House confirmed it."
    spans = find_time_expressions(text, WEDNESDAY)
    assert [(s.text, s.date_start.isoformat()) for s in spans] == [
        ("On Monday", "2024-10-21"), ("Later in the day", "2024-10-21")]
    assert only("Later in the day, officials spoke.").date_start == date(2024, 10, 23)


def test_resolve_dates_carries_the_day_across_passages():
    text = "On Monday the minister spoke. Later in the day, the White House confirmed it."
    articles = pd.DataFrame({"article_id": ["a"], "published": [WEDNESDAY], "text": [text]})
    passages = pd.DataFrame({"article_id": ["a", "a"], "passage_id": ["a:s0000", "a:s0001"],
                             "start": [0, 30], "end": [29, len(text)], "role": ["body", "body"],
                             "text": [text[:29], text[30:]]})
    table = resolve_dates(passages, articles)
    assert list(table["text"]) == ["On Monday", "Later in the day"]
    assert list(table["date_start"]) == ["2024-10-21", "2024-10-21"]
    assert all(text[s:e] == t for s, e, t in zip(table["start"], table["end"], table["text"]))


def test_seed_dates(seed_articles, seed_passages):
    body = seed_passages[seed_passages["role"] == "body"]
    table = resolve_dates(body, seed_articles)
    texts = seed_articles.set_index("article_id")["text"]
    assert all(texts[a][s:e] == t for a, s, e, t in zip(table["article_id"], table["start"], table["end"],
                                                        table["text"]))
    times = table[table["article_id"] == "004_6b509e299142eab2"].set_index("text")
    assert times.loc["in early to mid-October.".rstrip("."), "date_end"] == "2024-10-20"
    newslooks = table[table["article_id"] == "002_1f373224d5a43559"]  # no publication date on the page
    assert len(newslooks) and (newslooks["date_start"] == "").all()


# ---- ninth round (issue 18): years in full articles, each on a real PolNeAR or AllSides sentence

@pytest.mark.parametrize(("text", "figure", "period"), [
    # a year before the noun it dates places a figure of that event: "in the 2012 election", "A 2014 study found"
    (("The line may as well have been lifted from the script Democrats used in the 2012 election, when President "
      "Barack Obama effectively painted Romney as a plutocrat who wrote off 47 percent of the country."),
     "47 percent", ("2012-01-01", "2012-12-31")),
    ("A 2014 study by Loyola Law School professor Justin Levitt found 31 incidents of voter impersonation.",
     "31", ("2014-01-01", "2014-12-31")),
    (("They cite the 2000 election in Florida, when the state incorrectly stated that about 12,000 registered "
      "voters were ex-cons and then purged them from the rolls."), "about 12,000", ("2000-01-01", "2000-12-31")),
    # ... but not a figure of another thing it stands near
    (("President-elect Ebrahim Raisi on Monday backed talks between Iran and six world powers to revive a 2015 "
      "nuclear deal but flatly rejected meeting U.S. President Joe Biden."), "six", ("2016-09-26", "2016-09-26")),
    # ... also an event a date would name: a year before it dates it
    (("“American Skin (41 Shots)” was written by Springsteen after the 1999 shooting death of Guinea immigrant "
      "Amadou Diallo, who was shot at 41 times by four plain-clothes NYPD officers."), "four",
     ("1999-01-01", "1999-12-31")),
    # a deadline right after a figure and its noun makes it a target: from publication to the deadline
    (("She is proposing marquee projects like installing 500 million solar panels by 2020 and giving states and "
      "cities $60 billion to invest in energy-efficient public transportation."), "500 million",
     ("2016-09-26", "2020-12-31")),
    # "as of 2008" is that year
    (("America’s prison population stood at 200,000 in 1972 and has since exploded to hold a record of 2.3 million "
      "inmates as of 2008, according to the NAACP."), "2.3 million", ("2008-01-01", "2008-12-31")),
    # "by 1991", wholly before publication, is a point reached, not a deadline ahead
    (("Mr. Trump’s company was left holding some $8.8 billion in debt, causing his personal net worth to drop to a "
      "low of about $1 billion in the red by 1991, the Times wrote."), "about $1 billion", ("1991-01-01", "1991-12-31")),
])
def test_years_of_full_articles_date_their_figures(text, figure, period):
    assert periods(text, "2016-09-26")[figure][:2] == period


def test_a_year_before_a_plural_noun_is_a_count_not_a_date():
    assert find_time_expressions("It sent the 2000 troops home.", WEDNESDAY) == []
    assert only("It was the 2000 election.").date_start == date(2000, 1, 1)


@pytest.mark.parametrize(("text", "published", "figure", "period"), [
    # a time after "because" dates that clause, not the figure before it
    (("The dispute centers on Ohio's removal of perhaps tens of thousands of voters from registration lists because "
      "they did not respond to queries seeking to confirm their address and have not voted since 2008."),
     "2016-09-25", "tens of thousands of", ("2016-09-25", "2016-09-25")),
    # a figure in a leading "Though ..." clause is not dated by the main clause
    (("Though he has given more than $60 million to his campaign, he established a fundraising pact with the "
      "Republican National Committee in May."), "2016-09-23", "more than $60 million", ("2016-09-23", "2016-09-23")),
    # a figure after ", even though" is not dated by the clause before it, nor by a period carried from before: its
    # sentence named a time of its own
    (("Mitt Romney released his returns in 2012, even though they exposed his foreign bank accounts. Hillary Clinton "
      "released her returns this year, even though they disclosed the unseemly specter of her husband making millions "
      "of dollars from a for-profit university."), "2016-09-08", "millions of dollars", ("2016-09-08", "2016-09-08")),
])
def test_clauses_of_full_articles_keep_their_times(text, published, figure, period):
    assert periods(text, published)[figure][:2] == period


@pytest.mark.parametrize(("sentence", "published", "day"), [
    # the US general election, the Tuesday after the first Monday of November, the nearest one to publication
    ("Republicans picked up 63 seats in the House in the November midterm election, but pressure mounted.",
     "2010-12-12", date(2010, 11, 2)),
    ("encouraging his supporters to visit polling locations on Election Day to make sure everything is fine",
     "2016-09-30", date(2016, 11, 8)),
])
def test_election_day(sentence, published, day):
    span = only(sentence, published)
    assert (span.date_start, span.date_end) == (day, day)


def test_a_vague_amount_takes_no_period_carried_from_before():
    found = periods("Last weekend, Mr. Huckabee used his television and radio programs, as well as Facebook, to help "
                    "organize an appreciation day for Chick-fil-A on Wednesday.\n\nMore than 650,000 people signed up "
                    "to participate, and tens of thousands “liked” photos of packed restaurants.", "2012-08-01")
    assert found["tens of thousands"][:2] == ("2012-08-01", "2012-08-01")
