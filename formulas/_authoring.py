"""Shorthands for chapter modules: one import line gives everything an entry needs."""

from __future__ import annotations

import sympy
from sympy import (  # noqa: F401  (re-exported for chapter modules)
    Abs,
    Determinant,
    Identity,
    Integer,
    Inverse,
    Max,
    Rational,
    S,
    Sum,
    Trace,
    Transpose,
    ZeroMatrix,
    exp,
    log,
    oo,
    pi,
    sqrt,
)

from .model import Chapter, Entry, Outcome, SeedRef, Verdict
from .nodes import D, DiagVec, ScalarField, ScalarOf, VectorField

PROVED = Verdict.PROVED
CONFIRMED = Verdict.CONFIRMED
REFUTED = Verdict.REFUTED
NOT_CHECKABLE = Verdict.NOT_CHECKABLE

__all__ = [
    "Chapter", "Entry", "Outcome", "SeedRef", "Verdict", "PROVED", "CONFIRMED", "REFUTED", "NOT_CHECKABLE",
    "D", "DiagVec", "ScalarField", "ScalarOf", "VectorField", "seed", "det", "tr",
    "Abs", "Determinant", "Eq", "Ge", "Gt", "Identity", "Integer", "Inverse", "Le", "Lt", "Max",
    "Rational", "S", "Sum", "Trace", "Transpose", "ZeroMatrix", "exp", "log", "oo", "pi", "sqrt",
]


def Eq(lhs, rhs, evaluate=False):  # noqa: N802 - the SymPy name
    """``lhs == rhs`` kept unevaluated (SymPy would fold a structurally equal pair to ``True``)."""
    return sympy.Eq(lhs, rhs, evaluate=evaluate)


def Le(lhs, rhs, evaluate=False):  # noqa: N802
    """``lhs <= rhs``, unevaluated."""
    return sympy.Le(lhs, rhs, evaluate=evaluate)


def Lt(lhs, rhs, evaluate=False):  # noqa: N802
    """``lhs < rhs``, unevaluated."""
    return sympy.Lt(lhs, rhs, evaluate=evaluate)


def Ge(lhs, rhs, evaluate=False):  # noqa: N802
    """``lhs >= rhs``, unevaluated."""
    return sympy.Ge(lhs, rhs, evaluate=evaluate)


def Gt(lhs, rhs, evaluate=False):  # noqa: N802
    """``lhs > rhs``, unevaluated."""
    return sympy.Gt(lhs, rhs, evaluate=evaluate)


def seed(first: int, last: int, quote: str) -> SeedRef:
    """A verbatim quote of the cheat sheet, lines ``first..last`` (1-based, inclusive)."""
    return SeedRef((first, last), quote)


def det(m):
    """``det(M)`` as an unevaluated SymPy ``Determinant``."""
    return Determinant(m)


def tr(m):
    """``tr(M)`` as an unevaluated SymPy ``Trace``."""
    return Trace(m)
