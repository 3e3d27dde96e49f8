"""mkdocs hook: the reference site, generated from the catalog and the cached results.

Hand-written pages hold markers, one per line, that this hook expands from the
registry (``formulas.catalog()``) and the verification results
(``verify.run.run_entries(..., use_cache=True)``: fresh results are read from the
cache, stale ones are checked once)::

    <!-- sheetproof:summary -->          verdict counts per chapter
    <!-- sheetproof:chapters -->         the list of chapter pages
    <!-- sheetproof:chapter KEY -->      every entry of one chapter
    <!-- sheetproof:errata -->           every seed claim wrong or garbled as printed
    <!-- sheetproof:layout-table -->     common derivatives in both layouts
    <!-- sheetproof:cli -->              the help text of every ``sheetproof`` command
    <!-- sheetproof:user-guide -->       verify/userfile/GUIDE.md, or a short description

A marker that is not in :data:`EXPANDERS`, or one with a wrong argument, fails the
build.  Chapter pages are generated (``on_files``), one per catalog chapter, and
added to the navigation (``on_config``), so a new chapter needs no hand edits.
"""

from __future__ import annotations

import argparse
import html
import json
import logging
import posixpath
import re
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

__all__ = ["EXPANDERS", "expand_markers", "on_config", "on_files", "on_page_markdown"]

log = logging.getLogger("mkdocs.hooks.sheetproof")

ROOT = Path(__file__).resolve().parents[2]
CHAPTER_DIR = "chapters"
GUIDE = ROOT / "verify" / "userfile" / "GUIDE.md"
MARKER = re.compile(r"<!--\s*sheetproof:(?P<name>[A-Za-z0-9_-]*)(?P<args>[^>]*?)-->")
VERDICT_ORDER = ("proved", "confirmed", "refuted", "not-checkable", "error")
ENGINE_WORDS = {
    "symbolic-general": "symbolic (SymPy, any size)",
    "exact-explicit": "exact algebra on explicit matrices",
    "torch-autograd": "float64 draws, torch autograd",
    "counterexample-search": "counterexample search",
}

if str(ROOT) not in sys.path:  # the hook runs from any directory; the packages live at the root
    sys.path.insert(0, str(ROOT))


# -- results: computed once per build ----------------------------------------------------------

_state: dict = {}


def _registry():
    """``(catalog, {id: record})`` for this build: records from :func:`verify.report.record`."""
    if "records" not in _state:
        import formulas
        from verify.report import record
        from verify.run import run_entries

        cat = formulas.catalog()
        fresh = []
        results = run_entries(cat.entries, use_cache=True,
                              on_result=lambda entry, result, cached: fresh.append(not cached))
        log.info("sheetproof: %d entries, %d checked now, the rest from the cache", len(cat.entries), sum(fresh))
        _state["catalog"] = cat
        _state["records"] = {e.id: record(e, r) for e, r in zip(cat.entries, results, strict=True)}
    return _state["catalog"], _state["records"]


def _chapter_page(chapter) -> str:
    return f"{CHAPTER_DIR}/{chapter.key}.md"


def _chapter_label(chapter) -> str:
    return f"{chapter.number} {chapter.title}"


def _link(target_page: str, anchor: str | None, from_page: str) -> str:
    """A relative link from ``from_page`` (a docs path) to ``target_page#anchor``."""
    rel = posixpath.relpath(target_page, posixpath.dirname(from_page) or ".")
    if rel == posixpath.basename(from_page) and anchor:
        return f"#{anchor}"
    return rel + (f"#{anchor}" if anchor else "")


def _entry_link(entry, from_page: str) -> str:
    return _link(_chapter_page(entry.chapter), entry.id, from_page)


def _md_escape(text: str) -> str:
    """Text shown as is: Markdown and HTML specials escaped."""
    text = html.escape(text, quote=False)
    return re.sub(r"([\\`*_\[\]{}#$])", r"\\\1", text)


def _cell(text: str) -> str:
    """Escaped text for a table cell."""
    return _md_escape(text).replace("|", "\\|")


def _fence(body: str, lang: str = "text", attrs: str = "") -> str:
    ticks = "```"
    while ticks in body:
        ticks += "`"
    head = ticks + (f"{{ .{lang} {attrs} }}" if attrs else lang)
    return f"{head}\n{body}\n{ticks}"


def _badge(verdict: str) -> str:
    return f'<span class="sp-badge sp-{verdict}">{verdict}</span>'


