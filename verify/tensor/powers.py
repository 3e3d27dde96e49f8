r"""Matrix powers ``Mᵏ`` with a symbolic integer exponent: an opaque factor and the rules it obeys.

``Mᵏ`` for a square tensor ``M`` and an exponent ``k`` that the declarations make an integer
(``k: scalar integer``; ``k - 1`` is one too) is a ``pow`` head keyed by the normal form of
``M``, the exponent and whether ``M`` is invertible by the declarations.  A literal integer
exponent is never a head: it expands into a product (:func:`power_tensor`).  An exponent that
is not known to be an integer has no rule (:class:`TensorUnsupported`), so no claim about it is
ever proved here.  Each rule below is an identity of integer powers, valid wherever its left
side is defined (a negative power is defined only where ``M`` is invertible):

* the laws of integer exponents: ``Mᵃ Mᵇ = Mᵃ⁺ᵇ`` (so ``Mᵏ`` commutes with ``M`` and with every
  power of ``M``), ``(Mᵃ)ᵇ = Mᵃᵇ``, ``(M⁻¹)ᵏ = M⁻ᵏ``, ``(Mᵏ)⁻¹ = M⁻ᵏ``, ``(Mᵀ)ᵏ = (Mᵏ)ᵀ``,
  ``(cM)ᵏ = cᵏ Mᵏ``;
* ``det(Mᵏ) = det(M)ᵏ`` (the determinant is multiplicative, ``det(M⁻¹) = det(M)⁻¹``);
* ``∂ tr(Mᵏ) = k tr(Mᵏ⁻¹ ∂M)`` -- the product rule gives the k terms ``Σ_r tr(Mʳ ∂M Mᵏ⁻¹⁻ʳ)``
  (for ``k < 0`` through ``∂M⁻¹ = -M⁻¹ ∂M M⁻¹``), and the cyclic property of the trace makes each
  of them ``tr(Mᵏ⁻¹ ∂M)``.  It is used only where ``Mᵏ⁻¹`` is defined wherever ``tr(Mᵏ)`` is:
  ``k ≥ 1`` by the declarations, or ``M`` invertible by them.  Outside a trace the derivative of
  ``Mᵏ`` (a sum of k terms) has no finite index form, and the engine leaves the claim to others.
"""

from __future__ import annotations

import sympy as sp

from .network import Factor, Head, Tensor, TensorUnsupported, Term, fresh, occurrences, product

__all__ = ["power_tensor", "merge_powers", "d_trace_power", "det_power", "used_rules", "POWER_RULES",
           "TRACE_RULE", "DET_RULE"]

POWER_RULES = ("Mᵏ (k a symbolic integer) is an opaque factor under the laws of integer exponents "
               "(MᵃMᵇ = Mᵃ⁺ᵇ, (Mᵃ)ᵇ = Mᵃᵇ, (Mᵏ)⁻¹ = M⁻ᵏ, (Mᵀ)ᵏ = (Mᵏ)ᵀ)")
TRACE_RULE = ("∂tr(Mᵏ) = k tr(Mᵏ⁻¹ ∂M) for integer k (k ≥ 1 or M invertible): the product rule's k terms "
              "tr(Mʳ ∂M Mᵏ⁻¹⁻ʳ), each equal to tr(Mᵏ⁻¹ ∂M) by the cyclic property of the trace")
DET_RULE = "det(Mᵏ) = det(M)ᵏ for integer k (the determinant is multiplicative)"

_USED: list = []  # the rules of this module applied since the last reset (named in a proof's text)


def used_rules(reset: bool = False) -> list[str]:
    """The rules applied since the last reset, in first-use order."""
    out = list(dict.fromkeys(_USED))
    if reset:
        _USED.clear()
    return out


def _note(rule: str) -> None:
    if rule not in _USED:
        _USED.append(rule)


def is_integer_exponent(e) -> bool:
    return sp.sympify(e).is_integer is True


