"""Convex sets and functions and the properties of convex functions (cheat sheet lines 71-88).

Claims about *every* convex function have no relational form (convexity is not a declarable assumption),
so they are checked on the convex test family of ``experiments``; a claim refuted by one convex function
is a statement about that function.
"""

from __future__ import annotations

from .._authoring import CONFIRMED, NOT_CHECKABLE, REFUTED, D, Entry, Ge, seed
from . import experiments

CONVEX_REFS = ("Boyd & Vandenberghe, Convex Optimization (2004), sec. 3.1-3.2",)
_FAMILY = "a claim about every convex function: checked on the convex test family of formulas.analysis.experiments"
_LINE_85 = "- Local minima are global minima, strictly convex functions have a unique global minimum"

convex_set_definition = Entry(
    id="anal.convex-set-definition",
    title="Convex set: closed under convex combinations of two points",
    expected=NOT_CHECKABLE,
    definition=True,
    seed=seed(71, 71, r"**D. (Convex Set)** A set  $S \subseteq \mathbb{R}^d$  is called *convex* if  $\forall \mathbf{x}, \mathbf{x}' \in S, \lambda \in [0, 1]: \lambda \mathbf{x} + (1 - \lambda) \mathbf{x}' \in S$ ."),
    aliases=("convex set", "convexity definition"),
    tags=("convexity", "sets"),
    references=("Boyd & Vandenberghe, Convex Optimization (2004), sec. 2.1.4",),
)

convex_set_comment = Entry(
    id="anal.convex-set-comment",
    title="Comment: the segment between two points of a convex set stays in the set; ℝ is convex",
    expected=NOT_CHECKABLE,
    reason="the first sentence restates the definition; 'ℝ is convex' holds by that definition (a real "
           "combination of reals is real), which leaves no relation between expressions to check",
    seed=seed(73, 73, r"**Com.** Any point on the line between two points is within the set.  $R$  is convex."),
    see_also=("anal.convex-set-definition",),
    tags=("convexity", "sets"),
)

convex_function_definition = Entry(
    id="anal.convex-function-definition",
    title="Convex function: f(λx + (1 − λ)x') ≤ λf(x) + (1 − λ)f(x') on a convex domain",
    expected=NOT_CHECKABLE,
    definition=True,
    seed=seed(75, 77, r"""**D. (Convex Function)** A function  $f: S \rightarrow \mathbb{R}$  defined on a *convex* set  $S \subseteq \mathbb{R}^d$  is called *convex* if

$\forall \mathbf{x}, \mathbf{x}' \in S, \lambda \in [0, 1]: f(\lambda \mathbf{x} + (1 - \lambda) \mathbf{x}') \leq \lambda f(\mathbf{x}) + (1 - \lambda) f(\mathbf{x}')$"""),
    aliases=("convex function", "convexity definition", "chord above graph"),
    tags=("convexity",),
    references=CONVEX_REFS,
)

strictly_convex_definition = Entry(
    id="anal.strictly-convex-definition",
    title="Strictly convex function: chords lie strictly above the graph",
    expected=NOT_CHECKABLE,
    definition=True,
    reason="stated in words: the strict inequality for x ≠ x' and λ ∈ (0, 1)",
    seed=seed(79, 79, r"**Com.** A function is strictly convex if the line segment between any two points on the graph of the function lies strictly above the graph."),
    aliases=("strictly convex", "strict convexity"),
    tags=("convexity",),
    references=CONVEX_REFS,
)

convex_first_order_condition = Entry(
    id="anal.convex-first-order-condition",
    title="First-order condition: a differentiable convex f lies above its tangents, f(y) ≥ f(x) + ∇f(x)ᵀ(y − x)",
    expected=CONFIRMED,
    experiment=experiments.convex_first_order_condition,
    reason=_FAMILY + " (its smooth members, 1-D and 2-D) at all pairs of rational grid points",
    seed=seed(83, 83, r"- $f(y) \geq f(x) + \nabla f(x)^T(y - x)$"),
    aliases=("first order condition", "tangent below graph", "supporting hyperplane", "convexity gradient"),
    tags=("convexity", "gradient"),
    references=("Boyd & Vandenberghe, Convex Optimization (2004), sec. 3.1.3",),
)

convex_derivative_nonnegative_as_printed = Entry(
    id="anal.convex-derivative-nonnegative-as-printed",
    title="As printed: a convex f has f'(x) ≥ 0",
    expected=REFUTED,
    symbols={"x": "scalar"},
    statement=lambda x: Ge(D(x**2, x), 0),
    seed=seed(84, 84, r"- $f'(x) \geq 0$"),
    corrected_by="anal.convex-second-order-condition",
    reason="the claim for the convex function f(x) = x², a special case of the printed property: "
           "f'(x) = 2x ≥ 0 for every real x",
    notes="Convex functions can decrease (x² on x < 0).  The well-formed line makes a claim a reader could take at "
          "its word (convex read as monotone), so it is read as printed; the property that holds is the "
          "second-order condition f'' ≥ 0 (anal.convex-second-order-condition).",
    aliases=("convex derivative", "monotone convex"),
    tags=("convexity", "derivative", "erratum"),
)

convex_second_order_condition = Entry(
    id="anal.convex-second-order-condition",
    title="Second-order condition: a twice differentiable convex f has f'' ≥ 0 (Hessian p.s.d.)",
    expected=CONFIRMED,
    experiment=experiments.convex_second_order_condition,
    reason=_FAMILY + " (its smooth members, 1-D and 2-D) at rational points, exactly or at 50 digits",
    aliases=("second order condition", "Hessian psd", "f'' >= 0", "convexity Hessian"),
    tags=("convexity", "Hessian"),
    references=("Boyd & Vandenberghe, Convex Optimization (2004), sec. 3.1.4",),
)

