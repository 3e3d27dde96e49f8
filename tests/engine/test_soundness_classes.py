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


def _assert_refuted_with_point(result, strict_inequality=False):
    assert result.verdict is R, (result.verdict, result.reason, [(m.engine, m.detail) for m in result.methods])
    cex = result.counterexample
    assert cex and (cex.get("values") is not None or cex.get("shapes")), cex
    if "values" in cex:
        assert cex["exact"] is True
        assert cex["lhs"] != cex["rhs"] or "shapes" in cex or strict_inequality


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


# where-equalities: a substitution must hold at every point of the constraint set (red team, 2026-12-02) -----
# sympy.solve(a*b, a) == [0] divides by b; solving a*c == b*c for a cancels c.  Each false claim below
# was "proved"; each must now be refuted at an exact point that satisfies the where-clause.
@pytest.mark.parametrize("claim, symbols, where", [
    ("a == 0", {"a": "scalar", "b": "scalar"}, ["a*b == 0"]),
    ("a == b", {"a": "scalar", "b": "scalar", "c": "scalar"}, ["a*c == b*c"]),
    ("a == 0", {"a": "scalar", "b": "scalar"}, ["a*b == a"]),
    ("a == 1", {"a": "scalar", "b": "scalar"}, ["(a - 1)*b == 0"]),
    ("a == 0", {"a": "scalar", "x": "vector n"}, ["a*(x.T*x) == 0"]),
    ("a == 1", {"a": "scalar"}, ["a**2 == 1"]),  # a = -1 too
    ("a + b >= 2", {"a": "scalar", "b": "scalar"}, ["a*b == 1"]),  # a = b = -1
])
def test_where_equalities_are_not_divided_by_what_may_be_zero(claim, symbols, where):
    _assert_refuted_with_point(_check(claim, symbols, where=where))


@pytest.mark.parametrize("claim, symbols, where", [
    ("a == b", {"a": "scalar", "b": "scalar", "c": "scalar positive"}, ["a*c == b*c"]),
    ("x.T*y == 2", {"x": "vector n", "y": "vector n", "a": "scalar"}, ["a == x.T*y", "a == 2"]),
    ("b == 1/a", {"a": "scalar", "b": "scalar"}, ["a*b == 1"]),  # ab = 1 forces a ≠ 0
    ("a == 0", {"a": "scalar", "b": "scalar"}, ["a*b == 0", "b > 0"]),
    ("a == 1", {"a": "scalar positive"}, ["a**2 == 1"]),  # the one positive root
    ("a*b == 0", {"a": "scalar", "b": "scalar", "c": "scalar"}, ["a*b*c == 0", "c == 1"]),
    ("c*(a - b) == 0", {"a": "scalar", "b": "scalar", "c": "scalar"}, ["a*c == b*c"]),
    ("a*b <= 1/4", {"a": "scalar", "b": "scalar"}, ["a + b == 1"]),
    ("a + b >= 2", {"a": "scalar", "b": "scalar"}, ["a*b == 1", "a > 0"]),
    ("a >= 0", {"a": "scalar", "b": "scalar"}, ["a == b**2"]),
])
def test_where_equalities_with_a_nonzero_coefficient_are_used(claim, symbols, where):
    assert _check(claim, symbols, where=where).verdict is P


# the boundary of a closed domain: strict inequalities fail there, random draws never land there ----------
@pytest.mark.parametrize("claim, symbols", [
    ("det(diag(x)) > 0", {"x": "vector n nonnegative"}),
    ("x[0] > 0", {"x": "vector n probability"}),
    ("a < 1", {"a": "scalar unit"}),
    ("sqrt(a) > a", {"a": "scalar unit"}),
    ("det(D) > 0", {"D": "matrix n n diagonal"}),
    ("x.T*y > 0", {"x": "vector n positive", "y": "vector n nonnegative"}),
])
def test_strict_inequalities_failing_on_the_boundary_are_refuted(claim, symbols):
    _assert_refuted_with_point(_check(claim, symbols), strict_inequality=True)


@pytest.mark.parametrize("claim, symbols", [
    ("sqrt(a) >= a", {"a": "scalar unit"}),
    ("x.T*y >= 0", {"x": "vector n positive", "y": "vector n nonnegative"}),
    ("x[0] >= 0", {"x": "vector n probability"}),
])
def test_the_same_inequalities_with_their_boundary_hold(claim, symbols):
    assert _check(claim, symbols).verdict in HOLDS


# A strict inequality that fails only by a tie of its sides: float64 took the tie for a margin and
# confirmed it (a false confirmation).  A tie is now re-checked exactly; a confirmed tie is the counterexample.
TIES = [
    ("f(y) > f(x)", {"x": "vector n", "y": "vector n", "f": "function x convex"}, ["D(f(x), x) == zeros(n, 1)"]),
    ("f(y) < f(x)", {"x": "scalar", "y": "scalar", "f": "function x concave"}, ["D(f(x), x) == 0"]),
]


@pytest.mark.parametrize(("claim", "symbols", "where"), TIES)
def test_strict_inequalities_failing_by_a_tie_are_refuted(claim, symbols, where):
    result = _check(claim, symbols, where=where)
    assert result.verdict is Verdict.REFUTED, (result.verdict, result.reason)
    cex = result.counterexample
    assert cex["exact"] and cex["lhs"] == cex["rhs"], cex


def test_the_weak_inequality_at_a_stationary_point_is_confirmed():
    result = _check("f(y) >= f(x)", {"x": "vector n", "y": "vector n", "f": "function x convex"},
                    where=["D(f(x), x) == zeros(n, 1)"])
    assert result.verdict is Verdict.CONFIRMED, (result.verdict, result.reason)
