"""13 Optimization: minibatch gradients, gradient descent and its variants, convexity, curvature, dropout.

Main statements
    * ``minibatch_gradient_unbiased`` -- the expected minibatch gradient is the full gradient, by exact
      enumeration of all minibatches; the printed expectation identity is garbled.
    * ``gradient_descent_update`` and the optimizers ``momentum_update``, ``nesterov_update``,
      ``adam_update``, ``adam_bias_correction``, ``rmsprop_update``, ``adagrad_update``: ``numerics.optim``
      performs the same steps as ``torch.optim``.
    * ``strictly_convex_unique_minimum_as_printed`` -- refuted: strict convexity gives at most one
      minimizer, not one (``exp`` has none); ``strictly_convex_unique_minimizer`` is the correction.
    * ``taylor_second_order_gradient_step`` -- the second-order expansion of a gradient step, exact for
      quadratics: curvature decides whether a step helps.
    * ``dropout_weight_scaling`` -- scaling by the keep probability equals the expectation for a linear
      unit, and only approximates it through a nonlinearity (``dropout_weight_scaling_nonlinear_approximate``);
      exact for softmax regression as a geometric ensemble (``dropout_geometric_ensemble_softmax``).

Notation: ``theta`` parameters, ``R`` the risk (mean loss over a data set), ``eta`` the learning rate,
``g`` a gradient; dropout keeps a unit with probability ``p``.

References: Goodfellow, Bengio & Courville, *Deep Learning* (2016), ch. 7 (sec. 7.12 dropout) and
ch. 8; Kingma & Ba, "Adam" (2015); Tieleman & Hinton, RMSProp lecture 6.5 (2012); Duchi, Hazan &
Singer, "Adaptive subgradient methods" (2011); Srivastava et al., "Dropout" (2014); Boyd &
Vandenberghe, *Convex Optimization* (2004).

Tags: optimization, gradient descent, SGD, Adam, convexity, dropout, gradient clipping.
"""

from __future__ import annotations

import itertools
import math

from ._authoring import (
    CONFIRMED,
    NOT_CHECKABLE,
    PROVED,
    REFUTED,
    Chapter,
    Entry,
    Eq,
    Outcome,
    Rational,
    ScalarOf,
    seed,
)

CHAPTER = Chapter("opt", 13, "Optimization")

_DL_BOOK_8 = "Goodfellow, Bengio & Courville, Deep Learning (2016), ch. 8"
_DL_BOOK_7 = "Goodfellow, Bengio & Courville, Deep Learning (2016), sec. 7.12"
_ADAM = "Kingma & Ba, Adam: a method for stochastic optimization, ICLR (2015)"
_BOYD = "Boyd & Vandenberghe, Convex Optimization (2004), sec. 3.1 and 9.1"
_SRIVASTAVA = "Srivastava, Hinton, Krizhevsky, Sutskever & Salakhutdinov, Dropout, JMLR (2014)"


def _torch():
    import torch

    return torch


def _gen(seed_: int):
    return _torch().Generator().manual_seed(seed_)


def _randn(*shape, g):
    torch = _torch()
    return torch.randn(*shape, dtype=torch.float64, generator=g)


# -- objectives as expectations ---------------------------------------------------------------------
def _logistic_data(n: int, d: int, seed_: int):
    g = _gen(seed_)
    X = _randn(n, d, g=g)
    y = (_torch().rand(n, dtype=_torch().float64, generator=g) < 0.5).double()
    theta = _randn(d, g=g)
    return X, y, theta


def _grad(X, y, theta):
    """Gradient of the mean logistic loss over the rows of X, by autograd."""
    torch = _torch()
    th = theta.clone().requires_grad_(True)
    (g,) = torch.autograd.grad(_logistic_loss(X @ th, y), th)
    return g


def _exp_minibatch_unbiased() -> Outcome:
    torch = _torch()
    n, d = 6, 3
    X, y, theta = _logistic_data(n, d, 0)
    full = _grad(X, y, theta)
    rows = []
    for N in (1, 2, 3, 4):
        without = [list(S) for S in itertools.combinations(range(n), N)]  # uniform without replacement
        with_ = [list(S) for S in itertools.product(range(n), repeat=N)] if N <= 3 else []  # i.i.d. uniform draws
        for name, batches in (("without replacement", without), ("with replacement", with_)):
            if not batches:
                continue
            mean = torch.stack([_grad(X[S], y[S], theta) for S in batches]).mean(0)
            err = float((mean - full).abs().max())
            rows.append((N, name, len(batches), err))
            if err > 1e-12:
                return Outcome(False, "the mean minibatch gradient differs from the full gradient",
                               {"N": N, "sampling": name, "minibatches": len(batches), "error": err, "exact": False})
    spread = float(torch.stack([_grad(X[[i]], y[[i]], theta) for i in range(n)]).std(0).max())
    return Outcome(True, f"all minibatches of a 6-point logistic-regression data set enumerated exactly "
                         f"({sum(r[2] for r in rows)} minibatches, sizes 1-4, with and without replacement): the mean "
                         f"minibatch gradient equals the full gradient (max error {max(r[3] for r in rows):.1e}); single "
                         f"gradients spread by {spread:.2f}")


minibatch_gradient_unbiased = Entry(
    id="opt.minibatch-gradient-unbiased",
    title="The gradient on a uniformly drawn minibatch is an unbiased estimate of the full gradient",
    expected=CONFIRMED,
    experiment=_exp_minibatch_unbiased,
    reason="checked by exact enumeration: every minibatch of a small data set (sizes 1-4, drawn with and without "
           "replacement), gradients by torch autograd, mean compared with the full-data gradient",
    notes="E_{S ~ uniform}[grad R(theta; S)] = grad R(theta; D) because the risk is a mean over examples and the "
          "gradient is linear; the estimate's variance shrinks like 1/N.",
    aliases=("unbiased minibatch gradient", "stochastic gradient unbiased", "SGD expectation", "objective as expectation"),
    tags=("sgd", "minibatch", "expectation"),
    references=(_DL_BOOK_8 + ", sec. 8.1.3",),
)

objectives_as_expectations_as_printed = Entry(
    id="opt.objectives-as-expectations-as-printed",
    title="E_theta[R(D)] = E_{S_N ~ p_D}[V_theta R(S_N)] = E[(1/N) sum_i V_theta R(theta; {x_i, y_i})] (garbled)",
    expected=NOT_CHECKABLE,
    reason="garbled: the left side is an expectation 'over theta' of the risk rather than the gradient "
           "grad_theta R(D), and the nabla symbols came out as a blackboard V (variance); as printed the sides have "
           "different types (a number against a vector). Intended: grad_theta R(D) = E_{S_N}[grad_theta R(S_N)] = "
           "E[(1/N) sum_i grad_theta R(theta; x_i, y_i)] (opt.minibatch-gradient-unbiased)",
    seed=seed(410, 410, r"$$\mathbb{E}_\theta[\mathcal{R}(\mathbf{D})] = \mathbb{E}_{S_N \sim p_D} [\mathbb{V}_\theta \mathcal{R}(S_N)] = \mathbb{E} \left[ \frac{1}{N} \sum_{i=1}^N \mathbb{V}_\theta \mathcal{R}(\theta; \{\mathbf{x}_i, \mathbf{y}_i\}) \right]$$"),
    corrected_by="opt.minibatch-gradient-unbiased",
    aliases=("objectives as expectations",),
    tags=("sgd", "expectation", "garbled"),
)

