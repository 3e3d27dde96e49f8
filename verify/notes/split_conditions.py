"""Conditions written after a claim, as notes write them: ``\\text{(for } x > 0)``, ``(t \\geq 0)``, ``, t \\geq 0``.

Each of these restricts the claims before it.  Read as a claim of its own, or dropped, it changed the
verdict: ``\\sqrt{t^2} = t \\qquad (t \\geq 0)`` was refuted (the bracket dropped), ``\\sqrt{t^2} = t, \\quad t \\geq 0``
refuted twice (``t >= 0`` checked as a claim), ``\\text{(for symmetric } A)`` refuted without its condition.

* :func:`condition_words`: the text of a condition (``for``, ``(for``, ``if`` ...) and the words after it; a
  condition that says more in words than *all, every, any, each* (``for symmetric``, ``if not``, ``for some``)
  cannot be read, and the claims it restricts are unreadable rather than checked without it.
* :func:`bracketed_condition`: a separated segment that is one bracket holding relations, ``(t \\geq 0)``.
* :func:`is_bare_bound`: a separated comparison of a lone symbol with a number (``t \\geq 0``, ``0 < p < 1``)
  that shares the symbol with the claims before it: their domain, not a claim of its own.
"""

from __future__ import annotations

from .tokens import Token

__all__ = ["without_stray_close", "condition_words", "QUANTIFIER_WORDS", "QUALIFIER_WORDS", "qualifier", "bracketed_condition",
           "is_bare_bound"]

QUANTIFIER_WORDS = frozenset({"all", "every", "any", "each"})
# words in a \text{...} beside a claim that change what it asserts: an approximation, a limit, a claim in
# probability, a line the author marks as wrong; the claim is not read as an identity
QUALIFIER_WORDS = frozenset({
    "approximately", "approx", "roughly", "about", "nearly", "asymptotically", "almost", "a.s", "expectation",
    "probability", "distribution", "limit", "large", "small", "up", "const", "constant", "order", "wrong",
    "incorrect", "false", "not", "never", "sometimes", "generally", "usually", "typically", "heuristically",
    "conjecture", "numerically", "locally", "some", "exists", "unless", "except"})


def qualifier(text: str) -> str | None:
    """The first word of ``text`` that qualifies a claim (see :data:`QUALIFIER_WORDS`), else None."""
    cleaned = text.lower()
    for ch in "()[],;:!":
        cleaned = cleaned.replace(ch, " ")
    if "?" in text:
        return "?"
    for word in cleaned.split():
        if word.rstrip(".") in QUALIFIER_WORDS or word in QUALIFIER_WORDS:
            return word
    return None


def condition_words(text: str, condition_words_list: tuple[str, ...]) -> tuple[bool, list[str]]:
    """Whether ``text`` opens a condition, and the words after its condition word that the reader cannot use."""
    word = text.strip().lower().lstrip("([").strip()
    for w in condition_words_list:
        if word == w or word.startswith(w + " "):
            rest = [x for x in word[len(w):].replace(",", " ").split() if x not in QUANTIFIER_WORDS]
            return True, rest
    return False, []


def without_stray_close(tokens: list[Token]) -> list[Token]:
    """``\\text{(for } t > 0)``: the bracket the text opened closes after the condition; drop its ``)``."""
    pairs = {")": "(", "]": "["}
    if tokens and tokens[-1].is_char(")", "]"):
        close = tokens[-1].text
        if sum(t.is_char(close) for t in tokens) > sum(t.is_char(pairs[close]) for t in tokens):
            return tokens[:-1]
    return tokens


def bracketed_condition(tokens: list[Token], chain) -> list[Token] | None:
    """``( ... )`` wholly around a segment that holds claim relations: the inner tokens, else None."""
    if len(tokens) < 3 or not (tokens[0].is_char("(", "[") and tokens[-1].is_char(")", "]")):
        return None
    from .split import _depths

    depth = _depths(tokens)
    if any(d == 0 for d in depth[1:-1]):  # (a)(b): not one bracket
        return None
    inner = tokens[1:-1]
    stmt = chain(inner)
    if stmt is None or any(link.kind != "claim" or not link.lhs or not link.rhs for link in stmt.links):
        return None
    return inner


def _bare(side: list[Token]) -> str | None:
    """``"num"`` for a number (``0``, ``-1``, ``1/2`` not), ``"sym"`` for a lone letter or Greek command."""
    toks = side[1:] if side and side[0].is_char("-") else side
    if len(toks) != 1:
        return None
    t = toks[0]
    if t.kind == "num":
        return "num"
    if t.kind == "letter" or (t.kind == "cs" and t.text[1:].isalpha() and len(t.text) > 2):
        return "sym" if not side[0].is_char("-") else None
    return None


def is_bare_bound(stmt, before: list) -> bool:
    """``t \\geq 0`` / ``0 < p < 1`` after claims that use ``t`` / ``p``: a bound on their domain."""
    if not before or not stmt.links:
        return False
    kinds, names = [], set()
    operands = [stmt.links[0].lhs] + [link.rhs for link in stmt.links]
    for link in stmt.links:
        if link.kind != "claim" or link.op not in ("<", "<=", ">", ">="):
            return False
    for side in operands:
        kind = _bare(side)
        if kind is None:
            return False
        kinds.append(kind)
        if kind == "sym":
            names.add(side[-1].text)
    if "num" not in kinds or not names:
        return False
    used = {t.text for s in before for link in s.links for t in link.lhs + link.rhs}
    return names <= used
