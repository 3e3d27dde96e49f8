"""Evaluate a SymPy statement on concrete values, exactly (SymPy) or in torch.

One walker over a **whitelisted** set of node types, two backends:

* :class:`ExactBackend` -- explicit SymPy matrices whose entries are symbols or
  rationals; derivatives are taken entry by entry with ``sympy.diff``.
* :class:`TorchBackend` -- float64 tensors; derivatives with ``torch.func.jacrev``.

Both arrange derivatives in the layout the ``D`` node names (denominator by
default).  Sums and products (``sympy.Sum`` / ``sympy.Product``) are unrolled at
the concrete sizes (at most :data:`MAX_UNROLL` terms each; the exact backend
keeps a symbolic bound symbolic and lets ``Sum.doit`` evaluate it); ``Piecewise``
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
                 sp.gamma: "gamma", sp.loggamma: "loggamma", sp.factorial: "factorial", sp.digamma: "digamma"}


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
    raise Unsupported(f"cannot evaluate node {type(expr).__name__}: {expr}")


def _integer(e, env: dict, dims: dict, b, symbolic_ok: bool = False):
    """An index, bound or matrix exponent as a Python int: from the sizes and indices alone where possible
    (no tensor is read, so torch evaluation stays batched), else from the evaluated value."""
    value = sp.sympify(e).subs(dims) if dims else sp.sympify(e)
    if value.is_Integer:
        return int(value)
    return b.integer(_evaluate(e, env, dims, b), symbolic_ok=symbolic_ok)


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

    def finish(self, value):
        """Values of declared functions (and their derivatives) as symbols, one per distinct value."""
        from sympy.core.function import AppliedUndef

        if not isinstance(value, sp.Basic):
            return value
        atoms = value.atoms(sp.Derivative, sp.Subs) | {a for a in value.atoms(AppliedUndef)}
        if not atoms:
            return value
        names = {a: sp.Symbol(f"fv_{sp.sstr(a)}", real=True) for a in sorted(atoms, key=sp.default_sort_key)}
        outer = {a: s for a, s in names.items() if isinstance(a, (sp.Derivative, sp.Subs))}
        value = value.xreplace(outer)  # derivatives first: they contain the function values
        return value.xreplace({a: s for a, s in names.items() if a not in outer})

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
        """adj(A) / det(A): polynomial cofactors over one determinant (no row reduction), which keeps symbolic
        and function-valued entries small; a zero determinant is NonInvertibleMatrixError, as with A.inv()."""
        if not self._is_mat(a):
            return 1 / a
        d = a.det(method="berkowitz")
        if d == 0:
            raise sp.matrices.exceptions.NonInvertibleMatrixError("matrix det == 0; not invertible")
        return a.adjugate(method="berkowitz") / d

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

    def binomial(self, n, k):
        return sp.binomial(self._scalar(n), self._scalar(k))

    def polygamma(self, order, x):
        return sp.polygamma(order, self._scalar(x))

    def integer(self, x, symbolic_ok=False):
        x = sp.sympify(self._scalar(x))
        if x.is_Integer:
            return int(x)
        if x.is_number and x.is_integer is not False and abs(x - sp.Integer(round(float(x)))) < 1e-30:
            return int(round(float(x)))
        if symbolic_ok and x.is_integer:
            return x
        raise Unsupported(f"{x} has no concrete integer value here")

    def symbolic_sum(self, is_sum, body, limits, env, dims, evaluate):
        """A symbolic bound: evaluate the body with the indices free and let SymPy's doit sum it."""
        inner = dict(env)
        for var, _, _ in limits:
            inner[var.name] = var
        try:
            value = evaluate(body, inner, dims, self)
        except (IndexError, TypeError) as err:
            raise Unsupported(f"cannot sum symbolically here: {err}") from None
        bounds = [(var, evaluate(lo, env, dims, self), evaluate(hi, env, dims, self)) for var, lo, hi in limits]
        return (sp.Sum if is_sum else sp.Product)(self._scalar(value), *bounds).doit()

    def piecewise(self, pieces):
        return sp.Piecewise(*[(self._scalar(v), c) for v, c in pieces])

    def compare(self, op, a, b):
        return {"eq": sp.Eq, "ne": sp.Ne, "lt": sp.Lt, "le": sp.Le, "gt": sp.Gt, "ge": sp.Ge}[op](a, b)

    def logic(self, op, parts):
        return {"and": sp.And, "or": sp.Or, "not": sp.Not}[op](*parts)

    def boolean(self, value):
        return sp.true if value else sp.false

    def blocks(self, rows):
        return sp.Matrix.vstack(*[sp.Matrix.hstack(*[self._as_matrix(x) for x in row]) for row in rows])

    def _as_matrix(self, x):
        return x if self._is_mat(x) else sp.Matrix([[x]])

    def explicit(self, rows):
        return sp.Matrix([[self._scalar(x) for x in row] for row in rows])

    def field(self, name, arg, m, env):
        flat = list(arg) if self._is_mat(arg) else [arg]
        if m is None:
            return sp.Function(name)(*flat)
        flags = env.get(f"__fieldflags_{name}", frozenset())
        if isinstance(m, tuple):  # a matrix-valued function: symmetric / diagonal structure is kept
            r, c = m

            def entry(i, j):
                if "diagonal" in flags and i != j:
                    return sp.Integer(0)
                if "symmetric" in flags and i > j:
                    i, j = j, i
                return sp.Function(f"{name}_{i}{j}")(*flat)

            return sp.Matrix(r, c, entry)
        return sp.Matrix([sp.Function(f"{name}_{j + 1}")(*flat) for j in range(m)])

    def derivative(self, node: D, env: dict, dims: dict):
        var = node.v
        value = _evaluate(var, env, dims, self)
        if self._is_mat(value):
            fresh = sp.Matrix(value.shape[0], value.shape[1],
                              lambda i, j: sp.Symbol(f"_d_{var.name}_{i}_{j}", real=True))
        else:
            fresh = sp.Symbol(f"_d_{var.name}", real=True)
        inner_env = dict(env)
        inner_env[var.name] = fresh
        f = _evaluate(node.f, inner_env, dims, self)
        fvals = list(f) if self._is_mat(f) else [f]
        fvec = self._is_mat(f) and f.shape != (1, 1)
        vvals = list(fresh) if self._is_mat(fresh) else [fresh]
        if fvec and f.shape[1] != 1 and not self._is_mat(fresh):  # a matrix by a scalar: f's shape, any layout
            out = f.diff(fresh)
            point = {fresh: value}
            return out.xreplace(point) if fresh != value and not out.atoms(sp.Derivative) else (
                out.subs(point) if fresh != value else out)
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

    def finish(self, value):
        return value

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
        return self.torch.where(info == 0, inv, self.torch.full_like(inv, float("nan")))

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
        torch = self.torch
        special = {
            "ceiling": torch.ceil, "erfc": torch.special.erfc, "digamma": torch.special.digamma,
            "Heaviside": lambda t: torch.heaviside(t, torch.full_like(t, 0.5)),
            "loggamma": lambda t: torch.where(t > 0, torch.lgamma(t), torch.full_like(t, float("nan"))),
            "gamma": self._gamma, "factorial": lambda t: self._gamma(t + 1),
        }
        return special[name](x) if name in special else getattr(torch, name)(x)

    def _gamma(self, t):
        """Γ(t) = ±exp(log|Γ(t)|); the sign alternates on the negative axis; poles are NaN."""
        torch = self.torch
        sign = torch.where(t > 0, torch.ones_like(t), (-1.0) ** torch.ceil(-t))
        pole = (t <= 0) & (t == torch.round(t))
        return torch.where(pole, torch.full_like(t, float("nan")), sign * torch.exp(torch.lgamma(t)))

    def binomial(self, n, k):
        n, k = self._scalar(n), self._scalar(k)
        return self._gamma(n + 1) / (self._gamma(k + 1) * self._gamma(n - k + 1))

    def polygamma(self, order, x):
        return self.torch.special.polygamma(order, self._scalar(x))

    def integer(self, x, symbolic_ok=False):
        if isinstance(x, int):
            return x
        value = float(self._scalar(x).item())  # under vmap this raises and the draws are evaluated one by one
        if value != value or abs(value - round(value)) > 1e-9:
            raise Unsupported(f"{value} is not an integer")
        return int(round(value))

    def symbolic_sum(self, is_sum, body, limits, env, dims, evaluate):
        raise Unsupported("a sum bound has no concrete value")

    def piecewise(self, pieces):
        torch = self.torch
        out = None
        for v, c in reversed(pieces):
            v = self._scalar(v)
            c = c if isinstance(c, torch.Tensor) else torch.tensor(bool(c))
            base = torch.full_like(v, float("nan")) if out is None else out
            out = torch.where(c, v, base)
        return out

    def compare(self, op, a, b):
        return {"eq": a == b, "ne": a != b, "lt": a < b, "le": a <= b, "gt": a > b, "ge": a >= b}[op]

    def logic(self, op, parts):
        torch = self.torch
        if op == "not":
            return torch.logical_not(parts[0])
        out = parts[0]
        for p in parts[1:]:
            out = torch.logical_and(out, p) if op == "and" else torch.logical_or(out, p)
        return out

    def boolean(self, value):
        return self.torch.tensor(value)

    def blocks(self, rows):
        torch = self.torch
        return torch.cat([torch.cat([x if x.dim() == 2 else x.reshape(1, 1) for x in row], dim=1) for row in rows],
                         dim=0)

    def explicit(self, rows):
        torch = self.torch
        return torch.stack([torch.stack([self._scalar(x) * torch.ones((), dtype=torch.float64) for x in row])
                            for row in rows])

    def field(self, name, arg, m, env):
        torch = self.torch
        w1, b1, w2 = env[f"__field_{name}"]
        h = torch.tanh(w1 @ arg.reshape(-1) + b1)  # (H,)
        out = w2 @ h  # (outputs,)
        if m is None:
            return out[0]
        if not isinstance(m, tuple):
            return out.reshape(m, 1)
        r, c = m
        mat = out.reshape(r, c)
        flags = env.get(f"__fieldflags_{name}")
        return self._structured(mat, flags) if flags is not None else mat

    def _structured(self, mat, flags):
        """A matrix-valued function with its declared structure at every argument (flags: a 0/1 tensor)."""
        torch = self.torch
        if mat.shape[0] != mat.shape[1]:
            return mat  # the structure flags are those of square matrices
        spd, symmetric, invertible, diagonal = (flags[k] > 0 for k in range(4))
        n = mat.shape[0]
        eye = torch.eye(n, dtype=torch.float64)
        sym = (mat + mat.mT) / 2
        out = torch.where(symmetric, sym, mat)
        out = torch.where(diagonal, torch.diag_embed(torch.diagonal(mat).exp()), out)
        out = torch.where(spd, mat @ mat.mT / n + eye, out)
        shifted = out + 3.0 * eye
        return torch.where(invertible & ~spd & ~diagonal, shifted, out)

    def derivative(self, node: D, env: dict, dims: dict):
        torch = self.torch
        var = node.v
        value = _evaluate(var, env, dims, self)

        def f_of(v):
            inner = dict(env)
            inner[var.name] = v
            out = _evaluate(node.f, inner, dims, self)
            return self._scalar(out) if out.dim() == 2 and out.shape == (1, 1) else out

        jac = torch.func.jacrev(f_of)(value)  # shape f.shape + v.shape
        fdim = jac.dim() - value.dim()
        if value.dim() == 0 and fdim == 2 and jac.shape[1] != 1:  # a matrix by a scalar: f's shape, any layout
            return jac
        if fdim == 0:  # scalar f: gradient has v's shape
            out = jac if value.dim() == 2 else jac.reshape(1, 1)
        else:  # vector f (m,1) by vector v (n,1): [i, j] = d f_j / d v_i
            m = jac.shape[0]
            out = jac.reshape(m, -1).mT
        return out.mT if node.layout == "numerator" else out
