"""The term explorer: each outlet's distinctive terms, each linked to the passages that use it.

Built from two tables notebook 05 saves: `distinctive_terms` (`group`, `term`,
`z`, `count_group`, `count_rest`) and `term_contexts` (`group`, `term`,
`article_id`, `outlet`, `start`, `end`, `context`: every use of a group's
distinctive term, in each outlet). Plain HTML: every term is a link to its
section, where its uses are listed outlet by outlet with the term marked, as
scattertext lets readers click a term to read it in context.
"""

from __future__ import annotations

import html
import re

import pandas as pd

from research.report.layout import document
from research.report.outlets import term_anchor
from research.report.saved import EventRun

SHOWN_CONTEXTS = 8  # uses listed per outlet before the rest are folded away


def mark_term(context: str, term: str) -> str:
    """`context` escaped, with every occurrence of `term` (its words in order, case-insensitive, any
    punctuation or space between them, an optional possessive) wrapped in <mark>."""
    words = [re.escape(w) for w in re.findall(r"\w+", term)]
    if not words:
        return html.escape(context)
    pattern = re.compile(r"(?<!\w)" + r"\W+".join(words) + r"(?:['’]s)?(?!\w)", re.IGNORECASE)
    parts, position = [], 0
    for match in pattern.finditer(context):
        parts.append(html.escape(context[position:match.start()]) + f"<mark>{html.escape(match.group())}</mark>")
        position = match.end()
    return "".join(parts) + html.escape(context[position:])


def _uses(contexts: pd.DataFrame, group: str, term: str) -> str:
    """The uses of `term` outlet by outlet, the group's own outlet first."""
    rows = contexts[(contexts["group"] == group) & (contexts["term"] == term)]
    if rows.empty:
        return "<p class='note'>No passage was saved for this term.</p>"
    order = sorted(rows["outlet"].unique(), key=lambda o: (o != group, o))
    parts = []
    for outlet in order:
        mine = rows[rows["outlet"] == outlet].sort_values(["article_id", "start"])
        quotes = [f"<blockquote class='context'>{mark_term(c, term)}</blockquote>" for c in mine["context"]]
        folded = (f"<details><summary>{len(quotes) - SHOWN_CONTEXTS} more</summary>"
                  + "".join(quotes[SHOWN_CONTEXTS:]) + "</details>") if len(quotes) > SHOWN_CONTEXTS else ""
        parts.append(f"<h4>{html.escape(outlet)} ({len(mine)})</h4>" + "".join(quotes[:SHOWN_CONTEXTS]) + folded)
    return "".join(parts)


def terms_body(terms: pd.DataFrame, contexts: pd.DataFrame | None) -> str:
    """The explorer's body: per group, its terms as links, then a section per term with its uses."""
    groups = sorted(terms["group"].unique())
    index, sections = [], []
    for group in groups:
        own = terms[terms["group"] == group]
        links = [(f"<a href='#{html.escape(term_anchor(group, t))}'>{html.escape(t)}</a> " if contexts is not None
                  else f"<strong id='{html.escape(term_anchor(group, t))}'>{html.escape(t)}</strong> ")
                 + f"<span class='muted'>({int(mine)} here, {int(rest)} elsewhere)</span>"
                 for t, mine, rest in own[["term", "count_group", "count_rest"]].itertuples(index=False)]
        index.append(f"<h3>{html.escape(group)}</h3><p class='terms'>" + " · ".join(links) + "</p>")
        for term, mine, rest in own[["term", "count_group", "count_rest"]].itertuples(index=False):
            if contexts is None:
                continue
            uses = _uses(contexts, group, term)
            sections.append(
                f"<section id='{html.escape(term_anchor(group, term))}'><h3>“{html.escape(term)}”: typical of "
                f"{html.escape(group)}</h3><p class='muted'>{int(mine)} uses in {html.escape(group)}, {int(rest)} "
                f"in the other outlets. <a href='#top'>Back to the list</a></p>{uses}</section>")
    note = "" if contexts is not None else (
        "<p class='note'>The passages of each term are not available in this run (the table 'term_contexts' "
        "is saved by notebook 05).</p>")
    return ("<h2 id='top'>The terms, outlet by outlet</h2>" + "".join(index) + note
            + ("<h2>Each term in its passages</h2>" + "".join(sections) if sections else ""))


def terms_page(event: EventRun, nav: str) -> str | None:
    """The term explorer page of one event; None when the run saved no distinctive terms."""
    terms = event.table("distinctive_terms")
    if terms is None or terms.empty:
        return None
    contexts = event.table("term_contexts")
    body = (f"<h1>The words that set each outlet apart</h1><p class='dek'>{html.escape(event.label)}</p>"
            "<p>A term (a word or two-word phrase) is listed for an outlet when that outlet uses it more often "
            "than the other outlets do, by more than chance would explain: it is more typical of this outlet "
            "than of the others." + (" Click a term to read every passage that uses it, in its own outlet first, "
                                      "then in the others." if contexts is not None else "")
            + "</p>" + terms_body(terms, contexts))
    return document(f"Distinctive words: {event.label}", body, nav)
