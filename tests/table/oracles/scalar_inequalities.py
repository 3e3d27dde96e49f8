"""Oracles for scalar-inequalities.identities.yaml (random points inside the declarations, and an
explicit counterexample for each false row)."""

import numpy as np

from . import oracle
from ._num import SIZES1, agree, all_agree, all_le, cases_le, csqrt, le, lt, rvec, sigmoid

POINTS = 12


def _pairs(rng, lo, hi):
    return rng.uniform(lo, hi, (POINTS, 2))


def _norm(u):
    return csqrt(u.T @ u)


@oracle("sc-am-gm-two")
def _(rng):
    pts = [*_pairs(rng, 0.0, 4.0), (0.0, 3.0), (2.0, 2.0)]
    return all_le((np.sqrt(a * b), (a + b) / 2) for a, b in pts)


@oracle("sc-am-gm-two-any-sign")
def _(rng):
    return le(np.sqrt((-1.0) * (-1.0)), (-1.0 + -1.0) / 2)


@oracle("sc-am-gm-strict")
def _(rng):
    return lt(np.sqrt(2.0 * 2.0), (2.0 + 2.0) / 2)  # a = b = 2: 2 < 2 is false


@oracle("sc-am-gm-three")
def _(rng):
    return all_le((np.cbrt(a * b * c), (a + b + c) / 3) for a, b, c in rng.uniform(0, 4, (POINTS, 3)))


@oracle("sc-weighted-am-gm")
def _(rng):
    return all_le((np.cbrt(a) * np.cbrt(b) ** 2, a / 3 + 2 * b / 3) for a, b in _pairs(rng, 0, 4))


@oracle("sc-gm-above-hm")
def _(rng):
    return all_le((2 / (1 / a + 1 / b), np.sqrt(a * b)) for a, b in _pairs(rng, 0.1, 4))


@oracle("sc-gm-below-hm")
def _(rng):
    a, b = 1.0, 4.0  # HM 1.6, GM 2
    return le(np.sqrt(a * b), 2 / (1 / a + 1 / b))


@oracle("sc-am-below-qm")
def _(rng):
    return all_le(((a + b) / 2, np.sqrt((a**2 + b**2) / 2)) for a, b in _pairs(rng, -4, 4))


@oracle("sc-power-mean-cubes")
def _(rng):
    return all_le((((a + b) / 2) ** 3, (a**3 + b**3) / 2) for a, b in _pairs(rng, 0, 4))


@oracle("sc-power-mean-cubes-any-sign")
def _(rng):
    a, b = -2.0, 0.0
    return le(((a + b) / 2) ** 3, (a**3 + b**3) / 2)


@oracle("sc-cauchy-schwarz-three-terms")
def _(rng):
    def pair(v):
        a, b = v[:3], v[3:]
        return float(a @ b) ** 2, float(a @ a) * float(b @ b)
    return all_le(pair(v) for v in rng.normal(0, 2, (POINTS, 6)))


@oracle("sc-cauchy-schwarz-vectors")
def _(rng):
    return cases_le(lambda n: (abs((u := rvec(rng, n)).T @ (v := rvec(rng, n))), _norm(u) * _norm(v)), SIZES1, 3)


@oracle("sc-cauchy-schwarz-reversed")
def _(rng):
    u, v = np.array([[1.0], [0.0]]), np.array([[0.0], [1.0]])
    return le((u.T @ u) * (v.T @ v), (u.T @ v) ** 2)


@oracle("sc-triangle-vectors")
def _(rng):
    return cases_le(lambda n: (_norm((u := rvec(rng, n)) + (v := rvec(rng, n))), _norm(u) + _norm(v)), SIZES1, 3)


@oracle("sc-triangle-vectors-squared")
def _(rng):
    u = np.array([[1.0]])
    return le((u + u).T @ (u + u), u.T @ u + u.T @ u)


@oracle("sc-triangle-scalars")
def _(rng):
    return all_le((abs(a + b), abs(a) + abs(b)) for a, b in _pairs(rng, -4, 4))


