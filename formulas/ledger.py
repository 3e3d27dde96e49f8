"""The id ledger: every id ever issued, one per line, in ``formulas/ids.lock``.

Ids are permanent (like DLMF equation numbers): an id is never renumbered,
reused or removed.  The test suite fails when a catalog id is missing from the
ledger (run ``python -m formulas.ledger`` to record new ids) or when a ledger id
is no longer in the catalog (an id was removed or renamed).
"""

from __future__ import annotations

import sys
from pathlib import Path

LEDGER = Path(__file__).with_name("ids.lock")

__all__ = ["LEDGER", "read_ledger", "record_new_ids"]


def read_ledger() -> list[str]:
    if not LEDGER.exists():
        return []
    return [line.strip() for line in LEDGER.read_text().splitlines() if line.strip() and not line.startswith("#")]


def record_new_ids() -> list[str]:
    """Append the catalog ids the ledger does not have yet; return them."""
    from formulas import entries

    known = set(read_ledger())
    new = [e.id for e in entries() if e.id not in known]
    if new:
        header = "" if LEDGER.exists() else "# Every catalog id ever issued. Append only: never edit or remove a line.\n"
        with LEDGER.open("a") as fh:
            fh.write(header + "".join(f"{i}\n" for i in new))
    return new


if __name__ == "__main__":
    added = record_new_ids()
    print(f"recorded {len(added)} new id(s)" + (": " + ", ".join(added) if added else ""), file=sys.stderr)
