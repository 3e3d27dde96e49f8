"""Entropy, cross-entropy and the KL divergence of discrete distributions (cheat sheet lines 212-218)."""

from __future__ import annotations

import sympy as sp

from .._authoring import CONFIRMED, NOT_CHECKABLE, REFUTED, Entry, Eq, Ge, log, seed
from .shared import COVER_THOMAS, OUTCOMES, PROBABILITY_VECTOR, cross_entropy, entropy, kl, sum_over

_LINE_218 = r"**D.** (Cross-Entropy) For distributions  $p$  and  $q$  over a given set is  $KL(p, q) = -\sum_{\mathbf{x} \in \mathcal{X}} p(\mathbf{x}) \log(q(\mathbf{x})) = \mathbb{E}_{\mathbf{x} \sim p} [-\log(q(\mathbf{x}))] \geq 0$ ."

entropy_definition = Entry(
    id="info.entropy-definition",
    title="Entropy: H(p) = −∑ₓ p(x) log p(x)",
    expected=NOT_CHECKABLE,
    definition=True,
    symbols={"p": "vector n probability"},
    statement=lambda p: Eq(sp.Function("H")(p), -sum_over(p, lambda i: p[i, 0] * log(p[i, 0]))),
    seed=seed(212, 214, r"""**D.** (Entropy) Let  $\mathbf{X}$  be a random variable distributed according to  $p(\mathbf{x})$ . Then the entropy of  $\mathbf{X}$

$H(p) = -\sum_{\mathbf{x} \in \mathcal{X}} p(\mathbf{x}) \log(p(\mathbf{x})) \geq 0$"""),
    notes="Terms with p(x) = 0 count as 0 (the limit of t log t as t → 0).  The inequality printed at the end of "
          "the definition is info.entropy-nonnegative.",
    see_also=("info.entropy-nonnegative",),
    aliases=("entropy", "Shannon entropy", "information entropy", "H(p)"),
    tags=("information theory", "entropy", "definition"),
    references=(COVER_THOMAS + ", eq. (2.1)",),
)

entropy_nonnegative = Entry(
    id="info.entropy-nonnegative",
    title="The entropy of a discrete distribution is nonnegative: H(p) ≥ 0",
    expected=CONFIRMED,
    symbols={"p": PROBABILITY_VECTOR},
    statement=lambda p: Ge(entropy(p), 0),
    seed=seed(214, 214, r"$H(p) = -\sum_{\mathbf{x} \in \mathcal{X}} p(\mathbf{x}) \log(p(\mathbf{x})) \geq 0$"),
    reason="an inequality with logarithms that SymPy does not prove: evidence from float64 draws and an exact "
           f"counterexample search that finds none, on {OUTCOMES} outcomes",
    notes="Each term −p log p is ≥ 0 because 0 ≤ p ≤ 1.  True for discrete distributions only: a density's "
          "differential entropy can be negative (info.differential-entropy-uniform).",
    see_also=("info.differential-entropy-uniform",),
    aliases=("entropy nonnegative", "entropy positive", "H(p) >= 0"),
    tags=("information theory", "entropy", "inequality"),
    references=(COVER_THOMAS + ", Lemma 2.1.1",),
)

entropy_expected_information = Entry(
    id="info.entropy-expected-information",
    title="Entropy is the expected information content E[I(X)], with I(x) = −log p(x)",
    expected=NOT_CHECKABLE,
    definition=True,
    seed=seed(216, 216, r"It describes the expected information content  $I(\mathbf{X})$  of  $\mathbf{X}$ ."),
    reason="an interpretation: with the information content I(x) = −log p(x), E[I(X)] = −∑ p(x) log p(x) "
           "is the definition of H(p) restated",
    aliases=("information content", "self-information", "surprisal", "expected surprise"),
    tags=("information theory", "entropy"),
)

cross_entropy_definition = Entry(
    id="info.cross-entropy-definition",
    title="Cross-entropy: H(p, q) = −∑ₓ p(x) log q(x) = E[−log q(X)] for X ∼ p",
    expected=NOT_CHECKABLE,
    definition=True,
    symbols={"p": "vector n probability", "q": "vector n probability"},
    statement=lambda p, q: Eq(sp.Function("H")(p, q), -sum_over(p, lambda i: p[i, 0] * log(q[i, 0]))),
    notes="The quantity line 218 defines (under the name KL(p, q)).  It is the log-loss of a classifier that "
          "predicts the distribution q on labels drawn from p.",
    aliases=("cross-entropy", "cross entropy loss", "log loss", "negative log-likelihood", "H(p,q)"),
    tags=("information theory", "cross-entropy", "loss", "definition"),
    references=(COVER_THOMAS + ", sections 2.3 and 5.4",),
    see_also=("info.cross-entropy-decomposition",),
)

