"""Do the framing measures point at the words BASIL annotators marked as loaded?

    python benchmarks/evaluate_framing.py ../shared/data

BASIL dev (Fan et al. 2019): 30 events, each told by Fox News, the NYT and
HuffPost, with phrase-level annotations of lexical bias ("lex": loaded
wording) read by `research.corpus.datasets.read_basil_annotations`. The unit is the
word (`research.text.tokens.word_spans`) of body passages; a word is annotated
when it starts inside a lexical-bias span. A measure flags words:

- markers: the words of every `find_markers` match (our lexicon, per category
  and all together) and of every loaded reporting verb (`reporting_verbs`);
- for comparison, the same matching with reference lists of the data folder:
  the bias lexicon of Recasens et al. (2013) and Hyland's (2005) hedges;
- distinctive terms (z >= 1.96, default prior): within each event, each
  outlet's article against the other two (`distinctive_terms` on the event's
  passages, counting words), and over the whole corpus, each outlet against
  the others (counting articles); a term flags the words of its occurrences in
  that outlet's articles.

Chance: if flags fell on random words of the same articles, the share of
flagged words that are annotated would be the base rate (annotated words / all
words). `lift` = precision / base rate. The p-value is a permutation test
stratified by article: each article's flags are placed at random among its
words (the number of hits is then hypergeometric per article), 10,000 seeded
draws, p = (1 + draws >= observed) / 10,001.

A third table times `distinctive_terms` (counting articles) on the BASIL body
passages copied 1, 10 and 40 times under new article ids and outlet labels
cycling over seven outlets (up to 3,600 articles, 2 million words).

A second table checks `distinctive_terms` under the null: outlet labels are
shuffled among the three articles of each event (20 seeded shuffles) and the
terms reaching z >= 1.96 over the corpus are counted, against the count with
the real labels, for both counting units and three prior weights.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

import research
from research.corpus import datasets
from research.framing.markers import body_words, find_markers, reporting_verbs
from research.framing.terms import PRIOR_WEIGHT, distinctive_terms
from research.text.tokens import word_spans

DRAWS = 10_000
SHUFFLES = 20
THRESHOLD = 1.96


def read_list(path: Path) -> list[str]:
    """A reference word list: one term per line, `#` comment lines skipped."""
    return [line.strip() for line in path.read_text(encoding="utf-8", errors="replace").splitlines()
            if line.strip() and not line.startswith("#")]


def word_table(passages: pd.DataFrame, spans: pd.DataFrame) -> pd.DataFrame:
    """Body words: article_id, start, end, term, gap (whitespace only before the next word), annotated."""
    rows = []
    for passage in passages.itertuples(index=False):
        words = word_spans(passage.text)
        for i, (start, end, term) in enumerate(words):
            gap = i + 1 < len(words) and passage.text[end:words[i + 1][0]].isspace()
            rows.append((passage.article_id, passage.start + start, passage.start + end, term, gap))
    words = pd.DataFrame(rows, columns=["article_id", "start", "end", "term", "gap"])
    words["annotated"] = flags(words, spans)
    return words


def flags(words: pd.DataFrame, marks: pd.DataFrame) -> np.ndarray:
    """True for each word whose start lies inside one of `marks` (article_id, start, end)."""
    flagged = np.zeros(len(words), dtype=bool)
    positions = words.reset_index(drop=True).groupby("article_id").indices
    for article_id, group in marks.groupby("article_id"):
        index = positions.get(article_id)
        if index is None:
            continue
        starts = words["start"].to_numpy()[index]
        for start, end in zip(group["start"], group["end"]):
            flagged[index[(starts >= start) & (starts < end)]] = True
    return flagged


def occurrences(words: pd.DataFrame, terms: set[str]) -> np.ndarray:
    """True for each word that is (part of) an occurrence of one of `terms` (unigrams and bigrams)."""
    term = words["term"].to_numpy()
    unigram = np.isin(term, list(terms))
    following = np.append(term[1:], "")
    same_article = np.append(words["article_id"].to_numpy()[1:] == words["article_id"].to_numpy()[:-1], False)
    bigram = words["gap"].to_numpy() & same_article & np.isin(np.char.add(np.char.add(term.astype(str), " "),
                                                                          following.astype(str)), list(terms))
    return unigram | bigram | np.append(False, bigram[:-1])


def agreement(words: pd.DataFrame, flagged: np.ndarray, rng: np.random.Generator) -> dict:
    """Precision of the flags on annotated words against chance (see the module docstring)."""
    per_article = pd.DataFrame({"article_id": words["article_id"], "annotated": words["annotated"],
                                "flagged": flagged, "hit": flagged & words["annotated"].to_numpy()}
                               ).groupby("article_id").agg(n=("annotated", "size"), good=("annotated", "sum"),
                                                           flagged=("flagged", "sum"), hits=("hit", "sum"))
    total, good, n_flagged, hits = (int(per_article[c].sum()) for c in ("n", "good", "flagged", "hits"))
    draws = rng.hypergeometric(per_article["good"].to_numpy(), (per_article["n"] - per_article["good"]).to_numpy(),
                               per_article["flagged"].to_numpy(), size=(DRAWS, len(per_article))).sum(axis=1)
    base = good / total
    precision = hits / n_flagged if n_flagged else float("nan")
    return {"words": total, "lex_words": good, "base_rate": base, "flagged": n_flagged, "hits": hits,
            "expected_hits": float((per_article["flagged"] * per_article["good"] / per_article["n"]).sum()),
            "precision": precision, "lift": precision / base, "p": (1 + int((draws >= hits).sum())) / (DRAWS + 1)}


def significant_terms(passages: pd.DataFrame, articles: pd.DataFrame, by: str = "outlet",
                      prior_weight: float = PRIOR_WEIGHT, count: str = "words") -> pd.DataFrame:
    terms = distinctive_terms(passages, by=by, articles=articles, prior_weight=prior_weight, count=count)
    return terms[terms["z"] >= THRESHOLD]


def term_flags(words: pd.DataFrame, passages: pd.DataFrame, articles: pd.DataFrame, within_events: bool) -> np.ndarray:
    """Words that are occurrences of a distinctive term of their own outlet (per event or corpus-wide)."""
    outlet_of = articles.set_index("article_id")["outlet"]
    scopes = articles.groupby("event")["article_id"] if within_events else [("all", articles["article_id"])]
    flagged = np.zeros(len(words), dtype=bool)
    for _, article_ids in scopes:
        scope = passages[passages["article_id"].isin(set(article_ids))]
        significant = significant_terms(scope, articles, count="words" if within_events else "articles")
        for outlet, terms in significant.groupby("group")["term"]:
            mine = words["article_id"].isin(set(article_ids)).to_numpy() & \
                (words["article_id"].map(outlet_of) == outlet).to_numpy()
            flagged |= mine & occurrences(words, set(terms))
    return flagged


def calibration(passages: pd.DataFrame, articles: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    """Terms with z >= 1.96 with the real outlet labels and with labels shuffled inside each event."""
    rows = []
    for count in ("words", "articles"):
        for weight in (0.01, 0.1, 1.0):
            real = len(significant_terms(passages, articles, prior_weight=weight, count=count))
            shuffled = []
            for _ in range(SHUFFLES):
                labels = articles.groupby("event")["outlet"].transform(lambda s: rng.permutation(s.to_numpy()))
                shuffled.append(len(significant_terms(passages, articles.assign(label=labels), by="label",
                                                      prior_weight=weight, count=count)))
            rows.append({"count": count, "prior_weight": weight, "terms (real outlets)": real,
                         "terms (shuffled, mean)": float(np.mean(shuffled)),
                         "shuffled / real": float(np.mean(shuffled)) / real})
    return pd.DataFrame(rows)


def scale(passages: pd.DataFrame) -> pd.DataFrame:
    """Seconds taken by `distinctive_terms` on the passages copied `copies` times."""
    rows = []
    for copies in (1, 10, 40):
        copied = pd.concat([passages.assign(article_id=passages["article_id"] + f"#{i}") for i in range(copies)],
                           ignore_index=True)
        ids = copied["article_id"].unique()
        outlets = pd.Series([f"outlet {i % 7}" for i in range(len(ids))], index=ids)
        copied["outlet"] = copied["article_id"].map(outlets)
        start = time.perf_counter()
        terms = distinctive_terms(copied, count="articles")
        rows.append({"articles": len(ids), "body words": copies * int(body_words(passages, "article_id").sum()),
                     "terms scored": len(terms), "seconds": time.perf_counter() - start})
    return pd.DataFrame(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data_dir", type=Path, help="folder holding basil_dev/ and lexicons/")
    args = parser.parse_args(argv)
    folder = args.data_dir / "basil_dev"
    articles = datasets.read_basil(folder)
    spans = datasets.read_basil_annotations(folder)
    lexical = spans[spans["bias"] == "lex"]
    blocks = research.split_blocks(articles)
    passages = research.split_passages(blocks)
    body = passages[passages["role"] == "body"]
    words = word_table(body, lexical)
    outlet = words["article_id"].map(articles.set_index("article_id")["outlet"])
    print(f"BASIL dev: {len(articles)} articles, {len(lexical)} lexical-bias spans "
          f"({int(words['annotated'].sum())} of {len(words)} body words; spans in headlines are not counted)\n")

    markers = find_markers(body)
    verbs = reporting_verbs(research.attributions(blocks, articles))
    references = {name: {"reference": read_list(args.data_dir / "lexicons" / file)}
                  for name, file in (("Recasens et al. 2013 bias lexicon", "bias-lexicon_recasens2013.txt"),
                                     ("Hyland 2005 hedges", "hedges_hyland2005.txt"))}
    measures = {f"markers: {c}": flags(words, markers[markers["category"] == c]) for c in ("hedge", "booster",
                                                                                           "evaluative")}
    measures["markers: loaded reporting verbs"] = flags(words, verbs[verbs["category"] == "reporting: loaded"])
    measures["markers: all of the above"] = np.logical_or.reduce(list(measures.values()))
    for name, lexicon in references.items():
        measures[f"reference: {name}"] = flags(words, find_markers(body, lexicon))
    measures["distinctive terms within each event"] = term_flags(words, body, articles, within_events=True)
    measures["distinctive terms over the corpus"] = term_flags(words, body, articles, within_events=False)

    rng = np.random.default_rng(0)
    rows = []
    for name, flagged in measures.items():
        for group in ("all", "fox", "hpo", "nyt"):
            keep = np.ones(len(words), dtype=bool) if group == "all" else (outlet == group).to_numpy()
            rows.append({"measure": name, "outlet": group, **agreement(words[keep], flagged[keep], rng)})
    table = pd.DataFrame(rows)
    with pd.option_context("display.width", 200, "display.max_columns", 20, "display.max_colwidth", 48):
        print(table.round({"base_rate": 4, "precision": 4, "lift": 2, "expected_hits": 1, "p": 4})
              .to_string(index=False))
        print("\nPrior of distinctive_terms under the null (outlet labels shuffled inside events):")
        print(calibration(body, articles, np.random.default_rng(1)).round(3).to_string(index=False))
        print("\nTime of distinctive_terms (count='articles') by corpus size:")
        print(scale(body).round(2).to_string(index=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
