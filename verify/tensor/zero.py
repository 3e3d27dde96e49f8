"""Deciding that a residual is zero, soundly.

A scalar is zero when one of SymPy's *assumption-respecting* rewrites brings it to
0: expansion, cancellation, ``simplify``, rewriting in ``exp``, ``expand_log`` and
``logcombine`` without ``force`` (so ``log(ab) = log a + log b`` is used only where
the declared assumptions make it true), trigonometric and power simplification.
``Expr.equals`` is never used: it decides by numerical evaluation at random points.

A tensor residual is zero when every group of its normal form has a zero
coefficient, or when groups that differ only in their entrywise functions combine
to a zero function of independent arguments (``σ'(t) − σ(t) + σ(t)² = 0``).
"""

from __future__ import annotations

import sympy as sp

from .canon import canonical
from .construct import pointwise_view
from .heads import T_ARG, is_constant_head
from .network import Factor, Head
from .normal import normal_form

__all__ = ["scalar_is_zero", "residual_groups"]

_SIMPLIFY_OPS = 600  # larger residuals get only the cheap rewrites


def _strategies(e):
    yield sp.expand
    yield lambda x: sp.cancel(sp.together(x))
    if sp.count_ops(e) <= _SIMPLIFY_OPS:
        yield sp.simplify
        yield lambda x: sp.simplify(x.rewrite(sp.exp))
        yield lambda x: sp.simplify(sp.expand_log(x))
        yield lambda x: sp.simplify(sp.logcombine(x))
        yield lambda x: sp.simplify(sp.powsimp(sp.powdenest(x)))
        yield sp.trigsimp
        yield lambda x: sp.simplify(sp.piecewise_fold(x))


def scalar_is_zero(e) -> bool:
    """True only if ``e`` is provably 0 for every value of its symbols allowed by their assumptions."""
    e = sp.sympify(e)
    if e == 0:
        return True
    if e.is_number and e.is_zero is False:
        return False
    for strategy in _strategies(e):
        try:
            r = strategy(e)
        except (TypeError, ValueError, AttributeError, NotImplementedError, RecursionError,
                sp.PolynomialError, ZeroDivisionError):
            continue
        if r == 0:
            return True
    return False


def _erased(head: Head) -> Head:
    key = pointwise_view(head)[0]
    return Head("ptw", f"ptw({key})", head.dims, head.groups)


def _pointwise_combine(groups: dict, out: tuple) -> set:
    """Keys of groups that cancel against each other as entrywise functions."""
    buckets: dict = {}
    for key, (coef, factors) in groups.items():
        erasable = [not is_constant_head(f.head) and bool(f.idx) for f in factors]
        erased = [Factor(_erased(f.head), f.idx) if ok else f for f, ok in zip(factors, erasable, strict=True)]
        ekey, order = canonical(erased, out)
        bodies = [pointwise_view(factors[k].head)[2] if erasable[k] else None for k in order]
        buckets.setdefault(ekey, []).append((key, coef, bodies))
    cancelled = set()
    for members in buckets.values():
        if len(members) < 2:
            continue
        width = len(members[0][2])
        ts = [sp.Symbol(f"t_{k}", real=True) for k in range(width)]
        total = sp.Integer(0)
        for _, coef, bodies in members:
            term = coef
            for k, body in enumerate(bodies):
                if body is not None:
                    term = term * body.subs(T_ARG, ts[k])
            total += term
        if scalar_is_zero(total):
            cancelled |= {key for key, _, _ in members}
    return cancelled


def residual_groups(t) -> dict:
    """The groups of ``t``'s normal form that are not provably zero: ``{key: (coef, factors)}``."""
    nf = normal_form(t)
    left = {}
    for key, (coef, factors) in nf.nonzero().items():
        if not scalar_is_zero(coef):
            left[key] = (coef, factors)
    if len(left) >= 2:
        for key in _pointwise_combine(left, t.out):
            del left[key]
    return left
