r"""Denoising autoencoder training step.

Perturb the input with white noise, :math:`\mathbf{x}_n = \mathbf{x} + \boldsymbol{\eta}`,
:math:`\boldsymbol{\eta}\sim\mathcal{N}(\mathbf{0},\sigma^2\mathbf{I})`, and reconstruct the *clean* input:

.. math:: \min\;\mathbb{E}_{\mathbf{x},\boldsymbol{\eta}}\,\|\mathbf{x} - H(G(\mathbf{x}_n))\|^2 .

Denoising works when :math:`\|\mathbf{x} - H(G(\mathbf{x}_n))\|^2 \le \|\mathbf{x} - \mathbf{x}_n\|^2`.

Catalog: ``ae.denoising-autoencoder-objective``.
"""

from __future__ import annotations

import torch
from torch import nn

from numerics._links import implements

__all__ = ["denoising_step"]


@implements("ae.denoising-autoencoder-objective")
def denoising_step(
    model: nn.Module,
    optimizer: torch.optim.Optimizer,
    x: torch.Tensor,
    sigma: float,
    generator: torch.Generator | None = None,
) -> float:
    r"""One step on :math:`\frac1N\sum_i\|\mathbf{x}_i - H(G(\mathbf{x}_i + \boldsymbol{\eta}_i))\|^2`; returns the loss.

    ``model`` maps ``(N, d) -> (N, d)``. Catalog: ``ae.denoising-autoencoder-objective``.
    """
    eta = sigma * torch.randn(x.shape, dtype=x.dtype, device=x.device, generator=generator)  # (N, d)
    optimizer.zero_grad()
    loss = ((model(x + eta) - x) ** 2).sum(dim=-1).mean()
    loss.backward()
    optimizer.step()
    return float(loss.detach())
