"""Dropout in its two conventions.

Each unit is kept with probability :math:`p` (mask :math:`r_i \\sim \\mathrm{Bernoulli}(p)`).

- **Inverted dropout** scales at training time, so the test-time network is unchanged:
  :math:`\\tilde x_i = r_i x_i / p` in training, :math:`x_i` at test time.
- **Weight scaling** leaves training unscaled and multiplies by the keep probability at test time:
  :math:`\\tilde x_i = r_i x_i` in training, :math:`p\\, x_i` at test time.

Both make the test-time activation equal the expected training activation:
:math:`\\mathbb{E}[r_i x_i / p] = x_i` and :math:`\\mathbb{E}[r_i x_i] = p x_i`.
Catalog: ``opt.dropout-inverted``, ``opt.dropout-weight-scaling``.
"""

from __future__ import annotations

import torch

from numerics._links import implements

__all__ = ["dropout_inverted", "dropout_weight_scaling"]


def _mask(x: torch.Tensor, keep: float, generator: torch.Generator | None) -> torch.Tensor:
    if not 0.0 < keep <= 1.0:
        raise ValueError(f"keep probability must lie in (0, 1], got {keep}")
    u = torch.rand(x.shape, dtype=x.dtype, device=x.device, generator=generator)
    return (u < keep).to(x.dtype)  # r_i ~ Bernoulli(keep), same shape as x


@implements("opt.dropout-inverted")
def dropout_inverted(
    x: torch.Tensor, keep: float, *, training: bool = True, generator: torch.Generator | None = None
) -> torch.Tensor:
    r"""Inverted dropout: :math:`r \odot x / p` in training, :math:`x` at test time.

    ``keep`` is the keep probability :math:`p` (``torch.nn.functional.dropout`` takes ``1 - p``).
    Catalog: ``opt.dropout-inverted``.
    """
    if not training:
        return x
    return x * _mask(x, keep, generator) / keep


@implements("opt.dropout-weight-scaling")
def dropout_weight_scaling(
    x: torch.Tensor, keep: float, *, training: bool = True, generator: torch.Generator | None = None
) -> torch.Tensor:
    r"""Weight-scaling dropout: :math:`r \odot x` in training, :math:`p\,x` at test time.

    Scaling the activation by :math:`p` is the same as scaling the next layer's weights.
    Catalog: ``opt.dropout-weight-scaling``.
    """
    if not training:
        return x * keep
    return x * _mask(x, keep, generator)
