"""The error of a notes file that cannot be read as written: what, and where (a file offset).

Every stage (scanning, macro expansion, parsing, translation) raises
:class:`NotesError`; the document loader turns it into a located input error
(file, line, column) and goes on with the next equation.
"""

from __future__ import annotations

__all__ = ["NotesError"]


class NotesError(ValueError):
    """An equation or header the reader cannot take in; ``pos`` is an offset in the file, if known."""

    def __init__(self, message: str, *, pos: int | None = None):
        super().__init__(message)
        self.message = message
        self.pos = pos

    def at(self, pos: int | None) -> NotesError:
        """This error, located at ``pos`` unless it already has a position."""
        if self.pos is None:
            self.pos = pos
        return self
