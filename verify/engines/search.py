"""A search for an exact counterexample: the domain's boundary first, then hypothesis over small
integers and rationals.

Candidates satisfy the declarations by construction (:func:`verify.values.exact_env_strategy`)
and every candidate is decided exactly by :func:`verify.engines.points.classify`: only a
point inside the claim's domain where it fails counts, so counterexamples shrink toward
something a person can read and are never artefacts of a singular or undefined point.
"""

from __future__ import annotations

import time

from hypothesis import HealthCheck, Phase, find, settings
from hypothesis.errors import Flaky, NoSuchExample, Unsatisfiable

from ..evaluate import Unsupported
from ..result import Method
from ..values import Inapplicable, exact_env_strategy
from .corners import corner_points
from .points import FAILS, classify, exact_counterexample
from .sizes import sym_dims, used_declared

__all__ = ["counterexample_search"]


class _OutOfTime(Exception):
    """The search ran past its budget (raised inside the predicate to stop hypothesis)."""


def counterexample_search(entry, sizes: list[dict], budget: float, examples: int = 150):
    """``(method, counterexample or None)``."""
    t0 = time.perf_counter()

    def done(outcome, detail):
        return Method("counterexample-search", outcome, detail, round(time.perf_counter() - t0, 4))

    for dims in sorted(sizes, key=lambda d: sum(d.values())):
        if time.perf_counter() - t0 > budget:
            break
        sdims = sym_dims(dims)
        try:
            strategy = exact_env_strategy(used_declared(entry), dims)
        except Inapplicable as err:
            return done("skipped", str(err)), None

        corner = _corner_counterexample(entry, dims, sdims)
        if corner is not None:
            return done("fails", f"exact counterexample on the domain's boundary at sizes {dims or 'scalar'}"), corner

        def violates(env, sdims=sdims):
            if time.perf_counter() - t0 > budget:
                raise _OutOfTime
            try:
                return classify(entry, env, sdims)[0] == FAILS
            except Unsupported:
                return False

        try:
            found = find(strategy, violates, settings=settings(
                max_examples=examples, database=None, deadline=None, derandomize=True,
                phases=[Phase.generate, Phase.shrink], suppress_health_check=list(HealthCheck)))
        except (NoSuchExample, Unsatisfiable):
            continue
        except (_OutOfTime, Flaky) as err:
            # hypothesis replays examples while shrinking: one that ran in time before and now raises
            # _OutOfTime is reported as Flaky; either way the budget ran out, which is load, not the claim
            if isinstance(err, Flaky) and time.perf_counter() - t0 <= budget:
                raise
            return done("inconclusive", f"no counterexample found within the search budget of {budget:g} s"), None
        status, lhs, rhs = classify(entry, found, sdims)
        if status != FAILS:  # re-check: hypothesis found it, the exact evaluation must agree
            continue
        cex = exact_counterexample(found, lhs, rhs, dims)
        return done("fails", f"exact counterexample at sizes {dims or 'scalar'}"), cex
    return done("holds", "no counterexample among small integer/rational values"), None


def _corner_counterexample(entry, dims: dict, sdims: dict):
    """A counterexample among :func:`~verify.engines.corners.corner_points`, or None."""
    try:
        for env in corner_points(used_declared(entry), dims):
            status, lhs, rhs = classify(entry, env, sdims)
            if status == FAILS:
                return exact_counterexample(env, lhs, rhs, dims)
    except (Unsupported, Inapplicable, KeyError, ValueError, TypeError):
        return None
    return None
