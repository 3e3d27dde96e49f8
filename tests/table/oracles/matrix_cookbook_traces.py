"""Oracles for matrix-cookbook-traces.identities.yaml: central differences, denominator layout."""

from . import oracle
from ._num import SIZES1, SIZES2, SIZES3, cases, eye, grad, inv, rgen, rinv, rsym, tr, well_conditioned

TALL = ((3, 2), (4, 1), (2, 2), (5, 3))  # n >= m: XᵀCX can be invertible
SQUARE = (2, 3, 4)


def _g(rng, *shape):
    return rgen(rng, *shape)


@oracle("cbt-trace")
def _(rng):
    def case(n):
        X = _g(rng, n, n)
        return grad(tr, X), eye(n)
    return cases(case, SIZES1)


@oracle("cbt-trace-XA")
def _(rng):
    def case(n, m):
        X, A = _g(rng, n, m), _g(rng, m, n)
        return grad(lambda X: tr(X @ A), X), A.T
    return cases(case, SIZES2)


@oracle("cbt-trace-XA-transpose-dropped")
def _(rng):
    def case(n):
        X, A = _g(rng, n, n), _g(rng, n, n)
        return grad(lambda X: tr(X @ A), X), A
    return cases(case, SQUARE)


@oracle("cbt-trace-AXB")
def _(rng):
    def case(p, n, m):
        A, X, B = _g(rng, p, n), _g(rng, n, m), _g(rng, m, p)
        return grad(lambda X: tr(A @ X @ B), X), A.T @ B.T
    return cases(case, SIZES3)


@oracle("cbt-trace-AXB-swapped")
def _(rng):
    def case(n):
        A, X, B = _g(rng, n, n), _g(rng, n, n), _g(rng, n, n)
        return grad(lambda X: tr(A @ X @ B), X), B.T @ A.T
    return cases(case, SQUARE)


@oracle("cbt-trace-AXtB")
def _(rng):
    def case(p, n, m):
        A, X, B = _g(rng, p, m), _g(rng, n, m), _g(rng, n, p)
        return grad(lambda X: tr(A @ X.T @ B), X), B @ A
    return cases(case, SIZES3)


@oracle("cbt-trace-XtA")
def _(rng):
    def case(n, m):
        X, A = _g(rng, n, m), _g(rng, n, m)
        return grad(lambda X: tr(X.T @ A), X), A
    return cases(case, SIZES2)


@oracle("cbt-trace-AXt")
def _(rng):
    def case(n, m):
        A, X = _g(rng, n, m), _g(rng, n, m)
        return grad(lambda X: tr(A @ X.T), X), A
    return cases(case, SIZES2)


@oracle("cbt-trace-square")
def _(rng):
    def case(n):
        X = _g(rng, n, n)
        return grad(lambda X: tr(X @ X), X), 2 * X.T
    return cases(case, SIZES1)


@oracle("cbt-trace-square-transpose-dropped")
def _(rng):
    def case(n):
        X = _g(rng, n, n)
        return grad(lambda X: tr(X @ X), X), 2 * X
    return cases(case, SQUARE)


@oracle("cbt-trace-XXB")
def _(rng):
    def case(n):
        X, B = _g(rng, n, n), _g(rng, n, n)
        return grad(lambda X: tr(X @ X @ B), X), (X @ B + B @ X).T
    return cases(case, SIZES1)


@oracle("cbt-trace-XtBX")
def _(rng):
    def case(n, m):
        X, B = _g(rng, n, m), _g(rng, n, n)
        return grad(lambda X: tr(X.T @ B @ X), X), B @ X + B.T @ X
    return cases(case, SIZES2)


@oracle("cbt-trace-XtBX-2BX")
def _(rng):
    def case(n, m):
        X, B = _g(rng, n, m), _g(rng, n, n)
        return grad(lambda X: tr(X.T @ B @ X), X), 2 * B @ X
    return cases(case, ((2, 3), (3, 2), (3, 3)))


@oracle("cbt-trace-BXXt")
def _(rng):
    def case(n, m):
        B, X = _g(rng, n, n), _g(rng, n, m)
        return grad(lambda X: tr(B @ X @ X.T), X), B @ X + B.T @ X
    return cases(case, SIZES2)


@oracle("cbt-trace-XXtB")
def _(rng):
    def case(n, m):
        X, B = _g(rng, n, m), _g(rng, n, n)
        return grad(lambda X: tr(X @ X.T @ B), X), B @ X + B.T @ X
    return cases(case, SIZES2)


