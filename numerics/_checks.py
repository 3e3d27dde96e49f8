"""Argument checks shared by the numerics implementations: errors that name the argument and the shapes.

The checks run before any arithmetic, so a bad call fails with a message about the call (``conv2d: x has 5
channels but W (4, 3, 3, 3) with groups=1 expects 3``) rather than one from deep inside a reshape, an einsum or
a Cholesky factorisation.

:class:`ShapeError` derives from both ``ValueError`` and ``RuntimeError``: torch raises ``RuntimeError`` for
bad shapes, Python code usually expects ``ValueError``, and code written for either keeps working.

Example:
    >>> import torch
    >>> check_ndim("conv2d", "x", torch.zeros(2, 3), (3, 4))
    Traceback (most recent call last):
    ...
    numerics._checks.ShapeError: conv2d: x must have 3 or 4 dimensions, got shape (2, 3)
"""

from __future__ import annotations

from collections.abc import Collection, Iterable

import torch

__all__ = [
    "ShapeError",
    "check_affine",
    "check_choice",
    "check_components",
    "check_ndim",
    "check_same_dtype",
    "shape_str",
]


class ShapeError(ValueError, RuntimeError):
    """A tensor argument has the wrong shape for the call (a ``ValueError`` and a ``RuntimeError``)."""


def shape_str(t: torch.Tensor | Iterable[int]) -> str:
    """``(2, 3)`` for a tensor or a shape; ``(5,)`` for one dimension."""
    dims = tuple(t.shape) if isinstance(t, torch.Tensor) else tuple(t)
    return str(tuple(int(d) for d in dims))


def check_ndim(fn: str, name: str, t: torch.Tensor, allowed: Collection[int]) -> None:
    """Raise :class:`ShapeError` unless ``t.dim()`` is one of ``allowed``."""
    if t.dim() not in allowed:
        options = " or ".join(str(n) for n in sorted(allowed))
        raise ShapeError(f"{fn}: {name} must have {options} dimensions, got shape {shape_str(t)}")


def check_same_dtype(fn: str, **tensors: torch.Tensor | None) -> None:
    """Raise ``TypeError`` unless all given tensors share one dtype and one device."""
    given = {k: v for k, v in tensors.items() if v is not None}
    dtypes = {v.dtype for v in given.values()}
    devices = {v.device for v in given.values()}
    if len(dtypes) > 1 or len(devices) > 1:
        desc = ", ".join(f"{k}: {v.dtype} on {v.device}" for k, v in given.items())
        raise TypeError(f"{fn}: arguments must share one dtype and device, got {desc}")


def check_choice(fn: str, name: str, value: object, choices: Collection[object]) -> None:
    """Raise ``ValueError`` naming the known choices unless ``value`` is one of them."""
    if value not in choices:
        known = ", ".join(repr(c) for c in sorted(choices, key=str))
        raise ValueError(f"{fn}: unknown {name} {value!r}; known: {known}")


def check_components(fn: str, X: torch.Tensor, k: object, bound: str) -> tuple[int, int]:
    """``(N, d)`` of the data matrix ``X``; raises unless ``1 <= k <= bound``, ``bound`` being ``"d - 1"`` or ``"min(N, d)"``."""
    if X.dim() != 2:
        raise ShapeError(f"{fn}: X must be a data matrix (N, d), got shape {shape_str(X)}")
    N, d = X.shape
    k_max = {"d - 1": d - 1, "min(N, d)": min(N, d)}[bound]
    if not isinstance(k, int) or isinstance(k, bool) or not 1 <= k <= k_max:
        raise ValueError(f"{fn}: need 1 <= k <= {bound} = {k_max} for X of shape {shape_str(X)}, got k={k!r}")
    return N, d


def check_affine(fn: str, x: torch.Tensor, W: torch.Tensor, b: torch.Tensor | None, w_dims: int = 2) -> None:
    """``x`` ``(..., n)``, ``W`` ``(*out, n)`` with ``w_dims`` dimensions, ``b`` ``out`` (or None)."""
    check_ndim(fn, "W", W, (w_dims,))
    if x.dim() < 1 or x.shape[-1] != W.shape[-1]:
        got = f"{x.shape[-1]} inputs" if x.dim() else "a scalar"
        raise ShapeError(f"{fn}: x {shape_str(x)} has {got} but W {shape_str(W)} expects {W.shape[-1]}")
    if b is not None and tuple(b.shape) != tuple(W.shape[:-1]):
        raise ShapeError(
            f"{fn}: bias b must have shape {shape_str(W.shape[:-1])} for W {shape_str(W)}, got {shape_str(b)}"
        )