gradient_norm_need_not_vanish = Entry(
    id="opt.gradient-norm-need-not-vanish",
    title="In deep-network training the gradient norm need not shrink: GD may not reach a critical point",
    expected=NOT_CHECKABLE,
    reason="an empirical observation about a training curve (a CNN on MNIST, DL book fig. 8.1) the seed refers to but "
           "does not include; it needs that experiment's data, and the explanation (large curvature near the optimum) "
           "is a hypothesis",
    seed=seed(412, 412, r"This is probably so, because we're dealing with large curvatures when reaching (or getting close to) the optimal parameters. So with gradient descent we may not arrive at a critical point of any kind, and this also motivates to use more and more decreasing learning rates, the closer we get to the optimal parameters. Note that this graph was built using the MNIST dataset and some CNN. Note that there exist many architectures where the final gradient was very large, and still they are used in practice, and people are quite happy with them."),
    tags=("gradient descent", "empirical"),
    references=(_DL_BOOK_8 + ", sec. 8.2.1 and fig. 8.1",),
)


# -- gradient descent and optimizers -----------------------------------------------------------------
def _objective(params):
    """A smooth non-convex test objective of a (3, 2) matrix and a 2-vector."""
    torch = _torch()
    A, b = params
    return (torch.sin(A).sum() + (A @ b).pow(2).sum() + 0.5 * (b.pow(4)).sum() + (A * A).sum() * 0.1)


def _run_optimizer(make, steps: int, lrs=None):
    g = _gen(21)
    params = [_randn(3, 2, g=g).requires_grad_(True), _randn(2, g=g).requires_grad_(True)]
    opt = make(params)
    for t in range(steps):
        if lrs is not None:
            for group in opt.param_groups:
                group["lr"] = lrs[t]
        opt.zero_grad()
        _objective(params).backward()
        opt.step()
    return [p.detach().clone() for p in params]


def _compare(cases, steps: int = 6) -> Outcome:
    """``cases``: (label, make numerics optimizer, make torch optimizer); same steps on the same objective."""
    worst = 0.0
    for label, ours, theirs in cases:
        a, b = _run_optimizer(ours, steps), _run_optimizer(theirs, steps)
        err = max(float((x - y).abs().max()) for x, y in zip(a, b, strict=True))
        worst = max(worst, err)
        if err > 1e-12:
            return Outcome(False, f"numerics.optim differs from torch.optim ({label})", {"case": label, "error": err, "steps": steps})
    return Outcome(True, f"{len(cases)} configurations, {steps} steps each on a non-convex objective of a 3x2 matrix "
                         f"and a 2-vector: numerics.optim equals torch.optim (max error {worst:.1e})")


def _exp_gradient_descent() -> Outcome:
    import torch

    from numerics.optim import SGD

    lrs = [0.1, 0.05, 0.05, 0.02, 0.01]
    ours = _run_optimizer(lambda p: SGD(p, lr=1.0), len(lrs), lrs)
    theirs = _run_optimizer(lambda p: torch.optim.SGD(p, lr=1.0), len(lrs), lrs)
    g = _gen(21)
    manual = [_randn(3, 2, g=g).requires_grad_(True), _randn(2, g=g).requires_grad_(True)]
    for eta in lrs:  # theta(t+1) = theta(t) - eta_t grad R(theta(t))
        grads = torch.autograd.grad(_objective(manual), manual)
        manual = [(p - eta * gr).detach().requires_grad_(True) for p, gr in zip(manual, grads, strict=True)]
    err = max(max(float((a - b).abs().max()), float((a - c.detach()).abs().max()))
              for a, b, c in zip(ours, theirs, manual, strict=True))
    if err > 1e-12:
        return Outcome(False, "SGD step differs from theta - eta_t grad R", {"error": err})
    return Outcome(True, f"5 steps with decreasing eta_t: numerics.optim.SGD, torch.optim.SGD and the manual update "
                         f"theta - eta_t grad R (autograd) agree (max error {err:.1e})")


gradient_descent_update = Entry(
    id="opt.gradient-descent-update",
    title="Gradient descent: theta(t+1) = theta(t) - eta_t grad_theta R",
    expected=CONFIRMED,
    experiment=_exp_gradient_descent,
    reason="the printed line defines the update; checked that numerics.optim.SGD and torch.optim.SGD perform exactly "
           "it (with a decreasing step size eta_t), against the manual update with autograd gradients",
    seed=seed(416, 416, r"$$\theta(t+1) = \theta(t) - \eta_t \nabla_\theta \mathcal{R}$$"),
    aliases=("gradient descent", "GD update", "SGD", "steepest descent", "learning rate"),
    tags=("gradient descent", "sgd", "optimizer"),
    references=(_DL_BOOK_8 + ", sec. 8.3.1",),
)


def _exp_sgd_variants(kind: str):
    def run() -> Outcome:
        import torch

        from numerics.optim import SGD, Adagrad, Adam, RMSprop

        if kind == "momentum":
            cases = [(f"mu={mu}, dampening={tau}", lambda p, mu=mu, tau=tau: SGD(p, lr=0.05, momentum=mu, dampening=tau),
                      lambda p, mu=mu, tau=tau: torch.optim.SGD(p, lr=0.05, momentum=mu, dampening=tau))
                     for mu, tau in ((0.9, 0.0), (0.5, 0.3))]
        elif kind == "nesterov":
            cases = [("nesterov mu=0.9", lambda p: SGD(p, lr=0.05, momentum=0.9, nesterov=True),
                      lambda p: torch.optim.SGD(p, lr=0.05, momentum=0.9, nesterov=True))]
        elif kind == "adam":
            cases = [(f"betas={b}", lambda p, b=b: Adam(p, lr=0.01, betas=b), lambda p, b=b: torch.optim.Adam(p, lr=0.01, betas=b))
                     for b in ((0.9, 0.999), (0.5, 0.9))]
        elif kind == "rmsprop":
            cases = [(f"centered={c}, momentum={m}", lambda p, c=c, m=m: RMSprop(p, lr=0.01, centered=c, momentum=m),
                      lambda p, c=c, m=m: torch.optim.RMSprop(p, lr=0.01, centered=c, momentum=m))
                     for c, m in ((False, 0.0), (True, 0.0), (False, 0.9))]
        elif kind == "adagrad":
            cases = [(f"lr_decay={k}", lambda p, k=k: Adagrad(p, lr=0.1, lr_decay=k), lambda p, k=k: torch.optim.Adagrad(p, lr=0.1, lr_decay=k))
                     for k in (0.0, 0.1)]
        elif kind == "l2":
            cases = [("SGD", lambda p: SGD(p, lr=0.05, weight_decay=0.1), lambda p: torch.optim.SGD(p, lr=0.05, weight_decay=0.1)),
                     ("Adam", lambda p: Adam(p, lr=0.01, weight_decay=0.1), lambda p: torch.optim.Adam(p, lr=0.01, weight_decay=0.1)),
                     ("RMSprop", lambda p: RMSprop(p, lr=0.01, weight_decay=0.1), lambda p: torch.optim.RMSprop(p, lr=0.01, weight_decay=0.1)),
                     ("Adagrad", lambda p: Adagrad(p, lr=0.1, weight_decay=0.1), lambda p: torch.optim.Adagrad(p, lr=0.1, weight_decay=0.1))]
        else:  # decoupled
            cases = [("AdamW", lambda p: Adam(p, lr=0.01, weight_decay=0.1, decoupled_weight_decay=True),
                      lambda p: torch.optim.AdamW(p, lr=0.01, weight_decay=0.1))]
        return _compare(cases)

    run.__qualname__ = f"_exp_optimizer_{kind}"
    return run


