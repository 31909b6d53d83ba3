"""Passage similarity: one scorer for the whole package, and an exact similarity join.

The scorer (`TextVectorizer`) turns texts into sparse rows whose dot products
are the similarity, a number in [0, 1]:

    score(a, b) = alpha * cos(word block) + (1 - alpha) * cos(character block)

computed as the dot product of the rows `[sqrt(alpha) * w, sqrt(1 - alpha) * c]`
with `w` and `c` L2-normalised TF-IDF rows. Rows are normalised once more at
the end, so a text with an empty block (only punctuation, say) is scored on the
other block alone. Both blocks read the same word tokens (`word_tokens`): runs
of letters and digits, NFKC-normalised and case-folded, numbers kept whole
("3,000" and "3000" are one token); quotes, apostrophes and dashes separate
tokens, so curly and straight forms match.

- Word block: unigrams of Porter stems (stop words kept: "not" and "no" carry
  meaning), sublinear tf (1 + log tf).
- Character block: character 2- to 4-grams inside word boundaries of the
  unstemmed tokens (scikit-learn's `char_wb`), sublinear tf; they match
  inflections and spelling variants of names (Zelenskyy / Zelensky).
- IDF is fitted on the texts being compared (the corpus), raised to the
  power 0.5: full IDF lets one rare word (a name both texts share) dominate.
- alpha = 0.75: words weigh three times as much as character n-grams.

These choices were made on the MSR Paraphrase Corpus: variants were compared on
a seeded half of the training pairs and checked on the other half
(`python benchmarks/evaluate_similarity.py ../shared/data`; README, "Passage
similarity").

`similar_pairs` finds every cross-article passage pair at or above a threshold
by multiplying row blocks of the sparse matrix with its transpose, never an
N x N dense matrix, and is exact for this scorer.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import numpy as np
import pandas as pd
import scipy.sparse as sp
from nltk.stem.porter import PorterStemmer
from sklearn.base import BaseEstimator, TransformerMixin, clone
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer
from sklearn.preprocessing import normalize
from sklearn.utils.validation import check_is_fitted

from research.errors import AnalysisError

PAIR_COLUMNS = ["passage_id_a", "passage_id_b", "article_id_a", "article_id_b", "similarity"]

# A number with its separators and decimals ("3,000", "1.2"), else a run of word characters.
TOKEN = re.compile(r"\d+(?:[.,]\d+)*|\w+")
THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")

# Default threshold of `similar_pairs`; README "Source overlap" says how it was set.
DEFAULT_THRESHOLD = 0.5
# Upper bound on the stored entries of one row block of the sparse product (about 200 MB).
MAX_BLOCK_ENTRIES = 2**24

_STEMMER = PorterStemmer()


def normalise_token(token: str) -> str:
    """The matching form of a token: NFKC, case-folded, thousands separators removed."""
    token = token.lower() if token.isascii() else unicodedata.normalize("NFKC", token).casefold()
    return token.replace(",", "") if THOUSANDS.fullmatch(token) else token


def word_tokens(text: str) -> list[tuple[int, int, str]]:
    """Word tokens of `text` as (start, end, normalised form), offsets into `text`."""
    return [(m.start(), m.end(), normalise_token(m.group())) for m in TOKEN.finditer(text)]


def normalised_words(text: str) -> str:
    """The normalised tokens of `text` separated by single spaces: what both blocks read."""
    return " ".join(normalise_token(token) for token in TOKEN.findall(text))


@lru_cache(maxsize=2**18)
def stem(word: str) -> str:
    """Porter stem of a normalised token (memoised: a corpus repeats its words)."""
    return _STEMMER.stem(word, to_lowercase=False)


class _WordFeatures:
    """Picklable tokenizer of the word block: `normalised_words`, stemmed or not, less stop words."""

    def __init__(self, use_stems: bool, stop_words: frozenset[str]):
        self.use_stems = use_stems
        self.stop_words = stop_words

    def __call__(self, words: str) -> list[str]:
        kept = [w for w in words.split() if w not in self.stop_words]
        return [stem(w) for w in kept] if self.use_stems else kept


class TextVectorizer(TransformerMixin, BaseEstimator):
    """The package's text scorer: sparse rows whose dot products are similarities in [0, 1].

    Parameters (defaults are the chosen design, see the module docstring):
    `alpha` weight of the word block (1 = words only, 0 = characters only);
    `word_ngrams`, `char_ngrams` n-gram ranges; `stem` Porter-stem the word
    block; `stop_words` None or "english" (scikit-learn's list, word block
    only); `sublinear_tf` use 1 + log(tf); `idf_power` exponent applied to the
    IDF weights (1 = classic TF-IDF, 0 = no IDF).

    `fit(texts)` learns vocabulary and IDF; `transform(texts)` returns a CSR
    matrix with one L2-normalised row per text (an all-zero row for a text
    without word characters), so `X @ X.T` holds the pairwise scores.
    """

    def __init__(
        self,
        alpha: float = 0.75,
        word_ngrams: tuple[int, int] = (1, 1),
        char_ngrams: tuple[int, int] = (2, 4),
        stem: bool = True,
        stop_words: str | None = None,
        sublinear_tf: bool = True,
        idf_power: float = 0.5,
    ):
        self.alpha = alpha
        self.word_ngrams = word_ngrams
        self.char_ngrams = char_ngrams
        self.stem = stem
        self.stop_words = stop_words
        self.sublinear_tf = sublinear_tf
        self.idf_power = idf_power

    def _blocks(self) -> list[tuple[float, TfidfVectorizer]]:
        if not 0.0 <= self.alpha <= 1.0:
            raise ValueError(f"alpha must be in [0, 1], got {self.alpha}")
        stop_words = frozenset(ENGLISH_STOP_WORDS) if self.stop_words == "english" else frozenset()
        word = TfidfVectorizer(
            tokenizer=_WordFeatures(self.stem, stop_words),
            token_pattern=None,
            lowercase=False,
            ngram_range=self.word_ngrams,
            sublinear_tf=self.sublinear_tf,
        )
        char = TfidfVectorizer(
            analyzer="char_wb",
            lowercase=False,
            ngram_range=self.char_ngrams,
            sublinear_tf=self.sublinear_tf,
        )
        return [
            (weight, block)
            for weight, block in ((self.alpha, word), (1.0 - self.alpha, char))
            if weight > 0
        ]

    def fit(self, texts, y=None):
        self.fit_transform(texts)
        return self

    def fit_transform(self, texts, y=None) -> sp.csr_matrix:
        texts = [normalised_words(text) for text in texts]
        self.blocks_ = []
        parts = []
        for weight, block in self._blocks():
            try:
                rows = block.fit_transform(texts)
            except ValueError as error:  # scikit-learn: "empty vocabulary"
                raise AnalysisError(
                    f"cannot score these texts: {error} (no words in {len(texts)} texts)"
                ) from error
            # Rows were weighted by the full IDF; reweight them to IDF ** idf_power.
            rows = normalize(rows @ sp.diags(block.idf_ ** (self.idf_power - 1.0)))
            block.idf_ = block.idf_**self.idf_power
            self.blocks_.append((weight, block))
            parts.append(rows)
        return self._combine(parts)

    def transform(self, texts) -> sp.csr_matrix:
        check_is_fitted(self, "blocks_")
        texts = [normalised_words(text) for text in texts]
        return self._combine([block.transform(texts) for _, block in self.blocks_])

    def _combine(self, parts: list[sp.csr_matrix]) -> sp.csr_matrix:
        weighted = [np.sqrt(weight) * part for (weight, _), part in zip(self.blocks_, parts)]
        return normalize(sp.hstack(weighted, format="csr"))


def _rows(vectorizer: TextVectorizer | None, texts: list[str]) -> sp.csr_matrix:
    """The rows of `texts`: from `vectorizer` if fitted, else from a copy fitted on `texts`."""
    vectorizer = TextVectorizer() if vectorizer is None else vectorizer
    if hasattr(vectorizer, "blocks_"):
        return vectorizer.transform(texts)
    return clone(vectorizer).fit_transform(texts)


def pair_similarity(texts_a, texts_b, vectorizer: TextVectorizer | None = None) -> np.ndarray:
    """Similarity of each aligned pair (texts_a[i], texts_b[i]): an array of scores in [0, 1].

    `vectorizer`: a fitted `TextVectorizer` to score with, or an unfitted one
    (its parameters are used, fitted on both lists); default `TextVectorizer()`
    fitted on both lists, so IDF comes from the texts being compared.
    """
    texts_a, texts_b = list(texts_a), list(texts_b)
    if len(texts_a) != len(texts_b):
        raise AnalysisError(
            f"pair_similarity needs two lists of the same length, got {len(texts_a)} "
            f"and {len(texts_b)}"
        )
    if not texts_a:
        return np.zeros(0)
    matrix = _rows(vectorizer, texts_a + texts_b)
    n = len(texts_a)
    scores = np.asarray(matrix[:n].multiply(matrix[n:]).sum(axis=1)).ravel()
    return np.clip(scores, 0.0, 1.0)


def _join(
    matrix: sp.csr_matrix,
    groups: np.ndarray,
    threshold: float,
    top_k: int | None,
    same_group: bool,
    block_rows: int | None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Row pairs (i < j) with score >= threshold, computed one block of rows at a time.

    Each block of rows is multiplied with the whole transposed matrix (made
    once), so every row's score is summed in the same order whatever the block
    size. With `top_k` each row's partners are ranked, ties to the lower row.
    """
    n = matrix.shape[0]
    columns = matrix.T.tocsr()
    if block_rows is None:
        block_rows = max(1, MAX_BLOCK_ENTRIES // max(n, 1))
    found_i, found_j, found_s = [], [], []
    for start in range(0, n, block_rows):
        stop = min(n, start + block_rows)
        product = (matrix[start:stop] @ columns).tocoo()
        rows = product.row.astype(np.int64) + start
        cols = product.col.astype(np.int64)
        keep = (product.data >= threshold) & (rows != cols)
        if not same_group:
            keep &= groups[rows] != groups[cols]
        if not top_k:
            keep &= rows < cols
        rows, cols, scores = rows[keep], cols[keep], product.data[keep]
        if top_k:
            order = np.lexsort((cols, -scores, rows))
            rows, cols, scores = rows[order], cols[order], scores[order]
            first = np.searchsorted(rows, rows, side="left")
            ranked = np.arange(len(rows)) - first < top_k
            rows, cols, scores = rows[ranked], cols[ranked], scores[ranked]
        found_i.append(rows)
        found_j.append(cols)
        found_s.append(scores)
    i = np.concatenate(found_i) if found_i else np.zeros(0, np.int64)
    j = np.concatenate(found_j) if found_j else np.zeros(0, np.int64)
    s = np.concatenate(found_s) if found_s else np.zeros(0)
    if top_k:
        # A pair kept by either of its passages, listed once with the score of its lower row.
        low, high = np.minimum(i, j), np.maximum(i, j)
        order = np.lexsort((i != low, high, low))
        low, high, s = low[order], high[order], s[order]
        first = np.ones(len(low), dtype=bool)
        first[1:] = (low[1:] != low[:-1]) | (high[1:] != high[:-1])
        i, j, s = low[first], high[first], s[first]
    return i, j, s


def similar_pairs(
    passages: pd.DataFrame,
    threshold: float = DEFAULT_THRESHOLD,
    top_k: int | None = None,
    same_article: bool = False,
    roles=("body",),
    vectorizer: TextVectorizer | None = None,
    block_rows: int | None = None,
) -> pd.DataFrame:
    """All passage pairs whose similarity is at least `threshold`, without an N x N matrix.

    `passages`: rows of `split_passages` (needs `article_id`, `passage_id`,
    `text`, and `role` unless `roles` is None); only rows whose role is in
    `roles` are compared (default: body). Pairs within one article are left
    out unless `same_article`; pairs without any shared feature (score 0)
    are never listed. `top_k`: each passage keeps only its `top_k` most
    similar partners (on ties, the partner whose passage_id sorts first), and
    a pair is returned when either of its passages keeps it: at most `top_k`
    pairs kept per passage and N * top_k in all.
    `vectorizer` as in `pair_similarity` (default: fitted on these passages).
    `block_rows`: rows multiplied at a time (default: as many as keep one
    block's product under about 2**24 entries).

    Returns `passage_id_a`, `passage_id_b` (each pair once, a < b),
    `article_id_a`, `article_id_b`, `similarity`, sorted by decreasing
    similarity, then by the passage ids. Exact for the scorer: every pair
    at or above the threshold, scored by the dot product of its two rows, the
    pairs a brute-force all-pairs product gives.
    """
    if top_k is not None and top_k < 1:
        raise ValueError(f"top_k must be a positive number or None, got {top_k}")
    if roles is not None:
        passages = passages[passages["role"].isin(list(roles))]
    passages = passages.sort_values("passage_id", kind="stable")
    if passages["passage_id"].duplicated().any():
        duplicated = passages["passage_id"][passages["passage_id"].duplicated()].iloc[0]
        raise AnalysisError(f"passage_id {duplicated!r} appears twice in the passages table")
    if passages.empty:
        return pd.DataFrame(
            {c: pd.Series(dtype="float64" if c == "similarity" else "object") for c in PAIR_COLUMNS}
        )
    matrix = _rows(vectorizer, passages["text"].tolist())
    groups = pd.factorize(passages["article_id"])[0]
    i, j, scores = _join(matrix, groups, threshold, top_k, same_article, block_rows)
    ids = passages["passage_id"].to_numpy()
    articles = passages["article_id"].to_numpy()
    pairs = pd.DataFrame(
        {
            "passage_id_a": ids[i],
            "passage_id_b": ids[j],
            "article_id_a": articles[i],
            "article_id_b": articles[j],
            "similarity": np.clip(scores, 0.0, 1.0),
        }
    )
    return pairs.sort_values(
        ["similarity", "passage_id_a", "passage_id_b"],
        ascending=[False, True, True],
        kind="stable",
        ignore_index=True,
    )
