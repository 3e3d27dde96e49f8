"""A recursive-descent parser for one side of a relation: tokens in, a :mod:`~verify.notes.mathtree` out.

The grammar (a documented subset of TeX math; anything else is an error naming
the token and its position)::

    expr    := [+|-] term ((+ | -) term)*
    term    := factor ((\\cdot | \\times | * | / | \\odot | \\otimes | <nothing>) factor)*
    factor  := (- | +) factor | postfix
    postfix := primary (^arg | _arg | ')* [ (args) ]
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
    Deriv,
    Event,
    Frac,
    Group,
    Ident,
    Inner,
    Neg,
    Node,
    Norm,
    Num,
    Op,
    Script,
    Sqrt,
)
from .names import DECORATIONS, FONTS, FUNCTION_WORDS, GREEK, LOG_LIKE, REST_OPERATORS, REST_WORDS
from .tokens import Token, text_of, tokenize

__all__ = ["parse_tokens", "MAX_PARSE_DEPTH"]

MAX_PARSE_DEPTH = 60
_PRODUCT_OPS = {r"\cdot": "*", r"\times": "*", "*": "*", "/": "/", r"\div": "/", r"\odot": "odot",
                r"\otimes": "otimes"}
_CLOSERS = {")", "]", "}", r"\}", r"\rangle", ",", ";", "&", r"\\"}  # | and \| close only where opened
_OPENERS = {"(": ")", "[": "]", "{": "}", r"\{": r"\}"}
_NOT_PRIMARY = {r"\quad", r"\qquad", r"\pm", r"\mp", r"\circ", r"\mid", r"\setminus", r"\cup", r"\cap"}
_REFUSED = {  # commands recognised, with what to write instead
    r"\infty": "infinity is not a value the checker can use",
    r"\ldots": "an ellipsis (...) cannot be read: write the sum or product with \\sum or \\prod and its bounds",
    r"\int": "integrals are not in the claim grammar", r"\iint": "integrals are not in the claim grammar",
    r"\oint": "integrals are not in the claim grammar",
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
_WRAPPERS = {r"\underbrace", r"\overbrace", r"\boxed", r"\underset", r"\overset", r"\mathring"}


def _name_token(t: Token) -> str | None:
    if t.kind == "letter":
        return t.text
    if t.kind == "cs" and t.text[1:] in GREEK:
        return GREEK[t.text[1:]]
    return None


class _Parser:
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
        if tok is not None and tok.is_cs(r"\pm", r"\mp", r"\circ", r"\mid"):
            raise NotesError(_REFUSED[tok.text], pos=tok.pos)
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
                and not _is_relation(tok)
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
        if isinstance(node, Op):  # its body took the rest: nothing follows an operator's body
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
                mark = _sup_mark(raw)
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
        if tok is not None and tok.is_char("(") and _probability(node) and self.holds_relation():
            start = self.i + 1
            self.group_tokens()
            return Event(node.pos, node, tuple(self.t[start:self.i - 1]))
        if tok is not None and tok.is_char("(", "[") and _applicable(node, tok.text):
            group = self.group(self.next())
            return self.scripts(Apply(node.pos, node, group.items, tok.text), stop)
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

    def holds_relation(self) -> bool:
        """Whether the bracket at the current token holds a relation or a conditioning bar at its top level."""
        depth, k = 0, self.i
        while k < len(self.t):
            t = self.t[k]
            if t.text in _OPENERS and t.kind in ("char", "cs"):
                depth += 1
            elif t.text in (")", "]", "}", r"\}") and t.kind in ("char", "cs"):
                depth -= 1
                if depth == 0:
                    return False
            elif depth == 1 and (t.is_char("=", "<", ">") or _is_relation(t) or t.is_cs(r"\mid")):
                return True
            k += 1
        return False

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
            if tok is not None and (tok.is_char("=", "<", ">") or _is_relation(tok)):
                raise NotesError(f"a relation {tok.text!r} inside brackets (an event such as P(X = x), or a set) is "
                                 "not in the claim grammar", pos=tok.pos)
            self.expect(close, f"the {open_tok.text!r} opened here")
            return Group(open_tok.pos, open_tok.text, tuple(items))

    def primary(self, stop: frozenset) -> Node:
        tok = self.next()
        if tok.kind == "num":
            return Num(tok.pos, tok.text)
        if tok.kind == "letter":
            return Ident(tok.pos, tok.text)
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

    def command(self, tok: Token, stop: frozenset) -> Node:
        cs = tok.text
        if cs[1:] in GREEK:
            return Ident(tok.pos, GREEK[cs[1:]])
        if cs == r"\{":
            return self.group(tok)
        if cs == r"\|":
            body = self.expr(stop | {r"\|"})
            self.expect(r"\|", "the norm \\|...\\|")
            norm_sub = ""
            if self.peek() is not None and self.peek().is_char("_"):
                self.next()
                norm_sub = "".join(t.text for t in self.raw_argument())
            return Norm(tok.pos, body, norm_sub)
        if cs == r"\langle":
            left = self.expr(frozenset({",", r"\rangle"}))
            self.expect(",", "the inner product \\langle u, v \\rangle")
            right = self.expr(frozenset({r"\rangle"}))
            self.expect(r"\rangle", "the inner product \\langle u, v \\rangle")
            return Inner(tok.pos, left, right)
        if cs in FONTS:
            return self.font(tok, FONTS[cs], stop)
        if cs in DECORATIONS:
            inner = self.argument()
            if not isinstance(inner, Ident):
                raise NotesError(f"{cs} must decorate one name, such as {cs}{{x}}", pos=tok.pos)
            return Ident(tok.pos, inner.name, inner.font, inner.decorations + (DECORATIONS[cs],), inner.word)
        if cs == r"\frac":
            return self.fraction(tok, stop)
        if cs == r"\sqrt":
            index = None
            if self.peek() is not None and self.peek().is_char("["):
                self.next()
                start = self.i
                while not self.next().is_char("]"):
                    pass
                index = self.sub(self.t[start:self.i - 1])
            return Sqrt(tok.pos, self.argument(), index)
        if cs == r"\binom":
            top = self.argument()
            return Apply(tok.pos, Ident(tok.pos, "binomial", "op", word=True), (top, self.argument()))
        if cs in _WRAPPERS:
            if cs in (r"\underset", r"\overset"):
                self.raw_argument()
            body = self.argument()
            nxt = self.peek()
            if cs in (r"\underbrace", r"\overbrace") and nxt is not None and nxt.is_char("_", "^"):
                self.next()
                self.raw_argument()  # the brace's label
            return body
        if cs in LOG_LIKE:
            return self.function(tok, LOG_LIKE[cs], rest=False, stop=stop)
        if cs in REST_OPERATORS:
            name = REST_OPERATORS[cs]
            if name in ("sum", "prod", "nabla"):
                return self.big_operator(tok, name, stop)
            if name == "partial" and self.peek() is not None and self.peek().is_char("_"):
                self.next()
                var = self.sub(self.raw_argument())
                return Deriv(tok.pos, (var,), self.operand(stop))
            if name == "det":
                return self.function(tok, "det", rest=False, stop=stop)
        if cs in _REFUSED:
            raise NotesError(_REFUSED[cs], pos=tok.pos)
        if _is_relation(tok):
            raise NotesError(f"a relation {cs} inside an expression", pos=tok.pos)
        raise NotesError(f"unknown command {cs}: define it with \\newcommand in the preamble (LaTeX) or under "
                         "'macros' in the front matter (Markdown)", pos=tok.pos)

    def font(self, tok: Token, font: str, stop: frozenset) -> Node:
        if font == "op" and self.peek() is not None and self.peek().is_char("*"):
            self.next()  # \operatorname*
        raw = self.raw_argument()
        names = [_name_token(t) for t in raw]
        if raw and all(t.kind == "num" for t in raw) and font == "bf" and len(raw) == 1:
            return Ident(tok.pos, raw[0].text, "bf")  # \mathbf{0}, \mathbf{1}
        if len(raw) == 1 and raw[0].kind == "text":
            names = [raw[0].text.strip()] if raw[0].text.strip().isalpha() else [None]
        if not raw or any(n is None for n in names):
            raise NotesError(f"a font group must hold a name, such as \\mathbf{{x}}; got {text_of(raw)!r}",
                             pos=tok.pos)
        if font in ("rm", "op", "text"):
            return self.word(tok, "".join(names), font, stop)
        if len(names) == 1:
            return Ident(tok.pos, names[0], font)
        return Ident(tok.pos, "".join(names), font, word=True)

    def word(self, tok: Token, word: str, font: str, stop: frozenset) -> Node:
        if word in FUNCTION_WORDS:
            name = FUNCTION_WORDS[word]
            nxt = self.peek()
            if nxt is not None and (nxt.is_char("(", "[", "_", "^") or not self.starts_primary(nxt, stop)):
                return Ident(tok.pos, word, font, word=len(word) > 1)  # applied in scripts(), or a bare name
            return self.function(tok, name, rest=name in REST_WORDS, stop=stop, word=word, font=font)
        return Ident(tok.pos, word, font, word=len(word) > 1)

    def function(self, tok: Token, name: str, *, rest: bool, stop: frozenset, word: str | None = None,
                 font: str = "op") -> Node:
        """``\\log x``, ``\\log^2(x)``, ``\\log_2 x``, ``\\det A``: brackets make an Apply, else an Op."""
        sub_tokens: tuple = ()
        power = None
        while (nxt := self.peek()) is not None and nxt.is_char("_", "^"):
            self.next()
            raw = self.raw_argument()
            if nxt.text == "_":
                sub_tokens = tuple(raw)
            else:
                power = self.sub(raw)
        head = Ident(tok.pos, word or name, font, word=True)
        nxt = self.peek()
        if nxt is not None and nxt.is_char("(", "["):
            func = Script(tok.pos, head, sub_tokens=sub_tokens) if sub_tokens else head
            group = self.group(self.next())
            node: Node = Apply(tok.pos, func, group.items, nxt.text)
            if power is not None:
                node = Script(tok.pos, node, sup=power)
            return self.scripts(node, stop)
        body = self.term(stop) if rest else self.factor(stop)
        return Op(tok.pos, name, sub_tokens=sub_tokens, body=body, power=power)

    def big_operator(self, tok: Token, name: str, stop: frozenset) -> Node:
        sub_tokens: tuple = ()
        sup = None
        while (nxt := self.peek()) is not None and nxt.is_char("_", "^"):
            self.next()
            raw = self.raw_argument()
            if nxt.text == "_":
                sub_tokens = tuple(raw)
            else:
                sup = self.sub(raw)
        body = self.operand(stop) if name == "nabla" else self.term(stop)
        return Op(tok.pos, name, sub_tokens=sub_tokens, sup=sup, body=body)

    def fraction(self, tok: Token, stop: frozenset) -> Node:
        num, den = self.raw_argument(), self.raw_argument()
        kind = _derivative_kind(num, den)
        if kind is None:
            if not num or not den:
                raise NotesError("a fraction with an empty numerator or denominator", pos=tok.pos)
            return Frac(tok.pos, self.sub(num), self.sub(den))
        variables = _derivative_variables(den, kind, self.depth)
        body_tokens = _strip_differential(num, kind)
        order_num = _order(num, kind)
        if order_num is not None and order_num != len(variables):
            raise NotesError(f"the derivative's order {order_num} differs from its {len(variables)} variable(s)",
                             pos=tok.pos)
        if body_tokens:
            return Deriv(tok.pos, variables, self.sub(body_tokens), kind)
        return Deriv(tok.pos, variables, self.operand(stop), kind)


def _is_relation(tok: Token) -> bool:
    from .split import RELATION_COMMANDS

    return tok.kind == "cs" and tok.text in RELATION_COMMANDS


def _sup_mark(raw: list[Token]) -> str:
    text = "".join(t.text for t in raw)
    if text in ("T", r"\top", r"\mathsf{T}", r"\mathrm{T}", r"\mathsfT", r"\mathrmT", r"\intercal"):
        return "T"
    if text in ("-1",):
        return "-1"
    if text in ("-T", r"-\top", r"-\mathsf{T}", r"-\mathrm{T}"):
        return "-T"
    if text in ("*", r"\star", r"\ast"):
        return "*"
    if text in (r"\prime", "'"):
        return "'"
    if text == r"\dagger":
        return "+"
    return ""


def _probability(node: Node) -> bool:
    """``P``, ``\\Pr``, ``\\mathbb{P}``, ``\\operatorname{P}`` (with a subscript or not)."""
    base = node.base if isinstance(node, Script) and node.sup is None and not node.sup_mark else node
    return isinstance(base, Ident) and base.name in ("P", "Pr") and base.font in ("", "bb", "op", "rm", "text")


def _applicable(node: Node, bracket: str) -> bool:
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


def _derivative_kind(num: list[Token], den: list[Token]) -> str | None:
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


def _differential_length(tokens: list[Token], kind: str) -> int:
    if kind == "partial" or tokens[0].kind == "letter":
        return 1
    return 4  # \mathrm { d }


def _order(num: list[Token], kind: str) -> int | None:
    k = _differential_length(num, kind)
    if len(num) > k + 1 and num[k].is_char("^") and num[k + 1].kind == "num":
        return int(num[k + 1].text)
    return None


def _strip_differential(num: list[Token], kind: str) -> list[Token]:
    k = _differential_length(num, kind)
    if len(num) > k + 1 and num[k].is_char("^"):
        k += 2
    return num[k:]


def _derivative_variables(den: list[Token], kind: str, depth: int) -> tuple[Node, ...]:
    """``\\partial x \\partial y^2`` -> (x, y, y); ``dx`` -> (x,)."""
    out: list[Node] = []
    i = 0
    while i < len(den):
        k = _differential_length(den[i:], kind)
        if not (den[i].is_cs(r"\partial") if kind == "partial" else
                (den[i].kind == "letter" and den[i].text == "d") or den[i].is_cs(r"\mathrm")):
            raise NotesError(f"a derivative's denominator must read \\partial x \\partial y ..., got "
                             f"{text_of(den)!r}", pos=den[i].pos)
        i += k
        j = i
        p = _Parser(den[i:], depth + 1)
        var = p.primary(frozenset())
        var = p.scripts(var, frozenset({"^"}))
        i += p.i
        power = 1
        if isinstance(var, Script) and var.sup is not None:
            if not isinstance(var.sup, Num) or "." in var.sup.text:
                raise NotesError("a derivative's order must be a number", pos=den[j].pos)
            power = int(var.sup.text)
            var = Script(var.pos, var.base, sub_tokens=var.sub_tokens) if var.sub_tokens else var.base
        out.extend([var] * power)
    return tuple(out)


def parse_tokens(tokens: list[Token]) -> Node:
    """The tree of one expression; raises :class:`~verify.notes.errors.NotesError` where it cannot read."""
    return _Parser(list(tokens)).parse_all()


def parse_text(text: str) -> Node:
    """Parse TeX written as a string (tests, doctests)."""
    return parse_tokens(tokenize(text))
