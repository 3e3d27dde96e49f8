"""Factor analysis (EM and the SVD formulation), the low-rank Gaussian likelihood and the posterior encoder."""

from __future__ import annotations

import pytest
import torch
from sklearn.decomposition import FactorAnalysis as SkFA
from test_numerics_pca import fa_data

import numerics.latent.factor_analysis_svd as fa_svd
from numerics.latent import fit_factor_analysis, low_rank_gaussian_log_likelihood, posterior
from numerics.testing import assert_close


def test_low_rank_log_likelihood_equals_dense_gaussian(device):
    X = fa_data(100, 6, 2, seed=4).to(device)
    mean, W, psi = (t.to(device) for t in (torch.randn(6), torch.randn(6, 2), torch.rand(6) + 0.1))
    dense = torch.distributions.MultivariateNormal(mean, W @ W.mT + torch.diag(psi))
    assert_close(low_rank_gaussian_log_likelihood(X, mean, W, psi), dense.log_prob(X).mean())


@pytest.mark.parametrize(("n", "d", "k"), [(1000, 12, 3), (2000, 40, 5), (60, 30, 4)])
@pytest.mark.parametrize("method", ["em", "svd"])
def test_factor_analysis_reaches_sklearn_likelihood(n, d, k, method, device):
    X = fa_data(n, d, k, seed=n + d)
    ours = fit_factor_analysis(X.to(device), k, method=method)
    sk = SkFA(n_components=k, random_state=0).fit(X.numpy())
    ll, sk_ll = float(ours.log_likelihood(X.to(device))), float(sk.score(X.numpy()))
    assert ll >= sk_ll - 1e-9 * abs(sk_ll)
    # the likelihood of sklearn's own parameters, through our formula, is sklearn's score
    sk_params = (sk.mean_, sk.components_.T, sk.noise_variance_)
    assert_close(
        low_rank_gaussian_log_likelihood(X, *(torch.from_numpy(a) for a in sk_params)), sk_ll, scale=100
    )
    if method == "svd":  # history ends with the likelihood of the returned parameters
        assert_close(torch.tensor(ours.history[-1]), torch.tensor(ll), scale=1e3)
    else:  # up to the last update
        assert abs(ours.history[-1] - ll) < 1e-6


def test_svd_and_em_reach_the_same_maximum():
    X = fa_data(3000, 15, 3, seed=11)
    em = fit_factor_analysis(X, 3, tol=1e-9, max_iter=5000)
    svd = fit_factor_analysis(X, 3, tol=1e-9, method="svd")
    assert len(svd.history) < len(em.history) / 2
    assert_close(svd.log_likelihood(X), em.log_likelihood(X), scale=1e3)
    # EM converges linearly: stopped by tol, its parameters are still about 1e-4 (relative) from the maximum
    assert_close(svd.psi, em.psi, scale=1e7)
    assert_close(svd.W @ svd.W.mT, em.W @ em.W.mT, scale=1e7)  # W up to a rotation


@pytest.mark.parametrize("method", ["em", "svd"])
def test_factor_analysis_never_decreases_the_likelihood(method):
    X = fa_data(500, 10, 2, seed=6)
    h = fit_factor_analysis(X, 2, tol=-1.0, max_iter=60, method=method).history  # tol < 0: run all iterations
    assert len(h) == 60
    assert all(b >= a - 1e-10 for a, b in zip(h[:-1], h[1:], strict=True))


def test_svd_method_falls_back_to_a_full_eigendecomposition(monkeypatch):
    """An inner subspace iteration that does not converge is replaced by torch.linalg.eigh; the fit is the same."""
    X = fa_data(800, 30, 4, seed=9)
    expected = fit_factor_analysis(X, 4, method="svd", tol=1e-9)
    monkeypatch.setattr(fa_svd, "_MAX_INNER", 1)
    fallback = fit_factor_analysis(X, 4, method="svd", tol=1e-9)
    assert_close(fallback.log_likelihood(X), expected.log_likelihood(X), scale=1e3)
    assert_close(fallback.psi, expected.psi, scale=1e5)


@pytest.mark.parametrize(
    ("k", "message"), [(0, "got k=0"), (6, "got k=6"), (9, "got k=9"), (2.5, "got k=2.5")]
)
def test_factor_analysis_refuses_bad_k(k, message):
    with pytest.raises(ValueError, match=rf"need 1 <= k <= d - 1 = 5 for X of shape \(50, 6\), {message}"):
        fit_factor_analysis(torch.randn(50, 6), k)


def test_factor_analysis_refuses_bad_arguments():
    with pytest.raises(ValueError, match="unknown method 'pca'"):
        fit_factor_analysis(torch.randn(50, 6), 2, method="pca")
    with pytest.raises(ValueError, match="X must be a data matrix"):
        fit_factor_analysis(torch.randn(2, 50, 6), 2)


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
@pytest.mark.parametrize("method", ["em", "svd"])
def test_factor_analysis_follows_dtype_and_device(dtype, method, device):
    X = fa_data(400, 8, 2, seed=12).to(device=device, dtype=dtype)
    fa = fit_factor_analysis(X, 2, method=method)
    assert fa.W.dtype == dtype and fa.psi.device == X.device and fa.mean.device == X.device
    ref = fit_factor_analysis(X.double().cpu(), 2, method=method)
    assert abs(float(fa.log_likelihood(X)) - float(ref.log_likelihood(X.double().cpu()))) < 1e-3


def _posterior_cheat_sheet(x, mu, W, Sigma):
    """mu_{z|x} = W^T (W W^T + Sigma)^{-1} (x - mu), Sigma_{z|x} = I - W^T (W W^T + Sigma)^{-1} W."""
    C = W @ W.mT + Sigma
    eye = torch.eye(W.shape[1], dtype=W.dtype, device=W.device)
    return torch.linalg.solve(C, (x - mu).mT).mT @ W, eye - W.mT @ torch.linalg.solve(C, W)


@pytest.mark.parametrize("isotropic", [False, True])
def test_posterior_matches_cheat_sheet_formula(isotropic, device):
    d, k = 7, 3
    x, mu, W = (t.to(device) for t in (torch.randn(5, d), torch.randn(d), torch.randn(d, k)))
    sig = (torch.tensor(0.4) if isotropic else torch.rand(d) + 0.1).to(device)
    m, S = posterior(x, mu, W, float(sig) if isotropic else sig)
    m2, S2 = _posterior_cheat_sheet(x, mu, W, torch.diag(sig.expand(d)))
    assert_close(m, m2)
    assert_close(S, S2)


def test_posterior_mean_matches_sklearn_transform():
    X = fa_data(400, 8, 2, seed=7)
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
