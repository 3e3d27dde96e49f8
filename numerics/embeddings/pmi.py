r"""Pointwise mutual information from co-occurrence counts.

With :math:`P(v,w) = C_{vw}/\sum C`, :math:`P(v) = \sum_w P(v,w)`:

.. math:: \mathrm{pmi}(v,w) = \log\frac{P(v,w)}{P(v)P(w)} = \log\frac{P(v\mid w)}{P(v)}, \qquad
          \mathrm{ppmi}(v,w) = \max\{0, \mathrm{pmi}(v,w)\}.

Pairs of words that occur but never together have :math:`\mathrm{pmi} = -\infty` and :math:`\mathrm{ppmi} = 0`. A word that
never occurs (:math:`P(v) = 0`) has no distribution to compare, :math:`0/0` in the ratio: its row and column are 0 in
both. The expectation of :math:`\mathrm{pmi}` under :math:`P(v,w)` is the mutual information.

Catalog: ``emb.pointwise-mutual-information``, ``emb.positive-pmi``.
"""

from __future__ import annotations

import torch

from numerics._checks import check_ndim
from numerics._links import implements
from numerics.embeddings._tokens import DEFAULT_DTYPE

__all__ = ["pmi", "ppmi"]


@implements("emb.pointwise-mutual-information")
def pmi(C: torch.Tensor) -> torch.Tensor:
    r""":math:`\log\big(P(v,w)/(P(v)P(w))\big)` from counts ``C`` ``(V, V)`` (or word-context ``(V, V')``).

    :math:`-\infty` for pairs that never co-occur, 0 in the row (column) of a word that never occurs.
    Catalog: ``emb.pointwise-mutual-information``.
    """
    check_ndim("pmi", "C", C, (2,))
    C = C if C.is_floating_point() else C.to(DEFAULT_DTYPE)
    P = C / C.sum().clamp_min(torch.finfo(C.dtype).tiny)  # (V, V); all zero when nothing occurs
    pv = P.sum(dim=1, keepdim=True)  # (V, 1)
    pw = P.sum(dim=0, keepdim=True)  # (1, V)
    out = torch.log(P) - torch.log(pv) - torch.log(pw)
    return out.masked_fill((pv == 0) | (pw == 0), 0.0)  # words that never occur: 0, not log(0/0)


@implements("emb.positive-pmi")
def ppmi(C: torch.Tensor) -> torch.Tensor:
    r""":math:`\max\{0, \mathrm{pmi}(v,w)\}` (0 where the pair or a word never occurs). Catalog: ``emb.positive-pmi``."""
    return pmi(C).clamp_min(0)  # -inf -> 0