momentum_update = Entry(
    id="opt.momentum-update",
    title="Heavy-ball momentum: b_t = mu b_{t-1} + (1 - tau) g_t, theta_{t+1} = theta_t - eta b_t",
    expected=CONFIRMED,
    experiment=_exp_sgd_variants("momentum"),
    reason="checked by experiment: numerics.optim.SGD with momentum equals torch.optim.SGD step by step",
    aliases=("momentum", "heavy ball", "SGD with momentum", "velocity"),
    tags=("optimizer", "momentum"),
    references=(_DL_BOOK_8 + ", sec. 8.3.2", "Polyak, Some methods of speeding up the convergence (1964)"),
)

nesterov_update = Entry(
    id="opt.nesterov-update",
    title="Nesterov momentum (look-ahead form): theta_{t+1} = theta_t - eta (g_t + mu b_t)",
    expected=CONFIRMED,
    experiment=_exp_sgd_variants("nesterov"),
    reason="checked by experiment: numerics.optim.SGD(nesterov=True) equals torch.optim.SGD step by step",
    aliases=("Nesterov", "Nesterov accelerated gradient", "NAG"),
    tags=("optimizer", "momentum"),
    references=(_DL_BOOK_8 + ", sec. 8.3.3", "Sutskever, Martens, Dahl & Hinton, On the importance of initialization and momentum (2013)"),
)

adam_update = Entry(
    id="opt.adam-update",
    title="Adam: m_t = b1 m + (1-b1) g, v_t = b2 v + (1-b2) g^2, theta -= eta m_hat / (sqrt(v_hat) + eps)",
    expected=CONFIRMED,
    experiment=_exp_sgd_variants("adam"),
    reason="checked by experiment: numerics.optim.Adam equals torch.optim.Adam step by step for two (beta1, beta2)",
    aliases=("Adam", "adam optimizer", "adaptive moment estimation"),
    tags=("optimizer", "adaptive"),
    references=(_ADAM, _DL_BOOK_8 + ", sec. 8.5.3"),
    see_also=("opt.adam-bias-correction",),
)


def _exp_adam_bias_correction() -> Outcome:
    import torch

    from numerics.optim import Adam

    lr, eps = 0.01, 1e-8
    gvec = torch.tensor([3.0, -0.5, 1e-3], dtype=torch.float64)
    theta = torch.zeros(3, dtype=torch.float64, requires_grad=True)
    opt = Adam([theta], lr=lr, betas=(0.9, 0.999), eps=eps)
    prev = theta.detach().clone()
    for t in range(1, 8):
        opt.zero_grad()
        (theta * gvec).sum().backward()  # constant gradient g
        opt.step()
        step = theta.detach() - prev
        prev = theta.detach().clone()
        m_hat = opt.state[theta]["exp_avg"] / (1 - 0.9**t)
        want = -lr * gvec / (gvec.abs() + eps)  # m_hat = g and sqrt(v_hat) = |g| exactly
        err = max(float((m_hat - gvec).abs().max()), float((step - want).abs().max()))
        if err > 1e-12:
            return Outcome(False, "with a constant gradient the bias-corrected moment is not the gradient", {"t": t, "error": err})
        raw = opt.state[theta]["exp_avg"]
    return Outcome(True, f"constant gradient g: m_hat_t = g and every step is -eta g/(|g| + eps) for t = 1..7, while the "
                         f"uncorrected m_7 = {float(raw[0]):.3f} for g = 3 (biased towards 0)")


adam_bias_correction = Entry(
    id="opt.adam-bias-correction",
    title="Adam's bias correction: m_hat_t = m_t/(1 - b1^t), v_hat_t = v_t/(1 - b2^t) undo the zero initialisation",
    expected=CONFIRMED,
    experiment=_exp_adam_bias_correction,
    reason="checked by experiment: with a constant gradient g, numerics.optim.Adam's corrected first moment equals g "
           "exactly and each step is -eta g/(|g| + eps), while the raw moment m_t = (1 - b1^t) g is biased",
    aliases=("bias correction", "Adam bias correction"),
    tags=("optimizer", "adaptive"),
    references=(_ADAM,),
)

rmsprop_update = Entry(
    id="opt.rmsprop-update",
    title="RMSProp: v_t = a v_{t-1} + (1-a) g^2, theta -= eta g/(sqrt(v_t) + eps)",
    expected=CONFIRMED,
    experiment=_exp_sgd_variants("rmsprop"),
    reason="checked by experiment: numerics.optim.RMSprop equals torch.optim.RMSprop (plain, centered, with momentum)",
    aliases=("RMSProp", "rmsprop", "root mean square propagation"),
    tags=("optimizer", "adaptive"),
    references=("Tieleman & Hinton, Lecture 6.5 RMSProp, COURSERA (2012)", _DL_BOOK_8 + ", sec. 8.5.2"),
)

adagrad_update = Entry(
    id="opt.adagrad-update",
    title="AdaGrad: r_t = r_{t-1} + g^2, theta -= eta_t g/(sqrt(r_t) + eps)",
    expected=CONFIRMED,
    experiment=_exp_sgd_variants("adagrad"),
    reason="checked by experiment: numerics.optim.Adagrad equals torch.optim.Adagrad (with and without lr decay)",
    aliases=("AdaGrad", "adagrad"),
    tags=("optimizer", "adaptive"),
    references=("Duchi, Hazan & Singer, Adaptive subgradient methods, JMLR (2011)", _DL_BOOK_8 + ", sec. 8.5.1"),
)

weight_decay_l2 = Entry(
    id="opt.weight-decay-l2",
    title="L2 weight decay: add lambda theta to the gradient before the optimizer's update",
    expected=CONFIRMED,
    experiment=_exp_sgd_variants("l2"),
    reason="checked by experiment: numerics SGD, Adam, RMSprop and Adagrad with weight_decay equal torch.optim's",
    aliases=("weight decay", "L2 regularization", "ridge penalty"),
    tags=("optimizer", "regularization"),
    references=("Goodfellow, Bengio & Courville, Deep Learning (2016), sec. 7.1.1",),
)

