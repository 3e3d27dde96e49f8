"""The ``quadrature`` route: probability nodes of one variable with a named law, evaluated numerically.

For claims without closed forms (the entropy of a Poisson variable, ``E[sqrt(T)]``), each node is an integral
against the family's density (``mpmath.quad``, split at the support's ends and the law's location) or a series
against its mass function (``mpmath.nsum``): ``E[g(X)]``, ``Var``, ``P(A)``, ``cdf``, ``entropy`` and ``KL`` (same
support).  A point is decided only when mpmath's error estimates are small and two precisions (30 and 45
digits) agree; a kink inside the integrand or a slowly converging series leaves the point undecided.  A residual above :data:`REFUTE` (relative to the sides)
on which both agree is a counterexample (``exact: false``); below :data:`AGREE` at every point is evidence.
"""

from __future__ import annotations

import random
import time

import mpmath
import sympy as sp
from sympy import stats as st
from sympy.stats.rv import RandomSymbol

from formulas.nodes import CDF, KL, Density, Entropy
from verify.kinks import kink_arguments
from verify.result import Method

from . import points as pts
from .laws import law_of
from .model import atoms_of, parameters

__all__ = ["quadrature_decide", "applies"]

REFUTE = 1e-6
AGREE = 1e-10
POINTS = 6
ENOUGH_SECONDS = 3.0  # past this, two decided points are enough evidence (integrals split at many kinks are slow)
_NODES = (st.Expectation, st.Variance, st.Covariance, st.Probability, CDF, Density, Entropy, KL)


class _Skip(Exception):
    pass


def _single(node):
    """The one random variable of a node (named, non-hierarchical), or None."""
    atoms = atoms_of(node)
    if len(atoms) != 1:
        return None
    (x,) = atoms
    if not isinstance(x, RandomSymbol):
        return None
    law = law_of(x)
    if law is None or any(atoms_of(p) for p in law.params):
        return None
    return x


def applies(expr) -> bool:
    from .reduce import PROBABILITY_NODES

    nodes = expr.atoms(*PROBABILITY_NODES)
    if not nodes or any(n.atoms(*PROBABILITY_NODES) - {n} for n in nodes):
        return False
    return all(_single(n) is not None or isinstance(n, KL) for n in nodes)


MAX_BREAKS = 300  # kinks of an integrand an integral is split at (floor(X) over a long support has many)


def _kinks(expr, v, fam, params) -> list:
    """Points where ``expr`` (a function of ``v`` with numeric parameters) has a kink or a jump: zeros of the
    arguments of abs, sign, Heaviside, of differences of Max/Min arguments and of Piecewise conditions (polynomial
    ones), and the points where a linear argument of floor/ceiling crosses an integer (bounded laws: on the
    support; normal laws: within 14 standard deviations of the mean; at most MAX_BREAKS; heavier tails would
    need windows too long to integrate in time).  The integral is split there, so that a kink does
    not leave the point undecided."""
    zeros, steps = kink_arguments(expr)
    out = []
    for z in zeros:
        try:
            poly = sp.Poly(sp.expand(z), v)
        except sp.PolynomialError:
            continue
        if poly.degree() < 1 or poly.degree() > 4 or not all(c.is_number for c in poly.all_coeffs()):
            continue
        out.extend(float(r) for r in sp.real_roots(sp.Poly(poly.as_expr(), v, domain="RR" if not all(
            c.is_Rational for c in poly.all_coeffs()) else "QQ")) if r.is_real)
    low, high = fam.support(*params)
    if steps and (fam.name == "Normal" or (low.is_finite and high.is_finite)):  # tails thin enough for 40 sd
        mean, second = fam.moment(1, *params), fam.moment(2, *params)
        if mean is not None and second is not None:
            sd = float(sp.sqrt(sp.N(second - mean**2)))
            lo, hi = (float(low), float(high)) if low.is_finite and high.is_finite else \
                (float(mean) - 14 * sd - 1, float(mean) + 14 * sd + 1)  # normal tail beyond 14 sd: below 1e-44
            for a in steps:
                c, d = sp.expand(a).coeff(v), sp.expand(a).subs(v, 0)
                if not (c.is_number and d.is_number and c != 0 and sp.expand(a - c * v - d) == 0):
                    continue
                ms = sorted((float(c) * lo + float(d), float(c) * hi + float(d)))
                ks = range(int(mpmath.floor(ms[0])), int(mpmath.ceil(ms[1])) + 1)
                if len(ks) > MAX_BREAKS:
                    continue
                out.extend(float((k - d) / c) for k in ks)
    return sorted(set(out))


