"""Bi-linear models: mutual information and pointwise mutual information (cheat sheet lines 594-608).

Discrete distributions are written over two outcomes each; the
pointwise mutual information itself (line 602) is in the information-theory chapter.
"""

from __future__ import annotations

from .._authoring import CONFIRMED, NOT_CHECKABLE, PROVED, Entry, Eq, log, seed

_COVER = "Cover & Thomas (2006), Elements of Information Theory, Thm. 2.6.5"
_LEVY = "Levy & Goldberg (2014), Neural word embedding as implicit matrix factorization, NeurIPS"


def _mutual_information_of_product(p, q):
    """I(X; Y) = ∑ᵢⱼ Pᵢⱼ log(Pᵢⱼ/(rᵢcⱼ)) for the joint Pᵢⱼ = pᵢqⱼ, with the marginals r, c recomputed from P."""
    rows, cols = p.shape[0], q.shape[0]
    P = [[p[i, 0] * q[j, 0] for j in range(cols)] for i in range(rows)]
    r = [sum(P[i]) for i in range(rows)]
    c = [sum(P[i][j] for i in range(rows)) for j in range(cols)]
    return sum(P[i][j] * log(P[i][j] / (r[i] * c[j])) for i in range(rows) for j in range(cols))


mutual_information_zero_if_independent = Entry(
    id="emb.mutual-information-zero-if-independent",
    title="Independent random variables have zero mutual information",
    expected=CONFIRMED,
    symbols={"p": "vector 2 probability", "q": "vector 2 probability"},
    statement=lambda p, q: Eq(_mutual_information_of_product(p, q), 0),
    seed=seed(596, 596, r"The first thing that we could do is to use an information theoretic quantity: the so-called mutual information. The mutual information is described in information theory as *how much information one random variable has about another random variable*. If two variables are independent, then, the mutual information will be zero."),
    notes="X and Y with two outcomes each; independence means the joint is the product pqᵀ, whose marginals are p and "
          "q again, so every log is log 1.  In general I(X; Y) = KL(P_XY ‖ P_X P_Y) ≥ 0 with equality iff X and Y are "
          "independent.  Confirmed on exact rational and float64 distributions (the exact engine has no generic "
          "probability vectors).",
    aliases=("mutual information independence", "MI zero", "I(X;Y)=0"),
    tags=("information theory", "mutual information", "independence"),
    references=(_COVER,),
)

inner_product_bilinear = Entry(
    id="emb.inner-product-bilinear",
    title="The embedding score x_vᵀx_w is bilinear in (x_v, x_w)",
    expected=PROVED,
    symbols={"x": "vector d", "y": "vector d", "u": "vector d", "v": "vector d",
             "a": "scalar", "b": "scalar", "c": "scalar", "e": "scalar"},
    statement=lambda x, y, u, v, a, b, c, e: Eq((a * x + b * y).T * (c * u + e * v),
                                                a * c * (x.T * u) + a * e * (x.T * v) + b * c * (y.T * u) + b * e * (y.T * v)),
    seed=seed(604, 604, r"**Com.** As you can see this metric is bi-linear."),
    notes="Read as a statement about the model pmi(v, w) ≈ x_vᵀx_w + const: the inner product is linear in each "
          "embedding.  PMI itself is a number per word pair, neither bilinear nor a metric.",
    aliases=("bilinear model", "bilinear form", "inner product linearity"),
    tags=("word embeddings", "bilinear", "PMI"),
)

pointwise_mutual_information = Entry(
    id="emb.pointwise-mutual-information",
    title="PMI of two words from co-occurrence counts: log P(v, w)/(P(v)P(w))",
    expected=NOT_CHECKABLE,
    definition=True,
    reason="P(v, w) = C_vw/∑C, P(v) = ∑_w P(v, w); pmi = −∞ for pairs that never co-occur",
    notes="The seed's PMI line (602) is catalogued in the information-theory chapter; this entry is the estimate from a "
          "co-occurrence matrix.  Its expectation under P(v, w) is the mutual information.",
    aliases=("PMI", "pointwise mutual information", "PMI matrix"),
    tags=("word embeddings", "PMI", "co-occurrence"),
    references=("Church & Hanks (1990), Word association norms, mutual information, and lexicography",),
    see_also=("info.pmi-definition",),
)

positive_pmi = Entry(
    id="emb.positive-pmi",
    title="Positive PMI: ppmi(v, w) = max(0, pmi(v, w))",
    expected=NOT_CHECKABLE,
    definition=True,
    reason="clips the −∞ of unseen pairs (and every negative association) to 0, giving a sparse non-negative matrix",
    aliases=("PPMI", "positive pointwise mutual information"),
    tags=("word embeddings", "PMI"),
    references=(_LEVY,),
    see_also=("emb.pointwise-mutual-information",),
)
