"""The symbolic engine at symbolic size: a table of identities it must prove and mistakes it must not.

Claims are written in the identity-file grammar (the way users write them); each row says whether the
claim is true.  A true row must be *proved* by :func:`verify.tensor.prove_equal` (or the inequality
prover), a false row must never be.  Sources: Matrix Cookbook (2012) eq. numbers where given.
"""

import pytest
import sympy as sp

from verify.engines.symbolic import symbolic_general
from verify.userfile.identity import Identity

T, F = True, False

ROWS = [
    # traces, transposes, products
    ("tr(A*B) == tr(B*A)", {"A": "matrix n m", "B": "matrix m n"}, T),
    ("tr(A*B*X) == tr(X*A*B)", {"A": "matrix n m", "B": "matrix m k", "X": "matrix k n"}, T),
    ("tr(A*B*X) == tr(B*A*X)", {"A": "matrix n n", "B": "matrix n n", "X": "matrix n n"}, F),
    ("tr(A*B) == tr(A)*tr(B)", {"A": "matrix n n", "B": "matrix n n"}, F),
    ("(A*B).T == B.T*A.T", {"A": "matrix n m", "B": "matrix m k"}, T),
    ("(A*B).T == A.T*B.T", {"A": "matrix n n", "B": "matrix n n"}, F),
    ("tr(A) == tr(A.T)", {"A": "matrix n n"}, T),
    ("tr(Identity(n)) == n", {"A": "matrix n n"}, T),
    # inverses
    ("(A*B).I == B.I*A.I", {"A": "matrix n n invertible", "B": "matrix n n invertible"}, T),
    ("(A*B).I == A.I*B.I", {"A": "matrix n n invertible", "B": "matrix n n invertible"}, F),
    ("(A.T).I == (A.I).T", {"A": "matrix n n invertible"}, T),
    ("(A.T).I == A.I", {"A": "matrix n n invertible"}, F),
    ("(A.I).T == A.I", {"A": "matrix n n symmetric invertible"}, T),
    ("(A + B).I == A.I + B.I", {"A": "matrix n n invertible", "B": "matrix n n invertible"}, F),
    ("A.I - B.I == A.I*(B - A)*B.I", {"A": "matrix n n invertible", "B": "matrix n n invertible"}, T),
    ("(A.I + B.I).I == A*(A + B).I*B", {"A": "matrix n n invertible", "B": "matrix n n invertible"}, T),
    ("(Identity(n) + A).I == Identity(n) - A*(Identity(n) + A).I", {"A": "matrix n n"}, T),
    ("X*(X.T*X).I*X.T*X == X", {"X": "matrix n m"}, T),
    ("(X*(X.T*X).I*X.T)*(X*(X.T*X).I*X.T) == X*(X.T*X).I*X.T", {"X": "matrix n m"}, T),
    # Woodbury, Sherman–Morrison, push-through (Cookbook 156, 160, 167)
    ("(A + U*C*V).I == A.I - A.I*U*(C.I + V*A.I*U).I*V*A.I",
     {"A": "matrix n n invertible", "C": "matrix k k invertible", "U": "matrix n k", "V": "matrix k n"}, T),
    ("(A + U*C*V).I == A.I + A.I*U*(C.I + V*A.I*U).I*V*A.I",
     {"A": "matrix n n invertible", "C": "matrix k k invertible", "U": "matrix n k", "V": "matrix k n"}, F),
    ("(A + u*v.T).I == A.I - A.I*u*v.T*A.I/(1 + v.T*A.I*u)", {"A": "matrix n n invertible", "u": "vector n",
                                                              "v": "vector n"}, T),
    ("(A + u*v.T).I == A.I - A.I*u*v.T*A.I/(1 - v.T*A.I*u)", {"A": "matrix n n invertible", "u": "vector n",
                                                              "v": "vector n"}, F),
    ("(Identity(n) + A*B).I*A == A*(Identity(m) + B*A).I", {"A": "matrix n m", "B": "matrix m n"}, T),
    # determinants (Cookbook 18, 24, 25)
    ("det(A*B) == det(A)*det(B)", {"A": "matrix n n", "B": "matrix n n"}, T),
    ("det(A*B) == det(B*A)", {"A": "matrix n n", "B": "matrix n n"}, T),
    ("det(A.I) == 1/det(A)", {"A": "matrix n n invertible"}, T),
    ("det(2*A) == 2**n*det(A)", {"A": "matrix n n"}, T),
    ("det(2*A) == 2*det(A)", {"A": "matrix n n"}, F),
    ("det(A + u*v.T) == (1 + v.T*A.I*u)*det(A)", {"A": "matrix n n invertible", "u": "vector n", "v": "vector n"}, T),
    ("det(A + U*C*V) == det(C.I + V*A.I*U)*det(C)*det(A)",
     {"A": "matrix n n invertible", "C": "matrix k k invertible", "U": "matrix n k", "V": "matrix k n"}, T),
    ("det(Identity(n) + A*B) == det(Identity(m) + B*A)", {"A": "matrix n m", "B": "matrix m n"}, T),
    ("det(Q)**2 == 1", {"Q": "matrix n n orthogonal"}, T),
    ("Q.T*Q == Identity(n)", {"Q": "matrix n n orthogonal"}, T),
    ("tr(Q.T*A*Q) == tr(A)", {"Q": "matrix n n orthogonal", "A": "matrix n n"}, T),
    # Hadamard, diag, Kronecker
    ("hadamard(A, B).T == hadamard(A.T, B.T)", {"A": "matrix n m", "B": "matrix n m"}, T),
    ("tr(A.T*hadamard(B, C)) == tr(hadamard(A, B).T*C)", {"A": "matrix n m", "B": "matrix n m", "C": "matrix n m"}, T),
    ("x.T*diag(a)*y == ones(1, n)*hadamard(hadamard(x, a), y)", {"x": "vector n", "a": "vector n", "y": "vector n"}, T),
    ("diag(a)*x == hadamard(a, x)", {"a": "vector n", "x": "vector n"}, T),
    ("kron(A, B).T == kron(A.T, B.T)", {"A": "matrix n m", "B": "matrix p q"}, T),
    ("kron(A, B)*kron(C, E) == kron(A*C, B*E)", {"A": "matrix n m", "B": "matrix p q", "C": "matrix m r",
                                                 "E": "matrix q s"}, T),
    ("tr(kron(A, B)) == tr(A)*tr(B)", {"A": "matrix n n", "B": "matrix p p"}, T),
    # gradients (Cookbook 69, 81, 100-125, 51-57)
    ("D(x.T*x, x) == 2*x", {"x": "vector n"}, T),
    ("D(x.T*x, x) == x", {"x": "vector n"}, F),
    ("D(x.T*A*x, x) == (A + A.T)*x", {"x": "vector n", "A": "matrix n n"}, T),
    ("D(x.T*A*x, x) == 2*A*x", {"x": "vector n", "A": "matrix n n"}, F),
    ("D(x.T*A*x, x) == 2*A*x", {"x": "vector n", "A": "matrix n n symmetric"}, T),
    ("D(D(x.T*A*x, x), x) == A + A.T", {"x": "vector n", "A": "matrix n n"}, T),
    ("D(A*x, x) == A.T", {"A": "matrix m n", "x": "vector n"}, T),
    ("D(a.T*X*b, X) == a*b.T", {"a": "vector n", "b": "vector m", "X": "matrix n m"}, T),
    ("D(a.T*X.T*b, X) == b*a.T", {"a": "vector n", "b": "vector m", "X": "matrix m n"}, T),
    ("D(tr(A*X), X) == A.T", {"A": "matrix m n", "X": "matrix n m"}, T),
    ("D(tr(A*X*B), X) == A.T*B.T", {"A": "matrix m n", "X": "matrix n k", "B": "matrix k m"}, T),
    ("D(tr(X.T*A*X), X) == (A + A.T)*X", {"X": "matrix n m", "A": "matrix n n"}, T),
    ("D(tr(X*X*X), X) == 3*(X*X).T", {"X": "matrix n n"}, T),
    ("D(tr(A) + tr(A*A), A) == Identity(n) + 2*A.T", {"A": "matrix n n"}, T),
    ("D(tr(X.T*X), X) == 2*X", {"X": "matrix n m"}, T),
    ("D(tr(X.I*A), X) == -(X.I*A*X.I).T", {"X": "matrix n n invertible", "A": "matrix n n"}, T),
    ("D(tr(X.I*A), X) == (X.I*A*X.I).T", {"X": "matrix n n invertible", "A": "matrix n n"}, F),
    ("D(det(X), X) == det(X)*X.I.T", {"X": "matrix n n invertible"}, T),
    ("D(log(det(X)), X) == X.I.T", {"X": "matrix n n invertible"}, T),
    ("D(log(det(X)), X) == X.I", {"X": "matrix n n invertible"}, F),
    ("D(log(det(X)), X) == X.I", {"X": "matrix n n spd"}, T),
    ("D(log(det(X.T*X)), X) == 2*(X.I).T", {"X": "matrix n n invertible"}, T),
    ("D(tr(S*A.I), A) == -A.I*S*A.I", {"S": "matrix n n symmetric", "A": "matrix n n spd"}, T),
    ("D((A*x - b).T*(A*x - b), x) == 2*A.T*(A*x - b)", {"x": "vector n", "A": "matrix m n", "b": "vector m"}, T),
    ("D(a.T*X*X.T*b, X) == (a*b.T + b*a.T)*X", {"a": "vector n", "b": "vector n", "X": "matrix n m"}, T),
    ("D(sqrt(x.T*x), x) == x/sqrt(x.T*x)", {"x": "vector n nonzero"}, T),
    ("D(exp(a.T*x), x) == exp(a.T*x)*a", {"a": "vector n", "x": "vector n"}, T),
    # entrywise functions, softmax, log-sum-exp
    ("D(log(1 + exp(a.T*x)), x) == sigmoid(a.T*x)*a", {"a": "vector n", "x": "vector n"}, T),
    ("D(sigmoid(x), x) == diag(hadamard(sigmoid(x), ones(n, 1) - sigmoid(x)))", {"x": "vector n"}, T),
    ("D(tanh(x), x) == diag(ones(n, 1) - hadamard(tanh(x), tanh(x)))", {"x": "vector n"}, T),
    ("D(softmax(x), x) == diag(softmax(x)) - softmax(x)*softmax(x).T", {"x": "vector n"}, T),
    ("D(softmax(x), x) == diag(softmax(x))", {"x": "vector n"}, F),
    ("D(log(ones(1, n)*exp(x)), x) == softmax(x)", {"x": "vector n"}, T),
    ("D(log(ones(1, n)*exp(x)), x) == exp(x)", {"x": "vector n"}, F),
    # scalar algebra: no forced rewrites
    ("log(a*b) == log(a) + log(b)", {"a": "scalar positive", "b": "scalar positive"}, T),
    ("log(a*b) == log(a) + log(b)", {"a": "scalar nonzero", "b": "scalar nonzero"}, F),
    ("sqrt(x**2) == abs(x)", {"x": "scalar"}, T),
    ("sqrt(x**2) == x", {"x": "scalar"}, F),
    ("tanh(a) == 2*sigmoid(2*a) - 1", {"a": "scalar"}, T),
    # inequalities
    ("x.T*x >= 0", {"x": "vector n"}, T),
    ("det(A.T*A) >= 0", {"A": "matrix n n"}, T),
    ("a*b <= (a**2 + b**2)/2", {"a": "scalar", "b": "scalar"}, T),
    ("a*b <= (a + b)/2", {"a": "scalar positive", "b": "scalar positive"}, F),
    # named sign facts: sums of squares, PSD sandwiches, Gram determinants, traces of SPD matrices
    ("x.T*A.T*A*x >= 0", {"x": "vector n", "A": "matrix m n"}, T),
    ("x.T*B.T*A*B*x >= 0", {"x": "vector n", "B": "matrix m n", "A": "matrix m m psd"}, T),
    ("x.T*B.T*A*B*x >= 0", {"x": "vector n", "B": "matrix m n", "A": "matrix m m symmetric"}, F),
    ("x.T*A.T*B*x >= 0", {"x": "vector n", "A": "matrix m n", "B": "matrix m n"}, F),
    ("x.T*A*x > 0", {"x": "vector n nonzero", "A": "matrix n n spd"}, T),
    ("x.T*A*x > 0", {"x": "vector n", "A": "matrix n n spd"}, F),
    ("det(A.T*A) >= 0", {"A": "matrix n m"}, T),
    ("det(A*B) >= 0", {"A": "matrix n m", "B": "matrix m n"}, F),
    ("tr(A) > 0", {"A": "matrix n n spd"}, T),
    ("tr(A) > 0", {"A": "matrix n n symmetric"}, F),
    # diagonal matrices, Kronecker associativity, determinants of Kronecker products
    ("A*B == B*A", {"A": "matrix n n diagonal", "B": "matrix n n diagonal"}, T),
    ("A*B == B*A", {"A": "matrix n n diagonal", "B": "matrix n n"}, F),
    ("det(A*B) == det(A)*det(B)", {"A": "matrix n n diagonal", "B": "matrix n n diagonal"}, T),
    ("D(sqrt(x), x) == diag(sqrt(x)).I/2", {"x": "vector n positive"}, T),
    ("kron(A, kron(B, C)) == kron(kron(A, B), C)", {"A": "matrix n m", "B": "matrix p q", "C": "matrix r s"}, T),
    ("kron(A, kron(B, C)) == kron(kron(B, A), C)", {"A": "matrix n n", "B": "matrix n n", "C": "matrix p p"}, F),
    ("det(kron(A, B)) == det(A)**p*det(B)**n", {"A": "matrix n n", "B": "matrix p p"}, T),
    ("det(kron(A, B)) == det(A)**n*det(B)**p", {"A": "matrix n n", "B": "matrix p p"}, F),
    # inverses inside traces, probability vectors
    ("tr(X*(X.T*X).I*X.T) == m", {"X": "matrix n m"}, T),
    ("tr(X*(X.T*X).I*X.T) == n", {"X": "matrix n m"}, F),
    ("D(-y.T*log(softmax(x)), x) == softmax(x) - y", {"x": "vector n", "y": "vector n probability"}, T),
    ("D(-y.T*log(softmax(x)), x) == softmax(x) - y", {"x": "vector n", "y": "vector n"}, F),
]


