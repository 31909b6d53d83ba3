"""Alignment: the spans of text two articles share, with offsets into both raw texts.

The method follows the text-reuse tools passim (Smith et al. 2014) and TextPAIR:

1. Word tokens of the body passages keep their character offsets
   (`word_table`; case, curly or straight quotes, dashes and thousands
   separators do not matter for matching, offsets are those of the raw text).
2. Seeds: sequences of `seed_words` tokens found in both articles, skipping
   seeds made only of stop words ("of the", "said on the").
3. Runs: seeds on the same diagonal (same offset between the two articles)
   that follow each other join into a run of identical tokens, which then
   grows token by token while the neighbouring tokens still match.
4. Chaining: runs within one paragraph of each article are chained when the
   next run starts at most `max_gap` words after the previous one on both sides
   (a changed word, "Wednesday" / "on Wednesday", a name added in apposition).
   A chain of one run is `verbatim`; of several, `near-verbatim`. Chains are
   found per pair of paragraphs, so reordered, inserted or deleted paragraphs
   do not matter; a span never crosses a paragraph boundary on either side.
5. Spans with fewer than `min_words` matching words are dropped: a few shared
   words ("North Korean troops to Russia") are the story's subject, not reuse.
6. Paraphrase: sentence pairs whose paraphrase probability reaches
   `paraphrase_threshold` (`research.reuse.paraphrase.paraphrase_pairs`) and
   that the text spans leave mostly uncovered; each sentence is paired with
   its best partner.

Words inside quotation marks are flagged (`quoted`): two outlets quoting the
same statement share its words without one copying the other.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from sklearn.base import clone
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from research.corpus.passages import body_passages, word_table
from research.errors import AnalysisError
from research.reuse.paraphrase import PARAPHRASE_THRESHOLD, paraphrase_pairs
from research.reuse.similarity import TextVectorizer

ALIGN_COLUMNS = [
    "article_id_a",
    "start_a",
    "end_a",
    "article_id_b",
    "start_b",
    "end_b",
    "n_words",
    "similarity",
    "kind",
    "quoted",
    "text_a",
    "text_b",
]
KINDS = ("verbatim", "near-verbatim", "paraphrase")

SEED_WORDS = 3
MAX_GAP = 5
MIN_WORDS = 8
# A sentence this much covered by verbatim or near-verbatim spans is not also a paraphrase.
MAX_COVERED_FOR_PARAPHRASE = 0.5


@dataclass
class _Tokens:
    """The word tokens of one article as arrays, for the matching loops."""

    starts: np.ndarray
    ends: np.ndarray
    words: list[str]
    blocks: np.ndarray  # paragraph number of each token
    passages: np.ndarray  # row of the token's passage in the article's passages
    quoted: np.ndarray

    @classmethod
    def of(cls, words: pd.DataFrame, passages: pd.DataFrame) -> _Tokens:
        rows = {pid: i for i, pid in enumerate(passages["passage_id"])}
        return cls(
            words["start"].to_numpy(),
            words["end"].to_numpy(),
            words["word"].tolist(),
            pd.factorize(words["block_id"])[0],
            words["passage_id"].map(rows).to_numpy(),
            words["quoted"].to_numpy(dtype=bool),
        )


@dataclass
class _Chain:
    a0: int
    a1: int
    b0: int
    b1: int
    matched: int
    runs: int


def _seeds(tokens: _Tokens, n: int) -> dict[tuple[str, ...], list[int]]:
    """Positions of every `n`-token sequence inside one paragraph that is not only stop words."""
    seeds: dict[tuple[str, ...], list[int]] = {}
    for i in range(len(tokens.words) - n + 1):
        if tokens.blocks[i] != tokens.blocks[i + n - 1]:
            continue
        gram = tuple(tokens.words[i : i + n])
        if all(word in ENGLISH_STOP_WORDS for word in gram):
            continue
        seeds.setdefault(gram, []).append(i)
    return seeds


def _same(a: _Tokens, b: _Tokens, i: int, j: int, i_in: int, j_in: int) -> bool:
    """Token i of a equals token j of b, each in the paragraph of the run's token (i_in, j_in)."""
    return (
        a.words[i] == b.words[j] and a.blocks[i] == a.blocks[i_in] and b.blocks[j] == b.blocks[j_in]
    )


