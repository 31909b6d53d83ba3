"""Fit the paraphrase probability (`research.reuse.paraphrase`) on MSRP and report it on held-out pairs.

    python benchmarks/fit_paraphrase.py ../shared/data            # prints the choice and the figures
    python benchmarks/fit_paraphrase.py ../shared/data --write    # also rewrites research/reuse/paraphrase_table.py

The 4,076 MSRP training pairs are split by a seeded permutation into a *choose*
half and a *report* half (the halves of `benchmarks/evaluate_similarity.py`).
On the choose half, 5-fold cross-validation picks the feature set and the
regularisation C, then the weight of number-changed copies: each choose-half
paraphrase pair stating a figure gets a copy with that figure changed in B
(x0.25, x0.4, x2.5 or x4), labelled non-paraphrase, and the weight kept is the
smallest putting at least MIN_BELOW of those copies under 0.5. The model is
then fitted on the whole choose half. The report half is read only for the
figures printed at the end: ROC AUC, accuracy at 0.5, calibration (reliability
table, expected calibration error), changed-figure copies of report-half pairs.

Also printed, for the uses of the probability (docs/evaluation.md, "Paraphrase probability"):
the score floor of the candidate pairs `align` scores (chosen on the choose
half: the floor below which at most 1% of the pairs with probability >= 0.5
lie), and on the seeds' hand-known story elements, ROC AUC of the probability
and of the plain score at telling sentence pairs sharing an element (the reason
story elements keep the plain score).
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import brier_score_loss, roc_auc_score
from sklearn.model_selection import StratifiedKFold, cross_val_predict
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

import research
from research.claims.quantities import find_quantities
from research.corpus import datasets
from research.corpus.passages import body_passages
from research.reuse.paraphrase import FEATURES, apply_model, pair_features
from research.reuse.similarity import TextVectorizer

sys.path.insert(0, str(Path(__file__).resolve().parent))
from evaluate_events import known_elements

SEED = 0
TABLE = Path(__file__).resolve().parent.parent / "research" / "reuse" / "paraphrase_table.py"
FEATURE_SETS = {
    "score only": ["score"],
    "score + numbers + word overlap": ["score", "numbers_differ", "numbers_conflict", "numbers_unmatched",
                                       "stem_jaccard", "containment_min", "containment_max", "length_ratio"],
    "+ order (LCS, bigrams, trigrams)": ["score", "numbers_differ", "numbers_conflict", "numbers_unmatched",
                                         "stem_jaccard", "containment_min", "containment_max", "length_ratio",
                                         "lcs_min", "lcs_max", "bigram_jaccard", "trigram_jaccard"],
    "all features": FEATURES,
}
C_GRID = (0.1, 1.0, 10.0)
WEIGHTS = (0.0, 0.1, 0.25, 0.5, 1.0)
MIN_BELOW = 0.7
FACTORS = (0.25, 0.4, 2.5, 4.0)
DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?")
# Share of choose-half pairs with probability >= 0.5 that may score below the candidate floor.
FLOOR_MISS = 0.01


def halves(n: int) -> tuple[np.ndarray, np.ndarray]:
    choose = np.sort(np.random.default_rng(SEED).permutation(n)[: n // 2])
    return choose, np.setdiff1d(np.arange(n), choose)


def change_figure(text_a: str, text_b: str, rng: np.random.Generator) -> str | None:
    """`text_b` with one figure it shares with `text_a` multiplied by one of FACTORS, written as in
    the text (thousands separators, decimals); None when the two share no figure."""
    shared = {q.value for q in find_quantities(text_a)}
    figures = [q for q in find_quantities(text_b) if q.value in shared]
    if not figures:
        return None
    figure = figures[rng.integers(len(figures))]
    digits = next((m for m in DIGITS.finditer(text_b, figure.start, figure.end)), None)
    if digits is None:  # a figure in words ("three thousand")
        return None
    written = digits.group()
    value = float(written.replace(",", "")) * rng.choice(FACTORS)
    if "." in written:
        new = f"{value:.{len(written.split('.')[1])}f}"
    else:
        new = f"{round(value):,}" if "," in written else str(round(value))
    return None if new == written else text_b[: digits.start()] + new + text_b[digits.end():]


def model_table(pipeline, features: list[str]) -> dict:
    """The coefficient table of a fitted StandardScaler + LogisticRegression over `features` (all of
    FEATURES: a feature left out gets weight 0)."""
    scaler, model = pipeline[0], pipeline[-1]
    weight = dict(zip(features, model.coef_[0]))
    mean, scale = dict(zip(features, scaler.mean_)), dict(zip(features, scaler.scale_))
    return {
        "means": [float(f"{mean.get(f, 0.0):.8g}") for f in FEATURES],
        "scales": [float(f"{scale.get(f, 1.0):.8g}") for f in FEATURES],
        "coefficients": {f: round(float(weight.get(f, 0.0)), 6) for f in FEATURES},
        "intercept": round(float(model.intercept_[0]), 6),
    }


def reliability(probability: np.ndarray, labels: np.ndarray) -> tuple[pd.DataFrame, float]:
    """Reliability table over ten bins of the probability, and the expected calibration error."""
    bins = np.minimum((probability * 10).astype(int), 9)
    table = pd.DataFrame({"bin": bins, "p": probability, "y": labels}).groupby("bin").agg(
        pairs=("p", "size"), mean_predicted=("p", "mean"), observed_rate=("y", "mean"))
    table.index = [f"[{b / 10:.1f}, {(b + 1) / 10:.1f})" for b in table.index]
    ece = float((table["pairs"] * (table["mean_predicted"] - table["observed_rate"]).abs()).sum() / len(labels))
    return table, ece


def fit(x, y, weights, c):
    pipeline = make_pipeline(StandardScaler(), LogisticRegression(C=c, max_iter=5000))
    return pipeline.fit(x, y, logisticregression__sample_weight=weights)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, help="folder holding msrp_train/")
    parser.add_argument("--write", action="store_true", help="rewrite research/reuse/paraphrase_table.py")
    args = parser.parse_args(argv)
    pd.set_option("display.width", 200)
    pairs = datasets.read_msrp(args.data / "msrp_train")
    labels = pairs["label"].to_numpy()
    choose, report = halves(len(pairs))
    # IDF without labels, from all the sentences, as pair_similarity does.
    scorer = TextVectorizer().fit(pairs["text_a"].tolist() + pairs["text_b"].tolist())
    x = pair_features(pairs["text_a"], pairs["text_b"], scorer)
    column = {f: k for k, f in enumerate(FEATURES)}
    folds = StratifiedKFold(5, shuffle=True, random_state=SEED)
    print(f"MSRP training pairs: {len(pairs)}; choose half {len(choose)}, report half {len(report)}\n")

    rows = []
    for name, features in FEATURE_SETS.items():
        for c in C_GRID:
            model = make_pipeline(StandardScaler(), LogisticRegression(C=c, max_iter=5000))
            p = cross_val_predict(model, x[choose][:, [column[f] for f in features]], labels[choose], cv=folds,
                                  method="predict_proba")[:, 1]
            rows.append({"features": name, "C": c, "cv AUC (choose half)": roc_auc_score(labels[choose], p)})
    grid = pd.DataFrame(rows)
    best = grid.sort_values("cv AUC (choose half)", ascending=False, kind="stable").iloc[0]
    features, c = FEATURE_SETS[best["features"]], float(best["C"])
    cols = [column[f] for f in features]
    print("== Feature set and C, 5-fold cross-validation on the choose half")
    print(grid.round(4).to_string(index=False))
    print(f"chosen: {best['features']}, C = {c:g}\n")

    rng = np.random.default_rng(SEED + 1)
    changed = [(i, change_figure(pairs["text_a"].iat[i], pairs["text_b"].iat[i], rng))
               for i in np.flatnonzero(labels == 1)]
    changed = [(i, text) for i, text in changed if text]
    source = np.array([i for i, _ in changed])
    x_changed = pair_features(pairs["text_a"].to_numpy()[source], [t for _, t in changed], scorer)

    def fitted(rows: np.ndarray, weight: float):
        extra = np.isin(source, rows)
        return fit(np.vstack([x[rows][:, cols], x_changed[extra][:, cols]]),
                   np.concatenate([labels[rows], np.zeros(extra.sum())]),
                   np.concatenate([np.ones(len(rows)), np.full(extra.sum(), weight)]), c)

    rows = []
    for weight in WEIGHTS:
        p_real, p_changed = np.zeros(len(pairs)), []
        for train, test in folds.split(choose, labels[choose]):
            model = fitted(choose[train], weight)
            p_real[choose[test]] = model.predict_proba(x[choose[test]][:, cols])[:, 1]
            p_changed.append(model.predict_proba(x_changed[np.isin(source, choose[test])][:, cols])[:, 1])
        p_changed = np.concatenate(p_changed)
        rows.append({"weight": weight, "cv AUC (real pairs)": roc_auc_score(labels[choose], p_real[choose]),
                     "changed copies: mean P": p_changed.mean(), "share below 0.5": (p_changed < 0.5).mean()})
    weights = pd.DataFrame(rows)
    weight = float(weights.loc[weights["share below 0.5"] >= MIN_BELOW, "weight"].min())
    print(f"== Weight of the {len(changed)} changed-figure copies (choose half, 5-fold)")
    print(weights.round(4).to_string(index=False))
    print(f"chosen: {weight:g} (the smallest putting >= {MIN_BELOW:.0%} of the copies below 0.5)\n")

    model = model_table(fitted(choose, weight), features)
    text = ('"""The coefficient table of the paraphrase probability (`research.reuse.paraphrase`).\n\n'
            f"Written by `python benchmarks/fit_paraphrase.py <data> --write`: features {best['features']}, "
            f"C = {c:g},\nchanged-figure copies weighted {weight:g}; fitted on the choose half of MSRP train.\n"
            '"""\n\nPARAPHRASE_MODEL = {\n'
            + "".join(f"    {key!r}: {value!r},\n" for key, value in model.items()) + "}\n")
    if args.write:
        TABLE.write_text(text, encoding="utf-8")
        print(f"wrote {TABLE.relative_to(TABLE.parent.parent.parent)}\n")
    p = apply_model(x, model)
    p_changed = apply_model(x_changed, model)
    held = np.isin(source, report)
    two_block = research.pair_similarity(pairs["text_a"], pairs["text_b"],
                                         TextVectorizer(alpha=0.75, idf_power=0.5))
    print("== Report half (held out)")
    summary = pd.Series({
        "ROC AUC, default scorer (words)": roc_auc_score(labels[report], x[report, column["score"]]),
        "ROC AUC, two-block scorer (alpha 0.75, idf^0.5)": roc_auc_score(labels[report], two_block[report]),
        "ROC AUC, paraphrase probability": roc_auc_score(labels[report], p[report]),
        "ROC AUC, probability, choose half (in-sample)": roc_auc_score(labels[choose], p[choose]),
        "accuracy at 0.5": ((p[report] >= 0.5) == labels[report]).mean(),
        "precision at 0.5": labels[report][p[report] >= 0.5].mean(),
        "recall at 0.5": (p[report][labels[report] == 1] >= 0.5).mean(),
        "Brier score": brier_score_loss(labels[report], p[report]),
        "changed-figure copies: P before": p[source[held]].mean(),
        "changed-figure copies: P after": p_changed[held].mean(),
        "changed-figure copies: share below 0.5": (p_changed[held] < 0.5).mean(),
    })
    table, ece = reliability(p[report], labels[report])
    summary["expected calibration error"] = ece
    print(summary.round(4).to_string(), "\n")
    print(table.round(3).to_string(), "\n")

    score = x[:, column["score"]]
    positive = p >= 0.5
    floor = float(np.floor(np.quantile(score[choose][positive[choose]], FLOOR_MISS) * 20) / 20)
    print("== Candidate floor of align (default scorer's score)")
    print(f"chosen on the choose half: {floor:g}; report-half pairs with probability >= 0.5 scoring below it: "
          f"{(score[report][positive[report]] < floor).mean():.4f}\n")

    seeds = research.load_articles()
    body = body_passages(research.split_passages(research.split_blocks(seeds)))
    carried = known_elements(body)
    rows = body[body["passage_id"].isin(carried)].reset_index(drop=True)
    i, j = np.triu_indices(len(rows), 1)
    keep = rows["article_id"].to_numpy()[i] != rows["article_id"].to_numpy()[j]
    i, j = i[keep], j[keep]
    element_scorer = TextVectorizer().fit(body["text"])
    features_seed = pair_features(rows["text"].to_numpy()[i], rows["text"].to_numpy()[j], element_scorer)
    same = np.array([bool(carried[a] & carried[b]) for a, b in zip(rows["passage_id"].to_numpy()[i],
                                                                   rows["passage_id"].to_numpy()[j])])
    print(f"== Seeds: {len(same)} cross-article pairs of sentences carrying hand-known story elements, "
          f"{same.sum()} sharing one")
    print(f"ROC AUC: paraphrase probability {roc_auc_score(same, apply_model(features_seed, model)):.3f}, "
          f"default score {roc_auc_score(same, features_seed[:, column['score']]):.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
