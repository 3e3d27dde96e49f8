"""Oracles for vocab-prob-laws-and-events.identities.yaml: densities integrated, pmfs summed, entropies as
-E log p, probabilities of events as integrals of the density."""

import math

import numpy as np
from scipy import integrate

from . import oracle
from ._num import agree, all_agree, all_le, le, rprob
from ._prob import (
    beta_pdf,
    binomial_pmf,
    expect_density,
    expect_pmf,
    exponential_pdf,
    geometric_pmf,
    laplace_pdf,
    normal_pdf,
    poisson_pmf,
    uniform_pdf,
)

DRAWS = 4
SIZES = (1, 2, 3)


def _rows(case, draws=DRAWS):
    return all_agree(case() for _ in range(draws))


# ---------------------------------------------------------------- one-dimensional laws

@oracle("v-normal-density")
def _(rng):
    def case():
        mu, s, x = rng.normal(0, 2), rng.uniform(0.3, 2), rng.normal(0, 2)
        return normal_pdf(mu, s)(x), math.exp(-((x - mu) ** 2) / (2 * s**2)) / math.sqrt(2 * math.pi * s**2)
    return _rows(case)


@oracle("v-normal-density-sd-unsquared")
def _(rng):
    mu, s, x = 0.0, 2.0, 0.0
    return agree(normal_pdf(mu, s)(x), math.exp(-((x - mu) ** 2) / (2 * s**2)) / math.sqrt(2 * math.pi * s))


def _entropy(pdf, lo, hi, logpdf=None):
    """-E log p(X); ``logpdf`` where the density underflows in the tails."""
    logpdf = logpdf or (lambda x: math.log(pdf(x)))
    return expect_density(lambda x: -logpdf(x), pdf, lo, hi)


def _normal_logpdf(mu, s):
    return lambda x: -((x - mu) ** 2) / (2 * s**2) - 0.5 * math.log(2 * math.pi * s**2)


@oracle("v-normal-entropy")
def _(rng):
    def case():
        mu, s = rng.normal(0, 2), rng.uniform(0.3, 2)
        entropy = _entropy(normal_pdf(mu, s), -np.inf, np.inf, _normal_logpdf(mu, s))
        return entropy, math.log(2 * math.pi * math.e * s**2) / 2
    return _rows(case)


@oracle("v-normal-entropy-e-dropped")
def _(rng):
    return agree(_entropy(normal_pdf(0.0, 1.0), -np.inf, np.inf, _normal_logpdf(0.0, 1.0)), math.log(2 * math.pi) / 2)


@oracle("v-exponential-entropy")
def _(rng):
    def case():
        lam = rng.uniform(0.3, 3)
        return _entropy(exponential_pdf(lam), 0.0, 80 / lam), 1 - math.log(lam)
    return _rows(case)


@oracle("v-exponential-entropy-sign")
def _(rng):
    return agree(_entropy(exponential_pdf(2.0), 0.0, 40.0), 1 + math.log(2.0))


@oracle("v-bernoulli-entropy")
def _(rng):
    def case():
        p = rng.uniform(0.01, 0.99)
        return -sum(q * math.log(q) for q in (p, 1 - p)), -p * math.log(p) - (1 - p) * math.log(1 - p)
    return _rows(case)


@oracle("v-uniform-entropy")
def _(rng):
    def case():
        a = rng.normal(0, 2)
        b = a + rng.uniform(0.2, 5)
        return _entropy(uniform_pdf(a, b), a, b), math.log(b - a)
    return _rows(case)


def _survival(pdf, a, hi=np.inf):
    return integrate.quad(pdf, a, hi, epsabs=1e-12, epsrel=1e-12)[0]


@oracle("v-exponential-survival")
def _(rng):
    def case():
        lam, a = rng.uniform(0.3, 3), rng.uniform(0.1, 3)
        return _survival(exponential_pdf(lam), a), math.exp(-lam * a)
    return _rows(case)


@oracle("v-exponential-survival-rate-as-scale")
def _(rng):
    lam, a = 2.0, 1.0
    return agree(_survival(exponential_pdf(lam), a), math.exp(-a / lam))


@oracle("v-exponential-memoryless")
def _(rng):
    def case():
        lam, a, b = rng.uniform(0.3, 3), rng.uniform(0.1, 2), rng.uniform(0.1, 2)
        pdf = exponential_pdf(lam)
        return _survival(pdf, a + b) / _survival(pdf, a), _survival(pdf, b)
    return _rows(case)


@oracle("v-exponential-cdf")
def _(rng):
    def case():
        lam, x = rng.uniform(0.3, 3), rng.uniform(0, 3)
        return integrate.quad(exponential_pdf(lam), 0, x)[0], 1 - math.exp(-lam * x)
    return _rows(case)


@oracle("v-markov-inequality-exponential")
def _(rng):
    pairs = []
    for _ in range(6):
        lam, a = rng.uniform(0.3, 3), rng.uniform(0.05, 5)
        pdf = exponential_pdf(lam)
        pairs.append((_survival(pdf, a), expect_density(lambda x: x, pdf, 0, np.inf) / a))
    return all_le(pairs)


def _normal_two_sided_tail(k):
    """P(|Z| >= k) for a standard normal, integrated from the density."""
    return 2 * _survival(normal_pdf(0.0, 1.0), k)


