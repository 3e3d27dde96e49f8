"""Oracles for prob-moment-rules.identities.yaml: random finite joint laws of (X, Y, Z), exact sums.

A rule about every distribution must hold for each finite law drawn; a false rule fails for a
generic one (a concrete counterexample: the drawn support and probabilities).
"""

import numpy as np

from . import oracle
from ._num import all_agree, all_le, rpos
from ._prob import X_, Y_, Z_, Law

LAWS = 6  # finite laws tried per identity


def _each(rng, case, *, independent=False):
    """``case(law, a, b)`` -> (lhs, rhs) for LAWS random laws and random constants a, b."""
    for _ in range(LAWS):
        yield case(Law(rng, independent=independent), rng.normal(0, 2), rng.normal(0, 2))


def _eq(rng, case, **kw):
    return all_agree(_each(rng, case, **kw))


def _le(rng, case, **kw):
    return all_le(_each(rng, case, **kw))


@oracle("pm-mean-affine")
def _(rng):
    return _eq(rng, lambda L, a, b: (L.E(lambda X, Y, Z: a * X + b), a * L.E(X_) + b))


@oracle("pm-var-affine")
def _(rng):
    return _eq(rng, lambda L, a, b: (L.Var(lambda X, Y, Z: a * X + b), a**2 * L.Var(X_)))


@oracle("pm-var-affine-linear-in-a")
def _(rng):
    return _eq(rng, lambda L, a, b: (L.Var(lambda X, Y, Z: a * X + b), a * L.Var(X_)))


@oracle("pm-var-affine-keeps-shift")
def _(rng):
    return _eq(rng, lambda L, a, b: (L.Var(lambda X, Y, Z: a * X + b), a**2 * L.Var(X_) + b))


@oracle("pm-var-shortcut")
def _(rng):
    return _eq(rng, lambda L, a, b: (L.Var(X_), L.E(lambda X, Y, Z: X**2) - L.E(X_) ** 2))


@oracle("pm-var-shortcut-mean-unsquared")
def _(rng):
    return _eq(rng, lambda L, a, b: (L.Var(X_), L.E(lambda X, Y, Z: X**2) - L.E(X_)))


@oracle("pm-var-shortcut-reversed")
def _(rng):
    return _eq(rng, lambda L, a, b: (L.Var(X_), L.E(X_) ** 2 - L.E(lambda X, Y, Z: X**2)))


@oracle("pm-cov-shortcut")
def _(rng):
    return _eq(rng, lambda L, a, b: (L.Cov(X_, Y_), L.E(lambda X, Y, Z: X * Y) - L.E(X_) * L.E(Y_)))


@oracle("pm-cov-self")
def _(rng):
    return _eq(rng, lambda L, a, b: (L.Cov(X_, X_), L.Var(X_)))


@oracle("pm-cov-symmetric")
def _(rng):
    return _eq(rng, lambda L, a, b: (L.Cov(X_, Y_), L.Cov(Y_, X_)))


@oracle("pm-cov-affine")
def _(rng):
    return _eq(rng, lambda L, a, b: (L.Cov(lambda X, Y, Z: a * X + b, Y_), a * L.Cov(X_, Y_)))


@oracle("pm-cov-affine-keeps-shift")
def _(rng):
    return _eq(rng, lambda L, a, b: (L.Cov(lambda X, Y, Z: a * X + b, Y_), a * L.Cov(X_, Y_) + b))


@oracle("pm-cov-bilinear")
def _(rng):
    return _eq(rng, lambda L, a, b: (L.Cov(lambda X, Y, Z: X + Y, Z_), L.Cov(X_, Z_) + L.Cov(Y_, Z_)))


@oracle("pm-var-sum")
def _(rng):
    return _eq(rng, lambda L, a, b: (L.Var(lambda X, Y, Z: X + Y), L.Var(X_) + L.Var(Y_) + 2 * L.Cov(X_, Y_)))


@oracle("pm-var-sum-without-covariance")
def _(rng):
    return _eq(rng, lambda L, a, b: (L.Var(lambda X, Y, Z: X + Y), L.Var(X_) + L.Var(Y_)))


@oracle("pm-var-sum-independent")
def _(rng):
    return _eq(rng, lambda L, a, b: (L.Var(lambda X, Y, Z: X + Y), L.Var(X_) + L.Var(Y_)), independent=True)


@oracle("pm-var-difference")
def _(rng):
    return _eq(rng, lambda L, a, b: (L.Var(lambda X, Y, Z: X - Y), L.Var(X_) + L.Var(Y_) - 2 * L.Cov(X_, Y_)))


@oracle("pm-var-difference-subtracts")
def _(rng):
    return _eq(rng, lambda L, a, b: (L.Var(lambda X, Y, Z: X - Y), L.Var(X_) - L.Var(Y_)), independent=True)


