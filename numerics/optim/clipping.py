r"""Gradient clipping by global norm and by value.

By norm: with :math:`\|\mathbf{g}\| = \big(\sum_i \|\mathbf{g}_i\|_q^q\big)^{1/q}` over all parameters,

.. math:: \mathbf{g} \leftarrow \mathbf{g}\,\min\!\left(1, \frac{c}{\|\mathbf{g}\| + 10^{-6}}\right)

(the direction is kept, the length capped at :math:`c`). By value: :math:`g_i \leftarrow \min(\max(g_i, -c), c)`.
Same results as ``torch.nn.utils.clip_grad_norm_`` / ``clip_grad_value_``.

Catalog: ``opt.gradient-clipping-norm``, ``opt.gradient-clipping-value``.
"""

from __future__ import annotations

from collections.abc import Iterable

import torch

from numerics._links import implements

__all__ = ["clip_grad_norm_", "clip_grad_value_"]


def _grads(parameters: Iterable[torch.Tensor] | torch.Tensor) -> list[torch.Tensor]:
    params = [parameters] if isinstance(parameters, torch.Tensor) else list(parameters)
    return [p.grad for p in params if p.grad is not None]


def _by_device_and_dtype(grads: list[torch.Tensor]) -> list[list[torch.Tensor]]:
    """The gradients in groups of one device and dtype (one multi-tensor kernel each)."""
    groups: dict[tuple[torch.device, torch.dtype], list[torch.Tensor]] = {}
    for g in grads:
        groups.setdefault((g.device, g.dtype), []).append(g)
    return list(groups.values())


@implements("opt.gradient-clipping-norm")
@torch.no_grad()
def clip_grad_norm_(
    parameters: Iterable[torch.Tensor] | torch.Tensor,
    max_norm: float,
    norm_type: float = 2.0,
    error_if_nonfinite: bool = False,
    foreach: bool | None = None,
) -> torch.Tensor:
    r"""Scale all gradients by :math:`\min(1, c/(\|\mathbf{g}\|+10^{-6}))` in place; return :math:`\|\mathbf{g}\|`.

    ``max_norm`` is :math:`c`, ``norm_type`` is :math:`q` (``inf`` for the max-norm). The signature of
    ``torch.nn.utils.clip_grad_norm_``: ``error_if_nonfinite=True`` raises ``RuntimeError`` when the norm is NaN
    or infinite (otherwise the gradients are scaled by it, as in torch); ``foreach`` is accepted and changes nothing
    (one multi-tensor kernel per device and dtype). The norm is on the first gradient's device.
    Catalog: ``opt.gradient-clipping-norm``.
    """
    grads = _grads(parameters)
    if not grads:
        return torch.tensor(0.0)
    first = grads[0].device
    norms = [
        n.to(first) for group in _by_device_and_dtype(grads) for n in torch._foreach_norm(group, norm_type)
    ]
    total = torch.linalg.vector_norm(torch.stack(norms), norm_type)  # ||g||_q over all
    if error_if_nonfinite and not bool(torch.isfinite(total)):
        raise RuntimeError(
            f"clip_grad_norm_: the total norm of order {norm_type} of the gradients is non-finite ({float(total)}), "
            "so it cannot be clipped; pass error_if_nonfinite=False to scale the gradients by it anyway"
        )
    coef = torch.clamp(max_norm / (total + 1e-6), max=1.0)
    for group in _by_device_and_dtype(grads):
        torch._foreach_mul_(group, coef.to(group[0].device))
    return total


@implements("opt.gradient-clipping-value")
@torch.no_grad()
def clip_grad_value_(
    parameters: Iterable[torch.Tensor] | torch.Tensor, clip_value: float, foreach: bool | None = None
) -> None:
    r"""Clamp every gradient entry to :math:`[-c, c]` in place; ``foreach`` is accepted and changes nothing.

    Catalog: ``opt.gradient-clipping-value``.
    """
    for group in _by_device_and_dtype(_grads(parameters)):
        torch._foreach_clamp_min_(group, -clip_value)
        torch._foreach_clamp_max_(group, clip_value)
