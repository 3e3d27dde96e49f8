"""Shape memberships: ``\\frac{\\partial f}{\\partial \\mathbf{x}} \\in \\mathbb{R}^{m \\times n}`` is a claim.

A membership in a real space (``\\mathbb{R}``, ``\\mathbb{R}^n``, ``\\mathbb{R}^{n}``,
``\\mathbb{R}^{m \\times n}``) claims the *shape* of an expression under the declarations
(``\\mathbb{R}^n`` is a column vector, ``n x 1``; ``\\mathbb{R}`` a scalar).  It is checked
here, not by the identity engines:

* **proved** when the shape the declarations give the expression equals the stated one
  as expressions in the size letters (so at every size);
* **refuted** at concrete sizes (``n = 2, m = 3``) where the two differ, every declared size
  a positive integer; when ``where``/``given`` restrict the sizes no refutation is claimed;
* the claim as understood is ``shape(D(f, x)) == (m, n)``.

The membership of a *name* (``\\mathbf{x} \\in \\mathbb{R}^n``) declares it and stays notation.
A matrix defined by its entries in the same chain, ``(J_f)_{ij} = \\frac{\\partial f_i}{\\partial
x_j} \\in \\mathbb{R}^{m \\times n}``, is the subject of the membership: its shape is the
ranges of its indices, each the size of the declared vector (or vector function, or matrix
row/column) the index subscripts in the definition (``f_i``: ``i`` runs over ``f``'s ``m``
entries).  Other sets (``\\{\\pm 1\\}``, ``[0, 1]``) stay notation.
"""

from __future__ import annotations

import dataclasses
import itertools
from dataclasses import dataclass

import sympy as sp

from formulas.model import Verdict
from verify.result import Method, Result

from .errors import NotesError
from .mathtree import Ident, Node, Script
from .names import claim_name
from .oracle import Declarations, Oracle
from .tokens import Token, text_of

__all__ = ["ShapeClaim", "real_space", "mark_memberships", "read_membership", "check_shape"]

MAX_SIZE_SEARCH = 6  # sizes 2..6 (then 1..6) are tried for a refutation


@dataclass
class ShapeClaim:
    """The shape of ``subject`` (claim text) is ``stated``; or of a matrix defined by its entries."""

    id: str
    shown: str  # the claim as understood
    stated: tuple[str, str]  # rows, cols as claim text
    symbols: dict
    distributions: dict
    layout: str
    subject: str | None = None
    entry_sizes: tuple[str, str] | None = None  # the ranges of the two indices of an entrywise definition
    restricted: bool = False  # where/given mention the sizes


def real_space(tokens: list[Token]) -> list[list[Token]] | None:
    """The factors of ``\\mathbb{R}^{a \\times b}`` (``[]`` for ``\\mathbb{R}``); None for another set."""
    from .macros import _group

    if len(tokens) < 4 or not (tokens[0].is_cs(r"\mathbb") and tokens[1].is_char("{") and tokens[2].text == "R"
                               and tokens[3].is_char("}")):
        return None
    rest = tokens[4:]
    if not rest:
        return []
    if not rest[0].is_char("^") or len(rest) < 2:
        return None
    exponent, end = _group(rest, 1)
    if end != len(rest) or not exponent:
        return None
    factors: list[list[Token]] = [[]]
    for t in exponent:
        if t.is_cs(r"\times"):
            factors.append([])
        else:
            factors[-1].append(t)
    if len(factors) > 2 or not all(factors):
        return None
    return factors


def _entry_base(tokens: list[Token]) -> tuple[list[Token], tuple[str, str]] | None:
    """``(M)_{ij}`` / ``M_{i,j}``: the tokens of ``M`` and the two index letters; else None."""
    if len(tokens) < 5 or not tokens[-1].is_char("}"):
        return None
    try:
        start = max(k for k, t in enumerate(tokens) if t.is_char("_"))
    except ValueError:
        return None
    inner = [t for t in tokens[start + 2:-1] if not t.is_char(",")]
    if not tokens[start + 1].is_char("{") or len(inner) != 2 or not all(t.kind == "letter" for t in inner):
        return None
    base = tokens[:start]  # (J_f) keeps its parentheses: the claim's source starts there
    return (base, (inner[0].text, inner[1].text)) if base else None


