"""Deciding that a residual is zero, soundly.

A scalar is zero when one of SymPy's *assumption-respecting* rewrites brings it to
0: expansion, cancellation, ``simplify``, rewriting in ``exp``, ``expand_log`` and
``logcombine`` without ``force`` (so ``log(ab) = log a + log b`` is used only where
the declared assumptions make it true), trigonometric and power simplification.
``Expr.equals`` is never used: it decides by numerical evaluation at random points.  Finite sums
that SymPy leaves open are closed by named theorems first (:mod:`verify.tensor.finite_sums`).

A tensor residual is zero when every group of its normal form has a zero
coefficient, or when groups that differ only in their entrywise functions combine
to a zero function of independent arguments (``σ'(t) − σ(t) + σ(t)² = 0``).
"""

from __future__ import annotations

import sympy as sp

from .atoms import reduce_signs
from .canon import canonical
from .construct import pointwise_view
from .finite_sums import close_finite_sums
from .heads import T_ARG, is_constant_head
from .network import Factor, Head
from .normal import normal_form

__all__ = ["scalar_is_zero", "residual_groups", "only_root"]

_SIMPLIFY_OPS = 600  # larger residuals get only the cheap rewrites
# piecewise folding is exponential in the kinks (abs, max, min, ...): max(a, b, c, d) against its nested |·| form
# (approx.absolute-value-nesting-logarithmic) ran for minutes in simplify_logic; past this count it is not tried
_MAX_KINKS = 3


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
        if len(e.atoms(sp.Abs, sp.Max, sp.Min, sp.Piecewise, sp.Heaviside, sp.sign)) <= _MAX_KINKS:
            yield lambda x: sp.simplify(sp.piecewise_fold(x))
            yield lambda x: sp.simplify(sp.piecewise_fold(x.rewrite(sp.Piecewise)))  # relu(a) - relu(-a) = a


def _zero_where_defined(original, folded) -> bool:
    """A piecewise residual is zero on the claim's domain: every branch simplifies to 0, or holds only at a
    point where the original residual is undefined (``Σ_{k<t} β^k − (1 − βᵗ)/(1 − β)`` at ``β = 1``)."""
    if not isinstance(folded, sp.Piecewise):
        return False
    for value, cond in folded.args:
        if _cheap_zero(value):
            continue
        point = _solved(cond)
        if point is None:
            return False
        try:
            if _cheap_zero(value.subs(point)):
                continue  # the branch vanishes at the only point where it applies
            at = original.subs(point)
        except (TypeError, ValueError, ZeroDivisionError, NotImplementedError):
            return False
        if not (at.has(sp.nan, sp.zoo) or at is sp.nan):
            return False
    return True


def _solved(cond):
    """``{symbol: value}`` when the condition holds at one value of one symbol (``Eq(1/β, 1)``), else None."""
    if not isinstance(cond, sp.Eq) or len(cond.free_symbols) != 1:
        return None
    (sym,) = cond.free_symbols
    root = only_root(cond.lhs - cond.rhs, sym)
    return None if root is None else {sym: root}


def only_root(value, s):
    """The value of ``s`` when ``value = 0`` has exactly one solution in the set ``s`` is declared in
    (``a² = 1`` for ``a`` positive; ``exp(a) = 1``), from :func:`sympy.solveset`, which gives the whole
    solution set (``solve`` may return a part of it); else None."""
    domain = sp.S.Complexes
    if s.is_real:
        domain = (sp.Interval.open(0, sp.oo) if s.is_positive else sp.Interval(0, sp.oo) if s.is_nonnegative
                  else sp.Interval.open(-sp.oo, 0) if s.is_negative else sp.S.Reals)
    try:
        roots = sp.solveset(value, s, domain=domain)
    except (NotImplementedError, TypeError, ValueError):
        return None
    if isinstance(roots, sp.FiniteSet) and len(roots) == 1:
        root = next(iter(roots))
        return root if s.is_integer is not True or root.is_integer else None
    return None


def _cheap_zero(e) -> bool:
    if e == 0:
        return True
    try:
        return sp.simplify(e) == 0 if sp.count_ops(e) <= _SIMPLIFY_OPS else sp.expand(e) == 0
    except (TypeError, ValueError, NotImplementedError, RecursionError):
        return False


