"""Find the math of a LaTeX file: the ``% sheetproof:`` header, preamble macros, formulas, option comments.

* Header: a comment line ``% sheetproof:`` with nothing after the colon, followed by
  comment lines holding YAML (``%   symbols: {x: vector n}``), up to the first line
  that is not a comment.
* Macros: ``\\newcommand``, ``\\renewcommand``, ``\\providecommand`` (with ``[n]`` arguments
  and an optional ``[default]``) and ``\\DeclareMathOperator`` in the preamble (before
  ``\\begin{document}``); nothing else is expanded, ``\\input`` is not followed.
* Display math: ``\\[...\\]``, ``$$...$$``, ``equation``, ``align``, ``gather``, ``multline``,
  ``eqnarray`` (starred too); inline ``$...$`` and ``\\(...\\)`` only with ``inline: true``.
* ``% sheetproof: id=..., expect=refuted`` right after a formula adjusts it.
* ``verbatim``, ``lstlisting``, ``minted`` and ``comment`` environments are skipped, and so is what
  ``\\iffalse`` (or ``\\if0``) comments out up to its ``\\fi``.
"""

from __future__ import annotations

import re

from .errors import NotesError
from .extract import Extracted, Formula, MacroDefinition, attach_comment
from .markdown import DISPLAY_ENVIRONMENTS

__all__ = ["extract_latex", "latex_header"]

_IFFALSE = re.compile(r"\\(?:iffalse|if0)(?![A-Za-z])")
_FI = re.compile(r"\\fi(?![A-Za-z])")
_SKIPPED = ("verbatim", "verbatim*", "lstlisting", "minted", "comment")
_BEGIN = re.compile(r"\\begin\{(" + "|".join(re.escape(e) for e in DISPLAY_ENVIRONMENTS + _SKIPPED) + r")\}")
_HEADER = re.compile(r"^[ \t]*%+[ \t]*sheetproof:[ \t]*\r?$", re.M)
_DEFINE = re.compile(r"\\(newcommand|renewcommand|providecommand)\*?\s*")
_OPERATOR = re.compile(r"\\DeclareMathOperator\*?\s*")


def latex_header(text: str) -> tuple[object, int]:
    """(the header mapping or None, its offset)."""
    import yaml

    m = _HEADER.search(text)
    if m is None:
        return None, 0
    lines = []
    pos = m.end() + 1
    while pos < len(text):
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        line = text[pos:end]
        stripped = line.lstrip()
        if not stripped.startswith("%"):
            break
        lines.append(stripped.lstrip("%")[1:] if stripped.lstrip("%").startswith(" ") else stripped.lstrip("%"))
        pos = end + 1
    block = "\n".join(lines)
    try:
        data = yaml.safe_load(block) if block.strip() else None
    except yaml.YAMLError as err:
        raise NotesError(f"the % sheetproof: block is not valid YAML: {getattr(err, 'problem', None) or 'error'}",
                         pos=m.start()) from None
    except (RecursionError, ValueError, OverflowError) as err:
        raise NotesError(f"the % sheetproof: block is not valid YAML: {type(err).__name__}", pos=m.start()) from None
    return (True if data is None else data), m.start()


def _braced(text: str, i: int) -> tuple[str, int]:
    """``{...}`` at ``text[i]`` (after spaces): its content and the index after it."""
    while i < len(text) and text[i].isspace():
        i += 1
    if i < len(text) and text[i] == "\\":  # \newcommand\name{...}
        j = i + 1
        while j < len(text) and text[j].isalpha():
            j += 1
        return text[i:max(j, i + 2)], max(j, i + 2)
    if i >= len(text) or text[i] != "{":
        raise NotesError("expected '{' in a macro definition", pos=i)
    depth, k = 0, i
    while k < len(text):
        if text[k] == "\\":
            k += 2
            continue
        if text[k] == "{":
            depth += 1
        elif text[k] == "}":
            depth -= 1
            if depth == 0:
                return text[i + 1:k], k + 1
        k += 1
    raise NotesError("unbalanced braces in a macro definition", pos=i)


