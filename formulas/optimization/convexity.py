"""Gradient descent, classic analysis: convex objectives and their minimisers; local minima in neural networks
(cheat sheet lines 418-447).

R is a declared smooth function of θ ∈ ℝⁿ, or the quadratic R(θ) = ½θᵀAθ + bᵀθ, convex when A ⪰ 0 and
strongly convex when A ≻ 0.  Claims about every convex function are stated through what the argument
uses: strict convexity is the hypothesis R((θ + θ*)/2) < (R(θ) + R(θ*))/2 at the points involved.
"""

from __future__ import annotations

from formulas.nodes import ScalarField

from .._authoring import CONFIRMED, NOT_CHECKABLE, PROVED, Entry, Eq, Ge, Gt, Lt, ScalarOf, seed
from . import experiments

_BOYD = "Boyd & Vandenberghe, Convex Optimization (2004), sec. 3.1 and 9.1"
_DL_BOOK_8 = "Goodfellow, Bengio & Courville, Deep Learning (2016), ch. 8"


def _quadratic(A, b):
    """θ ↦ ½θᵀAθ + bᵀθ."""
    return lambda v: ScalarOf(v.T * A * v) / 2 + ScalarOf(b.T * v)


def _at(R, point):
    """The declared function R (a ScalarField) evaluated at another point of the same space."""
    return ScalarField(R.name, point)


convex_objective_notation = Entry(
    id="opt.convex-objective-notation",
    title="Notation: R convex, R* its minimum, θ* a minimiser, R* := R(θ*) ≤ R(θ)",
    expected=NOT_CHECKABLE,
    definition=True,
    reason="introduces R* and θ*",
    seed=seed(420, 423, r"""In classical machine learning we have a convex objective  $\mathcal{R}$ . And we denote

- $\mathcal{R}^*$  as the minimum of  $\mathcal{R}$
- $\theta^*$  as the optimal set of parameters (the minimizer of  $\mathcal{R}$ )"""),
    aliases=("minimizer", "optimal parameters", "convex objective"),
    tags=("convexity", "notation"),
    references=(_BOYD,),
)

first_order_optimality_convex = Entry(
    id="opt.first-order-optimality-convex",
    title="For a convex quadratic R(θ) = ½θᵀAθ + bᵀθ (A ⪰ 0) a stationary point is a global minimiser: if ∇R(θ*) = 0 "
          "then R(θ) − R(θ*) = ½(θ − θ*)ᵀA(θ − θ*) ≥ 0",
    expected=PROVED,
    symbols={"A": "matrix n n psd", "th": "vector n", "ts": "vector n"},
    # ∇R(θ*) = Aθ* + b = 0, so b = −Aθ*
    statement=lambda A, th, ts: Eq(_quadratic(A, -A * ts)(th) - _quadratic(A, -A * ts)(ts),
                                   ScalarOf((th - ts).T * A * (th - ts)) / 2),
    notes="θ* is any stationary point, Aθ* = −b; the right side is ≥ 0 because A is positive semidefinite.  For every "
          "differentiable convex R the same follows from R(θ) ≥ R(θ*) + ∇R(θ*)ᵀ(θ − θ*); conversely a minimiser of a "
          "differentiable function is stationary.",
    aliases=("first order optimality", "stationary point", "gradient zero at minimum", "optimality condition"),
    tags=("convexity", "optimality"),
    references=(_BOYD + ", eq. 4.22",),
)

optimality_condition_as_printed = Entry(
    id="opt.optimality-condition-as-printed",
    title="A stationary point ∇_θR(θ*) = 0 of a convex R is a minimiser, R* := R(θ*) ≤ R(θ); stated for convex "
          "quadratics (garbled as printed: '∇_θR ≠ 0*')",
    expected=PROVED,
    symbols={"A": "matrix n n psd", "th": "vector n", "ts": "vector n"},
    statement=lambda A, th, ts: Eq(_quadratic(A, -A * ts)(th) - _quadratic(A, -A * ts)(ts),
                                   ScalarOf((th - ts).T * A * (th - ts)) / 2),
    notes="Garbled as printed: '∇_θR ≠ 0*' has a stray star and the relation of '∇_θR(θ*) = 0' came out as ≠ (a "
          "minimiser of a convex objective with ∇R ≠ 0 is not what the sentence describes).  The intended line, a "
          "stationary point θ* of a convex R is a global minimiser, R(θ*) ≤ R(θ), is checked as in "
          "opt.first-order-optimality-convex: for R(θ) = ½θᵀAθ + bᵀθ with A ⪰ 0 and ∇R(θ*) = Aθ* + b = 0, "
          "R(θ) − R(θ*) = ½(θ − θ*)ᵀA(θ − θ*) ≥ 0.  The statement covers that family only; for every differentiable "
          "convex R the same follows from R(θ) ≥ R(θ*) + ∇R(θ*)ᵀ(θ − θ*) (cited, not checked), and the converse, a "
          "minimiser is stationary, is Fermat's rule.  R* := R(θ*) restates the definition of the minimum "
          "(opt.convex-objective-notation); the seed repeats the line at 441 and 447.",
    seed=seed(425, 425, r"So we have  $\nabla_\theta \mathcal{R} \neq 0^*$ ;  $\mathcal{R}^* := \mathcal{R}(\theta^*) \leq \mathcal{R}(\theta)$ ."),
    corrected_by="opt.first-order-optimality-convex",
    tags=("convexity", "optimality", "garbled"),
)

