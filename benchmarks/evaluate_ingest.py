"""Check the HTML path on real news prose: BASIL dev articles saved as web pages with page chrome.

    python benchmarks/evaluate_ingest.py ../shared/data

Each BASIL article (title, date, outlet and body paragraphs: real news prose
from Fox News, the NYT and HuffPost) is wrapped in one of three page layouts
carrying the chrome news sites add: navigation, share buttons, a date line, a
captioned photo, an advertisement slot or an inline "Related:" link inside the
article, "Most read" / "Recommended" lists of other BASIL titles, comment and
newsletter prompts, footer links and a copyright line; title, date and site name
are in the page's meta tags. The layouts are ours, so the chrome figures check
the HTML path end to end, not how any particular site is handled.

For our pipeline (`load_articles` -> visible text -> `split_blocks`) and for
trafilatura's own main-text extraction (`trafilatura.extract`) on the same
pages, the table gives the share of article paragraphs kept (as `body`, or in
the extracted text) and the share of chrome lines kept with them; then the
metadata read from the markup and the loading speed.
"""

from __future__ import annotations

import argparse
import html
import sys
import tempfile
import time
import warnings
from pathlib import Path

import pandas as pd
import trafilatura

import research
from research.corpus import datasets

SITES = {"fox": "Fox News", "nyt": "The New York Times", "hpo": "HuffPost"}


def page(row, layout: int, others: list[str]) -> str:
    """One article as a saved web page in layout 0, 1 or 2; returns the HTML."""
    e = html.escape
    paragraphs = [p for p in row.text.split("\n\n")[1:] if p.strip()]
    site = SITES.get(row.outlet, row.outlet)
    body = [f"<p>{e(p)}</p>" for p in paragraphs]
    related = "".join(f"<li><a href='#'>{e(t)}</a></li>" for t in others)
    head = (f"<head><meta charset='utf-8'><title>{e(row.headline)} | {e(site)}</title>"
            f"<meta property='og:title' content='{e(row.headline)}'>"
            f"<meta property='og:site_name' content='{e(site)}'>"
            f"<meta property='article:published_time' content='{e(row.published)}'>"
            f"<script>window.dataLayer = [{{'page': 'article'}}];</script></head>")
    if layout == 0:
        body.insert(min(3, len(body)), "<div class='ad'>Advertisement</div>")
        page_body = (
            "<nav><ul><li>Home</li><li>World</li><li>Politics</li><li>Business</li><li>Opinion</li></ul></nav>"
            f"<article><h1>{e(row.headline)}</h1><div class='share'><button>Share</button>"
            f"<button>Tweet</button><button>Email</button></div><p><time>{e(row.published)}</time></p>"
            + "".join(body) + "</article>"
            f"<aside><h2>Most read</h2><ul>{related}</ul></aside>"
            "<div>Sign up for our morning newsletter</div>"
            f"<footer>Copyright 2012 {e(site)}. All rights reserved.</footer>")
    elif layout == 1:
        body.insert(min(2, len(body)), f"<p>Related: <a href='#'>{e(others[0])}</a></p>")
        page_body = (
            f"<header><div>{e(site)}</div><div>Politics / Elections / Congress / Video</div></header>"
            f"<h1>{e(row.headline)}</h1>"
            "<figure><img src='a.jpg' alt=''><figcaption>Supporters gather outside the hall on Tuesday. "
            "(AP Photo/Jane Doe)</figcaption></figure>"
            + "".join(body) +
            "<section><h3>Comments</h3><p>Leave a comment</p></section>"
            f"<section><h3>Recommended for you</h3><ul>{related}</ul></section>"
            f"<footer>© 2012 {e(site)}. All rights reserved.</footer>")
    else:
        page_body = (
            f"<main><h1>{e(row.headline)}</h1>" + "".join(body) + "<p><a href='#'>Read more</a></p></main>"
            "<footer><a>Privacy Policy</a> | <a>Terms of Use</a> | <a>Contact Us</a> | <a>Advertise</a>"
            "</footer>")
    return f"<!DOCTYPE html><html>{head}<body>{page_body}</body></html>"


