"""numerics <-> catalog links: one source (the ``@implements`` decorators), both directions checked."""

import formulas
from numerics._links import links
from verify.report import implementations, record


def test_every_linked_id_is_a_catalog_entry():
    catalog = formulas.catalog().by_id
    dangling = sorted(i for i in links() if i not in catalog)
    assert not dangling, f"numerics links to ids the catalog lacks: {dangling}"


def test_entries_list_the_code_that_implements_them():
    table = links()
    assert table
    for entry_id, names in table.items():
        entry = formulas.get(entry_id)
        assert implementations(entry) == sorted(names)
        for name in names:
            assert name.startswith("numerics.")


def test_json_record_carries_the_links():
    from verify import check

    entry = formulas.get("info.kl-divergence")
    assert record(entry, check(entry))["code"] == implementations(entry) != []
