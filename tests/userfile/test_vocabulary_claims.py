"""Each construct of issue 11 decided by the engines: a true claim holds, a realistic mistake is refuted.

True claims must come back proved or confirmed (the matrix engine decides the scope); mistakes refuted with a
counterexample.  Claims use numeric sizes where the size is not the point, to keep the suite fast.
"""

import pytest

from formulas.model import Verdict
from verify.userfile import check_claim

Z = {"z": "vector n", "c": "scalar"}
GEO = {"b": "scalar positive", "t": "scalar integer positive"}
BLOCKS = {"A": "matrix 2 2", "B": "matrix 2 3", "C": "matrix 3 2", "E2": "matrix 3 3"}
XT = {"t": "scalar", "X": "matrix 2 2 invertible function t"}
XY = {"t": "scalar", "X": "matrix 2 2 function t", "Y": "matrix 2 2 function t"}
U = {"t": "scalar", "u": "function t"}
ABCD = {"a": "scalar", "b": "scalar", "c": "scalar", "d": "scalar"}

PAIRS = [  # (construct, symbols, true claim, realistic mistake)
    ("sum with a size bound", Z, "log(sum(exp(z[i] + c), i, 0, n - 1)) == c + log(sum(exp(z[i]), i, 0, n - 1))",
     "log(sum(exp(z[i] + c), i, 0, n - 1)) == log(sum(exp(z[i]), i, 0, n - 1))"),
    ("softmax sums to one", {"z": "vector n"}, "sum(softmax(z)[i], i, 0, n - 1) == 1",
     "sum(softmax(z)[i], i, 0, n - 1) == n"),
    ("geometric sum (Adam's bias correction)", GEO, "(1 - b)*sum(b**j, j, 0, t - 1) == 1 - b**t",
     "(1 - b)*sum(b**j, j, 0, t - 1) == 1 - b**(t - 1)"),
    ("arithmetic series", {"t": "scalar integer positive"}, "sum(j, j, 1, t) == t*(t + 1)/2",
     "sum(j, j, 1, t) == t**2/2"),
    ("Sum spelling and a dot product", {"x": "vector n", "y": "vector n"}, "Sum(x[i]*y[i], (i, 0, n - 1)) == x.T*y",
     "Sum(x[i]*y[i], (i, 0, n - 1)) == x.T*x"),
    ("trace as a sum of entries", {"A": "matrix n n"}, "sum(A[i, i], i, 0, n - 1) == tr(A)",
     "sum(A[i, i], i, 0, n - 1) == tr(A*A)"),
    ("product of exponentials", {"z": "vector n"}, "prod(exp(z[i]), i, 0, n - 1) == exp(sum(z[i], i, 0, n - 1))",
     "prod(exp(z[i]), i, 0, n - 1) == exp(prod(z[i], i, 0, n - 1))"),
    ("Product spelling", {"t": "scalar integer positive"}, "Product(j, (j, 1, t)) == factorial(t)",
     "Product(j, (j, 1, t)) == factorial(t + 1)"),
    ("trigonometric", {"a": "scalar"}, "sin(a)**2 + cos(a)**2 == 1", "sin(2*a) == 2*sin(a)"),
    ("hyperbolic", {"a": "scalar"}, "cosh(a)**2 - sinh(a)**2 == 1", "cosh(a)**2 + sinh(a)**2 == 1"),
    ("softplus", {"a": "scalar"}, "softplus(a) - softplus(-a) == a", "softplus(a) == log(1 + exp(-a))"),
    ("logarithm to a base", {"a": "scalar positive"}, "log(a, 2) == log(a)/log(2)", "log(a, 2) == log(2)/log(a)"),
    ("sign", {"a": "scalar"}, "sign(a)*abs(a) == a", "sign(a)*a == a"),
    ("Heaviside", {"a": "scalar"}, "Heaviside(a) + Heaviside(-a) == 1", "Heaviside(a) == sign(a)"),
    ("gamma", {"a": "scalar positive"}, "gamma(a + 1) == a*gamma(a)", "gamma(a + 1) == gamma(a)"),
    ("binomial", {"m": "scalar integer positive"}, "binomial(m, 2) == m*(m - 1)/2", "binomial(m, 2) == m**2/2"),
    ("erf", {"a": "scalar"}, "erf(-a) == -erf(a)", "erf(-a) == erf(a)"),
    ("floor and ceiling", {"a": "scalar"}, "ceiling(a) >= floor(a)", "ceiling(a) <= a"),
    ("Max and Min", {"a": "scalar", "b": "scalar"}, "Max(a, b) + Min(a, b) == a + b", "max(a, b) - min(a, b) == a - b"),
    ("Piecewise", {"a": "scalar"}, "Piecewise((a, a >= 0), (-a, True)) == abs(a)",
     "Piecewise((a, a >= 0), (a, True)) == abs(a)"),
    ("Piecewise with And", {"a": "scalar"}, "Piecewise((1, And(a >= 0, a <= 1)), (0, True)) >= 0",
     "Piecewise((1, And(a > 0, a < 1)), (0, True)) == Heaviside(a) - Heaviside(a - 1)"),
    ("elementwise function", {"A": "matrix 2 2"}, "sin(A)[0, 1] == sin(A[0, 1])", "sin(A)[0, 1] == sin(A[1, 0])"),
    ("block matrix transpose", BLOCKS, "BlockMatrix([[A, B], [C, E2]]).T == BlockMatrix([[A.T, C.T], [B.T, E2.T]])",
     "BlockMatrix([[A, B], [C, E2]]).T == BlockMatrix([[A, C.T], [B.T, E2]])"),
    ("block triangular determinant", {"A": "matrix 2 2", "C": "matrix 3 2", "E2": "matrix 3 3"},
     "det(BlockMatrix([[A, zeros(2, 3)], [C, E2]])) == det(A)*det(E2)",
     "det(BlockMatrix([[A, zeros(2, 3)], [C, E2]])) == det(A) + det(E2)"),
    ("explicit matrix inverse", ABCD, "Matrix([[a, b], [c, d]]).I == Matrix([[d, -b], [-c, a]])/(a*d - b*c)",
     "Matrix([[a, b], [c, d]]).I == Matrix([[d, b], [c, a]])/(a*d - b*c)"),
    ("symbolic matrix exponent", {"A": "matrix 2 2", "k": "scalar integer positive"}, "A**k*A == A**(k + 1)",
     "A**k*A == A**k"),
    ("symbolic scalar exponent", {"x": "scalar", "k": "scalar integer"}, "x**k*x == x**(k + 1)",
     "x**k*x == x**(2*k)"),
    ("derivative of an inverse by a scalar", XT, "D(X.I, t) == -X.I*D(X, t)*X.I", "D(X.I, t) == -X.I*X.I*D(X, t)"),
    ("product rule for matrix functions", XY, "D(X*Y, t) == D(X, t)*Y + X*D(Y, t)",
     "D(X*Y, t) == D(X, t)*Y + D(Y, t)*X"),
    ("Jacobi's formula", XT, "D(det(X), t) == det(X)*tr(X.I*D(X, t))", "D(det(X), t) == tr(X.I*D(X, t))"),
    ("transpose of a matrix function", {"t": "scalar", "X": "matrix 2 3 function t"}, "D(X.T, t) == D(X, t).T",
     "D(X.T, t) == D(X, t).T*2"),
    ("declared function called with its argument", U, "D(u(t)**2, t) == 2*u(t)*D(u(t), t)",
     "D(u(t)**2, t) == 2*D(u(t), t)"),
    ("declared function by name", U, "D(exp(u), t) == exp(u)*D(u, t)", "D(exp(u), t) == exp(u)"),
]


