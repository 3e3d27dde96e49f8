r"""Adam: bias-corrected running moments of the gradient.

.. math:: \mathbf{m}_t = \beta_1\mathbf{m}_{t-1} + (1-\beta_1)\,\mathbf{g}_t, \qquad
          \mathbf{v}_t = \beta_2\mathbf{v}_{t-1} + (1-\beta_2)\,\mathbf{g}_t\odot\mathbf{g}_t,

.. math:: \hat{\mathbf{m}}_t = \frac{\mathbf{m}_t}{1-\beta_1^t}, \quad
          \hat{\mathbf{v}}_t = \frac{\mathbf{v}_t}{1-\beta_2^t}, \qquad
          \theta_{t+1} = \theta_t - \eta\,\frac{\hat{\mathbf{m}}_t}{\sqrt{\hat{\mathbf{v}}_t} + \epsilon}

The bias corrections undo the pull towards the zero initialisation :math:`\mathbf{m}_0 = \mathbf{v}_0 = 0`:
for a constant gradient :math:`\hat{\mathbf{m}}_t = \mathbf{g}` exactly. Weight decay is L2
(:math:`\mathbf{g}_t = \nabla\mathcal{R} + \lambda\theta_t`) or, with ``decoupled_weight_decay``, AdamW's
:math:`\theta_t \leftarrow (1-\eta\lambda)\theta_t` before the step. AMSGrad (``amsgrad``) divides by the running
maximum :math:`\max_{s\le t}\mathbf{v}_s` instead of :math:`\mathbf{v}_t`. ``maximize`` ascends.

The updates and arguments of ``torch.optim.Adam``. ``capturable`` is honoured: the step counts live on the
parameters' device and the bias corrections are computed there, without a host synchronisation (on any device,
where torch allows it on accelerators only). ``foreach`` and ``fused`` are accepted and change nothing (see
:mod:`numerics.optim._base`).

Catalog: ``opt.adam-update``, ``opt.adam-bias-correction``, ``opt.weight-decay-l2``, ``opt.weight-decay-decoupled``.
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

__all__ = ["Adam"]


@implements(
    "opt.adam-update", "opt.adam-bias-correction", "opt.weight-decay-l2", "opt.weight-decay-decoupled"
)
class Adam(TorchOptimizer):
    r"""Adam: ``lr`` is :math:`\eta`, ``betas`` :math:`(\beta_1, \beta_2)`, ``eps`` :math:`\epsilon`, ``weight_decay`` :math:`\lambda`.

    Catalog: ``opt.adam-update``, ``opt.adam-bias-correction``, ``opt.weight-decay-l2``,
    ``opt.weight-decay-decoupled``.
    """

    def __init__(
        self,
        params: Iterable[Any],
        lr: float = 1e-3,
        betas: tuple[float, float] = (0.9, 0.999),
        eps: float = 1e-8,
        weight_decay: float = 0.0,
        amsgrad: bool = False,
        *,
        foreach: bool | None = None,
        maximize: bool = False,
        capturable: bool = False,
        differentiable: bool = False,
        fused: bool | None = None,
        decoupled_weight_decay: bool = False,
    ) -> None:
        check_hyperparameters("Adam", lr=lr, eps=eps, weight_decay=weight_decay)
        if not all(0 <= b < 1 for b in betas):
            raise ValueError(f"Adam: invalid betas={betas!r} (each must lie in [0, 1))")
        check_flags("Adam", foreach, fused, differentiable)
        defaults = dict(
            lr=lr,
            betas=tuple(betas),
            eps=eps,
            weight_decay=weight_decay,
            amsgrad=amsgrad,
            maximize=maximize,
            foreach=foreach,
            capturable=capturable,
            differentiable=differentiable,
            fused=fused,
            decoupled_weight_decay=decoupled_weight_decay,
        )
        super().__init__(params, defaults)

    @torch.no_grad()
    def step(self, closure: Callable[[], Any] | None = None) -> Any:  # type: ignore[override]
        loss = run_closure(closure)
        for group in self.param_groups:
            params, grads = params_with_grad(group)
            if params:
                self._update(group, params, grads)
        return loss

    def _update(self, group: dict[str, Any], params: list[torch.Tensor], grads: list[torch.Tensor]) -> None:
        lr, (beta1, beta2), wd = group["lr"], group["betas"], group["weight_decay"]
        states = [self.state[p] for p in params]
        for p, s in zip(params, states, strict=True):
            if "exp_avg" not in s:
                s["exp_avg"] = torch.zeros_like(p, memory_format=torch.preserve_format)
                s["exp_avg_sq"] = torch.zeros_like(p, memory_format=torch.preserve_format)
            if group["amsgrad"] and "max_exp_avg_sq" not in s:
                s["max_exp_avg_sq"] = torch.zeros_like(p, memory_format=torch.preserve_format)
        steps = advance_steps(states, params, group["capturable"])
        m = [s["exp_avg"] for s in states]
        v = [s["exp_avg_sq"] for s in states]
        if wd != 0:
            if group["decoupled_weight_decay"]:
                torch._foreach_mul_(params, 1 - lr * wd)  # theta = (1 - eta lambda) theta
            else:
                grads = torch._foreach_add(grads, params, alpha=wd)  # g + lambda theta
        torch._foreach_lerp_(m, grads, 1 - beta1)  # m = beta1 m + (1 - beta1) g
        torch._foreach_mul_(v, beta2)
        torch._foreach_addcmul_(v, grads, grads, value=1 - beta2)  # v = beta2 v + (1 - beta2) g^2
        if group["amsgrad"]:
            v = [s["max_exp_avg_sq"] for s in states]
            torch._foreach_maximum_(v, [s["exp_avg_sq"] for s in states])  # running max of v_t
        denom = torch._foreach_sqrt(v)
        if group["capturable"]:  # bias corrections as device tensors
            step_size = torch._foreach_pow(beta1, steps)
            torch._foreach_sub_(step_size, 1)  # -(1 - beta1^t)
            torch._foreach_div_(step_size, lr)
            torch._foreach_reciprocal_(step_size)  # -eta / (1 - beta1^t)
            root2 = torch._foreach_pow(beta2, steps)
            torch._foreach_sub_(root2, 1)
            torch._foreach_neg_(root2)
            torch._foreach_sqrt_(root2)  # sqrt(1 - beta2^t)
            torch._foreach_div_(denom, root2)  # sqrt(v_hat)
            torch._foreach_add_(denom, group["eps"])
            torch._foreach_div_(denom, step_size)
            torch._foreach_addcdiv_(params, m, denom)  # theta - eta m_hat / (sqrt(v_hat) + eps)
        elif all(t == steps[0] for t in steps):  # one step count for the group: scalar ops
            t = steps[0]
            torch._foreach_div_(denom, (1 - beta2**t) ** 0.5)  # sqrt(v_hat)
            torch._foreach_add_(denom, group["eps"])
            torch._foreach_addcdiv_(params, m, denom, value=-lr / (1 - beta1**t))  # theta - eta m_hat / denom
        else:
            torch._foreach_div_(denom, [(1 - beta2**t) ** 0.5 for t in steps])
            torch._foreach_add_(denom, group["eps"])
            torch._foreach_addcdiv_(params, m, denom, [-lr / (1 - beta1**t) for t in steps])
