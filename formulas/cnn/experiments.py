"""Evidence for the convolution chapter's claims about procedures: FFT convolution and its cost.

Each function is named after the entry it serves.  The FFT route is implemented here (numpy's FFT,
and a radix-2 FFT that counts its multiplications), independently of ``numerics``; ``numpy`` is
imported inside the functions.
"""

from __future__ import annotations

import cmath
import math
import random

from .._authoring import Outcome

__all__ = ["convolution_theorem_fft", "convolution_cost_counts"]


def _valid_correlation(x, w):
    """yᵢ = ∑ₗ wₗ x_{i+l}, i = 0..n−m: the deep-learning 'convolution' by its definition."""
    n, m = len(x), len(w)
    return [sum(w[k] * x[i + k] for k in range(m)) for i in range(n - m + 1)]


def convolution_theorem_fft() -> Outcome:
    """cnn.convolution-theorem-fft: transform, multiply, transform back (numpy.fft, zero-padded to L ≥ n + m − 1)
    against the defining sum, and the circular form of the theorem on a 2-D grid."""
    import numpy as np

    rng = np.random.default_rng(2)
    worst, cases = 0.0, 0
    for n in (5, 8, 13, 32):
        for m in (1, 2, 3, 5):
            if m > n:
                continue
            x, w = rng.standard_normal(n), rng.standard_normal(m)
            L = n + m - 1
            # correlation with w is convolution with the reversed kernel; the valid part starts at index m − 1
            via_fft = np.fft.irfft(np.fft.rfft(x, L) * np.fft.rfft(w[::-1], L), L)[m - 1:n]
            err = float(np.max(np.abs(via_fft - np.array(_valid_correlation(list(x), list(w))))))
            worst, cases = max(worst, err), cases + 1
            if err > 1e-10:
                return Outcome(False, f"n = {n}, m = {m}: FFT route and defining sum differ by {err:.2g}", {"n": n, "m": m})
    for H, W, p, q in ((6, 6, 3, 3), (7, 9, 2, 4), (5, 7, 5, 1)):
        x, w = rng.standard_normal((H, W)), rng.standard_normal((p, q))
        circular = np.zeros((H, W))  # y[i, j] = ∑_{u,v} w[u, v] x[(i − u) mod H, (j − v) mod W]
        for i in range(H):
            for j in range(W):
                circular[i, j] = sum(w[u, v] * x[(i - u) % H, (j - v) % W] for u in range(p) for v in range(q))
        via_fft = np.real(np.fft.ifft2(np.fft.fft2(x) * np.fft.fft2(w, (H, W))))
        err = float(np.max(np.abs(via_fft - circular)))
        worst, cases = max(worst, err), cases + 1
        if err > 1e-10:
            return Outcome(False, f"2-D {H}×{W} with a {p}×{q} kernel: F⁻¹(F(x)·F(w)) differs from the circular "
                                  f"convolution by {err:.2g}", {"H": H, "W": W, "p": p, "q": q})
    return Outcome(True, f"{cases} cases: 1-D valid convolutions by zero-padded FFT equal the defining sum, and in 2-D "
                         f"F⁻¹(F(x)·F(w)) is the circular convolution (max error {worst:.1e})")


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
    n, m = len(x), len(w)
    y = []
    for i in range(n - m + 1):
        acc = 0.0
        for k in range(m):
            acc += w[k] * x[i + k]
            counter.mults += 1
        y.append(acc)
    return y


def _fft_counted(x: list, w: list, counter: _Counter) -> list:
    """The same valid correlation through FFTs of length L ≥ n + m − 1 (a power of 2)."""
    n, m = len(x), len(w)
    L = 1 << (n + m - 2).bit_length()
    X = _fft([complex(v) for v in x] + [0j] * (L - n), counter)
    Wf = _fft([complex(v) for v in reversed(w)] + [0j] * (L - m), counter)
    P = [a * b for a, b in zip(X, Wf, strict=True)]
    counter.mults += L
    full = _fft(P, counter, inverse=True)
    return [(v / L).real for v in full[m - 1:n]]


def convolution_cost_counts() -> Outcome:
    """cnn.convolution-cost-counts: multiplications counted in both implementations, n = 32..2048."""
    rng = random.Random(3)
    rows = []
    for k in range(5, 12):
        n = 1 << k
        for m in sorted({3, k, n // 4}):
            x, w = [rng.uniform(-1, 1) for _ in range(n)], [rng.uniform(-1, 1) for _ in range(m)]
            cn, cf = _Counter(), _Counter()
            y_naive, y_fft = _naive_counted(x, w, cn), _fft_counted(x, w, cf)
            err = max(abs(a - b) for a, b in zip(y_naive, y_fft, strict=True))
            L = 1 << (n + m - 2).bit_length()
            rows.append({"n": n, "m": m, "naive": cn.mults, "fft": cf.mults, "err": err, "L": L})
            if err > 1e-9:
                raise RuntimeError(f"the counted FFT convolution is wrong at n = {n}, m = {m} (error {err:.2g})")
            if cn.mults != m * (n - m + 1):
                return Outcome(False, "the naive convolution does not take m(n − m + 1) multiplications", rows[-1])
            if cf.mults > 2 * L * math.log2(L) or L > 2 * (n + m):
                return Outcome(False, "the FFT convolution takes more than 2 L log₂ L multiplications", rows[-1])
    small = [r for r in rows if r["m"] == int(math.log2(r["n"]))]
    bad = next((r for r in small if r["naive"] > r["fft"]), None)
    if bad:
        return Outcome(False, "with m = log₂ n the naive method is not cheaper than the FFT", bad)
    big = rows[-1]
    return Outcome(True, f"{len(rows)} (n, m) pairs, n = 32..2048: naive = m(n − m + 1) ≤ m n multiplications; FFT (three "
                         f"radix-2 transforms of length L < 2(n + m) plus L products) ≤ 2 L log₂ L; outputs agree; with "
                         f"m = log₂ n the naive count is below the FFT count at every n (n = {small[-1]['n']}: "
                         f"{small[-1]['naive']} against {small[-1]['fft']}); with m = n/4 at n = {big['n']}: "
                         f"{big['naive']} against {big['fft']}")
