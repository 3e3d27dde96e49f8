"""Experiments: exhaustive exact searches over small symmetric matrices."""

from __future__ import annotations

import itertools

import sympy as sp

from .._authoring import Outcome


def _leading_minors(a: sp.Matrix) -> list:
    return [a[:k, :k].det() for k in range(1, a.rows + 1)]


def _small_symmetric(d: int, values=range(-2, 3)):
    """Every symmetric d x d integer matrix with entries in ``values`` (exact)."""
    slots = [(i, j) for i in range(d) for j in range(i, d)]
    for combo in itertools.product(values, repeat=len(slots)):
        a = sp.zeros(d, d)
        for (i, j), v in zip(slots, combo, strict=True):
            a[i, j] = a[j, i] = v
        yield a


def _is_psd(a: sp.Matrix) -> bool:
    return bool(a.is_positive_semidefinite)


def _is_pd(a: sp.Matrix) -> bool:
    return bool(a.is_positive_definite)


def _search(claim, sizes=(1, 2)) -> Outcome:
    """Exhaustive exact search over small symmetric integer matrices (entries -2..2, or -1..1 at d = 3)."""
    count = 0
    for d in sizes:
        for a in _small_symmetric(d, range(-2, 3) if d <= 2 else range(-1, 2)):
            count += 1
            if not claim(a):
                return Outcome(False, f"exhaustive search over {count} symmetric integer matrices",
                               {"A": [[str(x) for x in row] for row in a.tolist()],
                                "leading_minors": [str(m) for m in _leading_minors(a)], "exact": True})
    return Outcome(True, f"holds on all {count} symmetric integer matrices with entries in -2..2 (d <= 2) "
                         f"and -1..1 (d = 3), d <= {max(sizes)}")


def _seed_sylvester():
    return _search(lambda a: _is_psd(a) == all(m > 0 for m in _leading_minors(a)))


def _pd_sylvester():
    return _search(lambda a: _is_pd(a) == all(m > 0 for m in _leading_minors(a)), sizes=(1, 2, 3))


def _nd_sylvester():
    def claim(a):
        signs = all((m < 0) if k % 2 == 1 else (m > 0) for k, m in enumerate(_leading_minors(a), start=1))
        return _is_pd(-a) == signs
    return _search(claim, sizes=(1, 2, 3))
