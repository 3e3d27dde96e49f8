"""4.1 The layout convention and the chain rule (cheat sheet lines 120-128, 138)."""

from __future__ import annotations

from .._authoring import (
    NOT_CHECKABLE,
    PROVED,
    REFUTED,
    D,
    Entry,
    Eq,
    seed,
)
from .shared import _COOKBOOK, _LAYOUT_TAGS, _eq

jacobian_denominator_layout = Entry(
    id="deriv.jacobian-denominator-layout",
    title="Denominator layout: (∂f/∂x)ᵢⱼ = ∂fⱼ/∂xᵢ",
    expected=NOT_CHECKABLE,
    definition=True,
    symbols={"x": "vector n", "f": "function x m"},
    statement=lambda x, f: Eq(D(f, x).T, D(f, x, layout="numerator")),
    seed=seed(120, 122, r"""**Jacobian Layout Convention** We use the denominator-layout. For a vector-valued function  $f: \mathbb{R}^n \rightarrow \mathbb{R}^m$  we define

$$\left( \frac{\partial f}{\partial \mathbf{x}} \right)_{ij} := \frac{\partial f_j}{\partial x_i}, \quad \frac{\partial f}{\partial \mathbf{x}} \in \mathbb{R}^{m \times n}.$$"""),
    see_also=("deriv.jacobian-denominator-is-m-by-n", "deriv.jacobian-numerator-transpose"),
    notes="The index definition makes ∂f/∂x an n × m matrix (i runs over the n inputs, j over the m "
          "outputs); the membership printed on the same line, ∈ ℝᵐˣⁿ, contradicts it and is judged "
          "separately (deriv.jacobian-denominator-is-m-by-n).  Line 124's 'gradients of scalar-valued "
          "functions are column vectors' follows from this definition with m = 1.",
    aliases=("denominator layout", "Jacobian layout convention", "gradient layout",
             "layout convention", "Jacobian definition"),
    tags=_LAYOUT_TAGS + ("Jacobian", "definition"),
    references=(_COOKBOOK + ", section 2.4 (numerator layout there)",
                "Wikipedia, Matrix calculus: Layout conventions"),
)


jacobian_denominator_is_m_by_n = Entry(
    id="deriv.jacobian-denominator-is-m-by-n",
    title="Shape as printed: the denominator-layout Jacobian lies in ℝᵐˣⁿ",
    expected=REFUTED,
    symbols={"x": "vector n", "f": "function x m"},
    statement=lambda x, f: _eq(D(f, x), D(f, x, layout="numerator")),
    seed=seed(122, 122, r"$$\left( \frac{\partial f}{\partial \mathbf{x}} \right)_{ij} := \frac{\partial f_j}{\partial x_i}, \quad \frac{\partial f}{\partial \mathbf{x}} \in \mathbb{R}^{m \times n}.$$"),
    corrected_by="deriv.jacobian-numerator-transpose",
    notes="With (∂f/∂x)ᵢⱼ = ∂fⱼ/∂xᵢ the row index i runs over x in ℝⁿ, so ∂f/∂x is n × m.  The claim "
          "is checked by comparing ∂f/∂x with the m × n matrix of the same partial derivatives (the "
          "numerator-layout Jacobian): the shapes differ whenever n ≠ m, and for n = m the two are "
          "transposes of each other.",
    aliases=("Jacobian shape", "denominator layout shape", "n x m Jacobian"),
    tags=_LAYOUT_TAGS + ("Jacobian", "shape", "erratum"),
)


jacobian_numerator_transpose = Entry(
    id="deriv.jacobian-numerator-transpose",
    title="Numerator and denominator layouts are transposes: Jf = (∂f/∂x)ᵀ, Jf ∈ ℝᵐˣⁿ",
    expected=PROVED,
    symbols={"x": "vector n", "f": "function x m"},
    statement=lambda x, f: Eq(D(f, x, layout="numerator"), D(f, x).T),
    seed=seed(128, 128, r"**Remark.** Sometimes the *numerator-layout* is used, where the Jacobian is defined as  $(J_f)_{ij} = \frac{\partial f_i}{\partial x_j} \in \mathbb{R}^{m \times n}$ . The two conventions are related by transposition."),
    notes="Checked for a general smooth f: ℝⁿ → ℝᵐ (a declared vector function); the numerator "
          "Jacobian is m × n, the denominator one n × m.",
    aliases=("numerator layout", "Jacobian matrix", "Jacobian transpose", "layout conversion"),
    tags=_LAYOUT_TAGS + ("Jacobian", "numerator layout"),
    references=("Wikipedia, Matrix calculus: Layout conventions",),
)


