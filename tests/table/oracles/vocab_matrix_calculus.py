"""Oracles for vocab-matrix-calculus.identities.yaml.

A declared matrix function ``X: matrix n n ... function t`` stands for every smooth family; the
oracles try random quadratic families X(t) = X0 + t X1 + t² X2 (for ``spd``: G(t) G(t)ᵀ + I/2),
differentiate the claimed expressions by central differences in t, and use the exact dX/dt.
"""

import numpy as np

from . import oracle
from ._num import SIZES1, SIZES2, agree, cases, det, dt, eye, grad, inv, rgen, rinv, rvec, tr

POWERS = (1, 2, 3, 5)
K = (1, 2, 3)


def _family(rng, n, m, kind="general"):
    """(X(t), X'(t)) for a random quadratic family, and a point t where X is well conditioned."""
    if kind == "spd":
        G0, G1 = rgen(rng, n, n), rgen(rng, n, n)

        def X(t):
            G = G0 + t * G1
            return G @ G.T + 0.5 * eye(n)

        def dX(t):
            G = G0 + t * G1
            return G1 @ G.T + G @ G1.T
    else:
        X0 = rinv(rng, n) if kind == "invertible" else rgen(rng, n, m)
        X1, X2 = rgen(rng, n, m) / 3, rgen(rng, n, m) / 3

        def X(t):
            return X0 + t * X1 + t**2 * X2

        def dX(t):
            return X1 + 2 * t * X2
    return X, dX, rng.uniform(-0.3, 0.3)


def _scalar_fn_rows(rng, case, sizes=SIZES1, kind="invertible"):
    def one(n):
        X, dX, t = _family(rng, n, n, kind)
        return case(X, dX, t, n)
    return cases(one, sizes)


@oracle("v-inverse-derivative")
def _(rng):
    return _scalar_fn_rows(rng, lambda X, dX, t, n: (dt(lambda t: inv(X(t)), t), -inv(X(t)) @ dX(t) @ inv(X(t))))


@oracle("v-inverse-derivative-commuted")
def _(rng):
    return _scalar_fn_rows(rng, lambda X, dX, t, n: (dt(lambda t: inv(X(t)), t), -inv(X(t)) @ inv(X(t)) @ dX(t)),
                           (2, 3))


@oracle("v-det-derivative-by-scalar")
def _(rng):
    return _scalar_fn_rows(rng, lambda X, dX, t, n: (dt(lambda t: det(X(t)), t), det(X(t)) * tr(inv(X(t)) @ dX(t))))


@oracle("v-logdet-derivative-by-scalar")
def _(rng):
    return _scalar_fn_rows(rng, lambda X, dX, t, n: (dt(lambda t: np.log(det(X(t))), t), tr(inv(X(t)) @ dX(t))),
                           kind="spd")


@oracle("v-logdet-derivative-by-scalar-inverse-dropped")
def _(rng):
    return _scalar_fn_rows(rng, lambda X, dX, t, n: (dt(lambda t: np.log(det(X(t))), t), tr(dX(t))), (2, 3),
                           kind="spd")


@oracle("v-product-rule-matrices")
def _(rng):
    def case(n, m, p):
        X, dX, t = _family(rng, n, m)
        Y, dY, _ = _family(rng, m, p)
        return dt(lambda t: X(t) @ Y(t), t), dX(t) @ Y(t) + X(t) @ dY(t)
    return cases(case, ((2, 3, 4), (3, 1, 2), (1, 1, 1)))


@oracle("v-product-rule-matrices-order-swapped")
def _(rng):
    def case(n):
        X, dX, t = _family(rng, n, n)
        Y, dY, _ = _family(rng, n, n)
        return dt(lambda t: X(t) @ Y(t), t), dX(t) @ Y(t) + dY(t) @ X(t)
    return cases(case, (2, 3))


@oracle("v-transpose-derivative")
def _(rng):
    def case(n, m):
        X, dX, t = _family(rng, n, m)
        return dt(lambda t: X(t).T, t), dX(t).T
    return cases(case, SIZES2)


@oracle("v-trace-derivative")
def _(rng):
    return _scalar_fn_rows(rng, lambda X, dX, t, n: (dt(lambda t: tr(X(t)), t), tr(dX(t))), kind="general")


@oracle("v-hadamard-derivative")
def _(rng):
    def case(n, m):
        (X, dX, t), (Y, dY, _) = _family(rng, n, m), _family(rng, n, m)
        return dt(lambda t: X(t) * Y(t), t), dX(t) * Y(t) + X(t) * dY(t)
    return cases(case, SIZES2)


@oracle("v-kronecker-derivative")
def _(rng):
    def case(n, m, p, q):
        (X, dX, t), (Y, dY, _) = _family(rng, n, m), _family(rng, p, q)
        return dt(lambda t: np.kron(X(t), Y(t)), t), np.kron(dX(t), Y(t)) + np.kron(X(t), dY(t))
    return cases(case, ((2, 3, 1, 2), (1, 2, 2, 1), (2, 2, 2, 2)))


