"""``KL(p, q)`` and ``\\mathbb{E}_{x \\sim p}[g(x)]`` over declared probability vectors; plain function words.

Cheat-sheet line 218 (the cross-entropy called KL: refuted; its nonnegativity: confirmed) uses them.
"""

import pytest

from verify.notes import check_loaded_notes, load_notes_text

PQ = {"p": "vector 3 probability", "q": "vector 3 probability", "X": "random", "Y": "random",
      "K": "scalar", "L": "scalar", "v": "vector 3"}


@pytest.mark.parametrize("tex, claim", [
    (r"KL(p, q) \geq 0", "sum(p[i - 1]*log(p[i - 1]/q[i - 1]), i, 1, 3) >= 0"),
    (r"\mathrm{KL}(p, q) \geq 0", "sum(p[i - 1]*log(p[i - 1]/q[i - 1]), i, 1, 3) >= 0"),
    (r"\mathbb{E}_{x \sim p}[-\log(q(x))] \geq 0", "sum(p[x - 1]*(-log(q[x - 1])), x, 1, 3) >= 0"),
    (r"\mathbb{E}_{\mathbf{x} \sim p}[q(\mathbf{x})] \leq 1", "sum(p[x - 1]*q[x - 1], x, 1, 3) <= 1"),
    # K and L declared: written apart they are a product, KL(...) together is the word
    (r"K L (K + L) = K^2 L + K L^2", "K*(L*(K + L)) == K**2*L + K*L**2"),
    (r"Var(X) \geq 0", "Var(X) >= 0"),
])
def test_probability_vector_notation_reads_as_sums(claim_of, tex, claim):
    assert claim_of(tex, PQ) == claim


def test_kl_of_plain_vectors_or_random_variables_is_not_a_sum(claim_of):
    assert "sum" not in claim_of(r"KL(v, v) = 0", PQ)
    assert claim_of(r"KL(X, Y) \geq 0", PQ) == "KL(X, Y) >= 0"


def test_the_cross_entropy_is_not_the_kl_divergence(md):
    text = md("$$\nKL(p, q) = -\\sum_{x \\in \\mathcal{X}} p(x) \\log(q(x)) = \\mathbb{E}_{x \\sim p}[-\\log(q(x))] "
              "\\geq 0\n$$\n\n$$\nKL(p, p) = 0\n$$\n", PQ)
    report = check_loaded_notes([load_notes_text(text, "notes.md", "markdown")], jobs=1)
    got = [r.result.verdict.value for r in report.results]
    assert got == ["refuted", "proved", "confirmed", "proved"], got
    cex = report.results[0].result.counterexample
    assert cex["exact"]
