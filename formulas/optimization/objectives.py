"""Objectives as expectations and gradient descent (cheat sheet lines 408-416).

The risk is a mean over examples, R(θ) = (1/N) ∑ᵢ ℓᵢ(θ); the statements use declared smooth
functions ℓᵢ of θ ∈ ℝⁿ.
"""

from __future__ import annotations

from .._authoring import CONFIRMED, NOT_CHECKABLE, D, Entry, Eq, seed

_DL_BOOK_8 = "Goodfellow, Bengio & Courville, Deep Learning (2016), ch. 8"


def _minibatch_mean(th, l1, l2, l3):
    """The mean over the three minibatches of size two of their mean gradients."""
    g1, g2, g3 = D(l1, th), D(l2, th), D(l3, th)
    return ((g1 + g2) / 2 + (g1 + g3) / 2 + (g2 + g3) / 2) / 3


minibatch_gradient_unbiased = Entry(
    id="opt.minibatch-gradient-unbiased",
    title="The gradient on a uniformly drawn minibatch is an unbiased estimate of the full gradient",
    expected=CONFIRMED,
    instance="three examples and minibatches of two; the line is for any data set and batch size",
    symbols={"th": "vector n", "l1": "function th", "l2": "function th", "l3": "function th"},
    statement=lambda th, l1, l2, l3: Eq(_minibatch_mean(th, l1, l2, l3), D((l1 + l2 + l3) / 3, th)),
    notes="Stated for a data set of three examples (losses ℓ₁, ℓ₂, ℓ₃ of θ) and minibatches of two drawn uniformly "
          "without replacement: the expectation over the three equally likely minibatches of their mean gradient is the "
          "full-data gradient.  In general E[∇R(θ; S)] = ∇R(θ; D) over uniform minibatches S because every example lies in the same number of "
          "minibatches and the gradient is linear; the estimate's variance shrinks like 1/N.",
    aliases=("unbiased minibatch gradient", "stochastic gradient unbiased", "SGD expectation", "objective as expectation"),
    tags=("sgd", "minibatch", "expectation"),
    references=(_DL_BOOK_8 + ", sec. 8.1.3",),
)

objectives_as_expectations_as_printed = Entry(
    id="opt.objectives-as-expectations-as-printed",
    title="∇_θR(D) = E over minibatches S of ∇_θR(S) = E[(1/N) ∑ᵢ ∇_θR(θ; xᵢ, yᵢ)] (garbled as printed: "
          "'E over θ of R(D)' and 𝕍 for ∇)",
    expected=CONFIRMED,
    instance="three examples and minibatches of two; the line is for any data set and batch size",
    symbols={"th": "vector n", "l1": "function th", "l2": "function th", "l3": "function th"},
    statement=lambda th, l1, l2, l3: Eq(_minibatch_mean(th, l1, l2, l3), D((l1 + l2 + l3) / 3, th)),
    seed=seed(410, 410, r"$$\mathbb{E}_\theta[\mathcal{R}(\mathbf{D})] = \mathbb{E}_{S_N \sim p_D} [\mathbb{V}_\theta \mathcal{R}(S_N)] = \mathbb{E} \left[ \frac{1}{N} \sum_{i=1}^N \mathbb{V}_\theta \mathcal{R}(\theta; \{\mathbf{x}_i, \mathbf{y}_i\}) \right]$$"),
    corrected_by="opt.minibatch-gradient-unbiased",
    notes="Garbled as printed: the left side is an expectation 'over θ' of the risk rather than the gradient ∇_θR(D), "
          "and the nabla symbols came out as a blackboard 𝕍 (variance), so as printed the sides have different types (a "
          "number against a vector).  The intended line, ∇_θR(D) = E[∇_θR(Sₙ)] over uniformly drawn minibatches Sₙ, "
          "is checked, stated as in opt.minibatch-gradient-unbiased: three examples, minibatches of two.",
    aliases=("objectives as expectations",),
    tags=("sgd", "expectation", "garbled"),
)

gradient_norm_need_not_vanish = Entry(
    id="opt.gradient-norm-need-not-vanish",
    title="In deep-network training the gradient norm need not shrink: gradient descent may not reach a critical point",
    expected=NOT_CHECKABLE,
    reason="an empirical observation about a training curve (a CNN on MNIST, Deep Learning fig. 8.1) that the seed "
           "refers to but does not include; it needs that experiment's data, and the explanation (large curvature near "
           "the optimum) is a hypothesis",
    seed=seed(412, 412, r"This is probably so, because we're dealing with large curvatures when reaching (or getting close to) the optimal parameters. So with gradient descent we may not arrive at a critical point of any kind, and this also motivates to use more and more decreasing learning rates, the closer we get to the optimal parameters. Note that this graph was built using the MNIST dataset and some CNN. Note that there exist many architectures where the final gradient was very large, and still they are used in practice, and people are quite happy with them."),
    tags=("gradient descent", "empirical"),
    references=(_DL_BOOK_8 + ", sec. 8.2.1 and fig. 8.1",),
)

gradient_descent_update = Entry(
    id="opt.gradient-descent-update",
    title="Gradient descent: θ(t + 1) = θ(t) − ηₜ∇_θR",
    expected=NOT_CHECKABLE,
    definition=True,
    reason="the update rule of gradient descent with step sizes ηₜ; what a step achieves is "
           "opt.taylor-second-order-gradient-step",
    seed=seed(416, 416, r"$$\theta(t+1) = \theta(t) - \eta_t \nabla_\theta \mathcal{R}$$"),
    aliases=("gradient descent", "GD update", "SGD", "steepest descent", "learning rate"),
    tags=("gradient descent", "sgd", "optimizer"),
    references=(_DL_BOOK_8 + ", sec. 8.3.1",),
    see_also=("opt.taylor-second-order-gradient-step",),
)
