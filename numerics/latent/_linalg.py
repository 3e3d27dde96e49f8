r"""Linear algebra for the latent-variable fits, as fast as the platform allows, on the inputs' device and dtype.

- :func:`gram`: :math:`\mathbf{A}^\top\mathbf{A}`. On CPU numpy recognises ``a.T @ a`` and calls BLAS ``syrk``, which
  computes one triangle (half the flops of a general product); torch has no such path. Elsewhere (CUDA), or when
  autograd must track the product, it is ``A.mT @ A``.
- :func:`column_mean`: :math:`\frac1N\mathbf{1}^\top\mathbf{X}`; numpy's column sum is about 3x torch's on CPU.
- :func:`covariance`: the sample covariance without a centred copy of the data, unless cancellation would cost digits.
- :func:`top_eigh`: the :math:`k` largest eigenpairs of a symmetric matrix. On CPU LAPACK's ``syevr`` (through SciPy)
  computes only those: the tridiagonal reduction and :math:`k` eigenvectors, about a third of a full ``eigh``;
  elsewhere (or with ``solver="full"``) ``torch.linalg.eigh``.
"""

from __future__ import annotations

import torch

from numerics._checks import check_choice

SOLVERS = ("auto", "partial", "full")


def _numpy_ok(*tensors: torch.Tensor) -> bool:
    return all(
        t.device.type == "cpu" and not t.requires_grad and t.dtype in (torch.float32, torch.float64)
        for t in tensors
    )


def gram(A: torch.Tensor) -> torch.Tensor:
    """``A.mT @ A`` for ``A`` of shape ``(N, d)``; returns ``(d, d)`` on ``A``'s device and dtype."""
    if _numpy_ok(A):
        a = A.numpy()  # shares memory
        return torch.from_numpy(a.T @ a)
    return A.mT @ A


def column_mean(X: torch.Tensor) -> torch.Tensor:
    """Mean of the rows of ``X`` ``(N, d)``: ``(d,)``."""
    if _numpy_ok(X):
        return torch.from_numpy(X.numpy().mean(axis=0))
    return X.mean(dim=0)


# Uncentred moments lose about log10(|mu|^2 / (tr S / d)) digits to cancellation; beyond this many we centre
# (float64 keeps at least 13 digits, float32 at least 6).
_MAX_LOST_DIGITS = {torch.float64: 3.0, torch.float32: 1.0}


def covariance(X: torch.Tensor, mean: torch.Tensor, ddof: int = 0) -> torch.Tensor:
    r""":math:`\mathbf{S} = \frac{1}{N - \text{ddof}}\sum_i (\mathbf{x}_i-\boldsymbol{\mu})(\mathbf{x}_i-\boldsymbol{\mu})^\top`.

    Fast path: :math:`(\mathbf{X}^\top\mathbf{X} - N\boldsymbol{\mu}\boldsymbol{\mu}^\top)/(N-\text{ddof})` needs
    no centred copy of ``X``. That form is numerically fragile when :math:`\|\boldsymbol{\mu}\|^2` dwarfs the
    variances (cancellation), so when it would lose more than ``_MAX_LOST_DIGITS`` digits the data are centred
    first.
    """
    N = X.shape[0]
    S = gram(X)  # (d, d)
    S -= N * torch.outer(mean, mean)
    S /= N - ddof
    spread = torch.diagonal(S).mean().clamp_min(torch.finfo(S.dtype).tiny)
    if float((mean @ mean) / spread) > 10.0 ** _MAX_LOST_DIGITS.get(X.dtype, 0.0):
        S = gram(X - mean) / (N - ddof)
    return S


def top_eigh(S: torch.Tensor, k: int, solver: str = "auto") -> tuple[torch.Tensor, torch.Tensor]:
    """The ``k`` largest eigenvalues of the symmetric ``S`` ``(d, d)``, descending, and their eigenvectors ``(d, k)``.

    ``solver``: ``"partial"`` (LAPACK ``syevr`` for those ``k`` only, CPU), ``"full"`` (``torch.linalg.eigh``, any
    device) or ``"auto"`` (partial where it applies).
    """
    check_choice("top_eigh", "solver", solver, SOLVERS)
    d = S.shape[0]
    partial = solver == "partial" or (solver == "auto" and _numpy_ok(S) and k < d)
    if partial:
        if not _numpy_ok(S):
            raise ValueError(
                "solver='partial' needs a float32/float64 CPU tensor outside autograd; use 'full'"
            )
        import scipy.linalg  # deferred: only the CPU path needs it

        lam, U = scipy.linalg.eigh(
            S.numpy(),
            subset_by_index=(d - k, d - 1),
            driver="evr",
        )
        lam, U = torch.from_numpy(lam.copy()), torch.from_numpy(U)
    else:
        lam, U = torch.linalg.eigh(S)
        lam, U = lam[d - k :], U[:, d - k :]
    return lam.flip(0), U.flip(1)  # descending
