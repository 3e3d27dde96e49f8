"""SymPy statements printed as claims of the identity-file grammar (the inverse of :mod:`.build`).

:func:`claim_text` writes a catalog statement the way a user would write it in an identity
file, so that :func:`~verify.userfile.build.build_claim` reads it back to the same statement;
:func:`identity_entry` adds the declarations, and :func:`identity_yaml` is the snippet the site
offers under "copy as an identity file entry" (``sheetproof check`` reads it as a file as is):

    >>> from formulas._authoring import Eq
    >>> from formulas.model import Entry, Verdict
    >>> from sympy import exp, stats
    >>> entry = Entry("demo.mgf-poisson", "MGF of Poisson(λ)", Verdict.PROVED,
    ...               symbols={"lam": "scalar positive", "X": "random Poisson(lam)", "t": "scalar"},
    ...               statement=lambda lam, X, t: Eq(stats.E(exp(t * X), evaluate=False), exp(lam * (exp(t) - 1))))
    >>> print(identity_yaml(entry), end="")
    - id: demo.mgf-poisson
      title: MGF of Poisson(λ)
      symbols:
        lam: scalar positive
        X: random Poisson(lam)
        t: scalar
      claim: E(exp(t*X)) == exp(lam*(exp(t) - 1))

A statement outside the grammar (a symbolic sum bound, an undefined function such as ``KL``,
an integral) raises :class:`NotPrintable` with the reason.
"""

from __future__ import annotations

import sympy as sp
from sympy import stats as st
from sympy.core.relational import Relational
from sympy.matrices.expressions import (
    Determinant,
    HadamardProduct,
    Identity,
    Inverse,
    KroneckerProduct,
    MatAdd,
    MatMul,
    MatPow,
    MatrixSymbol,
    OneMatrix,
    Trace,
    Transpose,
    ZeroMatrix,
)
from sympy.matrices.expressions.applyfunc import ElementwiseApplyFunction
from sympy.matrices.expressions.matexpr import MatrixElement
from sympy.stats.rv import RandomSymbol

from formulas.nodes import D, DiagVec, ScalarField, ScalarOf, VectorField

from .functions import ELEMENTWISE

__all__ = ["NotPrintable", "claim_text", "expression_text", "identity_entry", "identity_yaml", "readable_identity"]

RELATIONS = {sp.Eq: "==", sp.Le: "<=", sp.Ge: ">=", sp.Lt: "<", sp.Gt: ">"}
ADD, MUL, NEG, POW, ATOM = range(5)  # precedence, loosest first
_CALLS = {sp.exp: "exp", sp.log: "log", sp.Abs: "abs", sp.tanh: "tanh", Determinant: "det", Trace: "tr",
          DiagVec: "diag", st.Expectation: "E", st.Variance: "Var", st.Covariance: "Cov"}
_MATRIX_CALLS = {HadamardProduct: "hadamard", KroneckerProduct: "kron"}
_T = sp.Dummy("t", real=True)


class NotPrintable(ValueError):
    """The statement has a part the identity-file grammar cannot write."""


def _wrap(pair: tuple[str, int], level: int) -> str:
    text, prec = pair
    return f"({text})" if prec < level else text


def _number(n) -> tuple[str, int]:
    if isinstance(n, sp.Integer):
        return (str(n), ATOM) if n >= 0 else (str(n), NEG)
    if isinstance(n, sp.Rational):
        return (f"{n.p}/{n.q}", MUL) if n > 0 else (f"-{-n.p}/{n.q}", NEG)
    raise NotPrintable(f"the number {n} is not a rational")


def _product(factors) -> tuple[str, int]:
    """A product, with factors of negative integer power written as a division."""
    sign = ""
    coeff = [f for f in factors if isinstance(f, sp.Number)]
    rest = [f for f in factors if not isinstance(f, sp.Number)]
    c = sp.Mul(*coeff) if coeff else sp.S.One
    if c < 0:
        sign, c = "-", -c
    num, den = [], []
    if c.p != 1 or not rest:
        num.append(_wrap(_number(sp.Integer(c.p)), MUL + 1))
    if c.q != 1:
        den.append(str(c.q))
    for f in rest:
        if isinstance(f, sp.Pow) and f.exp.is_Rational and f.exp < 0:
            inverse = sp.Pow(f.base, -f.exp)
            den.append(_wrap(_expr(inverse), POW))
        else:
            num.append(_wrap(_expr(f), MUL + 1))
    text = "*".join(num) or "1"
    if den:  # one divisor: a/(2*s**2), not a/2/s**2, which SymPy would distribute over a sum
        text += "/" + (den[0] if len(den) == 1 else "(" + "*".join(den) + ")")
    return (sign + text, NEG) if sign else (text, MUL)


