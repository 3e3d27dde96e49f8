"""Convolution (direct and FFT), pooling, 1x1 and locally connected layers, inception, LeNet-5, counts."""

from numerics.conv.counts import (
    conv_output_shape,
    conv_output_size,
    conv_param_count,
    fc_param_count,
    lc_param_count,
)
from numerics.conv.direct import conv1d, conv2d
from numerics.conv.fft import conv1d_fft, conv2d_fft
from numerics.conv.inception import Inception
from numerics.conv.lenet import LeNet5
from numerics.conv.locally_connected import LocallyConnected2d, locally_connected2d
from numerics.conv.modules import Conv2d
from numerics.conv.one_by_one import conv1x1
from numerics.conv.pooling import (
    avg_pool1d,
    avg_pool2d,
    max_pool1d,
    max_pool2d,
    min_pool1d,
    min_pool2d,
    softmax_pool1d,
    softmax_pool2d,
)

__all__ = [
    "Conv2d",
    "Inception",
    "LeNet5",
    "LocallyConnected2d",
    "avg_pool1d",
    "avg_pool2d",
    "conv1d",
    "conv1d_fft",
    "conv1x1",
    "conv2d",
    "conv2d_fft",
    "conv_output_shape",
    "conv_output_size",
    "conv_param_count",
    "fc_param_count",
    "lc_param_count",
    "locally_connected2d",
    "max_pool1d",
    "max_pool2d",
    "min_pool1d",
    "min_pool2d",
    "softmax_pool1d",
    "softmax_pool2d",
]
