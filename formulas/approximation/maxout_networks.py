"""Maxout networks and k-hinges (cheat sheet lines 226-230 and 246-248)."""

from __future__ import annotations

from sympy import HadamardProduct, OneMatrix

from .._authoring import CONFIRMED, NOT_CHECKABLE, Entry, Eq, seed

_GOODFELLOW = "Goodfellow, Warde-Farley, Mirza, Courville & Bengio (2013), Maxout networks, ICML"
_WANG_SUN = "Wang & Sun (2005), Generalization of hinging hyperplanes, IEEE Trans. Inf. Theory 51(12)"

maxout_unit_is_k_hinge = Entry(
    id="approx.maxout-unit-is-k-hinge",
    title="History: k-hinges were re-discovered in 2013 as maxout units (Goodfellow et al.)",
    expected=NOT_CHECKABLE,
    reason="history: an attribution, not a mathematical claim.  That a maxout unit computes a k-hinge of its group's k "
           "affine maps is the definition of maxout (approx.maxout-groupwise-max) read against that of a k-hinge "
           "(approx.k-hinge), so there is nothing left to check",
    seed=seed(228, 228, r"In 2013  $k$ -Hinges were re-discovered under the name of **Maxout** by Goodfellow et al."),
    aliases=("maxout", "k-hinge", "maxout networks"),
    tags=("maxout", "hinge", "history"),
    references=(_GOODFELLOW, _WANG_SUN),
    see_also=("approx.k-hinge", "approx.maxout"),
)

k_hinge = Entry(
    id="approx.k-hinge",
    title="k-hinge function: g(x) = max(w₁ᵀx + b₁, …, wₖᵀx + bₖ)",
    expected=NOT_CHECKABLE,
    definition=True,
    reason="g(x) = max over i ≤ k of wᵢᵀx + bᵢ; a 2-hinge with one zero map is a hinge",
    seed=seed(230, 230, r"**D.** (k-Hinge Function)  $g(\mathbf{x}) = \max(\mathbf{w}_1^T \mathbf{x} + b_1, \dots, \mathbf{w}_k^T \mathbf{x} + b_k)$ ."),
    aliases=("k-hinge", "max-affine function", "convex piecewise linear"),
    tags=("hinge", "maxout", "piecewise linear"),
    references=(_WANG_SUN,),
)

maxout = Entry(
    id="approx.maxout",
    title="Maxout: the max non-linearity applied to groups of linear units",
    expected=NOT_CHECKABLE,
    definition=True,
    reason="the units [1 : d] of the previous layer are partitioned into groups A₁, …, Aₖ and Gⱼ(x) = max{xᵢ : i ∈ Aⱼ}",
    seed=seed(246, 246, r"**D.** (Maxout) is just the max non-linearity applied to  $k$  groups of linear functions. So the input  $[1 : d]$  (of the previous layer) is partitioned into  $k$  sets  $A_1, \dots, A_k$ , and then we define the activations  $G_j(\mathbf{x})$  for  $j \in \{1, \dots, k\}$  as"),
    aliases=("maxout unit", "maxout layer"),
    tags=("maxout", "activation"),
    references=(_GOODFELLOW,),
    see_also=("approx.maxout-groupwise-max",),
)

maxout_partition_as_printed = Entry(
    id="approx.maxout-partition-as-printed",
    title="As printed: xˡ = xˡ ⊙ 𝟙(A₁) + … + xˡ ⊙ 𝟙(Aₖ), true for a partition but not the maxout activation it announces",
    expected=CONFIRMED,
    instance="three groups; the line is for any partition A₁, …, Aₖ",
    symbols={"x": "vector d", "a": "vector d", "b": "vector d"},
    # three groups: indicator vectors a, b and 1 − a − b (any weights that sum to one)
    statement=lambda x, a, b: Eq(x, HadamardProduct(x, a) + HadamardProduct(x, b)
                                 + HadamardProduct(x, OneMatrix(x.shape[0], 1) - a - b)),
    seed=seed(248, 248, r"$\mathbf{x}^l = \mathbf{x}^l \cdot \mathbf{I}_{A_1} + \dots + \mathbf{x}^l \cdot \mathbf{I}_{A_k}$"),
    notes="As an identity the line holds: the indicator vectors of a partition sum to the all-ones vector, so x splits "
          "into its restrictions to the groups.  Checked for three groups with indicators a, b and 1 − a − b (the "
          "identity holds for any weights summing to one, indicators included).  As the definition of Gⱼ that line "
          "246 announces it says nothing: it contains no max.  The intended definition is "
          "approx.maxout-groupwise-max, Gⱼ(x) = max{xᵢ : i ∈ Aⱼ}.",
    aliases=("maxout partition",),
    tags=("maxout", "partition"),
    see_also=("approx.maxout-groupwise-max",),
)

maxout_groupwise_max = Entry(
    id="approx.maxout-groupwise-max",
    title="Maxout over a partition: Gⱼ(x) = max{zᵢ : i ∈ Aⱼ} with z = Wx + b",
    expected=NOT_CHECKABLE,
    definition=True,
    reason="the definition line 246 announces: the linear units z = Wx + b are partitioned into groups Aⱼ and each "
           "maxout unit outputs the largest unit of its group, a k-hinge of x",
    aliases=("maxout groups", "maxout definition"),
    tags=("maxout",),
    references=(_GOODFELLOW,),
    see_also=("approx.k-hinge",),
)