def _math_block(latex: str) -> str:
    # Raw HTML: the LaTeX reaches MathJax untouched, and stays out of the search index.
    return f'<div class="arithmatex" data-search-exclude>\\[{html.escape(latex, quote=False)}\\]</div>'


def _md_inline_math(latex: str) -> str:
    # No "|" (a table would split the cell there): the same bars as \\Vert and \\vert.
    latex = latex.replace("\\|", "\\Vert ").replace("|", "\\vert ")
    return f'<span class="arithmatex" data-search-exclude>\\({html.escape(latex, quote=False)}\\)</span>'


# -- one entry ---------------------------------------------------------------------------------


def _symbols_table(entry, rec) -> list[str]:
    if not entry.declared and not rec["given"] and not entry.constraints:
        return []
    out = ["| symbol | shape | assumptions |", "|---|---|---|"]
    for name, sym in entry.declared.items():
        flags = ", ".join(sorted(sym.flags - {"real", "square"})) or ("real" if sym.kind != "random" else "–")
        out.append(f"| `{name}` | {_cell(sym.shape_text)} | {_cell(flags)} |")
    for given in rec["given"]:
        out.append(f"| | given | {_cell(given)} |")
    from sympy import latex

    for c in entry.constraints:
        out.append(f"| | where | {_md_inline_math(latex(c))} |")
    return ["", *out, ""]


def _methods(rec) -> list[str]:
    if not rec["methods"]:
        return []
    out = ["| engine | outcome | detail | seconds |", "|---|---|---|---|"]
    for m in rec["methods"]:
        detail = _cell(" ".join(str(m["detail"]).split()))
        out.append(f"| {m['engine']} | {m['outcome']} | {detail} | {m['seconds']:.2f} |")
    return out


def _checked_by(rec) -> str:
    ran = [m for m in rec["methods"] if m["outcome"] not in ("skipped",)]
    if not ran:
        return ""
    words = [f"{ENGINE_WORDS.get(m['engine'], m['engine'])}: {m['outcome']}" for m in ran]
    return "Checked by " + "; ".join(words) + "."


def _value(v) -> str:
    return json.dumps(v, default=str) if not isinstance(v, str) else v


def _counterexample(rec) -> list[str]:
    cx = rec["counterexample"]
    if not cx:
        return []
    exact = cx.get("exact")
    title = "Counterexample" + (" (re-checked in exact arithmetic)" if exact else "")
    out = [f'!!! failure "{title}"', ""]
    rows = [(k, v) for k, v in cx.items() if k != "exact"]
    out.append("    | symbol | value |")
    out.append("    |---|---|")
    for k, v in rows:
        out.append(f"    | `{k}` | `{_value(v).replace('|', '¦')}` |")
    return [*out, ""]


def _code_links(rec) -> str:
    names = rec["code"]
    if not names:
        return ""
    return "**Code**: " + ", ".join(f"[`{n}`][{n}]" for n in names)


