"""The claim language of issue 11: every construct parses over the whitelist into the intended SymPy node,
and what is refused is refused with a message that says what to write instead."""

import ast
import builtins
from contextlib import contextmanager

import pytest
import sympy as sp
from sympy import stats as st
from sympy.matrices.expressions import MatPow
from sympy.matrices.expressions.matexpr import MatrixElement

from formulas.nodes import (
    CDF,
    KL,
    CondExpectation,
    CondProbability,
    CondVariance,
    CovOf,
    D,
    Density,
    Entropy,
    MatrixField,
    MeanOf,
    RandomVector,
    ScalarField,
)
from verify.userfile import UserFileError
from verify.userfile.identity import Identity

SYMBOLS = {"z": "vector n", "c": "scalar", "b": "scalar positive", "t": "scalar integer positive",
           "A": "matrix n n", "B": "matrix n m", "C": "matrix m n", "E2": "matrix m m", "s": "scalar",
           "X": "matrix n n invertible function s", "u": "function s", "w": "vector 3"}
PROB = {"k": "scalar positive", "theta": "scalar positive", "lam": "scalar positive", "y": "scalar",
        "mu": "vector n", "S": "matrix n n spd", "p": "scalar unit"}
DISTS = {"L": "Gamma(k, theta)", "N": "Poisson(L)", "T": "Exponential(lam)", "x": "MultivariateNormal(mu, S)",
         "G": "Geometric(p)", "Z": "Bernoulli(p)", "M": "Normal(y + 2*Z, k)"}


@contextmanager
def no_code():
    """``eval``/``exec`` raise and ``compile`` may only parse while a claim is built."""
    saved = {name: getattr(builtins, name) for name in ("eval", "exec", "compile")}

    def refuse(*args, **kwargs):
        raise AssertionError("input reached eval/exec")

    def parse_only(source, filename, mode, flags=0, *args, **kwargs):
        assert flags & ast.PyCF_ONLY_AST, "input compiled to code"
        return saved["compile"](source, filename, mode, flags, *args, **kwargs)

    builtins.eval, builtins.exec, builtins.compile = refuse, refuse, parse_only
    try:
        yield
    finally:
        for name, fn in saved.items():
            setattr(builtins, name, fn)


def build(claim, symbols=SYMBOLS, dists=None, where=()):
    """Build twice: once to import what SymPy imports lazily (imports run code), once under the tripwires."""
    identity = Identity(id="v", claim=claim, symbols=symbols, distributions=dists or {}, where=where)
    try:
        identity.to_entry()
    except UserFileError:
        pass
    with no_code():
        return identity.to_entry()


def nodes(expr, kind):
    return expr.atoms(kind)


@pytest.mark.parametrize(("claim", "kind"), [
    ("log(sum(exp(z[i]), i, 0, n - 1)) == c", sp.Sum),
    ("Sum(z[i]*z[j], (i, 0, n - 1), (j, 0, i)) >= 0", sp.Sum),
    ("prod(b, j, 1, t) == b**t", sp.Product),
    ("Product(1 + b**j, (j, 0, t - 1)) >= 1", sp.Product),
    ("Piecewise((c, c > 0), (0, True)) == relu(c)", sp.Piecewise),
    ("Max(c, b, 1) >= min(c, b)", sp.Max),
    ("floor(c) + ceiling(c) + sign(c) + Heaviside(c) + erf(c) + gamma(b) + loggamma(b) == c", sp.floor),
    ("sin(c) + cos(c) + tan(c) + asin(c) + acos(c) + atan(c) + sinh(c) + asinh(c) + atanh(c) == c", sp.asin),
    ("softplus(c) + log(b, 2) + binomial(t, 2) + factorial(t) == c", sp.binomial),
    ("BlockMatrix([[A, B], [C, E2]]).T == BlockMatrix([[A.T, C.T], [B.T, E2.T]])", sp.BlockMatrix),
    ("Matrix([[1, 2], [3, 4]])*Matrix([[c], [b]]) == Matrix([c + 2*b, 3*c + 4*b])", sp.ImmutableMatrix),
    ("A**t*A == A**(t + 1)", MatPow),
    ("D(X.I, s) == -X.I*D(X, s)*X.I", MatrixField),
    ("D(u(2*s), s) == D(u(2*s), s)", ScalarField),
    ("z[n - 1] == sum(z[i], i, n - 1, n - 1)", MatrixElement),
])
def test_construct_builds_its_node(claim, kind):
    assert nodes(build(claim).expr, kind)


