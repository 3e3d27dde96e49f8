"""``sheetproof``: verify the catalog, look entries up, list the errata.

Commands::

    sheetproof verify [IDS...] [--json] [--no-cache] [--timeout S] [--budget S] [--memory MIB] [--jobs N]
    sheetproof show ID [--json]
    sheetproof search TEXT [--limit N] [--json]
    sheetproof errata [--json]
    sheetproof coverage [--json]
    sheetproof check FILE... [--json] [--format text|json|github] [--timeout S] [--budget S] [--memory MIB]
                             [--jobs N]   # identity YAML, Markdown or LaTeX notes
    sheetproof site [--out DIR] [--build] [--generator mkdocs|zensical]

``verify`` exits 1 when any entry's verdict differs from the verdict the catalog
records as expected for it (a regression gate); ``check`` exits 0 when every
claim holds, 1 when any is refuted, 2 on input errors.
"""

from __future__ import annotations

import argparse
import json
import sys

__all__ = ["main"]

VERDICT_STYLE = {"proved": "bold green", "confirmed": "green", "refuted": "bold red",
                 "not-checkable": "yellow", "error": "bold magenta"}
VERDICT_ORDER = ["proved", "confirmed", "refuted", "not-checkable", "error"]


def _console(stderr=False):
    from rich.console import Console

    stream = sys.stderr if stderr else sys.stdout
    width = None if stream.isatty() else 160
    return Console(stderr=stderr, highlight=False, soft_wrap=False, width=width)


def _select(ids):
    import formulas

    if not ids:
        return formulas.entries()
    out = []
    for key in ids:
        try:
            out.append(formulas.get(key))
        except KeyError as err:
            raise SystemExit(f"sheetproof: {err.args[0]}") from None
    return out


