"""Optimizers, weight decay and learning-rate schedules (not printed in the cheat sheet; the update rules
its sections rely on).

The update rules are definitions (torch.optim's conventions).  Their checkable consequences are
statements: Adam's bias correction, and weight decay as the gradient of an L2 penalty.
"""

from __future__ import annotations

from .._authoring import NOT_CHECKABLE, PROVED, D, Entry, Eq, ScalarOf

_DL_BOOK_8 = "Goodfellow, Bengio & Courville, Deep Learning (2016), ch. 8"
_ADAM = "Kingma & Ba, Adam: a method for stochastic optimization, ICLR (2015)"
_LOSHCHILOV = "Loshchilov & Hutter, Decoupled weight decay regularization, ICLR (2019)"

momentum_update = Entry(
    id="opt.momentum-update",
    title="Heavy-ball momentum: bₜ = μbₜ₋₁ + (1 − τ)gₜ, θₜ₊₁ = θₜ − ηbₜ",
    expected=NOT_CHECKABLE,
    definition=True,
    reason="the update rule with momentum μ and dampening τ (torch.optim.SGD; the first step sets b₁ = g₁)",
    aliases=("momentum", "heavy ball", "SGD with momentum", "velocity"),
    tags=("optimizer", "momentum"),
    references=(_DL_BOOK_8 + ", sec. 8.3.2", "Polyak, Some methods of speeding up the convergence (1964)"),
)

nesterov_update = Entry(
    id="opt.nesterov-update",
    title="Nesterov momentum (look-ahead form): θₜ₊₁ = θₜ − η(gₜ + μbₜ)",
    expected=NOT_CHECKABLE,
    definition=True,
    reason="the update rule of torch.optim.SGD(nesterov=True), a reparametrisation of the look-ahead gradient step",
    aliases=("Nesterov", "Nesterov accelerated gradient", "NAG"),
    tags=("optimizer", "momentum"),
    references=(_DL_BOOK_8 + ", sec. 8.3.3",
                "Sutskever, Martens, Dahl & Hinton, On the importance of initialization and momentum (2013)"),
)

adam_update = Entry(
    id="opt.adam-update",
    title="Adam: mₜ = β₁mₜ₋₁ + (1 − β₁)gₜ, vₜ = β₂vₜ₋₁ + (1 − β₂)gₜ², θₜ = θₜ₋₁ − ηm̂ₜ/(√v̂ₜ + ε)",
    expected=NOT_CHECKABLE,
    definition=True,
    reason="the update rule, from m₀ = v₀ = 0, with the bias-corrected moments m̂ₜ = mₜ/(1 − β₁ᵗ), "
           "v̂ₜ = vₜ/(1 − β₂ᵗ) (opt.adam-bias-correction)",
    aliases=("Adam", "adam optimizer", "adaptive moment estimation"),
    tags=("optimizer", "adaptive"),
    references=(_ADAM, _DL_BOOK_8 + ", sec. 8.5.3"),
    see_also=("opt.adam-bias-correction",),
)

adam_bias_correction = Entry(
    id="opt.adam-bias-correction",
    title="Adam's bias correction: with E[gₜ] = μ and m₀ = 0, E[mₜ] = (1 − β₁ᵗ)μ, so E[m̂ₜ] = E[mₜ]/(1 − β₁ᵗ) = μ",
    expected=PROVED,
    symbols={"t": "scalar positive integer", "beta": "scalar positive", "mu": "scalar"},
    # the induction step: E[m_t] = β E[m_{t−1}] + (1 − β) μ with E[m_{t−1}] = (1 − β^{t−1}) μ
    statement=lambda t, beta, mu: Eq(beta * (1 - beta ** (t - 1)) * mu + (1 - beta) * mu, (1 - beta**t) * mu),
    notes="Proof by induction on t: the base case is E[m₀] = 0 = (1 − β⁰)μ, and the statement is the step (take "
          "expectations in mₜ = βmₜ₋₁ + (1 − β)gₜ); unrolled, E[mₜ] = (1 − β)μ ∑ᵢ₌₁ᵗ βᵗ⁻ⁱ, a geometric "
          "sum.  The same with vₜ and E[gₜ²] gives E[v̂ₜ] = E[g²].  Without the correction the zero initialisation "
          "biases mₜ towards 0 by the factor 1 − β₁ᵗ (0.1 at t = 1 for β₁ = 0.9).",
    aliases=("bias correction", "Adam bias correction"),
    tags=("optimizer", "adaptive"),
    references=(_ADAM + ", sec. 3",),
)

rmsprop_update = Entry(
    id="opt.rmsprop-update",
    title="RMSProp: vₜ = αvₜ₋₁ + (1 − α)gₜ², θₜ = θₜ₋₁ − ηgₜ/(√vₜ + ε)",
    expected=NOT_CHECKABLE,
    definition=True,
    reason="the update rule (torch.optim.RMSprop; centred and momentum variants add a mean estimate and a velocity)",
    aliases=("RMSProp", "rmsprop", "root mean square propagation"),
    tags=("optimizer", "adaptive"),
    references=("Tieleman & Hinton, Lecture 6.5 RMSProp, COURSERA (2012)", _DL_BOOK_8 + ", sec. 8.5.2"),
)

