"""PCA and probabilistic PCA against scikit-learn, exact eigendecompositions and the likelihood's gradient."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from sklearn.decomposition import PCA

from numerics.latent import fit_ppca, low_rank_gaussian_log_likelihood, pca_covariance, pca_svd
from numerics.testing import assert_close


def fa_data(n: int, d: int, k: int, seed: int) -> torch.Tensor:
    """Samples of x = W z + mu + eta with heteroscedastic noise (float64, CPU)."""
    rng = np.random.default_rng(seed)
    W = rng.normal(size=(d, k))
    psi = rng.uniform(0.2, 2.0, size=d)
    X = rng.normal(size=(n, k)) @ W.T + rng.normal(size=(n, d)) * np.sqrt(psi) + rng.normal(size=d)
    return torch.from_numpy(X)


def _aligned(A: torch.Tensor, B: torch.Tensor) -> torch.Tensor:
    """Flip the rows of B to the signs of A (components are defined up to sign)."""
    return B * torch.sign((A * B).sum(dim=1, keepdim=True))


@pytest.mark.parametrize(("n", "d", "k"), [(200, 6, 2), (500, 20, 5), (60, 10, 9), (8, 20, 7)])
def test_pca_svd_equals_covariance_route_and_sklearn(n, d, k, device):
    X = fa_data(n, d, max(k, 2), seed=n)
    a, b = pca_svd(X.to(device), k), pca_covariance(X.to(device), k)
    assert_close(a.explained_variance, b.explained_variance, scale=100)
    assert_close(a.components, _aligned(a.components, b.components), scale=1e3)
    sk = PCA(n_components=k, svd_solver="full").fit(X.numpy())
    assert_close(pca_svd(X.to(device), k, ddof=1).explained_variance, sk.explained_variance_, scale=100)
    assert_close(a.components, _aligned(a.components, torch.from_numpy(sk.components_).to(device)), scale=1e3)
    assert_close(a.mean, sk.mean_)


@pytest.mark.parametrize("fn", [pca_svd, pca_covariance])
def test_pca_refuses_more_components_than_the_data_have(fn):
    X = torch.randn(5, 8)
    with pytest.raises(ValueError, match=r"need 1 <= k <= min\(N, d\) = 5 for X of shape \(5, 8\), got k=6"):
        fn(X, 6)
    with pytest.raises(ValueError, match="got k=0"):
        fn(X, 0)
    with pytest.raises(ValueError, match=r"X must be a data matrix \(N, d\), got shape \(8,\)"):
        fn(X[0], 1)


def test_cheat_sheet_covariance_identity():
    """S = U Sigma^2 U^T / N from the SVD of the centred data."""
    X = fa_data(50, 5, 2, seed=1)
    Xc = X - X.mean(0)
    _, s, Ut = torch.linalg.svd(Xc, full_matrices=False)
    assert_close(Xc.mT @ Xc / 50, Ut.mT @ torch.diag(s**2 / 50) @ Ut)


@pytest.mark.parametrize(("n", "d", "k"), [(300, 8, 2), (1000, 30, 6), (20, 50, 3), (12, 12, 4), (6, 30, 3)])
@pytest.mark.parametrize("solver", ["auto", "full"])
def test_ppca_reproduces_sklearn_pca_for_every_n_and_d(n, d, k, solver, device):
    """Regression: for n < d the docstring promised scikit-learn's noise_variance_ and score with ddof=1 alone."""
    X = fa_data(n, d, k, seed=d)
    ours = fit_ppca(X.to(device), k, ddof=1, noise_variance="sklearn", solver=solver)
    sk = PCA(n_components=k, svd_solver="full").fit(X.numpy())
    assert_close(ours.noise_variance, sk.noise_variance_, scale=1e3)
    assert_close(ours.eigenvalues, sk.explained_variance_, scale=1e3)
    assert_close(ours.log_likelihood(X.to(device)), sk.score(X.numpy()), scale=1e3)
    assert_close(ours.covariance(), sk.get_covariance(), scale=1e3)


