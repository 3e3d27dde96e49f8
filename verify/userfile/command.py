"""``sheetproof check FILE... [--json] [--timeout S] [--budget S] [--memory MIB] [--jobs N] [--progress]``.

Exit status: 0 when every identity meets its expectation (holds, or ``expect:
refuted``), 1 when any does not (refuted, or not decided: ``error`` /
``not-checkable``), 2 on any input error (unreadable file, malformed YAML, a
field or claim outside the format, an identity too large to check) -- the other
identities are still checked.

Each identity is built and checked in a worker process (:mod:`verify.sandbox`):
``--timeout`` seconds per identity (default 30; the kernel also stops it at about
as much CPU time), ``--memory`` MiB per worker (default 2048), ``--budget``
seconds for the run (default 600: identities not started by then are reported as
``error``, "run budget exhausted"), ``--jobs`` workers (default: one per CPU).
In text output every string from the files is printed with its control
characters escaped (:func:`verify.sandbox.text.terminal_safe`); ``--json`` is exact.
"""

from __future__ import annotations

import json
import sys

from verify.sandbox.limits import UNTRUSTED, add_limit_options
from verify.sandbox.text import terminal_safe

__all__ = ["register", "cmd_check"]


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "check", help="check your own identities from YAML files (see 'Check your own identities' in README)",
        description="Check the identities of YAML files. Exit status: 0 all hold, 1 any refuted or undecided, "
                    "2 input errors.")
    p.add_argument("files", nargs="+", metavar="FILE", help="identity files (YAML) or notes (.md, .tex, or any file with a NAME.sheetproof.yaml sidecar)")
    p.add_argument("--json", action="store_true", help="print the machine-readable report")
    add_limit_options(p, UNTRUSTED, what="identity")
    p.add_argument("--progress", action="store_true", help="show the progress bar even when not on a terminal")
    p.set_defaults(func=cmd_check)


def _progress(args, total: int):
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from verify.cli import _console

    return Progress(TextColumn("[bold]checking"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                    TextColumn("{task.description}"), console=_console(stderr=True),
                    disable=args.json or (not sys.stderr.isatty() and not args.progress) or total == 0)


def _summary(result) -> str:
    r = result.result
    if r.counterexample:
        return "counterexample: " + json.dumps(r.counterexample, default=str)
    return r.scope or r.reason or ""


def _safe(text) -> str:
    """User text for the terminal: control characters escaped, then rich markup escaped."""
    from rich.markup import escape

    return escape(terminal_safe(text))


def cmd_check(args) -> int:
    from rich.table import Table

    from verify.cli import VERDICT_STYLE, _console

    from .api import check_loaded
    from .loader import load_file

    loaded = [load_file(path) for path in args.files]
    total = sum(len(f.identities) for f in loaded)
    with _progress(args, total) as progress:
        task = progress.add_task("", total=total)
        report = check_loaded(loaded, timeout=args.timeout, budget=args.budget, memory_mib=args.memory,
                              jobs=args.jobs, on_result=lambda identity, result: progress.update(
                                  task, advance=1, description=_safe(identity.id)))
    if args.json:
        print(json.dumps(report.to_json(), indent=2, default=str))
        return report.exit_status
    console = _console()
    for f in loaded:
        rows = [r for r in report.results if r.identity.file == f.file]
        if not rows:
            continue
        table = Table(title=_safe(f.file or "identities"), title_justify="left")
        table.add_column("id", style="cyan", no_wrap=True)
        table.add_column("title", overflow="fold", max_width=40)
        table.add_column("verdict", no_wrap=True)
        table.add_column("scope / reason / counterexample", overflow="fold", max_width=70)
        table.add_column("s", justify="right")
        for r in rows:
            verdict = r.result.verdict.value
            cell = f"[{VERDICT_STYLE[verdict]}]{verdict}[/]"
            if r.identity.expect == "refuted":
                cell += " [dim](expected)[/]" if r.passed else " [bold red](expected refuted)[/]"
            table.add_row(_safe(r.identity.id), _safe(r.identity.title or ""), cell, _safe(_summary(r)),
                          f"{r.result.seconds:.2f}")
        console.print(table)
    for err in report.errors:
        console.print(f"[bold red]input error[/] {_safe(str(err))}")
    failed = [r for r in report.results if not r.passed]
    held = len(report.results) - len(failed)
    line = f"{len(report.results)} identities checked: {held} as expected, {len(failed)} not"
    if report.errors:
        line += f"; {len(report.errors)} input error(s)"
    style = {0: "green", 1: "bold red", 2: "bold red"}[report.exit_status]
    console.print(f"[{style}]{line}[/]" + (": " + _safe(", ".join(r.identity.id for r in failed)) if failed else ""))
    return report.exit_status
