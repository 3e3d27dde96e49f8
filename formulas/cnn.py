"""12 Convolutional networks: convolution, pooling, strides, channels, output sizes, parameter counts.

Main statements
    * ``convolution_theorem_fft`` -- FFT convolution equals direct convolution (experiment).
    * ``convolution_cost_counts`` -- the O(m n) versus O(n log n) costs, as exact operation counts.
    * ``max_pooling`` -- the correct max-pooling definition; the printed 1-D/2-D forms are garbled
      (``max_pooling_as_printed``).
    * ``channels_example_output_shape`` -- 7x7x3 with two 3x3x3 filters gives 3x3x2 only at stride 2.
    * ``one_by_one_convolution`` -- a 1x1 convolution is a per-pixel matrix product; the sheet's
      "which is actually not a convolution" (``one_by_one_not_a_convolution``) is refuted.
    * ``conv_output_size_valid``, ``conv_output_size_same`` -- output sizes against torch; the printed
      same-padding extension (m+2p) x (n+2q) (``same_padding_extended_size_as_printed``) is refuted.
    * ``param_count_comparison`` -- conv < locally connected < fully connected.
    * ``lenet5``, ``lenet_1989_architecture`` -- published architectures reproduced by their counts.

Notation: an input has ``c`` channels of size ``m x n``; ``K`` kernels of size ``p x q``; stride
``s``; "convolution" is the deep-learning cross-correlation (no kernel flip), as in torch.

Every experiment compares ``numerics.conv`` with ``torch.nn.functional`` in float64 on fixed seeds.

References: Goodfellow, Bengio & Courville, *Deep Learning* (2016), ch. 9; LeCun et al.,
"Gradient-based learning applied to document recognition" (1998); LeCun et al., "Backpropagation
applied to handwritten zip code recognition" (1989); Krizhevsky, Sutskever & Hinton (2012);
Szegedy et al., "Going deeper with convolutions" (2015); Lin, Chen & Yan, "Network in network" (2014).

Tags: convolution, pooling, stride, padding, channels, parameters, architectures.
"""

from __future__ import annotations

import cmath
import itertools
import math
import warnings
from contextlib import contextmanager

from ._authoring import CONFIRMED, NOT_CHECKABLE, REFUTED, Chapter, Entry, Outcome, seed

CHAPTER = Chapter("cnn", 12, "Convolutional networks")

_DL_BOOK_9 = "Goodfellow, Bengio & Courville, Deep Learning (2016), ch. 9"
_LECUN_1998 = "LeCun, Bottou, Bengio & Haffner, Gradient-based learning applied to document recognition, Proc. IEEE (1998)"
_LECUN_1989 = "LeCun et al., Backpropagation applied to handwritten zip code recognition, Neural Computation (1989)"
_TOL = 1e-10


def _torch():
    import torch

    return torch


def _gen(seed_: int = 0):
    return _torch().Generator().manual_seed(seed_)


def _randn(*shape, g):
    torch = _torch()
    return torch.randn(*shape, dtype=torch.float64, generator=g)


