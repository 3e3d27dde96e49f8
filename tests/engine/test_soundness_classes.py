"""Regression tests for each class of wrong verdict seen (issue 10, section 1, and the engine's own history).

Each class has true claims that must not be refuted and false claims that must not be proved; every
refutation must carry a concrete, exactly re-checked point.
"""

import pytest

from formulas.model import Verdict
from verify.userfile import check_claim

P, C, R = Verdict.PROVED, Verdict.CONFIRMED, Verdict.REFUTED
HOLDS = (P, C)


def _check(claim, symbols, **kw):
    return check_claim(claim, symbols, timeout=60, **kw)


def _assert_refuted_with_point(result):
    assert result.verdict is R, (result.verdict, result.reason, [(m.engine, m.detail) for m in result.methods])
    cex = result.counterexample
    assert cex and (cex.get("values") is not None or cex.get("shapes")), cex
    if "values" in cex:
        assert cex["exact"] is True
        assert cex["lhs"] != cex["rhs"] or "shapes" in cex


# 1. forced rewrites: log rules need positivity the declarations do not give ------------------------------
@pytest.mark.parametrize("claim, symbols", [
    ("log(a*b) == log(a) + log(b)", {"a": "scalar nonzero", "b": "scalar nonzero"}),
    ("log(a**2) == 2*log(a)", {"a": "scalar nonzero"}),
    ("log(a/b) == log(a) - log(b)", {"a": "scalar", "b": "scalar nonzero"}),
    ("sqrt(a*b) == sqrt(a)*sqrt(b)", {"a": "scalar", "b": "scalar"}),
    ("sqrt(x**2) == x", {"x": "scalar"}),
])
def test_rewrites_that_assume_positivity_are_refuted(claim, symbols):
    _assert_refuted_with_point(_check(claim, symbols))


@pytest.mark.parametrize("claim, symbols", [
    ("log(a*b) == log(a) + log(b)", {"a": "scalar positive", "b": "scalar positive"}),
    ("log(a**2) == 2*log(abs(a))", {"a": "scalar nonzero"}),
    ("sqrt(x**2) == abs(x)", {"x": "scalar"}),
])
def test_the_same_rewrites_with_their_assumptions_are_proved(claim, symbols):
    assert _check(claim, symbols).verdict is P


# 2. "refuted" with no evidence: an inconclusive residual is not a failure; `where` is honoured ------------
@pytest.mark.parametrize("claim, symbols, where", [
    ("tanh(a) == 2*sigmoid(2*a) - 1", {"a": "scalar"}, ()),
    ("abs(a) == a", {"a": "scalar"}, ("a >= 0",)),
    ("sqrt(t)**2 == t", {"t": "scalar"}, ("t > 0",)),
    ("sigmoid(-x) == 1 - sigmoid(x)", {"x": "scalar"}, ()),
])
def test_true_scalar_claims_hold(claim, symbols, where):
    result = _check(claim, symbols, where=list(where))
    assert result.verdict in HOLDS, (result.verdict, result.reason, result.counterexample)


def test_every_refutation_of_a_false_claim_has_a_point():
    for claim, symbols in [("abs(a) == a", {"a": "scalar"}), ("exp(a + b) == exp(a) + exp(b)", {"a": "scalar",
                           "b": "scalar"}), ("tr(A*B) == tr(A)*tr(B)", {"A": "matrix n n", "B": "matrix n n"})]:
        _assert_refuted_with_point(_check(claim, symbols))


# 3. sizes where the claim is undefined are never counterexamples --------------------------------------------
@pytest.mark.parametrize("claim, symbols", [
    ("(X.T*X).I*X.T*X == Identity(m)", {"X": "matrix n m"}),
    ("X*(X.T*X).I*X.T*X == X", {"X": "matrix n m"}),
    ("(X.T*X).I == ((X.T*X).I).T", {"X": "matrix n m"}),
    ("det(Z.T*A*Z) == det((Z.T*A*Z).T)", {"Z": "matrix n m", "A": "matrix n n"}),
])
def test_claims_undefined_at_some_sizes_are_not_refuted(claim, symbols):
    result = _check(claim, symbols)
    assert result.verdict in HOLDS, (result.verdict, result.reason, result.counterexample)


# 4. inverses and transposes: (Aᵀ)⁻¹ is (A⁻¹)ᵀ, not A⁻¹ ---------------------------------------------------------
def test_inverse_of_transpose_is_not_the_inverse():
    _assert_refuted_with_point(_check("(A.T).I == A.I", {"A": "matrix n n invertible"}))
    assert _check("(A.T).I == (A.I).T", {"A": "matrix n n invertible"}).verdict is P
    assert _check("(A.T).I == A.I", {"A": "matrix n n symmetric invertible"}).verdict is P


# 5. derivatives are by every entry independently: symmetric restricts the point, not the direction ------------
def test_symmetric_matrix_derivative_is_entrywise():
    symbols = {"X": "matrix n n symmetric", "A": "matrix n n"}
    _assert_refuted_with_point(_check("D(tr(X*A) + tr(X.T*A), X) == 2*A.T", symbols))
    assert _check("D(tr(X*A) + tr(X.T*A), X) == A + A.T", symbols).verdict is P
    assert _check("D(log(det(X)), X) == X.I", {"X": "matrix n n spd"}).verdict is P
    _assert_refuted_with_point(_check("D(log(det(X)), X) == X.I", {"X": "matrix n n invertible"}))


def test_orthogonality_is_not_used_before_differentiating():
    symbols = {"Q": "matrix n n orthogonal", "A": "matrix n n"}
    # at an orthogonal point Q⁻¹ = Qᵀ, but their derivatives differ: d tr(Q⁻¹A)/dQ = -(Q⁻¹AQ⁻¹)ᵀ = -QAᵀQ
    _assert_refuted_with_point(_check("D(tr(Q.I*A), Q) == A", symbols))
    assert _check("D(tr(Q.I*A), Q) == -Q*A.T*Q", symbols).verdict is P


# 6. float64 noise is not a counterexample ------------------------------------------------------------------------
def test_rounding_does_not_refute():
    assert _check("A*A.I == Identity(n)", {"A": "matrix n n invertible"}).verdict is P
    assert _check("(A*B).I == B.I*A.I", {"A": "matrix n n invertible", "B": "matrix n n invertible"}).verdict is P
