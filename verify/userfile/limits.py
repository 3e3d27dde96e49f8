"""Resource bounds for untrusted identity files (all in one place).

Inputs beyond a bound are refused with a :class:`~verify.userfile.errors.UserFileError`
before any work is done on them; the time limit bounds the rest.
"""

from __future__ import annotations

from formulas.spec import MAX_SIZE

__all__ = ["MAX_FILE_BYTES", "MAX_IDENTITIES", "MAX_SYMBOLS", "MAX_EXPR_CHARS", "MAX_AST_NODES",
           "MAX_DEPTH", "MAX_EXPONENT", "MAX_NUMBER_DIGITS", "MAX_SUM_TERMS", "MAX_SIZE", "MAX_WHERE",
           "MAX_TEXT_CHARS", "DEFAULT_TIMEOUT"]

MAX_FILE_BYTES = 1_000_000  # a larger file is refused before YAML sees it
MAX_IDENTITIES = 500  # per file
MAX_SYMBOLS = 32  # declared symbols per identity
MAX_WHERE = 16  # constraints per identity
MAX_EXPR_CHARS = 2_000  # one claim or constraint
MAX_TEXT_CHARS = 2_000  # ids, titles, notes
MAX_AST_NODES = 400  # nodes of one parsed expression (operators included)
MAX_DEPTH = 40  # nesting depth of one parsed expression
MAX_EXPONENT = 64  # |k| for a numeric exponent x**k (scalars) or A**k (matrices)
MAX_NUMBER_DIGITS = 200  # digits of any number literal or folded constant
MAX_SUM_TERMS = 64  # terms of one finite sum, sum(f, i, a, b) has b - a + 1
DEFAULT_TIMEOUT = 60.0  # seconds per identity (parsing and checking)