@contextmanager
def _even_same_quiet():
    """torch warns that padding='same' with an even kernel copies the input; that is expected here."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Using padding='same' with even kernel", category=UserWarning)
        yield


def _err(a, b) -> float:
    return float((a - b).abs().max()) if a.shape == b.shape else float("inf")


def _first_failure(cases, tol=_TOL):
    """``cases``: iterable of (label dict, error); the first with error > tol, and the worst error."""
    worst, count = 0.0, 0
    for label, e in cases:
        count += 1
        worst = max(worst, e)
        if not e <= tol:
            return count, worst, dict(label, error=e)
    return count, worst, None


# -- convolution -----------------------------------------------------------------------------------
def _direct_loops_2d(x, W, stride=1):
    """The defining sum y[k,i,j] = sum_{c,u,v} W[k,c,u,v] x[c, s i + u, s j + v], by explicit loops."""
    torch = _torch()
    C, H, Wd = x.shape
    K, _, p, q = W.shape
    Ho, Wo = (H - p) // stride + 1, (Wd - q) // stride + 1
    y = torch.zeros(K, Ho, Wo, dtype=x.dtype)
    for k, i, j in itertools.product(range(K), range(Ho), range(Wo)):
        y[k, i, j] = (W[k] * x[:, stride * i:stride * i + p, stride * j:stride * j + q]).sum()
    return y


def _exp_convolution_discrete() -> Outcome:
    import torch.nn.functional as F

    from numerics.conv import conv1d, conv2d

    g = _gen(1)

    def cases():
        for (C, K, H, Wd, p, q, s) in [(1, 1, 5, 5, 3, 3, 1), (2, 3, 6, 7, 3, 2, 1), (3, 2, 7, 7, 3, 3, 2), (2, 2, 8, 5, 1, 4, 3)]:
            x, W, b = _randn(1, C, H, Wd, g=g), _randn(K, C, p, q, g=g), _randn(K, g=g)
            ref = _direct_loops_2d(x[0], W, s) + b[:, None, None]
            yield {"dims": "2d", "C": C, "K": K, "H": H, "W": Wd, "p": p, "q": q, "stride": s}, max(
                _err(conv2d(x, W, b, stride=s)[0], ref), _err(F.conv2d(x, W, b, stride=s)[0], ref))
        for (C, K, n, p, s, pad) in [(1, 1, 9, 3, 1, 0), (2, 3, 10, 4, 2, 1), (3, 1, 7, 7, 1, 2)]:
            x, W = _randn(2, C, n, g=g), _randn(K, C, p, g=g)
            yield {"dims": "1d", "C": C, "K": K, "n": n, "p": p, "stride": s, "padding": pad}, _err(
                conv1d(x, W, stride=s, padding=pad), F.conv1d(x, W, stride=s, padding=pad))

    n, worst, bad = _first_failure(cases())
    if bad:
        return Outcome(False, "numerics.conv or torch differs from the defining sum", bad)
    return Outcome(True, f"numerics.conv.conv1d/conv2d, torch.nn.functional.conv1d/conv2d and the explicit sum "
                         f"agree on {n} cases (max error {worst:.1e})")


def _exp_fft_equals_direct() -> Outcome:
    import torch.nn.functional as F

    from numerics.conv import conv1d, conv1d_fft, conv2d, conv2d_fft

    g = _gen(2)

    def cases():
        for n, p, C, K, s in itertools.product((6, 13), (1, 2, 5), (1, 2), (3,), (1, 2)):
            if p > n:
                continue
            x, W, b = _randn(2, C, n, g=g), _randn(K, C, p, g=g), _randn(K, g=g)
            ref = F.conv1d(x, W, b, stride=s)
            yield {"dims": "1d", "n": n, "p": p, "C": C, "K": K, "stride": s}, max(
                _err(conv1d_fft(x, W, b, stride=s), ref), _err(conv1d(x, W, b, stride=s), ref))
            if s == 1:
                with _even_same_quiet():
                    ref = F.conv1d(x, W, b, padding="same")
                yield {"dims": "1d", "n": n, "p": p, "padding": "same"}, _err(conv1d_fft(x, W, b, padding="same"), ref)
        for H, Wd, p, q, s in [(6, 6, 3, 3, 1), (7, 9, 2, 4, 1), (8, 8, 3, 3, 2), (5, 7, 5, 1, 1)]:
            x, W = _randn(1, 2, H, Wd, g=g), _randn(3, 2, p, q, g=g)
            yield {"dims": "2d", "H": H, "W": Wd, "p": p, "q": q, "stride": s}, max(
                _err(conv2d_fft(x, W, stride=s), F.conv2d(x, W, stride=s)), _err(conv2d(x, W, stride=s), F.conv2d(x, W, stride=s)))

    n, worst, bad = _first_failure(cases())
    if bad:
        return Outcome(False, "FFT convolution differs from direct convolution", bad)
    return Outcome(True, f"numerics.conv.conv1d_fft/conv2d_fft equal the direct convolution and torch on {n} cases "
                         f"(max error {worst:.1e})")


class _Counter:
    mults = 0


def _fft(a: list, counter: _Counter, inverse: bool = False) -> list:
    """Radix-2 Cooley-Tukey FFT that counts its complex multiplications (len(a) a power of 2)."""
    n = len(a)
    if n == 1:
        return list(a)
    even, odd = _fft(a[0::2], counter, inverse), _fft(a[1::2], counter, inverse)
    sign = 1 if inverse else -1
    out = [0j] * n
    for k in range(n // 2):
        t = cmath.exp(sign * 2j * math.pi * k / n) * odd[k]
        counter.mults += 1
        out[k], out[k + n // 2] = even[k] + t, even[k] - t
    return out


def _naive_counted(x: list, w: list, counter: _Counter) -> list:
    """Valid cross-correlation by the definition, counting the multiplications."""
    n, m = len(x), len(w)
    y = []
    for i in range(n - m + 1):
        acc = 0.0
        for l in range(m):
            acc += w[l] * x[i + l]
            counter.mults += 1
        y.append(acc)
    return y


def _fft_counted(x: list, w: list, counter: _Counter) -> list:
    """The same valid cross-correlation via FFT of length L >= n + m - 1 (power of 2), counting multiplications."""
    n, m = len(x), len(w)
    L = 1 << (n + m - 2).bit_length()
    X = _fft([complex(v) for v in x] + [0j] * (L - n), counter)
    Wf = _fft([complex(v) for v in reversed(w)] + [0j] * (L - m), counter)
    P = [a * b for a, b in zip(X, Wf, strict=True)]
    counter.mults += L
    full = _fft(P, counter, inverse=True)
    return [(v / L).real for v in full[m - 1:n]]


def _exp_convolution_cost_counts() -> Outcome:
    import random

    rng = random.Random(3)
    rows = []
    for k in range(5, 12):
        n = 1 << k
        for m in sorted({3, k, n // 4}):
            x = [rng.uniform(-1, 1) for _ in range(n)]
            w = [rng.uniform(-1, 1) for _ in range(m)]
            cn, cf = _Counter(), _Counter()
            y_naive, y_fft = _naive_counted(x, w, cn), _fft_counted(x, w, cf)
            err = max(abs(a - b) for a, b in zip(y_naive, y_fft, strict=True))
            L = 1 << (n + m - 2).bit_length()
            rows.append({"n": n, "m": m, "naive": cn.mults, "fft": cf.mults, "err": err, "L": L})
            if err > 1e-9:
                return Outcome(False, "FFT and naive convolution disagree", {**rows[-1], "exact": False})
            if cn.mults != m * (n - m + 1) or cn.mults > m * n:
                return Outcome(False, "naive convolution needs more than m n multiplications", rows[-1])
            if cf.mults > 2 * L * math.log2(L) or L > 2 * (n + m):
                return Outcome(False, "FFT convolution needs more than 2 L log2 L multiplications", rows[-1])
    small = [r for r in rows if r["m"] == int(math.log2(r["n"]))]
    if any(r["naive"] > r["fft"] for r in small):
        bad = next(r for r in small if r["naive"] > r["fft"])
        return Outcome(False, "with m = log2 n the naive method is not cheaper than the FFT", bad)
    big = rows[-1]
    return Outcome(True, f"{len(rows)} (n, m) pairs, n = 32..2048: naive = m(n-m+1) <= m n multiplications; FFT (3 radix-2 "
                         f"transforms of length L < 2(n+m) plus L products) <= 2 L log2 L; outputs agree; for m = log2 n "
                         f"the naive count is below the FFT count at every n (e.g. n={small[-1]['n']}: {small[-1]['naive']} vs "
                         f"{small[-1]['fft']}); for m = n/4 at n={big['n']}: {big['naive']} vs {big['fft']}")


convolution_discrete = Entry(
    id="cnn.convolution-discrete",
    title="Discrete (multi-channel) convolution: y[k,i,j] = b_k + sum_{c,u,v} W[k,c,u,v] x[c, s i+u, s j+v]",
    expected=CONFIRMED,
    experiment=_exp_convolution_discrete,
    reason="checked by experiment: numerics.conv and torch.nn.functional against the defining sum by explicit loops",
    notes="Deep-learning 'convolution' is the cross-correlation (no kernel flip); flipping the kernel gives the "
          "convolution of signal processing. Both have the same cost and the same learned expressiveness.",
    aliases=("convolution", "cross-correlation", "conv2d", "discrete convolution", "convolution formula"),
    tags=("convolution", "cnn"),
    references=(_DL_BOOK_9 + ", sec. 9.1",),
    see_also=("cnn.multichannel-convolution", "cnn.convolution-stride"),
)

convolution_theorem_fft = Entry(
    id="cnn.convolution-theorem-fft",
    title="Convolution by FFT: transform both, multiply element-wise, transform back equals direct convolution",
    expected=CONFIRMED,
    experiment=_exp_fft_equals_direct,
    reason="checked by experiment: numerics.conv.conv1d_fft/conv2d_fft against direct convolution and torch over a grid "
           "of lengths, kernel sizes, channels, strides and same padding",
    seed=seed(293, 294, "**12.6 Efficient Comp. of Convolutional Activities**  \n" + r"""A naive way to compute the convolution of a signal of length  $n$  and a kernel of length  $m$  gives an effort of  $\mathcal{O}(m \cdot n)$ . A faster way is to transform both with the FFT and then just do element-wise multiplication (effort:  $\mathcal{O}(n \log n)$ ). However, this is rarely done in CNNs as the filters usually are small ( $m \ll n, m \approx \log(n)$ )."""),
    notes="Convolution theorem: F(x * w) = F(x) . F(w). A circular convolution of length L equals the linear one "
          "when L >= n + m - 1, or at the valid indices when L = n.",
    aliases=("FFT convolution", "convolution theorem", "fast convolution", "Fourier transform convolution"),
    tags=("convolution", "fft", "complexity"),
    references=(_DL_BOOK_9 + ", sec. 9.8", "Mathieu, Henaff & LeCun, Fast training of convolutional networks through FFTs (2014)"),
    see_also=("cnn.convolution-cost-counts",),
)

convolution_cost_counts = Entry(
    id="cnn.convolution-cost-counts",
    title="Cost of convolution: naive m(n-m+1) = O(m n) multiplications, FFT O(n log n); for m ~ log n the naive way is cheaper",
    expected=CONFIRMED,
    experiment=_exp_convolution_cost_counts,
    reason="O-claims made checkable as exact multiplication counts of instrumented implementations (the definition "
           "and a radix-2 FFT) for n = 32..2048 and m in {3, log2 n, n/4}; both compute the same outputs",
    seed=seed(294, 294, r"A naive way to compute the convolution of a signal of length  $n$  and a kernel of length  $m$  gives an effort of  $\mathcal{O}(m \cdot n)$ . A faster way is to transform both with the FFT and then just do element-wise multiplication (effort:  $\mathcal{O}(n \log n)$ ). However, this is rarely done in CNNs as the filters usually are small ( $m \ll n, m \approx \log(n)$ )."),
    notes="The FFT wins only when m grows faster than log n; with CNN-sized kernels (3x3, 5x5) direct or "
          "im2col/Winograd methods are used.",
    aliases=("convolution complexity", "FFT cost", "O(n log n) convolution", "naive convolution cost"),
    tags=("convolution", "fft", "complexity"),
    references=("Cooley & Tukey, An algorithm for the machine calculation of complex Fourier series (1965)", _DL_BOOK_9),
    see_also=("cnn.convolution-theorem-fft",),
)


# -- layer stages, pooling, sub-sampling -----------------------------------------------------------
layer_stages = Entry(
    id="cnn.layer-stages",
    title="A convolutional layer: convolution stage (affine), detector stage (nonlinearity), pooling stage",
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
    reason="an empirical observation about kernels learned on natural images; checking it needs trained networks "
           "and data sets, not a mathematical argument. The first sentence (locality of the activating item matters "
           "little; pooling reduces dimension) describes approximate translation invariance of pooling",
    seed=seed(304, 304, r"Locality of the item that activated the neurons isn't too important, further we profit from dimensionality reduction. Alternatives: deconvolution with stride. Another thing that turns out to be so is that most of the kernels that are learned resemble a low-pass filter. Hence, when we sub-sample the images most of the information is still contained."),
    tags=("cnn", "pooling", "empirical"),
    references=(_DL_BOOK_9 + ", sec. 9.3 and 9.10",),
)


def _exp_max_pooling() -> Outcome:
    import torch.nn.functional as F

    from numerics.conv import max_pool1d, max_pool2d

    g = _gen(4)

    def cases():
        for n, r, s in itertools.product((6, 7, 10), (1, 2, 3), (1, 2, 3)):
            x = _randn(2, 3, n, g=g)
            n_out = (n - r) // s + 1
            ref = _torch().stack([x[..., s * i:s * i + r].amax(-1) for i in range(n_out)], dim=-1)  # max_{0<=l<r} x[s i + l]
            yield {"dims": "1d", "n": n, "r": r, "stride": s}, max(
                _err(max_pool1d(x, r, s), ref), _err(F.max_pool1d(x, r, s), ref))
        for H, Wd, r, s in [(4, 4, 2, 2), (6, 5, 2, 1), (7, 7, 3, 2), (6, 6, 3, 3)]:
            x = _randn(1, 2, H, Wd, g=g)
            Ho, Wo = (H - r) // s + 1, (Wd - r) // s + 1
            ref = _torch().empty(1, 2, Ho, Wo, dtype=x.dtype)
            for i, j in itertools.product(range(Ho), range(Wo)):
                ref[..., i, j] = x[..., s * i:s * i + r, s * j:s * j + r].amax((-2, -1))  # max_{0<=k,l<r} x[si+k, sj+l]
            yield {"dims": "2d", "H": H, "W": Wd, "r": r, "stride": s}, max(
                _err(max_pool2d(x, r, s), ref), _err(F.max_pool2d(x, r, s), ref))

    n, worst, bad = _first_failure(cases(), tol=0.0)
    if bad:
        return Outcome(False, "max pooling differs from the definition", bad)
    return Outcome(True, f"numerics.conv.max_pool1d/2d and torch max_pool1d/2d equal the defining maximum on {n} cases")


max_pooling = Entry(
    id="cnn.max-pooling",
    title="Max pooling: x^max_{c,i} = max_{0<=l<r} x_{c, s i + l}; in 2-D max_{0<=k,l<r} x_{c, s i + k, s j + l}",
    expected=CONFIRMED,
    experiment=_exp_max_pooling,
    reason="the definition, checked as what numerics.conv and torch compute: both equal the defining maximum over a "
           "grid of lengths, window sizes r and strides s (exact equality)",
    notes="c is the channel; the window of output i starts at s i and has r entries; s = r gives non-overlapping "
          "windows (sub-sampling by r).",
    aliases=("max pooling", "maxpool", "max-pool", "pooling definition"),
    tags=("pooling", "cnn"),
    references=(_DL_BOOK_9 + ", sec. 9.3",),
    see_also=("cnn.average-pooling", "cnn.min-pooling", "cnn.softmax-pooling"),
)

max_pooling_as_printed = Entry(
    id="cnn.max-pooling-as-printed",
    title="Max pooling as printed: x^max_{i,k} = max{x_{i,k+l} | 0 <= k < r} (garbled indices)",
    expected=NOT_CHECKABLE,
    reason="garbled: in the 1-D form the set quantifies k (the output index, bound again on the right) while the "
           "window offset l stays free, so the right side does not depend on the left side's k and the formula "
           "defines nothing; in the 2-D form x_{i,j+k,l} has three indices, the window moves along j only and l is "
           "an absolute position, so 2-D windows are not formed. The intended definition is cnn.max-pooling: "
           "x^max_{c,i} = max{x_{c,i+l} | 0 <= l < r} (stride 1) and x^max_{c,ij} = max{x_{c,i+k,j+l} | 0 <= k,l < r}",
    seed=seed(312, 313, r"""- 1D:  $x_{i,k}^{\text{max}} = \max\{x_{i,k+l} \mid 0 \leq k < r\}$