@pytest.mark.parametrize("claim, symbols, true", ROWS, ids=[r[0] for r in ROWS])
def test_symbolic_engine(claim, symbols, true):
    entry = Identity(id="t", claim=claim, symbols=symbols).to_entry()
    method, proved = symbolic_general(entry)
    if true:
        assert proved, method.detail
    else:
        assert not proved, f"false claim proved: {method.detail}"


WHERE_ROWS = [  # where-equalities used as rewrite rules
    ("tr((X - X*W*W.T).T*(X - X*W*W.T)) == tr(X.T*X) - tr(W.T*X.T*X*W)", {"X": "matrix N d", "W": "matrix d q"},
     ("W.T*W == Identity(q)",), T),
    ("tr((X - X*W*W.T).T*(X - X*W*W.T)) == tr(X.T*X) - tr(W.T*X.T*X*W)", {"X": "matrix N d", "W": "matrix d q"},
     (), F),
    ("W*W.T*W*W.T == W*W.T", {"W": "matrix d q"}, ("W.T*W == Identity(q)",), T),
    ("a**2 + b == a**2 + 1 - a", {"a": "scalar", "b": "scalar"}, ("a + b == 1",), T),
]


@pytest.mark.parametrize("claim, symbols, where, true", WHERE_ROWS, ids=[r[0] for r in WHERE_ROWS])
def test_symbolic_engine_with_where_equalities(claim, symbols, where, true):
    entry = Identity(id="t", claim=claim, symbols=symbols, where=where).to_entry()
    method, proved = symbolic_general(entry)
    assert proved is true, method.detail


