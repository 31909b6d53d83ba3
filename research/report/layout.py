"""The look of the report's own pages: one stylesheet, the page frame, navigation and reader tables.

Reader tables show text left-aligned and numbers right-aligned, no index
column, shares as percentages, dates as "23 Oct 2024, 13:35 UTC" on one line.
Every text passed in is escaped with `html.escape`, except cells of kind
"html", which the report's own page builders fill with markup they escaped
themselves (links, marks).
"""

from __future__ import annotations

import html
import math
from collections.abc import Sequence
from datetime import datetime

import pandas as pd

from research.text.dates import parse_published

STYLE = """
:root{--ink:#1d1d1f;--muted:#5f6368;--rule:#d9d9de;--accent:#0b5cad;--mark:#ffe08a;--soft:#f4f5f7}
*{box-sizing:border-box}
body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--ink);
 margin:0;background:#fff}
main{max-width:68rem;margin:0 auto;padding:1.5rem 1.5rem 4rem}
h1{font-size:2rem;line-height:1.2;margin:.5rem 0 .5rem}
h2{font-size:1.45rem;margin:2.5rem 0 .6rem;padding-top:.6rem;border-top:2px solid var(--ink)}
h3{font-size:1.15rem;margin:1.6rem 0 .4rem}
p,li{max-width:46rem}
a{color:var(--accent)}
.dek{font-size:1.15rem;color:var(--muted);margin-top:0}
.muted,.note{color:var(--muted)}
.note{font-size:.9rem}
nav.site{font-size:.9rem;border-bottom:1px solid var(--rule);padding:.5rem 1.5rem;display:flex;flex-wrap:wrap;
 gap:.4rem 1.2rem;background:var(--soft)}
nav.site a{text-decoration:none}
nav.site .here{font-weight:600}
nav.pager{display:flex;justify-content:space-between;gap:1rem;margin-top:3rem;padding-top:1rem;
 border-top:1px solid var(--rule);font-size:.95rem}
.contents{font-size:.95rem;background:var(--soft);padding:.6rem 1rem;border-radius:4px;max-width:46rem}
.contents ul{margin:.3rem 0;padding-left:1.2rem}
.alert{border-left:4px solid #c5221f;background:#fce8e6;padding:.6rem 1rem;margin:1rem 0;max-width:46rem}
.caution{border-left:4px solid #e37400;background:#fef7e0;padding:.6rem 1rem;margin:1rem 0;max-width:46rem}
.alert h2,.caution h2{border:0;margin:0 0 .3rem;padding:0;font-size:1.1rem}
.findings li{margin:.35rem 0}
.finding-block{margin:1.2rem 0 2rem}
figure{margin:1rem 0}
figure img{max-width:100%;height:auto;display:block}
figure{max-width:52rem}
figcaption{font-size:.85rem;color:var(--muted)}
.table-wrap{overflow-x:auto;margin:.6rem 0 1rem}
table.reader{border-collapse:collapse;font-size:.92rem}
table.reader th,table.reader td{text-align:left;vertical-align:top;padding:.35rem .7rem .35rem 0;
 border-bottom:1px solid var(--rule)}
table.reader th{font-weight:600}
table.reader thead th{border-bottom:2px solid var(--ink)}
table.reader ul{padding-left:1.1rem;margin:.3rem 0}
table.reader td.num,table.reader th.num{text-align:right;font-variant-numeric:tabular-nums;padding-left:.7rem}
table.reader td.date{white-space:nowrap}
table.reader td.long{min-width:18rem;max-width:34rem}
table.reader td:first-child:not(.num){min-width:6rem}
table.side{width:100%;table-layout:fixed}
table.side th[scope=row]{width:9rem;color:var(--muted);font-weight:600}
table.matrix td,table.matrix th{text-align:center;padding:.3rem .5rem;border-bottom:1px solid var(--rule)}
table.matrix th.label,table.matrix td.label{text-align:left}
table.matrix td.yes{color:#1a7f37;font-weight:700}
table.matrix td.no{color:#9aa0a6}
table.matrix tr.total td{font-weight:600;border-top:2px solid var(--ink)}
mark{background:var(--mark);padding:0 .1em}
.tag{display:inline-block;font-size:.8rem;border:1px solid var(--rule);border-radius:3px;padding:0 .35rem;
 color:var(--muted);white-space:nowrap}
details>summary{cursor:pointer;color:var(--accent)}
blockquote.context{margin:.3rem 0 .6rem;padding-left:.8rem;border-left:3px solid var(--rule);max-width:46rem}
.terms a{white-space:nowrap}
footer{margin-top:3rem;font-size:.85rem;color:var(--muted)}
"""