def _run(entries, args, console):
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from .run import run_entries

    progress = Progress(TextColumn("[bold]verifying"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                        TextColumn("{task.description}"), console=_console(stderr=True),
                        disable=args.json or not sys.stderr.isatty() and not args.progress)
    with progress:
        task = progress.add_task("", total=len(entries))

        def on_result(entry, result, cached):
            progress.update(task, advance=1, description=entry.id + (" (cached)" if cached else ""))

        return run_entries(entries, use_cache=not args.no_cache, timeout=args.timeout, jobs=args.jobs,
                           budget=args.budget, memory_mib=args.memory, on_result=on_result)


def cmd_verify(args) -> int:
    from rich.table import Table

    from .report import record

    console = _console()
    entries = _select(args.ids)
    results = _run(entries, args, console)
    records = [record(e, r, full=args.json) for e, r in zip(entries, results, strict=True)]
    regressions = [r for r in records if r["verdict"] != r["expected_verdict"]]
    if args.json:
        print(json.dumps(records, indent=2, default=str))
        return 1 if regressions else 0
    chapters: dict[str, list] = {}
    for r in records:
        chapters.setdefault(r["chapter"], []).append(r)
    for chapter, rows in chapters.items():
        table = Table(title=chapter, title_justify="left", show_lines=False, expand=False)
        table.add_column("id", style="cyan", no_wrap=True)
        table.add_column("title", overflow="fold", max_width=60)
        table.add_column("verdict", no_wrap=True)
        table.add_column("scope / reason", overflow="fold", max_width=48)
        table.add_column("s", justify="right")
        for r in rows:
            verdict = f"[{VERDICT_STYLE[r['verdict']]}]{r['verdict']}[/]"
            if r["verdict"] != r["expected_verdict"]:
                verdict += f" [bold red](expected {r['expected_verdict']})[/]"
            table.add_row(r["id"], r["title"], verdict, r["scope"] or (r["reason"] or "")[:120], f"{r['seconds']:.2f}")
        console.print(table)
    summary = Table(title="Summary", title_justify="left")
    summary.add_column("chapter")
    for v in VERDICT_ORDER:
        summary.add_column(v, justify="right")
    summary.add_column("total", justify="right")
    for chapter, rows in chapters.items():
        counts = [sum(1 for r in rows if r["verdict"] == v) for v in VERDICT_ORDER]
        summary.add_row(chapter, *map(str, counts), str(len(rows)))
    totals = [sum(1 for r in records if r["verdict"] == v) for v in VERDICT_ORDER]
    summary.add_row("[bold]all[/]", *map(str, totals), str(len(records)))
    console.print(summary)
    if regressions:
        console.print(f"[bold red]{len(regressions)} verdict(s) differ from the catalog's expectation:[/] "
                      + ", ".join(r["id"] for r in regressions))
        return 1
    console.print(f"[green]all {len(records)} verdicts match the catalog's expectations[/]")
    return 0


def _format_value(v) -> str:
    return json.dumps(v, default=str) if not isinstance(v, str) else v


def cmd_show(args) -> int:
    from rich.markup import escape

    import formulas

    from .report import record
    from .run import run_entries

    try:
        entry = formulas.get(args.id)
    except KeyError as err:
        print(f"sheetproof: {err.args[0]}", file=sys.stderr)
        return 2
    (result,) = run_entries([entry], use_cache=not args.no_cache, timeout=args.timeout, jobs=1, budget=args.budget,
                            memory_mib=args.memory)
    rec = record(entry, result)
    if args.json:
        print(json.dumps(rec, indent=2, default=str))
        return 0
    console = _console()
    console.print(f"[bold cyan]{rec['id']}[/]  [bold]{rec['title']}[/]  ({rec['name']}, {rec['chapter']})")
    from sympy import pretty

    if entry.expr is not None:
        console.print("\n[bold]Statement[/]")
        console.print(pretty(entry.expr, use_unicode=True), markup=False)
        console.print(f"LaTeX: {rec['latex']}", markup=False)
    if rec["seed_quote"]:
        a, b = rec["seed_lines"]
        console.print(f"\n[bold]Seed, lines {a}-{b}[/] (verbatim)")
        console.print(rec["seed_quote"], markup=False)
    if rec["symbols"]:
        console.print("\n[bold]Symbols[/]")
        for name, sym in entry.declared.items():
            flags = ", ".join(sorted(sym.flags - {"real", "square"}))
            console.print(f"  {name}: {sym.shape_text}" + (f" ({flags})" if flags else ""), markup=False)
        for g in rec["given"]:
            console.print(f"  given: {g}", markup=False)
        for c in entry.constraints:
            console.print(f"  where: {c}", markup=False)
    style = VERDICT_STYLE[rec["verdict"]]
    console.print(f"\n[bold]Verdict[/]: [{style}]{rec['verdict']}[/]"
                  + (f"  scope: {rec['scope']}" if rec["scope"] else "")
                  + ("" if rec["verdict"] == rec["expected_verdict"] else f"  [red](expected {rec['expected_verdict']})[/]"))
    if rec["reason"]:
        console.print(f"Reason: {rec['reason']}", markup=False)
    if rec["methods"]:
        console.print("[bold]How it was checked[/]")
        for m in rec["methods"]:
            console.print(f"  {m['engine']}: {m['outcome']} -- {m['detail']} ({m['seconds']:.2f} s)", markup=False)
    for c in rec["conflicts"]:
        console.print(f"[magenta]Conflict:[/] {c}")
    if rec["counterexample"]:
        console.print("[bold]Counterexample[/]")
        for k, v in rec["counterexample"].items():
            console.print(f"  {k}: {_format_value(v)}", markup=False)
    if rec["corrected_by"]:
        fix = formulas.get(rec["corrected_by"])
        console.print(f"\n[bold]Corrected statement[/] ({fix.id}): {fix.title}")
        if fix.expr is not None:
            console.print(pretty(fix.expr, use_unicode=True), markup=False)
    corrects = [e.id for e in formulas.catalog().corrections_of(entry)]
    if corrects:
        console.print(f"Corrects: {', '.join(corrects)}")
    if rec["notes"]:
        console.print(f"\n[bold]Notes[/]: {escape(rec['notes'])}")
    for label, key in (("References", "references"), ("See also", "see_also"), ("Code", "code"),
                       ("Aliases", "aliases"), ("Tags", "tags")):
        if rec[key]:
            console.print(f"[bold]{label}[/]: " + escape("; ".join(rec[key])))
    return 0


def cmd_search(args) -> int:
    from .search import search

    hits = search(args.text, limit=args.limit)
    if args.json:
        print(json.dumps([{"id": e.id, "name": e.name, "title": e.title, "score": round(s, 3)} for e, s in hits],
                         indent=2))
        return 0 if hits else 1
    console = _console()
    if not hits:
        console.print(f"no entry matches {args.text!r}")
        return 1
    for e, s in hits:
        console.print(f"[cyan]{e.id:45}[/] {e.title}  [dim]({e.name}, {s:.2f})[/]")
    return 0


def cmd_errata(args) -> int:
    import formulas

    from .report import is_erratum, record

    entries = [e for e in formulas.entries() if is_erratum(e)]
    results = _run(entries, args, _console())
    records = [record(e, r) for e, r in zip(entries, results, strict=True)]
    for rec in records:
        if rec["corrected_by"]:
            fix = formulas.get(rec["corrected_by"])
            rec["corrected_statement"] = {"id": fix.id, "title": fix.title, "latex": fix.latex}
        else:
            rec["corrected_statement"] = None
    if args.json:
        print(json.dumps(records, indent=2, default=str))
        return 0
    console = _console()
    console.print(f"[bold]{len(records)} claims of the cheat sheet are wrong or garbled as printed[/]\n")
    for rec in records:
        a, b = rec["seed_lines"]
        style = VERDICT_STYLE[rec["verdict"]]
        console.print(f"[cyan]{rec['id']}[/]  lines {a}-{b}  [{style}]{rec['verdict']}[/]  {rec['title']}")
        console.print("  printed: " + rec["seed_quote"].replace("\n", "\n           "), markup=False)
        if rec["counterexample"]:
            console.print("  counterexample: " + json.dumps(rec["counterexample"], default=str), markup=False)
        elif rec["reason"]:
            console.print("  why: " + rec["reason"], markup=False)
        if rec["corrected_statement"]:
            fix = rec["corrected_statement"]
            console.print(f"  corrected ({fix['id']}): {fix['title']}", markup=False)
        console.print()
    return 0


# Further subcommands live in their own modules; each defines ``register(subparsers)``.
# Add a module here to add its command (one line per command).
EXTRA_COMMANDS: tuple[str, ...] = (
    "verify.coverage_command",
    "verify.mutate.command",
    "verify.userfile.command",
    "verify.site.command",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sheetproof",
        description="Verify the deep-learning cheat sheet's identities: every claim proved symbolically, "
                    "confirmed numerically, refuted with a counterexample, or marked not checkable with the "
                    "reason. Derivatives use denominator layout.")
    sub = parser.add_subparsers(dest="command", required=True)

    def run_opts(p):
        from .sandbox.limits import CATALOG, add_limit_options

        p.add_argument("--no-cache", action="store_true", help="ignore cached results and check again")
        add_limit_options(p, CATALOG, what="entry")
        p.add_argument("--progress", action="store_true", help="show the progress bar even when not on a terminal")

    p = sub.add_parser("verify", help="check catalog entries and print a table per chapter and a summary")
    p.add_argument("ids", nargs="*", help="entry ids or names (default: the whole catalog)")
    p.add_argument("--json", action="store_true", help="print the machine-readable result")
    run_opts(p)
    p.set_defaults(func=cmd_verify)

    p = sub.add_parser("show", help="print one entry with its verdict and evidence")
    p.add_argument("id", help="entry id or name")
    p.add_argument("--json", action="store_true")
    run_opts(p)
    p.set_defaults(func=cmd_show)

    p = sub.add_parser("search", help="find entries by id, name, title, aliases, tags and seed wording")
    p.add_argument("text")
    p.add_argument("--limit", type=int, default=10)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_search)

    p = sub.add_parser("errata", help="list every seed claim that is wrong or garbled as printed")
    p.add_argument("--json", action="store_true")
    run_opts(p)
    p.set_defaults(func=cmd_errata)

    import importlib

    for module in EXTRA_COMMANDS:
        importlib.import_module(module).register(sub)
    importlib.import_module("verify.notes.command").extend_check(sub)  # .md/.tex notes, --format github
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
