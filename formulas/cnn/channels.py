"""Channels (cheat sheet lines 324-342, repeated at 481-499)."""

from __future__ import annotations

import sympy as sp

from .._authoring import NOT_CHECKABLE, PROVED, Entry, Eq, seed, tr

_DL_BOOK_9 = "Goodfellow, Bengio & Courville, Deep Learning (2016), ch. 9"


def _positions(size: int, kernel: int, stride: int):
    """(size − kernel)/stride + 1, kept unevaluated so that it prints as the computation."""
    with sp.evaluate(False):
        return (sp.Integer(size) - sp.Integer(kernel)) / sp.Integer(stride) + sp.Integer(1)


multichannel_convolution = Entry(
    id="cnn.multichannel-convolution",
    title="Each filter spans all input channels and sums the per-channel convolutions: K filters give K output channels",
    expected=NOT_CHECKABLE,
    definition=True,
    reason="the multi-channel convolution y[k] = bₖ + ∑ W[k, c] ⋆ x[c] over the channels c (cnn.convolution-discrete), one output "
           "channel per filter",
    aliases=("multi-channel convolution", "channels", "feature maps", "input channels output channels"),
    tags=("channels", "convolution", "cnn"),
    references=(_DL_BOOK_9 + ", sec. 9.5",),
)

channels_example_output_shape = Entry(
    id="cnn.channels-example-output-shape",
    title="A 7×7×3 input and two 3×3×3 filters give (7 − 3)/2 + 1 = 3, a 3×3×2 output, at stride 2 without padding",
    expected=PROVED,
    statement=lambda: Eq(_positions(7, 3, 2), 3),
    notes="The sheet's example is the CS231n convolution demo: a 5×5×3 volume zero-padded to 7×7×3, two 3×3×3 filters "
          "W₀, W₁, stride 2, output 3×3×2.  At stride 1 the same filters give (7 − 3)/1 + 1 = 5, a 5×5×2 output; 5×5 "
          "filters at stride 1 also give 3×3.  Output size in general: cnn.conv-output-size.",
    aliases=("7x7x3 example", "channels example", "output volume size"),
    tags=("channels", "output size", "cnn"),
    see_also=("cnn.conv-output-size", "cnn.multichannel-convolution"),
)

channels_example_as_printed = Entry(
    id="cnn.channels-example-as-printed",
    title="7×7×3 input and two filters give a 3×3×2 tensor (kernel size and stride not printed)",
    expected=NOT_CHECKABLE,
    reason="underdetermined as printed: the kernel size, stride and padding of W₀, W₁ are not given (they were in a "
           "figure the seed lost).  The channel count 2 is right (one output channel per filter); the spatial 3×3 holds "
           "for some settings only: 3×3 filters at stride 2 (the CS231n demo this example comes from, "
           "cnn.channels-example-output-shape) or 5×5 filters at stride 1, while 3×3 filters at stride 1 without "
           "padding (the stride section 12.14 assumes) give 5×5×2",
    seed=seed(328, 329, r"""- an input signal that is 2D with 3 channels ( $7 \times 7 \times 3$ ) (image x channels)
- and we want to learn two filters  $W_0$  and  $W_1$ , which each process the 3 channels, and sum the results of the convolutions over each channel leading to a tensor of size  $3 \times 3 \times 2$  (convolution result x num convolutions)"""),
    corrected_by="cnn.channels-example-output-shape",
    aliases=("7x7x3 example", "channels example"),
    tags=("channels", "output size", "cnn"),
)

channel_order_irrelevant = Entry(
    id="cnn.channel-order-irrelevant",
    title="Permuting the channels of input and kernel alike changes nothing: tr((KP)ᵀ(XP)) = tr(KᵀX)",
    expected=PROVED,
    symbols={"K": "matrix n c", "X": "matrix n c", "P": "matrix c c orthogonal"},
    statement=lambda K, X, P: Eq(tr((K * P).T * (X * P)), tr(K.T * X)),
    seed=seed(333, 333, r"Usually we convolve over all of the channels together, such that each convolution has the information of all channels at its disposition and the order of the channels hence doesn't matter."),
    notes="One output value of a filter is the sum over the channels c of k(c)ᵀx(c) = tr(KᵀX), with column c of X the input patch of channel c "
          "(flattened, n values) and column c of K the matching kernel slice.  Reordering the channels is X ↦ XP with a "
          "permutation matrix P, and the filter learned for the reordered input is KP; the statement holds for every "
          "orthogonal P, permutations included.  A kernel held fixed does see the order.",
    aliases=("channel order", "channel permutation"),
    tags=("channels", "cnn"),
)

vision_pattern = Entry(
    id="cnn.vision-shrink-space-grow-channels",
    title="Vision CNNs: convolutions shrink the spatial size and grow the number of channels",
    expected=NOT_CHECKABLE,
    reason="a description of typical design practice, not a mathematical claim; LeNet-5 follows it "
           "(1@32×32 → 6@28×28 → 16@10×10 → 120@1×1); 'transform spatial information into a semantic representation' "
           "is an interpretation",
    seed=seed(337, 340, r"""So the typical use of convolution that we have in vision is: a sequence of convolutions

1. that reduce the spatial dimensions (sub-sampling)
2. that increase the number of channels"""),
    tags=("cnn", "architecture", "practice"),
    see_also=("cnn.lenet5",),
)
