"""Text from untrusted input, made safe to show: control characters escaped, previews bounded.

    >>> terminal_safe("title\\x1b[2J")
    'title\\\\x1b[2J'
    >>> preview(list(range(10**6)))
    '[0, 1, 2, 3, 4, 5, 6, 7, ...] (a list of 1000000 items)'

:func:`terminal_safe` writes every control character (C0, DEL, C1), and every
bidirectional or invisible formatting character (``U+202E`` and kin), as a Python
escape, so that a title, a key or a message from a file cannot move the cursor,
clear the screen or reorder what the terminal shows.  JSON output needs none of
this (``json.dumps`` escapes control characters itself) and stays exact.

:func:`preview` describes any value -- a structure an alias bomb built, an
integer of a million digits -- in bounded time and length: it never calls
``str`` or ``repr`` on anything it has not bounded first.
"""

from __future__ import annotations

import re

__all__ = ["terminal_safe", "preview", "PREVIEW_CHARS"]

PREVIEW_CHARS = 80
_MAX_ITEMS = 8
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ud800-\udfff]")


def _escape(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def terminal_safe(text, *, newlines: bool = False) -> str:
    """``text`` with control and formatting characters written as escapes (``\\x1b``, ``\\u202e``).
    Newlines and tabs are kept when ``newlines`` is true, else escaped too."""
    text = text if isinstance(text, str) else str(text)
    out = _UNSAFE.sub(_escape, text)
    if not newlines:
        out = out.replace("\n", "\\n").replace("\t", "\\t")
    return out


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: max(0, limit - 3)] + "..."


_KINDS = {list: ("list", "[]"), tuple: ("tuple", "()"), dict: ("mapping", "{}")}


def preview(value, limit: int = PREVIEW_CHARS, *, _depth: int = 0) -> str:
    """A short description of ``value`` of at most about ``limit`` characters, in bounded time."""
    if isinstance(value, str):
        return repr(_short(value, limit)) if _depth else _short(value, limit)
    if isinstance(value, bool) or value is None or isinstance(value, float):
        return repr(value)
    if isinstance(value, int):
        if value.bit_length() > 3 * limit:
            return f"<an integer of about {int(value.bit_length() * 0.30103) + 1} digits>"
        return _short(str(value), limit)
    if not isinstance(value, (list, tuple, dict)):
        size = f" of {len(value)} items" if isinstance(value, (set, frozenset, bytes, bytearray)) else ""
        return f"<{type(value).__name__}{size}>"
    kind, (open_, close) = _KINDS.get(type(value), ("list", "[]"))
    if _depth >= 2:
        return f"<a {kind} of {len(value)} items>"
    parts, used = [], 0
    items = value.items() if isinstance(value, dict) else value
    for count, item in enumerate(items):
        if count >= _MAX_ITEMS:
            break
        if isinstance(value, dict):
            text = preview(item[0], 20, _depth=_depth + 1) + ": " + preview(item[1], 20, _depth=_depth + 1)
        else:
            text = preview(item, 20, _depth=_depth + 1)
        used += len(text) + 2
        if used > limit:
            break
        parts.append(text)
    if len(parts) == len(value):
        return open_ + ", ".join(parts) + close
    if not parts:
        return f"<a {kind} of {len(value)} items>"
    return f"{open_}{', '.join(parts)}, ...{close} (a {kind} of {len(value)} items)"
