r"""4 Derivatives: matrix calculus in denominator layout.

The seed fixes the **denominator layout**: for ``f: R^n -> R^m`` the derivative
``∂f/∂x`` has entries ``(∂f/∂x)_ij = ∂f_j/∂x_i`` and is an ``n x m`` matrix, so the
gradient of a scalar has the shape of its variable.  Every statement here uses the
node :class:`~formulas.nodes.D`, which is exactly that derivative.

Main statements
    * ``jacobian_linear_map`` -- ``∂(Ax)/∂x = Aᵀ``; ``jacobian_linear_map_transpose`` -- ``∂(Aᵀx)/∂x = A``.
    * ``grad_linear_form`` -- ``∂(aᵀx)/∂x = a``; ``grad_quadratic_form`` -- ``∂(xᵀAx)/∂x = (A + Aᵀ)x``.
    * ``chain_rule_denominator`` -- ``∂f(g(x))/∂x = ∂g/∂x · ∂f/∂g`` (the inner Jacobian comes *first*).
    * Product rules: ``grad_product_scalar_fields``, ``grad_scalar_times_vector_field``,
      ``grad_inner_product_fields``, ``grad_bilinear_form_fields``, ``grad_squared_norm_field``.
    * Scalar-by-matrix: ``grad_bilinear_form_matrix`` (``∂aᵀXb/∂X = abᵀ``), ``grad_logdet``,
      ``grad_logdet_spd``, ``grad_trace_ax``, ``grad_trace_axb``, ``grad_trace_inverse``.
    * The seed's errata: dropped transposes (``∂(xᵀA)/∂x = Aᵀ``), ``∂(Aᵀx)/∂x = a`` and
      ``= (A + Aᵀ)x``, ``∂A/∂x = A``, the chain rule in numerator order, and garbled product rules.

Notation
    ``x`` is the variable (a vector in ``R^n``), ``X`` a matrix variable; ``a, b, e`` constant
    vectors, ``A, B, C`` constant matrices; ``u, v`` declared scalar functions of ``x``
    (``function x``), ``f, g`` declared vector functions (``function x m``).  Size letters differ
    (``n``, ``m``, ``k``) wherever shapes allow, so a dropped transpose changes a shape.  The seed
    writes ``∂/∂x`` also for derivatives by the matrix ``X`` (its 4.4): those lines are read as
    ``∂/∂X``.  Entries check the claim at several concrete sizes exactly (explicit symbolic
    matrices, derivatives entry by entry) and in float64 with torch autograd.

Engine limits met here
    The evaluators cannot take a Jacobian *at an inner function's value* (``D(f(g), g)``
    recomputes ``g`` instead of reading the substituted variable), so the chain rule is checked
    with a general inner function ``g`` and outer functions whose Jacobian has a closed form
    (linear ``f(y) = Cy``; quadratic ``u(y) = yᵀBy``).

References
    K. B. Petersen & M. S. Pedersen, *The Matrix Cookbook* (Nov. 2012), sections 2.1-2.5
    (equation numbers cited per entry).  Magnus & Neudecker, *Matrix Differential Calculus*.

Tags: matrix calculus, gradient, Jacobian, denominator layout, matrix cookbook.
"""

from __future__ import annotations

from sympy import HadamardProduct, KroneckerProduct

from ._authoring import (
    NOT_CHECKABLE,
    PROVED,
    REFUTED,
    Chapter,
    D,
    DiagVec,
    Entry,
    Eq,
    Gt,
    Identity,
    ScalarOf,
    ZeroMatrix,
    det,
    log,
    seed,
    tr,
)

CHAPTER = Chapter("deriv", 4, "Derivatives")

_Deriv = D  # for statements that also use a matrix called ``D`` (Cookbook eq. 78)

_COOKBOOK = "Matrix Cookbook (Petersen & Pedersen 2012)"
_LAYOUT_TAGS = ("matrix calculus", "denominator layout")


def _eq(lhs, rhs):
    """``Eq`` that keeps sides of different shapes as a claim (SymPy would fold it to False)."""
    return Eq(lhs, rhs, evaluate=False)


# =============================================================================================
# 4.1 The layout convention
# =============================================================================================

jacobian_denominator_layout = Entry(
    id="deriv.jacobian-denominator-layout",
    title="Denominator layout: (∂f/∂x)_ij = ∂f_j/∂x_i",
    expected=NOT_CHECKABLE,
    definition=True,
    symbols={"x": "vector n", "f": "function x m"},
    statement=lambda x, f: Eq(D(f, x).T, D(f, x, layout="numerator")),
    seed=seed(120, 122, r"""**Jacobian Layout Convention** We use the denominator-layout. For a vector-valued function  $f: \mathbb{R}^n \rightarrow \mathbb{R}^m$  we define

$$\left( \frac{\partial f}{\partial \mathbf{x}} \right)_{ij} := \frac{\partial f_j}{\partial x_i}, \quad \frac{\partial f}{\partial \mathbf{x}} \in \mathbb{R}^{m \times n}.$$"""),
    see_also=("deriv.jacobian-denominator-is-m-by-n", "deriv.jacobian-numerator-transpose"),
    notes="The index definition makes ∂f/∂x an n x m matrix (i runs over the n inputs, j over the m "
          "outputs); the membership printed on the same line, ∈ R^(m x n), contradicts it and is judged "
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
    title="Shape as printed: the denominator-layout Jacobian lies in R^(m x n)",
    expected=REFUTED,
    symbols={"x": "vector n", "f": "function x m"},
    statement=lambda x, f: _eq(D(f, x), D(f, x, layout="numerator")),
    seed=seed(122, 122, r"$$\left( \frac{\partial f}{\partial \mathbf{x}} \right)_{ij} := \frac{\partial f_j}{\partial x_i}, \quad \frac{\partial f}{\partial \mathbf{x}} \in \mathbb{R}^{m \times n}.$$"),
    corrected_by="deriv.jacobian-numerator-transpose",
    notes="With (∂f/∂x)_ij = ∂f_j/∂x_i the row index i runs over x in R^n, so ∂f/∂x is n x m.  The claim "
          "is checked by comparing ∂f/∂x with the m x n matrix of the same partial derivatives (the "
          "numerator-layout Jacobian): the shapes differ whenever n ≠ m, and for n = m the two are "
          "transposes of each other.",
    aliases=("Jacobian shape", "denominator layout shape", "n x m Jacobian"),
    tags=_LAYOUT_TAGS + ("Jacobian", "shape", "erratum"),
)

jacobian_numerator_transpose = Entry(
    id="deriv.jacobian-numerator-transpose",
    title="Numerator and denominator layouts are transposes: J_f = (∂f/∂x)ᵀ, J_f ∈ R^(m x n)",
    expected=PROVED,
    symbols={"x": "vector n", "f": "function x m"},
    statement=lambda x, f: Eq(D(f, x, layout="numerator"), D(f, x).T),
    seed=seed(128, 128, r"**Remark.** Sometimes the *numerator-layout* is used, where the Jacobian is defined as  $(J_f)_{ij} = \frac{\partial f_i}{\partial x_j} \in \mathbb{R}^{m \times n}$ . The two conventions are related by transposition."),
    notes="Checked for a general smooth f: R^n -> R^m (a declared vector function); the numerator "
          "Jacobian is m x n, the denominator one n x m.",
    aliases=("numerator layout", "Jacobian matrix", "Jacobian transpose", "layout conversion"),
    tags=_LAYOUT_TAGS + ("Jacobian", "numerator layout"),
    references=("Wikipedia, Matrix calculus: Layout conventions",),
)

