r"""Learning-rate decay schedules :math:`\eta_t` as closed-form functions of the step :math:`t`.

.. math:: \text{step: } \eta_t = \eta_0\,\gamma^{\lfloor t/k \rfloor}, \qquad
          \text{exponential: } \eta_t = \eta_0\,\gamma^{t},

.. math:: \text{linear: } \eta_t = (1-\alpha)\,\eta_0 + \alpha\,\eta_\tau,\; \alpha = \min(t/\tau, 1), \qquad
          \text{cosine: } \eta_t = \eta_{\min} + \tfrac12(\eta_0 - \eta_{\min})\big(1 + \cos(\pi t / T)\big)

Use them with ``torch.optim.lr_scheduler.LambdaLR(opt, lambda t: schedule(t) / eta0)``; they equal
``StepLR``, ``ExponentialLR``, ``LinearLR`` and ``CosineAnnealingLR`` (for :math:`t \le T`).

Catalog: ``opt.lr-decay-step``, ``opt.lr-decay-exponential``, ``opt.lr-decay-linear``, ``opt.lr-decay-cosine``.
"""

from __future__ import annotations

import math

from numerics._links import implements

__all__ = ["cosine_decay", "exponential_decay", "linear_decay", "step_decay"]


@implements("opt.lr-decay-step")
def step_decay(t: int, lr0: float, step_size: int, gamma: float) -> float:
    r""":math:`\eta_0\gamma^{\lfloor t/k\rfloor}` with ``step_size`` :math:`k`. Catalog: ``opt.lr-decay-step``."""
    return lr0 * gamma ** (t // step_size)


@implements("opt.lr-decay-exponential")
def exponential_decay(t: int, lr0: float, gamma: float) -> float:
    r""":math:`\eta_0\gamma^t`. Catalog: ``opt.lr-decay-exponential``."""
    return lr0 * gamma**t


@implements("opt.lr-decay-linear")
def linear_decay(t: int, lr0: float, lr_tau: float, tau: int) -> float:
    r""":math:`(1-\alpha)\eta_0 + \alpha\eta_\tau`, :math:`\alpha = \min(t/\tau, 1)`; constant after :math:`\tau`.

    Catalog: ``opt.lr-decay-linear``.
    """
    a = min(t / tau, 1.0)
    return (1 - a) * lr0 + a * lr_tau


@implements("opt.lr-decay-cosine")
def cosine_decay(t: int, lr0: float, lr_min: float, T: int) -> float:
    r""":math:`\eta_{\min} + \frac12(\eta_0-\eta_{\min})(1+\cos(\pi t/T))` for :math:`0 \le t \le T`.

    Catalog: ``opt.lr-decay-cosine``.
    """
    if not 0 <= t <= T:
        raise ValueError(f"cosine decay is defined for 0 <= t <= T={T}, got t={t}")
    return lr_min + 0.5 * (lr0 - lr_min) * (1 + math.cos(math.pi * t / T))
