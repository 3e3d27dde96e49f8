"""Normal forms of tensor networks: rules on each term, then canonical grouping of terms.

Rules applied to a term until none applies (each is an identity of tensors, valid
at every size and at every point where the term is defined):

* ``δ[a,b]`` with ``a`` summed: rename ``a`` to ``b`` (``δ[a,a]`` summed alone: the dimension);
* ``1[i]`` where ``i`` also indexes another factor: dropped (the entry is multiplied by 1);
  ``1[i]`` alone on a summed index: the dimension;
* ``H[p,c] H⁻¹[c,q] -> δ[p,q]`` and ``H⁻¹[p,c] H[c,q] -> δ[p,q]`` for any head ``H`` (and any
  slot pairing when ``H`` is symmetric), when ``c`` joins only these two slots;
* ``Q[c,p] Q[c,q] -> δ[p,q]`` and ``Q[p,c] Q[q,c] -> δ[p,q]`` for a declared orthogonal ``Q``;
* factors that are entrywise functions of one tensor at the very same indices merge into one
  entrywise function (``X[i,j] X[i,j] = (t²).(X)[i,j]``), and an entrywise function that is
  affine in its argument is expanded (``(2t + 1).(X) = 2X + 1``);
* ``Mᵃ[p,c] Mᵇ[c,q] -> Mᵃ⁺ᵇ[p,q]`` where one factor is a symbolic integer power of ``M`` (the other
  a power, ``M`` or ``M⁻¹``; :mod:`verify.tensor.powers`);
* a connected component without output indices is a scalar: it becomes an atom
  (:mod:`verify.tensor.atoms`) multiplied into the coefficient.

Then terms are grouped by the canonical key of what is left
(:func:`verify.tensor.canon.canonical`) and their coefficients added.
"""

from __future__ import annotations

from functools import lru_cache

import sympy as sp

from .atoms import atom_for
from .canon import canonical
from .heads import REAL_KINDS, delta, is_constant_head, ones
from .network import Factor, Tensor, TensorUnsupported, Term, occurrences
from .signs import component_sign

__all__ = ["normal_terms", "normal_form", "tensor_key", "to_scalar", "NormalForm", "is_real_tensor"]

MAX_TERMS = 4000  # a normal form larger than this is refused (the claim goes to other engines)


def _rename(factors, old, new):
    return [f.rename({old: new}) for f in factors]


def _contract_constants(coef, factors, out):
    """δ and ones rules; returns (coef, factors, changed)."""
    outset = set(out)
    for k, f in enumerate(factors):
        kind = f.head.kind
        if kind == "delta":
            a, b = f.idx
            rest = factors[:k] + factors[k + 1:]
            if a == b:
                if any(a in g.idx for g in rest):
                    return coef, rest, True
                if a in outset:
                    return coef, rest + [ones(a)], True
                return coef * a.dim, rest, True
            if a not in outset:
                return coef, _rename(rest, a, b), True
            if b not in outset:
                return coef, _rename(rest, b, a), True
            # both are output indices: δ makes them equal, so the other factors use the earlier one
            first, later = (a, b) if out.index(a) < out.index(b) else (b, a)
            if any(later in g.idx for g in rest):
                return coef, _rename(rest, later, first) + [f], True
        elif kind == "ones":
            (i,) = f.idx
            rest = factors[:k] + factors[k + 1:]
            if any(i in g.idx and g.head.kind != "ones" for g in rest):
                return coef, rest, True
            if i not in outset:
                return coef * i.dim, [g for g in rest if not (g.head.kind == "ones" and g.idx == (i,))], True
            if any(g.head.kind == "ones" and g.idx == (i,) for g in rest):
                return coef, rest, True
        elif kind == "pack":
            changed = _pack_rule(k, factors, outset)
            if changed is not None:
                return coef, changed, True
    return coef, factors, False