# ---------------------------------------------------------------------------------------------
# chain rule
# ---------------------------------------------------------------------------------------------

chain_rule_denominator = Entry(
    id="deriv.chain-rule-denominator",
    title="Chain rule in denominator layout: ∂f(g(x))/∂x = (∂g/∂x)(∂f/∂g)",
    expected=PROVED,
    symbols={"x": "vector n", "g": "function x k", "C": "matrix n k"},
    statement=lambda x, g, C: Eq(D(C * g, x), D(g, x) * C.T),
    notes="In denominator layout the inner Jacobian comes first: ∂g/∂x is n x k, ∂f/∂g is k x m, the "
          "product n x m.  Checked with a general inner function g: R^n -> R^k and the outer map "
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
    notes="With the sheet's own denominator layout ∂f/∂g is k x m and ∂g/∂x is n x k, so the printed "
          "product is defined only when m = n and then has shape k x k instead of n x m: the printed "
          "order is the numerator-layout chain rule.  Refuted on the instance f(y) = Cy (a special "
          "case of the general claim), where ∂f/∂g = Cᵀ.",
    aliases=("chain rule", "chain rule order", "numerator layout chain rule"),
    tags=_LAYOUT_TAGS + ("chain rule", "erratum"),
)

chain_rule_as_sum = Entry(
    id="deriv.chain-rule-as-sum",
    title="Chain rule as printed with sums: ∂f(g(x))/∂x = J_f(g(x)) + J_g(x)",
    expected=REFUTED,
    symbols={"x": "vector n", "g": "function x n", "C": "matrix n n"},
    statement=lambda x, g, C: Eq(D(C * g, x), C.T + D(g, x)),
    seed=seed(138, 138, r"$\frac{\partial}{\partial \mathbf{x}} [\mathbf{f}(\mathbf{g}(\mathbf{x}))] = \frac{\partial \mathbf{f}}{\partial \mathbf{g}}(\mathbf{g}(\mathbf{x})) + \frac{\partial \mathbf{g}(\mathbf{x})}{\partial \mathbf{x}} \mathbf{f}(\mathbf{x}) = \mathbf{J}_f(\mathbf{g}(\mathbf{x})) + \mathbf{J}_g(\mathbf{x})$"),
    corrected_by="deriv.chain-rule-denominator",
    notes="The chain rule multiplies Jacobians; it never adds them.  The middle expression "
          "∂g/∂x · f(x) multiplies an n x k matrix by an m-vector and is added to a k x m matrix: it is "
          "ill-typed, so only the outer equality ∂f(g(x))/∂x = J_f(g(x)) + J_g(x) is checked, at equal "
          "sizes (the only sizes where the sum is typed), on the instance f(y) = Cy with "
          "J_f = ∂f/∂y = Cᵀ.  The true value is (∂g/∂x) Cᵀ.",
    aliases=("chain rule", "garbled chain rule"),
    tags=_LAYOUT_TAGS + ("chain rule", "erratum"),
)

# =============================================================================================
# 4.2 Scalar-by-vector
# =============================================================================================

grad_product_scalar_fields = Entry(
    id="deriv.grad-product-scalar-fields",
    title="Product rule: ∂(u v)/∂x = u ∂v/∂x + v ∂u/∂x",
    expected=PROVED,
    symbols={"x": "vector n", "u": "function x", "v": "function x"},
    statement=lambda x, u, v: Eq(D(u * v, x), u * D(v, x) + v * D(u, x)),
    aliases=("product rule", "gradient of product", "Leibniz rule"),
    tags=_LAYOUT_TAGS + ("product rule", "gradient"),
    references=(_COOKBOOK + ", eq. (37) (differential form)",),
)

grad_product_rule_garbled = Entry(
    id="deriv.grad-product-rule-garbled",
    title="Garbled product rule: ∂u/∂x = u ∂/∂x + v ∂u/∂x",
    expected=NOT_CHECKABLE,
    seed=seed(134, 134, r"$$\frac{\partial}{\partial \mathbf{x}} [\mathbf{u}(\mathbf{x})] = \mathbf{u}(\mathbf{x}) \frac{\partial}{\partial \mathbf{x}} + \mathbf{v}(\mathbf{x}) \frac{\partial u(\mathbf{x})}{\partial \mathbf{x}}$$"),
    reason="ill-typed as printed: 'u(x) ∂/∂x' is a derivative operator with nothing to its right (a "
           "right-acting operator the sheet never defines), v(x) appears on the right but not on the "
           "left, and u(x) is bold (a vector) in the bracket but a scalar in ∂u(x)/∂x; no single "
           "typed reading exists.  The line most likely means the product rule for u(x)v(x)",
    corrected_by="deriv.grad-product-scalar-fields",
    aliases=("product rule",),
    tags=_LAYOUT_TAGS + ("product rule", "erratum", "garbled"),
)

grad_identity_jacobian_factor = Entry(
    id="deriv.grad-identity-jacobian-factor",
    title="∂u/∂x = (∂x/∂x)(∂u/∂x): the identity Jacobian on the left",
    expected=PROVED,
    symbols={"x": "vector n", "u": "function x"},
    statement=lambda x, u: Eq(D(u, x), D(x, x) * D(u, x)),
    notes="The chain rule u(x) = u(y) at y = x, in denominator order: the n x n Jacobian ∂x/∂x = I "
          "multiplies the n x 1 gradient from the left.",
    aliases=("chain rule identity", "gradient times identity"),
    tags=_LAYOUT_TAGS + ("chain rule", "gradient"),
)

grad_times_identity_jacobian = Entry(
    id="deriv.grad-times-identity-jacobian",
    title="As printed: ∂u/∂x = (∂u/∂x)(∂x/∂x)",
    expected=NOT_CHECKABLE,
    seed=seed(136, 136, r"$\frac{\partial}{\partial \mathbf{x}} [\mathbf{u}(\mathbf{x})] = \frac{\partial u(\mathbf{x})}{\partial \mathbf{x}} \frac{\partial \mathbf{x}}{\partial \mathbf{x}}$"),
    reason="ill-typed as printed: ∂u(x)/∂x is an n x 1 column (denominator layout) and ∂x/∂x = I is "
           "n x n, so the product (n x 1)(n x n) is undefined for n > 1; besides, u(x) is bold (a "
           "vector) on the left and a scalar on the right.  In denominator layout the identity goes on "
           "the left",
    corrected_by="deriv.grad-identity-jacobian-factor",
    tags=_LAYOUT_TAGS + ("chain rule", "erratum", "garbled"),
)

