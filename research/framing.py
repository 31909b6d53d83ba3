"""Framing measures per outlet: distinctive terms, certainty and stance markers, headlines.

- `distinctive_terms`: which words and two-word phrases each group (outlet, by
  default) uses more than the others, by the weighted log-odds ratio with an
  informative Dirichlet prior of Monroe, Colaresi and Quinn (2008, "Fightin'
  Words", Political Analysis 16(4)), one group against the rest of the corpus.
- `find_markers` and `reporting_verbs`: every hedge, booster and evaluative
  word (`research.lexicons` or your own lexicon) and every reporting verb by
  kind, with offsets into the article text; `marker_rates` counts them per
  1,000 body words.
- `headline_framing`: each headline's main actor, verb and certainty.

Words (`word_spans`) are runs of letters and digits; an inner hyphen or
apostrophe keeps a word whole ("co-belligerents", "hasn't"); numbers keep
their separators ("3,000") and dotted abbreviations their dots ("U.S.",
"a.m."). Terms are case-folded, curly apostrophes made straight, a possessive
"'s" dropped ("Russia's" counts as "russia"), thousands separators removed.
Body words are the words of `role == "body"` passages.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, CountVectorizer

from research.attribution import VERB_FORMS, WEAK_VERBS, attributions, group_actors
from research.errors import AnalysisError
from research.lexicons import LEXICON, REPORTING_VERB_KINDS
from research.similarity import normalise_token

TERM_COLUMNS = ["group", "term", "z", "count_group", "count_rest"]
MARKER_COLUMNS = ["article_id", "passage_id", "start", "end", "category", "term", "text"]
RATE_COLUMNS = ["group", "category", "count", "body_words", "per_1000"]
HEADLINE_COLUMNS = ["article_id", "outlet", "headline", "actor", "actor_group", "verb", "verb_kind", "hedges",
                    "boosters", "evaluative", "certainty"]

WORD = re.compile(r"(?:[A-Za-z]\.){2,}|\d+(?:[.,]\d+)*|\w+(?:['’\-]\w+)*")
POSSESSIVE = re.compile(r"['’]s$")
BODY = ("body",)

# Weight of the informative prior, as a share of the corpus size: alpha_0 = PRIOR_WEIGHT * n.
PRIOR_WEIGHT = 0.1


def word_spans(text: str) -> list[tuple[int, int, str]]:
    """Words of `text` as (start, end, term): offsets into `text` and the normalised term."""
    return [(m.start(), m.end(), POSSESSIVE.sub("", normalise_token(m.group()).replace("’", "'")))
            for m in WORD.finditer(text)]


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

    `drop_stop_words` leaves out of the result the terms made only of English
    stop words (scikit-learn's list: "and", "with", "no"); they still count in
    the group sizes, so other terms' z do not change.

    Returns `TERM_COLUMNS`: `group`, `term`, `z`, `count_group`, `count_rest`
    (in the unit of `count`), one row per term the group uses, sorted by group
    then z descending (ties by term). Needs at least two groups.
    """
    body = in_roles(passages, roles)
    labels = group_labels(body, by, articles)
    groups = sorted(labels.unique())
    if len(groups) < 2:
        raise AnalysisError(f"distinctive_terms: needs at least two groups in {by!r}, found {groups}")
    if count not in ("words", "articles"):
        raise AnalysisError(f"distinctive_terms: count must be 'words' or 'articles', not {count!r}")
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
        table = table[~table["term"].map(lambda term: all(w in ENGLISH_STOP_WORDS for w in term.split()))]
    return table.sort_values(["group", "z", "term"], ascending=[True, False, True],
                             ignore_index=True)[TERM_COLUMNS]


# ---------------------------------------------------------------------------
# Markers: hedges, boosters, evaluative words, reporting verbs by kind.
# ---------------------------------------------------------------------------

_START = r"(?<![\w'’\-])"
_END = r"(?![\w\-])(?!['’](?!s\b)\w)"
_MONTH_CONTEXT = re.compile(r"\s*\d")
_SENTENCE_OPENING = re.compile(r"(?:^|[.!?:;]['\"”’)]*\s+)['\"“‘(\[]*$")


def _term_pattern(term: str) -> str:
    words = term.strip().split()
    return r"\s+".join(re.sub("['’]", "['’]", re.escape(word)) for word in words)


