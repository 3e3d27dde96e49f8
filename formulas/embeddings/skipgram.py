"""The skip-gram objective and its gradient (cheat sheet line 552, printed among the dropout lines).

The centre word has input embedding x ∈ ℝᵈ, the context word output embedding z ∈ ℝᵈ, and the m
output embeddings of the vocabulary are the columns of Z ∈ ℝᵈˣᵐ; p(u | w) = softmax(Zᵀx)_u.
"""

from __future__ import annotations

from sympy import OneMatrix

from .._authoring import NOT_CHECKABLE, PROVED, D, Entry, Eq, ScalarOf, exp, log, seed

_MIKOLOV = ("Mikolov, Sutskever, Chen, Corrado & Dean (2013), Distributed representations of words and phrases and "
            "their compositionality, NeurIPS")
_LEVY = "Levy & Goldberg (2014), Neural word embedding as implicit matrix factorization, NeurIPS"


def _partition(Z, x):
    """∑ᵤ exp(xᵀzᵤ) = 1ᵀexp(Zᵀx)."""
    return ScalarOf(OneMatrix(1, Z.shape[1]) * (Z.T * x).applyfunc(exp))


def _objective_term(x, z, Z):
    """xᵀz − log ∑ᵤ exp(xᵀzᵤ)."""
    return ScalarOf(x.T * z) - log(_partition(Z, x))


skipgram_softmax_objective = Entry(
    id="emb.skipgram-softmax-objective",
    title="Skip-gram objective: each term x(v)ᵀz(w) − log ∑ᵤ exp(x(v)ᵀzᵤ) is log p(w | v), v = wᵢ, w = wⱼ, under the softmax model",
    expected=PROVED,
    symbols={"x": "vector d", "z": "vector d", "Z": "matrix d m"},
    statement=lambda x, z, Z: Eq(_objective_term(x, z, Z), log(exp(ScalarOf(x.T * z)) / _partition(Z, x))),
    seed=seed(552, 552, r"$$= \arg \max_{\theta} \sum_{(i,j) \in C_R} \mathbf{x}_i^T \mathbf{z}_{w_j} - \log \left( \sum_{u \in V} \underbrace{\exp(\mathbf{x}_i^T \mathbf{z}_u)}_{\text{partition function}} \right)$$"),
    notes="p(v | w) = exp(x(w)ᵀzᵥ)/∑ᵤ exp(x(w)ᵀzᵤ), with z = z(wⱼ) one of the columns of Z; so the printed sum over "
          "C(R) is the log-likelihood ∑ log p(wⱼ | wᵢ) of the context words.  'xᵢ' means x(wᵢ); the partition function is "
          "the whole sum over u (the brace marks one term); the leading '=' refers to a lost line.  Each step costs "
          "O(|V|) for the partition function, hence negative sampling (emb.skipgram-negative-sampling).",
    aliases=("skip-gram", "word2vec", "softmax objective", "partition function", "log-likelihood of context"),
    tags=("word embeddings", "skip-gram", "softmax", "likelihood"),
    references=(_MIKOLOV, _LEVY),
    see_also=("emb.skipgram-gradient", "emb.skipgram-negative-sampling", "emb.cooccurrence-index-set"),
)

skipgram_gradient = Entry(
    id="emb.skipgram-gradient",
    title="Skip-gram gradient: ∇ₓ[xᵀz − log ∑ᵤ exp(xᵀzᵤ)] = z − ∑ᵤ p(u | w) zᵤ = z − Z softmax(Zᵀx)",
    expected=PROVED,
    symbols={"x": "vector d", "z": "vector d", "Z": "matrix d m"},
    statement=lambda x, z, Z: Eq(D(_objective_term(x, z, Z), x),
                                 z - Z * (Z.T * x).applyfunc(exp) / _partition(Z, x)),
    notes="The observed context embedding minus the model's expected one; the gradient in zᵤ is "
          "(𝟙[u = wⱼ] − p(u | w)) x.  Every step touches all m output embeddings, which negative sampling avoids.",
    aliases=("skip-gram gradient", "word2vec gradient", "softmax gradient", "expected embedding"),
    tags=("word embeddings", "skip-gram", "gradient", "softmax"),
    references=(_MIKOLOV,),
    see_also=("emb.skipgram-softmax-objective",),
)

skipgram_negative_sampling = Entry(
    id="emb.skipgram-negative-sampling",
    title="Negative sampling: log σ(x(w)ᵀzᵥ) + ∑ₖ₌₁ᴷ log σ(−x(w)ᵀz(uₖ)), uₖ drawn from Pₙ",
    expected=NOT_CHECKABLE,
    definition=True,
    reason="replaces the partition function by K noise words drawn from the unigram distribution raised to the power ¾",
    notes="Levy & Goldberg (2014): at the optimum x(w)ᵀz(v) = pmi(w, v) − log K (shifted PMI).",
    aliases=("negative sampling", "SGNS", "word2vec negative sampling"),
    tags=("word embeddings", "skip-gram"),
    references=(_MIKOLOV, _LEVY),
    see_also=("emb.skipgram-softmax-objective",),
)
