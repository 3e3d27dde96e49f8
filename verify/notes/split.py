"""One displayed formula into its statements: rows, separators, chains, conditions, premises.

* Rows: ``\\\\`` at the top level (``align``, ``aligned``, ``split``); ``&`` is dropped, and
  a row that starts with a relation continues the previous row (``a &= b \\\\ &= c``).
* Separators at the top level: ``\\quad``, ``\\qquad``, ``,``, ``;``, ``:``, a final ``.``,
  and ``\\text{...}`` -- where the text starts with a condition word (*for, if, when,
  where, with, provided, s.t., given, since, as*) what follows up to the next ``\\quad``
  or ``;`` restricts the claims before it (``f(x) = 0 \\text{ for } x > 0``); so do a bracket of relations
  (``\\qquad (t \\geq 0)``) and a lone symbol's bound (``, \\quad t \\geq 0``); a condition in words
  (``\\text{for symmetric } A``) or a qualifier (``\\text{(approximately)}``) makes the claims unreadable
  (:mod:`verify.notes.split_conditions`).
* ``\\forall x, y \\in [0, 1]:`` at the start: the names are the claim's free variables
  (which the checker treats as universally quantified anyway); relations in it
  restrict them.  Written last (``a_i \\geq 0 \\quad \\forall i``), likewise.
* ``A \\Rightarrow B``: the relations of ``A`` restrict the claims of ``B``.
* A chain ``a = b \\leq c`` is two links, each its own claim.

Relations: :data:`CLAIMS` are checked; :data:`DEFINITIONS` (``:=``) and
:data:`OTHER_RELATIONS` (``\\approx``, ``\\in``, ``\\sim``, ...) are read as notation
and reported as not claims, with what they are -- except a membership in a real space
(``\\in \\mathbb{R}^{m \\times n}``), a claim about a shape (:mod:`verify.notes.membership`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .constants import is_constant_word
from .errors import NotesError
from .membership import mark_memberships
from .split_conditions import (
    bracketed_condition,
    condition_words,
    is_bare_bound,
    qualifier,
    without_stray_close,
)
from .tokens import Token

__all__ = ["Link", "Statement", "split_formula", "CLAIMS", "DEFINITIONS", "OTHER_RELATIONS", "RELATION_COMMANDS",
           "CONDITION_WORDS", "SEPARATOR_WORDS"]

CLAIMS = {"=": "==", "<": "<", ">": ">", r"\leq": "<=", r"\geq": ">=", r"\neq": "!=", r"\succeq": ">=",
          r"\preceq": "<=", r"\succ": ">", r"\prec": "<"}
DEFINITIONS = {":=": "a definition (:=)", "=:": "a definition (=:)", r"\equiv": "a definition or notation (\\equiv)",
               r"\stackrel": "a definition", r"\overset": "a definition"}
OTHER_RELATIONS = {
    r"\approx": "an approximation (\\approx), not an identity", r"\simeq": "an approximation (\\simeq)",
    r"\sim": "a statement about a distribution (\\sim)", r"\propto": "a proportionality (\\propto)",
    r"\in": "a membership (\\in)", r"\notin": "a membership (\\notin)", r"\subset": "a set inclusion",
    r"\subseteq": "a set inclusion", r"\supset": "a set inclusion", r"\supseteq": "a set inclusion",
    r"\rightarrow": "a map or a limit (\\to)", r"\mapsto": "a map (\\mapsto)",
    r"\leftarrow": "an assignment (\\leftarrow): an algorithm step, not an identity",
    r"\xrightarrow": "a limit or a map (\\xrightarrow)", r"\xleftarrow": "an assignment (\\xleftarrow)",
    r"\ll": "an order of magnitude (\\ll)", r"\gg": "an order of magnitude (\\gg)", r"\cong": "an isomorphism",
    r"\asymp": "an asymptotic statement", r"\perp": "an independence or orthogonality statement (\\perp)",
    r"\models": "a logical statement",
    r"\not": "a negated relation",
}
LOGIC = {r"\Rightarrow": "implies", r"\Leftarrow": "follows", r"\Leftrightarrow": "iff"}
RELATION_COMMANDS = frozenset(set(CLAIMS) | set(DEFINITIONS) | set(OTHER_RELATIONS) | set(LOGIC)) - {"=", "<", ">"}
SEPARATOR_WORDS = ("and", "or", "i.e.", "e.g.", "resp.", "hence", "so", "thus", "then", "also", "respectively")
CONDITION_WORDS = ("for", "if", "when", "where", "with", "provided", "s.t.", "st", "given", "since", "as",
                   "whenever", "such that", "assuming")
_ALIGN_ENVS = {"aligned", "align", "align*", "split", "gathered", "gather", "gather*", "alignedat", "alignat",
               "alignat*", "eqnarray", "eqnarray*", "multline", "multline*", "flalign", "flalign*", "equation",
               "equation*"}
_OPEN = {"(", "[", "{", r"\{", r"\langle"}
_CLOSE = {")", "]", "}", r"\}", r"\rangle"}


@dataclass
class Link:
    """``lhs op rhs``; ``kind`` is ``claim``, ``definition`` or ``other`` (with ``why``)."""

    lhs: list[Token]
    op: str  # "==", "<=", ... for claims; the TeX of the relation otherwise
    rhs: list[Token]
    pos: int  # where the link starts: its left side, or its relation when the left side is empty
    kind: str
    why: str = ""
    entries: tuple | None = None  # a shape claim's matrix defined by its entries: ((i, j), definition tokens)


@dataclass
class Statement:
    """The links of one chain, with the relations that restrict it."""

    links: list[Link]
    conditions: list[list[Token]] = field(default_factory=list)
    premise_outside: bool = False  # starts with => : the premise is not in this formula
    equivalence: bool = False  # a side of <=>
    refusal: str | None = None  # why its conditions cannot be read (a condition in words)


def _env_name(tokens: list[Token], i: int) -> tuple[str, int]:
    """The environment name after ``\\begin`` / ``\\end`` at ``tokens[i]``, and the index after it."""
    if i + 1 >= len(tokens) or not tokens[i + 1].is_char("{"):
        raise NotesError(f"{tokens[i].text} needs an environment name in braces", pos=tokens[i].pos)
    j = i + 2
    name = []
    while j < len(tokens) and not tokens[j].is_char("}"):
        name.append(tokens[j].text)
        j += 1
    return "".join(name), j + 1


def _depths(tokens: list[Token]) -> list[int]:
    """The bracket depth before each token (intervals such as [0, 1) never go below 0)."""
    out, depth = [], 0
    for t in tokens:
        if t.text in _CLOSE and t.kind in ("char", "cs"):
            depth = max(0, depth - 1)
        out.append(depth)
        if t.text in _OPEN and t.kind in ("char", "cs"):
            depth += 1
    return out


def _rows(tokens: list[Token]) -> list[list[Token]]:
    """Rows at ``\\\\``; alignment environments unwrapped, ``&`` dropped; other environments kept whole."""
    flat: list[Token] = []
    env_depth = 0
    i = 0
    while i < len(tokens):
        t = tokens[i]
        if t.is_cs(r"\begin", r"\end"):
            name, j = _env_name(tokens, i)
            if name in _ALIGN_ENVS and env_depth == 0:
                if name.startswith("alignat") and t.text == r"\begin" and j < len(tokens) and tokens[j].is_char("{"):
                    while j < len(tokens) and not tokens[j].is_char("}"):
                        j += 1
                    j += 1
                i = j
                continue
            env_depth += 1 if t.text == r"\begin" else -1
            flat.extend(tokens[i:j])
            i = j
            continue
        flat.append(t)
        i += 1
    rows: list[list[Token]] = [[]]
    depth = _depths(flat)
    env = 0
    skip_to = 0
    for k, (t, d) in enumerate(zip(flat, depth, strict=True)):
        if k < skip_to:
            continue
        if t.is_cs(r"\begin"):
            env += 1
        elif t.is_cs(r"\end"):
            env -= 1
        if d == 0 and env == 0 and t.is_cs(r"\\", r"\cr", r"\newline", r"\intertext", r"\shortintertext"):
            rows.append([])
            skip_to = _after_break(flat, k)  # \\[4pt], \intertext{...}: the spacing or the prose goes too
        elif d == 0 and env == 0 and t.is_char("&"):
            continue
        else:
            rows[-1].append(t)
    return [r for r in rows if r]


def _after_break(tokens: list[Token], k: int) -> int:
    """The index after a row break at ``k`` and what belongs to it: ``\\\\[4pt]``, ``\\\\*``, ``\\intertext{...}``."""
    j = k + 1
    if tokens[k].is_cs(r"\intertext", r"\shortintertext"):
        opener, closer = "{", "}"
    else:
        if j < len(tokens) and tokens[j].is_char("*"):
            j += 1
        opener, closer = "[", "]"
    if j < len(tokens) and tokens[j].is_char(opener):
        level = 0
        while j < len(tokens):
            level += tokens[j].is_char(opener) - tokens[j].is_char(closer)
            j += 1
            if level == 0:
                break
    return j


def _relation_at(tokens: list[Token], i: int) -> tuple[int, str, str, str] | None:
    """A relation starting at ``tokens[i]``: (end index, op, kind, why), else None."""
    t = tokens[i]
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if t.is_char(":") and nxt is not None and nxt.is_char("="):
        return i + 2, ":=", "definition", DEFINITIONS[":="]
    if t.is_char("="):
        if nxt is not None and nxt.is_char(":"):
            return i + 2, "=:", "definition", DEFINITIONS["=:"]
        return i + 1, "==", "claim", ""
    if t.is_char("<", ">"):
        if nxt is not None and nxt.is_char("="):
            return i + 2, t.text + "=", "claim", ""
        return i + 1, t.text, "claim", ""
    if t.kind != "cs":
        return None
    if t.text in CLAIMS:
        return i + 1, CLAIMS[t.text], "claim", ""
    if t.text == r"\not" and nxt is not None and nxt.is_char("="):
        return i + 2, "!=", "claim", ""
    if t.text in (r"\stackrel", r"\overset") and i + 1 < len(tokens):
        from .macros import _group

        note, j = _group(tokens, i + 1)
        base, k = _group(tokens, j)
        if len(base) == 1 and (base[0].is_char("=", "<", ">") or base[0].text in CLAIMS):
            text = "".join(x.text for x in note)
            op = CLAIMS.get(base[0].text, "==" if base[0].text == "=" else base[0].text)
            if any(w in text for w in ("def", r"\Delta", r"\triangle", ":")):
                return k, ":=", "definition", "a definition (\\stackrel{def}{=})"
            return k, op, "claim", ""
        return None
    if t.text in (r"\xrightarrow", r"\xleftarrow") and i + 1 < len(tokens):
        from .macros import _group

        _, j = _group(tokens, i + 1)
        return j, t.text, "other", OTHER_RELATIONS[t.text]
    if t.text in DEFINITIONS:
        return i + 1, t.text, "definition", DEFINITIONS[t.text]
    if t.text in OTHER_RELATIONS:
        j = i + 1
        while j < len(tokens) and tokens[j].is_cs(r"\perp"):  # \perp\!\!\!\perp
            j += 1
        return j, t.text, "other", OTHER_RELATIONS[t.text]
    return None


def _chain(tokens: list[Token]) -> Statement | None:
    """The chain of one segment; None when it holds no relation."""
    depth = _depths(tokens)
    operands: list[list[Token]] = [[]]
    ops: list[tuple[str, str, str, int]] = []
    i = 0
    while i < len(tokens):
        found = _relation_at(tokens, i) if depth[i] == 0 else None
        if found is None:
            operands[-1].append(tokens[i])
            i += 1
            continue
        end, op, kind, why = found
        ops.append((op, kind, why, tokens[i].pos))
        operands.append([])
        i = end
    if not ops:
        return None
    links = []
    for k, (op, kind, why, pos) in enumerate(ops):
        lhs, rhs = operands[k], operands[k + 1]
        links.append(Link(lhs, op, rhs, lhs[0].pos if lhs else pos, kind, why))
    mark_memberships(links)
    return Statement(links)


def _text_separates(t: Token) -> bool:
    """``\\text{Var}`` is part of a formula; ``\\text{ and }``, ``\\text{(Bayes)}`` and prose separate."""
    word = t.text.strip()
    if is_constant_word(word):  # + \text{const.}: part of the side (verify.notes.constants)
        return False
    return not (word.isascii() and word.isalpha()) or word.lower() in SEPARATOR_WORDS or _condition_text(t)


def _condition_text(t: Token) -> bool:
    return condition_words(t.text, CONDITION_WORDS)[0]


def split_formula(tokens: list[Token]) -> list[Statement]:
    """Every statement of one formula, in order (see the module docstring)."""
    depth = 0
    for t in tokens:
        if t.kind == "char" and t.text in "{}":
            depth += 1 if t.text == "{" else -1
            if depth < 0:
                raise NotesError("unbalanced braces: '}' without '{'", pos=t.pos)
    if depth:
        raise NotesError("unbalanced braces: '{' without '}'", pos=tokens[0].pos if tokens else None)
    out: list[Statement] = []
    previous_rhs: list[Token] | None = None
    for row in _rows(tokens):
        first = _relation_at(row, 0)
        continued = first is not None and bool(previous_rhs)
        if continued:  # "&= c" continues the previous row
            row = previous_rhs + row
        statements = _split_row(row)
        if continued and statements and statements[0].links:
            statements[0].links[0].pos = row[len(previous_rhs)].pos  # placed at its own row
        out.extend(statements)
        last = next((s for s in reversed(statements) if s.links), None)
        previous_rhs = last.links[-1].rhs if last is not None else None
    return out


def _split_row(row: list[Token]) -> list[Statement]:
    depth = _depths(row)
    segments: list[tuple[str, list[Token]]] = []  # ("stmt" | "cond" | "quant" | "logic:<kind>", tokens)
    current: list[Token] = []
    mode = "stmt"

    def flush(next_mode: str | None = None):
        nonlocal current, mode
        if current:
            segments.append((mode, current))
        current = []
        if next_mode is not None:
            mode = next_mode

    i = 0
    while i < len(row):
        t, d = row[i], depth[i]
        if d > 0:
            current.append(t)
        elif t.is_cs(r"\forall"):
            flush("quant")
        elif t.is_cs(*LOGIC):
            flush()
            segments.append(("logic:" + LOGIC[t.text], []))
            mode = "stmt"
        elif t.is_cs(r"\quad", r"\qquad") or t.is_char(";"):
            flush("stmt")
        elif t.kind == "text" and _text_separates(t):
            opens, extra = condition_words(t.text, CONDITION_WORDS)
            flush("cond" if opens else "stmt")
            if extra:  # "for symmetric", "if not": the words are part of the condition, and cannot be read
                segments.append(("refuse", [t]))
            elif not opens and qualifier(t.text) is not None:  # "(approximately)", "wrong!"
                segments.append(("qualified", [t]))
        elif t.is_char(":") and not (i + 1 < len(row) and row[i + 1].is_char("=")) \
                and not (i > 0 and row[i - 1].is_char("=")):  # := and =: are relations
            flush("stmt")
        elif t.is_char(","):
            flush()  # a comma keeps the mode: "for x > 0, y > 0" are two conditions
        elif t.is_char(".") and (i + 1 == len(row)):
            pass
        else:
            current.append(t)
        i += 1
    flush()
    return _assemble(segments)


def _assemble(segments: list[tuple[str, list[Token]]]) -> list[Statement]:
    statements: list[Statement] = []
    conditions: list[list[Token]] = []  # from quantifiers before the statements
    row_start = 0  # statements before this index are premises of a later =>
    after_implies = False
    equivalence = False
    for mode, tokens in segments:
        if mode.startswith("logic:"):
            kind = mode.split(":", 1)[1]
            if kind == "iff":
                equivalence = True
                for s in statements[row_start:]:
                    s.equivalence = True
            premises = statements[row_start:]
            for s in premises:
                for link in s.links:
                    link.kind, link.why = "premise", "the premise of an implication (\\Rightarrow)"
            conditions = conditions + [lk.lhs + [_tok_for(lk)] + lk.rhs for s in premises for lk in s.links]
            after_implies = not premises
            row_start = len(statements)
            continue
        if mode == "quant":  # \forall ...: restricts the statements before it and after it in the row
            found = _quantifier_conditions(tokens)
            for s in statements[row_start:]:
                s.conditions.extend(found)
            conditions = conditions + found
            continue
        if mode == "refuse":
            for s in statements[row_start:]:
                s.refusal = (f"its condition {tokens[0].text.strip()!r} is stated in words the reader cannot use; "
                             "write it as relations (\\text{for } x > 0) or declare it (where=...)")
            continue
        if mode == "qualified":
            for s in statements[row_start:]:
                s.refusal = (f"the text {tokens[0].text.strip()!r} beside it qualifies the claim (an approximation, "
                             "a limit, a line marked wrong ...): it is not read as an identity; mark a wrong line "
                             "expect=refuted, or skip it")
            continue
        if mode == "cond":
            for s in statements[row_start:]:
                s.conditions.append(without_stray_close(tokens))
            continue
        stmt = _chain(tokens)
        if stmt is None and (inner := bracketed_condition(tokens, _chain)) is not None and statements[row_start:]:
            for s in statements[row_start:]:  # f(t) = t \qquad (t \geq 0)
                s.conditions.append(inner)
            continue
        if stmt is None:
            continue
        if is_bare_bound(stmt, statements[row_start:]):  # \sqrt{t^2} = t, \quad t \geq 0
            for s in statements[row_start:]:
                s.conditions.append(tokens)
            continue
        stmt.conditions.extend(conditions)
        stmt.premise_outside = after_implies
        stmt.equivalence = equivalence
        statements.append(stmt)
    return statements


def _tok_for(link: Link) -> Token:
    """A token standing for a link's relation (premises become conditions: ``lhs op rhs``)."""
    op = {"==": "=", "<=": r"\leq", ">=": r"\geq", "!=": r"\neq"}.get(link.op, link.op)
    return Token("cs" if op.startswith("\\") else "char", op, link.pos)


def _quantifier_conditions(tokens: list[Token]) -> list[list[Token]]:
    """The relations inside ``\\forall x, y \\in S``: plain names add nothing, relations restrict."""
    depth = _depths(tokens)
    parts: list[list[Token]] = [[]]
    for t, d in zip(tokens, depth, strict=True):
        if d == 0 and t.is_char(","):
            parts.append([])
        else:
            parts[-1].append(t)
    out = []
    for part in parts:
        level = _depths(part)
        if any(level[k] == 0 and _relation_at(part, k) for k in range(len(part))):
            out.append(part)
    return out
