r"""Principal component analysis, from the SVD of the data and from the eigendecomposition of the covariance.

With the centred data :math:`\mathbf{X}_c = \mathbf{X} - \mathbf{1}\boldsymbol{\mu}^\top` (samples in rows) and its thin SVD
:math:`\mathbf{X}_c = \mathbf{V}\boldsymbol{\Sigma}\mathbf{U}^\top`, the sample covariance is

.. math:: \mathbf{S} = \frac{1}{N}\mathbf{X}_c^\top\mathbf{X}_c = \mathbf{U}\,\frac{\boldsymbol{\Sigma}^2}{N}\,\mathbf{U}^\top,

so the principal directions (eigenvectors of :math:`\mathbf{S}`) are the right singular vectors of the data and the
variances are :math:`\lambda_i = \sigma_i^2/N`. The covariance route squares the condition number; the SVD route
does not, at a higher cost when :math:`N \gg d`.

Catalog: ``latent.pca-svd-of-data``, ``latent.pca-covariance-eigenvectors``.
"""

from __future__ import annotations

from dataclasses import dataclass

import torch

from numerics._checks import check_components
from numerics._links import implements
from numerics.latent._linalg import column_mean, covariance

__all__ = ["PCAResult", "pca_covariance", "pca_svd"]


@dataclass(frozen=True)
class PCAResult:
    """``mean``: ``(d,)``; ``components``: ``(k, d)`` orthonormal rows, largest variance first;
    ``explained_variance``: ``(k,)`` eigenvalues of the covariance; ``all_variances``: ``(min(N, d),)``."""

    mean: torch.Tensor
    components: torch.Tensor
    explained_variance: torch.Tensor
    all_variances: torch.Tensor


def _fix_signs(components: torch.Tensor) -> torch.Tensor:
    """Flip each row so that its entry of largest magnitude is positive (a deterministic sign)."""
    idx = components.abs().argmax(dim=1, keepdim=True)  # (k, 1)
    return components * torch.sign(components.gather(1, idx))


@implements("latent.pca-svd-of-data")
def pca_svd(X: torch.Tensor, k: int, ddof: int = 0) -> PCAResult:
    r"""Top-``k`` principal directions from the SVD :math:`\mathbf{X}_c = \mathbf{V}\boldsymbol{\Sigma}\mathbf{U}^\top`.

    ``X``: ``(N, d)``, ``1 <= k <= min(N, d)``. Variances are :math:`\sigma_i^2/(N - \mathrm{ddof})`.
    Catalog: ``latent.pca-svd-of-data``.
    """
    check_components("pca_svd", X, k, "min(N, d)")
    mean = X.mean(dim=0)  # (d,)
    _, s, Ut = torch.linalg.svd(X - mean, full_matrices=False)  # s: (r,), Ut: (r, d)
    var = s**2 / (X.shape[0] - ddof)
    return PCAResult(mean, _fix_signs(Ut[:k]), var[:k], var)


@implements("latent.pca-covariance-eigenvectors")
def pca_covariance(X: torch.Tensor, k: int, ddof: int = 0) -> PCAResult:
    r"""Top-``k`` eigenvectors of :math:`\mathbf{S} = \mathbf{X}_c^\top\mathbf{X}_c/(N-\mathrm{ddof})`.

    ``X``: ``(N, d)``, ``1 <= k <= min(N, d)`` (beyond the rank of the data the eigenvectors are arbitrary).
    Catalog: ``latent.pca-covariance-eigenvectors``.
    """
    check_components("pca_covariance", X, k, "min(N, d)")
    mean = column_mean(X)  # (d,)
    S = covariance(X, mean, ddof)  # (d, d)
    lam, U = torch.linalg.eigh(S)  # ascending
    lam, U = lam.flip(0), U.flip(1)  # descending
    return PCAResult(mean, _fix_signs(U[:, :k].mT), lam[:k], lam)
