"""Skip-grams, co-occurrence and low-rank factorisation (cheat sheet lines 610-634).

A text w₁ … w_T; the window pairs C(R); the co-occurrence matrix C = ∑_{(i,j)∈C(R)} o_{wᵢ}o_{wⱼ}ᵀ over the
vocabulary; its eigendecomposition C = VΛVᵀ and rank-k truncations.
"""

from __future__ import annotations

from sympy import Identity, MatMul

from .._authoring import CONFIRMED, NOT_CHECKABLE, PROVED, REFUTED, Entry, Eq, seed
from . import experiments

_MIKOLOV = ("Mikolov, Sutskever, Chen, Corrado & Dean (2013), Distributed representations of words and phrases and "
            "their compositionality, NeurIPS")
_LEVY = "Levy & Goldberg (2014), Neural word embedding as implicit matrix factorization, NeurIPS"
_ECKART = "Eckart & Young (1936), The approximation of one matrix by another of lower rank, Psychometrika 1"
_LINE_630 = r"$$C_{ij} = \text{one-hot}(w_i) \mathbf{C} \text{ one-hot}(w_j) = \mathbf{o}_i \mathbf{V} \mathbf{A}^T \mathbf{o}_j$$"

skip_gram_window = Entry(
    id="emb.skip-gram-window",
    title="Skip-grams: co-occurrences within a window of R words, order ignored",
    expected=NOT_CHECKABLE,
    definition=True,
    reason="a word's context is the bag of words within distance R, not an ordered n-gram",
    seed=seed(610, 612, r"""### D. (Skip Grams)

The skip-gram approach is an approach to look at co-occurrences of words within a window size  $R$  (instead of looking at subsequences of some length  $n$  as with  $n$  grams). So we're only interested in the co-occurrence within some window size of words,  $R$ , rather than a precise sequence."""),
    aliases=("skip-gram", "skipgram", "context window", "word2vec"),
    tags=("word embeddings", "skip-gram"),
    references=(_MIKOLOV,),
)

cooccurrence_index_set = Entry(
    id="emb.cooccurrence-index-set",
    title="Co-occurrence index set C(R) = {(i, j) : 1 ≤ |i − j| ≤ R}",
    expected=NOT_CHECKABLE,
    definition=True,
    reason="position pairs of a sequence w₁, w₂, … of T words (1 ≤ i, j ≤ T) at distance 1 to R",
    seed=seed(614, 618, r"""### D. (Co-Occurrence Set)

Here we look at the pairwise occurrences of words in a context window of size  $R$ . So, if we have a long sequence of words  $w = (w_1, \dots, w_T)$ , then the co-occurrence index set is defined as

$$C_R := \{(i, j) \mid 1 \leq |i - j| \leq R\}.$$"""),
    notes="The bound 1 ≤ i, j ≤ T is implicit in the print.",
    aliases=("co-occurrence set", "context pairs", "window pairs"),
    tags=("word embeddings", "co-occurrence", "skip-gram"),
    see_also=("emb.cooccurrence-index-set-size",),
)

cooccurrence_index_set_size = Entry(
    id="emb.cooccurrence-index-set-size",
    title="|C(R)| = 2 ∑ᵣ₌₁ᴿ (T − r) = R(2T − R − 1) for R < T",
    expected=PROVED,
    symbols={"T": "scalar positive integer", "R": "scalar positive integer"},
    # the induction step: widening the window from R − 1 to R adds the 2(T − R) pairs at distance R
    statement=lambda T, R: Eq(R * (2 * T - R - 1) - (R - 1) * (2 * T - (R - 1) - 1), 2 * (T - R)),
    notes="At distance r there are T − r ordered pairs with i < j, and as many with i > j, so |C(R)| − |C(R − 1)| = "
          "2(T − R); with |C(0)| = 0 the closed form follows by induction on R, and the statement is that step.  For "
          "R ≥ T every pair of distinct positions counts and |C(R)| = T(T − 1).",
    aliases=("number of skip-gram pairs", "context pair count"),
    tags=("word embeddings", "co-occurrence", "combinatorics"),
)

