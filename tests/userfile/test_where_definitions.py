"""``where: c == expr`` defining a plain vector or matrix: the claim is checked with c replaced by expr."""

import sympy as sp

from formulas.model import Verdict
from verify.userfile import check_claim
from verify.userfile.definitions import defined_by

PARTS = {"x": "vector d", "a": "vector d", "b": "vector d", "c": "vector d"}
GRAM = {"X": "matrix n n", "S": "matrix n n", "a": "matrix n n"}


def test_a_defined_vector_is_substituted_and_the_claim_proved():
    result = check_claim("hadamard(x, a) + hadamard(x, b) + hadamard(x, c) == x", PARTS,
                         where=("c == ones(d, 1) - a - b",))
    assert result.verdict is Verdict.PROVED


def test_a_false_claim_about_a_defined_matrix_is_refuted_exactly():
    result = check_claim("tr(S) == tr(X)**2", GRAM, where=("S == X*X.T",))
    assert result.verdict is Verdict.REFUTED and result.counterexample["exact"] is True


def test_the_definition_written_either_way_round_and_twice():
    assert check_claim("tr(S) == tr(X.T*X)", GRAM, where=("X*X.T == S",)).verdict is Verdict.PROVED
    assert check_claim("tr(S) == tr(X.T*X)", GRAM, where=("S == X*X.T", "S == X*X.T")).verdict is Verdict.PROVED


def test_a_definition_that_contradicts_another_clause_is_not_used():
    result = check_claim("tr(S) == 0", GRAM, where=("S == X*X.T", "S == X*X.T + Identity(n)"))
    assert result.verdict is not Verdict.PROVED and result.verdict is not Verdict.REFUTED


def test_flagged_symbols_functions_and_derivatives_are_not_substituted():
    n = sp.Symbol("n")
    S, X, a = (sp.MatrixSymbol(k, n, n) for k in "SXa")
    eq = [sp.Eq(S, X * X.T)]
    assert defined_by(eq, {"S": "matrix n n symmetric", "X": "matrix n n"}, ())[0] == {}
    assert defined_by(eq, {"S": "matrix n n", "X": "matrix n n", "f": "function S"}, ())[0] == {}
    assert defined_by([sp.Eq(S, 2 * a)], GRAM, [sp.Eq(sp.Trace(S), 0)])[0] == {S: 2 * a}
    assert defined_by([sp.Eq(S, S.T)], GRAM, ())[0] == {}  # S occurs in its own definition


def test_a_derivative_keeps_the_defined_symbol_independent():
    """D(tr(S), a) is 0: S is its own variable even where S == 2a (substituting would give 2I: a false refutation)."""
    result = check_claim("D(tr(S), a) == zeros(n, n)", GRAM, where=("S == 2*a",))
    assert result.verdict in (Verdict.PROVED, Verdict.CONFIRMED), (result.verdict, result.reason)
