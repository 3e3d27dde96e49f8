"""Oracles for ml-activations-and-losses.identities.yaml."""

import numpy as np

from . import oracle
from ._num import (
    SIZES1,
    SIZES2,
    agree,
    all_agree,
    cases,
    cases_le,
    dt,
    eye,
    grad,
    inv,
    jac,
    logsumexp,
    relu,
    rgen,
    rpos,
    rprob,
    rvec,
    sigmoid,
    softmax,
)

SCALARS = 8  # scalar points per identity


def _scalar_rows(rng, case, lo=-4.0, hi=4.0):
    return all_agree(case(x) for x in rng.uniform(lo, hi, SCALARS))


def _ones(n):
    return np.ones((n, 1))


def _softplus(x):
    return np.log1p(np.exp(x))


@oracle("ml-sigmoid-exp-ratio")
def _(rng):
    return _scalar_rows(rng, lambda x: (sigmoid(x), np.exp(x) / (np.exp(x) + 1)))


@oracle("ml-sigmoid-derivative")
def _(rng):
    return _scalar_rows(rng, lambda x: (dt(sigmoid, x), sigmoid(x) * (1 - sigmoid(x))))


@oracle("ml-sigmoid-derivative-tanh-form")
def _(rng):
    return _scalar_rows(rng, lambda x: (dt(sigmoid, x), 1 - sigmoid(x) ** 2))


@oracle("ml-sigmoid-complement")
def _(rng):
    return _scalar_rows(rng, lambda x: (1 - sigmoid(x), sigmoid(-x)))


@oracle("ml-sigmoid-taken-as-odd")
def _(rng):
    return _scalar_rows(rng, lambda x: (sigmoid(-x), -sigmoid(x)))


@oracle("ml-log-sigmoid")
def _(rng):
    return _scalar_rows(rng, lambda x: (np.log(sigmoid(x)), -_softplus(-x)))


@oracle("ml-log-sigmoid-sign")
def _(rng):
    return _scalar_rows(rng, lambda x: (np.log(sigmoid(x)), -_softplus(x)))


@oracle("ml-softplus-derivative")
def _(rng):
    return _scalar_rows(rng, lambda x: (dt(_softplus, x), sigmoid(x)))


@oracle("ml-logit-inverts-sigmoid")
def _(rng):
    return _scalar_rows(rng, lambda y: (sigmoid(np.log(y / (1 - y))), y), 0.01, 0.99)


@oracle("ml-softplus-inverse")
def _(rng):
    return _scalar_rows(rng, lambda y: (_softplus(np.log(np.expm1(y))), y), 0.05, 5.0)


@oracle("ml-softplus-difference")
def _(rng):
    return _scalar_rows(rng, lambda x: (_softplus(x) - _softplus(-x), x))


@oracle("ml-softplus-difference-absolute")
def _(rng):
    return _scalar_rows(rng, lambda x: (_softplus(x) - _softplus(-x), abs(x)), -4.0, -0.5)


@oracle("ml-tanh-via-sigmoid")
def _(rng):
    return _scalar_rows(rng, lambda a: (np.tanh(a), 2 * sigmoid(2 * a) - 1))


@oracle("ml-tanh-via-sigmoid-scale-dropped")
def _(rng):
    return _scalar_rows(rng, lambda a: (np.tanh(a), 2 * sigmoid(a) - 1), 0.5, 4.0)


@oracle("ml-tanh-derivative")
def _(rng):
    return _scalar_rows(rng, lambda a: (dt(np.tanh, a), 1 - np.tanh(a) ** 2))


@oracle("ml-tanh-derivative-unsquared")
def _(rng):
    return _scalar_rows(rng, lambda a: (dt(np.tanh, a), 1 - np.tanh(a)), 0.3, 2.0)


@oracle("ml-tanh-exp-form")
def _(rng):
    return _scalar_rows(rng, lambda a: (np.tanh(a), (np.exp(a) - np.exp(-a)) / (np.exp(a) + np.exp(-a))))


