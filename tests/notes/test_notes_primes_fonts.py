"""Regressions: a prime on a function word is its derivative, never dropped; ``^\\mathsf{T}`` without braces.

``\\sigma'(z) = \\sigma(z)(1 - \\sigma(z))`` was read as ``sigmoid(z) == sigmoid(z)*(1 - sigmoid(z))`` (the prime
lost) and refuted: a false refutation of a true line.
"""

import pytest

Z = {"z": "scalar", "w": "scalar positive"}
READ = [
    (r"\sigma'(z) = \sigma(z)(1 - \sigma(z))", Z, "D(sigmoid(z), z) == sigmoid(z)*(1 - sigmoid(z))"),
    (r"\sigma''(z) = 0", Z, "D(D(sigmoid(z), z), z) == 0"),
    (r"\mathbf{x}^\mathsf{T}\mathbf{y} = \mathbf{y}^\mathrm{T}\mathbf{x}", {"x": "vector n", "y": "vector n"},
     "x.T*y == y.T*x"),
    (r"(A^{\mathsf{T}})^{-\mathsf{T}} = A^{-1}", {"A": "matrix n n invertible"}, "A.T.I.T == A.I"),
]
REFUSED = [
    (r"\sigma'(2z) = 2", Z, "a prime on the function sigmoid"),  # at an expression: not guessed
    (r"f'_X(t) = 0", {"X": "random", "t": "scalar"}, "derivative of a law's function is not read"),
]


@pytest.mark.parametrize(("tex", "symbols", "claim"), READ)
def test_read(claim_of, tex, symbols, claim):
    assert claim_of(tex, symbols) == claim


@pytest.mark.parametrize(("tex", "symbols", "why"), REFUSED)
def test_refused_with_reason(claim_of, tex, symbols, why):
    out = claim_of(tex, symbols)
    assert out.startswith("ERROR: ") and why in out, out


def test_sigmoid_derivative_line_is_proved():
    from tests.notes.conftest import markdown
    from verify.notes import check_loaded_notes, load_notes_text

    text = markdown("$$ \\sigma'(z) = \\sigma(z)(1 - \\sigma(z)) $$\n", Z)
    report = check_loaded_notes([load_notes_text(text, "p.md", "markdown")], timeout=60, jobs=1)
    assert [r.result.verdict.value for r in report.results] == ["proved"]
