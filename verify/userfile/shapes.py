"""Arithmetic with shapes: the rules that let users write ``x.T*A*x`` like a scalar.

A product such as ``u.T*v`` is a 1x1 matrix expression in SymPy.  Users treat it
as a scalar, so where a scalar is needed -- added to a scalar, under ``log``,
raised to a power, on either side of an inequality, multiplied with a matrix it
does not conform to -- it is wrapped in :class:`~formulas.nodes.ScalarOf`.
Anything else that does not conform is an input error that states both shapes.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

import sympy as sp
from sympy.matrices.expressions import MatAdd, MatMul, MatPow

from formulas.nodes import ScalarOf

from .errors import ClaimError
from .limits import MAX_EXPONENT, MAX_NUMBER_DIGITS

__all__ = ["is_mat", "is_1x1", "same", "same_shape", "shape_text", "as_scalar", "add", "mul", "div", "power",
           "neg", "number", "BoundIndex", "check_index", "check_range"]


def is_mat(e) -> bool:
    return bool(getattr(e, "is_Matrix", False))


def same(a, b) -> bool:
    """Two sizes are equal as polynomials in the size letters (``n*1`` is ``n``)."""
    return sp.expand(sp.sympify(a) - sp.sympify(b)) == 0


def same_shape(a, b) -> bool:
    return all(same(x, y) for x, y in zip(a.shape, b.shape, strict=True))


def is_1x1(e) -> bool:
    return is_mat(e) and same(e.shape[0], 1) and same(e.shape[1], 1)


def shape_text(e) -> str:
    if not is_mat(e):
        return "a scalar"
    r, c = (sp.expand(d) for d in e.shape)
    if c == 1:
        return f"a vector of size {r}"
    return f"a {r} x {c} matrix"


def as_scalar(e, what: str, col=None):
    """``e`` as a scalar: 1x1 matrix expressions are wrapped in ``ScalarOf``."""
    if not is_mat(e):
        return e
    if is_1x1(e):
        return ScalarOf(e)
    raise ClaimError(f"{what} needs a scalar, got {shape_text(e)}", col=col)


def _flat(e, kind) -> tuple:
    """Operands of a product or sum, flattened one level: MatMul(MatMul(a, b), c) is a*b*c."""
    return e.args if isinstance(e, kind) else (e,)


def _is_num(e) -> bool:
    return isinstance(e, sp.Rational)


def number(value: Fraction | int, col=None) -> sp.Rational:
    """A SymPy rational, refused beyond ``MAX_NUMBER_DIGITS`` digits."""
    value = Fraction(value)
    bits = max(value.numerator.bit_length(), value.denominator.bit_length())
    if bits > MAX_NUMBER_DIGITS * 10 // 3:
        raise ClaimError(f"a number in this expression has more than {MAX_NUMBER_DIGITS} digits", col=col)
    return sp.Rational(value.numerator, value.denominator)


def _frac(e) -> Fraction:
    return Fraction(int(e.p), int(e.q))


def add(a, b, col=None, sign: int = 1):
    """``a + b`` (``a - b`` with ``sign=-1``)."""
    if _is_num(a) and _is_num(b):
        return number(_frac(a) + sign * _frac(b), col)
    if sign < 0:
        b = neg(b)
    if is_mat(a) and is_mat(b):
        if same_shape(a, b):
            return MatAdd(*_flat(a, MatAdd), *_flat(b, MatAdd))
        if not (is_1x1(a) or is_1x1(b)):
            raise ClaimError(f"cannot add {shape_text(a)} and {shape_text(b)}", col=col)
    if is_mat(a) != is_mat(b) or is_mat(a):
        a, b = as_scalar(a, "a sum with a scalar", col), as_scalar(b, "a sum with a scalar", col)
    return sp.Add(a, b)


def neg(a):
    if _is_num(a):
        return -a
    return MatMul(sp.S.NegativeOne, a) if is_mat(a) else sp.Mul(sp.S.NegativeOne, a)


def mul(a, b, col=None, matmul: bool = False):
    """``a * b``: matrix product when the shapes conform, else a 1x1 side acts as a scalar."""
    if _is_num(a) and _is_num(b):
        return number(_frac(a) * _frac(b), col)
    if matmul and not (is_mat(a) and is_mat(b)):
        raise ClaimError(f"'@' multiplies matrices, got {shape_text(a)} and {shape_text(b)}; use '*'", col=col)
    if is_mat(a) and is_mat(b):
        if same(a.shape[1], b.shape[0]):
            return MatMul(*_flat(a, MatMul), *_flat(b, MatMul))
        if is_1x1(a):
            return MatMul(ScalarOf(a), b)
        if is_1x1(b):
            return MatMul(ScalarOf(b), a)
        hint = "; for the elementwise product write hadamard(a, b)" if same_shape(a, b) else ""
        raise ClaimError(f"cannot multiply {shape_text(a)} by {shape_text(b)}{hint}", col=col)
    if is_mat(a) or is_mat(b):
        return MatMul(*_flat(a, MatMul), *_flat(b, MatMul))
    return sp.Mul(a, b)


def div(a, b, col=None):
    """``a / b``: the divisor must be a scalar (or 1x1)."""
    if is_mat(b) and not is_1x1(b):
        raise ClaimError(f"cannot divide by {shape_text(b)}; multiply by its inverse, .I", col=col)
    if _is_num(a) and _is_num(b):
        if b == 0:
            raise ClaimError("division by zero", col=col)
        return number(_frac(a) / _frac(b), col)
    b = as_scalar(b, "a divisor", col)
    if _is_num(b) and b == 0:
        raise ClaimError("division by zero", col=col)
    inverse = sp.Pow(b, sp.S.NegativeOne)
    return MatMul(inverse, a) if is_mat(a) else sp.Mul(a, inverse)


def _bounded_exponent(e, col):
    if _is_num(e) and abs(e) > MAX_EXPONENT:
        raise ClaimError(f"exponent {e} is larger than the limit {MAX_EXPONENT}", col=col)


def power(a, e, col=None):
    """``a ** e``: scalars with any scalar exponent; square matrices with an integer (number, size, integer symbol)."""
    e = as_scalar(e, "an exponent", col)
    _bounded_exponent(e, col)
    if _is_num(a) and _is_num(e):
        if e.q == 1:
            if a == 0 and e < 0:
                raise ClaimError("division by zero (0 to a negative power)", col=col)
            bits = max(int(a.p).bit_length(), int(a.q).bit_length()) * abs(int(e.p))
            if bits > MAX_NUMBER_DIGITS * 10 // 3:
                raise ClaimError(f"{a}**{e} has more than {MAX_NUMBER_DIGITS} digits", col=col)
            return number(_frac(a) ** int(e.p), col)
        return sp.Pow(a, e)  # exact irrational, e.g. 2**(1/2)
    if is_mat(a) and not is_1x1(a):
        if not same(*a.shape):
            raise ClaimError(f"only square matrices have powers, got {shape_text(a)}", col=col)
        if not (_is_num(e) and e.q == 1) and e.is_integer is not True:
            raise ClaimError("a matrix power needs an integer exponent: a number, a size letter or a declared "
                             "'scalar integer', such as A**2, A**-1 or A**k", col=col)
        return MatPow(a, e)
    return sp.Pow(as_scalar(a, "a power", col), e)


# -- indices of sums, products and entries ------------------------------------------------------
@dataclass(frozen=True)
class BoundIndex:
    """The index of an enclosing sum or product: its symbol and its (inclusive) bounds."""

    symbol: sp.Symbol
    lo: sp.Expr
    hi: sp.Expr


def _extreme(e, bound: dict, lowest: bool):
    """The least (or greatest) value of ``e`` over the bound indices' ranges, or ``None`` if not linear.

    Indices bound later are replaced first: their bounds may contain the indices of enclosing sums."""
    e = sp.expand(e)
    for b in reversed(list(bound.values())):
        if not e.has(b.symbol):
            continue
        coeff = e.coeff(b.symbol)
        if coeff.has(b.symbol) or not coeff.is_number or sp.expand(e - coeff * b.symbol).has(b.symbol):
            return None
        pick = b.lo if (coeff > 0) == lowest else b.hi
        e = sp.expand(e.subs(b.symbol, pick))
    return e


def _provably_nonnegative(e, bound: dict) -> bool:
    low = _extreme(e, bound, lowest=True)
    return low is not None and (low.is_nonnegative is True or sp.simplify(low).is_nonnegative is True)


def _integer_expression(e, what: str, col) -> None:
    if e.is_integer is not True:
        raise ClaimError(f"{what} must be an integer: a number, a size letter, a declared 'scalar integer', a sum "
                         f"index or an integer expression of them; got {e}", col=col)


def check_range(lo, hi, bound: dict, col, max_terms: int) -> None:
    """A sum's bounds: integers, not reversed for any size (``hi >= lo - 1``), at most ``max_terms`` if numbers."""
    _integer_expression(lo, "a sum's or product's lower bound", col)
    _integer_expression(hi, "a sum's or product's upper bound", col)
    if lo.is_Integer and hi.is_Integer:
        if hi < lo - 1:
            raise ClaimError(f"empty sum: upper bound {hi} below lower bound {lo}", col=col)
        if hi - lo + 1 > max_terms:
            raise ClaimError(f"a sum of {hi - lo + 1} terms exceeds the limit of {max_terms} terms with number "
                             "bounds; write the bound as a size letter or a declared 'scalar integer'", col=col)
        return
    if not _provably_nonnegative(hi - lo + 1, bound):
        raise ClaimError(f"cannot tell that the range {lo}..{hi} is never reversed (it needs {hi} >= {lo} - 1 for "
                         "every size and value the declarations allow); declare the bound's symbols 'positive' or "
                         "shift the range", col=col)


def check_index(k, size, bound: dict, col) -> None:
    """An entry index: an integer provably in ``0..size-1`` (size letters may be 1)."""
    _integer_expression(k, "an index", col)
    if k.is_Integer:
        if k < 0:
            raise ClaimError("indices start at 0; negative indices are not allowed", col=col)
        if isinstance(size, sp.Integer):
            if k >= size:
                raise ClaimError(f"index {k} out of range for size {size} (indices start at 0)", col=col)
        elif k > 0 and not _provably_nonnegative(size - 1 - k, bound):
            raise ClaimError(f"index {k} needs size {size} to be at least {k + 1}, but the checker also tries "
                             f"{size} = 1; declare a numeric size (such as 'vector 3')", col=col)
        return
    if not _provably_nonnegative(k, bound):
        raise ClaimError(f"cannot tell that index {k} is never negative (indices start at 0)", col=col)
    if not _provably_nonnegative(size - 1 - k, bound):
        raise ClaimError(f"cannot tell that index {k} stays below the size {size} (indices run 0..{size} - 1); "
                         "check the bounds of the enclosing sum", col=col)