cooccurrence_matrix = Entry(
    id="emb.cooccurrence-matrix",
    title="Co-occurrence matrix C ∈ ℝᵐˣᵐ, m = |V|: C(u, v) = #{(i, j) ∈ C(R) : wᵢ = u, wⱼ = v}",
    expected=NOT_CHECKABLE,
    definition=True,
    reason="counts of word pairs at distance 1 to R",
    seed=seed(620, 624, r"""### D. (Co-Occurrence Matrix)

Note that in order to get an (empirical) idea of the co-occurrence frequencies one could compute the co-occurrence matrix

$$\mathbf{C} \in \mathbb{R}^{|V| \times |V|}, \quad \text{where } C_{ij} = \#\text{of co-occurrences of } w_i \text{ and } w_j \text{ within window size } R.$$"""),
    notes="Here i, j index vocabulary words, while in C(R) they index positions in the text.",
    aliases=("co-occurrence matrix", "word-context matrix", "count matrix"),
    tags=("word embeddings", "co-occurrence"),
)

cooccurrence_symmetric = Entry(
    id="emb.cooccurrence-symmetric",
    title="The co-occurrence matrix of a symmetric window is symmetric: C = ABᵀ + BAᵀ = Cᵀ",
    expected=PROVED,
    symbols={"A": "matrix m P", "B": "matrix m P"},
    statement=lambda A, B: Eq((A * B.T + B * A.T).T, A * B.T + B * A.T),
    seed=seed(626, 626, r"Properties:  $\mathbf{C} = \mathbf{C}^T$  (symmetric), peaky, sparse."),
    notes="Number the P pairs i < j of C(R) and put o(wᵢ) in column p of A and o(wⱼ) in column p of B; since (i, j) ∈ C(R) "
          "iff (j, i) ∈ C(R), C = ∑ over i < j of o(wᵢ)o(wⱼ)ᵀ + o(wⱼ)o(wᵢ)ᵀ, that is ABᵀ + BAᵀ.  A one-sided window gives ABᵀ "
          "alone, which is not symmetric in general.",
    aliases=("co-occurrence symmetric", "symmetric window"),
    tags=("word embeddings", "co-occurrence", "symmetry"),
    see_also=("emb.cooccurrence-peaky-sparse",),
)

cooccurrence_peaky_sparse = Entry(
    id="emb.cooccurrence-peaky-sparse",
    title="Co-occurrence matrices are 'peaky' and sparse",
    expected=NOT_CHECKABLE,
    reason="empirical properties of natural-language corpora (Zipf-distributed word frequencies, most word pairs never "
           "co-occur), not consequences of the definition: a short text over a tiny vocabulary gives a dense, flat C",
    seed=seed(626, 626, r"Properties:  $\mathbf{C} = \mathbf{C}^T$  (symmetric), peaky, sparse."),
    aliases=("sparse co-occurrence", "Zipf"),
    tags=("word embeddings", "co-occurrence", "empirical"),
)

cooccurrence_eigen_embedding = Entry(
    id="emb.cooccurrence-eigen-embedding",
    title="Embeddings from the k leading eigenvectors of C",
    expected=NOT_CHECKABLE,
    definition=True,
    reason="a recipe (eigendecomposition of the symmetric C, keep k eigenvectors), not a claim",
    seed=seed(628, 628, r"One approach for embeddings: do PCA of  $\mathbf{C}$  and use  $k$  eigenvectors corresponding to largest eigenvalues of  $\mathbf{C}$ . Note that we have"),
    notes="C is symmetric but usually indefinite, so the best rank-k approximation keeps the k eigenvalues of largest "
          "magnitude (emb.svd-embedding).  'PCA of C' means the eigendecomposition of C itself, not of a covariance.",
    aliases=("spectral embedding", "eigenvector embedding", "PCA of co-occurrence", "LSA"),
    tags=("word embeddings", "eigendecomposition", "low rank"),
    see_also=("emb.svd-embedding",),
)

