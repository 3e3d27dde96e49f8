"""Benchmark the numerics reference implementations against torch and scikit-learn, in one run.

``python -m bench.numerics [--json] [--quick]`` (or ``python bench/numerics.py``) prints, for each case,
the median time of ours and of the reference, their ratio and the target ratio from issue 3:

- each optimizer step vs the matching ``torch.optim`` optimizer with ``foreach=True`` (target <= 1.3x);
- PPCA and factor-analysis fits vs scikit-learn's ``PCA`` / ``FactorAnalysis`` at 10,000 x 100, k = 10 (<= 1.0x);
- the reference ``conv2d`` (unfold + matmul) vs ``torch.nn.functional.conv2d`` (<= 3x).

Ours and the reference are timed alternately, so load on the machine affects both alike. Torch and the BLAS
behind numpy/scikit-learn run with the same number of threads (``--threads``, default 1: on a shared 2-core
machine, more threads mostly measure thread-pool contention).
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from collections.abc import Callable

if __name__ == "__main__" and __package__ in (None, ""):
    # run as a script: this file's folder would shadow the numerics package; use the repository root instead
    _here = os.path.dirname(os.path.abspath(__file__))
    sys.path[:] = [p for p in sys.path if os.path.abspath(p or ".") != _here]
    sys.path.insert(0, os.path.dirname(_here))

import numpy as np
import torch
import torch.nn.functional as F

from numerics.conv import conv2d
from numerics.latent import fit_factor_analysis, fit_ppca
from numerics.optim import SGD, Adagrad, Adam, RMSprop


def _paired_median(
    ours: Callable[[], object], ref: Callable[[], object], repeats: int, warmup: int = 2
) -> tuple[float, float]:
    """Median seconds of ``ours`` and ``ref``, called alternately ``repeats`` times each after a warm-up."""
    for _ in range(warmup):
        ours()
        ref()
    t_ours, t_ref = [], []
    for _ in range(repeats):
        for fn, acc in ((ours, t_ours), (ref, t_ref)):
            t0 = time.perf_counter()
            fn()
            acc.append(time.perf_counter() - t0)
    return statistics.median(t_ours), statistics.median(t_ref)


def _params(seed: int) -> list[torch.Tensor]:
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
    ps = [torch.randn(s, generator=g).requires_grad_(True) for s in shapes]
    for p in ps:
        p.grad = torch.randn(p.shape, generator=g) * 1e-2
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
]


def bench_optimizers(repeats: int) -> list[dict]:
    rows = []
    for name, ours_cls, ref_cls, kwargs in OPTIMIZERS:
        ours = ours_cls(_params(0), **kwargs)
        ref = ref_cls(_params(0), **kwargs, foreach=True)
        t_o, t_r = _paired_median(ours.step, ref.step, repeats, warmup=3)
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


def bench_latent(repeats: int) -> list[dict]:
    from sklearn.decomposition import PCA, FactorAnalysis

    X = _fa_data(10_000, 100, 10)
    Xt = torch.from_numpy(X)  # shares memory: no copy
    k = 10
    t_o, t_r = _paired_median(lambda: fit_ppca(Xt, k, ddof=1), lambda: PCA(n_components=k).fit(X), repeats)
    rows = [
        dict(case="PPCA fit 10000x100, k=10", ours_s=t_o, ref_s=t_r, reference="sklearn PCA.fit", target=1.0)
    ]
    fa_ours = fit_factor_analysis(Xt, k)
    fa_ref = FactorAnalysis(n_components=k, random_state=0).fit(X)
    t_o, t_r = _paired_median(
        lambda: fit_factor_analysis(Xt, k),
        lambda: FactorAnalysis(n_components=k, random_state=0).fit(X),
        max(2, repeats // 5),
        warmup=1,
    )
    rows.append(
        dict(
            case="FA fit 10000x100, k=10",
            ours_s=t_o,
            ref_s=t_r,
            reference="sklearn FactorAnalysis.fit",
            target=1.0,
            note=f"mean log-lik ours {float(fa_ours.log_likelihood(Xt)):.6f} vs sklearn {fa_ref.score(X):.6f}, "
            f"{len(fa_ours.history)} EM iterations vs {fa_ref.n_iter_}",
        )
    )
    return rows


CONVS = [
    # (B, C, H, K, kernel, padding)
    (32, 16, 32, 32, 3, 1),
    (8, 64, 16, 64, 3, 1),
    (64, 3, 32, 16, 5, 0),
    (64, 6, 14, 16, 5, 0),
]


def bench_conv(repeats: int) -> list[dict]:
    rows = []
    g = torch.Generator().manual_seed(0)
    for B, C, H, K, k, p in CONVS:
        x, W, b = (
            torch.randn(B, C, H, H, generator=g),
            torch.randn(K, C, k, k, generator=g),
            torch.randn(K, generator=g),
        )
        t_o, t_r = _paired_median(lambda: conv2d(x, W, b, 1, p), lambda: F.conv2d(x, W, b, 1, p), repeats)  # noqa: B023
        rows.append(
            dict(
                case=f"conv2d {B}x{C}x{H}x{H} * {K}x{C}x{k}x{k}, pad {p}",
                ours_s=t_o,
                ref_s=t_r,
                reference="F.conv2d",
                target=3.0,
            )
        )
    return rows


def _run_all(repeats: int) -> list[dict]:
    return bench_optimizers(repeats) + bench_latent(repeats) + bench_conv(repeats)


def main(argv: list[str] | None = None) -> list[dict]:
    """``--json``: JSON output; ``--quick``: fewer repeats; ``--threads N``: intra-op threads for torch and BLAS (default 1)."""
    argv = sys.argv[1:] if argv is None else argv
    quick = "--quick" in argv
    repeats = 5 if quick else 25
    threads = int(argv[argv.index("--threads") + 1]) if "--threads" in argv else 1
    old_threads = torch.get_num_threads()
    torch.set_num_threads(threads)
    try:
        from threadpoolctl import threadpool_limits  # installed with scikit-learn

        with threadpool_limits(threads):
            rows = _run_all(repeats)
    finally:
        torch.set_num_threads(old_threads)
    for r in rows:
        r["ratio"] = r["ours_s"] / r["ref_s"]
        r["ok"] = r["ratio"] <= r["target"]
    header = dict(
        torch=torch.__version__,
        threads=threads,
        device="cpu",
        dtype="float32 (optim, conv), float64 (latent)",
    )
    if "--json" in argv:
        print(json.dumps(dict(setup=header, results=rows), indent=2))
        return rows
    print(
        f"numerics benchmark: torch {header['torch']}, {header['threads']} threads, CPU; medians of {repeats} alternating runs"
    )
    print(f"{'case':<52} {'ours ms':>10} {'ref ms':>10} {'ratio':>7} {'target':>7}  ok   reference")
    for r in rows:
        print(
            f"{r['case']:<52} {1e3 * r['ours_s']:>10.3f} {1e3 * r['ref_s']:>10.3f} {r['ratio']:>7.2f} "
            f"{r['target']:>7.1f}  {'yes' if r['ok'] else 'NO ':<4} {r['reference']}"
        )
        if "note" in r:
            print(f"{'':<52} {r['note']}")
    return rows


if __name__ == "__main__":
    main(sys.argv[1:])