def _pack_rule(k, factors, outset):
    """Rules of a pack factor ``pack[r; c1, c2, ...]``; the new factor list, or None.

    * ``Σ_r pack[r; c...]`` (``r`` nowhere else): 1 -- the factor goes;
    * ``Σ_{c...} pack[r; c...]`` (every component nowhere else): 1 -- the factor goes;
    * ``pack[r; .., s, ..] pack[s; d...]`` with ``s`` nowhere else: ``pack[r; .., d..., ..]`` (flattening);
    * ``pack[r; c...] pack[r; d...]`` with ``r`` nowhere else: ``Π δ[c_i, d_i]`` (the map is a bijection)."""
    f = factors[k]
    r, comps = f.idx[0], f.idx[1:]
    rest = factors[:k] + factors[k + 1:]
    if r not in outset and not any(r in g.idx for g in rest):
        return rest
    if all(c not in outset and not any(c in g.idx for g in rest) and comps.count(c) == 1 for c in comps):
        return rest
    for j, g in enumerate(rest):
        if g.head.kind != "pack":
            continue
        others = rest[:j] + rest[j + 1:]
        if g.idx[0] in comps and g.idx[0] not in outset and not any(g.idx[0] in h.idx for h in others) \
                and comps.count(g.idx[0]) == 1:
            s = g.idx[0]
            pos = comps.index(s)
            merged = comps[:pos] + g.idx[1:] + comps[pos + 1:]
            from .heads import pack_head

            return others + [Factor(pack_head(tuple(c.dim for c in merged)), (r,) + merged)]
        if g.head == f.head and g.idx[0] == r and r not in outset and not any(r in h.idx for h in others):
            return others + [delta(a, b) for a, b in zip(comps, g.idx[1:], strict=True)]
    return None


def _inverse_base(head):
    """The head ``H`` of an inverse head ``H⁻¹`` (when its argument is a single factor in order)."""
    if head.kind != "inv":
        return None
    return head.payload[1]


def _cancel_pairs(factors, out):
    """Inverse and orthogonality cancellations; returns (factors, changed)."""
    outset = set(out)
    count = occurrences(factors)
    for a_pos, fa in enumerate(factors):
        if fa.head.arity != 2:
            continue
        for b_pos, fb in enumerate(factors):
            if b_pos == a_pos or fb.head.arity != 2:
                continue
            for sa in (0, 1):
                c = fa.idx[sa]
                if c in outset or count[c] != 2 or c not in fb.idx or fa.idx[1 - sa] == c:
                    continue
                sb = fb.idx.index(c)
                if fb.idx[1 - sb] == c:
                    continue
                p, q = fa.idx[1 - sa], fb.idx[1 - sb]
                base = _inverse_base(fb.head)
                if base is not None and base == fa.head:
                    if sa != sb or fa.head.symmetric:
                        return _replace_pair(factors, a_pos, b_pos, delta(p, q)), True
                if (fa.head == fb.head and fa.head.kind == "var" and "orthogonal" in fa.head.payload[1]
                        and sa == sb):
                    return _replace_pair(factors, a_pos, b_pos, delta(p, q)), True
    return factors, False


def _replace_pair(factors, i, j, new):
    return [f for k, f in enumerate(factors) if k not in (i, j)] + [new]


def _merge_pointwise(coef, factors, out):
    """Entrywise functions of one tensor at the same indices merge; returns a list of terms or None."""
    from .construct import elem_apply, pointwise_view, self_tensor

    by_idx: dict = {}
    for pos, f in enumerate(factors):
        if not is_constant_head(f.head) and f.idx:
            by_idx.setdefault(f.idx, []).append(pos)
    for idx, positions in by_idx.items():
        if len(positions) < 2:
            continue
        groups: dict = {}
        for pos in positions:
            key, tensor, body = pointwise_view(factors[pos].head)
            groups.setdefault(key, []).append((pos, tensor, body))
        for members in groups.values():
            if len(members) < 2:
                continue
            body = sp.Integer(1)
            for _, _, b in members:
                body = body * b
            tensor = next((t for _, t, _ in members if t is not None), None)
            if tensor is None:
                tensor = self_tensor(factors[members[0][0]].head)
            taken = {p for p, _, _ in members}
            rest = tuple(f for k, f in enumerate(factors) if k not in taken)
            applied = elem_apply(body, tensor, idx)
            return [Term(coef * t.coef, rest + t.factors) for t in applied.terms]
    return None


def _components(factors, out):
    """Connected components of the factor graph, as lists of positions."""
    parent = list(range(len(factors)))

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    first: dict = {}
    for pos, f in enumerate(factors):
        for i in f.idx:
            if i in first:
                parent[find(pos)] = find(first[i])
            else:
                first[i] = pos
    comps: dict = {}
    for pos in range(len(factors)):
        comps.setdefault(find(pos), []).append(pos)
    return list(comps.values())


