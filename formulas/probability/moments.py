"""Expectation, covariance and variance; the blocks of a joint covariance (cheat sheet lines 17-33, 53).

Identities between moments of abstract random variables (no distribution declared: any law with the
moments needed) are decided by ``sympy.stats`` and re-checked exactly on random finite distributions.
"""

from __future__ import annotations

import sympy as sp
from sympy import stats as st

from .._authoring import CONFIRMED, PROVED, REFUTED, Entry, Eq, Ge, ScalarOf, oo, seed

MOMENT_REFS = ("Casella & Berger, Statistical Inference (2nd ed.), sec. 2.3 and 4.5",
               "Wasserman, All of Statistics (2004), ch. 3")


def _t():
    return sp.Symbol("t", positive=True)


def _expectation_integral(X, lam):
    """E[X] = ∫₀^∞ t f(t) dt for the Exponential(λ) density f."""
    return Eq(st.Expectation(X), sp.Integral(_t() * st.density(X)(_t()), (_t(), 0, oo)))


expectation_as_printed = Entry(
    id="prob.expectation-as-printed",
    title="E[X] = ∫ t f(t) dt for the density f of X (garbled as printed: the factor t is lost)",
    expected=PROVED,
    symbols={"lam": "scalar positive", "X": "random Exponential(lam)"},
    statement=_expectation_integral,
    seed=seed(17, 17, r"$E[X] = \int_X f_X(t) dt =: \mu_X$"),
    corrected_by="prob.expectation-integral",
    notes="Garbled as printed: the integrand lost the factor t (∫ f(t) dt is 1 for every density, which no "
          "reader takes for E[X]).  The intended E[X] = ∫ t f(t) dt is checked, here for X ∼ Exponential(λ) "
          "with symbolic rate, over its support (0, ∞).",
    aliases=("expectation", "expected value", "mean", "mu_X"),
    tags=("expectation", "density"),
    references=MOMENT_REFS,
)

expectation_integral = Entry(
    id="prob.expectation-integral",
    title="E[X] = ∫ t f(t) dt over the support, for the density f of X",
    expected=CONFIRMED,
    instance="X ~ Exponential(λ) (the line is for any distribution with a density)",
    symbols={"lam": "scalar positive", "X": "random Exponential(lam)"},
    statement=_expectation_integral,
    notes="Checked for X ∼ Exponential(λ) with symbolic rate λ; the integral runs over the support (0, ∞).",
    aliases=("expectation", "expected value", "mean", "first moment", "mu_X"),
    tags=("expectation", "density"),
    references=MOMENT_REFS,
)


def _cov_centred(X, Y):
    return Eq(st.Covariance(X, Y), st.Expectation((X - st.Expectation(X)) * (Y - st.Expectation(Y))))


cov_definition_as_printed = Entry(
    id="prob.cov-definition-as-printed",
    title="Cov(X, Y) = E[(X − E X)(Y − E Y)] (garbled as printed: the bracket closes after X − E X)",
    expected=CONFIRMED,
    symbols={"X": "random", "Y": "random"},
    statement=_cov_centred,
    seed=seed(19, 19, r"$\text{Cov}(X, Y) = E_{x,y}[X - E_x[X]](Y - E_y[Y])$"),
    corrected_by="prob.cov-expectation-form",
    notes="Garbled as printed: the expectation's bracket closes after X − E[X], and the subscripts x, y name the "
          "variables averaged over.  Read literally, E[X − E X] (Y − E Y) is 0 times a random variable, which no "
          "reader takes for a covariance; the intended E[(X − E X)(Y − E Y)] is checked.",
    aliases=("covariance", "covariance definition"),
    tags=("covariance", "expectation"),
    references=MOMENT_REFS,
)

cov_expectation_form = Entry(
    id="prob.cov-expectation-form",
    title="Cov(X, Y) = E[(X − E X)(Y − E Y)]",
    expected=CONFIRMED,
    symbols={"X": "random", "Y": "random"},
    statement=_cov_centred,
    notes="sympy.stats does not take the constant E[X] out of an expectation of an abstract random variable, "
          "so this is confirmed on exact finite distributions; prob.cov-shortcut is the proved form.",
    see_also=("prob.cov-shortcut",),
    aliases=("covariance", "covariance definition", "centered product"),
    tags=("covariance", "expectation"),
    references=MOMENT_REFS,
)

