"""Evaluate a SymPy statement on concrete values, exactly (SymPy) or in torch.

One walker over a **whitelisted** set of node types, two backends:

* :class:`ExactBackend` -- explicit SymPy matrices whose entries are symbols or
  rationals; derivatives are taken entry by entry with ``sympy.diff``.
* :class:`TorchBackend` -- float64 tensors; derivatives with ``torch.func.jacrev``.

Both arrange derivatives in the layout the ``D`` node names (denominator by
default).  Sums and products (``sympy.Sum`` / ``sympy.Product``) are unrolled at
the concrete sizes (at most :data:`MAX_UNROLL` terms each; the exact backend
keeps a symbolic bound symbolic and lets ``Sum.doit`` evaluate it); definite integrals (``sympy.Integral``) by
quadrature at the point (:mod:`verify.integrals`; undefined where they diverge); ``Piecewise``
is a chain of ``where``s in torch, and relations / ``And`` / ``Or`` / ``Not``
evaluate to booleans.  A node outside the whitelist raises :class:`Unsupported`, so nothing
is ever evaluated by accident (this replaces ``lambdify``, whose torch printer
in SymPy 1.14 prints ``A.T`` as ``torch.transpose(A).t()``).
"""

from __future__ import annotations

import sympy as sp
from sympy.matrices.expressions import (
    Determinant,
    HadamardProduct,
    Identity,
    Inverse,
    KroneckerProduct,
    MatAdd,
    MatMul,
    MatPow,
    MatrixSymbol,
    OneMatrix,
    Trace,
    Transpose,
    ZeroMatrix,
)
from sympy.matrices.expressions.applyfunc import ElementwiseApplyFunction
from sympy.matrices.expressions.matexpr import MatrixElement

from formulas.nodes import D, DiagVec, MatrixField, ScalarField, ScalarOf, VectorField

__all__ = ["Unsupported", "evaluate", "ExactBackend", "TorchBackend", "MAX_UNROLL"]

MAX_UNROLL = 4096  # terms of one sum or product unrolled at a concrete size (verify.userfile.limits.MAX_UNROLL)
_RELATIONS = {sp.Eq: "eq", sp.Ne: "ne", sp.Lt: "lt", sp.Le: "le", sp.Gt: "gt", sp.Ge: "ge"}


class Unsupported(TypeError):
    """A node the evaluators do not know; the claim needs another engine."""


_SCALAR_FUNCS = {sp.exp: "exp", sp.log: "log", sp.Abs: "abs", sp.sin: "sin", sp.cos: "cos",
                 sp.tanh: "tanh", sp.sign: "sign", sp.atan: "atan", sp.sinh: "sinh", sp.cosh: "cosh",
                 sp.tan: "tan", sp.asin: "asin", sp.acos: "acos", sp.asinh: "asinh", sp.acosh: "acosh",
                 sp.atanh: "atanh", sp.floor: "floor", sp.ceiling: "ceiling", sp.erf: "erf", sp.erfc: "erfc",
                 sp.gamma: "gamma", sp.loggamma: "loggamma", sp.factorial: "factorial", sp.digamma: "digamma",
                 sp.Ei: "Ei"}


def _dim(expr, dims: dict) -> int:
    value = sp.sympify(expr).subs(dims)
    if not value.is_Integer:
        raise Unsupported(f"size {expr} has no concrete value")
    return int(value)


def evaluate(expr, env: dict, dims: dict, backend):
    """Value of ``expr`` with symbol values ``env`` (by name) and sizes ``dims``.

    The exact backend then writes each distinct value of a declared function (``u(t)``, ``d u(t)/dt``,
    ``X_01(t)``) as a plain symbol, so that residuals are rational functions that ``cancel`` settles quickly;
    distinct values of a generic function are algebraically independent, so nothing is lost."""
    return backend.finish(_evaluate(expr, env, dims, backend))


