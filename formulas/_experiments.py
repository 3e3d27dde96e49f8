"""Helpers shared by the catalog's experiments (checks of claims about algorithms)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["one_thread"]


@contextmanager
def one_thread() -> Iterator[None]:
    """Run small torch loops on one intra-op thread: with threads competing with other processes (parallel
    verification, CI), small training loops run up to ~100x slower."""
    import torch

    before = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        yield
    finally:
        torch.set_num_threads(before)
