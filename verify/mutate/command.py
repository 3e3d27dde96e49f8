"""``sheetproof mutate``: how many of the authors' typical mistakes would the verifier catch?

Each mutant runs in a worker process (:mod:`verify.sandbox`) under a wall clock
limit of :data:`CALLS` times ``--timeout`` (a mutant takes up to that many
verifier calls: the mutant, then an equivalence or implication probe), about as
much CPU time, ``--memory`` MiB and the run's ``--budget``; a mutant past a limit,
or whose worker crashed, is reported with status ``error`` and the reason.
"""

from __future__ import annotations

import json
import sys

__all__ = ["register", "run_sandboxed", "CALLS"]

BAR = 0.98
CALLS = 3  # verifier calls one mutant may take (see verify.mutate.run.run_one)


def run_sandboxed(jobs: list[tuple[str, int]], *, timeout: float | None, budget: float | None = None,
                  memory_mib: int = 2048, processes: int | None = None, on_result=None) -> list:
    """:class:`~verify.mutate.run.MutantResult` s for ``(entry id, mutant index)`` jobs, checked in workers."""
    import formulas
    from verify.sandbox import Pool, Task
    from verify.sandbox.limits import CPU_GRACE
    from verify.sandbox.tasks import run_mutant

    from .operators import mutants_of
    from .run import MutantResult

    wall = CALLS * timeout if timeout else None
    tasks = [Task((e, i), run_mutant, (e, i, timeout), timeout=wall, cpu=wall + CPU_GRACE if wall else None)
             for e, i in jobs]
    results = []
    with Pool(jobs=processes, memory_mib=memory_mib) as pool:
        for outcome in pool.run(tasks, budget=budget):
            if outcome.ok:
                result = MutantResult(**outcome.value)
            else:
                entry_id, index = outcome.key
                entry = formulas.get(entry_id)
                m = mutants_of(entry)[0][index]
                reason = outcome.reason
                if outcome.failure == "time":
                    reason = f"the mutant exceeded its time limit of {wall:g} s ({CALLS} verifier calls of {timeout:g} s)"
                result = MutantResult(entry=entry_id, chapter=entry.chapter.key, index=index, operator=m.operator,
                                      description=m.description, status="error", verdict="error", reason=reason)
            results.append(result)
            if on_result:
                on_result(result)
    results.sort(key=lambda r: (r.entry, r.index))
    return results


def cmd_mutate(args) -> int:
    from rich.console import Console
    from rich.markup import escape
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
    from rich.table import Table

    import formulas

    from .run import plan, rates

    entries = [formulas.get(k) for k in args.ids] if args.ids else formulas.entries()
    jobs, operator_errors = plan(entries, sample=args.sample, seed=args.seed)
    progress = Progress(TextColumn("[bold]mutating"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                        console=Console(stderr=True), disable=args.json or not sys.stderr.isatty())
    with progress:
        task = progress.add_task("", total=len(jobs))
        results = run_sandboxed(jobs, timeout=args.timeout, budget=args.budget, memory_mib=args.memory,
                                processes=args.jobs, on_result=lambda r: progress.update(task, advance=1))
    summary = rates(results)
    ok = summary["overall"]["kill_rate"] >= BAR and not operator_errors
    if args.json:
        print(json.dumps({"summary": summary, "bar": BAR, "operator_errors": operator_errors,
                          "mutants": [r.__dict__ for r in results]}, indent=2))
        return 0 if ok else 1
    console = Console(highlight=False, width=160)
    for key, title in (("by_chapter", "Kill rate per chapter"), ("by_operator", "Kill rate per operator")):
        table = Table(title=title, title_justify="left")
        for col in ("", "mutants", "equivalent", "invalid", "killed", "survived", "errors", "kill rate"):
            table.add_column(col, justify="right" if col else "left")
        for name, row in list(summary[key].items()) + [("all", summary["overall"])]:
            table.add_row(name, *(str(row[k]) for k in ("mutants", "equivalent", "invalid", "killed", "survived",
                                                        "errors")),
                          f"{100 * row['kill_rate']:.1f} %")
        console.print(table)
    for status in ("survived", "error", "invalid", "equivalent"):
        rows = [r for r in results if r.status == status]
        if rows:
            console.print(f"\n[bold]{status} ({len(rows)})[/]")
            for r in rows:
                console.print(f"  {r.entry} #{r.index} [{r.operator}] {escape(r.description)} -- {escape(r.reason)}")
    for err in operator_errors:
        console.print(f"[red]{escape(err)}[/]")
    rate = summary["overall"]["kill_rate"]
    console.print(f"\nkill rate {100 * rate:.1f} % of non-equivalent mutants (bar {100 * BAR:.0f} %)")
    return 0 if ok else 1


def register(sub) -> None:
    from verify.sandbox.limits import MUTANTS, add_limit_options

    p = sub.add_parser("mutate", help="mutation-test the verifier on true catalog entries")
    p.add_argument("ids", nargs="*", help="entry ids or names (default: every true entry)")
    p.add_argument("--sample", type=int, default=None, help="run a fixed random sample of this many mutants")
    p.add_argument("--seed", type=int, default=0, help="seed of the sample")
    add_limit_options(p, MUTANTS, what="verifier call")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_mutate)
