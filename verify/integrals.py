"""Definite integrals ``∫_a^b f(t) dt`` (``integrate(f, t, a, b)``): quadrature at a point, closed forms for proofs.

* :func:`quadrature` -- the value of an integral whose integrand has numbers for every parameter:
  ``mpmath.quad`` (tanh-sinh) at two precisions, for ``f`` and for ``|f|``.  The value is accepted only
  when both error estimates are small and the two precisions (30 and 50 digits) agree to 24 digits, for ``f``
  **and** ``|f|`` (the value is then that of the 50-digit run, of 45 digits; a re-check calls two values
  different beyond 30 digits, :mod:`verify.engines.points`): an integral
  that diverges (``∫_0^1 dt/t``, ``∫_0^∞ sin t dt``), that converges only conditionally, or whose
  singularity defeats the rule raises :class:`IntegralUndefined` -- the claim says nothing at that point
  (undefined, never a counterexample).  ``∫_{-1}^{1} dt/t`` is refused by the ``|f|`` test although the
  symmetric nodes cancel for ``f``.  The interval is split at the kinks and jumps of abs, sign, Heaviside,
  Max/Min, Piecewise and floor/ceiling that can be located exactly (polynomial arguments).
* :func:`closed_forms` -- every integral of an expression replaced by SymPy's exact value (``doit``) under
  the symbols' assumptions, only when that value has no ``Integral``, no ``Piecewise`` (SymPy's conditions
  on parameters the declarations do not settle) and no infinity, and when it agrees with :func:`quadrature`
  at drawn parameter points (at least one decided, none disagreeing): SymPy's integrator is known to be
  wrong on some piecewise and conditional results, and a proof must not rest on one.
"""

from __future__ import annotations

import random

import mpmath
import sympy as sp

__all__ = ["IntegralUndefined", "NoClosedForm", "quadrature", "closed_forms", "DIGITS", "FAST_DIGITS"]

DIGITS = (30, 50)  # the exact re-check of a point: two precisions that must agree (to 24 digits)
FAST_DIGITS = (17, 25)  # float64 draws
CLOSED_FORM_SECONDS = 8.0  # SymPy's integrator, per integral
CROSS_CHECK_POINTS = 3
_AGREE_DIGITS = 20  # a closed form and a quadrature agree to this many digits (relative to 1 + |value|)


class IntegralUndefined(ArithmeticError):
    """The integral does not converge at this point (or quadrature cannot tell): the claim is undefined here."""


class NoClosedForm(Exception):
    """No closed form a proof may use, with the reason."""


def _bound(value, name: str) -> str:
    """The bound as decimal text of 70 digits (read into mpmath inside each precision, never at 15 digits)."""
    if value in (sp.oo, -sp.oo):
        return "inf" if value == sp.oo else "-inf"
    value = sp.sympify(value)
    if value.free_symbols or not value.is_number:
        raise IntegralUndefined(f"the {name} bound {value} has no numeric value")
    number = sp.N(value, 70)
    if not number.is_real:
        raise IntegralUndefined(f"the {name} bound {value} is not real")
    return str(number)


def _integrand(body, var):
    from sympy.core.function import AppliedUndef

    if body.free_symbols - {var}:
        from .evaluate import Unsupported

        names = ", ".join(sorted(str(s) for s in body.free_symbols - {var}))
        raise Unsupported(f"the integrand has no values for {names}")
    if body.has(sp.Integral, sp.Derivative, sp.Subs) or body.atoms(AppliedUndef):
        from .evaluate import Unsupported

        raise Unsupported("an integrand with a declared function or an unevaluated node has no numeric value")
    return sp.lambdify(var, body, "mpmath")  # code printed from a built SymPy tree (no user text), as in quadrature


MAX_CUTS = 64  # kinks an integral is split at (floor(100 t) on [0, 1] has 99: left undecided, not split)


def _roots(expr, var, lo: float, hi: float) -> list:
    """Real roots strictly inside (lo, hi) of a polynomial of degree 1 to 4 in ``var`` with numeric coefficients."""
    try:
        poly = sp.Poly(sp.expand(expr), var)
    except (sp.PolynomialError, sp.GeneratorsNeeded):
        return []
    if not 1 <= poly.degree() <= 4 or not all(c.is_number and c.is_real for c in poly.all_coeffs()):
        return []
    if not all(c.is_Rational for c in poly.all_coeffs()):
        return []
    return [r for r in sp.real_roots(poly) if lo < float(r) < hi]


