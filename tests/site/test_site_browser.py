"""The built site in a real headless browser (Debian's chromium, driven by Playwright).

Served from 127.0.0.1 by a ``http.server`` thread, and opened from disk (file://).
Every request the browser makes is recorded; a request that leaves the machine
fails the test that caused it.
"""

from __future__ import annotations

import functools
import html
import http.server
import re
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest

import formulas
from verify.site.titles import display_title

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
    ("variance of a sum", "prob.var-linear-combination"),
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
    ("gaussian log likelihood", "latent.gaussian-loglik-in-s"),
    ("negative definite leading minors", "linalg.negative-definite-minors"),
    ("gaussian likelihood squared error", "ae.gaussian-mle-is-squared-error"),
    ("one hot embedding lookup", "emb.lookup-equals-one-hot-product"),
    ("co-occurrence matrix", "emb.cooccurrence-matrix"),
    ("kl divergence standard normal", "gen.elbo-gaussian-kl"),
    ("mutual information", "info.mutual-information"),
    ("maxout", "approx.maxout"),
    ("feature map size", "cnn.conv-output-size"),
    ("adam bias correction", "opt.adam-bias-correction"),
    ("factor analysis posterior mean", "latent.fa-posterior-mean"),
    ("convex function definition", "anal.convex-function-definition"),
]

# Queries whose entry is not in the top three yet: a visible status, not a comment
# (xfail strict: when search finds these, move them up to QUERIES).
# "covariance": no word of latent.gaussian-loglik-in-s (title, aliases, tags, notes) says it; the catalog
# needs an alias such as "Gaussian log-likelihood of the covariance" (asked of the catalog, issue 16).
KNOWN_MISSES: list[tuple[str, str]] = [
    ("gaussian log likelihood covariance", "latent.gaussian-loglik-in-s"),
]


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


def test_query_table_covers_every_chapter():
    per_chapter = {c.key: 0 for c in formulas.catalog().chapters}
    for _, expected in QUERIES:
        per_chapter[formulas.get(expected).chapter.key] += 1
    thin = {k: n for k, n in per_chapter.items() if n < 3}
    assert not thin, f"chapters with fewer than 3 typed queries: {thin}"


def test_permalinks_land_on_their_entry(page, server):
    cat = formulas.catalog()
    for chapter in cat.chapters:
        entry = cat.in_chapter(chapter)[-1]
        page.goto(server + f"chapters/{chapter.key}.html#{entry.id}")
        heading = page.locator(f'[id="{entry.id}"]')
        assert heading.count() == 1
        shown = re.sub(r"</?su[bp]>", "", display_title(entry.title).html)
        assert heading.inner_text().strip().startswith(html.unescape(shown).split()[0])
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
        section.locator(f'a[href$="#{fix.id}"]').click()
        page.wait_for_url(f"**/chapters/{fix.chapter.key}.html#{fix.id}")
        assert page.locator(f'[id="{fix.id}"]').count() == 1


@pytest.fixture
def clipboard_page(browser, server):
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.rstrip("/"))
    page = context.new_page()
    yield page
    context.close()


@pytest.mark.parametrize("entry_id", ["linalg.trace-cyclic", "prob.mgf-poisson", "anal.cauchy-schwarz-sums"])
def test_copy_buttons_copy_latex_sympy_and_an_identity_file_entry(clipboard_page, server, entry_id):
    """Each button puts its text on the clipboard (Material's clipboard handler), as the page promises."""
    from verify.site.entry import copy_texts

    entry = formulas.get(entry_id)
    page = clipboard_page
    page.goto(server + f"chapters/{entry.chapter.key}.html#{entry.id}")
    row = page.locator(f'[id="{entry.id}"] ~ p.sp-copy-row').first
    expected = copy_texts(entry)
    for kind in ("latex", "sympy", "identity"):
        button = row.locator(f'[data-sp-copy="{kind}"]')
        assert button.is_visible(), f"{entry_id}: no visible '{kind}' button"
        button.click()
        page.wait_for_function("() => document.querySelector('.md-dialog--active')")
        assert page.evaluate("() => navigator.clipboard.readText()") == expected[kind], (entry_id, kind)


