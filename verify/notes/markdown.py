"""Find the math of a Markdown file: front matter, display math, inline math when asked, option comments.

* Front matter: the file starts with ``---``; the YAML up to the next ``---`` (or
  ``...``) line is read with ``yaml.safe_load``; its ``sheetproof:`` key is the header.
* Display math: ``$$...$$``, ``\\[...\\]``, and ``\\begin{equation}`` / ``align`` / ... environments.
* Inline math ``$...$`` and ``\\(...\\)`` only with ``inline: true``.  A ``$`` opens only
  when the next character is not a space, and closes only after a non-space
  character not followed by a digit (``$5 and $6`` is prose); ``\\$`` is a dollar.
* Fenced code (````` ``` ````` or ``~~~``), inline code spans and HTML comments are skipped;
  ``<!-- sheetproof: ... -->`` right after a formula (only spaces and newlines
  between) adjusts it.
"""

from __future__ import annotations

import re

from .errors import NotesError
from .extract import Extracted, Formula, attach_comment

__all__ = ["extract_markdown", "front_matter", "DISPLAY_ENVIRONMENTS"]

DISPLAY_ENVIRONMENTS = ("equation", "equation*", "align", "align*", "gather", "gather*", "multline", "multline*",
                        "eqnarray", "eqnarray*", "flalign", "flalign*", "displaymath", "alignat", "alignat*")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})", re.M)
_BEGIN = re.compile(r"\\begin\{(" + "|".join(re.escape(e) for e in DISPLAY_ENVIRONMENTS) + r")\}")


def front_matter(text: str) -> tuple[object, int, int]:
    """(the parsed ``sheetproof`` value or None, its offset, the offset where the body starts)."""
    import yaml

    if not (text.startswith("---\n") or text.startswith("---\r\n")):
        return None, 0, 0
    m = re.compile(r"^(---|\.\.\.)[ \t]*\r?$", re.M).search(text, 4)
    if m is None:
        raise NotesError("the front matter opened with '---' is never closed", pos=0)
    block = text[4:m.start()]
    try:
        data = yaml.safe_load(block)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        at = None if mark is None else 4 + sum(len(line) + 1 for line in block.split("\n")[:mark.line])
        raise NotesError(f"the front matter is not valid YAML: {getattr(err, 'problem', None) or 'error'}",
                         pos=at) from None
    except (RecursionError, ValueError, OverflowError) as err:
        raise NotesError(f"the front matter is not valid YAML: {type(err).__name__}", pos=0) from None
    body = text.find("\n", m.start())
    body = len(text) if body < 0 else body + 1
    if not isinstance(data, dict) or "sheetproof" not in data:
        return None, 0, body
    key = re.search(r"^sheetproof\s*:", block, re.M)
    return data["sheetproof"] if data["sheetproof"] is not None else True, 4 + (key.start() if key else 0), body


def _closing_dollar(text: str, start: int) -> int:
    """Index of the ``$`` closing inline math opened just before ``start``; -1 if none on this paragraph."""
    k = start
    while k < len(text):
        c = text[k]
        if c == "\\":
            k += 2
            continue
        if c == "\n" and text[k + 1:k + 2] == "\n":
            return -1  # math does not cross a blank line
        if c == "$":
            if text[k - 1].isspace() or (k + 1 < len(text) and text[k + 1].isdigit()):
                k += 1
                continue
            return k
        k += 1
    return -1


def extract_markdown(text: str, *, inline: bool, start: int = 0) -> Extracted:
    """Every formula of the body (from ``start``), with the option comments attached."""
    out = Extracted()
    i, n = start, len(text)
    while i < n:
        c = text[i]
        at_line_start = i == 0 or text[i - 1] == "\n"
        if at_line_start:
            fence = _FENCE.match(text, i)
            if fence:
                closing = re.compile(r"^ {0,3}" + re.escape(fence.group(1)[0]) + "{" + str(len(fence.group(1)))
                                     + r",}\s*$", re.M).search(text, fence.end())
                i = n if closing is None else closing.end()
                continue
        if c == "`":
            run = len(text[i:]) - len(text[i:].lstrip("`"))
            close = text.find("`" * run, i + run)
            i = n if close < 0 else close + run
            continue
        if text.startswith("<!--", i):
            close = text.find("-->", i)
            end = n if close < 0 else close + 3
            body = text[i + 4:end - 3 if close >= 0 else n].strip()
            if body.startswith("sheetproof:"):
                attach_comment(out, text, i, body[len("sheetproof:"):], end)
            i = end
            continue
        if c == "\\" and i + 1 < n:
            nxt = text[i + 1]
            if nxt == "[":
                i = _display(out, text, i, i + 2, "\\]", None)
                continue
            if nxt == "(" and inline:
                i = _display(out, text, i, i + 2, "\\)", None, display=False)
                continue
            m = _BEGIN.match(text, i)
            if m:
                i = _display(out, text, i, m.end(), f"\\end{{{m.group(1)}}}", m.group(1))
                continue
            i += 2
            continue
        if c == "$":
            if text.startswith("$$", i):
                i = _display(out, text, i, i + 2, "$$", None)
                continue
            if inline and i + 1 < n and not text[i + 1].isspace():
                close = _closing_dollar(text, i + 1)
                if close > 0:
                    out.formulas.append(Formula(text[i + 1:close], i + 1, close + 1, False, None))
                    i = close + 1
                    continue
        i += 1
    return out


def _display(out: Extracted, text: str, open_at: int, start: int, closer: str, env: str | None, *,
             display: bool = True) -> int:
    close = text.find(closer, start)
    if close < 0:
        out.errors.append(NotesError(f"math opened with {text[open_at:start]!r} is never closed with {closer!r}",
                                     pos=open_at))
        return len(text)
    out.formulas.append(Formula(text[start:close], start, close + len(closer), display, env))
    return close + len(closer)
