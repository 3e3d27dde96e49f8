"""Layer stages, pooling and sub-sampling (cheat sheet lines 296-322, repeated at 453-479).

Pooling statements are written for one window of three entries a, b, c (the window size is a
constant of the layer; the identities hold entrywise for every window).
"""

from __future__ import annotations

from sympy import Min

from .._authoring import CONFIRMED, NOT_CHECKABLE, Entry, Eq, Ge, Max, exp, seed

_DL_BOOK_9 = "Goodfellow, Bengio & Courville, Deep Learning (2016), ch. 9"


def _softmax_pool(values, beta):
    """∑ₗ softmax(βx)ₗ xₗ over one window."""
    weights = [exp(beta * v) for v in values]
    return sum(w * v for w, v in zip(weights, values, strict=True)) / sum(weights)


layer_stages = Entry(
    id="cnn.layer-stages",
    title="A convolutional layer: convolution stage (affine), detector stage (non-linearity), pooling stage",
    expected=NOT_CHECKABLE,
    definition=True,
    seed=seed(298, 302, r"""A typical setup of a convolutional layer is as follows:

1. Convolution stage: affine transform
2. Detector stage: nonlinearity (e.g., ReLU)
3. Pooling stage: locally combine activities in some way (avg, ...)"""),
    aliases=("convolutional layer stages", "conv relu pool", "detector stage"),
    tags=("cnn", "architecture"),
    references=(_DL_BOOK_9 + ", sec. 9.3",),
)

learned_kernels_low_pass = Entry(
    id="cnn.learned-kernels-low-pass",
    title="Learned kernels mostly resemble low-pass filters, so sub-sampling keeps most information",
    expected=NOT_CHECKABLE,
    reason="an empirical observation about kernels learned on natural images: checking it needs trained networks and "
           "data sets, not a mathematical argument.  The first sentence (where exactly the activating item sits "
           "matters little; pooling reduces the dimension) describes the approximate translation invariance of pooling",
    seed=seed(304, 304, r"Locality of the item that activated the neurons isn't too important, further we profit from dimensionality reduction. Alternatives: deconvolution with stride. Another thing that turns out to be so is that most of the kernels that are learned resemble a low-pass filter. Hence, when we sub-sample the images most of the information is still contained."),
    tags=("cnn", "pooling", "empirical"),
    references=(_DL_BOOK_9 + ", sec. 9.3 and 9.10",),
)

max_pooling = Entry(
    id="cnn.max-pooling",
    title="Max pooling: xᵐᵃˣ[c, i] = max{x[c, si + l] : 0 ≤ l < r}; in 2-D max{x[c, si + k, sj + l] : 0 ≤ k, l < r}",
    expected=NOT_CHECKABLE,
    definition=True,
    reason="c is the channel; the window of output i starts at si and has r entries; s = r gives non-overlapping windows "
           "(sub-sampling by r)",
    aliases=("max pooling", "maxpool", "max-pool", "pooling definition"),
    tags=("pooling", "cnn"),
    references=(_DL_BOOK_9 + ", sec. 9.3",),
    see_also=("cnn.average-pooling", "cnn.min-pooling", "cnn.softmax-pooling"),
)

max_pooling_as_printed = Entry(
    id="cnn.max-pooling-as-printed",
    title="Max pooling as printed: xᵐᵃˣᵢ,ₖ = max{xᵢ,ₖ₊ₗ | 0 ≤ k < r} (garbled indices)",
    expected=NOT_CHECKABLE,
    reason="garbled: in the 1-D form the set ranges over k, the output index bound again on the right, while the window "
           "offset l stays free, so the right side does not depend on the left side's k; in the 2-D form x(i, j + k, l) has "
           "three indices, the window moves along j only and l is an absolute position.  The intended definition is "
           "cnn.max-pooling (a definition, so there is no verdict to inherit): xᵐᵃˣ[c, i] = max{x[c, i + l] | 0 ≤ l < r} "
           "and xᵐᵃˣ[c, i, j] = max{x[c, i + k, j + l] | 0 ≤ k, l < r} at stride 1",
    seed=seed(312, 313, r"""- 1D:  $x_{i,k}^{\text{max}} = \max\{x_{i,k+l} \mid 0 \leq k < r\}$
- 2D:  $x_{ij}^{\text{max}} = \max\{x_{i,j+k,l} \mid 0 \leq k, l < r\}$"""),
    aliases=("max pooling", "max pooling definition"),
    tags=("pooling", "cnn", "garbled"),
    see_also=("cnn.max-pooling",),
)

