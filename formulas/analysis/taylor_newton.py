"""Taylor's formula, the Lagrangian and Newton's step (cheat sheet lines 90-104)."""

from __future__ import annotations

from .._authoring import CONFIRMED, NOT_CHECKABLE, PROVED, D, Entry, Eq, Inverse, ScalarOf, seed
from . import experiments

_TAYLOR_EVIDENCE = ("a claim about every smooth function, with an integral the evaluators cannot take: checked as an "
                    "exact symbolic identity in x and x₀ for exp, sin and a quintic at orders n = 0..3")
_NEWTON_REFS = ("Nocedal & Wright, Numerical Optimization (2nd ed.), sec. 3.3",
                "Boyd & Vandenberghe, Convex Optimization (2004), sec. 9.5")

taylor_lagrange_as_printed = Entry(
    id="anal.taylor-lagrange-as-printed",
    title="Taylor's formula: f is its Taylor polynomial at x₀ plus a remainder (garbled as printed: the remainder)",
    expected=CONFIRMED,
    experiment=experiments.taylor_integral_remainder,
    reason=_TAYLOR_EVIDENCE,
    seed=seed(92, 92, r"$f(x) = \sum_{k=0}^n \frac{f^{(k)}(x_0)}{k!} (x - x_0)^k + \sum_{k=0}^n \frac{f^{(n+1)}(x-t)}{n!} dt$"),
    corrected_by="anal.taylor-integral-remainder",
    notes="Garbled as printed: the remainder '∑ₖ f⁽ⁿ⁺¹⁾(x − t)/n! dt' has a dt without an integral and a summand "
          "free of k.  Titled 'Taylor-Lagrange', the line states Taylor's theorem; its integral remainder "
          "∫ f⁽ⁿ⁺¹⁾(t)(x − t)ⁿ/n! dt (which the print resembles) is checked, and equals the Lagrange form "
          "f⁽ⁿ⁺¹⁾(ξ)(x − x₀)ⁿ⁺¹/(n + 1)! for some ξ between x₀ and x.",
    aliases=("Taylor", "Taylor-Lagrange", "Taylor remainder"),
    tags=("taylor", "approximation"),
    references=("Rudin, Principles of Mathematical Analysis (3rd ed.), Thm. 5.15",),
)

taylor_integral_remainder = Entry(
    id="anal.taylor-integral-remainder",
    title="Taylor's formula with integral remainder: f(x) = ∑ₖ f⁽ᵏ⁾(x₀)(x − x₀)ᵏ/k! + ∫ f⁽ⁿ⁺¹⁾(t)(x − t)ⁿ/n! dt",
    expected=CONFIRMED,
    experiment=experiments.taylor_integral_remainder,
    reason=_TAYLOR_EVIDENCE,
    notes="The sum runs over k = 0..n and the integral from x₀ to x.  By the mean value theorem for integrals the "
          "remainder equals f⁽ⁿ⁺¹⁾(ξ)(x − x₀)ⁿ⁺¹/(n + 1)! for some ξ between x₀ and x (the Lagrange form).",
    aliases=("Taylor", "Taylor-Lagrange", "Taylor remainder", "Taylor expansion", "integral remainder"),
    tags=("taylor", "approximation"),
    references=("Rudin, Principles of Mathematical Analysis (3rd ed.), Thm. 5.15",),
)

lagrangian_definition = Entry(
    id="anal.lagrangian-definition",
    title="Lagrangian of an equality-constrained problem: L(x, y, γ) = f(x, y) − γ(g(x, y) − c)",
    expected=NOT_CHECKABLE,
    definition=True,
    seed=seed(102, 102, r"**D.** (Lagrangian Formulation) of  $\arg \max_{x,y} f(x, y)$  s.t.  $g(x, y) = c: L(x, y, \gamma) = f(x, y) - \gamma(g(x, y) - c)$"),
    aliases=("Lagrangian", "Lagrange multiplier", "constrained optimization"),
    tags=("optimization", "constraints"),
    references=("Nocedal & Wright, Numerical Optimization (2nd ed.), sec. 12.1",),
)

