from research.story.pieces import counts_on_previous

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
