"""Passage similarity: one scorer for the whole package, and a similarity join that scales.

The scorer (`TextVectorizer`) turns texts into sparse rows whose dot products
are the similarity, a number in [0, 1]. By default it is the cosine of word
TF-IDF rows: Porter stems of the word tokens (`research.text.tokens`: runs of
letters and digits, NFKC-normalised and case-folded, numbers kept whole, so
"3,000" and "3000" are one token and curly and straight quotes match), stop
words kept ("not" and "no" carry meaning), sublinear tf (1 + log tf), IDF
fitted on the texts being compared (the corpus), smoothed as in scikit-learn
(1 + ln((1 + n) / (1 + df))).

A character block can be mixed in (`alpha` < 1):

    score(a, b) = alpha * cos(word block) + (1 - alpha) * cos(character block)

computed as the dot product of the rows `[sqrt(alpha) * w, sqrt(1 - alpha) * c]`
with `w` and `c` L2-normalised TF-IDF rows (rows are normalised once more at
the end, so a text with an empty block is scored on the other block alone).
Character n-grams (2 to 4 inside word boundaries, scikit-learn's `char_wb`, of
the unstemmed tokens) match inflections and spellings of names (Zelenskyy /
Zelensky). `TWO_BLOCK` (alpha 0.75, IDF damped to its square root) ranks MSRP
paraphrases a little better than words alone (held-out ROC AUC 0.767 against
0.761) but makes the exact join several times slower at scale, because a pair
may reach the threshold on characters with a low word cosine: the default is
the fast one, and what it costs is measured by `benchmarks/evaluate_similarity.py`
(docs/evaluation.md, "Similarity scorer"). Whether two sentences say the same thing is the
paraphrase probability's job (`research.reuse.paraphrase`), not the score's.

The rows equal scikit-learn's `TfidfVectorizer` with these settings (tested)
but are built with numpy from each distinct word once, and the character rows
are kept as word counts (`research.reuse.join.CharRows`), so a million passages
need no character matrix.

`similar_pairs` finds every cross-article passage pair at or above a threshold.
`method="exact"` (default) is exact for the scorer: a prefix-filtered join
(`research.reuse.join`) that never forms the N x N product and skips the pairs
that provably cannot reach the threshold; `method="minhash"` finds near-verbatim
pairs faster by MinHash LSH on word shingles and scores them exactly, at the
cost of missing some pairs (docs/scale.md).
"""

from __future__ import annotations

import os
import re
import sys
from concurrent.futures import ThreadPoolExecutor
from itertools import chain
from typing import NamedTuple

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.base import BaseEstimator, TransformerMixin, clone
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS
from sklearn.preprocessing import normalize
from sklearn.utils.validation import check_is_fitted
from tqdm import tqdm

from research.errors import AnalysisError
from research.reuse import join
from research.text.tokens import TOKEN, normalise_token, stem

PAIR_COLUMNS = ["passage_id_a", "passage_id_b", "article_id_a", "article_id_b", "similarity"]

# Default threshold of `similar_pairs`; docs/evaluation.md, "Similarity scorer", says how it was set.
DEFAULT_THRESHOLD = 0.5
# The two-block scorer, the default before words alone was made the default (module docstring).
TWO_BLOCK = {"alpha": 0.75, "idf_power": 0.5}
# Rows per task of the join (a task's memory is a few arrays of one number per passage).
BLOCK_ROWS = 4096
# Rows whose character n-grams are counted at a time when fitting or materialising that block.
CHAR_CHUNK = 20_000
# Texts tokenised at a time by `read_words`, joined into one string by SEPARATOR (a character that
# is no part of a token, replaced by a space in the texts) and read in one regex scan, which also
# finds each SEPARATOR.
READ_CHUNK = 50_000
SEPARATOR = "\x1e"  # ASCII record separator
SEPARATED_TOKEN = re.compile(TOKEN.pattern + "|" + SEPARATOR)
# Texts turned into rows at a time from word counts (`TextVectorizer.fit_counts`, `transform_counts`).
COUNT_CHUNK = 20_000
# A row's time interval for `similar_pairs(window_hours=...)`: hours since 1970-01-01 UTC (NaN: unknown).
TIME_COLUMNS = ["time_start", "time_end"]
METHODS = ("exact", "minhash")
BACKENDS = ("local", "dask")


def char_wb_ngrams(word: str, low: int, high: int) -> list[str]:
    """scikit-learn's `char_wb` n-grams of one word: the word padded with a space on each side,
    n-grams of each length from `low` to `high`; a padded word no longer than n is one n-gram
    and ends the lengths."""
    padded = f" {word} "
    grams = []
    for n in range(low, high + 1):
        grams += [padded[k : k + n] for k in range(max(1, len(padded) - n + 1))]
        if len(padded) <= n:
            break
    return grams


