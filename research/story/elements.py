"""Story elements: the same fact, quote or claim told by several outlets, as clusters of passages.

The body sentences of one event are scored with the package's scorer
(`research.similarity.TextVectorizer`) set for sentences of one event,
`ELEMENT_SCORER`: words only, English stop words left out, full IDF fitted on
these sentences (which discounts the vocabulary the whole event shares). Two
sentences that state the same figure (`research.claims.quantities`, values
within 2%) or name the same date other than the news day
(`research.text.dates`, resolved against the article's publication time) score
`ANCHOR_BONUS` more: "the best since August 2020" and "the biggest gain since
August last year" share few words but one date. Pairs come from
`similar_pairs` (pairs within one article are not compared: an element is what
outlets share, and sentences of one article are about the same story anyway).
Sentences are grouped by average linkage on that sparse graph
(`research.reuse.linkage.average_link`): two groups merge while the mean score of
their cross-article pairs is at least `threshold`, pairs below `floor` counting
as 0. Average linkage keeps a long sentence that shares one clause with each of
two elements from chaining them together, as single linkage would. A sentence
that matches nothing is an element of its own, carried by one outlet.
`element_scores` gives the same score for any sentences of the event (coverage
uses it to say how close an outlet came to an element it does not carry).
Settings and how they were chosen: docs/method.md and docs/evaluation.md, "Story elements".
"""

from __future__ import annotations

import re
from typing import NamedTuple

import numpy as np
import pandas as pd
from sklearn.base import clone

from research.claims.quantities import NUMBER_WORDS, VAGUE_QUANTITY, find_quantities
from research.errors import AnalysisError
from research.reuse.linkage import average_link
from research.reuse.similarity import TextVectorizer, no_pairs, similar_pairs
from research.story.events import FLOOR_SHARE
from research.story.facts import fact_kind
from research.text.dates import find_time_expressions, reference_date
from research.text.tokens import WORD

# The scorer's settings for sentences of one event, the average-link threshold and the bonus of a shared
# figure or date, chosen on hand-known story elements of half of the AllSides roundups
# (benchmarks/evaluate_elements.py; docs/evaluation.md, "Story elements").
ELEMENT_SCORER = {"alpha": 1.0, "idf_power": 1.0, "stop_words": "english"}
ELEMENT_THRESHOLD = 0.175
ANCHOR_BONUS = 0.1
# Two figures within this relative difference are one figure rounded ("34.75 million" / "34.7 million").
NUMBER_TOLERANCE = 0.02
# A day this close to publication is the news day ("on Friday"): every sentence of the event shares it.
NEWS_DAYS = 2
ELEMENT_PASSAGE_COLUMNS = ["article_id", "passage_id", "outlet", "genre", "excerpt", "start", "end", "element_id",
                           "anchors", "text"]
ELEMENT_COLUMNS = ["element_id", "label", "n_outlets", "n_articles", "n_passages", "outlets", "cohesion", "fact",
                   "representative_passage_id", "representative_article_id", "representative_start",
                   "representative_end", "representative_text"]

LABEL_WORDS = 14
MIN_CLAUSE_WORDS = 8
# A list bullet, or a dateline ("SEOUL, South Korea — ") before the sentence proper.
LEAD = re.compile(r"^(?:[-–—•*]\s+|[A-Z][A-Z .'-]+(?:,\s+[A-Z][\w .'-]*?)?\s+[—–-]{1,2}\s+)")
# A short opening phrase of time or circumstance ("On Tuesday, ", "Last week, ", "Building on ..., "); a
# participle opens one only before a preposition or determiner ("Speaking at", "Citing the"), not before a noun
# it qualifies ("Acting minister X gave an update, on Thursday": the sentence's subject).
OPENER = re.compile(r"^(?:(?:On|In|At|By|After|Before|During|Since|Following|Amid|Despite|Last|Later|Earlier|"
                    r"Meanwhile|Still|Also|Now|Today|Yesterday)\b(?! least\b| most\b)|(?!According)[A-Z][a-z]+ing\s+"
                    r"(?=(?:at|on|in|to|by|for|from|with|about|after|over|into|through|off|out|up|back|the|a|an|his|"
                    r"her|their|its|our|this|that|these|those)\b))"
                    r"[^,;:\"“”]{0,80}?,\s+(?!who\b|which\b|that\b)")
