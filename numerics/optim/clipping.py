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


@implements("opt.gradient-clipping-norm")
@torch.no_grad()
def clip_grad_norm_(
    parameters: Iterable[torch.Tensor] | torch.Tensor, max_norm: float, norm_type: float = 2.0
) -> torch.Tensor:
    r"""Scale all gradients by :math:`\min(1, c/(\|\mathbf{g}\|+10^{-6}))` in place; return :math:`\|\mathbf{g}\|`.

    ``max_norm`` is :math:`c`, ``norm_type`` is :math:`q` (``inf`` for the max-norm).
    Catalog: ``opt.gradient-clipping-norm``.
    """
    grads = _grads(parameters)
    if not grads:
        return torch.tensor(0.0)
    norms = torch._foreach_norm(grads, norm_type)  # ||g_i||_q per tensor
    total = torch.linalg.vector_norm(torch.stack(norms), norm_type)  # ||g||_q over all
    coef = torch.clamp(max_norm / (total + 1e-6), max=1.0)
    torch._foreach_mul_(grads, coef)
    return total


@implements("opt.gradient-clipping-value")
@torch.no_grad()
def clip_grad_value_(parameters: Iterable[torch.Tensor] | torch.Tensor, clip_value: float) -> None:
    r"""Clamp every gradient entry to :math:`[-c, c]` in place. Catalog: ``opt.gradient-clipping-value``."""
    grads = _grads(parameters)
    if grads:
        torch._foreach_clamp_min_(grads, -clip_value)
        torch._foreach_clamp_max_(grads, clip_value)
