"""k-hinges and maxout units: the maximum of affine pieces, in one and in two dimensions.

Drawn with :func:`numerics.layers.khinge.k_hinge` and :func:`numerics.layers.maxout.maxout`.
"""

from __future__ import annotations

from . import Figure
from .style import COLORS, new_figure

# g(x) = max(w_i x + b_i): three pieces on the line
W1 = ((-1.0,), (0.25,), (1.5,))
B1 = (-0.5, 0.5, -1.5)
# one maxout unit on R^2 with k = 4 pieces
W2 = (((1.0, 0.2),), ((-0.8, 0.9),), ((-0.3, -1.0),), ((0.1, 0.1),))
B2 = ((0.0,), (0.3,), (-0.2,), (0.6,))


def _draw(data):
    import torch

    from numerics.layers.khinge import k_hinge
    from numerics.layers.maxout import maxout

    fig, (ax, bx) = new_figure(2)
    x = torch.linspace(-3, 3, 301, dtype=torch.float64)[:, None]  # (N, 1)
    W, b = torch.tensor(W1, dtype=torch.float64), torch.tensor(B1, dtype=torch.float64)
    for i in range(len(B1)):
        ax.plot(x[:, 0], x[:, 0] * W[i, 0] + b[i], "--", lw=1, color=COLORS[i], label=f"w{'₁₂₃'[i]}x + b{'₁₂₃'[i]}")
    ax.plot(x[:, 0], k_hinge(x, W, b), color="black", lw=2, label="k-hinge (max)")
    ax.set(title="a 3-hinge on ℝ", xlabel="x", ylim=(-3.5, 4))
    ax.legend(loc="upper center", fontsize=7)

    g = torch.linspace(-2, 2, 241, dtype=torch.float64)
    X, Y = torch.meshgrid(g, g, indexing="xy")
    pts = torch.stack([X.reshape(-1), Y.reshape(-1)], dim=1)  # (G, 2)
    Wm = torch.tensor(W2, dtype=torch.float64).permute(1, 0, 2)  # (1 unit, 4 pieces, 2)
    bm = torch.tensor(B2, dtype=torch.float64).T  # (1, 4)
    value = maxout(pts, Wm, bm)[:, 0].reshape(X.shape)
    piece = (pts @ Wm[0].T + bm[0]).argmax(dim=1).reshape(X.shape)
    bx.contourf(X, Y, piece, levels=[-0.5, 0.5, 1.5, 2.5, 3.5], colors=COLORS[:4], alpha=0.25)
    contours = bx.contour(X, Y, value, levels=8, colors="black", linewidths=0.6)
    bx.clabel(contours, fontsize=6, fmt="%.1f")
    bx.set(title="a maxout unit on ℝ², k = 4", xlabel="x₁", ylabel="x₂", aspect="equal")
    return fig


FIGURES = [Figure(
    name="k-hinge-maxout",
    entries=("approx.k-hinge", "approx.maxout", "approx.maxout-unit-is-k-hinge", "approx.maxout-groupwise-max"),
    caption="Left: a 3-hinge, the maximum of three affine functions (dashed). Right: one maxout unit with four "
            "affine pieces on the plane; colours show which piece is the maximum, lines are level sets.",
    alt="A piecewise linear maximum of three lines, and the regions and level sets of a maxout unit in the plane.",
    draw=_draw,
    uses=("numerics.layers.khinge", "numerics.layers.maxout"),
)]
