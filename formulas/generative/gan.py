"""Generative adversarial networks (cheat sheet lines 778-824).

The discriminator is D = σ(s) with logit s; the value is V(D, G) = E_x log D(x) + E_z log(1 − D(G(z))).
Pointwise in x, with a = p_data(x) and b = p_g(x), the discriminator maximises a log D + b log(1 − D).
Statements about the updates use a declared smooth value V of the parameters.
"""

from __future__ import annotations

from .._authoring import CONFIRMED, NOT_CHECKABLE, PROVED, D, Entry, Eq, Lt, exp, log, seed

_GOODFELLOW_GAN = "Goodfellow et al., Generative adversarial nets, NeurIPS (2014)"
_GAN_TUTORIAL = "Goodfellow, NIPS 2016 tutorial: generative adversarial networks (2016)"
_DL_BOOK_20 = "Goodfellow, Bengio & Courville, Deep Learning (2016), sec. 20.10.4"


def _sigma(s):
    return 1 / (1 + exp(-s))


def _pointwise_value(a, b, d):
    return a * log(d) + b * log(1 - d)


def _kl_bernoulli_gap(a, b, d):
    """(a + b) KL(Ber(D*) ‖ Ber(D)) with D* = a/(a + b), 1 − D* = b/(a + b)."""
    ds, dc = a / (a + b), b / (a + b)
    return (a + b) * (ds * (log(ds) - log(d)) + dc * (log(dc) - log(1 - d)))


def _optimal_value(p, q):
    """∑ᵢ aᵢ log(aᵢ/(aᵢ + bᵢ)) + bᵢ log(bᵢ/(aᵢ + bᵢ)) for a = (p, 1 − p), b = (q, 1 − q): V at D* = a/(a + b)."""
    return sum(a * log(a / (a + b)) + b * log(b / (a + b)) for a, b in ((p, q), (1 - p, 1 - q)))


def _twice_jsd(p, q):
    """KL(a ‖ m) + KL(b ‖ m) with m = (a + b)/2."""
    return sum(a * log(2 * a / (a + b)) + b * log(2 * b / (a + b)) for a, b in ((p, q), (1 - p, 1 - q)))


def _nbsp_indent(text: str) -> str:
    """The seed indents the algorithm box with non-breaking spaces (U+00A0); written here as plain spaces."""
    return "\n".join("\u00a0" * (len(line) - len(line.lstrip(" "))) + line.lstrip(" ") for line in text.split("\n"))


gan_training_two_minibatches = Entry(
    id="gen.gan-training-two-minibatches",
    title="GAN training: each iteration draws a minibatch of data and a minibatch of noise, computes both losses and "
          "updates",
    expected=NOT_CHECKABLE,
    definition=True,
    reason="a procedure: the training loop of gen.gan-algorithm-box",
    seed=seed(778, 783, "**Training Procedure** Use SGD-like algorithm of choice (ADAM) on two minibatches simultaneously. "
                        "At each iteration, we choose:\n\n\u2022 a minibatch of true data samples  \n\u2022 a minibatch of "
                        "noise vectors to produce minibatch generated samples\n\nThen compute both losses and perform "
                        "gradient updates."),
    aliases=("GAN training", "GAN minibatch"),
    tags=("gan", "training", "procedure"),
    references=(_GOODFELLOW_GAN,),
    see_also=("gen.gan-algorithm-box",),
)

gan_discriminator_descent_on_loss = Entry(
    id="gen.gan-discriminator-descent-on-loss",
    title="Gradient descent on the discriminator loss R⁽ᴰ⁾ = −V is gradient ascent on V: θ − η∇(−V) = θ + η∇V",
    expected=PROVED,
    symbols={"th": "vector n", "V": "function th", "eta": "scalar"},
    statement=lambda th, V, eta: Eq(th - eta * D(-V, th), th + eta * D(V, th)),
    notes="With R⁽ᴰ⁾ := −V (the convention of Goodfellow's 2016 tutorial), the printed descent update of line 785 is the "
          "gradient ascent on D of lines 792-796.",
    aliases=("discriminator update", "discriminator loss", "GAN discriminator gradient"),
    tags=("gan", "discriminator"),
    references=(_GAN_TUTORIAL + ", eq. 8",),
)

