"""Conditional nodes on exact finite distributions (the ``exact-finite`` engine).

``P(X > 1 | Y)`` and ``E(X | Y)`` are random variables, functions of ``Y``.  The engine used to count only the
models on which such a side came out a constant (a model where ``X > 1`` never happens, so that
``P(X > 1 | Y) = 0``) and skip every other model as "undefined": ``P(X > 1 | Y) == 0`` was **confirmed** although
it is false.  A relation between random quantities holds almost surely, so it is now decided at every atom of
the model (each has positive probability), and a failure at one atom is the counterexample.
"""

import pytest
import sympy as sp
from sympy import stats

from formulas.model import Verdict
from verify.userfile import check_claim

ABSTRACT = {"X": "random", "Y": "random"}


def check(claim, symbols=ABSTRACT, dists=None, **kw):
    return check_claim(claim, symbols, distributions=dists or {}, timeout=60, **kw)


def _conditional(table, y_value, event, mean=False):
    """P(event | Y = y) or E(X | Y = y) from a counterexample's distribution table."""
    rows = [r for r in table if sp.Rational(r["Y"]) == y_value]
    mass = sum(sp.Rational(r["p"]) for r in rows)
    if mean:
        return sum(sp.Rational(r["p"]) * sp.Rational(r["X"]) for r in rows) / mass
    return sum(sp.Rational(r["p"]) for r in rows if event(sp.Rational(r["X"]))) / mass


@pytest.mark.parametrize("given", [[], ["independent X Y"]])
def test_conditional_probability_of_an_event_is_not_zero(given):
    result = check("P(X > 1 | Y) == 0", given=given)
    assert result.verdict is Verdict.REFUTED
    cex = result.counterexample
    assert cex["exact"] is True
    y = sp.Rational(cex["at"]["Y"])
    # the counterexample re-checked by hand: P(X > 1 | Y = y) on its table is the lhs, and it is not 0
    value = _conditional(cex["distribution"], y, lambda x: x > 1)
    assert value == sp.Rational(cex["lhs"]) and value != 0


def test_dropping_the_condition_needs_independence():
    dependent = check("P(X > 1 | Y) == P(X > 1)")
    assert dependent.verdict is Verdict.REFUTED
    assert check("P(X > 1 | Y) == P(X > 1)", given=["independent X Y"]).verdict is Verdict.CONFIRMED


def test_conditional_expectation_mistakes_are_refuted():
    result = check("E(X | Y) == 0")  # every model with a nonconstant E(X | Y) used to be skipped: not-checkable
    assert result.verdict is Verdict.REFUTED
    cex = result.counterexample
    assert _conditional(cex["distribution"], sp.Rational(cex["at"]["Y"]), None, mean=True) == sp.Rational(cex["lhs"])
    assert check("E(X | Y) == Y").verdict is Verdict.REFUTED
    assert check("E(X | Y) <= E(X)").verdict is Verdict.REFUTED


@pytest.mark.parametrize("claim", [
    "E(X*Y | Y) == Y*E(X | Y)",
    "P(X > 1 | Y) + P(X <= 1 | Y) == 1",
    "E(Var(X | Y)) + Var(E(X | Y)) == Var(X)",
    "E(P(X > 1 | Y)) == P(X > 1)",
    "E(Y | Y) == Y",
    "P(X > 1 | Y) <= 1",
])
def test_true_conditional_claims_hold_at_every_atom(claim):
    result = check(claim)
    assert result.verdict in (Verdict.CONFIRMED, Verdict.PROVED)
    finite = [m for m in result.methods if m.engine == "exact-finite"]
    assert finite and finite[-1].outcome == "holds"


@pytest.mark.parametrize("dists", [
    {"X": "Normal(0, 1)", "Y": "Normal(0, 1)"},
    {"Y": "Normal(0, 1)", "X": "Normal(Y, 1)"},
    {"Y": "Exponential(1)", "X": "Normal(0, Y)"},
])
def test_conditional_probability_with_laws_is_refuted(dists):
    assert check("P(X > 1 | Y) == 0", {}, dists).verdict is Verdict.REFUTED