def _clearly_nonzero(e) -> bool:
    """A quick look, to spare the costly rewrites: ``e`` is far from 0 at a point allowed by the assumptions.

    Never a verdict (the claim is decided by the other engines); only a reason not to try to prove."""
    import random

    rng = random.Random(0)
    symbols = sorted(e.free_symbols, key=str)
    if len(symbols) > 12:
        return False
    for _ in range(2):
        point = {}
        for s in symbols:
            if s.is_integer:
                v = sp.Integer(rng.randint(1, 5))
            elif s.is_positive or s.is_nonnegative:
                v = sp.Rational(rng.randint(3, 19), 7)
            else:
                v = sp.Rational(rng.randint(-19, 19), 7) or sp.Rational(1, 7)
            point[s] = v
        try:
            value = sp.N(e.xreplace(point), 30)
        except (TypeError, ValueError, ArithmeticError, RecursionError, NotImplementedError):
            continue
        if value.is_number and value.is_finite and abs(complex(value)) > 1e-12:
            return True
    return False


def scalar_is_zero(e) -> bool:
    """True only if ``e`` is provably 0 for every value of its symbols allowed by their assumptions."""
    e = reduce_signs(sp.sympify(e))
    if e == 0:
        return True
    if e.is_number and e.is_zero is False:
        return False
    if sp.expand(e) == 0:
        return True
    if _clearly_nonzero(e):
        return False
    for strategy in _strategies(e):
        try:
            r = strategy(e)
        except (TypeError, ValueError, AttributeError, NotImplementedError, RecursionError,
                sp.PolynomialError, ZeroDivisionError):
            continue
        if r == 0:
            return True
    if e.has(sp.Sum) and (closed := close_finite_sums(e)) != e:
        return scalar_is_zero(closed)  # the binomial theorem: a named identity, valid at every size
    if e.has(sp.Sum, sp.Product):
        try:
            done = sp.piecewise_fold(e.doit())
        except (TypeError, ValueError, NotImplementedError, RecursionError):
            return False
        if _cheap_zero(done) or _zero_where_defined(e, done):
            return True
    return False


def _erased(head: Head) -> Head:
    key = pointwise_view(head)[0]
    return Head("ptw", f"ptw({key})", head.dims, head.groups)


def _erase(factors):
    erased, bodies = [], []
    for f in factors:
        if not is_constant_head(f.head) and f.idx:
            erased.append(Factor(_erased(f.head), f.idx))
            bodies.append(pointwise_view(f.head)[2])
        else:
            erased.append(f)
            bodies.append(None)
    return erased, bodies


def _pointwise_combine(groups: dict, out: tuple) -> set:
    """Keys of groups that cancel against each other as entrywise functions."""
    buckets: dict = {}
    constant = []
    for key, (coef, factors) in groups.items():
        erased, bodies_by_pos = _erase(factors)
        if all(b is None for b in bodies_by_pos):
            constant.append((key, coef, factors))
            continue
        ekey, order = canonical(erased, out)
        buckets.setdefault(ekey, []).append((key, coef, [bodies_by_pos[k] for k in order]))
    # A constant group joins a bucket of entrywise functions of one vector as the function 1:
    # elem(1, x)[i] = 1 at any index i of the vector's dimension.
    args = {(pointwise_view(f.head)[0], f.head.dims) for _, fs in groups.values() for f in fs
            if not is_constant_head(f.head) and f.idx}
    if len(args) == 1 and len(next(iter(args))[1]) == 1:
        arg_key, dims = next(iter(args))
        lifted = Head("ptw", f"ptw({arg_key})", dims)
        for key, coef, factors in constant:
            for i in dict.fromkeys(i for f in factors for i in f.idx if i.dim == dims[0]):
                trial = [f for f in factors if not (f.head.kind == "ones" and f.idx == (i,))] + [Factor(lifted, (i,))]
                ekey, order = canonical(trial, out)
                if ekey in buckets:
                    bodies = [sp.Integer(1) if trial[k].head is lifted else None for k in order]
                    buckets[ekey].append((key, coef, bodies))
                    break
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


def residual_groups(t, subs=None) -> dict:
    """The groups of ``t``'s normal form that are not provably zero: ``{key: (coef, factors)}``.

    ``subs`` substitutes symbols or atoms in the coefficients first (scalar ``where`` equalities)."""
    nf = normal_form(t)
    left = {}
    for key, (coef, factors) in nf.nonzero().items():
        if subs:
            coef = coef.xreplace(subs)
        if not scalar_is_zero(coef):
            left[key] = (coef, factors)
    if len(left) >= 2:
        for key in _pointwise_combine(left, t.out):
            del left[key]
    return left
