import pandas as pd
import pytest
from conftest import sentences

import research
from research.corpus.passages import word_table
from research.errors import AnalysisError
from research.text.quotes import quoted_ranges

P1 = (
    "South Korea's spy chief told lawmakers that three thousand North Korean troops are now in Russia "
    "receiving training on drones and other equipment before being deployed to battlefields in Ukraine."
)
P2 = (
    "Russia and North Korea have denied the troop movements, but they have sharply boosted their "
    "cooperation in the past two years and signed a major defense deal in June."
)
P3 = (
    "The North has shipped more than thirteen thousand containers of artillery, missiles and other "
    "conventional arms to Russia since August to replenish its dwindling weapons stockpiles."
)
P4 = (
    "Experts question how much the troops would help Russia, citing a shortage of battle experience "
    "and the language barrier between the two armies on the front line."
)
N1 = (
    "A local charity received a large grant from a foundation on Friday to support the children of "
    "the valley, the organization said in a statement to reporters."
)
N2 = (
    "The city council will vote next month on a plan to repair the old bridge over the river, which "
    "has been closed to traffic since a storm damaged it in the spring."
)


def page(*paragraphs: str) -> str:
    return "\n\n".join(paragraphs)


def corpus(**texts) -> pd.DataFrame:
    """An articles table from article_id=text keyword arguments."""
    return pd.DataFrame(
        {"article_id": list(texts), "headline": "", "published": "", "text": list(texts.values())}
    )


def words_span(text: str, paragraph: str, words: str | None = None) -> tuple[int, int]:
    """Offsets of `words` (default: the paragraph without its final full stop) inside `text`."""
    words = words or paragraph.rstrip(".")
    start = text.index(words)
    return start, start + len(words)


def text_spans(spans: pd.DataFrame) -> list[tuple]:
    shared = spans[spans["kind"] != "paraphrase"]
    return sorted(
        zip(shared["start_a"], shared["end_a"], shared["start_b"], shared["end_b"], shared["kind"])
    )


def test_reordered_inserted_and_deleted_paragraphs_align_with_exact_offsets():
    a = page(P1, P2, P3, P4)
    b = page(N1, P3, P1, N2, P2)
    spans = research.align(sentences(corpus(a=a, b=b)), corpus(a=a, b=b), "a", "b")
    expected = sorted((*words_span(a, p), *words_span(b, p), "verbatim") for p in (P1, P2, P3))
    assert text_spans(spans) == expected
    assert (spans.loc[spans["kind"] == "verbatim", "similarity"] == 1.0).all()
    for row in spans.itertuples():
        assert a[row.start_a : row.end_a] == row.text_a and b[row.start_b : row.end_b] == row.text_b


def test_light_edits_give_one_near_verbatim_span():
    a_text = (
        "The U.S. defense secretary said Wednesday there is evidence that North Korea has sent troops to "
        "Russia, calling it a very serious issue if they join the war in Ukraine on Moscow's side."
    )
    b_text = (
        "The U.S. defense secretary said on Wednesday there is evidence that North Korea has sent soldiers "
        "to Russia, calling it a very serious issue if they join the war in Ukraine on Moscow's side."
    )
    a, b = page(N1, a_text, P4), page(b_text, N2)
    spans = research.align(sentences(corpus(a=a, b=b)), corpus(a=a, b=b), "a", "b", paraphrase_threshold=None)
    assert text_spans(spans) == [(*words_span(a, a_text), *words_span(b, b_text), "near-verbatim")]
    row = spans.iloc[0]
    # 35 words in A, 36 in B (one added, one replaced): 34 match.
    assert row["n_words"] == 35 and row["similarity"] == pytest.approx(2 * 34 / (35 + 36))


def test_case_quote_style_and_number_format_do_not_break_a_verbatim_match():
    a_text = (
        "He called it a “very, very serious issue” that 3,000 North Korean soldiers have been sent to "
        "Russia for training, the minister said at a news conference."
    )
    b_text = (
        'HE CALLED IT A "VERY, VERY SERIOUS ISSUE" THAT 3000 NORTH KOREAN SOLDIERS HAVE BEEN SENT TO '
        "RUSSIA FOR TRAINING, THE MINISTER SAID AT A NEWS CONFERENCE."
    )
    spans = research.align(sentences(corpus(a=page(a_text, P4), b=page(N1, b_text))), corpus(a=page(a_text, P4), b=page(N1, b_text)), "a", "b", paraphrase_threshold=None)
    assert list(spans["kind"]) == ["verbatim"] and spans["n_words"].iat[0] == 27
    assert spans["quoted"].iat[0] == pytest.approx(4 / 27)


def test_spans_stop_at_paragraph_boundaries():
    a = page(P1, P2)
    b = page(N1, P1 + " " + P2)
    spans = research.align(sentences(corpus(a=a, b=b)), corpus(a=a, b=b), "a", "b", paraphrase_threshold=None)
    assert text_spans(spans) == [
        (*words_span(a, P1), *words_span(b, P1), "verbatim"),
        (*words_span(a, P2), *words_span(b, P2), "verbatim"),
    ]


