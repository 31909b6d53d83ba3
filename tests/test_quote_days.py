"""The day a speaker spoke dates the figures of the quotation that follows (`research.claims.periods.quote_days`),
on real paragraphs of the development golds."""

from test_quantities import periods

# AllSides roundup 5852 (holdout-4), published Monday 19 July 2021.
PSAKI = ("On Thursday, White House Press Secretary Jen Psaki singled out a dozen specific anti-vaccine Facebook "
         "accounts and called on the platform to ban them.\n\n\"There's about 12 people who are producing 65 percent "
         "of vaccine misinformation on social media platforms,\"\xa0said Psaki.")
# BASIL (full-dev), published Wednesday 1 December 2010: a day after a modal verb is no day anyone spoke.
CLOTURE = ("If it happens tonight, any of the bills could come before the Senate for a vote on proceeding to full "
           "debate as soon as Friday or possibly early next week.\n\n\"I intend to file cloture this week on the 9/11 "
           "health bill. I'll file cloture on all three of these at the same time.\"")


def test_a_quotation_is_as_of_the_day_its_speaker_spoke_whatever_its_tense():
    found = periods(PSAKI, "2021-07-19T10:00:00-04:00")
    assert found["about 12"] == found["65 percent"] == ("2021-07-15", "2021-07-15", "On Thursday")


def test_a_day_after_a_modal_verb_dates_no_quotation():
    assert periods(CLOTURE, "2010-12-01T12:00:00-05:00")["three"][:2] == ("2010-12-01", "2010-12-01")
