"""PCA, PPCA, factor analysis and the posterior encoder against scikit-learn and direct formulas."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from sklearn.decomposition import PCA
from sklearn.decomposition import FactorAnalysis as SkFA

from numerics.latent import (
    fit_factor_analysis,
    fit_ppca,
    low_rank_gaussian_log_likelihood,
    pca_covariance,
    pca_svd,
    posterior,
)
from numerics.testing import assert_close


def _fa_data(n: int, d: int, k: int, seed: int) -> torch.Tensor:
    """Samples of x = W z + mu + eta with heteroscedastic noise."""
    rng = np.random.default_rng(seed)
    W = rng.normal(size=(d, k))
    psi = rng.uniform(0.2, 2.0, size=d)
    X = rng.normal(size=(n, k)) @ W.T + rng.normal(size=(n, d)) * np.sqrt(psi) + rng.normal(size=d)
    return torch.from_numpy(X)


def _aligned(A: torch.Tensor, B: torch.Tensor) -> torch.Tensor:
    """Flip the rows of B to the signs of A (components are defined up to sign)."""
    return B * torch.sign((A * B).sum(dim=1, keepdim=True))


@pytest.mark.parametrize(("n", "d", "k"), [(200, 6, 2), (500, 20, 5), (60, 10, 9)])
def test_pca_svd_equals_covariance_route_and_sklearn(n, d, k):
    X = _fa_data(n, d, max(k, 2), seed=n)
    a, b = pca_svd(X, k), pca_covariance(X, k)
    assert_close(a.explained_variance, b.explained_variance, scale=100)
    assert_close(a.components, _aligned(a.components, b.components), scale=1e3)
    sk = PCA(n_components=k, svd_solver="full").fit(X.numpy())
    assert_close(pca_svd(X, k, ddof=1).explained_variance, sk.explained_variance_, scale=100)
    assert_close(a.components, _aligned(a.components, torch.from_numpy(sk.components_)), scale=1e3)
    assert_close(a.mean, sk.mean_)


def test_cheat_sheet_covariance_identity():
    """S = U Sigma^2 U^T / N from the SVD of the centred data."""
    X = _fa_data(50, 5, 2, seed=1)
    Xc = X - X.mean(0)
    _, s, Ut = torch.linalg.svd(Xc, full_matrices=False)
    assert_close(Xc.mT @ Xc / 50, Ut.mT @ torch.diag(s**2 / 50) @ Ut)


@pytest.mark.parametrize(("n", "d", "k"), [(300, 8, 2), (1000, 30, 6)])
def test_ppca_matches_sklearn_pca(n, d, k):
    X = _fa_data(n, d, k, seed=d)
    ours = fit_ppca(X, k, ddof=1)
    sk = PCA(n_components=k, svd_solver="full").fit(X.numpy())
    assert_close(ours.noise_variance, sk.noise_variance_, scale=100)
    assert_close(ours.log_likelihood(X), sk.score(X.numpy()), scale=100)
    assert_close(ours.covariance(), sk.get_covariance(), scale=100)


@pytest.mark.parametrize("offset", [0.0, 10.0, 1e4, 1e7])
def test_ppca_covariance_is_exact_for_data_far_from_the_origin(offset):
    """The uncentred fast path must fall back to centring before cancellation costs digits."""
    X = _fa_data(500, 6, 2, seed=3)
    shifted = fit_ppca(X + offset, 2)
    plain = fit_ppca(X, 2)
    assert_close(shifted.noise_variance, plain.noise_variance, scale=1e3)
    assert_close(shifted.covariance(), plain.covariance(), scale=1e3)


def test_ppca_is_a_stationary_point_of_the_likelihood():
    """At W = U_k (Lambda_k - sigma^2)^{1/2}, sigma^2 = mean of the rest, the ML gradient vanishes."""
    X = _fa_data(400, 7, 2, seed=3)
    p = fit_ppca(X, 2)
    W = p.W.clone().requires_grad_(True)
    log_s2 = torch.log(p.noise_variance).clone().requires_grad_(True)
    ll = low_rank_gaussian_log_likelihood(X, p.mean, W, torch.exp(log_s2))
    gW, gs = torch.autograd.grad(ll, (W, log_s2))
    assert gW.abs().max() < 1e-10 and gs.abs() < 1e-10
    # and any rotation W R has the same likelihood (non-identifiability)
    R = torch.linalg.qr(torch.randn(2, 2))[0]
    assert_close(low_rank_gaussian_log_likelihood(X, p.mean, p.W @ R, p.noise_variance), ll.detach())


def test_low_rank_log_likelihood_equals_dense_gaussian():
    X = _fa_data(100, 6, 2, seed=4)
    mean, W, psi = torch.randn(6), torch.randn(6, 2), torch.rand(6) + 0.1
    dense = torch.distributions.MultivariateNormal(mean, W @ W.mT + torch.diag(psi))
    assert_close(low_rank_gaussian_log_likelihood(X, mean, W, psi), dense.log_prob(X).mean())


def test_factor_analysis_reaches_sklearn_likelihood():
    X = _fa_data(1000, 12, 3, seed=5)
    ours = fit_factor_analysis(X, 3)
    sk = SkFA(n_components=3, random_state=0).fit(X.numpy())
    ll, sk_ll = float(ours.log_likelihood(X)), float(sk.score(X.numpy()))
    assert ll >= sk_ll - 1e-9 * abs(sk_ll)
    # the likelihood of sklearn's own parameters, through our formula, is sklearn's score
    sk_params = (
        torch.from_numpy(sk.mean_),
        torch.from_numpy(sk.components_.T),
        torch.from_numpy(sk.noise_variance_),
    )
    assert_close(low_rank_gaussian_log_likelihood(X, *sk_params), sk_ll, scale=100)
    # the final history entry is the likelihood of the returned parameters (up to the last update)
    assert abs(ours.history[-1] - ll) < 1e-6


def test_factor_analysis_em_never_decreases_the_likelihood():
    X = _fa_data(500, 10, 2, seed=6)
    h = fit_factor_analysis(X, 2, tol=-1.0, max_iter=60).history  # tol < 0: run all iterations
    assert len(h) == 60
    assert all(b >= a - 1e-10 for a, b in zip(h[:-1], h[1:], strict=True))


def _posterior_cheat_sheet(x, mu, W, Sigma):
    """mu_{z|x} = W^T (W W^T + Sigma)^{-1} (x - mu), Sigma_{z|x} = I - W^T (W W^T + Sigma)^{-1} W."""
    C = W @ W.mT + Sigma
    return torch.linalg.solve(C, (x - mu).mT).mT @ W, torch.eye(W.shape[1]) - W.mT @ torch.linalg.solve(C, W)


@pytest.mark.parametrize("isotropic", [False, True])
def test_posterior_matches_cheat_sheet_formula(isotropic):
    d, k = 7, 3
    x, mu, W = torch.randn(5, d), torch.randn(d), torch.randn(d, k)
    sig = torch.tensor(0.4) if isotropic else torch.rand(d) + 0.1
    m, S = posterior(x, mu, W, float(sig) if isotropic else sig)
    m2, S2 = _posterior_cheat_sheet(x, mu, W, torch.diag(sig.expand(d)))
    assert_close(m, m2)
    assert_close(S, S2)


def test_posterior_mean_matches_sklearn_transform():
    X = _fa_data(400, 8, 2, seed=7)
    sk = SkFA(n_components=2, random_state=0).fit(X.numpy())
    m, _ = posterior(
        X,
        torch.from_numpy(sk.mean_),
        torch.from_numpy(sk.components_.T),
        torch.from_numpy(sk.noise_variance_),
    )
    assert_close(m, sk.transform(X.numpy()))


def test_posterior_zero_noise_limit_is_the_pseudo_inverse():
    x, mu, W = torch.randn(4, 6), torch.randn(6), torch.randn(6, 2)
    m, S = posterior(x, mu, W, 1e-10)
    assert_close(m, (x - mu) @ torch.linalg.pinv(W).mT, scale=1e4)
    assert S.abs().max() < 1e-8
    Q = torch.linalg.qr(W)[0]  # orthonormal columns: the limit is W^T (x - mu)
    assert_close(posterior(x, mu, Q, 1e-12)[0], (x - mu) @ Q, scale=1e4)


def test_float32_smoke():
    X = _fa_data(200, 6, 2, seed=8).float()
    p = fit_ppca(X, 2)
    assert p.W.dtype == torch.float32
    assert_close(p.noise_variance, fit_ppca(X.double(), 2).noise_variance)
