"""Tables for readers: what the notebooks show beside their charts, without the analysis internals.

`reader_table` turns an analysis table into a `ReaderTable`: chosen columns under
readable labels, shares as percentages, numbers rounded, no 0..N index, text
left-aligned and numbers right-aligned, dates that do not wrap. The analysis
tables themselves (with `start`, `end`, ids and raw shares) are what
`research.save_table` writes to CSV; only the view changes.

A `ReaderTable` displays as HTML (`_repr_html_`) and as plain text (`__repr__`,
the same rows), both built from the table's values only, so a notebook's stored
output is the same bytes on every run (a pandas `Styler` would not do: its plain
text is a memory address).
"""

from __future__ import annotations

import html
import math
import numbers
from datetime import datetime

import numpy as np
import pandas as pd

from research.text.dates import parse_published

NOWRAP = ("date", "published", "as of", "when")
# Columns of running text (a sentence, a passage) kept wide enough to read as text.
WIDE = ("sentence", "text", "passage")
# Words of a headline that tell two articles of one outlet apart in a label.
HEADLINE_WORDS = 5
TABLE_STYLE = "border-collapse:collapse;margin:0.5em 0"
CELL_STYLE = "padding:0.25em 0.6em;border-bottom:1px solid #ddd;vertical-align:top"


def outlet_labels(articles: pd.DataFrame) -> dict[str, str]:
    """article_id -> a readable name: the outlet; the article id where the outlet is missing; where an
    outlet has several articles, the outlet with the opening words of each one's headline ("Valley Post
    (“Storm cuts power in Calder”)"), or with its id when their headlines are missing or open alike."""
    ids = articles["article_id"].astype(str)
    names = articles["outlet"].fillna("").astype(str).str.strip() if "outlet" in articles \
        else pd.Series("", index=articles.index)
    names = names.where(names != "", ids)
    headlines = articles["headline"].fillna("").astype(str).map(_opening) if "headline" in articles \
        else pd.Series("", index=articles.index)
    repeated = names.duplicated(keep=False) & (names != ids)
    titled = names + " (“" + headlines + "”)"
    told_apart = (headlines != "") & ~titled.duplicated(keep=False)
    names = names.where(~repeated, titled.where(told_apart, names + " (" + ids + ")"))
    return dict(zip(ids, names))


def _opening(headline: str, words: int = HEADLINE_WORDS) -> str:
    """The first `words` words of a headline, "…" where cut."""
    parts = headline.split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")


def percent(share: float) -> str:
    """A share in [0, 1] as a whole percentage ("11%"); "<1%" for a share under half a percent
    that is not 0; "" for a missing value."""
    if share is None or (isinstance(share, float) and math.isnan(share)) or share is pd.NA:
        return ""
    if 0 < share < 0.005:
        return "<1%"
    return f"{share:.0%}"


def when(published: str) -> str:
    """A publication value as readers write it: "23 Oct 2024", "23 Oct 2024 06:55 (UTC-04:00)"; ""
    when empty, the value itself when it is not ISO 8601."""
    parsed = parse_published(published)
    if parsed is None:
        return str(published or "")
    if not isinstance(parsed, datetime):
        return f"{parsed.day} {parsed:%b %Y}"
    offset = parsed.strftime("%z")  # "-0400", "" when naive
    zone = "" if not offset else " (UTC)" if offset == "+0000" else f" (UTC{offset[:3]}:{offset[3:5]})"
    return f"{parsed.day} {parsed:%b %Y %H:%M}{zone}"


def in_context(sentence: str, figure: str, words: int = 8) -> str:
    """`figure` in its `sentence` with up to `words` words on either side ("..." where cut), so a reader
    can check what a figure counts and who says it; the sentence's opening words when the figure is not
    found in it. Whitespace is collapsed; a figure inside a word ("US$3") shows the whole word."""
    sentence, figure = " ".join(str(sentence).split()), " ".join(str(figure).split())
    start = sentence.find(figure) if figure else -1
    if start < 0:
        start = end = 0
    else:
        end = start + len(figure)
        while start > 0 and sentence[start - 1] != " ":
            start -= 1
        while end < len(sentence) and sentence[end] != " ":
            end += 1
    before, after = sentence[:start].split(), sentence[end:].split()
    head = ("... " if len(before) > words else "") + " ".join(before[-words:])
    tail = " ".join(after[:words]) + (" ..." if len(after) > words else "")
    return " ".join(part for part in (head, sentence[start:end], tail) if part)


