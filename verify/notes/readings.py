"""Declared readings: a garbled line read as its intended formula, never silently.

A header (or sidecar) entry ``L19: {reading: 'TeX', because: 'why'}`` replaces the
formulas of line 19 by the TeX of the reading, read by the same reader with the
same declarations; every claim read from it carries ``because`` (the report and
``--json`` show it beside the claim as understood).  A reading is for a line whose
own text has no sensible literal reading (a lost bracket, a stray letter): a line
that is merely wrong is checked as written, and refuted.
"""

from __future__ import annotations

import re

from .errors import NotesError
from .extract import Formula
from .options import FileOptions

__all__ = ["apply_readings"]

_LINE_KEY = re.compile(r"^L([0-9]{1,7})$")


def apply_readings(formulas: list[Formula], options: FileOptions, lines) -> None:
    """Replace, in place, the formulas of each line that has a reading; raises for a reading without a line."""
    bad = []
    for key, eq in options.equations.items():
        if eq.reading is None:
            continue
        m = _LINE_KEY.match(key)
        if m is None:
            bad.append(f"{key}: a reading belongs to a whole line (key L<line>)")
            continue
        number = int(m.group(1))
        on_line = [k for k, f in enumerate(formulas) if lines.at(f.start)[0] == number]
        if not on_line:
            bad.append(f"{key}: line {number} has no formula to read differently")
            continue
        first = formulas[on_line[0]]
        reading = Formula(eq.reading, first.start, formulas[on_line[-1]].end, first.display, None,
                          because=eq.because)
        for k in reversed(on_line):
            del formulas[k]
        formulas.insert(on_line[0], reading)
    if bad:
        raise NotesError("equations: " + "; ".join(bad)[:400])
