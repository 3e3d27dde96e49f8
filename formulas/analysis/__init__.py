"""2 Analysis: log-derivative trick, Cauchy-Schwarz, convexity, Jensen, Taylor, Lagrange, Newton.

Summary
    The cheat sheet's second chapter, claim by claim.  Identities over vectors
    (log-derivative trick, Newton's step) are proved component-wise at several
    sizes; Cauchy-Schwarz over vectors goes through the relational engines.
    Statements about *all* convex functions, all distributions or all smooth
    functions cannot be written as one relational; they are checked by
    experiments that evaluate them exactly on a fixed, documented family of
    functions and rational points, and that fail when the claim fails.

Main statements
    * ``log_derivative_trick`` -- :math:`\nabla_\theta p_\theta = p_\theta \nabla_\theta \\log p_\theta`.
    * ``cauchy_schwarz_inner_product``, ``cauchy_schwarz_abs``, ``cauchy_schwarz_sums``,
      ``cauchy_schwarz_expectation``.
    * ``convex_first_order_condition``, ``convex_second_order_condition``,
      ``convex_local_min_global``, ``convex_nonnegative_combination``, ``convex_max``,
      ``convex_composition``.
    * ``jensen_finite``, ``jensen_expectation``.
    * ``taylor_integral_remainder``, ``newton_step_quadratic``.

Errata (false or garbled as printed, each with its correction)
    ``cauchy_schwarz_nonnegative_as_printed`` (``0 <= <u, v>``),
    ``cauchy_schwarz_expectation_as_printed`` (``E[X]^2`` for ``E[XY]^2``),
    ``convex_derivative_nonnegative_as_printed`` (``f' >= 0``), ``jensen_as_printed``
    and ``jensen_expectation_as_printed`` ("convex/concave" with one direction of
    the inequality), ``taylor_lagrange_as_printed`` (garbled remainder),
    ``newton_step_as_printed`` (garbled update).

Notation
    ``u, v, x, y`` are real column vectors; ``<u, v> = uᵀv``; ``||u|| = sqrt(uᵀu)``.
    ``p`` and ``f`` are declared smooth scalar functions of a vector.  The test
    family for experiments on convex functions is ``_CONVEX_1D`` / ``_CONVEX_2D``
    below (smooth and non-smooth members), evaluated at rational points, exactly
    or at 50 significant digits where values are transcendental.

References
    Boyd & Vandenberghe, *Convex Optimization* (2004), ch. 2-3 and 9;
    Nocedal & Wright, *Numerical Optimization* (2nd ed.), ch. 3 and 12;
    Rudin, *Principles of Mathematical Analysis* (3rd ed.), Thm. 5.15;
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
    convex_nonnegative_combination,
    convex_max,
    convex_composition,
)
from .taylor_newton import (
    taylor_lagrange_as_printed,
    taylor_integral_remainder,
)
from .convexity import (
    jensen_as_printed,
    jensen_finite,
    jensen_expectation_as_printed,
    jensen_expectation,
)
from .taylor_newton import (
    lagrangian_definition,
    newton_step_as_printed,
    newton_step_quadratic,
)
# isort: on

CHAPTER = Chapter("anal", 2, "Analysis")

__all__ = [
    "log_derivative_trick",
    "cauchy_schwarz_inner_product",
    "cauchy_schwarz_abs",
    "cauchy_schwarz_nonnegative_as_printed",
    "cauchy_schwarz_sums",
    "cauchy_schwarz_expectation_as_printed",
    "cauchy_schwarz_expectation",
    "convex_set_definition",
    "convex_set_comment",
    "convex_function_definition",
    "strictly_convex_definition",
    "convex_first_order_condition",
    "convex_derivative_nonnegative_as_printed",
    "convex_second_order_condition",
    "convex_local_min_global",
    "convex_nonnegative_combination",
    "convex_max",
    "convex_composition",
    "taylor_lagrange_as_printed",
    "taylor_integral_remainder",
    "jensen_as_printed",
    "jensen_finite",
    "jensen_expectation_as_printed",
    "jensen_expectation",
    "lagrangian_definition",
    "newton_step_as_printed",
    "newton_step_quadratic",
]
