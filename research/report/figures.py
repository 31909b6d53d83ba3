"""The package's charts: each draws one table of an analysis on matplotlib axes.

Every function takes the table it shows (computed by the analysis module named
in its docstring), the axes to draw on and an optional `title`: a sentence that
states what the chart shows (callers compute it from the same table), drawn
left-aligned above the chart. Shares are drawn on percentage axes, values are
written on the marks where they fit, and no text is smaller than 10 points.
The notebooks show the same table beside each chart, since images are not
compared by the notebook checks.
"""

from __future__ import annotations

import math
import textwrap

import numpy as np
import pandas as pd
from matplotlib.colors import ListedColormap, to_rgb
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter, PercentFormatter

from research.claims.ledger import TIMELINE_MARKERS
from research.framing.voices import OWN_VOICE
from research.story.coverage import coverage_matrix

SMALL = 10  # points: the smallest text of any chart
TITLE = 12
LEDE, LATER, ABSENT = "#08519c", "#9ecae1", "white"  # the three states of the coverage matrix
OWN = "0.88"  # the outlet's own voice, and other neutral remainders
# Outside the tab10 range of a chart's categories: the colour of "other" categories.
OTHER = "0.6"


def _title(ax, title: str | None, pad: float = 6.0) -> None:
    """`title` left-aligned above `ax`, bold, wrapped to the width of the figure."""
    if title:
        width = max(40, int(ax.figure.get_figwidth() * 9))
        ax.set_title(textwrap.fill(title, width), loc="left", fontsize=TITLE, fontweight="bold", pad=pad)


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[:width - 1].rstrip() + "…"


def plot_shares(table: pd.DataFrame, ax, title: str | None = None, colors: dict | None = None):
    """Draw a table of parts as 100% stacked horizontal bars: one bar per row (e.g. outlets), one
    segment per column (e.g. block roles, or `outlet_summary`'s `words_every`, `words_some`,
    `words_only` renamed for readers), in column order, first row on top.

    Each row is scaled to add up to 100% (counts become shares). Segments of 7% or more carry their
    percentage; the columns are named in one row above the bars. `colors`: column -> colour
    (default: tab10 in column order). Returns `ax`.
    """
    values = table.astype("float64").fillna(0.0)
    totals = values.sum(axis=1).replace(0.0, np.nan)
    shares = values.div(totals, axis=0).fillna(0.0)
    colors = colors or {column: f"C{i % 10}" for i, column in enumerate(shares.columns)}
    positions = np.arange(len(shares))
    left = np.zeros(len(shares))
    for column in shares.columns:
        widths = shares[column].to_numpy()
        colour = colors.get(column, OTHER)
        ax.barh(positions, widths, left=left, color=colour, edgecolor="white", linewidth=0.8, height=0.7,
                label=str(column))
        dark = np.mean(to_rgb(colour)) < 0.6
        for y, (x, width) in enumerate(zip(left, widths)):
            if width >= 0.07:
                ax.text(x + width / 2, y, f"{width:.0%}", ha="center", va="center", fontsize=SMALL,
                        color="white" if dark else "black")
        left += widths
    ax.set_yticks(positions, [str(i) for i in shares.index], fontsize=SMALL)
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.xaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
    ax.tick_params(labelsize=SMALL)
    ax.legend(loc="lower left", bbox_to_anchor=(0, 1.0), ncol=len(shares.columns), frameon=False,
              fontsize=SMALL, handlelength=1.0, columnspacing=1.2, borderaxespad=0.2)
    _title(ax, title, pad=26)
    return ax


def plot_containment(table: pd.DataFrame, ax, title: str | None = None):
    """Draw an ordered-pair table of shares (`article_overlap` pivoted: rows A, columns B, e.g.
    `containment`) as a heat map with the percentage in each cell; the diagonal (an article with
    itself) is blank. Returns `ax`."""
    values = table.to_numpy(dtype="float64")
    top = max(0.5, float(np.nanmax(values))) if np.isfinite(values).any() else 0.5
    ax.imshow(np.ma.masked_invalid(values), cmap="Blues", vmin=0, vmax=top, aspect="auto")
    for (row, column), value in np.ndenumerate(values):
        if not np.isnan(value):
            ax.text(column, row, f"{value:.0%}" if value == 0 or value >= 0.005 else "<1%", ha="center",
                    va="center", fontsize=SMALL, color="white" if value > 0.6 * top else "black")
    ax.set_xticks(range(values.shape[1]), [str(c) for c in table.columns], rotation=30, ha="right",
                  fontsize=SMALL)
    ax.set_yticks(range(values.shape[0]), [str(i) for i in table.index], fontsize=SMALL)
    ax.set_xlabel("… found in this outlet's article", fontsize=SMALL)
    ax.set_ylabel("Share of this outlet's words …", fontsize=SMALL)
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    _title(ax, title)
    return ax


