"""Evidence for the chapter's claims about *every* distribution, which no single relational states.

The symbol grammar has no joint distribution of discrete random variables, no density of an arbitrary
law and no quantifier over distributions, so these claims are checked exactly on documented families:

* random finite joint distributions with rational probabilities (the rules of probability);
* concrete densities whose integrals SymPy evaluates exactly (scaling, the density of a sum);
* every small discrete distribution of a grid (Chebyshev);
* lattice and exponential-family laws whose MGF is inverted exactly (the uniqueness theorem).

Each function is named after the entry it serves and fails (or raises) when the claim fails there.
"""

from __future__ import annotations

import itertools
import random
from fractions import Fraction

import sympy as sp
from sympy import stats as st

from .._authoring import Abs, Outcome, oo


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
    """P(event | given) = P(event and given) / P(given), for P(given) > 0."""
    return _prob(space, lambda v: event(v) and given(v)) / _prob(space, given)


def _render_space(space) -> list[dict]:
    return [{"p": str(p), **{k: str(x) for k, x in v.items()}} for p, v in space]


def _search_spaces(claim, names: str, trials: int = 200, seed_: int = 0, **kw) -> Outcome:
    """Run ``claim(space)`` (None when it holds, else a detail dict) on random finite spaces."""
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


def sum_rule() -> Outcome:
    """prob.sum-rule: P(X = x) = ∑ⱼ P(X = x, Y = yⱼ) on random finite joint distributions."""
    return _search_spaces(_sum_rule_claim, "XY")


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


def bayes_rule() -> Outcome:
    """prob.bayes-rule: P(Y | X) = P(X | Y) P(Y) / ∑ᵢ P(X | Yᵢ) P(Yᵢ) on random finite joint distributions."""
    return _search_spaces(_bayes_claim, "XY")


def _fork_space(rng: random.Random):
    """A joint p(z) p(x | z) p(y | z) on {0, 1, 2}³: X and Y conditionally independent given Z."""
    def pmf(k):
        w = [rng.randint(1, 5) for _ in range(k)]
        return [Fraction(a, sum(w)) for a in w]
    pz = pmf(3)
    px = {z: pmf(3) for z in range(3)}
    py = {z: pmf(3) for z in range(3)}
    return [(pz[z] * px[z][x] * py[z][y], {"X": x, "Y": y, "Z": z})
            for z, x, y in itertools.product(range(3), repeat=3)]


def cond_independence_drop() -> Outcome:
    """prob.cond-independence-drop: P(X | Y, Z) = P(X | Z) on random fork distributions."""
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
    return Outcome(True, "holds exactly on 60 random distributions p(z) p(x | z) p(y | z) over {0, 1, 2}³, "
                         "for every (x, y, z)")


# -- densities ------------------------------------------------------------------------------------
def _density_scaling(abs_value: bool) -> Outcome:
    """Density of αY from d/ds P(αY ≤ s), against f_Y(s/α)/α (or /|α|), exactly in s."""
    s = sp.Symbol("s", real=True)
    y = st.Normal("Y", 0, 1)
    for alpha in (sp.Integer(2), sp.Rational(1, 2), sp.Integer(-1), sp.Integer(-3)):
        true_density = sp.diff(st.Probability(alpha * y <= s).doit(), s)
        claimed = st.density(y)(s / alpha) / (Abs(alpha) if abs_value else alpha)
        if sp.simplify(true_density - claimed) != 0:
            return Outcome(False, f"Y ~ Normal(0, 1), α = {alpha}",
                           {"Y": "Normal(0, 1)", "alpha": str(alpha), "density of alpha*Y": str(sp.simplify(true_density)),
                            "claimed": str(sp.simplify(claimed)), "exact": True})
    return Outcome(True, "exact in s for Y ~ Normal(0, 1) and α ∈ {2, 1/2, −1, −3}")


def density_scaling_as_printed() -> Outcome:
    """prob.density-scaling-as-printed: f_{αY}(y) = f_Y(y/α)/α for every α ≠ 0?"""
    return _density_scaling(abs_value=False)


def density_scaling() -> Outcome:
    """prob.density-scaling: f_{αY}(y) = f_Y(y/α)/|α| for α ≠ 0."""
    return _density_scaling(abs_value=True)


def _uniform_pdf(lo, hi, x):
    return sp.Piecewise((sp.Rational(1, hi - lo), (x >= lo) & (x <= hi)), (0, True))


# X ~ Uniform(−1, 1) and Y ~ Uniform(−1, 2), independent: Y takes negative values (else the printed upper
# limit z would be harmless) and is asymmetric (so f_Y(z − x) and f_Y(x − z) differ)
_CONV_X = (-1, 1)
_CONV_Y = (-1, 2)


def _sum_density_truth(z):
    """f_Z(z) for Z = X + Y from the definition: d/dz of the joint mass of {x + y ≤ z}."""
    x, y, zz = sp.symbols("x y zz", real=True)
    cdf = sp.integrate(sp.integrate(_uniform_pdf(*_CONV_X, x) * _uniform_pdf(*_CONV_Y, y), (y, -oo, zz - x)),
                       (x, -oo, oo))
    return sp.simplify(sp.diff(cdf, zz).subs(zz, z))


