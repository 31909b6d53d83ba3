import numpy as np
import pandas as pd
import pytest
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import roc_auc_score

import research
from research.corpus import datasets
from research.errors import AnalysisError
from research.reuse import similarity
from research.reuse.similarity import TextVectorizer, pair_similarity, similar_pairs
from research.story.events import publication_intervals
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


def test_scorer_fitted_on_word_counts_equals_scorer_fitted_on_the_texts(seed_passages, monkeypatch):
    texts = seed_passages["text"].tolist() + ["", "...", "Zelenskyy’s 10,000 troops", "ﬁnal ＡＢＣ"]
    monkeypatch.setattr(similarity, "COUNT_CHUNK", 17)  # texts turned into rows 17 at a time
    for scorer in ({}, {"stop_words": "english", "idf_power": 0.5}, {"stem": False, "sublinear_tf": False}):
        expected = TextVectorizer(**scorer).fit(texts)
        # read in chunks of 40 texts; stop words left out of the counts when the scorer drops them
        drop = similarity.ENGLISH_STOP_WORDS if scorer.get("stop_words") else frozenset()
        vocabulary, counts = similarity.read_word_counts((texts[k : k + 40] for k in range(0, len(texts), 40)), drop)
        assert counts.shape[0] == len(texts) and not drop & set(vocabulary)
        fitted = TextVectorizer(**scorer).fit_counts(vocabulary, counts)
        assert fitted.blocks_[0].vocabulary == expected.blocks_[0].vocabulary
        assert np.array_equal(fitted.blocks_[0].idf_, expected.blocks_[0].idf_)
        rows = fitted.transform_counts(vocabulary, counts)
        assert (rows != expected.transform(texts)).nnz == 0  # the same numbers, bit for bit
    with pytest.raises(ValueError, match="single words"):
        TextVectorizer(alpha=0.75).fit_counts(vocabulary, counts)
    with pytest.raises(ValueError, match="single words"):
        TextVectorizer(word_ngrams=(1, 2)).fit_counts(vocabulary, counts)


def timed_passages(n: int, seed: int) -> pd.DataFrame:
    """`n` short passages of words from a small vocabulary, three per article, each with a time
    interval: instants and whole days over ten days, a tenth unknown (NaN)."""
    rng = np.random.default_rng(seed)
    vocabulary = [f"w{k}" for k in range(40)]
    texts = [" ".join(rng.choice(vocabulary, rng.integers(3, 12))) for _ in range(n)]
    start = rng.uniform(0, 240, n)
    is_day = rng.random(n) < 0.3
    start[is_day] = np.floor(start[is_day] / 24) * 24
    end = start + np.where(is_day, 24.0, 0.0)
    unknown = rng.random(n) < 0.1
    start[unknown] = end[unknown] = np.nan
    return pd.DataFrame({"article_id": [f"a{k // 3:03d}" for k in range(n)], "passage_id": [f"p{k:04d}" for k in range(n)],
                         "role": "body", "text": texts, "time_start": start, "time_end": end})


@pytest.mark.parametrize("window", [0.0, 20.0, 48.0])
def test_windowed_join_finds_exactly_the_pairs_of_the_full_join_within_the_window(window):
    passages = timed_passages(600, int(window))
    times = passages.set_index("passage_id")[["time_start", "time_end"]]
    full = similar_pairs(passages, threshold=0.2)
    gap = similarity.interval_gaps(*(np.concatenate([times.loc[full[f"passage_id_{x}"], c] for x in "ab"])
                                     for c in ("time_start", "time_end")),
                                   np.arange(len(full)), np.arange(len(full), 2 * len(full)))
    within = full[~(gap > window)].reset_index(drop=True)
    windowed = similar_pairs(passages, threshold=0.2, window_hours=window)
    pd.testing.assert_frame_equal(windowed.drop(columns="similarity"), within.drop(columns="similarity"))
    assert np.allclose(windowed["similarity"], within["similarity"], rtol=0, atol=1e-12)
    assert 0 < len(windowed) < len(full) and np.isnan(gap).any() and (gap == 0).any()
    # each passage's three best partners within the window, a pair kept when either passage keeps it
    best = similar_pairs(passages, threshold=0.2, window_hours=window, top_k=3)
    for passage, partners in pd.concat([within.rename(columns={"passage_id_a": "p", "passage_id_b": "q"}),
                                        within.rename(columns={"passage_id_b": "p", "passage_id_a": "q"})]
                                       ).groupby("p"):
        kept = set(partners.sort_values(["similarity", "q"], ascending=[False, True])["q"][:3])
        mine = set(best.loc[best["passage_id_a"] == passage, "passage_id_b"]) | \
            set(best.loc[best["passage_id_b"] == passage, "passage_id_a"])
        assert kept <= mine
    assert len(best) < len(windowed)
    # every pair within the window is met once by the joins of time spans
    start, end = passages["time_start"].to_numpy(), passages["time_end"].to_numpy()
    met = [(min(a, b), max(a, b)) for rows, first in similarity.time_joins(start, end, window)
           for x, a in enumerate(rows[:first]) for b in rows[x + 1 :]]
    assert len(met) == len(set(met))
    close = {(a, b) for a in range(len(passages)) for b in range(a + 1, len(passages))
             if not similarity.interval_gaps(start, end, np.array([a]), np.array([b]))[0] > window}
    assert close <= set(met)


def test_windowed_join_needs_the_time_columns_and_the_exact_local_join(seed_passages):
    with pytest.raises(AnalysisError, match="time_start, time_end"):
        similar_pairs(seed_passages, window_hours=24)
    timed = seed_passages.assign(time_start=0.0, time_end=0.0)
    with pytest.raises(ValueError, match="exact join"):
        similar_pairs(timed, window_hours=24, method="minhash")
    # all at one instant: the window changes nothing
    pd.testing.assert_frame_equal(similar_pairs(timed, threshold=0.3, window_hours=0),
                                  similar_pairs(seed_passages, threshold=0.3), atol=1e-12)


def test_windowed_join_on_allsides_excerpts(data_dir):
    articles = datasets.read_allsides(data_dir / "allsides_dev")
    start, end = publication_intervals(articles["published"].to_numpy())
    table = articles.assign(passage_id=articles["article_id"], role="body", time_start=start, time_end=end)
    full = similar_pairs(table, threshold=0.1, same_article=True)
    times = table.set_index("passage_id")
    gap = np.maximum(0, np.maximum(times.loc[full["passage_id_b"], "time_start"].to_numpy()
                                   - times.loc[full["passage_id_a"], "time_end"].to_numpy(),
                                   times.loc[full["passage_id_a"], "time_start"].to_numpy()
                                   - times.loc[full["passage_id_b"], "time_end"].to_numpy()))
    windowed = similar_pairs(table, threshold=0.1, same_article=True, window_hours=48)
    assert len(windowed) == (gap <= 48).sum() < len(full) / 5
    key = ["passage_id_a", "passage_id_b"]
    expected = full[gap <= 48].sort_values(key).reset_index(drop=True)
    pd.testing.assert_frame_equal(windowed.sort_values(key).reset_index(drop=True), expected, atol=1e-12)


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
