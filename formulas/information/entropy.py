"""Entropy, cross-entropy and the KL divergence (cheat sheet lines 212-218)."""

from __future__ import annotations

import sympy as sp

from .._authoring import CONFIRMED, NOT_CHECKABLE, PROVED, REFUTED, Entry, Eq, Ge, log, seed
from .shared import _COVER_THOMAS, _OUTCOMES, _PROB, _cross_entropy, _entropy, _kl, _sum_over

entropy_definition = Entry(
    id="info.entropy-definition",
    title="Entropy: H(p) = -Σ_x p(x) log p(x)",
    expected=NOT_CHECKABLE,
    definition=True,
    symbols={"p": "vector n probability"},
    statement=lambda p: Eq(sp.Function("H")(p), -_sum_over(p, lambda i: p[i, 0] * log(p[i, 0]))),
    seed=seed(212, 214, r"""**D.** (Entropy) Let  $\mathbf{X}$  be a random variable distributed according to  $p(\mathbf{x})$ . Then the entropy of  $\mathbf{X}$

$H(p) = -\sum_{\mathbf{x} \in \mathcal{X}} p(\mathbf{x}) \log(p(\mathbf{x})) \geq 0$"""),
    notes="Terms with p(x) = 0 count as 0 (the limit of t log t).  The inequality printed at the end of "
          "the definition is checked in info.entropy-nonnegative.",
    see_also=("info.entropy-nonnegative",),
    aliases=("entropy", "Shannon entropy", "information entropy", "H(p)"),
    tags=("information theory", "entropy", "definition"),
    references=(_COVER_THOMAS + ", eq. (2.1)",),
)


entropy_nonnegative = Entry(
    id="info.entropy-nonnegative",
    title="Entropy is nonnegative: H(p) >= 0",
    expected=CONFIRMED,
    symbols={"p": _PROB},
    statement=lambda p: Ge(_entropy(p), 0),
    seed=seed(214, 214, r"$H(p) = -\sum_{\mathbf{x} \in \mathcal{X}} p(\mathbf{x}) \log(p(\mathbf{x})) \geq 0$"),
    reason="an inequality with logarithms: SymPy cannot prove -Σ p log p >= 0, so the evidence is "
           "numeric (float64 draws) plus an exact counterexample search that finds none",
    notes="Each term -p log p is >= 0 because 0 <= p <= 1.  Checked on three outcomes.  True for "
          "discrete distributions only: the differential entropy of a density can be negative "
          "(a uniform density on [0, 1/2] has entropy -log 2).",
    aliases=("entropy nonnegative", "entropy positive", "H(p) >= 0"),
    tags=("information theory", "entropy", "inequality"),
    references=(_COVER_THOMAS + ", Lemma 2.1.1",),
)


entropy_expected_information = Entry(
    id="info.entropy-expected-information",
    title="Entropy is the expected information content E[I(X)], I(x) = -log p(x)",
    expected=NOT_CHECKABLE,
    definition=True,
    seed=seed(216, 216, r"It describes the expected information content  $I(\mathbf{X})$  of  $\mathbf{X}$ ."),
    reason="an interpretation: with the information content I(x) = -log p(x), E[I(X)] = -Σ p(x) log p(x) "
           "is the definition of H(p) restated",
    aliases=("information content", "self-information", "surprisal", "expected surprise"),
    tags=("information theory", "entropy"),
)


cross_entropy_definition = Entry(
    id="info.cross-entropy-definition",
    title="Cross-entropy: H(p, q) = -Σ_x p(x) log q(x) = E_{x~p}[-log q(x)]",
    expected=NOT_CHECKABLE,
    definition=True,
    symbols={"p": "vector n probability", "q": "vector n probability"},
    statement=lambda p, q: Eq(sp.Function("H")(p, q), -_sum_over(p, lambda i: p[i, 0] * log(q[i, 0]))),
    notes="The quantity the seed's line 218 defines (under the name KL(p, q)).  It is the log-loss of a "
          "classifier with predicted distribution q on labels drawn from p.",
    aliases=("cross-entropy", "cross entropy loss", "log loss", "negative log-likelihood", "H(p,q)"),
    tags=("information theory", "cross-entropy", "loss", "definition"),
    references=(_COVER_THOMAS + ", section 2.3 and 5.4",),
    see_also=("info.cross-entropy-decomposition",),
)


kl_divergence = Entry(
    id="info.kl-divergence",
    title="KL divergence: KL(p || q) = Σ_x p(x) log(p(x)/q(x))",
    expected=NOT_CHECKABLE,
    definition=True,
    symbols={"p": "vector n probability", "q": "vector n probability"},
    statement=lambda p, q: Eq(sp.Function("KL")(p, q), _sum_over(p, lambda i: p[i, 0] * log(p[i, 0] / q[i, 0]))),
    notes="Also called relative entropy D(p || q).  Not symmetric in p and q; +∞ when q(x) = 0 < p(x).",
    aliases=("KL divergence", "Kullback-Leibler divergence", "relative entropy", "D_KL", "KL(p||q)"),
    tags=("information theory", "KL divergence", "definition"),
    references=(_COVER_THOMAS + ", eq. (2.26)",),
    see_also=("info.kl-nonnegative", "info.cross-entropy-decomposition"),
)


