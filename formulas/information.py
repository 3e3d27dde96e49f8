r"""5 Information theory: entropy, cross-entropy, KL divergence and PMI.

For discrete distributions ``p`` and ``q`` on a finite set (probability vectors):

.. math:: H(p) = -\sum_i p_i \log p_i, \qquad H(p, q) = -\sum_i p_i \log q_i, \qquad
          \mathrm{KL}(p \,\|\, q) = \sum_i p_i \log \frac{p_i}{q_i}.

Main statements
    * ``entropy_nonnegative`` -- H(p) >= 0 (discrete distributions only).
    * ``kl_nonnegative`` -- Gibbs' inequality KL(p || q) >= 0.
    * ``cross_entropy_decomposition`` -- H(p, q) = H(p) + KL(p || q).
    * ``cross_entropy_is_kl`` -- the seed's erratum: it calls the cross-entropy KL(p, q); the two
      differ by H(p).
    * ``pmi_conditional_form`` -- log P(v,w)/(P(v)P(w)) = log P(v|w)/P(v).

Notation
    The sums run over explicit entries: the evaluators have no elementwise logarithm of a
    vector inside a matrix product (SymPy reads ``log(p)`` of a ``MatrixSymbol`` as a scalar),
    so statements are written for distributions on a fixed set of three outcomes
    (``p[i, 0]`` for i = 0, 1, 2); definitions are displayed at general size ``n``.  Natural
    logarithms; any other base rescales every quantity by the same positive factor.

References
    T. M. Cover & J. A. Thomas, *Elements of Information Theory*, 2nd ed. (2006), ch. 2.
    O. Levy & Y. Goldberg, "Neural word embedding as implicit matrix factorization", NIPS 2014 (PMI).

Tags: information theory, entropy, cross-entropy, KL divergence, PMI.
"""

from __future__ import annotations

import sympy as sp

from ._authoring import CONFIRMED, NOT_CHECKABLE, PROVED, REFUTED, Chapter, Entry, Eq, Ge, log, seed

CHAPTER = Chapter("info", 5, "Information theory")

_COVER_THOMAS = "Cover & Thomas, Elements of Information Theory, 2nd ed. (2006)"
_OUTCOMES = 3  # size of the finite outcome set in checked statements


# -- explicit sums over the entries of probability vectors ------------------------------------
def _entries(p):
    return [p[i, 0] for i in range(p.shape[0])]


def _entropy(p):
    """H(p) = -Σ p_i log p_i over the entries of a fixed-size vector."""
    return -sp.Add(*[pi * log(pi) for pi in _entries(p)])


def _cross_entropy(p, q):
    """H(p, q) = -Σ p_i log q_i."""
    return -sp.Add(*[pi * log(qi) for pi, qi in zip(_entries(p), _entries(q), strict=True)])


def _kl(p, q):
    """KL(p || q) = Σ p_i log(p_i / q_i)."""
    return sp.Add(*[pi * log(pi / qi) for pi, qi in zip(_entries(p), _entries(q), strict=True)])


def _sum_over(p, term):
    """Σ_{i=1}^{n} term(p_i) at symbolic size, for displaying definitions."""
    i = sp.Symbol("i", integer=True)
    return sp.Sum(term(i), (i, 0, p.shape[0] - 1))


_PROB = f"vector {_OUTCOMES} probability"

# =============================================================================================
# Entropy
# =============================================================================================

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

# =============================================================================================
# Cross-entropy and KL divergence
# =============================================================================================

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

# =============================================================================================
# Pointwise mutual information
# =============================================================================================

pmi_definition = Entry(
    id="info.pmi-definition",
    title="Pointwise mutual information: pmi(v, w) = log P(v, w) / (P(v) P(w))",
    expected=NOT_CHECKABLE,
    definition=True,
    symbols={"pvw": "scalar positive", "pv": "scalar positive", "pw": "scalar positive"},
    statement=lambda pvw, pv, pw: Eq(sp.Function("pmi")(pv, pw), log(pvw / (pv * pw))),
    seed=seed(600, 602, r"""### D. (Pointwise Mutual Information)

$\text{pmi}(v, w) = \log \left( \frac{P(v, w)}{P(v)P(w)} \right) = \log \left( \frac{P(v|w)}{P(v)} \right) \approx \mathbf{x}_v^T \mathbf{x}_w + \text{const}$"""),
    notes="pmi is 0 for independent v, w, and its expectation over P(v, w) is the mutual information.",
    see_also=("info.pmi-conditional-form", "info.pmi-bilinear-approximation"),
    aliases=("PMI", "pointwise mutual information", "word co-occurrence", "word2vec PMI"),
    tags=("information theory", "PMI", "word embeddings", "definition"),
    references=("Church & Hanks 1990, 'Word association norms, mutual information, and lexicography'",),
)

