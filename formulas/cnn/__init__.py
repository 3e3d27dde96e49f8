"""12 Convolutional networks: convolution, pooling, strides, channels, output sizes, parameter counts.

Sections (one module each; the entries below are the chapter's table of contents)
    * ``convolution`` -- discrete convolution and its computation by FFT (lines 293-294).
    * ``pooling`` -- layer stages, pooling, sub-sampling (lines 296-322).
    * ``channels`` -- multi-channel convolution and the 7×7×3 example (lines 324-342).
    * ``architectures`` -- LeNet, AlexNet, inception modules, 1×1 convolutions (lines 342-389).
    * ``sizes`` -- locally connected layers, parameter counts, output sizes (lines 391-404).
    * ``experiments`` -- evidence for the claims about the FFT procedure and its cost.

Main statements
    * ``conv_output_size`` -- o = ⌊(n + 2P − k)/s⌋ + 1; ``conv_output_size_valid``, ``conv_output_size_same``.
    * ``param_count_conv``, ``param_count_locally_connected``, ``param_count_fully_connected`` and their ordering
      ``param_count_comparison``.
    * ``lenet5``, ``lenet_1989_parameter_count``, ``param_share_classic_architectures`` -- published counts, exactly.
    * ``channel_order_irrelevant`` -- tr((KP)ᵀ(XP)) = tr(KᵀX).

Errata
    ``same_padding_extended_size_as_printed`` ((m + 2p) × (n + 2q) for (m + p − 1) × (n + q − 1)); garbled or
    underdetermined: ``max_pooling_as_printed``, ``channels_example_as_printed``, ``lenet5_as_printed``,
    ``one_by_one_formula_as_printed``.

Notation
    An input has c channels of size m × n; K kernels of size p × q (k × k in the general output size); stride s;
    padding P on each side.  "Convolution" is the deep-learning cross-correlation (no kernel flip), as in torch.

References
    Goodfellow, Bengio & Courville, *Deep Learning* (2016), ch. 9; LeCun et al. (1989, 1998); Krizhevsky, Sutskever &
    Hinton (2012); Simonyan & Zisserman (2015); Szegedy et al. (2015); Lin, Chen & Yan (2014); Dumoulin & Visin (2016).

Tags: convolution, pooling, stride, padding, channels, parameters, architectures.
"""

from __future__ import annotations

# The imports list the entries in reading order, which the registry keeps: not sorted.
# isort: off
from .._authoring import Chapter
from .convolution import (
    convolution_discrete,
    convolution_theorem_fft,
    convolution_cost_counts,
)
from .pooling import (
    layer_stages,
    learned_kernels_low_pass,
    max_pooling,
    max_pooling_as_printed,
    pooling_variants,
    average_pooling,
    min_pooling,
    softmax_pooling,
    subsampling_definition,
    convolution_stride,
)
from .channels import (
    multichannel_convolution,
    channels_example_output_shape,
    channels_example_as_printed,
    channel_order_irrelevant,
    vision_pattern,
)
from .architectures import (
    lenet5,
    lenet5_as_printed,
    lenet_1989_architecture,
    lenet_1989_parameter_count,
    param_share_classic_architectures,
    most_parameters_in_fc_layers,
    alexnet,
    inception_motivation,
    inception_module,
    one_by_one_reduction_saves_parameters,
    one_by_one_convolution,
    one_by_one_formula_as_printed,
    one_by_one_not_a_convolution,
)
from .sizes import (
    locally_connected_layer,
    param_count_conv,
    param_count_fully_connected,
    param_count_locally_connected,
    param_count_comparison,
    conv_output_size,
    conv_output_size_valid,
    conv_output_size_same,
    same_padding_extended_size_as_printed,
)
# isort: on

CHAPTER = Chapter("cnn", 12, "Convolutional networks")

__all__ = [
    "convolution_discrete", "convolution_theorem_fft", "convolution_cost_counts",
    "layer_stages", "learned_kernels_low_pass", "max_pooling", "max_pooling_as_printed", "pooling_variants",
    "average_pooling", "min_pooling", "softmax_pooling", "subsampling_definition", "convolution_stride",
    "multichannel_convolution", "channels_example_output_shape", "channels_example_as_printed",
    "channel_order_irrelevant", "vision_pattern",
    "lenet5", "lenet5_as_printed", "lenet_1989_architecture", "lenet_1989_parameter_count",
    "param_share_classic_architectures", "most_parameters_in_fc_layers", "alexnet", "inception_motivation",
    "inception_module", "one_by_one_reduction_saves_parameters", "one_by_one_convolution",
    "one_by_one_formula_as_printed", "one_by_one_not_a_convolution",
    "locally_connected_layer", "param_count_conv", "param_count_fully_connected", "param_count_locally_connected",
    "param_count_comparison", "conv_output_size", "conv_output_size_valid", "conv_output_size_same",
    "same_padding_extended_size_as_printed",
]
