r"""Learning-rate decay schedules :math:`\eta_t`: closed-form functions of the step :math:`t`, and schedulers.

.. math:: \text{step: } \eta_t = \eta_0\,\gamma^{\lfloor t/k \rfloor}, \qquad
          \text{exponential: } \eta_t = \eta_0\,\gamma^{t},

.. math:: \text{linear: } \eta_t = (1-\alpha)\,\eta_0 + \alpha\,\eta_\tau,\; \alpha = \min(t/\tau, 1), \qquad
          \text{cosine: } \eta_t = \eta_{\min} + \tfrac12(\eta_0 - \eta_{\min})\big(1 + \cos(\pi t / T)\big)

Two forms of each:

- functions (:func:`step_decay`, ...) of :math:`t`, e.g. for ``torch.optim.lr_scheduler.LambdaLR(opt, lambda t:
  schedule(t) / eta0)``;
- schedulers (:class:`StepDecay`, ...), ``torch.optim.lr_scheduler.LRScheduler`` subclasses with the arguments of
  ``StepLR``, ``ExponentialLR``, ``LinearLR`` and ``CosineAnnealingLR``: ``scheduler.step()`` after
  ``optimizer.step()``, ``get_last_lr()``, ``state_dict()``; every group's rate is the function of its base rate.

Both equal torch's schedulers, also at the edges: past the horizon the linear schedule stays at :math:`\eta_\tau` and
the cosine one continues periodically (it rises back to :math:`\eta_0` at :math:`2T`, as ``CosineAnnealingLR``
does); ``total_iters=0`` keeps the start rate, as ``LinearLR`` does; a zero step size or period is refused here
(torch's ``StepLR`` and ``CosineAnnealingLR`` fail with ``ZeroDivisionError`` at their second step). The schedulers
compute each rate in closed form from the base rate, not from the previous rate, so they do not compose
multiplicatively with a second scheduler on the same optimizer as torch's chainable ones do.

Catalog: ``opt.lr-decay-step``, ``opt.lr-decay-exponential``, ``opt.lr-decay-linear``, ``opt.lr-decay-cosine``.
"""

from __future__ import annotations

import math

from torch.optim import Optimizer
from torch.optim.lr_scheduler import LRScheduler

from numerics._links import implements

__all__ = [
    "CosineDecay",
    "ExponentialDecay",
    "LinearDecay",
    "StepDecay",
    "cosine_decay",
    "exponential_decay",
    "linear_decay",
    "step_decay",
]


def _check_t(fn: str, t: int) -> None:
    if t < 0:
        raise ValueError(f"{fn}: the step t must be >= 0, got {t}")


