"""Oracles for matrix-cookbook-derivatives.identities.yaml: central differences, denominator layout."""

from . import oracle
from ._num import (
    SIZES1,
    SIZES2,
    cases,
    clog,
    csqrt,
    det,
    eye,
    grad,
    hessian,
    inv,
    jac,
    rgen,
    rinv,
    rspd,
    rsym,
    rvec,
    tr,
)

TALL = ((3, 2), (4, 1), (2, 2), (5, 3))  # n >= m: where XᵀX and XᵀAX can be invertible


@oracle("cbd-det")
def _(rng):
    def case(n):
        X = rinv(rng, n)
        return grad(det, X), det(X) * inv(X).T
    return cases(case, SIZES1)


@oracle("cbd-det-transpose-dropped")
def _(rng):
    def case(n):
        X = rinv(rng, n)
        return grad(det, X), det(X) * inv(X)
    return cases(case, SIZES1)


@oracle("cbd-det-of-AXB-square")
def _(rng):
    def case(n):
        A, X, B = rinv(rng, n), rinv(rng, n), rinv(rng, n)
        return grad(lambda X: det(A @ X @ B), X), det(A @ X @ B) * inv(X).T
    return cases(case, SIZES1)


@oracle("cbd-det-of-AXB-rectangular")
def _(rng):
    def case(p, n, m):  # p <= n, m: AXB invertible
        A, X, B = rgen(rng, p, n), rgen(rng, n, m), rgen(rng, m, p)
        M = A @ X @ B
        return grad(lambda X: det(A @ X @ B), X), det(M) * A.T @ inv(M).T @ B.T
    return cases(case, ((2, 3, 4), (1, 3, 2), (2, 2, 3), (3, 3, 3)))


@oracle("cbd-det-XtAX-square")
def _(rng):
    def case(n):
        X, A = rinv(rng, n), rinv(rng, n)
        return grad(lambda X: det(X.T @ A @ X), X), 2 * det(X.T @ A @ X) * inv(X).T
    return cases(case, SIZES1)


@oracle("cbd-det-XtAX-symmetric-A")
def _(rng):
    def case(n, m):
        X, A = rgen(rng, n, m), rsym(rng, n)
        M = X.T @ A @ X
        return grad(lambda X: det(X.T @ A @ X), X), 2 * det(M) * A @ X @ inv(M)
    return cases(case, TALL)


@oracle("cbd-det-XtAX-symmetric-formula-general-A")
def _(rng):
    def case(n, m):
        X, A = rgen(rng, n, m), rgen(rng, n, n)
        M = X.T @ A @ X
        return grad(lambda X: det(X.T @ A @ X), X), 2 * det(M) * A @ X @ inv(M)
    return cases(case, ((3, 2), (4, 1), (5, 3)))


@oracle("cbd-det-XtAX-general")
def _(rng):
    def case(n, m):
        X, A = rgen(rng, n, m), rgen(rng, n, n)
        M = X.T @ A @ X
        rhs = det(M) * (A @ X @ inv(M) + A.T @ X @ inv(X.T @ A.T @ X))
        return grad(lambda X: det(X.T @ A @ X), X), rhs
    return cases(case, TALL)


@oracle("cbd-logdet-XtX-rectangular")
def _(rng):
    def case(n, m):
        X = rgen(rng, n, m)
        return grad(lambda X: clog(det(X.T @ X)), X), 2 * X @ inv(X.T @ X)
    return cases(case, TALL)


@oracle("cbd-logdet-XtX-square")
def _(rng):
    def case(n):
        X = rinv(rng, n)
        return grad(lambda X: clog(det(X.T @ X)), X), 2 * inv(X).T
    return cases(case, SIZES1)


@oracle("cbd-logdet")
def _(rng):
    def case(n):
        X = rinv(rng, n)
        return grad(lambda X: clog(det(X)), X), inv(X).T
    return cases(case, SIZES1)


@oracle("cbd-logdet-spd")
def _(rng):
    def case(n):
        X = rspd(rng, n)
        return grad(lambda X: clog(det(X)), X), inv(X)
    return cases(case, SIZES1)


@oracle("cbd-logdet-transpose-dropped")
def _(rng):
    def case(n):
        X = rinv(rng, n)
        return grad(lambda X: clog(det(X)), X), inv(X)
    return cases(case, SIZES1)


