r"""A premise ``X \perp\!\!\!\perp Y \mid Z`` that the declarations state: ``given: independent X Y | Z``.

The reader has no claim for an independence statement; a conclusion under such a premise
(``X \perp\!\!\!\perp Y|Z \Rightarrow P(X|Y, Z) = P(X|Z)``) is read when the declarations give
exactly that hypothesis (``independent X Y`` for ``X \perp Y``), and stays unreadable otherwise.
"""

from __future__ import annotations

import re

__all__ = ["declared_independence"]

_PREMISE = re.compile(r"\s*([A-Za-z]\w*)\s*(?:\\perp\s*)+([A-Za-z]\w*)\s*(?:(?:\||\\mid)\s*([A-Za-z]\w*"
                      r"(?:\s*,\s*[A-Za-z]\w*)*))?\s*")


def declared_independence(text: str, given) -> bool:
    """Whether the premise ``text`` (``X\\perp Y|Z``) is one of the ``given`` statements (in either order)."""
    m = _PREMISE.fullmatch(text.replace(r"\!", " ").replace(r"\,", " "))
    if m is None:
        return False
    pair = {m.group(1), m.group(2)}
    cond = sorted(w.strip() for w in m.group(3).split(",")) if m.group(3) else []
    if len(pair) != 2:
        return False
    for statement in given:
        words = str(statement).split()
        if not words or words[0] != "independent":
            continue
        if "|" in words:
            bar = words.index("|")
            if set(words[1:bar]) == pair and bar == 3 and sorted(words[bar + 1:]) == cond:
                return True
        elif not cond and pair <= set(words[1:]):
            return True
    return False
