import numpy as np
import pytest
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import roc_auc_score

import research
from research.corpus import datasets
from research.errors import AnalysisError
from research.reuse import similarity
from research.reuse.similarity import TextVectorizer, pair_similarity, similar_pairs
from research.text.tokens import normalised_words, stem, word_tokens


def test_word_tokens_keep_raw_offsets_and_normalise_for_matching():
    text = "North\u00a0Korea’s 3,000 troops—“VERY serious” in Ｋursk"
    tokens = word_tokens(text)
    assert [text[s:e] for s, e, _ in tokens] == [
        "North",
        "Korea",
        "s",
        "3,000",
        "troops",
        "VERY",
        "serious",
        "in",
        "Ｋursk",
    ]
    assert [w for _, _, w in tokens] == [
        "north",
        "korea",
        "s",
        "3000",
        "troops",
        "very",
        "serious",
        "in",
        "kursk",
    ]
    assert [w for _, _, w in word_tokens("Korea's 1.2 million")] == ["korea", "s", "1.2", "million"]


def test_rows_are_normalised_and_dot_products_are_scores_in_0_1():
    texts = [
        "The U.S. defense secretary said Wednesday there is evidence.",
        "The U.S. defense secretary said on Wednesday that there is evidence.",
        "Fresno State generates $1B in economic activity, a study says.",
        "!!!",
    ]
    matrix = TextVectorizer().fit_transform(texts)
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    assert np.allclose(norms[:3], 1.0) and norms[3] == 0.0
    scores = (matrix @ matrix.T).toarray()
    assert scores.min() >= 0.0 and scores.max() <= 1.0 + 1e-12
    assert scores[0, 1] > 0.7
    assert scores[0, 2] < 0.2


def test_combined_score_is_the_weighted_sum_of_word_and_character_cosines():
    texts = [
        "Russia and North Korea have denied the troop movements.",
        "North Korea and Russia denied reports of the troop movements.",
        "Zelenskyy said 10,000 soldiers were being prepared.",
        "Zelensky said 10,000 North Korean soldiers were prepared.",
    ]
    words = TextVectorizer(alpha=1.0).fit_transform(texts)
    chars = TextVectorizer(alpha=0.0).fit_transform(texts)
    both = TextVectorizer(alpha=0.3).fit_transform(texts)
    expected = 0.3 * (words @ words.T).toarray() + 0.7 * (chars @ chars.T).toarray()
    assert np.allclose((both @ both.T).toarray(), expected)
    # Character n-grams match a transliteration variant that word features miss.
    assert (chars @ chars.T)[2, 3] > (words @ words.T)[2, 3]


def sklearn_rows(texts, alpha, idf_power, **words):
    """The scorer's rows rebuilt from scikit-learn's TfidfVectorizer: word and char_wb blocks on
    the normalised words, IDF raised to `idf_power`, weighted by alpha and normalised."""
    blocks = []
    for weight, vectorizer in (
        (alpha, TfidfVectorizer(lowercase=False, token_pattern=None, sublinear_tf=True, **words)),
        (1 - alpha, TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 4), lowercase=False,
                                    preprocessor=normalised_words, sublinear_tf=True)),
    ):
        if weight > 0:
            vectorizer.fit(texts)
            vectorizer.idf_ = vectorizer.idf_**idf_power
            blocks.append(np.sqrt(weight) * vectorizer.transform(texts))
    rows = sparse.hstack(blocks).toarray()
    norms = np.linalg.norm(rows, axis=1, keepdims=True)
    return np.divide(rows, norms, out=np.zeros_like(rows), where=norms > 0)


@pytest.mark.parametrize("alpha", [0.0, 0.75, 1.0])
def test_rows_equal_scikit_learn_tfidf_with_the_same_settings(seed_passages, alpha):
    texts = seed_passages["text"].tolist() + ["...", "Zelenskyy’s 10,000 troops", "ﬁnal ＡＢＣ"]
    stemmed = {"tokenizer": lambda t: [stem(w) for w in normalised_words(t).split()]}
    expected = sklearn_rows(texts, alpha, 0.5, **stemmed)
    assert np.allclose(TextVectorizer(alpha=alpha, idf_power=0.5).fit_transform(texts).toarray(), expected)
    if alpha == 1.0:  # the default scorer: word TF-IDF of the stems with classic IDF
        assert np.allclose(TextVectorizer().fit_transform(texts).toarray(), sklearn_rows(texts, 1.0, 1.0, **stemmed))
    # Stop words and word bigrams, unstemmed, classic IDF.
    plain = {"tokenizer": lambda t: normalised_words(t).split(), "stop_words": "english",
             "ngram_range": (1, 2)}
    got = TextVectorizer(alpha=alpha, stem=False, stop_words="english", word_ngrams=(1, 2), idf_power=1.0)
    assert np.allclose(got.fit_transform(texts).toarray(), sklearn_rows(texts, alpha, 1.0, **plain))


