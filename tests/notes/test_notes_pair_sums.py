"""Sums over pairs (``\\sum_{i < j}``, ``\\sum_{i \\neq j}``) and ``instance: {n: 4}`` (a line checked at one size).

Cheat-sheet lines 31 and 33 (the variance of a linear combination of n variables, checked at n = 4 as the catalog
does: confirmed, never proved) use them.
"""

import pytest

from formulas.model import Verdict
from verify.notes import check_loaded_notes, load_notes_text

RV = {"a": "vector 3", "X_1": "random", "X_2": "random", "X_3": "random", "b": "vector n"}


@pytest.mark.parametrize("tex, claim", [
    (r"\sum_{i < j} a_i a_j = 0", "a[0]*a[1] + a[0]*a[2] + a[1]*a[2] == 0"),
    (r"\sum_{i > j} a_i a_j = 0", "a[1]*a[0] + a[2]*a[0] + a[2]*a[1] == 0"),
    (r"\sum_{i \neq j} a_i a_j = 0", "a[0]*a[1] + a[0]*a[2] + a[1]*a[0] + a[1]*a[2] + a[2]*a[0] + a[2]*a[1] == 0"),
    (r"\sum_{i < j} a_i \text{Cov}(X_i, X_j) a_j = 0",
     "a[0]*Cov(X_1, X_2)*a[1] + a[0]*Cov(X_1, X_3)*a[2] + a[1]*Cov(X_2, X_3)*a[2] == 0"),
])

def test_a_sum_over_pairs_is_unrolled_over_the_pairs(claim_of, tex, claim):
    assert claim_of(tex, RV) == claim


def test_a_family_of_declared_names_alone_tells_no_length(claim_of):
    assert "do not tell one length" in claim_of(r"\sum_{i < j} \text{Cov}(X_i, X_j) = 0", RV)


def test_a_sum_over_pairs_of_symbolic_length_is_unreadable(claim_of):
    assert "needs numeric lengths" in claim_of(r"\sum_{i < j} b_i b_j = 0", RV)


def _report(md, tex, symbols, options):
    """The formula's line, options keyed by it (the header's length does not depend on the key's digits)."""
    probe = md(f"$$\n{tex}\n$$\n", symbols, equations={"L00": options})
    line = probe.splitlines().index(tex) + 1
    text = md(f"$$\n{tex}\n$$\n", symbols, equations={f"L{line}": options})
    notes = load_notes_text(text, "notes.md", "markdown")
    assert not notes.errors, notes.errors
    return notes, check_loaded_notes([notes], jobs=1)


def test_an_instance_is_confirmed_never_proved(md):
    tex = (r"\text{Var}[\sum_{i=1}^n a_i X_i] = \sum_{i=1}^n a_i^2 \text{Var}[X_i] + 2 \sum_{i < j} a_i a_j "
           r"\text{Cov}(X_i, X_j)")
    notes, report = _report(md, tex, RV, {"instance": {"n": 3}})
    assert notes.claims[0].claim.startswith("Var(a[0]*X_1 + a[1]*X_2 + a[2]*X_3) == ")
    assert notes.claims[0].claim.endswith("(instance: n = 3)")
    result = report.results[0].result
    assert result.verdict is Verdict.CONFIRMED and result.scope == "the instance n = 3"


def test_a_refutation_at_an_instance_refutes_the_line(md):
    tex = r"\text{Var}[\sum_{i=1}^n X_i] = \sum_{i=1}^n \text{Var}[X_i]"  # needs uncorrelated X_i
    _, report = _report(md, tex, RV, {"instance": {"n": 3}})
    assert report.results[0].result.verdict is Verdict.REFUTED


@pytest.mark.parametrize("value", [{"n": 0}, {"nn": 3}, {"n": "4"}, [4]])
def test_a_bad_instance_is_an_error(read, md, value):
    notes = read(md("$$\nx = x\n$$\n", {"x": "scalar"}, equations={"L1": {"instance": value}}))
    assert any("instance" in e.message for e in notes.errors)


def test_a_macro_body_uses_the_instance(md):
    notes, _ = _report(md, r"S = a_1 + a_2 + a_3", RV,
                       {"instance": {"n": 3}, "macros": {"S": r"\sum_{i=1}^n a_i"}})
    assert notes.claims[0].claim == "sum(a[i - 1], i, 1, 3) == a[0] + a[1] + a[2]   (instance: n = 3)"
