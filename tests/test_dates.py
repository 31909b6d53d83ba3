import pytest

from research.text.dates import find_time_expressions
from research.text.pagedates import find_page_date, has_date


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Oct. 23, 2024, 6:55 a.m. ET", "2024-10-23T06:55:00-04:00"),  # EDT in October
        ("Jan. 5, 2024, 6:55 p.m. ET", "2024-01-05T18:55:00-05:00"),  # EST in January
        ("- The Washington Times - Wednesday, October 23, 2024", "2024-10-23"),
        ("October 23, 2024", "2024-10-23"),
        ("Published 23 October 2024", "2024-10-23"),
        ("By CNBC (U.S.) | Created at 2024-10-23 13:35:02 | Updated at 2024-10-23 15:19:47", "2024-10-23T13:35:02"),
        ("2024-10-23T13:35:02Z", "2024-10-23T13:35:02+00:00"),
        ("Sept. 3, 2016 at 12:30 p.m. GMT", "2016-09-03T12:30:00+00:00"),
        ("Updated 12 a.m. on March 1st, 2020", "2020-03-01"),
    ],
)
def test_page_dates(line, expected):
    assert find_page_date(line) == expected


def test_no_date_and_impossible_dates():
    assert find_page_date("Published 2 days ago on") is None
    assert find_page_date("February 30, 2024") is None
    assert not has_date("3,000 North Korean troops")
    assert has_date("in June 19, 2024 photos")


def test_the_last_week_runs_up_to_publication_and_last_week_is_the_calendar_week():
    """"in the last week" is the seven days up to publication (as "the past week"); "last week" without the
    article is the Monday-Sunday week before publication's."""
    def spans(text):
        return [(t.text, str(t.date_start), str(t.date_end)) for t in find_time_expressions(text, "2021-08-05T07:00:00-07:00")]
    assert spans("Daily new COVID-19 cases have risen by more than 50 percent in the last week alone.") == [
        ("in the last week", "2021-07-29", "2021-08-05")]
    assert spans("Daily new COVID-19 cases rose by more than 50 percent last week.") == [
        ("last week", "2021-07-26", "2021-08-01")]


def test_the_first_months_of_a_year_count_from_its_start():
    """"the first few months of 2021" runs from January 1 to publication (a few is no count); "the first three
    months of the year" is January to March."""
    def spans(text):
        return [(t.text, str(t.date_start), str(t.date_end)) for t in find_time_expressions(text, "2021-06-01T10:00:00-07:00")]
    assert spans("Across 33 states, more than 100 anti-transgender bills have been introduced just in the first few "
                 "months of 2021.") == [("in the first few months of 2021", "2021-01-01", "2021-06-01")]
    assert spans("Sales rose in the first three months of the year.") == [
        ("in the first three months of the year", "2021-01-01", "2021-03-31")]


def test_a_named_war_spans_its_years():
    """Historical figures take their era's years (the gold's convention): "during World War II" is 1939-1945."""
    found = find_time_expressions("Rep. Marjorie Taylor Greene (R-Ga.) on Monday apologized for comparing COVID-19 "
                                  "vaccine and mask rules to the Holocaust, declaring that \"there is no comparison\" "
                                  "between the safety measures and the genocide of 6 million Jews during World War II.",
                                  "2021-06-14T18:45:00-07:00")
    assert [(t.text, str(t.date_start), str(t.date_end)) for t in found][-1] == (
        "during World War II", "1939-01-01", "1945-12-31")


def test_a_range_of_years_from_one_to_another_spans_them():
    """"from 1965 to 1970" (a BASIL NYT sentence) is the six years, not 1965 alone; "between 2003 and 2009" too."""
    def spans(text):
        return [(t.text, str(t.date_start), str(t.date_end)) for t in find_time_expressions(text, "2010-05-17")]
    assert spans("He obtained at least five military deferments from 1965 to 1970 and took repeated steps that "
                 "enabled him to avoid going to war, according to records.") == [
        ("from 1965 to 1970", "1965-01-01", "1970-12-31")]
    assert spans("He was described as a veteran in articles published between 2003 and 2009.") == [
        ("between 2003 and 2009", "2003-01-01", "2009-12-31")]


def test_years_ago_name_a_calendar_year_and_a_year_ago_a_day():
    """"two years ago" (a BASIL NYT sentence on a 2008 election) is that calendar year; "a year ago" stays the day
    a year back, the point a year-on-year change is measured from."""
    def spans(text):
        return [(t.text, str(t.date_start), str(t.date_end)) for t in find_time_expressions(text, "2010-06-15")]
    assert spans("He won two years ago by 36 percentage points, and Mr. Obama carried his district by 6 percent.") == [
        ("two years ago", "2008-01-01", "2008-12-31")]
    assert spans("Prices were up 4.2 percent from a year ago.") == [("a year ago", "2009-06-15", "2009-06-15")]


def test_a_length_of_time_before_or_after_a_date_moves_it_whatever_precedes_the_length():
    # a PolNeAR train sentence that raised an error while the length's span opened on the space before it
    spans = find_time_expressions("MacGyver, the crafty secret agent, is returning to CBS three decades after his "
                                  "1985 debut.", "2016-05-17")
    assert [(s.text.strip(), s.kind, str(s.date_start)) for s in spans] == [("three decades after his 1985", "date",
                                                                              "2015-12-31")]