def _bare(tokens: list[Token]) -> str:
    """``(J_f)`` as ``J_f``."""
    return text_of(tokens[1:-1] if len(tokens) > 2 and tokens[0].is_char("(") and tokens[-1].is_char(")") else tokens)


def _is_name(tokens: list[Token]) -> bool:
    from .parse import parse_tokens

    try:
        node = parse_tokens(tokens)
    except NotesError:
        return False
    if isinstance(node, Script):
        return isinstance(node.base, Ident) and node.sup is None and not node.sup_mark and not node.primes
    return isinstance(node, Ident)


def mark_memberships(links: list) -> None:
    """Turn each ``\\in \\mathbb{R}^...`` link of a chain into a shape claim (op ``in``), in place."""
    for k, link in enumerate(links):
        if link.op != r"\in" or real_space(link.rhs) is None or not link.lhs:
            continue
        previous = links[k - 1] if k else None
        entry = _entry_base(previous.lhs) if previous is not None and previous.op in ("==", ":=") else None
        if entry is not None and len(real_space(link.rhs)) == 2:
            link.entries = (entry[1], previous.rhs)
            link.lhs, link.pos = entry[0], entry[0][0].pos
            if previous.kind == "claim":
                previous.kind = "definition"
                previous.why = f"the definition of {_bare(entry[0])} by its entries"
        elif _is_name(link.lhs):
            link.why = "a membership of a name: it declares its space (declare it under symbols)"
            continue
        link.kind, link.op = "claim", "in"


def _walk(node):
    yield node
    for f in dataclasses.fields(node):
        value = getattr(node, f.name)
        for item in value if isinstance(value, tuple) else (value,):
            if isinstance(item, Node):
                yield from _walk(item)


def _index_ranges(tree: Node, indices: tuple[str, str], decl: Declarations) -> tuple[str, str, list[str]]:
    """The size each index runs over (``f_i`` with ``f: function x m`` gives ``m``), and the names seen."""
    found: dict[str, dict[str, str]] = {i: {} for i in indices}
    for node in _walk(tree):
        if not (isinstance(node, Script) and isinstance(node.base, Ident) and node.sub_tokens):
            continue
        name = claim_name(node.base.name, node.base.font, node.base.decorations)
        words = str(decl.symbols.get(name, "")).split()
        letters = [t.text for t in node.sub_tokens if not t.is_char(",")]
        if words[:1] == ["vector"] and len(letters) == 1 and len(words) >= 2:
            sizes = [words[1]]
        elif words[:1] == ["function"] and len(letters) == 1 and len(words) >= 3:
            sizes = [words[2]]
        elif words[:1] == ["matrix"] and len(letters) == 2 and len(words) >= 3:
            sizes = words[1:3]
        else:
            continue
        for letter, size in zip(letters, sizes, strict=True):
            if letter in found:
                found[letter][f"{name}_{letter}"] = size
    out = []
    for i in indices:
        sizes = set(found[i].values())
        if not sizes:
            raise NotesError(f"the index {i} of the entrywise definition subscripts no declared vector or matrix: "
                             "its range (the matrix's size) cannot be told")
        if len(sizes) > 1:
            raise NotesError(f"the index {i} runs over different sizes: " +
                             ", ".join(f"{k} ({v})" for k, v in sorted(found[i].items())))
        out.append(sizes.pop())
    names = sorted({k.rsplit("_", 1)[0] for i in indices for k in found[i]})
    return out[0], out[1], names


