"""Activation functions and their derivatives: the numerics' implementations, differentiated by autograd.

The derivative panel plots torch autograd of :func:`numerics.layers.relu.relu` and
:func:`numerics.layers.sigmoid.sigmoid` (and ``tanh``), with the closed form
:func:`numerics.layers.sigmoid.sigmoid_derivative` drawn over it: the two curves coincide
(``approx.sigmoid-derivative``).
"""

from __future__ import annotations

from . import Figure
from .style import COLORS, new_figure


def _draw(data):
    import torch

    from numerics.layers.relu import relu
    from numerics.layers.sigmoid import sigmoid, sigmoid_derivative

    z = torch.linspace(-5, 5, 401, dtype=torch.float64, requires_grad=True)
    fig, (ax, dax) = new_figure(2)
    for i, (label, fn) in enumerate((("ReLU", relu), ("sigmoid σ", sigmoid), ("tanh", torch.tanh))):
        y = fn(z)
        (dy,) = torch.autograd.grad(y.sum(), z)
        ax.plot(z.detach(), y.detach(), color=COLORS[i], label=label)
        dax.plot(z.detach(), dy, color=COLORS[i], label=f"{label}′ (autograd)")
    dax.plot(z.detach()[::16], sigmoid_derivative(z.detach()[::16]), "o", ms=3, mfc="none", color=COLORS[1],
             label="σ(1 − σ) (closed form)")
    ax.set(title="activations", xlabel="z", ylim=(-1.2, 2.5))
    dax.set(title="derivatives", xlabel="z", ylim=(-0.1, 1.15))
    ax.legend(loc="upper left")
    dax.legend(loc="upper left", fontsize=7)
    return fig


FIGURES = [Figure(
    name="activations",
    entries=("approx.relu", "approx.sigmoid", "approx.sigmoid-derivative"),
    caption="ReLU, the logistic sigmoid and tanh (left) and their derivatives by autograd (right); the circles "
            "are the closed form σ′ = σ(1 − σ).",
    alt="Plots of ReLU, sigmoid and tanh and of their derivatives.",
    draw=_draw,
    uses=("numerics.layers.relu", "numerics.layers.sigmoid"),
)]
