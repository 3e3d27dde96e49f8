"""Translation of scripts, calls, operators, sums and derivatives (the shape-free rules are in translate).

* ``\\mathbb{E}[X]``, ``E[X]`` (``E`` undeclared), ``\\mathbb{E}_{x \\sim p}[\\cdot]`` are ``E(...)``;
  ``\\mathbb{E}_{x \\sim \\mathcal{N}(\\mu, \\sigma^2)}`` also declares ``x: Normal(mu, sigma)``
  (the second parameter of ``\\mathcal{N}`` is the variance; the claim grammar's is the
  standard deviation).  ``\\mathrm{Var}``, ``\\mathbb{V}``, ``\\mathrm{Cov}`` likewise.
* ``\\operatorname{tr}``, ``\\mathrm{Tr}``, ``\\text{tr}``, ``\\det``, ``\\operatorname{diag}``,
  ``\\log``, ``\\exp``, ``\\sqrt``, ``\\tanh``, ``\\mathrm{softmax}``, ``\\sigma(\\cdot)`` are calls of
  the grammar's functions; ``\\log_b x`` is ``log(x)/log(b)``; ``\\max(0, x)`` is ``relu(x)``.
* ``\\sum_{i=1}^{n} f`` is ``sum(f, i, 1, n)`` with entries ``x[i - 1]`` (symbolic bounds where the
  claim grammar takes them, :func:`symbolic_sums_supported`), unrolled where a subscript names
  one symbol per index (``X_i`` for declared ``X_1, X_2, X_3``; numeric bounds only).  Without
  bounds, ``\\sum_i x_i`` runs over the declared length of the vectors it indexes.  ``\\prod``
  likewise (:mod:`verify.notes.sums`).
* ``F_X(t)`` is ``cdf(X, t)``, ``f_X(t)`` and ``p_X(t)`` are ``density(X, t)`` for a random variable ``X``
  (unless those names are declared).
* ``\\frac{\\partial f}{\\partial x}``, ``\\frac{\\partial}{\\partial x}[f]``, ``\\nabla_x f``,
  ``\\partial_x f`` are ``D(f, x)``; ``\\frac{\\partial^2 f}{\\partial x \\partial y}`` is
  ``D(D(f, y), x)``; ``\\nabla^2_x f`` is ``D(D(f, x), x)``; ``u'(x)`` is ``D(u, x)`` for a declared
  function ``u``.
"""

from __future__ import annotations

from functools import cache

from verify.userfile.functions import FUNCTIONS

from .errors import NotesError
from .expectations import entropy_of, expectation_over_vector, expectation_subscript, kl_of_vectors
from .mathtree import Apply, BinOp, Group, Ident, Node, Num, Op, Script
from .mgf import mgf_call, mgf_subject, mgf_value
from .names import FUNCTION_WORDS, GREEK, claim_name
from .oracle import Declarations, Oracle
from .parse import parse_tokens
from .pieces import ATOM, Piece, atom, call, div, neg, postfix, power
from .tokens import Token, text_of
from .word_scripts import (
    MATRIX_FUNCTION_WORDS,
    letter_t_mark,
    refuse_bracketed_superscript,
    refuse_matrix_function,
    word_derivative,
)

__all__ = ["script", "apply", "operator", "derivative", "symbolic_sums_supported", "NeedsUnroll"]

_EXPECT_FONTS = ("bb", "rm", "op", "text")


def _size_text(tr, sub_tokens: tuple, n: Node) -> str | None:
    """A subscript that is a size: a number or a size letter of the declarations (``I_n``, ``I_3``)."""
    text = _simple(sub_tokens)
    if text is not None and (text.isdigit() or text in tr.decl.sizes()):
        return text
    return None


def grammar_has(name: str) -> bool:
    """Whether the claim grammar has the function ``name`` (built from arguments, or from its syntax)."""
    from verify.userfile import functions

    return name in FUNCTIONS or name in getattr(functions, "WALKER_FUNCTIONS", ("sum", "E", "Var", "Cov", "MGF"))


