"""A ``where`` condition ``a != b`` at an exact point: the equality's opposite (it raised KeyError before)."""

import sympy as sp

from formulas.model import Verdict
from verify.engines.points import FAILS, HOLDS, UNDEFINED, _relation_at
from verify.userfile import check_claim


def test_not_equal_is_the_opposite_of_equal_at_exact_values():
    assert _relation_at(sp.Ne, sp.Integer(1), sp.Integer(2)) == HOLDS
    assert _relation_at(sp.Ne, sp.Rational(1, 2), sp.Rational(2, 4)) == FAILS
    assert _relation_at(sp.Ne, sp.sqrt(-1), sp.sqrt(-1)) in (FAILS, UNDEFINED)


def test_a_false_claim_with_a_not_equal_condition_is_refuted_exactly():
    result = check_claim("a*b <= a", {"a": "scalar", "b": "scalar"}, where=("b != 1",))
    assert result.verdict is Verdict.REFUTED and result.counterexample["exact"] is True
    assert sp.Rational(result.counterexample["values"]["b"]) != 1


def test_strict_convexity_gives_a_unique_minimiser_away_from_it():
    """Cheat sheet line 429: R(θ) > R(θ*) for θ ≠ θ* at the stationary point of a strictly convex R."""
    symbols = {"theta": "vector n", "theta_star": "vector n", "R": "function theta strictly convex"}
    where = ("D(R(theta_star), theta_star) == zeros(n, 1)", "(theta - theta_star).T*(theta - theta_star) != 0")
    assert check_claim("R > R(theta_star)", symbols, where=where).verdict is Verdict.CONFIRMED
    wrong = check_claim("R < R(theta_star)", symbols, where=where)
    assert wrong.verdict is Verdict.REFUTED and wrong.counterexample["exact"] is True
