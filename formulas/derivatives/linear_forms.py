"""Linear functions, hyperplanes and level sets (cheat sheet lines 198-208)."""

from __future__ import annotations

from .._authoring import (
    CONFIRMED,
    NOT_CHECKABLE,
    PROVED,
    Entry,
    Eq,
    ScalarOf,
    seed,
)
from . import experiments

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
    title="f: ℝⁿ → ℝ is linear iff f(x) = wᵀx for some w ∈ ℝⁿ",
    expected=CONFIRMED,
    experiment=experiments.linear_iff_inner_product,
    seed=seed(198, 198, r"**B.**  $\mathbf{f}(\mathbf{x})$  is linear  $\iff \mathbf{f}(\mathbf{x}) = \mathbf{w}^T \mathbf{x}$  for some  $\mathbf{w} \in \mathbb{R}^n$"),
    reason="'for every linear f' quantifies over functions, which no relational states: checked exactly on random "
           "linear maps built without an inner product (traces, products, coordinate sums) — each is of the form "
           "wᵀx with wᵢ = f(eᵢ) — and on affine maps, which are neither linear nor of that form; the 'if' "
           "direction is also deriv.linear-form-is-linear",
    notes="'Linear' in the linear-algebra sense: an affine map wᵀx + b with b ≠ 0 (often called linear in machine "
          "learning) is not of this form.",
    see_also=("deriv.linear-form-is-linear",),
    aliases=("linear function", "Riesz representation", "linear functional"),
    tags=("linear function", "linear form"),
)


hyperplane_definition = Entry(
    id="deriv.hyperplane-definition",
    title="Hyperplane: H = {x | ⟨w, x − p⟩ = 0} with normal w and point p",
    expected=NOT_CHECKABLE,
    definition=True,
    seed=seed(200, 204, r"""**C.** **(Hyperplane)**

$H := \{ \mathbf{x} \mid \langle \mathbf{w}, \mathbf{x} - \mathbf{p} \rangle = 0 \} = \{ \mathbf{x} \mid \langle \mathbf{w}, \mathbf{x} \rangle = b \}$

where  $b = \langle \mathbf{w}, \mathbf{p} \rangle$ ,  $\mathbf{w}$ —normal vector,  $\mathbf{p}$  points onto a point on the plane."""),
    reason="a hyperplane needs w ≠ 0 (for w = 0 the set is all of ℝⁿ); the equality of the two "
           "descriptions is checked in deriv.hyperplane-point-normal-form",
    see_also=("deriv.hyperplane-point-normal-form",),
    aliases=("hyperplane", "point-normal form", "decision boundary", "separating hyperplane"),
    tags=("geometry", "hyperplane", "definition"),
)


hyperplane_point_normal_form = Entry(
    id="deriv.hyperplane-point-normal-form",
    title="⟨w, x − p⟩ = ⟨w, x⟩ − b with b = ⟨w, p⟩, so {x | ⟨w, x − p⟩ = 0} = {x | ⟨w, x⟩ = b}",
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
    title="Level set: L(c) = {x | f(x) = c} = f⁻¹(c)",
    expected=NOT_CHECKABLE,
    definition=True,
    reason="names the preimage of a value; the equality L(c) = f⁻¹(c) is the definition of the "
           "preimage, so nothing beyond notation is asserted",
    seed=seed(206, 208, r"""**D.** **(Level Sets)** of a function  $f: \mathbb{R}^n \rightarrow \mathbb{R}$  is a one-parametric family of sets defined as

$$L_f(c) := \{ \mathbf{x} \mid f(\mathbf{x}) = c \} = f^{-1}(c) \subseteq \mathbb{R}^n.$$"""),
    aliases=("level set", "contour", "preimage", "isoline"),
    tags=("geometry", "level set", "definition"),
)
