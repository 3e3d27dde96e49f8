"""Determinants at symbolic size: ``det`` of a normal form, as SymPy over atoms.

Rules, each an identity wherever both sides are defined:

* a product of square factors: ``det(c F1 ⋯ Fk) = cⁿ det F1 ⋯ det Fk`` with
  ``det Fᵀ = det F``, ``det H⁻¹ = 1 / det H``, ``det δ = 1``, ``det(Mᵏ) = det(M)ᵏ`` (integer k);
* a sum with an invertible term ``T0`` (a product of invertible factors):
  ``det(T0 + R) = det T0 · det(I + T0⁻¹ R)``;
* ``det(I + Σ_r c_r u_r v_rᵀ)`` over rank-one terms (the matrix determinant lemma, in
  Sylvester's form) is the explicit ``k × k`` determinant ``det(δ_rs + c_s v_rᵀ u_s)``;
* ``det(I_n + P Q) = det(I_k + Q P)`` (Sylvester) when a single term factors through
  a dimension ``k`` that comes before ``n`` in a fixed order (1 first, then symbols by
  name), so both sides of a claim reach the same form;
* anything else is an opaque atom keyed by the normal form of the matrix.
"""

from __future__ import annotations

import sympy as sp

from .atoms import atom_for
from .construct import chain_of, inverse_tensor
from .heads import delta
from .network import Factor, Tensor, Term, fresh, product
from .normal import is_real_tensor, normal_form, tensor_key, to_scalar
from .signs import factor_sign, is_gram

__all__ = ["det_of"]

MAX_RANK_ONE = 4


def _single_var_flags(t: Tensor) -> frozenset:
    if len(t.terms) == 1 and t.terms[0].coef == 1 and len(t.terms[0].factors) == 1:
        head = t.terms[0].factors[0].head
        if head.kind == "var":
            return head.payload[1]
    return frozenset()


def _opaque(t: Tensor):
    t = normal_form(t).tensor()
    transposed = normal_form(Tensor(t.out[::-1], t.terms)).tensor()  # det Mᵀ = det M: one atom for both
    if tensor_key(transposed) < tensor_key(t):
        t = transposed
    flags = _single_var_flags(t)
    gram = (len(t.terms) == 1 and t.terms[0].coef.is_positive and is_real_tensor(t)
            and is_gram(t.terms[0].factors, *t.out))  # det of a Gram matrix TᵀT is nonnegative
    return atom_for("det", tensor_key(t), real=is_real_tensor(t), positive="spd" in flags,
                    nonnegative=gram, sign="orthogonal" in flags, tensor=t)


def _det_factor(f: Factor, forward: bool):
    head = f.head
    if head.kind == "delta":
        return sp.Integer(1)
    if head.kind == "inv":
        return 1 / det_of(head.payload[0])
    if head.kind == "pow":
        from .powers import det_power

        return det_power(head)
    p, q = fresh(head.dims[0]), fresh(head.dims[1])
    return _opaque(Tensor((p, q), (Term(sp.Integer(1), (Factor(head, (p, q)),)),)))


def _invertible_factor(f: Factor) -> bool:
    head = f.head
    if head.kind in ("delta", "inv"):
        return True
    return head.kind == "var" and bool({"invertible", "spd", "orthogonal"} & head.payload[1])


