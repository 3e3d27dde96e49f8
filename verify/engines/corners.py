"""Points on the boundary of the declared domain, tried before any random search.

A random draw almost never lands on the edge of a closed domain, and that is where strict
inequalities fail: ``x[0] > 0`` for a probability vector (at the vertex e₁), ``a < 1`` for
``a: scalar unit`` (at a = 1), ``det(diag(x)) > 0`` for a nonnegative x (one entry 0),
``xᵀy > 0`` with y nonnegative (y = 0).  Each corner is a point *inside* the declarations (a
closed flag includes its boundary), so a failure there is a counterexample; every point is
still decided by :func:`verify.engines.points.classify`, which rejects inadmissible ones.

The corners of one symbol are combined with a random exact point for the others
(:func:`verify.engines.points.random_point`), one symbol at a time and then all at once.
"""

from __future__ import annotations

import itertools
import random

import sympy as sp

__all__ = ["corner_points"]


def _scalar_corners(flags) -> list:
    """Boundary values of a scalar with these flags, each inside them (a closed flag includes its boundary)."""
    if "integer" in flags:  # the boundary of the declared integers (1/1000 or 1000 would not be one, or
        if "positive" in flags:  # would make an exact matrix power Xᵏ run for minutes)
            candidates = [1, 2]
        elif "nonnegative" in flags or "unit" in flags:
            candidates = [0, 1]
        else:
            candidates = [0, -1, 1]
    elif "unit" in flags:
        candidates = [0, 1, sp.Rational(1, 1000)]
    elif "positive" in flags:
        candidates = [sp.Rational(1, 1000), 1000]
    elif "nonnegative" in flags:
        candidates = [0, sp.Rational(1, 1000), 1000]
    elif "nonzero" in flags:
        candidates = [-1, sp.Rational(1, 1000)]
    else:
        candidates = [0, -1, sp.Rational(1, 1000)]
    return [sp.sympify(c) for c in candidates if _within(sp.sympify(c), flags)] or [sp.Integer(1)]


def _within(value, flags) -> bool:
    tests = {"positive": value > 0, "nonnegative": value >= 0, "nonzero": value != 0,
             "unit": 0 <= value <= 1, "integer": value.is_integer}
    return all(bool(tests[f]) for f in flags if f in tests)


def _unit(n: int, k: int) -> sp.Matrix:
    return sp.Matrix([1 if i == k else 0 for i in range(n)])


def _vector_corners(flags, n: int, base: sp.Matrix) -> list:
    if "probability" in flags:
        return [_unit(n, 0), _unit(n, n - 1)]
    out = [_unit(n, 0)]
    if "nonzero" not in flags:
        out.append(sp.zeros(n, 1))
    if n > 1:  # one entry on the boundary, the others as drawn
        one = sp.Matrix(base)
        one[0] = 0
        out.append(one)
    if not {"positive", "nonnegative"} & flags:
        out.append(-_unit(n, 0))
    return out


def _matrix_corners(flags, r: int, c: int, base: sp.Matrix) -> list:
    if {"invertible", "spd", "orthogonal"} & flags:
        return []  # open or rigid domains: no boundary inside them
    if "psd" in flags:
        v = sp.Matrix([1 if i == 0 else 0 for i in range(r)])
        return [sp.zeros(r, r), v * v.T]
    if "diagonal" in flags:
        d = [base[i, i] for i in range(r)]
        return [sp.diag(0, *d[1:]), sp.diag(-1, *[abs(x) + 1 for x in d[1:]])]
    if "symmetric" in flags:
        return [sp.zeros(r, r)]
    one = sp.Matrix(base)
    one[0, :] = sp.zeros(1, c)  # a rank-deficient point
    return [sp.zeros(r, c), one]


def _corners(sym, dims: dict, base):
    from ..values import _shape

    if sym.kind == "scalar":
        return _scalar_corners(sym.flags)
    if sym.kind == "vector":
        (n,) = _shape(sym, dims)
        return _vector_corners(sym.flags, n, base)
    if sym.kind == "matrix":
        r, c = _shape(sym, dims)
        return _matrix_corners(sym.flags, r, c, base)
    return []


def corner_points(declared: dict, dims: dict, seed: int = 0, limit: int = 40):
    """Exact environments with one symbol, then every symbol, on the boundary of its declaration."""
    from .points import random_point

    rng = random.Random(seed)
    base = random_point(declared, dims, rng)
    per = {name: _corners(sym, dims, base[name]) for name, sym in declared.items() if name in base}
    count = 0
    for name, values in per.items():
        for v in values:
            if count >= limit:
                return
            count += 1
            yield {**base, name: v}
    names = [n for n, vs in per.items() if vs]
    if len(names) < 2:
        return
    for combo in itertools.product(*(per[n] for n in names)):
        if count >= limit:
            return
        count += 1
        yield {**base, **dict(zip(names, combo, strict=True))}
