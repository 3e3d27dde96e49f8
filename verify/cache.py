"""Results cached by a hash of the entry and of the engine.

The key covers the entry's fingerprint (statement, symbols, assumptions,
expected verdict) and the engine version: the source of ``verify/`` plus the
SymPy and torch versions.  Editing either invalidates exactly what it affects.
"""

from __future__ import annotations

import hashlib
import json
import os
from functools import cache
from pathlib import Path

from .result import Result

__all__ = ["engine_version", "entry_key", "ResultCache", "default_cache_dir"]


def default_cache_dir() -> Path:
    return Path(os.environ.get("SHEETPROOF_CACHE", ".sheetproof-cache"))


# The sources a verdict depends on: every module of verify/ except the presentation code, which can
# change without changing any verdict (so editing it keeps the cache warm).  New engine modules are
# covered without being listed.
PRESENTATION = ("cli.py", "report.py", "search.py", "cache.py", "coverage_command.py", "pytest_plugin.py")
PRESENTATION_DIRS = ("site", "notes", "mutate")


def _engine_sources(root: Path) -> list[Path]:
    out = []
    for path in sorted(root.rglob("*.py")):
        rel = path.relative_to(root)
        if rel.parts[0] in PRESENTATION_DIRS or (len(rel.parts) == 1 and rel.name in PRESENTATION):
            continue
        out.append(path)
    return out


CATALOG_CORE = ("_authoring.py", "model.py", "nodes.py", "random.py", "spec.py")


def _hash_files(h, folder: Path, names) -> None:
    for name in names:
        path = folder / name
        h.update(name.encode())
        h.update(path.read_bytes() if path.exists() else b"-")


@cache
def engine_version() -> str:
    import sympy
    import torch

    import formulas

    h = hashlib.sha256()
    root = Path(__file__).parent
    for path in _engine_sources(root):
        h.update(str(path.relative_to(root)).encode())
        h.update(path.read_bytes())
    _hash_files(h, Path(formulas.__file__).parent, CATALOG_CORE)
    h.update(f"sympy={sympy.__version__};torch={torch.__version__}".encode())
    return h.hexdigest()[:16]


@cache
def _numerics_hash() -> str:
    try:
        import numerics
    except ImportError:
        return "-"
    h = hashlib.sha256()
    for path in sorted(Path(numerics.__file__).parent.rglob("*.py")):
        h.update(path.read_bytes())
    return h.hexdigest()


def entry_key(entry) -> str:
    """Engine version plus what the entry is made of.  A catalog entry is keyed by the source of its chapter
    module (which holds the whole entry), so a cached result is found without building the SymPy statement;
    an entry outside the catalog (a test's, a mutant) by its full fingerprint.  Experiments add the numerics
    source they run."""
    sources = _chapter_sources()
    source = sources.get(entry.chapter.key) if entry.chapter is not None else None
    h = hashlib.sha256(f"{entry.id}\x1f{source or entry.fingerprint()}\x1f{engine_version()}".encode())
    if entry.experiment is not None:
        h.update(_numerics_hash().encode())
    return h.hexdigest()[:32]


@cache
def _chapter_sources() -> dict[str, str]:
    """Chapter key -> hash of its source: the module, or every ``.py`` file of a chapter package
    (its sections and experiments hold the entries' statements and evidence)."""
    import sys

    import formulas

    formulas.catalog()
    out = {}
    for name, module in list(sys.modules.items()):
        chapter = getattr(module, "CHAPTER", None) if name.startswith("formulas.") else None
        if chapter is not None:
            path = Path(module.__file__)
            files = sorted(path.parent.rglob("*.py")) if path.name == "__init__.py" else [path]
            h = hashlib.sha256()
            for f in files:
                h.update(f.relative_to(path.parent).as_posix().encode() + b"\0" + f.read_bytes())
            out[chapter.key] = h.hexdigest()
    return out


class ResultCache:
    """A JSON file of results keyed by :func:`entry_key`."""

    def __init__(self, directory: Path | None = None):
        self.path = (directory or default_cache_dir()) / "results.json"
        try:
            self._data = json.loads(self.path.read_text())
        except (OSError, ValueError):
            self._data = {}

    def get(self, entry) -> Result | None:
        raw = self._data.get(entry_key(entry))
        return None if raw is None else Result.from_json(raw)

    def put(self, entry, result: Result) -> None:
        self._data[entry_key(entry)] = result.to_json()

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps(self._data, indent=0, sort_keys=True))
        tmp.replace(self.path)
