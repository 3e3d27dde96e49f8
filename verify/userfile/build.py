"""Build SymPy objects from a whitelisted parse tree (see :mod:`verify.userfile.grammar`).

Names resolve only to the declared symbols, the size letters of their
declarations, the index of an enclosing ``sum`` and ``pi``; calls only to
:data:`~verify.userfile.functions.FUNCTIONS`.  Nothing is looked up in Python's
namespaces and nothing from the input is evaluated as code.

    >>> from formulas.model import Entry, Verdict
    >>> entry = Entry("demo", "demo", Verdict.PROVED, symbols={"x": "vector n", "A": "matrix n n"})
    >>> build_claim("D(x.T*A*x, x) == (A + A.T)*x", Scope(entry.declared, entry.objects))
    Eq(D(x.T*A*x, x), (A + A.T)*x)
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from fractions import Fraction

import sympy as sp
from sympy.matrices.expressions.matexpr import MatrixElement

from formulas.spec import MAX_SIZE, Sym

from . import shapes
from .errors import ClaimError
from .functions import FUNCTIONS, call
from .grammar import parse_tree
from .limits import MAX_SUM_TERMS

__all__ = ["Scope", "build_claim", "build_expression", "RELATIONS"]

RELATIONS = {ast.Eq: sp.Eq, ast.LtE: sp.Le, ast.GtE: sp.Ge, ast.Lt: sp.Lt, ast.Gt: sp.Gt}
_BINOPS = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/", ast.Pow: "**", ast.MatMult: "@"}
CONSTANTS = {"pi": sp.pi}


@dataclass
class Scope:
    """What names mean in one identity: declared symbols, size letters, layout."""

    declared: dict[str, Sym]
    objects: dict  # name -> SymPy object, size letters included
    layout: str = "denominator"
    bound: dict = field(default_factory=dict)  # sum indices -> their current integer value
    max_size: int = MAX_SIZE

    @property
    def dims(self) -> dict:
        return {name: obj for name, obj in self.objects.items() if name not in self.declared}

    def is_declared_variable(self, obj) -> bool:
        return any(obj is self.objects[n] and s.kind in ("scalar", "vector", "matrix")
                   for n, s in self.declared.items())


def build_claim(text, scope: Scope):
    """A relation ``lhs OP rhs`` as a SymPy relational (``Eq``, ``Le``, ``Ge``, ``Lt``, ``Gt``)."""
    tree = parse_tree(text)
    if not isinstance(tree, ast.Compare):
        raise ClaimError("a claim must be a relation: lhs == rhs, <=, >=, < or >")
    op = type(tree.ops[0])
    lhs = _Walker(scope).build(tree.left)
    rhs = _Walker(scope).build(tree.comparators[0])
    if op is ast.Eq:
        if shapes.is_mat(lhs) != shapes.is_mat(rhs):  # a 1x1 side against a scalar side
            if not (shapes.is_1x1(lhs) or shapes.is_1x1(rhs)):
                raise ClaimError(f"the two sides of == differ: {shapes.shape_text(lhs)} and "
                                 f"{shapes.shape_text(rhs)}; compare a matrix with a matrix, such as "
                                 "zeros(n, m) or Identity(n)", col=tree.col_offset)
            lhs, rhs = shapes.as_scalar(lhs, "==", 0), shapes.as_scalar(rhs, "==", 0)
        return sp.Eq(lhs, rhs, evaluate=False)
    lhs = shapes.as_scalar(lhs, "an inequality", tree.col_offset)
    rhs = shapes.as_scalar(rhs, "an inequality", tree.col_offset)
    return RELATIONS[op](lhs, rhs, evaluate=False)


def build_expression(text, scope: Scope):
    """An expression (no relation) as a SymPy object."""
    tree = parse_tree(text)
    if isinstance(tree, ast.Compare):
        raise ClaimError("expected an expression, got a relation")
    return _Walker(scope).build(tree)


class _Walker:
    def __init__(self, scope: Scope):
        self.scope = scope

    def build(self, node):
        method = getattr(self, "_" + type(node).__name__, None)
        if method is None:  # the grammar lets a node through that has no meaning here
            raise ClaimError(f"{type(node).__name__} is not allowed here", col=getattr(node, "col_offset", None))
        return method(node)

    def _Compare(self, node):
        raise ClaimError("a relation can only be the whole claim, not part of an expression", col=node.col_offset)

    def _Tuple(self, node):
        raise ClaimError("tuples are only allowed as matrix indices, A[i, j]", col=node.col_offset)

    def _Constant(self, node):
        value = node.value
        return shapes.number(Fraction(str(value)) if isinstance(value, float) else value, node.col_offset)

    def _Name(self, node):
        name = node.id
        scope = self.scope
        if name in scope.bound:
            return sp.Integer(scope.bound[name])
        if name in scope.objects:
            return scope.objects[name]
        if name in CONSTANTS:
            return CONSTANTS[name]
        if name in FUNCTIONS:
            raise ClaimError(f"{name} is a function; call it, as in {name}(...)", col=node.col_offset)
        known = ", ".join(sorted(scope.objects)) or "none"
        raise ClaimError(f"unknown name {name!r}: declare it under 'symbols' (declared: {known})",
                         col=node.col_offset)

    def _UnaryOp(self, node):
        value = self.build(node.operand)
        return shapes.neg(value) if isinstance(node.op, ast.USub) else value

    def _BinOp(self, node):
        a, b = self.build(node.left), self.build(node.right)
        col = node.col_offset
        op = type(node.op)
        if op is ast.Add:
            return shapes.add(a, b, col)
        if op is ast.Sub:
            return shapes.add(a, b, col, sign=-1)
        if op in (ast.Mult, ast.MatMult):
            return shapes.mul(a, b, col, matmul=op is ast.MatMult)
        if op is ast.Div:
            return shapes.div(a, b, col)
        return shapes.power(a, b, col)

    def _Attribute(self, node):
        value = self.build(node.value)
        col = node.col_offset
        if not shapes.is_mat(value):
            raise ClaimError(f".{node.attr} needs a matrix or vector, got a scalar", col=col)
        if node.attr == "T":
            return value.T
        if not shapes.same(*value.shape):
            raise ClaimError(f".I needs a square matrix, got {shapes.shape_text(value)}", col=col)
        return value.I

    def _Call(self, node):
        name = node.func.id  # the grammar admits only calls of plain names
        col = node.col_offset
        if name not in FUNCTIONS:
            if name in self.scope.objects:
                raise ClaimError(f"{name!r} is a symbol, not a function", col=col)
            raise ClaimError(f"unknown function {name!r}; known: {', '.join(sorted(FUNCTIONS))}", col=col)
        if name == "sum":
            return self._sum(node)
        return call(self.scope, name, [self.build(a) for a in node.args], col)

    def _int(self, node, what: str) -> int:
        value = self.build(node)
        if not (isinstance(value, sp.Integer)):
            raise ClaimError(f"{what} must be an integer constant", col=node.col_offset)
        return int(value)

    def _sum(self, node):
        col = node.col_offset
        if len(node.args) != 4:
            raise ClaimError(f"sum() takes 4 arguments, sum(f, i, a, b), got {len(node.args)}", col=col)
        body, index, first, last = node.args
        if not isinstance(index, ast.Name):
            raise ClaimError("sum(f, i, a, b): i must be a new name", col=col)
        if index.id in self.scope.objects or index.id in self.scope.bound or index.id in FUNCTIONS:
            raise ClaimError(f"sum index {index.id!r} is already a name in this claim; choose another", col=col)
        a, b = self._int(first, "a sum's lower bound"), self._int(last, "a sum's upper bound")
        if b < a:
            raise ClaimError(f"empty sum: upper bound {b} below lower bound {a}", col=col)
        if b - a + 1 > MAX_SUM_TERMS:
            raise ClaimError(f"sum of {b - a + 1} terms exceeds the limit of {MAX_SUM_TERMS}", col=col)
        total = None
        for k in range(a, b + 1):
            self.scope.bound[index.id] = k
            try:
                term = self.build(body)
            finally:
                del self.scope.bound[index.id]
            total = term if total is None else shapes.add(total, term, col)
        return total

    def _Subscript(self, node):
        value = self.build(node.value)
        col = node.col_offset
        if not shapes.is_mat(value):
            raise ClaimError("only vectors and matrices have entries", col=col)
        idx = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
        rows, cols = value.shape
        if len(idx) == 1 and shapes.same(cols, 1):
            idx = [idx[0], None]
        if len(idx) != 2:
            raise ClaimError(f"{shapes.shape_text(value)} needs two indices, A[i, j]", col=col)
        out = []
        for sub, size in zip(idx, (rows, cols), strict=True):
            k = 0 if sub is None else self._int(sub, "an index")
            if k < 0:
                raise ClaimError("indices start at 0; negative indices are not allowed", col=col)
            size = sp.expand(size)
            if isinstance(size, sp.Integer):
                if k >= int(size):
                    raise ClaimError(f"index {k} out of range for size {size} (indices start at 0)", col=col)
            elif k > 0:
                raise ClaimError(f"index {k} needs size {size} to be at least {k + 1}, but the checker also "
                                 f"tries {size} = 1; declare a numeric size (such as 'vector 3')", col=col)
            out.append(k)
        return MatrixElement(value, *out)