def document(title: str, body: str, nav: str = "") -> str:
    """A standalone page: `title` (escaped here) in <title>, `nav` above and `body` inside <main>."""
    return (f"<!doctype html>\n<html lang='en'><head><meta charset='utf-8'>"
            f"<meta name='viewport' content='width=device-width, initial-scale=1'>"
            f"<title>{html.escape(title)}</title><style>{STYLE}</style></head>\n<body>\n{nav}\n<main>\n{body}\n"
            f"</main>\n</body></html>\n")


def nav_bar(links: Sequence[tuple[str, str]], here: str = "") -> str:
    """A row of links (href, label) at the top of a page; the link whose label is `here` is marked."""
    items = [f"<span class='here'>{html.escape(label)}</span>" if label == here else
             f"<a href='{html.escape(href)}'>{html.escape(label)}</a>" for href, label in links]
    return f"<nav class='site'>{''.join(items)}</nav>"


def percent(share) -> str:
    """A share in [0, 1] as a whole percentage ("11%", "<1%" for a small non-zero share, "" when missing)."""
    if share is None or (isinstance(share, float) and math.isnan(share)) or share is pd.NA:
        return ""
    share = float(share)
    if 0 < share < 0.005:
        return "<1%"
    return f"{share * 100:.0f}%"


def when(published) -> str:
    """An ISO 8601 `published` value as readers write it: "23 Oct 2024" or "23 Oct 2024, 13:35 UTC"
    ("UTC−4" for another offset, no zone when the value has none); other text is returned as given."""
    value = parse_published(published)
    if value is None:
        return "" if published is None or pd.isna(published) else str(published)
    day = f"{value.day} {value.strftime('%b %Y')}"
    if not isinstance(value, datetime):
        return day
    offset = value.utcoffset()
    if offset is None:
        zone = ""
    else:
        hours = offset.total_seconds() / 3600
        zone = " UTC" if hours == 0 else f" UTC{'+' if hours > 0 else '−'}{abs(hours):g}"
    return f"{day}, {value.strftime('%H:%M')}{zone}"


def _cell(value, kind: str) -> str:
    if kind == "html":
        return "" if value is None or (isinstance(value, float) and math.isnan(value)) else str(value)
    if kind == "percent":
        return percent(value)
    if kind == "date":
        return html.escape(when(value)) or "<span class='muted'>no date</span>"
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return ""
    if kind == "number":
        return f"{value:,.0f}" if isinstance(value, (int, float)) and float(value).is_integer() else \
            html.escape(f"{value:,.1f}" if isinstance(value, float) else str(value))
    return html.escape(str(value))


def reader_table(frame: pd.DataFrame, columns: Sequence[tuple[str, str, str]], caption: str = "") -> str:
    """`frame` as a reader table: one (column, header, kind) per shown column, in order.

    Kinds: "text" (escaped, left), "long" (escaped, a wide left column), "number" (right, thousands
    separated), "percent" (a share in [0, 1], right), "date" (an ISO 8601 value, on one line), "html"
    (markup the caller built and escaped). No index column; `caption` (escaped) above the table.
    """
    classes = {"number": "num", "percent": "num", "date": "date", "long": "long"}
    head = "".join(f"<th class='{classes.get(kind, '')}'>{html.escape(header)}</th>" for _, header, kind in columns)
    rows = []
    for record in frame.to_dict("records"):
        cells = "".join(f"<td class='{classes.get(kind, '')}'>{_cell(record.get(column), kind)}</td>"
                        for column, _, kind in columns)
        rows.append(f"<tr>{cells}</tr>")
    caption = f"<caption class='muted'>{html.escape(caption)}</caption>" if caption else ""
    return (f"<div class='table-wrap'><table class='reader'>{caption}<thead><tr>{head}</tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table></div>")


def link(href: str, label: str) -> str:
    """An escaped link."""
    return f"<a href='{html.escape(href)}'>{html.escape(label)}</a>"


def and_list(items: Sequence[str]) -> str:
    """Items as a phrase: "a", "a and b", "a, b and c" ("" for none)."""
    items = list(items)
    if len(items) < 2:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]
