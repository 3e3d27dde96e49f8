"""Shape memberships (``\\in \\mathbb{R}^{m \\times n}``): read as shape claims, decided from the declarations.

Cheat-sheet lines 122 (the denominator Jacobian claimed m x n: refuted) and 128 (the numerator
Jacobian J_f, defined by its entries, m x n: proved) use them.
"""

import pytest

from formulas.model import Verdict
from verify.notes import check_loaded_notes, load_notes_text

JAC = {"x": "vector n", "f": "function x m", "A": "matrix m n"}


def _check(md, tex, symbols, **header):
    notes = load_notes_text(md(f"$$\n{tex}\n$$\n", symbols, **header), "notes.md", "markdown")
    assert not notes.errors, notes.errors
    report = check_loaded_notes([notes], jobs=1)
    return notes, report


@pytest.mark.parametrize("tex, claim, verdict", [
    (r"\frac{\partial f}{\partial \mathbf{x}} \in \mathbb{R}^{n \times m}", "shape(D(f, x)) == (n, m)", "proved"),
    (r"\frac{\partial f}{\partial \mathbf{x}} \in \mathbb{R}^{m \times n}", "shape(D(f, x)) == (m, n)", "refuted"),
    (r"\mathbf{A}\mathbf{x} \in \mathbb{R}^{m}", "shape(A*x) == (m, 1)", "proved"),
    (r"\mathbf{A}\mathbf{x} \in \mathbb{R}^n", "shape(A*x) == (n, 1)", "refuted"),
    (r"\mathbf{x}^T \mathbf{x} \in \mathbb{R}", "shape(x.T*x) == (1, 1)", "proved"),
    (r"\mathbf{A}^T \in \mathbb{R}^{n \times m}", "shape(A.T) == (n, m)", "proved"),
    (r"\mathbf{A} \mathbf{A}^T \in \mathbb{R}^{m \times m}", "shape(A*A.T) == (m, m)", "proved"),
])
def test_a_membership_in_a_real_space_claims_a_shape(md, tex, claim, verdict):
    notes, report = _check(md, tex, JAC)
    assert [c.claim for c in notes.claims] == [claim]
    assert [r.result.verdict.value for r in report.results] == [verdict]


def test_a_refutation_names_sizes_where_the_shapes_differ(md):
    _, report = _check(md, r"\frac{\partial f}{\partial \mathbf{x}} \in \mathbb{R}^{m \times n}", JAC)
    cex = report.results[0].result.counterexample
    sizes = cex["sizes"]
    assert sizes["m"] != sizes["n"] and min(sizes.values()) >= 1
    assert cex["shape"] == [sizes["n"], sizes["m"]] and cex["stated"] == [sizes["m"], sizes["n"]]


def test_the_layout_decides_the_jacobian_shape(md):
    _, report = _check(md, r"\frac{\partial f}{\partial \mathbf{x}} \in \mathbb{R}^{m \times n}", JAC,
                       layout="numerator")
    assert report.results[0].result.verdict is Verdict.PROVED


def test_a_matrix_defined_by_its_entries_has_the_ranges_of_its_indices(md):
    tex = r"(J_f)_{ij} = \frac{\partial f_i}{\partial x_j} \in \mathbb{R}^{m \times n}"
    notes, report = _check(md, tex, JAC)
    assert len(notes.claims) == 1 and notes.claims[0].claim.startswith("shape(J_f) == (m, n), where")
    assert [n.why for n in notes.not_claims] == ["the definition of J_f by its entries"]
    assert report.results[0].result.verdict is Verdict.PROVED
    swapped = r"(J_f)_{ij} = \frac{\partial f_j}{\partial x_i} \in \mathbb{R}^{m \times n}"
    assert _check(md, swapped, JAC)[1].results[0].result.verdict is Verdict.REFUTED


def test_an_index_with_two_ranges_is_unreadable(md):
    tex = r"(M)_{ij} = f_i x_i \in \mathbb{R}^{m \times n}"
    notes, report = _check(md, tex, JAC)
    assert "runs over different sizes" in notes.claims[0].error and report.exit_status == 2


def test_the_membership_of_a_name_and_other_sets_stay_notation(md):
    text = md("$$\n\\mathbf{x} \\in \\mathbb{R}^n\n$$\n\n$$\n\\theta \\in \\{-1, 1\\}\n$$\n", JAC)
    notes = load_notes_text(text, "notes.md", "markdown")
    assert notes.claims == []
    assert [n.why.split(":")[0] for n in notes.not_claims] == ["a membership of a name", "a membership (\\in)"]


def test_an_undeclared_size_is_unreadable(md):
    notes, report = _check(md, r"\mathbf{A}\mathbf{x} \in \mathbb{R}^{k}", JAC)
    assert "k" in notes.claims[0].error and report.exit_status == 2


def test_sizes_restricted_by_where_are_never_refuted(md):
    _, report = _check(md, r"\mathbf{A}\mathbf{x} \in \mathbb{R}^n", JAC, where=["m <= n"])
    assert report.results[0].result.verdict is Verdict.NOT_CHECKABLE
