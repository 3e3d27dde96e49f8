"""``\\int_a^b f(t)\\, dt`` as claim text: ``integrate(f, t, a, b)`` (``\\infty`` bounds as ``oo`` / ``-oo``).

The variable of integration is bound inside the integrand, as a sum's index is: it may be a new name or a
declared scalar (shadowed there), never a declared vector, matrix, random variable or function.

    >>> from verify.notes.oracle import Declarations
    >>> from verify.notes.translate import Translator
    >>> from verify.notes.parse import parse_text
    >>> tr = Translator(Declarations({"lam": "scalar positive"}))
    >>> tr.node(parse_text(r"\\int_0^\\infty t \\lambda e^{-\\lambda t} \\mathrm{d}t")).text
    'integrate(t*lam*exp(-lam*t), t, 0, oo)'
"""

from __future__ import annotations

import sympy as sp

from .errors import NotesError
from .mathtree import Infinity, Integral
from .names import claim_name
from .pieces import Piece, atom, call

__all__ = ["integral"]


def _bound(tr, node) -> Piece:
    if isinstance(node, Infinity):
        return atom("-oo" if node.negative else "oo", scalar=True)
    return tr.node(node)


def integral(tr, n: Integral) -> Piece:
    name = claim_name(n.var.name, n.var.font, n.var.decorations)
    kind = tr.decl.kind(name)
    if kind not in (None, "scalar"):
        raise NotesError(f"the variable of integration d{name} is a declared {kind}: an integral runs over a "
                         "real variable", pos=n.pos)
    if name in tr.bound:
        raise NotesError(f"the variable of integration d{name} is already an index here", pos=n.pos)
    low, high = _bound(tr, n.lower), _bound(tr, n.upper)
    tr.bound[name] = None
    tr.lower[name] = sp.Integer(0)  # the oracle reads the variable as a number
    try:
        body = tr.node(n.body)
    finally:
        del tr.bound[name]
        del tr.lower[name]
    return call("integrate", body, atom(name), low, high, scalar=True)
