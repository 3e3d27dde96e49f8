"""Mutation testing: the verifier catches the mistakes authors make (issue 7's bar in CI)."""


import formulas
from formulas._authoring import Eq
from formulas.model import Entry, Verdict
from formulas.nodes import D
from verify.mutate import mutants_of, plan, rates, run_mutants
from verify.mutate.command import BAR

SAMPLE = 40


def _quadratic_form():
    entry = Entry(id="deriv.test-quadratic", title="grad x'Ax", expected=Verdict.PROVED,
                  symbols={"x": "vector n", "A": "matrix n n symmetric"},
                  statement=lambda x, A: Eq(D(x.T * A * x, x), 2 * A * x))
    object.__setattr__(entry, "name", "test_quadratic")
    return entry


def test_operators_produce_the_typical_mistakes():
    mutants, errors = mutants_of(_quadratic_form())
    assert not errors
    operators = {m.operator for m in mutants}
    assert {"add-transpose", "flip-sign", "factor-two", "drop-assumption"} <= operators


def test_a_fixed_sample_of_catalog_mutants_meets_the_bar():
    jobs, errors = plan(formulas.entries(), sample=SAMPLE, seed=7)
    assert not errors, errors
    assert jobs
    results = run_mutants(jobs, timeout=30, processes=2)
    summary = rates(results)["overall"]
    survivors = [(r.entry, r.description, r.reason) for r in results if r.status in ("survived", "error")]
    assert summary["kill_rate"] >= BAR, survivors
    for r in results:
        if r.status == "equivalent":
            assert r.reason, r
