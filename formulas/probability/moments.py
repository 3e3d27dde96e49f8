"""Expectation, covariance and variance; the covariance blocks; Chebyshev (cheat sheet lines 17-33, 53-55)."""

from __future__ import annotations

import sympy as sp
from sympy import stats as st

from .._authoring import (
    CONFIRMED,
    NOT_CHECKABLE,
    PROVED,
    REFUTED,
    Entry,
    Eq,
    Ge,
    ScalarOf,
    oo,
    seed,
)
from .experiments import _chebyshev, _var_matrix_transform

_MOMENT_REFS = ("Casella & Berger, Statistical Inference (2nd ed.), sec. 2.3 and 4.5",
                "Wasserman, All of Statistics (2004), ch. 3")


# -- 1.2 expectation, covariance, variance ------------------------------------------------------
def _t_pos():
    return sp.Symbol("t", positive=True)


expectation_as_printed = Entry(
    id="prob.expectation-as-printed",
    title="E[X] as the integral of the density (as printed: the factor t is missing)",
    expected=REFUTED,
    symbols={"lam": "scalar positive", "X": "random Exponential(lam)"},
    statement=lambda X, lam: Eq(st.Expectation(X), sp.Integral(st.density(X)(_t_pos()), (_t_pos(), 0, oo))),
    seed=seed(17, 17, r"$E[X] = \int_X f_X(t) dt =: \mu_X$"),
    corrected_by="prob.expectation-integral",
    notes="As printed the right side integrates the density alone, which is 1 for every X; checked on "
          "X ~ Exponential(lam), integrated over its support (0, oo).",
    aliases=("expectation", "expected value", "mean", "mu_X"),
    tags=("expectation", "density"),
    references=_MOMENT_REFS,
)


expectation_integral = Entry(
    id="prob.expectation-integral",
    title="E[X] = integral of t f_X(t) over the support",
    expected=PROVED,
    symbols={"lam": "scalar positive", "X": "random Exponential(lam)"},
    statement=lambda X, lam: Eq(st.Expectation(X),
                                sp.Integral(_t_pos() * st.density(X)(_t_pos()), (_t_pos(), 0, oo))),
    notes="Checked on X ~ Exponential(lam) with symbolic rate; the integral is over the support (0, oo).",
    aliases=("expectation", "expected value", "mean", "first moment", "mu_X"),
    tags=("expectation", "density"),
    references=_MOMENT_REFS,
)


cov_definition_as_printed = Entry(
    id="prob.cov-definition-as-printed",
    title="Covariance as printed: E[X - E X] (Y - E Y), the bracket closes too early",
    expected=REFUTED,
    symbols={"X": "random", "Y": "random"},
    statement=lambda X, Y: Eq(st.Covariance(X, Y),
                              st.Expectation(X - st.Expectation(X)) * (Y - st.Expectation(Y))),
    seed=seed(19, 19, r"$\text{Cov}(X, Y) = E_{x,y}[X - E_x[X]](Y - E_y[Y])$"),
    corrected_by="prob.cov-expectation-form",
    notes="As printed the expectation closes after X - E[X], which is 0, so the right side is 0 for every "
          "X and Y; refuted by any correlated pair.",
    aliases=("covariance", "covariance definition"),
    tags=("covariance", "expectation"),
    references=_MOMENT_REFS,
)


cov_expectation_form = Entry(
    id="prob.cov-expectation-form",
    title="Cov(X, Y) = E[(X - E X)(Y - E Y)]",
    expected=CONFIRMED,
    symbols={"X": "random", "Y": "random"},
    statement=lambda X, Y: Eq(st.Covariance(X, Y),
                              st.Expectation((X - st.Expectation(X)) * (Y - st.Expectation(Y)))),
    notes="sympy.stats does not take the constant E[X] out of an expectation of an abstract random variable, "
          "so this is confirmed on exact finite distributions only; see prob.cov-shortcut for the proved form.",
    see_also=("prob.cov-shortcut",),
    aliases=("covariance", "covariance definition", "centered product"),
    tags=("covariance", "expectation"),
    references=_MOMENT_REFS,
)


