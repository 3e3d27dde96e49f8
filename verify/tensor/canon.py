"""Canonical labelling of a product of factors: equal keys mean equal tensors.

A term's factors form a hypergraph: factors are nodes, indices are (hyper)edges,
output indices are edges with a fixed name (their position).  The key is the
serialisation of the factors in the order that makes it lexicographically
smallest, summed indices named by first appearance:

    A[o0,k] B[k,o1]  ->  (('A', o0, 1), ('B', 1, o1))

Soundness does not depend on finding the smallest serialisation: a key is a
complete description of the term under *some* labelling, so two terms with one key
are the same tensor whatever the search found.  Only completeness does (two
isomorphic terms found in different labellings would not be merged), so the
search is exact up to a work bound and falls back to the best found.

The search builds the serialisation factor by factor; at each step only the
factors whose next token is smallest are candidates, so it branches only on true
ties (automorphisms, such as the four rotations of ``tr(AAAA)``).
"""

from __future__ import annotations

import itertools

from .network import Factor

__all__ = ["canonical", "MAX_STEPS"]

MAX_STEPS = 20_000  # token evaluations per term before settling for the best serialisation found


def _slot_orders(factor: Factor) -> list[tuple]:
    """The index tuples the factor may be read as: its slots, with each group of interchangeable slots
    in every order (a symmetric matrix reads as ``[a,b]`` and ``[b,a]``)."""
    orders = [()]
    for group in factor.head.slot_groups():
        values = [factor.idx[s] for s in group]
        perms = set(itertools.permutations(values)) if len(values) > 1 else {tuple(values)}
        orders = [o + p for o in orders for p in sorted(perms, key=lambda p: [i.id for i in p])]
    return orders


def _readings(factor: Factor, labels: dict, next_label: int):
    """``[(token, added labels), ...]``: the factor serialised under each of its slot orders.

    A token is the literal serialisation (head key, then each slot's label in order, new indices
    numbered by first appearance), so equal tokens always mean equal factors in equal places."""
    out = []
    for idx in _slot_orders(factor):
        added = {}
        codes = []
        n = next_label
        for i in idx:
            code = labels.get(i) or added.get(i)
            if code is None:
                code = added[i] = (1, n)
                n += 1
            codes.append(code)
        out.append(((factor.head.key, tuple(codes)), added))
    return out


class _Search:
    def __init__(self, factors: list, out: tuple):
        self.factors = factors
        self.base = {i: (0, pos) for pos, i in enumerate(out)}
        self.best = None
        self.best_order = None
        self.steps = 0

    def run(self):
        self._extend([], [], dict(self.base), 0, list(range(len(self.factors))))
        return self.best, self.best_order

    def _extend(self, tokens, order, labels, next_label, remaining):
        if not remaining:
            if self.best is None or tokens < self.best:
                self.best, self.best_order = list(tokens), list(order)
            return
        scored = []
        for pos in remaining:
            self.steps += 1
            for tok, added in _readings(self.factors[pos], labels, next_label):
                scored.append((tok, pos, added))
        least = min(s[0] for s in scored)
        if self.best is not None:  # prune: the prefix is already larger than the best found
            k = len(tokens)
            if tokens + [least] > self.best[:k + 1]:
                return
        for tok, pos, added in scored:
            if tok != least:
                continue
            if self.steps > MAX_STEPS and self.best is not None:
                return
            new_labels = dict(labels)
            new_labels.update(added)
            self._extend(tokens + [tok], order + [pos], new_labels, next_label + len(added),
                         [p for p in remaining if p != pos])


def canonical(factors, out: tuple) -> tuple[tuple, list[int]]:
    """``(key, order)``: the canonical serialisation and the factor positions in canonical order."""
    factors = list(factors)
    if not factors:
        return (), []
    best, order = _Search(factors, tuple(out)).run()
    return tuple(best), order
