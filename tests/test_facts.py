"""The fact rule: which sentences state a fact an outlet can be held to carrying or leaving out."""

import pytest

from research.story.facts import FACT_KINDS, fact_kind, sentence_names

PUBLISHED = "2021-08-06T12:00:00"


@pytest.mark.parametrize(("sentence", "kind"), [
    # a figure, a date or a length of time
    ("North Korea has 1.2 million troops, one of the largest standing armies in the world.", "figure"),
    ("“I gave his daughter the flag,” said his wife, Sheraine Lathon, 69, of Richton Park.", "figure"),
    ("A ruling is expected between Halloween and Thanksgiving.", "date"),
    ("It was 29 days old.", "figure"),
    ("The payroll increase was the best since August last year.", "date"),
    # a quotation of four words or more, also the end of one opened in an earlier sentence
    ("But the company said there was \"no evidence that user data was compromised\".", "quotation"),
    ("This is an average case about average guns used in average ways for average purposes.”", "quotation"),
    # a named actor doing something
    ("Brooke Rollins, the CEO of America First Policy Institute, was one of many to try.", "named actor"),
    ("He was buried alongside other veterans in Abraham Lincoln National Cemetery in Elwood.", "named actor"),
    ("One complaint alleges that Facebook's Instagram harms teenage girls.", "named actor"),
    # comments, transitions and metaphors: no fact
    ("Kabul was merely the last domino to fall.", ""),
    ("Here is a look at how he is being remembered:", ""),
    ("Make no mistake that he was.", ""),
    ("Cubans are used to being endlessly patient and inventive in the face of shortages.", ""),
    ("Now, as uncertainty grows, there are burgeoning suspicions that the media overstepped their mark.", ""),
    ("The big picture: Anything short of total failure could have a transformative impact.", ""),
    ("The so-called \"deal\" fell apart.", ""),  # a phrase in quotation marks is no quotation
    # a transition that announces the next sentence, though it names an actor doing something
    ("One Facebook user who lives near Austin, Tex., posted this status update:", ""),
    # the writer arguing in their own voice, though with a figure, a date or a name
    ("This is why President Biden’s $2 trillion green infrastructure proposal was relatively uncontroversial.", ""),
    (("If you were lucky enough to get off the Internet for any extended period of time early last summer, you "
      "probably would have had no idea that cities across the country were being consumed by political violence."), ""),
    ("Yeah - he comes off as a jerk, but...when in Rome.", ""),
    # the same opening inside a quotation is someone's words reported
    ("“Make no mistake, this evacuation mission is dangerous,” Biden said.", "quotation"),
    # someone's words with a date: a quotation, the kind a reader checks first (FACT_KINDS order)
    ("“We will not take lessons from anyone on our history,” the minister tweeted on Saturday.", "quotation"),
    # a colon inside the sentence announces nothing
    ("Context: In May, a criminal group breached the Colonial Pipeline.", "date"),
])
def test_fact_kind(sentence, kind):
    assert fact_kind(sentence, PUBLISHED) == kind
    assert kind == "" or kind in FACT_KINDS


def test_names_are_capitalised_words_other_than_an_opening_word():
    assert sentence_names("Kabul was merely the last domino to fall.") == []  # an opening word alone
    assert sentence_names("North Korea has 1.2 million troops.") == ["North", "Korea"]  # a name opens it
    assert sentence_names("On Monday, Mr. Reid said the mosque should be built elsewhere.") == ["Reid"]
    assert sentence_names("Yes, but: Legal experts expect challenges.") == []  # a clause after a colon opens too
    assert sentence_names("“We are on the verge,” community leader Nhlanhla Lux told the Financial Times.") == [
        "Nhlanhla", "Lux", "Financial", "Times"]