cooccurrence_entry_one_hot_as_printed = Entry(
    id="emb.cooccurrence-entry-one-hot-as-printed",
    title="Cᵢⱼ = one-hot(wᵢ) C one-hot(wⱼ), the left one-hot a row (as the sheet writes oᵢVAᵀoⱼ)",
    expected=PROVED,
    symbols={"C": "matrix m m symmetric"},
    statement=lambda C: Eq(MatMul(Identity(C.shape[0]), C, Identity(C.shape[0]), evaluate=False), C),
    seed=seed(630, 630, _LINE_630),
    notes="The sheet writes the vector on the left of a product as a row, here and in oᵢVAᵀoⱼ on the same line, so "
          "one-hot(wᵢ) C one-hot(wⱼ) is oᵢᵀCoⱼ = Cᵢⱼ.  Checked for all i, j at once: the one-hot vectors are the "
          "columns of I, so the matrix of all oᵢᵀCoⱼ is IᵀCI = C.  (With both one-hots read as columns the product "
          "would not be defined; no reader takes it so.)",
    aliases=("one-hot sandwich", "matrix entry via unit vectors"),
    tags=("word embeddings", "one-hot"),
    see_also=("emb.one-hot-sandwich-entry",),
)

one_hot_sandwich_entry = Entry(
    id="emb.one-hot-sandwich-entry",
    title="Mᵢⱼ = oᵢᵀMoⱼ for one-hot (unit) vectors: stacked as the columns of the identity, IMI = M",
    expected=PROVED,
    symbols={"M": "matrix m n"},
    statement=lambda M: Eq(MatMul(Identity(M.shape[0]), M, Identity(M.shape[1]), evaluate=False), M),
    notes="Moⱼ picks column j, and oᵢᵀ then picks its i-th entry.",
    aliases=("unit vector sandwich", "one-hot entry extraction"),
    tags=("word embeddings", "linear algebra"),
)

cooccurrence_factorisation_as_printed = Entry(
    id="emb.cooccurrence-factorisation-as-printed",
    title="Cᵢⱼ = oᵢᵀVΛVᵀoⱼ with C = VΛVᵀ the eigendecomposition of C (garbled as printed: 'oᵢVAᵀoⱼ')",
    expected=CONFIRMED,
    experiment=experiments.cooccurrence_factorisation_as_printed,
    reason="an existence claim (V and Λ exist by the spectral theorem), checked by experiment: every entry of two "
           "co-occurrence matrices against oᵢᵀVΛVᵀoⱼ with V, Λ computed by eigh",
    notes="Garbled as printed: V and A are never defined and 'VAᵀ' is missing a factor.  With A the eigenvalue matrix, "
          "as line 632 uses Aₖ for it (VₖAₖVₖᵀ), the intended identity is the eigendecomposition of the symmetric C, "
          "C = VΛVᵀ, read entrywise through the one-hot vectors (emb.one-hot-sandwich-entry); an SVD C = VΣAᵀ, the "
          "other reading, exists as well (for symmetric C, Σ = |Λ|).  The first equality of the line is "
          "emb.cooccurrence-entry-one-hot-as-printed.",
    seed=seed(630, 630, _LINE_630),
    corrected_by="emb.symmetric-eigendecomposition",
    aliases=("co-occurrence factorisation",),
    tags=("word embeddings", "eigendecomposition", "garbled"),
)

symmetric_eigendecomposition = Entry(
    id="emb.symmetric-eigendecomposition",
    title="A symmetric C has an eigendecomposition C = VΛVᵀ with V orthogonal and Λ real diagonal",
    expected=CONFIRMED,
    experiment=experiments.symmetric_eigendecomposition,
    reason="an existence claim (the spectral theorem): witnesses computed by eigh on co-occurrence matrices reconstruct "
           "C with orthogonal V to round-off",
    notes="So Cᵢⱼ = oᵢᵀVΛVᵀoⱼ = ∑ᵣ λᵣVᵢᵣVⱼᵣ.",
    aliases=("spectral theorem", "eigendecomposition", "symmetric eigenvalue decomposition"),
    tags=("linear algebra", "eigendecomposition", "word embeddings"),
    references=("Horn & Johnson, Matrix Analysis, Thm. 4.1.5",),
)

