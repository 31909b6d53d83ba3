"""The similarity join (`similar_pairs`, `research.join`): exact against brute force for every
scorer setting, MinHash mode against the exact join, determinism, progress bar."""

import importlib.util
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from sklearn.base import clone
from sklearn.feature_extraction.text import TfidfVectorizer

from research.reuse import join
from research.reuse.similarity import TextVectorizer, similar_pairs

BENCHMARK = Path(__file__).resolve().parent.parent / "benchmarks" / "similarity_join.py"


def synthetic_passages(n: int, seed: int = 0) -> pd.DataFrame:
    """The benchmark's seeded corpus (planted near-duplicate groups in a Zipf vocabulary)."""
    spec = importlib.util.spec_from_file_location("similarity_join", BENCHMARK)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.synthetic_passages(n, seed)


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


def brute_force(passages: pd.DataFrame, threshold: float, top_k, same_article: bool, vectorizer=None) -> dict:
    """All pairs by a dense product of the same fitted rows, with the documented top_k rule."""
    passages = passages.sort_values("passage_id", ignore_index=True)
    matrix = clone(vectorizer or TextVectorizer()).fit_transform(passages["text"])
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


def assert_brute_force(passages, threshold, top_k=None, same_article=False, vectorizer=None, **options):
    """`similar_pairs` returns the brute-force pairs with their scores (pairs within rounding of the
    threshold or of a top_k tie may go either way)."""
    expected = brute_force(passages, threshold, top_k, same_article, vectorizer)
    found = similar_pairs(passages, threshold=threshold, top_k=top_k, same_article=same_article,
                          vectorizer=vectorizer, roles=None, **options)
    got = dict(zip(zip(found["passage_id_a"], found["passage_id_b"]), found["similarity"]))
    unsure = {pair for pair, score in {**expected, **got}.items() if abs(score - threshold) < 1e-9}
    assert set(got) - unsure == set(expected) - unsure
    assert all(got[pair] == pytest.approx(expected[pair], abs=1e-12) for pair in set(got) & set(expected))
    assert (found["passage_id_a"] < found["passage_id_b"]).all()
    if not same_article:
        assert (found["article_id_a"] != found["article_id_b"]).all()
    return expected


@pytest.fixture(params=["reach", "accumulate"])
def strategy(request, monkeypatch):
    """Each way of finding candidates in turn (the plan normally picks the cheaper one)."""
    monkeypatch.setattr(join, "choose_strategy", lambda index, top_k: request.param)
    return request.param


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize(
    ("threshold", "top_k", "same_article"),
    [(0.3, None, False), (0.6, None, True), (0.2, 2, False), (0.0, 1, True)],
)
def test_similar_pairs_equals_brute_force(seed, threshold, top_k, same_article, strategy):
    passages = random_passages(seed, n_articles=4, n_passages=40)
    assert_brute_force(passages, threshold, top_k, same_article, block_rows=7)


# The word-only bound of the two-block scorer applies above 1 - alpha; at or below it the join
# runs on the whole rows. Both sides of that line, for each weighting of the blocks.
@pytest.mark.parametrize("alpha", [0.0, 0.5, 0.75, 1.0])
@pytest.mark.parametrize("threshold", [0.15, 0.25, 0.5, 0.8])
@pytest.mark.parametrize("seed", range(2))
def test_exact_for_every_alpha_on_both_sides_of_the_word_bound(alpha, threshold, seed, strategy):
    passages = random_passages(seed + 20, n_articles=3, n_passages=50)
    expected = assert_brute_force(passages, threshold, vectorizer=TextVectorizer(alpha=alpha), block_rows=6)
    assert threshold > 0.5 or expected  # the small vocabulary makes many pairs: the check is not vacuous
    assert_brute_force(passages, threshold, top_k=2, same_article=True, vectorizer=TextVectorizer(alpha=alpha),
                       block_rows=9)


@pytest.mark.parametrize("alpha", [0.5, 0.75, 1.0])
@pytest.mark.parametrize("threshold", [0.2, 0.4, 0.6])
def test_exact_on_the_seed_sentences(seed_passages, alpha, threshold, strategy):
    expected = assert_brute_force(seed_passages, threshold, vectorizer=TextVectorizer(alpha=alpha), block_rows=16)
    assert expected


def test_exact_with_rows_missing_a_block_and_with_another_vectorizer(strategy):
    passages = random_passages(7, n_articles=3, n_passages=40)
    # Stop words only: no word features but character n-grams; no letters at all: an empty row.
    extra = pd.DataFrame({"article_id": ["art0", "art1", "art2", "art1"],
                          "passage_id": ["art0:x1", "art1:x2", "art2:x3", "art1:x4"], "role": "body",
                          "text": ["the and of", "of the and", "!!!", "w1 w2 and the"]})
    passages = pd.concat([passages, extra], ignore_index=True)
    for threshold in (0.2, 0.6, 0.9):
        expected = assert_brute_force(passages, threshold, vectorizer=TextVectorizer(
            alpha=0.75, stop_words="english"), block_rows=5)
        if threshold < 0.9:
            assert ("art0:x1", "art1:x2") in expected  # scored on their character block alone
        assert_brute_force(passages, threshold, vectorizer=TfidfVectorizer(), block_rows=5)
        assert_brute_force(passages, threshold, top_k=1, vectorizer=TfidfVectorizer(ngram_range=(1, 2)))


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


