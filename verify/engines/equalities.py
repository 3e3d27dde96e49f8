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
``D(f(x), x) == 0``        for ``f`` declared convex or concave: the linear term of the drawn ``f``
                           shifted so that ``x`` is a stationary point (``zeros(n, 1)`` for a vector)
=========================  =====================================================================

Other equalities are only checked (draws that miss them are outside the domain).  A size at which no
value can satisfy an equality (``k > n`` for orthonormal columns) is outside the claim's domain.
"""

from __future__ import annotations

import sympy as sp
from sympy.matrices.expressions import Identity, MatMul, MatrixSymbol, Transpose

from formulas.nodes import D, ScalarField, ScalarOf

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


def _stationary(expr, other):
    """``(f, x)`` for ``D(f(x), x) == 0`` with ``x`` a declared scalar or vector, else None."""
    if isinstance(expr, ScalarOf):
        expr = expr.args[0]
    if not (isinstance(expr, D) and isinstance(expr.f, ScalarField) and expr.f.arg == expr.v
            and isinstance(expr.v, (sp.Symbol, MatrixSymbol))):
        return None
    zero = other == 0 or getattr(other, "is_ZeroMatrix", False) or (
        isinstance(other, sp.MatrixBase) and all(x == 0 for x in other))
    return (expr.f.name, expr.v.name) if zero else None


def recognised(constraints) -> dict:
    """``{symbol name: 'columns' | 'rows' | 'unit' | ('stationary', x)}`` for the equalities this module can
    build (a stationary point is built only for a drawn convex or concave function; others are checked)."""
    out = {}
    for c in constraints:
        if not isinstance(c, sp.Eq):
            continue
        for side, other in ((c.lhs, c.rhs), (c.rhs, c.lhs)):
            hit = _stationary(side, other)
            if hit is not None:
                out[hit[0]] = ("stationary", hit[1])
                continue
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
        if isinstance(kind, tuple):
            _stationary_torch(env, name, kind[1])
            continue
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


def _stationary_torch(env: dict, name: str, point: str) -> None:
    """Shift the linear term ``g`` of a drawn convex ``f`` by ``-s ∇f(x)``: then ``∇f(x) = 0`` (to rounding)."""
    import torch

    from ..evaluate_torch import TorchBackend
    from ..values import convex_key

    key = convex_key(name)
    if key not in env or point not in env:
        return  # not a drawn convex function: the constraint is only checked
    params = env[key]
    convex = TorchBackend()._convex
    z = env[point].reshape(-1)
    grad = torch.func.grad(lambda v: convex(params, v))(z)
    env[key] = (*params[:6], params[6] - params[8] * grad, *params[7:])


def _stationary_exact(env: dict, name: str, point: str) -> None:
    """The exact version: ``g`` becomes ``g - s ∇f(x)`` (sigmoids of rationals: exact expressions)."""
    from ..evaluate_exact import ExactBackend
    from ..values import convex_key

    key = convex_key(name)
    if key not in env or point not in env:
        return
    params = env[key]
    x = env[point]
    z0 = list(x) if isinstance(x, sp.MatrixBase) else [x]
    zs = [sp.Dummy(f"z{i}") for i in range(len(z0))]
    value = ExactBackend._convex(params, zs)
    at = dict(zip(zs, z0, strict=True))
    grad = [sp.diff(value, v).xreplace(at) for v in zs]
    env[key] = (*params[:6], [gi - params[8] * d for gi, d in zip(params[6], grad, strict=True)], *params[7:])


def apply_exact(kinds: dict, env: dict, rng) -> dict:
    env = dict(env)
    for name, kind in kinds.items():
        if isinstance(kind, tuple):
            _stationary_exact(env, name, kind[1])
            continue
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
