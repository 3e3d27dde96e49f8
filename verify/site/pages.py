"""The generated parts of the site, as markers that hand-written pages hold (one per line).

::

    <!-- sheetproof:summary -->          verdict counts per chapter
    <!-- sheetproof:chapters -->         the list of chapter pages
    <!-- sheetproof:chapter KEY -->      every entry of one chapter (the generated chapter pages)
    <!-- sheetproof:errata -->           every seed claim wrong or garbled as printed
    <!-- sheetproof:layout-table -->     common derivatives in both layouts, with their assumptions
    <!-- sheetproof:cli -->              the help text of every ``sheetproof`` command
    <!-- sheetproof:user-guide -->       verify/userfile/GUIDE.md, or a short description

A marker that is not in :data:`EXPANDERS`, or one with a wrong argument, raises
:class:`~verify.site.markup.SiteError`.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from .data import chapter_label, chapter_page, entry_link
from .entry import entry_heading, render_entry, shown_flags, statement
from .latex import statement_latex, symbol_latex
from .markup import SiteError, badge, cell, fence, link, math_block, math_inline, md_escape
from .titles import display_title

__all__ = ["EXPANDERS", "MARKER", "GUIDE", "VERDICT_ORDER", "Context", "expand_markers", "chapter_markdown"]

MARKER = re.compile(r"<!--\s*sheetproof:(?P<name>[A-Za-z][A-Za-z0-9_-]*)(?P<args>[^>]*?)-->")
VERDICT_ORDER = ("proved", "confirmed", "refuted", "not-checkable", "error")
GUIDE = Path(__file__).resolve().parents[1] / "userfile" / "GUIDE.md"


class Context:
    """One build: the data (loaded on first use), the figures, and how to evaluate sides."""

    def __init__(self, data=None, figures=None, guide: Path | None = None):
        self._data = data
        self.figures = figures
        self.guide = guide or GUIDE

    @property
    def data(self):
        if self._data is None:
            from .data import load

            self._data = load()
        return self._data

    def evaluate_sides(self, entry, cx):
        from .sides import evaluate_sides

        return evaluate_sides(entry, cx)


def _no_args(name: str, args: list[str]) -> None:
    if args:
        raise SiteError(f"sheetproof:{name} takes no arguments, got {args!r}")


def _find_chapter(cat, key: str):
    for chapter in cat.chapters:
        if chapter.key == key:
            return chapter
    raise SiteError(f"sheetproof:chapter {key!r}: no such chapter; known: {[c.key for c in cat.chapters]}")


def _chapter_intro(chapter) -> list[str]:
    """The chapter module's header: first paragraph shown, the rest folded (and not indexed)."""
    import formulas  # noqa: F401  (the catalog imports the chapter modules and packages)

    doc = ""
    for name, module in sorted(sys.modules.items()):
        if name.startswith("formulas.") and getattr(module, "CHAPTER", None) == chapter and module.__doc__:
            doc = module.__doc__.strip()
            break
    if not doc:
        return []
    first, _, rest = doc.partition("\n\n")
    first_lines = first.splitlines()
    lead = " ".join(line.strip() for line in first_lines[1:] if line.strip())
    out = [md_escape(first_lines[0].strip().rstrip(".")) + "." + (" " + md_escape(lead) if lead else ""), ""]
    if rest.strip():
        out += ['<section data-search-exclude markdown>', "", '??? info "About this chapter (module header)"', ""]
        out += ["    " + line for line in fence(rest.rstrip()).split("\n")]
        out += ["", "</section>", ""]
    return out


def expand_chapter(ctx: Context, args: list[str], page: str) -> str:
    if len(args) != 1:
        raise SiteError(f"sheetproof:chapter takes one chapter key, got {args!r}")
    import formulas

    chapter = _find_chapter(formulas.catalog(), args[0])  # before any verification: a bad key fails fast
    data = ctx.data
    entries = data.catalog.in_chapter(chapter)
    out = _chapter_intro(chapter)
    counts = {v: sum(1 for e in entries if data.verdict(e) == v) for v in VERDICT_ORDER}
    out += [f"{len(entries)} entries: " + ", ".join(f"{n} {v}" for v, n in counts.items() if n) + ".", ""]
    out += ['<section class="sp-index" data-search-exclude markdown>', "", "| id | title | verdict |", "|---|---|---|"]
    for e in entries:
        out.append(f"| [`{e.id}`](#{e.id}) | {display_title(e.title).markdown.replace('|', '&#124;')} | "
                   f"{badge(data.verdict(e))} |")
    out += ["", "</section>", ""]
    for e in entries:
        out.append(render_entry(e, data.records[e.id], data.catalog, page, figures=ctx.figures,
                                evaluate_sides=ctx.evaluate_sides))
    return "\n".join(out)