- 2D:  $x_{ij}^{\text{max}} = \max\{x_{i,j+k,l} \mid 0 \leq k, l < r\}$"""),
    corrected_by="cnn.max-pooling",
    aliases=("max pooling", "max pooling definition"),
    tags=("pooling", "cnn", "garbled"),
)


def _exp_other_pooling(kind: str):
    def run() -> Outcome:
        import torch.nn.functional as F

        from numerics.conv import (
            avg_pool1d,
            avg_pool2d,
            max_pool1d,
            min_pool1d,
            min_pool2d,
            softmax_pool1d,
            softmax_pool2d,
        )

        torch = _torch()
        g = _gen(5)
        worst, count = 0.0, 0
        for n, r, s in itertools.product((6, 9), (2, 3), (1, 2, 3)):
            x = _randn(2, 2, n, g=g)
            x2 = _randn(1, 2, n, n - 1, g=g)
            win = x.unfold(-1, r, s)  # (..., n', r)
            if kind == "avg":
                checks = [(avg_pool1d(x, r, s), win.mean(-1)), (avg_pool1d(x, r, s), F.avg_pool1d(x, r, s)),
                          (avg_pool2d(x2, r, s), F.avg_pool2d(x2, r, s)),
                          (avg_pool1d(x, r, s, padding=1), F.avg_pool1d(x, r, s, padding=1, count_include_pad=True))]
            elif kind == "min":
                checks = [(min_pool1d(x, r, s), win.amin(-1)), (min_pool1d(x, r, s), -F.max_pool1d(-x, r, s)),
                          (min_pool2d(x2, r, s), -F.max_pool2d(-x2, r, s))]
            else:
                for beta in (0.5, 1.0, 3.0):
                    soft = softmax_pool1d(x, r, s, beta=beta)
                    if not bool(((soft >= win.mean(-1) - 1e-12) & (soft <= win.amax(-1) + 1e-12)).all()):
                        return Outcome(False, "softmax pooling outside [average, maximum]", {"n": n, "r": r, "beta": beta})
                spread = torch.arange(n, dtype=torch.float64) + 0.1 * x.clamp(-1, 1)  # entries at least 0.8 apart
                checks = [(softmax_pool1d(x, r, s, beta=0.0), win.mean(-1)),
                          (softmax_pool2d(x2, r, s, beta=0.0), F.avg_pool2d(x2, r, s)),
                          (softmax_pool1d(spread, r, s, beta=200.0), max_pool1d(spread, r, s))]
            for a, b in checks:
                count += 1
                e = _err(a, b)
                worst = max(worst, e)
                tol = 1e-6 if kind == "softmax" else _TOL
                if not e <= tol:
                    return Outcome(False, f"{kind} pooling differs", {"n": n, "r": r, "stride": s, "error": e})
        return Outcome(True, f"{count} comparisons (max error {worst:.1e})")

    run.__qualname__ = f"_exp_{kind}_pooling"
    return run


pooling_variants = Entry(
    id="cnn.pooling-variants",
    title="Pooling variants: min, max, average and softmax pooling",
    expected=NOT_CHECKABLE,
    definition=True,
    reason="names the variants; each is defined and checked in its own entry. 'Max pooling is the most frequently "
           "used' is a statement about practice",
    seed=seed(308, 308, r"There are min, max, avg, and softmax pooling. Max pooling is the most frequently used one."),
    aliases=("pooling", "types of pooling"),
    tags=("pooling", "cnn"),
    see_also=("cnn.max-pooling", "cnn.average-pooling", "cnn.min-pooling", "cnn.softmax-pooling"),
)

average_pooling = Entry(
    id="cnn.average-pooling",
    title="Average pooling: x^avg_i = (1/r) sum_{0<=l<r} x_{s i + l}",
    expected=CONFIRMED,
    experiment=_exp_other_pooling("avg"),
    reason="checked by experiment: numerics.conv.avg_pool1d/2d against the window mean and torch avg_pool (padding counted)",
    aliases=("average pooling", "mean pooling", "avg pool"),
    tags=("pooling", "cnn"),
    references=(_DL_BOOK_9 + ", sec. 9.3",),
)

min_pooling = Entry(
    id="cnn.min-pooling",
    title="Min pooling: x^min_i = min_{0<=l<r} x_{s i + l} = -maxpool(-x)_i",
    expected=CONFIRMED,
    experiment=_exp_other_pooling("min"),
    reason="checked by experiment: numerics.conv.min_pool1d/2d against the window minimum and -max_pool(-x) in torch",
    aliases=("min pooling", "minimum pooling"),
    tags=("pooling", "cnn"),
)

softmax_pooling = Entry(
    id="cnn.softmax-pooling",
    title="Softmax pooling: sum_l softmax(beta x_win)_l x_{s i + l}; average at beta = 0, tends to max as beta grows",
    expected=CONFIRMED,
    experiment=_exp_other_pooling("softmax"),
    reason="checked by experiment: numerics softmax pooling lies between window mean and maximum for beta > 0, equals "
           "the mean at beta = 0 and the maximum (to 1e-6) at beta = 200 on windows with distinct values",
    aliases=("softmax pooling", "soft max pooling", "smooth maximum pooling", "log-sum-exp pooling"),
    tags=("pooling", "cnn"),
)

subsampling_definition = Entry(
    id="cnn.subsampling-definition",
    title="Sub-sampling (stride): keep every s-th output, reducing the temporal/spatial resolution",
    expected=NOT_CHECKABLE,
    definition=True,
    seed=seed(317, 322, "Often, it is desirable to reduce the size of the feature maps. That's why sub-sampling was "
                        "introduced.\n\n \n### D. (Sub-Sampling)\n\nHereby the temporal/spatial resolution is reduced."),
    aliases=("sub-sampling", "subsampling", "stride", "strides", "downsampling"),
    tags=("stride", "cnn"),
    see_also=("cnn.convolution-stride",),
)


def _exp_convolution_stride() -> Outcome:
    import torch.nn.functional as F

    from numerics.conv import conv1d, conv2d

    g = _gen(6)

    def cases():
        for n, p, s in itertools.product((7, 10, 12), (1, 3, 4), (2, 3)):
            x, W = _randn(1, 2, n, g=g), _randn(3, 2, p, g=g)
            full = F.conv1d(x, W)  # stride 1
            yield {"dims": "1d", "n": n, "p": p, "s": s}, max(_err(conv1d(x, W, stride=s), full[..., ::s]),
                                                              _err(F.conv1d(x, W, stride=s), full[..., ::s]))
        for H, p, s in [(7, 3, 2), (9, 2, 3), (8, 3, 2)]:
            x, W = _randn(1, 2, H, H + 1, g=g), _randn(2, 2, p, p, g=g)
            yield {"dims": "2d", "H": H, "p": p, "s": s}, _err(conv2d(x, W, stride=s), F.conv2d(x, W)[..., ::s, ::s])

    n, worst, bad = _first_failure(cases())
    if bad:
        return Outcome(False, "strided convolution is not the sub-sampled stride-1 convolution", bad)
    return Outcome(True, f"{n} cases: convolution with stride s equals every s-th output of the stride-1 convolution "
                         f"(numerics and torch; max error {worst:.1e})")


convolution_stride = Entry(
    id="cnn.convolution-stride",
    title="A convolution with stride s equals the stride-1 convolution sub-sampled at every s-th position",
    expected=CONFIRMED,
    experiment=_exp_convolution_stride,
    reason="checked by experiment in 1-D and 2-D with numerics.conv and torch",
    aliases=("stride", "strided convolution", "sub-sampling convolution"),
    tags=("stride", "convolution", "cnn"),
    references=(_DL_BOOK_9 + ", sec. 9.5",),
    see_also=("cnn.subsampling-definition", "cnn.conv-output-size"),
)


# -- channels --------------------------------------------------------------------------------------
def _exp_multichannel() -> Outcome:
    import torch.nn.functional as F

    from numerics.conv import conv2d

    g = _gen(7)
    x, W, b = _randn(1, 3, 7, 7, g=g), _randn(2, 3, 3, 3, g=g), _randn(2, g=g)  # 7x7x3 input, two 3x3x3 filters
    y = conv2d(x, W, b)
    per_channel = sum(F.conv2d(x[:, c:c + 1], W[:, c:c + 1]) for c in range(3)) + b[:, None, None]
    e = max(_err(y, per_channel), _err(y, F.conv2d(x, W, b)))
    if e > _TOL or y.shape[1] != 2:
        return Outcome(False, "multi-channel convolution is not the sum of per-channel convolutions",
                       {"error": e, "out_channels": y.shape[1]})
    return Outcome(True, f"7x7x3 input, two 3x3x3 filters: output has 2 channels, each the sum over the 3 input "
                         f"channels of single-channel convolutions (error {e:.1e})")


multichannel_convolution = Entry(
    id="cnn.multichannel-convolution",
    title="Each filter spans all input channels and sums the per-channel convolutions: K filters give K output channels",
    expected=CONFIRMED,
    experiment=_exp_multichannel,
    reason="checked by experiment on the sheet's 7x7x3 example with two 3x3x3 filters (numerics.conv and torch)",
    aliases=("multi-channel convolution", "channels", "feature maps", "input channels output channels"),
    tags=("channels", "convolution", "cnn"),
    references=(_DL_BOOK_9 + ", sec. 9.5",),
)


def _exp_channels_example() -> Outcome:
    import torch.nn.functional as F

    from numerics.conv import conv_output_shape

    g = _gen(8)
    x = _randn(1, 3, 7, 7, g=g)
    found = []
    for p, s, P in itertools.product(range(1, 8), (1, 2, 3), (0, 1)):
        if 7 + 2 * P < p:
            continue
        shape = tuple(F.conv2d(x, _randn(2, 3, p, p, g=g), stride=s, padding=P).shape[1:])
        if conv_output_shape((3, 7, 7), 2, p, s, P) != shape:
            return Outcome(False, "numerics conv_output_shape disagrees with torch", {"p": p, "s": s, "P": P, "torch": shape})
        if shape == (2, 3, 3):
            found.append((p, s, P))
    s1 = tuple(F.conv2d(x, _randn(2, 3, 3, 3, g=g)).shape[1:])
    formula = [(p, s, P) for p, s, P in itertools.product(range(1, 8), (1, 2, 3), (0, 1))
               if 7 + 2 * P >= p and (7 + 2 * P - p) // s + 1 == 3]
    if found != formula or (3, 2, 0) not in found or (5, 1, 0) not in found or (3, 1, 0) in found or s1 != (2, 5, 5):
        return Outcome(False, "the settings that give 3x3x2 are not as stated", {"found": found, "3x3 stride 1": s1})
    return Outcome(True, f"torch shapes for a 7x7x3 input and two p x p filters: 3x3x2 exactly for (p, stride, padding) in "
                         f"{found}; with 3x3 filters, stride 1 and no padding the output is 5x5x2")


channels_example_output_shape = Entry(
    id="cnn.channels-example-output-shape",
    title="7x7x3 input, two 3x3x3 filters: output 3x3x2 at stride 2 (valid), 5x5x2 at stride 1",
    expected=CONFIRMED,
    experiment=_exp_channels_example,
    reason="checked against torch: every (kernel size p <= 7, stride <= 3, padding <= 1) that turns a 7x7x3 input into "
           "3x3x2, and the stride-1 shape for 3x3 filters",
    notes="The sheet's example is the CS231n convolution demo: a 5x5x3 volume zero-padded to 7x7x3, two 3x3x3 "
          "filters W0, W1, stride 2, output 3x3x2. Output size: floor((7 + 2P - p)/s) + 1.",
    aliases=("7x7x3 example", "channels example", "output volume size"),
    tags=("channels", "output size", "cnn"),
    see_also=("cnn.conv-output-size", "cnn.multichannel-convolution"),
)

channels_example_as_printed = Entry(
    id="cnn.channels-example-as-printed",
    title="7x7x3 input and two filters give a 3x3x2 tensor (kernel size and stride not printed)",
    expected=NOT_CHECKABLE,
    reason="underdetermined as printed: the kernel size, stride and padding of W0, W1 are not given (they were in a "
           "figure the seed lost). The channel count 2 is right (one output channel per filter, cnn.multichannel-"
           "convolution); the spatial 3x3 holds only for some settings: 3x3 filters at stride 2 (the CS231n demo this "
           "example comes from) or 5x5 filters at stride 1, while 3x3 filters at stride 1 without padding (the stride "
           "the sheet assumes in 12.14) give 5x5x2 (cnn.channels-example-output-shape, checked against torch)",
    seed=seed(328, 329, r"""- an input signal that is 2D with 3 channels ( $7 \times 7 \times 3$ ) (image x channels)
