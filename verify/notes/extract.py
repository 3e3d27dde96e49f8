"""What the Markdown and LaTeX readers find: formulas with their place, the header, option comments."""

from __future__ import annotations

from dataclasses import dataclass, field

from .errors import NotesError
from .options import EquationOptions, parse_comment

__all__ = ["Formula", "Extracted", "attach_comment", "MacroDefinition"]


@dataclass
class Formula:
    """One formula: its TeX, where it starts and ends in the file, display or inline, the environment."""

    text: str
    start: int  # offset of text[0] in the file
    end: int  # offset just past the closing delimiter
    display: bool
    env: str | None
    options: EquationOptions | None = None
    because: str | None = None  # set when the text is a declared reading of the line, not the line's own TeX


@dataclass(frozen=True)
class MacroDefinition:
    name: str
    nargs: int
    body: str
    default: str | None
    pos: int


@dataclass
class Extracted:
    formulas: list[Formula] = field(default_factory=list)
    errors: list[NotesError] = field(default_factory=list)
    header: object = None  # the parsed header mapping (or True for an empty one), None when absent
    header_pos: int = 0
    macros: list[MacroDefinition] = field(default_factory=list)


def attach_comment(out: Extracted, text: str, pos: int, body: str, end: int) -> None:
    """Attach ``sheetproof:`` options at ``pos`` to the formula right before them (only whitespace between)."""
    last = out.formulas[-1] if out.formulas else None
    if last is None or text[last.end:pos].strip():
        out.errors.append(NotesError("a sheetproof comment must come right after the equation it adjusts "
                                     "(only spaces and line breaks between)", pos=pos))
        return
    if last.options is not None:
        out.errors.append(NotesError("a second sheetproof comment for one equation: merge them", pos=pos))
        return
    try:
        last.options = parse_comment(body)
    except NotesError as err:
        out.errors.append(err.at(pos))
        return
    last.end = end  # a further comment must follow this one's equation, not this comment
