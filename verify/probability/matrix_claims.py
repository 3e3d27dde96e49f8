"""Claims whose sides are vectors or matrices (``E(A*x + b)``, ``Cov(x)``): reduced, then handed on.

The probability nodes are rewritten to closed forms in the parameters (:mod:`~verify.probability.vectors`);
the reduced claim is an ordinary matrix identity, checked by the matrix engines through :func:`verify.check.check`
(exact at sizes, torch at draws, SymPy at symbolic size).  Its verdict maps back: proved at scope ``general`` is a
proof, proved at listed sizes or confirmed is evidence, refuted is a counterexample (the reduction is exact), an
engine conflict stays a conflict.
"""

from __future__ import annotations

import time

import sympy as sp

from verify.result import Method

from .decide import Outcome, canonical
from .reduce import unreduced

__all__ = ["matrix_claim"]


def _elapsed(t0) -> float:
    return round(time.perf_counter() - t0, 4)


def matrix_claim(entry, lhs, rhs, moments, methods, t0):
    """A vector or matrix claim: reduced to a claim about the parameters, decided by the matrix engines."""
    from formulas.model import Entry, Verdict
    from verify.check import check

    reduced = sp.Eq(canonical(lhs, entry.declared), canonical(rhs, entry.declared), evaluate=False).xreplace(moments)
    if unreduced(reduced):
        methods.append(Method("closed-form", "inconclusive", "no closed form for this vector expectation",
                              _elapsed(t0)))
        return Outcome(False, None, methods)
    symbols = {k: v for k, v in entry.symbols.items() if entry.declared[k].kind != "random"}
    derived = Entry(id=entry.id + ":reduced", title=entry.title, expected=Verdict.PROVED, symbols=symbols,
                    statement=_fixed(reduced, symbols), where=None)
    methods.append(Method("closed-form", "holds", f"reduced to {sp.sstr(reduced)[:200]}", _elapsed(t0)))
    result = check(derived, timeout=None)
    for m in result.methods:
        methods.append(Method(m.engine, m.outcome, "reduced claim: " + m.detail, m.seconds))
    if result.verdict is Verdict.PROVED:
        if result.scope == "general":
            return Outcome(True, None, methods)
        return Outcome(False, False, methods)  # exact at listed sizes: evidence
    if result.verdict is Verdict.CONFIRMED:
        return Outcome(False, False, methods)
    if result.verdict is Verdict.REFUTED:
        return Outcome(False, result.counterexample or {"evidence": result.reason, "exact": False}, methods)
    if result.verdict is Verdict.ERROR:
        return Outcome(True, {"evidence": result.reason, "exact": False}, methods)
    return Outcome(False, None, methods)


def _fixed(statement, symbols):
    """A statement function over the entry's objects that returns the already-built reduced claim."""
    import inspect

    def build(**objects):
        return statement

    build.__signature__ = inspect.Signature([inspect.Parameter(n, inspect.Parameter.KEYWORD_ONLY)
                                             for n in symbols])
    return build
