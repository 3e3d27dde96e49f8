"""Scalars that stand for closed networks: ``tr(AB)``, ``xᵀAx``, ``det X`` become SymPy symbols.

A term's connected components without an output index are scalars.  Each is
replaced by an *atom*: a SymPy symbol named after a hash of the component's
canonical key, so equal components (``tr(AB)`` and ``tr(BA)``, ``xᵀy`` and
``yᵀx``) become the same symbol and the coefficients of a normal form are plain
SymPy expressions.  The registry keeps, for each atom, what it stands for, so the
derivative of an expression in atoms can be taken (:mod:`verify.tensor.derive`).

Atoms are treated as independent symbols when coefficients are simplified.  That
is sound: an expression that vanishes for all values of independent symbols
vanishes for the values the networks take.  The only assumptions an atom carries
are ones its network guarantees (real when every part is real-valued; positive for
the determinant of an SPD matrix).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import sympy as sp

__all__ = ["Atom", "atom_for", "atom_info", "is_atom"]


@dataclass(frozen=True)
class Atom:
    """What an atom stands for: a closed network (``kind='network'``) or a determinant (``'det'``)."""

    kind: str
    key: str
    symbol: sp.Symbol
    factors: tuple = ()  # the closed component, for kind 'network'
    tensor: object = None  # the 2-index tensor, for kind 'det'
    text: str = ""  # a readable description


_BY_KEY: dict[str, Atom] = {}
_BY_SYMBOL: dict[sp.Symbol, Atom] = {}
_SIGNS: set = set()  # atoms known to be ±1 (the determinant of an orthogonal matrix)


def atom_for(kind: str, key: str, *, real: bool, positive: bool = False, nonnegative: bool = False,
             sign: bool = False, factors=(), tensor=None, text: str = "") -> sp.Symbol:
    """The symbol for a closed network or determinant with canonical ``key`` (created once)."""
    full = f"{kind}:{key}"
    hit = _BY_KEY.get(full)
    if hit is not None:
        return hit.symbol
    digest = hashlib.sha1(full.encode()).hexdigest()[:10]
    if positive:
        assumptions = {"positive": True}
    elif nonnegative:
        assumptions = {"nonnegative": True}
    else:
        assumptions = {"real": True} if real else {}
    symbol = sp.Symbol(f"τ{digest}", **assumptions)
    atom = Atom(kind, full, symbol, tuple(factors), tensor, text or full[:80])
    _BY_KEY[full] = atom
    _BY_SYMBOL[symbol] = atom
    if sign:
        _SIGNS.add(symbol)
    return symbol


def reduce_signs(expr):
    """``s**k -> s**(k mod 2)`` for atoms ``s`` known to be ±1 (so ``det(Q)² = 1`` for orthogonal Q)."""
    signs = _SIGNS & getattr(expr, "free_symbols", set())
    if not signs:
        return expr

    def reduce(p):
        if p.base in signs and p.exp.is_Integer:
            return p.base ** (int(p.exp) % 2)
        return p

    return expr.replace(lambda e: isinstance(e, sp.Pow), reduce)


def atom_info(symbol) -> Atom | None:
    return _BY_SYMBOL.get(symbol)


def is_atom(symbol) -> bool:
    return symbol in _BY_SYMBOL


def atoms_in(expr) -> list[Atom]:
    """The atoms an expression depends on."""
    return [a for s in getattr(expr, "free_symbols", ()) if (a := _BY_SYMBOL.get(s)) is not None]
