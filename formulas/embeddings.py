"""14 Word embeddings: lookup tables, co-occurrence, low-rank factorisation, skip-gram.

Main statements
    * ``embedding_map``, ``lookup_table``, ``sentence_matrix`` -- words to vectors: x_w = E^T o_w, a sentence of
      k words is a d x k matrix.
    * ``mutual_information_zero_if_independent`` -- exact on product tables.
    * ``cooccurrence_symmetric`` -- C = C^T for the symmetric window C_R, confirmed with ``numerics.embeddings``.
    * ``cooccurrence_entry_one_hot_as_printed`` -- "C_ij = one-hot(w_i) C one-hot(w_j)" is a shape error (refuted);
      with a transpose it is right (``one_hot_sandwich_entry``).
    * ``low_rank_factor_as_printed`` -- "V_k A_k V_k^T = V_k A_k^T A_k V_k^T" refuted (it forces A_k = A_k^2);
      the factorisation is C_k = V_k Lambda_k V_k^T = X X^T with X = V_k Lambda_k^{1/2} (``low_rank_factor_embedding``).
    * ``svd_embedding`` -- rank-k truncation of the eigendecomposition, best in Frobenius norm (Eckart-Young).
    * ``skipgram_softmax_objective`` -- the printed objective is the sum of log-softmax probabilities over C_R.

Notation: vocabulary V with m = |V| words, embedding dimension d, lookup table E in R^{m x d} (row w is x_w^T),
o_w in {0,1}^m the one-hot column vector of w, token sequence w_1..w_T, window R.
Pointwise mutual information itself (seed line 602) is in the information-theory chapter.

References: Mikolov, Sutskever, Chen, Corrado & Dean (2013) *Distributed representations of words and phrases and
their compositionality*, NeurIPS; Levy & Goldberg (2014) *Neural word embedding as implicit matrix factorization*,
NeurIPS; Eckart & Young (1936) *The approximation of one matrix by another of lower rank*, Psychometrika 1;
Church & Hanks (1990) *Word association norms, mutual information, and lexicography*.

Tags: word embeddings, co-occurrence, skip-gram, word2vec, PMI, low rank.
"""

from __future__ import annotations

import sympy as sp
import torch

from ._authoring import CONFIRMED, NOT_CHECKABLE, PROVED, REFUTED, Chapter, Entry, Eq, Outcome, seed

CHAPTER = Chapter("emb", 14, "Word embeddings")

_REF_MIKOLOV = "Mikolov, Sutskever, Chen, Corrado & Dean (2013), Distributed representations of words and phrases " \
               "and their compositionality, NeurIPS"
_REF_LEVY = "Levy & Goldberg (2014), Neural word embedding as implicit matrix factorization, NeurIPS"
_REF_ECKART = "Eckart & Young (1936), The approximation of one matrix by another of lower rank, Psychometrika 1"
_REF_COVER = "Cover & Thomas (2006), Elements of Information Theory, Thm. 2.6.5"


def _corpus(g: torch.Generator, T: int, m: int) -> torch.Tensor:
    """A random token sequence with a Zipf-like unigram distribution: (T,) integers in [0, m)."""
    p = 1.0 / torch.arange(1, m + 1, dtype=torch.float64)
    return torch.multinomial(p / p.sum(), T, replacement=True, generator=g)


# =============================================================================================
# Embedding maps and lookup tables
# =============================================================================================
embedding_map = Entry(
    id="emb.embedding-map",
    title="Embedding map V -> R^d, w -> x_w, via the one-hot vector of w",
    expected=NOT_CHECKABLE,
    definition=True,
    reason="a word w in V is encoded as o_w in {0,1}^|V| and mapped to x_w in R^d",
    seed=seed(566, 572, r"""**Basic Idea:** Map symbols over a vocabulary  $V$  to a vector representation = embedding into an (euclidean) vector space (see lookup table in architecture overview).

embedding map: (vocabulary)  $V \mapsto \mathbb{R}^d$  (embeddings)

(symbolic)  $w \mapsto \mathbf{x}_w$  (quantitative)

word  $w \in V \rightarrow$  one-hot  $w \in \{0,1\}^{|V|} \rightarrow$  embedding  $\mathbf{x}_w$ ."""),
    notes="'V -> R^d' is the map (the print has the maps-to arrow); 'one-hot w' is o_w, the w-th unit vector.",
    aliases=("word embedding", "embedding", "word vector", "one-hot encoding"),
    tags=("word embeddings", "definition"),
    see_also=("emb.lookup-equals-one-hot-product",),
)

