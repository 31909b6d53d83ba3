"""The charts on the seeds' tables: titles that state a finding, % axes for shares, no text under 10 points,
the coverage matrix's three states, the claim timeline's linear axis and single legend; and figures in the
committed notebooks rendered at twice their size."""

import base64
import struct
import textwrap
from pathlib import Path

import nbformat
import numpy as np
import pytest
import run_tables
from matplotlib.figure import Figure
from matplotlib.text import Text

from research import coverage_matrix
from research.report import figures

ROOT = Path(__file__).resolve().parent.parent
TITLE = "Three of the story's elements are carried by every outlet, and each outlet leads with Austin"


@pytest.fixture(scope="module")
def tables(seed_articles):
    computed = run_tables.compute(seed_articles)
    return {name: table for named in computed.values() for name, table in named.items()}


def texts(figure: Figure) -> list[Text]:
    return [t for t in figure.findobj(Text) if t.get_visible() and t.get_text().strip()]


def assert_readable(figure: Figure) -> None:
    figure.canvas.draw()
    small = sorted({(t.get_text(), t.get_fontsize()) for t in texts(figure) if t.get_fontsize() < 10})
    assert not small, small


def titled(ax) -> str:
    return ax.get_title(loc="left").replace("\n", " ")


def test_every_chart_takes_a_title_and_writes_no_text_under_10_points(tables):
    cover = tables["coverage"]
    labels = tables["elements"].set_index("element_id")["label"]
    draws = {
        "coverage": lambda ax: figures.plot_coverage(cover, labels, ax, title=TITLE),
        "voices": lambda ax: figures.plot_voices(tables["voices"], ax, title=TITLE),
        "timeline": lambda ax: figures.plot_timeline(tables["timeline"], ax, title=TITLE),
        "shares": lambda ax: figures.plot_shares(tables["characters-by-role"], ax, title=TITLE),
        "containment": lambda ax: figures.plot_containment(tables["containment"], ax, title=TITLE),
    }
    for name, draw in draws.items():
        figure = Figure(figsize=(10, 6))
        ax = figure.subplots()
        draw(ax)
        assert titled(ax) == TITLE, name
        assert_readable(figure)
    figure = Figure(figsize=(12, 6))
    axes = figure.subplots(2, 3)
    figures.plot_distinctive_terms(tables["distinctive_terms"], axes, title=TITLE)
    assert figure.get_suptitle().replace("\n", " ") == TITLE
    assert_readable(figure)
    # a long title wraps to the figure's width
    figure = Figure(figsize=(5, 3))
    ax = figure.subplots()
    figures.plot_shares(tables["characters-by-role"], ax, title=TITLE)
    assert ax.get_title(loc="left") == textwrap.fill(TITLE, 45)


def test_the_existing_positional_calls_still_work(tables):
    figure = Figure(figsize=(10, 6))
    ax = figure.subplots()
    figures.plot_coverage(tables["coverage"], tables["elements"].set_index("element_id")["label"], ax)
    figures.plot_voices(tables["voices"], figure.subplots())
    ax = Figure().subplots()
    figures.plot_timeline(tables["timeline"], ax, "Figures on: troops")
    assert titled(ax) == "Figures on: troops"
    figures.plot_distinctive_terms(tables["distinctive_terms"], Figure().subplots(2, 3))


def test_shares_are_drawn_on_percentage_axes_with_their_values(tables):
    figure = Figure(figsize=(9, 4))
    ax = figure.subplots()
    chars = tables["characters-by-role"]
    figures.plot_shares(chars, ax)
    figure.canvas.draw()
    assert all(t.get_text().endswith("%") for t in ax.get_xticklabels())
    body = chars["body"] / chars.sum(axis=1)
    shown = {t.get_text() for t in ax.texts}
    assert {f"{share:.0%}" for share in body} <= shown  # every page's body share written on its bar
    assert [t.get_text() for t in ax.get_legend().get_texts()] == list(chars.columns)
    figure = Figure(figsize=(9, 4))
    ax = figure.subplots()
    figures.plot_voices(tables["voices"], ax)
    figure.canvas.draw()
    assert all(t.get_text().endswith("%") for t in ax.get_xticklabels())
    own = tables["voices"]["(outlet's own voice)"]
    assert {f"{share:.0%}" for share in own} <= {t.get_text() for t in ax.texts}


