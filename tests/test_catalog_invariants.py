"""Invariants of the catalog as data: ids, names, declarations, seed quotes, links."""

import re
from pathlib import Path

import pytest
from sympy.stats.rv import RandomSymbol

import formulas
from formulas.ledger import read_ledger
from formulas.model import Verdict
from formulas.spec import parse_spec

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "formulas" / "seed" / "cheatsheet.txt"
SHARED_SEED = ROOT.parent / "shared" / "seeds" / "000_f37f190354378ce8.txt"
ID_PATTERN = re.compile(r"^[a-z]+\.[a-z0-9]+(-[a-z0-9]+)*$")
ENTRIES = formulas.entries()


def test_catalog_is_not_empty():
    assert len(ENTRIES) >= 6


def test_ids_are_unique_and_well_formed():
    ids = [e.id for e in ENTRIES]
    assert len(ids) == len(set(ids))
    for e in ENTRIES:
        assert ID_PATTERN.match(e.id), e.id
        assert e.id.split(".")[0] == e.chapter.key, f"{e.id} lives in chapter {e.chapter.key}"


def test_ledger_only_grows():
    ledger = read_ledger()
    assert len(ledger) == len(set(ledger)), "an id appears twice in formulas/ids.lock"
    current = {e.id for e in ENTRIES}
    missing_from_ledger = sorted(current - set(ledger))
    assert not missing_from_ledger, f"new ids not recorded (run python -m formulas.ledger): {missing_from_ledger}"
    removed = sorted(set(ledger) - current)
    assert not removed, f"ids were removed or renamed; ids are permanent: {removed}"


def test_names_are_identifiers_and_importable():
    for e in ENTRIES:
        assert e.name.isidentifier() and e.name == e.name.lower(), e.name
        assert getattr(formulas, e.name) is e


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e.id)
def test_statement_builds_and_every_free_symbol_is_declared(entry):
    for name, text in entry.symbols.items():
        parse_spec(name, text)
    if entry.expr is None:
        assert entry.definition or entry.reason or entry.experiment is not None, f"{entry.id}: no statement, no reason"
        return
    declared = set(entry.objects)
    free = {str(s) for s in entry.expr.free_symbols}
    for rv in entry.expr.atoms(RandomSymbol):
        free.add(str(rv))
    undeclared = {s for s in free if s not in declared and not s.startswith("_")}
    assert not undeclared, f"{entry.id}: undeclared symbols {undeclared}"


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e.id)
def test_assumptions_name_declared_symbols(entry):
    for g in entry.given:
        words = g.split()
        assert words[0] in {"independent", "iid"}, f"{entry.id}: unknown joint assumption {g!r}"
        for w in words[1:]:
            assert w in entry.symbols, f"{entry.id}: 'given' names undeclared symbol {w}"


def test_vendored_seed_is_the_shared_seed():
    if not SHARED_SEED.exists():
        pytest.skip("shared/ is not beside this checkout")
    assert SEED.read_bytes() == SHARED_SEED.read_bytes()


@pytest.mark.parametrize("entry", [e for e in ENTRIES if e.seed], ids=lambda e: e.id)
def test_seed_quote_is_verbatim_at_its_lines(entry):
    lines = SEED.read_text().split("\n")
    first, last = entry.seed.lines
    assert 1 <= first <= last <= len(lines)
    assert "\n".join(lines[first - 1:last]) == entry.seed.quote


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e.id)
def test_corrections_exist_and_hold(entry):
    if entry.corrected_by is None:
        if entry.is_seed_claim and entry.expected is Verdict.REFUTED:
            pytest.fail(f"{entry.id} is refuted as printed but names no corrected entry")
        return
    fix = formulas.get(entry.corrected_by)
    assert fix is not entry
    assert fix.expected in (Verdict.PROVED, Verdict.CONFIRMED), f"{fix.id} corrects {entry.id} but is not true"


def test_see_also_ids_exist():
    for e in ENTRIES:
        for other in e.see_also:
            formulas.get(other)


def test_not_checkable_entries_say_why():
    for e in ENTRIES:
        if e.expected is Verdict.NOT_CHECKABLE and not e.definition:
            assert len(e.reason) > 20, f"{e.id}: give the reason it is not checkable"