def _literal_power(base: Tensor, k: int) -> Tensor:
    """``Mᵏ`` for a literal integer ``k``: δ, a product of k copies, or of |k| inverses."""
    from .construct import inverse_tensor
    from .heads import delta

    p, q = base.out
    if k == 0:
        return Tensor((p, q), (Term(sp.Integer(1), (delta(p, q),)),))
    one = inverse_tensor(base) if k < 0 else base
    result = one
    for _ in range(abs(k) - 1):
        mid = fresh(p.dim)
        result = product(result.relabel((p, mid)), one.relabel((mid, q)), (p, q))
    return Tensor((p, q), result.terms)


def _key_of(t: Tensor) -> str:
    """How a power names its base: a lone factor in order by its head, else the normal form."""
    from .construct import argument_key

    return argument_key(t)


def _pow_head(base: Tensor, e, invertible: bool, symmetric: bool) -> Head:
    from .normal import tensor_key

    p, _ = base.out
    # the flag is part of the key: a head's payload is then the same wherever its key is met
    key = f"pow({tensor_key(base)})^({sp.srepr(e)})" + ("~inv" if invertible else "")
    return Head("pow", key, (p.dim, p.dim), ((0, 1),) if symmetric else (), (base, e, _key_of(base),
                                                                              bool(invertible)))


def power_tensor(base: Tensor, e, invertible: bool = False) -> Tensor:
    """``Mᵉ`` on the output indices of the square 2-index tensor ``base``."""
    from .normal import normal_form, tensor_key

    e = sp.sympify(e)
    p, q = base.out
    if p.dim != q.dim:
        raise TensorUnsupported("a power of a non-square matrix")
    if e.is_Integer:
        return _literal_power(base, int(e))
    if not is_integer_exponent(e):
        raise TensorUnsupported("a matrix power whose exponent is not declared an integer")
    groups = list(normal_form(base).nonzero().values())
    if not groups:
        if e.is_positive:
            return Tensor((p, q))
        raise TensorUnsupported("a power of the zero matrix with an exponent that may be ≤ 0")
    if len(groups) == 1:
        coef, factors = groups[0]
        if coef != 1:  # (cM)ᵏ = cᵏ Mᵏ
            return power_tensor(Tensor((p, q), (Term(sp.Integer(1), factors),)), e, invertible).scale(coef**e)
        if len(factors) == 1 and factors[0].idx in ((p, q), (q, p)):
            (f,) = factors
            forward = f.idx == (p, q) or f.head.symmetric
            head = f.head
            if head.kind == "inv":  # (M⁻¹)ᵏ = M⁻ᵏ
                inner = head.payload[0]
                inner = inner if forward else Tensor(inner.out[::-1], inner.terms)
                return power_tensor(inner.relabel((p, q)), -e, True)
            if head.kind == "pow":  # (Mᵃ)ᵇ = Mᵃᵇ
                inner, a, _, flag = head.payload
                inner = inner if forward else Tensor(inner.out[::-1], inner.terms)
                return power_tensor(inner.relabel((p, q)), sp.expand(a * e), invertible or flag)
            if head.kind == "delta":
                return Tensor((p, q), (Term(sp.Integer(1), (f,)),))
    t = normal_form(base).tensor()
    transposed = Tensor((q, p), t.terms)  # (Mᵀ)ᵏ = (Mᵏ)ᵀ: one head for both orientations
    key, tkey = tensor_key(t), tensor_key(transposed)
    symmetric = key == tkey
    if tkey < key:
        head = _pow_head(normal_form(transposed).tensor().relabel((p, q)), e, invertible, symmetric)
        return Tensor((p, q), (Term(sp.Integer(1), (Factor(head, (q, p)),)),))
    head = _pow_head(t, e, invertible, symmetric)
    return Tensor((p, q), (Term(sp.Integer(1), (Factor(head, (p, q)),)),))


# -- MᵃMᵇ = Mᵃ⁺ᵇ in a term -------------------------------------------------------------------------
def _view(f: Factor):
    """``(base key, exponent, row, column, base tensor or None, invertible)``: the factor as a power."""
    head = f.head
    if head.arity != 2 or head.dims[0] != head.dims[1] or head.kind in ("delta", "ones", "basis", "pack"):
        return None
    if head.kind == "pow":
        base, e, key, flag = head.payload
        return key, e, f.idx[0], f.idx[1], base, flag
    if head.kind == "inv" and head.payload[1] is not None:
        return head.payload[1].key, sp.Integer(-1), f.idx[0], f.idx[1], None, True
    return head.key, sp.Integer(1), f.idx[0], f.idx[1], None, False