@oracle("cbd-det-of-cube")
def _(rng):
    def case(n):
        X = rinv(rng, n)
        return grad(lambda X: det(X @ X @ X), X), 3 * det(X @ X @ X) * inv(X).T
    return cases(case, SIZES1)


@oracle("cbd-bilinear-inverse")
def _(rng):
    def case(n):
        a, X, b = rvec(rng, n), rinv(rng, n), rvec(rng, n)
        return grad(lambda X: a.T @ inv(X) @ b, X), -inv(X).T @ a @ b.T @ inv(X).T
    return cases(case, SIZES1)


@oracle("cbd-bilinear-inverse-no-transposes")
def _(rng):
    def case(n):
        a, X, b = rvec(rng, n), rinv(rng, n), rvec(rng, n)
        return grad(lambda X: a.T @ inv(X) @ b, X), -inv(X) @ a @ b.T @ inv(X)
    return cases(case, SIZES1)


@oracle("cbd-det-of-inverse")
def _(rng):
    def case(n):
        X = rinv(rng, n)
        return grad(lambda X: det(inv(X)), X), -det(inv(X)) * inv(X).T
    return cases(case, SIZES1)


@oracle("cbd-det-of-inverse-sign")
def _(rng):
    def case(n):
        X = rinv(rng, n)
        return grad(lambda X: det(inv(X)), X), det(inv(X)) * inv(X).T
    return cases(case, SIZES1)


@oracle("cbd-trace-AXinvB")
def _(rng):
    def case(p, n):
        A, X, B = rgen(rng, p, n), rinv(rng, n), rgen(rng, n, p)
        return grad(lambda X: tr(A @ inv(X) @ B), X), -(inv(X) @ B @ A @ inv(X)).T
    return cases(case, SIZES2)


@oracle("cbd-trace-inverse-of-sum")
def _(rng):
    def case(n):
        A = rgen(rng, n, n)
        X = rinv(rng, n) - A  # X + A well conditioned
        S = inv(X + A)
        return grad(lambda X: tr(inv(X + A)), X), -(S @ S).T
    return cases(case, SIZES1)


@oracle("cbd-linear-form")
def _(rng):
    def case(n):
        x, a = rvec(rng, n), rvec(rng, n)
        return grad(lambda x: x.T @ a, x), a
    return cases(case, SIZES1)


@oracle("cbd-bilinear-form")
def _(rng):
    def case(n, m):
        a, X, b = rvec(rng, n), rgen(rng, n, m), rvec(rng, m)
        return grad(lambda X: a.T @ X @ b, X), a @ b.T
    return cases(case, SIZES2)


@oracle("cbd-bilinear-form-numerator-layout")
def _(rng):
    def case(n):
        a, X, b = rvec(rng, n), rgen(rng, n, n), rvec(rng, n)
        return grad(lambda X: a.T @ X @ b, X), b @ a.T
    return cases(case, SIZES1)


@oracle("cbd-bilinear-form-numerator-layout-declared")
def _(rng):
    def case(n, m):  # numerator layout: the transpose of the gradient
        a, X, b = rvec(rng, n), rgen(rng, n, m), rvec(rng, m)
        return grad(lambda X: a.T @ X @ b, X).T, b @ a.T
    return cases(case, SIZES2)


@oracle("cbd-bilinear-form-transposed")
def _(rng):
    def case(n, m):
        a, X, b = rvec(rng, m), rgen(rng, n, m), rvec(rng, n)
        return grad(lambda X: a.T @ X.T @ b, X), b @ a.T
    return cases(case, SIZES2)


@oracle("cbd-quadratic-in-X")
def _(rng):
    def case(n):
        a, X = rvec(rng, n), rgen(rng, n, n)
        return grad(lambda X: a.T @ X @ a, X), a @ a.T
    return cases(case, SIZES1)


@oracle("cbd-btXtXc")
def _(rng):
    def case(n, m):
        b, X, c = rvec(rng, m), rgen(rng, n, m), rvec(rng, m)
        return grad(lambda X: b.T @ X.T @ X @ c, X), X @ (b @ c.T + c @ b.T)
    return cases(case, SIZES2)