def test_minhash_finds_most_exact_pairs_and_only_exact_pairs_with_exact_scores():
    passages = synthetic_passages(3000, seed=1)
    exact = similar_pairs(passages)
    approximate = similar_pairs(passages, method="minhash")
    scores = dict(zip(zip(exact["passage_id_a"], exact["passage_id_b"]), exact["similarity"]))
    found = list(zip(approximate["passage_id_a"], approximate["passage_id_b"]))
    assert len(exact) > 300
    assert set(found) <= set(scores)
    assert len(found) >= 0.95 * len(scores)
    assert approximate["similarity"].tolist() == pytest.approx([scores[pair] for pair in found], abs=1e-12)


@pytest.mark.parametrize("method", ["exact", "minhash"])
def test_the_result_does_not_depend_on_the_run_or_the_row_order(method):
    passages = synthetic_passages(800, seed=2)
    reference = similar_pairs(passages, method=method, top_k=3)
    assert len(reference) > 50
    pd.testing.assert_frame_equal(similar_pairs(passages, method=method, top_k=3), reference)
    shuffled = passages.sample(frac=1.0, random_state=4)
    pd.testing.assert_frame_equal(similar_pairs(shuffled, method=method, top_k=3, block_rows=97), reference)


def test_progress_bar_only_when_asked(capsys):
    passages = random_passages(3, n_articles=3, n_passages=40)
    quiet = similar_pairs(passages, threshold=0.3, block_rows=2)  # 20 blocks, but stderr is no terminal
    assert capsys.readouterr().err == ""
    shown = similar_pairs(passages, threshold=0.3, block_rows=2, progress=True)
    assert "similar_pairs: 100%" in capsys.readouterr().err
    pd.testing.assert_frame_equal(shown, quiet)


def test_unknown_method_or_backend_is_refused():
    passages = random_passages(3, n_articles=3, n_passages=10)
    with pytest.raises(ValueError, match="method must be one of"):
        similar_pairs(passages, method="lsh")
    with pytest.raises(ValueError, match="backend must be one of"):
        similar_pairs(passages, backend="spark")


def test_prefix_lists_and_row_profiles_hold_what_the_bounds_need():
    """The lists hold exactly the entries whose row's prefix norm reaches t / the largest norm, each list
    in row order; a row's profile bounds its norm up to each cut from above, within 32-bit rounding."""
    rows = TextVectorizer(alpha=1.0, idf_power=1.0).fit_transform(synthetic_passages(300, seed=2)["text"])
    index = join.PrefixIndex(rows, 0.5)
    expected, norms_at_cuts = set(), []
    for row in range(rows.shape[0]):
        features = index.indices[index.indptr[row]:index.indptr[row + 1]]
        prefix = np.sqrt(np.cumsum(index.data[index.indptr[row]:index.indptr[row + 1]] ** 2))
        expected |= {(f, row) for f, norm in zip(features, prefix) if norm >= (0.5 - 1e-9) / index.max_norm}
        norms_at_cuts.append(prefix)
    listed = [(f, index.list_row[e]) for f in range(index.n_features)
              for e in range(index.list_ptr[f], index.list_ptr[f + 1])]
    assert set(listed) == expected and len(listed) == len(expected)
    assert listed == sorted(listed)
    index.prepare("accumulate")
    assert index.cuts[-1] == index.n_features - 1
    for row, prefix in enumerate(norms_at_cuts):
        features = index.indices[index.indptr[row]:index.indptr[row + 1]]
        through = np.searchsorted(features, index.cuts, side="right")
        exact = np.where(through > 0, prefix[np.maximum(through - 1, 0)] if len(prefix) else 0.0, 0.0)
        assert (index.profile[row] >= exact).all()
        assert np.allclose(index.profile[row], exact, rtol=1e-6, atol=0)


def test_the_plan_accumulates_on_word_tfidf_at_one_half():
    """The cost model on the benchmark corpus: word TF-IDF at 0.5 leaves the frequent words out of the
    lists, so accumulating reads few entries and is chosen (and is exact)."""
    passages = synthetic_passages(3000, seed=1)
    choices = []
    original = join.choose_strategy

    def spy(index, top_k):
        choices.append(original(index, top_k))
        return choices[-1]

    words = TextVectorizer(alpha=1.0, idf_power=1.0)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(join, "choose_strategy", spy)
        assert_brute_force(passages, 0.5, vectorizer=words)
    assert choices == ["accumulate"]
