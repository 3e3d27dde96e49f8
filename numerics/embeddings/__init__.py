"""Word embeddings: co-occurrence counts, PMI / PPMI, SVD embeddings, skip-gram."""

from numerics.embeddings.cooccurrence import cooccurrence_matrix
from numerics.embeddings.pmi import pmi, ppmi
from numerics.embeddings.skipgram import SkipGram, fit_skipgram, skipgram_pairs
from numerics.embeddings.svd import svd_embeddings

__all__ = [
    "SkipGram",
    "cooccurrence_matrix",
    "fit_skipgram",
    "pmi",
    "ppmi",
    "skipgram_pairs",
    "svd_embeddings",
]
