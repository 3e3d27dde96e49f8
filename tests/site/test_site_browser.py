"""The built site in a real headless browser (Debian's chromium, driven by Playwright).

Served from 127.0.0.1 by a ``http.server`` thread, and opened from disk (file://).
Every request the browser makes is recorded; a request that leaves the machine
fails the test that caused it.
"""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest

import formulas

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
TOP = 3

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium "
                                                     "(apt-get install chromium; .ci/run installs it)"),
]

# What people type, and the entry that must be among the first three results:
# common names, an operation and its object, a distribution's name with "mgf".
QUERIES = [
    ("trace cyclic", "linalg.trace-cyclic"),
    ("sylvester criterion", "linalg.sylvester-pd-leading-minors"),
    ("poisson mgf", "prob.mgf-poisson"),
    ("normal mgf", "prob.mgf-normal"),
    ("binomial moment generating function", "prob.mgf-binomial"),
    ("variance of sum", "prob.var-linear-combination"),
    ("bayes theorem", "prob.bayes-rule"),
    ("cauchy schwarz", "anal.cauchy-schwarz-inner-product"),
    ("jensen inequality", "anal.jensen-finite"),
    ("log derivative trick", "anal.log-derivative-trick"),
    ("newton step", "anal.newton-step-quadratic"),
    ("taylor remainder", "anal.taylor-integral-remainder"),
    ("chebyshev inequality", "prob.chebyshev"),
    ("covariance of linear transform", "prob.var-matrix-transform"),
    ("entropy of bernoulli", "prob.entropy-bernoulli"),
    ("kl divergence", "info.kl-divergence"),
    ("gibbs inequality", "info.kl-nonnegative"),
    ("cross entropy", "info.cross-entropy-definition"),
    ("pointwise mutual information", "info.pmi-definition"),
    ("derivative of quadratic form", "deriv.grad-quadratic-form"),
    ("chain rule denominator layout", "deriv.chain-rule-denominator"),
    ("jacobian of linear map", "deriv.jacobian-linear-map"),
    ("gradient of squared norm", "deriv.grad-squared-norm"),
    ("hadamard product derivative", "deriv.jacobian-elementwise-product"),
    ("sigmoid derivative", "approx.sigmoid-derivative"),
    ("rectified linear unit", "approx.relu"),
    ("backpropagation", "approx.backprop-activity"),
    ("zaslavsky theorem", "approx.region-count-hyperplane-arrangement"),
    ("log sum exp", "approx.log-softmax"),
    ("max pooling", "cnn.max-pooling"),
    ("convolution output size", "cnn.conv-output-size"),
    ("fft convolution", "cnn.convolution-theorem-fft"),
    ("1x1 convolution", "cnn.one-by-one-convolution"),
    ("lenet-5", "cnn.lenet5"),
    ("denoising autoencoder", "ae.denoising-autoencoder-objective"),
    ("linear autoencoder pca", "ae.linear-autoencoder-pca-subspace"),
    ("adam optimizer", "opt.adam-update"),
    ("nesterov momentum", "opt.nesterov-update"),
    ("gradient clipping", "opt.gradient-clipping-norm"),
    ("cosine learning rate", "opt.lr-decay-cosine"),
    ("inverted dropout", "opt.dropout-inverted"),
    ("negative sampling", "emb.skipgram-negative-sampling"),
    ("positive pmi", "emb.positive-pmi"),
    ("woodbury identity", "latent.fa-posterior-covariance"),
    ("probabilistic pca maximum likelihood", "latent.ppca-ml-solution"),
    ("de finetti", "latent.de-finetti-infinite-exchangeable"),
    ("evidence lower bound", "gen.elbo"),
    ("reparameterization trick", "gen.reparameterization-trick"),
    ("optimal discriminator", "gen.gan-optimal-discriminator"),
    ("gradient of log determinant", "deriv.grad-logdet"),
    ("derivative of trace", "deriv.grad-trace"),
]

# Queries whose entry is not in the top three yet: a visible status, not a comment
# (xfail strict: when search finds these, move them up to QUERIES).
KNOWN_MISSES: list[tuple[str, str]] = []


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep the test output clean
        pass


@pytest.fixture(scope="module")
def server(built_site):
    handler = functools.partial(_Quiet, directory=str(built_site.path))
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
    remote = [u for u in requests if not _is_local(u)]
    assert not remote, f"requests that left the machine: {remote}"
    assert not errors, f"JavaScript errors: {errors}"