def _evaluate(expr, env: dict, dims: dict, backend):
    ev = lambda e: _evaluate(e, env, dims, backend)  # noqa: E731
    b = backend
    if isinstance(expr, (MatrixSymbol, sp.Symbol)):
        try:
            return env[expr.name]
        except KeyError:
            if expr in dims:  # a size letter used as a number, as in tr(Identity(n)) == n
                return b.const(dims[expr])
            raise Unsupported(f"no value for symbol {expr.name}") from None
    if isinstance(expr, sp.Number) or expr in (sp.pi, sp.E):
        return b.const(expr)
    if isinstance(expr, D):
        return b.derivative(expr, env, dims)
    if isinstance(expr, ScalarOf):
        return b.scalar(ev(expr.args[0]))
    if isinstance(expr, ScalarField):
        return b.field(expr.name, ev(expr.arg), None, env)
    if isinstance(expr, VectorField):
        return b.field(expr.name, ev(expr.arg), _dim(expr.shape[0], dims), env)
    if isinstance(expr, MatrixField):
        return b.field(expr.name, ev(expr.arg), (_dim(expr.shape[0], dims), _dim(expr.shape[1], dims)), env)
    if isinstance(expr, (sp.Sum, sp.Product)):
        return _sum_or_product(expr, env, dims, b)
    if isinstance(expr, sp.Integral):  # by quadrature at the point (verify.integrals): undefined if it diverges
        return b.integral(expr, env, dims, _evaluate)
    if isinstance(expr, sp.Piecewise):
        return b.piecewise([(ev(v), ev(c)) for v, c in expr.args])
    if isinstance(expr, tuple(_RELATIONS)):
        return b.compare(_RELATIONS[type(expr)], b.scalar(ev(expr.lhs)), b.scalar(ev(expr.rhs)))
    if isinstance(expr, (sp.And, sp.Or)):
        return b.logic("and" if isinstance(expr, sp.And) else "or", [ev(a) for a in expr.args])
    if isinstance(expr, sp.Not):
        return b.logic("not", [ev(expr.args[0])])
    if expr is sp.true or expr is sp.false:
        return b.boolean(bool(expr))
    if isinstance(expr, sp.BlockMatrix):
        return b.blocks([[ev(blk) for blk in row] for row in expr.blocks.tolist()])
    if isinstance(expr, sp.MatrixBase):  # an explicit matrix, Matrix([[...]])
        return b.explicit([[ev(x) for x in row] for row in expr.tolist()])
    if isinstance(expr, sp.Heaviside):
        return b.func("Heaviside", ev(expr.args[0]))
    if isinstance(expr, sp.binomial):
        return b.binomial(ev(expr.args[0]), ev(expr.args[1]))
    if isinstance(expr, sp.polygamma):
        return b.polygamma(_dim(expr.args[0], dims), ev(expr.args[1]))
    if isinstance(expr, (sp.Add, MatAdd)):
        out = ev(expr.args[0])
        for a in expr.args[1:]:
            out = b.add(out, ev(a))
        return out
    if isinstance(expr, (sp.Mul, MatMul)):
        out = ev(expr.args[0])
        for a in expr.args[1:]:
            out = b.mul(out, ev(a))
        return out
    if isinstance(expr, sp.Pow):
        return b.pow(ev(expr.base), ev(expr.exp))
    if isinstance(expr, Inverse):  # before MatPow: SymPy's Inverse is a MatPow
        return b.inverse(ev(expr.arg))
    if isinstance(expr, MatPow):
        base, exponent = expr.args
        return b.matpow(ev(base), _integer(exponent, env, dims, b))
    if isinstance(expr, Transpose):
        return b.transpose(ev(expr.arg))
    if isinstance(expr, Determinant):
        return b.det(ev(expr.arg))
    if isinstance(expr, Trace):
        return b.trace(ev(expr.arg))
    if isinstance(expr, Identity):
        return b.eye(_dim(expr.rows, dims))
    if isinstance(expr, ZeroMatrix):
        return b.zeros(_dim(expr.rows, dims), _dim(expr.cols, dims))
    if isinstance(expr, OneMatrix):
        return b.ones(_dim(expr.rows, dims), _dim(expr.cols, dims))
    if isinstance(expr, HadamardProduct):
        out = ev(expr.args[0])
        for a in expr.args[1:]:
            out = b.hadamard(out, ev(a))
        return out
    if isinstance(expr, KroneckerProduct):
        out = ev(expr.args[0])
        for a in expr.args[1:]:
            out = b.kron(out, ev(a))
        return out
    if isinstance(expr, DiagVec):
        return b.diag(ev(expr.args[0]))
    if isinstance(expr, MatrixElement):
        return b.entry(ev(expr.parent), _integer(expr.i, env, dims, b), _integer(expr.j, env, dims, b))
    if isinstance(expr, ElementwiseApplyFunction):  # f.(X): a scalar Lambda on every entry
        lam = expr.function
        if not isinstance(lam, sp.Lambda):
            t = sp.Dummy("t")
            lam = sp.Lambda(t, lam(t))
        (var,), body = lam.variables, lam.expr
        return b.elementwise(lambda x: _evaluate(body, {**env, var.name: x}, dims, b), ev(expr.expr))
    if isinstance(expr, (sp.Max, sp.Min)):
        vals = [ev(a) for a in expr.args]
        return b.extremum(vals, isinstance(expr, sp.Max))
    if isinstance(expr, sp.Function) and type(expr) in _SCALAR_FUNCS:
        return b.func(_SCALAR_FUNCS[type(expr)], ev(expr.args[0]))
    if isinstance(expr, sp.expint) and expr.args[0] == 1:  # the exponential integral E1 (GUIDE: E1(x))
        return b.func("E1", ev(expr.args[1]))
    raise Unsupported(f"cannot evaluate node {type(expr).__name__}: {expr}")


