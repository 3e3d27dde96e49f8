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
def test_refuted_seed_claims_name_their_correction(entry):
    """That the correction holds is checked on computed verdicts (test_catalog_verdicts)."""
    if entry.corrected_by is None:
        if entry.is_seed_claim and entry.expected is Verdict.REFUTED:
            pytest.fail(f"{entry.id} is refuted as printed but names no corrected entry")
        return
    assert formulas.get(entry.corrected_by) is not entry


def test_see_also_ids_exist():
    for e in ENTRIES:
        for other in e.see_also:
            formulas.get(other)


def test_not_checkable_entries_say_why():
    for e in ENTRIES:
        if e.expected is Verdict.NOT_CHECKABLE and not e.definition:
            assert len(e.reason) > 20, f"{e.id}: give the reason it is not checkable"


def _chapter_module(key):
    import sys

    for name, module in sys.modules.items():
        if name.startswith("formulas.") and getattr(getattr(module, "CHAPTER", None), "key", None) == key:
            return module
    raise LookupError(key)


CHAPTERS = sorted({e.chapter.key for e in ENTRIES})
CHAPTER_PACKAGES = [k for k in CHAPTERS if _chapter_module(k).__file__.endswith("__init__.py")]


@pytest.mark.parametrize("key", CHAPTER_PACKAGES)
def test_chapter_package_lists_its_entries_in_reading_order(key):
    """A package chapter's ``__all__`` is its table of contents: the registry keeps exactly that order
    (a submodule named like an entry would move the entry to the submodule's import position)."""
    module = _chapter_module(key)
    in_registry = [e.name for e in formulas.catalog().in_chapter(module.CHAPTER)]
    assert list(module.__all__) == in_registry


@pytest.mark.parametrize("key", CHAPTERS)
def test_only_the_package_defines_the_chapter(key):
    """Sections and experiments must not define CHAPTER (the cache and the site find a chapter by it)."""
    import sys

    owners = [name for name, m in sys.modules.items()
              if name.startswith("formulas.") and getattr(getattr(m, "CHAPTER", None), "key", None) == key]
    assert len(owners) == 1, owners


def test_catalog_does_not_import_numerics():
    """Building the catalog imports no numerics code (experiments import what they run when they run)."""
    import subprocess
    import sys

    code = ("import sys, formulas; formulas.entries(); "
            "bad = sorted(m for m in sys.modules if m == 'numerics' or m.startswith('numerics.')); "
            "print(bad); sys.exit(1 if bad else 0)")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr


def test_catalog_source_files_stay_short():
    """No file of the catalog's chapter packages runs past 400 lines (small files with one idea)."""
    long = []
    for path in (ROOT / "formulas").glob("*/*.py"):
        if path.parent.name == "seed":
            continue
        lines = path.read_text().count("\n")
        if lines > 400:
            long.append(f"{path.relative_to(ROOT)}: {lines}")
    assert not long, long
