r"""Variational autoencoder with Gaussian encoder and decoder, reparameterisation and the closed-form KL.

Prior :math:`p(\mathbf{z}) = \mathcal{N}(\mathbf{0},\mathbf{I})`; encoder :math:`q_\phi(\mathbf{z}\mid\mathbf{x}) = \mathcal{N}(\boldsymbol{\mu},\mathrm{diag}\,\boldsymbol{\sigma}^2)`;
decoder :math:`p_\theta(\mathbf{x}\mid\mathbf{z}) = \mathcal{N}(\boldsymbol{\mu}_{\mathbf{x}},\mathrm{diag}\,\boldsymbol{\sigma}_{\mathbf{x}}^2)`. The evidence lower bound

.. math:: \log p_\theta(\mathbf{x}) \ge \mathcal{L} = \mathbb{E}_{q_\phi}[\log p_\theta(\mathbf{x}\mid\mathbf{z})] - \mathrm{KL}(q_\phi(\mathbf{z}\mid\mathbf{x})\,\|\,p(\mathbf{z})),

.. math:: \mathrm{KL} = \frac12\sum_j\left(\sigma_j^2 + \mu_j^2 - 1 - \log\sigma_j^2\right), \qquad
          \frac{\partial\,\mathrm{KL}}{\partial\mu_j} = \mu_j, \quad \frac{\partial\,\mathrm{KL}}{\partial\log\sigma_j^2} = \tfrac12(\sigma_j^2 - 1),

is estimated with one reparameterised sample :math:`\mathbf{z} = \boldsymbol{\mu} + \boldsymbol{\sigma}\odot\boldsymbol{\epsilon}`,
:math:`\boldsymbol{\epsilon}\sim\mathcal{N}(\mathbf{0},\mathbf{I})`, which makes :math:`\mathcal{L}` differentiable in :math:`\phi`.
Networks output log-variances, so :math:`\sigma^2 = e^{\log\sigma^2} > 0`.

Catalog: ``gen.elbo``, ``gen.elbo-gaussian-kl``, ``gen.gaussian-kl-gradient``, ``gen.reparameterization-trick``,
``gen.gaussian-decoder-log-likelihood``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import torch
from torch import nn

from numerics._links import implements

__all__ = [
    "VAE",
    "diagonal_gaussian_log_pdf",
    "gaussian_kl_standard",
    "gaussian_kl_standard_grad",
    "reparameterize",
]


@implements("gen.elbo-gaussian-kl")
def gaussian_kl_standard(mu: torch.Tensor, logvar: torch.Tensor) -> torch.Tensor:
    r""":math:`\mathrm{KL}(\mathcal{N}(\boldsymbol{\mu},\mathrm{diag}\,e^{\log\boldsymbol{\sigma}^2})\|\mathcal{N}(\mathbf{0},\mathbf{I}))` summed over the last dim.

    Catalog: ``gen.elbo-gaussian-kl``.
    """
    return 0.5 * (torch.exp(logvar) + mu * mu - 1 - logvar).sum(dim=-1)


@implements("gen.gaussian-kl-gradient")
def gaussian_kl_standard_grad(mu: torch.Tensor, logvar: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    r"""Analytic gradient :math:`(\boldsymbol{\mu},\ \tfrac12(\boldsymbol{\sigma}^2-1))` of :func:`gaussian_kl_standard`.

    Catalog: ``gen.gaussian-kl-gradient``.
    """
    return mu, 0.5 * (torch.exp(logvar) - 1)


@implements("gen.reparameterization-trick")
def reparameterize(mu: torch.Tensor, logvar: torch.Tensor, eps: torch.Tensor) -> torch.Tensor:
    r""":math:`\mathbf{z} = \boldsymbol{\mu} + e^{\frac12\log\boldsymbol{\sigma}^2}\odot\boldsymbol{\epsilon}`. Catalog: ``gen.reparameterization-trick``."""
    return mu + torch.exp(0.5 * logvar) * eps


@implements("gen.gaussian-decoder-log-likelihood")
def diagonal_gaussian_log_pdf(x: torch.Tensor, mu: torch.Tensor, logvar: torch.Tensor) -> torch.Tensor:
    r""":math:`\log\mathcal{N}(\mathbf{x};\boldsymbol{\mu},\mathrm{diag}\,\boldsymbol{\sigma}^2) = -\frac12\sum_j(\log 2\pi + \log\sigma_j^2 + (x_j-\mu_j)^2/\sigma_j^2)`.

    Catalog: ``gen.gaussian-decoder-log-likelihood``.
    """
    return -0.5 * (math.log(2 * math.pi) + logvar + (x - mu) ** 2 * torch.exp(-logvar)).sum(dim=-1)


def _mlp(widths: Sequence[int]) -> nn.Sequential:
    layers: list[nn.Module] = []
    for a, b in zip(widths[:-1], widths[1:], strict=True):
        layers += [nn.Linear(a, b), nn.Tanh()]
    return nn.Sequential(*layers)


@implements("gen.elbo", "gen.elbo-gaussian-kl", "gen.reparameterization-trick")
class VAE(nn.Module):
    """Gaussian VAE: ``d -> hidden -> (mu, logvar)`` of size ``k``, and ``k -> hidden -> (mu_x, logvar_x)``.

    Catalog: ``gen.elbo``, ``gen.elbo-gaussian-kl``, ``gen.reparameterization-trick``.
    """

    def __init__(self, d: int, hidden: Sequence[int], k: int) -> None:
        super().__init__()
        h_enc = [d, *hidden]
        h_dec = [k, *reversed(hidden)]
        self.enc, self.enc_out = _mlp(h_enc), nn.Linear(h_enc[-1], 2 * k)
        self.dec, self.dec_out = _mlp(h_dec), nn.Linear(h_dec[-1], 2 * d)

    def encode(self, x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        """``(N, d) -> (mu, logvar)``, each ``(N, k)``."""
        return self.enc_out(self.enc(x)).chunk(2, dim=-1)  # type: ignore[return-value]

    def decode(self, z: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        """``(N, k) -> (mu_x, logvar_x)``, each ``(N, d)``."""
        return self.dec_out(self.dec(z)).chunk(2, dim=-1)  # type: ignore[return-value]

    def elbo(self, x: torch.Tensor, eps: torch.Tensor | None = None) -> torch.Tensor:
        r"""Per-sample :math:`\log p_\theta(\mathbf{x}\mid\mathbf{z}) - \mathrm{KL}` with :math:`\mathbf{z} = \boldsymbol{\mu}+\boldsymbol{\sigma}\odot\boldsymbol{\epsilon}`, ``(N,)``.

        ``eps`` ``(N, k)`` defaults to a fresh standard normal draw.
        """
        mu, logvar = self.encode(x)  # (N, k) each
        if eps is None:
            eps = torch.randn_like(mu)
        z = reparameterize(mu, logvar, eps)  # (N, k)
        mu_x, logvar_x = self.decode(z)  # (N, d) each
        return diagonal_gaussian_log_pdf(x, mu_x, logvar_x) - gaussian_kl_standard(mu, logvar)

    def sample(self, n: int, generator: torch.Generator | None = None) -> torch.Tensor:
        """Draw ``z`` from the prior, decode, and sample ``x`` from the decoder's Gaussian: ``(n, d)``."""
        p = next(self.parameters())
        k = self.enc_out.out_features // 2
        z = torch.randn(n, k, dtype=p.dtype, device=p.device, generator=generator)
        mu_x, logvar_x = self.decode(z)
        noise = torch.randn(mu_x.shape, dtype=p.dtype, device=p.device, generator=generator)
        return reparameterize(mu_x, logvar_x, noise)
