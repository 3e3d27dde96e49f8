"""Tensors that carry another tensor: inverses, entrywise functions, declared functions.

* :func:`inverse_tensor` -- ``M⁻¹``.  A product of square factors inverts factor by
  factor in reverse order, ``(c A Bᵀ)⁻¹ = c⁻¹ B⁻ᵀ A⁻¹`` (valid wherever the inverse
  exists: a product of square matrices is invertible only when every factor is);
  ``δ⁻¹ = δ``, ``(H⁻¹)⁻¹ = H``, ``Q⁻¹ = Qᵀ`` for a declared orthogonal ``Q``, ``(Mᵏ)⁻¹ = M⁻ᵏ``.  Any
  other argument (a sum, a product through another dimension such as ``XᵀX``)
  gives an opaque inverse head keyed by the argument's normal form.
* :func:`elem_apply` -- ``f.(M)`` at given indices.  An affine ``f`` expands
  (``(2t + 1).(M) = 2M + 1``), a constant factor of the argument moves into ``f``
  (``f.(cM) = (t ↦ f(ct)).(M)``), ``f.(g.(M)) = (f∘g).(M)``.
* :func:`field_factor` -- a declared function ``u(x)`` or ``f(x)`` and its derivatives.
"""

from __future__ import annotations

from functools import lru_cache

import sympy as sp

from .heads import T_ARG, delta, ones, single
from .network import Factor, Head, Tensor, TensorUnsupported, Term, fresh, product
from .normal import normal_form, tensor_key

__all__ = ["inverse_tensor", "inv_head", "elem_apply", "elem_head", "pointwise_view", "field_head", "chain_of"]


# -- inverses --------------------------------------------------------------------------------------
def inv_head(t: Tensor) -> Head:
    """The opaque inverse of a square 2-index tensor (normalised first)."""
    t = normal_form(t).tensor()
    p, q = t.out
    key = tensor_key(t)
    base = None
    if len(t.terms) == 1 and t.terms[0].coef == 1 and len(t.terms[0].factors) == 1:
        (f,) = t.terms[0].factors
        if f.idx == (p, q):
            base = f.head
    transposed = Tensor((q, p), t.terms)
    symmetric = (base is not None and base.symmetric) or tensor_key(transposed) == key
    return Head("inv", f"inv({key})", (p.dim, q.dim), ((0, 1),) if symmetric else (), (t, base))


def chain_of(factors, p, q):
    """``[(factor, forward), ...]`` if the factors form a path of square 2-index factors from p to q."""
    n = p.dim
    if p == q or not factors:
        return None
    for f in factors:
        if f.head.arity != 2 or any(d != n for d in f.head.dims):
            return None
    count: dict = {}
    for f in factors:
        for i in f.idx:
            count[i] = count.get(i, 0) + 1
    if count.get(p) != 1 or count.get(q) != 1 or any(c != 2 for i, c in count.items() if i not in (p, q)):
        return None
    chain, used, pos = [], set(), p
    while pos != q:
        nxt = [k for k, f in enumerate(factors) if k not in used and pos in f.idx]
        if len(nxt) != 1:
            return None
        k = nxt[0]
        f = factors[k]
        s = f.idx.index(pos)
        if f.idx[1 - s] == pos:
            return None
        chain.append((f, s == 0))
        used.add(k)
        pos = f.idx[1 - s]
    return chain if len(used) == len(factors) else None


def _diagonal_inverse(coef, factors, p, q):
    """``(c · v[i] δ[i,j])⁻¹ = c⁻¹ (1/v)[i] δ[i,j]`` for pointwise factors ``v`` on the diagonal index."""
    deltas = [f for f in factors if f.head.kind == "delta" and set(f.idx) == {p, q}]
    rest = [f for f in factors if f not in deltas]
    if len(deltas) != 1 or not rest or any(len(f.idx) != 1 or f.idx[0] not in (p, q) or f.head.kind in
                                         ("ones", "basis", "pack") for f in rest):
        return None
    result = Tensor((p, q), (Term(1 / coef, (delta(p, q),)),))
    for f in rest:
        _, arg, body = pointwise_view(f.head)
        arg = arg if arg is not None else single(f.head)
        recip = elem_apply(1 / body, arg, (f.idx[0],))
        result = product(result, recip, (p, q))
    return result


