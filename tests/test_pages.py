"""The report's pages as readers see them: findings first, outlets side by side, a term explorer, notebook
pages without code, on the seeds and on a corpus of several stories."""

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote

import nbformat
import pandas as pd
import pytest
import run_tables

from research.corpus import datasets
from research.report import build as report
from research.report import charts, pages
from research.report.execute import notebook_paths, title_of
from research.report.explorer import mark_term
from research.report.outlets import term_anchor

ROOT = Path(__file__).resolve().parent.parent


class Page(HTMLParser):
    """Headings in order, links, ids, images, table cells and visible text of an HTML page."""

    def __init__(self, markup: str):
        super().__init__(convert_charrefs=True)
        self.headings: list[tuple[str, str]] = []  # (tag, text)
        self.links: list[str] = []
        self.ids: set[str] = set()
        self.images: list[dict] = []
        self.tags: list[str] = []
        self.text: list[str] = []
        self.title = ""
        self._heading: list[str] | None = None
        self._in: list[str] = []
        self.feed(markup)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append(tag)
        self._in.append(tag)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        if tag == "img":
            self.images.append(attrs)
        if tag in ("h1", "h2", "h3"):
            self._heading = []

    def handle_endtag(self, tag):
        if tag in ("h1", "h2", "h3") and self._heading is not None:
            self.headings.append((tag, " ".join("".join(self._heading).split())))
            self._heading = None
        if tag in self._in:
            del self._in[len(self._in) - 1 - self._in[::-1].index(tag):]

    def handle_data(self, data):
        if "title" in self._in:
            self.title += data
        if "style" in self._in or "script" in self._in:
            return
        self.text.append(data)
        if self._heading is not None:
            self._heading.append(data)

    @property
    def visible(self) -> str:
        return " ".join(" ".join(self.text).split())

    def h2(self) -> list[str]:
        return [text for tag, text in self.headings if tag == "h2"]


def read(path: Path) -> Page:
    return Page(path.read_text(encoding="utf-8"))


def assert_links_resolve(page: Page, folder: Path) -> None:
    """Every local link of a page points to a file that exists, or to an id on the page it names."""
    for href in page.links:
        if re.match(r"[a-z]+:", href):
            continue
        target, _, anchor = href.partition("#")
        if target:
            path = (folder / unquote(target)).resolve()
            assert path.is_file(), href
            if anchor and path.suffix == ".html":
                assert anchor in read(path).ids, href
        else:
            assert anchor in page.ids, href


def listing_of(articles: pd.DataFrame, events: pd.DataFrame) -> pd.DataFrame:
    listing = articles.merge(events, on="article_id").assign(analysed=True)
    listing["source"] = listing["path"].map(lambda p: Path(p).name) if "path" in listing else listing["article_id"]
    for column in ("url", "headline", "published", "outlet", "path"):
        if column not in listing:
            listing[column] = ""
    return listing[report.LISTING_COLUMNS]


def write_pages(out: Path, name: str, listing: pd.DataFrame, events, runs: pd.DataFrame, notes=()) -> None:
    """The pages of a report folder, with the files `build_report` writes beside them."""
    listing.to_csv(out / "articles.csv", index=False)
    runs[report.RUN_COLUMNS].to_csv(out / "runs.csv", index=False)
    (out / "kernel.log").write_text("")
    pages.write_pages(out, name, listing, events, runs, list(notes), 2)


@pytest.fixture(scope="module")
def seed_report(tmp_path_factory, seed_articles):
    """A report folder of the seeds with the tables the five notebooks save, and its pages."""
    out = tmp_path_factory.mktemp("seed-report")
    tables = run_tables.compute(seed_articles)
    events = pd.DataFrame({"article_id": seed_articles["article_id"], "event_id": "all",
                           "event_label": "North Korean troops in Russia"})
    runs = pd.DataFrame(run_tables.write(tables, out, out)).assign(event_id="all",
                                                                  event_label="North Korean troops in Russia")
    write_pages(out, "seeds", listing_of(seed_articles, events), events, runs)
    return out, tables