cov_shortcut = Entry(
    id="prob.cov-shortcut",
    title="Cov(X, Y) = E[XY] - E[X] E[Y]",
    expected=PROVED,
    symbols={"X": "random", "Y": "random"},
    statement=lambda X, Y: Eq(st.Covariance(X, Y), st.Expectation(X * Y) - st.Expectation(X) * st.Expectation(Y)),
    notes="Numerically fragile when |E[X] E[Y]| is much larger than the covariance (cancellation); "
          "compute from centred values instead.",
    aliases=("covariance", "covariance shortcut", "E[XY]-E[X]E[Y]"),
    tags=("covariance", "expectation"),
    references=_MOMENT_REFS,
)


cov_self_as_printed = Entry(
    id="prob.cov-self-as-printed",
    title="'Cov(X, Y) := Cov(X, X) = Var[X]' (garbled)",
    expected=NOT_CHECKABLE,
    reason="garbled: ':=' defines Cov(X, Y) as Cov(X, X), which contradicts the covariance definition on the "
           "line before; the intended claim is Cov(X, X) = Var[X]",
    seed=seed(21, 21, r"$\text{Cov}(X, Y) := \text{Cov}(X, X) = \text{Var}[X]$"),
    corrected_by="prob.cov-self-is-variance",
    aliases=("covariance with itself", "variance as covariance"),
    tags=("covariance", "variance"),
)


cov_self_is_variance = Entry(
    id="prob.cov-self-is-variance",
    title="Cov(X, X) = Var[X]",
    expected=PROVED,
    symbols={"X": "random"},
    statement=lambda X: Eq(st.Covariance(X, X), st.Variance(X)),
    aliases=("covariance with itself", "variance as covariance"),
    tags=("covariance", "variance"),
    references=_MOMENT_REFS,
)


cov_independent_zero = Entry(
    id="prob.cov-independent-zero",
    title="Independent random variables are uncorrelated: Cov(X, Y) = 0",
    expected=CONFIRMED,
    symbols={"X": "random", "Y": "random"},
    given=("independent X Y",),
    statement=lambda X, Y: Eq(st.Covariance(X, Y), 0),
    seed=seed(23, 23, r"$X, Y$  independent  $\Rightarrow \text{Cov}(X, Y) = 0$"),
    notes="sympy.stats has no notion of independence for abstract random variables, so this is confirmed on "
          "exact finite product distributions.  The converse is false.",
    aliases=("independent implies uncorrelated", "zero covariance", "uncorrelated"),
    tags=("covariance", "independence"),
    references=_MOMENT_REFS,
)


outer_product_psd = Entry(
    id="prob.outer-product-psd",
    title="The outer product x xᵀ is positive semidefinite: zᵀ x xᵀ z >= 0",
    expected=PROVED,
    symbols={"x": "vector n", "z": "vector n"},
    statement=lambda x, z: Ge(ScalarOf(z.T * x * x.T * z), 0),
    seed=seed(25, 25, r"$XX^T \geq 0$  (symmetric positive semidefinite)"),
    notes="Symmetry of x xᵀ is immediate; positive semidefiniteness is the quadratic form "
          "zᵀ x xᵀ z = (xᵀ z)² >= 0.  The same holds for E[X Xᵀ] of a random vector.",
    aliases=("outer product", "x x^T psd", "rank one psd", "second moment matrix"),
    tags=("psd", "outer product", "covariance"),
    references=("Horn & Johnson, Matrix Analysis, sec. 7.1",),
)


var_expectation_form = Entry(
    id="prob.var-expectation-form",
    title="Var[X] = E[X²] - E[X]²",
    expected=PROVED,
    symbols={"X": "random"},
    statement=lambda X: Eq(st.Variance(X), st.Expectation(X**2) - st.Expectation(X) ** 2),
    seed=seed(27, 27, r"$\text{Var}[X] = E[X^2] - (E[X])^2$"),
    notes="Numerically fragile: when |E[X]| is large compared with the spread the difference cancels "
          "catastrophically; use a two-pass or Welford update in code.",
    aliases=("variance", "variance shortcut", "second moment minus squared mean", "E[X^2]-E[X]^2"),
    tags=("variance", "expectation", "moments"),
    references=_MOMENT_REFS,
)