@oracle("cbd-btXtXc-half")
def _(rng):
    def case(n, m):
        b, X, c = rvec(rng, m), rgen(rng, n, m), rvec(rng, m)
        return grad(lambda X: b.T @ X.T @ X @ c, X), X @ b @ c.T
    return cases(case, SIZES2)


@oracle("cbd-affine-bilinear")
def _(rng):
    def case(n, p, q):
        x, B, b = rvec(rng, n), rgen(rng, p, n), rvec(rng, p)
        C, F, d = rgen(rng, p, q), rgen(rng, q, n), rvec(rng, q)
        lhs = grad(lambda x: (B @ x + b).T @ C @ (F @ x + d), x)
        return lhs, B.T @ C @ (F @ x + d) + F.T @ C.T @ (B @ x + b)
    return cases(case, ((2, 3, 4), (3, 1, 2), (1, 1, 1)))


@oracle("cbd-quadratic-form")
def _(rng):
    def case(n):
        x, B = rvec(rng, n), rgen(rng, n, n)
        return grad(lambda x: x.T @ B @ x, x), (B + B.T) @ x
    return cases(case, SIZES1)


@oracle("cbd-quadratic-form-2Bx-general")
def _(rng):
    def case(n):
        x, B = rvec(rng, n), rgen(rng, n, n)
        return grad(lambda x: x.T @ B @ x, x), 2 * B @ x
    return cases(case, SIZES1)


@oracle("cbd-quadratic-form-2Bx-symmetric")
def _(rng):
    def case(n):
        x, B = rvec(rng, n), rsym(rng, n)
        return grad(lambda x: x.T @ B @ x, x), 2 * B @ x
    return cases(case, SIZES1)


@oracle("cbd-btXtDXc")
def _(rng):
    def case(n, m):
        b, X, F, c = rvec(rng, m), rgen(rng, n, m), rgen(rng, n, n), rvec(rng, m)
        lhs = grad(lambda X: b.T @ X.T @ F @ X @ c, X)
        return lhs, F.T @ X @ b @ c.T + F @ X @ c @ b.T
    return cases(case, SIZES2)


@oracle("cbd-affine-quadratic-in-X")
def _(rng):
    def case(n, m):
        X, b, c, F = rgen(rng, n, m), rvec(rng, m), rvec(rng, n), rgen(rng, n, n)
        lhs = grad(lambda X: (X @ b + c).T @ F @ (X @ b + c), X)
        return lhs, (F + F.T) @ (X @ b + c) @ b.T
    return cases(case, SIZES2)


@oracle("cbd-affine-quadratic-in-X-2F")
def _(rng):
    def case(n, m):
        X, b, c, F = rgen(rng, n, m), rvec(rng, m), rvec(rng, n), rgen(rng, n, n)
        lhs = grad(lambda X: (X @ b + c).T @ F @ (X @ b + c), X)
        return lhs, 2 * F @ (X @ b + c) @ b.T
    return cases(case, ((2, 3), (3, 2), (3, 3)))


def _residual_case(rng, n, m, W):
    x, A, s = rvec(rng, n), rgen(rng, n, m), rvec(rng, m)
    return x, A, s, W


@oracle("cbd-weighted-residual-in-s")
def _(rng):
    def case(n, m):
        x, A, s, W = _residual_case(rng, n, m, rsym(rng, n))
        return grad(lambda s: (x - A @ s).T @ W @ (x - A @ s), s), -2 * A.T @ W @ (x - A @ s)
    return cases(case, SIZES2)


@oracle("cbd-weighted-residual-in-s-W-general")
def _(rng):
    def case(n, m):
        x, A, s, W = _residual_case(rng, n, m, rgen(rng, n, n))
        return grad(lambda s: (x - A @ s).T @ W @ (x - A @ s), s), -2 * A.T @ W @ (x - A @ s)
    return cases(case, ((2, 3), (3, 2), (3, 3)))


@oracle("cbd-weighted-distance-in-x")
def _(rng):
    def case(n):
        x, s, W = rvec(rng, n), rvec(rng, n), rsym(rng, n)
        return grad(lambda x: (x - s).T @ W @ (x - s), x), 2 * W @ (x - s)
    return cases(case, SIZES1)


@oracle("cbd-weighted-distance-in-s")
def _(rng):
    def case(n):
        x, s, W = rvec(rng, n), rvec(rng, n), rsym(rng, n)
        return grad(lambda s: (x - s).T @ W @ (x - s), s), -2 * W @ (x - s)
    return cases(case, SIZES1)


