r"""Convolution via the FFT: transform, multiply pointwise, transform back.

By the convolution theorem, :math:`\widehat{x * w} = \hat{x}\cdot\hat{w}`. The deep-learning
cross-correlation with kernel :math:`W` is the convolution with the flipped kernel; a circular
convolution of length :math:`n` equals the linear one at the indices :math:`\ge p-1` (the valid part),
so no extra zero-padding is needed. Stride subsamples the valid output. Cost
:math:`\mathcal{O}(n\log n)` instead of :math:`\mathcal{O}(n\,m)`.

Catalog: ``cnn.convolution-theorem-fft``.
"""

from __future__ import annotations

import torch
import torch.nn.functional as F

from numerics._links import implements
from numerics.conv._padding import Padding, pad_amounts, pair

__all__ = ["conv1d_fft", "conv2d_fft"]


@implements("cnn.convolution-theorem-fft")
def conv1d_fft(
    x: torch.Tensor, W: torch.Tensor, b: torch.Tensor | None = None, stride: int = 1, padding: Padding = 0
) -> torch.Tensor:
    r""":func:`numerics.conv.conv1d` computed as :math:`\mathcal{F}^{-1}(\mathcal{F}x \cdot \mathcal{F}\,\mathrm{flip}(W))`.

    ``x``: ``(B, C, n)``, ``W``: ``(K, C, p)``; returns ``(B, K, n')``. Catalog: ``cnn.convolution-theorem-fft``.
    """
    p = W.shape[-1]
    x = F.pad(x, pad_amounts(x.shape[-1], p, stride, padding))
    n = x.shape[-1]
    X = torch.fft.rfft(x, n=n)  # (B, C, n//2+1)
    Wf = torch.fft.rfft(W.flip(-1), n=n)  # (K, C, n//2+1)
    y = torch.fft.irfft(torch.einsum("bcf,kcf->bkf", X, Wf), n=n)  # circular conv: (B, K, n)
    y = y[..., p - 1 :: stride]  # valid part, subsampled: (B, K, n')
    return y if b is None else y + b[:, None]


@implements("cnn.convolution-theorem-fft")
def conv2d_fft(
    x: torch.Tensor,
    W: torch.Tensor,
    b: torch.Tensor | None = None,
    stride: int | tuple[int, int] = 1,
    padding: Padding = 0,
) -> torch.Tensor:
    r""":func:`numerics.conv.conv2d` computed with 2-D FFTs.

    ``x``: ``(B, C, H, W)``, ``W``: ``(K, C, p, q)``; returns ``(B, K, H', W')``.
    Catalog: ``cnn.convolution-theorem-fft``.
    """
    p, q = W.shape[-2:]
    sh, sw = pair(stride)
    top, bottom = pad_amounts(x.shape[-2], p, sh, padding)
    left, right = pad_amounts(x.shape[-1], q, sw, padding)
    x = F.pad(x, (left, right, top, bottom))
    s = x.shape[-2:]
    X = torch.fft.rfft2(x, s=s)  # (B, C, H, W//2+1)
    Wf = torch.fft.rfft2(W.flip(-2, -1), s=s)  # (K, C, H, W//2+1)
    y = torch.fft.irfft2(torch.einsum("bcuv,kcuv->bkuv", X, Wf), s=s)  # (B, K, H, W)
    y = y[..., p - 1 :: sh, q - 1 :: sw]  # (B, K, H', W')
    return y if b is None else y + b[:, None, None]
