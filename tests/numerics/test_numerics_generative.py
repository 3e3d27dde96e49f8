"""VAE (closed-form KL, its gradient, reparameterisation, ELBO) and GAN training."""

from __future__ import annotations

import math

import torch
import torch.nn.functional as F
from torch import nn

from numerics.generative import (
    VAE,
    diagonal_gaussian_log_pdf,
    discriminator_loss,
    gan_training_iteration,
    gaussian_kl_standard,
    gaussian_kl_standard_grad,
    generator_loss_minimax,
    generator_loss_nonsaturating,
    reparameterize,
)
from numerics.optim import SGD, Adam
from numerics.testing import assert_close


def test_gaussian_kl_matches_torch_distributions(device):
    mu, logvar = torch.randn(6, 4).to(device), torch.randn(6, 4).to(device)
    q = torch.distributions.Normal(mu, torch.exp(0.5 * logvar))
    p = torch.distributions.Normal(torch.zeros(4).to(device), torch.ones(4).to(device))
    assert_close(gaussian_kl_standard(mu, logvar), torch.distributions.kl_divergence(q, p).sum(-1))
    assert_close(gaussian_kl_standard(torch.zeros(3).to(device), torch.zeros(3).to(device)), 0.0)


def test_gaussian_kl_gradient_matches_autograd():
    mu, logvar = torch.randn(5, 3, requires_grad=True), torch.randn(5, 3, requires_grad=True)
    g_mu, g_lv = torch.autograd.grad(gaussian_kl_standard(mu, logvar).sum(), (mu, logvar))
    a_mu, a_lv = gaussian_kl_standard_grad(mu.detach(), logvar.detach())
    assert_close(a_mu, g_mu)
    assert_close(a_lv, g_lv)


def test_reparameterisation_moments_and_gradients():
    mu, logvar = torch.tensor([1.0, -2.0]), torch.tensor([0.0, math.log(4.0)])
    z = reparameterize(mu, logvar, torch.randn(200_000, 2))
    assert (z.mean(0) - mu).abs().max() < 0.02
    assert (z.var(0) - torch.exp(logvar)).abs().max() < 0.05
    mu_r, lv_r = mu.clone().requires_grad_(True), logvar.clone().requires_grad_(True)
    eps = torch.randn(2)
    g_mu, g_lv = torch.autograd.grad(reparameterize(mu_r, lv_r, eps).sum(), (mu_r, lv_r))
    assert_close(g_mu, torch.ones(2))  # dz/dmu = 1
    assert_close(g_lv, 0.5 * torch.exp(0.5 * logvar) * eps)  # dz/dlogvar = sigma eps / 2


def test_decoder_log_pdf_matches_torch(device):
    x, mu, logvar = (torch.randn(4, 3).to(device) for _ in range(3))
    expected = torch.distributions.Normal(mu, torch.exp(0.5 * logvar)).log_prob(x).sum(-1)
    assert_close(diagonal_gaussian_log_pdf(x, mu, logvar), expected)


def test_elbo_gradient_matches_autograd_of_the_closed_form(device):
    """The VAE's ELBO (fixed eps) equals log p(x|z) - KL written out, and gradcheck passes."""
    model = VAE(4, [6], 2).double().to(device)
    x, eps = torch.randn(3, 4).to(device), torch.randn(3, 2).to(device)
    mu, logvar = model.encode(x)
    z = mu + torch.exp(0.5 * logvar) * eps
    mu_x, logvar_x = model.decode(z)
    closed = diagonal_gaussian_log_pdf(x, mu_x, logvar_x) - 0.5 * (logvar.exp() + mu**2 - 1 - logvar).sum(-1)
    params = list(model.parameters())
    g_model = torch.autograd.grad(model.elbo(x, eps).sum(), params)
    g_closed = torch.autograd.grad(closed.sum(), params)
    for a, b in zip(g_model, g_closed, strict=True):
        assert_close(a, b)
    assert torch.autograd.gradcheck(lambda inp: model.elbo(inp, eps), (x.clone().requires_grad_(True),))


