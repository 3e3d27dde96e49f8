"""Oracles for matrix-linear-algebra-facts.identities.yaml."""

import numpy as np

from . import oracle
from ._num import (
    SIZES1,
    SIZES2,
    cases,
    cases_le,
    det,
    eye,
    inv,
    le,
    lt,
    rdiag,
    rgen,
    rinv,
    rnonzero,
    rorth,
    rpsd,
    rspd,
    rsym,
    rvec,
    tr,
)

TALL = ((3, 2), (4, 1), (2, 2), (5, 3))  # n >= m: XᵀX invertible for almost every X


@oracle("la-orthogonal-gram")
def _(rng):
    return cases(lambda n: ((Q := rorth(rng, n)).T @ Q, eye(n)), SIZES1)


@oracle("la-orthogonal-inverse")
def _(rng):
    return cases(lambda n: (inv(Q := rorth(rng, n)), Q.T), SIZES1)


@oracle("la-orthogonal-det-squared")
def _(rng):
    return cases(lambda n: (det(rorth(rng, n)) ** 2, 1.0), SIZES1)


@oracle("la-orthogonal-det-one")
def _(rng):
    reflection = np.diag([-1.0, 1.0])  # orthogonal, det -1
    return cases(lambda: (det(reflection), 1.0), [()], repeat=1)


@oracle("la-orthogonal-preserves-norm")
def _(rng):
    def case(n):
        Q, x = rorth(rng, n), rvec(rng, n)
        return (Q @ x).T @ (Q @ x), x.T @ x
    return cases(case, SIZES1)


@oracle("la-orthogonal-quadratic-form")
def _(rng):
    def case(n):
        Q, x = rorth(rng, n), rvec(rng, n)
        return x.T @ Q @ x, x.T @ x
    return cases(case, (2, 3, 4))


@oracle("la-orthogonal-similarity-trace")
def _(rng):
    def case(n):
        Q, A = rorth(rng, n), rgen(rng, n, n)
        return tr(Q.T @ A @ Q), tr(A)
    return cases(case, SIZES1)


@oracle("la-symmetric-inverse-symmetric")
def _(rng):
    def case(n):
        A = rsym(rng, n) + 3 * eye(n) * rng.choice([-1, 1])  # symmetric, away from singular
        return inv(A).T, inv(A)
    return cases(case, SIZES1)


@oracle("la-symmetrised-is-symmetric")
def _(rng):
    return cases(lambda n: (((A := rgen(rng, n, n)) + A.T).T, A + A.T), SIZES1)


@oracle("la-skew-quadratic-form-vanishes")
def _(rng):
    def case(n):
        A, x = rgen(rng, n, n), rvec(rng, n)
        return x.T @ (A - A.T) @ x, 0.0
    return cases(case, SIZES1)


@oracle("la-quadratic-form-transpose")
def _(rng):
    def case(n):
        A, x = rgen(rng, n, n), rvec(rng, n)
        return x.T @ A @ x, x.T @ A.T @ x
    return cases(case, SIZES1)


@oracle("la-spd-quadratic-positive")
def _(rng):
    def case(n):
        A, x = rspd(rng, n), rnonzero(rng, n, 1)
        return 0.0, x.T @ A @ x
    return cases_le(case, SIZES1, repeat=4, strict=True)


@oracle("la-psd-quadratic-positive")
def _(rng):
    n = 2
    A, x = np.zeros((n, n)), np.array([[1.0], [0.0]])  # the zero matrix is PSD
    return lt(0.0, x.T @ A @ x)


@oracle("la-symmetric-quadratic-nonnegative")
def _(rng):
    A, x = -eye(2), np.array([[1.0], [0.0]])  # symmetric, xᵀAx = -1
    return le(0.0, x.T @ A @ x)


@oracle("la-spd-det-positive")
def _(rng):
    return cases_le(lambda n: (0.0, det(rspd(rng, n))), SIZES1, repeat=3, strict=True)


@oracle("la-spd-trace-positive")
def _(rng):
    return cases_le(lambda n: (0.0, tr(rspd(rng, n))), SIZES1, repeat=3, strict=True)


@oracle("la-gram-psd")
def _(rng):
    def case(n, m):
        A, x = rgen(rng, n, m), rvec(rng, m)
        return 0.0, x.T @ A.T @ A @ x
    return cases_le(case, SIZES2, repeat=3)


@oracle("la-congruence-psd")
def _(rng):
    def case(n, m):
        A, B, x = rspd(rng, n), rgen(rng, n, m), rvec(rng, m)
        return 0.0, x.T @ B.T @ A @ B @ x
    return cases_le(case, SIZES2, repeat=3)


@oracle("la-gram-det-nonnegative")
def _(rng):
    def case(n, m):
        A = rgen(rng, n, m)
        return 0.0, det(A.T @ A)
    return cases_le(case, ((3, 2), (2, 2), (1, 1), (4, 3), (1, 2), (2, 3)), repeat=3)


@oracle("la-gram-det-positive")
def _(rng):
    A = np.zeros((2, 2))  # a 2 x 2 matrix with AᵀA singular
    return lt(0.0, det(A.T @ A))


@oracle("la-det-ZtAZ-positive-rectangular")
def _(rng):
    A, Z = np.array([[2.0]]), np.array([[1.0, 2.0]])  # n = 1 < m = 2: ZᵀAZ is 2 x 2 of rank 1
    M = Z.T @ A @ Z
    return lt(0.0, M[0, 0] * M[1, 1] - M[0, 1] * M[1, 0])  # the 2 x 2 determinant, exactly 0