vocabulary_size_notation = Entry(
    id="emb.vocabulary-size-notation",
    title="m := |V| (typically 10^5), embedding dimension d << m",
    expected=NOT_CHECKABLE,
    definition=True,
    reason="notation; '|V| = 10^5' is a typical order of magnitude, not a claim",
    seed=seed(574, 576, r"""$m := |V|$ , usually  $|V| = 10^5$

$d$  = dimensionality of embedding,  $d \ll m$"""),
    aliases=("vocabulary size", "embedding dimension"),
    tags=("word embeddings", "notation"),
)

lookup_table = Entry(
    id="emb.lookup-table",
    title="Shared lookup table E in R^{m x d}: row w holds the embedding x_w",
    expected=NOT_CHECKABLE,
    definition=True,
    reason="the embeddings of all m words stacked as the rows of one m x d matrix, shared across positions",
    seed=seed(578, 580, r"""So for each of the  $m$  words in  $V$  we have a corresponding embedding in  $\mathbb{R}^d$ , which can be stored in a shared lookup table:

$\mathcal{R}^{m \times d}$  shared lookup table"""),
    notes="'\\mathcal{R}^{m x d}' is a typo for R^{m x d}.",
    aliases=("lookup table", "embedding matrix", "embedding layer", "nn.Embedding"),
    tags=("word embeddings",),
    see_also=("emb.lookup-equals-one-hot-product",),
)


def _lookup_experiment():
    g = torch.Generator().manual_seed(30)
    for m, d in ((5, 3), (50, 8), (1000, 16)):
        E = torch.randn(m, d, generator=g, dtype=torch.float64)  # (m, d) lookup table
        w = torch.randint(0, m, (20,), generator=g)
        O = torch.nn.functional.one_hot(w, m).to(torch.float64)  # (20, m): one-hot rows o_w^T
        if not (torch.equal(O @ E, E[w]) and torch.equal(E[w], torch.nn.functional.embedding(w, E))):
            return Outcome(False, f"one-hot product differs from the lookup at m={m}, d={d}", {"m": m, "d": d})
    return Outcome(True, "o_w^T E equals row w of E and torch.nn.functional.embedding, exactly, for m up to 1000")


lookup_equals_one_hot_product = Entry(
    id="emb.lookup-equals-one-hot-product",
    title="Looking up x_w is multiplying the one-hot vector by the table: x_w = E^T o_w",
    expected=CONFIRMED,
    experiment=_lookup_experiment,
    reason="one-hot products against indexing and torch's embedding lookup",
    notes="An embedding layer is a linear layer on one-hot inputs, computed by indexing instead of a product.",
    aliases=("embedding lookup", "one-hot times embedding matrix"),
    tags=("word embeddings",),
)


def _sentence_experiment():
    g = torch.Generator().manual_seed(31)
    m, d = 30, 6
    E = torch.randn(m, d, generator=g, dtype=torch.float64)
    for k in (1, 4, 17):
        w = torch.randint(0, m, (k,), generator=g)
        S = E[w].mT  # (d, k): column j is x_{w_j}
        if S.shape != (d, k) or any(not torch.equal(S[:, j], E[w[j]]) for j in range(k)):
            return Outcome(False, f"sentence of {k} words gives shape {tuple(S.shape)}", {"k": k})
    return Outcome(True, "sentences of k = 1, 4, 17 words give d x k matrices whose column j is x_{w_j}")


sentence_matrix = Entry(
    id="emb.sentence-matrix",
    title="A sentence of k words is a d x k matrix of embedding vectors",
    expected=CONFIRMED,
    experiment=_sentence_experiment,
    reason="stacking lookups of k tokens",
    seed=seed(582, 582, r"Any sentence of  $k$  words can then be represented as a  $d \times k$  matrix (a sequence of  $k$  embedding vectors in  $\mathbb{R}^d$ )."),
    notes="Libraries usually store the transpose, k x d (one row per token).",
    aliases=("sentence representation", "sequence of embeddings"),
    tags=("word embeddings", "shapes"),
)