def plot_coverage(table: pd.DataFrame, labels: pd.Series, ax, min_outlets: int = 2, width: int = 70,
                  title: str | None = None):
    """Draw the coverage matrix of `table` (`coverage`) on `ax`, rows and columns as `coverage_matrix`.

    One cell per story element (row) and outlet (column) in three states: dark, the outlet
    carries the element in its lede (`in_lede`); light, it carries it later; white, it does not
    carry it. Carried cells show the paragraph of first mention. `labels`: element id -> label,
    cut to `width` characters. Returns `ax`.
    """
    paragraphs = coverage_matrix(table, min_outlets).astype("float64")
    in_lede = coverage_matrix(table, min_outlets, "in_lede").fillna(False).astype(bool).to_numpy()
    carried = ~np.isnan(paragraphs.to_numpy())
    state = np.where(carried, np.where(in_lede, 2, 1), 0)
    ax.imshow(state, cmap=ListedColormap([ABSENT, LATER, LEDE]), vmin=0, vmax=2, aspect="auto")
    for (row, column), value in np.ndenumerate(paragraphs.to_numpy()):
        if not np.isnan(value):
            ax.text(column, row, f"¶{value:.0f}", ha="center", va="center", fontsize=SMALL,
                    color="white" if state[row, column] == 2 else "black")
    names = [_cut(str(labels.get(e, e)), width) for e in paragraphs.index]
    ax.set_yticks(range(len(paragraphs)), names, fontsize=SMALL)
    column_inches = ax.get_position().width * ax.figure.get_figwidth() / max(paragraphs.shape[1], 1)
    many = max((len(str(c)) for c in paragraphs.columns), default=0) * 0.085 > column_inches  # 10 pt letters
    ax.set_xticks(range(paragraphs.shape[1]), [str(c) for c in paragraphs.columns], fontsize=SMALL,
                  rotation=30 if many else 0, ha="left" if many else "center")
    ax.xaxis.tick_top()
    ax.set_xticks(np.arange(-0.5, paragraphs.shape[1]), minor=True)
    ax.set_yticks(np.arange(-0.5, len(paragraphs)), minor=True)
    ax.grid(which="minor", color="0.8", linewidth=0.8)
    ax.tick_params(which="both", length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    handles = [Patch(facecolor=LEDE, label="in the lede"), Patch(facecolor=LATER, label="later in the story"),
               Patch(facecolor=ABSENT, edgecolor="0.6", label="not carried")]
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(0, -0.01), ncol=3, frameon=False,
              fontsize=SMALL, title="¶: paragraph of first mention", title_fontsize=SMALL,
              alignment="left", handlelength=1.0)
    _title(ax, title, pad=12 if many else 28)
    return ax


def plot_voices(table: pd.DataFrame, ax, title: str | None = None):
    """Draw `voice_table` as 100% stacked horizontal bars: one bar per group (e.g. outlet), one colour
    per actor group, direct quotes solid and reported speech light and hatched, the outlet's own voice
    grey at the end. Segments of 6% or more carry their percentage. Returns `ax`."""
    sources = list(dict.fromkeys(c.rsplit(" (", 1)[0] for c in table.columns if c != OWN_VOICE))
    colours = {source: OTHER if source == "other sources" else f"C{i % 10}" for i, source in enumerate(sources)}
    left = np.zeros(len(table))
    positions = np.arange(len(table))
    for column in table.columns:
        values = table[column].to_numpy(dtype="float64")
        if column == OWN_VOICE:
            colour, alpha, hatch, ink = OWN, 1.0, None, "black"
        else:
            source, voice = column.rsplit(" (", 1)
            direct = voice == "direct)"
            colour, alpha, hatch = colours[source], 1.0 if direct else 0.45, None if direct else "///"
            ink = "white" if direct and source != "other sources" else "black"
        ax.barh(positions, values, left=left, color=colour, alpha=alpha, hatch=hatch, edgecolor="white",
                linewidth=0.8, height=0.7)
        for y, (x, width) in enumerate(zip(left, values)):
            if width >= 0.06:
                ax.text(x + width / 2, y, f"{width:.0%}", ha="center", va="center", fontsize=SMALL, color=ink)
        left += values
    ax.set_yticks(positions, [str(i) for i in table.index], fontsize=SMALL)
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.xaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
    ax.tick_params(labelsize=SMALL)
    ax.set_xlabel("share of the outlet's body words", fontsize=SMALL)
    handles = [Patch(color=colours[source], label=source) for source in sources]
    handles += [Patch(facecolor="0.35", label="solid: quoted directly"),
                Patch(facecolor="0.35", alpha=0.45, hatch="///", edgecolor="white", label="light: reported speech"),
                Patch(facecolor=OWN, label="the outlet's own words")]
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=SMALL, frameon=False)
    _title(ax, title)
    return ax


