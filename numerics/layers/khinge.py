"""k-hinge function (Wang & Sun 2005).

.. math:: g(\\mathbf{x}) = \\max(\\mathbf{w}_1^\\top\\mathbf{x} + b_1, \\dots, \\mathbf{w}_k^\\top\\mathbf{x} + b_k)

Catalog: ``approx.k-hinge``.
"""

from __future__ import annotations

import torch

from numerics._checks import check_affine
from numerics._links import implements

__all__ = ["k_hinge"]


@implements("approx.k-hinge")
def k_hinge(x: torch.Tensor, W: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    r"""k-hinge :math:`\max_{i \le k} (\mathbf{w}_i^\top \mathbf{x} + b_i)` of each row of ``x``.

    ``x``: ``(..., n)``, ``W``: ``(k, n)`` (rows :math:`\mathbf{w}_i^\top`), ``b``: ``(k,)``;
    returns ``(...)``. With ``k = 2`` and one affine map zero it is a hinge. Catalog: ``approx.k-hinge``.

    >>> import torch
    >>> k_hinge(torch.tensor([[-3.0]]), torch.tensor([[1.0], [-1.0]]), torch.zeros(2))  # |x|
    tensor([3.])
    """
    check_affine("k_hinge", x, W, b, 2)
    z = x @ W.mT + b  # (..., k)
    return z.amax(dim=-1)  # (...)