# =============================================================================================
# Mutual information and bilinear models
# =============================================================================================
def _mi_experiment():
    from numerics.information import mutual_information

    g = torch.Generator().manual_seed(32)

    def rational_probs(n):
        c = [int(v) + 1 for v in torch.randint(0, 9, (n,), generator=g)]
        return [sp.Rational(v, sum(c)) for v in c]

    for a in range(2, 5):
        for b in range(2, 5):
            p, q = rational_probs(a), rational_probs(b)
            J = [[pi * qj for qj in q] for pi in p]  # product table P(x, y) = P(x) P(y)
            r = [sum(row) for row in J]  # marginals, recomputed from the table
            c = [sum(J[i][j] for i in range(a)) for j in range(b)]
            mi = sp.Add(*[J[i][j] * sp.log(J[i][j] / (r[i] * c[j])) for i in range(a) for j in range(b)])
            if mi != 0:
                return Outcome(False, f"product table {a}x{b}: I = {mi}", {"p": [str(x) for x in p],
                                                                          "q": [str(x) for x in q], "exact": True})
            num = float(mutual_information(torch.tensor([[float(x) for x in row] for row in J], dtype=torch.float64)))
            if abs(num) > 1e-12:
                return Outcome(False, f"numerics.information.mutual_information = {num} on a product table", None)
    dependent = sp.Add(*[sp.Rational(1, 2) * sp.log(sp.Rational(1, 2) / sp.Rational(1, 4))] * 2)  # J = diag(1/2, 1/2)
    if sp.simplify(dependent - sp.log(2)) != 0:
        return Outcome(False, "I(diag(1/2, 1/2)) is not log 2", None)
    return Outcome(True, "exact: I(X;Y) = sum P log P/(P_X P_Y) is 0 on 9 random rational product tables (every log "
                         "is log 1), numerics agrees to 1e-12; a dependent table (diag(1/2, 1/2)) gives log 2 > 0")


mutual_information_zero_if_independent = Entry(
    id="emb.mutual-information-zero-if-independent",
    title="Independent random variables have zero mutual information",
    expected=CONFIRMED,
    experiment=_mi_experiment,
    reason="exact evaluation on product tables with rational entries, plus numerics.information",
    seed=seed(596, 596, r"The first thing that we could do is to use an information theoretic quantity: the so-called mutual information. The mutual information is described in information theory as *how much information one random variable has about another random variable*. If two variables are independent, then, the mutual information will be zero."),
    notes="In general I(X;Y) = KL(P_XY || P_X P_Y) >= 0 with equality iff X and Y are independent.",
    aliases=("mutual information independence", "MI zero", "I(X;Y)=0"),
    tags=("information theory", "mutual information", "independence"),
    references=(_REF_COVER,),
)

inner_product_bilinear = Entry(
    id="emb.inner-product-bilinear",
    title="The embedding score x_v^T x_w is bilinear in (x_v, x_w)",
    expected=PROVED,
    symbols={"x": "vector d", "y": "vector d", "u": "vector d", "v": "vector d",
             "a": "scalar", "b": "scalar", "c": "scalar", "e": "scalar"},
    statement=lambda x, y, u, v, a, b, c, e: Eq((a * x + b * y).T * (c * u + e * v),
                                                a * c * (x.T * u) + a * e * (x.T * v) + b * c * (y.T * u) + b * e * (y.T * v)),
    seed=seed(604, 604, r"**Com.** As you can see this metric is bi-linear."),
    notes="Read as a statement about the model pmi(v, w) ~ x_v^T x_w + const: the inner product is linear in each "
          "embedding. PMI itself is a number per word pair, neither bilinear nor a metric.",
    aliases=("bilinear model", "bilinear form", "inner product linearity"),
    tags=("word embeddings", "bilinear", "PMI"),
)

pointwise_mutual_information = Entry(
    id="emb.pointwise-mutual-information",
    title="PMI of two words from co-occurrence counts: log P(v, w) / (P(v) P(w))",
    expected=NOT_CHECKABLE,
    definition=True,
    reason="P(v, w) = C_vw / sum C, P(v) = sum_w P(v, w); pmi = -inf for pairs that never co-occur",
    notes="The seed's PMI line (602) is catalogued in the information-theory chapter; this entry is the estimate from "
          "a co-occurrence matrix. Its expectation under P(v, w) is the mutual information.",
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
    reason="clips the -inf of unseen pairs (and all negative associations) to 0, giving a sparse non-negative matrix",
    aliases=("PPMI", "positive pointwise mutual information"),
    tags=("word embeddings", "PMI"),
    references=(_REF_LEVY,),
    see_also=("emb.pointwise-mutual-information",),
)