- and we want to learn two filters  $W_0$  and  $W_1$ , which each process the 3 channels, and sum the results of the convolutions over each channel leading to a tensor of size  $3 \times 3 \times 2$  (convolution result x num convolutions)"""),
    corrected_by="cnn.channels-example-output-shape",
    aliases=("7x7x3 example", "channels example"),
    tags=("channels", "output size", "cnn"),
)


def _exp_channel_permutation() -> Outcome:
    import torch.nn.functional as F

    torch = _torch()
    g = _gen(9)
    x, W = _randn(2, 4, 6, 6, g=g), _randn(3, 4, 3, 3, g=g)
    worst = 0.0
    for perm in itertools.permutations(range(4)):
        perm = list(perm)
        e = _err(F.conv2d(x[:, perm], W[:, perm]), F.conv2d(x, W))
        worst = max(worst, e)
        if e > _TOL:
            return Outcome(False, "permuting channels of input and kernel together changes the output", {"perm": perm, "error": e})
    fixed = _err(F.conv2d(x[:, [1, 0, 2, 3]], W), F.conv2d(x, W))
    if fixed < 1e-6:
        return Outcome(False, "output did not depend on the channel order even with a fixed kernel", {"error": fixed})
    del torch
    return Outcome(True, f"all 24 permutations of 4 channels applied to input and kernel leave the output unchanged "
                         f"(max error {worst:.1e}); with the kernel held fixed the output changes ({fixed:.2f})")


channel_order_irrelevant = Entry(
    id="cnn.channel-order-irrelevant",
    title="Convolving over all channels together: permuting the channels (of input and kernels alike) changes nothing",
    expected=CONFIRMED,
    experiment=_exp_channel_permutation,
    reason="read as: the channel sum is invariant under a common permutation of input channels and kernel slices, so "
           "a learned network does not depend on the order in which channels are stored; checked with torch over all "
           "24 permutations of 4 channels (a kernel held fixed does see the order)",
    seed=seed(333, 333, r"Usually we convolve over all of the channels together, such that each convolution has the information of all channels at its disposition and the order of the channels hence doesn't matter."),
    aliases=("channel order", "channel permutation"),
    tags=("channels", "cnn"),
)

vision_pattern = Entry(
    id="cnn.vision-shrink-space-grow-channels",
    title="Vision CNNs: convolutions shrink the spatial size and grow the number of channels",
    expected=NOT_CHECKABLE,
    reason="a description of typical design practice, not a mathematical claim. LeNet-5 follows it "
           "(1@32x32 -> 6@28x28 -> 16@10x10 -> 120@1x1, shapes checked in cnn.lenet5); 'transform spatial "
           "information into a semantic representation' is an interpretation",
    seed=seed(337, 340, r"""So the typical use of convolution that we have in vision is: a sequence of convolutions

