"""13 Optimization: minibatch gradients, gradient descent and its variants, convexity, curvature, dropout.

Sections (one module each; the entries below are the chapter's table of contents)
    * ``objectives`` -- objectives as expectations, gradient descent (lines 408-416).
    * ``optimizers`` -- momentum, Adam, RMSProp, AdaGrad, weight decay, schedules (not printed; used throughout).
    * ``curvature`` -- curvature, cliffs and gradient clipping (lines 362-375).
    * ``convexity`` -- convex objectives, minimisers, Lipschitz functions, saddles (lines 418-447).
    * ``dropout`` -- dropout and the weight-scaling rule (lines 550-556).
    * ``experiments`` -- evidence for what gradient descent does at a saddle.

Main statements
    * ``minibatch_gradient_unbiased`` -- E_S[∇R(θ; S)] = ∇R(θ; D).
    * ``adam_bias_correction`` -- E[m_t] = (1 − β₁ᵗ)μ by induction, so E[m̂_t] = μ.
    * ``strictly_convex_unique_minimum_as_printed`` -- a strictly convex objective has at most one minimiser (the line
      claims uniqueness, which holds; existence is line 85's claim, refuted by eˣ in the analysis chapter).
    * ``taylor_second_order_gradient_step`` -- curvature decides whether a step helps.
    * ``dropout_weight_scaling`` -- exact for a linear unit, an underestimate through ReLU (Jensen), exactly the
      geometric ensemble for softmax regression.

Errata
    Garbled or incomplete: ``objectives_as_expectations_as_printed``, ``optimality_condition_as_printed``,
    ``curvature_taylor_as_printed``, ``lipschitz_definition_as_printed``, ``dropout_expectation_as_printed``.

Notation
    θ parameters, R the risk (mean loss over a data set), η the learning rate, g a gradient; dropout keeps a unit with
    probability p.

References
    Goodfellow, Bengio & Courville, *Deep Learning* (2016), ch. 7 (sec. 7.12 dropout) and ch. 8; Kingma & Ba, "Adam"
    (2015); Tieleman & Hinton, RMSProp (2012); Duchi, Hazan & Singer (2011); Loshchilov & Hutter (2019); Srivastava et
    al., "Dropout" (2014); Boyd & Vandenberghe, *Convex Optimization* (2004).

Tags: optimization, gradient descent, SGD, Adam, convexity, dropout, gradient clipping.
"""

from __future__ import annotations

# The imports list the entries in reading order, which the registry keeps: not sorted.
# isort: off
from .._authoring import Chapter
from .objectives import (
    minibatch_gradient_unbiased,
    objectives_as_expectations_as_printed,
    gradient_norm_need_not_vanish,
    gradient_descent_update,
)
from .optimizers import (
    momentum_update,
    nesterov_update,
    adam_update,
    adam_bias_correction,
    rmsprop_update,
    adagrad_update,
    weight_decay_l2,
    weight_decay_decoupled,
)
from .curvature import (
    curvature_remedies_advice,
    gradient_clipping_norm,
    gradient_clipping_value,
)
from .optimizers import (
    lr_decay_step,
    lr_decay_exponential,
    lr_decay_linear,
    lr_decay_cosine,
)
from .curvature import (
    taylor_second_order_gradient_step,
    curvature_taylor_as_printed,
)
from .convexity import (
    convex_objective_notation,
    first_order_optimality_convex,
    optimality_condition_as_printed,
    strictly_convex_unique_minimum_as_printed,
    strictly_convex_unique_minimizer,
    lipschitz_definition_as_printed,
    nn_saddle_gd_stuck,
)
from .dropout import (
    dropout_weight_scaling,
    dropout_weight_scaling_nonlinear_approximate,
    dropout_geometric_ensemble_softmax,
    dropout_expectation_as_printed,
    dropout_inverted,
)
# isort: on

CHAPTER = Chapter("opt", 13, "Optimization")

__all__ = [
    "minibatch_gradient_unbiased", "objectives_as_expectations_as_printed", "gradient_norm_need_not_vanish",
    "gradient_descent_update", "momentum_update", "nesterov_update", "adam_update", "adam_bias_correction",
    "rmsprop_update", "adagrad_update", "weight_decay_l2", "weight_decay_decoupled", "curvature_remedies_advice",
    "gradient_clipping_norm", "gradient_clipping_value", "lr_decay_step", "lr_decay_exponential", "lr_decay_linear",
    "lr_decay_cosine", "taylor_second_order_gradient_step", "curvature_taylor_as_printed",
    "convex_objective_notation", "first_order_optimality_convex", "optimality_condition_as_printed",
    "strictly_convex_unique_minimum_as_printed", "strictly_convex_unique_minimizer",
    "lipschitz_definition_as_printed", "nn_saddle_gd_stuck", "dropout_weight_scaling",
    "dropout_weight_scaling_nonlinear_approximate", "dropout_geometric_ensemble_softmax",
    "dropout_expectation_as_printed", "dropout_inverted",
]
