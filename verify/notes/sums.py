"""``\\sum`` and ``\\prod``: the index, its bounds (written or read off the vectors), and the claim text.

``\\sum_{i=1}^{n} x_i y_i`` is ``sum(x[i - 1]*y[i - 1], i, 1, n)``: the bounds as written (numbers,
or size letters where the claim grammar takes symbolic bounds), the entries shifted to the
grammar's 0-based indices.  ``\\sum_i x_i`` runs over the
declared length of ``x``.  A sum whose body names one symbol per index value
(``\\sum_{i=1}^{2} a_i X_i`` with ``X_1, X_2`` declared) is unrolled:
``a[0]*X_1 + a[1]*X_2``.  Products are unrolled unless the grammar has ``prod``.
"""

from __future__ import annotations

import dataclasses

from verify.userfile.limits import MAX_SUM_TERMS

from .errors import NotesError
from .mathtree import Apply, Ident, Node, Num, Op, Script
from .names import GREEK, claim_name
from .parse import parse_tokens
from .pieces import Piece, add, atom, call, mul
from .tokens import Token, text_of
from .translate_ops import NeedsUnroll, grammar_has, symbolic_sums_supported

__all__ = ["big_operator", "walk"]


def walk(node: Node):
    """Every node of a tree, ``node`` first."""
    yield node
    for f in dataclasses.fields(node):
        value = getattr(node, f.name)
        if isinstance(value, Node):
            yield from walk(value)
        elif isinstance(value, tuple):
            for item in value:
                if isinstance(item, Node):
                    yield from walk(item)


def _index_name(tokens: list[Token]) -> str | None:
    if len(tokens) == 1 and tokens[0].kind == "letter":
        return tokens[0].text
    if len(tokens) == 1 and tokens[0].kind == "cs" and tokens[0].text[1:] in GREEK:
        return GREEK[tokens[0].text[1:]]
    return None


def _subscript(n: Op) -> tuple[str | None, list[Token] | None]:
    tokens = list(n.sub_tokens)
    if not tokens:
        return None, None
    eq = [k for k, t in enumerate(tokens) if t.is_char("=")]
    if eq:
        name = _index_name(tokens[:eq[0]])
        if name is None:
            raise NotesError(f"the index of \\{n.name}_{{{text_of(tokens)}}} must be one letter", pos=n.pos)
        return name, tokens[eq[0] + 1:]
    member = [k for k, t in enumerate(tokens) if t.is_cs("\\in")]
    if member:
        head = parse_tokens(tokens[:member[0]])
        if isinstance(head, Ident) and not head.word:
            return head.name, _OVER_ENTRIES
    name = _index_name(tokens)
    if name is None:
        raise NotesError(f"\\{n.name} over {text_of(tokens)!r}: a sum over a condition or a set is not in the claim "
                         "grammar; write \\sum_{i=1}^{n} with its bounds", pos=n.pos)
    return name, None


_OVER_ENTRIES: list[Token] = []  # marks \\sum_{x \\in \\mathcal{X}}: a sum over the entries of the vectors p(x)


def _entries_of(tr, node: Node, index: str, pos: int) -> Node:
    """``p(x)`` with ``p`` a declared vector and ``x`` the index of a sum over a set: the entry ``p_x``."""
    if isinstance(node, Apply) and isinstance(node.func, Ident) and len(node.args) == 1 \
            and isinstance(node.args[0], Ident) and node.args[0].name == index \
            and tr.decl.kind(claim_name(node.func.name, node.func.font, node.func.decorations)) == "vector":
        return Script(node.pos, node.func, sub_tokens=(Token("letter", index, pos),))
    changes = {}
    for f in dataclasses.fields(node):
        value = getattr(node, f.name)
        if isinstance(value, Node):
            changes[f.name] = _entries_of(tr, value, index, pos)
        elif isinstance(value, tuple) and any(isinstance(v, Node) for v in value):
            changes[f.name] = tuple(_entries_of(tr, v, index, pos) if isinstance(v, Node) else v for v in value)
    return dataclasses.replace(node, **changes) if changes else node


def _subscript_letters(node: Node, tr) -> list[tuple[str, Node]]:
    """(index letter, indexed base) for every single-letter subscript in ``node``."""
    out = []
    for sub in walk(node):
        if isinstance(sub, Script) and len(sub.sub_tokens) == 1:
            name = _index_name(list(sub.sub_tokens))
            if name is not None and tr.decl.kind(name) is None and name not in tr.bound:
                out.append((name, sub.base))
    return out


def _infer_index(tr, body: Node, n: Op) -> str:
    letters = {name for name, _ in _subscript_letters(body, tr)}
    if len(letters) != 1:
        raise NotesError(f"\\{n.name} without its index: write \\{n.name}_{{i=1}}^{{n}}", pos=n.pos)
    return letters.pop()


