r"""``P(X = x | Y = y)`` (an event given an event) and ``P(X | Y)`` of random variables at declared values.

``P(Y | X)`` of random variables is a conditional law; it is read as the number ``P(Y = y | X = x)`` when the
lower-case names ``y``, ``x`` are declared scalars (the values), and stays refused otherwise.  A premise
``X \perp\!\!\!\perp Y|Z \Rightarrow ...`` is read only when the declarations state it
(``given: independent X Y | Z``).
"""

import pytest

from verify.notes import check_loaded_notes, load_notes_text

VALUES = {"X": "random", "Y": "random", "Z": "random", "x": "scalar integer", "y": "scalar integer",
          "z": "scalar integer"}


@pytest.mark.parametrize("tex, claim", [
    (r"P(X = x \mid Y = y) \leq 1", "P((X == x) | (Y == y)) <= 1"),
    (r"P(X = x | Y = y, Z = z) = P(X = x | Z = z)", "P((X == x) | (And(Y == y, Z == z))) == P((X == x) | (Z == z))"),
    (r"P(Y|X) = P(X|Y)", "P((Y == y) | (X == x)) == P((X == x) | (Y == y))"),
    (r"P(X|Y, Z) = P(X|Z)", "P((X == x) | (And(Y == y, Z == z))) == P((X == x) | (Z == z))"),
    (r"P(Y|X) = \frac{P(X|Y)P(Y)}{P(X)}", "P((Y == y) | (X == x)) == P((X == x) | (Y == y))*P(Y == y)/P(X == x)"),
])
def test_events_given_events_and_laws_at_declared_values(claim_of, tex, claim):
    assert claim_of(tex, VALUES) == claim


@pytest.mark.parametrize("tex, symbols", [
    (r"P(Y|X) = P(X|Y)", {"X": "random", "Y": "random"}),  # no declared values
    (r"P(Y|X) = P(X|Y)", {"X": "random", "Y": "random", "x": "vector 2", "y": "scalar"}),  # x is no scalar
    (r"P(Y|X + 1) = 1", VALUES),  # X + 1 is no variable
])
def test_conditional_laws_without_values_stay_refused(claim_of, tex, symbols):
    got = claim_of(tex, symbols)
    assert got.startswith("ERROR") and "conditional law" in got, got


def test_a_variable_without_a_declared_value_is_no_event(claim_of):
    got = claim_of(r"P(X) = 1", {"X": "random"})
    assert got.startswith("ERROR") and "needs an event" in got, got


PREMISE = r"$$ X \perp\!\!\!\perp Y|Z \Rightarrow P(X|Y, Z) = P(X|Z) $$" + "\n"


@pytest.mark.parametrize("given, readable", [
    (["independent X Y | Z"], True), (["independent Y X | Z"], True), ([], False),
    (["independent X Z | Y"], False), (["independent X Y"], False),
])
def test_an_independence_premise_is_read_only_when_declared(md, read, given, readable):
    notes = read(md(PREMISE, VALUES, given=given) if given else md(PREMISE, VALUES))
    (claim,) = notes.claims
    assert (claim.error is None) is readable, claim.error


def test_conditional_independence_drops_y_and_a_slip_is_refuted(md):
    text = md(PREMISE + r"$$ P(X|Y) = P(X|Y, Z) $$" + "\n" + "<!-- sheetproof: expect=refuted -->\n", VALUES,
              given=["independent X Y | Z"])
    report = check_loaded_notes([load_notes_text(text, "ci.md", "markdown")], timeout=60, jobs=1)
    assert report.unreadable == [] and report.errors == []
    assert [r.result.verdict.value for r in report.results] == ["confirmed", "refuted"]
    assert all(r.passed for r in report.results)
