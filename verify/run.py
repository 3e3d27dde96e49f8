"""Check many entries: cached, bounded in time, in parallel worker processes."""

from __future__ import annotations

import multiprocessing as mp
import os
from collections.abc import Callable, Iterable

from .cache import ResultCache
from .check import DEFAULT_TIMEOUT, check
from .result import Result

__all__ = ["run_entries"]


def _worker(args):
    entry_id, timeout = args
    import torch

    torch.set_num_threads(1)
    import formulas

    return formulas.get(entry_id).id, check(formulas.get(entry_id), timeout=timeout).to_json()


def run_entries(entries: Iterable, *, use_cache: bool = True, timeout: float = DEFAULT_TIMEOUT,
                jobs: int | None = None, on_result: Callable[[object, Result, bool], None] | None = None,
                cache: ResultCache | None = None) -> list[Result]:
    """Results in the order of ``entries``; ``on_result(entry, result, cached)`` reports progress."""
    entries = list(entries)
    cache = cache or ResultCache()
    results: dict[str, Result] = {}
    todo = []
    for e in entries:
        hit = cache.get(e) if use_cache else None
        if hit is not None:
            results[e.id] = hit
            if on_result:
                on_result(e, hit, True)
        else:
            todo.append(e)
    jobs = jobs if jobs is not None else min(len(todo), os.cpu_count() or 1)
    by_id = {e.id: e for e in todo}
    if jobs > 1 and len(todo) > 1:
        ctx = mp.get_context("fork")
        with ctx.Pool(jobs) as pool:
            for entry_id, raw in pool.imap_unordered(_worker, [(e.id, timeout) for e in todo]):
                r = Result.from_json(raw)
                results[entry_id] = r
                cache.put(by_id[entry_id], r)
                if on_result:
                    on_result(by_id[entry_id], r, False)
    else:
        for e in todo:
            r = check(e, timeout=timeout)
            results[e.id] = r
            cache.put(e, r)
            if on_result:
                on_result(e, r, False)
    if todo:
        cache.save()
    return [results[e.id] for e in entries]
