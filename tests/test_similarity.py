import numpy as np
import pandas as pd
import pytest
from sklearn.metrics import roc_auc_score

import research
from research import datasets
from research.errors import AnalysisError
from research.similarity import TextVectorizer, pair_similarity, similar_pairs, word_tokens


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
    assert scores.shape == (2,) and scores[0] > 0.5
    assert scores[1] < 0.25
    fitted = TextVectorizer().fit(a + b)
    assert np.allclose(pair_similarity(a, b, vectorizer=fitted), scores)
    assert pair_similarity(["same text here"], ["Same text, here!"])[0] == pytest.approx(1.0)
    with pytest.raises(AnalysisError, match="same length"):
        pair_similarity(a, b[:1])
    with pytest.raises(AnalysisError, match="no words"):
        pair_similarity(["..."], ["!!"])


def random_passages(seed: int, n_articles: int, n_passages: int) -> pd.DataFrame:
    """Passages drawn from a small Zipf vocabulary, with near-copies across articles."""
    rng = np.random.default_rng(seed)
    vocabulary = [f"w{k}" for k in range(40)]
    weights = 1 / np.arange(1, 41)
    texts = []
    for _ in range(n_passages):
        if texts and rng.random() < 0.3:
            words = texts[rng.integers(len(texts))].split()
            words[rng.integers(len(words))] = vocabulary[rng.integers(40)]
        else:
            words = list(
                rng.choice(vocabulary, size=rng.integers(1, 12), p=weights / weights.sum())
            )
        texts.append(" ".join(words))
    articles = rng.integers(n_articles, size=n_passages)
    return pd.DataFrame(
        {
            "article_id": [f"art{a}" for a in articles],
            "passage_id": [f"art{a}:s{k:04d}" for k, a in enumerate(articles)],
            "role": "body",
            "text": texts,
        }
    )


def brute_force(passages: pd.DataFrame, threshold: float, top_k, same_article: bool) -> dict:
    """All pairs by a dense product of the same fitted rows, with the documented top_k rule."""
    passages = passages.sort_values("passage_id", ignore_index=True)
    matrix = TextVectorizer().fit_transform(passages["text"])
    dense = (matrix @ matrix.T).toarray()
    ids, articles = passages["passage_id"].tolist(), passages["article_id"].tolist()
    allowed = {
        (i, j)
        for i in range(len(ids))
        for j in range(len(ids))
        if i != j
        and 0 < dense[i, j]
        and dense[i, j] >= threshold
        and (same_article or articles[i] != articles[j])
    }
    if top_k:
        kept = set()
        for i in range(len(ids)):
            partners = sorted(
                (j for j in range(len(ids)) if (i, j) in allowed), key=lambda j: (-dense[i, j], j)
            )
            kept |= {(min(i, j), max(i, j)) for j in partners[:top_k]}
    else:
        kept = {(i, j) for i, j in allowed if i < j}
    return {(ids[i], ids[j]): dense[i, j] for i, j in kept}


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize(
    ("threshold", "top_k", "same_article"),
    [(0.3, None, False), (0.6, None, True), (0.2, 2, False), (0.0, 1, True)],
)
def test_similar_pairs_equals_brute_force(seed, threshold, top_k, same_article):
    passages = random_passages(seed, n_articles=4, n_passages=40)
    expected = brute_force(passages, threshold, top_k, same_article)
    found = similar_pairs(
        passages, threshold=threshold, top_k=top_k, same_article=same_article, block_rows=7
    )
    got = dict(zip(zip(found["passage_id_a"], found["passage_id_b"]), found["similarity"]))
    # Pairs within rounding of the threshold or of a top_k tie may go either way.
    unsure = {pair for pair, score in {**expected, **got}.items() if abs(score - threshold) < 1e-9}
    assert set(got) - unsure == set(expected) - unsure
    assert all(
        got[pair] == pytest.approx(expected[pair], abs=1e-12) for pair in set(got) & set(expected)
    )
    assert (found["passage_id_a"] < found["passage_id_b"]).all()
    if not same_article:
        assert (found["article_id_a"] != found["article_id_b"]).all()


def test_similar_pairs_does_not_depend_on_block_size_or_row_order():
    passages = random_passages(11, n_articles=5, n_passages=60)
    reference = similar_pairs(passages, threshold=0.4)
    for block_rows in (1, 13, 1000):
        pd.testing.assert_frame_equal(
            similar_pairs(passages, threshold=0.4, block_rows=block_rows), reference
        )
    shuffled = passages.sample(frac=1.0, random_state=3)
    pd.testing.assert_frame_equal(similar_pairs(shuffled, threshold=0.4), reference)
    assert list(reference.columns) == [
        "passage_id_a",
        "passage_id_b",
        "article_id_a",
        "article_id_b",
        "similarity",
    ]
    assert reference["similarity"].is_monotonic_decreasing


def test_similar_pairs_top_k_bounds_the_pairs_each_passage_keeps():
    passages = random_passages(5, n_articles=3, n_passages=50)
    found = similar_pairs(passages, threshold=0.0, top_k=2)
    assert len(found) <= 2 * len(passages)
    every = similar_pairs(passages, threshold=0.0)
    for pid in passages["passage_id"]:
        mine = every[(every["passage_id_a"] == pid) | (every["passage_id_b"] == pid)]
        best = mine.sort_values("similarity", ascending=False, kind="stable").head(1)
        if len(best):  # a passage's best partner is always kept
            assert (
                (found["passage_id_a"] == best["passage_id_a"].iat[0])
                & (found["passage_id_b"] == best["passage_id_b"].iat[0])
            ).any()


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
    assert auc > 0.765  # plain TF-IDF cosine: 0.75 (benchmarks/evaluate_similarity.py)