1. that reduce the spatial dimensions (sub-sampling)
2. that increase the number of channels"""),
    tags=("cnn", "architecture"),
    see_also=("cnn.lenet5",),
)


# -- parameter counts and architectures ------------------------------------------------------------
def _count(module) -> int:
    return sum(p.numel() for p in module.parameters())


def _conv_fc_counts(convs, fcs):
    """Parameter counts of stacks given as (in, out, k) convolutions and (in, out) linear layers, on the meta device."""
    from torch import nn

    conv = sum(_count(nn.Conv2d(i, o, k, device="meta")) for i, o, k in convs)
    fc = sum(_count(nn.Linear(i, o, device="meta")) for i, o in fcs)
    return conv, fc


def _lenet5_published_counts() -> dict:
    """Trainable parameters of LeNet-5 as published (LeCun et al. 1998, sec. II.B)."""
    from torch import nn

    torch = _torch()
    c1 = _count(nn.Conv2d(1, 6, 5))  # 6 (25 + 1)
    s2 = 6 * 2  # one trainable coefficient and one bias per map (average subsampling)
    # C3: table I connects maps 0-5 to 3, 6-14 to 4, 15 to all 6 S2 maps
    table = torch.zeros(16, 6, dtype=torch.bool)
    for k in range(6):
        table[k, [(k + d) % 6 for d in range(3)]] = True
    for k in range(6, 12):
        table[k, [(k + d) % 6 for d in range(4)]] = True
    for k, cols in zip(range(12, 15), ([0, 1, 3, 4], [1, 2, 4, 5], [0, 2, 3, 5]), strict=True):
        table[k, cols] = True
    table[15] = True
    conv_c3 = nn.Conv2d(6, 16, 5)
    c3 = int(table.sum()) * 25 + conv_c3.bias.numel()
    s4 = 16 * 2
    c5 = _count(nn.Conv2d(16, 120, 5))
    f6 = _count(nn.Linear(120, 84))
    return {"C1": c1, "S2": s2, "C3": c3, "S4": s4, "C5": c5, "F6": f6}


def _exp_lenet5() -> Outcome:
    from torch import nn

    from numerics.conv import LeNet5

    torch = _torch()
    torch.manual_seed(0)
    net = LeNet5().double()
    x = _randn(2, 1, 32, 32, g=_gen(10))
    shapes = []
    h = x
    for conv in (net.c1, net.c3):
        h = torch.relu(conv(h))
        shapes.append(tuple(h.shape[1:]))
        h = torch.nn.functional.max_pool2d(h, 2)
        shapes.append(tuple(h.shape[1:]))
    h = torch.relu(net.c5(h))
    shapes.append(tuple(h.shape[1:]))
    out = net(x)
    want_shapes = [(6, 28, 28), (6, 14, 14), (16, 10, 10), (16, 5, 5), (120, 1, 1)]
    ref = _count(nn.Conv2d(1, 6, 5)) + _count(nn.Conv2d(6, 16, 5)) + _count(nn.Conv2d(16, 120, 5)) + \
        _count(nn.Linear(120, 84)) + _count(nn.Linear(84, 10))
    published = _lenet5_published_counts()
    total_pub = sum(published.values())
    ok = shapes == want_shapes and tuple(out.shape) == (2, 10) and _count(net) == ref == 61706 and total_pub == 60000
    detail = {"stage shapes": shapes, "numerics params": _count(net), "torch-module params": ref,
              "published layers": published, "published total": total_pub}
    if not ok:
        return Outcome(False, "LeNet-5 shapes or counts differ", detail)
    return Outcome(True, f"numerics LeNet5 stage shapes {shapes}, output (2, 10), {ref} parameters (= torch nn modules); "
                         f"the published net (C1, C3 with its connection table, C5 convolutions; S2, S4 trainable "
                         f"average subsampling; F6 fully connected) has {published} = {total_pub} trainable parameters, "
                         f"the paper's 60,000")


lenet5 = Entry(
    id="cnn.lenet5",
    title="LeNet-5: conv C1, subsampling S2, conv C3, subsampling S4, conv C5, fully connected F6, output; 60,000 trainable parameters",
    expected=CONFIRMED,
    experiment=_exp_lenet5,
    reason="checked by experiment: numerics.conv.LeNet5 stage shapes and parameter count against torch nn modules, "
           "and the published layer list reproduces the paper's 60,000 trainable parameters",
    notes="As published, S2 and S4 are trainable *average* subsamplings (a coefficient and a bias per map, then a "
          "sigmoid) and the output layer has Euclidean RBF units; numerics.conv.LeNet5 is the modern variant with "
          "max pooling, ReLU and a linear output (61,706 parameters).",
    aliases=("LeNet-5", "LeNet5", "LeCun 1998"),
    tags=("architecture", "cnn", "parameters"),
    references=(_LECUN_1998,),
)

lenet5_as_printed = Entry(
    id="cnn.lenet5-as-printed",
    title="LeNet5 as printed: 3 convolutional layers (with max-pool subsampling) + 1 fully connected layer",
    expected=NOT_CHECKABLE,
    reason="ambiguous as printed: LeNet-5 has 3 layers labelled convolutional (C1, C3, C5) and 1 fully connected "
           "hidden layer (F6) when C5 counts as a convolution and the RBF output layer is not counted, but 2 "
           "convolutions and 3 fully connected layers when C5 (a 5x5 kernel on 5x5 maps, i.e. fully connected) and "
           "the output are counted as fully connected. The parenthesis is wrong for the published net: its "
           "subsampling layers S2, S4 are trainable averages, not max-pooling (cnn.lenet5)",
    seed=seed(350, 352, r"""#### 12.12.2 LeNet5

3 Convolutional Layers (with max-pool subsampling) + 1 Fully connected layer"""),
    corrected_by="cnn.lenet5",
    aliases=("LeNet-5", "LeNet5"),
    tags=("architecture", "cnn"),
    references=(_LECUN_1998,),
)


def _exp_lenet_1989() -> Outcome:
    from torch import nn

    torch = _torch()
    # H1: 12 maps 8x8, 5x5 kernels at stride 2 on a 16x16 image, one bias per unit
    h1 = nn.Conv2d(1, 12, 5, stride=2, padding=2, bias=False, dtype=torch.float64)
    x = _randn(1, 1, 16, 16, g=_gen(11))
    a1 = h1(x)
    # H2: 12 maps 4x4, each connected to 8 of the 12 H1 maps, one bias per unit
    h2 = nn.Conv2d(12, 12, 5, stride=2, padding=2, bias=False, dtype=torch.float64)
    a2 = h2(a1)
    mask = torch.zeros(12, 12, dtype=torch.bool)
    for k in range(12):
        mask[k, [(k + d) % 12 for d in range(8)]] = True
    h3, out = nn.Linear(a2[0].numel(), 30), nn.Linear(30, 10)
    u1, u2 = a1[0].numel(), a2[0].numel()
    params = (h1.weight.numel() + u1) + (int(mask.sum()) * 25 + u2) + _count(h3) + _count(out)
    connections = u1 * (25 + 1) + u2 * (8 * 25 + 1) + _count(h3) + _count(out)
    units = 16 * 16 + u1 + u2 + 30 + 10
    got = {"units": units, "connections": connections, "parameters": params, "H1": tuple(a1.shape[1:]), "H2": tuple(a2.shape[1:])}
    if (units, connections, params) != (1256, 64660, 9760):
        return Outcome(False, "the 2-conv + 2-FC reconstruction does not reproduce the paper's counts", got)
    return Outcome(True, f"2 shared-weight convolutional layers (H1 12@8x8, H2 12@4x4) + 2 fully connected (30, 10) "
                         f"reproduce the paper's 1256 units, 64,660 connections and 9,760 free parameters: {got}")


lenet_1989_architecture = Entry(
    id="cnn.lenet-1989-architecture",
    title="LeNet (1989): 2 convolutional layers + 2 fully connected layers",
    expected=CONFIRMED,
    experiment=_exp_lenet_1989,
    reason="checked by reconstruction: H1, H2 as strided shared-weight convolutions (torch) and two fully connected "
           "layers reproduce the unit, connection and free-parameter counts reported by LeCun et al. (1989)",
    seed=seed(346, 348, r"""#### 12.12.1 LeNet, 1989

2 Convolutional Layers + 2 Fully-connected layers"""),
    aliases=("LeNet", "LeNet-1", "zip code network", "LeCun 1989"),
    tags=("architecture", "cnn", "history"),
    references=(_LECUN_1989,),
)


def _exp_param_share() -> Outcome:
    alexnet = _conv_fc_counts([(3, 64, 11), (64, 192, 5), (192, 384, 3), (384, 256, 3), (256, 256, 3)],
                              [(256 * 6 * 6, 4096), (4096, 4096), (4096, 1000)])
    vgg_cfg = [(3, 64), (64, 64), (64, 128), (128, 128), (128, 256), (256, 256), (256, 256),
               (256, 512), (512, 512), (512, 512), (512, 512), (512, 512), (512, 512)]
    vgg16 = _conv_fc_counts([(i, o, 3) for i, o in vgg_cfg], [(512 * 7 * 7, 4096), (4096, 4096), (4096, 1000)])
    lenet = _conv_fc_counts([(1, 6, 5), (6, 16, 5), (16, 120, 5)], [(120, 84), (84, 10)])
    rows = {name: {"conv": c, "fc": f, "fc share": round(f / (c + f), 3)}
            for name, (c, f) in (("AlexNet", alexnet), ("VGG-16", vgg16), ("LeNet-5 (C5 as conv)", lenet))}
    want = {"AlexNet": 61100840, "VGG-16": 138357544, "LeNet-5 (C5 as conv)": 61706}
    totals = {k: v["conv"] + v["fc"] for k, v in rows.items()}
    if totals != want:
        return Outcome(False, "architecture parameter totals differ from the published ones", {"totals": totals})
    ok = rows["AlexNet"]["fc share"] > 0.9 and rows["VGG-16"]["fc share"] > 0.85 and rows["LeNet-5 (C5 as conv)"]["fc share"] < 0.2
    if not ok:
        return Outcome(False, "parameter shares differ from the stated ones", rows)
    return Outcome(True, f"torch module counts (meta device): {rows}")


param_share_classic_architectures = Entry(
    id="cnn.param-share-classic-architectures",
    title="Share of parameters in fully connected layers: AlexNet 96%, VGG-16 89%, LeNet-5 18% (C5 counted as convolution)",
    expected=CONFIRMED,
    experiment=_exp_param_share,
    reason="counted with torch nn.Conv2d / nn.Linear modules on the meta device; totals equal the published "
           "61,100,840 (AlexNet, torchvision variant), 138,357,544 (VGG-16), 61,706 (LeNet-5 with linear output)",
    aliases=("number of parameters AlexNet", "VGG parameters", "where are the parameters", "fully connected parameters share"),
    tags=("parameters", "architecture", "cnn"),
    references=("Krizhevsky, Sutskever & Hinton, ImageNet classification with deep CNNs (2012)",
                "Simonyan & Zisserman, Very deep convolutional networks (2015)", _LECUN_1998),
)

most_parameters_in_fc_layers = Entry(
    id="cnn.most-parameters-in-fc-layers",
    title="'Usually, most of the parameters lie in the fully connected layers'",
    expected=NOT_CHECKABLE,
    reason="'usually' quantifies over architectures the sheet does not fix, and the answer depends on the "
           "architecture: true for AlexNet (96% of 61.1M in FC) and VGG-16 (89%), false for LeNet-5 when C5 counts as "
           "the convolution LeCun et al. label it (18% in FC; 96% when C5 counts as FC) -- counts checked in "
           "cnn.param-share-classic-architectures; later networks (the sheet's own Inception/GoogLeNet) replace the "
           "big FC layers by global average pooling",
    seed=seed(342, 342, r"The deeper we go in the network, we transform the spatial information into a semantic representation. Usually, most of the parameters lie in the fully connected layers"),
    aliases=("parameters fully connected layers",),
    tags=("parameters", "architecture", "cnn"),
    see_also=("cnn.param-share-classic-architectures",),
)

alexnet = Entry(
    id="cnn.alexnet",
    title="AlexNet: similar to LeNet5, deeper, trained on GPUs (ImageNet breakthrough)",
    expected=NOT_CHECKABLE,
    reason="a historical and qualitative comparison: AlexNet (Krizhevsky et al. 2012) has 5 convolutional and 3 fully "
           "connected layers (8 weight layers against LeNet-5's 5-7), ReLU, dropout and two GPUs; 'similar' and "
           "'performance breakthrough' are not mathematical claims. Its parameter count is checked in "
           "cnn.param-share-classic-architectures",
    seed=seed(354, 356, r"""#### 12.12.3 AlexNet

