"""Hinges and continuous piecewise-linear functions: Wang & Sun, absolute-value nesting, density (lines 220-224).

A *k-hinge* is max(w₁ᵀx + b₁, …, w_kᵀx + b_k); a *hinge* is max(0, wᵀx + b).  The Wang-Sun theorem
represents every continuous piecewise-linear (CPWL) function as a signed sum of k-hinges; it is an
existence claim about all CPWL functions, so its evidence is constructive (exact representations at
n = 1) and its misprinted bound is refuted by an exact counterexample.  Identities between
expressions (max via absolute values) are statements.
"""

from __future__ import annotations

from .._authoring import CONFIRMED, PROVED, REFUTED, Abs, Entry, Eq, Max, Verdict, seed
from . import experiments

_WANG_SUN = "Wang & Sun (2005), Generalization of hinging hyperplanes, IEEE Trans. Inf. Theory 51(12)"
_ARORA = "Arora, Basu, Mianjy & Mukherjee (2018), Understanding deep neural networks with ReLUs, ICLR, Thm. 2.1"


def _max2(a, b):
    """max(a, b) written with one absolute value: (a + b + |a − b|)/2."""
    return (a + b + Abs(a - b)) / 2


k_hinge_representation_as_printed = Entry(
    id="approx.k-hinge-representation-as-printed",
    title="As printed (Wang & Sun 2005): every CPWL f: ℝⁿ → ℝ is a signed sum of k-hinges with k ≤ ⌈log₂(n + 1)⌉",
    expected=REFUTED,
    experiment=experiments.k_hinge_representation_as_printed,
    reason="an existence claim over all CPWL functions, refuted exactly: at n = 1 the bound allows only 1-hinges, which "
           "are affine, and no signed sum of affine maps equals |x|",
    seed=seed(220, 220, r"**T.** (Wang and Sun, 2005) Every continuous p.w. linear function from  $\mathbb{R}^n \rightarrow \mathbb{R}$  can be written as a signed sum of  $k$ -Hinges with  $k \leq \lceil \log_2(n+1) \rceil$ . So  $f(\mathbf{x}) = \sum_i \theta_i h(\mathbf{x}_i)$  where  $\theta_i \in \{\pm 1\}$ ."),
    corrected_by="approx.cpwl-signed-sum-of-hinges",
    notes="Wang & Sun's bound is k ≤ n + 1 (each hinge a max of at most n + 1 affine functions); ⌈log₂(n + 1)⌉ is the "
          "nesting depth of absolute values needed to evaluate such a max (the next line of the sheet, "
          "approx.absolute-value-nesting-logarithmic), and the number of hidden layers with which ReLU nets represent "
          "every CPWL function (Arora et al. 2018).  'h(xᵢ)' should read 'hᵢ(x)'.",
    aliases=("Wang Sun theorem", "hinging hyperplanes", "CPWL representation", "k-hinge representation"),
    tags=("hinge", "piecewise linear", "representation", "erratum"),
    references=(_WANG_SUN, _ARORA),
    see_also=("approx.absolute-value-nesting-logarithmic",),
)

cpwl_signed_sum_of_hinges = Entry(
    id="approx.cpwl-signed-sum-of-hinges",
    title="Every continuous piecewise-linear f: ℝⁿ → ℝ is a signed sum of k-hinges with k ≤ n + 1",
    expected=CONFIRMED,
    experiment=experiments.cpwl_signed_sum_of_hinges,
    reason="the n = 1 case, constructively and exactly, on random CPWL functions; the general theorem is Wang & Sun "
           "(2005), Thm. 1, cited and not re-proved",
    notes="For n = 1: f(x) = f(t₁) + s₀(x − t₁) + ∑ᵢ (sᵢ − sᵢ₋₁) max(0, x − tᵢ), with knots tᵢ and slopes sᵢ.",
    aliases=("Wang Sun theorem", "generalized hinging hyperplanes", "CPWL as max of affine"),
    tags=("hinge", "piecewise linear", "representation"),
    references=(_WANG_SUN, _ARORA),
)

