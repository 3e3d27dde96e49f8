"""Declared readings of garbled lines, relations declared as definitions, and a script after S(...)."""

import pytest

HEAD = "---\nsheetproof:\n  symbols: {x: scalar, y: scalar}\n  inline: true\n  equations:\n"  # one entry: the body is line 8


def _notes(read, equations: str, body: str):
    return read(HEAD + equations + "---\n" + body)


def test_a_reading_replaces_the_formulas_of_its_line_and_says_why(read):
    notes = _notes(read, "    L9: {reading: 'x + y = y + x', because: 'a lost plus sign'}\n",
                   "Text.\n$x y = y + x$ and $x = $\n")
    assert [(c.id, c.line, c.claim, c.because) for c in notes.claims] == [
        ("L9", 9, "x + y == y + x", "a lost plus sign")]
    assert notes.claims[0].to_json()["reading"] == "a lost plus sign"
    assert not notes.errors


def test_a_chain_in_a_reading_is_one_claim_per_link_on_the_line(read):
    notes = _notes(read, "    L8: {reading: '(x + y)^2 = x^2 + 2xy + y^2 = y^2 + 2xy + x^2', because: 'a lost square'}\n",
                   "$(x + y) = x^2 + 2xy + y^2$\n")
    assert [(c.id, c.line) for c in notes.claims] == [("L8.1", 8), ("L8.2", 8)]
    assert all(c.because == "a lost square" for c in notes.claims)


def test_lines_without_a_reading_are_read_as_printed(read):
    notes = _notes(read, "    L8: {reading: 'x = x', because: 'garbled'}\n", "$x + 1 = x$\n$x = x + 1$\n")
    assert [(c.line, c.claim, c.because) for c in notes.claims] == [(8, "x == x", "garbled"),
                                                                    (9, "x == x + 1", None)]


@pytest.mark.parametrize("entry, message", [
    ("L8: {reading: 'x = x'}", "a reading needs 'because:'"),
    ("L8: {because: 'why'}", "add 'reading:'"),
    ("L8: {reading: '', because: 'why'}", "must be the TeX"),
    ("L10: {reading: 'x = x', because: 'why'}", "line 10 has no formula"),
    ("L8.1: {reading: 'x = x', because: 'why'}", "belongs to a whole line"),
])
def test_bad_readings_are_errors(read, entry, message):
    notes = _notes(read, f"    {entry}\n", "$x = x$\n")
    assert any(message in str(e) for e in notes.errors), notes.errors


def test_a_declared_definition_is_notation_not_a_claim(read):
    notes = _notes(read, "    L8.1: {definition: 'S names the sum'}\n", "$s = x + y = y + x$\n")
    assert [c.claim for c in notes.claims] == ["x + y == y + x"]
    assert [(n.line, n.why) for n in notes.not_claims] == [(8, "a definition (declared: S names the sum)")]


def test_a_script_after_a_declared_matrix_and_a_bracket_belongs_to_the_bracket(claim_of):
    # regression: S(A + B)^{-1} was read as (S (A + B))^{-1}, which refuted a true gradient (cheat sheet line 714)
    mats = {"S": "matrix n n", "A": "matrix n n", "B": "matrix n n"}
    assert claim_of(r"\mathrm{tr}(S(A + B)^{-1}) = \mathrm{tr}(S (A+B)^{-1})", mats) == \
        "tr(S*(A + B).I) == tr(S*(A + B).I)"
    assert claim_of(r"S(A + B)^T = S (A^T + B^T)", mats) == "S*(A + B).T == S*(A.T + B.T)"
    assert claim_of(r"f(x)^2 = f(x) f(x)", {"x": "scalar", "f": "function x"}) == "f**2 == f*f"


def test_a_sum_over_a_set_is_a_sum_over_the_entries_of_the_vectors_it_evaluates(claim_of):
    probs = {"p": "vector 3 probability", "q": "vector 3 probability"}
    assert claim_of(r"-\sum_{\mathbf{x} \in \mathcal{X}} p(\mathbf{x}) \log(q(\mathbf{x})) \geq 0", probs) == \
        "-sum(p[x - 1]*log(q[x - 1]), x, 1, 3) >= 0"
    assert claim_of(r"\sum_{x \in \mathcal{X}} x^2 = 1", {}).startswith("ERROR: \\sum over a set")


def test_hypotheses_and_one_lines_macros(read):
    notes = _notes(read, "    L9: {macros: {'\\mu': 'x + y'}}\n    L9.1: {hypothesis: 'x is positive'}\n",
                   "$x > 0$ and $\\mu = y + x$\n$\\mu = 1$\n")
    assert [(c.line, c.latex, c.claim) for c in notes.claims][:1] == [(9, "\\mu = y + x", "x + y == y + x")]
    assert [(n.line, n.why) for n in notes.not_claims] == [(9, "a hypothesis of the line's claim (declared: x is "
                                                                "positive)")]
    assert notes.claims[1].error and "mu" in notes.claims[1].error  # line 10 has no such macro


def test_a_declared_claim_reads_the_lines_colon_equals_as_a_claim(read):
    notes = _notes(read, "    L8: {claim: 'the list states values', macros: {'\\text{Sq}(x)': '(x + y)^2'}}\n",
                   "$\\text{Sq}(x) := x^2 + 2xy + y^2 \\quad x := y$\n$z := x$\n")
    assert [(c.id, c.claim) for c in notes.claims] == [("L8.1", "(x + y)**2 == x**2 + 2*x*y + y**2"),
                                                       ("L8.2", "x == y")]
    assert [n.line for n in notes.not_claims] == [9]  # other lines keep ':=' as a definition


def test_a_declared_claim_needs_its_reason(read):
    notes = _notes(read, "    L8: {claim: ''}\n", "$x := y$\n")
    assert any("claim: must say why" in e.message for e in notes.errors)
