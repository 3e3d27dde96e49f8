"""The symbols and sizes a claim uses, and the concrete sizes its size letters take.

Engines draw values only for the symbols the claim (with its constraints) uses: a file's shared
declarations may name symbols, random variables among them, that a claim never mentions.
"""

from __future__ import annotations

from sympy import MatrixSymbol, Symbol

from formulas.nodes import ScalarField, VectorField
from formulas.spec import dim_symbol

__all__ = ["size_assignments", "dims_of", "sym_dims", "sizes_text", "used_declared"]


def _names(expr) -> set:
    if expr is None or not hasattr(expr, "atoms"):
        return set()
    names = {s.name for s in expr.atoms(Symbol, MatrixSymbol)}
    for field in expr.atoms(ScalarField, VectorField):
        names.add(field.name)
        names |= _names(field.arg)
    return names


def used_declared(entry) -> dict:
    """The declarations of the symbols the claim and its constraints use (functions with their argument)."""
    names = _names(entry.expr)
    for c in entry.constraints:
        names |= _names(c)
    used = {n: s for n, s in entry.declared.items() if n in names}
    for sym in list(used.values()):
        if sym.kind == "function" and sym.of in entry.declared:
            used.setdefault(sym.of, entry.declared[sym.of])
    return {n: s for n, s in entry.declared.items() if n in used}  # declaration order (functions after args)


def size_assignments(dim_names: list[str], *, large: bool = False) -> list[dict]:
    """Distinct per letter (so a dropped transpose shows), then swapped, then all 1; with ``large``, also
    sizes from 4 up (float64 draws are cheap there, and identities true only for small matrices, such as
    a Cayley–Hamilton relation of 3 × 3 matrices, fail at 4).

    Claims that are defined only when one size is at least another (``(XᵀX)⁻¹`` with ``X``
    n × m needs m ≤ n) are undefined at some of these; the engines skip such sizes."""
    if not dim_names:
        return [{}]
    k = len(dim_names)
    first = {d: 2 + i for i, d in enumerate(dim_names)}
    second = {d: 2 + (k - 1 - i) + (1 if k == 1 else 0) for i, d in enumerate(dim_names)}
    ones = {d: 1 for d in dim_names}
    bigger = [{d: 4 + i for i, d in enumerate(dim_names)}, {d: 4 + (k - 1 - i) for i, d in enumerate(dim_names)}]
    out = []
    for a in (first, second, ones, *(bigger if large else [])):
        if a not in out:
            out.append(a)
    return out


def dims_of(entry) -> list[str]:
    names = []
    for sym in used_declared(entry).values():
        for d in sym.dims:
            if isinstance(d, str) and d not in names:
                names.append(d)
    return names


def sym_dims(dims: dict) -> dict:
    return {dim_symbol(k): v for k, v in dims.items()}


def sizes_text(sizes: list[dict]) -> str:
    return "; ".join(", ".join(f"{k}={v}" for k, v in d.items()) or "scalar" for d in sizes)