def test_words_read_in_chunks_equal_words_read_at_once(seed_passages, monkeypatch):
    """A chunk is read as one string of its texts joined by a separator: texts holding that character,
    ending in a number or starting with one read as they do alone."""
    texts = seed_passages["text"].tolist() + ["", "ﬁnal ＡＢＣ ﷺ", "3,000 troops", "sep\x1einside",
                                              "ends at 3", ".5 million", "\x1e"]
    whole = similarity.read_words(texts)
    monkeypatch.setattr(similarity, "READ_CHUNK", 7)
    chunked = similarity.read_words(texts)
    assert chunked.vocabulary == whole.vocabulary
    assert np.array_equal(chunked.indptr, whole.indptr) and np.array_equal(chunked.ids, whole.ids)
    ascii = ["Troops: 3,000.5 and 4.5bn", "x_y 7up up7 1,2,3 .4", "", "A\x1eB"]  # an all-ASCII chunk, lowercased
    for read, originals in ((whole, texts), (similarity.read_words(ascii), ascii)):
        assert [" ".join(read.vocabulary[i] for i in read.ids[read.indptr[k] : read.indptr[k + 1]])
                for k in range(len(originals))] == [normalised_words(text) for text in originals]


def test_pair_similarity_scores_aligned_pairs_with_one_fitted_scorer():
    a = [
        "South Korea's spy agency said North Korea had sent more than 13,000 containers of artillery.",
        "NATO Secretary General Mark Rutte said it would mark a significant escalation.",
    ]
    b = [
        "South Korean intelligence said North Korea has sent over 13,000 containers filled with artillery.",
        "Fresno State generates $1B in economic activity, a study says.",
    ]
    scores = pair_similarity(a, b)
    assert scores.shape == (2,) and scores[0] > 0.4
    assert scores[1] < 0.2
    fitted = TextVectorizer().fit(a + b)
    assert np.allclose(pair_similarity(a, b, vectorizer=fitted), scores)
    assert pair_similarity(["same text here"], ["Same text, here!"])[0] == pytest.approx(1.0)
    with pytest.raises(AnalysisError, match="same length"):
        pair_similarity(a, b[:1])
    with pytest.raises(AnalysisError, match="no words"):
        pair_similarity(["..."], ["!!"])


def test_similar_pairs_on_the_seeds_finds_the_shared_wire_sentence(seed_passages):
    pairs = similar_pairs(seed_passages, threshold=0.5)
    texts = seed_passages.set_index("passage_id")["text"]
    starts = {
        (texts[a][:29], texts[b][:29]) for a, b in zip(pairs["passage_id_a"], pairs["passage_id_b"])
    }
    assert ("NATO Secretary General Mark R", "On Tuesday, NATO Secretary-Ge") in starts
    body_ids = set(seed_passages.loc[seed_passages["role"] == "body", "passage_id"])
    assert set(pairs["passage_id_a"]) | set(pairs["passage_id_b"]) <= body_ids
    # Boilerplate shared by two pages of one aggregator ("Read Entire Article") is not body text.
    with_chrome = similar_pairs(seed_passages, threshold=0.99, roles=None)
    assert "Read Entire Article" in set(texts[with_chrome["passage_id_a"]])


def test_msrp_training_auc_of_pair_similarity(data_dir):
    pairs = datasets.read_msrp(data_dir / "msrp_train")
    auc = roc_auc_score(pairs["label"], research.pair_similarity(pairs["text_a"], pairs["text_b"]))
    assert auc > 0.765  # scikit-learn's TfidfVectorizer() defaults: 0.755 (benchmarks/evaluate_similarity.py)
    two_block = research.pair_similarity(pairs["text_a"], pairs["text_b"], TextVectorizer(**similarity.TWO_BLOCK))
    assert auc < roc_auc_score(pairs["label"], two_block) < auc + 0.01  # what the fast default costs
