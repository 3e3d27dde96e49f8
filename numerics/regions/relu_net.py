r"""Linear (activation) regions of a ReLU network on a 2-D input box: exact, and on a grid.

A ReLU network :math:`\mathbf{x}^l = \max(0, \mathbf{W}^l\mathbf{x}^{l-1} + \mathbf{b}^l)` is affine on each set of
inputs that share an activation pattern :math:`\mathbf{s}^l = [\mathbf{z}^l > 0]`. Each such set is a convex polytope:
inside a region of the first :math:`l-1` layers, :math:`\mathbf{z}^l` is affine in :math:`\mathbf{x}`,

.. math:: \mathbf{z}^l = \mathbf{W}^l\,\mathrm{diag}(\mathbf{s}^{l-1})(\mathbf{A}^{l-1}\mathbf{x} + \mathbf{c}^{l-1}) + \mathbf{b}^l,

so layer :math:`l` splits it by straight lines. The exact count clips convex polygons by these lines; the grid count
counts distinct patterns at grid points (a lower bound that misses regions smaller than the grid spacing).

Catalog: ``approx.relu-net-piecewise-linear``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import torch

from numerics._links import implements

__all__ = ["count_relu_regions_2d", "count_relu_regions_grid"]

Box = tuple[float, float, float, float]  # (x_min, x_max, y_min, y_max)


def _area(P: np.ndarray) -> float:
    x, y = P[:, 0], P[:, 1]
    return 0.5 * abs(float(x @ np.roll(y, -1) - y @ np.roll(x, -1)))  # shoelace


def _clip(P: np.ndarray, a: np.ndarray, c: float, sign: float) -> np.ndarray:
    """The part of convex polygon ``P`` where ``sign * (a.x + c) >= 0`` (Sutherland-Hodgman, one edge)."""
    f = sign * (P @ a + c)  # (V,)
    out = []
    for i in range(len(P)):
        j = (i + 1) % len(P)
        if f[i] >= 0:
            out.append(P[i])
        if (f[i] >= 0) != (f[j] >= 0):
            t = f[i] / (f[i] - f[j])
            out.append(P[i] + t * (P[j] - P[i]))
    return np.array(out).reshape(-1, 2)


@implements("approx.relu-net-piecewise-linear")
def count_relu_regions_2d(Ws: Sequence[Any], bs: Sequence[Any], box: Box, rel_area: float = 1e-12) -> int:
    r"""Exact number of activation regions of a ReLU net with 2-D input inside ``box``.

    ``Ws[l]``: ``(m_l, m_{l-1})`` with ``m_0 = 2``, ``bs[l]``: ``(m_l,)``; every layer has a ReLU. Pieces with area
    below ``rel_area`` times the box area are treated as degenerate. Catalog: ``approx.relu-net-piecewise-linear``.
    """
    x0, x1, y0, y1 = box
    min_area = rel_area * (x1 - x0) * (y1 - y0)
    square = np.array([[x0, y0], [x1, y0], [x1, y1], [x0, y1]], dtype=np.float64)
    # each piece: (polygon, A, c) with the layer input  x^{l-1} = A x + c
    pieces = [(square, np.eye(2), np.zeros(2))]
    for W_, b_ in zip(Ws, bs, strict=True):
        W, b = np.asarray(W_, dtype=np.float64), np.asarray(b_, dtype=np.float64)
        new = []
        for P, A, c in pieces:
            ZA, zc = W @ A, W @ c + b  # z = ZA x + zc: (m, 2), (m,)
            parts = [(P, np.ones(len(zc), dtype=bool))]
            for j in range(len(zc)):
                split = []
                for Q, s in parts:
                    for sign in (1.0, -1.0):
                        R = _clip(Q, ZA[j], zc[j], sign)
                        if len(R) >= 3 and _area(R) > min_area:
                            s2 = s.copy()
                            s2[j] = sign > 0
                            split.append((R, s2))
                parts = split
            new += [(Q, ZA * s[:, None], zc * s) for Q, s in parts]  # diag(s) z
        pieces = new
    return len(pieces)


@implements("approx.relu-net-piecewise-linear")
def count_relu_regions_grid(
    Ws: Sequence[torch.Tensor], bs: Sequence[torch.Tensor], box: Box, resolution: int = 512
) -> int:
    r"""Number of distinct activation patterns at the points of a ``resolution``:math:`^2` grid over ``box``.

    A lower bound on :func:`count_relu_regions_2d`. Catalog: ``approx.relu-net-piecewise-linear``.
    """
    W0 = Ws[0]
    xs = torch.linspace(box[0], box[1], resolution, dtype=W0.dtype, device=W0.device)
    ys = torch.linspace(box[2], box[3], resolution, dtype=W0.dtype, device=W0.device)
    x = torch.cartesian_prod(xs, ys)  # (G, 2)
    patterns = []
    for W, b in zip(Ws, bs, strict=True):
        z = x @ W.mT + b  # (G, m_l)
        patterns.append(z > 0)
        x = z.clamp_min(0)
    return int(torch.unique(torch.cat(patterns, dim=1), dim=0).shape[0])