def test_the_coverage_matrix_has_three_states(tables):
    cover = tables["coverage"]
    figure = Figure(figsize=(10, 12))
    ax = figure.subplots()
    figures.plot_coverage(cover, tables["elements"].set_index("element_id")["label"], ax)
    state = ax.images[0].get_array()
    paragraphs = coverage_matrix(cover)
    lede = coverage_matrix(cover, value="in_lede").fillna(False).astype(bool).to_numpy()
    carried = paragraphs.notna().to_numpy()
    assert (state[~carried] == 0).all() and (state[carried & ~lede] == 1).all() and (state[lede] == 2).all()
    assert 0 < lede.sum() < carried.sum()  # both shades are used on the seeds
    written = [t.get_text() for t in ax.texts]
    assert len(written) == carried.sum() and all(t.startswith("¶") for t in written)
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["in the lede", "later in the story",
                                                                   "not carried"]


def test_the_claim_timeline_is_a_dot_plot_on_a_linear_axis_with_one_legend(tables):
    timeline = tables["timeline"]
    figure = Figure(figsize=(10, 6))
    ax = figure.subplots()
    figures.plot_timeline(timeline, ax)
    assert ax.get_xscale() == "linear" and ax.get_yscale() == "linear"
    assert len(figure.legends) == 0 and ax.get_legend() is not None
    assert [t.get_text() for t in ax.get_legend().get_texts()] == sorted(timeline["outlet"].unique())
    rows = timeline[["asof_end", "ahead", "claimant_group"]].drop_duplicates()
    assert len(ax.get_yticks()) == len(rows)
    # the standing army (1.2 million, over ten times the median figure) waits at the edge, labelled
    far = timeline[timeline["y"] > 10 * timeline["y"].median()]
    assert len(far) and ax.get_xlim()[1] < far["y"].min()
    labels = [t.get_text() for t in ax.texts]
    assert all(any(label.startswith(f) and "off the scale" in label for label in labels) for f in far["figure"])
    near = timeline[timeline["y"] <= 10 * timeline["y"].median()]
    assert ax.get_xlim()[1] >= near["y"].max()


def test_the_distinctive_terms_axis_says_what_it_measures(tables):
    figure = Figure(figsize=(12, 6))
    axes = figure.subplots(2, 3)
    figures.plot_distinctive_terms(tables["distinctive_terms"], axes)
    shown = [ax for ax in np.ravel(axes) if ax.get_visible()]
    assert len(shown) == tables["distinctive_terms"]["group"].nunique()
    assert all("more typical of this outlet than of the others" in ax.get_xlabel() for ax in shown)
    ap = tables["distinctive_terms"].query("group == 'AP'").iloc[0]
    assert f" {ap['count_group']} here, {ap['count_rest']} elsewhere" in [t.get_text() for t in shown[0].texts]


def png_width(data: str) -> int:
    return struct.unpack(">I", base64.b64decode(data)[16:20])[0]


def test_notebook_figures_are_rendered_at_twice_their_size():
    """Every figure of the committed notebooks: a PNG at least 1,000 pixels wide, shown at half that size."""
    for path in sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb")):
        outputs = [o for c in nbformat.read(path, as_version=4).cells for o in c.get("outputs", [])
                   if "image/png" in o.get("data", {})]
        assert outputs, path.name
        for output in outputs:
            width = png_width(output["data"]["image/png"])
            assert width >= 1000, (path.name, width)
            assert output["metadata"]["image/png"]["width"] == width // 2, path.name
