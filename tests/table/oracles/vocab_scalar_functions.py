"""Oracles for vocab-scalar-functions.identities.yaml (scipy.special for erf and the gamma functions)."""

import math

import numpy as np
from scipy import special

from . import oracle
from ._num import agree, all_agree, all_le, cases, dt, grad, jac, le, lt, relu, rgen, rvec, sigmoid

POINTS = 10
K = (1, 2, 3, 4)


def _rows(points, case):
    return all_agree(case(*np.atleast_1d(p)) for p in points)


def _real(rng, k=1, lo=-5.0, hi=5.0):
    return rng.uniform(lo, hi, (POINTS, k))


def _softplus(a):
    return np.log1p(np.exp(a))


def _heaviside(a):
    return np.heaviside(a, 0.5)


@oracle("v-pythagorean-identity")
def _(rng):
    return _rows(_real(rng), lambda a: (np.sin(a) ** 2 + np.cos(a) ** 2, 1.0))


@oracle("v-double-angle-sine")
def _(rng):
    return _rows(_real(rng), lambda a: (np.sin(2 * a), 2 * np.sin(a) * np.cos(a)))


@oracle("v-double-angle-cosine")
def _(rng):
    return _rows(_real(rng), lambda a: (np.cos(2 * a), 1 - 2 * np.sin(a) ** 2))


@oracle("v-double-angle-cosine-factor")
def _(rng):
    return agree(np.cos(2 * 1.0), 1 - np.sin(1.0) ** 2)


@oracle("v-sine-addition")
def _(rng):
    return _rows(_real(rng, 2), lambda a, b: (np.sin(a + b), np.sin(a) * np.cos(b) + np.cos(a) * np.sin(b)))


@oracle("v-sine-addition-sign")
def _(rng):
    a, b = 1.0, 0.5
    return agree(np.sin(a + b), np.sin(a) * np.cos(b) - np.cos(a) * np.sin(b))


@oracle("v-sine-below-identity")
def _(rng):
    return all_le((abs(np.sin(a)), abs(a)) for a in [*rng.uniform(-8, 8, POINTS), 0.0])


@oracle("v-hyperbolic-pythagorean")
def _(rng):
    return _rows(_real(rng, 1, -3, 3), lambda a: (np.cosh(a) ** 2 - np.sinh(a) ** 2, 1.0))


@oracle("v-atan-derivative")
def _(rng):
    return _rows(_real(rng), lambda a: (dt(np.arctan, a), 1 / (1 + a**2)))


@oracle("v-elementwise-sine-gradient")
def _(rng):
    return cases(lambda k: _sine_gradient(rng, k), K)


def _sine_gradient(rng, k):
    x, y = rvec(rng, k), rvec(rng, k)
    return grad(lambda x: np.sin(x).T @ y, x), np.diagflat(np.cos(x)) @ y


@oracle("v-elementwise-tan-jacobian")
def _(rng):
    def case(k):
        x = rng.uniform(-1.2, 1.2, (k, 1))
        return jac(np.tan, x), np.diagflat(np.tan(x) * np.tan(x) + 1)
    return cases(case, K)


def _bilinear_sine(rng, k, rhs):
    a, X, b = rvec(rng, k), rgen(rng, k, k), rvec(rng, k)
    return grad(lambda X: a.T @ np.sin(X) @ b, X), rhs(a, X, b)


@oracle("v-sine-of-matrix-bilinear")
def _(rng):
    return cases(lambda k: _bilinear_sine(rng, k, lambda a, X, b: np.diagflat(a) @ np.cos(X) @ np.diagflat(b)), K)


@oracle("v-sine-of-matrix-bilinear-sides-swapped")
def _(rng):
    return cases(lambda k: _bilinear_sine(rng, k, lambda a, X, b: np.diagflat(b) @ np.cos(X) @ np.diagflat(a)),
                 (2, 3))


@oracle("v-sine-of-affine-matrix")
def _(rng):
    def case(k):
        a, A, X, B, b = rvec(rng, k), rgen(rng, k, k), rgen(rng, k, k), rgen(rng, k, k), rvec(rng, k)
        rhs = A.T @ np.diagflat(a) @ np.cos(A @ X @ B) @ np.diagflat(b) @ B.T
        return grad(lambda X: a.T @ np.sin(A @ X @ B) @ b, X), rhs
    return cases(case, K)


@oracle("v-sine-of-bilinear-scalar")
def _(rng):
    def case(k):
        a, X, b = rvec(rng, k), rgen(rng, k, k), rvec(rng, k)
        return grad(lambda X: np.sin(a.T @ X @ b), X), a * np.cos((a.T @ X @ b).item()) @ b.T
    return cases(case, K)