gan_discriminator_update_as_printed = Entry(
    id="gen.gan-discriminator-update-as-printed",
    title="θᵗ⁺¹ ← θᵗ − ηₜ∇R⁽ᴰ⁾(θᴰ): a descent on R⁽ᴰ⁾ (against 'gradient ascent on D' below)",
    expected=NOT_CHECKABLE,
    reason="underdetermined: R⁽ᴰ⁾ is never defined, and the parameter lacks its subscript (θ for θᴰ).  It agrees with the "
           "later 'gradient ascent on D' exactly when R⁽ᴰ⁾ is the discriminator's loss −V (gen.gan-discriminator-descent-"
           "on-loss); with R⁽ᴰ⁾ = V it would descend the objective D should maximise",
    seed=seed(785, 785, r"$$\theta^{t+1} \leftarrow \theta^t - \eta_t \nabla_{\theta} \mathcal{R}^{(D)}(\theta_d)$$"),
    corrected_by="gen.gan-discriminator-descent-on-loss",
    aliases=("discriminator update",),
    tags=("gan", "discriminator"),
)

gan_generator_update = Entry(
    id="gen.gan-generator-update",
    title="Generator update: θᴳ ← θᴳ − ηₜ∇R⁽ᴳ⁾(θᴳ)",
    expected=NOT_CHECKABLE,
    definition=True,
    reason="defines a descent step on the generator loss R⁽ᴳ⁾ (not defined in the seed: the minimax or the non-saturating "
           "loss, gen.gan-generator-minimax-loss, gen.gan-nonsaturating-generator-loss)",
    seed=seed(787, 787, r"$$\theta_g^{t+1} \leftarrow \theta_g^t - \eta_t \nabla_{\theta_g} \mathcal{R}^{(G)}(\theta_g)$$"),
    aliases=("generator update",),
    tags=("gan", "generator"),
)

gan_training_k_steps = Entry(
    id="gen.gan-training-k-steps",
    title="GAN training runs K ≥ 1 discriminator updates (only D) for every generator update",
    expected=NOT_CHECKABLE,
    reason="a procedure: it prescribes the schedule of the updates and asserts nothing checkable",
    seed=seed(789, 789, r"**Algorithm:** run  $K \geq 1$  update steps of  $D$  for every iteration (and only  $D$ )  "),
    notes="Goodfellow et al. (2014) used k = 1 in their experiments.",
    aliases=("k discriminator steps", "GAN alternating training", "n_critic"),
    tags=("gan", "training", "procedure"),
    references=(_GOODFELLOW_GAN + ", algorithm 1",),
)

gan_discriminator_objective = Entry(
    id="gen.gan-discriminator-objective",
    title="Discriminator: gradient ascent on E log D(x) + E log(1 − D(G(z))), x from the data, z from the prior",
    expected=NOT_CHECKABLE,
    definition=True,
    reason="defines the discriminator's objective and the direction of its updates; its maximiser for fixed G is "
           "gen.gan-optimal-discriminator",
    seed=seed(792, 796, r"""##### (1) Gradient ascent on $D$

$$\max_{\theta_d} \mathbb{E}_{\mathbf{x} \sim p(\mathbf{x})} [\log(D_{\theta_d}(\mathbf{x}))]$$

$$+ \mathbb{E}_{\mathbf{z} \sim p(\mathbf{z})} [\log(1 - D_{\theta_d}(G_{\theta_g}(\mathbf{z})))]$$"""),
    aliases=("GAN loss", "discriminator objective", "GAN value function", "minimax game"),
    tags=("gan", "discriminator"),
    references=(_GOODFELLOW_GAN + ", eq. 1", _DL_BOOK_20),
    see_also=("gen.gan-optimal-discriminator",),
)

