"""The registry: every chapter module of ``formulas`` and every entry in it.

Chapter modules are discovered, not listed: a module or subpackage of this package
that defines ``CHAPTER`` is a chapter, and each :class:`~formulas.model.Entry` bound at
its top level is an entry whose ``name`` is the constant's name.  A chapter package
re-exports the entries of its section modules in its ``__init__`` (in reading order),
so the package namespace reads like the chapter's table of contents.  Every index (ids, names,
chapters, errata, the site) is generated from this one registry.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache

from .model import Chapter, Entry

__all__ = ["Catalog", "catalog"]


class Catalog:
    """All chapters and entries, in chapter order, with lookups by id and name."""

    def __init__(self, chapters: list[tuple[Chapter, list[Entry]]]):
        self.chapters = [c for c, _ in chapters]
        self.entries: list[Entry] = [e for _, es in chapters for e in es]
        self.by_id = {}
        self.by_name = {}
        for e in self.entries:
            if e.id in self.by_id:
                raise ValueError(f"duplicate catalog id {e.id!r}")
            if e.name in self.by_name:
                raise ValueError(f"duplicate catalog name {e.name!r}")
            self.by_id[e.id] = e
            self.by_name[e.name] = e

    def get(self, key: str) -> Entry:
        """An entry by id or by name; raises ``KeyError`` with close matches."""
        if key in self.by_id:
            return self.by_id[key]
        if key in self.by_name:
            return self.by_name[key]
        import difflib

        close = difflib.get_close_matches(key, list(self.by_id) + list(self.by_name), n=5)
        raise KeyError(f"no catalog entry {key!r}" + (f"; did you mean {', '.join(close)}?" if close else ""))

    def in_chapter(self, chapter: Chapter) -> list[Entry]:
        return [e for e in self.entries if e.chapter == chapter]

    def corrections_of(self, entry: Entry) -> list[Entry]:
        """Entries that ``entry`` corrects (the reverse of ``corrected_by``)."""
        return [e for e in self.entries if e.corrected_by == entry.id]


def _chapter_modules():
    import formulas

    for info in pkgutil.iter_modules(formulas.__path__):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"formulas.{info.name}")
        if hasattr(module, "CHAPTER"):
            yield module


@cache
def catalog() -> Catalog:
    """The catalog, built once per process."""
    chapters = []
    for module in _chapter_modules():
        chapter = module.CHAPTER
        entries = []
        for name, value in vars(module).items():
            if isinstance(value, Entry):
                if value.name and value.name != name:
                    raise ValueError(f"entry {value.id} bound to two names: {value.name}, {name}")
                object.__setattr__(value, "name", name)
                object.__setattr__(value, "chapter", chapter)
                entries.append(value)
        chapters.append((chapter, entries))
    chapters.sort(key=lambda ce: ce[0].number)
    return Catalog(chapters)
