"""Oracles for matrix-sympy-derivatives.identities.yaml: central differences, denominator layout."""

import numpy as np

from . import oracle
from ._num import (
    SIZES1,
    cases,
    csqrt,
    det,
    dt,
    eye,
    grad,
    inv,
    jac,
    rgen,
    rinv,
    rpos,
    rvec,
    tr,
    well_conditioned,
)
from ._sympy_long_expression import complicated, complicated_result

K = (1, 2, 3, 4)  # the size letter k
TALL = ((3, 2), (4, 1), (2, 2), (5, 3))


@oracle("sy-det-XtAX-square-sympy-form")
def _(rng):
    def case(k):
        X, A = rinv(rng, k), rgen(rng, k, k)
        return grad(lambda X: det(X.T @ A @ X), X), 2 * det(X) ** 2 * det(A) * inv(X).T
    return cases(case, K)


@oracle("sy-det-of-zeroth-power")
def _(rng):
    def case(k):
        X = rgen(rng, k, k)
        return grad(lambda X: det(np.linalg.matrix_power(X, 0)), X), np.zeros((k, k))
    return cases(case, K)


@oracle("sy-det-of-minus-first-power")
def _(rng):
    def case(k):
        X = rinv(rng, k)
        return grad(lambda X: det(inv(X)), X), -inv(X).T / det(X)
    return cases(case, K)


@oracle("sy-size-times-det")
def _(rng):
    def case(k):
        X = rinv(rng, k)
        return grad(lambda X: k * det(X), X), k * det(X) * inv(X).T
    return cases(case, K)


@oracle("sy-reciprocal-det")
def _(rng):
    def case(k):
        X = rinv(rng, k)
        return grad(lambda X: 1 / det(X), X), -1 / det(X) * inv(X).T
    return cases(case, K)


@oracle("sy-reciprocal-det-chain-rule-slip")
def _(rng):
    def case(k):
        X = rinv(rng, k) * 2.0  # |det X| away from 1
        return grad(lambda X: 1 / det(X), X), -1 / det(X) ** 2 * inv(X).T
    return cases(case, K)


@oracle("sy-size-over-det")
def _(rng):
    def case(k):
        X = rinv(rng, k)
        return grad(lambda X: k / det(X), X), -k / det(X) * inv(X).T
    return cases(case, K)


@oracle("sy-trace-by-scalar")
def _(rng):
    def case(k):
        t, X = rng.standard_normal(), rgen(rng, k, k)
        return dt(lambda t: tr(t**2 * X), t), 2 * t * tr(X)
    return cases(case, K)


@oracle("sy-scaled-vector-jacobian")
def _(rng):
    def case(k):
        mu, x = rng.standard_normal(), rvec(rng, k)
        return jac(lambda x: 2 * mu * x, x), 2 * mu * eye(k)
    return cases(case, K)


@oracle("sy-ones-linear-form")
def _(rng):
    def case(k):
        x = rvec(rng, k)
        return grad(lambda x: x.T @ np.ones((k, 1)), x), np.ones((k, 1))
    return cases(case, K)


@oracle("sy-identity-jacobian")
def _(rng):
    def case(k):
        x = rvec(rng, k)
        return jac(lambda x: x, x), eye(k)
    return cases(case, K)


@oracle("sy-cubic-vector-jacobian")
def _(rng):
    def case(k):
        x = rvec(rng, k)
        return jac(lambda x: x @ x.T @ x, x), np.kron(eye(k), x.T @ x) + 2 * x @ x.T
    return cases(case, K)


@oracle("sy-cubic-vector-jacobian-factor")
def _(rng):
    def case(k):
        x = rvec(rng, k)
        return jac(lambda x: x @ x.T @ x, x), (x.T @ x) * eye(k) + x @ x.T
    return cases(case, K)


@oracle("sy-scaled-trace")
def _(rng):
    def case(k):
        A = rgen(rng, k, k)
        return grad(lambda A: 3 * tr(A), A), 3 * eye(k)
    return cases(case, K)


@oracle("sy-size-constant-by-matrix")
def _(rng):
    def case(k):
        A = rgen(rng, k, k)
        return grad(lambda A: float(k), A), np.zeros((k, k))
    return cases(case, K)


@oracle("sy-trace-of-trace-times-A")
def _(rng):
    def case(k):
        A = rgen(rng, k, k)
        return grad(lambda A: tr(tr(A) * A), A), 2 * tr(A) * eye(k)
    return cases(case, K)


@oracle("sy-nested-trace")
def _(rng):
    def case(k):
        A = rgen(rng, k, k)
        return grad(lambda A: tr(tr(tr(A) * A) * A), A), 3 * tr(A) ** 2 * eye(k)
    return cases(case, K)


def _positive_pair(rng, k):
    """x, y with xᵀy > 0 (the where-constraint)."""
    while True:
        x, y = rvec(rng, k), rvec(rng, k)
        if (x.T @ y).item() > 0.3:
            return x, y


