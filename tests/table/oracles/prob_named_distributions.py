"""Oracles for prob-named-distributions.identities.yaml: densities integrated, pmfs summed."""

import math

import numpy as np

from . import oracle
from ._num import all_agree, all_le, rpos
from ._prob import (
    bernoulli_pmf,
    binomial_pmf,
    expect_density,
    expect_normals,
    expect_pmf,
    exponential_pdf,
    gamma_pdf,
    poisson_pmf,
    uniform_pdf,
)

DRAWS = 4  # parameter draws per identity


def _normal(rng):
    return rng.normal(0, 1.5), rng.uniform(0.4, 2.0)


def _normal_E(f, mu, sigma):
    return expect_normals(lambda x: f(x), [(mu, sigma)], nodes=60)


def _normal_rows(rng, case):
    return all_agree(case(*_normal(rng), rng.uniform(-1.5, 1.5)) for _ in range(DRAWS))


@oracle("pd-normal-mean")
def _(rng):
    return _normal_rows(rng, lambda mu, s, t: (_normal_E(lambda x: x, mu, s), mu))


@oracle("pd-normal-variance")
def _(rng):
    return _normal_rows(rng, lambda mu, s, t: (_normal_E(lambda x: (x - mu) ** 2, mu, s), s**2))


@oracle("pd-normal-variance-as-sigma")
def _(rng):
    return _normal_rows(rng, lambda mu, s, t: (_normal_E(lambda x: (x - mu) ** 2, mu, s), s))


@oracle("pd-normal-mgf")
def _(rng):
    return _normal_rows(rng, lambda mu, s, t: (_normal_E(lambda x: np.exp(t * x), mu, s),
                                               math.exp(mu * t + s**2 * t**2 / 2)))


@oracle("pd-normal-mgf-sigma-unsquared")
def _(rng):
    return _normal_rows(rng, lambda mu, s, t: (_normal_E(lambda x: np.exp(t * x), mu, s),
                                               math.exp(mu * t + s * t**2 / 2)))


@oracle("pd-normal-fourth-moment")
def _(rng):
    return _normal_rows(rng, lambda mu, s, t: (_normal_E(lambda x: x**4, mu, s),
                                               mu**4 + 6 * mu**2 * s**2 + 3 * s**4))


@oracle("pd-normal-fourth-central-moment")
def _(rng):
    return _normal_rows(rng, lambda mu, s, t: (_normal_E(lambda x: (x - mu) ** 4, mu, s), 3 * s**4))


@oracle("pd-normal-kurtosis-as-variance-squared")
def _(rng):
    return _normal_rows(rng, lambda mu, s, t: (_normal_E(lambda x: (x - mu) ** 4, mu, s), s**4))


@oracle("pd-lognormal-mean")
def _(rng):
    return _normal_rows(rng, lambda mu, s, t: (_normal_E(np.exp, mu, s), math.exp(mu + s**2 / 2)))


@oracle("pd-lognormal-mean-naive")
def _(rng):
    return _normal_rows(rng, lambda mu, s, t: (_normal_E(np.exp, mu, s), math.exp(mu)))


@oracle("pd-normal-standardised-mean")
def _(rng):
    return _normal_rows(rng, lambda mu, s, t: (_normal_E(lambda x: (x - mu) / s, mu, s), 0.0))


@oracle("pd-normal-standardised-variance")
def _(rng):
    return _normal_rows(rng, lambda mu, s, t: (_normal_E(lambda x: ((x - mu) / s) ** 2, mu, s), 1.0))


def _poisson_E(f, lam):
    return expect_pmf(f, poisson_pmf(lam), range(0, 120))


def _poisson_rows(rng, case):
    return all_agree(case(rng.uniform(0.3, 4.0), rng.uniform(-1.0, 1.0)) for _ in range(DRAWS))


@oracle("pd-poisson-mean")
def _(rng):
    return _poisson_rows(rng, lambda lam, t: (_poisson_E(lambda k: k, lam), lam))


@oracle("pd-poisson-variance")
def _(rng):
    return _poisson_rows(rng, lambda lam, t: (_poisson_E(lambda k: (k - lam) ** 2, lam), lam))


