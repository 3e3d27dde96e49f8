r"""Pooling: max, average, min and softmax pooling over windows of size :math:`r`.

.. math:: x^{\max}_{i} = \max_{0 \le k < r} x_{s i + d k}, \qquad
          x^{\mathrm{avg}}_{i} = \frac{1}{r}\sum_{0 \le k < r} x_{s i + k}, \qquad
          x^{\min}_{i} = \min_{0 \le k < r} x_{s i + d k},

.. math:: x^{\mathrm{soft}}_{i} = \sum_{0 \le k < r} \frac{e^{\beta x_{s i + d k}}}{\sum_{l} e^{\beta x_{s i + d l}}}\, x_{s i + d k}

and the same over :math:`r_1 \times r_2` windows in 2-D. Softmax pooling is a smooth maximum: it is the
average at :math:`\beta = 0` and tends to the maximum as :math:`\beta \to \infty`. The stride
:math:`s` defaults to :math:`r` (non-overlapping windows, sub-sampling by :math:`r`), the dilation :math:`d` to 1.

The arguments and results are torch's (``torch.nn.functional.max_pool2d``, ``avg_pool2d``, ...): per-dimension
tuples, padding at most half the window (padded entries never win a max or a min; an average counts them as
zeros unless ``count_include_pad=False``), ``ceil_mode`` (a last, partial window when it starts inside the
input), ``return_indices`` (flat positions in each input plane), any number of leading (batch, channel)
dimensions. Softmax pooling ignores padded entries.

Catalog: ``cnn.max-pooling``, ``cnn.average-pooling``, ``cnn.min-pooling``, ``cnn.softmax-pooling``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import torch
import torch.nn.functional as F

from numerics._checks import ShapeError, shape_str
from numerics._links import implements
from numerics.conv._args import ntuple, output_size

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

Size = int | Sequence[int]


class _Windows:
    """The pooling windows of the last ``dims`` dimensions of an input: geometry, then views of tensors."""

    def __init__(self, fn, x, dims, kernel_size, stride, padding, dilation, ceil_mode) -> None:
        if x.dim() < dims:
            raise ShapeError(f"{fn}: x must have at least {dims} dimensions, got shape {shape_str(x)}")
        self.dims, self.sizes = dims, tuple(x.shape[x.dim() - dims :])
        self.k = ntuple(kernel_size, dims, fn, "kernel_size")
        self.s = self.k if stride is None or stride == [] else ntuple(stride, dims, fn, "stride")
        self.p = ntuple(padding, dims, fn, "padding", minimum=0)
        self.d = ntuple(dilation, dims, fn, "dilation")
        if any(p > k // 2 for p, k in zip(self.p, self.k, strict=True)):
            raise ValueError(
                f"{fn}: padding {padding!r} must be at most half of kernel_size {kernel_size!r} (as in torch)"
            )
        self.out = tuple(
            output_size(fn, n, k, s, (p, p), d, ceil_mode)
            for n, k, s, p, d in zip(self.sizes, self.k, self.s, self.p, self.d, strict=True)
        )
        if any(o < 1 for o in self.out):
            raise ShapeError(f"{fn}: output size {self.out} is too small for input {shape_str(x)}")
        # padding after: p, plus the overhang of a partial last window in ceil mode
        self.after = tuple(
            max((o - 1) * s + d * (k - 1) + 1 - n - p, p)
            for n, k, s, p, d, o in zip(self.sizes, self.k, self.s, self.p, self.d, self.out, strict=True)
        )
        self.partial = any(a > p for a, p in zip(self.after, self.p, strict=True))

    def _unfold(
        self, t: torch.Tensor, before: Sequence[int], after: Sequence[int], fill: float | int
    ) -> torch.Tensor:
        pads = [v for b, a in zip(reversed(before), reversed(after), strict=True) for v in (b, a)]
        t = F.pad(t, pads, value=fill) if any(pads) else t
        first = t.dim() - self.dims
        for i, (k, s, d) in enumerate(zip(self.k, self.s, self.d, strict=True)):
            t = t.unfold(first + i, d * (k - 1) + 1, s)[..., ::d]
        return t.flatten(-self.dims)

    def view(self, t: torch.Tensor, fill: float | int) -> torch.Tensor:
        """Windows of ``t`` (padded with ``fill``): ``(..., *out, r_1 r_2)``."""
        return self._unfold(t, self.p, self.after, fill)

    def mask(self, device: torch.device, include_pad: bool) -> torch.Tensor | None:
        """Boolean ``(*out, r_1 r_2)``: entries inside the input (and the padding, with ``include_pad``); None if all are."""
        if not self.partial and (include_pad or not any(self.p)):
            return None
        if include_pad:  # the padding counts, the ceil-mode overhang does not
            padded = [n + 2 * p for n, p in zip(self.sizes, self.p, strict=True)]
            overhang = [a - p for a, p in zip(self.after, self.p, strict=True)]
            inside = torch.ones(padded, dtype=torch.bool, device=device)
            return self._unfold(inside, (0,) * self.dims, overhang, False)
        return self.view(torch.ones(self.sizes, dtype=torch.bool, device=device), False)

    def positions(self, device: torch.device) -> torch.Tensor:
        """Flat input position of each window entry, -1 in the padding: ``(*out, r_1 r_2)``."""
        idx = torch.arange(math.prod(self.sizes), device=device).view(self.sizes)
        return self.view(idx, -1)


def _extreme(fn, x, dims, kernel_size, stride, padding, dilation, ceil_mode, return_indices, largest):
    w = _Windows(fn, x, dims, kernel_size, stride, padding, dilation, ceil_mode)
    win = w.view(x, float("-inf") if largest else float("inf"))  # padded entries never win
    values = win.amax(dim=-1) if largest else win.amin(dim=-1)
    if not return_indices:
        return values
    arg = (win.argmax if largest else win.argmin)(dim=-1, keepdim=True)  # (..., *out, 1)
    pos = w.positions(x.device).expand(*win.shape)
    return values, torch.take_along_dim(pos, arg, dim=-1).squeeze(-1)


def _average(fn, x, dims, kernel_size, stride, padding, ceil_mode, count_include_pad, divisor_override):
    w = _Windows(fn, x, dims, kernel_size, stride, padding, 1, ceil_mode)
    total = w.view(x, 0).sum(dim=-1)  # (..., *out)
    if divisor_override is not None:
        return total / divisor_override
    inside = w.mask(x.device, count_include_pad)
    if inside is None:
        return total / math.prod(w.k)
    return total / inside.sum(dim=-1).to(x.dtype)  # entries counted per window: (*out)


def _softmax(fn, x, dims, kernel_size, stride, beta, padding, dilation, ceil_mode):
    w = _Windows(fn, x, dims, kernel_size, stride, padding, dilation, ceil_mode)
    win = w.view(x, 0)  # (..., *out, r)
    logits = beta * win
    inside = w.mask(x.device, include_pad=False)
    if inside is not None:  # padded entries get weight 0
        logits = logits.masked_fill(~inside, float("-inf"))
    a = torch.softmax(logits, dim=-1)  # weights over each window: (..., *out, r)
    return (a * win).sum(dim=-1)


@implements("cnn.max-pooling")
def max_pool1d(
    x: torch.Tensor,
    kernel_size: Size,
    stride: Size | None = None,
    padding: Size = 0,
    dilation: Size = 1,
    ceil_mode: bool = False,
    return_indices: bool = False,
) -> torch.Tensor | tuple[torch.Tensor, torch.Tensor]:
    r""":math:`\max_{k<r} x_{si+dk}` over the last dimension (``kernel_size`` is :math:`r`); as ``F.max_pool1d``.

    Catalog: ``cnn.max-pooling``.
    """
    return _extreme(
        "max_pool1d", x, 1, kernel_size, stride, padding, dilation, ceil_mode, return_indices, True
    )


@implements("cnn.max-pooling")
def max_pool2d(
    x: torch.Tensor,
    kernel_size: Size,
    stride: Size | None = None,
    padding: Size = 0,
    dilation: Size = 1,
    ceil_mode: bool = False,
    return_indices: bool = False,
) -> torch.Tensor | tuple[torch.Tensor, torch.Tensor]:
    r""":math:`\max_{k,l} x_{s_1i+d_1k,\,s_2j+d_2l}` over the last two dimensions; as ``F.max_pool2d``.

    Catalog: ``cnn.max-pooling``.
    """
    return _extreme(
        "max_pool2d", x, 2, kernel_size, stride, padding, dilation, ceil_mode, return_indices, True
    )


@implements("cnn.min-pooling")
def min_pool1d(
    x: torch.Tensor,
    kernel_size: Size,
    stride: Size | None = None,
    padding: Size = 0,
    dilation: Size = 1,
    ceil_mode: bool = False,
    return_indices: bool = False,
) -> torch.Tensor | tuple[torch.Tensor, torch.Tensor]:
    r""":math:`\min_{k<r} x_{si+dk}` over the last dimension; equals ``-F.max_pool1d(-x, ...)``.

    Catalog: ``cnn.min-pooling``.
    """
    return _extreme(
        "min_pool1d", x, 1, kernel_size, stride, padding, dilation, ceil_mode, return_indices, False
    )


@implements("cnn.min-pooling")
def min_pool2d(
    x: torch.Tensor,
    kernel_size: Size,
    stride: Size | None = None,
    padding: Size = 0,
    dilation: Size = 1,
    ceil_mode: bool = False,
    return_indices: bool = False,
) -> torch.Tensor | tuple[torch.Tensor, torch.Tensor]:
    r""":math:`\min_{k,l} x_{s_1i+d_1k,\,s_2j+d_2l}` over the last two dimensions; equals ``-F.max_pool2d(-x, ...)``.

    Catalog: ``cnn.min-pooling``.
    """
    return _extreme(
        "min_pool2d", x, 2, kernel_size, stride, padding, dilation, ceil_mode, return_indices, False
    )


@implements("cnn.average-pooling")
def avg_pool1d(
    x: torch.Tensor,
    kernel_size: Size,
    stride: Size | None = None,
    padding: Size = 0,
    ceil_mode: bool = False,
    count_include_pad: bool = True,
) -> torch.Tensor:
    r""":math:`\frac1r\sum_{k<r} x_{si+k}` over the last dimension; as ``F.avg_pool1d``. Catalog: ``cnn.average-pooling``."""
    return _average("avg_pool1d", x, 1, kernel_size, stride, padding, ceil_mode, count_include_pad, None)


@implements("cnn.average-pooling")
def avg_pool2d(
    x: torch.Tensor,
    kernel_size: Size,
    stride: Size | None = None,
    padding: Size = 0,
    ceil_mode: bool = False,
    count_include_pad: bool = True,
    divisor_override: int | None = None,
) -> torch.Tensor:
    r"""Mean over each :math:`r_1\times r_2` window; as ``F.avg_pool2d``. Catalog: ``cnn.average-pooling``."""
    return _average(
        "avg_pool2d", x, 2, kernel_size, stride, padding, ceil_mode, count_include_pad, divisor_override
    )


@implements("cnn.softmax-pooling")
def softmax_pool1d(
    x: torch.Tensor,
    kernel_size: Size,
    stride: Size | None = None,
    beta: float = 1.0,
    padding: Size = 0,
    dilation: Size = 1,
    ceil_mode: bool = False,
) -> torch.Tensor:
    r""":math:`\sum_k \mathrm{softmax}(\beta \mathbf{x}_{\text{win}})_k\, x_{si+dk}`. Catalog: ``cnn.softmax-pooling``."""
    return _softmax("softmax_pool1d", x, 1, kernel_size, stride, beta, padding, dilation, ceil_mode)


@implements("cnn.softmax-pooling")
def softmax_pool2d(
    x: torch.Tensor,
    kernel_size: Size,
    stride: Size | None = None,
    beta: float = 1.0,
    padding: Size = 0,
    dilation: Size = 1,
    ceil_mode: bool = False,
) -> torch.Tensor:
    r"""Softmax-weighted mean over each :math:`r_1\times r_2` window. Catalog: ``cnn.softmax-pooling``."""
    return _softmax("softmax_pool2d", x, 2, kernel_size, stride, beta, padding, dilation, ceil_mode)
