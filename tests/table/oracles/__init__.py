"""Second-engine oracles for the labelled table: one function per identity id.

Each module here serves one ``tests/table/*.identities.yaml`` file of the same name
(``-`` read as ``_``) and registers, with :func:`oracle`, a function ``f(rng) -> bool`` per
identity: ``True`` when the identity holds at every point the oracle tried, ``False`` when it
found a clear counterexample inside the declarations.  The oracles are plain numpy / scipy /
mpmath written from each formula's meaning (see :mod:`._num` for the conventions); none of them
imports sheetproof.  ``rng`` is seeded from the identity id, so every run draws the same points.
``tests/table/test_labels.py`` imports this package as ``oracles`` (pytest puts ``tests/table``
on the path) and asks ``run(id)`` for every identity of the table.
"""

from __future__ import annotations

import importlib
import pkgutil
import zlib
from collections.abc import Callable

import numpy as np

__all__ = ["ORACLES", "oracle", "run", "load"]

ORACLES: dict[str, Callable[[np.random.Generator], bool]] = {}
_LOADED = False


def oracle(identity_id: str):
    """Register ``fn(rng) -> bool`` as the oracle of one identity (each id once)."""

    def register(fn):
        if identity_id in ORACLES:
            raise ValueError(f"two oracles for {identity_id!r}")
        ORACLES[identity_id] = fn
        return fn

    return register


def load() -> dict[str, Callable]:
    """Import every oracle module (each registers its oracles) and return the registry."""
    global _LOADED
    if not _LOADED:
        for info in pkgutil.iter_modules(__path__):
            if not info.name.startswith("_"):
                importlib.import_module(f"{__name__}.{info.name}")
        _LOADED = True
    return ORACLES


def run(identity_id: str) -> bool:
    """The oracle's answer for one identity: does it hold?"""
    fn = load()[identity_id]
    rng = np.random.default_rng(zlib.crc32(identity_id.encode()))
    with np.errstate(all="raise", under="ignore"):
        out = fn(rng)
    if not isinstance(out, (bool, np.bool_)):
        raise TypeError(f"oracle {identity_id!r} returned {type(out).__name__}, not a bool")
    return bool(out)
