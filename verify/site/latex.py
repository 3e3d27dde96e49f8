"""LaTeX for the site: declared names as their symbols, and brackets where a reader needs them.

SymPy's printer already writes ``sigma`` as σ and ``rho_i`` as ρᵢ; the catalog also uses a few
abbreviations it does not know (``lam`` for λ, ``Sig`` for Σ, ``th`` for θ), which it would print
letter by letter (*lame^{-lamt}*).  :data:`SYMBOL_LATEX` maps them, and :func:`symbol_latex` is
the one place a declared name becomes its symbol (formulas, symbol tables, counterexamples):

    >>> symbol_latex("lam"), symbol_latex("rho_i"), symbol_latex("Sig2")
    ('\\\\lambda', '\\\\rho_{i}', '\\\\Sigma_{2}')

:class:`SiteLatexPrinter` fixes what SymPy 1.14 gets wrong for the catalog's nodes:

* a power of a 1x1 product, ``ScalarOf(x.T*y)**2``, printed as ``x^{T} y^{2}`` (the square of
  ``y``): the product is bracketed, ``\\left(x^{T} y\\right)^{2}``;
* such a product next to other factors, ``(xᵀx)(yᵀy)``, is bracketed too;
* an entry of a vector prints with one index, ``p_{i}``, not ``{p}_{i,0}``;
* a name of several letters is one symbol, ``\\mathit{ts}^{T}`` (TeX would transpose the ``s`` of ``ts^{T}``).

    >>> from sympy import MatrixSymbol
    >>> from formulas.nodes import ScalarOf
    >>> x, y = MatrixSymbol("x", 3, 1), MatrixSymbol("y", 3, 1)
    >>> statement_latex(ScalarOf(x.T * y) ** 2)
    '\\\\left(x^{T} y\\\\right)^{2}'
"""

from __future__ import annotations

import re

from sympy import MatrixSymbol, Number, Symbol
from sympy import latex as sympy_latex
from sympy.matrices.expressions import MatAdd, MatMul
from sympy.printing.latex import LatexPrinter
from sympy.printing.precedence import PRECEDENCE

from formulas.nodes import ScalarOf

__all__ = ["SYMBOL_LATEX", "SiteLatexPrinter", "statement_latex", "symbol_latex", "symbol_names"]

# Abbreviations the catalog declares that SymPy would print letter by letter.
SYMBOL_LATEX = {
    "lam": r"\lambda", "Lam": r"\Lambda", "Sig": r"\Sigma", "sig": r"\sigma", "th": r"\theta",
    "eps": r"\varepsilon", "gam": r"\gamma", "del": r"\delta", "pv": "p_{v}", "pw": "p_{w}", "pvw": "p_{vw}",
}
_SUFFIX = re.compile(r"^(?P<base>[A-Za-z]+?)(?:_(?P<sub>\w+)|(?P<digits>\d+))$")


def symbol_latex(name: str) -> str:
    """The LaTeX of a declared name: an abbreviation from :data:`SYMBOL_LATEX`, else SymPy's reading."""
    if name in SYMBOL_LATEX:
        return SYMBOL_LATEX[name]
    m = _SUFFIX.match(name)
    if m and m["base"] in SYMBOL_LATEX:
        return f"{SYMBOL_LATEX[m['base']]}_{{{m['sub'] or m['digits']}}}"
    tex = sympy_latex(Symbol(name))
    return rf"\mathit{{{tex}}}" if re.fullmatch(r"[A-Za-z]{2,}", tex) else tex


def symbol_names(expr) -> dict:
    """``symbol_names`` for SymPy's printer: every symbol of ``expr`` whose name needs mapping."""
    out = {}
    for atom in expr.atoms(Symbol, MatrixSymbol):
        name = atom.name
        tex = symbol_latex(name)
        if tex != sympy_latex(Symbol(name)):
            out[atom] = tex
    return out


def _is_product(expr) -> bool:
    """A ScalarOf whose argument prints as several factors or terms."""
    return isinstance(expr, ScalarOf) and isinstance(expr.args[0], (MatMul, MatAdd))


class SiteLatexPrinter(LatexPrinter):
    """SymPy's LaTeX printer with the catalog's brackets (see the module docstring)."""

    def __init__(self, settings=None):
        super().__init__(settings)
        self._factors: list[int] = []  # non-numeric factors of the products being printed

    def parenthesize(self, item, level, is_neg=False, strict=False) -> str:
        if _is_product(item) and level >= PRECEDENCE["Pow"]:
            return self._add_parens(self._print(item))
        return super().parenthesize(item, level, is_neg, strict)

    def _print_Mul(self, expr):
        self._factors.append(sum(1 for a in expr.args if not isinstance(a, Number)))
        try:
            return super()._print_Mul(expr)
        finally:
            self._factors.pop()

    def _needs_mul_brackets(self, expr, first=False, last=False) -> bool:
        if _is_product(expr) and self._factors and self._factors[-1] > 1:
            return True
        return super()._needs_mul_brackets(expr, first=first, last=last)

    def _print_Symbol(self, expr, style="plain"):
        tex = super()._print_Symbol(expr, style=style)
        # a name of several letters is one symbol: \mathit{ts}^{T}, not t s^{T}
        return rf"\mathit{{{tex}}}" if re.fullmatch(r"[A-Za-z]{2,}", tex) else tex

    def _print_MatrixElement(self, expr):
        if expr.parent.shape[1] == 1 and expr.j == 0:  # an entry of a column vector: one index
            return f"{self.parenthesize(expr.parent, PRECEDENCE['Atom'], strict=True)}_{{{self._print(expr.i)}}}"
        return super()._print_MatrixElement(expr)


def statement_latex(expr, names: dict | None = None) -> str:
    """LaTeX of a statement (or any expression) with the site's symbols and brackets."""
    names = symbol_names(expr) if names is None else names
    return SiteLatexPrinter({"symbol_names": names}).doprint(expr)
