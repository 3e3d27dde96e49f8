"""The regression gate: every entry's verdict equals the verdict the catalog expects."""

import pytest

import formulas
from verify import check
from verify.result import Result

ENTRIES = formulas.entries()


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e.id)
def test_verdict_matches_expectation(entry):
    result = check(entry, timeout=60)
    assert isinstance(result, Result)
    assert result.verdict == entry.expected, (
        f"{entry.id}: got {result.verdict.value}, expected {entry.expected.value}; reason={result.reason!r}; "
        f"methods={[(m.engine, m.outcome, m.detail) for m in result.methods]}")
    if result.verdict.value == "refuted":
        assert result.counterexample, f"{entry.id}: refuted without a counterexample"
