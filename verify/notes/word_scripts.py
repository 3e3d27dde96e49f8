"""Scripts on function words: ``\\sigma'(z)`` is a derivative, ``\\tanh^{-1}(z)`` is ambiguous.

A prime on a function word applied to a declared scalar is the derivative there, ``D(sigmoid(z), z)``
(dropping it read ``\\sigma'(z) = \\sigma(z)(1 - \\sigma(z))`` as a false claim); a prime at an expression,
and ``f^{-1}`` of a function word (inverse function or reciprocal?), are refused with the reason; so are
``e^{A}``, ``\\log A``, ``\\sqrt{A}`` of a square matrix (the matrix function, or elementwise?), and a bracketed
superscript ``x^{(i)}`` / ``W^{[l]}`` (an index or a derivative's order, not a power).
"""

from __future__ import annotations

from .errors import NotesError
from .mathtree import Group, Ident, Neg, Node
from .pieces import Piece, call

__all__ = ["word_derivative", "inverse_or_reciprocal", "ambiguous_inverse", "MATRIX_FUNCTION_WORDS",
           "refuse_matrix_function", "refuse_bracketed_superscript", "letter_t_mark"]

# e^A, \log A, \sqrt{A} of a square matrix are the matrix exponential, logarithm and square root in notes; the
# claim grammar's exp/log/sqrt of a matrix are elementwise.  Vectors and non-square matrices are elementwise only.
MATRIX_FUNCTION_WORDS = frozenset({"exp", "log", "sqrt"})


def word_derivative(tr, word: str, sub_tokens: tuple, args: list[Node], primes: int, n: Node) -> Piece:
    """``\\sigma'(z)``, ``\\tanh''(z)``: the derivative of a function word at a declared scalar, D(f(z), z)."""
    arg = args[0] if len(args) == 1 else None
    if word in ("E", "Var", "Cov", "P") or sub_tokens or not isinstance(arg, Ident) \
            or tr.decl.kind(tr.node(arg).text) != "scalar":
        raise NotesError(f"a prime on the function {word}: read only as the derivative of a one-argument function at a "
                         r"declared scalar, as in \sigma'(z); write \frac{d}{dz} for anything else", pos=n.pos)
    from .translate_ops import function_call

    piece = function_call(tr, word, sub_tokens, args, n)
    variable = tr.node(arg)
    for _ in range(primes):
        piece = call("D", piece, variable)
    return piece


def inverse_or_reciprocal(sup, mark: str) -> bool:
    """``f^{-1}``, ``f^{-2}`` on a function word: the inverse function or a reciprocal, which notes mean both."""
    return mark in ("-1", "-T", "-T?") or isinstance(sup, Neg)


def ambiguous_inverse(name: str, n: Node) -> NotesError:
    return NotesError(f"\\{name}^{{-1}}(...) is the inverse function in some notes and the reciprocal in others: "
                      f"write the inverse by its name (\\operatorname{{artanh}}) or the reciprocal as 1/\\{name}(...)",
                      pos=n.pos)


def refuse_matrix_function(tr, word: str, argument: Piece, n: Node) -> None:
    """``e^{A}``, ``\\log(S)``, ``\\sqrt{S}`` of a square matrix: in notes the matrix function, in the claim grammar
    elementwise; reading one as the other would decide another claim, so neither is guessed."""
    if argument.scalar:
        return
    shape = tr.shape(argument, n)
    if shape.square:
        raise NotesError(f"{word} of the square matrix {argument.text}: the matrix {word} (as in notes) or {word} of "
                         "every entry (as in the claim grammar)?  Neither is guessed: write the entries' function "
                         "with a sum or an entry A_{ij}", pos=n.pos)


def refuse_bracketed_superscript(n) -> None:
    """``x^{(i)}``, ``f^{(k)}``, ``W^{[l]}``: in notes the i-th sample, the k-th derivative or the l-th layer;
    read as a power they would decide another claim (``t^{(2)} = t^2`` was proved)."""
    sup = n.sup
    if isinstance(sup, Group) and sup.open in ("(", "["):
        close = ")" if sup.open == "(" else "]"
        raise NotesError(f"a superscript in brackets, ^{{{sup.open}...{close}}}, is an index (a sample, a layer) "
                         "or a derivative's order in notes, not a power: declare the indexed name as a symbol "
                         "of its own (a macro), or write the power without the brackets", pos=n.pos)


def letter_t_mark(tr, piece: Piece, mark: str, n: Node) -> str:
    """``x^T`` with the letter T: the transpose, unless T is declared; then a scalar's ``\\gamma^T`` is a power
    (read as a transpose it was refused, or worse, the identity) and a matrix's ``A^T`` is ambiguous."""
    if tr.decl.kind("T") is None:
        return mark[:-1]
    if piece.scalar or tr.shape(piece, n).scalar:
        return "power"
    raise NotesError("^T with T declared as a symbol: the transpose or the T-th power?  Write ^\\top (or "
                     "^{\\mathsf{T}}) for the transpose", pos=n.pos)
