"""The exact backend of :mod:`verify.evaluate`: explicit SymPy matrices whose entries are symbols or rationals.

Derivatives are taken entry by entry with ``sympy.diff`` in the layout the ``D`` node names; inverses are
``adj(A) / det(A)``; values of declared functions become plain symbols at the end (:meth:`ExactBackend.finish`).
"""

from __future__ import annotations

import sympy as sp

from formulas.nodes import D

from . import evaluate as _walker
from .evaluate import Unsupported

__all__ = ["ExactBackend"]


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

    def integral(self, node, env: dict, dims: dict, evaluate, digits=None):
        """``∫_a^b f dt`` at a point where every parameter is a number: :func:`verify.integrals.value_at_point`
        (SymPy's exact value checked by quadrature, else a quadrature checked by a second rule); raises :class:`~verify.integrals.IntegralUndefined` (an
        ArithmeticError: the claim is undefined here) where it diverges, :class:`Unsupported` where a parameter
        is a symbol (generic values: no number to integrate)."""
        from .integrals import DIGITS, value_at_point

        (var, lo, hi) = node.limits[0]
        u = sp.Dummy("u", real=True)
        body = self._scalar(evaluate(node.function, {**env, var.name: u}, dims, self))
        bounds = [b if b in (sp.oo, -sp.oo) else self._scalar(evaluate(b, env, dims, self)) for b in (lo, hi)]
        if any(not sp.sympify(b).is_number for b in bounds):
            raise Unsupported("an integral with symbolic bounds has no numeric value")
        if digits is not None:  # float64 draws: two quadrature rules (no SymPy per draw); failures are re-checked
            return value_at_point(body, u, *bounds, digits=digits, exact=False)
        return value_at_point(body, u, *bounds, digits=DIGITS)

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
        fn = {"abs": sp.Abs, "E1": lambda t: sp.expint(1, t)}.get(name) or getattr(sp, name)
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
        convex = env.get(f"__convex_{name}")
        if convex is not None and m is None:  # a drawn convex / concave function with exact parameters
            return self._convex(convex, flat)
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

    @staticmethod
    def _convex(params, z):
        """The function of :func:`verify.values.convex_params` at exact parameters (rationals, lists, matrices)."""
        a, b, c, beta, m, mu, g, d, sign = params
        ridges = 0
        for k in range(len(b)):
            u = beta[k] * (sum(a[k, i] * z[i] for i in range(len(z))) + b[k])
            ridges += c[k] * sp.log(1 + sp.exp(u)) / beta[k]
        mz = [sum(m[i, j] * z[j] for j in range(len(z))) for i in range(m.rows)]
        quadratic = sum(x**2 for x in mz) / 2 + mu * sum(x**2 for x in z) / 2
        return sign * (ridges + quadratic + sum(g[i] * z[i] for i in range(len(z))) + d)

    def derivative(self, node: D, env: dict, dims: dict):
        var = node.v
        value = _walker._evaluate(var, env, dims, self)
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
        f = _walker._evaluate(node.f, inner_env, dims, self)
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

    def _derivative_at_point(self, node: D, env: dict, dims: dict, value):
        """Entry by entry at an exact numeric point: ∂f/∂v_k = d/dε f(v + ε e_k) at ε = 0.

        One symbol at a time keeps each evaluation a univariate rational function, where making every
        entry of ``v`` a symbol would make, say, the inverse of a 3 × 3 product a rational function of
        many variables."""
        eps = sp.Symbol("_eps", real=True)
        is_mat = self._is_mat(value)
        if not is_mat:  # by a scalar: one bump; a matrix f (not a vector) keeps its shape in either layout
            f = _walker._evaluate(node.f, {**env, node.v.name: value + eps}, dims, self)
            if self._is_mat(f) and f.shape[1] != 1:
                return f.diff(eps).subs(eps, 0)
        shape = value.shape if is_mat else (1, 1)
        columns = []
        for k in range(shape[0] * shape[1]):
            bumped = value.copy() if is_mat else value + eps
            if is_mat:
                bumped[k] = bumped[k] + eps
            f = _walker._evaluate(node.f, {**env, node.v.name: bumped}, dims, self)
            entries = list(f) if self._is_mat(f) else [f]
            columns.append([sp.diff(x, eps).subs(eps, 0) for x in entries])
        fvec = len(columns[0]) > 1
        if not fvec:
            out = sp.Matrix(shape[0], shape[1], [c[0] for c in columns]) if is_mat else sp.Matrix([[columns[0][0]]])
        else:  # [i, j] = d f_j / d v_i (denominator layout)
            out = sp.Matrix(len(columns), len(columns[0]), lambda i, j: columns[i][j])
        return out.T if node.layout == "numerator" else out