@pytest.mark.parametrize(("n", "d", "k"), [(300, 8, 2), (20, 50, 3), (6, 30, 3)])
def test_ppca_noise_variance_ml_is_the_mean_of_the_smallest_eigenvalues(n, d, k, device):
    X = fa_data(n, d, k, seed=n + d).to(device)
    lam = torch.linalg.eigvalsh(torch.cov(X.mT, correction=0))  # ascending, all d
    ml = fit_ppca(X, k)
    assert_close(ml.noise_variance, lam[: d - k].mean(), scale=1e4)
    assert_close(ml.eigenvalues, lam[d - k :].flip(0), scale=1e3)
    sk = fit_ppca(X, k, noise_variance="sklearn")
    rank = min(n, d)
    assert_close(sk.noise_variance, lam.flip(0)[k:rank].mean(), scale=1e4)
    if n >= d:
        assert_close(sk.noise_variance, ml.noise_variance)
    else:  # scikit-learn leaves the d - n zero eigenvalues out: a larger sigma^2, a lower likelihood
        assert sk.noise_variance > ml.noise_variance
        assert sk.log_likelihood(X) < ml.log_likelihood(X)


def test_ppca_at_full_rank_has_no_noise():
    X = fa_data(4, 10, 2, seed=2)  # rank 3 after centring
    assert float(fit_ppca(X, 4, noise_variance="sklearn").noise_variance) == 0.0


@pytest.mark.parametrize("offset", [0.0, 10.0, 1e4, 1e7])
def test_ppca_covariance_is_exact_for_data_far_from_the_origin(offset):
    """The uncentred fast path must fall back to centring before cancellation costs digits."""
    X = fa_data(500, 6, 2, seed=3)
    shifted = fit_ppca(X + offset, 2)
    plain = fit_ppca(X, 2)
    assert_close(shifted.noise_variance, plain.noise_variance, scale=1e3)
    assert_close(shifted.covariance(), plain.covariance(), scale=1e3)


@pytest.mark.parametrize(("n", "d"), [(400, 7), (15, 40)])
def test_ppca_is_a_stationary_point_of_the_likelihood(n, d, device):
    """At W = U_k (Lambda_k - sigma^2)^{1/2}, sigma^2 = mean of the rest, the ML gradient vanishes (also n < d)."""
    X = fa_data(n, d, 2, seed=3).to(device)
    p = fit_ppca(X, 2)
    W = p.W.clone().requires_grad_(True)
    log_s2 = torch.log(p.noise_variance).clone().requires_grad_(True)
    ll = low_rank_gaussian_log_likelihood(X, p.mean, W, torch.exp(log_s2))
    gW, gs = torch.autograd.grad(ll, (W, log_s2))
    assert gW.abs().max() < 1e-9 and gs.abs() < 1e-9
    # and any rotation W R has the same likelihood (non-identifiability)
    R = torch.linalg.qr(torch.randn(2, 2)).Q.to(device)
    assert_close(low_rank_gaussian_log_likelihood(X, p.mean, p.W @ R, p.noise_variance), ll.detach())


def test_ppca_refuses_bad_arguments():
    X = torch.randn(30, 6)
    with pytest.raises(ValueError, match=r"need 1 <= k <= d - 1 = 5"):
        fit_ppca(X, 6)
    with pytest.raises(ValueError, match="unknown noise_variance 'mle'"):
        fit_ppca(X, 2, noise_variance="mle")
    with pytest.raises(ValueError, match="unknown solver 'lanczos'"):
        fit_ppca(X, 2, solver="lanczos")


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
def test_ppca_follows_dtype_and_device(dtype, device):
    X = fa_data(200, 6, 2, seed=8).to(device=device, dtype=dtype)
    p = fit_ppca(X, 2)
    assert p.W.dtype == dtype and p.W.device == X.device and p.noise_variance.device == X.device
    assert_close(p.noise_variance, fit_ppca(X.double().cpu(), 2).noise_variance.to(dtype))