def _cuts(body, var, lo: str, hi: str) -> list[str]:
    """Points inside the interval where the integrand has a kink or a jump (zeros of the arguments of abs, sign,
    Heaviside, of differences of Max/Min arguments and of Piecewise conditions; integer crossings of a linear
    floor/ceiling argument): quadrature is split there, so that a relu or a step does not leave it undecided."""
    a, b = sorted((float(mpmath.mpf(lo)), float(mpmath.mpf(hi))))
    zeros, steps = [], []
    for n in body.atoms(sp.Abs, sp.sign, sp.Heaviside):
        zeros.append(n.args[0])
    for n in body.atoms(sp.Max, sp.Min):
        zeros.extend(x - y for x, y in zip(n.args, n.args[1:], strict=False))
    for n in body.atoms(sp.Piecewise):
        for _, cond in n.args:
            zeros.extend(r.lhs - r.rhs for r in sp.sympify(cond).atoms(sp.core.relational.Relational))
    for n in body.atoms(sp.floor, sp.ceiling):
        steps.append(n.args[0])
    out = []
    for z in zeros:
        out.extend(_roots(z, var, a, b))
    if a > -mpmath.inf and b < mpmath.inf:
        for arg in steps:
            c, d = sp.expand(arg).coeff(var), sp.expand(arg).subs(var, 0)
            if not (c.is_Rational and d.is_Rational and c != 0 and sp.expand(arg - c * var - d) == 0):
                continue
            ends = sorted((c * sp.Rational(a) + d, c * sp.Rational(b) + d))
            ks = range(int(sp.floor(ends[0])), int(sp.ceiling(ends[1])) + 1)
            if len(ks) > MAX_CUTS:
                continue
            out.extend((k - d) / c for k in ks if a < float((k - d) / c) < b)
    unique = sorted(set(out), key=float)
    if len(unique) > MAX_CUTS:
        return []
    reverse = float(mpmath.mpf(lo)) > float(mpmath.mpf(hi))
    return [str(sp.N(x, 70)) for x in (reversed(unique) if reverse else unique)]


def _once(fn, lo: str, hi: str, digits: int, cuts=()):
    with mpmath.workdps(digits):
        try:
            value, err = mpmath.quad(fn, [mpmath.mpf(lo), *(mpmath.mpf(c) for c in cuts), mpmath.mpf(hi)],
                                     error=True)
        except (ZeroDivisionError, ValueError, TypeError, OverflowError, ArithmeticError) as exc:
            raise IntegralUndefined(f"the integrand cannot be evaluated everywhere: {type(exc).__name__}") from None
        tol = mpmath.mpf(10) ** (-(digits - 8))
        if not mpmath.isfinite(value) or err > tol * (1 + abs(value)):
            raise IntegralUndefined("the integral does not converge (quadrature's error estimate is not small)")
        return value


def quadrature(body, var, lo, hi, digits: tuple[int, int] = DIGITS) -> sp.Float:
    """``∫_lo^hi body d(var)`` for a numeric integrand; raises :class:`IntegralUndefined` (see the module)."""
    f = _integrand(sp.sympify(body), var)
    a, b = _bound(lo, "lower"), _bound(hi, "upper")
    if sp.Float(a, 70) == sp.Float(b, 70):
        return sp.Float(0)

    def absolute(x):
        return abs(f(x))

    cuts = _cuts(sp.sympify(body), var, a, b)
    runs = []
    for d in digits:
        runs.append((_once(f, a, b, d, cuts), _once(absolute, a, b, d, cuts)))
    (v1, m1), (v2, m2) = runs
    with mpmath.workdps(max(digits)):
        tol = mpmath.mpf(10) ** (-(min(digits) - 6))
        if abs(m1 - m2) > tol * (1 + abs(m2)) or abs(v1 - v2) > tol * (1 + abs(m2)):
            raise IntegralUndefined("the integral does not converge absolutely (the precisions disagree)")
        if isinstance(v2, mpmath.mpc):
            if abs(v2.imag) > tol * (1 + abs(v2)):
                raise IntegralUndefined("a complex integral: the claim is undefined here")
            v2 = v2.real
        return sp.Float(mpmath.nstr(v2, max(digits) - 5), max(digits) - 5)


