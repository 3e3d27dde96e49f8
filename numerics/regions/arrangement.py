r"""Exact region count of an arbitrary affine hyperplane arrangement by deletion-restriction.

For an arrangement :math:`\mathcal{A}` in :math:`\mathbb{R}^n` and one of its hyperplanes :math:`H`,

.. math:: r(\mathcal{A}) = r(\mathcal{A}\setminus\{H\}) + r(\mathcal{A}^{H}),

where :math:`\mathcal{A}^H` is the arrangement that the other hyperplanes cut out inside :math:`H \cong \mathbb{R}^{n-1}`
(each region of :math:`\mathcal{A}\setminus\{H\}` that :math:`H` meets is split in two, one new region per region of
:math:`H`). With :math:`r(\emptyset) = 1` this counts any arrangement, degenerate ones included (parallel or concurrent
hyperplanes), and gives :math:`\sum_{i\le n}\binom{m}{i}` in general position.

Catalog: ``approx.region-count-deletion-restriction``.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from numerics._links import implements

__all__ = ["count_arrangement_regions"]


def _normalise(W: np.ndarray, b: np.ndarray, tol: float) -> tuple[np.ndarray, np.ndarray]:
    """Unit normals with a canonical sign, drop degenerate (zero-normal) rows and duplicates."""
    n = W.shape[1]
    if n == 0:  # inside a point no hyperplane is left
        return np.zeros((0, 0)), np.zeros(0)
    norms = np.linalg.norm(W, axis=1)
    keep = norms > tol
    W, b = W[keep] / norms[keep, None], b[keep] / norms[keep]
    lead = np.argmax(np.abs(W) > tol, axis=1)  # first clearly non-zero coordinate
    sign = np.sign(W[np.arange(len(W)), lead])
    W, b = W * sign[:, None], b * sign
    out_W: list[np.ndarray] = []
    out_b: list[float] = []
    for w, c in zip(W, b, strict=True):
        if not any(
            np.allclose(w, v, atol=tol) and abs(c - e) <= tol * (1 + abs(e))
            for v, e in zip(out_W, out_b, strict=True)
        ):
            out_W.append(w)
            out_b.append(c)
    return np.array(out_W).reshape(-1, n), np.array(out_b)


def _count(W: np.ndarray, b: np.ndarray, tol: float) -> int:
    m, n = W.shape
    if m == 0 or n == 0:
        return 1
    w, c = W[-1], b[-1]  # H = {x : w.x = c}, |w| = 1
    p = w * c  # a point on H
    N = np.linalg.svd(w[None, :])[2][1:].T  # orthonormal basis of H's direction space: (n, n-1)
    # other hyperplanes v.x = e restricted to x = p + N y:  (N^T v).y = e - v.p
    Wr, br = _normalise(W[:-1] @ N, b[:-1] - W[:-1] @ p, tol)
    return _count(W[:-1], b[:-1], tol) + _count(Wr, br, tol)


@implements("approx.region-count-deletion-restriction")
def count_arrangement_regions(W: Any, b: Any, tol: float = 1e-9) -> int:
    r"""Number of regions of :math:`\mathbb{R}^n` cut by the hyperplanes :math:`\mathbf{w}_i^\top\mathbf{x} = b_i`.

    ``W``: ``(m, n)``, ``b``: ``(m,)`` (arrays or tensors). Duplicate hyperplanes count once.
    The recursion visits about as many nodes as there are regions. Catalog: ``approx.region-count-deletion-restriction``.

    >>> count_arrangement_regions([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]], [0.0, 0.0, 1.0])
    7
    """
    Wn, bn = _normalise(np.asarray(W, dtype=np.float64), np.asarray(b, dtype=np.float64), tol)
    return _count(Wn, bn, tol)
