"""The cost estimate refuses what would not finish, before any work, and passes what the catalog writes.

Calibration (``python -m verify.sandbox.bench --cost``, 2 busy cores, load ~7): checks the
estimate lets through took at most ~17 s (det of 6x6: 12 s, a product of two 32x32 matrices:
17 s, the gradient of x'Ax at size 32: 14 s); of what it refuses, a product of two 48x48
matrices and ``A == A.T`` for one 64x64 matrix ran past 40 s and 60 s, and the rest grows
faster (det 7x7, inverse 6x6, A**12 of 3x3, det(A)**4, Binomial(10000, p)); A**8 of 3x3 took 19 s.
"""

import pytest

from verify.sandbox.cost import MAX_OPERATIONS, MAX_TERMS, estimate
from verify.sandbox.tasks import build_entry
from verify.userfile.errors import UserFileError
from verify.userfile.identity import Identity

REFUSED = [  # claim, symbols, distributions, part of the message, field
    ("det(A) == det(A.T)", {"A": "matrix 7 7"}, {}, "det of a 7 x 7 matrix", "claim"),
    ("det(A) == det(A.T)", {"A": "matrix 12 12"}, {}, "det of a 12 x 12 matrix", "claim"),
    ("A.I*A == Identity(6)", {"A": "matrix 6 6 invertible"}, {}, "the inverse of a 6 x 6 matrix", "claim"),
    ("A*A*A*A*A*A*A*A == (A*A*A*A)*(A*A*A*A)", {"A": "matrix 32 32"}, {}, "a product of a 32 x 32", "claim"),
    ("kron(A, B) == kron(A, B)", {"A": "matrix 24 24", "B": "matrix 24 24"}, {}, "Kronecker product of size 576",
     "claim"),
    ("kron(A, A, A, A) == kron(A, A, A, A)", {"A": "matrix 8 8"}, {}, "Kronecker product of size 4096", "claim"),
    ("tr(A**10) == tr(A**10)", {"A": "matrix 3 3"}, {}, "the power 10 of a 3 x 3 matrix", "claim"),
    ("det(A)**12 == det(A**12)", {"A": "matrix 3 3"}, {}, "the power **12", "claim"),
    ("D(tr(A*A*A), A) == 3*(A*A).T", {"A": "matrix 32 32"}, {}, "the derivative of 1 entries by 1024", "claim"),
    ("A == A.T", {"A": "matrix 64 64"}, {}, "A is a 64 x 64 matrix", "symbols"),
    ("(A*B).T == B.T*A.T", {"A": "matrix 48 48", "B": "matrix 48 48"}, {}, "4608 entries", "symbols"),
    ("Var(N) == 2500", {}, {"N": "Binomial(10000, 1/2)"}, "has 10001 outcomes", "distributions"),
    ("E(N + M) == 100", {}, {"N": "Binomial(100, 1/2)", "M": "Binomial(100, 1/2)"}, "10201 joint outcomes",
     "distributions"),
    ("sum(sum(sum(a*i*j*k, k, 0, 63), j, 0, 63), i, 0, 63) == a", {"a": "scalar"}, {}, "unroll into 262144",
     "claim"),
]

ALLOWED = [  # measured well within the default limits
    ("det(A) == det(A.T)", {"A": "matrix 5 5"}),
    ("(A*B).T == B.T*A.T", {"A": "matrix 24 24", "B": "matrix 24 24"}),
    ("kron(A, B).T == kron(A.T, B.T)", {"A": "matrix 8 8", "B": "matrix 8 8"}),
    ("tr(A**4) == tr(A**3*A)", {"A": "matrix 3 3"}),
    ("tr(M0*M1*M2*M3*M4*M5) == tr(M1*M2*M3*M4*M5*M0)",
     {f"M{i}": f"matrix {'abcdef'[i]} {'abcdef'[(i + 1) % 6]}" for i in range(6)}),
    ("(A + U*C*V).I == A.I - A.I*U*(C.I + V*A.I*U).I*V*A.I",
     {"A": "matrix n n invertible", "U": "matrix n k", "C": "matrix k k invertible", "V": "matrix k n"}),
    ("sum(sum(a*i*j, j, 0, 63), i, 0, 63) == 4064256*a", {"a": "scalar"}),
]


@pytest.mark.parametrize(("claim", "symbols", "dists", "message", "field"), REFUSED, ids=[r[3][:30] for r in REFUSED])
def test_what_would_not_finish_is_refused_naming_the_field(claim, symbols, dists, message, field):
    identity = Identity(id="big", claim=claim, symbols=symbols, distributions=dists, file="f.yaml")
    with pytest.raises(UserFileError) as info:
        build_entry(identity)
    err = info.value
    assert "too large to check" in str(err) and message in str(err)
    assert err.field == field


@pytest.mark.parametrize(("claim", "symbols"), ALLOWED, ids=[a[0][:30] for a in ALLOWED])
def test_textbook_sized_claims_pass(claim, symbols):
    entry = build_entry(Identity(id="ok", claim=claim, symbols=symbols))
    est = estimate(entry)
    assert est.terms <= MAX_TERMS and est.operations <= MAX_OPERATIONS


def test_no_catalog_statement_comes_near_the_limits(catalog):
    worst = max((estimate(e) for e in catalog.entries if e.expr is not None), key=lambda est: est.terms)
    assert worst.terms < MAX_TERMS / 4, worst


def test_the_estimate_names_the_where_field():
    identity = Identity(id="w", claim="a >= 0", symbols={"a": "scalar", "A": "matrix 8 8"}, where=("det(A) >= 0",))
    with pytest.raises(UserFileError) as info:
        build_entry(identity)
    assert info.value.field == "where" and "det of a 8 x 8 matrix" in str(info.value)

