"""Properties that hold for any input (hypothesis), issue 9 item 2 ("nothing lost") and item 1.

Pages are generated from the seeds' own sentences, sentences with figures, quotes and dates,
page chrome, Unicode noise and every kind of line ending, so that the analyses find
something in them. Example counts are kept small: the whole file runs in well under a minute.
"""

import warnings
from contextlib import contextmanager
from datetime import date, datetime

import numpy as np
import pandas as pd
from conftest import cues_of, sentences
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import research
from research.corpus import ingest
from research.errors import AnalysisError, CorpusError, CorpusWarning
from research.text.sentences import sentence_spans
from research.text.tokens import word_tokens

SEED_SENTENCES = sorted({text[s:e] for text in research.load_articles()["text"] for s, e in sentence_spans(text)
                         if len(text[s:e].split()) >= 8})
SENTENCES = st.sampled_from(SEED_SENTENCES) | st.sampled_from([
    "Officials said 3,000 troops had arrived in the region by Oct. 20, two days before the talks.",
    "“We will respond to this provocation,” the defense minister said on Tuesday in a statement.",
    "About 12,000 soldiers crossed the border last week, according to the South Korean spy agency.",
    "The Pentagon said it could not confirm the figure, but that it had seen evidence of the move.",
    "Ukraine's president, Volodymyr Zelenskyy, told reporters that up to 10,000 men might follow.",
])
CHROME = st.sampled_from(["Share", "Advertisement", "By Jane Doe", "Oct. 23, 2024, 6:55 a.m. ET", "Read more",
                          "Related: Troops seen near border", "© 2024 Example Media", "Photo: AP", "UPDATE:"])
NOISE = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=12)
BREAKS = st.sampled_from(["\n", "\n\n", "\r\n", "\r\n\r\n", "\r", "\r\r", " \n", "\u2028", "\t\n"])
SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def pages(draw) -> str:
    """A news page: headline, some chrome, paragraphs of sentences, more chrome, noise, any line endings."""
    lines = [draw(st.sampled_from(["Troops Cross the Border", "North Korea Sends Troops", ""]))]
    lines += draw(st.lists(CHROME, max_size=3))
    for _ in range(draw(st.integers(2, 5))):
        lines.append(" ".join(draw(st.lists(SENTENCES, min_size=1, max_size=3))))
    lines += draw(st.lists(CHROME | NOISE, max_size=4))
    return "".join(line + draw(BREAKS) for line in lines) + draw(NOISE)


@st.composite
def corpora(draw, min_size: int = 2) -> pd.DataFrame:
    texts = draw(st.lists(pages(), min_size=min_size, max_size=4))
    outlets = draw(st.lists(st.sampled_from(["AP", "NYT", "Fox"]), min_size=len(texts), max_size=len(texts)))
    return pd.DataFrame({"article_id": [f"a{i}" for i in range(len(texts))], "outlet": outlets,
                         "headline": "", "published": draw(st.sampled_from(["2024-10-23", "", "2024-10-23T06:55:00-04:00"])),
                         "text": texts})


