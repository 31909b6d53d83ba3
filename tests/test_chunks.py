"""The tagger and chunker over real news sentences: offsets into the text, Penn tags, noun phrases."""

from research.text.chunks import noun_phrases, tag_words, tokens_within

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


def test_a_huge_sentence_is_tagged_in_pieces_cut_at_clause_marks_with_the_same_tags():
    # A page that lost its full stops gives one sentence of thousands of tokens; the chunker's time grows with the
    # square of what it reads at once, so it reads pieces, cut after a comma or semicolon.
    huge = "; ".join([JOBS.rstrip(".")] * 120) + "."
    tagged = tag_words(huge)
    assert len(tagged) > 2000
    one = [(token.word, token.pos, token.chunk) for token in tag_words(JOBS.rstrip(".") + ";")][:-1]
    for copy in (0, 60, 119):
        start = copy * (len(one) + 1)
        assert [(token.word, token.pos, token.chunk) for token in tagged[start:start + len(one)]] == one
    for token in tagged:
        assert huge[token.start:token.end] == token.word


def test_tokens_within_a_stretch_are_those_of_the_whole_text_there():
    start = JOBS.index("in the week")
    end = JOBS.index(", the Labor")
    assert [token.word for token in tokens_within(JOBS, start, end)] == ["in", "the", "week", "ended", "Feb.", "6"]