cov_shortcut = Entry(
    id="prob.cov-shortcut",
    title="Cov(X, Y) = E[XY] − E[X] E[Y]",
    expected=PROVED,
    symbols={"X": "random", "Y": "random"},
    statement=lambda X, Y: Eq(st.Covariance(X, Y), st.Expectation(X * Y) - st.Expectation(X) * st.Expectation(Y)),
    notes="Numerically fragile when |E[X] E[Y]| is much larger than the covariance (cancellation); compute from "
          "centred values instead.",
    aliases=("covariance", "covariance shortcut", "E[XY]-E[X]E[Y]"),
    tags=("covariance", "expectation"),
    references=MOMENT_REFS,
)

cov_self_as_printed = Entry(
    id="prob.cov-self-as-printed",
    title="Cov(X, X) = Var[X] (garbled as printed: 'Cov(X, Y) := Cov(X, X)')",
    expected=PROVED,
    symbols={"X": "random"},
    statement=lambda X: Eq(st.Covariance(X, X), st.Variance(X)),
    seed=seed(21, 21, r"$\text{Cov}(X, Y) := \text{Cov}(X, X) = \text{Var}[X]$"),
    corrected_by="prob.cov-self-is-variance",
    notes="Garbled as printed: ':=' would define Cov(X, Y) as Cov(X, X), contradicting the line before; the line "
          "evidently states the special case Y = X, which is checked.",
    aliases=("covariance with itself", "variance as covariance"),
    tags=("covariance", "variance"),
    references=MOMENT_REFS,
)

cov_self_is_variance = Entry(
    id="prob.cov-self-is-variance",
    title="Cov(X, X) = Var[X]",
    expected=PROVED,
    symbols={"X": "random"},
    statement=lambda X: Eq(st.Covariance(X, X), st.Variance(X)),
    aliases=("covariance with itself", "variance as covariance"),
    tags=("covariance", "variance"),
    references=MOMENT_REFS,
)

cov_independent_zero = Entry(
    id="prob.cov-independent-zero",
    title="Independent random variables are uncorrelated: Cov(X, Y) = 0",
    expected=CONFIRMED,
    symbols={"X": "random", "Y": "random"},
    given=("independent X Y",),
    statement=lambda X, Y: Eq(st.Covariance(X, Y), 0),
    seed=seed(23, 23, r"$X, Y$  independent  $\Rightarrow \text{Cov}(X, Y) = 0$"),
    notes="sympy.stats has no notion of independence for abstract random variables, so this is confirmed on exact "
          "finite product distributions.  The converse is false.",
    aliases=("independent implies uncorrelated", "zero covariance", "uncorrelated"),
    tags=("covariance", "independence"),
    references=MOMENT_REFS,
)

outer_product_psd = Entry(
    id="prob.outer-product-psd",
    title="The outer product x xᵀ is positive semidefinite: zᵀ x xᵀ z ≥ 0",
    expected=PROVED,
    symbols={"x": "vector n", "z": "vector n"},
    statement=lambda x, z: Ge(ScalarOf(z.T * x * x.T * z), 0),
    seed=seed(25, 25, r"$XX^T \geq 0$  (symmetric positive semidefinite)"),
    notes="Symmetry of x xᵀ is immediate; positive semidefiniteness is the quadratic form zᵀ x xᵀ z = (xᵀz)² ≥ 0.  "
          "The same holds for E[X Xᵀ] of a random vector.",
    aliases=("outer product", "x x^T psd", "rank one psd", "second moment matrix"),
    tags=("psd", "outer product", "covariance"),
    references=("Horn & Johnson, Matrix Analysis, sec. 7.1",),
)

var_expectation_form = Entry(
    id="prob.var-expectation-form",
    title="Var[X] = E[X²] − E[X]²",
    expected=PROVED,
    symbols={"X": "random"},
    statement=lambda X: Eq(st.Variance(X), st.Expectation(X**2) - st.Expectation(X) ** 2),
    seed=seed(27, 27, r"$\text{Var}[X] = E[X^2] - (E[X])^2$"),
    notes="Numerically fragile: when |E[X]| is large compared with the spread the difference cancels "
          "catastrophically; use a two-pass or Welford update in code.",
    aliases=("variance", "variance shortcut", "second moment minus squared mean", "E[X^2]-E[X]^2"),
    tags=("variance", "expectation", "moments"),
    references=MOMENT_REFS,
)

_LINE_29 = r"$\text{Var}[\mathbf{A}X] = \text{Var}[\mathbf{A}]X + \text{Var}[X] \quad \text{Var}[aX + b] = a^2 \text{Var}[X]$"
_TRANSFORM_SYMBOLS = {"X1": "random", "X2": "random", "a11": "scalar", "a12": "scalar", "a21": "scalar",
                      "a22": "scalar"}


