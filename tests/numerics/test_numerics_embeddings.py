"""Co-occurrence counts, PMI, SVD embeddings and skip-gram."""

from __future__ import annotations

import pytest
import torch
import torch.nn.functional as F

from numerics.embeddings import (
    SkipGram,
    cooccurrence_matrix,
    fit_skipgram,
    pmi,
    ppmi,
    skipgram_pairs,
    svd_embeddings,
)
from numerics.testing import assert_close

TOKENS = torch.tensor([0, 1, 2, 1, 0, 3, 3, 1, 2, 0, 1, 4, 2, 2, 0])
V = 5


def _brute_force(tokens: list[int], V: int, R: int) -> torch.Tensor:
    """C_uv = #{(i, j) : 1 <= |i - j| <= R, w_i = u, w_j = v}, straight from the definition."""
    C = torch.zeros(V, V)
    for i, u in enumerate(tokens):
        for j, v in enumerate(tokens):
            if 1 <= abs(i - j) <= R:
                C[u, v] += 1
    return C


@pytest.mark.parametrize("R", [1, 2, 3, 20])
def test_cooccurrence_matches_definition(R):
    C = cooccurrence_matrix(TOKENS, V, R)
    assert_close(C, _brute_force(TOKENS.tolist(), V, R))
    assert_close(C, C.mT)
    centres, contexts = skipgram_pairs(TOKENS, R)
    assert centres.numel() == C.sum()
    assert_close(torch.bincount(centres * V + contexts, minlength=V * V).reshape(V, V).double(), C)


def test_pmi_and_ppmi():
    C = cooccurrence_matrix(TOKENS, V, 2)
    P = C / C.sum()
    M = pmi(C)
    for v in range(V):
        for w in range(V):
            if C[v, w] > 0:
                # pmi = log P(v|w) / P(v)
                assert_close(M[v, w], torch.log((P[v, w] / P[:, w].sum()) / P[v].sum()))
            else:
                assert M[v, w] == -torch.inf
    assert_close(ppmi(C), M.clamp_min(0))
    # E_{P(v,w)}[pmi] is the mutual information of the joint table
    from numerics.information import mutual_information

    assert_close(torch.where(P > 0, P * M, 0.0).sum(), mutual_information(P))


@pytest.mark.parametrize("k", [1, 2, 4])
def test_svd_embeddings_are_the_best_rank_k_approximation(k):
    M = ppmi(cooccurrence_matrix(TOKENS, V, 2))
    X, signs = svd_embeddings(M, k)
    approx = X @ torch.diag(signs) @ X.mT
    lam = torch.linalg.eigvalsh(M)
    discarded = lam.abs().sort(descending=True).values[k:]
    # Eckart-Young: the Frobenius error is the norm of the discarded eigenvalues
    assert_close(torch.linalg.matrix_norm(M - approx), discarded.norm())


def test_softmax_loss_equals_cross_entropy():
    model = SkipGram(V, 3, dtype=torch.float64)
    c, o = skipgram_pairs(TOKENS, 2)
    logits = model.x[c] @ model.z.mT
    assert_close(model.softmax_loss(c, o), F.cross_entropy(logits, o))


def test_negative_sampling_loss_formula():
    model = SkipGram(V, 3, dtype=torch.float64)
    c, o = skipgram_pairs(TOKENS, 1)
    neg = torch.randint(0, V, (c.numel(), 4))
    s_pos = (model.x[c] * model.z[o]).sum(1)
    s_neg = (model.x[c][:, None, :] * model.z[neg]).sum(-1)
    expected = -(torch.log(torch.sigmoid(s_pos)) + torch.log(torch.sigmoid(-s_neg)).sum(1)).mean()
    assert_close(model.negative_sampling_loss(c, o, neg), expected)


def test_full_softmax_training_recovers_the_conditional_distribution():
    """With dim >= |V| the optimum is p(v|w) = C_wv / sum_v C_wv (the empirical conditional)."""
    model, losses = fit_skipgram(
        TOKENS, V, dim=V, R=2, steps=1500, lr=0.05, generator=torch.Generator().manual_seed(0)
    )
    C = cooccurrence_matrix(TOKENS, V, 2)
    target = C / C.sum(1, keepdim=True)
    learned = torch.softmax(model.x @ model.z.mT, dim=1).detach()
    assert losses[-1] < losses[0]
    assert (learned - target).abs().max() < 5e-3


def test_negative_sampling_training_decreases_the_loss():
    _, losses = fit_skipgram(
        TOKENS, V, dim=3, R=2, negatives=3, steps=200, lr=0.05, generator=torch.Generator().manual_seed(0)
    )
    assert sum(losses[-20:]) / 20 < sum(losses[:20]) / 20