def _convolution(z, upper):
    x = sp.Symbol("x", real=True)
    return sp.integrate(_uniform_pdf(*_CONV_X, x) * _uniform_pdf(*_CONV_Y, z - x), (x, -oo, upper))


def _density_sum(printed: bool) -> Outcome:
    points = (sp.Rational(-1, 2), sp.Rational(1, 2), sp.Rational(3, 2), sp.Rational(5, 2))
    for z in points:
        truth = _sum_density_truth(z)
        claimed = _convolution(z, z if printed else oo)
        if sp.simplify(truth - claimed) != 0:
            return Outcome(False, f"X ~ Uniform{_CONV_X}, Y ~ Uniform{_CONV_Y} independent, z = {z}",
                           {"X": f"Uniform{_CONV_X}", "Y": f"Uniform{_CONV_Y}", "z": str(z), "f_Z(z)": str(truth),
                            "printed integral (dx, upper limit z)": str(claimed), "exact": True})
    return Outcome(True, f"exact at z ∈ {{{', '.join(str(p) for p in points)}}} for independent X ~ "
                         f"Uniform{_CONV_X} and Y ~ Uniform{_CONV_Y}, the density of X + Y taken from the "
                         "derivative of P(X + Y ≤ z)")


def density_sum_as_printed() -> Outcome:
    """prob.density-sum-as-printed: the convolution integral with upper limit z."""
    return _density_sum(printed=True)


def density_sum_convolution() -> Outcome:
    """prob.density-sum-convolution: the convolution integral over the whole line."""
    return _density_sum(printed=False)


# -- moment generating functions -------------------------------------------------------------------
def _lattice_pmf_from_mgf(trials: int = 30) -> int:
    """Random pmfs on {0..4}: the pmf is recovered from M(t) = ∑ₖ pₖ eᵗᵏ alone, pₖ = G⁽ᵏ⁾(0)/k! with
    G(s) = M(log s).  Returns the number of laws checked; raises if one is not recovered."""
    rng = random.Random(39)
    t, s = sp.Symbol("t", real=True), sp.Symbol("s", positive=True)
    for _ in range(trials):
        weights = [rng.randint(0, 5) for _ in range(5)]
        if not any(weights):
            weights[0] = 1
        pmf = [sp.Rational(w, sum(weights)) for w in weights]
        mgf = sum(p * sp.exp(t * k) for k, p in enumerate(pmf))
        pgf = sp.expand(mgf.subs(t, sp.log(s)))
        recovered = [sp.diff(pgf, s, k).subs(s, 0) / sp.factorial(k) for k in range(len(pmf))]
        if recovered != pmf:
            raise AssertionError(f"lattice law {pmf}: recovered {recovered} from its MGF")
    return trials


_CONTINUOUS = (("Exponential(2)", st.Exponential("X", 2)), ("Gamma(3, 1/2)", st.Gamma("X", 3, sp.Rational(1, 2))),
               ("Gamma(5/2, 1)", st.Gamma("X", sp.Rational(5, 2), 1)))


def mgf_characterizes_distribution() -> Outcome:
    """prob.mgf-characterizes-distribution and latent.mgf-uniqueness: the MGF (finite near 0) determines the
    law.  Evidence: the law is recovered exactly from the MGF alone, for random lattice laws (through the
    generating function) and for exponential and gamma laws (inverse Laplace transform of M(−s))."""
    lattice = _lattice_pmf_from_mgf()
    s, x = sp.Symbol("s", positive=True), sp.Symbol("x", positive=True)
    for label, law in _CONTINUOUS:
        mgf = st.moment_generating_function(law)
        recovered = sp.inverse_laplace_transform(mgf(-s), s, x)
        if sp.simplify(recovered - st.density(law)(x)) != 0:
            return Outcome(False, f"{label}: the inverse Laplace transform of M(−s) is not the density",
                           {"law": label, "recovered": str(recovered), "density": str(st.density(law)(x)),
                            "exact": True})
    return Outcome(True, f"the law is recovered exactly from its MGF alone: {lattice} random laws on {{0, …, 4}} "
                         "(pₖ = G⁽ᵏ⁾(0)/k! with G(s) = M(log s)) and the densities of "
                         + ", ".join(label for label, _ in _CONTINUOUS) + " (inverse Laplace transform of M(−s))")


# -- Chebyshev ------------------------------------------------------------------------------------
def chebyshev() -> Outcome:
    """prob.chebyshev: exhaustive over 3-atom laws, values in −2..2, weights in {1, 2}, ε ∈ {1/2, 1, 3/2, 2}."""
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
                        "P(|X − μ| ≥ ε)": str(tail), "σ²/ε²": str(var / eps**2), "exact": True})
    return Outcome(True, f"holds exactly in all {count} cases: 3-atom laws with values in −2..2, weights in {{1, 2}}, "
                         "ε ∈ {1/2, 1, 3/2, 2}")