def test_closed_form_kl_equals_monte_carlo_estimate():
    mu, logvar = torch.tensor([0.5, -1.0]), torch.tensor([-0.5, 0.3])
    z = reparameterize(mu, logvar, torch.randn(400_000, 2))
    log_q = diagonal_gaussian_log_pdf(z, mu, logvar)
    log_p = diagonal_gaussian_log_pdf(z, torch.zeros(2), torch.zeros(2))
    mc = (log_q - log_p).mean()
    sem = (log_q - log_p).std() / 400_000**0.5
    assert abs(mc - gaussian_kl_standard(mu, logvar)) < 6 * sem


def test_vae_training_raises_the_elbo(device):
    X = (torch.randn(256, 2) @ torch.tensor([[2.0, 0.0], [1.5, 0.3]]) + 1.0).to(device)
    model = VAE(2, [16], 1).double().to(device)
    opt = Adam(model.parameters(), lr=0.01)
    g = torch.Generator(device).manual_seed(0)
    first = []
    for step in range(300):
        opt.zero_grad()
        loss = -model.elbo(X, torch.randn(256, 1, generator=g, device=device)).mean()
        loss.backward()
        opt.step()
        if step < 10:
            first.append(float(loss.detach()))
    assert float(loss.detach()) < min(first) - 0.5
    sample = model.sample(7, generator=g)
    assert sample.shape == (7, 2) and sample.device == X.device


def test_gan_losses_from_logits():
    r, f = torch.randn(8), torch.randn(8)
    bce = F.binary_cross_entropy_with_logits
    assert_close(discriminator_loss(r, f), bce(r, torch.ones(8)) + bce(f, torch.zeros(8)))
    D = torch.sigmoid(f)
    assert_close(generator_loss_minimax(f), torch.log(1 - D).mean())
    assert_close(generator_loss_nonsaturating(f), -torch.log(D).mean())


def test_nonsaturating_loss_keeps_gradients_when_the_discriminator_wins():
    s = torch.full((4,), -8.0, requires_grad=True)  # D(G(z)) = sigmoid(-8): fakes rejected
    (g_mm,) = torch.autograd.grad(generator_loss_minimax(s), s)
    (g_ns,) = torch.autograd.grad(generator_loss_nonsaturating(s), s)
    assert g_mm.abs().max() < 1e-3 * 0.25 + 1e-4  # sigma(-8)/m: vanishing
    assert g_ns.abs().min() > 0.99 / 4  # (1 - sigma(-8))/m: about 1/m


class _Counting(SGD):
    calls = 0

    def step(self, closure=None):
        type(self).calls += 1
        return super().step(closure)


def test_gan_iteration_runs_k_discriminator_steps_per_generator_step():
    G, D = nn.Linear(1, 1).double(), nn.Linear(1, 1).double()

    class GOpt(_Counting):
        calls = 0

    class DOpt(_Counting):
        calls = 0

    opt_g, opt_d = GOpt(G.parameters(), lr=0.01), DOpt(D.parameters(), lr=0.01)
    g_before = [p.detach().clone() for p in G.parameters()]
    gan_training_iteration(
        G, D, opt_g, opt_d, lambda m: torch.randn(m, 1) + 2, lambda m: torch.randn(m, 1), m=16, k=3
    )
    assert (DOpt.calls, GOpt.calls) == (3, 1)
    assert any((a != b).any() for a, b in zip(g_before, G.parameters(), strict=True))


def test_gan_learns_the_data_mean(device):
    torch.manual_seed(1)
    G = nn.Linear(1, 1).double().to(device)  # x = a z + b
    D = nn.Sequential(nn.Linear(1, 16), nn.Tanh(), nn.Linear(16, 1)).double().to(device)
    opt_g, opt_d = (
        Adam(G.parameters(), lr=0.02, betas=(0.5, 0.999)),
        Adam(D.parameters(), lr=0.02, betas=(0.5, 0.999)),
    )
    for _ in range(400):
        gan_training_iteration(
            G,
            D,
            opt_g,
            opt_d,
            lambda m: (0.5 * torch.randn(m, 1) + 3.0).to(device),
            lambda m: torch.randn(m, 1).to(device),
            m=64,
            k=2,
        )
    assert abs(float(G.bias.detach()) - 3.0) < 0.5
