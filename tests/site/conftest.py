"""The reference site, built once per test session.

``built_site`` runs ``mkdocs build --strict`` from the repository root into a
temporary directory (a child process, like ``make site``).  The hook reads the
verification results from the result cache (``.sheetproof-cache/``); entries whose
cached result is stale are checked during the build and cached, so a checkout
that has run ``make verify`` builds in seconds.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HOOK = ROOT / "docs" / "hooks" / "sheetproof_site.py"
BUILD_TIMEOUT_S = 900  # a build from an empty cache verifies the whole catalog once


@dataclass(frozen=True)
class Site:
    path: Path
    seconds: float
    log: str


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Site:
    out = tmp_path_factory.mktemp("site")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--clean",
                           "-f", str(ROOT / "mkdocs.yml"), "-d", str(out)],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=BUILD_TIMEOUT_S)
    seconds = time.perf_counter() - start
    log = proc.stdout + proc.stderr
    assert proc.returncode == 0, f"mkdocs build --strict failed:\n{log[-6000:]}"
    return Site(out, seconds, log)


@pytest.fixture(scope="session")
def hook():
    """The hook module, imported from its file as mkdocs does."""
    spec = importlib.util.spec_from_file_location("sheetproof_site_hook", HOOK)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def site_data(built_site):
    """The catalog and results the site was built from (read from the cache the build filled)."""
    from verify.site.data import load

    return load()
