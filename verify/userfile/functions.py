"""The functions a claim may call, each building one SymPy node (and nothing else).

=============================  ============================================================
call                           meaning
=============================  ============================================================
``det(A)``, ``tr(A)``          determinant, trace (``Determinant``, ``Trace``)
``exp log sqrt abs sign``      scalar functions; on a vector or matrix they act elementwise
``sin cos tan asin ...``       trigonometric / hyperbolic functions, elementwise likewise
``floor ceiling Heaviside``    ditto (``Heaviside(0) = 1/2``)
``erf gamma loggamma``         ditto; ``factorial`` and ``digamma`` (ψ = Γ'/Γ) too
``E1 Ei``                      exponential integrals E₁(x) = ∫_x^∞ e^{-t}/t dt, Ei(x) = -PV∫_{-x}^∞ e^{-t}/t dt
``sigmoid softplus relu``      ``1/(1 + exp(-t))``, ``log(1 + exp(t))``, ``max(0, t)``
``log(x, b)``                  logarithm to base ``b``; ``binomial(n, k)``
``Max Min`` (``max min``)      of scalars
``softmax(x)``                 ``exp(x) / (1ᵀ exp(x))`` for a vector ``x``
``Identity(n)``                the ``n x n`` identity; ``zeros(n, m)``, ``ones(n, m)``
``D(f, v)``                    derivative of ``f`` by the declared symbol ``v`` in the file's layout
``hadamard(A, B)``             elementwise product (``HadamardProduct``), two or more factors
``kron(A, B)``                 Kronecker product (``KroneckerProduct``)
``diag(x)``                    the square matrix with the vector ``x`` on its diagonal
=============================  ============================================================

The walker (:mod:`verify.userfile.build`) builds ``sum``/``prod``, ``integrate(f, t, a, b)``, ``Piecewise``,
``Matrix``/``BlockMatrix``, calls of declared functions and the probability
functions (:mod:`verify.probability.syntax`) itself, since their arguments are
not plain expressions.
"""

from __future__ import annotations

import sympy as sp
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

from formulas.nodes import D, DiagVec, ScalarOf

from .errors import ClaimError
from .limits import MAX_PIECES, MAX_SPECIAL_ARGUMENT
from .shapes import as_scalar, is_1x1, is_mat, same, same_shape, shape_text

MAX_UNIT_SIZE = 64  # the longest explicit unit vector col() / row() build

__all__ = ["FUNCTIONS", "ELEMENTWISE", "WALKER_FUNCTIONS", "call"]

_T = sp.Symbol("_t", real=True)  # the bound variable of elementwise functions

# scalar function -> its body as a function of one scalar (used elementwise on matrices)
ELEMENTWISE = {
    "exp": sp.exp, "log": sp.log, "sqrt": sp.sqrt, "abs": sp.Abs, "sign": sp.sign,
    "sin": sp.sin, "cos": sp.cos, "tan": sp.tan, "asin": sp.asin, "acos": sp.acos, "atan": sp.atan,
    "sinh": sp.sinh, "cosh": sp.cosh, "tanh": sp.tanh, "asinh": sp.asinh, "acosh": sp.acosh,
    "atanh": sp.atanh,
    "floor": sp.floor, "ceiling": sp.ceiling, "Heaviside": sp.Heaviside, "erf": sp.erf,
    "gamma": sp.gamma, "loggamma": sp.loggamma, "factorial": sp.factorial, "digamma": sp.digamma,
    "E1": lambda t: sp.expint(1, t), "Ei": sp.Ei,
    "sigmoid": lambda t: 1 / (1 + sp.exp(-t)),
    "softplus": lambda t: sp.log(1 + sp.exp(t)),
    "relu": lambda t: sp.Max(0, t),
}
_FAST_GROWING = frozenset({"gamma", "loggamma", "factorial"})  # evaluated at once on a number literal


def _bounded_special(name, x, col):
    if isinstance(x, sp.Number) and abs(x) > MAX_SPECIAL_ARGUMENT:
        raise ClaimError(f"{name}() of a number larger than {MAX_SPECIAL_ARGUMENT} is not allowed", col=col)


def _elementwise(name):
    fn = ELEMENTWISE[name]

    def build(ctx, args, col):
        if name == "log" and len(args) == 2:
            x, base = (as_scalar(a, "log(x, b)", col) for a in args)
            return sp.log(x, base)
        if len(args) != 1:
            raise ClaimError(f"{name}() takes 1 argument, got {len(args)}", col=col)
        (x,) = args
        if is_mat(x) and not is_1x1(x):
            return ElementwiseApplyFunction(sp.Lambda(_T, fn(_T)), x)
        x = as_scalar(x, f"{name}()", col)
        if name in _FAST_GROWING:
            _bounded_special(name, x, col)
        return fn(x)

    return build


