"""One point, decided exactly: does the claim hold there, fail there, or say nothing there?

A point is *in the claim's domain* when it satisfies the declared constraints
(``where``) and both sides evaluate to finite values.  Values follow SymPy's
semantics: functions are the principal branches over the complex numbers, so
``log(-1) = iπ`` and ``log(ab) = log a + log b`` fails at ``a = b = -1``; an
inequality needs both sides real.  A singular matrix, a division by zero, ``nan``
or ``zoo`` means the claim is undefined there, which is never a counterexample.

Equality of exact values: rationals are compared exactly; anything else is
evaluated to 50 significant digits and counts as different only when the
difference is clearly away from 0.
"""

from __future__ import annotations

import sympy as sp
from sympy.matrices.exceptions import NonInvertibleMatrixError

from ..evaluate import ExactBackend, Unsupported, evaluate

__all__ = ["HOLDS", "FAILS", "UNDEFINED", "classify", "render", "exact_sides"]

HOLDS, FAILS, UNDEFINED = "holds", "fails", "undefined"
_TINY = sp.Float("1e-30")
_UNDEFINED_ERRORS = (ZeroDivisionError, NonInvertibleMatrixError, ArithmeticError, ValueError, TypeError)


def _entries(v):
    if isinstance(v, sp.MatrixBase):
        return list(v)
    return [sp.sympify(v)]


def _finite(v) -> bool:
    for x in _entries(v):
        if x.has(sp.nan, sp.zoo, sp.oo, -sp.oo) or x.is_finite is False:
            return False
    return True


def exact_sides(expr, env: dict, sdims: dict):
    """Both sides of a relation at an exact point; raises on a point where they are undefined."""
    backend = ExactBackend()
    lhs = evaluate(expr.lhs, env, sdims, backend)
    rhs = evaluate(expr.rhs, env, sdims, backend)
    return lhs, rhs


def _numeric(d, digits: int = 50):
    d = sp.sympify(d)
    if d.is_Rational:
        return d
    d = sp.nsimplify(d) if d.is_number and d.has(sp.Float) else d
    return sp.N(d, digits)


def _equal(a, b):
    """True, False, or None when 50 digits cannot tell."""
    d = sp.sympify(a - b)
    if d.is_Rational:
        return d == 0
    try:
        v = sp.N(d, 50)
    except (TypeError, ValueError, ArithmeticError):
        return None
    re, im = v.as_real_imag()
    if not (re.is_number and im.is_number):
        return None
    scale = 1 + abs(sp.N(a, 20)) + abs(sp.N(b, 20))
    if abs(re) > _TINY * scale or abs(im) > _TINY * scale:
        return False
    if abs(re) < sp.Float("1e-40") * scale and abs(im) < sp.Float("1e-40") * scale:
        return True
    return None


def _relation_at(rel, lhs, rhs):
    """HOLDS / FAILS / UNDEFINED for one relation on exact values (``!=``, a ``where`` condition, is the
    equality's opposite, and undefined where the equality is)."""
    if rel is sp.Ne:
        return {HOLDS: FAILS, FAILS: HOLDS}.get(_relation_at(sp.Eq, lhs, rhs), UNDEFINED)
    if rel is sp.Eq:
        if isinstance(lhs, sp.MatrixBase) != isinstance(rhs, sp.MatrixBase):
            lhs, rhs = _as_scalar(lhs), _as_scalar(rhs)
        if isinstance(lhs, sp.MatrixBase) and lhs.shape != rhs.shape:
            return FAILS
        results = [_equal(a, b) for a, b in zip(_entries(lhs), _entries(rhs), strict=True)]
        if any(r is False for r in results):
            return FAILS
        return HOLDS if all(r is True for r in results) else UNDEFINED
    lhs, rhs = _as_scalar(lhs), _as_scalar(rhs)
    gap = sp.sympify(lhs - rhs)
    if not gap.is_Rational:
        v = sp.N(gap, 50)
        re, im = v.as_real_imag()
        if not re.is_number or abs(sp.N(im, 50)) > _TINY:
            return UNDEFINED  # an inequality between non-real numbers says nothing
        if abs(re) < _TINY * (1 + abs(sp.N(lhs, 20)) + abs(sp.N(rhs, 20))):
            return UNDEFINED if rel in (sp.Lt, sp.Gt) else HOLDS
        gap = re
    ok = {sp.Le: gap <= 0, sp.Lt: gap < 0, sp.Ge: gap >= 0, sp.Gt: gap > 0}[rel]
    return HOLDS if bool(ok) else FAILS


def _as_scalar(v):
    if isinstance(v, sp.MatrixBase) and v.shape == (1, 1):
        return v[0, 0]
    return v


def _admissible_scalar(v, flags) -> bool:
    if "positive" in flags and not v > 0:
        return False
    if ("nonnegative" in flags or "unit" in flags) and not v >= 0:
        return False
    if "unit" in flags and not v <= 1:
        return False
    if "integer" in flags and not v.is_integer:
        return False
    return not ("nonzero" in flags and v == 0)


def _admissible_matrix(m, flags) -> bool:
    if {"symmetric", "spd", "psd"} & flags and m != m.T:
        return False
    if "spd" in flags and not all(m[:k, :k].det() > 0 for k in range(1, m.rows + 1)):
        return False
    if "psd" in flags and not m.is_positive_semidefinite:
        return False
    if "orthogonal" in flags and m.T * m != sp.eye(m.cols):
        return False
    if "diagonal" in flags and not m.is_diagonal():
        return False
    return not ("invertible" in flags and m.det() == 0)


