"""Untrusted claims and declarations: everything outside the whitelist is refused with a clear message.

Each row is (claim, a fragment of the expected message).  Nothing is executed:
while a claim is handled, ``eval`` and ``exec`` are tripwires, and ``compile``
may only build syntax trees (``ast.parse``), never code.
"""

import ast
import builtins
from contextlib import contextmanager

import pytest

from verify.userfile import ClaimError, UserFileError, check_claim, load_data
from verify.userfile.identity import Identity
from verify.userfile.limits import MAX_EXPR_CHARS

SYMBOLS = {"x": "vector n", "y": "vector n", "A": "matrix n n", "a": "scalar", "X": "random"}

HOSTILE = [
    ("__import__('os').system('touch /tmp/sheetproof-pwned')", "only named functions may be called"),
    ("__builtins__ == 1", "names may not start with '_'"),
    ("x.__class__ == x", "attribute '.__class__' is not allowed"),
    ("x.T.__dict__ == x", "attribute '.__dict__' is not allowed"),
    ("A.inv == A", "attribute '.inv' is not allowed"),
    ("A.inv() == A", "only named functions may be called"),
    ("(lambda: 1)() == 1", "only named functions may be called"),
    ("(lambda: 1) == 1", "lambda expressions are not allowed"),
    ("[i for i in x] == x", "comprehensions are not allowed"),
    ("sum(i for i in x) == 1", "comprehensions are not allowed"),
    ("open('f') == 1", "strings are not allowed"),
    ("open(a) == 1", "unknown function 'open'"),
    ("eval(a) == 1", "unknown function 'eval'"),
    ("getattr(x, a) == x", "unknown function 'getattr'"),
    ("a**(10**10) == a", "exponent 10000000000 is larger than the limit 64"),
    ("a**10**10**10 == a", "is larger than the limit 64"),
    ("2**64**2 == a", "is larger than the limit 64"),
    ("1000000**64 == a", "more than 200 digits"),
    ("A**100 == A", "is larger than the limit 64"),
    ("a == 1" + "0" * 300, "more than 200 digits"),
    ("a == 1e308*10", "number literal out of range"),
    ("a == 1e400", "out of range"),
    ("Identity(100000) == A", "needs a size"),
    ("x[5] == a", "index 5 needs size n to be at least 6"),
    ("x[-1] == a", "negative indices are not allowed"),
    ("x[0:2] == a", "slices are not allowed"),
    ("sum(a, i, 0, 10**6) == a", "exceeds the limit of 64"),
    ("D(x, x, layout='numerator') == A", "keyword arguments are not allowed"),
    ("D(x, x, 'numerator') == A", "strings are not allowed"),
    ("D(a, a, layout=1) == A", "keyword arguments are not allowed"),
    ("det(*x) == a", "starred arguments are not allowed"),
    ("a if a else a == a", "conditional expressions are not allowed"),
    ("a < a < a", "chained comparisons are not allowed"),
    ("a != a", "'!=' are not allowed"),
    ("a and a", "'and' / 'or' are not allowed"),
    ("(a := 1) == 1", "':=' assignments are not allowed"),
    ("{} == a", "dicts are not allowed"),
    ("f'{a}' == a", "f-strings are not allowed"),
    ("a ^ 2 == a", "'^' (write ** for powers) are not allowed"),
    ("b == a", "unknown name 'b'"),
    ("det == a", "det is a function"),
    ("a(x) == a", "'a' is a symbol, not a function"),
    ("x * y == a", "cannot multiply a vector of size n by a vector of size n"),
    ("x + A == A", "cannot add a vector of size n and a n x n matrix"),
    ("det(x) == a", "det() needs a square matrix"),
    ("A / A == A", "cannot divide by a n x n matrix"),
    ("a / 0 == a", "division by zero"),
    ("x <= y", "an inequality needs a scalar, got a vector"),
    ("A == a", "the two sides of == differ"),
    ("E(a) == a", "needs an expression with a random variable"),
    ("D(x, A) == A", "D(f, v) is defined for"),
    ("D(a, 2) == a", "v must be a declared scalar, vector or matrix symbol"),
    ("a + 1", "a claim must be a relation"),
    ("(a == a) == a", "a relation can only be the whole claim"),
    ("a ==", "not a valid expression"),
    ("a == a\x00", "not a valid expression"),
    ("", "empty expression"),
    ("exp(" * 50 + "a" + ")" * 50 + " == a", "nested deeper than 40 levels"),
    ("(" * 300 + "a" + ")" * 300 + " == a", "not a valid expression"),
    ("a == " + "+".join(["a"] * 300), "nested deeper than 40 levels"),
    ("a == det(" + ", ".join(["a"] * 450) + ")", "more than 400 syntax nodes"),
    ("a == " + "a" * 1_000_000, f"exceeds the limit of {MAX_EXPR_CHARS}"),
]


