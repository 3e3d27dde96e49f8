"""One catalog entry as Markdown: typeset title and statement, verdict, evidence, copyable source.

The heading carries the permanent anchor (the entry id) and the aliases (small, under the
title: Material's search weighs a heading far above body text, and the aliases are what
people type).  A claim wrong as printed keeps its aliases in its text, so that the correct
statement ranks first.
"""

from __future__ import annotations

import html
import re
from functools import cache

from .counterexample import counterexample_block
from .data import entry_link
from .latex import statement_latex, symbol_latex
from .markup import badge, cell, fence, link, math_block, math_inline, md_escape
from .titles import display_title

__all__ = ["ENGINE_WORDS", "render_entry", "entry_heading", "shown_flags", "statement", "copy_texts"]

ENGINE_WORDS = {
    "symbolic-general": "symbolic (SymPy, any size)",
    "exact-explicit": "exact algebra on explicit matrices",
    "torch-autograd": "float64 draws, torch autograd",
    "counterexample-search": "counterexample search",
}
_IGNORED_FLAGS = {"real", "square"}


@cache
def statement(entry) -> str | None:
    """The statement's LaTeX with the site's symbols and brackets (None for prose)."""
    return None if entry.expr is None else statement_latex(entry.expr)


def _label(text: str) -> str:
    # every sign as an entity: attr_list ends at "}", and inline Markdown would read "*" and "_"
    return "".join(c if c.isalnum() or c == " " else f"&#{ord(c)};" for c in text)


def entry_heading(entry, level: int, anchor: str, *, aliases: str = "", extra: str = "") -> str:
    """``## title {#anchor ...}`` with the title typeset; the TOC label is its plain-text form."""
    title = display_title(entry.title)
    return f'{"#" * level} {title.markdown}{aliases} {{ #{anchor} data-toc-label="{_label(title.text)}"{extra} }}'


def shown_flags(sym) -> list[str]:
    """A symbol's assumptions as a reader wants them: none implied by another (SPD, not SPD, symmetric)."""
    from formulas.spec import IMPLIED

    implied = {f for flag in sym.flags for f in IMPLIED.get(flag, ())}
    names = {"spd": "SPD", "psd": "PSD"}
    return [names.get(f, f) for f in sorted(sym.flags - implied - _IGNORED_FLAGS)]


def _symbols_table(entry, rec) -> list[str]:
    if not entry.declared and not rec["given"] and not entry.constraints:
        return []
    out = ["| symbol | shape | assumptions |", "|---|---|---|"]
    for name, sym in entry.declared.items():
        flags = ", ".join(shown_flags(sym)) or ("real" if sym.kind != "random" else "–")
        shown = f"{math_inline(symbol_latex(name))} <code>{html.escape(name)}</code>"
        out.append(f"| {shown} | {cell(display_title(sym.shape_text).text)} | {cell(flags)} |")
    for given in rec["given"]:
        out.append(f"| | given | {cell(given)} |")
    for c in entry.constraints:
        out.append(f"| | where | {math_inline(statement_latex(c))} |")
    return ["", *out, ""]


def _methods(rec) -> list[str]:
    if not rec["methods"]:
        return []
    out = ["| engine | outcome | detail | seconds |", "|---|---|---|---|"]
    for m in rec["methods"]:
        detail = cell(" ".join(str(m["detail"]).split()))
        out.append(f"| {m['engine']} | {m['outcome']} | {detail} | {m['seconds']:.2f} |")
    return out


def _checked_by(rec) -> str:
    ran = [m for m in rec["methods"] if m["outcome"] != "skipped"]
    if not ran:
        return ""
    return "Checked by " + "; ".join(f"{ENGINE_WORDS.get(m['engine'], m['engine'])}: {m['outcome']}"
                                     for m in ran) + "."


@cache
def stable_srepr(entry) -> str:
    """The statement's ``srepr`` with its dummies numbered 1, 2, ... in order of appearance.

    SymPy numbers each ``Dummy`` (the bound variable of an elementwise ``Lambda``, e.g. tanh applied to
    ``W x + b`` in approx.backprop-weight-gradient) from a per-process random base, so the plain ``srepr``
    changes from one build to the next.  Renumbering keeps the pasted code meaning the same (a dummy
    equals only itself, in the pasted code as in the original) and keeps the site reproducible; small
    indices never meet the ones SymPy hands out (a random base of at least a million).
    """
    numbers: dict[str, int] = {}

    def number(match: re.Match) -> str:
        return f"dummy_index={numbers.setdefault(match.group(1), len(numbers) + 1)}"

    return re.sub(r"dummy_index=(\d+)", number, entry.sympy_code)


def copy_texts(entry) -> dict[str, str]:
    """What the copy buttons copy: ``latex``, ``sympy``, ``identity`` (each where the entry has it).

    ``no-identity`` says why a statement has no identity-file form.
    """
    from verify.userfile.printer import NotPrintable, identity_yaml

    out = {}
    tex = statement(entry)
    if tex is not None:
        out["latex"] = tex
        out["sympy"] = stable_srepr(entry)
        try:
            out["identity"] = identity_yaml(entry)
        except NotPrintable as err:
            out["no-identity"] = str(err)
    return out


COPY_LABELS = {"latex": "Copy as LaTeX", "sympy": "Copy as SymPy", "identity": "Copy as an identity file entry"}


