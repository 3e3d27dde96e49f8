"""Mutation operators: the mistakes cheat-sheet authors actually make.

Each operator takes a true catalog entry and yields :class:`Mutant` objects --
the entry's statement (or declarations) with one mistake in it.  Operators work
on the SymPy tree of one side of the relation, so every mutant names the side
and the subterm it changed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import sympy as sp
from sympy.core.parameters import evaluate as sympy_evaluate
from sympy.matrices.expressions import Inverse, MatAdd, MatMul, MatrixSymbol, Transpose

from formulas.nodes import D

__all__ = ["Mutant", "OPERATORS", "mutants_of"]


@dataclass
class Mutant:
    operator: str
    description: str
    statement: object  # a SymPy relational
    symbols: dict = field(default_factory=dict)
    side: str = "rhs"  # the side that changed, or "assumptions"


def _mutable_args(expr) -> tuple:
    """The arguments a mistake can touch: not the variable of a derivative, not its layout tag."""
    if isinstance(expr, D):
        return (expr.args[0],)
    return tuple(a for a in getattr(expr, "args", ()) if isinstance(a, sp.Basic))


def _subterms(expr) -> Iterator:
    yield expr
    for a in _mutable_args(expr):
        yield from _subterms(a)


def _replace_once(expr, target, new):
    """``expr`` with one occurrence of ``target`` (by identity of position) replaced by ``new``."""
    if expr is target:
        return new
    if not getattr(expr, "args", ()):
        return expr
    args = list(expr.args)
    mutable = _mutable_args(expr)
    for i, a in enumerate(args):
        if isinstance(a, sp.Basic) and any(a is m for m in mutable) and any(t is target for t in _subterms(a)):
            args[i] = _replace_once(a, target, new)
            with sympy_evaluate(False):
                return expr.func(*args)
    return expr


def _rebuild(rel, side: str, new_side):
    with sympy_evaluate(False):
        return rel.func(new_side, rel.rhs) if side == "lhs" else rel.func(rel.lhs, new_side)


def _sides(rel):
    for side in ("rhs", "lhs"):
        yield side, getattr(rel, side)


def _change(entry, operator: str, description: str, side: str, expr, target, new) -> Iterator[Mutant]:
    """The mutant with ``target`` replaced by ``new`` in one side; nothing if it is ill-typed."""
    try:
        statement = _rebuild(entry.expr, side, _replace_once(expr, target, new))
        for s in (statement.lhs, statement.rhs):
            getattr(s, "shape", None)
    except (ValueError, TypeError, sp.matrices.exceptions.ShapeError):
        return
    yield Mutant(operator, description, statement, side=side)


def _is_matrix(e) -> bool:
    return bool(getattr(e, "is_Matrix", False))


# -- operators ---------------------------------------------------------------------------------
def drop_transpose(entry) -> Iterator[Mutant]:
    for side, expr in _sides(entry.expr):
        for t in _subterms(expr):
            if isinstance(t, Transpose):
                yield from _change(entry, "drop-transpose", f"{side}: {t} -> {t.arg}", side, expr, t, t.arg)


def add_transpose(entry) -> Iterator[Mutant]:
    for side, expr in _sides(entry.expr):
        for t in _subterms(expr):
            if isinstance(t, MatrixSymbol) and t.shape[0] == t.shape[1] and t.shape != (1, 1):
                with sympy_evaluate(False):
                    new = Transpose(t)
                yield from _change(entry, "add-transpose", f"{side}: {t} -> {t}.T", side, expr, t, new)


def swap_factors(entry) -> Iterator[Mutant]:
    for side, expr in _sides(entry.expr):
        for t in _subterms(expr):
            if isinstance(t, MatMul):
                mats = [a for a in t.args if _is_matrix(a)]
                coeff = [a for a in t.args if not _is_matrix(a)]
                for i in range(len(mats) - 1):
                    swapped = mats[:i] + [mats[i + 1], mats[i]] + mats[i + 2:]
                    try:
                        with sympy_evaluate(False):
                            new = MatMul(*coeff, *swapped)
                        new.shape  # noqa: B018 - raises when the swap is ill-typed
                        sp.matrices.expressions.matmul.validate(*swapped)
                    except Exception:  # noqa: BLE001 - ill-typed swaps are not mutants
                        continue
                    yield from _change(entry, "swap-factors", f"{side}: {mats[i]}*{mats[i + 1]} -> {mats[i + 1]}*{mats[i]}",
                                       side, expr, t, new)


def flip_sign(entry) -> Iterator[Mutant]:
    side, expr = "rhs", entry.expr.rhs
    if expr == 0 or getattr(expr, "is_ZeroMatrix", False):
        side, expr = "lhs", entry.expr.lhs
    with sympy_evaluate(False):
        new = -expr
    yield Mutant("flip-sign", f"{side} -> -({side})", _rebuild(entry.expr, side, new), side=side)
    for t in _subterms(expr):
        if isinstance(t, (sp.Add, MatAdd)) and len(t.args) > 1:
            term = t.args[-1]
            with sympy_evaluate(False):
                flipped = t.func(*t.args[:-1], -term)
            yield from _change(entry, "flip-sign", f"{side}: sign of term {term}", side, expr, t, flipped)
            break


def factor_two(entry) -> Iterator[Mutant]:
    side, expr = "rhs", entry.expr.rhs
    if expr == 0 or getattr(expr, "is_ZeroMatrix", False):
        side, expr = "lhs", entry.expr.lhs
    for k, label in ((sp.Integer(2), "add factor 2"), (sp.Rational(1, 2), "add factor 1/2")):
        with sympy_evaluate(False):
            new = k * expr
        yield Mutant("factor-two", f"{side}: {label}", _rebuild(entry.expr, side, new), side=side)
    for t in _subterms(expr):
        if isinstance(t, (sp.Mul, MatMul)) and any(a == 2 for a in t.args):
            rest = [a for a in t.args if a != 2]
            with sympy_evaluate(False):
                new = t.func(*rest) if len(rest) > 1 else rest[0]
            yield from _change(entry, "factor-two", f"{side}: drop factor 2 in {t}", side, expr, t, new)
            break


def inverse_to_transpose(entry) -> Iterator[Mutant]:
    for side, expr in _sides(entry.expr):
        for t in _subterms(expr):
            if isinstance(t, Inverse):
                with sympy_evaluate(False):
                    as_t = Transpose(t.arg)
                    as_it = Transpose(Inverse(t.arg))
                yield from _change(entry, "inverse-to-transpose", f"{side}: {t} -> {t.arg}.T", side, expr, t, as_t)
                yield from _change(entry, "inverse-to-transpose", f"{side}: {t} -> {t.arg}^-T", side, expr, t, as_it)


def numerator_layout(entry) -> Iterator[Mutant]:
    for side, expr in _sides(entry.expr):
        for t in _subterms(expr):
            if isinstance(t, D) and t.shape[0] != 1 and t.shape[1] != 1 or isinstance(t, D) and t.f.is_Matrix and t.f.shape != (1, 1):
                flipped = D(t.f, t.v, "numerator" if t.layout == "denominator" else "denominator")
                yield from _change(entry, "numerator-layout", f"{side}: {t} in the other layout", side, expr, t, flipped)


def drop_assumption(entry) -> Iterator[Mutant]:
    strong = ("spd", "symmetric", "orthogonal", "positive", "probability", "psd", "diagonal")
    for name, text in entry.symbols.items():
        words = text.split()
        for flag in strong:
            if flag in words:
                weaker = " ".join(w for w in words if w != flag)
                if flag in ("spd", "orthogonal") and "invertible" not in weaker and words[0] == "matrix":
                    weaker += " invertible"
                symbols = dict(entry.symbols)
                symbols[name] = weaker
                yield Mutant("drop-assumption", f"{name}: drop '{flag}'", entry.expr, symbols, side="assumptions")
    for g in entry.given:
        if g.startswith("independent"):
            yield Mutant("drop-assumption", f"drop '{g}'", entry.expr, dict(entry.symbols), side="assumptions:" + g)


def negate_exponent(entry) -> Iterator[Mutant]:
    for side, expr in _sides(entry.expr):
        for t in _subterms(expr):
            if isinstance(t, sp.exp) and t.args[0].free_symbols:
                with sympy_evaluate(False):
                    new = sp.exp(-t.args[0])
                yield from _change(entry, "negate-exponent", f"{side}: {t} -> exp(-({t.args[0]}))", side, expr, t, new)


def change_bound(entry) -> Iterator[Mutant]:
    for side, expr in _sides(entry.expr):
        for t in _subterms(expr):
            if isinstance(t, sp.Sum):
                (var, lo, hi), = t.limits
                with sympy_evaluate(False):
                    new = sp.Sum(t.function, (var, lo, hi - 1))
                yield from _change(entry, "change-bound", f"{side}: upper bound {hi} -> {hi - 1}", side, expr, t, new)


def remove_term(entry) -> Iterator[Mutant]:
    for side, expr in _sides(entry.expr):
        for t in _subterms(expr):
            if isinstance(t, (sp.Add, MatAdd)) and len(t.args) > 1:
                for i, term in enumerate(t.args):
                    rest = t.args[:i] + t.args[i + 1:]
                    with sympy_evaluate(False):
                        new = t.func(*rest) if len(rest) > 1 else rest[0]
                    yield from _change(entry, "remove-term", f"{side}: remove term {term}", side, expr, t, new)
                break


OPERATORS: dict[str, Callable] = {
    "drop-transpose": drop_transpose,
    "add-transpose": add_transpose,
    "swap-factors": swap_factors,
    "flip-sign": flip_sign,
    "factor-two": factor_two,
    "inverse-to-transpose": inverse_to_transpose,
    "numerator-layout": numerator_layout,
    "drop-assumption": drop_assumption,
    "negate-exponent": negate_exponent,
    "change-bound": change_bound,
    "remove-term": remove_term,
}


def mutants_of(entry, operators=None) -> tuple[list[Mutant], list[str]]:
    """Every mutant of a true relational entry (duplicates removed), and operator failures."""
    if entry.expr is None or not isinstance(entry.expr, sp.core.relational.Relational):
        return [], []
    out, seen, errors = [], set(), []
    for name, op in OPERATORS.items():
        if operators and name not in operators:
            continue
        try:
            for m in op(entry):
                key = (sp.srepr(m.statement), tuple(sorted(m.symbols.items())), m.side)
                if key not in seen and (m.symbols or m.statement != entry.expr):
                    seen.add(key)
                    out.append(m)
        except Exception as err:  # noqa: BLE001 - reported, never hidden
            errors.append(f"{entry.id}: operator {name} failed: {type(err).__name__}: {err}")
    return out, errors
