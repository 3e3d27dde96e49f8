"""What readers type that an entry's catalog aliases do not say yet: the site's own alias table.

Each line is a query a reader types (``tests/site/test_site_search.py``) whose entry the catalog's
aliases do not reach in the top three: the site shows these beside the catalog's aliases (in the
heading, where Material's search weighs them).  The table is a queue for the catalog owners: once
an entry's ``aliases`` in ``formulas/`` carry the phrase, its line here goes (a test fails while a
phrase is in both places).

Empty today: its first line (gen.elbo-gaussian-kl, "KL divergence to the standard normal", which
"kl divergence standard normal" needed to rank above info.kl-gaussian) moved into the catalog's aliases.
"""

from __future__ import annotations

SEARCH_ALIASES: dict[str, tuple[str, ...]] = {}


def aliases(entry) -> tuple[str, ...]:
    """The catalog's aliases of ``entry``, then the site's (``SEARCH_ALIASES``) that it lacks."""
    extra = tuple(a for a in SEARCH_ALIASES.get(entry.id, ()) if a.lower() not in {c.lower() for c in entry.aliases})
    return tuple(entry.aliases) + extra