@pytest.mark.parametrize(("claim", "kind"), [
    ("E(N | L) == L", CondExpectation), ("Var(M | Z) == k**2", CondVariance), ("P(T > y | Z) >= 0", CondProbability),
    ("density(T, y) >= 0", Density), ("pdf(T, y) == pmf(T, y)", Density), ("cdf(T, y) <= 1", CDF),
    ("P(And(T > 1, T < 2)) <= 1", st.Probability), ("entropy(G) >= 0", Entropy), ("KL(T, T) == 0", KL),
    ("E(x) == mu", MeanOf), ("Cov(x) == S", CovOf), ("Var(x) == S", CovOf), ("E(x.T*x) >= 0", RandomVector),
    ("MGF(x, mu) >= 0", RandomVector), ("Var(x[0]) >= 0", st.Variance),
])
def test_probability_construct_builds_its_node(claim, kind):
    assert nodes(build(claim, PROB, DISTS).expr, kind)


def test_the_expectation_of_a_random_vector_expression_is_kept():
    """SymPy drops E(...) of what it does not see as random; a quadratic form in a random vector stays E."""
    expr = build("E(x.T*S*x) >= 0", PROB, DISTS).expr
    assert expr.lhs.has(st.Expectation)


def test_symbolic_bounds_are_not_unrolled():
    expr = build("sum(z[i], i, 0, n - 1) == c").expr
    (s,) = expr.lhs.atoms(sp.Sum)
    assert s.limits[0][2] == sp.Symbol("n", integer=True, positive=True) - 1


def test_declarations_in_any_order():
    symbols = {"X": "matrix n n function s", "s": "scalar"}
    assert build("D(X, s) == D(X, s)", symbols).expr is not None
    assert build("E(N) == k*theta", PROB, {"N": "Poisson(L)", "L": "Gamma(k, theta)"}).expr is not None


@pytest.mark.parametrize(("claim", "message"), [
    ("sum(z[i], i, 0, c) == c", "must be an integer"),
    ("sum(z[i], i, 2, n - 1) == c", "never reversed"),
    ("sum(z[i + 1], i, 0, n - 1) == c", "stays below the size"),
    ("sum(z[i], i, 0, n - 1) + z[i] == c", "unknown name 'i'"),
    ("sum(sum(sum(sum(c, i, 0, 1), j, 0, 1), k, 0, 1), l, 0, 1) == c", "nested at most 3 deep"),
    ("sum(c, i, 0, 10**5) == c", "exceeds the limit of 4096 terms"),
    ("sum(A, i, 0, t) == A", "needs a scalar body"),
    ("z[1] == c", "index 1 needs size n to be at least 2"),
    ("Piecewise((c, c > 0)) == Piecewise((c, 0 < c < 1), (0, True))", "chained comparisons"),
    ("Piecewise((c, c + 1)) == c", "a condition must be a relation"),
    ("Piecewise((A, c > 0), (A, True)) == A", "a Piecewise value needs a scalar"),
    ("True == c", "only allowed as conditions"),
    ("[c, c] == c", "lists are only allowed in Matrix"),
    ("(c, c) == c", "tuples are only allowed"),
    ("c | b == c", "conditioning bar"),
    ("c != b", "'!=' are not allowed"),
    ("And(c > 0, b > 0) == c", "is a condition"),
    ("BlockMatrix([[A, C]]) == A", "need the same number of rows"),
    ("BlockMatrix([[A, c]]) == A", "Matrix([[a]])"),
    ("Matrix([[1, 2], [3]]) == A", "same number of entries"),
    ("A**c == A", "a matrix power needs an integer exponent"),
    ("factorial(5000) == c", "larger than 1000"),
    ("D(X, z) == X", "D(f, v) is defined for"),
    ("u(z) == c", "u is a function of a scalar, called with a vector"),
    ("log(c, b, 2) == c", "takes 1 to 2 argument(s)"),
])
def test_refused_with_a_message(claim, message):
    with pytest.raises(UserFileError) as info:
        build(claim)
    assert message in str(info.value)


