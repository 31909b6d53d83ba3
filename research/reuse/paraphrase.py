"""Paraphrase probability: a calibrated, number-aware score of a sentence pair.

`paraphrase_probability(texts_a, texts_b)` is a logistic regression over 23
symmetric features of each pair (`FEATURES`): the package scorer's score
(`research.reuse.similarity`), word, stem, n-gram and character overlap, the
longest common subsequence of stems, IDF-weighted overlap (the scorer's IDF),
and the differences a word-overlap score misses: figures stated on one side
and not the other (`research.claims.quantities.find_quantities`, so "3,000",
"3000" and "three thousand" are one figure and values within 2% match),
weekdays and months, names, negation. Its output reads as the probability
that the pair is a paraphrase in the sense of the MSR Paraphrase Corpus.

The model is the table in `research.reuse.paraphrase_table` (feature means
and scales, one weight per standardised feature, an intercept), applied with
numpy. `benchmarks/fit_paraphrase.py` fits it on one seeded half of the MSRP
training pairs, with copies of paraphrase pairs whose shared figure was
changed added as negatives (MSRP calls many pairs with different figures
paraphrases; "3,000 troops" and "12,000 troops" are different claims), and
reports it on the other half (docs/evaluation.md, "Paraphrase probability"). The
features read the claims stage's figures: when `find_quantities` changes, refit
(`tests/test_paraphrase.py` checks the held-out AUC and calibration).

`paraphrase_pairs(passages)` lists the cross-article passage pairs it rates
at or above a threshold, among the candidates the similarity join finds.
Use it to decide whether two sentences say the same thing (alignment's
paraphrase spans). Do not use it to group sentences about the same fact
(story elements): there the sentences differ in detail and extra clauses,
which it is trained to call non-paraphrase, and the plain score ranks such
pairs better.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from typing import NamedTuple

import numpy as np
import pandas as pd
from sklearn.base import clone
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from research.claims.quantities import find_quantities
from research.errors import AnalysisError
from research.reuse.paraphrase_table import PARAPHRASE_MODEL
from research.reuse.similarity import PAIR_COLUMNS, TextVectorizer, no_pairs, similar_pairs
from research.text.dates import MONTHS, WEEKDAYS
from research.text.tokens import stem, word_tokens

FEATURES = [
    "score", "word_jaccard", "stem_jaccard", "containment_min", "containment_max", "length_ratio",
    "lcs_min", "lcs_max", "bigram_jaccard", "trigram_jaccard", "char4_jaccard", "idf_jaccard",
    "idf_containment_min", "idf_containment_max", "unmatched_idf_max", "unmatched_idf_min",
    "numbers_differ", "numbers_conflict", "numbers_conflict_x_lcs", "numbers_unmatched",
    "calendar_differ", "names_unmatched", "negation_differ",
]
# Two figures within this relative difference are one figure rounded ("34.75 million" / "34.7 million").
NUMBER_TOLERANCE = 0.02
# Pairs scoring below this (the default scorer) are not candidates: benchmarks/fit_paraphrase.py found
# 1% of the MSRP pairs the model rates 0.5 or more below it (chosen on one half, checked on the other).
CANDIDATE_SCORE = 0.45
PARAPHRASE_THRESHOLD = 0.5
NEGATIONS = frozenset("not no never t nor none nobody nothing neither without".split())
# "may" and "mar" are words far more often than months.
CALENDAR = frozenset(WEEKDAYS) | (frozenset(MONTHS) - {"may", "mar"})
CAPITALISED = re.compile(r"\b[A-Z][\w'’-]*")
OPENS_SENTENCE = ".!?:\"“'‘("


class _Sentence(NamedTuple):
    """What the features read of one sentence."""

    words: list[str]
    stems: list[str]
    content: frozenset  # stems of the words that are not stop words
    bigrams: frozenset
    trigrams: frozenset
    grams: frozenset  # character 4-grams of the space-joined normalised words
    numbers: tuple[float, ...]
    calendar: frozenset
    names: frozenset
    negated: bool


def _names(text: str) -> frozenset:
    """Capitalised words other than a sentence's first word, stop words, weekdays and months, case-folded
    (names, places, titles: "Austin", "Pentagon", "NATO")."""
    found = set()
    for match in CAPITALISED.finditer(text):
        before = text[: match.start()].rstrip()
        if not before or before[-1] in OPENS_SENTENCE:
            continue
        word = re.split(r"['’]", match.group())[0].lower()
        if word not in ENGLISH_STOP_WORDS and word not in CALENDAR:
            found.add(word)
    return frozenset(found)


def _ngrams(tokens: list[str], n: int) -> frozenset:
    return frozenset(tuple(tokens[k : k + n]) for k in range(len(tokens) - n + 1))


@lru_cache(maxsize=2**16)
def _sentence(text: str) -> _Sentence:
    words = [word for _, _, word in word_tokens(text)]
    stems = [stem(word) for word in words]
    joined = " " + " ".join(words) + " "
    numbers = tuple(q.value for q in find_quantities(text) if not math.isnan(q.value))
    return _Sentence(
        words, stems, frozenset(s for w, s in zip(words, stems) if w not in ENGLISH_STOP_WORDS),
        _ngrams(stems, 2), _ngrams(stems, 3), frozenset(joined[k : k + 4] for k in range(len(joined) - 3)),
        numbers, frozenset(w for w in words if w in CALENDAR), _names(text), any(w in NEGATIONS for w in words))


def _share(part: float, whole: float) -> float:
    return part / whole if whole else 0.0


def _jaccard(a: frozenset | set, b: frozenset | set) -> float:
    return _share(len(a & b), len(a | b))


def _unmatched(mine: tuple[float, ...], other: tuple[float, ...]) -> int:
    """How many distinct figures of `mine` have no figure of `other` within NUMBER_TOLERANCE."""
    return sum(not any(abs(x - y) <= NUMBER_TOLERANCE * max(abs(x), abs(y)) for y in other) for x in set(mine))


def lcs_length(a: list[str], b: list[str]) -> int:
    """Length of the longest common subsequence of two token lists."""
    previous = [0] * (len(b) + 1)
    for x in a:
        current = [0]
        for j, y in enumerate(b):
            current.append(previous[j] + 1 if x == y else max(previous[j + 1], current[j]))
        previous = current
    return previous[-1]


def _features(a: _Sentence, b: _Sentence, score: float, idf: dict[str, float], rarest: float) -> list[float]:
    """The FEATURES of one pair, in order (symmetric in a and b)."""
    set_a, set_b = set(a.stems), set(b.stems)
    shared = set_a & set_b

    def weight(stems) -> float:
        return sum(idf.get(s, rarest) for s in stems)

    common = weight(a.content & b.content)
    idf_contain = _share(common, weight(a.content)), _share(common, weight(b.content))
    contain = _share(len(shared), len(set_a)), _share(len(shared), len(set_b))
    only = weight(a.content - b.content), weight(b.content - a.content)
    n_a, n_b = max(len(a.stems), 1), max(len(b.stems), 1)
    lcs = lcs_length(a.stems, b.stems)
    extra_a, extra_b = _unmatched(a.numbers, b.numbers), _unmatched(b.numbers, a.numbers)
    # A changed figure: each side states one the other lacks (not merely an extra clause with a figure).
    conflict = float(extra_a > 0 and extra_b > 0)
    words_a, words_b = set(a.words), set(b.words)
    missing_names = len(a.names - words_b) + len(b.names - words_a)
    return [
        score,
        _jaccard(words_a, words_b),
        _jaccard(set_a, set_b),
        min(contain),
        max(contain),
        min(n_a, n_b) / max(n_a, n_b),
        lcs / max(n_a, n_b),
        lcs / min(n_a, n_b),
        _jaccard(a.bigrams, b.bigrams),
        _jaccard(a.trigrams, b.trigrams),
        _jaccard(a.grams, b.grams),
        _share(common, weight(a.content | b.content)),
        min(idf_contain),
        max(idf_contain),
        math.log1p(max(only)),
        math.log1p(min(only)),
        float(extra_a + extra_b > 0),
        conflict,
        conflict * lcs / max(n_a, n_b),
        math.log1p(extra_a + extra_b),
        float(a.calendar != b.calendar),
        math.log1p(missing_names),
        float(a.negated != b.negated),
    ]


def _scorer(texts_a: list[str], texts_b: list[str], vectorizer) -> TextVectorizer:
    """`vectorizer` if fitted, else a copy of it (default `TextVectorizer()`) fitted on both lists."""
    vectorizer = TextVectorizer() if vectorizer is None else vectorizer
    if not isinstance(vectorizer, TextVectorizer):
        raise AnalysisError(f"pair_features needs a TextVectorizer, got {type(vectorizer).__name__}")
    if not hasattr(vectorizer, "blocks_"):
        vectorizer = clone(vectorizer).fit(texts_a + texts_b)
    if not any(block.kind == "word" for block in vectorizer.blocks_):
        raise AnalysisError("pair_features needs a TextVectorizer with a word block (alpha > 0)")
    return vectorizer


def pair_features(texts_a, texts_b, vectorizer: TextVectorizer | None = None) -> np.ndarray:
    """Pairs x FEATURES for the aligned pairs (texts_a[i], texts_b[i]).

    `vectorizer`: a fitted `TextVectorizer` giving the `score` feature and the
    IDF of the IDF features, or an unfitted one (fitted on both lists);
    default `TextVectorizer()` fitted on both lists, as `pair_similarity` does.
    The model was fitted with the default parameters: another scorer shifts
    the features away from what its weights expect.
    """
    texts_a, texts_b = [str(t) for t in texts_a], [str(t) for t in texts_b]
    if len(texts_a) != len(texts_b):
        raise AnalysisError(f"pair_features needs two lists of the same length, got {len(texts_a)} and "
                            f"{len(texts_b)}")
    if not texts_a:
        return np.zeros((0, len(FEATURES)))
    scorer = _scorer(texts_a, texts_b, vectorizer)
    rows = scorer.transform(texts_a + texts_b)
    n = len(texts_a)
    scores = np.clip(np.asarray(rows[:n].multiply(rows[n:]).sum(axis=1)).ravel(), 0.0, 1.0)
    block = next(b for b in scorer.blocks_ if b.kind == "word")
    idf = {name: float(block.idf_[column]) for name, column in block.vocabulary.items()}
    rarest = max(idf.values())
    return np.array([_features(_sentence(a), _sentence(b), s, idf, rarest)
                     for a, b, s in zip(texts_a, texts_b, scores)])


def apply_model(features: np.ndarray, model: dict = PARAPHRASE_MODEL) -> np.ndarray:
    """Probabilities from pairs x FEATURES and a coefficient table (`research.reuse.paraphrase_table`):
    the logistic function of the standardised features times the weights plus the intercept."""
    weights = np.array([model["coefficients"][name] for name in FEATURES])
    z = (features - np.asarray(model["means"])) / np.asarray(model["scales"])
    return 1.0 / (1.0 + np.exp(-(z @ weights + model["intercept"])))


def paraphrase_probability(texts_a, texts_b, vectorizer: TextVectorizer | None = None) -> np.ndarray:
    """Probability that each aligned pair (texts_a[i], texts_b[i]) is a paraphrase, in [0, 1].

    `vectorizer` as in `pair_features` (default `TextVectorizer()` fitted on
    both lists: pass one fitted on the whole corpus, as `align` does, so that
    IDF comes from it). Calibrated on MSRP, whose pairs were preselected as
    similar and are two thirds paraphrases: read it as "a paraphrase, given a
    candidate pair", not as a base rate over all sentence pairs.
    """
    return apply_model(pair_features(texts_a, texts_b, vectorizer))


def paraphrase_pairs(passages: pd.DataFrame, threshold: float = PARAPHRASE_THRESHOLD, roles=("body",),
                     vectorizer: TextVectorizer | None = None) -> pd.DataFrame:
    """Cross-article passage pairs whose paraphrase probability is at least `threshold`.

    `passages`, `roles` as in `similar_pairs`; the candidates are its pairs
    scoring at least CANDIDATE_SCORE with `vectorizer` (default: a
    `TextVectorizer()` fitted on these passages), which also gives the
    probability its score and IDF features. Returns `similar_pairs`' columns
    (`similarity`: the score) and `probability`, sorted by decreasing
    probability, then by the passage ids.
    """
    if roles is not None:
        passages = passages[passages["role"].isin(list(roles))]
    if passages.empty:  # no passage, no pair (and nothing to fit a scorer on)
        return no_pairs().assign(probability=pd.Series(dtype="float64"))
    if vectorizer is None or not hasattr(vectorizer, "blocks_"):
        vectorizer = clone(vectorizer or TextVectorizer()).fit(passages["text"])
    pairs = similar_pairs(passages, threshold=CANDIDATE_SCORE, roles=None, vectorizer=vectorizer)
    text = passages.set_index("passage_id")["text"]
    pairs["probability"] = paraphrase_probability(text[pairs["passage_id_a"]], text[pairs["passage_id_b"]],
                                                  vectorizer) if len(pairs) else np.zeros(0)
    pairs = pairs[pairs["probability"] >= threshold]
    return pairs.sort_values(["probability", "passage_id_a", "passage_id_b"], ascending=[False, True, True],
                             kind="stable", ignore_index=True)[[*PAIR_COLUMNS, "probability"]]