grad_bilinear_form_fields = Entry(
    id="deriv.grad-bilinear-form-fields",
    title="∂(fᵀA g)/∂x = (∂f/∂x) A g + (∂g/∂x) Aᵀ f",
    expected=PROVED,
    symbols={"x": "vector n", "f": "function x m", "g": "function x n", "A": "matrix m n"},
    statement=lambda x, f, g, A: Eq(D(f.T * A * g, x), D(f, x) * A * g + D(g, x) * A.T * f),
    notes="f: R^n -> R^m and g: R^n -> R^n, so A is m x n and a dropped transpose changes a shape.",
    aliases=("derivative of bilinear form", "product rule bilinear", "gradient of f^T A g"),
    tags=_LAYOUT_TAGS + ("product rule", "bilinear form", "gradient"),
)

grad_bilinear_form_fields_missing_transpose = Entry(
    id="deriv.grad-bilinear-form-fields-missing-transpose",
    title="As printed: ∂(fᵀA g)/∂x = (∂f/∂x) A g + (∂g/∂x) A f",
    expected=REFUTED,
    symbols={"x": "vector n", "f": "function x m", "g": "function x m", "A": "matrix m m"},
    statement=lambda x, f, g, A: Eq(D(f.T * A * g, x), D(f, x) * A * g + D(g, x) * A * f),
    seed=seed(140, 140, r"$\frac{\partial}{\partial \mathbf{x}} [\mathbf{f}(\mathbf{x})] \mathbf{A}[\mathbf{g}(\mathbf{x})] = \frac{\partial \mathbf{f}}{\partial \mathbf{x}} \mathbf{A}[\mathbf{g}(\mathbf{x})] + \frac{\partial \mathbf{g}(\mathbf{x})}{\partial \mathbf{x}} \mathbf{A}[\mathbf{f}(\mathbf{x})]$"),
    corrected_by="deriv.grad-bilinear-form-fields",
    notes="Read as ∂/∂x[fᵀ(x) A g(x)]: the transpose on f and the closing bracket are misplaced in the "
          "print.  The second term needs Aᵀ; with A f the claim is checked at square A (the only shape "
          "where it is typed) and fails for non-symmetric A.  Read literally instead, "
          "(∂f/∂x)·A g = (∂f/∂x) A g + (∂g/∂x) A f forces (∂g/∂x) A f = 0, which is false as well.",
    aliases=("derivative of bilinear form", "product rule bilinear"),
    tags=_LAYOUT_TAGS + ("product rule", "erratum", "transpose"),
)

jacobian_linear_map = Entry(
    id="deriv.jacobian-linear-map",
    title="∂(Ax)/∂x = Aᵀ (denominator layout)",
    expected=PROVED,
    symbols={"x": "vector n", "A": "matrix m n"},
    statement=lambda x, A: Eq(D(A * x, x), A.T),
    notes="In numerator layout the same Jacobian is A.",
    aliases=("Jacobian of linear map", "derivative of Ax", "d(Ax)/dx", "linear layer Jacobian"),
    tags=_LAYOUT_TAGS + ("Jacobian", "linear map"),
    references=(_COOKBOOK + ", eq. (69) (entry-wise)",),
)

jacobian_linear_map_transpose = Entry(
    id="deriv.jacobian-linear-map-transpose",
    title="∂(Aᵀx)/∂x = A (denominator layout)",
    expected=PROVED,
    symbols={"x": "vector n", "A": "matrix n m"},
    statement=lambda x, A: Eq(D(A.T * x, x), A),
    notes="(∂(Aᵀx)/∂x)_ij = ∂(Σ_k A_kj x_k)/∂x_i = A_ij.  The same holds for the row vector xᵀA, whose "
          "entries are those of Aᵀx.",
    aliases=("Jacobian of linear map", "derivative of A^T x", "derivative of x^T A", "d(A^T x)/dx"),
    tags=_LAYOUT_TAGS + ("Jacobian", "linear map"),
    references=(_COOKBOOK + ", eq. (69) (entry-wise)",),
    see_also=("deriv.jacobian-linear-map",),
)

jacobian_transpose_linear_map_eq_a = Entry(
    id="deriv.jacobian-transpose-linear-map-eq-a",
    title="As printed: ∂(Aᵀx)/∂x = a",
    expected=REFUTED,
    symbols={"x": "vector n", "A": "matrix n m", "a": "vector m"},
    statement=lambda x, A, a: _eq(D(A.T * x, x), a),
    seed=seed(142, 142, r"$\frac{\partial}{\partial \mathbf{x}} [\mathbf{A}^T \mathbf{x}] = \frac{\partial \mathbf{x}}{\partial \mathbf{x}} [\mathbf{A}^T \mathbf{x}] = \mathbf{a}$"),
    corrected_by="deriv.jacobian-linear-map-transpose",
    notes="The derivative of the vector Aᵀx is the n x m matrix A, not a vector; 'a' appears nowhere on "
          "the left (the line mixes up ∂(aᵀx)/∂x = a).  The middle expression ∂x/∂x [Aᵀx] (I times a "
          "vector) is not a Jacobian either and is not checked.",
    aliases=("derivative of A^T x",),
    tags=_LAYOUT_TAGS + ("Jacobian", "erratum"),
    see_also=("deriv.grad-linear-form",),
)

jacobian_transpose_linear_map_eq_quadratic_grad = Entry(
    id="deriv.jacobian-transpose-linear-map-eq-quadratic-grad",
    title="As printed: ∂(Aᵀx)/∂x = (A + Aᵀ)x",
    expected=REFUTED,
    symbols={"x": "vector n", "A": "matrix n n"},
    statement=lambda x, A: _eq(D(A.T * x, x), (A + A.T) * x),
    seed=seed(144, 144, r"$\frac{\partial}{\partial \mathbf{x}} [\mathbf{A}^T \mathbf{x}] = \frac{\partial \mathbf{x}}{\partial \mathbf{x}} [\mathbf{A}^T \mathbf{x}] = (\mathbf{A} + \mathbf{A}^T)\mathbf{x}$"),
    corrected_by="deriv.jacobian-linear-map-transpose",
    notes="(A + Aᵀ)x is the gradient of the quadratic form xᵀAx (deriv.grad-quadratic-form), not the "
          "Jacobian of Aᵀx, which is the matrix A.  Checked at square A, the only shape where (A + Aᵀ)x "
          "is typed.",
    aliases=("derivative of A^T x",),
    tags=_LAYOUT_TAGS + ("Jacobian", "erratum"),
    see_also=("deriv.grad-quadratic-form",),
)

grad_squared_norm = Entry(
    id="deriv.grad-squared-norm",
    title="∂(xᵀx)/∂x = 2x",
    expected=PROVED,
    symbols={"x": "vector n"},
    statement=lambda x: Eq(D(x.T * x, x), 2 * x),
    seed=seed(146, 146, r"$\frac{\partial}{\partial \mathbf{x}} [\mathbf{x}^T \mathbf{x}] = 2\mathbf{x}$"),
    aliases=("gradient of squared norm", "derivative of x^T x", "gradient of ||x||^2", "L2 regularizer gradient",
             "weight decay gradient"),
    tags=_LAYOUT_TAGS + ("gradient", "norm", "quadratic form"),
    references=(_COOKBOOK + ", eq. (81) with B = I",),
)

