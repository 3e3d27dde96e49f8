"""Whether a file asks to be checked: a ``sheetproof:`` header, found without reading the file in full.

Used by the pytest plugin to collect only the notes that opt in (a plain README
is not a test).  Imports nothing heavy.
"""

from __future__ import annotations

import re
from pathlib import Path

__all__ = ["has_sheetproof_header", "HEAD_BYTES"]

HEAD_BYTES = 65_536
_FRONT = re.compile(r"\A---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*\r?$", re.S | re.M)
_FRONT_KEY = re.compile(r"^sheetproof[ \t]*:", re.M)
_LATEX = re.compile(r"^[ \t]*%+[ \t]*sheetproof:[ \t]*\r?$", re.M)


def has_sheetproof_header(path) -> bool:
    """A Markdown front-matter key ``sheetproof:``, a LaTeX ``% sheetproof:`` block, or a sidecar file."""
    p = Path(path)
    if p.with_name(p.stem + ".sheetproof.yaml").is_file():
        return True
    try:
        with open(p, "rb") as f:
            head = f.read(HEAD_BYTES).decode("utf-8", errors="replace")
    except OSError:
        return False
    if p.suffix.lower() in (".tex", ".ltx"):
        return bool(_LATEX.search(head))
    m = _FRONT.match(head)
    return bool(m and _FRONT_KEY.search(m.group(1)))
