r"""Factor analysis by scikit-learn's SVD formulation: the exact loadings for the current noise, then EM's noise step.

For a fixed diagonal :math:`\boldsymbol{\Psi}`, the likelihood is maximised over :math:`\mathbf{W}` in closed form
(Tipping & Bishop's PPCA argument after whitening by :math:`\boldsymbol{\Psi}^{-1/2}`): with the eigenpairs
:math:`(\lambda_i, \mathbf{u}_i)` of :math:`\mathbf{A} = \boldsymbol{\Psi}^{-1/2}\mathbf{S}\boldsymbol{\Psi}^{-1/2}`,

.. math:: \mathbf{W}^*(\boldsymbol{\Psi}) = \boldsymbol{\Psi}^{1/2}\,\mathbf{U}_k\,\max(\boldsymbol{\Lambda}_k - \mathbf{I}, 0)^{1/2},
          \qquad
          \tfrac1N\log L = -\tfrac12\Big(d\log 2\pi + \log|\boldsymbol{\Psi}| + \sum_{i\le k}\big(\log\bar\lambda_i + \lambda_i/\bar\lambda_i\big)
          + \sum_{i>k}\lambda_i\Big),

:math:`\bar\lambda_i = \max(\lambda_i, 1)`. Then :math:`\boldsymbol{\Psi} \leftarrow \mathrm{diag}(\mathbf{S} - \mathbf{W}^*\mathbf{W}^{*\top})`.
At :math:`\mathbf{W}^*` the EM loading update returns :math:`\mathbf{W}^*` itself (it is a stationary point in
:math:`\mathbf{W}`, where :math:`\mathbf{S}\boldsymbol{\beta}^\top = \mathbf{W}`), so this :math:`\boldsymbol{\Psi}` step *is* EM's, and each
iteration (an exact conditional maximisation, then an EM step: an ECME scheme) never lowers the likelihood.

Scikit-learn computes the eigenpairs by a randomized SVD of the whitened data, :math:`\mathcal{O}(Ndk)` per iteration.
Here the covariance is formed once (:math:`\mathcal{O}(Nd^2)`, BLAS ``syrk``) and each iteration runs a few steps of
subspace iteration on :math:`\mathbf{A}`, warm-started from the previous iteration's Ritz vectors, :math:`\mathcal{O}(d^2k)`
and independent of :math:`N`; a step that does not converge falls back to a full eigendecomposition.

Catalog: ``latent.fa-em-update``, ``latent.gaussian-loglik-in-s``.
"""

from __future__ import annotations

import math

import torch

# Ritz vectors beyond k that the subspace keeps: the k-th converges like (lambda_{k+p+1} / lambda_k)^steps.
_OVERSAMPLING = 10
_MAX_INNER = 30


def _top_scaled(
    S: torch.Tensor, s: torch.Tensor, Q: torch.Tensor, k: int, tol: float
) -> tuple[torch.Tensor, torch.Tensor]:
    """Eigenvalues (descending, all ``b``) and Ritz basis ``(d, b)`` of ``A = diag(s) S diag(s)``, warm start ``Q``."""
    b = Q.shape[1]
    for _ in range(_MAX_INNER if 2 * b < S.shape[0] else 0):  # a subspace of half the space: eigh directly
        Z = s[:, None] * (S @ (s[:, None] * Q))  # A Q: (d, b)
        lam, V = torch.linalg.eigh(Q.mT @ Z)  # Rayleigh-Ritz, ascending
        lam, V = lam.flip(0), V.flip(1)
        Q, Z = Q @ V, Z @ V  # Ritz vectors and A times them
        residual = torch.linalg.vector_norm(Z[:, :k] - Q[:, :k] * lam[:k], dim=0).max()
        if float(residual) <= tol * float(lam[0].abs()):
            return lam, Q
        Q = torch.linalg.qr(Z).Q
    lam, U = torch.linalg.eigh(s[:, None] * S * s)  # not converged (or small d): the full eigendecomposition
    return lam.flip(0)[:b], U.flip(1)[:, :b]


def fit_svd(
    S: torch.Tensor, N: int, k: int, max_iter: int, tol: float, min_psi: float
) -> tuple[torch.Tensor, torch.Tensor, list[float]]:
    """Iterate from :math:`\\boldsymbol{\\Psi} = \\mathrm{diag}(\\mathbf{S})`; return ``(W, psi, history)``.

    ``history[i]`` is the mean log-likelihood of :math:`(\\mathbf{W}^*(\\boldsymbol{\\Psi}_i), \\boldsymbol{\\Psi}_i)`; the
    returned pair is the last one. Stops when the total log-likelihood rises by less than ``tol``.
    """
    d = S.shape[0]
    var = torch.diagonal(S).clone()  # (d,)
    psi = var.clamp_min(min_psi)
    b = min(d, k + _OVERSAMPLING)
    g = torch.Generator(device=S.device).manual_seed(0)
    Q = torch.linalg.qr(torch.randn(d, b, generator=g, dtype=S.dtype, device=S.device)).Q
    inner_tol = max(1e-10, 100 * torch.finfo(S.dtype).eps)
    const = d * math.log(2 * math.pi)
    history: list[float] = []
    while True:
        lam, Q = _top_scaled(S, psi.rsqrt(), Q, k, inner_tol)
        lk = lam[:k]  # (k,)
        big = lk.clamp_min(1.0)
        trace = (var / psi).sum()  # tr A
        ll = -0.5 * (const + torch.log(psi).sum() + (torch.log(big) + lk / big).sum() + trace - lk.sum())
        W = psi.sqrt()[:, None] * Q[:, :k] * (lk - 1).clamp_min(0).sqrt()  # W*(Psi): (d, k)
        history.append(float(ll))
        done = len(history) > 1 and N * (history[-1] - history[-2]) < tol
        if done or len(history) >= max_iter:
            return W, psi, history
        psi = (var - (W * W).sum(dim=1)).clamp_min(min_psi)  # diag(S - W W^T)
