"""Exact parameter points for numeric checks: rationals and integer matrices that satisfy the declarations.

Scalars follow their flags (``positive`` in (0, 4], ``unit`` in (0, 1), ``integer``
ones integers: an integer ``unit`` is 0 or 1, a ``nonzero`` one never 0); vectors
and matrices are drawn at concrete sizes (``spd`` as ``A A^T + I``, ``probability``
as normalised positive integers).  A point must also
satisfy the families' parameter domains and the claim's ``where`` relations;
:func:`holds_at` decides those exactly (an undecidable relation rejects the point).
"""

from __future__ import annotations

import random

import sympy as sp
from sympy.matrices.expressions import MatrixSymbol

from formulas.spec import dim_symbol

__all__ = ["draw_point", "holds_at", "substitute", "render"]


def _scalar(flags, rng: random.Random, wide: bool):
    if "integer" in flags:  # an integer unit is 0 or 1; a nonzero integer is never 0
        low = 1 if "positive" in flags else 0 if {"nonnegative", "unit"} & flags else -4
        value = sp.Integer(rng.randint(low, 1 if "unit" in flags else 6))
        return sp.Integer(1) if "nonzero" in flags and value == 0 else value
    if "unit" in flags:
        q = rng.randint(2, 12)
        return sp.Rational(rng.randint(1, q - 1), q)
    scale = 12 if wide else 4
    if "positive" in flags:
        return sp.Rational(rng.randint(1, 4 * scale), 4)
    if "nonnegative" in flags:
        return sp.Rational(rng.randint(0, 4 * scale), 4)
    value = sp.Rational(rng.randint(-4 * scale, 4 * scale), 4)
    if "nonzero" in flags and value == 0:
        value = sp.Integer(1)
    return value


def _matrix(flags, r: int, c: int, rng: random.Random):
    ints = lambda rows, cols: sp.Matrix(rows, cols, lambda i, j: rng.randint(-3, 3))  # noqa: E731
    if "probability" in flags:
        w = [rng.randint(1, 6) for _ in range(r)]
        return sp.Matrix([sp.Rational(x, sum(w)) for x in w])
    if {"positive"} & flags:
        return sp.Matrix(r, c, lambda i, j: sp.Rational(rng.randint(1, 12), 4))
    if "spd" in flags:
        a = ints(r, r)
        return a * a.T + sp.eye(r)
    if "psd" in flags:
        a = ints(r, max(1, r - 1))
        return a * a.T
    if "symmetric" in flags:
        a = ints(r, r)
        return a + a.T
    if "diagonal" in flags:
        return sp.diag(*[rng.randint(1, 4) for _ in range(r)])
    if "invertible" in flags or "orthogonal" in flags:
        while True:
            a = ints(r, r)
            if a.det() != 0:
                return a
    return ints(r, c)


def draw_point(declared: dict, symbols, rng: random.Random, dims: dict, wide: bool = False) -> dict:
    """Values for the given free symbols (SymPy symbols and matrix symbols), keyed by the symbols."""
    from sympy.stats.rv import RandomSymbol

    point = {}
    for s in sorted(symbols, key=sp.default_sort_key):
        if isinstance(s, RandomSymbol):
            continue  # drawn after the parameters: see support_values
        sym = declared.get(getattr(s, "name", str(s)))
        flags = sym.flags if sym is not None else _moment_flags(s)
        if isinstance(s, MatrixSymbol):
            r, c = (int(sp.sympify(d).subs(dims)) for d in s.shape)
            point[s] = sp.ImmutableMatrix(_matrix(flags, r, c, rng))
        elif s in dims:
            continue
        else:
            point[s] = _scalar(flags, rng, wide)
    return point


def support_values(atoms, point: dict, dims: dict, rng: random.Random) -> dict | None:
    """Values inside the supports of random variables' laws, their parameters at the point: a claim about a
    conditional quantity (``Var(N | L) == L``) is an identity in the conditioning variable for almost every value
    of it.  None when a support is not known at the point (no value is then safe to use)."""
    from verify.probability.laws import law_of

    out = {}
    for x in sorted(atoms, key=sp.default_sort_key):
        law = law_of(x)
        if law is None:
            return None
        params = [substitute(p, {**point, **out}, dims) for p in law.params]
        low, high = law.spec.support(*params)
        value = _inside(law.spec.discrete, sp.sympify(low), sp.sympify(high), rng)
        if value is None:
            return None
        out[x] = value
    return out


def _inside(discrete: bool, low, high, rng: random.Random):
    if not (low.is_number or low.is_infinite) or not (high.is_number or high.is_infinite):
        return None
    if discrete:
        lo = int(low) if low.is_Integer else 0
        hi = int(high) if high.is_Integer else lo + 6
        return sp.Integer(rng.randint(lo, max(lo, hi)))
    if low.is_finite and high.is_finite:
        return low + (high - low) * sp.Rational(rng.randint(1, 9), 10)
    if low.is_finite:
        return low + sp.Rational(rng.randint(1, 16), 4)
    if high.is_finite:
        return high - sp.Rational(rng.randint(1, 16), 4)
    return sp.Rational(rng.randint(-8, 8), 4)


def _moment_flags(s) -> frozenset:
    """Flags of the engine's own symbols (moments of variables without a law)."""
    if s.is_positive:
        return frozenset({"positive"})
    if s.is_nonnegative:
        return frozenset({"nonnegative"})
    return frozenset()


def substitute(expr, point: dict, dims: dict):
    """``expr`` at the point and sizes, with explicit matrices multiplied out and 1x1 products as scalars."""
    from formulas.nodes import ScalarOf

    out = expr.xreplace({**point, **{k: sp.Integer(v) for k, v in dims.items()}})

    def explicit(n):
        m = n.args[0]
        if m.atoms(MatrixSymbol):
            return n
        return sp.Matrix(m.doit().as_explicit())[0, 0]

    for _ in range(3):
        out = out.replace(lambda n: isinstance(n, ScalarOf), explicit)
        out = out.doit()
        if not out.has(ScalarOf):
            break
    return out


def holds_at(relations, point: dict, dims: dict) -> bool:
    for rel in relations:
        value = substitute(rel, point, dims)
        if value is sp.true:
            continue
        if value is sp.false:
            return False
        try:
            if isinstance(value, sp.core.relational.Relational):
                d = sp.N(value.lhs - value.rhs, 30)
                ok = {sp.Lt: d < 0, sp.Le: d <= 0, sp.Gt: d > 0, sp.Ge: d >= 0, sp.Eq: d == 0, sp.Ne: d != 0}
                if bool(ok.get(type(value), False)) and d.is_comparable:
                    continue
        except TypeError:
            pass
        return False
    return True


def render(point: dict, dims: dict) -> dict:
    out = {str(k): str(v) for k, v in dims.items()}
    for k, v in point.items():
        out[str(k)] = [[str(x) for x in row] for row in v.tolist()] if isinstance(v, sp.MatrixBase) else str(v)
    return out


def size_choices(symbols) -> list[dict]:
    """Concrete sizes for the size letters among the symbols' shapes: all 2, then all 3."""
    letters = set()
    for s in symbols:
        for d in getattr(s, "shape", ()):
            letters |= {x for x in sp.sympify(d).free_symbols}
    letters = sorted(letters, key=str)
    if not letters:
        return [{}]
    return [{dim_symbol(str(d)): v for d in letters} for v in (2, 3)]
