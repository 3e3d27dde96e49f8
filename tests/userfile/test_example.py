"""The issue's example file, verbatim, gets the right verdicts (the slow test of this folder)."""

import pytest

from formulas.model import Verdict
from verify.userfile import check_files

P, C = Verdict.PROVED, Verdict.CONFIRMED
EXPECTED = {
    "quad-form-grad": {P},
    "logdet-grad": {P},
    "trace-cycle": {P},
    "var-of-sum": {P},
    "poisson-mgf": {P},
    "cauchy-schwarz": {P, C},
}


@pytest.fixture(scope="module")
def report(request):
    return check_files(request.path.parent / "data" / "issue-example.yaml")


def test_example_file_loads_without_errors(report):
    assert report.errors == []
    assert [r.identity.id for r in report.results] == list(EXPECTED)
    assert report.exit_status == 0


@pytest.mark.parametrize("ident", list(EXPECTED))
def test_example_verdict(report, ident):
    (r,) = [r for r in report.results if r.identity.id == ident]
    assert r.result.verdict in EXPECTED[ident], (r.result.verdict, r.result.reason, r.result.methods)
    assert r.passed


def test_example_symbolic_proofs_are_general(report):
    """SymPy proves these three at symbolic size; the stats ones by its own rules."""
    scopes = {r.identity.id: r.result.scope for r in report.results}
    assert scopes["quad-form-grad"] == scopes["var-of-sum"] == scopes["poisson-mgf"] == "general"
