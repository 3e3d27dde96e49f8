"""How much an identity will build, estimated from its statement before any engine runs.

The engines evaluate a claim on explicit matrices: entries that are symbols (exact
algebra, letters at sizes up to :data:`SYMBOLIC_SIZE`) or numbers (the counterexample
search and torch, letters at sizes up to one more than the number of letters).
Sizes declared as numbers are used as they are.  Walking the statement once, this
module counts for every operation the nodes it adds to the explicit entries (the
entries of its operands are shared, not copied), and follows the size of an entry
as a tree (what a derivative walks) and its polynomial degree (what an expansion
multiplies out):

* a product of matrices with inner size ``k`` builds ``2k`` nodes per entry over the factors' (shared)
  entries, whose trees grow to ``k * (s1 + s2)`` nodes;
* a determinant of a ``k x k`` matrix builds ``k! * k`` nodes over its (shared) entries (Leibniz),
  an inverse as many again for each of its ``k*k`` cofactors; each counted :data:`DET_WEIGHT` times
  (measured: simplifying them costs about that much more than a product's);
* a Kronecker product has ``r1*r2 x c1*c2`` entries; ``D(f, v)`` differentiates every entry
  of ``f`` (as a tree) by every entry of ``v``;
* ``sum(f, i, a, b)`` with constant bounds is unrolled into ``b - a + 1`` copies of ``f``; nested sums
  multiply (:func:`unrolled_terms`, read from the parse tree before anything is built);
* the declared vectors and matrices become explicit matrices of symbols: past :data:`MAX_ENTRIES`
  entries (a 64 x 64 matrix has 4096), exact algebra and the exact counterexample search take minutes
  whatever the claim (measured: ``A == A.T`` for a 64 x 64 ``A`` runs past 60 s);
* a finite random variable is checked exactly by enumerating its outcomes: ``Binomial(n, p)`` has
  ``n + 1``, and the outcomes of several multiply (:func:`finite_outcomes`);
* a positive integer power ``x**p`` or ``A**p`` is expanded by the engines (a negative one is an inverse
  and ``p - 1`` products, rational functions that are not multiplied out): its entries can have as many
  monomials as there are of degree ``p * d`` in its ``N`` variables, ``C(N + p*d, N)``, and no more than
  the expansion makes (``s**p`` for a base of ``s`` nodes, ``k**(p-1) * s**p`` for a ``k x k`` matrix),
  each counted :data:`EXPAND_WEIGHT` times;

and adds up the size of everything built (:attr:`Estimate.terms`) and the arithmetic
operations on numbers (:attr:`Estimate.operations`).  An identity past
:data:`MAX_TERMS` or :data:`MAX_OPERATIONS` is refused as an input error that names
the field and the costliest operation ("det of a 12 x 12 matrix") before any work.
The bounds measure cost, not syntax: a long textbook formula of small matrices
passes.  They were set from measured check times (``tests/robustness/test_cost.py``
states them): what they refuse takes longer than the default time limit.
"""

from __future__ import annotations

import ast
import math
from dataclasses import dataclass, field

import sympy as sp
from sympy.matrices.expressions import (
    Determinant,
    HadamardProduct,
    Inverse,
    KroneckerProduct,
    MatAdd,
    MatMul,
    MatPow,
    Trace,
    Transpose,
)
from sympy.matrices.expressions.matexpr import MatrixElement, MatrixSymbol
from sympy.matrices.expressions.special import Identity, OneMatrix, ZeroMatrix

from formulas.nodes import ScalarField, VectorField

__all__ = ["Estimate", "estimate", "refuse_costly", "explicit_too_costly", "unrolled_terms", "refuse_unrolled", "finite_outcomes",
           "explicit_entries", "MAX_TERMS", "MAX_OPERATIONS", "MAX_UNROLLED", "MAX_OUTCOMES", "MAX_ENTRIES",
           "SYMBOLIC_SIZE", "DET_WEIGHT", "EXPAND_WEIGHT"]

