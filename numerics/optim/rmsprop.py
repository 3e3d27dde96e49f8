r"""RMSProp: divide the gradient by a running root-mean-square of recent gradients.

.. math:: \mathbf{v}_t = \alpha\,\mathbf{v}_{t-1} + (1-\alpha)\,\mathbf{g}_t \odot \mathbf{g}_t, \qquad
          \theta_{t+1} = \theta_t - \eta\,\frac{\mathbf{g}_t}{\sqrt{\mathbf{v}_t} + \epsilon}

Centered: subtract the squared running mean :math:`\bar{\mathbf{g}}_t = \alpha\bar{\mathbf{g}}_{t-1} + (1-\alpha)\mathbf{g}_t`
inside the root, :math:`\sqrt{\mathbf{v}_t - \bar{\mathbf{g}}_t^2}`. With momentum :math:`\mu`:
:math:`\mathbf{b}_t = \mu\mathbf{b}_{t-1} + \mathbf{g}_t/(\sqrt{\cdot}+\epsilon)`, :math:`\theta_{t+1} = \theta_t - \eta\mathbf{b}_t`.
:math:`\mathbf{g}_t` includes L2 weight decay :math:`\lambda\theta_t`. The updates of ``torch.optim.RMSprop``.

Catalog: ``opt.rmsprop-update``, ``opt.weight-decay-l2``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import torch
from torch.optim import Optimizer

from numerics._links import implements
from numerics.optim._base import params_with_grad, run_closure

__all__ = ["RMSprop"]


@implements("opt.rmsprop-update", "opt.weight-decay-l2")
class RMSprop(Optimizer):
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
    ) -> None:
        if lr < 0 or eps < 0 or weight_decay < 0 or momentum < 0 or not 0 <= alpha <= 1:
            raise ValueError("invalid RMSprop hyper-parameter")
        defaults = dict(
            lr=lr, alpha=alpha, eps=eps, weight_decay=weight_decay, momentum=momentum, centered=centered
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
                if not s:
                    s["step"] = 0
                    s["square_avg"] = torch.zeros_like(p, memory_format=torch.preserve_format)
                    if mu > 0:
                        s["momentum_buffer"] = torch.zeros_like(p, memory_format=torch.preserve_format)
                    if group["centered"]:
                        s["grad_avg"] = torch.zeros_like(p, memory_format=torch.preserve_format)
                s["step"] += 1
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