def _cell(value, digits: int) -> str:
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, bool | np.bool_):
        return "yes" if value else "no"
    if isinstance(value, numbers.Integral):
        return f"{value:,}"
    if isinstance(value, numbers.Real):
        value = round(float(value), digits)
        return f"{value:,.0f}" if value.is_integer() else f"{value:,.{digits}f}".rstrip("0")
    return str(value)


class ReaderTable:
    """A table of strings for readers (see the module docstring); `frame` holds the shown text,
    `numeric` the columns right-aligned, `empty` the line shown when there are no rows."""

    def __init__(self, frame: pd.DataFrame, numeric: set[str], caption: str = "", empty: str = ""):
        self.frame = frame
        self.numeric = numeric
        self.caption = caption
        self.empty = empty

    def __len__(self) -> int:
        return len(self.frame)

    def _style(self, column: str) -> str:
        align = "right" if column in self.numeric else "left"
        wrap = ";white-space:nowrap" if any(word in column.lower() for word in NOWRAP) else \
            ";min-width:18em" if any(word in column.lower() for word in WIDE) else ""
        return f"text-align:{align};{CELL_STYLE}{wrap}"

    def _repr_html_(self) -> str:
        e = html.escape
        caption = f"<p><em>{e(self.caption)}</em></p>" if self.caption else ""
        if self.frame.empty:
            return caption + f"<p>{e(self.empty or 'No rows.')}</p>"
        head = "".join(f"<th style='{self._style(c)}'>{e(c)}</th>" for c in self.frame.columns)
        rows = "".join("<tr>" + "".join(f"<td style='{self._style(c)}'>{e(v)}</td>"
                                        for c, v in zip(self.frame.columns, row)) + "</tr>"
                       for row in self.frame.itertuples(index=False))
        return (f"{caption}<table class='reader-table' style='{TABLE_STYLE}'><thead><tr>{head}</tr></thead>"
                f"<tbody>{rows}</tbody></table>")

    def __repr__(self) -> str:
        caption = f"{self.caption}\n" if self.caption else ""
        if self.frame.empty:
            return caption + (self.empty or "No rows.")
        return caption + self.frame.to_string(index=False)


def reader_table(table: pd.DataFrame | pd.Series, columns: dict[str, str] | list[str] | None = None, *,
                 percent_columns=(), names: dict[str, str] | None = None, name_columns=(), digits: int = 2,
                 caption: str = "", empty: str = "") -> ReaderTable:
    """`table` as readers see it (module docstring).

    - `columns`: the columns to show, in order, as a list or as {column: label};
      default every column. A labelled index (anything but a plain 0..N
      index) becomes the first columns.
    - `percent_columns`: columns of shares in [0, 1], shown as "11%".
    - `names`, `name_columns`: ids replaced by readable names (e.g.
      `outlet_labels(articles)`) in those columns.
    - `digits`: decimals kept for other non-integer numbers.
    - `caption`: a line above the table; `empty`: the line shown when there
      are no rows (say why).
    """
    frame = table.to_frame() if isinstance(table, pd.Series) else table
    if not isinstance(frame.index, pd.RangeIndex) or frame.index.name is not None:
        frame = frame.reset_index()
    frame = frame.rename(columns=str)
    labels = dict(columns) if isinstance(columns, dict) else \
        {c: c for c in (frame.columns if columns is None else columns)}
    missing = [c for c in labels if c not in frame.columns]
    if missing:
        raise KeyError(f"reader_table: no column {', '.join(missing)}")
    shown = pd.DataFrame(index=range(len(frame)))
    numeric = set()
    for column, label in labels.items():
        values = frame[column].reset_index(drop=True)
        if column in name_columns and names is not None:
            values = values.map(lambda v: names.get(str(v), v) if isinstance(v, str) else v)
        if column in percent_columns:
            shown[label] = [percent(v) for v in values]
            numeric.add(label)
        else:
            if pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values):
                numeric.add(label)
            shown[label] = [_cell(v, digits) for v in values]
    return ReaderTable(shown, numeric, caption, empty)
