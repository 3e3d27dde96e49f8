"""Check many entries: cached, bounded in time, in parallel worker processes."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable

from .cache import ResultCache
from .check import DEFAULT_TIMEOUT, check
from .parallel import parallel_map
from .result import Result

__all__ = ["run_entries"]


def _worker(args):
    import formulas

    entry_id, timeout = args
    return entry_id, check(formulas.get(entry_id), timeout=timeout).to_json()


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
    if jobs > 1:  # workers look entries up by id (statements hold lambdas, which do not pickle)
        done = parallel_map(_worker, [(e.id, timeout) for e in todo], jobs)
    else:  # in process: any entry, in the catalog or not
        done = ((e.id, check(e, timeout=timeout).to_json()) for e in todo)
    for entry_id, raw in done:
        r = Result.from_json(raw)
        results[entry_id] = r
        cache.put(by_id[entry_id], r)
        if on_result:
            on_result(by_id[entry_id], r, False)
    if todo:
        cache.save()
    return [results[e.id] for e in entries]
