"""Hand-written activity backpropagation equals autograd."""

from __future__ import annotations

import pytest
import torch

from numerics._checks import ShapeError
from numerics.backprop import MLP, mlp_backprop, mlp_forward, squared_error_risk
from numerics.testing import assert_close

CASES = [
    # (widths, activation, batch)
    ([3, 5, 2], "relu", 7),
    ([4, 8, 8, 3], "sigmoid", 5),
    ([2, 6, 6, 6, 1], "tanh", 11),
    ([5, 4], "identity", 3),
    ([6, 10, 7, 4], "relu", 1),
]


@pytest.mark.parametrize(("widths", "activation", "B"), CASES)
def test_backprop_matches_autograd(widths, activation, B, device):
    Ws = [
        torch.randn(b, a).to(device).requires_grad_(True)
        for a, b in zip(widths[:-1], widths[1:], strict=True)
    ]
    bs = [torch.randn(b).to(device).requires_grad_(True) for b in widths[1:]]
    x = torch.randn(B, widths[0]).to(device).requires_grad_(True)
    y = torch.randn(B, widths[-1]).to(device)
    net = MLP(Ws, bs, activation)

    xs, zs = mlp_forward(net, x)
    R, e_last = squared_error_risk(xs[-1], y)
    R.backward()
    with torch.no_grad():
        dWs, dbs, es = mlp_backprop(net, xs, zs, e_last)

    assert len(es) == len(widths)
    for W, dW in zip(Ws, dWs, strict=True):
        assert_close(dW, W.grad)
    for b, db in zip(bs, dbs, strict=True):
        assert_close(db, b.grad)
    assert_close(es[0], x.grad)  # e^0 = gradient w.r.t. the input


def test_errors_are_transposed_jacobian_products():
    """e^l = J_{F^{l+1}}^T e^{l+1}, with the layer Jacobian computed by torch.autograd.functional."""
    Ws = [torch.randn(4, 3), torch.randn(2, 4)]
    bs = [torch.randn(4), torch.randn(2)]
    net = MLP(Ws, bs, "tanh")
    x = torch.randn(1, 3)
    xs, zs = mlp_forward(net, x)
    _, _, es = mlp_backprop(net, xs, zs, torch.randn(1, 2))
    J = torch.autograd.functional.jacobian(lambda v: torch.tanh(v @ Ws[0].mT + bs[0]), xs[0])  # (1, 4, 1, 3)
    assert_close(es[0], es[1] @ J[0, :, 0, :])


def test_bad_networks_are_refused_by_name():
    with pytest.raises(
        ValueError, match="MLP: unknown activation 'gelu'; known: 'identity', 'relu', 'sigmoid', 'tanh'"
    ):
        MLP([torch.randn(3, 2)], [torch.randn(3)], "gelu")
    with pytest.raises(ShapeError, match=r"layer 2 W \(2, 4\) takes 4 inputs but layer 1 has 3 outputs"):
        MLP([torch.randn(3, 2), torch.randn(2, 4)], [torch.randn(3), torch.randn(2)])
    with pytest.raises(ShapeError, match=r"layer 1 needs W \(n_l, n_\(l-1\)\) and b \(n_l,\)"):
        MLP([torch.randn(3, 2)], [torch.randn(2)])
    net = MLP([torch.randn(3, 2)], [torch.randn(3)])
    with pytest.raises(ShapeError, match=r"x must be \(B, 2\) for the first layer W \(3, 2\), got \(4, 3\)"):
        mlp_forward(net, torch.randn(4, 3))
    net.activation = "swish"
    with pytest.raises(ValueError, match="mlp_forward: unknown activation 'swish'"):
        mlp_forward(net, torch.randn(4, 2))
    with pytest.raises(ShapeError, match="y_hat"):
        squared_error_risk(torch.randn(4, 2), torch.randn(4, 3))
