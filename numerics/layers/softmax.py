"""Softmax and log-softmax, computed stably by subtracting the maximum.

.. math:: \\mathrm{softmax}(\\mathbf{z})_i = \\frac{e^{z_i}}{\\sum_j e^{z_j}}, \\qquad
          \\log\\mathrm{softmax}(\\mathbf{z})_i = z_i - \\log\\sum_j e^{z_j}

Subtracting :math:`\\max_j z_j` changes neither (shift invariance) and keeps ``exp`` from
overflowing. Catalog: ``approx.softmax``, ``approx.log-softmax``.
"""

from __future__ import annotations

import torch

from numerics._links import implements

__all__ = ["log_softmax", "softmax"]


@implements("approx.softmax")
def softmax(z: torch.Tensor, dim: int = -1) -> torch.Tensor:
    r""":math:`e^{z_i} / \sum_j e^{z_j}` along ``dim``. Catalog: ``approx.softmax``.

    >>> import torch
    >>> softmax(torch.tensor([0.0, 0.0]))
    tensor([0.5000, 0.5000])
    """
    e = torch.exp(z - z.amax(dim=dim, keepdim=True))  # same shape as z, entries in (0, 1]
    return e / e.sum(dim=dim, keepdim=True)


@implements("approx.log-softmax")
def log_softmax(z: torch.Tensor, dim: int = -1) -> torch.Tensor:
    r""":math:`z_i - \log \sum_j e^{z_j}` along ``dim``. Catalog: ``approx.log-softmax``."""
    shifted = z - z.amax(dim=dim, keepdim=True)
    return shifted - torch.log(torch.exp(shifted).sum(dim=dim, keepdim=True))