# -- closed forms ---------------------------------------------------------------------------------------
def _draw(symbol, rng):
    a = symbol.assumptions0
    if a.get("integer"):
        low = 1 if a.get("positive") else 0 if a.get("nonnegative") else -3
        return sp.Integer(rng.randint(low, 4))
    value = sp.Rational(rng.randint(1, 9), rng.randint(1, 4))
    if a.get("positive") or a.get("nonnegative"):
        return value
    if a.get("negative") or a.get("nonpositive"):
        return -value
    return value if rng.random() < 0.6 else -value


def _cross_check(node: sp.Integral, value, rng) -> int:
    """How many drawn points agree; raises :class:`NoClosedForm` where SymPy's value and quadrature differ."""
    (var, lo, hi) = node.limits[0]
    symbols = sorted(node.free_symbols | sp.sympify(value).free_symbols, key=sp.default_sort_key)
    if any(not isinstance(s, sp.Symbol) for s in symbols):
        raise NoClosedForm("an integral of matrix entries is not cross-checked")
    agreed = 0
    for _ in range(CROSS_CHECK_POINTS):
        point = {s: _draw(s, rng) for s in symbols}
        try:
            q = quadrature(node.function.xreplace(point), var, lo.xreplace(point), hi.xreplace(point))
            c = sp.N(sp.sympify(value).xreplace(point), 40)
        except (IntegralUndefined, ArithmeticError, ValueError, TypeError):
            continue
        if not c.is_number or c.has(sp.nan, sp.zoo, sp.oo, -sp.oo) or not c.is_real:
            continue
        if abs(q - c) > sp.Float(10) ** -_AGREE_DIGITS * (1 + abs(c)):
            raise NoClosedForm(f"SymPy's closed form {sp.sstr(value)[:80]} differs from quadrature at "
                               f"{ {str(k): str(v) for k, v in point.items()} } ({sp.N(c, 12)} vs {sp.N(q, 12)})")
        agreed += 1
    return agreed


def closed_form(node: sp.Integral, rng) -> sp.Expr:
    """SymPy's exact value of one integral, accepted as described in the module; raises :class:`NoClosedForm`."""
    from .probability.budget import BudgetExceeded, budget

    try:
        with budget(CLOSED_FORM_SECONDS):
            value = node.doit()
    except BudgetExceeded:
        raise NoClosedForm(f"SymPy found no closed form within {CLOSED_FORM_SECONDS:g} s") from None
    except Exception as err:  # noqa: BLE001 - SymPy's integrator failing is no closed form
        raise NoClosedForm(f"SymPy's integrator failed: {type(err).__name__}") from None
    if value.has(sp.Integral):
        raise NoClosedForm("SymPy leaves the integral unevaluated")
    if value.has(sp.Piecewise):
        raise NoClosedForm(f"SymPy's value is piecewise, on conditions the declarations do not settle: "
                           f"{sp.sstr(value)[:160]}")
    if value.has(sp.oo, -sp.oo, sp.zoo, sp.nan):
        raise NoClosedForm(f"SymPy's value is not finite: {sp.sstr(value)[:80]}")
    if _cross_check(node, value, rng) == 0:
        raise NoClosedForm("SymPy's closed form could not be cross-checked by quadrature at any drawn point")
    return value


def closed_forms(expr, seed: int = 0):
    """``(expr with every integral replaced by its closed form, detail)``; raises :class:`NoClosedForm`."""
    nodes = sorted(sp.sympify(expr).atoms(sp.Integral), key=sp.default_sort_key)
    if not nodes:
        return expr, ""
    rng = random.Random(seed)
    values = {node: closed_form(node, rng) for node in nodes}
    detail = "; ".join(f"∫ = {sp.sstr(v)[:60]}" for v in values.values())
    return expr.xreplace(values), (f"integrals in closed form by SymPy, each cross-checked by quadrature at drawn "
                                   f"points ({detail})")
