"""Verdicts do not depend on the machine's load or on the number of workers.

A fixed sample of catalog entries (every entry whose id hashes to 0 mod 6, experiments
aside) and the user identities of ``tests/userfile/data`` are checked three times:
idle with two workers, and with a CPU-burning process on the second core with one and
with two workers.  Verdicts must be identical across the runs.
"""

import hashlib
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

import pytest

import formulas
from verify.cache import ResultCache
from verify.run import run_entries
from verify.userfile import check_files

DATA = Path(__file__).parents[1] / "userfile" / "data"
USER_FILES = [DATA / name for name in ("quick.yaml", "refuted.yaml", "issue-example.yaml")]


def _sample():
    return [e for e in formulas.entries()
            if e.experiment is None and int(hashlib.sha256(e.id.encode()).hexdigest(), 16) % 6 == 0]


@contextmanager
def busy_core():
    """A process that burns one CPU for as long as the block runs."""
    burner = subprocess.Popen([sys.executable, "-c", "while True: pass"])
    try:
        yield
    finally:
        burner.kill()
        burner.wait()


def _verdicts(jobs: int, cache_dir: Path) -> dict:
    entries = run_entries(SAMPLE, use_cache=False, jobs=jobs, cache=ResultCache(cache_dir))
    report = check_files(*USER_FILES, jobs=jobs)
    return ({e.id: r.verdict.value for e, r in zip(SAMPLE, entries, strict=True)}
            | {f"{r.identity.file}:{r.identity.id}": r.result.verdict.value for r in report.results})


SAMPLE = _sample()


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    cache_dir = tmp_path_factory.mktemp("cache")
    out = {"idle, 2 workers": _verdicts(2, cache_dir)}
    with busy_core():
        out["busy, 1 worker"] = _verdicts(1, cache_dir)
        out["busy, 2 workers"] = _verdicts(2, cache_dir)
    return out


def test_the_sample_covers_every_kind_of_verdict(runs):
    assert len(SAMPLE) >= 20
    assert {"proved", "confirmed", "refuted", "not-checkable"} <= set(runs["idle, 2 workers"].values())


@pytest.mark.parametrize("run", ["busy, 1 worker", "busy, 2 workers"])
def test_verdicts_are_identical_under_load_and_across_jobs(runs, run):
    reference = runs["idle, 2 workers"]
    differ = {k: (reference[k], runs[run][k]) for k in reference if runs[run][k] != reference[k]}
    assert differ == {}
    assert "error" not in set(reference.values())
