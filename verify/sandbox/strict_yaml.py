"""YAML for untrusted files: ``yaml.SafeLoader`` with bounds, and nothing silently lost.

* **Aliases and merge keys** are expanded only on paper: before anything is
  constructed, the composed node graph is walked once (memoised) to count the
  values a full expansion would hold; past :data:`MAX_VALUES` (a "billion laughs"
  document of a few hundred bytes holds 10⁹), or with an alias that contains
  itself, or nested deeper than :data:`MAX_DEPTH`, the document is refused.
  The expansion is never built, and no message ever prints the value.
* **Duplicate keys** are kept track of instead of letting the second replace the
  first: every mapping is a :class:`Mapping` (a ``dict``) whose ``duplicates`` lists
  ``(key, line)`` for each repeated key, so the loader can refuse exactly the
  identity (or the file) that holds one.  A key given explicitly next to a merge
  key (``<<: *defaults``) overrides the merged one, as YAML intends.
* **Values split at a comma**: inside a flow collection (``{...}``, ``[...]``) a comma
  separates entries, so ``distributions: {X: Normal(mu, sigma)}`` parses as
  ``{"X": "Normal(mu", "sigma)": None}``.  A plain (unquoted) scalar there that opens
  more parentheses than it closes, followed by scalars that close them, is such a
  split: the collection records ``(key or index, line, the text as written)`` in its
  ``splits`` (:class:`Mapping`, :class:`Sequence`), and the loader refuses it with
  the quoted form to write instead (:func:`split_values`).  Nothing is re-joined:
  which entries the author meant is not guessed.
* **Integers** beyond :data:`MAX_INT_DIGITS` decimal digits (in any base) are not
  converted: they become a :class:`HugeInteger` placeholder, refused by the loader
  in whatever field holds it; an integer scalar longer than :data:`MAX_INT_CHARS`
  characters is not even parsed.

Parsing uses libyaml when PyYAML has it (``CSafeLoader``: about nine times faster on a
large file; libyaml refuses nesting past 1,000 levels itself), else the pure-Python
parser; a document whose brackets nest past ``4 * MAX_DEPTH`` is refused before either
(the pure-Python parser takes seconds to reach its recursion limit).
"""

from __future__ import annotations

import math

import yaml
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

__all__ = ["load", "Mapping", "Sequence", "HugeInteger", "split_values", "StrictYAMLError", "MAX_VALUES", "MAX_DEPTH", "MAX_INT_DIGITS",
           "duplicate_keys"]

MAX_VALUES = 100_000  # values (scalars, lists, mappings) of the document with every alias expanded
MAX_DEPTH = 64  # nesting of lists and mappings
MAX_INT_DIGITS = 4_300  # decimal digits of an integer (Python's own limit for str(int))
MAX_INT_CHARS = 16_000  # characters of an integer scalar, in any base, before conversion is attempted
_MERGE = "tag:yaml.org,2002:merge"
_INT = "tag:yaml.org,2002:int"


class StrictYAMLError(ValueError):
    """A document refused as a whole, with the line where the problem is (when known)."""

    def __init__(self, message: str, line: int | None = None):
        super().__init__(message if line is None else f"{message} (line {line})")


class Mapping(dict):
    """A YAML mapping; ``duplicates`` lists ``(key, line)`` for every key given twice, ``splits``
    ``(key, line, text)`` for every value a comma split (see the module's docstring)."""

    duplicates: tuple = ()
    splits: tuple = ()


class Sequence(list):
    """A YAML flow sequence with items a comma split: ``splits`` lists ``(index, line, text)``."""

    splits: tuple = ()


class HugeInteger:
    """An integer scalar too long to convert: its digit count (at least) and its line."""

    def __init__(self, digits: int, line: int):
        self.digits, self.line = digits, line

    def __repr__(self) -> str:
        return f"<an integer of more than {MAX_INT_DIGITS} digits, line {self.line}>"

    __str__ = __repr__


def _line(node) -> int:
    return node.start_mark.line + 1 if node.start_mark is not None else 0


def _expanded_size(root) -> int:
    """Values of the document with every alias expanded, counted without expanding (raises when too many)."""
    size: dict[int, int] = {}
    active: set[int] = set()
    stack = [(root, 0, False)]
    while stack:
        node, depth, done = stack.pop()
        key = id(node)
        if done:
            children = node.value if isinstance(node, SequenceNode) else \
                [n for pair in node.value for n in pair] if isinstance(node, MappingNode) else []
            total = 1 + sum(size[id(c)] for c in children)
            size[key] = total
            active.discard(key)
            if total > MAX_VALUES:
                raise StrictYAMLError(f"aliases expand to more than {MAX_VALUES} values", _line(node))
            continue
        if key in size:
            continue
        if key in active:
            raise StrictYAMLError("an alias refers to a value that contains it", _line(node))
        if depth > MAX_DEPTH:
            raise StrictYAMLError(f"nested deeper than {MAX_DEPTH} levels", _line(node))
        if isinstance(node, ScalarNode):
            size[key] = 1
            continue
        active.add(key)
        stack.append((node, depth, True))
        children = node.value if isinstance(node, SequenceNode) else [n for pair in node.value for n in pair]
        for child in children:
            if id(child) not in size:
                stack.append((child, depth + 1, False))
    return size[id(root)]


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    def construct_yaml_int(self, node):
        text = node.value if isinstance(node.value, str) else ""
        if len(text) > MAX_INT_CHARS:
            return HugeInteger(len(text), _line(node))
        digits = text.replace("_", "").lstrip("+-")
        if digits.startswith(("0x", "0b")) or (digits.startswith("0") and digits.isdigit()) or ":" in digits:
            value = super().construct_yaml_int(node)
        elif len(digits) > MAX_INT_DIGITS:
            return HugeInteger(len(digits), _line(node))
        else:
            value = super().construct_yaml_int(node)
        if value.bit_length() > math.ceil(MAX_INT_DIGITS * math.log2(10)):
            return HugeInteger(int(value.bit_length() * math.log10(2)), _line(node))
        return value

    def construct_yaml_map(self, node):
        data = Mapping()
        yield data
        data.duplicates = self._duplicates(node)
        data.splits = _splits(node, self.source)
        data.update(self.construct_mapping(node))

    def construct_yaml_seq(self, node):
        splits = _splits(node, self.source)
        data = Sequence() if splits else []
        if splits:
            data.splits = splits
        yield data
        data.extend(self.construct_sequence(node))

    def _duplicates(self, node) -> tuple:
        seen, out = set(), []
        for key_node, _ in node.value:
            if key_node.tag == _MERGE:
                continue
            key = self.construct_object(key_node, deep=True)
            try:
                if key in seen:
                    out.append((key, _line(key_node)))
                seen.add(key)
            except TypeError:
                continue  # an unhashable key is refused by the constructor itself
        return tuple(out)


