"""Every line of the cheat sheet is mapped to catalog entries or explained (issue 4)."""

import re

import formulas
from formulas.coverage import coverage, seed_lines, summary
from formulas.seed_notes import DUPLICATES, EXPLAINED


def test_every_seed_line_is_accounted_for():
    info = summary()
    assert info["unaccounted"] == [], f"seed lines neither mapped nor explained: {info['unaccounted']}"
    assert info["share"] == 1.0


def test_explanations_are_real_and_do_not_hide_entries():
    lines = seed_lines()
    claimed = {k for e in formulas.entries() if e.seed for k in range(e.seed.lines[0], e.seed.lines[1] + 1)}
    for first, last, reason in EXPLAINED:
        assert 1 <= first <= last <= len(lines)
        assert len(reason) > 10
        assert any(lines[k - 1].strip() for k in range(first, last + 1)), f"{first}-{last} is blank"
        assert not claimed & set(range(first, last + 1)), f"{first}-{last} is explained but also an entry's"
        for entry_id in re.findall(r"\b[a-z]+\.[a-z0-9]+(?:-[a-z0-9]+)+\b", reason):
            formulas.get(entry_id)


def test_duplicates_map_to_the_entries_of_the_first_occurrence():
    statuses = {s.number: s for s in coverage()}
    mapped = 0
    for (d_first, d_last), (o_first, o_last) in DUPLICATES:
        assert o_last < d_first, "the first occurrence comes first"
        for k in range(d_first, d_last + 1):
            s = statuses[k]
            if s.kind == "duplicate":
                twin = int(s.reason.split()[-1])
                assert o_first <= twin <= o_last
                assert s.ids == statuses[twin].ids
                mapped += 1
    assert mapped > 50
