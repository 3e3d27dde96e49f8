"""A notes file read into claims: each with its place, the claim as understood, or why it cannot be read.

:func:`load_notes` never raises for bad input: a header error is a file error,
an equation that cannot be read is a claim with ``error`` set (an input error,
exit status 2), and notation that asserts nothing (``:=``, ``\\approx``, ``\\in``) is
listed in :attr:`NotesFile.not_claims` with what it is.  Every claim that can be
read becomes an :class:`~verify.userfile.identity.Identity` -- the same object an
identity file gives -- checked by the same code.

Ids: ``L12`` for the claim on line 12, ``L12.2`` for the second claim of that line;
``id=`` in the equation's comment, or ``\\label{...}``, names the equation instead.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from pathlib import Path

from verify.userfile.errors import UserFileError
from verify.userfile.identity import Identity
from verify.userfile.limits import MAX_FILE_BYTES, MAX_IDENTITIES

from .errors import NotesError
from .extract import Extracted
from .latex import extract_latex, latex_header
from .macros import MacroTable
from .markdown import extract_markdown, front_matter
from .options import file_options

__all__ = ["NoteClaim", "NotClaim", "NotesFile", "load_notes", "load_notes_text", "notes_format", "sidecar_path"]


@dataclass
class NoteClaim:
    """One relation of the notes that asserts something, read or not."""

    id: str
    file: str
    line: int
    column: int
    latex: str  # the link as written: lhs op rhs
    relation: str  # "==", "<=", ">=", "<", ">", "!="
    claim: str | None = None  # the claim as understood (None when unreadable)
    identity: Identity | None = None  # what is checked: for != the equality it negates
    expect: str = "holds"
    skip: str | None = None
    error: str | None = None  # why it cannot be read
    stage: str = ""  # where reading stopped: split (the formula), parse (a side), translate, build
    because: str | None = None  # the line is read through a declared reading (its own text is garbled): why
    shape: object | None = None  # a shape membership (verify.notes.membership.ShapeClaim), checked without engines
    instance: str | None = None  # "n = 4": the line's letters fixed to numbers; a proof covers that instance only

    @property
    def readable(self) -> bool:
        """Read into something checkable: an identity, or a shape claim."""
        return self.identity is not None or self.shape is not None

    @property
    def checked(self) -> str | None:
        """What is checked, as claim text (for ``!=`` the equality)."""
        return self.identity.claim if self.identity is not None else self.claim

    def to_json(self) -> dict:
        out = {"file": self.file, "id": self.id, "line": self.line, "column": self.column, "latex": self.latex,
               "relation": self.relation, "claim": self.claim, "expect": self.expect}
        if self.because is not None:
            out["reading"] = self.because
        return out


@dataclass
class NotClaim:
    """A relation that is notation, not a claim (a definition, an approximation, a membership)."""

    file: str
    line: int
    column: int
    latex: str
    why: str

    def to_json(self) -> dict:
        return {"file": self.file, "line": self.line, "column": self.column, "latex": self.latex, "why": self.why}


@dataclass
class NotesFile:
    file: str
    claims: list[NoteClaim] = field(default_factory=list)
    not_claims: list[NotClaim] = field(default_factory=list)
    errors: list[UserFileError] = field(default_factory=list)  # the file and its header, located by line


def sidecar_path(path: Path) -> Path:
    """``notes.md`` -> ``notes.sheetproof.yaml`` beside it."""
    return path.with_name(path.stem + ".sheetproof.yaml")


def notes_format(path) -> str | None:
    """``markdown`` / ``latex`` from the name (or a sidecar's ``format``); None for other files."""
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix in (".md", ".markdown"):
        return "markdown"
    if suffix in (".tex", ".ltx"):
        return "latex"
    if suffix not in (".yaml", ".yml") and sidecar_path(p).is_file():
        return "sidecar"
    return None


class Lines:
    """File offsets to (line, column), both 1-based."""

    def __init__(self, text: str):
        self.starts = [0] + [k + 1 for k, c in enumerate(text) if c == "\n"]

    def at(self, pos: int | None) -> tuple[int, int]:
        if pos is None:
            return 1, 1
        line = bisect.bisect_right(self.starts, pos)
        return line, pos - self.starts[line - 1] + 1


def load_notes(path) -> NotesFile:
    """Read one Markdown or LaTeX file (with its sidecar, if any)."""
    name = str(path)
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > MAX_FILE_BYTES:
            return NotesFile(name, errors=[UserFileError(f"{size} bytes exceed the limit of {MAX_FILE_BYTES}",
                                                         file=name)])
        text = p.read_bytes().decode("utf-8")
    except OSError as err:
        return NotesFile(name, errors=[UserFileError(f"cannot read the file: {err.strerror or err}", file=name)])
    except UnicodeDecodeError as err:
        return NotesFile(name, errors=[UserFileError(f"not UTF-8 text (byte {err.start})", file=name)])
    sidecar = None
    side = sidecar_path(p)
    if side.is_file():
        try:
            import yaml

            sidecar = yaml.safe_load(side.read_text(encoding="utf-8")) or {}
        except (OSError, UnicodeDecodeError, ValueError) as err:
            return NotesFile(name, errors=[UserFileError(f"cannot read {side.name}: {type(err).__name__}: {err}",
                                                         file=name)])
    kind = notes_format(p)
    if kind == "sidecar":
        kind = sidecar.get("format") if isinstance(sidecar, dict) else None
        if kind not in ("markdown", "latex"):
            return NotesFile(name, errors=[UserFileError(
                f"{side.name} must say 'format: markdown' or 'format: latex' for a file named {p.name}",
                file=name)])
    if kind is None:
        return NotesFile(name, errors=[UserFileError("not a notes file: name it .md or .tex, or put a sidecar "
                                                     f"{side.name} with 'format:' beside it", file=name)])
    return load_notes_text(text, name, kind, sidecar=sidecar)


def load_notes_text(text: str, file: str, kind: str, *, sidecar=None) -> NotesFile:
    """Read notes given as text; ``kind`` is ``markdown`` or ``latex``."""
    out = NotesFile(file)
    lines = Lines(text)

    def error(err: NotesError) -> None:
        line, col = lines.at(err.pos)
        out.errors.append(UserFileError(f"line {line}, column {col}: {err.message}", file=file))

    body_start = header_pos = 0
    try:
        if kind == "markdown":
            header, header_pos, body_start = front_matter(text)
        else:
            header, header_pos = latex_header(text)
        if header is not None and sidecar is not None:
            raise NotesError("declarations both in the file and in its sidecar .sheetproof.yaml: keep one",
                             pos=header_pos)
        options = file_options(sidecar if sidecar is not None else header, sidecar=sidecar is not None)
    except NotesError as err:
        error(err.at(header_pos))
        return out
    found: Extracted = (extract_markdown(text, inline=options.inline, start=body_start) if kind == "markdown"
                        else extract_latex(text, inline=options.inline))
    for err in found.errors:
        error(err)
    macros = MacroTable()
    for d in found.macros:
        try:
            macros.define(d.name, d.nargs, d.body, d.default, pos=d.pos)
        except NotesError as err:
            error(err.at(d.pos))
    for name, body in options.macros.items():
        try:
            macros.add(name, body)
        except NotesError as err:
            error(err.at(header_pos))
    from .claims import assign_ids, declared_definition, read_claim, split_claims
    from .readings import apply_readings

    try:
        apply_readings(found.formulas, options, lines)
    except NotesError as err:
        error(err.at(header_pos))
    raw = []
    for formula in found.formulas:
        first = formula.start + len(formula.text) - len(formula.text.lstrip())  # its first line with text
        line_macros = options.equations.get(f"L{lines.at(first)[0]}")
        table = macros
        if line_macros is not None and (line_macros.macros or line_macros.instance):
            try:
                table = macros.with_definitions({**{k: str(v) for k, v in line_macros.instance.items()},
                                                 **line_macros.macros})  # the instance, then macros using it
            except NotesError as err:
                error(err.at(header_pos))
        raw.extend(split_claims(out, formula, table, lines, bool(line_macros and line_macros.claim)))
        if len(raw) > MAX_IDENTITIES:
            error(NotesError(f"more than {MAX_IDENTITIES} claims in one file; the rest are not read",
                             pos=formula.start))
            del raw[MAX_IDENTITIES:]
            break
    assign_ids(raw)
    missing = [k for k in options.equations if not any(r.id == k or r.id.rsplit(".", 1)[0] == k for r in raw)]
    if missing:
        out.errors.append(UserFileError("equations: no claim has the id(s) " + ", ".join(missing)[:300]
                                        + " (ids are L<line> or L<line>.<k>, or the equation's id=)", file=file))
    for r in raw:
        why = declared_definition(r, options)
        if why is not None:
            out.not_claims.append(NotClaim(file, r.line, r.column, r.latex, why))
            continue
        out.claims.append(read_claim(r, options, file))
    return out