strictly_convex_unique_minimum_as_printed = Entry(
    id="opt.strictly-convex-unique-minimum-as-printed",
    title="A strictly convex objective has only one (a unique) minimum: ∀θ ≠ θ*: R(θ) > R(θ*)",
    expected=CONFIRMED,
    symbols={"th": "vector n", "ts": "vector n", "R": "function th"},
    # θ* is no higher than the midpoint m (it is a minimiser), and R is strictly convex on [θ, θ*]: then R(θ) > R(θ*)
    statement=lambda th, ts, R: Gt(R, _at(R, ts)),
    where=lambda th, ts, R: [Ge(_at(R, (th + ts) / 2), _at(R, ts)),
                             Lt(_at(R, (th + ts) / 2), (R + _at(R, ts)) / 2)],
    seed=seed(427, 429, r"""### D. (Strictly Convex Objective) → objective has only one (a unique) minimum.

$$\forall \theta \neq \theta^* : \mathcal{R}(\theta) > \mathcal{R}(\theta^*)$$"""),
    notes="The line claims uniqueness of the minimiser θ* that lines 420-423 introduce, and that claim is true: a strictly "
          "convex function has at most one global minimiser.  Stated through the one-line proof: if θ* is a minimiser, "
          "R(θ*) ≤ R(m) at the midpoint m = (θ + θ*)/2, and strict convexity gives R(m) < (R(θ) + R(θ*))/2, so "
          "R(θ) > R(θ*).  Checked on random smooth R and points where the two hypotheses hold (float64), so confirmed.  "
          "It does not claim that a minimiser exists: eˣ is strictly convex without one "
          "(anal.strictly-convex-has-minimum-as-printed, line 85).  Line 85's uniqueness claim is "
          "anal.strictly-convex-at-most-one-minimiser, with the same verdict.",
    aliases=("strictly convex", "unique minimum", "uniqueness of minimizer"),
    tags=("convexity", "optimality"),
    references=(_BOYD,),
    see_also=("anal.strictly-convex-at-most-one-minimiser", "anal.strictly-convex-has-minimum-as-printed",
              "opt.strictly-convex-unique-minimizer"),
)

strictly_convex_unique_minimizer = Entry(
    id="opt.strictly-convex-unique-minimizer",
    title="A strongly convex quadratic R(θ) = ½θᵀAθ + bᵀθ (A ≻ 0) has exactly one minimiser θ* = −A⁻¹b: "
          "R(θ) − R(θ*) = ½(θ − θ*)ᵀA(θ − θ*)",
    expected=PROVED,
    symbols={"A": "matrix n n spd", "b": "vector n", "th": "vector n"},
    statement=lambda A, b, th: Eq(_quadratic(A, b)(th) - _quadratic(A, b)(-A.I * b),
                                  ScalarOf((th + A.I * b).T * A * (th + A.I * b)) / 2),
    notes="The right side is > 0 for θ ≠ θ* because A is positive definite: θ* exists and is the only minimiser.  "
          "Existence needs more than strict convexity (eˣ has no minimiser); strong convexity, or coercivity, gives it.",
    aliases=("strictly convex unique minimum", "strong convexity", "unique minimizer"),
    tags=("convexity", "optimality"),
    references=(_BOYD, "Nesterov, Introductory Lectures on Convex Optimization (2004), sec. 2.1"),
    see_also=("opt.strictly-convex-unique-minimum-as-printed",),
)

lipschitz_definition_as_printed = Entry(
    id="opt.lipschitz-definition-as-printed",
    title="L-Lipschitz continuous function (definition cut off before its inequality)",
    expected=NOT_CHECKABLE,
    reason="incomplete as printed: the sentence ends at 'such that' and the defining inequality is missing.  The standard "
           "definition: the distance of f(x₁) and f(x₂) in Y is at most L times that of x₁ and x₂ in X for all x₁, x₂ ∈ X",
    seed=seed(431, 433, r"""### D. (L-Lipschitz Continuous Function)

Given two metric spaces  $(X, d_X)$  and  $(Y, d_Y)$ , a function  $f: X \rightarrow Y$  is called Lipschitz continuous, if there exists a real constant  $L \in \mathbb{R}_0^+$  (Lipschitz constant), such that"""),
    aliases=("Lipschitz", "Lipschitz continuity", "Lipschitz constant"),
    tags=("analysis", "definition", "incomplete"),
    references=(_BOYD,),
)

nn_saddle_gd_stuck = Entry(
    id="opt.nn-saddle-gd-stuck",
    title="Neural-network risks have saddle points where gradient descent gets stuck",
    expected=CONFIRMED,
    experiment=experiments.nn_saddle_gd_stuck,
    reason="a claim about gradient descent on network risks, its existence part checked: for a one-hidden-layer tanh "
           "network the all-zero weights are a critical point with an indefinite Hessian (autograd), and gradient "
           "descent started there never moves.  That many local minima and saddles are 'typical' is an empirical "
           "statement about landscapes, not checked",
    seed=seed(435, 435, r"Neural network cost functions can have many local minima and/or saddle points - and this is typical. Gradient descent can get stuck. Questions that have been looked at are"),
    aliases=("saddle point", "local minima", "stuck gradient descent", "non-convex optimization"),
    tags=("non-convex", "saddle point", "gradient descent"),
    references=(_DL_BOOK_8 + ", sec. 8.2.2 and 8.2.3",
                "Dauphin et al., Identifying and attacking the saddle point problem (2014)"),
)