def normalise(text: str) -> str:
    return " ".join(text.split())


def evaluate(folder: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    basil = datasets.read_basil(folder / "basil_dev")
    titles = basil["headline"].tolist()
    with tempfile.TemporaryDirectory() as tmp:
        pages = {}
        for i, row in enumerate(basil.itertuples()):
            others = [titles[(i + k) % len(titles)] for k in (7, 13, 29, 41)]
            pages[row.article_id] = page(row, i % 3, others)
            (Path(tmp) / f"{row.article_id}.html").write_text(pages[row.article_id], encoding="utf-8")
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            start = time.perf_counter()
            articles = research.load_articles(tmp)
            seconds = time.perf_counter() - start
    blocks = research.split_blocks(articles)
    accounting = research.check_accounting(articles, blocks)
    gold = {a: {normalise(p) for p in t.split("\n\n")[1:] if p.strip()}
            for a, t in zip(basil["article_id"], basil["text"])}
    title_of = dict(zip(basil["article_id"], basil["headline"].map(normalise)))
    ours = {"paragraphs": 0, "paragraphs kept": 0, "chrome": 0, "chrome kept": 0}
    for block in blocks.itertuples():
        text = normalise(block.text)
        if text in gold[block.article_id]:
            ours["paragraphs"] += 1
            ours["paragraphs kept"] += block.role == "body"
        elif text != title_of[block.article_id]:
            ours["chrome"] += 1
            ours["chrome kept"] += block.role == "body"
    theirs = {"paragraphs": 0, "paragraphs kept": 0, "chrome": 0, "chrome kept": 0}
    for article in articles.itertuples():
        extracted = {normalise(line) for line in (trafilatura.extract(pages[article.article_id]) or "")
                     .splitlines()}
        for paragraph in article.text.split("\n\n"):
            text = normalise(paragraph)
            kind = "paragraphs" if text in gold[article.article_id] else \
                None if text == title_of[article.article_id] else "chrome"
            if kind:
                theirs[kind] += 1
                theirs[f"{kind} kept"] += text in extracted
    extraction = pd.DataFrame([
        {"method": name, "article paragraphs kept": f"{c['paragraphs kept']}/{c['paragraphs']} "
                                                     f"({c['paragraphs kept'] / c['paragraphs']:.1%})",
         "chrome lines kept": f"{c['chrome kept']}/{c['chrome']} ({c['chrome kept'] / c['chrome']:.1%})"}
        for name, c in [("visible text + split_blocks (ours)", ours), ("trafilatura.extract", theirs)]])
    meta = articles.set_index("article_id").loc[basil["article_id"]]
    n = len(basil)

    def matches(column: str, expected: pd.Series) -> str:
        return f"{int((meta[column].to_numpy() == expected.to_numpy()).sum())}/{n}"

    checks = pd.DataFrame([
        ("pages loaded", f"{len(articles)}/{n}"),
        ("every character in exactly one block", f"{int(accounting['ok'].sum())}/{n}"),
        ("headline = BASIL title (spaces collapsed)", matches("headline", basil["headline"].map(normalise))),
        ("published = BASIL date", matches("published", basil["published"])),
        ("outlet = site name", matches("outlet", basil["outlet"].map(SITES))),
        ("title block found as headline", f"{int((blocks['role'] == 'headline').sum())}/{n}"),
        ("warnings while loading", str(len(caught))),
        ("load_articles speed (pages/s)", f"{len(articles) / seconds:.0f}"),
    ], columns=["check", "result"])
    return extraction, checks


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, help="folder holding basil_dev/")
    args = parser.parse_args(argv)
    if not (args.data / "basil_dev").is_dir():
        print(f"{args.data}: no basil_dev/ folder", file=sys.stderr)
        return 2
    extraction, checks = evaluate(args.data)
    print(extraction.to_string(index=False))
    print()
    print(checks.to_string(index=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
