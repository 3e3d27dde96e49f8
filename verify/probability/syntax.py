"""The probability functions of the claim language, built from the parse tree.

=========================  =====================================================================
call                       SymPy node
=========================  =====================================================================
``E(f)``                   ``Expectation(f)``; ``MeanOf(v)`` for a random vector or matrix ``v``
``E(f | Y)``               ``CondExpectation(f, Y)`` (a random variable: a function of ``Y``)
``Var(f)``                 ``Variance(f)``; ``CovOf(v, v)`` for a random vector ``v``
``Var(f | Y)``             ``CondVariance(f, Y)``
``Cov(X, Y)``, ``Cov(v)``  ``Covariance(X, Y)``; ``CovOf(v, w)`` for random vectors
``MGF(X, t)``              ``Expectation(exp(t*X))``, ``Expectation(exp(t.T*x))`` for a vector
``P(A)``, ``P(A | Y)``     ``Probability(A)``, ``CondProbability(A, Y)``
``P(A | B)``               ``Probability(A & B) / Probability(B)`` for an event ``B`` (``Y == y``)
``density(X, x)``          ``Density(X, x)`` (``pdf``, ``pmf`` likewise); ``cdf(X, x)``: ``CDF(X, x)``
``entropy(X)``             ``Entropy(X)``; ``KL(X, Y)``: ``KL(X, Y)``
=========================  =====================================================================

The nodes are those of :mod:`formulas.nodes`; the probability engine
(:mod:`verify.probability`) gives them their closed forms.
"""

from __future__ import annotations

import ast

import sympy as sp
from sympy import stats as st
from sympy.stats.rv import RandomSymbol

from formulas.nodes import (
    CDF,
    KL,
    CondExpectation,
    CondProbability,
    CondVariance,
    CovOf,
    Density,
    Entropy,
    MeanOf,
    RandomVector,
    ScalarOf,
)
from verify.userfile import shapes
from verify.userfile.errors import ClaimError

__all__ = ["build_probability_call", "is_random"]

_ARITY = {"E": 1, "Var": 1, "Cov": (1, 2), "MGF": 2, "P": 1, "density": 2, "pdf": 2, "pmf": 2, "cdf": 2,
          "entropy": 1, "KL": 2}


def is_random(e) -> bool:
    """Whether a SymPy expression involves a random variable or a random vector."""
    return bool(getattr(e, "atoms", None)) and bool(e.atoms(RandomSymbol, RandomVector))


def _need_random(x, name: str, col):
    if not is_random(x):
        raise ClaimError(f"{name}() needs an expression with a random variable (declare it 'random' or give it a "
                         "distribution)", col=col)
    return x


def _variable(x, name: str, col):
    if isinstance(x, (RandomSymbol, RandomVector)):
        return x
    raise ClaimError(f"{name}() needs a declared random variable (a name under 'distributions'), got {x}; for a "
                     "function of random variables use E(...) or P(...)", col=col)


def _is_vector(x) -> bool:
    return shapes.is_mat(x) and shapes.same(x.shape[1], 1) and not shapes.is_1x1(x)


def _bar(node):
    """(left, right) of a top-level conditioning bar ``X | Y``, else None.

    ``|`` binds tighter than a comparison in Python, so ``P(X > a | Y)`` parses as ``X > (a | Y)``; that is read
    as ``(X > a) | Y``, the only meaning the bar has here."""
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        return node.left, node.right
    if isinstance(node, ast.Compare) and len(node.ops) == 1:
        right = node.comparators[0]
        if isinstance(right, ast.BinOp) and isinstance(right.op, ast.BitOr):
            event = ast.Compare(left=node.left, ops=node.ops, comparators=[right.left])
            ast.copy_location(event, node)
            return event, right.right
    if isinstance(node, ast.Compare) and len(node.ops) == 1 and isinstance(node.left, ast.BinOp) \
            and isinstance(node.left.op, ast.BitOr):
        # P(And(A, B) | Y == y) parses as (And(A, B) | Y) == y: the event And(A, B) given the event Y == y
        given = ast.Compare(left=node.left.right, ops=node.ops, comparators=node.comparators)
        ast.copy_location(given, node)
        return node.left.left, given
    if isinstance(node, ast.Compare) and len(node.ops) == 2:
        # P(X == x | Y == y) parses as the chain X == (x | Y) == y: the event X == x given the event Y == y
        middle = node.comparators[0]
        if isinstance(middle, ast.BinOp) and isinstance(middle.op, ast.BitOr):
            event = ast.Compare(left=node.left, ops=node.ops[:1], comparators=[middle.left])
            given = ast.Compare(left=middle.right, ops=node.ops[1:], comparators=node.comparators[1:])
            for part in (event, given):
                ast.copy_location(part, node)
            return event, given
    return None


def _is_event(node) -> bool:
    """A relation or ``And/Or/Not`` of relations (the condition of ``P(A | B)``), not a random variable."""
    return isinstance(node, ast.Compare) or (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                                             and node.func.id in ("And", "Or", "Not"))


