"""``+ \\text{const}`` at the end of a side: equality up to an additive constant in declared symbols.

``\\log P(\\mathbf{X}; \\mathbf{A}) = -\\frac{k}{2}(\\ldots) + \\text{const}`` claims that the two sides differ
by something that does not depend on ``A``.  The declarations say in which symbols the constant is
constant, per equation or file-wide (``constant_in: [A]``); the claim is then read as

    D(lhs - rhs, A) == 0

(the difference's derivative vanishes: on a connected domain, such as the SPD cone, that is the same
claim), and the claim as understood says so.  Written ``+ \\text{const}``, ``+ \\mathrm{const}``,
``+ \\text{constant}`` or ``+ C`` (``C`` undeclared).  Without ``constant_in`` the equation is unreadable,
with that reason; ``+ const`` in an inequality is unreadable too.
"""

from __future__ import annotations

from .errors import NotesError
from .pieces import Piece, sub
from .tokens import Token, tokenize

__all__ = ["CONSTANT_WORDS", "is_constant_word", "strip_constant", "up_to_constant"]

CONSTANT_WORDS = ("const", "constant", "cst")
_WORD_FONTS = (r"\mathrm", r"\text", r"\operatorname", r"\textrm", r"\mathit")


def is_constant_word(text: str) -> bool:
    return text.strip().rstrip(".").strip().lower() in CONSTANT_WORDS


def strip_constant(tokens: list[Token], declared) -> tuple[list[Token], bool]:
    """``tokens`` without a final ``+ const``, and whether there was one; ``declared(name)`` tells a symbol."""
    plus = max((k for k, t in enumerate(tokens) if t.is_char("+")), default=None)
    if plus is None or plus == 0:
        return tokens, False
    tail = tokens[plus + 1:]
    found = False
    if len(tail) == 1 and tail[0].kind == "text":
        found = is_constant_word(tail[0].text)
    elif len(tail) == 1 and tail[0].kind == "letter" and tail[0].text == "C":
        found = not declared("C")
    elif len(tail) >= 4 and tail[0].is_cs(*_WORD_FONTS) and tail[1].is_char("{") and tail[-1].is_char("}"):
        found = is_constant_word("".join(t.text for t in tail[2:-1]))
    return (tokens[:plus], True) if found else (tokens, False)


def up_to_constant(tr, lhs: Piece, rhs: Piece, variables: tuple, at) -> str:
    """``D(lhs - rhs, A) == 0`` for the one declared symbol ``A`` the constant does not depend on."""
    from .parse import parse_tokens
    from .translate_ops import d

    if not variables:
        raise NotesError("'+ const' ends a side: an equality up to an additive constant; say in which symbols it is "
                         "constant (constant_in: [A], per equation or file-wide) to check it")
    if len(variables) != 1:
        raise NotesError(f"'+ const' in several symbols ({', '.join(variables)}): give one, constant_in: [A]")
    var = tr.side(parse_tokens(tokenize(variables[0])))
    if tr.decl.kind(var.text) not in ("scalar", "vector", "matrix"):
        raise NotesError(f"constant_in: {variables[0]} must be a declared scalar, vector or matrix symbol")
    derivative = d(tr, sub(lhs, rhs), var, at)
    return tr.relation(derivative, "==", tr.side(parse_tokens(tokenize("0"))), at)