@oracle("v-hadamard-cosine-gradient")
def _(rng):
    def case(k):
        a, A, X, B, b = rvec(rng, k), rgen(rng, k, k), rgen(rng, k, k), rgen(rng, k, k), rvec(rng, k)
        return grad(lambda X: a.T @ A @ np.sin(X) @ B @ b, X), (A.T @ a @ b.T @ B.T) * np.cos(X)
    return cases(case, K)


@oracle("v-quadratic-plus-elementwise-sine")
def _(rng):
    def case(k):
        x, A, y = rvec(rng, k), rgen(rng, k, k), rvec(rng, k)
        return grad(lambda x: x.T @ A @ x + k * np.sin(y).T @ x, x), A.T @ x + A @ x + k * np.sin(y)
    return cases(case, K)


@oracle("v-max-plus-min")
def _(rng):
    return _rows([*_real(rng, 2), (1.0, 1.0)], lambda a, b: (max(a, b) + min(a, b), a + b))


@oracle("v-max-minus-min")
def _(rng):
    return _rows(_real(rng, 2), lambda a, b: (max(a, b) - min(a, b), abs(a - b)))


@oracle("v-max-via-absolute-value")
def _(rng):
    return _rows(_real(rng, 2), lambda a, b: (max(a, b), (a + b + abs(a - b)) / 2))


@oracle("v-max-via-absolute-value-sign")
def _(rng):
    a, b = 1.0, -2.0
    return agree(max(a, b), (a + b + abs(a + b)) / 2)


@oracle("v-relu-is-max")
def _(rng):
    return _rows(_real(rng), lambda a: (relu(a), max(a, 0.0)))


@oracle("v-floor-below")
def _(rng):
    return all_le((math.floor(a), a) for a in [*rng.uniform(-5, 5, POINTS), 2.0, -3.0])


@oracle("v-floor-above")
def _(rng):
    return all(lt(a, math.floor(a) + 1) for a in [*rng.uniform(-5, 5, POINTS), 2.0, -3.0])


@oracle("v-ceiling-minus-floor-at-most-one")
def _(rng):
    return all_le((math.ceil(a) - math.floor(a), 1.0) for a in [*rng.uniform(-5, 5, POINTS), 2.0])


@oracle("v-ceiling-minus-floor-one")
def _(rng):
    return agree(math.ceil(2.0) - math.floor(2.0), 1.0)


@oracle("v-floor-of-negation")
def _(rng):
    return _rows([*_real(rng), (2.0,)], lambda a: (math.floor(-a), -math.ceil(a)))


@oracle("v-sign-times-abs")
def _(rng):
    return _rows([*_real(rng), (0.0,)], lambda a: (np.sign(a) * abs(a), a))


@oracle("v-sign-times-self")
def _(rng):
    return agree(np.sign(-1.0) * -1.0, -1.0)


@oracle("v-heaviside-complement")
def _(rng):
    return _rows([*_real(rng), (0.0,)], lambda a: (_heaviside(a) + _heaviside(-a), 1.0))


def _piecewise_abs(a):
    return a if a >= 0 else -a


@oracle("v-piecewise-absolute-value")
def _(rng):
    return _rows([*_real(rng), (0.0,)], lambda a: (_piecewise_abs(a), abs(a)))


@oracle("v-piecewise-absolute-value-negative-branch-lost")
def _(rng):
    a = -1.0
    return agree(a if a > 0 else 0.0, abs(a))


@oracle("v-piecewise-relu")
def _(rng):
    return _rows(_real(rng), lambda a: (relu(a), a if a > 0 else 0.0))


@oracle("v-huber-below-square")
def _(rng):
    def huber(a):
        return a**2 / 2 if abs(a) <= 1 else abs(a) - 0.5
    return all_le((huber(a), a**2 / 2) for a in [*rng.uniform(-4, 4, POINTS), 1.0, -1.0])


@oracle("v-erf-odd")
def _(rng):
    return _rows(_real(rng, 1, -3, 3), lambda a: (special.erf(-a), -special.erf(a)))


@oracle("v-gamma-recurrence")
def _(rng):
    return _rows(_real(rng, 1, 0.05, 6), lambda a: (special.gamma(a + 1), a * special.gamma(a)))


@oracle("v-gamma-recurrence-shifted")
def _(rng):
    return agree(special.gamma(2.5), 2.5 * special.gamma(1.5))


@oracle("v-factorial-is-gamma")
def _(rng):
    return all_agree((math.factorial(t), special.gamma(t + 1)) for t in range(0, 9))


