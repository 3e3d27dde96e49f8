"""Shared settings for the numerics tests: float64 by default, a fixed seed, one intra-op thread, a device.

The tensors here are small; with several threads on a busy machine, torch and OpenBLAS spend most of the time
synchronising their thread pools (a 300-step training loop went from 0.2 s to 5 s, a scikit-learn factor analysis
of 2000 x 40 from 0.1 s to 11 s), so each test runs single-threaded and the previous settings are restored
afterwards.

``device``: tests that take it run once on the CPU and once on CUDA. Without a GPU the CUDA case is reported as
skipped, with the reason. Inputs are drawn on the CPU (the same numbers on every device) and moved with
``.to(device)``; the default device is left alone, so code that creates a tensor without following its inputs'
device fails on CUDA instead of being rescued by the default. TF32 is off so that float32 results on CUDA are
compared at float32 precision.
"""

from __future__ import annotations

import pytest
import torch
from threadpoolctl import threadpool_limits

NO_CUDA = "no CUDA device here (torch.cuda.is_available() is False); the cuda case runs where there is one"


@pytest.fixture(autouse=True)
def _seed_and_dtype():
    """Every test starts from the same seed, float64 by default and one thread (all restored afterwards).

    One thread for torch and for the BLAS behind numpy and scikit-learn alike (threadpoolctl).
    """
    old_dtype, old_threads = torch.get_default_dtype(), torch.get_num_threads()
    torch.set_default_dtype(torch.float64)
    torch.set_num_threads(1)
    torch.manual_seed(0)
    with threadpool_limits(1):
        yield
    torch.set_default_dtype(old_dtype)
    torch.set_num_threads(old_threads)


@pytest.fixture(
    params=[
        pytest.param("cpu", id="cpu"),
        pytest.param(
            "cuda", id="cuda", marks=pytest.mark.skipif(not torch.cuda.is_available(), reason=NO_CUDA)
        ),
    ]
)
def device(request) -> torch.device:
    """The device a test computes on: ``cpu``, and ``cuda`` where available (TF32 off while it runs)."""
    dev = torch.device(request.param)
    if dev.type != "cuda":
        yield dev
        return
    old = torch.backends.cuda.matmul.allow_tf32, torch.backends.cudnn.allow_tf32
    torch.backends.cuda.matmul.allow_tf32 = torch.backends.cudnn.allow_tf32 = False
    yield dev
    torch.backends.cuda.matmul.allow_tf32, torch.backends.cudnn.allow_tf32 = old