def test_the_front_page_opens_with_the_findings_then_the_outlets_then_the_analyses(seed_report, seed_articles):
    out, tables = seed_report
    index = read(out / "index.html")
    assert index.h2()[:3] == ["Key findings", "The outlets side by side", "The analyses"]
    assert index.headings[0][0] == "h1" and "5 outlets" in index.headings[0][1]
    shown = index.visible
    findings = [f for stem in run_tables.NOTEBOOKS for f in tables[stem]["findings"]["finding"]]
    positions = [shown.index(" ".join(f.split())) for f in findings]
    assert positions == sorted(positions)  # in notebook order, every one of them
    assert positions[0] < shown.index("The outlets side by side") < shown.index("The analyses")
    # one chart per notebook whose findings name a table with a chart, titled by its finding
    charted = set(charts.CHARTS)
    alts = [image["alt"] for image in index.images]
    for stem in run_tables.NOTEBOOKS:
        named = tables[stem]["findings"]
        first = named[named["figure"].isin(charted)]["finding"]
        assert len(first) and first.iloc[0] in alts  # every notebook's findings here name a chart
    for image in index.images:
        svg = (out / image["src"]).read_text(encoding="utf-8")
        assert svg.startswith("<?xml") and "<text" not in svg  # text drawn as paths: the same everywhere
        width = float(re.search(r'width="([\d.]+)pt"', svg).group(1))
        assert width >= 360  # at least 5 inches: shown at 480 CSS pixels or more
    assert_links_resolve(index, out)


def test_the_front_page_tables_are_for_readers(seed_report, seed_articles):
    out, _ = seed_report
    index = read(out / "index.html")
    section = index.visible.split("The outlets side by side", 1)[1].split("The analyses", 1)[0]
    for outlet in seed_articles["outlet"]:
        assert outlet in section
    assert not any(article_id in section for article_id in seed_articles["article_id"])  # names, not ids
    assert "23 Oct 2024, 13:35 UTC" in index.visible and "2024-10-23T13:35:02+00:00" not in index.visible
    assert re.search(r"\d%", section) and not re.search(r"\b0\.\d{2,}", section)  # shares as percentages
    markup = (out / "index.html").read_text(encoding="utf-8")
    assert "td.date{white-space:nowrap}" in markup and "<td class='date'>23 Oct 2024" in markup


def test_the_outlets_page_sets_each_outlet_beside_the_others(seed_report, seed_articles):
    out, tables = seed_report
    page = read(out / "outlets.html")
    assert page.title.startswith("The outlets side by side")
    rows = ["Headline", "Published", "Certainty", "Lede", "Voices", "Shared story", "Only here", "Left out",
            "Distinctive words"]
    markup = (out / "outlets.html").read_text(encoding="utf-8")
    assert re.findall(r"<th scope='row'>([^<]+)</th>", markup) == rows
    assert re.findall(r"<th scope='col'>([^<]+)</th>", markup) == sorted(seed_articles["outlet"])
    ledes = tables["03-story-elements"]["ledes"]
    for outlet, lede in ledes[ledes["paragraph"] == 1][["outlet", "text"]].itertuples(index=False):
        assert " ".join(lede.split()) in page.visible, outlet
    gaps = tables["03-story-elements"]["omissions"]
    for outlet, count in gaps[gaps["kind"] == "only"].groupby("outlet").size().items():
        assert f"{count} element{'s' if count > 1 else ''} no other outlet carried" in page.visible, outlet
    nyt_left = gaps[(gaps["kind"] == "left out") & (gaps["outlet"] == "NYT")]
    assert (f"{len(nyt_left)} elements every other outlet carried" if len(nyt_left) else
            "Nothing that every other outlet carried") in page.visible
    assert_links_resolve(page, out)


def test_the_term_explorer_links_every_term_to_its_passages(seed_report):
    out, tables = seed_report
    page = read(out / "terms.html")
    contexts = tables["05-framing"]["term_contexts"]
    terms = tables["05-framing"]["distinctive_terms"]
    markup = (out / "terms.html").read_text(encoding="utf-8")
    for group, term in terms[["group", "term"]].itertuples(index=False):
        anchor = term_anchor(group, term)
        assert f"#{anchor}" in page.links and anchor in page.ids
        section = markup.split(f"id='{anchor}'", 1)[1].split("<section", 1)[0]
        uses = contexts[(contexts["group"] == group) & (contexts["term"] == term)]
        for outlet, count in uses.groupby("outlet").size().items():
            assert f"<h4>{outlet} ({count})</h4>" in section
        assert section.count("<mark>") >= min(len(uses), run_tables_shown(uses))
    assert "more typical of this outlet than of the others" in page.visible
    assert_links_resolve(page, out)


