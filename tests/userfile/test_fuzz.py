"""Fuzz the parser and the loader: any input gives a result or a UserFileError, never another exception.

Strategies build candidate inputs from the pieces a hostile or careless user
would combine (tokens of the claim language and of Python beyond it, YAML
fragments, values of the wrong type) rather than filtering random bytes.
"""

import sympy as sp
from hypothesis import given
from hypothesis import strategies as st

from verify.userfile import ClaimError, UserFileError, load_data, load_text, parse_tree
from verify.userfile.functions import FUNCTIONS
from verify.userfile.identity import Identity
from verify.userfile.loader import FILE_KEYS, IDENTITY_KEYS

SYMBOLS = {"x": "vector n", "y": "vector 3", "A": "matrix n n", "B": "matrix n m", "a": "scalar positive",
           "X": "random", "N": "random Poisson(a)"}
TOKENS = (list(SYMBOLS) + sorted(FUNCTIONS) + ["n", "m", "i", "pi", "0", "1", "2", "64", "10**10", "0.5", "-1"]
          + ["+", "-", "*", "/", "**", "@", "==", "<=", ">", "(", ")", ",", ".T", ".I", "[", "]", "[0]", "[0, 1]"]
          + ["__import__", "'s'", "lambda:", "for", "in", ".__class__", "%", "if", "else", "not", "and", "{", "}",
             ":", ";", "\\", "\n", "#", "=", "!", "`", "\x00", "é", "∂"])

token_claims = st.lists(st.sampled_from(TOKENS), min_size=1, max_size=25).map(" ".join)
UNARY = ["det", "tr", "log", "exp", "sqrt", "sigmoid", "relu", "softmax", "diag", "E", "Var", "-"]
BINARY = ["+", "-", "*", "/", "**", "@"]
grammar_exprs = st.recursive(
    st.sampled_from(list(SYMBOLS) + ["1", "2", "0.5", "n", "pi", "Identity(n)", "x[0]", "ones(1, n)"]),
    lambda e: st.one_of(
        st.tuples(e, st.sampled_from(BINARY), e).map(lambda t: f"({t[0]} {t[1]} {t[2]})"),
        st.tuples(st.sampled_from(UNARY), e).map(lambda t: f"{t[0]}({t[1]})"),
        st.tuples(st.sampled_from(["D", "hadamard", "kron", "Cov", "MGF"]), e, e).map(
            lambda t: f"{t[0]}({t[1]}, {t[2]})"),
        st.tuples(e, st.sampled_from([".T", ".I", "[0]", "[1, 0]"])).map("".join),
        e.map(lambda s: f"sum({s}, i, 0, 2)")),
    max_leaves=8)
grammar_claims = st.tuples(grammar_exprs, st.sampled_from(["==", "<=", ">", "<"]), grammar_exprs).map(" ".join)
any_claims = st.one_of(token_claims, grammar_claims, st.text(max_size=200))


@given(any_claims)
def test_parse_tree_gives_a_tree_or_a_claim_error(text):
    try:
        parse_tree(text)
    except ClaimError as err:
        assert str(err)


@given(any_claims)
def test_building_gives_a_relation_or_a_user_file_error(text):
    identity = Identity(id="fuzz", claim=text, symbols=SYMBOLS, file="fuzz.yaml")
    try:
        entry = identity.to_entry(timeout=10)
    except UserFileError as err:
        assert str(err).startswith("fuzz.yaml: identity 'fuzz': field ")
    else:
        assert isinstance(entry.expr, sp.core.relational.Relational)


yaml_fragments = st.lists(st.sampled_from(
    ["identities:", "- id: a", "  claim: x == x", "  symbols: {x: vector n}", "layout: numerator", "symbols:",
     "  - ", "[", "]", "{", "}", ": ", "&a", "*a", "!!python/object:os.system", "!!binary", "? ", "---", "...",
     "%YAML 1.1", "'", '"', "\t", "  ", "\n", "#", "id: 3", "claim: [1, 2]", "expect: maybe", "given: independent"]),
    max_size=30).map("\n".join)


@given(st.one_of(yaml_fragments, st.text(max_size=300)))
def test_loader_never_raises_on_text(text):
    loaded = load_text(text, "fuzz.yaml")
    for err in loaded.errors:
        assert isinstance(err, UserFileError)
        assert str(err).startswith("fuzz.yaml")
    for identity in loaded.identities:
        assert isinstance(identity.claim, str)


scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=20),
                    st.sampled_from(["x == x", "vector n", "matrix n n", "numerator", "refuted", "Poisson(a)"]))
values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4),
    st.dictionaries(st.one_of(st.sampled_from(IDENTITY_KEYS + FILE_KEYS), st.text(max_size=5), st.integers()),
                    inner, max_size=5)), max_leaves=20)
identity_like = st.fixed_dictionaries({"id": st.one_of(st.just("a"), values), "claim": st.one_of(
    st.just("x == x"), values)}, optional={k: values for k in IDENTITY_KEYS if k not in ("id", "claim")})


@given(st.one_of(values, st.lists(identity_like, max_size=3),
                 st.fixed_dictionaries({"identities": st.lists(identity_like, max_size=3)},
                                       optional={k: values for k in FILE_KEYS if k != "identities"})))
def test_loader_never_raises_on_wrong_types(data):
    loaded = load_data(data, "fuzz.yaml")
    assert all(isinstance(err, UserFileError) and err.file == "fuzz.yaml" for err in loaded.errors)
    for identity in loaded.identities:
        try:
            identity.to_entry(timeout=10)
        except UserFileError as err:
            assert err.file == "fuzz.yaml" and err.identity == identity.id
