r"""Derivatives of tensor networks, entry by entry, in either layout.

The derivative of a tensor ``T[o...]`` by a matrix variable ``X`` is the tensor
``∂T[o...]/∂X[a,b]`` with the variable's indices appended.  Rules (product rule over
the factors of each term, chain rule through the coefficient's atoms):

* ``∂X[i,j]/∂X[a,b] = δ[i,a] δ[j,b]`` -- every entry independent, whatever ``X`` is
  declared to be (a symmetric or SPD declaration restricts the point, not the
  direction: the variable is built without its point flags inside ``D`` and they are
  restored after differentiating);
* ``∂H⁻¹ = -H⁻¹ (∂H) H⁻¹``;  ``∂ f.(M) = f'.(M) ∘ ∂M``;  ``∂ u(g) = ∇u(g) · ∂g``;
* ``∂ tr(Mᵏ) = k tr(Mᵏ⁻¹ ∂M)`` for a symbolic integer ``k`` (:mod:`verify.tensor.powers`; no rule for
  ``Mᵏ`` outside a whole trace);
* an atom standing for a closed network is differentiated as that network; a
  determinant atom by Jacobi's formula ``∂ det N = det N · tr(N⁻¹ ∂N)``.

``D(f, v)`` in denominator layout (the default) has ``(∂f/∂x)[i,j] = ∂f_j/∂x_i``: the
gradient of a scalar has the variable's shape; numerator layout is the transpose.
"""

from __future__ import annotations

from dataclasses import dataclass

import sympy as sp
from sympy.matrices.expressions import MatrixSymbol

from .atoms import atoms_in
from .construct import elem_apply, field_head, inverse_tensor
from .heads import POINT_FLAGS, T_ARG, declared, delta
from .network import Factor, Tensor, TensorUnsupported, Term, fresh, product
from .normal import to_scalar
from .powers import d_trace_power, power_tensor

__all__ = ["Var", "derivative", "derivative_node"]


@dataclass(frozen=True)
class Var:
    """What to differentiate by: a declared vector/matrix (``name``) or a scalar symbol."""

    name: str | None = None
    symbol: sp.Symbol | None = None
    new: tuple = ()  # the variable's own indices, appended to the derivative's output


def derivative(t: Tensor, var: Var) -> Tensor:
    """``∂t/∂var``: output indices ``t.out + var.new``."""
    out = tuple(t.out) + tuple(var.new)
    terms = []
    for term in t.terms:
        coef = term.coef
        if var.symbol is not None:
            direct = sp.diff(coef, var.symbol)
            if direct != 0:
                terms.append(Term(direct, term.factors))
        for atom in atoms_in(coef):
            outer = sp.diff(coef, atom.symbol)
            if outer == 0:
                continue
            inner = _d_atom(atom, var)
            for s in inner.terms:
                s = s.freshen(inner.out)
                terms.append(Term(outer * s.coef, term.factors + s.factors))
        for k, f in enumerate(term.factors):
            rest = term.factors[:k] + term.factors[k + 1:]
            df = _d_factor(f, var) if f.head.kind != "pow" else d_trace_power(f, rest, t.out, var, derivative)
            for s in df.terms:
                s = s.freshen(df.out)
                terms.append(Term(coef * s.coef, rest + s.factors))
    return Tensor(out, tuple(terms))


def _d_atom(atom, var: Var) -> Tensor:
    if atom.kind.startswith("network") or atom.factors:
        return derivative(Tensor((), (Term(sp.Integer(1), atom.factors),)), var)
    # Jacobi: d det N = det N * N⁻¹[l,k] dN[k,l]
    n = atom.tensor
    k, l = fresh(n.out[0].dim), fresh(n.out[1].dim)
    dn = derivative(n.relabel((k, l)), var)
    if not dn.terms:
        return Tensor(tuple(var.new))
    inv = inverse_tensor(n).relabel((l, k))
    return product(inv, dn, tuple(var.new)).scale(atom.symbol)