@cache
def function_calls_supported() -> bool:
    """Whether a declared function may be called with another argument, ``u(2*t)`` (the vocabulary extension)."""
    return Oracle(Declarations({"t": "scalar", "u": "function t"})).accepts("u(2*t)")


class NeedsUnroll(Exception):
    """A subscript names one symbol per index value (``X_i`` for declared ``X_1, X_2``): unroll the sum."""


@cache
def symbolic_sums_supported() -> bool:
    """Whether the claim grammar takes a sum up to a size letter (the vocabulary extension)."""
    return Oracle(Declarations({"v": "vector n"})).accepts("sum(v[i], i, 0, n - 1)")


def _simple(tokens: tuple) -> str | None:
    """A subscript that can join a name: letters, digits and Greek letters (``11``, ``t``, ``\\theta``)."""
    out = []
    for t in tokens:
        if t.kind in ("letter", "num") and "." not in t.text:
            out.append(t.text)
        elif t.kind == "cs" and t.text[1:] in GREEK:
            out.append(GREEK[t.text[1:]])
        else:
            return None
    return "".join(out) or None


# -- scripts ------------------------------------------------------------------------------------------
def script(tr, n: Script) -> Piece:
    base, mark = n.base, n.sup_mark
    if isinstance(base, Apply) and isinstance(base.func, Ident) and base.bracket == "(" and len(base.args) == 1:
        kind = tr.decl.kind(claim_name(base.func.name, base.func.font, base.func.decorations))
        if kind is not None and kind != "function":
            # S(A + B)^{-1} with S a declared value is S times (A + B)^{-1}: the script is the bracket's
            inner = Script(n.pos, Group(base.pos, "(", base.args), sub_tokens=n.sub_tokens, sup=n.sup,
                           sup_mark=n.sup_mark, primes=n.primes)
            return tr.product(tr.node(base.func), script(tr, inner), n)
    if isinstance(base, Ident) and base.name == "e" and not base.font and n.sup is not None \
            and tr.decl.kind("e") is None and not n.sub_tokens:
        exponent = tr.node(n.sup)
        refuse_matrix_function(tr, "exp", exponent, n)  # e^{A}
        return call("exp", exponent)
    if isinstance(base, Ident) and base.word and base.font not in ("rm", "op", "text") \
            and tr.decl.kind(claim_name(base.name, base.font, base.decorations)) is None:
        # \mathbf{ab}^T is a b^T: the scripts belong to the last letter
        head = tr.node(Ident(base.pos, base.name[:-1], base.font, base.decorations, len(base.name) > 2))
        last = Script(n.pos, Ident(base.pos, base.name[-1], base.font, base.decorations), sub_tokens=n.sub_tokens,
                      sup=n.sup, sup_mark=n.sup_mark, primes=n.primes)
        return tr.product(head, script(tr, last), n)
    if isinstance(base, Ident):
        name = claim_name(base.name, base.font, base.decorations)
        suffix = ""
        if mark == "*":
            suffix, mark = "_star", ""
        if n.primes and tr.decl.kind(name) == "function" and not n.sub_tokens:
            piece = _function_derivative(tr, name, n.primes, n)
        else:
            suffix += "_prime" * n.primes
            piece = subscripted(tr, base, suffix, n.sub_tokens, n) if n.sub_tokens else tr.name(base, suffix)
    else:
        if n.primes or mark == "*":
            raise NotesError("a prime or star on an expression (not a name)", pos=n.pos)
        piece = tr.node(base)
        if n.sub_tokens:
            piece = entry(tr, piece, n.sub_tokens, n)
    if mark in ("T?", "-T?"):
        mark = letter_t_mark(tr, piece, mark, n)
        if mark == "power":  # \gamma^T with T a declared scalar
            return power(piece, atom("T") if n.sup_mark == "T?" else atom("(-T)"))
    if mark == "T":
        piece = postfix(piece, ".T")
    elif mark == "-1":
        piece = power(piece, atom("(-1)")) if tr.shape(piece, n).scalar else postfix(piece, ".I")
    elif mark == "-T":
        piece = postfix(postfix(piece, ".I"), ".T")
    elif mark == "+":
        raise NotesError("the pseudo-inverse A^+ / A^\\dagger is not in the claim grammar", pos=n.pos)
    if n.sup is not None:
        from .mathtree import Norm

        refuse_bracketed_superscript(n)  # x^{(i)}, W^{[l]}: a sample or layer index, not a power
        if isinstance(base, Norm) and isinstance(n.sup, Num) and n.sup.text == "2" and not n.sub_tokens:
            return tr.norm_squared(base)
        piece = power(piece, tr.node(n.sup))
    return piece