@oracle("ml-relu-difference")
def _(rng):
    return _scalar_rows(rng, lambda a: (relu(a) - relu(-a), a))


@oracle("ml-relu-sum-is-abs")
def _(rng):
    return _scalar_rows(rng, lambda a: (relu(a) + relu(-a), abs(a)))


@oracle("ml-relu-as-abs")
def _(rng):
    return agree(relu(-1.0), abs(-1.0))


@oracle("ml-two-class-softmax")
def _(rng):
    return all_agree((np.exp(a) / (np.exp(a) + np.exp(b)), sigmoid(a - b)) for a, b in rng.normal(0, 2, (SCALARS, 2)))


@oracle("ml-two-class-softmax-sum")
def _(rng):
    return all_agree((np.exp(a) / (np.exp(a) + np.exp(b)), sigmoid(a + b)) for a, b in rng.normal(0, 2, (SCALARS, 2)))


@oracle("ml-log-odds-of-sigmoid")
def _(rng):
    return _scalar_rows(rng, lambda a: (np.log(sigmoid(a) / (1 - sigmoid(a))), a))


@oracle("ml-softmax-shift-invariant")
def _(rng):
    return cases(lambda n: (softmax((x := rvec(rng, n)) + rng.normal(0, 3) * _ones(n)), softmax(x)), SIZES1)


@oracle("ml-softmax-scale-invariant")
def _(rng):
    return cases(lambda n: (softmax(2.5 * (x := rvec(rng, n))), softmax(x)), (2, 3, 5))


@oracle("ml-softmax-sums-to-one")
def _(rng):
    return cases(lambda n: (_ones(n).T @ softmax(rvec(rng, n)), 1.0), SIZES1)


def _softmax_jacobian_cases(rng, rhs, sizes=SIZES1):
    def case(n):
        x = rvec(rng, n)
        return jac(softmax, x), rhs(softmax(x), n)
    return cases(case, sizes)


@oracle("ml-softmax-jacobian")
def _(rng):
    return _softmax_jacobian_cases(rng, lambda s, n: np.diagflat(s) - s @ s.T)


@oracle("ml-softmax-jacobian-diagonal-only")
def _(rng):
    return _softmax_jacobian_cases(rng, lambda s, n: np.diagflat(s), (2, 3, 5))


@oracle("ml-softmax-jacobian-asymmetric")
def _(rng):
    return _softmax_jacobian_cases(rng, lambda s, n: s @ (_ones(n) - s).T, (2, 3, 5))


@oracle("ml-logsumexp-gradient")
def _(rng):
    return cases(lambda n: (grad(logsumexp, x := rvec(rng, n)), softmax(x)), SIZES1)


@oracle("ml-logsumexp-gradient-unnormalised")
def _(rng):
    return cases(lambda n: (grad(logsumexp, x := rvec(rng, n)), np.exp(x)), SIZES1)


@oracle("ml-logsumexp-shift")
def _(rng):
    def case(n):
        x, c = rvec(rng, n), rng.normal(0, 3)
        return logsumexp(x - c * _ones(n)) + c, logsumexp(x)
    return cases(case, SIZES1)


@oracle("ml-logsumexp-shift-sign")
def _(rng):
    def case(n):
        x, c = rvec(rng, n), rng.uniform(1, 3)
        return logsumexp(x - c * _ones(n)) - c, logsumexp(x)
    return cases(case, SIZES1)


@oracle("ml-logsumexp-above-an-entry")
def _(rng):
    return cases_le(lambda n: ((x := rvec(rng, n))[0, 0], logsumexp(x)), SIZES1, repeat=3)


@oracle("ml-log-softmax")
def _(rng):
    return cases(lambda n: (np.log(softmax(x := rvec(rng, n))), x - logsumexp(x) * _ones(n)), SIZES1)


def _cross_entropy_cases(rng, target, sizes):
    def case(n):
        x, y = rvec(rng, n), target(n)
        return grad(lambda x: -y.T @ np.log(softmax(x)), x), softmax(x) - y
    return cases(case, sizes)


