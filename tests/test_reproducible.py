"""Reproducible notebooks (issue 9, item 3).

`make regen` is run on copies of committed notebooks in a temporary folder, with the Makefile's
own recipe (the copy is passed as NOTEBOOKS), and must give the committed bytes, twice in a row
and under another hash seed (so no output depends on the order of a set). Every committed output
is scanned for what must never be in one: absolute paths, memory addresses, set reprs, run-time
timestamps, stderr, errors, and volatile metadata.
"""

import html
import json
import re
import shutil
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

import research

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))


def make_regen(notebook: Path, **variables: str) -> bytes:
    """`make regen` on `notebook` alone, in this environment; the notebook's bytes afterwards.

    `-o` keeps make from reinstalling the environment when pyproject.toml is newer than its
    stamp; `variables` override the Makefile's (e.g. PYTHONHASHSEED).
    """
    make = shutil.which("make")
    if make is None:
        pytest.skip("make is not installed (the README's commands need it)")
    venv = Path(sys.prefix)
    command = [make, "-C", str(ROOT), "-o", str(venv / ".installed"), "regen", f"VENV={venv}",
               f"NOTEBOOKS={notebook}", *(f"{name}={value}" for name, value in variables.items())]
    done = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    return notebook.read_bytes()


def copy_of(name: str, folder: Path) -> Path:
    copy = folder / name
    shutil.copyfile(ROOT / "notebooks" / name, copy)
    return copy


def test_make_regen_twice_gives_the_committed_bytes(tmp_path):
    notebook = copy_of("01-corpus.ipynb", tmp_path)
    first = make_regen(notebook)
    second = make_regen(notebook)
    assert first == second, "two runs of make regen differ"
    assert first == (ROOT / "notebooks" / "01-corpus.ipynb").read_bytes(), \
        "make regen changes the committed notebook: its outputs are stale or not reproducible"


def test_outputs_do_not_depend_on_the_hash_seed(tmp_path):
    # a notebook that groups and clusters; another PYTHONHASHSEED reorders every set of strings
    notebook = copy_of("03-story-elements.ipynb", tmp_path)
    assert make_regen(notebook, PYTHONHASHSEED="1") == (ROOT / "notebooks" / notebook.name).read_bytes(), \
        "with PYTHONHASHSEED=1 the notebook differs from the committed one (set order shown, or stale outputs)"


# ---------------------------------------------------------------- scanning committed outputs

ABSOLUTE_PATH = re.compile(r"(?<![\w.~-])/(?:home|Users|root|tmp|private|var|opt|usr|mnt|srv|work)/|"
                           r"\b[A-Za-z]:\\[\w.]|site-packages")
MEMORY_ADDRESS = re.compile(r"\b0x[0-9a-fA-F]{6,}\b|\bat 0x[0-9a-fA-F]+")
_ITEM = r"(?:'[^'\n]*'|\"[^\"\n]*\"|-?\d+(?:\.\d+)?)"
SET_REPR = re.compile(r"\{" + _ITEM + r"(?:, " + _ITEM + r")+\}|frozenset\(|\bset\(\)")
DATE_TIME = re.compile(r"\b(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}")
ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
NOTEBOOK_METADATA = {"kernelspec", "language_info"}
CELL_METADATA = {"tags"}


def corpus_dates() -> set[str]:
    """Calendar dates the embedded corpus holds (in its pages or manifest): outputs may show these."""
    folder = research.default_corpus()
    texts = [path.read_text(encoding="utf-8") for path in sorted(folder.glob("*")) if path.suffix in (".txt", ".csv")]
    return {found for text in texts for found in ISO_DATE.findall(text)} | {
        value[:10] for value in research.load_articles()["published"] if value}


def output_texts(cell: dict):
    """(kind, text) of each output of a code cell, images left out, HTML unescaped."""
    for output in cell.get("outputs", []):
        if output["output_type"] == "stream":
            yield f"stream {output['name']}", "".join(output["text"])
        elif output["output_type"] == "error":
            yield "error", f"{output['ename']}: {output['evalue']}"
        else:
            for mime, value in output.get("data", {}).items():
                if not mime.startswith("image/"):
                    text = "".join(value) if isinstance(value, list) else json.dumps(value)
                    yield mime, html.unescape(text) if mime == "text/html" else text


