"""The report: parameter cells, saving tables, events, and runs of small constructed notebooks."""

import ast
import gc
import hashlib
import json
import warnings
from pathlib import Path

import nbformat
import pandas as pd
import pytest

import research
from research.errors import AnalysisError, CorpusWarning
from research.report import build as report
from research.report import tables

ROOT = Path(__file__).resolve().parent.parent
PROSE = "The troops crossed the border on Monday, officials said in a statement released to reporters.\n"


def notebook(folder: Path, name: str, parameters: str, *code: str) -> Path:
    """A small notebook: a title, a `parameters` cell, then `code` cells."""
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.cells = [nbformat.v4.new_markdown_cell(f"# {name} title"),
                nbformat.v4.new_code_cell(parameters, metadata={"tags": ["parameters"]}),
                *(nbformat.v4.new_code_cell(source) for source in code)]
    path = folder / f"{name}.ipynb"
    nbformat.write(nb, path)
    return path


def corpus(folder: Path, outlets: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "feed.jsonl").write_text("".join(
        json.dumps({"id": article_id, "outlet": outlet, "title": f"<script>alert('{article_id}')</script>",
                    "text": PROSE}) + "\n" for article_id, outlet in outlets.items()))
    return folder


def by_outlet(articles: pd.DataFrame) -> pd.DataFrame:
    """A stand-in for `research.cluster_articles`: one event per outlet name without its digits ("X1" and
    "X2" are two outlets of event "X")."""
    event = articles["outlet"].str.rstrip("0123456789")
    return pd.DataFrame({"article_id": articles["article_id"], "event_id": event, "event_label": "stories of " + event})


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_every_committed_notebook_has_a_parameters_cell_with_corpus_none():
    paths = report.notebook_paths()
    assert paths and paths == sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
    for path in paths:
        nb = nbformat.read(path, as_version=4)
        tagged = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
        assert len(tagged) == 1 and tagged[0].cell_type == "code", f"{path.name}: one parameters cell"
        assigned = {}
        for node in ast.parse(tagged[0].source).body:
            targets = node.targets if isinstance(node, ast.Assign) else [getattr(node, "target", None)]
            assigned |= {t.id: node.value for t in targets if isinstance(t, ast.Name)}
        assert "CORPUS" in assigned, path.name
        assert isinstance(assigned["CORPUS"], ast.Constant) and assigned["CORPUS"].value is None, path.name
        assert report.notebook_parameters(path)["CORPUS"] == "None"
        assert nb.metadata["kernelspec"]["name"] == "python3"


def test_save_table_writes_only_inside_a_report(tmp_path, monkeypatch):
    table = pd.DataFrame({"outlet": ["AP", "NYT"], "chars": [10, 20]})
    monkeypatch.delenv(tables.TABLES_ENV, raising=False)
    assert research.save_table(table, "chars") is None
    assert list(tmp_path.iterdir()) == []
    monkeypatch.setenv(tables.TABLES_ENV, str(tmp_path / "tables"))
    research.save_table(table, "chars")
    research.save_table(table.set_index("outlet")["chars"], "by-outlet")
    assert (tmp_path / "tables" / "chars.csv").read_text() == "outlet,chars\nAP,10\nNYT,20\n"
    assert (tmp_path / "tables" / "by-outlet.csv").read_text() == "outlet,chars\nAP,10\nNYT,20\n"
    with pytest.raises(ValueError, match="not a plain file name"):
        research.save_table(table, "../escape")


def test_find_events_checks_the_clustering_and_choose_events_applies_the_minimum():
    articles = pd.DataFrame({"article_id": ["a", "b", "c", "d"], "outlet": ["X", "Y", "X", "X"]})
    events = report.find_events(articles, by_outlet)
    assert list(events["event_id"]) == ["X", "Y", "X", "X"]
    assert report.choose_events(events) == ["X"]
    assert report.choose_events(events, min_articles=1) == ["X", "Y"]
    assert report.choose_events(events, event="Y") == ["Y"]
    with pytest.raises(AnalysisError, match=r"no event 'Z' in the corpus \(events: X, Y\)"):
        report.choose_events(events, event="Z")
    with pytest.raises(AnalysisError, match=r"no event has 4 or more articles \(the largest has 3\)"):
        report.choose_events(events, min_articles=4)
    # with the outlets: an event of one outlet's pieces (three Vox columns on one theme) is not compared
    topics = pd.DataFrame({"article_id": ["a", "b", "c", "d", "e"], "event_id": ["V", "V", "V", "W", "W"],
                           "event_label": ""})
    outlets = pd.DataFrame({"article_id": ["a", "b", "c", "d", "e"], "outlet": ["Vox", "Vox", "Vox", "AP", ""]})
    assert report.choose_events(topics, articles=outlets) == ["W"]  # an article without an outlet counts as one
    assert report.choose_events(topics) == ["V", "W"]
    assert report.choose_events(topics, event="V", articles=outlets) == ["V"]  # named, it is analysed
    # a corpus of one outlet: its events by size alone
    assert report.choose_events(topics, articles=outlets.assign(outlet="Vox")) == ["V", "W"]
    one = report.find_events(articles)  # no clustering: one event, analysed whatever its size
    assert set(one["event_id"]) == {"all"} and report.choose_events(one, min_articles=9) == ["all"]
    with pytest.raises(AnalysisError, match="exactly one event"):
        report.find_events(articles, lambda a: by_outlet(a).iloc[:3])
    with pytest.raises(AnalysisError, match="no event_label column"):
        report.find_events(articles, lambda a: by_outlet(a).drop(columns="event_label"))