def _sum(terms) -> tuple[str, int]:
    out = ""
    for i, term in enumerate(terms):
        text, prec = _expr(term)
        if i and text.startswith("-") and prec in (NEG, MUL):
            out += " - " + text[1:]
        elif i:
            out += " + " + _wrap((text, prec), ADD + 1)
        else:
            out += text
    return out, ADD


def _power(base, exp) -> tuple[str, int]:
    if exp == sp.Rational(1, 2):
        return f"sqrt({_expr(base)[0]})", ATOM
    if exp.is_Rational and exp < 0:
        inverse = _power(base, -exp) if exp != -1 else _expr(base)
        return f"1/{_wrap(inverse, POW)}", MUL
    return f"{_wrap(_expr(base), POW + 1)}**{_wrap(_expr(exp), POW + 1)}", POW


def _elementwise(node) -> str:
    lam = node.function
    body = lam.expr.subs(lam.variables[0], _T)
    for name, fn in ELEMENTWISE.items():
        if body == fn(_T):  # the builder's own bodies: structural equality, nothing to simplify
            return name
    raise NotPrintable(f"elementwise function {lam} has no name in the grammar")


def _index(i) -> int:
    if not isinstance(i, sp.Integer):
        raise NotPrintable(f"entry index {i} is not an integer constant")
    return int(i)


def _expr(e) -> tuple[str, int]:  # noqa: C901 - one case per node type, in one place
    if e is sp.oo or e is -sp.oo:
        return ("oo", ATOM) if e is sp.oo else ("-oo", NEG)
    if isinstance(e, sp.Integral) and len(e.limits) == 1 and len(e.limits[0]) == 3:
        var, low, high = e.limits[0]
        return f"integrate({_expr(e.function)[0]}, {var.name}, {_expr(low)[0]}, {_expr(high)[0]})", ATOM
    if isinstance(e, sp.Number):
        return _number(e)
    if e is sp.pi:
        return "pi", ATOM
    if e is sp.E:
        return "exp(1)", ATOM
    if isinstance(e, RandomSymbol):
        return e.symbol.name, ATOM
    if isinstance(e, (sp.Symbol, MatrixSymbol, ScalarField, VectorField)):
        return e.name, ATOM
    if isinstance(e, ScalarOf):
        return _expr(e.args[0])
    if isinstance(e, sp.Add):
        return _sum(e.as_ordered_terms())  # as SymPy writes it: exp(t) - 1, not -1 + exp(t)
    if isinstance(e, MatAdd):
        return _sum(e.args)
    if isinstance(e, sp.Mul):
        return _product(e.args)
    if isinstance(e, MatMul):
        return _product(e.args)
    if isinstance(e, sp.Pow):
        return _power(e.base, e.exp)
    if isinstance(e, Inverse):  # before MatPow: Inverse is a MatPow
        return f"{_wrap(_expr(e.arg), ATOM)}.I", ATOM
    if isinstance(e, MatPow):
        return f"{_wrap(_expr(e.base), ATOM)}**{_wrap(_expr(e.exp), ATOM)}", POW
    if isinstance(e, Transpose):
        return f"{_wrap(_expr(e.arg), ATOM)}.T", ATOM
    if isinstance(e, sp.Max) and len(e.args) == 2 and sp.S.Zero in e.args:
        (other,) = [a for a in e.args if a != 0]
        return f"relu({_expr(other)[0]})", ATOM
    if isinstance(e, D):
        return f"D({_expr(e.f)[0]}, {_expr(e.v)[0]})", ATOM
    if isinstance(e, Identity):
        return f"Identity({_expr(e.rows)[0]})", ATOM
    if isinstance(e, ZeroMatrix):
        return f"zeros({_expr(e.rows)[0]}, {_expr(e.cols)[0]})", ATOM
    if isinstance(e, OneMatrix):
        return f"ones({_expr(e.rows)[0]}, {_expr(e.cols)[0]})", ATOM
    if isinstance(e, ElementwiseApplyFunction):
        return f"{_elementwise(e)}({_expr(e.expr)[0]})", ATOM
    if isinstance(e, MatrixElement):
        i, j = _index(e.i), _index(e.j)
        index = f"{i}" if e.parent.shape[1] == 1 and j == 0 else f"{i}, {j}"
        return f"{_wrap(_expr(e.parent), ATOM)}[{index}]", ATOM
    if isinstance(e, sp.Sum):
        for index, low, high in e.limits:
            if not (isinstance(low, sp.Integer) and isinstance(high, sp.Integer)):
                raise NotPrintable(f"the sum over {index} has symbolic bounds ({low} to {high}); identity files "
                                   "unroll sums with integer bounds")
        text = _expr(e.function)[0]
        for index, low, high in e.limits:  # innermost first: Sum(f, (i, ...), (j, ...)) sums over i inside j
            text = f"sum({text}, {index.name}, {low}, {high})"
        return text, ATOM
    for cls, name in (*_CALLS.items(), *_MATRIX_CALLS.items()):
        if type(e) is cls or (isinstance(e, cls) and cls in (HadamardProduct, KroneckerProduct)):
            return f"{name}({', '.join(_expr(a)[0] for a in e.args)})", ATOM
    raise NotPrintable(f"no claim syntax for {type(e).__name__} ({e})")