def _var_matrix_entry(X1, X2, a11, a12, a21, a22):
    """Entry (1, 2) of Var[AX] = A Var[X] Aᵀ for X = (X₁, X₂): Cov((AX)₁, (AX)₂) = ∑ⱼₗ a₁ⱼ a₂ₗ Cov(Xⱼ, Xₗ)."""
    return Eq(st.Covariance(a11 * X1 + a12 * X2, a21 * X1 + a22 * X2),
              a11 * a21 * st.Variance(X1) + (a11 * a22 + a12 * a21) * st.Covariance(X1, X2)
              + a12 * a22 * st.Variance(X2))


var_matrix_as_printed = Entry(
    id="prob.var-matrix-as-printed",
    title="Var[AX] = A Var[X] Aᵀ (garbled as printed: 'Var[AX] = Var[A]X + Var[X]')",
    expected=PROVED,
    symbols=_TRANSFORM_SYMBOLS,
    statement=_var_matrix_entry,
    seed=seed(29, 29, _LINE_29),
    corrected_by="prob.var-matrix-transform",
    notes="Garbled as printed: Var[A] of the constant matrix A is not defined (or 0) and the sum has mismatched "
          "shapes, so the line has no typed reading; it sits beside Var[aX + b] = a² Var[X], of which the "
          "intended matrix rule Var[AX] = A Var[X] Aᵀ is the vector form.  That rule is checked entry by entry "
          "(prob.var-matrix-transform).",
    aliases=("variance of linear transform", "covariance of AX"),
    tags=("variance", "covariance", "linear transform"),
)

var_matrix_transform = Entry(
    id="prob.var-matrix-transform",
    title="Covariance of a linear transform: Var[AX] = A Var[X] Aᵀ, entry by entry",
    expected=CONFIRMED,
    instance="a 2 × 2 matrix A and X ∈ ℝ² (the line is for any size)",
    symbols=_TRANSFORM_SYMBOLS,
    statement=_var_matrix_entry,
    notes="The grammar has no random vectors, so the matrix rule is stated entry by entry for X = (X₁, X₂): entry "
          "(i, k) of Var[AX] is Cov((AX)ᵢ, (AX)ₖ) = ∑ⱼₗ aᵢⱼ aₖₗ Cov(Xⱼ, Xₗ), entry (i, k) of A Var[X] Aᵀ.  The "
          "statement is entry (1, 2) with free coefficients; a₂ⱼ = a₁ⱼ gives the diagonal entries.",
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
    seed=seed(29, 29, _LINE_29),
    aliases=("variance of affine transform", "variance scaling", "variance shift invariance", "Var(aX+b)"),
    tags=("variance", "affine"),
    references=MOMENT_REFS,
)

_N_LC = 4  # terms in the variance-of-a-sum entries
_LC_SYMBOLS = {**{f"X{i}": "random" for i in range(1, _N_LC + 1)}, **{f"a{i}": "scalar" for i in range(1, _N_LC + 1)}}


def _var_lc_sides(X1, X2, X3, X4, a1, a2, a3, a4):
    a, xs = (a1, a2, a3, a4), (X1, X2, X3, X4)
    lhs = st.Variance(sp.Add(*[ai * xi for ai, xi in zip(a, xs, strict=True)]))
    diagonal = sp.Add(*[ai**2 * st.Variance(xi) for ai, xi in zip(a, xs, strict=True)])
    return a, xs, lhs, diagonal


def _var_lc_pairs(X1, X2, X3, X4, a1, a2, a3, a4):
    a, xs, lhs, diagonal = _var_lc_sides(X1, X2, X3, X4, a1, a2, a3, a4)
    cross = sp.Add(*[a[i] * a[j] * st.Covariance(xs[i], xs[j]) for i in range(_N_LC) for j in range(i + 1, _N_LC)])
    return Eq(lhs, diagonal + 2 * cross)


def _var_lc_ordered(X1, X2, X3, X4, a1, a2, a3, a4):
    a, xs, lhs, diagonal = _var_lc_sides(X1, X2, X3, X4, a1, a2, a3, a4)
    cross = sp.Add(*[a[i] * a[j] * st.Covariance(xs[i], xs[j]) for i in range(_N_LC) for j in range(_N_LC) if i != j])
    return Eq(lhs, diagonal + cross)


