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

Files are untrusted: only a regular file of at most ``MAX_FILE_BYTES`` is read
(:mod:`verify.sandbox.files`; ``/dev/zero``, FIFOs and directories are refused
unread), the YAML is parsed with bounds on alias expansion, nesting and integer
size, and with duplicate keys recorded instead of silently replaced
(:mod:`verify.sandbox.strict_yaml`).  A duplicate key is an input error for the
identity that holds it (or for the file, outside the identities), and so is a value
YAML split at a comma (``distributions: {X: Normal(mu, sigma)}`` unquoted); so are symbol
names that are not plain names (``x\\n``) or are Python keywords, size letters
likewise (``matrix lambda lambda``), and more than ``MAX_SYMBOLS`` symbols once the
file's are merged in.  Messages show at most a bounded preview of a value
(:func:`verify.sandbox.text.preview`), never its full ``str``.
"""

from __future__ import annotations

import keyword
import re
from dataclasses import dataclass, field

from verify.sandbox.files import FileRefused, read_regular_file
from verify.sandbox.strict_yaml import (
    MAX_INT_DIGITS,
    HugeInteger,
    StrictYAMLError,
    duplicate_keys,
    split_values,
)
from verify.sandbox.text import preview

from .errors import UserFileError
from .identity import EXPECT, LAYOUTS, Identity
from .limits import MAX_FILE_BYTES, MAX_IDENTITIES, MAX_SYMBOLS, MAX_TEXT_CHARS, MAX_WHERE

__all__ = ["LoadedFile", "load_file", "load_text", "load_data", "FILE_KEYS", "IDENTITY_KEYS"]

FILE_KEYS = ("layout", "symbols", "distributions", "identities", "title", "description")
IDENTITY_KEYS = ("id", "title", "claim", "symbols", "distributions", "layout", "given", "where", "expect",
                 "notes", "source")
_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.:-]{0,79}\Z")
_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_]{0,31}\Z")
_SIZED = {"vector": slice(1, 2), "matrix": slice(1, 3), "function": slice(1, 3)}  # tokens that are names or sizes
_MAX_INT_BITS = MAX_INT_DIGITS * 10 // 3


@dataclass
class LoadedFile:
    """The identities of one file that passed the checks, and the errors of the rest."""

    file: str | None
    identities: list[Identity] = field(default_factory=list)
    errors: list[UserFileError] = field(default_factory=list)


def _kind(value) -> str:
    if isinstance(value, HugeInteger):
        return f"an integer of more than {MAX_INT_DIGITS} digits"
    for kind, name in ((bool, "true/false"), (dict, "a mapping"), (list, "a list"), (type(None), "nothing"),
                       ((int, float), "a number")):
        if isinstance(value, kind):
            return name
    return f"a {type(value).__name__}"


def _plain(value, what: str, where: dict) -> str:
    """A scalar as text: strings, numbers; huge integers refused (``str`` of them raises)."""
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise UserFileError(f"must be text, got {_kind(value)}", **where, field=what)
    if isinstance(value, int) and value.bit_length() > _MAX_INT_BITS:
        raise UserFileError(f"an integer of more than {MAX_INT_DIGITS} digits is not allowed here", **where,
                            field=what)
    return str(value)


def _text(value, what: str, *, where: dict, required: bool = False, default: str = "") -> str:
    if value is None:
        if required:
            raise UserFileError(f"required field {what!r} is missing", **where, field=what)
        return default
    value = _plain(value, what, where)
    if len(value) > MAX_TEXT_CHARS:
        raise UserFileError(f"text of {len(value)} characters exceeds the limit of {MAX_TEXT_CHARS}",
                            **where, field=what)
    return value


def _check_name(name: str, what: str, where: dict, field_: str) -> None:
    if not _NAME.match(name):
        raise UserFileError(f"{what} {preview(name, 40)!r} must be a letter followed by up to 31 letters, "
                            "digits or _", **where, field=field_)
    if keyword.iskeyword(name):
        raise UserFileError(f"{what} {name!r} is a Python keyword; choose another (such as 'lam' for lambda)",
                            **where, field=field_)


def _check_declaration(name: str, text: str, where: dict) -> None:
    """Size letters and function arguments of a declaration are plain names, not keywords."""
    if "(" in text:
        return  # a distribution: its parameters are checked where they are resolved
    tokens = text.replace(",", " ").split()
    if not tokens or tokens[0].lower() not in _SIZED:
        return
    for token in tokens[_SIZED[tokens[0].lower()]]:
        if not token.isdigit():
            _check_name(token, f"symbol {name}: size or argument", where, "symbols")


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
            raise UserFileError(f"names must be text, got {_kind(key)} {preview(key, 40)}", **where, field=what)
        _check_name(key, "symbol name", where, what)
        if isinstance(text, bool) or not isinstance(text, (str, int)):
            raise UserFileError(f"{key}: must be text such as 'matrix n n', got {_kind(text)}", **where, field=what)
        out[key] = _plain(text, what, where)
        if what == "symbols":
            _check_declaration(key, out[key], where)
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
        raise UserFileError(f"must be one of {', '.join(options)}, got {preview(value, 60)}", **where, field=what)
    return value


def _no_duplicates(value, where: dict, *, skip: tuple = ()) -> None:
    """Refuse the first duplicate key inside ``value`` (paths under a ``skip`` key are checked elsewhere)."""
    for path, key, line in duplicate_keys(value, skip=skip):
        top = re.split(r"[.\[]", path, maxsplit=1)[0] if path else ""
        if top in skip:
            continue
        named = key if isinstance(key, str) and key in FILE_KEYS + IDENTITY_KEYS else None
        place = f" in {path}" if path else ""
        raise UserFileError(f"duplicate key {preview(key, 40)!r}{place} (line {line}): the second would silently "
                            "replace the first; give each key once", **where, field=top or named)


def _no_splits(value, where: dict, *, skip: tuple = ()) -> None:
    """Refuse the first value YAML split at a comma inside ``{...}`` or ``[...]`` (``{X: Normal(mu, sigma)}``)."""
    for path, line, text in split_values(value, skip=skip):
        top = re.split(r"[.\[]", path, maxsplit=1)[0]
        written = f" {preview(text, 80)!r}" if text else ""
        quoted = f'"{preview(text, 80)}"' if text and '"' not in text else '"..."'
        fix = (f"quote the item ({quoted}) or write the list in block style, one item per line"
               if path.endswith("]") else f"quote the value ({path.rsplit('.', 1)[-1]}: {quoted}) or write the "
               "mapping in block style, one entry per line")
        raise UserFileError(f"YAML split the value{written} at its comma{'s' * (text.count(',') > 1)} (line {line}): "
                            f"inside {{...}} or [...] a comma separates entries; {fix}", **where, field=top or None)


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
                            f"got {preview(ident, 80)!r}", **where, field="id")
    _no_duplicates(raw, where)
    _no_splits(raw, where)
    unknown = sorted(preview(k, 40) for k in raw if k not in IDENTITY_KEYS)
    if unknown:
        raise UserFileError(f"unknown field(s) {preview(', '.join(unknown), 200)}; known: {', '.join(IDENTITY_KEYS)}",
                            **where)
    if ident in seen:
        raise UserFileError("duplicate id: ids must be unique within a file", **where, field="id")
    seen.add(ident)
    symbols = defaults["symbols"] | _mapping(raw.get("symbols"), "symbols", where=where)
    dists = defaults["distributions"] | _mapping(raw.get("distributions"), "distributions", where=where)
    if len(symbols) + len(dists) > MAX_SYMBOLS:
        raise UserFileError(f"{len(symbols) + len(dists)} symbols with the file's merged in exceed the limit of "
                            f"{MAX_SYMBOLS} per identity", **where, field="symbols")
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
        _no_duplicates(data, where, skip=("identities",))
        _no_splits(data, where, skip=("identities",))
        unknown = sorted(preview(k, 40) for k in data if k not in FILE_KEYS)
        if unknown:
            raise UserFileError(f"unknown top-level key(s) {preview(', '.join(unknown), 200)}; known: "
                                f"{', '.join(FILE_KEYS)}", **where)
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
    """Parse YAML text (:func:`verify.sandbox.strict_yaml.load`) and check it."""
    import yaml

    from verify.sandbox import strict_yaml

    if not isinstance(text, str):
        return LoadedFile(file, errors=[UserFileError(f"expected text, got {_kind(text)}", file=file)])
    if len(text) > MAX_FILE_BYTES or len(text.encode("utf-8", "surrogatepass")) > MAX_FILE_BYTES:
        return LoadedFile(file, errors=[UserFileError(f"larger than {MAX_FILE_BYTES} bytes", file=file)])
    try:
        data = strict_yaml.load(text)
    except StrictYAMLError as err:
        return LoadedFile(file, errors=[UserFileError(f"refused YAML: {err}", file=file)])
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        at = f" at line {mark.line + 1}, column {mark.column + 1}" if mark is not None else ""
        problem = getattr(err, "problem", None) or type(err).__name__
        return LoadedFile(file, errors=[UserFileError(f"not valid YAML{at}: {preview(problem, 200)}", file=file)])
    except (RecursionError, MemoryError, ValueError, OverflowError, TypeError) as err:
        return LoadedFile(file, errors=[UserFileError(f"not valid YAML: {type(err).__name__}", file=file)])
    return load_data(data, file)


def load_file(path) -> LoadedFile:
    """Read and check one file; an unreadable file is an error in the result, not an exception."""
    name = str(path)
    try:
        raw = read_regular_file(path, MAX_FILE_BYTES)
    except FileRefused as err:
        return LoadedFile(name, errors=[UserFileError(f"cannot read the file: {err}", file=name)])
    except OSError as err:
        return LoadedFile(name, errors=[UserFileError(f"cannot read the file: {err.strerror or err}", file=name)])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        return LoadedFile(name, errors=[UserFileError(f"not UTF-8 text (byte {err.start})", file=name)])
    return load_text(text, name)
