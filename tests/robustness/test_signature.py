"""A catalog entry's signature: the same in every interpreter, different once the entry is changed in one.

``verify`` sends catalog entries to workers by id with the parent's signature; a worker whose entry has
another signature returns nothing and the parent checks its own entry (a test that patched it)."""

import os
import subprocess
import sys

import formulas
from verify.sandbox.tasks import check_catalog_entry, entry_signature

_PRINT = ("import formulas; from verify.sandbox.tasks import entry_signature; "
          "print('\\n'.join(entry_signature(e) for e in formulas.catalog().entries))")


def test_signatures_do_not_depend_on_the_interpreter_hash_seed(catalog):
    ours = [entry_signature(e) for e in catalog.entries]
    theirs = subprocess.run([sys.executable, "-c", _PRINT], capture_output=True, text=True, check=True,
                            env={**os.environ, "PYTHONHASHSEED": "1"}).stdout.split()  # ours is random
    assert theirs == ours
    assert len(set(ours)) == len(ours)  # every entry its own


def test_a_changed_entry_has_another_signature_and_is_not_checked_as_the_original():
    entry = formulas.get("linalg.trace-cyclic")
    before = entry_signature(entry)
    saved = entry.statement
    object.__setattr__(entry, "statement", lambda A, B: saved(B, A))
    try:
        changed = entry_signature(entry)
    finally:
        object.__setattr__(entry, "statement", saved)
    assert changed != before
    assert entry_signature(entry) == before
    assert check_catalog_entry(entry.id, changed) is None  # the original here, not the entry the caller has
    assert check_catalog_entry(entry.id, before)["verdict"] == "proved"
