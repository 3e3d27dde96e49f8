"""Evaluate a SymPy statement on concrete values, exactly (SymPy) or in torch.

One walker over a **whitelisted** set of node types, two backends:

* :class:`ExactBackend` -- explicit SymPy matrices whose entries are symbols or
  rationals; derivatives are taken entry by entry with ``sympy.diff``.
* :class:`TorchBackend` -- float64 tensors; derivatives with ``torch.func.jacrev``.

Both arrange derivatives in the layout the ``D`` node names (denominator by
default).  A node outside the whitelist raises :class:`Unsupported`, so nothing
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

from formulas.nodes import D, DiagVec, ScalarField, ScalarOf, VectorField

__all__ = ["Unsupported", "evaluate", "ExactBackend", "TorchBackend"]


class Unsupported(TypeError):
    """A node the evaluators do not know; the claim needs another engine."""


_SCALAR_FUNCS = {sp.exp: "exp", sp.log: "log", sp.Abs: "abs", sp.sin: "sin", sp.cos: "cos",
                 sp.tanh: "tanh", sp.sign: "sign", sp.atan: "atan", sp.sinh: "sinh", sp.cosh: "cosh"}


def _dim(expr, dims: dict) -> int:
    value = sp.sympify(expr).subs(dims)
    if not value.is_Integer:
        raise Unsupported(f"size {expr} has no concrete value")
    return int(value)


def evaluate(expr, env: dict, dims: dict, backend):
    """Value of ``expr`` with symbol values ``env`` (by name) and sizes ``dims``."""
    ev = lambda e: evaluate(e, env, dims, backend)  # noqa: E731
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
        return b.matpow(ev(base), int(exponent))
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
        return b.entry(ev(expr.parent), _dim(expr.i, dims), _dim(expr.j, dims))
    if isinstance(expr, ElementwiseApplyFunction):  # f.(X): a scalar Lambda on every entry
        lam = expr.function
        if not isinstance(lam, sp.Lambda):
            t = sp.Dummy("t")
            lam = sp.Lambda(t, lam(t))
        (var,), body = lam.variables, lam.expr
        return b.elementwise(lambda x: evaluate(body, {**env, var.name: x}, dims, b), ev(expr.expr))
    if isinstance(expr, (sp.Max, sp.Min)):
        vals = [ev(a) for a in expr.args]
        return b.extremum(vals, isinstance(expr, sp.Max))
    if isinstance(expr, sp.Function) and type(expr) in _SCALAR_FUNCS:
        return b.func(_SCALAR_FUNCS[type(expr)], ev(expr.args[0]))
    raise Unsupported(f"cannot evaluate node {type(expr).__name__}: {expr}")


# ---------------------------------------------------------------------------------------------
class ExactBackend:
    """Explicit SymPy matrices; scalars are SymPy expressions."""

    name = "exact"

    @staticmethod
    def _is_mat(x) -> bool:
        return isinstance(x, sp.MatrixBase)

    @staticmethod
    def _scalar(x):
        if isinstance(x, sp.MatrixBase) and x.shape == (1, 1):
            return x[0, 0]
        return x

    def scalar(self, x):
        return self._scalar(x)

    def const(self, c):
        return sp.sympify(c)

    def add(self, a, b):
        if self._is_mat(a) and self._is_mat(b):
            if a.shape != b.shape:
                raise ValueError(f"shape mismatch in sum: {a.shape} vs {b.shape}")
            return a + b
        a, b = self._scalar(a), self._scalar(b)
        if self._is_mat(a) != self._is_mat(b):
            raise ValueError("shape mismatch in sum: a matrix plus a scalar")
        return a + b

    def mul(self, a, b):
        if self._is_mat(a) and self._is_mat(b):
            if a.shape[1] != b.shape[0]:
                if a.shape == (1, 1):
                    return a[0, 0] * b
                if b.shape == (1, 1):
                    return a * b[0, 0]
            return a * b
        return self._scalar(a) * self._scalar(b) if not (self._is_mat(a) or self._is_mat(b)) else a * b

    def pow(self, a, e):
        return self._scalar(a) ** self._scalar(e)

    def matpow(self, a, k):
        return a**k

    def transpose(self, a):
        return a.T if self._is_mat(a) else a

    def inverse(self, a):
        return a.inv() if self._is_mat(a) else 1 / a

    def det(self, a):
        return a.det(method="berkowitz") if self._is_mat(a) else a

    def trace(self, a):
        return a.trace() if self._is_mat(a) else a

    def eye(self, n):
        return sp.eye(n)

    def zeros(self, r, c):
        return sp.zeros(r, c)

    def ones(self, r, c):
        return sp.ones(r, c)

    def hadamard(self, a, b):
        return a.multiply_elementwise(b)

    def kron(self, a, b):
        from sympy.physics.quantum import TensorProduct

        return sp.Matrix(TensorProduct(a, b))

    def diag(self, v):
        return sp.diag(*list(v))

    def entry(self, m, i, j):
        return m[i, j]

    def extremum(self, vals, is_max):
        vals = [self._scalar(v) for v in vals]
        return sp.Max(*vals) if is_max else sp.Min(*vals)

    def elementwise(self, fn, x):
        return x.applyfunc(fn) if self._is_mat(x) else fn(x)

    def func(self, name, x):
        fn = {"abs": sp.Abs}.get(name) or getattr(sp, name)
        if self._is_mat(x):
            return x.applyfunc(fn)
        return fn(x)

    def field(self, name, arg, m, env):
        flat = list(arg) if self._is_mat(arg) else [arg]
        if m is None:
            return sp.Function(name)(*flat)
        return sp.Matrix([sp.Function(f"{name}_{j + 1}")(*flat) for j in range(m)])

    def derivative(self, node: D, env: dict, dims: dict):
        var = node.v
        value = evaluate(var, env, dims, self)
        numeric_point = not (value.free_symbols if hasattr(value, "free_symbols") else set())
        if numeric_point:
            return self._derivative_at_point(node, env, dims, value)
        if self._is_mat(value):
            fresh = sp.Matrix(value.shape[0], value.shape[1],
                              lambda i, j: sp.Symbol(f"_d_{var.name}_{i}_{j}", real=True))
        else:
            fresh = sp.Symbol(f"_d_{var.name}", real=True)
        inner_env = dict(env)
        inner_env[var.name] = fresh
        f = evaluate(node.f, inner_env, dims, self)
        fvals = list(f) if self._is_mat(f) else [f]
        fvec = self._is_mat(f) and f.shape != (1, 1)
        vvals = list(fresh) if self._is_mat(fresh) else [fresh]
        if not fvec:
            g = [sp.diff(fvals[0], v) for v in vvals]
            out = sp.Matrix(fresh.shape[0], fresh.shape[1], g) if self._is_mat(fresh) else sp.Matrix([[g[0]]])
        else:
            out = sp.Matrix(len(vvals), len(fvals), lambda i, j: sp.diff(fvals[j], vvals[i]))
        if node.layout == "numerator":
            out = out.T
        point = dict(zip(vvals, list(value) if self._is_mat(value) else [value], strict=True))
        if any(k != v for k, v in point.items()):
            out = out.xreplace(point) if all(not isinstance(x, sp.Derivative) for x in out.atoms(sp.Derivative)) \
                else out.subs(point)
        return out

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


# ---------------------------------------------------------------------------------------------
class TorchBackend:
    """float64 torch tensors: matrices are 2-D, scalars are 0-D."""

    name = "torch"

    def __init__(self):
        import torch

        self.torch = torch

    def _scalar(self, x):
        if x.dim() == 2 and x.shape == (1, 1):
            return x[0, 0]
        return x

    def scalar(self, x):
        return self._scalar(x)

    def const(self, c):
        return self.torch.tensor(float(c), dtype=self.torch.float64)

    def add(self, a, b):
        if a.dim() == 2 and b.dim() == 2 and a.shape != b.shape:
            raise ValueError(f"shape mismatch in sum: {tuple(a.shape)} vs {tuple(b.shape)}")
        if a.dim() != b.dim():  # a 1x1 matrix plus a scalar is a scalar; any other matrix plus a scalar is ill-typed
            a, b = self._scalar(a), self._scalar(b)
            if a.dim() != b.dim():
                raise ValueError("shape mismatch in sum: a matrix plus a scalar")
        return a + b

    def mul(self, a, b):
        if a.dim() == 2 and b.dim() == 2:
            if a.shape[1] != b.shape[0]:
                if a.shape == (1, 1):
                    return a[0, 0] * b
                if b.shape == (1, 1):
                    return a * b[0, 0]
                raise ValueError(f"shape mismatch in product: {tuple(a.shape)} times {tuple(b.shape)}")
            return a @ b
        return a * b

    def pow(self, a, e):
        return self.torch.pow(self._scalar(a), self._scalar(e))

    def matpow(self, a, k):
        return self.torch.linalg.matrix_power(a, k)

    def transpose(self, a):
        return a.mT if a.dim() == 2 else a

    def inverse(self, a):
        if a.dim() != 2:
            return 1 / a
        inv, info = self.torch.linalg.inv_ex(a)  # a singular draw gives NaN (skipped), not an exception
        # numerically singular (XᵀX for a wide X: exactly singular, yet LU succeeds on rounded entries)
        sv = self.torch.linalg.svdvals(a)
        singular = (info != 0) | (sv[..., -1] <= 1e-10 * sv[..., 0])
        return self.torch.where(singular, self.torch.full_like(inv, float("nan")), inv)

    def det(self, a):
        return self.torch.linalg.det(a) if a.dim() == 2 else a

    def trace(self, a):
        return self.torch.diagonal(a).sum() if a.dim() == 2 else a

    def eye(self, n):
        return self.torch.eye(n, dtype=self.torch.float64)

    def zeros(self, r, c):
        return self.torch.zeros(r, c, dtype=self.torch.float64)

    def ones(self, r, c):
        return self.torch.ones(r, c, dtype=self.torch.float64)

    def hadamard(self, a, b):
        return a * b

    def kron(self, a, b):
        return self.torch.kron(a, b)

    def diag(self, v):
        return self.torch.diag_embed(v.reshape(-1))

    def entry(self, m, i, j):
        return m[i, j]

    def extremum(self, vals, is_max):
        vals = [self._scalar(v) for v in vals]
        out = vals[0]
        for v in vals[1:]:
            out = self.torch.maximum(out, v) if is_max else self.torch.minimum(out, v)
        return out

    def elementwise(self, fn, x):
        if x.dim() != 2:
            return fn(x)
        flat = x.reshape(-1)  # entry by entry: fn's body uses scalar operations only
        return self.torch.stack([fn(flat[k]) for k in range(flat.shape[0])]).reshape(x.shape)

    def func(self, name, x):
        return getattr(self.torch, name)(x)

    def field(self, name, arg, m, env):
        w1, b1, w2 = env[f"__field_{name}"]
        h = self.torch.tanh(w1 @ arg.reshape(-1) + b1)  # (H,)
        out = w2 @ h  # (m or 1,)
        return out[0] if m is None else out.reshape(m, 1)

    def derivative(self, node: D, env: dict, dims: dict):
        torch = self.torch
        var = node.v
        value = evaluate(var, env, dims, self)

        def f_of(v):
            inner = dict(env)
            inner[var.name] = v
            out = evaluate(node.f, inner, dims, self)
            return self._scalar(out) if out.dim() == 2 and out.shape == (1, 1) else out

        jac = torch.func.jacrev(f_of)(value)  # shape f.shape + v.shape
        fdim = jac.dim() - value.dim()
        if fdim == 0:  # scalar f: gradient has v's shape
            out = jac if value.dim() == 2 else jac.reshape(1, 1)
        else:  # vector f (m,1) by vector v (n,1): [i, j] = d f_j / d v_i
            m = jac.shape[0]
            out = jac.reshape(m, -1).mT
        return out.mT if node.layout == "numerator" else out
