"""Claim text built piece by piece, with the fewest parentheses that keep its meaning.

A :class:`Piece` is a fragment of claim text with its precedence.  ``I`` and
``0`` written without a size (``\\mathbf{A} + \\mathbf{I}``, ``\\nabla f = 0``) are
*pending*: their text holds the markers ``@r@`` / ``@c@`` until the other operand
tells the size (:func:`sized`).

    >>> str(mul(add(atom("a"), atom("b")), atom("c")))
    '(a + b)*c'
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Piece", "ADD", "NEG", "MUL", "POW", "ATOM", "atom", "wrap", "add", "sub", "mul", "div", "neg", "power",
           "call", "postfix", "sized", "IDENTITY", "ZERO", "ONES"]

ADD, NEG, MUL, POW, ATOM = 1, 1.5, 2, 3, 4
ROWS, COLS = "@r@", "@c@"


@dataclass(frozen=True)
class Piece:
    text: str
    prec: float = ATOM
    pending: str = ""  # "I" (square, size unknown) or "0" (size unknown): text holds ROWS / COLS markers
    scalar: bool = False  # known to be a scalar without asking the builder (numbers, entries)
    zero: bool = False  # the number 0, which stands for a zero matrix beside a matrix

    def __str__(self) -> str:
        return self.text


IDENTITY = Piece(f"Identity({ROWS})", pending="I")
ZERO = Piece(f"zeros({ROWS}, {COLS})", pending="0")
ONES = Piece(f"ones({ROWS}, {COLS})", pending="0")


def atom(text: str, *, scalar: bool = False) -> Piece:
    return Piece(text, ATOM, scalar=scalar)


def wrap(p: Piece, prec: float) -> str:
    """``p``'s text, in parentheses unless its precedence is at least ``prec``."""
    return p.text if p.prec >= prec else f"({p.text})"


def _pending(*pieces: Piece) -> str:
    kinds = {p.pending for p in pieces if p.pending}
    return "I" if kinds == {"I"} else ("0" if kinds else "")  # "0" stands for any shape still to be sized


def add(a: Piece, b: Piece) -> Piece:
    return Piece(f"{wrap(a, ADD)} + {wrap(b, MUL)}", ADD, _pending(a, b), a.scalar and b.scalar)


def sub(a: Piece, b: Piece) -> Piece:
    return Piece(f"{wrap(a, ADD)} - {wrap(b, MUL)}", ADD, _pending(a, b), a.scalar and b.scalar)


def mul(a: Piece, b: Piece) -> Piece:
    """``a*b``; a product on the right keeps its parentheses (the builder multiplies left to right)."""
    return Piece(f"{wrap(a, MUL)}*{wrap(b, POW)}", MUL, _pending(a, b), a.scalar and b.scalar)


def div(a: Piece, b: Piece) -> Piece:
    return Piece(f"{wrap(a, MUL)}/{wrap(b, POW)}", MUL, a.pending, a.scalar and b.scalar)


def neg(a: Piece) -> Piece:
    if a.text.replace(".", "", 1).isdigit():
        return Piece("-" + a.text, NEG, scalar=True)
    return Piece(f"-{wrap(a, MUL)}", NEG, a.pending, a.scalar)


def power(a: Piece, e: Piece) -> Piece:
    return Piece(f"{wrap(a, ATOM)}**{wrap(e, ATOM)}", POW, a.pending, a.scalar)


def call(name: str, *args: Piece, scalar: bool = False) -> Piece:
    """``name(args)``; an argument still to be sized leaves the call to be sized (``tr(I)``)."""
    return Piece(f"{name}({', '.join(a.text for a in args)})", ATOM, "0" if _pending(*args) else "", scalar)


def postfix(a: Piece, suffix: str) -> Piece:
    """``a.T``, ``a.I``, ``a[i, j]``."""
    return Piece(wrap(a, ATOM) + suffix, ATOM, a.pending, a.scalar and not suffix.startswith("."))


def sized(p: Piece, rows: str, cols: str) -> Piece:
    """``p`` with the size of its pending ``I`` / ``0`` filled in."""
    if not p.pending:
        return p
    return Piece(p.text.replace(ROWS, rows).replace(COLS, cols), p.prec, "", p.scalar)