class Words(NamedTuple):
    """Texts as word sequences: text k is `vocabulary[i] for i in ids[indptr[k]:indptr[k + 1]]`,
    the words of `normalised_words(text).split()`."""

    vocabulary: list[str]
    indptr: np.ndarray
    ids: np.ndarray

    def counts(self) -> sp.csr_matrix:
        """Texts x words: how often each text has each word."""
        counts = sp.csr_matrix((np.ones(len(self.ids)), self.ids, self.indptr),
                               shape=(len(self.indptr) - 1, len(self.vocabulary)))
        counts.sum_duplicates()
        return counts


def _offsets(lengths) -> np.ndarray:
    return np.concatenate([[0], np.cumsum(np.asarray(lengths, dtype=np.int64))]).astype(np.int64)


def _kept(indptr: np.ndarray, keep: np.ndarray) -> np.ndarray:
    """CSR row starts once only the entries where `keep` is true are kept."""
    if keep.all():
        return indptr
    kept = np.cumsum(keep)  # kept entries up to and including each entry
    return np.where(indptr > 0, kept[np.maximum(indptr - 1, 0)] if len(kept) else 0, 0)


def read_words(texts) -> Words:
    """The words of each text, each distinct token normalised once. Texts are tokenised READ_CHUNK
    at a time, so only one chunk's tokens are held as Python strings; words are kept as 32-bit ids."""
    texts = list(texts)
    type_number: dict[str, int] = {}  # each distinct token, numbered in order of first appearance
    word_number: dict[str, int] = {}  # each distinct word, numbered in order of first appearance
    # Per token type, its words: usually one, but NFKC can expand a character into several ("ﷺ").
    form_start, form_length, form_words = [], [], []
    word_ids, word_counts = [], []
    for start in range(0, len(texts), READ_CHUNK):
        joined = SEPARATOR.join(text.replace(SEPARATOR, " ") for text in texts[start : start + READ_CHUNK])
        tokens = SEPARATED_TOKEN.findall(joined.lower() if joined.isascii() else joined)
        codes, found = pd.factorize(np.array(tokens, dtype=object))
        for token in found:
            if token != SEPARATOR and token not in type_number:
                type_number[token] = len(type_number)
                form = [word_number.setdefault(word, len(word_number)) for word in normalise_token(token).split()]
                form_start.append(len(form_words))
                form_length.append(len(form))
                form_words += form
        token_types = np.array([type_number.get(token, -1) for token in found], dtype=np.int64)[codes]
        is_token = token_types >= 0
        starts = np.asarray(form_start, np.int64)[token_types[is_token]]
        lengths = np.asarray(form_length, np.int64)[token_types[is_token]]
        ends = np.cumsum(lengths)
        positions = np.repeat(starts - ends + lengths, lengths) + np.arange(ends[-1] if len(ends) else 0)
        word_ids.append(np.asarray(form_words, np.int32)[positions])
        # Words per text: the words of the tokens between two separators.
        total = np.zeros(len(codes) + 1, np.int64)
        total[1:][is_token] = lengths
        total = np.cumsum(total)
        bounds = np.concatenate(([0], np.flatnonzero(~is_token) + 1, [len(codes) + 1]))
        word_counts.append(total[bounds[1:] - 1] - total[bounds[:-1]])
    return Words(list(word_number), _offsets(np.concatenate(word_counts) if word_counts else []),
                 np.concatenate(word_ids) if word_ids else np.zeros(0, np.int32))


def read_word_counts(chunks, drop=frozenset()) -> tuple[list[str], sp.csr_matrix]:
    """Texts x words: how often each text uses each word (`read_words`), the texts given as an
    iterable of lists (chunks) and read a chunk at a time, so only the counts are ever held.

    Words in `drop` (a stop list) are left out. Returns the vocabulary (in order of first
    appearance) and the counts (CSR, 32-bit; a row's columns not in order).
    """
    number: dict[str, int] = {}
    indptr, indices, data = [np.zeros(1, np.int64)], [], []
    for texts in chunks:
        words = read_words(texts)
        column = np.array([-1 if w in drop else number.setdefault(w, len(number)) for w in words.vocabulary],
                          dtype=np.int32)
        counts = words.counts()
        keep = column[counts.indices] >= 0
        indptr.append(_kept(counts.indptr, keep)[1:] + indptr[-1][-1])
        indices.append(column[counts.indices[keep]])
        data.append(counts.data[keep].astype(np.int32))
    indptr = np.concatenate(indptr)
    return list(number), sp.csr_matrix((_joined(data, np.int32), _joined(indices, np.int32), indptr),
                                       shape=(len(indptr) - 1, len(number)))


def _joined(parts: list, dtype) -> np.ndarray:
    """The arrays of `parts` end to end, each dropped once copied (the result's pages are written as
    the parts are freed, so the peak stays near one copy)."""
    out = np.empty(sum(len(part) for part in parts), dtype)
    at = 0
    while parts:
        part = parts.pop(0)
        out[at : at + len(part)] = part
        at += len(part)
    return out