pooling_variants = Entry(
    id="cnn.pooling-variants",
    title="Pooling variants: min, max, average and softmax pooling",
    expected=NOT_CHECKABLE,
    definition=True,
    reason="names the variants, each defined in its own entry; 'max pooling is the most frequently used' is a statement "
           "about practice",
    seed=seed(308, 308, r"There are min, max, avg, and softmax pooling. Max pooling is the most frequently used one."),
    aliases=("pooling", "types of pooling"),
    tags=("pooling", "cnn"),
    see_also=("cnn.max-pooling", "cnn.average-pooling", "cnn.min-pooling", "cnn.softmax-pooling"),
)

average_pooling = Entry(
    id="cnn.average-pooling",
    title="Average pooling: xᵃᵛᵍ[i] = (1/r) ∑ₗ x[si + l], 0 ≤ l < r",
    expected=NOT_CHECKABLE,
    definition=True,
    reason="the mean of each window; with padding, frameworks either count the padded zeros (torch's default) or not",
    aliases=("average pooling", "mean pooling", "avg pool"),
    tags=("pooling", "cnn"),
    references=(_DL_BOOK_9 + ", sec. 9.3",),
)

min_pooling = Entry(
    id="cnn.min-pooling",
    title="Min pooling is max pooling of −x, negated: min(a, b, c) = −max(−a, −b, −c)",
    expected=CONFIRMED,
    instance="one window of three entries; the line is for any window size",
    symbols={"a": "scalar", "b": "scalar", "c": "scalar"},
    statement=lambda a, b, c: Eq(Min(a, b, c), -Max(-a, -b, -c)),
    notes="One window of three entries; xᵐⁱⁿ[i] = min{x[si + l] : 0 ≤ l < r}.  Proved by the case split on the order of a, b, c "
          "(Min and Max as piecewise functions); every window size follows the same way.",
    aliases=("min pooling", "minimum pooling"),
    tags=("pooling", "cnn"),
)

softmax_pooling = Entry(
    id="cnn.softmax-pooling",
    title="Softmax pooling ∑ₗ softmax(βx)ₗ xₗ lies between the window's mean and its maximum for β ≥ 0",
    expected=CONFIRMED,
    symbols={"a": "scalar", "b": "scalar", "c": "scalar", "beta": "scalar nonnegative"},
    statement=lambda a, b, c, beta: Ge(Min(_softmax_pool((a, b, c), beta) - (a + b + c) / 3,
                                           Max(a, b, c) - _softmax_pool((a, b, c), beta)), 0),
    notes="One window of three entries; both bounds in one statement (min(S − mean, max − S) ≥ 0).  At β = 0 the weights "
          "are equal and S is the mean; as β → ∞ the weight of the largest entry tends to 1 and S to the maximum.  The "
          "lower bound is Chebyshev's sum inequality: for β ≥ 0 the weights increase with the values.",
    aliases=("softmax pooling", "soft max pooling", "smooth maximum pooling", "log-sum-exp pooling"),
    tags=("pooling", "cnn"),
)

subsampling_definition = Entry(
    id="cnn.subsampling-definition",
    title="Sub-sampling (stride): keep every s-th output, reducing the temporal or spatial resolution",
    expected=NOT_CHECKABLE,
    definition=True,
    seed=seed(317, 322, "Often, it is desirable to reduce the size of the feature maps. That's why sub-sampling was "
                        "introduced.\n\n \n### D. (Sub-Sampling)\n\nHereby the temporal/spatial resolution is reduced."),
    aliases=("sub-sampling", "subsampling", "stride", "strides", "downsampling"),
    tags=("stride", "cnn"),
    see_also=("cnn.convolution-stride",),
)

convolution_stride = Entry(
    id="cnn.convolution-stride",
    title="A convolution with stride s is the stride-1 convolution sub-sampled at every s-th position",
    expected=NOT_CHECKABLE,
    definition=True,
    reason="holds by the definition of a strided convolution: y⁽ˢ⁾[i] = ∑ₗ wₗ x[si + l] = y⁽¹⁾[si]; frameworks compute "
           "only the kept positions",
    aliases=("stride", "strided convolution", "sub-sampling convolution"),
    tags=("stride", "convolution", "cnn"),
    references=(_DL_BOOK_9 + ", sec. 9.5",),
    see_also=("cnn.subsampling-definition", "cnn.conv-output-size"),
)
