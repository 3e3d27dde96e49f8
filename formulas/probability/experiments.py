"""Experiments: exact finite probability spaces and exact computations on concrete distributions."""

from __future__ import annotations

import itertools
import random
from fractions import Fraction

import sympy as sp
from sympy import stats as st

from .._authoring import (
    Abs,
    Outcome,
    oo,
)


# -- exact finite probability spaces ----------------------------------------------------------
def _space(rng: random.Random, names: str, atoms: int = 5, values=range(0, 3)):
    """A random finite probability space: atoms (probability, {name: value}), rational."""
    weights = [rng.randint(1, 5) for _ in range(atoms)]
    total = sum(weights)
    return [(Fraction(w, total), {n: rng.choice(values) for n in names}) for w in weights]


def _prob(space, event) -> Fraction:
    """P(event) where ``event`` is a predicate on the atom's values."""
    return sum((p for p, v in space if event(v)), Fraction(0))


def _support(space, name) -> list:
    return sorted({v[name] for _, v in space})


def _cond(space, event, given) -> Fraction:
    """P(event | given), defined as P(event and given) / P(given) (requires P(given) > 0)."""
    return _prob(space, lambda v: event(v) and given(v)) / _prob(space, given)


def _render_space(space) -> list[dict]:
    return [{"p": str(p), **{k: str(x) for k, x in v.items()}} for p, v in space]


def _search_spaces(claim, names: str, trials: int = 200, seed_: int = 0, **kw) -> Outcome:
    """Run ``claim(space)`` (returns None when it holds, else a detail dict) on random spaces."""
    rng = random.Random(seed_)
    for trial in range(trials):
        space = _space(rng, names, **kw)
        bad = claim(space)
        if bad is not None:
            return Outcome(False, f"fails on random finite space {trial}",
                           {"distribution": _render_space(space), **bad, "exact": True})
    return Outcome(True, f"holds exactly on {trials} random finite joint distributions with rational probabilities")


def _sum_rule_claim(space):
    for x in _support(space, "X"):
        lhs = _prob(space, lambda v, x=x: v["X"] == x)
        rhs = sum((_prob(space, lambda v, x=x, y=y: v["X"] == x and v["Y"] == y) for y in _support(space, "Y")),
                  Fraction(0))
        if lhs != rhs:
            return {"x": str(x), "lhs": str(lhs), "rhs": str(rhs)}
    return None


def _product_rule_claim(space):
    for x in _support(space, "X"):
        for y in _support(space, "Y"):
            joint = _prob(space, lambda v, x=x, y=y: v["X"] == x and v["Y"] == y)
            rhs = _cond(space, lambda v, y=y: v["Y"] == y, lambda v, x=x: v["X"] == x) * \
                _prob(space, lambda v, x=x: v["X"] == x)
            if joint != rhs:
                return {"x": str(x), "y": str(y), "lhs": str(joint), "rhs": str(rhs)}
    return None


def _bayes_claim(space):
    ys = _support(space, "Y")
    for x in _support(space, "X"):
        px = lambda v, x=x: v["X"] == x  # noqa: E731
        evidence = sum((_cond(space, px, lambda v, y=y: v["Y"] == y) * _prob(space, lambda v, y=y: v["Y"] == y)
                        for y in ys), Fraction(0))
        for y in ys:
            py = lambda v, y=y: v["Y"] == y  # noqa: E731
            lhs = _cond(space, py, px)
            rhs = _cond(space, px, py) * _prob(space, py) / evidence
            if lhs != rhs:
                return {"x": str(x), "y": str(y), "lhs": str(lhs), "rhs": str(rhs)}
    return None


def _fork_space(rng: random.Random):
    """A joint p(z) p(x|z) p(y|z) on {0,1,2}^3: X and Y conditionally independent given Z."""
    def pmf(k):
        w = [rng.randint(1, 5) for _ in range(k)]
        return [Fraction(a, sum(w)) for a in w]
    pz = pmf(3)
    px = {z: pmf(3) for z in range(3)}
    py = {z: pmf(3) for z in range(3)}
    return [(pz[z] * px[z][x] * py[z][y], {"X": x, "Y": y, "Z": z})
            for z, x, y in itertools.product(range(3), repeat=3)]


