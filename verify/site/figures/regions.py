"""Linear regions of small ReLU networks in the plane, counted exactly, against the bounds.

Regions are the activation patterns; the count is :func:`numerics.regions.relu_net.count_relu_regions_2d`
(exact, polygon clipping), the bounds :func:`numerics.regions.bounds.relu_layer_region_bound` and
:func:`numerics.regions.bounds.deep_relu_region_bound`.
"""

from __future__ import annotations

from . import Figure
from .style import new_figure

BOX = (-3.0, 3.0, -3.0, 3.0)
# one layer: 5 lines in general position, every crossing inside the box
ONE_LAYER = ([[0.28, 0.96], [-0.1, 0.99], [-0.69, 0.72], [-0.9, 0.44], [-1.0, 0.08]], [-0.84, -0.95, 0.85, 0.26, 1.14])
# two layers of width 4 (fixed seed: the figure is the same on every build)
SEED, WIDTHS = 7, (4, 4)


def _pattern_image(Ws, bs, res=300):
    import torch

    xs = torch.linspace(BOX[0], BOX[1], res, dtype=torch.float64)
    ys = torch.linspace(BOX[2], BOX[3], res, dtype=torch.float64)
    X, Y = torch.meshgrid(xs, ys, indexing="xy")
    x = torch.stack([X.reshape(-1), Y.reshape(-1)], dim=1)
    bits = []
    for W, b in zip(Ws, bs, strict=True):
        z = x @ W.T + b
        bits.append(z > 0)
        x = z.clamp_min(0)
    _, ids = torch.unique(torch.cat(bits, dim=1), dim=0, return_inverse=True)
    return ids.reshape(X.shape).numpy()


def _panel(ax, Ws, bs, title):
    import numpy as np

    ids = _pattern_image(Ws, bs)
    colors = np.random.default_rng(0).permutation(ids.max() + 1)  # neighbours get distinct colours
    ax.imshow(colors[ids], origin="lower", extent=BOX, cmap="tab20", interpolation="nearest", alpha=0.75)
    ax.set(title=title, xlabel="x₁", ylabel="x₂", aspect="equal")
    ax.grid(False)


def _draw(data):
    import torch

    from numerics.regions.bounds import deep_relu_region_bound, relu_layer_region_bound
    from numerics.regions.relu_net import count_relu_regions_2d

    fig, (ax, bx) = new_figure(2, height=3.3)
    W1, b1 = (torch.tensor(v, dtype=torch.float64) for v in ONE_LAYER)
    count = count_relu_regions_2d([W1], [b1], BOX)
    bound = relu_layer_region_bound(len(b1), 2)
    _panel(ax, [W1], [b1], f"1 layer, width 5: {count} regions\nbound Σᵢ₌₀² C(5, i) = {bound}")
    g = torch.Generator().manual_seed(SEED)
    Ws, bs, prev = [], [], 2
    for m in WIDTHS:
        Ws.append(torch.randn(m, prev, generator=g, dtype=torch.float64))
        bs.append(0.5 * torch.randn(m, generator=g, dtype=torch.float64))
        prev = m
    count2 = count_relu_regions_2d(Ws, bs, BOX)
    bound2 = deep_relu_region_bound(2, list(WIDTHS))
    _panel(bx, Ws, bs, f"2 layers of width 4: {count2} regions\nbound ∏ₗ Σⱼ C(4, j) = {bound2}")
    return fig


FIGURES = [Figure(
    name="relu-regions",
    entries=("approx.relu-net-piecewise-linear", "approx.region-count-relu-layer-bound",
             "approx.region-count-hyperplane-arrangement", "approx.region-count-deep-relu-bound"),
    caption="Linear regions (activation patterns) of two small ReLU networks on the square [−3, 3]², counted "
            "exactly by polygon clipping, with the bounds: one layer of 5 units in general position reaches "
            "Σᵢ C(5, i) = 16; two layers of width 4 stay far below the product bound.",
    alt="Two maps of the plane coloured by ReLU activation pattern, with region counts and bounds in the titles.",
    draw=_draw,
    uses=("numerics.regions.relu_net", "numerics.regions.bounds"),
)]
