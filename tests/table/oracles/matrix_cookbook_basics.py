"""Oracles for matrix-cookbook-basics.identities.yaml (Matrix Cookbook section 1)."""

from . import oracle
from ._num import SIZES1, SIZES2, SIZES3, cases, det, eye, inv, rgen, rinv, rvec, tr


@oracle("cb-inverse-of-product")
def _(rng):
    def case(n):
        A, B = rinv(rng, n), rinv(rng, n)
        return inv(A @ B), inv(B) @ inv(A)
    return cases(case, SIZES1)


@oracle("cb-inverse-of-product-unreversed")
def _(rng):
    def case(n):
        A, B = rinv(rng, n), rinv(rng, n)
        return inv(A @ B), inv(A) @ inv(B)
    return cases(case, SIZES1)


@oracle("cb-inverse-of-triple-product")
def _(rng):
    def case(n):
        A, B, C = rinv(rng, n), rinv(rng, n), rinv(rng, n)
        return inv(A @ B @ C), inv(C) @ inv(B) @ inv(A)
    return cases(case, SIZES1)


@oracle("cb-inverse-transpose-commute")
def _(rng):
    def case(n):
        A = rinv(rng, n)
        return inv(A.T), inv(A).T
    return cases(case, SIZES1)


@oracle("cb-inverse-transpose-dropped")
def _(rng):
    def case(n):
        A = rinv(rng, n)
        return inv(A.T), inv(A)
    return cases(case, SIZES1)


@oracle("cb-transpose-of-sum")
def _(rng):
    def case(n, m):
        A, B = rgen(rng, n, m), rgen(rng, n, m)
        return (A + B).T, A.T + B.T
    return cases(case, SIZES2)


@oracle("cb-transpose-of-product")
def _(rng):
    def case(n, m, p):
        A, B = rgen(rng, n, m), rgen(rng, m, p)
        return (A @ B).T, B.T @ A.T
    return cases(case, SIZES3)


@oracle("cb-transpose-of-product-unreversed")
def _(rng):
    def case(n):
        A, B = rgen(rng, n, n), rgen(rng, n, n)
        return (A @ B).T, A.T @ B.T
    return cases(case, SIZES1)


@oracle("cb-transpose-of-triple-product")
def _(rng):
    def case(n, m, p, q):
        A, B, C = rgen(rng, n, m), rgen(rng, m, p), rgen(rng, p, q)
        return (A @ B @ C).T, C.T @ B.T @ A.T
    return cases(case, ((2, 3, 4, 5), (5, 4, 3, 2), (1, 2, 1, 3)))


@oracle("cb-trace-of-transpose")
def _(rng):
    def case(n):
        A = rgen(rng, n, n)
        return tr(A.T), tr(A)
    return cases(case, SIZES1)


@oracle("cb-trace-commutes-rectangular")
def _(rng):
    def case(n, m):
        A, B = rgen(rng, n, m), rgen(rng, m, n)
        return tr(A @ B), tr(B @ A)
    return cases(case, SIZES2)


@oracle("cb-trace-of-sum")
def _(rng):
    def case(n):
        A, B = rgen(rng, n, n), rgen(rng, n, n)
        return tr(A + B), tr(A) + tr(B)
    return cases(case, SIZES1)


@oracle("cb-trace-cyclic-three")
def _(rng):
    def case(n, m, p):
        A, B, C = rgen(rng, n, m), rgen(rng, m, p), rgen(rng, p, n)
        return tr(A @ B @ C), tr(C @ A @ B)
    return cases(case, SIZES3)


@oracle("cb-trace-noncyclic-swap")
def _(rng):
    def case(n):
        A, B, C = rgen(rng, n, n), rgen(rng, n, n), rgen(rng, n, n)
        return tr(A @ B @ C), tr(A @ C @ B)
    return cases(case, SIZES1)


@oracle("cb-trace-of-product-not-product")
def _(rng):
    def case(n):
        A, B = rgen(rng, n, n), rgen(rng, n, n)
        return tr(A @ B), tr(A) * tr(B)
    return cases(case, SIZES1)


@oracle("cb-inner-product-as-trace")
def _(rng):
    def case(n):
        a = rvec(rng, n)
        return a.T @ a, tr(a @ a.T)
    return cases(case, SIZES1)


@oracle("cb-det-of-scaled-3x3")
def _(rng):
    def case():
        A, c = rgen(rng, 3, 3), rng.standard_normal()
        return det(c * A), c**3 * det(A)
    return cases(case, [()], repeat=4)


@oracle("cb-det-of-scaled-linear")
def _(rng):
    def case():
        A, c = rgen(rng, 3, 3), rng.uniform(1.5, 3.0)
        return det(c * A), c * det(A)
    return cases(case, [()], repeat=4)


@oracle("cb-det-of-transpose")
def _(rng):
    def case(n):
        A = rgen(rng, n, n)
        return det(A.T), det(A)
    return cases(case, SIZES1)


@oracle("cb-det-of-product")
def _(rng):
    def case(n):
        A, B = rgen(rng, n, n), rgen(rng, n, n)
        return det(A @ B), det(A) * det(B)
    return cases(case, SIZES1)


@oracle("cb-det-of-sum-not-additive")
def _(rng):
    def case(n):
        A, B = rgen(rng, n, n), rgen(rng, n, n)
        return det(A + B), det(A) + det(B)
    return cases(case, SIZES1)


@oracle("cb-det-of-inverse")
def _(rng):
    def case(n):
        A = rinv(rng, n)
        return det(inv(A)), 1 / det(A)
    return cases(case, SIZES1)


@oracle("cb-det-of-power")
def _(rng):
    def case(n):
        A = rgen(rng, n, n)
        return det(A @ A @ A), det(A) ** 3
    return cases(case, SIZES1)


@oracle("cb-det-identity-plus-rank-one")
def _(rng):
    def case(n):
        u, v = rvec(rng, n), rvec(rng, n)
        return det(eye(n) + u @ v.T), 1 + u.T @ v
    return cases(case, SIZES1)


@oracle("cb-det-rank-one-update-forgets-inverse")
def _(rng):
    def case(n):
        A, u, v = rinv(rng, n), rvec(rng, n), rvec(rng, n)
        return det(A + u @ v.T), det(A) * (1 + v.T @ u)
    return cases(case, SIZES1)


@oracle("cb-det-identity-plus-2x2")
def _(rng):
    def case():
        A = rgen(rng, 2, 2)
        return det(eye(2) + A), 1 + det(A) + tr(A)
    return cases(case, [()], repeat=4)


@oracle("cb-det-identity-plus-2x2-used-at-3x3")
def _(rng):
    def case():
        A = rgen(rng, 3, 3)
        return det(eye(3) + A), 1 + det(A) + tr(A)
    return cases(case, [()], repeat=4)


@oracle("cb-det-2x2-entries")
def _(rng):
    def case():
        A = rgen(rng, 2, 2)
        return det(A), A[0, 0] * A[1, 1] - A[0, 1] * A[1, 0]
    return cases(case, [()], repeat=4)


@oracle("cb-inverse-2x2-entry")
def _(rng):
    def case():
        A = rinv(rng, 2)
        return inv(A)[0, 0], A[1, 1] / det(A)
    return cases(case, [()], repeat=4)


@oracle("cb-inverse-2x2-offdiagonal-sign")
def _(rng):
    def case():
        A = rinv(rng, 2)
        return inv(A)[0, 1], A[0, 1] / det(A)
    return cases(case, [()], repeat=4)