def test_sides_at_atoms():
    from verify.stats_finite import at_atoms

    x, y = stats.Normal("X", 0, 1), stats.Normal("Y", 0, 1)  # only the symbols are used
    model = [(sp.Rational(1, 2), {x: sp.Integer(2), y: sp.Integer(0)}),
             (sp.Rational(1, 2), {x: sp.Integer(0), y: sp.Integer(1)})]
    lhs = sp.Piecewise((1, sp.Eq(y, 0)), (0, True))
    rows = at_atoms(lhs, sp.Integer(0), model)
    assert [(vals[y], a, b) for vals, a, b in rows] == [(0, 1, 0), (1, 0, 0)]
    assert at_atoms(sp.Integer(3), sp.Integer(3), model) == [({}, 3, 3)]


EVENTS = {"X": "random", "Y": "random", "x": "scalar integer", "y": "scalar integer"}


@pytest.mark.parametrize(("claim", "given", "verdicts"), [
    ("P(Y == y | X == x) == P(X == x | Y == y)*P(Y == y)/P(X == x)", [], (Verdict.PROVED,)),
    ("P(Y == y | X == x) <= 1", [], (Verdict.CONFIRMED, Verdict.PROVED)),
    ("P(Y == y | X == x) == P(Y == y)", ["independent X Y"], (Verdict.CONFIRMED,)),
])
def test_events_given_events(claim, given, verdicts):
    result = check(claim, EVENTS, given=given)
    assert result.verdict in verdicts
    finite = [m for m in result.methods if m.engine == "exact-finite"]
    assert finite[-1].outcome == "holds" and "undefined" not in finite[-1].detail


@pytest.mark.parametrize("claim", ["P(Y == y | X == x) == P(X == x | Y == y)", "P(X == x) == 0",
                                   "P(Y == y | X == x) == P(Y == y)"])
def test_values_in_events_are_drawn_where_the_variable_takes_them(claim):
    """A scalar compared with a variable in an event is drawn among the values the variable takes: drawn at
    random it almost never is one, P(X == x) is 0 on almost every model, and such mistakes were confirmed."""
    result = check(claim, EVENTS)
    assert result.verdict is Verdict.REFUTED
    cex = result.counterexample
    x = sp.Rational(cex["values"]["x"])
    assert any(sp.Rational(r["X"]) == x for r in cex["distribution"])


FORK = {"X": "random", "Y": "random", "Z": "random", "x": "scalar integer", "y": "scalar integer",
        "z": "scalar integer"}
DROP = "P(X == x | And(Y == y, Z == z)) == P(X == x | Z == z)"


@pytest.mark.parametrize("claim", [DROP, "P(And(X == x, Y == y) | Z == z) == P(X == x | Z == z)*P(Y == y | Z == z)"])
def test_conditional_independence_is_drawn_as_forks(claim):
    result = check(claim, FORK, given=["independent X Y | Z"])
    assert result.verdict is Verdict.CONFIRMED
    finite = [m for m in result.methods if m.engine == "exact-finite"]
    assert finite[-1].outcome == "holds"


def test_without_conditional_independence_y_cannot_be_dropped():
    assert check(DROP, FORK).verdict is Verdict.REFUTED


@pytest.mark.parametrize("claim", ["E(X*Y) == E(X)*E(Y)", "P(And(X == x, Y == y)) == P(X == x)*P(Y == y)"])
def test_conditional_independence_is_not_independence(claim):
    """X, Y independent given Z are not independent: nothing may factor E(XY); the claims stay undecided."""
    result = check(claim, FORK, given=["independent X Y | Z"])
    assert result.verdict is not Verdict.PROVED and result.verdict is not Verdict.CONFIRMED


def test_conditional_independence_declaration_is_checked():
    from verify.userfile import UserFileError

    for given in ("independent X | Z", "independent X Y |", "independent X Y | Z | Z", "independent X Y | W"):
        with pytest.raises(UserFileError):
            check("E(X) == E(X)", FORK, given=[given])