grad_linear_form = Entry(
    id="deriv.grad-linear-form",
    title="∂(aᵀx)/∂x = ∂(xᵀa)/∂x = a",
    expected=PROVED,
    symbols={"x": "vector n", "a": "vector n"},
    statement=lambda x, a: Eq(D(a.T * x, x), a),
    notes="xᵀa = aᵀx is the same scalar.",
    aliases=("gradient of linear form", "derivative of a^T x", "derivative of x^T a", "gradient of inner product",
             "gradient of dot product"),
    tags=_LAYOUT_TAGS + ("gradient", "linear form"),
    references=(_COOKBOOK + ", eq. (69)",),
)

grad_linear_form_via_identity = Entry(
    id="deriv.grad-linear-form-via-identity",
    title="∂(aᵀx)/∂x = (∂x/∂x) a",
    expected=PROVED,
    symbols={"x": "vector n", "a": "vector n"},
    statement=lambda x, a: Eq(D(a.T * x, x), D(x, x) * a),
    seed=seed(148, 148, r"$\frac{\partial}{\partial \mathbf{x}} [\mathbf{a}^T \mathbf{x}] = \frac{\partial \mathbf{x}}{\partial \mathbf{x}} [\mathbf{a}^T \mathbf{x}] = \frac{\partial \mathbf{x}}{\partial \mathbf{x}} \mathbf{a}$"),
    notes="Checked: the outer equality ∂(aᵀx)/∂x = (∂x/∂x) a = I a = a.  The middle expression "
          "'∂x/∂x [aᵀx]' (the identity times the scalar aᵀx) is notation for the chain rule, not a "
          "value, and is not checked.",
    aliases=("gradient of linear form", "derivative of a^T x"),
    tags=_LAYOUT_TAGS + ("gradient", "linear form"),
    see_also=("deriv.grad-linear-form",),
)

grad_rank_one_quadratic_form = Entry(
    id="deriv.grad-rank-one-quadratic-form",
    title="∂(xᵀa bᵀx)/∂x = (abᵀ + baᵀ)x",
    expected=PROVED,
    symbols={"x": "vector n", "a": "vector n", "b": "vector n"},
    statement=lambda x, a, b: Eq(D(x.T * a * b.T * x, x), (a * b.T + b * a.T) * x),
    notes="The quadratic form with the rank-one matrix abᵀ (deriv.grad-quadratic-form); it is the "
          "right-hand side the seed prints for ∂(bᵀx)/∂x.",
    aliases=("gradient of product of linear forms", "derivative of (a^T x)(b^T x)"),
    tags=_LAYOUT_TAGS + ("gradient", "quadratic form"),
    references=(_COOKBOOK + ", eq. (81) with B = abᵀ",),
)

grad_linear_form_eq_rank_two_term = Entry(
    id="deriv.grad-linear-form-eq-rank-two-term",
    title="As printed: ∂(bᵀx)/∂x = (abᵀ + baᵀ)x",
    expected=REFUTED,
    symbols={"x": "vector n", "a": "vector n", "b": "vector n"},
    statement=lambda x, a, b: Eq(D(b.T * x, x), (a * b.T + b * a.T) * x),
    seed=seed(150, 150, r"$\frac{\partial}{\partial \mathbf{x}} [\mathbf{b}^T \mathbf{x}] = \frac{\partial \mathbf{x}}{\partial \mathbf{x}} [\mathbf{b}^T \mathbf{x}] = (\mathbf{ab}^T + \mathbf{ba}^T)\mathbf{x}$"),
    corrected_by="deriv.grad-linear-form",
    notes="∂(bᵀx)/∂x = b; the printed right side is the gradient of (aᵀx)(bᵀx) "
          "(deriv.grad-rank-one-quadratic-form).",
    aliases=("derivative of b^T x",),
    tags=_LAYOUT_TAGS + ("gradient", "erratum"),
    see_also=("deriv.grad-rank-one-quadratic-form",),
)

grad_affine_bilinear_form = Entry(
    id="deriv.grad-affine-bilinear-form",
    title="∂[(Ax + b)ᵀC(Dx + e)]/∂x = AᵀC(Dx + e) + DᵀCᵀ(Ax + b)",
    expected=PROVED,
    symbols={"x": "vector n", "A": "matrix m n", "b": "vector m", "C": "matrix m m",
             "D": "matrix m n", "e": "vector m"},
    statement=lambda x, A, b, C, D, e: Eq(_Deriv((A * x + b).T * C * (D * x + e), x),
                                          A.T * C * (D * x + e) + D.T * C.T * (A * x + b)),
    aliases=("derivative of affine bilinear form", "gradient of (Ax+b)^T C (Dx+e)", "least squares gradient"),
    tags=_LAYOUT_TAGS + ("gradient", "bilinear form", "quadratic form"),
    references=(_COOKBOOK + ", eq. (78)",),
)

grad_affine_bilinear_form_garbled = Entry(
    id="deriv.grad-affine-bilinear-form-garbled",
    title="As printed: ∂[(A + b)ᵀC(Dx + e)]/∂x = DᵀCᵀ(Ax + b) + AᵀC(Dx + e)",
    expected=NOT_CHECKABLE,
    seed=seed(152, 152, r"$\frac{\partial}{\partial \mathbf{x}} [(\mathbf{A} + \mathbf{b})^T \mathbf{C}(\mathbf{D}\mathbf{x} + \mathbf{e})] = \mathbf{D}^T \mathbf{C}^T(\mathbf{A}\mathbf{x} + \mathbf{b}) + \mathbf{A}^T \mathbf{C}(\mathbf{D}\mathbf{x} + \mathbf{e})$"),
    reason="ill-typed as printed: the left side adds the matrix A to the vector b ('(A + b)ᵀ'), while the "
           "right side uses Ax, so A must be a matrix; no reading types both sides.  With (Ax + b) on "
           "the left the line is Matrix Cookbook eq. (78), which holds",
    corrected_by="deriv.grad-affine-bilinear-form",
    tags=_LAYOUT_TAGS + ("gradient", "erratum", "garbled"),
)

grad_squared_norm_field = Entry(
    id="deriv.grad-squared-norm-field",
    title="∂(fᵀf)/∂x = 2 (∂f/∂x) f",
    expected=PROVED,
    symbols={"x": "vector n", "f": "function x m"},
    statement=lambda x, f: Eq(D(f.T * f, x), 2 * D(f, x) * f),
    aliases=("gradient of squared norm of a function", "gradient of sum of squares", "least squares gradient",
             "Gauss-Newton gradient", "derivative of ||f(x)||^2"),
    tags=_LAYOUT_TAGS + ("gradient", "norm", "chain rule"),
    see_also=("deriv.grad-inner-product-fields",),
)

