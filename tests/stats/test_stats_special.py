"""The exponential integrals E1 and Ei: the torch kernels against mpmath, and claims that need them."""

import mpmath
import pytest
import torch

from formulas.model import Verdict
from verify.evaluate_special import e1, ei
from verify.userfile import ClaimError, check_claim

POINTS = [1e-6, 0.01, 0.3, 0.999, 1.0, 1.001, 2.5, 10.0, 40.0, 200.0]


def test_e1_and_ei_match_mpmath():
    x = torch.tensor(POINTS, dtype=torch.float64)
    for got, want in ((e1(torch, x), mpmath.e1), (ei(torch, x), mpmath.ei), (ei(torch, -x), lambda t: mpmath.ei(-t))):
        for value, t in zip(got.tolist(), POINTS, strict=True):
            exact = float(want(t))
            assert abs(value - exact) <= 1e-13 * abs(exact), (t, value, exact)


def test_e1_gradient_is_minus_exp_over_x():
    x = torch.tensor([0.5, 3.0], dtype=torch.float64, requires_grad=True)
    e1(torch, x).sum().backward()
    assert torch.allclose(x.grad, -torch.exp(-x.detach()) / x.detach(), rtol=1e-12)


def test_e1_is_nan_off_its_domain():
    assert torch.isnan(e1(torch, torch.tensor([0.0, -1.0], dtype=torch.float64))).all()


def check(claim, symbols, dists=None):
    return check_claim(claim, symbols, distributions=dists or {}, timeout=60)


@pytest.mark.parametrize(("claim", "verdict"), [
    ("E1(x) == -Ei(-x)", Verdict.CONFIRMED),
    ("E1(x) == Ei(-x)", Verdict.REFUTED),
    ("E1(x) < exp(-x)*log(1 + 1/x)", Verdict.CONFIRMED),
    ("E1(x) > exp(-x)*log(1 + 1/x)", Verdict.REFUTED),
])
def test_exponential_integral_claims(claim, verdict):
    assert check(claim, {"x": "scalar positive"}).verdict is verdict


def test_expectation_with_an_exponential_integral_closed_form():
    dists, symbols = {"X": "Exponential(lam)"}, {"lam": "scalar positive"}
    assert check("E(1/(1 + X)) == lam*exp(lam)*E1(lam)", symbols, dists).verdict is Verdict.CONFIRMED
    assert check("E(1/(1 + X)) == exp(lam)*E1(lam)", symbols, dists).verdict is Verdict.REFUTED


def test_euler_gamma_constant():
    dists, symbols = {"X": "Exponential(lam)"}, {"lam": "scalar positive"}
    assert check("E(log(X)) == -EulerGamma - log(lam)", symbols, dists).verdict is Verdict.PROVED
    assert check("E(log(X)) == EulerGamma - log(lam)", symbols, dists).verdict is Verdict.REFUTED


def test_bare_e1_says_what_to_write():
    with pytest.raises(ClaimError, match="write exp"):
        check_claim("exp(x + 1) == exp(x)*E1", {"x": "scalar"})