def _compile(lexicon: dict[str, list[str]]) -> dict[str, re.Pattern]:
    patterns = {}
    for category, terms in lexicon.items():
        if not terms:
            continue
        ordered = sorted({t.strip().lower() for t in terms if t.strip()}, key=lambda t: (-len(t), t))
        patterns[category] = re.compile(_START + "(?:" + "|".join(map(_term_pattern, ordered)) + ")" + _END,
                                        re.IGNORECASE)
    return patterns


def _is_month(text: str, start: int, end: int) -> bool:
    """"May" as the month: capitalised inside a sentence, or followed by a number ("May 5")."""
    if text[start:end] != "May":
        return False
    return bool(_MONTH_CONTEXT.match(text, end)) or not _SENTENCE_OPENING.search(text[:start])


def _matches(text: str, patterns: dict[str, re.Pattern]) -> list[tuple[int, int, str, str]]:
    found = []
    for category, pattern in patterns.items():
        for match in pattern.finditer(text):
            if match.group().lower() == "may" and _is_month(text, match.start(), match.end()):
                continue
            term = " ".join(match.group().lower().replace("’", "'").split())
            found.append((match.start(), match.end(), category, term))
    return sorted(found)


def markers_in(text: str, lexicon: dict[str, list[str]] | None = None) -> list[tuple[int, int, str, str]]:
    """Lexicon terms in `text` as (start, end, category, term), sorted by position.

    Whole words, case-insensitive, phrases across any whitespace; inside one
    category the longest term wins at a position; categories are matched
    independently. "may" is not counted where it is the month (see `_is_month`).
    """
    return _matches(text, _compile(LEXICON if lexicon is None else lexicon))


def find_markers(passages: pd.DataFrame, lexicon: dict[str, list[str]] | None = None, roles=BODY) -> pd.DataFrame:
    """Every lexicon term in the passages of `roles` (default body; None: all).

    `lexicon` maps a category to its terms (default `research.lexicons.LEXICON`:
    hedge, booster, evaluative); see `markers_in` for how terms match. Returns
    `MARKER_COLUMNS`: `article_id`, `passage_id`, `start`, `end` (offsets into
    the article text), `category`, `term` (as written, lower case) and `text`
    (as in the article), sorted by article and position.
    """
    patterns = _compile(LEXICON if lexicon is None else lexicon)
    rows = []
    for passage in in_roles(passages, roles).itertuples(index=False):
        for start, end, category, term in _matches(passage.text, patterns):
            rows.append((passage.article_id, passage.passage_id, passage.start + start, passage.start + end,
                         category, term, passage.text[start:end]))
    table = pd.DataFrame(rows, columns=MARKER_COLUMNS)
    return table.sort_values(["article_id", "start", "category"], ignore_index=True)


def cue_verb(cue_text: str) -> str:
    """The reporting verb of an attribution cue as a lemma ("has also said" -> "say").

    "according to", "citing", "quoting", ":" and dashes are returned as they are.
    """
    words = cue_text.lower().replace("’", "'").split()
    if not words:
        return ""
    if " ".join(words[-2:]) == "according to":
        return "according to"
    for word in reversed(words):
        if word in VERB_FORMS:
            return VERB_FORMS[word]
    return words[-1]


def reporting_verbs(cues: pd.DataFrame, kinds: dict[str, list[str]] | None = None) -> pd.DataFrame:
    """The reporting verbs of attribution cues (`research.attributions`) sorted by kind.

    `kinds` maps a kind to verb lemmas (default `research.lexicons.REPORTING_VERB_KINDS`:
    neutral, factive, loaded); verbs in none of them are "other". Returns
    `MARKER_COLUMNS` with `category` "reporting: <kind>", `term` the lemma,
    `passage_id` empty, `start`/`end`/`text` the cue, so the table can be
    concatenated with `find_markers` before `marker_rates`.
    """
    kind_of = {verb: kind for kind, verbs in (REPORTING_VERB_KINDS if kinds is None else kinds).items()
               for verb in verbs}
    verbs = cues["cue_text"].map(cue_verb)
    table = pd.DataFrame({"article_id": cues["article_id"], "passage_id": "", "start": cues["cue_start"],
                          "end": cues["cue_end"], "category": "reporting: " + verbs.map(kind_of).fillna("other"),
                          "term": verbs, "text": cues["cue_text"]})
    return table.sort_values(["article_id", "start"], ignore_index=True)[MARKER_COLUMNS]