@oracle("sc-triangle-as-equality")
def _(rng):
    return agree(abs(1.0 + -1.0), abs(1.0) + abs(-1.0))


@oracle("sc-reverse-triangle")
def _(rng):
    return all_le((abs(abs(a) - abs(b)), abs(a - b)) for a, b in _pairs(rng, -4, 4))


@oracle("sc-reverse-triangle-misstated")
def _(rng):
    a, b = 0.0, 1.0  # 1 <= -1 is false
    return le(abs(a - b), abs(a) - abs(b))


@oracle("sc-abs-multiplicative")
def _(rng):
    return all_agree((abs(a * b), abs(a) * abs(b)) for a, b in _pairs(rng, -4, 4))


@oracle("sc-jensen-exp-midpoint")
def _(rng):
    return all_le((np.exp((a + b) / 2), (np.exp(a) + np.exp(b)) / 2) for a, b in _pairs(rng, -4, 4))


@oracle("sc-jensen-log-midpoint")
def _(rng):
    return all_le(((np.log(a) + np.log(b)) / 2, np.log((a + b) / 2)) for a, b in _pairs(rng, 0.1, 5))


@oracle("sc-jensen-log-reversed")
def _(rng):
    a, b = 1.0, 4.0
    return le(np.log((a + b) / 2), (np.log(a) + np.log(b)) / 2)


@oracle("sc-jensen-square-midpoint")
def _(rng):
    return all_le((((a + b) / 2) ** 2, (a**2 + b**2) / 2) for a, b in _pairs(rng, -4, 4))


@oracle("sc-exp-above-tangent")
def _(rng):
    return all_le((1 + x, np.exp(x)) for x in [*rng.uniform(-5, 5, POINTS), 0.0])


@oracle("sc-log-below-tangent")
def _(rng):
    return all_le((np.log(x), x - 1) for x in [*rng.uniform(0.05, 5, POINTS), 1.0])


@oracle("sc-log-above-tangent")
def _(rng):
    return le(2.0 - 1, np.log(2.0))


@oracle("sc-log-lower-bound")
def _(rng):
    return all_le((1 - 1 / x, np.log(x)) for x in [*rng.uniform(0.05, 5, POINTS), 1.0])


@oracle("sc-log1p-below-identity")
def _(rng):
    return all_le((np.log1p(a), a) for a in [*rng.uniform(-0.99, 5, POINTS), 0.0])


@oracle("sc-bernoulli-cubic")
def _(rng):
    return all_le((1 + 3 * x, (1 + x) ** 3) for x in [*rng.uniform(-1, 4, POINTS), -1.0, 0.0])


@oracle("sc-bernoulli-cubic-no-domain")
def _(rng):
    x = -4.0
    return le(1 + 3 * x, (1 + x) ** 3)


@oracle("sc-ratio-sum-positive")
def _(rng):
    return all_le((2.0, a / b + b / a) for a, b in _pairs(rng, 0.1, 5))


@oracle("sc-ratio-sum-nonzero")
def _(rng):
    a, b = 1.0, -1.0
    return le(2.0, a / b + b / a)


@oracle("sc-square-of-sum-above-four-ab")
def _(rng):
    return all_le((4 * a * b, (a + b) ** 2) for a, b in _pairs(rng, -4, 4))


@oracle("sc-rational-bound")
def _(rng):
    return all_le((1 / (1 + a**2), 1.0) for a in rng.uniform(-4, 4, POINTS))


@oracle("sc-tanh-bounded")
def _(rng):
    return all_le((abs(np.tanh(a)), 1.0) for a in rng.uniform(-20, 20, POINTS))


@oracle("sc-tanh-below-identity")
def _(rng):
    return all_le((abs(np.tanh(a)), abs(a)) for a in [*rng.uniform(-4, 4, POINTS), 0.0])


@oracle("sc-tanh-above-identity")
def _(rng):
    return le(abs(1.0), abs(np.tanh(1.0)))


@oracle("sc-sigmoid-below-exp")
def _(rng):
    return all_le((sigmoid(a), np.exp(a)) for a in rng.uniform(-6, 6, POINTS))
