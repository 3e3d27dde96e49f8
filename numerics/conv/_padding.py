"""Resolve a padding spec (``int``, ``"valid"`` or ``"same"``) into (before, after) amounts."""

from __future__ import annotations

import math

Padding = int | str


def pad_amounts(n: int, k: int, stride: int, padding: Padding) -> tuple[int, int]:
    r"""Return ``(before, after)`` zero-padding for a signal of length ``n`` and kernel ``k``.

    ``"valid"``: none. ``"same"``: the output has :math:`\lceil n/s \rceil` entries, the total padding
    :math:`\max((\lceil n/s\rceil - 1)s + k - n, 0)` is split with the extra entry after (as in torch
    for stride 1, and TensorFlow for any stride). An ``int`` pads both sides by that much.
    """
    if isinstance(padding, int):
        if padding < 0:
            raise ValueError(f"padding must be >= 0, got {padding}")
        return padding, padding
    if padding == "valid":
        return 0, 0
    if padding == "same":
        total = max((math.ceil(n / stride) - 1) * stride + k - n, 0)
        return total // 2, total - total // 2
    raise ValueError(f"padding must be an int, 'valid' or 'same', got {padding!r}")


def pair(v: int | tuple[int, int]) -> tuple[int, int]:
    """``3 -> (3, 3)``; a pair is returned unchanged."""
    return (v, v) if isinstance(v, int) else (int(v[0]), int(v[1]))