max_via_absolute_value = Entry(
    id="approx.max-via-absolute-value",
    title="max(a, b) = (a + b + |a − b|)/2",
    expected=PROVED,
    symbols={"a": "scalar", "b": "scalar"},
    statement=lambda a, b: Eq(Max(a, b), _max2(a, b)),
    notes="So max(0, z) = (z + |z|)/2, and a max of k affine functions is a nest of ⌈log₂ k⌉ absolute values "
          "(approx.absolute-value-nesting-logarithmic).  The proof is the case split a ≥ b, a < b, which the symbolic "
          "engine now does (Max and Abs as piecewise functions).",
    aliases=("max as absolute value", "relu via abs", "max formula"),
    tags=("hinge", "absolute value", "relu"),
)

absolute_value_nesting_logarithmic = Entry(
    id="approx.absolute-value-nesting-logarithmic",
    title="Each level of absolute values halves the number of affine pieces: max(a, b, c, d) = ½(m₁ + m₂ + |m₁ − m₂|), "
          "mᵢ pairwise maxima written with |·|",
    expected=Verdict.CONFIRMED,
    instance="four pieces (n = 3, depth 2); the line is for every n",
    symbols={"a": "scalar", "b": "scalar", "c": "scalar", "d": "scalar"},
    statement=lambda a, b, c, d: Eq(Max(a, b, c, d), _max2(_max2(a, b), _max2(c, d))),
    seed=seed(222, 222, r"**Com.** This reduces the growth of absolute value nesting to logarithmic growth, instead of linear growth."),
    notes="Read with Wang & Sun's k ≤ n + 1 (the print's ⌈log₂(n + 1)⌉ is this nesting depth, not k): a k-hinge is a max "
          "of k ≤ n + 1 affine functions, and pairing them level by level, max(S ∪ T) = max(max S, max T) with "
          "max(A, B) = ½(A + B + |A − B|) (approx.max-via-absolute-value), evaluates it with ⌈log₂ k⌉ ≤ ⌈log₂(n + 1)⌉ "
          "nested absolute values.  The statement is that step for four pieces (n = 3, depth 2); by induction on the "
          "levels it gives depth ⌈log₂(n + 1)⌉ for every n.  'Instead of linear growth' compares with earlier "
          "canonical piecewise-linear representations (Chua and Kang; Breiman's hinging hyperplanes), whose nesting "
          "depth grows with n: a remark about the literature.  The symbolic engine does not fold piecewise functions "
          "with more than three kinks (the case split is exponential), so the four-piece step is confirmed on "
          "float64 draws and exact rational points; being an instance of the line, it is at most confirmed anyway.",
    aliases=("absolute value nesting", "logarithmic depth", "canonical piecewise linear representation"),
    tags=("hinge", "absolute value", "depth"),
    references=(_WANG_SUN, _ARORA),
    see_also=("approx.max-via-absolute-value", "approx.cpwl-signed-sum-of-hinges"),
)

piecewise_linear_dense = Entry(
    id="approx.piecewise-linear-dense",
    title="Continuous piecewise-linear functions are dense in C(ℝⁿ) (uniformly on compact sets)",
    expected=CONFIRMED,
    experiment=experiments.piecewise_linear_dense,
    reason="a limit claim: piecewise-linear interpolants (1-D sums of hinges, 2-D triangulations) converge uniformly on "
           "a compact box for smooth and for non-Lipschitz targets, within the interpolation error bound",
    seed=seed(224, 224, r"**C.** P.w. linear functions are dense in  $C(\mathbb{R}^n)$ ."),
    notes="True in the topology of C(ℝⁿ), uniform convergence on compact sets (Stone-Weierstrass for lattices, or "
          "piecewise-linear interpolation).  Not uniformly on all of ℝⁿ: finitely many pieces are affine far out and "
          "cannot follow sin(x) there.",
    aliases=("density of piecewise linear functions", "universal approximation", "PWL approximation"),
    tags=("approximation", "piecewise linear", "universal approximation"),
    references=("Cybenko (1989); Leshno, Lin, Pinkus & Schocken (1993), Neural Networks 6",),
)
