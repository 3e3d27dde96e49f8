r"""1×1 convolution ("network in network"): the same affine map applied to every pixel's channels.

.. math:: \mathbf{y}_{ij} = \mathbf{W}\mathbf{x}_{ij} + \mathbf{b}, \qquad \mathbf{W} \in \mathbb{R}^{m\times k}

It mixes the :math:`k` input channels into :math:`m` output channels without spatial context, and is
used to reduce the channel dimension before large kernels (inception). Catalog: ``cnn.one-by-one-convolution``.
"""

from __future__ import annotations

import torch

from numerics._links import implements

__all__ = ["conv1x1"]


@implements("cnn.one-by-one-convolution")
def conv1x1(x: torch.Tensor, W: torch.Tensor, b: torch.Tensor | None = None) -> torch.Tensor:
    r""":math:`\mathbf{y}_{ij} = \mathbf{W}\mathbf{x}_{ij} + \mathbf{b}` for every pixel.

    ``x``: ``(B, k, H, W)``, ``W``: ``(m, k)`` (or ``(m, k, 1, 1)``), ``b``: ``(m,)``; returns ``(B, m, H, W)``.
    Catalog: ``cnn.one-by-one-convolution``.
    """
    B, k, H, Wd = x.shape
    m = W.shape[0]
    y = W.reshape(m, k) @ x.reshape(B, k, H * Wd)  # (B, m, H W)
    if b is not None:
        y = y + b[:, None]
    return y.reshape(B, m, H, Wd)