def test_without_term_contexts_the_explorer_lists_the_terms_and_every_link_resolves(tmp_path, seed_report,
                                                                                     seed_articles):
    _, tables = seed_report
    tables = {stem: dict(named) for stem, named in tables.items()}
    del tables["05-framing"]["term_contexts"]
    events = pd.DataFrame({"article_id": seed_articles["article_id"], "event_id": "all", "event_label": "x"})
    runs = pd.DataFrame(run_tables.write(tables, tmp_path, tmp_path)).assign(event_id="all", event_label="x")
    write_pages(tmp_path, "seeds", listing_of(seed_articles, events), events, runs)
    terms = read(tmp_path / "terms.html")
    assert "Click a term" not in terms.visible and "'term_contexts' is saved by notebook 05" in terms.visible
    for term in tables["05-framing"]["distinctive_terms"]["term"]:
        assert term in terms.visible
    assert_links_resolve(read(tmp_path / "outlets.html"), tmp_path)  # its terms point into the list


def run_tables_shown(uses: pd.DataFrame) -> int:
    """How many passages the explorer shows unfolded: up to 8 per outlet."""
    return int(uses.groupby("outlet").size().clip(upper=8).sum())


def test_mark_term_marks_the_whole_term_only():
    assert mark_term("Mr. Kim said <b>he said</b> it; Kim's aides", "kim") == (
        "Mr. <mark>Kim</mark> said &lt;b&gt;he said&lt;/b&gt; it; <mark>Kim&#x27;s</mark> aides")
    assert mark_term("He said, he\nsaid; shed", "he said") == "<mark>He said</mark>, <mark>he\nsaid</mark>; shed"
    assert mark_term("Kimchi", "kim") == "Kimchi"


def test_missing_tables_and_failed_notebooks_are_said_in_a_line(tmp_path, seed_articles):
    tables = run_tables.compute(seed_articles)
    events = pd.DataFrame({"article_id": seed_articles["article_id"], "event_id": "all", "event_label": "x"})
    runs = pd.DataFrame(run_tables.write(tables, tmp_path, tmp_path, failed=("05-framing",))).assign(
        event_id="all", event_label="x")
    notes = ["feed.jsonl:3: skipped, no text <i>at all</i>"]
    write_pages(tmp_path, "seeds", listing_of(seed_articles, events), events, runs, notes)
    index = read(tmp_path / "index.html")
    assert "1 of 5 analyses failed" in index.visible
    assert "05 · Framing: in cell [7]: ValueError: <b>bad</b> input" in index.visible
    assert "Notes on the input (1)" in index.visible and notes[0] in index.visible
    assert index.visible.index("analyses failed") < index.visible.index("Key findings")
    outlets = read(tmp_path / "outlets.html").visible
    assert "How certain each headline sounds: not available in this run. The table 'headlines' is saved by " \
           "notebook 05" in outlets
    assert "What only one outlet carried" not in outlets  # 03 ran: its rows are there
    assert not (tmp_path / "terms.html").exists()


def test_notebook_pages_have_no_code_a_title_contents_and_links():
    paths = notebook_paths()
    for i, path in enumerate(paths):
        notebook = nbformat.read(path, as_version=4)
        title = title_of(notebook, path.stem)
        neighbours = {"previous": (f"{paths[i - 1].stem}.html", "before") if i else None,
                      "following": (f"{paths[i + 1].stem}.html", "after") if i + 1 < len(paths) else None}
        markup = pages.notebook_page(notebook, title, index="../index.html", source=path.name, **neighbours)
        page = Page(markup)
        assert page.title == title
        code = [line.strip() for c in notebook.cells if c.cell_type == "code" for line in c.source.splitlines()
                if len(line.strip()) > 25 and not line.strip().startswith("#")]
        assert code and not [line for line in code if line in page.visible], path.name
        assert "In\xa0[" not in page.visible and "Out[" not in page.visible
        assert 'class="jp-InputPrompt' not in markup and 'class="jp-OutputPrompt' not in markup
        assert "script" not in page.tags  # no MathJax, no require.js: "$1M ... $1B" stays text
        headings = re.findall(r'<h2 id="([^"]+)"', markup)
        contents = re.search(r"<nav class='contents'>(.*?)</nav>", markup).group(1)
        assert re.findall(r"href='#([^']+)'", contents) == headings
        assert "../index.html" in page.links and path.name in page.links
        for neighbour in neighbours.values():
            if neighbour:
                assert neighbour[0] in page.links
        assert markup.index("class='contents'") > markup.index("<h1")  # after the opening heading


