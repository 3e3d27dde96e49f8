"""The functions a claim may call, each building one SymPy node (and nothing else).

=====================  ============================================================
call                   meaning
=====================  ============================================================
``det(A)``, ``tr(A)``  determinant, trace (``Determinant``, ``Trace``)
``log exp sqrt``       scalar functions; on a vector or matrix they act elementwise
``sigmoid tanh relu``  ditto (``sigmoid(t) = 1/(1 + exp(-t))``, ``relu(t) = max(0, t)``)
``abs``                ditto
``softmax(x)``         ``exp(x) / (1ᵀ exp(x))`` for a vector ``x``
``Identity(n)``        the ``n x n`` identity; ``zeros(n, m)``, ``ones(n, m)``
``D(f, v)``            derivative of ``f`` by the declared symbol ``v`` in the file's layout
``E(X)`` ``Var(X)``    ``sympy.stats`` ``Expectation``, ``Variance`` (unevaluated)
``Cov(X, Y)``          ``Covariance``; ``MGF(X, t)`` is ``E(exp(t*X))``
``hadamard(A, B)``     elementwise product (``HadamardProduct``), two or more factors
``kron(A, B)``         Kronecker product (``KroneckerProduct``)
``diag(x)``            the square matrix with the vector ``x`` on its diagonal
``sum(f, i, a, b)``    ``f`` summed over the integers ``i = a, ..., b`` (unrolled; at most 64 terms)
=====================  ============================================================
"""

from __future__ import annotations

import sympy as sp
from sympy import stats as st
from sympy.matrices.expressions import (
    Determinant,
    HadamardProduct,
    Identity,
    KroneckerProduct,
    MatMul,
    OneMatrix,
    Trace,
    ZeroMatrix,
)
from sympy.matrices.expressions.applyfunc import ElementwiseApplyFunction
from sympy.stats.rv import RandomSymbol

from formulas.nodes import D, DiagVec, ScalarOf

from .errors import ClaimError
from .shapes import as_scalar, is_1x1, is_mat, same, same_shape, shape_text

__all__ = ["FUNCTIONS", "ELEMENTWISE", "call"]

_T = sp.Symbol("_t", real=True)  # the bound variable of elementwise functions

# scalar function -> its body as a function of one scalar (used elementwise on matrices)
ELEMENTWISE = {
    "exp": sp.exp,
    "log": sp.log,
    "sqrt": sp.sqrt,
    "abs": sp.Abs,
    "tanh": sp.tanh,
    "sigmoid": lambda t: 1 / (1 + sp.exp(-t)),
    "relu": lambda t: sp.Max(0, t),
}


def _elementwise(name):
    fn = ELEMENTWISE[name]

    def build(ctx, args, col):
        (x,) = args
        if is_mat(x) and not is_1x1(x):
            return ElementwiseApplyFunction(sp.Lambda(_T, fn(_T)), x)
        return fn(as_scalar(x, f"{name}()", col))

    return build


def _square(x, name, col):
    if not is_mat(x):
        raise ClaimError(f"{name}() needs a square matrix, got a scalar", col=col)
    if not same(*x.shape):
        raise ClaimError(f"{name}() needs a square matrix, got {shape_text(x)}", col=col)
    return x


def _det(ctx, args, col):
    return Determinant(_square(args[0], "det", col))


def _tr(ctx, args, col):
    return Trace(_square(args[0], "tr", col))


def _vector(x, name, col):
    if not (is_mat(x) and same(x.shape[1], 1)):
        raise ClaimError(f"{name}() needs a (column) vector, got {shape_text(x)}", col=col)
    return x


def _softmax(ctx, args, col):
    x = _vector(args[0], "softmax", col)
    e = ElementwiseApplyFunction(sp.Lambda(_T, sp.exp(_T)), x)
    total = ScalarOf(MatMul(OneMatrix(1, x.shape[0]), e))  # 1ᵀ exp(x)
    return MatMul(sp.Pow(total, -1), e)