def _function_derivative(tr, name: str, order: int, n: Node) -> Piece:
    arg = tr.decl.function_argument(name)
    piece = atom(name)
    for _ in range(order):
        piece = call("D", piece, atom(arg))
    return piece


def subscripted(tr, base: Ident, suffix: str, sub_tokens: tuple, n: Node) -> Piece:
    """``x_i`` (an entry), ``\\eta_t`` / ``X_1`` (names), ``X_i`` in a sum (a name per index value)."""
    name = claim_name(base.name, base.font, base.decorations) + suffix
    simple = _simple(sub_tokens)
    if simple is not None and tr.decl.kind(f"{name}_{simple}") is not None:
        return atom(f"{name}_{simple}")
    kind = tr.decl.kind(name)
    if kind is None and (subject := mgf_subject(tr, base, sub_tokens)) is not None and not suffix:
        return mgf_value(tr, subject, n)  # M_X, M_{X+Y}: an MGF as a function (read at t)
    if kind is None and base.name in ("I", "0", "1") and base.font in ("", "bf", "bb") and not suffix:
        size = _size_text(tr, sub_tokens, n)  # I_n, \mathbf{0}_n, \mathbf{1}_n
        if size is not None:
            return atom({"I": f"Identity({size})", "0": f"zeros({size}, 1)", "1": f"ones({size}, 1)"}[base.name])
    if kind in ("vector", "matrix"):
        return entry(tr, atom(name), sub_tokens, n)
    if (sliced := tr.decl.sliced(name)) is not None:  # x: columns of X -- x_i is col(X, i - 1)
        return column_of(tr, name, sliced, sub_tokens, n)
    if simple is not None and simple in tr.bound:
        value = tr.bound[simple]
        if value is None:
            raise NeedsUnroll(simple)
        return tr.name(Ident(base.pos, f"{base.name}", base.font, base.decorations), f"{suffix}_{value}")
    if simple is not None:
        return tr.name(Ident(base.pos, base.name, base.font, base.decorations), f"{suffix}_{simple}")
    raise NotesError(f"cannot read the subscript {text_of(list(sub_tokens))!r} of {name!r}: a name joins "
                     "letters, digits and Greek letters (eta_t, Sigma_11); an index needs a declared vector "
                     "or matrix", pos=n.pos)


def column_of(tr, name: str, sliced: tuple[str, str], sub_tokens: tuple, n: Node) -> Piece:
    """``x_i`` with ``x: columns of X`` declared: ``col(X, i - 1)``; ``rows of X``: ``row(X, i - 1).T`` (a row of
    X, read as the column vector notes mean by x_i)."""
    how, parent = sliced
    if tr.decl.kind(parent) != "matrix":
        raise NotesError(f"{name}: {'columns' if how == 'col' else 'rows'} of {parent!r} needs {parent} declared as "
                         "a matrix", pos=n.pos)
    if any(t.is_char(",") for t in sub_tokens):
        raise NotesError(f"{name}_{{{text_of(list(sub_tokens))}}}: one index names a column; an entry is "
                         f"{parent}_{{ij}}", pos=n.pos)
    index = _index(tr, list(sub_tokens), n)
    piece = call(how, atom(parent), atom(index))
    return postfix(piece, ".T") if how == "row" else piece


