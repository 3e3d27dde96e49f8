"""C.d.f. and densities: the derivative of the c.d.f., scaling, the density of a sum (cheat sheet lines 35-37, 49-51)."""

from __future__ import annotations

import sympy as sp
from sympy import stats as st

from .._authoring import CONFIRMED, NOT_CHECKABLE, REFUTED, Entry, Eq, seed
from . import experiments
from .moments import MOMENT_REFS

_NORMAL = {"mu": "scalar", "sigma": "scalar positive", "X": "random Normal(mu, sigma)", "t": "scalar"}


def _s():
    return sp.Symbol("s", real=True)


def _cdf_slope(X, t):
    """d/ds P(X ≤ s) at s = t (SymPy evaluates P(X ≤ s) to the c.d.f.)."""
    return sp.Subs(sp.Derivative(st.Probability(X <= _s()), _s()), _s(), t)


cdf_derivative_as_printed = Entry(
    id="prob.cdf-derivative-as-printed",
    title="Derivative of the c.d.f. as printed: −dF/dt = f (sign error)",
    expected=REFUTED,
    symbols=_NORMAL,
    statement=lambda X, mu, sigma, t: Eq(-_cdf_slope(X, t), st.density(X)(t)),
    seed=seed(35, 35, r"$\frac{\partial}{\partial t} P(X \leq t) = -\frac{\partial}{\partial t} F_X(t) = f_X(t)$  (derivative of c.d.f. is p.d.f.)"),
    corrected_by="prob.cdf-derivative-is-pdf",
    notes="The printed chain asserts −dF/dt = f, F the c.d.f. and f the density of X; refuted for X ∼ Normal(μ, σ) "
          "with symbolic parameters.  With F(t) = P(X ≤ t) the first equality would also force dF/dt = −dF/dt, "
          "that is f = 0.",
    aliases=("derivative of cdf", "cdf to pdf", "density from distribution function"),
    tags=("cdf", "density", "erratum"),
    references=MOMENT_REFS,
)

cdf_derivative_is_pdf = Entry(
    id="prob.cdf-derivative-is-pdf",
    title="The derivative of the c.d.f. is the density: d/dt P(X ≤ t) = f(t)",
    expected=CONFIRMED,
    instance="X ~ Normal(μ, σ) (the line is for any continuous distribution)",
    symbols=_NORMAL,
    statement=lambda X, mu, sigma, t: Eq(_cdf_slope(X, t), st.density(X)(t)),
    notes="Checked for X ∼ Normal(μ, σ) with symbolic parameters; the derivative is taken in a bound variable s "
          "and evaluated at s = t.",
    see_also=("prob.cdf-derivative-as-printed",),
    aliases=("derivative of cdf", "cdf to pdf", "density is derivative of distribution function"),
    tags=("cdf", "density"),
    references=MOMENT_REFS,
)

_SCALING_REFS = ("Casella & Berger, Statistical Inference (2nd ed.), Thm. 2.1.5 and sec. 3.5",)
_NO_FAST_STATEMENT = ("the density of αY is the derivative of P(αY ≤ y); as a sympy.stats statement over a symbolic "
                      "α its check takes over a minute (the Normal c.d.f. of y/α for either sign of α), so it is "
                      "checked exactly, symbolically in y, for Y ∼ Normal(0, 1) and α ∈ {2, 1/2, −1, −3}")

density_scaling_as_printed = Entry(
    id="prob.density-scaling-as-printed",
    title="Density of a scaled variable as printed: αY has density f(y/α)/α, α unrestricted",
    expected=REFUTED,
    experiment=experiments.density_scaling_as_printed,
    reason="read as the density of αY (the reading that makes f_α a density), with the sign of α left open as "
           "printed: " + _NO_FAST_STATEMENT,
    seed=seed(37, 37, r"$f_{\alpha}(y) = \frac{1}{\alpha} f_Y(\frac{y}{\alpha})$"),
    corrected_by="prob.density-scaling",
    notes="Right when α > 0 (α a scale parameter); for α < 0 the right side is negative, and in general the factor "
          "is 1/|α|.",
    aliases=("density of scaled variable", "scale family", "change of variables", "f_{aY}"),
    tags=("density", "change of variables", "scale", "erratum"),
    references=_SCALING_REFS,
)

density_scaling = Entry(
    id="prob.density-scaling",
    title="Density of a scaled variable: the density of αY is f(y/α)/|α| for α ≠ 0, f the density of Y",
    expected=CONFIRMED,
    experiment=experiments.density_scaling,
    reason=_NO_FAST_STATEMENT,
    aliases=("density of scaled variable", "scale family", "change of variables", "f_{aY}"),
    tags=("density", "change of variables", "scale"),
    references=_SCALING_REFS,
)

_SUM_REFS = ("Casella & Berger, Statistical Inference (2nd ed.), Thm. 5.2.9",)
_CONVOLUTION_EVIDENCE = ("a claim about every pair of independent densities; the evaluators have no integrals, so it is "
                         "checked exactly at four points against the derivative of P(X + Y ≤ z), for independent "
                         "X ∼ Uniform(−1, 1) and Y ∼ Uniform(−1, 2)")

density_sum_as_printed = Entry(
    id="prob.density-sum-as-printed",
    title="Density of a sum as printed: X + Y has density ∫ f(x) g(z − x) dx from −∞ to z",
    expected=REFUTED,
    experiment=experiments.density_sum_as_printed,
    reason=_CONVOLUTION_EVIDENCE + "; the upper limit z cuts off mass whenever Y can be negative",
    seed=seed(49, 49, r"**T.** Let  $X, Y$  be indep., then the p.d.f. of  $Z = X + Y$  is the conv. of the p.d.f. of  $X$  and  $Y$ :  $f_Z(z) = \int_{-\infty}^z f_X(x) f_Y(z-x) dt$"),
    corrected_by="prob.density-sum-convolution",
    notes="f and g are the densities of X and Y.  The printed 'dt' is read as dx (with dt the integrand does not depend on t and the integral diverges).  "
          "The upper limit z is right only when Y ≥ 0 almost surely.",
    aliases=("density of sum", "convolution of densities", "sum of independent random variables"),
    tags=("density", "convolution", "independence", "erratum"),
    references=_SUM_REFS,
)

density_sum_convolution = Entry(
    id="prob.density-sum-convolution",
    title="The density of a sum of independent variables is the convolution ∫ f(x) g(z − x) dx over ℝ",
    expected=CONFIRMED,
    experiment=experiments.density_sum_convolution,
    reason=_CONVOLUTION_EVIDENCE,
    notes="f and g are the densities of X and Y.",
    aliases=("density of sum", "convolution of densities", "convolution theorem", "f_{X+Y}"),
    tags=("density", "convolution", "independence"),
    references=_SUM_REFS,
)

density_sum_fragment = Entry(
    id="prob.density-sum-fragment",
    title="A fragment of the convolution integral, garbled beyond a single reading",
    expected=NOT_CHECKABLE,
    reason="garbled beyond a single reading: the integral sign, its limits and the left-hand side are lost, and "
           "f_R is undefined, so no relation is left to check; the commuted convolution it resembles, "
           "∫ f(x − t) g(t) dt, is prob.density-sum-convolution after the substitution t = z − x",
    seed=seed(51, 51, r"**T.**  $\text{f}_R(x-t) f_Y(t) dt$"),
    corrected_by="prob.density-sum-convolution",
    aliases=("convolution",),
    tags=("density", "convolution"),
)
