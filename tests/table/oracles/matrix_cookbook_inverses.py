"""Oracles for matrix-cookbook-inverses.identities.yaml (inverse and determinant identities)."""

from . import oracle
from ._num import SIZES1, SIZES2, cases, det, eye, inv, rgen, rinv, rspd, rvec, well_conditioned


def _woodbury_parts(rng, n, m):
    A, B = rinv(rng, n), rinv(rng, m)
    U = rgen(rng, n, m)
    V = well_conditioned(lambda: rgen(rng, m, n), lambda V: A + U @ B @ V)
    return A, U, B, V


@oracle("cbi-sum-of-inverses-inverted")
def _(rng):
    def case(n):
        A, B = rinv(rng, n), rinv(rng, n)
        return inv(inv(A) + inv(B)), A @ inv(A + B) @ B
    return cases(case, SIZES1)


@oracle("cbi-sum-of-inverses-inverted-other-order")
def _(rng):
    def case(n):
        A, B = rinv(rng, n), rinv(rng, n)
        return inv(inv(A) + inv(B)), B @ inv(A + B) @ A
    return cases(case, SIZES1)


@oracle("cbi-sum-of-inverses-naive")
def _(rng):
    def case(n):
        A, B = rinv(rng, n), rinv(rng, n)
        return inv(A + B), inv(A) + inv(B)
    return cases(case, SIZES1)


@oracle("cbi-woodbury-symmetric-form")
def _(rng):
    def case(n, m):
        A, B, C = rinv(rng, n), rinv(rng, m), rgen(rng, n, m)
        Ai = inv(A)
        return inv(A + C @ B @ C.T), Ai - Ai @ C @ inv(inv(B) + C.T @ Ai @ C) @ C.T @ Ai
    return cases(case, SIZES2)


@oracle("cbi-woodbury")
def _(rng):
    def case(n, m):
        A, U, B, V = _woodbury_parts(rng, n, m)
        Ai = inv(A)
        return inv(A + U @ B @ V), Ai - Ai @ U @ inv(inv(B) + V @ Ai @ U) @ V @ Ai
    return cases(case, SIZES2)


@oracle("cbi-woodbury-sign")
def _(rng):
    def case(n, m):
        A, U, B, V = _woodbury_parts(rng, n, m)
        Ai = inv(A)
        return inv(A + U @ B @ V), Ai + Ai @ U @ inv(inv(B) + V @ Ai @ U) @ V @ Ai
    return cases(case, SIZES2)


@oracle("cbi-woodbury-inner-uninverted")
def _(rng):
    def case(n, m):
        A, U, B, V = _woodbury_parts(rng, n, m)
        Ai = inv(A)
        return inv(A + U @ B @ V), Ai - Ai @ U @ inv(B + V @ Ai @ U) @ V @ Ai
    return cases(case, SIZES2)


@oracle("cbi-gain-matrix-identity")
def _(rng):
    def case(n, m):
        P, B, R = rspd(rng, m), rgen(rng, n, m), rspd(rng, n)
        return inv(inv(P) + B.T @ inv(R) @ B) @ B.T @ inv(R), P @ B.T @ inv(B @ P @ B.T + R)
    return cases(case, SIZES2)


@oracle("cbi-gain-matrix-identity-R-inverted")
def _(rng):
    def case(n, m):
        P, B, R = rspd(rng, m), rgen(rng, n, m), rspd(rng, n)
        return inv(inv(P) + B.T @ inv(R) @ B) @ B.T @ inv(R), P @ B.T @ inv(B @ P @ B.T + inv(R))
    return cases(case, SIZES2)


@oracle("cbi-kailath")
def _(rng):
    def case(n, m):
        A, B = rinv(rng, n), rgen(rng, n, m)
        C = well_conditioned(lambda: rgen(rng, m, n), lambda C: A + B @ C)
        Ai = inv(A)
        return inv(A + B @ C), Ai - Ai @ B @ inv(eye(m) + C @ Ai @ B) @ C @ Ai
    return cases(case, SIZES2)


def _sherman_morrison(rng, n):
    A, b = rinv(rng, n), rvec(rng, n)
    c = well_conditioned(lambda: rvec(rng, n), lambda c: A + b @ c.T)
    return A, b, c, inv(A)


@oracle("cbi-sherman-morrison")
def _(rng):
    def case(n):
        A, b, c, Ai = _sherman_morrison(rng, n)
        return inv(A + b @ c.T), Ai - Ai @ b @ c.T @ Ai / (1 + c.T @ Ai @ b)
    return cases(case, SIZES1)


