"""Counterexamples as a reader wants them: typeset values, both sides evaluated, the residual last.

A result's ``counterexample`` is JSON: symbol values (numbers as strings, exact rationals
such as ``"7901/2025"`` when the point is exact, matrices as nested lists), often the two
sides (``lhs``, ``rhs``), sizes, and for experiments whatever the experiment measured.
:func:`counterexample_block` turns it into an admonition:

* values as typeset numbers and matrices, exact rationals as fractions;
* both sides, evaluated at the point (computed here when the result does not carry them);
* the residual as a secondary line;
* a float below :data:`ROUNDOFF` (``1.8e-15``) is round-off, never part of a counterexample:
  a result whose fields are only such numbers is shown as *Evidence*.
"""

from __future__ import annotations

import json
import re

from .markup import cell, math_display, math_inline
from .titles import display_title

__all__ = ["ROUNDOFF", "counterexample_block", "formula", "value_latex", "is_roundoff"]

ROUNDOFF = 1e-9
_INT = re.compile(r"^[-+]?\d+$")
_RATIONAL = re.compile(r"^([-+]?\d+)/(\d+)$")
_FLOAT = re.compile(r"^[-+]?(\d+\.\d*|\.\d+|\d+)([eE][-+]?\d+)?$")
_POINT_KEYS = ("sizes", "values", "lhs", "rhs", "shapes", "residual", "exact", "evidence")
_NEGATION = {"Equality": r"\neq", "LessThan": ">", "StrictLessThan": r"\geq", "GreaterThan": "<",
             "StrictGreaterThan": r"\leq"}


def _float_latex(x: float) -> str:
    text = f"{x:.6g}"
    if "e" in text:
        mantissa, exp = text.split("e")
        return rf"{mantissa} \times 10^{{{int(exp)}}}"
    return text


def is_roundoff(value) -> bool:
    """A float (or float string) that is not zero but below :data:`ROUNDOFF`: round-off, not a value."""
    if isinstance(value, bool) or isinstance(value, int):
        return False
    if isinstance(value, str):
        if not _FLOAT.match(value.strip()) or _INT.match(value.strip()):
            return False
        value = float(value)
    return isinstance(value, float) and 0 < abs(value) < ROUNDOFF


def formula(text: str):
    """A formula string of a result (``sqrt(2)*exp(-1/8)``, ``-x**2``) as SymPy, read by the identity-file
    grammar (nothing is evaluated; every name is a real scalar); None when it is not a formula."""
    import ast

    import sympy as sp

    from formulas.spec import parse_spec
    from verify.userfile.build import Scope, build_expression
    from verify.userfile.errors import UserFileError
    from verify.userfile.functions import FUNCTIONS

    try:
        tree = ast.parse(text, mode="eval")
    except SyntaxError:
        return None
    names = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)} - set(FUNCTIONS) - {"pi"}
    if isinstance(tree.body, ast.Name) and len(tree.body.id) > 2:
        return None  # a word such as EmptySet reads better as text
    try:
        declared = {n: parse_spec(n, "scalar") for n in names}
        objects = {n: sp.Symbol(n, real=True) for n in names}
        return build_expression(text, Scope(declared, objects))
    except (UserFileError, ValueError, TypeError):
        return None


def _expression_latex(text: str) -> str | None:
    from .latex import statement_latex

    expr = formula(text)
    return None if expr is None else statement_latex(expr)


def value_latex(value) -> str | None:
    """LaTeX for one value of a counterexample, or None when it reads better as text."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return _float_latex(value)
    if isinstance(value, list):
        if value and all(isinstance(row, list) for row in value):
            rows = [" & ".join(value_latex(v) or rf"\text{{{v}}}" for v in row) for row in value]
            return r"\begin{pmatrix}" + r" \\ ".join(rows) + r"\end{pmatrix}"
        items = [value_latex(v) for v in value]
        if all(i is not None for i in items):
            return r"\left(" + ", ".join(items) + r"\right)"
        return None
    if isinstance(value, dict):
        items = [(display_title(str(k)).text, value_latex(v)) for k, v in value.items()]
        if all(v is not None for _, v in items):
            return r"\begin{array}{ll}" + r" \\ ".join(rf"\text{{{k}}} & {v}" for k, v in items) + r"\end{array}"
        return None
    if not isinstance(value, str):
        return None
    text = value.strip()
    if _INT.match(text):
        return str(int(text))
    m = _RATIONAL.match(text)
    if m:
        p, q = int(m[1]), int(m[2])
        return rf"-\frac{{{-p}}}{{{q}}}" if p < 0 else rf"\frac{{{p}}}{{{q}}}"
    if _FLOAT.match(text):
        return _float_latex(float(text))
    return _expression_latex(text)


def _table_of_dicts(rows: list[dict]) -> str | None:
    keys = list(rows[0])
    if not all(isinstance(r, dict) and list(r) == keys for r in rows):
        return None
    cells = [[value_latex(r[k]) for k in keys] for r in rows]
    if any(c is None for row in cells for c in row):
        return None
    head = " & ".join(rf"\text{{{display_title(k).text}}}" for k in keys)
    body = r" \\ ".join(" & ".join(row) for row in cells)
    return rf"\begin{{array}}{{{'c' * len(keys)}}} {head} \\ \hline {body} \end{{array}}"


def _name_latex(name: str, entry) -> str | None:
    """A symbol's name as math when it is a declared symbol (or a size letter), else None."""
    from .latex import symbol_latex

    if name in entry.declared or re.fullmatch(r"[A-Za-z]", name):
        return symbol_latex(name)
    return None


