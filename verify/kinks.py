"""Where a scalar expression has a kink or a jump: what numerical integration must split at.

:func:`kink_arguments` gathers, from the expression's nodes, the expressions whose zeros are kinks or jumps
(the arguments of abs, sign and Heaviside, the differences of neighbouring Max/Min arguments, the two sides of
every relation in a Piecewise condition) and the arguments of floor, ceiling and frac (a jump where one crosses
an integer).  Locating those points in the integration variable is up to the caller:
:mod:`verify.integrals` (``integrate(f, t, a, b)``) and :mod:`verify.probability.quadrature` (expectations
against a law's density).
"""

from __future__ import annotations

import sympy as sp

__all__ = ["kink_arguments"]


def kink_arguments(expr) -> tuple[list, list]:
    """``(zeros, steps)``: expressions whose zeros are kinks or jumps of ``expr``, and arguments of floor/ceiling/frac."""
    zeros, steps = [], []
    for n in expr.atoms(sp.Abs, sp.sign, sp.Heaviside):
        zeros.append(n.args[0])
    for n in expr.atoms(sp.Max, sp.Min):
        zeros.extend(a - b for a, b in zip(n.args, n.args[1:], strict=False))
    for n in expr.atoms(sp.Piecewise):
        for _, cond in n.args:
            zeros.extend(r.lhs - r.rhs for r in sp.sympify(cond).atoms(sp.core.relational.Relational))
    for n in expr.atoms(sp.floor, sp.ceiling, sp.frac):
        steps.append(n.args[0])
    return zeros, steps
