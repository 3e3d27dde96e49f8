"""Griffe extension for the API pages: the reStructuredText bits of sheetproof's docstrings as Markdown.

The docstrings are written for humans and for ``help()``; they use a few reST
constructs that Markdown does not know.  Before mkdocstrings renders them:

* ``:math:`x``` becomes ``\\(x\\)`` and a ``.. math::`` block becomes ``\\[...\\]``,
  which arithmatex (generic mode) hands to MathJax;
* ``:mod:`a.b```, ``:func:``, ``:class:``, ``:data:``, ``:meth:``, ``:attr:`` become inline code;
* a run of doctest lines (``>>>``, ``...`` and their output) becomes a ``pycon`` code block
  (Markdown would read ``>>>`` as nested block quotes);
* a paragraph ending in ``::`` ends in ``:`` (the indented block after it is code already).
"""

from __future__ import annotations

import re

import griffe

__all__ = ["RstToMarkdown", "convert"]

_ROLE_MATH = re.compile(r":math:`([^`]+)`")
_ROLE_REF = re.compile(r":(?:py:)?(?:mod|func|class|data|meth|attr|obj|exc):`~?([^`]+)`")
_MATH_DIRECTIVE = re.compile(r"^(?P<indent>[ \t]*)\.\. math::[ \t]*(?P<first>.*)$")


def _math_blocks(lines: list[str]) -> list[str]:
    out: list[str] = []
    i = 0
    while i < len(lines):
        m = _MATH_DIRECTIVE.match(lines[i])
        if not m:
            out.append(lines[i])
            i += 1
            continue
        indent = len(m["indent"])
        body = [m["first"].strip()] if m["first"].strip() else []
        i += 1
        while i < len(lines) and (not lines[i].strip() or len(lines[i]) - len(lines[i].lstrip()) > indent):
            if lines[i].strip():
                body.append(lines[i].strip())
            elif body:
                break
            i += 1
        out += ["", m["indent"] + "\\[", *[m["indent"] + b for b in body], m["indent"] + "\\]", ""]
    return out


def _doctests(lines: list[str]) -> list[str]:
    out: list[str] = []
    i = 0
    while i < len(lines):
        stripped = lines[i].lstrip()
        if not stripped.startswith(">>>"):
            out.append(lines[i])
            i += 1
            continue
        indent = lines[i][: len(lines[i]) - len(stripped)]
        block = []
        while i < len(lines) and lines[i].strip() and lines[i].startswith(indent):
            block.append(lines[i][len(indent):])
            i += 1
        out += ["", indent + "```pycon", *[indent + b for b in block], indent + "```", ""]
    return out


def convert(text: str) -> str:
    """The docstring ``text`` with its reST math, roles and doctests in Markdown."""
    lines = _doctests(_math_blocks(text.split("\n")))
    text = "\n".join(lines)
    text = _ROLE_MATH.sub(lambda m: "\\(" + m[1] + "\\)", text)
    text = _ROLE_REF.sub(lambda m: "`" + m[1] + "`", text)
    text = re.sub(r"(\S)::[ \t]*$", r"\1:", text, flags=re.M)
    return text


class RstToMarkdown(griffe.Extension):
    """Rewrite every docstring once, when its object is loaded."""

    def on_instance(self, *, obj: griffe.Object, **kwargs) -> None:
        if obj.docstring is not None:
            obj.docstring.value = convert(obj.docstring.value)
