"""``p(X = x, Y = y)``: a plain ``p`` around a relation is a probability; ``P(Y | X)`` is refused with its reason.

Also the declarations a hierarchical law's parameters depend on are kept (``Bernoulli(a + (b - a)*Y)``
needs ``a``, ``b`` and ``Y``), a regression: they were dropped and the claim was refused.
"""

import pytest

from verify.notes import check_loaded_notes, load_notes_text

BERN = {"a": "scalar unit", "q": "scalar unit"}


@pytest.mark.parametrize("tex, claim", [
    (r"p(X = 1, Y = 0) = a (1 - q)", "P(And(X == 1, Y == 0)) == a*(1 - q)"),
    (r"p(X = 1) = 1 - p(X = 0)", "P(X == 1) == 1 - P(X == 0)"),
    (r"P(|X - a| > q) \leq 1", "P(abs(X - a) > q) <= 1"),
])
def test_a_plain_p_around_a_relation_is_a_probability(claim_of, tex, claim):
    assert claim_of(tex, BERN, distributions={"Y": "Bernoulli(q)", "X": "Bernoulli(a)"}) == claim


@pytest.mark.parametrize("tex, symbols, message", [
    (r"P(Y|X) = P(X|Y)", {"X": "random", "Y": "random"}, "is a conditional law"),
    (r"p(y | x) = p(x | y)", {"x": "random", "y": "random"}, "is a conditional law"),
    # a declared p keeps its meaning: p(...) around a relation is then an error, not a probability
    (r"p(X = 1) = 1", {"p": "function x", "x": "scalar", "X": "random"}, "p is declared"),
])
def test_conditional_laws_and_a_declared_p_are_refused_with_the_reason(claim_of, tex, symbols, message):
    got = claim_of(tex, symbols)
    assert got.startswith("ERROR") and message in got, got


def test_a_declared_function_p_is_still_called(claim_of):
    assert claim_of(r"p(x) = p(x)", {"x": "scalar", "p": "function x"}) == "p == p"


NOTES = r"""---
sheetproof:
  symbols: {a: scalar unit, b: scalar unit, q: scalar unit}
  distributions: {Y: Bernoulli(q), X: Bernoulli(a), Z: 'Bernoulli(a + (b - a)*Y)'}
---
$$ p(X = 1) = a $$
$$ p(X = 1) = 1 - a $$
<!-- sheetproof: expect=refuted -->
$$ \mathbb{E}[Z] = a + (b - a) q $$
$$ \mathbb{E}[Z] = a + b q $$
<!-- sheetproof: expect=refuted -->
"""


@pytest.fixture(scope="module")
def report():
    return check_loaded_notes([load_notes_text(NOTES, "events.md", "markdown")], timeout=60, jobs=1)


def test_true_claims_hold_and_the_slips_are_refuted(report):
    assert report.unreadable == [] and report.errors == []
    got = [(r.claim.claim, r.result.verdict.value) for r in report.results]
    assert got == [("P(X == 1) == a", "proved"), ("P(X == 1) == 1 - a", "refuted"),
                   ("E(Z) == a + (b - a)*q", "proved"), ("E(Z) == a + b*q", "refuted")]
    assert all(r.passed for r in report.results)
