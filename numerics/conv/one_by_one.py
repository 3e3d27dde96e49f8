r"""1×1 convolution ("network in network"): the same affine map applied to every pixel's channels.

.. math:: \mathbf{y}_{ij} = \mathbf{W}\mathbf{x}_{ij} + \mathbf{b}, \qquad \mathbf{W} \in \mathbb{R}^{m\times k}

It mixes the :math:`k` input channels into :math:`m` output channels without spatial context, and is
used to reduce the channel dimension before large kernels (inception). Catalog: ``cnn.one-by-one-convolution``.
"""

from __future__ import annotations

import torch

from numerics._checks import ShapeError, check_ndim, check_same_dtype, shape_str
from numerics._links import implements

__all__ = ["conv1x1"]


@implements("cnn.one-by-one-convolution")
def conv1x1(x: torch.Tensor, W: torch.Tensor, b: torch.Tensor | None = None) -> torch.Tensor:
    r""":math:`\mathbf{y}_{ij} = \mathbf{W}\mathbf{x}_{ij} + \mathbf{b}` for every pixel.

    ``x``: ``(B, k, H, W)`` or ``(k, H, W)``, ``W``: ``(m, k)`` (or ``(m, k, 1, 1)``), ``b``: ``(m,)``; returns
    ``(B, m, H, W)``. Catalog: ``cnn.one-by-one-convolution``.
    """
    check_ndim("conv1x1", "x", x, (3, 4))
    check_same_dtype("conv1x1", x=x, W=W, b=b)
    unbatched = x.dim() == 3
    x = x.unsqueeze(0) if unbatched else x
    B, k, H, Wd = x.shape
    m = W.shape[0]
    if tuple(W.shape) not in ((m, k), (m, k, 1, 1)):
        raise ShapeError(
            f"conv1x1: W must have shape ({m}, {k}) or ({m}, {k}, 1, 1) for x {shape_str(x)}, got {shape_str(W)}"
        )
    if b is not None and tuple(b.shape) != (m,):
        raise ShapeError(f"conv1x1: bias b must have shape ({m},), got {shape_str(b)}")
    y = W.reshape(m, k) @ x.reshape(B, k, H * Wd)  # (B, m, H W)
    if b is not None:
        y = y + b[:, None]
    y = y.reshape(B, m, H, Wd)
    return y[0] if unbatched else y
