r"""Adam: bias-corrected running moments of the gradient.

.. math:: \mathbf{m}_t = \beta_1\mathbf{m}_{t-1} + (1-\beta_1)\,\mathbf{g}_t, \qquad
          \mathbf{v}_t = \beta_2\mathbf{v}_{t-1} + (1-\beta_2)\,\mathbf{g}_t\odot\mathbf{g}_t,

.. math:: \hat{\mathbf{m}}_t = \frac{\mathbf{m}_t}{1-\beta_1^t}, \quad
          \hat{\mathbf{v}}_t = \frac{\mathbf{v}_t}{1-\beta_2^t}, \qquad
          \theta_{t+1} = \theta_t - \eta\,\frac{\hat{\mathbf{m}}_t}{\sqrt{\hat{\mathbf{v}}_t} + \epsilon}

The bias corrections undo the pull towards the zero initialisation :math:`\mathbf{m}_0 = \mathbf{v}_0 = 0`:
for a constant gradient :math:`\hat{\mathbf{m}}_t = \mathbf{g}` exactly. Weight decay is L2
(:math:`\mathbf{g}_t = \nabla\mathcal{R} + \lambda\theta_t`) or, with ``decoupled_weight_decay``, AdamW's
:math:`\theta_t \leftarrow (1-\eta\lambda)\theta_t` before the step. The updates of ``torch.optim.Adam``.

Catalog: ``opt.adam-update``, ``opt.adam-bias-correction``, ``opt.weight-decay-l2``, ``opt.weight-decay-decoupled``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import torch
from torch.optim import Optimizer

from numerics._links import implements
from numerics.optim._base import params_with_grad, run_closure

__all__ = ["Adam"]


@implements(
    "opt.adam-update", "opt.adam-bias-correction", "opt.weight-decay-l2", "opt.weight-decay-decoupled"
)
class Adam(Optimizer):
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
        decoupled_weight_decay: bool = False,
    ) -> None:
        if lr < 0 or eps < 0 or weight_decay < 0 or not all(0 <= b < 1 for b in betas):
            raise ValueError("invalid Adam hyper-parameter")
        defaults = dict(
            lr=lr,
            betas=tuple(betas),
            eps=eps,
            weight_decay=weight_decay,
            decoupled_weight_decay=decoupled_weight_decay,
        )
        super().__init__(params, defaults)

    @torch.no_grad()
    def step(self, closure: Callable[[], Any] | None = None) -> Any:  # type: ignore[override]
        loss = run_closure(closure)
        for group in self.param_groups:
            params, grads = params_with_grad(group)
            if not params:
                continue
            lr, (beta1, beta2), wd = group["lr"], group["betas"], group["weight_decay"]
            states = [self.state[p] for p in params]
            for p, s in zip(params, states, strict=True):
                if not s:
                    s["step"] = 0
                    s["exp_avg"] = torch.zeros_like(p, memory_format=torch.preserve_format)
                    s["exp_avg_sq"] = torch.zeros_like(p, memory_format=torch.preserve_format)
                s["step"] += 1
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
            steps = [s["step"] for s in states]
            denom = torch._foreach_sqrt(v)
            if all(t == steps[0] for t in steps):  # one step count for the group: scalar ops
                t = steps[0]
                torch._foreach_div_(denom, (1 - beta2**t) ** 0.5)  # sqrt(v_hat)
                torch._foreach_add_(denom, group["eps"])
                torch._foreach_addcdiv_(
                    params, m, denom, value=-lr / (1 - beta1**t)
                )  # theta - eta m_hat / denom
            else:
                torch._foreach_div_(denom, [(1 - beta2**t) ** 0.5 for t in steps])
                torch._foreach_add_(denom, group["eps"])
                torch._foreach_addcdiv_(params, m, denom, [-lr / (1 - beta1**t) for t in steps])
        return loss
