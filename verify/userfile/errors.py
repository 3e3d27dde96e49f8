"""The one error type of user identity files: what is wrong, and where.

Every problem with the input -- an unreadable file, malformed YAML, a field of
the wrong type, a symbol declaration off the grammar, a claim outside the
whitelisted expression language -- is a :class:`UserFileError` that names the
file, the identity and the field::

    >>> str(UserFileError("unknown name 'y'", file="ids.yaml", identity="quad", field="claim"))
    "ids.yaml: identity 'quad': field 'claim': unknown name 'y'"
"""

from __future__ import annotations

import copy

__all__ = ["UserFileError", "ClaimError"]


class UserFileError(ValueError):
    """Invalid user input, located by file, identity id and field (each optional)."""

    def __init__(self, message: str, *, file: str | None = None, identity: str | None = None,
                 field: str | None = None):
        super().__init__(message)
        self.message = message
        self.file = file
        self.identity = identity
        self.field = field

    def located(self, *, file: str | None = None, identity: str | None = None,
                field: str | None = None) -> UserFileError:
        """The same error (same type) with the missing parts of its location filled in."""
        out = copy.copy(self)
        out.file, out.identity, out.field = self.file or file, self.identity or identity, self.field or field
        return out

    def __str__(self) -> str:
        where = []
        if self.file:
            where.append(self.file)
        if self.identity:
            where.append(f"identity {self.identity!r}")
        if self.field:
            where.append(f"field {self.field!r}")
        return ": ".join([*where, self.message])

    def to_json(self) -> dict:
        return {"file": self.file, "id": self.identity, "field": self.field, "error": self.message}


class ClaimError(UserFileError):
    """An expression outside the whitelisted language, or ill-formed (shapes, arguments)."""

    def __init__(self, message: str, *, col: int | None = None, **where):
        if col is not None:
            message = f"{message} (at column {col + 1})"
        super().__init__(message, **where)
