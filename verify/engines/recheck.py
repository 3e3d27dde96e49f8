"""Float64 draws re-checked exactly: a violation is a counterexample only if exact arithmetic agrees.

A failing draw (or one where a side is not finite, which may hide a complex value) is turned into
exact points *near* it: its values rounded to multiples of 1/8, then of 1/1024 (dyadic rationals, so
the rounding is exact), rebuilt to satisfy the declarations exactly (a symmetric matrix symmetrised, an
orthogonal one through a Cayley transform, ``where`` equalities such as ``WᵀW = I`` re-drawn) and
decided by :func:`verify.engines.points.classify`, which also rejects points that break their
declarations.  Small denominators keep counterexamples readable and keep exact powers such as
``a^(b c)`` cheap (the full binary expansion of a float would make them astronomically slow).
"""

from __future__ import annotations

import random

from formulas.nodes import MatrixField, ScalarField, VectorField

from ..evaluate import Unsupported
from .equalities import NoValue, apply_exact, recognised
from .numeric import REFUTE_RTOL, exact_from_draw
from .points import FAILS, HOLDS, classify, exact_counterexample
from .sizes import sym_dims, used_declared

__all__ = ["recheck_failing", "recheck_outside"]

DENOMINATORS = (8, 1024)


def _rounded(env: dict, denominator: int) -> dict:
    import torch

    out = {}
    for k, v in env.items():
        if k.startswith("__convex_"):  # a drawn convex function: its parameters rounded too (signs are kept)
            out[k] = _rounded_convex(v, denominator)
            continue
        if k.startswith("__") or not hasattr(v, "dim"):
            out[k] = v
            continue
        out[k] = torch.round(v * denominator) / denominator
    return out


def _rounded_convex(params, denominator: int) -> tuple:
    """The parameters of :func:`verify.values.convex_params` on a grid: ``c >= 0`` stays ``>= 0``, ``beta >= 1``
    and a strict ``mu >= 1/4`` stay positive, the sign stays ±1, so the rounded function is in the family."""
    import torch

    return tuple(torch.round(p * denominator) / denominator for p in params)


def _exact_points(entry, env: dict):
    declared = used_declared(entry)
    kinds = recognised(entry.constraints)
    rng = random.Random(0)
    for denominator in DENOMINATORS:
        try:
            point = exact_from_draw(declared, _rounded(env, denominator))
            if kinds:
                point = apply_exact(kinds, point, rng)
        except NoValue:
            return
        yield point


def _classified(entry, env: dict, dims: dict):
    """The first exact point near the draw where the claim fails, else the statuses seen."""
    seen = set()
    for point in _exact_points(entry, env):
        try:
            status, lhs, rhs = classify(entry, point, sym_dims(dims))
        except (Unsupported, ValueError, TypeError, ArithmeticError):
            continue
        if status == FAILS:
            return point, lhs, rhs, seen
        seen.add(status)
    return None, None, None, seen


def _float_values(env: dict) -> dict:
    out = {}
    for k, v in env.items():
        if k.startswith("__"):
            continue
        out[k] = [[f"{x:.6g}" for x in row] for row in v.reshape(v.shape[0], -1).tolist()] if v.dim() \
            else f"{float(v):.6g}"
    return out


def _record(point: dict, lhs, rhs, dims: dict, note=None) -> dict:
    """The exact counterexample; a drawn convex or concave function is written out under ``functions`` (its
    parameters are exact rationals), not among the point's values."""
    from ..values import describe_convex

    drawn = {k[len("__convex_"):]: v for k, v in point.items() if k.startswith("__convex_")}
    if not drawn:
        return exact_counterexample(point, lhs, rhs, dims, note)
    where = "at a function drawn from the declared shape class, re-checked exactly (transcendental values at 50 " \
            "digits)"
    cex = exact_counterexample({k: v for k, v in point.items() if not k.startswith("__")}, lhs, rhs, dims,
                               f"{note}; {where}" if note else where)
    cex["functions"] = {name: describe_convex(params) for name, params in drawn.items()}
    return cex


def recheck_failing(entry, failing) -> tuple[dict | None, str | None]:
    """``(counterexample, note)``: an exact counterexample near a failing draw, or a note when the exact
    re-check holds where float64 failed (rounding)."""
    note = None
    for dims, env, amount in failing:
        try:
            point, lhs, rhs, seen = _classified(entry, env, dims)
        except Unsupported:  # declared functions: no exact values exist; a large violation still counts
            if amount > REFUTE_RTOL and entry.expr.atoms(ScalarField, VectorField, MatrixField):
                cex = {"sizes": dims, "values": _float_values(env), "exact": False,
                       "note": f"float64 draw with random smooth functions; violated by {amount:.3g} (relative)"}
                drawn = {k[len("__convex_"):]: v for k, v in env.items() if k.startswith("__convex_")}
                if drawn:  # with a generic function beside it: the convex one is still written out
                    from ..values import describe_convex

                    cex["functions"] = {name: describe_convex(params) for name, params in drawn.items()}
                return cex, None
            continue
        if point is not None:
            return _record(point, lhs, rhs, dims), None
        if HOLDS in seen:
            note = (f"a float64 draw at sizes {dims or 'scalar'} violated the claim by {amount:.3g}, but it holds "
                    "exactly at the rational points next to it (rounding)")
    return None, note


def recheck_outside(entry, undefined) -> dict | None:
    """Draws where a side is not finite in float64: exactly, a complex value may still be a counterexample."""
    for dims, env in undefined:
        try:
            point, lhs, rhs, _ = _classified(entry, env, dims)
        except Unsupported:
            continue
        if point is not None:
            return _record(point, lhs, rhs, dims, "a side is not real here; values follow SymPy's principal branches")
    return None