def _d_factor(f: Factor, var: Var) -> Tensor:
    head = f.head
    out = tuple(f.idx) + tuple(var.new)
    kind = head.kind
    if kind == "var":
        if var.name is None or head.payload[0] != var.name:
            return Tensor(out)
        if len(f.idx) != len(var.new):
            raise TensorUnsupported("a variable used with another shape than declared")
        return Tensor(out, (Term(sp.Integer(1), tuple(delta(i, a) for i, a in zip(f.idx, var.new, strict=True))),))
    if kind in ("delta", "ones", "basis", "pack"):
        return Tensor(out)
    if kind == "inv":
        n = head.payload[0]
        a, b = f.idx
        k, l = fresh(n.out[0].dim), fresh(n.out[1].dim)
        dn = derivative(n.relabel((k, l)), var)
        if not dn.terms:
            return Tensor(out)
        left = Tensor((a, k), (Term(sp.Integer(-1), (Factor(head, (a, k)),)),))
        right = Tensor((l, b), (Term(sp.Integer(1), (Factor(head, (l, b)),)),))
        return product(product(left, dn, (a, l) + tuple(var.new)), right, out)
    if kind == "elem":
        body, arg = head.payload
        darg = derivative(arg.relabel(f.idx), var)
        result = Tensor(out)
        if darg.terms:
            outer = elem_apply(sp.diff(body, T_ARG), arg, f.idx)
            result = result + product(outer, darg, out)
        if var.symbol is not None and body.has(var.symbol):
            result = result + elem_apply(sp.diff(body, var.symbol), arg, f.idx)
        return result
    if kind == "field":
        name, order, arg, outputs = head.payload
        s = tuple(fresh(i.dim) for i in arg.out)
        darg = derivative(arg.relabel(s), var)
        if not darg.terms:
            return Tensor(out)
        higher = field_head(name, order + 1, arg, outputs)
        grad = Tensor(tuple(f.idx) + s, (Term(sp.Integer(1), (Factor(higher, tuple(f.idx) + s),)),))
        return product(grad, darg, out)
    raise TensorUnsupported(f"no derivative rule for {kind} heads")


# -- the D node ------------------------------------------------------------------------------------
def _trivial(d) -> bool:
    return sp.sympify(d) == 1


def derivative_node(builder, node, row, col) -> Tensor:
    """The tensor of ``D(f, v)`` on output indices ``row``, ``col`` (None where the size is 1)."""
    f, v, layout = node.f, node.v, node.layout
    if isinstance(v, MatrixSymbol):
        inner = builder.with_plain(v.name)
        a = None if _trivial(v.shape[0]) else fresh(v.shape[0])
        b = None if _trivial(v.shape[1]) else fresh(v.shape[1])
        var = Var(name=v.name, new=tuple(i for i in (a, b) if i is not None))
        var_slots = (a, b)
    elif isinstance(v, sp.Symbol):
        inner = builder
        var = Var(symbol=v)
        var_slots = (None, None)
    else:
        raise TensorUnsupported("D(f, v) needs a declared variable v")
    f_matrix = getattr(f, "is_Matrix", False) and tuple(f.shape) != (1, 1)
    if not f_matrix:  # scalar f: the gradient has v's shape (denominator), its transpose (numerator)
        tf = Tensor.scalar(inner.scalar(f))
        g = derivative(tf, var)
        targets = (row, col) if layout == "denominator" else (col, row)
        mapping = [(s, t) for s, t in zip(var_slots, targets, strict=True) if s is not None]
    else:
        fr, fc = f.shape
        if not _trivial(fc):
            if var.symbol is None:
                raise TensorUnsupported("D of a matrix by a vector or matrix (a 4-index tensor)")
            p, q = fresh(fr), fresh(fc)  # matrix by scalar: the shape of f
            g = derivative(inner.matrix(f, p, q), var)
            mapping = [(p, row), (q, col)]
        else:
            j = fresh(fr)
            g = derivative(inner.matrix(f, j, None), var)
            a = var_slots[0]
            if var.symbol is not None:  # vector by scalar: a row (denominator) or a column (numerator)
                mapping = [(j, col if layout == "denominator" else row)]
            elif var_slots[1] is not None:
                raise TensorUnsupported("D of a vector by a matrix (a 3-index tensor)")
            else:  # vector by vector: [i, j] = d f_j / d x_i (denominator)
                mapping = [(a, row), (j, col)] if layout == "denominator" else [(j, row), (a, col)]
    if any(t is None for _, t in mapping):
        raise TensorUnsupported("D(f, v): shapes do not match the node's shape")
    order = {s: t for s, t in mapping}
    g = Tensor(tuple(order[i] for i in g.out), tuple(term.rename(order) for term in g.terms))
    if isinstance(v, MatrixSymbol) and v.name not in builder.plain and builder.flags(v.name) & POINT_FLAGS:
        g = restrict(g, v.name, builder)
    out = tuple(i for i in (row, col) if i is not None)
    return g if g.out == out else Tensor(out, _reorder(g, out))