weight_decay_decoupled = Entry(
    id="opt.weight-decay-decoupled",
    title="Decoupled weight decay (AdamW): theta <- (1 - eta lambda) theta before the Adam step",
    expected=CONFIRMED,
    experiment=_exp_sgd_variants("decoupled"),
    reason="checked by experiment: numerics.optim.Adam(decoupled_weight_decay=True) equals torch.optim.AdamW",
    aliases=("AdamW", "decoupled weight decay"),
    tags=("optimizer", "regularization"),
    references=("Loshchilov & Hutter, Decoupled weight decay regularization, ICLR (2019)",),
)


def _exp_clipping(kind: str):
    def run() -> Outcome:
        import torch

        from numerics.optim import clip_grad_norm_, clip_grad_value_

        g = _gen(22)
        for scale, c, q in itertools.product((0.1, 1.0, 10.0), (0.5, 2.0), (2.0, 1.0, float("inf"))):
            grads = [scale * _randn(3, 2, g=g), scale * _randn(4, g=g)]
            ours = [torch.zeros_like(x).requires_grad_(True) for x in grads]
            theirs = [torch.zeros_like(x).requires_grad_(True) for x in grads]
            for p, r, x in zip(ours, theirs, grads, strict=True):
                p.grad, r.grad = x.clone(), x.clone()
            if kind == "norm":
                n1, n2 = clip_grad_norm_(ours, c, q), torch.nn.utils.clip_grad_norm_(theirs, c, q)
                flat = torch.cat([p.grad.flatten() for p in ours])
                orig = torch.cat([x.flatten() for x in grads])
                new_norm = float(torch.linalg.vector_norm(flat, q))
                cos = float(flat @ orig / (flat.norm() * orig.norm()))
                ok = abs(float(n1 - n2)) < 1e-12 and new_norm <= c + 1e-9 and abs(cos - 1) < 1e-12 and \
                    (float(n1) > c or float((flat - orig).abs().max()) < 1e-5 * scale)
            else:
                clip_grad_value_(ours, c)
                torch.nn.utils.clip_grad_value_(theirs, c)
                flat = torch.cat([p.grad.flatten() for p in ours])
                ok = float(flat.abs().max()) <= c and bool((flat == torch.cat([x.flatten() for x in grads]).clamp(-c, c)).all())
            err = max(float((p.grad - r.grad).abs().max()) for p, r in zip(ours, theirs, strict=True))
            if not ok or err > 1e-12:
                return Outcome(False, f"clipping by {kind} misbehaves", {"scale": scale, "c": c, "q": q, "error": err})
        what = ("norm <= c afterwards, direction kept, small gradients untouched" if kind == "norm"
                else "every entry clamped to [-c, c]")
        return Outcome(True, f"18 gradient sets (3 scales, 2 thresholds, 3 norms): numerics equals torch.nn.utils; {what}")

    run.__qualname__ = f"_exp_clipping_{kind}"
    return run


gradient_clipping_norm = Entry(
    id="opt.gradient-clipping-norm",
    title="Gradient clipping by norm: g <- g min(1, c/||g||) keeps the direction and caps the length at c",
    expected=CONFIRMED,
    experiment=_exp_clipping("norm"),
    reason="the seed names clipping and decreasing learning rates as remedies (advice, not a claim); checked that "
           "numerics.optim.clip_grad_norm_ equals torch.nn.utils.clip_grad_norm_, caps the norm and keeps the direction",
    seed=seed(362, 369, r"""#### 13.4 Optimization Challenges in NNs: Curvatures

A challenge in NNs arises when we have sharp non-linearities, then there are two approaches to solve this

- one is to be very conservative and only do small update steps by choosing a very small learning rate.
- or we are courageous and due huge jumps as depicted in the image.

Typical approaches are to clip the gradient when it gets too large, or use a decreasing learning rate (in terms of time)."""),
    aliases=("gradient clipping", "clip grad norm", "exploding gradients", "cliff"),
    tags=("gradient clipping", "optimizer"),
    references=(_DL_BOOK_8 + ", sec. 8.2.4", "Goodfellow, Bengio & Courville, Deep Learning (2016), sec. 10.11.1",
                "Pascanu, Mikolov & Bengio, On the difficulty of training recurrent neural networks (2013)"),
    see_also=("opt.gradient-clipping-value", "opt.lr-decay-step"),
)

gradient_clipping_value = Entry(
    id="opt.gradient-clipping-value",
    title="Gradient clipping by value: g_i <- min(max(g_i, -c), c)",
    expected=CONFIRMED,
    experiment=_exp_clipping("value"),
    reason="checked that numerics.optim.clip_grad_value_ equals torch.nn.utils.clip_grad_value_ and clamps every entry",
    aliases=("clip grad value", "gradient clipping"),
    tags=("gradient clipping", "optimizer"),
    references=("Goodfellow, Bengio & Courville, Deep Learning (2016), sec. 10.11.1",),
)


def _exp_schedule(kind: str):
    def run() -> Outcome:
        import torch
        from torch.optim import lr_scheduler as S

        from numerics.optim import cosine_decay, exponential_decay, linear_decay, step_decay

        lr0 = 0.5
        p = torch.zeros(1, requires_grad=True)
        opt = torch.optim.SGD([p], lr=lr0)
        if kind == "step":
            sched, ours = S.StepLR(opt, step_size=3, gamma=0.5), lambda t: step_decay(t, lr0, 3, 0.5)
        elif kind == "exponential":
            sched, ours = S.ExponentialLR(opt, gamma=0.9), lambda t: exponential_decay(t, lr0, 0.9)
        elif kind == "linear":
            sched, ours = S.LinearLR(opt, start_factor=1.0, end_factor=0.1, total_iters=8), lambda t: linear_decay(t, lr0, 0.05, 8)
        else:
            sched, ours = S.CosineAnnealingLR(opt, T_max=10, eta_min=0.01), lambda t: cosine_decay(t, lr0, 0.01, 10)
        worst = 0.0
        for t in range(11):
            theirs = opt.param_groups[0]["lr"]
            worst = max(worst, abs(theirs - ours(t)))
            if worst > 1e-12:
                return Outcome(False, f"{kind} decay differs from torch's scheduler", {"t": t, "numerics": ours(t), "torch": theirs})
            opt.step()
            sched.step()
        return Outcome(True, f"t = 0..10: numerics.optim.{kind}_decay equals torch.optim.lr_scheduler (max error {worst:.1e})")

    run.__qualname__ = f"_exp_schedule_{kind}"
    return run


lr_decay_step = Entry(
    id="opt.lr-decay-step",
    title="Step decay: eta_t = eta_0 gamma^floor(t/k)",
    expected=CONFIRMED,
    experiment=_exp_schedule("step"),
    reason="checked against torch.optim.lr_scheduler.StepLR for t = 0..10",
    aliases=("learning rate decay", "step decay", "decreasing learning rate", "StepLR"),
    tags=("learning rate", "schedule"),
    references=(_DL_BOOK_8 + ", sec. 8.3.1",),
)