# Clause boundaries a label may be cut at: comma, semicolon, colon or dash followed by a space.
CLAUSE_END = re.compile(r"[,;:]\s|\s[—–]\s|\s--\s")
DIGIT = re.compile(r"\d")
# Double quotation marks ("’’" closes a quotation in some house styles).
DOUBLE_QUOTE = re.compile(r"[\"“”]|’’")
# A sentence without a digit or a month name states no figure or date worth matching (spelled-out counts
# such as "two" are left out: too common to tell two facts apart).
ANCHOR_HINT = re.compile(r"\d|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b\.?")


class StoryElements(NamedTuple):
    """The result of `cluster_passages`: each passage with its element, and one row per element."""

    passages: pd.DataFrame
    elements: pd.DataFrame


def outlet_names(articles: pd.DataFrame | None, article_ids) -> pd.Series:
    """The outlet of each article id (`outlet` of `articles`, the article id where it is empty or missing)."""
    ids = pd.Index(pd.unique(pd.Series(list(article_ids), dtype=str)))
    outlets = pd.Series("", index=ids)
    if articles is not None and "outlet" in articles:
        given = articles.assign(article_id=articles["article_id"].astype(str)).set_index("article_id")["outlet"]
        outlets = given[~given.index.duplicated()].reindex(ids).fillna("").astype(str).str.strip()
    return outlets.where(outlets != "", pd.Series(ids, index=ids))


def article_field(articles: pd.DataFrame | None, column: str) -> pd.Series:
    """`column` of `articles` by article id (as text, "" where empty; empty when `articles` lacks it)."""
    if articles is None or column not in articles:
        return pd.Series(dtype=str)
    field = articles.assign(article_id=articles["article_id"].astype(str)).set_index("article_id")[column]
    return field[~field.index.duplicated()].fillna("").astype(str)


def _element_facts(table: pd.DataFrame, representatives: pd.Series, published: pd.Series) -> pd.Series:
    """Per cluster, the `fact_kind` of its representative sentence, else of its first sentence (by passage id)
    that states a fact ("" when none does)."""
    kinds = {}
    for cluster, rows in table.groupby("cluster", sort=False):
        order = [representatives[cluster], *[i for i in rows.index if i != representatives[cluster]]]
        kinds[cluster] = next((kind for i in order if (kind := fact_kind(
            table.at[i, "text"], published.get(str(table.at[i, "article_id"]), "")))), "")
    return pd.Series(kinds)


def sentence_anchors(text: str, published: str = "") -> str:
    """The figures and dates of a sentence, "; "-separated: each figure's value (`find_quantities`; vague
    amounts left out) and each date range ("2020-08-01/2021-08-06") that `find_time_expressions` resolves
    against `published`, other than a day within `NEWS_DAYS` of publication and lengths of time. Without a
    publication date no date is resolved, so only figures are given."""
    if not ANCHOR_HINT.search(text):
        return ""
    keys = [f"{q.value:g}" for q in find_quantities(text, published) if not np.isnan(q.value)]
    reference = reference_date(published)
    for span in find_time_expressions(text, published):
        if span.date_start is None or span.kind == "duration":
            continue
        if span.date_start == span.date_end and abs((span.date_start - reference).days) <= NEWS_DAYS:
            continue  # the news day
        keys.append(f"{span.date_start.isoformat()}/{span.date_end.isoformat()}")
    return "; ".join(dict.fromkeys(keys))


def share_anchor(anchors_a: str, anchors_b: str) -> bool:
    """Whether two `sentence_anchors` strings share a date, or a figure within `NUMBER_TOLERANCE`."""
    if not anchors_a or not anchors_b:
        return False
    keys_b = anchors_b.split("; ")
    for key in anchors_a.split("; "):
        if "/" in key:
            if key in keys_b:
                return True
            continue
        value = float(key)
        if any("/" not in other and abs(value - float(other)) <= NUMBER_TOLERANCE * max(abs(value), abs(float(other)))
               for other in keys_b):
            return True
    return False


def with_anchor_bonus(similarity: np.ndarray, anchors_a, anchors_b) -> np.ndarray:
    """`similarity` of aligned pairs plus `ANCHOR_BONUS` where the two sentences share a figure or date
    (`share_anchor`), at most 1."""
    bonus = np.array([share_anchor(a, b) for a, b in zip(anchors_a, anchors_b)], dtype=bool)
    return np.minimum(1.0, np.asarray(similarity, dtype=float) + ANCHOR_BONUS * bonus)


