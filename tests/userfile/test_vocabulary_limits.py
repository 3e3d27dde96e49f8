"""Limits that stop abuse, not textbook formulas (issue 11): long ordinary claims build; what is too costly to
evaluate is skipped with a reason, never decided by accident."""

import ast
import doctest

import pytest
import sympy as sp

import formulas.random
from formulas.model import Verdict
from verify.evaluate import ExactBackend, TorchBackend, Unsupported, evaluate
from verify.userfile import UserFileError, check_claim
from verify.userfile.identity import Identity
from verify.userfile.limits import MAX_AST_NODES, MAX_EXPR_CHARS, MAX_UNROLL


def test_node_bound_is_above_what_the_character_bound_allows():
    """Nearly 2,000 characters of dense ordinary syntax (sums of a*b) build: the character bound binds first."""
    group = "(" + " + ".join(["a*b"] * 8) + ")"
    groups = (MAX_EXPR_CHARS - 10) // (len(group) + 3)
    claim = " + ".join([group] * groups) + " == a"
    assert len(claim) <= MAX_EXPR_CHARS
    nodes = sum(1 for _ in ast.walk(ast.parse(claim, mode="eval")))
    assert nodes < MAX_AST_NODES
    Identity(id="dense", claim=claim, symbols={"a": "scalar", "b": "scalar"}).to_entry()


def test_long_cookbook_derivative_builds():
    factors = "*".join(["A", "X", "B", "X.T", "C", "X", "E2"])
    claim = f"D(tr({factors}), X) == D(tr({factors}), X)"
    symbols = {k: "matrix n n" for k in ("A", "B", "C", "E2", "X")}
    assert Identity(id="long", claim=claim, symbols=symbols).to_entry().expr is not None


@pytest.mark.parametrize("backend", [ExactBackend(), TorchBackend()], ids=["exact", "torch"])
def test_unrolling_past_the_limit_is_unsupported(backend):
    j, t = sp.Symbol("j", integer=True), sp.Symbol("t", integer=True, positive=True)
    expr = sp.Sum(j, (j, 1, t))
    env = {"t": sp.Integer(MAX_UNROLL + 1) if backend.name == "exact" else backend.const(MAX_UNROLL + 1)}
    with pytest.raises(Unsupported, match="more than"):
        evaluate(expr, env, {}, backend)


def test_too_long_to_unroll_is_never_refuted():
    result = check_claim("sum(j, j, 1, t**6) >= 0", {"t": "scalar integer positive"})
    assert result.verdict is not Verdict.REFUTED
    assert any("more than" in m.detail for m in result.methods) or result.holds


@pytest.mark.parametrize(("claim", "message"), [
    ("factorial(10**6) == a", "larger than 1000"),
    ("gamma(2000) == a", "larger than 1000"),
    ("binomial(5000, 2) == a", "larger than 1000"),
    ("Max(" + ", ".join(["a"] * 20) + ") == a", "at most 16 arguments"),
    ("Piecewise(" + ", ".join(["(a, a > 0)"] * 20) + ") == a", "1 to 16 pairs"),
    ("Matrix([" + ", ".join(["[" + ", ".join(["a"] * 20) + "]"] * 2) + "]) == a", "at most 16 x 16"),
])
def test_costly_literals_are_refused(claim, message):
    with pytest.raises(UserFileError) as info:
        Identity(id="x", claim=claim, symbols={"a": "scalar"}).to_entry()
    assert message in str(info.value)


def test_distribution_parameter_parser_examples():
    failures, tried = doctest.testmod(formulas.random)
    assert tried > 0 and failures == 0