def _infer_range(tr, body: Node, index: str, n: Op) -> tuple[int | str, int | str]:
    sizes = set()
    for name, base in _subscript_letters(body, tr):
        if name == index and isinstance(base, Ident) \
                and tr.decl.kind(claim_name(base.name, base.font, base.decorations)) is not None:
            shape = tr.shape(tr.node(base), n)  # X_i of declared X_1, X_2, ...: no length to read
            if shape.vector:
                sizes.add(shape.rows)
    if len(sizes) != 1:
        raise NotesError(f"\\{n.name}_{index} without bounds: the vectors it indexes do not tell one length; "
                         f"write \\{n.name}_{{{index}=1}}^{{n}}", pos=n.pos)
    size = sizes.pop()
    first = tr.index_base
    if size.isdigit():
        return first, int(size) - 1 + first
    return first, size if first == 1 else f"{size} - 1"


def _bound(tr, node: Node | list[Token], n: Op) -> int | str:
    if isinstance(node, list):
        node = parse_tokens(node)
    if isinstance(node, Num) and node.text.isdigit():
        return int(node.text)
    if isinstance(node, Ident) and not node.font and tr.decl.kind(node.name) is None \
            and node.name not in tr.decl.sizes():
        raise NotesError(f"\\{n.name} up to {node.name}: {node.name} is neither a number nor a size of the "
                         "declarations (write the bound as a number, or declare a vector of that size)", pos=n.pos)
    return tr.node(node).text


def big_operator(tr, n: Op) -> Piece:
    from .pair_sums import pair_condition, pair_sum

    if (pair := pair_condition(n)) is not None:  # \sum_{i < j}: over pairs of indices
        return pair_sum(tr, n, *pair)
    index, low = _subscript(n)
    if low is _OVER_ENTRIES:
        # \\sum_{x \\in \\mathcal{X}} p(x) log p(x), p a declared (probability) vector: the sum over p's entries
        body = _entries_of(tr, n.body, index, n.pos)
        if body == n.body:
            raise NotesError(f"\\{n.name} over a set: the reader takes it as a sum over the entries of declared vectors "
                             f"p({index}), and there are none in its body", pos=n.pos)
        n, low = dataclasses.replace(n, body=body, sub_tokens=(Token("letter", index, n.pos),)), None
    if index is None:
        index = _infer_index(tr, n.body, n)
    if index in tr.bound or tr.decl.kind(index) is not None:
        raise NotesError(f"the index {index!r} of \\{n.name} is already a name in this claim", pos=n.pos)
    lo = _bound(tr, low, n) if low else None
    hi = _bound(tr, n.sup, n) if n.sup is not None else None
    if lo is None or hi is None:
        first, last = _infer_range(tr, n.body, index, n)
        lo = first if lo is None else lo
        hi = last if hi is None else hi
    grammar = "sum" if n.name == "sum" else "prod"
    if isinstance(lo, int) and isinstance(hi, int):
        if hi < lo:
            raise NotesError(f"an empty \\{n.name}: upper bound {hi} below lower bound {lo}", pos=n.pos)
        if hi - lo + 1 > MAX_SUM_TERMS:
            raise NotesError(f"\\{n.name} of {hi - lo + 1} terms exceeds the limit of {MAX_SUM_TERMS}", pos=n.pos)
        if grammar_has(grammar):
            try:
                return _symbolic(tr, grammar, index, lo, hi, n)
            except NeedsUnroll:
                pass
        return _unrolled(tr, n, index, lo, hi)
    if not symbolic_sums_supported():
        raise NotesError(f"\\{n.name} up to {hi} (a symbol): the claim grammar takes numeric bounds only for now; "
                         "declare the sizes as numbers (vector 3) and write the bound as a number", pos=n.pos)
    try:
        return _symbolic(tr, grammar, index, lo, hi, n)
    except NeedsUnroll:
        raise NotesError(f"\\{n.name} up to {hi}: a subscript that names one symbol per index (X_i) needs "
                         "numeric bounds", pos=n.pos) from None


def _symbolic(tr, grammar: str, index: str, lo, hi, n: Op) -> Piece:
    tr.bound[index] = None
    tr.lower[index] = lo if isinstance(lo, int) else 1
    try:
        body = tr.node(n.body)
    finally:
        del tr.bound[index]
        del tr.lower[index]
    return call(grammar, body, atom(index), atom(str(lo)), atom(str(hi)))


def _unrolled(tr, n: Op, index: str, lo: int, hi: int) -> Piece:
    out = None
    for k in range(lo, hi + 1):
        tr.bound[index] = k
        try:
            term = tr.node(n.body)
        finally:
            del tr.bound[index]
        out = term if out is None else (add(out, term) if n.name == "sum" else mul(out, term))
    return out
