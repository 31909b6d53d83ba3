"""Distinctive terms: which words and two-word phrases each group (outlet, by default) uses more than
the others, by the weighted log-odds ratio with an informative Dirichlet prior of Monroe, Colaresi
and Quinn (2008, "Fightin' Words", Political Analysis 16(4)), one group against the rest of the
corpus. Also the grouping helpers the framing measures share (`group_labels`, `in_roles`).

Words (`research.text.tokens.word_spans`) are runs of letters and digits; an inner hyphen or
apostrophe keeps a word whole ("co-belligerents", "hasn't"); numbers keep
their separators ("3,000") and dotted abbreviations their dots ("U.S.",
"a.m."). Terms are case-folded, curly apostrophes made straight, a possessive
"'s" dropped ("Russia's" counts as "russia"), thousands separators removed.
Body words are the words of `role == "body"` passages.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, CountVectorizer

from research.errors import AnalysisError
from research.text.tokens import word_spans

TERM_COLUMNS = ["group", "term", "z", "count_group", "count_rest"]
BODY = ("body",)

# Stop words that may open a distinctive phrase ("he said", "they told").
PRONOUNS = frozenset({"i", "we", "you", "he", "she", "it", "they"})
# Weight of the informative prior, as a share of the corpus size: alpha_0 = PRIOR_WEIGHT * n.
PRIOR_WEIGHT = 0.1


def in_roles(passages: pd.DataFrame, roles) -> pd.DataFrame:
    """The passages whose `role` is in `roles` (all of them when `roles` is None)."""
    return passages if roles is None else passages[passages["role"].isin(roles)]


def group_labels(table: pd.DataFrame, by: str, articles: pd.DataFrame | None = None) -> pd.Series:
    """The group label of each row of `table`: its `by` column, or the articles' joined on
    `article_id`; an empty label falls back to the article id."""
    if by in table.columns:
        labels = table[by]
    elif articles is not None and by in articles.columns:
        labels = table["article_id"].map(articles.drop_duplicates("article_id").set_index("article_id")[by])
    else:
        raise AnalysisError(f"group column {by!r} is neither in the passages nor in the articles table")
    labels = labels.fillna("").astype(str)
    return labels.where(labels.str.strip() != "", table["article_id"].astype(str))


class _Terms:
    """Picklable analyzer: the n-grams (n in `ngram_range`) of a passage's normalised words.

    An n-gram's words are separated by whitespace only: punctuation between two
    words ("said, according") ends a phrase.
    """

    def __init__(self, ngram_range: tuple[int, int]):
        self.ngram_range = ngram_range

    def __call__(self, text: str) -> list[str]:
        spans = word_spans(text)
        words = [term for _, _, term in spans]
        joined = [text[spans[i][1]:spans[i + 1][0]].isspace() for i in range(len(spans) - 1)]
        low, high = self.ngram_range
        return [" ".join(words[i:i + n]) for n in range(low, high + 1) for i in range(len(words) - n + 1)
                if all(joined[i:i + n - 1])]


def _sum_rows(matrix: sp.spmatrix, keys, order: list) -> sp.csr_matrix:
    """Rows of `matrix` summed by `keys` (one key per row), in the order of `order`."""
    codes = pd.Categorical(keys, categories=order).codes
    membership = sp.csr_matrix((np.ones(len(codes)), (codes, np.arange(len(codes)))), shape=(len(order), len(codes)))
    return (membership @ matrix).tocsr()


def log_odds_z(counts: sp.spmatrix, prior_weight: float = PRIOR_WEIGHT) -> sp.coo_matrix:
    """One-vs-rest z-scores of the weighted log-odds ratio for a groups x terms count matrix.

    For group i, term w with count y_iw, the rest of the corpus r_w = y_w - y_iw,
    group size n_i and rest size n_r = n - n_i (Monroe et al. 2008, informative
    Dirichlet prior with the corpus's own frequencies as background):

        alpha_w = alpha_0 * y_w / n,   alpha_0 = prior_weight * n
        delta   = log((y_iw + alpha_w) / (n_i + alpha_0 - y_iw - alpha_w))
                - log((r_w + alpha_w) / (n_r + alpha_0 - r_w - alpha_w))
        z       = delta / sqrt(1 / (y_iw + alpha_w) + 1 / (r_w + alpha_w))

    Returns a sparse matrix of z with the same non-zero pattern as `counts`
    (terms a group never uses get no score for that group).
    """
    counts = sp.csr_matrix(counts, dtype=np.float64)
    counts.eliminate_zeros()
    counts = counts.tocoo()
    n_group = np.asarray(counts.sum(axis=1)).ravel()
    y_term = np.asarray(counts.sum(axis=0)).ravel()
    n = n_group.sum()
    alpha_0 = prior_weight * n
    alpha = alpha_0 * y_term[counts.col] / n
    mine, rest = counts.data, y_term[counts.col] - counts.data
    n_mine, n_rest = n_group[counts.row], n - n_group[counts.row]
    delta = (np.log(mine + alpha) - np.log(n_mine + alpha_0 - mine - alpha)
             - np.log(rest + alpha) + np.log(n_rest + alpha_0 - rest - alpha))
    z = delta / np.sqrt(1 / (mine + alpha) + 1 / (rest + alpha))
    return sp.coo_matrix((z, (counts.row, counts.col)), shape=counts.shape)


def distinctive_terms(passages: pd.DataFrame, by: str = "outlet", articles: pd.DataFrame | None = None,
                      prior_weight: float = PRIOR_WEIGHT, ngram_range: tuple[int, int] = (1, 2),
                      count: str = "words", min_count: int = 1, drop_stop_words: bool = False,
                      roles=BODY) -> pd.DataFrame:
    """Terms each group uses more (z > 0) or less (z < 0) than the rest of the corpus.

    `by` is a column of `passages` or, with `articles` given, of the articles
    table joined on `article_id` (an empty label falls back to the article id).
    Terms are unigrams and bigrams (`ngram_range`) counted inside passages (no
    bigram spans two sentences), in passages of `roles` (default body; None:
    all). The score is the z of `log_odds_z`: the prior gives every term a
    pseudo-count proportional to its frequency in the whole corpus, with a total
    weight `prior_weight` times the corpus size (default 0.1). It pulls the
    log-odds of rare terms towards zero, so no minimum count is needed: with
    five groups of equal size, a term used only by one group reaches z = 1.96 at
    four uses; with two groups, at eight. `min_count` drops terms seen fewer
    times in the whole corpus before scoring, only to save memory on large
    corpora (their scores are not needed for the top of the list).

    `count` is what is counted: "words" (default), every occurrence, the
    right unit when a group is one article (the seeds: one story per outlet);
    "articles", the number of the group's articles that use the term, for
    groups of many articles. Words come in bursts (a name repeated through
    one story; Church and Gale 1995), which the model, built on independent
    occurrences, reads as a group's habit: on BASIL, with the outlet labels
    shuffled among each event's articles, word counts still give about three
    quarters as many terms with z >= 1.96 as the real outlets, article counts
    under a third (`benchmarks/evaluate_framing.py`). z is a ranking score,
    not a calibrated test, in either unit.

    `drop_stop_words` leaves out of the result the terms a reader cannot read
    as a topic or a choice of words: terms made only of English stop words
    (scikit-learn's list: "and", "with", "no"), phrases that close with one or
    open with one other than a personal pronoun ("lawmakers that", "on
    cryptocurrency": the other word is listed on its own; "he said" stays)
    and terms made only of digits ("7", "41100": figures are notebook
    04's); they still count in the group sizes, so other terms' z do not
    change.

    Returns `TERM_COLUMNS`: `group`, `term`, `z`, `count_group`, `count_rest`
    (in the unit of `count`), one row per term the group uses, sorted by group
    then z descending (ties by term); empty with fewer than two groups.
    """
    body = in_roles(passages, roles)
    labels = group_labels(body, by, articles)
    groups = sorted(labels.unique())
    if count not in ("words", "articles"):
        raise AnalysisError(f"distinctive_terms: count must be 'words' or 'articles', not {count!r}")
    if len(groups) < 2:  # nothing to compare with
        return pd.DataFrame({"group": pd.Series(dtype=object), "term": pd.Series(dtype=object),
                             "z": pd.Series(dtype="float64"), "count_group": pd.Series(dtype="int64"),
                             "count_rest": pd.Series(dtype="int64")})
    vectorizer = CountVectorizer(analyzer=_Terms(ngram_range), min_df=1)
    counts = vectorizer.fit_transform(body["text"].tolist())
    if count == "articles":
        article_ids = body["article_id"].drop_duplicates()
        counts = _sum_rows(counts, body["article_id"], article_ids.tolist())
        counts.data[:] = 1
        labels = labels.groupby(body["article_id"].to_numpy()).first().reindex(article_ids.to_numpy())
    counts = _sum_rows(counts, labels, groups).tocsc()
    totals = np.asarray(counts.sum(axis=0)).ravel()
    kept = np.flatnonzero(totals >= min_count)
    counts, totals = counts[:, kept].tocsr(), totals[kept]
    z = log_odds_z(counts, prior_weight)
    mine = np.asarray(counts[z.row, z.col]).ravel()
    terms = vectorizer.get_feature_names_out()[kept]
    table = pd.DataFrame({"group": np.array(groups, dtype=object)[z.row], "term": terms[z.col], "z": z.data,
                          "count_group": mine.astype("int64"), "count_rest": (totals[z.col] - mine).astype("int64")})
    if drop_stop_words:
        table = table[table["term"].map(_readable)]
    return table.sort_values(["group", "z", "term"], ascending=[True, False, True],
                             ignore_index=True)[TERM_COLUMNS]


def _readable(term: str) -> bool:
    """Whether a term reads as a topic or a choice of words: not a number, not closing with a stop word, and
    not opening with one other than a personal pronoun ("he said" is a way of attributing; "to russia" is
    "russia")."""
    words = term.split()
    opening = words[0] not in ENGLISH_STOP_WORDS or (len(words) > 1 and words[0] in PRONOUNS)
    return opening and words[-1] not in ENGLISH_STOP_WORDS and \
        not all(w.replace(".", "").replace(",", "").isdigit() for w in words)


CONTEXT_COLUMNS = ["group", "term", "article_id", "outlet", "start", "end", "context"]


def term_contexts(terms: pd.DataFrame, passages: pd.DataFrame, articles: pd.DataFrame, by: str = "outlet",
                  width: int = 60, roles=BODY) -> pd.DataFrame:
    """Every occurrence of each group's `terms` (rows of `distinctive_terms`: `group`, `term`) in the
    group's passages of `roles`, with its context.

    An occurrence is the term's words read as `distinctive_terms` reads them (whitespace between the
    words of a phrase). Returns `CONTEXT_COLUMNS`: `group`, `term`, `article_id`, `outlet`, `start`,
    `end` (offsets into the article text), `context` (the text from `width` characters before to
    `width` after, whitespace made single spaces); sorted by group, term, article and position.
    """
    wanted = terms.groupby("group")["term"].agg(set).to_dict()
    body = in_roles(passages, roles)
    body = body.assign(group=group_labels(body, by, articles).to_numpy())
    texts = articles.drop_duplicates("article_id").set_index("article_id")["text"]
    outlets = articles.drop_duplicates("article_id").set_index("article_id")["outlet"] \
        if "outlet" in articles else pd.Series("", index=texts.index)
    longest = max((len(term.split()) for group in wanted.values() for term in group), default=0)
    rows = []
    for passage in body[body["group"].isin(wanted)].itertuples(index=False):
        spans = word_spans(passage.text)
        for i in range(len(spans)):
            for n in range(1, min(longest, len(spans) - i) + 1):
                if n > 1 and not passage.text[spans[i + n - 2][1]:spans[i + n - 1][0]].isspace():
                    break
                term = " ".join(word for _, _, word in spans[i:i + n])
                if term in wanted[passage.group]:
                    start, end = passage.start + spans[i][0], passage.start + spans[i + n - 1][1]
                    text = texts[passage.article_id]
                    context = " ".join(text[max(0, start - width):end + width].split())
                    rows.append((passage.group, term, passage.article_id, outlets.get(passage.article_id, ""),
                                 start, end, context))
    table = pd.DataFrame(rows, columns=CONTEXT_COLUMNS).astype({"start": "int64", "end": "int64"})
    return table.sort_values(["group", "term", "article_id", "start"], ignore_index=True)
