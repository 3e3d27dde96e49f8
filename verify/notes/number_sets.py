"""A membership in a number set as a condition: ``t \\in \\mathbb{R}``, ``t \\in \\mathbb{R}_{+}``, ``n \\in \\mathbb{N}``.

``\\mathbb{R}`` and ``\\mathbb{R}^{n}`` restrict nothing (declared values are real); ``\\mathbb{R}_{>0}``,
``\\mathbb{R}_{++}`` are ``t > 0`` and ``\\mathbb{R}_{\\geq 0}``, ``\\mathbb{R}_{+}`` ``t >= 0`` (for a scalar).  The
integers cannot be written as a relation of the claim grammar: ``\\mathbb{Z}``, ``\\mathbb{N}``, ``\\mathbb{N}_0`` are
accepted only where the declaration already says as much (``n: scalar positive integer`` is in ℕ under either
convention), else the claim is unreadable.  Dropping such a condition read ``\\Gamma(n + 1) = n!`` for every real
``n``, and ``\\sqrt{t^2} = t`` for every real ``t`` (both refuted on points the author excluded).
"""

from __future__ import annotations

from .errors import NotesError
from .tokens import Token, text_of

__all__ = ["number_set_condition"]

_POSITIVE = {"_{>0}", "_{++}", "_{\\gt0}", "^{+}_{*}", "_{+}^{*}", "_+^*", "^+_*", "_{>}"}
_NONNEGATIVE = {"_+", "_{+}", "_{\\geq0}", "_{\\ge0}", "_{\\geqslant0}", "_{0}^{+}", "^{+}_{0}", "_{+}^{0}", "^+",
                "^{+}"}
# the set, and the declaration words one of which makes the symbol's declared domain a subset of it
_INTEGER_SETS = {"Z": ({"integer"}, "an integer"), "N": ({"positive"}, "a positive integer (ℕ without 0)"),
                 "N_0": ({"positive", "nonnegative"}, "a nonnegative integer"),
                 "N_{0}": ({"positive", "nonnegative"}, "a nonnegative integer"),
                 "Z_{\\geq0}": ({"positive", "nonnegative"}, "a nonnegative integer"),
                 "Z_+": ({"positive"}, "a positive integer"), "Z_{+}": ({"positive"}, "a positive integer"),
                 "Z_{>0}": ({"positive"}, "a positive integer"), "N^+": ({"positive"}, "a positive integer"),
                 "N_{>0}": ({"positive"}, "a positive integer")}


def number_set_condition(tr, lhs: list[Token], rhs: list[Token], pos: int) -> list[str]:
    """The relations ``lhs \\in rhs`` adds for a number set ``rhs = \\mathbb{...}`` (see the module docstring)."""
    text = "".join(text_of(rhs).split())
    if not text.startswith(r"\mathbb"):
        raise NotesError("not a number set", pos=pos)
    body = text[len(r"\mathbb"):]
    letter, rest = (body[1], body[3:]) if body.startswith("{") and len(body) >= 3 else (body[:1], body[1:])
    x = tr.side(lhs)
    if letter == "R":
        if not rest or rest.startswith("^") and rest not in _NONNEGATIVE:
            return []  # R, R^n, R^{n x m}: real, as every declared value is
        scalar = x.scalar or tr.shape(x).scalar
        if rest in _POSITIVE and scalar:
            return [f"{x.text} > 0"]
        if rest in _NONNEGATIVE and scalar:
            return [f"{x.text} >= 0"]
        raise NotesError(f"the condition {text_of(lhs)} \\in {text_of(rhs)} names a set of reals the reader does "
                         "not know (it reads \\mathbb{R}, \\mathbb{R}^n, \\mathbb{R}_{>0} and \\mathbb{R}_{\\geq 0} "
                         "of a scalar)", pos=pos)
    key = letter + rest
    if key in _INTEGER_SETS:
        words, what = _INTEGER_SETS[key]
        spec = str(tr.decl.symbols.get(x.text, "")).split()
        if spec[:1] == ["scalar"] and "integer" in spec and (key == "Z" or words & set(spec)):
            return []  # the declaration already makes it so
        raise NotesError(f"the condition {text_of(lhs)} \\in {text_of(rhs)}: the claim grammar states integrality "
                         f"in the declarations; declare {x.text} as {what} (scalar ... integer)", pos=pos)
    raise NotesError(f"the condition {text_of(lhs)} \\in {text_of(rhs)} names a number set the reader does not "
                     "know", pos=pos)
