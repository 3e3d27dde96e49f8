"""The site's build: strict, complete, generated from the registry, and self-contained."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from mkdocs.exceptions import PluginError

import formulas
from verify.report import is_erratum

ROOT = Path(__file__).resolve().parents[2]
VENDOR_LIMIT_BYTES = 3_000_000
REMOTE = re.compile(r"""(?:src|href)\s*=\s*["'](?:https?:)?//""", re.I)
CSS_REMOTE = re.compile(r"""(?:@import|url\()\s*["']?(?:https?:)?//""", re.I)


def _read(site, path: str) -> str:
    return (site.path / path).read_text(encoding="utf-8")


def test_every_chapter_page_has_every_entry_anchor(built_site):
    cat = formulas.catalog()
    for chapter in cat.chapters:
        page = _read(built_site, f"chapters/{chapter.key}.html")
        for entry in cat.in_chapter(chapter):
            assert f'id="{entry.id}"' in page, f"{entry.id}: no permanent anchor on chapters/{chapter.key}.html"


def test_navigation_lists_every_chapter(built_site):
    home = _read(built_site, "index.html")
    for chapter in formulas.catalog().chapters:
        assert f'href="chapters/{chapter.key}.html"' in home, f"chapter {chapter.key} missing from the navigation"


def _section(page: str, entry_id: str) -> str:
    """The HTML of one entry: from its heading to the next entry's heading."""
    return page.split(f'id="{entry_id}"', 1)[1].split('<h2 id="', 1)[0]


def test_entries_show_their_verdict_seed_wording_and_corrections(built_site, site_data):
    """The badge is the verdict the verifier gave (the cached result the site was built from)."""
    cat = formulas.catalog()
    pages = {c.key: _read(built_site, f"chapters/{c.key}.html") for c in cat.chapters}
    for entry in cat.entries:
        section = _section(pages[entry.chapter.key], entry.id)
        rec = site_data.records[entry.id]
        badges = re.findall(r'class="sp-badge sp-([a-z-]+)"', section)
        assert badges and badges[0] == rec["verdict"], f"{entry.id}: badge {badges[:1]}, verdict {rec['verdict']}"
        expects = f"catalog expects {rec['expected_verdict']}"
        assert (expects in section) == (rec["verdict"] != rec["expected_verdict"]), entry.id
        if entry.seed is not None:
            a, b = entry.seed.lines
            assert (f"line {a}" if a == b else f"lines {a}–{b}") in section, f"{entry.id}: seed line numbers"
        if entry.corrected_by:
            fix = cat.get(entry.corrected_by)
            assert f"{fix.chapter.key}.html#{fix.id}" in section or f'href="#{fix.id}"' in section, (
                f"{entry.id}: no link to its correction {fix.id}")
        if entry.expr is not None:
            assert 'class="arithmatex"' in section, f"{entry.id}: statement not rendered as math"


def test_badge_shows_the_result_not_the_expectation():
    """An entry whose result differs from the catalog's expectation shows both, the result first."""
    from verify.site.entry import render_entry

    entry = formulas.get("deriv.grad-quadratic-form")
    rec = {"verdict": "refuted", "expected_verdict": "proved", "scope": "", "reason": "", "methods": [],
           "given": [], "conflicts": [], "counterexample": None, "code": []}
    text = render_entry(entry, rec, formulas.catalog(), "chapters/deriv.md")
    assert re.findall(r'class="sp-badge sp-([a-z-]+)"', text) == ["refuted", "error"]
    assert "catalog expects proved" in text


def test_errata_page_lists_every_erratum_with_a_link(built_site):
    page = _read(built_site, "errata.html")
    errata = [e for e in formulas.entries() if is_erratum(e)]
    assert errata
    for e in errata:
        assert f'id="erratum-{e.id}"' in page, f"{e.id} missing from the errata page"
        assert f'href="chapters/{e.chapter.key}.html#{e.id}"' in page


def test_cli_page_documents_every_subcommand(built_site):
    import argparse

    from verify.cli import build_parser

    page = _read(built_site, "cli.html")
    (sub,) = [a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction)]
    for name in sub.choices:
        assert f'id="sheetproof-{name}"' in page, f"sheetproof {name} missing from the CLI page"


