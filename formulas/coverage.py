"""The coverage map: every line of the cheat sheet, accounted for.

A seed line is accounted for when it is

* blank, or a section heading (recognised by its markup);
* inside the ``seed`` line range of a catalog entry (mapped to that entry's id);
* inside a passage the seed repeats (:data:`DUPLICATES`): mapped to the entries
  of the identical line in the first occurrence;
* explained in :mod:`formulas.seed_notes` (prose without a claim, figure residue,
  garbled beyond meaning -- each with its reason).

``sheetproof coverage`` prints the map and the share of lines accounted for; a
test fails when any line is neither mapped nor explained.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

__all__ = ["SEED_PATH", "LineStatus", "seed_lines", "coverage", "summary"]

SEED_PATH = Path(__file__).with_name("seed") / "cheatsheet.txt"
_HEADING = re.compile(r"^\s*(#{1,6}\s|\*\*\d+(\.\d+)*\s[^*]*\*\*\s*$|\*\*\d+(\.\d+)*\s.*\*\*\s*$)")


@dataclass
class LineStatus:
    number: int
    text: str
    kind: str  # "blank" | "heading" | "entry" | "duplicate" | "explained" | "unaccounted"
    ids: list[str] = field(default_factory=list)
    reason: str = ""


@cache
def seed_lines() -> list[str]:
    return SEED_PATH.read_text().split("\n")


def coverage() -> list[LineStatus]:
    """One :class:`LineStatus` per seed line, 1-based."""
    from formulas import entries

    from .seed_notes import DUPLICATES, EXPLAINED

    lines = seed_lines()
    by_line: dict[int, list[str]] = {}
    for e in entries():
        if e.seed is None:
            continue
        first, last = e.seed.lines
        for k in range(first, last + 1):
            by_line.setdefault(k, []).append(e.id)
    explained: dict[int, str] = {}
    for first, last, reason in EXPLAINED:
        for k in range(first, last + 1):
            explained.setdefault(k, reason)
    duplicate_of: dict[int, tuple[list[str], int]] = {}
    for (d_first, d_last), (o_first, o_last) in DUPLICATES:
        originals = {lines[k - 1]: k for k in range(o_first, o_last + 1)}
        for k in range(d_first, d_last + 1):
            twin = originals.get(lines[k - 1])
            if twin is not None and lines[k - 1].strip():
                duplicate_of[k] = (by_line.get(twin, []), twin)
    out = []
    for number, text in enumerate(lines, start=1):
        if not text.strip():
            out.append(LineStatus(number, text, "blank"))
        elif number in by_line:
            out.append(LineStatus(number, text, "entry", by_line[number]))
        elif number in duplicate_of:
            ids, twin = duplicate_of[number]
            out.append(LineStatus(number, text, "duplicate", ids, f"repeats line {twin}"))
        elif number in explained:
            out.append(LineStatus(number, text, "explained", reason=explained[number]))
        elif _HEADING.match(text):
            out.append(LineStatus(number, text, "heading", reason="section heading"))
        else:
            out.append(LineStatus(number, text, "unaccounted"))
    return out


def summary(statuses: list[LineStatus] | None = None) -> dict:
    statuses = coverage() if statuses is None else statuses
    counts: dict[str, int] = {}
    for s in statuses:
        counts[s.kind] = counts.get(s.kind, 0) + 1
    nonblank = len(statuses) - counts.get("blank", 0)
    accounted = nonblank - counts.get("unaccounted", 0)
    return {"lines": len(statuses), "nonblank": nonblank, "accounted": accounted,
            "share": accounted / nonblank if nonblank else 1.0, "counts": counts,
            "unaccounted": [s.number for s in statuses if s.kind == "unaccounted"]}
