"""Time, peak memory and recall of similarity joins on a seeded synthetic passage corpus.

    python benchmarks/similarity_join.py --sizes 10000 100000 1000000 [--threshold 0.5] [--scorer words]
    python benchmarks/similarity_join.py --versus-sklearn 200000 [--two-block]

The corpus (`synthetic_passages`): a Zipf vocabulary of 50,000 random letter
strings, passages of 20 to 80 words in articles of 20 passages, and planted
near-duplicate groups (10% of the passages: one passage copied into 2 to 5
passages with 10% of its words replaced). One table per size; each method
runs in its own process (`--run`), so its peak resident memory (`peak_mb`)
is its own, the corpus table it loads included. Columns: wall time including
vectorising (ours after a warm-up join of WARM_UP passages), peak MB, pairs found
(cross-article pairs at or above the threshold under the scorer),
recall against this project's exact join, and time and memory as ratios to
the exact join. Every method scores with the same scorer (`--scorer`):
"words" (default), the package's default scorer `TextVectorizer()`, word
TF-IDF cosine (stems, sublinear tf, full IDF: the cosine of the classic TF-IDF
rows); or "two-block", `TextVectorizer(**TWO_BLOCK)` (0.75 words + 0.25
character n-grams, IDF damped), whose lists keep frequent words (docs,
"Similarity join at scale"). Methods:

- ours, exact / ours, minhash: `research.similar_pairs(method=...)`.
- X @ X.T: the scorer's rows, blocks of rows times the transposed matrix
  (scipy sparse), pairs at or above the threshold kept.
- sparse_dot_topn: `sp_matmul_topn` of the same rows with `threshold` and a
  generous `top_n` (TOP_N; it needs one: a row's pairs beyond it are lost).
- datasketch: `MinHashLSH` (128 permutations) on each passage's set of
  normalised words at Jaccard threshold DATASKETCH_JACCARD, candidates scored
  with the scorer.

The two product methods would take hours beyond 10k passages; there a seeded
sample of row blocks (about SAMPLE_WORK / N rows) is run and time and pairs are
extrapolated to all rows (marked "extrapolated"; recall is then measured on the
sampled rows). This project's joins always run in full. `--skip METHOD@SIZE`
leaves a method out at one size (datasketch took 320 s and 6.3 GB at 100k,
growing faster than N).

`--versus-sklearn N`: the default join, `similar_pairs(passages)` with every
default (the package scorer fitted on the passages, threshold 0.5), against
scikit-learn's `TfidfVectorizer().fit_transform` of the same N texts, in one
process, each run REPEATS times in turn after a warm-up join; the table gives
every run, the fastest of each and its ratio to scikit-learn's fastest (the
target of issue 19: at most 3). `--two-block` adds the two-block scorer's join
(run once: it is the slow one).
"""

from __future__ import annotations

import argparse
import itertools
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.base import clone
from sklearn.feature_extraction.text import TfidfVectorizer

import research
from research.reuse.similarity import TWO_BLOCK, TextVectorizer
from research.text.tokens import normalised_words

VOCABULARY = 50_000
ZIPF_EXPONENT = 1.1
PASSAGES_PER_ARTICLE = 20
DUPLICATE_SHARE = 0.1
EDIT_RATE = 0.1
METHODS = ("ours, exact", "ours, minhash", "X @ X.T", "sparse_dot_topn", "datasketch")
# Row x column products run by a sampled product method (about 3e8: tens of seconds).
SAMPLE_WORK = 3e8
# Pairs kept per row by sparse_dot_topn (a planted group has at most 5 passages).
TOP_N = 100
# datasketch's Jaccard threshold on word sets. At 10k passages the pairs at cosine >= 0.5 have
# word-set Jaccard >= 0.42 (1% below 0.53) and 99.99% of random pairs are below 0.28; a lower
# threshold finds more pairs but scores far more candidates.
DATASKETCH_JACCARD = 0.4
# Passages joined before timing ours, so that loading (or, after a change, compiling) the numba
# kernels is not timed: it happens once per process, and compiled kernels are cached on disk.
WARM_UP = 1000
SCORERS = {"words": {}, "two-block": TWO_BLOCK}
# Runs of each method in `--versus-sklearn`, taken in turn (the fastest counts: the machine is shared).
REPEATS = 3


def scorer(name: str) -> TextVectorizer:
    """The (unfitted) scorer every method uses: see the module docstring."""
    return TextVectorizer(**SCORERS[name])