def test_several_events_are_analysed_apart_and_reported_on_the_index(tmp_path):
    source = corpus(tmp_path / "corpus", {"a": "X1", "b": "Y1", "c": "X2", "d": "X1", "e": "Y2", "f": "Z"})
    count = notebook(tmp_path, "01-count", "CORPUS = None\nLABEL = 'n'",
                     "import research\nfrom research import save_table\n"
                     "articles = research.load_articles(CORPUS)\n"
                     "save_table(articles[['article_id', 'outlet']], 'ids')\n"
                     "print(LABEL, len(articles), sorted(set(articles['outlet'])))")
    before = digest(count)
    runs = report.build_report(source, tmp_path / "out", notebooks=[count], parameters={"LABEL": "count"},
                               cluster=by_outlet)
    assert digest(count) == before  # the notebook itself is never modified
    assert list(runs.columns) == report.RUN_COLUMNS
    assert runs[["event_id", "status", "html", "tables"]].values.tolist() == [
        ["X", "ok", "events/X/01-count.html", 1], ["Y", "ok", "events/Y/01-count.html", 1]]
    out = tmp_path / "out"
    executed = nbformat.read(out / "events" / "X" / "01-count.ipynb", as_version=4)
    assert executed.cells[-1].outputs[0]["text"] == "count 3 ['X1', 'X2']\n"
    assert (out / "events" / "Y" / "corpus.jsonl").read_text().count("\n") == 2
    assert pd.read_csv(out / "events" / "Y" / "tables" / "01-count" / "ids.csv")["article_id"].tolist() == [
        "b", "e"]
    listing = pd.read_csv(out / "articles.csv")
    assert listing[["article_id", "event_id", "analysed", "source"]].values.tolist() == [
        ["a", "X", True, "feed.jsonl:1"], ["b", "Y", True, "feed.jsonl:2"], ["c", "X", True, "feed.jsonl:3"],
        ["d", "X", True, "feed.jsonl:4"], ["e", "Y", True, "feed.jsonl:5"], ["f", "Z", False, "feed.jsonl:6"]]
    index = (out / "index.html").read_text()
    assert "How the outlets covered 3 stories" in index and "not analysed: fewer than 2 articles" in index
    assert "<a href='events/X/01-count.html'>01-count title</a>" in index
    story = (out / "events" / "Y" / "story.html").read_text()
    assert "<a href='tables/01-count/ids.csv'>ids</a>" in story
    assert "&lt;script&gt;alert(&#x27;a&#x27;)&lt;/script&gt;" in index and "<script>" not in index
    assert pd.read_csv(out / "runs.csv")["status"].tolist() == ["ok", "ok"]


def test_a_failing_notebook_is_reported_and_the_others_still_run(tmp_path, capsys):
    source = corpus(tmp_path / "corpus", {"a": "X", "b": "X"})
    (source / "empty.txt").write_text("")
    failing = notebook(tmp_path, "01-fails", "CORPUS = None",
                       "from research.errors import AnalysisError\n"
                       "raise AnalysisError('needs three articles,\\n got two')")
    works = notebook(tmp_path, "02-works", "CORPUS = None", "print('fine')")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        runs = report.build_report(source, tmp_path / "out", notebooks=[failing, works], progress=True)
        gc.collect()  # whatever the kernels' clients left open would be closed now, with a ResourceWarning
    messages = [(warning.category, str(warning.message)) for warning in caught]
    assert (CorpusWarning, "empty.txt: skipped, the file is empty") in messages
    assert [message for category, message in messages if issubclass(category, ResourceWarning)] == []
    assert runs[["notebook", "status", "error"]].values.tolist() == [
        ["01-fails.ipynb", "failed", "in cell [3]: AnalysisError: needs three articles, got two"],
        ["02-works.ipynb", "ok", ""]]
    assert (tmp_path / "out" / "01-fails.html").is_file()  # the partial notebook shows where it stopped
    index = (tmp_path / "out" / "index.html").read_text()
    assert "<strong>failed</strong>: in cell [3]: AnalysisError: needs three articles, got two" in index
    assert "Notes on the input (2)</h2>" in index and "<li>empty.txt: skipped, the file is empty</li>" in index
    # the records have no date: grouped into events on text alone, which the notes say
    assert "<li>cluster_articles: 2 of 2 articles have no publication date (`published`: a, b); they are grouped " \
           "into events on text alone" in index
    note = "Event clustering (<code>research.cluster_articles</code>) is not available"
    assert (note in index) == (not hasattr(research, "cluster_articles"))
    progress = capsys.readouterr().err
    assert "report: 100%" in progress and "2/2" in progress  # progress=True forces the bar