grad_squared_norm_field_eq_2_jacobian = Entry(
    id="deriv.grad-squared-norm-field-eq-2-jacobian",
    title="As printed: ∂/∂x[f(x)] f(x) = … = 2 J_f(x)",
    expected=REFUTED,
    symbols={"x": "vector n", "f": "function x m"},
    statement=lambda x, f: _eq(D(f.T * f, x), 2 * D(f, x)),
    seed=seed(154, 154, r"$\frac{\partial}{\partial \mathbf{x}} [\mathbf{f}(\mathbf{x})] \mathbf{f}(\mathbf{x}) = \frac{\partial \mathbf{f}}{\partial \mathbf{x}} [\mathbf{f}(\mathbf{x})] = 2 \frac{\partial \mathbf{f}}{\partial \mathbf{x}} [\mathbf{f}(\mathbf{x})] \mathbf{f}(\mathbf{x}) = 2\mathbf{J}_f(\mathbf{x})$"),
    corrected_by="deriv.grad-squared-norm-field",
    notes="Read as the gradient of fᵀf (the bracket swallowed the transpose).  The chain of four "
          "expressions contradicts itself: it equates (∂f/∂x) f with 2 (∂f/∂x) f and ends with 2 J_f, "
          "an n x m matrix, whereas the gradient of the scalar fᵀf is the n-vector 2 (∂f/∂x) f.  The "
          "outer equality is checked and fails on shapes.",
    aliases=("gradient of squared norm of a function",),
    tags=_LAYOUT_TAGS + ("gradient", "erratum", "garbled"),
)

# =============================================================================================
# 4.3 Vector-by-vector
# =============================================================================================

vector_by_vector_notation = Entry(
    id="deriv.vector-by-vector-notation",
    title="Notation of 4.3: A, C, D, a, b constant; f, g, h vector functions of x; u, v scalar functions",
    expected=NOT_CHECKABLE,
    definition=True,
    seed=seed(158, 158, r"**A. C, D, a, b** not a function of  $\mathbf{x}$ ,  $\mathbf{f} = \mathbf{f}(\mathbf{x}), \mathbf{g} = \mathbf{g}(\mathbf{x}), \mathbf{h} = \mathbf{h}(\mathbf{x}), u = u(\mathbf{x}), v = v(\mathbf{x})$"),
    reason="notation for the lines that follow",
    tags=_LAYOUT_TAGS + ("notation",),
)

grad_scalar_times_vector_field = Entry(
    id="deriv.grad-scalar-times-vector-field",
    title="Product rule: ∂(u f)/∂x = (∂u/∂x) fᵀ + u ∂f/∂x",
    expected=PROVED,
    symbols={"x": "vector n", "u": "function x", "f": "function x m"},
    statement=lambda x, u, f: Eq(D(u * f, x), D(u, x) * f.T + u * D(f, x)),
    notes="Entry (i, j): ∂(u f_j)/∂x_i = (∂u/∂x_i) f_j + u ∂f_j/∂x_i, so the scalar gradient enters as the "
          "outer product (∂u/∂x) fᵀ (n x m).",
    aliases=("product rule", "derivative of scalar times vector", "Jacobian of u f"),
    tags=_LAYOUT_TAGS + ("product rule", "Jacobian"),
)

grad_scalar_times_vector_field_garbled = Entry(
    id="deriv.grad-scalar-times-vector-field-garbled",
    title="As printed: ∂(u f)/∂x = u ∂f/∂x + f ∂u/∂x",
    expected=NOT_CHECKABLE,
    seed=seed(160, 160, r"$\frac{\partial}{\partial \mathbf{x}} [\mathbf{u}(\mathbf{x}) \mathbf{f}(\mathbf{x})] = \mathbf{u}(\mathbf{x}) \frac{\partial \mathbf{f}(\mathbf{x})}{\partial \mathbf{x}} + \mathbf{f}(\mathbf{x}) \frac{\partial \mathbf{u}(\mathbf{x})}{\partial \mathbf{x}}$"),
    reason="ill-typed as printed: with u scalar (as the notation line 158 declares) the term "
           "f(x) ∂u(x)/∂x multiplies an m x 1 column by an n x 1 column, undefined for n > 1; with u a "
           "vector (bold, as printed) the product u(x) f(x) on the left is undefined.  The only typed "
           "repair, the outer product (∂u/∂x) fᵀ, is the corrected entry",
    corrected_by="deriv.grad-scalar-times-vector-field",
    tags=_LAYOUT_TAGS + ("product rule", "erratum", "garbled"),
)

grad_inner_product_fields = Entry(
    id="deriv.grad-inner-product-fields",
    title="Product rule: ∂(fᵀg)/∂x = (∂f/∂x) g + (∂g/∂x) f",
    expected=PROVED,
    symbols={"x": "vector n", "f": "function x m", "g": "function x m"},
    statement=lambda x, f, g: Eq(D(f.T * g, x), D(f, x) * g + D(g, x) * f),
    aliases=("product rule", "gradient of inner product", "derivative of f^T g", "gradient of dot product"),
    tags=_LAYOUT_TAGS + ("product rule", "gradient"),
    see_also=("deriv.grad-bilinear-form-fields", "deriv.grad-squared-norm-field"),
)

jacobian_elementwise_product = Entry(
    id="deriv.jacobian-elementwise-product",
    title="∂(x ∘ a)/∂x = diag(a) (⊗ read as the elementwise product)",
    expected=PROVED,
    symbols={"x": "vector n", "a": "vector n"},
    statement=lambda x, a: Eq(D(HadamardProduct(x, a), x), DiagVec(a)),
    seed=seed(162, 162, r"$\frac{\partial}{\partial \mathbf{x}} [\mathbf{x} \otimes \mathbf{a}] = \text{diag}(\mathbf{a})$"),
    notes="Reading of ⊗: read as the Kronecker product, x ⊗ a (x ∈ R^n, a ∈ R^k) is an nk-vector whose "
          "Jacobian is the n x nk matrix I ⊗ aᵀ (deriv.jacobian-kronecker-vector), which can never equal "
          "the k x k matrix diag(a) except for n = k = 1.  The right side diag(a) is exactly the "
          "Jacobian of the elementwise (Hadamard) product of two n-vectors, so this line evidently uses "
          "⊗ for the elementwise product (as many deep-learning texts do) and is judged in that "
          "reading; the next line (a ⊗ x) is read the same way.",
    aliases=("Hadamard product derivative", "elementwise product Jacobian", "derivative of x * a", "diag(a)",
             "gating Jacobian"),
    tags=_LAYOUT_TAGS + ("Jacobian", "Hadamard product", "elementwise"),
    see_also=("deriv.jacobian-kronecker-vector", "deriv.jacobian-elementwise-product-left"),
)

jacobian_elementwise_product_left = Entry(
    id="deriv.jacobian-elementwise-product-left",
    title="∂(a ∘ x)/∂x = diag(a)",
    expected=PROVED,
    symbols={"x": "vector n", "a": "vector n"},
    statement=lambda x, a: Eq(D(HadamardProduct(a, x), x), DiagVec(a)),
    notes="The elementwise product commutes, so this is deriv.jacobian-elementwise-product.",
    aliases=("Hadamard product derivative", "elementwise product Jacobian"),
    tags=_LAYOUT_TAGS + ("Jacobian", "Hadamard product", "elementwise"),
)

