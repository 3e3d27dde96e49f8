r"""Generative adversarial network training: :math:`k` discriminator steps per generator step.

The discriminator :math:`D = \sigma(\text{logit})` ascends
:math:`\frac1m\sum_i\big[\log D(\mathbf{x}^{(i)}) + \log(1 - D(G(\mathbf{z}^{(i)})))\big]`; the generator would descend
:math:`\frac1m\sum_i\log(1 - D(G(\mathbf{z}^{(i)})))` (minimax), but that saturates when :math:`D` rejects the fakes, so it
ascends the non-saturating objective :math:`\frac1m\sum_i\log D(G(\mathbf{z}^{(i)}))` instead. With logits :math:`s`:

.. math:: -\log D = \mathrm{softplus}(-s), \qquad -\log(1-D) = \mathrm{softplus}(s), \qquad
          \frac{\partial}{\partial s}\log(1-\sigma(s)) = -\sigma(s) \to 0, \quad
          \frac{\partial}{\partial s}\log\sigma(s) = 1-\sigma(s) \to 1 \quad (s\to-\infty).

Catalog: ``gen.gan-discriminator-objective``, ``gen.gan-generator-minimax-loss``, ``gen.gan-nonsaturating-generator-loss``,
``gen.gan-training-k-steps``.
"""

from __future__ import annotations

from collections.abc import Callable

import torch
import torch.nn.functional as F
from torch import nn

from numerics._links import implements

__all__ = [
    "discriminator_loss",
    "gan_training_iteration",
    "generator_loss_minimax",
    "generator_loss_nonsaturating",
]


@implements("gen.gan-discriminator-objective")
def discriminator_loss(real_logits: torch.Tensor, fake_logits: torch.Tensor) -> torch.Tensor:
    r""":math:`-\frac1m\sum[\log D(\mathbf{x}) + \log(1-D(G(\mathbf{z})))]` from logits. Catalog: ``gen.gan-discriminator-objective``."""
    return F.softplus(-real_logits).mean() + F.softplus(fake_logits).mean()


@implements("gen.gan-generator-minimax-loss")
def generator_loss_minimax(fake_logits: torch.Tensor) -> torch.Tensor:
    r""":math:`\frac1m\sum\log(1-D(G(\mathbf{z})))` (to minimise; saturates). Catalog: ``gen.gan-generator-minimax-loss``."""
    return -F.softplus(fake_logits).mean()


@implements("gen.gan-nonsaturating-generator-loss")
def generator_loss_nonsaturating(fake_logits: torch.Tensor) -> torch.Tensor:
    r""":math:`-\frac1m\sum\log D(G(\mathbf{z}))` (to minimise). Catalog: ``gen.gan-nonsaturating-generator-loss``."""
    return F.softplus(-fake_logits).mean()


@implements("gen.gan-training-k-steps")
def gan_training_iteration(
    G: nn.Module,
    D: nn.Module,
    opt_g: torch.optim.Optimizer,
    opt_d: torch.optim.Optimizer,
    sample_data: Callable[[int], torch.Tensor],
    sample_noise: Callable[[int], torch.Tensor],
    m: int,
    k: int = 1,
) -> tuple[float, float]:
    r"""One outer iteration: ``k`` discriminator steps, then one non-saturating generator step.

    ``D`` returns logits ``(m, 1)`` or ``(m,)``; ``sample_data(m)``, ``sample_noise(m)`` draw minibatches.
    Returns the last discriminator loss and the generator loss. Catalog: ``gen.gan-training-k-steps``.
    """
    d_loss = torch.tensor(0.0)
    for _ in range(k):
        x, z = sample_data(m), sample_noise(m)
        with torch.no_grad():
            fake = G(z)  # (m, d); no gradient into G during D's steps
        opt_d.zero_grad()
        d_loss = discriminator_loss(D(x), D(fake))
        d_loss.backward()
        opt_d.step()
    opt_g.zero_grad()
    g_loss = generator_loss_nonsaturating(D(G(sample_noise(m))))
    g_loss.backward()
    opt_g.step()  # only G's parameters; D's gradients from this pass are cleared by its next zero_grad
    return float(d_loss.detach()), float(g_loss.detach())