def words_of_counts(vocabulary: list[str], counts: sp.csr_matrix) -> Words:
    """`Words` of texts given as word counts (`read_word_counts`): each text holds each of its words
    as often as it counts, in column order. The texts' words but not their order, which is all a
    scorer of single words reads."""
    used, local = np.unique(counts.indices, return_inverse=True)
    ends = np.concatenate([[0], np.cumsum(counts.data, dtype=np.int64)])
    return Words([vocabulary[k] for k in used], ends[counts.indptr],
                 np.repeat(local.astype(np.int32), counts.data.astype(np.int64)))


def _columns(names: list[str], vocabulary: dict[str, int] | None) -> tuple[np.ndarray, dict[str, int]]:
    """Column of each feature name: in `vocabulary` (-1 when absent), or in a new sorted vocabulary."""
    if vocabulary is None:
        vocabulary = {name: k for k, name in enumerate(sorted(set(names)))}
    return np.array([vocabulary.get(name, -1) for name in names], dtype=np.int64), vocabulary


def _idf(document_frequency: np.ndarray, n_texts: int, power: float) -> np.ndarray:
    """scikit-learn's smoothed IDF, 1 + ln((1 + n) / (1 + df)), raised to `power`."""
    return (np.log((1.0 + n_texts) / (1.0 + document_frequency)) + 1.0) ** power


def _tf(counts: np.ndarray, sublinear: bool) -> np.ndarray:
    return np.log(counts) + 1.0 if sublinear else counts


class _Block:
    """A fitted block of the scorer: `kind` ("word" or "char"), `weight`, `vocabulary` (feature ->
    column) and `idf_` (the IDF weights, already raised to the scorer's `idf_power`)."""

    def __init__(self, kind: str, weight: float, vocabulary: dict[str, int], idf: np.ndarray):
        self.kind = kind
        self.weight = weight
        self.vocabulary = vocabulary
        self.idf_ = idf


class CharBlock(NamedTuple):
    """A character block kept as word counts (`join.CharRows`) and materialised on demand."""

    rows: join.CharRows

    def matrix(self) -> sp.csr_matrix:
        """The normalised character rows as one CSR matrix."""
        rows, n = self.rows, len(self.rows.norms)
        parts = []
        for start in range(0, n, CHAR_CHUNK):
            stop = min(n, start + CHAR_CHUNK)
            indptr, ids, counts = _char_counts(rows, start, stop)
            values = _tf(counts, rows.sublinear) * rows.idf[ids]
            scale = np.repeat(1.0 / np.where(rows.norms[start:stop] > 0, rows.norms[start:stop], 1.0),
                              np.diff(indptr))
            parts.append(sp.csr_matrix((values * scale, ids, indptr), shape=(stop - start, len(rows.idf))))
            parts[-1].sort_indices()
        return sp.vstack(parts, format="csr") if parts else sp.csr_matrix((0, len(rows.idf)))


def _char_counts(rows: join.CharRows, start: int, stop: int):
    return join.char_counts(start, stop, rows.count_ptr, rows.count_word, rows.count_n, rows.gram_ptr,
                            rows.gram_id, rows.gram_n, len(rows.idf))


def _over_chunks(rows: join.CharRows, work) -> list:
    """`work(start, stop, indptr, ids, counts)` on the n-gram counts of each CHAR_CHUNK of rows, in
    threads (the counting kernel releases the GIL), results in row order."""
    n = len(rows.norms)

    def one(start: int):
        stop = min(n, start + CHAR_CHUNK)
        return work(start, stop, *_char_counts(rows, start, stop))

    with ThreadPoolExecutor(len(os.sched_getaffinity(0))) as pool:
        return list(pool.map(one, range(0, n, CHAR_CHUNK)))