def test_an_appendix_stays_last_in_the_page_and_its_contents():
    notebook = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell("# 07 · A title\n\n**Question.** What?"),
        nbformat.v4.new_code_cell("x = 1", outputs=[]),
        nbformat.v4.new_markdown_cell("## Findings\n\n- one"),
        nbformat.v4.new_markdown_cell("## Appendix: checks"),
        nbformat.v4.new_code_cell("assert x == 1", outputs=[nbformat.v4.new_output(
            "stream", name="stdout", text="all offsets round-trip\n")])])
    markup = pages.notebook_page(notebook, "07 · A title")
    contents = re.search(r"<nav class='contents'>(.*?)</nav>", markup).group(1)
    assert re.findall(r">([^<]+)</a></li>", contents) == ["Findings", "Appendix: checks"]
    assert markup.index('id="Appendix:-checks"') < markup.index("all offsets round-trip")
    assert "assert x == 1" not in markup and "Notebook" not in Page(markup).title


STORIES = {
    "storm": ["Hurricane Delia made landfall near Tampa on Tuesday with winds of 120 miles per hour, forecasters said.",
              "More than 300,000 homes lost power across Florida as the storm moved inland, the utility said.",
              "The governor ordered evacuations along the coast and opened forty shelters for residents."],
    "rates": ["The central bank raised its main interest rate by half a point on Wednesday to fight inflation, its chair said.",
              "Markets fell after the decision as investors weighed the risk of a recession next year.",
              "Economists said borrowing costs for mortgages and car loans would rise within weeks."],
}


def test_a_corpus_of_several_stories_gets_an_overview_and_a_blind_spot_matrix(tmp_path):
    """A JSONL export of two stories (three outlets each, one outlet in only one): the events, who covered
    what, and each story's findings, through a real report run of a small notebook."""
    outlets = {"storm": ["Daily Planet", "Gazette", "Wire"], "rates": ["Daily Planet", "Wire", "Ledger"]}
    records = []
    for story, sentences in STORIES.items():
        for k, outlet in enumerate(outlets[story]):
            text = "\n\n".join(sentences[k:] + sentences[:k])
            records.append({"id": f"{story}-{k}", "source": outlet, "title": f"{outlet} on the {story} <b>story</b>",
                            "publishedAt": f"2024-10-2{k}T10:00:00Z", "text": text})
    corpus = tmp_path / "feed.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    notebook = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell("# 01 · Headlines: what each outlet put first"),
        nbformat.v4.new_code_cell("CORPUS = None", metadata={"tags": ["parameters"]}),
        nbformat.v4.new_code_cell(
            "import pandas as pd\nimport research\narticles = research.load_articles(CORPUS)\n"
            "heads = research.headline_framing(articles)\nresearch.save_table(heads, 'headlines')\n"
            "research.save_table(pd.DataFrame({'order': [1], 'finding': [f'{len(articles)} outlets told this story, "
            "first {articles.sort_values(\"published\")[\"outlet\"].iloc[0]}.'], 'figure': ['headlines']}), "
            "'findings')\nheads")])
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(notebook, tmp_path / "01-headlines.ipynb")
    out = tmp_path / "report"
    runs = report.build_report(corpus, out, notebooks=[tmp_path / "01-headlines.ipynb"])
    assert runs["status"].tolist() == ["ok", "ok"]
    index = read(out / "index.html")
    assert index.h2()[:2] == ["The stories", "Who covered what"]
    assert "How the outlets covered 2 stories" in index.headings[0][1]
    # how the stories were told apart, under their table
    assert ("published within 48 h of each other (at most 2 calendar days apart when a date has no time of day)"
            in index.visible)
    assert index.visible.count("3 outlets told this story, first Daily Planet.") == 2
    markup = (out / "index.html").read_text(encoding="utf-8")
    matrix = markup.split("<table class='matrix'>", 1)[1].split("</table>", 1)[0]
    rows = {re.search(r"<td class='label'>([^<]+)</td>", row).group(1): row for row in matrix.split("<tr>")[2:]}
    assert sorted(rows) == ["Daily Planet", "Gazette", "Ledger", "Wire"]
    for outlet in ("Daily Planet", "Wire"):
        assert rows[outlet].count("class='yes'") == 2 and "2 of 2" in rows[outlet]
    for outlet in ("Gazette", "Ledger"):
        assert rows[outlet].count("class='no'") == 1 and "1 of 2" in rows[outlet]
    assert "2 of 4 outlets covered every story shown here; 2 covered only one." in index.visible
    assert "Daily Planet on the storm <b>story</b>" in index.visible and "<b>story</b>" not in markup
    for folder in sorted((out / "events").iterdir()):
        side = read(folder / "outlets.html")
        assert len(re.findall(r"<th scope='col'>", (folder / "outlets.html").read_text())) == 3
        assert "Report index" in side.visible
        assert_links_resolve(side, folder)
        assert_links_resolve(read(folder / "01-headlines.html"), folder)
        story = read(folder / "story.html")  # the story's own front page
        assert story.h2() == ["Key findings", "The outlets side by side", "The analyses"]
        assert "3 outlets told this story, first Daily Planet." in story.visible
        assert_links_resolve(story, folder)
    assert_links_resolve(index, out)