def test_conventions_table_is_generated_from_the_catalog(built_site):
    page = _read(built_site, "conventions.html")
    table = page.split('id="common-derivatives-in-both-layouts"', 1)[1].split("</table>", 1)[0]
    rows = table.count("<tr>") - 1
    assert rows >= 5, f"only {rows} derivatives in the layout table"
    assert "chapters/deriv.html#deriv.grad-logdet" in table


def test_api_reference_renders_docstring_math(built_site):
    for name in ("verify", "numerics"):
        page = _read(built_site, f"api/{name}.html")
        assert f'id="{name}"' in page
        assert ":math:`" not in page, f"api/{name}.html: reST math left in a docstring"
    assert 'class="arithmatex"' in _read(built_site, "api/numerics.html")


def test_no_remote_assets(built_site):
    offenders = []
    for path in built_site.path.rglob("*"):
        if path.suffix == ".html":
            text = path.read_text(encoding="utf-8")
            # <a href> to the web is a link a reader may follow; scripts, styles, fonts and images are not.
            for tag in re.findall(r"<(?:script|link|img|iframe|source)\b[^>]*>", text, re.I):
                if REMOTE.search(tag):
                    offenders.append(f"{path.relative_to(built_site.path)}: {tag}")
        elif path.suffix == ".css" and CSS_REMOTE.search(path.read_text(encoding="utf-8")):
            offenders.append(str(path.relative_to(built_site.path)))
    assert not offenders, "remote assets:\n" + "\n".join(offenders[:20])
    assert "fonts.googleapis" not in _read(built_site, "index.html")


def test_offline_search_index_and_worker_shim_are_local(built_site):
    assert (built_site.path / "search" / "search_index.js").is_file(), "no search index for file:// viewing"
    assert (built_site.path / "assets" / "vendor" / "iframe-worker" / "shim.js").is_file()
    assert "unpkg.com" not in _read(built_site, "index.html")


def test_vendored_assets_are_small():
    total = sum(p.stat().st_size for p in (ROOT / "docs" / "assets").rglob("*") if p.is_file())
    assert total < VENDOR_LIMIT_BYTES, f"docs/assets holds {total / 1e6:.1f} MB"


def test_site_reads_fresh_results_from_the_cache(hook, tmp_path, monkeypatch):
    """With every result cached, building the pages checks nothing: the records are the cached results."""
    import verify.run
    from verify.cache import ResultCache
    from verify.result import Result

    monkeypatch.setenv("SHEETPROOF_CACHE", str(tmp_path))
    cache = ResultCache(tmp_path)
    for e in formulas.entries():
        cache.put(e, Result(id=e.id, verdict=e.expected, scope="from the test's cache"))
    cache.save()

    def no_check(entry, **kwargs):
        raise AssertionError(f"{entry.id} was checked again although its cached result is fresh")

    monkeypatch.setattr(verify.run, "check", no_check)
    monkeypatch.setattr(hook, "_state", {})
    _, records = hook._registry()
    assert len(records) == len(formulas.entries())
    assert {r["scope"] for r in records.values()} == {"from the test's cache"}


# -- the hook on its own -------------------------------------------------------------------------


@pytest.mark.parametrize("markdown", [
    "<!-- sheetproof:bogus -->",
    "text\n<!-- sheetproof:chapterz deriv -->\n",
    "<!-- sheetproof:x -->",
])
def test_unknown_marker_fails(hook, markdown):
    with pytest.raises(PluginError, match="unknown marker"):
        hook.expand_markers(markdown, "page.md")


def test_notes_comments_are_not_markers(hook):
    """A notes file's per-equation comment (``<!-- sheetproof: id=..., expect=refuted -->``, a space after the
    colon) belongs to ``sheetproof check``, not to the site: it passes through unchanged."""
    text = "$$a = b$$\n<!-- sheetproof: id=demo, expect=refuted -->\n"
    assert hook.expand_markers(text, "page.md") == text


@pytest.mark.parametrize("markdown, message", [
    ("<!-- sheetproof:chapter no-such-chapter -->", "no such chapter"),
    ("<!-- sheetproof:chapter -->", "takes one chapter key"),
    ("<!-- sheetproof:summary extra -->", "takes no arguments"),
    ("<!-- sheetproof:errata everything -->", "takes no arguments"),
])
def test_marker_with_bad_arguments_fails(hook, markdown, message):
    with pytest.raises(PluginError, match=message):
        hook.expand_markers(markdown, "page.md")


