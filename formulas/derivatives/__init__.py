"""4 Derivatives: matrix calculus in denominator layout.

The sheet fixes the **denominator layout**: for f: ℝⁿ → ℝᵐ the derivative ∂f/∂x has entries
(∂f/∂x)ᵢⱼ = ∂fⱼ/∂xᵢ and is an n × m matrix, so the gradient of a scalar has the shape of its variable.
Every statement uses the node :class:`~formulas.nodes.D`, which is exactly that derivative.

Sections
    * ``layout`` -- the layout convention and the chain rule (lines 120-128, 138).
    * ``scalar_by_vector`` -- 4.2 (lines 134-154).
    * ``vector_by_vector`` -- 4.3 (lines 158-172).
    * ``scalar_by_matrix`` -- 4.4 (lines 190-196) and the Cookbook's log-det and trace gradients.
    * ``linear_forms`` -- linear functions, hyperplanes, level sets (lines 198-208).
    * ``experiments`` -- the one claim about every function (linear functionals are inner products).

Main statements
    * ``jacobian_linear_map`` -- ∂(Ax)/∂x = Aᵀ; ``jacobian_linear_map_transpose`` -- ∂(Aᵀx)/∂x = A.
    * ``grad_linear_form`` -- ∂(aᵀx)/∂x = a; ``grad_quadratic_form`` -- ∂(xᵀAx)/∂x = (A + Aᵀ)x.
    * ``chain_rule_denominator`` -- ∂f(g(x))/∂x = (∂g/∂x)(∂f/∂g): the inner Jacobian comes first.
    * Product rules: ``grad_product_scalar_fields``, ``grad_scalar_times_vector_field``,
      ``grad_inner_product_fields``, ``grad_bilinear_form_fields``, ``grad_squared_norm_field``.
    * Scalar-by-matrix: ``grad_bilinear_form_matrix`` (∂(aᵀXb)/∂X = abᵀ), ``grad_logdet`` (X⁻ᵀ),
      ``grad_logdet_spd``, ``grad_trace_ax``, ``grad_trace_axb``, ``grad_trace_inverse``.

Errata
    Dropped transposes (∂(xᵀA)/∂x = Aᵀ, ∂(Aᵀx)/∂x = (∂x/∂x)Aᵀ), ∂(Aᵀx)/∂x = a and = (A + Aᵀ)x,
    ∂A/∂x = A, the chain rule in numerator order (lines 124-126) and the lines that use that order
    (136, 160), the chain rule as a sum; garbled lines with their intended statement checked (134, 152).

Notation
    x is the variable (a vector in ℝⁿ), X a matrix variable; a, b, e constant vectors, A, B, C constant
    matrices; u, v declared scalar functions of x (``function x``), f, g declared vector functions
    (``function x m``).  Size letters differ (n, m, k) wherever shapes allow, so a dropped transpose changes
    a shape.  The sheet writes ∂/∂x also for derivatives by the matrix X (its 4.4): those lines are read as
    ∂/∂X.  Entries are checked at several concrete sizes exactly (explicit symbolic matrices, derivatives
    entry by entry) and in float64 with torch autograd.

Engine limits met here
    The evaluators cannot take a Jacobian *at an inner function's value*, so the chain rule is checked with
    a general inner function g and outer functions whose Jacobian has a closed form (f(y) = Cy; u(y) = yᵀBy).

References
    K. B. Petersen & M. S. Pedersen, *The Matrix Cookbook* (Nov. 2012), sections 2.1-2.5 (equation numbers
    cited per entry); Magnus & Neudecker, *Matrix Differential Calculus*.
"""

from __future__ import annotations