_NEWTON_SYMBOLS = {"x": "vector n", "g": "vector n", "H": "matrix n n spd", "y": "vector n"}


def _newton_model_stationary(x, g, H, y):
    """∇_y of the model m(y) = gᵀ(y − x) + ½(y − x)ᵀH(y − x) is H(y − (x − H⁻¹g)): zero exactly at the Newton step."""
    model = ScalarOf(g.T * (y - x)) + ScalarOf((y - x).T * H * (y - x)) / 2
    return Eq(D(model, y), H * (y - (x - H.I * g)))


newton_step_as_printed = Entry(
    id="anal.newton-step-as-printed",
    title="Newton's step x − H⁻¹∇f(x) is the stationary point of the second-order model of f at x (garbled as "
          "printed: the iterate indices are lost)",
    expected=PROVED,
    symbols=_NEWTON_SYMBOLS,
    statement=_newton_model_stationary,
    seed=seed(104, 104, r"$x^* = \mathbf{x}^* - \text{Hess}(f(x^*))^{-1} \nabla_{\mathbf{x}} f(x^*)$"),
    corrected_by="anal.newton-step-model-stationary",
    notes="Garbled as printed: x* stands on both sides and 'Hess(f(x*))' applies the Hessian to a value; the line, "
          "beside the Lagrangian, gives Newton's update x_new = x − H(x)⁻¹∇f(x), which is checked as the stationary "
          "point of the model m(y) = f(x) + ∇f(x)ᵀ(y − x) + ½(y − x)ᵀH(y − x) (g = ∇f(x), H the Hessian, "
          "positive definite).  Read literally, x* = x* − H(x*)⁻¹∇f(x*) says that a stationary point is a fixed "
          "point of that update, which holds since ∇f(x*) = 0.",
    aliases=("Newton step", "Newton's method", "Newton update"),
    tags=("optimization", "Newton", "Hessian"),
    references=_NEWTON_REFS,
)

newton_step_model_stationary = Entry(
    id="anal.newton-step-model-stationary",
    title="Newton's step x − H⁻¹∇f(x) is the stationary point of the second-order Taylor model of f at x",
    expected=PROVED,
    symbols=_NEWTON_SYMBOLS,
    statement=_newton_model_stationary,
    notes="g = ∇f(x) and H the Hessian at x (positive definite, so the stationary point is the model's minimiser).  "
          "The gradient of the model is computed from it, not assumed.",
    see_also=("anal.newton-step-quadratic",),
    aliases=("Newton step", "Newton's method", "Newton update", "second-order model"),
    tags=("optimization", "Newton", "Hessian"),
    references=_NEWTON_REFS,
)


def _newton_quadratic(x, A, b):
    f = ScalarOf(x.T * A * x) / 2 - ScalarOf(b.T * x)
    grad = D(f, x)  # (n, 1)
    hess = D(grad, x)  # (n, n)
    return Eq(x - Inverse(hess) * grad, Inverse(A) * b)


newton_step_quadratic = Entry(
    id="anal.newton-step-quadratic",
    title="One Newton step x − H⁻¹∇f(x) reaches the minimiser A⁻¹b of f = ½xᵀAx − bᵀx from any x",
    expected=PROVED,
    symbols={"x": "vector n", "A": "matrix n n spd", "b": "vector n"},
    statement=_newton_quadratic,
    notes="On a quadratic the second-order model is exact, so one step lands on the minimiser.  The gradient and "
          "Hessian are computed from f, not assumed.",
    aliases=("Newton step", "Newton's method", "Newton update", "Newton-Raphson"),
    tags=("optimization", "Newton", "Hessian"),
    references=_NEWTON_REFS,
)
