"""Signals beyond the text score for telling one story from two (issue 17; docs/evaluation.md, "A judged gold of
stories on PolNeAR train", "Signals tried after the window").

benchmarks/evaluate_story_gold.py reads this module for its section 4 and for three families of section 3. Each
signal is a pair representation of an `event_halves.Composition`: the pairs of the package text (headline x2 +
body) with the scores of the pairs that fail the signal set to 0 (a pair below the floor is not linked), so the
harness clusters them under the package window, threshold and near-time weight like any other representation:

- shared specifics (`specific_items`): a pair links only when the two articles share at least `k` items that at most
  `df` articles of the corpus carry: multi-word capitalised names ("Democrats Abroad", "Puerto Rico"), figures
  other than years, and four-word runs inside quotation marks;
- the lead covered both ways (`lead_cover`): the share of the IDF weight of an article's headline and first
  `paragraphs` body paragraphs whose words the other article uses anywhere; a pair links only when both
  directions reach `share` (the lead says what the news is; an article of the same story mentions it);
- opinion pieces alone (`first_person`): an article whose prose outside quotation marks has at least `rate` first-
  or second-person words per 1,000 words (I, my, we, our, you) is a column or an analysis and links with nothing.

Section 4 also measures complete linkage (merge only while every cross pair scores at least the threshold: an
event cannot chain) and average linkage whose events are then split by complete linkage at `least`.
"""

from __future__ import annotations

import re
import warnings

import numpy as np
import pandas as pd
import scipy.sparse as sp
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS
from sklearn.metrics import roc_auc_score

import research
from research.errors import CorpusWarning
from research.reuse.linkage import average_link
from research.reuse.similarity import TextVectorizer, interval_gaps
from research.story.events import (
    EVENT_SCORER,
    EVENT_THRESHOLD,
    FLOOR_SHARE,
    HEADLINE_COPIES,
    NEAR_BOOST,
    NEAR_HOURS,
    body_texts,
    event_texts,
    near_weighted,
    publication_intervals,
)
from research.text.quotes import quoted_ranges
from research.text.tokens import TOKEN, WORD, normalise_token

# A run of two or more capitalised words, "of"/"the"/"for"/"and" allowed inside ("Department of Justice").
PHRASE = re.compile(r"[A-Z][\w’'.\-]*(?:\s+(?:(?:of|the|for|and|de)\s+)?[A-Z][\w’'.\-]*)+")
FIGURE = re.compile(r"\d+(?:[.,]\d+)*")
YEAR = re.compile(r"(?:19|20)\d\d")
CALENDAR = frozenset("january february march april may june july august september october november december "
                     "monday tuesday wednesday thursday friday saturday sunday".split())
PERSON = re.compile(r"\b(?:I|I'm|I’m|I've|I’ve|I'd|I’d|me|my|we|We|our|Our|us|you|You|your|Your)\b")
QUOTED_RUN = 4

# The grids (section 3: each half chooses by best ARI at the package threshold, as the other families).
SPECIFIC = [(df, k) for df in (3, 5, 10, 20) for k in (1, 2, 3)]
LEAD = [(p, share) for p in (1, 2, 3) for share in (0.10, 0.15, 0.20, 0.22, 0.25, 0.28, 0.30)]
OPINION = (5.0, 10.0, 20.0)
LEAST = (0.10, 0.15, 0.18, 0.205)


def specific_items(text: str) -> set[str]:
    """The specifics of `text`: multi-word capitalised names (case-folded, a leading stop word dropped; not runs of
    stop words and calendar words alone), figures other than years, four-word runs inside quotation marks."""
    items = set()
    for match in PHRASE.finditer(text):
        words = [normalise_token(w).strip(".’'") for w in match.group().split()]
        while words and words[0] in ENGLISH_STOP_WORDS:
            words = words[1:]
        if len(words) >= 2 and not all(w in ENGLISH_STOP_WORDS or w in CALENDAR for w in words):
            items.add("name:" + " ".join(words))
    items |= {"figure:" + normalise_token(f) for f in FIGURE.findall(text) if not YEAR.fullmatch(f)}
    for paragraph in text.split("\n\n"):
        for start, end in quoted_ranges(paragraph):
            words = [normalise_token(w) for w in TOKEN.findall(paragraph[start:end])]
            items |= {"quote:" + " ".join(words[k : k + QUOTED_RUN]) for k in range(len(words) - QUOTED_RUN + 1)}
    return items


