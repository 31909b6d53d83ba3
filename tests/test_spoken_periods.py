"""Periods read from who speaks and in which tense (`research.claims.periods`), on real paragraphs of the development
golds: the day a speaker spoke dates the figures of the quotation that follows (`quote_days`), and a forecast goes on
with an earlier period only when told in the past (`narrated_forecast`)."""

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


# AllSides roundup 6064 (choose), published 7 May 2021; PolNeAR USA Today, 22 September 2016 (holdout-6-full).
FORECASTERS = ("The economy added far fewer jobs than expected in April, just 266,000, and the unemployment rate rose "
               "slightly to 6.1%, the Bureau of Labor Statistics reported Friday.\n\nForecasters had anticipated that "
               "the economy would add nearly 1 million nonfarm payroll jobs.")
DONORS = ("The top super PAC donors of the 2012 election, billionaire casino magnate Sheldon Adelson and his wife, "
          "Miriam, have just begun to spend, directing a combined $20 million last month to a super PAC working to "
          "preserve the Republicans' narrow majority in the Senate.\n\nAdelson is joining forces with TD Ameritrade "
          "founder J. Joe Ricketts to help fund Future45. Adelson has committed $5 million, and the Ricketts family "
          "will donate $1million.")


def test_a_forecast_told_in_the_past_goes_on_with_the_period_named_before_it():
    found = periods(FORECASTERS, "2021-05-07T09:00:00-04:00")
    assert found["nearly 1 million"][:2] == ("2021-04-01", "2021-04-30")


def test_a_forecast_told_in_the_present_is_as_of_publication():
    assert periods(DONORS, "2016-09-22T06:00:00-04:00")["$1million"] == ("2016-09-22", "2016-09-22", "")
