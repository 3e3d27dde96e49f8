"""Shared plumbing for the optimizers: closures and per-group lists of parameters with gradients."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import torch


def run_closure(closure: Callable[[], Any] | None) -> Any:
    """Evaluate ``closure`` with gradients enabled (as ``torch.optim`` does) and return its loss."""
    if closure is None:
        return None
    with torch.enable_grad():
        return closure()


def params_with_grad(group: dict[str, Any]) -> tuple[list[torch.Tensor], list[torch.Tensor]]:
    """The parameters of ``group`` that have a gradient, and those gradients (dense only)."""
    params = [p for p in group["params"] if p.grad is not None]
    grads = [p.grad for p in params]
    if any(g.is_sparse for g in grads):
        raise RuntimeError("sparse gradients are not supported")
    return params, grads  # type: ignore[return-value]
