"""The ``exact-finite`` engine draws declared scalars, vectors and matrices inside their flags.

It used to draw every scalar as an integer in [-3, 3] (in [1, 4] when SymPy knew it positive): a ``scalar unit``
at 3, a ``scalar nonnegative`` at -3, a ``scalar nonzero`` at 0.  ``p*Var(X) <= Var(X)`` for ``p`` in [0, 1] was
refuted at ``p = 3`` (a false refutation), ``(p - p**2)*Var(X) <= 0`` was confirmed because no integer lies
strictly inside (0, 1) (a false confirmation), and a declared moment could fix a ``unit`` scalar at 167/81.
"""

import pytest
import sympy as sp

from formulas.model import Verdict
from formulas.spec import parse_spec
from verify.engines.points import admissible
from verify.userfile import check_claim


def check(claim, symbols, **kw):
    return check_claim(claim, symbols, timeout=60, **kw)


def _finite(result):
    return [m for m in result.methods if m.engine == "exact-finite"]


@pytest.mark.parametrize(("claim", "symbols", "where"), [
    ("p*Var(X) <= Var(X)", {"X": "random", "p": "scalar unit"}, []),
    ("Cov(X, Y) <= 1", {"X": "random", "Y": "random", "r": "scalar unit"}, ["Cov(X, Y) == r"]),
    ("q[0]*Var(X) <= Var(X)", {"X": "random", "q": "vector 3 probability"}, []),
    ("a*Var(X) >= Var(X)", {"X": "random", "a": "scalar"}, ["a > 1"]),
    ("(k**2 - k)*Var(X) >= 0", {"X": "random", "k": "scalar integer"}, []),
])
def test_true_claims_are_not_refuted_outside_the_flags(claim, symbols, where):
    result = check(claim, symbols, where=where)
    assert result.verdict is Verdict.CONFIRMED, (result.verdict, result.counterexample)
    assert _finite(result)[-1].outcome == "holds"


def test_a_proof_is_not_contradicted_by_a_point_outside_the_flags():
    """Var(X) <= (1 + a) Var(X) for a >= 0 is proved; a draw at a = -3 used to contradict it (verdict error)."""
    result = check("Var(X) <= (1 + a)*Var(X)", {"X": "random", "a": "scalar nonnegative"})
    assert result.verdict is Verdict.PROVED
    assert _finite(result)[-1].outcome == "holds"


@pytest.mark.parametrize(("claim", "symbols"), [
    ("(p - p**2)*Var(X) <= 0", {"X": "random", "p": "scalar unit"}),  # fails only strictly inside (0, 1)
    ("(x - 1)*(x - 2)*(x - 3)*(x - 4)*Var(X) >= 0", {"X": "random", "x": "scalar positive"}),
    ("E(X**2)*a**2 > 0", {"X": "random", "a": "scalar nonzero"}),  # fails at X = 0, never at a = 0
    ("(k - 1)*Var(X) > 0", {"X": "random", "k": "scalar integer positive"}),
])
def test_mistakes_are_refuted_inside_the_flags(claim, symbols):
    result = check(claim, symbols)
    assert result.verdict is Verdict.REFUTED
    cex = result.counterexample
    assert cex["exact"] is True and "distribution" in cex
    declared = {name: parse_spec(name, spec) for name, spec in symbols.items()}
    values = {name: sp.Rational(v) for name, v in cex["values"].items()}
    assert values and admissible(declared, values), cex["values"]


@pytest.mark.parametrize(("claim", "symbols"), [
    ("E(X)*(k**2 - k) == 0", {"k": "scalar integer unit"}),  # k is 0 or 1: was refuted at k = 2
    ("E(X)*k**2 >= 1/2", {"k": "scalar integer nonzero"}),  # k**2 >= 1: was refuted at k = 0
])
def test_parameter_points_of_a_law_follow_integer_flags(claim, symbols):
    """The closed-form points and the edge search drew an integer ``unit`` in [-4, 6] and a ``nonzero`` integer at 0."""
    result = check(claim, symbols, distributions={"X": "Bernoulli(1/2)"})
    assert result.verdict is Verdict.CONFIRMED, (result.verdict, result.counterexample)


@pytest.mark.parametrize("flags", ["integer unit", "integer nonzero", "integer unit nonzero", "integer positive",
                                   "integer nonnegative", "unit", "nonzero", "positive", "nonnegative", ""])
def test_drawn_and_searched_scalars_satisfy_their_flags(flags):
    import random

    from verify.probability.points import draw_point
    from verify.probability.search import _candidates

    sym = parse_spec("k", f"scalar {flags}".strip())
    k = sym.sympy({})
    rng = random.Random(0)
    drawn = [draw_point({"k": sym}, {k}, rng, {}, wide=i % 2 == 1)[k] for i in range(200)]
    for value in drawn + _candidates(sym.flags):
        assert admissible({"k": sym}, {"k": value}), (flags, value)
