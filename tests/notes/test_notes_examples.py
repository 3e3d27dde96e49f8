"""The example notes of the guide (docs/examples/) check as their text says: every claim as expected."""

from pathlib import Path

import pytest

from verify.notes import check_notes

EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "examples"


@pytest.mark.slow
@pytest.mark.parametrize("name", ["linear-models.md", "matrix-calculus.tex"])
def test_example_notes_check_cleanly(name):
    report = check_notes(EXAMPLES / name, timeout=60, jobs=2)
    assert report.errors == [] and report.unreadable == [] and report.skipped == []
    assert [(r.claim.id, r.result.verdict.value) for r in report.results if not r.passed] == []
    assert len(report.results) == {"linear-models.md": 15, "matrix-calculus.tex": 50}[name]
    refuted = [r.claim.id for r in report.results if r.claim.expect == "refuted"]
    assert refuted and all(r.result.verdict.value == "refuted" for r in report.results if r.claim.id in refuted)
