"""Counterexamples typeset: values and both sides as math, exact rationals as fractions, round-off never."""

from __future__ import annotations

import pytest
from sympy import Eq

import formulas
from formulas.model import Entry, Verdict
from verify.site.counterexample import counterexample_block, formula, is_roundoff, value_latex
from verify.site.sides import evaluate_sides


def _text(entry_id: str, cx: dict, **kw) -> str:
    return "\n".join(counterexample_block(formulas.get(entry_id), {"counterexample": cx}, **kw))


@pytest.mark.parametrize("value, tex", [
    ("7901/2025", r"\frac{7901}{2025}"),
    ("-74/45", r"-\frac{74}{45}"),
    ("3", "3"),
    (7, "7"),
    ("1.71996", "1.71996"),
    (1.7763568394002505e-15, r"1.77636 \times 10^{-15}"),
    ([["0", "1"], ["1/2", "0"]], r"\begin{pmatrix}0 & 1 \\ \frac{1}{2} & 0\end{pmatrix}"),
    (["1/2", "1/3"], r"\left(\frac{1}{2}, \frac{1}{3}\right)"),
    ("sqrt(2)*exp(-1/8)/(2*sqrt(pi))", r"\frac{\sqrt{2}}{2 \sqrt{\pi} e^{\frac{1}{8}}}"),
    ("EmptySet", None),
    ("-x**2 (concave)", None),
])
def test_values_are_typeset(value, tex):
    assert value_latex(value) == tex


def test_formulas_are_read_without_evaluating_anything():
    assert formula("__import__('os').system('true')") is None
    assert formula("x.__class__") is None
    assert str(formula("-x**2")) == "-x**2"


@pytest.mark.parametrize("value, roundoff", [
    (1.7763568394002505e-15, True), ("1.8e-15", True), ("-0.418591", False), ("0", False), (0.0, False),
    ("7901/2025", False), (3, False), ("1e-3", False),
])
def test_roundoff_is_recognised(value, roundoff):
    assert is_roundoff(value) is roundoff


def test_exact_matrix_counterexample_shows_values_and_both_sides():
    cx = {"exact": True, "lhs": [["0", "0"], ["1", "0"]], "rhs": [["0", "1"], ["0", "0"]], "sizes": {"n": 2},
          "values": {"A": [["0", "0"], ["1", "0"]], "x": [["0"], ["0"]]}}
    text = _text("deriv.jacobian-transpose-linear-map-eq-a-transpose", cx)
    assert 'Counterexample (exact)' in text
    assert r"\begin{pmatrix}0 &amp; 0 \\ 1 &amp; 0\end{pmatrix}" in text  # a value, in an HTML span
    assert r"\[\text{left} = \begin{pmatrix}0 & 0 \\ 1 & 0\end{pmatrix} \;\neq\; " in text  # both sides
    assert "n = 2" in text
    assert "residual" not in text


def _claim(symbols: dict, statement) -> Entry:
    return Entry(id="test.cx", title="a claim", expected=Verdict.REFUTED, symbols=symbols, statement=statement)


def test_float_counterexample_gets_both_sides_evaluated_and_the_residual_last(tmp_path, monkeypatch):
    monkeypatch.setenv("SHEETPROOF_CACHE", str(tmp_path))
    entry = _claim({"a": "scalar", "b": "scalar"}, lambda a, b: Eq(a**2, a + b, evaluate=False))
    cx = {"exact": False, "residual": "0.75", "values": {"a": "1.5", "b": "0"}}
    text = "\n".join(counterexample_block(entry, {"counterexample": cx}, evaluate_sides=evaluate_sides))
    assert "Counterexample (float64)" in text
    assert r"\text{left} = 2.25 \;\neq\; 1.5 = \text{right}" in text
    assert text.index("left}") < text.index("residual, left − right")


def test_sides_of_a_claim_about_a_random_variable_use_its_parameters(tmp_path, monkeypatch):
    monkeypatch.setenv("SHEETPROOF_CACHE", str(tmp_path))
    from sympy import stats

    entry = _claim({"lam": "scalar positive", "X": "random Poisson(lam)"},
                   lambda lam, X: Eq(stats.E(X, evaluate=False), lam**2, evaluate=False))
    assert evaluate_sides(entry, {"exact": True, "values": {"lam": "2"}}) == ("2", "4")
    text = "\n".join(counterexample_block(entry, {"counterexample": {"exact": True, "values": {"lam": "2"}}},
                                          evaluate_sides=evaluate_sides))
    assert r"\(\lambda\)" in text and r"\text{left} = 2 \;\neq\; 4 = \text{right}" in text


def test_roundoff_is_never_shown_under_counterexample():
    cx = {"exact": False, "torch conv2d(x, W[:, :, None, None]) - W x_ij (max over 3 cases)": 1.7763568394002505e-15}
    text = _text("cnn.one-by-one-not-a-convolution", cx)
    assert "Counterexample" not in text
    assert "Evidence (float64)" in text and "round-off" in text


def test_inequality_counterexample_negates_the_relation():
    cx = {"exact": True, "lhs": "4", "rhs": "160/49"}
    entry = formulas.get("anal.cauchy-schwarz-sums")  # an inequality statement (Le)
    text = "\n".join(counterexample_block(entry, {"counterexample": cx}))
    assert r"4 \;>\; \frac{160}{49}" in text


def test_no_counterexample_no_block():
    assert counterexample_block(formulas.get("linalg.trace-cyclic"), {"counterexample": None}) == []