jacobian_hadamard_left_eq_a = Entry(
    id="deriv.jacobian-hadamard-left-eq-a",
    title="As printed: ∂(a ⊗ x)/∂x = a",
    expected=REFUTED,
    symbols={"x": "vector n", "a": "vector n"},
    statement=lambda x, a: _eq(D(HadamardProduct(a, x), x), a),
    seed=seed(164, 164, r"$\frac{\partial}{\partial \mathbf{x}} [\mathbf{a} \otimes \mathbf{x}] = \mathbf{a}$"),
    corrected_by="deriv.jacobian-elementwise-product-left",
    notes="⊗ read as the elementwise product, as in the previous line (deriv.jacobian-elementwise-product): "
          "the Jacobian is the matrix diag(a), not the vector a.  Read as the Kronecker product the claim "
          "fails as well: ∂(a ⊗ x)/∂x = aᵀ ⊗ I is n x kn.",
    aliases=("Hadamard product derivative",),
    tags=_LAYOUT_TAGS + ("Jacobian", "erratum"),
)

jacobian_kronecker_vector = Entry(
    id="deriv.jacobian-kronecker-vector",
    title="∂(x ⊗ a)/∂x = I ⊗ aᵀ (Kronecker product)",
    expected=PROVED,
    symbols={"x": "vector n", "a": "vector k"},
    statement=lambda x, a: Eq(D(KroneckerProduct(x, a), x), KroneckerProduct(Identity(x.shape[0]), a.T)),
    notes="x ⊗ a stacks the blocks x_i a, so entry (i, (j, l)) of the Jacobian is δ_ij a_l.",
    aliases=("Kronecker product derivative", "derivative of x kron a"),
    tags=_LAYOUT_TAGS + ("Jacobian", "Kronecker product"),
)

jacobian_identity = Entry(
    id="deriv.jacobian-identity",
    title="∂x/∂x = I",
    expected=PROVED,
    symbols={"x": "vector n"},
    statement=lambda x: Eq(D(x, x), Identity(x.shape[0])),
    seed=seed(166, 166, r"$\frac{\partial}{\partial \mathbf{x}} [\mathbf{x}] = \mathbf{I}$"),
    aliases=("Jacobian of identity", "derivative of x"),
    tags=_LAYOUT_TAGS + ("Jacobian",),
)

jacobian_constant = Entry(
    id="deriv.jacobian-constant",
    title="∂a/∂x = 0 for a constant a",
    expected=PROVED,
    symbols={"x": "vector n", "a": "vector m"},
    statement=lambda x, a: Eq(D(a, x), ZeroMatrix(x.shape[0], a.shape[0])),
    notes="For a constant matrix A every entry has zero derivative: ∂A/∂x is a zero array.",
    aliases=("derivative of constant", "Jacobian of constant"),
    tags=_LAYOUT_TAGS + ("Jacobian",),
)

jacobian_constant_eq_itself = Entry(
    id="deriv.jacobian-constant-eq-itself",
    title="As printed: ∂A/∂x = A",
    expected=REFUTED,
    symbols={"x": "vector n", "A": "matrix m 1"},
    statement=lambda x, A: _eq(D(A, x), A),
    seed=seed(168, 168, r"$\frac{\partial}{\partial \mathbf{x}} [\mathbf{A}] = \mathbf{A}$"),
    corrected_by="deriv.jacobian-constant",
    notes="A is constant (line 158), so its derivative is zero.  D covers scalar-by-any and "
          "vector-by-vector derivatives, so the claim is checked on a one-column A, a special case of "
          "the printed claim: ∂A/∂x is the zero n x m matrix, which differs from A in shape and value.",
    aliases=("derivative of constant",),
    tags=_LAYOUT_TAGS + ("Jacobian", "erratum"),
)

jacobian_row_linear_map_eq_a_transpose = Entry(
    id="deriv.jacobian-row-linear-map-eq-a-transpose",
    title="As printed: ∂(xᵀA)/∂x = Aᵀ",
    expected=REFUTED,
    symbols={"x": "vector n", "A": "matrix n m"},
    statement=lambda x, A: _eq(D((x.T * A).T, x), A.T),
    seed=seed(170, 170, r"$\frac{\partial}{\partial \mathbf{x}} [\mathbf{x}^T \mathbf{A}] = \mathbf{A}^T$"),
    corrected_by="deriv.jacobian-linear-map-transpose",
    notes="The entries of the row vector xᵀA are those of Aᵀx, and the denominator-layout derivative "
          "is defined entry-wise ((∂f/∂x)_ij = ∂f_j/∂x_i), so ∂(xᵀA)/∂x = A (n x m); Aᵀ is the "
          "numerator-layout answer.  Checked on the column (xᵀA)ᵀ.",
    aliases=("derivative of x^T A",),
    tags=_LAYOUT_TAGS + ("Jacobian", "erratum", "transpose"),
)

jacobian_transpose_linear_map_eq_a_transpose = Entry(
    id="deriv.jacobian-transpose-linear-map-eq-a-transpose",
    title="As printed: ∂(Aᵀx)/∂x = (∂x/∂x) Aᵀ",
    expected=REFUTED,
    symbols={"x": "vector n", "A": "matrix n n"},
    statement=lambda x, A: Eq(D(A.T * x, x), D(x, x) * A.T),
    seed=seed(172, 172, r"$\frac{\partial}{\partial \mathbf{x}} [\mathbf{A}^T \mathbf{x}] = \frac{\partial \mathbf{x}}{\partial \mathbf{x}} [\mathbf{A}^T \mathbf{x}] = \frac{\partial \mathbf{x}}{\partial \mathbf{x}} \mathbf{A}^T$"),
    corrected_by="deriv.jacobian-linear-map-transpose",
    notes="(∂x/∂x) Aᵀ = Aᵀ, but ∂(Aᵀx)/∂x = A in denominator layout.  The product I·Aᵀ is typed only for "
          "square A, so the claim is checked there; it fails for every non-symmetric A.",
    aliases=("derivative of A^T x",),
    tags=_LAYOUT_TAGS + ("Jacobian", "erratum", "transpose"),
)

# =============================================================================================
# 4.4 Scalar-by-matrix
# =============================================================================================

scalar_by_matrix_notation = Entry(
    id="deriv.scalar-by-matrix-notation",
    title="Notation of 4.4: f(x), g = g(x), h = h(x), u = u(x), v = v(x)",
    expected=NOT_CHECKABLE,
    definition=True,
    seed=seed(190, 190, r"**A.**  $\mathbf{f}(\mathbf{x})$ ,  $\mathbf{g} = \mathbf{g}(\mathbf{x})$ ,  $\mathbf{h} = \mathbf{h}(\mathbf{x})$ ,  $u = u(\mathbf{x})$ ,  $v = v(\mathbf{x})$"),
    reason="notation for the lines that follow; those lines differentiate by the matrix X although "
           "they write ∂/∂x",
    tags=_LAYOUT_TAGS + ("notation",),
)