# =============================================================================================
# Skip-grams and co-occurrence
# =============================================================================================
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
    references=(_REF_MIKOLOV,),
)

cooccurrence_index_set = Entry(
    id="emb.cooccurrence-index-set",
    title="Co-occurrence index set C_R = {(i, j) : 1 <= |i - j| <= R}",
    expected=NOT_CHECKABLE,
    definition=True,
    reason="position pairs of a sequence w_1..w_T (1 <= i, j <= T) at distance 1..R",
    seed=seed(614, 618, r"""### D. (Co-Occurrence Set)

Here we look at the pairwise occurrences of words in a context window of size  $R$ . So, if we have a long sequence of words  $w = (w_1, \dots, w_T)$ , then the co-occurrence index set is defined as

$$C_R := \{(i, j) \mid 1 \leq |i - j| \leq R\}.$$"""),
    notes="The bound 1 <= i, j <= T is implicit in the print.",
    aliases=("co-occurrence set", "context pairs", "window pairs"),
    tags=("word embeddings", "co-occurrence", "skip-gram"),
    see_also=("emb.cooccurrence-index-set-size",),
)


def _index_set_experiment():
    from numerics.embeddings import skipgram_pairs

    for T in range(1, 12):
        for R in range(1, 6):
            brute = {(i, j) for i in range(T) for j in range(T) if 1 <= abs(i - j) <= R}
            formula = 2 * sum(T - r for r in range(1, min(R, T - 1) + 1))
            centres, contexts = skipgram_pairs(torch.arange(T), R)  # positions as tokens
            pairs = list(zip(centres.tolist(), contexts.tolist(), strict=True))
            if len(brute) != formula or len(pairs) != formula or set(pairs) != brute:
                return Outcome(False, f"T={T}, R={R}: |brute| = {len(brute)}, formula {formula}, numerics {len(pairs)}",
                               {"T": T, "R": R})
    return Outcome(True, "T <= 11, R <= 5: |C_R| = 2 sum_{r<=min(R,T-1)} (T - r) by brute force, and "
                         "numerics.embeddings.skipgram_pairs lists exactly C_R")


cooccurrence_index_set_size = Entry(
    id="emb.cooccurrence-index-set-size",
    title="|C_R| = 2 sum_{r=1}^{min(R, T-1)} (T - r) = 2RT - R(R+1) for R < T",
    expected=CONFIRMED,
    experiment=_index_set_experiment,
    reason="brute-force enumeration against the formula and numerics' skip-gram pairs",
    aliases=("number of skip-gram pairs", "context pair count"),
    tags=("word embeddings", "co-occurrence", "combinatorics"),
)

cooccurrence_matrix = Entry(
    id="emb.cooccurrence-matrix",
    title="Co-occurrence matrix C in R^{|V| x |V|}: C_uv = #{(i, j) in C_R : w_i = u, w_j = v}",
    expected=NOT_CHECKABLE,
    definition=True,
    reason="counts of word pairs at distance 1..R",
    seed=seed(620, 624, r"""### D. (Co-Occurrence Matrix)

Note that in order to get an (empirical) idea of the co-occurrence frequencies one could compute the co-occurrence matrix

$$\mathbf{C} \in \mathbb{R}^{|V| \times |V|}, \quad \text{where } C_{ij} = \#\text{of co-occurrences of } w_i \text{ and } w_j \text{ within window size } R.$$"""),
    notes="Here i, j index vocabulary words, while in C_R they index positions in the text.",
    aliases=("co-occurrence matrix", "word-context matrix", "count matrix"),
    tags=("word embeddings", "co-occurrence"),
)


