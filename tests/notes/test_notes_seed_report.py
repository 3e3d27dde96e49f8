"""The cheat sheet read as notes and compared with the catalog (docs/examples/cheatsheet-report.md)."""

import re

import pytest

from verify.notes.seed_report import (
    DEFAULT_OUT,
    ENGINE_WATCH,
    KNOWN_DISAGREEMENTS,
    claim_lines,
    has_top_level_relation,
    measure,
    render,
)


@pytest.mark.parametrize("line, holds", [
    ("$a = b$", True), ("$$R(m) \\leq \\sum_{i=0}^{n} x$$", True), ("$\\sum_{i=1}^n x_i$", False),
    ("$x \\in S$ and $y \\neq z$", True), ("prose = prose", False), ("$\\left( x \\right)_{ij}$", False),
])
def test_which_lines_hold_a_relation(line, holds):
    assert has_top_level_relation(line) is holds


def test_every_claim_line_is_classified_with_a_reason():
    report = measure(check=False)
    assert len(report.lines) == len(claim_lines()) > 50
    for s in report.lines:
        assert s.status in ("parsed", "unreadable", "skipped", "no-claim")
        assert s.status == "parsed" or s.reason, s.number
        assert all(v != "not-checkable" for _, v in s.entries)
    # floors measured when the report was written: a change that reads fewer lines fails here
    assert len(report.parsed) >= 43
    assert sum(s.syntax for s in report.lines) >= 82


@pytest.mark.slow
def test_parsed_lines_agree_with_the_catalog_and_the_report_is_current():
    from pathlib import Path

    report = measure(jobs=2)
    disagree = {s.number: s.results for s in report.parsed if not s.agrees}
    assert set(disagree) - set(ENGINE_WATCH) == set(KNOWN_DISAGREEMENTS), disagree
    assert sum(1 for s in report.parsed if s.agrees) / len(report.parsed) >= 0.95
    path = Path(__file__).resolve().parents[2] / DEFAULT_OUT
    drop = re.compile(r"^\d+ claims checked in .* s\.$", re.M)
    assert drop.sub("", render(report)) == drop.sub("", path.read_text()), (
        "docs/examples/cheatsheet-report.md is stale: run python -m verify.notes.seed_report")


def test_readings_only_for_lines_the_catalog_reads_otherwise():
    """A reading replaces a line only where the catalog's entry says the print is garbled (or says which part of
    it is checked), or where the reading's ``because:`` names an entry of the line whose reason or notes state the
    typed reading (or the instance) it checks ('... is checked', 'on the instance'): the policy for ill-typed
    lines (docs/conventions.md).  Every other line is read as printed, so a wrong line is refuted, never read
    away."""
    import yaml

    import formulas
    from formulas.coverage import SEED_PATH, coverage
    from verify.notes.document import sidecar_path

    equations = yaml.safe_load(sidecar_path(SEED_PATH).read_text())["equations"]
    by_line = {s.number: s.ids for s in coverage()}
    text = {s.number: s.text.strip() for s in coverage()}
    readings = {int(k[1:]): v for k, v in equations.items() if "reading" in v}
    assert readings

    def read_otherwise(number: int) -> bool:
        notes = " ".join((formulas.get(i).title + " " + formulas.get(i).notes).lower() for i in by_line[number])
        return any(w in notes for w in ("garbled", "not checked", "read as ∂/∂"))

    def states_typed_reading(number: int, because: str) -> bool:
        entries = [formulas.get(i) for i in by_line[number] if i in because]
        return any(w in (e.reason or "") + " " + e.notes for e in entries for w in ("is checked", "on the instance"))

    for number, entry in readings.items():
        assert entry["because"].strip()
        twin = [k for k in readings if k != number and text[k] == text[number] and read_otherwise(k)]
        assert read_otherwise(number) or twin or states_typed_reading(number, entry["because"]), number
        if twin:
            assert entry["reading"] == readings[twin[0]]["reading"]