def _copy_buttons(texts: dict[str, str]) -> list[str]:
    buttons = [f'<button class="md-button sp-copy" data-sp-copy="{kind}" title="{COPY_LABELS[kind]}" '
               f'data-clipboard-text="{html.escape(text, quote=True)}">{COPY_LABELS[kind]}</button>'
               for kind, text in texts.items() if kind in COPY_LABELS]
    return [f'<p class="sp-copy-row" data-search-exclude>{" ".join(buttons)}</p>', ""] if buttons else []


def _source(entry, rec, texts: dict[str, str]) -> list[str]:
    """Evidence and copyable source: folded, and out of the search index (tokens of srepr are noise)."""
    body = _methods(rec)
    if body:
        body += [""]
    if "latex" in texts:
        body += ["LaTeX:", "", fence(texts["latex"], "latex"), "", "SymPy (`srepr`):", "",
                 fence(texts["sympy"], "python"), ""]
        if "identity" in texts:
            body += ["Identity file entry (`sheetproof check FILE` reads it as is):", "",
                     fence(texts["identity"], "yaml"), ""]
        else:
            body += [f"No identity file entry: {md_escape(texts['no-identity'])}.", ""]
    if not body:
        body = ["No statement: this entry is prose.", ""]
    out = ['<section class="sp-source" data-search-exclude markdown>', "",
           '??? note "How it was checked; LaTeX, SymPy and identity-file source"', ""]
    out += [("    " + b if b else "") for b in "\n".join(body).split("\n")]
    return out + ["", "</section>", ""]


def _figure(entry, page: str, figures) -> list[str]:
    fig = figures.get(entry.id) if figures else None
    if fig is None:
        return []
    src = link(fig.path, None, page)
    return ['<figure class="sp-figure" markdown>', "",
            f'<img src="{src}" alt="{html.escape(fig.alt, quote=True)}" loading="lazy">', "",
            f"<figcaption>{html.escape(fig.caption, quote=False)}</figcaption>", "", "</figure>", ""]


def _see_also(entry, cat, page) -> list[str]:
    links = []
    for sid in entry.see_also:
        other = cat.by_id.get(sid)
        links.append(f"[{display_title(other.title).markdown}]({entry_link(other, page)})" if other else f"`{sid}`")
    return ["**See also**: " + ", ".join(links), ""] if links else []


def render_entry(entry, rec, cat, page: str, *, level: int = 2, figures=None, evaluate_sides=None) -> str:
    """One entry as Markdown for the page ``page`` (a docs path)."""
    from verify.report import is_erratum

    # aliases are what people type ("1x1 convolution", "lambda"): shown as typed, searched as typed
    from .search_aliases import aliases as search_aliases

    typed = search_aliases(entry)
    aliases = md_escape(" · ".join(typed))
    in_heading = bool(typed) and not is_erratum(entry)
    aka = f' <br><span class="sp-aka">{aliases}</span>' if in_heading else ""
    lines = [entry_heading(entry, level, entry.id, aliases=aka), ""]
    verdict = rec["verdict"]
    head = [badge(verdict)]
    if rec["scope"]:
        head.append(f"scope: {md_escape(rec['scope'])}")
    if verdict != rec["expected_verdict"]:
        head.append(f'<span class="sp-badge sp-error">catalog expects {rec["expected_verdict"]}</span>')
    head.append(f"`{entry.id}` · `{entry.name}`")
    lines += [" · ".join(head), ""]
    texts = dict(copy_texts(entry))
    if "latex" in texts:
        lines += [math_block(texts["latex"]), ""]
    lines += _copy_buttons(texts)
    lines += _figure(entry, page, figures)
    if typed and not in_heading:
        lines += [f'<span class="sp-aka">{aliases}</span>', ""]
    if entry.tags:
        lines += ["*Tags*: " + ", ".join(md_escape(t) for t in entry.tags), ""]
    if rec["reason"]:
        label = "Why not checkable" if verdict == "not-checkable" else "Reason"
        lines += [f"**{label}**: {display_title(rec['reason']).markdown}", ""]
    checked = _checked_by(rec)
    if checked:
        lines += [md_escape(checked), ""]
    lines += _symbols_table(entry, rec)
    if entry.seed is not None:
        a, b = entry.seed.lines
        where = f"line {a}" if a == b else f"lines {a}–{b}"
        lines += [f"**The cheat sheet, {where}** (verbatim):", "", fence(entry.seed.quote, "text", ".sp-seed"), ""]
    if entry.corrected_by:
        fix = cat.get(entry.corrected_by)
        lines += [f"**Corrected by** [{display_title(fix.title).markdown}]({entry_link(fix, page)}) (`{fix.id}`)", ""]
    corrects = cat.corrections_of(entry)
    if corrects:
        lines += ["**Corrects** " + ", ".join(f"[{display_title(e.title).markdown}]({entry_link(e, page)}) (`{e.id}`)"
                                              for e in corrects), ""]
    if rec["conflicts"]:
        lines += ['!!! warning "Engines disagree"', ""]
        lines += [f"    - {md_escape(c)}" for c in rec["conflicts"]] + [""]
    lines += counterexample_block(entry, rec, evaluate_sides=evaluate_sides)
    if entry.notes:
        lines += [f"**Notes**: {display_title(entry.notes).markdown}", ""]
    if entry.references:
        lines += ["**References**: " + "; ".join(md_escape(r) for r in entry.references), ""]
    lines += _see_also(entry, cat, page)
    if rec["code"]:
        api = link("api/numerics.md", None, page)
        lines += ["**Implemented in**: " + ", ".join(f"[`{n}`]({api}#{n})" for n in rec["code"]), ""]
    lines += _source(entry, rec, texts)
    return "\n".join(lines)