ImageNet: similar to LeNet5, just deeper and using GPU (performance breakthrough)"""),
    aliases=("AlexNet",),
    tags=("architecture", "cnn", "history"),
    references=("Krizhevsky, Sutskever & Hinton, ImageNet classification with deep CNNs (2012)",),
    see_also=("cnn.param-share-classic-architectures",),
)

inception_motivation = Entry(
    id="cnn.inception-motivation",
    title="Inception module: motivated by deep layers with many near-zero coefficients; attributed to Arora et al.",
    expected=NOT_CHECKABLE,
    reason="history and motivation, not a mathematical claim. The attribution is loose: the inception module is by "
           "Szegedy et al. (2015, GoogLeNet), who cite Arora et al. (2014, provable bounds for sparse deep "
           "representations) as theoretical motivation for approximating a sparse structure by dense blocks",
    seed=seed(358, 360, r"""#### 12.12.4 Inception Module

Now, a problem that arises with this ever deeper and deeper channel is that the filters at every layer were getting longer and longer and lots of their coefficients were becoming zero (so no information flowing through). So, Arora et al. came up with the idea of an inception module."""),
    aliases=("inception", "GoogLeNet"),
    tags=("architecture", "cnn", "history"),
    references=("Szegedy et al., Going deeper with convolutions (2015)",
                "Arora, Bhaskara, Ge & Ma, Provable bounds for learning some deep representations (2014)"),
    see_also=("cnn.inception-module",),
)


def _exp_inception() -> Outcome:
    from torch import nn

    from numerics.conv import Inception

    torch = _torch()
    torch.manual_seed(0)
    C, c1, r3, c3, r5, c5, cp = 8, 4, 3, 5, 2, 3, 2
    mod = Inception(C, c1, r3, c3, r5, c5, cp).double()
    x = _randn(2, C, 7, 6, g=_gen(12))
    y = mod(x)
    ref = sum(_count(nn.Conv2d(i, o, k)) for i, o, k in [(C, c1, 1), (C, r3, 1), (r3, c3, 3), (C, r5, 1), (r5, c5, 5), (C, cp, 1)])
    ok = tuple(y.shape) == (2, c1 + c3 + c5 + cp, 7, 6) and _count(mod) == ref
    if not ok:
        return Outcome(False, "inception output shape or parameter count is off", {"shape": tuple(y.shape), "params": _count(mod), "torch": ref})
    return Outcome(True, f"output (2, {c1 + c3 + c5 + cp}, 7, 6) = concatenation of the four branches at unchanged "
                         f"spatial size; {ref} parameters = sum of the torch nn.Conv2d counts")


inception_module = Entry(
    id="cnn.inception-module",
    title="Inception module: parallel 1x1, 3x3, 5x5 convolutions and max pooling, concatenated along channels",
    expected=CONFIRMED,
    experiment=_exp_inception,
    reason="checked by experiment: numerics.conv.Inception keeps the spatial size, outputs c1 + c3 + c5 + cp channels "
           "and has the parameter count of its torch nn.Conv2d parts",
    aliases=("inception module", "GoogLeNet block", "network in network"),
    tags=("architecture", "cnn"),
    references=("Szegedy et al., Going deeper with convolutions (2015)",),
    see_also=("cnn.one-by-one-reduction-saves-parameters",),
)


def _exp_reduction_saves() -> Outcome:
    from torch import nn

    rows = []
    for C, r, K, k, H in [(192, 16, 32, 5, 28), (192, 96, 128, 3, 28), (480, 16, 48, 5, 14), (832, 48, 128, 5, 7)]:
        direct = _count(nn.Conv2d(C, K, k, device="meta"))
        reduced = _count(nn.Conv2d(C, r, 1, device="meta")) + _count(nn.Conv2d(r, K, k, device="meta"))
        macs_direct, macs_reduced = H * H * K * C * k * k, H * H * (r * C + K * r * k * k)
        rows.append({"C": C, "reduce": r, "K": K, "k": k, "params direct": direct, "params reduced": reduced,
                     "MACs direct": macs_direct, "MACs reduced": macs_reduced})
        if not (reduced < direct and macs_reduced < macs_direct):
            return Outcome(False, "the 1x1 reduction does not save parameters or operations", rows[-1])
    return Outcome(True, f"GoogLeNet-sized branches (torch module counts): {rows}")


one_by_one_reduction_saves_parameters = Entry(
    id="cnn.one-by-one-reduction-saves-parameters",
    title="1x1 convolutions reducing channels before large kernels cut parameters and multiply-adds",
    expected=CONFIRMED,
    experiment=_exp_reduction_saves,
    reason="counted with torch nn.Conv2d modules for GoogLeNet-sized inception branches: C -> r (1x1) -> K (k x k) "
           "against C -> K (k x k) directly, parameters and multiply-adds per image",
    seed=seed(385, 389, r"""- a max-pooling of the previous layer, and a dimensionality reduction of the result

1x1 filters for dimension reduction before convolving with large kernels... then all these informations are passed to the next layer

