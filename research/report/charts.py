"""Charts of the report's front page, drawn from the tables a run saved (`research.report.saved`).

`draw(name, table, path, title)` draws the saved table `name` with the chart
function of `research.report.figures` the notebooks use for it, titled with
the finding it backs, and writes it as SVG (text as paths: the same on every
screen, sharp at any size). `CHARTS` lists the tables that have a chart.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from research.report import figures

STYLE = {"font.family": "DejaVu Sans", "font.size": 10, "axes.spines.top": False, "axes.spines.right": False,
         "svg.hashsalt": "research", "svg.fonttype": "path"}
ROLE_COLOURS = {"body": "#08519c"}
SHARE_COLUMNS = {"words_every": "every outlet", "words_some": "some outlets", "words_only": "this outlet only"}
SHARE_COLOURS = {"every outlet": "#08519c", "some outlets": "#6baed6", "this outlet only": "#fd8d3c"}
COVERAGE_ROWS = 20  # elements in the front page's coverage matrix


def _figure(width: float, height: float) -> tuple[Figure, object]:
    """A figure at 100 dpi and its axes."""
    figure = Figure(figsize=(width, height), dpi=100)
    return figure, figure.subplots()


def _roles(table: pd.DataFrame, title: str) -> tuple[Figure, str]:
    table = table.set_index(table.columns[0])
    figure, ax = _figure(7.5, 0.45 * len(table) + 1.4)
    colours = {role: ROLE_COLOURS.get(role, f"C{i + 1}") for i, role in enumerate(table.columns)}
    figures.plot_shares(table, ax, title, colours)
    return figure, ""


def _containment(table: pd.DataFrame, title: str) -> tuple[Figure, str]:
    table = table.set_index(table.columns[0])
    figure, ax = _figure(0.9 * len(table.columns) + 2.5, 0.55 * len(table) + 1.8)
    figures.plot_containment(table, ax, title)
    return figure, ""


def _coverage(table: pd.DataFrame, title: str) -> tuple[Figure, str]:
    """The matrix of the `COVERAGE_ROWS` elements carried most widely (by two outlets or more), and a note
    saying so when there are more."""
    labels = table.drop_duplicates("element_id").set_index("element_id")["label"]
    shared = int((table.groupby("element_id")["n_outlets"].first() >= 2).sum())
    figure, ax = _figure(5.5, 0.3 * min(max(shared, 1), COVERAGE_ROWS) + 2)
    shown = table[table["element_id"].isin(_first_elements(table, COVERAGE_ROWS))]
    figures.plot_coverage(shown, labels, ax, width=38, title=title)
    note = (f"The {COVERAGE_ROWS} most widely carried of the {shared} elements told by two outlets or more."
            if shared > COVERAGE_ROWS else "")
    return figure, note


def _first_elements(table: pd.DataFrame, count: int) -> list[str]:
    """The `count` elements carried by most outlets (the rows `coverage_matrix` puts first)."""
    order = table.groupby("element_id").agg(n=("n_outlets", "first"), position=("first_position", "median"))
    order = order.reset_index().sort_values(["n", "position", "element_id"], ascending=[False, True, True])
    return list(order["element_id"].head(count))


def _summary(table: pd.DataFrame, title: str) -> tuple[Figure, str]:
    shares = table.set_index("outlet")[list(SHARE_COLUMNS)].rename(columns=SHARE_COLUMNS)
    figure, ax = _figure(7.5, 0.45 * len(shares) + 1.4)
    figures.plot_shares(shares, ax, title, SHARE_COLOURS)
    return figure, ""


def _timeline(table: pd.DataFrame, title: str) -> tuple[Figure, str]:
    rows = table[["asof_end", "ahead", "claimant_group"]].drop_duplicates()
    figure, ax = _figure(6.5, 0.36 * len(rows) + 1.6)
    figures.plot_timeline(table, ax, title)
    return figure, ""


def _terms(table: pd.DataFrame, title: str) -> tuple[Figure, str]:
    groups = table["group"].nunique()
    columns = min(2, max(groups, 1))
    rows = -(-groups // columns)
    per_panel = int(table.groupby("group").size().max()) if len(table) else 1
    figure = Figure(figsize=(3.9 * columns, (0.3 * per_panel + 1.4) * rows + 0.6), dpi=100, layout="constrained")
    axes = figure.subplots(rows, columns, squeeze=False)
    figures.plot_distinctive_terms(table, axes, title)
    return figure, ""


def _voices(table: pd.DataFrame, title: str) -> tuple[Figure, str]:
    table = table.set_index(table.columns[0])
    figure, ax = _figure(6, 0.5 * len(table) + 1.4)
    figures.plot_voices(table, ax, title)
    return figure, ""


# Saved table name -> chart function (table as saved, title) -> (figure, a note for its caption or "").
CHARTS = {"characters-by-role": _roles, "containment": _containment, "containment_with_paraphrase": _containment,
          "coverage": _coverage, "outlet_summary": _summary, "timeline": _timeline,
          "distinctive_terms": _terms, "voices": _voices}


def draw(name: str, table: pd.DataFrame, path: Path, title: str) -> str | None:
    """Draw the saved table `name` as SVG into `path`; return a note for the caption ("" when none is
    needed), None (nothing written) when the table has no chart or nothing to draw."""
    if name not in CHARTS or table is None or table.empty:
        return None
    with matplotlib.rc_context(STYLE), np.errstate(all="ignore"):
        figure, note = CHARTS[name](table, title)
        path.parent.mkdir(parents=True, exist_ok=True)
        figure.savefig(path, format="svg", bbox_inches="tight", metadata={"Date": None, "Creator": None})
    return note
