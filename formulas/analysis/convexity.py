"""Convex sets and functions, their properties, Jensen (cheat sheet lines 71-100)."""

from __future__ import annotations

import itertools

import sympy as sp

from .._authoring import (
    CONFIRMED,
    NOT_CHECKABLE,
    REFUTED,
    Entry,
    Max,
    seed,
)
from .experiments import (
    _CONVEX_1D,
    _CONVEX_NONDECREASING,
    _JENSEN_PRINTED,
    _NAMED_1D,
    _derivative_sign,
    _first_order,
    _grid_outcome,
    _jensen,
    _local_min_global,
    _second_order,
    _x,
)

_CONVEX_REFS = ("Boyd & Vandenberghe, Convex Optimization (2004), sec. 3.1-3.2",)


# -- 2.3 convex sets and functions ---------------------------------------------------------------
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
    title="Comment: segments stay in the set; R is convex",
    expected=NOT_CHECKABLE,
    reason="prose restating the definition; 'R is convex' is immediate (a convex combination of reals is real) "
           "and has no statement for the engines",
    seed=seed(73, 73, r"**Com.** Any point on the line between two points is within the set.  $R$  is convex."),
    see_also=("anal.convex-set-definition",),
    tags=("convexity", "sets"),
)


convex_function_definition = Entry(
    id="anal.convex-function-definition",
    title="Convex function: f(l x + (1-l) x') <= l f(x) + (1-l) f(x') on a convex domain",
    expected=NOT_CHECKABLE,
    definition=True,
    seed=seed(75, 77, r"""**D. (Convex Function)** A function  $f: S \rightarrow \mathbb{R}$  defined on a *convex* set  $S \subseteq \mathbb{R}^d$  is called *convex* if

$\forall \mathbf{x}, \mathbf{x}' \in S, \lambda \in [0, 1]: f(\lambda \mathbf{x} + (1 - \lambda) \mathbf{x}') \leq \lambda f(\mathbf{x}) + (1 - \lambda) f(\mathbf{x}')$"""),
    aliases=("convex function", "convexity definition", "chord above graph"),
    tags=("convexity",),
    references=_CONVEX_REFS,
)


strictly_convex_definition = Entry(
    id="anal.strictly-convex-definition",
    title="Strictly convex function: chords lie strictly above the graph",
    expected=NOT_CHECKABLE,
    definition=True,
    reason="stated in words: strict inequality for x != x' and lambda in (0, 1)",
    seed=seed(79, 79, r"**Com.** A function is strictly convex if the line segment between any two points on the graph of the function lies strictly above the graph."),
    aliases=("strictly convex", "strict convexity"),
    tags=("convexity",),
    references=_CONVEX_REFS,
)


convex_first_order_condition = Entry(
    id="anal.convex-first-order-condition",
    title="First-order condition: a convex f lies above its tangents, f(y) >= f(x) + grad f(x)ᵀ(y - x)",
    expected=CONFIRMED,
    experiment=_first_order,
    reason="a claim about every differentiable convex function: checked on the smooth convex test family "
           "(1-D and 2-D) at all pairs of rational grid points",
    seed=seed(83, 83, r"- $f(y) \geq f(x) + \nabla f(x)^T(y - x)$"),
    aliases=("first order condition", "tangent below graph", "supporting hyperplane", "convexity gradient"),
    tags=("convexity", "gradient"),
    references=("Boyd & Vandenberghe, Convex Optimization (2004), sec. 3.1.3",),
)


convex_derivative_nonnegative_as_printed = Entry(
    id="anal.convex-derivative-nonnegative-as-printed",
    title="'f'(x) >= 0' for convex f (as printed; false)",
    expected=REFUTED,
    experiment=_derivative_sign,
    reason="searched the smooth convex test family at rational points for a negative derivative, evaluated "
           "exactly",
    seed=seed(84, 84, r"- $f'(x) \geq 0$"),
    corrected_by="anal.convex-second-order-condition",
    notes="Convex functions can decrease (x² on x < 0); the intended condition is on the second derivative, "
          "f'' >= 0 (Hessian p.s.d.).",
    aliases=("convex derivative", "monotone convex"),
    tags=("convexity", "derivative"),
)


convex_second_order_condition = Entry(
    id="anal.convex-second-order-condition",
    title="Second-order condition: a twice differentiable convex f has f'' >= 0 (Hessian p.s.d.)",
    expected=CONFIRMED,
    experiment=_second_order,
    reason="checked on the smooth convex test family (1-D and 2-D) at rational points, exactly or at 50 digits",
    aliases=("second order condition", "Hessian psd", "f'' >= 0", "convexity Hessian"),
    tags=("convexity", "Hessian"),
    references=("Boyd & Vandenberghe, Convex Optimization (2004), sec. 3.1.4",),
)


convex_local_min_global = Entry(
    id="anal.convex-local-min-global",
    title="Local minima of a convex function are global; a strictly convex function has at most one minimiser",
    expected=CONFIRMED,
    experiment=_local_min_global,
    reason="checked on random strictly convex quartic polynomials, whose critical points are isolated exactly",
    seed=seed(85, 85, r"- Local minima are global minima, strictly convex functions have a unique global minimum"),
    notes="A strictly convex function need not attain a minimum (e^x); the printed 'has a unique global "
          "minimum' is read as 'at most one'.  The experiment's quartics are coercive, so the minimum exists.",
    aliases=("local minimum is global", "unique minimiser", "convex optimization"),
    tags=("convexity", "optimization", "minimum"),
    references=("Boyd & Vandenberghe, Convex Optimization (2004), sec. 4.2.2",),
)


