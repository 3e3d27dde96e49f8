"""The built site in a real headless browser (Debian's chromium, driven by Playwright).

Served from 127.0.0.1 by a ``http.server`` thread, and opened from disk (file://).
Every request the browser makes is recorded; a request that leaves the machine
fails the test that caused it.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from site_browser import BROWSER_MARKS, search, wait_for_math

import formulas
from verify.site.titles import display_title

TOP = 3
pytestmark = BROWSER_MARKS


def _assert_math_rendered(page, where: str, expect_math: bool = True) -> None:
    wait_for_math(page)
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
    subscripted = toc.locator('a[href="#latent.grad-w-of-a-garbled"] sub')  # ∇_W A
    assert subscripted.count() >= 1, "a subscript without a Unicode glyph is an HTML <sub>"
    assert "^{" not in toc.inner_text() and "sigma" not in toc.inner_text()


def test_api_catalog_ids_link_to_entries(page, server):
    page.goto(server + "api/numerics.html")
    link = page.locator('a.sp-id-link[href$="#cnn.max-pooling"]').first
    link.scroll_into_view_if_needed()
    link.click()
    page.wait_for_url("**/chapters/cnn.html#cnn.max-pooling")
    assert page.locator('[id="cnn.max-pooling"]').is_visible()


def test_counterexamples_render_as_math(page, server):
    page.goto(server + "errata.html")
    wait_for_math(page)
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

    out = Path(os.environ.get("SHEETPROOF_SCREENSHOTS") or tmp_path_factory.mktemp("screenshots"))
    out.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size({"width": 1280, "height": 1400})
    for name, url in (("entry", "chapters/prob.html#prob.mgf-poisson-as-printed"), ("errata", "errata.html"),
                      ("chapter", "chapters/approx.html#approx.relu")):
        page.goto(server + url)
        wait_for_math(page)
        page.screenshot(path=str(out / f"{name}.png"))
        assert (out / f"{name}.png").stat().st_size > 20_000


def test_site_works_from_disk(page, built_site):
    """file://: math renders and search answers (index from search_index.js, worker in an iframe)."""
    page.goto((built_site.path / "chapters" / "deriv.html").as_uri())
    _assert_math_rendered(page, "file:// chapters/deriv.html")
    page.goto((built_site.path / "index.html").as_uri())
    anchors = search(page, "trace cyclic")
    assert "linalg.trace-cyclic" in anchors[:TOP], anchors[:8]
