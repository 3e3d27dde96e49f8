r"""``nn.Module`` wrapper of the reference 2-D convolution, for building networks.

.. math:: y_{k,i,j} = b_k + \sum_{c,u,v} W_{k,c,u,v}\,x_{c,si+u,sj+v}

Catalog: ``cnn.convolution-discrete``.
"""

from __future__ import annotations

import math

import torch
from torch import nn

from numerics._links import implements
from numerics.conv._padding import Padding, pair
from numerics.conv.direct import conv2d

__all__ = ["Conv2d"]


@implements("cnn.convolution-discrete")
class Conv2d(nn.Module):
    """Drop-in for ``nn.Conv2d`` (no dilation or groups) using :func:`numerics.conv.conv2d`.

    Weights ``(K, C, p, q)`` and bias ``(K,)`` are initialised uniformly in
    :math:`\\pm 1/\\sqrt{Cpq}`, the distribution ``nn.Conv2d`` uses. Catalog: ``cnn.convolution-discrete``.
    """

    def __init__(
        self,
        in_channels: int,
        out_channels: int,
        kernel_size: int | tuple[int, int],
        stride: int | tuple[int, int] = 1,
        padding: Padding = 0,
        bias: bool = True,
    ) -> None:
        super().__init__()
        p, q = pair(kernel_size)
        self.stride, self.padding = pair(stride), padding
        bound = 1 / math.sqrt(in_channels * p * q)
        self.weight = nn.Parameter(torch.empty(out_channels, in_channels, p, q).uniform_(-bound, bound))
        self.bias = nn.Parameter(torch.empty(out_channels).uniform_(-bound, bound)) if bias else None

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return conv2d(x, self.weight, self.bias, self.stride, self.padding)
