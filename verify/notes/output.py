"""Reports of a notes check: a table per file (text), and GitHub Actions annotations (``--format github``).

Text: for each claim its line and column, the formula as written and the claim as
understood, the verdict and its evidence (scope, counterexample or witness, or why
it could not be read); then the relations read as notation, and a summary line.

GitHub: one ``::error file=F,line=L,col=C,title=T::message`` line per claim that
fails (refuted, undecided, or unreadable) and per file error, so that CI marks the
line in a pull request; a plain summary line last.
"""

from __future__ import annotations

import json

__all__ = ["print_text", "github_lines", "annotation", "evidence"]


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(level: str, message: str, *, file: str | None = None, line: int | None = None,
               col: int | None = None, title: str | None = None) -> str:
    """One workflow command, escaped as GitHub documents it."""
    props = []
    if file:
        props.append(f"file={_escape_property(file)}")
    if line:
        props.append(f"line={line}")
    if col:
        props.append(f"col={col}")
    if title:
        props.append(f"title={_escape_property(title)}")
    return f"::{level} {','.join(props)}::{_escape_data(message)}" if props else f"::{level}::{_escape_data(message)}"


def evidence(r) -> str:
    """Scope, witness, counterexample or reason of a result, in one line."""
    res = r.result
    if getattr(r, "witness", None):
        return "witness: " + json.dumps(r.witness, default=str)
    if res.counterexample:
        return "counterexample: " + json.dumps(res.counterexample, default=str)
    parts = [p for p in (res.scope, res.reason) if p]
    if not parts:  # evidence only: say what held
        parts = [f"{m.engine}: {m.detail}" for m in res.methods if m.outcome == "holds"][:2]
    return "; ".join(parts)


def _want(expect: str) -> str:
    return "refuted" if expect == "refuted" else "proved or confirmed"


def github_lines(notes_report=None, yaml_report=None) -> list[str]:
    out = []
    failed = checked = 0
    if yaml_report is not None:
        for r in yaml_report.results:
            checked += 1
            if not r.passed:
                failed += 1
                out.append(annotation("error", f"{r.identity.claim}: {r.result.verdict.value} (expected "
                                      f"{_want(r.identity.expect)}); {evidence(r)}", file=r.identity.file,
                                      title=f"sheetproof {r.identity.id}: {r.result.verdict.value}"))
        for e in yaml_report.errors:
            out.append(annotation("error", e.message, file=e.file, title="sheetproof: input error"))
    if notes_report is not None:
        for r in notes_report.results:
            checked += 1
            c = r.claim
            if not r.passed:
                failed += 1
                out.append(annotation("error", f"{c.latex}  read as  {c.claim}: {r.result.verdict.value} (expected "
                                      f"{_want(c.expect)}); {evidence(r)}", file=c.file, line=c.line, col=c.column,
                                      title=f"sheetproof {c.id}: {r.result.verdict.value}"))
        for c in notes_report.unreadable:
            out.append(annotation("error", f"cannot read {c.latex}: {c.error}", file=c.file, line=c.line,
                                  col=c.column, title=f"sheetproof {c.id}: unreadable"))
        for e in notes_report.errors:
            out.append(annotation("error", e.message, file=e.file, title="sheetproof: input error"))
    errors = (len(notes_report.unreadable) + len(notes_report.errors) if notes_report else 0) + (
        len(yaml_report.errors) if yaml_report else 0)
    out.append(f"sheetproof: {checked} claims checked, {checked - failed} as expected, {failed} not; "
               f"{errors} input error(s)")
    return out


def print_text(report, console) -> None:
    from rich.markup import escape
    from rich.table import Table

    from verify.cli import VERDICT_STYLE

    files: dict[str, list] = {}
    for r in report.results:
        files.setdefault(r.claim.file, []).append(("result", r.claim.line, r))
    for c in report.unreadable:
        files.setdefault(c.file, []).append(("unreadable", c.line, c))
    for c in report.skipped:
        files.setdefault(c.file, []).append(("skipped", c.line, c))
    for name, rows in files.items():
        table = Table(title=escape(name), title_justify="left", show_lines=True)
        table.add_column("line", justify="right", no_wrap=True)
        table.add_column("id", style="cyan", no_wrap=True)
        table.add_column("as written / as understood", overflow="fold", max_width=64)
        table.add_column("verdict", no_wrap=True)
        table.add_column("evidence", overflow="fold", max_width=56)
        def place(row):
            kind, line, item = row
            return line, (item.claim if kind == "result" else item).column

        for kind, _, item in sorted(rows, key=place):
            c = item.claim if kind == "result" else item
            text = escape(c.latex) + ("\n[bold]" + escape(c.claim) + "[/]" if c.claim else "")
            if getattr(c, "because", None):
                text += "\n[italic]a declared reading: " + escape(c.because) + "[/]"
            where = f"{c.line}:{c.column}"
            if kind == "result":
                v = item.result.verdict.value
                cell = f"[{VERDICT_STYLE[v]}]{v}[/]"
                if c.expect == "refuted":
                    cell += " [dim](expected)[/]" if item.passed else " [bold red](expected refuted)[/]"
                table.add_row(where, escape(c.id), text, cell, escape(evidence(item)))
            elif kind == "unreadable":
                table.add_row(where, escape(c.id), text, "[bold red]unreadable[/]", escape(c.error or ""))
            else:
                table.add_row(where, escape(c.id), text, "[dim]skipped[/]", escape(c.skip or ""))
        console.print(table)
    if report.not_claims:
        console.print(f"[dim]{len(report.not_claims)} relation(s) read as notation, not claims:[/]")
        for n in report.not_claims:
            console.print(f"[dim]  {escape(n.file)}:{n.line}:{n.column}  {escape(n.latex)} -- {escape(n.why)}[/]")
    for e in report.errors:
        console.print(f"[bold red]input error[/] {escape(str(e))}")
    failed = [r for r in report.results if not r.passed]
    line = (f"{len(report.results)} claims checked: {len(report.results) - len(failed)} as expected, {len(failed)} "
            f"not; {len(report.unreadable)} unreadable, {len(report.skipped)} skipped")
    if report.errors:
        line += f"; {len(report.errors)} file error(s)"
    style = {0: "green", 1: "bold red", 2: "bold red"}[report.exit_status]
    console.print(f"[{style}]{line}[/]" + (": " + escape(", ".join(r.claim.id for r in failed)) if failed else ""))