_Loader.add_constructor(_INT, _Loader.construct_yaml_int)
_Loader.add_constructor("tag:yaml.org,2002:map", _Loader.construct_yaml_map)
_Loader.add_constructor("tag:yaml.org,2002:seq", _Loader.construct_yaml_seq)


def _plain_scalar(node) -> bool:
    return isinstance(node, ScalarNode) and not node.style  # plain: None (Python parser) or "" (libyaml)


def _written(source: str, first, last) -> str:
    """The source text from one node's start to another's end, on one line ("" when the marks do not
    point into ``source``)."""
    start, end = first.start_mark, last.end_mark
    if start is None or end is None or not 0 <= start.index < end.index <= len(source):
        return ""
    text = source[start.index:end.index]
    return "" if "#" in text else " ".join(text.split())


def _splits(node, source: str) -> tuple:
    """``(key or index, line, text as written)`` for each plain scalar of a flow collection that opens
    parentheses the following scalars close: one value YAML split at its commas."""
    if not node.flow_style:
        return ()
    if isinstance(node, MappingNode):
        slots = [(k.value if isinstance(k, ScalarNode) else i, n) for i, (k, v) in enumerate(node.value)
                 for n in (k, v)]
    else:
        slots = list(enumerate(node.value))
    out, j = [], 0
    while j < len(slots):
        slot, first = slots[j]
        depth = first.value.count("(") - first.value.count(")") if _plain_scalar(first) else 0
        m = j
        while depth > 0 and m + 1 < len(slots) and _plain_scalar(slots[m + 1][1]):
            m += 1
            depth += slots[m][1].value.count("(") - slots[m][1].value.count(")")
        if m > j and depth <= 0:
            out.append((slot, _line(first), _written(source, first, slots[m][1])))
            j = m + 1
        else:
            j += 1
    return tuple(out)


def _flow_depth(text: str) -> int:
    """The deepest nesting of brackets and braces, quoted or not (an upper bound on flow nesting)."""
    depth = deepest = 0
    for ch in text:
        if ch in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in "]}":
            depth = max(depth - 1, 0)
    return deepest


def load(text: str):
    """Parse one YAML document with the bounds above; raise ``yaml.YAMLError`` or :class:`StrictYAMLError`."""
    if _flow_depth(text) > 4 * MAX_DEPTH:  # the parser would take seconds to reach its recursion limit
        raise StrictYAMLError(f"nested deeper than {MAX_DEPTH} levels")
    loader = _Loader(text)
    loader.source = text
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        _expanded_size(node)
        return loader.construct_document(node)
    finally:
        loader.dispose()


def _walk(value, skip: tuple):
    """``(path, item)`` for every mapping and list inside ``value``, each once, not descending into the
    top-level keys in ``skip`` (bounded by :data:`MAX_VALUES`, which the loader enforced)."""
    stack = [("", value)]
    seen: set[int] = set()
    while stack:
        path, item = stack.pop()
        if id(item) in seen:
            continue
        seen.add(id(item))
        yield path, item
        if isinstance(item, dict):
            stack.extend((f"{path}.{k}" if path else str(k), v) for k, v in item.items()
                         if isinstance(k, str) and (path or k not in skip))
        elif isinstance(item, list):
            stack.extend((f"{path}[{i}]", v) for i, v in enumerate(item))


def duplicate_keys(value, *, limit: int = 10, skip: tuple = ()) -> list[tuple[str, object, int]]:
    """``(path, key, line)`` of the duplicate keys anywhere inside ``value``, not under the top-level
    keys in ``skip`` (a key in ``skip`` given twice is still reported)."""
    out: list = []
    for path, item in _walk(value, skip):
        out.extend((path, key, line) for key, line in getattr(item, "duplicates", ()))
        if len(out) >= limit:
            break
    return out[:limit]


def split_values(value, *, limit: int = 10, skip: tuple = ()) -> list[tuple[str, int, str]]:
    """``(path, line, text as written)`` of the values split at a comma anywhere inside ``value``, not
    under the top-level keys in ``skip``, in the order of their lines."""
    out: list = []
    for path, item in _walk(value, skip):
        for slot, line, text in getattr(item, "splits", ()):
            if not path and slot in skip:
                continue
            place = f"{path}[{slot}]" if isinstance(item, list) else f"{path}.{slot}" if path else str(slot)
            out.append((place, line, text))
        if len(out) >= limit:
            break
    return sorted(out, key=lambda x: x[1])[:limit]
