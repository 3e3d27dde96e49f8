"""A directed search of parameter space for a counterexample (after the random exact points found none).

Random rational points miss counterexamples that live near a boundary of the parameter domain:
``E(X)^2 <= E(X^2) E(Y^2)`` for ``X ~ N(mu, s^2)``, ``Y ~ N(m, t^2)`` fails only where ``m^2 + t^2`` is small
against ``mu^2 / (mu^2 + s^2)``.  This search starts from a grid of scale values for every scalar parameter
(0, 1/100, 1/10, 1/2, 1, 2, 10, 100 and their negatives, as each parameter's flags allow) and walks
coordinate by coordinate toward the worst violation of the relation, measured in floating point on the closed
forms.  It only proposes a rational point: the caller re-checks it exactly (50, then 80 digits) inside the
declarations, the families' domains and ``where``, and only then reports a counterexample.
"""

from __future__ import annotations

import math
import random
import time

import sympy as sp

from . import points as pts

__all__ = ["propose"]

SEARCH_SECONDS = 2.0  # wall-clock budget of one search
ROUNDS = 3  # passes over the coordinates from each start
STARTS = 4  # random starting points (the best of the grid is one of them)

_SCALES = [sp.Rational(1, 100), sp.Rational(1, 10), sp.Rational(1, 2), sp.Integer(1), sp.Integer(2),
           sp.Integer(10), sp.Integer(100)]


def _candidates(flags) -> list:
    if "integer" in flags:  # an integer unit is 0 or 1; a nonzero integer is never 0
        if "unit" in flags:
            return [sp.Integer(1)] if "nonzero" in flags or "positive" in flags else [sp.Integer(0), sp.Integer(1)]
        low = 1 if "positive" in flags else 0 if "nonnegative" in flags else -6
        values = [sp.Integer(k) for k in range(low, 7)] + [sp.Integer(20), sp.Integer(100)]
        return [v for v in values if v != 0] if "nonzero" in flags else values
    if "unit" in flags:
        return [sp.Rational(1, 100), sp.Rational(1, 10), sp.Rational(1, 2), sp.Rational(9, 10), sp.Rational(99, 100)]
    if "positive" in flags:
        return list(_SCALES)
    values = [sp.Integer(0), *_SCALES]
    if "nonnegative" in flags:
        return values
    values += [-v for v in _SCALES]
    return [v for v in values if v != 0] if "nonzero" in flags else values


def _gap(f, rel, values) -> float | None:
    """The relation's margin, scaled: negative where the relation fails (None where undefined)."""
    try:
        r, lhs, rhs = (complex(g(*values)) for g in f)
    except Exception:  # noqa: BLE001 - undefined (a pole, a log of a negative number) at this point
        return None
    if any(math.isnan(x.real) or math.isinf(x.real) or abs(x.imag) > 1e-9 * (1 + abs(x.real)) for x in (r, lhs, rhs)):
        return None
    scale = 1 + abs(lhs.real) + abs(rhs.real)
    if rel is sp.Eq:
        return -abs(r.real) / scale
    gap = r.real if rel in (sp.Ge, sp.Gt) else -r.real
    return gap / scale


def propose(entry, sides, residual, rel, constraints, symbols, seed: int) -> list[dict]:
    """Rational points (scalar parameters only) where the float margin says the relation fails, worst first."""
    symbols = sorted(symbols, key=sp.default_sort_key)
    if not symbols or any(not isinstance(s, sp.Symbol) for s in symbols):
        return []
    flags = []
    for s in symbols:
        sym = entry.declared.get(s.name)
        flags.append(sym.flags if sym is not None else pts._moment_flags(s))
    try:
        f = [sp.lambdify(symbols, e, modules="mpmath") for e in (residual, *sides)]
    except Exception:  # noqa: BLE001 - an expression the printer cannot write is not searched
        return []
    grids = [_candidates(fl) for fl in flags]
    rng = random.Random(seed + 7919)
    deadline = time.perf_counter() + SEARCH_SECONDS
    admissible: dict = {}

    def score(values) -> float | None:
        key = tuple(values)
        if key not in admissible:
            point = dict(zip(symbols, values, strict=True))
            admissible[key] = pts.holds_at(constraints, point, {})
        if not admissible[key]:
            return None
        return _gap(f, rel, values)

    found: list = []
    for start in range(STARTS):
        values = [rng.choice(g) for g in grids] if start else [g[len(g) // 2] for g in grids]
        best = score(values)
        for _ in range(ROUNDS):
            improved = False
            for i, grid in enumerate(grids):
                for v in grid:
                    if time.perf_counter() > deadline:
                        return found
                    trial = values[:i] + [v] + values[i + 1:]
                    s = score(trial)
                    if s is not None and (best is None or s < best):
                        values, best, improved = trial, s, True
            if best is not None and best < 0:
                break
            if not improved:
                break
        if best is not None and best < -1e-12:
            point = dict(zip(symbols, values, strict=True))
            if point not in found:
                found.append(point)
            return found
    return found