def problems(notebook: dict, name: str, allowed_dates: set[str]) -> list[str]:
    """What in a notebook's metadata and outputs would differ between machines or runs."""
    found = [f"{name}: notebook metadata {key!r}" for key in sorted(set(notebook["metadata"]) - NOTEBOOK_METADATA)]
    today = {datetime.now(UTC).strftime("%Y-%m-%d"), time.strftime("%Y-%m-%d")} - allowed_dates
    for number, cell in enumerate(notebook["cells"]):
        where = f"{name} cell {number}"
        found += [f"{where}: cell metadata {key!r}" for key in sorted(set(cell.get("metadata", {})) - CELL_METADATA)]
        for kind, text in output_texts(cell):
            if kind in ("stream stderr", "error"):
                found.append(f"{where}: {kind} output: {text[:80]!r}")
            for pattern, what in ((ABSOLUTE_PATH, "absolute path"), (MEMORY_ADDRESS, "memory address"),
                                  (SET_REPR, "set repr (order varies)")):
                found += [f"{where}: {what} {m.group()!r}" for m in pattern.finditer(text)]
            found += [f"{where}: {str(ROOT)!r}" for _ in range(text.count(str(ROOT)))]
            found += [f"{where}: timestamp {m.group()!r}" for m in DATE_TIME.finditer(text)
                      if m.group(1) not in allowed_dates]
            found += [f"{where}: today's date {day!r}" for day in sorted(today) if day in text]
    return found


def test_the_scan_finds_each_kind_of_volatile_output():
    output = {"output_type": "execute_result", "execution_count": 1, "metadata": {}, "data": {
        "text/plain": ["<Line2D at 0x7f3a2b1c90d0>\n", "{'tanks', 'troops'}\n", "saved /home/jane/report.csv"],
        "text/html": ["<td>C:\\Users\\jane</td><td>frozenset({1})</td><td>Run at 2099-01-01 12:00:00</td>"],
        "image/png": "iVBORw0KGgo0x7f3a2b1c90d0"}}
    notebook = {"metadata": {"kernelspec": {}, "widgets": {}}, "cells": [
        {"cell_type": "code", "metadata": {"tags": [], "execution": {"iopub.execute_input": "2099-01-01"}},
         "outputs": [output, {"output_type": "stream", "name": "stderr", "text": ["DeprecationWarning: x\n"]}]},
        {"cell_type": "code", "metadata": {}, "outputs": [{"output_type": "stream", "name": "stdout",
                                                          "text": [f"{time.strftime('%Y-%m-%d')}\n"]}]},
        {"cell_type": "code", "metadata": {}, "outputs": [{"output_type": "stream", "name": "stdout", "text": [
            "published 2024-10-23T06:55:00-04:00; {'a': 1, 'b': 2}; {'only'}; </td> <b>x</b>\n"]}]}]}
    found = problems(notebook, "planted", {"2024-10-23"})
    assert found == [
        "planted: notebook metadata 'widgets'",
        "planted cell 0: cell metadata 'execution'",
        "planted cell 0: absolute path '/home/'",
        "planted cell 0: memory address 'at 0x7f3a2b1c90d0'",
        "planted cell 0: set repr (order varies) \"{'tanks', 'troops'}\"",
        "planted cell 0: absolute path 'C:\\\\U'",
        "planted cell 0: set repr (order varies) 'frozenset('",
        "planted cell 0: timestamp '2099-01-01 12:00'",
        "planted cell 0: stream stderr output: 'DeprecationWarning: x\\n'",
        f"planted cell 1: today's date {time.strftime('%Y-%m-%d')!r}"]  # cell 2 is clean: data dates, dicts


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_committed_outputs_hold_nothing_that_varies_between_machines_or_runs(path):
    notebook = json.loads(path.read_text(encoding="utf-8"))
    assert problems(notebook, path.name, corpus_dates()) == []
