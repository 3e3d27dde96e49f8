r"""The posterior encoder of the linear-Gaussian latent model (factor analysis, PPCA).

For :math:`\mathbf{z}\sim\mathcal{N}(\mathbf{0},\mathbf{I})`, :math:`\mathbf{x}\mid\mathbf{z}\sim\mathcal{N}(\mathbf{W}\mathbf{z}+\boldsymbol{\mu},\boldsymbol{\Sigma})`,
Bayes' rule gives :math:`p(\mathbf{z}\mid\mathbf{x}) = \mathcal{N}(\boldsymbol{\mu}_{\mathbf{z}|\mathbf{x}}, \boldsymbol{\Sigma}_{\mathbf{z}|\mathbf{x}})` with

.. math:: \boldsymbol{\mu}_{\mathbf{z}|\mathbf{x}} = \mathbf{W}^\top(\mathbf{W}\mathbf{W}^\top+\boldsymbol{\Sigma})^{-1}(\mathbf{x}-\boldsymbol{\mu}),
          \qquad
          \boldsymbol{\Sigma}_{\mathbf{z}|\mathbf{x}} = \mathbf{I} - \mathbf{W}^\top(\mathbf{W}\mathbf{W}^\top+\boldsymbol{\Sigma})^{-1}\mathbf{W}.

Computed through the :math:`k\times k` matrix :math:`\mathbf{M} = \mathbf{I}+\mathbf{W}^\top\boldsymbol{\Sigma}^{-1}\mathbf{W}` (Woodbury):
:math:`\boldsymbol{\mu}_{\mathbf{z}|\mathbf{x}} = \mathbf{M}^{-1}\mathbf{W}^\top\boldsymbol{\Sigma}^{-1}(\mathbf{x}-\boldsymbol{\mu})`,
:math:`\boldsymbol{\Sigma}_{\mathbf{z}|\mathbf{x}} = \mathbf{M}^{-1}`. As :math:`\boldsymbol{\Sigma} = \sigma^2\mathbf{I}\to 0` the mean tends to
:math:`\mathbf{W}^{+}(\mathbf{x}-\boldsymbol{\mu})` (:math:`\mathbf{W}^\top(\mathbf{x}-\boldsymbol{\mu})` for orthonormal columns) and the covariance to 0.

Catalog: ``latent.fa-posterior-mean``, ``latent.fa-posterior-covariance``.
"""

from __future__ import annotations

import torch

from numerics._links import implements

__all__ = ["posterior"]


@implements("latent.fa-posterior-mean", "latent.fa-posterior-covariance")
def posterior(
    x: torch.Tensor, mean: torch.Tensor, W: torch.Tensor, Sigma: torch.Tensor | float
) -> tuple[torch.Tensor, torch.Tensor]:
    r"""Return :math:`(\boldsymbol{\mu}_{\mathbf{z}|\mathbf{x}}, \boldsymbol{\Sigma}_{\mathbf{z}|\mathbf{x}})`.

    ``x``: ``(..., d)``, ``mean``: ``(d,)``, ``W``: ``(d, k)``, ``Sigma``: ``(d,)`` diagonal noise variances or a
    scalar :math:`\sigma^2`. Returns means ``(..., k)`` and the shared covariance ``(k, k)``.
    Catalog: ``latent.fa-posterior-mean``, ``latent.fa-posterior-covariance``.
    """
    d, k = W.shape
    sig = torch.as_tensor(Sigma, dtype=W.dtype, device=W.device).expand(d)  # (d,)
    A = W / sig[:, None]  # Sigma^{-1} W: (d, k)
    M = torch.eye(k, dtype=W.dtype, device=W.device) + W.mT @ A  # (k, k)
    L = torch.linalg.cholesky(M)
    cov = torch.cholesky_inverse(L)  # M^{-1}: (k, k)
    mu = torch.cholesky_solve(((x - mean) @ A).unsqueeze(-1), L).squeeze(
        -1
    )  # M^{-1} W^T Sigma^{-1} (x - mu): (..., k)
    return mu, cov
