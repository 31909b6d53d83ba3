"""Running the notebooks of the series: find them, read their parameters, execute one with papermill.

The kernel runs in the folder the executed notebook is written to, with the
environment of `make regen` (PYTHONHASHSEED=0, TZ=UTC) plus `RESEARCH_TABLES`,
the absolute path of the folder where `research.save_table` writes the tables
behind its figures (a relative one would be read from the kernel's folder).
"""

from __future__ import annotations

import gc
import os
import shutil
import subprocess
import warnings
from pathlib import Path

import nbformat
import papermill
from jupyter_client.manager import KernelManager
from nbclient.exceptions import CellTimeoutError, DeadKernelError

from research.report.pages import notebook_page
from research.report.tables import TABLES_ENV

NOTEBOOK_DIR = Path(__file__).resolve().parents[2] / "notebooks"


def notebook_paths(folder: Path = NOTEBOOK_DIR) -> list[Path]:
    """The numbered notebooks of the series, in reading order."""
    return sorted(folder.glob("[0-9][0-9]-*.ipynb"))


def notebook_parameters(path: Path) -> dict[str, str]:
    """The names a notebook's `parameters` cell assigns, with their default values as source text."""
    return {name: spec["default"] for name, spec in papermill.inspect_notebook(str(path)).items()}


def title_of(notebook: nbformat.NotebookNode, fallback: str) -> str:
    """The notebook's first level-1 Markdown heading, else `fallback`."""
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return fallback


def _one_line(text: str, limit: int = 300) -> str:
    line = " ".join(str(text).split())
    return line if len(line) <= limit else line[:limit - 1] + "…"


def _execute(path: Path, target: Path, parameters: dict, tables: Path, timeout: int, log) -> str:
    """Execute notebook `path` into `target` with papermill; return "" or the error in one line.

    The kernel runs in the folder of `target` (where a `corpus.jsonl` of the
    report is) with the environment of `make regen` (PYTHONHASHSEED=0, TZ=UTC)
    plus `RESEARCH_TABLES`, an absolute path; its own messages go to `log`.
    """
    kernel = KernelManager(kernel_name="python3")
    kernel.start_kernel(env={**os.environ, "PYTHONHASHSEED": "0", "TZ": "UTC", TABLES_ENV: str(tables.absolute())},
                        cwd=str(target.parent), stdout=subprocess.DEVNULL, stderr=log)
    error = ""
    try:
        papermill.execute_notebook(str(path), str(target), parameters=parameters, kernel_name="python3",
                                   progress_bar=False, km=kernel, execution_timeout=timeout)
    except papermill.PapermillExecutionError as failure:
        error = _one_line(f"in cell [{failure.exec_count}]: {failure.ename}: {failure.evalue}")
    except (CellTimeoutError, DeadKernelError) as failure:
        error = _one_line(f"{type(failure).__name__}: {failure}")
    finally:
        kernel.shutdown_kernel(now=True)
    # nbclient stops its kernel client's channels only for kernels it started itself, so papermill's
    # client (now unreachable) still holds four open zmq sockets: collect it here, where closing them
    # is expected, rather than at some later point of the caller's code with a ResourceWarning each.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        gc.collect()
    return error


def run_notebook(path: Path, folder: Path, out_dir: Path, parameters: dict, timeout: int, log) -> dict:
    """Execute one notebook into `folder` and convert it to HTML; return its row of the runs table."""
    folder.mkdir(parents=True, exist_ok=True)
    tables = folder / "tables" / path.stem
    shutil.rmtree(tables, ignore_errors=True)  # tables of an earlier run into the same folder
    target = folder / f"{path.stem}.ipynb"
    error = _execute(path, target, parameters, tables, timeout, log)
    page = ""
    if target.exists():
        (folder / f"{path.stem}.html").write_text(notebook_page(nbformat.read(target, as_version=4)),
                                                  encoding="utf-8")
        page = (folder / f"{path.stem}.html").relative_to(out_dir).as_posix()
    saved = sorted(p.relative_to(out_dir).as_posix() for p in tables.glob("*.csv"))
    return {"notebook": path.name, "title": title_of(nbformat.read(path, as_version=4), path.stem),
            "status": "failed" if error else "ok", "error": error, "html": page, "tables": len(saved),
            "table_paths": saved}