def test_bad_options_are_refused_before_anything_runs(tmp_path):
    source = corpus(tmp_path / "corpus", {"a": "X", "b": "X"})
    plain = notebook(tmp_path, "01-plain", "CORPUS = None\nLIMIT = 3")
    untagged = notebook(tmp_path, "02-untagged", "SOMETHING = 1")
    out = tmp_path / "out"
    with pytest.raises(ValueError, match="no notebook has a parameter LIMTI"):
        report.build_report(source, out, notebooks=[plain], parameters={"LIMTI": 4})
    with pytest.raises(ValueError, match="CORPUS is set by the corpus argument"):
        report.build_report(source, out, notebooks=[plain], parameters={"CORPUS": "x"})
    with pytest.raises(ValueError, match="02-untagged.ipynb: no cell tagged 'parameters' assigning CORPUS"):
        report.build_report(source, out, notebooks=[plain, untagged])
    with pytest.raises(AnalysisError, match="no event 'Q'"):
        report.build_report(source, out, notebooks=[plain], cluster=by_outlet, event="Q")
    with pytest.raises(ValueError, match="is inside the corpus folder"):
        report.build_report(source, source / "report", notebooks=[plain])
    assert not out.exists() and not (source / "report").exists()


def test_one_kernel_serves_a_notebook_for_every_event_and_each_run_starts_clean(tmp_path):
    source = corpus(tmp_path / "corpus", {"a": "X1", "b": "Y1", "c": "Z1", "d": "X2", "e": "Y2", "f": "Z2"})
    state = notebook(tmp_path, "01-state", "CORPUS = None",
                     "import os\nprint('left over' if 'seen' in dir() else 'clean', os.getpid())\nseen = 1",
                     "import research\nresearch.save_table(research.load_articles(CORPUS)[['article_id']], 'ids')",
                     "if research.load_articles(CORPUS)['outlet'].iloc[0] == 'Y1':\n    raise ValueError('planted')")
    runs = report.build_report(source, tmp_path / "out", notebooks=[state], cluster=by_outlet, workers=1)
    assert runs[["event_id", "status", "error"]].values.tolist() == [
        ["X", "ok", ""], ["Y", "failed", "in cell [5]: ValueError: planted"], ["Z", "ok", ""]]
    printed = {}
    for event in ("X", "Y", "Z"):
        executed = nbformat.read(tmp_path / "out" / "events" / event / "01-state.ipynb", as_version=4)
        code = [c for c in executed.cells if c.cell_type == "code"]
        assert [c.execution_count for c in code] == list(range(1, len(code) + 1))  # counts start at 1
        printed[event] = code[2].outputs[0]["text"].split()  # after the parameters cells
        ids = pd.read_csv(tmp_path / "out" / "events" / event / "tables" / "01-state" / "ids.csv")
        assert set(ids["article_id"]) == {"X": {"a", "d"}, "Y": {"b", "e"}, "Z": {"c", "f"}}[event]
    assert {words[0] for words in printed.values()} == {"clean"}  # the namespace is reset between runs
    assert printed["X"][1] == printed["Y"][1] != printed["Z"][1]  # reused, and replaced after the failure


def test_the_index_names_every_warning_of_loading_and_cleaning_with_what_it_means(tmp_path):
    source = corpus(tmp_path / "corpus", {"a": "X", "b": "X"})
    (source / "links.txt").write_text("Home\nNews\nShare on Facebook\nSign up for our newsletter\n")
    (source / "empty.txt").write_text("")
    plain = notebook(tmp_path, "01-plain", "CORPUS = None", "print('ok')")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        report.build_report(source, tmp_path / "out", notebooks=[plain])
    index = (tmp_path / "out" / "index.html").read_text()
    assert "empty.txt: skipped, the file is empty" in index
    assert "links (links.txt): no body paragraph found" in index and "analyses of body text leave it out" in index
    caught = [warnings.WarningMessage(message, category, "x.py", 1) for message, category in [
        ("page.html: not in articles.csv; metadata read from the page header", CorpusWarning),
        ("page.html: not in articles.csv; metadata read from the page header", CorpusWarning),
        ("a numpy warning", RuntimeWarning),
        ("feed.jsonl: publication date not understood, left empty: line 3 ('soon')", CorpusWarning)]]
    assert report.loading_notes(caught) == [
        ("page.html: not in articles.csv; metadata read from the page header: its outlet, headline and date are "
         "guesses from the page: check them in articles.csv"),
        ("feed.jsonl: publication date not understood, left empty: line 3 ('soon'): its figures cannot be placed "
         "in time, nor the article in the order of publication")]