lr_decay_exponential = Entry(
    id="opt.lr-decay-exponential",
    title="Exponential decay: eta_t = eta_0 gamma^t",
    expected=CONFIRMED,
    experiment=_exp_schedule("exponential"),
    reason="checked against torch.optim.lr_scheduler.ExponentialLR for t = 0..10",
    aliases=("exponential learning rate decay", "ExponentialLR"),
    tags=("learning rate", "schedule"),
)

lr_decay_linear = Entry(
    id="opt.lr-decay-linear",
    title="Linear decay: eta_t = (1 - a) eta_0 + a eta_tau, a = min(t/tau, 1)",
    expected=CONFIRMED,
    experiment=_exp_schedule("linear"),
    reason="checked against torch.optim.lr_scheduler.LinearLR for t = 0..10 (constant after tau)",
    aliases=("linear learning rate decay", "LinearLR"),
    tags=("learning rate", "schedule"),
    references=(_DL_BOOK_8 + ", sec. 8.3.1, eq. 8.14",),
)

lr_decay_cosine = Entry(
    id="opt.lr-decay-cosine",
    title="Cosine decay: eta_t = eta_min + (eta_0 - eta_min)(1 + cos(pi t/T))/2",
    expected=CONFIRMED,
    experiment=_exp_schedule("cosine"),
    reason="checked against torch.optim.lr_scheduler.CosineAnnealingLR for t = 0..10",
    aliases=("cosine annealing", "cosine learning rate"),
    tags=("learning rate", "schedule"),
    references=("Loshchilov & Hutter, SGDR: stochastic gradient descent with warm restarts (2017)",),
)


# -- curvature ------------------------------------------------------------------------------------
taylor_second_order_gradient_step = Entry(
    id="opt.taylor-second-order-gradient-step",
    title="Second-order expansion of a gradient step: R(theta - eta g) = R(theta) - eta g^T g + (eta^2/2) g^T H g (exact for quadratics)",
    expected=PROVED,
    symbols={"A": "matrix n n symmetric", "b": "vector n", "th": "vector n", "eta": "scalar real"},
    # R(theta) = theta^T A theta / 2 + b^T theta, g = A theta + b, H = A
    statement=lambda A, b, th, eta: Eq(
        Rational(1, 2) * ScalarOf((th.T - eta * (A * th + b).T) * A * (th - eta * (A * th + b)))
        + ScalarOf(b.T * (th - eta * (A * th + b))),
        Rational(1, 2) * ScalarOf(th.T * A * th) + ScalarOf(b.T * th) - eta * ScalarOf((A * th + b).T * (A * th + b))
        + Rational(1, 2) * eta**2 * ScalarOf((A * th + b).T * A * (A * th + b))),
    notes="For R(theta) = theta^T A theta/2 + b^T theta the expansion is exact. The step lowers R only if "
          "eta < 2 g^T g / g^T H g: strong curvature along g (a 'cliff') turns a gradient step into an increase, "
          "which is why the sheet recommends small or decreasing steps and clipping. Written with the transpose "
          "expanded by hand: the catalog builds statements unevaluated, and SymPy then drops the sign of "
          "(th - eta g).T (reported as an engine gap).",
    aliases=("second order Taylor expansion", "curvature", "Hessian step size", "quadratic approximation"),
    tags=("curvature", "taylor", "gradient descent"),
    references=(_DL_BOOK_8 + ", sec. 8.2.1, eq. 8.10", "Goodfellow, Bengio & Courville, Deep Learning (2016), sec. 4.3.1"),
)

curvature_taylor_as_printed = Entry(
    id="opt.curvature-taylor-as-printed",
    title="'The problem is the curvature' -- the announced second-order Taylor expansion of a step",
    expected=NOT_CHECKABLE,
    reason="incomplete as printed: the equation promised by 'If we do the 2nd-order Taylor expansion of that, then we "
           "get' is missing (the line that follows is the 1x1-convolution formula, cnn.one-by-one-formula-as-printed); "
           "'the gradient is constant on the wall of the cliff' is a description of a figure the seed lost. The "
           "expansion itself is opt.taylor-second-order-gradient-step",
    seed=seed(371, 373, r"""Now, the problem is not that the cliff is very steep. The problem is the curvature. Because when we take the gradient, the gradient is actually constant on the wall of the cliff. Let's have a look at this through some equations.

Now, let's evaluate what the risk is at some point, plus some gradient step. If we do the 2nd-order Taylor expansion of that, then we get"""),
    corrected_by="opt.taylor-second-order-gradient-step",
    tags=("curvature", "taylor"),
    references=(_DL_BOOK_8 + ", sec. 8.2.1",),
)


# -- classic analysis ------------------------------------------------------------------------------
convex_objective_notation = Entry(
    id="opt.convex-objective-notation",
    title="Notation: R convex, R* its minimum, theta* a minimizer, R* := R(theta*) <= R(theta)",
    expected=NOT_CHECKABLE,
    definition=True,
    reason="introduces R* and theta*",
    seed=seed(420, 423, r"""In classical machine learning we have a convex objective  $\mathcal{R}$ . And we denote

- $\mathcal{R}^*$  as the minimum of  $\mathcal{R}$
- $\theta^*$  as the optimal set of parameters (the minimizer of  $\mathcal{R}$ )"""),
    aliases=("minimizer", "optimal parameters", "convex objective"),
    tags=("convexity", "notation"),
    references=(_BOYD,),
)


def _newton_minimize(X, y, lam, theta0, iters=40):
    torch = _torch()
    th = theta0.clone()
    n, d = X.shape
    for _ in range(iters):
        s = torch.sigmoid(X @ th)
        grad = X.T @ (s - y) / n + lam * th
        if float(grad.abs().max()) < 1e-14:
            break
        H = X.T @ (X * (s * (1 - s))[:, None]) / n + lam * torch.eye(d, dtype=X.dtype)
        step = torch.linalg.solve(H, grad)
        t, r0 = 1.0, _risk(X, y, lam, th)
        while _risk(X, y, lam, th - t * step) > r0 and t > 1e-8:  # backtracking: damped Newton converges globally
            t /= 2
        th = th - t * step
    return th


def _logistic_loss(z, y):
    """Mean logistic loss from logits: mean(softplus(z) - y z) (torch's fused BCE-with-logits is slow on tiny inputs)."""
    return (_torch().nn.functional.softplus(z) - y * z).mean()


def _risk(X, y, lam, th):
    return float(_logistic_loss(X @ th, y) + 0.5 * lam * th @ th)


def _exp_first_order_optimality() -> Outcome:
    X, y, _ = _logistic_data(20, 3, 1)
    g = _gen(23)
    lam = 0.1
    th_star = _newton_minimize(X, y, lam, _randn(3, g=g))
    r_star = _risk(X, y, lam, th_star)
    grad_norm = float((_grad(X, y, th_star) + lam * th_star).norm())
    worse = [_risk(X, y, lam, th_star + 0.5 * _randn(3, g=g)) for _ in range(200)]
    th = _randn(3, g=g)
    gr = _grad(X, y, th) + lam * th
    decrease = _risk(X, y, lam, th - 1e-3 * gr) < _risk(X, y, lam, th)
    if grad_norm > 1e-10 or min(worse) < r_star or not decrease:
        return Outcome(False, "first-order optimality fails", {"grad norm": grad_norm, "min R nearby": min(worse), "R*": r_star})
    return Outcome(True, f"L2-regularised logistic regression (convex): at the Newton minimizer |grad R| = {grad_norm:.1e} "
                         f"and R(theta*) = {r_star:.4f} <= R(theta) at 200 random theta; at a point with grad R != 0 a small "
                         f"step along -grad R lowers R, so it is no minimizer")


