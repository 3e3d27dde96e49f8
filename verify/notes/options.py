"""Declarations of a notes file: the file-wide header and the comment after an equation.

The header (Markdown front matter under ``sheetproof:``, a ``% sheetproof:`` block in
LaTeX, or a sidecar file ``NAME.sheetproof.yaml`` beside the notes) is a mapping::

    symbols: {x: vector n, A: matrix n n}   # as in identity files; keys may be TeX: '\\mathbf{x}'
    distributions: {X: Normal(mu, sigma)}
    layout: denominator                     # or numerator
    where: [a > 0]                          # constraints for every claim
    given: [independent X Y]
    inline: false                           # true: also read $...$ inside paragraphs
    index_base: 1                           # x_1 is the first entry (0: x_0 is)
    macros: {'\\R': '\\mathbb{R}', '\\norm': '\\left\\|#1\\right\\|'}
    equations: {L12: {expect: refuted}, eq-softmax: {skip: a definition}}   # adjust claims by id
    # a relation that names something, written with '=': notation, listed with the definitions
    equations: {L186.1: {definition: "S = ... names the sample covariance"}}
    # a relation that is a hypothesis of the line's claim; macros for one line (mu names E[X] there)
    equations: {L55.4: {hypothesis: "eps > 0"}, L55: {macros: {'\\mu': 'E[X]'}}}
    # a garbled line read as intended: its formulas are replaced by the reading, and the report says why
    equations: {L19: {reading: 'E[(X - E[X])(Y - E[Y])] = \\text{Cov}(X, Y)', because: "garbled: ..."}}
    # '+ \\text{const}' ends a side: equal up to a constant in A (read D(lhs - rhs, A) == 0); here or per equation
    constant_in: [A]
    # a macro may be a literal pattern, for a name the text around the formula defines
    equations: {L9: {macros: {'\\mathbf{S}': '\\frac{1}{k} \\mathbf{X} \\mathbf{X}^T'}}}
    # a line about every n checked at one n (every letter n of the line is read as 4; the claim says so)
    equations: {L31: {instance: {n: 4}}}
    # a ':=' that states a fact (a table of known values written with ':='): read as a claim
    equations: {L45: {claim: "the list 'law := its MGF' states each law's MGF"}}
    format: markdown                        # sidecars only: for a file whose name does not say

The comment after an equation adjusts that equation: ``id=name, expect=refuted,
skip, skip="why", symbols={x: vector 3}, distributions={...}, where="a > 0",
given="independent X Y", layout=numerator, title="..."`` (or one YAML flow mapping
``{id: name, expect: refuted}``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .errors import NotesError

__all__ = ["FileOptions", "EquationOptions", "HEADER_KEYS", "EQUATION_KEYS", "file_options", "equation_options",
           "parse_comment"]

HEADER_KEYS = ("symbols", "distributions", "layout", "where", "given", "inline", "index_base", "macros",
               "equations", "format", "title", "description", "constant_in")
EQUATION_KEYS = ("id", "expect", "skip", "symbols", "distributions", "where", "given", "layout", "title", "reading",
                 "because", "definition", "hypothesis", "macros", "constant_in", "instance", "special_case",
                 "claim")
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,79}$")
MAX_MACRO_ENTRIES = 200


@dataclass
class EquationOptions:
    id: str | None = None
    expect: str = "holds"
    skip: str | None = None  # the reason, when skipped
    symbols: dict = field(default_factory=dict)
    distributions: dict = field(default_factory=dict)
    where: tuple = ()
    given: tuple = ()
    layout: str | None = None
    title: str = ""
    reading: str | None = None  # TeX read instead of the line's own formulas (a garbled line, header only)
    because: str = ""  # why the line is read that way (required with reading)
    definition: str | None = None  # the relation names something (S = X X^T names S): notation, not a claim
    hypothesis: str | None = None  # the relation is a hypothesis of the line's claim (eps > 0): not a claim
    macros: dict = field(default_factory=dict)  # macros for one line's formulas (header only, key L<line>)
    constant_in: tuple = ()  # '+ const' is a constant in these symbols (verify.notes.constants)
    instance: dict = field(default_factory=dict)  # a letter of the line fixed to a number: {n: 4} (header only)
    special_case: str | None = None  # the special case the declarations check, in words ("scalar X and Y")
    claim: str | None = None  # why the line's ':=' states a fact: it is read as a claim (header only, key L<line>)

    def merged(self, other: EquationOptions) -> EquationOptions:
        """These options with ``other``'s on top (the comment after an equation wins over the header)."""
        return EquationOptions(
            other.id or self.id, other.expect if other.expect != "holds" else self.expect,
            other.skip if other.skip is not None else self.skip, {**self.symbols, **other.symbols},
            {**self.distributions, **other.distributions}, self.where + other.where, self.given + other.given,
            other.layout or self.layout, other.title or self.title, other.reading or self.reading,
            other.because or self.because, other.definition or self.definition,
            other.hypothesis or self.hypothesis, {**self.macros, **other.macros},
            other.constant_in or self.constant_in, {**self.instance, **other.instance},
            other.special_case or self.special_case, other.claim or self.claim)


