r"""Factor analysis fitted by expectation-maximisation or by scikit-learn's SVD formulation, with its log-likelihood.

Model: :math:`\mathbf{z}\sim\mathcal{N}(\mathbf{0},\mathbf{I}_k)`, :math:`\mathbf{x} = \mathbf{W}\mathbf{z}+\boldsymbol{\mu}+\boldsymbol{\eta}`,
:math:`\boldsymbol{\eta}\sim\mathcal{N}(\mathbf{0},\boldsymbol{\Psi})` with diagonal :math:`\boldsymbol{\Psi}`, so
:math:`\mathbf{x}\sim\mathcal{N}(\boldsymbol{\mu},\mathbf{W}\mathbf{W}^\top+\boldsymbol{\Psi})`. Everything depends on the data only through
the sample covariance :math:`\mathbf{S}`. With :math:`\boldsymbol{\beta} = \mathbf{W}^\top(\mathbf{W}\mathbf{W}^\top+\boldsymbol{\Psi})^{-1}
= \mathbf{M}^{-1}\mathbf{W}^\top\boldsymbol{\Psi}^{-1}`, :math:`\mathbf{M} = \mathbf{I}+\mathbf{W}^\top\boldsymbol{\Psi}^{-1}\mathbf{W}`:

.. math:: \text{E: } \mathbb{E}[\mathbf{z}\mathbf{z}^\top] = \mathbf{M}^{-1} + \boldsymbol{\beta}\mathbf{S}\boldsymbol{\beta}^\top,
          \qquad
          \text{M: } \mathbf{W} \leftarrow \mathbf{S}\boldsymbol{\beta}^\top\,\mathbb{E}[\mathbf{z}\mathbf{z}^\top]^{-1},\;
          \boldsymbol{\Psi} \leftarrow \mathrm{diag}(\mathbf{S} - \mathbf{W}\boldsymbol{\beta}\mathbf{S})

Each iteration costs :math:`\mathcal{O}(d^2k)` and never decreases the likelihood
:math:`-\tfrac N2\big(d\log2\pi + \log|\mathbf{C}| + \mathrm{tr}(\mathbf{C}^{-1}\mathbf{S})\big)`. It starts from the PPCA solution.
EM converges linearly and slowly (hundreds of iterations for :math:`d` in the thousands); ``method="svd"``
(:mod:`numerics.latent.factor_analysis_svd`, the algorithm scikit-learn runs) maximises over :math:`\mathbf{W}` exactly
at each iteration and needs a handful. Both are monotone.

Catalog: ``latent.fa-em-update``, ``latent.gaussian-loglik-in-s``, ``latent.fa-marginal-distribution``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import torch

from numerics._checks import check_choice, check_components
from numerics._links import implements
from numerics.latent._linalg import column_mean, covariance, top_eigh
from numerics.latent.factor_analysis_svd import fit_svd
from numerics.latent.gaussian import low_rank_gaussian_log_likelihood

__all__ = ["FactorAnalysis", "fit_factor_analysis"]


@implements("latent.fa-marginal-distribution")
@dataclass(frozen=True)
class FactorAnalysis:
    r"""Fitted factor analysis, the model :math:`\mathbf{x}\sim\mathcal{N}(\boldsymbol{\mu},\mathbf{W}\mathbf{W}^\top+\boldsymbol{\Psi})`.

    ``mean`` :math:`(d,)`, ``W`` :math:`(d,k)`, ``psi`` :math:`(d,)` (the diagonal of :math:`\boldsymbol{\Psi}`), ``history``
    the mean log-likelihood per iteration. Catalog: ``latent.fa-marginal-distribution``.
    """

    mean: torch.Tensor
    W: torch.Tensor
    psi: torch.Tensor
    history: list[float] = field(default_factory=list)

    @implements("latent.gaussian-loglik-in-s")
    def log_likelihood(self, X: torch.Tensor) -> torch.Tensor:
        r"""Mean :math:`\log\mathcal{N}(\mathbf{x}_i;\boldsymbol{\mu},\mathbf{W}\mathbf{W}^\top+\boldsymbol{\Psi})`. Catalog: ``latent.gaussian-loglik-in-s``."""
        return low_rank_gaussian_log_likelihood(X, self.mean, self.W, self.psi)


@implements("latent.fa-em-update", "latent.gaussian-loglik-in-s")
def fit_factor_analysis(
    X: torch.Tensor,
    k: int,
    max_iter: int = 1000,
    tol: float = 1e-6,
    min_psi: float = 1e-12,
    *,
    method: str = "em",
) -> FactorAnalysis:
    r"""Fit factor analysis with ``k`` factors; stops when the total log-likelihood rises by less than ``tol``.

    ``X``: ``(N, d)`` with ``0 < k < d``. ``tol`` applies to the summed (not mean) log-likelihood, as in scikit-learn
    (whose default is ``1e-2``; EM converges linearly, so it needs a tighter one to reach the same likelihood).
    ``method="em"``: the EM updates above, from the PPCA solution; ``history`` holds the mean log-likelihood before
    each update. ``method="svd"``: scikit-learn's formulation (exact loadings for the current noise, then the noise
    update), from :math:`\boldsymbol{\Psi} = \mathrm{diag}(\mathbf{S})`; ``history`` holds the mean log-likelihood of
    each iterate, the last being the returned one; a few to a few dozen iterations, several times faster than
    scikit-learn's ``FactorAnalysis`` at an equal or higher likelihood (``python -m bench.numerics``).
    Catalog: ``latent.fa-em-update``, ``latent.gaussian-loglik-in-s``.
    """
    N, d = check_components("fit_factor_analysis", X, k, "d - 1")
    check_choice("fit_factor_analysis", "method", method, ("em", "svd"))
    mean = column_mean(X)  # (d,)
    S = covariance(X, mean)  # (d, d)
    if method == "svd":
        W, psi, history = fit_svd(S, N, k, max_iter, tol, min_psi)
        return FactorAnalysis(mean, W, psi, history)
    diagS = torch.diagonal(S)  # (d,)
    eye = torch.eye(k, dtype=X.dtype, device=X.device)
    # start from PPCA: W = U_k (Lambda_k - sigma^2)^{1/2}, Psi = diag(S - W W^T)
    lam, U = top_eigh(S, k)  # (k,), (d, k), descending
    sigma2 = ((diagS.sum() - lam.sum()) / (d - k)).clamp_min(0)  # mean of the d - k smallest eigenvalues
    W = U * (lam - sigma2).clamp_min(0).sqrt()  # (d, k)
    psi = (diagS - (W * W).sum(dim=1)).clamp_min(max(float(sigma2), min_psi))  # (d,)
    const = d * math.log(2 * math.pi)
    history: list[float] = []
    for _ in range(max_iter):
        A = W / psi[:, None]  # Psi^{-1} W: (d, k)
        M = eye + W.mT @ A  # (k, k)
        L = torch.linalg.cholesky(M)
        beta = torch.cholesky_solve(A.mT, L)  # M^{-1} W^T Psi^{-1}: (k, d)
        SBt = S @ beta.mT  # S beta^T: (d, k)
        # log-likelihood of the current parameters: tr(C^{-1} S) = sum(diag S / psi) - sum(A * S beta^T)
        logdet = torch.log(psi).sum() + 2 * torch.log(torch.diagonal(L)).sum()
        ll = -0.5 * (const + logdet + (diagS / psi).sum() - (A * SBt).sum())
        history.append(float(ll))
        if len(history) > 1 and N * (history[-1] - history[-2]) < tol:
            break
        Ezz = torch.cholesky_inverse(L) + beta @ SBt  # M^{-1} + beta S beta^T: (k, k)
        W = torch.linalg.solve(Ezz, SBt.mT).mT  # S beta^T Ezz^{-1} (Ezz symmetric): (d, k)
        psi = (diagS - (W * SBt).sum(dim=1)).clamp_min(min_psi)  # diag(S - W beta S)
    return FactorAnalysis(mean, W, psi, history)
