r"""Log-likelihood under the linear-Gaussian latent model :math:`\mathbf{x} \sim \mathcal{N}(\boldsymbol{\mu}, \mathbf{W}\mathbf{W}^\top + \boldsymbol{\Psi})`.

:math:`\boldsymbol{\Psi}` is diagonal (factor analysis) or :math:`\sigma^2\mathbf{I}` (probabilistic PCA). With
:math:`\mathbf{M} = \mathbf{I} + \mathbf{W}^\top\boldsymbol{\Psi}^{-1}\mathbf{W}` (:math:`k\times k`), the determinant lemma and
Woodbury's identity give

.. math:: \log|\mathbf{C}| = \log|\boldsymbol{\Psi}| + \log|\mathbf{M}|, \qquad
          \mathbf{C}^{-1} = \boldsymbol{\Psi}^{-1} - \boldsymbol{\Psi}^{-1}\mathbf{W}\mathbf{M}^{-1}\mathbf{W}^\top\boldsymbol{\Psi}^{-1},

so the mean log-likelihood :math:`-\tfrac12\big(d\log 2\pi + \log|\mathbf{C}| + \tfrac1N\sum_i (\mathbf{x}_i-\boldsymbol{\mu})^\top\mathbf{C}^{-1}(\mathbf{x}_i-\boldsymbol{\mu})\big)`
costs :math:`\mathcal{O}(Ndk)` instead of :math:`\mathcal{O}(d^3 + Nd^2)`.

Catalog: ``latent.fa-marginal-distribution``.
"""

from __future__ import annotations

import math

import torch

from numerics._links import implements

__all__ = ["low_rank_gaussian_log_likelihood"]


@implements("latent.fa-marginal-distribution")
def low_rank_gaussian_log_likelihood(
    X: torch.Tensor, mean: torch.Tensor, W: torch.Tensor, psi: torch.Tensor | float
) -> torch.Tensor:
    r"""Mean over rows of :math:`\log\mathcal{N}(\mathbf{x}_i;\boldsymbol{\mu},\mathbf{W}\mathbf{W}^\top+\boldsymbol{\Psi})`.

    ``X``: ``(N, d)``, ``mean``: ``(d,)``, ``W``: ``(d, k)``, ``psi``: ``(d,)`` diagonal or a scalar :math:`\sigma^2`.
    Equals scikit-learn's ``score`` of ``PCA`` / ``FactorAnalysis`` for their fitted parameters.
    Catalog: ``latent.fa-marginal-distribution``.
    """
    N, d = X.shape
    k = W.shape[1]
    psi_t = torch.as_tensor(psi, dtype=X.dtype, device=X.device).expand(d)  # (d,)
    Xc = X - mean  # (N, d)
    A = W / psi_t[:, None]  # Psi^{-1} W: (d, k)
    M = torch.eye(k, dtype=X.dtype, device=X.device) + W.mT @ A  # (k, k)
    L = torch.linalg.cholesky(M)
    logdet_C = torch.log(psi_t).sum() + 2 * torch.log(torch.diagonal(L)).sum()
    proj = torch.linalg.solve_triangular(L, (Xc @ A).mT, upper=False)  # L^{-1} W^T Psi^{-1} x: (k, N)
    maha = (Xc * Xc / psi_t).sum(dim=1) - (proj * proj).sum(dim=0)  # (N,)
    return -0.5 * (d * math.log(2 * math.pi) + logdet_C + maha.mean())