@dataclass
class FileOptions:
    symbols: dict = field(default_factory=dict)
    distributions: dict = field(default_factory=dict)
    layout: str = "denominator"
    where: tuple = ()
    given: tuple = ()
    inline: bool = False
    index_base: int = 1
    macros: dict = field(default_factory=dict)  # "\\name" -> body
    equations: dict = field(default_factory=dict)  # id -> EquationOptions
    format: str | None = None
    constant_in: tuple = ()  # '+ const' is a constant in these symbols, file-wide


def _kind(value) -> str:
    return {dict: "a mapping", list: "a list", bool: "true/false", type(None): "nothing"}.get(
        type(value), f"a {type(value).__name__}")


def _mapping(value, what: str) -> dict:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise NotesError(f"{what}: must be a mapping such as {{x: vector n}}, got {_kind(value)}")
    out = {}
    for k, v in value.items():
        if not isinstance(k, str) or isinstance(v, bool) or not isinstance(v, (str, int)):
            raise NotesError(f"{what}: {k!r} must map to text such as 'vector n'")
        out[k] = str(v)
    return out


def _strings(value, what: str) -> tuple:
    if value is None:
        return ()
    items = value if isinstance(value, list) else [value]
    for v in items:
        if isinstance(v, bool) or not isinstance(v, (str, int, float)):
            raise NotesError(f"{what}: must be text or a list of texts, got {_kind(v)}")
    return tuple(str(v) for v in items)


def _choice(value, what: str, options: tuple, default):
    if value is None:
        return default
    if value not in options:
        raise NotesError(f"{what}: must be one of {', '.join(map(str, options))}, got {value!r}"[:300])
    return value


def _claim(value, where: str) -> str | None:
    if value is not None and not (isinstance(value, str) and value.strip()):
        raise NotesError(f"{where}: claim: must say why the line's ':=' states a fact")
    return value


def _instance(value) -> dict:
    if value is None:
        return {}
    if not isinstance(value, dict) or not all(
            isinstance(k, str) and len(k) == 1 and k.isalpha() and isinstance(v, int) and not isinstance(v, bool)
            and 1 <= v <= 64 for k, v in value.items()):
        raise NotesError("instance: must map letters to whole numbers 1..64, such as {n: 4}")
    return dict(value)


def _special_case(value, where: str) -> str | None:
    if value is not None and not (isinstance(value, str) and value.strip() and len(value) <= 300):
        raise NotesError(f"{where}: special_case: must say in words which special case of the line the "
                         "declarations check (such as 'scalar X and Y; the line is about random vectors')")
    return value.strip() if value is not None else None


def equation_options(data: dict, where: str = "the equation's comment") -> EquationOptions:
    unknown = sorted(str(k) for k in data if k not in EQUATION_KEYS)
    if unknown:
        raise NotesError(f"{where}: unknown key(s) {', '.join(unknown)[:200]}; known: {', '.join(EQUATION_KEYS)}")
    ident = data.get("id")
    if ident is not None and not (isinstance(ident, str) and _ID.match(ident)):
        raise NotesError(f"{where}: an id is 1-80 letters, digits, '-', '_', '.', ':', got {str(ident)[:80]!r}")
    skip = data.get("skip")
    if skip is True or skip == "":
        skip = "marked skip"
    elif skip is False:
        skip = None
    elif skip is not None:
        skip = str(skip)
    title = data.get("title")
    reading, because = data.get("reading"), data.get("because")
    if reading is not None and not (isinstance(reading, str) and reading.strip()):
        raise NotesError(f"{where}: reading: must be the TeX the line is read as")
    if reading is not None and not (isinstance(because, str) and because.strip()):
        raise NotesError(f"{where}: a reading needs 'because:', the reason the line's own text is not read")
    if because is not None and reading is None:
        raise NotesError(f"{where}: 'because:' gives the reason for a reading: add 'reading:'")
    definition, hypothesis = data.get("definition"), data.get("hypothesis")
    if definition is not None and not (isinstance(definition, str) and definition.strip()):
        raise NotesError(f"{where}: definition: must say what the relation defines")
    if hypothesis is not None and not (isinstance(hypothesis, str) and hypothesis.strip()):
        raise NotesError(f"{where}: hypothesis: must say whose hypothesis the relation is")
    macros = _mapping(data.get("macros"), "macros")
    if len(macros) > MAX_MACRO_ENTRIES:
        raise NotesError(f"{where}: macros: more than {MAX_MACRO_ENTRIES} entries")
    return EquationOptions(ident, _choice(data.get("expect"), "expect", ("holds", "refuted"), "holds"), skip,
                           _mapping(data.get("symbols"), "symbols"), _mapping(data.get("distributions"),
                                                                               "distributions"),
                           _strings(data.get("where"), "where"), _strings(data.get("given"), "given"),
                           _choice(data.get("layout"), "layout", ("denominator", "numerator"), None),
                           "" if title is None else str(title), reading, because or "", definition, hypothesis,
                           macros, _strings(data.get("constant_in"), "constant_in"), _instance(data.get("instance")),
                           _special_case(data.get("special_case"), where), _claim(data.get("claim"), where))