def _index(tr, tokens: list[Token], n: Node) -> str:
    """One index as claim text, 0-based: ``i`` -> ``i - 1`` (1-based notes), ``2`` -> ``1``."""
    node = parse_tokens(tokens)
    var, const = None, 0
    if isinstance(node, Num) and "." not in node.text:
        const = int(node.text)
    elif isinstance(node, Ident) and not node.font:
        var = node.name
    elif hasattr(node, "op") and node.op in ("+", "-") and isinstance(node.left, Ident) \
            and isinstance(node.right, Num):
        var, const = node.left.name, int(node.right.text) * (1 if node.op == "+" else -1)
    else:
        raise NotesError(f"the index {text_of(tokens)!r}: an index is a number, a summation index, or i + k",
                         pos=n.pos)
    const -= tr.index_base
    if var is None:
        if const < 0:
            raise NotesError(f"index {text_of(tokens)} is below the first index {tr.index_base} (set "
                             "'index_base: 0' for 0-based notes)", pos=n.pos)
        return str(const)
    if var not in tr.bound:
        raise NotesError(f"the index {var!r} is not a summation index; the claim grammar needs a number or "
                         "the index of an enclosing \\sum", pos=n.pos)
    value = tr.bound[var]
    if value is not None:
        return str(value + const)
    return var if const == 0 else f"{var} {'+' if const > 0 else '-'} {abs(const)}"


def entry(tr, piece: Piece, sub_tokens: tuple, n: Node) -> Piece:
    """``x_i`` -> ``x[i - 1]``; ``A_{ij}``, ``A_{i,j}``, ``A_{12}`` -> ``A[i - 1, j - 1]``."""
    shape = tr.shape(piece, n)
    tokens = list(sub_tokens)
    parts: list[list[Token]] = [[]]
    for t in tokens:
        if t.is_char(","):
            parts.append([])
        else:
            parts[-1].append(t)
    if shape.matrix and len(parts) == 1 and len(tokens) == 2 and all(t.kind in ("letter", "num") for t in tokens):
        parts = [[tokens[0]], [tokens[1]]]
    if shape.matrix and len(parts) == 1 and len(tokens) == 1 and tokens[0].kind == "num" and len(tokens[0].text) == 2:
        t = tokens[0]
        parts = [[Token("num", t.text[0], t.pos)], [Token("num", t.text[1], t.pos)]]
    want = 1 if shape.vector else 2
    if shape.scalar or len(parts) != want:
        raise NotesError(f"{piece.text}_{{{text_of(tokens)}}}: a {'vector' if shape.vector else 'matrix'} entry "
                         f"needs {want} index(es)" if not shape.scalar else
                         f"{piece.text} is a scalar: it has no entries", pos=n.pos)
    return Piece(postfix(piece, "[" + ", ".join(_index(tr, p, n) for p in parts) + "]").text, ATOM, scalar=True)


# -- calls --------------------------------------------------------------------------------------------
def _word(head: Ident) -> str | None:
    """The function a head names, or None for a symbol (``E``, ``P``, ``sigma`` only when undeclared)."""
    if head.decorations:  # \hat{\mathbb{E}}, \tilde{P}, \bar{\sigma}: another function than the word's
        return None
    if head.font in ("op", "rm", "text", "bb") and head.name in FUNCTION_WORDS:
        return FUNCTION_WORDS[head.name]
    return None


