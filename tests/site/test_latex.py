"""Every catalog statement renders as LaTeX that TeX reads the way SymPy does.

The check: for each node that prints with a superscript (a power, a transpose, an inverse), its
own rendering must be *one* TeX atom carrying that superscript.  ``(xᵀy)²`` printed as
``x^{T} y^{2}`` is two atoms, and TeX squares ``y`` alone.  The reader is
``tests/site/tex_reader.py``; SymPy's ``parse_latex`` cannot read matrix expressions, expectations
or the derivative node, so it is no help for most statements.
"""

from __future__ import annotations

import pytest
from sympy import Pow, Symbol, latex
from sympy.matrices.expressions import Inverse, MatPow, Transpose
from tex_reader import TexError, atoms

import formulas
from verify.site.latex import SiteLatexPrinter, statement_latex, symbol_latex, symbol_names

STATEMENTS = [e for e in formulas.entries() if e.expr is not None]
SUPERSCRIPTED = (Pow, Transpose, Inverse, MatPow)


def _misread_powers(expr, printer) -> list[str]:
    """Renderings of superscripted nodes that TeX would attach to less than the whole base."""
    bad = []
    for node in _preorder(expr):
        if not isinstance(node, SUPERSCRIPTED):
            continue
        tex = printer.doprint(node)
        parts = atoms(tex)
        if len(parts) == 1 and parts[0].scripts and parts[0].scripts[-1][0] == "^":
            continue
        if isinstance(node, Pow) and not any(a.scripts for a in parts):
            continue  # printed as \frac{1}{...} or \sqrt{...}: no superscript to misplace
        if isinstance(node, Pow) and tex.startswith(("\\frac", "- \\frac", "\\sqrt")):
            continue
        bad.append(f"{node}  ->  {tex}")
    return bad


def _preorder(expr):
    yield expr
    for arg in getattr(expr, "args", ()):
        yield from _preorder(arg)


@pytest.mark.parametrize("entry", STATEMENTS, ids=[e.id for e in STATEMENTS])
def test_every_power_is_read_as_sympy_reads_it(entry):
    printer = SiteLatexPrinter({"symbol_names": symbol_names(entry.expr)})
    full = printer.doprint(entry.expr)
    atoms(full)  # balanced groups, every script with a base and an argument
    assert _misread_powers(entry.expr, printer) == []


def test_the_reader_finds_the_square_of_a_product_printed_without_brackets():
    """SymPy's own printer writes (xᵀy)² as x^{T} y^{2}: the check must catch that."""
    entry = formulas.get("anal.cauchy-schwarz-sums")
    from sympy.printing.latex import LatexPrinter

    assert "x^{T} y^{2}" in latex(entry.expr)
    assert _misread_powers(entry.expr, LatexPrinter())
    assert statement_latex(entry.expr).startswith(r"\left(x^{T} y\right)^{2} \leq")
    assert r"\left(x^{T} x\right) \left(y^{T} y\right)" in statement_latex(entry.expr)


@pytest.mark.parametrize("tex, texts", [
    (r"x^{T} y^{2}", ["x^{T}", "y^{2}"]),
    (r"\left(x^{T} y\right)^{2}", [r"\left(x^{T} y\right)^{2}"]),
    (r"\operatorname{E}\left[X\right]^{2}", [r"\operatorname{E}\left[X\right]^{2}"]),
    (r"\log{\left(x \right)} y", [r"\log{\left(x\right)}", "y"]),  # text is re-spaced
    (r"a \left(b + c\right)^{2}", ["a", r"\left(b + c\right)^{2}"]),
    (r"\frac{1}{2} x_{i}^{2}", [r"\frac{1}{2}", "x_{i}^{2}"]),
    (r"\mathbf{f}(x)^{T}", [r"\mathbf{f}(x)^{T}"]),
])
def test_reader_groups_atoms_as_tex_does(tex, texts):
    assert [a.text for a in atoms(tex)] == texts


@pytest.mark.parametrize("tex", [r"\left(x", r"x^", r"{x", r"\frac{1}", r"x}"])
def test_reader_refuses_unbalanced_latex(tex):
    with pytest.raises(TexError):
        atoms(tex)


@pytest.mark.parametrize("name, tex", [
    ("lam", r"\lambda"), ("sigma", r"\sigma"), ("mu", r"\mu"), ("Sigma", r"\Sigma"), ("rho_i", r"\rho_{i}"),
    ("Sig", r"\Sigma"), ("th", r"\theta"), ("lam2", r"\lambda_{2}"), ("x", "x"), ("X1", "X_{1}"),
    ("ts", r"\mathit{ts}"), ("xhat", r"\hat{x}"),
])
def test_declared_names_print_as_their_symbols(name, tex):
    assert symbol_latex(name) == tex


def test_no_statement_prints_a_declared_abbreviation_letter_by_letter():
    for entry in STATEMENTS:
        tex = statement_latex(entry.expr)
        for name in entry.declared:
            if symbol_latex(name).startswith("\\") and len(name) > 1 and not symbol_latex(name).startswith("\\mathit"):
                assert f" {name} " not in f" {tex} ".replace("{", " ").replace("}", " "), (entry.id, name, tex)


def test_lam_prints_as_lambda_in_the_poisson_mgf():
    tex = statement_latex(formulas.get("prob.mgf-poisson").expr)
    assert r"e^{\lambda \left(e^{t} - 1\right)}" in tex and "lam " not in tex


def test_a_name_of_several_letters_is_one_symbol_under_a_power():
    from sympy import MatrixSymbol

    ts = MatrixSymbol("ts", 3, 1)
    assert statement_latex(ts.T) == r"\mathit{ts}^{T}"
    (atom,) = atoms(statement_latex(ts.T))
    assert atom.scripts == [("^", "{T}")]


def test_vector_entries_print_with_one_index():
    tex = statement_latex(formulas.get("info.entropy-definition").expr)
    assert "p_{i}" in tex and ",0}" not in tex


def test_symbol_names_only_lists_symbols_that_need_a_mapping():
    lam, x = Symbol("lam"), Symbol("x")
    assert symbol_names(lam * x) == {lam: r"\lambda"}
