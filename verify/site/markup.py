"""Markdown and HTML pieces the generated pages are made of (plain Python-Markdown + attr_list + md_in_html).

Math goes out as raw HTML (``<div class="arithmatex">\\[...\\]</div>``), the form
``pymdownx.arithmatex`` emits: MathJax renders it, the search index skips it, and no
generator's Markdown extension has to understand it.
"""

from __future__ import annotations

import html
import posixpath
import re

__all__ = ["SiteError", "badge", "cell", "fence", "link", "math_block", "math_display", "math_inline", "md_escape"]


class SiteError(ValueError):
    """Something the site cannot be generated from: an unknown marker, a bad argument, missing data."""


def md_escape(text: str) -> str:
    """Text shown as is: Markdown and HTML specials escaped."""
    text = html.escape(text, quote=False)
    return re.sub(r"([\\`*_\[\]{}#$])", r"\\\1", text)


def cell(text: str) -> str:
    """Escaped text for a table cell."""
    return md_escape(text).replace("|", "\\|")


def fence(body: str, lang: str = "text", attrs: str = "") -> str:
    ticks = "```"
    while ticks in body:
        ticks += "`"
    head = ticks + (f"{{ .{lang} {attrs} }}" if attrs else lang)
    return f"{head}\n{body}\n{ticks}"


def badge(verdict: str) -> str:
    return f'<span class="sp-badge sp-{verdict}">{verdict}</span>'


def math_block(latex: str) -> str:
    # Raw HTML: the LaTeX reaches MathJax untouched, and stays out of the search index.
    return f'<div class="arithmatex" data-search-exclude>\\[{html.escape(latex, quote=False)}\\]</div>'


def math_display(latex: str) -> str:
    """Display math as ``pymdownx.arithmatex`` reads it inside Markdown (admonitions, lists), where raw
    HTML blocks are not recognised: ``\\[...\\]`` on one line (arithmatex escapes it itself)."""
    return "\\[" + " ".join(latex.split("\n")) + "\\]"


def math_inline(latex: str) -> str:
    # No "|" (a table would split the cell there): the same bars as \Vert and \vert.
    latex = latex.replace("\\|", "\\Vert ").replace("|", "\\vert ")
    return f'<span class="arithmatex" data-search-exclude>\\({html.escape(latex, quote=False)}\\)</span>'


def link(target_page: str, anchor: str | None, from_page: str) -> str:
    """A relative link from ``from_page`` (a docs path) to ``target_page#anchor``."""
    rel = posixpath.relpath(target_page, posixpath.dirname(from_page) or ".")
    if rel == posixpath.basename(from_page) and anchor:
        return f"#{anchor}"
    return rel + (f"#{anchor}" if anchor else "")
