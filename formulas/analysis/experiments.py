"""Experiments: the convex test family and exact checks on it."""

from __future__ import annotations

import itertools
import random
from fractions import Fraction

import sympy as sp

from .._authoring import (
    Abs,
    Max,
    Outcome,
    exp,
    log,
)

# -- the test family ---------------------------------------------------------------------------
_x = sp.Symbol("x", real=True)


_x1, _x2 = sp.symbols("x1 x2", real=True)


# convex functions of one variable: smooth and non-smooth, bounded and unbounded below
_CONVEX_1D = (
    _x**2,
    Abs(_x),
    exp(_x),
    Max(_x, 0),
    _x**4 + _x,
    log(1 + exp(_x)),
    (_x - 1) ** 2 + Abs(_x),
)


_SMOOTH_CONVEX_1D = (_x**2, exp(_x), _x**4 + _x, log(1 + exp(_x)), (_x + 1) ** 2)


_CONCAVE_1D = (-(_x**2), -Abs(_x), -exp(_x))


# convex functions of two variables (smooth)
_CONVEX_2D = (
    _x1**2 + _x1 * _x2 + _x2**2,
    log(1 + exp(_x1) + exp(_x2)),
    exp(_x1 - 2 * _x2),
    (_x1 + _x2) ** 4 + _x1**2,
)


# convex, non-decreasing outer functions for composition
_CONVEX_NONDECREASING = (exp(_x), Max(_x, 0), log(1 + exp(_x)), _x, 2 * _x + Max(_x - 1, 0))


_POINTS = (sp.Integer(-3), sp.Integer(-1), sp.Rational(-1, 2), sp.Integer(0), sp.Rational(2, 3), sp.Integer(2))


_LAMBDAS = (sp.Rational(1, 4), sp.Rational(1, 2), sp.Rational(2, 3))


_POINTS_2D = tuple(sp.Matrix(p) for p in ((-1, 2), (0, 0), (sp.Rational(1, 2), -1), (2, 1)))


def _le(a, b) -> bool:
    """a <= b, exactly for rationals, else at 50 significant digits (tolerance 1e-40)."""
    d = sp.sympify(b - a)
    if d.is_Rational:
        return d >= 0
    return sp.N(d, 50) >= -sp.Float("1e-40", 50)


def _at(f, value):
    return f.subs(_x, value)


def _is_convex_on_grid(h) -> tuple[bool, dict | None]:
    """The defining inequality h(l x + (1-l) y) <= l h(x) + (1-l) h(y) on the grid."""
    for a, b in itertools.combinations(_POINTS, 2):
        for lam in _LAMBDAS:
            left = _at(h, lam * a + (1 - lam) * b)
            right = lam * _at(h, a) + (1 - lam) * _at(h, b)
            if not _le(left, right):
                return False, {"x": str(a), "x'": str(b), "lambda": str(lam), "f(mix)": str(left),
                               "mix of f": str(right)}
    return True, None


def _grid_outcome(candidates, what: str) -> Outcome:
    count = 0
    for label, h in candidates:
        count += 1
        ok, bad = _is_convex_on_grid(h)
        if not ok:
            return Outcome(False, f"{label} violates the convexity inequality", {"function": label, **bad,
                                                                                  "exact": True})
    return Outcome(True, f"{what}: the convexity inequality holds for all {count} functions at every pair of "
                         f"{len(_POINTS)} rational points and lambda in {{1/4, 1/2, 2/3}}")


def _cs_nonnegative():
    """Search small integer vectors for a violation of 0 <= <u, v> <= ||u|| ||v||."""
    values = (0, 1, -1)
    for n in (1, 2):
        for u in itertools.product(values, repeat=n):
            for v in itertools.product(values, repeat=n):
                ip = sum(a * b for a, b in zip(u, v, strict=True))
                bound = sp.sqrt(sum(a * a for a in u)) * sp.sqrt(sum(b * b for b in v))
                if not (0 <= ip and _le(ip, bound)):
                    return Outcome(False, f"exhaustive search over integer vectors in {{-1, 0, 1}}^{n}",
                                   {"u": list(u), "v": list(v), "<u, v>": str(ip), "||u|| ||v||": str(bound),
                                    "exact": True})
    return Outcome(True, "no violation among integer vectors in {-1, 0, 1}^n, n <= 2")


