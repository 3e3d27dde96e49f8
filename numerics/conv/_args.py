"""Arguments of convolution and pooling, resolved the way torch reads them, with errors that name them.

- ``ntuple``: ``3 -> (3, 3)``; a tuple of one entry per spatial dimension is kept (per-dimension values).
- ``pad_amounts``: ``(before, after)`` zero-padding for an ``int``, ``"valid"`` or ``"same"`` padding.
- ``check_conv``: shapes of input, weight and bias for ``groups``; adds the batch dimension to an unbatched input.
- ``output_size``: :math:`\\lfloor (n + P_0 + P_1 - d(k-1) - 1)/s \\rfloor + 1` (ceil mode for pooling).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import torch

from numerics._checks import ShapeError, check_ndim, check_same_dtype, shape_str

Padding = int | str | Sequence[int]

__all__ = ["Padding", "check_conv", "ntuple", "output_size", "pad_amounts", "resolve_padding"]


def ntuple(value: int | Sequence[int], n: int, fn: str, name: str, minimum: int = 1) -> tuple[int, ...]:
    """``value`` as ``n`` ints (an int is repeated); each at least ``minimum``."""
    if isinstance(value, int | torch.SymInt) and not isinstance(value, bool):
        out = (int(value),) * n
    elif isinstance(value, Sequence) and not isinstance(value, str) and len(value) in (1, n):
        out = tuple(int(v) for v in value) * (n if len(value) == 1 else 1)
    else:
        raise ValueError(f"{fn}: {name} must be an int or a tuple of {n} ints, got {value!r}")
    if any(v < minimum for v in out):
        raise ValueError(f"{fn}: {name} must be >= {minimum}, got {value!r}")
    return out


def pad_amounts(n: int, k: int, stride: int, padding: int | str) -> tuple[int, int]:
    r"""Return ``(before, after)`` zero-padding for a signal of length ``n`` and (dilated) kernel length ``k``.

    ``"valid"``: none. ``"same"``: the output has :math:`\lceil n/s \rceil` entries, the total padding
    :math:`\max((\lceil n/s\rceil - 1)s + k - n, 0)` is split with the extra entry after (as in torch
    for stride 1, and TensorFlow for any stride). An ``int`` pads both sides by that much.
    """
    if isinstance(padding, int) and not isinstance(padding, bool):
        if padding < 0:
            raise ValueError(f"padding must be >= 0, got {padding}")
        return padding, padding
    if padding == "valid":
        return 0, 0
    if padding == "same":
        total = max((math.ceil(n / stride) - 1) * stride + k - n, 0)
        return total // 2, total - total // 2
    raise ValueError(f"padding must be an int, a tuple of ints, 'valid' or 'same', got {padding!r}")


def resolve_padding(
    fn: str,
    sizes: Sequence[int],
    kernel: Sequence[int],
    stride: Sequence[int],
    padding: Padding,
    dilation: Sequence[int],
) -> list[tuple[int, int]]:
    """``(before, after)`` per spatial dimension; ``padding`` is an int, a per-dimension tuple, "valid" or "same"."""
    n = len(sizes)
    if isinstance(padding, str):
        per_dim: Sequence[int | str] = (padding,) * n
    else:
        per_dim = ntuple(padding, n, fn, "padding", minimum=0)
    try:
        return [
            pad_amounts(size, d * (k - 1) + 1, s, p)
            for size, k, s, p, d in zip(sizes, kernel, stride, per_dim, dilation, strict=True)
        ]
    except ValueError as err:
        raise ValueError(f"{fn}: {err}") from None


def output_size(
    fn: str, n: int, k: int, stride: int, pads: tuple[int, int], dilation: int = 1, ceil_mode: bool = False
) -> int:
    r""":math:`\lfloor (n + P_0 + P_1 - d(k-1) - 1)/s \rfloor + 1` (ceiling with ``ceil_mode``).

    With ``ceil_mode`` the last window must start inside the input or the leading padding (torch's rule).
    Raises :class:`ShapeError` when the (dilated) kernel does not fit into the padded input.
    """
    span = n + pads[0] + pads[1] - dilation * (k - 1) - 1
    if span < 0:
        raise ShapeError(
            f"{fn}: kernel size {k} (dilation {dilation}, spanning {dilation * (k - 1) + 1}) is larger than "
            f"the padded input size {n + pads[0] + pads[1]}"
        )
    if not ceil_mode:
        return span // stride + 1
    out = -(-span // stride) + 1
    if (out - 1) * stride >= n + pads[0]:
        out -= 1
    return out


def check_conv(
    fn: str, x: torch.Tensor, W: torch.Tensor, b: torch.Tensor | None, groups: int, dims: int
) -> tuple[torch.Tensor, bool]:
    """Check shapes for a ``dims``-D convolution; return the batched input and whether it was unbatched.

    ``x``: ``(B, C, *spatial)`` or ``(C, *spatial)``; ``W``: ``(K, C / groups, *kernel)``; ``b``: ``(K,)``.
    """
    check_ndim(fn, "x", x, (dims + 1, dims + 2))
    check_ndim(fn, "W", W, (dims + 2,))
    check_same_dtype(fn, x=x, W=W, b=b)
    if not isinstance(groups, int) or groups < 1:
        raise ValueError(f"{fn}: groups must be a positive int, got {groups!r}")
    unbatched = x.dim() == dims + 1
    if unbatched:
        x = x.unsqueeze(0)
    K, Cg = W.shape[:2]
    if K % groups:
        raise ShapeError(f"{fn}: W {shape_str(W)} has {K} output channels, not divisible by groups={groups}")
    if x.shape[1] != Cg * groups:
        raise ShapeError(
            f"{fn}: x {shape_str(x.shape[1:] if unbatched else x)} has {x.shape[1]} channels but "
            f"W {shape_str(W)} with groups={groups} expects {Cg * groups}"
        )
    if b is not None and tuple(b.shape) != (K,):
        raise ShapeError(f"{fn}: bias b must have shape ({K},) for W {shape_str(W)}, got {shape_str(b)}")
    return x, unbatched