def _pairwise(left: sp.csr_matrix, right: sp.csr_matrix, i: np.ndarray, j: np.ndarray, chunk: int = 50_000):
    """Row-wise dot products of `left[i]` and `right[j]`."""
    out = np.zeros(len(i))
    for k in range(0, len(i), chunk):
        out[k : k + chunk] = np.asarray(left[i[k : k + chunk]].multiply(right[j[k : k + chunk]]).sum(1)).ravel()
    return out


def shared_specifics(texts: list[str], i: np.ndarray, j: np.ndarray, max_df: int) -> np.ndarray:
    """Per pair (i, j), the specifics (`specific_items`) both texts carry that at most `max_df` texts carry."""
    found = [specific_items(t) for t in texts]
    number: dict[str, int] = {}
    rows = [[number.setdefault(x, len(number)) for x in sorted(items)] for items in found]
    matrix = sp.csr_matrix((np.ones(sum(map(len, rows))), np.concatenate([r for r in rows if r] or [[]]).astype(int),
                            np.concatenate([[0], np.cumsum([len(r) for r in rows])])), shape=(len(texts), len(number)))
    rare = np.asarray(matrix.sum(0)).ravel() <= max_df
    matrix = sp.csr_matrix(matrix.multiply(rare[None, :]))
    return _pairwise(matrix, matrix, i, j)


def _cut(text: str, paragraphs: int) -> str:
    return "\n\n".join(text.split("\n\n")[:paragraphs])


def lead_cover(blocks: pd.DataFrame, articles: pd.DataFrame, i: np.ndarray, j: np.ndarray,
               paragraphs: int) -> np.ndarray:
    """Per pair (i, j) of `articles` rows, the smaller of the two shares: the IDF weight of one article's headline
    and first `paragraphs` body paragraphs whose words (the events' scorer's words) the other uses anywhere."""
    ids = articles["article_id"].astype(str).to_numpy()
    body = body_texts(blocks, articles).reindex(ids).fillna("")
    whole = event_texts(blocks, articles, 1).reindex(ids).fillna("")
    head = pd.Series([t[: len(t) - len(b)] for t, b in zip(whole, body)], index=ids)
    lead = head + body.map(lambda t: _cut(t, paragraphs))
    scorer = TextVectorizer(**EVENT_SCORER).fit([t for t in whole if t.strip()])
    told, used, total = word_cover(scorer, lead.tolist(), whole.tolist())
    return np.minimum(_pairwise(told, used, i, j) / total[i], _pairwise(told, used, j, i) / total[j])


def word_cover(scorer: TextVectorizer, leads: list[str], texts: list[str]) -> tuple[sp.csr_matrix, sp.csr_matrix,
                                                                                    np.ndarray]:
    """The leads' words weighted by the scorer's IDF (`told`), the texts' words (`used`, 1 each) and each lead's
    total weight: `told @ used.T / total` is the share of a lead's weight whose words a text uses."""
    used = scorer.transform(texts)
    used.data[:] = 1.0
    told = scorer.transform(leads)
    told.data[:] = 1.0
    told = sp.csr_matrix(told.multiply(scorer.blocks_[0].idf_[None, :]))
    return told, used, np.maximum(np.asarray(told.sum(1)).ravel(), 1e-12)


def first_person(text: str) -> float:
    """First- and second-person words per 1,000 words of `text`, outside quotation marks."""
    kept = []
    for paragraph in text.split("\n\n"):
        last = 0
        for start, end in quoted_ranges(paragraph):
            kept.append(paragraph[last:start])
            last = end
        kept.append(paragraph[last:])
    return 1000.0 * len(PERSON.findall(" ".join(kept))) / max(len(WORD.findall(text)), 1)


