"""Check extracted figures and their dates against the outlets' own dated timelines (Timeline17 H1N1).

    python benchmarks/evaluate_timeline.py ../shared/data

Timeline17 gives, per outlet (BBC, Guardian, Reuters), the articles with their
publication dates and the outlet's own timeline: dated entries such as
"2009-05-04: Across the UK, the number of confirmed cases rose by nine, to 27."
Gold figures are the case and death counts `research.claims.quantities.find_quantities`
reads in the timeline entries (subject class "cases" or "deaths", value at
least 10: smaller numbers such as "two cases" match by chance), each dated by
its entry.
A gold figure is found when a claim extracted from that outlet's articles
(`research.extract_claims`) has

1. the same value;
2. and the same subject class (cases, deaths, people, ...: the noun class of
   `subject_key`);
3. and an as-of period that ends within one day of the entry's date.

The last row repeats check 3 with the as-of date replaced by the article's
publication date (no date resolution), to show what resolving "on Wednesday",
"yesterday" or "last week" adds. Timeline17 articles are extracted article text
on one line (no page layout), so each article is one body block.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

import pandas as pd

import research
from research.claims.keys import subject_key
from research.claims.ledger import _counted_noun
from research.claims.quantities import find_quantities
from research.corpus import datasets

GOLD_CLASSES = ("cases", "deaths")
MIN_VALUE = 10


def gold_figures(timelines: pd.DataFrame) -> pd.DataFrame:
    """One row per case or death count in a timeline entry: outlet, date, value, noun_class, entry text."""
    rows = []
    for entry in timelines.itertuples():
        for quantity in find_quantities(entry.text, entry.date):
            if quantity.kind != "count" or quantity.qualifier == "vague":
                continue
            subject = quantity.head or _counted_noun(entry.text[:quantity.start])
            noun_class = subject_key(subject, entry.text[:quantity.start],
                                     entry.text[quantity.end:][len(quantity.head) + 1:]).split(" ")[-1]
            if noun_class in GOLD_CLASSES and quantity.value >= MIN_VALUE:
                rows.append((entry.outlet, entry.date, quantity.value, noun_class, entry.text))
    return pd.DataFrame(rows, columns=["outlet", "date", "value", "noun_class", "entry"])


def body_passages(articles: pd.DataFrame) -> pd.DataFrame:
    blocks = pd.DataFrame({"article_id": articles["article_id"], "block_id": articles["article_id"] + ":b0000",
                           "start": 0, "end": articles["text"].str.len(), "role": "body",
                           "reason": "Timeline17 article text", "text": articles["text"]})
    return research.split_passages(blocks)


def days_apart(a: str, b: str) -> float:
    return abs((date.fromisoformat(a) - date.fromisoformat(b)).days) if a and b else float("inf")


def evaluate(folder: Path) -> pd.DataFrame:
    articles, timelines = datasets.read_timeline17(folder)
    passages = body_passages(articles)
    cues = research.attributions(research.split_blocks(articles), articles)
    claims = research.extract_claims(passages, cues, articles)
    claims = claims[(claims["kind"] == "count") & (claims["qualifier"] != "vague")].copy()
    claims["outlet"] = claims["article_id"].map(articles.set_index("article_id")["outlet"])
    claims["noun_class"] = claims["subject_key"].str.split(" ").str[-1]
    claims["published"] = claims["article_id"].map(articles.set_index("article_id")["published"])
    gold = gold_figures(timelines)
    found = {"value": 0, "value + subject": 0, "value + subject + as-of date": 0,
             "value + subject + publication date": 0}
    for figure in gold.itertuples():
        same = claims[(claims["outlet"] == figure.outlet) & (claims["value"] == figure.value)]
        found["value"] += bool(len(same))
        same = same[same["noun_class"] == figure.noun_class]
        found["value + subject"] += bool(len(same))
        found["value + subject + as-of date"] += any(days_apart(d, figure.date) <= 1 for d in same["asof_end"])
        found["value + subject + publication date"] += any(days_apart(d, figure.date) <= 1
                                                           for d in same["published"])
    rows = [{"check": f"gold timeline figures found with {name}", "found": count, "of": len(gold),
             "share": round(count / max(len(gold), 1), 3)} for name, count in found.items()]
    matched = claims.merge(gold, on=["outlet", "value", "noun_class"], suffixes=("", "_gold"))
    resolved = matched[matched["asof_text"] != ""].drop_duplicates(["article_id", "start"])
    for name, column in (("resolved as-of date", "asof_end"), ("publication date", "published")):
        close = resolved.groupby(["article_id", "start"])[[column, "date"]].apply(
            lambda g, c=column: any(days_apart(d, t) <= 1 for d, t in zip(g[c], g["date"])))
        rows.append({"check": f"claims matching a gold figure, dated by a time phrase: {name} within a day",
                     "found": int(close.sum()), "of": len(close), "share": round(close.mean(), 3) if len(close) else 0})
    rows.insert(0, {"check": "articles / extracted count claims / timeline entries", "found": len(articles),
                    "of": len(claims), "share": len(timelines)})
    return pd.DataFrame(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, help="folder holding timeline17_dev/")
    args = parser.parse_args(argv)
    folder = args.data / "timeline17_dev"
    if not folder.is_dir():
        print(f"{folder}: not a folder", file=sys.stderr)
        return 2
    print(evaluate(folder).to_string(index=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
