"""A recursive-descent parser for one side of a relation: tokens in, a :mod:`~verify.notes.mathtree` out.

The grammar (a documented subset of TeX math; anything else is an error naming
the token and its position)::

    expr    := [+|-] term ((+ | -) term)*
    term    := factor ((\\cdot | \\times | * | / | \\odot | \\otimes | <nothing>) factor)*
    factor  := (- | +) factor | postfix
    postfix := primary (^arg | _arg | ')* [ (args) ] [ ! ]      (n! is the factorial)
    primary := number | letter | \\greek | \\mathbf{..} and other fonts | \\hat{..} | (expr) | [expr] | {expr}
             | |expr| | \\|expr\\| | \\langle expr, expr \\rangle | \\frac{..}{..} | \\sqrt[..]{..} | \\binom{..}{..}
             | \\log x | \\sum_{..}^{..} term | \\nabla_{..} term | \\frac{\\partial}{\\partial x} term | ...

Operators written without brackets take the next factor (``\\log x^2`` is
``log(x^2)``, ``\\det A \\det B`` is ``det(A)*det(B)``) or, for ``\\sum``, ``\\prod``, ``\\nabla``,
derivative operators and the words ``tr``, ``diag``, ``E``, ``Var``, the rest of the product
(``\\sum_i a_i b_i``, ``\\operatorname{tr} AB``).  A derivative operator or ``\\nabla``
followed by ``[...]`` takes that bracket only.

    >>> parse_tokens(tokenize(r"\\frac{\\partial}{\\partial x}[x^T A x]")).__class__.__name__
    'Deriv'
"""

from __future__ import annotations

from .errors import NotesError
from .mathtree import (
    Abs,
    Apply,
    BinOp,
    Event,
    Group,
    Ident,
    Integral,
    Neg,
    Node,
    Num,
    Op,
    Script,
)
from .names import FUNCTION_WORDS
from .parse_commands import Commands
from .parse_rules import (
    REFUSED,
    applicable,
    is_relation,
    moment_head,
    probability_head,
    sup_mark,
)
from .tokens import Token, text_of, tokenize

__all__ = ["parse_tokens", "MAX_PARSE_DEPTH"]

MAX_PARSE_DEPTH = 60
_PRODUCT_OPS = {r"\cdot": "*", r"\times": "*", "*": "*", "/": "/", r"\div": "/", r"\odot": "odot",
                r"\otimes": "otimes"}
_CLOSERS = {")", "]", "}", r"\}", r"\rangle", ",", ";", "&", r"\\"}  # | and \| close only where opened
_OPENERS = {"(": ")", "[": "]", "{": "}", r"\{": r"\}"}
_NOT_PRIMARY = {r"\quad", r"\qquad", r"\pm", r"\mp", r"\circ", r"\mid", r"\setminus", r"\cup", r"\cap"}


_FONT_COMMANDS = (r"\mathsf", r"\mathrm", r"\mathbf", r"\mathit", r"\text", r"\boldsymbol", r"\bm")

