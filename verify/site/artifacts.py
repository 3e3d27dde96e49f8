"""Build products cached by content hash: figures and evaluated counterexamples.

A product is stored under ``<cache>/site/<kind>-<hash>``, where the hash covers everything it
is computed from (the code that draws it, the data, the library versions).  A build with
nothing changed reads every product from disk.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable
from pathlib import Path

__all__ = ["cache_dir", "cached", "content_hash"]


def cache_dir() -> Path:
    from verify.cache import default_cache_dir

    return default_cache_dir() / "site"


def content_hash(parts: Iterable[str | bytes]) -> str:
    h = hashlib.sha256()
    for part in parts:
        data = part.encode() if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()[:24]


def cached(kind: str, parts: Iterable[str | bytes], compute: Callable[[], bytes]) -> tuple[bytes, bool]:
    """``(product, was_cached)``: the product for ``parts``, computed once and kept on disk."""
    path = cache_dir() / f"{kind}-{content_hash(parts)}"
    if path.is_file():
        return path.read_bytes(), True
    data = compute()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".tmp{os.getpid()}")
    tmp.write_bytes(data)
    tmp.replace(path)  # atomic: a parallel build never reads half a file
    return data, False
