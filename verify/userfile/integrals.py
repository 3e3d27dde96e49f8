"""``integrate(f, t, a, b)``: the definite integral ``∫_a^b f dt`` of a scalar ``f`` over the real variable ``t``.

``t`` is a bound (dummy) variable: a new name, or the name of a declared **scalar** (shadowed inside ``f``,
as in mathematics; the bounds still mean the declared one).  It is built as a SymPy ``Dummy`` named ``t``,
so it is never one of the claim's free symbols and no substitution of a declared symbol reaches it.
``a`` and ``b`` are scalar expressions of the declared symbols, or ``oo`` / ``-oo``.  The integral stays
unevaluated (``sympy.Integral``): the engines decide what it is worth (:mod:`verify.integrals`).

    >>> from formulas.model import Entry, Verdict
    >>> from verify.userfile.build import Scope, build_expression
    >>> entry = Entry("demo", "demo", Verdict.PROVED, symbols={"lam": "scalar positive"})
    >>> build_expression("integrate(lam*exp(-lam*t), t, 0, oo)", Scope(entry.declared, entry.objects))
    Integral(lam*exp(-_t*lam), (_t, 0, oo))
"""

from __future__ import annotations

import ast

import sympy as sp

from . import shapes
from .errors import ClaimError
from .shapes import BoundIndex

__all__ = ["build_integral", "INTEGRAL_USAGE"]

INTEGRAL_USAGE = "integrate(f, t, a, b): f a scalar expression, t a new variable name, a and b its bounds (oo: ∞)"


def _infinite(node):
    """``oo`` -> +∞, ``-oo`` -> -∞, else None."""
    if isinstance(node, ast.Name) and node.id == "oo":
        return sp.oo
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub) and _infinite(node.operand) is sp.oo:
        return -sp.oo
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.UAdd):
        return _infinite(node.operand)
    return None


def _variable(walker, node, col):
    from .build import CONSTANTS
    from .functions import FUNCTIONS, WALKER_FUNCTIONS

    if not isinstance(node, ast.Name):
        raise ClaimError(f"the variable of integrate() must be a name, such as t; {INTEGRAL_USAGE}", col=col)
    name = node.id
    scope = walker.scope
    if name in FUNCTIONS or name in WALKER_FUNCTIONS or name in CONSTANTS or name == "oo":
        raise ClaimError(f"the variable of integrate() may not be {name!r}, a function or constant name", col=col)
    if name in scope.bound:
        raise ClaimError(f"the variable {name!r} of integrate() is already a sum or product index", col=col)
    if name in scope.objects:
        declared = scope.declared.get(name)
        if declared is None:
            raise ClaimError(f"the variable {name!r} of integrate() is a size letter of the declarations; choose "
                             "another name", col=col)
        if declared.kind != "scalar":
            raise ClaimError(f"the variable {name!r} of integrate() clashes with the declared {declared.kind} "
                             f"{name!r}; choose another name", col=col)
    return name


def _bound_value(walker, node, col):
    value = _infinite(node)
    if value is not None:
        return value
    return shapes.as_scalar(walker.build(node), "a bound of integrate()", col)


def build_integral(walker, node) -> sp.Integral:
    col = node.col_offset
    if len(node.args) != 4:
        raise ClaimError(f"integrate() takes 4 arguments, got {len(node.args)}; {INTEGRAL_USAGE}", col=col)
    if getattr(walker, "integrating", False):
        raise ClaimError("integrals may not be nested: write the inner integral's closed form, or one integral",
                         col=col)
    body_node, var_node, lo_node, hi_node = node.args
    name = _variable(walker, var_node, col)
    lo, hi = _bound_value(walker, lo_node, col), _bound_value(walker, hi_node, col)
    variable = sp.Dummy(name, real=True)
    walker.scope.bound[name] = BoundIndex(variable, -sp.oo, sp.oo)
    walker.integrating = True
    try:
        body = walker.build(body_node)
    finally:
        del walker.scope.bound[name]
        walker.integrating = False
    body = shapes.as_scalar(body, "the integrand of integrate()", col)
    from verify.stats import has_random

    if has_random(body):
        raise ClaimError("integrate() of a random variable: write its expectation E(...) instead", col=col)
    return sp.Integral(body, (variable, lo, hi))
