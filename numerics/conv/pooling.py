r"""Pooling: max, average, min and softmax pooling over windows of size :math:`r`.

.. math:: x^{\max}_{i} = \max_{0 \le k < r} x_{s i + k}, \qquad
          x^{\mathrm{avg}}_{i} = \frac{1}{r}\sum_{0 \le k < r} x_{s i + k}, \qquad
          x^{\min}_{i} = \min_{0 \le k < r} x_{s i + k},

.. math:: x^{\mathrm{soft}}_{i} = \sum_{0 \le k < r} \frac{e^{\beta x_{s i + k}}}{\sum_{l} e^{\beta x_{s i + l}}}\, x_{s i + k}

and the same over :math:`r \times r` windows in 2-D. Softmax pooling is a smooth maximum: it is the
average at :math:`\beta = 0` and tends to the maximum as :math:`\beta \to \infty`. The stride
:math:`s` defaults to :math:`r` (non-overlapping windows, sub-sampling by :math:`r`).
Padding follows torch: :math:`-\infty` for max, :math:`+\infty` for min, zeros (counted) for average.

Catalog: ``cnn.max-pooling``, ``cnn.average-pooling``, ``cnn.min-pooling``, ``cnn.softmax-pooling``.
"""

from __future__ import annotations

import torch
import torch.nn.functional as F

from numerics._links import implements
from numerics.conv._padding import pair

__all__ = [
    "avg_pool1d",
    "avg_pool2d",
    "max_pool1d",
    "max_pool2d",
    "min_pool1d",
    "min_pool2d",
    "softmax_pool1d",
    "softmax_pool2d",
]


def _windows1d(x: torch.Tensor, r: int, stride: int | None, padding: int, fill: float) -> torch.Tensor:
    x = F.pad(x, (padding, padding), value=fill) if padding else x
    return x.unfold(-1, r, stride or r)  # (..., n', r)


def _windows2d(
    x: torch.Tensor, r: int | tuple[int, int], stride: int | tuple[int, int] | None, padding: int, fill: float
) -> torch.Tensor:
    (rh, rw), (sh, sw) = pair(r), pair(stride if stride is not None else r)
    x = F.pad(x, (padding,) * 4, value=fill) if padding else x
    d = x.dim()
    return x.unfold(d - 2, rh, sh).unfold(d - 1, rw, sw).flatten(-2)  # (..., H', W', rh rw)


def _softmax_pool(w: torch.Tensor, beta: float) -> torch.Tensor:
    a = torch.softmax(beta * w, dim=-1)  # weights over each window: (..., r)
    return (a * w).sum(dim=-1)


@implements("cnn.max-pooling")
def max_pool1d(x: torch.Tensor, r: int, stride: int | None = None, padding: int = 0) -> torch.Tensor:
    r""":math:`\max_{k<r} x_{si+k}` over the last dimension. Catalog: ``cnn.max-pooling``."""
    return _windows1d(x, r, stride, padding, float("-inf")).amax(dim=-1)


@implements("cnn.average-pooling")
def avg_pool1d(x: torch.Tensor, r: int, stride: int | None = None, padding: int = 0) -> torch.Tensor:
    r""":math:`\frac1r\sum_{k<r} x_{si+k}` over the last dimension. Catalog: ``cnn.average-pooling``."""
    return _windows1d(x, r, stride, padding, 0.0).mean(dim=-1)


@implements("cnn.min-pooling")
def min_pool1d(x: torch.Tensor, r: int, stride: int | None = None, padding: int = 0) -> torch.Tensor:
    r""":math:`\min_{k<r} x_{si+k}` over the last dimension. Catalog: ``cnn.min-pooling``."""
    return _windows1d(x, r, stride, padding, float("inf")).amin(dim=-1)


@implements("cnn.softmax-pooling")
def softmax_pool1d(x: torch.Tensor, r: int, stride: int | None = None, beta: float = 1.0) -> torch.Tensor:
    r""":math:`\sum_k \mathrm{softmax}(\beta \mathbf{x}_{\text{win}})_k\, x_{si+k}`. Catalog: ``cnn.softmax-pooling``."""
    return _softmax_pool(_windows1d(x, r, stride, 0, 0.0), beta)


@implements("cnn.max-pooling")
def max_pool2d(
    x: torch.Tensor, r: int | tuple[int, int], stride: int | tuple[int, int] | None = None, padding: int = 0
) -> torch.Tensor:
    r""":math:`\max_{k,l<r} x_{si+k,\,sj+l}` over the last two dimensions. Catalog: ``cnn.max-pooling``."""
    return _windows2d(x, r, stride, padding, float("-inf")).amax(dim=-1)


@implements("cnn.average-pooling")
def avg_pool2d(
    x: torch.Tensor, r: int | tuple[int, int], stride: int | tuple[int, int] | None = None, padding: int = 0
) -> torch.Tensor:
    r"""Mean over each :math:`r\times r` window (padding counted). Catalog: ``cnn.average-pooling``."""
    return _windows2d(x, r, stride, padding, 0.0).mean(dim=-1)


@implements("cnn.min-pooling")
def min_pool2d(
    x: torch.Tensor, r: int | tuple[int, int], stride: int | tuple[int, int] | None = None, padding: int = 0
) -> torch.Tensor:
    r""":math:`\min_{k,l<r} x_{si+k,\,sj+l}` over the last two dimensions. Catalog: ``cnn.min-pooling``."""
    return _windows2d(x, r, stride, padding, float("inf")).amin(dim=-1)


@implements("cnn.softmax-pooling")
def softmax_pool2d(
    x: torch.Tensor, r: int | tuple[int, int], stride: int | tuple[int, int] | None = None, beta: float = 1.0
) -> torch.Tensor:
    r"""Softmax-weighted mean over each :math:`r\times r` window. Catalog: ``cnn.softmax-pooling``."""
    return _softmax_pool(_windows2d(x, r, stride, 0, 0.0), beta)