SYMBOLIC_SIZE = 3  # the largest size a letter takes in exact algebra on explicit matrices of symbols
MAX_TERMS = 1e5  # nodes of explicit symbolic entries built (weighted), summed over one claim's operations
MAX_OPERATIONS = 5e8  # arithmetic operations on explicit numeric matrices, summed likewise
MAX_ENTRIES = 2048  # explicit entries of the declared vectors and matrices (letters at SYMBOLIC_SIZE): 32x32 twice
MAX_OUTCOMES = 2000  # joint outcomes of the finite random variables with numeric parameters (Binomial(n, p): n + 1)
MAX_UNROLLED = 4096  # copies of sum bodies an unrolled claim makes, nested sums multiplied (64 x 64)
DET_WEIGHT = 10.0  # a node of a determinant or an inverse costs about ten times a product's to simplify
EXPAND_WEIGHT = 5.0  # a monomial of an expanded power costs about five times a product's node
_CAP = 1e300
_CONSTANT = (Identity, ZeroMatrix, OneMatrix, sp.Number)
_VARIABLE = (MatrixSymbol, VectorField, ScalarField, sp.Symbol)


def _mul(*xs: float) -> float:
    out = 1.0
    for x in xs:
        out = min(out * x, _CAP)
    return out


def _pow(t: float, p: float) -> float:
    return math.exp(min(p * math.log(max(t, 1.0)), 690.0))


def _factorial(k: int) -> float:
    return math.exp(min(math.lgamma(k + 1), 690.0))


def _monomials(variables: int, degree: float) -> float:
    """Monomials of degree at most ``degree`` in ``variables`` variables: C(variables + degree, variables)."""
    n, d = max(variables, 1), max(degree, 0.0)
    return math.exp(min(math.lgamma(n + d + 1) - math.lgamma(n + 1) - math.lgamma(d + 1), 690.0))


@dataclass
class Estimate:
    """Size of symbolic entries and numeric operations an identity's checks build, and the costliest step."""

    terms: float = 0.0
    operations: float = 0.0
    worst: str = ""
    worst_cost: float = 0.0

    def add(self, terms: float, operations: float, what) -> None:
        self.terms = min(self.terms + terms, _CAP)
        self.operations = min(self.operations + operations, _CAP)
        cost = max(terms / MAX_TERMS, operations / MAX_OPERATIONS)
        if cost > self.worst_cost:
            self.worst_cost, self.worst = cost, what() if callable(what) else what

    @property
    def too_costly(self) -> bool:
        return self.terms > MAX_TERMS or self.operations > MAX_OPERATIONS