def _integral(fam, params, g, digits: int, method: str, kinks=()):  # noqa: ARG001 - one signature for both runs
    """E[g(X)] for a law with numeric parameters; ``g`` a Python function of an mpmath number.  Raises _Skip when
    mpmath's own error estimate is not small (a kink not among ``kinks`` or a slowly converging series)."""
    low, high = fam.support(*params)
    with mpmath.workdps(digits):
        tol = mpmath.mpf(10) ** (-(digits - 12))
        if fam.discrete:
            def pmf(k):
                return mpmath.mpf(str(sp.N(fam.pdf(sp.Integer(int(k)), *params), digits + 5)))


            lo = int(low)
            if high.is_Integer:
                return mpmath.fsum(pmf(k) * g(mpmath.mpf(k)) for k in range(lo, int(high) + 1))
            value, err = mpmath.nsum(lambda k: pmf(k) * g(k), [lo, mpmath.inf]), 0  # checked across precisions
        else:
            v = sp.Dummy("v")
            pdf = sp.lambdify(v, fam.pdf(v, *params), "mpmath")
            ends = [mpmath.mpf(float(low)) if low.is_finite else -mpmath.inf,
                    mpmath.mpf(float(high)) if high.is_finite else mpmath.inf]
            cut = [mpmath.mpf(float(params[0]))] if fam.name in ("Normal", "Laplace") else []
            cut = sorted({*cut, *(mpmath.mpf(k) for k in kinks if ends[0] < k < ends[1])})
            value, err = mpmath.quad(lambda t: pdf(t) * g(t), [ends[0], *cut, ends[1]], error=True)
        if err > tol * (1 + abs(value)):
            raise _Skip(f"the integral's error estimate {mpmath.nstr(err, 3)} is not small")
        return value


def _log_mass(fam, params, digits):
    """log p(x) as a function of an mpmath number (discrete laws: from the exact mass at the integer)."""
    if fam.discrete:
        return lambda k: mpmath.log(mpmath.mpf(str(sp.N(fam.pdf(sp.Integer(int(k)), *params), digits + 5))))
    v = sp.Dummy("v")
    return sp.lambdify(v, sp.log(fam.pdf(v, *params)), "mpmath")


def _value(node, point, dims, digits: int, method: str):
    node = node.xreplace({**point, **{k: sp.Integer(v) for k, v in dims.items()}})  # no doit: SymPy would integrate
    if isinstance(node, KL):
        x, y = node.args
        px, py = law_of(x), law_of(y)
        if px.spec.support(*px.params) != py.spec.support(*py.params) or px.spec.discrete != py.spec.discrete:
            raise _Skip("KL between laws with different supports")
        fx, fy = _log_mass(px.spec, px.params, digits), _log_mass(py.spec, py.params, digits)
        return _integral(px.spec, px.params, lambda t: fx(t) - fy(t), digits, method)
    x = _single(node)
    if x is None:
        raise _Skip(f"{node} is not a node of one variable")
    law = law_of(x)
    fam, params = law.spec, law.params
    v = sp.Dummy("v")
    if isinstance(node, Density):
        value = fam.pdf(node.args[1], *params)
        if value is None:
            raise _Skip("no density")
        with mpmath.workdps(digits):
            return mpmath.mpf(str(sp.N(value, digits)))
    if isinstance(node, Entropy):
        return -_integral(fam, params, _log_mass(fam, params, digits), digits, method)
    if isinstance(node, CDF):
        c = float(sp.N(node.args[1], 30))
        return _integral(fam, params, lambda t: 1 if t <= c else 0, digits, method, [c])
    if isinstance(node, st.Probability):
        cond = sp.lambdify(v, node.args[0].xreplace({x: v}), "mpmath")
        kinks = [] if fam.discrete else _kinks(sp.Piecewise((1, node.args[0].xreplace({x: v})), (0, True)), v,
                                              fam, params)
        return _integral(fam, params, lambda t: 1 if cond(t) else 0, digits, method, kinks)
    body = node.args[0].xreplace({x: v})
    g = sp.lambdify(v, body, "mpmath")
    kinks = [] if fam.discrete else _kinks(node.xreplace({x: v}), v, fam, params)
    if isinstance(node, st.Expectation):
        return _integral(fam, params, g, digits, method, kinks)
    first = _integral(fam, params, g, digits, method, kinks)
    h = node.args[0] if isinstance(node, st.Variance) else node.args[1]
    second = sp.lambdify(v, (node.args[0] * h).xreplace({x: v}), "mpmath")
    if isinstance(node, st.Covariance):
        other = _integral(fam, params, sp.lambdify(v, h.xreplace({x: v}), "mpmath"), digits, method, kinks)
        return _integral(fam, params, second, digits, method, kinks) - first * other
    return _integral(fam, params, second, digits, method, kinks) - first**2


