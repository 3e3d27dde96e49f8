"""True claims and realistic mistakes, written as notes, decided by the checker (the engines run here).

One notes text holds a pair per notation family: the identity as it should read and
the slip students make (``expect=refuted``).  Every claim must meet its expectation,
and ``\\neq`` is decided by its negation (a witness proves it; a proof of equality
refutes it).
"""

import pytest

from formulas.model import Verdict
from verify.notes import check_loaded_notes, load_notes_text, negate
from verify.result import Method, Result

NOTES = r"""---
sheetproof:
  symbols:
    '\mathbf{x}': vector n
    '\mathbf{a}': vector n
    '\mathbf{A}': matrix n n
    '\mathbf{B}': matrix n n
    '\mathbf{S}': matrix n n spd
    '\mathbf{q}': vector 3
    z: scalar
    s: scalar positive
    X: random
    Y: random
    c: scalar
---
Gradients, transposes and Jacobians:
$$ \nabla_{\mathbf{x}} \mathbf{a}^\top \mathbf{x} = \mathbf{a} $$
$$ \frac{\partial}{\partial \mathbf{x}} \left[ \mathbf{x}^T \mathbf{A} \mathbf{x} \right] = 2\mathbf{A}\mathbf{x} $$
<!-- sheetproof: id=grad, expect=refuted -->
$$ \frac{\partial (\mathbf{A}\mathbf{x})}{\partial \mathbf{x}} = \mathbf{A}^{\mathsf T} $$
$$ (\mathbf{A}\mathbf{B})^\top = \mathbf{A}^\top \mathbf{B}^\top $$
<!-- sheetproof: expect=refuted -->
Traces, determinants, inverses:
$$ \operatorname{tr}(\mathbf{A}\mathbf{B}) = \mathrm{Tr}(\mathbf{B}\mathbf{A}) $$
$$ \det(2\mathbf{A}) = 2 \det \mathbf{A} $$
<!-- sheetproof: expect=refuted -->
$$ \nabla_{\mathbf{S}} \log |\mathbf{S}| = \mathbf{S}^{-1} $$
$$ \nabla_{\mathbf{S}} \log \det \mathbf{S} = \mathbf{S} $$
<!-- sheetproof: expect=refuted -->
Functions:
$$ \sigma(-z) = 1 - \sigma(z) \quad \log(s^2) = 2\log s $$
$$ \sqrt{s^2 + 1} = s + 1 $$
<!-- sheetproof: expect=refuted -->
Sums, products, entries, norms:
$$ \sum_{i=1}^{3} q_i^2 = \mathbf{q}^\top \mathbf{q} \quad \|\mathbf{x}\|^2 = \mathbf{x}^\top\mathbf{x} $$
$$ \|\mathbf{x} + \mathbf{a}\|^2 = \|\mathbf{x}\|^2 + \|\mathbf{a}\|^2 $$
<!-- sheetproof: expect=refuted -->
$$ \mathbf{a} \odot \mathbf{x} = \operatorname{diag}(\mathbf{a}) \mathbf{x} $$
Expectation and variance:
$$ \mathbb{E}[cX + 1] = c\,\mathbb{E}[X] + 1 \quad \mathrm{Var}[X + c] = \mathrm{Var}[X] $$
$$ \mathrm{Var}[X + Y] = \mathrm{Var}[X] + \mathrm{Var}[Y] $$
<!-- sheetproof: expect=refuted -->
$$ \mathrm{Var}[X + Y] = \mathrm{Var}[X] + \mathrm{Var}[Y] $$
<!-- sheetproof: given="independent X Y" -->
Inequalities, the Loewner order, and \neq:
$$ \mathbf{x}^\top \mathbf{S} \mathbf{x} \geq 0 \quad \mathbf{S} \succeq 0 $$
$$ \mathbf{A} \mathbf{A}^\top \succeq \mathbf{A} $$
<!-- sheetproof: expect=refuted -->
$$ \mathbf{A}\mathbf{B} \neq \mathbf{B}\mathbf{A} $$
$$ \operatorname{tr}(\mathbf{A}^\top) \neq \operatorname{tr}(\mathbf{A}) $$
<!-- sheetproof: expect=refuted -->
"""