def test_sums_over_symbolic_bounds():
    """Σᵢ over a whole dimension n: log-sum-exp, its gradient (softmax), cross-entropy's gradient."""
    from formulas.nodes import D
    from formulas.spec import dim_symbol, parse_spec
    from verify.tensor import prove_equal

    n = dim_symbol("n")
    i, j = sp.symbols("i j", integer=True)
    z, y = sp.MatrixSymbol("z", n, 1), sp.MatrixSymbol("y", n, 1)
    declared = {"z": parse_spec("z", "vector n"), "y": parse_spec("y", "vector n probability")}
    t = sp.Symbol("t")
    expz = z.applyfunc(sp.Lambda(t, sp.exp(t)))
    total = sp.Sum(sp.exp(z[j, 0]), (j, 0, n - 1))
    lse = sp.log(sp.Sum(sp.exp(z[i, 0]), (i, 0, n - 1)))
    assert prove_equal(D(lse, z), expz / total, declared).holds
    assert prove_equal(sp.log(sp.Sum(sp.exp(z[i, 0] + 3), (i, 0, n - 1))), lse + 3, declared).holds
    assert not prove_equal(D(lse, z), expz, declared).holds
    xent = -sp.Sum(y[i, 0] * sp.log(sp.exp(z[i, 0]) / total), (i, 0, n - 1))
    assert prove_equal(D(xent, z), expz * (sp.Sum(y[i, 0], (i, 0, n - 1)) / total) - y, declared).holds
    beta, k = sp.Symbol("beta", nonnegative=True), sp.Symbol("k", integer=True)
    steps = sp.Symbol("t", integer=True, positive=True)
    assert prove_equal(sp.Sum((1 - beta) * beta ** (steps - k), (k, 1, steps)), 1 - beta**steps, {}).holds
    assert not prove_equal(sp.Sum((1 - beta) * beta ** (steps - k), (k, 1, steps)), 1 - beta ** (steps - 1), {}).holds
