"""Expectations and divergences in notes: ``\\mathbb{E}_{x \\sim law}``, and sums over probability vectors.

* ``\\mathbb{E}_{x \\sim \\mathcal{N}(\\mu, \\sigma^2)}[\\cdot]`` declares ``x`` with that law for the claim
  (:func:`expectation_subscript`).
* ``\\mathbb{E}_{x \\sim p}[g(x)]`` with ``p`` a declared *probability vector* (``p: vector 3
  probability``) is the sum over its entries, ``\\sum_{x} p(x) g(x)``: ``sum(p[x - 1]*g, x, 1, 3)``
  (:func:`expectation_over_vector`).
* ``KL(p, q)`` (also ``\\mathrm{KL}``, ``\\operatorname{KL}``) of two declared probability vectors of one size is
  ``\\sum_i p_i \\log(p_i / q_i)`` (:func:`kl_of_vectors`); of random variables it stays ``KL(X, Y)``.
"""

from __future__ import annotations

from .errors import NotesError
from .mathtree import Apply, BinOp, Group, Ident, Neg, Node, Num, Op, Script
from .names import claim_name
from .parse import parse_tokens
from .pieces import Piece, call
from .tokens import Token, text_of

__all__ = ["expectation_subscript", "expectation_over_vector", "kl_of_vectors", "probability_vector", "entropy_of"]


def probability_vector(tr, node: Node) -> str | None:
    """The claim name of ``node`` when it is a declared probability vector, else None."""
    if not isinstance(node, Ident):
        return None
    name = claim_name(node.name, node.font, node.decorations)
    words = str(tr.decl.symbols.get(name, "")).split()
    return name if words[:1] == ["vector"] and "probability" in words[2:] else None


def _fresh_index(tr, pos: int) -> Token:
    for letter in "ijklmr":
        if tr.decl.kind(letter) is None and letter not in tr.bound and letter not in tr.decl.sizes():
            return Token("letter", letter, pos)
    raise NotesError("no free index letter for the sum over the probability vector's entries", pos=pos)


def kl_of_vectors(tr, args: list[Node], n: Node) -> Piece | None:
    """``KL(p, q)`` = ``\\sum_i p_i \\log(p_i / q_i)`` for declared probability vectors p, q; None otherwise."""
    if len(args) != 2 or not all(probability_vector(tr, a) for a in args):
        return None
    p, q = args
    if tr.shape(tr.node(p), n) != tr.shape(tr.node(q), n):
        raise NotesError("KL(p, q) of probability vectors of different sizes", pos=n.pos)
    i = _fresh_index(tr, n.pos)
    p_i, q_i = (Script(a.pos, a, sub_tokens=(i,)) for a in (p, q))
    log = Ident(n.pos, "log", "op", word=True)
    body = BinOp(n.pos, "*", p_i, Apply(n.pos, log, (BinOp(n.pos, "/", p_i, q_i),)))
    return tr.node(Op(n.pos, "sum", body=body))


def entropy_of(tr, args: list[Node], n: Node) -> Piece | None:
    """``H(p)`` = ``-\\sum_i p_i \\log p_i`` for a declared probability vector, ``H(X)`` = ``entropy(X)`` for a random
    variable (``H`` undeclared); ``H(X, Y)``, ``H(X | Y)`` (joint, conditional) are refused; None otherwise."""
    if len(args) != 1:
        raise NotesError("H(X, Y) (a joint entropy) is not in the claim grammar; H(p) of a probability vector and "
                         "H(X) of a random variable are", pos=n.pos)
    (arg,) = args
    if probability_vector(tr, arg):
        i = _fresh_index(tr, n.pos)
        p_i = Script(arg.pos, arg, sub_tokens=(i,))
        log = Ident(n.pos, "log", "op", word=True)
        return tr.node(Neg(n.pos, Op(n.pos, "sum", body=BinOp(n.pos, "*", p_i, Apply(n.pos, log, (p_i,))))))
    if isinstance(arg, Ident) and tr.decl.kind(claim_name(arg.name, arg.font, arg.decorations)) == "random":
        return call("entropy", tr.node(arg))
    return None


def expectation_over_vector(tr, tokens: list[Token], body: Node, n: Node) -> Piece | None:
    """``E_{x \\sim p}[g(x)]`` = ``\\sum_{x} p(x) g(x)`` for a declared probability vector p; None otherwise."""
    sim = [k for k, t in enumerate(tokens) if t.is_cs(r"\sim")]
    if not sim:
        return None
    var_tokens, law_tokens = tokens[:sim[0]], tokens[sim[0] + 1:]
    try:
        var, law = parse_tokens(var_tokens), parse_tokens(law_tokens)
    except NotesError:
        return None
    if not (isinstance(var, Ident) and not var.word) or probability_vector(tr, law) is None:
        return None
    if tr.decl.kind(claim_name(var.name, var.font, var.decorations)) is not None:
        raise NotesError(f"E over {text_of(law_tokens)}: its variable {text_of(var_tokens)} is also a declared name",
                         pos=n.pos)
    over = [*var_tokens, Token("cs", r"\in", n.pos), Token("letter", "X", n.pos)]  # the sum over p's entries
    weighted = BinOp(n.pos, "*", Apply(n.pos, law, (var,)), Group(n.pos, "(", (body,)))
    return tr.node(Op(n.pos, "sum", sub_tokens=tuple(over), body=weighted))


_FAMILIES = {"N": "Normal", "Normal": "Normal", "Poisson": "Poisson", "Pois": "Poisson", "Bernoulli": "Bernoulli",
             "Ber": "Bernoulli", "Bin": "Binomial", "Binomial": "Binomial", "Exp": "Exponential",
             "Gamma": "Gamma", "U": "Uniform", "Uniform": "Uniform"}


def expectation_subscript(tr, tokens: list[Token], n: Node) -> None:
    """``x \\sim \\mathcal{N}(\\mu, \\sigma^2)`` declares ``x`` for this claim; plain names say nothing."""
    sim = [k for k, t in enumerate(tokens) if t.is_cs(r"\sim")]
    if not sim:
        return
    var_tokens, law_tokens = tokens[:sim[0]], tokens[sim[0] + 1:]
    var = parse_tokens(var_tokens)
    if not isinstance(var, Ident):
        raise NotesError(f"the expectation's subscript {text_of(tokens)!r}: write x \\sim law", pos=n.pos)
    name = claim_name(var.name, var.font, var.decorations)
    law = parse_tokens(law_tokens)
    if tr.decl.kind(name) is not None:
        return  # the declaration says what x is
    if not (isinstance(law, Apply) and isinstance(law.func, Ident) and law.func.name in _FAMILIES):
        raise NotesError(f"{name} ~ {text_of(law_tokens)}: declare {name} under 'distributions' (the law is not "
                         "one the reader knows)", pos=n.pos)
    family = _FAMILIES[law.func.name]
    params = list(law.args)
    if family == "Normal" and len(params) == 2:
        var_node = params[1]
        if isinstance(var_node, Script) and isinstance(var_node.sup, Num) and var_node.sup.text == "2":
            params[1] = var_node.base if not var_node.sub_tokens else Script(var_node.pos, var_node.base,
                                                                               sub_tokens=var_node.sub_tokens)
        elif not (isinstance(var_node, Num) and var_node.text == "1"):
            raise NotesError("N(mu, s) takes the variance s: write it as sigma^2 (the claim grammar's Normal "
                             "takes the standard deviation)", pos=n.pos)
    texts = [tr.node(p).text for p in params]
    tr.extra_distributions[name] = f"{family}({', '.join(texts)})"
    tr.refresh()
