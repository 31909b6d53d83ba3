"""The subject a sentence's structure gives a figure the word rules leave without one (eleventh round, issue 18), each
on a real sentence of a development article that fails without it."""

from research.claims.ledger import _read_subject
from research.claims.quantities import find_quantities
from research.claims.structure import content_word, structural_subject


def read(text: str, figure: str) -> str:
    """The subject the ledger gives the figure that starts with `figure` in sentence `text`, with no figure before it."""
    quantity = next(q for q in find_quantities(text, "2016-10-04") if text[q.start:q.end].startswith(figure))
    return _read_subject(quantity, text, None)[0]


def test_a_figure_without_a_subject_counts_the_noun_phrase_after_its_of():
    # PolNeAR holdout-6-full (HuffPost, Politico, 2016) and AllSides holdout-4 (5820): a money figure or another figure
    # stands between "of" and the noun, or the noun phrase holds a second figure
    assert read("“You went on television to blame thousands of $12-an-hour” workers.", "thousands") == "workers"
    assert read("Nearly eight of 10 voters say they plan to tune in.", "Nearly eight") == "voters"
    assert read("About 74% of 469 COVID-19 cases associated with large gatherings held in Barnstable County, Mass., "
                "from July 3 to 17 were among fully vaccinated people.", "About 74%") == "COVID-19 cases"


def test_a_figure_after_a_verb_group_is_stated_of_the_subject_of_its_clause():
    # PolNeAR holdout-6-full (HuffPost, Politico) and development (NYT, 2016): after a copula, across a preposition,
    # after a modal; the word rules gave "every", which holds no content word
    assert read("Bonuses for bankers were $500 to $2,000 every three months, The Wall Street Journal reports.",
                "$500 to $2,000") == "Bonuses for bankers"
    assert read("The top 1 percent would see their after-tax incomes go up by as much as 19.9 percent, according to "
                "the conservative-leaning Tax Foundation.", "as much as 19.9 percent") == "after-tax incomes"
    assert read("If there is more than one child, these numbers could double, and if private colleges are under "
                "consideration, they may double again or more.", "double") == "numbers"


def test_the_agent_of_a_verb_that_acts_on_a_figure_is_not_what_it_counts():
    # PolNeAR development (NYT, 2016): "a country ... held thousands": the country holds them, it is not counted
    text = ("''This museum tells the truth that a country founded on the principles of liberty held thousands in "
            "chains,'' Mr. Bush declared.")
    start = text.index("thousands")
    assert structural_subject(text, start, start + len("thousands")) == ""


def test_the_word_rules_keep_every_subject_with_a_content_word():
    # AllSides (5618, 2021): the structure would give "Initial claims in regular state programs" too, but the word
    # rules' subject stands; "every" (a determiner) is no subject
    text = "Initial claims in regular state programs fell by 92,000 to 498,000 last week."
    assert read(text, "92,000") == "Initial claims in regular state programs"
    assert not content_word("every") and content_word("fully vaccinated")
