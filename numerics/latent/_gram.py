r"""The Gram matrix :math:`\mathbf{A}^\top\mathbf{A}` of a tall data matrix, as fast as the platform allows.

On CPU, numpy recognises ``a.T @ a`` and calls BLAS ``syrk``, which computes only one triangle (half the flops
of a general product); torch has no such path. Elsewhere (CUDA), or when autograd must track the product,
it is ``A.mT @ A``.
"""

from __future__ import annotations

import torch


def gram(A: torch.Tensor) -> torch.Tensor:
    """``A.mT @ A`` for ``A`` of shape ``(N, d)``; returns ``(d, d)`` on ``A``'s device and dtype."""
    if A.device.type == "cpu" and not A.requires_grad and A.dtype in (torch.float32, torch.float64):
        a = A.numpy()  # shares memory
        return torch.from_numpy(a.T @ a)
    return A.mT @ A
