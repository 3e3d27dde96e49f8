r"""Convolution via the FFT: transform, multiply pointwise, transform back.

By the convolution theorem, :math:`\widehat{x * w} = \hat{x}\cdot\hat{w}`. The deep-learning
cross-correlation with kernel :math:`W` is the convolution with the flipped kernel; a circular
convolution of any length :math:`L \ge n` equals the linear one at the indices :math:`p-1 \le i < n` (the valid
part), so no zero-padding beyond :math:`n` is needed, and :math:`L` is rounded up to a product of 2, 3 and 5,
where FFTs are fastest. Stride subsamples the valid output, dilation spreads the kernel with zeros, and the
channel sum of each group is one complex matrix product per frequency.

Cost per image and output channel: :math:`\mathcal{O}(n\log n)` (plus :math:`\mathcal{O}(n)` per input channel)
instead of :math:`\mathcal{O}(n\,m)` for a kernel of :math:`m` entries, so the FFT pays off for large kernels.
Measured by ``python -m bench.numerics --only fft`` (one thread, batch 8, 16 -> 16 channels, 64 x 64 images,
float32): the FFT takes about 8-9 ms whatever the kernel; the direct :func:`numerics.conv.conv2d` takes
4 ms at 3 x 3, 9 ms at 5 x 5 and 16 ms at 7 x 7, so the crossover lies between 5 x 5 and 7 x 7 (FFT 2.5x
slower at 3 x 3, 2x faster at 7 x 7, 20x at 31 x 31); ``torch.nn.functional.conv2d`` (oneDNN) is overtaken
between 7 x 7 and 9 x 9 (FFT 4x slower at 3 x 3, 5x faster at 31 x 31).

Catalog: ``cnn.convolution-theorem-fft``.
"""

from __future__ import annotations

from collections.abc import Sequence

import torch
import torch.nn.functional as F

from numerics._links import implements
from numerics.conv._args import Padding, check_conv, ntuple, output_size, resolve_padding

__all__ = ["conv1d_fft", "conv2d_fft", "fft_size"]


def fft_size(n: int) -> int:
    """The smallest :math:`L \\ge n` of the form :math:`2^a 3^b 5^c` (a fast FFT length)."""
    best = 1 << max(n - 1, 0).bit_length()  # the next power of two is one candidate
    p5 = 1
    while p5 < best:
        p35 = p5
        while p35 < best:
            m = p35
            while m < n:
                m *= 2
            best = min(best, m)
            p35 *= 3
        p5 *= 5
    return best


def _forward(t: torch.Tensor, L: Sequence[int]) -> torch.Tensor:
    """Zero-padded FFT of the last ``len(L)`` dimensions to lengths ``L``, one dimension at a time (for kernels).

    The real transform runs first along the last dimension over the kernel's own rows only: a ``p x q`` kernel
    costs :math:`\\mathcal{O}(pL\\log L + L^2\\log L)` instead of transforming ``L`` padded rows twice.
    """
    T = torch.fft.rfft(t, n=L[-1], dim=-1)
    for i in range(len(L) - 2, -1, -1):
        T = torch.fft.fft(T, n=L[i], dim=i - len(L))
    return T


