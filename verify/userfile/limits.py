"""Resource bounds for untrusted identity files (all in one place).

Inputs beyond a bound are refused with a :class:`~verify.userfile.errors.UserFileError`
before any work is done on them; the time limit bounds the rest.
"""

from __future__ import annotations

from formulas.spec import MAX_SIZE

__all__ = ["MAX_FILE_BYTES", "MAX_IDENTITIES", "MAX_SYMBOLS", "MAX_EXPR_CHARS", "MAX_AST_NODES",
           "MAX_DEPTH", "MAX_EXPONENT", "MAX_NUMBER_DIGITS", "MAX_SUM_TERMS", "MAX_SIZE", "MAX_WHERE",
           "MAX_TEXT_CHARS", "DEFAULT_TIMEOUT", "MAX_SUM_NESTING", "MAX_UNROLL", "MAX_PIECES",
           "MAX_SPECIAL_ARGUMENT", "MAX_LITERAL_MATRIX"]

MAX_FILE_BYTES = 1_000_000  # a larger file is refused before YAML sees it
MAX_IDENTITIES = 500  # per file
MAX_SYMBOLS = 32  # declared symbols per identity
MAX_WHERE = 16  # constraints per identity
MAX_EXPR_CHARS = 2_000  # one claim or constraint
MAX_TEXT_CHARS = 2_000  # ids, titles, notes
# Syntax is not what costs time: building takes 10-150 us per syntax node (`python bench/vocabulary.py build`), so
# the 1,400-2,500 nodes that 2,000 characters of ordinary formulas reach build in about 0.1 s; what costs is
# unrolling sums at concrete sizes and SymPy simplification, which MAX_UNROLL and the time limit bound.  The node
# bound sits above what the character bound allows, so the character bound is the one users meet.
MAX_AST_NODES = 4_000  # nodes of one parsed expression (operators and contexts included): 2 per character at most
MAX_DEPTH = 40  # nesting depth of one parsed expression
MAX_EXPONENT = 64  # |k| for a numeric exponent x**k (scalars) or A**k (matrices)
MAX_NUMBER_DIGITS = 200  # digits of any number literal or folded constant
MAX_SUM_TERMS = 4_096  # terms of a sum or product with number bounds, sum(f, i, a, b) has b - a + 1
MAX_SUM_NESTING = 3  # sums and products inside sums and products
MAX_UNROLL = 4_096  # terms the numeric engines unroll per sum or product at a concrete size (beyond: skipped)
MAX_PIECES = 16  # pieces of a Piecewise, arguments of Max / Min
MAX_SPECIAL_ARGUMENT = 1_000  # |x| for factorial / gamma / binomial of a number literal (evaluated at once)
MAX_LITERAL_MATRIX = 16  # rows and columns of Matrix([...]) entries and of BlockMatrix([...]) blocks
DEFAULT_TIMEOUT = 60.0  # seconds per identity (parsing and checking)
