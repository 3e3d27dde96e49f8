"""The kinds of factor: declared tensors, δ, ones, unit vectors, inverses, entrywise functions, fields.

Every head is made here, so its key (its complete identity) is written in one
place.  Heads whose meaning depends on a tensor (an inverse, an entrywise
function, a declared function of an expression) key that tensor by its normal
form (:func:`verify.tensor.normal.tensor_key`).
"""

from __future__ import annotations

import sympy as sp

from .network import Factor, Head, Tensor, Term, fresh

__all__ = ["T_ARG", "var_head", "declared", "delta_head", "ones_head", "basis_head", "pack_head", "delta", "ones",
           "is_constant_head", "REAL_KINDS"]

# The bound variable of entrywise functions: ``exp.(A)`` is ``elem(exp(T_ARG), A)``.
T_ARG = sp.Symbol("t_", real=True)

# Flags that restrict the point a declared matrix takes (never the direction of a derivative).
POINT_FLAGS = frozenset({"symmetric", "spd", "psd", "orthogonal", "invertible", "diagonal", "positive",
                         "nonnegative", "probability", "nonzero"})

REAL_KINDS = frozenset({"var", "delta", "ones", "basis", "pack", "inv", "field"})


def _dims_text(dims) -> str:
    return "x".join(str(d) for d in dims)


def var_head(name: str, dims: tuple, flags: frozenset = frozenset(), *, plain: bool = False) -> Head:
    """A declared vector or matrix.  ``plain`` drops the flags (a variable being differentiated)."""
    flags = frozenset() if plain else frozenset(flags) & POINT_FLAGS
    symmetric = len(dims) == 2 and bool({"symmetric", "diagonal"} & flags)
    tag = ("~" + ",".join(sorted(flags))) if flags else ""
    return Head("var", f"{name}:{_dims_text(dims)}{tag}", tuple(dims), ((0, 1),) if symmetric else (),
                (name, flags))


def declared(name: str, dims: tuple, flags: frozenset, idx: tuple, *, plain: bool = False) -> Tensor:
    """A declared vector or matrix on the indices ``idx``.

    A diagonal matrix is its diagonal times δ, ``D[i,j] = d[i] δ[i,j]``, so products of diagonal matrices
    commute in normal form; a variable being differentiated is ``plain`` (all entries independent)."""
    flags = frozenset(flags) & POINT_FLAGS
    if not plain and "diagonal" in flags and len(dims) == 2 and len(idx) == 2:
        diag = Head("var", f"{name}:diag:{dims[0]}", (dims[0],), (), (name, flags | {"diagonal-entries"}))
        return Tensor(idx, (Term(sp.Integer(1), (Factor(diag, (idx[0],)), delta(idx[0], idx[1]))),))
    head = var_head(name, dims, flags, plain=plain)
    return Tensor(idx, (Term(sp.Integer(1), (Factor(head, idx),)),))


def delta_head(dim) -> Head:
    return Head("delta", f"δ:{dim}", (dim, dim), ((0, 1),))


def ones_head(dim) -> Head:
    return Head("ones", f"1:{dim}", (dim,))


def basis_head(k: int, dim) -> Head:
    return Head("basis", f"e{k}:{dim}", (dim,), (), (k,))


def pack_head(dims) -> Head:
    """``pack[r; a, b, ...] = 1`` exactly when ``r`` is the row-major position of ``(a, b, ...)``: the index of
    a Kronecker product (``(A ⊗ B)[pack(i,k), pack(j,l)] = A[i,j] B[k,l]``); nested packs flatten."""
    dims = tuple(sp.sympify(d) for d in dims)
    return Head("pack", "pack:" + "x".join(map(str, dims)), (sp.Mul(*dims),) + dims)


def is_constant_head(head: Head) -> bool:
    return head.kind in ("delta", "ones", "basis", "pack")


def delta(a, b) -> Factor:
    return Factor(delta_head(a.dim), (a, b))


def ones(i) -> Factor:
    return Factor(ones_head(i.dim), (i,))


def single(head: Head) -> Tensor:
    """The tensor that is just ``head`` on new output indices."""
    out = tuple(fresh(d) for d in head.dims)
    return Tensor(out, (Term(sp.Integer(1), (Factor(head, out),)),))
