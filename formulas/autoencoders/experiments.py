"""Evidence for the autoencoder chapter: claims about what training finds.

Each function is named after the entry it serves.  ``numerics`` and ``torch`` are imported inside the
functions, never at import time; every run is seeded.
"""

from __future__ import annotations

from .._authoring import Outcome

__all__ = ["linear_autoencoder_pca_subspace", "nonlinear_autoencoder_beats_pca", "denoising_reduces_expected_error"]


def _subspace_data(g, N: int, d: int, k: int, scales):
    """N points on a k-dimensional subspace of ℝᵈ: X = Z diag(scales) Qᵀ, Q with orthonormal columns."""
    import torch

    Q, _ = torch.linalg.qr(torch.randn(d, k, generator=g, dtype=torch.float64))  # (d, k)
    Z = torch.randn(N, k, generator=g, dtype=torch.float64) * torch.tensor(scales, dtype=torch.float64)  # (N, k)
    return Z @ Q.mT  # (N, d)


def linear_autoencoder_pca_subspace() -> Outcome:
    """ae.linear-autoencoder-pca-subspace: the fitted map D C equals the PCA projection UₖUₖᵀ."""
    import torch

    from numerics.ae import fit_linear_autoencoder
    from numerics.latent.pca import pca_svd

    g = torch.Generator().manual_seed(20)
    worst = 0.0
    for d, k in ((5, 1), (6, 2), (8, 3)):
        X = _subspace_data(g, 300, d, d, [3.0 - 2.5 * i / d for i in range(d)])  # distinct variances
        with torch.random.fork_rng():
            torch.manual_seed(21)
            model = fit_linear_autoencoder(X, k, max_iter=2000, tol=1e-14)
        P_ae = (model.D @ model.C).detach()  # (d, d)
        U = pca_svd(X, k).components  # (k, d)
        err = float((P_ae - U.mT @ U).abs().max())
        worst = max(worst, err)
        if err > 1e-7:
            return Outcome(False, f"d = {d}, k = {k}: the autoencoder's projection differs from PCA's by {err:.2g}",
                           {"d": d, "k": k, "max_abs_difference": err})
    return Outcome(True, f"D C of the fitted linear autoencoder (numerics.ae) equals U_k U_kᵀ from PCA (numerics.latent.pca) "
                         f"for (d, k) = (5, 1), (6, 2), (8, 3); max difference {worst:.1e}")


def nonlinear_autoencoder_beats_pca() -> Outcome:
    """ae.nonlinear-autoencoder-beats-pca: a parabola in ℝ², bottleneck k = 1."""
    import torch

    from numerics.ae import Autoencoder
    from numerics.latent.pca import pca_svd

    g = torch.Generator().manual_seed(22)
    t = 2 * torch.rand(256, 1, generator=g, dtype=torch.float64) - 1
    X = torch.cat([t, t**2], dim=1)  # a 1-D curved manifold in ℝ²
    X = X - X.mean(0)
    U = pca_svd(X, 1).components  # (1, 2)
    pca_err = float(((X - X @ U.mT @ U) ** 2).sum(1).mean())
    with torch.random.fork_rng():
        torch.manual_seed(23)
        model = Autoencoder(2, [32], 1, act=torch.nn.Tanh).double()
    opt = torch.optim.Adam(model.parameters(), lr=2e-2)
    for _ in range(250):
        opt.zero_grad()
        loss = model.reconstruction_error(X)
        loss.backward()
        opt.step()
    with torch.no_grad():
        ae_err = float(model.reconstruction_error(X))
    holds = ae_err < 0.25 * pca_err
    return Outcome(holds, f"parabola in ℝ², bottleneck k = 1: non-linear autoencoder error {ae_err:.2e}, PCA (the best "
                          f"linear code of width 1) {pca_err:.2e}",
                   None if holds else {"ae_error": ae_err, "pca_error": pca_err})


def denoising_reduces_expected_error() -> Outcome:
    """ae.denoising-reduces-expected-error: denoising training on 2-dimensional data in ℝ⁸, held-out noisy inputs."""
    import torch

    from numerics.ae import Autoencoder, denoising_step

    g = torch.Generator().manual_seed(24)
    d, k, sigma = 8, 2, 0.5
    Xall = _subspace_data(g, 1024, d, k, [1.5, 1.0])
    X, Xtest = Xall[:512], Xall[512:]
    with torch.random.fork_rng():
        torch.manual_seed(25)
        model = Autoencoder(d, [16], k, act=torch.nn.Tanh).double()
    eta = sigma * torch.randn(Xtest.shape, generator=g, dtype=torch.float64)
    Xn = Xtest + eta

    def errors():
        with torch.no_grad():
            return ((Xtest - model(Xn)) ** 2).sum(1), (eta**2).sum(1)  # ‖x − H(G(xₙ))‖², ‖x − xₙ‖² per sample

    before = float(errors()[0].mean())
    opt = torch.optim.Adam(model.parameters(), lr=1e-2)
    for _ in range(300):
        denoising_step(model, opt, X, sigma, generator=g)
    rec, noise = errors()
    after, noise_mean = float(rec.mean()), float(noise.mean())
    share = float((rec <= noise).double().mean())
    holds = after < 0.5 * noise_mean
    return Outcome(holds, f"held-out mean ‖x − H(G(xₙ))‖² = {after:.3f} after training (untrained {before:.3f}) against "
                          f"mean ‖x − xₙ‖² = {noise_mean:.3f} (d σ² = {d * sigma**2}); the inequality holds for "
                          f"{share:.0%} of single samples",
                   None if holds else {"after": after, "noise": noise_mean})
