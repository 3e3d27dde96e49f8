"""``P(X > a)``: probabilities of events, read into the claim grammar's ``P(...)``.

The event is a relation (``P(X \\geq a)``), a chain (``P(a < X \\leq b)`` is ``And(a < X, X <= b)``),
relations joined by commas (``P(X = 1, Y = 0)``, both at once), and it may be
conditioned on a random variable: ``P(X > a \\mid Y)`` / ``P(X > a | Y)`` is ``P((X > a) | Y)``.
A plain ``p`` around a relation is the same (``p(X = x, Y = y)``) when ``p`` is undeclared.  A bar is
the condition's when the part before it holds a relation (``P(|X| > a)`` is an absolute value).
The condition may be an event too: ``P(X = x | Y = y, Z = z)`` is ``P((X == x) | (And(Y == y, Z == z)))``,
``P(A and B) / P(B)``.  ``P(Y | X)`` of random variables is a conditional law, not a number: it is read at
declared values, ``P(Y = y | X = x)``, when the lower-case names ``y``, ``x`` are declared scalars, and
refused with that reason otherwise.
"""

from __future__ import annotations

from .errors import NotesError
from .pieces import Piece, atom
from .tokens import Token

__all__ = ["probability", "value_probability"]


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


def _conjunction(relations: list[str]) -> str:
    """One relation as it is; several as ``And(...)``."""
    return relations[0] if len(relations) == 1 else f"And({', '.join(relations)})"


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
            relations.append(f"{tr.side(link.lhs).text} {link.op} {tr.side(link.rhs).text}")
    return _conjunction(relations)


def probability(tr, n) -> Piece:
    from .translate_ops import grammar_has

    if not grammar_has("P"):
        raise NotesError("probabilities of events, P(...), are not in the claim grammar yet", pos=n.pos)
    tokens = list(n.tokens)
    head = n.func.base if hasattr(n.func, "base") else n.func
    if getattr(head, "name", "") == "p" and tr.decl.kind("p") is not None:
        raise NotesError(f"p is declared as {tr.decl.kind('p')}: p(...) around a relation is read as a "
                         "probability only when p is undeclared", pos=n.pos)
    if not _has_relation(tokens):
        bars = [k for k, t in enumerate(tokens) if t.is_char("|") or t.is_cs(r"\mid")]
        if bars and bars[0] > 0:
            event, given = (_values(tr, part) for part in (tokens[:bars[0]], tokens[bars[0] + 1:]))
            if len(bars) == 1 and event and given:
                return atom(f"P(({event}) | ({given}))", scalar=True)
            raise NotesError("P(Y | X) / p(y | x) of random variables is a conditional law (a function of their "
                             "values), not a number the claim grammar compares: it has P(A | Y) for an event A "
                             "given a random variable Y, and E(X | Y); P(Y | X) is read as P(Y = y | X = x) where "
                             "the values y, x (the variables' names in lower case) are declared scalars",
                             pos=n.pos)
        value = _values(tr, tokens) if not bars else None
        if value:  # P(Y) of a random variable with a declared value y: P(Y == y)
            return atom(f"P({value})", scalar=True)
        raise NotesError("P(...) needs an event, such as P(X > a) or P(X = 1, Y = 0)", pos=n.pos)
    bar = _condition_bar(tokens)
    event = _event(tr, tokens if bar is None else tokens[:bar], n.pos)
    if bar is None:
        return atom(f"P({event})")
    given = tokens[bar + 1:]
    if not given:
        raise NotesError("a conditioning bar with nothing after it", pos=n.pos)
    if _has_relation(given):  # conditioning on an event: P(A | B) = P(A and B) / P(B)
        return atom(f"P(({event}) | ({_event(tr, given, n.pos)}))", scalar=True)
    return atom(f"P(({event}) | {tr.side(given).text})", scalar=True)


def value_probability(tr, args) -> Piece | None:
    """``P(Y)``, ``P(X, Y)`` of random variables with declared values: ``P(Y == y)``, ``P(And(X == x, Y == y))``."""
    event = _value_event(tr, [lambda a=a: tr.node(a).text for a in args])
    return None if event is None else atom(f"P({event})", scalar=True)


def _value_of(tr, name: str) -> str | None:
    """``X == x`` for a declared random ``X`` whose lower-case name ``x`` is a declared scalar, else None."""
    if not name.isidentifier() or tr.decl.kind(name) != "random" or name.lower() == name \
            or tr.decl.kind(name.lower()) != "scalar":
        return None
    return f"{name} == {name.lower()}"


def _value_event(tr, texts) -> str | None:
    """The event ``And(X == x, Y == y)`` of random variables with declared values, one per thunk of ``texts``
    (each gives a variable's claim text); None when one cannot be read or is anything else."""
    events = []
    for text in texts:
        try:
            event = _value_of(tr, text().strip())
        except NotesError:
            return None
        if event is None:
            return None
        events.append(event)
    return _conjunction(events) if events else None


def _values(tr, tokens: list[Token]) -> str | None:
    """``X, Y`` of declared random variables whose lower-case names ``x``, ``y`` are declared scalars (their
    values): the event ``And(X == x, Y == y)``; None when a part is anything else."""
    parts = _split(tokens, ",")
    return _value_event(tr, [lambda p=p: tr.side(p).text for p in parts]) if all(parts) else None
