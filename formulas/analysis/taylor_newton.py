"""Taylor's formula, the Lagrangian and Newton's step (cheat sheet lines 90-104)."""

from __future__ import annotations

from .._authoring import (
    CONFIRMED,
    NOT_CHECKABLE,
    PROVED,
    D,
    Entry,
    Eq,
    Inverse,
    ScalarOf,
    seed,
)
from .experiments import _taylor_integral

# -- 2.4 Taylor ------------------------------------------------------------------------------------
taylor_lagrange_as_printed = Entry(
    id="anal.taylor-lagrange-as-printed",
    title="Taylor's formula as printed (garbled remainder)",
    expected=NOT_CHECKABLE,
    reason="garbled remainder: 'sum_{k=0}^n f^{(n+1)}(x - t)/n! dt' has a 'dt' with no integral, a summand "
           "that does not depend on k, and f^{(n+1)} evaluated at x - t; neither the integral form nor the "
           "Lagrange form f^{(n+1)}(xi)(x - x0)^{n+1}/(n+1)! can be read off",
    seed=seed(92, 92, r"$f(x) = \sum_{k=0}^n \frac{f^{(k)}(x_0)}{k!} (x - x_0)^k + \sum_{k=0}^n \frac{f^{(n+1)}(x-t)}{n!} dt$"),
    corrected_by="anal.taylor-integral-remainder",
    aliases=("Taylor", "Taylor-Lagrange", "Taylor remainder"),
    tags=("taylor", "approximation"),
)


taylor_integral_remainder = Entry(
    id="anal.taylor-integral-remainder",
    title="Taylor's formula with integral remainder",
    expected=CONFIRMED,
    experiment=_taylor_integral,
    reason="the remainder integral is outside the relational engines: checked as an exact symbolic identity in "
           "x and x0 for several functions and orders",
    notes="f(x) = sum_{k=0}^n f^(k)(x0)/k! (x - x0)^k + integral_{x0}^{x} f^(n+1)(t) (x - t)^n / n! dt.  "
          "By the mean value theorem for integrals the remainder equals f^(n+1)(xi) (x - x0)^(n+1)/(n+1)! "
          "for some xi between x0 and x (Lagrange form).",
    aliases=("Taylor", "Taylor-Lagrange", "Taylor remainder", "Taylor expansion", "integral remainder"),
    tags=("taylor", "approximation"),
    references=("Rudin, Principles of Mathematical Analysis (3rd ed.), Thm. 5.15",),
)


# -- 2.6 Lagrangian and Newton ------------------------------------------------------------------------
lagrangian_definition = Entry(
    id="anal.lagrangian-definition",
    title="Lagrangian of an equality-constrained problem: L = f - gamma (g - c)",
    expected=NOT_CHECKABLE,
    definition=True,
    seed=seed(102, 102, r"**D.** (Lagrangian Formulation) of  $\arg \max_{x,y} f(x, y)$  s.t.  $g(x, y) = c: L(x, y, \gamma) = f(x, y) - \gamma(g(x, y) - c)$"),
    aliases=("Lagrangian", "Lagrange multiplier", "constrained optimization"),
    tags=("optimization", "constraints"),
    references=("Nocedal & Wright, Numerical Optimization (2nd ed.), sec. 12.1",),
)


newton_step_as_printed = Entry(
    id="anal.newton-step-as-printed",
    title="Newton's step as printed: x* = x* - Hess(f(x*))^{-1} grad f(x*)",
    expected=NOT_CHECKABLE,
    reason="garbled: the iterate indices are lost and x* stands on both sides, so the line reads as the "
           "fixed-point condition grad f(x*) = 0 rather than the update x_{k+1} = x_k - H(x_k)^{-1} grad f(x_k); "
           "'Hess(f(x*))' also applies the Hessian to a value",
    seed=seed(104, 104, r"$x^* = \mathbf{x}^* - \text{Hess}(f(x^*))^{-1} \nabla_{\mathbf{x}} f(x^*)$"),
    corrected_by="anal.newton-step-quadratic",
    aliases=("Newton step", "Newton's method", "Newton update"),
    tags=("optimization", "Newton", "Hessian"),
)


def _newton_quadratic(x, A, b):
    f = ScalarOf(x.T * A * x) / 2 - ScalarOf(b.T * x)
    grad = D(f, x)  # (n, 1)
    hess = D(grad, x)  # (n, n)
    return Eq(x - Inverse(hess) * grad, Inverse(A) * b)


newton_step_quadratic = Entry(
    id="anal.newton-step-quadratic",
    title="One Newton step x - H⁻¹ grad f reaches the minimiser A⁻¹b of f = xᵀAx/2 - bᵀx from any x",
    expected=PROVED,
    symbols={"x": "vector n", "A": "matrix n n spd", "b": "vector n"},
    statement=_newton_quadratic,
    notes="The Newton update is x_{k+1} = x_k - H(x_k)^{-1} grad f(x_k), the minimiser of the second-order "
          "Taylor model at x_k; on a quadratic the model is exact, so one step lands on the minimiser.  The "
          "gradient and Hessian are computed from f, not assumed.",
    aliases=("Newton step", "Newton's method", "Newton update", "Newton-Raphson"),
    tags=("optimization", "Newton", "Hessian"),
    references=("Nocedal & Wright, Numerical Optimization (2nd ed.), sec. 3.3",
                "Boyd & Vandenberghe, Convex Optimization (2004), sec. 9.5"),
)