def _factor_inverse(f: Factor, a, b) -> Tensor:
    """``(F)⁻¹`` on indices (a, b), for a square factor F read forward."""
    head = f.head
    if head.kind == "delta":
        return Tensor((a, b), (Term(sp.Integer(1), (delta(a, b),)),))
    if head.kind == "var" and "orthogonal" in head.payload[1]:
        return Tensor((a, b), (Term(sp.Integer(1), (Factor(head, (b, a)),)),))
    if head.kind == "inv":
        return head.payload[0].relabel((a, b))
    if head.kind == "pow":  # (Mᵏ)⁻¹ = M⁻ᵏ
        from .powers import power_tensor

        base, e, _, _ = head.payload
        return power_tensor(base.relabel((a, b)), -e, True)
    h = inv_head(single(head))
    return Tensor((a, b), (Term(sp.Integer(1), (Factor(h, (a, b)),)),))


def inverse_tensor(t: Tensor) -> Tensor:
    """``t⁻¹`` for a square 2-index tensor, with the same output indices."""
    p, q = t.out
    if p.dim != q.dim:
        raise TensorUnsupported("inverse of a non-square matrix")
    groups = list(normal_form(t).nonzero().values())
    if not groups:
        raise TensorUnsupported("inverse of the zero matrix")
    if len(groups) == 1:
        coef, factors = groups[0]
        diagonal = _diagonal_inverse(coef, list(factors), p, q)
        if diagonal is not None:
            return diagonal
        chain = chain_of(list(factors), p, q)
        if chain is not None:
            # (c F1' ... Fk')⁻¹ = c⁻¹ Fk'⁻¹ ... F1'⁻¹, where F' is F read forward or backward (a transpose)
            points = [p] + [fresh(p.dim) for _ in range(len(chain) - 1)] + [q]
            result = Tensor.scalar(1 / coef)
            for j, (f, forward) in enumerate(reversed(chain)):
                a, b = points[j], points[j + 1]
                inv = _factor_inverse(f, a, b) if forward else Tensor((a, b), _factor_inverse(f, b, a).terms)
                result = product(result, inv, (p, b))
            return Tensor((p, q), result.terms)
    transposed = Tensor((q, p), t.terms)  # tᵀ
    if tensor_key(transposed) < tensor_key(t):  # one head for N⁻¹ and (Nᵀ)⁻¹ = (N⁻¹)ᵀ
        return Tensor((p, q), (Term(sp.Integer(1), (Factor(inv_head(transposed), (q, p)),)),))
    h = inv_head(t)
    return Tensor((p, q), (Term(sp.Integer(1), (Factor(h, (p, q)),)),))


# -- entrywise functions ---------------------------------------------------------------------------
def elem_head(body, t: Tensor) -> Head:
    t = normal_form(t).tensor()
    return Head("elem", f"elem[{sp.srepr(body)}]({tensor_key(t)})", tuple(i.dim for i in t.out), (),
                (body, t))


def _is_affine(body) -> bool:
    try:
        poly = sp.Poly(body, T_ARG)
    except sp.PolynomialError:
        return False
    return poly.degree() <= 1 and not any(c.has(T_ARG) for c in poly.all_coeffs())


