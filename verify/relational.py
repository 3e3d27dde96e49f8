"""Run the engines on a relational claim over scalars, vectors and matrices; gather the evidence.

Order (each step only where the earlier ones leave the claim open):

1. ``symbolic-general`` -- a proof at symbolic size (:mod:`verify.engines.symbolic`);
2. ``torch-autograd`` -- float64 draws, always, as the cross-check of a proof;
   draws that violate the claim or leave the domain are re-checked exactly;
3. ``counterexample-search`` -- exact small values, when the claim is not proved;
4. ``exact-explicit`` -- explicit matrices of symbols at listed sizes, when not proved
   and not refuted (evidence for those sizes);
5. the SymPy audit of ``D`` nodes of a proved claim (a conflict note where
   SymPy's own matrix derivative is wrong).

:func:`verify.check.check` turns the :class:`Evidence` into a verdict.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from formulas.nodes import D, ScalarField, VectorField, shape_of

from .engines.equalities import NoValue, apply_exact, recognised
from .engines.explicit import exact_explicit
from .engines.numeric import REFUTE_RTOL, exact_from_draw, torch_numeric
from .engines.points import FAILS, HOLDS, classify, render
from .engines.search import counterexample_search
from .engines.sizes import dims_of, size_assignments, sym_dims, used_declared
from .engines.symbolic import symbolic_general, sympy_diff_audit
from .evaluate import Unsupported

__all__ = ["Evidence", "check_relational"]


@dataclass
class Evidence:
    """What the engines found."""

    methods: list = field(default_factory=list)
    proved: bool = False  # an exact proof at symbolic size
    counterexample: dict | None = None  # an exact (or, for declared functions, float64) failing point
    confirmed_sizes: list = field(default_factory=list)  # exact residual 0 at these sizes
    numeric_holds: bool | None = None  # every float64 draw agrees (None: no draw evaluated)
    numeric_unconfirmed: str | None = None  # a float64 violation that the exact re-check did not confirm
    shape_mismatch: str | None = None
    conflicts: list = field(default_factory=list)
    outside: int = 0  # draws outside the domain


def _readable(entry, point: dict, dims: dict):
    """The point with small denominators, if the claim still fails there (counterexamples people can read)."""
    from .engines.numeric import exact_from_draw

    def rounded(v):
        import sympy as sp

        def r(x):
            return sp.Rational(round(float(x) * 8), 8)  # eighths are exact in binary floating point

        return v.applyfunc(r) if isinstance(v, sp.MatrixBase) else r(v)

    import random

    try:
        small = exact_from_draw(used_declared(entry), {k: _as_float(rounded(v)) for k, v in point.items()})
        kinds = recognised(entry.constraints)
        if kinds:
            small = apply_exact(kinds, small, random.Random(1))
        status, lhs, rhs = classify(entry, small, sym_dims(dims))
    except (Unsupported, ValueError, TypeError, ArithmeticError):
        return None
    return (small, lhs, rhs) if status == FAILS else None


def _as_float(v):
    import torch

    if hasattr(v, "tolist"):
        return torch.tensor([[float(x) for x in row] for row in v.tolist()], dtype=torch.float64)
    return torch.tensor(float(v), dtype=torch.float64)


def _counterexample(entry, point, lhs, rhs, dims, note=None) -> dict:
    better = _readable(entry, point, dims)
    if better is not None:
        point, lhs, rhs = better
    out = {"sizes": dims, "values": {k: render(v) for k, v in point.items()}, "lhs": render(lhs),
           "rhs": render(rhs), "exact": True}
    if note:
        out["note"] = note
    return out


def _recheck(entry, failing, ev: Evidence) -> dict | None:
    """An exact counterexample from the failing float draws, or None."""
    import random

    kinds = recognised(entry.constraints)
    rng = random.Random(0)
    for dims, env, amount in failing:
        try:
            point = exact_from_draw(used_declared(entry), env)
            if kinds:  # rounding breaks WᵀW = I: rebuild those symbols exactly (another point of the domain)
                point = apply_exact(kinds, point, rng)
        except (Unsupported, NoValue):
            if amount > REFUTE_RTOL and entry.expr.atoms(ScalarField, VectorField):
                return {"sizes": dims, "values": _float_values(env), "exact": False,
                        "note": f"float64 draw with random smooth functions; violated by {amount:.3g} (relative)"}
            continue
        try:
            status, lhs, rhs = classify(entry, point, sym_dims(dims))
        except (Unsupported, ValueError, TypeError, ArithmeticError):
            continue
        if status == FAILS:
            return _counterexample(entry, point, lhs, rhs, dims)
        if status == HOLDS:
            ev.numeric_unconfirmed = (f"a float64 draw at sizes {dims or 'scalar'} violated the claim by "
                                      f"{amount:.3g}, but it holds exactly there (rounding)")
    return None


def _float_values(env: dict) -> dict:
    out = {}
    for k, v in env.items():
        if k.startswith("__"):
            continue
        if v.dim():
            out[k] = [[f"{x:.6g}" for x in row] for row in v.reshape(v.shape[0], -1).tolist()]
        else:
            out[k] = f"{float(v):.6g}"
    return out


def _outside_points(entry, undefined, ev: Evidence) -> dict | None:
    """Draws where a side is not finite in float64: exactly, a complex value may still be a counterexample."""
    for dims, env in undefined:
        try:
            point = exact_from_draw(used_declared(entry), env)
            status, lhs, rhs = classify(entry, point, sym_dims(dims))
        except (Unsupported, ValueError, TypeError, ArithmeticError):
            continue
        if status == FAILS:
            return _counterexample(entry, point, lhs, rhs, dims,
                                   "a side is not real here; values follow SymPy's principal branches")
    return None


def check_relational(entry, *, draws: int = 16, seed: int = 0, budget: float = 8.0) -> Evidence:
    ev = Evidence()
    try:
        shape_of(entry.expr.lhs), shape_of(entry.expr.rhs)
    except ValueError as err:
        ev.shape_mismatch = str(err)
        return ev
    sizes = size_assignments(dims_of(entry))
    method, ev.proved = symbolic_general(entry)
    ev.methods.append(method)

    numeric = torch_numeric(entry, sizes, draws, seed)
    if numeric.method is not None:
        ev.methods.append(numeric.method)
    if numeric.shape_mismatch:
        ev.shape_mismatch = numeric.shape_mismatch
        return ev
    ev.numeric_holds = numeric.holds
    ev.outside = len(numeric.undefined)
    if numeric.failing and not ev.proved:  # small exact values first: they make readable counterexamples
        search, ev.counterexample = counterexample_search(entry, sizes, budget / 4)
        ev.methods.append(search)
    if numeric.failing and ev.counterexample is None:
        ev.counterexample = _recheck(entry, numeric.failing, ev)
    if ev.counterexample is None and numeric.undefined:
        ev.counterexample = _outside_points(entry, numeric.undefined, ev)
    if ev.proved:
        if ev.counterexample is None and entry.expr.has(D):
            note = sympy_diff_audit(entry, sizes[0], seed)
            if note:
                ev.conflicts.append(note)
        return ev
    t0 = time.perf_counter()
    if ev.counterexample is None and not numeric.failing:
        search, ev.counterexample = counterexample_search(entry, sizes, budget / 2)
        ev.methods.append(search)
    if ev.counterexample is None:
        explicit = exact_explicit(entry, sizes, max(1.0, budget / 2 - (time.perf_counter() - t0)), seed)
        if explicit.method is not None:
            ev.methods.append(explicit.method)
        if explicit.shape_mismatch:
            ev.shape_mismatch = explicit.shape_mismatch
        ev.counterexample = explicit.counterexample
        ev.confirmed_sizes = explicit.sizes
        if explicit.sizes == [{}] and _generic_covers_all(entry) and ev.counterexample is None:
            # no size letters: the one size is every size, and generic symbols cover every allowed value
            ev.proved = True
            explicit.method.detail = ("exact with generic symbols at the claim's only size (it has no size "
                                      "letters): a proof")
    return ev


def _generic_covers_all(entry) -> bool:
    """Whether the generic symbolic values of every declared symbol cover all values it may take.

    A Cayley parametrisation misses orthogonal matrices with eigenvalue −1, so those do not."""
    return not any("orthogonal" in sym.flags for sym in entry.declared.values())