@oracle("pd-poisson-variance-squared")
def _(rng):
    return _poisson_rows(rng, lambda lam, t: (_poisson_E(lambda k: (k - lam) ** 2, lam), lam**2))


@oracle("pd-poisson-factorial-moment")
def _(rng):
    return _poisson_rows(rng, lambda lam, t: (_poisson_E(lambda k: k * (k - 1), lam), lam**2))


@oracle("pd-poisson-second-moment")
def _(rng):
    return _poisson_rows(rng, lambda lam, t: (_poisson_E(lambda k: k**2, lam), lam + lam**2))


@oracle("pd-poisson-mgf")
def _(rng):
    return _poisson_rows(rng, lambda lam, t: (_poisson_E(lambda k: math.exp(t * k), lam),
                                              math.exp(lam * (math.exp(t) - 1))))


def _poisson_sum_mgf(l1, l2, t):
    """E exp(t(N1 + N2)) for independent Poissons: the double series over the product law."""
    p1, p2 = poisson_pmf(l1), poisson_pmf(l2)
    return sum(p1(i) * p2(j) * math.exp(t * (i + j)) for i in range(80) for j in range(80))


@oracle("pd-poisson-sum-mgf")
def _(rng):
    def case():
        l1, l2, t = rng.uniform(0.3, 3.0), rng.uniform(0.3, 3.0), rng.uniform(-1.0, 1.0)
        return _poisson_sum_mgf(l1, l2, t), math.exp((l1 + l2) * (math.exp(t) - 1))
    return all_agree(case() for _ in range(DRAWS))


@oracle("pd-poisson-sum-mgf-rates-multiplied")
def _(rng):
    def case():
        l1, l2, t = rng.uniform(0.3, 3.0), rng.uniform(0.3, 3.0), rng.uniform(0.3, 1.0)
        return _poisson_sum_mgf(l1, l2, t), math.exp(l1 * l2 * (math.exp(t) - 1))
    return all_agree(case() for _ in range(DRAWS))


def _finite_E(f, pmf, support):
    return expect_pmf(f, pmf, support)


@oracle("pd-binomial-mean")
def _(rng):
    return all_agree((_finite_E(lambda k: k, binomial_pmf(5, p), range(6)), 5 * p)
                     for p in rng.uniform(0.05, 0.95, DRAWS))


@oracle("pd-binomial-variance")
def _(rng):
    def case(p):
        return _finite_E(lambda k: (k - 5 * p) ** 2, binomial_pmf(5, p), range(6)), 5 * p * (1 - p)
    return all_agree(case(p) for p in rng.uniform(0.05, 0.95, DRAWS))


@oracle("pd-binomial-variance-as-mean")
def _(rng):
    def case(p):
        return _finite_E(lambda k: (k - 5 * p) ** 2, binomial_pmf(5, p), range(6)), 5 * p
    return all_agree(case(p) for p in rng.uniform(0.1, 0.9, DRAWS))


@oracle("pd-bernoulli-square")
def _(rng):
    return all_agree((_finite_E(lambda k: k**2, bernoulli_pmf(p), range(2)), p) for p in rng.uniform(0, 1, DRAWS))


@oracle("pd-bernoulli-variance")
def _(rng):
    def case(p):
        return _finite_E(lambda k: (k - p) ** 2, bernoulli_pmf(p), range(2)), p * (1 - p)
    return all_agree(case(p) for p in rng.uniform(0, 1, DRAWS))


@oracle("pd-bernoulli-variance-as-p-squared")
def _(rng):
    def case(p):
        return _finite_E(lambda k: (k - p) ** 2, bernoulli_pmf(p), range(2)), p**2
    return all_agree(case(p) for p in rng.uniform(0.05, 0.4, DRAWS))


def _gamma_E(f, k, theta):
    return expect_density(f, gamma_pdf(k, theta), 0.0, np.inf)


def _gamma_rows(rng, case, *, kmin=0.5):
    return all_agree(case(rng.uniform(kmin, 4.0), rng.uniform(0.3, 2.5)) for _ in range(DRAWS))


@oracle("pd-gamma-mean")
def _(rng):
    return _gamma_rows(rng, lambda k, th: (_gamma_E(lambda x: x, k, th), k * th), kmin=1.0)


