"""The tree of one side of a relation, as written: what the parser builds and the translator reads.

The nodes say what the notation *is* (a fraction, a name with a subscript, an
operator applied to what follows) and not yet what it means; meaning needs the
declarations and is decided in :mod:`verify.notes.translate`.  Every node keeps
``pos``, the file offset of its first token, for messages.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Node", "Num", "Ident", "Script", "Group", "Abs", "Norm", "Inner", "Frac", "Sqrt", "Neg", "BinOp",
           "Apply", "Op", "Deriv", "Event", "Integral", "Infinity"]


@dataclass(frozen=True)
class Node:
    pos: int


@dataclass(frozen=True)
class Num(Node):
    text: str  # "2", "0.5"


@dataclass(frozen=True)
class Ident(Node):
    """A name: a letter, a Greek letter, a word in a font (``\\mathrm{softmax}``), bold or plain."""

    name: str  # "x", "alpha", "lam", "softmax", "0" (for \\mathbf{0})
    font: str = ""  # "" | "bf" | "rm" | "cal" | "bb" | "frak" | "scr" | "text" | "op"
    decorations: tuple[str, ...] = ()  # "hat", "bar", "tilde", "dot", "ddot", "check"
    word: bool = False  # several letters written in one font group (\\mathbf{ab}, \\mathrm{tr})


@dataclass(frozen=True)
class Script(Node):
    """``base_{sub}^{sup}``, primes counted apart (``f'`` has ``primes=1``)."""

    base: Node
    sub_tokens: tuple = ()  # the subscript's tokens as written (indices: A_{ij})
    sup: Node | None = None
    sup_mark: str = ""  # "T" transpose, "-1" inverse, "-T" inverse transpose, "*" star, "" a power; "T?" / "-T?"
    # the letter T: a transpose unless T is declared (verify.notes.word_scripts.letter_t_mark)
    primes: int = 0


@dataclass(frozen=True)
class Group(Node):
    """A bracketed expression: ``(a)``, ``[a]``, ``{a}``, ``\\{a, b\\}``; ``items`` split at top-level commas."""

    open: str
    items: tuple[Node, ...]


@dataclass(frozen=True)
class Abs(Node):
    body: Node  # |x|: absolute value, or the determinant of a matrix


@dataclass(frozen=True)
class Norm(Node):
    body: Node
    sub: str = ""  # "", "2", "F", "1"


@dataclass(frozen=True)
class Inner(Node):
    left: Node
    right: Node


@dataclass(frozen=True)
class Frac(Node):
    num: Node
    den: Node


@dataclass(frozen=True)
class Sqrt(Node):
    body: Node
    index: Node | None = None


@dataclass(frozen=True)
class Neg(Node):
    body: Node


@dataclass(frozen=True)
class BinOp(Node):
    op: str  # "+" "-" "*" "/" "odot" "otimes"
    left: Node
    right: Node


@dataclass(frozen=True)
class Apply(Node):
    """``f(a, b)``, ``E[X]``, ``\\log(x)``: a name or function word with bracketed arguments."""

    func: Node  # an Ident or a Script of one (``p_\\theta``, ``E_{x \\sim p}``, ``\\log^2``)
    args: tuple[Node, ...]
    bracket: str = "("


@dataclass(frozen=True)
class Op(Node):
    """An operator applied to what follows it: ``\\sum_{i=1}^n body``, ``\\nabla_x f``, ``\\log x``, ``\\det A``."""

    name: str  # "sum" "prod" "nabla" "partial" "log" "exp" "det" "tr" ... or a function word
    sub: Node | None = None
    sub_tokens: tuple = ()
    sup: Node | None = None
    body: Node | None = None
    power: Node | None = None  # \\log^2 x


@dataclass(frozen=True)
class Deriv(Node):
    """``\\frac{\\partial^k f}{\\partial x \\partial y}`` (``body`` f) or the operator form with ``body`` what follows."""

    variables: tuple[Node, ...]  # one per differentiation, innermost last (d/dx d/dy f: (x, y))
    body: Node | None = None
    kind: str = "partial"  # or "d"


@dataclass(frozen=True)
class Event(Node):
    """``P(...)`` whose argument holds a relation: the probability of an event (its tokens, read later)."""

    func: Node
    tokens: tuple


@dataclass(frozen=True)
class Infinity(Node):
    """``\\infty`` as the bound of an integral (``-\\infty``: ``negative``); nowhere else a value."""

    negative: bool = False


@dataclass(frozen=True)
class Integral(Node):
    """``\\int_{lower}^{upper} body \\, d var``: a definite integral; the differential ends ``body``."""

    body: Node
    var: Node
    lower: Node
    upper: Node
