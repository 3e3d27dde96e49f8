"""Regression tests for the readings issue 12 corrected in catalog B's chapters.

Each test runs the engines on the entry (it does not read the authored ``expected``): a strawman
refutation must not come back, a non-claim must not be confirmed, and a definite claim must carry a
statement.
"""

import pytest

import formulas
from formulas.coverage import coverage
from formulas.model import Verdict
from verify.check import check

# lines whose earlier entries refuted a reading the line does not support
NOT_STRAWMEN = ["approx.relu-is-linear-as-printed", "emb.cooccurrence-entry-one-hot-as-printed",
                "opt.strictly-convex-unique-minimum-as-printed", "cnn.one-by-one-not-a-convolution"]
# definitions, procedures and history that earlier entries 'confirmed' by testing project code
NON_CLAIMS = ["opt.gradient-descent-update", "gen.vae-decoder-output", "gen.vae-generation", "gen.gan-training-k-steps",
              "gen.gan-algorithm-box", "approx.maxout-unit-is-k-hinge", "emb.sentence-matrix"]
# definite claims that earlier entries left without a statement
DEFINITE = ["approx.maxout-partition-as-printed", "approx.absolute-value-nesting-logarithmic",
            "opt.strictly-convex-unique-minimum-as-printed", "opt.adam-bias-correction", "gen.elbo",
            "gen.gan-optimal-discriminator", "gen.gan-optimal-value-jsd", "emb.skipgram-gradient",
            "cnn.conv-output-size", "cnn.param-count-conv"]

# garbled lines whose intent is clear: they check the intended statement (docs/conventions.md, rule 2)
GARBLED_WITH_INTENT = ["opt.objectives-as-expectations-as-printed", "opt.optimality-condition-as-printed",
                       "opt.dropout-expectation-as-printed", "emb.cooccurrence-factorisation-as-printed",
                       "approx.backprop-as-printed", "approx.relu-is-linear-as-printed"]


@pytest.mark.parametrize("entry_id", NOT_STRAWMEN)
def test_no_strawman_refutation(entry_id):
    assert check(formulas.get(entry_id), timeout=None).verdict is not Verdict.REFUTED


@pytest.mark.parametrize("entry_id", NON_CLAIMS)
def test_non_claims_are_not_confirmed(entry_id):
    entry = formulas.get(entry_id)
    result = check(entry, timeout=None)
    assert result.verdict is Verdict.NOT_CHECKABLE and entry.experiment is None
    assert result.reason


@pytest.mark.parametrize("entry_id", DEFINITE)
def test_definite_claims_carry_a_statement(entry_id):
    entry = formulas.get(entry_id)
    assert entry.expr is not None and entry.experiment is None


def test_advice_on_curvature_is_not_a_verdict():
    """Lines 362-369 recommend remedies; the entries mapped to them assert nothing."""
    ids = {i for s in coverage() if 362 <= s.number <= 369 for i in s.ids}
    assert ids == {"opt.curvature-remedies-advice"}
    assert check(formulas.get("opt.curvature-remedies-advice"), timeout=None).verdict is Verdict.NOT_CHECKABLE


def test_same_claim_same_verdict_lines_427_and_85():
    """Lines 427-429 claim uniqueness of the minimiser, which holds: confirmed, never refuted by eˣ."""
    result = check(formulas.get("opt.strictly-convex-unique-minimum-as-printed"), timeout=None)
    assert result.verdict is Verdict.CONFIRMED


@pytest.mark.parametrize("entry_id", GARBLED_WITH_INTENT)
def test_garbled_lines_check_their_intended_statement(entry_id):
    entry = formulas.get(entry_id)
    assert entry.corrected_by is not None and "garbled as printed" in (entry.title + entry.notes).lower()
    assert check(entry, timeout=None).verdict in (Verdict.PROVED, Verdict.CONFIRMED)
