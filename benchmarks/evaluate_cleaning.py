"""Check block roles on the development corpora: is article prose kept as body?

    python benchmarks/evaluate_cleaning.py ../shared/data

PolNeAR: the gold attribution spans (Source, Cue, Content) are article prose
marked by annotators; we report the share of their characters that lie in
`body` blocks, and the share of the corpus kept as body. BASIL: each article
is its title plus its body paragraphs; we report the share of paragraphs that
come out as body blocks and of titles found as headline. AllSides: feed
excerpts read as records (their title field is the headline); we report the
share of their non-whitespace characters kept as body (target: at least 97%)
and how many last paragraphs cut off with an ellipsis are flagged `truncated`.
"""

from __future__ import annotations

import argparse
import sys
import warnings
from pathlib import Path

import numpy as np
import pandas as pd

import research
from research.corpus import datasets


def body_mask(articles: pd.DataFrame, blocks: pd.DataFrame) -> dict[str, np.ndarray]:
    masks = {a: np.zeros(len(t), dtype=bool) for a, t in zip(articles["article_id"], articles["text"])}
    for block in blocks[blocks["role"] == "body"].itertuples():
        masks[block.article_id][block.start:block.end] = True
    return masks


def polnear(folder: Path) -> dict:
    articles = datasets.read_polnear(folder)
    blocks = research.split_blocks(articles.drop(columns="headline"))
    accounting = research.check_accounting(articles, blocks)
    masks = body_mask(articles, blocks)
    spans = datasets.read_polnear_attributions(folder)
    inside = total = 0
    for span in spans.itertuples():
        text = articles.set_index("article_id").at[span.article_id, "text"]
        chars = np.array([not c.isspace() for c in text[span.start:span.end]], dtype=bool)
        inside += int((masks[span.article_id][span.start:span.end] & chars).sum())
        total += int(chars.sum())
    first_lines = articles["text"].str.strip().str.split(r"\r?\n").str[0].str.strip()
    headlines = blocks[blocks["role"] == "headline"].set_index("article_id")["text"]
    audit = research.cleaning_audit(articles, blocks)
    return {
        "corpus": "PolNeAR dev",
        "articles": len(articles),
        "partition exact": f"{int(accounting['ok'].sum())}/{len(articles)}",
        "body share of characters": round(audit["body_chars"].sum() / audit["chars"].sum(), 3),
        "gold attribution characters in body": round(inside / total, 4),
        "first line found as headline": f"{int((headlines.reindex(articles['article_id']).values == first_lines.values).sum())}/{len(articles)}",
    }


def basil(folder: Path) -> dict:
    articles = datasets.read_basil(folder)
    blocks = research.split_blocks(articles.drop(columns="headline"))
    accounting = research.check_accounting(articles, blocks)
    body = set(zip(blocks.loc[blocks["role"] == "body", "article_id"], blocks.loc[blocks["role"] == "body", "text"]))
    paragraphs = [(a, p.strip()) for a, t in zip(articles["article_id"], articles["text"])
                  for p in t.split("\n\n")[1:] if p.strip()]
    headlines = blocks[blocks["role"] == "headline"].set_index("article_id")["text"]
    found = (headlines.reindex(articles["article_id"]).values == articles["headline"].str.strip().values).sum()
    return {
        "corpus": "BASIL dev",
        "articles": len(articles),
        "partition exact": f"{int(accounting['ok'].sum())}/{len(articles)}",
        "paragraphs kept as body": round(sum(p in body for p in paragraphs) / len(paragraphs), 4),
        "title found as headline": f"{int(found)}/{len(articles)}",
    }


def allsides(folder: Path) -> dict:
    articles = datasets.read_allsides(folder)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", research.CorpusWarning)
        blocks = research.split_blocks(articles)
    accounting = research.check_accounting(articles, blocks)
    chars = blocks["text"].str.count(r"\S")
    last = blocks[blocks["role"] == "body"].groupby("article_id").tail(1)
    cut = last["text"].str.rstrip().str.endswith(("...", "…"))
    return {
        "corpus": "AllSides dev (feed excerpts)",
        "articles": len(articles),
        "partition exact": f"{int(accounting['ok'].sum())}/{len(articles)}",
        "body share of characters": round(chars[blocks["role"] == "body"].sum() / chars.sum(), 4),
        "cut-off last paragraphs flagged": f"{int((cut & last['truncated']).sum())}/{int(cut.sum())}",
        "whole last paragraphs flagged": f"{int((~cut & last['truncated']).sum())}/{int((~cut).sum())}",
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, help="folder holding polnear_dev/, basil_dev/ and allsides_dev/")
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        print(f"{args.data}: not a folder", file=sys.stderr)
        return 2
    for row in (polnear(args.data / "polnear_dev"), basil(args.data / "basil_dev"),
                allsides(args.data / "allsides_dev")):
        print(pd.Series(row).to_string(), end="\n\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
