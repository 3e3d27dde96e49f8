"""Definite integrals in the engines: proofs only from cross-checked closed forms, refutations re-checked at an
exact point, and a divergent integral never a counterexample (undefined at the point)."""

import random

import mpmath
import pytest
import sympy as sp

from formulas.model import Verdict
from verify.integrals import IntegralUndefined, NoClosedForm, _cross_check, closed_form, quadrature
from verify.userfile import check_claim

T = sp.Symbol("t", real=True)


def _methods(result):
    return {m.engine: m for m in result.methods}


def test_true_integral_identity_is_proved():
    result = check_claim("integrate(lam*t*exp(-lam*t), t, 0, oo) == 1/lam", {"lam": "scalar positive"})
    assert result.verdict is Verdict.PROVED
    assert "cross-checked by quadrature" in _methods(result)["symbolic-general"].detail


def test_integral_with_symbolic_bound_is_proved():
    result = check_claim("integrate(x*t, t, 0, b) == x*b**2/2", {"x": "scalar", "b": "scalar"})
    assert result.verdict is Verdict.PROVED


def test_the_variable_shadows_a_declared_scalar():
    result = check_claim("integrate(t, t, 0, 1) + t == 1/2 + t", {"t": "scalar"})
    assert result.verdict is Verdict.PROVED


def test_false_integral_identity_is_refuted_at_an_exact_point():
    result = check_claim("integrate(t**a, t, 0, 1) == 1/(a + 2)", {"a": "scalar positive"})
    assert result.verdict is Verdict.REFUTED
    cex = result.counterexample
    assert cex["exact"] is True
    a = sp.Rational(cex["values"]["a"])  # the point is exact: re-check it independently at 60 digits
    with mpmath.workdps(60):
        value = mpmath.quad(lambda t: t ** mpmath.mpf(sp.N(a, 70)), [0, 1])
        assert abs(value - mpmath.mpf(sp.N(1 / (a + 1), 70))) < mpmath.mpf(10) ** -40
        assert abs(value - mpmath.mpf(sp.N(1 / (a + 2), 70))) > mpmath.mpf(10) ** -3


def test_false_number_is_refuted():
    result = check_claim("integrate(t**2, t, 0, 1) == 1/2", {})
    assert result.verdict is Verdict.REFUTED and result.counterexample["exact"] is True


@pytest.mark.parametrize(("claim", "symbols"), [
    ("integrate(1/t, t, 0, 1) == 5", {}),
    ("integrate(1/t, t, -1, 1) == 1", {}),  # the symmetric nodes cancel for f: |f| tells it diverges
    ("integrate(1/t, t, -1, 1) == 0", {}),
    ("integrate(sin(t), t, 0, oo) == 0", {}),
    ("integrate(t, t, -oo, oo) == 0", {}),
    ("integrate(1/t, t, 0, a) == 1", {"a": "scalar positive"}),
    ("integrate(exp(a*t), t, 0, oo) == 7", {"a": "scalar positive"}),
])
def test_divergent_integral_is_never_refuted_nor_proved(claim, symbols):
    result = check_claim(claim, symbols)
    assert result.verdict not in (Verdict.REFUTED, Verdict.PROVED, Verdict.CONFIRMED), result


def test_piecewise_closed_form_is_not_proved():
    """For a real a, SymPy's value of ∫_0^1 t^a dt is piecewise in a (divergent for a <= -1): no proof."""
    result = check_claim("integrate(t**a, t, 0, 1) == 1/(a + 1)", {"a": "scalar"})
    assert result.verdict is not Verdict.PROVED
    assert "piecewise" in _methods(result)["symbolic-general"].detail.lower() or \
        "not finite" in _methods(result)["symbolic-general"].detail
    assert result.verdict is not Verdict.REFUTED


def test_closed_form_with_piecewise_is_refused():
    a = sp.Symbol("a", real=True)
    with pytest.raises(NoClosedForm, match="piecewise|not finite|unevaluated"):
        closed_form(sp.Integral(sp.exp(-a * T), (T, 0, sp.oo)), random.Random(0))


def test_a_wrong_closed_form_is_caught_by_the_cross_check():
    a = sp.Symbol("a", positive=True)
    node = sp.Integral(sp.exp(-a * T), (T, 0, sp.oo))
    assert _cross_check(node, 1 / a, random.Random(0)) > 0
    with pytest.raises(NoClosedForm, match="differs from quadrature"):
        _cross_check(node, 1 / a + 1 / (a + 1) ** 40, random.Random(0))


