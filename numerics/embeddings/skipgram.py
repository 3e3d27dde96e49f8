r"""Skip-gram word embeddings: full softmax and negative sampling.

Each word has an input vector :math:`\mathbf{x}_w` and an output (context) vector :math:`\mathbf{z}_w`. With the full softmax
the model is :math:`p(v\mid w) = \exp(\mathbf{x}_w^\top\mathbf{z}_v)/\sum_{u\in V}\exp(\mathbf{x}_w^\top\mathbf{z}_u)` and the
log-likelihood over the co-occurrence pairs :math:`\mathcal{C}_R` is

.. math:: \mathcal{L} = \sum_{(i,j)\in\mathcal{C}_R}\Big(\mathbf{x}_{w_i}^\top\mathbf{z}_{w_j} - \log\sum_{u\in V}\exp(\mathbf{x}_{w_i}^\top\mathbf{z}_u)\Big).

Negative sampling replaces the partition function by :math:`K` sampled noise words :math:`u_1..u_K`:

.. math:: \ell(w, v) = \log\sigma(\mathbf{x}_w^\top\mathbf{z}_v) + \sum_{k=1}^{K}\log\sigma(-\mathbf{x}_w^\top\mathbf{z}_{u_k}).

Losses here are the negatives, averaged over pairs. Catalog: ``emb.skipgram-softmax-objective``,
``emb.skipgram-negative-sampling``, ``emb.cooccurrence-index-set``.
"""

from __future__ import annotations

import torch
import torch.nn.functional as F
from torch import nn

from numerics._checks import ShapeError
from numerics._links import implements
from numerics.embeddings._tokens import DEFAULT_DTYPE, check_tokens, check_window

__all__ = ["SkipGram", "fit_skipgram", "skipgram_pairs"]


@implements("emb.cooccurrence-index-set")
def skipgram_pairs(tokens: torch.Tensor, R: int) -> tuple[torch.Tensor, torch.Tensor]:
    r"""All pairs :math:`(w_i, w_j)` with :math:`1\le|i-j|\le R`, as ``(centres, contexts)``, each ``(P,)``.

    Catalog: ``emb.cooccurrence-index-set``.
    """
    check_tokens("skipgram_pairs", "tokens", tokens, None)
    check_window("skipgram_pairs", R)
    centres, contexts = [tokens[:0]], [tokens[:0]]  # R = 0: no pairs
    for r in range(1, R + 1):
        centres += [tokens[:-r], tokens[r:]]
        contexts += [tokens[r:], tokens[:-r]]
    return torch.cat(centres), torch.cat(contexts)


