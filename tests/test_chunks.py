"""The tagger and chunker over real news sentences: offsets into the text, Penn tags, noun phrases."""

from research.text.chunks import noun_phrases, tag_words

# From the seeds (AP, 23 Oct 2024) and an AllSides jobs excerpt.
SEED = "What the soldiers are doing is “left to be seen,” the U.S. defense secretary said."
JOBS = "Initial jobless claims fell by 34,000 to 712,000 in the week ended Feb. 6, the Labor Department said."


def test_tokens_keep_their_offsets_into_the_text():
    for text in (SEED, JOBS):
        for token in tag_words(text):
            assert text[token.start:token.end] == token.word


def test_numbers_abbreviations_and_curly_quotes_are_single_tokens_with_penn_tags():
    tags = {token.word: token.pos for token in tag_words(JOBS)}
    assert tags["34,000"] == "CD" and tags["claims"] == "NNS" and tags["said"] == "VBD" and tags["Feb."] == "NNP"
    seed = tag_words(SEED)
    assert [token.pos for token in seed if token.word in "“”"] == ['"', '"']
    assert [token.word for token in seed if token.word.startswith("U")] == ["U.S."]


def test_noun_phrases_are_the_chunks_that_name_what_a_sentence_is_about():
    assert [JOBS[a:b] for a, b in noun_phrases(JOBS)] == [
        "Initial jobless claims", "the week", "Feb.", "the Labor Department"]
    assert "the U.S. defense secretary" in [SEED[a:b] for a, b in noun_phrases(SEED)]