@oracle("v-square-derivative")
def _(rng):
    return _scalar_fn_rows(rng, lambda X, dX, t, n: (dt(lambda t: X(t) @ X(t), t), dX(t) @ X(t) + X(t) @ dX(t)),
                           kind="general")


@oracle("v-square-derivative-scalar-rule")
def _(rng):
    return _scalar_fn_rows(rng, lambda X, dX, t, n: (dt(lambda t: X(t) @ X(t), t), 2 * X(t) @ dX(t)), (2, 3),
                           kind="general")


@oracle("v-scalar-times-vector-numerator")
def _(rng):
    def case(k):
        x = rvec(rng, k)
        return dt(lambda t: t * x, rng.normal()), x
    return cases(case, K)


@oracle("v-scalar-times-vector-denominator")
def _(rng):
    def case(k):
        x = rvec(rng, k)
        return dt(lambda t: t * x, rng.normal()).T, x.T
    return cases(case, K)


@oracle("v-sine-scaled-product")
def _(rng):
    def case(k):
        A, B, x, t = rgen(rng, k, k), rgen(rng, k, k), rvec(rng, k), rng.normal()
        return dt(lambda t: np.sin(t) * A @ B @ x, t), np.cos(t) * A @ B @ x
    return cases(case, K)


@oracle("v-scaled-matrix-square")
def _(rng):
    def case():
        F, t = rgen(rng, 3, 3), rng.normal()
        return dt(lambda t: (t * F) @ (t * F), t), 2 * t * F @ F
    return cases(case, [()], repeat=3)


@oracle("v-constant-by-scalar")
def _(rng):
    def case(k):
        A, X, B, c = rgen(rng, k, k), rgen(rng, k, k), rgen(rng, k, k), rvec(rng, k)
        return dt(lambda t: A @ (X + B) @ c, rng.normal()), np.zeros((k, 1))
    return cases(case, K)


@oracle("v-hadamard-scalar-factor")
def _(rng):
    def case(k):
        x, y = rvec(rng, k), rvec(rng, k)
        return dt(lambda t: t * np.ones((k, 1)) * x * y, rng.normal()), x * y
    return cases(case, K)


@oracle("v-matrix-literal-power")
def _(rng):
    def case():
        m, q = rng.normal(0, 2, 2)
        M = lambda m: np.array([[0.0, m], [q, 0.0]])  # noqa: E731
        return dt(lambda m: np.linalg.matrix_power(M(m), 3), m), np.array([[0, 2 * m * q], [q**2, 0]])
    return cases(case, [()], repeat=4)


@oracle("v-matrix-literal-diagonal-square")
def _(rng):
    def case():
        m = rng.normal(0, 2)
        return dt(lambda m: np.linalg.matrix_power(m * eye(2), 2), m), np.array([[2 * m, 0], [0, 2 * m]])
    return cases(case, [()], repeat=3)


@oracle("v-matrix-unit")
def _(rng):
    unit = np.zeros((3, 3))
    unit[1, 2] = 1.0
    return cases(lambda: (grad(lambda M: M[1, 2], rgen(rng, 3, 3)), unit), [()], repeat=2)


M1, M3 = np.array([[1.0, 2.0], [4.0, 7.0]]), np.array([[3.0], [5.0]])


@oracle("v-explicit-quadratic-gradient")
def _(rng):
    def case():
        x = rvec(rng, 2)
        return grad(lambda x: x.T @ M1 @ x + x.T @ M3, x), (M1 + M1.T) @ x + M3
    return cases(case, [()], repeat=3)


@oracle("v-explicit-quadratic-gradient-unsymmetrised")
def _(rng):
    x = np.array([[1.0], [0.0]])
    return agree(grad(lambda x: x.T @ M1 @ x + x.T @ M3, x), 2 * M1 @ x + M3)


@oracle("v-block-determinant-schur")
def _(rng):
    def case(n, m):
        A, B, C, F = rinv(rng, n), rgen(rng, n, m), rgen(rng, m, n), rgen(rng, m, m)
        return det(np.block([[A, B], [C, F]])), det(A) * det(F - C @ inv(A) @ B)
    return cases(case, SIZES2)


@oracle("v-block-determinant-naive")
def _(rng):
    def case(n):
        A, B, C, F = rinv(rng, n), rgen(rng, n, n), rgen(rng, n, n), rgen(rng, n, n)
        return det(np.block([[A, B], [C, F]])), det(A) * det(F) - det(B) * det(C)
    return cases(case, (2, 3))


@oracle("v-block-transpose")
def _(rng):
    def case(n, m, p, q):
        A, B, C, F = rgen(rng, n, p), rgen(rng, n, q), rgen(rng, m, p), rgen(rng, m, q)
        return np.block([[A, B], [C, F]]).T, np.block([[A.T, C.T], [B.T, F.T]])
    return cases(case, ((2, 3, 1, 2), (1, 1, 2, 3)))


