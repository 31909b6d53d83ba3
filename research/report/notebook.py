"""Notebook display settings that make stored outputs reproducible byte for byte."""

from __future__ import annotations

import matplotlib
import pandas as pd

PANDAS_OPTIONS = {
    "display.max_columns": 30,
    "display.max_colwidth": 120,
    "display.max_rows": 200,
    "display.width": 160,
    "display.precision": 3,
}


def setup_notebook() -> None:
    """Fix pandas display options and matplotlib output for reproducible notebooks.

    Figures are rendered as PNG without the matplotlib version stamp, with a
    fixed DPI and font, so re-running a notebook gives the same bytes. Every
    text of a figure is drawn as it is (`text.parse_math` off): a `$` in an
    outlet name or a headline is not read as mathtext.
    """
    for option, value in PANDAS_OPTIONS.items():
        pd.set_option(option, value)
    matplotlib.rcParams.update({
        "figure.dpi": 80,
        "savefig.dpi": 80,
        "font.family": "DejaVu Sans",
        "svg.hashsalt": "research",
        "axes.spines.top": False,
        "axes.spines.right": False,
        # Labels come from the corpus: "$5 billion" or an outlet called "A$AP" is text, not mathtext.
        "text.parse_math": False,
    })
    try:
        from matplotlib_inline.backend_inline import set_matplotlib_formats
    except ImportError:  # outside IPython there is nothing to configure
        return
    set_matplotlib_formats("png", metadata={"Software": None})
