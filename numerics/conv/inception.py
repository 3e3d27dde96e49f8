r"""Inception module (Szegedy et al. 2015): parallel 1×1, 3×3, 5×5 convolutions and max-pooling.

.. math:: \mathbf{y} = \big[\,\phi(C_{1}\mathbf{x});\;
          \phi(C_{3}\,\phi(R_{3}\mathbf{x}));\;
          \phi(C_{5}\,\phi(R_{5}\mathbf{x}));\;
          \phi(P\,\mathrm{maxpool}_{3}(\mathbf{x}))\,\big]

concatenated along channels; :math:`R_3, R_5, P` are 1×1 convolutions that reduce the channel
dimension before the large kernels, every convolution keeps the spatial size ("same" padding).
Catalog: ``cnn.inception-module``.
"""

from __future__ import annotations

import torch
from torch import nn

from numerics._links import implements
from numerics.conv.modules import Conv2d
from numerics.conv.pooling import max_pool2d

__all__ = ["Inception"]


@implements("cnn.inception-module")
class Inception(nn.Module):
    """Inception module with output channels ``c1 + c3 + c5 + cp``.

    ``r3``, ``r5``: channels after the 1×1 reductions. Input ``(B, C, H, W)``,
    output ``(B, c1 + c3 + c5 + cp, H, W)``. Catalog: ``cnn.inception-module``.
    """

    def __init__(self, in_channels: int, c1: int, r3: int, c3: int, r5: int, c5: int, cp: int) -> None:
        super().__init__()
        self.b1 = Conv2d(in_channels, c1, 1)
        self.r3, self.b3 = Conv2d(in_channels, r3, 1), Conv2d(r3, c3, 3, padding="same")
        self.r5, self.b5 = Conv2d(in_channels, r5, 1), Conv2d(r5, c5, 5, padding="same")
        self.bp = Conv2d(in_channels, cp, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        relu = torch.relu
        y1 = relu(self.b1(x))  # (B, c1, H, W)
        y3 = relu(self.b3(relu(self.r3(x))))  # (B, c3, H, W)
        y5 = relu(self.b5(relu(self.r5(x))))  # (B, c5, H, W)
        yp = relu(self.bp(max_pool2d(x, 3, stride=1, padding=1)))  # (B, cp, H, W)
        return torch.cat([y1, y3, y5, yp], dim=1)