@dataclass
class _Walk:
    sizes: dict  # size letter (SymPy symbol) -> the size this walk evaluates it at
    symbolic: bool  # entries are symbols (sizes grow) or numbers (only operations count)
    out: Estimate
    seen: dict = field(default_factory=dict)

    def dim(self, d) -> int:
        value = sp.sympify(d).xreplace(self.sizes)
        try:
            return max(1, int(value))
        except (TypeError, ValueError):
            return SYMBOLIC_SIZE

    def shape(self, e) -> tuple[int, int]:
        if getattr(e, "is_Matrix", False):
            r, c = e.shape
            return self.dim(r), self.dim(c)
        return 1, 1

    def variables(self, e) -> int:
        """Explicit scalar variables of ``e`` at this walk's sizes."""
        count = 0
        for a in e.atoms(*_VARIABLE):
            if isinstance(a, sp.Symbol) and (a in self.sizes or a.name.startswith("_")):
                continue
            r, c = self.shape(a)
            count += r * c
        return count

    def visit(self, e) -> tuple[float, float]:
        """(size, degree) of an explicit entry of ``e``; adds what building ``e`` costs to the estimate."""
        if e not in self.seen:
            self.seen[e] = self._entry(e)
        return self.seen[e]

    def _cost(self, size: float, operations: float, what) -> None:
        self.out.add(size if self.symbolic else 0.0, operations, what)

    def _entry(self, e) -> tuple[float, float]:
        if isinstance(e, _CONSTANT) or not e.args and not isinstance(e, _VARIABLE):
            return 1.0, 0.0
        if isinstance(e, _VARIABLE):
            return 1.0, 1.0
        r, c = self.shape(e)
        if isinstance(e, MatMul):
            return self._product(e)
        if isinstance(e, (Determinant, Inverse)) or (isinstance(e, MatPow) and e.exp.is_Integer and e.exp < 0):
            base = e.args[0]
            k = self.shape(base)[0]
            s, d = self.visit(base)
            det = _mul(_factorial(k), k)  # Leibniz: k! products of k entries (the entries are shared)
            if isinstance(e, Determinant):
                new, name = det, "det"
            else:  # adjugate over determinant: k*k cofactors of size (k-1)! (k-1)
                new, name = det + _mul(k, k, _factorial(k - 1), k - 1), "the inverse"
            self._cost(_mul(new, DET_WEIGHT), _mul(k, k, k), f"{name} of a {k} x {k} matrix")
            size = new + _mul(k, k, s)
            if isinstance(e, MatPow) and abs(int(e.exp)) > 1:  # A**-p: the inverse times itself, p - 1 products
                p = abs(int(e.exp))
                self._cost(_mul(p - 1, k, k, 2 * k), _mul(p - 1, k, k, k), f"the power -{p} of a {k} x {k} matrix")
                return _mul(_pow(2 * k, p - 1), size), k * d
            return size, k * d
        if isinstance(e, MatPow) and e.exp.is_Integer:
            base = e.args[0]
            s, d = self.visit(base)
            return self._power(e, base, self.shape(base)[0], s, d, int(e.exp))
        if isinstance(e, sp.Pow) and e.exp.is_Integer and abs(int(e.exp)) > 1:
            s, d = self.visit(e.base)
            p = abs(int(e.exp))
            expanded = min(_monomials(self.variables(e.base) if self.symbolic else 1, p * d), _pow(s, p))
            self._cost(_mul(expanded, EXPAND_WEIGHT), p, f"the power **{p} of an expression of degree {d:g}")
            return s + 1, p * d
        if isinstance(e, (KroneckerProduct, HadamardProduct)):
            parts = [self.visit(a) for a in e.args]
            s, d = sum(p[0] for p in parts), sum(p[1] for p in parts)
            kind = "a Kronecker" if isinstance(e, KroneckerProduct) else "an elementwise"
            self._cost(_mul(r, c, len(parts)), _mul(r, c, len(parts)), f"{kind} product of size {r} x {c}")
            return s, d
        if isinstance(e, Trace):
            k = self.shape(e.args[0])[0]
            s, d = self.visit(e.args[0])
            self._cost(k, k, f"the trace of a {k} x {k} matrix")
            return _mul(k, s), d
        if isinstance(e, (Transpose, MatrixElement)):
            return self.visit(e.args[0])
        if type(e).__name__ == "D":
            sf, df = self.visit(e.args[0])
            self.visit(e.args[1])
            fr, fc = self.shape(e.args[0])
            vr, vc = self.shape(e.args[1])
            work = _mul(fr, fc, vr, vc)
            self._cost(_mul(work, sf), _mul(work, sf), f"the derivative of {fr * fc} entries by {vr * vc} entries")
            return _mul(sf, max(df, 1.0)), df
        parts = [self.visit(a) for a in e.args if isinstance(a, sp.Basic)]
        s = 1.0 + sum(p[0] for p in parts)
        if isinstance(e, sp.Mul):
            d = sum(p[1] for p in parts)
        elif isinstance(e, (sp.Add, MatAdd, sp.core.relational.Relational)):
            d = max((p[1] for p in parts), default=0.0)
        else:  # a function of its arguments: a new variable of degree 1
            d = 1.0
        if getattr(e, "is_Matrix", False):
            self._cost(_mul(r, c, len(parts)), _mul(r, c, len(parts)), f"an expression of size {r} x {c}")
        return min(s, _CAP), d

    def _product(self, e) -> tuple[float, float]:
        scalar_size, scalar_degree = 0.0, 0.0
        size = degree = rows = inner = None
        for a in e.args:
            s, d = self.visit(a)
            if not getattr(a, "is_Matrix", False):
                scalar_size, scalar_degree = scalar_size + s, scalar_degree + d
                continue
            ar, ac = self.shape(a)
            if size is None:
                size, degree, rows, inner = s, d, ar, ac
                continue
            size, degree = _mul(inner, size + s), degree + d  # the entry as a tree (what D differentiates)
            self._cost(_mul(rows, ac, 2 * inner), _mul(rows, inner, ac),  # new nodes: k products and a sum
                       lambda rows=rows, inner=inner, ac=ac: f"a product of a {rows} x {inner} and a {inner} x {ac} matrix")
            inner = ac
        return (size or 0.0) + scalar_size, (degree or 0.0) + scalar_degree

    def _power(self, e, base, k: int, s: float, d: float, p: int) -> tuple[float, float]:
        p = abs(p)  # an entry of A**p sums k**(p-1) products of p entries, at most all monomials of degree p*d
        expanded = min(_monomials(self.variables(base) if self.symbolic else 1, p * d),
                       _mul(_pow(k, p - 1), _pow(s, p)))
        self._cost(_mul(k, k, expanded, EXPAND_WEIGHT), _mul(max(p - 1, 0), k, k, k),
                   f"the power {p} of a {k} x {k} matrix")
        return _mul(s, _mul(*([k] * min(p, 600)))), p * d


