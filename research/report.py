"""The HTML report: execute every notebook on a corpus and write one page per notebook plus an index.

`python -m research.report [CORPUS] --out DIR` runs `notebooks/NN-*.ipynb` in
order on CORPUS (default: the embedded `seeds/`), never modifying the committed
notebooks: the corpus path is injected after each notebook's `parameters` cell,
as papermill does.
"""

from __future__ import annotations

import argparse
import html
import json
import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbconvert import HTMLExporter

from research.corpus import default_corpus

NOTEBOOK_DIR = Path(__file__).resolve().parent.parent / "notebooks"


def notebook_paths(folder: Path = NOTEBOOK_DIR) -> list[Path]:
    """The numbered notebooks of the series, in reading order."""
    return sorted(folder.glob("[0-9][0-9]-*.ipynb"))


def inject_parameters(notebook: nbformat.NotebookNode, parameters: dict) -> None:
    """Insert a cell setting `parameters` right after the cell tagged `parameters`."""
    source = "\n".join(f"{name} = {json.dumps(value)}" for name, value in parameters.items())
    cell = nbformat.v4.new_code_cell(source, metadata={"tags": ["injected-parameters"]})
    index = next((i for i, c in enumerate(notebook.cells) if "parameters" in c.metadata.get("tags", [])),
                 -1)
    notebook.cells.insert(index + 1, cell)


def title_of(notebook: nbformat.NotebookNode, fallback: str) -> str:
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return fallback


def build_report(corpus: Path | None, out_dir: Path, notebooks: list[Path] | None = None) -> Path:
    """Execute the notebooks on `corpus` and write `out_dir/index.html`; return its path."""
    out_dir.mkdir(parents=True, exist_ok=True)
    entries = []
    for path in notebooks or notebook_paths():
        notebook = nbformat.read(path, as_version=4)
        if corpus is not None:
            inject_parameters(notebook, {"CORPUS": str(Path(corpus).resolve())})
        print(f"executing {path.name}", file=sys.stderr)
        NotebookClient(notebook, timeout=1800, kernel_name="python3",
                       resources={"metadata": {"path": str(path.parent)}}).execute()
        body, _ = HTMLExporter().from_notebook_node(notebook)
        target = out_dir / f"{path.stem}.html"
        target.write_text(body, encoding="utf-8")
        entries.append((target.name, title_of(notebook, path.stem)))
    items = "\n".join(f'<li><a href="{html.escape(name)}">{html.escape(title)}</a></li>'
                      for name, title in entries)
    corpus_name = html.escape(Path(corpus).name if corpus else default_corpus().name)
    index = out_dir / "index.html"
    index.write_text(
        f"<!doctype html>\n<html><head><meta charset='utf-8'><title>Coverage report: {corpus_name}</title>"
        f"</head>\n<body><h1>Coverage report: {corpus_name}</h1>\n<ol>\n{items}\n</ol>\n</body></html>\n",
        encoding="utf-8")
    return index


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m research.report", description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=None,
                        help="corpus folder or file (default: the embedded seeds/)")
    parser.add_argument("--out", default="reports", help="output folder for the HTML pages (default: reports)")
    args = parser.parse_args(argv)
    corpus = Path(args.corpus) if args.corpus else None
    if corpus is not None and corpus.resolve() == default_corpus():
        corpus = None
    index = build_report(corpus, Path(args.out))
    print(f"wrote {index}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
