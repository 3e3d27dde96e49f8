"""14 Word embeddings: lookup tables, co-occurrence, low-rank factorisation, skip-gram.

Sections (one module each; the entries below are the chapter's table of contents)
    * ``lookup`` -- embedding maps, lookup tables, sentences as matrices (lines 566-582).
    * ``bilinear`` -- mutual information and the bilinear PMI model (lines 594-608).
    * ``cooccurrence`` -- skip-gram windows, co-occurrence matrices, eigen-embeddings (lines 610-634).
    * ``skipgram`` -- the skip-gram objective and its gradient (line 552).
    * ``experiments`` -- evidence for the spectral theorem and Eckart-Young on co-occurrence matrices.

Main statements
    * ``lookup_equals_one_hot_product`` -- x_w = Eᵀo_w.
    * ``cooccurrence_index_set_size`` -- |C(R)| = R(2T − R − 1); ``cooccurrence_symmetric`` -- C = Cᵀ.
    * ``low_rank_factor_as_printed`` -- refuted (it forces A_k = A_k²); ``low_rank_factor_embedding`` corrects it.
    * ``skipgram_softmax_objective``, ``skipgram_gradient`` -- log p(wⱼ | wᵢ) and its gradient z − Z softmax(Zᵀx).

Errata
    ``low_rank_factor_as_printed``; garbled: ``cooccurrence_factorisation_as_printed``.

Notation
    Vocabulary V with m = |V| words, embedding dimension d, lookup table E ∈ ℝᵐˣᵈ (row w is x_wᵀ), o_w ∈ {0, 1}ᵐ the
    one-hot column vector of w (a row when written on the left of a product, as the sheet does), token sequence
    w₁ … w_T, window R.

References
    Mikolov et al. (2013), NeurIPS; Levy & Goldberg (2014), NeurIPS; Eckart & Young (1936), Psychometrika 1; Church &
    Hanks (1990).

Tags: word embeddings, co-occurrence, skip-gram, word2vec, PMI, low rank.
"""

from __future__ import annotations

# The imports list the entries in reading order, which the registry keeps: not sorted.
# isort: off
from .._authoring import Chapter
from .lookup import (
    embedding_map,
    vocabulary_size_notation,
    lookup_table,
    lookup_equals_one_hot_product,
    sentence_matrix,
)
from .bilinear import (
    mutual_information_zero_if_independent,
    inner_product_bilinear,
    pointwise_mutual_information,
    positive_pmi,
)
from .cooccurrence import (
    skip_gram_window,
    cooccurrence_index_set,
    cooccurrence_index_set_size,
    cooccurrence_matrix,
    cooccurrence_symmetric,
    cooccurrence_peaky_sparse,
    cooccurrence_eigen_embedding,
    cooccurrence_entry_one_hot_as_printed,
    one_hot_sandwich_entry,
    cooccurrence_factorisation_as_printed,
    symmetric_eigendecomposition,
    low_rank_factor_as_printed,
    low_rank_factor_embedding,
    svd_embedding,
)
from .skipgram import (
    skipgram_softmax_objective,
    skipgram_gradient,
    skipgram_negative_sampling,
)
# isort: on

CHAPTER = Chapter("emb", 14, "Word embeddings")

__all__ = [
    "embedding_map", "vocabulary_size_notation", "lookup_table", "lookup_equals_one_hot_product", "sentence_matrix",
    "mutual_information_zero_if_independent", "inner_product_bilinear", "pointwise_mutual_information", "positive_pmi",
    "skip_gram_window", "cooccurrence_index_set", "cooccurrence_index_set_size", "cooccurrence_matrix",
    "cooccurrence_symmetric", "cooccurrence_peaky_sparse", "cooccurrence_eigen_embedding",
    "cooccurrence_entry_one_hot_as_printed", "one_hot_sandwich_entry", "cooccurrence_factorisation_as_printed",
    "symmetric_eigendecomposition", "low_rank_factor_as_printed", "low_rank_factor_embedding", "svd_embedding",
    "skipgram_softmax_objective", "skipgram_gradient", "skipgram_negative_sampling",
]
