"""A refutation experiment whose machinery fails is an error, never a confirmation.

Each case breaks the one helper a refutation rests on (a region count, a midpoint defect) and checks
that the entry's verdict becomes ``error``; unbroken, the same entry is refuted.
"""

import pytest

import formulas
from formulas.approximation import experiments as approx_experiments
from formulas.model import Verdict
from verify.check import check

BREAKS = [
    # (entry id, module, helper, broken replacement)
    ("approx.region-count-deep-relu-as-printed", approx_experiments, "_tent_regions", lambda L: 3),
    ("approx.region-count-deep-relu-as-printed", approx_experiments, "_tent_pieces", lambda L: 2**L - 1),
    ("approx.k-hinge-representation-as-printed", approx_experiments, "_midpoint_defect", lambda f, x: 0),
]


@pytest.mark.parametrize(("entry_id", "module", "helper", "broken"), BREAKS, ids=[f"{b[0]}:{b[2]}" for b in BREAKS])
def test_broken_machinery_is_an_error(entry_id, module, helper, broken, monkeypatch):
    entry = formulas.get(entry_id)
    monkeypatch.setattr(module, helper, broken)
    result = check(entry, timeout=None)
    assert result.verdict is Verdict.ERROR, (result.verdict, result.reason)
    assert "could not establish" in result.reason


@pytest.mark.parametrize("entry_id", sorted({b[0] for b in BREAKS}))
def test_unbroken_machinery_refutes(entry_id):
    result = check(formulas.get(entry_id), timeout=None)
    assert result.verdict is Verdict.REFUTED
    assert result.counterexample and result.counterexample.get("exact") is True
