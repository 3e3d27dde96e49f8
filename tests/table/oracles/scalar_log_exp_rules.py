"""Oracles for scalar-log-exp-rules.identities.yaml (principal branches: ``clog``, ``csqrt``)."""

import numpy as np

from . import oracle
from ._num import agree, all_agree, all_le, clog, csqrt, lt

POINTS = 10


def _pos(rng, k=1):
    return rng.uniform(0.05, 6.0, (POINTS, k))


def _real(rng, k=1):
    return rng.uniform(-6.0, 6.0, (POINTS, k))


def _rows(points, case):
    return all_agree(case(*p) for p in points)


@oracle("sc-log-product-positive")
def _(rng):
    return _rows(_pos(rng, 2), lambda a, b: (clog(a * b), clog(a) + clog(b)))


@oracle("sc-log-product-nonzero")
def _(rng):
    return agree(clog(-1.0 * -1.0), clog(-1.0) + clog(-1.0))  # 0 against 2*i*pi


@oracle("sc-log-square-positive")
def _(rng):
    return _rows(_pos(rng), lambda a: (clog(a**2), 2 * clog(a)))


@oracle("sc-log-square-nonzero")
def _(rng):
    return agree(clog((-1.0) ** 2), 2 * clog(-1.0))


@oracle("sc-log-square-abs")
def _(rng):
    return _rows(_real(rng), lambda a: (clog(a**2), 2 * clog(abs(a))))


@oracle("sc-log-cube-nonzero")
def _(rng):
    return agree(clog((-1.0) ** 3), 3 * clog(-1.0))


@oracle("sc-log-quotient-positive")
def _(rng):
    return _rows(_pos(rng, 2), lambda a, b: (clog(a / b), clog(a) - clog(b)))


@oracle("sc-log-quotient-nonzero")
def _(rng):
    return agree(clog(1.0 / -1.0), clog(1.0) - clog(-1.0))


@oracle("sc-log-reciprocal-positive")
def _(rng):
    return _rows(_pos(rng), lambda a: (clog(1 / a), -clog(a)))


@oracle("sc-log-reciprocal-nonzero")
def _(rng):
    return agree(clog(1 / -1.0), -clog(-1.0))


@oracle("sc-log-of-sum")
def _(rng):
    return agree(clog(1.0 + 1.0), clog(1.0) + clog(1.0))


@oracle("sc-log-of-sqrt")
def _(rng):
    return _rows(_pos(rng), lambda a: (clog(csqrt(a)), clog(a) / 2))


@oracle("sc-exp-log-inverse-positive")
def _(rng):
    return _rows(_pos(rng), lambda a: (np.exp(clog(a)), a))


@oracle("sc-exp-log-inverse-nonzero")
def _(rng):
    return _rows(_real(rng), lambda a: (np.exp(clog(a)), a))


@oracle("sc-log-exp-inverse")
def _(rng):
    return _rows(_real(rng), lambda a: (clog(np.exp(a)), a))


@oracle("sc-exp-of-sum")
def _(rng):
    return _rows(_real(rng, 2), lambda a, b: (np.exp(a + b), np.exp(a) * np.exp(b)))


@oracle("sc-exp-of-product")
def _(rng):
    return agree(np.exp(1.0 * 1.0), np.exp(1.0) * np.exp(1.0))


@oracle("sc-exp-cube")
def _(rng):
    return _rows(_real(rng), lambda a: (np.exp(a) ** 3, np.exp(3 * a)))


@oracle("sc-exp-positive")
def _(rng):
    return all_le((0.0, np.exp(a)) for a in rng.uniform(-20, 20, POINTS))


@oracle("sc-log-monotone")
def _(rng):
    pts = np.sort(rng.uniform(0.05, 6.0, (POINTS, 2)), axis=1)
    return all(lt(np.log(a), np.log(b)) for a, b in pts)


@oracle("sc-sqrt-product-nonnegative")
def _(rng):
    return _rows(_pos(rng, 2), lambda a, b: (csqrt(a * b), csqrt(a) * csqrt(b)))


@oracle("sc-sqrt-product-real")
def _(rng):
    return agree(csqrt(-1.0 * -1.0), csqrt(-1.0) * csqrt(-1.0))  # 1 against i*i = -1


@oracle("sc-sqrt-of-square-real")
def _(rng):
    return agree(csqrt((-2.0) ** 2), -2.0)


@oracle("sc-sqrt-of-square-abs")
def _(rng):
    return _rows(_real(rng), lambda a: (csqrt(a**2), abs(a)))


@oracle("sc-square-of-sqrt")
def _(rng):
    return _rows(_pos(rng), lambda a: (csqrt(a) ** 2, a))


@oracle("sc-abs-of-nonnegative")
def _(rng):
    return _rows([*_pos(rng), (0.0,)], lambda a: (abs(a), a))


@oracle("sc-abs-without-domain")
def _(rng):
    return agree(abs(-1.0), -1.0)


@oracle("sc-difference-of-squares")
def _(rng):
    return _rows(_real(rng, 2), lambda a, b: ((a - b) * (a + b), a**2 - b**2))


@oracle("sc-square-of-difference")
def _(rng):
    return agree((1.0 - 2.0) ** 2, 1.0**2 - 2.0**2)


@oracle("sc-binomial-cube")
def _(rng):
    return _rows(_real(rng, 2), lambda a, b: ((a + b) ** 3, a**3 + 3 * a**2 * b + 3 * a * b**2 + b**3))


