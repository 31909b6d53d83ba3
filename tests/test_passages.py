import pytest

import research
from research.text.sentences import sentence_spans


def sentences(text):
    return [text[s:e] for s, e in sentence_spans(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Lt. Gen. Kyrylo Budanov told the U.S. publication The War Zone. Then he left.",
     ["Lt. Gen. Kyrylo Budanov told the U.S. publication The War Zone.", "Then he left."]),
    ("Mr. Austin told reporters in Rome. “Left to be seen.” He gave no details.",
     ["Mr. Austin told reporters in Rome.", "“Left to be seen.”", "He gave no details."]),
    ("Oct. 23, 2024, 6:55 a.m. ET was the time. Next.", ["Oct. 23, 2024, 6:55 a.m. ET was the time.", "Next."]),
    ("He met Sen. JD Vance in Washington, D.C. on Monday. Then he left.",
     ["He met Sen. JD Vance in Washington, D.C. on Monday.", "Then he left."]),
    ("North Korea has 1.2 million troops. It has not fought since the 1950-53 Korean War.",
     ["North Korea has 1.2 million troops.", "It has not fought since the 1950-53 Korean War."]),
    ("David E. Sanger covers the administration. He writes books.",
     ["David E. Sanger covers the administration.", "He writes books."]),
    ("The troops went to the U.S. The next day they left.", ["The troops went to the U.S.", "The next day they left."]),
    # a plural title (AllSides 5794), a party and state in brackets (BASIL), a lower-case piece after an
    # abbreviation Punkt does not know (AllSides 5722, 6050), a closing bracket after one (AllSides 6000)
    (("The measure — negotiated by a group of 22 bipartisan lawmakers led by Sens. Kyrsten Sinema (D-Ariz.) and Rob "
      "Portman (R-Ohio) — includes $550 billion in new spending."),
     [("The measure — negotiated by a group of 22 bipartisan lawmakers led by Sens. Kyrsten Sinema (D-Ariz.) and "
       "Rob Portman (R-Ohio) — includes $550 billion in new spending.")]),
    ("Rep. Joe Sestak (D-Penn.) was offered a prominent but uncompensated, advisory position.",
     ["Rep. Joe Sestak (D-Penn.) was offered a prominent but uncompensated, advisory position."]),
    (("It could make it tougher for Biden to muscle moderates such as Sens. Kyrsten Sinema (Ariz.) and Joe Manchin "
      "(W.Va.) who are balking at the $3.5 trillion cost."),
     [("It could make it tougher for Biden to muscle moderates such as Sens. Kyrsten Sinema (Ariz.) and Joe "
       "Manchin (W.Va.) who are balking at the $3.5 trillion cost.")]),
    ("Economists had expected the C.P.I. to rise 3.6 percent over the year. Prices rose.",
     ["Economists had expected the C.P.I. to rise 3.6 percent over the year.", "Prices rose."]),
    ("GOP Sens. Lisa Murkowski (Alaska), Bill Cassidy (La.), Rob Portman (Ohio) and Ben Sasse (Neb.) broke ranks.",
     [("GOP Sens. Lisa Murkowski (Alaska), Bill Cassidy (La.), Rob Portman (Ohio) and Ben Sasse (Neb.) broke "
       "ranks.")]),
    # a state after a town still ends a sentence before a capital; a lower-case brand name opens one
    ("He went to Springfield, Ill. The next day he left.", ["He went to Springfield, Ill.", "The next day he left."]),
    ("eBay rose. iPhone sales fell.", ["eBay rose.", "iPhone sales fell."]),
    # informal prose opening a sentence in lower case after an ordinary word (a Timeline17 reader's comment)
    ("i love my sister , really . sometimes i do n't put up with her .",
     ["i love my sister , really .", "sometimes i do n't put up with her ."]),
])
def test_sentence_splitting_handles_news_abbreviations(text, expected):
    assert sentences(text) == expected


def test_passages_keep_offsets_into_the_raw_text(seed_articles, seed_passages):
    raw = dict(zip(seed_articles["article_id"], seed_articles["text"]))
    assert all(raw[a][s:e] == t for a, s, e, t in
               seed_passages[["article_id", "start", "end", "text"]].itertuples(index=False))
    assert seed_passages["passage_id"].is_unique
    assert list(seed_passages.columns) == ["article_id", "passage_id", "block_id", "unit", "start", "end",
                                           "role", "truncated", "text"]
    assert not seed_passages["truncated"].any()  # pages are never cut by a feed


def test_body_sentences_of_the_seeds(seed_passages):
    body = seed_passages[seed_passages["role"] == "body"]
    assert body.groupby("article_id").size().tolist() == [32, 50, 34, 13, 33]
    cnbc = body[body["article_id"] == "001_82a9f5469afd3e09"]["text"].tolist()
    assert any(t.startswith("Lt. Gen. Kyrylo Budanov, the head of Ukraine's Main Directorate") for t in cnbc)


def test_paragraph_unit_and_role_filter(seed_blocks, seed_articles):
    paragraphs = research.split_passages(seed_blocks, unit="paragraph", roles=["body"])
    assert (paragraphs["role"] == "body").all()
    assert len(paragraphs) == (seed_blocks["role"] == "body").sum()
    assert paragraphs["passage_id"].str.contains(r":p\d{4}$").all()
    research.assert_accounted(seed_articles, seed_blocks, paragraphs)


def test_unknown_unit_is_refused(seed_blocks):
    with pytest.raises(ValueError, match="unit must be one of"):
        research.split_passages(seed_blocks, unit="word")


def test_every_body_character_is_in_a_sentence(seed_articles, seed_blocks, seed_passages):
    table = research.check_accounting(seed_articles, seed_blocks, seed_passages)
    assert (table["body_chars_in_passages"] == table["body_chars"]).all()


def test_abbreviation_after_an_opening_quote_does_not_end_a_sentence():
    text = "He left. “Mr. Austin told reporters,” she said. ‘Dr. Who’ ran. Then “Sen. Lee” spoke."
    assert sentences(text) == ["He left.", "“Mr. Austin told reporters,” she said.", "‘Dr. Who’ ran.",
                               "Then “Sen. Lee” spoke."]