@pytest.mark.parametrize(("body", "lo", "hi"), [
    (1 / T, 0, 1), (1 / T, 1, sp.oo), (1 / T, -1, 1), (1 / T**2, -1, 1), (sp.sin(T), 0, sp.oo), (1, 0, sp.oo),
    (T, -sp.oo, sp.oo), (sp.sin(T) / T, 0, sp.oo), (1 / (T - sp.Rational(1, 3)), 0, 1), (sp.tan(T), 0, 2),
    (1 / (T * sp.log(T)), 2, sp.oo),
])
def test_quadrature_of_a_divergent_integral_is_undefined(body, lo, hi):
    with pytest.raises(IntegralUndefined):
        quadrature(body, T, lo, hi)


@pytest.mark.parametrize(("body", "lo", "hi", "value"), [
    (T**2, 0, 1, sp.Rational(1, 3)), (sp.exp(-T**2), -sp.oo, sp.oo, sp.sqrt(sp.pi)),
    (1 / (1 + T**2), -sp.oo, sp.oo, sp.pi), (sp.log(T), 0, 1, -1), (T, 1, 0, -sp.Rational(1, 2)),
    # kinks and jumps: the interval is split where they are
    (sp.Abs(T - sp.Rational(1, 3)), 0, 1, sp.Rational(5, 18)), (sp.Max(0, T - sp.Rational(1, 3)), 0, 1,
                                                                 sp.Rational(2, 9)),
    (sp.Piecewise((1, T < sp.Rational(1, 3)), (0, True)), 0, 1, sp.Rational(1, 3)),
    (sp.floor(3 * T), 0, 1, 1), (sp.Max(0, T), 1, -1, -sp.Rational(1, 2)),
    (sp.Abs(T**2 - 2), 0, 3, 3 + 8 * sp.sqrt(2) / 3),
])
def test_quadrature_agrees_with_exact_values_to_40_digits(body, lo, hi, value):
    got = quadrature(body, T, lo, hi)
    assert abs(got - sp.N(value, 60)) < sp.Float(10) ** -40


def test_random_variable_claim_with_an_integral():
    law = {"X": "Exponential(lam)"}
    good = check_claim("E(X) == integrate(t*lam*exp(-lam*t), t, 0, oo)", {"lam": "scalar positive"},
                       distributions=law)
    assert good.verdict is Verdict.PROVED
    bad = check_claim("E(X) == integrate(t**2*lam*exp(-lam*t), t, 0, oo)", {"lam": "scalar positive"},
                      distributions=law)
    assert bad.verdict is Verdict.REFUTED
    divergent = check_claim("E(X) == integrate(1/t, t, 0, lam)", {"lam": "scalar positive"}, distributions=law)
    assert divergent.verdict not in (Verdict.REFUTED, Verdict.PROVED)


def test_quadrature_values_are_never_a_proof():
    """Without a closed form, equal quadratures at the claim's only size are evidence: the generic-symbols proof
    of claims without size letters does not apply to integrals (it was taken before, from two equal Floats)."""
    result = check_claim("integrate(exp(-t**4)*cos(t), t, 0, 1) == integrate(exp(-s**4)*cos(s), s, 0, 1)", {})
    assert result.verdict is Verdict.CONFIRMED


@pytest.mark.parametrize(("lo", "hi"), [(0, 1000), (0, 10**6), (-sp.oo, sp.oo), (0, sp.oo)])
def test_a_narrow_peak_far_from_the_ends_is_found(lo, hi):
    """Tanh-sinh alone stepped over exp(-(t - c)^2) at both precisions and agreed on ~0 (a false value that
    would refute a true claim); the scan for the largest |f| splits the interval at the peak."""
    body = sp.exp(-(T - sp.Rational(hi if hi != sp.oo else 1000, 3)) ** 2)
    assert abs(quadrature(body, T, lo, hi) - sp.N(sp.sqrt(sp.pi), 50)) < sp.Float(10) ** -30


def test_sympy_closed_form_wrong_across_a_peak_is_not_used():
    """SymPy's value of ∫_0^1000 exp(-(t - 1000/3)^4) dt is a difference of lower gamma functions near 0 (the true
    value is near 2 Γ(5/4)): the cross-check by quadrature refuses it, and no claim is proved or refuted on it."""
    body = sp.exp(-(T - sp.Rational(1000, 3)) ** 4)
    with pytest.raises(NoClosedForm):
        closed_form(sp.Integral(body, (T, 0, 1000)), random.Random(0))
    result = check_claim("integrate(exp(-(t - 1000/3)**4), t, 0, 1000) == 0", {})
    assert result.verdict not in (Verdict.PROVED, Verdict.CONFIRMED)