def _letters(entry) -> list:
    from formulas.spec import dim_symbol

    names = []
    for sym in entry.declared.values():
        for d in sym.dims:
            if isinstance(d, str) and d not in names:
                names.append(d)
    return [dim_symbol(d) for d in names]


def estimate(entry, part: str = "claim") -> Estimate:
    """The estimate for the entry's statement (``part="claim"``) or its constraints (``"where"``)."""
    exprs = [entry.expr] if part == "claim" else list(entry.constraints)
    letters = _letters(entry)
    out = Estimate()
    symbolic = _Walk({d: sp.Integer(SYMBOLIC_SIZE) for d in letters}, True, out)
    numeric = _Walk({d: sp.Integer(len(letters) + 1) for d in letters}, False, out)
    for e in exprs:
        if e is not None:
            symbolic.visit(e)
            numeric.visit(e)
    return out


def _number(x: float) -> str:
    return f"{x:.0f}" if x < 1e6 else f"about 10^{int(math.log10(max(x, 1)))}"


_OUTCOMES = {"Bernoulli": lambda params: 2, "Binomial": lambda params: _integer(params[0]) + 1}


def _integer(token: str) -> float:
    """The value of an integer parameter written with digits, ``+ - * **`` and parentheses (``10**9``),
    as a float (``inf`` when huge); ``nan`` when it names a symbol or is not an integer."""
    if len(token) > 300:
        return math.nan
    try:
        tree = ast.parse(token.strip(), mode="eval").body
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return math.nan
    return _integer_value(tree, depth=0)


_ARITHMETIC = {ast.Add: lambda a, b: a + b, ast.Sub: lambda a, b: a - b, ast.Mult: lambda a, b: a * b,
               ast.Pow: lambda a, b: math.inf if b * math.log10(max(abs(a), 1.0)) > 300 else a ** b}


def _integer_value(node, depth: int) -> float:
    if depth > 20:
        return math.nan
    if isinstance(node, ast.Constant) and type(node.value) is int:
        return float(node.value) if node.value < 10**300 else math.inf
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        return -_integer_value(node.operand, depth + 1)
    if isinstance(node, ast.BinOp) and type(node.op) in _ARITHMETIC:
        a, b = _integer_value(node.left, depth + 1), _integer_value(node.right, depth + 1)
        if math.isnan(a) or math.isnan(b) or (isinstance(node.op, ast.Pow) and b < 0):
            return math.nan
        try:
            return _ARITHMETIC[type(node.op)](a, b)
        except OverflowError:
            return math.inf
    return math.nan


def finite_outcomes(entry) -> tuple[float, str]:
    """Joint outcomes of the entry's finite random variables with numeric parameters, and the largest one."""
    total, largest, worst = 1.0, 0.0, ""
    for name, sym in entry.declared.items():
        if sym.kind != "random" or sym.dist is None or sym.dist[0] not in _OUTCOMES:
            continue
        count = _OUTCOMES[sym.dist[0]](sym.dist[1])
        if math.isnan(count):
            continue  # a symbolic parameter: no enumeration
        total = _mul(total, max(count, 1.0))
        if count > largest:
            largest, worst = count, f"{name} ~ {sym.dist[0]}({', '.join(sym.dist[1])}) has {_number(count)} outcomes"
    return total, worst


def explicit_entries(entry) -> tuple[int, str]:
    """Entries of the declared vectors and matrices made explicit (size letters at :data:`SYMBOLIC_SIZE`),
    and the largest symbol."""
    total, largest, worst = 0, 0, ""
    for name, sym in entry.declared.items():
        if sym.kind not in ("vector", "matrix"):
            continue
        dims = [d if isinstance(d, int) else SYMBOLIC_SIZE for d in sym.dims]
        count = dims[0] * (dims[1] if len(dims) > 1 else 1)
        total += count
        if count > largest:
            shape = f"a {dims[0]} x {dims[1]} matrix" if len(dims) > 1 else f"a vector of size {dims[0]}"
            largest, worst = count, f"{name} is {shape}"
    return total, worst


