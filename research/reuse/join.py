"""Compiled kernels of the similarity join: the exact prefix-filtered join and MinHash LSH candidates.

Rows are sparse vectors; the score of two rows is their dot product. The
exact join (`PrefixIndex`, `join_block`) rests on one inequality. Order the
features from the most to the least frequent and, for a row x and a feature f,
let r_x(f) be the norm of x restricted to the features up to f (f included)
and p_x(f) the same without f. If x and y share no feature after f (f is the
last feature they share) then, by Cauchy-Schwarz on the features before f,

    x . y = x_f y_f + x_<f . y_<f  <=  x_f y_f + p_x(f) p_y(f)  <=  r_x(f) r_y(f).

Every pair with x . y >= t therefore meets, at its last shared feature f,
x_f y_f + p_x(f) p_y(f) >= t and r_x(f) r_y(f) >= t. So each feature keeps a
list of the rows having it with r(f) >= t / (largest row norm), sorted by
decreasing r (the rows' common features, where r is small, are left out: the
lists hold the rarer features); a row x looks up each of its features f in
that list only as far as r >= t / r_x(f), admits the rows meeting the first
inequality, and scores each admitted row exactly. No pair at or above `t` is
missed (All-Pairs, Bayardo et al. 2007; the l2 bounds of L2AP, Anastasiu and
Karypis 2014), and the cost grows with the pairs that share a rarer feature
with large prefix norms, not with all N^2 pairs.

Candidates come from the lists in one of two ways, the same pairs either way.
"reach": a row x scans each of its features' lists only as far as the bound
allows, admits the rows passing it and scores each admitted row from its
stored row. "accumulate": a row x scans the lists of its own listed features
in full, summing x_g y_g per row y met: that sum is the part of x . y over the
features listed for both rows, and the rest lies in the features up to
R = max(r_x, r_y), the last unlisted features of the two rows, so
x . y <= sum + ||x_<=R|| ||y_<=R||, and only the rows passing that bound are
scored. A pair at the threshold shares a feature listed for both (otherwise
its dot product is at most ||x_<=R|| ||y_<=R|| < t), so nothing is missed.
The rest is bounded in two steps, neither reading y's row: when y is first
met (at f, the first feature listed for both, as x reads its features in
order) by the larger of ||x_<f|| ||y_<=r_y|| and ||x_<=r_x|| ||y_<f||, from
numbers carried in the list entry; for the few rows passing, again with R
known, ||x_<=R|| from x's own prefix norms or ||y_<=R|| from y's `profile`
(its norm up to a few fixed features). Accumulating reads every listed entry
of x's lists but never a row's stored data for the rows it rules out, which
"reach" must fetch for every admitted row: with a high threshold the lists
hold only rarer features and accumulating is much faster; with a low one
the lists hold common words and reaching can be. `JoinPlan` counts the
candidates of "reach" on a sample of rows and the entries "accumulate" would
read, and takes the cheaper (`choose_strategy`).

For the package's two-block scorer (`TextVectorizer`: alpha * word cosine +
(1 - alpha) * character cosine) the lists are built on the word rows alone:
the character cosine is at most 1, so a pair reaches `t` only if its word
cosine reaches (t - (1 - alpha)) / alpha, and the character rows are built
for the admitted pairs only, from each row's word counts (`char_counts`).

The kernels release the GIL, so blocks of rows run in threads (or as Dask
tasks: `research.distributed`), each block with its own scratch arrays.
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor

import numba
import numpy as np
import scipy.sparse as sp

# Slack on the bounds (never on the scores): sums of squares rounded differently
# from the dot products must not drop a pair that is exactly at the threshold.
BOUND_SLACK = 1e-9


@numba.njit(nogil=True, cache=True)
def _row_norms(row, indptr, data, upto, before):
    """Row `row`'s prefix norms, entry by entry from its first: the norm of the row up to and
    including the entry into `upto`, without it into `before`."""
    total = 0.0
    for k in range(indptr[row + 1] - indptr[row]):
        before[k] = np.sqrt(total)
        total += data[indptr[row] + k] ** 2
        upto[k] = np.sqrt(total)


@numba.njit(nogil=True, cache=True)
def _lists(indptr, indices, data, threshold, n_features):
    """The prefix lists of the rows (CSR arrays, features in order) at `threshold` (`PrefixIndex`):
    the largest row norm; per row where its listed entries start (prefix norms grow along a row: the
    listed entries are a suffix), the norm of its unlisted prefix and that prefix's last feature (-1
    when every entry is listed); per feature where its list starts; per listed entry its row, value
    and prefix norms with and without it. Rows are read in order, so each list is in row order."""
    n = len(indptr) - 1
    max_norm = 0.0
    for row in range(n):
        total = 0.0
        for k in range(indptr[row], indptr[row + 1]):
            total += data[k] ** 2
        max_norm = max(max_norm, np.sqrt(total))
    floor = (threshold - BOUND_SLACK) / max_norm if max_norm > 0 else np.inf
    split = indptr[1:].copy()
    prefix_norm = np.zeros(n)
    prefix_last = np.full(n, -1, np.int32)
    list_ptr = np.zeros(n_features + 1, np.int64)
    for row in range(n):
        total = 0.0
        for k in range(indptr[row], indptr[row + 1]):
            if np.sqrt(total + data[k] ** 2) >= floor:
                split[row] = k
                break
            total += data[k] ** 2
            prefix_norm[row] = np.sqrt(total)
            prefix_last[row] = indices[k]
        for k in range(split[row], indptr[row + 1]):
            list_ptr[indices[k] + 1] += 1
    list_ptr = np.cumsum(list_ptr)
    at = list_ptr[:-1].copy()
    list_row = np.empty(list_ptr[-1], np.int32)
    list_value, list_upto, list_before = np.empty(list_ptr[-1]), np.empty(list_ptr[-1]), np.empty(list_ptr[-1])
    for row in range(n):
        total = 0.0
        for k in range(indptr[row], indptr[row + 1]):
            before = np.sqrt(total)
            total += data[k] ** 2
            if k >= split[row]:
                e = at[indices[k]]
                at[indices[k]] += 1
                list_row[e], list_value[e], list_upto[e], list_before[e] = row, data[k], np.sqrt(total), before
    return max_norm, split, prefix_norm, prefix_last, list_ptr, list_row, list_value, list_upto, list_before


class PrefixIndex:
    """The rows of `matrix` (CSR) with their features ordered from most to least frequent, and per
    feature the list of rows whose prefix norm reaches `threshold / largest row norm`.

    The lists one after the other (`list_ptr`: where each feature's starts), per entry: `list_row`,
    `list_value` (the row's value of the feature), `list_upto` and `list_before` (the row's prefix
    norm with and without it); sorted by row until `prepare` lays them out for a strategy. Arrays
    only (picklable), so the index can be sent once to Dask workers.
    """

    def __init__(self, matrix: sp.csr_matrix, threshold: float):
        matrix = sp.csr_matrix(matrix, dtype=np.float64)
        frequency = np.bincount(matrix.indices, minlength=matrix.shape[1])
        rank = np.empty(matrix.shape[1], np.int32)
        rank[np.argsort(-frequency, kind="stable")] = np.arange(matrix.shape[1])
        rows = sp.csr_matrix((matrix.data, rank[matrix.indices], matrix.indptr), shape=matrix.shape)
        rows.sort_indices()
        self.indptr = rows.indptr.astype(np.int64)
        self.indices = rows.indices.astype(np.int32)
        self.data = rows.data
        self.n_features = matrix.shape[1]
        self.threshold = threshold
        (self.max_norm, self.split, self.prefix_norm, self.prefix_last, self.list_ptr, self.list_row,
         self.list_value, self.list_upto, self.list_before) = _lists(self.indptr, self.indices, self.data, threshold,
                                                                     self.n_features)
        self.list_prefix_norm = np.zeros(0, np.float32)
        self.cuts, self.profile = np.zeros(1, np.int32), np.zeros((0, 1), np.float32)
        self.strategy = "by row"

    def prepare(self, strategy: str) -> None:
        """Lay the lists out for `strategy` (module docstring). "reach": each list sorted by
        decreasing prefix norm, so a row stops reading it where the bound fails. "accumulate": lists
        stay in row order, their numbers in 32 bits (they only bound scores: rounded up, so bounds
        stay bounds; scores come from the 64-bit rows), each entry with its row's unlisted prefix
        norm; and per row its `profile`: its norm up to each of the `cuts` (features 15, 31, 63, ...),
        to bound its norm up to any feature without reading the row. Other strategies ("given":
        candidates from MinHash LSH) read no list."""
        if strategy == "reach":
            feature = np.repeat(np.arange(self.n_features), np.diff(self.list_ptr))
            order = np.lexsort((-self.list_upto, feature))
            self.list_row, self.list_value = self.list_row[order], self.list_value[order]
            self.list_upto, self.list_before = self.list_upto[order], self.list_before[order]
        elif strategy == "accumulate":
            self.list_value, self.list_before = _rounded_up(self.list_value), _rounded_up(self.list_before)
            self.list_upto = np.zeros(0)
            self.list_prefix_norm = _rounded_up(self.prefix_norm[self.list_row])
            self.cuts = np.unique(np.minimum(2 ** np.arange(4, 33) - 1, max(self.n_features - 1, 0))).astype(np.int32)
            self.profile = _rounded_up(_profile(self.indptr, self.indices, self.data, self.cuts).ravel()).reshape(
                -1, len(self.cuts))
        self.strategy = strategy


@numba.njit(nogil=True, cache=True)
def _profile(indptr, indices, data, cuts):
    """Per row and cut (features in order): the norm of the row over its features up to the cut."""
    norms = np.empty((len(indptr) - 1, len(cuts)))
    for row in range(len(indptr) - 1):
        total = 0.0
        k = indptr[row]
        for j in range(len(cuts)):
            while k < indptr[row + 1] and indices[k] <= cuts[j]:
                total += data[k] ** 2
                k += 1
            norms[row, j] = np.sqrt(total)
    return norms


def _rounded_up(values: np.ndarray) -> np.ndarray:
    """`values` as 32-bit floats, each at least the 64-bit value."""
    single = values.astype(np.float32)
    low = single < values
    single[low] = np.nextafter(single[low], np.float32(np.inf))
    return single


class CharRows:
    """Character rows of the two-block scorer kept as counts of words: row i's n-gram counts are
    `word_counts[i] @ word_grams`, weighted by `1 + log(count)` (sublinear) or the count, times
    `idf`, divided by `norms[i]`. Built only for the rows a kernel scores."""

    def __init__(self, word_counts: sp.csr_matrix, word_grams: sp.csr_matrix, idf: np.ndarray,
                 sublinear: bool, norms: np.ndarray):
        self.count_ptr = word_counts.indptr.astype(np.int64)
        self.count_word = word_counts.indices.astype(np.int64)
        self.count_n = word_counts.data.astype(np.float64)
        self.gram_ptr = word_grams.indptr.astype(np.int64)
        self.gram_id = word_grams.indices.astype(np.int64)
        self.gram_n = word_grams.data.astype(np.float64)
        self.idf = np.asarray(idf, dtype=np.float64)
        self.sublinear = sublinear
        self.norms = np.asarray(norms, dtype=np.float64)


@numba.njit(nogil=True, cache=True)
def _gather_counts(row, count_ptr, count_word, count_n, gram_ptr, gram_id, gram_n, counts, touched):
    """Add row `row`'s n-gram counts into `counts`; list the n-grams first touched; return how many."""
    n = 0
    for k in range(count_ptr[row], count_ptr[row + 1]):
        word = count_word[k]
        times = count_n[k]
        for g in range(gram_ptr[word], gram_ptr[word + 1]):
            gram = gram_id[g]
            if counts[gram] == 0.0:
                touched[n] = gram
                n += 1
            counts[gram] += times * gram_n[g]
    return n


@numba.njit(nogil=True, cache=True)
def char_counts(start, stop, count_ptr, count_word, count_n, gram_ptr, gram_id, gram_n, n_grams):
    """N-gram counts of rows [start, stop) as CSR arrays (indptr, n-gram ids, counts)."""
    counts = np.zeros(n_grams)
    touched = np.empty(n_grams, np.int64)
    indptr = np.zeros(stop - start + 1, np.int64)
    size = 0
    for row in range(start, stop):
        for k in range(count_ptr[row], count_ptr[row + 1]):
            size += gram_ptr[count_word[k] + 1] - gram_ptr[count_word[k]]
    ids = np.empty(size, np.int64)
    values = np.empty(size)
    at = 0
    for row in range(start, stop):
        n = _gather_counts(row, count_ptr, count_word, count_n, gram_ptr, gram_id, gram_n, counts, touched)
        for k in range(n):
            ids[at + k] = touched[k]
            values[at + k] = counts[touched[k]]
            counts[touched[k]] = 0.0
        at += n
        indptr[row - start + 1] = at
    return indptr, ids[:at].copy(), values[:at].copy()


@numba.njit(nogil=True, cache=True)
def _char_weight(count, idf, sublinear, log_table):
    """tf-idf weight of an n-gram seen `count` times (`log_table[c]` = 1 + log(c) for small counts)."""
    if not sublinear:
        return count * idf
    c = int(count)
    return (log_table[c] if c < len(log_table) else 1.0 + np.log(count)) * idf


@numba.njit(nogil=True, cache=True)
def _grow(array, size):
    return array if size <= len(array) else np.concatenate((array, np.empty(max(size, 2 * len(array)), array.dtype)))


@numba.njit(nogil=True, cache=True)
def _candidates(x, top_k, same_group, groups, low, indptr, indices, data, x_upto, x_before, ordered, list_ptr,
                list_row, list_upto, list_value, list_before, max_norm, irregular, extra, given_ptr, given_y, stamp,
                found):
    """The candidates y of row x, written to `found` (their number is returned), each once: the rows
    `given_y[given_ptr[x]:given_ptr[x + 1]]` when candidates are given (MinHash LSH), else the rows
    admitted by the prefix lists by reaching (module docstring; `x_upto`, `x_before`: x's prefix
    norms, `_row_norms`; `ordered`: lists sorted by decreasing prefix norm, so a list is left at the
    first entry out of reach), every row if x is `irregular` and the irregular rows `extra`
    otherwise. Without `top_k` only y > x."""
    n = len(indptr) - 1
    m = 0
    if len(given_ptr):
        for e in range(given_ptr[x], given_ptr[x + 1]):
            y = given_y[e]
            if (top_k > 0 or y > x) and (same_group or groups[y] != groups[x]):
                found[m] = y
                m += 1
        return m
    if irregular[x]:
        for y in range(n):
            if y != x and (top_k > 0 or y > x) and (same_group or groups[y] != groups[x]):
                found[m] = y
                m += 1
        return m
    for k in range(indptr[x], indptr[x + 1]):
        rx = x_upto[k - indptr[x]]
        if rx * max_norm < low:
            continue
        reach = low / rx
        f = indices[k]
        vx = data[k]
        px = x_before[k - indptr[x]]
        for e in range(list_ptr[f], list_ptr[f + 1]):
            if list_upto[e] < reach:
                if ordered:
                    break
                continue
            y = list_row[e]
            if y == x or stamp[y] == x or (top_k == 0 and y < x):
                continue
            if not same_group and groups[y] == groups[x]:
                continue
            if vx * list_value[e] + px * list_before[e] < low:
                continue
            stamp[y] = x
            found[m] = y
            m += 1
    for y in extra:
        if y != x and stamp[y] != x and (top_k > 0 or y > x) and (same_group or groups[y] != groups[x]):
            found[m] = y
            m += 1
    return m


@numba.njit(nogil=True, cache=True)
def _accumulated(x, top_k, same_group, groups, low, indptr, indices, data, x_upto, x_before, split, prefix_norm,
                 prefix_last, list_ptr, list_row, list_value, list_before, list_prefix_norm, cuts, profile, extra,
                 slot_of, found, listed_sum, rest):
    """The candidates y of row x by accumulating (module docstring), written to `found` (their number
    is returned): the rows met in the full lists of x's listed features whose sum over the features
    listed for both plus the bound on the rest reaches `low`, and the irregular rows `extra`.
    `x_upto`, `x_before`: x's prefix norms (`_row_norms`). `slot_of` (one per row, all -1 on entry and
    on return), `listed_sum` and `rest` are scratch. Without `top_k` only y > x."""
    m = 0
    px = prefix_norm[x]
    lx = prefix_last[x]
    for k in range(split[x], indptr[x + 1]):
        f = indices[k]
        vx = data[k]
        bx = x_before[k - indptr[x]]
        first = list_ptr[f]
        if top_k == 0:  # lists are sorted by row: start after x
            first += np.searchsorted(list_row[list_ptr[f]:list_ptr[f + 1]], x, side="right")
        for e in range(first, list_ptr[f + 1]):
            y = list_row[e]
            slot = slot_of[y]
            if slot < 0:
                if y == x:
                    continue
                # x's features are read in order, so f is the first feature listed for both and the
                # features outside those listed for both are those up to R, the later of the two
                # rows' last unlisted features. With R y's, ||x_<=R|| ||y_<=R|| is at most x's norm
                # before f times y's unlisted prefix norm; with R x's, x's unlisted prefix norm times
                # y's norm before f. The larger of the two holds either way (no branch to mispredict).
                slot_of[y] = m
                found[m] = y
                listed_sum[m] = vx * list_value[e]
                rest[m] = max(bx * list_prefix_norm[e], px * list_before[e])
                m += 1
            else:
                listed_sum[slot] += vx * list_value[e]
    cut = np.searchsorted(cuts, lx)
    kept = 0
    for c in range(m):
        y = found[c]
        slot_of[y] = -1
        if listed_sum[c] + rest[c] < low:
            continue
        # The few rows passing: the rest again, with R known. R y's: ||x_<=R|| from x's prefix norms.
        # R x's: ||y_<=R|| is at most y's norm up to the first cut at or after R.
        if prefix_last[y] >= lx:
            through = np.searchsorted(indices[indptr[x]:indptr[x + 1]], prefix_last[y], side="right")
            bound = (x_upto[through - 1] if through else 0.0) * prefix_norm[y]
        else:
            bound = px * profile[y, cut]
        if listed_sum[c] + bound >= low and (same_group or groups[y] != groups[x]):
            found[kept] = y
            kept += 1
    for y in extra:
        if y != x and (top_k > 0 or y > x) and (same_group or groups[y] != groups[x]):
            found[kept] = y
            kept += 1
    return kept


@numba.njit(nogil=True, cache=True)
def _char_cosine(x, y, count_ptr, count_word, count_n, gram_ptr, gram_id, gram_n, idf, sublinear, char_norms,
                 mine, theirs, theirs_touched, log_table):
    """The cosine of the character rows of x and y: x's n-gram weights already in `mine`, y's counts
    built from its word counts into `theirs` (all zero on entry and on return)."""
    n_theirs = _gather_counts(y, count_ptr, count_word, count_n, gram_ptr, gram_id, gram_n, theirs,
                              theirs_touched)
    total = 0.0
    for g in range(n_theirs):
        gram = theirs_touched[g]
        if mine[gram] > 0.0:
            total += mine[gram] * _char_weight(theirs[gram], idf[gram], sublinear, log_table)
        theirs[gram] = 0.0
    return total / (char_norms[x] * char_norms[y])


@numba.njit(nogil=True, cache=True)
def join_block(start, stop, top_k, same_group, groups, threshold, bound,
               indptr, indices, data, list_ptr, list_row, list_upto, list_value, list_before, max_norm, n_features,
               accumulate, split, prefix_norm, prefix_last, list_prefix_norm, cuts, profile,
               word_weight, row_scale, irregular, given_ptr, given_y,
               count_ptr, count_word, count_n, gram_ptr, gram_id, gram_n, idf, sublinear, char_norms):
    """Pairs (x, y, score) with score >= `threshold` (and above 0) for the rows x in [start, stop).

    Score of x and y: (word_weight * (x . y) + (1 - word_weight) * char cosine) * row_scale[x] *
    row_scale[y], the char cosine 0 when either row has no characters. Candidates are given
    (`given_ptr`, `given_y`: CSR by x) or come from the prefix lists at `bound`, the threshold the
    word part alone must reach, by reaching or by `accumulate`-ing. Without `top_k`, only y > x is
    returned; with it, each x's `top_k` best partners, ties to the smaller y.
    """
    n = len(indptr) - 1
    low = bound - BOUND_SLACK
    extra = np.flatnonzero(irregular)
    stamp = np.full(0 if accumulate else n, -1, np.int64)
    slot_of = np.full(n if accumulate else 0, -1, np.int32)
    found = np.empty(n, np.int64)
    listed_sum, rest = np.empty(n if accumulate else 0), np.empty(n if accumulate else 0)
    longest = np.max(indptr[start + 1:stop + 1] - indptr[start:stop]) if stop > start else 0
    x_upto, x_before = np.empty(longest), np.empty(longest)
    dense = np.zeros(n_features)
    n_grams = len(idf)
    mine, theirs = np.zeros(n_grams), np.zeros(n_grams)
    mine_touched, theirs_touched = np.empty(n_grams, np.int64), np.empty(n_grams, np.int64)
    log_table = 1.0 + np.log(np.arange(1, 257).astype(np.float64))
    log_table = np.concatenate((np.zeros(1), log_table))
    kept_y = np.empty(n, np.int64)
    kept_s = np.empty(n)
    out_x = np.empty(1024, np.int64)
    out_y = np.empty(1024, np.int64)
    out_s = np.empty(1024)
    total = 0
    for x in range(start, stop):
        if row_scale[x] == 0.0:
            continue
        _row_norms(x, indptr, data, x_upto, x_before)
        if accumulate and not irregular[x]:
            m = _accumulated(x, top_k, same_group, groups, low, indptr, indices, data, x_upto, x_before, split,
                             prefix_norm, prefix_last, list_ptr, list_row, list_value, list_before, list_prefix_norm,
                             cuts, profile, extra, slot_of, found, listed_sum, rest)
        else:
            m = _candidates(x, top_k, same_group, groups, low, indptr, indices, data, x_upto, x_before, True,
                            list_ptr, list_row, list_upto, list_value, list_before, max_norm, irregular, extra,
                            given_ptr, given_y, stamp, found)
        for k in range(indptr[x], indptr[x + 1]):
            dense[indices[k]] = data[k]
        n_mine = 0
        if word_weight < 1.0 and char_norms[x] > 0.0 and m:
            n_mine = _gather_counts(x, count_ptr, count_word, count_n, gram_ptr, gram_id, gram_n, mine,
                                    mine_touched)
            for g in range(n_mine):
                gram = mine_touched[g]
                mine[gram] = _char_weight(mine[gram], idf[gram], sublinear, log_table)
        kept = 0
        for c in range(m):
            y = found[c]
            score = 0.0
            for k in range(indptr[y], indptr[y + 1]):
                score += dense[indices[k]] * data[k]
            score *= word_weight
            scale = row_scale[x] * row_scale[y]
            if word_weight < 1.0 and char_norms[x] > 0.0 and char_norms[y] > 0.0:
                if (score + 1.0 - word_weight) * scale < threshold:
                    continue
                score += (1.0 - word_weight) * _char_cosine(x, y, count_ptr, count_word, count_n, gram_ptr,
                                                            gram_id, gram_n, idf, sublinear, char_norms, mine,
                                                            theirs, theirs_touched, log_table)
            score *= scale
            if score >= threshold and score != 0.0:
                kept_y[kept] = y
                kept_s[kept] = score
                kept += 1
        for k in range(indptr[x], indptr[x + 1]):
            dense[indices[k]] = 0.0
        for g in range(n_mine):
            mine[mine_touched[g]] = 0.0
        order = np.argsort(kept_y[:kept], kind="mergesort")
        if top_k > 0:
            order = order[np.argsort(-kept_s[:kept][order], kind="mergesort")][:top_k]
        out_x = _grow(out_x, total + len(order))
        out_y = _grow(out_y, total + len(order))
        out_s = _grow(out_s, total + len(order))
        for o in order:
            out_x[total] = x
            out_y[total] = kept_y[o]
            out_s[total] = kept_s[o]
            total += 1
    return out_x[:total].copy(), out_y[:total].copy(), out_s[:total].copy()


class JoinPlan:
    """What every block of one join needs, as arrays (picklable, sent once to Dask workers).

    `rows`: the rows the candidates come from (CSR, rows of norm at most 1);
    `chars`: None when `rows` are the whole score, else the character rows of
    the two-block scorer, whose word rows (`rows`) weigh `alpha`; `groups`:
    one number per row, pairs within a group left out unless `same_group`;
    `top_k`: keep each row's best partners only (0 or None: all); `candidates`:
    the pairs to score (`minhash_candidates`) instead of the prefix lists.
    """

    def __init__(self, rows: sp.csr_matrix, chars: CharRows | None, alpha: float, threshold: float,
                 groups: np.ndarray, same_group: bool, top_k: int | None,
                 candidates: tuple[np.ndarray, np.ndarray] | None = None):
        n = rows.shape[0]
        has_words = np.diff(rows.indptr) > 0
        if chars is None:
            self.word_weight, bound = 1.0, threshold
            self.row_scale = has_words.astype(np.float64)
            self.irregular = np.zeros(n, dtype=bool)
            chars = CharRows(sp.csr_matrix((n, 0)), sp.csr_matrix((0, 0)), np.zeros(0), True, np.zeros(n))
        else:
            # Per row, the weight of the blocks it has: a row with one empty block is scored on the other.
            self.word_weight, bound = alpha, (threshold - (1.0 - alpha)) / alpha
            has_chars = chars.norms > 0
            weight = alpha * has_words + (1.0 - alpha) * has_chars
            self.row_scale = np.divide(1.0, np.sqrt(weight), out=np.zeros(n), where=weight > 0)
            self.irregular = has_chars & ~has_words
        self.index = PrefixIndex(rows, np.inf if candidates else bound)
        self.given_ptr, self.given_y = candidates or (np.zeros(0, np.int64), np.zeros(0, np.int64))
        self.chars = chars
        self.threshold = threshold
        self.groups = np.asarray(groups, dtype=np.int64)
        self.same_group = bool(same_group)
        self.top_k = int(top_k or 0)
        self.n_rows = n
        self.index.prepare("given" if candidates else choose_strategy(self.index, self.top_k))

    def block(self, start: int, stop: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The pairs (x, y, score) found for the rows x in [start, stop) (see `join_block`)."""
        index, chars = self.index, self.chars
        return join_block(start, stop, self.top_k, self.same_group, self.groups, self.threshold, index.threshold,
                          index.indptr, index.indices, index.data, index.list_ptr, index.list_row, index.list_upto,
                          index.list_value, index.list_before, index.max_norm, index.n_features,
                          index.strategy == "accumulate", index.split, index.prefix_norm, index.prefix_last,
                          index.list_prefix_norm, index.cuts, index.profile, self.word_weight, self.row_scale,
                          self.irregular, self.given_ptr, self.given_y, chars.count_ptr, chars.count_word,
                          chars.count_n, chars.gram_ptr, chars.gram_id, chars.gram_n, chars.idf, chars.sublinear,
                          chars.norms)


# Cost of a candidate of "reach" (fetching and scoring its stored row) in entries read by "accumulate":
# about 400 ns against 7 to 15 ns (docs/scale.md, "Similarity join"). Rows sampled to count the
# candidates of "reach".
REACH_COST = 30
STRATEGY_SAMPLE = 1000


@numba.njit(nogil=True, cache=True)
def _reach_candidates(rows, top_k, low, indptr, indices, data, list_ptr, list_row, list_upto, list_value,
                      list_before, max_norm):
    """How many candidates "reach" admits for `rows` (groups ignored; lists in any order)."""
    n = len(indptr) - 1
    stamp = np.full(n, -1, np.int64)
    found = np.empty(n, np.int64)
    groups = np.arange(n)
    none = np.zeros(0, np.int64)
    longest = np.max(indptr[1:] - indptr[:-1])
    x_upto, x_before = np.empty(longest), np.empty(longest)
    total = 0
    for x in rows:
        _row_norms(x, indptr, data, x_upto, x_before)
        total += _candidates(x, top_k, True, groups, low, indptr, indices, data, x_upto, x_before, False, list_ptr,
                             list_row, list_upto, list_value, list_before, max_norm, np.zeros(n, np.bool_), none,
                             none, none, stamp, found)
    return total


def choose_strategy(index: PrefixIndex, top_k: int) -> str:
    """"accumulate" or "reach" (module docstring), whichever costs less on `index`: the entries
    accumulating reads (every pair of entries in one list, once per direction with `top_k`) against
    REACH_COST times the candidates reaching admits, counted on STRATEGY_SAMPLE evenly spaced rows."""
    n = len(index.indptr) - 1
    if n == 0:
        return "reach"
    lengths = np.diff(index.list_ptr).astype(np.float64)
    visits = float(np.sum(lengths * (lengths - 1))) / (1 if top_k else 2)
    rows = np.unique(np.linspace(0, n - 1, min(n, STRATEGY_SAMPLE)).astype(np.int64))
    sampled = _reach_candidates(rows, top_k, index.threshold - BOUND_SLACK, index.indptr, index.indices,
                                index.data, index.list_ptr, index.list_row, index.list_upto, index.list_value,
                                index.list_before, index.max_norm)
    return "accumulate" if visits < REACH_COST * sampled * n / len(rows) else "reach"


# MinHash LSH (method="minhash"): each passage is the set of its word 3-shingles (sequences of three
# normalised words; a shorter passage is one shingle of all its words), 128 min-hashes of that set,
# cut into 64 bands of 2; two passages are candidates when both hashes of one band agree. A pair whose
# shingle sets have Jaccard similarity J is a candidate with probability 1 - (1 - J^2)^64: 0.95 at
# J = 0.21, 0.998 at J = 0.3, 0.006 at J = 0.01 (docs/scale.md, "Similarity join").
SHINGLE_WORDS = 3
BANDS = 64
ROWS_PER_BAND = 2
MINHASH_SEED = 0
# Shingles found in more than MAX_SHINGLE_DF passages are left out before min-hashing (a passage whose
# shingles are all that common keeps them all). A shingle of very common words (a Zipf vocabulary's top
# words) is shared by many unrelated passages: when it is a band's minimum under both hashes it puts all
# of them into one bucket, and those buckets grow with N (largest 869 at 100k, 1.36M pairs from buckets).
# Two passages agree on a band only if they share the band's minimum shingles, so once no kept shingle is
# in more than MAX_SHINGLE_DF passages no bucket holds more (apart from 32-bit key collisions and the
# passages left with common shingles only) and the candidates grow at most linearly with N: at most
# BANDS * N * MAX_SHINGLE_DF / 2 pairs. The cap is a number of passages, not a share of them, as a share
# would let buckets grow with N again. A near-duplicate pair shares mostly rare shingles, and the cap
# leaves out common shingles of both passages alike, so their Jaccard hardly changes. Measured on the
# benchmark corpus at 100k passages (docs/scale.md, "Similarity join"), cap: candidate pairs, share of
# the exact pairs found: none 1.22M, 0.981; 1,000 360k, 0.981; 100 82k, 0.979; 20 32k, 0.977. 100 keeps
# nearly all the recall at a fifteenth of the candidates.
MAX_SHINGLE_DF = 100


@numba.njit(nogil=True, cache=True)
def _mix(h):
    """splitmix64's finaliser: a 64-bit hash of a 64-bit number."""
    h ^= h >> np.uint64(30)
    h *= np.uint64(0xBF58476D1CE4E5B9)
    h ^= h >> np.uint64(27)
    h *= np.uint64(0x94D049BB133111EB)
    h ^= h >> np.uint64(31)
    return h


@numba.njit(nogil=True, cache=True)
def row_shingles(start, stop, indptr, ids, width):
    """For texts [start, stop) (word ids `ids[indptr[k]:indptr[k + 1]]`), the distinct 64-bit hashes of
    their `width`-word shingles (a text shorter than `width` words: one shingle of all its words; a text
    without words: none), sorted within a text: (count per text, hashes)."""
    size = 0
    for row in range(start, stop):
        length = indptr[row + 1] - indptr[row]
        if length > 0:
            size += max(1, length - width + 1)
    hashes = np.empty(size, np.uint64)
    counts = np.zeros(stop - start, np.int64)
    at = 0
    for row in range(start, stop):
        first, end = indptr[row], indptr[row + 1]
        if end == first:
            continue
        n = 0
        for p in range(first, max(first + 1, end - width + 1)):
            shingle = np.uint64(0)
            for q in range(p, min(p + width, end)):
                shingle = _mix(shingle ^ np.uint64(ids[q] + 1))
            hashes[at + n] = shingle
            n += 1
        hashes[at:at + n] = np.sort(hashes[at:at + n])
        distinct = 1
        for k in range(1, n):
            if hashes[at + k] != hashes[at + distinct - 1]:
                hashes[at + distinct] = hashes[at + k]
                distinct += 1
        counts[row - start] = distinct
        at += distinct
    return counts, hashes[:at].copy()


@numba.njit(nogil=True, cache=True)
def _common_shingles(ordered, cap):
    """The distinct values of the sorted `ordered` seen more than `cap` times."""
    found = []
    start = 0
    for q in range(1, len(ordered) + 1):
        if q == len(ordered) or ordered[q] != ordered[start]:
            if q - start > cap:
                found.append(ordered[start])
            start = q
    out = np.empty(len(found), np.uint64)
    for k in range(len(found)):
        out[k] = found[k]
    return out


@numba.njit(nogil=True, cache=True)
def band_keys(start, stop, ptr, shingles, common, multipliers, offsets, rows_per_band):
    """For texts [start, stop) (shingle hashes `shingles[ptr[k]:ptr[k + 1]]`), one 32-bit key per band:
    a hash of the band's min-hashes, the minimum over the text's shingles not in the sorted `common`
    (all of them if none is left) of `shingle * multipliers[i] + offsets[i]` (mod 2^64)."""
    k = len(multipliers)
    keys = np.zeros((stop - start, k // rows_per_band), np.uint32)
    smallest = np.empty(k, np.uint64)
    for row in range(start, stop):
        smallest[:] = np.uint64(0xFFFFFFFFFFFFFFFF)
        first, end = ptr[row], ptr[row + 1]
        kept = 0
        for p in range(first, end):
            shingle = shingles[p]
            at = np.searchsorted(common, shingle)
            if at < len(common) and common[at] == shingle:
                continue
            kept += 1
            for i in range(k):
                value = shingle * multipliers[i] + offsets[i]
                smallest[i] = min(smallest[i], value)
        if kept == 0:
            for p in range(first, end):
                for i in range(k):
                    value = shingles[p] * multipliers[i] + offsets[i]
                    smallest[i] = min(smallest[i], value)
        for band in range(k // rows_per_band):
            key = np.uint64(band)
            for i in range(band * rows_per_band, (band + 1) * rows_per_band):
                key = _mix(key ^ smallest[i])
            keys[row - start, band] = np.uint32(key >> np.uint64(32))
    return keys


@numba.njit(nogil=True, cache=True)
def _pairs_in_runs(order, keys, groups, same_group):
    """Pairs (x < y) of rows whose keys are equal; `order` sorts the keys."""
    size = 0
    start = 0
    for q in range(1, len(order) + 1):
        if q == len(order) or keys[order[q]] != keys[order[start]]:
            size += (q - start) * (q - start - 1) // 2
            start = q
    pair_x = np.empty(size, np.int64)
    pair_y = np.empty(size, np.int64)
    found = 0
    start = 0
    for q in range(1, len(order) + 1):
        if q == len(order) or keys[order[q]] != keys[order[start]]:
            for a in range(start, q):
                for b in range(a + 1, q):
                    x, y = min(order[a], order[b]), max(order[a], order[b])
                    if same_group or groups[x] != groups[y]:
                        pair_x[found] = x
                        pair_y[found] = y
                        found += 1
            start = q
    return pair_x[:found], pair_y[:found]


def minhash_candidates(indptr: np.ndarray, ids: np.ndarray, groups: np.ndarray, same_group: bool,
                       symmetric: bool, chunk: int = 20_000) -> tuple[np.ndarray, np.ndarray]:
    """Candidate pairs of MinHash LSH on word shingles as CSR by row (`ptr`, `partners`), each pair
    once as x < y, or in both directions when `symmetric`. Texts without words have none; shingles in
    more than MAX_SHINGLE_DF texts are left out (see there). Shingles and keys are computed `chunk`
    texts at a time in threads."""
    rng = np.random.default_rng(MINHASH_SEED)
    multipliers = rng.integers(1, 2**63, size=BANDS * ROWS_PER_BAND, dtype=np.uint64) | np.uint64(1)
    offsets = rng.integers(0, 2**63, size=BANDS * ROWS_PER_BAND, dtype=np.uint64)
    n = len(indptr) - 1
    if n == 0:
        return np.zeros(1, np.int64), np.zeros(0, np.int64)
    indptr, ids = indptr.astype(np.int64), ids.astype(np.int64)
    starts = range(0, n, chunk)
    with ThreadPoolExecutor(len(os.sched_getaffinity(0))) as pool:
        parts = list(pool.map(lambda start: row_shingles(start, min(n, start + chunk), indptr, ids, SHINGLE_WORDS),
                              starts))
        ptr = np.concatenate([[0], np.cumsum(np.concatenate([counts for counts, _ in parts]))]).astype(np.int64)
        shingles = np.concatenate([hashes for _, hashes in parts])
        del parts
        common = _common_shingles(np.sort(shingles), MAX_SHINGLE_DF)
        keys = np.concatenate(list(pool.map(
            lambda start: band_keys(start, min(n, start + chunk), ptr, shingles, common, multipliers, offsets,
                                    ROWS_PER_BAND), starts)))
    rows = np.flatnonzero(np.diff(indptr) > 0)
    found = []
    for band in range(BANDS):
        column = keys[rows, band]
        order = np.argsort(column, kind="stable")
        x, y = _pairs_in_runs(order, column, groups[rows].astype(np.int64), same_group)
        found.append(np.unique(rows[x] * n + rows[y]))
    unique = np.unique(np.concatenate(found)) if found else np.zeros(0, np.int64)
    x, y = unique // n, unique % n
    if symmetric:
        x, y = np.concatenate([x, y]), np.concatenate([y, x])
    order = np.lexsort((y, x))
    return np.searchsorted(x[order], np.arange(n + 1)).astype(np.int64), y[order].astype(np.int64)