var_matrix_as_printed = Entry(
    id="prob.var-matrix-as-printed",
    title="'Var[AX] = Var[A]X + Var[X]' (garbled)",
    expected=NOT_CHECKABLE,
    reason="garbled: Var[A] of a constant matrix is not defined (or is 0), 'Var[A]X' has no consistent shape "
           "with Var[X], and the sum has mismatched shapes; the intended rule is Var[AX] = A Var[X] Aᵀ",
    seed=seed(29, 29, r"$\text{Var}[\mathbf{A}X] = \text{Var}[\mathbf{A}]X + \text{Var}[X] \quad \text{Var}[aX + b] = a^2 \text{Var}[X]$"),
    corrected_by="prob.var-matrix-transform",
    aliases=("variance of linear transform", "covariance of AX"),
    tags=("variance", "covariance", "linear transform"),
)


var_matrix_transform = Entry(
    id="prob.var-matrix-transform",
    title="Covariance of a linear transform: Var[AX] = A Var[X] Aᵀ",
    expected=CONFIRMED,
    experiment=_var_matrix_transform,
    reason="random vectors are outside the symbol grammar: checked exactly on random finite distributions "
           "of X in R^2 and integer matrices A (1, 2 and 3 rows)",
    aliases=("variance of linear transform", "covariance of AX", "A Sigma A^T", "covariance propagation"),
    tags=("variance", "covariance", "linear transform"),
    references=("Bishop, Pattern Recognition and Machine Learning (2006), eq. (2.115)",),
)


var_affine = Entry(
    id="prob.var-affine",
    title="Var[aX + b] = a² Var[X]",
    expected=PROVED,
    symbols={"X": "random", "a": "scalar", "b": "scalar"},
    statement=lambda X, a, b: Eq(st.Variance(a * X + b), a**2 * st.Variance(X)),
    seed=seed(29, 29, r"$\text{Var}[\mathbf{A}X] = \text{Var}[\mathbf{A}]X + \text{Var}[X] \quad \text{Var}[aX + b] = a^2 \text{Var}[X]$"),
    aliases=("variance of affine transform", "variance scaling", "variance shift invariance", "Var(aX+b)"),
    tags=("variance", "affine"),
    references=_MOMENT_REFS,
)


_N_LC = 4  # terms in the variance-of-a-sum entries


def _var_lc_lhs(a, xs):
    return st.Variance(sp.Add(*[ai * xi for ai, xi in zip(a, xs, strict=True)]))


def _var_lc_diag(a, xs):
    return sp.Add(*[ai**2 * st.Variance(xi) for ai, xi in zip(a, xs, strict=True)])


_LC_SYMBOLS = {**{f"X{i}": "random" for i in range(1, _N_LC + 1)}, **{f"a{i}": "scalar" for i in range(1, _N_LC + 1)}}


def _var_lc_pairs(X1, X2, X3, X4, a1, a2, a3, a4):
    a, xs = (a1, a2, a3, a4), (X1, X2, X3, X4)
    cross = sp.Add(*[a[i] * a[j] * st.Covariance(xs[i], xs[j]) for i in range(_N_LC) for j in range(i + 1, _N_LC)])
    return Eq(_var_lc_lhs(a, xs), _var_lc_diag(a, xs) + 2 * cross)


def _var_lc_ordered(X1, X2, X3, X4, a1, a2, a3, a4):
    a, xs = (a1, a2, a3, a4), (X1, X2, X3, X4)
    cross = sp.Add(*[a[i] * a[j] * st.Covariance(xs[i], xs[j]) for i in range(_N_LC) for j in range(_N_LC) if i != j])
    return Eq(_var_lc_lhs(a, xs), _var_lc_diag(a, xs) + cross)


