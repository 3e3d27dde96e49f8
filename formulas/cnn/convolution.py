"""Discrete convolution and its efficient computation (cheat sheet lines 293-294, repeated at 449-451)."""

from __future__ import annotations

from .._authoring import CONFIRMED, NOT_CHECKABLE, Entry, seed
from . import experiments

_DL_BOOK_9 = "Goodfellow, Bengio & Courville, Deep Learning (2016), ch. 9"
_LINE_294 = r"A naive way to compute the convolution of a signal of length  $n$  and a kernel of length  $m$  gives an effort of  $\mathcal{O}(m \cdot n)$ . A faster way is to transform both with the FFT and then just do element-wise multiplication (effort:  $\mathcal{O}(n \log n)$ ). However, this is rarely done in CNNs as the filters usually are small ( $m \ll n, m \approx \log(n)$ )."

convolution_discrete = Entry(
    id="cnn.convolution-discrete",
    title="Discrete multi-channel convolution: y[k, i, j] = bₖ + ∑ W[k, c, u, v] x[c, si + u, sj + v] over c, u, v",
    expected=NOT_CHECKABLE,
    definition=True,
    reason="the deep-learning 'convolution' is this cross-correlation (no kernel flip); with stride s the window of "
           "output (i, j) starts at (si, sj)",
    notes="Flipping the kernel gives the convolution of signal processing; both have the same cost and the same "
          "learnable maps.",
    aliases=("convolution", "cross-correlation", "conv2d", "discrete convolution", "convolution formula"),
    tags=("convolution", "cnn"),
    references=(_DL_BOOK_9 + ", sec. 9.1",),
    see_also=("cnn.multichannel-convolution", "cnn.convolution-stride"),
)

convolution_theorem_fft = Entry(
    id="cnn.convolution-theorem-fft",
    title="Convolution by FFT: transform both, multiply entrywise, transform back; this equals the direct convolution",
    expected=CONFIRMED,
    experiment=experiments.convolution_theorem_fft,
    reason="a claim about a procedure: the FFT route (numpy.fft, zero-padded to L ≥ n + m − 1) against the defining "
           "sum in 1-D, and F⁻¹(F(x)·F(w)) against the circular convolution in 2-D",
    seed=seed(293, 294, "**12.6 Efficient Comp. of Convolutional Activities**  \n" + _LINE_294),
    notes="Convolution theorem: F(x ∗ w) = F(x)·F(w) for circular convolution; a circular convolution of length L "
          "equals the linear one when L ≥ n + m − 1.",
    aliases=("FFT convolution", "convolution theorem", "fast convolution", "Fourier transform convolution"),
    tags=("convolution", "fft", "complexity"),
    references=(_DL_BOOK_9 + ", sec. 9.8",
                "Mathieu, Henaff & LeCun, Fast training of convolutional networks through FFTs (2014)"),
    see_also=("cnn.convolution-cost-counts",),
)

convolution_cost_counts = Entry(
    id="cnn.convolution-cost-counts",
    title="Cost of convolution: naive m(n − m + 1) = O(mn) multiplications, FFT O(n log n); for m ≈ log n the naive way "
          "is cheaper",
    expected=CONFIRMED,
    experiment=experiments.convolution_cost_counts,
    reason="claims about the cost of two procedures, made checkable as exact multiplication counts of instrumented "
           "implementations (the definition and a radix-2 FFT) for n = 32..2048 and m ∈ {3, log₂ n, n/4}",
    seed=seed(294, 294, _LINE_294),
    notes="The FFT wins only when m grows faster than log n; with CNN-sized kernels (3×3, 5×5) direct, im2col or "
          "Winograd methods are used.",
    aliases=("convolution complexity", "FFT cost", "O(n log n) convolution", "naive convolution cost"),
    tags=("convolution", "fft", "complexity"),
    references=("Cooley & Tukey, An algorithm for the machine calculation of complex Fourier series (1965)", _DL_BOOK_9),
    see_also=("cnn.convolution-theorem-fft",),
)