def apply(tr, n: Apply) -> Piece:
    func, sub_tokens, primes = n.func, (), 0
    if isinstance(func, Script):
        sub_tokens, primes = func.sub_tokens, func.primes
        func = func.base
    if not isinstance(func, Ident):
        raise NotesError("only names and function words can be applied to arguments", pos=n.pos)
    args = list(n.args)
    word = _word(func)
    if word is None and not func.font and not func.decorations and func.name in ("E", "P", "V") \
            and tr.decl.kind(func.name) is None:
        word = {"E": "E", "P": "P", "V": "Var"}[func.name]
    if word is None and func.name == "sigma" and not func.font and not func.decorations \
            and tr.decl.kind("sigma") is None:
        word = "sigmoid"
    if word is not None and primes:
        return word_derivative(tr, word, sub_tokens, args, primes, n)
    if word is not None:
        return function_call(tr, word, sub_tokens, args, n)
    name = claim_name(func.name, func.font, func.decorations)
    simple = _simple(sub_tokens) if sub_tokens else None
    if not primes and (mgf := mgf_call(tr, func, f"{name}_{simple}", sub_tokens, args, n)) is not None:
        return mgf  # M_X(t), M_{X+Y}(t)
    if sub_tokens and simple is None:
        raise NotesError(f"cannot read the subscript {text_of(list(sub_tokens))!r} of {name}", pos=n.pos)
    full = f"{name}_{simple}" if simple else name
    kind = tr.decl.kind(full)
    if kind == "function":
        expected = tr.decl.function_argument(full)
        if simple == expected and all(isinstance(a, Ident) for a in args):
            return atom(full)  # p_theta(x): a function of its subscript theta; the data point x is held fixed
        given = [tr.node(a).text for a in args]
        if given != [expected] and len(given) == 1 and not primes and function_calls_supported():
            return atom(f"{full}({given[0]})")
        if given != [expected]:
            raise NotesError(f"{full} is declared as a function of {expected}; {full}({', '.join(given)}) with "
                             "another argument is not in the claim grammar", pos=n.pos)
        return _function_derivative(tr, full, primes, n) if primes else atom(full)
    if kind is None and not primes and not sub_tokens and len(args) == 1 and full in tr.decl.sizes():
        kind = "size"  # n(n + 1) with n a size letter: a product
    if kind is None and not primes and not sub_tokens and len(args) == 1 and full == "pi" and not func.font \
            and not isinstance(args[0], (Ident, Script)):
        kind = "constant"  # 2\pi(A + B): the constant times the bracket; \pi(x), \pi(\theta) may be a policy or a
        # prior: unread unless pi is declared (a function) or the bracket holds an expression
    if kind is not None and len(args) == 1:  # a(b + c): a product
        left = tr.node(Script(func.pos, func, sub_tokens=sub_tokens, primes=primes) if sub_tokens or primes
                       else func)
        return tr.product(left, tr.node(Group(n.pos, "(", tuple(args))), n)
    if kind is not None:
        raise NotesError(f"{full} is declared as {kind}, not as a function of {len(args)} arguments", pos=n.pos)
    if name == "H" and kind is None and not primes and not sub_tokens \
            and (entropy := entropy_of(tr, args, n)) is not None:
        return entropy  # H(p) of a probability vector, H(X) of a random variable
    law = {"F": "cdf", "f": "density", "p": "density"}.get(name)
    if law and primes:
        raise NotesError(f"{name}'_{simple}(...): the derivative of a law's function is not read; write it as "
                         r"\frac{d}{dt} of the function", pos=n.pos)
    if law and simple and tr.decl.kind(simple) == "random" and len(args) == 1 and grammar_has(law):
        return call(law, atom(simple), tr.node(args[0]))  # F_X(t), f_X(t), p_X(t) of a random variable X
    raise NotesError(f"unknown function {full!r}: declare it under 'symbols' (a function of x: '{full}: function x')",
                     pos=n.pos)


def function_call(tr, word: str, sub_tokens: tuple, args: list[Node], n: Node) -> Piece:
    if word in ("E", "Var", "Cov"):
        return _moment(tr, word, sub_tokens, args, n)
    if word == "KL" and not sub_tokens and (kl := kl_of_vectors(tr, args, n)) is not None:
        return kl  # KL(p, q) of two declared probability vectors: sum_i p_i log(p_i / q_i)
    if word == "P":
        from .events import value_probability

        if grammar_has("P") and not sub_tokens and (value := value_probability(tr, args)) is not None:
            return value  # P(Y) of a random variable with a declared value y: P(Y == y)
        if grammar_has("P"):
            raise NotesError("P(...) needs an event, such as P(X > a) or P(X = 1, Y = 0); P of a random variable "
                             "(a law, or a joint distribution) is not a number the checker can compare", pos=n.pos)
        raise NotesError("probabilities of events, P(...), are not in the claim grammar yet", pos=n.pos)
    pieces = [tr.node(a) for a in args]
    if word == "log" and sub_tokens:
        base = tr.node(parse_tokens(list(sub_tokens)))
        return div(call("log", *pieces), call("log", base))
    if sub_tokens:
        raise NotesError(f"{word} with a subscript ({text_of(list(sub_tokens))}): an optimum over a variable is not "
                         "a value the checker can compute", pos=n.pos)
    if word in ("max", "min") and len(pieces) == 2 and "Max" not in FUNCTIONS:
        zero = [p.zero for p in pieces]
        if any(zero):
            other = pieces[zero.index(False)] if not all(zero) else pieces[0]
            return call("relu", other) if word == "max" else neg(call("relu", neg(other)))
        raise NotesError(f"{word}(a, b) of two expressions is not in the claim grammar yet (max(0, x) is)",
                         pos=n.pos)
    if word in MATRIX_FUNCTION_WORDS and len(pieces) == 1:
        refuse_matrix_function(tr, word, pieces[0], n)
    target = {"max": "Max", "min": "Min"}.get(word, word)
    if not grammar_has(target):
        raise NotesError(f"{word}() is not in the claim grammar", pos=n.pos)
    low, high, _ = FUNCTIONS.get(target, (1, 64, None))
    if not low <= len(pieces) <= high:
        raise NotesError(f"{word}() takes {low} argument(s), got {len(pieces)}", pos=n.pos)
    return call(target, *pieces)