def _row(key: str, value, entry) -> str:
    name = _name_latex(key, entry)
    label = math_inline(name) if name else cell(display_title(key).text)
    tex = _table_of_dicts(value) if isinstance(value, list) and value and isinstance(value[0], dict) else None
    tex = tex or value_latex(value)
    shown = math_inline(tex) if tex else cell(value if isinstance(value, str) else json.dumps(value))
    return f"| {label} | {shown} |"


def _sides(entry, cx, evaluate_sides) -> tuple[str, str] | None:
    """LaTeX of the two sides at the point: from the result, or evaluated here."""
    if "lhs" in cx and "rhs" in cx:
        lhs, rhs = value_latex(cx["lhs"]), value_latex(cx["rhs"])
        return (lhs, rhs) if lhs and rhs else None
    if evaluate_sides is not None and isinstance(cx.get("values"), dict):
        sides = evaluate_sides(entry, cx)
        if sides is not None:
            return value_latex(sides[0]), value_latex(sides[1])
    return None


def counterexample_block(entry, rec, *, evaluate_sides=None, indent: str = "") -> list[str]:
    """Markdown lines: the counterexample (or the evidence) of a result, or [] when there is none."""
    cx = rec.get("counterexample")
    if not cx:
        return []
    exact = bool(cx.get("exact"))
    roundoff = {k: v for k, v in cx.items() if k not in _POINT_KEYS and is_roundoff(v)}
    fields = {k: v for k, v in cx.items() if k not in _POINT_KEYS and k not in roundoff}
    values = cx.get("values") if isinstance(cx.get("values"), dict) else {}
    sides = _sides(entry, cx, evaluate_sides)
    has_point = bool(values or fields or cx.get("sizes") or sides or cx.get("shapes"))
    kind = "exact" if exact else "float64"
    title = f"Counterexample ({kind})" if has_point else f"Evidence ({kind})"
    out = [f'!!! failure "{title}"', ""]
    body: list[str] = []
    sizes = cx.get("sizes") or {}
    if sizes:
        body += ["At sizes " + ", ".join(math_inline(f"{k} = {v}") for k, v in sizes.items()) + ":", ""]
    rows = [_row(k, v, entry) for k, v in {**values, **fields}.items()]
    if rows:
        body += ["| | value |", "|---|---|", *rows, ""]
    if sides:
        relation = _NEGATION.get(type(entry.expr).__name__, r"\neq") if entry.expr is not None else r"\neq"
        body += ["Both sides at this point:", "",
                 math_display(rf"\text{{left}} = {sides[0]} \;{relation}\; {sides[1]} = \text{{right}}"), ""]
    if cx.get("shapes"):
        body += [f"The two sides have different shapes: {cell(display_title(str(cx['shapes'])).text)}.", ""]
    for line in cx.get("evidence") or []:
        body += [f"- {cell(str(line))}"]
    if cx.get("evidence"):
        body += [""]
    residual = cx.get("residual")
    if residual is not None and not is_roundoff(residual):
        body += [f'<p class="sp-residual">residual, left − right: {math_inline(value_latex(residual) or str(residual))}'
                 f"{'' if exact else ' (float64)'}</p>", ""]
    for key, value in {**roundoff, **({"residual": residual} if is_roundoff(residual) else {})}.items():
        body += [f'<p class="sp-residual">{cell(display_title(key).text)}: '
                 f"{math_inline(value_latex(value) or str(value))}, float64 round-off: the two agree</p>", ""]
    out += [("    " + line if line else "") for line in body]
    # out of the search index: its numbers and TeX are noise to a reader's query
    out = ['<section class="sp-cx" data-search-exclude markdown>', "", *out, "", "</section>", ""]
    return [indent + line if line else "" for line in out]
