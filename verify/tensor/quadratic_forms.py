"""A combination of quadratic forms of one PSD matrix that is nonnegative: ``Σᵢⱼ Cᵢⱼ uᵢᵀ M uⱼ ≥ 0``.

For a positive semidefinite ``M`` (symmetric) and a positive semidefinite coefficient matrix ``C``,

    Σᵢⱼ Cᵢⱼ uᵢᵀ M uⱼ = tr(M U C Uᵀ) = tr(M^½ U C Uᵀ M^½) ≥ 0,     U = [u₁ … u_k],

the trace of a PSD matrix (Horn & Johnson, Matrix Analysis, Thm. 7.5.3 for the product form).  This
proves, at every size, gaps such as ``½θᵀAθ − θ*ᵀAθ + ½θ*ᵀAθ* = ½(θ − θ*)ᵀA(θ − θ*)`` (a convex
quadratic above its value at a stationary point), which are not a sum of signed terms one by one.

The gap must be, after expansion, a sum of numeric multiples of the atoms of closed networks
``uᵀMv`` (three factors: two declared vectors and one declared ``psd``/``spd`` matrix, the same for
every term) plus a nonnegative number; ``C`` is then read off and checked PSD exactly.
"""

from __future__ import annotations

import sympy as sp

from .atoms import atom_info

__all__ = ["psd_combination_of_quadratic_forms"]

_MAX_VECTORS = 8


def _form(symbol) -> tuple[str, str, str] | None:
    """``(M, u, v)`` head keys of an atom standing for ``uᵀMv`` with M a declared PSD matrix, else None."""
    atom = atom_info(symbol)
    if atom is None or atom.kind != "network" or len(atom.factors) != 3:
        return None
    matrices = [f for f in atom.factors if f.head.kind == "var" and len(f.idx) == 2]
    vectors = [f for f in atom.factors if f.head.kind == "var" and len(f.idx) == 1]
    if len(matrices) != 1 or len(vectors) != 2:
        return None
    m = matrices[0]
    if not {"psd", "spd"} & set(m.head.payload[1]) or m.idx[0] == m.idx[1]:
        return None
    u, v = vectors
    if {u.idx[0], v.idx[0]} != set(m.idx):
        return None
    return m.head.key, u.head.key, v.head.key


def psd_combination_of_quadratic_forms(gap) -> bool:
    """True only if ``gap`` is ``Σ Cᵢⱼ uᵢᵀMuⱼ + c₀`` with one PSD ``M``, a PSD numeric ``C`` and ``c₀ ≥ 0``."""
    gap = sp.expand(gap)
    matrix, pairs, constant = None, {}, sp.Integer(0)
    for term in sp.Add.make_args(gap):
        coef, rest = term.as_coeff_Mul()
        if rest == 1:
            constant += coef
            continue
        if not coef.is_Rational or not isinstance(rest, sp.Symbol):
            return False
        form = _form(rest)
        if form is None or (matrix is not None and form[0] != matrix):
            return False
        matrix = form[0]
        key = tuple(sorted(form[1:]))
        pairs[key] = pairs.get(key, 0) + coef
    if matrix is None or not constant >= 0:
        return False
    names = sorted({n for key in pairs for n in key})
    if len(names) > _MAX_VECTORS:
        return False
    at = {n: k for k, n in enumerate(names)}
    c = sp.zeros(len(names), len(names))
    for (u, v), coef in pairs.items():
        if u == v:
            c[at[u], at[u]] += coef
        else:  # uᵀMv = vᵀMu (M symmetric): half of the coefficient on each side
            c[at[u], at[v]] += coef / 2
            c[at[v], at[u]] += coef / 2
    return c.is_positive_semidefinite is True
