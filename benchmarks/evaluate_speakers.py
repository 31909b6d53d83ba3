"""Who speaks in a sentence (`research.framing.voices.speaker_of`) against PolNeAR's gold attributions.

    python benchmarks/evaluate_speakers.py ../shared/data/polnear_dev [--split dev] [--grid]
    python benchmarks/evaluate_speakers.py POLNEAR_TRAIN --split train

The package chain runs on the split's articles (`split_blocks`, `split_passages`, `attributions`,
`group_actors`, `voice_spans`) and gives each body sentence its speaker (`speaker_of`, the package settings, or with
`--grid` every setting of `GRID`). Gold (any annotator file of the article, `claimant_attributions.gold_attributions`):
the attributions whose Content fragments hold at least half of the sentence's non-space characters; the innermost
(shortest Content) is the sentence's gold attribution.

- *Named source*: the innermost gold Source names someone (a capitalised word before its first comma or relative
  pronoun, not a pronoun: "Trump", "FBI Director James Comey", "the Clinton campaign"). Coverage: the share of
  these sentences given a speaker; precision: the share of those whose speaker is a Source of a gold attribution
  holding the sentence (the last word of the speaker's name is the last word of a name in the Source's head, or
  equals one: "Comey" for "FBI Director James Comey"; last names match).
- *He/she source*: the innermost gold Source is "he" or "she", which PolNeAR does not resolve. The speaker is
  compared with the nearest named gold Source before it in the article (same annotator file): a rough gold, since
  "he" may refer to someone named outside any attribution, so the agreement is a lower bound of the precision.
- *Own voice*: no gold attribution holds the sentence; a speaker given there is wrong.

Choose settings on PolNeAR dev (`--grid`), report train (PolNeAR's train split, kept outside the project).
`--list N` prints N he/she sentences (seeded draw) whose speaker disagrees with the rough gold, with the two
sentences before them, to read whether the speaker or the rough gold is wrong; it refuses the dev split, whose
articles hold the texts of blind figure golds (benchmarks/gold/HOLDOUT6.md, HOLDOUT7.md).
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

import research
from research.corpus import datasets
from research.framing.voices import MIN_SPEAKER_SHARE, SPEAKER_KINDS, SPEAKER_WITHIN, speaker_of

sys.path.insert(0, str(Path(__file__).resolve().parent))
from claimant_attributions import gold_attributions

PRONOUNS = frozenset("he she they it we i who which that his her their its you them him us me this".split())
HEAD_END = re.compile(r",|\s(?:who|which|whose|that)\b")
NAME_RUN = re.compile(r"[A-Z][\w.’'&-]*(?:\s+(?:of\s+|for\s+|and\s+)?[A-Z][\w.’'&-]*)*")
# (label, kinds, least share, name within) of `speaker_of`; the package's setting is marked.
GRID = [(f"{kind_name}, share >= {share}, name {within if within is not None else 'anywhere'}", kinds, share, within)
        for kind_name, kinds in (("any kind", None), ("person", ("person",)), ("person or organisation", SPEAKER_KINDS))
        for share in (0.0, MIN_SPEAKER_SHARE) for within in (None, SPEAKER_WITHIN, 1)]
PACKAGE = ("package", SPEAKER_KINDS, MIN_SPEAKER_SHARE, SPEAKER_WITHIN)


def names_in(source: str) -> list[str]:
    """The names in a gold Source's head (before its first comma or relative pronoun; brackets dropped)."""
    head = HEAD_END.split(re.sub(r"\([^)]*\)", "", source), maxsplit=1)[0]
    return [re.sub(r"['’]s$", "", run) for run in NAME_RUN.findall(head) if run not in ("The", "A", "An")]


def named(source: str) -> bool:
    """True when a gold Source names someone (not a pronoun, a capitalised word in its head)."""
    text = source.strip(" ,.")
    return bool(text) and text.lower() not in PRONOUNS and bool(names_in(text))


def same(speaker: str, source: str) -> bool:
    """The speaker is the gold Source: its last word is the last word of a name in the Source's head."""
    last = speaker.split()[-1] if speaker.split() else ""
    return bool(last) and any(last == name.split()[-1] or speaker == name for name in names_in(source))


def chain(folder: Path, split: str) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """(body passages, voice spans, passages) of the split."""
    articles = datasets.read_polnear(folder, split)[["article_id", "outlet", "headline", "published", "text"]]
    blocks = research.split_blocks(articles)
    passages = research.split_passages(blocks)
    cues = research.group_actors(research.attributions(blocks, articles), articles)
    spans = research.voice_spans(passages, articles, cues)
    body = passages[passages["role"] == "body"].sort_values(["article_id", "start"]).reset_index(drop=True)
    return body, spans, passages