def body_words(passages: pd.DataFrame, by: str = "outlet", articles: pd.DataFrame | None = None,
               roles=BODY) -> pd.Series:
    """Number of words (`word_spans`) in the passages of `roles`, per group (index `group`)."""
    body = in_roles(passages, roles)
    words = body["text"].map(lambda text: len(WORD.findall(text)))
    return words.groupby(group_labels(body, by, articles).rename("group")).sum().astype("int64")


def marker_rates(markers: pd.DataFrame, passages: pd.DataFrame, by: str = "outlet",
                 articles: pd.DataFrame | None = None, categories=None, roles=BODY) -> pd.DataFrame:
    """Markers per 1,000 body words, per group and category.

    `markers` needs `article_id` and `category` (from `find_markers`,
    `reporting_verbs` or both concatenated); `passages` give the words counted
    (passages of `roles`, default body). `by` and `articles` as in
    `distinctive_terms`. Every group gets a row for every category (of
    `categories`, default those in `markers`), zero counts included. Returns
    `RATE_COLUMNS`: `group`, `category`, `count`, `body_words`, `per_1000`,
    sorted by group and category.
    """
    body = in_roles(passages, roles)
    words = body_words(body, by, articles, roles=None)
    group_of = pd.Series(group_labels(body, by, articles).to_numpy(), index=body["article_id"].to_numpy())
    group_of = group_of[~group_of.index.duplicated()]
    categories = sorted(markers["category"].unique()) if categories is None else list(categories)
    counts = markers.assign(group=markers["article_id"].map(group_of)).groupby(["group", "category"]).size()
    grid = pd.MultiIndex.from_product([words.index, categories], names=["group", "category"])
    table = counts.reindex(grid, fill_value=0).rename("count").reset_index()
    table["count"] = table["count"].astype("int64")
    table["body_words"] = table["group"].map(words).astype("int64")
    table["per_1000"] = 1000 * table["count"] / table["body_words"].where(table["body_words"] > 0)
    return table[RATE_COLUMNS]


# ---------------------------------------------------------------------------
# Headlines: main actor, verb and certainty.
# ---------------------------------------------------------------------------

# A trailing site or section label: "Headline – Quick Look", "Headline | Site Name".
SITE_LABEL = re.compile(r"\s+[|–—-]\s+((?:[A-Z0-9][\w.&’']*\s*){1,4})$")
AUXILIARY = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|could|can|may|might|should|must)"
                       r"(?:\s+(?:not|been|be|yet|already|now))*(?:\s+\w+)?", re.IGNORECASE)
HEADLINE_PASSIVE = re.compile(r"(?<=ed)\s+(?:by|for|over|as|in|at)\b", re.IGNORECASE)
HEADLINE_CLAUSE = re.compile(r"\s+[|–—-]\s+|:\s+")
HEADLINE_STOP = re.compile(r"\s+(?:in|on|at|to|for|from|with|after|over|as|amid|of)\b|[,:;–—]", re.IGNORECASE)


def _without_site_label(headline: str) -> str:
    """The headline, whitespace collapsed, without a trailing label of up to four capitalised
    words after a dash or bar; a label with a verb ("- US Officials Say") is part of the headline."""
    headline = " ".join(headline.split())
    label = SITE_LABEL.search(headline)
    if label and not any(word.lower() in VERB_FORMS for word in label.group(1).split()):
        return headline[:label.start()]
    return headline


def _sentence_case_cues(headline: str) -> str:
    """Reporting verbs capitalised by title case in lower case ("Says" -> "says"); same length.

    Verbs that are as often nouns ("Comments", "Report": `research.attribution.WEAK_VERBS`)
    and headline passives ("Criticized for", "Confirmed by") keep their capital, so they are
    not read as cues.
    """
    def lower(match: re.Match) -> str:
        word = match.group()
        verb = VERB_FORMS.get(word.lower())
        if match.start() == 0 or verb is None or verb in WEAK_VERBS or HEADLINE_PASSIVE.match(headline, match.end()):
            return word
        return word.lower()
    return re.sub(r"\b[A-Z][a-z]+\b", lower, headline)


def _certainty(hedges: int, boosters: int, verb_kind: str) -> str:
    boosted = boosters > 0 or verb_kind == "factive"
    if hedges and boosted:
        return "mixed"
    if hedges:
        return "hedged"
    if boosted:
        return "boosted"
    return "attributed" if verb_kind else "asserted"


