"""Evidence for the chapter's one claim about every function: the linear functionals of ℝⁿ."""

from __future__ import annotations

import random

import sympy as sp

from .._authoring import Outcome


def _random_maps(rng: random.Random, n: int):
    """(label, f, linear) for maps ℝⁿ → ℝ built without an inner product, linear and affine."""
    q = lambda: sp.Rational(rng.randint(-4, 4), rng.randint(1, 3))  # noqa: E731
    a = sp.Matrix(n, n, lambda i, j: q())
    c = sp.Matrix(n, 1, lambda i, j: q())
    weights = [q() for _ in range(n)]
    yield "x ↦ tr(A diag(x))", (lambda x: (a * sp.diag(*x)).trace()), True
    yield "x ↦ cᵀ(A x)", (lambda x: (c.T * (a * x))[0, 0]), True
    yield "x ↦ ∑ₖ qₖ xₖ", (lambda x: sum(w * xi for w, xi in zip(weights, x, strict=True))), True
    shift = q() or sp.Integer(1)
    yield "x ↦ cᵀx + b, b ≠ 0", (lambda x: (c.T * x)[0, 0] + shift), False


def _is_linear(f, n: int, rng: random.Random) -> bool:
    """Additivity and homogeneity at random rational points, exactly."""
    for _ in range(5):
        x = sp.Matrix(n, 1, lambda i, j: sp.Rational(rng.randint(-5, 5), rng.randint(1, 4)))
        y = sp.Matrix(n, 1, lambda i, j: sp.Rational(rng.randint(-5, 5), rng.randint(1, 4)))
        alpha = sp.Rational(rng.randint(-5, 5), rng.randint(1, 4))
        if f(x + y) != f(x) + f(y) or f(alpha * x) != alpha * f(x):
            return False
    return True


def linear_iff_inner_product(trials: int = 20) -> Outcome:
    """deriv.linear-iff-inner-product: f is linear iff f(x) = wᵀx with wᵢ = f(eᵢ)."""
    rng = random.Random(198)
    checked = 0
    for _ in range(trials):
        n = rng.randint(1, 4)
        for label, f, built_linear in _random_maps(rng, n):
            linear = _is_linear(f, n, rng)
            if linear != built_linear:
                raise RuntimeError(f"{label}: the test map is not what it was built to be")
            w = sp.Matrix([f(sp.eye(n)[:, i]) for i in range(n)])
            x = sp.Matrix(n, 1, lambda i, j: sp.Rational(rng.randint(-5, 5), rng.randint(1, 4)))
            represented = f(x) == (w.T * x)[0, 0] and f(sp.zeros(n, 1)) == 0
            if represented != linear:
                return Outcome(False, f"{label} at n = {n}: linear {linear} but of the form wᵀx {represented}",
                               {"map": label, "n": n, "w": [str(v) for v in w], "x": [str(v) for v in x],
                                "f(x)": str(f(x)), "wᵀx": str((w.T * x)[0, 0]), "exact": True})
            checked += 1
    return Outcome(True, f"{checked} maps ℝⁿ → ℝ (n = 1..4, rational coefficients): each linear one equals wᵀx with "
                         "wᵢ = f(eᵢ), and each affine one with b ≠ 0 is neither linear nor of that form")
