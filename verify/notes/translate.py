"""From the tree of a formula to claim text: what the notation means, given the declarations.

The result is a claim of the identity-file grammar (``D(x.T*A*x, x) == (A + A.T)*x``),
built and checked by the same code as YAML files; it is shown to the reader as
"the claim as understood".  Meanings that depend on a shape are decided by the
trusted builder (:class:`~verify.notes.oracle.Oracle`):

=======================================  ==========================================================
written                                  understood as
=======================================  ==========================================================
``A^T``, ``A^\\top``, ``A^{\\mathsf T}``    ``A.T``
``A^{-1}``                               ``A.I`` for a matrix, ``A**(-1)`` for a scalar
``A^{-T}``                               ``A.I.T``
``|A|``                                  ``det(A)`` for a square matrix, ``abs(a)`` for a scalar
``\\|x\\|``, ``\\|x\\|_2``, ``\\|A\\|_F``      ``sqrt(x.T*x)``, ``sqrt(tr(A.T*A))`` (``\\|x\\|^2`` is ``x.T*x``)
``\\langle u, v \\rangle``                 ``u.T*v`` (``tr(A.T*B)`` for matrices)
``\\mathbf{I}``, ``I``, ``0``              ``Identity(n)``, ``zeros(n, m)`` sized by the other operand
``x_i``, ``A_{ij}``                       ``x[i - 1]``, ``A[i - 1, j - 1]`` (1-based; ``index_base: 0``)
``\\eta_t``, ``\\Sigma_{11}``              the names ``eta_t``, ``Sigma_11`` unless an index of a vector/matrix
``e^{x}``                                ``exp(x)`` (unless ``e`` is declared)
``\\sigma(z)``                            ``sigmoid(z)`` unless ``sigma`` is declared
=======================================  ==========================================================

Operators, sums and derivatives: :mod:`verify.notes.translate_ops`; integrals: :mod:`verify.notes.translate_integrals`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .errors import NotesError
from .mathtree import (
    Abs,
    Apply,
    BinOp,
    Deriv,
    Frac,
    Group,
    Ident,
    Inner,
    Neg,
    Node,
    Norm,
    Num,
    Op,
    Script,
    Sqrt,
)
from .names import claim_name
from .oracle import Declarations, Oracle, Shape
from .parse import parse_tokens
from .pieces import (
    ATOM,
    COLS,
    IDENTITY,
    ONES,
    ROWS,
    ZERO,
    Piece,
    add,
    atom,
    call,
    div,
    mul,
    neg,
    postfix,
    power,
    sized,
    sub,
    wrap,
)
from .tokens import Token, text_of

__all__ = ["Translator"]

@dataclass
class Translator:
    decl: Declarations
    index_base: int = 1
    bound: dict = field(default_factory=dict)  # sum index -> None (symbolic) or its value
    lower: dict = field(default_factory=dict)  # sum index -> lower bound (for the oracle)
    extra_distributions: dict = field(default_factory=dict)  # from \mathbb{E}_{x \sim N(...)}
    extra_symbols: dict = field(default_factory=dict)  # the test vector of a matrix inequality

    def __post_init__(self):
        self.oracle = Oracle(self.decl)

    # -- shapes -------------------------------------------------------------------------------------
    def shape(self, p: Piece, at: Node | None = None) -> Shape:
        if p.scalar:
            return Shape()
        if p.pending:
            raise NotesError(f"the size of {p.text.split('(')[0]} cannot be told here: write Identity(n) or "
                             "zeros(n, m) as \\operatorname{Identity}... or declare the size",
                             pos=at.pos if at else None)
        values = {k: (v if v is not None else self.lower.get(k, 1)) for k, v in self.bound.items()}
        try:
            return self.oracle.shape(p.text, values)
        except NotesError as err:
            raise err.at(at.pos if at else None) from None

    def refresh(self) -> None:
        """Declarations changed (a distribution from a subscript): ask the builder afresh."""
        self.decl = Declarations({**self.decl.symbols, **self.extra_symbols},
                                 {**self.decl.distributions, **self.extra_distributions},
                                 self.decl.layout, self.decl.given, self.decl.where)
        self.oracle = Oracle(self.decl)

    # -- entry points -------------------------------------------------------------------------------
    def side(self, tokens: list[Token] | Node) -> Piece:
        return self.node(tokens if isinstance(tokens, Node) else parse_tokens(tokens))

    def relation(self, lhs: Piece, op: str, rhs: Piece, at: Node | None = None) -> str:
        """``lhs op rhs`` as claim text; pending sizes and a literal 0 take the other side's shape."""
        if op in ("<", ">", "<=", ">=") and not (lhs.pending or rhs.pending):
            return self.inequality(lhs, op, rhs, at)
        lhs, rhs = self.match(lhs, rhs, at), self.match(rhs, lhs, at)
        if lhs.pending or rhs.pending:
            raise NotesError("the size of I or 0 cannot be told from this relation: write Identity(n) or "
                             "zeros(n, m) (declare the symbols they stand beside)", pos=at.pos if at else None)
        if op in ("<", ">", "<=", ">="):
            return self.inequality(lhs, op, rhs, at)
        return f"{lhs.text} {op} {rhs.text}"

    def inequality(self, lhs: Piece, op: str, rhs: Piece, at: Node | None) -> str:
        """Scalars as written; square matrices in the Loewner order: ``A >= B`` is ``z.T*(A - B)*z >= 0``
        for a new vector ``z_psd`` (nonzero for a strict inequality)."""
        shapes = [None if p.scalar or p.zero else self.shape(p, at) for p in (lhs, rhs)]
        big = [s for s in shapes if s is not None and not s.scalar]
        if not big:
            return f"{lhs.text} {op} {rhs.text}"
        s = big[0]
        if not s.square or any(t is not None and not t.scalar and (t.rows, t.cols) != (s.rows, s.cols)
                               for t in shapes):
            raise NotesError(f"an inequality between a {s.rows} x {s.cols} {'vector' if s.vector else 'matrix'} and "
                             "something else: the claim grammar compares scalars, and square matrices in the "
                             "Loewner order (A >= B: A - B positive semidefinite)", pos=at.pos if at else None)
        big_side, small_side = (lhs, rhs) if op in (">", ">=") else (rhs, lhs)
        diff = big_side if small_side.zero else sub(big_side, self.match(small_side, big_side, at))
        name = "z_psd"
        self.extra_symbols[name] = f"vector {s.rows}" + (" nonzero" if op in ("<", ">") else "")
        self.refresh()
        return f"{name}.T*{wrap(diff, ATOM)}*{name} {'>' if op in ('<', '>') else '>='} 0"

    def match(self, p: Piece, other: Piece, at: Node | None = None) -> Piece:
        """``p`` sized by ``other`` when ``p`` is a pending I/0 or the number 0 beside a matrix."""
        if not (p.pending or p.zero) or other.pending:
            return p
        if other.scalar or other.zero:
            return p
        s = self.shape(other, at)
        if s.scalar:
            return p
        if p.zero:
            return atom(f"zeros({s.rows}, {s.cols})")
        if p.pending == "I" and s.rows != s.cols:
            raise NotesError(f"an identity matrix beside a {s.rows} x {s.cols} matrix", pos=at.pos if at else None)
        return sized(p, s.rows, s.cols)

    # -- nodes --------------------------------------------------------------------------------------
    def node(self, n: Node) -> Piece:
        method = getattr(self, "_" + type(n).__name__)
        return method(n)

    def _Num(self, n: Num) -> Piece:
        return Piece(n.text, ATOM, scalar=True, zero=n.text == "0")

    def _Ident(self, n: Ident) -> Piece:
        if n.word and n.font in ("bf", "", "cal", "bb", "frak", "scr"):
            name = claim_name(n.name, n.font, n.decorations)
            if self.decl.kind(name) is None:  # \mathbf{ab} is a times b
                pieces = [self._Ident(Ident(n.pos, ch, n.font)) for ch in n.name]
                out = pieces[0]
                for p in pieces[1:]:
                    out = mul(out, p)
                return out
        return self.name(n)

    def name(self, n: Ident, suffix: str = "") -> Piece:
        name = claim_name(n.name, n.font, n.decorations) + suffix
        if name in self.bound:
            return self.index_value(name, n)
        if self.decl.sliced(name) is not None:
            how, parent = self.decl.sliced(name)
            raise NotesError(f"{name} names the {'columns' if how == 'col' else 'rows'} of {parent}: write one of "
                             f"them with its index, {name}_i", pos=n.pos)
        if self.decl.kind(name) is not None:
            return atom(name)
        if name in self.decl.sizes() and not n.font:
            return atom(name, scalar=True)  # a size letter, as a number: tr(I_n) = n
        if n.name == "0" and n.font in ("bf", "bb"):
            return ZERO
        if n.name == "1" and n.font in ("bf", "bb"):
            return ONES
        if n.name == "I" and n.font in ("", "bf", "bb", "rm") and not suffix:
            return IDENTITY
        if name == "e" and not n.font:
            return atom("exp(1)", scalar=True)
        if name == "pi":
            return atom("pi", scalar=True)
        spelled = {"bf": f"\\mathbf{{{n.name}}}", "cal": f"\\mathcal{{{n.name}}}", "bb": f"\\mathbb{{{n.name}}}",
                   "rm": f"\\mathrm{{{n.name}}}", "op": f"\\operatorname{{{n.name}}}"}.get(n.font, n.name)
        raise NotesError(f"unknown symbol {name!r} (written {spelled}): declare it under 'symbols', such as "
                         f"{name}: scalar, {name}: vector n or {name}: matrix n m", pos=n.pos)

    def index_value(self, name: str, n: Node) -> Piece:
        value = self.bound[name]
        return atom(name, scalar=True) if value is None else atom(str(value), scalar=True)

    def _Group(self, n: Group) -> Piece:
        if n.open == r"\{":
            raise NotesError("sets \\{...\\} are not in the claim grammar", pos=n.pos)
        if len(n.items) != 1:
            raise NotesError(f"a list of {len(n.items)} items in brackets where one expression is expected",
                             pos=n.pos)
        inner = self.node(n.items[0])
        return Piece(inner.text, inner.prec, inner.pending, inner.scalar, inner.zero)

    def _Neg(self, n: Neg) -> Piece:
        return neg(self.node(n.body))

    def _BinOp(self, n: BinOp) -> Piece:
        a, b = self.node(n.left), self.node(n.right)
        if n.op in ("+", "-"):
            a, b = self.match(a, b, n), self.match(b, a, n)
            return add(a, b) if n.op == "+" else sub(a, b)
        if n.op == "*":
            return self.product(a, b, n)
        if n.op == "/":
            return div(a, b)
        if n.op == "odot":
            return call("hadamard", a, b)
        if n.op != "otimes":
            raise NotesError(f"a conditional bar '{n.op}' outside E[...] and Var(...)", pos=n.pos)
        return call("kron", a, b)

    def product(self, a: Piece, b: Piece, n: Node) -> Piece:
        """``a*b``; an identity beside a matrix takes its size (``\\mathbf{I} A``, ``A \\mathbf{I}``)."""
        if a.pending == "I" and not b.pending and not b.scalar:
            s = self.shape(b, n)
            if not s.scalar:
                a = sized(a, s.rows, s.rows)
        if b.pending == "I" and not a.pending and not a.scalar:
            s = self.shape(a, n)
            if not s.scalar:
                b = sized(b, s.cols, s.cols)
        # a vector of ones or zeros beside a matrix or vector: \mathbf{1}^\top x is ones(n, 1).T*x, A\mathbf{1} is
        # A*ones(m, 1) (the bold 1 and 0 are column vectors here; an outer product 1 x^T keeps its size pending)
        if a.pending == "0" and a.text in (f"ones({ROWS}, {COLS}).T", f"zeros({ROWS}, {COLS}).T"):
            if not b.pending and not b.scalar and (s := self.shape(b, n)) and not s.scalar:
                a = sized(a, s.rows, "1")
        if b.pending == "0" and b.text in (f"ones({ROWS}, {COLS})", f"zeros({ROWS}, {COLS})"):
            if not a.pending and not a.scalar and (s := self.shape(a, n)) and not s.scalar:
                b = sized(b, s.cols, "1")
        return mul(a, b)

    def _Frac(self, n: Frac) -> Piece:
        return div(self.node(n.num), self.node(n.den))

    def _Sqrt(self, n: Sqrt) -> Piece:
        body = self.node(n.body)
        from .word_scripts import refuse_matrix_function

        refuse_matrix_function(self, "sqrt", body, n)  # \sqrt{S} of a square matrix
        if n.index is None:
            return call("sqrt", body)
        return power(body, atom(f"(1/{self.node(n.index).text})"))

    def _Abs(self, n: Abs) -> Piece:
        body = self.node(n.body)
        s = self.shape(body, n)
        if s.scalar:
            return call("abs", body)
        if s.square:
            return call("det", body)
        raise NotesError(f"|...| of a {s.rows} x {s.cols} {'vector' if s.vector else 'matrix'}: write \\|x\\| "
                         "for a norm", pos=n.pos)

    def norm_squared(self, n: Norm) -> Piece:
        body = self.node(n.body)
        s = self.shape(body, n)
        if s.scalar:
            return power(call("abs", body), atom("2"))
        if s.vector and n.sub in ("", "2"):
            return mul(postfix(body, ".T"), body)
        if n.sub == "F" or (s.matrix and n.sub == ""):
            if n.sub == "":
                raise NotesError("the norm of a matrix: write \\|A\\|_F for the Frobenius norm", pos=n.pos)
            return call("tr", mul(postfix(body, ".T"), body))
        raise NotesError(f"the norm \\|.\\|_{n.sub} is not in the claim grammar", pos=n.pos)

    def _Norm(self, n: Norm) -> Piece:
        squared = self.norm_squared(n)
        if squared.text.startswith("abs("):
            return call("abs", self.node(n.body))
        return call("sqrt", squared)

    def _Inner(self, n: Inner) -> Piece:
        a, b = self.node(n.left), self.node(n.right)
        s = self.shape(a, n)
        if s.matrix:
            return call("tr", mul(postfix(a, ".T"), b))
        if s.scalar:
            return mul(a, b)
        return mul(postfix(a, ".T"), b)

    def _Script(self, n: Script) -> Piece:
        from .translate_ops import script

        return script(self, n)

    def _Apply(self, n: Apply) -> Piece:
        from .translate_ops import apply

        return apply(self, n)

    def _Op(self, n: Op) -> Piece:
        from .translate_ops import operator

        return operator(self, n)

    def _Deriv(self, n: Deriv) -> Piece:
        from .translate_ops import derivative

        return derivative(self, n)

    def _Integral(self, n) -> Piece:
        from .translate_integrals import integral

        return integral(self, n)

    def _Infinity(self, n) -> Piece:
        from .parse_rules import REFUSED

        raise NotesError(REFUSED[r"\infty"] + " (except as the bound of an integral, \\int_0^\\infty)", pos=n.pos)

    def _Event(self, n) -> Piece:
        from .events import probability

        return probability(self, n)

    # -- conditions ---------------------------------------------------------------------------------
    def differs(self, lhs: Piece, rhs: Piece) -> str:
        """The condition ``a \\neq b``: scalars differ; vectors and matrices differ in some entry, written as
        the squared distance ``(a - b).T*(a - b) != 0`` (``tr(...)`` for matrices), a scalar constraint."""
        a, b = self.shape(lhs), self.shape(rhs)
        if a.scalar and b.scalar:
            return f"{lhs.text} != {rhs.text}"
        if a != b:
            raise NotesError(f"the condition {lhs.text} != {rhs.text} compares a {a.rows} x {a.cols} with a "
                             f"{b.rows} x {b.cols} value")
        gap = f"(({lhs.text}) - ({rhs.text}))"
        return f"{gap}.T*{gap} != 0" if a.vector else f"tr({gap}.T*{gap}) != 0"

    def condition(self, tokens: list[Token]) -> list[str]:
        """Claim-grammar relations for one condition (``x > 0``, ``\\lambda \\in [0, 1]``)."""
        from .split import split_formula

        out: list[str] = []
        read = False
        for stmt in split_formula(tokens):
            for link in stmt.links:
                if link.kind == "claim" or link.kind == "premise" and link.op in ("==", "<", ">", "<=", ">="):
                    if link.op == "!=":
                        out.append(self.differs(self.side(link.lhs), self.side(link.rhs)))
                        continue
                    out.append(self.relation(self.side(link.lhs), link.op, self.side(link.rhs)))
                elif link.op == r"\in":
                    out.extend(self.membership(link.lhs, link.rhs, link.pos))
                    read = True  # t \in \mathbb{R} adds nothing, and is read
                else:
                    raise NotesError(f"the condition {text_of(link.lhs + link.rhs)!r} is {link.why}", pos=link.pos)
        if not out and not read and tokens:
            raise NotesError(f"cannot read the condition {text_of(tokens)!r}", pos=tokens[0].pos)
        return out

    def membership(self, lhs: list[Token], rhs: list[Token], pos: int) -> list[str]:
        """``x \\in [a, b]`` is ``a <= x``, ``x <= b``; number sets: :mod:`verify.notes.number_sets`."""
        if rhs and rhs[0].is_cs(r"\mathbb") and len(rhs) >= 2:
            from .number_sets import number_set_condition

            return number_set_condition(self, lhs, rhs, pos)
        if len(rhs) >= 5 and rhs[0].text in ("[", "(") and rhs[-1].text in ("]", ")"):
            inner = rhs[1:-1]
            commas = [k for k, t in enumerate(inner) if t.is_char(",")]
            if len(commas) == 1:
                low, high = inner[:commas[0]], inner[commas[0] + 1:]
                x = self.side(lhs).text
                a, b = self.side(low).text, self.side(high).text
                return [f"{a} {'<=' if rhs[0].text == '[' else '<'} {x}",
                        f"{x} {'<=' if rhs[-1].text == ']' else '<'} {b}"]
        raise NotesError(f"the condition '{text_of(lhs)} \\in {text_of(rhs)}' names a set the checker does not "
                         "know", pos=pos)
