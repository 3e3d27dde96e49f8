"""Word embeddings and lookup tables (cheat sheet lines 566-582).

Vocabulary V with m = |V| words, embedding dimension d, lookup table E ∈ ℝᵐˣᵈ (row w is x_wᵀ), and
o_w ∈ {0, 1}ᵐ the one-hot column vector of w; the one-hot vectors are the columns of the identity I_m.
"""

from __future__ import annotations

from sympy import Identity, MatMul

from .._authoring import NOT_CHECKABLE, PROVED, Entry, Eq, seed

embedding_map = Entry(
    id="emb.embedding-map",
    title="Embedding map V → ℝᵈ, w ↦ x(w), through the one-hot vector of w",
    expected=NOT_CHECKABLE,
    definition=True,
    reason="a word w ∈ V is encoded as o(w) ∈ {0, 1}ᵐ, m = |V|, and mapped to x(w) ∈ ℝᵈ",
    seed=seed(566, 572, r"""**Basic Idea:** Map symbols over a vocabulary  $V$  to a vector representation = embedding into an (euclidean) vector space (see lookup table in architecture overview).

embedding map: (vocabulary)  $V \mapsto \mathbb{R}^d$  (embeddings)

(symbolic)  $w \mapsto \mathbf{x}_w$  (quantitative)

word  $w \in V \rightarrow$  one-hot  $w \in \{0,1\}^{|V|} \rightarrow$  embedding  $\mathbf{x}_w$ ."""),
    notes="'V ↦ ℝᵈ' is the map (the print has the maps-to arrow); 'one-hot w' is o(w), the w-th unit vector.",
    aliases=("word embedding", "embedding", "word vector", "one-hot encoding"),
    tags=("word embeddings", "definition"),
    see_also=("emb.lookup-equals-one-hot-product",),
)

vocabulary_size_notation = Entry(
    id="emb.vocabulary-size-notation",
    title="m := |V| (typically 10⁵), embedding dimension d ≪ m",
    expected=NOT_CHECKABLE,
    definition=True,
    reason="notation; '|V| = 10⁵' is a typical order of magnitude, not a claim",
    seed=seed(574, 576, r"""$m := |V|$ , usually  $|V| = 10^5$

$d$  = dimensionality of embedding,  $d \ll m$"""),
    aliases=("vocabulary size", "embedding dimension"),
    tags=("word embeddings", "notation"),
)

lookup_table = Entry(
    id="emb.lookup-table",
    title="Shared lookup table E ∈ ℝᵐˣᵈ: row w holds the embedding x(w)",
    expected=NOT_CHECKABLE,
    definition=True,
    reason="the embeddings of all m words stacked as the rows of one m × d matrix, shared across positions",
    seed=seed(578, 580, r"""So for each of the  $m$  words in  $V$  we have a corresponding embedding in  $\mathbb{R}^d$ , which can be stored in a shared lookup table:

$\mathcal{R}^{m \times d}$  shared lookup table"""),
    notes="'𝓡ᵐˣᵈ' in the print is a typo for ℝᵐˣᵈ.",
    aliases=("lookup table", "embedding matrix", "embedding layer", "nn.Embedding"),
    tags=("word embeddings",),
    see_also=("emb.lookup-equals-one-hot-product",),
)

lookup_equals_one_hot_product = Entry(
    id="emb.lookup-equals-one-hot-product",
    title="Looking up x(w) is multiplying the table by the one-hot vector: x(w) = Eᵀo(w), i.e. Eᵀ[o₁ ⋯ oₘ] = Eᵀ",
    expected=PROVED,
    symbols={"E": "matrix m d"},
    statement=lambda E: Eq(MatMul(E.T, Identity(E.shape[0]), evaluate=False), E.T),
    notes="The one-hot vectors o₁, …, oₘ are the columns of Iₘ, so column w of EᵀIₘ is Eᵀo(w), and column w of Eᵀ is "
          "row w of E, x(w).  An embedding layer is a linear layer on one-hot inputs, computed by indexing instead of a "
          "product.",
    aliases=("embedding lookup", "one-hot times embedding matrix"),
    tags=("word embeddings",),
)

sentence_matrix = Entry(
    id="emb.sentence-matrix",
    title="A sentence of k words is a d × k matrix of embedding vectors",
    expected=NOT_CHECKABLE,
    definition=True,
    reason="a representation: the sentence w₁ … w_k is the matrix [x(w₁) ⋯ x(wₖ)] = EᵀO ∈ ℝᵈˣᵏ, with O ∈ {0, 1}ᵐˣᵏ "
           "the one-hot vectors as columns; its shape is d × k by construction",
    seed=seed(582, 582, r"Any sentence of  $k$  words can then be represented as a  $d \times k$  matrix (a sequence of  $k$  embedding vectors in  $\mathbb{R}^d$ )."),
    notes="Libraries usually store the transpose, k × d (one row per token).",
    aliases=("sentence representation", "sequence of embeddings"),
    tags=("word embeddings", "shapes"),
)
