"""The symbolic engine: a proof at symbolic size, or an honest "inconclusive".

* Equalities: :func:`verify.tensor.prove_equal` (index-notation normal forms for
  matrices of symbolic size, SymPy for scalars, never a forced rewrite).
* Definite integrals: replaced by SymPy's closed forms only where :func:`verify.integrals.closed_forms`
  accepts them (no Piecewise, no infinity, cross-checked by quadrature); otherwise inconclusive.
* Inequalities between scalars: the gap ``lhs − rhs`` is shown nonnegative (or
  positive) from SymPy's assumptions on the declared symbols, in expanded,
  factored or simplified form, or as a PSD combination of quadratic forms of one
  PSD matrix (:mod:`verify.tensor.quadratic_forms`).
* ``where`` constraints on a single scalar (``a >= 0``, ``t > 0``, ``x != 0``) become
  assumptions on that symbol for the proof; scalar ``where`` equalities become substitutions
  valid on the whole constraint set (:func:`verify.tensor.prove.scalar_substitutions`: a
  linear solution whose coefficient cannot vanish there, or the one root in the symbol's
  declared set), matrix ones rewrite rules; an order ``a <= b`` settles ``Min(a, b)`` and
  ``Max(a, b)``; other constraints are not used (a proof that ignores a constraint covers more
  than the claim, so it is still a proof).

Also an audit: SymPy's own ``MatrixSymbol.diff`` is run on every ``D`` of a proved
claim, and where its result differs from the proof it is reported as a conflict
("SymPy's matrix derivative is wrong here"), since SymPy 1.14 silently returns 0
for derivatives such as ``log(det X)``.
"""

from __future__ import annotations

import time

import sympy as sp

from formulas.nodes import D

from ..result import Method
from ..tensor import TensorUnsupported, prove_equal
from ..tensor.build import Builder
from ..tensor.prove import where_equalities
from ..tensor.quadratic_forms import psd_combination_of_quadratic_forms

__all__ = ["symbolic_general", "refine", "sympy_diff_audit"]

_REL = (sp.Le, sp.Lt, sp.Ge, sp.Gt)


def _assumption(c):
    """``(symbol, assumptions)`` for a constraint on one scalar symbol against 0, else None."""
    lhs, rhs = c.lhs, c.rhs
    rel = type(c)
    if isinstance(rhs, sp.Symbol) and lhs == 0:
        lhs, rhs = rhs, lhs
        rel = {sp.Le: sp.Ge, sp.Lt: sp.Gt, sp.Ge: sp.Le, sp.Gt: sp.Lt}.get(rel, rel)
    if not isinstance(lhs, sp.Symbol) or rhs != 0 or getattr(lhs, "is_Matrix", False):
        return None
    kw = {sp.Gt: "positive", sp.Ge: "nonnegative", sp.Lt: "negative", sp.Le: "nonpositive",
          sp.Ne: "nonzero"}.get(rel)
    return (lhs, kw) if kw else None


def refine(expr, constraints):
    """``expr`` with each scalar symbol constrained against 0 replaced by one carrying that assumption.

    Apply it to each side separately: a relation rebuilt with ``xreplace`` may evaluate to ``True``."""
    subs = {}
    for c in constraints:
        hit = _assumption(c)
        if hit is None:
            continue
        sym, kw = hit
        old = subs.get(sym, sym)
        assumptions = {k: v for k, v in old.assumptions0.items() if v is True and k in (
            "integer", "real", "positive", "nonnegative", "negative", "nonpositive", "nonzero")}
        assumptions[kw] = True
        subs[sym] = sp.Symbol(sym.name, **assumptions)
    return expr.xreplace(subs) if subs else expr


def settle_min_max(expr, constraints):
    """``expr`` with ``Min(a, b)`` read as ``a`` and ``Max(a, b)`` as ``b`` where a constraint states ``a <= b``
    (or ``a < b``): exact on the constraint set (``R(m) = sum_{i <= min(m, n)} C(m, i)`` where ``m <= n``)."""
    orders = []
    for c in constraints:
        if isinstance(c, (sp.Le, sp.Lt)):
            orders.append((c.lhs, c.rhs))
        elif isinstance(c, (sp.Ge, sp.Gt)):
            orders.append((c.rhs, c.lhs))
    if not orders or not expr.has(sp.Min, sp.Max):
        return expr

    def settled(e):
        for small, big in orders:
            if set(e.args) == {small, big}:
                return small if isinstance(e, sp.Min) else big
        return e

    return expr.replace(lambda e: isinstance(e, (sp.Min, sp.Max)) and len(e.args) == 2, settled)


def _nonnegative(gap, strict: bool) -> bool:
    for form in _forms(gap):
        value = form.is_positive if strict else form.is_nonnegative
        if value:
            return True
    return False


def _forms(gap):
    yield gap
    for fn in (sp.factor, sp.expand, sp.simplify):
        try:
            yield fn(gap)
        except (TypeError, ValueError, NotImplementedError, sp.PolynomialError):
            continue