def chapter_markdown(chapter) -> str:
    """The source of a generated chapter page (its marker is expanded like any other)."""
    import json

    label = chapter_label(chapter)  # quoted: a title may hold ": ", which YAML would read as a mapping
    return f"---\ntitle: {json.dumps(label)}\n---\n\n# {md_escape(label)}\n\n<!-- sheetproof:chapter {chapter.key} -->\n"


def expand_chapters(ctx: Context, args: list[str], page: str) -> str:
    _no_args("chapters", args)
    cat = ctx.data.catalog
    return "\n".join(f"- [{chapter_label(c)}]({link(chapter_page(c), None, page)}) -- "
                     f"{len(cat.in_chapter(c))} entries" for c in cat.chapters) + "\n"


def expand_summary(ctx: Context, args: list[str], page: str) -> str:
    _no_args("summary", args)
    data = ctx.data
    out = ["| chapter | " + " | ".join(VERDICT_ORDER) + " | total |", "|---|" + "---:|" * (len(VERDICT_ORDER) + 1)]
    for c in data.catalog.chapters:
        es = data.catalog.in_chapter(c)
        counts = [sum(1 for e in es if data.verdict(e) == v) for v in VERDICT_ORDER]
        out.append(f"| [{chapter_label(c)}]({link(chapter_page(c), None, page)}) | "
                   + " | ".join(map(str, counts)) + f" | {len(es)} |")
    totals = [sum(1 for r in data.records.values() if r["verdict"] == v) for v in VERDICT_ORDER]
    out.append("| **all** | " + " | ".join(map(str, totals)) + f" | {len(data.records)} |")
    out += ["", f"{len(data.errata)} claims of the cheat sheet are wrong or garbled as printed: see the "
                f"[errata]({link('errata.md', None, page)})."]
    return "\n".join(out) + "\n"


def expand_errata(ctx: Context, args: list[str], page: str) -> str:
    _no_args("errata", args)
    data, cat = ctx.data, ctx.data.catalog
    from .counterexample import counterexample_block

    out = []
    for chapter in cat.chapters:
        errata = [e for e in cat.in_chapter(chapter) if e in data.errata]
        if not errata:
            continue
        out += [f"## {md_escape(chapter_label(chapter))} {{ #errata-{chapter.key} data-search-exclude }}", ""]
        for e in errata:
            rec = data.records[e.id]
            a, b = e.seed.lines
            where = f"line {a}" if a == b else f"lines {a}–{b}"
            out += [entry_heading(e, 3, f"erratum-{e.id}", extra=" data-search-exclude"), ""]
            out += ['<section data-search-exclude markdown>', ""]
            out += [f"{badge(rec['verdict'])} · [`{e.id}`]({entry_link(e, page)}) · the cheat sheet, {where}:", ""]
            out += [fence(e.seed.quote, "text", ".sp-seed"), ""]
            if e.expr is not None:
                out += ["Read as:", "", math_block(statement(e)), ""]
            out += counterexample_block(e, rec, evaluate_sides=ctx.evaluate_sides)
            if rec["reason"] and not rec["counterexample"]:
                out += [f"**Why**: {md_escape(rec['reason'])}", ""]
            if e.corrected_by:
                fix = cat.get(e.corrected_by)
                out += [f"**Correct statement**: [{display_title(fix.title).markdown}]({entry_link(fix, page)}) "
                        f"({badge(data.verdict(fix))})", ""]
                if fix.expr is not None:
                    out += [math_block(statement(fix)), ""]
            else:
                out += ["**Correct statement**: none in the catalog.", ""]
            out += ["</section>", ""]
    return "\n".join(out)


def _derivative_rows(data):
    """Proved statements ``D(f, x) = rhs`` with no derivative on the right, each formula once."""
    from sympy import Eq, srepr, transpose

    from formulas.nodes import D

    seen = set()
    for e in data.catalog.entries:
        expr = e.expr
        if not isinstance(expr, Eq) or data.verdict(e) != "proved":
            continue
        lhs, rhs = expr.lhs, expr.rhs
        if not isinstance(lhs, D) or lhs.layout != "denominator" or rhs.has(D):
            continue
        key = (srepr(lhs), srepr(rhs))  # the seed repeats some lines: one row per formula
        if key in seen:
            continue
        seen.add(key)
        yield e, lhs, rhs, transpose(rhs)  # numerator layout: the transpose of the denominator form


