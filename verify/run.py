"""Check many entries: cached, each in a worker process under hard limits, on every CPU.

Catalog entries are checked in :mod:`verify.sandbox` workers (they are looked up by
id there: statements hold lambdas, which do not pickle): ``timeout`` seconds of wall
clock per entry, enforced by the parent, about as much CPU time, enforced by the
kernel, ``memory_mib`` per worker, ``budget`` seconds for the run.  An entry that
overruns, exhausts memory or crashes its worker gets an ``error`` verdict with the
reason, and the run goes on; such results are not cached (they say more about the
run than the entry).  Entries outside the catalog (a test's, a mutant), and catalog
entries changed in this process (their :func:`~verify.sandbox.tasks.entry_signature`
differs from the workers'), are checked in this process, under
:func:`verify.check.check`'s own alarm.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from formulas.model import Verdict

from .cache import ResultCache
from .check import check
from .result import Result
from .sandbox.limits import CATALOG, CPU_GRACE, default_jobs

__all__ = ["run_entries"]


def _in_catalog(entry) -> bool:
    import formulas

    try:
        return formulas.get(entry.id) is entry
    except KeyError:
        return False


def run_entries(entries: Iterable, *, use_cache: bool = True, timeout: float | None = CATALOG.timeout,
                jobs: int | None = None, on_result: Callable[[object, Result, bool], None] | None = None,
                cache: ResultCache | None = None, budget: float | None = CATALOG.budget,
                memory_mib: int = CATALOG.memory_mib) -> list[Result]:
    """Results in the order of ``entries``; ``on_result(entry, result, cached)`` reports progress."""
    from .sandbox import Pool, Task
    from .sandbox.tasks import check_catalog_entry, entry_signature

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
    by_id = {e.id: e for e in todo}

    def done(entry, result: Result, cacheable: bool) -> None:
        results[entry.id] = result
        if cacheable:
            cache.put(entry, result)
        if on_result:
            on_result(entry, result, False)

    remote = [e for e in todo if _in_catalog(e)]
    for e in todo:
        if not _in_catalog(e):
            done(e, check(e, timeout=timeout), True)
    if remote:
        cpu = timeout + CPU_GRACE if timeout else None
        tasks = [Task(e.id, check_catalog_entry, (e.id, entry_signature(e)), timeout=timeout, cpu=cpu)
                 for e in remote]
        with Pool(jobs=jobs or default_jobs(len(remote)), memory_mib=memory_mib) as pool:
            for outcome in pool.run(tasks, budget=budget):
                entry = by_id[outcome.key]
                if outcome.ok and outcome.value is None:  # changed in this process: the workers do not have it
                    done(entry, check(entry, timeout=timeout), True)
                elif outcome.ok:
                    done(entry, Result.from_json(outcome.value), True)
                else:
                    done(entry, Result(entry.id, Verdict.ERROR, reason=outcome.reason,
                                       seconds=round(outcome.seconds, 4)), False)
    if todo:
        cache.save()
    return [results[e.id] for e in entries]