def elem_apply(body, t: Tensor, idx: tuple) -> Tensor:
    """The entrywise function ``body(T_ARG)`` of ``t``, as a tensor on ``idx``."""
    body = sp.sympify(body)
    idx = tuple(idx)
    if len(idx) != len(t.out):
        raise ValueError("elem_apply: index count differs from the tensor's")
    if T_ARG not in body.free_symbols:
        return Tensor(idx, (Term(body, tuple(ones(i) for i in idx)),) if body != 0 else ())
    factor, rest = sp.expand_power_exp(body).as_independent(T_ARG, as_Add=False)
    if factor != 1 and factor != 0:  # (c·g).(M) = c·g.(M), e.g. exp.(M + 3) = e³ exp.(M)
        return elem_apply(rest, t, idx).scale(factor)
    if _is_affine(body):
        a, b = sp.diff(body, T_ARG), body.subs(T_ARG, 0)
        out = t.relabel(idx).scale(a)
        return out + Tensor(idx, (Term(b, tuple(ones(i) for i in idx)),)) if b != 0 else out
    groups = list(normal_form(t).nonzero().values())
    if not groups:
        return elem_apply(body.subs(T_ARG, 0), t, idx)
    constant = [g for g in groups if all(f.head.kind == "ones" for f in g[1]) and len(g[1]) == len(t.out)
                and {f.idx[0] for f in g[1]} == set(t.out)]
    if constant and len(groups) > 1:  # f.(M + c) = (t -> f(t + c)).(M)
        shift = sum(g[0] for g in constant)
        rest = Tensor(t.out, tuple(Term(c, fs) for c, fs in groups if not any(fs is g[1] for g in constant)))
        return elem_apply(body.subs(T_ARG, T_ARG + shift), rest, idx)
    if len(groups) == 1:
        coef, factors = groups[0]
        if coef != 1:  # f.(cM) = (t -> f(ct)).(M)
            return elem_apply(body.subs(T_ARG, coef * T_ARG), Tensor(t.out, (Term(sp.Integer(1), factors),)), idx)
        if len(factors) == 1 and factors[0].head.kind == "elem" and factors[0].idx == t.out:
            inner_body, inner = factors[0].head.payload
            return elem_apply(body.subs(T_ARG, inner_body), inner, idx)
    if len(t.out) == 2:  # f.(Mᵀ) = f.(M)ᵀ: one head for both orientations
        transposed = Tensor(t.out[::-1], t.terms)
        if tensor_key(transposed) < tensor_key(t):
            head = elem_head(body, transposed)
            return Tensor(idx, (Term(sp.Integer(1), (Factor(head, idx[::-1]),)),))
    head = elem_head(body, t)
    return Tensor(idx, (Term(sp.Integer(1), (Factor(head, idx),)),))


def argument_key(t: Tensor) -> str:
    """How entrywise functions name their argument: a lone factor by its head, else the normal form."""
    groups = list(normal_form(t).nonzero().values())
    if len(groups) == 1:
        coef, factors = groups[0]
        if coef == 1 and len(factors) == 1 and factors[0].idx == t.out:
            return factors[0].head.key
    return "T:" + tensor_key(t)


def pointwise_view(head: Head):
    """``(argument key, argument tensor or None, body)``: the factor as an entrywise function.

    A plain factor ``X[i,j]`` is the identity function of ``X`` (its tensor is made on demand by
    :func:`self_tensor`)."""
    if head.kind == "elem":
        body, t = head.payload
        return argument_key(t), t, body
    return head.key, None, T_ARG


@lru_cache(maxsize=10_000)
def self_tensor(head: Head) -> Tensor:
    return single(head)


# -- declared functions ----------------------------------------------------------------------------
def field_head(name: str, order: int, arg: Tensor, outputs=()) -> Head:
    """A declared function of ``arg`` and its derivatives: ``u(g)`` (``outputs`` ``()``), a vector field
    ``f(g)`` (``outputs`` ``(m,)``) or a matrix-valued ``X(t)`` (``outputs`` ``(r, c)``), differentiated
    ``order`` times.

    Slots: the output entries, then ``order`` copies of the argument's slots.  For a vector argument the
    derivative slots commute (mixed partial derivatives of a smooth function)."""
    arg = normal_form(arg).tensor()
    outputs = tuple(d for d in outputs if sp.sympify(d) != 1)
    dims = list(outputs) + [i.dim for _ in range(order) for i in arg.out]
    offset = len(outputs)
    groups = (tuple(range(offset, offset + order)),) if len(arg.out) == 1 and order >= 2 else ()
    key = f"field:{name}:{order}:{outputs}:({tensor_key(arg)})"
    return Head("field", key, tuple(dims), groups, (name, order, arg, outputs))
