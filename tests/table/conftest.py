"""The labelled table: its identity files are data for ``test_labels.py`` and ``bench.table``.

The sheetproof pytest plugin collects every ``*.identities.yaml`` under the test paths as tests
that pass when the checker meets the label; the table measures the checker instead (most rows
are expected to be wrong today, see ``bench/table.py``), so its files are not collected here.
``tests/table/test_table_verdicts.py`` holds the checker to the table's hard limits instead.

The repository root goes on ``sys.path`` so that the tests import ``bench.table`` (the one reader
of the table's files and categories) however pytest was started.
"""

import sys
from pathlib import Path

collect_ignore_glob = ["*.identities.yaml", "*.identities.yml"]

ROOT = str(Path(__file__).resolve().parents[2])
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)