convex_nonnegative_combination = Entry(
    id="anal.convex-nonnegative-combination",
    title="Nonnegative combinations of convex functions are convex",
    expected=CONFIRMED,
    experiment=lambda: _grid_outcome(
        [(f"{al}*({f}) + {be}*({g})", al * f + be * g)
         for (_, f), (_, g) in itertools.combinations(_NAMED_1D, 2)
         for al, be in ((sp.Rational(1, 2), 2), (3, 0))],
        "alpha f + beta g over pairs of the convex test family, (alpha, beta) in {(1/2, 2), (3, 0)}"),
    reason="checked through the defining inequality on combinations of the convex test family at rational points",
    seed=seed(86, 86, r"- If  $f, g$  are convex then  $\alpha f + \beta g$  is convex for  $\alpha, \beta \geq 0$"),
    aliases=("sum of convex functions", "conic combination", "nonnegative weighted sum"),
    tags=("convexity",),
    references=("Boyd & Vandenberghe, Convex Optimization (2004), sec. 3.2.1",),
)


convex_max = Entry(
    id="anal.convex-max",
    title="The pointwise maximum of two convex functions is convex",
    expected=CONFIRMED,
    experiment=lambda: _grid_outcome(
        [(f"max({f}, {g})", Max(f, g)) for (_, f), (_, g) in itertools.combinations(_NAMED_1D, 2)],
        "max(f, g) over pairs of the convex test family"),
    reason="checked through the defining inequality on pointwise maxima of the convex test family",
    seed=seed(87, 87, r"- If  $f, g$  are convex then  $\max(f, g)$  is convex"),
    aliases=("max of convex functions", "pointwise maximum", "convexity of max"),
    tags=("convexity",),
    references=("Boyd & Vandenberghe, Convex Optimization (2004), sec. 3.2.3",),
)


convex_composition = Entry(
    id="anal.convex-composition",
    title="g o f is convex when f is convex and g is convex and non-decreasing",
    expected=CONFIRMED,
    experiment=lambda: _grid_outcome(
        [(f"g = {g}, f = {f}", g.subs(_x, f)) for g in _CONVEX_NONDECREASING for f in _CONVEX_1D[:5]],
        "g(f(x)) for convex non-decreasing g and convex f from the test families"),
    reason="checked through the defining inequality on compositions from the test families",
    seed=seed(88, 88, r"- If  $f$  is convex and  $g$  is convex and non-decreasing then  $g \circ f$  is convex"),
    notes="Non-decreasing matters: g(u) = -u is convex and f(x) = x² convex, but g(f(x)) = -x² is concave.",
    aliases=("composition of convex functions", "convex composition rule"),
    tags=("convexity", "composition"),
    references=("Boyd & Vandenberghe, Convex Optimization (2004), sec. 3.2.4",),
)


jensen_as_printed = Entry(
    id="anal.jensen-as-printed",
    title="Jensen's inequality as printed: for f 'convex/concave', f(sum l_i x_i) <= sum l_i f(x_i)",
    expected=REFUTED,
    experiment=lambda: _jensen(_JENSEN_PRINTED, expectation_form=False),
    reason="as printed the hypothesis admits concave f with the same direction of the inequality; searched "
           "over convex and concave test functions with random rational weights",
    seed=seed(96, 98, r"""$f$  convex/concave,  $\forall i: \lambda_i \geq 0, \sum_i \lambda_i = 1$

$f(\sum_i \lambda_i x_i) \leq \sum_i \lambda_i f(x_i)$"""),
    corrected_by="anal.jensen-finite",
    notes="For convex f the printed inequality holds; for concave f it reverses.  Read 'convex/concave' as "
          "'convex (resp. concave, with >=)' and the line is right.",
    aliases=("Jensen", "Jensen's inequality", "Jensen inequality"),
    tags=("inequality", "convexity"),
)


jensen_finite = Entry(
    id="anal.jensen-finite",
    title="Jensen's inequality: f(sum l_i x_i) <= sum l_i f(x_i) for convex f and l in the simplex",
    expected=CONFIRMED,
    experiment=lambda: _jensen(_NAMED_1D, expectation_form=False),
    reason="checked on the convex test family with random rational weights on three points, exactly or at "
           "50 digits; for concave f the inequality reverses",
    aliases=("Jensen", "Jensen's inequality", "Jensen inequality", "convex combination"),
    tags=("inequality", "convexity"),
    references=("Boyd & Vandenberghe, Convex Optimization (2004), sec. 3.1.8",),
)


jensen_expectation_as_printed = Entry(
    id="anal.jensen-expectation-as-printed",
    title="Jensen for expectations as printed: f(E[X]) <= E[f(X)] under 'f convex/concave'",
    expected=REFUTED,
    experiment=lambda: _jensen(_JENSEN_PRINTED, expectation_form=True),
    reason="a special case of the printed Jensen line and so under the same 'convex/concave' hypothesis; "
           "searched over convex and concave test functions and random finite distributions",
    seed=seed(100, 100, r"Special case:  $f(E[X]) \leq E[f(X)]$ ."),
    corrected_by="anal.jensen-expectation",
    aliases=("Jensen", "Jensen's inequality for expectations"),
    tags=("inequality", "convexity", "expectation"),
)


jensen_expectation = Entry(
    id="anal.jensen-expectation",
    title="Jensen for expectations: f(E[X]) <= E[f(X)] for convex f",
    expected=CONFIRMED,
    experiment=lambda: _jensen(_NAMED_1D, expectation_form=True),
    reason="checked on the convex test family and random finite distributions on three rational points",
    aliases=("Jensen", "Jensen's inequality for expectations", "f(E[X]) <= E[f(X)]"),
    tags=("inequality", "convexity", "expectation"),
    references=("Wasserman, All of Statistics (2004), Thm. 4.9",),
)
