"""The Python API: check_claim and check_identities take what a file holds, without a file."""

import pytest

from formulas.model import Verdict
from verify.userfile import ClaimError, UserFileError, check_claim, check_identities, load_data

P, C, R = Verdict.PROVED, Verdict.CONFIRMED, Verdict.REFUTED

CLAIMS = [  # (claim, symbols, options, expected verdict)
    ("D(x.T*A*x, x) == (A + A.T)*x", {"x": "vector n", "A": "matrix n n"}, {}, P),
    ("D(x.T*A*x, x) == 2*A*x", {"x": "vector n", "A": "matrix n n"}, {}, R),
    ("D(x.T*A*x, x) == 2*A*x", {"x": "vector n", "A": "matrix n n symmetric"}, {}, P),
    ("D(A*x, x) == A", {"x": "vector n", "A": "matrix m n"}, {"layout": "numerator"}, P),
    ("D(A*x, x) == A", {"x": "vector n", "A": "matrix m n"}, {}, R),
    ("D(A*x, x) == A.T", {"x": "vector n", "A": "matrix m n"}, {}, P),
    ("tr(kron(A, B)) == tr(A)*tr(B)", {"A": "matrix n n", "B": "matrix m m"}, {}, P),
    ("tr(Identity(n)) == n", {"A": "matrix n n"}, {}, P),
    ("D(sigmoid(a), a) == sigmoid(a)*(1 - sigmoid(a))", {"a": "scalar"}, {}, P),
    ("ones(1, n)*softmax(x) == 1", {"x": "vector n"}, {}, P),
    ("u.T*v <= sqrt(u.T*u)*sqrt(v.T*v)", {"u": "vector n", "v": "vector n"}, {}, None),
    ("x.T*x + 1 > 0", {"x": "vector n"}, {}, P),
    ("log(a*b) == log(a) + log(b)", {"a": "scalar", "b": "scalar"}, {"where": ["a > 0", "b > 0"]}, P),
    ("Var(X + Y) == Var(X) + Var(Y)", {"X": "random", "Y": "random"}, {}, R),
    ("Var(X + Y) == Var(X) + Var(Y)", {"X": "random", "Y": "random"}, {"given": ["independent X Y"]}, C),
    ("E(X) == k*theta", {"k": "scalar positive", "theta": "scalar positive"},
     {"distributions": {"X": "gamma(k, theta)"}}, P),
    ("E(X) == k/beta", {"k": "scalar positive", "beta": "scalar positive"},
     {"distributions": {"X": "GammaRate(k, beta)"}}, P),
]


@pytest.mark.parametrize(("claim", "symbols", "options", "verdict"), CLAIMS, ids=[c[0] for c in CLAIMS])
def test_check_claim(claim, symbols, options, verdict):
    result = check_claim(claim, symbols, **options)
    if verdict is None:
        assert result.holds, (result.verdict, result.reason)
    else:
        assert result.verdict is verdict, (result.reason, result.methods)
    if result.verdict is R:
        assert result.counterexample


def test_check_claim_raises_on_bad_input():
    with pytest.raises(ClaimError, match="unknown name 'y'") as info:
        check_claim("x == y", {"x": "scalar"})
    assert (info.value.file, info.value.identity, info.value.field) == (None, None, "claim")
    with pytest.raises(UserFileError, match="field 'layout': must be one of denominator, numerator"):
        check_claim("x == x", {"x": "scalar"}, layout="sideways")


def test_check_identities_from_data():
    report = check_identities({
        "symbols": {"A": "matrix n m", "B": "matrix m n"},
        "identities": [
            {"id": "cycle", "claim": "tr(A*B) == tr(B*A)"},
            {"id": "wrong", "claim": "tr(A*B) == tr(A)*tr(B)", "symbols": {"A": "matrix n n", "B": "matrix n n"}},
            {"id": "typo", "claim": "tr(A*C) == 0"},
        ]}, file="inline")
    assert {r.identity.id: r.result.verdict for r in report.results} == {"cycle": P, "wrong": R}
    (err,) = report.errors
    assert str(err).startswith("inline: identity 'typo': field 'claim': unknown name 'C'")
    assert report.exit_status == 2
    assert report.to_json()["exit_status"] == 2


def test_time_limit_gives_error_verdict():
    """4096 exponentials summed take long to decide: a 1 s limit stops the worker, as an error verdict."""
    result = check_claim("sum(sum(exp(a*i*j), j, 0, 63), i, 0, 63) >= 0", {"a": "scalar"}, timeout=1)
    assert result.verdict is Verdict.ERROR
    assert result.reason == "check exceeded its time limit of 1 s"
    assert result.seconds < 10


@pytest.mark.parametrize(("data", "message"), [
    ({"identities": "x == x"}, "field 'identities': must be a list of identities, got a str"),
    ({"identities": [{"claim": "x == x"}]}, "identity '#1': field 'id': required field 'id' is missing"),
    ({"identities": [{"id": "a"}]}, "identity 'a': field 'claim': required field 'claim' is missing"),
    ({"identities": [{"id": "a b", "claim": "1 == 1"}]}, "field 'id': an id is 1-80 letters"),
    ({"identities": [{"id": "a", "claim": "1 == 1"}, {"id": "a", "claim": "1 == 1"}]}, "duplicate id"),
    ({"identities": [{"id": "a", "claim": "1 == 1", "symbol": {}}]}, "unknown field(s) symbol"),
    ({"identities": [{"id": "a", "claim": "1 == 1", "symbols": ["x"]}]}, "field 'symbols': must be a mapping"),
    ({"identities": [{"id": "a", "claim": "1 == 1", "symbols": {"x": None}}]}, "x: must be text"),
    ({"identities": [{"id": "a", "claim": "1 == 1", "expect": "maybe"}]}, "field 'expect': must be one of"),
    ({"identities": [{"id": "a", "claim": "1 == 1", "given": [{"a": 1}]}]}, "field 'given': must be text"),
    ({"identity": []}, "unknown top-level key(s) identity"),
    (["not a mapping"], "identity '#1': must be a mapping with id and claim, got a str"),
    ({"identities": []}, "the file declares no identities"),
])
def test_loader_messages_name_the_field(data, message):
    loaded = load_data(data, "f.yaml")
    assert any(message in str(e) for e in loaded.errors), [str(e) for e in loaded.errors]
