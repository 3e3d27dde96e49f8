"""Build SymPy objects from a whitelisted parse tree (see :mod:`verify.userfile.grammar`).

Names resolve only to the declared symbols, the size letters of their
declarations, the index of an enclosing ``sum``/``prod`` and ``pi``; calls only
to :data:`~verify.userfile.functions.FUNCTIONS`, the constructs the walker
builds itself (sums and products, ``Piecewise``, ``Matrix``/``BlockMatrix``,
conditions, the probability functions of :mod:`verify.probability.syntax`) and
the declared functions (``u(t)``).  Nothing is looked up in Python's namespaces
and nothing from the input is evaluated as code.

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

from formulas.nodes import MatrixField, ScalarField, VectorField, shape_of
from formulas.spec import MAX_SIZE, Sym

from . import shapes
from .errors import ClaimError
from .functions import FUNCTIONS, WALKER_FUNCTIONS, call
from .grammar import chained, parse_tree
from .limits import MAX_LITERAL_MATRIX, MAX_PIECES, MAX_SUM_NESTING, MAX_SUM_TERMS
from .shapes import BoundIndex, check_index, check_range

__all__ = ["Scope", "build_claim", "build_expression", "RELATIONS"]

RELATIONS = {ast.Eq: sp.Eq, ast.LtE: sp.Le, ast.GtE: sp.Ge, ast.Lt: sp.Lt, ast.Gt: sp.Gt}
CONDITIONS = {**RELATIONS, ast.NotEq: sp.Ne}
CONSTANTS = {"pi": sp.pi, "EulerGamma": sp.EulerGamma}
_FIELDS = (ScalarField, VectorField, MatrixField)


@dataclass
class Scope:
    """What names mean in one identity: declared symbols, size letters, layout."""

    declared: dict[str, Sym]
    objects: dict  # name -> SymPy object, size letters included
    layout: str = "denominator"
    bound: dict = field(default_factory=dict)  # sum/product indices in scope -> BoundIndex
    max_size: int = MAX_SIZE

    @property
    def dims(self) -> dict:
        return {name: obj for name, obj in self.objects.items() if name not in self.declared}

    def is_declared_variable(self, obj) -> bool:
        return any(obj is self.objects[n] and s.kind in ("scalar", "vector", "matrix")
                   for n, s in self.declared.items())


def build_claim(text, scope: Scope, constraint: bool = False):
    """A relation ``lhs OP rhs`` as a SymPy relational (``Eq``, ``Le``, ``Ge``, ``Lt``, ``Gt``; ``Ne`` as well
    for a ``where`` constraint)."""
    tree = parse_tree(text)
    if not isinstance(tree, ast.Compare):
        raise ClaimError("a claim must be a relation: lhs == rhs, <=, >=, < or >")
    if len(tree.ops) != 1:
        raise ClaimError("chained comparisons are not allowed: write one relation per claim", col=tree.col_offset)
    op = type(tree.ops[0])
    if op is ast.NotEq and constraint:
        lhs = shapes.as_scalar(_Walker(scope).build(tree.left), "a constraint", tree.col_offset)
        rhs = shapes.as_scalar(_Walker(scope).build(tree.comparators[0]), "a constraint", tree.col_offset)
        return sp.Ne(lhs, rhs, evaluate=False)
    if op is ast.NotEq:
        raise ClaimError("'!=' are not allowed as the relation of a claim: a claim states an equality or an "
                         "inequality (!= is allowed inside conditions)", col=tree.col_offset)
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

    # -- nodes admitted by the grammar only in some places ----------------------------------------
    def _Compare(self, node):
        raise ClaimError("a relation can only be the whole claim, not part of an expression (it is a condition "
                         "inside P(...), Piecewise and And/Or/Not)", col=node.col_offset)

    def _Tuple(self, node):
        raise ClaimError("tuples are only allowed as matrix indices A[i, j], Piecewise pairs (value, condition) "
                         "and Sum/Product limits (i, a, b)", col=node.col_offset)

    def _List(self, node):
        raise ClaimError("lists are only allowed in Matrix([[...]]) and BlockMatrix([[...]])", col=node.col_offset)

    def _Constant(self, node):
        value = node.value
        if isinstance(value, bool):
            raise ClaimError("True and False are only allowed as conditions, such as the last piece of "
                             "Piecewise((a, x > 0), (b, True))", col=node.col_offset)
        return shapes.number(Fraction(str(value)) if isinstance(value, float) else value, node.col_offset)

    def _Name(self, node):
        name = node.id
        scope = self.scope
        if name in scope.bound:
            return scope.bound[name].symbol
        if name in scope.objects:
            return scope.objects[name]
        if name in CONSTANTS:
            return CONSTANTS[name]
        if name == "E1":
            raise ClaimError("E1 is the exponential integral, a function: call it, as in E1(x); for Euler's "
                             "number e write exp(1) (E is the expectation)", col=node.col_offset)
        if name in FUNCTIONS or name in WALKER_FUNCTIONS:
            raise ClaimError(f"{name} is a function; call it, as in {name}(...)", col=node.col_offset)
        known = ", ".join(sorted(scope.objects)) or "none"
        raise ClaimError(f"unknown name {name!r}: declare it under 'symbols' (declared: {known})",
                         col=node.col_offset)

    def _UnaryOp(self, node):
        value = self.build(node.operand)
        return shapes.neg(value) if isinstance(node.op, ast.USub) else value

    def _BinOp(self, node):
        col = node.col_offset
        op = type(node.op)
        if op is ast.BitOr:
            raise ClaimError("the conditioning bar '|' is only allowed as E(X | Y), Var(X | Y) or P(event | Y)",
                             col=col)
        chain = [node]
        while chained(chain[-1].left, chain[-1]):  # a long sum or product: a loop, not one call per term
            chain.append(chain[-1].left)
        if len(chain) > 1:
            value = self.build(chain[-1].left)
            for link in reversed(chain):
                value = self._combine(link, value, self.build(link.right))
            return value
        return self._combine(node, self.build(node.left), self.build(node.right))

    def _combine(self, node, a, b):
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
        if isinstance(value, sp.MatrixBase):  # explicit: kept unevaluated (SymPy would row-reduce it now)
            return sp.Inverse(value)
        return value.I

    def _Call(self, node):
        name = node.func.id  # the grammar admits only calls of plain names
        col = node.col_offset
        if name in self.scope.objects:
            obj = self.scope.objects[name]
            if isinstance(obj, _FIELDS) and name in self.scope.declared:
                return self._field_call(obj, node)
            raise ClaimError(f"{name!r} is a symbol, not a function", col=col)
        if name in ("sum", "prod", "Sum", "Product"):
            return self._sum(node, product=name in ("prod", "Product"), sympy_form=name[0].isupper())
        if name == "integrate":
            from .integrals import build_integral

            return build_integral(self, node)
        if name == "Piecewise":
            return self._piecewise(node)
        if name in ("Matrix", "BlockMatrix"):
            return self._matrix(node, blocks=name == "BlockMatrix")
        if name in ("And", "Or", "Not"):
            raise ClaimError(f"{name}(...) is a condition: use it inside P(...) or as a Piecewise condition",
                             col=col)
        if name in WALKER_FUNCTIONS:
            from verify.probability.syntax import build_probability_call

            return build_probability_call(self, name, node)
        if name not in FUNCTIONS:
            known = sorted(set(FUNCTIONS) | WALKER_FUNCTIONS)
            raise ClaimError(f"unknown function {name!r}; known: {', '.join(known)}", col=col)
        return call(self.scope, name, [self.build(a) for a in node.args], col)

    # -- declared functions called with an argument -----------------------------------------------
    def _field_call(self, obj, node):
        col = node.col_offset
        if len(node.args) != 1:
            raise ClaimError(f"{obj.name}(...) takes one argument, like its declaration", col=col)
        arg = self.build(node.args[0])
        want = shape_of(obj.arg)
        if not all(shapes.same(a, b) for a, b in zip(shape_of(arg), want, strict=True)) or \
                shapes.is_mat(arg) != shapes.is_mat(obj.arg):
            raise ClaimError(f"{obj.name} is a function of {shapes.shape_text(obj.arg)}, called with "
                             f"{shapes.shape_text(arg)}", col=col)
        if isinstance(obj, ScalarField):
            return ScalarField(obj.name, arg)
        if isinstance(obj, VectorField):
            return VectorField(obj.name, arg, obj.shape[0])
        return MatrixField(obj.name, arg, *obj.shape)

    # -- conditions ---------------------------------------------------------------------------------
    def condition(self, node):
        """A relation, ``And/Or/Not`` of conditions, or ``True``/``False``, as a SymPy boolean."""
        col = getattr(node, "col_offset", None)
        if isinstance(node, ast.Constant) and isinstance(node.value, bool):
            return sp.true if node.value else sp.false
        if isinstance(node, ast.Compare):
            if len(node.ops) != 1:
                raise ClaimError("chained comparisons are not allowed: write And(0 < x, x < 1)", col=col)
            a = shapes.as_scalar(self.build(node.left), "a condition", col)
            b = shapes.as_scalar(self.build(node.comparators[0]), "a condition", col)
            return CONDITIONS[type(node.ops[0])](a, b)
        if isinstance(node, ast.Call) and node.func.id in ("And", "Or", "Not"):
            parts = [self.condition(a) for a in node.args]
            if node.func.id == "Not":
                if len(parts) != 1:
                    raise ClaimError("Not() takes one condition", col=col)
                return sp.Not(parts[0])
            if len(parts) < 2:
                raise ClaimError(f"{node.func.id}() takes two or more conditions", col=col)
            return (sp.And if node.func.id == "And" else sp.Or)(*parts)
        raise ClaimError("a condition must be a relation such as x > 0, True, or And/Or/Not of conditions",
                         col=col)

    def _piecewise(self, node):
        col = node.col_offset
        if not node.args or len(node.args) > MAX_PIECES:
            raise ClaimError(f"Piecewise takes 1 to {MAX_PIECES} pairs (value, condition)", col=col)
        pieces = []
        for arg in node.args:
            if not (isinstance(arg, ast.Tuple) and len(arg.elts) == 2):
                raise ClaimError("Piecewise takes pairs (value, condition), such as Piecewise((x, x > 0), (0, True))",
                                 col=col)
            value = shapes.as_scalar(self.build(arg.elts[0]), "a Piecewise value", col)
            pieces.append((value, self.condition(arg.elts[1])))
        if all(c is sp.false for _, c in pieces):
            raise ClaimError("every condition of this Piecewise is False", col=col)
        return sp.Piecewise(*pieces)

    # -- explicit and block matrices --------------------------------------------------------------
    def _matrix(self, node, blocks: bool):
        col = node.col_offset
        what = "BlockMatrix([[A, B], [C, D]])" if blocks else "Matrix([[a, b], [c, d]])"
        if len(node.args) != 1 or not isinstance(node.args[0], ast.List) or not node.args[0].elts:
            raise ClaimError(f"write {what}: one list of rows", col=col)
        rows = node.args[0].elts
        if not blocks and not any(isinstance(r, ast.List) for r in rows):
            rows = [ast.List(elts=[r]) for r in rows]  # Matrix([a, b]) is a column
        if not all(isinstance(r, ast.List) and r.elts for r in rows):
            raise ClaimError(f"write {what}: every row is a list", col=col)
        width = len(rows[0].elts)
        if any(len(r.elts) != width for r in rows):
            raise ClaimError("every row of a matrix needs the same number of entries", col=col)
        if len(rows) > MAX_LITERAL_MATRIX or width > MAX_LITERAL_MATRIX:
            raise ClaimError(f"at most {MAX_LITERAL_MATRIX} x {MAX_LITERAL_MATRIX} entries or blocks", col=col)
        values = [[self.build(e) for e in r.elts] for r in rows]
        if not blocks:
            return sp.ImmutableMatrix([[shapes.as_scalar(v, "a Matrix entry", col) for v in r] for r in values])
        for r in values:
            for v in r:
                if not shapes.is_mat(v):
                    raise ClaimError("BlockMatrix blocks are matrices or vectors; write a scalar block as "
                                     "Matrix([[a]])", col=col)
            if not all(shapes.same(v.shape[0], r[0].shape[0]) for v in r):
                raise ClaimError("the blocks in a row of a BlockMatrix need the same number of rows, got "
                                 + ", ".join(map(shapes.shape_text, r)), col=col)
        for j in range(width):
            column = [r[j] for r in values]
            if not all(shapes.same(v.shape[1], column[0].shape[1]) for v in column):
                raise ClaimError("the blocks in a column of a BlockMatrix need the same number of columns, got "
                                 + ", ".join(map(shapes.shape_text, column)), col=col)
        return sp.BlockMatrix(values)

    # -- sums and products ------------------------------------------------------------------------
    def _limits(self, node, sympy_form: bool, what: str):
        """(body, [(index name, lower node, upper node), ...]) from either spelling."""
        col = node.col_offset
        if not sympy_form:
            if len(node.args) != 4:
                raise ClaimError(f"{what}() takes 4 arguments, {what}(f, i, a, b), got {len(node.args)}", col=col)
            body, index, first, last = node.args
            return body, [(index, first, last)]
        label = "Sum" if what == "sum" else "Product"
        if len(node.args) < 2:
            raise ClaimError(f"write {label}(f, (i, a, b))", col=col)
        limits = []
        for lim in node.args[1:]:
            if not (isinstance(lim, ast.Tuple) and len(lim.elts) == 3):
                raise ClaimError(f"write {label}(f, (i, a, b)): each limit is a tuple (i, a, b)", col=col)
            limits.append(tuple(lim.elts))
        return node.args[0], limits

    def _sum(self, node, product: bool, sympy_form: bool):
        what = "prod" if product else "sum"
        body, limits = self._limits(node, sympy_form, what)
        return self._nested(body, limits, product, node.col_offset)

    def _nested(self, body, limits, product: bool, col):
        index, first, last = limits[0]
        scope = self.scope
        if not isinstance(index, ast.Name):
            raise ClaimError("the index of a sum or product must be a new name, as in sum(f, i, a, b)", col=col)
        name = index.id
        if name.startswith("_") or name in scope.objects or name in scope.bound or name in FUNCTIONS \
                or name in WALKER_FUNCTIONS or name in CONSTANTS:
            raise ClaimError(f"sum index {name!r} is already a name in this claim; choose another", col=col)
        if len(scope.bound) >= MAX_SUM_NESTING:
            raise ClaimError(f"sums and products may be nested at most {MAX_SUM_NESTING} deep", col=col)
        lo = shapes.as_scalar(self.build(first), "a bound", col)
        hi = shapes.as_scalar(self.build(last), "a bound", col)
        check_range(lo, hi, scope.bound, col, MAX_SUM_TERMS)
        symbol = sp.Symbol(name, integer=True)
        scope.bound[name] = BoundIndex(symbol, lo, hi)
        try:
            term = self._nested(body, limits[1:], product, col) if len(limits) > 1 else self.build(body)
        finally:
            del scope.bound[name]
        if shapes.is_mat(term) and not shapes.is_1x1(term):
            if product or not (lo.is_Integer and hi.is_Integer):
                raise ClaimError("a sum with symbolic bounds (or a product) needs a scalar body; sum the entries "
                                 "(sum(A[i, j], i, 0, n - 1)) or write a matrix sum with number bounds", col=col)
            return self._unrolled(body, name, int(lo), int(hi), col)
        if term.has(sp.KroneckerDelta) and lo.is_Integer and hi.is_Integer:  # col(X, i), row(X, i): term by term
            return self._unrolled(body, name, int(lo), int(hi), col, product)
        term = shapes.as_scalar(term, "a sum", col)
        return (sp.Product if product else sp.Sum)(term, (symbol, lo, hi))

    def _unrolled(self, body, name, lo: int, hi: int, col, product: bool = False):
        """A sum of matrices with number bounds, term by term (SymPy's Sum takes scalars only); a product of
        scalars term by term."""
        if product:
            factors = []
            for k in range(lo, hi + 1):
                self.scope.bound[name] = BoundIndex(sp.Integer(k), sp.Integer(k), sp.Integer(k))
                try:
                    factors.append(shapes.as_scalar(self.build(body), "a product", col))
                finally:
                    del self.scope.bound[name]
            return sp.Mul(*factors)
        total = None
        for k in range(lo, hi + 1):
            self.scope.bound[name] = BoundIndex(sp.Integer(k), sp.Integer(k), sp.Integer(k))
            try:
                term = self.build(body)
            finally:
                del self.scope.bound[name]
            total = term if total is None else shapes.add(total, term, col)
        return total if total is not None else sp.Integer(0)

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
            k = sp.Integer(0) if sub is None else shapes.as_scalar(self.build(sub), "an index", col)
            check_index(k, sp.expand(size), self.scope.bound, col)
            out.append(k)
        return _entry(value, *out)


def _entry(value, i, j):
    from sympy.matrices.expressions.matexpr import MatrixElement

    if isinstance(value, sp.MatrixBase) and i.is_Integer and j.is_Integer:
        return value[int(i), int(j)]
    return MatrixElement(value, i, j)
