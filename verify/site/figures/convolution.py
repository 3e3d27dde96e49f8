"""Convolution shapes: input, padding, kernel windows at the stride, and the output grid.

Each panel's output size is :func:`numerics.conv.counts.conv_output_size`, and is checked
against the shape that :func:`numerics.conv.direct.conv2d` actually returns.
"""

from __future__ import annotations

from . import Figure
from .style import COLORS, new_figure

CASES = (  # (n, kernel p, stride s, padding P, label)
    (5, 3, 1, 0, "valid"),
    (5, 3, 1, 1, "same"),
    (7, 3, 2, 1, "stride 2"),
)


def _grid(ax, x0, y0, n, cell, **kw):
    from matplotlib.patches import Rectangle

    for i in range(n):
        for j in range(n):
            ax.add_patch(Rectangle((x0 + j * cell, y0 + i * cell), cell, cell, **kw))


def _panel(ax, n, p, s, P, label):
    import torch
    from matplotlib.patches import Rectangle

    from numerics.conv.counts import conv_output_size
    from numerics.conv.direct import conv2d

    out = conv_output_size(n, p, s, P)
    shape = conv2d(torch.zeros(1, 1, n, n, dtype=torch.float64), torch.zeros(1, 1, p, p, dtype=torch.float64),
                   stride=s, padding=P).shape
    if tuple(shape[-2:]) != (out, out):
        raise ValueError(f"conv_output_size says {out}, conv2d returns {tuple(shape)}")
    N = n + 2 * P
    _grid(ax, 0, 0, N, 1, facecolor="#eeeeee", edgecolor="#bbbbbb", lw=0.5, hatch="///" if P else None)
    _grid(ax, P, P, n, 1, facecolor="#d7e6f5", edgecolor="#7a9cc0", lw=0.6)
    for k, (i, j) in enumerate(((0, 0), (0, 1))):  # the windows of the first two outputs
        if j < out:
            ax.add_patch(Rectangle((j * s, N - p - i * s), p, p, fill=False, edgecolor=COLORS[1 + k], lw=2))
    ox = N + 1.5
    _grid(ax, ox, (N - out) / 2, out, 1, facecolor="#f6dccf", edgecolor="#c44e1b", lw=0.6)
    ax.annotate("", xy=(ox - 0.2, N / 2), xytext=(N + 0.2, N / 2), arrowprops={"arrowstyle": "->"})
    ax.set(xlim=(-0.5, ox + out + 0.5), ylim=(-0.5, N + 0.5), aspect="equal",
           title=f"{label}: n = {n}, p = {p}, s = {s}, P = {P}\n⌊({n} + {2 * P} − {p})/{s}⌋ + 1 = {out}")
    ax.axis("off")


def _draw(data):
    fig, axes = new_figure(3, width=7.2, height=2.7)
    for ax, case in zip(axes, CASES, strict=True):
        _panel(ax, *case)
    return fig


FIGURES = [Figure(
    name="convolution-shapes",
    entries=("cnn.conv-output-size", "cnn.conv-output-size-valid", "cnn.conv-output-size-same",
             "cnn.convolution-stride"),
    caption="Input (blue), zero padding (hatched), the windows of the first two outputs (outlined, one stride "
            "apart) and the output grid (orange) for valid padding, same padding and stride 2; each size is "
            "⌊(n + 2P − p)/s⌋ + 1, and the numerics' conv2d returns that shape.",
    alt="Three grid diagrams of a convolution's input, padding, kernel windows and output.",
    draw=_draw,
    uses=("numerics.conv.counts", "numerics.conv.direct"),
)]
