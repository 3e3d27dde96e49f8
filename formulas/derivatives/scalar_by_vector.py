"""4.2 Scalar-by-vector derivatives (cheat sheet lines 134-154)."""

from __future__ import annotations

from .._authoring import (
    PROVED,
    REFUTED,
    D,
    Entry,
    Eq,
    seed,
)
from .shared import _COOKBOOK, _LAYOUT_TAGS, _Deriv, _eq

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
    title="Product rule ∂(uv)/∂x = u ∂v/∂x + v ∂u/∂x (garbled as printed: v is lost twice)",
    expected=PROVED,
    symbols={"x": "vector n", "u": "function x", "v": "function x"},
    statement=lambda x, u, v: Eq(D(u * v, x), u * D(v, x) + v * D(u, x)),
    seed=seed(134, 134, r"$$\frac{\partial}{\partial \mathbf{x}} [\mathbf{u}(\mathbf{x})] = \mathbf{u}(\mathbf{x}) \frac{\partial}{\partial \mathbf{x}} + \mathbf{v}(\mathbf{x}) \frac{\partial u(\mathbf{x})}{\partial \mathbf{x}}$$"),
    corrected_by="deriv.grad-product-scalar-fields",
    notes="Garbled as printed: 'u(x) ∂/∂x' is an operator with nothing to act on and v(x) appears on the right "
          "only, so the line has no typed literal reading; it is the product rule for u(x)v(x) with v lost from "
          "the bracket and from ∂v(x)/∂x, and that rule is checked (u, v scalar functions, as in 4.2).",
    aliases=("product rule",),
    tags=_LAYOUT_TAGS + ("product rule", "garbled"),
)


grad_identity_jacobian_factor = Entry(
    id="deriv.grad-identity-jacobian-factor",
    title="∂u/∂x = (∂x/∂x)(∂u/∂x): the identity Jacobian on the left",
    expected=PROVED,
    symbols={"x": "vector n", "u": "function x"},
    statement=lambda x, u: Eq(D(u, x), D(x, x) * D(u, x)),
    notes="The chain rule u(x) = u(y) at y = x, in denominator order: the n × n Jacobian ∂x/∂x = I "
          "multiplies the n × 1 gradient from the left.",
    aliases=("chain rule identity", "gradient times identity"),
    tags=_LAYOUT_TAGS + ("chain rule", "gradient"),
)


grad_times_identity_jacobian = Entry(
    id="deriv.grad-times-identity-jacobian",
    title="As printed: ∂u/∂x = (∂u/∂x)(∂x/∂x), the identity Jacobian on the right",
    expected=REFUTED,
    symbols={"x": "vector n", "u": "function x"},
    statement=lambda x, u: _eq(D(u, x), D(u, x, layout="numerator") * D(x, x, layout="numerator")),
    seed=seed(136, 136, r"$\frac{\partial}{\partial \mathbf{x}} [\mathbf{u}(\mathbf{x})] = \frac{\partial u(\mathbf{x})}{\partial \mathbf{x}} \frac{\partial \mathbf{x}}{\partial \mathbf{x}}$"),
    corrected_by="deriv.grad-identity-jacobian-factor",
    reason="the printed factor order, outer derivative first, is the numerator-layout chain rule that lines 124-126 "
           "state and are refuted for; in that order the product is typed only with the gradient as a row, "
           "(∂u/∂x)ᵀ I, which is checked against the sheet's column gradient",
    notes="In the sheet's denominator layout ∂u/∂x is an n × 1 column and ∂x/∂x = I is n × n, so the printed product "
          "(n × 1)(n × n) is undefined for n > 1; typed in the printed order it is the row (∂u/∂x)ᵀ, not the column "
          "the line's left side is.  In denominator layout the identity goes on the left "
          "(deriv.grad-identity-jacobian-factor).",
    see_also=("deriv.chain-rule-numerator-order",),
    tags=_LAYOUT_TAGS + ("chain rule", "erratum"),
)


