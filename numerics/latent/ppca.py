r"""Probabilistic PCA by its closed-form maximum-likelihood solution (Tipping & Bishop 1999).

Model: :math:`\mathbf{z}\sim\mathcal{N}(\mathbf{0},\mathbf{I}_k)`, :math:`\mathbf{x} = \mathbf{W}\mathbf{z} + \boldsymbol{\mu} + \boldsymbol{\eta}`,
:math:`\boldsymbol{\eta}\sim\mathcal{N}(\mathbf{0},\sigma^2\mathbf{I})`. With the eigendecomposition of the sample covariance
:math:`\mathbf{S} = \mathbf{U}\boldsymbol{\Lambda}\mathbf{U}^\top` (:math:`\lambda_1\ge\dots\ge\lambda_d`), the likelihood is maximised by

.. math:: \sigma^2_{\mathrm{ML}} = \frac{1}{d-k}\sum_{i=k+1}^{d}\lambda_i, \qquad
          \mathbf{W}_{\mathrm{ML}} = \mathbf{U}_k\,(\boldsymbol{\Lambda}_k - \sigma^2\mathbf{I})^{1/2}\,\mathbf{R}

for any rotation :math:`\mathbf{R}` (here :math:`\mathbf{R}=\mathbf{I}`): each column is :math:`\mathbf{w}_i = \rho_i\mathbf{u}_i`,
:math:`\rho_i^2 = \max\{0, \lambda_i - \sigma^2\}`. As :math:`\sigma^2\to 0` this is PCA. Only the :math:`k` leading
eigenpairs are computed; :math:`\sum_{i>k}\lambda_i = \mathrm{tr}\,\mathbf{S} - \sum_{i\le k}\lambda_i`.

Which :math:`\sigma^2`: ``noise_variance="ml"`` (the default) is the maximum-likelihood value above, the mean of the
:math:`d-k` smallest eigenvalues. ``noise_variance="sklearn"`` is scikit-learn's ``PCA.noise_variance_``, the mean of
eigenvalues :math:`k+1, \dots, \min(N, d)`: for :math:`N < d` the sample covariance has at most :math:`N` non-zero
eigenvalues and scikit-learn leaves the :math:`d - N` zeros out, giving a larger :math:`\sigma^2`; for :math:`N \ge d`
the two agree. ``ddof=0`` is the maximum-likelihood covariance; ``ddof=1, noise_variance="sklearn"`` reproduces
scikit-learn's ``PCA`` (``noise_variance_``, ``score``) for every :math:`N` and :math:`d`.

Catalog: ``latent.ppca-ml-solution``, ``latent.ppca-noise-variance-ml``, ``latent.gaussian-loglik-in-s``,
``latent.fa-marginal-distribution``.
"""

from __future__ import annotations

from dataclasses import dataclass

import torch

from numerics._checks import check_choice, check_components
from numerics._links import implements
from numerics.latent._linalg import column_mean, covariance, top_eigh
from numerics.latent.gaussian import low_rank_gaussian_log_likelihood

__all__ = ["PPCA", "fit_ppca"]


@implements("latent.fa-marginal-distribution")
@dataclass(frozen=True)
class PPCA:
    r"""Fitted PPCA, the model :math:`\mathbf{x}\sim\mathcal{N}(\boldsymbol{\mu},\mathbf{W}\mathbf{W}^\top+\sigma^2\mathbf{I})`.

    ``mean`` :math:`(d,)`, ``W`` :math:`(d, k)`, ``noise_variance`` :math:`\sigma^2`, ``eigenvalues`` :math:`(k,)`: the
    :math:`k` largest eigenvalues of :math:`\mathbf{S}`, descending (scikit-learn's ``explained_variance_``).
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


@implements("latent.ppca-ml-solution", "latent.ppca-noise-variance-ml")
def fit_ppca(
    X: torch.Tensor, k: int, ddof: int = 0, *, noise_variance: str = "ml", solver: str = "auto"
) -> PPCA:
    r""":math:`\sigma^2 = \mathrm{mean}(\lambda_{k+1..d})`, :math:`\mathbf{W} = \mathbf{U}_k(\boldsymbol{\Lambda}_k-\sigma^2\mathbf{I})^{1/2}`.

    ``X``: ``(N, d)`` with ``0 < k < d``. ``noise_variance``: ``"ml"`` (mean of the :math:`d-k` smallest eigenvalues)
    or ``"sklearn"`` (mean of eigenvalues :math:`k+1..\min(N, d)`, 0 when :math:`k \ge \min(N, d)`), see the module
    docstring. ``solver``: ``"auto"`` (LAPACK's partial ``syevr`` on CPU, ``torch.linalg.eigh`` elsewhere), ``"partial"``
    or ``"full"``. Catalog: ``latent.ppca-ml-solution``, ``latent.ppca-noise-variance-ml``.
    """
    N, d = check_components("fit_ppca", X, k, "d - 1")
    check_choice("fit_ppca", "noise_variance", noise_variance, ("ml", "sklearn"))
    mean = column_mean(X)  # (d,)
    S = covariance(X, mean, ddof)  # (d, d)
    lam, U = top_eigh(S, k, solver)  # (k,), (d, k), descending
    rest = (torch.diagonal(S).sum() - lam.sum()).clamp_min(0)  # sum of the d - k smallest eigenvalues
    count = d - k if noise_variance == "ml" else min(N, d) - k
    sigma2 = rest / count if count > 0 else torch.zeros((), dtype=S.dtype, device=S.device)
    rho = (lam - sigma2).clamp_min(0).sqrt()  # (k,)
    W = U * rho  # (d, k)
    return PPCA(mean, W, sigma2, lam)