kl_divergence = Entry(
    id="info.kl-divergence",
    title="KL divergence: KL(p ‖ q) = ∑ₓ p(x) log(p(x) / q(x))",
    expected=NOT_CHECKABLE,
    definition=True,
    symbols={"p": "vector n probability", "q": "vector n probability"},
    statement=lambda p, q: Eq(sp.Function("KL")(p, q), sum_over(p, lambda i: p[i, 0] * log(p[i, 0] / q[i, 0]))),
    notes="Also called the relative entropy D(p ‖ q).  Not symmetric in p and q; +∞ when q(x) = 0 < p(x).",
    aliases=("KL divergence", "Kullback-Leibler divergence", "relative entropy", "D_KL", "KL(p||q)"),
    tags=("information theory", "KL divergence", "definition"),
    references=(COVER_THOMAS + ", eq. (2.26)",),
    see_also=("info.kl-nonnegative", "info.cross-entropy-decomposition"),
)

kl_nonnegative = Entry(
    id="info.kl-nonnegative",
    title="Gibbs' inequality: KL(p ‖ q) ≥ 0",
    expected=CONFIRMED,
    symbols={"p": PROBABILITY_VECTOR, "q": PROBABILITY_VECTOR},
    statement=lambda p, q: Ge(kl(p, q), 0),
    reason="an inequality with logarithms that SymPy does not prove: evidence from float64 draws and an exact "
           f"counterexample search that finds none, on {OUTCOMES} outcomes",
    notes="Proof: Jensen's inequality for the concave log gives −KL = ∑ p log(q/p) ≤ log ∑ q = 0, with equality "
          "iff p = q.  Needs both p and q normalised.",
    aliases=("Gibbs inequality", "KL divergence nonnegative", "information inequality", "KL >= 0"),
    tags=("information theory", "KL divergence", "inequality"),
    references=(COVER_THOMAS + ", Thm. 2.6.3",),
)

cross_entropy_decomposition = Entry(
    id="info.cross-entropy-decomposition",
    title="H(p, q) = H(p) + KL(p ‖ q)",
    expected=CONFIRMED,
    instance="distributions on 3 outcomes (the line is for any finite support)",
    symbols={"p": f"vector {OUTCOMES} positive", "q": f"vector {OUTCOMES} positive"},
    statement=lambda p, q: Eq(cross_entropy(p, q), entropy(p) + kl(p, q)),
    notes="Term by term, −p log q = −p log p + p log(p/q), so the identity holds for all positive weights and in "
          f"particular for probability vectors; stated on {OUTCOMES} outcomes.  Minimising the cross-entropy over "
          "q therefore minimises KL(p ‖ q).",
    aliases=("cross-entropy decomposition", "cross entropy equals entropy plus KL",
             "cross-entropy vs KL divergence"),
    tags=("information theory", "cross-entropy", "KL divergence", "entropy"),
    references=(COVER_THOMAS + ", section 2.3",),
)

cross_entropy_nonnegative = Entry(
    id="info.cross-entropy-nonnegative",
    title="The cross-entropy of discrete distributions is nonnegative: −∑ p log q ≥ 0",
    expected=CONFIRMED,
    symbols={"p": PROBABILITY_VECTOR, "q": PROBABILITY_VECTOR},
    statement=lambda p, q: Ge(cross_entropy(p, q), 0),
    seed=seed(218, 218, _LINE_218),
    reason="an inequality with logarithms that SymPy does not prove: evidence from float64 draws and an exact "
           f"counterexample search that finds none, on {OUTCOMES} outcomes",
    notes="The '≥ 0' at the end of the line, true for the quantity written there: every q(x) ≤ 1, so "
          "−log q(x) ≥ 0.  The equality with E[−log q(X)], X ∼ p, is the definition of the expectation.  That "
          "the line calls this quantity KL(p, q) is judged in info.cross-entropy-is-kl.",
    see_also=("info.cross-entropy-is-kl", "info.cross-entropy-definition"),
    aliases=("cross-entropy nonnegative", "log loss nonnegative"),
    tags=("information theory", "cross-entropy", "inequality"),
)

cross_entropy_is_kl = Entry(
    id="info.cross-entropy-is-kl",
    title="As printed: KL(p, q) = −∑ p log q (the cross-entropy called KL)",
    expected=REFUTED,
    symbols={"p": PROBABILITY_VECTOR, "q": PROBABILITY_VECTOR},
    statement=lambda p, q: Eq(kl(p, q), cross_entropy(p, q)),
    seed=seed(218, 218, _LINE_218),
    corrected_by="info.cross-entropy-decomposition",
    notes="The line defines the cross-entropy H(p, q) but names it KL(p, q).  The KL divergence is "
          "∑ p log(p/q) = H(p, q) − H(p): the two agree only when H(p) = 0 (p a point mass).  For p = q the "
          "KL divergence is 0 while the cross-entropy is H(p) > 0.",
    aliases=("cross-entropy vs KL", "KL divergence", "cross entropy"),
    tags=("information theory", "cross-entropy", "KL divergence", "erratum"),
)
