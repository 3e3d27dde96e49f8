r"""Convolution computed directly: unfold the input into patches, then one matrix product.

Deep-learning "convolution" is the cross-correlation (no kernel flip):

.. math:: y_{k,i,j} = b_k + \sum_{c}\sum_{u<p}\sum_{v<q} W_{k,c,u,v}\; x_{c,\, s_1 i + d_1 u,\, s_2 j + d_2 v}

with strides :math:`s`, dilations :math:`d` and zero padding; with :math:`g` groups, output channel :math:`k` sees
only the :math:`C/g` input channels of its group. For 1-D drop the second spatial index. With valid padding the
output has :math:`\lfloor (n - d(p-1) - 1)/s \rfloor + 1` entries per spatial dimension (:math:`n-p+1` for stride 1);
with same padding :math:`\lceil n/s \rceil`. The cost is :math:`\mathcal{O}(n\,m)` for a signal of length :math:`n`
and kernel length :math:`m`.

The patches are copied once into a matrix with a row of ones under them (im2col), the weights get the bias as an
extra column, and one batched product gives the output in its final layout: no separate pass adds the bias.

Catalog: ``cnn.convolution-discrete``, ``cnn.multichannel-convolution``, ``cnn.convolution-stride``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import torch
import torch.nn.functional as F

from numerics._links import implements
from numerics.conv._args import Padding, check_conv, ntuple, output_size, resolve_padding

__all__ = ["conv1d", "conv2d"]

#: Entries of the im2col buffer filled at a time when autograd is off (2 MiB in float64).
_IM2COL_ENTRIES = 1 << 18


def conv_nd(
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
    """The ``dims``-D convolution behind :func:`conv1d` and :func:`conv2d` (im2col and one batched matmul)."""
    x, unbatched = check_conv(fn, x, W, b, groups, dims)
    st, dil = ntuple(stride, dims, fn, "stride"), ntuple(dilation, dims, fn, "dilation")
    kernel = tuple(W.shape[2:])
    pads = resolve_padding(fn, x.shape[2:], kernel, st, padding, dil)
    out = [
        output_size(fn, n, k, s, pd, d)
        for n, k, s, pd, d in zip(x.shape[2:], kernel, st, pads, dil, strict=True)
    ]
    if any(p for pd in pads for p in pd):
        x = F.pad(x, [p for pd in reversed(pads) for p in pd])  # F.pad lists the last dimension first
    B, C = x.shape[:2]
    K, Cg = W.shape[:2]
    patches = x
    for i, (k, s, d) in enumerate(zip(kernel, st, dil, strict=True)):
        patches = patches.unfold(2 + i, d * (k - 1) + 1, s)[..., ::d]  # windows along spatial dim i
    # patches: (B, C, *out, *kernel)
    P, N = math.prod(kernel), math.prod(out)
    rows = Cg * P + (b is not None)  # C/g p q patch entries, and a row of ones for the bias
    order = (0, 1, 2, *range(3 + dims, 3 + 2 * dims), *range(3, 3 + dims))  # (B, g, C/g, *kernel, *out)
    grouped = patches.view(B, groups, Cg, *patches.shape[2:]).permute(order)
    Wm = W.reshape(groups, K // groups, Cg * P)  # (g, K/g, C/g p q)
    if b is not None:
        Wm = torch.cat([Wm, b.reshape(groups, K // groups, 1)], dim=2)  # bias as the last column
    tracked = torch.is_grad_enabled() and any(t is not None and t.requires_grad for t in (x, W, b))
    # Without autograd, a few images at a time through one reused buffer: a large fresh im2col matrix costs
    # more in page faults than the product itself.
    chunk = B if tracked else max(1, min(B, _IM2COL_ENTRIES // (groups * rows * N)))
    cols = x.new_empty(chunk, groups, rows, N)  # im2col: (chunk, g, C/g p q [+1], H' W')
    if b is not None:
        cols[:, :, -1].fill_(1)
    if tracked:
        cols[:, :, : Cg * P].view(B, groups, Cg, *kernel, *out).copy_(grouped)
        y = torch.matmul(Wm, cols).view(B, K, *out)  # (B, g, K/g, H' W') -> (B, K, *out)
    else:
        y = x.new_empty(B, groups, K // groups, N)
        for start in range(0, B, chunk):
            stop = min(B, start + chunk)
            c = cols[: stop - start]
            c[:, :, : Cg * P].view(stop - start, groups, Cg, *kernel, *out).copy_(grouped[start:stop])
            torch.matmul(Wm, c, out=y[start:stop])  # (chunk, g, K/g, H' W')
        y = y.view(B, K, *out)
    return y[0] if unbatched else y


@implements("cnn.convolution-discrete", "cnn.multichannel-convolution", "cnn.convolution-stride")
def conv1d(
    x: torch.Tensor,
    W: torch.Tensor,
    b: torch.Tensor | None = None,
    stride: int | Sequence[int] = 1,
    padding: Padding = 0,
    dilation: int | Sequence[int] = 1,
    groups: int = 1,
) -> torch.Tensor:
    r"""1-D multi-channel convolution :math:`y_{k,i} = b_k + \sum_{c,u} W_{k,c,u}\,x_{c,si+du}`.

    ``x``: ``(B, C, n)`` or unbatched ``(C, n)``, ``W``: ``(K, C/groups, p)``, ``b``: ``(K,)``; returns
    ``(B, K, n')`` (or ``(K, n')``). The signature and results of ``torch.nn.functional.conv1d``;
    ``padding`` is an int, ``"valid"`` or ``"same"`` (also for stride > 1, by TensorFlow's rule, where torch
    refuses). Catalog: ``cnn.convolution-discrete``, ``cnn.multichannel-convolution``, ``cnn.convolution-stride``.
    """
    return conv_nd("conv1d", x, W, b, stride, padding, dilation, groups, 1)


@implements("cnn.convolution-discrete", "cnn.multichannel-convolution", "cnn.convolution-stride")
def conv2d(
    x: torch.Tensor,
    W: torch.Tensor,
    b: torch.Tensor | None = None,
    stride: int | Sequence[int] = 1,
    padding: Padding = 0,
    dilation: int | Sequence[int] = 1,
    groups: int = 1,
) -> torch.Tensor:
    r"""2-D multi-channel convolution :math:`y_{k,i,j} = b_k + \sum_{c,u,v} W_{k,c,u,v}\,x_{c,s_1i+d_1u,s_2j+d_2v}`.

    ``x``: ``(B, C, H, W)`` or unbatched ``(C, H, W)``, ``W``: ``(K, C/groups, p, q)``, ``b``: ``(K,)``; returns
    ``(B, K, H', W')`` (or ``(K, H', W')``). The signature and results of ``torch.nn.functional.conv2d``:
    ``stride``, ``padding`` and ``dilation`` are ints or per-dimension pairs, ``padding`` also ``"valid"`` or
    ``"same"`` (for stride > 1 too, by TensorFlow's rule). Catalog: ``cnn.convolution-discrete``,
    ``cnn.multichannel-convolution``, ``cnn.convolution-stride``.
    """
    return conv_nd("conv2d", x, W, b, stride, padding, dilation, groups, 2)
