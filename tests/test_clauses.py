"""Which clause a figure belongs to (`research.claims.clauses`), on real sentences of the development golds."""

from test_quantities import periods

from research.claims.clauses import relative_after_verb

# AllSides roundup 6024 (holdout-dev), published 20 May 2021; PolNeAR nyt_2016-09-08 (polnear-dev).
TRUCE = ("A cease-fire between Israel and Hamas took effect early Friday morning, hours after both sides agreed to end "
         "more than 10 days of fighting that had claimed hundreds of lives.")
CLEAN_POWER = ("In 2014, Mr. Obama unveiled the first draft of what would become the Clean Power Plan: a set of Clean "
               "Air Act rules that could lead to the closing of hundreds of coal-fired power plants.")
# AllSides 5746 (holdout-4) and 5668 (choose): a relative clause right after the time modifies what the time dates.
AIRPORT = ("The U.S. has warned that more attacks, like the one last week outside the airport that killed nearly 200 "
           "people, are likely.")
HOMICIDES = "The data show 21,570 homicides in the U.S. in 2020, which is a staggering 4,901 more than in 2019."


def test_a_relative_clause_after_another_verb_holds_the_figure():
    assert relative_after_verb(TRUCE, TRUCE.index(" morning") + 8, TRUCE.index("hundreds"))
    assert relative_after_verb(CLEAN_POWER, CLEAN_POWER.index(","), CLEAN_POWER.index("hundreds"))


def test_a_relative_clause_right_after_the_time_or_a_that_clause_of_saying_does_not():
    assert not relative_after_verb(AIRPORT, AIRPORT.index(" outside"), AIRPORT.index("nearly"))
    assert not relative_after_verb(HOMICIDES, HOMICIDES.index(", which"), HOMICIDES.index("4,901"))
    said = "The Labor Department said Friday that employers added 943,000 jobs in the month."
    assert not relative_after_verb(said, said.index(" that"), said.index("943,000"))


def test_a_time_does_not_date_a_figure_of_a_relative_clause_opened_after_another_verb():
    assert periods(TRUCE, "2021-05-20T09:00:00-04:00")["hundreds of"] == ("2021-05-20", "2021-05-20", "")
    assert periods(CLEAN_POWER, "2016-09-08T09:00:00-04:00")["hundreds of"] == ("2016-09-08", "2016-09-08", "")
    found = periods(HOMICIDES, "2021-09-27T09:00:00-04:00")
    assert found["4,901"][:2] == ("2020-01-01", "2020-12-31")