@oracle("cbd-weighted-distance-in-s-sign")
def _(rng):
    def case(n):
        x, s, W = rvec(rng, n), rvec(rng, n), rsym(rng, n)
        return grad(lambda s: (x - s).T @ W @ (x - s), s), 2 * W @ (x - s)
    return cases(case, SIZES1)


@oracle("cbd-weighted-residual-in-x")
def _(rng):
    def case(n, m):
        x, A, s, W = _residual_case(rng, n, m, rsym(rng, n))
        return grad(lambda x: (x - A @ s).T @ W @ (x - A @ s), x), 2 * W @ (x - A @ s)
    return cases(case, SIZES2)


@oracle("cbd-weighted-residual-in-A")
def _(rng):
    def case(n, m):
        x, A, s, W = _residual_case(rng, n, m, rsym(rng, n))
        return grad(lambda A: (x - A @ s).T @ W @ (x - A @ s), A), -2 * W @ (x - A @ s) @ s.T
    return cases(case, SIZES2)


@oracle("cbd-weighted-residual-in-A-order")
def _(rng):
    def case(n):
        x, A, s, W = _residual_case(rng, n, n, rsym(rng, n))
        return grad(lambda A: (x - A @ s).T @ W @ (x - A @ s), A), -2 * s @ (x - A @ s).T @ W
    return cases(case, (2, 3, 4))


@oracle("cbd-quadratic-plus-linear")
def _(rng):
    def case(n):
        x, A, b = rvec(rng, n), rgen(rng, n, n), rvec(rng, n)
        return grad(lambda x: x.T @ A @ x + b.T @ x, x), (A + A.T) @ x + b
    return cases(case, SIZES1)


@oracle("cbd-hessian-quadratic")
def _(rng):
    def case(n):
        x, A, b = rvec(rng, n), rgen(rng, n, n), rvec(rng, n)
        return hessian(lambda x: x.T @ A @ x + b.T @ x, x), A + A.T
    return cases(case, SIZES1)


@oracle("cbd-hessian-quadratic-halved")
def _(rng):
    def case(n):
        x, A = rvec(rng, n), rsym(rng, n)
        return hessian(lambda x: x.T @ A @ x, x), A
    return cases(case, SIZES1)


def _norm(r):
    return csqrt(r.T @ r)


@oracle("cbd-euclidean-distance")
def _(rng):
    def case(n):
        x, a = rvec(rng, n), rvec(rng, n)
        return grad(lambda x: _norm(x - a), x), (x - a) / _norm(x - a)
    return cases(case, SIZES1)


@oracle("cbd-euclidean-distance-squared-denominator")
def _(rng):
    def case(n):
        x, a = rvec(rng, n), rvec(rng, n) + 3.0  # |x - a| well away from 1
        return grad(lambda x: _norm(x - a), x), (x - a) / ((x - a).T @ (x - a))
    return cases(case, SIZES1)


@oracle("cbd-unit-vector-jacobian")
def _(rng):
    def case(n):
        x, a = rvec(rng, n), rvec(rng, n)
        r = x - a
        rhs = eye(n) / _norm(r) - r @ r.T / _norm(r) ** 3
        return jac(lambda x: (x - a) / _norm(x - a), x), rhs
    return cases(case, SIZES1)


@oracle("cbd-squared-norm")
def _(rng):
    def case(n):
        x = rvec(rng, n)
        return grad(lambda x: x.T @ x, x), 2 * x
    return cases(case, SIZES1)


@oracle("cbd-squared-norm-factor")
def _(rng):
    def case(n):
        x = rvec(rng, n)
        return grad(lambda x: x.T @ x, x), x
    return cases(case, SIZES1)


@oracle("cbd-frobenius-squared")
def _(rng):
    def case(n, m):
        X = rgen(rng, n, m)
        return grad(lambda X: tr(X @ X.T), X), 2 * X
    return cases(case, SIZES2)


@oracle("cbd-frobenius-squared-transposed")
def _(rng):
    def case(n):
        X = rgen(rng, n, n)
        return grad(lambda X: tr(X @ X.T), X), 2 * X.T
    return cases(case, (2, 3, 4))

