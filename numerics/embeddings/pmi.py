r"""Pointwise mutual information from co-occurrence counts.

With :math:`P(v,w) = C_{vw}/\sum C`, :math:`P(v) = \sum_w P(v,w)`:

.. math:: \mathrm{pmi}(v,w) = \log\frac{P(v,w)}{P(v)P(w)} = \log\frac{P(v\mid w)}{P(v)}, \qquad
          \mathrm{ppmi}(v,w) = \max\{0, \mathrm{pmi}(v,w)\}.

Pairs that never co-occur have :math:`\mathrm{pmi} = -\infty` and :math:`\mathrm{ppmi} = 0`. The expectation of
:math:`\mathrm{pmi}` under :math:`P(v,w)` is the mutual information.

Catalog: ``emb.pointwise-mutual-information``, ``emb.positive-pmi``.
"""

from __future__ import annotations

import torch

from numerics._links import implements

__all__ = ["pmi", "ppmi"]


@implements("emb.pointwise-mutual-information")
def pmi(C: torch.Tensor) -> torch.Tensor:
    r""":math:`\log\big(P(v,w)/(P(v)P(w))\big)` from counts ``C`` ``(V, V)``. Catalog: ``emb.pointwise-mutual-information``."""
    P = C / C.sum()  # (V, V)
    pv = P.sum(dim=1, keepdim=True)  # (V, 1)
    pw = P.sum(dim=0, keepdim=True)  # (1, V)
    return torch.log(P) - torch.log(pv) - torch.log(pw)


@implements("emb.positive-pmi")
def ppmi(C: torch.Tensor) -> torch.Tensor:
    r""":math:`\max\{0, \mathrm{pmi}(v,w)\}` (0 where the pair never occurs). Catalog: ``emb.positive-pmi``."""
    return pmi(C).clamp_min(0)  # -inf -> 0