def _bracketed(text: str, i: int) -> tuple[str | None, int]:
    j = i
    while j < len(text) and text[j].isspace():
        j += 1
    if j < len(text) and text[j] == "[":
        close = text.find("]", j)
        if close < 0:
            raise NotesError("'[' without ']' in a macro definition", pos=j)
        return text[j + 1:close], close + 1
    return None, i


def _definition(out: Extracted, text: str, m: re.Match, operator: bool) -> int:
    try:
        name, i = _braced(text, m.end())
        name = name.strip()
        if operator:
            body, i = _braced(text, i)
            out.macros.append(MacroDefinition(name, 0, r"\operatorname{" + body + "}", None, m.start()))
            return i
        nargs, i = _bracketed(text, i)
        default, i = _bracketed(text, i)
        body, i = _braced(text, i)
        if nargs is not None and not nargs.strip().isdigit():
            raise NotesError(f"{name}: the number of arguments [{nargs}] is not a number", pos=m.start())
        out.macros.append(MacroDefinition(name, int(nargs) if nargs else 0, body, default, m.start()))
        return i
    except NotesError as err:
        out.errors.append(err.at(m.start()))
        return m.end()


def _skip_comment(text: str, i: int) -> int:
    end = text.find("\n", i)
    return len(text) if end < 0 else end


def extract_latex(text: str, *, inline: bool) -> Extracted:
    out = Extracted()
    document = text.find(r"\begin{document}")
    preamble_end = document if document >= 0 else len(text)
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == "%":
            end = _skip_comment(text, i)
            body = text[i:end].lstrip("%").strip()
            if body.startswith("sheetproof:") and body[len("sheetproof:"):].strip():
                attach_comment(out, text, i, body[len("sheetproof:"):], end)
            i = end
            continue
        if c == "\\":
            if i < preamble_end:
                m = _DEFINE.match(text, i) or _OPERATOR.match(text, i)
                if m:
                    i = _definition(out, text, m, operator=m.re is _OPERATOR)
                    continue
            if text.startswith(r"\[", i):
                i = _math(out, text, i, i + 2, r"\]", None)
                continue
            if inline and text.startswith(r"\(", i):
                i = _math(out, text, i, i + 2, r"\)", None, display=False)
                continue
            if (skip := _IFFALSE.match(text, i)) is not None:  # \iffalse ... \fi: commented out
                close = _FI.search(text, skip.end())
                i = n if close is None else close.end()
                continue
            m = _BEGIN.match(text, i)
            if m:
                env = m.group(1)
                if env in _SKIPPED:
                    close = text.find(f"\\end{{{env}}}", m.end())
                    i = n if close < 0 else close + len(env) + 6
                else:
                    i = _math(out, text, i, m.end(), f"\\end{{{env}}}", env)
                continue
            i += 2
            continue
        if c == "$":
            if text.startswith("$$", i):
                i = _math(out, text, i, i + 2, "$$", None)
                continue
            close = _find_closer(text, i + 1, "$")
            if close < 0:
                out.errors.append(NotesError("math opened with '$' is never closed", pos=i))
                return out
            if inline:
                out.formulas.append(Formula(text[i + 1:close], i + 1, close + 1, False, None))
            i = close + 1
            continue
        i += 1
    return out


def _find_closer(text: str, start: int, closer: str) -> int:
    """The closing delimiter after ``start``, skipping ``\\x`` escapes and ``%`` comments."""
    k = start
    while k < len(text):
        if text[k] == "\\":
            if text.startswith(closer, k):
                return k
            k += 2
            continue
        if text[k] == "%":
            k = _skip_comment(text, k)
            continue
        if text.startswith(closer, k):
            return k
        k += 1
    return -1


def _math(out: Extracted, text: str, open_at: int, start: int, closer: str, env: str | None, *,
          display: bool = True) -> int:
    close = _find_closer(text, start, closer)
    if close < 0:
        out.errors.append(NotesError(f"math opened with {text[open_at:start]!r} is never closed with {closer!r}",
                                     pos=open_at))
        return len(text)
    out.formulas.append(Formula(text[start:close], start, close + len(closer), display, env))
    return close + len(closer)