class Blocks(NamedTuple):
    """The blocks of a text table before weighting: `word` (normalised CSR rows, or None) and
    `char` (`CharBlock`, or None), with the word block's weight `alpha`."""

    word: sp.csr_matrix | None
    char: CharBlock | None
    alpha: float


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
        alpha: float = 1.0,
        word_ngrams: tuple[int, int] = (1, 1),
        char_ngrams: tuple[int, int] = (2, 4),
        stem: bool = True,
        stop_words: str | None = None,
        sublinear_tf: bool = True,
        idf_power: float = 1.0,
    ):
        self.alpha = alpha
        self.word_ngrams = word_ngrams
        self.char_ngrams = char_ngrams
        self.stem = stem
        self.stop_words = stop_words
        self.sublinear_tf = sublinear_tf
        self.idf_power = idf_power

    def _kinds(self) -> list[tuple[str, float]]:
        if not 0.0 <= self.alpha <= 1.0:
            raise ValueError(f"alpha must be in [0, 1], got {self.alpha}")
        return [(kind, weight) for kind, weight in (("word", self.alpha), ("char", 1.0 - self.alpha)) if weight > 0]

    def fit(self, texts, y=None):
        self.fit_blocks(read_words(texts))
        return self

    def fit_transform(self, texts, y=None) -> sp.csr_matrix:
        return self.combine(self.fit_blocks(read_words(texts)))

    def transform(self, texts) -> sp.csr_matrix:
        return self.combine(self.blocks(read_words(texts)))

    def fit_counts(self, vocabulary: list[str], counts: sp.csr_matrix):
        """Fit on texts given as word counts (`read_word_counts`) rather than as texts: the vocabulary
        and IDF `fit` finds on the texts, for a scorer of single words (`alpha` 1, `word_ngrams` (1,
        1)), read COUNT_CHUNK texts at a time. Words left out of the counts must be stop words this
        scorer drops."""
        self._check_counts()
        frequency: dict[str, int] = {}
        for start in range(0, counts.shape[0], COUNT_CHUNK):
            features, names = self._word_counts(words_of_counts(vocabulary, counts[start : start + COUNT_CHUNK]), None)
            for name, found in zip(names, np.bincount(features.indices, minlength=len(names)).tolist()):
                frequency[name] = frequency.get(name, 0) + found
        if not frequency:
            raise AnalysisError(f"cannot score these texts: empty vocabulary (no words in {counts.shape[0]} texts)")
        names = {name: k for k, name in enumerate(sorted(frequency))}
        self.blocks_ = [_Block("word", 1.0, names, _idf(np.array([frequency[n] for n in names]), counts.shape[0],
                                                       self.idf_power))]
        return self

    def transform_counts(self, vocabulary: list[str], counts: sp.csr_matrix) -> sp.csr_matrix:
        """`transform` of texts given as word counts (as `fit_counts`), COUNT_CHUNK texts at a time."""
        check_is_fitted(self, "blocks_")
        self._check_counts()
        indptr, indices, data = [np.zeros(1, np.int64)], [], []
        for start in range(0, counts.shape[0], COUNT_CHUNK):
            part = self.combine(self.blocks(words_of_counts(vocabulary, counts[start : start + COUNT_CHUNK])))
            indptr.append(part.indptr[1:] + indptr[-1][-1])
            indices.append(part.indices.astype(np.int32))
            data.append(part.data)
        return sp.csr_matrix((_joined(data, np.float64), _joined(indices, np.int32), np.concatenate(indptr)),
                             shape=(counts.shape[0], len(self.blocks_[0].vocabulary)))

    def _check_counts(self) -> None:
        if self._kinds() != [("word", 1.0)] or tuple(self.word_ngrams) != (1, 1):
            raise ValueError("only a scorer of single words (alpha 1, word_ngrams (1, 1)) can be fitted on word "
                             "counts: word order is not in them")

    def fit_blocks(self, words: Words) -> Blocks:
        """Fit vocabulary and IDF on `words` (`read_words`) and return their `Blocks`."""
        self.blocks_ = []
        n = len(words.indptr) - 1
        word = char = None
        for kind, weight in self._kinds():
            if kind == "word":
                counts, vocabulary = self._word_counts(words, None)
                frequency = np.bincount(counts.indices, minlength=counts.shape[1])
            else:
                word_grams, vocabulary = self._word_grams(words, None)
                rows = join.CharRows(words.counts(), word_grams, np.ones(len(vocabulary)), self.sublinear_tf,
                                     np.ones(n))
                frequency = _gram_frequency(rows)
            if not vocabulary:
                raise AnalysisError(f"cannot score these texts: empty vocabulary (no words in {n} texts)")
            block = _Block(kind, weight, vocabulary, _idf(frequency, n, self.idf_power))
            self.blocks_.append(block)
            if kind == "word":
                word = self._word_rows(counts, block.idf_)
            else:
                char = CharBlock(_char_rows(rows.count_ptr, rows.count_word, rows.count_n, word_grams, block.idf_,
                                            self.sublinear_tf))
        return Blocks(word, char, self.alpha)

    def blocks(self, words: Words) -> Blocks:
        """The word and character blocks of `words` with the fitted vocabulary and IDF."""
        check_is_fitted(self, "blocks_")
        word = char = None
        for block in self.blocks_:
            if block.kind == "word":
                word = self._word_rows(self._word_counts(words, block.vocabulary)[0], block.idf_)
            else:
                word_grams, _ = self._word_grams(words, block.vocabulary)
                counts = words.counts()
                char = CharBlock(_char_rows(counts.indptr, counts.indices, counts.data, word_grams, block.idf_,
                                            self.sublinear_tf))
        return Blocks(word, char, self.alpha)

    def _word_rows(self, counts: sp.csr_matrix, idf: np.ndarray) -> sp.csr_matrix:
        """Normalised TF-IDF word rows from texts x word-feature counts."""
        counts.data = _tf(counts.data, self.sublinear_tf) * idf[counts.indices]
        return normalize(counts)

    def combine(self, blocks: Blocks) -> sp.csr_matrix:
        """One CSR matrix from `blocks`: `[sqrt(alpha) * word, sqrt(1 - alpha) * char]`, rows normalised."""
        parts = [np.sqrt(self.alpha) * blocks.word] if blocks.word is not None else []
        if blocks.char is not None:
            parts.append(np.sqrt(1.0 - self.alpha) * blocks.char.matrix())
        return normalize(sp.hstack(parts, format="csr"))

    def _word_counts(self, words: Words, vocabulary: dict[str, int] | None) -> tuple[sp.csr_matrix, dict]:
        """Texts x word features (stems or words, n-grams of them after stop words are dropped)."""
        stop_words = ENGLISH_STOP_WORDS if self.stop_words == "english" else frozenset()
        forms = [None if w in stop_words else stem(w) if self.stem else w for w in words.vocabulary]
        unigrams = list(dict.fromkeys(f for f in forms if f is not None))
        number = dict(zip(unigrams, range(len(unigrams))))
        sequence = np.array([-1 if f is None else number[f] for f in forms], dtype=np.int32)[words.ids]
        indptr = _kept(words.indptr, sequence >= 0)  # per text, where its words after stop words start
        sequence = sequence[sequence >= 0]
        names, entries = [], []
        low, high = self.word_ngrams
        rows = np.repeat(np.arange(len(indptr) - 1, dtype=np.int32), np.diff(indptr)) if high > 1 else None
        for n in range(low, high + 1):
            if n == 1:
                grams, gram_ptr, gram_names = sequence, indptr, unigrams
            else:
                starts = np.flatnonzero(rows[: len(rows) - n + 1] == rows[n - 1 :])
                windows = np.stack([sequence[starts + k] for k in range(n)], axis=1).reshape(-1, n)
                unique, grams = np.unique(windows, axis=0, return_inverse=True)
                gram_ptr = _offsets(np.bincount(rows[starts], minlength=len(indptr) - 1))
                gram_names = [" ".join(unigrams[i] for i in u) for u in unique]
            entries.append((gram_ptr, grams.ravel() + len(names)))
            names += gram_names
        columns, vocabulary = _columns(names, vocabulary)
        # Each n's entries are in text order: CSR rows as they stand (summed where a feature repeats).
        parts = []
        for gram_ptr, grams in entries:
            found = columns[grams]
            keep = found >= 0
            parts.append(sp.csr_matrix((np.ones(np.count_nonzero(keep)), found[keep], _kept(gram_ptr, keep)),
                                       shape=(len(indptr) - 1, len(vocabulary))))
        counts = sum(parts[1:], parts[0])
        counts.sum_duplicates()
        return counts, vocabulary

    def _word_grams(self, words: Words, vocabulary: dict[str, int] | None) -> tuple[sp.csr_matrix, dict]:
        """Words x character n-grams (`char_wb`): how often each word has each n-gram."""
        grams = [char_wb_ngrams(w, *self.char_ngrams) for w in words.vocabulary]
        columns, vocabulary = _columns(list(chain.from_iterable(grams)), vocabulary)
        owner = np.repeat(np.arange(len(grams)), [len(g) for g in grams])
        keep = columns >= 0
        return sp.csr_matrix((np.ones(keep.sum()), (owner[keep], columns[keep])),
                             shape=(len(grams), len(vocabulary))), vocabulary