def gold_of(body: pd.DataFrame, gold: pd.DataFrame) -> pd.DataFrame:
    """Per body sentence: `gold` (the Sources of the gold attributions holding half of it or more, innermost
    first), `innermost` (the first of them, "" for none) and `antecedent` (for an innermost "he"/"she": the nearest
    named gold Source before it in the same annotator file)."""
    by_article = dict(list(gold.groupby("article_id")))
    sources, antecedents = [], []
    for row in body.itertuples():
        attributions = by_article.get(row.article_id)
        held = []
        if attributions is not None:
            characters = np.array([not c.isspace() for c in row.text])
            for attribution in attributions.itertuples():
                mask = np.zeros(len(row.text), dtype=bool)
                for start, end in attribution.contents:
                    mask[max(start - row.start, 0):max(min(end, row.end) - row.start, 0)] = True
                if (mask & characters).sum() >= 0.5 * max(characters.sum(), 1):
                    held.append((attribution.size, attribution.source, attribution.annotator,
                                 attribution.source_start))
        held.sort()
        sources.append([h[1] for h in held])
        antecedent = ""
        if held and held[0][1].strip(" ,.").lower() in ("he", "she"):
            _, _, annotator, at = held[0]
            before = attributions[(attributions["annotator"] == annotator) & (attributions["source_start"] >= 0)
                                  & (attributions["source_start"] < at)].sort_values("source_start")
            before = before[[named(s) and s.split()[0].lower() not in ("they", "it") for s in before["source"]]]
            antecedent = before["source"].iloc[-1] if len(before) else ""
        antecedents.append(antecedent)
    return body.assign(gold=sources, innermost=[s[0] if s else "" for s in sources], antecedent=antecedents)


def score(table: pd.DataFrame, label: str) -> dict:
    """One row of the scores table for the speakers of `table` (`gold_of` columns and `speaker_of`'s)."""
    shown = table["speaker"] != ""
    with_name = table["innermost"].map(named).astype(bool)
    right = pd.Series([bool(s) and any(named(g) and same(s, g) for g in gold)
                       for s, gold in zip(table["speaker"], table["gold"])], index=table.index)
    pronoun = table["innermost"].str.strip(" ,.").str.lower().isin(["he", "she"])
    agree = pd.Series([bool(s) and bool(a) and same(s, a) for s, a in zip(table["speaker"], table["antecedent"])],
                      index=table.index)
    own = table["innermost"] == ""
    n, m = int(with_name.sum()), int((shown & with_name).sum())
    p = int((shown & pronoun).sum())
    return {"setting": label, "named-source sentences": n, "speaker given": m,
            "coverage": round(m / max(n, 1), 3), "precision": round(int((right & with_name).sum()) / max(m, 1), 3),
            "he/she sentences": int(pronoun.sum()), "he/she given": p,
            "he/she agree (lower bound)": round(int((agree & pronoun).sum()) / max(p, 1), 3),
            "own-voice sentences given a speaker": f"{int((shown & own).sum())} of {int(own.sum())}"}


def disagree(table: pd.DataFrame, n: int) -> None:
    """Print `n` he/she sentences (seeded) given a speaker other than their rough gold's, with the two before."""
    pronoun = table["innermost"].str.strip(" ,.").str.lower().isin(["he", "she"])
    other = [bool(s) and bool(a) and not same(s, a) for s, a in zip(table["speaker"], table["antecedent"])]
    rows = table[pronoun & pd.Series(other, index=table.index)]
    chosen = sorted(random.Random(0).sample(list(rows.index), min(n, len(rows))))
    print(f"\n{len(rows)} he/she sentences whose speaker is not the nearest named gold Source before; {len(chosen)}:")
    for index in chosen:
        row = table.loc[index]
        before = table[(table["article_id"] == row["article_id"]) & (table["end"] <= row["start"])].tail(2)
        print(f"\n[{row['article_id']}] speaker {row['speaker']!r}; rough gold {row['antecedent']!r}")
        for text in [*before["text"], row["text"]]:
            print(f"  | {text[:300]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", type=Path, help="a PolNeAR folder (metadata.tsv, <split>/text, <split>/attributions)")
    parser.add_argument("--split", default="dev")
    parser.add_argument("--grid", action="store_true", help="score every setting of GRID, not only the package's")
    parser.add_argument("--list", type=int, default=0, help="print N he/she disagreements (not on dev)")
    args = parser.parse_args(argv)
    if args.list and args.split == "dev":
        parser.error("--list reads texts: not on the dev split, which holds blind figure golds' texts")
    clock = time.perf_counter()
    body, spans, passages = chain(args.folder, args.split)
    body = gold_of(body, gold_attributions(datasets.read_polnear_attributions(args.folder, args.split)))
    print(f"PolNeAR {args.split}: {body['article_id'].nunique()} articles, {len(body)} body sentences "
          f"({time.perf_counter() - clock:.0f} s)\n")
    rows = []
    for label, kinds, share, within in [PACKAGE, *(GRID if args.grid else [])]:
        table = body.drop(columns=["gold", "innermost", "antecedent"])
        found = speaker_of(table, spans, passages, kinds=kinds, min_share=share, within=within)
        rows.append(score(found.join(body[["gold", "innermost", "antecedent"]]), label))
        if label == "package":
            package = found.join(body[["gold", "innermost", "antecedent"]])
    with pd.option_context("display.width", 250, "display.max_columns", 20):
        print(pd.DataFrame(rows).to_string(index=False))
    if args.list:
        disagree(package, args.list)
    return 0


if __name__ == "__main__":
    sys.exit(main())
