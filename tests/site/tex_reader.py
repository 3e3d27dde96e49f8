"""A small reader of the LaTeX the site prints: which atom each ``^`` and ``_`` attaches to.

TeX attaches a superscript to the one atom before it: in ``x^{T} y^{2}`` the ``2`` belongs to
``y``.  :func:`atoms` splits LaTeX into its top-level atoms the way TeX groups them (a brace
group, a ``\\left...\\right`` pair, a bracketed run, a command with its arguments, one
character), each with the scripts attached to it.  A function name written directly before its
bracketed argument (``\\log{\\left(x\\right)}``, ``\\operatorname{E}\\left[X\\right]``,
``\\mathbf{f}(x)``) is one atom, as a reader reads it.

    >>> [a.text for a in atoms(r"x^{T} y^{2}")]
    ['x^{T}', 'y^{2}']
    >>> [a.text for a in atoms(r"\\left(x^{T} y\\right)^{2} + 1")]
    ['\\\\left(x^{T} y\\\\right)^{2}', '+', '1']
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["Atom", "TexError", "atoms"]

ARGUMENTS = {"frac": 2, "dfrac": 2, "binom": 2, "sqrt": 1, "operatorname": 1, "mathbf": 1, "mathrm": 1, "mathit": 1,
             "mathbb": 1, "mathcal": 1, "hat": 1, "tilde": 1, "bar": 1, "overline": 1, "substack": 1,
             "text": 1, "boldsymbol": 1, "vec": 1, "dot": 1}
_TOKEN = re.compile(r"\\[A-Za-z]+|\\.|\s+|.", re.S)
_OPENERS = {"(": ")", "[": "]"}


class TexError(ValueError):
    """Unbalanced groups or a script without an argument."""


@dataclass
class Atom:
    text: str
    scripts: list[tuple[str, str]] = field(default_factory=list)  # ("^" or "_", argument)
    application: bool = False


def _tokens(tex: str) -> list[tuple[str, bool]]:
    """(token, preceded by whitespace) pairs."""
    out, space = [], False
    for tok in _TOKEN.findall(tex):
        if tok.isspace():
            space = True
            continue
        out.append((tok, space))
        space = False
    return out


class _Reader:
    def __init__(self, tex: str):
        self.tex = tex
        self.toks = _tokens(tex)
        self.i = 0

    def peek(self):
        return self.toks[self.i] if self.i < len(self.toks) else (None, False)

    def take(self) -> str:
        tok = self.toks[self.i][0]
        self.i += 1
        return tok

    def _until(self, stop) -> str:
        parts = []
        while True:
            tok, space = self.peek()
            if tok is None:
                raise TexError(f"unbalanced group in {self.tex!r}")
            if stop(tok):
                return " ".join(parts)
            parts.append(self.atom().text)

    def primary_text(self) -> str:
        tok = self.take()
        if tok == "{":
            inner = self._until(lambda t: t == "}")
            self.take()
            return "{" + inner + "}"
        if tok == r"\left":
            opener = self.take()
            inner = self._until(lambda t: t == r"\right")
            self.take()
            closer = self.take()
            return rf"\left{opener}{inner}\right{closer}"
        if tok in _OPENERS:
            close = _OPENERS[tok]
            inner = self._until(lambda t: t == close)
            self.take()
            return tok + inner + close
        if tok.startswith("\\") and tok[1:] in ARGUMENTS:
            text = tok
            if tok == r"\sqrt" and self.peek()[0] == "[":
                text += self.primary_text()
            for _ in range(ARGUMENTS[tok[1:]]):
                if self.peek()[0] != "{":
                    raise TexError(f"{tok} without its argument in {self.tex!r}")
                text += self.primary_text()
            return text
        if tok in ("}", r"\right", ")", "]"):
            raise TexError(f"unbalanced {tok!r} in {self.tex!r}")
        if tok in ("^", "_"):
            raise TexError(f"script {tok!r} without a base in {self.tex!r}")
        return tok

    def atom(self) -> Atom:
        text = self.primary_text()
        atom = Atom(text)
        while True:
            tok, space = self.peek()
            if tok in ("^", "_"):
                self.take()
                if self.peek()[0] is None:
                    raise TexError(f"script {tok!r} without an argument in {self.tex!r}")
                arg = self.primary_text()
                atom.scripts.append((tok, arg))
                atom.text += tok + arg
            elif (not space and tok is not None and not atom.application and _is_function(text)
                  and (tok in (r"\left", "(") or (tok == "{" and self._brace_holds_left()))):
                arg = self.primary_text()  # f(x), \log{\left(x\right)}: the application is one atom
                atom.text += arg
                atom.application = True
            else:
                return atom

    def _brace_holds_left(self) -> bool:
        nxt = self.toks[self.i + 1][0] if self.i + 1 < len(self.toks) else None
        return nxt == r"\left"

    def read(self) -> list[Atom]:
        out = []
        while self.peek()[0] is not None:
            out.append(self.atom())
        return out


def _is_function(text: str) -> bool:
    """A name that reads as a function when its argument follows without a space."""
    return bool(re.fullmatch(r"\\(?:operatorname\{\w+\}|mathbf\{\w+\}|[A-Za-z]+)|[A-Za-z]|"
                             r"\\frac\{\\partial\}\{\\partial [^{}]+\}", text))


def atoms(tex: str) -> list[Atom]:
    """The top-level atoms of ``tex`` with their scripts; raises :class:`TexError` when unbalanced."""
    return _Reader(tex).read()
