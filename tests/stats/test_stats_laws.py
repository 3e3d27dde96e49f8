"""The families' closed forms (verify.probability.laws) against sympy.stats, an independent implementation.

Every formula the probability engine relies on is compared at rational parameter points with SymPy's own
density, c.d.f. and MGF: raw moments (1 to 3) as sums or quadratures of SymPy's density, the MGF with
``moment_generating_function``, the density or mass function, the c.d.f., and the entropy as ``-sum p log p`` or
a quadrature of ``-f log f``.
"""

import mpmath
import pytest
import sympy as sp
from sympy import stats as st

from verify.probability.laws import FAMILIES, law_of

R = sp.Rational
CASES = [  # family, sympy constructor, parameters, points x, MGF points t
    ("Normal", st.Normal, (R(1, 2), R(3, 2)), [R(-1), R(0), R(7, 4)], [R(-1), R(1, 3)]),
    ("Binomial", st.Binomial, (5, R(1, 3)), [0, 2, 5], [R(-1), R(1, 2)]),
    ("Bernoulli", st.Bernoulli, (R(2, 7),), [0, 1], [R(-1), R(3, 2)]),
    ("Poisson", st.Poisson, (R(5, 2),), [0, 3, 7], [R(-1), R(1, 2)]),
    ("Geometric", st.Geometric, (R(1, 4),), [1, 2, 6], [R(-1), R(1, 10)]),
    ("Rademacher", st.Rademacher, (), [-1, 1], [R(-2), R(1, 2)]),
    ("Gamma", st.Gamma, (R(5, 2), R(2, 3)), [R(1, 2), R(3)], [R(-1), R(1, 2)]),
    ("Exponential", st.Exponential, (R(3, 2),), [R(1, 3), R(2)], [R(-1), R(1, 2)]),
    ("Beta", st.Beta, (R(3, 2), R(5, 2)), [R(2, 3)], []),
    ("Laplace", st.Laplace, (R(1, 3), R(3, 4)), [R(-1), R(1, 3), R(2)], [R(-1), R(1, 2)]),
    ("Uniform", st.Uniform, (R(-1, 2), R(5, 2)), [R(0), R(2)], [R(-1), R(3, 4)]),
]


def close(a, b, digits=20):
    a, b = complex(sp.N(a, 30)), complex(sp.N(b, 30))
    return abs(a - b) <= 10 ** (-digits) * (1 + abs(a) + abs(b))


def rv(ctor, params):
    return ctor("X", *params)


def expect_numeric(family, x, g):
    """E[g(X)] from SymPy's density: a sum over the support, or a quadrature."""
    fam = FAMILIES[family]
    low, high = fam.support(*law_of(x).params)
    v = sp.Symbol("v")
    if fam.discrete:
        if high.is_Integer:
            return sum(sp.N(st.P(sp.Eq(x, k)) * g(sp.Integer(k)), 40) for k in range(int(low), int(high) + 1))
        pmf = sp.lambdify(v, st.density(x)(v) * g(v), "mpmath")
        with mpmath.workdps(40):
            return mpmath.nsum(pmf, [int(low), mpmath.inf])
    f = sp.lambdify(v, st.density(x)(v) * g(v), "mpmath")
    with mpmath.workdps(30):
        middle = [float(law_of(x).params[0])] if family in ("Normal", "Laplace") else []
        ends = [float(low) if low.is_finite else -mpmath.inf, *middle, float(high) if high.is_finite else mpmath.inf]
        return mpmath.quad(f, ends)


def cdf_numeric(family, x, point):
    """P(X <= point) as a quadrature of SymPy's density from the support's lower end."""
    low = FAMILIES[family].support(*law_of(x).params)[0]
    v = sp.Symbol("v")
    f = sp.lambdify(v, st.density(x)(v), "mpmath")
    with mpmath.workdps(30):
        start = float(low) if low.is_finite else -mpmath.inf
        if start != -mpmath.inf and start >= float(point):
            return mpmath.mpf(0)
        kink = float(law_of(x).params[0]) if family == "Laplace" else None  # split where the density has a kink
        inner = [kink] if kink is not None and kink < float(point) else []
        return mpmath.quad(f, [start, *inner, float(point)])


