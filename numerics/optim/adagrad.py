r"""AdaGrad: per-coordinate learning rates from the accumulated squared gradients.

.. math:: \mathbf{r}_t = \mathbf{r}_{t-1} + \mathbf{g}_t \odot \mathbf{g}_t, \qquad
          \theta_{t+1} = \theta_t - \frac{\eta_t}{\sqrt{\mathbf{r}_t} + \epsilon} \odot \mathbf{g}_t,
          \qquad \eta_t = \frac{\eta}{1 + (t-1)\,\kappa}

with :math:`\mathbf{g}_t = \nabla_\theta\mathcal{R} + \lambda\theta_t` (L2 weight decay :math:`\lambda`) and
learning-rate decay :math:`\kappa`; :math:`\mathbf{r}_0` is ``initial_accumulator_value``.
The updates of ``torch.optim.Adagrad``.

Catalog: ``opt.adagrad-update``, ``opt.weight-decay-l2``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import torch
from torch.optim import Optimizer

from numerics._links import implements
from numerics.optim._base import params_with_grad, run_closure

__all__ = ["Adagrad"]


@implements("opt.adagrad-update", "opt.weight-decay-l2")
class Adagrad(Optimizer):
    r"""AdaGrad: ``lr`` is :math:`\eta`, ``lr_decay`` :math:`\kappa`, ``eps`` :math:`\epsilon`, ``weight_decay`` :math:`\lambda`.

    Catalog: ``opt.adagrad-update``, ``opt.weight-decay-l2``.
    """

    def __init__(
        self,
        params: Iterable[Any],
        lr: float = 1e-2,
        lr_decay: float = 0.0,
        weight_decay: float = 0.0,
        initial_accumulator_value: float = 0.0,
        eps: float = 1e-10,
    ) -> None:
        if lr < 0 or lr_decay < 0 or weight_decay < 0 or initial_accumulator_value < 0 or eps < 0:
            raise ValueError("Adagrad hyper-parameters must be >= 0")
        defaults = dict(
            lr=lr,
            lr_decay=lr_decay,
            weight_decay=weight_decay,
            eps=eps,
            initial_accumulator_value=initial_accumulator_value,
        )
        super().__init__(params, defaults)
        for group in self.param_groups:
            for p in group["params"]:
                state = self.state[p]
                state["step"] = 0
                state["sum"] = torch.full_like(
                    p, initial_accumulator_value, memory_format=torch.preserve_format
                )

    @torch.no_grad()
    def step(self, closure: Callable[[], Any] | None = None) -> Any:  # type: ignore[override]
        loss = run_closure(closure)
        for group in self.param_groups:
            params, grads = params_with_grad(group)
            if not params:
                continue
            states = [self.state[p] for p in params]
            sums = [s["sum"] for s in states]
            for s in states:
                s["step"] += 1
            lr, kappa, wd = group["lr"], group["lr_decay"], group["weight_decay"]
            if wd != 0:
                grads = torch._foreach_add(grads, params, alpha=wd)  # g + lambda theta
            torch._foreach_addcmul_(sums, grads, grads, value=1)  # r = r + g * g
            std = torch._foreach_sqrt(sums)
            torch._foreach_add_(std, group["eps"])  # sqrt(r) + eps
            minus_lr = [-lr / (1 + (s["step"] - 1) * kappa) for s in states]  # -eta_t
            numer = torch._foreach_mul(grads, minus_lr)
            torch._foreach_addcdiv_(params, numer, std)  # theta - eta_t g / (sqrt(r) + eps)
        return loss
