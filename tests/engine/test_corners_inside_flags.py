"""Every corner of a scalar lies inside its declared flags (verify/engines/corners.py).

An integer ``nonzero`` scalar had the corner 0 and an integer ``unit`` one the corner -1: classify rejected
them, so no verdict was wrong, but the boundary the corners exist to try was not tried."""

import itertools

import pytest
import sympy as sp

from verify.engines.corners import _scalar_corners

FLAGS = ("integer", "positive", "nonnegative", "nonzero", "unit")


def _inside(value, flags) -> bool:
    checks = {"integer": value.is_integer, "positive": value > 0, "nonnegative": value >= 0,
              "nonzero": value != 0, "unit": 0 <= value <= 1}
    return all(bool(checks[f]) for f in flags)


@pytest.mark.parametrize("flags", [frozenset(c) for r in range(1, 3) for c in itertools.combinations(FLAGS, r)
                                   ])
def test_scalar_corners_satisfy_the_flags(flags):
    corners = _scalar_corners(flags)
    assert corners
    assert all(_inside(sp.sympify(c), flags) for c in corners), (sorted(flags), corners)