def _integer(e, env: dict, dims: dict, b, symbolic_ok: bool = False):
    """An index, bound or matrix exponent as a Python int: from the sizes and indices alone where possible
    (no tensor is read, so torch evaluation stays batched), else from the evaluated value."""
    value = sp.sympify(e).subs(dims) if dims else sp.sympify(e)
    if value.is_Integer:
        return int(value)
    return b.integer(_evaluate(e, env, dims, b), symbolic_ok=symbolic_ok)

    def _derivative_at_point(self, node: D, env: dict, dims: dict, value):
        """Entry by entry at an exact numeric point: ∂f/∂v_k = d/dε f(v + ε e_k) at ε = 0.

        One symbol at a time keeps each evaluation a univariate rational function, where making every
        entry of ``v`` a symbol would make, say, the inverse of a 3 × 3 product a rational function of
        many variables."""
        eps = sp.Symbol("_eps", real=True)
        is_mat = self._is_mat(value)
        shape = value.shape if is_mat else (1, 1)
        columns = []
        for k in range(shape[0] * shape[1]):
            bumped = value.copy() if is_mat else value + eps
            if is_mat:
                bumped[k] = bumped[k] + eps
            f = evaluate(node.f, {**env, node.v.name: bumped}, dims, self)
            entries = list(f) if self._is_mat(f) else [f]
            columns.append([sp.diff(x, eps).subs(eps, 0) for x in entries])
        fvec = len(columns[0]) > 1
        if not fvec:
            out = sp.Matrix(shape[0], shape[1], [c[0] for c in columns]) if is_mat else sp.Matrix([[columns[0][0]]])
        else:  # [i, j] = d f_j / d v_i (denominator layout)
            out = sp.Matrix(len(columns), len(columns[0]), lambda i, j: columns[i][j])
        return out.T if node.layout == "numerator" else out


def _sum_or_product(expr, env: dict, dims: dict, b):
    """Unroll ``Sum``/``Product`` over concrete bounds (innermost limit first in SymPy's order)."""
    is_sum = isinstance(expr, sp.Sum)
    body, limits = expr.function, list(expr.limits)

    def unroll(depth: int, inner_dims: dict):
        if depth < 0:
            return _evaluate(body, env, inner_dims, b)
        var, lo, hi = limits[depth]
        lo_v = _integer(lo, env, inner_dims, b, symbolic_ok=True)
        hi_v = _integer(hi, env, inner_dims, b, symbolic_ok=True)
        if not (isinstance(lo_v, int) and isinstance(hi_v, int)):
            return b.symbolic_sum(is_sum, body, limits[: depth + 1], env, inner_dims, _evaluate)
        if hi_v - lo_v + 1 > MAX_UNROLL:
            raise Unsupported(f"{'sum' if is_sum else 'product'} of {hi_v - lo_v + 1} terms at these sizes is "
                              f"more than {MAX_UNROLL} terms")
        out = None
        for k in range(lo_v, hi_v + 1):
            term = unroll(depth - 1, {**inner_dims, var: k})
            out = term if out is None else (b.add(out, term) if is_sum else b.mul(out, term))
        return out if out is not None else b.const(0 if is_sum else 1)

    return unroll(len(limits) - 1, dims)


from .evaluate_exact import ExactBackend  # noqa: E402 - the backends use the walker above
from .evaluate_torch import TorchBackend  # noqa: E402
