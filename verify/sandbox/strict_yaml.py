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

__all__ = ["load", "Mapping", "HugeInteger", "StrictYAMLError", "MAX_VALUES", "MAX_DEPTH", "MAX_INT_DIGITS",
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
    """A YAML mapping; ``duplicates`` lists ``(key, line)`` for every key given twice."""

    duplicates: tuple = ()


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
        data.update(self.construct_mapping(node))

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
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        _expanded_size(node)
        return loader.construct_document(node)
    finally:
        loader.dispose()


def duplicate_keys(value, *, limit: int = 10) -> list[tuple[str, object, int]]:
    """``(path, key, line)`` of the duplicate keys anywhere inside ``value`` (bounded by :data:`MAX_VALUES`)."""
    out: list = []
    stack = [("", value)]
    seen: set[int] = set()
    while stack and len(out) < limit:
        path, item = stack.pop()
        if id(item) in seen:
            continue
        seen.add(id(item))
        if isinstance(item, Mapping):
            out.extend((path, key, line) for key, line in item.duplicates)
            stack.extend((f"{path}.{k}" if path else str(k), v) for k, v in item.items() if isinstance(k, str))
        elif isinstance(item, list):
            stack.extend((f"{path}[{i}]", v) for i, v in enumerate(item))
    return out[:limit]
