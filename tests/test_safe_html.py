"""Safe HTML (issue 9, item 4): every HTML the package renders shows article text as text.

The HTML builders are `research.report.render` (side by side, marked words, conflicts), the
report's index, outlet and term pages and its notebook pages (nbconvert of notebooks whose outputs
come from those builders and from pandas, which escapes cells). Each test parses the output with
`html.parser` and checks that no element came from the articles (no script, no img, no event
handler attribute), that the tables keep their shape, and that the hostile text is visible, as text.
"""

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import nbformat
import pandas as pd
import pytest
from conftest import sentences
from hypothesis import example, given, settings
from hypothesis import strategies as st

import research
from research.report import build as report
from research.report import render
from research.report.explorer import terms_page
from research.report.outlets import outlets_page
from research.report.render import conflicts_html
from research.report.saved import EventRun

HOSTILE = ['<script>alert("pwned")</script>', "<img src=x onerror=alert(1)>", "</td></tr></table><b>broken",
           "Smith & Sons <i>unclosed", "\"quote' onmouseover=alert(2) x=\""]
PROSE = ("the defense secretary said there is evidence that North Korea has sent troops to Russia, "
         "calling it a very serious issue for the alliance")


class Page(HTMLParser):
    """The elements, attributes, visible text and table shapes of an HTML string."""

    def __init__(self, markup: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str, str | None]] = []
        self.text: list[str] = []
        self.scripts: list[str] = []
        self.rows: list[list[int]] = []  # per table: cells in each row
        self.open: list[str] = []
        self.feed(markup)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attributes += [(tag, name, value) for name, value in attrs]
        if tag == "table":
            self.rows.append([])
        elif tag == "tr" and self.rows:
            self.rows[-1].append(0)
        elif tag in ("td", "th") and self.rows and self.rows[-1]:
            self.rows[-1][-1] += 1
        self.open.append(tag)

    def handle_endtag(self, tag):
        if tag in self.open:
            del self.open[len(self.open) - 1 - self.open[::-1].index(tag):]

    def handle_data(self, data):
        (self.scripts if self.open and self.open[-1] == "script" else self.text).append(data)

    @property
    def visible(self) -> str:
        return "".join(self.text)

    def handlers(self) -> list:
        return [(tag, name) for tag, name, _ in self.attributes if name.lower().startswith("on")]


# The elements of the report's own pages (research.report.layout): none of them comes from an article.
PAGE_TAGS = {"html", "head", "meta", "title", "style", "body", "nav", "main", "span", "h1", "h2", "h3", "h4", "p",
             "a", "ul", "ol", "li", "strong", "div", "details", "summary", "table", "caption", "thead", "tbody", "tr",
             "th", "td", "footer", "figure", "figcaption", "section", "blockquote", "mark"}


def assert_inert(page: Page, allowed: set[str], shown: list[str] = HOSTILE) -> None:
    """No element but `allowed`, no event handler, the hostile strings `shown` visible as text."""
    assert set(page.tags) <= allowed, set(page.tags) - allowed
    assert page.handlers() == []
    for hostile in shown:
        assert hostile in page.visible, hostile


@settings(max_examples=200, deadline=None)
@example("what follows is hidden <!--", "hidden")  # markup after the last word
@given(st.text(max_size=80) | st.sampled_from(HOSTILE), st.text(max_size=40) | st.sampled_from(HOSTILE))
def test_highlighted_text_reads_back_as_the_same_text_with_only_marks(text, other):
    markup = render.highlight_differences(text, other)
    page = Page(markup)
    assert "<" not in re.sub(r"</?mark>", "", markup)  # no other markup, not even a comment opener
    assert set(page.tags) <= {"mark"}
    assert page.visible == text


