"""The engine on its own: identities known true and known false, beyond the catalog.

Each row is (label, symbols, statement, expected verdict).  The false rows are
the mistakes cheat sheets make: dropped transposes, swapped factors, sign flips,
a missing factor 2, numerator instead of denominator layout, a dropped
assumption.  The true rows include the SymPy 1.14 cases whose matrix derivative
is silently 0 (log det, sums of traces).
"""

import pytest
import sympy.stats as st
from sympy import Identity, exp, log

from formulas._authoring import Eq, Le, Lt
from formulas.model import Entry, Verdict
from formulas.nodes import D, ScalarOf
from formulas.spec import dim_symbol
from verify import check

P, C, R = Verdict.PROVED, Verdict.CONFIRMED, Verdict.REFUTED
n = dim_symbol("n")

TABLE = [
    # Matrix Cookbook (Petersen & Pedersen 2012), true
    ("cookbook-57 grad log det", {"X": "matrix n n invertible"},
     lambda X: Eq(D(log(__import__("sympy").Determinant(X)), X), X.I.T), P),
    ("grad log det spd", {"X": "matrix n n spd"}, lambda X: Eq(D(log(__import__("sympy").Determinant(X)), X), X.I), P),
    ("cookbook-69 grad a'x", {"a": "vector n", "x": "vector n"}, lambda a, x: Eq(D(a.T * x, x), a), P),
    ("cookbook-81 grad x'Ax", {"x": "vector n", "A": "matrix n n"}, lambda x, A: Eq(D(x.T * A * x, x), (A + A.T) * x), P),
    ("cookbook-70 grad a'Xb", {"a": "vector n", "b": "vector m", "X": "matrix n m"},
     lambda a, b, X: Eq(D(a.T * X * b, X), a * b.T), P),
    ("cookbook-71 grad a'X'b", {"a": "vector n", "b": "vector m", "X": "matrix m n"},
     lambda a, b, X: Eq(D(a.T * X.T * b, X), b * a.T), P),
    ("cookbook-100 grad tr(AX)", {"A": "matrix m n", "X": "matrix n m"},
     lambda A, X: Eq(D(__import__("sympy").Trace(A * X), X), A.T), P),
    ("sum of traces (SymPy says 0)", {"A": "matrix n n"},
     lambda A: Eq(D(__import__("sympy").Trace(A) + __import__("sympy").Trace(A * A), A), Identity(n) + 2 * A.T), P),
    ("cookbook-124 grad tr(A X^-1 B)", {"A": "matrix n n", "B": "matrix n n", "X": "matrix n n invertible"},
     lambda A, B, X: Eq(D(__import__("sympy").Trace(A * X.I * B), X), -(X.I * B * A * X.I).T), P),
    ("jacobian of Ax (denominator)", {"A": "matrix m n", "x": "vector n"}, lambda A, x: Eq(D(A * x, x), A.T), P),
    ("inverse of product", {"A": "matrix n n invertible", "B": "matrix n n invertible"},
     lambda A, B: Eq((A * B).I, B.I * A.I), P),
    ("orthogonal Q'Q = I", {"Q": "matrix n n orthogonal"}, lambda Q: Eq(Q.T * Q, Identity(n)), P),
    # no proof at symbolic size (it needs a sum of squares): evidence only, never "proved at n=2"
    ("cauchy-schwarz", {"u": "vector n", "v": "vector n"},
     lambda u, v: Le(ScalarOf(u.T * v) ** 2, ScalarOf(u.T * u) * ScalarOf(v.T * v)), C),
    ("var affine", {"X": "random", "a": "scalar", "b": "scalar"},
     lambda X, a, b: Eq(st.Variance(a * X + b), a**2 * st.Variance(X)), P),
    ("mgf poisson", {"lam": "scalar positive", "t": "scalar", "N": "random Poisson(lam)"},
     lambda lam, t, N: Eq(st.Expectation(exp(t * N)), exp(lam * (exp(t) - 1))), P),
    ("am-gm two terms", {"a": "scalar positive", "b": "scalar positive"},
     lambda a, b: Le(a * b, (a**2 + b**2) / 2), P),
    ("variance of a bernoulli", {"p": "scalar unit", "X": "random Bernoulli(p)"},
     lambda p, X: Eq(st.Variance(X), p * (1 - p)), P),
    ("spd quadratic form positive for nonzero x", {"x": "vector n nonzero", "A": "matrix n n spd"},
     lambda x, A: __import__("sympy").Gt(ScalarOf(x.T * A * x), 0, evaluate=False), P),  # xᵀAx > 0: A SPD, x ≠ 0, at every n
    # deliberate mistakes, false
    ("variance of a normal is sigma (not sigma^2)", {"mu": "scalar", "sigma": "scalar positive",
                                                     "X": "random Normal(mu, sigma)"},
     lambda mu, sigma, X: Eq(st.Variance(X), sigma), R),
    ("dropped transpose: grad a'X'b = a b'", {"a": "vector n", "b": "vector m", "X": "matrix m n"},
     lambda a, b, X: Eq(D(a.T * X.T * b, X), (a * b.T).T.T), R),
    ("dropped transpose: grad log det = X^-1 (general X)", {"X": "matrix n n invertible"},
     lambda X: Eq(D(log(__import__("sympy").Determinant(X)), X), X.I), R),
    ("swapped order: inverse of product", {"A": "matrix n n invertible", "B": "matrix n n invertible"},
     lambda A, B: Eq((A * B).I, A.I * B.I), R),
    ("sign flip: grad tr(A X^-1 B)", {"A": "matrix n n", "B": "matrix n n", "X": "matrix n n invertible"},
     lambda A, B, X: Eq(D(__import__("sympy").Trace(A * X.I * B), X), (X.I * B * A * X.I).T), R),
    ("missing factor 2: grad x'x = x", {"x": "vector n"}, lambda x: Eq(D(x.T * x, x), x), R),
    ("numerator layout: D(Ax, x) = A", {"A": "matrix m n", "x": "vector n"}, lambda A, x: Eq(D(A * x, x), A), R),
    ("assumption dropped: grad x'Ax = 2Ax for general A", {"x": "vector n", "A": "matrix n n"},
     lambda x, A: Eq(D(x.T * A * x, x), 2 * A * x), R),
    ("trace is not multiplicative", {"A": "matrix n n", "B": "matrix n n"},
     lambda A, B: Eq(__import__("sympy").Trace(A * B), __import__("sympy").Trace(A) * __import__("sympy").Trace(B)), R),
    ("var of sum without covariance", {"X": "random", "Y": "random"},
     lambda X, Y: Eq(st.Variance(X + Y), st.Variance(X) + st.Variance(Y)), R),
    ("mgf poisson with e^-t", {"lam": "scalar positive", "t": "scalar", "N": "random Poisson(lam)"},
     lambda lam, t, N: Eq(st.Expectation(exp(t * N)), exp(lam * (exp(-t) - 1))), R),
    ("inner product is nonnegative", {"u": "vector n", "v": "vector n"}, lambda u, v: Le(0, ScalarOf(u.T * v)), R),
    ("strict inequality that fails at equality", {"a": "scalar"}, lambda a: Lt(0, a**2), R),
]