pmi_conditional_form = Entry(
    id="info.pmi-conditional-form",
    title="log P(v, w) / (P(v) P(w)) = log P(v | w) / P(v)",
    expected=PROVED,
    symbols={"pvw": "scalar positive", "pv": "scalar positive", "pw": "scalar positive"},
    statement=lambda pvw, pv, pw: Eq(log(pvw / (pv * pw)), log((pvw / pw) / pv)),
    seed=seed(602, 602, r"$\text{pmi}(v, w) = \log \left( \frac{P(v, w)}{P(v)P(w)} \right) = \log \left( \frac{P(v|w)}{P(v)} \right) \approx \mathbf{x}_v^T \mathbf{x}_w + \text{const}$"),
    notes="P(v | w) is written out as P(v, w) / P(w) (the definition of conditional probability, P(w) > 0). "
          "The identity holds for all positive numbers, so no normalisation constraint is needed.",
    aliases=("PMI", "pointwise mutual information conditional"),
    tags=("information theory", "PMI", "word embeddings"),
)

pmi_bilinear_approximation = Entry(
    id="info.pmi-bilinear-approximation",
    title="pmi(v, w) ≈ x_vᵀ x_w + const (word embeddings)",
    expected=NOT_CHECKABLE,
    seed=seed(602, 602, r"$\text{pmi}(v, w) = \log \left( \frac{P(v, w)}{P(v)P(w)} \right) = \log \left( \frac{P(v|w)}{P(v)} \right) \approx \mathbf{x}_v^T \mathbf{x}_w + \text{const}$"),
    reason="a modelling assumption, not an identity: '≈' with an unspecified constant says that "
           "embedding vectors x_v, x_w are fitted so that their inner product approximates the PMI",
    notes="Levy & Goldberg (2014) show that skip-gram with k negative samples implicitly factorises the "
          "shifted PMI matrix, x_vᵀ x_w ≈ pmi(v, w) - log k.",
    aliases=("PMI matrix factorization", "word2vec", "skip-gram", "bilinear model"),
    tags=("information theory", "PMI", "word embeddings"),
    references=("Levy & Goldberg, NIPS 2014",),
)


def _mutual_information_identity(p11, p12, p21, p22):
    """I(X;Y) on a 2 x 2 joint table written two ways: KL to the product of marginals, and entropies."""
    joint = [[p11, p12], [p21, p22]]
    rows = [p11 + p12, p21 + p22]
    cols = [p11 + p21, p12 + p22]
    kl = sum(joint[i][j] * log(joint[i][j] / (rows[i] * cols[j])) for i in range(2) for j in range(2))
    h_x = -sum(r * log(r) for r in rows)
    h_y = -sum(c * log(c) for c in cols)
    h_xy = -sum(joint[i][j] * log(joint[i][j]) for i in range(2) for j in range(2))
    return Eq(kl, h_x + h_y - h_xy)


mutual_information = Entry(
    id="info.mutual-information",
    title="Mutual information: I(X;Y) = KL(p_XY || p_X p_Y) = H(X) + H(Y) - H(X,Y)",
    expected=PROVED,
    symbols={"p11": "scalar positive", "p12": "scalar positive", "p21": "scalar positive",
             "p22": "scalar positive"},
    statement=_mutual_information_identity,
    notes="Stated on a 2 x 2 joint table with positive weights (marginals are row and column sums); the "
          "identity holds term by term after expanding the logarithms, so normalisation is not needed. "
          "I(X;Y) = 0 exactly when the table is the product of its marginals (see "
          "emb.mutual-information-zero-if-independent).",
    aliases=("mutual information", "MI", "information gain", "mutual information entropy identity",
             "mutual information from joint table"),
    tags=("information theory", "mutual information", "entropy", "KL divergence"),
    references=(_COVER_THOMAS + ", eq. (2.45)",),
    see_also=("info.kl-divergence", "info.entropy-definition"),
)
