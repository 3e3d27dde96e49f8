"""Sums and products written with an ellipsis, read as ``\\sum`` / ``\\prod`` with the bounds they show.

``a_1 + a_2 + \\dots + a_n`` is ``\\sum_{i=1}^{n} a_i``; ``x_1^{k_1} x_2^{k_2} \\cdots x_n^{k_n}`` (or with ``\\cdot``
between the factors) is ``\\prod_{i=1}^{n} x_i^{k_i}``.  The rule, applied to the tokens before the parser sees
them (so the sum is then read like any other)::

    T(a) + T(a + 1) + ... + T(a + r) + \\ldots + T(b)        (r >= 0; the same with products)

where the last term ``T(b)`` fixes the template: every explicit term before the ellipsis is the last one with
each *differing subscript or superscript* replaced by one integer, and those integers run up by one.  Only
subscripts and superscripts may differ (``x_1`` vs ``x_n``, ``\\mathbf{I}_{A_1}`` vs ``\\mathbf{I}_{A_k}``, the
exponent ``k_1`` vs ``k_n``); anything else that differs leaves the ellipsis unread, and the parser then refuses
it with its reason.  With a number as the last bound it must come after the explicit terms
(``x_1 + x_2 + \\dots + x_1`` is refused).  A list ``x_1, \\dots, x_n`` is not a sum and is left alone.

The index is a letter the formula does not use.  Nothing is guessed beyond what the written terms show: a term
with a minus sign in front, terms whose indices skip a value (``x_1 + x_3 + \\dots``) or a first term that is
not a number in the varying place stay unread.

    >>> from verify.notes.tokens import tokenize, text_of
    >>> text_of(expand_ellipses(tokenize(r"x_1 + x_2 + \\ldots + x_n")))
    '{\\\\sum_{i=1}^{n}x_{i}}'
"""

from __future__ import annotations

from dataclasses import dataclass

from .errors import NotesError
from .tokens import Token

__all__ = ["expand_ellipses", "ELLIPSIS"]

ELLIPSIS = r"\ldots"  # every spelling (\dots, \cdots, ..., the Unicode ones) reaches here as \ldots (macros.ALIASES)
_OPEN = {"(": ")", "[": "]", "{": "}", r"\{": r"\}", r"\langle": r"\rangle"}
_CLOSE = set(_OPEN.values())
_BOUNDARY_CHARS = {"=", "<", ">", ",", ";", "&"}
_PRODUCT_OPS = {r"\cdot", r"\times"}
_INDEX_LETTERS = "ijklmpqrsuvabcdefgh"


def _is_boundary(tok: Token) -> bool:
    from .parse_rules import is_relation

    return (tok.kind == "char" and tok.text in _BOUNDARY_CHARS) or tok.is_cs(r"\\", r"\quad", r"\qquad") \
        or is_relation(tok) or tok.kind == "text"


def _is_open(tok: Token) -> bool:
    return tok.text in _OPEN and tok.kind in ("char", "cs")


def _is_close(tok: Token) -> bool:
    return tok.text in _CLOSE and tok.kind in ("char", "cs")


def _span(tokens: list[Token], at: int) -> tuple[int, int]:
    """The tokens around ``tokens[at]`` at its bracket depth, up to an enclosing bracket or a relation."""
    depth, s = 0, at
    while s > 0:
        t = tokens[s - 1]
        if _is_close(t):
            depth += 1
        elif _is_open(t):
            if depth == 0:
                break
            depth -= 1
        elif depth == 0 and _is_boundary(t):
            break
        s -= 1
    depth, e = 0, at + 1
    while e < len(tokens):
        t = tokens[e]
        if _is_open(t):
            depth += 1
        elif _is_close(t):
            if depth == 0:
                break
            depth -= 1
        elif depth == 0 and _is_boundary(t):
            break
        e += 1
    return s, e


def _group_end(tokens: list[Token], i: int, e: int) -> int:
    """End (exclusive) of the bracket group opening at ``tokens[i]``."""
    depth = 0
    for k in range(i, e):
        if _is_open(tokens[k]):
            depth += 1
        elif _is_close(tokens[k]):
            depth -= 1
            if depth == 0:
                return k + 1
    raise NotesError("unbalanced brackets around an ellipsis", pos=tokens[i].pos)