class _Parser(Commands):
    def __init__(self, tokens: list[Token], depth: int = 0):
        self.t = tokens
        self.i = 0
        self.depth = depth
        if depth > MAX_PARSE_DEPTH:
            raise NotesError(f"formula nested deeper than {MAX_PARSE_DEPTH} levels",
                             pos=tokens[0].pos if tokens else None)

    # -- helpers ------------------------------------------------------------------------------------
    def peek(self, k: int = 0) -> Token | None:
        j = self.i + k
        return self.t[j] if j < len(self.t) else None

    def next(self) -> Token:
        tok = self.peek()
        if tok is None:
            raise NotesError("the formula ends too early" + (f" after {text_of(self.t[-3:])!r}" if self.t else ""),
                             pos=self.t[-1].pos if self.t else None)
        self.i += 1
        return tok

    def expect(self, text: str, what: str) -> Token:
        tok = self.peek()
        if tok is None or tok.text != text:
            found = "the end of the formula" if tok is None else repr(tok.text)
            raise NotesError(f"expected {text!r} to close {what}, found {found}",
                             pos=(tok or self.t[-1]).pos if self.t else None)
        return self.next()

    def sub(self, tokens: list[Token]) -> Node:
        return _Parser(tokens, self.depth + 1).parse_all()

    def raw_argument(self) -> list[Token]:
        """A macro argument: ``{...}`` without its braces, or one token (the first digit of a number)."""
        tok = self.next()
        if tok.is_char("{"):
            start, depth = self.i, 1
            while True:
                t = self.next()
                if t.is_char("{"):
                    depth += 1
                elif t.is_char("}"):
                    depth -= 1
                    if depth == 0:
                        return self.t[start:self.i - 1]
        if tok.kind == "num" and len(tok.text) > 1 and "." not in tok.text:  # \frac12
            self.t = self.t[:self.i - 1] + [Token("num", tok.text[0], tok.pos),
                                            Token("num", tok.text[1:], tok.pos + 1)] + self.t[self.i:]
            return [self.t[self.i - 1]]
        if tok.kind == "char" and tok.text in "}])":
            raise NotesError(f"a command is missing its argument before {tok.text!r}", pos=tok.pos)
        return [tok]

    def plain_word(self, tok: Token) -> str | None:
        """Letters written together that spell a function word of two or more letters right before ``(``
        (``KL(p, q)``, ``Var(X)``): that word, its letters consumed; otherwise None (``ab`` is a times b)."""
        letters, k = [tok], 0
        while (t := self.peek(k)) is not None and t.kind == "letter" and t.pos == letters[-1].pos + 1:
            letters.append(t)
            k += 1
        word = "".join(t.text for t in letters)
        after = self.peek(k)
        if len(word) < 2 or word not in FUNCTION_WORDS or after is None or not after.is_char("("):
            return None
        self.i += k
        return word

    def argument(self) -> Node:
        tokens = self.raw_argument()
        if not tokens:
            raise NotesError("an empty argument {}", pos=self.t[self.i - 1].pos)
        return self.sub(tokens)

    # -- grammar ------------------------------------------------------------------------------------
    def parse_all(self) -> Node:
        if not self.t:
            raise NotesError("an empty expression")
        node = self.expr(frozenset())
        tok = self.peek()
        if tok is not None:
            raise NotesError(f"cannot read {tok.text!r} here", pos=tok.pos)
        return node

    def expr(self, stop: frozenset) -> Node:
        tok = self.peek()
        if tok is not None and tok.is_char("+", "-"):
            self.next()
            node = self.term(stop)
            node = Neg(tok.pos, node) if tok.text == "-" else node
        else:
            node = self.term(stop)
        while (tok := self.peek()) is not None and tok.is_char("+", "-") and tok.text not in stop:
            self.next()
            node = BinOp(tok.pos, tok.text, node, self.term(stop))
        if tok is not None and tok.is_cs(r"\pm", r"\mp", r"\circ", r"\mid") and tok.text not in stop:
            raise NotesError(REFUSED[tok.text], pos=tok.pos)
        return node

    def starts_primary(self, tok: Token, stop: frozenset) -> bool:
        if tok.text in stop:
            return False
        if tok.kind in ("letter", "num", "text"):
            return True
        if tok.kind == "char":
            return tok.text in "([{|"
        if tok.kind == "cs":
            return tok.text not in _PRODUCT_OPS and tok.text not in _CLOSERS and tok.text not in _NOT_PRIMARY \
                and not is_relation(tok)
        return False

    def term(self, stop: frozenset) -> Node:
        node = self.factor(stop)
        while (tok := self.peek()) is not None:
            if tok.text in _PRODUCT_OPS and tok.text not in stop and tok.kind in ("cs", "char"):
                self.next()
                node = BinOp(tok.pos, _PRODUCT_OPS[tok.text], node, self.factor(stop))
            elif self.starts_primary(tok, stop):
                node = BinOp(tok.pos, "*", node, self.factor(stop))
            else:
                break
        return node

    def factor(self, stop: frozenset) -> Node:
        tok = self.peek()
        if tok is not None and tok.is_char("-", "+"):
            self.next()
            inner = self.factor(stop)
            return Neg(tok.pos, inner) if tok.text == "-" else inner
        return self.postfix(stop)

    def operand(self, stop: frozenset) -> Node:
        """What an operator applies to: a following ``[...]``, else the rest of the product."""
        tok = self.peek()
        if tok is None or not self.starts_primary(tok, stop):
            raise NotesError("an operator without its operand", pos=(tok or self.t[-1]).pos)
        if tok.is_char("["):
            return self.postfix(stop)
        return self.term(stop)

    def postfix(self, stop: frozenset) -> Node:
        node = self.primary(stop)
        if isinstance(node, (Op, Integral)):  # its body took the rest: nothing follows an operator's body
            return node
        return self.scripts(node, stop)

    def scripts(self, node: Node, stop: frozenset) -> Node:
        sub_tokens: tuple = ()
        sup = None
        mark = ""
        primes = 0
        while (tok := self.peek()) is not None:
            if tok.is_char("_") and not sub_tokens:
                self.next()
                sub_tokens = tuple(self.raw_argument())
            elif tok.is_char("^") and sup is None and not mark:
                self.next()
                raw = self.raw_argument()
                if len(raw) == 1 and raw[0].is_cs(*_FONT_COMMANDS) and (nxt := self.peek()) is not None \
                        and nxt.is_char("{"):  # ^\mathsf{T}: the font command takes its group along
                    start = self.i
                    self.raw_argument()
                    raw = raw + self.t[start:self.i]
                mark = sup_mark(raw)
                if mark == "'":
                    primes += 1
                    mark = ""
                elif not mark:
                    sup = self.sub(raw) if raw else None
            elif tok.is_char("'"):
                self.next()
                primes += 1
            else:
                break
        if sub_tokens or sup is not None or mark or primes:
            node = Script(node.pos, node, sub_tokens=sub_tokens, sup=sup, sup_mark=mark, primes=primes)
        tok = self.peek()
        if tok is not None and tok.is_char("(") and probability_head(node) and self.holds_relation():
            start = self.i + 1
            self.group_tokens()
            return Event(node.pos, node, tuple(self.t[start:self.i - 1]))
        if tok is not None and tok.is_char("(", "[") and moment_head(node) and self.conditional_bar():
            return self.scripts(self.conditional_moment(node), stop)  # E[X \mid Y], Var(X | Y)
        if tok is not None and tok.is_char("(", "[") and applicable(node, tok.text):
            group = self.group(self.next())
            return self.scripts(Apply(node.pos, node, group.items, tok.text), stop)
        if tok is not None and tok.is_char("!"):  # n!, (n + 1)!: TeX has no != (a != b renders as a! = b)
            self.next()
            if (after := self.peek()) is not None and after.is_char("!"):
                raise NotesError("n!! is the double factorial (n(n - 2)(n - 4)...), which the claim grammar does "
                                 "not have; write (n!)! for the factorial of a factorial", pos=tok.pos)
            return self.scripts(Apply(tok.pos, Ident(tok.pos, "factorial", "op", word=True), (node,)), stop)
        return node

    def group_tokens(self) -> None:
        """Step over ``(...)`` at the current token, nested brackets included."""
        depth = 0
        while True:
            t = self.next()
            if t.text in _OPENERS and t.kind in ("char", "cs"):
                depth += 1
            elif t.text in (")", "]", "}", r"\}") and t.kind in ("char", "cs"):
                depth -= 1
                if depth == 0:
                    return

    def top_level(self):
        """``(k, token)`` for the tokens at the top level of the bracket at the current token (none if unclosed)."""
        depth, k, found = 0, self.i, []
        while k < len(self.t):
            t = self.t[k]
            if t.text in _OPENERS and t.kind in ("char", "cs"):
                depth += 1
            elif t.text in (")", "]", "}", r"\}") and t.kind in ("char", "cs"):
                depth -= 1
                if depth == 0:
                    return found
            elif depth == 1:
                found.append((k, t))
            k += 1
        return []

    def holds_relation(self) -> bool:
        """Whether the bracket at the current token holds a relation or a conditioning bar at its top level."""
        return any(t.is_char("=", "<", ">") or is_relation(t) or t.is_cs(r"\mid")
                   or (t.is_char("|") and k > self.i + 1)  # P(Y | X); P(|X| ...) is abs
                   for k, t in self.top_level())

    def conditional_bar(self) -> bool:
        """Whether the bracket at the current token holds exactly one bar (``\\mid`` or ``|``) at its top level."""
        return sum(1 for _, t in self.top_level() if t.is_cs(r"\mid") or t.is_char("|")) == 1

    def conditional_moment(self, head: Node) -> Node:
        """``E[X \\mid Y]``: the head applied to one ``BinOp("|", X, Y)`` (read only by the moments' translation)."""
        open_tok = self.next()
        close = _OPENERS[open_tok.text]
        left = self.expr(frozenset({r"\mid", "|", close}))
        bar = self.next()
        right = self.expr(frozenset({close}))
        self.expect(close, "the bracket of a conditional moment")
        return Apply(head.pos, head, (BinOp(bar.pos, "|", left, right),), open_tok.text)

    def group(self, open_tok: Token) -> Group:
        close = _OPENERS[open_tok.text]
        items = []
        inner = frozenset({",", close})
        if self.peek() is not None and self.peek().text == close:
            raise NotesError(f"empty brackets {open_tok.text}{close}", pos=open_tok.pos)
        while True:
            items.append(self.expr(inner))
            tok = self.peek()
            if tok is not None and tok.is_char(","):
                self.next()
                continue
            if tok is not None and tok.is_char(";"):
                raise NotesError("a ';' inside brackets (a parameter list such as P(x; theta)) is not in the claim "
                                 "grammar", pos=tok.pos)
            if tok is not None and (tok.is_char("=", "<", ">") or is_relation(tok)):
                raise NotesError(f"a relation {tok.text!r} inside brackets (an event such as P(X = x), or a set) is "
                                 "not in the claim grammar", pos=tok.pos)
            self.expect(close, f"the {open_tok.text!r} opened here")
            return Group(open_tok.pos, open_tok.text, tuple(items))

    def primary(self, stop: frozenset) -> Node:
        tok = self.next()
        if tok.kind == "num":
            return Num(tok.pos, tok.text)
        if tok.kind == "letter":
            word = self.plain_word(tok)
            return self.word(tok, word, "op", stop) if word else Ident(tok.pos, tok.text)
        if tok.kind == "text":
            word = tok.text.strip()
            if word.isascii() and word.isalpha():
                return self.word(tok, word, "text", stop)
            raise NotesError(f"prose inside a formula: \\text{{{tok.text}}}", pos=tok.pos)
        if tok.kind == "char":
            if tok.text in _OPENERS:
                return self.group(tok)
            if tok.text == "|":
                body = self.expr(stop | {"|"})
                self.expect("|", "the absolute value or determinant |...| (a conditional bar P(A | B) is not "
                                 "supported)")
                return Abs(tok.pos, body)
            raise NotesError(f"cannot read {tok.text!r} here", pos=tok.pos)
        if tok.kind != "cs":
            raise NotesError(f"cannot read {tok.text!r} here", pos=tok.pos)
        return self.command(tok, stop)

def parse_tokens(tokens: list[Token]) -> Node:
    """The tree of one expression; raises :class:`~verify.notes.errors.NotesError` where it cannot read."""
    from .divergence import rewrite_divergences

    return _Parser(rewrite_divergences(list(tokens))).parse_all()


def parse_text(text: str) -> Node:
    """Parse TeX written as a string (tests, doctests)."""
    return parse_tokens(tokenize(text))
