"""The checker on the labelled table: no false proof and no false refutation beyond the known ones.

``tests/table/known_wrong.yaml`` lists the rows on which the engine is wrong today (false proved,
false refuted); the labels behind them are confirmed by ``test_labels.py``.  The slow test runs
the checker over the whole table (``bench.table.measure``, the benchmark's own code) and fails on
every false proof or refutation not in the list, and on every listed row that is now right, so
that the list only shrinks.  The target of issue 10 is an empty list.

The slow run takes several minutes; ``SHEETPROOF_TABLE_JOBS`` (default 2) and
``SHEETPROOF_TABLE_TIMEOUT`` (seconds per identity, default 10) set its workers and time limit.
"""

import os
from pathlib import Path

import pytest
import yaml

from bench.table import load_rows, measure

KNOWN = yaml.safe_load((Path(__file__).parent / "known_wrong.yaml").read_text(encoding="utf-8"))
KINDS = {"false-proved": "refuted", "false-refuted": "holds"}  # kind -> the label such a row has


def test_known_wrong_rows_are_rows_of_the_table_with_the_matching_label():
    labels = {r.id: r.label for r in load_rows()}
    for kind, label in KINDS.items():
        ids = KNOWN.get(kind) or []
        assert len(ids) == len(set(ids)), kind
        assert [i for i in ids if labels.get(i) != label] == [], f"{kind}: unknown ids or wrong labels"


@pytest.mark.slow
def test_no_new_false_proofs_or_refutations():
    report = measure(timeout=float(os.environ.get("SHEETPROOF_TABLE_TIMEOUT", "10")),
                     jobs=int(os.environ.get("SHEETPROOF_TABLE_JOBS", "2")))
    kind_of = {r["id"]: r["kind"] for r in report["rows"]}
    problems = []
    for kind in KINDS:
        known = set(KNOWN.get(kind) or [])
        now = {i for i, k in kind_of.items() if k == kind}
        problems += [f"new {kind}: {i}" for i in sorted(now - known)]
        problems += [f"now right, remove from known_wrong.yaml ({kind}): {i}"
                     for i in sorted(known) if kind_of.get(i) == "right"]
    overall = report["overall"]
    assert problems == [], (
        f"{overall['false_proved']} false proved, {overall['false_refuted']} false refuted on the table\n"
        + "\n".join(problems))