@oracle("v-block-transpose-unswapped")
def _(rng):
    def case(n):
        A, B, C, F = (rgen(rng, n, n) for _ in range(4))
        return np.block([[A, B], [C, F]]).T, np.block([[A.T, B.T], [C.T, F.T]])
    return cases(case, (1, 2))


def _zeros(a, b):
    return np.zeros((a, b))


@oracle("v-block-diagonal-inverse")
def _(rng):
    def case(n, m):
        A, F = rinv(rng, n), rinv(rng, m)
        return inv(np.block([[A, _zeros(n, m)], [_zeros(m, n), F]])), np.block([[inv(A), _zeros(n, m)],
                                                                                 [_zeros(m, n), inv(F)]])
    return cases(case, SIZES2)


def _lower_block(rng, n, m, sign):
    A, C, F = rinv(rng, n), rgen(rng, m, n), rinv(rng, m)
    lhs = inv(np.block([[A, _zeros(n, m)], [C, F]]))
    return lhs, np.block([[inv(A), _zeros(n, m)], [sign * inv(F) @ C @ inv(A), inv(F)]])


@oracle("v-block-lower-triangular-inverse")
def _(rng):
    return cases(lambda n, m: _lower_block(rng, n, m, -1.0), SIZES2)


@oracle("v-block-lower-triangular-inverse-sign")
def _(rng):
    return cases(lambda n, m: _lower_block(rng, n, m, 1.0), SIZES2)


@oracle("v-block-trace")
def _(rng):
    def case(n, m):
        A, B, C, F = rgen(rng, n, n), rgen(rng, n, m), rgen(rng, m, n), rgen(rng, m, m)
        return tr(np.block([[A, B], [C, F]])), tr(A) + tr(F)
    return cases(case, SIZES2)


@oracle("v-block-row-times-column")
def _(rng):
    def case(n, p, q, m):
        A, B, C, F = rgen(rng, n, p), rgen(rng, n, q), rgen(rng, p, m), rgen(rng, q, m)
        return np.block([[A, B]]) @ np.block([[C], [F]]), A @ C + B @ F
    return cases(case, ((2, 3, 1, 2), (1, 2, 3, 1)))


def _power_rows(rng, case, sizes=SIZES1):
    """``case(n, k)`` at every size n and every exponent k in POWERS."""
    for k in POWERS:
        if not cases(lambda n, k=k: case(n, k), sizes):
            return False
    return True


@oracle("v-det-of-symbolic-power")
def _(rng):
    return _power_rows(rng, lambda n, k: (det(np.linalg.matrix_power(A := rgen(rng, n, n), k)), det(A) ** k))


@oracle("v-det-of-scaled-symbolic")
def _(rng):
    return cases(lambda n: (det((c := rng.normal(0, 2)) * (A := rgen(rng, n, n))), c**n * det(A)), SIZES1)


@oracle("v-det-of-scaled-symbolic-linear")
def _(rng):
    return cases(lambda n: (det(2.5 * (A := rinv(rng, n))), 2.5 * det(A)), SIZES1)


@oracle("v-det-of-negation-symbolic")
def _(rng):
    return cases(lambda n: (det(-(A := rgen(rng, n, n))), (-1) ** n * det(A)), SIZES1)


@oracle("v-trace-power-gradient")
def _(rng):
    return _power_rows(rng, lambda n, k: (grad(lambda X: tr(np.linalg.matrix_power(X, k)), X := rgen(rng, n, n) / 2),
                                          k * np.linalg.matrix_power(X, k - 1).T))


@oracle("v-trace-power-gradient-untransposed")
def _(rng):
    X = rgen(rng, 2, 2)
    return agree(grad(lambda X: tr(X @ X), X), 2 * X)  # k = 2: 2Xᵀ is the gradient, 2X is not


@oracle("v-det-power-gradient")
def _(rng):
    def case(n, k):
        X = rinv(rng, n) / 1.5
        return grad(lambda X: det(np.linalg.matrix_power(X, k)), X), k * det(np.linalg.matrix_power(X, k)) * inv(X).T
    return _power_rows(rng, case, (1, 2, 3))


@oracle("v-kron-det-symbolic")
def _(rng):
    def case(n, m):
        A, B = rgen(rng, n, n), rgen(rng, m, m)
        return det(np.kron(A, B)), det(A) ** m * det(B) ** n
    return cases(case, ((2, 3), (3, 2), (1, 2), (2, 2)))


@oracle("v-kron-det-symbolic-exponents-swapped")
def _(rng):
    def case(n, m):
        A, B = rinv(rng, n) * 1.5, rinv(rng, m)
        return det(np.kron(A, B)), det(A) ** n * det(B) ** m
    return cases(case, ((2, 3), (1, 2)))


@oracle("v-inverse-of-symbolic-power")
def _(rng):
    return _power_rows(rng, lambda n, k: (inv(np.linalg.matrix_power(A := rinv(rng, n), k)),
                                          np.linalg.matrix_power(inv(A), k)))