def _hat(X):
    return X @ inv(X.T @ X) @ X.T


@oracle("la-projection-idempotent")
def _(rng):
    return cases(lambda n, m: (_hat(X := rgen(rng, n, m)) @ _hat(X), _hat(X)), TALL)


@oracle("la-projection-symmetric")
def _(rng):
    return cases(lambda n, m: (_hat(X := rgen(rng, n, m)).T, _hat(X)), TALL)


@oracle("la-hat-matrix-trace")
def _(rng):
    return cases(lambda n, m: (tr(_hat(rgen(rng, n, m))), float(m)), TALL)


@oracle("la-projection-is-identity")
def _(rng):
    return cases(lambda n, m: (_hat(rgen(rng, n, m)), eye(n)), ((3, 2), (4, 1)))


@oracle("la-left-inverse")
def _(rng):
    return cases(lambda n, m: (inv((X := rgen(rng, n, m)).T @ X) @ X.T @ X, eye(m)), TALL)


@oracle("la-least-squares-residual-orthogonal")
def _(rng):
    def case(n, m):
        X, y = rgen(rng, n, m), rvec(rng, n)
        return X.T @ (y - _hat(X) @ y), np.zeros((m, 1))
    return cases(case, TALL)


@oracle("la-two-pseudo-inverses")
def _(rng):
    def case(n):  # the only sizes where both sides are defined: n = m
        X = rinv(rng, n)
        return inv(X.T @ X) @ X.T, X.T @ inv(X @ X.T)
    return cases(case, SIZES1)


@oracle("la-inverse-involution")
def _(rng):
    return cases(lambda n: (inv(inv(A := rinv(rng, n))), A), SIZES1)


@oracle("la-scaled-inverse")
def _(rng):
    return cases(lambda n: (inv((c := rnonzero(rng)) * (A := rinv(rng, n))), inv(A) / c), SIZES1)


@oracle("la-scaled-inverse-unscaled")
def _(rng):
    def case(n):
        A, c = rinv(rng, n), rng.uniform(1.5, 3.0)
        return inv(c * A), c * inv(A)
    return cases(case, SIZES1)


@oracle("la-inverse-of-square")
def _(rng):
    return cases(lambda n: (inv((A := rinv(rng, n)) @ A), inv(A) @ inv(A)), SIZES1)


@oracle("la-inverse-two-sided")
def _(rng):
    return cases(lambda n: ((A := rinv(rng, n)) @ inv(A), inv(A) @ A), SIZES1)


@oracle("la-symmetric-commute")
def _(rng):
    return cases(lambda n: ((A := rsym(rng, n)) @ (B := rsym(rng, n)), B @ A), (2, 3, 4))


@oracle("la-diagonal-commute")
def _(rng):
    return cases(lambda n: ((A := rdiag(rng, n)) @ (B := rdiag(rng, n)), B @ A), SIZES1)


@oracle("la-symmetric-product-symmetric")
def _(rng):
    return cases(lambda n: (((A := rsym(rng, n)) @ (B := rsym(rng, n))).T, A @ B), (2, 3, 4))


@oracle("la-det-negation-3x3")
def _(rng):
    return cases(lambda: (det(-(A := rgen(rng, 3, 3))), -det(A)), [()], repeat=4)


@oracle("la-det-negation-any-size")
def _(rng):
    return cases(lambda n: (det(-(A := rinv(rng, n))), -det(A)), SIZES1)


@oracle("la-similarity-trace")
def _(rng):
    return cases(lambda n: (tr((P := rinv(rng, n)) @ (A := rgen(rng, n, n)) @ inv(P)), tr(A)), SIZES1)


@oracle("la-similarity-det")
def _(rng):
    return cases(lambda n: (det((P := rinv(rng, n)) @ (A := rgen(rng, n, n)) @ inv(P)), det(A)), SIZES1)


@oracle("la-rank-one-square")
def _(rng):
    def case(n):
        u, v = rvec(rng, n), rvec(rng, n)
        return (u @ v.T) @ (u @ v.T), (v.T @ u) * u @ v.T
    return cases(case, SIZES1)


@oracle("la-cauchy-schwarz-spd-inner-product")
def _(rng):
    def case(n):
        A, x, y = rspd(rng, n), rvec(rng, n), rvec(rng, n)
        return (x.T @ A @ y) ** 2, (x.T @ A @ x) * (y.T @ A @ y)
    return cases_le(case, SIZES1, repeat=4)


@oracle("la-cauchy-schwarz-indefinite")
def _(rng):
    A = np.diag([1.0, -1.0])
    x, y = np.array([[1.0], [0.0]]), np.array([[0.0], [1.0]])
    return le((x.T @ A @ y) ** 2, (x.T @ A @ x) * (y.T @ A @ y))


@oracle("la-rayleigh-below-trace")
def _(rng):
    def case(n, rank):
        A, x = rpsd(rng, n, rank), rvec(rng, n)
        return x.T @ A @ x, tr(A) * (x.T @ x)
    return cases_le(case, ((1, 1), (2, 1), (3, 3), (4, 2)), repeat=4)


@oracle("la-transpose-of-power")
def _(rng):
    return cases(lambda n: ((A := rgen(rng, n, n)).T @ A.T, (A @ A).T), SIZES1)
