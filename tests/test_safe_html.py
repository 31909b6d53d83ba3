"""Safe HTML (issue 9, item 4): every HTML the package renders shows article text as text.

The HTML builders are `research.render` (side by side, highlighted words), `claims.conflicts_html`,
the report's index page and its notebook pages (nbconvert of notebooks whose outputs come from
those builders and from pandas, which escapes cells). Each test parses the output with
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
from research.report.render import conflicts_html

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
    markup = render.highlight_shared(text, other)
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
    page = Page(render.side_by_side(spans, labels))
    assert_inert(page, {"style", "table", "tr", "th", "td", "mark"})
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
    assert_inert(page, {"table", "thead", "tbody", "tr", "th", "td", "b", "mark"})
    assert page.rows == [[5, 5, 5]]


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
    assert_inert(index, {"html", "head", "meta", "title", "style", "body", "h1", "h2", "p", "a", "ul", "ol", "li",
                         "strong", "br", "table", "thead", "tbody", "tr", "th", "td", "code"},
                 shown=[HOSTILE[0], HOSTILE[3], HOSTILE[4], f"ValueError: {HOSTILE[0]}",  # headline, outlets, error
                        "<img src=x onerror=alert(3)>.txt: skipped, the file is empty"])
    assert all(len(set(table)) == 1 for table in index.rows)  # every row has the header's number of cells

    page = Page((tmp_path / "out" / "01-hostile.html").read_text(encoding="utf-8"))
    assert page.handlers() == []  # nbconvert's own scripts are there; none comes from the articles
    assert not any("pwned" in script or "alert(" in script for script in page.scripts)
    assert not any(tag == "img" for tag, _, _ in page.attributes) and "img" not in page.tags
    for hostile in HOSTILE:
        assert hostile in page.visible, hostile
    assert Path(tmp_path / "out" / "01-hostile.ipynb").is_file()