var_linear_combination = Entry(
    id="prob.var-linear-combination",
    title="Variance of a linear combination, with 2 sum over i < j of covariances",
    expected=PROVED,
    symbols=_LC_SYMBOLS,
    statement=_var_lc_pairs,
    seed=seed(31, 31, r"$\text{Var}[\sum_{i=1}^n a_i X_i] = \sum_{i=1}^n a_i^2 \text{Var}[X_i] + 2 \sum_{i < j} a_i a_j \text{Cov}(X_i, X_j)$"),
    notes="Stated for n = 4 terms: the symbol grammar has no indexed families of random variables, so the sum "
          "over i = 1..n is written out for a fixed n.",
    aliases=("variance of sum", "variance of linear combination", "variance of weighted sum", "Var(sum a_i X_i)"),
    tags=("variance", "covariance", "linear combination"),
    references=_MOMENT_REFS,
)


var_linear_combination_ordered = Entry(
    id="prob.var-linear-combination-ordered",
    title="Variance of a linear combination, with the sum over ordered pairs i != j",
    expected=PROVED,
    symbols=_LC_SYMBOLS,
    statement=_var_lc_ordered,
    seed=seed(33, 33, r"$\text{Var}[\sum_{i=1}^n a_i X_i] = \sum_{i=1}^n a_i^2 \text{Var}[X_i] + \sum_{i \neq j} a_i a_j \text{Cov}(X_i, X_j)$"),
    notes="Stated for n = 4 terms (see prob.var-linear-combination); equal to it because Cov is symmetric.",
    aliases=("variance of sum", "variance of linear combination", "Var(sum a_i X_i)"),
    tags=("variance", "covariance", "linear combination"),
    references=_MOMENT_REFS,
)


covariance_blocks_notation = Entry(
    id="prob.covariance-blocks-notation",
    title="Notation: vectors x, y in R^d and d x d blocks Sigma_11, Sigma_12, Sigma_21",
    expected=NOT_CHECKABLE,
    definition=True,
    reason="declares notation; note that if Sigma_12 and Sigma_21 are the off-diagonal blocks of a joint "
           "covariance they are transposes of each other and in general neither symmetric nor p.s.d. "
           "(e.g. [[1, -1], [-1, 1]] is p.s.d. with off-diagonal block -1), so only Sigma_11 is p.s.d. in general",
    seed=seed(53, 53, r"**N.**  $\mathbf{x}, \mathbf{y} \in \mathbb{R}^d$ ,  $\Sigma_{11} \in \mathbb{R}^{d \times d}$  p.s.d.,  $\Sigma_{12} \in \mathbb{R}^{d \times d}$  p.s.d.,  $\Sigma_{21} \in \mathbb{R}^{d \times d}$  p.s.d."),
    aliases=("block covariance", "partitioned covariance", "cross-covariance"),
    tags=("covariance", "notation", "gaussian"),
)


chebyshev = Entry(
    id="prob.chebyshev",
    title="Chebyshev's inequality: P(|X - mu| >= eps) <= sigma² / eps²",
    expected=CONFIRMED,
    experiment=_chebyshev,
    reason="an inequality about every distribution with finite variance: checked by exhaustive exact search "
           "over small discrete distributions",
    seed=seed(55, 55, r"**T.** (Chebyshev) Let  $X$  be a rv with  $E[X] = \mu$  and variance  $\text{Var}[X] = \sigma^2 < \infty$ . Then for any  $\epsilon > 0$ , we have  $P(|X - \mu| \geq \epsilon) \leq \frac{\sigma^2}{\epsilon^2}$ ."),
    aliases=("Chebyshev inequality", "Chebyshev bound", "Tschebyscheff", "concentration inequality", "tail bound"),
    tags=("inequality", "variance", "concentration"),
    references=("Wasserman, All of Statistics (2004), Thm. 4.2",
                "Casella & Berger, Statistical Inference (2nd ed.), Thm. 3.6.1"),
)
