"""The report's pages: the front page (index.html), each executed notebook as a page for readers, and
per analysed event the outlets side by side (`research.report.outlets`) and the term explorer
(`research.report.explorer`).

`write_pages` writes everything but the notebook pages after the notebooks have
run; `notebook_page` turns one executed notebook into a page without code or
prompts. Every text taken from the corpus or a run goes through `html.escape`.
"""

from __future__ import annotations

import html
import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath

import nbformat
import pandas as pd
from nbconvert import HTMLExporter

from research.report import charts
from research.report.explorer import terms_page
from research.report.layout import STYLE, and_list, document, link, nav_bar, reader_table, when
from research.report.outlets import outlet_profiles, outlets_page, outlets_summary
from research.report.saved import EventRun
from research.story.events import DATE_WINDOW_HOURS, WINDOW_HOURS

# How the stories of a corpus were told apart (`research.story.events`), under the stories table of the index.
GROUPING_NOTE = (f"Articles are one story when their headlines and body words are alike and they were published "
                 f"within {WINDOW_HOURS:g} h of each other (at most {int(DATE_WINDOW_HOURS // 24) + 1} calendar "
                 "days apart when a date has no time of day); an article without a date is grouped on its words "
                 "alone.")

# nbconvert's JupyterLab page with the reader's frame: no scripts (no MathJax: "$1M ... $1B" stays text),
# the page's own stylesheet, a navigation bar and contents at the top, a pager at the bottom.
READER_TEMPLATE = """{%- extends 'index.html.j2' -%}
{%- block html_head_js -%}{%- endblock html_head_js -%}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
{%- block html_head_css -%}<style>{{ resources.reader_css }}</style>{%- endblock html_head_css -%}
{%- block body_header -%}
<body class="jp-Notebook" data-jp-theme-light="true" data-jp-theme-name="JupyterLab Light">
{{ resources.reader_top }}
<main>
{%- endblock body_header -%}
{% block body_footer %}{{ resources.reader_bottom }}{{ super() }}{% endblock body_footer %}
{% block rawcell scoped %}{%- if cell.metadata.get('reader_contents') -%}{{ resources.contents_mark }}{%- else -%}\
{{ super() }}{%- endif -%}{% endblock rawcell %}
"""
NOTEBOOK_CSS = STYLE + """
main{max-width:72rem;margin:0 auto;padding:0 1.5rem 3rem}
body.jp-Notebook{padding:0}
.jp-Cell{padding-left:0;padding-right:0}
.jp-CodeCell.jp-mod-noInput.jp-mod-noOutputs{display:none}
.jp-RenderedHTMLCommon table{margin-left:0}
main .jp-OutputArea-output.jp-RenderedHTMLCommon td,main .jp-OutputArea-output.jp-RenderedHTMLCommon th{
 text-align:left;vertical-align:top}
.jp-RenderedHTMLCommon h1{font-size:2rem}
.jp-RenderedHTMLCommon h2{border-top:2px solid #1d1d1f;padding-top:.6rem;margin-top:2.5rem}
.jp-RenderedImage img{max-width:100%;height:auto}
"""
CONTENTS_MARK = "<!-- contents -->"


