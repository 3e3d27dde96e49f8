"""Catalog ids in rendered HTML become links to their entries (the API reference's docstrings).

Docstrings name the entries they implement (``Catalog: ``approx.relu``.``), which
mkdocstrings renders as ``<code>approx.relu</code>``; :func:`link_catalog_ids` wraps each one
that names a catalog entry in a link to the entry's permanent anchor.  Code already inside a
link, and ids that are not in the catalog, are left alone.
"""

from __future__ import annotations

import posixpath
import re

__all__ = ["link_catalog_ids", "toc_titles"]

_CODE = re.compile(r"(<a\b[^>]*>\s*)?<code>([a-z]+\.[a-z0-9]+(?:-[a-z0-9]+)*)</code>")


def link_catalog_ids(html: str, page_url: str, by_id: dict) -> str:
    """``html`` of the page at ``page_url`` (``api/numerics.html``) with catalog ids linked."""
    base = posixpath.dirname(page_url)

    def replace(m: re.Match) -> str:
        if m[1] or m[2] not in by_id:
            return m[0]
        entry = by_id[m[2]]
        href = posixpath.relpath(f"chapters/{entry.chapter.key}.html", base or ".") + f"#{entry.id}"
        return f'<a class="sp-id-link" href="{href}" title="catalog entry {entry.id}"><code>{m[2]}</code></a>'

    return _CODE.sub(replace, html)


def toc_titles(items, by_id: dict) -> None:
    """Table-of-contents items of entries get their typeset title (HTML with ``<sub>``/``<sup>``)."""
    from .titles import display_title

    for item in items:
        for anchor, entry_id in ((item.id, item.id), (item.id, item.id.removeprefix("erratum-"))):
            if anchor and entry_id in by_id:
                item.title = display_title(by_id[entry_id].title).html
                break
        toc_titles(item.children, by_id)