def headline_framing(articles: pd.DataFrame, lexicon: dict[str, list[str]] | None = None,
                     kinds: dict[str, list[str]] | None = None) -> pd.DataFrame:
    """Each article's headline with its main actor, verb and certainty.

    The headline is read without a trailing site or section label ("... –
    Quick Look", "... | Site"). With a reporting cue (`research.attributions`
    on the headline; title-case verbs such as "Says" are read as "says") the
    actor is the cue's source and the verb the cue; otherwise the actor is the
    opening noun phrase (up to the first verb, preposition or punctuation) and
    the verb the first auxiliary or modal with the word after it ("have been
    sent"), empty in a verbless headline. `actor_group` comes from
    `research.group_actors` with the article's text for context. Certainty, in
    order: "no headline"; "hedged" (a hedge and no booster), "mixed" (both),
    "boosted" (a booster or a factive reporting verb such as "confirms"),
    "attributed" (a reporting verb, neither hedge nor booster), "asserted" (the
    outlet states it in its own voice). `hedges`, `boosters` and `evaluative`
    count the headline's terms of those categories of `lexicon` (default
    `research.lexicons.LEXICON`); verb kinds come from `kinds` as in
    `reporting_verbs`. Returns `HEADLINE_COLUMNS`, one row per article, sorted
    by outlet and article.
    """
    lexicon = LEXICON if lexicon is None else lexicon
    kind_of = {verb: kind for kind, verbs in (REPORTING_VERB_KINDS if kinds is None else kinds).items()
               for verb in verbs}
    rows = []
    for article in articles.sort_values(["outlet", "article_id"]).itertuples(index=False):
        headline = _without_site_label(str(article.headline or ""))
        if not headline:
            rows.append((article.article_id, article.outlet, "", "", "", "", "", 0, 0, 0, "no headline"))
            continue
        text = _sentence_case_cues(headline)
        one = pd.DataFrame({"article_id": [article.article_id], "text": [text]})
        block = one.assign(block_id=0, start=0, end=len(text), role="body", reason="headline")
        cues = attributions(one, block)
        cues = cues[cues["source_text"] != ""]
        if len(cues):
            cue = cues.iloc[0]
            actor, verb = HEADLINE_CLAUSE.split(cue["source_text"])[-1], cue["cue_text"]
            verb_kind = kind_of.get(cue_verb(verb), "other")
        else:
            verb_match = AUXILIARY.search(text)
            stop = HEADLINE_STOP.search(text)
            end = min(m.start() for m in (verb_match, stop) if m) if (verb_match or stop) else len(text)
            actor, verb, verb_kind = text[:end].strip(), verb_match.group() if verb_match else "", ""
        context = pd.DataFrame({"article_id": [article.article_id],
                                "text": [f"{article.text}\n\n{text}"]})
        grouped = group_actors(pd.DataFrame({"article_id": [article.article_id], "source_text": [actor],
                                             "source_start": [len(article.text) + 2]}), context)
        found = [category for _, _, category, _ in markers_in(headline, lexicon)]
        counts = [found.count(c) for c in ("hedge", "booster", "evaluative")]
        rows.append((article.article_id, article.outlet, headline, actor, grouped["actor_group"].iloc[0], verb,
                     verb_kind, *counts, _certainty(counts[0], counts[1], verb_kind)))
    return pd.DataFrame(rows, columns=HEADLINE_COLUMNS)


def plot_distinctive_terms(top: pd.DataFrame, axes) -> None:
    """One panel per group of `top` (rows of `distinctive_terms`, e.g. each group's first
    terms): bars of z, highest on top, with "count in group / in the rest" at each bar
    and a dashed line at z = 1.96. Axes beyond the number of groups are hidden."""
    axes = list(np.ravel(axes))
    groups = sorted(top["group"].unique())
    for ax, group in zip(axes, groups):
        rows = top[top["group"] == group].sort_values(["z", "term"], ascending=[True, False])
        positions = np.arange(len(rows))
        ax.barh(positions, rows["z"], color="C0")
        ax.set_yticks(positions, rows["term"])
        for y, (z, mine, rest) in enumerate(zip(rows["z"], rows["count_group"], rows["count_rest"])):
            ax.text(z, y, f" {mine}/{rest}", va="center", fontsize=8)
        ax.axvline(1.96, color="0.5", linestyle="--", linewidth=0.8)
        ax.set_title(group, fontsize=10)
        ax.set_xlabel("z")
        ax.set_xlim(min(0.0, float(top["z"].min())), max(float(top["z"].max()) * 1.3, 2.5))
    for ax in axes[len(groups):]:
        ax.set_visible(False)
