"""C.d.f. and densities: derivative of the c.d.f., scaling, the density of a sum (cheat sheet lines 35-37, 49-51)."""

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
    seed,
)
from .experiments import _cdf_derivative_sign, _density_scaling, _density_sum
from .moments import _MOMENT_REFS

cdf_derivative_as_printed = Entry(
    id="prob.cdf-derivative-as-printed",
    title="Derivative of the c.d.f. as printed: -dF_X/dt = f_X (sign error)",
    expected=REFUTED,
    experiment=lambda: _cdf_derivative_sign(-1),
    reason="the printed chain asserts -dF_X/dt = f_X(t); evaluated exactly on concrete distributions",
    seed=seed(35, 35, r"$\frac{\partial}{\partial t} P(X \leq t) = -\frac{\partial}{\partial t} F_X(t) = f_X(t)$  (derivative of c.d.f. is p.d.f.)"),
    corrected_by="prob.cdf-derivative-is-pdf",
    notes="With F_X(t) = P(X <= t) the first equality would also force dF/dt = -dF/dt, i.e. f_X = 0.",
    aliases=("derivative of cdf", "cdf to pdf", "density from distribution function"),
    tags=("cdf", "density"),
    references=_MOMENT_REFS,
)


def _s():
    return sp.Symbol("s", real=True)


cdf_derivative_is_pdf = Entry(
    id="prob.cdf-derivative-is-pdf",
    title="The derivative of the c.d.f. is the p.d.f.: d/dt P(X <= t) = f_X(t)",
    expected=PROVED,
    symbols={"mu": "scalar", "sigma": "scalar positive", "X": "random Normal(mu, sigma)", "t": "scalar"},
    statement=lambda X, mu, sigma, t: Eq(sp.Subs(sp.Derivative(st.Probability(X <= _s()), _s()), _s(), t),
                                         st.density(X)(t)),
    notes="Proved for X ~ Normal(mu, sigma) with symbolic parameters (SymPy evaluates P(X <= s) to the "
          "c.d.f.); the derivative is written at a bound point s = t.",
    see_also=("prob.cdf-derivative-as-printed",),
    aliases=("derivative of cdf", "cdf to pdf", "density is derivative of distribution function"),
    tags=("cdf", "density"),
    references=_MOMENT_REFS,
)


density_scaling_as_printed = Entry(
    id="prob.density-scaling-as-printed",
    title="Density of a scaled variable as printed: f(y) = (1/alpha) f_Y(y/alpha), alpha unrestricted",
    expected=REFUTED,
    experiment=lambda: _density_scaling(abs_value=False),
    reason="read as the density of alpha*Y (the only reading that makes f_alpha a density); the printed line "
           "puts no sign condition on alpha, and for alpha < 0 the right side is negative",
    seed=seed(37, 37, r"$f_{\alpha}(y) = \frac{1}{\alpha} f_Y(\frac{y}{\alpha})$"),
    corrected_by="prob.density-scaling",
    notes="Correct as printed when alpha > 0 (alpha a scale parameter); in general the factor is 1/|alpha|.",
    aliases=("density of scaled variable", "scale family", "change of variables", "f_{aY}"),
    tags=("density", "change of variables", "scale"),
    references=("Casella & Berger, Statistical Inference (2nd ed.), Thm. 2.1.5 and sec. 3.5",),
)


density_scaling = Entry(
    id="prob.density-scaling",
    title="Density of a scaled variable: f_{alpha Y}(y) = f_Y(y/alpha) / |alpha| for alpha != 0",
    expected=CONFIRMED,
    experiment=lambda: _density_scaling(abs_value=True),
    reason="checked exactly (symbolic in y) against the derivative of P(alpha Y <= y) for Y ~ Normal(0, 1) "
           "and alpha in {2, 1/2, -1, -3}",
    aliases=("density of scaled variable", "scale family", "change of variables", "f_{aY}"),
    tags=("density", "change of variables", "scale"),
    references=("Casella & Berger, Statistical Inference (2nd ed.), Thm. 2.1.5 and sec. 3.5",),
)


density_sum_as_printed = Entry(
    id="prob.density-sum-as-printed",
    title="Density of a sum as printed: integral from -oo to z, in dt",
    expected=REFUTED,
    experiment=lambda: _density_sum(printed=True),
    reason="read with dx (with dt the integrand is constant in t and the integral diverges); the upper limit z "
           "cuts off mass whenever Y can be negative or X can exceed z.  Checked exactly against the derivative "
           "of P(X + Y <= z)",
    seed=seed(49, 49, r"**T.** Let  $X, Y$  be indep., then the p.d.f. of  $Z = X + Y$  is the conv. of the p.d.f. of  $X$  and  $Y$ :  $f_Z(z) = \int_{-\infty}^z f_X(x) f_Y(z-x) dt$"),
    corrected_by="prob.density-sum-convolution",
    notes="The upper limit z is right only when Y >= 0 almost surely.",
    aliases=("density of sum", "convolution of densities", "sum of independent random variables"),
    tags=("density", "convolution", "independence"),
    references=("Casella & Berger, Statistical Inference (2nd ed.), Thm. 5.2.9",),
)


density_sum_convolution = Entry(
    id="prob.density-sum-convolution",
    title="Density of a sum of independent variables: f_Z(z) = integral f_X(x) f_Y(z - x) dx over R",
    expected=CONFIRMED,
    experiment=lambda: _density_sum(printed=False),
    reason="checked exactly at four points against the derivative of P(X + Y <= z), for independent "
           "Uniform(-1, 1) and Uniform(-1, 2)",
    aliases=("density of sum", "convolution of densities", "convolution theorem", "f_{X+Y}"),
    tags=("density", "convolution", "independence"),
    references=("Casella & Berger, Statistical Inference (2nd ed.), Thm. 5.2.9",),
)


density_sum_fragment = Entry(
    id="prob.density-sum-fragment",
    title="'f_R(x-t) f_Y(t) dt' (fragment)",
    expected=NOT_CHECKABLE,
    reason="a fragment of the convolution integral: the integral sign, its limits and the left-hand side are "
           "lost, and f_R is undefined",
    seed=seed(51, 51, r"**T.**  $\text{f}_R(x-t) f_Y(t) dt$"),
    corrected_by="prob.density-sum-convolution",
    aliases=("convolution",),
    tags=("density", "convolution"),
)
