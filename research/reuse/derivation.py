"""Derivation: is article A derived from article B, on evidence that independent reporting does not give?

Independent reports of one event share names, titles, standard phrasing ("by
the Centers for Disease Control and Prevention") and often one paraphrased
sentence; on a 70-word feed excerpt one such phrase is a tenth of the text. So
A is derived from B only on evidence beyond what same-event pairs share by
chance, read on A's *narration*: its words outside quotation marks and outside
its sentences that cite B's outlet (attributed text is a source named, like a
quotation). The rule (`derivation`), in order:

1. Citation direction. If B cites A's outlet ("according to X", "X reported",
   "told X", "an X report": `citing_sentences`) and A does not cite B's, A is
   *non-derived*: citing X is not being X's source.
2. Long run. A is derived if its longest run of words shared verbatim with B
   (`longest_run`: consecutive identical tokens, unquoted in both, within one
   paragraph of each) or its most narration in one verbatim or near-verbatim
   span of `align` reaches a length that same-event pairs almost never reach:
   under a chance model fitted on same-event pairs, P(longest >= L) =
   1 - exp(-n_a n_b exp(a + b L)) with n_a, n_b the two texts' narration
   words (`RUN_TAIL`, `CHAIN_TAIL`), the shortest L with chance probability at
   most EPSILON (EPSILON_CITED when A cites B: A is known to use B's
   reporting), never below `MIN_RUN` (`chance_threshold`).
3. Retold in order. A is derived if at least RETOLD_SHARE of its narration
   lies in sentences copied or paraphrased from B that follow B's order
   (`ordered_share`: the heaviest order-preserving one-to-one matching of
   those sentence pairs; `article_overlap`'s `retold_share`), provided A has
   at least MIN_WORDS_RETOLD words; a shorter A with this evidence alone is
   *too short to tell*: one shared sentence is a large share of a feed
   excerpt, and independent reports often share one.
4. Wholly derived: derived, and at least WHOLLY_SHARE of A's words in spans
   shared with B, paraphrased sentences included (METER's wholly derived texts
   are rewritten as well as copied).

Otherwise *non-derived*. The values are chosen on one half of the AllSides and
BASIL development events and reported on the other
(`benchmarks/evaluate_derivation.py`; docs/evaluation.md, "Containment and derivation").
"""

from __future__ import annotations

import re
from typing import NamedTuple

import numpy as np
import pandas as pd

from research.reuse.alignment import MIN_WORDS

LABELS = ("wholly derived", "partially derived", "too short to tell", "non-derived")
DERIVED = ("wholly derived", "partially derived")

# Chance model of the longest shared unquoted run (RUN_TAIL) and of the most narration in one
# verbatim or near-verbatim span (CHAIN_TAIL): (a, b) of exp(a + b L) per pair of word positions.
RUN_TAIL = (-7.215, -0.765)
CHAIN_TAIL = (-10.881, -0.241)
EPSILON = 0.001
EPSILON_CITED = 0.05
# A few shared words are the story's subject: never less than alignment's shortest span.
MIN_RUN = MIN_WORDS
RETOLD_SHARE = 0.11
MIN_WORDS_RETOLD = 210
WHOLLY_SHARE = 0.8


class Evidence(NamedTuple):
    """What one ordered pair (A, B) shares, as the rule reads it."""

    words: int  # A's body words
    narration: int  # A's words outside quotations and outside sentences citing B
    narration_other: int  # the same for B (citing A)
    run: int  # longest_run
    chain: int  # most narration words of A in one verbatim or near-verbatim span shared with B
    retold: float  # share of A's narration retold from B in B's order (ordered_share)
    covered: float  # share of A's words in spans shared with B, paraphrases included
    cites: bool  # A cites B's outlet
    cited_by: bool  # B cites A's outlet


