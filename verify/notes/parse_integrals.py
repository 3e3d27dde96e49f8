"""``\\int_a^b f(t)\\, dt``: a definite integral, its bounds, and the differential that ends the integrand.

Read forms: ``\\int_{a}^{b} f(t)\\, dt``, ``\\int_a^b ... \\mathrm{d}t`` (``\\, \\mathrm{d} t``, ``\\text{d}t``),
``\\int_0^\\infty``, ``\\int_{-\\infty}^{\\infty}``.  The integrand runs up to the first ``d`` followed by one
name (a letter or a Greek letter) where the term ends (the end of the side, ``+``, ``-``, a closing bracket or
a relation); ``\\int_0^1 dt`` integrates 1.  Refused, with the reason (:data:`~verify.notes.parse_rules.REFUSED`):
an integral without bounds (an antiderivative), one over a set (``\\int_X``), one without its differential.

    >>> from verify.notes.parse import parse_text
    >>> node = parse_text(r"\\int_0^\\infty t e^{-t} dt")
    >>> type(node).__name__, node.var.name, type(node.upper).__name__
    ('Integral', 't', 'Infinity')
"""

from __future__ import annotations

from .errors import NotesError
from .mathtree import Ident, Infinity, Integral, Node, Num
from .names import GREEK
from .parse_rules import REFUSED, is_relation
from .tokens import Token

__all__ = ["integral"]

_OPEN = {"(", "[", "{", r"\{", r"\left"}
_CLOSE = {")", "]", "}", r"\}", r"\right"}
_ENDS = {"+", "-", ")", "]", "}", r"\}", ",", ";", "&", r"\\", "|", r"\|", r"\rangle"}


def _name(tok: Token | None) -> str | None:
    if tok is None:
        return None
    if tok.kind == "letter":
        return tok.text
    if tok.kind == "cs" and tok.text[1:] in GREEK:
        return GREEK[tok.text[1:]]
    return None


def _differential(tokens: list[Token], k: int) -> int:
    """The length of the mark ``d`` at ``tokens[k]`` (``d``: 1, ``\\mathrm{d}``: 4, ``\\text{d}``: 1), or 0."""
    tok = tokens[k]
    if tok.kind == "letter" and tok.text == "d":
        return 1
    if tok.kind == "text" and tok.text.strip() == "d":
        return 1
    if tok.is_cs(r"\mathrm", r"\operatorname", r"\mathit") and k + 3 < len(tokens) and tokens[k + 1].is_char("{") \
            and tokens[k + 2].kind == "letter" and tokens[k + 2].text == "d" and tokens[k + 3].is_char("}"):
        return 4
    return 0


def _ends_term(tok: Token | None, stop: frozenset) -> bool:
    return tok is None or tok.text in stop or tok.text in _ENDS or is_relation(tok) or tok.is_char("=", "<", ">")


def _find_differential(p, stop: frozenset) -> tuple[int, int, Token]:
    """``(start, end, variable token)`` of the differential that ends the integrand at the parser's position."""
    tokens, depth = p.t, 0
    for k in range(p.i, len(tokens)):
        tok = tokens[k]
        if depth == 0 and (tok.text in stop or is_relation(tok) or tok.is_char("=", "<", ">")):
            break
        if tok.text in _OPEN and tok.kind in ("char", "cs"):
            depth += 1
            continue
        if tok.text in _CLOSE and tok.kind in ("char", "cs"):
            depth -= 1
            if depth < 0:
                break
            continue
        if depth:
            continue
        mark = _differential(tokens, k)
        if mark and _name(tokens[k + mark] if k + mark < len(tokens) else None) is not None:
            after = tokens[k + mark + 1] if k + mark + 1 < len(tokens) else None
            if _ends_term(after, stop):
                return k, k + mark + 1, tokens[k + mark]
    raise NotesError(REFUSED["int without differential"], pos=p.t[p.i - 1].pos)


def _bound(p, raw: list[Token], pos: int) -> Node:
    """A bound: ``\\infty``, ``+\\infty``, ``-\\infty`` or an expression."""
    tokens = [t for t in raw if not t.is_char("+")] if len(raw) == 2 and raw[0].is_char("+") else raw
    if len(tokens) == 1 and tokens[0].is_cs(r"\infty"):
        return Infinity(tokens[0].pos)
    if len(tokens) == 2 and tokens[0].is_char("-") and tokens[1].is_cs(r"\infty"):
        return Infinity(tokens[0].pos, negative=True)
    if not tokens:
        raise NotesError("an empty bound of an integral", pos=pos)
    return p.sub(tokens)


def integral(p, tok: Token, stop: frozenset) -> Node:
    """``\\int`` at ``tok`` (consumed): its scripts, its integrand and its differential."""
    lower = upper = None
    while (nxt := p.peek()) is not None and nxt.is_char("_", "^"):
        p.next()
        raw = p.raw_argument()
        if nxt.text == "_":
            if lower is not None:
                raise NotesError("an integral with two lower bounds", pos=nxt.pos)
            lower = raw
        else:
            if upper is not None:
                raise NotesError("an integral with two upper bounds", pos=nxt.pos)
            upper = raw
    if lower is None and upper is None:
        raise NotesError(REFUSED["int without bounds"], pos=tok.pos)
    if lower is None or upper is None:
        raise NotesError(REFUSED["int over a set"], pos=tok.pos)
    low, high = _bound(p, lower, tok.pos), _bound(p, upper, tok.pos)
    start, end, var_tok = _find_differential(p, stop)
    body_tokens = p.t[p.i:start]
    body = p.sub(body_tokens) if body_tokens else Num(tok.pos, "1")
    p.i = end
    var = Ident(var_tok.pos, _name(var_tok))
    return Integral(tok.pos, body, var, low, high)
