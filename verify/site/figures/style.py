"""One look for every figure, and deterministic SVG (same inputs, same bytes).

Matplotlib runs headless (the Agg canvas), text is drawn as paths (no font files on the
site), and the SVG carries no date and a fixed id salt, so a figure's bytes depend only on
what it shows.
"""

from __future__ import annotations

import io

__all__ = ["COLORS", "new_figure", "svg_bytes"]

COLORS = ("#1f5f99", "#c44e1b", "#2e8540", "#7b3fa0", "#b8860b", "#5a5a5a")


def _matplotlib():
    import matplotlib

    matplotlib.use("Agg", force=True)
    matplotlib.rcParams.update({
        "svg.hashsalt": "sheetproof",
        "svg.fonttype": "path",
        "font.size": 9,
        "axes.titlesize": 9,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.grid": True,
        "grid.alpha": 0.25,
        "legend.frameon": False,
        "figure.dpi": 100,
    })
    import matplotlib.pyplot as plt

    return plt


def new_figure(ncols: int = 1, width: float = 6.4, height: float = 2.9):
    """``(figure, axes)`` with ``ncols`` panels side by side."""
    plt = _matplotlib()
    fig, axes = plt.subplots(1, ncols, figsize=(width, height), layout="constrained", squeeze=False)
    return fig, list(axes[0])


def svg_bytes(fig) -> bytes:
    """The figure as SVG, without metadata that changes between runs; the figure is closed."""
    plt = _matplotlib()
    buf = io.BytesIO()
    fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None}, bbox_inches="tight", pad_inches=0.06)
    plt.close(fig)
    return buf.getvalue()