def _symmetric_experiment():
    from numerics.embeddings import cooccurrence_matrix as cooc

    g = torch.Generator().manual_seed(33)
    for T, m, R in ((1, 3, 1), (2, 3, 2), (50, 7, 1), (200, 20, 3), (500, 40, 5)):
        w = _corpus(g, T, m)
        C = cooc(w, m, R)
        brute = torch.zeros(m, m, dtype=torch.float64)
        for i in range(T):
            for j in range(T):
                if 1 <= abs(i - j) <= R:
                    brute[w[i], w[j]] += 1
        if not torch.equal(C, brute):
            return Outcome(False, f"T={T}: numerics' counts differ from brute force", {"T": T, "R": R})
        if not torch.equal(C, C.mT):
            return Outcome(False, f"T={T}, R={R}: C is not symmetric", {"tokens": w.tolist(), "R": R})
    # the symmetry comes from the window: a right-only window (0 < j - i <= R) gives an asymmetric matrix
    w = torch.tensor([0, 1, 2])
    right = torch.zeros(3, 3)
    for i in range(3):
        for j in range(i + 1, min(3, i + 2)):
            right[w[i], w[j]] += 1
    if torch.equal(right, right.mT):
        return Outcome(False, "a one-sided window also gave a symmetric matrix: the check would not see asymmetry", None)
    return Outcome(True, "numerics.embeddings.cooccurrence_matrix equals brute-force counts over C_R and is exactly "
                         "symmetric on 5 random Zipf corpora (T up to 500, R up to 5); a one-sided window is not")


cooccurrence_symmetric = Entry(
    id="emb.cooccurrence-symmetric",
    title="The co-occurrence matrix of a symmetric window is symmetric: C = C^T",
    expected=CONFIRMED,
    experiment=_symmetric_experiment,
    reason="exact counts from numerics.embeddings against brute force; symmetry checked entry by entry",
    seed=seed(626, 626, r"Properties:  $\mathbf{C} = \mathbf{C}^T$  (symmetric), peaky, sparse."),
    notes="(i, j) in C_R iff (j, i) in C_R, so every pair is counted in both orders.",
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
    tags=("word embeddings", "co-occurrence"),
)


# =============================================================================================
# Eigen / low-rank factorisation
# =============================================================================================
cooccurrence_eigen_embedding = Entry(
    id="emb.cooccurrence-eigen-embedding",
    title="Embeddings from the k leading eigenvectors of C",
    expected=NOT_CHECKABLE,
    definition=True,
    reason="a recipe (eigendecomposition of the symmetric C, keep k eigenvectors), not a claim",
    seed=seed(628, 628, r"One approach for embeddings: do PCA of  $\mathbf{C}$  and use  $k$  eigenvectors corresponding to largest eigenvalues of  $\mathbf{C}$ . Note that we have"),
    notes="C is symmetric but usually indefinite, so the best rank-k approximation keeps the k eigenvalues of largest "
          "MAGNITUDE (emb.svd-embedding). 'PCA of C' means the eigendecomposition of C itself, not of a covariance.",
    aliases=("spectral embedding", "eigenvector embedding", "PCA of co-occurrence", "LSA"),
    tags=("word embeddings", "eigendecomposition", "low rank"),
    see_also=("emb.svd-embedding",),
)

cooccurrence_entry_one_hot_as_printed = Entry(
    id="emb.cooccurrence-entry-one-hot-as-printed",
    title="C_ij = one-hot(w_i) C one-hot(w_j) as printed",
    expected=REFUTED,
    symbols={"C": "matrix m m symmetric", "o": "vector m", "p": "vector m"},
    statement=lambda C, o, p: Eq(o.T * C * p, o * C * p),
    reason="the left side is C_ij = o_i^T C o_j for one-hot o = o_i, p = o_j; the printed product of two one-hot "
           "column vectors around C is (m x 1)(m x m)(m x 1), undefined (and with row vectors (1 x m)(m x m)(1 x m) "
           "fails at the second product): one of the two needs a transpose",
    seed=seed(630, 630, r"$$C_{ij} = \text{one-hot}(w_i) \mathbf{C} \text{ one-hot}(w_j) = \mathbf{o}_i \mathbf{V} \mathbf{A}^T \mathbf{o}_j$$"),
    corrected_by="emb.one-hot-sandwich-entry",
    aliases=("one-hot sandwich", "matrix entry via unit vectors"),
    tags=("word embeddings", "shapes", "errata"),
)


def _sandwich_experiment():
    g = torch.Generator().manual_seed(34)
    for m in (1, 2, 5):
        C = sp.Matrix(m, m, lambda i, j: int(torch.randint(0, 9, (1,), generator=g)))
        C = C + C.T
        for i in range(m):
            for j in range(m):
                oi, oj = sp.eye(m)[:, i], sp.eye(m)[:, j]
                if (oi.T * C * oj)[0, 0] != C[i, j]:
                    return Outcome(False, f"o_{i}^T C o_{j} != C_{i}{j}", {"C": str(C.tolist()), "exact": True})
    return Outcome(True, "exact: o_i^T C o_j = C_ij for every entry of random integer symmetric C, m = 1, 2, 5")