def _cond_independence_drop():
    rng = random.Random(0)
    for trial in range(60):
        space = _fork_space(rng)
        for x, y, z in itertools.product(range(3), repeat=3):
            lhs = _cond(space, lambda v, x=x: v["X"] == x, lambda v, y=y, z=z: v["Y"] == y and v["Z"] == z)
            rhs = _cond(space, lambda v, x=x: v["X"] == x, lambda v, z=z: v["Z"] == z)
            if lhs != rhs:
                return Outcome(False, f"fails on fork distribution {trial}",
                               {"distribution": _render_space(space), "x": x, "y": y, "z": z,
                                "lhs": str(lhs), "rhs": str(rhs), "exact": True})
    return Outcome(True, "holds exactly on 60 random distributions p(z)p(x|z)p(y|z) over {0,1,2}^3")


def _cov_matrix(space, names):
    means = [sum((p * v[n] for p, v in space), Fraction(0)) for n in names]
    return sp.Matrix(len(names), len(names), lambda i, j: sp.Rational(sum(
        (p * (v[names[i]] - means[i]) * (v[names[j]] - means[j]) for p, v in space), Fraction(0))))


def _var_matrix_transform():
    rng = random.Random(0)
    for trial in range(40):
        space = _space(rng, "ab", atoms=4, values=range(-3, 4))
        rows = rng.choice((1, 2, 3))
        a = sp.Matrix(rows, 2, lambda i, j: rng.randint(-3, 3))
        # Y = A X as a random vector on the same atoms
        ys = [(p, {f"y{i}": sum(a[i, j] * v["ab"[j]] for j in range(2)) for i in range(rows)}) for p, v in space]
        lhs = _cov_matrix(ys, [f"y{i}" for i in range(rows)])
        rhs = a * _cov_matrix(space, ["a", "b"]) * a.T
        if lhs != rhs:
            return Outcome(False, f"fails on trial {trial}",
                           {"distribution": _render_space(space), "A": str(a.tolist()), "lhs": str(lhs.tolist()),
                            "rhs": str(rhs.tolist()), "exact": True})
    return Outcome(True, "holds exactly on 40 random finite distributions of X in R^2 with integer A of 1-3 rows")


# -- 1.3 c.d.f. and densities -------------------------------------------------------------------
_DIST_SUITE = (("Normal(0, 1)", lambda: st.Normal("X", 0, 1)),
               ("Normal(1, 2)", lambda: st.Normal("X", 1, 2)),
               ("Exponential(2)", lambda: st.Exponential("X", 2)))


def _cdf_derivative_sign(sign: int):
    """Compare sign * d/dt F_X(t) with f_X(t) exactly at rational points inside the support."""
    t = sp.Symbol("t", real=True)
    for label, make in _DIST_SUITE:
        x = make()
        lhs = sign * sp.diff(st.cdf(x)(t), t)
        rhs = st.density(x)(t)
        for t0 in (sp.Rational(1, 2), sp.Integer(1), sp.Integer(2)):
            left, right = sp.simplify(lhs.subs(t, t0)), sp.simplify(rhs.subs(t, t0))
            if sp.simplify(left - right) != 0:
                return Outcome(False, f"X ~ {label} at t = {t0}",
                               {"X": label, "t": str(t0), "sign * dF/dt": str(left), "f_X(t)": str(right),
                                "exact": True})
    return Outcome(True, "exact at t = 1/2, 1, 2 for X ~ " + ", ".join(lbl for lbl, _ in _DIST_SUITE))


def _density_scaling(abs_value: bool):
    """Density of alpha*Y from d/ds P(alpha Y <= s), against (1/alpha) f_Y(s/alpha) (or 1/|alpha|)."""
    s = sp.Symbol("s", real=True)
    for label, make in _DIST_SUITE[:1]:
        y = make()
        for alpha in (sp.Integer(2), sp.Rational(1, 2), sp.Integer(-1), sp.Integer(-3)):
            true_density = sp.diff(st.Probability(alpha * y <= s).doit(), s)
            claimed = st.density(y)(s / alpha) / (Abs(alpha) if abs_value else alpha)
            gap = sp.simplify(true_density - claimed)
            if gap != 0:
                return Outcome(False, f"Y ~ {label}, alpha = {alpha}",
                               {"Y": label, "alpha": str(alpha), "density of alpha*Y": str(sp.simplify(true_density)),
                                "claimed": str(sp.simplify(claimed)), "exact": True})
    return Outcome(True, "exact in s for Y ~ Normal(0, 1) and alpha in {2, 1/2, -1, -3}")