def _gram_frequency(rows: join.CharRows) -> np.ndarray:
    """How many texts have each n-gram."""
    size = len(rows.idf)
    counted = _over_chunks(rows, lambda start, stop, indptr, ids, counts: np.bincount(ids, minlength=size))
    return sum(counted, np.zeros(size))


def _char_rows(count_ptr, count_word, count_n, word_grams: sp.csr_matrix, idf: np.ndarray,
               sublinear: bool) -> join.CharRows:
    """Character rows kept as word counts (CSR arrays of texts x words), with each row's norm under
    `idf` (counted by chunks in threads)."""
    n = len(count_ptr) - 1
    counts = sp.csr_matrix((count_n, count_word, count_ptr), shape=(n, word_grams.shape[0]))
    rows = join.CharRows(counts, word_grams, idf, sublinear, np.zeros(n))

    def norms(start, stop, indptr, ids, gram_counts):
        owner = np.repeat(np.arange(stop - start), np.diff(indptr))
        squares = (_tf(gram_counts, sublinear) * idf[ids]) ** 2
        return np.sqrt(np.bincount(owner, weights=squares, minlength=stop - start))

    rows.norms[:] = np.concatenate(_over_chunks(rows, norms)) if n else np.zeros(0)
    return rows


def _fitted(vectorizer, texts: list[str]):
    """`vectorizer` if fitted, else a copy of it (default `TextVectorizer()`) fitted on `texts`."""
    vectorizer = TextVectorizer() if vectorizer is None else vectorizer
    return vectorizer if hasattr(vectorizer, "blocks_") else clone(vectorizer).fit(texts)


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
    matrix = _fitted(vectorizer, texts_a + texts_b).transform(texts_a + texts_b)
    n = len(texts_a)
    scores = np.asarray(matrix[:n].multiply(matrix[n:]).sum(axis=1)).ravel()
    return np.clip(scores, 0.0, 1.0)


