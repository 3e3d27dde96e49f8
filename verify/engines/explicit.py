"""Exact algebra on explicit matrices of symbols at concrete sizes: evidence, size by size.

At each size the declared matrices become matrices of symbols with their structure
(a symmetric matrix shares ``a_ij = a_ji``; an orthogonal one is a Cayley transform of
a skew matrix of symbols), derivatives are taken entry by entry, and the residual is
simplified without forced rewrites.  A zero residual is a proof *at that size* only:
the verdict is ``confirmed`` with the sizes listed, unless the symbolic engine proves
the claim at every size.  A nonzero residual is not yet a refutation: random rational
points are tried until one is inside the domain and fails (an exact counterexample).
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass, field

import sympy as sp

from ..evaluate import ExactBackend, Unsupported, evaluate
from ..result import Method
from ..tensor.zero import scalar_is_zero
from ..values import Inapplicable, generic_env
from .equalities import NoValue, apply_exact, recognised
from .points import FAILS, classify, exact_counterexample, random_point
from .sizes import sizes_text, sym_dims, used_declared

__all__ = ["ExplicitEvidence", "exact_explicit", "MAX_EXACT_SYMBOLS"]

MAX_EXACT_SYMBOLS = 16  # beyond one size, larger generic matrices make exact simplification too slow


@dataclass
class ExplicitEvidence:
    method: Method | None = None
    sizes: list = field(default_factory=list)  # sizes where the residual is exactly 0
    counterexample: dict | None = None
    shape_mismatch: str | None = None


def _symbol_count(env: dict) -> int:
    free = set()
    for value in env.values():
        if isinstance(value, (sp.MatrixBase, sp.Basic)):
            free |= value.free_symbols
    return len(free)


def _residuals(lhs, rhs):
    def unwrap(v):
        return v[0, 0] if isinstance(v, sp.MatrixBase) and v.shape == (1, 1) else v

    lhs, rhs = unwrap(lhs), unwrap(rhs)
    lm, rm = isinstance(lhs, sp.MatrixBase), isinstance(rhs, sp.MatrixBase)
    if lm != rm or (lm and lhs.shape != rhs.shape):
        raise ValueError(f"the two sides have different shapes: {getattr(lhs, 'shape', (1, 1))} vs "
                         f"{getattr(rhs, 'shape', (1, 1))}")
    return list(lhs - rhs) if lm else [lhs - rhs]


def _nonnegative(gap, strict):
    for form in (gap, sp.factor(gap), sp.expand(gap), sp.simplify(gap)):
        if form.is_positive if strict else form.is_nonnegative:
            return True
    return False


def _components(entry, env: dict) -> list[dict]:
    """The generic environment, and for each orthogonal matrix (a Cayley rotation) its reflection too."""
    out = [env]
    for name, sym in used_declared(entry).items():
        if "orthogonal" in sym.flags and name in env:
            m = env[name]
            reflect = sp.diag(-1, *([1] * (m.rows - 1)))
            out = out + [dict(e, **{name: m * reflect}) for e in out]
    return out


def _has_inverse(expr) -> bool:
    from sympy.matrices.expressions import Determinant, Inverse

    return bool(expr.atoms(Inverse, Determinant))


def _too_costly(expr, dims: dict) -> bool:
    """Whether explicit symbolic matrices at these sizes would take too long to simplify.

    Powers and inverses of generic matrices grow fast: A¹² of a symmetric 3 × 3 matrix of symbols
    already takes minutes, and a symbolic 5 × 5 determinant has 120 products of five entries."""
    from sympy.matrices.expressions import Determinant, Inverse, MatPow

    from .sizes import sym_dims

    subs = sym_dims(dims)
    for d in expr.atoms(Determinant, Inverse):
        size = sp.sympify(d.arg.shape[0]).subs(subs)
        if size.is_Integer and int(size) > 4:  # a symbolic 5 × 5 determinant already has 120 terms of products
            return True
    big = max(dims.values(), default=1)
    if big < 3:
        return False
    powers = [abs(int(p.exp)) for p in expr.atoms(MatPow) if p.exp.is_Integer]
    inverses = len(expr.atoms(Inverse))
    return any(k > 4 for k in powers) or inverses > 2


def _find_failing_point(entry, dims, seed, tries=12):
    rng = random.Random(seed)
    sdims = sym_dims(dims)
    for _ in range(tries):
        try:
            env = apply_exact(recognised(entry.constraints), random_point(used_declared(entry), dims, rng), rng)
            status, lhs, rhs = classify(entry, env, sdims)
        except NoValue:
            return None
        except Unsupported:
            return None
        if status == FAILS:
            return exact_counterexample(env, lhs, rhs, dims)
    return None


def exact_explicit(entry, sizes: list[dict], budget: float, seed: int = 0) -> ExplicitEvidence:
    t0 = time.perf_counter()
    ev = ExplicitEvidence()
    rel = type(entry.expr)
    backend = ExactBackend()

    def done(outcome, detail):
        ev.method = Method("exact-explicit", outcome, detail, round(time.perf_counter() - t0, 4))
        return ev

    from ..sandbox.cost import explicit_too_costly

    why = explicit_too_costly(entry)
    if why:
        return done("skipped", why)
    for dims in sizes:
        if max(dims.values(), default=1) > 3 or time.perf_counter() - t0 > budget:
            continue
        if _too_costly(entry.expr, dims):
            continue
        try:
            env = generic_env(used_declared(entry), dims, entry.objects)
            if _symbol_count(env) > MAX_EXACT_SYMBOLS and (ev.sizes or _has_inverse(entry.expr)):
                continue
            diffs = []
            for variant in _components(entry, env):  # both components of O(n) for orthogonal matrices
                lhs = evaluate(entry.expr.lhs, variant, sym_dims(dims), backend)
                rhs = evaluate(entry.expr.rhs, variant, sym_dims(dims), backend)
                diffs.extend(_residuals(lhs, rhs))
        except (Inapplicable, Unsupported) as err:
            return done("skipped", str(err))
        except ValueError as err:
            if "different shapes" in str(err) or "shape mismatch" in str(err):
                ev.shape_mismatch = f"at sizes {dims}: {err}"
                return done("fails", ev.shape_mismatch)
            continue  # a singular generic matrix at this size: the claim says nothing here
        except (ZeroDivisionError, ArithmeticError, sp.matrices.exceptions.NonInvertibleMatrixError):
            continue
        if rel is sp.Eq:
            if all(scalar_is_zero(d) for d in diffs):
                ev.sizes.append(dims)
                continue
        else:  # one scalar residual per component (orthogonal matrices: rotations and reflections)
            gaps = [d if rel in (sp.Ge, sp.Gt) else -d for d in diffs]
            if all(_nonnegative(gap, strict=rel in (sp.Lt, sp.Gt)) for gap in gaps):
                ev.sizes.append(dims)
                continue
        ev.counterexample = _find_failing_point(entry, dims, seed)
        if ev.counterexample is not None:
            return done("fails", f"at sizes {dims or 'scalar'}: exact counterexample at a rational point")
        return done("inconclusive", f"at sizes {dims or 'scalar'}: the residual is not shown to vanish, and no "
                    "rational point tried is a counterexample")
    if ev.sizes:
        return done("holds", "exact at sizes " + sizes_text(ev.sizes) + " (evidence for those sizes only)")
    return done("skipped", "no size small enough within the time budget")
