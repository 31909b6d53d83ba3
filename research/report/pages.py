"""The report's pages: the index of a run, and each executed notebook as HTML.

Every text taken from the corpus or a run goes through `html.escape`.
"""

from __future__ import annotations

import html
from pathlib import Path

import nbformat
import pandas as pd
from nbconvert import HTMLExporter


def notebook_page(notebook: nbformat.NotebookNode) -> str:
    """An executed notebook as a standalone HTML page."""
    body, _ = HTMLExporter().from_notebook_node(notebook)
    return body


def _events_table(events: pd.DataFrame, analysed: set[str], min_articles: int) -> pd.DataFrame:
    """One row per event: its id, label, number of articles and whether (or why not) it was analysed."""
    table = events.groupby(["event_id", "event_label"]).size().rename("articles").reset_index()
    table["analysed"] = [
        "yes" if event_id in analysed else
        f"no: fewer than {min_articles} articles" if size < min_articles else "no: another event was named"
        for event_id, size in zip(table["event_id"], table["articles"])]
    return table.sort_values(["articles", "event_id"], ascending=[False, True])


def _run_item(run) -> str:
    e = html.escape
    link = f"<a href='{e(run.html)}'>{e(run.title)}</a>" if run.html else e(run.title)
    status = "" if run.status == "ok" else f" <strong>failed</strong>: {e(run.error)}"
    tables = ", ".join(f"<a href='{e(p)}'>{e(Path(p).stem)}</a>" for p in run.table_paths)
    return f"<li>{link}{status}" + (f"<br>tables (CSV): {tables}" if tables else "") + "</li>"


def index_page(corpus_name: str, listing: pd.DataFrame, events: pd.DataFrame, runs: pd.DataFrame,
                notes: list[str], min_articles: int) -> str:
    """The report's index.html; every text from the corpus is escaped."""
    e = html.escape
    parts = [f"<h1>Coverage report: {e(corpus_name)}</h1>",
             (f"<p>{len(listing)} articles from {listing['path'].nunique()} files; "
              "<a href='articles.csv'>articles.csv</a> lists them with their sources and events.</p>")]
    if notes:
        parts.append("<h2>Loading notes</h2><ul>" + "".join(f"<li>{e(n)}</li>" for n in notes) + "</ul>")
    several = events["event_id"].nunique() > 1
    if several:
        parts.append(f"<p>The corpus holds {events['event_id'].nunique()} events (stories). Each event with "
                     f"at least {min_articles} articles is analysed on its own, unless one was named.</p>")
        parts.append(_events_table(events, set(runs["event_id"]), min_articles).to_html(index=False))
    for (event_id, label), group in runs.groupby(["event_id", "event_label"], sort=False):
        if several:
            parts.append(f"<h2>Event {e(event_id)}: {e(label)}</h2>")
        parts.append("<ol>" + "".join(_run_item(run) for run in group.itertuples()) + "</ol>")
    hidden = ["path", "url"] + ([] if several else ["event_id", "event_label", "analysed"])
    parts.append("<h2>Articles</h2>" + listing.drop(columns=hidden).to_html(index=False))
    style = ("body{font-family:sans-serif;max-width:70em;margin:2em auto;line-height:1.4}"
             "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2em .5em;text-align:left}")
    return (f"<!doctype html>\n<html><head><meta charset='utf-8'><title>Coverage report: {e(corpus_name)}"
            f"</title><style>{style}</style></head>\n<body>\n" + "\n".join(parts) + "\n</body></html>\n")
