"""What single pieces of TeX mean to the parser: refused commands, superscript marks, calls, derivative fractions.

Small classifications used by :mod:`verify.notes.parse`, kept apart so the parser
reads as its grammar.
"""

from __future__ import annotations

from .mathtree import Ident, Node, Script
from .names import FUNCTION_WORDS
from .tokens import Token

__all__ = ["REFUSED", "is_relation", "sup_mark", "probability_head", "moment_head", "applicable", "derivative_kind",
           "differential_length", "derivative_order", "strip_differential"]

REFUSED = {  # commands recognised, with what to write instead
    r"\infty": "infinity is not a value the checker can use",
    r"\ldots": "an ellipsis (...) is read only inside a sum or product whose written terms show one index running "
               "by one (x_1 + x_2 + \\dots + x_n); here write it with \\sum or \\prod and its bounds",
    r"\iint": "double integrals are not in the claim grammar: write one definite integral \\int_a^b f(t)\\,dt",
    r"\oint": "contour integrals are not in the claim grammar: write a definite integral \\int_a^b f(t)\\,dt",
    "int without bounds": "an integral without bounds (an antiderivative) is not in the claim grammar: write a "
                          "definite integral \\int_a^b f(t)\\,dt",
    "int over a set": "an integral over a set or a domain (\\int_X) is not in the claim grammar: write its bounds, "
                      "\\int_a^b f(t)\\,dt (\\infty for an infinite one)",
    "int without differential": "an integral without its differential: end the integrand with dt (or "
                                "\\mathrm{d}t), the variable of integration",
    r"\forall": "a quantifier inside a formula: write '\\forall x:' at the start of the equation",
    r"\exists": "an existential quantifier cannot be checked: write the claim about a witness instead",
    r"\pm": "'\\pm' stands for two claims: write each sign as its own claim",
    r"\mp": "'\\mp' stands for two claims: write each sign as its own claim",
    r"\circ": "'\\circ' (composition, or an elementwise product) is ambiguous: write \\odot for the elementwise "
              "product, or the composition as f(g(x))",
    r"\mid": "a conditional bar or a set: neither is in the claim grammar",
    r"\begin": "environments inside a formula (matrices, cases) are not supported",
    r"\partial": "a '\\partial' that is not part of \\frac{\\partial f}{\\partial x} or \\partial_x f",
}

def is_relation(tok: Token) -> bool:
    from .split import RELATION_COMMANDS

    return tok.kind == "cs" and tok.text in RELATION_COMMANDS


def sup_mark(raw: list[Token]) -> str:
    text = "".join(t.text for t in raw)
    if text in ("T", "-T"):  # the letter T: a transpose, or the power of a declared T (decided in translation)
        return text + "?"
    if text in (r"\top", r"\mathsf{T}", r"\mathrm{T}", r"\mathsfT", r"\mathrmT", r"\intercal"):
        return "T"
    if text in ("-1",):
        return "-1"
    if text in (r"-\top", r"-\mathsf{T}", r"-\mathrm{T}"):
        return "-T"
    if text in ("*", r"\star", r"\ast"):
        return "*"
    if text in (r"\prime", "'"):
        return "'"
    if text == r"\dagger":
        return "+"
    return ""


def moment_head(node: Node) -> bool:
    """``E``, ``\\mathbb{E}``, ``\\operatorname{E}``, ``\\mathrm{Var}``, ``\\mathbb{V}``: a head that conditions on ``|``."""
    return isinstance(node, Ident) and not node.decorations and (
        (node.name in ("E", "V") and node.font in ("", "bb", "op", "rm")) or
        (node.name in ("Var", "var") and node.font in ("op", "rm", "text")))


def probability_head(node: Node) -> bool:
    """``P``, ``\\Pr``, ``\\mathbb{P}``, ``\\operatorname{P}`` (with a subscript or not); a plain ``p`` too.

    Only a bracket that holds a relation or a bar is an event (``p(X = x)``); ``p(x)`` stays a call."""
    base = node.base if isinstance(node, Script) and node.sup is None and not node.sup_mark else node
    if isinstance(base, Ident) and base.name == "p" and not base.font and not base.decorations:
        return base is node  # p(X = x, Y = y); p_theta(...) is a declared function's call
    return isinstance(base, Ident) and base.name in ("P", "Pr") and base.font in ("", "bb", "op", "rm", "text") \
        and not base.decorations  # \tilde{P}, \hat{P}: another law than P


def applicable(node: Node, bracket: str) -> bool:
    """Whether ``node(...)`` / ``node[...]`` is a call: a name without a power (``f(x)``, ``p_\\theta(x)``)."""
    base = node
    if isinstance(node, Script):
        if node.sup is not None or node.sup_mark:
            return False
        base = node.base
    if not isinstance(base, Ident):
        return False
    if bracket == "[":
        return base.name in ("E", "V", "P", "Var", "Cov") or base.name in FUNCTION_WORDS and base.word
    return True


def derivative_kind(num: list[Token], den: list[Token]) -> str | None:
    def starts(tokens, kind):
        if not tokens:
            return False
        if kind == "partial":
            return tokens[0].is_cs(r"\partial")
        return (tokens[0].kind == "letter" and tokens[0].text == "d") or (
            len(tokens) >= 4 and tokens[0].is_cs(r"\mathrm") and tokens[2].text == "d")

    for kind in ("partial", "d"):
        if starts(num, kind) and starts(den, kind) and len(den) > 1:
            return kind
    return None


def differential_length(tokens: list[Token], kind: str) -> int:
    if kind == "partial" or tokens[0].kind == "letter":
        return 1
    return 4  # \mathrm { d }


def derivative_order(num: list[Token], kind: str) -> int | None:
    k = differential_length(num, kind)
    if len(num) > k + 1 and num[k].is_char("^") and num[k + 1].kind == "num":
        return int(num[k + 1].text)
    return None


def strip_differential(num: list[Token], kind: str) -> list[Token]:
    k = differential_length(num, kind)
    if len(num) > k + 1 and num[k].is_char("^"):
        k += 2
    return num[k:]