@oracle("pd-gamma-variance")
def _(rng):
    return _gamma_rows(rng, lambda k, th: (_gamma_E(lambda x: (x - k * th) ** 2, k, th), k * th**2), kmin=1.0)


@oracle("pd-gamma-variance-scale-unsquared")
def _(rng):
    def case(k, th):
        return _gamma_E(lambda x: (x - k * th) ** 2, k, th), k * th
    return all_agree(case(k, th) for k, th in ((2.0, 2.0), (1.5, 0.5)))


@oracle("pd-gamma-log-jensen")
def _(rng):
    pairs = []
    for _ in range(DRAWS):
        k, th = rng.uniform(1.0, 4.0), rng.uniform(0.3, 2.5)
        pairs.append((_gamma_E(math.log, k, th), math.log(_gamma_E(lambda x: x, k, th))))
    return all_le(pairs)


@oracle("pd-gamma-log-commutes")
def _(rng):
    return _gamma_rows(rng, lambda k, th: (_gamma_E(math.log, k, th), math.log(k * th)), kmin=1.0)


@oracle("pd-gamma-mgf-shape-3")
def _(rng):
    def case():
        th = rng.uniform(0.3, 2.0)
        t = rng.uniform(-1.0, 0.8) / th  # t theta < 1
        # ∫ e^{tx} x² e^{-x/θ} / (2 θ³) dx, the exponents combined so that nothing overflows
        mgf = expect_density(lambda x: x**2 * math.exp((t - 1 / th) * x) / (2 * th**3), lambda x: 1.0, 0.0, np.inf)
        return mgf, (1 - th * t) ** -3
    return all_agree(case() for _ in range(DRAWS))


@oracle("pd-gamma-reciprocal-mean")
def _(rng):
    return _gamma_rows(rng, lambda k, th: (_gamma_E(lambda x: 1 / x, k, th), 1 / (th * (k - 1))), kmin=1.5)


@oracle("pd-gamma-reciprocal-of-mean")
def _(rng):
    return _gamma_rows(rng, lambda k, th: (_gamma_E(lambda x: 1 / x, k, th), 1 / (k * th)), kmin=1.5)


def _rate_rows(rng, case):
    return all_agree(case(rng.uniform(1.0, 4.0), rng.uniform(0.5, 3.0)) for _ in range(DRAWS))


@oracle("pd-gamma-rate-mean")
def _(rng):
    return _rate_rows(rng, lambda k, beta: (_gamma_E(lambda x: x, k, 1 / beta), k / beta))


@oracle("pd-gamma-rate-mean-as-scale")
def _(rng):
    return _rate_rows(rng, lambda k, beta: (_gamma_E(lambda x: x, k, 1 / beta), k * beta))


@oracle("pd-gamma-rate-variance")
def _(rng):
    return _rate_rows(rng, lambda k, beta: (_gamma_E(lambda x: (x - k / beta) ** 2, k, 1 / beta), k / beta**2))


def _exp_E(f, lam):
    return expect_density(f, exponential_pdf(lam), 0.0, np.inf)


def _exp_rows(rng, case):
    return all_agree(case(rng.uniform(0.4, 3.0)) for _ in range(DRAWS))


@oracle("pd-exponential-mean")
def _(rng):
    return _exp_rows(rng, lambda lam: (_exp_E(lambda x: x, lam), 1 / lam))


@oracle("pd-exponential-mean-as-rate")
def _(rng):
    return all_agree((_exp_E(lambda x: x, lam), lam) for lam in (2.0, 0.5))


@oracle("pd-exponential-variance")
def _(rng):
    return _exp_rows(rng, lambda lam: (_exp_E(lambda x: (x - 1 / lam) ** 2, lam), 1 / lam**2))


@oracle("pd-exponential-second-moment")
def _(rng):
    return _exp_rows(rng, lambda lam: (_exp_E(lambda x: x**2, lam), 2 / lam**2))


