"""Output sizes and parameter counts: convolution, locally connected and fully connected layers
(cheat sheet lines 391-404).

An input has c channels of size m × n; K kernels of size p × q; stride s; padding P on each side.
Sizes and counts are positive integers.  Counting window positions is a sum over the window starts
(``Sum`` with a symbolic bound); the strided size needs ``floor``.
"""

from __future__ import annotations

from sympy import Min, Symbol, floor

from .._authoring import CONFIRMED, NOT_CHECKABLE, PROVED, REFUTED, Entry, Eq, Ge, Gt, Sum, seed

_DL_BOOK_9 = "Goodfellow, Bengio & Courville, Deep Learning (2016), ch. 9"
_DUMOULIN = "Dumoulin & Visin, A guide to convolution arithmetic for deep learning (2016)"
_i = Symbol("i", integer=True, nonnegative=True)  # window start along the rows
_j = Symbol("j", integer=True, nonnegative=True)  # window start along the columns
_SIZES = {name: "scalar positive integer" for name in ("m", "n", "c", "p", "q", "K")}

locally_connected_layer = Entry(
    id="cnn.locally-connected-layer",
    title="Locally connected layer: the connectivity of a convolution without weight sharing",
    expected=NOT_CHECKABLE,
    definition=True,
    reason="output (i, j) sees the same p × q × c window as in a convolution, but with its own kernel and bias",
    seed=seed(393, 393, r"""A locally connected network has the same connections that a CNN would have, however, the parameters are not shared. So the output nodes do not connect to all nodes, just to a set of input nodes that are considered "near" (locally connected)."""),
    aliases=("locally connected layer", "unshared convolution", "LC layer"),
    tags=("cnn", "locally connected"),
    references=(_DL_BOOK_9 + ", sec. 9.5",),
)

param_count_conv = Entry(
    id="cnn.param-count-conv",
    title="A convolutional layer with K kernels p × q over c channels has K(pqc + 1) parameters, whatever the image size",
    expected=PROVED,
    symbols={k: _SIZES[k] for k in ("c", "p", "q", "K")},
    # a K × c × p × q weight tensor and K biases
    statement=lambda c, p, q, K: Eq(K * c * p * q + K, K * (p * q * c + 1)),
    notes="The count has no m or n: the kernels are shared by every position of the image.",
    aliases=("number of parameters cnn", "conv layer parameters", "parameter count convolution"),
    tags=("parameters", "cnn"),
    see_also=("cnn.param-count-comparison",),
)

param_count_fully_connected = Entry(
    id="cnn.param-count-fully-connected",
    title="A fully connected layer from d inputs to N outputs has N(d + 1) parameters",
    expected=PROVED,
    symbols={"d": "scalar positive integer", "N": "scalar positive integer"},
    statement=lambda d, N: Eq(N * d + N, N * (d + 1)),  # an N × d weight matrix and N biases
    aliases=("number of parameters fully connected", "dense layer parameters"),
    tags=("parameters",),
    see_also=("cnn.param-count-comparison",),
)

param_count_locally_connected = Entry(
    id="cnn.param-count-locally-connected",
    title="A locally connected layer has m′n′K(pqc + 1) parameters, m′ = m − p + 1, n′ = n − q + 1: a kernel and a bias "
          "per output position",
    expected=PROVED,
    symbols=dict(_SIZES),
    statement=lambda m, n, c, p, q, K: Eq((m - p + 1) * (n - q + 1) * (K * c * p * q + K),
                                          (m - p + 1) * (n - q + 1) * K * (p * q * c + 1)),
    notes="Valid padding and stride 1, so that there are m′ × n′ output positions (cnn.conv-output-size-valid).",
    aliases=("number of parameters locally connected",),
    tags=("parameters", "locally connected"),
    see_also=("cnn.param-count-comparison",),
)


def _param_gaps(m, n, c, p, q, K):
    """(LC − conv, FC − LC) for the same input and the same m′ × n′ × K output."""
    conv = K * (p * q * c + 1)
    lc = (m - p + 1) * (n - q + 1) * conv
    fc = (m - p + 1) * (n - q + 1) * K * (m * n * c + 1)
    return lc - conv, fc - lc


param_count_comparison = Entry(
    id="cnn.param-count-comparison",
    title="For the same input and output shapes: convolution < locally connected < fully connected parameters",
    expected=CONFIRMED,
    symbols=dict(_SIZES),
    statement=lambda m, n, c, p, q, K: Gt(Min(*_param_gaps(m, n, c, p, q, K)), 0),
    where=lambda m, n, c, p, q, K: [Gt(m, p), Ge(n, q)],
    seed=seed(395, 399, r"""#### 12.14 Comparison of #Parameters (CNNs, FC, LC)

Ex: Input image  $m \times n \times c$  ( $c$  = number of channels)

Convolution kernels:  $p \times q$  (valid padding and stride 1)"""),
    notes="The section promises the comparison and prints no counts.  With valid padding and stride 1 (output "
          "m′ × n′ × K): conv K(pqc + 1) < LC m′n′K(pqc + 1) < FC m′n′K(mnc + 1), both inequalities in one statement "
          "(min(LC − conv, FC − LC) > 0), whenever the kernel is smaller than the image (here p < m, q ≤ n).  E.g. a "
          "32×32×3 image and 8 kernels 3×3: 224 against 201,600 against 22,125,600.",
    aliases=("number of parameters cnn vs fully connected", "parameter count comparison",
             "weight sharing saves parameters"),
    tags=("parameters", "cnn", "locally connected"),
    references=(_DL_BOOK_9 + ", sec. 9.2 and 9.5",),
    see_also=("cnn.param-count-conv", "cnn.param-count-locally-connected", "cnn.param-count-fully-connected"),
)


