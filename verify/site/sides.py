"""Both sides of a statement at a counterexample's point, for results that carry only the residual.

The numeric engines report ``values`` and ``lhs - rhs``; a reader wants to see the two sides.
For a scalar statement (random variables included: their parameters are substituted into the
distribution) each side is evaluated with SymPy at the point, exactly when the point is exact,
to 12 digits otherwise.  Results are cached by content hash (:mod:`.artifacts`).
"""

from __future__ import annotations

import json
import re

__all__ = ["evaluate_sides"]

_NUMBER = re.compile(r"^[-+]?(\d+(/\d+)?|\d*\.\d+([eE][-+]?\d+)?|\d+[eE][-+]?\d+)$")


def _number(text):
    import sympy as sp

    text = str(text).strip()
    if not _NUMBER.match(text):
        raise ValueError(text)
    return sp.Rational(text) if ("." not in text and "e" not in text.lower()) else sp.Float(text, 15)


def _compute(entry, cx) -> tuple[str, str] | None:
    import sympy as sp

    if entry.expr is None or any(getattr(a, "is_Matrix", False) for a in sp.preorder_traversal(entry.expr)):
        return None
    try:
        subs = {entry.objects[name]: _number(v) for name, v in cx["values"].items() if name in entry.objects}
    except ValueError:
        return None
    out = []
    for side in (entry.expr.lhs, entry.expr.rhs):
        value = side.subs(subs).doit()
        value = sp.nsimplify(value) if cx.get("exact") and value.is_Rational else value
        if not (value.is_Rational and cx.get("exact")):
            value = sp.N(value, 12)
        if not value.is_number or not value.is_real:
            return None
        out.append(str(value) if value.is_Rational else f"{float(value):.6g}")
    return out[0], out[1]


def evaluate_sides(entry, cx: dict) -> tuple[str, str] | None:
    """``(lhs, rhs)`` as number strings, or None where the statement has no scalar reading."""
    import sympy

    from .artifacts import cached

    parts = ["sides-v1", sympy.__version__, entry.fingerprint(), json.dumps(cx, sort_keys=True, default=str)]

    def compute() -> bytes:
        try:
            sides = _compute(entry, cx)
        except (TypeError, ValueError, ArithmeticError, NotImplementedError):
            sides = None
        return json.dumps(sides).encode()

    data, _ = cached("sides", parts, compute)
    sides = json.loads(data)
    return None if sides is None else (sides[0], sides[1])
