"""``P(X > a)``: probabilities of events, read into the claim grammar's ``P(...)``.

The event is a relation (``P(X \\geq a)``), a chain (``P(a < X \\leq b)`` is ``And(a < X, X <= b)``),
relations joined by commas (``P(X = 1, Y = 0)``, both at once), and it may be
conditioned on a random variable: ``P(X > a \\mid Y)`` / ``P(X > a | Y)`` is ``P((X > a) | Y)``.  A bar is the condition's when
the part before it holds a relation (``P(|X| > a)`` is an absolute value).
"""

from __future__ import annotations

from .errors import NotesError
from .pieces import Piece, atom
from .tokens import Token

__all__ = ["probability"]


def _split(tokens: list[Token], char: str) -> list[list[Token]]:
    from .split import _depths

    parts: list[list[Token]] = [[]]
    for t, d in zip(tokens, _depths(tokens), strict=True):
        if d == 0 and t.is_char(char):
            parts.append([])
        else:
            parts[-1].append(t)
    return parts


def _has_relation(tokens: list[Token]) -> bool:
    from .split import _depths, _relation_at

    depth = _depths(tokens)
    return any(depth[k] == 0 and _relation_at(tokens, k) for k in range(len(tokens)))


def _condition_bar(tokens: list[Token]) -> int | None:
    from .split import _depths

    for k, (t, d) in enumerate(zip(tokens, _depths(tokens), strict=True)):
        if d == 0 and (t.is_cs(r"\mid") or (t.is_char("|") and _has_relation(tokens[:k]))):
            return k
    return None


def _event(tr, tokens: list[Token], pos: int) -> str:
    from .split import split_formula

    relations: list[str] = []
    for part in _split(tokens, ","):
        stmts = split_formula(part)
        links = [link for s in stmts for link in s.links]
        if not links:
            raise NotesError("an event in P(...) must be a relation, such as P(X > a)", pos=pos)
        for link in links:
            if link.kind != "claim" or not link.lhs or not link.rhs:
                raise NotesError(f"the event {link.why or 'relation'} cannot be read inside P(...)", pos=link.pos)
            op = "!=" if link.op == "!=" else link.op
            relations.append(f"{tr.side(link.lhs).text} {op} {tr.side(link.rhs).text}")
    return relations[0] if len(relations) == 1 else f"And({', '.join(relations)})"


def probability(tr, n) -> Piece:
    from .translate_ops import grammar_has

    if not grammar_has("P"):
        raise NotesError("probabilities of events, P(...), are not in the claim grammar yet", pos=n.pos)
    tokens = list(n.tokens)
    bar = _condition_bar(tokens)
    event = _event(tr, tokens if bar is None else tokens[:bar], n.pos)
    if bar is None:
        return atom(f"P({event})")
    given = tokens[bar + 1:]
    if not given:
        raise NotesError("a conditioning bar with nothing after it", pos=n.pos)
    if _has_relation(given):
        raise NotesError("conditioning on an event, P(A | B), is not in the claim grammar; conditioning on a "
                         "random variable, P(A | Y), is", pos=n.pos)
    return atom(f"P(({event}) | {tr.side(given).text})", scalar=True)
