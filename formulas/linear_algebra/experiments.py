"""Evidence for the existential claims of the definiteness section: exhaustive exact searches.

Every symmetric d × d integer matrix with entries in −2..2 (d ≤ 2) or −1..1 (d = 3) is classified exactly by
``sympy.Matrix.is_positive_semidefinite`` (of A and of −A), independently of the leading minors the claims
speak about; a counterexample reports its exact eigenvalues.
"""

from __future__ import annotations

import itertools

import sympy as sp

from .._authoring import Outcome

_SIZES = (1, 2, 3)


def _small_symmetric(d: int):
    """Every symmetric d × d integer matrix with entries in −2..2 (−1..1 at d = 3), exactly."""
    values = range(-2, 3) if d <= 2 else range(-1, 2)
    slots = [(i, j) for i in range(d) for j in range(i, d)]
    for combo in itertools.product(values, repeat=len(slots)):
        a = sp.zeros(d, d)
        for (i, j), v in zip(slots, combo, strict=True):
            a[i, j] = a[j, i] = v
        yield a


def _leading_minors(a: sp.Matrix) -> list:
    return [a[:k, :k].det() for k in range(1, a.rows + 1)]


def _fits_a_pattern(a: sp.Matrix) -> bool:
    """The minors fit the positive-definite or the negative-definite pattern of lines 108-110."""
    m = _leading_minors(a)
    positive = all(x > 0 for x in m)
    alternating = all((x < 0) if k % 2 else (x > 0) for k, x in enumerate(m, start=1))
    return positive or alternating


def _is_indefinite(a: sp.Matrix) -> bool:
    """Neither positive nor negative semidefinite (SymPy's own test, not the leading minors)."""
    return not a.is_positive_semidefinite and not (-a).is_positive_semidefinite


def _search(invertible_only: bool) -> Outcome:
    count = 0
    for d in _SIZES:
        for a in _small_symmetric(d):
            if _fits_a_pattern(a) or (invertible_only and a.det() == 0):
                continue
            count += 1
            if not _is_indefinite(a):
                return Outcome(False, f"exhaustive search: matrix {count} fitting neither pattern is not indefinite",
                               {"A": [[str(x) for x in row] for row in a.tolist()],
                                "leading minors": [str(m) for m in _leading_minors(a)],
                                "eigenvalues": [str(v) for v in a.eigenvals()], "exact": True})
    if count == 0:
        raise RuntimeError("the search met no matrix fitting neither pattern: no evidence was built")
    return Outcome(True, f"all {count} {'invertible ' if invertible_only else ''}symmetric integer matrices "
                         "(entries −2..2 for d ≤ 2, −1..1 for d = 3) whose leading minors fit neither pattern "
                         "are neither positive nor negative semidefinite: indefinite")


def indefinite_otherwise() -> Outcome:
    """linalg.indefinite-otherwise: every symmetric matrix fitting neither pattern is indefinite?"""
    return _search(invertible_only=False)


def indefinite_otherwise_invertible() -> Outcome:
    """linalg.indefinite-otherwise-invertible: the same, for invertible matrices."""
    return _search(invertible_only=True)