def test_text_without_markers_is_unchanged(hook):
    text = "# Title\n\n<!-- an ordinary comment -->\n\nBody with $x$.\n"
    assert hook.expand_markers(text, "page.md") == text


def test_every_known_marker_is_used_in_the_docs(hook):
    used = set()
    for path in (ROOT / "docs").rglob("*.md"):
        used |= set(re.findall(r"<!--\s*sheetproof:([A-Za-z0-9_-]+)", path.read_text(encoding="utf-8")))
    unused = set(hook.EXPANDERS) - {"chapter"} - used  # "chapter" is used by the generated chapter pages
    assert not unused, f"markers never used: {unused}"


# -- link checking: the site's validation settings make a broken link fail the strict build --------------


def _mini_site(tmp_path: Path, page_text: str) -> subprocess.CompletedProcess:
    """A two-page site with mkdocs.yml's validation settings, built with --strict."""
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text("# Home\n\n## Known section\n", encoding="utf-8")
    (docs / "other.md").write_text(page_text, encoding="utf-8")
    mini = {"site_name": "mini", "docs_dir": str(docs), "site_dir": str(tmp_path / "site"),
            "use_directory_urls": False, "validation": config["validation"],
            "markdown_extensions": ["toc", "attr_list"]}
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(mini), encoding="utf-8")
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(tmp_path / "mkdocs.yml")],
                          capture_output=True, text=True, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
                          timeout=120)


@pytest.mark.parametrize("link, fails", [
    ("[ok](index.md#known-section)", False),
    ("[missing page](nowhere.md)", True),
    ("[missing anchor](index.md#deriv.no-such-entry)", True),
    ("[missing local anchor](#nothing-here)", True),
])
def test_strict_build_fails_on_broken_links(tmp_path, link, fails):
    proc = _mini_site(tmp_path, f"# Other\n\n{link}\n")
    assert (proc.returncode != 0) == fails, proc.stdout + proc.stderr


def test_user_guide_is_included_when_present(hook, tmp_path, monkeypatch):
    guide = tmp_path / "GUIDE.md"
    guide.write_text("# Check your own identities\n\nWrite a YAML file.\n\n## Symbols\n\n"
                     "```yaml\n# a comment, not a heading\n```\n", encoding="utf-8")
    monkeypatch.setattr(hook, "GUIDE", guide)
    text = hook.expand_markers("## Checking your own identities\n\n<!-- sheetproof:user-guide -->", "index.md")
    assert "Write a YAML file." in text
    assert "Check your own identities" not in text, "the page's heading stands for the guide's title"
    assert "\n### Symbols\n" in text, "the guide's sections nest under the page's section"
    assert "\n# a comment, not a heading\n" in text, "code blocks are left alone"


def test_user_guide_falls_back_to_a_description(hook, tmp_path, monkeypatch):
    monkeypatch.setattr(hook, "GUIDE", tmp_path / "missing.md")
    text = hook.expand_markers("<!-- sheetproof:user-guide -->", "index.md")
    assert "sheetproof check FILE" in text and "(cli.md)" in text


# -- the reader's pieces: assumptions, copy buttons, id links, counterexamples ----------------------------


def test_layout_table_keeps_the_assumptions_of_its_formulas(built_site):
    page = _read(built_site, "conventions.html")
    table = page.split('id="common-derivatives-in-both-layouts"', 1)[1].split("</table>", 1)[0]
    assert "<th>assumptions</th>" in table
    rows = {re.search(r'href="chapters/deriv\.html#([^"]+)"', r)[1]: r for r in table.split("<tr>")[2:]
            if "chapters/deriv.html#" in r}
    assert "SPD" in rows["deriv.grad-logdet-spd"]
    assert "symmetric" in rows["deriv.grad-quadratic-form-symmetric"]
    assert "SPD" not in rows["deriv.grad-logdet"] and "symmetric" not in rows["deriv.grad-logdet"]


def test_copy_buttons_carry_latex_sympy_and_an_identity_entry(built_site):
    import html

    from verify.site.entry import copy_texts

    cat = formulas.catalog()
    for entry in (e for e in cat.entries if e.expr is not None):
        section = _section(_read(built_site, f"chapters/{entry.chapter.key}.html"), entry.id)
        copied = {kind: html.unescape(text) for kind, text in
                  re.findall(r'data-sp-copy="([a-z]+)"[^>]*data-clipboard-text="([^"]*)"', section)}
        expected = {k: v for k, v in copy_texts(entry).items() if k in ("latex", "sympy", "identity")}
        assert copied == expected, entry.id
        if "identity" not in copied:
            assert "No identity file entry:" in section, f"{entry.id}: no reason why it cannot be copied as one"