@pytest.mark.parametrize(("family", "ctor", "params", "xs", "ts"), CASES, ids=[c[0] for c in CASES])
def test_law_is_read_back(family, ctor, params, xs, ts):
    law = law_of(rv(ctor, params))
    assert law.family == family and tuple(law.params) == tuple(sp.sympify(p) for p in params)


@pytest.mark.parametrize(("family", "ctor", "params", "xs", "ts"), CASES, ids=[c[0] for c in CASES])
def test_moments(family, ctor, params, xs, ts):
    x = rv(ctor, params)
    fam = FAMILIES[family]
    for j in (1, 2, 3):
        assert close(fam.moment(j, *params), expect_numeric(family, x, lambda v, j=j: v**j), digits=15), (family, j)


@pytest.mark.parametrize(("family", "ctor", "params", "xs", "ts"), CASES, ids=[c[0] for c in CASES])
def test_mgf(family, ctor, params, xs, ts):
    x = rv(ctor, params)
    fam = FAMILIES[family]
    mgf = st.moment_generating_function(x)
    for t in ts:
        assert close(fam.mgf(t, *params), mgf(t)), (family, t)


@pytest.mark.parametrize(("family", "ctor", "params", "xs", "ts"), CASES, ids=[c[0] for c in CASES])
def test_density_and_cdf(family, ctor, params, xs, ts):
    x = rv(ctor, params)
    fam = FAMILIES[family]
    for point in xs:
        point = sp.sympify(point)
        want = st.P(sp.Eq(x, point)) if fam.discrete else st.density(x)(point)
        assert close(fam.pdf(point, *params), want), (family, "density", point)
        got = fam.cdf(point, *params)
        want = sum(st.P(sp.Eq(x, k)) for k in range(int(fam.support(*params)[0]), int(point) + 1)) \
            if fam.discrete else cdf_numeric(family, x, point)
        assert close(got.doit() if hasattr(got, "doit") else got, want), (family, "cdf", point)


WITH_ENTROPY = [c for c in CASES if FAMILIES[c[0]].entropy(*c[2]) is not None]


def test_families_without_closed_form_entropy():
    """Binomial and Poisson entropies are series without a closed form: the engine decides them numerically."""
    assert sorted(c[0] for c in CASES if c not in WITH_ENTROPY) == ["Binomial", "Poisson"]


@pytest.mark.parametrize(("family", "ctor", "params", "xs", "ts"), WITH_ENTROPY, ids=[c[0] for c in WITH_ENTROPY])
def test_entropy(family, ctor, params, xs, ts):
    fam = FAMILIES[family]
    value = fam.entropy(*params)
    low, high = fam.support(*params)
    if fam.discrete:
        top = int(high) if high.is_Integer else 400
        terms = [fam.pdf(sp.Integer(k), *params) for k in range(int(low), top + 1)]
        want = -sum(sp.N(p * sp.log(p), 30) for p in terms if p != 0)
    else:
        pdf = sp.lambdify(sp.Symbol("x"), fam.pdf(sp.Symbol("x"), *params), "mpmath")
        f = lambda v: -pdf(v) * mpmath.log(pdf(v)) if pdf(v) > 0 else 0  # noqa: E731
        with mpmath.workdps(30):
            want = mpmath.quad(f, [float(low) if low.is_finite else -mpmath.inf, float(params[0])
                                   if family in ("Normal", "Laplace") else (float(high) + float(low)) / 2
                                   if high.is_finite else 1,
                                   float(high) if high.is_finite else mpmath.inf])
    assert close(value, want, digits=12), (family, value, want)


def test_categorical_is_a_finite_law():
    p = sp.ImmutableMatrix([R(1, 6), R(1, 2), R(1, 3)])
    fam = FAMILIES["Categorical"]
    assert close(fam.moment(1, p).doit(), R(1, 2) + R(2, 3))
    assert close(fam.moment(2, p).doit(), R(1, 2) + R(4, 3))
    assert fam.pdf(sp.Integer(2), p) == R(1, 3)
    assert close(fam.entropy(p).doit(), -sum(q * sp.log(q) for q in p))
