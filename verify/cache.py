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


@cache
def engine_version() -> str:
    import sympy
    import torch

    h = hashlib.sha256()
    here = Path(__file__).parent
    for path in sorted(here.glob("*.py")):
        h.update(path.name.encode())
        h.update(path.read_bytes())
    h.update(f"sympy={sympy.__version__};torch={torch.__version__}".encode())
    return h.hexdigest()[:16]


def entry_key(entry) -> str:
    h = hashlib.sha256(entry.fingerprint().encode())
    h.update(engine_version().encode())
    return h.hexdigest()[:32]


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
