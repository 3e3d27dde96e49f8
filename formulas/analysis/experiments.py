"""Evidence for the claims about *every* convex function, distribution or smooth function.

No relational over declared symbols can say "for every convex f" (convexity is not a declarable
assumption) or quantify over distributions, so these claims are checked on a documented test family:
smooth and non-smooth convex functions of one and two variables, evaluated at rational points exactly,
or at 50 significant digits where values are transcendental.  Each function is named after the entry it
serves, fails when the claim fails on the family, and raises when it cannot build its evidence.
"""

from __future__ import annotations

import itertools
import random
from fractions import Fraction

import sympy as sp

from .._authoring import Abs, Max, Outcome, exp, log

# -- the test family ---------------------------------------------------------------------------
_x = sp.Symbol("x", real=True)
_x1, _x2 = sp.symbols("x1 x2", real=True)

# convex functions of one variable: smooth and non-smooth, bounded and unbounded below
CONVEX_1D = (_x**2, Abs(_x), exp(_x), Max(_x, 0), _x**4 + _x, log(1 + exp(_x)), (_x - 1) ** 2 + Abs(_x))
SMOOTH_CONVEX_1D = (_x**2, exp(_x), _x**4 + _x, log(1 + exp(_x)), (_x + 1) ** 2)
CONCAVE_1D = (-(_x**2), -Abs(_x), -exp(_x), log(_x + 4))
# convex functions of two variables (smooth)
CONVEX_2D = (_x1**2 + _x1 * _x2 + _x2**2, log(1 + exp(_x1) + exp(_x2)), exp(_x1 - 2 * _x2), (_x1 + _x2) ** 4 + _x1**2)
# convex, non-decreasing outer functions for composition
CONVEX_NONDECREASING = (exp(_x), Max(_x, 0), log(1 + exp(_x)), _x, 2 * _x + Max(_x - 1, 0))

_POINTS = (sp.Integer(-3), sp.Integer(-1), sp.Rational(-1, 2), sp.Integer(0), sp.Rational(2, 3), sp.Integer(2))
_LAMBDAS = (sp.Rational(1, 4), sp.Rational(1, 2), sp.Rational(2, 3))
_POINTS_2D = tuple(sp.Matrix(p) for p in ((-1, 2), (0, 0), (sp.Rational(1, 2), -1), (2, 1)))
_NAMED_1D = tuple((str(f), f) for f in CONVEX_1D)


def _le(a, b) -> bool:
    """a ≤ b, exactly for rationals, else at 50 significant digits (tolerance 1e-40)."""
    d = sp.sympify(b - a)
    if d.is_Rational:
        return d >= 0
    return sp.N(d, 50) >= -sp.Float("1e-40", 50)


def _at(f, value):
    return f.subs(_x, value)


def _is_convex_on_grid(h) -> tuple[bool, dict | None]:
    """The defining inequality h(λx + (1 − λ)y) ≤ λh(x) + (1 − λ)h(y) on the grid."""
    for a, b in itertools.combinations(_POINTS, 2):
        for lam in _LAMBDAS:
            left = _at(h, lam * a + (1 - lam) * b)
            right = lam * _at(h, a) + (1 - lam) * _at(h, b)
            if not _le(left, right):
                return False, {"x": str(a), "x'": str(b), "λ": str(lam), "f(mix)": str(left),
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
                         f"{len(_POINTS)} rational points and λ ∈ {{1/4, 1/2, 2/3}}")


# -- Cauchy-Schwarz for expectations --------------------------------------------------------------
def _finite_pairs(rng: random.Random, atoms: int = 3):
    w = [rng.randint(1, 4) for _ in range(atoms)]
    probs = [Fraction(a, sum(w)) for a in w]
    return [(p, rng.randint(-3, 3), rng.randint(-3, 3)) for p in probs]


def _expect(dist, g) -> Fraction:
    return sum((p * g(x, y) for p, x, y in dist), Fraction(0))