one_hot_sandwich_entry = Entry(
    id="emb.one-hot-sandwich-entry",
    title="C_ij = o_i^T C o_j for one-hot (unit) vectors o_i, o_j",
    expected=CONFIRMED,
    experiment=_sandwich_experiment,
    reason="exact SymPy evaluation for every entry of random integer matrices",
    notes="C o_j picks column j, o_i^T then picks its i-th entry.",
    aliases=("unit vector sandwich", "one-hot entry extraction"),
    tags=("word embeddings", "linear algebra"),
)

cooccurrence_factorisation_as_printed = Entry(
    id="emb.cooccurrence-factorisation-as-printed",
    title="C_ij = o_i V A^T o_j as printed",
    expected=NOT_CHECKABLE,
    reason="garbled: V and A are never defined and 'V A^T' is missing a factor; the intended identity is the "
           "eigendecomposition of the symmetric C, C = V Lambda V^T, so C_ij = o_i^T V Lambda V^T o_j "
           "(or an SVD C = V Sigma A^T)",
    seed=seed(630, 630, r"$$C_{ij} = \text{one-hot}(w_i) \mathbf{C} \text{ one-hot}(w_j) = \mathbf{o}_i \mathbf{V} \mathbf{A}^T \mathbf{o}_j$$"),
    corrected_by="emb.symmetric-eigendecomposition",
    aliases=("co-occurrence factorisation",),
    tags=("word embeddings", "eigendecomposition", "errata"),
)


def _eigh_experiment():
    from numerics.embeddings import cooccurrence_matrix as cooc

    g = torch.Generator().manual_seed(35)
    for T, m, R in ((100, 8, 2), (400, 30, 3), (300, 50, 5)):
        C = cooc(_corpus(g, T, m), m, R)  # (m, m)
        lam, V = torch.linalg.eigh(C)
        err = float((V @ torch.diag(lam) @ V.mT - C).abs().max())
        orth = float((V.mT @ V - torch.eye(m, dtype=C.dtype)).abs().max())
        if err > 1e-9 * (1 + float(C.abs().max())) or orth > 1e-10:
            return Outcome(False, f"T={T}, m={m}: reconstruction error {err:.2g}, V^T V - I {orth:.2g}", {"m": m})
    return Outcome(True, "co-occurrence matrices from numerics.embeddings: eigh gives orthogonal V and real Lambda with "
                         "V Lambda V^T = C to round-off")


symmetric_eigendecomposition = Entry(
    id="emb.symmetric-eigendecomposition",
    title="A symmetric C has an eigendecomposition C = V Lambda V^T with V orthogonal and Lambda real diagonal",
    expected=CONFIRMED,
    experiment=_eigh_experiment,
    reason="the spectral theorem, checked numerically on co-occurrence matrices",
    notes="So C_ij = o_i^T V Lambda V^T o_j = sum_r lambda_r V_ir V_jr.",
    aliases=("spectral theorem", "eigendecomposition", "symmetric eigenvalue decomposition"),
    tags=("linear algebra", "eigendecomposition", "word embeddings"),
    references=("Horn & Johnson, Matrix Analysis, Thm. 4.1.5",),
)

low_rank_factor_as_printed = Entry(
    id="emb.low-rank-factor-as-printed",
    title="V_k A_k V_k^T = V_k A_k^T A_k V_k^T as printed",
    expected=REFUTED,
    symbols={"V": "matrix m k", "A": "matrix k k diagonal"},
    statement=lambda V, A: Eq(V * A * V.T, V * A.T * A * V.T),
    reason="with the same A_k on both sides the equality needs A_k = A_k^T A_k = A_k^2, i.e. eigenvalues in {0, 1}; "
           "the o_i, o_j around both sides change nothing (o_i^T M o_j = o_i^T N o_j for all i, j iff M = N)",
    seed=seed(632, 632, r"$$\approx \mathbf{o}_i \mathbf{V}_k \mathbf{A}_k \mathbf{V}_k^T \mathbf{o}_j = \mathbf{o}_i \mathbf{V}_k \mathbf{A}_k^T \mathbf{A}_k \mathbf{V}_k^T \mathbf{o}_j$$"),
    corrected_by="emb.low-rank-factor-embedding",
    notes="The first '~' (rank-k truncation) is emb.svd-embedding. The intended factorisation splits Lambda_k = "
          "Lambda_k^{1/2} Lambda_k^{1/2} (Lambda_k >= 0), giving embeddings X = V_k Lambda_k^{1/2}.",
    aliases=("low-rank factorisation", "square root factorisation"),
    tags=("word embeddings", "low rank", "errata"),
)

