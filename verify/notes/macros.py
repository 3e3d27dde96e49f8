"""Macros: a fixed list of spellings, the file's own ``\\newcommand`` definitions, and nothing else.

Expansion is bounded: at most :data:`MAX_DEPTH` nested expansions, :data:`MAX_EXPANSIONS`
expansions per formula and :data:`~verify.notes.tokens.MAX_TOKENS` tokens after
expansion; past a bound the equation is unreadable (``\\def\\a{\\a\\a}`` cannot loop).
Macros are substitution of tokens for tokens -- no TeX primitive is run.

:data:`ALIASES` are the spellings every file gets (``\\bm`` is ``\\mathbf``, ``\\le`` is
``\\leq``, ``\\dfrac`` is ``\\frac``, ...).  :data:`DROPPED` are layout commands that
carry no meaning (sizes, spaces, ``\\nonumber``); :data:`DROPPED_WITH_ARGUMENT` take one
braced argument (``\\label`` is kept as the equation's label).

    >>> table = MacroTable()
    >>> table.define(r"\\norm", 1, r"\\left\\|#1\\right\\|")
    >>> [t.text for t in clean(table.expand(tokenize(r"\\norm{x}^2")))[0]]
    ['\\\\|', 'x', '\\\\|', '^', '2']
"""

from __future__ import annotations

from dataclasses import dataclass

from .errors import NotesError
from .tokens import MAX_TOKENS, Token, tokenize

__all__ = ["ALIASES", "DROPPED", "DROPPED_WITH_ARGUMENT", "MacroTable", "Macro", "clean", "MAX_DEPTH",
           "MAX_EXPANSIONS", "MAX_MACROS"]

MAX_DEPTH = 32  # a macro's expansion may contain macros, nested this deep
MAX_EXPANSIONS = 2_000  # per formula
MAX_MACROS = 200  # definitions per file
MAX_BODY_CHARS = 2_000

ALIASES = {  # control sequence -> its replacement, written as TeX
    r"\bm": r"\mathbf", r"\boldsymbol": r"\mathbf", r"\pmb": r"\mathbf", r"\mathbfit": r"\mathbf",
    r"\symbf": r"\mathbf", r"\vec": r"\mathbf", r"\mathit": r"\mathrm", r"\mathsf": r"\mathrm",
    r"\le": r"\leq", r"\leqq": r"\leq", r"\leqslant": r"\leq", r"\ge": r"\geq", r"\geqq": r"\geq",
    r"\geqslant": r"\geq", r"\ne": r"\neq", r"\lt": "<", r"\gt": ">",
    r"\dfrac": r"\frac", r"\tfrac": r"\frac", r"\cfrac": r"\frac", r"\ln": r"\log",
    r"\lvert": "|", r"\rvert": "|", r"\vert": "|", r"\lVert": r"\|", r"\rVert": r"\|", r"\Vert": r"\|",
    r"\lbrack": "[", r"\rbrack": "]", r"\lbrace": r"\{", r"\rbrace": r"\}", r"\lparen": "(", r"\rparen": ")",
    r"\intercal": r"\top", r"\ast": "*", r"\cdotp": r"\cdot", r"\centerdot": r"\cdot",
    r"\implies": r"\Rightarrow", r"\Longrightarrow": r"\Rightarrow", r"\iff": r"\Leftrightarrow",
    r"\Longleftrightarrow": r"\Leftrightarrow", r"\gets": r"\leftarrow", r"\to": r"\rightarrow",
    r"\longrightarrow": r"\rightarrow", r"\coloneqq": ":=", r"\coloneq": ":=", r"\eqqcolon": "=:",
    r"\triangleq": ":=", r"\doteq": ":=", r"\varepsilon": r"\epsilon", r"\vartheta": r"\theta",
    r"\varphi": r"\phi", r"\varrho": r"\rho", r"\varpi": r"\pi", r"\Pr": r"\operatorname{P}",
    r"\dots": r"\ldots", r"\cdots": r"\ldots", r"\dotsb": r"\ldots", r"\dotsc": r"\ldots",
    r"\dotsm": r"\ldots", r"\vdots": r"\ldots", r"\ddots": r"\ldots",
}

DROPPED = frozenset({
    r"\left", r"\right", r"\middle", r"\big", r"\Big", r"\bigg", r"\Bigg", r"\bigl", r"\bigr", r"\Bigl",
    r"\Bigr", r"\biggl", r"\biggr", r"\Biggl", r"\Biggr", r"\bigm", r"\Bigm", r"\,", r"\;", r"\:", r"\!",
    r"\ ", r"\>", r"\enspace", r"\thinspace", r"\medspace", r"\thickspace", r"\negthinspace",
    r"\negmedspace", r"\negthickspace", r"\displaystyle", r"\textstyle", r"\scriptstyle", r"\limits",
    r"\nolimits", r"\nonumber", r"\notag", r"\hfill", r"\allowbreak", r"\mathop", r"\mathrel", r"\mathbin",
    r"\mathord", r"\mathpunct", r"\mathopen", r"\mathclose", r"\relax", r"\mathstrut", r"\strut",
})
DROPPED_WITH_ARGUMENT = frozenset({r"\label", r"\tag", r"\hspace", r"\vspace",
                                   r"\phantom", r"\vphantom", r"\hphantom", r"\color", r"\eqref"})
