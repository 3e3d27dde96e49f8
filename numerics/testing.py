"""One tolerance helper for every numeric comparison in sheetproof.

Tolerances depend on the dtype of the result: round-off for float64 is
about ``1e-16`` per operation, for float32 about ``6e-8``; the defaults
leave room for a few hundred accumulated operations.

Example:
    >>> import torch
    >>> assert_close(torch.tensor([1.0], dtype=torch.float64), [1.0 + 1e-13])
"""

from __future__ import annotations

from typing import Any

import numpy as np
import torch

__all__ = ["TOLERANCES", "assert_close", "tolerance"]

#: dtype -> (rtol, atol) for results that are "equal to round-off".
TOLERANCES: dict[torch.dtype, tuple[float, float]] = {
    torch.float64: (1e-10, 1e-12),
    torch.float32: (1e-4, 1e-5),
    torch.float16: (1e-2, 1e-3),
    torch.bfloat16: (2e-2, 1e-2),
}


def tolerance(dtype: torch.dtype, scale: float = 1.0) -> tuple[float, float]:
    """Return ``(rtol, atol)`` for ``dtype``, both multiplied by ``scale``."""
    rtol, atol = TOLERANCES.get(dtype, TOLERANCES[torch.float64])
    return rtol * scale, atol * scale


def _as_tensor(x: Any, like: torch.Tensor | None = None) -> torch.Tensor:
    if isinstance(x, torch.Tensor):
        return x.detach()
    if isinstance(x, np.ndarray):
        return torch.from_numpy(x)
    dtype = like.dtype if like is not None else torch.float64
    return torch.as_tensor(x, dtype=dtype)


def assert_close(actual: Any, expected: Any, *, scale: float = 1.0, msg: str | None = None) -> None:
    """Assert ``|actual - expected| <= atol + rtol |expected|`` elementwise.

    Tolerances come from :data:`TOLERANCES` for ``actual``'s dtype, times ``scale``
    (use ``scale > 1`` for long iterations, documented at the call site).
    Both arguments may be tensors, arrays or numbers; ``expected`` is cast to
    ``actual``'s dtype and device, shapes must agree exactly.
    """
    a = _as_tensor(actual)
    e = _as_tensor(expected, like=a).to(dtype=a.dtype, device=a.device)
    rtol, atol = tolerance(a.dtype, scale)
    torch.testing.assert_close(a, e, rtol=rtol, atol=atol, msg=msg)