def plot_distinctive_terms(top: pd.DataFrame, axes, title: str | None = None) -> None:
    """One panel per group of `top` (rows of `distinctive_terms`, e.g. each group's first terms): how
    much more typical each term is of the group than of the others (z of the weighted log-odds),
    highest on top, with the term's uses in the group and in the rest at each bar and a dashed line
    at z = 1.96 (stronger than chance would give one time in 20). Axes beyond the number of groups
    are hidden; `title` goes above all panels."""
    axes = list(np.ravel(axes))
    groups = sorted(top["group"].unique())
    high = max(float(top["z"].max()) * 1.45, 3.0) if len(top) else 3.0
    for ax, group in zip(axes, groups):
        rows = top[top["group"] == group].sort_values(["z", "term"], ascending=[True, False])
        positions = np.arange(len(rows))
        ax.barh(positions, rows["z"], color="C0", height=0.7)
        ax.set_yticks(positions, rows["term"], fontsize=SMALL)
        for y, (z, mine, rest) in enumerate(zip(rows["z"], rows["count_group"], rows["count_rest"])):
            ax.text(z, y, f" {mine} here, {rest} elsewhere", va="center", fontsize=SMALL, color="0.3")
        ax.axvline(1.96, color="0.45", linestyle="--", linewidth=0.9)
        ax.set_title(str(group), fontsize=TITLE, fontweight="bold", loc="left")
        ax.set_xlabel("more typical of this outlet than of the others →\n(beyond the dashed line: unlikely by chance)",
                      fontsize=SMALL)
        ax.set_xlim(min(0.0, float(top["z"].min())), high)
        ax.tick_params(labelsize=SMALL)
    for ax in axes[len(groups):]:
        ax.set_visible(False)
    if title and axes:
        figure = axes[0].figure
        figure.suptitle(textwrap.fill(title, max(40, int(figure.get_figwidth() * 9))), x=0.01, ha="left",
                        fontsize=TITLE, fontweight="bold")


def _thousands(value, _position=None) -> str:
    return f"{value:,.0f}"


def _row_label(date: str, ahead: bool, claimant: str, year: bool) -> str:
    day = pd.Timestamp(date)
    text = f"{day.day} {day.strftime('%b %Y' if year else '%b')}"
    return f"{'target for ' if ahead else ''}{text} · {claimant}"


