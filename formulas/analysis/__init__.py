"""2 Analysis: the log-derivative trick, Cauchy-Schwarz, convexity, Jensen, Taylor, Lagrange and Newton.

Sections
    * ``inequalities`` -- the log-derivative trick and Cauchy-Schwarz (lines 59-69).
    * ``convexity`` -- convex sets and functions and their properties (lines 71-88).
    * ``jensen`` -- Jensen's inequality (lines 94-100).
    * ``taylor_newton`` -- Taylor's formula, the Lagrangian, Newton's step (lines 90-104).
    * ``experiments`` -- the convex test family and the exact checks on it, for the claims about every
      convex function or distribution that no relational states.

Main statements
    * ``log_derivative_trick`` -- ∇p = p ∇log p.
    * ``cauchy_schwarz_inner_product``, ``cauchy_schwarz_abs``, ``cauchy_schwarz_sums``,
      ``cauchy_schwarz_expectation``.
    * ``convex_first_order_condition``, ``convex_second_order_condition``, ``convex_local_min_global``,
      ``strictly_convex_at_most_one_minimiser``, ``convex_nonnegative_combination``, ``convex_max``,
      ``convex_composition``.
    * ``jensen_finite``, ``jensen_expectation``; ``taylor_integral_remainder``;
      ``newton_step_model_stationary``, ``newton_step_quadratic``.

Errata
    Wrong as printed: ``cauchy_schwarz_nonnegative_as_printed`` (0 ≤ ⟨u, v⟩), ``convex_derivative_nonnegative_as_printed``
    (f' ≥ 0), ``strictly_convex_has_minimum_as_printed`` (existence: eˣ has no minimiser).  Garbled as printed
    (the intended statement checked): ``cauchy_schwarz_expectation_as_printed`` (E[X]² for E[XY]²),
    ``taylor_lagrange_as_printed`` (the remainder), ``newton_step_as_printed`` (the iterate indices).

Notation
    u, v, x, y are real column vectors, ⟨u, v⟩ = uᵀv and ‖u‖ = √(uᵀu); p and f are declared smooth scalar
    functions of a vector.  The test family is ``experiments.CONVEX_1D`` / ``CONVEX_2D`` (smooth and
    non-smooth members), evaluated at rational points.

References
    Boyd & Vandenberghe, *Convex Optimization* (2004), ch. 2-3 and 9; Nocedal & Wright, *Numerical
    Optimization* (2nd ed.), ch. 3 and 12; Rudin, *Principles of Mathematical Analysis* (3rd ed.), Thm. 5.15;
    Williams, "Simple statistical gradient-following algorithms" (REINFORCE, 1992).
"""

from __future__ import annotations

# The imports list the entries in reading order, which the registry keeps: not sorted.
# isort: off
from .._authoring import Chapter
from .inequalities import (
    log_derivative_trick,
    cauchy_schwarz_inner_product,
    cauchy_schwarz_abs,
    cauchy_schwarz_nonnegative_as_printed,
    cauchy_schwarz_sums,
    cauchy_schwarz_expectation_as_printed,
    cauchy_schwarz_expectation,
)
from .convexity import (
    convex_set_definition,
    convex_set_comment,
    convex_function_definition,
    strictly_convex_definition,
    convex_first_order_condition,
    convex_derivative_nonnegative_as_printed,
    convex_second_order_condition,
    convex_local_min_global,
    strictly_convex_at_most_one_minimiser,
    strictly_convex_has_minimum_as_printed,
    convex_nonnegative_combination,
    convex_max,
    convex_composition,
)
from .taylor_newton import (
    taylor_lagrange_as_printed,
    taylor_integral_remainder,
)
from .jensen import (
    jensen_as_printed,
    jensen_finite,
    jensen_expectation_as_printed,
    jensen_expectation,
)
from .taylor_newton import (
    lagrangian_definition,
    newton_step_as_printed,
    newton_step_model_stationary,
    newton_step_quadratic,
)
# isort: on

CHAPTER = Chapter("anal", 2, "Analysis")

__all__ = [
    "log_derivative_trick", "cauchy_schwarz_inner_product", "cauchy_schwarz_abs",
    "cauchy_schwarz_nonnegative_as_printed", "cauchy_schwarz_sums", "cauchy_schwarz_expectation_as_printed",
    "cauchy_schwarz_expectation", "convex_set_definition", "convex_set_comment", "convex_function_definition",
    "strictly_convex_definition", "convex_first_order_condition", "convex_derivative_nonnegative_as_printed",
    "convex_second_order_condition", "convex_local_min_global", "strictly_convex_at_most_one_minimiser",
    "strictly_convex_has_minimum_as_printed", "convex_nonnegative_combination", "convex_max",
    "convex_composition", "taylor_lagrange_as_printed", "taylor_integral_remainder", "jensen_as_printed",
    "jensen_finite", "jensen_expectation_as_printed", "jensen_expectation", "lagrangian_definition",
    "newton_step_as_printed", "newton_step_model_stationary", "newton_step_quadratic",
]
