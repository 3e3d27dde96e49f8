"""``sheetproof coverage``: the map from cheat-sheet lines to catalog entries."""

from __future__ import annotations

import json

__all__ = ["register"]


def _ranges(numbers: list[int]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for n in numbers:
        if out and n == out[-1][1] + 1:
            out[-1] = (out[-1][0], n)
        else:
            out.append((n, n))
    return out


def cmd_coverage(args) -> int:
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    from formulas.coverage import coverage, summary

    statuses = coverage()
    info = summary(statuses)
    if args.json:
        print(json.dumps({"summary": info, "lines": [s.__dict__ for s in statuses]}, indent=2))
        return 0 if not info["unaccounted"] else 1
    console = Console(highlight=False, width=160)
    if args.lines:
        table = Table(title="Seed lines", title_justify="left")
        for col in ("line", "kind", "ids / reason", "text"):
            table.add_column(col, overflow="fold")
        for s in statuses:
            if s.kind == "blank":
                continue
            table.add_row(str(s.number), s.kind, escape(", ".join(s.ids) or s.reason), escape(s.text[:70]))
        console.print(table)
    counts = Table(title="Coverage of the cheat sheet", title_justify="left")
    counts.add_column("kind")
    counts.add_column("lines", justify="right")
    for kind in ("entry", "duplicate", "explained", "heading", "unaccounted", "blank"):
        counts.add_row(kind, str(info["counts"].get(kind, 0)))
    console.print(counts)
    console.print(f"{info['accounted']} of {info['nonblank']} non-blank lines accounted for "
                  f"({100 * info['share']:.1f} %)")
    if info["unaccounted"]:
        text = ", ".join(f"{a}-{b}" if a != b else str(a) for a, b in _ranges(info["unaccounted"]))
        console.print(f"[red]unaccounted lines:[/] {text}")
        return 1
    return 0


def register(sub) -> None:
    p = sub.add_parser("coverage", help="map every line of the cheat sheet to entries or an explanation")
    p.add_argument("--json", action="store_true", help="print the map as JSON")
    p.add_argument("--lines", action="store_true", help="print every non-blank line with its status")
    p.set_defaults(func=cmd_coverage)
