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


NORMAL_K = ({"mu": "scalar", "s": "scalar positive", "k": "scalar positive"}, {"X": "Normal(mu, s)"})


def test_two_sided_tail_event_has_a_closed_form():
    """P(|X - mu| >= k s) = 1 - P(-k s < X - mu < k s): a mistaken tail bound is refuted exactly."""
    assert check("P(abs(X - mu) >= k*s) <= 1/k**2", *NORMAL_K).verdict is Verdict.CONFIRMED  # Chebyshev
    wrong = check("P(abs(X - mu) >= k*s) <= exp(-k**2)", *NORMAL_K)
    assert wrong.verdict is Verdict.REFUTED and wrong.counterexample["exact"] is True
    assert check("P(abs(X) <= s) == erf(1/sqrt(2))", {"s": "scalar positive"},
                 {"X": "Normal(0, s)"}).verdict is Verdict.PROVED


@pytest.mark.parametrize(("claim", "verdict"), [
    ("P(abs(N - 1) <= 1) == exp(-lam)*(1 + lam + lam**2/2)", Verdict.PROVED),
    ("P(abs(N - 1) < 1) == exp(-lam)*(1 + lam + lam**2/2)", Verdict.REFUTED),  # strict: only N = 1
])
def test_two_sided_event_of_a_discrete_law_keeps_its_atoms(claim, verdict):
    assert check(claim, {"lam": "scalar positive"}, {"N": "Poisson(lam)"}).verdict is verdict