@oracle("pd-exponential-mgf")
def _(rng):
    def case(lam):
        t = lam * rng.uniform(-1.0, 0.7)
        # ∫ e^{tx} lam e^{-lam x} dx, the exponents combined
        mgf = expect_density(lambda x: lam * math.exp((t - lam) * x), lambda x: 1.0, 0.0, np.inf)
        return mgf, lam / (lam - t)
    return _exp_rows(rng, case)


@oracle("pd-exponential-scaled-mean")
def _(rng):
    def case(lam):
        c = rng.normal(0, 2)
        return _exp_E(lambda x: c * x, lam), c / lam
    return _exp_rows(rng, case)


@oracle("pd-exponential-jensen-reciprocal")
def _(rng):
    pairs = []
    for lam in rpos(rng, DRAWS):
        pairs.append((1 / (1 + _exp_E(lambda x: x, lam)), _exp_E(lambda x: 1 / (1 + x), lam)))
    return all_le(pairs)


def _uniform_rows(rng, case):
    def draw():
        a = rng.normal(0, 2)
        return a, a + rng.uniform(0.2, 4.0)
    return all_agree(case(*draw()) for _ in range(DRAWS))


def _uniform_E(f, a, b):
    return expect_density(f, uniform_pdf(a, b), a, b)


@oracle("pd-uniform-mean")
def _(rng):
    return _uniform_rows(rng, lambda a, b: (_uniform_E(lambda x: x, a, b), (a + b) / 2))


@oracle("pd-uniform-variance")
def _(rng):
    return _uniform_rows(rng, lambda a, b: (_uniform_E(lambda x: (x - (a + b) / 2) ** 2, a, b), (b - a) ** 2 / 12))


@oracle("pd-uniform-variance-quarter")
def _(rng):
    return _uniform_rows(rng, lambda a, b: (_uniform_E(lambda x: (x - (a + b) / 2) ** 2, a, b), (b - a) ** 2 / 4))


def _params2(rng, same):
    mu1, s1 = _normal(rng)
    mu2, s2 = (mu1, s1) if same else _normal(rng)
    return [(mu1, s1), (mu2, s2)]


def _two_normals(rng, f, same=False):
    """E f(X, Y) for independent normals, and the parameters (mu1, s1, mu2, s2)."""
    params = _params2(rng, same)
    return expect_normals(f, params), (*params[0], *params[1])


def _var2(rng, g, same=False):
    """Var g(X, Y) for independent normals, and the parameters."""
    params = _params2(rng, same)
    m = expect_normals(g, params)
    return expect_normals(lambda x, y: (g(x, y) - m) ** 2, params), (*params[0], *params[1])


@oracle("pd-normal-sum-variance")
def _(rng):
    def case():
        v, (mu1, s1, mu2, s2) = _var2(rng, lambda x, y: x + y)
        return v, s1**2 + s2**2
    return all_agree(case() for _ in range(DRAWS))


@oracle("pd-normal-sum-standard-deviations-add")
def _(rng):
    def case():
        v, (mu1, s1, mu2, s2) = _var2(rng, lambda x, y: x + y)
        return v, (s1 + s2) ** 2
    return all_agree(case() for _ in range(DRAWS))


@oracle("pd-sample-mean-variance")
def _(rng):
    def case():
        v, (mu, s, _, _) = _var2(rng, lambda x, y: (x + y) / 2, same=True)
        return v, s**2 / 2
    return all_agree(case() for _ in range(DRAWS))


@oracle("pd-sample-mean-variance-undivided")
def _(rng):
    def case():
        v, (mu, s, _, _) = _var2(rng, lambda x, y: (x + y) / 2, same=True)
        return v, s**2
    return all_agree(case() for _ in range(DRAWS))


@oracle("pd-unbiased-variance-two-draws")
def _(rng):
    def case():
        m, (mu, s, _, _) = _two_normals(rng, lambda x, y: (x - y) ** 2 / 2, same=True)
        return m, s**2
    return all_agree(case() for _ in range(DRAWS))


@oracle("pd-variance-divided-by-n-biased")
def _(rng):
    def case():
        def f(x, y):
            m = (x + y) / 2
            return ((x - m) ** 2 + (y - m) ** 2) / 2
        m, (mu, s, _, _) = _two_normals(rng, f, same=True)
        return m, s**2
    return all_agree(case() for _ in range(DRAWS))
