"""Oracles for vocab-ml-sums.identities.yaml: the sums unrolled at several sizes n and step counts t."""

import math

import numpy as np

from . import oracle
from ._num import SIZES1, agree, all_agree, cases, cases_le, grad, logsumexp, rpos, rprob, rvec, softmax

STEPS = (1, 2, 3, 5, 8)  # values of the integer t


def _z(rng, n):
    return rvec(rng, n).ravel()


@oracle("v-softmax-sums-to-one-as-sum")
def _(rng):
    def case(n):
        z = _z(rng, n)
        return sum(np.exp(zi) / np.exp(z).sum() for zi in z), 1.0
    return cases(case, SIZES1)


@oracle("v-softmax-last-entry")
def _(rng):
    return cases(lambda n: (softmax(z := rvec(rng, n))[n - 1, 0], np.exp(z[n - 1, 0]) / np.exp(z).sum()), SIZES1)


@oracle("v-logsumexp-gradient-as-sum")
def _(rng):
    return cases(lambda n: (grad(logsumexp, z := rvec(rng, n)), softmax(z)), SIZES1)


@oracle("v-logsumexp-gradient-as-sum-unnormalised")
def _(rng):
    return cases(lambda n: (grad(logsumexp, z := rvec(rng, n)), np.exp(z)), SIZES1)


@oracle("v-logsumexp-above-mean-plus-log-n")
def _(rng):
    return cases_le(lambda n: ((z := _z(rng, n)).mean() + math.log(n), logsumexp(z)), SIZES1, repeat=3)


@oracle("v-logsumexp-below-mean-plus-log-n")
def _(rng):
    z = np.array([0.0, 3.0])  # lse 3.049 > mean + log 2 = 2.193
    return cases_le(lambda: (logsumexp(z), z.mean() + math.log(2)), [()], repeat=1)


def _cross_entropy_gradient(rng, target, sizes):
    def case(n):
        z, y = rvec(rng, n), target(n)
        return grad(lambda z: -(y.T @ np.log(softmax(z))), z), softmax(z) - y
    return cases(case, sizes)


@oracle("v-cross-entropy-gradient-over-classes")
def _(rng):
    return _cross_entropy_gradient(rng, lambda n: rprob(rng, n), SIZES1)


@oracle("v-cross-entropy-gradient-over-classes-unnormalised")
def _(rng):
    return _cross_entropy_gradient(rng, lambda n: rpos(rng, n, 1), (2, 3))


@oracle("v-cross-entropy-nonnegative")
def _(rng):
    return cases_le(lambda n: (0.0, -(rprob(rng, n).T @ np.log(softmax(rvec(rng, n))))), SIZES1, repeat=3)


def _gibbs(rng, n):
    p, q = rprob(rng, n).ravel(), rprob(rng, n).ravel()
    return float(np.sum(p * np.log(p / q)))


@oracle("v-gibbs-inequality")
def _(rng):
    return cases_le(lambda n: (0.0, _gibbs(rng, n)), SIZES1, repeat=3)


@oracle("v-gibbs-inequality-reversed")
def _(rng):
    return cases_le(lambda n: (_gibbs(rng, n), 0.0), (2, 3), repeat=2)


def _adam_rows(rng, case):
    return all_agree(case(b, g, t) for t in STEPS for b, g in [(rng.uniform(0, 0.999), rng.normal(0, 2))])


@oracle("v-adam-first-moment-t-steps")
def _(rng):
    return _adam_rows(rng, lambda b, g, t: (sum((1 - b) * b ** (t - k) * g for k in range(1, t + 1)), (1 - b**t) * g))


@oracle("v-adam-first-moment-t-steps-off-by-one")
def _(rng):
    return agree(sum((1 - 0.9) * 0.9 ** (2 - k) * 1.0 for k in (1, 2)), (1 - 0.9 ** (2 - 1)) * 1.0)


@oracle("v-adam-second-moment-corrected-t-steps")
def _(rng):
    return _adam_rows(rng, lambda b, g, t: (sum((1 - b) * b ** (t - k) * g**2 for k in range(1, t + 1)) / (1 - b**t),
                                            g**2))


@oracle("v-geometric-series")
def _(rng):
    return _adam_rows(rng, lambda b, g, t: (sum(b**k for k in range(t)), (1 - b**t) / (1 - b)))


@oracle("v-arithmetic-series")
def _(rng):
    return all_agree((sum(range(1, t + 1)), t * (t + 1) / 2) for t in STEPS)


@oracle("v-arithmetic-series-off-by-one")
def _(rng):
    return all_agree((sum(range(1, t + 1)), t * (t - 1) / 2) for t in STEPS)


@oracle("v-sum-of-squares")
def _(rng):
    return all_agree((sum(k * k for k in range(1, t + 1)), t * (t + 1) * (2 * t + 1) / 6) for t in STEPS)


@oracle("v-sum-as-inner-product-with-ones")
def _(rng):
    return cases(lambda n: ((x := rvec(rng, n)).sum(), np.ones((n, 1)).T @ x), SIZES1)


def _deviation_rows(rng, rhs, sizes):
    def case(n):
        x = _z(rng, n)
        return float(np.sum((x - x.sum() / n) ** 2)), rhs(x, n)
    return cases(case, sizes)


@oracle("v-sum-of-squared-deviations")
def _(rng):
    return _deviation_rows(rng, lambda x, n: float(np.sum(x**2) - x.sum() ** 2 / n), SIZES1)


@oracle("v-sum-of-squared-deviations-without-n")
def _(rng):
    return _deviation_rows(rng, lambda x, n: float(np.sum(x**2) - x.sum() ** 2), (2, 3, 5))


@oracle("v-cauchy-schwarz-sums")
def _(rng):
    def case(n):
        a, b = _z(rng, n), _z(rng, n)
        return float(a @ b) ** 2, float(a @ a) * float(b @ b)
    return cases_le(case, SIZES1, repeat=3)


@oracle("v-binomial-probabilities-sum-to-one")
def _(rng):
    return all_agree((sum(math.comb(t, k) * p**k * (1 - p) ** (t - k) for k in range(t + 1)), 1.0)
                     for t in STEPS for p in [rng.uniform(0, 1)])


@oracle("v-squared-deviations-derivative-in-the-centre")
def _(rng):
    def case(n):
        x, m = _z(rng, n), rng.normal(0, 2)
        h = 1e-5
        f = lambda m: float(np.sum((x - m) ** 2))  # noqa: E731
        return (f(m + h) - f(m - h)) / (2 * h), 2 * n * m - 2 * x.sum()
    return cases(case, SIZES1)


@oracle("v-product-is-factorial")
def _(rng):
    return all_agree((math.prod(range(1, t + 1)), math.factorial(t)) for t in STEPS)


@oracle("v-telescoping-product")
def _(rng):
    return all_agree((math.prod(1 - 1 / k**2 for k in range(2, t + 1)), (t + 1) / (2 * t)) for t in (2, 3, 5, 8))


@oracle("v-telescoping-product-wrong")
def _(rng):
    return all_agree((math.prod(1 - 1 / k**2 for k in range(2, t + 1)), (t - 1) / (2 * t)) for t in (2, 3, 5, 8))
