"""The commands of TeX math: ``\\frac``, fonts, function words, ``\\sum``, ``\\nabla``, derivatives.

A mixin of :class:`verify.notes.parse._Parser` (which provides ``next``, ``peek``,
``sub``, ``raw_argument``, ``argument``, ``group``, ``expr``, ``term``, ``factor``,
``operand`` and ``scripts``): one method per kind of command.
"""

from __future__ import annotations

from .errors import NotesError
from .mathtree import Apply, BinOp, Deriv, Frac, Ident, Inner, Node, Norm, Num, Op, Script, Sqrt
from .names import (
    DECORATIONS,
    FONTS,
    FUNCTION_WORDS,
    GREEK,
    JUXTAPOSING,
    LOG_LIKE,
    REST_OPERATORS,
    REST_WORDS,
    ends_juxtaposition,
)
from .parse_rules import (
    REFUSED,
    derivative_kind,
    derivative_order,
    differential_length,
    is_relation,
    strip_differential,
    sup_mark,
)
from .tokens import Token, text_of
from .word_scripts import ambiguous_inverse, inverse_or_reciprocal

__all__ = ["Commands"]

_WRAPPERS = {r"\underbrace", r"\overbrace", r"\boxed", r"\underset", r"\overset", r"\mathring"}
_ROUNDING = {r"\lceil": ("ceiling", r"\rceil"), r"\lfloor": ("floor", r"\rfloor")}  # opener -> (function, closer)


def _name_token(t: Token) -> str | None:
    if t.kind == "letter":
        return t.text
    if t.kind == "cs" and t.text[1:] in GREEK:
        return GREEK[t.text[1:]]
    return None


class Commands:
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
        if cs == r"\int":
            from .parse_integrals import integral

            return integral(self, tok, stop)
        if cs in _ROUNDING:  # \lceil x \rceil, \lfloor x \rfloor: ceiling(x), floor(x)
            word, close = _ROUNDING[cs]
            body = self.expr(stop | {close})
            self.expect(close, f"the {cs} opened here")
            return Apply(tok.pos, Ident(tok.pos, word, "op", word=True), (body,), "(")
        if cs in REFUSED:
            raise NotesError(REFUSED[cs], pos=tok.pos)
        if is_relation(tok):
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
                if inverse_or_reciprocal(power, sup_mark(raw)):  # \tanh^{-1}(z), \log^{-1} x: which one?
                    raise ambiguous_inverse(word or name, tok)
        head = Ident(tok.pos, word or name, font, word=True)
        nxt = self.peek()
        if nxt is not None and nxt.is_char("(", "["):
            func = Script(tok.pos, head, sub_tokens=sub_tokens) if sub_tokens else head
            group = self.group(self.next())
            node: Node = Apply(tok.pos, func, group.items, nxt.text)
            if power is not None:
                node = Script(tok.pos, node, sup=power)
            return self.scripts(node, stop)
        body = self.term(stop) if rest else self.juxtaposed(stop) if name in JUXTAPOSING else self.factor(stop)
        return Op(tok.pos, name, sub_tokens=sub_tokens, body=body, power=power)

    def juxtaposed(self, stop: frozenset) -> Node:
        """The argument of ``\\log``, ``\\sin``, ``\\det`` without brackets: the factors written next to each other,
        up to the next function or operator (``\\log 2\\pi\\sigma^2`` is log(2 pi sigma^2), ``\\sin x \\cos x`` is
        sin(x) cos(x)); ``\\cdot``, ``+``, a relation end it too."""
        node = self.factor(stop)
        while (tok := self.peek()) is not None and self.starts_primary(tok, stop) and not ends_juxtaposition(tok):
            node = BinOp(tok.pos, "*", node, self.factor(stop))
        return node

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
        kind = derivative_kind(num, den)
        if kind is None:
            if not num or not den:
                raise NotesError("a fraction with an empty numerator or denominator", pos=tok.pos)
            return Frac(tok.pos, self.sub(num), self.sub(den))
        variables = _derivative_variables(type(self), den, kind, self.depth)
        body_tokens = strip_differential(num, kind)
        order_num = derivative_order(num, kind)
        if order_num is not None and order_num != len(variables):
            raise NotesError(f"the derivative's order {order_num} differs from its {len(variables)} variable(s)",
                             pos=tok.pos)
        if body_tokens:
            return Deriv(tok.pos, variables, self.sub(body_tokens), kind)
        return Deriv(tok.pos, variables, self.operand(stop), kind)


def _derivative_variables(parser_class, den: list[Token], kind: str, depth: int) -> tuple[Node, ...]:
    """``\\partial x \\partial y^2`` -> (x, y, y); ``dx`` -> (x,)."""
    out: list[Node] = []
    i = 0
    while i < len(den):
        k = differential_length(den[i:], kind)
        if not (den[i].is_cs(r"\partial") if kind == "partial" else
                (den[i].kind == "letter" and den[i].text == "d") or den[i].is_cs(r"\mathrm")):
            raise NotesError(f"a derivative's denominator must read \\partial x \\partial y ..., got "
                             f"{text_of(den)!r}", pos=den[i].pos)
        i += k
        j = i
        p = parser_class(den[i:], depth + 1)
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
