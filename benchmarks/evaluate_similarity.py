"""Check the similarity scorer, the alignment and the derivation labels on the development corpora.

    python benchmarks/evaluate_similarity.py ../shared/data

1. MSRP (msrp_train): ROC AUC of `pair_similarity` and of the scorer variants
   it was chosen from. The variants are ranked on a seeded half of the pairs
   (selection) and the winner is checked on the other half (held out); IDF is
   fitted on all the sentences, without labels, as `pair_similarity` does.
   The package's default is words alone, chosen for the speed of the join
   (`benchmarks/similarity_join.py --versus-sklearn`); the table shows what it
   costs against the best variant, the two-block scorer `TWO_BLOCK`, and the
   paraphrase probability (`research.reuse.paraphrase`, fitted on the
   selection half by `benchmarks/fit_paraphrase.py`) on the held-out half.
2. Thresholds: the share of MSRP paraphrases and non-paraphrases scoring at
   least t, and the rate of cross-article sentence pairs of PolNeAR (different
   stories, so unrelated) scoring at least t.
3. Alignment under known edits: each BASIL article against a copy with
   paragraphs dropped, reordered and inserted and words changed, deleted and
   inserted; recall and precision of the words found shared, for several
   `max_gap` and `min_words`.
4. Derivation labels on real pairs: BASIL (one event told by three outlets,
   mostly independent reporting) and PolNeAR (different stories); the rule's
   values are chosen and reported by `benchmarks/evaluate_derivation.py`.
5. The seeds aligned with the default scorer and with `TWO_BLOCK`: spans per
   kind and derivation labels (the paraphrase model was fitted on the default
   scorer's score, so with the other scorer its features shift).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import roc_auc_score
from sklearn.preprocessing import normalize

import research
from research.corpus import datasets
from research.corpus.passages import body_passages, word_table
from research.reuse.derivation import LABELS
from research.reuse.paraphrase import paraphrase_probability
from research.reuse.similarity import TWO_BLOCK, TextVectorizer

SEED = 0


def sentences(articles: pd.DataFrame) -> pd.DataFrame:
    return research.split_passages(research.split_blocks(articles))


def overlap(articles: pd.DataFrame, vectorizer: TextVectorizer | None = None) -> pd.DataFrame:
    """`article_overlap` of the articles with the default alignment (or another scorer)."""
    passages = sentences(articles)
    return research.article_overlap(research.align(passages, articles, vectorizer=vectorizer), passages, articles)


def _auc(labels: np.ndarray, left, right, rows: np.ndarray) -> float:
    scores = np.asarray(left[rows].multiply(right[rows]).sum(axis=1)).ravel()
    return roc_auc_score(labels[rows], scores)


def _name(alpha: float, power: float, stem: bool, char_power: float, ngrams: tuple) -> str:
    stemmed = "stems" if stem else "words"
    if alpha == 1.0:
        return f"alpha=1 (words only) idf^{power:g} {stemmed}"
    if alpha == 0.0:
        return f"alpha=0 (chars only) idf^{char_power:g} chars{ngrams}"
    return f"alpha={alpha:g} idf^{power:g} {stemmed} chars{ngrams}"


def msrp(folder: Path) -> tuple[pd.DataFrame, dict]:
    pairs = datasets.read_msrp(folder)
    labels = pairs["label"].to_numpy()
    texts = pairs["text_a"].tolist() + pairs["text_b"].tolist()
    n = len(pairs)
    selection = np.random.default_rng(SEED).permutation(n)[: n // 2]
    held_out = np.setdiff1d(np.arange(n), selection)
    everything = np.arange(n)

    def scores(matrix) -> dict:
        left, right = matrix[:n], matrix[n:]
        return {
            "selection half": _auc(labels, left, right, selection),
            "held-out half": _auc(labels, left, right, held_out),
            "all pairs": _auc(labels, left, right, everything),
        }

    rows = [
        {
            "variant": "baseline: TfidfVectorizer() defaults, word unigrams",
            **scores(TfidfVectorizer().fit_transform(texts)),
        }
    ]
    words = {
        (power, stem): TextVectorizer(alpha=1.0, idf_power=power, stem=stem).fit_transform(texts)
        for power in (0.0, 0.5, 1.0)
        for stem in (False, True)
    }
    chars = {
        (power, ngrams): TextVectorizer(
            alpha=0.0, idf_power=power, char_ngrams=ngrams
        ).fit_transform(texts)
        for power in (0.0, 0.5, 1.0)
        for ngrams in ((2, 4), (3, 5))
    }
    grid = []
    for alpha in (0.0, 0.25, 0.5, 0.75, 1.0):
        for (power, stem), word in words.items():
            for (char_power, ngrams), char in chars.items():
                if (
                    (alpha == 0.0 and (power, stem) != (0.0, False))
                    or (alpha == 1.0 and (char_power, ngrams) != (0.0, (2, 4)))
                    or (0.0 < alpha < 1.0 and char_power != power)
                ):
                    continue
                # The combination TextVectorizer(alpha=...) makes, from its two blocks fitted once.
                matrix = normalize(
                    sp.hstack([np.sqrt(alpha) * word, np.sqrt(1 - alpha) * char], format="csr")
                )
                grid.append(
                    {"variant": _name(alpha, power, stem, char_power, ngrams), **scores(matrix)}
                )
    grid = pd.DataFrame(grid).sort_values("selection half", ascending=False, kind="stable")
    ablations = [("package default: words only, full IDF, stems (fast join)", {}),
                 ("TWO_BLOCK: alpha 0.75, idf^0.5 (best on the selection half)", TWO_BLOCK)] + [
        (f"TWO_BLOCK but {change}", {**TWO_BLOCK, **params})
        for change, params in [
            ("stop words removed", {"stop_words": "english"}),
            ("raw tf (no sublinear)", {"sublinear_tf": False}),
            ("word uni+bigrams", {"word_ngrams": (1, 2)}),
            ("full IDF (power 1)", {"idf_power": 1.0}),
            ("no stemming", {"stem": False}),
        ]
    ]
    ablation_rows = [
        {"variant": name, **scores(TextVectorizer(**params).fit_transform(texts))}
        for name, params in ablations
    ]
    probability = paraphrase_probability(pairs["text_a"], pairs["text_b"], TextVectorizer().fit(texts))
    ablation_rows.append({
        "variant": "paraphrase probability (fitted on the selection half)",
        "selection half": roc_auc_score(labels[selection], probability[selection]),
        "held-out half": roc_auc_score(labels[held_out], probability[held_out]),
        "all pairs": roc_auc_score(labels, probability),
    })
    auc = roc_auc_score(labels, research.pair_similarity(pairs["text_a"], pairs["text_b"]))
    table = pd.concat(
        [pd.DataFrame(rows), grid.head(8), pd.DataFrame(ablation_rows)], ignore_index=True
    )
    winner = grid.iloc[0]
    summary = {
        "MSRP training pairs": n,
        "variants compared": len(grid),
        "best on selection half": winner["variant"],
        "its held-out AUC": round(winner["held-out half"], 4),
        "pair_similarity AUC, all training pairs": round(auc, 4),
    }
    return table.round(4), summary


def thresholds(data: Path) -> pd.DataFrame:
    pairs = datasets.read_msrp(data / "msrp_train")
    scores = research.pair_similarity(pairs["text_a"], pairs["text_b"])
    articles = datasets.read_polnear(data / "polnear_dev").drop(columns="headline")
    body = body_passages(sentences(articles))
    found = research.similar_pairs(body, threshold=0.3)
    sizes = body.groupby("article_id").size()
    cross = (len(body) ** 2 - (sizes**2).sum()) / 2
    rows = []
    for t in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8):
        rows.append(
            {
                "threshold": t,
                "MSRP paraphrases >= t": (scores[pairs["label"] == 1] >= t).mean(),
                "MSRP non-paraphrases >= t": (scores[pairs["label"] == 0] >= t).mean(),
                "PolNeAR unrelated pairs >= t": int((found["similarity"] >= t).sum()),
                "per million cross-article pairs": 1e6 * (found["similarity"] >= t).sum() / cross,
            }
        )
    return pd.DataFrame(rows).round(4)


def _edit(paragraph: str, rng: np.random.Generator, rate: float) -> tuple[str, list[bool]]:
    """A copy of the paragraph with words changed, deleted or inserted; and which source words survive."""
    out, kept = [], []
    for word in paragraph.split():
        roll = rng.random()
        if roll < rate / 3:
            out.append(f"zq{rng.integers(10**6)}")
            kept.append(False)
        elif roll < 2 * rate / 3:
            kept.append(False)
        elif roll < rate:
            out += [f"zq{rng.integers(10**6)}", word]
            kept.append(True)
        else:
            out.append(word)
            kept.append(True)
    return " ".join(out), kept


def _derived(
    text: str, donor: str, rng: np.random.Generator, rate: float
) -> tuple[str, list[tuple[int, int]]]:
    """The edited copy of an article, and the character ranges of the source words that survive in it."""
    paragraphs, surviving, position = [], [], 0
    for paragraph in text.split("\n\n"):
        start = text.index(paragraph, position)
        position = start + len(paragraph)
        if rng.random() < 0.2:
            continue
        edited, kept = _edit(paragraph, rng, rate)
        paragraphs.append(edited)
        offset = start
        for word, survives in zip(paragraph.split(), kept):
            offset = text.index(word, offset)
            if survives:
                surviving.append((offset, offset + len(word)))
            offset += len(word)
    rng.shuffle(paragraphs)
    paragraphs.insert(int(rng.integers(len(paragraphs) + 1)), donor.split("\n\n")[-1])
    return "\n\n".join(paragraphs), surviving


def alignment_under_edits(folder: Path) -> pd.DataFrame:
    articles = datasets.read_basil(folder).drop(columns="headline")
    rng = np.random.default_rng(SEED)
    rows = []
    pairs = []
    for k, article in enumerate(articles.itertuples(index=False)):
        donor = articles["text"].iat[(k + 7) % len(articles)]
        copy, surviving = _derived(article.text, donor, rng, rate=0.08)
        pairs.append((article.article_id, article.text, copy, surviving))
    table = pd.DataFrame(
        [{"article_id": a, "text": t} for a, t, _, _ in pairs]
        + [{"article_id": f"{a}~copy", "text": c} for a, _, c, _ in pairs]
    )
    passages = body_passages(sentences(table))
    words = word_table(passages, table)
    for max_gap in (0, 1, 3, 5, 8):
        for min_words in (5, 8, 12):
            hits = covered = truth = 0
            for article_id, _, _, surviving in pairs:
                spans = research.align(
                    passages,
                    table,
                    article_id,
                    f"{article_id}~copy",
                    roles=None,
                    max_gap=max_gap,
                    min_words=min_words,
                    paraphrase_threshold=None,
                )
                mine = words[words["article_id"] == article_id]
                starts = mine["start"].to_numpy()
                inside = np.zeros(len(mine), dtype=bool)
                for start, end in zip(spans["start_a"], spans["end_a"]):
                    inside |= (starts >= start) & (mine["end"].to_numpy() <= end)
                ranges = np.array(surviving).reshape(-1, 2)
                index = np.searchsorted(ranges[:, 0], starts, side="right") - 1
                expected = (index >= 0) & (
                    mine["end"].to_numpy() <= ranges[np.maximum(index, 0), 1]
                )
                hits += int((inside & expected).sum())
                covered += int(inside.sum())
                truth += int(expected.sum())
            rows.append(
                {
                    "max_gap": max_gap,
                    "min_words": min_words,
                    "recall": hits / truth,
                    "precision": hits / covered if covered else float("nan"),
                }
            )
    return pd.DataFrame(rows).round(4)


def derivations(data: Path) -> pd.DataFrame:
    basil = datasets.read_basil(data / "basil_dev").drop(columns="headline")
    same_event = pd.concat([overlap(event) for _, event in basil.groupby("event")])
    polnear = overlap(datasets.read_polnear(data / "polnear_dev").drop(columns="headline"))
    rows = []
    for name, table in (
        ("BASIL dev, same event (ordered pairs)", same_event),
        ("PolNeAR dev, all pairs (ordered)", polnear),
    ):
        counts = table["derivation"].value_counts()
        rows.append(
            {
                "pairs": name,
                "ordered pairs": len(table),
                **{label: int(counts.get(label, 0)) for label in LABELS},
                "containment p95": table["containment"].quantile(0.95),
                "unquoted containment p95": table["unquoted_containment"].quantile(0.95),
                "longest narration span p95": table["longest_span"].quantile(0.95),
            }
        )
    return pd.DataFrame(rows).round(3)


def seeds_by_scorer() -> tuple[pd.DataFrame, pd.DataFrame]:
    """Spans per kind and derivation labels of the seeds with the default scorer and with TWO_BLOCK."""
    articles = research.load_articles()
    passages = sentences(articles)
    outlet = dict(zip(articles["article_id"], articles["outlet"]))
    kinds, labels = {}, {}
    for name, vectorizer in (("default", None), ("TWO_BLOCK", TextVectorizer(**TWO_BLOCK))):
        spans = research.align(passages, articles, vectorizer=vectorizer)
        kinds[name] = spans["kind"].value_counts()
        table = research.article_overlap(spans, passages, articles)
        labels[name] = table.set_index(
            [table["article_id_a"].map(outlet).rename("A"), table["article_id_b"].map(outlet).rename("B")]
        )["derivation"]
    labels = pd.DataFrame(labels)
    return pd.DataFrame(kinds).fillna(0).astype(int), labels[(labels != "non-derived").any(axis=1)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "data", type=Path, help="folder holding msrp_train/, polnear_dev/ and basil_dev/"
    )
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        print(f"{args.data}: not a folder", file=sys.stderr)
        return 2
    pd.set_option("display.width", 200)
    pd.set_option("display.max_colwidth", 80)
    table, summary = msrp(args.data / "msrp_train")
    print("== MSRP training split: ROC AUC (variants ranked on the selection half)")
    print(table.to_string(index=False), end="\n\n")
    print(pd.Series(summary).to_string(), end="\n\n")
    print("== Thresholds")
    print(thresholds(args.data).to_string(index=False), end="\n\n")
    print(
        "== Alignment of BASIL articles with edited copies (8% of words edited, paragraphs dropped/reordered)"
    )
    print(alignment_under_edits(args.data / "basil_dev").to_string(index=False), end="\n\n")
    print("== Derivation labels on real article pairs")
    print(derivations(args.data).to_string(index=False), end="\n\n")
    kinds, labels = seeds_by_scorer()
    print("== Seeds aligned with the default scorer and with TWO_BLOCK: spans per kind")
    print(kinds.to_string(), end="\n\n")
    print("Pairs labelled other than non-derived by either")
    print(labels.to_string())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