def _argument_end(tokens: list[Token], i: int, e: int) -> int:
    """End of one argument at ``tokens[i]``: a brace group, or one token (a command with its brace groups)."""
    if i >= e:
        return i
    if tokens[i].is_char("{"):
        return _group_end(tokens, i, e)
    k = i + 1
    if tokens[i].kind == "cs":
        while k < e and tokens[k].is_char("{"):
            k = _group_end(tokens, k, e)
    return k


def _unit_end(tokens: list[Token], i: int, e: int) -> int:
    """End of one factor at ``tokens[i]``: a primary (a command with its brace groups, a bracket group, a letter or a
    number) with its subscripts, superscripts and primes."""
    k = _group_end(tokens, i, e) if _is_open(tokens[i]) else _argument_end(tokens, i, e)
    while k < e and (tokens[k].is_char("_", "^", "'")):
        k = k + 1 if tokens[k].is_char("'") else _argument_end(tokens, k + 1, e)
    return k


@dataclass
class _Run:
    op: str        # '+', 'cdot' (\cdot or \times between factors) or '' (juxtaposed factors)
    terms: list[tuple[int, int]]  # token ranges of the explicit terms, in order
    last: tuple[int, int]


def _items(tokens, s, e):
    """The span as a list of ('term', start, end), ('op', token) and ('dots', k)."""
    items, k = [], s
    while k < e:
        t = tokens[k]
        if t.is_cs(ELLIPSIS):
            items.append(("dots", k, k + 1))
            k += 1
        elif t.is_char("+", "-") or t.is_cs(*_PRODUCT_OPS):
            items.append(("op", k, k + 1, t.text))
            k += 1
        else:
            end = _unit_end(tokens, k, e)
            items.append(("unit", k, max(end, k + 1)))
            k = max(end, k + 1)
    return items


def _run_at(tokens, items, d) -> _Run | None:
    """The explicit terms before the ellipsis ``items[d]`` and the term after it, for one operator."""
    before = items[d - 1] if d > 0 else None
    after = items[d + 1] if d + 1 < len(items) else None
    if before is None or after is None:
        return None
    if before[0] == "op" and after[0] == "op":
        a, b = tokens[before[1]].text, tokens[after[1]].text
        if a == "+" and b == "+":
            return _terms(items, d, "+")
        if a in _PRODUCT_OPS and b in _PRODUCT_OPS:
            return _terms(items, d, "cdot")
        return None
    if before[0] == "unit" and after[0] == "unit":
        return _terms(items, d, "")
    return None


def _terms(items, d, op) -> _Run | None:
    """The explicit terms before the ellipsis ``items[d]`` (nearest first) and the term after it."""
    if op == "":
        before, k = [], d - 1
        while k >= 0 and items[k][0] == "unit":
            before.append((items[k][1], items[k][2]))
            k -= 1
        return _Run(op, before, (items[d + 1][1], items[d + 1][2]))
    seps = ("+", "-") if op == "+" else _PRODUCT_OPS
    stops = () if op == "+" else ("+", "-")  # a product's run ends at a sum's operator

    def sep(item):
        return item[0] == "op" and item[3] in seps

    def stop(item):
        return item[0] == "dots" or (item[0] == "op" and item[3] in stops)

    k = d + 2  # items[d + 1] is the operator after the ellipsis
    while k < len(items) and not sep(items[k]) and not stop(items[k]):
        k += 1
    if k == d + 2:
        return None
    last = (items[d + 2][1], items[k - 1][2])
    before, k = [], d - 2  # items[d - 1] is the operator before the ellipsis
    while k >= 0 and not sep(items[k]) and not stop(items[k]):
        j = k
        while j - 1 >= 0 and not sep(items[j - 1]) and not stop(items[j - 1]):
            j -= 1
        if j - 1 >= 0 and items[j - 1][0] == "op" and items[j - 1][3] == "-":
            break  # a term after a minus sign is not one of the run
        before.append((items[j][1], items[k][2]))
        if j - 1 < 0 or not sep(items[j - 1]):
            break
        k = j - 2
    return _Run(op, before, last)


# -- comparing a term with the last one -------------------------------------------------------------------------
def _shape(tokens, s, e):
    """A term as nested tuples: a token's text, or ('script', mark, shape of its argument)."""
    out, k = [], s
    while k < e:
        t = tokens[k]
        if t.is_char("_", "^") and k + 1 < e:
            end = _argument_end(tokens, k + 1, e)
            inner = (k + 2, end - 1) if tokens[k + 1].is_char("{") else (k + 1, end)
            out.append(("script", t.text, tuple(_shape(tokens, *inner))))
            k = end
        else:
            out.append((t.kind, t.text))
            k += 1
    return tuple(out)