def random_words(rng: np.random.Generator, count: int, shortest: int) -> np.ndarray:
    """`count` random lowercase strings of `shortest` to 10 letters (the synthetic vocabulary)."""
    letters = np.array(list("abcdefghijklmnopqrstuvwxyz"))
    return np.array(["".join(letters[rng.integers(26, size=k)]) for k in rng.integers(shortest, 11, size=count)])


def synthetic_passages(n: int, seed: int = 0) -> pd.DataFrame:
    """`n` passages (article_id, passage_id, role, text) of the seeded synthetic corpus."""
    rng = np.random.default_rng(seed)
    words = random_words(rng, VOCABULARY, 2)
    cdf = np.cumsum(1.0 / np.arange(1, VOCABULARY + 1) ** ZIPF_EXPONENT)
    cdf /= cdf[-1]

    def draw(size: int) -> np.ndarray:
        return np.minimum(np.searchsorted(cdf, rng.random(size), side="right"), VOCABULARY - 1)

    lengths = rng.integers(20, 81, size=n)
    copies = int(n * DUPLICATE_SHARE)
    sizes = rng.integers(2, 6, size=copies // 2 + 1)
    groups = np.searchsorted(np.cumsum(sizes), copies) + 1 if copies else 0
    members = rng.permutation(n)[: min(n, int(sizes[:groups].sum()))]
    group_of = np.repeat(np.arange(groups), sizes[:groups])[: len(members)]
    original_lengths = rng.integers(20, 81, size=groups)
    lengths[members] = original_lengths[group_of]
    starts = np.concatenate([[0], np.cumsum(lengths)])
    ids = draw(starts[-1])
    original_starts = np.concatenate([[0], np.cumsum(original_lengths)])
    originals = draw(original_starts[-1])
    # Each member's slice of `ids` takes its group's original, then EDIT_RATE of its words are redrawn.
    within = np.arange(lengths[members].sum()) - np.repeat(np.cumsum(lengths[members]) - lengths[members],
                                                          lengths[members])
    target = np.repeat(starts[members], lengths[members]) + within
    copied = originals[np.repeat(original_starts[group_of], lengths[members]) + within]
    edited = rng.random(len(copied)) < EDIT_RATE
    copied[edited] = draw(int(edited.sum()))
    ids[target] = copied
    tokens = words[ids].tolist()
    texts = [" ".join(tokens[starts[k] : starts[k + 1]]) for k in range(n)]
    passage_ids = [f"a{k // PASSAGES_PER_ARTICLE:06d}:s{k:07d}" for k in range(n)]
    return pd.DataFrame({"article_id": [p[:7] for p in passage_ids], "passage_id": passage_ids,
                         "role": "body", "text": texts})


def peak_mb() -> float:
    """This process's peak resident memory in MB: VmHWM on Linux (`ru_maxrss` is kept across fork and
    exec, so a child started by a large parent would report the parent's size), else `ru_maxrss`."""
    try:
        with open("/proc/self/status") as status:
            return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:")) / 1024
    except (OSError, StopIteration):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _rows_of(table: pd.DataFrame, pairs: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    index = pd.Index(table["passage_id"])
    return index.get_indexer(pairs["passage_id_a"]), index.get_indexer(pairs["passage_id_b"])


def _sampled_blocks(n: int, block: int, rows: float, seed: int = 0) -> tuple[list[int], int]:
    """Starts of the row blocks to run, all or about `rows` rows (a seeded block from each of equal
    strata), and the block count."""
    starts = list(range(0, n, block))
    wanted = int(np.ceil(min(n, max(block, rows)) / block))
    if wanted >= len(starts):
        return starts, len(starts)
    bounds = np.linspace(0, len(starts), wanted + 1).astype(int)
    rng = np.random.default_rng(seed)
    return [starts[int(rng.integers(low, high))] for low, high in itertools.pairwise(bounds)], len(starts)


def _keep(rows: np.ndarray, cols: np.ndarray, values: np.ndarray, groups: np.ndarray, threshold: float):
    keep = (values >= threshold) & (cols > rows) & (groups[rows] != groups[cols])
    return rows[keep], cols[keep]


def _product(table: pd.DataFrame, threshold: float, topn: bool, vectorizer: TextVectorizer) -> dict:
    """Blocked X @ X.T (scipy) or sparse_dot_topn on sampled row blocks; time extrapolated to all blocks."""
    n = len(table)
    start = time.perf_counter()
    matrix = vectorizer.fit_transform(table["text"].tolist())
    transposed = matrix.T.tocsr()
    groups = pd.factorize(table["article_id"])[0]
    prepared = time.perf_counter() - start
    block = max(1, min(n, int(2e7 // n)))
    starts, n_blocks = _sampled_blocks(n, block, SAMPLE_WORK / n)
    found_a, found_b = [], []
    start = time.perf_counter()
    for first in starts:
        rows = matrix[first : first + block]
        if topn:
            from sparse_dot_topn import sp_matmul_topn

            product = sp_matmul_topn(rows, transposed, top_n=TOP_N, threshold=threshold - 1e-12, n_threads=2)
        else:
            product = rows @ transposed
        product = product.tocoo()
        a, b = _keep(product.row.astype(np.int64) + first, product.col.astype(np.int64), product.data, groups,
                     threshold)
        found_a.append(a)
        found_b.append(b)
    share = len(starts) / n_blocks
    seconds = prepared + (time.perf_counter() - start) / share
    sampled = np.concatenate([np.arange(s, min(n, s + block)) for s in starts])
    return {"seconds": seconds, "a": np.concatenate(found_a), "b": np.concatenate(found_b),
            "sampled": None if share == 1 else sampled, "scale": 1 / share}


def _datasketch(table: pd.DataFrame, threshold: float, vectorizer: TextVectorizer) -> dict:
    from datasketch import MinHash, MinHashLSH

    start = time.perf_counter()
    texts = table["text"].tolist()
    vectorizer = vectorizer.fit(texts)
    groups = pd.factorize(table["article_id"])[0]
    sketches = MinHash.bulk(([w.encode() for w in set(normalised_words(t).split())] for t in texts),
                            num_perm=128)
    lsh = MinHashLSH(threshold=DATASKETCH_JACCARD, num_perm=128)
    with lsh.insertion_session() as session:
        for key, sketch in enumerate(sketches):
            session.insert(key, sketch)
    found = [(k, other) for k, sketch in enumerate(sketches) for other in lsh.query(sketch) if other > k]
    a, b = np.array(found, np.int64).reshape(-1, 2).T
    cross = groups[a] != groups[b]
    a, b = a[cross], b[cross]
    # Scored with the scorer, rows built for the candidates only (all rows would need many GB).
    involved, position = np.unique(np.concatenate([a, b]), return_inverse=True)
    matrix = vectorizer.transform([texts[k] for k in involved])
    pa, pb = position[: len(a)], position[len(a) :]
    scores = np.concatenate([np.zeros(0)] + [np.asarray(matrix[pa[k : k + 100_000]].multiply(
        matrix[pb[k : k + 100_000]]).sum(axis=1)).ravel() for k in range(0, len(pa), 100_000)])
    a, b = a[scores >= threshold], b[scores >= threshold]
    return {"seconds": time.perf_counter() - start, "a": a, "b": b, "sampled": None, "scale": 1}


def run_method(method: str, corpus: Path, threshold: float, out: Path, scorer_name: str) -> dict:
    """Run `method` on the pickled corpus, save its pairs (row numbers a < b) to `out`, return its figures."""
    table = pd.read_pickle(corpus)
    at_start = peak_mb()
    vectorizer = scorer(scorer_name)
    if method.startswith("ours"):
        options = {"threshold": threshold, "method": method.removeprefix("ours, "), "progress": False}
        research.similar_pairs(table.iloc[:WARM_UP], vectorizer=clone(vectorizer), **options)
        start = time.perf_counter()
        pairs = research.similar_pairs(table, vectorizer=vectorizer, **options)
        a, b = _rows_of(table, pairs)
        result = {"seconds": time.perf_counter() - start, "a": a, "b": b, "sampled": None, "scale": 1}
    elif method == "datasketch":
        result = _datasketch(table, threshold, vectorizer)
    else:
        result = _product(table, threshold, method == "sparse_dot_topn", vectorizer)
    sampled = result.pop("sampled")
    np.savez(out, a=result.pop("a"), b=result.pop("b"), sampled=np.zeros(0) if sampled is None else sampled)
    return {**result, "peak MB": peak_mb(), "MB at start": at_start, "extrapolated": sampled is not None}


def measure(n: int, threshold: float, skip: set[str], folder: Path, scorer_name: str) -> pd.DataFrame:
    """One table for `n` passages: every method in its own process, compared with the exact join."""
    corpus = folder / f"corpus{n}.pkl"
    synthetic_passages(n).to_pickle(corpus)
    rows, exact, exact_rows = [], None, None
    for method in METHODS:
        if f"{method}@{n}" in skip or method in skip:
            continue
        out = folder / f"pairs{n}-{METHODS.index(method)}.npz"
        done = subprocess.run([sys.executable, __file__, "--run", method, "--corpus", str(corpus), "--out",
                               str(out), "--threshold", str(threshold), "--scorer", scorer_name],
                              capture_output=True, text=True,
                              check=False)
        if done.returncode:
            raise SystemExit(f"{method} at {n} passages failed:\n{done.stderr}")
        figures = json.loads(done.stdout)
        saved = np.load(out)
        keys = saved["a"].astype(np.int64) * n + saved["b"]
        known = np.ones(n, dtype=bool)
        if len(saved["sampled"]):
            known[:] = False
            known[saved["sampled"].astype(np.int64)] = True
        if exact is None:  # the first method, ours exact, is the reference
            exact, exact_rows = keys, known
        # Recall on the rows both this method and the reference ran (all rows unless sampled).
        both = known & exact_rows
        reference = exact[both[exact // n]]
        recall = np.isin(reference, keys[both[keys // n]]).mean() if len(reference) else None
        rows.append({
            "method": method,
            "seconds": round(figures["seconds"], 1),
            "peak MB": round(figures["peak MB"]),
            "pairs": round(len(keys) * figures["scale"]),
            "recall": None if recall is None else round(float(recall), 4),
            "time / exact": None,
            "memory / exact": None,
            "note": "extrapolated" if figures["extrapolated"] else "",
        })
        print(f"{n} passages, {method}: {rows[-1]['seconds']} s", file=sys.stderr, flush=True)
    table = pd.DataFrame(rows)
    if len(table) and table["method"].iloc[0] == METHODS[0]:
        table["time / exact"] = (table["seconds"] / table["seconds"].iloc[0]).round(1)
        table["memory / exact"] = (table["peak MB"] / table["peak MB"].iloc[0]).round(1)
    return table


def versus_sklearn(n: int, two_block: bool) -> pd.DataFrame:
    """The default `similar_pairs` against `TfidfVectorizer().fit_transform` on the same `n` passages
    (module docstring)."""
    table = synthetic_passages(n)
    texts = table["text"].tolist()
    research.similar_pairs(table.iloc[:WARM_UP], progress=False)
    runs: dict[str, list[float]] = {"TfidfVectorizer().fit_transform": [], "similar_pairs (defaults)": []}
    pairs = 0
    for _ in range(REPEATS):
        start = time.perf_counter()
        TfidfVectorizer().fit_transform(texts)
        runs["TfidfVectorizer().fit_transform"].append(time.perf_counter() - start)
        start = time.perf_counter()
        pairs = len(research.similar_pairs(table, progress=False))
        runs["similar_pairs (defaults)"].append(time.perf_counter() - start)
    found = {"TfidfVectorizer().fit_transform": None, "similar_pairs (defaults)": pairs}
    if two_block:
        name = "similar_pairs, two-block scorer"
        start = time.perf_counter()
        found[name] = len(research.similar_pairs(table, progress=False, vectorizer=TextVectorizer(**TWO_BLOCK)))
        runs[name] = [time.perf_counter() - start]
    fastest = min(runs["TfidfVectorizer().fit_transform"])
    return pd.DataFrame([{"method": name, "runs (s)": " ".join(f"{t:.1f}" for t in times),
                          "fastest (s)": round(min(times), 1), "pairs": "" if found[name] is None else found[name],
                          "fastest / TfidfVectorizer": round(min(times) / fastest, 2)}
                         for name, times in runs.items()])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000], help="passage counts")
    parser.add_argument("--threshold", type=float, default=0.5)
    parser.add_argument("--scorer", choices=sorted(SCORERS), default="words", help="what every method scores with")
    parser.add_argument("--skip", nargs="*", default=[], help="METHOD or METHOD@SIZE to leave out")
    parser.add_argument("--versus-sklearn", type=int, metavar="N", help="the default join against TfidfVectorizer")
    parser.add_argument("--two-block", action="store_true", help="with --versus-sklearn: the two-block join too")
    parser.add_argument("--run", choices=METHODS, help=argparse.SUPPRESS)  # one method in this process
    parser.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.run:
        print(json.dumps(run_method(args.run, args.corpus, args.threshold, args.out, args.scorer)))
        return 0
    if args.versus_sklearn:
        table = versus_sklearn(args.versus_sklearn, args.two_block)
        print(f"{args.versus_sklearn:,} passages, the default join against scikit-learn's vectorising\n"
              f"{table.to_string(index=False)}")
        return 0
    with tempfile.TemporaryDirectory() as folder:
        for n in args.sizes:
            table = measure(n, args.threshold, set(args.skip), Path(folder), args.scorer)
            print(f"\n{n:,} passages, {args.scorer} scorer, similarity >= {args.threshold}\n"
                  f"{table.to_string(index=False)}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
