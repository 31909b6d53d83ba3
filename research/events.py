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

import heapq
from collections import Counter

import numpy as np
import pandas as pd
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from research.blocks import split_blocks
from research.errors import AnalysisError
from research.similarity import TextVectorizer, normalised_words, similar_pairs

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


def average_link(n: int, rows, cols, scores, threshold: float, groups=None) -> np.ndarray:
    """Average-linkage clusters of `n` nodes from a sparse list of scored pairs.

    `rows`, `cols`, `scores`: the pairs (i, j, score); a pair not listed
    scores 0. Two clusters merge, best first, while the mean score of their
    comparable cross pairs is at least `threshold`. `groups` (one label per
    node, optional): pairs within one group are not comparable (not listed and
    not counted in the mean), e.g. two sentences of one article. Ties go to
    the pair whose smallest node numbers are smallest, so the result depends
    only on the node numbering. Returns one cluster number per node, clusters
    numbered by their smallest node.
    """
    groups = np.arange(n) if groups is None else np.asarray(groups)
    members = {i: [i] for i in range(n)}
    counts = {i: Counter([groups[i]]) for i in range(n)}
    first = {i: i for i in range(n)}
    links: dict[int, dict[int, float]] = {i: {} for i in range(n)}
    for i, j, s in zip(np.asarray(rows).tolist(), np.asarray(cols).tolist(), np.asarray(scores).tolist()):
        if i != j and groups[i] != groups[j]:
            links[i][j] = links[i].get(j, 0.0) + s
            links[j][i] = links[j].get(i, 0.0) + s

    def comparable(a: int, b: int) -> int:
        small, large = sorted((counts[a], counts[b]), key=len)
        same = sum(k * large.get(g, 0) for g, k in small.items())
        return len(members[a]) * len(members[b]) - same

    def push(heap: list, a: int, b: int) -> None:
        pairs = comparable(a, b)
        if pairs:
            mean = links[a][b] / pairs
            if mean >= threshold:
                heapq.heappush(heap, (-mean, min(first[a], first[b]), max(first[a], first[b]), a, b))

    heap: list = []
    for a in range(n):
        for b in links[a]:
            if a < b:
                push(heap, a, b)
    next_id = n
    while heap:
        _, _, _, a, b = heapq.heappop(heap)
        if a not in members or b not in members:
            continue
        merged = next_id
        next_id += 1
        members[merged] = members.pop(a) + members.pop(b)
        counts[merged] = counts.pop(a) + counts.pop(b)
        first[merged] = min(first.pop(a), first.pop(b))
        joined: dict[int, float] = {}
        for old in (a, b):
            for other, total in links.pop(old).items():
                if other in (a, b):
                    continue
                joined[other] = joined.get(other, 0.0) + total
                del links[other][old]
        links[merged] = joined
        for other, total in sorted(joined.items()):
            links[other][merged] = total
            push(heap, merged, other)
    labels = np.empty(n, dtype=np.int64)
    for number, cluster in enumerate(sorted(members, key=first.get)):
        labels[members[cluster]] = number
    return labels


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
    pairs = similar_pairs(table, threshold=floor, top_k=top_k, vectorizer=vectorizer or TextVectorizer(**EVENT_SCORER))
    return pairs[["article_id_a", "article_id_b", "similarity"]]


def _top_terms(texts: pd.Series, labels: np.ndarray, count: int) -> list[str]:
    """The `count` words most typical of each cluster: share of its articles using the word times
    the word's smoothed IDF over the corpus; ties by frequency in the cluster, then alphabetically."""
    words = [Counter(w for w in normalised_words(text).split() if w.isalpha() and len(w) > 2
                     and w not in ENGLISH_STOP_WORDS) for text in texts]
    document_frequency = Counter(w for counted in words for w in counted)
    n = len(texts)
    clusters: dict[int, list[Counter]] = {}
    for label, counted in zip(labels.tolist(), words):
        clusters.setdefault(label, []).append(counted)
    terms = []
    for label in range(len(clusters)):
        used, total = Counter(), Counter()
        for counted in clusters[label]:
            used.update(counted.keys())
            total.update(counted)
        size = len(clusters[label])
        score = {w: used[w] / size * (1 + np.log((1 + n) / (1 + document_frequency[w]))) for w in used}
        ranked = sorted(score, key=lambda w: (-round(score[w], 12), -total[w], w))
        terms.append(", ".join(ranked[:count]))
    return terms


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
    events["first_headline"] = [headlines.get(k, "") for k in labels]
    terms = _top_terms(texts, labels, TOP_TERMS)
    events["top_terms"] = [terms[k] for k in labels]
    events["event_label"] = events["first_headline"].where(events["first_headline"] != "", events["top_terms"])
    return events[EVENT_COLUMNS]
