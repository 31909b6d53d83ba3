"""The notebook series as readers get it (issues 16 and 20): computed findings, an appendix of checks,
notebooks JupyterLab opens unmodified, and a whole report on a corpus that is not the seeds."""

from __future__ import annotations

import json
import re
import sys
import warnings
from pathlib import Path

import nbformat
import pandas as pd
import pytest
from corpora import (
    BRIDGE,
    IDENTICAL,
    LEVY,
    PLAIN,
    SEED_WORDS,
    THIN,
    TWO_OF_ONE,
    by_event,
    write_corpus,
)
from jupyter_client.kernelspec import KernelSpecManager

from research.report import build as report
from research.report.findings import FINDING_COLUMNS

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))


def cells(path: Path) -> list:
    return nbformat.read(path, as_version=4).cells


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_each_notebook_ends_with_computed_findings_then_an_appendix_of_checks(path):
    found = cells(path)
    headings = [i for i, c in enumerate(found) if c.cell_type == "markdown" and c.source.startswith("## ")]
    titles = [found[i].source.splitlines()[0] for i in headings]
    assert titles[-2:] == ["## Findings", "## Appendix: checks"], titles
    findings, appendix = headings[-2], headings[-1]
    shown = [c for c in found[findings:appendix] if c.cell_type == "code"]
    assert len(shown) == 1 and "research.show_findings(research." in shown[0].source
    assert shown[0].outputs[0]["data"]["text/markdown"].startswith("- ")  # bullets, computed
    checks = [i for i, c in enumerate(found) if c.cell_type == "code" and re.search(r"^assert ", c.source, re.MULTILINE)]
    assert checks and min(checks) > appendix, "assert cells belong in the appendix"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_the_text_of_a_notebook_says_nothing_about_the_seeds_story(path):
    for cell in cells(path):
        if cell.cell_type == "markdown":
            for word in SEED_WORDS:
                assert not re.search(rf"\b{re.escape(word)}\b", cell.source), (word, cell.source[:80])


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_jupyterlab_opens_each_notebook_without_changing_it(path):
    """JupyterLab writes the kernel's spec (name, display name, language) and `language_info` into a
    notebook's metadata when its kernel starts, and marks the notebook modified unless the values are
    already there (NotebookPanel._updateSpec and _updateLanguage, compared with JSONExt.deepEqual); it
    also needs a cell id on every cell of an nbformat 4.5 notebook."""
    from ipykernel.ipkernel import IPythonKernel

    notebook = json.loads(path.read_text(encoding="utf-8"))
    assert (notebook["nbformat"], notebook["nbformat_minor"]) >= (4, 5)
    ids = [cell.get("id") for cell in notebook["cells"]]
    assert all(ids) and len(set(ids)) == len(ids)
    spec = KernelSpecManager().get_kernel_spec("python3")
    assert notebook["metadata"]["kernelspec"] == {"name": "python3", "display_name": spec.display_name,
                                                  "language": spec.language}
    assert notebook["metadata"]["language_info"] == IPythonKernel.language_info, \
        f"language_info is not the kernel's (Python {sys.version.split()[0]}): run make regen"


def test_make_regen_keeps_what_jupyterlab_would_write():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    regen = makefile[makefile.index("\nregen:"):].split("\n\n")[0]
    assert "nbstripout" in regen and "metadata.language_info" not in regen


def test_a_report_on_another_corpus_runs_every_notebook_and_tells_that_corpus_story(tmp_path):
    source = write_corpus(tmp_path / "corpus" / "feed.jsonl", BRIDGE, LEVY, THIN, IDENTICAL, PLAIN, TWO_OF_ONE)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        runs = report.build_report(source, tmp_path / "out", cluster=by_event)
    assert runs["status"].tolist() == ["ok"] * len(runs) and len(runs) == 6 * len(NOTEBOOKS), \
        runs[runs["status"] != "ok"][["event_id", "notebook", "error"]].values.tolist()
    out = tmp_path / "out"
    for page in sorted(out.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        for word in SEED_WORDS:
            assert not re.search(rf"\b{re.escape(word)}\b", text), (page.relative_to(out), word)
    for event in ("calder", "levy", "ferry", "street", "park", "storm"):
        for path in NOTEBOOKS:
            findings = pd.read_csv(out / "events" / event / "tables" / path.stem / "findings.csv",
                                   keep_default_na=False)
            assert list(findings.columns) == FINDING_COLUMNS and len(findings), (event, path.stem)
            assert findings["order"].tolist() == list(range(1, len(findings) + 1))
            executed = nbformat.read(out / "events" / event / path.name, as_version=4)
            counts = [c.execution_count for c in executed.cells if c.cell_type == "code"]
            assert counts == list(range(1, len(counts) + 1)), (event, path.stem)  # a reset kernel each run
    thin = pd.read_csv(out / "events" / "ferry" / "tables" / "02-source-overlap" / "findings.csv")
    assert thin["finding"].tolist() == ["Only one article has body text (Valley Post): comparing texts needs two."]
    same = pd.read_csv(out / "events" / "street" / "tables" / "02-source-overlap" / "findings.csv")
    assert same["finding"].iloc[0].startswith("Metro Daily and Valley Post carry the same text")
    contexts = pd.read_csv(out / "events" / "calder" / "tables" / "05-framing" / "term_contexts.csv")
    assert list(contexts.columns) == ["group", "term", "article_id", "outlet", "start", "end", "context"]
    texts = {a["id"]: a["text"] for a in BRIDGE}
    assert all(texts[a][s:e].lower() in c.lower() for a, s, e, c in
               contexts[["article_id", "start", "end", "context"]].itertuples(index=False))
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "ferry-radio (feed.jsonl:8): no body paragraph found" in index  # the cleaning's warning
    assert [str(w.message) for w in caught].count(
        "ferry-radio (feed.jsonl:8): no body paragraph found (8 boilerplate, 1 headline, 1 subheading); "
        "analyses of body text leave it out") == 1
