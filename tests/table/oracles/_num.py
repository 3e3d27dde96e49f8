"""The oracles' numeric toolkit: draws that satisfy declarations, one comparison, finite differences.

Everything here is plain numpy, written from the meaning of the declarations and of
``D(f, v)``; nothing is imported from sheetproof.

* ``agree(lhs, rhs)`` is the one tolerance rule: ``True`` when equal to within ``1e-6`` of the
  scale, ``False`` when apart by more than ``1e-3`` of it, otherwise :class:`Ambiguous` is raised
  (an oracle never guesses).  ``le`` / ``lt`` do the same for inequalities.
* ``grad`` is the derivative in **denominator layout**, every entry perturbed on its own (a
  symmetric or SPD declaration restricts the point, not the direction): a scalar ``f`` by ``X`` has
  the shape of ``X``; a vector ``f`` (m) by a vector ``x`` (n) is ``n x m`` with
  ``[i, j] = d f_j / d x_i``.  ``dt`` differentiates anything by a scalar.
* Functions follow SymPy's principal branches where a row depends on them: ``clog(-1) = i*pi``,
  ``csqrt(-1) = i``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import numpy as np

__all__ = ["Ambiguous", "agree", "all_agree", "le", "lt", "all_le", "cases", "cases_le", "grad", "dt", "jac", "hessian",
           "well_conditioned", "rgen", "rvec", "rspd", "rpsd", "rsym", "rorth", "rinv", "rdiag", "rpos", "rprob", "rnonzero", "inv",
           "det", "tr", "eye", "clog", "csqrt", "sigmoid", "softmax", "logsumexp", "relu",
           "SIZES1", "SIZES2", "SIZES3", "SIZES4"]

TIGHT, LOOSE = 1e-6, 1e-3
H = 1e-5  # central-difference step: truncation ~H**2, rounding ~1e-16/H

# letter sizes the oracles try: small, non-square, swapped, and all ones
SIZES1 = (1, 2, 3, 5)
SIZES2 = ((2, 3), (3, 2), (4, 1), (1, 3), (3, 3))
SIZES3 = ((2, 3, 4), (4, 2, 3), (3, 1, 2), (1, 1, 1), (2, 2, 2))
SIZES4 = ((2, 3, 4, 5), (5, 4, 3, 2), (3, 1, 2, 1), (1, 1, 1, 1))


class Ambiguous(AssertionError):
    """Neither clearly equal nor clearly different: the oracle is not good enough here."""


def _arr(x) -> np.ndarray:
    return np.asarray(x, dtype=complex)


def agree(lhs, rhs) -> bool:
    """Whether two values (scalars or arrays of one shape) are equal, by the one tolerance rule."""
    a, b = _arr(lhs), _arr(rhs)
    if a.shape != b.shape:
        if a.size == b.size == 1:
            a, b = a.reshape(()), b.reshape(())
        else:
            raise ValueError(f"oracle compares shapes {a.shape} and {b.shape}")
    if not (np.all(np.isfinite(a)) and np.all(np.isfinite(b))):
        raise ValueError("oracle drew a point outside the domain (a non-finite value)")
    err = float(np.max(np.abs(a - b), initial=0.0))
    scale = 1.0 + max(float(np.max(np.abs(a), initial=0.0)), float(np.max(np.abs(b), initial=0.0)))
    if err <= TIGHT * scale:
        return True
    if err >= LOOSE * scale:
        return False
    raise Ambiguous(f"residual {err:.3g} at scale {scale:.3g}")


def all_agree(pairs: Iterable) -> bool:
    """``agree`` over ``(lhs, rhs)`` pairs; stops at the first clear failure (a counterexample)."""
    return all(agree(lhs, rhs) for lhs, rhs in pairs)


def _real(x) -> float:
    v = complex(np.asarray(x).reshape(()))
    if abs(v.imag) > TIGHT * (1 + abs(v)):
        raise ValueError(f"inequality between non-real values ({v})")
    if not np.isfinite(v.real):
        raise ValueError("oracle drew a point outside the domain (a non-finite value)")
    return v.real


def le(lhs, rhs, *, strict: bool = False) -> bool:
    """Whether ``lhs <= rhs`` (``<`` when ``strict``), by the tolerance rule: a violation must be clear."""
    a, b = _real(lhs), _real(rhs)
    scale = 1.0 + max(abs(a), abs(b))
    if strict:
        if b - a > TIGHT * scale:
            return True
        if a - b >= LOOSE * scale or a == b:
            return False
        raise Ambiguous(f"strict inequality within {b - a:.3g} of equality")
    if a <= b + TIGHT * scale:
        return True
    if a - b >= LOOSE * scale:
        return False
    raise Ambiguous(f"inequality violated by only {a - b:.3g}")


def lt(lhs, rhs) -> bool:
    return le(lhs, rhs, strict=True)


def all_le(pairs: Iterable, *, strict: bool = False) -> bool:
    return all(le(a, b, strict=strict) for a, b in pairs)


def _args(size) -> tuple:
    return size if isinstance(size, tuple) else (size,)


def cases(case: Callable, sizes: Iterable, repeat: int = 2) -> bool:
    """``agree(*case(*size))`` at ``repeat`` fresh draws per size; False at the first clear failure."""
    return all_agree(case(*_args(s)) for s in sizes for _ in range(repeat))


def cases_le(case: Callable, sizes: Iterable, repeat: int = 2, *, strict: bool = False) -> bool:
    """``le(*case(*size))`` likewise: ``case`` returns ``(lhs, rhs)`` of ``lhs <= rhs``."""
    return all_le((case(*_args(s)) for s in sizes for _ in range(repeat)), strict=strict)


# ---------------------------------------------------------------- derivatives (denominator layout)

def grad(f: Callable, X, step: float = H) -> np.ndarray:
    """d f / d X for a scalar ``f``: the shape of ``X``, entry ``[i, j] = d f / d X[i, j]``."""
    X = np.array(X, dtype=float)
    out = np.zeros(X.shape, dtype=complex)
    for idx in np.ndindex(*X.shape):
        e = np.zeros_like(X)
        e[idx] = step
        out[idx] = (_scalar(f(X + e)) - _scalar(f(X - e))) / (2 * step)
    return out


def _scalar(v) -> complex:
    a = np.asarray(v, dtype=complex)
    if a.size != 1:
        raise ValueError(f"grad of a non-scalar of shape {a.shape}")
    return complex(a.reshape(()))


def jac(f: Callable, x, *, layout: str = "denominator", step: float = H) -> np.ndarray:
    """d f / d x for a vector ``f`` (m x 1) and a vector ``x`` (n x 1): n x m in denominator layout
    (``[i, j] = d f_j / d x_i``), m x n in numerator layout."""
    x = np.array(x, dtype=float)
    n = x.shape[0]
    cols = []
    for i in range(n):
        e = np.zeros_like(x)
        e[i, 0] = step
        cols.append((_arr(f(x + e)) - _arr(f(x - e))).reshape(-1) / (2 * step))
    J = np.array(cols)  # row i: d f / d x_i
    return J if layout == "denominator" else J.T


def dt(f: Callable, t: float, step: float = H) -> np.ndarray:
    """d f / d t for a scalar ``t``: the shape of ``f``."""
    return (_arr(f(t + step)) - _arr(f(t - step))) / (2 * step)


def hessian(f: Callable, x) -> np.ndarray:
    """The Jacobian of the gradient (nested central differences, steps 1e-4 inside and 1e-3 outside:
    exact up to rounding for quadratics, truncation ~1e-6 otherwise)."""
    return jac(lambda x: grad(f, x, 1e-4), x, step=1e-3)


# ---------------------------------------------------------------- draws satisfying declarations

def rgen(rng, n: int, m: int) -> np.ndarray:
    """``matrix n m``: standard normal entries."""
    return rng.standard_normal((n, m))


def rvec(rng, n: int) -> np.ndarray:
    """``vector n``: an n x 1 column of standard normals."""
    return rng.standard_normal((n, 1))


def rinv(rng, n: int) -> np.ndarray:
    """``matrix n n invertible``: a normal draw, redrawn until its condition number is below 30."""
    while True:
        A = rng.standard_normal((n, n))
        if np.linalg.cond(A) < 30:
            return A


def well_conditioned(draw: Callable, test: Callable, bound: float = 50.0):
    """``draw()`` again until the matrix ``test(drawn)`` has condition number below ``bound``."""
    while True:
        drawn = draw()
        if np.linalg.cond(np.atleast_2d(test(drawn))) < bound:
            return drawn


def rsym(rng, n: int) -> np.ndarray:
    """``matrix n n symmetric`` (indefinite in general)."""
    G = rng.standard_normal((n, n))
    return (G + G.T) / 2


def rspd(rng, n: int) -> np.ndarray:
    """``matrix n n spd``: G Gᵀ + I/2."""
    G = rng.standard_normal((n, n))
    return G @ G.T + 0.5 * np.eye(n)


def rpsd(rng, n: int, rank: int | None = None) -> np.ndarray:
    """``matrix n n psd``: G Gᵀ with G n x rank (singular when rank < n)."""
    G = rng.standard_normal((n, n if rank is None else rank))
    return G @ G.T


def rorth(rng, n: int) -> np.ndarray:
    """``matrix n n orthogonal``: Q of a QR factorisation, columns signed by R's diagonal (Haar)."""
    Q, R = np.linalg.qr(rng.standard_normal((n, n)))
    return Q * np.sign(np.diag(R))


