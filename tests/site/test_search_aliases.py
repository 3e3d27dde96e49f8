"""The site's alias table (verify/site/search_aliases.py): real entries, phrases the catalog lacks, shown."""

from __future__ import annotations

import formulas
from verify.site.search_aliases import SEARCH_ALIASES, aliases


def test_every_site_alias_names_an_entry_and_is_not_yet_a_catalog_alias():
    for entry_id, phrases in SEARCH_ALIASES.items():
        entry = formulas.get(entry_id)
        moved = [p for p in phrases if p.lower() in {a.lower() for a in entry.aliases}]
        assert not moved, f"{entry_id}: {moved} are catalog aliases now; drop them from SEARCH_ALIASES"


def test_site_aliases_follow_the_catalogs():
    entry = formulas.get("gen.elbo-gaussian-kl")
    shown = aliases(entry)
    assert shown[:len(entry.aliases)] == tuple(entry.aliases)
    assert "KL divergence to the standard normal" in shown
    plain = formulas.get("linalg.trace-cyclic")
    assert aliases(plain) == tuple(plain.aliases)


def test_site_aliases_are_in_the_heading(built_site):
    page = (built_site.path / "chapters" / "gen.html").read_text(encoding="utf-8")
    heading = page.split('id="gen.elbo-gaussian-kl"', 1)[1].split("</h2>", 1)[0]
    assert "KL divergence to the standard normal" in heading
