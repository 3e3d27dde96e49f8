r"""Non-linear autoencoder: MLP encoder :math:`G` and decoder :math:`H` through a bottleneck of width :math:`k`.

.. math:: \hat{\mathbf{x}} = H(G(\mathbf{x})), \qquad \mathcal{R} = \frac1N\sum_i\|\mathbf{x}_i - H(G(\mathbf{x}_i))\|^2

Catalog: ``ae.nonlinear-autoencoder``.
"""

from __future__ import annotations

from collections.abc import Sequence

import torch
from torch import nn

from numerics._links import implements

__all__ = ["Autoencoder"]


def _mlp(widths: Sequence[int], act: type[nn.Module], last_linear: bool) -> nn.Sequential:
    layers: list[nn.Module] = []
    for i, (a, b) in enumerate(zip(widths[:-1], widths[1:], strict=True)):
        layers.append(nn.Linear(a, b))
        if not (last_linear and i == len(widths) - 2):
            layers.append(act())
    return nn.Sequential(*layers)


@implements("ae.nonlinear-autoencoder")
class Autoencoder(nn.Module):
    """Encoder widths ``d -> hidden... -> k``, decoder the mirror image; ``act`` between layers, code and output linear.

    Catalog: ``ae.nonlinear-autoencoder``.
    """

    def __init__(self, d: int, hidden: Sequence[int], k: int, act: type[nn.Module] = nn.Tanh) -> None:
        super().__init__()
        self.encoder = _mlp([d, *hidden, k], act, last_linear=True)
        self.decoder = _mlp([k, *reversed(hidden), d], act, last_linear=True)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.decoder(self.encoder(x))  # (N, k) -> (N, d)

    def reconstruction_error(self, x: torch.Tensor, target: torch.Tensor | None = None) -> torch.Tensor:
        r""":math:`\frac1N\sum_i\|\mathbf{t}_i - H(G(\mathbf{x}_i))\|^2` with target :math:`\mathbf{t} = \mathbf{x}` by default."""
        t = x if target is None else target
        return ((self(x) - t) ** 2).sum(dim=-1).mean()