def render_entry(entry, rec, cat, page: str, level: int = 2) -> str:
    """One entry as Markdown: heading with the permanent anchor, statement, evidence."""
    # The aliases sit in the heading (small, under the title): Material's search weighs a section's
    # title far above its text, and the aliases are what people type. A claim wrong as printed keeps
    # them in its text, so that its correct statement ranks first. The table of contents shows the title.
    from verify.report import is_erratum

    aliases = _md_escape(" · ".join(entry.aliases))
    in_heading = bool(entry.aliases) and not is_erratum(entry)
    aka = f' <br><span class="sp-aka">{aliases}</span>' if in_heading else ""
    # every sign as an entity: attr_list ends at "}", and inline Markdown would read "*" and "_"
    label = "".join(c if c.isalnum() or c == " " else f"&#{ord(c)};" for c in entry.title)
    lines = [f'{"#" * level} {_md_escape(entry.title)}{aka} {{ #{entry.id} data-toc-label="{label}" }}', ""]
    verdict = rec["verdict"]
    head = [_badge(verdict)]
    if rec["scope"]:
        head.append(f"scope: {_md_escape(rec['scope'])}")
    if verdict != rec["expected_verdict"]:
        head.append(f'<span class="sp-badge sp-error">catalog expects {rec["expected_verdict"]}</span>')
    head.append(f"`{entry.id}` · `{entry.name}`")
    lines += [" · ".join(head), ""]
    if entry.latex:
        lines += [_math_block(entry.latex), ""]
    if entry.aliases and not in_heading:
        lines += [f'<span class="sp-aka">{aliases}</span>', ""]
    if entry.tags:
        lines += ["*Tags*: " + ", ".join(_md_escape(t) for t in entry.tags), ""]
    if rec["reason"]:
        lines += [f"**{'Why not checkable' if verdict == 'not-checkable' else 'Reason'}**: "
                  f"{_md_escape(rec['reason'])}", ""]
    checked = _checked_by(rec)
    if checked:
        lines += [_md_escape(checked), ""]
    lines += _symbols_table(entry, rec)
    if entry.seed is not None:
        a, b = entry.seed.lines
        where = f"line {a}" if a == b else f"lines {a}–{b}"
        lines += [f"**The cheat sheet, {where}** (verbatim):", "", _fence(entry.seed.quote, "text", ".sp-seed"), ""]
    if entry.corrected_by:
        fix = cat.get(entry.corrected_by)
        lines += [f'**Corrected by** [{_md_escape(fix.title)}]({_entry_link(fix, page)}) (`{fix.id}`)', ""]
    corrects = cat.corrections_of(entry)
    if corrects:
        lines += ["**Corrects** " + ", ".join(f"[{_md_escape(e.title)}]({_entry_link(e, page)}) (`{e.id}`)"
                                              for e in corrects), ""]
    if rec["conflicts"]:
        lines += ['!!! warning "Engines disagree"', ""]
        lines += [f"    - {_md_escape(c)}" for c in rec["conflicts"]] + [""]
    lines += _counterexample(rec)
    if entry.notes:
        lines += [f"**Notes**: {_md_escape(entry.notes)}", ""]
    if entry.references:
        lines += ["**References**: " + "; ".join(_md_escape(r) for r in entry.references), ""]
    if entry.see_also:
        links = []
        for sid in entry.see_also:
            other = cat.by_id.get(sid)
            links.append(f"[{_md_escape(other.title)}]({_entry_link(other, page)})" if other else f"`{sid}`")
        lines += ["**See also**: " + ", ".join(links), ""]
    code = _code_links(rec)
    if code:
        lines += [code, ""]
    # Evidence and copyable source: folded, and out of the search index (tokens of srepr are noise).
    lines += ['<section class="sp-source" data-search-exclude markdown>', ""]
    lines += ['??? note "How it was checked, LaTeX and SymPy code"', ""]
    body = []
    body += _methods(rec)
    if rec["methods"]:
        body += [""]
    if entry.latex:
        body += ["LaTeX:", "", _fence(entry.latex, "latex"), ""]
    if entry.sympy_code:
        body += ["SymPy (`srepr`):", "", _fence(entry.sympy_code, "python"), ""]
    if not body:
        body = ["No statement: this entry is prose.", ""]
    lines += [("    " + b if b else "") for b in "\n".join(body).split("\n")]
    lines += ["", "</section>", ""]
    return "\n".join(lines)


# -- markers -----------------------------------------------------------------------------------


def _find_chapter(cat, key: str):
    for chapter in cat.chapters:
        if chapter.key == key:
            return chapter
    raise PluginError(f"sheetproof:chapter {key!r}: no such chapter; known: {[c.key for c in cat.chapters]}")


def _chapter_intro(chapter) -> list[str]:
    """The chapter module's header: first paragraph shown, the rest folded (and not indexed)."""
    import formulas  # noqa: F401  (the catalog imports the chapter modules)

    doc = ""
    for name, module in sorted(sys.modules.items()):
        if name.startswith("formulas.") and getattr(module, "CHAPTER", None) == chapter:
            doc = (module.__doc__ or "").strip()
    if not doc:
        return []
    first, _, rest = doc.partition("\n\n")
    first_lines = first.splitlines()
    lead = " ".join(line.strip() for line in first_lines[1:] if line.strip()) if len(first_lines) > 1 else ""
    heading = first_lines[0].strip()
    out = [_md_escape(heading.rstrip(".")) + "." + (" " + _md_escape(lead) if lead else ""), ""]
    if rest.strip():
        out += ['<section data-search-exclude markdown>', "", '??? info "About this chapter (module header)"', ""]
        out += ["    " + line for line in _fence(rest.rstrip()).split("\n")]
        out += ["", "</section>", ""]
    return out


def expand_chapter(args: list[str], page: str) -> str:
    if len(args) != 1:
        raise PluginError(f"sheetproof:chapter takes one chapter key, got {args!r}")
    import formulas

    chapter = _find_chapter(formulas.catalog(), args[0])  # before any verification: a bad key fails fast
    cat, records = _registry()
    entries = cat.in_chapter(chapter)
    out = _chapter_intro(chapter)
    counts = {v: sum(1 for e in entries if records[e.id]["verdict"] == v) for v in VERDICT_ORDER}
    out += [f"{len(entries)} entries: " + ", ".join(f"{n} {v}" for v, n in counts.items() if n) + ".", ""]
    out += ['<section class="sp-index" data-search-exclude markdown>', "", "| id | title | verdict |", "|---|---|---|"]
    for e in entries:
        out.append(f"| [`{e.id}`](#{e.id}) | {_cell(e.title)} | {_badge(records[e.id]['verdict'])} |")
    out += ["", "</section>", ""]
    for e in entries:
        out.append(render_entry(e, records[e.id], cat, page))
    return "\n".join(out)


