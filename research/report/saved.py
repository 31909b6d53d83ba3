"""The tables one event's notebook runs saved (`research.save_table`), read back for the report's pages.

A report run writes `tables/NN-name/<table>.csv` per notebook (paths in the
runs table's `table_paths`, relative to the report folder). `EventRun` gathers
one event's runs and reads their tables by name; a table that was not saved
(its notebook failed or was not run) reads as None, and `missing` says in a
line which notebook saves it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

import pandas as pd

from research.report.tables import read_table

# The tables the report's own pages read, and the notebook (by its number) that saves each.
SAVED_BY = {"findings": "each notebook", "cleaning-audit": "01", "characters-by-role": "01",
            "containment": "02", "containment_with_paraphrase": "02", "elements": "03", "coverage": "03",
            "omissions": "03", "outlet_summary": "03", "ledes": "03 and 05", "timeline": "04",
            "conflicts": "04", "headlines": "05", "voices": "05", "marker_rates": "05", "left_out": "05",
            "distinctive_terms": "05", "term_contexts": "05"}
# Columns read back as text whatever they hold (an article id may be all digits).
TEXT_COLUMNS = {"article_id", "outlet", "group", "term", "element_id", "element_ids", "shared_element_ids", "label",
                "figure", "headline", "text", "context", "a", "b", "finding", "subject", "claimant_group",
                "asof_end", "asof_text", "actor", "actor_group", "verb", "certainty", "outlets"}


@dataclass
class EventRun:
    """One analysed event of a report: its id, label, folder (relative to the report) and notebook runs.

    `runs`: its rows of the runs table (`notebook`, `title`, `status`, `error`, `html`, `table_paths`).
    """

    out_dir: Path
    event_id: str
    label: str
    folder: str
    runs: pd.DataFrame
    _cache: dict = field(default_factory=dict, repr=False)

    @classmethod
    def of(cls, out_dir: Path, event_id: str, label: str, runs: pd.DataFrame) -> EventRun:
        pages = [PurePosixPath(p) for p in runs["html"] if p]
        tables = [PurePosixPath(p) for paths in runs["table_paths"] for p in paths]
        # pages and tables sit in the event's folder: NN-name.html and tables/NN-name/x.csv
        folders = [p.parent for p in pages] + [p.parent.parent.parent for p in tables]
        folder = folders[0].as_posix() if folders else "."
        return cls(Path(out_dir), event_id, label, "" if folder == "." else folder, runs.reset_index(drop=True))

    def href(self, name: str) -> str:
        """The path of a page or file of this event's folder, relative to the report folder."""
        return f"{self.folder}/{name}" if self.folder else name

    def table_path(self, name: str, notebook: str = "") -> str:
        """The path (relative to the report) of the table `name` saved by the first notebook whose file
        name starts with `notebook`, "" when none saved it."""
        for run in self.runs.itertuples():
            if run.notebook.startswith(notebook):
                for path in run.table_paths:
                    if PurePosixPath(path).stem == name:
                        return path
        return ""

    def table(self, name: str, notebook: str = "", index: bool = False) -> pd.DataFrame | None:
        """The saved table `name` (see `table_path`); with `index`, its first column is the index. None
        when not saved. Columns of True/False are booleans, columns of numbers (empty: NaN) numbers,
        except `TEXT_COLUMNS` (ids, names, text), which stay text with "" for empty."""
        path = self.table_path(name, notebook)
        if not path:
            return None
        if (path, index) not in self._cache:
            frame = read_table(self.out_dir / path)
            frame = frame.apply(lambda column: column if column.name in TEXT_COLUMNS else _typed(column))
            self._cache[(path, index)] = frame.set_index(frame.columns[0]) if index else frame
        return self._cache[(path, index)].copy()

    def missing(self, name: str, what: str) -> str:
        """A line for readers: `what` is not available, and why."""
        failed = [run.title for run in self.runs.itertuples() if run.status != "ok"]
        reason = f" (failed here: {', '.join(failed)})" if failed else ""
        return (f"{what}: not available in this run. The table {name!r} is saved by notebook "
                f"{SAVED_BY.get(name, '?')}, which failed or was not run{reason}.")

    @property
    def ok(self) -> pd.DataFrame:
        return self.runs[self.runs["status"] == "ok"]


def _typed(column: pd.Series) -> pd.Series:
    """A column read as text as booleans (all True/False) or numbers (every non-empty value one; an
    empty value NaN)."""
    if len(column) and column.isin(["True", "False"]).all():
        return column == "True"
    values = column.where(column != "")
    converted = pd.to_numeric(values, errors="coerce")  # an all-empty column: all NaN
    return converted if converted.notna().sum() == values.notna().sum() else column
