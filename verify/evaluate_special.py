"""The exponential integrals in torch float64 (torch has no kernel for them), differentiable by autograd.

* ``E1(x) = ∫_x^∞ e^{-t}/t dt`` for ``x > 0``: the power series
  ``-γ - log x - Σ_{k≥1} (-x)^k / (k k!)`` on ``(0, 1]``, the continued fraction
  ``e^{-x} / (x + 1 - 1²/(x + 3 - 2²/(x + 5 - ...)))`` above 1 (Abramowitz & Stegun 5.1.11, 5.1.22;
  Numerical Recipes §6.3).  NaN for ``x <= 0`` (complex or a pole there).
* ``Ei(x) = γ + log|x| + Σ_{k≥1} x^k / (k k!)`` for ``x > 0`` (A&S 5.1.10), ``Ei(x) = -E1(-x)`` for ``x < 0``.

Both agree with ``mpmath`` to about 1e-14 relative (tests/stats/test_stats_special.py).
"""

from __future__ import annotations

import math

__all__ = ["e1", "ei"]

EULER_GAMMA = 0.57721566490153286060651209008240243
SERIES_TERMS = 40  # the E1 series on (0, 1]: the k-th term is below 1/(k k!)
FRACTION_TERMS = 80  # the continued fraction above 1
EI_TERMS = 400  # the Ei series: enough for x up to about 300, where Ei overflows float64 anyway


def e1(torch, x):
    small = torch.clamp(x, min=1e-300, max=1.0)
    total = torch.zeros_like(small)
    term = torch.ones_like(small)
    for k in range(1, SERIES_TERMS + 1):
        term = term * (-small) / k
        total = total + term / k
    series = -EULER_GAMMA - torch.log(small) - total
    large = torch.clamp(x, min=1.0)
    tiny = 1e-300
    b = large + 1.0
    c = torch.full_like(large, 1.0 / tiny)
    d = 1.0 / b
    h = d
    for i in range(1, FRACTION_TERMS + 1):
        an = -float(i * i)
        b = b + 2.0
        d = 1.0 / (an * d + b)
        c = b + an / c
        h = h * (c * d)
    fraction = h * torch.exp(-large)
    value = torch.where(x <= 1.0, series, fraction)
    return torch.where(x > 0, value, torch.full_like(x, float("nan")))


def ei(torch, x):
    pos = torch.clamp(x, min=1e-300)
    total = torch.zeros_like(pos)
    term = torch.ones_like(pos)
    for k in range(1, EI_TERMS + 1):
        term = term * pos / k
        total = total + term / k
    positive = EULER_GAMMA + torch.log(pos) + total
    negative = -e1(torch, torch.where(x < 0, -x, torch.ones_like(x)))
    value = torch.where(x > 0, positive, negative)
    return torch.where(x == 0, torch.full_like(x, -math.inf), value)
