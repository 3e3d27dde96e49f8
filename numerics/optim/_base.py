"""Shared plumbing for the optimizers: closures, parameters with gradients, step counters, torch's flags.

Flags that torch's optimizers take and that change nothing numerically are accepted so that code passing them
keeps working: ``foreach`` (every step here runs torch's multi-tensor ``_foreach`` kernels, whatever the value)
and ``fused`` (no fused kernel here: the same update, unfused). ``fused=True`` together with ``foreach=True`` is
refused, as in torch. ``differentiable=True`` is refused (the steps run under ``torch.no_grad()``), since ignoring
it would silently drop the gradient the caller asked for. ``capturable`` is honoured where torch has it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import torch
from torch.optim import Optimizer


class TorchOptimizer(Optimizer):
    """``torch.optim.Optimizer`` that fills keys missing from a loaded state dict's groups with its defaults.

    Torch's ``load_state_dict`` replaces the groups by the saved ones; a state dict written before an argument
    existed (or by torch, which lacks ``decoupled_weight_decay`` for some optimizers) would then lack its key.
    """

    def __setstate__(self, state: dict[str, Any]) -> None:
        super().__setstate__(state)
        for group in self.param_groups:
            for key, value in self.defaults.items():
                group.setdefault(key, value)


def run_closure(closure: Callable[[], Any] | None) -> Any:
    """Evaluate ``closure`` with gradients enabled (as ``torch.optim`` does) and return its loss."""
    if closure is None:
        return None
    with torch.enable_grad():
        return closure()


def params_with_grad(group: dict[str, Any]) -> tuple[list[torch.Tensor], list[torch.Tensor]]:
    """The parameters of ``group`` that have a gradient, and those gradients (negated with ``maximize``)."""
    params = [p for p in group["params"] if p.grad is not None]
    grads = [p.grad for p in params]
    if any(g.is_sparse for g in grads):
        raise RuntimeError("sparse gradients are not supported")
    if grads and group.get("maximize", False):
        grads = torch._foreach_neg(grads)  # ascend: step along +grad
    return params, grads  # type: ignore[return-value]


def check_hyperparameters(name: str, **values: float) -> None:
    """Raise ``ValueError`` naming the first hyper-parameter that is negative (or not a number)."""
    for key, value in values.items():
        if not value >= 0:
            raise ValueError(f"{name}: invalid {key}={value!r} (must be >= 0)")


def check_flags(name: str, foreach: bool | None, fused: bool | None, differentiable: bool) -> None:
    """Accept torch's implementation flags as documented in this module."""
    if fused and foreach:
        raise RuntimeError("`fused` and `foreach` cannot be `True` together.")
    if differentiable:
        raise NotImplementedError(
            f"{name}(differentiable=True) is not supported: numerics' steps run under torch.no_grad(); "
            f"use torch.optim.{name} to differentiate through an optimizer step"
        )


def scalar_dtype() -> torch.dtype:
    """The dtype torch keeps step counters in: float64 under a float64 default, else float32."""
    return torch.float64 if torch.get_default_dtype() == torch.float64 else torch.float32


def advance_steps(states: list[dict[str, Any]], params: list[torch.Tensor], capturable: bool) -> list[Any]:
    """Create (at 0) and increment each state's ``step``; return the new counts.

    With ``capturable`` the counts are 0-d tensors on the parameters' devices, incremented on the device (no
    host synchronisation, as CUDA-graph capture needs); otherwise Python numbers (a tensor count loaded from a
    torch state dict is read once per step, as torch does).
    """
    for p, s in zip(params, states, strict=True):
        if "step" not in s:
            s["step"] = torch.zeros((), dtype=scalar_dtype(), device=p.device) if capturable else 0
        elif capturable and not isinstance(s["step"], torch.Tensor):
            s["step"] = torch.tensor(float(s["step"]), dtype=scalar_dtype(), device=p.device)
    if capturable:
        steps = [s["step"] for s in states]
        torch._foreach_add_(steps, 1)
        return steps
    for s in states:
        s["step"] += 1
    return [float(s["step"]) if isinstance(s["step"], torch.Tensor) else s["step"] for s in states]
