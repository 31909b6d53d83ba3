"""The paraphrase probability (`research.reuse.paraphrase`): number-aware, symmetric, calibrated on MSRP."""

import numpy as np
import pytest
from sklearn.metrics import roc_auc_score

from research.corpus import datasets
from research.errors import AnalysisError
from research.reuse.paraphrase import (
    CANDIDATE_SCORE,
    FEATURES,
    PARAPHRASE_THRESHOLD,
    lcs_length,
    pair_features,
    paraphrase_pairs,
    paraphrase_probability,
)
from research.reuse.paraphrase_table import PARAPHRASE_MODEL
from research.reuse.similarity import TextVectorizer

TROOPS = "North Korea has sent about 3,000 troops to Russia, South Korea's spy agency said on Wednesday."
PROFIT = "The company said profit rose 12 percent to $1.2 billion in the third quarter."


@pytest.fixture(scope="module")
def scorer(seed_passages):
    """The default scorer fitted on the seed sentences, so IDF comes from news text."""
    return TextVectorizer().fit(seed_passages["text"].tolist() + [TROOPS, PROFIT])


def test_a_changed_figure_is_a_different_claim_and_a_figure_written_otherwise_is_not(scorer):
    same = [TROOPS, PROFIT]
    changed = [TROOPS.replace("3,000", "12,000"), PROFIT.replace("12 percent", "21 percent")]
    spelled = [TROOPS.replace("3,000", "three thousand"), PROFIT.replace("$1.2 billion", "$1,200 million")]
    identical = paraphrase_probability(same, same, scorer)
    other = paraphrase_probability(same, changed, scorer)
    written = paraphrase_probability(same, spelled, scorer)
    assert (identical > 0.95).all() and (written > 0.9).all()
    assert (other < identical - 0.2).all() and (other < written - 0.2).all()


def test_the_probability_is_symmetric_and_ranks_a_rewording_above_an_unrelated_sentence(scorer):
    a = [TROOPS, TROOPS, PROFIT]
    b = ["South Korea's spy agency said on Wednesday that North Korea had sent some 3,000 soldiers to Russia.",
         "Fresno State generates $1B in economic activity, a study says.",
         "Profit climbed 12 percent to $1.2 billion in the quarter, the company said."]
    forward, backward = paraphrase_probability(a, b, scorer), paraphrase_probability(b, a, scorer)
    assert np.allclose(forward, backward)
    assert forward[0] > 0.5 and forward[2] > 0.5 and forward[1] < 0.1
    assert np.allclose(pair_features(a, b, scorer), pair_features(b, a, scorer))


def test_features_are_the_shipped_table_s_and_errors_name_the_problem():
    assert list(PARAPHRASE_MODEL["coefficients"]) == FEATURES
    assert len(PARAPHRASE_MODEL["means"]) == len(PARAPHRASE_MODEL["scales"]) == len(FEATURES)
    assert pair_features([], []).shape == (0, len(FEATURES))
    assert lcs_length("a b c d".split(), "b x d".split()) == 2
    with pytest.raises(AnalysisError, match="same length"):
        paraphrase_probability([TROOPS], [])
    with pytest.raises(AnalysisError, match="word block"):
        paraphrase_probability([TROOPS], [PROFIT], TextVectorizer(alpha=0.0))


def test_held_out_msrp_pairs_auc_and_calibration(data_dir):
    # The report half of benchmarks/fit_paraphrase.py: never used to fit the table.
    pairs = datasets.read_msrp(data_dir / "msrp_train")
    n = len(pairs)
    report = np.setdiff1d(np.arange(n), np.random.default_rng(0).permutation(n)[: n // 2])
    scorer = TextVectorizer().fit(pairs["text_a"].tolist() + pairs["text_b"].tolist())
    p = paraphrase_probability(pairs["text_a"].to_numpy()[report], pairs["text_b"].to_numpy()[report], scorer)
    labels = pairs["label"].to_numpy()[report]
    score = pair_features(pairs["text_a"].to_numpy()[report], pairs["text_b"].to_numpy()[report], scorer)[:, 0]
    assert roc_auc_score(labels, p) > 0.80 > roc_auc_score(labels, score)
    bins = np.minimum((p * 10).astype(int), 9)
    gaps = [abs(p[bins == k].mean() - labels[bins == k].mean()) * (bins == k).sum() for k in np.unique(bins)]
    assert sum(gaps) / len(p) < 0.05  # expected calibration error


def test_paraphrase_pairs_on_the_seeds_are_candidates_rated_at_the_threshold(seed_passages):
    pairs = paraphrase_pairs(seed_passages)
    texts = seed_passages.set_index("passage_id")["text"]
    assert (pairs["probability"] >= PARAPHRASE_THRESHOLD).all() and (pairs["similarity"] >= CANDIDATE_SCORE).all()
    assert (pairs["article_id_a"] != pairs["article_id_b"]).all()
    assert pairs["probability"].is_monotonic_decreasing
    starts = {(texts[a][:29], texts[b][:29]) for a, b in zip(pairs["passage_id_a"], pairs["passage_id_b"])}
    assert ("NATO Secretary General Mark R", "On Tuesday, NATO Secretary-Ge") in starts  # the shared wire sentence
    assert np.allclose(pairs["probability"], paraphrase_probability(
        texts[pairs["passage_id_a"]], texts[pairs["passage_id_b"]],
        TextVectorizer().fit(seed_passages.loc[seed_passages["role"] == "body", "text"])))