def _show_progress(progress: bool | None, blocks: int) -> bool:
    """Whether to draw a progress bar: `progress` if given, else only for a join of at least eight
    blocks run from a terminal (never in a notebook kernel or a test, whose stderr is captured)."""
    if progress is not None:
        return progress
    return blocks >= 8 and sys.stderr.isatty() and "ipykernel" not in sys.modules


def _plan(texts: list[str], vectorizer, threshold: float, groups: np.ndarray, same_group: bool,
          top_k: int | None, method: str) -> join.JoinPlan:
    """The join plan for `texts` under `vectorizer` (default `TextVectorizer()`, fitted on `texts`
    unless already fitted). Candidates come from MinHash LSH (`method="minhash"`) or from prefix
    lists: on the word rows for the two-block scorer, with the character rows kept as word counts
    (built for the candidates only), else on the scorer's whole rows."""
    vectorizer = TextVectorizer() if vectorizer is None else vectorizer
    words = read_words(texts)
    candidates = join.minhash_candidates(words.indptr, words.ids, groups, same_group, bool(top_k)) \
        if method == "minhash" else None
    if not isinstance(vectorizer, TextVectorizer):
        matrix = clone(vectorizer).fit_transform(texts).tocsr()
        return join.JoinPlan(matrix, None, 1.0, threshold, groups, same_group, top_k, candidates)
    if hasattr(vectorizer, "blocks_"):
        blocks = vectorizer.blocks(words)
    else:
        vectorizer = clone(vectorizer)
        blocks = vectorizer.fit_blocks(words)
    if blocks.word is not None and blocks.char is not None and threshold > 1.0 - blocks.alpha:
        return join.JoinPlan(blocks.word, blocks.char.rows, blocks.alpha, threshold, groups, same_group, top_k,
                             candidates)
    return join.JoinPlan(vectorizer.combine(blocks), None, 1.0, threshold, groups, same_group, top_k, candidates)


def _run_local(plan: join.JoinPlan, starts: list[int], block_rows: int, progress: bool):
    """The blocks of `plan` in threads (the kernels release the GIL), results in block order."""
    workers = min(len(starts), len(os.sched_getaffinity(0))) or 1
    with ThreadPoolExecutor(workers) as pool, tqdm(total=len(starts), desc="similar_pairs", unit="block",
                                                   disable=not progress, file=sys.stderr) as bar:
        futures = [pool.submit(plan.block, start, min(plan.n_rows, start + block_rows)) for start in starts]
        results = []
        for future in futures:
            results.append(future.result())
            bar.update()
    return results


def _one_per_pair(i: np.ndarray, j: np.ndarray, s: np.ndarray):
    """Pairs kept by either of their rows (top_k), listed once as (low, high) with the low row's score."""
    low, high = np.minimum(i, j), np.maximum(i, j)
    order = np.lexsort((i != low, high, low))
    low, high, s = low[order], high[order], s[order]
    first = np.ones(len(low), dtype=bool)
    first[1:] = (low[1:] != low[:-1]) | (high[1:] != high[:-1])
    return low[first], high[first], s[first]


def vectorize(texts: list[str], vectorizer=None) -> sp.csr_matrix:
    """The rows of `texts` as `similar_pairs` scores them: a fitted `TextVectorizer` transforms them;
    an unfitted one (default `TextVectorizer()`) or any other vectorizer is fitted on them (a copy)."""
    vectorizer = TextVectorizer() if vectorizer is None else vectorizer
    if isinstance(vectorizer, TextVectorizer) and hasattr(vectorizer, "blocks_"):
        return vectorizer.transform(texts)
    return sp.csr_matrix(clone(vectorizer).fit_transform(texts))