# -- 1.5 density of a sum ------------------------------------------------------------------------
def _uniform_pdf(lo, hi, x):
    return sp.Piecewise((sp.Rational(1, hi - lo), (x >= lo) & (x <= hi)), (0, True))


# X ~ Uniform(-1, 1) and Y ~ Uniform(-1, 2), independent: Y takes negative values (else the printed upper
# limit z would be harmless) and is asymmetric (so f_Y(z - x) and f_Y(x - z) differ)
_CONV_X = (-1, 1)


_CONV_Y = (-1, 2)


def _sum_density_truth(z):
    """f_Z(z) for Z = X + Y, from the definition: d/dz of the joint mass of {x + y <= z}."""
    x, y, zz = sp.symbols("x y zz", real=True)
    cdf = sp.integrate(sp.integrate(_uniform_pdf(*_CONV_X, x) * _uniform_pdf(*_CONV_Y, y), (y, -oo, zz - x)),
                       (x, -oo, oo))
    return sp.simplify(sp.diff(cdf, zz).subs(zz, z))


def _convolution(z, upper):
    x = sp.Symbol("x", real=True)
    return sp.integrate(_uniform_pdf(*_CONV_X, x) * _uniform_pdf(*_CONV_Y, z - x), (x, -oo, upper))


def _density_sum(printed: bool):
    points = (sp.Rational(-1, 2), sp.Rational(1, 2), sp.Rational(3, 2), sp.Rational(5, 2))
    for z in points:
        truth = _sum_density_truth(z)
        claimed = _convolution(z, z if printed else oo)
        if sp.simplify(truth - claimed) != 0:
            return Outcome(False, f"X ~ Uniform{_CONV_X}, Y ~ Uniform{_CONV_Y} independent, z = {z}",
                           {"X": f"Uniform{_CONV_X}", "Y": f"Uniform{_CONV_Y}", "z": str(z), "f_Z(z)": str(truth),
                            "printed integral (dx, upper limit z)": str(claimed),
                            "printed integral (dt)": "diverges: the integrand does not depend on t",
                            "exact": True})
    return Outcome(True, f"exact at z in {[str(p) for p in points]} for X ~ Uniform{_CONV_X}, "
                         f"Y ~ Uniform{_CONV_Y}, f_Z from the derivative of P(X + Y <= z)")


# -- 1.6 Chebyshev -------------------------------------------------------------------------------
def _chebyshev():
    """Exhaustive over distributions on 3 atoms, values in -2..2, weights in {1, 2}, eps in {1/2, 1, 3/2, 2}."""
    count = 0
    for values in itertools.product(range(-2, 3), repeat=3):
        for weights in itertools.product((1, 2), repeat=3):
            total = sum(weights)
            probs = [Fraction(w, total) for w in weights]
            mu = sum((p * v for p, v in zip(probs, values, strict=True)), Fraction(0))
            var = sum((p * (v - mu) ** 2 for p, v in zip(probs, values, strict=True)), Fraction(0))
            for eps in (Fraction(1, 2), Fraction(1), Fraction(3, 2), Fraction(2)):
                count += 1
                tail = sum((p for p, v in zip(probs, values, strict=True) if abs(v - mu) >= eps), Fraction(0))
                if tail > var / eps**2:
                    return Outcome(False, "exhaustive search", {
                        "values": list(values), "probabilities": [str(p) for p in probs], "eps": str(eps),
                        "P(|X - mu| >= eps)": str(tail), "sigma^2 / eps^2": str(var / eps**2), "exact": True})
    return Outcome(True, f"holds exactly in all {count} cases: 3-atom distributions with values in -2..2, "
                         "weights in {1, 2}, eps in {1/2, 1, 3/2, 2}")