def expand_chapters(args: list[str], page: str) -> str:
    _no_args("chapters", args)
    cat, _ = _registry()
    return "\n".join(f"- [{_chapter_label(c)}]({_link(_chapter_page(c), None, page)}) -- "
                     f"{len(cat.in_chapter(c))} entries" for c in cat.chapters) + "\n"


def expand_summary(args: list[str], page: str) -> str:
    _no_args("summary", args)
    from verify.report import is_erratum

    cat, records = _registry()
    out = ["| chapter | " + " | ".join(VERDICT_ORDER) + " | total |", "|---|" + "---:|" * (len(VERDICT_ORDER) + 1)]
    for c in cat.chapters:
        es = cat.in_chapter(c)
        counts = [sum(1 for e in es if records[e.id]["verdict"] == v) for v in VERDICT_ORDER]
        out.append(f"| [{_chapter_label(c)}]({_link(_chapter_page(c), None, page)}) | "
                   + " | ".join(map(str, counts)) + f" | {len(es)} |")
    totals = [sum(1 for r in records.values() if r["verdict"] == v) for v in VERDICT_ORDER]
    out.append("| **all** | " + " | ".join(map(str, totals)) + f" | {len(records)} |")
    errata = sum(1 for e in cat.entries if is_erratum(e))
    out += ["", f"{errata} claims of the cheat sheet are wrong or garbled as printed: see the "
                f"[errata]({_link('errata.md', None, page)})."]
    return "\n".join(out) + "\n"


def expand_errata(args: list[str], page: str) -> str:
    _no_args("errata", args)
    from verify.report import is_erratum

    cat, records = _registry()
    out = []
    for chapter in cat.chapters:
        errata = [e for e in cat.in_chapter(chapter) if is_erratum(e)]
        if not errata:
            continue
        out += [f"## {_md_escape(_chapter_label(chapter))} {{ #errata-{chapter.key} data-search-exclude }}", ""]
        for e in errata:
            rec = records[e.id]
            a, b = e.seed.lines
            where = f"line {a}" if a == b else f"lines {a}–{b}"
            out += [f"### {_md_escape(e.title)} {{ #erratum-{e.id} data-search-exclude }}", ""]
            out += ['<section data-search-exclude markdown>', ""]
            out += [f"{_badge(rec['verdict'])} · [`{e.id}`]({_entry_link(e, page)}) · the cheat sheet, {where}:", ""]
            out += [_fence(e.seed.quote, "text", ".sp-seed"), ""]
            if e.latex:
                out += ["Read as:", "", _math_block(e.latex), ""]
            out += _counterexample(rec)
            if rec["reason"] and not rec["counterexample"]:
                out += [f"**Why**: {_md_escape(rec['reason'])}", ""]
            if e.corrected_by:
                fix = cat.get(e.corrected_by)
                out += [f"**Correct statement**: [{_md_escape(fix.title)}]({_entry_link(fix, page)}) "
                        f"({_badge(records[fix.id]['verdict'])})", ""]
                if fix.latex:
                    out += [_math_block(fix.latex), ""]
            else:
                out += ["**Correct statement**: none in the catalog.", ""]
            out += ["</section>", ""]
    return "\n".join(out)


def _derivative_rows():
    """Proved statements ``D(f, x) = rhs`` with no derivative on the right, each formula once."""
    from sympy import Eq, srepr, transpose

    from formulas.nodes import D

    cat, records = _registry()
    seen = set()
    for e in cat.entries:
        expr = e.expr
        if not isinstance(expr, Eq) or records[e.id]["verdict"] != "proved":
            continue
        lhs, rhs = expr.lhs, expr.rhs
        if not isinstance(lhs, D) or lhs.layout != "denominator" or rhs.has(D):
            continue
        key = (srepr(lhs), srepr(rhs))  # the seed repeats some lines: one row per formula
        if key in seen:
            continue
        seen.add(key)
        yield e, lhs, rhs, transpose(rhs)  # numerator layout: the transpose of the denominator form