@implements("opt.lr-decay-step")
def step_decay(t: int, lr0: float, step_size: int, gamma: float) -> float:
    r""":math:`\eta_0\gamma^{\lfloor t/k\rfloor}` with ``step_size`` :math:`k \ge 1`. Catalog: ``opt.lr-decay-step``."""
    _check_t("step_decay", t)
    if step_size < 1:
        raise ValueError(f"step_decay: step_size must be >= 1, got {step_size}")
    return lr0 * gamma ** (t // step_size)


@implements("opt.lr-decay-exponential")
def exponential_decay(t: int, lr0: float, gamma: float) -> float:
    r""":math:`\eta_0\gamma^t`. Catalog: ``opt.lr-decay-exponential``."""
    _check_t("exponential_decay", t)
    return lr0 * gamma**t


@implements("opt.lr-decay-linear")
def linear_decay(t: int, lr0: float, lr_tau: float, tau: int) -> float:
    r""":math:`(1-\alpha)\eta_0 + \alpha\eta_\tau`, :math:`\alpha = \min(t/\tau, 1)`; constant after :math:`\tau`.

    ``tau = 0`` keeps :math:`\eta_0` (as ``LinearLR(total_iters=0)``). Catalog: ``opt.lr-decay-linear``.
    """
    _check_t("linear_decay", t)
    if tau < 0:
        raise ValueError(f"linear_decay: tau must be >= 0, got {tau}")
    a = min(t / tau, 1.0) if tau else 0.0
    return (1 - a) * lr0 + a * lr_tau


@implements("opt.lr-decay-cosine")
def cosine_decay(t: int, lr0: float, lr_min: float, T: int) -> float:
    r""":math:`\eta_{\min} + \frac12(\eta_0-\eta_{\min})(1+\cos(\pi t/T))`; periodic past :math:`T`, as in torch.

    Catalog: ``opt.lr-decay-cosine``.
    """
    _check_t("cosine_decay", t)
    if T < 1:
        raise ValueError(f"cosine_decay: the period T must be >= 1, got {T}")
    return lr_min + 0.5 * (lr0 - lr_min) * (1 + math.cos(math.pi * t / T))


class _ClosedForm(LRScheduler):
    """An ``LRScheduler`` whose rate at step ``last_epoch`` is a function of the base rate."""

    def _rate(self, base_lr: float, t: int) -> float:
        raise NotImplementedError

    def get_lr(self) -> list[float]:  # type: ignore[override]
        return [self._rate(base, self.last_epoch) for base in self.base_lrs]

    def _get_closed_form_lr(self) -> list[float]:
        return self.get_lr()


@implements("opt.lr-decay-step")
class StepDecay(_ClosedForm):
    r""":func:`step_decay` as a scheduler, with the arguments of ``torch.optim.lr_scheduler.StepLR``.

    Catalog: ``opt.lr-decay-step``.
    """

    def __init__(
        self, optimizer: Optimizer, step_size: int, gamma: float = 0.1, last_epoch: int = -1
    ) -> None:
        step_decay(0, 1.0, step_size, gamma)  # validate before the first step
        self.step_size, self.gamma = step_size, gamma
        super().__init__(optimizer, last_epoch)

    def _rate(self, base_lr: float, t: int) -> float:
        return step_decay(t, base_lr, self.step_size, self.gamma)


@implements("opt.lr-decay-exponential")
class ExponentialDecay(_ClosedForm):
    r""":func:`exponential_decay` as a scheduler, with the arguments of ``ExponentialLR``.

    Catalog: ``opt.lr-decay-exponential``.
    """

    def __init__(self, optimizer: Optimizer, gamma: float, last_epoch: int = -1) -> None:
        self.gamma = gamma
        super().__init__(optimizer, last_epoch)

    def _rate(self, base_lr: float, t: int) -> float:
        return exponential_decay(t, base_lr, self.gamma)


@implements("opt.lr-decay-linear")
class LinearDecay(_ClosedForm):
    r""":func:`linear_decay` as a scheduler, with the arguments of ``LinearLR``: the rate moves from
    ``start_factor`` to ``end_factor`` times the base rate over ``total_iters`` steps.

    Catalog: ``opt.lr-decay-linear``.
    """

    def __init__(
        self,
        optimizer: Optimizer,
        start_factor: float = 1.0 / 3,
        end_factor: float = 1.0,
        total_iters: int = 5,
        last_epoch: int = -1,
    ) -> None:
        if not 0 < start_factor <= 1 or not 0 <= end_factor <= 1:
            raise ValueError(
                f"LinearDecay: need 0 < start_factor <= 1 and 0 <= end_factor <= 1 (as LinearLR), "
                f"got {start_factor}, {end_factor}"
            )
        linear_decay(0, 1.0, 1.0, total_iters)  # validate
        self.start_factor, self.end_factor, self.total_iters = start_factor, end_factor, total_iters
        super().__init__(optimizer, last_epoch)

    def _rate(self, base_lr: float, t: int) -> float:
        return linear_decay(t, base_lr * self.start_factor, base_lr * self.end_factor, self.total_iters)


@implements("opt.lr-decay-cosine")
class CosineDecay(_ClosedForm):
    r""":func:`cosine_decay` as a scheduler, with the arguments of ``CosineAnnealingLR`` (``T_max`` is :math:`T`,
    ``eta_min`` is :math:`\eta_{\min}`). Catalog: ``opt.lr-decay-cosine``.
    """

    def __init__(self, optimizer: Optimizer, T_max: int, eta_min: float = 0.0, last_epoch: int = -1) -> None:
        cosine_decay(0, 1.0, eta_min, T_max)  # validate
        self.T_max, self.eta_min = T_max, eta_min
        super().__init__(optimizer, last_epoch)

    def _rate(self, base_lr: float, t: int) -> float:
        return cosine_decay(t, base_lr, self.eta_min, self.T_max)