class _Headings(HTMLParser):
    """The level-2 headings of a page: (id, text)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str]] = []
        self._open: str | None = None
        self._text: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag == "h2":
            self._open, self._text = dict(attrs).get("id") or "", []
        elif tag == "a" and self._open is not None and ("class", "anchor-link") in attrs:
            self._skip += 1

    def handle_endtag(self, tag):
        if tag == "a" and self._skip:
            self._skip -= 1
        elif tag == "h2" and self._open is not None:
            if self._open:
                self.found.append((self._open, "".join(self._text).strip()))
            self._open = None

    def handle_data(self, data):
        if self._open is not None and not self._skip:
            self._text.append(data)


def notebook_page(notebook: nbformat.NotebookNode, title: str = "", *, index: str = "index.html",
                  previous: tuple[str, str] | None = None, following: tuple[str, str] | None = None,
                  source: str = "") -> str:
    """An executed notebook as a page for readers: its markdown and outputs, no code, no prompts.

    `title`: the page's <title> (the notebook's first heading); `index`: href of the report's front
    page; `previous`, `following`: (href, title) of the neighbouring notebooks, None at either end;
    `source`: href of the executed .ipynb beside the page. The page opens with a navigation bar and
    the contents (its level-2 headings, so an "Appendix: checks" section comes last) and ends with
    links to the previous and next notebooks.
    """
    e = html.escape
    links = [(index, "Report index")] + ([(source, "Notebook (.ipynb)")] if source else [])
    top = nav_bar(links)
    pager = "".join([
        f"<a rel='prev' href='{e(previous[0])}'>← {e(previous[1])}</a>" if previous else "<span></span>",
        f"<a href='{e(index)}'>Report index</a>",
        f"<a rel='next' href='{e(following[0])}'>{e(following[1])} →</a>" if following else "<span></span>"])
    exporter = HTMLExporter(template_name="lab", raw_template=READER_TEMPLATE, exclude_input=True,
                            exclude_input_prompt=True, exclude_output_prompt=True)
    resources = {"metadata": {"name": title or "Notebook"}, "reader_css": NOTEBOOK_CSS, "reader_top": top,
                 "contents_mark": CONTENTS_MARK,
                 "reader_bottom": f"<nav class='pager'>{pager}</nav>"}
    notebook = nbformat.from_dict(notebook)  # a copy: the contents go after the cell of the first heading
    opening = next((i for i, c in enumerate(notebook.cells) if c.cell_type == "markdown"
                    and any(line.startswith("# ") for line in c.source.splitlines())), -1)
    notebook.cells.insert(opening + 1, nbformat.v4.new_raw_cell("", metadata={"reader_contents": True}))
    body, _ = exporter.from_notebook_node(notebook, resources=resources)
    headings = _Headings()
    headings.feed(body)
    contents = "".join(f"<li><a href='#{e(anchor, quote=True)}'>{e(text)}</a></li>"
                       for anchor, text in headings.found)
    return body.replace(CONTENTS_MARK, f"<nav class='contents'><strong>Contents</strong><ul>{contents}</ul></nav>"
                        if contents else "", 1)


def _stories(listing: pd.DataFrame, analysed: dict[str, str], min_articles: int) -> pd.DataFrame:
    """One row per event, largest first: number, label, articles, outlets (their names), outlet_count, first
    and last publication, and a link to its section or why it was not analysed."""
    rows, outlets = [], {}
    for (event_id, label), group in listing.groupby(["event_id", "event_label"], sort=False):
        dates = sorted(d for d in group["published"] if d)
        names = sorted(group["outlet"].where(group["outlet"] != "", group["article_id"]).unique())
        first, last = (when(dates[0][:10]), when(dates[-1][:10])) if dates else ("", "")
        outlets[event_id] = len(names)
        rows.append({"event_id": event_id, "label": label, "articles": len(group), "outlets": ", ".join(names),
                     "outlet_count": len(names), "published": first if first == last else f"{first} – {last}"})
    table = pd.DataFrame(rows).sort_values(["articles", "event_id"], ascending=[False, True], ignore_index=True)
    table["number"] = range(1, len(table) + 1)
    table["analysis"] = [
        link(f"#{analysed[e]}", "findings\u00a0↓") if e in analysed else
        html.escape(f"not analysed: fewer than {min_articles} articles" if n < min_articles else
                    "not analysed: one outlet" if outlets[e] < 2 else "not analysed: another story was named")
        for e, n in zip(table["event_id"], table["articles"])]
    return table


def _story_tables(stories: pd.DataFrame) -> str:
    """The stories told by two outlets or more in a table; those told by one outlet folded away beneath it."""
    columns = [("number", "#", "number"), ("label", "Story", "long"), ("outlets", "Outlets", "text"),
               ("articles", "Articles", "number"), ("published", "Published", "date"),
               ("analysis", "Analysis", "html")]
    shared, lone = stories[stories["outlet_count"] >= 2], stories[stories["outlet_count"] < 2]
    tables = reader_table(shared, columns) if len(shared) else "<p>No story was told by two outlets or more.</p>"
    if len(lone):
        tables += (f"<details><summary>{len(lone)} stor{'ies' if len(lone) > 1 else 'y'} told by one outlet only "
                   "(nothing to compare)</summary>" + reader_table(lone, columns) + "</details>")
    return tables


def _matrix(listing: pd.DataFrame, stories: pd.DataFrame, limit: int = 30) -> str:
    """Outlet x story for the stories of two outlets or more: who covered what, and which outlets missed
    which stories (the blind spots). Outlets that told none of them are named under the matrix."""
    shared = stories[stories["outlet_count"] >= 2]
    if shared.empty:
        return "<p>No story was told by two outlets or more: there is nothing to compare across outlets.</p>"
    shown = shared.head(limit)
    names = listing["outlet"].where(listing["outlet"] != "", listing["article_id"])
    counts = pd.crosstab(names, listing["event_id"]).reindex(columns=shown["event_id"], fill_value=0)
    covered = (counts > 0).sum(axis=1)
    order = sorted(covered.index[covered > 0], key=lambda o: (-covered[o], o))
    alone = sorted(covered.index[covered == 0])
    head = "".join(f"<th title='{html.escape(label, quote=True)}'>{n}</th>"
                   for n, label in zip(shown["number"], shown["label"]))
    rows = []
    for outlet in order:
        cells = "".join("<td class='yes'>●</td>" if counts.loc[outlet, e] == 1 else
                        f"<td class='yes'>{counts.loc[outlet, e]}</td>" if counts.loc[outlet, e] else
                        "<td class='no'>–</td>" for e in shown["event_id"])
        rows.append(f"<tr><td class='label'>{html.escape(outlet)}</td>{cells}"
                    f"<td class='label'>{covered[outlet]} of {len(shown)}</td></tr>")
    per_story = "".join(f"<td>{int((counts[e] > 0).sum())}</td>" for e in shown["event_id"])
    rows.append(f"<tr class='total'><td class='label'>Outlets covering it</td>{per_story}<td></td></tr>")
    everywhere = int((covered == len(shown)).sum())
    once = int((covered == 1).sum())
    lead = (f"<p>{everywhere} of {len(order)} outlets covered every story shown here; {once} covered only one. "
            "Columns are the stories told by two outlets or more, numbered as above. A dot marks a story the outlet "
            "covered (a number, how many of its articles told it); a dash, one it did not cover in this corpus: a "
            "blind spot, or a gap in the collection.</p>")
    more = (f"<p class='note'>The {len(shown)} largest of {len(shared)} stories told by two outlets or more are "
            "shown; articles.csv lists them all.</p>") if len(shared) > limit else ""
    lone = (f"<p class='note'>Not in the matrix: {len(alone)} outlet{'s' if len(alone) > 1 else ''} whose "
            f"articles tell only stories no other outlet told here ({html.escape(and_list(alone))}).</p>"
            if alone else "")
    return (lead + f"<div class='table-wrap'><table class='matrix'><thead><tr><th class='label'>Outlet</th>{head}"
            f"<th class='label'>Stories</th></tr></thead><tbody>{''.join(rows)}</tbody></table></div>" + more + lone)


def _at(path: str, base: str) -> str:
    """`path` (relative to the report folder) as seen from a page in the folder `base` ("" the report's)."""
    return posixpath.relpath(path, base) if base else path


def _findings(event: EventRun, base: str = "", draw: bool = True) -> str:
    """The findings of each notebook run of `event`; with `draw`, a chart of the first finding of each that
    has one (written to the event's `charts/`). Links are relative to a page in the folder `base`."""
    parts, silent = [], []
    for run in event.runs.itertuples():
        stem = PurePosixPath(run.notebook).stem
        findings = event.table("findings", stem)
        page = link(_at(run.html, base), run.title) if run.html else html.escape(run.title)
        heading = f"<h3>{page}</h3>"
        if run.status != "ok":
            parts.append(f"<div class='finding-block'>{heading}<p class='alert'>This analysis failed, so its "
                         f"findings are missing: {html.escape(run.error)}</p></div>")
            continue
        if findings is None or findings.empty:
            silent.append(page)
            continue
        items, figure = [], ""
        for finding, name in zip(findings.sort_values("order")["finding"], findings.sort_values("order")["figure"]):
            path = (event.table_path(name, stem) or event.table_path(name)) if name else ""  # its own table first
            data = f" <span class='muted'>(data: {link(_at(path, base), PurePosixPath(path).name)})</span>" if path else ""
            items.append(f"<li>{html.escape(finding)}{data}</li>")
            if draw and not figure and path and name in charts.CHARTS:
                target = event.href(f"charts/{stem}-{name}.svg")
                note = charts.draw(name, event.table(name, PurePosixPath(path).parent.name), event.out_dir / target,
                                   finding)
                if note is not None:
                    more = f"; more on the page {page}" if run.html else ""
                    figure = (f"<figure><img src='{html.escape(_at(target, base))}' "
                              f"alt='{html.escape(finding, quote=True)}'><figcaption>"
                              f"{html.escape(note + ' ' if note else '')}Chart of "
                              f"{link(_at(path, base), PurePosixPath(path).name)}{more}.</figcaption></figure>")
        parts.append(f"<div class='finding-block'>{heading}<ul class='findings'>{''.join(items)}</ul>{figure}</div>")
    if silent:
        parts.append(f"<p class='note'>No findings table from {and_list(silent)}: {'its' if len(silent) == 1 else 'their'} "
                     "findings close the notebook's page.</p>")
    return "".join(parts)


def _analyses(event: EventRun, base: str = "") -> str:
    """The notebooks of an event: title (linked), status, the CSV tables it saved (folded)."""
    items = []
    for run in event.runs.itertuples():
        title = link(_at(run.html, base), run.title) if run.html else html.escape(run.title)
        status = "" if run.status == "ok" else f" <strong>failed</strong>: {html.escape(run.error)}"
        tables = ", ".join(link(_at(p, base), PurePosixPath(p).stem) for p in run.table_paths)
        folded = f"<details><summary>{len(run.table_paths)} tables (CSV)</summary>{tables}</details>" if tables else ""
        items.append(f"<li>{title}{status}{folded}</li>")
    return f"<ol>{''.join(items)}</ol>"


def _articles(listing: pd.DataFrame, several: bool, numbers: dict[str, int]) -> str:
    frame = listing.assign(
        name=listing["outlet"].where(listing["outlet"] != "", listing["article_id"]),
        title=[link(u, h or "(no headline)") if u else html.escape(h or "(no headline)")
               for u, h in zip(listing["url"], listing["headline"])],
        story=listing["event_id"].map(numbers))
    frame = frame.sort_values(["story", "name", "published"] if several else ["name", "published"])
    columns = ([("story", "Story", "number")] if several else []) + [
        ("name", "Outlet", "text"), ("title", "Headline", "html"), ("published", "Published", "date"),
        ("source", "File", "text")]
    table = reader_table(frame, columns)
    if len(frame) > 30:
        return f"<details><summary>All {len(frame)} articles</summary>{table}</details>"
    return table


def _alerts(runs: pd.DataFrame, notes: list[str], numbers: dict[str, int]) -> str:
    parts = []
    failed = runs[runs["status"] != "ok"]
    if len(failed):
        items = "".join(f"<li>{html.escape(short_title(r.title))}"
                        + (f" on story {numbers[r.event_id]}" if runs["event_id"].nunique() > 1
                           else "") + f": {html.escape(r.error)}</li>" for r in failed.itertuples())
        parts.append(f"<div class='alert'><h2>{len(failed)} of {len(runs)} analyses failed</h2>"
                     f"<p>Their findings are missing below; the page of each shows where it stopped.</p>"
                     f"<ul>{items}</ul></div>")
    if notes:
        shown = "".join(f"<li>{html.escape(n)}</li>" for n in notes[:5])
        rest = "".join(f"<li>{html.escape(n)}</li>" for n in notes[5:])
        folded = f"<details><summary>{len(notes) - 5} more</summary><ul>{rest}</ul></details>" if rest else ""
        parts.append(f"<div class='caution'><h2>Notes on the input ({len(notes)})</h2><p>Loading and cleaning "
                     f"repaired or skipped the following; each note names the file or record.</p>"
                     f"<ul>{shown}</ul>{folded}</div>")
    return "".join(parts)


def short_title(title: str) -> str:
    """A notebook title up to its colon, for navigation: "04 · Claim timeline"."""
    return title.split(":", 1)[0].strip() or title


def _anchor(event_id: str) -> str:
    return "story-" + re.sub(r"[^A-Za-z0-9_-]+", "-", str(event_id))


def write_pages(out_dir: str | Path, corpus_name: str, listing: pd.DataFrame, events: pd.DataFrame,
                runs: pd.DataFrame, notes: list[str], min_articles: int) -> None:
    """Write the front page `index.html` and, per analysed event, `outlets.html`, `terms.html` (when the
    run saved distinctive terms) and `charts/*.svg` into the event's folder of `out_dir`; when there are
    several events, also the event's own front page `story.html` there (the index then shows each
    story's findings without charts and links to it).

    `listing`: one row per article (`article_id`, `event_id`, `event_label`, `analysed`, `source`,
    `outlet`, `headline`, `published`, `url`); `events`: `article_id`, `event_id`, `event_label`;
    `runs`: one row per notebook run (`event_id`, `event_label`, `notebook`, `title`, `status`, `error`,
    `html`, `table_paths`: paths relative to `out_dir`); `notes`: the loading warnings as text.
    """
    out_dir = Path(out_dir)
    listing = listing.fillna("").astype({"published": str, "url": str, "headline": str, "outlet": str})
    several = events["event_id"].nunique() > 1
    analysed = {e: _anchor(e) for e in dict.fromkeys(runs["event_id"])}
    stories = _stories(listing, analysed, min_articles)
    numbers = dict(zip(stories["event_id"], stories["number"]))
    sections = []
    for (event_id, label), group in runs.groupby(["event_id", "event_label"], sort=False):
        event = EventRun.of(out_dir, event_id, label, group)
        members = listing[listing["event_id"] == event_id]
        explorer = _event_pages(event, members, several)
        profiles = outlet_profiles(event, members)
        words = f"<p>{link(event.href('terms.html'), 'Explore the words that set each outlet apart →')}</p>"
        if several:  # the story's own page has the charts and the analyses; the index, its findings
            sections.append(
                f"<h2 id='{analysed[event_id]}'>Story {numbers[event_id]}: {html.escape(label)}</h2>"
                f"<p class='dek'>{_dek(members)}</p>"
                f"<p>{link(event.href('story.html'), 'The story page: findings with charts, the analyses →')}</p>"
                "<h3>Key findings</h3>" + _findings(event, draw=False) + "<h3>The outlets side by side</h3>"
                + outlets_summary(profiles, event.href("outlets.html")) + (words if explorer else "")
                + "<p class='note'>The analyses: " + " · ".join(
                    link(r.html, short_title(r.title)) + ("" if r.status == "ok" else " (failed)")
                    for r in group.itertuples() if r.html) + "</p>")
            story = (f"<h1>Story {numbers[event_id]}: {html.escape(label)}</h1><p class='dek'>{_dek(members)}</p>"
                     + _alerts(group, [], numbers) + "<h2>Key findings</h2>" + _findings(event, event.folder)
                     + "<h2>The outlets side by side</h2>" + outlets_summary(profiles, "outlets.html")
                     + (f"<p>{link('terms.html', 'Explore the words that set each outlet apart →')}</p>"
                        if explorer else "") + "<h2>The analyses</h2>" + _analyses(event, event.folder))
            (out_dir / event.href("story.html")).write_text(
                document(f"Story {numbers[event_id]}: {label}", story, _nav(event, explorer, several, "Story")),
                encoding="utf-8")
        else:
            sections.append(
                f"<h2 id='{analysed[event_id]}'>Key findings</h2>" + _findings(event)
                + "<h2>The outlets side by side</h2>" + outlets_summary(profiles, event.href("outlets.html"))
                + (words if explorer else "") + "<h2>The analyses</h2>" + _analyses(event))
    if several:
        title = f"How the outlets covered {len(stories)} stories: {corpus_name}"
        dek = (f"{len(listing)} articles from {listing['outlet'].replace('', pd.NA).nunique()} outlets, "
               f"{_dates(listing)}, grouped into {len(stories)} stories; {len(analysed)} analysed.")
        overview = ("<h2>The stories</h2>" + _story_tables(stories) + f"<p class='note'>{GROUPING_NOTE}</p>"
                    + "<h2>Who covered what</h2>" + _matrix(listing, stories))
    else:
        title = f"How {_count_outlets(listing)} covered: {runs['event_label'].iloc[0] if len(runs) else corpus_name}"
        dek, overview = _dek(listing) + f" Corpus: {html.escape(corpus_name)}.", ""
    body = (f"<h1>{html.escape(title)}</h1><p class='dek'>{dek if not several else html.escape(dek)}</p>"
            + _alerts(runs, notes, numbers) + overview + "".join(sections)
            + "<h2>The articles</h2>" + _articles(listing, several, numbers)
            + "<footer>Every finding on this page is computed from the tables of this run. "
              f"{link('articles.csv', 'articles.csv')} lists the articles with their files and stories; "
              f"{link('runs.csv', 'runs.csv')} the notebook runs; {link('kernel.log', 'kernel.log')} what "
              "the notebooks printed outside their pages.</footer>")
    (out_dir / "index.html").write_text(document(title, body), encoding="utf-8")


def _nav(event: EventRun, explorer: bool, several: bool, here: str) -> str:
    """The navigation bar of an event's pages (links relative to its folder)."""
    up = "../" * len(PurePosixPath(event.folder).parts) if event.folder else ""
    links = [(f"{up}index.html", "Report index")] + ([("story.html", "Story")] if several else [])
    links += [("outlets.html", "Outlets side by side")] + ([("terms.html", "Distinctive words")] if explorer else [])
    links += [(PurePosixPath(r.html).name, short_title(r.title)) for r in event.runs.itertuples() if r.html]
    return nav_bar(links, here)


def _event_pages(event: EventRun, members: pd.DataFrame, several: bool) -> bool:
    """Write the outlets page and (when the run saved distinctive terms) the term explorer of `event`;
    return whether the explorer was written."""
    terms = event.table("distinctive_terms")
    explorer = terms is not None and not terms.empty
    folder = event.out_dir / event.folder
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "outlets.html").write_text(outlets_page(event, members, _nav(event, explorer, several, "Outlets side by side"),
                                                      "terms.html" if explorer else ""), encoding="utf-8")
    if explorer:
        (folder / "terms.html").write_text(terms_page(event, _nav(event, explorer, several, "Distinctive words")),
                                           encoding="utf-8")
    return explorer


def _count_outlets(listing: pd.DataFrame) -> str:
    count = listing["outlet"].where(listing["outlet"] != "", listing["article_id"]).nunique()
    return f"{count} outlet{'s' if count != 1 else ''}"


def _dates(listing: pd.DataFrame) -> str:
    dates = sorted(d for d in listing["published"] if d)
    if not dates:
        return "no publication dates"
    first, last = when(dates[0][:10]), when(dates[-1][:10])
    return f"published {first}" if first == last else f"published {first} to {last}"


def _dek(members: pd.DataFrame) -> str:
    """One escaped line: how many articles from which outlets, when."""
    names = sorted(members["outlet"].where(members["outlet"] != "", members["article_id"]).unique())
    return html.escape(f"{len(members)} article{'s' if len(members) != 1 else ''} from {and_list(names)}, "
                       f"{_dates(members)}.")