def merge_powers(coef, factors, out):
    """``Mᵃ[p,c] Mᵇ[c,q] -> Mᵃ⁺ᵇ[p,q]`` where one of the two is a symbolic power; a list of terms or None."""
    if not any(f.head.kind == "pow" for f in factors):
        return None
    outset = set(out)
    count = occurrences(factors)
    views = [_view(f) for f in factors]
    for a, va in enumerate(views):
        if va is None or factors[a].head.kind != "pow":
            continue
        sym_a = factors[a].head.symmetric
        for b, vb in enumerate(views):
            if b == a or vb is None or vb[0] != va[0]:
                continue
            sym_b = factors[b].head.symmetric
            pair = _joined(va, vb, sym_a, sym_b, outset, count)
            if pair is None:
                continue
            first, second = pair  # the row of the product, its column
            base = va[4]
            e = sp.expand(va[1] + vb[1])
            r, c = fresh(first.dim), fresh(second.dim)  # first == second for a trace: place it afterwards
            merged = power_tensor(base.relabel((r, c)), e, va[5] or vb[5])
            rest = tuple(f for k, f in enumerate(factors) if k not in (a, b))
            place = {r: first, c: second}
            return [Term(coef * t.coef, rest + t.freshen((r, c)).rename(place).factors) for t in merged.terms]
    return None


def _joined(va, vb, sym_a, sym_b, outset, count):
    """``(row, column)`` of ``A·B`` or ``B·A`` when the two factors are joined by a summed index used by
    them alone, in an order that makes a product (either slot for a symmetric factor); else None."""
    readings_a = [(va[2], va[3])] + ([(va[3], va[2])] if sym_a else [])
    readings_b = [(vb[2], vb[3])] + ([(vb[3], vb[2])] if sym_b else [])
    for ra, ca in readings_a:
        for rb, cb in readings_b:
            if ca == rb and ca not in outset and count.get(ca) == 2 and ra != ca and cb != ca:
                return ra, cb
            if cb == ra and ra not in outset and count.get(ra) == 2 and rb != ra and ca != ra:
                return rb, ca
    return None


# -- ∂ tr(Mᵏ) ---------------------------------------------------------------------------------------
def d_trace_power(f: Factor, rest, out, var, derivative) -> Tensor:
    """``∂ tr(Mᵏ) / ∂var = k Mᵏ⁻¹[l,k] ∂M[k,l]`` for a factor ``Mᵏ[i,i]`` with ``i`` summed and used by
    no other factor (a whole trace); output indices ``f.idx + var.new``.  Raises where no rule applies."""
    base, e, _, flag = f.head.payload
    dout = tuple(f.idx) + tuple(var.new)
    k, l = fresh(base.out[0].dim), fresh(base.out[1].dim)
    if var.symbol is not None and var.symbol in e.free_symbols:
        raise TensorUnsupported("a derivative by the exponent of a matrix power")
    dm = derivative(base.relabel((k, l)), var)
    if not dm.terms:
        return Tensor(dout)
    i, j = f.idx
    traced = i == j and i not in set(out) and not any(i in g.idx for g in rest)
    if not traced:
        raise TensorUnsupported("the derivative of a symbolic matrix power outside a trace")
    if not (e.is_positive is True or flag):
        raise TensorUnsupported("∂tr(Mᵏ) needs k ≥ 1 or an invertible M by the declarations")
    _note(TRACE_RULE)
    lower = power_tensor(base.relabel((l, k)), e - 1, flag)
    return Tensor(dout, product(lower, dm, tuple(var.new)).scale(e).terms)


def det_power(head: Head):
    """``det(Mᵏ) = det(M)ᵏ``."""
    from .determinant import det_of

    base, e, _, _ = head.payload
    _note(DET_RULE)
    return det_of(base) ** e
