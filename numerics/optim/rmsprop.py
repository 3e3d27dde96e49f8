r"""RMSProp: divide the gradient by a running root-mean-square of recent gradients.

.. math:: \mathbf{v}_t = \alpha\,\mathbf{v}_{t-1} + (1-\alpha)\,\mathbf{g}_t \odot \mathbf{g}_t, \qquad
          \theta_{t+1} = \theta_t - \eta\,\frac{\mathbf{g}_t}{\sqrt{\mathbf{v}_t} + \epsilon}

Centered: subtract the squared running mean :math:`\bar{\mathbf{g}}_t = \alpha\bar{\mathbf{g}}_{t-1} + (1-\alpha)\mathbf{g}_t`
inside the root, :math:`\sqrt{\mathbf{v}_t - \bar{\mathbf{g}}_t^2}`. With momentum :math:`\mu`:
:math:`\mathbf{b}_t = \mu\mathbf{b}_{t-1} + \mathbf{g}_t/(\sqrt{\cdot}+\epsilon)`, :math:`\theta_{t+1} = \theta_t - \eta\mathbf{b}_t`.
:math:`\mathbf{g}_t` includes L2 weight decay :math:`\lambda\theta_t`. The updates and arguments of
``torch.optim.RMSprop``: ``maximize`` ascends; ``capturable`` keeps the step counts on the parameters' device
(the update itself never reads them); ``foreach`` is accepted and changes nothing (see :mod:`numerics.optim._base`).

Catalog: ``opt.rmsprop-update``, ``opt.weight-decay-l2``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import torch

from numerics._links import implements
from numerics.optim._base import (
    TorchOptimizer,
    advance_steps,
    check_flags,
    check_hyperparameters,
    params_with_grad,
    run_closure,
)

__all__ = ["RMSprop"]


@implements("opt.rmsprop-update", "opt.weight-decay-l2")
class RMSprop(TorchOptimizer):
    r"""RMSProp: ``lr`` is :math:`\eta`, ``alpha`` :math:`\alpha`, ``eps`` :math:`\epsilon`, ``momentum`` :math:`\mu`.

    Catalog: ``opt.rmsprop-update``, ``opt.weight-decay-l2``.
    """

    def __init__(
        self,
        params: Iterable[Any],
        lr: float = 1e-2,
        alpha: float = 0.99,
        eps: float = 1e-8,
        weight_decay: float = 0.0,
        momentum: float = 0.0,
        centered: bool = False,
        capturable: bool = False,
        foreach: bool | None = None,
        maximize: bool = False,
        differentiable: bool = False,
    ) -> None:
        check_hyperparameters("RMSprop", lr=lr, eps=eps, weight_decay=weight_decay, momentum=momentum)
        if not 0 <= alpha <= 1:
            raise ValueError(f"RMSprop: invalid alpha={alpha!r} (must lie in [0, 1])")
        check_flags("RMSprop", foreach, None, differentiable)
        defaults = dict(
            lr=lr,
            alpha=alpha,
            eps=eps,
            weight_decay=weight_decay,
            momentum=momentum,
            centered=centered,
            capturable=capturable,
            foreach=foreach,
            maximize=maximize,
            differentiable=differentiable,
        )
        super().__init__(params, defaults)

    @torch.no_grad()
    def step(self, closure: Callable[[], Any] | None = None) -> Any:  # type: ignore[override]
        loss = run_closure(closure)
        for group in self.param_groups:
            params, grads = params_with_grad(group)
            if not params:
                continue
            alpha, mu, wd = group["alpha"], group["momentum"], group["weight_decay"]
            states = [self.state[p] for p in params]
            for p, s in zip(params, states, strict=True):
                if "square_avg" not in s:
                    s["square_avg"] = torch.zeros_like(p, memory_format=torch.preserve_format)
                if mu > 0 and "momentum_buffer" not in s:
                    s["momentum_buffer"] = torch.zeros_like(p, memory_format=torch.preserve_format)
                if group["centered"] and "grad_avg" not in s:
                    s["grad_avg"] = torch.zeros_like(p, memory_format=torch.preserve_format)
            advance_steps(states, params, group["capturable"])
            if wd != 0:
                grads = torch._foreach_add(grads, params, alpha=wd)  # g + lambda theta
            v = [s["square_avg"] for s in states]
            torch._foreach_mul_(v, alpha)
            torch._foreach_addcmul_(v, grads, grads, value=1 - alpha)  # v = alpha v + (1 - alpha) g^2
            if group["centered"]:
                gbar = [s["grad_avg"] for s in states]
                torch._foreach_lerp_(gbar, grads, 1 - alpha)  # gbar = alpha gbar + (1 - alpha) g
                avg = torch._foreach_addcmul(v, gbar, gbar, value=-1)  # v - gbar^2
                torch._foreach_sqrt_(avg)
            else:
                avg = torch._foreach_sqrt(v)
            torch._foreach_add_(avg, group["eps"])  # sqrt(.) + eps
            if mu > 0:
                bufs = [s["momentum_buffer"] for s in states]
                torch._foreach_mul_(bufs, mu)
                torch._foreach_addcdiv_(bufs, grads, avg)  # b = mu b + g / avg
                torch._foreach_add_(params, bufs, alpha=-group["lr"])
            else:
                torch._foreach_addcdiv_(params, grads, avg, value=-group["lr"])  # theta - eta g / avg
        return loss
