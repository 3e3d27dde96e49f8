"""Concrete sizes for the size letters of a claim."""

from __future__ import annotations

from formulas.spec import dim_symbol

__all__ = ["size_assignments", "dims_of", "sym_dims", "sizes_text"]


def size_assignments(dim_names: list[str]) -> list[dict]:
    """Distinct per letter (so a dropped transpose shows), then swapped, then all 1.

    Claims that are defined only when one size is at least another (``(XᵀX)⁻¹`` with ``X``
    n × m needs m ≤ n) are undefined at some of these; the engines skip such sizes."""
    if not dim_names:
        return [{}]
    k = len(dim_names)
    first = {d: 2 + i for i, d in enumerate(dim_names)}
    second = {d: 2 + (k - 1 - i) + (1 if k == 1 else 0) for i, d in enumerate(dim_names)}
    ones = {d: 1 for d in dim_names}
    out = []
    for a in (first, second, ones):
        if a not in out:
            out.append(a)
    return out


def dims_of(entry) -> list[str]:
    names = []
    for sym in entry.declared.values():
        for d in sym.dims:
            if isinstance(d, str) and d not in names:
                names.append(d)
    return names


def sym_dims(dims: dict) -> dict:
    return {dim_symbol(k): v for k, v in dims.items()}


def sizes_text(sizes: list[dict]) -> str:
    return "; ".join(", ".join(f"{k}={v}" for k, v in d.items()) or "scalar" for d in sizes)