def _finite_pairs(rng: random.Random, atoms: int = 3):
    w = [rng.randint(1, 4) for _ in range(atoms)]
    probs = [Fraction(a, sum(w)) for a in w]
    return [(p, rng.randint(-3, 3), rng.randint(-3, 3)) for p in probs]


def _expect(dist, g) -> Fraction:
    return sum((p * g(x, y) for p, x, y in dist), Fraction(0))


def _cs_expectation(printed: bool):
    rng = random.Random(0)
    trials = 300
    for trial in range(trials):
        dist = _finite_pairs(rng)
        left = (_expect(dist, lambda x, y: x) ** 2) if printed else (_expect(dist, lambda x, y: x * y) ** 2)
        right = _expect(dist, lambda x, y: x * x) * _expect(dist, lambda x, y: y * y)
        if left > right:
            return Outcome(False, f"random finite joint distribution {trial}",
                           {"distribution": [{"p": str(p), "X": x, "Y": y} for p, x, y in dist],
                            "lhs": str(left), "rhs": str(right), "exact": True})
    return Outcome(True, f"holds exactly on {trials} random finite joint distributions of (X, Y)")


def _gradient(f, variables):
    return sp.Matrix([sp.diff(f, v) for v in variables])


def _first_order():
    count = 0
    for f in _SMOOTH_CONVEX_1D:
        df = sp.diff(f, _x)
        for a, b in itertools.permutations(_POINTS, 2):
            count += 1
            if not _le(_at(f, a) + _at(df, a) * (b - a), _at(f, b)):
                return Outcome(False, f"f = {f}", {"f": str(f), "x": str(a), "y": str(b), "exact": True})
    for f in _CONVEX_2D:
        g = _gradient(f, (_x1, _x2))
        for a, b in itertools.permutations(_POINTS_2D, 2):
            count += 1
            at = {_x1: a[0], _x2: a[1]}
            tangent = f.subs(at) + (g.subs(at).T * (b - a))[0, 0]
            if not _le(tangent, f.subs({_x1: b[0], _x2: b[1]})):
                return Outcome(False, f"f = {f}", {"f": str(f), "x": str(list(a)), "y": str(list(b)),
                                                   "exact": True})
    return Outcome(True, f"holds at all {count} (function, x, y) triples of the smooth convex test family "
                         "(1-D and 2-D), exactly or at 50 digits")


def _derivative_sign():
    ordered = sorted(_POINTS, key=lambda p: (abs(p), p < 0))
    for f in _SMOOTH_CONVEX_1D:
        df = sp.diff(f, _x)
        for a in ordered:
            value = _at(df, a)
            if not _le(0, value):
                return Outcome(False, f"f = {f} is convex but f'({a}) < 0",
                               {"f": str(f), "x": str(a), "f'(x)": str(sp.nsimplify(value)), "exact": True})
    return Outcome(True, "f' >= 0 at every grid point for every smooth convex test function")


def _second_order():
    count = 0
    for f in _SMOOTH_CONVEX_1D:
        d2 = sp.diff(f, _x, 2)
        for a in _POINTS:
            count += 1
            if not _le(0, _at(d2, a)):
                return Outcome(False, f"f = {f}", {"f": str(f), "x": str(a), "f''(x)": str(_at(d2, a)),
                                                   "exact": True})
    for f in _CONVEX_2D:
        hess = sp.hessian(f, (_x1, _x2))
        for a in _POINTS_2D:
            count += 1
            h = hess.subs({_x1: a[0], _x2: a[1]})
            # a symmetric 2x2 matrix is p.s.d. iff its diagonal entries and determinant are >= 0
            det = h[0, 0] * h[1, 1] - h[0, 1] * h[1, 0]
            if not (_le(0, h[0, 0]) and _le(0, h[1, 1]) and _le(0, det)):
                return Outcome(False, f"f = {f}", {"f": str(f), "x": str(list(a)), "Hessian": str(h.tolist()),
                                                   "exact": True})
    return Outcome(True, f"f'' >= 0 / Hessian p.s.d. at all {count} (function, point) pairs of the smooth "
                         "convex test family")


