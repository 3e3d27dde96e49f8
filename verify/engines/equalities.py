"""Draws that satisfy ``where`` equalities no random draw would hit: orthonormal columns, unit vectors.

Random values never satisfy ``WᵀW = I`` by chance, so the engines build them: for each recognised
equality the declared symbol is replaced in every draw by a value that satisfies it exactly (exact
points) or to rounding (float64 draws):

=========================  =====================================================================
``where``                  value
=========================  =====================================================================
``W.T*W == Identity(k)``   the first ``k`` columns of an orthogonal matrix (needs ``k ≤ n``)
``W*W.T == Identity(n)``   the first ``n`` rows of an orthogonal matrix (needs ``n ≤ k``)
``x.T*x == 1``             ``x / ‖x‖`` (float64); exact points use a rational point of the sphere
=========================  =====================================================================

Other equalities are only checked (draws that miss them are outside the domain).  A size at which no
value can satisfy an equality (``k > n`` for orthonormal columns) is outside the claim's domain.
"""

from __future__ import annotations

import sympy as sp
from sympy.matrices.expressions import Identity, MatMul, MatrixSymbol, Transpose

from formulas.nodes import ScalarOf

__all__ = ["recognised", "apply_torch", "apply_exact", "NoValue"]


class NoValue(ValueError):
    """No value satisfies the equality at these sizes: the claim says nothing there."""


def _gram(expr):
    """``('columns', W)`` for ``WᵀW``, ``('rows', W)`` for ``WWᵀ``, else None."""
    if isinstance(expr, ScalarOf):
        expr = expr.args[0]
    if not isinstance(expr, MatMul) or len(expr.args) != 2:
        return None
    a, b = expr.args
    if isinstance(a, Transpose) and isinstance(a.arg, MatrixSymbol) and a.arg == b:
        return "columns", b.name
    if isinstance(b, Transpose) and isinstance(b.arg, MatrixSymbol) and b.arg == a:
        return "rows", a.name
    return None


def recognised(constraints) -> dict:
    """``{symbol name: 'columns' | 'rows' | 'unit'}`` for the equalities this module can build."""
    out = {}
    for c in constraints:
        if not isinstance(c, sp.Eq):
            continue
        for side, other in ((c.lhs, c.rhs), (c.rhs, c.lhs)):
            hit = _gram(side)
            if hit is None:
                continue
            kind, name = hit
            if isinstance(other, Identity):
                out[name] = kind
            elif other == 1 and getattr(side, "shape", (1, 1)) == (1, 1):
                out[name] = "unit"
    return out


def apply_torch(kinds: dict, env: dict, g) -> dict:
    import torch

    env = dict(env)
    for name, kind in kinds.items():
        if name not in env:
            continue
        w = env[name]
        r, c = w.shape[0], (w.shape[1] if w.dim() > 1 else 1)
        if kind == "unit":
            env[name] = w / w.norm()
            continue
        rows, cols = (r, c) if kind == "columns" else (c, r)
        if cols > rows:
            raise NoValue(f"{name}: {cols} orthonormal vectors do not fit in dimension {rows}")
        a = torch.randn(rows, rows, generator=g, dtype=torch.float64)
        q, rr = torch.linalg.qr(a)
        q = q * torch.sign(torch.diagonal(rr))
        env[name] = q[:, :cols] if kind == "columns" else q[:, :cols].mT
    return env


def apply_exact(kinds: dict, env: dict, rng) -> dict:
    env = dict(env)
    for name, kind in kinds.items():
        if name not in env:
            continue
        w = env[name]
        r, c = w.shape
        if kind == "unit":  # a rational point on the sphere: the inverse stereographic projection
            t = sp.Matrix([sp.Rational(rng.randint(-9, 9), rng.randint(1, 4)) for _ in range(r - 1)])
            s = (t.T * t)[0, 0]
            env[name] = sp.Matrix([2 * x / (1 + s) for x in t] + [(s - 1) / (1 + s)]) if r > 1 else sp.Matrix([[1]])
            continue
        rows, cols = (r, c) if kind == "columns" else (c, r)
        if cols > rows:
            raise NoValue(f"{name}: {cols} orthonormal vectors do not fit in dimension {rows}")
        a = sp.Matrix(rows, rows, lambda i, j: sp.Rational(rng.randint(-9, 9), rng.randint(1, 4)))
        skew = (a - a.T) / 2
        q = (sp.eye(rows) - skew) * (sp.eye(rows) + skew).inv()
        env[name] = q[:, :cols] if kind == "columns" else q[:, :cols].T
    return env