low_rank_factor_embedding = Entry(
    id="emb.low-rank-factor-embedding",
    title="V_k B^2 V_k^T = (V_k B)(V_k B)^T for diagonal B = Lambda_k^{1/2}: C_k = X X^T",
    expected=PROVED,
    symbols={"V": "matrix m k", "B": "matrix k k diagonal"},
    statement=lambda V, B: Eq(V * B**2 * V.T, (V * B) * (V * B).T),
    notes="For PSD C (or after keeping non-negative eigenvalues) the rows of X = V_k Lambda_k^{1/2} are embeddings "
          "with x_v^T x_w = (C_k)_vw.",
    aliases=("embedding as square root", "X X^T factorisation", "Gram factorisation"),
    tags=("word embeddings", "low rank"),
    see_also=("emb.svd-embedding",),
)


def _truncation_experiment():
    from numerics.embeddings import cooccurrence_matrix as cooc
    from numerics.embeddings import svd_embeddings

    g = torch.Generator().manual_seed(36)
    for T, m, R in ((300, 12, 2), (600, 40, 4)):
        C = cooc(_corpus(g, T, m), m, R)  # (m, m)
        lam = torch.linalg.eigvalsh(C)
        s = torch.linalg.svdvals(C)  # singular values = |eigenvalues|, descending
        prev = float("inf")
        for k in (1, 2, 4, 8):
            X, signs = svd_embeddings(C, k)  # (m, k), (k,)
            Ck = X @ torch.diag(signs) @ X.mT  # V_k Lambda_k V_k^T
            err = float(torch.linalg.matrix_norm(C - Ck))
            best = float(s[k:].square().sum().sqrt())  # Eckart-Young optimum
            if abs(err - best) > 1e-8 * (1 + best) or err > prev + 1e-12:
                return Outcome(False, f"T={T}, k={k}: error {err:.6g}, Eckart-Young optimum {best:.6g}",
                               {"k": k, "error": err, "optimum": best})
            prev = err
        if bool((lam < -1e-9).any()):
            # with negative eigenvalues, 'largest eigenvalues' (signed) can be worse than largest |lambda|
            k = 2
            top_signed = torch.linalg.eigh(C)[1][:, -k:]
            Cs = top_signed @ torch.diag(lam[-k:]) @ top_signed.mT
            signed_err = float(torch.linalg.matrix_norm(C - Cs))
            if signed_err < float(s[k:].square().sum().sqrt()) - 1e-9:
                return Outcome(False, "signed top-k beats the Eckart-Young optimum", None)
    return Outcome(True, "rank-k truncation V_k Lambda_k V_k^T (largest |lambda|, numerics.embeddings.svd_embeddings) "
                         "of co-occurrence matrices attains the Eckart-Young error sqrt(sum_{r>k} sigma_r^2) for "
                         "k = 1, 2, 4, 8, decreasing in k")


svd_embedding = Entry(
    id="emb.svd-embedding",
    title="Rank-k truncation C ~ V_k Lambda_k V_k^T (k largest |eigenvalues|) is the best rank-k approximation",
    expected=CONFIRMED,
    experiment=_truncation_experiment,
    reason="Frobenius error of the truncation (numerics.embeddings.svd_embeddings) against the Eckart-Young optimum "
           "from the singular values",
    seed=seed(634, 634, r"$$\approx \mathbf{o}_i \mathbf{V}_k \mathbf{A}_k \mathbf{V}_k^T \mathbf{o}_j$$"),
    notes="Read with o_i^T on the left and A_k = Lambda_k. For an indefinite C the k eigenvalues of largest magnitude "
          "must be kept, and the embedding is X = V_k |Lambda_k|^{1/2} with C_k = X sign(Lambda_k) X^T.",
    aliases=("SVD embedding", "truncated eigendecomposition", "Eckart-Young", "LSA", "spectral embedding"),
    tags=("word embeddings", "low rank", "eigendecomposition"),
    references=(_REF_ECKART, _REF_LEVY),
    see_also=("emb.low-rank-factor-embedding", "emb.cooccurrence-eigen-embedding"),
)


