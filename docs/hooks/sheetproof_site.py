"""mkdocs hook: the reference site's generated pages, served from :mod:`verify.site`.

The pages are made by :mod:`verify.site` (the same step ``sheetproof site`` writes to disk for
generators that do not run MkDocs hooks); this module only hands them to MkDocs:

* ``on_config``: one navigation item per catalog chapter under "Chapters";
* ``on_files``: the chapter pages and the figures, generated in memory;
* ``on_page_markdown``: markers in hand-written pages expanded (:data:`verify.site.pages.EXPANDERS`);
  an unknown marker, or one with a wrong argument, fails the build;
* ``on_page_content``: typeset titles in the table of contents, catalog ids in the API pages
  linked to their entries (both need the rendered page, which only a hook sees).
"""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # the hook runs from any directory; the packages live at the root
    sys.path.insert(0, str(ROOT))

from verify.site import pages as _pages  # noqa: E402
from verify.site.markup import SiteError  # noqa: E402

__all__ = ["EXPANDERS", "expand_markers", "on_config", "on_files", "on_page_markdown", "on_page_content"]

EXPANDERS = _pages.EXPANDERS
GUIDE = _pages.GUIDE
_state: dict = {}


def _context():
    if "context" not in _state:
        _state["context"] = _pages.Context(guide=GUIDE)
    return _state["context"]


def _registry():
    """``(catalog, {id: record})`` of this build (the cached results where fresh)."""
    data = _context().data
    return data.catalog, data.records


def expand_markers(markdown: str, page: str) -> str:
    """Markers of one page expanded; an unknown marker raises ``PluginError``."""
    ctx = _context()
    ctx.guide = GUIDE
    try:
        return _pages.expand_markers(ctx, markdown, page)
    except SiteError as err:
        raise PluginError(str(err)) from None


def on_config(config):
    """Fresh results for each build; one navigation item per catalog chapter under "Chapters"."""
    import formulas
    from verify.site.build import nav_with_chapters

    _state.clear()
    try:
        config.nav = nav_with_chapters(config.nav, formulas.catalog().chapters)
    except SiteError as err:
        raise PluginError(str(err)) from None
    return config


def on_files(files, config):
    from verify.site import figures
    from verify.site.data import chapter_page

    ctx = _context()
    for chapter in ctx.data.catalog.chapters:
        files.append(File.generated(config, chapter_page(chapter), content=_pages.chapter_markdown(chapter)))
    drawn = figures.applicable(ctx.data)
    ctx.figures = figures.by_entry(drawn)
    for path, svg in figures.render(ctx.data, drawn).items():
        files.append(File.generated(config, path, content=svg))
    return files


def on_page_markdown(markdown, page, config, files):
    return expand_markers(markdown, page.file.src_uri)


def on_page_content(html, page, config, files):
    from verify.site.links import link_catalog_ids, toc_titles

    by_id = _context().data.catalog.by_id
    toc_titles(page.toc.items, by_id)
    if page.file.src_uri.startswith("api/"):
        html = link_catalog_ids(html, page.file.dest_uri, by_id)
    return html
