r"""Activity backpropagation for a multilayer perceptron, written out by hand.

The network is :math:`\mathbf{x}^{l} = F^{l}(\mathbf{x}^{l-1}) = \phi(\mathbf{W}^{l}\mathbf{x}^{l-1} + \mathbf{b}^{l})`
for :math:`l = 1, \dots, L` (the last layer is linear), with a scalar risk :math:`\mathcal{R}(\mathbf{x}^L)`.
Algorithm 1 of the cheat sheet propagates the errors :math:`\mathbf{e}^l = \nabla_{\mathbf{x}^l}\mathcal{R}`
backwards through the transposed Jacobians,

.. math:: \mathbf{e}^{l} = \mathbf{J}_{F^{l+1}}^\top \mathbf{e}^{l+1}
          = \mathbf{W}^{l+1\top}\left(\phi'(\mathbf{z}^{l+1}) \odot \mathbf{e}^{l+1}\right),

and the weight gradients follow from the errors at the pre-activations
:math:`\boldsymbol{\delta}^{l} = \phi'(\mathbf{z}^{l}) \odot \mathbf{e}^{l}`:
:math:`\nabla_{\mathbf{W}^l}\mathcal{R} = \boldsymbol{\delta}^{l}\mathbf{x}^{l-1\top}`,
:math:`\nabla_{\mathbf{b}^l}\mathcal{R} = \boldsymbol{\delta}^{l}`.
Rows of a batch are independent samples; the risk is the mean over the batch.

Catalog: ``approx.backprop-activity``, ``approx.backprop-weight-gradient``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import torch

from numerics._checks import ShapeError, check_choice, shape_str
from numerics._links import implements

__all__ = ["ACTIVATIONS", "MLP", "mlp_backprop", "mlp_forward", "squared_error_risk"]

# name -> (phi, phi') as functions of the pre-activation z
ACTIVATIONS: dict[
    str, tuple[Callable[[torch.Tensor], torch.Tensor], Callable[[torch.Tensor], torch.Tensor]]
] = {
    "relu": (lambda z: z.clamp_min(0), lambda z: (z > 0).to(z.dtype)),
    "sigmoid": (torch.sigmoid, lambda z: torch.sigmoid(z) * (1 - torch.sigmoid(z))),
    "tanh": (torch.tanh, lambda z: 1 - torch.tanh(z) ** 2),
    "identity": (lambda z: z, torch.ones_like),
}


@dataclass
class MLP:
    """Weights ``Ws[l]``: ``(n_l, n_{l-1})``, biases ``bs[l]``: ``(n_l,)``, hidden activation name.

    The shapes must chain and the activation must be one of :data:`ACTIVATIONS`; both are checked here, so a bad
    network fails when it is built, with a message naming the layer.
    """

    Ws: list[torch.Tensor]
    bs: list[torch.Tensor]
    activation: str = "relu"

    def __post_init__(self) -> None:
        check_choice("MLP", "activation", self.activation, ACTIVATIONS)
        if len(self.Ws) != len(self.bs) or not self.Ws:
            raise ValueError(
                f"MLP: need one bias per weight matrix, got {len(self.Ws)} weights, {len(self.bs)} biases"
            )
        for l, (W, b) in enumerate(zip(self.Ws, self.bs, strict=True), start=1):
            if W.dim() != 2 or tuple(b.shape) != (W.shape[0],):
                raise ShapeError(
                    f"MLP: layer {l} needs W (n_l, n_(l-1)) and b (n_l,), got W {shape_str(W)}, b {shape_str(b)}"
                )
            if l > 1 and W.shape[1] != self.Ws[l - 2].shape[0]:
                raise ShapeError(
                    f"MLP: layer {l} W {shape_str(W)} takes {W.shape[1]} inputs but layer {l - 1} has "
                    f"{self.Ws[l - 2].shape[0]} outputs"
                )


@implements("approx.mlp-forward")
def mlp_forward(net: MLP, x: torch.Tensor) -> tuple[list[torch.Tensor], list[torch.Tensor]]:
    r"""Forward pass :math:`\mathbf{z}^l = \mathbf{W}^l\mathbf{x}^{l-1} + \mathbf{b}^l`, :math:`\mathbf{x}^l = \phi(\mathbf{z}^l)`.

    ``x``: ``(B, n_0)``. Returns activities ``[x^0, ..., x^L]`` and pre-activations ``[z^1, ..., z^L]``;
    the last layer is linear (:math:`\mathbf{x}^L = \mathbf{z}^L`). Catalog: ``approx.mlp-forward``.
    """
    check_choice("mlp_forward", "activation", net.activation, ACTIVATIONS)
    phi, _ = ACTIVATIONS[net.activation]
    if x.dim() != 2 or x.shape[1] != net.Ws[0].shape[1]:
        raise ShapeError(
            f"mlp_forward: x must be (B, {net.Ws[0].shape[1]}) for the first layer W {shape_str(net.Ws[0])}, "
            f"got {shape_str(x)}"
        )
    xs, zs = [x], []
    for l, (W, b) in enumerate(zip(net.Ws, net.bs, strict=True)):
        z = xs[-1] @ W.mT + b  # (B, n_l)
        zs.append(z)
        xs.append(z if l == len(net.Ws) - 1 else phi(z))
    return xs, zs


@implements("approx.squared-error-risk")
def squared_error_risk(y_hat: torch.Tensor, y: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    r"""Risk :math:`\mathcal{R} = \frac{1}{B}\sum_b \tfrac12\|\hat{\mathbf{y}}_b - \mathbf{y}_b\|^2` and its gradient.

    Returns ``(R, e^L)`` with :math:`\mathbf{e}^L = (\hat{\mathbf{y}} - \mathbf{y})/B`, shape ``(B, n_L)``.
    Catalog: ``approx.squared-error-risk``.
    """
    if y_hat.shape != y.shape:
        raise ShapeError(
            f"squared_error_risk: y_hat {shape_str(y_hat)} and y {shape_str(y)} must have one shape"
        )
    B = y_hat.shape[0]
    r = y_hat - y  # (B, n_L)
    return 0.5 * (r * r).sum() / B, r / B


@implements("approx.backprop-activity", "approx.backprop-weight-gradient")
def mlp_backprop(
    net: MLP, xs: list[torch.Tensor], zs: list[torch.Tensor], e_last: torch.Tensor
) -> tuple[list[torch.Tensor], list[torch.Tensor], list[torch.Tensor]]:
    r"""Algorithm 1: :math:`\mathbf{e}^l = \mathbf{J}_{F^{l+1}}^\top\mathbf{e}^{l+1}`, then weight gradients.

    ``xs``, ``zs`` come from :func:`mlp_forward`; ``e_last`` is :math:`\nabla_{\mathbf{x}^L}\mathcal{R}`,
    ``(B, n_L)``. Returns ``(dWs, dbs, es)`` where ``es[l]`` is :math:`\mathbf{e}^l` for ``l = 0..L``.
    Catalog: ``approx.backprop-activity``, ``approx.backprop-weight-gradient``.
    """
    check_choice("mlp_backprop", "activation", net.activation, ACTIVATIONS)
    _, dphi = ACTIVATIONS[net.activation]
    L = len(net.Ws)
    if len(xs) != L + 1 or len(zs) != L or e_last.shape != zs[-1].shape:
        raise ShapeError(
            f"mlp_backprop: need xs, zs from mlp_forward of this {L}-layer net and e_last shaped like z^L "
            f"{shape_str(zs[-1]) if zs else '()'}, got {len(xs)} activities, {len(zs)} pre-activations, "
            f"e_last {shape_str(e_last)}"
        )
    es: list[torch.Tensor] = [e_last]
    dWs: list[torch.Tensor] = [e_last] * L
    dbs: list[torch.Tensor] = [e_last] * L
    for l in range(L - 1, -1, -1):
        e = es[0]  # e^{l+1}: (B, n_{l+1})
        # delta = phi'(z) * e, with phi = identity on the last layer
        delta = e if l == L - 1 else dphi(zs[l]) * e  # (B, n_{l+1})
        dWs[l] = delta.mT @ xs[l]  # (n_{l+1}, n_l)
        dbs[l] = delta.sum(dim=0)  # (n_{l+1},)
        es.insert(0, delta @ net.Ws[l])  # e^l = W^T delta: (B, n_l)
    return dWs, dbs, es