def rdiag(rng, n: int) -> np.ndarray:
    """``matrix n n diagonal``."""
    return np.diag(rng.standard_normal(n))


def rpos(rng, *shape) -> np.ndarray:
    """Positive entries, in [0.2, 3]; ``pos(rng)`` is one positive scalar."""
    out = rng.uniform(0.2, 3.0, size=shape or None)
    return out


def rnonzero(rng, *shape):
    """Nonzero entries of either sign, |value| in [0.2, 3]."""
    mag = rng.uniform(0.2, 3.0, size=shape or None)
    return mag * rng.choice([-1.0, 1.0], size=shape or None)


def rprob(rng, n: int) -> np.ndarray:
    """``vector n probability``: nonnegative entries summing to 1 (a softmax of normal logits)."""
    z = rng.standard_normal(n) * rng.uniform(0.5, 2.0)
    p = np.exp(z - z.max())
    return (p / p.sum()).reshape(n, 1)


inv, det, tr, eye = np.linalg.inv, np.linalg.det, np.trace, np.eye


# ---------------------------------------------------------------- the usual functions

def clog(x):
    """Principal logarithm (log(-1) = i*pi), as SymPy's ``log``."""
    return np.log(np.asarray(x, dtype=complex))


def csqrt(x):
    """Principal square root (sqrt(-1) = i), as SymPy's ``sqrt``."""
    return np.sqrt(np.asarray(x, dtype=complex))


def sigmoid(x):
    return 1.0 / (1.0 + np.exp(-np.asarray(x, dtype=float)))


def relu(x):
    return np.maximum(np.asarray(x, dtype=float), 0.0)


def softmax(x):
    """softmax of a column vector: exp(x) / (1ᵀ exp(x))."""
    e = np.exp(np.asarray(x, dtype=float) - np.max(x))
    return e / e.sum()


def logsumexp(x) -> float:
    x = np.asarray(x, dtype=float)
    m = float(np.max(x))
    return m + float(np.log(np.exp(x - m).sum()))
