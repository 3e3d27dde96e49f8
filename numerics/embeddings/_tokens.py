"""Checks shared by the embedding functions: token sequences inside the vocabulary, and the one default dtype.

Every embedding function and class defaults to float64 (:data:`DEFAULT_DTYPE`): counts stay exact far beyond
float32's :math:`2^{24}`, and PMI, eigendecompositions and trained vectors are compared at float64 round-off.
Pass ``dtype=torch.float32`` for speed.
"""

from __future__ import annotations

import torch

from numerics._checks import ShapeError, shape_str

#: The default dtype of every function and class in :mod:`numerics.embeddings`.
DEFAULT_DTYPE = torch.float64


def check_tokens(fn: str, name: str, tokens: torch.Tensor, vocab_size: int | None) -> None:
    """Raise unless ``tokens`` is a 1-D integer tensor with entries in ``[0, vocab_size)``."""
    if tokens.dtype.is_floating_point or tokens.dtype.is_complex or tokens.dtype == torch.bool:
        raise TypeError(f"{fn}: {name} must be integer token ids, got dtype {tokens.dtype}")
    if tokens.dim() != 1:
        raise ShapeError(f"{fn}: {name} must be a 1-D sequence of token ids, got shape {shape_str(tokens)}")
    if vocab_size is None or tokens.numel() == 0:
        return
    low, high = int(tokens.min()), int(tokens.max())
    if low < 0 or high >= vocab_size:
        bad = low if low < 0 else high
        raise ValueError(
            f"{fn}: {name} has token {bad} outside the vocabulary 0..{vocab_size - 1} (vocab_size={vocab_size})"
        )


def check_window(fn: str, R: int) -> None:
    if not isinstance(R, int) or R < 0:
        raise ValueError(f"{fn}: the window R must be an int >= 0, got {R!r}")
