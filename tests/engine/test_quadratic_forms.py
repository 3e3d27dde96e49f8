"""A PSD combination of quadratic forms of one PSD matrix is nonnegative (verify/tensor/quadratic_forms.py).

Cheat sheet line 425 (a convex quadratic is above its value at a stationary point) was only confirmed: its gap,
1/2 x^T A x - y^T A x + 1/2 y^T A y, is no sum of signed terms, but it is 1/2 (x - y)^T A (x - y)."""

import pytest

from formulas.model import Verdict
from verify.userfile import check_claim

SYMBOLS = {"A": "matrix n n psd", "S": "matrix n n spd", "B": "matrix n n", "x": "vector n", "y": "vector n",
           "z": "vector n"}

PROVED = [
    "1/2*y.T*A*y - y.T*A*y <= 1/2*x.T*A*x - y.T*A*x",      # line 425's reading, b = -A y
    "x.T*A*x - 2*x.T*A*y + y.T*A*y >= 0",
    "(x + y + z).T*S*(x + y + z) >= 0",
    "x.T*A*x + y.T*A*y >= 2*y.T*A*x",
]
REFUTED = [
    "x.T*A*x - 3*x.T*A*y + y.T*A*y >= 0",                    # C = [[1, -3/2], [-3/2, 1]] is not PSD
    "x.T*B*x - 2*x.T*B*y + y.T*B*y >= 0",                    # B is not PSD
    "x.T*A*y <= 0",
]


@pytest.mark.parametrize("claim", PROVED)
def test_psd_combinations_are_proved_at_symbolic_size(claim):
    result = check_claim(claim, SYMBOLS)
    assert result.verdict is Verdict.PROVED, result.reason
    assert any("positive semidefinite" in m.detail for m in result.methods if m.engine == "symbolic-general")


@pytest.mark.parametrize("claim", REFUTED)
def test_combinations_outside_the_rule_are_refuted_exactly(claim):
    result = check_claim(claim, SYMBOLS)
    assert result.verdict is Verdict.REFUTED and result.counterexample["exact"] is True
