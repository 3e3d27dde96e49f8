"""Variables with laws coupled by a declared covariance (``where: Cov(X, Y) == rho``), and the parameter search.

Before: the engine drew every variable with a law independently, so ``Var(X - Y) == 2`` for two standard
normals with ``Cov(X, Y) == rho`` was *proved* (the declared covariance ignored), and
``E(X)^2 <= E(X^2) E(Y^2)`` for two normals was *confirmed* (its counterexamples need a small ``E(Y^2)``, which
random points rarely draw).
"""

import sympy as sp

from formulas.model import Verdict
from verify.userfile import check_claim

STD = {"X": "Normal(0, 1)", "Y": "Normal(0, 1)"}
COV = ["Cov(X, Y) == rho"]


def check(claim, symbols, dists=None, **kw):
    return check_claim(claim, symbols, distributions=dists or {}, timeout=60, **kw)


def test_declared_covariance_of_two_normals_is_used():
    assert check("Var(X - Y) == 2 - 2*rho", {"rho": "scalar"}, STD, where=COV).verdict is Verdict.PROVED
    wrong = check("Var(X - Y) == 2", {"rho": "scalar"}, STD, where=COV)  # the covariance dropped
    assert wrong.verdict is Verdict.REFUTED
    rho = sp.Rational(wrong.counterexample["values"]["rho"])
    assert rho != 0 and rho**2 <= 1  # a covariance that a bivariate normal attains


def test_declared_covariance_bilinearity():
    symbols = {"rho": "scalar", "a": "scalar", "b": "scalar"}
    assert check("Cov(a*X, b*Y) == a*b*rho", symbols, STD, where=COV).verdict is Verdict.PROVED
    assert check("Cov(a*X, b*Y) == (a + b)*rho", symbols, STD, where=COV).verdict is Verdict.REFUTED


def test_declared_covariance_of_other_marginals_is_never_evidence_at_zero_only():
    dists = {"X": "Poisson(2)", "Y": "Poisson(3)"}
    assert check("Var(X + Y) == 5 + 2*rho", {"rho": "scalar"}, dists, where=COV).verdict is Verdict.PROVED
    wrong = check("Var(X + Y) == 5", {"rho": "scalar"}, dists, where=COV)
    assert wrong.verdict not in (Verdict.PROVED, Verdict.CONFIRMED)


def test_joint_moment_beyond_the_covariance_is_not_checkable_with_the_reason():
    result = check("E(X**2*Y**2) == 1 + 2*rho**2", {"rho": "scalar"}, STD, where=COV)
    assert result.verdict is Verdict.NOT_CHECKABLE
    assert any("joint law" in m.detail for m in result.methods)


def test_moment_inequality_searched_near_the_boundary():
    symbols = {"mu": "scalar", "s": "scalar positive", "m": "scalar", "t": "scalar positive"}
    dists = {"X": "Normal(mu, s)", "Y": "Normal(m, t)"}
    wrong = check("E(X)**2 <= E(X**2)*E(Y**2)", symbols, dists)
    assert wrong.verdict is Verdict.REFUTED
    values = {k: sp.Rational(v) for k, v in wrong.counterexample["values"].items()}
    mean_sq = values["mu"] ** 2
    assert mean_sq > (values["mu"] ** 2 + values["s"] ** 2) * (values["m"] ** 2 + values["t"] ** 2)
    assert check("E(X*Y)**2 <= E(X**2)*E(Y**2)", symbols, dists).verdict in (Verdict.PROVED, Verdict.CONFIRMED)


def test_search_reaches_large_parameters():
    """Random points keep a Poisson rate below 12; the search tries 100, where Var(X) <= 50 fails."""
    wrong = check("Var(X) <= 50", {"a": "scalar positive"}, {"X": "Poisson(a)"})
    assert wrong.verdict is Verdict.REFUTED
    assert sp.Rational(wrong.counterexample["values"]["a"]) > 50
    assert check("Var(X) <= 50", {"a": "scalar positive"}, {"X": "Poisson(a)"}, where=["a <= 50"]).verdict \
        is Verdict.CONFIRMED  # the search stays inside 'where'