gan_optimal_discriminator = Entry(
    id="gen.gan-optimal-discriminator",
    title="For fixed G, a log D + b log(1 − D) is maximised at D* = a/(a + b), the data density over the sum of the data and model densities: the shortfall is "
          "(a + b) KL(Ber(D*) ‖ Ber(D)) ≥ 0",
    expected=PROVED,
    symbols={"a": "scalar positive", "b": "scalar positive", "d": "scalar unit"},
    statement=lambda a, b, d: Eq(_pointwise_value(a, b, a / (a + b)) - _pointwise_value(a, b, d), _kl_bernoulli_gap(a, b, d)),
    where=lambda a, b, d: [Lt(0, d), Lt(d, 1)],
    notes="Pointwise in x with a the data density at x, b the model density at x and d = D(x) ∈ (0, 1); the KL of two Bernoulli laws is ≥ 0 and "
          "0 only at d = D*, so D* is the unique maximiser (Goodfellow et al. 2014, prop. 1).",
    aliases=("optimal discriminator", "D star", "GAN optimal D"),
    tags=("gan", "discriminator"),
    references=(_GOODFELLOW_GAN + ", proposition 1",),
    see_also=("gen.gan-optimal-value-jsd",),
)

gan_optimal_value_jsd = Entry(
    id="gen.gan-optimal-value-jsd",
    title="At the optimal discriminator the value is V(G, D*) = −log 4 + 2 JSD(P ‖ Q) between the data and model laws (two outcomes)",
    expected=CONFIRMED,
    instance="laws on two outcomes; the line is for any data and model laws",
    symbols={"p": "scalar unit", "q": "scalar unit"},
    statement=lambda p, q: Eq(_optimal_value(p, q), -log(4) + _twice_jsd(p, q)),
    where=lambda p, q: [Lt(0, p), Lt(p, 1), Lt(0, q), Lt(q, 1)],
    notes="The data law P = (p, 1 − p) and the model law Q = (q, 1 − q); with D* = P/(P + Q) the value is "
          "∑ᵢ aᵢ log(aᵢ/(aᵢ + bᵢ)) + bᵢ log(bᵢ/(aᵢ + bᵢ)), and 2 JSD = KL(P ‖ M) + KL(Q ‖ M) with "
          "M = (P + Q)/2.  Outcome by outcome the two differ by (aᵢ + bᵢ) log 2, and the sums of the aᵢ and of "
          "the bᵢ are 1, which gives −log 4 for any finite (or continuous) support.  So the generator's minimax "
          "objective is minimised exactly at Q = P, where the value is −log 4 (Goodfellow et al. 2014, thm. 1).",
    aliases=("GAN Jensen-Shannon", "JSD", "GAN global optimum", "minus log 4"),
    tags=("gan", "divergence"),
    references=(_GOODFELLOW_GAN + ", theorem 1",),
    see_also=("gen.gan-optimal-discriminator",),
)

gan_generator_minimax_loss = Entry(
    id="gen.gan-generator-minimax-loss",
    title="Generator (minimax) loss log(1 − D(G(z))), D = σ(s): its slope in the logit is −σ(s), which vanishes as D "
          "rejects the fakes (s → −∞)",
    expected=PROVED,
    symbols={"s": "scalar"},
    statement=lambda s: Eq(D(log(1 - _sigma(s)), s), -_sigma(s)),
    seed=seed(798, 800, r"""##### (2) Gradient descent on $G$

$$\min_{\theta_g} \mathbb{E}_{\mathbf{z} \sim p(\mathbf{z})} [\log(1 - D_{\theta_d}(G_{\theta_g}(\mathbf{z})))]$$"""),
    notes="The lines define the generator's objective (descend E log(1 − D(G(z))) over the noise z); the checkable fact about it is its "
          "saturation: early in training D rejects the fakes, s is very negative and the gradient reaching G is "
          "multiplied by σ(s) ≈ 0.",
    aliases=("minimax loss", "generator loss", "saturating generator loss"),
    tags=("gan", "generator"),
    references=(_GOODFELLOW_GAN + ", sec. 3", _GAN_TUTORIAL + ", sec. 3.2.2"),
)