def test_pages_of_allsides_roundups(data_dir, tmp_path):
    """Feed excerpts of three AllSides stories, each told by a left, a centre and a right outlet."""
    articles = datasets.read_allsides(data_dir / "allsides_dev")
    chosen = sorted(articles.groupby("event").filter(lambda g: len(g) == 3)["event"].unique())[:3]
    articles = articles[articles["event"].isin(chosen)].reset_index(drop=True)
    events = articles.assign(event_id=articles["event"], event_label=articles["issue"])[
        ["article_id", "event_id", "event_label"]]
    runs = []
    for event_id, members in articles.groupby("event"):
        folder = tmp_path / "events" / event_id
        tables = run_tables.compute(members.reset_index(drop=True))
        runs += [dict(row, event_id=event_id, event_label=members["issue"].iloc[0])
                 for row in run_tables.write(tables, folder, tmp_path)]
    runs = pd.DataFrame(runs)
    write_pages(tmp_path, "allsides", listing_of(articles, events), events, runs)
    index = read(tmp_path / "index.html")
    assert index.h2()[:2] == ["The stories", "Who covered what"]
    assert len([h for h in index.h2() if h.startswith("Story ")]) == 3
    for event_id in chosen:
        story = read(tmp_path / "events" / event_id / "story.html")
        assert story.images and story.h2()[0] == "Key findings"  # the charts are on the story's page
        assert_links_resolve(story, tmp_path / "events" / event_id)
    assert not index.images
    for event_id, members in articles.groupby("event"):
        side = (tmp_path / "events" / event_id / "outlets.html").read_text(encoding="utf-8")
        assert re.findall(r"<th scope='col'>([^<]+)</th>", side) == sorted(members["outlet"])
    assert_links_resolve(index, tmp_path)


def test_the_reader_template_keeps_the_output_of_a_real_notebook(seed_articles):
    """The committed notebook 01's outputs (its tables and figures) are all on its page."""
    notebook = nbformat.read(ROOT / "notebooks" / "01-corpus.ipynb", as_version=4)
    markup = pages.notebook_page(notebook, "01")
    images = [o for c in notebook.cells for o in c.get("outputs", []) if "image/png" in o.get("data", {})]
    assert len(re.findall(r'<img[^>]* src="data:image/png;base64,', markup)) == len(images) > 0
    for outlet in seed_articles["outlet"]:
        assert outlet in markup


