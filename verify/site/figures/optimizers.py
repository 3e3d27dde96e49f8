"""Optimizer trajectories on a 2-D loss: the numerics' optimizers, 60 steps from one start.

The loss is an ill-conditioned quadratic valley, R(θ) = ½ θᵀ diag(1, 12) θ rotated by 30°,
where plain gradient descent zig-zags and momentum, Nesterov, RMSProp, AdaGrad and Adam each
take their own path to the minimum.
"""

from __future__ import annotations

from . import Figure
from .style import COLORS, new_figure

START = (-2.5, 0.2)
STEPS = 50


def _loss(theta):
    import math

    import torch

    c, s = math.cos(math.pi / 6), math.sin(math.pi / 6)
    R = torch.tensor([[c, -s], [s, c]], dtype=torch.float64)
    H = R @ torch.diag(torch.tensor([1.0, 12.0], dtype=torch.float64)) @ R.T
    return 0.5 * (theta @ H * theta).sum(-1)


def _optimizers():
    from numerics.optim.adagrad import Adagrad
    from numerics.optim.adam import Adam
    from numerics.optim.rmsprop import RMSprop
    from numerics.optim.sgd import SGD

    return [
        ("gradient descent, η = 0.14", lambda p: SGD(p, lr=0.14)),
        ("momentum, η = 0.04, μ = 0.7", lambda p: SGD(p, lr=0.04, momentum=0.7)),
        ("Nesterov, η = 0.04, μ = 0.7", lambda p: SGD(p, lr=0.04, momentum=0.7, nesterov=True)),
        ("RMSProp, η = 0.03", lambda p: RMSprop(p, lr=0.03)),
        ("AdaGrad, η = 0.5", lambda p: Adagrad(p, lr=0.5)),
        ("Adam, η = 0.1", lambda p: Adam(p, lr=0.1)),
    ]


def _trajectory(make):
    import torch

    theta = torch.tensor(START, dtype=torch.float64, requires_grad=True)
    opt = make([theta])
    path = [theta.detach().clone()]
    for _ in range(STEPS):
        opt.zero_grad()
        _loss(theta).backward()
        opt.step()
        path.append(theta.detach().clone())
    return torch.stack(path)


def _draw(data):
    import torch

    fig, (ax, lx) = new_figure(2, height=3.7)
    g = torch.linspace(-3, 3, 200, dtype=torch.float64)
    X, Y = torch.meshgrid(g, g, indexing="xy")
    Z = _loss(torch.stack([X, Y], dim=-1))
    ax.contour(X, Y, Z, levels=[0.1, 0.5, 1.5, 3, 6, 12, 24], colors="#999999", linewidths=0.6)
    for i, (label, make) in enumerate(_optimizers()):
        path = _trajectory(make)
        ax.plot(path[:, 0], path[:, 1], ".-", ms=2, lw=0.9, color=COLORS[i], label=label)
        lx.semilogy(_loss(path).clamp_min(1e-12), color=COLORS[i])
    ax.plot(*START, "ko", ms=4)
    ax.plot(0, 0, "k*", ms=7)
    ax.set(title=f"trajectories on R(θ), {STEPS} steps", xlabel="θ₁", ylabel="θ₂", aspect="equal", xlim=(-2.8, 1.2),
           ylim=(-1.6, 1.6))
    lx.set(title="loss R(θₜ)", xlabel="step t")
    fig.legend(loc="outside lower center", ncols=3, fontsize=7)
    return fig


FIGURES = [Figure(
    name="optimizer-trajectories",
    entries=("opt.gradient-descent-update", "opt.momentum-update", "opt.nesterov-update", "opt.rmsprop-update",
             "opt.adagrad-update", "opt.adam-update"),
    caption="Fifty steps of each optimizer of sheetproof's numerics on a rotated, ill-conditioned quadratic "
            "(condition number 12), from the same start (●) to the minimum (★); right: the loss per step.",
    alt="Contours of a quadratic valley with six optimizer paths, and their losses on a log scale.",
    draw=_draw,
    uses=("numerics.optim.sgd", "numerics.optim.adam", "numerics.optim.rmsprop", "numerics.optim.adagrad",
          "numerics.optim._base"),
)]
