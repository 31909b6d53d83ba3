"""Events: group the articles of a mixed corpus into stories, from a sparse similarity graph.

Each article is represented by its body text (blocks of role `body`) as one
row of the package's scorer (`research.similarity.TextVectorizer`). Pairs of
articles scoring at least `floor` are found with `similar_pairs` (an exact
blocked sparse join, never an N x N matrix) and clustered by average linkage
on that sparse graph (`average_link`): two groups merge while the mean score
over all their cross pairs is at least `threshold`, a pair below `floor`
counting as 0. Unlike connected components (single link), one similar pair
cannot chain two stories together: a merge needs most of the pairs between
the two groups to be similar. The number of events is not fixed. Thresholds
and the scorer's settings for whole articles: README, "Events".
"""

from __future__ import annotations

import numba
import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from research.blocks import split_blocks
from research.errors import AnalysisError
from research.similarity import TextVectorizer, read_words, similar_pairs

EVENT_COLUMNS = ["article_id", "event_id", "event_label", "n_articles", "first_headline", "top_terms"]
# Roles that stand in for the body of an article that has none (a one-paragraph record).
FALLBACK_ROLES = ("headline", "subheading", "caption")

# The scorer's settings for whole articles and the average-link threshold (the mean of the thresholds
# chosen on either half of the BASIL events, each checked on the other half: README, "Events").
EVENT_SCORER = {"alpha": 1.0, "stop_words": "english", "idf_power": 1.0}
EVENT_THRESHOLD = 0.205
# Pairs below FLOOR_SHARE * threshold are not listed (they count as 0): the graph stays sparse.
FLOOR_SHARE = 0.5
TOP_TERMS = 5
# Texts read at a time for the top terms.
TERM_CHUNK = 10_000


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


def body_texts(articles: pd.DataFrame, blocks: pd.DataFrame | None = None) -> pd.Series:
    """The body text of each article (its `body` blocks joined by blank lines), indexed by sorted `article_id`.

    An article without body blocks (a record of one paragraph is read as a
    headline) is represented by its headline, subheading and caption blocks;
    one without any of these (a record on one line set aside as page chrome)
    by its whole text. `blocks`: `split_blocks(articles)` when already computed.
    """
    whole = articles.assign(article_id=articles["article_id"].astype(str)).set_index("article_id")["text"]
    if whole.index.duplicated().any():
        raise AnalysisError(f"article_id {whole.index[whole.index.duplicated()][0]!r} appears twice")
    blocks = split_blocks(articles) if blocks is None else blocks
    kept = blocks[blocks["role"].isin(("body",) + FALLBACK_ROLES)].sort_values(["article_id", "start"])
    kept = kept.assign(article_id=kept["article_id"].astype(str))
    has_body = set(kept.loc[kept["role"] == "body", "article_id"])
    kept = kept[(kept["role"] == "body") | ~kept["article_id"].isin(has_body)]
    texts = kept.groupby("article_id")["text"].agg("\n\n".join)
    ids = sorted(whole.index)
    return texts.reindex(ids).fillna(whole.reindex(ids).fillna("")).rename("text")


def article_pairs(texts: pd.Series, floor: float, vectorizer: TextVectorizer | None = None,
                  top_k: int | None = None) -> pd.DataFrame:
    """Pairs of articles whose texts score at least `floor`: `article_id_a`, `article_id_b`, `similarity`.

    `texts`: one text per article indexed by `article_id` (`body_texts`).
    Empty texts are left out (they pair with nothing). `vectorizer`: default
    `TextVectorizer(**EVENT_SCORER)`, fitted on these texts. `top_k`: keep
    only each article's `top_k` best partners (as in `similar_pairs`).
    """
    texts = texts[texts.str.strip() != ""]
    table = pd.DataFrame({"article_id": texts.index, "passage_id": texts.index, "role": "body",
                          "text": texts.to_numpy()})
    pairs = similar_pairs(table, threshold=floor, top_k=top_k, same_article=True,  # one text per article
                          vectorizer=vectorizer or TextVectorizer(**EVENT_SCORER))
    return pairs[["article_id_a", "article_id_b", "similarity"]]


def _word_counts(texts: pd.Series) -> tuple[sp.csr_matrix, list[str]]:
    """Texts x words: how often each text uses each word of more than two letters that is not an
    English stop word (words as `normalised_words` gives them), with the words sorted. Read
    `TERM_CHUNK` texts at a time, so the tokens of a large corpus are never all held at once."""
    number: dict[str, int] = {}
    rows, columns, values = [], [], []
    for begin in range(0, len(texts), TERM_CHUNK):
        words = read_words(texts.iloc[begin : begin + TERM_CHUNK].tolist())
        column = np.array([number.setdefault(w, len(number)) if w.isalpha() and len(w) > 2
                           and w not in ENGLISH_STOP_WORDS else -1 for w in words.vocabulary], dtype=np.int64)
        counts = words.counts().tocoo()
        keep = column[counts.col] >= 0
        rows.append(counts.row[keep] + begin)
        columns.append(column[counts.col[keep]])
        values.append(counts.data[keep])
    vocabulary = sorted(number)
    alphabetical = np.empty(len(number), dtype=np.int64)
    alphabetical[[number[w] for w in vocabulary]] = np.arange(len(vocabulary))
    pieces = [np.concatenate(part) if part else np.zeros(0, dtype) for part, dtype in
              ((rows, np.int64), (columns, np.int64), (values, np.float64))]
    matrix = sp.csr_matrix((pieces[2], (pieces[0], alphabetical[pieces[1]])), shape=(len(texts), len(vocabulary)))
    matrix.sort_indices()
    return matrix, vocabulary


