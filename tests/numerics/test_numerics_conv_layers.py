"""Conv2d module, locally connected layer, counts, inception and LeNet-5 against torch."""

from __future__ import annotations

import itertools

import pytest
import torch
import torch.nn.functional as F
from torch import nn

from numerics._checks import ShapeError
from numerics.conv import (
    Conv2d,
    Inception,
    LeNet5,
    LocallyConnected2d,
    conv_output_shape,
    conv_output_size,
    conv_param_count,
    fc_param_count,
    lc_param_count,
    locally_connected2d,
)
from numerics.testing import assert_close


def test_locally_connected_with_shared_weights_is_convolution(device):
    x, W, b = (t.to(device) for t in (torch.randn(2, 3, 8, 7), torch.randn(4, 3, 3, 2), torch.randn(4)))
    Ho, Wo = conv_output_size(8, 3, 2, 1), conv_output_size(7, 2, 2, 1)
    Wlc = W.expand(Ho, Wo, *W.shape)
    blc = b[:, None, None].expand(4, Ho, Wo)
    expected = F.conv2d(x, W, b, stride=2, padding=1)
    assert_close(locally_connected2d(x, Wlc, blc, (3, 2), 2, 1), expected)
    assert_close(locally_connected2d(x, Wlc, b[:, None, None], (3, 2), 2, 1), expected)  # broadcast bias
    assert_close(locally_connected2d(x[1], Wlc, blc, (3, 2), 2, 1), expected[1])  # unbatched


def test_locally_connected_uses_a_kernel_per_position():
    x = torch.randn(1, 2, 5, 5)
    W, b = torch.randn(3, 3, 4, 2, 3, 3), torch.randn(4, 3, 3)
    y = locally_connected2d(x, W, b, 3)
    for i, j in itertools.product(range(3), range(3)):
        patch = x[0, :, i : i + 3, j : j + 3]  # (2, 3, 3)
        assert_close(y[0, :, i, j], (W[i, j] * patch).sum(dim=(1, 2, 3)) + b[:, i, j])


def test_locally_connected_names_bad_shapes():
    x = torch.randn(1, 2, 5, 5)
    with pytest.raises(ShapeError, match=r"W must have shape \(H', W', K, C, p, q\) = \(3, 3, 4, 2, 3, 3\)"):
        locally_connected2d(x, torch.randn(3, 3, 4, 3, 3, 3), None, 3)
    with pytest.raises(ShapeError, match=r"bias b must broadcast to \(4, 3, 3\)"):
        locally_connected2d(x, torch.randn(3, 3, 4, 2, 3, 3), torch.randn(4, 2, 3), 3)


# (in_shape (C, H, W), K, kernel, stride, padding)
COUNT_CASES = [
    ((3, 7, 7), 2, 3, 1, 0),
    ((1, 32, 32), 6, 5, 1, 0),
    ((16, 14, 15), 8, (3, 5), 2, 1),
    ((4, 9, 9), 5, 1, 3, "same"),
]


@pytest.mark.parametrize(("in_shape", "K", "k", "s", "p"), COUNT_CASES)
def test_counts_match_torch_modules(in_shape, K, k, s, p):
    C, H, W = in_shape
    torch_pad = p if isinstance(p, int) else 0
    conv = nn.Conv2d(C, K, k, stride=s, padding=torch_pad)
    assert conv_param_count(C, K, k) == sum(t.numel() for t in conv.parameters())
    assert conv_param_count(C, K, k, bias=False) == nn.Conv2d(C, K, k, bias=False).weight.numel()
    assert fc_param_count(C * H * W, K) == sum(t.numel() for t in nn.Linear(C * H * W, K).parameters())
    out = Conv2d(C, K, k, s, p)(torch.randn(1, *in_shape))
    assert tuple(out.shape[1:]) == conv_output_shape(in_shape, K, k, s, p)
    lc = LocallyConnected2d(C, K, (H, W), k, s, p)
    assert lc_param_count(in_shape, K, k, s, p) == sum(t.numel() for t in lc.parameters())
    assert lc(torch.randn(2, *in_shape)).shape == (2, *conv_output_shape(in_shape, K, k, s, p))


def test_counts_with_groups_and_dilation():
    assert conv_param_count(8, 4, 3, groups=2) == sum(
        t.numel() for t in nn.Conv2d(8, 4, 3, groups=2).parameters()
    )
    torch_out = nn.Conv2d(3, 2, 3, stride=(2, 1), padding=(1, 2), dilation=(2, 3))(torch.randn(1, 3, 11, 10))
    assert conv_output_shape((3, 11, 10), 2, 3, (2, 1), (1, 2), (2, 3)) == tuple(torch_out.shape[1:])
    assert (
        conv_output_size(10, 3, 2, ceil_mode=True)
        == F.max_pool1d(torch.randn(1, 10), 3, 2, ceil_mode=True).shape[-1]
    )


