"""Layers and activations against torch, and the two dropout conventions."""

from __future__ import annotations

import pytest
import torch
import torch.nn.functional as F

from numerics._checks import ShapeError
from numerics.layers import (
    affine,
    dropout_inverted,
    dropout_weight_scaling,
    hinge,
    k_hinge,
    log_softmax,
    maxout,
    relu,
    sigmoid,
    sigmoid_derivative,
    softmax,
)
from numerics.testing import assert_close

# inputs include large magnitudes, where naive exp/log formulas overflow
Z = torch.tensor(
    [[-800.0, -30.0, -1.0, 0.0, 1e-3, 2.0, 40.0, 750.0], [3.0, -2.0, 0.5, 1.0, -1.0, 0.0, 7.0, -7.0]]
)

ELEMENTWISE = [
    ("relu", relu, F.relu),
    ("sigmoid", sigmoid, torch.sigmoid),
    ("softmax", softmax, lambda z: torch.softmax(z, dim=-1)),
    ("log_softmax", log_softmax, lambda z: torch.log_softmax(z, dim=-1)),
]


@pytest.mark.parametrize(("name", "ours", "oracle"), ELEMENTWISE, ids=[c[0] for c in ELEMENTWISE])
def test_activation_matches_torch(name, ours, oracle):
    assert_close(ours(Z), oracle(Z))
    assert torch.isfinite(ours(Z)).all()


def test_softmax_along_other_dim():
    assert_close(softmax(Z, dim=0), torch.softmax(Z, dim=0))
    assert_close(log_softmax(Z, dim=0), torch.log_softmax(Z, dim=0))


def test_sigmoid_derivative_matches_autograd():
    z = torch.linspace(-20, 20, 41, requires_grad=True)
    (g,) = torch.autograd.grad(sigmoid(z).sum(), z)
    assert_close(sigmoid_derivative(z.detach()), g)


@pytest.mark.parametrize(("batch", "n", "m"), [((), 3, 2), ((5,), 4, 3), ((2, 3), 1, 6)])
def test_affine_matches_linear(batch, n, m, device):
    x, W, b = torch.randn(*batch, n).to(device), torch.randn(m, n).to(device), torch.randn(m).to(device)
    assert_close(affine(x, W, b), F.linear(x, W, b))
    assert_close(affine(x, W), F.linear(x, W))


def test_bad_shapes_name_the_arguments():
    with pytest.raises(ShapeError, match=r"affine: x \(2, 3\) has 3 inputs but W \(4, 2\) expects 2"):
        affine(torch.randn(2, 3), torch.randn(4, 2))
    with pytest.raises(ShapeError, match=r"affine: bias b must have shape \(4,\)"):
        affine(torch.randn(2, 3), torch.randn(4, 3), torch.randn(3))
    with pytest.raises(ShapeError, match=r"maxout: bias b must have shape \(4, 2\) for W \(4, 2, 3\)"):
        maxout(torch.randn(2, 3), torch.randn(4, 2, 3), torch.randn(4))
    with pytest.raises(ShapeError, match="maxout: W must have 3 dimensions"):
        maxout(torch.randn(2, 3), torch.randn(4, 3), torch.randn(4))
    with pytest.raises(ShapeError, match="k_hinge: x"):
        k_hinge(torch.randn(5, 2), torch.randn(2, 3), torch.randn(2))


def test_hinge_and_k_hinge():
    x = torch.randn(10, 3)
    w, b = torch.randn(3), 0.4
    assert_close(hinge(x, w, b), torch.clamp_min(x @ w + b, 0))
    # a hinge is the 2-hinge of (w.x + b) and the zero map
    W2 = torch.stack([w, torch.zeros(3)])
    assert_close(k_hinge(x, W2, torch.tensor([b, 0.0])), hinge(x, w, b))
    # |x| = max(x, -x)
    s = torch.randn(7, 1)
    assert_close(k_hinge(s, torch.tensor([[1.0], [-1.0]]), torch.zeros(2)), s.abs().squeeze(1))


def test_maxout_is_max_over_pieces(device):
    x, W, b = torch.randn(6, 4).to(device), torch.randn(3, 5, 4).to(device), torch.randn(3, 5).to(device)
    expected = torch.stack([k_hinge(x, W[j], b[j]) for j in range(3)], dim=1)
    assert_close(maxout(x, W, b), expected)
    assert_close(maxout(x, W, b), torch.einsum("jkn,bn->bjk", W, x).add(b).amax(-1))


def test_dropout_conventions_share_the_mask_and_differ_by_the_keep_scale(device):
    x, keep = torch.randn(50, 20).to(device), 0.7
    a = dropout_inverted(x, keep, generator=torch.Generator(device).manual_seed(3))
    b = dropout_weight_scaling(x, keep, generator=torch.Generator(device).manual_seed(3))
    assert_close(a, b / keep)
    assert_close(dropout_inverted(x, keep, training=False), x)
    assert_close(dropout_weight_scaling(x, keep, training=False), keep * x)


@pytest.mark.parametrize("keep", [0.2, 0.5, 0.9])
def test_dropout_expected_training_activation_equals_test_activation(keep):
    x = torch.tensor([1.0, -2.0, 0.5, 3.0])
    n = 200_000
    xs = x.expand(n, 4)
    g = torch.Generator().manual_seed(1)
    for fn in (dropout_inverted, dropout_weight_scaling):
        samples = fn(xs, keep, generator=g)  # (n, 4)
        mean, sem = samples.mean(0), samples.std(0) / n**0.5
        target = fn(x, keep, training=False)
        assert ((mean - target).abs() <= 6 * sem + 1e-12).all(), (fn.__name__, mean, target)


def test_dropout_rejects_bad_keep():
    with pytest.raises(ValueError):
        dropout_inverted(torch.ones(3), 0.0)


def test_float32_smoke():
    z = Z.float()
    assert softmax(z).dtype == torch.float32
    assert_close(softmax(z), torch.softmax(z, -1))
    assert_close(sigmoid(z), torch.sigmoid(z))
