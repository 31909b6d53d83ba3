"""Which clause a time phrase and a figure belong to (`research.claims.time_clauses`), on real sentences of the
development golds."""

from types import SimpleNamespace

from test_quantities import periods

from research.claims.time_clauses import acted_by_name, relative_after_verb

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


# AllSides roundup 6032 (choose), published 18 May 2021; 5886 (holdout-dev), published 7 July 2021.
HIRONO = ("Sen. Mazie Hirono (D-Hawaii) introduced the Covid-19 Hate Crimes Act in March after attacks against Asian "
          "Americans increased after the coronavirus emerged in China. Just five days after Hirono introduced the "
          "legislation, eight people were killed — including six women of Asian descent.")
OPENINGS = ("Job openings remained at a historic high in May, more evidence that workers are in high demand as the "
            "economy bounces back from the pandemic. Openings reached 9.2 million, according to the Labor Department.")


def test_a_sentence_telling_what_a_named_actor_did_names_no_period_for_later_figures():
    assert acted_by_name(HIRONO.split(". ")[0], [])
    found = periods(HIRONO, "2021-05-18T12:00:00-04:00")
    assert found["eight"] == found["six"] == ("2021-05-18", "2021-05-18", "")


def test_a_sentence_about_a_measure_or_opened_by_its_time_still_does():
    assert not acted_by_name(OPENINGS.split(". ")[0], [])
    assert periods(OPENINGS, "2021-07-07T10:00:00-04:00")["9.2 million"][:2] == ("2021-05-01", "2021-05-31")
    framed = "Last week, Republicans on the House Financial Services Committee approved a bill."
    assert not acted_by_name(framed, [SimpleNamespace(start=0, end=9)])
