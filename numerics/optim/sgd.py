r"""Stochastic gradient descent, with heavy-ball or Nesterov momentum and weight decay.

Gradient descent (with L2 weight decay :math:`\lambda`, :math:`\mathbf{g}_t = \nabla_\theta\mathcal{R} + \lambda\theta_t`):

.. math:: \theta_{t+1} = \theta_t - \eta\,\mathbf{g}_t

Heavy-ball momentum keeps a velocity :math:`\mathbf{b}_{t} = \mu\,\mathbf{b}_{t-1} + (1-\tau)\,\mathbf{g}_t`
(:math:`\mathbf{b}_1 = \mathbf{g}_1`, dampening :math:`\tau`) and steps :math:`\theta_{t+1} = \theta_t - \eta\,\mathbf{b}_t`;
Nesterov's look-ahead form steps :math:`\theta_{t+1} = \theta_t - \eta\,(\mathbf{g}_t + \mu\,\mathbf{b}_t)`.
These are exactly the updates of ``torch.optim.SGD``, with its arguments: ``maximize`` ascends (the gradient's
sign is flipped before weight decay, as in torch); ``foreach`` and ``fused`` are accepted and change nothing
(see :mod:`numerics.optim._base`).

Catalog: ``opt.gradient-descent-update``, ``opt.momentum-update``, ``opt.nesterov-update``, ``opt.weight-decay-l2``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import torch

from numerics._links import implements
from numerics.optim._base import (
    TorchOptimizer,
    check_flags,
    check_hyperparameters,
    params_with_grad,
    run_closure,
)

__all__ = ["SGD"]


@implements(
    "opt.gradient-descent-update", "opt.momentum-update", "opt.nesterov-update", "opt.weight-decay-l2"
)
class SGD(TorchOptimizer):
    r"""SGD: ``lr`` is :math:`\eta`, ``momentum`` :math:`\mu`, ``dampening`` :math:`\tau`, ``weight_decay`` :math:`\lambda`.

    Catalog: ``opt.gradient-descent-update``, ``opt.momentum-update``, ``opt.nesterov-update``,
    ``opt.weight-decay-l2``.
    """

    def __init__(
        self,
        params: Iterable[Any],
        lr: float = 1e-3,
        momentum: float = 0.0,
        dampening: float = 0.0,
        weight_decay: float = 0.0,
        nesterov: bool = False,
        *,
        maximize: bool = False,
        foreach: bool | None = None,
        differentiable: bool = False,
        fused: bool | None = None,
    ) -> None:
        check_hyperparameters("SGD", lr=lr, momentum=momentum, weight_decay=weight_decay)
        if nesterov and (momentum <= 0 or dampening != 0):
            raise ValueError("SGD: Nesterov momentum requires a momentum and zero dampening")
        check_flags("SGD", foreach, fused, differentiable)
        defaults = dict(
            lr=lr,
            momentum=momentum,
            dampening=dampening,
            weight_decay=weight_decay,
            nesterov=nesterov,
            maximize=maximize,
            foreach=foreach,
            differentiable=differentiable,
            fused=fused,
        )
        super().__init__(params, defaults)

    @torch.no_grad()
    def step(self, closure: Callable[[], Any] | None = None) -> Any:  # type: ignore[override]
        loss = run_closure(closure)
        for group in self.param_groups:
            params, grads = params_with_grad(group)
            if not params:
                continue
            lr, mu, tau, wd = group["lr"], group["momentum"], group["dampening"], group["weight_decay"]
            if wd != 0:
                grads = torch._foreach_add(grads, params, alpha=wd)  # g + lambda theta
            if mu != 0:
                states = [self.state[p] for p in params]
                if all("momentum_buffer" in s for s in states):
                    bufs = [s["momentum_buffer"] for s in states]
                    torch._foreach_mul_(bufs, mu)
                    torch._foreach_add_(bufs, grads, alpha=1 - tau)  # b = mu b + (1 - tau) g
                else:
                    bufs = []
                    for s, g in zip(states, grads, strict=True):
                        if "momentum_buffer" in s:
                            s["momentum_buffer"].mul_(mu).add_(g, alpha=1 - tau)
                        else:
                            s["momentum_buffer"] = g.detach().clone()  # b_1 = g_1
                        bufs.append(s["momentum_buffer"])
                if group["nesterov"]:  # theta - eta (g + mu b), in two in-place steps (no temporary list)
                    torch._foreach_add_(params, bufs, alpha=-lr * mu)
                else:  # heavy ball: theta - eta b
                    grads = bufs
            torch._foreach_add_(params, grads, alpha=-lr)  # theta = theta - eta g
        return loss