convex_local_min_global = Entry(
    id="anal.convex-local-min-global",
    title="Local minima of a convex function are global minima",
    expected=CONFIRMED,
    experiment=experiments.convex_local_min_global,
    reason="a claim about every convex function: checked on random convex quartics, whose critical points are "
           "isolated exactly",
    seed=seed(85, 85, _LINE_85),
    notes="Line 85 makes three claims, one entry each: local minima are global (this entry); a strictly convex "
          "function has at most one minimiser (anal.strictly-convex-at-most-one-minimiser); and, as printed, it has "
          "one (anal.strictly-convex-has-minimum-as-printed, refuted by eˣ).",
    see_also=("anal.strictly-convex-at-most-one-minimiser", "anal.strictly-convex-has-minimum-as-printed"),
    aliases=("local minimum is global", "convex optimization"),
    tags=("convexity", "optimization", "minimum"),
    references=("Boyd & Vandenberghe, Convex Optimization (2004), sec. 4.2.2",),
)

strictly_convex_at_most_one_minimiser = Entry(
    id="anal.strictly-convex-at-most-one-minimiser",
    title="A strictly convex function has at most one global minimiser",
    expected=CONFIRMED,
    experiment=experiments.strictly_convex_at_most_one_minimiser,
    reason="a claim about every strictly convex function: checked on random strictly convex quartics (exact "
           "real-root isolation of the critical points) and on eˣ, which has none",
    seed=seed(85, 85, _LINE_85),
    notes="Proof: if x ≠ y both minimise f, then f((x + y)/2) < (f(x) + f(y))/2 = min f.  Lines 427-429 make the "
          "same claim (opt.strictly-convex-unique-minimum-as-printed) and get the same verdict.",
    see_also=("anal.convex-local-min-global", "anal.strictly-convex-has-minimum-as-printed"),
    aliases=("unique minimiser", "strict convexity uniqueness", "at most one minimum"),
    tags=("convexity", "optimization", "minimum"),
    references=("Boyd & Vandenberghe, Convex Optimization (2004), sec. 4.2.2",),
)

strictly_convex_has_minimum_as_printed = Entry(
    id="anal.strictly-convex-has-minimum-as-printed",
    title="As printed: a strictly convex function has a unique global minimum (existence included)",
    expected=REFUTED,
    experiment=experiments.strictly_convex_has_minimum_as_printed,
    reason="'has a unique global minimum' asserts that a minimiser exists; the counterexample eˣ is built and its "
           "properties (strictly convex, no critical point, infimum 0 not attained) established exactly — an "
           "existence claim no single relational states",
    seed=seed(85, 85, _LINE_85),
    corrected_by="anal.strictly-convex-at-most-one-minimiser",
    notes="Uniqueness holds (at most one minimiser); existence needs more, e.g. a coercive f or a compact domain.",
    aliases=("unique global minimum", "existence of minimum"),
    tags=("convexity", "optimization", "minimum", "erratum"),
)

convex_nonnegative_combination = Entry(
    id="anal.convex-nonnegative-combination",
    title="Nonnegative combinations of convex functions are convex",
    expected=CONFIRMED,
    experiment=experiments.convex_nonnegative_combination,
    reason=_FAMILY + ", through the defining inequality on combinations of its members at rational points",
    seed=seed(86, 86, r"- If  $f, g$  are convex then  $\alpha f + \beta g$  is convex for  $\alpha, \beta \geq 0$"),
    notes="The defining inequality of convexity of αf + βg, αf(λx + (1 − λ)y) + βg(λx + (1 − λ)y) ≤ "
          "λ(αf(x) + βg(x)) + (1 − λ)(αf(y) + βg(y)) for λ ∈ [0, 1], is checked.",
    aliases=("sum of convex functions", "conic combination", "nonnegative weighted sum"),
    tags=("convexity",),
    references=("Boyd & Vandenberghe, Convex Optimization (2004), sec. 3.2.1",),
)

convex_max = Entry(
    id="anal.convex-max",
    title="The pointwise maximum of two convex functions is convex",
    expected=CONFIRMED,
    experiment=experiments.convex_max,
    reason=_FAMILY + ", through the defining inequality on pointwise maxima of its members",
    seed=seed(87, 87, r"- If  $f, g$  are convex then  $\max(f, g)$  is convex"),
    aliases=("max of convex functions", "pointwise maximum", "convexity of max"),
    tags=("convexity",),
    references=("Boyd & Vandenberghe, Convex Optimization (2004), sec. 3.2.3",),
)

convex_composition = Entry(
    id="anal.convex-composition",
    title="g ∘ f is convex when f is convex and g is convex and non-decreasing",
    expected=CONFIRMED,
    experiment=experiments.convex_composition,
    reason=_FAMILY + ", through the defining inequality on compositions of its members",
    seed=seed(88, 88, r"- If  $f$  is convex and  $g$  is convex and non-decreasing then  $g \circ f$  is convex"),
    notes="Non-decreasing matters: g(u) = −u is convex and f(x) = x² is convex, but g(f(x)) = −x² is concave.",
    aliases=("composition of convex functions", "convex composition rule"),
    tags=("convexity", "composition"),
    references=("Boyd & Vandenberghe, Convex Optimization (2004), sec. 3.2.4",),
)
