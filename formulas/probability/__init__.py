"""1 Probability: rules of probability, moments, MGFs, densities, Chebyshev.

Summary
    The cheat sheet's first chapter, claim by claim.  Identities between moments
    of abstract random variables are proved with ``sympy.stats`` (``Variance(...)
    .expand()``) and re-checked on random finite distributions with rational
    probabilities; MGFs of named distributions are proved with SymPy's closed
    forms and re-evaluated at random parameters; claims about events (sum rule,
    Bayes) and inequalities (Chebyshev) are checked by experiments on exact finite
    probability spaces, which the relational engines cannot express.

Main statements
    * ``sum_rule``, ``product_rule``, ``bayes_rule``, ``cond_independence_drop``.
    * ``var_expectation_form`` -- :math:`\\mathrm{Var}[X] = E[X^2] - E[X]^2`.
    * ``var_affine`` -- :math:`\\mathrm{Var}[aX + b] = a^2 \\mathrm{Var}[X]`.
    * ``var_linear_combination`` -- variance of :math:`\\sum_i a_i X_i`.
    * ``mgf_normal``, ``mgf_binomial``, ``mgf_gamma``, ``mgf_poisson``,
      ``mgf_linear_combination``.
    * ``density_sum_convolution`` -- :math:`f_{X+Y} = f_X * f_Y`.
    * ``chebyshev``.

Errata (false or garbled as printed, each with its correction)
    ``expectation_as_printed`` (missing ``t``), ``cov_definition_as_printed``
    (misplaced bracket), ``cov_self_as_printed``, ``var_matrix_as_printed``,
    ``cdf_derivative_as_printed`` (sign), ``density_scaling_as_printed`` (needs
    :math:`|\alpha|`), ``binary_entropy_as_printed``, ``mgf_binomial_as_printed``,
    ``mgf_gamma_as_printed``, ``mgf_poisson_as_printed`` (:math:`e^{-t}`),
    ``density_sum_as_printed`` (upper limit and ``dt``), ``density_sum_fragment``.

Notation
    ``X, Y, X1, ...`` are scalar random variables; without a distribution they are
    abstract (any distribution with the needed moments).  ``Gamma(k, theta)`` has
    shape ``k`` and **scale** ``theta``; ``Normal(mu, sigma)`` has standard
    deviation ``sigma``.  Sums over ``n`` terms are written for a fixed small ``n``
    (the symbol grammar has no indexed families of random variables); each such
    entry says so in its notes.

References
    Bishop, *Pattern Recognition and Machine Learning* (2006), ch. 1-2;
    Casella & Berger, *Statistical Inference* (2nd ed.), ch. 1-4;
    Wasserman, *All of Statistics* (2004), ch. 1-4.
"""

from __future__ import annotations

# The imports list the entries in reading order, which the registry keeps: not sorted.
# isort: off
from .._authoring import Chapter
from .rules import (
    sum_rule,
    product_rule,
    independence_definition,
    bayes_rule,
    cond_independence_definition,
    cond_independence_drop,
)
from .moments import (
    expectation_as_printed,
    expectation_integral,
    cov_definition_as_printed,
    cov_expectation_form,
    cov_shortcut,
    cov_self_as_printed,
    cov_self_is_variance,
    cov_independent_zero,
    outer_product_psd,
    var_expectation_form,
    var_matrix_as_printed,
    var_matrix_transform,
    var_affine,
    var_linear_combination,
    var_linear_combination_ordered,
)
from .densities import (
    cdf_derivative_as_printed,
    cdf_derivative_is_pdf,
    density_scaling_as_printed,
    density_scaling,
)
from .mgf import (
    mgf_definition,
    binary_entropy_as_printed,
    entropy_bernoulli,
    mgf_bernoulli,
    mgf_normal,
    mgf_binomial_as_printed,
    mgf_binomial,
    mgf_gamma_as_printed,
    mgf_gamma,
    mgf_poisson_as_printed,
    mgf_poisson,
    mgf_linear_combination,
)
from .densities import (
    density_sum_as_printed,
    density_sum_convolution,
    density_sum_fragment,
)
from .moments import (
    covariance_blocks_notation,
    chebyshev,
)
# isort: on

CHAPTER = Chapter("prob", 1, "Probability")

__all__ = [
    "sum_rule",
    "product_rule",
    "independence_definition",
    "bayes_rule",
    "cond_independence_definition",
    "cond_independence_drop",
    "expectation_as_printed",
    "expectation_integral",
    "cov_definition_as_printed",
    "cov_expectation_form",
    "cov_shortcut",
    "cov_self_as_printed",
    "cov_self_is_variance",
    "cov_independent_zero",
    "outer_product_psd",
    "var_expectation_form",
    "var_matrix_as_printed",
    "var_matrix_transform",
    "var_affine",
    "var_linear_combination",
    "var_linear_combination_ordered",
    "cdf_derivative_as_printed",
    "cdf_derivative_is_pdf",
    "density_scaling_as_printed",
    "density_scaling",
    "mgf_definition",
    "binary_entropy_as_printed",
    "entropy_bernoulli",
    "mgf_bernoulli",
    "mgf_normal",
    "mgf_binomial_as_printed",
    "mgf_binomial",
    "mgf_gamma_as_printed",
    "mgf_gamma",
    "mgf_poisson_as_printed",
    "mgf_poisson",
    "mgf_linear_combination",
    "density_sum_as_printed",
    "density_sum_convolution",
    "density_sum_fragment",
    "covariance_blocks_notation",
    "chebyshev",
]