def chance_threshold(narration_a: int, narration_b: int, tail: tuple[float, float], epsilon: float) -> int:
    """The shortest length L with chance probability at most `epsilon` between texts of these narration
    lengths, under P(longest >= L) = 1 - exp(-n_a n_b exp(a + b L)); at least MIN_RUN."""
    a, b = tail
    rate = -np.log1p(-epsilon) / (max(narration_a, 1) * max(narration_b, 1))
    return max(MIN_RUN, int(np.ceil((np.log(rate) - a) / b)))


def derivation(evidence: Evidence, run_tail=RUN_TAIL, chain_tail=CHAIN_TAIL, epsilon=EPSILON,
               epsilon_cited=EPSILON_CITED, retold_share=RETOLD_SHARE,
               min_words_retold=MIN_WORDS_RETOLD, wholly_share=WHOLLY_SHARE) -> str:
    """The label of A relative to B (one of LABELS) by the rule of the module docstring."""
    e = evidence
    if e.cited_by and not e.cites:
        return "non-derived"
    bar = epsilon_cited if e.cites else epsilon
    long_run = (e.run >= chance_threshold(e.narration, e.narration_other, run_tail, bar)
                or e.chain >= chance_threshold(e.narration, e.narration_other, chain_tail, bar))
    retold = e.retold >= retold_share
    if long_run or (retold and e.words >= min_words_retold):
        return "wholly derived" if e.covered >= wholly_share else "partially derived"
    return "too short to tell" if retold else "non-derived"


def longest_run(words_a: pd.DataFrame, words_b: pd.DataFrame, narration_a: np.ndarray,
                narration_b: np.ndarray) -> int:
    """The longest run of consecutive tokens of A equal, token for token, to consecutive tokens of B,
    every token narration in both (`narration_a`, `narration_b`: one flag per row), within one paragraph
    of each. `words_a`, `words_b`: one article's rows of `word_table`, in text order."""
    a = pd.DataFrame({"word": words_a["word"].to_numpy()[narration_a], "i": np.flatnonzero(narration_a)})
    b = pd.DataFrame({"word": words_b["word"].to_numpy()[narration_b], "j": np.flatnonzero(narration_b)})
    pairs = a.merge(b, on="word")
    if pairs.empty:
        return 0
    i, j = pairs["i"].to_numpy(), pairs["j"].to_numpy()
    order = np.lexsort((i, j - i))
    i, j = i[order], j[order]
    block_a, block_b = words_a["block_id"].to_numpy(), words_b["block_id"].to_numpy()
    # A run goes on where the previous pair is one token back on both sides, in the same paragraphs.
    goes_on = ((i[1:] == i[:-1] + 1) & (j[1:] == j[:-1] + 1) & (block_a[i[1:]] == block_a[i[:-1]])
               & (block_b[j[1:]] == block_b[j[:-1]]))
    run = np.cumsum(np.r_[True, ~goes_on])
    return int(np.bincount(run).max())


def ordered_share(pairs: pd.DataFrame, weights: np.ndarray) -> float:
    """Share of A's weight in sentences matched, in order, to sentences of B: the heaviest matching of
    `pairs` (columns `i`, `j`: rows of A's and B's sentences in text order) in which each sentence
    appears once and the matched sentences follow the same order in both texts (a weighted longest
    common subsequence). `weights`: per sentence of A, what it counts (its narration words). A rewrite
    retells its source in the source's order; independent reports share some facts in any order."""
    total = weights.sum()
    if pairs.empty or total == 0:
        return 0.0
    m = int(pairs["j"].max()) + 1
    gain = np.zeros((len(weights), m))
    gain[pairs["i"].to_numpy(), pairs["j"].to_numpy()] = weights[pairs["i"].to_numpy()]
    best = np.zeros(m + 1)
    for row in gain:
        # best[j]: the heaviest matching of the sentences so far with B's first j sentences.
        best[1:] = np.maximum.accumulate(np.maximum(best[1:], best[:-1] + row))
    return float(best[-1] / total)