def _local_min_global():
    """Random strictly convex quartics p = (x-a)² + b (x-c)⁴ + d x: one critical point, a global minimum."""
    rng = random.Random(0)
    q = lambda: sp.Rational(rng.randint(-6, 6), rng.randint(1, 3))  # noqa: E731
    trials = 40
    for trial in range(trials):
        b = sp.Rational(rng.randint(0, 4), rng.randint(1, 3))
        p = (_x - q()) ** 2 + b * (_x - q()) ** 4 + q() * _x
        crit = sp.real_roots(sp.Poly(sp.diff(p, _x), _x))
        values = [sp.N(_at(p, r), 50) for r in crit]
        local_minima = [v for r, v in zip(crit, values, strict=True) if sp.N(_at(sp.diff(p, _x, 2), r), 50) > 0]
        if len(set(crit)) != 1 or any(v > min(values) + sp.Float("1e-40", 50) for v in local_minima):
            return Outcome(False, f"trial {trial}", {"p": str(p), "critical points": [str(r) for r in crit],
                                                     "exact": True})
    return Outcome(True, f"{trials} random strictly convex quartics: exactly one real critical point (exact "
                         "real-root isolation), which is the global minimiser")


_NAMED_1D = tuple((str(f), f) for f in _CONVEX_1D)


def _taylor_integral():
    t, x, x0 = sp.symbols("t x x0", real=True)
    functions = (sp.exp(x), sp.sin(x), x**5 - 2 * x**3 + x)
    count = 0
    for f in functions:
        for n in range(4):
            count += 1
            poly = sp.Add(*[sp.diff(f, x, k).subs(x, x0) / sp.factorial(k) * (x - x0) ** k for k in range(n + 1)])
            remainder = sp.integrate(sp.diff(f, x, n + 1).subs(x, t) * (x - t) ** n / sp.factorial(n), (t, x0, x))
            if sp.simplify(f - poly - remainder) != 0:
                return Outcome(False, f"f = {f}, n = {n}", {"f": str(f), "n": n, "exact": True})
    return Outcome(True, f"exact symbolic identity in x and x0 for {count} (f, n) pairs: f in "
                         "{exp, sin, a quintic}, n = 0..3")


# -- 2.5 Jensen ------------------------------------------------------------------------------------
def _jensen(functions, expectation_form: bool):
    rng = random.Random(0)
    for label, f in functions:
        for _trial in range(8):
            w = [rng.randint(1, 4) for _ in range(3)]
            lam = [sp.Rational(a, sum(w)) for a in w]
            xs = [rng.choice(_POINTS) for _ in range(3)]
            mean = sp.Add(*[a * b for a, b in zip(lam, xs, strict=True)])
            left = _at(f, mean)
            right = sp.Add(*[a * _at(f, b) for a, b in zip(lam, xs, strict=True)])
            if not _le(left, right):
                names = ("P(X = x_i)", "x_i", "f(E[X])", "E[f(X)]") if expectation_form else \
                    ("lambda", "x", "f(sum lambda_i x_i)", "sum lambda_i f(x_i)")
                return Outcome(False, f"f = {label}", {"f": label, names[0]: [str(a) for a in lam],
                                                       names[1]: [str(b) for b in xs], names[2]: str(left),
                                                       names[3]: str(right), "exact": True})
    return Outcome(True, f"holds for {len(functions)} functions x 8 random rational weight vectors on 3 points")


_JENSEN_PRINTED = _NAMED_1D + tuple((f"{f} (concave)", f) for f in _CONCAVE_1D)