kl_nonnegative = Entry(
    id="info.kl-nonnegative",
    title="Gibbs' inequality: KL(p || q) >= 0",
    expected=CONFIRMED,
    symbols={"p": _PROB, "q": _PROB},
    statement=lambda p, q: Ge(_kl(p, q), 0),
    reason="an inequality with logarithms: SymPy cannot prove it, so the evidence is numeric (float64 "
           "draws) plus an exact counterexample search that finds none",
    notes="Proof: Jensen's inequality for the concave log, -KL = Σ p log(q/p) <= log Σ q = 0; equality "
          "iff p = q.  Needs both p and q normalised.  Checked on three outcomes.",
    aliases=("Gibbs inequality", "KL divergence nonnegative", "information inequality", "KL >= 0"),
    tags=("information theory", "KL divergence", "inequality"),
    references=(_COVER_THOMAS + ", Thm. 2.6.3",),
)


cross_entropy_decomposition = Entry(
    id="info.cross-entropy-decomposition",
    title="H(p, q) = H(p) + KL(p || q)",
    expected=PROVED,
    symbols={"p": f"vector {_OUTCOMES} positive", "q": f"vector {_OUTCOMES} positive"},
    statement=lambda p, q: Eq(_cross_entropy(p, q), _entropy(p) + _kl(p, q)),
    notes="Holds term by term, -p log q = -p log p + p log(p/q), so it is checked for all positive "
          "weight vectors (which lets the exact engine prove it), in particular for probability "
          "vectors.  Minimising the cross-entropy over q therefore minimises KL(p || q).",
    aliases=("cross-entropy decomposition", "cross entropy equals entropy plus KL",
             "cross-entropy vs KL divergence"),
    tags=("information theory", "cross-entropy", "KL divergence", "entropy"),
    references=(_COVER_THOMAS + ", section 2.3",),
)


cross_entropy_nonnegative = Entry(
    id="info.cross-entropy-nonnegative",
    title="Cross-entropy is nonnegative: -Σ p log q >= 0",
    expected=CONFIRMED,
    symbols={"p": _PROB, "q": _PROB},
    statement=lambda p, q: Ge(_cross_entropy(p, q), 0),
    seed=seed(218, 218, r"**D.** (Cross-Entropy) For distributions  $p$  and  $q$  over a given set is  $KL(p, q) = -\sum_{\mathbf{x} \in \mathcal{X}} p(\mathbf{x}) \log(q(\mathbf{x})) = \mathbb{E}_{\mathbf{x} \sim p} [-\log(q(\mathbf{x}))] \geq 0$ ."),
    reason="an inequality with logarithms: SymPy cannot prove it, so the evidence is numeric (float64 "
           "draws) plus an exact counterexample search that finds none",
    notes="The '≥ 0' at the end of the line, true for the quantity written there: every q(x) <= 1, so "
          "-log q(x) >= 0.  The equality with E_{x~p}[-log q(x)] is the definition of the expectation. "
          "That the line calls this quantity KL(p, q) is judged in info.cross-entropy-is-kl.",
    see_also=("info.cross-entropy-is-kl", "info.cross-entropy-definition"),
    aliases=("cross-entropy nonnegative", "log loss nonnegative"),
    tags=("information theory", "cross-entropy", "inequality"),
)


cross_entropy_is_kl = Entry(
    id="info.cross-entropy-is-kl",
    title="As printed: KL(p, q) = -Σ p log q (the cross-entropy called KL)",
    expected=REFUTED,
    symbols={"p": _PROB, "q": _PROB},
    statement=lambda p, q: Eq(_kl(p, q), _cross_entropy(p, q)),
    seed=seed(218, 218, r"**D.** (Cross-Entropy) For distributions  $p$  and  $q$  over a given set is  $KL(p, q) = -\sum_{\mathbf{x} \in \mathcal{X}} p(\mathbf{x}) \log(q(\mathbf{x})) = \mathbb{E}_{\mathbf{x} \sim p} [-\log(q(\mathbf{x}))] \geq 0$ ."),
    corrected_by="info.cross-entropy-decomposition",
    notes="The line defines the cross-entropy H(p, q) but names it KL(p, q).  The KL divergence is "
          "Σ p log(p/q) = H(p, q) - H(p): the two agree only when H(p) = 0 (p a point mass).  For p = q "
          "the KL divergence is 0 while the cross-entropy is H(p) > 0.",
    aliases=("cross-entropy vs KL", "KL divergence", "cross entropy"),
    tags=("information theory", "cross-entropy", "KL divergence", "erratum"),
)