# The imports list the entries in reading order, which the registry keeps: not sorted.
# isort: off
from .._authoring import Chapter
from .layout import (
    jacobian_denominator_layout,
    jacobian_denominator_is_m_by_n,
    jacobian_numerator_transpose,
    chain_rule_denominator,
    chain_rule_scalar_outer,
    chain_rule_numerator_order,
    chain_rule_as_sum,
)
from .scalar_by_vector import (
    grad_product_scalar_fields,
    grad_product_rule_garbled,
    grad_identity_jacobian_factor,
    grad_times_identity_jacobian,
    grad_bilinear_form_fields,
    grad_bilinear_form_fields_missing_transpose,
    jacobian_linear_map,
    jacobian_linear_map_transpose,
    jacobian_transpose_linear_map_eq_a,
    jacobian_transpose_linear_map_eq_quadratic_grad,
    grad_squared_norm,
    grad_linear_form,
    grad_linear_form_via_identity,
    grad_rank_one_quadratic_form,
    grad_linear_form_eq_rank_two_term,
    grad_affine_bilinear_form,
    grad_affine_bilinear_form_garbled,
    grad_squared_norm_field,
    grad_squared_norm_field_eq_2_jacobian,
)
from .vector_by_vector import (
    vector_by_vector_notation,
    grad_scalar_times_vector_field,
    grad_scalar_times_vector_field_garbled,
    grad_inner_product_fields,
    jacobian_elementwise_product,
    jacobian_elementwise_product_left,
    jacobian_hadamard_left_eq_a,
    jacobian_kronecker_vector,
    jacobian_identity,
    jacobian_constant,
    jacobian_constant_eq_itself,
    jacobian_row_linear_map_eq_a_transpose,
    jacobian_transpose_linear_map_eq_a_transpose,
)
from .scalar_by_matrix import (
    scalar_by_matrix_notation,
    grad_bilinear_form_matrix,
    grad_bilinear_form_matrix_transpose,
    grad_bilinear_form_matrix_transpose_repeated,
    grad_logdet,
    grad_logdet_spd,
    grad_trace,
    grad_trace_ax,
    grad_trace_axb,
    grad_trace_inverse,
    grad_quadratic_form,
    grad_quadratic_form_symmetric,
)
from .linear_forms import (
    linear_form_is_linear,
    linear_iff_inner_product,
    hyperplane_definition,
    hyperplane_point_normal_form,
    level_set_definition,
)
# isort: on

CHAPTER = Chapter("deriv", 4, "Derivatives")

__all__ = [
    "jacobian_denominator_layout",
    "jacobian_denominator_is_m_by_n",
    "jacobian_numerator_transpose",
    "chain_rule_denominator",
    "chain_rule_scalar_outer",
    "chain_rule_numerator_order",
    "chain_rule_as_sum",
    "grad_product_scalar_fields",
    "grad_product_rule_garbled",
    "grad_identity_jacobian_factor",
    "grad_times_identity_jacobian",
    "grad_bilinear_form_fields",
    "grad_bilinear_form_fields_missing_transpose",
    "jacobian_linear_map",
    "jacobian_linear_map_transpose",
    "jacobian_transpose_linear_map_eq_a",
    "jacobian_transpose_linear_map_eq_quadratic_grad",
    "grad_squared_norm",
    "grad_linear_form",
    "grad_linear_form_via_identity",
    "grad_rank_one_quadratic_form",
    "grad_linear_form_eq_rank_two_term",
    "grad_affine_bilinear_form",
    "grad_affine_bilinear_form_garbled",
    "grad_squared_norm_field",
    "grad_squared_norm_field_eq_2_jacobian",
    "vector_by_vector_notation",
    "grad_scalar_times_vector_field",
    "grad_scalar_times_vector_field_garbled",
    "grad_inner_product_fields",
    "jacobian_elementwise_product",
    "jacobian_elementwise_product_left",
    "jacobian_hadamard_left_eq_a",
    "jacobian_kronecker_vector",
    "jacobian_identity",
    "jacobian_constant",
    "jacobian_constant_eq_itself",
    "jacobian_row_linear_map_eq_a_transpose",
    "jacobian_transpose_linear_map_eq_a_transpose",
    "scalar_by_matrix_notation",
    "grad_bilinear_form_matrix",
    "grad_bilinear_form_matrix_transpose",
    "grad_bilinear_form_matrix_transpose_repeated",
    "grad_logdet",
    "grad_logdet_spd",
    "grad_trace",
    "grad_trace_ax",
    "grad_trace_axb",
    "grad_trace_inverse",
    "grad_quadratic_form",
    "grad_quadratic_form_symmetric",
    "linear_form_is_linear",
    "linear_iff_inner_product",
    "hyperplane_definition",
    "hyperplane_point_normal_form",
    "level_set_definition",
]
