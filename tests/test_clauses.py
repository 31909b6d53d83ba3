"""The long subject of a reporting verb read from parts of speech (`research.claims.clauses`), on real sentences."""

import pytest

from research.claims.clauses import long_subject


def subject(sentence: str, verb: str) -> tuple[str, str] | None:
    found = long_subject(sentence, 0, sentence.index(verb))
    return (sentence[found[0]:found[1]], found[2]) if found else None


def test_a_subject_runs_from_the_sentence_start_past_participles_and_figures_to_its_verb():
    # PolNeAR holdout-6 (USA Today): a conjunction opens the sentence, a figure and a participle are in the subject
    sentence = ("But a 46-page suicide analysis released by the Department of Veterans Affairs last month reveals just "
                "how swift this current of self-destruction is flowing.")
    assert subject(sentence, " reveals") == (
        "a 46-page suicide analysis released by the Department of Veterans Affairs last month", "analysis")


def test_an_introductory_phrase_and_its_comma_open_no_subject():
    # PolNeAR dev (Western Journal)
    sentence = ("In 2013, research conducted by the Center for Media and Public Affairs found PolitiFact consistently "
                "rated Democrats higher in its fact-checking.")
    assert subject(sentence, " found") == ("research conducted by the Center for Media and Public Affairs", "research")


def test_a_relative_clause_set_off_by_commas_is_left_out_of_the_subject():
    # BASIL 005a2961 (Fox): the word reader took the clause for the speaker ("he will decide by June whether to run")
    sentence = ("Trump, who placed second in an NBC/ Wall Street Journal poll of potential 2012 Republican candidates, "
                "said he will decide by June whether to run.")
    assert subject(sentence, " said") == ("Trump", "Trump")


@pytest.mark.parametrize(("sentence", "verb"), [
    # BASIL (Washington Post): "beamed" is a verb, the stretch ends in "and", not a noun
    ("Scott beamed and asked the crowd to welcome the governor.", " asked"),
    # BASIL (Huffington Post): a participle with an object is a verb in the past ("show" is a noun here)
    ("In June, the magazine portrayed Mitt Romney as one of the stars of the Broadway show.", " show"),
    # AllSides 5616-left (choose): the committee's members are counted, the subject is cut from the count
    ("All 19 members of the committee supported authorizing a 50-microgram booster dose.", " supported"),
    # AllSides 6068-left (choose): "estimate" is a cue word of its own
    ("The median estimate in a Bloomberg survey of economists called for 538,000 claims.", " called"),
])
def test_a_stretch_with_a_verb_a_count_or_a_cue_word_before_the_head_is_no_long_subject(sentence, verb):
    assert subject(sentence, verb) is None
