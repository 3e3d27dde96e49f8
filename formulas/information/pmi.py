"""Pointwise mutual information and mutual information (cheat sheet line 602)."""

from __future__ import annotations

import sympy as sp

from .._authoring import CONFIRMED, NOT_CHECKABLE, PROVED, Entry, Eq, log, seed
from .shared import COVER_THOMAS

_LINE_602 = r"$\text{pmi}(v, w) = \log \left( \frac{P(v, w)}{P(v)P(w)} \right) = \log \left( \frac{P(v|w)}{P(v)} \right) \approx \mathbf{x}_v^T \mathbf{x}_w + \text{const}$"
_JOINT = {"pvw": "scalar positive", "pv": "scalar positive", "pw": "scalar positive"}

pmi_definition = Entry(
    id="info.pmi-definition",
    title="Pointwise mutual information: pmi(v, w) = log(P(v, w) / (P(v) P(w)))",
    expected=NOT_CHECKABLE,
    definition=True,
    symbols=_JOINT,
    statement=lambda pvw, pv, pw: Eq(sp.Function("pmi")(pv, pw), log(pvw / (pv * pw))),
    seed=seed(600, 602, "### D. (Pointwise Mutual Information)\n\n" + _LINE_602),
    notes="pmi is 0 for independent v and w, and its expectation over P(v, w) is the mutual information "
          "(info.mutual-information).  pvw, pv, pw stand for P(v, w), P(v), P(w).",
    see_also=("info.pmi-conditional-form", "info.pmi-bilinear-approximation", "info.mutual-information"),
    aliases=("PMI", "pointwise mutual information", "word co-occurrence", "word2vec PMI"),
    tags=("information theory", "PMI", "word embeddings", "definition"),
    references=("Church & Hanks 1990, 'Word association norms, mutual information, and lexicography'",),
)

pmi_conditional_form = Entry(
    id="info.pmi-conditional-form",
    title="log(P(v, w) / (P(v) P(w))) = log(P(v | w) / P(v))",
    expected=PROVED,
    symbols=_JOINT,
    statement=lambda pvw, pv, pw: Eq(log(pvw / (pv * pw)), log((pvw / pw) / pv)),
    seed=seed(602, 602, _LINE_602),
    notes="P(v | w) is written out as P(v, w) / P(w), the definition of conditional probability (P(w) > 0).  "
          "The identity holds for all positive numbers, so no normalisation is needed.",
    aliases=("PMI", "pointwise mutual information conditional"),
    tags=("information theory", "PMI", "word embeddings"),
)

pmi_bilinear_approximation = Entry(
    id="info.pmi-bilinear-approximation",
    title="pmi(v, w) ≈ x(v)ᵀ x(w) + const for word embeddings x(·)",
    expected=NOT_CHECKABLE,
    seed=seed(602, 602, _LINE_602),
    reason="a modelling assumption, not an identity: '≈' with an unspecified constant says that the embeddings "
           "x(v), x(w) are fitted so that their inner product approximates the PMI",
    notes="Levy & Goldberg (2014) show that skip-gram with k negative samples implicitly factorises the shifted "
          "PMI matrix: x(v)ᵀ x(w) ≈ pmi(v, w) − log k.",
    aliases=("PMI matrix factorization", "word2vec", "skip-gram", "bilinear model"),
    tags=("information theory", "PMI", "word embeddings"),
    references=("Levy & Goldberg, NIPS 2014",),
)


def _mutual_information_identity(p11, p12, p21, p22):
    """I(X; Y) on a 2 × 2 joint table written two ways: KL to the product of marginals, and entropies."""
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
    title="Mutual information: I(X; Y) = KL(P(X, Y) ‖ P(X) P(Y)) = H(X) + H(Y) − H(X, Y)",
    expected=CONFIRMED,
    instance="a 2 × 2 joint table (the line is for any finite X and Y)",
    symbols={"p11": "scalar positive", "p12": "scalar positive", "p21": "scalar positive",
             "p22": "scalar positive"},
    statement=_mutual_information_identity,
    notes="Stated on a 2 × 2 joint table with positive weights (the marginals are its row and column sums); the "
          "identity holds term by term once the logarithms are expanded, so normalisation is not needed.  "
          "I(X; Y) = 0 exactly when the table is the product of its marginals "
          "(emb.mutual-information-zero-if-independent).",
    aliases=("mutual information", "MI", "information gain", "mutual information entropy identity",
             "mutual information from joint table"),
    tags=("information theory", "mutual information", "entropy", "KL divergence"),
    references=(COVER_THOMAS + ", eq. (2.45)",),
    see_also=("info.kl-divergence", "info.entropy-definition"),
)