def test_the_outlets_page_says_not_in_the_excerpt_for_a_text_cut_off_by_its_feed(tmp_path, data_dir):
    import research
    from research.report.outlets import outlets_page
    from research.report.saved import EventRun

    articles = datasets.read_allsides(data_dir / "allsides_dev")
    articles = articles[articles["event"] == "5740"]  # Biden's address on leaving Afghanistan
    passages = research.split_passages(research.split_blocks(articles))
    gaps = research.omissions(research.coverage(research.cluster_passages(passages, articles), passages))
    cut = gaps[gaps["kind"] == "not in the excerpt"]
    # the Post's excerpt ends ("...") before any "arbitrary deadline" the WSJ and ABC quote
    assert "New York Post (News)" in set(cut["outlet"]) and "left out" not in set(gaps["kind"])
    folder = tmp_path / "tables" / "03-story-elements"
    folder.mkdir(parents=True)
    gaps.to_csv(folder / "omissions.csv", index=False)
    runs = pd.DataFrame([{"notebook": "03-story-elements.ipynb", "title": "Story elements", "status": "ok",
                          "error": "", "html": "", "table_paths": ["tables/03-story-elements/omissions.csv"]}])
    event = EventRun.of(tmp_path, "5740", "Biden's address", runs)
    markup = outlets_page(event, articles, "", "terms.html")
    row = markup.split("<th scope='row'>Left out</th>", 1)[1].split("</tr>", 1)[0]
    cells = [Page(f"<p>{cell.split('</td>', 1)[0]}</p>").visible for cell in row.split("<td>")[1:]]
    cell = cells[sorted(articles["outlet"]).index("New York Post (News)")]
    assert cell.startswith("Nothing that every other outlet carried.")
    assert "excerpt cut off by its feed" in cell and "not in the excerpt" in cell
    for label in cut.loc[cut["outlet"] == "New York Post (News)", "label"]:
        assert label in cell


def test_the_outlets_page_gives_an_exclusive_the_sentence_before_it(tmp_path):
    import research
    from research.report.outlets import outlet_profiles
    from research.report.saved import EventRun

    # a quotation that goes on from the sentence before it (who says it is said there), carried by one outlet only
    said = ("Ben Carson told reporters in Des Moines on Monday that his campaign would go on. “We have 12 delegates "
            "and we will win more of them in the South,” he said.")
    other = "Donald Trump finished first in New Hampshire on Tuesday night, ahead of John Kasich and Ted Cruz."
    articles = pd.DataFrame([{"article_id": key, "outlet": outlet, "published": "2016-02-01", "headline": outlet,
                              "url": "", "text": f"{outlet}\n\n{text}"}
                             for key, outlet, text in (("h", "HuffPost", said), ("w", "Washington Post", other))])
    passages = research.split_passages(research.split_blocks(articles))
    found = research.cluster_passages(passages, articles)
    cover = research.coverage(found, passages)
    gaps = research.omissions(cover)
    assert any(label.startswith("We have 12 delegates") for label in gaps.loc[gaps["kind"] == "only", "label"])
    folder = tmp_path / "tables" / "03-story-elements"
    folder.mkdir(parents=True)
    gaps.to_csv(folder / "omissions.csv", index=False)
    cover.to_csv(folder / "coverage.csv", index=False)
    found.elements.to_csv(folder / "elements.csv", index=False)
    tables = [f"tables/03-story-elements/{name}.csv" for name in ("omissions", "coverage", "elements")]
    runs = pd.DataFrame([{"notebook": "03-story-elements.ipynb", "title": "Story elements", "status": "ok",
                          "error": "", "html": "", "table_paths": tables}])
    profiles = outlet_profiles(EventRun.of(tmp_path, "e", "Carson", runs), articles).set_index("outlet")
    quoted = [item for item in profiles.loc["HuffPost", "only"] if "We have 12 delegates" in item]
    assert quoted == [f"{said.split('. ', 1)[1]} (after: {said.split('. ', 1)[0]}.)"]


def test_the_stories_table_says_why_a_story_was_not_analysed():
    # a week of news: a story of two outlets, three pieces of one outlet on a theme, a lone article
    listing = pd.DataFrame({"event_id": ["1", "1", "2", "2", "2", "3"], "event_label": ["a", "a", "b", "b", "b", "c"],
                            "outlet": ["AP", "Reuters", "Vox", "Vox", "Vox", "NPR"], "article_id": list("uvwxyz"),
                            "published": ["2020-06-22"] * 6})
    table = pages._stories(listing, {"1": "story-1"}, 2).set_index("event_id")["analysis"]
    assert "findings" in table["1"]
    assert table["2"] == "not analysed: one outlet"
    assert table["3"] == "not analysed: fewer than 2 articles"