EXPECTED = [  # (claim as understood, verdict)
    ("D(a.T*x, x) == a", "proved"), ("D(x.T*A*x, x) == 2*A*x", "refuted"), ("D(A*x, x) == A.T", "proved"),
    ("(A*B).T == A.T*B.T", "refuted"), ("tr(A*B) == tr(B*A)", "proved"), ("det(2*A) == 2*det(A)", "refuted"),
    ("D(log(det(S)), S) == S.I", "proved"), ("D(log(det(S)), S) == S", "refuted"),
    ("sigmoid(-z) == 1 - sigmoid(z)", "proved"), ("log(s**2) == 2*log(s)", "proved"),
    ("sqrt(s**2 + 1) == s + 1", "refuted"), ("sum(q[i - 1]**2, i, 1, 3) == q.T*q", None),
    ("x.T*x == x.T*x", "proved"), ("(x + a).T*(x + a) == x.T*x + a.T*a", "refuted"),
    ("hadamard(a, x) == diag(a)*x", None), ("E(c*X + 1) == c*E(X) + 1", "proved"),
    ("Var(X + c) == Var(X)", "proved"), ("Var(X + Y) == Var(X) + Var(Y)", "refuted"),
    ("Var(X + Y) == Var(X) + Var(Y)", None), ("x.T*S*x >= 0", None), ("z_psd.T*S*z_psd >= 0", None),
    ("z_psd.T*(A*A.T - A)*z_psd >= 0", "refuted"), ("A*B != B*A", "proved"), ("tr(A.T) != tr(A)", "refuted"),
]


@pytest.fixture(scope="module")
def report():
    return check_loaded_notes([load_notes_text(NOTES, "pairs.md", "markdown")], timeout=60, jobs=1)


def test_every_claim_is_read(report):
    assert report.unreadable == [] and report.errors == []
    assert [r.claim.claim for r in report.results] == [claim for claim, _ in EXPECTED]


def test_true_claims_hold_and_mistakes_are_refuted(report):
    failed = [(r.claim.id, r.claim.claim, r.result.verdict.value, r.result.reason) for r in report.results
              if not r.passed]
    assert failed == []
    assert report.exit_status == 0
    for r, (_, verdict) in zip(report.results, EXPECTED, strict=True):
        if verdict is not None:
            assert r.result.verdict.value == verdict, (r.claim.claim, r.result.verdict, r.result.reason)


def test_a_refuted_mistake_carries_an_exact_counterexample(report):
    (r,) = [r for r in report.results if r.claim.id == "grad"]
    assert r.result.counterexample["exact"] is True


def test_neq_is_proved_by_a_witness(report):
    (r,) = [r for r in report.results if r.claim.claim == "A*B != B*A"]
    assert r.witness is not None and r.witness["exact"] is True
    assert r.equality.verdict is Verdict.REFUTED and r.result.scope == "witness"


def _eq(verdict, **kw):
    return Result("e", verdict, [Method("m", "holds", "d")], **kw)


@pytest.mark.parametrize("equality, verdict", [
    (_eq(Verdict.REFUTED, counterexample={"exact": True, "values": {}}), Verdict.PROVED),
    (_eq(Verdict.REFUTED, counterexample={"shapes": "2x1 vs 2x2", "exact": True}), Verdict.PROVED),
    (_eq(Verdict.REFUTED, counterexample={"evidence": ["torch"], "exact": False}), Verdict.CONFIRMED),
    (_eq(Verdict.PROVED, scope="general"), Verdict.REFUTED),
    (_eq(Verdict.CONFIRMED), Verdict.NOT_CHECKABLE),
    (_eq(Verdict.NOT_CHECKABLE, reason="no engine"), Verdict.NOT_CHECKABLE),
    (_eq(Verdict.ERROR, reason="time limit"), Verdict.ERROR),
])
def test_negation_table(equality, verdict):
    result, witness = negate("c", equality)
    assert result.verdict is verdict
    assert (witness is not None) == (verdict is Verdict.PROVED or verdict is Verdict.CONFIRMED)
    if verdict is Verdict.REFUTED:
        assert "equal" in result.reason
