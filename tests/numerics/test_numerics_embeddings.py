"""Co-occurrence counts, PMI, SVD embeddings and skip-gram."""

from __future__ import annotations

import pytest
import torch
import torch.nn.functional as F

from numerics._checks import ShapeError
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


@pytest.mark.parametrize("R", [0, 1, 2, 3, 20])
def test_cooccurrence_matches_definition(R, device):
    tokens = TOKENS.to(device)
    C = cooccurrence_matrix(tokens, V, R)
    assert C.device == tokens.device and C.dtype == torch.float64
    assert_close(C, _brute_force(TOKENS.tolist(), V, R))
    assert_close(C, C.mT)
    centres, contexts = skipgram_pairs(tokens, R)
    assert centres.numel() == C.sum()
    assert_close(torch.bincount(centres * V + contexts, minlength=V * V).reshape(V, V).double(), C)


@pytest.mark.parametrize(
    ("tokens", "error", "message"),
    [
        (
            torch.tensor([0, 1, 5]),
            ValueError,
            r"tokens has token 5 outside the vocabulary 0..4 \(vocab_size=5\)",
        ),
        (torch.tensor([0, -1, 2]), ValueError, "token -1 outside the vocabulary"),
        (torch.tensor([0.0, 1.0]), TypeError, "must be integer token ids, got dtype torch.float64"),
        (torch.tensor([[0, 1], [1, 2]]), ShapeError, r"1-D sequence of token ids, got shape \(2, 2\)"),
    ],
)
def test_tokens_outside_the_vocabulary_are_named(tokens, error, message):
    """Regression: token 5 with V = 5 was counted as the pair (u + 1, 0) through the flat index u V + v."""
    with pytest.raises(error, match=message):
        cooccurrence_matrix(tokens, V, 1)
    with pytest.raises(error, match=message):
        fit_skipgram(tokens, V, dim=2, R=1, steps=1)
    model = SkipGram(V, 2)
    if tokens.dim() == 1 and not tokens.is_floating_point():
        with pytest.raises(ValueError, match="SkipGram.softmax_loss: centres has token"):
            model.softmax_loss(tokens, torch.zeros_like(tokens))
        with pytest.raises(ValueError, match="SkipGram.negative_sampling_loss: negatives has token"):
            model.negative_sampling_loss(tokens * 0, tokens * 0, tokens[:, None].expand(3, 2))
    with pytest.raises(ShapeError, match="one entry per pair"):
        model.softmax_loss(torch.tensor([0, 1]), torch.tensor([0]))
    with pytest.raises(ValueError, match="the window R must be an int >= 0"):
        cooccurrence_matrix(TOKENS, V, -1)


def test_one_default_dtype():
    """Regression: SkipGram defaulted to float32 while the functions around it used float64."""
    assert cooccurrence_matrix(TOKENS, V, 1).dtype == torch.float64
    assert SkipGram(V, 3).x.dtype == torch.float64
    assert fit_skipgram(TOKENS, V, dim=2, R=1, steps=1)[0].z.dtype == torch.float64
    assert pmi(cooccurrence_matrix(TOKENS, V, 1).long()).dtype == torch.float64
    assert SkipGram(V, 3, dtype=torch.float32).x.dtype == torch.float32


def test_pmi_of_a_word_that_never_occurs_is_zero(device):
    """Regression: a vocabulary word absent from the text gave NaN rows where the docstring promised 0."""
    C = cooccurrence_matrix(TOKENS.to(device), V + 2, 2)  # words 5 and 6 never occur
    M, Mp = pmi(C), ppmi(C)
    assert not M.isnan().any() and not Mp.isnan().any()
    for w in (5, 6):
        assert (M[w] == 0).all() and (M[:, w] == 0).all() and (Mp[w] == 0).all() and (Mp[:, w] == 0).all()
    assert_close(M[:V, :V], pmi(C[:V, :V]))  # the others are unchanged
    assert (pmi(torch.zeros(3, 3)) == 0).all()


def test_pmi_and_ppmi(device):
    C = cooccurrence_matrix(TOKENS.to(device), V, 2)
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
def test_svd_embeddings_are_the_best_rank_k_approximation(k, device):
    M = ppmi(cooccurrence_matrix(TOKENS.to(device), V, 2))
    X, signs = svd_embeddings(M, k)
    approx = X @ torch.diag(signs) @ X.mT
    lam = torch.linalg.eigvalsh(M)
    discarded = lam.abs().sort(descending=True).values[k:]
    # Eckart-Young: the Frobenius error is the norm of the discarded eigenvalues
    assert_close(torch.linalg.matrix_norm(M - approx), discarded.norm())


def test_svd_embeddings_refuse_bad_arguments():
    with pytest.raises(ValueError, match="need 1 <= k <= V = 5, got k=6"):
        svd_embeddings(torch.eye(5), 6)
    with pytest.raises(ShapeError, match="square"):
        svd_embeddings(torch.ones(5, 4), 2)


def test_softmax_loss_equals_cross_entropy(device):
    model = SkipGram(V, 3, device=device)
    assert model.x.device == device or device.type == "cuda"
    c, o = skipgram_pairs(TOKENS.to(device), 2)
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


def test_full_softmax_training_recovers_the_conditional_distribution(device):
    """With dim >= |V| the optimum is p(v|w) = C_wv / sum_v C_wv (the empirical conditional)."""
    tokens = TOKENS.to(device)
    model, losses = fit_skipgram(
        tokens, V, dim=V, R=2, steps=1500, lr=0.05, generator=torch.Generator(device).manual_seed(0)
    )
    assert model.x.device == tokens.device
    C = cooccurrence_matrix(tokens, V, 2)
    target = C / C.sum(1, keepdim=True)
    learned = torch.softmax(model.x @ model.z.mT, dim=1).detach()
    assert losses[-1] < losses[0]
    assert (learned - target).abs().max() < 5e-3


def test_negative_sampling_training_decreases_the_loss(device):
    _, losses = fit_skipgram(
        TOKENS.to(device),
        V,
        dim=3,
        R=2,
        negatives=3,
        steps=200,
        lr=0.05,
        generator=torch.Generator(device).manual_seed(0),
    )
    assert sum(losses[-20:]) / 20 < sum(losses[:20]) / 20