@oracle("v-loggamma-recurrence")
def _(rng):
    return _rows(_real(rng, 1, 0.05, 6), lambda a: (special.gammaln(a + 1), math.log(a) + special.gammaln(a)))


def _base_pairs(rng):
    pts = rng.uniform(0.1, 6.0, (POINTS, 3))
    return [p for p in pts if abs(p[1] - 1) > 0.05]


@oracle("v-log-change-of-base")
def _(rng):
    return _rows([p[:2] for p in _base_pairs(rng)], lambda a, b: (math.log(a, b), math.log(a) / math.log(b)))


@oracle("v-log-base-product")
def _(rng):
    return _rows(_base_pairs(rng), lambda a, b, c: (math.log(a * c, b), math.log(a, b) + math.log(c, b)))


@oracle("v-softplus-difference")
def _(rng):
    return _rows(_real(rng), lambda a: (_softplus(a) - _softplus(-a), a))


@oracle("v-softplus-derivative")
def _(rng):
    return _rows(_real(rng), lambda a: (dt(_softplus, a), sigmoid(a)))


@oracle("v-softplus-above-relu")
def _(rng):
    return all_le((relu(a), _softplus(a)) for a in rng.uniform(-6, 6, POINTS))


def _cpow(a, b):
    """Principal power a**b = exp(b log a), as SymPy reads it."""
    return np.power(complex(a), b)


@oracle("v-power-add-exponents")
def _(rng):
    pts = np.column_stack([rng.uniform(0.1, 4, POINTS), rng.uniform(-3, 3, (POINTS, 2))])
    return _rows(pts, lambda a, b, c: (a ** (b + c), a**b * a**c))


@oracle("v-power-of-product-positive")
def _(rng):
    pts = np.column_stack([rng.uniform(0.1, 4, (POINTS, 2)), rng.uniform(-3, 3, POINTS)])
    return _rows(pts, lambda a, b, c: ((a * b) ** c, a**c * b**c))


@oracle("v-power-of-product-nonzero")
def _(rng):
    a, b, c = -1.0, -1.0, 0.5
    return agree(_cpow(a * b, c), _cpow(a, c) * _cpow(b, c))  # 1 against i*i = -1


@oracle("v-power-of-power-positive")
def _(rng):
    pts = np.column_stack([rng.uniform(0.1, 4, POINTS), rng.uniform(-2, 2, (POINTS, 2))])
    return _rows(pts, lambda a, b, c: ((a**b) ** c, a ** (b * c)))


@oracle("v-power-of-power-nonzero")
def _(rng):
    a, b, c = -1.0, 2.0, 0.5
    return agree(_cpow(_cpow(a, b), c), _cpow(a, b * c))  # 1 against -1


@oracle("v-young-inequality")
def _(rng):
    pts = np.column_stack([rng.uniform(0, 4, (POINTS, 2)), rng.uniform(1.05, 5, POINTS)])
    return all_le((a * b, a**p / p + b ** (p / (p - 1)) * (p - 1) / p) for a, b, p in pts)


@oracle("v-bernoulli-real-exponent")
def _(rng):
    pts = np.column_stack([rng.uniform(-1, 4, POINTS), rng.uniform(1, 5, POINTS)])
    return all_le((1 + r * x, (1 + x) ** r) for x, r in pts)


@oracle("v-bernoulli-small-exponent")
def _(rng):
    x, r = 1.0, 0.5  # sqrt 2 = 1.414 < 1.5
    return le(1 + r * x, (1 + x) ** r)


# concrete functions standing in for the declared u(t), w(t): the rules must hold for each
FUNCTIONS = (np.sin, lambda t: t**3 - 2 * t, lambda t: np.exp(-(t**2)), np.arctan)


@oracle("v-chain-rule-declared-function")
def _(rng):
    def case(u, t):
        return dt(lambda t: np.exp(u(t)), t), np.exp(u(t)) * dt(u, t)
    return all_agree(case(u, t) for u in FUNCTIONS for t in rng.uniform(-2, 2, 3))


@oracle("v-product-rule-declared-functions")
def _(rng):
    def case(u, w, t):
        return dt(lambda t: u(t) * w(t), t), dt(u, t) * w(t) + u(t) * dt(w, t)
    return all_agree(case(u, w, t) for u in FUNCTIONS for w in FUNCTIONS for t in rng.uniform(-2, 2, 2))


@oracle("v-product-rule-as-product-of-derivatives")
def _(rng):
    u, w, t = np.sin, (lambda t: t**3 - 2 * t), 0.7
    return agree(dt(lambda t: u(t) * w(t), t), dt(u, t) * dt(w, t))
