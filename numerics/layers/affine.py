"""Affine layer.

.. math:: F(\\mathbf{x}) = \\mathbf{W}\\mathbf{x} + \\mathbf{b}

Catalog: ``approx.affine-layer``.
"""

from __future__ import annotations

import torch

from numerics._checks import check_affine
from numerics._links import implements

__all__ = ["affine"]


@implements("approx.affine-layer")
def affine(x: torch.Tensor, W: torch.Tensor, b: torch.Tensor | None = None) -> torch.Tensor:
    r"""Apply :math:`\mathbf{x} \mapsto \mathbf{W}\mathbf{x} + \mathbf{b}` to each row of ``x``.

    ``x``: ``(..., n)``, ``W``: ``(m, n)``, ``b``: ``(m,)`` or ``None``; returns ``(..., m)``.
    Same as ``torch.nn.functional.linear``. Catalog: ``approx.affine-layer``.

    >>> import torch
    >>> affine(torch.ones(1, 2), torch.eye(2), torch.tensor([1.0, 2.0]))
    tensor([[2., 3.]])
    """
    check_affine("affine", x, W, b, 2)
    y = x @ W.mT  # (..., m)
    return y if b is None else y + b