def _is_local(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("file", "data", "blob", "about") or parts.hostname == "127.0.0.1"


def _wait_for_math(page) -> None:
    """MathJax has started and typeset the page (or 20 s passed: the assertions then say what is missing)."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    page.wait_for_function("() => window.MathJax && MathJax.startup && MathJax.startup.promise")
    page.evaluate("() => MathJax.startup.promise")
    try:
        page.wait_for_function("() => [...document.querySelectorAll('article .arithmatex')]"
                               ".every(e => e.querySelector('mjx-container'))", timeout=20_000)
    except PlaywrightTimeout:
        pass


def _assert_math_rendered(page, where: str, expect_math: bool = True) -> None:
    _wait_for_math(page)
    if expect_math:
        assert page.locator("article .arithmatex").count() > 0, f"{where}: no math on the page"
    unrendered = page.eval_on_selector_all(
        "article .arithmatex", "els => els.filter(e => !e.querySelector('mjx-container svg')).map(e => e.outerHTML)")
    assert not unrendered, f"{where}: formulas not rendered: {unrendered[:3]}"
    assert page.locator('article [data-mml-node="merror"], article mjx-merror').count() == 0, (
        f"{where}: MathJax error marks")
    # Visible text outside code blocks: no TeX left over.
    text = page.evaluate("""() => {
        const article = document.querySelector("article").cloneNode(true);
        article.querySelectorAll("pre, code, mjx-container, details:not([open])").forEach(e => e.remove());
        return article.innerText;
    }""")
    for raw in ("\\frac", "\\left", "\\(", "\\[", "$$", "\\operatorname", "\\mathbf"):
        assert raw not in text, f"{where}: raw TeX {raw!r} visible"


@pytest.mark.parametrize("chapter", [c.key for c in formulas.catalog().chapters])
def test_chapter_math_renders(page, server, chapter):
    page.goto(server + f"chapters/{chapter}.html")
    has_math = any(e.latex or e.constraints for e in formulas.catalog().in_chapter(_chapter(chapter)))
    _assert_math_rendered(page, f"chapters/{chapter}.html", expect_math=has_math)


def _chapter(key: str):
    return next(c for c in formulas.catalog().chapters if c.key == key)


@pytest.mark.parametrize("path", ["conventions.html", "errata.html", "api/numerics.html"])
def test_math_renders_on_other_pages(page, server, path):
    page.goto(server + path)
    _assert_math_rendered(page, path)


def _search(page, query: str) -> list[str]:
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
    # Results arrive as the query is typed: read until two readings 300 ms apart agree.
    previous = None
    for _ in range(20):
        hrefs = page.eval_on_selector_all(".md-search-result__list a.md-search-result__link",
                                          "els => els.map(a => a.getAttribute('href'))")
        if hrefs == previous:
            break
        previous = hrefs
        page.wait_for_timeout(300)
    return [urlsplit(h).fragment for h in hrefs if urlsplit(h).fragment]


@pytest.fixture(scope="module")
def search_page(browser, server):
    context = browser.new_context()
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(server + "index.html")
    yield page
    context.close()
    remote = [u for u in requests if not _is_local(u)]
    assert not remote, f"requests that left the machine: {remote}"


@pytest.mark.parametrize("query, expected", [
    *QUERIES,
    *[pytest.param(q, e, marks=pytest.mark.xfail(strict=True, reason="known search miss")) for q, e in KNOWN_MISSES],
], ids=[q for q, _ in QUERIES + KNOWN_MISSES])
def test_search_finds_entry_in_top_results(search_page, query, expected):
    formulas.get(expected)  # the table names real entries
    anchors = _search(search_page, query)
    assert expected in anchors[:TOP], f"{query!r}: {expected} not in the top {TOP}: {anchors[:8]}"


def test_query_table_is_large_enough():
    assert len(QUERIES) >= 30


def test_permalinks_land_on_their_entry(page, server):
    cat = formulas.catalog()
    for chapter in cat.chapters:
        entry = cat.in_chapter(chapter)[-1]
        page.goto(server + f"chapters/{chapter.key}.html#{entry.id}")
        heading = page.locator(f'[id="{entry.id}"]')
        assert heading.count() == 1
        assert heading.inner_text().strip().startswith(entry.title.split()[0])
        # The heading's own permalink points at the same address.
        link = heading.locator("a.headerlink")
        assert link.get_attribute("href") == f"#{entry.id}"
        heading.scroll_into_view_if_needed()
        assert heading.is_visible()


def test_correction_links_are_followable(page, server):
    cat = formulas.catalog()
    corrected = [e for e in cat.entries if e.corrected_by][:6]
    assert corrected
    for entry in corrected:
        fix = cat.get(entry.corrected_by)
        page.goto(server + f"chapters/{entry.chapter.key}.html#{entry.id}")
        section = page.locator(f'[id="{entry.id}"] ~ p', has_text="Corrected by").first
        section.get_by_role("link", name=fix.title).click()
        page.wait_for_url(f"**/chapters/{fix.chapter.key}.html#{fix.id}")
        assert page.locator(f'[id="{fix.id}"]').count() == 1


def test_latex_and_sympy_code_have_copy_buttons(page, server):
    entry = formulas.get("linalg.trace-cyclic")
    page.goto(server + f"chapters/{entry.chapter.key}.html#{entry.id}")
    source = page.locator(f'[id="{entry.id}"] ~ section.sp-source').first
    source.locator("summary").click()
    copied = []
    for button in source.locator("button[data-clipboard-target]").all():
        assert button.is_visible()
        target = button.get_attribute("data-clipboard-target")
        copied.append(page.locator(target).inner_text().strip())
    assert copied == [entry.latex, entry.sympy_code]


def test_site_works_from_disk(page, built_site):
    """file://: math renders and search answers (index from search_index.js, worker in an iframe)."""
    page.goto((built_site.path / "chapters" / "deriv.html").as_uri())
    _assert_math_rendered(page, "file:// chapters/deriv.html")
    page.goto((built_site.path / "index.html").as_uri())
    anchors = _search(page, "trace cyclic")
    assert "linalg.trace-cyclic" in anchors[:TOP], anchors[:8]
