"""The two evaluators agree with each other and with plain torch on transposes, inverses, derivatives."""

import sympy as sp
import torch
from hypothesis import given
from hypothesis import strategies as st

from formulas.nodes import D
from formulas.spec import dim_symbol
from verify.evaluate import ExactBackend, TorchBackend, Unsupported, evaluate

n = dim_symbol("n")
A = sp.MatrixSymbol("A", n, n)
B = sp.MatrixSymbol("B", n, n)
x = sp.MatrixSymbol("x", n, 1)
EXPRS = [A.T * B, (A * B).T, A.I * B, A.T * x, sp.Trace(A * B.T), sp.Determinant(A) * B, D(x.T * A * x, x),
         D(sp.log(sp.Determinant(A)), A), D(A * x, x), sp.HadamardProduct(A, B), A**2 + 3 * B]


def _ints(k):
    return st.lists(st.integers(-3, 3), min_size=k, max_size=k)


@given(_ints(9), _ints(9), _ints(3))
def test_exact_and_torch_agree(a, b, v):
    ma = sp.Matrix(3, 3, a) + 10 * sp.eye(3)  # strictly diagonally dominant (7 > 3 + 3): invertible, det > 0
    mb = sp.Matrix(3, 3, b)
    mx = sp.Matrix(3, 1, v)
    exact_env = {"A": ma, "B": mb, "x": mx}
    torch_env = {k: torch.tensor([[float(e) for e in row] for row in m.tolist()], dtype=torch.float64)
                 for k, m in exact_env.items()}
    dims = {n: 3}
    for expr in EXPRS:
        exact = evaluate(expr, exact_env, dims, ExactBackend())
        approx = evaluate(expr, torch_env, dims, TorchBackend())
        exact_t = torch.tensor([[float(e) for e in row] for row in sp.Matrix(exact).tolist()], dtype=torch.float64) \
            if isinstance(exact, sp.MatrixBase) else torch.tensor(float(exact), dtype=torch.float64)
        assert torch.allclose(approx.reshape(exact_t.shape), exact_t, rtol=1e-9, atol=1e-9), expr


def test_transpose_is_a_real_transpose():
    """SymPy 1.14's lambdify torch printer mistranslates ``A.T``; ours must not."""
    a = torch.arange(6.0, dtype=torch.float64).reshape(2, 3)
    out = evaluate(sp.MatrixSymbol("A", 2, 3).T, {"A": a}, {}, TorchBackend())
    assert torch.equal(out, a.T)


def test_unknown_nodes_are_refused():
    f = sp.Function("g")(sp.Symbol("y"))
    try:
        evaluate(f, {"y": torch.tensor(1.0)}, {}, TorchBackend())
    except Unsupported as err:
        assert "cannot evaluate" in str(err)
    else:
        raise AssertionError("an unknown function was evaluated")