def _given(walker, node, name: str, col):
    y = walker.build(node)
    if not isinstance(y, RandomSymbol):
        raise ClaimError(f"{name}(X | Y): Y must be one declared scalar random variable; several conditions "
                         "(E(X | Y, Z)) are not supported: condition on a parameter of X's law", col=col)
    return y


def build_probability_call(walker, name: str, node):
    col = node.col_offset
    arity = _ARITY[name]
    low, high = arity if isinstance(arity, tuple) else (arity, arity)
    if not low <= len(node.args) <= high:
        count = str(low) if low == high else f"{low} or {high}"
        raise ClaimError(f"{name}() takes {count} argument(s), got {len(node.args)}", col=col)
    bar = _bar(node.args[0])
    if bar is not None and name not in ("E", "Var", "P"):
        raise ClaimError("the conditioning bar '|' is only allowed as E(X | Y), Var(X | Y) or P(event | Y)", col=col)
    if name == "P":
        event, given = bar if bar else (node.args[0], None)
        cond = walker.condition(event)
        if not is_random(cond):
            raise ClaimError("P() needs an event about a random variable, such as P(X > a)", col=col)
        if given is None:
            return st.Probability(cond)
        if _is_event(given):  # P(A | B) = P(A and B) / P(B), undefined where P(B) = 0
            condition = walker.condition(given)
            if not is_random(condition):
                raise ClaimError("P(A | B): the condition B must be an event about a random variable, such as "
                                 "Y == y", col=col)
            return st.Probability(sp.And(cond, condition)) / st.Probability(condition)
        return CondProbability(cond, _given(walker, given, "P", col))
    if bar is not None:
        inner = shapes.as_scalar(walker.build(bar[0]), f"{name}(X | Y)", col)
        _need_random(inner, name, col)
        y = _given(walker, bar[1], name, col)
        return (CondExpectation if name == "E" else CondVariance)(inner, y)
    args = [walker.build(a) for a in node.args]
    return _BUILDERS[name](args, col)


def _expectation(args, col):
    (x,) = args
    _need_random(x, "E", col)
    if shapes.is_mat(x) and not shapes.is_1x1(x):
        return MeanOf(x)
    return st.Expectation(shapes.as_scalar(x, "E()", col))


def _variance(args, col):
    (x,) = args
    _need_random(x, "Var", col)
    if _is_vector(x):
        return CovOf(x, x)
    return st.Variance(shapes.as_scalar(x, "Var() (of a scalar or a vector)", col))


def _covariance(args, col):
    if len(args) == 1:
        return _variance(args, col)
    a, b = args
    _need_random(a, "Cov", col)
    _need_random(b, "Cov", col)
    if _is_vector(a) or _is_vector(b):
        if not (_is_vector(a) and _is_vector(b)):
            raise ClaimError("Cov(a, b) needs two scalars or two vectors", col=col)
        return CovOf(a, b)
    return st.Covariance(shapes.as_scalar(a, "Cov()", col), shapes.as_scalar(b, "Cov()", col))


def _mgf(args, col):
    x, t = args
    _need_random(x, "MGF", col)
    if _is_vector(x):
        if not (_is_vector(t) and shapes.same_shape(t, x)):
            raise ClaimError(f"MGF(x, t) of a random vector needs t of the same shape, {shapes.shape_text(x)}",
                             col=col)
        return st.Expectation(sp.exp(ScalarOf(t.T * x)))
    x = shapes.as_scalar(x, "MGF(X, t)", col)
    t = shapes.as_scalar(t, "MGF(X, t)", col)
    return st.Expectation(sp.exp(sp.Mul(t, x)))


def _point(x, at, name, col):
    if is_random(at):
        raise ClaimError(f"{name}(X, x): the point x must not be random", col=col)
    if isinstance(x, RandomVector):
        if not (_is_vector(at) and shapes.same_shape(at, x)):
            raise ClaimError(f"{name}(x, v) of a random vector needs a point v of shape {shapes.shape_text(x)}",
                             col=col)
        return at
    return shapes.as_scalar(at, f"{name}(X, x)", col)


def _density(args, col):
    x = _variable(args[0], "density", col)
    return Density(x, _point(x, args[1], "density", col))


def _cdf(args, col):
    x = _variable(args[0], "cdf", col)
    if isinstance(x, RandomVector):
        raise ClaimError("cdf(X, x) is defined for scalar random variables; for a random vector write "
                         "P(And(x[0] <= a, x[1] <= b))", col=col)
    return CDF(x, _point(x, args[1], "cdf", col))


def _entropy(args, col):
    return Entropy(_variable(args[0], "entropy", col))


def _kl(args, col):
    x, y = (_variable(a, "KL", col) for a in args)
    if isinstance(x, RandomVector) != isinstance(y, RandomVector) or (
            isinstance(x, RandomVector) and not shapes.same_shape(x, y)):
        raise ClaimError("KL(X, Y) needs two random variables of the same kind and shape", col=col)
    return KL(x, y)


_BUILDERS = {"E": _expectation, "Var": _variance, "Cov": _covariance, "MGF": _mgf, "density": _density,
             "pdf": _density, "pmf": _density, "cdf": _cdf, "entropy": _entropy, "KL": _kl}
