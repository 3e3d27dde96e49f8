"""4.3 Vector-by-vector derivatives (cheat sheet lines 158-172)."""

from __future__ import annotations

from sympy import HadamardProduct, KroneckerProduct

from .._authoring import (
    NOT_CHECKABLE,
    PROVED,
    REFUTED,
    D,
    DiagVec,
    Entry,
    Eq,
    Identity,
    ZeroMatrix,
    seed,
)
from .shared import _LAYOUT_TAGS, _eq

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
    notes="Entry (i, j): ∂(u fⱼ)/∂xᵢ = (∂u/∂xᵢ) fⱼ + u ∂fⱼ/∂xᵢ, so the scalar gradient enters as the "
          "outer product (∂u/∂x) fᵀ (n × m).",
    aliases=("product rule", "derivative of scalar times vector", "Jacobian of u f"),
    tags=_LAYOUT_TAGS + ("product rule", "Jacobian"),
)


grad_scalar_times_vector_field_garbled = Entry(
    id="deriv.grad-scalar-times-vector-field-garbled",
    title="As printed: ∂(u f)/∂x = u ∂f/∂x + f ∂u/∂x, the gradient of u after f",
    expected=REFUTED,
    symbols={"x": "vector n", "u": "function x", "f": "function x n"},
    statement=lambda x, u, f: Eq(D(u * f, x), u * D(f, x) + f * D(u, x).T),
    seed=seed(160, 160, r"$\frac{\partial}{\partial \mathbf{x}} [\mathbf{u}(\mathbf{x}) \mathbf{f}(\mathbf{x})] = \mathbf{u}(\mathbf{x}) \frac{\partial \mathbf{f}(\mathbf{x})}{\partial \mathbf{x}} + \mathbf{f}(\mathbf{x}) \frac{\partial \mathbf{u}(\mathbf{x})}{\partial \mathbf{x}}$"),
    corrected_by="deriv.grad-scalar-times-vector-field",
    reason="u is a scalar function (line 158); the printed product of the two columns f and ∂u/∂x is typed in the "
           "printed order only as the outer product f(∂u/∂x)ᵀ, and the sum only when f has n outputs: that reading "
           "is checked, and fails by the factor order that lines 124-126 are refuted for",
    notes="In denominator layout entry (i, j) of ∂(u f)/∂x is (∂u/∂xᵢ) fⱼ + u ∂fⱼ/∂xᵢ, so the term is (∂u/∂x) fᵀ, the "
          "transpose of the printed f(∂u/∂x)ᵀ; the printed order is the numerator-layout product rule "
          "(deriv.chain-rule-numerator-order).",
    see_also=("deriv.chain-rule-numerator-order",),
    tags=_LAYOUT_TAGS + ("product rule", "erratum"),
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
    notes="Reading of ⊗: read as the Kronecker product, x ⊗ a (x ∈ ℝⁿ, a ∈ ℝᵏ) is an nk-vector whose "
          "Jacobian is the n x nk matrix I ⊗ aᵀ (deriv.jacobian-kronecker-vector), which can never equal "
          "the k × k matrix diag(a) except for n = k = 1.  The right side diag(a) is exactly the "
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
    notes="x ⊗ a stacks the blocks xᵢ a, so entry (i, (j, l)) of the Jacobian is δᵢⱼ aₗ.",
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
          "the printed claim: ∂A/∂x is the zero n × m matrix, which differs from A in shape and value.",
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
          "is defined entry-wise ((∂f/∂x)ᵢⱼ = ∂fⱼ/∂xᵢ), so ∂(xᵀA)/∂x = A (n × m); Aᵀ is the "
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
