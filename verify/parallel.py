"""How trusted parallel work uses the CPU: a fork pool for library callers, one torch thread per worker.

The commands (``verify``, ``check``, ``mutate``) and the userfile API run their checks in
:mod:`verify.sandbox` workers instead, under limits the operating system enforces; this
plain pool (no limits: an overrunning item stalls it) remains for
:func:`verify.mutate.run.run_mutants` and other in-process library use.
"""

from __future__ import annotations

import multiprocessing as mp
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager

__all__ = ["parallel_map", "one_thread"]


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