def _channel_products(X: torch.Tensor, Wf: torch.Tensor, groups: int) -> torch.Tensor:
    r""":math:`Y_{b,k,f} = \sum_c X_{b,c,f}\,\hat W_{k,c,f}` within each group: one batched matmul over frequencies.

    The operands are made contiguous first: on CPU, torch's complex batched matmul of strided operands copies
    one matrix at a time.
    """
    B, C, *freq = X.shape
    K, Cg = Wf.shape[:2]
    Xg = X.reshape(B, groups, Cg, -1).permute(3, 1, 0, 2).contiguous()  # (F, g, B, C/g)
    Wg = Wf.reshape(groups, K // groups, Cg, -1).permute(3, 0, 2, 1).contiguous()  # (F, g, C/g, K/g)
    return torch.matmul(Xg, Wg).permute(2, 1, 3, 0).reshape(B, K, *freq)  # (B, K, *F)


def _fft_conv(
    fn: str,
    x: torch.Tensor,
    W: torch.Tensor,
    b: torch.Tensor | None,
    stride: int | Sequence[int],
    padding: Padding,
    dilation: int | Sequence[int],
    groups: int,
    dims: int,
) -> torch.Tensor:
    """The ``dims``-D convolution behind :func:`conv1d_fft` and :func:`conv2d_fft`."""
    x, unbatched = check_conv(fn, x, W, b, groups, dims)
    st, dil = ntuple(stride, dims, fn, "stride"), ntuple(dilation, dims, fn, "dilation")
    kernel = tuple(W.shape[2:])
    pads = resolve_padding(fn, x.shape[2:], kernel, st, padding, dil)
    out = [
        output_size(fn, n, k, s, pd, d)
        for n, k, s, pd, d in zip(x.shape[2:], kernel, st, pads, dil, strict=True)
    ]
    if any(p for pd in pads for p in pd):
        x = F.pad(x, [p for pd in reversed(pads) for p in pd])
    B, C = x.shape[:2]
    K, Cg = W.shape[:2]
    if any(d > 1 for d in dil):  # spread the kernel: W_dilated[.., d u] = W[.., u]
        spread = W.new_zeros(K, Cg, *[d * (k - 1) + 1 for k, d in zip(kernel, dil, strict=True)])
        spread[(..., *[slice(None, None, d) for d in dil])] = W
        W = spread
    span = W.shape[2:]
    L = [fft_size(n) for n in x.shape[2:]]
    spatial = tuple(range(2, 2 + dims))
    X = torch.fft.rfftn(x, s=L, dim=spatial)  # (B, C, *F)
    Wf = _forward(W.flip(spatial), L)  # (K, C/g, *F)
    Y = _channel_products(X, Wf, groups)  # (B, K, *F)
    y = torch.fft.irfftn(Y, s=L, dim=spatial)  # circular convolution: (B, K, *L)
    valid = [slice(m - 1, m - 1 + s * (o - 1) + 1, s) for m, s, o in zip(span, st, out, strict=True)]
    y = y[(..., *valid)]  # valid part, subsampled: (B, K, *out)
    if b is not None:
        y = y + b.reshape(K, *[1] * dims)
    return y[0] if unbatched else y


@implements("cnn.convolution-theorem-fft")
def conv1d_fft(
    x: torch.Tensor,
    W: torch.Tensor,
    b: torch.Tensor | None = None,
    stride: int | Sequence[int] = 1,
    padding: Padding = 0,
    dilation: int | Sequence[int] = 1,
    groups: int = 1,
) -> torch.Tensor:
    r""":func:`numerics.conv.conv1d` computed as :math:`\mathcal{F}^{-1}(\mathcal{F}x \cdot \mathcal{F}\,\mathrm{flip}(W))`.

    ``x``: ``(B, C, n)`` or ``(C, n)``, ``W``: ``(K, C/groups, p)``; returns ``(B, K, n')``; the arguments of
    ``torch.nn.functional.conv1d``. Catalog: ``cnn.convolution-theorem-fft``.
    """
    return _fft_conv("conv1d_fft", x, W, b, stride, padding, dilation, groups, 1)


@implements("cnn.convolution-theorem-fft")
def conv2d_fft(
    x: torch.Tensor,
    W: torch.Tensor,
    b: torch.Tensor | None = None,
    stride: int | Sequence[int] = 1,
    padding: Padding = 0,
    dilation: int | Sequence[int] = 1,
    groups: int = 1,
) -> torch.Tensor:
    r""":func:`numerics.conv.conv2d` computed with 2-D FFTs: :math:`\mathcal{F}^{-1}(\mathcal{F}x \cdot \mathcal{F}\,\mathrm{flip}(W))`.

    ``x``: ``(B, C, H, W)`` or ``(C, H, W)``, ``W``: ``(K, C/groups, p, q)``; returns ``(B, K, H', W')``; the
    arguments of ``torch.nn.functional.conv2d``. Faster than the direct convolution for large kernels (from
    about 7 x 7 on 64 x 64 images, see the module docstring). Catalog: ``cnn.convolution-theorem-fft``.
    """
    return _fft_conv("conv2d_fft", x, W, b, stride, padding, dilation, groups, 2)
