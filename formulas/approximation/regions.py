"""Linear regions of ReLU layers and networks (cheat sheet lines 174-182; repeated at 277-279 and 287-289).

``R(m)`` (or ``R(m, n)``) is the largest number of regions into which ``m`` affine hyperplanes cut
ℝⁿ, reached in general position: R(m, n) = ∑ᵢ C(m, i) over i ≤ min(m, n) (Zaslavsky 1975).  Counting
regions is a claim about arrangements and networks, so those entries are experiments (exact counts);
the two formulas the sheet derives from ``R(m, n)`` are statements.
"""

from __future__ import annotations

from sympy import Symbol, binomial

from .._authoring import CONFIRMED, PROVED, REFUTED, Entry, Eq, Le, Sum, seed
from . import experiments

_ZASLAVSKY = "Zaslavsky (1975), Facing up to arrangements, Mem. AMS 154, Thm. A"
_MONTUFAR = "Montúfar, Pascanu, Cho & Bengio (2014), On the number of linear regions of deep neural networks, NeurIPS"
_SERRA = "Serra, Tjandraatmadja & Ramalingam (2018), Bounding and counting linear regions of DNNs, ICML, Thm. 1"
_TELGARSKY = "Telgarsky (2016), Benefits of depth in neural networks, COLT"
_i = Symbol("i", integer=True, nonnegative=True)  # summation index

region_count_exponential_small_width = Entry(
    id="approx.region-count-exponential-small-width",
    title="With m ≤ n hyperplanes (units) in ℝⁿ the maximal number of regions is R(m) = ∑ᵢ₌₀ᵐ C(m, i) = 2ᵐ",
    expected=PROVED,
    symbols={"m": "scalar positive integer", "n": "scalar positive integer"},
    statement=lambda m, n: Eq(Sum(binomial(m, _i), (_i, 0, m)), 2**m),
    where=lambda m, n: [Le(m, n)],
    seed=seed(174, 174, r"**B.** If classes  $m \leq n$  we have  $R(m) = 2^m$  (exponential growth)."),
    notes="For m ≤ n, min(m, n) = m, so Zaslavsky's count R(m, n) = ∑ᵢ C(m, i) over i ≤ min(m, n) is the full binomial sum: "
          "every one of the 2ᵐ sign patterns of m independent affine functions occurs.  The count itself (that m "
          "hyperplanes in general position cut exactly that many regions) is approx.region-count-hyperplane-arrangement; "
          "'classes' in the print means hyperplanes (units).",
    aliases=("2^m regions", "exponential growth of regions", "all activation patterns"),
    tags=("linear regions", "hyperplane arrangement", "relu"),
    references=(_ZASLAVSKY,),
    see_also=("approx.region-count-hyperplane-arrangement",),
)

region_count_polynomial_in_width = Entry(
    id="approx.region-count-polynomial-in-width",
    title="For fixed input dimension n, R(m) = ∑ᵢ₌₀ⁿ C(m, i) ≤ 2ⁿmⁿ: R(m) ∈ O(mⁿ)",
    expected=CONFIRMED,
    symbols={"m": "scalar positive integer", "n": "scalar positive integer"},
    statement=lambda m, n: Le(Sum(binomial(m, _i), (_i, 0, n)), 2**n * m**n),
    seed=seed(176, 176, r"**C.** For any input size  $n$  we have  $R(m) \in \mathcal{O}(m^n)$  (polynomial slowdown in number of cells, limited by the input space dimension)."),
    notes="The O-claim with its constant made explicit.  Proof: C(m, i) ≤ mⁱ ≤ C(n, i) mⁱ, so R(m, n) ≤ (1 + m)ⁿ ≤ (2m)ⁿ "
          "for m ≥ 1 (for m < n the terms with i > m vanish).  The exponent n is tight: R(m, n) = mⁿ/n! + O(mⁿ⁻¹).  "
          "Confirmed on integer draws of (m, n) (the numeric engine now evaluates the sum at each draw, and the exact "
          "search finds no counterexample); no engine proves an inequality between a sum with a symbolic bound and "
          "its bound yet, so not proved.",
    aliases=("polynomial number of regions", "O(m^n) regions", "Zaslavsky bound growth"),
    tags=("linear regions", "hyperplane arrangement", "asymptotics"),
    references=(_ZASLAVSKY,),
    see_also=("approx.region-count-hyperplane-arrangement",),
)

region_count_deep_relu_as_printed = Entry(
    id="approx.region-count-deep-relu-as-printed",
    title="As printed (Montúfar et al. 2014): L ReLU layers of widths O(m) cut ℝⁿ into at most ∑ᵢ₌₀ᵏ C(m, i) regions, k = min(m, n)",
    expected=REFUTED,
    experiment=experiments.region_count_deep_relu_as_printed,
    reason="the bound does not depend on L, while depth multiplies regions: a width-2 ReLU net of depth 7 on ℝ² has 128 "
           "linear regions (exact count by polygon clipping, exact affine pieces), more than the bound with m = the "
           "width (4) or m = all 14 units (106); a region count is a claim about networks, checked by experiment",
    seed=seed(180, 182, r"""**T.** (Montufar et al. 2014) If we process  $n$ -dim. inputs through  $L$  ReLU layers with widths  $m_1, \dots, m_L \in \mathcal{O}(m)$ . Then  $\mathbb{R}^n$  can be partitioned into at most  $R(m)$  layers:

$$R(m) \leq \sum_{i=0}^{\min\{m,n\}} \binom{m}{i}$$"""),
    corrected_by="approx.region-count-relu-layer-bound",
    notes="The printed sum is Zaslavsky's count for one layer (a hyperplane arrangement).  Montúfar et al. prove a "
          "lower bound on the maximal number of regions of deep nets that grows exponentially in L, "
          "(∏ₗ ⌊mₗ/n⌋ⁿ over l < L) · ∑ⱼ₌₀ⁿ C(m(L), j), m(L) the last width; an upper bound for deep nets is approx.region-count-deep-relu-bound.  "
          "'partitioned into at most R(m) layers' should read 'regions'.  The passage is printed three times "
          "(lines 180-182, 277-279, 287-289).",
    aliases=("Montufar theorem", "number of linear regions of deep networks", "deep ReLU region bound"),
    tags=("linear regions", "relu", "depth", "erratum"),
    references=(_MONTUFAR, _TELGARSKY, _ZASLAVSKY),
    see_also=("approx.region-count-deep-exponential-in-depth", "approx.region-count-deep-relu-bound",
              "approx.region-count-hyperplane-arrangement"),
)

