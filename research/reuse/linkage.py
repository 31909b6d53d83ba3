"""Average linkage on a sparse graph of scored pairs, compiled (numba): the clustering kernel of
events and story elements.

`average_link` takes the pairs (i, j, score) a similarity join lists; pairs not
listed score 0. The compiled part keeps a heap of candidate merges and, per
cluster, its neighbours with the total score to each, so time and memory grow
with the pairs listed, never with n squared. Int arrays and scalars only.
"""

from __future__ import annotations

import numba
import numpy as np
import pandas as pd


@numba.njit(cache=True)
def _sums(keys, scores):
    """The distinct `keys` (sorted) and the sum of the `scores` of each, added in their order from 0.0."""
    distinct = np.empty(len(keys), keys.dtype)
    totals = np.empty(len(keys), np.float64)
    runs = -1
    for k in range(len(keys)):
        if k == 0 or keys[k] != keys[k - 1]:
            runs += 1
            distinct[runs], totals[runs] = keys[k], 0.0
        totals[runs] += scores[k]
    return distinct[: runs + 1], totals[: runs + 1]


@numba.njit(cache=True)
def _before(key, firsts, a, b, k, m):
    """Whether heap entry k pops before entry m: higher mean (`key` is minus the mean), then smaller
    first nodes of the two clusters (`firsts`: the smaller times n plus the larger), then ids."""
    if key[k] != key[m]:
        return key[k] < key[m]
    if firsts[k] != firsts[m]:
        return firsts[k] < firsts[m]
    return a[k] < a[m] or (a[k] == a[m] and b[k] < b[m])


@numba.njit(cache=True)
def _swap(key, firsts, a, b, k, m):
    key[k], key[m] = key[m], key[k]
    firsts[k], firsts[m] = firsts[m], firsts[k]
    a[k], a[m] = a[m], a[k]
    b[k], b[m] = b[m], b[k]


@numba.njit(cache=True)
def _sift_down(key, firsts, a, b, k, size):
    while True:
        best, left = k, 2 * k + 1
        if left < size and _before(key, firsts, a, b, left, best):
            best = left
        if left + 1 < size and _before(key, firsts, a, b, left + 1, best):
            best = left + 1
        if best == k:
            return
        _swap(key, firsts, a, b, k, best)
        k = best


