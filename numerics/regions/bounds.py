r"""Region counts of hyperplane arrangements and bounds for ReLU networks.

:math:`m` affine hyperplanes in general position cut :math:`\mathbb{R}^n` into exactly (Zaslavsky; Buck 1943)

.. math:: R(m, n) = \sum_{i=0}^{\min\{m,n\}} \binom{m}{i}

regions, and any arrangement into at most that many. A ReLU layer of width :math:`m` on :math:`n`-dim. inputs is
linear on each region of the arrangement of its :math:`m` hyperplanes, so it has at most :math:`R(m,n)` linear regions:
:math:`2^m` when :math:`m \le n`, :math:`\mathcal{O}(m^n)` for fixed :math:`n`. For :math:`L` layers of widths
:math:`m_1,\dots,m_L` (Montúfar 2017, Serra et al. 2018)

.. math:: R \le \prod_{l=1}^{L}\sum_{j=0}^{d_l}\binom{m_l}{j}, \qquad d_l = \min\{n, m_1, \dots, m_{l}\}.

Catalog: ``approx.region-count-hyperplane-arrangement``, ``approx.region-count-relu-layer-bound``,
``approx.region-count-exponential-small-width``, ``approx.region-count-deep-relu-bound``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from numerics._links import implements

__all__ = ["arrangement_region_count", "deep_relu_region_bound", "relu_layer_region_bound"]


@implements("approx.region-count-hyperplane-arrangement")
def arrangement_region_count(m: int, n: int) -> int:
    r""":math:`\sum_{i=0}^{\min(m,n)}\binom{m}{i}` regions of :math:`m` hyperplanes in general position in :math:`\mathbb{R}^n`.

    Catalog: ``approx.region-count-hyperplane-arrangement``.

    >>> arrangement_region_count(3, 2), arrangement_region_count(2, 5)
    (7, 4)
    """
    return sum(math.comb(m, i) for i in range(min(m, n) + 1))


@implements("approx.region-count-relu-layer-bound", "approx.region-count-exponential-small-width")
def relu_layer_region_bound(m: int, n: int) -> int:
    r"""Upper bound :math:`\sum_{i\le\min(m,n)}\binom{m}{i}` on the linear regions of one ReLU layer; :math:`2^m` if :math:`m\le n`.

    Catalog: ``approx.region-count-relu-layer-bound``, ``approx.region-count-exponential-small-width``.
    """
    return arrangement_region_count(m, n)


@implements("approx.region-count-deep-relu-bound")
def deep_relu_region_bound(n: int, widths: Sequence[int]) -> int:
    r""":math:`\prod_l \sum_{j=0}^{d_l}\binom{m_l}{j}`, :math:`d_l = \min(n, m_1..m_l)`. Catalog: ``approx.region-count-deep-relu-bound``."""
    bound, d = 1, n
    for m in widths:
        d = min(d, m)
        bound *= sum(math.comb(m, j) for j in range(d + 1))
    return bound
