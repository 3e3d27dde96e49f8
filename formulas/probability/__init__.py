"""1 Probability: rules of probability, moments, densities, MGFs and Chebyshev's inequality.

Sections
    * ``rules`` -- sum rule, product rule, Bayes' rule, conditional independence (lines 5-15).
    * ``moments`` -- expectation, covariance and variance, the blocks of a joint covariance (lines 17-33, 53).
    * ``densities`` -- the derivative of the c.d.f., scaling, the density of a sum (lines 35-37, 49-51).
    * ``mgf`` -- moment generating functions (lines 39-47).
    * ``tail_bound`` -- Chebyshev's inequality (line 55).
    * ``experiments`` -- exact checks on finite joint distributions and concrete densities, for the claims
      about every distribution that no single relational states.

Main statements
    * ``var_expectation_form`` -- Var[X] = E[X²] − E[X]²; ``var_affine`` -- Var[aX + b] = a² Var[X];
      ``var_matrix_transform`` -- Var[AX] = A Var[X] Aᵀ; ``var_linear_combination``.
    * ``mgf_normal``, ``mgf_binomial``, ``mgf_gamma``, ``mgf_poisson``, ``mgf_linear_combination``,
      ``mgf_characterizes_distribution``.
    * ``cdf_derivative_is_pdf``, ``density_sum_convolution``, ``chebyshev``.

Errata
    Wrong as printed (refuted, each with its correction): ``cdf_derivative_as_printed`` (sign),
    ``density_scaling_as_printed`` (needs |α|), ``mgf_poisson_as_printed`` (e⁻ᵗ), ``density_sum_as_printed``
    (upper limit z), ``covariance_blocks_notation`` (the cross-covariance is not p.s.d.).  Garbled as printed
    (the intended statement checked): ``expectation_as_printed``, ``cov_definition_as_printed``,
    ``cov_self_as_printed``, ``var_matrix_as_printed``, ``binary_entropy_as_printed`` (the Bernoulli MGF),
    ``mgf_binomial_as_printed``, ``mgf_gamma_as_printed``; ``density_sum_fragment`` is beyond reading.

Notation
    X, Y, X1, … are scalar random variables; without a distribution they are abstract (any law with the
    needed moments).  Gamma(k, θ) has shape k and scale θ; Normal(μ, σ) has standard deviation σ.  Sums over
    n terms are written for a fixed small n (the grammar has no indexed families of random variables); each
    such entry says so.

References
    Bishop, *Pattern Recognition and Machine Learning* (2006), ch. 1-2; Casella & Berger, *Statistical
    Inference* (2nd ed.), ch. 1-5; Wasserman, *All of Statistics* (2004), ch. 1-4.
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
    mgf_characterizes_distribution,
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
    covariance_diagonal_blocks_psd,
)
from .tail_bound import chebyshev
# isort: on

CHAPTER = Chapter("prob", 1, "Probability")

__all__ = [
    "sum_rule", "product_rule", "independence_definition", "bayes_rule", "cond_independence_definition",
    "cond_independence_drop", "expectation_as_printed", "expectation_integral", "cov_definition_as_printed",
    "cov_expectation_form", "cov_shortcut", "cov_self_as_printed", "cov_self_is_variance", "cov_independent_zero",
    "outer_product_psd", "var_expectation_form", "var_matrix_as_printed", "var_matrix_transform", "var_affine",
    "var_linear_combination", "var_linear_combination_ordered", "cdf_derivative_as_printed",
    "cdf_derivative_is_pdf", "density_scaling_as_printed", "density_scaling", "mgf_definition",
    "mgf_characterizes_distribution", "binary_entropy_as_printed", "entropy_bernoulli", "mgf_bernoulli",
    "mgf_normal", "mgf_binomial_as_printed", "mgf_binomial", "mgf_gamma_as_printed", "mgf_gamma",
    "mgf_poisson_as_printed", "mgf_poisson", "mgf_linear_combination", "density_sum_as_printed",
    "density_sum_convolution", "density_sum_fragment", "covariance_blocks_notation",
    "covariance_diagonal_blocks_psd", "chebyshev",
]
