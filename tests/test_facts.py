"""The fact rule: which sentences state a fact an outlet can be held to carrying or leaving out."""

import pytest

import research
from research.claims.quantities import find_quantities
from research.corpus import datasets
from research.story.facts import FACT_KINDS, addresses_reader, exhorts, fact_kind, sentence_names

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
    # the page talking to its reader, though with a figure or a name
    ("Visit BBC Webwise for full instructions.", ""),
    ("For advice, call the helpline on 0800 151 3513 or 1-800-232-4636.", ""),
    (("Unprecedented scenes took place across the island, although you would have been excused if you thought "
      "you were watching protests anywhere else in Latin America."), ""),
    # "you" in someone's words is no address to the reader
    ("“You can’t let this happen again,” Biden told the governors at the White House.", "quotation"),
    ("You can’t let this happen again,” Biden told the governors on Monday.", "quotation"),
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


def _sentence(articles, article_id: str, piece: str) -> str:
    """The sentence passage of `article_id` holding `piece`, as the package splits it."""
    chosen = articles[articles["article_id"].astype(str) == article_id]
    passages = research.split_passages(research.split_blocks(chosen))
    return passages.loc[passages["text"].str.contains(piece, regex=False), "text"].iloc[0]


def test_a_comment_box_glued_to_the_text_is_no_fact(data_dir):
    # a HuffPost live blog saved with its comment box (PolNeAR train, huff-post_2016-02-07): the buttons, the
    # moderator's name and the time run into the entry, whose date reads as a figure
    widget = "FlagShareLikeReplyPaige Lavender 5ptsmoderatorFeaturedFebruary 6, 2016 10:42PMBernie: SMH"
    assert fact_kind(widget) == "" and fact_kind(widget.split("Lavender ")[1]) != ""
    # names run together are no widget: the polling averages PolNeAR dev cites stay figures
    texts = datasets.read_polnear(data_dir / "polnear_dev")["text"]
    for name in ("RealClearPolitics", "FiveThirtyEight"):
        sentence = next(s for t in texts for s in t.replace("\n", " ").split(". ") if name in s)
        assert fact_kind(sentence + ".") == "figure", sentence


def test_a_hover_card_glued_to_the_text_is_no_fact():
    # AllSides bias corpus, The Hill, 24 June 2020: a senator's hover card (full name, nickname, then the headlines
    # of other stories) runs into the sentence, whose figures are the other stories'
    card = ("A growing number of Democrats, including Senate Democratic Whip Dick Durbin Richard (Dick) Joseph "
            "DurbinMcCarthy calls for police reform conference ahead of vote Senate panel votes 21-1 to back Justice IG "
            "measure over Graham objections Police reform in limbo after Senate setback MORE (Ill.), will vote against "
            "proceeding to the bill on Wednesday.")
    assert fact_kind(card) == ""
    assert fact_kind("Sen. Richard (Dick) Durbin said 21 senators would vote against the bill on Tuesday.") != ""


def test_a_live_blogs_words_to_its_reader_are_no_fact(data_dir):
    articles = datasets.read_timeline17(data_dir / "timeline17_dev")[0]
    # a Guardian live blog saved as one paragraph: the helpline notice sits inside the body, so no block rule
    # takes it for page chrome; its number reads as a figure
    blog = articles[articles["text"].str.contains("You can call it on 08001513513", regex=False)]
    call = _sentence(blog, str(blog["article_id"].iloc[0]), "08001513513")
    assert any(q.value == q.value for q in find_quantities(call))
    assert addresses_reader(call) and fact_kind(call) == ""
    # the BBC's comment notice names an actor doing something
    page = articles[articles["text"].str.contains("may edit your comments", regex=False)]
    notice = _sentence(page, str(page["article_id"].iloc[0]), "may edit your comments")
    assert addresses_reader(notice) and fact_kind(notice) == ""
    # the Guardian's print-edition note, glued to the end of an article saved as one paragraph, is page material
    footer = articles[articles["text"].str.contains("A version appeared on p1 of the Main section", regex=False)]
    note = _sentence(footer, str(footer["article_id"].iloc[0]), "A version appeared on p1")
    assert fact_kind(note) == ""
    # the same blog's quotations with "you" are someone's words: still facts
    quoted = _sentence(blog, str(blog["article_id"].iloc[0]), "not as cool as the fist bump")
    assert not addresses_reader(quoted) and fact_kind(quoted) == "quotation"


def test_a_question_states_no_fact():
    # judged findings: a rally's rhetorical questions and an interviewer's question, quoted (round 14's kind)
    for question in ("What did they do to reactionaries?", "Do you want to fight against the revolution?",
                     "“Is she good for the caucus?” Blackwell asked.", "Who can guarantee you happiness?“"):
        assert fact_kind(question) == "", question
    # a reported question with a figure, and a figure after a question in one sentence, still state one
    assert fact_kind("The senator asked whether 3,000 troops would stay in Syria.") == "figure"
    assert fact_kind("“We will win 12 states,” he said.") == "figure"


def test_words_that_only_urge_state_no_fact(data_dir):
    # judged findings (rounds 4-14): a speaker urging, with no one named and no figure in the words
    for urging in ("“We need to do this,” Favola added.", "“We ought not to forget history.",
                   "`` We have to be very careful .", "`` We may need to look at that advice . ''"):
        assert exhorts(urging) and fact_kind(urging) == "", urging
    # Timeline17 (Reuters): the same, as the package splits the page
    articles = datasets.read_timeline17(data_dir / "timeline17_dev")[0]
    careful = _sentence(articles, "reuters_961", "We should not jump to conclusions")
    assert fact_kind(careful) == ""
    # kept (judged findings of rounds 11-12): words that name someone, a pledge that urges nothing
    assert fact_kind("\"We should also ask BHO to do more in light of this,\" he added.") == "quotation"
    assert fact_kind("“We now will take this fight state by state to challenge and repeal other laws across the "
                     "country,” said Cecile Richards.") == "quotation"
    # Timeline17 (Reuters): urging that names the virus and counts the laboratories (97 countries) states a fact
    monitor = _sentence(articles, "reuters_489", "We need to monitor the virus")
    assert fact_kind(monitor) == "figure"