def _top_terms(texts: pd.Series, labels: np.ndarray, count: int) -> list[str]:
    """The `count` words most typical of each cluster: share of its articles using the word times
    the word's smoothed IDF over the corpus; ties by frequency in the cluster, then alphabetically."""
    counts, vocabulary = _word_counts(texts)
    n, clusters = len(texts), int(labels.max()) + 1 if len(labels) else 0
    used = counts.copy()
    used.data[:] = 1.0
    document_frequency = np.bincount(used.indices, minlength=len(vocabulary))
    member = sp.csr_matrix((np.ones(n), (labels, np.arange(n))), shape=(clusters, n))
    users, total = member @ used, member @ counts  # per cluster and word: articles using it, uses
    users.sort_indices()
    total.sort_indices()
    cluster = np.repeat(np.arange(clusters), np.diff(users.indptr))
    size = np.bincount(labels, minlength=clusters)
    score = users.data / size[cluster] * (1 + np.log((1 + n) / (1 + document_frequency[users.indices])))
    distinct, which = np.unique(score, return_inverse=True)
    rounded = np.array([round(value, 12) for value in distinct.tolist()])[which]
    order = np.lexsort((users.indices, -total.data, -rounded, cluster))
    rank = np.arange(len(order)) - users.indptr[cluster[order]]
    chosen = order[rank < count]
    words = np.asarray(vocabulary, dtype=object)[users.indices[chosen]]
    ends = np.searchsorted(cluster[chosen], np.arange(clusters + 1))
    return [", ".join(words[ends[k] : ends[k + 1]]) for k in range(clusters)]


def _first_headlines(articles: pd.DataFrame, labels: pd.Series) -> pd.Series:
    """Per cluster, the headline of its earliest published article that has one (undated last, then by id)."""
    table = articles.assign(article_id=articles["article_id"].astype(str)).set_index("article_id")
    headline = table["headline"].fillna("").astype(str).str.strip() if "headline" in table else \
        pd.Series("", index=table.index)
    published = table["published"] if "published" in table else pd.Series("", index=table.index)
    when = pd.to_datetime(published.replace("", None), utc=True, format="ISO8601", errors="coerce")
    frame = pd.DataFrame({"cluster": labels, "headline": headline.reindex(labels.index),
                          "when": when.reindex(labels.index)})
    frame = frame[frame["headline"] != ""].rename_axis("article_id").reset_index()
    frame = frame.sort_values(["when", "article_id"], na_position="last", kind="stable")
    return frame.drop_duplicates("cluster").set_index("cluster")["headline"]


def cluster_articles(articles: pd.DataFrame, threshold: float = EVENT_THRESHOLD, floor: float | None = None,
                     vectorizer: TextVectorizer | None = None, blocks: pd.DataFrame | None = None,
                     top_k: int | None = None) -> pd.DataFrame:
    """Group the articles of a corpus into events (stories) by average linkage on their body texts.

    `articles`: a table of `load_articles` (needs `article_id`, `text`;
    `headline` and `published` are used for the label when present).
    `threshold`: two groups of articles merge while their mean pairwise score
    is at least this; `floor`: pairs scoring below it count as 0 (default
    `FLOOR_SHARE * threshold`); `vectorizer`: the scorer for whole articles
    (default `TextVectorizer(**EVENT_SCORER)`, fitted on this corpus); `blocks`:
    `split_blocks(articles)` when already computed; `top_k`: keep only each
    article's `top_k` most similar partners above `floor` (default all), which
    bounds the graph at `top_k` pairs per article on large corpora (an event of
    more than `top_k` articles then looks less cohesive than it is).

    Returns one row per article, sorted by `article_id`: `article_id`,
    `event_id` ("1", "2", ... zero-padded to one width, numbered by the
    smallest `article_id` of each event, so the same corpus in any row order
    gets the same ids), `event_label` (`first_headline`, else `top_terms`),
    `n_articles` (in the event), `first_headline` (the headline of the
    event's earliest published article; empty when none has one),
    `top_terms` (the words most typical of the event, comma-separated).
    """
    floor = FLOOR_SHARE * threshold if floor is None else floor
    texts = body_texts(articles, blocks)
    ids = texts.index.to_numpy()
    pairs = article_pairs(texts, floor, vectorizer, top_k)
    position = pd.Series(np.arange(len(ids)), index=ids)
    labels = average_link(len(ids), position[pairs["article_id_a"]].to_numpy(),
                          position[pairs["article_id_b"]].to_numpy(), pairs["similarity"].to_numpy(), threshold)
    width = len(str(labels.max() + 1)) if len(labels) else 1
    events = pd.DataFrame({"article_id": ids, "event_id": [f"{k + 1:0{width}d}" for k in labels]})
    events["n_articles"] = events.groupby("event_id")["article_id"].transform("size")
    headlines = _first_headlines(articles, pd.Series(labels, index=ids))
    events["first_headline"] = headlines.reindex(labels).fillna("").to_numpy()
    terms = _top_terms(texts, labels, TOP_TERMS)
    events["top_terms"] = [terms[k] for k in labels]
    events["event_label"] = events["first_headline"].where(events["first_headline"] != "", events["top_terms"])
    return events[EVENT_COLUMNS]
