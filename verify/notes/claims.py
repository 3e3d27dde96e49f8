"""From formulas to claims: split each formula, name each claim, translate it with its declarations.

Three steps, so that the header's ``equations:`` (keyed by claim id) can adjust a
claim before it is translated: :func:`split_claims` (per formula), :func:`assign_ids`
(per file), :func:`read_claim` (per claim).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from verify.userfile.errors import UserFileError
from verify.userfile.identity import Identity

from .constants import strip_constant, up_to_constant
from .document import Lines, NotClaim, NoteClaim, NotesFile
from .ellipses import expand_ellipses
from .errors import NotesError
from .extract import Formula
from .independence import declared_independence
from .macros import MacroTable, clean
from .mathtree import Ident, Script
from .membership import read_membership
from .names import claim_name
from .options import EquationOptions, FileOptions
from .oracle import Declarations
from .parse import parse_tokens
from .split import Link, Statement, split_formula
from .tokens import text_of, tokenize
from .translate import Translator
from .translate_ops import _simple

__all__ = ["RawClaim", "split_claims", "assign_ids", "declared_definition", "read_claim", "BUILD_TIMEOUT"]

BUILD_TIMEOUT = 20.0  # seconds to build one claim while reading (checking has its own limit)
_RELATION_MARKS = ("=", "<", ">", "\\leq", "\\geq", "\\neq", "\\le", "\\ge", "\\ne")


@dataclass
class RawClaim:
    formula: Formula
    line: int
    column: int
    latex: str
    relation: str
    link: Link | None = None
    statement: Statement | None = None
    error: str | None = None
    explicit: str | None = None  # the equation's id= or \label
    id: str = ""


def _source(formula: Formula, link: Link) -> str:
    """The link as written in the file (falls back to the tokens when macros moved things)."""
    tokens = link.lhs + link.rhs
    first, last = tokens[0], tokens[-1]
    a, b = first.pos - formula.start, last.pos - formula.start + len(last.text)
    if 0 <= a < b <= len(formula.text) and not any(m in formula.text[a:b] for m in ("\\\\", "&")):
        return " ".join(formula.text[a:b].split())
    op = {"==": "=", "<=": r"\leq", ">=": r"\geq", "!=": r"\neq", "in": r"\in"}.get(link.op, link.op)
    return f"{text_of(link.lhs)} {op} {text_of(link.rhs)}"


def split_claims(out: NotesFile, formula: Formula, macros: MacroTable, lines: Lines,
                 definitions_claim: bool = False) -> list[RawClaim]:
    """The claims of one formula (its notation-only relations go to ``out.not_claims``); with
    ``definitions_claim`` (the line's ``claim:`` declaration) a ``:=`` states a fact and is a claim."""
    line, col = lines.at(formula.start)
    explicit = formula.options.id if formula.options else None
    try:
        tokens, labels = clean(macros.expand(tokenize(formula.text, formula.start)))
        tokens = expand_ellipses(macros.replace_patterns(tokens))
        statements = split_formula(tokens)
    except NotesError as err:
        if not any(mark in formula.text for mark in _RELATION_MARKS):
            return []  # no relation: nothing was claimed
        eline, ecol = lines.at(err.pos if err.pos is not None else formula.start)
        return [RawClaim(formula, line, col, " ".join(formula.text.split())[:300], "?",
                         error=f"{err.message} (line {eline}, column {ecol})", explicit=explicit)]
    explicit = explicit or (labels[0] if labels else None)
    raw = []
    for stmt in statements:
        for link in stmt.links:
            lline, lcol = (line, col) if formula.because is not None else lines.at(link.pos)
            latex = _source(formula, link) if link.lhs and link.rhs else " ".join(formula.text.split())[:300]
            if link.kind == "definition" and definitions_claim and link.op in (":=", "=:"):
                link.kind, link.op = "claim", "=="
            if link.kind == "claim":
                raw.append(RawClaim(formula, lline, lcol, latex, link.op, link, stmt, explicit=explicit))
            else:
                out.not_claims.append(NotClaim(out.file, lline, lcol, latex, link.why))
    return raw


def assign_ids(raw: list[RawClaim]) -> None:
    """``id=`` / ``\\label`` (``name.1``, ``name.2`` for several claims), else ``L<line>`` / ``L<line>.<k>``."""
    by_key: dict[str, list[RawClaim]] = {}
    for r in raw:
        by_key.setdefault(r.explicit or f"L{r.line}", []).append(r)
    for key, group in by_key.items():
        for k, r in enumerate(group, start=1):
            r.id = key if len(group) == 1 else f"{key}.{k}"


def _symbol_name(key: str) -> str:
    """A declaration's name; keys written in TeX (``\\mathbf{x}``, ``\\eta_t``) become claim names."""
    if not key.startswith("\\"):
        return key
    node = parse_tokens(clean(MacroTable().expand(tokenize(key)))[0])
    if isinstance(node, Ident):
        return claim_name(node.name, node.font, node.decorations)
    if isinstance(node, Script) and isinstance(node.base, Ident) and node.sub_tokens and node.sup is None:
        sub = _simple(node.sub_tokens)
        if sub is not None:
            return claim_name(node.base.name, node.base.font, node.base.decorations) + "_" + sub
    raise NotesError(f"the symbol {key!r}: a declared name is a letter, a Greek letter or a font group, with an "
                     "optional subscript")


def _names(declared: dict) -> dict:
    """Declarations by claim name; two spellings of one name (\\mathbf{x} and x) are an error."""
    out: dict = {}
    spelled: dict = {}
    for key, value in declared.items():
        name = _symbol_name(key)
        if name in out and spelled[name] != key:
            raise NotesError(f"{spelled[name]!r} and {key!r} are both declared, and both are the name {name!r}: "
                             "bold and plain letters are one name (x_i is an entry of \\mathbf{x}); use another "
                             "letter for one of them")
        out[name], spelled[name] = value, key
    return out


def _used(symbols: dict, dists: dict, texts: list[str], given: tuple) -> tuple[dict, dict]:
    """Only the declarations a claim uses (and what they depend on): a random variable the claim does not
    mention would keep the matrix engines from running, and an unused symbol only slows the check."""
    import ast

    from verify.userfile.grammar import parse_tree

    names: set[str] = set()
    for text in texts:
        names |= {n.id for n in ast.walk(parse_tree(text)) if isinstance(n, ast.Name)}
    for g in given:
        names |= set(g.split()[1:])
    for size in names - set(symbols) - set(dists):  # a size letter used as a number: keep a symbol that has it
        holder = next((k for k, v in symbols.items() if size in str(v).split()[1:3]
                       and str(v).split()[0] in ("vector", "matrix")), None)
        if holder is not None:
            names.add(holder)
    todo = list(names)
    while todo:
        name = todo.pop()
        words = str(symbols.get(name, "")).split()
        deps = words[1:2] if words[:1] == ["function"] else []
        if name in dists:
            inner = dists[name]
            # every name in the parameters: Bernoulli(a + (b - a)*Y) depends on a, b and Y
            deps = re.findall(r"[A-Za-z_][A-Za-z0-9_]*", inner[inner.find("(") + 1:inner.rfind(")")])
        for dep in deps:
            if dep not in names and (dep in symbols or dep in dists):
                names.add(dep)
                todo.append(dep)
    used = {k: v for k, v in symbols.items() if k in names}
    ordered = {k: v for k, v in used.items() if not str(v).startswith("function")}  # a function after its argument
    ordered.update({k: v for k, v in used.items() if k not in ordered})
    return ordered, {k: v for k, v in dists.items() if k in names}


def _options(r: RawClaim, options: FileOptions) -> EquationOptions:
    eq = EquationOptions()
    parent = r.id.rsplit(".", 1)[0]
    for key in dict.fromkeys((parent, r.id)):  # L12 for the claims L12.1, L12.2; once for L12 itself
        if key in options.equations:
            eq = eq.merged(options.equations[key])
    if r.formula.options is not None:
        eq = eq.merged(r.formula.options)
    return eq


def declared_definition(r: RawClaim, options: FileOptions) -> str | None:
    """What the declarations say this relation is when it is notation (``definition:``, ``hypothesis:``), else None."""
    eq = _options(r, options)
    if eq.definition is not None:
        return f"a definition (declared: {eq.definition})"
    if eq.hypothesis is not None:
        return f"a hypothesis of the line's claim (declared: {eq.hypothesis})"
    return None


def read_claim(r: RawClaim, options: FileOptions, file: str) -> NoteClaim:
    """Translate one claim and build its identity; an unreadable claim carries ``error``."""
    claim = NoteClaim(r.id, file, r.line, r.column, r.latex, r.relation, because=r.formula.because)
    if r.error is not None:
        claim.error, claim.stage = r.error, "split"
        return claim
    eq = _options(r, options)
    claim.expect, claim.skip = eq.expect, eq.skip
    if not r.link.lhs or not r.link.rhs:
        claim.stage = "split"
        claim.error = (f"the relation has no {'left' if not r.link.lhs else 'right'} side: the formula continues "
                       "another one (write the whole relation in one formula)")
        return claim
    try:
        symbols = {**_names(options.symbols), **_names(eq.symbols)}  # the equation's own win
        dists = {**_names(options.distributions), **_names(eq.distributions)}
        clash = sorted(set(symbols) & set(dists))
        if clash:
            raise NotesError(f"{', '.join(clash)} declared both under symbols and under distributions")
        decl = Declarations(symbols, dists, eq.layout or options.layout, options.given + eq.given,
                            options.where + eq.where)
        tr = Translator(decl, index_base=options.index_base)
        if r.relation == "in":  # a shape membership, checked without the engines
            claim.stage = "translate"
            claim.shape = read_membership(r.id, r.link, tr, lambda texts: _used(
                {**symbols, **tr.extra_symbols}, {**dists, **tr.extra_distributions}, texts, decl.given))
            claim.claim, claim.stage = claim.shape.shown, "read"
            return claim
        sides = [strip_constant(side, lambda name: decl.kind(name) is not None) for side in (r.link.lhs, r.link.rhs)]
        try:
            trees = parse_tokens(sides[0][0]), parse_tokens(sides[1][0])
        except NotesError:
            claim.stage = "parse"
            raise
        claim.stage = "translate"
        lhs, rhs = tr.side(trees[0]), tr.side(trees[1])
        if sides[0][1] or sides[1][1]:  # + const: equal up to a constant in the declared symbols
            if r.relation != "==":
                raise NotesError("'+ const' in an inequality: only an equality up to a constant is read")
            checked = up_to_constant(tr, lhs, rhs, eq.constant_in or options.constant_in, trees[0])
            claim.claim = f"{checked}   (equal up to a constant in {', '.join(eq.constant_in or options.constant_in)})"
        else:
            checked = tr.relation(lhs, "==" if r.relation == "!=" else r.relation, rhs)
            claim.claim = tr.relation(lhs, r.relation, rhs) if r.relation == "!=" else checked
        where = list(decl.where)
        if r.statement.refusal:
            raise NotesError(r.statement.refusal)
        for cond in r.statement.conditions:
            if declared_independence(text_of(cond), decl.given):
                continue  # X \perp Y | Z: the hypothesis the declarations state (given: independent X Y | Z)
            try:
                where.extend(tr.condition(cond))
            except NotesError as err:
                raise NotesError(f"its condition {text_of(cond)!r}: {err.message}", pos=err.pos) from None
        if r.statement.equivalence:
            raise NotesError("an equivalence of statements (\\iff) is not an identity: write each side as its own "
                             "claim, with the other as its condition")
        if r.statement.premise_outside and not (eq.given or eq.where):
            raise NotesError("the claim follows '\\Rightarrow' from a premise outside the formula: state the premise "
                             "in the equation's comment (given=..., where=...)")
    except NotesError as err:
        claim.error = err.message
        return claim
    except UserFileError as err:
        claim.error, claim.stage = err.message, "build"
        return claim
    except (RecursionError, MemoryError):
        claim.error = "the formula is too deeply nested to read"
        return claim
    except Exception as err:  # noqa: BLE001 - a reader bug must not stop the other claims; it is shown
        claim.error = f"internal error of the notes reader (please report): {type(err).__name__}: {err}"
        return claim
    try:
        symbols, dists = _used({**symbols, **tr.extra_symbols}, {**dists, **tr.extra_distributions},
                               [checked, *where], decl.given)
    except UserFileError as err:
        claim.error, claim.stage = f"the claim as understood, {checked!r}, is refused: {err.message}", "build"
        return claim
    identity = Identity(id=r.id, claim=checked, symbols=symbols, distributions=dists,
                        title=eq.title, layout=decl.layout, given=decl.given, where=tuple(where), file=file)
    try:
        identity.to_entry(timeout=BUILD_TIMEOUT)
    except UserFileError as err:
        claim.error, claim.stage = f"the claim as understood, {checked!r}, is refused: {err.message}", "build"
        return claim
    claim.identity, claim.stage = identity, "read"
    if where:  # its conditions and the declarations' hypotheses: the claim as understood shows them
        claim.claim += f"   (where: {'; '.join(where)})"
    if eq.instance:  # the line's letters fixed to numbers: the claim as understood says at which
        claim.instance = ", ".join(f"{k} = {v}" for k, v in eq.instance.items())
        claim.claim += f"   (instance: {claim.instance})"
    if eq.special_case:  # a special case in words (scalar X, Y for a line about random vectors): evidence only
        claim.instance = f"{claim.instance}; {eq.special_case}" if claim.instance else eq.special_case
        claim.claim += f"   (special case: {eq.special_case})"
    return claim
