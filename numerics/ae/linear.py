r"""Linear autoencoder: its optimal code space is the top-:math:`k` principal subspace.

Encoder :math:`\mathbf{C}\in\mathbb{R}^{k\times d}`, decoder :math:`\mathbf{D}\in\mathbb{R}^{d\times k}`, centred data; the squared
reconstruction error

.. math:: \mathcal{R}(\mathbf{C},\mathbf{D}) = \frac{1}{N}\sum_i \|\mathbf{x}_i - \mathbf{D}\mathbf{C}\mathbf{x}_i\|^2

is minimised exactly when :math:`\mathbf{D}\mathbf{C} = \mathbf{U}_k\mathbf{U}_k^\top`, the projection onto the span of the top-:math:`k`
eigenvectors of the covariance (Baldi & Hornik 1989): the columns of :math:`\mathbf{D}` span the PCA subspace (up to an
invertible :math:`k\times k` map, so the individual components are not identified).

Catalog: ``ae.linear-autoencoder-pca-subspace``.
"""

from __future__ import annotations

import torch
from torch import nn

from numerics._links import implements

__all__ = ["LinearAutoencoder", "fit_linear_autoencoder"]


@implements("ae.linear-autoencoder-pca-subspace")
class LinearAutoencoder(nn.Module):
    r""":math:`\mathbf{x}\mapsto\mathbf{D}\mathbf{C}\mathbf{x}`, ``C``: ``(k, d)``, ``D``: ``(d, k)``. Catalog: ``ae.linear-autoencoder-pca-subspace``."""

    def __init__(self, d: int, k: int, dtype: torch.dtype = torch.float32) -> None:
        super().__init__()
        self.C = nn.Parameter(torch.randn(k, d, dtype=dtype) / d**0.5)
        self.D = nn.Parameter(torch.randn(d, k, dtype=dtype) / k**0.5)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return (x @ self.C.mT) @ self.D.mT  # (N, k) -> (N, d)


@implements("ae.linear-autoencoder-pca-subspace")
def fit_linear_autoencoder(
    X: torch.Tensor, k: int, max_iter: int = 500, tol: float = 1e-12
) -> LinearAutoencoder:
    r"""Minimise :math:`\frac1N\sum\|\mathbf{x}_i-\mathbf{D}\mathbf{C}\mathbf{x}_i\|^2` by alternating exact least squares.

    With :math:`\mathbf{S} = \mathbf{X}_c^\top\mathbf{X}_c/N`, each half-step solves its block exactly:
    :math:`\mathbf{D} \leftarrow \mathbf{S}\mathbf{C}^\top(\mathbf{C}\mathbf{S}\mathbf{C}^\top)^{-1}`, then
    :math:`\mathbf{C} \leftarrow (\mathbf{D}^\top\mathbf{D})^{-1}\mathbf{D}^\top`; the error never increases and the iteration
    converges at the rate :math:`\lambda_{k+1}/\lambda_k` (a subspace iteration). Stops when the projection
    :math:`\mathbf{D}\mathbf{C}` changes by less than ``tol`` (max-abs). Apply the model to ``X - X.mean(0)``. Catalog: ``ae.linear-autoencoder-pca-subspace``.
    """
    Xc = X - X.mean(dim=0)  # (N, d)
    S = Xc.mT @ Xc / X.shape[0]  # (d, d)
    model = LinearAutoencoder(X.shape[1], k, dtype=X.dtype).to(X.device)
    C = model.C.detach()  # (k, d)
    P_prev = torch.zeros_like(S)
    for _ in range(max_iter):
        SCt = S @ C.mT  # (d, k)
        D = torch.linalg.solve(C @ SCt, SCt.mT).mT  # S C^T (C S C^T)^{-1}: (d, k)
        C = torch.linalg.solve(D.mT @ D, D.mT)  # (D^T D)^{-1} D^T: (k, d)
        P = D @ C  # orthogonal projection onto span(D): (d, d)
        if float((P - P_prev).abs().max()) < tol:
            break
        P_prev = P
    with torch.no_grad():
        model.C.copy_(C)
        model.D.copy_(D)
    return model
