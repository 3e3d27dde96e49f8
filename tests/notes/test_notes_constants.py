"""``+ \\text{const}`` (equality up to an additive constant in declared symbols) and literal-pattern macros.

Cheat-sheet line 692 (the Gaussian log-likelihood with the sign of log det A flipped: refuted) uses both: its
``\\log(P(\\mathbf{X}; \\mathbf{A}))`` and ``\\mathbf{S}`` are named by the text around it.
"""

import pytest

from verify.notes import check_loaded_notes, load_notes_text

X = {"x": "scalar", "y": "scalar"}
LOGLIK = {r"\log(P(\mathbf{X}; \mathbf{A}))": r"(-\frac{1}{2} \operatorname{tr}(\mathbf{X}^T \mathbf{A}^{-1} \mathbf{X})"
          r" - \frac{k}{2} \log(\det(2 \pi \mathbf{A})))", r"\mathbf{S}": r"(\frac{1}{k} \mathbf{X} \mathbf{X}^T)"}


def _verdicts(md, tex, symbols, **header):
    notes = load_notes_text(md(f"$$\n{tex}\n$$\n", symbols, **header), "notes.md", "markdown")
    assert not notes.errors, notes.errors
    report = check_loaded_notes([notes], jobs=1)
    return notes, [r.result.verdict.value for r in report.results]


@pytest.mark.parametrize("tex, claim, verdict", [
    (r"\log(e^{x^2 + 3}) = x^2 + \text{const}", "D(log(exp(x**2 + 3)) - x**2, x) == 0", "proved"),
    (r"(x + 1)^2 = x^2 + \mathrm{const}", "D((x + 1)**2 - x**2, x) == 0", "refuted"),
    (r"(x + y)^2 - 2xy = x^2 + C", "D((x + y)**2 - 2*x*y - x**2, y) == 0", "refuted"),
    (r"(x + y)^2 - 2xy - y^2 = x^2 + \text{const.}", "D((x + y)**2 - 2*x*y - y**2 - x**2, y) == 0", "proved"),
])
def test_an_additive_constant_is_read_as_a_vanishing_derivative(md, tex, claim, verdict):
    constant_in = ["x"] if "x + 1" in tex or "e^" in tex else ["y"]
    notes, verdicts = _verdicts(md, tex, X, constant_in=constant_in)
    assert notes.claims[0].claim == f"{claim}   (equal up to a constant in {constant_in[0]})"
    assert verdicts == [verdict]


@pytest.mark.parametrize("tex, symbols, header, message", [
    (r"(x + 1)^2 = x^2 + \text{const}", X, {}, "constant_in: [A]"),
    (r"(x + 1)^2 \leq x^2 + \text{const}", X, {"constant_in": ["x"]}, "in an inequality"),
])
def test_a_constant_without_its_symbols_is_unreadable(md, tex, symbols, header, message):
    notes = load_notes_text(md(f"$$\n{tex}\n$$\n", symbols, **header), "notes.md", "markdown")
    assert message in notes.claims[0].error


def test_a_declared_c_is_a_symbol_not_a_constant(claim_of):
    assert claim_of(r"x + C = C + x", {"x": "scalar", "C": "scalar"}) == "x + C == C + x"


def test_a_pattern_macro_names_what_the_text_defines(md):
    symbols = {"X": "matrix n k", "A": "matrix n n spd"}
    wrong = (r"\log(P(\mathbf{X}; \mathbf{A})) = -\frac{k}{2} \left( \text{Tr}(\mathbf{S}\mathbf{A}^{-1}) - "
             r"\log(\det(\mathbf{A})) \right) + \text{const.}")
    notes, verdicts = _verdicts(md, wrong, symbols, constant_in=["A"], macros=LOGLIK)
    assert notes.claims[0].claim.startswith("D(-1/2*tr(X.T*A.I*X) - k/2*log(det(2*pi*A))")
    assert "tr(1/k*X*X.T*A.I)" in notes.claims[0].claim
    assert verdicts == ["refuted"]


def test_a_pattern_macro_is_not_rescanned(read, md):
    notes = read(md("$$\nx = x\n$$\n", {"x": "scalar"}, macros={"x": "(x + x)"}))
    assert notes.claims[0].claim == "x + x == x + x"