def file_options(data, *, sidecar: bool = False) -> FileOptions:
    """Check a header mapping (``None`` or ``True`` for an empty one); raises :class:`NotesError`."""
    if data is None or data is True:
        return FileOptions()
    if not isinstance(data, dict):
        raise NotesError(f"the sheetproof header must be a mapping, got {_kind(data)}")
    unknown = sorted(str(k) for k in data if k not in HEADER_KEYS)
    if unknown:
        raise NotesError(f"the sheetproof header: unknown key(s) {', '.join(unknown)[:200]}; known: "
                         f"{', '.join(HEADER_KEYS)}")
    if "format" in data and not sidecar:
        raise NotesError("'format' belongs in a sidecar file NAME.sheetproof.yaml, not in the notes' own header")
    macros = _mapping(data.get("macros"), "macros")
    if len(macros) > MAX_MACRO_ENTRIES:
        raise NotesError(f"macros: more than {MAX_MACRO_ENTRIES} entries")
    raw_eq = data.get("equations") or {}
    if not isinstance(raw_eq, dict):
        raise NotesError(f"equations: must map claim ids to options, got {_kind(raw_eq)}")
    equations = {}
    for key, opts in raw_eq.items():
        if not isinstance(opts, dict):
            raise NotesError(f"equations: {key!r} must map to options such as {{expect: refuted}}")
        equations[str(key)] = equation_options(opts, f"equations: {key}")
    inline = data.get("inline", False)
    if not isinstance(inline, bool):
        raise NotesError(f"inline: must be true or false, got {inline!r}")
    return FileOptions(
        _mapping(data.get("symbols"), "symbols"), _mapping(data.get("distributions"), "distributions"),
        _choice(data.get("layout"), "layout", ("denominator", "numerator"), "denominator"),
        _strings(data.get("where"), "where"), _strings(data.get("given"), "given"), inline,
        _choice(data.get("index_base"), "index_base", (0, 1), 1), macros, equations,
        _choice(data.get("format"), "format", ("markdown", "latex"), None),
        _strings(data.get("constant_in"), "constant_in"))


def _split_items(body: str) -> list[str]:
    """Top-level comma-separated items; commas inside {} [] () and quotes stay."""
    items, depth, quote, start = [], 0, None, 0
    for k, c in enumerate(body):
        if quote:
            if c == quote:
                quote = None
        elif c in "\"'":
            quote = c
        elif c in "{[(":
            depth += 1
        elif c in "}])":
            depth -= 1
        elif c == "," and depth == 0:
            items.append(body[start:k])
            start = k + 1
    items.append(body[start:])
    return [i.strip() for i in items if i.strip()]


def parse_comment(body: str) -> EquationOptions:
    """The options of ``<!-- sheetproof: BODY -->`` / ``% sheetproof: BODY``."""
    import yaml

    body = body.strip()
    if len(body) > 4000:
        raise NotesError("a sheetproof comment longer than 4000 characters")
    if body.startswith("{"):
        try:
            data = yaml.safe_load(body)
        except yaml.YAMLError as err:
            raise NotesError(f"the sheetproof comment is not a YAML mapping: {type(err).__name__}") from None
        if not isinstance(data, dict):
            raise NotesError("the sheetproof comment must be a mapping such as {id: name, expect: refuted}")
        return equation_options(data)
    data: dict = {}
    for item in _split_items(body):
        key, sep, value = item.partition("=")
        key = key.strip()
        if not sep:
            if key != "skip":
                raise NotesError(f"the sheetproof comment: {key!r} needs a value ({key}=...); only 'skip' "
                                 "stands alone")
            data["skip"] = True
            continue
        value = value.strip()
        if value[:1] in "{[":
            try:
                data[key] = yaml.safe_load(value)
            except yaml.YAMLError as err:
                raise NotesError(f"the sheetproof comment: {key}= is not YAML: {type(err).__name__}") from None
        elif value[:1] in "\"'" and value[-1:] == value[:1] and len(value) >= 2:
            data[key] = value[1:-1]
        else:
            data[key] = value
    return equation_options(data)