grad_bilinear_form_matrix = Entry(
    id="deriv.grad-bilinear-form-matrix",
    title="∂(aᵀXb)/∂X = abᵀ",
    expected=PROVED,
    symbols={"X": "matrix n m", "a": "vector n", "b": "vector m"},
    statement=lambda X, a, b: Eq(D(a.T * X * b, X), a * b.T),
    seed=seed(192, 192, r"$\frac{\partial}{\partial \mathbf{x}} [\mathbf{a}^T \mathbf{X} \mathbf{b}] = \mathbf{a} \mathbf{b}^T$"),
    notes="The seed writes ∂/∂x; the variable is the matrix X (read as ∂/∂X).",
    aliases=("derivative of a^T X b", "scalar by matrix derivative", "gradient of bilinear form in X"),
    tags=_LAYOUT_TAGS + ("scalar-by-matrix", "bilinear form"),
    references=(_COOKBOOK + ", eq. (70)",),
)

grad_bilinear_form_matrix_transpose = Entry(
    id="deriv.grad-bilinear-form-matrix-transpose",
    title="∂(aᵀXᵀb)/∂X = baᵀ",
    expected=PROVED,
    symbols={"X": "matrix n m", "a": "vector m", "b": "vector n"},
    statement=lambda X, a, b: Eq(D(a.T * X.T * b, X), b * a.T),
    seed=seed(194, 194, r"$\frac{\partial}{\partial \mathbf{x}} [\mathbf{a}^T \mathbf{X}^T \mathbf{b}] = \mathbf{b} \mathbf{a}^T$"),
    notes="The seed writes ∂/∂x; the variable is the matrix X (read as ∂/∂X).",
    aliases=("derivative of a^T X^T b", "scalar by matrix derivative"),
    tags=_LAYOUT_TAGS + ("scalar-by-matrix", "bilinear form"),
    references=(_COOKBOOK + ", eq. (71)",),
)

grad_bilinear_form_matrix_transpose_repeated = Entry(
    id="deriv.grad-bilinear-form-matrix-transpose-repeated",
    title="∂(aᵀXᵀb)/∂X = baᵀ (repeated line)",
    expected=PROVED,
    symbols={"X": "matrix n m", "a": "vector m", "b": "vector n"},
    statement=lambda X, a, b: Eq(D(a.T * X.T * b, X), b * a.T),
    seed=seed(196, 196, r"$\frac{\partial}{\partial \mathbf{x}} [\mathbf{a}^T \mathbf{X}^T \mathbf{b}] = \mathbf{b} \mathbf{a}^T$"),
    notes="The seed prints line 194 twice; this entry records the repetition.",
    see_also=("deriv.grad-bilinear-form-matrix-transpose",),
    tags=_LAYOUT_TAGS + ("scalar-by-matrix", "duplicate"),
    references=(_COOKBOOK + ", eq. (71)",),
)

grad_logdet = Entry(
    id="deriv.grad-logdet",
    title="∂ log det X / ∂X = X^{-T}",
    expected=PROVED,
    symbols={"X": "matrix n n invertible"},
    statement=lambda X: Eq(D(log(det(X)), X), X.inv().T),
    where=lambda X: [Gt(det(X), 0)],
    notes="Stated where det X > 0 so that log det X is real; ∂ log|det X|/∂X = X^{-T} holds for every "
          "invertible X.  SymPy 1.14 returns 0 for this derivative at symbolic size; the verdict rests "
          "on the entry-wise derivative and torch autograd.",
    aliases=("gradient of log determinant", "log det derivative", "derivative of log det", "d log|X| / dX",
             "Jacobi formula", "matrix cookbook 57"),
    tags=_LAYOUT_TAGS + ("scalar-by-matrix", "determinant", "log det", "Gaussian likelihood"),
    references=(_COOKBOOK + ", eq. (57)",),
    see_also=("deriv.grad-logdet-spd",),
)

grad_logdet_spd = Entry(
    id="deriv.grad-logdet-spd",
    title="∂ log det X / ∂X = X^{-1} for symmetric positive definite X",
    expected=PROVED,
    symbols={"X": "matrix n n spd"},
    statement=lambda X: Eq(D(log(det(X)), X), X.inv()),
    notes="X^{-T} = X^{-1} for symmetric X.  The derivative treats the n² entries as independent (the "
          "usual convention in maximum-likelihood derivations); differentiating only over symmetric "
          "matrices gives 2X^{-1} - diag(X^{-1}) instead.",
    aliases=("gradient of log determinant", "log det derivative covariance", "derivative of log det Sigma"),
    tags=_LAYOUT_TAGS + ("scalar-by-matrix", "determinant", "log det", "covariance", "Gaussian likelihood"),
    references=(_COOKBOOK + ", eq. (57)",),
    see_also=("deriv.grad-logdet",),
)

grad_trace = Entry(
    id="deriv.grad-trace",
    title="∂ tr(X) / ∂X = I",
    expected=PROVED,
    symbols={"X": "matrix n n"},
    statement=lambda X: Eq(D(tr(X), X), Identity(X.shape[0])),
    aliases=("derivative of trace", "gradient of trace"),
    tags=_LAYOUT_TAGS + ("scalar-by-matrix", "trace"),
    references=(_COOKBOOK + ", eq. (99)",),
)

grad_trace_ax = Entry(
    id="deriv.grad-trace-ax",
    title="∂ tr(AX) / ∂X = ∂ tr(XA) / ∂X = Aᵀ",
    expected=PROVED,
    symbols={"X": "matrix n m", "A": "matrix m n"},
    statement=lambda X, A: Eq(D(tr(A * X), X), A.T),
    notes="tr(AX) = tr(XA) (linalg.trace-cyclic).",
    aliases=("derivative of trace of product", "gradient of tr(AX)", "derivative of tr(XA)"),
    tags=_LAYOUT_TAGS + ("scalar-by-matrix", "trace"),
    references=(_COOKBOOK + ", eq. (100)",),
    see_also=("linalg.trace-cyclic",),
)

grad_trace_axb = Entry(
    id="deriv.grad-trace-axb",
    title="∂ tr(AXB) / ∂X = AᵀBᵀ",
    expected=PROVED,
    symbols={"X": "matrix n m", "A": "matrix m n", "B": "matrix m m"},
    statement=lambda X, A, B: Eq(D(tr(A * X * B), X), A.T * B.T),
    aliases=("derivative of trace", "gradient of tr(AXB)"),
    tags=_LAYOUT_TAGS + ("scalar-by-matrix", "trace"),
    references=(_COOKBOOK + ", eq. (101)",),
)