# The matrix engines on main draw values only for the symbols a claim uses, and accept a float64 refutation for
# claims about declared functions; verify/engines/sizes.py (``_names``) and verify/engines/recheck.py (the lead's)
# know ScalarField and VectorField but not yet MatrixField.  A visible status, strict: with MatrixField added to
# those two ``atoms(...)`` calls all eight pass (checked), and the mark must go.
NEEDS_ENGINE_CHANGE = {"derivative of an inverse by a scalar", "product rule for matrix functions", "Jacobi's formula",
                       "transpose of a matrix function"}
CASES = [pytest.param(*p, marks=pytest.mark.xfail(
    strict=True, reason="verify/engines/{sizes,recheck}.py must count MatrixField as a declared function"))
    if p[0] in NEEDS_ENGINE_CHANGE else p for p in PAIRS]


@pytest.mark.parametrize(("construct", "symbols", "claim", "mistake"), CASES, ids=[p[0] for p in PAIRS])
def test_true_claim_holds(construct, symbols, claim, mistake):
    result = check_claim(claim, symbols, timeout=60)
    assert result.holds, (construct, result.verdict, result.reason, result.methods)


@pytest.mark.parametrize(("construct", "symbols", "claim", "mistake"), CASES, ids=[p[0] for p in PAIRS])
def test_mistake_is_refuted(construct, symbols, claim, mistake):
    result = check_claim(mistake, symbols, timeout=60)
    assert result.verdict is Verdict.REFUTED, (construct, result.verdict, result.reason, result.methods)
    assert result.counterexample


def test_unused_random_symbol_does_not_block_a_matrix_claim():
    """Issue 10: a random symbol declared for the file but unused must not make other claims not-checkable."""
    symbols = {"A": "matrix n n", "X": "random", "N": "random Poisson(lam)", "lam": "scalar positive"}
    result = check_claim("tr(A) == tr(A.T)", symbols)
    assert result.verdict is Verdict.PROVED
    assert check_claim("tr(A) == tr(A) + 1", symbols).verdict is Verdict.REFUTED
