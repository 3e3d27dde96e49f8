r"""AdaGrad: per-coordinate learning rates from the accumulated squared gradients.

.. math:: \mathbf{r}_t = \mathbf{r}_{t-1} + \mathbf{g}_t \odot \mathbf{g}_t, \qquad
          \theta_{t+1} = \theta_t - \frac{\eta_t}{\sqrt{\mathbf{r}_t} + \epsilon} \odot \mathbf{g}_t,
          \qquad \eta_t = \frac{\eta}{1 + (t-1)\,\kappa}

with :math:`\mathbf{g}_t = \nabla_\theta\mathcal{R} + \lambda\theta_t` (L2 weight decay :math:`\lambda`) and
learning-rate decay :math:`\kappa`; :math:`\mathbf{r}_0` is ``initial_accumulator_value``.
The updates and arguments of ``torch.optim.Adagrad``: ``maximize`` ascends; ``foreach`` and ``fused`` are accepted
and change nothing (see :mod:`numerics.optim._base`). The accumulator is created with the state (as in torch, so
that ``share_memory()`` finds it) and, for parameters added later by ``add_param_group``, at their first step.

Catalog: ``opt.adagrad-update``, ``opt.weight-decay-l2``.
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

__all__ = ["Adagrad"]


@implements("opt.adagrad-update", "opt.weight-decay-l2")
class Adagrad(TorchOptimizer):
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
        foreach: bool | None = None,
        *,
        maximize: bool = False,
        differentiable: bool = False,
        fused: bool | None = None,
    ) -> None:
        check_hyperparameters(
            "Adagrad",
            lr=lr,
            lr_decay=lr_decay,
            weight_decay=weight_decay,
            initial_accumulator_value=initial_accumulator_value,
            eps=eps,
        )
        check_flags("Adagrad", foreach, fused, differentiable)
        defaults = dict(
            lr=lr,
            lr_decay=lr_decay,
            weight_decay=weight_decay,
            eps=eps,
            initial_accumulator_value=initial_accumulator_value,
            foreach=foreach,
            maximize=maximize,
            differentiable=differentiable,
            fused=fused,
        )
        super().__init__(params, defaults)
        for group in self.param_groups:
            for p in group["params"]:
                self._init_state(p, group)

    def _init_state(self, p: torch.Tensor, group: dict[str, Any]) -> None:
        state = self.state[p]
        if "sum" not in state:
            state["step"] = 0
            state["sum"] = torch.full_like(
                p, group["initial_accumulator_value"], memory_format=torch.preserve_format
            )

    @torch.no_grad()
    def step(self, closure: Callable[[], Any] | None = None) -> Any:  # type: ignore[override]
        loss = run_closure(closure)
        for group in self.param_groups:
            params, grads = params_with_grad(group)
            if not params:
                continue
            for p in params:  # parameters of a group added after construction
                self._init_state(p, group)
            states = [self.state[p] for p in params]
            sums = [s["sum"] for s in states]
            steps = advance_steps(states, params, capturable=False)
            lr, kappa, wd = group["lr"], group["lr_decay"], group["weight_decay"]
            if wd != 0:
                grads = torch._foreach_add(grads, params, alpha=wd)  # g + lambda theta
            torch._foreach_addcmul_(sums, grads, grads, value=1)  # r = r + g * g
            std = torch._foreach_sqrt(sums)
            torch._foreach_add_(std, group["eps"])  # sqrt(r) + eps
            minus_lr = [-lr / (1 + (t - 1) * kappa) for t in steps]  # -eta_t
            numer = torch._foreach_mul(grads, minus_lr)
            torch._foreach_addcdiv_(params, numer, std)  # theta - eta_t g / (sqrt(r) + eps)
        return loss
