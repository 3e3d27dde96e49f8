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

from numerics._checks import ShapeError, check_ndim, check_same_dtype, shape_str
from numerics._links import implements
from numerics.conv._args import Padding, ntuple, output_size, resolve_padding
from numerics.conv.counts import conv_output_size

__all__ = ["LocallyConnected2d", "locally_connected2d"]


def _broadcasts(shape: tuple[int, ...], target: tuple[int, ...]) -> bool:
    try:
        return torch.broadcast_shapes(shape, target) == target
    except RuntimeError:
        return False


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

    ``x``: ``(B, C, H, W)`` or unbatched ``(C, H, W)``, ``W``: ``(H', W', K, C, p, q)``, ``b``: ``(K, H', W')``
    (or broadcastable to it); returns ``(B, K, H', W')``. Catalog: ``cnn.locally-connected-layer``.
    """
    fn = "locally_connected2d"
    check_ndim(fn, "x", x, (3, 4))
    check_ndim(fn, "W", W, (6,))
    check_same_dtype(fn, x=x, W=W, b=b)
    unbatched = x.dim() == 3
    x = x.unsqueeze(0) if unbatched else x
    kernel, st = ntuple(kernel_size, 2, fn, "kernel_size"), ntuple(stride, 2, fn, "stride")
    pads = resolve_padding(fn, x.shape[2:], kernel, st, padding, (1, 1))
    out = tuple(
        output_size(fn, n, k, s, pd) for n, k, s, pd in zip(x.shape[2:], kernel, st, pads, strict=True)
    )
    K, C = W.shape[2], x.shape[1]
    if tuple(W.shape) != (*out, K, C, *kernel):
        raise ShapeError(
            f"{fn}: W must have shape (H', W', K, C, p, q) = {shape_str((*out, K, C, *kernel))} for x "
            f"{shape_str(x)} and kernel_size {kernel}, got {shape_str(W)}"
        )
    if b is not None and not _broadcasts(tuple(b.shape), (K, *out)):
        raise ShapeError(f"{fn}: bias b must broadcast to {shape_str((K, *out))}, got {shape_str(b)}")
    x = F.pad(x, [p for pd in reversed(pads) for p in pd])
    patches = x.unfold(2, kernel[0], st[0]).unfold(3, kernel[1], st[1])  # (B, C, H', W', p, q)
    y = torch.einsum("bchwuv,hwkcuv->bkhw", patches, W)  # (B, K, H', W')
    y = y if b is None else y + b
    return y[0] if unbatched else y


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
        device: torch.device | str | None = None,
        dtype: torch.dtype | None = None,
    ) -> None:
        super().__init__()
        factory = dict(device=device, dtype=dtype)
        (p, q), (sh, sw) = (
            ntuple(kernel_size, 2, "LocallyConnected2d", "kernel_size"),
            ntuple(stride, 2, "LocallyConnected2d", "stride"),
        )
        Ho = conv_output_size(in_size[0], p, sh, padding)
        Wo = conv_output_size(in_size[1], q, sw, padding)
        self.kernel_size, self.stride, self.padding = (p, q), (sh, sw), padding
        bound = 1 / math.sqrt(in_channels * p * q)
        self.weight = nn.Parameter(
            torch.empty(Ho, Wo, out_channels, in_channels, p, q, **factory).uniform_(-bound, bound)
        )
        self.bias = (
            nn.Parameter(torch.empty(out_channels, Ho, Wo, **factory).uniform_(-bound, bound))
            if bias
            else None
        )

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return locally_connected2d(x, self.weight, self.bias, self.kernel_size, self.stride, self.padding)
