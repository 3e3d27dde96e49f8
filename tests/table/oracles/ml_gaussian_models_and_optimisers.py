"""Oracles for ml-gaussian-models-and-optimisers.identities.yaml."""

import math

import numpy as np

from . import oracle
from ._num import (
    SIZES1,
    agree,
    all_agree,
    cases,
    cases_le,
    clog,
    det,
    eye,
    grad,
    inv,
    rgen,
    rinv,
    rpos,
    rpsd,
    rspd,
    rvec,
    tr,
)
from ._prob import expect_normals

LOW_RANK = ((3, 1), (4, 2), (2, 2), (3, 3), (2, 3))  # (d, q), q > d included: C = WWᵀ + sI stays SPD


def _orthonormal_columns(rng, d, q):
    Q, R = np.linalg.qr(rng.standard_normal((d, q)))
    return Q * np.sign(np.diag(R))


def _mean_gradient_cases(rng, S_draw, rhs, sizes=SIZES1):
    def case(d):
        x, mu, S = rvec(rng, d), rvec(rng, d), S_draw(d)
        return grad(lambda mu: -(x - mu).T @ inv(S) @ (x - mu) / 2, mu), rhs(x, mu, S)
    return cases(case, sizes)


@oracle("ml-gaussian-loglik-mean-gradient")
def _(rng):
    return _mean_gradient_cases(rng, lambda d: rspd(rng, d), lambda x, mu, S: inv(S) @ (x - mu))


@oracle("ml-gaussian-loglik-mean-gradient-covariance-for-precision")
def _(rng):
    return _mean_gradient_cases(rng, lambda d: rspd(rng, d), lambda x, mu, S: S @ (x - mu))


@oracle("ml-gaussian-loglik-mean-gradient-nonsymmetric")
def _(rng):
    return _mean_gradient_cases(rng, lambda d: rinv(rng, d), lambda x, mu, S: inv(S) @ (x - mu), (2, 3, 4))


def _covariance_gradient_cases(rng, rhs):
    def case(d):
        x, mu, S = rvec(rng, d), rvec(rng, d), rspd(rng, d)
        lhs = grad(lambda S: -clog(det(S)) / 2 - (x - mu).T @ inv(S) @ (x - mu) / 2, S)
        return lhs, rhs(x, mu, S)
    return cases(case, SIZES1)


@oracle("ml-gaussian-loglik-covariance-gradient")
def _(rng):
    return _covariance_gradient_cases(rng, lambda x, mu, S: -inv(S) / 2 + inv(S) @ (x - mu) @ (x - mu).T @ inv(S) / 2)


@oracle("ml-gaussian-loglik-covariance-gradient-sandwich-dropped")
def _(rng):
    return _covariance_gradient_cases(rng, lambda x, mu, S: -inv(S) / 2 + (x - mu) @ (x - mu).T / 2)


@oracle("ml-gaussian-scatter-gradient")
def _(rng):
    def case(d):
        S, M, N = rspd(rng, d), rspd(rng, d), rpos(rng) * 3
        lhs = grad(lambda S: -N / 2 * clog(det(S)) - tr(inv(S) @ M) / 2, S)
        return lhs, -N / 2 * inv(S) + inv(S) @ M @ inv(S) / 2
    return cases(case, SIZES1)


@oracle("ml-gaussian-mle-covariance-stationary")
def _(rng):
    def case(d):
        M, N = rspd(rng, d), rpos(rng) * 3
        Si = inv(M / N)
        return -N / 2 * Si + Si @ M @ Si / 2, np.zeros((d, d))
    return cases(case, SIZES1)


def _ppca_objective(S, s, N):
    def f(W):
        C = W @ W.T + s * eye(W.shape[0])
        return -N / 2 * (clog(det(C)) + tr(inv(C) @ S))
    return f


def _ppca_cases(rng, S_draw, rhs, sizes=LOW_RANK):
    def case(d, q):
        W, S, s, N = rgen(rng, d, q), S_draw(d), rpos(rng), rpos(rng) * 3
        Ci = inv(W @ W.T + s * eye(d))
        return grad(_ppca_objective(S, s, N), W), rhs(Ci, S, W, N)
    return cases(case, sizes)


@oracle("ml-ppca-stationarity")
def _(rng):
    return _ppca_cases(rng, lambda d: rspd(rng, d), lambda Ci, S, W, N: N * (Ci @ S @ Ci @ W - Ci @ W))


@oracle("ml-ppca-stationarity-nonsymmetric-S")
def _(rng):
    return _ppca_cases(rng, lambda d: rgen(rng, d, d), lambda Ci, S, W, N: N * (Ci @ S @ Ci @ W - Ci @ W),
                       ((3, 1), (4, 2), (3, 3)))


@oracle("ml-ppca-stationarity-sign")
def _(rng):
    return _ppca_cases(rng, lambda d: rspd(rng, d), lambda Ci, S, W, N: N * (Ci @ W - Ci @ S @ Ci @ W))