gradient shortcuts: connect softmax layer at intermediate stages to have the gradient flow until the beginnings of the network - decomposition of convolution kernels for computational performance... all-in-all the dimensionality reductions improved the efficiency"""),
    notes="Example: 192 -> 32 channels with 5x5 kernels costs 153,632 parameters directly, 15,920 through a 16-channel "
          "1x1 bottleneck. Auxiliary softmax classifiers ('gradient shortcuts') and kernel factorisation are design "
          "choices, not claims checked here.",
    aliases=("bottleneck", "1x1 dimension reduction", "inception efficiency"),
    tags=("architecture", "parameters", "cnn"),
    references=("Szegedy et al., Going deeper with convolutions (2015)",),
)


# -- 1x1 convolutions ------------------------------------------------------------------------------
def _one_by_one_gap() -> tuple[float, dict]:
    import torch.nn.functional as F

    from numerics.conv import conv1x1, conv2d

    g = _gen(13)
    worst = 0.0
    for B, k, m, H, Wd in [(1, 3, 2, 4, 5), (2, 8, 4, 6, 6), (1, 1, 5, 3, 7)]:
        x, W, b = _randn(B, k, H, Wd, g=g), _randn(m, k, g=g), _randn(m, g=g)
        per_pixel = _torch().einsum("mk,bkhw->bmhw", W, x) + b[:, None, None]  # W x_ij + b at every pixel
        conv = F.conv2d(x, W[:, :, None, None], b)
        worst = max(worst, _err(conv, per_pixel), _err(conv1x1(x, W, b), per_pixel), _err(conv2d(x, W[:, :, None, None], b), per_pixel))
    return worst, {"cases": 3}


def _exp_one_by_one() -> Outcome:
    worst, _ = _one_by_one_gap()
    if worst > _TOL:
        return Outcome(False, "1x1 convolution differs from the per-pixel matrix product", {"error": worst})
    return Outcome(True, f"torch conv2d with a 1x1 kernel, numerics conv2d and numerics conv1x1 all equal W x_ij + b at "
                         f"every pixel (max error {worst:.1e})")


def _exp_one_by_one_not_convolution() -> Outcome:
    worst, _ = _one_by_one_gap()
    if worst > _TOL:
        return Outcome(True, f"a 1x1 filter over channels is not what a convolution computes (error {worst:.2g})")
    return Outcome(False, "the per-pixel channel mixing y_ij = W x_ij + b IS a convolution: torch.nn.functional.conv2d "
                          "with a 1x1 kernel computes it exactly",
                   {"torch conv2d(x, W[:, :, None, None]) - W x_ij (max over 3 cases)": worst, "exact": False})


one_by_one_convolution = Entry(
    id="cnn.one-by-one-convolution",
    title="A 1x1 convolution is a per-pixel matrix product over channels: y_ij = W x_ij + b, W in R^{m x k}",
    expected=CONFIRMED,
    experiment=_exp_one_by_one,
    reason="checked by experiment: torch conv2d with a 1x1 kernel, numerics conv2d and numerics conv1x1 against "
           "einsum('mk,bkhw->bmhw')",
    notes="Followed by a nonlinearity, y_ij = sigma(W x_ij) is the 'network in network' layer (Lin et al. 2014). "
          "It is a convolution with spatial support 1: shared weights, translation equivariant.",
    aliases=("1x1 convolution", "one by one convolution", "pointwise convolution", "network in network", "NiN"),
    tags=("convolution", "channels", "cnn"),
    references=("Lin, Chen & Yan, Network in network (2014)",),
)

one_by_one_formula_as_printed = Entry(
    id="cnn.one-by-one-formula-as-printed",
    title="x^T . eta = sigma(W x_ij), W in R^{m x k} (garbled, misplaced under the Taylor expansion)",
    expected=NOT_CHECKABLE,
    reason="garbled: the line follows the announcement of a second-order Taylor expansion but is the 'network in "
           "network' 1x1-convolution formula, with the left side 'x^T . eta' meaningless (a vector times a step size "
           "cannot equal a vector of m activations); intended: y_ij = sigma(W x_ij) with W in R^{m x k} mapping the k "
           "channels of pixel (i, j) to m outputs (cnn.one-by-one-convolution)",
    seed=seed(375, 375, r"$$x^T \cdot \eta = \sigma(\mathbf{W} \mathbf{x}_{ij}), \quad \mathbf{W} \in \mathbb{R}^{m \times k}.$$"),
    corrected_by="cnn.one-by-one-convolution",
    tags=("convolution", "garbled"),
)

one_by_one_not_a_convolution = Entry(
    id="cnn.one-by-one-not-a-convolution",
    title="'It uses a 1x1 filter over the k input channels (which is actually not a convolution)'",
    expected=REFUTED,
    experiment=_exp_one_by_one_not_convolution,
    reason="the parenthesis is false: a 1x1 filter over the channels is a convolution with a 1x1 kernel (shared "
           "weights at every position); torch's conv2d with a 1x1 kernel computes exactly W x_ij + b",
    seed=seed(377, 377, r'So it uses a 1x1 filter over the  $k$  input channels (which is actually not a convolution), aka "network within a network".'),
    corrected_by="cnn.one-by-one-convolution",
    aliases=("1x1 convolution", "network in network"),
    tags=("convolution", "channels", "cnn"),
    references=("Lin, Chen & Yan, Network in network (2014)",),
)


# -- locally connected layers, parameter counts, output sizes --------------------------------------
def _exp_locally_connected() -> Outcome:
    import torch.nn.functional as F

    from numerics.conv import LocallyConnected2d, locally_connected2d

    torch = _torch()
    g = _gen(14)
    C, K, H, Wd, p, s = 2, 3, 6, 5, 3, 1
    x, Wc, b = _randn(1, C, H, Wd, g=g), _randn(K, C, p, p, g=g), _randn(K, g=g)
    Ho, Wo = H - p + 1, Wd - p + 1
    tied = Wc.expand(Ho, Wo, K, C, p, p)
    e_tied = _err(locally_connected2d(x, tied, b[:, None, None].expand(K, Ho, Wo), p, s), F.conv2d(x, Wc, b))
    W = _randn(Ho, Wo, K, C, p, p, g=g)
    xr = x.clone().requires_grad_(True)
    y = locally_connected2d(xr, W, None, p, s)
    i, j = 1, 2
    (grad,) = torch.autograd.grad(y[0, 0, i, j], xr)
    outside = grad.clone()
    outside[..., i:i + p, j:j + p] = 0
    window = sum(W[i, j, 0, c] * x[0, c, i:i + p, j:j + p] for c in range(C)).sum()
    e_loop = abs(float(y[0, 0, i, j].detach()) - float(window))
    lc = LocallyConnected2d(C, K, (H, Wd), p)
    distinct = not torch.equal(lc.weight[0, 0], lc.weight[1, 1])
    if e_tied > _TOL or float(outside.abs().max()) != 0.0 or e_loop > _TOL or not distinct:
        return Outcome(False, "locally connected layer misbehaves", {"tied vs conv": e_tied, "gradient outside window": float(outside.abs().max()),
                                                                     "explicit sum": e_loop, "untied kernels": distinct})
    return Outcome(True, f"with all kernels equal it is the convolution (error {e_tied:.1e}); output ({i},{j}) depends only on "
                         f"its {p}x{p} input window (autograd gradient zero elsewhere); kernels differ per position")


locally_connected_layer = Entry(
    id="cnn.locally-connected-layer",
    title="Locally connected layer: the connectivity of a convolution without weight sharing",
    expected=CONFIRMED,
    experiment=_exp_locally_connected,
    reason="checked by experiment: numerics.conv.locally_connected2d with tied kernels equals torch conv2d; an output "
           "depends only on its local window (autograd); each position has its own kernel",
    seed=seed(393, 393, r"""A locally connected network has the same connections that a CNN would have, however, the parameters are not shared. So the output nodes do not connect to all nodes, just to a set of input nodes that are considered "near" (locally connected)."""),
    aliases=("locally connected layer", "unshared convolution", "LC layer"),
    tags=("cnn", "locally connected"),
    references=(_DL_BOOK_9 + ", sec. 9.5",),
)


def _exp_param_counts(kind: str):
    def run() -> Outcome:
        from torch import nn

        from numerics.conv import LocallyConnected2d, conv_param_count, fc_param_count, lc_param_count

        count = 0
        for c, K, p, q, m, n in itertools.product((1, 3), (1, 4), (1, 3), (2, 3), (5, 6), (4, 7)):
            count += 1
            if kind == "conv":
                got, ref = conv_param_count(c, K, (p, q)), _count(nn.Conv2d(c, K, (p, q), device="meta"))
                ok = got == ref == K * (p * q * c + 1)
            elif kind == "fc":
                d = m * n * c
                got, ref = fc_param_count(d, K), _count(nn.Linear(d, K, device="meta"))
                ok = got == ref == K * (d + 1)
            else:
                got = lc_param_count((c, m, n), K, (p, q))
                ref = _count(LocallyConnected2d(c, K, (m, n), (p, q)))
                ok = got == ref == (m - p + 1) * (n - q + 1) * K * (p * q * c + 1)
            if not ok:
                return Outcome(False, f"{kind} parameter count differs", {"c": c, "K": K, "p": p, "q": q, "m": m, "n": n,
                                                                         "numerics": got, "module": ref})
        return Outcome(True, f"{count} layer shapes: numerics count = torch module parameter count = closed form")

    run.__qualname__ = f"_exp_param_count_{kind}"
    return run


param_count_conv = Entry(
    id="cnn.param-count-conv",
    title="A convolutional layer with K kernels p x q over c channels has K(pqc + 1) parameters, independent of the image size",
    expected=CONFIRMED,
    experiment=_exp_param_counts("conv"),
    reason="checked against torch nn.Conv2d parameter counts over a grid of shapes",
    aliases=("number of parameters cnn", "conv layer parameters", "parameter count convolution"),
    tags=("parameters", "cnn"),
    see_also=("cnn.param-count-comparison",),
)

param_count_fully_connected = Entry(
    id="cnn.param-count-fully-connected",
    title="A fully connected layer from d inputs to N outputs has N(d + 1) parameters",
    expected=CONFIRMED,
    experiment=_exp_param_counts("fc"),
    reason="checked against torch nn.Linear parameter counts over a grid of shapes",
    aliases=("number of parameters fully connected", "dense layer parameters"),
    tags=("parameters",),
    see_also=("cnn.param-count-comparison",),
)

param_count_locally_connected = Entry(
    id="cnn.param-count-locally-connected",
    title="A locally connected layer has m'n'K(pqc + 1) parameters: one kernel and bias per output position",
    expected=CONFIRMED,
    experiment=_exp_param_counts("lc"),
    reason="checked against the parameter count of numerics.conv.LocallyConnected2d modules over a grid of shapes",
    aliases=("number of parameters locally connected",),
    tags=("parameters", "locally connected"),
    see_also=("cnn.param-count-comparison",),
)


def _exp_param_comparison() -> Outcome:
    from numerics.conv import conv_output_shape, conv_param_count, fc_param_count, lc_param_count

    count = 0
    for m, n, c, p, q, K in itertools.product((6, 9, 16), (5, 8), (1, 3), (1, 3, 5), (2, 3), (1, 8)):
        if p > m or q > n:
            continue
        _, mo, no = conv_output_shape((c, m, n), K, (p, q))
        conv, lc = conv_param_count(c, K, (p, q)), lc_param_count((c, m, n), K, (p, q))
        fc = fc_param_count(m * n * c, mo * no * K)
        count += 1
        if not (conv <= lc <= fc and (mo * no == 1 or conv < lc) and lc < fc):
            return Outcome(False, "the ordering conv <= LC < FC fails", {"m": m, "n": n, "c": c, "p": p, "q": q, "K": K,
                                                                         "conv": conv, "lc": lc, "fc": fc})
    ex = (conv_param_count(3, 8, 3), lc_param_count((3, 32, 32), 8, 3), fc_param_count(32 * 32 * 3, 30 * 30 * 8))
    return Outcome(True, f"{count} shapes: conv K(pqc+1) < LC m'n'K(pqc+1) < FC m'n'K(mnc+1) whenever m'n' > 1; e.g. a "
                         f"32x32x3 image, 8 kernels 3x3, valid, stride 1: {ex[0]} vs {ex[1]} vs {ex[2]}")


param_count_comparison = Entry(
    id="cnn.param-count-comparison",
    title="Parameters for the same input/output shapes: convolution < locally connected < fully connected",
    expected=CONFIRMED,
    experiment=_exp_param_comparison,
    reason="the section promises the comparison but prints no counts; checked with numerics.conv counts (themselves "
           "checked against torch modules) over a grid: valid padding, stride 1, output m'n'K",
    seed=seed(395, 399, r"""#### 12.14 Comparison of #Parameters (CNNs, FC, LC)