@pytest.mark.parametrize("label,symbols,statement,expected", TABLE, ids=[row[0] for row in TABLE])
def test_engine_verdict(label, symbols, statement, expected):
    entry = Entry(id="test.case", title=label, expected=expected, symbols=symbols, statement=statement)
    result = check(entry, timeout=60)
    assert result.verdict == expected, (result.verdict, result.reason,
                                        [(m.engine, m.outcome, m.detail) for m in result.methods])
    if expected is R:
        assert result.counterexample
        if symbols and all(not t.startswith("random") for t in symbols.values()):
            assert result.counterexample.get("exact") is True, result.counterexample


def test_sympy_logdet_bug_is_reported_as_conflict():
    """SymPy 1.14 returns 0 for d log det X / dX; the engine must say so, not hide it."""
    import sympy

    entry = Entry(id="test.case", title="logdet", expected=P, symbols={"X": "matrix n n invertible"},
                  statement=lambda X: Eq(D(log(sympy.Determinant(X)), X), X.I.T))
    result = check(entry)
    assert result.verdict is P
    assert any("SymPy" in c for c in result.conflicts)


def test_bad_entry_gives_error_not_exception():
    entry = Entry(id="test.case", title="bad", expected=P, symbols={"x": "vector n"},
                  statement=lambda x, y: Eq(x, y))
    result = check(entry)
    assert result.verdict is Verdict.ERROR
    assert "undeclared" in result.reason


def test_time_limit_turns_into_error():
    def slow():
        import time

        time.sleep(5)

    entry = Entry(id="test.case", title="slow", expected=C, experiment=slow)
    result = check(entry, timeout=0.5)
    assert result.verdict is Verdict.ERROR
    assert "time limit" in result.reason