def articles_with_markup() -> pd.DataFrame:
    texts = [f"Officials said {HOSTILE[0]} that {PROSE} {HOSTILE[1]}.\n\n{HOSTILE[2]} {HOSTILE[3]} came next.",
             f"Earlier {HOSTILE[4]}: {PROSE} {HOSTILE[1]}.\n\nThe reaction {HOSTILE[2]} followed."]
    return pd.DataFrame({"article_id": ["a", "b"], "outlet": [HOSTILE[3], HOSTILE[4]], "headline": "",
                         "published": "2024-10-23", "text": texts})


def test_side_by_side_keeps_its_table_and_shows_markup_as_text():
    articles = articles_with_markup()
    spans = research.align(sentences(articles), articles, roles=None, paraphrase_threshold=None)
    spans = pd.concat([spans, spans.assign(text_a=" ".join(HOSTILE), text_b=HOSTILE[2])], ignore_index=True)
    labels = dict(zip(articles["article_id"], articles["outlet"]))
    for shown in (None, articles):  # the spans alone, or within their whole sentences
        page = Page(render.side_by_side(spans, labels, articles=shown))
        assert_inert(page, {"style", "table", "tr", "th", "td", "mark", "span"})
        assert page.rows == [[2] * (2 * len(spans))]  # one table: a header row and a text row per span


def test_conflicts_table_keeps_its_shape_and_shows_markup_as_text():
    texts = [f"{HOSTILE[0]} Officials said 3,000 troops {HOSTILE[1]} crossed the border {HOSTILE[3]}.",
             f"Analysts said 9,000 troops {HOSTILE[2]} crossed the border {HOSTILE[4]}."]
    articles = pd.DataFrame({"article_id": ["a", "b"], "outlet": [HOSTILE[0], HOSTILE[2]], "text": texts})
    starts = [texts[0].index("3,000"), texts[1].index("9,000")]
    row = {"subject_key": HOSTILE[1], "asof_end": "2024-10-23", "conflict": HOSTILE[4]}
    for side, i in (("a", 0), ("b", 1)):
        row |= {f"outlet_{side}": articles["outlet"][i], f"article_id_{side}": articles["article_id"][i],
                f"start_{side}": starts[i], f"end_{side}": starts[i] + 5, f"figure_{side}": texts[i][starts[i]:starts[i] + 5],
                f"claimant_group_{side}": HOSTILE[3], f"text_{side}": texts[i]}
    page = Page(conflicts_html(pd.DataFrame([row, row]), articles))
    assert_inert(page, {"style", "table", "thead", "tbody", "tr", "th", "td", "b", "mark"})
    assert page.rows == [[4, 1, 4, 4]]  # the header, a heading for the subject, each passage once