def _last_window_slack(n, k, s, P):
    """r = L − s⌊L/s⌋ for L = n + 2P − k: the last of o = ⌊L/s⌋ + 1 windows starts at s(o − 1) = L − r."""
    L = n + 2 * P - k
    return L - s * floor(L / s)


conv_output_size = Entry(
    id="cnn.conv-output-size",
    title="Output size of a convolution: o = ⌊(n + 2P − k)/s⌋ + 1, the last window starting at s(o − 1) ≤ n + 2P − k "
          "< s·o",
    expected=CONFIRMED,
    symbols={"n": "scalar positive integer", "k": "scalar positive integer", "s": "scalar positive integer",
             "P": "scalar nonnegative integer"},
    # 0 ≤ (n + 2P − k) − s(o − 1) ≤ s − 1: window o − 1 fits in the padded input and window o would not
    statement=lambda n, k, s, P: Ge(Min(_last_window_slack(n, k, s, P), s - 1 - _last_window_slack(n, k, s, P)), 0),
    where=lambda n, k, s, P: [Ge(n + 2 * P, k)],
    notes="Windows of size k start at 0, s, 2s, … in the padded input of length n + 2P; o of them fit exactly when the "
          "slack r = (n + 2P − k) − s(o − 1) satisfies 0 ≤ r ≤ s − 1, which is what ⌊·⌋ gives.  Confirmed on integer "
          "draws (the numeric engine now evaluates floor, and the exact search finds no counterexample among small "
          "integers); not proved, since no engine reasons about floor symbolically yet.",
    aliases=("output size convolution", "convolution output shape", "feature map size", "(n+2p-k)/s+1"),
    tags=("output size", "padding", "stride", "cnn"),
    references=(_DL_BOOK_9 + ", sec. 9.5", _DUMOULIN),
    see_also=("cnn.conv-output-size-valid", "cnn.conv-output-size-same"),
)

conv_output_size_valid = Entry(
    id="cnn.conv-output-size-valid",
    title="Valid padding, stride 1: an m × n × c image and K kernels p × q give (m − p + 1) × (n − q + 1) × K",
    expected=PROVED,
    symbols={k: _SIZES[k] for k in ("m", "n", "p", "q")},
    # one output per window start (i, j), 0 ≤ i ≤ m − p, 0 ≤ j ≤ n − q: the starts form a grid of rows × columns
    statement=lambda m, n, p, q: Eq(Sum(1, (_i, 0, m - p)) * Sum(1, (_j, 0, n - q)), (m - p + 1) * (n - q + 1)),
    where=lambda m, n, p, q: [Ge(m, p), Ge(n, q)],
    seed=seed(401, 403, r"""Then the convolved image has dimensions (assuming stride 1)

- valid padding (only where it's defined):  $(m-p+1) \times (n-q+1) \times K$"""),
    notes="K output channels, one per kernel (cnn.multichannel-convolution).",
    aliases=("valid padding", "output size convolution", "valid convolution size"),
    tags=("output size", "padding", "cnn"),
    references=(_DL_BOOK_9 + ", sec. 9.5",),
)

conv_output_size_same = Entry(
    id="cnn.conv-output-size-same",
    title="Same padding, stride 1: padding p − 1 rows and q − 1 columns in total, the (m + p − 1) × (n + q − 1) extended "
          "image gives m × n outputs",
    expected=PROVED,
    symbols={k: _SIZES[k] for k in ("m", "n", "p", "q")},
    statement=lambda m, n, p, q: Eq(Sum(1, (_i, 0, (m + p - 1) - p)) * Sum(1, (_j, 0, (n + q - 1) - q)), m * n),
    notes="Frameworks pad ⌊(p − 1)/2⌋ before and ⌈(p − 1)/2⌉ after each axis.  With stride s the same padding gives "
          "⌊(m − 1)/s⌋ + 1 = ⌈m/s⌉ outputs per axis.",
    aliases=("same padding", "padding same", "half padding", "zero padding output size"),
    tags=("output size", "padding", "cnn"),
    references=(_DL_BOOK_9 + ", sec. 9.5", _DUMOULIN),
)

same_padding_extended_size_as_printed = Entry(
    id="cnn.same-padding-extended-size-as-printed",
    title="Same padding as printed: output m × n, 'the extended image has size (m + 2p) × (n + 2q)'",
    expected=REFUTED,
    symbols={"m": "scalar positive integer", "p": "scalar positive integer"},
    # valid output size of a p-window over the printed extension m + 2p (cnn.conv-output-size-valid)
    statement=lambda m, p: Eq((m + 2 * p) - p + 1, m),
    seed=seed(404, 404, r"- same padding (extend image with constant):  $m \times n$  where the extended image has size  $(m+2p) \times (n+2q)$ ."),
    corrected_by="cnn.conv-output-size-same",
    notes="Here p × q is the kernel (line 399).  The output m × n is right but the extension is not: a valid p × q "
          "convolution of an (m + 2p) × (n + 2q) image gives (m + p + 1) × (n + q + 1); same padding adds p − 1 rows and "
          "q − 1 columns in total (a 7 × 7 image with 3 × 3 kernels is extended to 9 × 9, not 13 × 13).  Stated per "
          "axis.",
    aliases=("same padding", "padded image size"),
    tags=("output size", "padding", "cnn", "erratum"),
    references=(_DUMOULIN,),
)