first_order_optimality_convex = Entry(
    id="opt.first-order-optimality-convex",
    title="For a differentiable convex R: theta* minimizes R iff grad R(theta*) = 0; then R* = R(theta*) <= R(theta)",
    expected=CONFIRMED,
    experiment=_exp_first_order_optimality,
    reason="checked by experiment on L2-regularised logistic regression: the gradient vanishes at the minimizer "
           "found by Newton's method, no random point is lower, and a point with nonzero gradient is improved by a "
           "small descent step",
    aliases=("first order optimality", "stationary point", "gradient zero at minimum", "optimality condition"),
    tags=("convexity", "optimality"),
    references=(_BOYD + ", eq. 4.22",),
)

optimality_condition_as_printed = Entry(
    id="opt.optimality-condition-as-printed",
    title="'So we have grad R != 0*; R* := R(theta*) <= R(theta)' (garbled)",
    expected=NOT_CHECKABLE,
    reason="garbled: 'grad_theta R != 0*' has a stray star and the wrong relation; the optimality condition is "
           "grad_theta R(theta*) = 0 (opt.first-order-optimality-convex). The second half restates the definition of "
           "the minimum (opt.convex-objective-notation); the seed repeats the line at 441 and 447",
    seed=seed(425, 425, r"So we have  $\nabla_\theta \mathcal{R} \neq 0^*$ ;  $\mathcal{R}^* := \mathcal{R}(\theta^*) \leq \mathcal{R}(\theta)$ ."),
    corrected_by="opt.first-order-optimality-convex",
    tags=("convexity", "optimality", "garbled"),
)


def _exp_strictly_convex_no_minimum() -> Outcome:
    import sympy as sp

    t = sp.Symbol("theta", real=True)
    R = sp.exp(t)
    strictly_convex = bool(sp.diff(R, t, 2).is_positive)
    critical = sp.solveset(sp.Eq(sp.diff(R, t), 0), t, sp.S.Reals)
    infimum = sp.limit(R, t, -sp.oo)
    attained = sp.solveset(sp.Eq(R, infimum), t, sp.S.Reals)
    if strictly_convex and critical == sp.S.EmptySet and attained == sp.S.EmptySet:
        return Outcome(False, "R(theta) = exp(theta) is strictly convex (R'' = exp(theta) > 0) but has no minimum: "
                              "R' = exp(theta) never vanishes and the infimum 0 is not attained",
                       {"R": "exp(theta)", "R''": "exp(theta) > 0", "critical points": str(critical),
                        "infimum": str(infimum), "attained at": str(attained), "exact": True})
    return Outcome(True, "exp(theta) did not turn out to be a counterexample")


strictly_convex_unique_minimum_as_printed = Entry(
    id="opt.strictly-convex-unique-minimum-as-printed",
    title="'Strictly convex objective -> objective has only one (a unique) minimum: for all theta != theta*, R(theta) > R(theta*)'",
    expected=REFUTED,
    experiment=_exp_strictly_convex_no_minimum,
    reason="read as printed, 'has ... a unique minimum' asserts that a minimizer theta* exists; strict convexity only "
           "gives uniqueness: exp(theta) is strictly convex and has none (checked exactly with SymPy). The displayed "
           "formula is the definition of a strict global minimizer, not of strict convexity "
           "(R(a x + (1-a) y) < a R(x) + (1-a) R(y) for x != y, 0 < a < 1)",
    seed=seed(427, 429, r"""### D. (Strictly Convex Objective) → objective has only one (a unique) minimum.

$$\forall \theta \neq \theta^* : \mathcal{R}(\theta) > \mathcal{R}(\theta^*)$$"""),
    corrected_by="opt.strictly-convex-unique-minimizer",
    aliases=("strictly convex", "unique minimum", "uniqueness of minimizer"),
    tags=("convexity", "optimality"),
    references=(_BOYD,),
)


def _exp_strictly_convex_unique() -> Outcome:
    import torch

    X, y, _ = _logistic_data(15, 3, 2)
    g = _gen(24)
    sols = []
    for lam in (0.05, 0.5):  # strongly convex: strictly convex and coercive, so a minimizer exists
        ends = torch.stack([_newton_minimize(X, y, lam, 3 * _randn(3, g=g)) for _ in range(10)])
        spread = float((ends - ends[0]).abs().max())
        star = ends[0]
        r_star = _risk(X, y, lam, star)
        others = [_risk(X, y, lam, star + d * _randn(3, g=g)) for d in (1e-3, 1e-1, 1.0) for _ in range(30)]
        sols.append((lam, spread, min(o - r_star for o in others)))
        if spread > 1e-9 or min(others) <= r_star:
            return Outcome(False, "a strongly convex objective had two minimizers or a point as low as the minimizer",
                           {"lambda": lam, "spread of Newton limits": spread})
    # control: a convex but not strictly convex objective (a flat direction) has many minimizers
    Xf = torch.cat([X[:, :2], torch.zeros(15, 1, dtype=X.dtype)], dim=1)
    flat = [_newton_minimize(Xf[:, :2], y, 0.1, 3 * _randn(2, g=g)) for _ in range(2)]
    a = torch.cat([flat[0], torch.tensor([0.0], dtype=X.dtype)])
    b = torch.cat([flat[1], torch.tensor([5.0], dtype=X.dtype)])
    rf = lambda th: float(_logistic_loss(Xf @ th, y) + 0.05 * th[:2] @ th[:2])  # noqa: E731
    if abs(rf(a) - rf(b)) > 1e-12:
        return Outcome(False, "control failed: the flat direction changed the objective", {})
    return Outcome(True, f"strongly convex (L2-regularised logistic) objectives: Newton from 10 random starts reaches one "
                         f"point (spread {max(s[1] for s in sols):.1e}) and every other tested point is strictly higher "
                         f"(min gap {min(s[2] for s in sols):.1e}); control: with a flat direction two different points "
                         f"attain the minimum")


strictly_convex_unique_minimizer = Entry(
    id="opt.strictly-convex-unique-minimizer",
    title="A strictly convex R has at most one minimizer; if it is also coercive (e.g. strongly convex) it has exactly one",
    expected=CONFIRMED,
    experiment=_exp_strictly_convex_unique,
    reason="numeric evidence: strongly convex logistic-regression objectives reach one minimizer from many starts, "
           "every other point is strictly higher; a convex objective with a flat direction (control) has several "
           "minimizers. (The proof: two minimizers x != y would give R((x+y)/2) < R(x).)",
    aliases=("strictly convex unique minimum", "strong convexity", "unique minimizer"),
    tags=("convexity", "optimality"),
    references=(_BOYD, "Nesterov, Introductory Lectures on Convex Optimization (2004), sec. 2.1"),
)