def _slots(first, last, found):
    """Compare two term shapes; collect (integer in ``first``, shape in ``last``) where a script differs."""
    if len(first) != len(last):
        return False
    for a, b in zip(first, last, strict=True):
        if a == b:
            continue
        if a[0] == "script" and b[0] == "script" and a[1] == b[1]:
            if len(a[2]) == 1 and a[2][0][0] == "num" and "." not in a[2][0][1]:
                found.append((int(a[2][0][1]), b[2]))
                continue
            if _slots(a[2], b[2], found):
                continue
        return False
    return True


def _value_of(first_shape, last_shape) -> int | None:
    """The one integer a term puts in the template's varying places, or None when it is not an instance."""
    found: list = []
    if not _slots(first_shape, last_shape, found) or not found:
        return None
    values = {v for v, _ in found}
    bounds = {b for _, b in found}
    if len(values) != 1 or len(bounds) != 1:
        return None
    return values.pop()


def _flatten(shape, index: str, slot, pos: int) -> list[Token]:
    """Tokens of the last term's shape with each varying place replaced by the index."""
    out = []
    for item in shape:
        if item[0] == "script":
            out.append(Token("char", item[1], pos))
            out.append(Token("char", "{", pos))
            if item[2] == slot:
                out.append(Token("letter", index, pos))
            else:
                out.extend(_flatten(item[2], index, slot, pos))
            out.append(Token("char", "}", pos))
        else:
            out.append(Token(item[0], item[1], pos))
    return out


def _rewrite(tokens: list[Token], run: _Run, pos: int) -> tuple[int, int, list[Token]] | None:
    last = _shape(tokens, *run.last)
    values, start = [], None
    for s, e in run.terms:  # nearest the ellipsis first
        v = _value_of(_shape(tokens, s, e), last)
        if v is None:
            break
        if values and v != values[-1] - 1:
            return None  # the written indices skip or repeat a value: not one index running by one
        values.append(v)
        start = s
    if not values:
        return None
    found: list = []
    _slots(_shape(tokens, *run.terms[len(values) - 1]), last, found)
    slot = found[0][1]
    if len(slot) == 1 and slot[0][0] == "num" and int(slot[0][1]) <= values[0]:
        raise NotesError(f"the ellipsis ends at {slot[0][1]}, not after the terms before it", pos=pos)
    used = {t.text for t in tokens if t.kind == "letter"}
    index = next((c for c in _INDEX_LETTERS if c not in used), None)
    if index is None:
        return None
    big = r"\sum" if run.op == "+" else r"\prod"
    bound = _flatten(slot, index, None, pos)
    body = _flatten(last, index, slot, pos)
    if run.op == "cdot":  # keep the template a single factor
        body = [Token("char", "{", pos), *body, Token("char", "}", pos)]
    first, end = tokens[start], tokens[run.last[1] - 1]
    close = Token("char", "}", end.pos + len(end.text) - 1)  # the rewrite spans the written run (its source text)
    new = [Token("char", "{", first.pos), Token("cs", big, pos), Token("char", "_", pos), Token("char", "{", pos),
           Token("letter", index, pos), Token("char", "=", pos), Token("num", str(values[-1]), pos),
           Token("char", "}", pos), Token("char", "^", pos), Token("char", "{", pos), *bound,
           Token("char", "}", pos), *body, close]
    return start, run.last[1], new


def expand_ellipses(tokens: list[Token]) -> list[Token]:
    """``tokens`` with every sum or product written with an ellipsis rewritten as ``\\sum`` / ``\\prod``; an
    ellipsis that is not such a run is left for the parser to refuse."""
    tokens = list(tokens)
    done: set[int] = set()
    while True:
        at = next((k for k, t in enumerate(tokens) if t.is_cs(ELLIPSIS) and t.pos not in done), None)
        if at is None:
            return tokens
        done.add(tokens[at].pos)
        s, e = _span(tokens, at)
        items = _items(tokens, s, e)
        d = next(k for k, item in enumerate(items) if item[0] == "dots" and item[1] == at)
        run = _run_at(tokens, items, d)
        if run is None:
            continue
        got = _rewrite(tokens, run, tokens[at].pos)
        if got is None:
            continue
        start, end, new = got
        tokens[start:end] = new

