"""Jensen's inequality (cheat sheet lines 94-100).

"f convex/concave" with one inequality is the usual shorthand for "convex, and for concave f the
inequality reverses"; it is read that way (the policy's rule 1), and checked in both directions.
"""

from __future__ import annotations

from .._authoring import CONFIRMED, Entry, seed
from . import experiments
from .convexity import CONVEX_REFS

_BOTH_DIRECTIONS = ("'convex/concave' read as 'convex, or concave with the inequality reversed': checked on the convex "
                    "test family with ≤ and on concave functions with ≥, with random rational weights")

jensen_as_printed = Entry(
    id="anal.jensen-as-printed",
    title="Jensen's inequality: f(∑ λᵢxᵢ) ≤ ∑ λᵢ f(xᵢ) for convex f and λ in the simplex (≥ for concave f)",
    expected=CONFIRMED,
    experiment=experiments.jensen_as_printed,
    reason=_BOTH_DIRECTIONS,
    seed=seed(96, 98, r"""$f$  convex/concave,  $\forall i: \lambda_i \geq 0, \sum_i \lambda_i = 1$

$f(\sum_i \lambda_i x_i) \leq \sum_i \lambda_i f(x_i)$"""),
    notes="The hypothesis 'convex/concave' pairs each kind of function with its direction of the inequality; a "
          "reading that applies ≤ to concave f is not one the line supports.",
    see_also=("anal.jensen-finite",),
    aliases=("Jensen", "Jensen's inequality", "Jensen inequality"),
    tags=("inequality", "convexity"),
    references=CONVEX_REFS,
)

jensen_finite = Entry(
    id="anal.jensen-finite",
    title="Jensen's inequality: f(∑ λᵢxᵢ) ≤ ∑ λᵢ f(xᵢ) for convex f and λ in the simplex",
    expected=CONFIRMED,
    experiment=experiments.jensen_finite,
    reason="a claim about every convex function: checked on the convex test family with random rational weights on "
           "three points, exactly or at 50 digits",
    aliases=("Jensen", "Jensen's inequality", "Jensen inequality", "convex combination"),
    tags=("inequality", "convexity"),
    references=("Boyd & Vandenberghe, Convex Optimization (2004), sec. 3.1.8",),
)

jensen_expectation_as_printed = Entry(
    id="anal.jensen-expectation-as-printed",
    title="Jensen for expectations: f(E[X]) ≤ E[f(X)] for convex f (≥ for concave f)",
    expected=CONFIRMED,
    experiment=experiments.jensen_expectation_as_printed,
    reason="the special case of line 98 for a finite distribution, under the same hypothesis; " + _BOTH_DIRECTIONS,
    seed=seed(100, 100, r"Special case:  $f(E[X]) \leq E[f(X)]$ ."),
    see_also=("anal.jensen-expectation", "anal.jensen-as-printed"),
    aliases=("Jensen", "Jensen's inequality for expectations"),
    tags=("inequality", "convexity", "expectation"),
    references=("Wasserman, All of Statistics (2004), Thm. 4.9",),
)

jensen_expectation = Entry(
    id="anal.jensen-expectation",
    title="Jensen for expectations: f(E[X]) ≤ E[f(X)] for convex f",
    expected=CONFIRMED,
    experiment=experiments.jensen_expectation,
    reason="a claim about every convex function and distribution: checked on the convex test family and random "
           "finite distributions on three rational points",
    aliases=("Jensen", "Jensen's inequality for expectations", "f(E[X]) <= E[f(X)]"),
    tags=("inequality", "convexity", "expectation"),
    references=("Wasserman, All of Statistics (2004), Thm. 4.9",),
)