def cauchy_schwarz_expectation(trials: int = 300) -> Outcome:
    """anal.cauchy-schwarz-expectation: E[XY]² ≤ E[X²] E[Y²] on random finite joint distributions, exactly."""
    rng = random.Random(0)
    for trial in range(trials):
        dist = _finite_pairs(rng)
        left = _expect(dist, lambda x, y: x * y) ** 2
        right = _expect(dist, lambda x, y: x * x) * _expect(dist, lambda x, y: y * y)
        if left > right:
            return Outcome(False, f"random finite joint distribution {trial}",
                           {"distribution": [{"p": str(p), "X": x, "Y": y} for p, x, y in dist],
                            "lhs": str(left), "rhs": str(right), "exact": True})
    return Outcome(True, f"holds exactly on {trials} random finite joint distributions of (X, Y)")


# -- properties of convex functions ------------------------------------------------------------------
def _gradient(f, variables):
    return sp.Matrix([sp.diff(f, v) for v in variables])


def convex_first_order_condition() -> Outcome:
    """anal.convex-first-order-condition: f(y) ≥ f(x) + ∇f(x)ᵀ(y − x) on the smooth convex family."""
    count = 0
    for f in SMOOTH_CONVEX_1D:
        df = sp.diff(f, _x)
        for a, b in itertools.permutations(_POINTS, 2):
            count += 1
            if not _le(_at(f, a) + _at(df, a) * (b - a), _at(f, b)):
                return Outcome(False, f"f = {f}", {"f": str(f), "x": str(a), "y": str(b), "exact": True})
    for f in CONVEX_2D:
        g = _gradient(f, (_x1, _x2))
        for a, b in itertools.permutations(_POINTS_2D, 2):
            count += 1
            at = {_x1: a[0], _x2: a[1]}
            tangent = f.subs(at) + (g.subs(at).T * (b - a))[0, 0]
            if not _le(tangent, f.subs({_x1: b[0], _x2: b[1]})):
                return Outcome(False, f"f = {f}", {"f": str(f), "x": str(list(a)), "y": str(list(b)), "exact": True})
    return Outcome(True, f"holds at all {count} (function, x, y) triples of the smooth convex test family (1-D and "
                         "2-D), exactly or at 50 digits")


def convex_second_order_condition() -> Outcome:
    """anal.convex-second-order-condition: f'' ≥ 0, Hessian p.s.d., on the smooth convex family."""
    count = 0
    for f in SMOOTH_CONVEX_1D:
        d2 = sp.diff(f, _x, 2)
        for a in _POINTS:
            count += 1
            if not _le(0, _at(d2, a)):
                return Outcome(False, f"f = {f}", {"f": str(f), "x": str(a), "f''(x)": str(_at(d2, a)), "exact": True})
    for f in CONVEX_2D:
        hess = sp.hessian(f, (_x1, _x2))
        for a in _POINTS_2D:
            count += 1
            h = hess.subs({_x1: a[0], _x2: a[1]})
            # a symmetric 2 × 2 matrix is p.s.d. iff its diagonal entries and determinant are ≥ 0
            det = h[0, 0] * h[1, 1] - h[0, 1] * h[1, 0]
            if not (_le(0, h[0, 0]) and _le(0, h[1, 1]) and _le(0, det)):
                return Outcome(False, f"f = {f}", {"f": str(f), "x": str(list(a)), "Hessian": str(h.tolist()),
                                                   "exact": True})
    return Outcome(True, f"f'' ≥ 0 / Hessian p.s.d. at all {count} (function, point) pairs of the smooth convex test "
                         "family")


def _random_convex_polynomials(rng: random.Random, trials: int, strict: bool):
    """Convex quartics a(x − c)² + b(x − e)⁴ + d x with a, b ≥ 0 (a > 0 when strict), b > 0 so they are coercive."""
    q = lambda: sp.Rational(rng.randint(-6, 6), rng.randint(1, 3))  # noqa: E731
    for _ in range(trials):
        a = sp.Rational(rng.randint(1 if strict else 0, 4), rng.randint(1, 3))
        b = sp.Rational(rng.randint(1, 4), rng.randint(1, 3))
        yield a * (_x - q()) ** 2 + b * (_x - q()) ** 4 + q() * _x