@oracle("v-chebyshev-normal")
def _(rng):
    return all_le((_normal_two_sided_tail(k), 1 / k**2) for k in [*rng.uniform(0.1, 5, 8), 1.0])


@oracle("v-gaussian-tail-too-tight")
def _(rng):
    k = 2.0  # P(|Z| >= 2) = 0.0455 > exp(-4) = 0.0183
    return le(_normal_two_sided_tail(k), math.exp(-(k**2)))


@oracle("v-poisson-pmf-at-zero")
def _(rng):
    return all_agree((poisson_pmf(lam)(0), math.exp(-lam)) for lam in rng.uniform(0.1, 5, DRAWS))


@oracle("v-poisson-pmf-ratio")
def _(rng):
    return all_agree((poisson_pmf(lam)(k + 1) / poisson_pmf(lam)(k), lam / (k + 1))
                     for lam in rng.uniform(0.1, 5, 3) for k in range(6))


@oracle("v-poisson-pmf-at-one-naive")
def _(rng):
    return agree(poisson_pmf(1.5)(1), 1.5)


@oracle("v-binomial-pmf-sums-to-one")
def _(rng):
    return all_agree((sum(binomial_pmf(5, p)(k) for k in range(6)), 1.0) for p in rng.uniform(0, 1, DRAWS))


def _geometric_E(f, p):
    return expect_pmf(f, geometric_pmf(p), range(1, 4000))


@oracle("v-geometric-mean")
def _(rng):
    return all_agree((_geometric_E(lambda k: k, p), 1 / p) for p in rng.uniform(0.05, 1, DRAWS))


@oracle("v-geometric-variance")
def _(rng):
    def case(p):
        return _geometric_E(lambda k: (k - 1 / p) ** 2, p), (1 - p) / p**2
    return all_agree(case(p) for p in rng.uniform(0.05, 1, DRAWS))


@oracle("v-geometric-mean-failures")
def _(rng):
    p = 0.5
    return agree(_geometric_E(lambda k: k, p), (1 - p) / p)


def _rademacher_E(f):
    return 0.5 * f(-1.0) + 0.5 * f(1.0)


@oracle("v-rademacher-variance")
def _(rng):
    m = _rademacher_E(lambda r: r)
    return agree(_rademacher_E(lambda r: (r - m) ** 2), 1.0)


@oracle("v-rademacher-mean-absolute")
def _(rng):
    return agree(_rademacher_E(abs), 0.0)


def _beta_rows(rng, case):
    return _rows(lambda: case(rng.uniform(0.8, 5), rng.uniform(0.8, 5)))


def _beta_E(f, a, b):
    return expect_density(f, beta_pdf(a, b), 0.0, 1.0)


@oracle("v-beta-mean")
def _(rng):
    return _beta_rows(rng, lambda a, b: (_beta_E(lambda x: x, a, b), a / (a + b)))


@oracle("v-beta-variance")
def _(rng):
    return _beta_rows(rng, lambda a, b: (_beta_E(lambda x: (x - a / (a + b)) ** 2, a, b),
                                         a * b / ((a + b) ** 2 * (a + b + 1))))


@oracle("v-beta-variance-term-dropped")
def _(rng):
    a, b = 2.0, 3.0
    return agree(_beta_E(lambda x: (x - a / (a + b)) ** 2, a, b), a * b / (a + b) ** 2)


def _laplace_E(f, mu, b):
    """E f(X) for a Laplace(mu, b), integrated on each side of the kink at mu."""
    pdf = laplace_pdf(mu, b)
    return expect_density(f, pdf, -np.inf, mu) + expect_density(f, pdf, mu, np.inf)


@oracle("v-laplace-variance")
def _(rng):
    return _rows(lambda: (lambda mu, b: (_laplace_E(lambda x: (x - mu) ** 2, mu, b), 2 * b**2))(
        rng.normal(0, 2), rng.uniform(0.3, 3)))


@oracle("v-laplace-variance-as-scale-squared")
def _(rng):
    return agree(_laplace_E(lambda x: x**2, 0.0, 1.5), 1.5**2)


@oracle("v-laplace-mean-absolute-deviation")
def _(rng):
    return _rows(lambda: (lambda mu, b: (_laplace_E(lambda x: abs(x - mu), mu, b), b))(
        rng.normal(0, 2), rng.uniform(0.3, 3)))


@oracle("v-categorical-mean")
def _(rng):
    def case(n):
        p = rprob(rng, n).ravel()
        return expect_pmf(lambda k: k, lambda k: p[k], range(n)), sum(k * p[k] for k in range(n))
    return all_agree(case(n) for n in SIZES)


@oracle("v-categorical-mean-one-based")
def _(rng):
    p = rprob(rng, 3).ravel()
    return agree(expect_pmf(lambda k: k, lambda k: p[k], range(3)), sum((k + 1) * p[k] for k in range(3)))


@oracle("v-uniform-density-inside")
def _(rng):
    def case():
        a = rng.normal(0, 2)
        b = a + rng.uniform(0.2, 5)
        x = rng.uniform(a, b)
        return uniform_pdf(a, b)(x), 1 / (b - a)
    return _rows(case)
