"""From SymPy expressions to tensor networks (and scalars in atoms).

:class:`Builder` walks a whitelisted set of SymPy node types; anything else raises
:class:`~verify.tensor.network.TensorUnsupported` so that another engine decides.

=============================  ====================================================
SymPy                          index notation
=============================  ====================================================
``MatrixSymbol`` X (n × m)     ``X[i,j]`` (a dimension 1 carries no index)
``A*B``, ``A.T``               shared index ``A[i,k] B[k,j]``; swapped indices
``Identity``, ``OneMatrix``    ``δ[i,j]``; ``1[i] 1[j]``
``Inverse``, ``MatPow``        :func:`~verify.tensor.construct.inverse_tensor`; repeated products
``MatPow`` (symbolic integer)  an opaque power :mod:`verify.tensor.powers`
``Trace``, ``Determinant``     ``M[k,k]`` (a scalar); :mod:`verify.tensor.determinant`
``HadamardProduct``, ``diag``  repeated indices ``A[i,j] B[i,j]``; ``v[i] δ[i,j]``
``f.(M)``, ``softmax``         entrywise heads (:func:`~verify.tensor.construct.elem_apply`)
``Sum(f(z[i]), (i, 0, n-1))``  an index summed over a whole dimension
``D(f, v)``                    :mod:`verify.tensor.derive`
``u(x)``, ``f(x)``             declared functions (field heads)
=============================  ====================================================
"""

from __future__ import annotations

import sympy as sp
from sympy.matrices.expressions import (
    Determinant,
    HadamardPower,
    HadamardProduct,
    Identity,
    Inverse,
    KroneckerProduct,
    MatAdd,
    MatMul,
    MatPow,
    MatrixExpr,
    MatrixSymbol,
    OneMatrix,
    Trace,
    Transpose,
    ZeroMatrix,
)
from sympy.matrices.expressions.applyfunc import ElementwiseApplyFunction
from sympy.matrices.expressions.matexpr import MatrixElement

from formulas.nodes import D, DiagVec, ScalarField, ScalarOf, VectorField

from .construct import elem_apply, field_head, inverse_tensor
from .heads import T_ARG, basis_head, declared, delta, ones, pack_head
from .network import Factor, Tensor, TensorUnsupported, Term, fresh, product
from .normal import to_scalar

__all__ = ["Builder", "has_tensor_content"]

_TENSOR_NODES = (MatrixExpr, MatrixElement, Trace, Determinant, ScalarOf, ScalarField, D)


def has_tensor_content(expr) -> bool:
    """Whether a scalar expression involves matrices (needs this engine, not plain SymPy)."""
    return bool(getattr(expr, "atoms", None)) and bool(expr.atoms(*_TENSOR_NODES)) or isinstance(expr, _TENSOR_NODES)


def _trivial(d) -> bool:
    return sp.sympify(d) == 1


def _slot(d):
    return None if _trivial(d) else fresh(d)


def _present(*idx):
    return tuple(i for i in idx if i is not None)


