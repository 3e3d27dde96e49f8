r"""Convolution computed directly: unfold the input into patches, then one matrix product.

Deep-learning "convolution" is the cross-correlation (no kernel flip):

.. math:: y_{k,i,j} = b_k + \sum_{c}\sum_{u<p}\sum_{v<q} W_{k,c,u,v}\; x_{c,\, s i + u,\, s j + v}

For 1-D drop the second spatial index. With valid padding the output has
:math:`\lfloor (n - p)/s \rfloor + 1` entries per spatial dimension (:math:`n-p+1` for stride 1);
with same padding and stride 1 it has :math:`n`. The cost is :math:`\mathcal{O}(n\,m)` for a signal
of length :math:`n` and kernel length :math:`m`.

Catalog: ``cnn.convolution-discrete``, ``cnn.multichannel-convolution``, ``cnn.convolution-stride``.
"""

from __future__ import annotations

import torch
import torch.nn.functional as F

from numerics._links import implements
from numerics.conv._padding import Padding, pad_amounts, pair

__all__ = ["conv1d", "conv2d"]


@implements("cnn.convolution-discrete", "cnn.multichannel-convolution", "cnn.convolution-stride")
def conv1d(
    x: torch.Tensor, W: torch.Tensor, b: torch.Tensor | None = None, stride: int = 1, padding: Padding = 0
) -> torch.Tensor:
    r"""1-D multi-channel convolution :math:`y_{k,i} = b_k + \sum_{c,u} W_{k,c,u}\,x_{c,si+u}`.

    ``x``: ``(B, C, n)``, ``W``: ``(K, C, p)``, ``b``: ``(K,)``; returns ``(B, K, n')``.
    Same result as ``torch.nn.functional.conv1d`` (padding ``"same"`` also for stride > 1).
    Catalog: ``cnn.convolution-discrete``, ``cnn.multichannel-convolution``, ``cnn.convolution-stride``.
    """
    K, C, p = W.shape
    x = F.pad(x, pad_amounts(x.shape[-1], p, stride, padding))
    B = x.shape[0]
    patches = x.unfold(-1, p, stride)  # (B, C, n', p)
    n_out = patches.shape[2]
    cols = patches.permute(0, 1, 3, 2).reshape(B, C * p, n_out)  # im2col: (B, C p, n')
    y = W.reshape(K, C * p) @ cols  # (B, K, n')
    return y if b is None else y + b[:, None]


@implements("cnn.convolution-discrete", "cnn.multichannel-convolution", "cnn.convolution-stride")
def conv2d(
    x: torch.Tensor,
    W: torch.Tensor,
    b: torch.Tensor | None = None,
    stride: int | tuple[int, int] = 1,
    padding: Padding = 0,
) -> torch.Tensor:
    r"""2-D multi-channel convolution :math:`y_{k,i,j} = b_k + \sum_{c,u,v} W_{k,c,u,v}\,x_{c,s i+u,s j+v}`.

    ``x``: ``(B, C, H, W)``, ``W``: ``(K, C, p, q)``, ``b``: ``(K,)``; returns ``(B, K, H', W')``.
    Same result as ``torch.nn.functional.conv2d``. Catalog: ``cnn.convolution-discrete``,
    ``cnn.multichannel-convolution``, ``cnn.convolution-stride``.
    """
    K, C, p, q = W.shape
    sh, sw = pair(stride)
    top, bottom = pad_amounts(x.shape[-2], p, sh, padding)
    left, right = pad_amounts(x.shape[-1], q, sw, padding)
    x = F.pad(x, (left, right, top, bottom))
    B = x.shape[0]
    patches = x.unfold(2, p, sh).unfold(3, q, sw)  # (B, C, H', W', p, q)
    Ho, Wo = patches.shape[2], patches.shape[3]
    cols = patches.permute(0, 1, 4, 5, 2, 3).reshape(B, C * p * q, Ho * Wo)  # im2col: (B, C p q, H' W')
    y = W.reshape(K, C * p * q) @ cols  # (B, K, H' W')
    if b is not None:
        y = y + b[:, None]
    return y.reshape(B, K, Ho, Wo)