WARM_UP = [  # every function once, so that no module is imported lazily (exec) inside the tripwires
    "D(x.T*A*x, x) == (A + A.T)*x", "det(A) + tr(A) + log(a) + exp(a) + sqrt(a) + sigmoid(a) + tanh(a) >= 0",
    "relu(x) + abs(x) + softmax(x) + exp(x) + log(x) == hadamard(x, y) + kron(x, ones(1, 1)) + zeros(n, 1)",
    "diag(x) + Identity(n) == A", "E(X) + Var(X) + Cov(X, X) + MGF(X, a) == sum(x[0], i, 0, 2)",
]


@pytest.fixture(scope="module", autouse=True)
def warm_up():
    for claim in WARM_UP:
        Identity(id="warm", claim=claim, symbols=SYMBOLS).to_entry()
    with pytest.raises(UserFileError):
        Identity(id="warm", claim="__x", symbols=SYMBOLS).to_entry()


@contextmanager
def tripwires():
    """``eval``/``exec`` raise; ``compile`` only parses (``ast.PyCF_ONLY_AST``)."""
    saved = {name: getattr(builtins, name) for name in ("eval", "exec", "compile")}

    def refuse(*args, **kwargs):
        raise AssertionError(f"input reached eval/exec: {str(args[:1])[:80]}")

    def parse_only(source, filename, mode, flags=0, *args, **kwargs):
        if not flags & ast.PyCF_ONLY_AST:
            raise AssertionError(f"input compiled to code: {str(source)[:80]}")
        return saved["compile"](source, filename, mode, flags, *args, **kwargs)

    builtins.eval, builtins.exec, builtins.compile = refuse, refuse, parse_only
    try:
        yield
    finally:
        for name, fn in saved.items():
            setattr(builtins, name, fn)


@pytest.mark.parametrize(("claim", "message"), HOSTILE, ids=[c[:40] for c, _ in HOSTILE])
def test_hostile_claim_is_refused(claim, message):
    identity = Identity(id="hostile", claim=claim, symbols=SYMBOLS, file="ids.yaml")
    with pytest.raises(UserFileError) as info, tripwires():
        identity.to_entry()
    text = str(info.value)
    assert message in text
    assert text.startswith("ids.yaml: identity 'hostile': field 'claim': ")


def test_nothing_from_the_input_runs(tmp_path):
    canary = tmp_path / "pwned"
    claim = f"__import__('os').system('touch {canary}') == 0"
    with pytest.raises(ClaimError), tripwires():
        check_claim(claim, {"a": "scalar"})
    assert not canary.exists()


@pytest.mark.parametrize(("symbols", "message"), [
    ({"A": "matrix 100000 2"}, "size 100000 outside 1..64"),
    ({"A": "matrix 65 65"}, "size 65 outside 1..64"),
    ({"A": "tensor n"}, "unknown kind 'tensor'"),
    ({"lambda": "scalar"}, "is a Python keyword"),
    ({"__class__": "scalar"}, "must be a letter followed by"),
    ({"x": "vector n", "n": "scalar"}, "size letter 'n' is also declared as a symbol"),
    ({"A": "matrix n m spd"}, "needs a square matrix"),
    ({"N": "random Cauchy(a)"}, "unknown distribution 'Cauchy'"),
    ({"N": "random Poisson(q)"}, "parameter 'q' is not declared before it"),
])
def test_bad_declaration_is_refused(symbols, message):
    identity = Identity(id="decl", claim="1 == 1", symbols=symbols, file="ids.yaml")
    with pytest.raises(UserFileError) as info:
        identity.to_entry()
    assert message in str(info.value)
    assert "field 'symbols'" in str(info.value)


@pytest.mark.parametrize(("dists", "message"), [
    ({"N": "Poisson(lam)", "M": "Cauchy(lam)"}, "unknown distribution 'Cauchy'"),
    ({"N": "Poisson(__import__('os'))"}, "are not allowed"),
    ({"N": "Poisson(lam + 1)"}, "a distribution parameter must be a declared scalar or a number"),
    ({"N": "lam"}, "must be written as Name(parameters)"),
    ({"N": "Poisson(lam, lam)"}, "Poisson takes 1 parameter(s), got 2"),
])
def test_bad_distribution_is_refused(dists, message):
    identity = Identity(id="dist", claim="E(N) == lam", symbols={"lam": "scalar positive"}, distributions=dists)
    with pytest.raises(UserFileError) as info:
        identity.to_entry()
    assert message in str(info.value)


def test_huge_document_is_refused_before_yaml():
    from verify.userfile import load_text

    loaded = load_text("identities: []\n# " + "x" * 2_000_000)
    assert loaded.identities == []
    assert "larger than" in str(loaded.errors[0])


def test_alias_bomb_is_bounded():
    """A 'billion laughs' document is refused before it is constructed, from the size its expansion would have."""
    from verify.userfile import load_text

    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 9)]
    lines += ["identities: *a8"]
    loaded = load_text("\n".join(lines))
    assert loaded.identities == []
    assert len(loaded.errors) == 1
    assert "aliases expand to more than 100000 values" in str(loaded.errors[0])


def test_identity_count_is_bounded():
    loaded = load_data({"identities": [{"id": f"i{k}", "claim": "1 == 1"} for k in range(501)]})
    assert "exceed the limit of 500" in str(loaded.errors[0])
