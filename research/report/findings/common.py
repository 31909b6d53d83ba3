"""What every findings module shares: the findings table, the words that join names and numbers,
and the notebook cell that shows and saves the findings."""

from __future__ import annotations

import re

import pandas as pd
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from research.report.readable import outlet_labels, percent
from research.report.tables import save_table
from research.text.dates import reference_date

FINDING_COLUMNS = ["order", "finding", "figure"]
QUOTES = "\"'\u201c\u201d\u2018\u2019"
MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]#|~])")


def finding(text: str, figure: str = "") -> tuple[str, str]:
    """One row of a findings table: a sentence and the saved table it rests on ("" for none)."""
    return text, figure


def findings_table(rows: list[tuple[str, str]]) -> pd.DataFrame:
    """(finding, figure) pairs as the findings table: `order` (1, 2, ...), `finding` (plain text),
    `figure` (the saved table it rests on, or "")."""
    kept = [(" ".join(text.split()), figure) for text, figure in rows if text]
    kept = [(_capitalised(text), figure) for text, figure in kept]
    return pd.DataFrame({"order": range(1, len(kept) + 1), "finding": [t for t, _ in kept],
                         "figure": [f for _, f in kept]}, columns=FINDING_COLUMNS)


def said_by(speaker: str, *shown: str) -> str:
    """`speaker` (the `speaker` of `coverage` or `omissions`: a resolved person or organisation) when none of
    the `shown` texts names it (its last word, "Austin" for "Lloyd Austin"), else "": "“It would be a
    disaster.”" is said by Phillips O'Brien, "“...,” O'Brien said." needs no more."""
    speaker = speaker if isinstance(speaker, str) else ""  # read back from CSV, an empty column is NaN
    last = speaker.split()[-1] if speaker.split() else ""
    if not last or any(re.search(r"(?<![\w’'-])" + re.escape(last) + r"(?![\w’'-])", text or "") for text in shown):
        return ""
    return speaker


def _capitalised(text: str) -> str:
    """A sentence that opens with a common word ("the Board of Elections ...") starts with a capital; one that
    opens with a name is left as the corpus spells it (an outlet called "nyt" or "iNews" stays so)."""
    first = text.split(" ", 1)[0]
    return text[0].upper() + text[1:] if first.lower() in ENGLISH_STOP_WORDS else text


class FindingsList:
    """The findings as Markdown bullets for a notebook cell (plain text escaped, so that no outlet name
    or quotation is read as Markdown or HTML)."""

    def __init__(self, findings: pd.DataFrame):
        self.findings = findings

    def _repr_markdown_(self) -> str:
        def escaped(text: str) -> str:
            text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            return MARKDOWN_SPECIAL.sub(r"\\\1", text)
        return "\n".join(f"- {escaped(text)}" for text in self.findings["finding"])

    def __repr__(self) -> str:
        return "\n".join(f"- {text}" for text in self.findings["finding"])


def show_findings(findings: pd.DataFrame) -> FindingsList:
    """Save `findings` as the run's `findings` table (`research.save_table`) and return them for display
    as Markdown bullets: the last line of a notebook's Findings cell."""
    save_table(findings, "findings")
    return FindingsList(findings)


def names(items) -> str:
    """"A", "A and B", "A, B and C"."""
    items = [str(item) for item in items]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def possessive(name: str) -> str:
    """"AP's", "Reuters'"."""
    return f"{name}'" if name.endswith("s") else f"{name}'s"


def count(n: int, noun: str, plural: str | None = None) -> str:
    """"1 article", "3 articles" ("1 story", "2 stories" with `plural`)."""
    return f"{n:,} {noun if n == 1 else (plural or noun + 's')}"


def quoted(text: str, words: int = 14) -> str:
    """A label or sentence in quotation marks, cut to `words` words ("..." where cut)."""
    parts = str(text).strip(QUOTES + " ").split()
    cut = " ".join(parts[:words]).strip(QUOTES + " ") + (" ..." if len(parts) > words else "")
    return f"\u201c{cut}\u201d"


def day(value: str) -> str:
    """A publication value or ISO date as "23 October 2024" ("" when it does not parse)."""
    parsed = reference_date(value)
    return f"{parsed.day} {parsed:%B %Y}" if parsed else ""


def body_ids(passages: pd.DataFrame) -> list[str]:
    """The articles with at least one body passage, sorted."""
    body = passages[passages["role"] == "body"] if "role" in passages else passages
    return sorted(body["article_id"].astype(str).unique())


def too_few(articles: pd.DataFrame, passages: pd.DataFrame, what: str, by_outlet: bool = True) -> str:
    """The one line a comparison gives instead of results when fewer than two articles (or outlets)
    have body text; "" when there are enough."""
    labels = outlet_labels(articles)
    ids = body_ids(passages)
    outlets = sorted({str(articles.set_index("article_id")["outlet"].get(i, "") or i) for i in ids}) \
        if by_outlet and "outlet" in articles else [labels.get(i, i) for i in ids]
    if len(outlets) >= 2:
        return ""
    if not ids:
        return f"No article has body text, so there is nothing to compare: {what} needs two."
    if len(ids) == 1:
        return f"Only one article has body text ({labels.get(ids[0], ids[0])}): {what} needs two."
    return f"Only one outlet has body text ({outlets[0]}, {count(len(ids), 'article')}): {what} needs two outlets."


__all__ = ["FINDING_COLUMNS", "FindingsList", "body_ids", "count", "day", "finding", "findings_table", "names",
           "outlet_labels", "percent", "possessive", "quoted", "show_findings", "too_few"]
