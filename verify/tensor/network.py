"""Tensor networks in index notation: the data the symbolic-size engine works on.

A matrix expression of symbolic size is a sum of :class:`Term`\\ s.  A term is a
scalar coefficient (a SymPy expression) times a product of :class:`Factor`\\ s; a
factor is a :class:`Head` (what the tensor is: ``X``, ``δ``, ``X⁻¹``, ``exp.(A x)``)
applied to a tuple of :class:`Idx` (index objects carrying their dimension).  An
index that is not among the tensor's output indices is summed over (Einstein's
convention); it may occur in any number of factors (a Hadamard product repeats an
index, a contraction shares it between two).  Transposes, traces and products are
not nodes at all: they only say which indices are shared.

    A B      ->  A[i,k] B[k,j]          tr(A B)  ->  A[k,l] B[l,k]  (no output index)
    Aᵀ x     ->  A[k,i] x[k]            A ∘ B    ->  A[i,j] B[i,j]

Dimensions of size 1 carry no index: a vector ``x`` (n × 1) has one index, a
scalar none.  Everything here is immutable; :mod:`verify.tensor.normal` brings
terms to a normal form and :mod:`verify.tensor.canon` labels them canonically.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

import sympy as sp

__all__ = ["Idx", "Head", "Factor", "Term", "Tensor", "fresh", "TensorUnsupported", "product", "occurrences"]

_COUNTER = itertools.count(1)


class TensorUnsupported(Exception):
    """A construct the index-notation engine does not express; another engine decides."""


@dataclass(frozen=True)
class Idx:
    """One index: a unique id and the dimension it runs over (a positive integer expression)."""

    id: int
    dim: sp.Expr

    def __repr__(self):
        return f"i{self.id}:{self.dim}"


def fresh(dim) -> Idx:
    """A new index over ``dim``."""
    return Idx(next(_COUNTER), sp.sympify(dim))


@dataclass(frozen=True, eq=False)
class Head:
    """What a factor is.

    ``key`` identifies the head completely (two heads with one key are the same
    tensor); ``groups`` lists the slot positions whose order does not matter (the
    two slots of a symmetric matrix or of δ).  ``kind`` and ``payload`` carry the
    meaning used by derivatives and by the rules of :mod:`verify.tensor.normal`:

    ========== ===============================================================
    kind       payload
    ========== ===============================================================
    ``var``    ``(name, flags)``: a declared vector or matrix
    ``delta``  ``()``: the identity, δ[i,j]
    ``ones``   ``()``: the all-ones vector, 1[i]
    ``basis``  ``(k,)``: the k-th unit vector e_k[i] (0-based)
    ``inv``    ``(tensor,)``: the inverse of a square 2-index tensor (out ``(p, q)``)
    ``elem``   ``(lam, tensor)``: a scalar function applied entrywise to a tensor
    ``field``  ``(name, order, arg tensor, output dims)``: a declared function and its derivatives
    ========== ===============================================================
    """

    kind: str
    key: str
    dims: tuple
    groups: tuple = ()
    payload: tuple = ()

    def __eq__(self, other):
        return isinstance(other, Head) and self.key == other.key

    def __hash__(self):
        return hash(self.key)

    def __repr__(self):
        return self.key

    @property
    def arity(self) -> int:
        return len(self.dims)

    @property
    def symmetric(self) -> bool:
        """A 2-slot head whose slots commute."""
        return self.arity == 2 and any(len(g) == 2 for g in self.groups)

    def slot_groups(self) -> list[tuple[int, ...]]:
        """Every slot in exactly one group, in slot order of the groups' first members."""
        seen = {s for g in self.groups for s in g}
        out = [tuple(g) for g in self.groups] + [(s,) for s in range(self.arity) if s not in seen]
        return sorted(out, key=lambda g: g[0])


@dataclass(frozen=True)
class Factor:
    head: Head
    idx: tuple  # of Idx, one per slot

    def __repr__(self):
        return f"{self.head.key}[{','.join(map(repr, self.idx))}]"

    def rename(self, mapping: dict) -> Factor:
        return Factor(self.head, tuple(mapping.get(i, i) for i in self.idx))


@dataclass(frozen=True)
class Term:
    coef: sp.Expr
    factors: tuple = ()

    def indices(self) -> set:
        return {i for f in self.factors for i in f.idx}

    def rename(self, mapping: dict) -> Term:
        return Term(self.coef, tuple(f.rename(mapping) for f in self.factors))

    def freshen(self, out: tuple) -> Term:
        """The same term with new ids for its summed indices (so two terms can be multiplied)."""
        keep = set(out)
        mapping = {i: fresh(i.dim) for i in self.indices() if i not in keep}
        return self.rename(mapping) if mapping else self


@dataclass(frozen=True)
class Tensor:
    """A sum of terms with output indices ``out`` (row first, then column)."""

    out: tuple
    terms: tuple = field(default_factory=tuple)

    @staticmethod
    def scalar(value) -> Tensor:
        value = sp.sympify(value)
        return Tensor((), () if value == 0 else (Term(value),))

    def relabel(self, new_out: tuple) -> Tensor:
        """The same tensor with its output indices renamed to ``new_out`` (same dims)."""
        if len(new_out) != len(self.out):
            raise ValueError("relabel: arity differs")
        mapping = dict(zip(self.out, new_out, strict=True))
        return Tensor(tuple(new_out), tuple(t.freshen(self.out).rename(mapping) for t in self.terms))

    def __add__(self, other: Tensor) -> Tensor:
        if other.out != self.out:
            other = other.relabel(self.out)
        return Tensor(self.out, self.terms + other.terms)

    def scale(self, c) -> Tensor:
        c = sp.sympify(c)
        if c == 0:
            return Tensor(self.out)
        return Tensor(self.out, tuple(Term(c * t.coef, t.factors) for t in self.terms))

    def __neg__(self) -> Tensor:
        return self.scale(-1)

    def __sub__(self, other: Tensor) -> Tensor:
        return self + (-other)


def occurrences(factors) -> dict:
    """How many slots each index fills across the factors."""
    count: dict = {}
    for f in factors:
        for i in f.idx:
            count[i] = count.get(i, 0) + 1
    return count


def product(a: Tensor, b: Tensor, out: tuple) -> Tensor:
    """The product of two tensors whose shared indices are contracted (or repeated, if in ``out``).

    Indices are matched by identity: the caller builds ``a`` and ``b`` over the indices it means
    to share.  Summed indices of different terms are renamed apart first.
    """
    terms = []
    for s in a.terms:
        s = s.freshen(a.out)
        for t in b.terms:
            t = t.freshen(b.out)
            terms.append(Term(s.coef * t.coef, s.factors + t.factors))
    return Tensor(tuple(out), tuple(terms))
