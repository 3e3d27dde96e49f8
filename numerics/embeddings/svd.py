r"""Word embeddings from a truncated SVD (or eigendecomposition) of a symmetric association matrix.

For a symmetric :math:`\mathbf{M}` (co-occurrences, PPMI) with eigendecomposition :math:`\mathbf{M} = \mathbf{V}\boldsymbol{\Lambda}\mathbf{V}^\top`,
keep the :math:`k` eigenpairs of largest magnitude and set :math:`\mathbf{X} = \mathbf{V}_k|\boldsymbol{\Lambda}_k|^{1/2}` (row :math:`v` is
:math:`\mathbf{x}_v`), so that

.. math:: M_{vw} = \mathbf{o}_v^\top\mathbf{M}\,\mathbf{o}_w \approx \mathbf{o}_v^\top\mathbf{V}_k\boldsymbol{\Lambda}_k\mathbf{V}_k^\top\mathbf{o}_w
          = \mathbf{x}_v^\top\,\mathrm{sign}(\boldsymbol{\Lambda}_k)\,\mathbf{x}_w,

the best rank-:math:`k` approximation in Frobenius norm (Eckart-Young). For a PSD matrix the signs are all +1 and
:math:`M_{vw}\approx\mathbf{x}_v^\top\mathbf{x}_w`.

Catalog: ``emb.svd-embedding``.
"""

from __future__ import annotations

import torch

from numerics._checks import ShapeError, shape_str
from numerics._links import implements

__all__ = ["svd_embeddings"]


@implements("emb.svd-embedding")
def svd_embeddings(M: torch.Tensor, k: int) -> tuple[torch.Tensor, torch.Tensor]:
    r"""Return ``(X, signs)``: ``X`` ``(V, k)`` = :math:`\mathbf{V}_k|\boldsymbol{\Lambda}_k|^{1/2}`, ``signs`` ``(k,)``.

    :math:`\mathbf{X}\,\mathrm{diag}(\text{signs})\,\mathbf{X}^\top` is the best rank-``k`` approximation of the symmetric ``M``.
    Catalog: ``emb.svd-embedding``.
    """
    if M.dim() != 2 or M.shape[0] != M.shape[1]:
        raise ShapeError(f"svd_embeddings: M must be a square (V, V) matrix, got shape {shape_str(M)}")
    if not isinstance(k, int) or not 1 <= k <= M.shape[0]:
        raise ValueError(f"svd_embeddings: need 1 <= k <= V = {M.shape[0]}, got k={k!r}")
    lam, V = torch.linalg.eigh(M)  # (V,), (V, V)
    top = lam.abs().argsort(descending=True)[:k]  # k largest |lambda|
    lam_k = lam[top]
    return V[:, top] * lam_k.abs().sqrt(), torch.sign(lam_k)
