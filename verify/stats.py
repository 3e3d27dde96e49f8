"""Claims about random variables: the entry point of the probability engine.

``check_stats(entry)`` returns ``(holds, counterexample, methods)`` as
:func:`verify.check` expects: ``holds`` only for a symbolic argument that covers
every parameter value; a counterexample dict for a refutation (or, together with
``holds``, a conflict between engines); ``False`` for evidence without a proof;
``None`` when nothing could decide.  The engines are those of
:mod:`verify.probability` (closed forms, exact parameter points, seeded Monte
Carlo) and :mod:`verify.stats_finite` (exact finite distributions).

Routing: a claim is random when it mentions a random variable or vector that
the claim actually uses; declared but unused random symbols play no part
(:mod:`verify.values` skips them too).
"""

from __future__ import annotations

from sympy.stats.rv import RandomSymbol, is_random

from formulas.nodes import RandomVector

from .probability.decide import decide

__all__ = ["check_stats", "has_random"]


def has_random(expr) -> bool:
    """Whether the expression uses a random variable or a random vector."""
    return bool(expr.atoms(RandomSymbol, RandomVector)) or is_random(expr)


def check_stats(entry, seed: int = 0):
    """Return (symbolic_holds, counterexample or False/None, methods)."""
    out = decide(entry, seed)
    return out.holds, out.counterexample, out.methods