Ex: Input image  $m \times n \times c$  ( $c$  = number of channels)

Convolution kernels:  $p \times q$  (valid padding and stride 1)"""),
    aliases=("number of parameters cnn vs fully connected", "parameter count comparison", "weight sharing saves parameters"),
    tags=("parameters", "cnn", "locally connected"),
    references=(_DL_BOOK_9 + ", sec. 9.2 and 9.5",),
    see_also=("cnn.param-count-conv", "cnn.param-count-locally-connected", "cnn.param-count-fully-connected"),
)


def _exp_output_size(kind: str):
    def run() -> Outcome:
        import torch.nn.functional as F

        from numerics.conv import conv2d, conv_output_shape, conv_output_size

        g = _gen(15)
        count = 0
        for m, n, p, q in itertools.product((4, 7, 10), (5, 8), (1, 2, 3, 4), (1, 3, 5)):
            x, W = _randn(1, 2, m, n, g=g), _randn(3, 2, p, q, g=g)
            if kind == "valid":
                torch_shape = tuple(F.conv2d(x, W).shape[1:])
                want = (3, m - p + 1, n - q + 1)
                if torch_shape != want or conv_output_shape((2, m, n), 3, (p, q), padding="valid") != want:
                    return Outcome(False, "valid output size differs", {"m": m, "n": n, "p": p, "q": q, "torch": torch_shape})
                count += 1
            elif kind == "same":
                with _even_same_quiet():
                    y = F.conv2d(x, W, padding="same")
                top, left = (p - 1) // 2, (q - 1) // 2
                padded = F.pad(x, (left, q - 1 - left, top, p - 1 - top))  # extended image (m+p-1) x (n+q-1)
                e = _err(F.conv2d(padded, W), y)
                if tuple(y.shape[2:]) != (m, n) or tuple(padded.shape[2:]) != (m + p - 1, n + q - 1) or e > _TOL \
                        or _err(conv2d(x, W, padding="same"), y) > _TOL:
                    return Outcome(False, "same padding differs", {"m": m, "n": n, "p": p, "q": q, "error": e})
                for s in (2, 3):
                    got = conv2d(x, W, stride=s, padding="same").shape[2:]
                    if tuple(got) != (math.ceil(m / s), math.ceil(n / s)) or conv_output_size(m, p, s, "same") != math.ceil(m / s):
                        return Outcome(False, "same padding with stride is not ceil(n/s)", {"m": m, "p": p, "s": s, "got": tuple(got)})
                count += 1
            else:
                for s, P in itertools.product((1, 2, 3), (0, 1, 2)):
                    if m + 2 * P < p or n + 2 * P < q:
                        continue
                    torch_shape = tuple(F.conv2d(x, W, stride=s, padding=P).shape[1:])
                    want = (3, (m + 2 * P - p) // s + 1, (n + 2 * P - q) // s + 1)
                    if torch_shape != want or conv_output_shape((2, m, n), 3, (p, q), s, P) != want:
                        return Outcome(False, "output size formula differs from torch",
                                       {"m": m, "n": n, "p": p, "q": q, "s": s, "P": P, "torch": torch_shape, "formula": want})
                    count += 1
        return Outcome(True, f"{count} shapes agree with torch.nn.functional.conv2d and numerics.conv")

    run.__qualname__ = f"_exp_output_size_{kind}"
    return run


conv_output_size = Entry(
    id="cnn.conv-output-size",
    title="Output size of a convolution: floor((n + 2P - p)/s) + 1 per spatial dimension",
    expected=CONFIRMED,
    experiment=_exp_output_size("general"),
    reason="checked against torch conv2d shapes over a grid of input sizes, kernel sizes, strides s and paddings P",
    aliases=("output size convolution", "convolution output shape", "feature map size", "(n+2p-k)/s+1"),
    tags=("output size", "padding", "stride", "cnn"),
    references=(_DL_BOOK_9 + ", sec. 9.5", "Dumoulin & Visin, A guide to convolution arithmetic (2016)"),
    see_also=("cnn.conv-output-size-valid", "cnn.conv-output-size-same"),
)

conv_output_size_valid = Entry(
    id="cnn.conv-output-size-valid",
    title="Valid padding, stride 1: an m x n x c image and K kernels p x q give (m-p+1) x (n-q+1) x K",
    expected=CONFIRMED,
    experiment=_exp_output_size("valid"),
    reason="checked against torch conv2d shapes over a grid of m, n, p, q",
    seed=seed(401, 403, r"""Then the convolved image has dimensions (assuming stride 1)

- valid padding (only where it's defined):  $(m-p+1) \times (n-q+1) \times K$"""),
    aliases=("valid padding", "output size convolution", "valid convolution size"),
    tags=("output size", "padding", "cnn"),
    references=(_DL_BOOK_9 + ", sec. 9.5",),
)

conv_output_size_same = Entry(
    id="cnn.conv-output-size-same",
    title="Same padding, stride 1: pad p-1 rows and q-1 columns in total; the extended image is (m+p-1) x (n+q-1), the output m x n",
    expected=CONFIRMED,
    experiment=_exp_output_size("same"),
    reason="checked against torch conv2d(padding='same'): equal to the valid convolution of the image padded by "
           "floor((p-1)/2) before and ceil((p-1)/2) after each axis; with stride s the output is ceil(m/s) x ceil(n/s)",
    aliases=("same padding", "padding same", "half padding", "zero padding output size"),
    tags=("output size", "padding", "cnn"),
    references=(_DL_BOOK_9 + ", sec. 9.5", "Dumoulin & Visin, A guide to convolution arithmetic (2016)"),
)


def _exp_same_padding_as_printed() -> Outcome:
    import torch.nn.functional as F

    g = _gen(16)
    for m, n, p, q in [(7, 7, 3, 3), (6, 8, 5, 3), (5, 5, 2, 2)]:
        x, W = _randn(1, 1, m, n, g=g), _randn(1, 1, p, q, g=g)
        with _even_same_quiet():
            same = F.conv2d(x, W, padding="same")
        printed = F.pad(x, (q, q, p, p))  # the printed extension: (m+2p) x (n+2q)
        out_as_printed = tuple(F.conv2d(printed, W).shape[2:])
        if out_as_printed != (m, n) or not bool((F.conv2d(printed, W) == same).all()):
            top, left = (p - 1) // 2, (q - 1) // 2
            return Outcome(False, "the image extended to (m+2p) x (n+2q) does not give the same-padding output",
                           {"m": m, "n": n, "p": p, "q": q, "printed extension": [m + 2 * p, n + 2 * q],
                            "output from printed extension": list(out_as_printed),
                            "torch same padding extends to": [m + p - 1, n + q - 1],
                            "padding (top, bottom, left, right)": [top, p - 1 - top, left, q - 1 - left], "exact": True})
    return Outcome(True, "the printed extension gives the same-padding output in every case")


same_padding_extended_size_as_printed = Entry(
    id="cnn.same-padding-extended-size-as-printed",
    title="Same padding as printed: output m x n, 'the extended image has size (m+2p) x (n+2q)'",
    expected=REFUTED,
    experiment=_exp_same_padding_as_printed,
    reason="the output m x n is right but the extension is not: a valid p x q convolution of an (m+2p) x (n+2q) image "
           "gives (m+p+1) x (n+q+1); same padding adds p-1 rows and q-1 columns in total (e.g. 7x7 with 3x3 kernels "
           "is extended to 9x9, not 13x13), checked against torch conv2d(padding='same')",
    seed=seed(404, 404, r"- same padding (extend image with constant):  $m \times n$  where the extended image has size  $(m+2p) \times (n+2q)$ ."),
    corrected_by="cnn.conv-output-size-same",
    aliases=("same padding", "padded image size"),
    tags=("output size", "padding", "cnn"),
    references=("Dumoulin & Visin, A guide to convolution arithmetic (2016)",),
)