gan_nonsaturating_generator_loss = Entry(
    id="gen.gan-nonsaturating-generator-loss",
    title="Non-saturating generator loss −log D(G(z)): its slope in the logit is −(1 − σ(s)), near −1 when D rejects the "
          "fakes, with the sign of the minimax slope",
    expected=PROVED,
    symbols={"s": "scalar"},
    statement=lambda s: Eq(D(-log(_sigma(s)), s), -(1 - _sigma(s))),
    seed=seed(802, 802, r"Note that this training algorithm uses a heuristically motivated loss (that is a bit different) for the generator to have better gradients when the discriminator is good:"),
    notes="Both losses decrease as D(G(z)) rises (slopes −σ(s) and −(1 − σ(s)), both negative), so they push the "
          "generator the same way; where D is good (s → −∞) the heuristic slope tends to −1 while the minimax one "
          "vanishes: 'better gradients when the discriminator is good'.",
    aliases=("non-saturating loss", "NS-GAN", "heuristic generator loss", "log D trick"),
    tags=("gan", "generator"),
    references=(_GOODFELLOW_GAN + ", sec. 3", _GAN_TUTORIAL + ", sec. 3.2.3"),
)

gan_algorithm_box = Entry(
    id="gen.gan-algorithm-box",
    title="GAN minibatch training algorithm: k discriminator ascent steps, then one generator step on the improved "
          "objective",
    expected=NOT_CHECKABLE,
    reason="a procedure (Goodfellow et al. 2014, algorithm 1, with the non-saturating generator objective): what its "
           "steps compute is checked in gen.gan-discriminator-descent-on-loss, gen.gan-optimal-discriminator and "
           "gen.gan-nonsaturating-generator-loss",
    seed=seed(804, 824, _nbsp_indent(r"""for number of training iterations do

    for  $k$  steps do

        • Sample minibatch of  $m$  noise samples  $\{\mathbf{z}^{(1)}, \dots, \mathbf{z}^{(m)}\}$  from noise prior  $p_{\theta}(\mathbf{z})$ .

        • Sample minibatch of  $m$  examples  $\{\mathbf{x}^{(1)}, \dots, \mathbf{x}^{(m)}\}$  from data generating distribution  $p_{\text{data}}(\mathbf{x})$ .

        • Update the discriminator by using its stochastic gradient:

$$\nabla_{\theta_d} \frac{1}{m} \sum_{i=1}^m [\log(D_{\theta_d}(\mathbf{x}^{(i)})) + \log(1 - D_{\theta_d}(G_{\theta_g}(\mathbf{z}^{(i)})))]$$

    end for

    • Sample minibatch of  $m$  noise samples  $\{\mathbf{z}^{(1)}, \dots, \mathbf{z}^{(m)}\}$  from noise prior  $p_{\theta}(\mathbf{z})$ .

    • Update the generator by ascending its stochastic gradient (improved objective):

$$\nabla_{\theta_g} \frac{1}{m} \sum_{i=1}^m \log(D_{\theta_d}(G_{\theta_g}(\mathbf{z}^{(i)})))$$

end for""")),
    notes="'Update the discriminator by using its stochastic gradient' means ascending it.  The noise prior is written "
          "'p_θ(z)' but has no trainable parameters (the paper's 'p_g(z)').  The paper's box descends mean "
          "log(1 − D(G(z))) for the generator; this version uses the non-saturating objective the paper recommends in "
          "practice.",
    aliases=("GAN algorithm", "GAN training loop", "Goodfellow algorithm 1"),
    tags=("gan", "training", "procedure"),
    references=(_GOODFELLOW_GAN + ", algorithm 1",),
    see_also=("gen.gan-nonsaturating-generator-loss", "gen.gan-discriminator-descent-on-loss"),
)