def test_cheat_sheet_example_counts():
    # 7x7x3 image, two 3x3 filters, valid padding: 5x5x2 output, 2 (3*3*3 + 1) = 56 parameters
    assert conv_output_shape((3, 7, 7), 2, 3) == (2, 5, 5)
    assert conv_param_count(3, 2, 3) == 56
    assert conv_output_size(28, 5, padding="same") == 28
    with pytest.raises(ValueError):
        conv_output_size(3, 5)


# (C, K, kernel, stride, padding, dilation, groups, padding_mode)
MODULE_CASES = [
    (3, 4, 3, 2, 1, 1, 1, "zeros"),
    (4, 6, (3, 2), (1, 2), (2, 1), (2, 1), 2, "zeros"),
    (4, 4, 3, 1, "same", 2, 4, "zeros"),
    (3, 2, 3, 1, 1, 1, 1, "reflect"),
    (2, 4, (2, 3), 1, (1, 1), 1, 2, "replicate"),
    (3, 3, 3, 2, 2, 1, 1, "circular"),
]


@pytest.mark.parametrize(("C", "K", "k", "s", "p", "d", "g", "mode"), MODULE_CASES)
def test_conv_module_is_a_drop_in_for_nn_conv2d(C, K, k, s, p, d, g, mode, device):
    ours = Conv2d(C, K, k, s, p, d, g, padding_mode=mode, device=device)
    ref = nn.Conv2d(C, K, k, s, p, d, g, padding_mode=mode, device=device)
    assert [t.shape for t in ours.parameters()] == [t.shape for t in ref.parameters()]
    with torch.no_grad():
        ref.weight.copy_(ours.weight)
        ref.bias.copy_(ours.bias)
    x = torch.randn(2, C, 9, 8).to(device)
    assert_close(ours(x), ref(x))
    assert_close(ours(x[0]), ref(x[0]))  # unbatched
    ours(x).square().sum().backward()
    ref(x).square().sum().backward()
    assert_close(ours.weight.grad, ref.weight.grad)
    assert_close(ours.bias.grad, ref.bias.grad)


def test_conv_module_rejects_what_torch_rejects():
    with pytest.raises(ValueError, match="divisible by groups=2"):
        Conv2d(3, 4, 3, groups=2)
    with pytest.raises(ValueError, match="unknown padding_mode 'mirror'"):
        Conv2d(3, 4, 3, padding_mode="mirror")


def test_conv_module_initialisation_bound_matches_torch():
    torch.manual_seed(1)
    w = Conv2d(8, 64, 3, groups=4).weight
    bound = 1 / (2 * 9) ** 0.5  # 1 / sqrt(C/g p q)
    assert w.abs().max() <= bound and w.abs().max() > 0.9 * bound


def _torch_lenet() -> nn.Sequential:
    return nn.Sequential(
        nn.Conv2d(1, 6, 5), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(6, 16, 5), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(16, 120, 5), nn.ReLU(), nn.Flatten(),
        nn.Linear(120, 84), nn.ReLU(), nn.Linear(84, 10),
    )  # fmt: skip


def test_lenet5_matches_torch_reference(device):
    ours, ref = LeNet5().to(device), _torch_lenet().to(device)
    assert sum(p.numel() for p in ours.parameters()) == sum(p.numel() for p in ref.parameters()) == 61706
    with torch.no_grad():
        for p_ref, p_ours in zip(ref.parameters(), ours.parameters(), strict=True):
            p_ref.copy_(p_ours)
    x = torch.randn(3, 1, 32, 32).to(device)
    assert_close(ours(x), ref(x))


def test_inception_matches_torch_reference(device):
    m = Inception(8, c1=4, r3=3, c3=5, r5=2, c5=3, cp=2).to(device)
    x = torch.randn(2, 8, 9, 7).to(device)
    y = m(x)
    assert y.shape == (2, 4 + 5 + 3 + 2, 9, 7)
    r = torch.relu

    def c(layer, v, pad=0):
        return F.conv2d(v, layer.weight, layer.bias, padding=pad)

    expected = torch.cat(
        [
            r(c(m.b1, x)),
            r(c(m.b3, r(c(m.r3, x)), 1)),
            r(c(m.b5, r(c(m.r5, x)), 2)),
            r(c(m.bp, F.max_pool2d(x, 3, 1, 1))),
        ],
        dim=1,
    )
    assert_close(y, expected)
