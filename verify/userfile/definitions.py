"""``where`` equalities that define a vector or matrix: ``c == expr`` replaces ``c`` by ``expr`` in the claim.

A draw of independent random values never satisfies ``c == ones(d, 1) - a - b`` or ``S == X*X.T/k``, so such a
claim would get no evidence at all.  When the left side (or the right) is a declared vector or matrix ``c`` that

* carries no flag (``symmetric``, ``nonnegative``, ... would be hypotheses on ``expr`` as well),
* does not occur in ``expr``, as the argument of a declared function, or anywhere inside a derivative ``D(f, v)``
  (every symbol is an independent variable there: ``D(tr(c), a)`` is 0 even where ``c == 2*a``),

the points satisfying the ``where`` clauses are exactly the points of the other symbols, with ``c`` computed
from them.  So the claim with ``c`` replaced by ``expr`` (and the other ``where`` clauses with it) holds
exactly where the original does: a proof of one is a proof of the other, and a counterexample to the
substituted claim is one to the original (``c`` takes the value of ``expr`` there).  Scalar equalities are
left to the engines' own substitutions (``verify/tensor/prove.py``), which know the scalars' assumptions.

    >>> import sympy as sp
    >>> a, c = sp.MatrixSymbol("a", 3, 1), sp.MatrixSymbol("c", 3, 1)
    >>> defined_by([sp.Eq(c, 2 * a)], {"a": "vector 3", "c": "vector 3"}, ())
    ({c: 2*a}, {0})
"""

from __future__ import annotations

import sympy as sp
from sympy.core.relational import Relational
from sympy.matrices.expressions import MatrixSymbol

from formulas.nodes import D

__all__ = ["defined_by", "substitute", "trivial"]


def _plain(spec) -> bool:
    """A vector or matrix declaration without flags: ``vector n``, ``matrix n m``."""
    words = str(spec).split()
    return bool(words) and words[0] in ("vector", "matrix") and len(words) == (2 if words[0] == "vector" else 3)


def _bound_elsewhere(name: str, specs: dict, expressions) -> bool:
    """``name`` is a declared function's argument, or the variable of a derivative in ``expressions``."""
    for spec in specs.values():
        words = str(spec).split()
        if len(words) >= 2 and words[0] in ("function", "vector", "matrix") and "function" in words:
            if words[words.index("function") + 1:words.index("function") + 2] == [name]:
                return True
    for e in expressions:
        for node in sp.preorder_traversal(e):
            if isinstance(node, D) and any(getattr(s, "name", None) == name for s in node.atoms(MatrixSymbol)):
                return True  # D(tr(c), a) is 0 for the independent c; with c = 2a substituted it would not be
    return False


def defined_by(constraints, specs: dict, expressions) -> tuple[dict, set[int]]:
    """``({c: expr}, used)`` for the ``where`` equalities that define a plain vector or matrix ``c`` (see the
    module); ``used`` holds the positions of those equalities in ``constraints``."""
    out: dict = {}
    used: set[int] = set()
    for k, c in enumerate(constraints):
        if not isinstance(c, sp.Eq):
            continue
        for side, other in ((c.lhs, c.rhs), (c.rhs, c.lhs)):
            if not isinstance(side, MatrixSymbol) or side in out or not _plain(specs.get(side.name, "")):
                continue
            if side in getattr(other, "free_symbols", set()) or other.has(side):
                continue
            if getattr(other, "shape", None) != side.shape:
                continue
            if _bound_elsewhere(side.name, specs, [*expressions, *constraints]):
                continue
            if any(side in getattr(v, "free_symbols", set()) or v.has(side) for v in out.values()) \
                    or any(k in other.free_symbols or other.has(k) for k in out):
                continue  # definitions that refer to each other: left as constraints
            out[side] = other
            used.add(k)
            break
    return out, used


def substitute(expr, definitions: dict):
    """``expr`` with each defined symbol replaced by its definition; a relation stays unevaluated (``x == c`` with
    ``c == x`` is the relation ``x == x``, not ``True``)."""
    if not definitions:
        return expr
    if isinstance(expr, Relational):
        return expr.func(expr.lhs.xreplace(definitions), expr.rhs.xreplace(definitions), evaluate=False)
    return expr.xreplace(definitions)


def trivial(relation) -> bool:
    """``a == a``: a clause the substitution made true everywhere."""
    return isinstance(relation, sp.Eq) and relation.lhs == relation.rhs