adagrad_update = Entry(
    id="opt.adagrad-update",
    title="AdaGrad: rₜ = rₜ₋₁ + gₜ², θₜ = θₜ₋₁ − ηₜgₜ/(√rₜ + ε)",
    expected=NOT_CHECKABLE,
    definition=True,
    reason="the update rule: the squared gradients are summed, so the effective step of each coordinate shrinks",
    aliases=("AdaGrad", "adagrad"),
    tags=("optimizer", "adaptive"),
    references=("Duchi, Hazan & Singer, Adaptive subgradient methods, JMLR (2011)", _DL_BOOK_8 + ", sec. 8.5.1"),
)

weight_decay_l2 = Entry(
    id="opt.weight-decay-l2",
    title="L2 weight decay adds λθ to the gradient: ∇(R + (λ/2)‖θ‖²) = ∇R + λθ",
    expected=PROVED,
    symbols={"th": "vector n", "R": "function th", "lam": "scalar"},
    statement=lambda th, R, lam: Eq(D(R + lam * ScalarOf(th.T * th) / 2, th), D(R, th) + lam * th),
    notes="So an optimizer with weight_decay = λ applied to the gradient minimises the penalised risk "
          "R + (λ/2)‖θ‖².",
    aliases=("weight decay", "L2 regularization", "ridge penalty"),
    tags=("optimizer", "regularization"),
    references=("Goodfellow, Bengio & Courville, Deep Learning (2016), sec. 7.1.1",),
)

weight_decay_decoupled = Entry(
    id="opt.weight-decay-decoupled",
    title="Decoupled weight decay shrinks θ by (1 − ηλ) before the step; for plain SGD it is L2 decay: "
          "θ − η(g + λθ) = (1 − ηλ)θ − ηg",
    expected=PROVED,
    symbols={"th": "vector n", "g": "vector n", "eta": "scalar", "lam": "scalar"},
    statement=lambda th, g, eta, lam: Eq(th - eta * (g + lam * th), (1 - eta * lam) * th - eta * g),
    notes="For adaptive methods the two differ: AdamW shrinks θ by (1 − ηλ) and takes the Adam step on g, while L2 decay "
          "feeds λθ through Adam's moments, where it is rescaled by 1/(√v̂ + ε).",
    aliases=("AdamW", "decoupled weight decay"),
    tags=("optimizer", "regularization"),
    references=(_LOSHCHILOV,),
)

lr_decay_step = Entry(
    id="opt.lr-decay-step",
    title="Step decay: ηₜ = η₀γʲ with j = ⌊t/k⌋",
    expected=NOT_CHECKABLE,
    definition=True,
    reason="a schedule: the rate is multiplied by γ every k steps (torch.optim.lr_scheduler.StepLR)",
    aliases=("learning rate decay", "step decay", "decreasing learning rate", "StepLR"),
    tags=("learning rate", "schedule"),
    references=(_DL_BOOK_8 + ", sec. 8.3.1",),
)

lr_decay_exponential = Entry(
    id="opt.lr-decay-exponential",
    title="Exponential decay: ηₜ = η₀γᵗ",
    expected=NOT_CHECKABLE,
    definition=True,
    reason="a schedule (torch.optim.lr_scheduler.ExponentialLR)",
    aliases=("exponential learning rate decay", "ExponentialLR"),
    tags=("learning rate", "schedule"),
)

lr_decay_linear = Entry(
    id="opt.lr-decay-linear",
    title="Linear decay: ηₜ = (1 − a)η₀ + aη₁, a = min(t/τ, 1)",
    expected=NOT_CHECKABLE,
    definition=True,
    reason="a schedule: linear from η₀ to η₁ over τ steps, constant afterwards (torch.optim.lr_scheduler.LinearLR)",
    aliases=("linear learning rate decay", "LinearLR"),
    tags=("learning rate", "schedule"),
    references=(_DL_BOOK_8 + ", sec. 8.3.1, eq. 8.14",),
)

lr_decay_cosine = Entry(
    id="opt.lr-decay-cosine",
    title="Cosine decay: ηₜ = ηₘᵢₙ + ½(η₀ − ηₘᵢₙ)(1 + cos(πt/T))",
    expected=NOT_CHECKABLE,
    definition=True,
    reason="a schedule from η₀ at t = 0 to ηₘᵢₙ at t = T (torch.optim.lr_scheduler.CosineAnnealingLR)",
    aliases=("cosine annealing", "cosine learning rate"),
    tags=("learning rate", "schedule"),
    references=("Loshchilov & Hutter, SGDR: stochastic gradient descent with warm restarts (2017)",),
)