def expression_text(expr) -> str:
    """One expression in the claim grammar."""
    return _expr(expr)[0]


def claim_text(statement) -> str:
    """A relation ``lhs OP rhs`` in the claim grammar; raises :class:`NotPrintable`."""
    if not isinstance(statement, Relational) or type(statement) not in RELATIONS:
        raise NotPrintable(f"not a relation: {statement!r}")
    return f"{expression_text(statement.lhs)} {RELATIONS[type(statement)]} {expression_text(statement.rhs)}"


def _layout(entry) -> str:
    layouts = {d.layout for d in entry.expr.atoms(D)} | {
        d.layout for c in entry.constraints for d in c.atoms(D)}
    if len(layouts) > 1:
        raise NotPrintable("the statement mixes the two layouts; an identity has one")
    return layouts.pop() if layouts else "denominator"


def _fields_as_declared(entry) -> None:
    """A declared function prints as its name, so it must be applied to its declared argument only."""
    for part in [entry.expr, *entry.constraints]:
        for node in part.atoms(ScalarField, VectorField):
            if entry.objects.get(node.name) != node:
                raise NotPrintable(f"{node.name} is applied to {node.arg}, not to its declared argument; identity "
                                   "files write a declared function by its name alone")


def identity_entry(entry) -> dict:
    """The identity-file mapping for a catalog entry with a statement; raises :class:`NotPrintable`."""
    if entry.expr is None:
        raise NotPrintable("the entry has no statement")
    _fields_as_declared(entry)
    out = {"id": entry.id, "title": entry.title, "symbols": dict(entry.symbols), "claim": claim_text(entry.expr)}
    if not out["symbols"]:
        del out["symbols"]
    layout = _layout(entry)
    if layout != "denominator":
        out["layout"] = layout
    if entry.given:
        out["given"] = list(entry.given)
    if entry.constraints:
        out["where"] = [claim_text(c) for c in entry.constraints]
    if entry.expected.value == "refuted":
        out["expect"] = "refuted"
    return out


def readable_identity(entry):
    """``(mapping, Identity)``: the entry's identity, read back as ``sheetproof check`` reads it.

    Raises :class:`NotPrintable` when the printed claim is not a valid identity (an ill-shaped
    product, say, which a catalog entry may state in order to refute it).
    """
    from .errors import UserFileError
    from .loader import load_data

    data = identity_entry(entry)
    loaded = load_data([data])
    try:
        if loaded.errors:
            raise loaded.errors[0]
        identity = loaded.identities[0]
        identity.to_entry()
    except UserFileError as err:
        raise NotPrintable(f"the printed claim is not a valid identity: {err}") from None
    return data, identity


def identity_yaml(entry) -> str:
    """The entry as a one-item identity file (YAML), checked to read back; raises :class:`NotPrintable`."""
    import yaml

    data, _ = readable_identity(entry)
    return yaml.safe_dump([data], sort_keys=False, allow_unicode=True, width=10_000)
