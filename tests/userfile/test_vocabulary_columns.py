"""``col(X, j)`` and ``row(X, i)``: a column or row of a matrix, as X e_j and e_iᵀ X with explicit unit vectors."""

import pytest

from formulas.model import Verdict
from verify.userfile import check_claim
from verify.userfile.errors import UserFileError

X = {"X": "matrix n 3", "Y": "matrix 2 m", "w": "vector 3"}

PAIRS = [  # (construct, true claim, realistic mistake)
    ("outer products of the columns", "sum(col(X, i)*col(X, i).T, i, 0, 2) == X*X.T",
     "sum(col(X, i)*col(X, i).T, i, 0, 1) == X*X.T"),
    ("a matrix-vector product combines the columns", "X*w == sum(w[j]*col(X, j), j, 0, 2)",
     "X*w == sum(w[j]*col(X, 2 - j), j, 0, 2)"),
    ("rows of a wide matrix", "row(Y, 0).T*row(Y, 0) + row(Y, 1).T*row(Y, 1) == Y.T*Y",
     "row(Y, 0).T*row(Y, 0) == Y.T*Y"),
    ("a column's entry", "col(X, 2)[0, 0] == X[0, 2]", "col(X, 2)[0, 0] == X[0, 1]"),
    ("a scalar sum over columns (unrolled)", "sum(col(X, i).T*col(X, i), i, 0, 2) == tr(X.T*X)",
     "sum(col(X, i).T*col(X, i), i, 0, 1) == tr(X.T*X)"),
]


@pytest.mark.parametrize(("construct", "claim", "mistake"), PAIRS, ids=[p[0] for p in PAIRS])
def test_true_claim_holds(construct, claim, mistake):
    result = check_claim(claim, X, timeout=60)
    assert result.holds, (construct, result.verdict, result.reason, result.methods)


@pytest.mark.parametrize(("construct", "claim", "mistake"), PAIRS, ids=[p[0] for p in PAIRS])
def test_mistake_is_refuted(construct, claim, mistake):
    result = check_claim(mistake, X, timeout=60)
    assert result.verdict is Verdict.REFUTED, (construct, result.verdict, result.reason, result.methods)
    assert result.counterexample


def test_evidence_at_explicit_columns_is_not_a_proof():
    """The count of columns is a number (3 here): the claim is about that size only, so never 'proved' for
    every k, and the symbolic row count n is covered by draws, not by a proof."""
    result = check_claim("sum(col(X, i)*col(X, i).T, i, 0, 2) == X*X.T", X, timeout=60)
    assert result.verdict is Verdict.CONFIRMED


@pytest.mark.parametrize(("claim", "why"), [
    ("col(X, 3) == col(X, 0)", "index 3 out of range"),
    ("col(Y, 0) == col(Y, 1)", "needs the number of columns of X as a number"),
    ("row(X, 0) == row(X, 1)", "needs the number of rows of X as a number"),
    ("col(w[0], 0) == 0", "takes a matrix or vector"),
    ("col(X, 1/2)[0, 0] == 0", "index"),
])
def test_misuse_is_refused_with_a_reason(claim, why):
    with pytest.raises(UserFileError) as err:
        check_claim(claim, X, timeout=60)
    assert why in str(err.value)
