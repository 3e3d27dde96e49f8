"""Catalog B's chapters as packages: a table of contents, evidence next door, nothing heavy at import."""

import subprocess
import sys
from pathlib import Path

import pytest

import formulas
from formulas.model import Verdict

CHAPTERS = {"approx": "approximation", "ae": "autoencoders", "cnn": "cnn", "opt": "optimization", "emb": "embeddings",
            "gen": "generative"}
ROOT = Path(formulas.__file__).parent
ENTRIES = [e for e in formulas.entries() if e.chapter.key in CHAPTERS]


def test_importing_the_catalog_does_not_import_numerics():
    code = "import sys, formulas; formulas.catalog(); print('numerics' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT.parent)
    assert out.stdout.strip() == "False"


@pytest.mark.parametrize("package", sorted(CHAPTERS.values()))
def test_chapter_is_a_package_of_short_modules(package):
    folder = ROOT / package
    assert (folder / "__init__.py").is_file() and not (ROOT / f"{package}.py").exists()
    for path in folder.glob("*.py"):
        lines = len(path.read_text().splitlines())
        assert lines <= 410, f"{path.name}: {lines} lines"


def test_experiments_live_next_door_named_after_their_entries():
    served = set()
    for e in ENTRIES:
        if e.experiment is None:
            continue
        package = CHAPTERS[e.chapter.key]
        assert e.experiment.__module__ == f"formulas.{package}.experiments", e.id
        assert e.experiment.__name__ == e.name, f"{e.id}: served by {e.experiment.__name__}"
        assert e.statement is None, f"{e.id}: an experiment and a statement"
        served.add((package, e.name))
    for package in CHAPTERS.values():
        try:
            module = __import__(f"formulas.{package}.experiments", fromlist=["__all__"])
        except ModuleNotFoundError:
            continue
        for name in module.__all__:
            assert (package, name) in served, f"formulas.{package}.experiments.{name} serves no entry"


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e.id)
def test_titles_are_unicode_not_tex(entry):
    for token in ("_{", "^{", "\\", "<=", ">=", "->", "sum_", "sqrt("):
        assert token not in entry.title, f"{entry.id}: {token!r} in the title"


def test_every_checkable_entry_has_evidence():
    for e in ENTRIES:
        if e.expected is not Verdict.NOT_CHECKABLE:
            assert (e.statement is None) != (e.experiment is None), e.id
