"""Links from implementations to catalog entries.

Every public implementation in :mod:`numerics` is decorated with
:func:`implements`, naming the catalog ids (``<chapter>.<slug>``) of the
formulas it realises. The decorator is the single source of the links;
:func:`links` generates the index ``catalog id -> [dotted qualnames]``.

Example:
    >>> from numerics._links import implements
    >>> @implements("info.entropy-definition")
    ... def h(p): ...
    >>> h.__catalog_ids__
    ('info.entropy-definition',)
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

__all__ = ["ID_PATTERN", "implements", "links"]

T = TypeVar("T")

#: A catalog id: a chapter prefix, a dot, and a slug of lowercase words joined by ``-``.
ID_PATTERN = re.compile(
    r"^(prob|anal|linalg|deriv|info|latent|approx|ae|cnn|opt|emb|gen)\.[a-z0-9]+(-[a-z0-9]+)*$"
)

# qualname -> catalog ids, filled as modules are imported.
_REGISTRY: dict[str, tuple[str, ...]] = {}


def implements(*catalog_ids: str) -> Callable[[T], T]:
    """Record that the decorated function or class implements ``catalog_ids``.

    Sets ``obj.__catalog_ids__`` and adds ``module.qualname`` to the registry.
    Raises ``ValueError`` on an id that does not match :data:`ID_PATTERN`
    or when no id is given.
    """
    if not catalog_ids:
        raise ValueError("implements() needs at least one catalog id")
    for cid in catalog_ids:
        if not ID_PATTERN.match(cid):
            raise ValueError(f"malformed catalog id {cid!r}")

    def mark(obj: T) -> T:
        obj.__catalog_ids__ = tuple(catalog_ids)  # type: ignore[attr-defined]
        _REGISTRY[f"{obj.__module__}.{obj.__qualname__}"] = tuple(catalog_ids)  # type: ignore[attr-defined]
        return obj

    return mark


def _import_all() -> None:
    """Import every submodule of :mod:`numerics` so that all decorators have run.

    The package is walked from this file's folder, not from ``numerics.__path__``: under pytest, ``tests/numerics``
    (a folder without ``__init__.py`` on ``sys.path``) can bind ``numerics`` as a namespace package whose path is
    the test folder, while the submodules still import from here.
    """
    for info in pkgutil.walk_packages([str(Path(__file__).resolve().parent)], prefix="numerics."):
        importlib.import_module(info.name)


def links() -> dict[str, list[str]]:
    """Return ``{catalog id: sorted dotted qualnames of its implementations}``.

    Imports all numerics submodules first (lazily, on call), so the index is complete.
    """
    _import_all()
    index: dict[str, list[str]] = {}
    for qualname, ids in _REGISTRY.items():
        for cid in ids:
            index.setdefault(cid, []).append(qualname)
    return {cid: sorted(names) for cid, names in sorted(index.items())}