# =============================================================================================
# Skip-gram objective
# =============================================================================================
def _skipgram_experiment():
    from numerics.embeddings import SkipGram, skipgram_pairs
    from numerics.layers import log_softmax

    g = torch.Generator().manual_seed(37)
    for T, m, d, R in ((20, 6, 3, 1), (60, 15, 4, 3)):
        w = _corpus(g, T, m)
        with torch.random.fork_rng():
            torch.manual_seed(38)
            model = SkipGram(m, d, dtype=torch.float64)
        X, Z = model.x.detach(), model.z.detach()  # (m, d) input and output embeddings
        printed = 0.0  # sum_{(i,j) in C_R} x_{w_i}^T z_{w_j} - log sum_u exp(x_{w_i}^T z_u), term by term
        for i in range(T):
            for j in range(T):
                if 1 <= abs(i - j) <= R:
                    s = X[w[i]] @ Z[w[j]]
                    partition = torch.exp(X[w[i]] @ Z.mT).sum()  # sum over the vocabulary
                    printed += float(s - torch.log(partition))
        centres, contexts = skipgram_pairs(w, R)
        via_log_softmax = float(log_softmax(X[centres] @ Z.mT).gather(1, contexts[:, None]).sum())
        with torch.no_grad():
            via_numerics = -float(model.softmax_loss(centres, contexts)) * centres.numel()
        if abs(printed - via_log_softmax) > 1e-9 * abs(printed) or abs(printed - via_numerics) > 1e-9 * abs(printed):
            return Outcome(False, f"T={T}: printed {printed:.12g}, log-softmax {via_log_softmax:.12g}, "
                                  f"numerics {via_numerics:.12g}", {"T": T, "R": R})
    return Outcome(True, "the printed objective, summed pair by pair with its partition function, equals "
                         "sum log softmax(x_{w_i}^T Z)_{w_j} (numerics.layers.log_softmax) and -|C_R| times "
                         "numerics' SkipGram.softmax_loss")


skipgram_softmax_objective = Entry(
    id="emb.skipgram-softmax-objective",
    title="Skip-gram objective: sum over C_R of x_{w_i}^T z_{w_j} - log sum_u exp(x_{w_i}^T z_u) = sum log p(w_j | w_i)",
    expected=CONFIRMED,
    experiment=_skipgram_experiment,
    reason="the printed sum evaluated term by term against log-softmax and numerics' skip-gram loss",
    seed=seed(552, 552, r"$$= \arg \max_{\theta} \sum_{(i,j) \in C_R} \mathbf{x}_i^T \mathbf{z}_{w_j} - \log \left( \sum_{u \in V} \underbrace{\exp(\mathbf{x}_i^T \mathbf{z}_u)}_{\text{partition function}} \right)$$"),
    notes="p(v | w) = exp(x_w^T z_v) / sum_u exp(x_w^T z_u); 'x_i' means x_{w_i}; the partition function is the whole "
          "sum over u (the brace marks one term); the leading '=' refers to a lost line. The line sits among the "
          "dropout passage (lines 550-556). Each step costs O(|V|) for the partition function, hence negative "
          "sampling (emb.skipgram-negative-sampling).",
    aliases=("skip-gram", "word2vec", "softmax objective", "partition function", "log-likelihood of context"),
    tags=("word embeddings", "skip-gram", "softmax", "likelihood"),
    references=(_REF_MIKOLOV, _REF_LEVY),
    see_also=("emb.skipgram-negative-sampling", "emb.cooccurrence-index-set"),
)

skipgram_negative_sampling = Entry(
    id="emb.skipgram-negative-sampling",
    title="Negative sampling: log sigma(x_w^T z_v) + sum_{k<=K} log sigma(-x_w^T z_{u_k}), u_k from P_n",
    expected=NOT_CHECKABLE,
    definition=True,
    reason="replaces the partition function by K noise words drawn from the unigram distribution to the power 3/4",
    notes="Levy & Goldberg (2014): at the optimum x_w^T z_v = pmi(w, v) - log K (shifted PMI).",
    aliases=("negative sampling", "SGNS", "word2vec negative sampling"),
    tags=("word embeddings", "skip-gram"),
    references=(_REF_MIKOLOV, _REF_LEVY),
    see_also=("emb.skipgram-softmax-objective",),
)
