r"""``nn.Module`` wrapper of the reference 2-D convolution, for building networks.

.. math:: y_{k,i,j} = b_k + \sum_{c,u,v} W_{k,c,u,v}\,x_{c,s_1i+d_1u,s_2j+d_2v}

Catalog: ``cnn.convolution-discrete``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import torch
import torch.nn.functional as F
from torch import nn

from numerics._checks import check_choice
from numerics._links import implements
from numerics.conv._args import Padding, ntuple, resolve_padding
from numerics.conv.direct import conv2d

__all__ = ["Conv2d"]

PADDING_MODES = {"zeros": "constant", "reflect": "reflect", "replicate": "replicate", "circular": "circular"}


@implements("cnn.convolution-discrete")
class Conv2d(nn.Module):
    """Drop-in for ``nn.Conv2d`` using :func:`numerics.conv.conv2d`: the same arguments, parameters and results.

    Weights ``(K, C/groups, p, q)`` and bias ``(K,)`` are initialised uniformly in :math:`\\pm 1/\\sqrt{(C/g)pq}`,
    the distribution ``nn.Conv2d`` uses. ``padding_mode`` is ``"zeros"``, ``"reflect"``, ``"replicate"`` or
    ``"circular"`` as in torch. Catalog: ``cnn.convolution-discrete``.
    """

    def __init__(
        self,
        in_channels: int,
        out_channels: int,
        kernel_size: int | Sequence[int],
        stride: int | Sequence[int] = 1,
        padding: Padding = 0,
        dilation: int | Sequence[int] = 1,
        groups: int = 1,
        bias: bool = True,
        padding_mode: str = "zeros",
        device: torch.device | str | None = None,
        dtype: torch.dtype | None = None,
    ) -> None:
        super().__init__()
        check_choice("Conv2d", "padding_mode", padding_mode, PADDING_MODES)
        if in_channels % groups or out_channels % groups:
            raise ValueError(
                f"Conv2d: in_channels={in_channels} and out_channels={out_channels} must be divisible by groups={groups}"
            )
        self.kernel_size = ntuple(kernel_size, 2, "Conv2d", "kernel_size")
        self.stride, self.dilation = (
            ntuple(stride, 2, "Conv2d", "stride"),
            ntuple(dilation, 2, "Conv2d", "dilation"),
        )
        self.padding, self.groups, self.padding_mode = padding, groups, padding_mode
        p, q = self.kernel_size
        bound = 1 / math.sqrt(in_channels // groups * p * q)
        factory = dict(device=device, dtype=dtype)
        self.weight = nn.Parameter(
            torch.empty(out_channels, in_channels // groups, p, q, **factory).uniform_(-bound, bound)
        )
        self.bias = (
            nn.Parameter(torch.empty(out_channels, **factory).uniform_(-bound, bound)) if bias else None
        )

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        padding = self.padding
        if self.padding_mode != "zeros":  # pad with the mode first, then convolve without padding
            pads = resolve_padding(
                "Conv2d", x.shape[-2:], self.kernel_size, self.stride, padding, self.dilation
            )
            x = F.pad(x, [p for pd in reversed(pads) for p in pd], mode=PADDING_MODES[self.padding_mode])
            padding = 0
        return conv2d(x, self.weight, self.bias, self.stride, padding, self.dilation, self.groups)