def is_real_factor(f: Factor) -> bool:
    head = f.head
    if head.kind in REAL_KINDS:
        return head.kind != "inv" or is_real_tensor(head.payload[0])
    if head.kind == "elem":
        body, tensor = head.payload
        return bool(body.is_extended_real) and is_real_tensor(tensor)
    if head.kind == "pow":  # an integer power of a real matrix
        return is_real_tensor(head.payload[0])
    return False


def is_real_tensor(t: Tensor) -> bool:
    return all(bool(term.coef.is_extended_real) and all(is_real_factor(f) for f in term.factors)
               for term in t.terms)


def _is_probability_total(fs) -> bool:
    return (len(fs) == 1 and fs[0].head.kind == "var" and "probability" in fs[0].head.payload[1]
            and len(fs[0].idx) == 1)


def _absorb_closed(coef, factors, out):
    """Closed components become atoms in the coefficient."""
    outset = set(out)
    kept = []
    for comp in _components(factors, out):
        fs = [factors[p] for p in comp]
        if any(i in outset for f in fs for i in f.idx):
            kept.extend(fs)
            continue
        if _is_probability_total(fs):  # Σᵢ pᵢ = 1 for a declared probability vector
            continue
        key, _ = canonical(fs, ())
        real = all(is_real_factor(f) for f in fs)
        sign = component_sign(fs) if real else {}
        coef = coef * atom_for("network", repr(key), real=real, factors=tuple(fs), **sign)
    return coef, kept


def normal_terms(term: Term, out: tuple, depth: int = 0) -> list[Term]:
    """The term under every rule, closed components absorbed: a list (a rule may expand a term)."""
    if depth > 50:
        raise TensorUnsupported("normalisation does not terminate")
    coef, factors = term.coef, list(term.factors)
    if coef == 0:
        return []
    for _ in range(1000):
        coef, factors, changed = _contract_constants(coef, factors, out)
        if changed:
            continue
        factors, changed = _cancel_pairs(factors, out)
        if changed:
            continue
        merged = _merge_pointwise(coef, factors, out)
        if merged is None:
            from .powers import merge_powers

            merged = merge_powers(coef, factors, out)
        if merged is not None:
            return [n for t in merged for n in normal_terms(t, out, depth + 1)]
        break
    coef, factors = _absorb_closed(coef, factors, out)
    present = {i for f in factors for i in f.idx}
    factors += [ones(i) for i in dict.fromkeys(out) if i not in present]  # constant along that index: 1[i]
    return [Term(coef, tuple(factors))]


class NormalForm:
    """Terms grouped by the canonical key of their factors: ``{key: (coefficient, factors)}``."""

    def __init__(self, out: tuple):
        self.out = out
        self.groups: dict = {}

    def add(self, term: Term):
        key, order = canonical(term.factors, self.out)
        if key in self.groups:
            c, fs = self.groups[key]
            self.groups[key] = (c + term.coef, fs)
        else:
            self.groups[key] = (term.coef, tuple(term.factors[k] for k in order))

    def nonzero(self) -> dict:
        out = {}
        for key, (c, fs) in self.groups.items():
            c = sp.expand(c)
            if c != 0:
                out[key] = (c, fs)
        return out

    def tensor(self) -> Tensor:
        return Tensor(self.out, tuple(Term(c, fs) for c, fs in self.nonzero().values()))


@lru_cache(maxsize=20_000)
def normal_form(t: Tensor) -> NormalForm:
    nf = NormalForm(t.out)
    count = 0
    for term in t.terms:
        for n in normal_terms(term, t.out):
            count += 1
            if count > MAX_TERMS:
                raise TensorUnsupported(f"the normal form has more than {MAX_TERMS} terms")
            nf.add(n)
    return nf


@lru_cache(maxsize=20_000)
def tensor_key(t: Tensor) -> str:
    """A complete, canonical description of a tensor (the terms of its normal form, sorted)."""
    parts = sorted(f"{sp.srepr(c)}*{key!r}" for key, (c, _) in normal_form(t).nonzero().items())
    return "+".join(parts) if parts else "0"


def to_scalar(t: Tensor):
    """A tensor without output indices as a SymPy expression in atoms."""
    if t.out:
        raise ValueError("to_scalar needs a tensor without output indices")
    total = sp.Integer(0)
    for _, (c, fs) in normal_form(t).groups.items():
        if fs:
            raise TensorUnsupported("a closed network was left unabsorbed")
        total += c
    return total
