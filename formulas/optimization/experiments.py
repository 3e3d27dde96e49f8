"""Evidence for the optimisation chapter's claims about what gradient descent does.

Each function is named after the entry it serves.  ``torch`` is imported inside the functions.
"""

from __future__ import annotations

from .._authoring import Outcome

__all__ = ["nn_saddle_gd_stuck"]


def nn_saddle_gd_stuck() -> Outcome:
    """opt.nn-saddle-gd-stuck: a one-hidden-layer tanh net with all weights zero is a critical point with an indefinite
    Hessian, and gradient descent started there does not move."""
    import torch

    g = torch.Generator().manual_seed(25)
    X = torch.randn(8, 2, generator=g, dtype=torch.float64)
    y = torch.tanh(X @ torch.tensor([1.0, -2.0], dtype=torch.float64)) * 1.5

    def risk(flat):
        W, v = flat[:6].reshape(3, 2), flat[6:]
        return ((torch.tanh(X @ W.T) @ v - y) ** 2).mean()

    theta = torch.zeros(9, dtype=torch.float64, requires_grad=True)
    (grad,) = torch.autograd.grad(risk(theta), theta)
    eig = torch.linalg.eigvalsh(torch.autograd.functional.hessian(risk, theta.detach()))
    th = theta.detach().clone()
    for _ in range(100):
        th.requires_grad_(True)
        (gr,) = torch.autograd.grad(risk(th), th)
        th = (th - 0.1 * gr).detach()
    stuck = float(th.abs().max()) == 0.0
    saddle = float(eig.min()) < -1e-6 and float(eig.max()) > 1e-6
    lower = float(risk(0.1 * torch.randn(9, generator=g, dtype=torch.float64)))
    r0 = float(risk(theta.detach()))
    if float(grad.abs().max()) != 0.0 or not saddle or not stuck:
        return Outcome(False, "the zero initialisation is not a saddle where gradient descent stays",
                       {"grad": float(grad.abs().max()), "eigenvalues": eig.tolist(), "stuck": stuck})
    return Outcome(True, f"one-hidden-layer tanh net, all weights zero: gradient exactly 0, Hessian eigenvalues from "
                         f"{float(eig.min()):.3f} to {float(eig.max()):.3f} (a saddle), 100 gradient steps do not move "
                         f"(R = {r0:.3f}), while a random small point has R = {lower:.3f}")