@pytest.mark.parametrize(("claim", "dists", "message"), [
    ("E(N | L, k) == L", DISTS, "takes 1 argument"),
    ("E(N | L + 1) == L", DISTS, "Y must be one declared scalar random variable"),
    ("Cov(N | L, N) == L", DISTS, "conditioning bar"),
    ("density(N + T, y) == 0", DISTS, "needs a declared random variable"),
    ("density(T, T) == 0", DISTS, "must not be random"),
    ("cdf(x, mu) == 0", DISTS, "defined for scalar random variables"),
    ("P(k > 0) == 1", DISTS, "needs an event about a random variable"),
    ("P(T > 1 | k > 0) == 1", DISTS, "the condition B must be an event about a random variable"),
    ("P(T > 1 | y) == 1", DISTS, "Y must be one declared scalar random variable"),
    ("T == 1 | Z == 1", DISTS, "chained comparisons"),
    ("E(T == 1 | Z == 1) == 1", DISTS, "a relation can only be the whole claim"),
    ("E(k) == k", DISTS, "needs an expression with a random variable"),
    ("KL(T, x) == 0", DISTS, "same kind and shape"),
    ("E(N) == k", {"N": "Poisson(L)"}, "'L' is not declared before it"),
    ("E(N) == k", {"N": "Poisson(0.5)"}, "write 1/2, not 0.5"),
    ("E(x) == mu", {"x": "MultivariateNormal(k, S)"}, "needs a vector mu"),
    ("E(N) == k", {"N": "Categorical(k)"}, "needs a vector parameter"),
])
def test_probability_refused_with_a_message(claim, dists, message):
    with pytest.raises(UserFileError) as info:
        build(claim, PROB, dists)
    assert message in str(info.value)


def test_long_textbook_claim_within_the_limits():
    """A Cookbook product rule with five factors, written out (the old 400-node cap refused such claims)."""
    claim = ("D(tr(A*X*B*X.T*C), X) == A.T*C.T*X*B.T + C*A*X*B"
             " + 0*(A + A.T + C + C.T + A*C + C*A + A*A + C*C + A*A.T + C*C.T + A.T*C.T + C.T*A.T)" * 1)
    symbols = {"A": "matrix n n", "B": "matrix n n", "C": "matrix n n", "X": "matrix n n"}
    terms = " + ".join(f"tr(A**{k}*X*B*X.T*C)" for k in range(1, 30))
    assert build(claim, symbols).expr is not None
    assert build(f"{terms} == {terms}", symbols).expr is not None


def test_d_of_a_matrix_by_a_scalar_has_the_matrix_shape():
    expr = build("D(X.I, s) == -X.I*D(X, s)*X.I").expr
    (d,) = [n for n in expr.lhs.atoms(D)]
    assert tuple(d.shape) == tuple(d.f.shape)


@pytest.mark.parametrize("claim", ["P(T > 1 | Z == 1) >= 0", "P((T > 1) | (Z == 1)) >= 0",
                                   "P(T > 1 | And(Z == 1, G > 2)) >= 0"])
def test_probability_of_an_event_given_an_event(claim):
    """P(A | B) for an event B is P(A and B) / P(B) (undefined where P(B) = 0); X == x | Y == y, which Python
    reads as a chain of comparisons, is allowed only as that argument of P."""
    expr = build(claim, PROB, DISTS).expr
    (quotient,) = [a for a in sp.Add.make_args(expr.lhs)]
    num, den = sp.fraction(quotient)
    (given,) = den.atoms(st.Probability)
    (joint,) = num.atoms(st.Probability)
    assert isinstance(joint.args[0], sp.And) and set(sp.And.make_args(given.args[0])) <= set(joint.args[0].args)
