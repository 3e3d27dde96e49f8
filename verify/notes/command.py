"""``sheetproof check`` for notes: ``.md`` / ``.tex`` files (or any file with a sidecar), and ``--format``.

:func:`extend_check` adds to the ``check`` command registered by
:mod:`verify.userfile.command`: files that are notes go to :mod:`verify.notes`, the
rest (identity YAML files) to the identity checker, and ``--format github`` prints
GitHub Actions annotations for both.  Exit status as for identity files: 0 every
claim as expected, 1 any refuted or undecided, 2 any input error (a file, a header,
an equation that cannot be read).
"""

from __future__ import annotations

import json
import sys

__all__ = ["extend_check", "dispatch"]

HELP = ("Markdown (.md) and LaTeX (.tex) notes are read too: every relation in display math is a claim "
        "(see docs/notes.md). --format github prints GitHub Actions annotations.")


def _add(parser, flag: str, **kwargs) -> None:
    if flag not in parser._option_string_actions:  # another module may have added it already
        parser.add_argument(flag, **kwargs)


def extend_check(subparsers) -> None:
    """Teach the ``check`` subcommand notes files and ``--format``; call once the command is registered."""
    parser = subparsers.choices["check"]
    parser.description = f"{parser.description or ''} {HELP}".strip()
    _add(parser, "--format", choices=("text", "json", "github"), default=None,
         help="report format: text (default), json (same as --json), github (GitHub Actions annotations)")
    _add(parser, "--jobs", type=int, default=None,
         help="worker processes for notes files (default: one per CPU)")
    yaml_check = parser.get_default("func")
    parser.set_defaults(func=lambda args: dispatch(args, yaml_check))


def dispatch(args, yaml_check) -> int:
    from .document import notes_format

    fmt = args.format or ("json" if getattr(args, "json", False) else "text")
    notes = [f for f in args.files if notes_format(f) is not None]
    if not notes and fmt != "github":
        args.json = fmt == "json"
        return yaml_check(args)
    return _run(args, fmt, notes, [f for f in args.files if f not in notes], yaml_check)


def _run(args, fmt: str, notes: list[str], yaml_files: list[str], yaml_check) -> int:
    from rich.markup import escape

    from verify.cli import _console
    from verify.sandbox.limits import UNTRUSTED
    from verify.userfile.api import check_loaded
    from verify.userfile.loader import load_file

    from .document import load_notes
    from .output import github_lines, print_text
    from .runner import check_loaded_notes

    loaded = [load_notes(p) for p in notes]
    total = sum(1 for f in loaded for c in f.claims if c.readable and c.skip is None)
    progress = _progress(args, fmt, total)
    with progress:
        task = progress.add_task("", total=total)
        report = check_loaded_notes(loaded, timeout=args.timeout, jobs=getattr(args, "jobs", None),
                                    budget=getattr(args, "budget", None), memory_mib=getattr(args, "memory", None),
                                    on_result=lambda claim, result: progress.update(
                                        task, advance=1, description=escape(claim.id)))
    if fmt == "text":
        status = report.exit_status
        if yaml_files:
            args.files, args.json = yaml_files, False
            status = max(status, yaml_check(args))
        print_text(report, _console())
        return status
    yaml_report = check_loaded([load_file(p) for p in yaml_files], timeout=args.timeout,
                               jobs=getattr(args, "jobs", None), budget=getattr(args, "budget", None),
                               memory_mib=getattr(args, "memory", None) or UNTRUSTED.memory_mib) if yaml_files else None
    status = max(report.exit_status, yaml_report.exit_status if yaml_report else 0)
    if fmt == "github":
        print("\n".join(github_lines(report, yaml_report)))
        return status
    data = report.to_json()
    if yaml_report is not None:
        other = yaml_report.to_json()
        data["results"] = other["results"] + data["results"]
        data["errors"] = other["errors"] + data["errors"]
    data["exit_status"] = status
    print(json.dumps(data, indent=2, default=str))
    return status


def _progress(args, fmt: str, total: int):
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from verify.cli import _console

    return Progress(TextColumn("[bold]checking"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                    TextColumn("{task.description}"), console=_console(stderr=True),
                    disable=fmt != "text" or (not sys.stderr.isatty() and not getattr(args, "progress", False))
                    or total == 0)
