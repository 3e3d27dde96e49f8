r"""Locally connected layer: the connectivity of a convolution without weight sharing.

Every output position :math:`(i, j)` has its own kernel :math:`W^{(ij)}`:

.. math:: y_{k,i,j} = b_{k,i,j} + \sum_{c,u,v} W^{(ij)}_{k,c,u,v}\; x_{c,\,s i+u,\,s j+v}

With all :math:`W^{(ij)}` equal (and :math:`b_{k,i,j} = b_k`) it is the convolution.
Catalog: ``cnn.locally-connected-layer``.
"""

from __future__ import annotations

import math

import torch
import torch.nn.functional as F
from torch import nn

from numerics._links import implements
from numerics.conv._padding import Padding, pad_amounts, pair
from numerics.conv.counts import conv_output_size

__all__ = ["LocallyConnected2d", "locally_connected2d"]


@implements("cnn.locally-connected-layer")
def locally_connected2d(
    x: torch.Tensor,
    W: torch.Tensor,
    b: torch.Tensor | None = None,
    kernel_size: int | tuple[int, int] = 3,
    stride: int | tuple[int, int] = 1,
    padding: Padding = 0,
) -> torch.Tensor:
    r""":math:`y_{k,i,j} = b_{k,i,j} + \sum_{c,u,v} W^{(ij)}_{k,c,u,v} x_{c,si+u,sj+v}`.

    ``x``: ``(B, C, H, W)``, ``W``: ``(H', W', K, C, p, q)``, ``b``: ``(K, H', W')``;
    returns ``(B, K, H', W')``. Catalog: ``cnn.locally-connected-layer``.
    """
    (p, q), (sh, sw) = pair(kernel_size), pair(stride)
    top, bottom = pad_amounts(x.shape[-2], p, sh, padding)
    left, right = pad_amounts(x.shape[-1], q, sw, padding)
    x = F.pad(x, (left, right, top, bottom))
    patches = x.unfold(2, p, sh).unfold(3, q, sw)  # (B, C, H', W', p, q)
    y = torch.einsum("bchwuv,hwkcuv->bkhw", patches, W)  # (B, K, H', W')
    return y if b is None else y + b


@implements("cnn.locally-connected-layer")
class LocallyConnected2d(nn.Module):
    """Module form of :func:`locally_connected2d` (weights initialised like ``nn.Conv2d``).

    Catalog: ``cnn.locally-connected-layer``.
    """

    def __init__(
        self,
        in_channels: int,
        out_channels: int,
        in_size: tuple[int, int],
        kernel_size: int | tuple[int, int],
        stride: int | tuple[int, int] = 1,
        padding: Padding = 0,
        bias: bool = True,
    ) -> None:
        super().__init__()
        (p, q), (sh, sw) = pair(kernel_size), pair(stride)
        Ho = conv_output_size(in_size[0], p, sh, padding)
        Wo = conv_output_size(in_size[1], q, sw, padding)
        self.kernel_size, self.stride, self.padding = (p, q), (sh, sw), padding
        bound = 1 / math.sqrt(in_channels * p * q)
        self.weight = nn.Parameter(
            torch.empty(Ho, Wo, out_channels, in_channels, p, q).uniform_(-bound, bound)
        )
        self.bias = nn.Parameter(torch.empty(out_channels, Ho, Wo).uniform_(-bound, bound)) if bias else None

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return locally_connected2d(x, self.weight, self.bias, self.kernel_size, self.stride, self.padding)
