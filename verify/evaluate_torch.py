"""The torch backend of :mod:`verify.evaluate`: float64 tensors, derivatives with ``torch.func.jacrev``.

Matrices are 2-D tensors and scalars 0-D; every operation is written so that ``torch.func.vmap`` can batch
draws (an integer read from a tensor, as for a symbolic sum bound, makes the caller fall back to a loop).
"""

from __future__ import annotations

from formulas.nodes import D

from . import evaluate as _walker
from .evaluate import Unsupported

__all__ = ["TorchBackend"]


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

    def integral(self, node, env: dict, dims: dict, evaluate):
        """``∫_a^b f dt`` for one draw: the draw's values read as exact rationals (``.item()``: under vmap this
        raises and the draws are evaluated one by one), integrated by quadrature at 17 and 25 digits; NaN where
        the integral diverges (a draw outside the domain, re-checked exactly by the caller)."""
        import sympy as sp

        from .evaluate_exact import ExactBackend
        from .integrals import FAST_DIGITS, IntegralUndefined

        names = {s.name for s in node.free_symbols}
        exact = {}
        for name in names:
            if name not in env:
                continue
            value = env[name]
            if value.dim() == 0:
                exact[name] = sp.Rational(float(value.item()))
            else:
                rows = value.reshape(value.shape[0], -1).tolist()
                exact[name] = sp.Matrix([[sp.Rational(float(x)) for x in row] for row in rows])
        try:
            value = ExactBackend().integral(node, exact, dims, evaluate, digits=FAST_DIGITS)
        except (IntegralUndefined, ArithmeticError, ValueError):
            return self.torch.tensor(float("nan"), dtype=self.torch.float64)
        return self.torch.tensor(float(value), dtype=self.torch.float64)

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
        torch = self.torch
        special = {
            "ceiling": torch.ceil, "erfc": torch.special.erfc, "digamma": torch.special.digamma,
            "Heaviside": lambda t: torch.heaviside(t, torch.full_like(t, 0.5)),
            "loggamma": lambda t: torch.where(t > 0, torch.lgamma(t), torch.full_like(t, float("nan"))),
            "gamma": self._gamma, "factorial": lambda t: self._gamma(t + 1),
        }
        if name in ("E1", "Ei"):  # no torch kernel: series and a continued fraction (verify.evaluate_special)
            from .evaluate_special import e1, ei

            return (e1 if name == "E1" else ei)(torch, x)
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
        convex = env.get(f"__convex_{name}")
        if convex is not None:  # a declared convex / concave function (verify.values.convex_params)
            return self._convex(convex, arg)
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

    def _convex(self, params, arg):
        """s (sum_k c_k softplus(beta_k (a_k.z + b_k)) / beta_k + |Mz|^2/2 + mu |z|^2/2 + g.z + d), z = arg's entries."""
        torch = self.torch
        a, b, c, beta, m, mu, g, d, sign = params
        z = arg.reshape(-1)
        u = beta * (a @ z + b)
        ridges = (c * torch.logaddexp(torch.zeros_like(u), u) / beta).sum()
        quadratic = 0.5 * ((m @ z) ** 2).sum() + 0.5 * mu * (z * z).sum()
        return sign * (ridges + quadratic + g @ z + d)

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
        value = _walker._evaluate(var, env, dims, self)

        def f_of(v):
            inner = dict(env)
            inner[var.name] = v
            out = _walker._evaluate(node.f, inner, dims, self)
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
