"""sheetproof's formula catalog.

Every claim of the cheat sheet is an :class:`Entry` constant in one chapter
module (``formulas.probability``, ``formulas.derivatives`` ...), named by its
conclusion.  Import entries by name from here::

    >>> from formulas import grad_logdet
    >>> grad_logdet.id
    'deriv.grad-logdet'

or look them up by id: ``formulas.get("deriv.grad-logdet")``.
"""

from __future__ import annotations

from .catalog import Catalog, catalog
from .model import Chapter, Entry, SeedRef, Verdict

__all__ = ["Catalog", "Chapter", "Entry", "SeedRef", "Verdict", "catalog", "entries", "get"]


def entries() -> list[Entry]:
    """All entries in chapter order."""
    return catalog().entries


def get(key: str) -> Entry:
    """One entry by id or by name."""
    return catalog().get(key)


def __getattr__(name: str):
    if name.startswith("__"):
        raise AttributeError(name)
    try:
        return catalog().by_name[name]
    except KeyError:
        raise AttributeError(f"module 'formulas' has no attribute {name!r}") from None


def __dir__():
    return sorted(set(globals()) | set(catalog().by_name))