@oracle("sy-sqrt-inner-product")
def _(rng):
    def case(k):
        x, y = _positive_pair(rng, k)
        return grad(lambda x: csqrt(x.T @ y), x), y / (2 * csqrt(x.T @ y))
    return cases(case, K)


@oracle("sy-vector-norm")
def _(rng):
    def case(k):
        x = rvec(rng, k)
        return grad(lambda x: csqrt(x.T @ x), x), x / csqrt(x.T @ x)
    return cases(case, K)


def _chain_parts(rng, k):
    while True:
        a, b, c, x = (rvec(rng, k) for _ in range(4))
        s = (c.T @ a @ x.T @ b).item()
        if s > 0.3:
            return a, b, c, x


@oracle("sy-sqrt-of-scalar-chain")
def _(rng):
    def case(k):
        a, b, c, x = _chain_parts(rng, k)
        return grad(lambda x: csqrt(c.T @ a @ x.T @ b), x), b @ a.T @ c / csqrt(c.T @ a @ x.T @ b) / 2
    return cases(case, K)


@oracle("sy-cube-root-of-scalar-chain")
def _(rng):
    def case(k):
        a, b, c, x = _chain_parts(rng, k)
        s = lambda x: (c.T @ a @ x.T @ b).item()  # noqa: E731 (positive at the point)
        return grad(lambda x: s(x) ** (1 / 3), x), b @ a.T @ c * s(x) ** (-2 / 3) / 3
    return cases(case, K)


def _bilinear_parts(rng, k):
    while True:
        a, X, b = rvec(rng, k), rgen(rng, k, k), rvec(rng, k)
        if (a.T @ X @ b).item() > 0.3:
            return a, X, b


@oracle("sy-sqrt-bilinear")
def _(rng):
    def case(k):
        a, X, b = _bilinear_parts(rng, k)
        return grad(lambda X: csqrt(a.T @ X @ b), X), a / (2 * csqrt(a.T @ X @ b)) @ b.T
    return cases(case, K)


@oracle("sy-sqrt-bilinear-with-factors")
def _(rng):
    def case(k):
        a, X, b = _bilinear_parts(rng, k)
        c, d, x, y = (rvec(rng, k) for _ in range(4))
        lhs = grad(lambda X: d.T @ x @ csqrt(a.T @ X @ b) @ y.T @ c, X)
        return lhs, a @ x.T @ d @ y.T @ c / (2 * csqrt(b.T @ X.T @ a)) @ b.T
    return cases(case, K)


@oracle("sy-frobenius-norm")
def _(rng):
    def case(k):
        X = rgen(rng, k, k)
        return grad(lambda X: csqrt(tr(X.T @ X)), X), X / csqrt(tr(X @ X.T))
    return cases(case, K)


@oracle("sy-frobenius-norm-half-dropped")
def _(rng):
    def case(k):
        X = rgen(rng, k, k)
        return grad(lambda X: csqrt(tr(X.T @ X)), X), 2 * X / csqrt(tr(X.T @ X))
    return cases(case, K)


@oracle("sy-elementwise-exp-jacobian")
def _(rng):
    def case(k):
        A, x = rgen(rng, k, k), rvec(rng, k)
        return jac(lambda x: A @ np.exp(x), x), np.diagflat(np.exp(x)) @ A.T
    return cases(case, K)


@oracle("sy-elementwise-exp-jacobian-transposed")
def _(rng):
    def case(k):
        A, x = rgen(rng, k, k), rvec(rng, k)
        return jac(lambda x: A @ np.exp(x), x), A @ np.diagflat(np.exp(x))
    return cases(case, K)


@oracle("sy-hadamard-three-vectors")
def _(rng):
    def case(k):
        a, x, b = rvec(rng, k), rvec(rng, k), rvec(rng, k)
        return jac(lambda x: a * x * b, x), np.diagflat(b * a)
    return cases(case, K)


@oracle("sy-hadamard-bilinear")
def _(rng):
    def case(k):
        a, A, X, B, b = rvec(rng, k), rgen(rng, k, k), rgen(rng, k, k), rgen(rng, k, k), rvec(rng, k)
        return grad(lambda X: a.T @ (A * X * B) @ b, X), (a @ b.T) * A * B
    return cases(case, K)


@oracle("sy-hadamard-square")
def _(rng):
    def case(k):
        x = rvec(rng, k)
        return jac(lambda x: x * x, x), 2 * np.diagflat(x)
    return cases(case, K)


@oracle("sy-elementwise-sqrt")
def _(rng):
    def case(k):
        x = rpos(rng, k, 1)
        return jac(np.sqrt, x), inv(np.diagflat(np.sqrt(x))) / 2
    return cases(case, K)


@oracle("sy-bilinear-squared")
def _(rng):
    def case(k):
        a, X, b = rvec(rng, k), rgen(rng, k, k), rvec(rng, k)
        return grad(lambda X: (a.T @ X @ b) ** 2, X), 2 * a @ a.T @ X @ b @ b.T
    return cases(case, K)


@oracle("sy-issue-24021")
def _(rng):
    def case():
        E = rgen(rng, 3, 3)
        return grad(lambda E: tr(E) ** 2 + tr(E @ E.T), E), 2 * tr(E) * eye(3) + 2 * E
    return cases(case, [()], repeat=3)


