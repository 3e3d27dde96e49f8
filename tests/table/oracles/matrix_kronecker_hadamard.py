"""Oracles for matrix-kronecker-hadamard.identities.yaml (numpy's kron and elementwise products)."""

import numpy as np

from . import oracle
from ._num import (
    SIZES1,
    SIZES2,
    SIZES3,
    cases,
    cases_le,
    det,
    eye,
    inv,
    le,
    rgen,
    rinv,
    rpsd,
    rspd,
    rvec,
    tr,
)

kron = np.kron
SQUARE2 = ((2, 3), (3, 2), (2, 2), (1, 3))


@oracle("kh-kron-mixed-product")
def _(rng):
    def case(n, m):
        A, C, B, F = rgen(rng, n, n), rgen(rng, n, n), rgen(rng, m, m), rgen(rng, m, m)
        return kron(A, B) @ kron(C, F), kron(A @ C, B @ F)
    return cases(case, SIZES2)


@oracle("kh-kron-mixed-product-rectangular")
def _(rng):
    def case(n, m, p, q, r, s):
        A, C, B, F = rgen(rng, n, m), rgen(rng, m, p), rgen(rng, q, r), rgen(rng, r, s)
        return kron(A, B) @ kron(C, F), kron(A @ C, B @ F)
    return cases(case, ((2, 3, 1, 2, 3, 1), (1, 2, 3, 3, 1, 2), (2, 2, 2, 1, 1, 1)))


@oracle("kh-kron-mixed-product-crossed")
def _(rng):
    def case(n):
        A, C, B, F = (rgen(rng, n, n) for _ in range(4))
        return kron(A, B) @ kron(C, F), kron(A @ F, B @ C)
    return cases(case, SIZES1)


@oracle("kh-kron-transpose")
def _(rng):
    def case(n, m, p, q):
        A, B = rgen(rng, n, m), rgen(rng, p, q)
        return kron(A, B).T, kron(A.T, B.T)
    return cases(case, ((2, 3, 4, 1), (1, 2, 2, 3), (3, 1, 1, 2)))


@oracle("kh-kron-transpose-reversed")
def _(rng):
    def case(n, m):
        A, B = rgen(rng, n, n), rgen(rng, m, m)
        return kron(A, B).T, kron(B.T, A.T)
    return cases(case, SQUARE2)


@oracle("kh-kron-inverse")
def _(rng):
    def case(n, m):
        A, B = rinv(rng, n), rinv(rng, m)
        return inv(kron(A, B)), kron(inv(A), inv(B))
    return cases(case, SQUARE2)


@oracle("kh-kron-inverse-reversed")
def _(rng):
    def case(n, m):
        A, B = rinv(rng, n), rinv(rng, m)
        return inv(kron(A, B)), kron(inv(B), inv(A))
    return cases(case, SQUARE2)


@oracle("kh-kron-trace")
def _(rng):
    def case(n, m):
        A, B = rgen(rng, n, n), rgen(rng, m, m)
        return tr(kron(A, B)), tr(A) * tr(B)
    return cases(case, SQUARE2)


@oracle("kh-kron-trace-additive")
def _(rng):
    def case(n, m):
        A, B = rgen(rng, n, n), rgen(rng, m, m)
        return tr(kron(A, B)), tr(A) + tr(B)
    return cases(case, SQUARE2)


@oracle("kh-kron-det-2-3")
def _(rng):
    def case():
        A, B = rgen(rng, 2, 2), rgen(rng, 3, 3)
        return det(kron(A, B)), det(A) ** 3 * det(B) ** 2
    return cases(case, [()], repeat=4)


@oracle("kh-kron-det-exponents-swapped")
def _(rng):
    def case():
        A, B = rgen(rng, 2, 2), rgen(rng, 3, 3)
        return det(kron(A, B)), det(A) ** 2 * det(B) ** 3
    return cases(case, [()], repeat=4)


@oracle("kh-kron-distributes")
def _(rng):
    def case(n, m, p, q):
        A, B, C = rgen(rng, n, m), rgen(rng, p, q), rgen(rng, p, q)
        return kron(A, B + C), kron(A, B) + kron(A, C)
    return cases(case, ((2, 3, 4, 1), (1, 2, 2, 3)))


@oracle("kh-kron-associative")
def _(rng):
    def case(n, m, p, q):
        A, B, C = rgen(rng, n, m), rgen(rng, p, q), rgen(rng, 2, 3)
        return kron(A, kron(B, C)), kron(kron(A, B), C)
    return cases(case, ((2, 3, 1, 2), (1, 1, 2, 2)))


@oracle("kh-kron-not-commutative")
def _(rng):
    def case(n):
        A, B = rgen(rng, n, n), rgen(rng, n, n)
        return kron(A, B), kron(B, A)
    return cases(case, SIZES1)


@oracle("kh-kron-column-row-is-outer")
def _(rng):
    def case(n, m):
        a, b = rvec(rng, n), rvec(rng, m)
        return kron(a, b.T), a @ b.T
    return cases(case, SIZES2)