def test_stories_of_one_outlet_are_folded_away_and_left_out_of_the_matrix():
    # a week of news: two stories told by two outlets each, two lone articles of outlets that told nothing else
    listing = pd.DataFrame({"event_id": ["1", "1", "2", "2", "3", "4"], "event_label": ["a", "a", "b", "b", "c", "d"],
                            "outlet": ["AP", "Reuters", "AP", "Vox", "NPR", "Slate"], "article_id": list("uvwxyz"),
                            "published": ["2020-06-22"] * 6})
    stories = pages._stories(listing, {"1": "story-1", "2": "story-2"}, 2)
    table, folded = pages._story_tables(stories).split("<details>")
    assert "AP, Reuters" in table and "NPR" not in table and "Slate" not in table
    assert "2 stories told by one outlet only" in folded and "NPR" in folded and "Slate" in folded
    matrix = pages._matrix(listing, stories)
    head = matrix.split("<thead>", 1)[1].split("</thead>", 1)[0]
    assert re.findall(r"<th title='[^']*'>(\d+)</th>", head) == ["1", "2"]
    rows = re.findall(r"<tr><td class='label'>([^<]+)</td>", matrix)
    assert rows == ["AP", "Reuters", "Vox"]
    assert "2 outlets whose articles tell only stories no other outlet told here (NPR and Slate)" in matrix
    assert "1 of 3 outlets covered every story shown here; 2 covered only one." in matrix
    lone = listing[listing["event_id"].isin(["3", "4"])]
    assert "nothing to compare across outlets" in pages._matrix(lone, pages._stories(lone, {}, 2))


def test_the_outlets_page_says_who_said_an_exclusive_its_shown_text_does_not_name(tmp_path):
    import research
    from research.report.findings.common import said_by
    from research.report.outlets import outlet_profiles
    from research.report.saved import EventRun

    # the quotation opens its paragraph ("he said"): the sentence that names Ben Carson is not shown with it
    named = "Ben Carson told reporters in Des Moines on Monday that his campaign would go on."
    quote = "“We have 12 delegates and we will win many more of them in the South next month,” he said."
    other = "Donald Trump finished first in New Hampshire on Tuesday night, ahead of John Kasich and Ted Cruz."
    articles = pd.DataFrame([{"article_id": key, "outlet": outlet, "published": "2016-02-01", "headline": outlet,
                              "url": "", "text": f"{outlet}\n\n" + "\n\n".join(text)}
                             for key, outlet, text in (("h", "HuffPost", [named, quote]),
                                                       ("w", "Washington Post", [other]))])
    blocks = research.split_blocks(articles)
    passages = research.split_passages(blocks)
    found = research.cluster_passages(passages, articles)
    cues = research.group_actors(research.attributions(blocks, articles), articles)
    cover = research.coverage(found, passages, voices=research.voice_spans(passages, articles, cues))
    gaps = research.omissions(cover)
    assert gaps.loc[gaps["label"].str.startswith("We have 12 delegates"), "speaker"].tolist() == ["Ben Carson"]
    folder = tmp_path / "tables" / "03-story-elements"
    folder.mkdir(parents=True)
    for name, table in (("omissions", gaps), ("coverage", cover), ("elements", found.elements)):
        table.to_csv(folder / f"{name}.csv", index=False)
    tables = [f"tables/03-story-elements/{name}.csv" for name in ("omissions", "coverage", "elements")]
    runs = pd.DataFrame([{"notebook": "03-story-elements.ipynb", "title": "Story elements", "status": "ok",
                          "error": "", "html": "", "table_paths": tables}])
    profiles = outlet_profiles(EventRun.of(tmp_path, "e", "Carson", runs), articles).set_index("outlet")
    assert [item for item in profiles.loc["HuffPost", "only"] if "12 delegates" in item] == [
        f"{quote} (said by: Ben Carson)"]
    # a speaker the shown text names is not said again; nor is an empty one (NaN read back from a CSV)
    assert said_by("Ben Carson", "“We have 12 delegates,” Carson said.") == ""
    assert said_by(float("nan"), quote) == "" and said_by("Ben Carson", quote, "") == "Ben Carson"
