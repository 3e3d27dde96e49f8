"""``sheetproof check FILE... [--json] [--timeout S] [--progress]``: verify a user's identity files.

Exit status: 0 when every identity meets its expectation (holds, or ``expect:
refuted``), 1 when any does not (refuted, or not decided: ``error`` /
``not-checkable``), 2 on any input error (unreadable file, malformed YAML, a
field or claim outside the format) -- the other identities are still checked.
"""

from __future__ import annotations

import json
import sys

__all__ = ["register", "cmd_check"]


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "check", help="check your own identities from YAML files (see 'Check your own identities' in README)",
        description="Check the identities of YAML files. Exit status: 0 all hold, 1 any refuted or undecided, "
                    "2 input errors.")
    p.add_argument("files", nargs="+", metavar="FILE", help="identity files (YAML)")
    p.add_argument("--json", action="store_true", help="print the machine-readable report")
    p.add_argument("--timeout", type=float, default=60.0, help="seconds allowed per identity (default 60)")
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


def cmd_check(args) -> int:
    from rich.markup import escape
    from rich.table import Table

    from verify.cli import VERDICT_STYLE, _console

    from .api import check_loaded
    from .loader import load_file

    loaded = [load_file(path) for path in args.files]
    total = sum(len(f.identities) for f in loaded)
    with _progress(args, total) as progress:
        task = progress.add_task("", total=total)
        report = check_loaded(loaded, timeout=args.timeout,
                              on_result=lambda identity, result: progress.update(
                                  task, advance=1, description=escape(identity.id)))
    if args.json:
        print(json.dumps(report.to_json(), indent=2, default=str))
        return report.exit_status
    console = _console()
    for f in loaded:
        rows = [r for r in report.results if r.identity.file == f.file]
        if not rows:
            continue
        table = Table(title=escape(f.file or "identities"), title_justify="left")
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
            table.add_row(escape(r.identity.id), escape(r.identity.title or ""), cell, escape(_summary(r)),
                          f"{r.result.seconds:.2f}")
        console.print(table)
    for err in report.errors:
        console.print(f"[bold red]input error[/] {escape(str(err))}")
    failed = [r for r in report.results if not r.passed]
    held = len(report.results) - len(failed)
    line = f"{len(report.results)} identities checked: {held} as expected, {len(failed)} not"
    if report.errors:
        line += f"; {len(report.errors)} input error(s)"
    style = {0: "green", 1: "bold red", 2: "bold red"}[report.exit_status]
    console.print(f"[{style}]{line}[/]" + (": " + escape(", ".join(r.identity.id for r in failed)) if failed else ""))
    return report.exit_status
