r"""Co-occurrence counts of a token sequence within a window :math:`R`.

The co-occurrence index set of a sequence :math:`w_1,\dots,w_T` is :math:`\mathcal{C}_R = \{(i,j) : 1 \le |i-j| \le R\}`, and

.. math:: C_{uv} = \#\{(i,j)\in\mathcal{C}_R : w_i = u,\ w_j = v\}.

:math:`\mathbf{C} = \mathbf{C}^\top` because :math:`\mathcal{C}_R` is symmetric. Computed in :math:`\mathcal{O}(TR)` by
one scatter-add per offset :math:`1 \le r \le R`.

Catalog: ``emb.cooccurrence-matrix``, ``emb.cooccurrence-symmetric``.
"""

from __future__ import annotations

import torch

from numerics._links import implements
from numerics.embeddings._tokens import DEFAULT_DTYPE, check_tokens, check_window

__all__ = ["cooccurrence_matrix"]


@implements("emb.cooccurrence-matrix", "emb.cooccurrence-symmetric")
def cooccurrence_matrix(
    tokens: torch.Tensor, vocab_size: int, R: int, dtype: torch.dtype = DEFAULT_DTYPE
) -> torch.Tensor:
    r""":math:`C_{uv} = \#\{(i,j): 1\le|i-j|\le R,\ w_i=u,\ w_j=v\}` for integer ``tokens`` ``(T,)``.

    Returns ``(V, V)`` counts in ``dtype`` on ``tokens``' device; a token outside ``0..V-1`` is refused. Catalog: ``emb.cooccurrence-matrix``, ``emb.cooccurrence-symmetric``.

    >>> import torch
    >>> cooccurrence_matrix(torch.tensor([0, 1, 0]), 2, R=1)
    tensor([[0., 2.],
            [2., 0.]], dtype=torch.float64)
    """
    check_tokens("cooccurrence_matrix", "tokens", tokens, vocab_size)
    check_window("cooccurrence_matrix", R)
    V = vocab_size
    C = torch.zeros(V * V, dtype=dtype, device=tokens.device)
    ones = torch.ones(tokens.numel(), dtype=dtype, device=tokens.device)
    for r in range(1, R + 1):
        left, right = tokens[:-r], tokens[r:]  # pairs (i, i + r): (T - r,)
        C.index_add_(0, left * V + right, ones[: left.numel()])
        C.index_add_(0, right * V + left, ones[: left.numel()])  # and (i + r, i)
    return C.reshape(V, V)