def symbolic_general(entry) -> tuple[Method, bool]:
    """``(method, proved)``; never raises for a claim it cannot express."""
    t0 = time.perf_counter()
    rel = type(entry.expr)
    lhs, rhs = (refine(side, entry.constraints) for side in (entry.expr.lhs, entry.expr.rhs))
    constraints = [sp.Eq(refine(c.lhs, entry.constraints), refine(c.rhs, entry.constraints), evaluate=False)
                   if isinstance(c, sp.Eq) else c for c in entry.constraints]  # the same symbols as the claim
    orders = [type(c)(refine(c.lhs, entry.constraints), refine(c.rhs, entry.constraints), evaluate=False)
              for c in entry.constraints if isinstance(c, _REL)]
    lhs, rhs = settle_min_max(lhs, orders), settle_min_max(rhs, orders)

    def done(outcome, detail):
        return Method("symbolic-general", outcome, detail, round(time.perf_counter() - t0, 4))

    note = ""
    if lhs.has(sp.Integral) or rhs.has(sp.Integral):
        from ..integrals import NoClosedForm, closed_form_sides

        try:
            lhs, rhs, detail = closed_form_sides(lhs, rhs)
        except NoClosedForm as err:
            return done("inconclusive", f"an integral without a closed form a proof may use: {err}"), False
        note = "; " + detail
    try:
        if rel is sp.Eq:
            outcome = prove_equal(lhs, rhs, entry.declared, constraints)
            return done("holds" if outcome.holds else "inconclusive", outcome.detail + note), outcome.holds
        if rel in _REL:
            builder = Builder(entry.declared)
            lhs, rhs = builder.scalar(lhs), builder.scalar(rhs)
            gap = lhs - rhs if rel in (sp.Ge, sp.Gt) else rhs - lhs
            _, subs, _ = where_equalities(builder, constraints)  # a + b = 1 makes ab <= 1/4 a square
            gap = gap.xreplace(subs) if subs else gap
            if _nonnegative(gap, strict=rel in (sp.Lt, sp.Gt)):
                return done("holds", "the gap is " + ("positive" if rel in (sp.Lt, sp.Gt) else "nonnegative")
                            + " from the declared assumptions, at symbolic size" + note), True
            if rel in (sp.Le, sp.Ge) and psd_combination_of_quadratic_forms(gap):
                return done("holds", "the gap is sum_ij C_ij u_i^T M u_j with M and C positive semidefinite, "
                            "tr(M U C U^T) >= 0, at symbolic size" + note), True
            return done("inconclusive", f"no proof that {sp.sstr(gap)[:120]} "
                        + ("> 0" if rel in (sp.Lt, sp.Gt) else ">= 0")), False
        return done("skipped", f"{rel.__name__} claims are not proved symbolically"), False
    except TensorUnsupported as err:
        return done("inconclusive", f"not expressible in index notation: {err}"), False
    except (ValueError, TypeError, NotImplementedError, AttributeError, RecursionError) as err:
        return done("inconclusive", f"{type(err).__name__}: {str(err)[:160]}"), False


def sympy_diff_audit(entry, dims: dict, seed: int = 0) -> str | None:
    """A conflict note when SymPy's own ``MatrixSymbol.diff`` differs from the component-wise derivative.

    Both are evaluated exactly at a random rational point at the sizes ``dims``; a note is made only
    when they differ there (so an incomplete proof never blames SymPy)."""
    import random

    from ..evaluate import ExactBackend, evaluate
    from .points import _equal, random_point
    from .sizes import sym_dims, used_declared

    nodes = sorted(entry.expr.atoms(D), key=sp.default_sort_key)
    if not nodes:
        return None
    rng = random.Random(seed)
    sdims = sym_dims(dims)
    try:
        env = random_point(used_declared(entry), dims, rng)
    except Exception:  # noqa: BLE001 - no exact values for these symbols: no audit
        return None
    wrong = []
    for node in nodes:
        try:
            theirs = node.f.diff(node.v)
            if theirs.has(sp.Derivative):
                continue
            theirs = theirs.T if node.layout == "numerator" and getattr(theirs, "is_Matrix", False) else theirs
            backend = ExactBackend()
            ours_value = evaluate(node, env, sdims, backend)
            theirs_value = evaluate(theirs, env, sdims, backend)
        except Exception:  # noqa: BLE001 - an audit that cannot run says nothing
            continue
        a = list(ours_value) if isinstance(ours_value, sp.MatrixBase) else [ours_value]
        b = list(theirs_value) if isinstance(theirs_value, sp.MatrixBase) else [theirs_value]
        differ = any(_equal(x, y) is False for x, y in zip(a, b, strict=True)) if len(a) == len(b) else (
            len(b) == 1 and b[0] == 0 and any(x != 0 for x in a))  # SymPy's scalar 0 for a matrix
        if differ:
            wrong.append(f"{sp.sstr(node)} -> {sp.sstr(theirs)[:80]}")
    if not wrong:
        return None
    return ("SymPy's matrix derivative is wrong here: MatrixSymbol.diff gives " + "; ".join(wrong)
            + f", which differs from the component-wise derivative at a rational point ({dims or 'scalar'}); "
            "the index-notation proof and torch autograd agree with the claim")
