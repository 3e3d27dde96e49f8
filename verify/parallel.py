"""One way to fan checks out over worker processes (used by ``verify`` and ``mutate``)."""

from __future__ import annotations

import multiprocessing as mp
from collections.abc import Callable, Iterable, Iterator

__all__ = ["parallel_map"]


def _single_threaded_worker() -> None:
    """Workers already use every core between them: torch's intra-op threads would only compete."""
    import torch

    torch.set_num_threads(1)


def parallel_map(fn: Callable, items: Iterable, processes: int) -> Iterator:
    """``fn(item)`` for every item, in completion order; forked workers when ``processes > 1``.

    ``fn`` must be a module-level function (it is pickled by name); its results must pickle too.
    """
    items = list(items)
    if processes > 1 and len(items) > 1:
        with mp.get_context("fork").Pool(processes, initializer=_single_threaded_worker) as pool:
            yield from pool.imap_unordered(fn, items)
    else:
        yield from map(fn, items)
