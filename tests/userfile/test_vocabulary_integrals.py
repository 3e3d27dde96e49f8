"""``integrate(f, t, a, b)`` in the claim grammar: a bound variable, ``oo`` bounds, hostile inputs refused."""

import pytest
import sympy as sp

from formulas.model import Verdict
from verify.userfile import UserFileError, check_loaded, load_text
from verify.userfile.identity import Identity
from verify.userfile.printer import expression_text


def _entry(claim, symbols=None, distributions=None):
    return Identity(id="i", claim=claim, symbols=symbols or {}, distributions=distributions or {}).to_entry()


def test_integral_builds_unevaluated_with_a_bound_variable():
    entry = _entry("integrate(lam*t*exp(-lam*t), t, 0, oo) == 1/lam", {"lam": "scalar positive"})
    (node,) = entry.expr.lhs.atoms(sp.Integral)
    (var, lo, hi) = node.limits[0]
    assert var.name == "t" and isinstance(var, sp.Dummy)
    assert (lo, hi) == (0, sp.oo)
    assert {s.name for s in entry.expr.free_symbols} == {"lam"}  # t does not leak out


def test_bounds_are_expressions_or_infinities():
    entry = _entry("integrate(exp(-t**2), t, -oo, a + b) == a", {"a": "scalar", "b": "scalar"})
    (node,) = entry.expr.lhs.atoms(sp.Integral)
    assert node.limits[0][1] == -sp.oo and node.limits[0][2] == entry.objects["a"] + entry.objects["b"]


def test_the_variable_may_shadow_a_declared_scalar():
    entry = _entry("integrate(t, t, 0, t) == t**2/2", {"t": "scalar"})
    (node,) = entry.expr.lhs.atoms(sp.Integral)
    declared = entry.objects["t"]
    assert node.limits[0][0] != declared and node.limits[0][2] == declared  # the bound means the declared t
    assert node.function == node.limits[0][0]


def test_printed_back_in_the_claim_grammar():
    entry = _entry("integrate(t**2, t, 0, oo) == a", {"a": "scalar"})
    assert expression_text(entry.expr.lhs) == "integrate(t**2, t, 0, oo)"


@pytest.mark.parametrize(("claim", "symbols", "message"), [
    ("integrate(t, t, 0) == 1", {}, "takes 4 arguments, got 3"),
    ("integrate(t, t, 0, 1, 2) == 1", {}, "takes 4 arguments, got 5"),
    ("integrate(t) == 1", {}, "takes 4 arguments, got 1"),
    ("integrate(t, 2*t, 0, 1) == 1", {}, "must be a name"),
    ("integrate(x[0], x[0], 0, 1) == 1", {"x": "vector 2"}, "must be a name"),
    ("integrate(x, x, 0, 1) == 1", {"x": "vector 2"}, "clashes with the declared vector 'x'"),
    ("integrate(A, A, 0, 1) == 1", {"A": "matrix 2 2"}, "clashes with the declared matrix 'A'"),
    ("integrate(t, n, 0, 1) == 1", {"x": "vector n"}, "size letter"),
    ("integrate(t, exp, 0, 1) == 1", {}, "function or constant name"),
    ("integrate(t, oo, 0, 1) == 1", {}, "function or constant name"),
    ("integrate(integrate(s*t, s, 0, 1), t, 0, 1) == 1/4", {}, "may not be nested"),
    ("sum(integrate(t, i, 0, 1), i, 0, 2) == 1", {}, "already a sum or product index"),
    ("integrate(x, t, 0, 1) == 1", {"x": "vector 2"}, "integrand of integrate()"),
    ("integrate(t, t, x, 1) == 1", {"x": "vector 2"}, "a bound of integrate()"),
    ("integrate(X*t, t, 0, 1) == 1", {"X": "random"}, "random variable"),
    ("oo == 1", {}, "unknown name 'oo'"),
    ("integrate(t**100000, t, 0, 1) == 0", {}, "exponent"),
    ("integrate(" + " + ".join(["t"] * 1200) + ", t, 0, 1) == 1", {}, "exceeds the limit"),
])
def test_hostile_integrals_are_refused_with_a_reason(claim, symbols, message):
    with pytest.raises(UserFileError) as info:
        _entry(claim, symbols)
    assert message in str(info.value)


def test_yaml_file_end_to_end():
    text = ("identities:\n"
            "  - {id: third, claim: 'integrate(t**2, t, 0, 1) == 1/3'}\n"
            "  - {id: half, claim: 'integrate(t**2, t, 0, 1) == 1/2', expect: refuted}\n"
            "  - {id: mean, symbols: {lam: scalar positive}, distributions: {X: Exponential(lam)},\n"
            "     claim: 'E(X) == integrate(t*lam*exp(-lam*t), t, 0, oo)'}\n"
            "  - {id: bad, claim: 'integrate(t, 2*t, 0, 1) == 1'}\n")
    report = check_loaded([load_text(text, "integrals.yaml")], timeout=60)
    verdicts = {r.identity.id: r.result.verdict for r in report.results}
    assert verdicts == {"third": Verdict.PROVED, "half": Verdict.REFUTED, "mean": Verdict.PROVED}
    assert any("must be a name" in str(e) for e in report.errors)  # one bad entry never stops the rest
