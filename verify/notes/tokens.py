"""Split TeX math into tokens, each with its offset in the file: the first step, before any meaning.

A token is a control sequence (``\\frac``, ``\\{``, ``\\,``), a run of digits (with one
decimal point), a single letter, a single other character, a macro parameter
(``#1``, inside macro bodies only), or the raw text of a text-mode command
(``\\text{for all }`` is one ``text`` token ``for all``; :data:`TEXT_COMMANDS`).  Whitespace is dropped; a ``%`` comment runs to
the end of its line.  Nothing is executed: this is a scanner over characters.

    >>> [t.text for t in tokenize(r"\\frac{a}{2.5}x^T")]
    ['\\\\frac', '{', 'a', '}', '{', '2.5', '}', 'x', '^', 'T']
"""

from __future__ import annotations

from dataclasses import dataclass

from .errors import NotesError

__all__ = ["Token", "tokenize", "MAX_TOKENS", "TEXT_COMMANDS", "text_of"]

MAX_TOKENS = 20_000  # one equation, after macro expansion as well
_GREEK = ("alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma tau "
          "upsilon phi chi psi omega").split()
UNICODE = {  # characters notes write directly, read as the command they stand for
    **{letter: "\\" + name for letter, name in zip("αβγδεζηθικλμνξοπρστυφχψω", _GREEK, strict=True)},
    "ϕ": r"\phi", "ϵ": r"\epsilon", "Γ": r"\Gamma", "Δ": r"\Delta", "Θ": r"\Theta", "Λ": r"\Lambda", "Ξ": r"\Xi",
    "Π": r"\Pi", "Σ": r"\Sigma", "Φ": r"\Phi", "Ψ": r"\Psi", "Ω": r"\Omega",
    "≤": r"\leq", "≥": r"\geq", "≠": r"\neq", "≈": r"\approx", "∈": r"\in", "∼": r"\sim", "∝": r"\propto",
    "→": r"\rightarrow", "↦": r"\mapsto", "⇒": r"\Rightarrow", "⇔": r"\Leftrightarrow", "≔": ":=",
    "∑": r"\sum", "∏": r"\prod", "∂": r"\partial", "∇": r"\nabla", "·": r"\cdot", "⋅": r"\cdot", "×": r"\times",
    "⊙": r"\odot", "⊗": r"\otimes", "∞": r"\infty", "±": r"\pm", "⊤": r"\top", "′": "'", "−": "-",
    "∀": r"\forall", "∫": r"\int", "√": r"\sqrt", "…": r"\ldots", "⋯": r"\ldots", "⪰": r"\succeq", "⪯": r"\preceq",
    "ℓ": r"\ell", "⟨": r"\langle", "⟩": r"\rangle", "‖": r"\|",
}
TEXT_COMMANDS = frozenset({r"\text", r"\mbox", r"\textrm", r"\textnormal", r"\textit", r"\textbf", r"\textsf",
                           r"\texttt", r"\hbox", r"\textup", r"\emph"})


@dataclass(frozen=True)
class Token:
    """``kind`` is ``cs`` (control sequence), ``num``, ``letter``, ``char``, ``param`` or ``text``."""

    kind: str
    text: str
    pos: int  # offset of the token's first character in the file

    def is_cs(self, *names: str) -> bool:
        return self.kind == "cs" and self.text in names

    def is_char(self, *chars: str) -> bool:
        return self.kind == "char" and self.text in chars


def _control_sequence(src: str, i: int) -> int:
    """End offset of the control sequence starting at ``src[i] == '\\\\'``."""
    j = i + 1
    if j >= len(src):
        return j
    if src[j].isascii() and src[j].isalpha():
        while j < len(src) and src[j].isascii() and src[j].isalpha():
            j += 1
        return j
    return j + 1  # a control symbol: \{ \, \\ \|


def _text_argument(src: str, j: int, base: int, out: list, pos: int) -> int:
    """Read ``{...}`` after a text command at ``src[j]``; append one ``text`` token; return the next index."""
    while j < len(src) and src[j].isspace():
        j += 1
    if j >= len(src) or src[j] != "{":
        raise NotesError("a text command needs its text in braces: \\text{...}", pos=pos)
    depth, k = 0, j
    while k < len(src):
        if src[k] == "\\":
            k += 2
            continue
        if src[k] == "{":
            depth += 1
        elif src[k] == "}":
            depth -= 1
            if depth == 0:
                out.append(Token("text", src[j + 1:k], pos))
                return k + 1
        k += 1
    raise NotesError("unbalanced braces in \\text{...}", pos=pos)


def tokenize(src: str, base: int = 0, *, params: bool = False) -> list[Token]:
    """Tokens of ``src``; ``base`` is the file offset of ``src[0]``; ``params`` admits ``#1`` .. ``#9``."""
    out: list[Token] = []
    i, n = 0, len(src)
    while i < n:
        c = src[i]
        if c.isspace():
            i += 1
            continue
        if c == "%":
            while i < n and src[i] != "\n":
                i += 1
            continue
        if c == "\\":
            j = _control_sequence(src, i)
            text = src[i:j]
            if text == "\\":
                raise NotesError("a lone backslash at the end of the formula", pos=base + i)
            if text in TEXT_COMMANDS:
                i = _text_argument(src, j, base, out, base + i)
            else:
                out.append(Token("cs", text, base + i))
                i = j
        elif c.isdigit():
            j = i
            while j < n and src[j].isdigit():
                j += 1
            if j + 1 < n and src[j] == "." and src[j + 1].isdigit():
                j += 1
                while j < n and src[j].isdigit():
                    j += 1
            out.append(Token("num", src[i:j], base + i))
            i = j
        elif c.isascii() and c.isalpha():
            out.append(Token("letter", c, base + i))
            i += 1
        elif c == "#":
            if not params or i + 1 >= n or not src[i + 1].isdigit() or src[i + 1] == "0":
                raise NotesError("'#' outside a macro definition", pos=base + i)
            out.append(Token("param", src[i:i + 2], base + i))
            i += 2
        elif c.isascii() and c.isprintable():
            out.append(Token("char", c, base + i))
            i += 1
        elif c in UNICODE:
            for t in tokenize(UNICODE[c], base + i):
                out.append(Token(t.kind, t.text, base + i))
            i += 1
        else:
            raise NotesError(f"character {c!r} (U+{ord(c):04X}) is not TeX math the reader knows; write it as a "
                             "command such as \\alpha or \\leq", pos=base + i)
        if len(out) > MAX_TOKENS:
            raise NotesError(f"formula longer than {MAX_TOKENS} tokens", pos=base)
    return out


def text_of(tokens: list[Token]) -> str:
    """The tokens written back as TeX (for messages): ``\\frac{a}{b}``."""
    out = []
    prev = None
    for t in tokens:
        if prev is not None and prev.kind == "cs" and prev.text[-1].isalpha() and t.kind in ("letter", "num"):
            out.append(" ")
        out.append("\\text{" + t.text + "}" if t.kind == "text" else t.text)
        prev = t
    return "".join(out)
