"""Certainty and stance markers: hedges, boosters, evaluative words and reporting verbs by kind.

`find_markers` and `reporting_verbs` give every hedge, booster and evaluative
word (`research.framing.lexicons` or your own lexicon) and every reporting verb
by kind, with offsets into the article text; `marker_rates` counts them per
1,000 body words (`body_words`: the words of `research.text.tokens.WORD`).
"""

from __future__ import annotations

import re

import pandas as pd

from research.claims.cues import VERB_FORMS
from research.framing.lexicons import LEXICON, REPORTING_VERB_KINDS
from research.framing.terms import BODY, group_labels, in_roles
from research.text.tokens import WORD

MARKER_COLUMNS = ["article_id", "passage_id", "start", "end", "category", "term", "text"]
RATE_COLUMNS = ["group", "category", "count", "body_words", "per_1000"]

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
    table = pd.DataFrame(rows, columns=MARKER_COLUMNS).astype({"start": "int64", "end": "int64"})
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
