"""The tables behind a notebook's figures, saved as CSV during a report run.

`save_table` is the notebook side of `research.report` and kept apart from it
so that notebooks do not import the notebook-execution machinery. `write_csv`
writes every CSV of a report (these tables, `articles.csv`, `runs.csv`) with
formula-like cells made harmless; `read_table` reads one back as it was.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pandas as pd

TABLES_ENV = "RESEARCH_TABLES"
TABLE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")
# What makes a spreadsheet read a cell as a formula (OWASP, "CSV Injection"): such text gets a leading "'".
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Text that gets a leading "'": formula-like, or already quoted so (so that `read_table` can undo it exactly).
QUOTED = re.compile(r"'*[=+\-@\t\r]")


def _as_text(value):
    return "'" + value if isinstance(value, str) and QUOTED.match(value) else value


def _unquoted(value):
    return value[1:] if isinstance(value, str) and value.startswith("'") and QUOTED.match(value) else value


def _textual(values: pd.Series | pd.Index) -> bool:
    """True for values that may hold text (object, string or categorical), not numbers or dates."""
    dtype = values.dtype
    return isinstance(dtype, pd.CategoricalDtype) or pd.api.types.is_object_dtype(dtype) or \
        pd.api.types.is_string_dtype(dtype)


def _labels(index: pd.Index) -> pd.Index:
    if isinstance(index, pd.MultiIndex):
        return pd.MultiIndex.from_arrays([_labels(index.get_level_values(i)) for i in range(index.nlevels)],
                                         names=[_as_text(name) for name in index.names])
    return index.map(_as_text).rename(_as_text(index.name)) if _textual(index) else index


def neutralise_formulas(frame: pd.DataFrame) -> pd.DataFrame:
    """`frame` with a `'` put before every text cell, column name and index label that starts with
    `=`, `+`, `-`, `@`, a tab or a carriage return, so that Excel and LibreOffice show it as text
    instead of evaluating it (OWASP's advice on CSV injection), and before text that starts with
    `'` and one of those, so that `read_table` gives back every text exactly. Numbers and dates are
    left as they are."""
    columns = [frame.iloc[:, i].map(_as_text) if _textual(frame.iloc[:, i]) else frame.iloc[:, i]
               for i in range(frame.shape[1])]
    safe = pd.concat(columns, axis=1) if columns else frame.copy()
    safe.columns = _labels(frame.columns)
    safe.index = _labels(frame.index)
    return safe


def write_csv(frame: pd.DataFrame, path: Path, index: bool = False) -> None:
    """Write `frame` as CSV to `path` with formula-like cells neutralised (`neutralise_formulas`)."""
    neutralise_formulas(frame).to_csv(path, index=index)


def read_table(path: Path) -> pd.DataFrame:
    """A CSV written by `write_csv`, every cell as text, with the `'` it put before formula-like text removed."""
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    frame.columns = [_unquoted(column) for column in frame.columns]
    return frame.map(_unquoted)


def save_table(table: pd.DataFrame | pd.Series, name: str) -> None:
    """Write `table` as `<name>.csv` into the report's table folder; do nothing outside a report.

    For notebooks: call it on the table behind each figure. `build_report` sets
    the environment variable `RESEARCH_TABLES` to the folder for the notebook it
    runs; in any other run it is unset, so the notebook's outputs are the same
    either way (the function prints and returns nothing). `name` is a file name
    without `.csv` (letters, digits, `-`, `_`, `.`). The index is written when it
    carries labels (anything but a plain unnamed 0..n-1 RangeIndex). Text that a
    spreadsheet would run as a formula is written with a leading `'` (`write_csv`).
    """
    if not TABLE_NAME.fullmatch(name):
        raise ValueError(f"save_table: {name!r} is not a plain file name (letters, digits, - _ .)")
    folder = os.environ.get(TABLES_ENV)
    if not folder:
        return
    frame = table.to_frame() if isinstance(table, pd.Series) else table
    labelled = not isinstance(frame.index, pd.RangeIndex) or frame.index.name is not None
    Path(folder).mkdir(parents=True, exist_ok=True)
    write_csv(frame, Path(folder) / f"{name}.csv", index=labelled)
