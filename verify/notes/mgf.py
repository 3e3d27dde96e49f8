"""``M_X(t)``, ``M_{X+Y}(t)``: the moment generating function of a random expression, ``MGF(X + Y, t)``.

``M`` names an MGF only when it is undeclared (and ``M_X`` too) and its subscript, read as an
expression, holds a declared random variable: ``M_{\\mathbf{X}+\\mathbf{Y}}(t)`` is
``MGF(X + Y, t)`` (claim grammar ``MGF(X, t) = E(exp(t*X))``).  Written without an argument,
``M_{X+Y} = M_X M_Y`` is an equation between functions, one for every argument: it is read at the
declared scalar ``t`` (the MGF's conventional argument); without a declared ``t`` the reader says so.
A subscript without a random variable (``M_1``, ``M_{ij}``) is left to the ordinary rules.
"""

from __future__ import annotations

import re

from .errors import NotesError
from .mathtree import Ident, Node
from .parse import parse_tokens
from .pieces import Piece, atom, call

__all__ = ["mgf_subject", "mgf_value", "mgf_call", "ARGUMENT"]

ARGUMENT = "t"  # the argument a bare M_X is read at
_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def mgf_subject(tr, base: Ident, sub_tokens: tuple) -> Piece | None:
    """The random expression ``M_{...}`` is the MGF of, or None when ``M_{...}`` is not an MGF."""
    if base.name != "M" or base.font not in ("", "rm", "bb") or base.decorations or not sub_tokens:
        return None
    if tr.decl.kind("M") is not None:
        return None
    try:
        piece = tr.node(parse_tokens(list(sub_tokens)))
    except NotesError:
        return None
    if not any(tr.decl.kind(w) == "random" for w in _WORD.findall(piece.text)):
        return None
    return piece


def mgf_value(tr, subject: Piece, n: Node, argument: Piece | None = None) -> Piece:
    """``MGF(subject, argument)``; a bare ``M_X`` takes the declared scalar ``t``."""
    if argument is None:
        if tr.decl.kind(ARGUMENT) != "scalar":
            raise NotesError(f"M_{{{subject.text}}} without an argument is the MGF as a function: declare its "
                             f"argument {ARGUMENT}: scalar (the relation is then read at every {ARGUMENT})", pos=n.pos)
        argument = atom(ARGUMENT)
    return call("MGF", subject, argument)


def mgf_call(tr, func: Ident, full: str, sub_tokens: tuple, args: list, n: Node) -> Piece | None:
    """``M_X(t)``: the MGF of ``X`` at ``t``, or None when the call is not one (``M_X`` declared, several args)."""
    if len(args) != 1 or not sub_tokens or tr.decl.kind(full) is not None:
        return None
    subject = mgf_subject(tr, func, sub_tokens)
    return None if subject is None else mgf_value(tr, subject, n, tr.node(args[0]))