def _assumptions(entry) -> str:
    """The declared assumptions that restrict the formula (symmetric, SPD, ...), and its constraints."""
    parts = []
    for name, sym in entry.declared.items():
        flags = shown_flags(sym)
        if flags and sym.kind in ("matrix", "vector", "scalar"):
            parts.append(f"{math_inline(symbol_latex(name))} {cell(', '.join(flags))}")
    parts += [math_inline(statement_latex(c)) for c in entry.constraints]
    return "; ".join(parts) or "–"


def expand_layout_table(ctx: Context, args: list[str], page: str) -> str:
    _no_args("layout-table", args)
    out = ["| derivative | variable | assumptions | denominator layout | numerator layout | entry |",
           "|---|---|---|---|---|---|"]
    n = 0
    for e, lhs, rhs, numerator in _derivative_rows(ctx.data):
        n += 1
        names = {**_names(e)}
        out.append(f"| {math_inline(statement_latex(lhs.f, names))} | {math_inline(statement_latex(lhs.v, names))} | "
                   f"{_assumptions(e)} | {math_inline(statement_latex(rhs, names))} | "
                   f"{math_inline(statement_latex(numerator, names))} | "
                   f"[{display_title(e.title).markdown.replace('|', '&#124;')}]({entry_link(e, page)}) |")
    if not n:
        raise SiteError("sheetproof:layout-table: the catalog has no proved derivative D(f, x) = ...")
    return "\n".join(out) + "\n"


def _names(entry) -> dict:
    from .latex import symbol_names

    return symbol_names(entry.expr)


def _subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:  # argparse has no public accessor for subparsers
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def _help(parser: argparse.ArgumentParser) -> str:
    parser.formatter_class = lambda prog: argparse.HelpFormatter(prog, width=88)
    return parser.format_help().rstrip()


def expand_cli(ctx: Context, args: list[str], page: str) -> str:
    _no_args("cli", args)
    from verify.cli import build_parser

    parser = build_parser()
    out = [fence(_help(parser)), ""]
    for name, sub in _subcommands(parser).items():
        out += [f"## `sheetproof {name}` {{ #sheetproof-{name} }}", "", fence(_help(sub)), ""]
    return "\n".join(out)


def _demote(markdown: str) -> str:
    """Every ATX heading one level down (``##`` -> ``###``), fenced code left alone."""
    out, fenced = [], None
    for line in markdown.split("\n"):
        m = re.match(r"^(`{3,}|~{3,})", line)
        if m and (fenced is None or m[1].startswith(fenced)):
            fenced = None if fenced else m[1]
        elif fenced is None and re.match(r"^#{1,5} ", line):
            line = "#" + line
        out.append(line)
    return "\n".join(out)


def expand_user_guide(ctx: Context, args: list[str], page: str) -> str:
    _no_args("user-guide", args)
    if ctx.guide.is_file():
        text = ctx.guide.read_text(encoding="utf-8")
        # The page's own section heading stands for the guide's title; its sections nest below it.
        return _demote(re.sub(r"\A\s*# [^\n]*\n", "", text))
    return ("`sheetproof check FILE...` checks identities you write yourself, declared with the same "
            "symbol grammar as the catalog; it exits 0 when every claim holds, 1 when any is refuted and "
            "2 on input errors. See the [command line](" + link("cli.md", None, page) + ") page.\n")


EXPANDERS = {
    "summary": expand_summary,
    "chapters": expand_chapters,
    "chapter": expand_chapter,
    "errata": expand_errata,
    "layout-table": expand_layout_table,
    "cli": expand_cli,
    "user-guide": expand_user_guide,
}


def expand_markers(ctx: Context, markdown: str, page: str) -> str:
    """Replace every ``<!-- sheetproof:NAME ARGS -->``; an unknown NAME raises :class:`SiteError`."""

    def replace(match: re.Match) -> str:
        name, args = match["name"], match["args"].split()
        if name not in EXPANDERS:
            raise SiteError(f"{page}: unknown marker 'sheetproof:{name}'; known: {sorted(EXPANDERS)}")
        return EXPANDERS[name](ctx, args, page)

    return MARKER.sub(replace, markdown)