chain_rule_denominator = Entry(
    id="deriv.chain-rule-denominator",
    title="Chain rule in denominator layout: ∂f(g(x))/∂x = (∂g/∂x)(∂f/∂g)",
    expected=PROVED,
    symbols={"x": "vector n", "g": "function x k", "C": "matrix n k"},
    statement=lambda x, g, C: Eq(D(C * g, x), D(g, x) * C.T),
    notes="In denominator layout the inner Jacobian comes first: ∂g/∂x is n × k, ∂f/∂g is k × m, the "
          "product n × m.  Checked with a general inner function g: ℝⁿ → ℝᵏ and the outer map "
          "f(y) = Cy, whose Jacobian ∂f/∂y = Cᵀ (deriv.jacobian-linear-map); the evaluators cannot "
          "take an outer Jacobian at the inner function's value, see the module docstring.  "
          "deriv.chain-rule-scalar-outer checks a nonlinear outer function.",
    aliases=("chain rule", "chain rule denominator layout", "backpropagation chain rule",
             "Jacobian of a composition", "derivative of composition"),
    tags=_LAYOUT_TAGS + ("chain rule", "Jacobian", "backpropagation"),
    references=("Wikipedia, Matrix calculus: Layout conventions (chain rule)",),
    see_also=("deriv.chain-rule-scalar-outer", "deriv.jacobian-linear-map"),
)


chain_rule_scalar_outer = Entry(
    id="deriv.chain-rule-scalar-outer",
    title="Chain rule with a scalar outer function: ∂u(g(x))/∂x = (∂g/∂x) ∇u(g(x)), for u(y) = yᵀBy",
    expected=PROVED,
    symbols={"x": "vector n", "g": "function x k", "B": "matrix k k"},
    statement=lambda x, g, B: Eq(D(g.T * B * g, x), D(g, x) * (B + B.T) * g),
    notes="u(y) = yᵀBy has gradient (B + Bᵀ)y (deriv.grad-quadratic-form), evaluated at y = g(x).",
    aliases=("chain rule", "gradient of composition", "chain rule scalar"),
    tags=_LAYOUT_TAGS + ("chain rule", "gradient", "quadratic form"),
    see_also=("deriv.chain-rule-denominator",),
)


chain_rule_numerator_order = Entry(
    id="deriv.chain-rule-numerator-order",
    title="Chain rule as printed: ∂f(g(x))/∂x = (∂f/∂g)(∂g/∂x)",
    expected=REFUTED,
    symbols={"x": "vector n", "g": "function x k", "C": "matrix n k"},
    statement=lambda x, g, C: _eq(D(C * g, x), C.T * D(g, x)),
    seed=seed(124, 126, r"""Hence, gradients of scalar-valued functions are column vectors, and the chain rule takes the form

$$\frac{\partial}{\partial \mathbf{x}} [\mathbf{f}(\mathbf{g}(\mathbf{x}))] = \frac{\partial \mathbf{f}}{\partial \mathbf{g}} \frac{\partial \mathbf{g}}{\partial \mathbf{x}}.$$"""),
    corrected_by="deriv.chain-rule-denominator",
    notes="With the sheet's own denominator layout ∂f/∂g is k × m and ∂g/∂x is n × k, so the printed "
          "product is defined only when m = n and then has shape k × k instead of n × m: the printed "
          "order is the numerator-layout chain rule.  Refuted on the instance f(y) = Cy (a special "
          "case of the general claim), where ∂f/∂g = Cᵀ.",
    aliases=("chain rule", "chain rule order", "numerator layout chain rule"),
    tags=_LAYOUT_TAGS + ("chain rule", "erratum"),
)


chain_rule_as_sum = Entry(
    id="deriv.chain-rule-as-sum",
    title="Chain rule as printed with sums: ∂f(g(x))/∂x = Jf(g(x)) + Jg(x)",
    expected=REFUTED,
    symbols={"x": "vector n", "g": "function x n", "C": "matrix n n"},
    statement=lambda x, g, C: Eq(D(C * g, x), C.T + D(g, x)),
    seed=seed(138, 138, r"$\frac{\partial}{\partial \mathbf{x}} [\mathbf{f}(\mathbf{g}(\mathbf{x}))] = \frac{\partial \mathbf{f}}{\partial \mathbf{g}}(\mathbf{g}(\mathbf{x})) + \frac{\partial \mathbf{g}(\mathbf{x})}{\partial \mathbf{x}} \mathbf{f}(\mathbf{x}) = \mathbf{J}_f(\mathbf{g}(\mathbf{x})) + \mathbf{J}_g(\mathbf{x})$"),
    corrected_by="deriv.chain-rule-denominator",
    notes="The chain rule multiplies Jacobians; it never adds them.  The middle expression "
          "∂g/∂x · f(x) multiplies an n × k matrix by an m-vector and is added to a k × m matrix: it is "
          "ill-typed, so only the outer equality ∂f(g(x))/∂x = Jf(g(x)) + Jg(x) is checked, at equal "
          "sizes (the only sizes where the sum is typed), on the instance f(y) = Cy with "
          "Jf = ∂f/∂y = Cᵀ.  The true value is (∂g/∂x) Cᵀ.",
    aliases=("chain rule", "garbled chain rule"),
    tags=_LAYOUT_TAGS + ("chain rule", "erratum"),
)
