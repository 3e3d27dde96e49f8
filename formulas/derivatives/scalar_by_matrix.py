"""4.4 Scalar-by-matrix derivatives (cheat sheet lines 190-196)."""

from __future__ import annotations

from .._authoring import (
    NOT_CHECKABLE,
    PROVED,
    D,
    Entry,
    Eq,
    Gt,
    Identity,
    det,
    log,
    seed,
    tr,
)
from .shared import _COOKBOOK, _LAYOUT_TAGS

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
    title="∂ log det X / ∂X = X⁻ᵀ",
    expected=PROVED,
    symbols={"X": "matrix n n invertible"},
    statement=lambda X: Eq(D(log(det(X)), X), X.inv().T),
    where=lambda X: [Gt(det(X), 0)],
    notes="Stated where det X > 0 so that log det X is real; ∂ log|det X|/∂X = X⁻ᵀ holds for every "
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
    title="∂ log det X / ∂X = X⁻¹ for symmetric positive definite X",
    expected=PROVED,
    symbols={"X": "matrix n n spd"},
    statement=lambda X: Eq(D(log(det(X)), X), X.inv()),
    notes="X⁻ᵀ = X⁻¹ for symmetric X.  The derivative treats the n² entries as independent (the "
          "usual convention in maximum-likelihood derivations); differentiating only over symmetric "
          "matrices gives 2X⁻¹ − diag(X⁻¹) instead.",
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
    title="∂ tr(S A⁻¹) / ∂A = −A⁻ᵀ Sᵀ A⁻ᵀ",
    expected=PROVED,
    symbols={"A": "matrix n n invertible", "S": "matrix n n"},
    statement=lambda A, S: Eq(D(tr(S * A.inv()), A), -(A.inv() * S * A.inv()).T),
    notes="Stated as −(A⁻¹ S A⁻¹)ᵀ, the Cookbook's form; it equals −A⁻ᵀ Sᵀ A⁻ᵀ.  "
          "From d(A⁻¹) = −A⁻¹ dA A⁻¹.  For symmetric S and A (a sample covariance and a "
          "covariance model) it reads −A⁻¹ S A⁻¹.",
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