def test_a_few_shared_words_are_not_reuse_and_paraphrases_are_reported_as_sentences():
    a_sent = (
        "Last week, South Korea's spy agency said North Korea had sent more than 13,000 containers of "
        "artillery, missiles and other conventional arms to Russia."
    )
    b_sent = (
        "South Korean intelligence has reported that North Korea has sent over 13,000 containers filled "
        "with artillery, missiles, and other conventional arms to Russia."
    )
    a = page(
        N1, "North Korean troops in Russia are a concern for the allies, officials said.", a_sent
    )
    b = page(
        "Officials in Seoul are worried about North Korean troops in Russia this month.", b_sent, N2
    )
    spans = research.align(sentences(corpus(a=a, b=b)), corpus(a=a, b=b), "a", "b").set_index("kind")
    # "North Korean troops in Russia" (5 words) is not reported; the 8-word run is, and it covers
    # under half of the sentence, so the sentence pair is also reported as a paraphrase.
    assert sorted(spans.index) == ["paraphrase", "verbatim"]
    assert (
        spans.at["verbatim", "text_a"]
        == "artillery, missiles and other conventional arms to Russia"
    )
    row = spans.loc["paraphrase"]
    assert (row["start_a"], row["end_a"]) == (a.index(a_sent), a.index(a_sent) + len(a_sent))
    assert (row["start_b"], row["end_b"]) == (b.index(b_sent), b.index(b_sent) + len(b_sent))
    assert 0.5 <= row["similarity"] < 1.0


def test_every_pair_and_one_pair_agree_and_errors_name_the_problem():
    articles = corpus(a=page(P1, P2, N1), b=page(N2, P2, P1), c=page(P3, P1, P4))
    every = research.align(sentences(articles), articles)
    assert sorted(set(zip(every["article_id_a"], every["article_id_b"]))) == [
        ("a", "b"),
        ("a", "c"),
        ("b", "c"),
    ]
    pair = research.align(sentences(articles), articles, "a", "c")
    pd.testing.assert_frame_equal(
        pair,
        every[(every["article_id_a"] == "a") & (every["article_id_b"] == "c")].reset_index(
            drop=True
        ),
    )
    with pytest.raises(AnalysisError, match="both"):
        research.align(sentences(articles), articles, "a")
    with pytest.raises(AnalysisError, match="zzz"):
        research.align(sentences(articles), articles, "a", "zzz")


def test_quoted_ranges_follow_news_quotation_style():
    text = 'He said “left to be seen” and added: "more". She said “it goes on'
    assert [text[s:e] for s, e in quoted_ranges(text)] == ["left to be seen", "more", "it goes on"]
    nyt = "“What are they doing?’’ he asked."
    assert [nyt[s:e] for s, e in quoted_ranges(nyt)] == ["What are they doing?"]
    assert quoted_ranges("No quotes, only an apostrophe's.") == []


def test_word_table_marks_quoted_words_across_sentences_of_a_paragraph():
    text = "Officials spoke. “This is serious. We will respond,” he said. Then he left the room quickly."
    articles = corpus(a=text + "\n\n" + P1)
    passages = research.split_passages(research.split_blocks(articles))
    words = word_table(passages, articles)
    quoted = words[words["quoted"]]["word"].tolist()
    assert quoted == ["this", "is", "serious", "we", "will", "respond"]
    assert all(
        text[s:e].casefold() == w
        for s, e, w in zip(words["start"], words["end"], words["word"])
        if e <= len(text)
    )


def test_seed_spans_point_at_the_raw_text(seed_articles):
    spans = research.align(sentences(seed_articles), seed_articles)
    raw = dict(zip(seed_articles["article_id"], seed_articles["text"]))
    for row in spans.itertuples():
        assert raw[row.article_id_a][row.start_a : row.end_a] == row.text_a
        assert raw[row.article_id_b][row.start_b : row.end_b] == row.text_b
    assert set(spans["kind"]) == {"verbatim", "near-verbatim", "paraphrase"}
    ap_wt = spans[
        (spans["article_id_a"] == "000_a8a464420afca919")
        & (spans["article_id_b"] == "004_6b509e299142eab2")
    ]
    # The wire paragraph on NATO's Rutte, edited by the Washington Times, is one near-verbatim span.
    rutte = ap_wt[ap_wt["text_a"].str.contains("significant escalation")]
    assert list(rutte["kind"]) == ["near-verbatim"]
    assert (
        rutte["text_a"]
        .iat[0]
        .endswith("to send experts to Brussels next week to brief the military alliance")
    )
    assert "South Korean President Yoon Suk Yeol to send experts" in rutte["text_b"].iat[0]


def test_two_straight_single_quotes_that_open_a_word_open_a_quotation():
    # PolNeAR train (nyt_2016-02-25): ''...'' at both ends; a plural's apostrophe before '' opens nothing
    text = "''We've shown the capability to grow,'' he added. The players'' union said ''Six months ago we weren't at 20.''"
    assert [text[a:b] for a, b in quoted_ranges(text)] == ["We've shown the capability to grow,",
                                                           "Six months ago we weren't at 20."]