def _local_minima(p) -> list:
    """Exact real critical points of the polynomial p where p' changes sign from − to +."""
    crit = sorted(set(sp.real_roots(sp.Poly(sp.diff(p, _x), _x))), key=lambda r: sp.N(r, 50))
    if not crit:
        raise RuntimeError(f"the coercive polynomial {p} has no real critical point: the evidence is broken")
    dp = sp.diff(p, _x)
    out = []
    for r in crit:
        left, right = sp.N(dp.subs(_x, r - sp.Rational(1, 10**6)), 50), sp.N(dp.subs(_x, r + sp.Rational(1, 10**6)), 50)
        if left <= 0 <= right:
            out.append(r)
    return out


def convex_local_min_global(trials: int = 40) -> Outcome:
    """anal.convex-local-min-global: on random convex quartics, every local minimum has the global minimum value."""
    rng = random.Random(0)
    for trial, p in enumerate(_random_convex_polynomials(rng, trials, strict=False)):
        minima = _local_minima(p)
        crit = sp.real_roots(sp.Poly(sp.diff(p, _x), _x))
        lowest = min(sp.N(_at(p, r), 50) for r in crit)  # p is coercive: its minimum is at a critical point
        if not minima or any(sp.N(_at(p, r), 50) > lowest + sp.Float("1e-40", 50) for r in minima):
            return Outcome(False, f"trial {trial}: a local minimum above the global one",
                           {"p": str(p), "local minima": [str(r) for r in minima], "exact": True})
    return Outcome(True, f"{trials} random convex quartics a(x − c)² + b(x − e)⁴ + dx (a ≥ 0, b > 0): every local "
                         "minimum (exact real-root isolation of p') attains the global minimum value")


def strictly_convex_at_most_one_minimiser(trials: int = 40) -> Outcome:
    """anal.strictly-convex-at-most-one-minimiser (and opt.strictly-convex-unique-minimum-as-printed, lines 427-429):
    random strictly convex quartics have at most one critical point, and e^x (strictly convex) has none."""
    rng = random.Random(1)
    for trial, p in enumerate(_random_convex_polynomials(rng, trials, strict=True)):
        crit = set(sp.real_roots(sp.Poly(sp.diff(p, _x), _x)))
        if len(crit) > 1:
            return Outcome(False, f"trial {trial}: {len(crit)} minimisers", {"p": str(p), "critical points":
                                                                               [str(r) for r in crit], "exact": True})
    if sp.solveset(sp.diff(exp(_x), _x), _x, sp.S.Reals) != sp.S.EmptySet:
        raise RuntimeError("could not establish that e^x has no critical point")
    return Outcome(True, f"{trials} random strictly convex quartics have exactly one real critical point (exact "
                         "real-root isolation), and the strictly convex eˣ has none: at most one minimiser")


def strictly_convex_has_minimum_as_printed() -> Outcome:
    """anal.strictly-convex-has-minimum-as-printed: does every strictly convex function attain a minimum?
    The counterexample e^x is built and each of its properties established exactly; if one cannot be
    established the experiment raises (an error), it never reports that the claim holds."""
    f = exp(_x)
    if not (sp.diff(f, _x, 2).is_positive and _x.is_real):
        raise RuntimeError("could not establish that (e^x)'' > 0 on ℝ")
    if sp.solveset(sp.diff(f, _x), _x, sp.S.Reals) != sp.S.EmptySet:
        raise RuntimeError("could not establish that e^x has no critical point")
    infimum = sp.limit(f, _x, -sp.oo)
    if infimum != 0 or not f.is_positive:
        raise RuntimeError("could not establish that inf e^x = 0 is not attained")
    return Outcome(False, "f(x) = eˣ is strictly convex (f'' = eˣ > 0) and has no minimiser: f' = eˣ never "
                          "vanishes, and inf f = 0 is not attained",
                   {"f": "exp(x)", "f''": "exp(x) > 0", "critical points": "none", "inf f": "0, not attained",
                    "exact": True})


def convex_nonnegative_combination() -> Outcome:
    """anal.convex-nonnegative-combination: αf + βg on pairs of the convex family."""
    return _grid_outcome(
        [(f"{al}*({f}) + {be}*({g})", al * f + be * g)
         for (_, f), (_, g) in itertools.combinations(_NAMED_1D, 2) for al, be in ((sp.Rational(1, 2), 2), (3, 0))],
        "αf + βg over pairs of the convex test family, (α, β) ∈ {(1/2, 2), (3, 0)}")


