"""The tables behind a notebook's figures, saved as CSV during a report run.

`save_table` is the notebook side of `research.report` and kept apart from it
so that notebooks do not import the notebook-execution machinery.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pandas as pd

TABLES_ENV = "RESEARCH_TABLES"
TABLE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")


def save_table(table: pd.DataFrame | pd.Series, name: str) -> None:
    """Write `table` as `<name>.csv` into the report's table folder; do nothing outside a report.

    For notebooks: call it on the table behind each figure. `build_report` sets
    the environment variable `RESEARCH_TABLES` to the folder for the notebook it
    runs; in any other run it is unset, so the notebook's outputs are the same
    either way (the function prints and returns nothing). `name` is a file name
    without `.csv` (letters, digits, `-`, `_`, `.`). The index is written when it
    carries labels (anything but a plain unnamed 0..n-1 RangeIndex).
    """
    if not TABLE_NAME.fullmatch(name):
        raise ValueError(f"save_table: {name!r} is not a plain file name (letters, digits, - _ .)")
    folder = os.environ.get(TABLES_ENV)
    if not folder:
        return
    frame = table.to_frame() if isinstance(table, pd.Series) else table
    labelled = not isinstance(frame.index, pd.RangeIndex) or frame.index.name is not None
    Path(folder).mkdir(parents=True, exist_ok=True)
    frame.to_csv(Path(folder) / f"{name}.csv", index=labelled)
