"""Bi-linear models: mutual information and pointwise mutual information (cheat sheet lines 594-608).

Discrete distributions are written over two outcomes each, (p, 1 − p); the
pointwise mutual information itself (line 602) is in the information-theory chapter.
"""

from __future__ import annotations

from .._authoring import CONFIRMED, NOT_CHECKABLE, PROVED, Entry, Eq, Lt, log, seed

_COVER = "Cover & Thomas (2006), Elements of Information Theory, Thm. 2.6.5"
_LEVY = "Levy & Goldberg (2014), Neural word embedding as implicit matrix factorization, NeurIPS"


def _mutual_information_of_product(p, q):
    """I(X; Y) = ∑ᵢⱼ Pᵢⱼ log(Pᵢⱼ/(rᵢcⱼ)) for the joint Pᵢⱼ = pᵢqⱼ of two two-outcome laws (p, 1 − p) and (q, 1 − q), with
    the marginals r, c recomputed from P."""
    pv, qv = (p, 1 - p), (q, 1 - q)
    P = [[a * b for b in qv] for a in pv]
    r = [P[i][0] + P[i][1] for i in range(2)]
    c = [P[0][j] + P[1][j] for j in range(2)]
    return sum(P[i][j] * log(P[i][j] / (r[i] * c[j])) for i in range(2) for j in range(2))


mutual_information_zero_if_independent = Entry(
    id="emb.mutual-information-zero-if-independent",
    title="Independent random variables have zero mutual information (two outcomes each)",
    expected=CONFIRMED,
    instance="two outcomes for each variable; the line is for any finite supports",
    symbols={"p": "scalar unit", "q": "scalar unit"},
    statement=lambda p, q: Eq(_mutual_information_of_product(p, q), 0),
    where=lambda p, q: [Lt(0, p), Lt(p, 1), Lt(0, q), Lt(q, 1)],
    seed=seed(596, 596, r"The first thing that we could do is to use an information theoretic quantity: the so-called mutual information. The mutual information is described in information theory as *how much information one random variable has about another random variable*. If two variables are independent, then, the mutual information will be zero."),
    notes="X ~ (p, 1 − p) and Y ~ (q, 1 − q); independence means the joint is the product, whose marginals are the two "
          "laws again, so every log is log 1.  The same holds term by term for any finite supports.  In general "
          "I(X; Y) = KL(P(X, Y) ‖ P(X)P(Y)) ≥ 0 with equality iff X and Y are independent.",
    aliases=("mutual information independence", "MI zero", "I(X;Y)=0"),
    tags=("information theory", "mutual information", "independence"),
    references=(_COVER,),
)

inner_product_bilinear = Entry(
    id="emb.inner-product-bilinear",
    title="The embedding score x(v)ᵀx(w) is bilinear in (x(v), x(w))",
    expected=PROVED,
    symbols={"x": "vector d", "y": "vector d", "u": "vector d", "v": "vector d",
             "a": "scalar", "b": "scalar", "c": "scalar", "e": "scalar"},
    statement=lambda x, y, u, v, a, b, c, e: Eq((a * x + b * y).T * (c * u + e * v),
                                                a * c * (x.T * u) + a * e * (x.T * v) + b * c * (y.T * u) + b * e * (y.T * v)),
    seed=seed(604, 604, r"**Com.** As you can see this metric is bi-linear."),
    notes="Read as a statement about the model pmi(v, w) ≈ x(v)ᵀx(w) + const: the inner product is linear in each "
          "embedding.  PMI itself is a number per word pair, neither bilinear nor a metric.",
    aliases=("bilinear model", "bilinear form", "inner product linearity"),
    tags=("word embeddings", "bilinear", "PMI"),
)

pointwise_mutual_information = Entry(
    id="emb.pointwise-mutual-information",
    title="PMI of two words from co-occurrence counts: log P(v, w)/(P(v)P(w))",
    expected=NOT_CHECKABLE,
    definition=True,
    reason="P(v, w) = C(v, w)/∑C, P(v) = ∑ over w of P(v, w); pmi = −∞ for pairs that never co-occur",
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