def specific_key(max_df: int, least: int) -> str:
    return f"shared specifics: at least {least} of df <= {max_df}"


def lead_key(paragraphs: int, share: float) -> str:
    return f"lead ({paragraphs} paragraphs) covered both ways >= {share:g}"


def opinion_key(rate: float) -> str:
    return f"opinion alone: >= {rate:g} first/second-person words per 1,000"


def _blocks(comp) -> pd.DataFrame:
    """`split_blocks` of the composition's articles, whose warnings the Composition gave when it split them."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CorpusWarning)
        return research.split_blocks(comp.articles)


def add_pairs(comp, blocks: pd.DataFrame | None = None) -> None:
    """Add every signal's representation to `comp` (before its times are added): the package text's pairs
    (`HEADLINE_COPIES`), those failing the signal scored 0."""
    blocks = _blocks(comp) if blocks is None else blocks
    i, j, s = comp.pairs[HEADLINE_COPIES]
    ids = comp.articles["article_id"].astype(str).to_numpy()
    texts = event_texts(blocks, comp.articles, 1).reindex(ids).fillna("").tolist()
    for max_df in sorted({df for df, _ in SPECIFIC}):
        shared = shared_specifics(texts, i, j, max_df)
        for df, least in SPECIFIC:
            if df == max_df:
                comp.pairs[specific_key(df, least)] = (i, j, np.where(shared >= least, s, 0.0))
    for paragraphs in sorted({p for p, _ in LEAD}):
        cover = lead_cover(blocks, comp.articles, i, j, paragraphs)
        for p, share in LEAD:
            if p == paragraphs:
                comp.pairs[lead_key(p, share)] = (i, j, np.where(cover >= share - 1e-12, s, 0.0))
    rate = np.array([first_person(t) for t in body_texts(blocks, comp.articles).reindex(ids).fillna("")])
    for least in OPINION:
        alone = rate >= least
        comp.pairs[opinion_key(least)] = (i, j, np.where(alone[i] | alone[j], 0.0, s))


def families(package: dict) -> dict[str, list[dict]]:
    """Section 3's families of these signals, at the package's window, threshold and near-time weight."""
    return {"shared specifics (df, k)": [{**package, "copies": specific_key(*x)} for x in SPECIFIC],
            "lead covered both ways (paragraphs, share)": [{**package, "copies": lead_key(*x)} for x in LEAD],
            "opinion pieces alone (rate)": [{**package, "copies": opinion_key(x)} for x in OPINION]}


def _graph(comp, key, package: dict):
    """The package's graph on the pairs of representation `key` under the real dates: (i, j, weighted score)."""
    import event_halves as eh  # the benchmarks folder, on the path when evaluate_story_gold runs
    i, j, s = comp.pairs[key]
    threshold, dated = package["threshold"], package["dated"]
    gaps, longest = comp.gaps[key, "real"]
    keep = (s >= FLOOR_SHARE * threshold) & ~(gaps > package["window"])
    keep &= ~(eh.dated_pairs(gaps, longest, dated["scope"]) & (gaps > dated["window"]))
    return i[keep], j[keep], near_weighted(s[keep], longest[keep], NEAR_HOURS, NEAR_BOOST)


def complete_link(n: int, i: np.ndarray, j: np.ndarray, s: np.ndarray, threshold: float) -> np.ndarray:
    """Complete linkage on the pairs (unlisted pairs score 0): groups merge while every cross pair scores at least
    `threshold` (a dense n x n matrix: for evaluation corpora only)."""
    if n < 2:
        return np.zeros(n, np.int64)
    top = 1.0 + max(float(s.max()) if len(s) else 0.0, 1.0)
    distance = np.full((n, n), top)
    distance[i, j] = distance[j, i] = top - s
    np.fill_diagonal(distance, 0.0)
    return fcluster(linkage(squareform(distance, checks=False), "complete"), top - threshold, "distance") - 1


