"""9 Approximation theory: ReLU, hinges, maxout, linear regions, backpropagation.

Sections (one module each; the entries below are the chapter's table of contents)
    * ``regions`` -- linear regions of ReLU layers and deep nets (lines 174-182, repeated at 277-289).
    * ``hinges`` -- Wang & Sun's hinge representation, absolute-value nesting, density (lines 220-224).
    * ``maxout_networks`` -- k-hinges and maxout (lines 228-230, 246-248).
    * ``backprop`` -- the backpropagation recursion and weight gradients (lines 250-254).
    * ``activations`` -- linear functions, ReLU, hinges, sigmoid, softmax (lines 260-267).
    * ``experiments`` -- evidence for region counts, representation and convergence claims.

Main statements
    * ``region_count_exponential_small_width`` (∑_{i≤m} C(m, i) = 2ᵐ, proved) and
      ``region_count_polynomial_in_width`` (R(m) ≤ 2ⁿmⁿ).
    * ``region_count_deep_relu_as_printed`` -- refuted: a width-2 ReLU net of depth 7 on ℝ² has 128 regions.
    * ``k_hinge_representation_as_printed`` -- refuted at n = 1 (|x|); the theorem has k ≤ n + 1.
    * ``absolute_value_nesting_logarithmic`` -- ⌈log₂(n + 1)⌉ is the nesting depth of absolute values.
    * ``backprop_activity`` -- eˡ = (J⁽ˡ⁺¹⁾)ᵀeˡ⁺¹, proved at symbolic size for a general layer.

Errata
    ``region_count_deep_relu_as_printed`` (a one-layer count claimed for deep nets),
    ``k_hinge_representation_as_printed`` (k ≤ ⌈log₂(n + 1)⌉ for k ≤ n + 1); garbled lines with their intended
    statements: ``backprop_as_printed``, ``relu_is_linear_as_printed`` (line 198's theorem under a stray label).

Notation
    R(m) (or R(m, n)) is the number of regions of m affine hyperplanes in ℝⁿ; a k-hinge is
    max_{i≤k}(wᵢᵀx + bᵢ); a hinge is max(0, wᵀx + b); eˡ = ∇_{xˡ}R in denominator layout.

References
    Zaslavsky (1975) *Facing up to arrangements*, Mem. AMS 154; Montúfar, Pascanu, Cho & Bengio (2014) *On the number
    of linear regions of deep neural networks*, NeurIPS; Serra, Tjandraatmadja & Ramalingam (2018), ICML; Wang & Sun
    (2005) *Generalization of hinging hyperplanes*, IEEE Trans. Inf. Theory 51(12); Arora, Basu, Mianjy & Mukherjee
    (2018), ICLR; Goodfellow et al. (2013) *Maxout networks*, ICML; Telgarsky (2016), COLT.

Tags: relu, linear regions, hyperplane arrangement, hinge, maxout, backpropagation.
"""

from __future__ import annotations

# The imports list the entries in reading order, which the registry keeps: not sorted.
# isort: off
from .._authoring import Chapter
from .regions import (
    region_count_exponential_small_width,
    region_count_polynomial_in_width,
    region_count_deep_relu_as_printed,
    region_count_relu_layer_bound,
    region_count_hyperplane_arrangement,
    region_count_deletion_restriction,
    region_count_deep_relu_bound,
    region_count_deep_exponential_in_depth,
)
from .hinges import (
    k_hinge_representation_as_printed,
    cpwl_signed_sum_of_hinges,
    max_via_absolute_value,
    absolute_value_nesting_logarithmic,
    piecewise_linear_dense,
)
from .maxout_networks import (
    maxout_unit_is_k_hinge,
    k_hinge,
    maxout,
    maxout_partition_as_printed,
    maxout_groupwise_max,
)
from .backprop import (
    backprop_as_printed,
    backprop_activity,
    backprop_weight_gradient,
    mlp_forward,
    squared_error_risk,
    affine_layer,
)
from .activations import (
    linear_function,
    relu_is_linear_as_printed,
    relu,
    hinge_function,
    sigmoid,
    sigmoid_derivative,
    softmax,
    softmax_shift_invariance,
    log_softmax,
    relu_net_piecewise_linear,
)
# isort: on

CHAPTER = Chapter("approx", 9, "Approximation theory: ReLU, hinges, maxout, linear regions, backpropagation")

__all__ = [
    "region_count_exponential_small_width", "region_count_polynomial_in_width", "region_count_deep_relu_as_printed",
    "region_count_relu_layer_bound", "region_count_hyperplane_arrangement", "region_count_deletion_restriction",
    "region_count_deep_relu_bound", "region_count_deep_exponential_in_depth",
    "k_hinge_representation_as_printed", "cpwl_signed_sum_of_hinges", "max_via_absolute_value",
    "absolute_value_nesting_logarithmic", "piecewise_linear_dense",
    "maxout_unit_is_k_hinge", "k_hinge", "maxout", "maxout_partition_as_printed", "maxout_groupwise_max",
    "backprop_as_printed", "backprop_activity", "backprop_weight_gradient", "mlp_forward", "squared_error_risk",
    "affine_layer",
    "linear_function", "relu_is_linear_as_printed", "relu", "hinge_function", "sigmoid", "sigmoid_derivative",
    "softmax", "softmax_shift_invariance", "log_softmax", "relu_net_piecewise_linear",
]
