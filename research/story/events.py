"""Events: group the articles of a mixed corpus into stories, from a sparse similarity graph.

Each article is represented by its body text (blocks of role `body`) as one
row of the package's scorer (`research.similarity.TextVectorizer`). Pairs of
articles scoring at least `floor` are found with `similar_pairs` (an exact
blocked sparse join, never an N x N matrix) and clustered by average linkage
on that sparse graph (`research.reuse.linkage.average_link`): two groups merge while the mean score
over all their cross pairs is at least `threshold`, a pair below `floor`
counting as 0. Unlike connected components (single link), one similar pair
cannot chain two stories together: a merge needs most of the pairs between
the two groups to be similar. The number of events is not fixed. Thresholds
and the scorer's settings for whole articles: README, "Events".
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from research.errors import AnalysisError
from research.reuse.linkage import average_link
from research.reuse.similarity import TextVectorizer, read_words, similar_pairs

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


def body_texts(blocks: pd.DataFrame, articles: pd.DataFrame) -> pd.Series:
    """The body text of each article (its `body` blocks joined by blank lines), indexed by sorted `article_id`.

    `blocks`: `split_blocks(articles)`. An article without body blocks (a
    record of one paragraph is read as a headline) is represented by its
    headline, subheading and caption blocks; one without any of these (a
    record on one line set aside as page chrome) by its whole text.
    """
    whole = articles.assign(article_id=articles["article_id"].astype(str)).set_index("article_id")["text"]
    if whole.index.duplicated().any():
        raise AnalysisError(f"article_id {whole.index[whole.index.duplicated()][0]!r} appears twice")
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


def cluster_articles(blocks: pd.DataFrame, articles: pd.DataFrame, threshold: float = EVENT_THRESHOLD,
                     floor: float | None = None, vectorizer: TextVectorizer | None = None,
                     top_k: int | None = None) -> pd.DataFrame:
    """Group the articles of a corpus into events (stories) by average linkage on their body texts.

    `blocks`: `split_blocks(articles)`, whose body blocks are read;
    `articles`: a table of `load_articles` (needs `article_id`, `text`;
    `headline` and `published` are used for the label when present).
    `threshold`: two groups of articles merge while their mean pairwise score
    is at least this; `floor`: pairs scoring below it count as 0 (default
    `FLOOR_SHARE * threshold`); `vectorizer`: the scorer for whole articles
    (default `TextVectorizer(**EVENT_SCORER)`, fitted on this corpus); `top_k`: keep only each
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
    texts = body_texts(blocks, articles)
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
