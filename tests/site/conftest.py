"""The reference site, built once per test session.

``built_site`` runs ``mkdocs build --strict`` from the repository root into a
temporary directory (a child process, like ``make site``).  The hook reads the
verification results from the result cache (``.sheetproof-cache/``); entries whose
cached result is stale are checked during the build and cached, so a checkout
that has run ``make verify`` builds in seconds.
"""

from __future__ import annotations

import functools
import http.server
import importlib.util
import os
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from site_browser import CHROMIUM, CHROMIUM_ARGS, Quiet, is_local

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


# -- the browser tests' fixtures (helpers in site_browser.py) ------------------------------------


@pytest.fixture(scope="module")
def server(built_site):
    handler = functools.partial(Quiet, directory=str(built_site.path))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()
    thread.join()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    """A fresh page; after the test, every request it made must have stayed on this machine."""
    context = browser.new_context()
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    yield page
    context.close()
    remote = [u for u in requests if not is_local(u)]
    assert not remote, f"requests that left the machine: {remote}"
    assert not errors, f"JavaScript errors: {errors}"


@pytest.fixture(scope="module")
def search_page(browser, server):
    context = browser.new_context()
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(server + "index.html")
    yield page
    context.close()
    remote = [u for u in requests if not is_local(u)]
    assert not remote, f"requests that left the machine: {remote}"