@oracle("cbt-trace-XBXt")
def _(rng):
    def case(n, m):
        X, B = _g(rng, n, m), _g(rng, m, m)
        return grad(lambda X: tr(X @ B @ X.T), X), X @ B.T + X @ B
    return cases(case, SIZES2)


@oracle("cbt-trace-XBXt-sides-swapped")
def _(rng):
    def case(n):
        X, B = _g(rng, n, n), _g(rng, n, n)
        return grad(lambda X: tr(X @ B @ X.T), X), B @ X + B.T @ X
    return cases(case, SQUARE)


@oracle("cbt-trace-BXtX")
def _(rng):
    def case(n, m):
        B, X = _g(rng, m, m), _g(rng, n, m)
        return grad(lambda X: tr(B @ X.T @ X), X), X @ B.T + X @ B
    return cases(case, SIZES2)


@oracle("cbt-trace-XtXB")
def _(rng):
    def case(n, m):
        X, B = _g(rng, n, m), _g(rng, m, m)
        return grad(lambda X: tr(X.T @ X @ B), X), X @ B.T + X @ B
    return cases(case, SIZES2)


@oracle("cbt-trace-AXBX")
def _(rng):
    def case(n, m):
        A, X, B = _g(rng, m, n), _g(rng, n, m), _g(rng, m, n)
        return grad(lambda X: tr(A @ X @ B @ X), X), A.T @ X.T @ B.T + B.T @ X.T @ A.T
    return cases(case, SIZES2)


@oracle("cbt-trace-AXBX-no-transposes")
def _(rng):
    def case(n):
        A, X, B = _g(rng, n, n), _g(rng, n, n), _g(rng, n, n)
        return grad(lambda X: tr(A @ X @ B @ X), X), A @ X @ B + B @ X @ A
    return cases(case, SQUARE)


@oracle("cbt-trace-XtX")
def _(rng):
    def case(n, m):
        X = _g(rng, n, m)
        return grad(lambda X: tr(X.T @ X), X), 2 * X
    return cases(case, SIZES2)


@oracle("cbt-trace-BtXtCXB")
def _(rng):
    def case(m, p, n):
        B, X, C = _g(rng, m, p), _g(rng, n, m), _g(rng, n, n)
        return grad(lambda X: tr(B.T @ X.T @ C @ X @ B), X), C.T @ X @ B @ B.T + C @ X @ B @ B.T
    return cases(case, SIZES3)


@oracle("cbt-trace-XtBXC")
def _(rng):
    def case(n, m):
        X, B, C = _g(rng, n, m), _g(rng, n, n), _g(rng, m, m)
        return grad(lambda X: tr(X.T @ B @ X @ C), X), B @ X @ C + B.T @ X @ C.T
    return cases(case, SIZES2)


@oracle("cbt-trace-XtBXC-one-term")
def _(rng):
    def case(n, m):
        X, B, C = _g(rng, n, m), _g(rng, n, n), _g(rng, m, m)
        return grad(lambda X: tr(X.T @ B @ X @ C), X), 2 * B @ X @ C
    return cases(case, ((2, 3), (3, 2), (2, 2)))


@oracle("cbt-trace-AXBXtC")
def _(rng):
    def case(p, n, m):
        A, X, B, C = _g(rng, p, n), _g(rng, n, m), _g(rng, m, m), _g(rng, n, p)
        lhs = grad(lambda X: tr(A @ X @ B @ X.T @ C), X)
        return lhs, A.T @ C.T @ X @ B.T + C @ A @ X @ B
    return cases(case, SIZES3)


@oracle("cbt-trace-affine-squared")
def _(rng):
    def case(p, n, m, q):
        A, X, B, C = _g(rng, p, n), _g(rng, n, m), _g(rng, m, q), _g(rng, p, q)
        R = A @ X @ B + C
        return grad(lambda X: tr((A @ X @ B + C) @ (A @ X @ B + C).T), X), 2 * A.T @ R @ B.T
    return cases(case, ((2, 3, 4, 5), (5, 4, 3, 2), (1, 2, 1, 3)))


@oracle("cbt-trace-affine-squared-factor")
def _(rng):
    def case(p, n, m, q):
        A, X, B, C = _g(rng, p, n), _g(rng, n, m), _g(rng, m, q), _g(rng, p, q)
        R = A @ X @ B + C
        return grad(lambda X: tr((A @ X @ B + C) @ (A @ X @ B + C).T), X), A.T @ R @ B.T
    return cases(case, ((2, 3, 4, 5), (1, 2, 1, 3)))


