"""Time of `attributions` and `extract_claims` on one huge sentence, by its size.

    python benchmarks/long_sentence.py [--kb 50 100 200] [--every 1000]

The article: one paragraph holding one sentence (no full stop until its end)
of clauses "the convoy moved ... N, officials said" joined by semicolons,
about `--every` characters of prose between two reporting cues, and
"10,000 troops" every fourth clause so that there are figures to claim. A
sentence this long is no prose but what a page without punctuation, or a
record whose text lost it, can give; the time should grow with its length,
not with its square. Prints one row per size: characters, cues found,
figures found, seconds of each stage (blocks and passages are computed
before the clock starts).
"""

from __future__ import annotations

import argparse
import time

import pandas as pd

import research

FILLER = "the convoy moved slowly toward the river crossing while trucks waited near the bridge"


def sentence(characters: int, every: int) -> str:
    """One sentence of about `characters` characters, a cue about every `every` characters."""
    words, clauses, size = FILLER.split(), [], 0
    while size < characters:
        clause = " ".join(words[i % len(words)] for i in range(every // 6))
        clause += f" {len(clauses)}, officials said" + (" 10,000 troops" if len(clauses) % 4 == 0 else "")
        clauses.append(clause)
        size += len(clause) + 2
    return "Troops at the border\n\n" + "; ".join(clauses) + ".\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kb", type=float, nargs="+", default=[50, 100, 200], help="sentence sizes in KB")
    parser.add_argument("--every", type=int, default=1000, help="characters between two reporting cues")
    args = parser.parse_args()
    print(f"{'characters':>10} {'cues':>6} {'figures':>8} {'attributions_s':>15} {'extract_claims_s':>17}")
    for kb in args.kb:
        text = sentence(int(kb * 1000), args.every)
        articles = pd.DataFrame({"article_id": ["long"], "outlet": ["Wire"], "published": ["2024-10-23"],
                                 "text": [text]})
        blocks = research.split_blocks(articles)
        passages = research.split_passages(blocks)
        start = time.perf_counter()
        cues = research.attributions(blocks, articles)
        middle = time.perf_counter()
        claims = research.extract_claims(passages, cues, articles)
        end = time.perf_counter()
        print(f"{len(text):>10} {len(cues):>6} {len(claims):>8} {middle - start:>15.2f} {end - middle:>17.2f}")


if __name__ == "__main__":
    main()
