"""Shared helpers of the chapter: references, tags, and an Eq that keeps ill-shaped sides."""

from __future__ import annotations

from .._authoring import (
    D,
    Eq,
)

_Deriv = D  # for statements that also use a matrix called ``D`` (Cookbook eq. 78)


_COOKBOOK = "Matrix Cookbook (Petersen & Pedersen 2012)"


_LAYOUT_TAGS = ("matrix calculus", "denominator layout")


def _eq(lhs, rhs):
    """``Eq`` that keeps sides of different shapes as a claim (SymPy would fold it to False)."""
    return Eq(lhs, rhs, evaluate=False)