def _runs(
    a: _Tokens, b: _Tokens, seeds_a: dict, seeds_b: dict, n: int
) -> list[tuple[int, int, int, int]]:
    """Maximal runs of identical tokens (a0, a1, b0, b1), grown from the shared seeds."""
    diagonals = sorted(
        (j - i, i)
        for gram, positions in seeds_a.items()
        if gram in seeds_b
        for i in positions
        for j in seeds_b[gram]
    )
    runs, reach = set(), {}
    for diagonal, i in diagonals:
        if reach.get(diagonal, -1) > i:  # inside a run already grown on this diagonal
            continue
        a0, a1 = i, i + n
        while (
            a0 > 0
            and a0 + diagonal > 0
            and _same(a, b, a0 - 1, a0 - 1 + diagonal, a0, a0 + diagonal)
        ):
            a0 -= 1
        while (
            a1 < len(a.words)
            and a1 + diagonal < len(b.words)
            and _same(a, b, a1, a1 + diagonal, a1 - 1, a1 - 1 + diagonal)
        ):
            a1 += 1
        reach[diagonal] = a1
        runs.add((a0, a1, a0 + diagonal, a1 + diagonal))
    return sorted(runs)


def _chains(
    runs: list[tuple[int, int, int, int]], a: _Tokens, b: _Tokens, max_gap: int
) -> list[_Chain]:
    """Chain runs following each other within `max_gap` words on both sides, per paragraph pair.

    Runs are taken in order of their start in A; each joins the chain it
    follows with the smallest gap (a run overlapping the chain's end is first
    trimmed by the overlap). Chains inside a longer chain on both sides are
    dropped.
    """
    chains: list[_Chain] = []
    for a0, a1, b0, b1 in runs:
        best, best_gap, best_trim = None, None, 0
        for chain in chains:
            if (
                a.blocks[chain.a0] != a.blocks[a0]
                or b.blocks[chain.b0] != b.blocks[b0]
                or a0 < chain.a0
                or b0 < chain.b0
            ):
                continue
            trim = max(0, chain.a1 - a0, chain.b1 - b0)
            if trim >= a1 - a0:
                continue
            gap_a, gap_b = a0 + trim - chain.a1, b0 + trim - chain.b1
            if (
                gap_a <= max_gap
                and gap_b <= max_gap
                and (best_gap is None or gap_a + gap_b < best_gap)
            ):
                best, best_gap, best_trim = chain, gap_a + gap_b, trim
        if best is None:
            chains.append(_Chain(a0, a1, b0, b1, a1 - a0, 1))
        else:
            best.a1, best.b1 = a1, b1
            best.matched += a1 - a0 - best_trim
            best.runs += 1
    return [
        c
        for k, c in enumerate(chains)
        if not any(
            m != k and _inside(c, o) and (_size(o) > _size(c) or m < k)
            for m, o in enumerate(chains)
        )
    ]


def _inside(inner: _Chain, outer: _Chain) -> bool:
    return (
        outer.a0 <= inner.a0
        and inner.a1 <= outer.a1
        and outer.b0 <= inner.b0
        and inner.b1 <= outer.b1
    )


def _size(chain: _Chain) -> int:
    return chain.a1 - chain.a0 + chain.b1 - chain.b0


def _span_rows(id_a: str, id_b: str, a: _Tokens, b: _Tokens, chains: list[_Chain]) -> list[dict]:
    return [
        {
            "article_id_a": id_a,
            "start_a": int(a.starts[c.a0]),
            "end_a": int(a.ends[c.a1 - 1]),
            "article_id_b": id_b,
            "start_b": int(b.starts[c.b0]),
            "end_b": int(b.ends[c.b1 - 1]),
            "n_words": c.a1 - c.a0,
            "similarity": 2 * c.matched / _size(c),
            "kind": "verbatim" if c.runs == 1 else "near-verbatim",
            "quoted": float(max(a.quoted[c.a0 : c.a1].mean(), b.quoted[c.b0 : c.b1].mean())),
        }
        for c in chains
    ]


