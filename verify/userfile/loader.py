"""Read an identity file: YAML (``yaml.safe_load`` only), then a strict check of every field.

The document is a mapping::

    layout: denominator        # optional; or numerator
    symbols: {n: ...}          # optional; shared by every identity (an identity's own win)
    distributions: {...}       # optional; shared likewise
    identities:                # required: a list of mappings
      - id: quad-form-grad     # required, unique: letters, digits, - _ . :
        claim: D(x.T*A*x, x) == (A + A.T)*x    # required
        title: ...             # optional
        symbols: {x: vector n, A: matrix n n}
        distributions: {N: Poisson(lam)}
        layout: numerator      # optional, overrides the file's
        given: independent X Y # optional, a string or a list
        where: a > 0           # optional constraints, a string or a list
        expect: refuted        # optional; default holds
        notes: ...             # optional

A bare list of identities is accepted as well.  Problems are collected, not
raised: one bad identity never stops the others (:class:`LoadedFile`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .errors import UserFileError
from .identity import EXPECT, LAYOUTS, Identity
from .limits import MAX_FILE_BYTES, MAX_IDENTITIES, MAX_SYMBOLS, MAX_TEXT_CHARS, MAX_WHERE

__all__ = ["LoadedFile", "load_file", "load_text", "load_data", "FILE_KEYS", "IDENTITY_KEYS"]

FILE_KEYS = ("layout", "symbols", "distributions", "identities", "title", "description")
IDENTITY_KEYS = ("id", "title", "claim", "symbols", "distributions", "layout", "given", "where", "expect",
                 "notes", "source")
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,79}$")


@dataclass
class LoadedFile:
    """The identities of one file that passed the checks, and the errors of the rest."""

    file: str | None
    identities: list[Identity] = field(default_factory=list)
    errors: list[UserFileError] = field(default_factory=list)


def _text(value, what: str, *, where: dict, required: bool = False, default: str = "") -> str:
    if value is None:
        if required:
            raise UserFileError(f"required field {what!r} is missing", **where, field=what)
        return default
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise UserFileError(f"must be text, got {_kind(value)}", **where, field=what)
    value = str(value)
    if len(value) > MAX_TEXT_CHARS:
        raise UserFileError(f"text of {len(value)} characters exceeds the limit of {MAX_TEXT_CHARS}",
                            **where, field=what)
    return value


def _kind(value) -> str:
    return {dict: "a mapping", list: "a list", bool: "true/false", type(None): "nothing"}.get(
        type(value), f"a {type(value).__name__}")


def _mapping(value, what: str, *, where: dict, limit: int = MAX_SYMBOLS) -> dict[str, str]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise UserFileError(f"must be a mapping such as {{x: vector n}}, got {_kind(value)}", **where, field=what)
    if len(value) > limit:
        raise UserFileError(f"more than {limit} entries", **where, field=what)
    out = {}
    for key, text in value.items():
        if not isinstance(key, str):
            raise UserFileError(f"names must be text, got {_kind(key)} {key!r}"[:200], **where, field=what)
        if isinstance(text, bool) or not isinstance(text, (str, int)):
            raise UserFileError(f"{key}: must be text such as 'matrix n n', got {_kind(text)}"[:300],
                                **where, field=what)
        out[key] = str(text)
    return out


def _strings(value, what: str, *, where: dict, limit: int = MAX_WHERE) -> tuple[str, ...]:
    if value is None:
        return ()
    items = value if isinstance(value, list) else [value]
    if len(items) > limit:
        raise UserFileError(f"more than {limit} items", **where, field=what)
    return tuple(_text(v, what, where=where) for v in items)


def _choice(value, what: str, options, *, where: dict, default: str) -> str:
    if value is None:
        return default
    if value not in options:
        raise UserFileError(f"must be one of {', '.join(options)}, got {value!r}"[:300], **where, field=what)
    return value


def _identity(raw, index: int, defaults: dict, file: str | None, seen: set) -> Identity:
    label = f"#{index + 1}"
    where = {"file": file, "identity": label}
    if not isinstance(raw, dict):
        raise UserFileError(f"must be a mapping with id and claim, got {_kind(raw)}", **where)
    ident = raw.get("id")
    if isinstance(ident, str) and _ID.match(ident):
        where["identity"] = ident
    elif ident is None:
        raise UserFileError("required field 'id' is missing", **where, field="id")
    else:
        raise UserFileError("an id is 1-80 letters, digits, '-', '_', '.', ':' starting with a letter or digit, "
                            f"got {str(ident)[:80]!r}", **where, field="id")
    unknown = sorted(str(k) for k in raw if k not in IDENTITY_KEYS)
    if unknown:
        raise UserFileError(f"unknown field(s) {', '.join(unknown)[:200]}; known: {', '.join(IDENTITY_KEYS)}",
                            **where)
    if ident in seen:
        raise UserFileError("duplicate id: ids must be unique within a file", **where, field="id")
    seen.add(ident)
    symbols = defaults["symbols"] | _mapping(raw.get("symbols"), "symbols", where=where)
    dists = defaults["distributions"] | _mapping(raw.get("distributions"), "distributions", where=where)
    return Identity(
        id=ident,
        claim=_text(raw.get("claim"), "claim", where=where, required=True),
        symbols=symbols,
        distributions=dists,
        title=_text(raw.get("title"), "title", where=where),
        layout=_choice(raw.get("layout"), "layout", LAYOUTS, where=where, default=defaults["layout"]),
        given=_strings(raw.get("given"), "given", where=where),
        where=_strings(raw.get("where"), "where", where=where),
        expect=_choice(raw.get("expect"), "expect", EXPECT, where=where, default="holds"),
        notes=_text(raw.get("notes"), "notes", where=where),
        file=file,
    )


def load_data(data, file: str | None = None) -> LoadedFile:
    """Check an already-parsed document (a mapping, or a list of identities)."""
    out = LoadedFile(file)
    where = {"file": file}
    try:
        if isinstance(data, list):
            data = {"identities": data}
        if not isinstance(data, dict):
            raise UserFileError(f"the document must be a mapping with 'identities', got {_kind(data)}", **where)
        unknown = sorted(str(k) for k in data if k not in FILE_KEYS)
        if unknown:
            raise UserFileError(f"unknown top-level key(s) {', '.join(unknown)[:200]}; known: {', '.join(FILE_KEYS)}",
                                **where)
        defaults = {
            "layout": _choice(data.get("layout"), "layout", LAYOUTS, where=where, default="denominator"),
            "symbols": _mapping(data.get("symbols"), "symbols", where=where),
            "distributions": _mapping(data.get("distributions"), "distributions", where=where),
        }
        raw = data.get("identities")
        if not isinstance(raw, list):
            raise UserFileError(f"must be a list of identities, got {_kind(raw)}", **where, field="identities")
        if len(raw) > MAX_IDENTITIES:
            raise UserFileError(f"{len(raw)} identities exceed the limit of {MAX_IDENTITIES} per file",
                                **where, field="identities")
    except UserFileError as err:
        out.errors.append(err)
        return out
    seen: set = set()
    for index, item in enumerate(raw):
        try:
            out.identities.append(_identity(item, index, defaults, file, seen))
        except UserFileError as err:
            out.errors.append(err)
    if not raw:
        out.errors.append(UserFileError("the file declares no identities", **where, field="identities"))
    return out


def load_text(text, file: str | None = None) -> LoadedFile:
    """Parse YAML text with ``yaml.safe_load`` and check it."""
    import yaml

    if not isinstance(text, str):
        return LoadedFile(file, errors=[UserFileError(f"expected text, got {_kind(text)}", file=file)])
    if len(text.encode("utf-8", "surrogatepass")) > MAX_FILE_BYTES:
        return LoadedFile(file, errors=[UserFileError(f"larger than {MAX_FILE_BYTES} bytes", file=file)])
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        at = f" at line {mark.line + 1}, column {mark.column + 1}" if mark is not None else ""
        problem = getattr(err, "problem", None) or type(err).__name__
        return LoadedFile(file, errors=[UserFileError(f"not valid YAML{at}: {problem}", file=file)])
    except (RecursionError, MemoryError, ValueError, OverflowError) as err:
        return LoadedFile(file, errors=[UserFileError(f"not valid YAML: {type(err).__name__}", file=file)])
    return load_data(data, file)


def load_file(path) -> LoadedFile:
    """Read and check one file; an unreadable file is an error in the result, not an exception."""
    name = str(path)
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > MAX_FILE_BYTES:
            return LoadedFile(name, errors=[UserFileError(f"{size} bytes exceed the limit of {MAX_FILE_BYTES}",
                                                          file=name)])
        raw = p.read_bytes()
    except OSError as err:
        return LoadedFile(name, errors=[UserFileError(f"cannot read the file: {err.strerror or err}", file=name)])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        return LoadedFile(name, errors=[UserFileError(f"not UTF-8 text (byte {err.start})", file=name)])
    return load_text(text, name)