def test_source_blocks_keep_their_copy_buttons(page, server):
    from verify.site.entry import copy_texts

    entry = formulas.get("linalg.trace-cyclic")
    page.goto(server + f"chapters/{entry.chapter.key}.html#{entry.id}")
    source = page.locator(f'[id="{entry.id}"] ~ section.sp-source').first
    source.locator("summary").click()
    copied = []
    for button in source.locator("button[data-clipboard-target]").all():
        assert button.is_visible()
        copied.append(page.locator(button.get_attribute("data-clipboard-target")).inner_text().strip())
    texts = copy_texts(entry)
    assert copied == [texts["latex"], texts["sympy"], texts["identity"].strip()]


def test_figures_load_next_to_their_entries(page, server):
    from verify.site import figures

    for fig in figures.all_figures():
        entry = formulas.get(fig.entries[0])
        page.goto(server + f"chapters/{entry.chapter.key}.html#{entry.id}")
        img = page.locator(f'[id="{entry.id}"] ~ figure.sp-figure img').first
        img.scroll_into_view_if_needed()
        page.wait_for_function("(img) => img.complete && img.naturalWidth > 0", arg=img.element_handle())
        assert img.bounding_box()["width"] > 300, fig.name


def test_toc_and_headings_show_typeset_titles(page, server):
    page.goto(server + "chapters/latent.html#latent.ppca-eigen-equation")
    heading = page.locator('[id="latent.ppca-eigen-equation"]')
    assert "S wᵢ = (σ² + ρᵢ²) wᵢ" in heading.inner_text()
    toc = page.locator("nav.md-nav--secondary").first
    link = toc.locator('a[href="#latent.ppca-eigen-equation"]')
    assert "(σ² + ρᵢ²)" in link.inner_text()
    subscripted = toc.locator('a[href="#latent.fa-posterior-gaussian"] sub')
    assert subscripted.count() >= 1, "a subscript without a Unicode glyph is an HTML <sub>"
    assert "^{" not in toc.inner_text() and "sigma" not in toc.inner_text()


def test_search_results_show_typeset_titles(search_page):
    _search(search_page, "ppca eigen equation orthogonal columns")
    titles = search_page.eval_on_selector_all(".md-search-result__article h2, .md-search-result__article h1",
                                              "els => els.map(e => e.innerText)")
    assert any("(σ² + ρᵢ²)" in t for t in titles), titles[:5]
    assert not any("sigma^2" in t or "rho_i" in t for t in titles)


def test_api_catalog_ids_link_to_entries(page, server):
    page.goto(server + "api/numerics.html")
    link = page.locator('a.sp-id-link[href$="#cnn.max-pooling"]').first
    link.scroll_into_view_if_needed()
    link.click()
    page.wait_for_url("**/chapters/cnn.html#cnn.max-pooling")
    assert page.locator('[id="cnn.max-pooling"]').is_visible()


def test_counterexamples_render_as_math(page, server):
    page.goto(server + "errata.html")
    _wait_for_math(page)
    blocks = page.locator("section.sp-cx")
    assert blocks.count() >= 10
    for i in range(blocks.count()):
        block = blocks.nth(i)
        title = block.locator(".admonition-title").inner_text()
        if "Counterexample" in title and block.locator(".arithmatex").count():
            assert block.locator("mjx-container").count() >= 1, title
        assert "e-1" not in block.inner_text(), f"a raw float exponent in {title}"


def test_screenshots_of_an_entry_the_errata_and_a_chapter(page, server, tmp_path_factory):
    """Screenshots for a reader's eye (SHEETPROOF_SCREENSHOTS=DIR keeps them; default: pytest's tmp)."""
    import os
    from pathlib import Path

    out = Path(os.environ.get("SHEETPROOF_SCREENSHOTS") or tmp_path_factory.mktemp("screenshots"))
    out.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size({"width": 1280, "height": 1400})
    for name, url in (("entry", "chapters/prob.html#prob.mgf-poisson-as-printed"), ("errata", "errata.html"),
                      ("chapter", "chapters/approx.html#approx.relu")):
        page.goto(server + url)
        _wait_for_math(page)
        page.screenshot(path=str(out / f"{name}.png"))
        assert (out / f"{name}.png").stat().st_size > 20_000


def test_site_works_from_disk(page, built_site):
    """file://: math renders and search answers (index from search_index.js, worker in an iframe)."""
    page.goto((built_site.path / "chapters" / "deriv.html").as_uri())
    _assert_math_rendered(page, "file:// chapters/deriv.html")
    page.goto((built_site.path / "index.html").as_uri())
    anchors = _search(page, "trace cyclic")
    assert "linalg.trace-cyclic" in anchors[:TOP], anchors[:8]