var_linear_combination = Entry(
    id="prob.var-linear-combination",
    title="Var[∑ᵢ aᵢXᵢ] = ∑ᵢ aᵢ² Var[Xᵢ] + 2 ∑ over i < j of aᵢaⱼ Cov(Xᵢ, Xⱼ)",
    expected=CONFIRMED,
    instance="n = 4 random variables (the line is for any n)",
    symbols=_LC_SYMBOLS,
    statement=_var_lc_pairs,
    seed=seed(31, 31, r"$\text{Var}[\sum_{i=1}^n a_i X_i] = \sum_{i=1}^n a_i^2 \text{Var}[X_i] + 2 \sum_{i < j} a_i a_j \text{Cov}(X_i, X_j)$"),
    notes=f"Stated for n = {_N_LC} terms (the grammar has no indexed families of random variables); setting aᵢ = 0 "
          f"covers every n ≤ {_N_LC}.",
    aliases=("variance of sum", "variance of linear combination", "variance of weighted sum", "Var(sum a_i X_i)"),
    tags=("variance", "covariance", "linear combination"),
    references=MOMENT_REFS,
)

var_linear_combination_ordered = Entry(
    id="prob.var-linear-combination-ordered",
    title="Var[∑ᵢ aᵢXᵢ] = ∑ᵢ aᵢ² Var[Xᵢ] + ∑ over i ≠ j of aᵢaⱼ Cov(Xᵢ, Xⱼ)",
    expected=CONFIRMED,
    instance="n = 4 random variables (the line is for any n)",
    symbols=_LC_SYMBOLS,
    statement=_var_lc_ordered,
    seed=seed(33, 33, r"$\text{Var}[\sum_{i=1}^n a_i X_i] = \sum_{i=1}^n a_i^2 \text{Var}[X_i] + \sum_{i \neq j} a_i a_j \text{Cov}(X_i, X_j)$"),
    notes=f"Stated for n = {_N_LC} terms (see prob.var-linear-combination); the same as it because Cov is symmetric.",
    aliases=("variance of sum", "variance of linear combination", "Var(sum a_i X_i)"),
    tags=("variance", "covariance", "linear combination"),
    references=MOMENT_REFS,
)

_JOINT_COVARIANCE = {"G1": "matrix d r", "G2": "matrix d r", "z": "vector d"}
_BLOCKS_NOTE = ("Every joint covariance of (x, y) ∈ ℝᵈ × ℝᵈ is a PSD matrix C = G Gᵀ (G of size 2d × r), whose blocks "
                "are Σ₁₁ = G₁G₁ᵀ, Σ₁₂ = G₁G₂ᵀ, Σ₂₁ = G₂G₁ᵀ = Σ₁₂ᵀ, Σ₂₂ = G₂G₂ᵀ for the two d × r halves G₁, G₂ of G; "
                "the statement ranges over all of them.")

covariance_blocks_notation = Entry(
    id="prob.covariance-blocks-notation",
    title="As printed: the off-diagonal blocks Σ₁₂, Σ₂₁ of a joint covariance are positive semidefinite",
    expected=REFUTED,
    symbols=_JOINT_COVARIANCE,
    statement=lambda G1, G2, z: Ge(ScalarOf(z.T * G1 * G2.T * z), 0),
    seed=seed(53, 53, r"**N.**  $\mathbf{x}, \mathbf{y} \in \mathbb{R}^d$ ,  $\Sigma_{11} \in \mathbb{R}^{d \times d}$  p.s.d.,  $\Sigma_{12} \in \mathbb{R}^{d \times d}$  p.s.d.,  $\Sigma_{21} \in \mathbb{R}^{d \times d}$  p.s.d."),
    corrected_by="prob.covariance-diagonal-blocks-psd",
    notes="The line declares notation and attaches 'p.s.d.' to every block.  " + _BLOCKS_NOTE + "  The cross-"
          "covariance Σ₁₂ can be negative: y = −x gives Σ₁₂ = −Σ₁₁.",
    aliases=("block covariance", "partitioned covariance", "cross-covariance"),
    tags=("covariance", "notation", "gaussian", "erratum"),
)

covariance_diagonal_blocks_psd = Entry(
    id="prob.covariance-diagonal-blocks-psd",
    title="The diagonal blocks of a joint covariance are positive semidefinite, and Σ₂₁ = Σ₁₂ᵀ",
    expected=PROVED,
    symbols=_JOINT_COVARIANCE,
    statement=lambda G1, G2, z: Ge(ScalarOf(z.T * G1 * G1.T * z), 0),
    notes=_BLOCKS_NOTE + "  zᵀΣ₁₁z = ‖G₁ᵀz‖² ≥ 0 is checked; Σ₂₁ = (G₁G₂ᵀ)ᵀ = Σ₁₂ᵀ is the transpose rule.",
    see_also=("prob.covariance-blocks-notation",),
    aliases=("block covariance", "partitioned covariance", "marginal covariance"),
    tags=("covariance", "psd"),
    references=("Bishop, Pattern Recognition and Machine Learning (2006), sec. 2.3.1",),
)