def admissible(declared: dict, env: dict) -> bool:
    """Whether exact values satisfy their declarations (a rounded SPD matrix may not be SPD)."""
    for name, sym in declared.items():
        v = env.get(name)
        if v is None or sym.kind not in ("scalar", "vector", "matrix"):
            continue
        if not isinstance(v, sp.MatrixBase):
            if not v.is_number or not _admissible_scalar(sp.sympify(v), sym.flags):
                return False
            continue
        if any(not x.is_number for x in v):
            continue  # symbolic values (generic environments) satisfy their declarations by construction
        if sym.kind == "vector":
            if "positive" in sym.flags and not all(x > 0 for x in v):
                return False
            if ({"nonnegative", "probability"} & sym.flags) and not all(x >= 0 for x in v):
                return False
            if "probability" in sym.flags and sum(v) != 1:
                return False
            if "nonzero" in sym.flags and all(x == 0 for x in v):
                return False
        elif not _admissible_matrix(v, sym.flags):
            return False
    return True


def classify(entry, env: dict, sdims: dict):
    """``(status, lhs, rhs)`` at the exact point ``env``; lhs/rhs are None unless both are defined.

    A point whose values break their declarations (a rounded SPD matrix that is not SPD) is outside the
    claim's domain: ``UNDEFINED``."""
    if not admissible(entry.declared, env):
        return UNDEFINED, None, None
    try:
        for c in entry.constraints:
            cl, cr = exact_sides(c, env, sdims)
            if not (_finite(cl) and _finite(cr)) or _relation_at(type(c), cl, cr) != HOLDS:
                return UNDEFINED, None, None
        lhs, rhs = exact_sides(entry.expr, env, sdims)
    except Unsupported:
        raise
    except _UNDEFINED_ERRORS:
        return UNDEFINED, None, None
    if not (_finite(lhs) and _finite(rhs)):
        return UNDEFINED, None, None
    try:
        status = _relation_at(type(entry.expr), lhs, rhs)
    except _UNDEFINED_ERRORS:
        return UNDEFINED, None, None
    return status, lhs, rhs


def exact_counterexample(env: dict, lhs, rhs, dims: dict, note=None) -> dict:
    """The record of an exact counterexample: the sizes, the point and both sides, rendered."""
    out = {"sizes": dims, "values": {k: render(v) for k, v in env.items()}, "lhs": render(lhs),
           "rhs": render(rhs), "exact": True}
    if note:
        out["note"] = note
    return out


def render(value):
    """A counterexample value as text (matrices as nested lists of entries)."""
    if isinstance(value, sp.MatrixBase):
        return [[str(x) for x in row] for row in value.tolist()]
    return str(value)


def random_point(declared: dict, dims: dict, rng) -> dict:
    """Exact random values satisfying each declaration (rationals; SPD as ``AAᵀ + I``, ...).

    Raises :class:`~verify.evaluate.Unsupported` for kinds without exact values (random variables,
    declared functions)."""
    from ..values import _shape

    def q():
        return sp.Rational(rng.randint(-9, 9), rng.randint(1, 4))

    env = {}
    for name, sym in declared.items():
        if sym.kind == "scalar":
            if "unit" in sym.flags:
                v = sp.Rational(rng.randint(1, 9), 10)
            elif "positive" in sym.flags:
                v = sp.Rational(rng.randint(1, 9), rng.randint(1, 4))
            elif "nonnegative" in sym.flags:
                v = sp.Rational(rng.randint(0, 9), rng.randint(1, 4))
            elif "integer" in sym.flags:
                v = sp.Integer(rng.randint(-4, 4))
            else:
                v = q()
                while "nonzero" in sym.flags and v == 0:
                    v = q()
            env[name] = v
        elif sym.kind == "vector":
            (n,) = _shape(sym, dims)
            if "probability" in sym.flags:
                w = [rng.randint(1, 9) for _ in range(n)]
                env[name] = sp.Matrix([sp.Rational(x, sum(w)) for x in w])
            elif {"positive", "nonnegative"} & sym.flags:
                env[name] = sp.Matrix([sp.Rational(rng.randint(1, 9), rng.randint(1, 4)) for _ in range(n)])
            else:
                env[name] = sp.Matrix([q() for _ in range(n)])
        elif sym.kind == "matrix":
            r, c = _shape(sym, dims)
            a = sp.Matrix(r, c, lambda i, j: q())
            if "spd" in sym.flags:
                a = a * a.T + sp.eye(r)
            elif "psd" in sym.flags:
                a = a * a.T
            elif "orthogonal" in sym.flags:  # a rotation (Cayley), times a reflection half of the time
                skew = (a - a.T) / 2
                a = (sp.eye(r) - skew) * (sp.eye(r) + skew).inv()
                if rng.random() < 0.5:
                    a = a * sp.diag(-1, *([1] * (r - 1)))
            elif "diagonal" in sym.flags:
                a = sp.diag(*[q() for _ in range(r)])  # any sign: "diagonal" says nothing of it
            elif "symmetric" in sym.flags:
                a = a + a.T
            env[name] = a
        else:
            raise Unsupported(f"{sym.kind} symbols have no exact random values")
    return env
