"""Findings of notebook 01 (the corpus and its cleaning), from the articles, blocks and audit tables."""

from __future__ import annotations

import pandas as pd

from research.report.findings.common import (
    count,
    day,
    finding,
    findings_table,
    names,
    outlet_labels,
    percent,
    possessive,
)
from research.text.tokens import WORD

SHORT_TEXT = 150  # body words under which a text is an excerpt or a brief


def _dates(articles: pd.DataFrame, labels: dict[str, str]) -> str:
    published = articles.get("published", pd.Series("", index=articles.index)).fillna("").astype(str)
    days = {article_id: day(value) for article_id, value in zip(articles["article_id"], published)}
    dated = sorted({d for d in days.values() if d}, key=lambda d: pd.Timestamp(d))
    undated = [labels[a] for a, d in days.items() if not d]
    if not dated:
        return "No article gives a publication date, so nothing can be ordered in time."
    if not undated:
        text = (f"The articles were all published on {dated[0]}" if len(dated) == 1 else
                f"The articles were published between {dated[0]} and {dated[-1]}")
    else:
        given = len(days) - len(undated)
        text = (f"{count(given, 'article')} {'gives' if given == 1 else 'give'} a publication date ("
                + (f"{dated[0]}" if len(dated) == 1 else f"{dated[0]} to {dated[-1]}") + ")")
    return text + (f"; {names(undated)} {'gives' if len(undated) == 1 else 'give'} none." if undated else ".")


def corpus_findings(articles: pd.DataFrame, blocks: pd.DataFrame, audit: pd.DataFrame,
                    accounting: pd.DataFrame) -> pd.DataFrame:
    """The findings table (`findings_table`) of notebook 01.

    `articles`: `load_articles` (`article_id`, `outlet`, `published`, `form`);
    `blocks`: `split_blocks` (`role`, `truncated`); `audit`: `cleaning_audit`
    (`article_id`, `chars`, `body_chars`, `body_share`); `accounting`:
    `check_accounting` (`ok`). Says what the corpus holds, how much of each
    article is body text, which articles have none (left out of every
    comparison) or are cut off, and whether every character is accounted for.
    """
    labels = outlet_labels(articles)
    outlets = sorted({o for o in articles.get("outlet", pd.Series(dtype=str)).fillna("") if o})
    repeated = articles["outlet"].value_counts() if "outlet" in articles else pd.Series(dtype=int)
    several = [f"{outlet} has {n}" for outlet, n in repeated.items() if outlet and n > 1]
    rows = [(f"The analysis covers {count(len(articles), 'article')} from {count(len(outlets), 'outlet')}"
             + (f": {names(outlets)}" if 0 < len(outlets) <= 8 else "")
             + (f" ({names(sorted(several))})" if several else "") + ". " + _dates(articles, labels), "")]

    forms = articles.get("form", pd.Series("page", index=articles.index)).fillna("page")
    records = int((forms == "record").sum())
    if records:
        rows.append(finding(f"{'All' if records == len(articles) else count(records, 'article')} "
                     f"{'of the articles are' if records == len(articles) else ('is a' if records == 1 else 'are')} "
                     f"feed record{'' if records == 1 else 's'} (text given as a field of a JSONL or CSV file), "
                     "read as article text: all of it is body unless it is a headline, byline or notice.", ""))

    shares = audit.assign(name=audit["article_id"].map(labels)).set_index("article_id")
    has_body = shares[shares["body_chars"] > 0]
    if len(has_body) == 1:
        only = has_body.iloc[0]
        rest = "" if only["body_share"] == 1 else "; the rest is set aside with a stated reason"
        rows.append(finding(f"{percent(only['body_share'])} of {possessive(only['name'])} non-whitespace characters are "
                     f"article body{rest}.", "cleaning-audit"))
    elif len(has_body) > 1:
        low, high = has_body.sort_values(["body_share", "name"]).iloc[[0, -1]].itertuples()
        if low.body_share == 1:
            spread = "All of every article's text is body text: nothing was set aside"
        elif percent(low.body_share) == percent(high.body_share):
            spread = f"In every article, {percent(low.body_share)} of the non-whitespace characters are body text"
        else:
            spread = (f"Between {percent(low.body_share)} ({low.name}) and {percent(high.body_share)} ({high.name}) "
                      "of an article's non-whitespace characters are body text")
        rest = "." if low.body_share == 1 else ("; the rest (headlines, bylines, captions, page chrome) is set aside "
                                                "with a stated reason.")
        rows.append(finding(spread + rest, "cleaning-audit"))
    no_body = shares[shares["body_chars"] == 0]["name"].tolist()
    if no_body:
        rows.append(finding(f"No body paragraph was found in {names(no_body)}: "
                     f"{'it is' if len(no_body) == 1 else 'they are'} left out of every comparison in the "
                     "notebooks that follow.", "cleaning-audit"))

    body = blocks[blocks["role"] == "body"]
    words = body.groupby("article_id")["text"].agg(lambda texts: sum(len(WORD.findall(t)) for t in texts))
    if len(words) > 1:
        fewest, most = words.sort_index().sort_values(kind="stable").index[[0, -1]]
        spread = (f"Each body text has {words[most]:,} words" if words[fewest] == words[most] else
                  f"The body texts run from {words[fewest]:,} words ({labels[fewest]}) to {words[most]:,} "
                  f"({labels[most]})")
        short = (": a text this short can carry only a few of the facts, voices and figures the later notebooks "
                 "compare" if words[fewest] < SHORT_TEXT else "")
        rows.append(finding(f"{spread}{short}.", ""))
    cut = sorted(body.loc[body["truncated"].astype(bool), "article_id"].unique(), key=labels.get) \
        if "truncated" in body else []
    if cut:
        rows.append(finding(f"{names(labels[a] for a in cut)} {'ends' if len(cut) == 1 else 'end'} cut off by the feed "
                     f"(\u201c...\u201d): {'it is an excerpt' if len(cut) == 1 else 'they are excerpts'}, so what "
                     f"{'it does' if len(cut) == 1 else 'they do'} not carry may simply lie beyond the excerpt.", ""))

    bad = accounting[~accounting["ok"].astype(bool)]
    rows.append(finding("Every non-whitespace character of every article lies in exactly one block and every body "
                 "character in a passage, so every later finding points to exact characters of the files."
                 if bad.empty else
                 f"The character accounting fails for {names(labels.get(a, a) for a in bad['article_id'])}: "
                 "see the checks in the appendix.", ""))
    return findings_table(rows)


def body_share_title(audit: pd.DataFrame, articles: pd.DataFrame) -> str:
    """The title of the characters-by-role chart: the range of body shares it shows."""
    shares = audit[audit["chars"] > 0]["body_share"]
    if shares.empty:
        return "No article has any text"
    low, high = percent(shares.min()), percent(shares.max())
    return (f"Body text is {low} of every article's characters" if low == high else
            f"Body text is {low} to {high} of each article's characters")
