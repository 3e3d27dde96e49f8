"""The joint model behind a claim: its random atoms, their laws and which of them are dependent.

Random atoms are the scalar random symbols and the entries ``x[i]`` of random
vectors.  Two atoms are **dependent** (in one component) when

* one names the other in its law's parameters (a hierarchical model),
* both are entries of one random vector,
* both lack a distribution (abstract variables may be anything) -- unless
  ``given: independent X Y ...`` names one of them; an abstract variable is
  dependent on the named-law variables too, for the same reason,
* a ``where`` relation couples them (``Cov(X, Y) == rho`` for ``X``, ``Y`` with laws): they are then
  **linked** -- their marginals are the declared laws, their joint law is unknown beyond what ``where`` says,
  so only their mixed second moment ``E[XY]`` has a value (a symbol that ``where`` fixes).

Variables with a distribution are otherwise independent (SymPy's convention:
each has its own probability space).  Expectations of products factor over
components.
"""

from __future__ import annotations

import sympy as sp
from sympy.matrices.expressions.matexpr import MatrixElement
from sympy.stats.rv import RandomSymbol

from formulas.nodes import RandomVector

from .laws import Law, law_of

__all__ = ["Model", "atoms_of", "is_atom", "Unsupported", "parameters"]


class Unsupported(ValueError):
    """The claim uses something the probability engine has no rule for (the message says what)."""


def is_atom(e) -> bool:
    return isinstance(e, RandomSymbol) or (isinstance(e, MatrixElement) and isinstance(e.parent, RandomVector))


def atoms_of(e) -> set:
    """The random atoms of an expression: random symbols and entries of random vectors, not looking inside a
    random symbol (its law's parameters are its parents, not atoms of the expression)."""
    if not isinstance(e, sp.Basic):
        return set()
    out, todo = set(), [e]
    while todo:
        node = todo.pop()
        if isinstance(node, RandomSymbol):
            out.add(node)
        elif isinstance(node, MatrixElement) and isinstance(node.parent, RandomVector):
            out.add(node)
        elif not isinstance(node, RandomVector):
            todo.extend(a for a in node.args if isinstance(a, sp.Basic))
    return out


def parameters(e) -> set:
    """The non-random symbols an expression depends on, the parameters of its laws included."""
    from sympy.matrices.expressions import MatrixSymbol

    out, seen, todo = set(), set(), list(atoms_of(e))
    base = sp.sympify(e)
    out |= {s for s in base.free_symbols if not isinstance(s, RandomSymbol)} | base.atoms(MatrixSymbol)
    while todo:
        a = todo.pop()
        if a in seen:
            continue
        seen.add(a)
        params = a.parent.params if isinstance(a, MatrixElement) else (
            law_of(a).params if law_of(a) is not None else ())
        for p in params:
            p = sp.sympify(p)
            out |= {s for s in p.free_symbols if not isinstance(s, RandomSymbol)} | p.atoms(MatrixSymbol)
            todo.extend(atoms_of(p))
    for v in base.atoms(RandomVector):
        for p in v.params:
            out |= {s for s in p.free_symbols if not isinstance(s, RandomSymbol)} | p.atoms(MatrixSymbol)
    return {s for s in out if not isinstance(s, RandomVector)}


def _name(atom) -> str:
    return atom.name if isinstance(atom, RandomSymbol) else atom.parent.name


class Model:
    """Laws, parents and independence of the random atoms of one entry."""

    def __init__(self, given=(), constraints=()):
        self.independent: set[str] = set()
        self.linked: set[frozenset] = set()  # pairs of named-law variables coupled by a ``where`` relation
        for c in constraints:
            self._link(c)
        for text in given:
            words = str(text).split()
            if words and words[0] == "independent" and "|" not in words:  # X Y | Z: only given Z
                self.independent |= set(words[1:])

    def _link(self, relation) -> None:
        from .reduce import PROBABILITY_NODES

        for node in sp.sympify(relation).atoms(*PROBABILITY_NODES):
            named = sorted((a for a in atoms_of(node) if isinstance(a, RandomSymbol) and law_of(a) is not None),
                           key=sp.default_sort_key)
            for i, a in enumerate(named):
                for b in named[i + 1:]:
                    if not ({a, *self.ancestors(a)} & {b, *self.ancestors(b)}):
                        self.linked.add(frozenset((a, b)))

    def is_linked(self, atoms) -> bool:
        """Whether two of the atoms are coupled by a ``where`` relation (their joint law is not declared)."""
        return any(pair <= set(atoms) for pair in self.linked)

    def law(self, atom) -> Law | None:
        if isinstance(atom, RandomSymbol):
            return law_of(atom)
        return None  # a vector entry: its law is the vector's

    def parents(self, atom) -> set:
        law = self.law(atom)
        if law is None:
            return set()
        out = set()
        for p in law.params:
            out |= atoms_of(p)
        return out

    def is_abstract(self, atom) -> bool:
        return isinstance(atom, RandomSymbol) and law_of(atom) is None

    def ancestors(self, atom) -> set:
        out, todo = set(), [atom]
        while todo:
            for p in self.parents(todo.pop()):
                if p not in out:
                    out.add(p)
                    todo.append(p)
        return out

    def components(self, atoms) -> list[list]:
        """Atoms (with their ancestors) grouped into dependent components, in a stable order."""
        universe = set(atoms)
        for a in list(universe):
            universe |= self.ancestors(a)
        items = sorted(universe, key=sp.default_sort_key)
        parent = {a: a for a in items}

        def find(a):
            while parent[a] != a:
                parent[a] = parent[parent[a]]
                a = parent[a]
            return a

        def union(a, b):
            ra, rb = find(a), find(b)
            if ra != rb:
                parent[rb] = ra

        for a in items:
            for p in self.parents(a):
                union(a, p)
        for pair in self.linked:
            a, b = sorted(pair, key=sp.default_sort_key)
            if a in parent and b in parent:
                union(a, b)
        for a in items:
            for b in items:
                if a is b or sp.default_sort_key(a) >= sp.default_sort_key(b):
                    continue
                if isinstance(a, MatrixElement) and isinstance(b, MatrixElement) and a.parent == b.parent:
                    union(a, b)
                elif self._maybe_dependent(a, b):
                    union(a, b)
        groups: dict = {}
        for a in items:
            groups.setdefault(find(a), []).append(a)
        return list(groups.values())

    def _maybe_dependent(self, a, b) -> bool:
        """Abstract variables may depend on anything not declared independent of them."""
        if not (self.is_abstract(a) or self.is_abstract(b)):
            return False
        return not (_name(a) in self.independent or _name(b) in self.independent)

    def youngest(self, group) -> object | None:
        """An atom of the group that no other atom of the group names as a parameter (a leaf)."""
        named = set()
        for a in group:
            named |= self.parents(a)
        for a in group:
            if a not in named and self.law(a) is not None:
                return a
        return None
