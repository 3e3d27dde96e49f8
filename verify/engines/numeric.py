"""The torch engine: float64 draws that satisfy the declarations, derivatives by autograd.

Draws are built valid (:func:`verify.values.torch_env`), filtered by the ``where``
constraints, and evaluated batched (:func:`verify.numeric.sides_on_draws`).  A draw
where a side is not finite is *outside the domain or a complex value*: it is
counted, never silently dropped, and re-checked exactly by the caller
(:func:`exact_from_draw` turns it into an exact point that satisfies the same
declarations).  A draw that violates the claim is a *candidate* counterexample:
the caller re-checks it exactly before anything is refuted.  A draw where the two sides of a strict
inequality tie (within rounding) is a candidate too: a tie breaks ``<``, and float64 cannot tell a tie from
a tiny margin, so the caller re-checks it exactly and, failing that, does not count the draws as evidence.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import numpy as np
import sympy as sp

from ..evaluate import Unsupported
from ..numeric import constraint_mask, sides_on_draws
from ..result import Method
from ..values import Inapplicable, torch_env
from .equalities import NoValue, apply_torch, recognised
from .sizes import sizes_text, sym_dims, used_declared

__all__ = ["NumericEvidence", "torch_numeric", "exact_from_draw", "RTOL", "ATOL"]

RTOL = 1e-8  # relative error above which a draw is a candidate counterexample
ATOL = 1e-9
REFUTE_RTOL = 1e-6  # float-only refutations (declared functions) need a violation this large


@dataclass
class NumericEvidence:
    method: Method | None = None
    holds: bool | None = None  # True: every evaluated draw agrees; False: some draw violates; None: none ran
    count: int = 0  # draws evaluated (finite, inside the constraints)
    undefined: list = field(default_factory=list)  # (dims, env) where a side was not finite
    failing: list = field(default_factory=list)  # (dims, env, relative error or gap)
    ties: list = field(default_factory=list)  # (dims, env, 0.0): a strict inequality whose sides tie in float64
    shape_mismatch: str | None = None
    worst: float = 0.0


def _select(envs, mask):
    return [e for e, ok in zip(envs, mask, strict=True) if ok]


def torch_numeric(entry, sizes: list[dict], draws: int, seed: int) -> NumericEvidence:
    import torch

    t0 = time.perf_counter()
    ev = NumericEvidence()
    rel = type(entry.expr)
    g = torch.Generator().manual_seed(seed)
    declared = used_declared(entry)
    built = recognised(entry.constraints)

    def done(outcome, detail):
        ev.method = Method("torch-autograd", outcome, detail, round(time.perf_counter() - t0, 4))
        return ev

    try:
        for dims in sizes:
            sdims = sym_dims(dims)
            try:
                envs = [apply_torch(built, torch_env(declared, dims, g), g) for _ in range(draws)]
            except NoValue:
                continue  # no value satisfies a where-equality at these sizes
            if entry.constraints:
                envs = _select(envs, constraint_mask(entry.constraints, envs, sdims).tolist())
                if not envs:
                    continue
            lhs, rhs = sides_on_draws(entry.expr, envs, sdims)
            if lhs.shape != rhs.shape:
                ev.shape_mismatch = f"at sizes {dims}: {tuple(lhs.shape[1:])} vs {tuple(rhs.shape[1:])}"
                ev.holds = False
                return done("fails", "the two sides have different shapes " + ev.shape_mismatch)
            lhs, rhs = lhs.reshape(len(envs), -1), rhs.reshape(len(envs), -1)
            finite = (torch.isfinite(lhs).all(1) & torch.isfinite(rhs).all(1)).tolist()
            for env, ok in zip(envs, finite, strict=True):
                if not ok and len(ev.undefined) < 4:
                    ev.undefined.append((dims, env))
            keep = torch.tensor(finite, dtype=torch.bool)
            if not bool(keep.any()):
                continue
            lhs, rhs = lhs[keep], rhs[keep]
            kept = _select(envs, finite)
            ev.count += len(kept)
            scale = 1.0 + torch.maximum(lhs.abs().amax(1), rhs.abs().amax(1))
            if rel is sp.Eq:
                err = (lhs - rhs).abs().amax(1) / scale
                ev.worst = max(ev.worst, float(err.max()))
                bad = (err > RTOL).tolist()
                amounts = err.tolist()
            else:
                gap = (rhs - lhs)[:, 0] if rel in (sp.Le, sp.Lt) else (lhs - rhs)[:, 0]
                bad = (gap < -ATOL * scale).tolist()
                amounts = (-gap / scale).tolist()
                if rel in (sp.Lt, sp.Gt):  # a tie breaks a strict inequality: re-checked exactly by the caller
                    for env, tie in zip(kept, (gap.abs() <= ATOL * scale).tolist(), strict=True):
                        if tie and len(ev.ties) < 4:
                            ev.ties.append((dims, env, 0.0))
            for env, b, amount in zip(kept, bad, amounts, strict=True):
                if b and len(ev.failing) < 4:
                    ev.failing.append((dims, env, amount))
    except (Inapplicable, Unsupported) as err:
        return done("skipped", str(err))
    except ValueError as err:
        ev.shape_mismatch = str(err)
        ev.holds = False
        return done("fails", f"ill-shaped: {err}")
    outside = f"; {len(ev.undefined)}+ draws outside the domain (re-checked exactly)" if ev.undefined else ""
    if ev.failing:
        ev.holds = False
        dims, _, amount = ev.failing[0]
        return done("fails", f"at sizes {dims or 'scalar'}: violated by {amount:.3g} (relative) in float64; "
                    "re-checked exactly" + outside)
    if ev.count == 0:
        return done("skipped", "no draw inside the claim's domain" + outside)
    ev.holds = True
    ties = f"; {len(ev.ties)}+ draws where the sides tie (re-checked exactly)" if ev.ties else ""
    return done("holds", f"{ev.count} float64 draws (batched) at sizes {sizes_text(sizes)}; max relative "
                f"error {ev.worst:.2g}{outside}{ties}")


# -- exact points from draws -------------------------------------------------------------------
def _rational(x: float):
    return sp.Rational(float(x))


def _matrix(t):
    rows = t.tolist()
    if not isinstance(rows[0], list):
        rows = [[v] for v in rows]
    return sp.Matrix([[_rational(v) for v in row] for row in rows])


def _exact_orthogonal_near(m, det: float):
    """An exactly orthogonal rational matrix near ``m``, with the same determinant sign.

    The Cayley transform reaches only rotations; a reflection ``R = diag(-1, 1, ...)`` carries a draw with
    determinant -1 there and back, so both components of O(n) are covered."""
    eye = sp.eye(m.rows)
    reflect = sp.diag(-1, *([1] * (m.rows - 1)))
    if det < 0:
        m = m * reflect
    if (eye + m).det() == 0:
        raise Unsupported("no Cayley form for this orthogonal draw")
    s = (eye - m) * (eye + m).inv()
    skew = (s - s.T) / 2
    q = (eye - skew) * (eye + skew).inv()
    return q * reflect if det < 0 else q


def _exact_convex(params) -> tuple:
    """``(A, b, c, beta, M, mu, g, d, s)`` of :func:`verify.values.convex_params` as exact rationals."""
    a, b, c, beta, m, mu, g, d, sign = params
    vector = lambda t: [_rational(x) for x in t.reshape(-1).tolist()]  # noqa: E731
    out = (_matrix(a), vector(b), vector(c), vector(beta), _matrix(m), _rational(float(mu)), vector(g),
           _rational(float(d)), sp.Integer(int(float(sign))))
    if any(x < 0 for x in out[2]) or any(x <= 0 for x in out[3]) or out[5] < 0 or out[8] not in (1, -1):
        raise Unsupported("the rounded parameters leave the convex family")  # never for rounding that keeps signs
    return out


def exact_from_draw(declared: dict, env: dict) -> dict:
    """An exact point near a float draw that satisfies every declaration exactly.

    Floats are read as the rationals they are; symmetric matrices are symmetrised, orthogonal ones
    rebuilt by a Cayley transform of their (rational) skew part, probability vectors renormalised.
    A function declared convex or concave keeps its drawn parameters, read as rationals (still of the
    convex family: the signs that make it convex are kept by any rounding that maps 0 to 0); raises
    :class:`~verify.evaluate.Unsupported` for other symbols without exact values (declared functions)."""
    from formulas.spec import shape_class

    from ..values import convex_key

    out = {}
    for name, sym in declared.items():
        if sym.kind == "function" and shape_class(sym) and convex_key(name) in env:
            out[convex_key(name)] = _exact_convex(env[convex_key(name)])
            continue
        if sym.kind == "function":
            raise Unsupported("a declared function has no exact value")
        if name not in env:  # declared but not drawn (unused by the claim)
            continue
        if sym.kind not in ("scalar", "vector", "matrix"):
            raise Unsupported(f"{sym.kind} symbols have no exact value")
        value = env[name]
        if sym.kind == "scalar":
            out[name] = _rational(float(value))
            continue
        m = _matrix(value)
        if sym.kind == "vector":
            if "probability" in sym.flags:
                m = m / sum(m)
            out[name] = m
            continue
        if "orthogonal" in sym.flags:
            m = _exact_orthogonal_near(m, float(np.linalg.det(np.array(m.tolist(), dtype=float))))
        elif "symmetric" in sym.flags:
            m = (m + m.T) / 2
        elif "diagonal" in sym.flags:
            m = sp.diag(*[m[i, i] for i in range(m.rows)])
        out[name] = m
    return out
