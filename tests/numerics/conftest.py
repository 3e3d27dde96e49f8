"""Shared settings for the numerics tests: float64 by default, a fixed seed, one intra-op thread.

The tensors here are small; with several threads on a busy machine, torch spends most of the time
synchronising its thread pool (a 300-step training loop went from 0.2 s to 5 s), so each test runs
single-threaded and the previous setting is restored afterwards.
"""

from __future__ import annotations

import pytest
import torch


@pytest.fixture(autouse=True)
def _seed_and_dtype():
    """Every test starts from the same seed, float64 by default and one thread (all restored afterwards)."""
    old_dtype, old_threads = torch.get_default_dtype(), torch.get_num_threads()
    torch.set_default_dtype(torch.float64)
    torch.set_num_threads(1)
    torch.manual_seed(0)
    yield
    torch.set_default_dtype(old_dtype)
    torch.set_num_threads(old_threads)
