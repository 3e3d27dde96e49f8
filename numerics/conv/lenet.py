r"""LeNet-5 (LeCun et al. 1998): three convolutions with max-pool subsampling, then fully connected layers.

.. math:: 32^2 \xrightarrow{\text{conv }5\times5,\,6} 6@28^2 \xrightarrow{\text{pool }2} 6@14^2
          \xrightarrow{\text{conv }5\times5,\,16} 16@10^2 \xrightarrow{\text{pool }2} 16@5^2
          \xrightarrow{\text{conv }5\times5,\,120} 120 \xrightarrow{\text{fc}} 84 \xrightarrow{\text{fc}} 10

It has :math:`156 + 2416 + 48120 + 10164 + 850 = 61706` parameters. Catalog: ``cnn.lenet5``.
"""

from __future__ import annotations

import torch
from torch import nn

from numerics._links import implements
from numerics.conv.modules import Conv2d
from numerics.conv.pooling import max_pool2d

__all__ = ["LeNet5"]


@implements("cnn.lenet5")
class LeNet5(nn.Module):
    """LeNet-5 with ReLU activations and max pooling; input ``(B, 1, 32, 32)``, output logits ``(B, 10)``.

    Catalog: ``cnn.lenet5``.
    """

    def __init__(self, in_channels: int = 1, num_classes: int = 10) -> None:
        super().__init__()
        self.c1 = Conv2d(in_channels, 6, 5)
        self.c3 = Conv2d(6, 16, 5)
        self.c5 = Conv2d(16, 120, 5)
        self.f6 = nn.Linear(120, 84)
        self.out = nn.Linear(84, num_classes)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = max_pool2d(torch.relu(self.c1(x)), 2)  # (B, 6, 14, 14)
        x = max_pool2d(torch.relu(self.c3(x)), 2)  # (B, 16, 5, 5)
        x = torch.relu(self.c5(x)).flatten(1)  # (B, 120)
        x = torch.relu(self.f6(x))  # (B, 84)
        return self.out(x)  # (B, num_classes)