def test_the_report_index_and_notebook_pages_show_markup_as_text(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    articles = articles_with_markup()
    (corpus / "feed.jsonl").write_text("".join(json.dumps({"id": row.article_id, "outlet": row.outlet,
                                                          "title": HOSTILE[0], "text": row.text}) + "\n"
                                               for row in articles.itertuples()), encoding="utf-8")
    (corpus / "<img src=x onerror=alert(3)>.txt").write_text("")  # an empty file: a loading note names it
    notebook = nbformat.v4.new_notebook()
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    notebook.cells = [
        nbformat.v4.new_markdown_cell("# Hostile <b>title</b>"),
        nbformat.v4.new_code_cell("CORPUS = None", metadata={"tags": ["parameters"]}),
        nbformat.v4.new_code_cell(
            "import research\nfrom IPython.display import HTML, display\nfrom research.report import render\n"
            "articles = research.load_articles(CORPUS)\n"
            "display(articles[['article_id', 'outlet', 'headline', 'text']])\n"
            "passages = research.split_passages(research.split_blocks(articles))\n"
            "spans = research.align(passages, articles, roles=None, paraphrase_threshold=None)\n"
            "display(HTML(render.side_by_side(spans, dict(zip(articles['article_id'], articles['outlet'])))))\n"
            "print(articles.loc[0, 'text'])\n"
            "raise ValueError(articles.loc[0, 'headline'])")]
    path = tmp_path / "01-hostile.ipynb"
    nbformat.write(notebook, path)
    with pytest.warns(research.CorpusWarning, match="skipped, the file is empty"):
        runs = report.build_report(corpus, tmp_path / "out", notebooks=[path])
    assert runs["status"].tolist() == ["failed"]  # the error message itself carries markup

    index = Page((tmp_path / "out" / "index.html").read_text(encoding="utf-8"))
    assert_inert(index, PAGE_TAGS, shown=[HOSTILE[0], HOSTILE[3], HOSTILE[4], f"ValueError: {HOSTILE[0]}",
                                          "<img src=x onerror=alert(3)>.txt: skipped, the file is empty"])
    assert all(len(set(table)) == 1 for table in index.rows)  # every row has the header's number of cells
    outlets = Page((tmp_path / "out" / "outlets.html").read_text(encoding="utf-8"))
    assert_inert(outlets, PAGE_TAGS, shown=[HOSTILE[0], HOSTILE[3], HOSTILE[4]])  # headline, outlet names

    page = Page((tmp_path / "out" / "01-hostile.html").read_text(encoding="utf-8"))
    assert page.handlers() == [] and "script" not in page.tags  # a reader's page runs no script at all
    assert not any(tag == "img" for tag, _, _ in page.attributes) and "img" not in page.tags
    for hostile in HOSTILE:
        assert hostile in page.visible, hostile
    assert Path(tmp_path / "out" / "01-hostile.ipynb").is_file()


def test_the_outlet_and_term_pages_show_markup_as_text(tmp_path):
    """Outlet names, headlines, ledes, element labels, terms and their passages all come from articles."""
    folder = tmp_path / "tables" / "05-framing"
    folder.mkdir(parents=True)
    outlets = [HOSTILE[3], HOSTILE[4]]
    tables = {
        "distinctive_terms": pd.DataFrame({"group": outlets, "term": ["script", HOSTILE[1]], "z": [3.0, 2.5],
                                           "count_group": [2, 1], "count_rest": [0, 0]}),
        "term_contexts": pd.DataFrame({"group": outlets, "term": ["script", HOSTILE[1]], "article_id": ["a", "b"],
                                       "outlet": outlets, "start": [0, 0], "end": [6, 6],
                                       "context": [HOSTILE[0], f"{HOSTILE[2]} {HOSTILE[1]}"]}),
        "headlines": pd.DataFrame({"article_id": ["a", "b"], "outlet": outlets, "headline": HOSTILE[:2],
                                   "actor": [HOSTILE[2], ""], "verb": ["says", ""], "certainty": ["attributed", "asserted"]}),
        "ledes": pd.DataFrame({"outlet": outlets, "article_id": ["a", "b"], "paragraph": [1, 1],
                               "text": [HOSTILE[4], HOSTILE[0]]}),
        "omissions": pd.DataFrame({"kind": ["only", "left out"], "outlet": outlets, "element_id": ["E1", "E2"],
                                   "label": [HOSTILE[1], HOSTILE[2]]}),
    }
    paths = []
    for name, table in tables.items():
        table.to_csv(folder / f"{name}.csv", index=False)
        paths.append(f"tables/05-framing/{name}.csv")
    runs = pd.DataFrame([{"notebook": "05-framing.ipynb", "title": HOSTILE[0], "status": "ok", "error": "",
                          "html": "", "table_paths": paths}])
    event = EventRun.of(tmp_path, "all", HOSTILE[2], runs)
    articles = pd.DataFrame({"article_id": ["a", "b"], "outlet": outlets, "headline": HOSTILE[:2],
                             "published": ["2024-10-23", HOSTILE[3]], "url": ["", ""]})
    page = Page(outlets_page(event, articles, "", "terms.html"))
    assert_inert(page, PAGE_TAGS)
    assert page.rows == [[3] * 8]  # a header and seven aspects, each with a cell per outlet
    terms = Page(terms_page(event, ""))
    assert_inert(terms, PAGE_TAGS, shown=[HOSTILE[0], HOSTILE[1], HOSTILE[2], HOSTILE[3], HOSTILE[4]])