grad_bilinear_form_fields = Entry(
    id="deriv.grad-bilinear-form-fields",
    title="∂(fᵀA g)/∂x = (∂f/∂x) A g + (∂g/∂x) Aᵀ f",
    expected=PROVED,
    symbols={"x": "vector n", "f": "function x m", "g": "function x n", "A": "matrix m n"},
    statement=lambda x, f, g, A: Eq(D(f.T * A * g, x), D(f, x) * A * g + D(g, x) * A.T * f),
    notes="f: ℝⁿ → ℝᵐ and g: ℝⁿ → ℝⁿ, so A is m × n and a dropped transpose changes a shape.",
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
    notes="(∂(Aᵀx)/∂x)ᵢⱼ = ∂(∑ₖ Aₖⱼ xₖ)/∂xᵢ = Aᵢⱼ.  The same holds for the row vector xᵀA, whose "
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
    notes="The derivative of the vector Aᵀx is the n × m matrix A, not a vector; 'a' appears nowhere on "
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
    title="∂[(Ax + b)ᵀC(Dx + e)]/∂x = DᵀCᵀ(Ax + b) + AᵀC(Dx + e) (garbled as printed: '(A + b)ᵀ')",
    expected=PROVED,
    symbols={"x": "vector n", "A": "matrix m n", "b": "vector m", "C": "matrix m m",
             "D": "matrix m n", "e": "vector m"},
    statement=lambda x, A, b, C, D, e: Eq(_Deriv((A * x + b).T * C * (D * x + e), x),
                                          D.T * C.T * (A * x + b) + A.T * C * (D * x + e)),
    seed=seed(152, 152, r"$\frac{\partial}{\partial \mathbf{x}} [(\mathbf{A} + \mathbf{b})^T \mathbf{C}(\mathbf{D}\mathbf{x} + \mathbf{e})] = \mathbf{D}^T \mathbf{C}^T(\mathbf{A}\mathbf{x} + \mathbf{b}) + \mathbf{A}^T \mathbf{C}(\mathbf{D}\mathbf{x} + \mathbf{e})$"),
    corrected_by="deriv.grad-affine-bilinear-form",
    notes="Garbled as printed: the left side adds the matrix A to the vector b, while the right side has Ax + b, so "
          "the x of Ax is lost; with it restored the line is Matrix Cookbook eq. (78), which is checked.",
    tags=_LAYOUT_TAGS + ("gradient", "garbled"),
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
    title="As printed: ∂/∂x[f(x)] f(x) = … = 2 Jf(x)",
    expected=REFUTED,
    symbols={"x": "vector n", "f": "function x m"},
    statement=lambda x, f: _eq(D(f.T * f, x), 2 * D(f, x)),
    seed=seed(154, 154, r"$\frac{\partial}{\partial \mathbf{x}} [\mathbf{f}(\mathbf{x})] \mathbf{f}(\mathbf{x}) = \frac{\partial \mathbf{f}}{\partial \mathbf{x}} [\mathbf{f}(\mathbf{x})] = 2 \frac{\partial \mathbf{f}}{\partial \mathbf{x}} [\mathbf{f}(\mathbf{x})] \mathbf{f}(\mathbf{x}) = 2\mathbf{J}_f(\mathbf{x})$"),
    corrected_by="deriv.grad-squared-norm-field",
    notes="Read as the gradient of fᵀf (the bracket swallowed the transpose).  The chain of four "
          "expressions contradicts itself: it equates (∂f/∂x) f with 2 (∂f/∂x) f and ends with 2 Jf, "
          "an n × m matrix, whereas the gradient of the scalar fᵀf is the n-vector 2 (∂f/∂x) f.  The "
          "outer equality is checked and fails on shapes.",
    aliases=("gradient of squared norm of a function",),
    tags=_LAYOUT_TAGS + ("gradient", "erratum", "garbled"),
)