@implements("emb.skipgram-softmax-objective", "emb.skipgram-negative-sampling")
class SkipGram(nn.Module):
    """Input embeddings ``x`` ``(V, d)`` and output embeddings ``z`` ``(V, d)``, float64 by default.

    Word ids outside ``0..V-1`` given to the losses are refused with a message naming them.
    Catalog: ``emb.skipgram-softmax-objective``, ``emb.skipgram-negative-sampling``.
    """

    def __init__(
        self,
        vocab_size: int,
        dim: int,
        dtype: torch.dtype = DEFAULT_DTYPE,
        device: torch.device | str | None = None,
    ) -> None:
        super().__init__()
        self.vocab_size = vocab_size
        self.x = nn.Parameter(torch.randn(vocab_size, dim, dtype=dtype).to(device) / dim**0.5)
        self.z = nn.Parameter(torch.randn(vocab_size, dim, dtype=dtype).to(device) / dim**0.5)

    def _check(self, fn: str, **ids: torch.Tensor) -> None:
        for name, t in ids.items():
            check_tokens(f"SkipGram.{fn}", name, t.reshape(-1), self.vocab_size)
        if len({tuple(t.shape[:1]) for t in ids.values()}) > 1:
            shapes = ", ".join(f"{k} {tuple(v.shape)}" for k, v in ids.items())
            raise ShapeError(f"SkipGram.{fn}: one entry per pair needed, got {shapes}")

    def softmax_loss(self, centres: torch.Tensor, contexts: torch.Tensor) -> torch.Tensor:
        r"""Mean of :math:`-\mathbf{x}_w^\top\mathbf{z}_v + \log\sum_u\exp(\mathbf{x}_w^\top\mathbf{z}_u)` over pairs."""
        self._check("softmax_loss", centres=centres, contexts=contexts)
        return self._softmax_loss(centres, contexts)

    def _softmax_loss(self, centres: torch.Tensor, contexts: torch.Tensor) -> torch.Tensor:
        scores = self.x[centres] @ self.z.mT  # (P, V)
        return (torch.logsumexp(scores, dim=1) - scores.gather(1, contexts[:, None]).squeeze(1)).mean()

    def negative_sampling_loss(
        self, centres: torch.Tensor, contexts: torch.Tensor, negatives: torch.Tensor
    ) -> torch.Tensor:
        r"""Mean of :math:`-\log\sigma(\mathbf{x}_w^\top\mathbf{z}_v) - \sum_k\log\sigma(-\mathbf{x}_w^\top\mathbf{z}_{u_k})`.

        ``negatives``: ``(P, K)`` noise words per pair.
        """
        self._check("negative_sampling_loss", centres=centres, contexts=contexts, negatives=negatives)
        return self._negative_sampling_loss(centres, contexts, negatives)

    def _negative_sampling_loss(
        self, centres: torch.Tensor, contexts: torch.Tensor, negatives: torch.Tensor
    ) -> torch.Tensor:
        xw = self.x[centres]  # (P, d)
        pos = (xw * self.z[contexts]).sum(dim=1)  # (P,)
        neg = torch.einsum("pd,pkd->pk", xw, self.z[negatives])  # (P, K)
        # log sigma(s) = -softplus(-s), stable for large |s|
        return (F.softplus(-pos) + F.softplus(neg).sum(dim=1)).mean()


@implements("emb.skipgram-softmax-objective", "emb.skipgram-negative-sampling")
def fit_skipgram(
    tokens: torch.Tensor,
    vocab_size: int,
    dim: int,
    R: int,
    *,
    negatives: int = 0,
    steps: int = 500,
    lr: float = 0.05,
    dtype: torch.dtype = DEFAULT_DTYPE,
    generator: torch.Generator | None = None,
) -> tuple[SkipGram, list[float]]:
    r"""Train :class:`SkipGram` full-batch with Adam; ``negatives = 0`` uses the full softmax.

    With ``negatives = K > 0`` each pair draws ``K`` noise words per step from the unigram distribution raised
    to :math:`3/4`. The model lives on ``tokens``' device (``generator``, if given, too). Returns the model and the
    loss per step. Catalog: ``emb.skipgram-softmax-objective``, ``emb.skipgram-negative-sampling``.
    """
    from numerics.optim.adam import Adam  # local: keeps embeddings importable without the optimizers

    check_tokens("fit_skipgram", "tokens", tokens, vocab_size)
    if generator is not None:
        state = torch.random.get_rng_state()
        torch.manual_seed(int(torch.randint(2**31, (1,), generator=generator, device=generator.device)))
    model = SkipGram(vocab_size, dim, dtype=dtype, device=tokens.device)
    if generator is not None:
        torch.random.set_rng_state(state)
    centres, contexts = skipgram_pairs(tokens, R)
    counts = torch.bincount(tokens, minlength=vocab_size).to(dtype)
    noise = counts**0.75 / (counts**0.75).sum()  # (V,)
    opt = Adam(model.parameters(), lr=lr)
    losses = []
    for _ in range(steps):
        opt.zero_grad()
        if negatives:
            neg = torch.multinomial(noise, centres.numel() * negatives, replacement=True, generator=generator)
            loss = model._negative_sampling_loss(centres, contexts, neg.reshape(-1, negatives))
        else:
            loss = model._softmax_loss(centres, contexts)
        loss.backward()
        opt.step()
        losses.append(float(loss.detach()))
    return model, losses
