"""The regression gate: every entry's verdict equals the verdict the catalog expects.

Results come through the same cache as ``sheetproof verify`` (keyed by the engine's and the chapter's
source, so a stale result is never reused) and are computed in parallel worker processes; the site build
later in the run reuses them.
"""

import pytest

import formulas
from verify.result import Result
from verify.run import run_entries

ENTRIES = formulas.entries()


@pytest.fixture(scope="module")
def results():
    return dict(zip([e.id for e in ENTRIES], run_entries(ENTRIES, use_cache=True, timeout=60), strict=True))


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e.id)
def test_verdict_matches_expectation(entry, results):
    result = results[entry.id]
    assert isinstance(result, Result)
    assert result.verdict == entry.expected, (
        f"{entry.id}: got {result.verdict.value}, expected {entry.expected.value}; reason={result.reason!r}; "
        f"methods={[(m.engine, m.outcome, m.detail) for m in result.methods]}")
    if result.verdict.value == "refuted":
        assert result.counterexample, f"{entry.id}: refuted without a counterexample"


CORRECTED = [e for e in ENTRIES if e.corrected_by is not None]


@pytest.mark.parametrize("entry", CORRECTED, ids=lambda e: e.id)
def test_corrections_hold_by_their_computed_verdict(entry, results):
    """The entry named in ``corrected_by`` holds by what the engines find, not by what it expects."""
    fix = formulas.get(entry.corrected_by)
    assert fix is not entry
    verdict = results[fix.id].verdict.value
    assert verdict in ("proved", "confirmed"), f"{fix.id} corrects {entry.id} but its check says {verdict}"
