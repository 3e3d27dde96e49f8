"""Matrix powers Xᵏ with a symbolic integer exponent in the index-notation engine (verify/tensor/powers.py).

True rows must be proved at symbolic size, false rows never; a false row that the checker decides must be
refuted; where the declarations do not make the exponent an integer (or the trace rule's k ≥ 1 / X
invertible condition does not hold) nothing is proved and the check ends in time.  Sources: Matrix
Cookbook (2012) eqs. (58) and (121); the laws of integer exponents.
"""

import pytest
import sympy as sp
from sympy.matrices.expressions import MatPow

from formulas.model import Verdict
from formulas.nodes import D
from formulas.spec import dim_symbol, parse_spec
from verify.check import check
from verify.engines.symbolic import symbolic_general
from verify.tensor import TensorUnsupported, prove_equal
from verify.userfile.identity import Identity

T, F = True, False
SQ = {"X": "matrix n n", "k": "scalar integer positive"}
INV = {"X": "matrix n n invertible", "k": "scalar integer positive"}
INV_ANY = {"X": "matrix n n invertible", "k": "scalar integer"}
ANY = {"X": "matrix n n", "k": "scalar integer"}

ROWS = [
    # Cookbook (121) and (58), and their relatives
    ("D(tr(X**k), X) == k*(X**(k - 1)).T", SQ, T),
    ("D(tr(X**k), X) == k*(X.T)**(k - 1)", SQ, T),
    ("D(tr(X**k), X) == k*(X**(k - 1)).T", INV_ANY, T),  # every integer k when X is invertible
    ("D(tr(X**(k + 1)), X) == (k + 1)*(X**k).T", {"X": "matrix n n", "k": "scalar integer nonnegative"}, T),
    ("D(tr(S**k), S) == k*S**(k - 1)", {"S": "matrix n n symmetric", "k": "scalar integer positive"}, T),
    ("D(tr((A*X)**k), X) == k*A.T*((A*X)**(k - 1)).T", {**SQ, "A": "matrix n n"}, T),
    ("D(det(X**k), X) == k*det(X**k)*X.I.T", INV, T),
    ("D(det(X**k), X) == k*det(X**k)*X.I.T", INV_ANY, T),
    # det and the laws of integer exponents
    ("det(X**k) == det(X)**k", ANY, T),
    ("X*X**k == X**k*X", ANY, T),
    ("X**k*X**2 == X**(k + 2)", SQ, T),
    ("(X**k).T == (X.T)**k", ANY, T),
    ("(2*X)**k == 2**k*X**k", SQ, T),
    ("(X**k).I == X.I**k", INV, T),
    ("X**k*X**(-k) == Identity(n)", INV_ANY, T),
    ("tr(X**k*X.I) == tr(X**(k - 1))", INV_ANY, T),
    ("tr(X**k) == tr((X.T)**k)", ANY, T),
    # mistakes
    ("D(tr(X**k), X) == k*X**(k - 1)", SQ, F),  # transpose dropped
    ("D(tr(X**k), X) == k*(X**k).T", SQ, F),  # wrong power
    ("D(tr(X**k), X) == (X**(k - 1)).T", SQ, F),  # factor k dropped
    ("D(det(X**k), X) == det(X**k)*X.I.T", INV, F),
    ("det(X**k) == k*det(X)", SQ, F),
    ("X**k*X == X**(k + 2)", SQ, F),
    ("(X**k).T == X**k", SQ, F),
    # no rule: the trace rule needs k ≥ 1 or X invertible; Xᵏ outside a trace has no derivative rule
    ("D(tr(X**k), X) == k*(X**(k - 1)).T", ANY, None),
    ("D(tr(A*X**k), X) == k*A.T*(X**(k - 1)).T", {**SQ, "A": "matrix n n"}, None),
]


def _entry(claim, symbols):
    return Identity(id="t", claim=claim, symbols=symbols).to_entry()


@pytest.mark.parametrize("claim, symbols, true", ROWS, ids=[f"{r[0]} {sorted(r[1].items())}" for r in ROWS])
def test_symbolic_powers(claim, symbols, true):
    method, proved = symbolic_general(_entry(claim, symbols))
    if true:
        assert proved, method.detail
    else:
        assert not proved, f"claim proved without a rule that covers it: {method.detail}"


def test_proof_names_the_theorems():
    method, proved = symbolic_general(_entry("D(tr(X**k), X) == k*(X**(k - 1)).T", SQ))
    assert proved
    assert "cyclic property of the trace" in method.detail and "product rule" in method.detail
    method, proved = symbolic_general(_entry("D(det(X**k), X) == k*det(X**k)*X.I.T", INV))
    assert proved and "det(Mᵏ) = det(M)ᵏ" in method.detail


@pytest.mark.parametrize("claim, symbols", [
    ("D(tr(X**k), X) == k*X**(k - 1)", SQ),
    ("D(tr(X**k), X) == k*(X**k).T", SQ),
    ("D(det(X**k), X) == det(X**k)*X.I.T", INV),
])
def test_mistakes_are_refuted(claim, symbols):
    result = check(_entry(claim, symbols), timeout=60)
    assert result.verdict is Verdict.REFUTED, (result.verdict, result.reason)


def test_exponent_not_declared_an_integer_has_no_rule():
    """A SymPy exponent without the integer assumption: the engine refuses it (another engine decides)."""
    n = dim_symbol("n")
    X = sp.MatrixSymbol("X", n, n)
    declared = {"X": parse_spec("X", "matrix n n")}
    for k in (sp.Symbol("k", positive=True), sp.Symbol("k", real=True)):
        with pytest.raises(TensorUnsupported):
            prove_equal(D(sp.Trace(MatPow(X, k)), X), k * MatPow(X.T, k - 1), declared)
        with pytest.raises(TensorUnsupported):
            prove_equal(sp.Determinant(MatPow(X, k)), sp.Determinant(X) ** k, declared)


def test_rule_without_its_condition_ends_in_time():
    """k any integer and X not invertible: the trace rule does not apply; the check is not a proof, and it
    ends well inside its time limit (exact corners of an integer k are small integers)."""
    result = check(_entry("D(tr(X**k), X) == k*(X**(k - 1)).T", ANY), timeout=60)
    assert result.verdict is Verdict.CONFIRMED, (result.verdict, result.reason)
    assert result.seconds < 30


def test_integer_corners_are_integers():
    from verify.engines.corners import _scalar_corners

    assert _scalar_corners({"integer", "positive", "nonnegative", "nonzero", "real"}) == [1, 2]
    assert _scalar_corners({"integer", "nonnegative", "real"}) == [0, 1]
    assert all(v.is_Integer for v in _scalar_corners({"integer", "real"}))