def _binomial(ctx, args, col):
    n, k = (as_scalar(a, "binomial(n, k)", col) for a in args)
    for v in (n, k):
        _bounded_special("binomial", v, col)
    return sp.binomial(n, k)


def _extremum(kind):
    def build(ctx, args, col):
        if len(args) > MAX_PIECES:
            raise ClaimError(f"{kind.__name__}() takes at most {MAX_PIECES} arguments", col=col)
        return kind(*[as_scalar(a, f"{kind.__name__}()", col) for a in args])

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
        raise ClaimError("D(f, v): v must be a declared scalar, vector or matrix symbol (not an expression or a "
                         "function); to differentiate at a point, differentiate by the symbol first", col=col)
    node = D(f, v, layout=ctx.layout)
    try:
        node.shape  # noqa: B018 - validates the combination of shapes
    except ValueError:
        raise ClaimError(f"D(f, v) is defined for a scalar f by anything, a vector f by a vector or a scalar, and a "
                         f"matrix f by a scalar; f {shape_text(f)} by v {shape_text(v)} would be a higher-order "
                         "tensor: differentiate a scalar instead, such as D(tr(F), X) or D(F[i, j], X)",
                         col=col) from None
    return node


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


def _unit(size, k):
    """The k-th unit vector of a numeric size, exactly: entries 1 at k, else 0 (KroneckerDelta for an index
    symbol, which a sum's body is built with before the sum is unrolled)."""
    return sp.ImmutableMatrix([[sp.KroneckerDelta(k, r)] for r in range(int(size))])


def _slice_of(name: str, other: str):
    """``col(X, j)`` = X e_j, the column j; ``row(X, i)`` = e_iᵀ X, the row i (0-based, like ``X[i, j]``).

    Written as a product with an explicit unit vector, every engine reads it as it reads ``X*Matrix([...])``; the
    unit vector needs the count of columns (rows) as a number: declare an instance size, such as ``matrix n 3``."""
    axis = 1 if name == "col" else 0

    def build(ctx, args, col):
        from .shapes import check_index

        x, k = args
        if not is_mat(x):
            raise ClaimError(f"{name}(X, k) takes a matrix or vector X, got a scalar", col=col)
        k = as_scalar(k, f"the index of {name}()", col)
        size = x.shape[axis]
        if not isinstance(size, sp.Integer):
            raise ClaimError(f"{name}(X, k) needs the number of {other} of X as a number, got {size}: declare the "
                             f"size at an instance (such as matrix n 3)", col=col)
        if int(size) > MAX_UNIT_SIZE:
            raise ClaimError(f"{name}(X, k) for at most {MAX_UNIT_SIZE} {other}", col=col)
        check_index(k, size, ctx.bound, col)
        unit = _unit(size, k)
        return MatMul(x, unit) if axis == 1 else MatMul(unit.T, x)

    return build


# name -> (min args, max args, builder(ctx, args, col))
FUNCTIONS = {
    "det": (1, 1, _det), "tr": (1, 1, _tr),
    **{name: (1, 1, _elementwise(name)) for name in ELEMENTWISE},
    "log": (1, 2, _elementwise("log")),
    "binomial": (2, 2, _binomial),
    "Max": (1, 64, _extremum(sp.Max)), "Min": (1, 64, _extremum(sp.Min)),
    "max": (1, 64, _extremum(sp.Max)), "min": (1, 64, _extremum(sp.Min)),
    "softmax": (1, 1, _softmax),
    "Identity": (1, 1, _identity), "zeros": (2, 2, _zeros), "ones": (2, 2, _ones),
    "D": (2, 2, _derivative),
    "hadamard": (2, 8, _hadamard), "kron": (2, 8, _kron), "diag": (1, 1, _diag),
    "col": (2, 2, _slice_of("col", "columns")), "row": (2, 2, _slice_of("row", "rows")),
}

# built by the walker from their syntax (arguments that are not plain expressions)
WALKER_FUNCTIONS = frozenset({
    "sum", "prod", "Sum", "Product", "Piecewise", "Matrix", "BlockMatrix", "And", "Or", "Not",
    "E", "Var", "Cov", "MGF", "P", "density", "pdf", "pmf", "cdf", "entropy", "KL", "integrate",
})


def call(ctx, name: str, args: list, col):
    low, high, build = FUNCTIONS[name]
    if not low <= len(args) <= high:
        count = str(low) if low == high else f"{low} to {high}"
        raise ClaimError(f"{name}() takes {count} argument(s), got {len(args)}", col=col)
    return build(ctx, args, col)
