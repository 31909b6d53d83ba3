"""The package's charts: each draws one table of an analysis on a matplotlib `Axes`.

Every function takes the table it shows (computed by the analysis module named
in its docstring) and the axes to draw on, and draws nothing else: the
notebooks show the same table beside each chart, since images are not compared
by the notebook checks.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
from matplotlib.patches import Patch

from research.claims.ledger import TIMELINE_MARKERS
from research.framing.voices import OWN_VOICE
from research.story.coverage import coverage_matrix


def plot_coverage(table: pd.DataFrame, labels: pd.Series, ax, min_outlets: int = 2, width: int = 70):
    """Draw the coverage matrix of `table` (`coverage`) on `ax`, rows and columns as `coverage_matrix`.

    A cell per element and outlet, numbered with the paragraph of first
    mention and coloured by the share of the body before it (dark: near the
    top); blank where the outlet does not carry the element. `labels`:
    element id -> label, cut to `width` characters.
    """
    paragraphs = coverage_matrix(table, min_outlets).astype("float64")
    positions = coverage_matrix(table, min_outlets, "first_position").astype("float64").to_numpy()
    image = ax.imshow(np.ma.masked_invalid(positions), cmap="viridis", aspect="auto", vmin=0, vmax=1)
    for (row, column), value in np.ndenumerate(paragraphs.to_numpy()):
        if not np.isnan(value):
            ax.text(column, row, f"{value:.0f}", ha="center", va="center", fontsize=8,
                    color="white" if positions[row, column] < 0.5 else "black")
    names = [f"{e} {labels[e][:width]}" + ("…" if len(labels[e]) > width else "") for e in paragraphs.index]
    ax.set_yticks(range(len(paragraphs)), names, fontsize=8)
    ax.set_xticks(range(paragraphs.shape[1]), paragraphs.columns, rotation=30, ha="left")
    ax.xaxis.tick_top()
    ax.set_xticks(np.arange(-0.5, paragraphs.shape[1]), minor=True)
    ax.set_yticks(np.arange(-0.5, len(paragraphs)), minor=True)
    ax.grid(which="minor", color="#dddddd", linewidth=0.5)
    ax.tick_params(which="minor", length=0)
    ax.figure.colorbar(image, ax=ax, label="share of the body before the first mention", shrink=0.5)
    return ax


def plot_voices(table: pd.DataFrame, ax) -> None:
    """Draw `voice_table` as horizontal stacked bars: one bar per group, one colour per
    actor group, direct quotes solid and reported speech hatched, own voice light grey."""
    sources = list(dict.fromkeys(c.rsplit(" (", 1)[0] for c in table.columns if c != OWN_VOICE))
    colours = {source: "0.55" if source == "other sources" else f"C{i}" for i, source in enumerate(sources)}
    left = np.zeros(len(table))
    positions = np.arange(len(table))
    for column in table.columns:
        values = table[column].to_numpy()
        if column == OWN_VOICE:
            ax.barh(positions, values, left=left, color="0.92", edgecolor="0.6")
        else:
            source, voice = column.rsplit(" (", 1)
            direct = voice == "direct)"
            ax.barh(positions, values, left=left, color=colours[source], alpha=1.0 if direct else 0.45,
                    hatch=None if direct else "//", edgecolor="white")
        left += values
    ax.set_yticks(positions, table.index)
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.set_xlabel("share of the outlet's body words")
    handles = [Patch(color=colours[source], label=source) for source in sources]
    handles += [Patch(facecolor="0.3", label="solid: direct quote"),
                Patch(facecolor="0.3", alpha=0.45, hatch="//", edgecolor="white", label="hatched: reported speech"),
                Patch(facecolor="0.92", edgecolor="0.6", label=OWN_VOICE)]
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8, frameon=False)


def plot_distinctive_terms(top: pd.DataFrame, axes) -> None:
    """One panel per group of `top` (rows of `distinctive_terms`, e.g. each group's first
    terms): bars of z, highest on top, with "count in group / in the rest" at each bar
    and a dashed line at z = 1.96. Axes beyond the number of groups are hidden."""
    axes = list(np.ravel(axes))
    groups = sorted(top["group"].unique())
    for ax, group in zip(axes, groups):
        rows = top[top["group"] == group].sort_values(["z", "term"], ascending=[True, False])
        positions = np.arange(len(rows))
        ax.barh(positions, rows["z"], color="C0")
        ax.set_yticks(positions, rows["term"])
        for y, (z, mine, rest) in enumerate(zip(rows["z"], rows["count_group"], rows["count_rest"])):
            ax.text(z, y, f" {mine}/{rest}", va="center", fontsize=8)
        ax.axvline(1.96, color="0.5", linestyle="--", linewidth=0.8)
        ax.set_title(group, fontsize=10)
        ax.set_xlabel("z")
        ax.set_xlim(min(0.0, float(top["z"].min())), max(float(top["z"].max()) * 1.3, 2.5))
    for ax in axes[len(groups):]:
        ax.set_visible(False)


def plot_timeline(table: pd.DataFrame, ax, title: str = ""):
    """Draw `timeline_table` rows: x the as-of date, y the figure (log scale when it spans a factor
    of 20), colour the claimant group, marker the outlet; ranges as vertical bars, open bounds
    ("at least", "up to") as dotted bars. Figures whose as-of date is after publication (`ahead`:
    targets such as "by December", periods such as "this month") would stretch the date axis and crowd
    the reported figures, so they are drawn at its right edge, labelled with their phrase and date.
    Returns `ax`."""
    import matplotlib.dates as mdates
    from matplotlib.lines import Line2D
    from matplotlib.ticker import FixedLocator

    groups = sorted(table["claimant_group"].unique())
    outlets = sorted(table["outlet"].unique())
    colours = {group: f"C{i % 10}" for i, group in enumerate(groups)}
    markers = {outlet: TIMELINE_MARKERS[i % len(TIMELINE_MARKERS)] for i, outlet in enumerate(outlets)}
    reported = table[~table["ahead"]] if table["ahead"].any() and not table["ahead"].all() else table
    dates = pd.to_datetime(reported["asof_end"])
    span = max((dates.max() - dates.min()) / pd.Timedelta(days=1), 1) if len(dates) else 1
    edge = dates.max() + pd.Timedelta(days=max(span * 0.15, 1)) if len(dates) else None
    step = span * 0.04  # outlets side by side at one date, far enough apart not to hide each other
    shift = {outlet: pd.Timedelta(days=step * (i - (len(outlets) - 1) / 2)) for i, outlet in enumerate(outlets)}
    labelled = set()
    for row in table.itertuples():
        beyond = edge is not None and pd.Timestamp(row.asof_end) > edge
        x = (edge if beyond else pd.Timestamp(row.asof_end)) + shift[row.outlet]
        label = f"{row.figure} ({row.asof_text}: {row.asof_end})" if row.asof_text else f"{row.figure} ({row.asof_end})"
        if beyond and label not in labelled:
            labelled.add(label)
            ax.annotate(label, (edge, row.y), xytext=(12, 0), textcoords="offset points", va="center",
                        fontsize=8)
        colour = colours[row.claimant_group]
        if not math.isnan(row.low) and not math.isnan(row.high) and row.low != row.high:
            ax.vlines(x, row.low, row.high, color=colour, linewidth=3, alpha=0.5)
        elif math.isnan(row.high) and not math.isnan(row.low):
            ax.vlines(x, row.low, row.low * 1.5, color=colour, linestyles="dotted")
        elif math.isnan(row.low) and not math.isnan(row.high):
            ax.vlines(x, row.high / 1.5, row.high, color=colour, linestyles="dotted")
        ax.scatter([x], [row.y], color=colour, marker=markers[row.outlet], s=60, edgecolor="black", zorder=3)
    if len(dates):
        margin = pd.Timedelta(days=span * 0.08 + step * len(outlets) / 2)
        ax.set_xlim(dates.min() - margin, dates.max() + margin)
    if edge is not None and (pd.to_datetime(table["asof_end"]) > edge).any():
        ax.set_xlim(right=edge + pd.Timedelta(days=span * 0.7))
    values = table["y"].dropna()
    if len(values) and values.max() > 20 * max(values.min(), 1e-9):
        ax.set_yscale("log")
    days = sorted(dates.unique())
    # A tick at each date with figures when there are few of them, else evenly spaced ones.
    ax.xaxis.set_major_locator(mdates.AutoDateLocator(maxticks=6) if len(days) > 6 else
                               FixedLocator(mdates.date2num(days)))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m-%d"))
    ax.set_xlabel("date the figure refers to (as-of end; later targets at the right edge)")
    ax.set_ylabel("figure")
    ax.set_title(title)
    # Figure-level legends beside the axes, so that saving with a tight bounding box keeps them.
    ax.figure.legend([Line2D([], [], color=colours[g], marker="o", linestyle="") for g in groups], groups,
                     title="claimant group", loc="upper left", bbox_to_anchor=(1.01, 1),
                     bbox_transform=ax.transAxes, fontsize=8)
    ax.figure.legend([Line2D([], [], color="grey", marker=markers[o], linestyle="") for o in outlets], outlets,
                     title="outlet", loc="lower left", bbox_to_anchor=(1.01, 0), bbox_transform=ax.transAxes,
                     fontsize=8)
    return ax
