"""Logistic sigmoid and its derivative.

.. math:: \\sigma(z) = \\frac{1}{1 + e^{-z}}, \\qquad \\sigma'(z) = \\sigma(z)\\,(1 - \\sigma(z))

Evaluated as :math:`e^{z}/(1+e^{z})` for :math:`z<0`, so neither branch overflows.
Catalog: ``approx.sigmoid``, ``approx.sigmoid-derivative``.
"""

from __future__ import annotations

import torch

from numerics._links import implements

__all__ = ["sigmoid", "sigmoid_derivative"]


@implements("approx.sigmoid")
def sigmoid(z: torch.Tensor) -> torch.Tensor:
    r""":math:`1/(1+e^{-z})` elementwise, stable for large :math:`|z|`. Catalog: ``approx.sigmoid``."""
    # e = exp(-|z|) in (0, 1]; |z| written as a branch so that autograd differentiates sigma correctly at 0
    e = torch.exp(-torch.where(z >= 0, z, -z))
    return torch.where(z >= 0, 1 / (1 + e), e / (1 + e))


@implements("approx.sigmoid-derivative")
def sigmoid_derivative(z: torch.Tensor) -> torch.Tensor:
    r""":math:`\sigma'(z) = \sigma(z)(1-\sigma(z))`. Catalog: ``approx.sigmoid-derivative``."""
    s = sigmoid(z)
    return s * (1 - s)