def _passage_shares(tokens: _Tokens, mask: np.ndarray, n_passages: int) -> np.ndarray:
    """Share of each passage's tokens where `mask` is true (indexed by passage row)."""
    count = np.bincount(tokens.passages, minlength=n_passages)
    hits = np.bincount(tokens.passages, weights=mask, minlength=n_passages)
    return np.divide(hits, count, out=np.zeros(n_passages), where=count > 0)


def _paraphrase_rows(
    id_a: str,
    id_b: str,
    pa: pd.DataFrame,
    pb: pd.DataFrame,
    a: _Tokens,
    b: _Tokens,
    chains: list[_Chain],
    scores: pd.DataFrame,
    min_words: int,
) -> list[dict]:
    """Best-partner sentence pairs at the paraphrase threshold or above, mostly outside text spans.

    Both sentences need `min_words` words: a short quote ("Left to be seen.")
    is shared by every outlet that quotes it.
    """
    inside_a, inside_b = np.zeros(len(a.words), dtype=bool), np.zeros(len(b.words), dtype=bool)
    for c in chains:
        inside_a[c.a0 : c.a1] = True
        inside_b[c.b0 : c.b1] = True
    covered_a, covered_b = (
        _passage_shares(a, inside_a, len(pa)),
        _passage_shares(b, inside_b, len(pb)),
    )
    quoted_a, quoted_b = (
        _passage_shares(a, a.quoted, len(pa)),
        _passage_shares(b, b.quoted, len(pb)),
    )
    words_a, words_b = (
        np.bincount(a.passages, minlength=len(pa)),
        np.bincount(b.passages, minlength=len(pb)),
    )
    row_a = {pid: i for i, pid in enumerate(pa["passage_id"])}
    row_b = {pid: i for i, pid in enumerate(pb["passage_id"])}
    forward = scores[scores["passage_id_a"].isin(row_a) & scores["passage_id_b"].isin(row_b)]
    backward = scores[scores["passage_id_b"].isin(row_a) & scores["passage_id_a"].isin(row_b)]
    pairs = pd.concat(
        [
            forward,
            backward.rename(
                columns={"passage_id_a": "passage_id_b", "passage_id_b": "passage_id_a"}
            ),
        ]
    )
    if pairs.empty:
        return []
    pairs = pairs.assign(i=pairs["passage_id_a"].map(row_a), j=pairs["passage_id_b"].map(row_b))
    pairs = pairs.sort_values(
        ["similarity", "i", "j"], ascending=[False, True, True], kind="stable", ignore_index=True
    )
    best = pairs.drop_duplicates("i").index.union(pairs.drop_duplicates("j").index)
    rows = []
    for pair in pairs.loc[best].itertuples():
        if (
            covered_a[pair.i] >= MAX_COVERED_FOR_PARAPHRASE
            or covered_b[pair.j] >= MAX_COVERED_FOR_PARAPHRASE
            or words_a[pair.i] < min_words
            or words_b[pair.j] < min_words
        ):
            continue
        rows.append(
            {
                "article_id_a": id_a,
                "start_a": int(pa["start"].iat[pair.i]),
                "end_a": int(pa["end"].iat[pair.i]),
                "article_id_b": id_b,
                "start_b": int(pb["start"].iat[pair.j]),
                "end_b": int(pb["end"].iat[pair.j]),
                "n_words": int(words_a[pair.i]),
                "similarity": float(pair.similarity),
                "kind": "paraphrase",
                "quoted": float(max(quoted_a[pair.i], quoted_b[pair.j])),
            }
        )
    return rows


def _pairs(
    ids: list[str], article_id_a: str | None, article_id_b: str | None, roles
) -> list[tuple[str, str]]:
    if (article_id_a is None) != (article_id_b is None):
        raise AnalysisError(
            "align needs both article_id_a and article_id_b, or neither (every pair)"
        )
    if article_id_a is not None:
        missing = [i for i in (article_id_a, article_id_b) if i not in ids]
        if missing:
            raise AnalysisError(
                f"align: article {', '.join(map(str, missing))} has no passages of role "
                f"{', '.join(roles or ['any'])}"
            )
        return [(article_id_a, article_id_b)]
    return [(a, b) for k, a in enumerate(ids) for b in ids[k + 1 :]]  # none for one article


