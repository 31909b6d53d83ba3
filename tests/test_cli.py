"""The `research` command: help, bad input, and end-to-end report runs (notebook 01 only, to stay fast)."""

import hashlib
import json
import re
import subprocess
import sys
from importlib.metadata import entry_points
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from research.corpus import datasets
from research.report import build as report
from research.report import cli

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "notebooks" / "01-corpus.ipynb"
PROSE = [
    "The troops crossed the border on Monday, officials said in a statement released to reporters.",
    "They were followed by a column of trucks, witnesses said on Tuesday morning near the river.",
    "A spokesman for the ministry declined to say how many soldiers had taken part in the move.",
]


def page(title: str, outlet: str, published: str, paragraphs: list[str]) -> str:
    """A saved news page: metadata in the head, navigation, the article, related links, a footer."""
    body = "".join(f"<p>{p}</p>\n" for p in paragraphs)
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title} | {outlet}</title>\n"
            f"<meta property='og:title' content='{title}'><meta property='og:site_name' content='{outlet}'>\n"
            f"<meta property='article:published_time' content='{published}'></head><body>\n"
            f"<nav><a href='/'>Home</a> <a href='/politics'>Politics</a></nav>\n"
            f"<article><h1>{title}</h1>\n{body}</article>\n"
            f"<aside><h2>Most read</h2><ul><li>Another story</li><li>A third story</li></ul></aside>\n"
            f"<footer>Copyright 2024 {outlet}. All rights reserved.</footer></body></html>\n")


def run(capsys, *argv: str) -> tuple[int, str, str]:
    status = cli.main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def executed_outputs(path: Path) -> list[dict]:
    return [o for c in nbformat.read(path, as_version=4).cells for o in c.get("outputs", [])]


def test_help_explains_every_option():
    shown = subprocess.run([sys.executable, "-m", "research", "report", "--help"], capture_output=True,
                           text=True, check=True).stdout
    for option in ("CORPUS", "--out", "--event", "--min-articles", "--notebooks", "--param", "--column",
                   "--timeout", "--progress", "--no-progress", "examples:"):
        assert option in shown, option
    top = subprocess.run([sys.executable, "-m", "research", "--help"], capture_output=True, text=True,
                         check=True).stdout
    assert "report" in top and "notebooks" in top
    (script,) = entry_points(group="console_scripts", name="research")
    assert script.value == "research.report.cli:main"


def test_manners_version_bare_help_and_the_commands_own_usage(capsys):
    version = subprocess.run([sys.executable, "-m", "research", "--version"], capture_output=True, text=True,
                             check=True).stdout
    assert re.fullmatch(r"research \S+\n", version)
    bare = subprocess.run([sys.executable, "-m", "research"], capture_output=True, text=True, check=False)
    assert bare.returncode == 0 and bare.stdout.startswith("usage: research ") and "report" in bare.stdout
    with pytest.raises(SystemExit) as stop:
        cli.main(["report", "seeds", "--ot", "x"])
    err = capsys.readouterr().err
    assert stop.value.code == 2 and err.startswith("usage: research report ")
    assert err.endswith("research report: error: unrecognized arguments: --ot x\n")


def test_a_wrong_corpus_path_is_reported_before_the_report_machinery_is_imported(tmp_path):
    script = ("import sys\nfrom research.report import cli\nstatus = cli.main(['report', sys.argv[1]])\n"
              "heavy = sorted(m for m in ('pandas', 'numpy', 'nbconvert', 'papermill', 'matplotlib') if m in sys.modules)\n"
              "print(status, heavy)")
    run = subprocess.run([sys.executable, "-c", script, str(tmp_path / "nowhere")], capture_output=True, text=True,
                         check=True)
    assert run.stdout == "2 []\n" and run.stderr == "research: error: nowhere: no such file or folder\n"


def test_bad_input_exits_non_zero_with_a_one_line_reason(tmp_path, capsys):
    missing = subprocess.run([sys.executable, "-m", "research", "report", str(tmp_path / "nowhere")],
                             capture_output=True, text=True, check=False)
    assert missing.returncode == 2
    assert missing.stderr == "research: error: nowhere: no such file or folder\n"
    source, out = tmp_path / "corpus", str(tmp_path / "out")
    source.mkdir()
    (source / "export.csv").write_text("id,headline\n1,Troops\n")
    status, _, err = run(capsys, "report", str(source), "--out", out)
    assert status == 2 and err.startswith("research: error: export.csv: no text column")
    assert err.count("\n") == 1 and "Traceback" not in err
    (source / "export.csv").write_text(f'id,text\n1,"{PROSE[0]}"\n')
    for argv, reason in [
        (["--notebooks", "99"], "research: error: no notebook matches '99' (notebooks: 01-corpus"),
        (["--param", "NOPE=1"], "research: error: no notebook has a parameter NOPE\n"),
        (["--column", "writer=x"], "research: error: unknown field(s) in the column mapping: writer"),
        (["--out", str(source / "report")], "research: error: the report folder "),
    ]:
        status, _, err = run(capsys, "report", str(source), "--out", out, *argv)
        assert (status, err.count("\n")) == (2, 1) and err.startswith(reason), err
    with pytest.raises(SystemExit) as stop:
        cli.main(["report", str(source), "--param", "no-equals-sign"])
    assert stop.value.code == 2 and "expected NAME=VALUE" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_a_failed_notebook_gives_exit_status_1_after_writing_the_report(tmp_path, capsys, monkeypatch):
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "a.txt").write_text(PROSE[0])
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell("CORPUS = None", metadata={"tags": ["parameters"]}),
        nbformat.v4.new_code_cell("1 / 0")])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, tmp_path / "01-broken.ipynb")
    monkeypatch.setattr(report, "notebook_paths", lambda: [tmp_path / "01-broken.ipynb"])
    status, out, err = run(capsys, "report", str(tmp_path / "corpus"), "--out", str(tmp_path / "out"))
    assert status == 1 and out == f"{tmp_path / 'out' / 'index.html'}\n"
    assert err == ("research: 1 of 1 notebook runs failed: 01-broken.ipynb "
                   "(in cell [3]: ZeroDivisionError: division by zero)\n")
    assert (tmp_path / "out" / "01-broken.html").is_file()


