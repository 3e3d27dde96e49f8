"""Closed forms of finite sums that a proof may use, each a named theorem valid for every size.

SymPy 1.14 evaluates ``Sum(binomial(t, k) p**k (1 - p)**(t - k), (k, 0, t))`` to a ``Piecewise`` whose
condition (``|p/(p - 1)| <= 1``) belongs to an infinite series, and leaves the sum itself otherwise, so
the binomial probabilities summing to one was never proved.  The rules here are exact identities of
finite sums, applied only where their hypotheses are read off the declarations:

* the binomial theorem, ``sum_{k=0}^{t} C(t, k) a^k b^(t-k) = (a + b)^t`` for an integer ``t >= 0``
  (``a`` and ``b`` free of ``k``; either factor may be absent, meaning 1).
"""

from __future__ import annotations

import sympy as sp

__all__ = ["binomial_theorem", "close_finite_sums"]


def binomial_theorem(s):
    """``(a + b)**t`` times the constant factors for ``Sum(c binomial(t, k) a**k b**(t - k), (k, 0, t))``,
    else ``s`` unchanged."""
    if not isinstance(s, sp.Sum) or len(s.limits) != 1:
        return s
    k, low, t = s.limits[0]
    if low != 0 or not (t.is_integer and t.is_nonnegative) or t.has(k):
        return s
    a_part, b_part, rest, choose = [], [], [], 0
    for factor in sp.Mul.make_args(s.function):
        base, exp = factor.as_base_exp()
        if isinstance(factor, sp.binomial) and factor.args == (t, k):
            choose += 1
        elif not factor.has(k):
            rest.append(factor)
        elif not base.has(k) and sp.expand(exp - k) == 0:
            a_part.append(base)
        elif not base.has(k) and sp.expand(exp - (t - k)) == 0:
            b_part.append(base)
        else:
            return s
    if choose != 1:
        return s
    return sp.Mul(*rest) * (sp.Mul(*a_part) + sp.Mul(*b_part)) ** t


def close_finite_sums(e):
    """``e`` with every sum a rule of this module closes replaced by its closed form."""
    if not e.has(sp.Sum):
        return e
    return e.replace(lambda x: isinstance(x, sp.Sum), binomial_theorem)
