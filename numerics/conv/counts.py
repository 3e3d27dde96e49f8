r"""Output sizes and parameter counts of convolutional, fully connected and locally connected layers.

For an input of :math:`m \times n \times c`, kernels of :math:`p \times q`, :math:`K` output channels:

- output size per dimension: :math:`\lfloor (n + 2P - p)/s \rfloor + 1`; valid padding and stride 1:
  :math:`(m-p+1)\times(n-q+1)\times K`; same padding: :math:`\lceil m/s \rceil \times \lceil n/s \rceil \times K`;
- convolution: :math:`K(pqc + 1)` parameters (independent of the image size);
- fully connected from :math:`mnc` inputs to :math:`N` outputs: :math:`N(mnc + 1)`;
- locally connected: :math:`m'n'K(pqc + 1)` (one kernel and bias per output position).

Catalog: ``cnn.conv-output-size``, ``cnn.conv-output-size-valid``, ``cnn.conv-output-size-same``,
``cnn.param-count-conv``, ``cnn.param-count-fully-connected``, ``cnn.param-count-locally-connected``.
"""

from __future__ import annotations

import math

from numerics._links import implements
from numerics.conv._args import ntuple, output_size

__all__ = [
    "conv_output_shape",
    "conv_output_size",
    "conv_param_count",
    "fc_param_count",
    "lc_param_count",
]


@implements("cnn.conv-output-size", "cnn.conv-output-size-valid", "cnn.conv-output-size-same")
def conv_output_size(
    n: int, k: int, stride: int = 1, padding: int | str = 0, dilation: int = 1, ceil_mode: bool = False
) -> int:
    r"""Output length :math:`\lfloor (n + 2P - k)/s \rfloor + 1` of a convolution or pooling window.

    A dilation :math:`d` spreads the kernel over :math:`d(k-1)+1` entries (use that in place of :math:`k`);
    ``ceil_mode`` rounds up as torch's pooling does. ``padding="valid"`` gives :math:`\lfloor (n-k)/s \rfloor + 1` (:math:`n-k+1` for stride 1),
    ``"same"`` gives :math:`\lceil n/s \rceil`. Catalog: ``cnn.conv-output-size``,
    ``cnn.conv-output-size-valid``, ``cnn.conv-output-size-same``.

    >>> conv_output_size(32, 5), conv_output_size(32, 5, padding="same"), conv_output_size(7, 3, 2, 1)
    (28, 32, 4)
    """
    if padding == "same":
        return math.ceil(n / stride)
    P = 0 if padding == "valid" else int(padding)
    return output_size("conv_output_size", n, k, stride, (P, P), dilation, ceil_mode)


@implements("cnn.conv-output-size")
def conv_output_shape(
    in_shape: tuple[int, int, int],
    out_channels: int,
    kernel_size: int | tuple[int, int],
    stride: int | tuple[int, int] = 1,
    padding: int | str | tuple[int, int] = 0,
    dilation: int | tuple[int, int] = 1,
) -> tuple[int, int, int]:
    """``(C, H, W) -> (K, H', W')`` for a 2-D convolution (per-dimension pairs allowed). Catalog: ``cnn.conv-output-size``."""
    fn = "conv_output_shape"
    _, H, W = in_shape
    (p, q), (sh, sw) = ntuple(kernel_size, 2, fn, "kernel_size"), ntuple(stride, 2, fn, "stride")
    dh, dw = ntuple(dilation, 2, fn, "dilation")
    ph, pw = (padding, padding) if isinstance(padding, int | str) else padding
    return out_channels, conv_output_size(H, p, sh, ph, dh), conv_output_size(W, q, sw, pw, dw)


@implements("cnn.param-count-conv")
def conv_param_count(
    in_channels: int,
    out_channels: int,
    kernel_size: int | tuple[int, int],
    bias: bool = True,
    groups: int = 1,
) -> int:
    r""":math:`K(pqc + 1)` (or :math:`Kpqc` without bias); :math:`K(pqc/g + 1)` with :math:`g` groups.

    Catalog: ``cnn.param-count-conv``.

    >>> conv_param_count(3, 2, 3)  # two 3x3 filters over 3 channels
    56
    """
    p, q = ntuple(kernel_size, 2, "conv_param_count", "kernel_size")
    if in_channels % groups or out_channels % groups:
        raise ValueError(
            f"conv_param_count: channels {in_channels} -> {out_channels} not divisible by groups={groups}"
        )
    return out_channels * (p * q * in_channels // groups + int(bias))


@implements("cnn.param-count-fully-connected")
def fc_param_count(in_features: int, out_features: int, bias: bool = True) -> int:
    r""":math:`N(d + 1)` for :math:`d` inputs and :math:`N` outputs. Catalog: ``cnn.param-count-fully-connected``."""
    return out_features * (in_features + int(bias))


@implements("cnn.param-count-locally-connected")
def lc_param_count(
    in_shape: tuple[int, int, int],
    out_channels: int,
    kernel_size: int | tuple[int, int],
    stride: int | tuple[int, int] = 1,
    padding: int | str = 0,
    bias: bool = True,
) -> int:
    r""":math:`H'W'K(pqc + 1)`: a separate kernel (and bias) per output position.

    Catalog: ``cnn.param-count-locally-connected``.
    """
    K, Ho, Wo = conv_output_shape(in_shape, out_channels, kernel_size, stride, padding)
    return Ho * Wo * conv_param_count(in_shape[0], out_channels, kernel_size, bias)
