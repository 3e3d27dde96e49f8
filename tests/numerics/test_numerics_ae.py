"""Autoencoders: the linear one spans the PCA subspace; non-linear and denoising training reduce the error."""

from __future__ import annotations

import pytest
import torch

from numerics.ae import Autoencoder, LinearAutoencoder, denoising_step, fit_linear_autoencoder
from numerics.latent import pca_svd
from numerics.optim import Adam


def _data(n: int, stds: list[float]) -> torch.Tensor:
    d = len(stds)
    Q = torch.linalg.qr(torch.randn(d, d))[0]
    return (torch.randn(n, d) * torch.tensor(stds)) @ Q + torch.randn(d)


def _sin_principal_angles(A: torch.Tensor, B: torch.Tensor) -> torch.Tensor:
    """Sines of the principal angles between span(A) and span(B) (accurate near 0, unlike arccos)."""
    Qa, Qb = torch.linalg.qr(A)[0], torch.linalg.qr(B)[0]
    return torch.linalg.svdvals(Qb - Qa @ (Qa.mT @ Qb))


@pytest.mark.parametrize(
    ("stds", "k"), [([5, 4, 3, 1, 0.8, 0.6, 0.5, 0.3], 3), ([3, 1, 0.5, 0.4], 1), ([4, 3.5, 3, 2, 1, 0.2], 4)]
)
def test_linear_autoencoder_spans_the_pca_subspace(stds, k, device):
    X = _data(400, stds).to(device)
    model = fit_linear_autoencoder(X, k)
    assert model.C.device == X.device and model.C.dtype == X.dtype
    angles = _sin_principal_angles(model.D.detach(), pca_svd(X, k).components.mT)
    assert angles.max() < 1e-9
    # and it is a stationary point of the reconstruction error, checked by autograd
    Xc = X - X.mean(0)
    loss = ((model(Xc) - Xc) ** 2).sum(1).mean()
    gC, gD = torch.autograd.grad(loss, (model.C, model.D))
    assert max(gC.abs().max(), gD.abs().max()) < 1e-9


def test_gradient_trained_linear_autoencoder_approaches_the_pca_subspace():
    X = _data(300, [4, 3, 0.5, 0.3, 0.2])
    Xc = X - X.mean(0)
    model = LinearAutoencoder(5, 2, dtype=torch.float64)
    opt = Adam(model.parameters(), lr=0.02)
    for _ in range(1500):
        opt.zero_grad()
        ((model(Xc) - Xc) ** 2).sum(1).mean().backward()
        opt.step()
    assert _sin_principal_angles(model.D.detach(), pca_svd(X, 2).components.mT).max() < 1e-2


def test_nonlinear_autoencoder_training_reduces_error(device):
    t = torch.rand(256, 1) * 6 - 3
    X = torch.cat([torch.sin(t), torch.cos(t), t / 3], dim=1).to(
        device
    )  # a curve in R^3: 1-D latent structure
    model = Autoencoder(3, [16], 1).double().to(device)
    assert model.encoder(X).shape == (256, 1)
    opt = Adam(model.parameters(), lr=0.01)
    start = float(model.reconstruction_error(X).detach())
    for _ in range(400):
        opt.zero_grad()
        model.reconstruction_error(X).backward()
        opt.step()
    assert float(model.reconstruction_error(X).detach()) < 0.2 * start


def test_denoising_autoencoder_learns_to_denoise(device):
    X = _data(512, [3, 2, 0.01, 0.01, 0.01, 0.01]).to(device)  # data on a 2-D plane in R^6
    model = Autoencoder(6, [], 2).double().to(device)
    opt = Adam(model.parameters(), lr=0.02)
    g = torch.Generator(device).manual_seed(0)
    losses = [denoising_step(model, opt, X, sigma=0.5, generator=g) for _ in range(600)]
    assert sum(losses[-20:]) < sum(losses[:20])
    noisy = X + 0.5 * torch.randn(X.shape, generator=g, device=device)
    with torch.no_grad():
        # ||x - H(G(x_n))||^2 <= ||x - x_n||^2: the reconstruction removes the off-plane noise
        assert ((model(noisy) - X) ** 2).sum(1).mean() < ((noisy - X) ** 2).sum(1).mean()