def test_copied_sympy_is_the_same_in_every_process_and_reads_back():
    """A statement with an elementwise Lambda: srepr carries per-process Dummy indices, the copy does not."""
    import sympy
    from sympy.matrices.expressions.applyfunc import ElementwiseApplyFunction

    import formulas.nodes
    from verify.site.entry import copy_texts

    entry = formulas.get("approx.backprop-weight-gradient")
    assert "Dummy(" in entry.sympy_code
    code = "import formulas; from verify.site.entry import copy_texts; " \
           "print(copy_texts(formulas.get('approx.backprop-weight-gradient'))['sympy'], end='')"
    other = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    copied = copy_texts(entry)["sympy"]
    assert other == copied
    names = {**vars(sympy), **vars(formulas.nodes), "ElementwiseApplyFunction": ElementwiseApplyFunction}
    pasted = eval(copied, names)  # noqa: S307 -- the site's own text, as a user pastes it
    indices = {d.dummy_index for d in pasted.atoms(sympy.Dummy)}
    assert sympy.srepr(pasted) == copied and indices == set(range(1, len(indices) + 1))


def test_catalog_ids_in_api_docstrings_link_to_their_entries(built_site):
    page = _read(built_site, "api/numerics.html")
    links = re.findall(r'<a class="sp-id-link" href="\.\./chapters/([a-z]+)\.html#([^"]+)"', page)
    assert ("cnn", "cnn.max-pooling") in links
    ids = formulas.catalog().by_id
    for chapter, entry_id in links:
        assert ids[entry_id].chapter.key == chapter


def test_entries_link_to_the_numerics_that_implement_them(built_site):
    section = _section(_read(built_site, "chapters/approx.html"), "approx.relu")
    assert 'href="../api/numerics.html#numerics.layers.relu.relu"' in section


def test_roundoff_is_never_under_a_counterexample_heading(built_site):
    for path in [built_site.path / "errata.html", *sorted((built_site.path / "chapters").glob("*.html"))]:
        for block in _read(built_site, str(path.relative_to(built_site.path))).split("admonition-title")[1:]:
            title, body = block.split("</p>", 1)
            if "Counterexample" in title:
                body = body.split("</section>", 1)[0]
                assert not re.search(r"\\times 10\^\{-(1[0-9]|9)\}", body), f"{path.name}: round-off in {title}"
    # the loop above meets float64 blocks: a float64 counterexample (a real violation, not round-off).  No
    # catalog entry has round-off-only float64 evidence now (cnn.one-by-one-not-a-convolution became prose);
    # test_counterexample.py renders that case as "Evidence (float64)".
    float_cx = _section(_read(built_site, "chapters/deriv.html"), "deriv.chain-rule-as-sum")
    assert "Counterexample (float64)" in float_cx and "violated by" in float_cx


def test_titles_are_typeset_in_headings_toc_and_errata(built_site):
    page = _read(built_site, "chapters/latent.html")
    heading = page.split('id="latent.ppca-eigen-equation"', 1)[1].split("</h2>", 1)[0]
    assert "S wᵢ = (σ² + ρᵢ²) wᵢ" in heading
    toc = page.split('class="md-nav md-nav--secondary"', 1)[1].split('class="md-content"', 1)[0]
    assert "S wᵢ = (σ² + ρᵢ²) wᵢ" in toc and "sigma^2" not in toc
    headings = re.findall(r'<h3 [^>]*id="erratum-[^"]+"[^>]*>(.*?)</h3>', _read(built_site, "errata.html"), re.S)
    assert headings and not any(re.search(r"rho_i|sigma|\^\{|<=|lam\b", h) for h in headings)
    assert any("MGF of Poisson(λ) as printed: exp(λ(e⁻ᵗ − 1))" in h for h in headings)
    # typeset by the site: the catalog writes '∇_W A' (no Unicode subscript W)
    assert any("∇<sub>W</sub> A = 2W" in h for h in headings), "latent.grad-w-of-a-garbled"