def _size(ctx, x, name, col):
    if x in ctx.dims.values():
        return x
    if isinstance(x, sp.Integer) and 1 <= int(x) <= ctx.max_size:
        return x
    raise ClaimError(f"{name}() needs a size: a size letter used in the declarations or an integer "
                     f"1..{ctx.max_size}", col=col)


def _identity(ctx, args, col):
    return Identity(_size(ctx, args[0], "Identity", col))


def _zeros(ctx, args, col):
    return ZeroMatrix(_size(ctx, args[0], "zeros", col), _size(ctx, args[1], "zeros", col))


def _ones(ctx, args, col):
    return OneMatrix(_size(ctx, args[0], "ones", col), _size(ctx, args[1], "ones", col))


def _derivative(ctx, args, col):
    f, v = args
    if not ctx.is_declared_variable(v):
        raise ClaimError("D(f, v): v must be a declared scalar, vector or matrix symbol", col=col)
    node = D(f, v, layout=ctx.layout)
    try:
        node.shape  # noqa: B018 - validates the combination of shapes
    except ValueError:
        raise ClaimError(f"D(f, v) is defined for a scalar f, or a vector f and a vector v; got f "
                         f"{shape_text(f)} and v {shape_text(v)}", col=col) from None
    return node


def _random_scalar(x, name, col):
    x = as_scalar(x, f"{name}()", col)
    if not x.atoms(RandomSymbol):
        raise ClaimError(f"{name}() needs an expression with a random variable (declare it 'random')", col=col)
    return x


def _expectation(ctx, args, col):
    return st.Expectation(_random_scalar(args[0], "E", col))


def _variance(ctx, args, col):
    return st.Variance(_random_scalar(args[0], "Var", col))


def _covariance(ctx, args, col):
    return st.Covariance(_random_scalar(args[0], "Cov", col), _random_scalar(args[1], "Cov", col))


def _mgf(ctx, args, col):
    x = _random_scalar(args[0], "MGF", col)
    t = as_scalar(args[1], "MGF(X, t)", col)
    return st.Expectation(sp.exp(sp.Mul(t, x)))


def _matrices(args, name, col):
    for a in args:
        if not is_mat(a):
            raise ClaimError(f"{name}() needs matrices or vectors, got a scalar", col=col)
    return args


def _hadamard(ctx, args, col):
    args = _matrices(args, "hadamard", col)
    if not all(same_shape(a, args[0]) for a in args):
        raise ClaimError("hadamard() needs factors of one shape, got " + ", ".join(map(shape_text, args)), col=col)
    return HadamardProduct(*args)


def _kron(ctx, args, col):
    return KroneckerProduct(*_matrices(args, "kron", col))


def _diag(ctx, args, col):
    return DiagVec(_vector(args[0], "diag", col))


# name -> (min args, max args, builder(ctx, args, col))
FUNCTIONS = {
    "det": (1, 1, _det), "tr": (1, 1, _tr),
    **{name: (1, 1, _elementwise(name)) for name in ELEMENTWISE},
    "softmax": (1, 1, _softmax),
    "Identity": (1, 1, _identity), "zeros": (2, 2, _zeros), "ones": (2, 2, _ones),
    "D": (2, 2, _derivative),
    "E": (1, 1, _expectation), "Var": (1, 1, _variance), "Cov": (2, 2, _covariance), "MGF": (2, 2, _mgf),
    "hadamard": (2, 8, _hadamard), "kron": (2, 8, _kron), "diag": (1, 1, _diag),
    "sum": (4, 4, None),  # built by the walker: its first argument is evaluated once per index value
}


def call(ctx, name: str, args: list, col):
    low, high, build = FUNCTIONS[name]
    if not low <= len(args) <= high:
        count = str(low) if low == high else f"{low} to {high}"
        raise ClaimError(f"{name}() takes {count} argument(s), got {len(args)}", col=col)
    return build(ctx, args, col)