def refuse_costly(entry, identity) -> None:
    """Raise the identity's input error when its claim or constraints would build too much."""
    entries, worst = explicit_entries(entry)
    if entries > MAX_ENTRIES:
        raise identity.error(f"too large to check: {worst}; exact checks make each of the {entries} entries of "
                             f"the declared vectors and matrices a symbol (limit {MAX_ENTRIES}); declare sizes "
                             "with letters (such as 'matrix n n') so that the checker picks small sizes",
                             "symbols")
    outcomes, worst = finite_outcomes(entry)
    if outcomes > MAX_OUTCOMES:
        raise identity.error(f"too large to check: {worst} ({_number(outcomes)} joint outcomes, limit "
                             f"{MAX_OUTCOMES}), and the exact check enumerates them; use a symbolic parameter "
                             "(such as n: scalar integer positive)", "distributions" if identity.distributions
                             else "symbols")
    for part in ("claim", "where"):
        if part == "where" and not identity.where:
            continue
        est = estimate(entry, part)
        # with size letters, too many *symbolic* terms (at the letters' explicit size) only rules out exact
        # algebra on explicit matrices of symbols: the index-notation engine decides such claims at symbolic
        # size, the numeric ones still run, and exact-explicit skips itself (:func:`explicit_too_costly`).
        # Fixed sizes leave every exact engine that work; too many operations on numbers rules out all of them
        symbolic_only = est.operations <= MAX_OPERATIONS and bool(_letters(entry))
        if est.too_costly and not symbolic_only:
            what = (f"{_number(est.terms)} symbolic terms (limit {_number(MAX_TERMS)})" if est.terms > MAX_TERMS
                    else f"{_number(est.operations)} arithmetic operations (limit {_number(MAX_OPERATIONS)})")
            raise identity.error(
                f"too large to check: {est.worst} would build {what}; declare sizes with letters "
                "(such as 'matrix n n') so that the checker picks small sizes, or split the claim", part)


def explicit_too_costly(entry) -> str | None:
    """Why exact algebra on explicit matrices of symbols is not tried for this entry, or None."""
    for part in ("claim", "where"):
        if part == "where" and not entry.constraints:
            continue
        est = estimate(entry, part)
        if est.terms > MAX_TERMS:
            return (f"{est.worst} would build {_number(est.terms)} symbolic terms (limit {_number(MAX_TERMS)}) in "
                    "explicit matrices of symbols")
    return None


def _constant(node) -> int | None:
    import ast

    if isinstance(node, ast.Constant) and isinstance(node.value, int) and not isinstance(node.value, bool):
        return node.value
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        inner = _constant(node.operand)
        return None if inner is None else -inner
    return None


def unrolled_terms(tree) -> float:
    """Copies of summand bodies that unrolling the sums with constant bounds in a parse tree makes."""
    import ast

    def count(node) -> float:
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "sum" \
                and len(node.args) == 4:
            body, _, first, last = node.args
            a, b = _constant(first), _constant(last)
            inner = count(body)
            if a is None or b is None:  # a symbolic bound: not unrolled
                return inner
            return _mul(max(b - a + 1, 0), max(inner, 1.0))
        return sum(count(child) for child in ast.iter_child_nodes(node))

    return count(tree)


def refuse_unrolled(identity) -> None:
    """Raise the identity's input error when its sums would unroll into more than :data:`MAX_UNROLLED` copies
    (checked on the parse tree, before the claim is built)."""
    from verify.userfile.errors import UserFileError
    from verify.userfile.grammar import parse_tree

    for part, texts in (("claim", [identity.claim]), ("where", list(identity.where))):
        for text in texts:
            try:
                tree = parse_tree(text)
            except UserFileError:
                continue  # reported when the claim is built
            copies = unrolled_terms(tree)
            if copies > MAX_UNROLLED:
                raise identity.error(f"too large to check: its sums unroll into {_number(copies)} terms "
                                     f"(limit {MAX_UNROLLED}); sum over a size letter instead, or split the claim",
                                     part)