@numba.njit(cache=True)
def _sift_up(key, firsts, a, b, k):
    while k > 0 and _before(key, firsts, a, b, k, (k - 1) // 2):
        _swap(key, firsts, a, b, k, (k - 1) // 2)
        k = (k - 1) // 2


@numba.njit(cache=True)
def _room(start, used, capacity, alive, clusters, keys, values, top, needed, drop_dead):
    """The arena (`keys`, `values`, `top`) with at least `needed` free entries after `top`: when
    full, the lists of the live clusters below `clusters` are copied into new arrays, each with
    room to grow by half, and free space after them for as many again (entries pointing to dead
    clusters dropped when `drop_dead`)."""
    if top + needed <= len(keys):
        return keys, values, top
    total = 0
    for c in range(clusters):
        if alive[c]:
            total += used[c]
    new_keys = np.empty(3 * total + 2 * clusters + needed, keys.dtype)
    new_values = np.empty(len(new_keys), values.dtype)
    top = 0
    for c in range(clusters):
        if not alive[c]:
            continue
        kept = 0
        for k in range(start[c], start[c] + used[c]):
            if not drop_dead or alive[keys[k]]:
                new_keys[top + kept], new_values[top + kept] = keys[k], values[k]
                kept += 1
        start[c], used[c], capacity[c] = top, kept, kept + kept // 2 + 1
        top += capacity[c]
    return new_keys, new_values, top


@numba.njit(cache=True)
def _link_clusters(n, lows, highs, totals, threshold, groups, n_groups, by_group):
    """The merges of average linkage (`average_link`) on the pairs `lows` < `highs`, each listed once
    with its `totals`. Merged clusters get ids n, n + 1, ... in merge order. Returns, per node, the
    smallest node of its final cluster."""
    size = 2 * n
    parent = np.full(size, -1, np.int64)
    first = np.empty(size, np.int64)
    first[:n] = np.arange(n)
    count = np.zeros(size, np.int64)
    count[:n] = 1
    alive = np.zeros(size, np.bool_)
    alive[:n] = True
    # Each cluster's neighbours and the total score of the pairs between them, in one arena: entries
    # start[c] .. start[c] + used[c] of `neighbour` and `link` (room for capacity[c]). Entries to dead
    # clusters are skipped, and dropped when a list or the arena is full.
    used = np.zeros(size, np.int64)
    for k in range(len(lows)):
        used[lows[k]] += 1
        used[highs[k]] += 1
    start = np.zeros(size, np.int64)
    start[1 : n + 1] = np.cumsum(used[:n])
    capacity = used.copy()
    top = start[n]
    neighbour = np.empty(top + top // 4 + 16, np.int64)
    link = np.empty(len(neighbour), np.float64)
    used[:] = 0
    # The heap of candidate merges (lazy: entries of dead clusters are skipped when popped).
    key = np.empty(max(16, np.count_nonzero(totals >= threshold)), np.float64)
    firsts = np.empty(len(key), np.int64)
    heap_a = np.empty(len(key), np.int64)
    heap_b = np.empty(len(key), np.int64)
    heap = 0
    for k in range(len(lows)):
        i, j = lows[k], highs[k]
        neighbour[start[i] + used[i]], link[start[i] + used[i]] = j, totals[k]
        neighbour[start[j] + used[j]], link[start[j] + used[j]] = i, totals[k]
        used[i] += 1
        used[j] += 1
        if totals[k] >= threshold:
            key[heap], firsts[heap], heap_a[heap], heap_b[heap] = -totals[k], i * n + j, i, j
            heap += 1
    for k in range(heap // 2 - 1, -1, -1):
        _sift_down(key, firsts, heap_a, heap_b, k, heap)
    # Each cluster's groups (sorted) and its number of nodes in each, in a second arena.
    group_start = np.arange(size) if by_group else np.zeros(size, np.int64)
    group_used = (np.arange(size) < n).astype(np.int64) if by_group else np.zeros(size, np.int64)
    group_capacity = group_used.copy()
    group_id = np.empty(2 * n if by_group else 0, np.int64)
    group_id[: len(group_id) // 2] = groups[: len(group_id) // 2]
    group_n = np.ones(len(group_id), np.int64)
    group_top = len(group_id) // 2
    merged_id = np.empty(n if by_group else 0, np.int64)
    merged_n = np.empty(len(merged_id), np.int64)
    in_merged = np.zeros(n_groups if by_group else 0, np.int64)
    mark = np.full(size, -1, np.int64)
    joined = np.zeros(size, np.float64)
    touched = np.empty(size, np.int64)
    merged = n
    while heap:
        a, b = heap_a[0], heap_b[0]
        heap -= 1
        _swap(key, firsts, heap_a, heap_b, 0, heap)
        _sift_down(key, firsts, heap_a, heap_b, 0, heap)
        if not (alive[a] and alive[b]):
            continue
        alive[a] = alive[b] = False
        alive[merged] = True
        parent[a] = parent[b] = merged
        count[merged] = count[a] + count[b]
        first[merged] = min(first[a], first[b])
        # the neighbours of the merged cluster, each with its links to a and to b added (a's first)
        touching = 0
        for old in (a, b):
            for k in range(start[old], start[old] + used[old]):
                other = neighbour[k]
                if not alive[other]:
                    continue
                if mark[other] != merged:
                    mark[other] = merged
                    joined[other] = link[k]
                    touched[touching] = other
                    touching += 1
                else:
                    joined[other] += link[k]
        neighbour, link, top = _room(start, used, capacity, alive, merged + 1, neighbour, link, top,
                                     2 * touching + 1, True)
        start[merged], used[merged], capacity[merged] = top, touching, 2 * touching + 1
        neighbour[top : top + touching] = touched[:touching]
        link[top : top + touching] = joined[touched[:touching]]
        top += capacity[merged]
        if by_group:
            # merge the sorted group lists of a and b
            p, p_end = group_start[a], group_start[a] + group_used[a]
            q, q_end = group_start[b], group_start[b] + group_used[b]
            length = 0
            while p < p_end or q < q_end:
                if q == q_end or (p < p_end and group_id[p] < group_id[q]):
                    merged_id[length], merged_n[length] = group_id[p], group_n[p]
                    p += 1
                elif p == p_end or group_id[q] < group_id[p]:
                    merged_id[length], merged_n[length] = group_id[q], group_n[q]
                    q += 1
                else:
                    merged_id[length], merged_n[length] = group_id[p], group_n[p] + group_n[q]
                    p += 1
                    q += 1
                length += 1
            group_id, group_n, group_top = _room(group_start, group_used, group_capacity, alive, merged,
                                                 group_id, group_n, group_top, length, False)
            group_start[merged], group_used[merged], group_capacity[merged] = group_top, length, length
            group_id[group_top : group_top + length] = merged_id[:length]
            group_n[group_top : group_top + length] = merged_n[:length]
            group_top += length
            for m in range(length):
                in_merged[merged_id[m]] = merged_n[m]
        for k in range(touching):
            other = touched[k]
            if used[other] == capacity[other]:  # full: drop its entries to dead clusters, else move it
                kept = start[other]
                for m in range(start[other], start[other] + used[other]):
                    if alive[neighbour[m]]:
                        neighbour[kept], link[kept] = neighbour[m], link[m]
                        kept += 1
                used[other] = kept - start[other]
                if 2 * used[other] > capacity[other]:  # over half full: move it where it can double
                    neighbour, link, top = _room(start, used, capacity, alive, merged + 1, neighbour, link, top,
                                                 2 * used[other] + 2, True)
                    neighbour[top : top + used[other]] = neighbour[start[other] : start[other] + used[other]]
                    link[top : top + used[other]] = link[start[other] : start[other] + used[other]]
                    start[other], capacity[other] = top, 2 * used[other] + 2
                    top += capacity[other]
            neighbour[start[other] + used[other]], link[start[other] + used[other]] = merged, joined[other]
            used[other] += 1
            same = 0
            for m in range(group_start[other], group_start[other] + group_used[other]):
                same += in_merged[group_id[m]] * group_n[m]
            pairs = count[merged] * count[other] - same
            if pairs > 0 and joined[other] / pairs >= threshold:
                if heap == len(key):
                    key = np.concatenate((key, np.empty(heap, np.float64)))
                    firsts = np.concatenate((firsts, np.empty(heap, np.int64)))
                    heap_a = np.concatenate((heap_a, np.empty(heap, np.int64)))
                    heap_b = np.concatenate((heap_b, np.empty(heap, np.int64)))
                low, high = min(first[merged], first[other]), max(first[merged], first[other])
                key[heap], firsts[heap], heap_a[heap], heap_b[heap] = -joined[other] / pairs, low * n + high, merged, other
                _sift_up(key, firsts, heap_a, heap_b, heap)
                heap += 1
        for m in range(group_start[merged], group_start[merged] + group_used[merged]):
            in_merged[group_id[m]] = 0
        merged += 1
    final = np.empty(merged, np.int64)  # each node's final cluster, by its first node
    for c in range(merged - 1, -1, -1):
        final[c] = first[c] if parent[c] < 0 else final[parent[c]]
    return final[:n]


def average_link(n: int, rows, cols, scores, threshold: float, groups=None) -> np.ndarray:
    """Average-linkage clusters of `n` nodes from a sparse list of scored pairs.

    `rows`, `cols`, `scores`: the pairs (i, j, score); a pair not listed
    scores 0 (a pair listed twice scores the sum). Two clusters merge, best
    first, while the mean score of their comparable cross pairs is at least
    `threshold`. `groups` (one label per node, optional): pairs within one
    group are not comparable (not listed and not counted in the mean), e.g. two
    sentences of one article. Ties go to the pair whose smallest node numbers
    are smallest, so the result depends only on the node numbering. Returns one
    cluster number per node, clusters numbered by their smallest node.

    Compiled (`_link_clusters`): a heap of candidate merges and, per cluster,
    its neighbours with the total score to each, so time and memory grow with
    the pairs listed, never with n squared.
    """
    rows = np.asarray(rows, dtype=np.int64).ravel()
    cols = np.asarray(cols, dtype=np.int64).ravel()
    scores = np.asarray(scores, dtype=np.float64).ravel()
    by_group = groups is not None
    groups = pd.factorize(np.asarray(groups), use_na_sentinel=False)[0].astype(np.int64) if by_group else \
        np.arange(n, dtype=np.int64)
    keep = (rows != cols) & (groups[rows] != groups[cols])
    pair = np.minimum(rows, cols)[keep] * n + np.maximum(rows, cols)[keep]
    order = np.argsort(pair, kind="stable")
    pair, totals = _sums(pair[order], scores[keep][order])
    first = _link_clusters(n, pair // max(n, 1), pair % max(n, 1), totals, float(threshold), groups,
                           int(groups.max()) + 1 if n else 0, by_group)
    return np.unique(first, return_inverse=True)[1].astype(np.int64)
