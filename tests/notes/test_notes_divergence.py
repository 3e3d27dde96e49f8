"""``D_{KL}(p \\| q)`` and its spellings are the KL divergence (verify/notes/divergence.py); before, ``\\|`` opened a
norm and the equation was unreadable."""

import pytest

PQ = {"p": "vector 3 probability", "q": "vector 3 probability", "x": "vector 3"}
KL_PQ = "sum(p[i - 1]*log(p[i - 1]/q[i - 1]), i, 1, 3)"
KL_QP = "sum(q[i - 1]*log(q[i - 1]/p[i - 1]), i, 1, 3)"


@pytest.mark.parametrize("tex", [
    r"D_{KL}(p \| q) \geq 0", r"D_{\mathrm{KL}}(p \parallel q) \geq 0", r"\mathrm{KL}(p \| q) \geq 0",
    r"KL(p || q) \geq 0", r"\mathcal{D}_{KL}\left(p \| q\right) \geq 0", r"\operatorname{KL}(p \Vert q) \geq 0",
    r"KL(p, q) \geq 0"])
def test_spellings(claim_of, tex):
    assert claim_of(tex, PQ) == f"{KL_PQ} >= 0"


def test_the_order_of_the_arguments_is_kept(claim_of):
    assert claim_of(r"D_{KL}(p \| q) = D_{KL}(q \| p)", PQ) == f"{KL_PQ} == {KL_QP}"


def test_norms_are_left_alone(claim_of):
    assert claim_of(r"\|\mathbf{x}\| \geq 0", PQ) == "sqrt(x.T*x) >= 0"


def test_entropy_of_a_probability_vector_and_of_a_random_variable(claim_of):
    assert claim_of(r"H(p) \geq 0", PQ) == "-sum(p[i - 1]*log(p[i - 1]), i, 1, 3) >= 0"
    assert claim_of(r"H(B) \geq 0", {"r": "scalar unit"}, distributions={"B": "Bernoulli(r)"}) == "entropy(B) >= 0"
    assert "joint entropy" in claim_of(r"H(p, q) \geq 0", PQ)


HIER = {"a": "scalar positive", "b": "scalar positive"}
LAWS = {"L": "Gamma(a, b)", "N": "Poisson(L)"}


@pytest.mark.parametrize(("tex", "claim"), [
    (r"\mathbb{E}[N \mid L] = L", "E(N | L) == L"),
    (r"\mathbb{E}[\mathbb{E}[N \mid L]] = \mathbb{E}[N]", "E(E(N | L)) == E(N)"),
    (r"\mathrm{Var}(N) = \mathbb{E}[\mathrm{Var}(N \mid L)] + \mathrm{Var}(\mathbb{E}[N | L])",
     "Var(N) == E(Var(N | L)) + Var(E(N | L))"),
])
def test_conditional_moments(claim_of, tex, claim):
    assert claim_of(tex, HIER, distributions=LAWS) == claim


def test_a_bar_outside_a_moment_is_refused(claim_of):
    out = claim_of(r"E(A \mid A) = A", {"E": "matrix n n", "A": "matrix n n"})
    assert "conditional bar" in out and out.startswith("ERROR")
