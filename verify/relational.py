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

from sympy import Integral

from formulas.nodes import D, shape_of

from .engines.explicit import exact_explicit
from .engines.numeric import torch_numeric
from .engines.recheck import recheck_failing, recheck_outside
from .engines.search import counterexample_search
from .engines.sizes import dims_of, size_assignments
from .engines.symbolic import symbolic_general, sympy_diff_audit

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


def check_relational(entry, *, draws: int = 16, seed: int = 0, budget: float = 6.0) -> Evidence:
    ev = Evidence()
    try:
        shape_of(entry.expr.lhs), shape_of(entry.expr.rhs)
    except ValueError as err:
        ev.shape_mismatch = str(err)
        return ev
    sizes = size_assignments(dims_of(entry))
    method, ev.proved = symbolic_general(entry)
    ev.methods.append(method)

    numeric = torch_numeric(entry, size_assignments(dims_of(entry), large=True), draws, seed)
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
        ev.counterexample, ev.numeric_unconfirmed = recheck_failing(entry, numeric.failing)
    if ev.counterexample is None and numeric.undefined:
        ev.counterexample = recheck_outside(entry, numeric.undefined)
    if ev.counterexample is None and numeric.ties and not ev.proved:
        # f(y) > f(x) at a stationary x ties for a constant f: the tie is a counterexample if exact arithmetic
        # agrees; otherwise the draws that tie say nothing about a strict inequality
        ev.counterexample, _ = recheck_failing(entry, numeric.ties)
        if ev.counterexample is None and ev.numeric_holds:
            ev.numeric_holds = None
            ev.numeric_unconfirmed = (f"the sides of the strict inequality tie in float64 at {len(numeric.ties)}+ "
                                      "draws and the exact re-check did not decide them: the draws are no evidence")
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

    A Cayley parametrisation misses orthogonal matrices with eigenvalue −1, so those do not; and a claim with a
    definite integral is never proved this way (its value at a point is a quadrature, evidence only)."""
    if entry.expr.has(Integral) or any(c.has(Integral) for c in entry.constraints):
        return False
    return not any("orthogonal" in sym.flags for sym in entry.declared.values())