def _side(expr, values, point, dims):
    """A side at the point, its probability nodes replaced by their numeric values (before any doit)."""
    marks = {n: sp.Dummy("node") for n in values}
    out = pts.substitute(expr.xreplace(marks), point, dims)
    numbers = {}
    for n, v in values.items():
        if isinstance(v, mpmath.mpc):
            if abs(v.imag) > mpmath.mpf(10) ** -25 * (1 + abs(v.real)):
                raise _Skip("a complex value: the claim is undefined here")
            v = v.real
        numbers[marks[n]] = sp.Float(mpmath.nstr(v, 40), 40)
    out = out.xreplace(numbers)
    value = complex(sp.N(out, 30))
    if abs(value.imag) > 1e-20 or value.real != value.real:
        raise _Skip("a side that is not a real number here")
    return value.real


def quadrature_decide(entry, methods: list, seed: int):
    """A counterexample dict, False (agreement at every point: evidence) or None (undecided)."""
    from .reduce import PROBABILITY_NODES

    t0 = time.perf_counter()
    rel = type(entry.expr)
    nodes = sorted(entry.expr.atoms(*PROBABILITY_NODES), key=sp.default_sort_key)
    free = parameters(entry.expr) | set().union(*[parameters(c) for c in entry.constraints])
    rng = random.Random(seed + 3)
    checked = undefined = 0
    failure = ""
    for dims in pts.size_choices(free):
        for _ in range(POINTS):
            if checked >= 2 and time.perf_counter() - t0 > ENOUGH_SECONDS:
                break
            point = pts.draw_point(entry.declared, free, rng, dims)
            domain = [r for n in nodes for x in atoms_of(n) for r in (law_of(x).spec.domain(*law_of(x).params)
                                                                        if law_of(x) else [])]
            if not pts.holds_at(list(entry.constraints) + domain, point, dims):
                continue
            try:
                runs = []
                for digits, method in ((30, "tanh-sinh"), (45, "tanh-sinh")):
                    values = {n: _value(n, point, dims, digits, method) for n in nodes}
                    lhs = _side(entry.expr.lhs, values, point, dims)
                    rhs = _side(entry.expr.rhs, values, point, dims)
                    runs.append((lhs, rhs))
            except _Skip:
                undefined += 1
                continue
            except Exception as err:  # noqa: BLE001 - a point this route cannot evaluate decides nothing
                undefined += 1
                failure = f"{type(err).__name__}: {str(err)[:120]}"
                continue
            (l1, r1), (l2, r2) = runs
            scale = 1 + abs(l1) + abs(r1)
            d1, d2 = l1 - r1, l2 - r2
            if abs(d1 - d2) > AGREE * scale:
                undefined += 1  # the two methods disagree: this point decides nothing
                continue
            checked += 1
            wrong = abs(d1) > REFUTE * scale if rel is sp.Eq else (
                d1 < -REFUTE * scale if rel in (sp.Ge, sp.Gt) else d1 > REFUTE * scale)
            if wrong:
                detail = f"at {pts.render(point, dims)}: lhs {l1:.12g}, rhs {r1:.12g} (at 30 and 45 digits)"
                methods.append(Method("quadrature", "fails", detail, round(time.perf_counter() - t0, 4)))
                return {"values": pts.render(point, dims), "lhs": f"{l1:.15g}", "rhs": f"{r1:.15g}", "exact": False}
            if rel is sp.Eq and abs(d1) > AGREE * scale:
                undefined += 1  # neither clearly equal nor clearly different
                checked -= 1
    note = f"; {undefined} point(s) undecided (undefined there, or the precisions disagree)" if undefined else ""
    note += f"; last failure {failure}" if failure and not checked else ""
    if not checked:
        methods.append(Method("quadrature", "skipped", f"no point decided{note}", round(time.perf_counter() - t0, 4)))
        return None
    methods.append(Method("quadrature", "holds", f"{checked} parameter points, quadratures at 30 and 45 digits "
                          f"agreeing to {AGREE:g}{note} (evidence only)", round(time.perf_counter() - t0, 4)))
    return False
