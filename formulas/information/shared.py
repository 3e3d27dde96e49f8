"""Entropies as explicit sums over the entries of probability vectors."""

from __future__ import annotations

import sympy as sp

from .._authoring import log

_COVER_THOMAS = "Cover & Thomas, Elements of Information Theory, 2nd ed. (2006)"


_OUTCOMES = 3  # size of the finite outcome set in checked statements


# -- explicit sums over the entries of probability vectors ------------------------------------
def _entries(p):
    return [p[i, 0] for i in range(p.shape[0])]


def _entropy(p):
    """H(p) = -Σ p_i log p_i over the entries of a fixed-size vector."""
    return -sp.Add(*[pi * log(pi) for pi in _entries(p)])


def _cross_entropy(p, q):
    """H(p, q) = -Σ p_i log q_i."""
    return -sp.Add(*[pi * log(qi) for pi, qi in zip(_entries(p), _entries(q), strict=True)])


def _kl(p, q):
    """KL(p || q) = Σ p_i log(p_i / q_i)."""
    return sp.Add(*[pi * log(pi / qi) for pi, qi in zip(_entries(p), _entries(q), strict=True)])


def _sum_over(p, term):
    """Σ_{i=1}^{n} term(p_i) at symbolic size, for displaying definitions."""
    i = sp.Symbol("i", integer=True)
    return sp.Sum(term(i), (i, 0, p.shape[0] - 1))


_PROB = f"vector {_OUTCOMES} probability"
