"""``sheetproof mutate``: how many of the authors' typical mistakes would the verifier catch?"""

from __future__ import annotations

import json
import os
import sys

__all__ = ["register"]

BAR = 0.98


def cmd_mutate(args) -> int:
    from rich.console import Console
    from rich.markup import escape
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
    from rich.table import Table

    import formulas

    from .run import plan, rates, run_mutants

    entries = [formulas.get(k) for k in args.ids] if args.ids else formulas.entries()
    jobs, operator_errors = plan(entries, sample=args.sample, seed=args.seed)
    progress = Progress(TextColumn("[bold]mutating"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                        console=Console(stderr=True), disable=args.json or not sys.stderr.isatty())
    with progress:
        task = progress.add_task("", total=len(jobs))
        results = run_mutants(jobs, timeout=args.timeout, processes=args.jobs or os.cpu_count() or 1,
                              on_result=lambda r: progress.update(task, advance=1))
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
    p = sub.add_parser("mutate", help="mutation-test the verifier on true catalog entries")
    p.add_argument("ids", nargs="*", help="entry ids or names (default: every true entry)")
    p.add_argument("--sample", type=int, default=None, help="run a fixed random sample of this many mutants")
    p.add_argument("--seed", type=int, default=0, help="seed of the sample")
    p.add_argument("--timeout", type=float, default=30.0, help="seconds per mutant check")
    p.add_argument("--jobs", type=int, default=None, help="worker processes (default: one per CPU)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_mutate)