def align(
    passages: pd.DataFrame,
    articles: pd.DataFrame,
    article_id_a: str | None = None,
    article_id_b: str | None = None,
    *,
    roles=("body",),
    seed_words: int = SEED_WORDS,
    max_gap: int = MAX_GAP,
    min_words: int = MIN_WORDS,
    paraphrase_threshold: float | None = PARAPHRASE_THRESHOLD,
    vectorizer: TextVectorizer | None = None,
) -> pd.DataFrame:
    """Shared spans between two articles (or between every pair of articles of the table).

    `passages`: sentence passages (`split_passages`) of the articles to
    align; only passages of `roles` are used (default: body). `articles`: the
    articles table, for the raw texts (`article_id`, `text`). With
    `article_id_a` and `article_id_b`, that pair; with neither, every pair
    (a < b by article_id). `paraphrase_threshold`: the paraphrase probability
    a sentence pair needs (None: verbatim and near-verbatim spans only);
    `vectorizer`: the scorer that picks the candidate pairs and gives the
    probability its score and IDF features (default: a `TextVectorizer`
    fitted on all the passages; the model was fitted with the default
    parameters).
    See the module docstring for `seed_words`, `max_gap`, `min_words`.

    Returns one row per span: `article_id_a`, `start_a`, `end_a` (offsets into
    article A's raw text, from the first to the last shared word; for a
    paraphrase, the sentence), the same for B, `n_words` (words of A in the
    span), `similarity` (text spans: the share of matching words,
    2 * matched / (words in A + words in B), 1 for verbatim; paraphrases: the
    paraphrase probability), `kind` (verbatim, near-verbatim, paraphrase), `quoted`
    (share of the span's words inside quotation marks, on the side where it is
    larger: an outlet may print as a block what another puts in quotes), `text_a`,
    `text_b` (the raw text at those offsets). Sorted by the article pair, then
    `start_a`, `start_b`. Fewer than two articles with passages give no spans.
    """
    passages = body_passages(passages, roles)
    pairs = _pairs(sorted(passages["article_id"].unique()), article_id_a, article_id_b, roles)
    involved = passages[passages["article_id"].isin({i for pair in pairs for i in pair})]
    by_article = {
        key: group.reset_index(drop=True) for key, group in involved.groupby("article_id")
    }
    tokens = {
        key: _Tokens.of(group, by_article[key])
        for key, group in word_table(involved, articles).groupby("article_id")
    }
    seeds = {key: _seeds(value, seed_words) for key, value in tokens.items()}
    scores = None
    if paraphrase_threshold is not None and pairs:
        if vectorizer is None or not hasattr(vectorizer, "blocks_"):
            vectorizer = clone(vectorizer or TextVectorizer()).fit(passages["text"])
        scores = paraphrase_pairs(involved, paraphrase_threshold, roles=None, vectorizer=vectorizer)
        scores = scores.drop(columns="similarity").rename(columns={"probability": "similarity"})
    rows = []
    for id_a, id_b in pairs:
        if id_a not in tokens or id_b not in tokens:
            continue
        a, b = tokens[id_a], tokens[id_b]
        chains = [
            c
            for c in _chains(_runs(a, b, seeds[id_a], seeds[id_b], seed_words), a, b, max_gap)
            if c.matched >= min_words
        ]
        rows += _span_rows(id_a, id_b, a, b, chains)
        if scores is not None:
            rows += _paraphrase_rows(
                id_a, id_b, by_article[id_a], by_article[id_b], a, b, chains, scores, min_words
            )
    spans = pd.DataFrame(rows, columns=ALIGN_COLUMNS[:-2]).astype(
        {
            "start_a": "int64",
            "end_a": "int64",
            "start_b": "int64",
            "end_b": "int64",
            "n_words": "int64",
            "similarity": "float64",
            "quoted": "float64",
        }
    )
    texts = dict(zip(articles["article_id"], articles["text"]))
    spans["text_a"] = [
        texts[i][s:e] for i, s, e in zip(spans["article_id_a"], spans["start_a"], spans["end_a"])
    ]
    spans["text_b"] = [
        texts[i][s:e] for i, s, e in zip(spans["article_id_b"], spans["start_b"], spans["end_b"])
    ]
    return spans.sort_values(
        ["article_id_a", "article_id_b", "start_a", "start_b", "kind"],
        kind="stable",
        ignore_index=True,
    )