def convex_max() -> Outcome:
    """anal.convex-max: max(f, g) on pairs of the convex family."""
    return _grid_outcome([(f"max({f}, {g})", Max(f, g)) for (_, f), (_, g) in itertools.combinations(_NAMED_1D, 2)],
                         "max(f, g) over pairs of the convex test family")


def convex_composition() -> Outcome:
    """anal.convex-composition: g ∘ f for convex non-decreasing g and convex f."""
    return _grid_outcome([(f"g = {g}, f = {f}", g.subs(_x, f)) for g in CONVEX_NONDECREASING for f in CONVEX_1D[:5]],
                         "g(f(x)) for convex non-decreasing g and convex f from the test families")


# -- Taylor -----------------------------------------------------------------------------------------
def taylor_integral_remainder() -> Outcome:
    """anal.taylor-integral-remainder: f = Taylor polynomial + ∫ f⁽ⁿ⁺¹⁾(t)(x − t)ⁿ/n! dt, exactly in x and x₀."""
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
    return Outcome(True, f"exact symbolic identity in x and x₀ for {count} (f, n) pairs: f ∈ {{exp, sin, a quintic}}, "
                         "n = 0..3")


# -- Jensen -------------------------------------------------------------------------------------------
def _jensen(functions, expectation_form: bool, direction: int = 1) -> Outcome:
    """f(∑ λᵢxᵢ) ≤ ∑ λᵢ f(xᵢ) (direction 1) or ≥ (direction −1) on random rational weights over 3 points."""
    rng = random.Random(0)
    for label, f in functions:
        for _trial in range(8):
            w = [rng.randint(1, 4) for _ in range(3)]
            lam = [sp.Rational(a, sum(w)) for a in w]
            xs = [rng.choice(_POINTS) for _ in range(3)]
            mean = sp.Add(*[a * b for a, b in zip(lam, xs, strict=True)])
            left = _at(f, mean)
            right = sp.Add(*[a * _at(f, b) for a, b in zip(lam, xs, strict=True)])
            if not (_le(left, right) if direction > 0 else _le(right, left)):
                names = ("P(X = xᵢ)", "xᵢ", "f(E[X])", "E[f(X)]") if expectation_form else \
                    ("λ", "x", "f(∑ λᵢxᵢ)", "∑ λᵢ f(xᵢ)")
                return Outcome(False, f"f = {label}", {"f": label, names[0]: [str(a) for a in lam],
                                                       names[1]: [str(b) for b in xs], names[2]: str(left),
                                                       names[3]: str(right), "exact": True})
    return Outcome(True, f"holds for {len(functions)} functions × 8 random rational weight vectors on 3 points")


_CONCAVE = tuple((f"{f} (concave)", f) for f in CONCAVE_1D if f.subs(_x, -3).is_real)


def _jensen_both(expectation_form: bool) -> Outcome:
    convex = _jensen(_NAMED_1D, expectation_form)
    if not convex.holds:
        return convex
    concave = _jensen(_CONCAVE, expectation_form, direction=-1)
    if not concave.holds:
        return concave
    return Outcome(True, f"≤ for the {len(_NAMED_1D)} convex and ≥ for the {len(_CONCAVE)} concave test functions, "
                         "each on 8 random rational weight vectors over 3 points")


def jensen_as_printed() -> Outcome:
    """anal.jensen-as-printed: 'f convex/concave' read as convex with ≤, concave with ≥."""
    return _jensen_both(expectation_form=False)


def jensen_finite() -> Outcome:
    """anal.jensen-finite: f(∑ λᵢxᵢ) ≤ ∑ λᵢ f(xᵢ) for convex f."""
    return _jensen(_NAMED_1D, expectation_form=False)


def jensen_expectation_as_printed() -> Outcome:
    """anal.jensen-expectation-as-printed: f(E[X]) ≤ E[f(X)] for convex f, ≥ for concave f."""
    return _jensen_both(expectation_form=True)


def jensen_expectation() -> Outcome:
    """anal.jensen-expectation: f(E[X]) ≤ E[f(X)] for convex f."""
    return _jensen(_NAMED_1D, expectation_form=True)