@oracle("ml-ppca-inverse-via-woodbury")
def _(rng):
    def case(d, q):
        W, s = rgen(rng, d, q), rpos(rng)
        return inv(W @ W.T + s * eye(d)), (eye(d) - W @ inv(W.T @ W + s * eye(q)) @ W.T) / s
    return cases(case, LOW_RANK)


@oracle("ml-ppca-inverse-noise-dropped")
def _(rng):
    def case(d, q):
        W, s = rgen(rng, d, q), rng.uniform(2.0, 3.0)
        return inv(W @ W.T + s * eye(d)), (eye(d) - W @ inv(W.T @ W + eye(q)) @ W.T) / s
    return cases(case, LOW_RANK)


@oracle("ml-ppca-determinant-4-2")
def _(rng):
    def case():
        W, s = rgen(rng, 4, 2), rpos(rng)
        return det(W @ W.T + s * eye(4)), s**2 * det(W.T @ W + s * eye(2))
    return cases(case, [()], repeat=4)


def _reconstruction(X, W):
    R = X - X @ W @ W.T
    return tr(R.T @ R), tr(X.T @ X) - tr(W.T @ X.T @ X @ W)


@oracle("ml-pca-reconstruction-error")
def _(rng):
    def case(N, d, q):  # q <= d: only there do d x q matrices with WᵀW = I exist
        return _reconstruction(rgen(rng, N, d), _orthonormal_columns(rng, d, q))
    return cases(case, ((5, 3, 2), (2, 3, 1), (4, 2, 2), (1, 1, 1)))


@oracle("ml-pca-reconstruction-error-without-orthonormality")
def _(rng):
    return cases(lambda N, d, q: _reconstruction(rgen(rng, N, d), rgen(rng, d, q)), ((5, 3, 2), (4, 2, 2)))


@oracle("ml-pca-projected-variance-bounded")
def _(rng):
    def case(d, q):
        S, W = rpsd(rng, d), _orthonormal_columns(rng, d, q)
        return tr(W.T @ S @ W), tr(S)
    return cases_le(case, ((3, 2), (3, 1), (2, 2), (4, 3)), repeat=3)


def _gaussian_rows(rng, case, draws=4):
    return all_agree(case() for _ in range(draws))


def _kl_case(rng, closed_form):
    def case():
        m1, m2 = rng.normal(0, 1.5, 2)
        s1, s2 = rng.uniform(0.4, 2.0, 2)
        lhs = expect_normals(lambda x: np.log(s2 / s1) - (x - m1) ** 2 / (2 * s1**2) + (x - m2) ** 2 / (2 * s2**2),
                             [(m1, s1)])
        return lhs, closed_form(m1, m2, s1, s2)
    return case


@oracle("ml-kl-univariate-gaussians")
def _(rng):
    return _gaussian_rows(rng, _kl_case(rng, lambda m1, m2, s1, s2: math.log(s2 / s1) + (s1**2 + (m1 - m2) ** 2)
                                        / (2 * s2**2) - 0.5))


@oracle("ml-kl-univariate-gaussians-half-dropped")
def _(rng):
    return _gaussian_rows(rng, _kl_case(rng, lambda m1, m2, s1, s2: math.log(s2 / s1) + (s1**2 + (m1 - m2) ** 2)
                                        / (2 * s2**2)))


@oracle("ml-kl-univariate-gaussians-variance-unsquared")
def _(rng):
    def wrong(m1, m2, s1, s2):
        return math.log(s2 / s1) + (s1 + (m1 - m2) ** 2) / (2 * s2**2) - 0.5
    return _gaussian_rows(rng, _kl_case(rng, wrong))


def _vae_case(rng, closed_form):
    def case():
        mu, s = rng.normal(0, 1.5), rng.uniform(0.3, 2.5)
        lhs = expect_normals(lambda z: -np.log(s) - (z - mu) ** 2 / (2 * s**2) + z**2 / 2, [(mu, s)])
        return lhs, closed_form(mu, s)
    return case


@oracle("ml-vae-kl-to-standard-normal")
def _(rng):
    return _gaussian_rows(rng, _vae_case(rng, lambda mu, s: (mu**2 + s**2 - 1 - math.log(s**2)) / 2))


@oracle("ml-vae-kl-log-sd-for-log-variance")
def _(rng):
    return _gaussian_rows(rng, _vae_case(rng, lambda mu, s: (mu**2 + s**2 - 1 - math.log(s)) / 2))


def _reconstruction_term(rng, closed_form):
    def case():
        x, mu, s = rng.normal(0, 2), rng.normal(0, 2), rng.uniform(0.4, 2.0)
        return expect_normals(lambda z: -(x - z) ** 2 / 2, [(mu, s)]), closed_form(x, mu, s)
    return case


@oracle("ml-elbo-gaussian-reconstruction")
def _(rng):
    return _gaussian_rows(rng, _reconstruction_term(rng, lambda x, mu, s: -((x - mu) ** 2 + s**2) / 2))


