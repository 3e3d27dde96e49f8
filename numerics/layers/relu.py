"""Rectified linear unit and hinge function.

.. math:: \\mathrm{ReLU}(z) = \\max(0, z), \\qquad
          h(\\mathbf{x}) = \\max(0, \\mathbf{w}^\\top\\mathbf{x} + b)

Catalog: ``approx.relu``, ``approx.hinge-function``.
"""

from __future__ import annotations

import torch

from numerics._links import implements

__all__ = ["hinge", "relu"]


@implements("approx.relu")
def relu(z: torch.Tensor) -> torch.Tensor:
    r""":math:`\max(0, z)` elementwise. Catalog: ``approx.relu``.

    >>> import torch
    >>> relu(torch.tensor([-1.0, 2.0]))
    tensor([0., 2.])
    """
    return torch.clamp_min(z, 0)


@implements("approx.hinge-function")
def hinge(x: torch.Tensor, w: torch.Tensor, b: torch.Tensor | float = 0.0) -> torch.Tensor:
    r"""Hinge :math:`h(\mathbf{x}) = \max(0, \mathbf{w}^\top \mathbf{x} + b)` of each row of ``x``.

    ``x``: ``(..., n)``, ``w``: ``(n,)``; returns ``(...)``. Catalog: ``approx.hinge-function``.
    """
    return relu(x @ w + b)  # (...)
