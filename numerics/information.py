r"""Information measures of discrete distributions (natural logarithm, nats).

.. math:: H(p) = -\sum_x p(x)\log p(x), \qquad H(p, q) = -\sum_x p(x)\log q(x),

.. math:: \mathrm{KL}(p\,\|\,q) = \sum_x p(x)\log\frac{p(x)}{q(x)} = H(p,q) - H(p) \ge 0,

.. math:: I(X;Y) = \sum_{x,y} p(x,y)\log\frac{p(x,y)}{p(x)p(y)} = H(X) + H(Y) - H(X,Y) = \mathrm{KL}(p_{XY}\,\|\,p_X p_Y).

Terms with :math:`p(x) = 0` contribute 0 (:math:`0\log 0 = 0`, via ``xlogy``). All functions reduce over the
last dimension (the joint table over the last two), so batches of distributions work.

Catalog: ``info.entropy-definition``, ``info.cross-entropy-definition``, ``info.kl-divergence``, ``info.mutual-information``.
"""

from __future__ import annotations

import torch

from numerics._links import implements

__all__ = ["cross_entropy", "entropy", "kl_divergence", "mutual_information"]


@implements("info.entropy-definition")
def entropy(p: torch.Tensor) -> torch.Tensor:
    r""":math:`H(p) = -\sum_x p(x)\log p(x)` over the last dimension. Catalog: ``info.entropy-definition``.

    >>> import torch
    >>> entropy(torch.tensor([0.5, 0.5, 0.0]))  # log 2
    tensor(0.6931)
    """
    return -torch.special.xlogy(p, p).sum(dim=-1)


@implements("info.cross-entropy-definition")
def cross_entropy(p: torch.Tensor, q: torch.Tensor) -> torch.Tensor:
    r""":math:`H(p,q) = -\sum_x p(x)\log q(x) = \mathbb{E}_{x\sim p}[-\log q(x)]`. Catalog: ``info.cross-entropy-definition``."""
    return -torch.special.xlogy(p, q).sum(dim=-1)


@implements("info.kl-divergence")
def kl_divergence(p: torch.Tensor, q: torch.Tensor) -> torch.Tensor:
    r""":math:`\mathrm{KL}(p\|q) = \sum_x p(x)\log(p(x)/q(x))`; infinite where :math:`q=0<p`. Catalog: ``info.kl-divergence``."""
    # xlogy(p, p) - xlogy(p, q) term by term: exact 0 where p = 0, no cancellation of two large sums
    return (torch.special.xlogy(p, p) - torch.special.xlogy(p, q)).sum(dim=-1)


@implements("info.mutual-information")
def mutual_information(joint: torch.Tensor) -> torch.Tensor:
    r""":math:`I(X;Y) = \mathrm{KL}(p_{XY}\|p_Xp_Y)` from a joint table ``(..., |X|, |Y|)`` summing to 1.

    Catalog: ``info.mutual-information``.
    """
    px = joint.sum(dim=-1, keepdim=True)  # (..., |X|, 1)
    py = joint.sum(dim=-2, keepdim=True)  # (..., 1, |Y|)
    return kl_divergence(joint.flatten(-2), (px * py).flatten(-2))