@contextmanager
def quiet():
    """Articles without a body warn (tested in test_hardening); here only the properties matter."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CorpusWarning)
        yield


def assert_spans_point_at_text(table: pd.DataFrame, texts: pd.Series, start: str, end: str, text: str | None):
    for row in table.itertuples(index=False):
        raw = texts[row.article_id]
        low, high = getattr(row, start), getattr(row, end)
        assert 0 <= low <= high <= len(raw), (start, low, high, len(raw))
        if text is not None:
            assert raw[low:high] == getattr(row, text), (text, raw[low:high], getattr(row, text))


# ---------------------------------------------------------------- loading


@SETTINGS
@given(pages(), st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"]))
@example(page="A price of 5Â\xa0euros.", encoding="cp1252")  # found by hypothesis: cp1252 bytes valid as UTF-8
def test_loading_gives_back_the_decoded_text_exactly(tmp_path_factory, page, encoding):
    if encoding == "cp1252":
        page = page.encode("cp1252", errors="ignore").decode("cp1252")
    data = page.encode(encoding)
    folder = tmp_path_factory.mktemp("corpus")
    (folder / "page.txt").write_bytes(data)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        articles = research.load_articles(folder)
    utf8 = encoding == "cp1252" and data.decode("utf-8", errors="ignore").encode("utf-8") == data
    # line endings, marks and spaces untouched, the BOM removed; cp1252 bytes that are also valid UTF-8 (ASCII, or
    # "Â\xa0", bytes C2 A0: UTF-8's no-break space) are read as UTF-8, without a warning
    assert articles.loc[0, "text"] == (data.decode("utf-8") if utf8 else page)
    if encoding == "cp1252":
        encoding = "utf-8" if utf8 else "cp1252"
    assert articles.loc[0, "encoding"] == {"utf-16": "utf-16-le"}.get(encoding, encoding)
    assert [str(w.message).split(";")[-1] for w in caught] == ([" decoded as cp1252"] if encoding == "cp1252" else [])


SUFFIXES = st.sampled_from([".txt", ".html", ".jsonl", ".csv"])
CONTENT = st.binary(max_size=300) | st.builds(
    lambda prefix, text, tail: prefix + text.encode("utf-8", "surrogatepass") + tail,
    st.sampled_from([b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"{\"text\": ", b"id,text\n", b"<html><p>",
                     b"\x89PNG\r\n\x1a\n"]),
    st.text(max_size=200), st.sampled_from([b"", b"\x00", b"\"}", b"\n", b"\x93\x94", b"</p>"]))


@settings(max_examples=120, deadline=None)
@given(SUFFIXES, CONTENT)
def test_any_bytes_load_or_give_a_corpus_error_never_another_exception(tmp_path_factory, suffix, data):
    folder = tmp_path_factory.mktemp("corpus")
    (folder / f"file{suffix}").write_bytes(data)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            articles = research.load_articles(folder)
        except CorpusError as error:
            assert "file" in str(error) or "corpus" in str(error)  # names the file (or the folder)
        else:
            assert len(articles) and articles["text"].str.strip().astype(bool).all()
    assert [w for w in caught if not issubclass(w.category, CorpusWarning)] == []
    assert all(str(w.message).startswith(f"file{suffix}") for w in caught)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40) | st.sampled_from(["2024-10-23T25:00", "32/13/2024", "Oct. 32, 2024", "2024-02-30",
                                                 "Wed, 30 Feb 2024 10:00:00 GMT", "2024-10-23T10:00+99:00"]))
def test_a_publication_time_is_iso_8601_empty_or_not_understood_never_an_exception(value):
    normalised = ingest.normalise_published(value)
    assert normalised is None or normalised == "" or (
        date.fromisoformat(normalised) if len(normalised) == 10 else datetime.fromisoformat(normalised))


# ---------------------------------------------------------------- nothing lost


@SETTINGS
@given(corpora(min_size=1))
def test_blocks_partition_and_every_passage_points_at_its_raw_text(articles):
    texts = articles.set_index("article_id")["text"]
    with quiet():
        blocks = research.split_blocks(articles)
    for unit in ("sentence", "paragraph"):
        passages = research.split_passages(blocks, unit=unit)
        table = research.check_accounting(articles, blocks, passages)
        assert table["ok"].all(), table.to_dict("records")
        assert_spans_point_at_text(passages, texts, "start", "end", "text")
        inside = passages.merge(blocks[["block_id", "start", "end"]], on="block_id", suffixes=("", "_block"))
        assert ((inside["start_block"] <= inside["start"]) & (inside["end"] <= inside["end_block"])).all()
    assert_spans_point_at_text(blocks, texts, "start", "end", "text")
    assert set(blocks["role"]) <= set(research.ROLES) and blocks["reason"].astype(bool).all()


@settings(SETTINGS, max_examples=25)
@given(corpora())
def test_every_span_an_analysis_reports_points_at_the_raw_text(articles):
    texts = articles.set_index("article_id")["text"]
    with quiet():
        blocks = research.split_blocks(articles)
        passages = research.split_passages(blocks)
        body = passages[passages["role"] == "body"]
        claims = research.extract_claims(passages, cues_of(articles), articles)
        said = research.attributions(research.split_blocks(articles), articles)
        spans = research.align(sentences(articles), articles) if body["article_id"].nunique() >= 2 else None
        voices = research.voice_spans(body, articles, said)
    assert_spans_point_at_text(claims, texts, "start", "end", None)
    for claim in claims.itertuples():  # the figure lies inside its sentence, which is in the text
        sentence_start = texts[claim.article_id].rfind(claim.text, 0, claim.start + len(claim.text))
        assert 0 <= sentence_start <= claim.start and claim.end <= sentence_start + len(claim.text)
    for part in ("source", "cue", "content", "relay"):  # -1 when there is none
        found = said[said[f"{part}_start"] >= 0]
        assert_spans_point_at_text(found, texts, f"{part}_start", f"{part}_end",
                                   f"{part}_text" if part != "content" else None)
    assert_spans_point_at_text(research.find_markers(body), texts, "start", "end", "text")
    assert_spans_point_at_text(research.resolve_dates(body, articles), texts, "start", "end", "text")
    assert_spans_point_at_text(voices, texts, "start", "end", None)
    if spans is not None:
        for side in ("a", "b"):
            renamed = spans.rename(columns={f"article_id_{side}": "article_id"})
            assert_spans_point_at_text(renamed, texts, f"start_{side}", f"end_{side}", f"text_{side}")


# ---------------------------------------------------------------- similarity scores


@SETTINGS
@given(st.lists(st.tuples(SENTENCES | st.text(max_size=30), SENTENCES | st.text(max_size=30)), min_size=1,
                max_size=8))
def test_pair_similarity_is_symmetric_and_in_0_1(pairs):
    texts_a, texts_b = [a for a, _ in pairs], [b for _, b in pairs]
    try:
        forward = research.pair_similarity(texts_a, texts_b)
    except AnalysisError:  # no word in any of the texts: nothing to score
        assert not any(word_tokens(t) for t in texts_a + texts_b)
        return
    backward = research.pair_similarity(texts_b, texts_a)
    assert np.allclose(forward, backward, atol=1e-12)
    assert ((forward >= 0) & (forward <= 1)).all()
    worded = [t for t in texts_a + texts_b if word_tokens(t)]
    assert np.allclose(research.pair_similarity(worded, worded), 1.0)  # a text is its own best match


@SETTINGS
@given(corpora(), st.randoms(use_true_random=False))
def test_similar_pairs_are_the_scorer_s_pairs_once_each_in_any_row_order(articles, random):
    with quiet():
        passages = research.split_passages(research.split_blocks(articles))
    body = passages[passages["role"] == "body"]
    if body["article_id"].nunique() < 2:
        return
    pairs = research.similar_pairs(body, threshold=0.2)
    shuffled = research.similar_pairs(body.sample(frac=1, random_state=random.randint(0, 2**31)), threshold=0.2)
    pd.testing.assert_frame_equal(pairs, shuffled)
    assert pairs["similarity"].between(0.2, 1).all()
    assert (pairs["passage_id_a"] < pairs["passage_id_b"]).all()
    assert (pairs["article_id_a"] != pairs["article_id_b"]).all()
    assert not pairs.duplicated(["passage_id_a", "passage_id_b"]).any()
    scorer = research.TextVectorizer().fit(body.sort_values("passage_id")["text"])
    text = body.set_index("passage_id")["text"]
    expected = research.pair_similarity(text[pairs["passage_id_a"]], text[pairs["passage_id_b"]], vectorizer=scorer)
    assert np.allclose(pairs["similarity"], expected, atol=1e-9)


# ---------------------------------------------------------------- clustering


@SETTINGS
@given(corpora(), st.randoms(use_true_random=False))
def test_clustering_does_not_depend_on_the_order_of_the_rows(articles, random):
    order = articles.sample(frac=1, random_state=random.randint(0, 2**31))
    with quiet():
        events = research.cluster_articles(research.split_blocks(articles), articles)
        again = research.cluster_articles(research.split_blocks(order), order)
        passages = research.split_passages(research.split_blocks(articles))
    pd.testing.assert_frame_equal(events.sort_values("article_id", ignore_index=True),
                                  again.sort_values("article_id", ignore_index=True))
    body = passages[passages["role"] == "body"]
    found = research.cluster_passages(body, articles)
    shuffled = research.cluster_passages(body.sample(frac=1, random_state=random.randint(0, 2**31)),
                                         order)
    pd.testing.assert_frame_equal(found.elements, shuffled.elements)
    pd.testing.assert_frame_equal(found.passages.sort_values("passage_id", ignore_index=True),
                                  shuffled.passages.sort_values("passage_id", ignore_index=True))