grad_trace_inverse = Entry(
    id="deriv.grad-trace-inverse",
    title="∂ tr(S A^{-1}) / ∂A = -A^{-T} Sᵀ A^{-T}",
    expected=PROVED,
    symbols={"A": "matrix n n invertible", "S": "matrix n n"},
    statement=lambda A, S: Eq(D(tr(S * A.inv()), A), -(A.inv() * S * A.inv()).T),
    notes="Stated as -(A^{-1} S A^{-1})ᵀ, the Cookbook's form; it equals -A^{-T} Sᵀ A^{-T}.  "
          "From d(A^{-1}) = -A^{-1} dA A^{-1}.  For symmetric S and A (a sample covariance and a "
          "covariance model) it reads -A^{-1} S A^{-1}.",
    aliases=("derivative of trace of inverse", "gradient of tr(S A^-1)", "Gaussian likelihood gradient",
             "derivative of inverse"),
    tags=_LAYOUT_TAGS + ("scalar-by-matrix", "trace", "inverse", "Gaussian likelihood"),
    references=(_COOKBOOK + ", eq. (63) and (124)",),
)

grad_quadratic_form = Entry(
    id="deriv.grad-quadratic-form",
    title="∂(xᵀAx)/∂x = (A + Aᵀ)x",
    expected=PROVED,
    symbols={"x": "vector n", "A": "matrix n n"},
    statement=lambda x, A: Eq(D(x.T * A * x, x), (A + A.T) * x),
    aliases=("derivative of quadratic form", "gradient of quadratic form", "gradient of x^T A x",
             "derivative of x^T A x"),
    tags=_LAYOUT_TAGS + ("gradient", "quadratic form"),
    references=(_COOKBOOK + ", eq. (81)",),
    see_also=("deriv.grad-quadratic-form-symmetric",),
)

grad_quadratic_form_symmetric = Entry(
    id="deriv.grad-quadratic-form-symmetric",
    title="∂(xᵀAx)/∂x = 2Ax for symmetric A",
    expected=PROVED,
    symbols={"x": "vector n", "A": "matrix n n symmetric"},
    statement=lambda x, A: Eq(D(x.T * A * x, x), 2 * A * x),
    aliases=("derivative of quadratic form", "gradient of quadratic form symmetric", "2Ax"),
    tags=_LAYOUT_TAGS + ("gradient", "quadratic form"),
    references=(_COOKBOOK + ", eq. (81)",),
    see_also=("deriv.grad-quadratic-form",),
)

# =============================================================================================
# Linear functions, hyperplanes, level sets
# =============================================================================================

linear_form_is_linear = Entry(
    id="deriv.linear-form-is-linear",
    title="x ↦ wᵀx is linear: wᵀ(αx + βy) = α wᵀx + β wᵀy",
    expected=PROVED,
    symbols={"w": "vector n", "x": "vector n", "y": "vector n", "alpha": "scalar", "beta": "scalar"},
    statement=lambda w, x, y, alpha, beta: Eq(w.T * (alpha * x + beta * y), alpha * (w.T * x) + beta * (w.T * y)),
    aliases=("linear functional", "linearity of inner product"),
    tags=("linear function", "linear form"),
)

linear_iff_inner_product = Entry(
    id="deriv.linear-iff-inner-product",
    title="f: R^n -> R is linear iff f(x) = wᵀx for some w",
    expected=NOT_CHECKABLE,
    seed=seed(198, 198, r"**B.**  $\mathbf{f}(\mathbf{x})$  is linear  $\iff \mathbf{f}(\mathbf{x}) = \mathbf{w}^T \mathbf{x}$  for some  $\mathbf{w} \in \mathbb{R}^n$"),
    reason="true (take w_i = f(e_i)), but a characterisation of all functions f: the engines check "
           "identities between given expressions, not statements quantified over a function space.  "
           "The 'if' direction is checked in deriv.linear-form-is-linear",
    notes="'Linear' in the linear-algebra sense: an affine map wᵀx + b with b ≠ 0 (often called linear "
          "in machine learning) is not of this form.",
    see_also=("deriv.linear-form-is-linear",),
    aliases=("linear function", "Riesz representation", "linear functional"),
    tags=("linear function", "linear form"),
)

hyperplane_definition = Entry(
    id="deriv.hyperplane-definition",
    title="Hyperplane: H = {x | ⟨w, x - p⟩ = 0} with normal w and point p",
    expected=NOT_CHECKABLE,
    definition=True,
    seed=seed(200, 204, r"""**C.** **(Hyperplane)**

$H := \{ \mathbf{x} \mid \langle \mathbf{w}, \mathbf{x} - \mathbf{p} \rangle = 0 \} = \{ \mathbf{x} \mid \langle \mathbf{w}, \mathbf{x} \rangle = b \}$

where  $b = \langle \mathbf{w}, \mathbf{p} \rangle$ ,  $\mathbf{w}$ —normal vector,  $\mathbf{p}$  points onto a point on the plane."""),
    reason="a hyperplane needs w ≠ 0 (for w = 0 the set is all of R^n); the equality of the two "
           "descriptions is checked in deriv.hyperplane-point-normal-form",
    see_also=("deriv.hyperplane-point-normal-form",),
    aliases=("hyperplane", "point-normal form", "decision boundary", "separating hyperplane"),
    tags=("geometry", "hyperplane", "definition"),
)

hyperplane_point_normal_form = Entry(
    id="deriv.hyperplane-point-normal-form",
    title="⟨w, x - p⟩ = ⟨w, x⟩ - b with b = ⟨w, p⟩, so {x | ⟨w, x - p⟩ = 0} = {x | ⟨w, x⟩ = b}",
    expected=PROVED,
    symbols={"w": "vector n", "x": "vector n", "p": "vector n"},
    statement=lambda w, x, p: Eq(ScalarOf(w.T * (x - p)), ScalarOf(w.T * x) - ScalarOf(w.T * p)),
    seed=seed(202, 204, r"""$H := \{ \mathbf{x} \mid \langle \mathbf{w}, \mathbf{x} - \mathbf{p} \rangle = 0 \} = \{ \mathbf{x} \mid \langle \mathbf{w}, \mathbf{x} \rangle = b \}$

where  $b = \langle \mathbf{w}, \mathbf{p} \rangle$ ,  $\mathbf{w}$ —normal vector,  $\mathbf{p}$  points onto a point on the plane."""),
    notes="The two sets agree because their defining functions agree for every x; that identity is "
          "what is checked.",
    aliases=("hyperplane", "point-normal form", "hyperplane offset", "bias of hyperplane"),
    tags=("geometry", "hyperplane"),
)

level_set_definition = Entry(
    id="deriv.level-set-definition",
    title="Level set: L_f(c) = {x | f(x) = c} = f^{-1}(c)",
    expected=NOT_CHECKABLE,
    definition=True,
    reason="names the preimage of a value; the equality L_f(c) = f^{-1}(c) is the definition of the "
           "preimage, so nothing beyond notation is asserted",
    seed=seed(206, 208, r"""**D.** **(Level Sets)** of a function  $f: \mathbb{R}^n \rightarrow \mathbb{R}$  is a one-parametric family of sets defined as

$$L_f(c) := \{ \mathbf{x} \mid f(\mathbf{x}) = c \} = f^{-1}(c) \subseteq \mathbb{R}^n.$$"""),
    aliases=("level set", "contour", "preimage", "isoline"),
    tags=("geometry", "level set", "definition"),
)