region_count_relu_layer_bound = Entry(
    id="approx.region-count-relu-layer-bound",
    title="One ReLU layer of width m on ℝⁿ has at most ∑ᵢ₌₀ᵏ C(m, i) linear regions, k = min(m, n)",
    expected=CONFIRMED,
    experiment=experiments.region_count_relu_layer_bound,
    reason="exact region counts of random and degenerate single layers (numerics.regions)",
    notes="A layer x ↦ max(0, Wx + b) is affine on each cell of the arrangement of its m hyperplanes wᵢᵀx + bᵢ = 0, "
          "and no arrangement of m hyperplanes in ℝⁿ has more cells.",
    aliases=("Zaslavsky bound", "single layer region count", "shallow ReLU regions", "Montufar corrected"),
    tags=("linear regions", "relu", "hyperplane arrangement"),
    references=(_ZASLAVSKY, _MONTUFAR),
    see_also=("approx.region-count-hyperplane-arrangement", "approx.region-count-deep-relu-bound"),
)

region_count_hyperplane_arrangement = Entry(
    id="approx.region-count-hyperplane-arrangement",
    title="m hyperplanes in general position cut ℝⁿ into exactly ∑ᵢ₌₀ᵏ C(m, i) regions, k = min(m, n)",
    expected=CONFIRMED,
    experiment=experiments.region_count_hyperplane_arrangement,
    reason="exact region counts of Gaussian arrangements (deletion-restriction, numerics.regions)",
    notes="General position: every n of the normals are independent and no n + 1 hyperplanes share a point; random "
          "Gaussian hyperplanes are in general position with probability 1 (Buck 1943, Zaslavsky 1975).",
    aliases=("Zaslavsky theorem", "regions of a hyperplane arrangement", "general position count",
             "cake cutting numbers"),
    tags=("linear regions", "hyperplane arrangement", "combinatorics"),
    references=(_ZASLAVSKY, "Buck (1943), Partition of space, Amer. Math. Monthly 50"),
    see_also=("approx.region-count-relu-layer-bound",),
)

region_count_deletion_restriction = Entry(
    id="approx.region-count-deletion-restriction",
    title="Deletion-restriction: r(𝒜) = r(𝒜 without H) + r(𝒜 restricted to H)",
    expected=CONFIRMED,
    experiment=experiments.region_count_deletion_restriction,
    reason="the recursion's count against the exact count 1 + #lines + ∑ₚ (tₚ − 1) on degenerate line arrangements",
    notes="Adding H splits in two exactly the regions it meets, one per region of the arrangement cut out inside H.",
    aliases=("deletion restriction", "region recursion"),
    tags=("hyperplane arrangement", "combinatorics"),
    references=(_ZASLAVSKY, "Stanley (2007), An introduction to hyperplane arrangements, Lemma 2.1"),
)

region_count_deep_relu_bound = Entry(
    id="approx.region-count-deep-relu-bound",
    title="Deep ReLU nets have at most ∏ₗ ∑ⱼ C(mₗ, j) regions, the sum over j ≤ dₗ = min(n, m₁, …, mₗ)",
    expected=CONFIRMED,
    experiment=experiments.region_count_deep_relu_bound,
    reason="exact region counts of random deep nets on ℝ² against numerics.regions.deep_relu_region_bound",
    aliases=("Serra bound", "upper bound on regions of deep networks"),
    tags=("linear regions", "relu", "depth"),
    references=(_SERRA, "Montúfar (2017), Notes on the number of linear regions of deep neural networks"),
    see_also=("approx.region-count-relu-layer-bound", "approx.region-count-deep-exponential-in-depth"),
)

region_count_deep_exponential_in_depth = Entry(
    id="approx.region-count-deep-exponential-in-depth",
    title="Depth multiplies regions: L ReLU layers of width 2 can have 2ᴸ linear regions",
    expected=CONFIRMED,
    experiment=experiments.region_count_deep_exponential_in_depth,
    reason="exact region counts and exact affine pieces of tent-map nets of depth 1..7",
    notes="What Montúfar et al. (2014) show: at fixed width, deep nets can have exponentially many regions in L, more "
          "than any shallow net with the same number of units.",
    aliases=("sawtooth network", "tent map", "depth separation", "Montufar lower bound"),
    tags=("linear regions", "relu", "depth"),
    references=(_MONTUFAR, _TELGARSKY),
    see_also=("approx.region-count-deep-relu-as-printed",),
)