def _anchor_pairs(table: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Row pairs (i < j) of different articles whose sentences share a figure or date (`share_anchor`):
    candidates from an index of dates and of figures rounded to three significant digits, then checked."""
    index: dict[str, list[int]] = {}
    for row, anchors in enumerate(table["anchors"]):
        for key in filter(None, anchors.split("; ")):
            index.setdefault(key if "/" in key else f"{float(key):.3g}", []).append(row)
    article = table["article_id"].to_numpy()
    found = {(a, b) for rows in index.values() for k, a in enumerate(rows) for b in rows[k + 1:]
             if a != b and article[a] != article[b]}
    pairs = sorted((min(a, b), max(a, b)) for a, b in found)
    anchors = table["anchors"].to_numpy()
    pairs = [(a, b) for a, b in pairs if share_anchor(anchors[a], anchors[b])]
    return np.array([a for a, _ in pairs], dtype=int), np.array([b for _, b in pairs], dtype=int)


def _unlisted_anchor_pairs(table: pd.DataFrame, pairs: pd.DataFrame, vectorizer: TextVectorizer) -> pd.DataFrame:
    """The pairs sharing a figure or date that `pairs` (a `similar_pairs` table of `table`) does not list,
    with their score (before the bonus): the bonus can lift a pair the floor left out."""
    first, second = _anchor_pairs(table)
    ids = table["passage_id"].to_numpy()
    listed = set(zip(pairs["passage_id_a"], pairs["passage_id_b"]))
    keep = [(a, b) for a, b in zip(first, second) if (ids[a], ids[b]) not in listed]
    if not keep:
        return pairs.iloc[:0]
    a, b = (np.array(side, dtype=int) for side in zip(*keep))
    matrix = vectorizer.transform(table["text"])
    score = np.clip(np.asarray(matrix[a].multiply(matrix[b]).sum(axis=1)).ravel(), 0.0, 1.0)
    articles = table["article_id"].to_numpy()
    return pd.DataFrame({"passage_id_a": ids[a], "passage_id_b": ids[b], "article_id_a": articles[a],
                         "article_id_b": articles[b], "similarity": score})


def element_scores(table: pd.DataFrame, rows, vectorizer: TextVectorizer | None = None) -> np.ndarray:
    """The score `cluster_passages` gives pairs of sentences, between `rows` and every row of `table`.

    `table`: the sentences of one event (`text`, `anchors` as `sentence_anchors` gives); `rows`: row
    positions in it; `vectorizer`: the scorer (default `TextVectorizer(**ELEMENT_SCORER)` fitted on
    `table`'s texts, as `cluster_passages` fits it). Returns len(rows) x len(table) scores in [0, 1].
    """
    vectorizer = vectorizer or TextVectorizer(**ELEMENT_SCORER)
    if not hasattr(vectorizer, "blocks_"):
        vectorizer = clone(vectorizer).fit(table["text"])
    matrix = vectorizer.transform(table["text"])
    rows = np.asarray(rows, dtype=int)
    scores = np.clip((matrix[rows] @ matrix.T).toarray(), 0.0, 1.0)
    anchors = table["anchors"].to_numpy()
    for k, row in enumerate(rows):
        if anchors[row]:
            scores[k] = with_anchor_bonus(scores[k], [anchors[row]] * len(table), anchors)
    return scores


def _balanced(label: str) -> str:
    """`label` without a double quotation mark at its start or end that has no partner inside it."""
    label = label.strip()
    opening = DOUBLE_QUOTE.match(label)
    if opening and len(DOUBLE_QUOTE.findall(label)) % 2:
        label = label[opening.end():].strip()
    closing = re.search(f"(?:{DOUBLE_QUOTE.pattern})$", label)
    if closing and len(DOUBLE_QUOTE.findall(label)) % 2:
        label = label[:closing.start()].strip()
    return label.rstrip(".,;:")


def element_label(text: str) -> str:
    """A short readable label for a passage: the sentence without bullet, dateline or a short opening
    phrase of time or circumstance, cut at the last clause boundary between `MIN_CLAUSE_WORDS` and
    `LABEL_WORDS` words (else after `LABEL_WORDS` words, with "…"), the figures it cut off appended in
    brackets, and unpaired quotation marks at either end removed."""
    text = " ".join(text.split())
    body = LEAD.sub("", text, count=1) or text
    rest = OPENER.sub("", body, count=1)
    if rest != body and len(WORD.findall(rest)) >= MIN_CLAUSE_WORDS // 2:  # a fragment keeps its lower case
        body = rest[:1].upper() + rest[1:]
    words = list(WORD.finditer(body))
    if len(words) <= LABEL_WORDS:
        return _balanced(body)
    limit = words[LABEL_WORDS - 1].end()
    floor = words[MIN_CLAUSE_WORDS - 1].end()
    cuts = [m.start() for m in CLAUSE_END.finditer(body, floor, limit + 1)
            if len(DOUBLE_QUOTE.findall(body, 0, m.start())) % 2 == 0]
    end = cuts[-1] if cuts else limit
    label = _balanced(body[:end].rstrip(" ,;:—–-")) + ("" if cuts else " …")
    # a figure cut off has a digit, a number word or a vague quantity after the cut: look before the full search
    tail = body[end:].casefold()
    cut_off = DIGIT.search(tail) or any(w in tail for w in NUMBER_WORDS) or VAGUE_QUANTITY.search(body, end)
    lost = [body[q.start:q.end] for q in find_quantities(body) if q.start >= end] if cut_off else []
    return label + (f" [{', '.join(dict.fromkeys(lost))}]" if lost else "")


def _representatives(table: pd.DataFrame, pairs: pd.DataFrame, labels: np.ndarray) -> tuple[np.ndarray, pd.Series]:
    """Row number of each cluster's representative, the member with the highest mean score to the
    members of other articles (a pair not listed scores 0; ties to the earliest row), and each
    cluster's cohesion: the mean score of its cross-article pairs (NaN for a cluster of one article)."""
    n = len(table)
    total = np.zeros(n)
    position = pd.Series(np.arange(n), index=table["passage_id"].to_numpy())
    i = position[pairs["passage_id_a"]].to_numpy()
    j = position[pairs["passage_id_b"]].to_numpy()
    inside = labels[i] == labels[j]
    np.add.at(total, i[inside], pairs["similarity"].to_numpy()[inside])
    np.add.at(total, j[inside], pairs["similarity"].to_numpy()[inside])
    articles = table["article_id"].to_numpy()
    frame = pd.DataFrame({"cluster": labels, "article": articles})
    size = frame.groupby("cluster")["article"].transform("size").to_numpy()
    same = frame.groupby(["cluster", "article"])["article"].transform("size").to_numpy()
    others = size - same
    mean = np.divide(total, others, out=np.zeros(n), where=others > 0)
    order = np.lexsort((np.arange(n), -mean, labels))
    first = np.ones(n, dtype=bool)
    first[1:] = labels[order][1:] != labels[order][:-1]
    cohesion = pd.Series(total).groupby(labels).sum() / pd.Series(others).groupby(labels).sum()
    return order[first], cohesion


def cluster_passages(passages: pd.DataFrame, articles: pd.DataFrame | None = None,
                     threshold: float = ELEMENT_THRESHOLD, floor: float | None = None, roles=("body",),
                     vectorizer: TextVectorizer | None = None) -> StoryElements:
    """Group the passages of one event, across outlets, into story elements.

    `passages`: rows of `split_passages` (sentences by default) of the
    articles of one event; only rows whose `role` is in `roles` are used
    (default body; None: all). `articles`: the articles table, for `outlet`
    (an empty or missing outlet is the article id). `threshold`: groups merge
    while the mean score of their cross-article pairs is at least this;
    `floor`: pairs below it count as 0 (default `FLOOR_SHARE * threshold`);
    `vectorizer`: the scorer (default `TextVectorizer(**ELEMENT_SCORER)`,
    fitted on the passages); two sentences sharing a figure or a date
    (`sentence_anchors`, dates resolved against `articles`' `published`)
    score `ANCHOR_BONUS` more.

    Returns `StoryElements(passages, elements)`:

    - `passages`: `article_id`, `passage_id`, `outlet`, `genre` (the
      article's `genre` in `articles`, such as "opinion"; "" when not given),
      `excerpt` (the article's `excerpt` in `articles`: its text is an excerpt
      of a longer article, as every AllSides text is; False when not given),
      `start`, `end` (into the article text), `element_id`, `anchors`
      (`sentence_anchors`), `text`; sorted by article and offset.
    - `elements`: `element_id` ("E01", ...), `label` (the representative
      passage cut at a clause boundary, see `element_label`), `n_outlets`,
      `n_articles`, `n_passages`, `outlets` (sorted, "; "-separated),
      `cohesion` (the mean score of its pairs of passages from different
      articles, pairs below `floor` as 0; NaN when all come from one article),
      `fact` (what makes it a fact, `research.story.facts.fact_kind` of its
      representative, else of its first sentence that states one: figure,
      date, quotation, named actor; "" when none does),
      `representative_passage_id`, `representative_article_id`,
      `representative_start`, `representative_end`, `representative_text`
      (the member most similar on average to the members from other
      articles). Elements are numbered by number of outlets (most first), then
      by how early in its article the representative comes (share of the body
      before it), then by passage id; so the same passages in any row order
      give the same elements and ids.
    """
    floor = FLOOR_SHARE * threshold if floor is None else floor
    if roles is not None:
        passages = passages[passages["role"].isin(list(roles))]
    table = passages.sort_values("passage_id", kind="stable").reset_index(drop=True)
    if table["passage_id"].duplicated().any():
        raise AnalysisError(f"passage_id {table['passage_id'][table['passage_id'].duplicated()].iloc[0]!r} "
                            "appears twice in the passages table")
    if table.empty:
        return StoryElements(pd.DataFrame(columns=ELEMENT_PASSAGE_COLUMNS), pd.DataFrame(columns=ELEMENT_COLUMNS))
    vectorizer = vectorizer or TextVectorizer(**ELEMENT_SCORER)
    published = article_field(articles, "published")
    table["anchors"] = [sentence_anchors(text, published.get(str(article), "")) for text, article
                        in zip(table["text"], table["article_id"])]
    if not hasattr(vectorizer, "blocks_"):
        vectorizer = clone(vectorizer).fit(table["text"])
    pairs = similar_pairs(table, threshold=floor, roles=None, vectorizer=vectorizer) \
        if table["article_id"].nunique() > 1 else no_pairs()  # elements join articles
    pairs = pd.concat([pairs, _unlisted_anchor_pairs(table, pairs, vectorizer)], ignore_index=True)
    anchors = table.set_index("passage_id")["anchors"]
    pairs["similarity"] = with_anchor_bonus(pairs["similarity"], anchors[pairs["passage_id_a"]],
                                            anchors[pairs["passage_id_b"]])
    pairs = pairs[pairs["similarity"] >= floor]
    position = pd.Series(np.arange(len(table)), index=table["passage_id"].to_numpy())
    groups = pd.factorize(table["article_id"])[0]
    labels = average_link(len(table), position[pairs["passage_id_a"]].to_numpy(),
                          position[pairs["passage_id_b"]].to_numpy(), pairs["similarity"].to_numpy(),
                          threshold, groups)
    outlets = outlet_names(articles, table["article_id"])
    table["outlet"] = outlets[table["article_id"].astype(str)].to_numpy()
    table["genre"] = article_field(articles, "genre").reindex(table["article_id"].astype(str)).fillna("").to_numpy()
    excerpt = article_field(articles, "excerpt").reindex(table["article_id"].astype(str))
    table["excerpt"] = excerpt.isin(["True", "1"]).to_numpy()
    table["cluster"] = labels
    representatives, cohesion = _representatives(table, pairs, labels)
    chosen = table.loc[representatives].set_index("cluster")
    chosen["cohesion"] = cohesion
    chosen["fact"] = _element_facts(table, pd.Series(representatives, index=labels[representatives]), published)
    span = table.groupby("article_id").agg(first=("start", "min"), last=("end", "max")).loc[chosen["article_id"]]
    chosen["position"] = ((chosen["start"] - span["first"].to_numpy())
                          / (span["last"] - span["first"]).clip(lower=1).to_numpy())
    members = table.groupby("cluster")
    chosen["n_outlets"] = members["outlet"].nunique()
    chosen["n_articles"] = members["article_id"].nunique()
    chosen["n_passages"] = members.size()
    chosen["outlets"] = table[["cluster", "outlet"]].drop_duplicates().sort_values(["cluster", "outlet"]) \
        .groupby("cluster")["outlet"].agg("; ".join)
    chosen = chosen.sort_values(["n_outlets", "position", "passage_id"], ascending=[False, True, True],
                                kind="stable")
    width = max(2, len(str(len(chosen))))
    chosen["element_id"] = [f"E{k + 1:0{width}d}" for k in range(len(chosen))]
    chosen["label"] = [element_label(text) for text in chosen["text"]]
    elements = chosen.rename(columns={"passage_id": "representative_passage_id",
                                      "article_id": "representative_article_id", "start": "representative_start",
                                      "end": "representative_end", "text": "representative_text"})
    table["element_id"] = chosen["element_id"].reindex(table["cluster"]).to_numpy()
    assigned = table.sort_values(["article_id", "start"], kind="stable", ignore_index=True)
    return StoryElements(assigned[ELEMENT_PASSAGE_COLUMNS], elements.reset_index(drop=True)[ELEMENT_COLUMNS])