lipschitz_definition_as_printed = Entry(
    id="opt.lipschitz-definition-as-printed",
    title="L-Lipschitz continuous function (definition cut off before its inequality)",
    expected=NOT_CHECKABLE,
    reason="incomplete as printed: the sentence ends at 'such that' and the defining inequality is missing. The "
           "standard definition: d_Y(f(x1), f(x2)) <= L d_X(x1, x2) for all x1, x2 in X",
    seed=seed(431, 433, r"""### D. (L-Lipschitz Continuous Function)

Given two metric spaces  $(X, d_X)$  and  $(Y, d_Y)$ , a function  $f: X \rightarrow Y$  is called Lipschitz continuous, if there exists a real constant  $L \in \mathbb{R}_0^+$  (Lipschitz constant), such that"""),
    aliases=("Lipschitz", "Lipschitz continuity", "Lipschitz constant"),
    tags=("analysis", "definition", "incomplete"),
    references=(_BOYD,),
)


def _exp_nn_saddle() -> Outcome:
    import torch

    g = _gen(25)
    X = _randn(8, 2, g=g)
    y = torch.tanh(X @ torch.tensor([1.0, -2.0], dtype=torch.float64)) * 1.5

    def risk(flat):
        W, v = flat[:6].reshape(3, 2), flat[6:]
        return ((torch.tanh(X @ W.T) @ v - y) ** 2).mean()

    theta = torch.zeros(9, dtype=torch.float64, requires_grad=True)  # all weights zero
    (grad,) = torch.autograd.grad(risk(theta), theta)
    H = torch.autograd.functional.hessian(risk, theta.detach())
    eig = torch.linalg.eigvalsh(H)
    th = theta.detach().clone()
    for _ in range(100):
        th.requires_grad_(True)
        (gr,) = torch.autograd.grad(risk(th), th)
        th = (th - 0.1 * gr).detach()
    stuck = float(th.abs().max()) == 0.0
    lower = float(risk(1e-1 * _randn(9, g=g)))
    r0 = float(risk(theta.detach()))
    saddle = float(eig.min()) < -1e-6 and float(eig.max()) > 1e-6
    if float(grad.abs().max()) != 0.0 or not saddle or not stuck:
        return Outcome(False, "the zero initialisation is not a saddle where GD stays", {"grad": float(grad.abs().max()),
                                                                                         "eigenvalues": eig.tolist(), "stuck": stuck})
    return Outcome(True, f"one-hidden-layer tanh net, all weights zero: gradient exactly 0, Hessian eigenvalues from "
                         f"{float(eig.min()):.3f} to {float(eig.max()):.3f} (a saddle), 100 GD steps do not move "
                         f"(R = {r0:.3f}), while a random small point has R = {lower:.3f}")


nn_saddle_gd_stuck = Entry(
    id="opt.nn-saddle-gd-stuck",
    title="Neural-network risks have saddle points where gradient descent gets stuck",
    expected=CONFIRMED,
    experiment=_exp_nn_saddle,
    reason="the existence part checked by experiment: for a one-hidden-layer tanh network the all-zero weights are a "
           "critical point with an indefinite Hessian (autograd), and gradient descent started there never moves. "
           "That many local minima and saddles are 'typical' is an empirical statement about landscapes, not checked",
    seed=seed(435, 435, r"Neural network cost functions can have many local minima and/or saddle points - and this is typical. Gradient descent can get stuck. Questions that have been looked at are"),
    aliases=("saddle point", "local minima", "stuck gradient descent", "non-convex optimization"),
    tags=("non-convex", "saddle point", "gradient descent"),
    references=(_DL_BOOK_8 + ", sec. 8.2.2 and 8.2.3",
                "Dauphin et al., Identifying and attacking the saddle point problem (2014)"),
)


# -- dropout ----------------------------------------------------------------------------------------
def _masks(d: int):
    torch = _torch()
    return torch.tensor(list(itertools.product((0.0, 1.0), repeat=d)), dtype=torch.float64)  # (2^d, d)


def _exp_dropout_weight_scaling() -> Outcome:

    from numerics.layers import dropout_weight_scaling

    g = _gen(26)
    d, m = 6, 4
    W, x = _randn(m, d, g=g), _randn(d, g=g)
    worst = 0.0
    for p in (0.5, 0.8):
        M = _masks(d)
        prob = (M * p + (1 - M) * (1 - p)).prod(1)  # P(mask)
        expected = (prob[:, None] * ((M * x) @ W.T)).sum(0)  # E_mask[W (r * x)], exactly
        scaled = W @ dropout_weight_scaling(x, p, training=False)  # test time: W (p x)
        worst = max(worst, float((expected - scaled).abs().max()), float((expected - (p * W) @ x).abs().max()))
        r = dropout_weight_scaling(x.expand(20000, d), p, generator=g)  # training-time masks
        mc = (r @ W.T).mean(0)
        se = float(((r @ W.T).std(0) / math.sqrt(20000)).max())
        if float((mc - scaled).abs().max()) > 5 * se:
            return Outcome(False, "numerics training-time dropout does not average to the scaled output", {"p": p})
    if worst > 1e-12:
        return Outcome(False, "weight scaling differs from the expectation for a linear unit", {"error": worst, "exact": False})
    return Outcome(True, f"linear units, d = {d} inputs: the exact expectation over all {2 ** d} masks equals the "
                         f"weight-scaled output W (p x) for p = 0.5 and 0.8 (error {worst:.1e}); numerics training-time "
                         f"masks average to it within 5 standard errors")


dropout_weight_scaling = Entry(
    id="opt.dropout-weight-scaling",
    title="Dropout weight scaling: multiplying the weights by the keep probability p (0.5) gives the expected output of a linear unit",
    expected=CONFIRMED,
    experiment=_exp_dropout_weight_scaling,
    reason="checked by exact enumeration of all dropout masks of a linear layer (p = 0.5 and 0.8) against "
           "numerics.layers.dropout_weight_scaling at test time, plus a Monte Carlo check of its training-time masks",
    seed=seed(556, 556, r"**Ex.** Let's say that at the end we selected each unit with a probability of 0.5. Then when typically when we're finished with training our neural network, we're going to multiply all the weights that we obtained with 0.5 to reduce the contribution of each of the features (since we'll have all of them). So with this trick for the prediction we can just do a single forward pass."),
    notes="Exact only while the unit is linear in the dropped inputs; through a nonlinearity it is an approximation "
          "(opt.dropout-weight-scaling-nonlinear-approximate). Modern code uses inverted dropout instead.",
    aliases=("dropout scaling", "weight scaling inference rule", "dropout at test time", "dropout prediction"),
    tags=("dropout", "regularization"),
    references=(_DL_BOOK_7, _SRIVASTAVA),
    see_also=("opt.dropout-inverted", "opt.dropout-weight-scaling-nonlinear-approximate"),
)