def read_membership(claim_id: str, link, tr, used) -> ShapeClaim:
    """The shape claim of one ``in`` link; ``used(texts)`` gives the declarations the texts need."""
    from .parse import parse_tokens

    factors = real_space(link.rhs)
    stated = [tr.side(parse_tokens(f)).text for f in factors]
    stated_pair = (stated[0], "1") if len(stated) == 1 else ((stated[0], stated[1]) if stated else ("1", "1"))
    decl = tr.decl
    if link.entries is not None:
        indices, definition = link.entries
        rows, cols, names = _index_ranges(parse_tokens(definition), indices, decl)
        name = _bare(link.lhs)
        subject, entry_sizes = None, (rows, cols)
        shown = (f"shape({name}) == ({stated_pair[0]}, {stated_pair[1]}), where ({name})_{{{indices[0]}{indices[1]}}}"
                 f" = {text_of(definition)}: {indices[0]} runs over {rows} entries, {indices[1]} over {cols}")
        texts = [rows, cols, *stated, *names]
    else:
        subject, entry_sizes = tr.side(parse_tokens(link.lhs)).text, None
        shown = f"shape({subject}) == ({stated_pair[0]}, {stated_pair[1]})"
        texts = [subject, *stated]
    symbols, dists = used(texts)
    sizes = {w for spec in symbols.values() for w in str(spec).split()[1:3]}
    restricted = any(s in " ".join(map(str, decl.where + decl.given)).replace("(", " ").replace(")", " ").split()
                     for s in sizes)
    shape = ShapeClaim(claim_id, shown, stated_pair, symbols, dists, decl.layout, subject, entry_sizes, restricted)
    _dims(shape)  # builds now: an unknown symbol is an unreadable claim, not an error later
    return shape


def _dims(sc: ShapeClaim) -> tuple[tuple, tuple]:
    """(the declared shape, the stated shape) as SymPy expressions in the size letters."""
    from verify.userfile.build import build_expression
    from verify.userfile.errors import UserFileError

    scope = Oracle(Declarations(sc.symbols, sc.distributions, sc.layout)).scope()

    def build(text):
        try:
            with sp.evaluate(True):
                return build_expression(text, scope)
        except UserFileError as err:
            raise NotesError(f"{err.message} in {text!r}") from None

    if sc.subject is not None:
        value = build(sc.subject)
        have = tuple(value.shape) if getattr(value, "is_Matrix", False) else (sp.Integer(1), sp.Integer(1))
    else:
        have = tuple(build(t) for t in sc.entry_sizes)
    want = tuple(build(t) for t in sc.stated)
    for d in have + want:
        if getattr(d, "is_Matrix", False) or d.is_integer is False:
            raise NotesError(f"a size must be a whole number or a size letter, got {d}")
    return have, want


def _text(dims) -> str:
    return " x ".join(str(d) for d in dims)


def check_shape(sc: ShapeClaim) -> Result:
    """The verdict on a shape claim (module docstring)."""
    try:
        have, want = _dims(sc)
    except NotesError as err:
        return Result(sc.id, Verdict.ERROR, reason=err.message)
    if all(sp.simplify(a - b) == 0 for a, b in zip(have, want, strict=True)):
        return Result(sc.id, Verdict.PROVED, [Method("shape", "holds", f"{_text(have)} at every size")],
                      scope="general", reason=f"the declarations make it {_text(have)}, as stated, at every size")
    letters = sorted({s for d in have + want for s in d.free_symbols}, key=str)
    if sc.restricted:
        return Result(sc.id, Verdict.NOT_CHECKABLE, [Method("shape", "inconclusive", "sizes restricted")],
                      reason=f"the declarations make it {_text(have)}, stated {_text(want)}; the sizes are "
                             "restricted by where/given, so no sizes are claimed where the shapes differ")
    for low in (2, 1):
        for values in itertools.product(range(low, MAX_SIZE_SEARCH + 1), repeat=len(letters)):
            if low == 2 and len(set(values)) < len(values):
                continue
            point = dict(zip(letters, values, strict=True))
            a = tuple(sp.Integer(d.subs(point)) for d in have)
            b = tuple(sp.Integer(d.subs(point)) for d in want)
            if a != b:
                sizes = ", ".join(f"{k} = {v}" for k, v in point.items())
                return Result(sc.id, Verdict.REFUTED, [Method("shape", "fails", f"at {sizes}")],
                              counterexample={"sizes": {str(k): v for k, v in point.items()},
                                              "shape": [int(x) for x in a], "stated": [int(x) for x in b],
                                              "exact": True},
                              reason=f"at {sizes} the declarations make it {_text(a)}, not {_text(b)}")
    return Result(sc.id, Verdict.NOT_CHECKABLE, [Method("shape", "inconclusive", "no sizes found")],
                  reason=f"the declarations make it {_text(have)}, stated {_text(want)}: not equal as expressions, "
                         f"and equal at every size up to {MAX_SIZE_SEARCH}")