def interval_gaps(start: np.ndarray, end: np.ndarray, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """Hours between the time intervals [start, end] of rows i and j: 0 when they overlap, NaN when
    either is unknown."""
    return np.maximum(0.0, np.maximum(start[j] - end[i], start[i] - end[j]))


def longest_gaps(start: np.ndarray, end: np.ndarray, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """Hours rows i and j can lie apart at most, given their time intervals [start, end] (NaN when either is
    unknown): for two timestamps their gap, for two dates without a time of day at least a day."""
    return np.maximum(end[j] - start[i], end[i] - start[j])


def time_joins(start: np.ndarray, end: np.ndarray, window_hours: float) -> list[tuple[np.ndarray, int]]:
    """The joins that together meet every pair of rows at most `window_hours` apart, each pair once:
    (rows, n_first), a pair counted when one of its rows is among the first `n_first`.

    Rows with a time (`start` not NaN) are sorted by `start` and cut into spans of the window plus the
    longest interval, so two rows within the window lie in one span or in two consecutive ones; each
    span is joined with the next. Rows without a time are joined with every row.
    """
    dated = ~np.isnan(start)
    order = np.flatnonzero(dated)[np.argsort(start[dated], kind="stable")]
    joins = []
    if len(order):
        stride = max(float(window_hours) + float(np.max(end[order] - start[order])), 1.0)
        span = np.floor((start[order] - start[order[0]]) / stride).astype(np.int64)
        bounds = np.concatenate([[0], np.flatnonzero(np.diff(span)) + 1, [len(order)]])
        for k in range(len(bounds) - 1):
            following = bounds[k + 2] if k + 2 < len(bounds) and span[bounds[k + 1]] == span[bounds[k]] + 1 \
                else bounds[k + 1]
            joins.append((order[bounds[k] : following], int(bounds[k + 1] - bounds[k])))
    undated = np.flatnonzero(~dated)
    if len(undated):
        joins.append((np.concatenate([undated, np.flatnonzero(dated)]), len(undated)))
    return joins


def windowed_join(matrix: sp.csr_matrix, start: np.ndarray, end: np.ndarray, window_hours: float | None,
                  threshold: float, groups: np.ndarray | None = None,
                  same_group: bool = True) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every pair of rows of `matrix` (L2-normalised) scoring at least `threshold` whose time
    intervals ([start, end] in hours, NaN when unknown) are at most `window_hours` apart or unknown:
    (i, j, score) with i < j, sorted; exactly the pairs of a full join filtered by `interval_gaps`.

    Each of the `time_joins` is an exact prefix-filtered join (`research.reuse.join`) of its rows
    alone (vocabulary cut to the words they use), so the cost grows with the rows per window, not
    with all pairs; the joins run in threads (the kernels release the GIL). `window_hours` None: one
    join of all rows. `groups`, `same_group` as in `join.JoinPlan` (default: no pair left out).
    """
    n = matrix.shape[0]
    matrix = sp.csr_matrix(matrix)
    groups = np.zeros(n, np.int64) if groups is None else np.asarray(groups)
    joins = [(np.arange(n), n)] if window_hours is None else time_joins(start, end, window_hours)
    nothing = np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0)

    def run(task):
        rows, n_first = task
        if len(rows) < 2:
            return nothing
        sub = matrix[rows]
        used, column = np.unique(sub.indices, return_inverse=True)
        sub = sp.csr_matrix((sub.data, column.astype(np.int32), sub.indptr), shape=(len(rows), len(used)))
        plan = join.JoinPlan(sub, None, 1.0, threshold, groups[rows], same_group, None)
        found = [plan.block(begin, min(n_first, begin + BLOCK_ROWS)) for begin in range(0, n_first, BLOCK_ROWS)]
        x, y, s = (np.concatenate(part) for part in zip(*found))
        return rows[x], rows[y], s  # x is among the first n_first rows and y > x: each pair once

    with ThreadPoolExecutor(min(len(joins), len(os.sched_getaffinity(0))) or 1) as pool:
        parts = list(pool.map(run, joins))
    i, j, s = (np.concatenate(part) for part in zip(nothing, *parts))
    low, high = np.minimum(i, j), np.maximum(i, j)
    keep = np.ones(len(low), bool) if window_hours is None else \
        ~(interval_gaps(start, end, low, high) > window_hours)
    order = np.lexsort((high[keep], low[keep]))
    return low[keep][order], high[keep][order], s[keep][order]


def best_partners(i: np.ndarray, j: np.ndarray, s: np.ndarray, top_k: int):
    """The pairs (i, j, s) kept by either row among its `top_k` best partners (on ties, the smaller)."""
    rows, partners, scores = np.concatenate([i, j]), np.concatenate([j, i]), np.concatenate([s, s])
    order = np.lexsort((partners, -scores, rows))
    rank = np.arange(len(order)) - np.searchsorted(rows[order], rows[order])
    kept = np.zeros(len(i), bool)
    kept[order[rank < top_k] % max(len(i), 1)] = True
    return i[kept], j[kept], s[kept]


def no_pairs() -> pd.DataFrame:
    """An empty table of `similar_pairs` (its columns and dtypes)."""
    return pd.DataFrame({c: pd.Series(dtype="float64" if c == "similarity" else "object") for c in PAIR_COLUMNS})


def similar_pairs(
    passages: pd.DataFrame,
    threshold: float = DEFAULT_THRESHOLD,
    top_k: int | None = None,
    same_article: bool = False,
    roles=("body",),
    vectorizer: TextVectorizer | None = None,
    block_rows: int | None = None,
    method: str = "exact",
    backend: str = "local",
    client=None,
    progress: bool | None = None,
    window_hours: float | None = None,
) -> pd.DataFrame:
    """All passage pairs whose similarity is at least `threshold`, without an N x N matrix.

    `passages`: rows of `split_passages` (needs `article_id`, `passage_id`,
    `text`, and `role` unless `roles` is None); only rows whose role is in
    `roles` are compared (default: body). Pairs within one article are left
    out unless `same_article` (so the passages of one article give no pairs); pairs without any
    shared feature (score 0) are never listed. `top_k`: each passage keeps only its `top_k` most
    similar partners (on ties, the partner whose passage_id sorts first), and
    a pair is returned when either of its passages keeps it: at most `top_k`
    pairs kept per passage and N * top_k in all.
    `vectorizer` as in `pair_similarity` (default: fitted on these passages).

    `method`: "exact" (every pair at or above the threshold, the pairs a
    brute-force all-pairs product gives) or "minhash" (near-verbatim pairs by
    MinHash LSH on word shingles, each scored exactly; faster on large
    corpora, misses pairs that share few word sequences: docs/scale.md,
    "Similarity join"). `backend`: "local" (threads on this machine) or "dask" (tasks on
    a `distributed.Client`: `client`, default a local cluster; needs the
    `scale` extra), same pairs either way. `block_rows`: passages per task
    (default 4096). `progress`: draw a progress bar on stderr (default: only
    for long joins run from a terminal, never in notebooks or tests).
    `window_hours`: only pairs whose time intervals (columns `time_start`,
    `time_end` of `passages`: hours, NaN when unknown) are at most this far
    apart, or unknown (`windowed_join`: exactly the pairs of the join without
    a window that meet it, joined time span by time span; `top_k` then
    counts the partners within the window; exact local join only).

    Returns `passage_id_a`, `passage_id_b` (each pair once, a < b),
    `article_id_a`, `article_id_b`, `similarity`, sorted by decreasing
    similarity, then by the passage ids.
    """
    if top_k is not None and top_k < 1:
        raise ValueError(f"top_k must be a positive number or None, got {top_k}")
    if method not in METHODS:
        raise ValueError(f"method must be one of {METHODS}, got {method!r}")
    if backend not in BACKENDS:
        raise ValueError(f"backend must be one of {BACKENDS}, got {backend!r}")
    if roles is not None:
        passages = passages[passages["role"].isin(list(roles))]
    passages = passages.sort_values("passage_id", kind="stable")
    if passages["passage_id"].duplicated().any():
        duplicated = passages["passage_id"][passages["passage_id"].duplicated()].iloc[0]
        raise AnalysisError(f"passage_id {duplicated!r} appears twice in the passages table")
    if passages.empty:
        return no_pairs()
    if not same_article and passages["article_id"].nunique() < 2:
        return no_pairs()  # one article: no pairs across articles
    groups = pd.factorize(passages["article_id"])[0]
    if window_hours is not None:
        i, j, scores = _windowed(passages, threshold, groups, same_article, top_k, vectorizer, method, backend,
                                 window_hours)
        return _pair_table(passages, i, j, scores)
    plan = _plan(passages["text"].tolist(), vectorizer, threshold, groups, same_article, top_k, method)
    block_rows = block_rows or BLOCK_ROWS
    starts = list(range(0, len(passages), block_rows))
    show = _show_progress(progress, len(starts))
    if backend == "dask":
        from research.reuse.distributed import run_blocks

        results = run_blocks(plan, starts, block_rows, client, show)
    else:
        results = _run_local(plan, starts, block_rows, show)
    i, j, scores = (np.concatenate(part) for part in zip(*results))
    if top_k:
        i, j, scores = _one_per_pair(i, j, scores)
    return _pair_table(passages, i, j, scores)


def _windowed(passages: pd.DataFrame, threshold: float, groups: np.ndarray, same_article: bool, top_k: int | None,
              vectorizer, method: str, backend: str, window_hours: float):
    """`similar_pairs` with `window_hours`: the pairs (i, j, score) of `windowed_join`."""
    if method != "exact" or backend != "local":
        raise ValueError("window_hours needs the exact join on this machine (method='exact', backend='local')")
    missing = [column for column in TIME_COLUMNS if column not in passages.columns]
    if missing:
        raise AnalysisError(f"similar_pairs with window_hours needs the column(s) {', '.join(missing)}: hours "
                            "since 1970-01-01 UTC, NaN when unknown")
    start, end = (passages[column].to_numpy(dtype=np.float64) for column in TIME_COLUMNS)
    matrix = vectorize(passages["text"].tolist(), vectorizer)
    i, j, scores = windowed_join(matrix, start, end, window_hours, threshold, groups, same_article)
    return best_partners(i, j, scores, top_k) if top_k else (i, j, scores)


def _pair_table(passages: pd.DataFrame, i: np.ndarray, j: np.ndarray, scores: np.ndarray) -> pd.DataFrame:
    """The pairs (rows i, j of `passages`, score) as `similar_pairs` returns them."""
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