def det_of(t: Tensor, depth: int = 0):
    """``det t`` for a square 2-index tensor."""
    p, q = t.out
    n = p.dim
    groups = list(normal_form(t).nonzero().values())
    if not groups:
        return sp.Integer(0)
    if len(groups) == 1:
        coef, factors = groups[0]
        chain = chain_of(list(factors), p, q)
        if chain is not None:
            value = coef**n
            for f, forward in chain:
                value *= _det_factor(f, forward)
            return value
        kron = _kronecker(coef, list(factors), p, q)
        if kron is not None:
            return kron
        diagonal = _diagonal(coef, list(factors), p, q)
        if diagonal is not None:
            return diagonal
        return _opaque(t)
    if depth > 4:
        return _opaque(t)
    identity = [g for g in groups if len(g[1]) == 1 and g[1][0].head.kind == "delta" and g[0] == 1]
    if identity:
        lemma = _rank_one(groups, p, q)
        if lemma is not None:
            return lemma
        moved = _sylvester(groups, p, q, depth)
        if moved is not None:
            return moved
        return _opaque(t)
    for coef, factors in sorted(groups, key=lambda g: repr(g[1])):
        chain = chain_of(list(factors), p, q)
        if chain is None or not all(_invertible_factor(f) for f, _ in chain) or coef.is_zero is not False:
            continue
        t0 = Tensor((p, q), (Term(coef, factors),))
        inv0 = inverse_tensor(t0)
        k = fresh(n)
        rest = Tensor((p, q), tuple(Term(c, fs) for c, fs in groups if fs is not factors))
        scaled = product(inv0.relabel((p, k)), rest.relabel((k, q)), (p, q))
        inner = Tensor((p, q), (Term(sp.Integer(1), (delta(p, q),)),)) + scaled
        return det_of(t0) * det_of(inner, depth + 1)
    return _opaque(t)


def _diagonal(coef, factors, p, q):
    """det(c · diag(v ∘ w ∘ ...)) = cⁿ · Πᵢ vᵢ · Πᵢ wᵢ ⋯, each product of entries an atom
    (``Πᵢ (vᵢ)ᵏ = (Πᵢ vᵢ)ᵏ``, so ``det(D²) = det(D)²``)."""
    from .construct import pointwise_view
    from .heads import T_ARG

    deltas = [f for f in factors if f.head.kind == "delta" and set(f.idx) == {p, q}]
    rest = [f for f in factors if f not in deltas]
    if len(deltas) != 1 or not rest or any(len(f.idx) != 1 or f.idx[0] not in (p, q) or f.head.kind in
                                         ("ones", "basis", "pack") for f in rest):
        return None
    value = coef ** p.dim
    for f in rest:
        key, _, body = pointwise_view(f.head)
        power = 1
        base = body
        if isinstance(body, sp.Pow) and body.base == T_ARG and body.exp.is_Integer:
            base, power = T_ARG, int(body.exp)
        real = is_real_tensor(Tensor((f.idx[0],), (Term(sp.Integer(1), (f,)),)))
        positive = factor_sign(f) == "positive" and base == T_ARG  # a product of positive entries
        value *= atom_for("diagprod", f"{key}|{sp.srepr(base)}", real=real, positive=positive) ** power
    return value


def _kronecker(coef, factors, p, q):
    """det(A ⊗ B) = det(A)^k det(B)^m for A (m × m) and B (k × k): the term's row and column indices
    are packs of two, and the remaining factors split into a part on the first halves and one on the second."""
    rows = [f for f in factors if f.head.kind == "pack" and f.idx[0] == p]
    cols = [f for f in factors if f.head.kind == "pack" and f.idx[0] == q]
    if len(rows) != 1 or len(cols) != 1 or len(rows[0].idx) != 3 or len(cols[0].idx) != 3:
        return None
    (_, i, k), (_, j, l) = rows[0].idx, cols[0].idx
    if i.dim != j.dim or k.dim != l.dim:
        return None
    rest = [f for f in factors if f is not rows[0] and f is not cols[0]]
    first = [f for f in rest if {i, j} & set(f.idx)]
    second = [f for f in rest if {k, l} & set(f.idx)]
    if len(first) + len(second) != len(rest) or {id(f) for f in first} & {id(f) for f in second}:
        return None
    a = Tensor((i, j), (Term(sp.Integer(1), tuple(first)),)) if first else None
    b = Tensor((k, l), (Term(coef, tuple(second)),)) if second else None
    if a is None or b is None:
        return None
    inner = {x for f in first for x in f.idx} & {x for f in second for x in f.idx}
    if inner:  # the two halves share a summed index: not a Kronecker product
        return None
    return det_of(a) ** k.dim * det_of(b) ** i.dim


