"""Quadrature over integrands with kinks (abs, relu, floor): the integral is split at them.

Before: ``E(abs(X)) <= abs(E(X))`` for ``X ~ N(mu, s^2)`` was *confirmed* -- the kink of ``abs`` at 0 (not at the
mean, where the integral was split) left five of six points undecided and the sixth, far in the tail, agreed
within the tolerance.  ``E(floor(X))`` for a normal ``X`` was never decided.
"""

import pytest

from formulas.model import Verdict
from verify.userfile import check_claim

NORMAL = ({"mu": "scalar", "s": "scalar positive"}, {"X": "Normal(mu, s)"})
CENTRED = ({"s": "scalar positive"}, {"X": "Normal(0, s)"})


def check(claim, symbols, dists):
    return check_claim(claim, symbols, distributions=dists, timeout=60)


def test_absolute_value_jensen_both_ways():
    assert check("E(abs(X)) >= abs(E(X))", *NORMAL).verdict is Verdict.CONFIRMED
    wrong = check("E(abs(X)) <= abs(E(X))", *NORMAL)
    assert wrong.verdict is Verdict.REFUTED
    assert float(wrong.counterexample["lhs"]) > float(wrong.counterexample["rhs"])


@pytest.mark.parametrize(("claim", "verdict"), [
    ("E(floor(X)) == -1/2", Verdict.CONFIRMED),  # symmetric about 0: floor(X) + floor(-X) = -1 almost surely
    ("E(floor(X)) == 0", Verdict.REFUTED),
    ("E(relu(X)) == s/sqrt(2*pi)", Verdict.CONFIRMED),
    ("E(relu(X)) == s/2", Verdict.REFUTED),
])
def test_kinked_expectations_of_a_centred_normal(claim, verdict):
    assert check(claim, *CENTRED).verdict is verdict


def test_floor_of_a_bounded_law():
    assert check("E(floor(X)) == 1", {}, {"X": "Uniform(0, 3)"}).verdict is Verdict.CONFIRMED
    assert check("E(floor(X)) == 3/2", {}, {"X": "Uniform(0, 3)"}).verdict is Verdict.REFUTED