def split_complete(n: int, i: np.ndarray, j: np.ndarray, s: np.ndarray, threshold: float, least: float) -> np.ndarray:
    """Average linkage at `threshold`, then each event split by complete linkage at `least`."""
    labels = average_link(n, i, j, s, threshold).astype(np.int64)
    inside = labels[i] == labels[j]
    out = labels * n
    for event in np.unique(labels):
        members = np.flatnonzero(labels == event)
        if len(members) < 3:
            continue
        local = pd.Series(np.arange(len(members)), index=members)
        mine = inside & (labels[i] == event)
        out[members] += complete_link(len(members), local[i[mine]].to_numpy(), local[j[mine]].to_numpy(), s[mine],
                                      least)
    return out


def signals_section(comp, masks: dict, package: dict, measure) -> None:
    """Section 4: how far each signal tells one story from two over the judged pairs of two outlets at most two
    calendar days apart (AUC; and among the pairs the package text alone would link), and the linkage variants."""
    judged, n = comp.known, comp.n
    i, j, s = comp.pairs[HEADLINE_COPIES]
    outlet = comp.articles["outlet"].to_numpy()
    first, second = np.triu_indices(n, 1)
    pick = judged[first] & judged[second] & (outlet[first] != outlet[second])
    first, second = first[pick], second[pick]
    start, end = publication_intervals(comp.articles["published"].to_numpy())
    near = interval_gaps(start, end, first, second) <= 24.0
    first, second = first[near], second[near]
    same = comp.truth[first] == comp.truth[second]
    place = pd.Series(np.arange(len(i)), index=i.astype(np.int64) * n + j)
    at = place.reindex(first.astype(np.int64) * n + second).to_numpy()
    listed = ~np.isnan(at)
    at = at[listed].astype(np.int64)
    score = np.zeros(len(first))
    score[listed] = s[at]
    ids = comp.articles["article_id"].astype(str).to_numpy()
    blocks = _blocks(comp)
    texts = event_texts(blocks, comp.articles, 1).reindex(ids).fillna("").tolist()
    signals = {"text score (headline x2 + body)": score}
    for max_df in (5, 20):
        signals[f"shared specifics of df <= {max_df} (count)"] = shared_specifics(texts, first, second, max_df)
    for paragraphs in (1, 2, 3):
        signals[f"lead ({paragraphs} paragraphs) covered both ways (share)"] = lead_cover(
            blocks, comp.articles, first, second, paragraphs)
    rate = np.array([first_person(t) for t in body_texts(blocks, comp.articles).reindex(ids).fillna("")])
    signals["minus the higher first-person rate"] = -np.maximum(rate[first], rate[second])
    high = score >= EVENT_THRESHOLD
    rows = [{"signal": name, "AUC, all pairs": roc_auc_score(same, value),
             f"AUC, pairs scoring >= {EVENT_THRESHOLD:g} ({high.sum()}: {same[high].sum()} one story)":
             roc_auc_score(same[high], value[high])} for name, value in signals.items()]
    print(f"== 4. Signals for one story: judged pairs of two outlets at most two calendar days apart ({len(same)}: "
          f"{same.sum()} one story); AUC: the signal ranks one story above two")
    print(pd.DataFrame(rows).round(3).to_string(index=False))
    gi, gj, gs = _graph(comp, HEADLINE_COPIES, package)
    variants = {"package (average linkage)": average_link(n, gi, gj, gs, package["threshold"])}
    for threshold in (0.15, 0.17, 0.19, EVENT_THRESHOLD, 0.22):
        variants[f"complete linkage at {threshold:g}"] = complete_link(n, gi, gj, gs, threshold)
    for least in LEAST:
        variants[f"average linkage, events split by complete linkage at {least:g}"] = split_complete(
            n, gi, gj, gs, package["threshold"], least)
    rows = []
    for name, labels in variants.items():
        row = {"linkage": name}
        for half, mask in (*masks.items(), ("all", comp.known)):
            row |= {f"{key} {half}": value for key, value in measure(comp, labels, mask).items()}
        rows.append(row)
    print("\nLinkage that will not chain (the package graph; P, R, ARI on the judged articles):")
    print(pd.DataFrame(rows).round(3).to_string(index=False))
    print()