@oracle("cbt-trace-squared")
def _(rng):
    def case(n):
        X = _g(rng, n, n)
        return grad(lambda X: tr(X) ** 2, X), 2 * tr(X) * eye(n)
    return cases(case, SIZES1)


@oracle("cbt-trace-cube-power")
def _(rng):
    def case(n):
        X = _g(rng, n, n)
        return grad(lambda X: tr(X @ X @ X), X), 3 * (X @ X).T
    return cases(case, SIZES1)


@oracle("cbt-trace-cube-power-untransposed")
def _(rng):
    def case(n):
        X = _g(rng, n, n)
        return grad(lambda X: tr(X @ X @ X), X), 3 * X @ X
    return cases(case, SQUARE)


@oracle("cbt-trace-AX-squared-power")
def _(rng):
    def case(n):
        A, X = _g(rng, n, n), _g(rng, n, n)
        return grad(lambda X: tr(A @ X @ X), X), (A @ X).T + (X @ A).T
    return cases(case, SIZES1)


@oracle("cbt-trace-quartic")
def _(rng):
    def case(m, p, n):
        B, X, C = _g(rng, m, p), _g(rng, n, m), _g(rng, n, n)
        lhs = grad(lambda X: tr(B.T @ X.T @ C @ X @ X.T @ C @ X @ B), X)
        rhs = (C @ X @ X.T @ C @ X @ B @ B.T + C.T @ X @ B @ B.T @ X.T @ C.T @ X
               + C @ X @ B @ B.T @ X.T @ C @ X + C.T @ X @ X.T @ C.T @ X @ B @ B.T)
        return lhs, rhs
    return cases(case, SIZES3)


@oracle("cbt-trace-AXinvB-transposed-form")
def _(rng):
    def case(p, n):
        A, X, B = _g(rng, p, n), rinv(rng, n), _g(rng, n, p)
        Xi = inv(X)
        return grad(lambda X: tr(A @ inv(X) @ B), X), -Xi.T @ A.T @ B.T @ Xi.T
    return cases(case, SIZES2)


@oracle("cbt-trace-AXinvB-sign")
def _(rng):
    def case(p, n):
        A, X, B = _g(rng, p, n), rinv(rng, n), _g(rng, n, p)
        Xi = inv(X)
        return grad(lambda X: tr(A @ inv(X) @ B), X), Xi.T @ A.T @ B.T @ Xi.T
    return cases(case, SIZES2)


def _inv_xtcx_a(rng, n, m, C):
    X = well_conditioned(lambda: _g(rng, n, m), lambda X: X.T @ C @ X)
    A = _g(rng, m, m)
    M = inv(X.T @ C @ X)
    return grad(lambda X: tr(inv(X.T @ C @ X) @ A), X), -(C @ X @ M) @ (A + A.T) @ M


@oracle("cbt-trace-inv-XtCX-A")
def _(rng):
    return cases(lambda n, m: _inv_xtcx_a(rng, n, m, rsym(rng, n)), TALL)


@oracle("cbt-trace-inv-XtCX-A-general-C")
def _(rng):
    return cases(lambda n, m: _inv_xtcx_a(rng, n, m, _g(rng, n, n)), ((3, 2), (4, 2), (2, 2)))


@oracle("cbt-trace-ratio-XtBX")
def _(rng):
    def case(n, m):
        B, C = rsym(rng, n), rsym(rng, n)
        X = well_conditioned(lambda: _g(rng, n, m), lambda X: X.T @ C @ X)
        M = inv(X.T @ C @ X)
        lhs = grad(lambda X: tr(inv(X.T @ C @ X) @ (X.T @ B @ X)), X)
        return lhs, -2 * C @ X @ M @ X.T @ B @ X @ M + 2 * B @ X @ M
    return cases(case, TALL)


def _regularised_ratio(rng, n, m, A):
    B, C = rsym(rng, n), rsym(rng, n)
    X = well_conditioned(lambda: _g(rng, n, m), lambda X: A + X.T @ C @ X)
    M = inv(A + X.T @ C @ X)
    lhs = grad(lambda X: tr(inv(A + X.T @ C @ X) @ (X.T @ B @ X)), X)
    return lhs, -2 * C @ X @ M @ X.T @ B @ X @ M + 2 * B @ X @ M


@oracle("cbt-trace-regularised-ratio")
def _(rng):
    return cases(lambda n, m: _regularised_ratio(rng, n, m, rsym(rng, m)), SIZES2)


@oracle("cbt-trace-regularised-ratio-general-A")
def _(rng):
    return cases(lambda n, m: _regularised_ratio(rng, n, m, _g(rng, m, m)), ((3, 2), (2, 3), (2, 2)))
