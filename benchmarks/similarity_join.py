"""Time and peak memory of `similar_pairs` on a seeded synthetic passage corpus.

    python benchmarks/similarity_join.py --sizes 10000 100000 [--threshold 0.5]

The corpus: a Zipf vocabulary of random letter strings, passages of 20 to 80
words in articles of 20 passages, and planted near-duplicate groups (a
passage copied into 1 to 4 other articles with 10% of its words replaced).
Each size runs in a fresh process, so its peak resident memory
(`ru_maxrss`) is its own. The table gives the wall time of `similar_pairs`
(vectorising included), the process's peak memory and its memory before the
call, the pairs found, and the share of planted near-duplicate pairs found.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time

import numpy as np
import pandas as pd

import research

VOCABULARY = 50_000
ZIPF_EXPONENT = 1.1
PASSAGES_PER_ARTICLE = 20
DUPLICATE_SHARE = 0.1
EDIT_RATE = 0.1


def synthetic_passages(n: int, seed: int = 0) -> tuple[pd.DataFrame, set[tuple[str, str]]]:
    """`n` passages (article_id, passage_id, role, text) and the planted near-duplicate pairs (a < b)."""
    rng = np.random.default_rng(seed)
    lengths = rng.integers(2, 11, size=VOCABULARY)
    letters = np.array(list("abcdefghijklmnopqrstuvwxyz"))
    words = np.array(["".join(letters[rng.integers(26, size=k)]) for k in lengths])
    weights = 1.0 / np.arange(1, VOCABULARY + 1) ** ZIPF_EXPONENT
    weights /= weights.sum()
    texts: list[list[str] | None] = [None] * n
    planted = []
    order = rng.permutation(n)
    position = 0
    while position < int(n * DUPLICATE_SHARE):
        group = order[position : position + int(rng.integers(2, 6))]
        position += len(group)
        original = list(words[rng.choice(VOCABULARY, size=int(rng.integers(20, 81)), p=weights)])
        for member in group:
            copy = list(original)
            for k in np.flatnonzero(rng.random(len(copy)) < EDIT_RATE):
                copy[k] = words[rng.choice(VOCABULARY, p=weights)]
            texts[member] = copy
        planted += [(int(a), int(b)) for i, a in enumerate(group) for b in group[i + 1 :]]
    for k in range(n):
        if texts[k] is None:
            texts[k] = list(
                words[rng.choice(VOCABULARY, size=int(rng.integers(20, 81)), p=weights)]
            )
    passage_ids = [f"a{k // PASSAGES_PER_ARTICLE:06d}:s{k:07d}" for k in range(n)]
    table = pd.DataFrame(
        {
            "article_id": [p.split(":")[0] for p in passage_ids],
            "passage_id": passage_ids,
            "role": "body",
            "text": [" ".join(t) for t in texts],
        }
    )
    pairs = {
        tuple(sorted((passage_ids[a], passage_ids[b])))
        for a, b in planted
        if a // PASSAGES_PER_ARTICLE != b // PASSAGES_PER_ARTICLE
    }
    return table, pairs


def run_one(n: int, threshold: float) -> dict:
    passages, planted = synthetic_passages(n)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    start = time.perf_counter()
    pairs = research.similar_pairs(passages, threshold=threshold)
    seconds = time.perf_counter() - start
    found = set(zip(pairs["passage_id_a"], pairs["passage_id_b"]))
    return {
        "passages": n,
        "threshold": threshold,
        "seconds": round(seconds, 2),
        "peak MB": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "MB before": round(before),
        "pairs found": len(pairs),
        "planted pairs found": round(len(found & planted) / len(planted), 4) if planted else None,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes", type=int, nargs="+", default=[1_000, 10_000], help="passage counts"
    )
    parser.add_argument("--threshold", type=float, default=0.5)
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # run one size in this process
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(run_one(args.one, args.threshold)))
        return 0
    rows = []
    for n in args.sizes:
        done = subprocess.run(
            [sys.executable, __file__, "--one", str(n), "--threshold", str(args.threshold)],
            capture_output=True,
            text=True,
            check=True,
        )
        rows.append(json.loads(done.stdout))
        print(f"{n} passages: {rows[-1]['seconds']} s", file=sys.stderr, flush=True)
    print(pd.DataFrame(rows).to_string(index=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
