"""The oracles' probability toolkit: expectations by exact finite sums, series and quadrature.

* A random variable with **no declared law** (``X: random``) stands for every distribution, so a
  true identity must hold for each; the oracles draw random **finite** laws (random support and
  probabilities) and compute expectations exactly as weighted sums: :func:`finite_law`,
  :func:`finite_joint` (dependent, a random joint table) and :func:`independent_joint` (a
  product of marginals).
* Named laws are integrated from their densities, written out here: adaptive quadrature
  (:func:`expect_density`), series for counting laws (:func:`expect_pmf`), tensor Gauss-Hermite
  nodes for several independent normals (:func:`expect_normals`).

Nothing here imports sheetproof.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

import numpy as np
from scipy import integrate

__all__ = ["finite_law", "finite_joint", "independent_joint", "expect_joint", "expect_density",
           "expect_pmf", "expect_normals", "normal_pdf", "gamma_pdf", "exponential_pdf", "uniform_pdf",
           "poisson_pmf", "binomial_pmf", "bernoulli_pmf", "geometric_pmf", "beta_pdf", "laplace_pdf", "Law",
           "X_", "Y_", "Z_"]


# ---------------------------------------------------------------- finite laws (stand-ins for "any law")

def finite_law(rng, size: int = 5) -> tuple[np.ndarray, np.ndarray]:
    """Support values (spread, both signs) and probabilities (a Dirichlet draw) of one random variable."""
    values = rng.normal(0.0, 1.5, size) + rng.normal(0.0, 1.0)
    probs = rng.dirichlet(np.ones(size))
    return values, probs


def finite_joint(rng, sizes: Sequence[int] = (4, 4)) -> tuple[list[np.ndarray], np.ndarray]:
    """A dependent joint law of several variables: per-variable supports and a random probability table."""
    supports = [rng.normal(0.0, 1.5, s) + rng.normal(0.0, 1.0) for s in sizes]
    table = rng.dirichlet(np.ones(int(np.prod(sizes)))).reshape(sizes)
    return supports, table


def independent_joint(rng, sizes: Sequence[int] = (4, 4)) -> tuple[list[np.ndarray], np.ndarray]:
    """A joint law whose table is the outer product of random marginals (the variables independent)."""
    supports, table = [], np.ones(())
    for s in sizes:
        values, probs = finite_law(rng, s)
        supports.append(values)
        table = np.multiply.outer(table, probs)
    return supports, table


def expect_joint(f: Callable, law: tuple[list[np.ndarray], np.ndarray]) -> float:
    """E f(X1, ..., Xk) under a finite joint law: the weighted sum over the grid of supports."""
    supports, table = law
    grids = np.meshgrid(*supports, indexing="ij")
    return float(np.sum(table * f(*grids)))


# ---------------------------------------------------------------- named laws

def expect_density(f: Callable, pdf: Callable, lo: float = -np.inf, hi: float = np.inf,
                   points: Sequence[float] | None = None) -> float:
    """E f(X) = ∫ f(x) pdf(x) dx by adaptive quadrature (absolute and relative tolerance 1e-11)."""
    value, err = integrate.quad(lambda x: f(x) * pdf(x), lo, hi, epsabs=1e-11, epsrel=1e-11, limit=400,
                                points=points)
    if not err < 1e-7 * (1 + abs(value)):
        raise ArithmeticError(f"quadrature error estimate {err:.3g}")
    return value


def expect_pmf(f: Callable, pmf: Callable, support: range) -> float:
    """E f(N) = Σ f(k) pmf(k) over a (truncated) support; the caller makes the tail negligible."""
    return float(sum(f(k) * pmf(k) for k in support))


def expect_normals(f: Callable, params: Sequence[tuple[float, float]], nodes: int = 40) -> float:
    """E f(X1, ..., Xk) for independent Normal(mu_i, sigma_i): tensor Gauss-Hermite (exact for polynomials
    of degree < 2 * nodes in each variable)."""
    z, w = np.polynomial.hermite_e.hermegauss(nodes)
    w = w / math.sqrt(2 * math.pi)
    grids = np.meshgrid(*[mu + sigma * z for mu, sigma in params], indexing="ij")
    weights = np.ones(())
    for _ in params:
        weights = np.multiply.outer(weights, w)
    return float(np.sum(weights * f(*grids)))


def normal_pdf(mu: float, sigma: float) -> Callable:
    return lambda x: math.exp(-((x - mu) ** 2) / (2 * sigma**2)) / math.sqrt(2 * math.pi * sigma**2)


def gamma_pdf(k: float, theta: float) -> Callable:
    """Shape k, scale theta."""
    c = -math.lgamma(k) - k * math.log(theta)
    return lambda x: math.exp(c + (k - 1) * math.log(x) - x / theta) if x > 0 else 0.0


def exponential_pdf(lam: float) -> Callable:
    """Rate lam."""
    return lambda x: lam * math.exp(-lam * x) if x >= 0 else 0.0


def uniform_pdf(a: float, b: float) -> Callable:
    return lambda x: 1.0 / (b - a) if a <= x <= b else 0.0


def beta_pdf(a: float, b: float) -> Callable:
    c = math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b)
    return lambda x: math.exp(c + (a - 1) * math.log(x) + (b - 1) * math.log1p(-x)) if 0 < x < 1 else 0.0


def laplace_pdf(mu: float, b: float) -> Callable:
    return lambda x: math.exp(-abs(x - mu) / b) / (2 * b)


def poisson_pmf(lam: float) -> Callable:
    return lambda k: math.exp(-lam + k * math.log(lam) - math.lgamma(k + 1))


def binomial_pmf(n: int, p: float) -> Callable:
    return lambda k: math.comb(n, k) * p**k * (1 - p) ** (n - k)


def bernoulli_pmf(p: float) -> Callable:
    return lambda k: p if k == 1 else 1 - p


def geometric_pmf(p: float) -> Callable:
    """Trials up to and including the first success: support 1, 2, ..."""
    return lambda k: (1 - p) ** (k - 1) * p


class Law:
    """A finite joint law of (X, Y, Z); functions of the variables are written ``lambda X, Y, Z: ...``."""

    def __init__(self, rng, *, independent: bool = False, sizes: Sequence[int] = (3, 4, 3)):
        self.law = independent_joint(rng, sizes) if independent else finite_joint(rng, sizes)

    def E(self, f: Callable) -> float:
        return expect_joint(f, self.law)

    def Var(self, f: Callable) -> float:
        m = self.E(f)
        return self.E(lambda *v: (f(*v) - m) ** 2)

    def Cov(self, f: Callable, g: Callable) -> float:
        mf, mg = self.E(f), self.E(g)
        return self.E(lambda *v: (f(*v) - mf) * (g(*v) - mg))


X_ = lambda X, Y, Z: X  # noqa: E731 -- the coordinate functions
Y_ = lambda X, Y, Z: Y  # noqa: E731
Z_ = lambda X, Y, Z: Z  # noqa: E731