# How a text names the outlets of the development corpora and the seeds (outlet field, lower case,
# without a leading "the" and a trailing "(...)") -> the names; any other outlet is named as written.
ALIASES = {
    "ap": ("Associated Press", "AP"),
    "associated press": ("Associated Press", "AP"),
    "nyt": ("New York Times", "NYT"),
    "new york times": ("New York Times", "NYT"),
    "washington post": ("Washington Post", "WaPo"),
    "wall street journal": ("Wall Street Journal", "WSJ"),
    "fox": ("Fox News", "Fox"),
    "fox news": ("Fox News", "Fox"),
    "hpo": ("HuffPost", "Huffington Post"),
    "huffpost": ("HuffPost", "Huffington Post"),
    "cnbc/nbc": ("CNBC", "NBC News", "NBC"),
    "nbc news": ("NBC News", "NBC"),
    "cbs news": ("CBS News", "CBS"),
    "abc news": ("ABC News", "ABC"),
    "npr": ("NPR", "National Public Radio"),
    "usa today": ("USA Today", "USA TODAY"),
    "bbc news": ("BBC News", "BBC"),
    "new york post": ("New York Post", "NY Post"),
}
CITE_VERBS = (r"(?:first\s+|previously\s+|also\s+|earlier\s+)?(?:reported|reports|reporting|said|says|wrote|writes|"
              r"found|obtained|revealed|published|learned|confirmed|noted|cited|broke|disclosed|quoted)")
CITE_NOUNS = (r"(?:report|reporting|story|article|analysis|investigation|interview|poll|survey|exclusive|review|"
              r"tally|count)")
CITE_TO = (r"(?:told|telling|tells|said\s+to|speaking\s+to|spoke\s+to|interview\s+with|statement\s+to|"
           r"confirmed\s+to|reported\s+by|according\s+to|cited\s+by|quoted\s+by|obtained\s+by|seen\s+by|"
           r"reviewed\s+by|shared\s+with|provided\s+to)")


def outlet_names(outlet: str) -> list[str]:
    """How a text may name `outlet` (an outlet field: "Washington Post", "Fox News (Online News)", "AP"),
    longest first."""
    name = re.sub(r"\s*\(.*?\)\s*", " ", outlet or "").strip()
    key = name.lower()
    key = key if key == "the hill" else key.removeprefix("the ").strip()
    names = ALIASES.get(key, (name,) if name else ())
    return sorted(set(names), key=len, reverse=True)


def citation_pattern(outlet: str) -> re.Pattern | None:
    """A pattern for in-text attribution to `outlet`: "according to (a report by) X", "X (first)
    reported", "told X", "reported by X", "an X report", "X's reporting", "a report in X"; None when the
    outlet has no name. Names are matched as written (capitals): "AP" is not "ap"."""
    names = outlet_names(outlet)
    if not names:
        return None
    x = r"(?:[Tt]he\s+)?(?:" + "|".join(re.escape(name) for name in names) + r")\b"
    forms = [
        r"\b[Aa]ccording\s+to\s+(?:(?:an?|the)\s+(?:new\s+|recent\s+)?" + CITE_NOUNS + r"\s+(?:by|from|in)\s+)?" + x,
        x + r"(?:['’]s)?(?:,[^,]{0,60},)?\s+" + CITE_VERBS + r"\b",
        r"\b" + CITE_TO + r"\s+" + x,
        r"\b(?:[Aa]n?|[Tt]he)\s+" + x + r"\s+" + CITE_NOUNS + r"\b",
        x + r"['’]s\s+" + CITE_NOUNS + r"\b",
        r"\b" + CITE_NOUNS + r"s?\s+(?:by|from|in)\s+" + x,
    ]
    return re.compile("|".join(f"(?:{form})" for form in forms))


def citing_sentences(passages: pd.DataFrame, outlet: str) -> np.ndarray:
    """One flag per row of `passages` (sentences): the sentence attributes to `outlet`."""
    pattern = citation_pattern(outlet)
    if pattern is None:
        return np.zeros(len(passages), dtype=bool)
    return np.array([bool(pattern.search(text)) for text in passages["text"]], dtype=bool)