_SIZED = frozenset({r"\left", r"\right", r"\middle", r"\big", r"\Big", r"\bigg", r"\Bigg", r"\bigl", r"\bigr",
                    r"\Bigl", r"\Bigr", r"\biggl", r"\biggr", r"\Biggl", r"\Biggr", r"\bigm", r"\Bigm"})


@dataclass(frozen=True)
class Macro:
    name: str
    nargs: int
    body: tuple[Token, ...]
    default: tuple[Token, ...] | None = None  # the optional first argument's default


def _group(tokens: list[Token], i: int) -> tuple[list[Token], int]:
    """The argument at ``tokens[i]``: a braced group (without its braces) or one token; and the next index."""
    if i >= len(tokens):
        raise NotesError("a command is missing its argument", pos=tokens[-1].pos if tokens else None)
    if not tokens[i].is_char("{"):
        if tokens[i].is_char("}"):
            raise NotesError("a command is missing its argument", pos=tokens[i].pos)
        return [tokens[i]], i + 1
    depth, j = 0, i
    while j < len(tokens):
        if tokens[j].is_char("{"):
            depth += 1
        elif tokens[j].is_char("}"):
            depth -= 1
            if depth == 0:
                return tokens[i + 1:j], j + 1
        j += 1
    raise NotesError("unbalanced braces: '{' without '}'", pos=tokens[i].pos)