@oracle("kh-kron-identities")
def _(rng):
    def case(n, m):
        A, B = rgen(rng, n, n), rgen(rng, m, m)
        return kron(eye(n), eye(m)) @ kron(A, B), kron(A, B)
    return cases(case, SQUARE2)


@oracle("kh-hadamard-commutes")
def _(rng):
    def case(n, m):
        A, B = rgen(rng, n, m), rgen(rng, n, m)
        return A * B, B * A
    return cases(case, SIZES2)


@oracle("kh-hadamard-transpose")
def _(rng):
    def case(n, m):
        A, B = rgen(rng, n, m), rgen(rng, n, m)
        return (A * B).T, A.T * B.T
    return cases(case, SIZES2)


@oracle("kh-hadamard-bilinear-trace")
def _(rng):
    def case(n, m):
        x, A, B, y = rvec(rng, n), rgen(rng, n, m), rgen(rng, n, m), rvec(rng, m)
        return x.T @ (A * B) @ y, tr(np.diagflat(x) @ A @ np.diagflat(y) @ B.T)
    return cases(case, SIZES2)


@oracle("kh-hadamard-bilinear-trace-transpose-dropped")
def _(rng):
    def case(n):
        x, A, B, y = rvec(rng, n), rgen(rng, n, n), rgen(rng, n, n), rvec(rng, n)
        return x.T @ (A * B) @ y, tr(np.diagflat(x) @ A @ np.diagflat(y) @ B)
    return cases(case, (2, 3, 4))


@oracle("kh-hadamard-vectors-diag")
def _(rng):
    def case(n):
        a, b = rvec(rng, n), rvec(rng, n)
        return a * b, np.diagflat(a) @ b
    return cases(case, SIZES1)


@oracle("kh-diag-product")
def _(rng):
    def case(n):
        a, b = rvec(rng, n), rvec(rng, n)
        return np.diagflat(a) @ np.diagflat(b), np.diagflat(a * b)
    return cases(case, SIZES1)


@oracle("kh-hadamard-sum-is-frobenius-inner")
def _(rng):
    def case(n, m):
        A, B = rgen(rng, n, m), rgen(rng, n, m)
        return np.ones((1, n)) @ (A * B) @ np.ones((m, 1)), tr(A.T @ B)
    return cases(case, SIZES2)


@oracle("kh-schur-product-theorem")
def _(rng):
    def case(n, rank):  # claim: xᵀ(A∘B)x >= 0, i.e. 0 <= xᵀ(A∘B)x
        x, A, B = rvec(rng, n), rpsd(rng, n, rank), rpsd(rng, n, rank)
        return 0.0, x.T @ (A * B) @ x
    return cases_le(case, ((1, 1), (2, 1), (3, 2), (4, 4)), repeat=4)


@oracle("kh-schur-product-indefinite")
def _(rng):
    n = 2
    A, B, x = eye(n), -eye(n), np.ones((n, 1))  # both symmetric; A∘B = -I
    return le(0.0, x.T @ (A * B) @ x)


@oracle("kh-oppenheim")
def _(rng):
    def case(n):
        A, B = rspd(rng, n), rspd(rng, n)
        return det(A) * det(B), det(A * B)
    return cases_le(case, SIZES1, repeat=4)


@oracle("kh-hadamard-det-multiplicative")
def _(rng):
    def case(n):
        A, B = rspd(rng, n), rspd(rng, n)
        return det(A * B), det(A) * det(B)
    return cases(case, SIZES1)


@oracle("kh-frobenius-submultiplicative")
def _(rng):
    def case(n, m, p):
        A, B = rgen(rng, n, m), rgen(rng, m, p)
        return tr((A @ B).T @ (A @ B)), tr(A.T @ A) * tr(B.T @ B)
    return cases_le(case, SIZES3, repeat=3)


@oracle("kh-frobenius-multiplicative")
def _(rng):
    def case(n, m, p):
        A, B = rgen(rng, n, m), rgen(rng, m, p)
        return tr((A @ B).T @ (A @ B)), tr(A.T @ A) * tr(B.T @ B)
    return cases(case, ((2, 3, 4), (3, 2, 2)))


@oracle("kh-frobenius-cauchy-schwarz")
def _(rng):
    def case(n, m):
        A, B = rgen(rng, n, m), rgen(rng, n, m)
        return tr(A.T @ B) ** 2, tr(A.T @ A) * tr(B.T @ B)
    return cases_le(case, SIZES2, repeat=3)


@oracle("kh-trace-square-below-frobenius")
def _(rng):
    def case(n):
        A = rgen(rng, n, n)
        return tr(A @ A), tr(A.T @ A)
    return cases_le(case, SIZES1, repeat=3)


@oracle("kh-trace-square-nonnegative")
def _(rng):
    A = np.array([[0.0, 1.0], [-1.0, 0.0]])  # tr(A²) = -2
    return le(-tr(A @ A), 0.0)