@oracle("pm-var-linear-combination")
def _(rng):
    def case(L, a, b):
        rhs = a**2 * L.Var(X_) + b**2 * L.Var(Y_) + 2 * a * b * L.Cov(X_, Y_)
        return L.Var(lambda X, Y, Z: a * X + b * Y), rhs
    return _eq(rng, case)


@oracle("pm-var-three-independent")
def _(rng):
    def case(L, a, b):
        return L.Var(lambda X, Y, Z: X + Y + Z), L.Var(X_) + L.Var(Y_) + L.Var(Z_)
    return _eq(rng, case, independent=True)


@oracle("pm-mean-product-dependent")
def _(rng):
    return _eq(rng, lambda L, a, b: (L.E(lambda X, Y, Z: X * Y), L.E(X_) * L.E(Y_)))


@oracle("pm-mean-product-independent")
def _(rng):
    return _eq(rng, lambda L, a, b: (L.E(lambda X, Y, Z: X * Y), L.E(X_) * L.E(Y_)), independent=True)


@oracle("pm-var-product-independent")
def _(rng):
    def case(L, a, b):
        rhs = L.Var(X_) * L.Var(Y_) + L.Var(X_) * L.E(Y_) ** 2 + L.Var(Y_) * L.E(X_) ** 2
        return L.Var(lambda X, Y, Z: X * Y), rhs
    return _eq(rng, case, independent=True)


@oracle("pm-var-product-independent-naive")
def _(rng):
    return _eq(rng, lambda L, a, b: (L.Var(lambda X, Y, Z: X * Y), L.Var(X_) * L.Var(Y_)), independent=True)


@oracle("pm-var-nonnegative")
def _(rng):
    return _le(rng, lambda L, a, b: (0.0, L.Var(X_)))


@oracle("pm-second-moment-above-squared-mean")
def _(rng):
    return _le(rng, lambda L, a, b: (L.E(X_) ** 2, L.E(lambda X, Y, Z: X**2)))


@oracle("pm-second-moment-below-squared-mean")
def _(rng):
    return _le(rng, lambda L, a, b: (L.E(lambda X, Y, Z: X**2), L.E(X_) ** 2))


@oracle("pm-square-commutes-with-mean")
def _(rng):
    return _eq(rng, lambda L, a, b: (L.E(lambda X, Y, Z: X**2), L.E(X_) ** 2))


@oracle("pm-abs-jensen")
def _(rng):
    return _le(rng, lambda L, a, b: (abs(L.E(X_)), L.E(lambda X, Y, Z: np.abs(X))))


@oracle("pm-exp-jensen")
def _(rng):
    return _le(rng, lambda L, a, b: (np.exp(L.E(X_)), L.E(lambda X, Y, Z: np.exp(X))))


@oracle("pm-exp-commutes-with-mean")
def _(rng):
    return _eq(rng, lambda L, a, b: (L.E(lambda X, Y, Z: np.exp(X)), np.exp(L.E(X_))))


@oracle("pm-covariance-inequality")
def _(rng):
    return _le(rng, lambda L, a, b: (L.Cov(X_, Y_) ** 2, L.Var(X_) * L.Var(Y_)))


@oracle("pm-third-central-moment")
def _(rng):
    def case(L, a, b):
        m = L.E(X_)
        rhs = L.E(lambda X, Y, Z: X**3) - 3 * m * L.E(lambda X, Y, Z: X**2) + 2 * m**3
        return L.E(lambda X, Y, Z: (X - m) ** 3), rhs
    return _eq(rng, case)


@oracle("pm-mean-squared-error")
def _(rng):
    return _eq(rng, lambda L, a, b: (L.E(lambda X, Y, Z: (X - a) ** 2), L.Var(X_) + (L.E(X_) - a) ** 2))


@oracle("pm-mean-squared-error-without-bias")
def _(rng):
    return _eq(rng, lambda L, a, b: (L.E(lambda X, Y, Z: (X - a) ** 2), L.Var(X_)))


@oracle("pm-var-sum-bound")
def _(rng):
    return _le(rng, lambda L, a, b: (L.Var(lambda X, Y, Z: X + Y), 2 * L.Var(X_) + 2 * L.Var(Y_)))


@oracle("pm-lemma-young-squares")
def _(rng):
    return _le(rng, lambda L, a, b: (a * b, a**2 / 2 + b**2 / 2))


@oracle("pm-lemma-square-of-sum")
def _(rng):
    return _le(rng, lambda L, a, b: ((a + b) ** 2, 2 * (a**2 + b**2)))


@oracle("pm-lemma-square-of-sum-factor")
def _(rng):
    a, b = 1.0, 1.0  # 4 <= 2 fails
    return all_le([((a + b) ** 2, a**2 + b**2)])


@oracle("pm-lemma-young-three")
def _(rng):
    pairs = [(a * b, a**3 / 3 + 2 * b**1.5 / 3) for a, b in (rpos(rng, 2) for _ in range(12))]
    return all_le(pairs + [(1.0, 1 / 3 + 2 / 3)])  # equality case a = b = 1