def _exp_dropout_nonlinear() -> Outcome:
    import torch

    g = _gen(27)
    d, p = 6, 0.5
    W, x, v = _randn(4, d, g=g), _randn(d, g=g), _randn(4, g=g)
    M = _masks(d)
    gaps = {}
    for name, act in (("relu", torch.relu), ("tanh", torch.tanh), ("sigmoid", torch.sigmoid)):
        ens = (act((M * x) @ W.T) @ v).mean()  # E over all 64 masks (p = 0.5: uniform)
        scaled = act(W @ (p * x)) @ v
        gaps[name] = float((ens - scaled).abs())
    if min(gaps.values()) < 1e-3:
        return Outcome(False, "weight scaling was exact through a nonlinearity", gaps)
    return Outcome(True, "one hidden nonlinear layer, all 64 masks enumerated: |E[output] - weight-scaled output| = "
                         + ", ".join(f"{k} {v:.3f}" for k, v in gaps.items()))


dropout_weight_scaling_nonlinear_approximate = Entry(
    id="opt.dropout-weight-scaling-nonlinear-approximate",
    title="Through a nonlinearity, weight scaling only approximates the expected dropout output",
    expected=CONFIRMED,
    experiment=_exp_dropout_nonlinear,
    reason="checked by exact enumeration of all masks for a hidden layer with ReLU, tanh and sigmoid: the expectation "
           "differs from the weight-scaled forward pass",
    aliases=("dropout approximation", "weight scaling approximate"),
    tags=("dropout",),
    references=(_DL_BOOK_7,),
)


def _exp_dropout_geometric() -> Outcome:
    import torch

    g = _gen(28)
    d, k = 5, 3
    W, b, x = _randn(k, d, g=g), _randn(k, g=g), _randn(d, g=g)
    M = _masks(d)  # keep probability 1/2: all masks equally likely
    logp = torch.log_softmax((M * x) @ W.T + b, dim=1)  # (2^d, k)
    geo = torch.softmax(logp.mean(0), dim=0)  # renormalised geometric mean of the ensemble
    scaled = torch.softmax(W @ (0.5 * x) + b, dim=0)
    err = float((geo - scaled).abs().max())
    V, c = _randn(4, d, g=g), _randn(k, 4, g=g)
    logp_h = torch.log_softmax(torch.tanh((M * x) @ V.T) @ c.T, dim=1)
    gap = float((torch.softmax(logp_h.mean(0), 0) - torch.softmax(c @ torch.tanh(V @ (0.5 * x)), 0)).abs().max())
    if err > 1e-12 or gap < 1e-4:
        return Outcome(False, "weight scaling vs the geometric ensemble is not as stated", {"softmax regression": err, "hidden tanh": gap})
    return Outcome(True, f"softmax regression, all {2 ** d} masks: the renormalised geometric mean of the sub-models equals "
                         f"the weight-scaled model (error {err:.1e}); with a hidden tanh layer they differ by {gap:.3f}")


dropout_geometric_ensemble_softmax = Entry(
    id="opt.dropout-geometric-ensemble-softmax",
    title="Weight scaling is exactly the geometric-mean ensemble for softmax regression, approximately otherwise",
    expected=CONFIRMED,
    experiment=_exp_dropout_geometric,
    reason="'(sometimes exact) approximation of a geometrically averaged ensemble' checked by exact enumeration of "
           "all masks: exact for a softmax classifier without hidden units, not exact with a hidden tanh layer",
    seed=seed(554, 554, r"It can be shown that this approach leads to a (sometimes exact) approximation of a geometrically averaged ensemble (see DL-Book, 7.12)."),
    aliases=("dropout ensemble", "geometric mean ensemble", "bagging dropout"),
    tags=("dropout", "ensemble"),
    references=(_DL_BOOK_7, "Warde-Farley, Goodfellow, Courville & Bengio, An empirical analysis of dropout (2014)"),
)

dropout_expectation_as_printed = Entry(
    id="opt.dropout-expectation-as-printed",
    title="sum_j w_i^T x_j = E_Z[sum_j Z_j w_ij x_j] = sum_j t_j^{-1} w_ij x_j (garbled)",
    expected=NOT_CHECKABLE,
    reason="garbled: the left side sums an inner product w_i^T x_j over j (mixing vector and index notation) and lacks "
           "the keep probabilities, and the right side's 't_j^{-1}' is not defined. Intended: "
           "E_Z[sum_j Z_j w_ij x_j] = sum_j pi_j w_ij x_j with Z_j ~ Bernoulli(pi_j): multiplying the weights by the "
           "keep probability gives the expected input of unit i (opt.dropout-weight-scaling)",
    seed=seed(550, 550, r"$$\sum_j \vec{w}_i^T \vec{x}_j^{t-1} = \mathbb{E}_{Z \sim P(Z)} \left[ \sum_j Z_j^{t-1} w_{ij} x_j^{t-1} \right] = \sum_j t_j^{-1} w_{ij} x_j^{t-1}$$"),
    corrected_by="opt.dropout-weight-scaling",
    tags=("dropout", "garbled"),
)


def _exp_dropout_inverted() -> Outcome:
    import torch

    from numerics.layers import dropout_inverted

    g = _gen(29)
    x = _randn(5, g=g)
    for keep in (0.5, 0.8):
        M = _masks(5)
        prob = (M * keep + (1 - M) * (1 - keep)).prod(1)
        exact = (prob[:, None] * (M * x / keep)).sum(0)  # E[r x / p]
        if float((exact - x).abs().max()) > 1e-12:
            return Outcome(False, "E[r x / p] != x", {"keep": keep})
        draws = dropout_inverted(x.expand(20000, 5), keep, generator=g)
        values_ok = bool(((draws == 0) | ((draws - x / keep).abs() < 1e-15)).all())
        se = float((draws.std(0) / math.sqrt(20000)).max())
        if not values_ok or float((draws.mean(0) - x).abs().max()) > 5 * se:
            return Outcome(False, "numerics inverted dropout does not average to x", {"keep": keep})
        tdraw = torch.nn.functional.dropout(x.expand(200, 5), p=1 - keep, training=True)
        if not bool(((tdraw == 0) | ((tdraw - x / keep).abs() < 1e-12)).all()):
            return Outcome(False, "torch dropout takes other values than 0 and x/p", {"keep": keep})
        if not torch.equal(dropout_inverted(x, keep, training=False), x):
            return Outcome(False, "test-time inverted dropout is not the identity", {"keep": keep})
    return Outcome(True, "keep 0.5 and 0.8: E[r x/p] = x over all 32 masks exactly; numerics training outputs are 0 or "
                         "x/p like torch.nn.functional.dropout and average to x within 5 standard errors; identity at test time")


dropout_inverted = Entry(
    id="opt.dropout-inverted",
    title="Inverted dropout: r x / p in training, x at test time; E[r x / p] = x",
    expected=CONFIRMED,
    experiment=_exp_dropout_inverted,
    reason="checked by exact enumeration of masks and against numerics.layers.dropout_inverted and "
           "torch.nn.functional.dropout",
    aliases=("inverted dropout", "dropout", "torch dropout scaling"),
    tags=("dropout", "regularization"),
    references=(_SRIVASTAVA, _DL_BOOK_7),
    see_also=("opt.dropout-weight-scaling",),
)