class MacroTable:
    """The macros of one file: :data:`ALIASES` and the file's own definitions."""

    def __init__(self):
        self.macros: dict[str, Macro] = {
            name: Macro(name, 0, tuple(tokenize(text))) for name, text in ALIASES.items()}
        self.own = 0
        self.patterns: list[tuple[tuple[Token, ...], tuple[Token, ...]]] = []  # literal TeX -> its body

    def add(self, name: str, body: str, *, pos: int | None = None) -> None:
        """A declared macro: a control sequence (``\\R``, ``#1``... for arguments), or a literal pattern
        (``P(\\mathbf{X}; \\mathbf{A})``, ``\\mathbf{S}``) replaced by its body wherever it is written."""
        if name.startswith("\\") and len(name) > 1 and (name[1:].isalpha() or len(name) == 2):
            nargs = max([int(body[k + 1]) for k in range(len(body) - 1) if body[k] == "#" and body[k + 1].isdigit()],
                        default=0)
            self.define(name, nargs, body, pos=pos)
            return
        if len(name) > MAX_BODY_CHARS or len(body) > MAX_BODY_CHARS:
            raise NotesError(f"macro {name[:40]!r}: longer than {MAX_BODY_CHARS} characters", pos=pos)
        pattern = tuple(clean(self.expand(tokenize(name)))[0])
        if not pattern:
            raise NotesError(f"macro {name!r}: an empty pattern", pos=pos)
        self.own += 1
        if self.own > MAX_MACROS:
            raise NotesError(f"more than {MAX_MACROS} macro definitions", pos=pos)
        # the body uses the patterns defined before it (once: nothing is rescanned, so nothing loops)
        self.patterns.append((pattern, tuple(self.replace_patterns(clean(self.expand(tokenize(body)))[0]))))
        self.patterns.sort(key=lambda p: -len(p[0]))  # the longest pattern first

    def replace_patterns(self, tokens: list[Token]) -> list[Token]:
        """``tokens`` with each literal pattern replaced by its body (placed at the match; never rescanned)."""
        if not self.patterns:
            return tokens
        out: list[Token] = []
        i = 0
        while i < len(tokens):
            for pattern, body in self.patterns:
                if tuple((t.kind, t.text) for t in tokens[i:i + len(pattern)]) == tuple(
                        (t.kind, t.text) for t in pattern):
                    out.extend(Token(b.kind, b.text, tokens[i].pos) for b in body)
                    i += len(pattern)
                    break
            else:
                out.append(tokens[i])
                i += 1
            if len(out) > MAX_TOKENS:
                raise NotesError(f"formula longer than {MAX_TOKENS} tokens after macro expansion", pos=tokens[0].pos)
        return out

    def define(self, name: str, nargs: int, body: str, default: str | None = None, *, pos: int | None = None):
        """Add ``\\newcommand{name}[nargs][default]{body}``; raises :class:`NotesError` past the limits."""
        if not (name.startswith("\\") and len(name) > 1 and (name[1:].isalpha() or len(name) == 2)):
            raise NotesError(f"macro name {name!r} must be a control sequence such as \\R", pos=pos)
        if not 0 <= nargs <= 9:
            raise NotesError(f"macro {name}: 0 to 9 arguments, got {nargs}", pos=pos)
        if len(body) > MAX_BODY_CHARS:
            raise NotesError(f"macro {name}: body longer than {MAX_BODY_CHARS} characters", pos=pos)
        self.own += 1
        if self.own > MAX_MACROS:
            raise NotesError(f"more than {MAX_MACROS} macro definitions", pos=pos)
        tokens = tuple(tokenize(body, params=True))
        for t in tokens:
            if t.kind == "param" and int(t.text[1]) > nargs:
                raise NotesError(f"macro {name}: {t.text} but only {nargs} argument(s)", pos=pos)
        dflt = None if default is None else tuple(tokenize(default))
        self.macros[name] = Macro(name, nargs, tokens, dflt)

    def with_definitions(self, definitions: dict) -> MacroTable:
        """A copy with ``definitions`` (name -> body, ``#1``... for arguments) added: one line's macros."""
        table = MacroTable.__new__(MacroTable)
        table.macros, table.own, table.patterns = dict(self.macros), self.own, list(self.patterns)
        for name, body in definitions.items():
            table.add(name, body)
        return table

    def expand(self, tokens: list[Token]) -> list[Token]:
        """``tokens`` with every macro replaced by its body (arguments substituted), rescanned."""
        out: list[Token] = []
        # a stack of (tokens, index, depth): expansions are pushed and read before the rest
        stack: list[tuple[list[Token], int, int]] = [(list(tokens), 0, 0)]
        expansions = 0
        while stack:
            toks, i, depth = stack.pop()
            while i < len(toks):
                t = toks[i]
                macro = self.macros.get(t.text) if t.kind == "cs" else None
                if macro is None:
                    out.append(t)
                    i += 1
                    if len(out) > MAX_TOKENS:
                        raise NotesError(f"formula longer than {MAX_TOKENS} tokens after macro expansion",
                                         pos=t.pos)
                    continue
                expansions += 1
                if expansions > MAX_EXPANSIONS:
                    raise NotesError(f"more than {MAX_EXPANSIONS} macro expansions in one formula "
                                     f"(a recursive macro?): {t.text}", pos=t.pos)
                if depth >= MAX_DEPTH:
                    raise NotesError(f"macros nested deeper than {MAX_DEPTH} (a recursive macro?): {t.text}",
                                     pos=t.pos)
                j = i + 1
                args: list[list[Token]] = []
                count = macro.nargs
                if macro.default is not None:
                    count -= 1
                    if j < len(toks) and toks[j].is_char("["):
                        k = j + 1
                        while k < len(toks) and not toks[k].is_char("]"):
                            k += 1
                        if k >= len(toks):
                            raise NotesError(f"{t.text}: '[' without ']'", pos=toks[j].pos)
                        args.append(toks[j + 1:k])
                        j = k + 1
                    else:
                        args.append(list(macro.default))
                for _ in range(count):
                    arg, j = _group(toks, j)
                    args.append(arg)
                body: list[Token] = []  # the body at the place of the call, arguments substituted
                for b in macro.body:
                    body.extend(args[int(b.text[1]) - 1] if b.kind == "param" else [Token(b.kind, b.text, t.pos)])
                if len(body) > MAX_TOKENS:
                    raise NotesError(f"{t.text}: expansion longer than {MAX_TOKENS} tokens", pos=t.pos)
                stack.append((toks, j, depth))
                stack.append((body, 0, depth + 1))
                break
        return out


def clean(tokens: list[Token]) -> tuple[list[Token], list[str]]:
    """Drop layout commands (:data:`DROPPED`, :data:`DROPPED_WITH_ARGUMENT`); return the rest and the labels."""
    out: list[Token] = []
    labels: list[str] = []
    i = 0
    while i < len(tokens):
        t = tokens[i]
        if t.kind == "cs" and t.text in DROPPED:
            i += 1
            if t.text in _SIZED and i < len(tokens) and tokens[i].is_char("."):
                i += 1  # \left. and \right. are invisible delimiters
            continue
        if t.kind == "char" and t.text == "~":
            i += 1
            continue
        if t.kind == "cs" and t.text in DROPPED_WITH_ARGUMENT:
            i += 1
            if i < len(tokens) and tokens[i].is_char("*"):  # \tag*{...}
                i += 1
            arg, i = _group(tokens, i)
            if t.text == r"\label":
                labels.append("".join(a.text for a in arg))
            continue
        out.append(t)
        i += 1
    return out, labels
