"""``P(A)`` for an event about one random variable, from its c.d.f. and (discrete) mass function.

An event is a relation linear in ``X`` with a coefficient of known sign, or
``Not``/``And`` of such relations (``And`` of a lower and an upper bound is an
interval).  With ``F`` the c.d.f. and ``p`` the mass function (0 for continuous
laws), ``P(X <= c) = F(c)``, ``P(X < c) = F(c) - p(c)``, and an interval is
``max(0, P(X <op> u) - P(X <not op> l))``.  Other events have no closed form
here (:class:`~verify.probability.reduce.NoClosedForm`).
"""

from __future__ import annotations

import sympy as sp

__all__ = ["probability"]

_FLIP = {sp.Lt: sp.Gt, sp.Le: sp.Ge, sp.Gt: sp.Lt, sp.Ge: sp.Le, sp.Eq: sp.Eq, sp.Ne: sp.Ne}


def _no(what):
    from .reduce import NoClosedForm

    return NoClosedForm(what)


def _half_line(rel, x):
    """``rel`` as (relation class, c) meaning ``x <rel> c``."""
    kind = type(rel)
    if kind not in _FLIP:
        raise _no(f"event {rel}")
    d = sp.expand(rel.lhs - rel.rhs)
    a = d.coeff(x)
    rest = sp.expand(d - a * x)
    if a.has(x) or rest.has(x) or a == 0:
        raise _no(f"event {rel} is not linear in {x}")
    c = -rest / a
    if kind in (sp.Eq, sp.Ne):
        return kind, c
    if a.is_positive:
        return kind, c
    if a.is_negative:
        return _FLIP[kind], c
    raise _no(f"the sign of {a} in the event {rel} is unknown")


def _below(x, law, c, strict: bool):
    """P(X < c) (strict) or P(X <= c)."""
    fam, p = law.spec, law.params
    cdf = fam.cdf(c, *p)
    if cdf is None:
        raise _no(f"no c.d.f. for {fam.name}")
    if strict and fam.discrete:
        return cdf - fam.pdf(c, *p)
    return cdf


def _atom(x, law, c):
    fam, p = law.spec, law.params
    return fam.pdf(c, *p) if fam.discrete else sp.Integer(0)


def _one(rel, x, law):
    kind, c = _half_line(rel, x)
    if kind is sp.Eq:
        return _atom(x, law, c)
    if kind is sp.Ne:
        return 1 - _atom(x, law, c)
    if kind in (sp.Lt, sp.Le):
        return _below(x, law, c, strict=kind is sp.Lt)
    return 1 - _below(x, law, c, strict=kind is sp.Ge)  # X > c is not X <= c; X >= c is not X < c


def probability(cond, x, law):
    if isinstance(cond, sp.Not):
        return 1 - probability(cond.args[0], x, law)
    if cond is sp.true:
        return sp.Integer(1)
    if cond is sp.false:
        return sp.Integer(0)
    if isinstance(cond, sp.And) and len(cond.args) == 2:
        (k1, c1), (k2, c2) = (_half_line(r, x) for r in cond.args)
        lower = {sp.Gt, sp.Ge}
        if (k1 in lower) == (k2 in lower) or sp.Eq in (k1, k2) or sp.Ne in (k1, k2):
            raise _no(f"event {cond}: only intervals l < X < u have a closed form here")
        (kl, lo), (ku, hi) = ((k1, c1), (k2, c2)) if k1 in lower else ((k2, c2), (k1, c1))
        upper = _below(x, law, hi, strict=ku is sp.Lt)
        not_lower = _below(x, law, lo, strict=kl is sp.Ge)
        return sp.Max(0, upper - not_lower)
    if isinstance(cond, sp.core.relational.Relational):
        return _one(cond, x, law)
    raise _no(f"event {cond}")
