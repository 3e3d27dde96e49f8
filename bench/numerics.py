"""Benchmark the numerics implementations against torch and scikit-learn, in one run.

``python -m bench.numerics [--json] [--quick] [--threads N] [--device cuda] [--only optim,latent,conv,fft]``
prints, for each case, the median time of ours and of the reference (timed alternately, so load on the machine
affects both alike), their ratio and the target ratio from issue 15:

- each optimizer step vs the matching ``torch.optim`` optimizer with ``foreach=True`` (target <= 1.3x);
- PPCA vs scikit-learn's ``PCA`` (<= 1.0x) and factor analysis (``method="svd"``) vs ``FactorAnalysis`` (<= 0.5x, at
  an equal or higher log-likelihood, shown in the note) at 10,000 x 100, 100,000 x 100 and 10,000 x 1,000, k = 10,
  with the growth of both when N or d grows tenfold;
- ``conv2d`` vs ``torch.nn.functional.conv2d`` (<= 1.2x at batch 32, 3 -> 64 channels, 32 x 32, 3 x 3, float32 and
  float64; <= 3x elsewhere);
- ``conv2d_fft`` vs the direct ``conv2d`` over kernel sizes 3..31 (batch 8, 16 -> 16 channels, 64 x 64, float32):
  faster (<= 1.0x) for large kernels, 7 x 7 and up; the crossover is printed, and ``F.conv2d`` is shown beside it.

Torch and the BLAS behind numpy/scikit-learn run with the same number of threads (default 1: on a shared 2-core
machine, more threads mostly measure thread-pool contention). ``--device cuda`` runs ours and torch's references on
the GPU (synchronised around each call, TF32 off for both); scikit-learn stays on the CPU, and its rows say so.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from collections.abc import Callable
from functools import partial

if __name__ == "__main__" and __package__ in (None, ""):
    # run as a script: this file's folder would shadow the numerics package; use the repository root instead
    _here = os.path.dirname(os.path.abspath(__file__))
    sys.path[:] = [p for p in sys.path if os.path.abspath(p or ".") != _here]
    sys.path.insert(0, os.path.dirname(_here))

import numpy as np
import torch
import torch.nn.functional as F

from numerics.conv import conv2d, conv2d_fft
from numerics.latent import fit_factor_analysis, fit_ppca
from numerics.optim import SGD, Adagrad, Adam, RMSprop

# What is timed as "ours" (a before/after comparison can swap these for an older version's calls).
PPCA_FIT = lambda X, k: fit_ppca(X, k, ddof=1, noise_variance="sklearn")  # noqa: E731
FA_FIT = lambda X, k: fit_factor_analysis(X, k, method="svd")  # noqa: E731
CONV, CONV_FFT = conv2d, conv2d_fft


def _medians(
    fns: list[Callable[[], object]], repeats: int, warmup: int = 2, sync: bool = False
) -> list[float]:
    """Median seconds of each of ``fns``, called in turn ``repeats`` times each after ``warmup`` rounds."""
    for _ in range(warmup):
        for fn in fns:
            fn()
    times: list[list[float]] = [[] for _ in fns]
    for _ in range(repeats):
        for fn, acc in zip(fns, times, strict=True):
            if sync:
                torch.cuda.synchronize()
            t0 = time.perf_counter()
            fn()
            if sync:
                torch.cuda.synchronize()
            acc.append(time.perf_counter() - t0)
    return [statistics.median(t) for t in times]


def _paired_median(
    ours: Callable[[], object], ref: Callable[[], object], repeats: int, warmup: int = 2, sync: bool = False
) -> tuple[float, float]:
    """Median seconds of ``ours`` and ``ref``, called alternately."""
    t_ours, t_ref = _medians([ours, ref], repeats, warmup, sync)
    return t_ours, t_ref


def _params(seed: int, device: torch.device) -> list[torch.Tensor]:
    """Parameters shaped like a small CNN + MLP (float32, about 1.2 M entries), with gradients set."""
    g = torch.Generator().manual_seed(seed)
    shapes = [
        (32, 3, 3, 3),
        (32,),
        (64, 32, 3, 3),
        (64,),
        (128, 64, 3, 3),
        (128,),
        (512, 2048),
        (512,),
        (10, 512),
        (10,),
    ]
    ps = [torch.randn(s, generator=g).to(device).requires_grad_(True) for s in shapes]
    for p in ps:
        p.grad = (torch.randn(p.shape, generator=g) * 1e-2).to(device)
    return ps


OPTIMIZERS = [
    ("SGD", SGD, torch.optim.SGD, dict(lr=0.01)),
    ("SGD momentum + wd", SGD, torch.optim.SGD, dict(lr=0.01, momentum=0.9, weight_decay=1e-4)),
    ("SGD Nesterov", SGD, torch.optim.SGD, dict(lr=0.01, momentum=0.9, nesterov=True)),
    ("Adagrad", Adagrad, torch.optim.Adagrad, dict(lr=0.01)),
    ("RMSprop", RMSprop, torch.optim.RMSprop, dict(lr=0.01)),
    ("RMSprop centered + momentum", RMSprop, torch.optim.RMSprop, dict(lr=0.01, centered=True, momentum=0.9)),
    ("Adam", Adam, torch.optim.Adam, dict(lr=1e-3)),
    ("Adam + wd", Adam, torch.optim.Adam, dict(lr=1e-3, weight_decay=1e-2)),
    ("Adam amsgrad", Adam, torch.optim.Adam, dict(lr=1e-3, amsgrad=True)),
]


def bench_optimizers(repeats: int, device: torch.device) -> list[dict]:
    rows = []
    for name, ours_cls, ref_cls, kwargs in OPTIMIZERS:
        ours = ours_cls(_params(0, device), **kwargs)
        ref = ref_cls(_params(0, device), **kwargs, foreach=True)
        t_o, t_r = _paired_median(ours.step, ref.step, repeats, warmup=3, sync=device.type == "cuda")
        rows.append(
            dict(
                case=f"optim step: {name}",
                ours_s=t_o,
                ref_s=t_r,
                reference="torch.optim (foreach)",
                target=1.3,
            )
        )
    return rows


def _fa_data(n: int, d: int, k: int) -> np.ndarray:
    rng = np.random.default_rng(0)
    W = rng.normal(size=(d, k))
    psi = rng.uniform(0.2, 2.0, size=d)
    return rng.normal(size=(n, k)) @ W.T + rng.normal(size=(n, d)) * np.sqrt(psi) + rng.normal(size=d)


def _sk_fit(cls: type, X: np.ndarray, **kwargs: object) -> object:
    """A fresh scikit-learn estimator fitted to ``X``."""
    return cls(**kwargs).fit(X)


LATENT_SIZES = [(10_000, 100), (100_000, 100), (10_000, 1000)]


def bench_latent(repeats: int, device: torch.device) -> list[dict]:
    from sklearn.decomposition import PCA, FactorAnalysis

    k, rows, sync = 10, [], device.type == "cuda"
    where = "" if device.type == "cpu" else " (on the CPU)"
    times: dict[str, list[tuple[float, float]]] = {"PPCA": [], "FA": []}
    for n, d in LATENT_SIZES:
        X = _fa_data(n, d, k)
        Xt = torch.from_numpy(X).to(device)  # on the CPU: shares memory, no copy
        ppca = (partial(PPCA_FIT, Xt, k), partial(_sk_fit, PCA, X, n_components=k))
        t_o, t_r = _paired_median(*ppca, max(3, repeats // 3), 1, sync)
        times["PPCA"].append((t_o, t_r))
        rows.append(
            dict(
                case=f"PPCA fit {n}x{d}, k={k}",
                ours_s=t_o,
                ref_s=t_r,
                reference="sklearn PCA.fit" + where,
                target=1.0,
            )
        )
        ours_fa, ref_fa = FA_FIT(Xt, k), FactorAnalysis(n_components=k, random_state=0).fit(X)
        fa = (partial(FA_FIT, Xt, k), partial(_sk_fit, FactorAnalysis, X, n_components=k, random_state=0))
        t_o, t_r = _paired_median(*fa, max(2, repeats // 8), 1, sync)
        times["FA"].append((t_o, t_r))
        ll_ours, ll_ref = float(ours_fa.log_likelihood(Xt)), float(ref_fa.score(X))
        rows.append(
            dict(
                case=f"FA fit {n}x{d}, k={k}",
                ours_s=t_o,
                ref_s=t_r,
                reference="sklearn FactorAnalysis.fit" + where,
                target=0.5,
                ll_ours=ll_ours,
                ll_ref=ll_ref,
                ok_extra=ll_ours >= ll_ref - 1e-12 * abs(ll_ref),
                note=f"mean log-lik ours {ll_ours:.9f} vs sklearn {ll_ref:.9f} ({ll_ours - ll_ref:+.1e}), "
                f"{len(ours_fa.history)} iterations vs {ref_fa.n_iter_}",
            )
        )
    for name, ts in times.items():
        (o1, r1), (o2, r2), (o3, r3) = ts
        rows.append(
            dict(
                case=f"{name} scaling",
                note=f"N x10 (d=100): ours x{o2 / o1:.1f}, sklearn x{r2 / r1:.1f}; "
                f"d x10 (N=10k): ours x{o3 / o1:.1f}, sklearn x{r3 / r1:.1f}",
            )
        )
    return rows


CONVS = [
    # (B, C, H, K, kernel, padding, dtype, target)
    (32, 3, 32, 64, 3, 1, torch.float32, 1.2),
    (32, 3, 32, 64, 3, 1, torch.float64, 1.2),
    (32, 16, 32, 32, 3, 1, torch.float32, 3.0),
    (8, 64, 16, 64, 3, 1, torch.float32, 3.0),
    (64, 3, 32, 16, 5, 0, torch.float32, 3.0),
    (64, 6, 14, 16, 5, 0, torch.float32, 3.0),
]


def bench_conv(repeats: int, device: torch.device) -> list[dict]:
    rows, sync = [], device.type == "cuda"
    g = torch.Generator().manual_seed(0)
    for B, C, H, K, k, p, dtype, target in CONVS:
        x, W, b = (
            torch.randn(s, generator=g, dtype=dtype).to(device) for s in ((B, C, H, H), (K, C, k, k), (K,))
        )
        t_o, t_r = _paired_median(
            partial(CONV, x, W, b, 1, p), partial(F.conv2d, x, W, b, 1, p), repeats, 2, sync
        )
        name = str(dtype).removeprefix("torch.")
        rows.append(
            dict(
                case=f"conv2d {B}x{C}x{H}x{H} * {K}x{C}x{k}x{k}, pad {p}, {name}",
                ours_s=t_o,
                ref_s=t_r,
                reference="F.conv2d",
                target=target,
            )
        )
    return rows


FFT_KERNELS = [3, 5, 7, 9, 11, 15, 21, 31]
FFT_WINS_FROM = 7  # kernels this large and up must be faster by FFT (the crossover documented in numerics.conv.fft)


def bench_fft(repeats: int, device: torch.device) -> list[dict]:
    rows, sync = [], device.type == "cuda"
    g = torch.Generator().manual_seed(1)
    x = torch.randn(8, 16, 64, 64, generator=g).float().to(device)
    faster: list[int] = []
    for k in FFT_KERNELS:
        W = torch.randn(16, 16, k, k, generator=g).float().to(device)
        fns = [partial(CONV_FFT, x, W), partial(CONV, x, W), partial(F.conv2d, x, W)]
        t_fft, t_direct, t_torch = _medians(fns, max(3, repeats // 5), 1, sync)
        if t_fft < t_direct:
            faster.append(k)
        rows.append(
            dict(
                case=f"conv2d_fft 8x16x64x64 * 16x16x{k}x{k}",
                ours_s=t_fft,
                ref_s=t_direct,
                reference="numerics conv2d (direct)",
                target=1.0 if k >= FFT_WINS_FROM else None,
                note=f"F.conv2d {1e3 * t_torch:.2f} ms: FFT / F.conv2d = {t_fft / t_torch:.2f}",
            )
        )
    crossover = next((k for k in FFT_KERNELS if all(j in faster for j in FFT_KERNELS if j >= k)), None)
    rows.append(
        dict(
            case="conv2d_fft crossover",
            note=f"FFT faster than the direct conv2d from {crossover} x {crossover} on",
        )
    )
    return rows


SECTIONS = {"optim": bench_optimizers, "latent": bench_latent, "conv": bench_conv, "fft": bench_fft}


def _arg(argv: list[str], name: str, default: str) -> str:
    return argv[argv.index(name) + 1] if name in argv else default


def main(argv: list[str] | None = None) -> list[dict]:
    """``--json``: JSON output; ``--quick``: fewer repeats; ``--threads N`` (default 1); ``--device cpu|cuda``;
    ``--only a,b``: some of optim, latent, conv, fft."""
    argv = sys.argv[1:] if argv is None else argv
    repeats = 5 if "--quick" in argv else 25
    threads = int(_arg(argv, "--threads", "1"))
    device = torch.device(_arg(argv, "--device", "cpu"))
    if device.type == "cuda" and not torch.cuda.is_available():
        raise SystemExit("bench.numerics: --device cuda but torch.cuda.is_available() is False")
    sections = _arg(argv, "--only", ",".join(SECTIONS)).split(",")
    old_threads = torch.get_num_threads()
    torch.set_num_threads(threads)
    if device.type == "cuda":  # float32 at float32 precision on both sides (cuDNN would use TF32 by default)
        torch.backends.cuda.matmul.allow_tf32 = torch.backends.cudnn.allow_tf32 = False
    try:
        # threadpoolctl limits the libraries loaded when it is entered: load scipy's and scikit-learn's BLAS first
        import scipy.linalg  # noqa: F401
        import sklearn.decomposition  # noqa: F401
        from threadpoolctl import threadpool_limits

        with threadpool_limits(threads):
            rows = [r for s in sections for r in SECTIONS[s](repeats, device)]
    finally:
        torch.set_num_threads(old_threads)
    for r in rows:
        if "ours_s" in r:
            r["ratio"] = r["ours_s"] / r["ref_s"]
            r["ok"] = (r["target"] is None or r["ratio"] <= r["target"]) and r.get("ok_extra", True)
    header = dict(torch=torch.__version__, threads=threads, device=str(device), repeats=repeats)
    if "--json" in argv:
        print(json.dumps(dict(setup=header, results=rows), indent=2))
        return rows
    print(
        f"numerics benchmark: torch {header['torch']}, {threads} threads, {device}; medians of alternating runs"
    )
    print(f"{'case':<58} {'ours ms':>10} {'ref ms':>10} {'ratio':>7} {'target':>7}  ok   reference")
    for r in rows:
        if "ours_s" in r:
            target = "-" if r["target"] is None else f"{r['target']:.1f}"
            ok = "-" if r["target"] is None else ("yes" if r["ok"] else "NO")
            print(
                f"{r['case']:<58} {1e3 * r['ours_s']:>10.3f} {1e3 * r['ref_s']:>10.3f} {r['ratio']:>7.2f} "
                f"{target:>7}  {ok:<4} {r['reference']}"
            )
            if "note" in r:
                print(f"{'':<58} {r['note']}")
        else:
            print(f"{r['case']:<58} {r['note']}")
    return rows


if __name__ == "__main__":
    main(sys.argv[1:])
