"""The KL divergence as notes write it: ``D_{KL}(p \\| q)``, ``D_{\\mathrm{KL}}(P \\parallel Q)``, ``\\mathrm{KL}(p || q)``.

A token rewrite before parsing: the head (``KL``, ``\\mathrm{KL}``, ``\\operatorname{KL}``, ``D_{KL}``,
``D_{\\mathrm{KL}}``, ``\\mathcal{D}_{KL}``) becomes ``\\mathrm{KL}``, and the divider at the top of its bracket
(``\\|``, ``||``, ``\\Vert``, ``\\parallel``, ``\\mid\\mid``) a comma, so that ``KL(p, q)`` is read as the reader
reads it (:mod:`verify.notes.expectations`).  Before, ``\\|`` opened a norm and the equation was unreadable.
A bracket with no divider, or more than one, is left alone (and read, or refused, as written).
"""

from __future__ import annotations

from .tokens import Token

__all__ = ["rewrite_divergences"]

_DIVIDERS = (r"\|", r"\Vert", r"\parallel")
_FONTS = (r"\mathrm", r"\operatorname", r"\text", r"\mathbb", r"\mathcal", r"\mathsf")


def _kl_group(tokens: list[Token], i: int) -> int | None:
    """``KL``, ``{KL}``, ``\\mathrm{KL}``, ``{\\mathrm{KL}}`` at ``i``: the index after it, else None."""
    j, opened = i, 0
    while j < len(tokens) and (tokens[j].is_char("{") or (tokens[j].kind == "cs" and tokens[j].text in _FONTS)):
        opened += tokens[j].is_char("{")
        j += 1
    if j + 1 < len(tokens) and tokens[j].text == "K" and tokens[j + 1].text == "L":
        j += 2
    elif j < len(tokens) and tokens[j].kind == "text" and tokens[j].text.strip() == "KL":
        j += 1
    else:
        return None
    for _ in range(opened):
        if not (j < len(tokens) and tokens[j].is_char("}")):
            return None
        j += 1
    return j


def _head(tokens: list[Token], i: int) -> int | None:
    """The end of a divergence head starting at ``i`` (before its bracket), else None."""
    t = tokens[i]
    if t.kind == "letter" and t.text == "D" or (t.kind == "cs" and t.text == r"\mathcal" and i + 3 < len(tokens)
                                                and tokens[i + 1].is_char("{") and tokens[i + 2].text == "D"
                                                and tokens[i + 3].is_char("}")):
        j = i + 1 if t.kind == "letter" else i + 4
        if j < len(tokens) and tokens[j].is_char("_"):
            return _kl_group(tokens, j + 1)
        return None
    return _kl_group(tokens, i)


def _divider_at(tokens: list[Token], k: int) -> int:
    """How many tokens a divider takes at ``k`` (0 if none)."""
    t = tokens[k]
    if t.kind == "cs" and t.text in _DIVIDERS:
        return 1
    if t.is_char("|") and k + 1 < len(tokens) and tokens[k + 1].is_char("|"):
        return 2
    if t.is_cs(r"\mid") and k + 1 < len(tokens) and tokens[k + 1].is_cs(r"\mid"):
        return 2
    return 0


def rewrite_divergences(tokens: list[Token]) -> list[Token]:
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        end = _head(tokens, i) if tokens[i].kind in ("letter", "cs") else None
        if end is None or end >= len(tokens):
            out.append(tokens[i])
            i += 1
            continue
        k = end + 1 if tokens[end].is_cs(r"\left") else end
        if k >= len(tokens) or not tokens[k].is_char("(", "["):
            out.append(tokens[i])
            i += 1
            continue
        opener, closer = tokens[k].text, ")" if tokens[k].text == "(" else "]"
        depth, j, dividers = 0, k, []
        while j < len(tokens):
            if tokens[j].is_char(opener):
                depth += 1
            elif tokens[j].is_char(closer):
                depth -= 1
                if depth == 0:
                    break
            elif depth == 1 and (width := _divider_at(tokens, j)):
                dividers.append((j, width))
                j += width
                continue
            j += 1
        if j >= len(tokens) or len(dividers) != 1:
            out.append(tokens[i])
            i += 1
            continue
        pos = tokens[i].pos
        out.extend([Token("cs", r"\mathrm", pos), Token("char", "{", pos), Token("letter", "K", pos),
                    Token("letter", "L", pos), Token("char", "}", pos)])
        (d, width), = dividers
        out.extend(tokens[end:d])
        out.append(Token("char", ",", tokens[d].pos))
        out.extend(tokens[d + width:j + 1])
        i = j + 1
    return out
