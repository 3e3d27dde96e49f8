"""Helpers for the browser tests: Debian's chromium, the local-only check, MathJax and search readings.

The fixtures that use them (``server``, ``browser``, ``page``, ``search_page``) are in ``conftest.py``.
"""

from __future__ import annotations

import http.server
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

__all__ = ["BROWSER_MARKS", "CHROMIUM", "CHROMIUM_ARGS", "Quiet", "is_local", "search", "wait_for_math"]

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
BROWSER_MARKS = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium "
                                                     "(apt-get install chromium; .ci/run installs it)"),
]


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep the test output clean
        pass


def is_local(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("file", "data", "blob", "about") or parts.hostname == "127.0.0.1"


def wait_for_math(page) -> None:
    """MathJax has started and typeset the page (or 20 s passed: the assertions then say what is missing)."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    page.wait_for_function("() => window.MathJax && MathJax.startup && MathJax.startup.promise")
    page.evaluate("() => MathJax.startup.promise")
    try:
        page.wait_for_function("() => [...document.querySelectorAll('article .arithmatex')]"
                               ".every(e => e.querySelector('mjx-container'))", timeout=20_000)
    except PlaywrightTimeout:
        pass


def search(page, query: str) -> list[str]:
    """Type ``query`` into the search box; the entry anchors of the results, in the order shown.

    Material groups results by page: a page's own item heads its group, then its sections.
    Only section results (an entry's anchor) count, hidden "more on this page" ones included
    at their place in the list.
    """
    box = page.locator("input.md-search__input")
    box.click()
    page.keyboard.press("Control+A")
    page.keyboard.press("Backspace")
    page.wait_for_function("() => !document.querySelector('.md-search-result__list a')")  # cleared
    page.keyboard.type(query, delay=5)
    page.wait_for_function(
        """(q) => document.querySelector("input.md-search__input").value === q
                  && /matching/i.test(document.querySelector(".md-search-result__meta").textContent)""",
        arg=query)
    # Results arrive as the query is typed, and a loaded machine answers late: wait until a result
    # holds a word of the final query (the results for "co" hold no "occur" or "matri"),
    # then read until two readings 300 ms apart agree.
    stems = [w[:5] for w in re.findall(r"[a-z0-9]+", query.lower()) if len(w) >= 3]
    page.wait_for_function(
        """(stems) => {
            const items = [...document.querySelectorAll(".md-search-result__list .md-search-result__article")];
            return !items.length || items.some(a => stems.some(s => a.innerText.toLowerCase().includes(s)));
        }""", arg=stems, timeout=20_000)
    previous = None
    for _ in range(20):
        hrefs = page.eval_on_selector_all(".md-search-result__list a.md-search-result__link",
                                          "els => els.map(a => a.getAttribute('href'))")
        if hrefs == previous:
            break
        previous = hrefs
        page.wait_for_timeout(300)
    return [urlsplit(h).fragment for h in hrefs if urlsplit(h).fragment]
