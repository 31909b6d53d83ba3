import pandas as pd

from research.story.pieces import counts_on_previous, leaning, units

# Sentences of PolNeAR's train split (2016 election news) stated as "only" findings and judged wrong, rounds 9-10
# (benchmarks/judged_elements.jsonl): alone, none says who or what its subject is.
PIECES = [
    "Everyone else combined for 39 percent.",  # huff-post: after "Cruz, Trump and Carson ... took a combined 61 percent"
    "More than a dozen others also were shot.",  # breitbart: after the shooting of Giffords
    # wash-post: after "One would be something like DFA."
    ('Another would be a more traditional leadership PAC, while a third would be what Sroka called a "let a thousand '
     'flowers bloom" approach'),
]
# Sentences of the same kind of opening that name their own subject, or whose pronoun a reader of the story
# resolves: "only" findings judged right (Timeline17 H1N1 coverage, rounds 6-8; AllSides, round 4), kept.
OWN_SUBJECT = [
    "It brings the UK total to 508 .",
    "These result in 150,000 hospitalisations and 30,000 to 40,000 deaths .",
    "It will spend $ 251m to buy 13 million more courses of flu medicine .",
    "They're about 30% higher than they were in February 2020, right before the pandemic.",
]


def test_a_subject_that_counts_on_the_sentence_before_is_a_piece():
    assert all(counts_on_previous(sentence) for sentence in PIECES)
    assert not any(counts_on_previous(sentence) for sentence in OWN_SUBJECT)


def test_a_determiner_with_a_noun_of_its_own_is_no_piece():
    # the tagger reads "Another" before a verb as standing for a noun of the sentence before, before a noun as
    # the determiner of the sentence's own subject
    assert counts_on_previous("Another would be a more traditional leadership PAC.")
    assert not counts_on_previous("Another poll showed Clinton ahead by 5 points.")
    assert not counts_on_previous("Another 30 people were hurt.")
    # "others" as the object is no subject of the sentence (huff-post, PolNeAR train)
    assert not counts_on_previous("The video that is circulating features two others that could prove embarrassing "
                                  "to the former secretary of state")


# A Fox News paragraph of BASIL dev (2012, Ryan on how he and Romney bonded): a quotation told over four sentences,
# its speaker named only as "he" in the first.
RYAN = ["“We spent about five days on the road, five working hour or so days,” he said.",
        ("“And in between all of those stops, driving from, you know, Appleton to Green Bay to Janesville to Milwaukee, "
        "we got to know each other."),
        "We conversed on policy issues, on where to take the country.",
        ("And sooner or later, we basically started sharing the microphones at these town hall meetings and we just kind "
        "of developed a chemistry with one another and a mutual understanding with each other.”")]
# A Washington Post paragraph of PolNeAR train: a pronoun only the sentence before resolves.
WARD = [("In Arizona, Kelli Ward, a pro-Trump primary challenger, had been trying to oust Sen. John McCain, whose war "
        "heroism Trump famously belittled, with a \"defeat the establishment\" theme like Trump's."),
        "She lost by 13 points."]
# Sentences that lean on nothing: a quotation naming its speaker (the Guardian, Timeline17), whose "It" is the
# speaker's own; a fact whole (Breitbart, PolNeAR train) after a sentence on another point.
STANDING = ["With fears of an immediate global pandemic fading, Japan also relaxed rules.",
            ("“It is important to make it possible for the local government to respond flexibly, depending on the "
            "situation of the region,” the prime minister, Taro Aso, said."),
            "Still, Sanders continues to trail Clinton by more than 300 delegates."]


def test_how_a_sentence_leans_on_the_one_before():
    # the quotation goes on with no speaker of its own: all quotation after "he said", then inside the quotation
    assert leaning(RYAN) == ["", "speaker", "quotation", "quotation"]
    assert leaning(WARD) == ["", "reference"]
    assert leaning(["Cruz, Trump and Carson took a combined 61 percent of the vote.", PIECES[0]]) == ["", "set"]
    # "Still" joins, but a quotation's "It" is the speaker's and a named speaker stands alone
    assert leaning(STANDING) == ["", "", "reference"]
    assert leaning(STANDING[:2]) == ["", ""]
    assert leaning(["She lost by 13 points."]) == [""]  # a paragraph's first sentence leans on nothing


def test_units_number_the_pieces_from_their_head():
    texts = RYAN + STANDING[:2]
    passages = pd.DataFrame({"passage_id": [f"p{k}" for k in range(len(texts))], "article_id": "a",
                             "block_id": [1] * len(RYAN) + [2, 2], "start": range(len(texts)), "text": texts})
    table = units(passages)
    assert table["unit_position"].tolist() == [0, 1, 2, 3, 0, 0]
    assert table["head_passage_id"].tolist() == ["p0", "p0", "p0", "p0", "p4", "p5"]
