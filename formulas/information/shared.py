"""Entropy, cross-entropy and KL divergence of discrete distributions, as explicit sums.

The evaluators have no elementwise logarithm of a vector inside a matrix product (SymPy reads
``log(p)`` of a ``MatrixSymbol`` as a scalar) and no sum over a symbolic number of terms, so the
checked statements are written over the entries of probability vectors on three outcomes;
definitions are displayed at symbolic size n with ``sympy.Sum``.
"""

from __future__ import annotations

import sympy as sp

from .._authoring import log

COVER_THOMAS = "Cover & Thomas, Elements of Information Theory, 2nd ed. (2006)"

OUTCOMES = 3  # size of the finite outcome set in checked statements
PROBABILITY_VECTOR = f"vector {OUTCOMES} probability"


def entries(p) -> list:
    return [p[i, 0] for i in range(p.shape[0])]


def entropy(p):
    """H(p) = −∑ᵢ pᵢ log pᵢ over the entries of a fixed-size vector."""
    return -sp.Add(*[pi * log(pi) for pi in entries(p)])


def cross_entropy(p, q):
    """H(p, q) = −∑ᵢ pᵢ log qᵢ."""
    return -sp.Add(*[pi * log(qi) for pi, qi in zip(entries(p), entries(q), strict=True)])


def kl(p, q):
    """KL(p ‖ q) = ∑ᵢ pᵢ log(pᵢ / qᵢ)."""
    return sp.Add(*[pi * log(pi / qi) for pi, qi in zip(entries(p), entries(q), strict=True)])


def sum_over(p, term):
    """∑ᵢ term(i) for i = 0..n − 1 at symbolic size n, for displaying definitions."""
    i = sp.Symbol("i", integer=True)
    return sp.Sum(term(i), (i, 0, p.shape[0] - 1))