def _split(factors, p, q):
    """``(P, Q)``: the factors touching p and those touching q, when no index joins the two sets."""
    for f in factors:
        if p in f.idx and q in f.idx:
            return None
    frontier = [p]
    reach = {p}
    while frontier:
        i = frontier.pop()
        for f in factors:
            if i in f.idx:
                for j in f.idx:
                    if j not in reach:
                        reach.add(j)
                        frontier.append(j)
    if q in reach:
        return None
    left = tuple(f for f in factors if reach & set(f.idx))
    right = tuple(f for f in factors if not reach & set(f.idx))
    return left, right


def _rank_one(groups, p, q):
    """det(I + Σ c_r u_r v_rᵀ) as an explicit small determinant, or None."""
    others = [g for g in groups if not (len(g[1]) == 1 and g[1][0].head.kind == "delta" and g[0] == 1)]
    if not others or len(others) > MAX_RANK_ONE:
        return None
    us, vs, cs = [], [], []
    for coef, factors in others:
        parts = _split(list(factors), p, q)
        if parts is None:
            return None
        us.append(Tensor((p,), (Term(sp.Integer(1), parts[0]),)))
        vs.append(Tensor((q,), (Term(sp.Integer(1), parts[1]),)))
        cs.append(coef)
    k = len(others)
    entries = sp.zeros(k, k)
    for r in range(k):
        for s in range(k):
            i = fresh(p.dim)
            inner = product(vs[r].relabel((i,)), us[s].relabel((i,)), ())
            entries[r, s] = (1 if r == s else 0) + cs[s] * to_scalar(inner)
    return entries.det(method="berkowitz")


def _dim_rank(d) -> tuple:
    d = sp.sympify(d)
    return (0, int(d), "") if d.is_Integer else (1, 0, sp.srepr(d))


def _sylvester(groups, p, q, depth):
    """det(I_n + P Q) -> det(I_k + Q P) for one term through a smaller dimension k, or None."""
    others = [g for g in groups if not (len(g[1]) == 1 and g[1][0].head.kind == "delta" and g[0] == 1)]
    if len(others) != 1:
        return None
    coef, factors = others[0]
    chain = _path(list(factors), p, q)
    if chain is None:
        return None
    n_rank = _dim_rank(p.dim)
    best = None
    for cut in range(1, len(chain)):
        idx = chain[cut - 1][2]
        if _dim_rank(idx.dim) >= n_rank:
            continue
        a, b, link = fresh(idx.dim), fresh(idx.dim), fresh(p.dim)
        left = [f for f, _, _ in chain[:cut]]
        right = [f for f, _, _ in chain[cut:]]
        # R L on (a, b): the right part from idx to q, then (through q = p) the left part back to idx
        moved = Tensor((a, b), (Term(coef, tuple(f.rename({idx: a, q: link}) for f in right)
                                      + tuple(f.rename({p: link, idx: b}) for f in left)),))
        candidate = Tensor((a, b), (Term(sp.Integer(1), (delta(a, b),)),)) + moved
        key = tensor_key(candidate)
        if best is None or (_dim_rank(idx.dim), key) < best[0]:
            best = ((_dim_rank(idx.dim), key), candidate)
    if best is None:
        return None
    return det_of(best[1], depth + 1)


def _path(factors, p, q):
    """``[(factor, entry index, exit index), ...]`` for factors forming a path of 2-index factors p -> q."""
    count: dict = {}
    for f in factors:
        if f.head.arity != 2:
            return None
        for i in f.idx:
            count[i] = count.get(i, 0) + 1
    if count.get(p) != 1 or count.get(q) != 1 or any(c != 2 for i, c in count.items() if i not in (p, q)):
        return None
    path, used, pos = [], set(), p
    while pos != q:
        nxt = [k for k, f in enumerate(factors) if k not in used and pos in f.idx]
        if len(nxt) != 1:
            return None
        f = factors[nxt[0]]
        s = f.idx.index(pos)
        exit_ = f.idx[1 - s]
        path.append((f, pos, exit_))
        used.add(nxt[0])
        pos = exit_
    return path if len(used) == len(factors) else None