@oracle("ml-cross-entropy-softmax-gradient")
def _(rng):
    return _cross_entropy_cases(rng, lambda n: rprob(rng, n), SIZES1)


@oracle("ml-cross-entropy-softmax-gradient-target-unnormalised")
def _(rng):
    return _cross_entropy_cases(rng, lambda n: rpos(rng, n, 1), (2, 3, 4))


def _logistic_loss(t):
    return lambda a: -(t * np.log(sigmoid(a)) + (1 - t) * np.log(1 - sigmoid(a)))


@oracle("ml-binary-cross-entropy-gradient")
def _(rng):
    points = rng.uniform((-4.0, 0.0), (4.0, 1.0), (6, 2))  # (logit a, target t)
    return all_agree((dt(_logistic_loss(t), a), sigmoid(a) - t) for a, t in points)


@oracle("ml-binary-cross-entropy-gradient-sign")
def _(rng):
    return all_agree((dt(_logistic_loss(0.0), a), 0.0 - sigmoid(a)) for a in (0.5, 1.0))


def _logistic_weight_cases(rng, rhs):
    def case(n):
        w, x, t = rvec(rng, n), rvec(rng, n), rng.uniform(0, 1)
        return grad(lambda w: _logistic_loss(t)((w.T @ x).item()), w), rhs(w, x, t)
    return cases(case, SIZES1)


@oracle("ml-logistic-regression-gradient")
def _(rng):
    return _logistic_weight_cases(rng, lambda w, x, t: (sigmoid((w.T @ x).item()) - t) * x)


@oracle("ml-logistic-regression-gradient-weights-for-input")
def _(rng):
    return _logistic_weight_cases(rng, lambda w, x, t: (sigmoid((w.T @ x).item()) - t) * w)


def _least_squares(rng, n, m):
    return rgen(rng, n, m), rvec(rng, m), rvec(rng, n)


@oracle("ml-least-squares-gradient")
def _(rng):
    def case(n, m):
        X, w, y = _least_squares(rng, n, m)
        return grad(lambda w: (y - X @ w).T @ (y - X @ w), w), -2 * X.T @ (y - X @ w)
    return cases(case, SIZES2)


@oracle("ml-least-squares-gradient-sign")
def _(rng):
    def case(n, m):
        X, w, y = _least_squares(rng, n, m)
        return grad(lambda w: (y - X @ w).T @ (y - X @ w), w), 2 * X.T @ (y - X @ w)
    return cases(case, SIZES2)


@oracle("ml-ridge-gradient")
def _(rng):
    def case(n, m):
        X, w, y = _least_squares(rng, n, m)
        lam = rpos(rng)
        lhs = grad(lambda w: (y - X @ w).T @ (y - X @ w) + lam * w.T @ w, w)
        return lhs, 2 * X.T @ X @ w - 2 * X.T @ y + 2 * lam * w
    return cases(case, SIZES2)


@oracle("ml-ridge-stationarity")
def _(rng):
    def case(n, m):
        X, _, y = _least_squares(rng, n, m)
        lam = rpos(rng)
        w = inv(X.T @ X + lam * eye(m)) @ X.T @ y
        return X.T @ (y - X @ w), lam * w
    return cases(case, SIZES2)


@oracle("ml-weight-decay-gradient")
def _(rng):
    def case(n):
        w, lam = rvec(rng, n), rng.normal(0, 2)
        return grad(lambda w: lam / 2 * w.T @ w, w), lam * w
    return cases(case, SIZES1)


@oracle("ml-weight-decay-gradient-factor")
def _(rng):
    return cases(lambda n: (grad(lambda w: 0.8 / 2 * w.T @ w, w := rvec(rng, n)), 2 * 0.8 * w), SIZES1)


@oracle("ml-centered-batch-sums-to-zero")
def _(rng):
    return cases(lambda n: (_ones(n).T @ ((x := rvec(rng, n)) - _ones(n) * (_ones(n).T @ x) / n), 0.0), SIZES1)