def _reorder(g: Tensor, out: tuple):
    if set(g.out) != set(out):
        raise TensorUnsupported("D(f, v): output indices do not match")
    return g.terms


# -- restoring point flags -------------------------------------------------------------------------
def restrict(t: Tensor, name: str, builder) -> Tensor:
    """``t`` with the plain head of ``name`` replaced by its declared (flagged) head, everywhere."""
    return _Restrict(name, builder.flags(name)).tensor(t)


class _Restrict:
    def __init__(self, name, flags):
        self.name = name
        self.flags = flags
        self.atoms: dict = {}

    def tensor(self, t: Tensor) -> Tensor:
        total = Tensor(t.out)
        for term in t.terms:
            part = Tensor.scalar(self.coef(term.coef))
            for f in term.factors:
                part = product(part, self.factor(f), tuple(dict.fromkeys(part.out + f.idx)))
            total = total + Tensor(t.out, part.terms)
        return total

    def coef(self, c):
        subs = {}
        for atom in atoms_in(c):
            if atom.symbol not in self.atoms:
                self.atoms[atom.symbol] = self._atom(atom)
            subs[atom.symbol] = self.atoms[atom.symbol]
        return c.xreplace(subs) if subs else c

    def _atom(self, atom):
        if atom.factors:
            return to_scalar(self.tensor(Tensor((), (Term(sp.Integer(1), atom.factors),))))
        from .determinant import det_of

        return det_of(self.tensor(atom.tensor))

    def factor(self, f: Factor) -> Tensor:
        head = f.head
        idx = tuple(f.idx)
        if head.kind == "var" and head.payload[0] == self.name:
            return declared(self.name, head.dims, self.flags, idx)
        if head.kind == "inv":
            inner = self.tensor(head.payload[0])
            return _on(inverse_tensor(inner), idx)
        if head.kind == "elem":
            body, arg = head.payload
            return elem_apply(body, self.tensor(arg), idx)
        if head.kind == "pow":
            base, e, _, invertible = head.payload
            return _on(power_tensor(self.tensor(base), e, invertible), idx)
        if head.kind == "field":
            fname, order, arg, outputs = head.payload
            h = field_head(fname, order, self.tensor(arg), outputs)
            return Tensor(idx, (Term(sp.Integer(1), (Factor(h, idx),)),))
        return Tensor(idx, (Term(sp.Integer(1), (f,)),))


def _on(t: Tensor, idx: tuple) -> Tensor:
    """``t`` (2 output indices) placed on ``idx`` (which may repeat an index: a diagonal)."""
    mapping = dict(zip(t.out, idx, strict=True))
    return Tensor(idx, tuple(term.freshen(t.out).rename(mapping) for term in t.terms))
