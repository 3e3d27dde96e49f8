"""``M_X(t)`` / ``M_{X+Y}`` (the MGF) and ``\\lceil x \\rceil`` / ``\\lfloor x \\rfloor``: read, then decided.

Each notation has a true claim and the slip a student makes (cheat-sheet lines 220 and 744 use them).
"""

import pytest

from verify.notes import check_loaded_notes, load_notes_text

RV = {"X": "random", "Y": "random", "t": "scalar", "s": "scalar"}


@pytest.mark.parametrize("tex, symbols, claim", [
    (r"M_{X+Y}(t) = M_X(t) M_Y(t)", RV, "MGF(X + Y, t) == MGF(X, t)*MGF(Y, t)"),
    (r"M_{\mathbf{X}+\mathbf{Y}} = M_{\mathbf{X}} \cdot M_{\mathbf{Y}}", RV, "MGF(X + Y, t) == MGF(X, t)*MGF(Y, t)"),
    (r"M_{2X}(s) = M_X(2s)", RV, "MGF(2*X, s) == MGF(X, 2*s)"),
    (r"\lceil s \rceil \geq s", {"s": "scalar"}, "ceiling(s) >= s"),
    (r"\lfloor s + 1 \rfloor = \lfloor s \rfloor + 1", {"s": "scalar"}, "floor(s + 1) == floor(s) + 1"),
    (r"k \leq \lceil \log_2(n+1) \rceil", {"k": "scalar", "n": "scalar positive"},
     "k <= ceiling(log(n + 1)/log(2))"),
])
def test_the_notation_reads_as_the_claim_it_means(claim_of, tex, symbols, claim):
    assert claim_of(tex, symbols) == claim


@pytest.mark.parametrize("tex, symbols, message", [
    # a bare M_X needs the argument it is read at
    (r"M_{X+Y} = M_X M_Y", {"X": "random", "Y": "random"}, "declare its argument t: scalar"),
    # M declared (a matrix): M_{ij} is its entry, never an MGF
    (r"M_{12} = M_{21}", {"M": "matrix 2 2", "X": "random"}, None),
    # no random variable in the subscript: not an MGF
    (r"M_1 = M_2", {"M_1": "scalar", "M_2": "scalar", "t": "scalar"}, None),
])
def test_m_is_an_mgf_only_of_a_random_subscript(claim_of, tex, symbols, message):
    got = claim_of(tex, symbols)
    if message is None:
        assert "MGF" not in got and not got.startswith("ERROR"), got
    else:
        assert got.startswith("ERROR") and message in got, got


def test_an_unclosed_ceiling_is_an_error(claim_of):
    got = claim_of(r"\lceil s = 1", {"s": "scalar"})
    assert got.startswith("ERROR") and "\\lceil" in got, got


NOTES = r"""---
sheetproof:
  symbols: {X: random, Y: random, t: scalar, s: scalar}
  given: independent X Y
---
$$ M_{X+Y} = M_X \cdot M_Y $$
$$ M_{X+Y} = M_X + M_Y $$
<!-- sheetproof: expect=refuted -->
$$ \lceil s \rceil \geq s $$
$$ \lceil s \rceil \leq s $$
<!-- sheetproof: expect=refuted -->
"""


@pytest.fixture(scope="module")
def report():
    return check_loaded_notes([load_notes_text(NOTES, "mgf.md", "markdown")], timeout=60, jobs=1)


def test_true_claims_hold_and_the_slips_are_refuted_exactly(report):
    assert report.unreadable == [] and report.errors == []
    got = [(r.claim.claim, r.result.verdict.value) for r in report.results]
    assert got == [("MGF(X + Y, t) == MGF(X, t)*MGF(Y, t)", "proved"),
                   ("MGF(X + Y, t) == MGF(X, t) + MGF(Y, t)", "refuted"),
                   ("ceiling(s) >= s", "confirmed"), ("ceiling(s) <= s", "refuted")]
    assert all(r.passed for r in report.results)
    for r in report.results:
        if r.result.verdict.value == "refuted":
            assert r.result.counterexample["exact"] is True