class Builder:
    """Builds tensors for one claim; ``declared`` gives each symbol's assumptions (flags)."""

    def __init__(self, declared: dict, plain: frozenset = frozenset()):
        self.declared = declared
        self.plain = frozenset(plain)  # variables built without point flags (being differentiated)

    def flags(self, name: str) -> frozenset:
        sym = self.declared.get(name)
        return sym.flags if sym is not None else frozenset()

    def with_plain(self, name: str) -> Builder:
        return Builder(self.declared, self.plain | {name})

    # -- matrices ----------------------------------------------------------------------------------
    def matrix(self, expr, row, col) -> Tensor:
        """``expr`` (r × c) as a tensor with output indices ``row``, ``col`` (None where the size is 1)."""
        t = self._matrix(expr, row, col)
        out = _present(row, col)
        if t.out != out:  # built over the same indices in another order (a transpose): restate the order
            if set(t.out) != set(out):
                raise TensorUnsupported("internal: output indices lost")
            t = Tensor(out, t.terms)
        return t

    def _matrix(self, expr, row, col) -> Tensor:
        out = _present(row, col)
        if isinstance(expr, MatrixSymbol):
            dims = tuple(d for d in expr.shape if not _trivial(d))
            if len(dims) != len(out):
                raise ValueError(f"{expr.name} ({expr.shape}) used with {len(out)} indices: a shape mismatch")
            return declared(expr.name, dims, self.flags(expr.name), out, plain=expr.name in self.plain)
        if isinstance(expr, Identity):
            return Tensor(out, (Term(sp.Integer(1), (delta(row, col),)),)) if out else Tensor.scalar(1)
        if isinstance(expr, ZeroMatrix):
            return Tensor(out)
        if isinstance(expr, OneMatrix):
            return Tensor(out, (Term(sp.Integer(1), tuple(ones(i) for i in out)),))
        if isinstance(expr, MatAdd):
            total = Tensor(out)
            for a in expr.args:
                total = total + self.matrix(a, row, col)
            return total
        if isinstance(expr, MatMul):
            return self._matmul(expr.args, row, col)
        if isinstance(expr, Transpose):
            return self.matrix(expr.arg, col, row)
        if isinstance(expr, Inverse):
            return self._inverse(expr.arg, row, col)
        if isinstance(expr, MatPow):
            return self._matpow(expr, row, col)
        if isinstance(expr, HadamardProduct):
            result = self.matrix(expr.args[0], row, col)
            for a in expr.args[1:]:
                result = product(result, self.matrix(a, row, col), out)
            return result
        if isinstance(expr, HadamardPower):
            base, exponent = expr.args
            p, q = _slot(base.shape[0]), _slot(base.shape[1])
            return elem_apply(T_ARG ** self.scalar(exponent), self.matrix(base, p, q), out)
        if isinstance(expr, DiagVec):
            (vec,) = expr.args
            if row is None:
                return self.matrix(vec, None, None)
            v = self.matrix(vec, row, None)
            return product(v, Tensor((row, col), (Term(sp.Integer(1), (delta(row, col),)),)), out)
        if isinstance(expr, ElementwiseApplyFunction):
            fn = expr.function
            body = fn(T_ARG)
            inner = expr.expr
            p, q = _slot(inner.shape[0]), _slot(inner.shape[1])
            return elem_apply(body, self.matrix(inner, p, q), out)
        if isinstance(expr, D):
            from .derive import derivative_node

            return derivative_node(self, expr, row, col)
        if isinstance(expr, KroneckerProduct):
            return self._kron(expr.args, row, col)
        if isinstance(expr, VectorField) or type(expr).__name__ == "MatrixField":
            arg = self._argument(expr.arg)  # MatrixField: X(t), a declared matrix-valued function
            head = field_head(expr.name, 0, arg, tuple(expr.shape))
            return Tensor(out, (Term(sp.Integer(1), (Factor(head, out),)),))
        if not getattr(expr, "is_Matrix", False):
            return Tensor.scalar(self.scalar(expr)) if not out else self._scalar_times_ones(expr, out)
        raise TensorUnsupported(f"no index form for {type(expr).__name__}")

    def _scalar_times_ones(self, expr, out):
        raise TensorUnsupported(f"a scalar {expr} used where a matrix is expected")

    def _matmul(self, args, row, col) -> Tensor:
        coef = sp.Integer(1)
        mats = []
        for a in args:
            if getattr(a, "is_Matrix", False):
                mats.append(a)
            else:
                coef = coef * self.scalar(a)
        if not mats:
            return Tensor.scalar(coef)
        for a, b in zip(mats, mats[1:], strict=False):
            if sp.simplify(a.shape[1] - b.shape[0]) != 0:
                raise ValueError(f"shape mismatch in product: {a.shape} times {b.shape}")
        result = None
        left = row
        out_so_far = _present(row)
        for k, m in enumerate(mats):
            right = col if k == len(mats) - 1 else _slot(m.shape[1])
            t = self.matrix(m, left, right)
            out_now = _present(row, right)
            result = t if result is None else product(result, t, out_now)
            out_so_far = out_now
            left = right
        del out_so_far
        return result.scale(coef)

    def _kron(self, args, row, col) -> Tensor:
        """``(A ⊗ B)[(i,k), (j,l)] = A[i,j] B[k,l]``: each index of the product splits into a pack of two."""
        a = args[0]
        b = args[1] if len(args) == 2 else KroneckerProduct(*args[1:])
        ia, ib, ja, jb = _slot(a.shape[0]), _slot(b.shape[0]), _slot(a.shape[1]), _slot(b.shape[1])
        t = product(self.matrix(a, ia, ja), self.matrix(b, ib, jb), _present(ia, ib, ja, jb))
        extra = []
        renames = {}
        for whole, (major, minor) in ((row, (ia, ib)), (col, (ja, jb))):
            if whole is None:
                continue
            if major is not None and minor is not None:
                extra.append(Factor(pack_head((major.dim, minor.dim)), (whole, major, minor)))
            else:
                renames[major or minor] = whole
        out = _present(row, col)
        terms = tuple(Term(term.coef, tuple(f.rename(renames) for f in term.factors) + tuple(extra))
                      for term in t.terms)
        return Tensor(out, terms)

    def _inverse(self, arg, row, col) -> Tensor:
        if _trivial(arg.shape[0]):
            return Tensor.scalar(1 / self.scalar(arg))
        p, q = fresh(arg.shape[0]), fresh(arg.shape[1])
        inv = inverse_tensor(self.matrix(arg, p, q))
        return inv.relabel((row, col))

    def _matpow(self, expr, row, col) -> Tensor:
        base, exponent = expr.args
        exponent = sp.sympify(exponent)
        if not exponent.is_Integer:
            if _trivial(base.shape[0]):
                return Tensor.scalar(self.scalar(base) ** self.scalar(exponent))
            from .powers import power_tensor

            p, q = fresh(base.shape[0]), fresh(base.shape[1])
            return power_tensor(self.matrix(base, p, q), exponent, self.invertible(base)).relabel((row, col))
        k = int(exponent)
        if k == 0:
            return self.matrix(Identity(base.shape[0]), row, col)
        if k < 0:
            base, k = Inverse(base), -k
        return self._matmul([base] * k, row, col)

    def invertible(self, expr) -> bool:
        """Whether the declarations make the square matrix ``expr`` invertible at every point where it is
        defined (declared invertible, SPD or orthogonal factors, inverses, transposes, products of those)."""
        if isinstance(expr, MatrixSymbol):
            return bool({"invertible", "spd", "orthogonal"} & self.flags(expr.name))
        if isinstance(expr, (Inverse, Identity)):
            return True
        if isinstance(expr, Transpose):
            return self.invertible(expr.arg)
        if isinstance(expr, MatPow):
            return self.invertible(expr.args[0])
        if isinstance(expr, MatMul):
            mats = [a for a in expr.args if getattr(a, "is_Matrix", False)]
            scalars = [a for a in expr.args if not getattr(a, "is_Matrix", False)]
            return (all(sp.sympify(s).is_nonzero is True for s in scalars)
                    and all(m.shape[0] == m.shape[1] and self.invertible(m) for m in mats))
        return False

    def _argument(self, arg) -> Tensor:
        if getattr(arg, "is_Matrix", False):
            p, q = _slot(arg.shape[0]), _slot(arg.shape[1])
            return self.matrix(arg, p, q)
        return Tensor.scalar(self.scalar(arg))

    # -- scalars -----------------------------------------------------------------------------------
    def scalar(self, expr):
        """A scalar expression as SymPy over atoms (closed networks and determinants)."""
        expr = sp.sympify(expr)
        if not has_tensor_content(expr):
            return expr
        if isinstance(expr, Trace):
            m = expr.arg
            if _trivial(m.shape[0]):
                return self.scalar_of_1x1(m)
            k = fresh(m.shape[0])
            return to_scalar(_closed(self.matrix(m, k, k)))
        if isinstance(expr, Determinant):
            from .determinant import det_of

            m = expr.arg
            if _trivial(m.shape[0]):
                return self.scalar_of_1x1(m)
            return det_of(self.matrix(m, fresh(m.shape[0]), fresh(m.shape[1])))
        if isinstance(expr, ScalarOf):
            return self.scalar_of_1x1(expr.args[0])
        if isinstance(expr, MatrixElement):
            return to_scalar(self.entry(expr, {}))
        if isinstance(expr, ScalarField):
            head = field_head(expr.name, 0, self._argument(expr.arg))
            return to_scalar(Tensor((), (Term(sp.Integer(1), (Factor(head, ()),)),)))
        if isinstance(expr, D):
            from .derive import derivative_node

            return to_scalar(derivative_node(self, expr, None, None))
        if isinstance(expr, sp.Sum):
            return self._sum(expr)
        if getattr(expr, "is_Matrix", False):
            if tuple(expr.shape) == (1, 1):
                return self.scalar_of_1x1(expr)
            raise TensorUnsupported(f"a {expr.shape} matrix where a scalar is expected")
        if isinstance(expr, (sp.Product, sp.Integral, sp.Derivative, sp.Subs)):
            raise TensorUnsupported(f"{type(expr).__name__} of matrix entries")
        if not expr.args:
            return expr
        return expr.func(*[self.scalar(a) if isinstance(a, sp.Basic) else a for a in expr.args])

    def scalar_of_1x1(self, m):
        return to_scalar(_closed(self.matrix(m, None, None)))

    def _sum(self, expr: sp.Sum):
        return to_scalar(self._summed(expr, {}))

    def _summed(self, expr: sp.Sum, outer: dict) -> Tensor:
        """``Σ_i f(z[i])``: the summation indices become summed tensor indices (a sum over a whole
        dimension); output indices are those of enclosing sums that the body uses."""
        bound = dict(outer)
        mine = []
        for var, lo, hi in expr.limits:
            idx = fresh(sp.simplify(hi - lo + 1))
            bound[var] = (idx, lo)
            mine.append(idx)
        t = self.entry(expr.function, bound)
        missing = [i for i in mine if i not in t.out]
        if missing:
            # the body does not depend on an index: the sum multiplies it by the number of terms
            t = t.scale(sp.Mul(*[i.dim for i in missing]))
        out = tuple(i for i in t.out if i not in mine)
        return Tensor(out, t.terms)

    # -- entries with bound indices ----------------------------------------------------------------
    def entry(self, expr, bound: dict) -> Tensor:
        """A scalar expression in entries ``z[i]``; output indices are the bound indices it uses.

        ``bound`` maps each summation variable to ``(index, lower bound)``; an entry index ``i + c``
        must run over the whole dimension (``lower + c == 0``)."""
        expr = sp.sympify(expr)
        if isinstance(expr, MatrixElement):
            return self._element(expr, bound)
        if not any(v in expr.free_symbols for v in bound):
            return Tensor.scalar(self.scalar(expr))
        if isinstance(expr, sp.Sum):
            return self._summed(expr, bound)
        if isinstance(expr, sp.Add):
            parts = [self.entry(a, bound) for a in expr.args]
            out = _union(p.out for p in parts)
            total = Tensor(out)
            for p in parts:
                total = total + _broadcast(p, out)
            return total
        if isinstance(expr, sp.Mul):
            result = Tensor.scalar(1)
            for a in expr.args:
                part = self.entry(a, bound)
                result = product(result, part, _union([result.out, part.out]))
            return result
        if isinstance(expr, sp.Pow) and expr.exp.is_Integer and expr.exp > 0 and not (
                expr.exp.free_symbols & set(bound)):
            base = self.entry(expr.base, bound)
            result = base
            for _ in range(int(expr.exp) - 1):
                result = product(result, self.entry(expr.base, bound), base.out)
            return result
        inner = [a for a in expr.args if isinstance(a, sp.Basic) and a.free_symbols & set(bound)]
        if len(inner) == 1 and isinstance(expr, (sp.Function, sp.Pow)):
            (arg,) = inner
            t = self.entry(arg, bound)
            body = expr.xreplace({arg: T_ARG})
            if body.free_symbols & set(bound):
                raise TensorUnsupported("a summation variable outside an entry index")
            return elem_apply(self.scalar(body), t, t.out)
        raise TensorUnsupported(f"no index form for {type(expr).__name__} of matrix entries")

    def _element(self, expr: MatrixElement, bound: dict) -> Tensor:
        parent, i, j = expr.args
        rows, cols = parent.shape
        slots = []
        extra = []
        for sub, size in ((i, rows), (j, cols)):
            if _trivial(size):
                slots.append(None)
                continue
            sub = sp.sympify(sub)
            var = [v for v in bound if v in sub.free_symbols]
            if not var:
                if not sub.is_Integer:
                    raise TensorUnsupported(f"entry index {sub} is not a number or a summation index")
                k = fresh(size)
                slots.append(k)
                extra.append(Factor(basis_head(int(sub), size), (k,)))
                continue
            if len(var) != 1:
                raise TensorUnsupported(f"entry index {sub} mixes summation indices")
            (v,) = var
            idx, lo = bound[v]
            offset = sp.simplify(sub - v)
            if offset.free_symbols or sp.simplify(lo + offset) != 0 or sp.simplify(idx.dim - size) != 0:
                raise TensorUnsupported("a summation index that does not run over a whole dimension")
            slots.append(idx)
        t = self.matrix(parent, slots[0], slots[1])
        out = tuple(s for s, sub in zip(slots, (i, j), strict=True)
                    if s is not None and not sp.sympify(sub).is_Integer)
        if extra:
            basis = Tensor(tuple(f.idx[0] for f in extra), (Term(sp.Integer(1), tuple(extra)),))
            t = product(t, basis, out)
        return Tensor(out, t.terms) if t.out != out else t


def _closed(t: Tensor) -> Tensor:
    return Tensor((), t.terms) if t.out else t


def _union(outs) -> tuple:
    seen = []
    for out in outs:
        for i in out:
            if i not in seen:
                seen.append(i)
    return tuple(sorted(seen, key=lambda i: i.id))


def _broadcast(t: Tensor, out: tuple) -> Tensor:
    """``t`` on more output indices: constant along the missing ones (``c -> c 1[i]``)."""
    missing = [i for i in out if i not in t.out]
    if not missing:
        return Tensor(out, t.terms)
    extra = tuple(ones(i) for i in missing)
    return Tensor(out, tuple(Term(term.coef, term.freshen(t.out).factors + extra) for term in t.terms))