def expand_layout_table(args: list[str], page: str) -> str:
    _no_args("layout-table", args)
    from sympy import latex

    out = ["| derivative | variable | denominator layout | numerator layout | entry |", "|---|---|---|---|---|"]
    n = 0
    for e, lhs, rhs, numerator in _derivative_rows():
        n += 1
        out.append(f"| {_md_inline_math(latex(lhs.f))} | {_md_inline_math(latex(lhs.v))} | "
                   f"{_md_inline_math(latex(rhs))} | {_md_inline_math(latex(numerator))} | "
                   f"[{_cell(e.title)}]({_entry_link(e, page)}) |")
    if not n:
        raise PluginError("sheetproof:layout-table: the catalog has no proved derivative D(f, x) = ...")
    return "\n".join(out) + "\n"


def _subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:  # argparse has no public accessor for subparsers
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def _help(parser: argparse.ArgumentParser) -> str:
    parser.formatter_class = lambda prog: argparse.HelpFormatter(prog, width=88)
    return parser.format_help().rstrip()


def expand_cli(args: list[str], page: str) -> str:
    _no_args("cli", args)
    from verify.cli import build_parser

    parser = build_parser()
    out = [_fence(_help(parser)), ""]
    for name, sub in _subcommands(parser).items():
        out += [f"## `sheetproof {name}` {{ #sheetproof-{name} }}", "", _fence(_help(sub)), ""]
    return "\n".join(out)


def expand_user_guide(args: list[str], page: str) -> str:
    _no_args("user-guide", args)
    if GUIDE.is_file():
        text = GUIDE.read_text(encoding="utf-8")
        # The page's own section heading stands for the guide's title; its sections nest below it.
        text = re.sub(r"\A\s*# [^\n]*\n", "", text)
        return _demote(text)
    return ("`sheetproof check FILE...` checks identities you write yourself, declared with the same "
            "symbol grammar as the catalog; it exits 0 when every claim holds, 1 when any is refuted and "
            "2 on input errors. See the [command line](" + _link("cli.md", None, page) + ") page.\n")


def _demote(markdown: str) -> str:
    """Every ATX heading one level down (``##`` -> ``###``), fenced code left alone."""
    out, fence = [], None
    for line in markdown.split("\n"):
        m = re.match(r"^(`{3,}|~{3,})", line)
        if m and (fence is None or m[1].startswith(fence)):
            fence = None if fence else m[1]
        elif fence is None and re.match(r"^#{1,5} ", line):
            line = "#" + line
        out.append(line)
    return "\n".join(out)


def _no_args(name: str, args: list[str]) -> None:
    if args:
        raise PluginError(f"sheetproof:{name} takes no arguments, got {args!r}")


EXPANDERS = {
    "summary": expand_summary,
    "chapters": expand_chapters,
    "chapter": expand_chapter,
    "errata": expand_errata,
    "layout-table": expand_layout_table,
    "cli": expand_cli,
    "user-guide": expand_user_guide,
}


def expand_markers(markdown: str, page: str) -> str:
    """Replace every ``<!-- sheetproof:NAME ARGS -->``; an unknown NAME raises ``PluginError``."""

    def replace(match: re.Match) -> str:
        name, args = match["name"], match["args"].split()
        if name not in EXPANDERS:
            raise PluginError(f"{page}: unknown marker 'sheetproof:{name}'; known: {sorted(EXPANDERS)}")
        return EXPANDERS[name](args, page)

    return MARKER.sub(replace, markdown)


# -- mkdocs events -----------------------------------------------------------------------------


def on_config(config):
    """Fresh results for each build; one navigation item per catalog chapter under "Chapters"."""
    _state.clear()
    import formulas

    chapters = [{_chapter_label(c): _chapter_page(c)} for c in formulas.catalog().chapters]
    for item in config.nav or []:
        if isinstance(item, dict) and "Chapters" in item:
            index = item["Chapters"]
            item["Chapters"] = ([index] if isinstance(index, str) else []) + chapters
            break
    else:
        raise PluginError("mkdocs.yml: the nav needs a 'Chapters' item for the generated chapter pages")
    return config


def on_files(files, config):
    import formulas

    for chapter in formulas.catalog().chapters:
        content = (f"---\ntitle: {_chapter_label(chapter)}\n---\n\n# {_chapter_label(chapter)}\n\n"
                   f"<!-- sheetproof:chapter {chapter.key} -->\n")
        files.append(File.generated(config, _chapter_page(chapter), content=content))
    return files


def on_page_markdown(markdown, page, config, files):
    return expand_markers(markdown, page.file.src_uri)
