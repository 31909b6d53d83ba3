"""Running the notebooks of the series: find them, read their parameters, execute one with papermill.

The kernel runs in the folder the executed notebook is written to, with the
environment of `make regen` (PYTHONHASHSEED=0, TZ=UTC) plus `RESEARCH_TABLES`,
the absolute path of the folder where `research.save_table` writes the tables
behind its figures (a relative one would be read from the kernel's folder).
One kernel serves every run of a notebook (`Kernel`), reset between runs:
starting a kernel and importing the package took most of the time of a report
on small events.
"""

from __future__ import annotations

import os
import shutil
import subprocess
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


# Run in a reused kernel before each notebook, without a prompt number: a fresh namespace and
# execution count (imported modules stay loaded, which is what reuse saves), the run's folder (where
# the report's `corpus.jsonl` of the event is) and its tables folder.
PRELUDE = ("get_ipython().reset(new_session=True)\n"
           "__import__('os').chdir({folder!r})\n"
           "__import__('os').environ[{name!r}] = {tables!r}\n")


class _Manager(KernelManager):
    """A kernel manager that keeps the clients it makes, so that their channels can be stopped after
    a run: nbclient stops them only for the kernels it started itself."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.made = []

    def client(self, **kwargs):
        made = super().client(**kwargs)
        self.made.append(made)
        return made

    def stop_clients(self) -> None:
        while self.made:
            self.made.pop().stop_channels()


class Kernel:
    """A python3 kernel for the runs of one notebook, reused across events.

    Started with the environment of `make regen` (PYTHONHASHSEED=0, TZ=UTC),
    its own messages going to `log`; before each run its namespace and
    execution count are reset, its working folder set to the run's and
    `RESEARCH_TABLES` to the run's tables (`PRELUDE`), so a run gives what a
    new kernel would. A run that fails leaves its state unknown: the kernel is
    then replaced.
    """

    def __init__(self, folder: Path, log):
        self.folder, self.log, self.manager = folder, log, None

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    def start(self) -> KernelManager:
        if self.manager is None:
            self.manager = _Manager(kernel_name="python3")
            self.manager.start_kernel(env={**os.environ, "PYTHONHASHSEED": "0", "TZ": "UTC"}, cwd=str(self.folder),
                                      stdout=subprocess.DEVNULL, stderr=self.log)
        return self.manager

    def stop(self) -> None:
        if self.manager is not None:
            self.manager.shutdown_kernel(now=True)
            self.manager = None

    def prepare(self, folder: Path, tables: Path, timeout: int) -> None:
        """Reset the namespace, work in `folder` and point `RESEARCH_TABLES` at `tables` (an absolute
        path), starting the kernel if needed."""
        client = self.start().client()
        client.start_channels()
        try:
            client.wait_for_ready(timeout=timeout)
            prelude = PRELUDE.format(folder=str(folder), name=TABLES_ENV, tables=str(tables.absolute()))
            reply = client.execute_interactive(prelude, silent=True, store_history=False, timeout=timeout)
            if reply["content"]["status"] != "ok":
                raise RuntimeError(f"the kernel could not be reset: {reply['content'].get('evalue', '')}")
        finally:
            self.manager.stop_clients()


def _execute(path: Path, target: Path, parameters: dict, tables: Path, timeout: int, kernel: Kernel) -> str:
    """Execute notebook `path` into `target` with papermill in `kernel`; return "" or the error in one line."""
    error = ""
    try:
        kernel.prepare(target.parent, tables, timeout)
        papermill.execute_notebook(str(path), str(target), parameters=parameters, kernel_name="python3",
                                   progress_bar=False, km=kernel.manager, execution_timeout=timeout,
                                   request_save_on_cell_execute=False)  # written once, at the end
    except papermill.PapermillExecutionError as failure:
        error = _one_line(f"in cell [{failure.exec_count}]: {failure.ename}: {failure.evalue}")
    except (CellTimeoutError, DeadKernelError, RuntimeError, TimeoutError) as failure:
        error = _one_line(f"{type(failure).__name__}: {failure}")
    finally:
        if kernel.manager is not None:
            kernel.manager.stop_clients()  # papermill's client, left open by nbclient
    if error:
        kernel.stop()  # its state is unknown: the next run starts a new one
    return error


def run_notebook(path: Path, folder: Path, out_dir: Path, parameters: dict, timeout: int, kernel: Kernel,
                 series: list[Path] | None = None) -> dict:
    """Execute one notebook into `folder` in `kernel` and convert it to HTML; return its row of the runs
    table. `series`: the notebooks run in the same folder, in order; the page links to its neighbours."""
    folder.mkdir(parents=True, exist_ok=True)
    tables = folder / "tables" / path.stem
    shutil.rmtree(tables, ignore_errors=True)  # tables of an earlier run into the same folder
    target = folder / f"{path.stem}.ipynb"
    error = _execute(path, target, parameters, tables, timeout, kernel)
    page = ""
    title = title_of(nbformat.read(path, as_version=4), path.stem)
    if target.exists():
        series = series or [path]
        at = series.index(path)
        neighbour = {i: (f"{series[i].stem}.html", title_of(nbformat.read(series[i], as_version=4), series[i].stem))
                     for i in (at - 1, at + 1) if 0 <= i < len(series)}
        index = "../" * len(folder.relative_to(out_dir).parts) + "index.html"
        (folder / f"{path.stem}.html").write_text(
            notebook_page(nbformat.read(target, as_version=4), title, index=index, previous=neighbour.get(at - 1),
                          following=neighbour.get(at + 1), source=target.name), encoding="utf-8")
        page = (folder / f"{path.stem}.html").relative_to(out_dir).as_posix()
    saved = sorted(p.relative_to(out_dir).as_posix() for p in tables.glob("*.csv"))
    return {"notebook": path.name, "title": title,
            "status": "failed" if error else "ok", "error": error, "html": page, "tables": len(saved),
            "table_paths": saved}