def _moment(tr, word: str, sub_tokens: tuple, args: list[Node], n: Node) -> Piece:
    if sub_tokens and word == "E" and len(args) == 1 \
            and (over := expectation_over_vector(tr, list(sub_tokens), args[0], n)) is not None:
        return over  # E_{x ~ p}[g(x)], p a declared probability vector: sum_x p(x) g(x)
    if sub_tokens:
        expectation_subscript(tr, list(sub_tokens), n)
    if word == "Cov" and len(args) == 1:
        return call("Cov", tr.node(args[0]))  # Cov(X) of a random vector: its covariance matrix
    if word == "Cov" and len(args) != 2:
        raise NotesError("Cov needs two arguments, Cov(X, Y) (or one random vector, Cov(X))", pos=n.pos)
    if word != "Cov" and len(args) != 1:
        raise NotesError(f"{word} takes one argument", pos=n.pos)
    if word in ("E", "Var") and isinstance(args[0], BinOp) and args[0].op == "|":
        given = tr.node(args[0].right)  # E[X | Y]: conditioned on the random variable Y (the grammar checks it)
        return call(word, atom(f"{tr.node(args[0].left).text} | {given.text}"))
    return call(word, *(tr.node(a) for a in args))


# -- operators ----------------------------------------------------------------------------------------
def operator(tr, n: Op) -> Piece:
    if n.name in ("sum", "prod"):
        from .sums import big_operator

        return big_operator(tr, n)
    if n.name == "nabla":
        if not n.sub_tokens:
            raise NotesError("\\nabla without its variable: write \\nabla_{x} f", pos=n.pos)
        var = tr.node(parse_tokens(list(n.sub_tokens)))
        piece = d(tr, tr.node(n.body), var, n)
        if n.sup is not None:
            if not (isinstance(n.sup, Num) and n.sup.text == "2"):
                raise NotesError("\\nabla^k: only the Hessian \\nabla^2 is read", pos=n.pos)
            piece = d(tr, piece, var, n)
        return piece
    body = n.body
    args = list(body.items) if isinstance(body, Group) and n.name in ("max", "min") else [body]
    word = {"tr": "tr", "det": "det", "diag": "diag", "E": "E", "Var": "Var"}.get(n.name, n.name)
    piece = function_call(tr, word, n.sub_tokens, args, n)
    if n.power is not None:
        piece = power(piece, tr.node(n.power))
    return piece



def d(tr, body: Piece, var: Piece, n: Node) -> Piece:
    """``D(body, var)``; a row vector is differentiated as its transpose (``x^T A`` as ``A^T x``), as the
    Matrix Cookbook does: the layout of the result does not depend on how the vector is written."""
    if not var.text.isidentifier():
        raise NotesError(f"a derivative by {var.text!r}: the variable must be a declared symbol", pos=n.pos)
    if not body.scalar and not body.pending:
        shape = tr.shape(body, n)
        if not shape.scalar and shape.rows == "1":
            body = postfix(body, ".T")
    return call("D", body, var)


def derivative(tr, n) -> Piece:
    piece = tr.node(n.body)
    for var in reversed(n.variables):
        piece = d(tr, piece, tr.node(var), n)
    return piece