low_rank_factor_as_printed = Entry(
    id="emb.low-rank-factor-as-printed",
    title="VₖAₖVₖᵀ = VₖAₖᵀAₖVₖᵀ as printed",
    expected=REFUTED,
    symbols={"V": "matrix m k", "A": "matrix k k diagonal"},
    statement=lambda V, A: Eq(V * A * V.T, V * A.T * A * V.T),
    reason="with the same Aₖ on both sides the equality needs Aₖ = AₖᵀAₖ = Aₖ², eigenvalues in {0, 1}; the oᵢ, oⱼ "
           "around both sides change nothing (oᵢᵀMoⱼ = oᵢᵀNoⱼ for all i, j iff M = N)",
    seed=seed(632, 632, r"$$\approx \mathbf{o}_i \mathbf{V}_k \mathbf{A}_k \mathbf{V}_k^T \mathbf{o}_j = \mathbf{o}_i \mathbf{V}_k \mathbf{A}_k^T \mathbf{A}_k \mathbf{V}_k^T \mathbf{o}_j$$"),
    corrected_by="emb.low-rank-factor-embedding",
    notes="The first '≈' (rank-k truncation) is emb.svd-embedding.  The intended factorisation splits "
          "Λₖ = √Λₖ √Λₖ (Λₖ ⪰ 0), giving the embeddings X = Vₖ√Λₖ.",
    aliases=("low-rank factorisation", "square root factorisation"),
    tags=("word embeddings", "low rank", "erratum"),
)

low_rank_factor_embedding = Entry(
    id="emb.low-rank-factor-embedding",
    title="VₖB²Vₖᵀ = (VₖB)(VₖB)ᵀ for diagonal B = √Λₖ: Cₖ = XXᵀ",
    expected=PROVED,
    symbols={"V": "matrix m k", "B": "matrix k k diagonal"},
    statement=lambda V, B: Eq(V * B**2 * V.T, (V * B) * (V * B).T),
    notes="For positive semidefinite C (or after keeping non-negative eigenvalues) the rows of X = Vₖ√Λₖ are "
          "embeddings with x(v)ᵀx(w) = Cₖ(v, w).",
    aliases=("embedding as square root", "X X^T factorisation", "Gram factorisation"),
    tags=("word embeddings", "low rank"),
    see_also=("emb.svd-embedding",),
)

svd_embedding = Entry(
    id="emb.svd-embedding",
    title="The rank-k truncation C ≈ VₖΛₖVₖᵀ (the k largest |eigenvalues|) is the best rank-k approximation",
    expected=CONFIRMED,
    experiment=experiments.svd_embedding,
    reason="an optimality claim over all rank-k matrices (Eckart-Young): the truncation's Frobenius error against the "
           "optimum from the singular values, and against random rank-k rivals and perturbations, on co-occurrence "
           "matrices",
    seed=seed(634, 634, r"$$\approx \mathbf{o}_i \mathbf{V}_k \mathbf{A}_k \mathbf{V}_k^T \mathbf{o}_j$$"),
    notes="Read with oᵢᵀ on the left and Aₖ = Λₖ.  For an indefinite C the k eigenvalues of largest magnitude must be "
          "kept, and the embedding is X = Vₖ√|Λₖ| with Cₖ = X sign(Λₖ) Xᵀ.",
    aliases=("SVD embedding", "truncated eigendecomposition", "Eckart-Young", "LSA", "spectral embedding"),
    tags=("word embeddings", "low rank", "eigendecomposition"),
    references=(_ECKART, _LEVY),
    see_also=("emb.low-rank-factor-embedding", "emb.cooccurrence-eigen-embedding"),
)
