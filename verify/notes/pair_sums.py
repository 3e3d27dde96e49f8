"""Sums over pairs of indices: ``\\sum_{i < j} a_i a_j \\text{Cov}(X_i, X_j)``, ``\\sum_{i \\neq j}``.

The subscript is a relation between two index letters (``<``, ``>``, ``\\leq``, ``\\geq``, ``\\neq``);
each index runs over the declared length of the vectors it subscripts in the body (as for
``\\sum_i x_i``), and the sum is unrolled over the pairs that satisfy the relation::

    \\sum_{i < j} a_i a_j   (a: vector 3)   ->   a[0]*a[1] + a[0]*a[2] + a[1]*a[2]

The lengths must be numbers (declare ``vector 4``, or fix the size with ``instance: {n: 4}``); at most
:data:`~verify.userfile.limits.MAX_SUM_TERMS` terms.
"""

from __future__ import annotations

import operator

from verify.userfile.limits import MAX_SUM_TERMS

from .errors import NotesError
from .mathtree import Op
from .pieces import Piece, add, mul

__all__ = ["pair_condition", "pair_sum"]

_RELATIONS = {"<": operator.lt, ">": operator.gt, r"\leq": operator.le, r"\geq": operator.ge, r"\neq": operator.ne}


def pair_condition(n: Op) -> tuple[str, str, str] | None:
    """``(i, relation, j)`` when the subscript of ``n`` is a relation between two index letters."""
    tokens = list(n.sub_tokens)
    if len(tokens) != 3 or tokens[0].kind != "letter" or tokens[2].kind != "letter":
        return None
    rel = tokens[1].text
    if rel not in _RELATIONS or tokens[0].text == tokens[2].text:
        return None
    return tokens[0].text, rel, tokens[2].text


def pair_sum(tr, n: Op, i: str, rel: str, j: str) -> Piece:
    from .sums import _infer_range

    ranges = []
    for index in (i, j):
        if index in tr.bound or tr.decl.kind(index) is not None:
            raise NotesError(f"the index {index!r} of \\{n.name} is already a name in this claim", pos=n.pos)
        lo, hi = _infer_range(tr, n.body, index, n)
        if not (isinstance(lo, int) and isinstance(hi, int)):
            raise NotesError(f"\\{n.name}_{{{i} {rel} {j}}} over a symbolic length: a sum over pairs is unrolled and "
                             "needs numeric lengths (declare vector 4, or instance: {n: 4})", pos=n.pos)
        ranges.append(range(lo, hi + 1))
    pairs = [(a, b) for a in ranges[0] for b in ranges[1] if _RELATIONS[rel](a, b)]
    if not pairs:
        raise NotesError(f"\\{n.name}_{{{i} {rel} {j}}} has no terms", pos=n.pos)
    if len(pairs) > MAX_SUM_TERMS:
        raise NotesError(f"\\{n.name} of {len(pairs)} terms exceeds the limit of {MAX_SUM_TERMS}", pos=n.pos)
    out = None
    for a, b in pairs:
        tr.bound[i], tr.bound[j] = a, b
        try:
            term = tr.node(n.body)
        finally:
            del tr.bound[i], tr.bound[j]
        out = term if out is None else (add(out, term) if n.name == "sum" else mul(out, term))
    return out