@oracle("ml-elbo-gaussian-reconstruction-variance-dropped")
def _(rng):
    return _gaussian_rows(rng, _reconstruction_term(rng, lambda x, mu, s: -((x - mu) ** 2) / 2))


def _reparam(rng, f, closed_form):
    def case():
        mu, s = rng.normal(0, 2), rng.uniform(0.3, 2.5)
        return f(mu, s), closed_form(mu, s)
    return case


def _E0(g):
    return expect_normals(g, [(0.0, 1.0)])


@oracle("ml-reparameterisation-mean")
def _(rng):
    return _gaussian_rows(rng, _reparam(rng, lambda mu, s: _E0(lambda e: mu + s * e), lambda mu, s: mu))


@oracle("ml-reparameterisation-variance")
def _(rng):
    return _gaussian_rows(rng, _reparam(rng, lambda mu, s: _E0(lambda e: (s * e) ** 2), lambda mu, s: s**2))


@oracle("ml-reparameterisation-variance-as-s")
def _(rng):
    return _gaussian_rows(rng, _reparam(rng, lambda mu, s: _E0(lambda e: (s * e) ** 2), lambda mu, s: s))


def _entropy_case(rng, closed_form):
    def case():
        mu, s = rng.normal(0, 2), rng.uniform(0.3, 2.5)
        logpdf = lambda x: -(x - mu) ** 2 / (2 * s**2) - 0.5 * np.log(2 * np.pi * s**2)  # noqa: E731
        return expect_normals(lambda x: -logpdf(x), [(mu, s)]), closed_form(s)
    return case


@oracle("ml-gaussian-differential-entropy")
def _(rng):
    return _gaussian_rows(rng, _entropy_case(rng, lambda s: math.log(2 * math.pi * math.e * s**2) / 2))


@oracle("ml-gaussian-differential-entropy-e-dropped")
def _(rng):
    return _gaussian_rows(rng, _entropy_case(rng, lambda s: math.log(2 * math.pi * s**2) / 2))


def _adam_m(b1, g, t=3):
    """m_t of Adam from m_0 = 0 under a constant gradient: m_k = b1 m_{k-1} + (1 - b1) g."""
    m = 0.0
    for _ in range(t):
        m = b1 * m + (1 - b1) * g
    return m


def _adam_v(b2, g, t=3):
    v = 0.0
    for _ in range(t):
        v = b2 * v + (1 - b2) * g**2
    return v


def _betas_and_gradients(rng, draws=6):
    return zip(rng.uniform(0.0, 0.999, draws), rng.uniform(0.0, 0.999, draws), rng.normal(0, 2, draws), strict=True)


@oracle("ml-adam-first-moment-bias-3-steps")
def _(rng):
    return all_agree((_adam_m(b1, g), (1 - b1**3) * g) for b1, _, g in _betas_and_gradients(rng))


@oracle("ml-adam-first-moment-bias-wrong-power")
def _(rng):
    return all_agree((_adam_m(b1, g), (1 - b1) ** 3 * g) for b1, g in ((0.9, 1.0), (0.5, 2.0)))


@oracle("ml-adam-second-moment-corrected")
def _(rng):
    return all_agree((_adam_v(b2, g) / (1 - b2**3), g**2) for _, b2, g in _betas_and_gradients(rng))


@oracle("ml-adam-corrected-step-constant-gradient")
def _(rng):
    def ratio(b1, b2, g):
        return (_adam_m(b1, g) / (1 - b1**3)) / math.sqrt(_adam_v(b2, g) / (1 - b2**3))
    return all_agree((ratio(b1, b2, abs(g) + 0.1), 1.0) for b1, b2, g in _betas_and_gradients(rng))


@oracle("ml-adam-uncorrected-step-constant-gradient")
def _(rng):
    return agree(_adam_m(0.9, 1.0) / math.sqrt(_adam_v(0.999, 1.0)), 1.0)


@oracle("ml-momentum-geometric-sum")
def _(rng):
    return all_agree((sum(b**k for k in range(5)), (1 - b**5) / (1 - b)) for b in rng.uniform(0, 0.999, 6))


def _ema(b, v0, gs):
    v = v0
    for g in gs:
        v = b * v + (1 - b) * g
    return v


@oracle("ml-ema-unrolled")
def _(rng):
    def case():
        b, v0, g1, g2, g3 = rng.uniform(0, 1), *rng.normal(0, 2, 4)
        return _ema(b, v0, (g1, g2, g3)), b**3 * v0 + (1 - b) * (b**2 * g1 + b * g2 + g3)
    return all_agree(case() for _ in range(6))


@oracle("ml-ema-unrolled-weights-reversed")
def _(rng):
    def case():
        b, v0, g1, g2, g3 = rng.uniform(0.2, 0.8), *rng.normal(0, 2, 4)
        return _ema(b, v0, (g1, g2, g3)), b**3 * v0 + (1 - b) * (g1 + b * g2 + b**2 * g3)
    return all_agree(case() for _ in range(6))

