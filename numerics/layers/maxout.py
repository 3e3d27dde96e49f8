"""Maxout layer (Goodfellow et al. 2013): the max over k groups of affine maps.

.. math:: G_j(\\mathbf{x}) = \\max_{i \\le k} \\left(\\mathbf{W}_{j i}\\mathbf{x} + b_{j i}\\right), \\quad j = 1, \\dots, m

Each output unit is a k-hinge of the input. Catalog: ``approx.maxout``.
"""

from __future__ import annotations

import torch

from numerics._checks import check_affine
from numerics._links import implements

__all__ = ["maxout"]


@implements("approx.maxout")
def maxout(x: torch.Tensor, W: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    r"""Maxout units :math:`G_j(\mathbf{x}) = \max_i (\mathbf{W}_{ji}\mathbf{x} + b_{ji})`.

    ``x``: ``(..., n)``, ``W``: ``(m, k, n)`` (m units, k pieces each), ``b``: ``(m, k)``;
    returns ``(..., m)``. Catalog: ``approx.maxout``.
    """
    check_affine("maxout", x, W, b, 3)
    m, k, n = W.shape
    z = x @ W.reshape(m * k, n).mT + b.reshape(m * k)  # (..., m*k)
    return z.unflatten(-1, (m, k)).amax(dim=-1)  # (..., m)