def test_report_on_a_constructed_mixed_corpus(tmp_path, capsys):
    source = tmp_path / "my corpus"
    source.mkdir()
    (source / "planet.html").write_text(page("Troops cross the border", "Daily Planet",
                                             "2024-10-23T06:55:00-04:00", PROSE))
    (source / "gazette.htm").write_text(page("Border crossing &lt;script&gt;x()&lt;/script&gt; confirmed",
                                             "Gazette", "2024-10-23", [PROSE[1], PROSE[0]]))
    (source / "wire.jsonl").write_text(json.dumps(
        {"id": "wire-1", "source": "Wire", "title": "Troops at the border", "publishedAt": "2024-10-23T10:00:00Z",
         "text": "\n\n".join(PROSE[::-1])}) + "\n")
    before = digest(NOTEBOOK)
    status, out, err = run(capsys, "report", str(source), "--out", str(tmp_path / "report"), "--notebooks", "01")
    assert (status, err) == (0, "")  # not a terminal: no progress bar, and no warning to give
    assert digest(NOTEBOOK) == before
    folder = tmp_path / "report"
    assert out == f"{folder / 'index.html'}\n"
    index = (folder / "index.html").read_text()
    assert "<a href='01-corpus.html'>01 · The corpus" in index
    assert "3 articles from Daily Planet, Gazette and Wire, published 23 Oct 2024" in index
    listing = pd.read_csv(folder / "articles.csv", keep_default_na=False)
    assert listing[["article_id", "source", "outlet", "published"]].values.tolist() == [
        ["gazette", "gazette.htm", "Gazette", "2024-10-23"],
        ["planet", "planet.html", "Daily Planet", "2024-10-23T06:55:00-04:00"],
        ["wire-1", "wire.jsonl:1", "Wire", "2024-10-23T10:00:00+00:00"]]
    executed = nbformat.read(folder / "01-corpus.ipynb", as_version=4)
    injected = next(c for c in executed.cells if "injected-parameters" in c.metadata.get("tags", []))
    assert f"CORPUS = {json.dumps(str(source.resolve()))}" in injected.source
    outputs = executed_outputs(folder / "01-corpus.ipynb")
    assert not [o for o in outputs if o["output_type"] == "error" or o.get("name") == "stderr"]
    assert any("3 articles" in o.get("text", "") and "all offsets round-trip" in o.get("text", "")
               for o in outputs)
    shown = (folder / "01-corpus.html").read_text()
    assert "Border crossing &lt;script&gt;x()&lt;/script&gt; confirmed" in shown  # shown as text
    assert "<script>x()" not in shown


def test_report_on_a_small_basil_corpus_of_html_jsonl_and_csv(data_dir, tmp_path, capsys):
    basil = datasets.read_basil(data_dir / "basil_dev")
    triplet = basil[basil["event"] == basil["event"].iloc[0]].reset_index(drop=True)
    source = tmp_path / "basil"
    source.mkdir()
    first = triplet.iloc[0]
    paragraphs = first["text"].split("\n\n")[1:]
    (source / f"{first['article_id']}.html").write_text(
        page(first["headline"], first["outlet"], first["published"], paragraphs))
    second, third = triplet.iloc[1], triplet.iloc[2]
    (source / "feed.jsonl").write_text(json.dumps(
        {"uuid": second["article_id"], "publisher": second["outlet"], "title": second["headline"],
         "date": second["published"], "story": second["text"]}) + "\n")
    pd.DataFrame({"id": [third["article_id"]], "source": [third["outlet"]], "title": [third["headline"]],
                  "date": [third["published"]], "story": [third["text"]]}).to_csv(source / "export.csv",
                                                                                  index=False)
    folder = tmp_path / "report"
    status, _, err = run(capsys, "report", str(source), "--out", str(folder), "--notebooks", "01",
                         "--column", "text=story")
    assert (status, err) == (0, "")
    listing = pd.read_csv(folder / "articles.csv", keep_default_na=False)
    assert sorted(listing["article_id"]) == sorted(triplet["article_id"])
    # trafilatura capitalises a one-word lower-case site name ("nyt" -> "Nyt")
    assert sorted(listing["outlet"].str.lower()) == sorted(triplet["outlet"])
    assert sorted(listing["source"]) == sorted([f"{first['article_id']}.html", "feed.jsonl:1",
                                                "export.csv:2"])
    # with a column mapping the notebooks read the articles from the report's own corpus.jsonl
    assert (folder / "corpus.jsonl").read_text().count("\n") == 3
    outputs = executed_outputs(folder / "01-corpus.ipynb")
    assert not [o for o in outputs if o["output_type"] == "error" or o.get("name") == "stderr"]
    assert any("3 articles" in o.get("text", "") and "all offsets round-trip" in o.get("text", "")
               for o in outputs)
    shown = (folder / "01-corpus.html").read_text()
    for headline in triplet["headline"]:
        assert headline.replace("'", "&#39;").replace('"', "&quot;") in shown or headline in shown