@oracle("sy-issue-25118")
def _(rng):
    def case():
        F = rgen(rng, 3, 3)
        return grad(lambda F: tr(F.T @ F) - 3, F), 2 * F
    return cases(case, [()], repeat=3)


def _deviations(x, m):
    r = x - m * np.ones_like(x)
    return tr(r.T @ r)


@oracle("sy-issue-24725-mean")
def _(rng):
    def case(N):
        x, m = rvec(rng, N), rng.standard_normal()
        return dt(lambda m: _deviations(x, m), m), 2 * N * m - 2 * np.ones((N, 1)).T @ x
    return cases(case, SIZES1)


@oracle("sy-issue-24725-mean-sign")
def _(rng):
    def case(N):
        x, m = rvec(rng, N), rng.standard_normal() + 2.0
        return dt(lambda m: _deviations(x, m), m), 2 * np.ones((N, 1)).T @ x - 2 * N * m
    return cases(case, SIZES1)


@oracle("sy-issue-24725-linear")
def _(rng):
    def case(N):
        x, w, b = rvec(rng, N), rvec(rng, N), rng.standard_normal()
        return grad(lambda w: tr(x.T @ w) + b, w), x
    return cases(case, SIZES1)


@oracle("sy-issue-23492")
def _(rng):
    def case():
        A = rgen(rng, 3, 3)
        return grad(lambda A: tr(A) + tr(A @ A), A), eye(3) + 2 * A.T
    return cases(case, [()], repeat=3)


@oracle("sy-issue-21597")
def _(rng):
    def case():
        b, c, F = rvec(rng, 3), rvec(rng, 3), rgen(rng, 3, 3)
        return jac(lambda b: b - F @ c, b), eye(3)
    return cases(case, [()], repeat=3)


@oracle("sy-issue-23931-reciprocal-trace")
def _(rng):
    def case():
        F = rgen(rng, 3, 3) + eye(3)
        return grad(lambda F: 1 / tr(F), F), -1 / tr(F) ** 2 * eye(3)
    return cases(case, [()], repeat=3)


@oracle("sy-issue-23931-normalised-vector")
def _(rng):
    def case(d):
        x = rvec(rng, d)
        s = tr(x @ x.T)
        return jac(lambda x: x / tr(x.T @ x), x), -2 / s**2 * x @ x.T + 1 / s * eye(d)
    return cases(case, SIZES1)


@oracle("sy-cookbook-125-square-form")
def _(rng):
    def case(k):
        X, C, A = rinv(rng, k), rinv(rng, k), rgen(rng, k, k)
        Xi, Ci = inv(X), inv(C)
        rhs = -Xi.T @ A.T @ Xi @ Ci.T @ Xi.T - Xi.T @ A @ Xi @ Ci @ Xi.T
        return grad(lambda X: tr(inv(X.T @ C @ X) @ A), X), rhs
    return cases(case, K)


def _ratio_126(X, B, C):
    M = inv(X.T @ C @ X)
    lhs = grad(lambda X: tr(inv(X.T @ C @ X) @ (X.T @ B @ X)), X)
    return lhs, -2 * C @ X @ M @ X.T @ B @ X @ M + 2 * B @ X @ M


@oracle("sy-cookbook-126-square-general")
def _(rng):
    def case(k):
        return _ratio_126(rinv(rng, k), rgen(rng, k, k), rinv(rng, k))
    return cases(case, K)


@oracle("sy-cookbook-126-rectangular-general")
def _(rng):
    def case(n, m):
        B, C = rgen(rng, n, n), rgen(rng, n, n)
        X = well_conditioned(lambda: rgen(rng, n, m), lambda X: X.T @ C @ X)
        return _ratio_126(X, B, C)
    return cases(case, ((3, 2), (4, 2), (3, 1)))


@oracle("sy-cookbook-127-general")
def _(rng):
    def case(n, m):
        A, B, C = rgen(rng, m, m), rgen(rng, n, n), rgen(rng, n, n)
        X = well_conditioned(lambda: rgen(rng, n, m), lambda X: A + X.T @ C @ X)
        M, Mt = inv(A + X.T @ C @ X), inv(A.T + (C @ X).T @ X)
        rhs = B @ X @ M - C @ X @ M @ X.T @ B @ X @ M - C.T @ X @ Mt @ X.T @ B.T @ X @ Mt + B.T @ X @ Mt
        return grad(lambda X: tr(inv(A + X.T @ C @ X) @ (X.T @ B @ X)), X), rhs
    return cases(case, ((2, 3), (3, 2), (2, 2), (1, 1)))


@oracle("sy-complicated-expression")
def _(rng):
    def case(k):
        a, b = rvec(rng, k) / 2, rvec(rng, k) / 2
        A, B, C, F, X = (rgen(rng, k, k) / 2 for _ in range(5))
        lhs = grad(lambda X: complicated(a, b, A, B, C, F, X), X)
        return lhs, complicated_result(a, b, A, B, C, F, X)
    return cases(case, K)
