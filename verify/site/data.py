"""What every page is generated from: the registry and the verification results, read once.

Results come from :func:`verify.run.run_entries` with the result cache: fresh results are
read, stale ones are checked once (and cached), so a checkout that has run
``sheetproof verify`` generates the site in seconds.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import cached_property

__all__ = ["SiteData", "chapter_label", "chapter_page", "entry_link", "load"]

log = logging.getLogger("sheetproof.site")
CHAPTER_DIR = "chapters"


def chapter_page(chapter) -> str:
    """The docs path of a chapter's page: ``chapters/<key>.md``."""
    return f"{CHAPTER_DIR}/{chapter.key}.md"


def chapter_label(chapter) -> str:
    return f"{chapter.number} {chapter.title}"


def entry_link(entry, from_page: str) -> str:
    from .markup import link

    return link(chapter_page(entry.chapter), entry.id, from_page)


@dataclass
class SiteData:
    """The catalog and one record per entry (:func:`verify.report.record`)."""

    catalog: object
    records: dict

    @cached_property
    def errata(self) -> list:
        from verify.report import is_erratum

        return [e for e in self.catalog.entries if is_erratum(e)]

    def verdict(self, entry) -> str:
        return self.records[entry.id]["verdict"]


def _implementations() -> dict:
    try:
        from numerics._links import links
    except ImportError:
        return {}
    return links()


def load() -> SiteData:
    """The catalog with its results (cached results where fresh)."""
    import formulas
    from verify.report import record
    from verify.run import run_entries

    cat = formulas.catalog()
    fresh = []
    results = run_entries(cat.entries, use_cache=True,
                          on_result=lambda entry, result, cached: fresh.append(not cached))
    log.info("sheetproof: %d entries, %d checked now, the rest from the cache", len(cat.entries), sum(fresh))
    # full=False: the site prints statements itself (verify.site.latex); only the code links are added,
    # from one index (verify.report.implementations rebuilds it per entry)
    code = _implementations()
    records = {e.id: record(e, r, full=False) | {"code": sorted(code.get(e.id, []))}
               for e, r in zip(cat.entries, results, strict=True)}
    return SiteData(cat, records)