@oracle("cbi-sherman-morrison-denominator-sign")
def _(rng):
    def case(n):
        A, b, c, Ai = _sherman_morrison(rng, n)
        return inv(A + b @ c.T), Ai - Ai @ b @ c.T @ Ai / (1 - c.T @ Ai @ b)
    return cases(case, SIZES1)


@oracle("cbi-sherman-morrison-no-denominator")
def _(rng):
    def case(n):
        A, b, c, Ai = _sherman_morrison(rng, n)
        return inv(A + b @ c.T), Ai - Ai @ b @ c.T @ Ai
    return cases(case, SIZES1)


@oracle("cbi-searle-identity-plus-inverse")
def _(rng):
    def case(n):
        A = rspd(rng, n)
        return inv(eye(n) + inv(A)), A @ inv(A + eye(n))
    return cases(case, SIZES1)


@oracle("cbi-searle-low-rank")
def _(rng):
    def case(n, m):
        A, B = rspd(rng, n), rgen(rng, n, m)
        Ai = inv(A)
        return inv(A + B @ B.T) @ B, Ai @ B @ inv(eye(m) + B.T @ Ai @ B)
    return cases(case, SIZES2)


@oracle("cbi-searle-difference")
def _(rng):
    def case(n):
        A = rgen(rng, n, n)
        B = well_conditioned(lambda: rgen(rng, n, n), lambda B: A + B)
        return A - A @ inv(A + B) @ A, B - B @ inv(A + B) @ B
    return cases(case, SIZES1)


@oracle("cbi-searle-sum-of-inverses")
def _(rng):
    def case(n):
        A, B = rinv(rng, n), rinv(rng, n)
        return inv(A) + inv(B), inv(A) @ (A + B) @ inv(B)
    return cases(case, SIZES1)


@oracle("cbi-searle-sum-of-inverses-reordered")
def _(rng):
    def case(n):
        A, B = rinv(rng, n), rinv(rng, n)
        return inv(A) + inv(B), inv(A) @ inv(B) @ (A + B)
    return cases(case, SIZES1)


def _product_parts(rng, n, m):
    A = rgen(rng, n, m)
    B = well_conditioned(lambda: rgen(rng, m, n), lambda B: eye(n) + A @ B)
    return A, B


@oracle("cbi-identity-plus-product")
def _(rng):
    def case(n, m):
        A, B = _product_parts(rng, n, m)
        return inv(eye(n) + A @ B), eye(n) - A @ inv(eye(m) + B @ A) @ B
    return cases(case, SIZES2)


@oracle("cbi-push-through")
def _(rng):
    def case(n, m):
        A, B = _product_parts(rng, n, m)
        return inv(eye(n) + A @ B) @ A, A @ inv(eye(m) + B @ A)
    return cases(case, SIZES2)


@oracle("cbi-push-through-wrong-side")
def _(rng):
    def case(n):
        A, B = _product_parts(rng, n, n)
        return inv(eye(n) + A @ B) @ A, A @ inv(eye(n) + A @ B)
    return cases(case, SIZES1)


@oracle("cbi-determinant-lemma")
def _(rng):
    def case(n):
        A, u, v = rinv(rng, n), rvec(rng, n), rvec(rng, n)
        return det(A + u @ v.T), (1 + v.T @ inv(A) @ u) * det(A)
    return cases(case, SIZES1)


def _lemma_parts(rng, n, m):
    return rinv(rng, n), rgen(rng, n, m), rinv(rng, m), rgen(rng, n, m)


@oracle("cbi-determinant-lemma-low-rank")
def _(rng):
    def case(n, m):
        A, U, W, V = _lemma_parts(rng, n, m)
        return det(A + U @ W @ V.T), det(inv(W) + V.T @ inv(A) @ U) * det(W) * det(A)
    return cases(case, SIZES2)


@oracle("cbi-determinant-lemma-low-rank-W-uninverted")
def _(rng):
    def case(n, m):
        A, U, W, V = _lemma_parts(rng, n, m)
        return det(A + U @ W @ V.T), det(W + V.T @ inv(A) @ U) * det(W) * det(A)
    return cases(case, SIZES2)


@oracle("cbi-sylvester-determinant")
def _(rng):
    def case(n, m):
        A, B = rgen(rng, n, m), rgen(rng, m, n)
        return det(eye(n) + A @ B), det(eye(m) + B @ A)
    return cases(case, SIZES2)


@oracle("cbi-det-AB-BA-rectangular")
def _(rng):
    def case(n, m):
        A, B = rgen(rng, n, m), rgen(rng, m, n)
        return det(A @ B), det(B @ A)
    return cases(case, SIZES2)
