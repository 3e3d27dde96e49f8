"""The evaluator nodes added for user identities, on both backends.

* ``ElementwiseApplyFunction`` -- ``f`` applied to every entry (elementwise exp, log,
  sigmoid, softmax's numerator);
* a size letter used as a number (``tr(Identity(n)) == n``).
"""

import pytest
import sympy as sp
import torch
from sympy.matrices.expressions.applyfunc import ElementwiseApplyFunction

from formulas.nodes import D
from formulas.spec import dim_symbol
from verify.evaluate import ExactBackend, TorchBackend, evaluate

n = dim_symbol("n")
x = sp.MatrixSymbol("x", n, 1)
t = sp.Symbol("t", real=True)
SIGMOID = sp.Lambda(t, 1 / (1 + sp.exp(-t)))
VALUES = [sp.Rational(1, 2), -2, 3]


def _exact(expr):
    return evaluate(expr, {"x": sp.Matrix(VALUES)}, {n: 3}, ExactBackend())


def _torch(expr):
    return evaluate(expr, {"x": torch.tensor([[float(v)] for v in VALUES])}, {n: 3}, TorchBackend())


@pytest.mark.parametrize("fn", [sp.exp, sp.log, SIGMOID])
def test_elementwise_matches_entrywise_scalar_function(fn):
    expr = x.applyfunc(fn) if fn is not SIGMOID else ElementwiseApplyFunction(SIGMOID, x)
    want = [fn(sp.sympify(v)) for v in VALUES]
    exact = _exact(expr)
    assert exact.shape == (3, 1)
    assert all(sp.simplify(a - b) == 0 for a, b in zip(exact, want, strict=True))
    got = _torch(expr)
    assert got.shape == (3, 1)
    expected = torch.tensor([[complex(sp.N(w)).real if complex(sp.N(w)).imag == 0 else float("nan")] for w in want])
    torch.testing.assert_close(got, expected, equal_nan=True)


def test_elementwise_derivative_both_backends():
    """d/dx 1ᵀ sigmoid.(x) = sigmoid.(x) ⊙ (1 - sigmoid.(x)), entry by entry and by autograd."""
    f = sp.OneMatrix(1, n) * ElementwiseApplyFunction(SIGMOID, x)
    grad = D(f, x)
    want = [SIGMOID(sp.sympify(v)) * (1 - SIGMOID(sp.sympify(v))) for v in VALUES]
    exact = _exact(grad)
    assert all(sp.simplify(a - b) == 0 for a, b in zip(exact, want, strict=True))
    got = _torch(grad)
    torch.testing.assert_close(got.reshape(-1), torch.tensor([float(sp.N(w)) for w in want]))


def test_size_letter_evaluates_to_the_concrete_size():
    expr = sp.Trace(sp.Identity(n)) - n
    assert _exact(expr) == 0
    assert float(_torch(expr)) == 0.0
    assert _exact(n + 1) == 4