def plot_timeline(table: pd.DataFrame, ax, title: str | None = ""):
    """Draw `timeline_table` rows as a dot plot of one subject's figures on a linear axis.

    One row per date the figures refer to and claimant group (earliest on top; targets such as
    "10,000 by December" are rows of their own, "target for ..."); one dot per outlet carrying the
    figure, coloured and shaped by outlet (the one legend), with the figure as stated written beside
    it. Ranges ("1,000-2,000") are lines between their bounds, open bounds ("at least", "up to")
    arrows. A figure over ten times the median (e.g. a whole army beside a deployment) is drawn at
    the right edge with its value, so that it does not flatten the others. Returns `ax`.
    """
    outlets = sorted(table["outlet"].unique())
    colours = {outlet: f"C{i % 10}" for i, outlet in enumerate(outlets)}
    markers = {outlet: TIMELINE_MARKERS[i % len(TIMELINE_MARKERS)] for i, outlet in enumerate(outlets)}
    table = table.assign(ahead=table["ahead"].astype(bool))
    keys = table[["asof_end", "ahead", "claimant_group"]].drop_duplicates().sort_values(
        ["ahead", "asof_end", "claimant_group"])
    year = pd.to_datetime(table["asof_end"]).dt.year.nunique() > 1 if len(table) else False
    rows = {tuple(key): i for i, key in enumerate(keys.itertuples(index=False, name=None))}
    values = table["y"].astype("float64")
    median = float(values.median()) if len(values) else 0.0
    outlier = values > 10 * median if median > 0 else pd.Series(False, index=values.index)
    inside = table[~outlier]
    bounds = pd.concat([inside["y"], inside["low"], inside["high"]]).astype("float64").dropna()
    edge = float(bounds.max()) * 1.12 if len(bounds) else 1.0
    span = edge
    per_inch = edge * 1.04 / max(ax.get_position().width * ax.figure.get_figwidth(), 1.0)
    for key, group in table.groupby(["asof_end", "ahead", "claimant_group"], sort=False):
        present = sorted(group["outlet"].unique())
        offset = {o: rows[key] + (i - (len(present) - 1) / 2) * 0.24 for i, o in enumerate(present)}
        marks = []  # (y, x where the mark starts, x where it ends, label, figure drawn off the scale)
        for row in group.sort_values(["y", "outlet"]).itertuples():
            y, colour, far = offset[row.outlet], colours[row.outlet], bool(outlier[row.Index])
            x = end = edge if far else float(row.y)
            start = x
            if not far and not math.isnan(row.low) and not math.isnan(row.high) and row.low != row.high:
                ax.hlines(y, row.low, row.high, color=colour, linewidth=3, alpha=0.45)
                start, end = min(x, row.low), max(x, row.high)
            elif not far and math.isnan(row.high) and not math.isnan(row.low):
                end = row.low + 0.08 * span
                ax.annotate("", (end, y), (row.low, y), arrowprops={"arrowstyle": "->", "color": colour,
                                                                    "linewidth": 1.5})
            elif not far and math.isnan(row.low) and not math.isnan(row.high):
                start = row.high - 0.08 * span
                ax.annotate("", (start, y), (row.high, y),
                            arrowprops={"arrowstyle": "->", "color": colour, "linewidth": 1.5})
            ax.scatter([x], [y], color=colour, marker=markers[row.outlet], s=55, edgecolor="black",
                       linewidth=0.6, zorder=3)
            marks.append((y, start, end, x, str(row.figure), far))
        labels: dict[tuple, list] = {}  # figures drawn at one dot share one label, after the longest mark
        for y, start, end, x, figure, far in marks:
            if not any(figure in texts for texts, _ in labels.values()):  # each figure of a row once
                texts, reach = labels.setdefault((y, x, far), ([], [end]))
                texts.append(figure)
                reach.append(end)
        for (y, x, far), (figures, ends) in labels.items():
            end = max(ends)
            text = " / ".join(figures) + (" (off the scale)" if far else "")
            reach = end + (len(text) * 0.085 + 0.15) * per_inch  # where the label would end (10 pt text)
            crowded = any(abs(y - other_y) < 0.2 and end < other_start < reach
                          for other_y, other_start, *_ in marks)
            if far:
                ax.annotate(text, (x, y), xytext=(-8, 0), textcoords="offset points", ha="right", va="center",
                            fontsize=SMALL, color="0.2")
            elif crowded:  # another mark to the right: the label goes under the dot
                ax.annotate(text, (x, y), xytext=(0, -9), textcoords="offset points", ha="center", va="top",
                            fontsize=SMALL, color="0.2")
            else:
                ax.annotate(text, (end, y), xytext=(7, 0), textcoords="offset points", ha="left", va="center",
                            fontsize=SMALL, color="0.2")
    ax.set_yticks(range(len(rows)), [_row_label(d, a, c, year) for d, a, c in rows], fontsize=SMALL)
    ax.set_ylim(len(rows) - 0.4, -0.6)
    ax.set_xlim(0, edge * 1.04)
    ax.xaxis.set_major_formatter(FuncFormatter(_thousands))
    ax.tick_params(labelsize=SMALL)
    ax.grid(axis="x", color="0.9")
    ax.set_axisbelow(True)
    subject = table["subject"].mode().iloc[0] if len(table) else "figure"
    ax.set_xlabel(f"{subject}: the figure as stated (lines: ranges; arrows: 'at least', 'up to')", fontsize=SMALL)
    ax.legend([Line2D([], [], color=colours[o], marker=markers[o], linestyle="", markeredgecolor="black",
                      markersize=8) for o in outlets], outlets, title="carried by", loc="upper left",
              bbox_to_anchor=(1.01, 1.0), fontsize=SMALL, title_fontsize=SMALL, frameon=False)
    _title(ax, title)
    return ax
