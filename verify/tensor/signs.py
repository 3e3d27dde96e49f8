"""What a closed network is known to be: positive, nonnegative (the assumptions its atom carries).

* from the signs of its entries: a sum of products of positive (nonnegative) entries;
* from its structure (named facts): a sum of squares ``Σ T²`` is nonnegative, and so is ``Σ Tᵀ M T`` for a
  positive semidefinite ``M`` (positive for an SPD ``M`` and a vector declared nonzero); the trace of an
  SPD (PSD) matrix is positive (nonnegative).  Halves are compared by canonical forms, so ``xᵀAᵀAx``,
  ``tr(AᵀA)``, ``‖x‖²`` and ``xᵀBᵀABx`` (A PSD) are recognised;
* a 2-index network ``Σ_c T[c,p] T[c,q]`` is a Gram matrix (its determinant is nonnegative).
"""

from __future__ import annotations

from .canon import canonical
from .network import Factor, occurrences

__all__ = ["component_sign", "is_gram", "factor_sign"]


def factor_sign(f: Factor) -> str | None:
    """"positive", "nonnegative" or None: what every entry of the factor is known to be."""
    head = f.head
    if head.kind == "var":
        flags = head.payload[1]
        if "positive" in flags:
            return "positive"
        if {"nonnegative", "probability"} & flags:
            return "nonnegative"
        return None
    if head.kind == "elem":
        body, tensor = head.payload
        from .normal import is_real_tensor

        if not is_real_tensor(tensor):
            return None
        if body.is_positive:
            return "positive"
        if body.is_nonnegative:
            return "nonnegative"
    return None


def _halves(fs, size):
    """Pairs of complementary halves of a component (the first factor always in the first half)."""
    import itertools

    rest = list(range(1, len(fs)))
    for chosen in itertools.combinations(rest, size - 1):
        first = [0, *chosen]
        yield [fs[i] for i in first], [fs[i] for i in range(len(fs)) if i not in first]


def _same_half(h1, h2, extra1=(), extra2=()) -> bool:
    """Whether two halves are the same tensor of the indices that join them (plus ``extra``)."""
    if sorted(f.head.key for f in h1) != sorted(f.head.key for f in h2):
        return False
    c1 = occurrences(h1)
    c2 = occurrences(h2)
    cut = [i for i in c1 if i in c2]
    if any(c1[i] != 1 or c2[i] != 1 for i in cut):
        return False
    cut.sort(key=lambda i: i.id)
    return canonical(h1, tuple(cut) + tuple(extra1))[0] == canonical(h2, tuple(cut) + tuple(extra2))[0]


def _structural_sign(fs) -> dict:
    """Named facts about a closed real network: a sum of squares ``Σ T²`` is nonnegative, and so is
    ``Σ Tᵀ M T`` for a positive semidefinite ``M``; the trace of an SPD (PSD) matrix is positive
    (nonnegative).  Halves are compared by canonical forms, so ``xᵀAᵀAx``, ``tr(AᵀA)``, ``‖x‖²`` and
    ``xᵀBᵀABx`` (A PSD) are recognised."""
    if len(fs) == 1 and fs[0].head.kind == "var" and len(fs[0].idx) == 2 and fs[0].idx[0] == fs[0].idx[1]:
        flags = fs[0].head.payload[1]
        if "spd" in flags:
            return {"positive": True}
        if "psd" in flags:
            return {"nonnegative": True}
    if len(fs) > 10:
        return {}
    if len(fs) % 2 == 0:
        for h1, h2 in _halves(fs, len(fs) // 2):
            if _same_half(h1, h2):
                return {"nonnegative": True}
    for k, m in enumerate(fs):
        if m.head.kind != "var" or len(m.idx) != 2 or not ({"psd", "spd"} & m.head.payload[1]):
            continue
        a, b = m.idx
        rest = fs[:k] + fs[k + 1:]
        if a == b or len(rest) % 2 or not rest:
            continue
        for h1, h2 in _halves(rest, len(rest) // 2):
            for x, y in ((h1, h2), (h2, h1)):
                if any(a in f.idx for f in x) and any(b in f.idx for f in y) and _same_half(x, y, (a,), (b,)):
                    # xᵀMx > 0 for an SPD M and a vector declared nonzero
                    strict = ("spd" in m.head.payload[1] and len(x) == 1 and x[0].head.kind == "var"
                              and "nonzero" in x[0].head.payload[1] and x[0].idx == (a,))
                    return {"positive": True} if strict else {"nonnegative": True}
    return {}


def is_gram(factors, p, q) -> bool:
    """Whether ``Σ_c T[c,p] T[c,q]`` (or ``Σ T[c,p] M[.,.] T[c,q]`` with M PSD): a PSD matrix on (p, q)."""
    fs = list(factors)
    if len(fs) > 10 or p == q:
        return False
    if len(fs) % 2 == 0:
        for h1, h2 in _halves(fs, len(fs) // 2):
            for x, y in ((h1, h2), (h2, h1)):
                if any(p in f.idx for f in x) and any(q in f.idx for f in y) and _same_half(x, y, (p,), (q,)):
                    return True
    return False


def component_sign(fs) -> dict:
    """Assumptions a closed component earns from the signs of its entries (a sum of products), or from
    its structure (:func:`_structural_sign`)."""
    signs = [factor_sign(f) for f in fs if f.head.kind not in ("ones", "basis")]
    if any(s is None for s in signs) or any(f.head.kind == "delta" for f in fs):
        return _structural_sign(fs)
    basis_per_index: dict = {}
    for f in fs:
        if f.head.kind == "basis":
            basis_per_index[f.idx[0]] = basis_per_index.get(f.idx[0], 0) + 1
    if all(s == "positive" for s in signs) and all(c == 1 for c in basis_per_index.values()):
        return {"positive": True}
    return {"nonnegative": True}
