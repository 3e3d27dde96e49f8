"""The labelled table read back through LaTeX: each identity written as notes, read by the reader.

The table (tests/table/*.identities.yaml: 707 identities by others, labelled and confirmed by a second engine)
is the reader's test bed: :func:`verify.notes.claim_latex.claim_latex` writes each claim as an author would,
with the row's declarations in the front matter; the reader must read back the same claim (its SymPy statement
equal to the row's), or a claim the checker decides as the label says, or refuse it with a reason.  A misread
is any other outcome (tests/notes/test_notes_roundtrip.py; ``python -m bench.notes --roundtrip`` checks
every row read back against its label).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

from .claim_latex import claim_latex
from .document import NoteClaim, load_notes_text

__all__ = ["TableRow", "table_rows", "notes_text", "read_back", "same_statement"]


@dataclass
class TableRow:
    id: str
    claim: str
    expect: str  # "holds" | "refuted"
    declarations: dict  # symbols, distributions, where, given, layout (the file's merged with the row's)
    file: str


def _as_list(value) -> list:
    return [value] if isinstance(value, str) else list(value or [])


def table_rows(directory: Path) -> Iterator[TableRow]:
    """Every identity of the table's files, with the file-wide declarations merged in."""
    for path in sorted(Path(directory).glob("*.identities.yaml")):
        data = yaml.safe_load(path.read_text())
        for row in data["identities"]:
            decl = {"symbols": {**(data.get("symbols") or {}), **(row.get("symbols") or {})},
                    "distributions": {**(data.get("distributions") or {}), **(row.get("distributions") or {})},
                    "where": _as_list(data.get("where")) + _as_list(row.get("where")),
                    "given": _as_list(data.get("given")) + _as_list(row.get("given")),
                    "layout": row.get("layout", data.get("layout", "denominator"))}
            yield TableRow(row["id"], row["claim"], row["expect"], decl, path.name)


def notes_text(row: TableRow) -> str:
    """A Markdown notes file holding the row's claim in display math; raises :class:`Unwritable`."""
    tex = claim_latex(row.claim, sigma_declared="sigma" in row.declarations["symbols"])
    header = {k: v for k, v in row.declarations.items() if v and not (k == "layout" and v == "denominator")}
    return f"---\nsheetproof: {json.dumps(header)}\n---\n$$\n{tex}\n$$\n"


def read_back(row: TableRow) -> NoteClaim:
    """The reader's claim for the row written as notes (``claim.error`` says why when it cannot read it)."""
    notes = load_notes_text(notes_text(row), f"{row.id}.md", "markdown")
    if len(notes.claims) != 1:
        raise AssertionError(f"{row.id}: the notes hold {len(notes.claims)} claims, not one ({notes.errors})")
    return notes.claims[0]


def same_statement(row: TableRow, claim: str) -> bool:
    """Whether ``claim`` builds the same SymPy statement as the row's claim under the row's declarations."""
    from verify.userfile.identity import Identity

    def build(text: str):
        d = row.declarations
        return Identity(id=row.id, claim=text, symbols=dict(d["symbols"]), distributions=dict(d["distributions"]),
                        given=tuple(d["given"]), where=tuple(d["where"]), layout=d["layout"]).to_entry().expr

    return build(claim) == build(row.claim)
