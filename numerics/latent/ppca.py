r"""Probabilistic PCA by its closed-form maximum-likelihood solution (Tipping & Bishop 1999).

Model: :math:`\mathbf{z}\sim\mathcal{N}(\mathbf{0},\mathbf{I}_k)`, :math:`\mathbf{x} = \mathbf{W}\mathbf{z} + \boldsymbol{\mu} + \boldsymbol{\eta}`,
:math:`\boldsymbol{\eta}\sim\mathcal{N}(\mathbf{0},\sigma^2\mathbf{I})`. With the eigendecomposition of the sample covariance
:math:`\mathbf{S} = \mathbf{U}\boldsymbol{\Lambda}\mathbf{U}^\top` (:math:`\lambda_1\ge\dots\ge\lambda_d`), the likelihood is maximised by

.. math:: \sigma^2_{\mathrm{ML}} = \frac{1}{d-k}\sum_{i=k+1}^{d}\lambda_i, \qquad
          \mathbf{W}_{\mathrm{ML}} = \mathbf{U}_k\,(\boldsymbol{\Lambda}_k - \sigma^2\mathbf{I})^{1/2}\,\mathbf{R}

for any rotation :math:`\mathbf{R}` (here :math:`\mathbf{R}=\mathbf{I}`): each column is :math:`\mathbf{w}_i = \rho_i\mathbf{u}_i`,
:math:`\rho_i^2 = \max\{0, \lambda_i - \sigma^2\}`. As :math:`\sigma^2\to 0` this is PCA.
``ddof=0`` is the maximum-likelihood covariance; ``ddof=1`` reproduces scikit-learn's ``PCA`` (``noise_variance_``, ``score``).

Catalog: ``latent.ppca-ml-solution``, ``latent.ppca-noise-variance-ml``, ``latent.gaussian-loglik-in-s``,
``latent.fa-marginal-distribution``.
"""

from __future__ import annotations

from dataclasses import dataclass

import torch

from numerics._links import implements
from numerics.latent._gram import gram
from numerics.latent.gaussian import low_rank_gaussian_log_likelihood

__all__ = ["PPCA", "fit_ppca"]


@implements("latent.fa-marginal-distribution")
@dataclass(frozen=True)
class PPCA:
    r"""Fitted PPCA, the model :math:`\mathbf{x}\sim\mathcal{N}(\boldsymbol{\mu},\mathbf{W}\mathbf{W}^\top+\sigma^2\mathbf{I})`.

    ``mean`` :math:`(d,)`, ``W`` :math:`(d, k)`, ``noise_variance`` :math:`\sigma^2`, ``eigenvalues`` :math:`(d,)`.
    Catalog: ``latent.fa-marginal-distribution``.
    """

    mean: torch.Tensor
    W: torch.Tensor
    noise_variance: torch.Tensor
    eigenvalues: torch.Tensor

    @implements("latent.gaussian-loglik-in-s")
    def log_likelihood(self, X: torch.Tensor) -> torch.Tensor:
        r"""Mean :math:`\log\mathcal{N}(\mathbf{x}_i;\boldsymbol{\mu},\mathbf{W}\mathbf{W}^\top+\sigma^2\mathbf{I})` over the rows of ``X``.

        Catalog: ``latent.gaussian-loglik-in-s``.
        """
        return low_rank_gaussian_log_likelihood(X, self.mean, self.W, self.noise_variance)

    def covariance(self) -> torch.Tensor:
        r""":math:`\mathbf{W}\mathbf{W}^\top + \sigma^2\mathbf{I}`, ``(d, d)``."""
        d = self.W.shape[0]
        return self.W @ self.W.mT + self.noise_variance * torch.eye(
            d, dtype=self.W.dtype, device=self.W.device
        )


# Uncentred moments lose about log10(|mu|^2 / (tr S / d)) digits to cancellation; beyond this many we centre
# (float64 keeps at least 13 digits, float32 at least 6).
_MAX_LOST_DIGITS = {torch.float64: 3.0, torch.float32: 1.0}


def _covariance(X: torch.Tensor, mean: torch.Tensor, ddof: int) -> torch.Tensor:
    r""":math:`\mathbf{S} = \frac{1}{N - \text{ddof}}\sum_i (\mathbf{x}_i-\boldsymbol{\mu})(\mathbf{x}_i-\boldsymbol{\mu})^\top`.

    Fast path: :math:`(\mathbf{X}^\top\mathbf{X} - N\boldsymbol{\mu}\boldsymbol{\mu}^\top)/(N-\text{ddof})` needs
    no centred copy of ``X``.  That form is numerically fragile when :math:`\|\boldsymbol{\mu}\|^2` dwarfs the
    variances (cancellation), so when it would lose more than ``_MAX_LOST_DIGITS`` digits the data are centred
    first.
    """
    N = X.shape[0]
    G = gram(X)  # (d, d)
    S = (G - N * torch.outer(mean, mean)) / (N - ddof)  # (d, d)
    spread = torch.diagonal(S).mean().clamp_min(torch.finfo(S.dtype).tiny)
    if float((mean @ mean) / spread) > 10.0 ** _MAX_LOST_DIGITS.get(X.dtype, 0.0):
        S = gram(X - mean) / (N - ddof)
    return S


@implements("latent.ppca-ml-solution", "latent.ppca-noise-variance-ml")
def fit_ppca(X: torch.Tensor, k: int, ddof: int = 0) -> PPCA:
    r""":math:`\sigma^2 = \mathrm{mean}(\lambda_{k+1..d})`, :math:`\mathbf{W} = \mathbf{U}_k(\boldsymbol{\Lambda}_k-\sigma^2\mathbf{I})^{1/2}`.

    ``X``: ``(N, d)`` with ``k < d``. Catalog: ``latent.ppca-ml-solution``, ``latent.ppca-noise-variance-ml``.
    """
    N, d = X.shape
    if not 0 < k < d:
        raise ValueError(f"need 0 < k < d, got k={k}, d={d}")
    mean = X.mean(dim=0)  # (d,)
    S = _covariance(X, mean, ddof)  # (d, d)
    lam, U = torch.linalg.eigh(S)  # ascending
    lam, U = lam.flip(0), U.flip(1)  # descending
    # eigenvalues are >= 0 in exact arithmetic; clamp round-off below zero
    sigma2 = lam[k:].clamp_min(0).mean()
    rho = (lam[:k] - sigma2).clamp_min(0).sqrt()  # (k,)
    W = U[:, :k] * rho  # (d, k)
    return PPCA(mean, W, sigma2, lam)
