"""Convolution, pooling, 1x1 and locally connected layers, inception and LeNet-5 against torch."""

from __future__ import annotations

import itertools
import math

import pytest
import torch
import torch.nn.functional as F
from torch import nn

from numerics.conv import (
    Conv2d,
    Inception,
    LeNet5,
    LocallyConnected2d,
    avg_pool1d,
    avg_pool2d,
    conv1d,
    conv1d_fft,
    conv1x1,
    conv2d,
    conv2d_fft,
    conv_output_shape,
    conv_output_size,
    conv_param_count,
    fc_param_count,
    lc_param_count,
    locally_connected2d,
    max_pool1d,
    max_pool2d,
    min_pool1d,
    min_pool2d,
    softmax_pool1d,
    softmax_pool2d,
)
from numerics.testing import assert_close


def _torch_pad(n: int, k: int, s: int, padding) -> tuple[int, int]:
    """Padding amounts computed independently of numerics (TensorFlow's 'same' rule)."""
    if padding == "valid":
        return 0, 0
    if padding == "same":
        total = max((math.ceil(n / s) - 1) * s + k - n, 0)
        return total // 2, total - total // 2
    return padding, padding


# (B, C, K, n, kernel, stride, padding)
CONV_GRID = [
    (B, C, K, n, k, s, p)
    for (B, C, K), (n, k), s, p in itertools.product(
        [(1, 1, 1), (2, 3, 4), (3, 2, 5)], [(7, 1), (8, 3), (9, 4), (5, 5)], [1, 2, 3], ["valid", "same", 1]
    )
]


@pytest.mark.parametrize(("B", "C", "K", "n", "k", "s", "p"), CONV_GRID)
def test_conv1d_direct_and_fft_match_torch(B, C, K, n, k, s, p):
    x, W, b = torch.randn(B, C, n), torch.randn(K, C, k), torch.randn(K)
    expected = F.conv1d(F.pad(x, _torch_pad(n, k, s, p)), W, b, stride=s)
    assert_close(conv1d(x, W, b, s, p), expected)
    assert_close(conv1d_fft(x, W, b, s, p), expected)
    assert expected.shape[-1] == conv_output_size(n, k, s, p)


@pytest.mark.parametrize(("B", "C", "K", "n", "k", "s", "p"), CONV_GRID)
def test_conv2d_direct_and_fft_match_torch(B, C, K, n, k, s, p):
    H, Wd = n, n + 2  # non-square images
    kh, kw = k, max(1, k - 1)  # non-square kernels
    x, W, b = torch.randn(B, C, H, Wd), torch.randn(K, C, kh, kw), torch.randn(K)
    t, bo = _torch_pad(H, kh, s, p)
    le, r = _torch_pad(Wd, kw, s, p)
    expected = F.conv2d(F.pad(x, (le, r, t, bo)), W, b, stride=s)
    assert_close(conv2d(x, W, b, s, p), expected)
    assert_close(conv2d_fft(x, W, b, s, p), expected)
    assert_close(conv2d(x, W, None, s, p), expected - b[:, None, None])
    assert expected.shape[-2:] == (conv_output_size(H, kh, s, p), conv_output_size(Wd, kw, s, p))


def test_anisotropic_stride_and_torch_same_padding():
    x, W = torch.randn(2, 3, 10, 11), torch.randn(4, 3, 3, 2)
    assert_close(conv2d(x, W, stride=(2, 3)), F.conv2d(x, W, stride=(2, 3)))
    with pytest.warns(UserWarning, match="padding='same' with even kernel"):
        expected = F.conv2d(x, W, padding="same")  # torch: the extra padding goes after, as ours
    assert_close(conv2d(x, W, padding="same"), expected)
    assert_close(conv2d_fft(x, W, padding="same"), expected)


def test_conv1x1_is_a_pointwise_affine_map():
    x, W, b = torch.randn(2, 5, 4, 3), torch.randn(7, 5), torch.randn(7)
    assert_close(conv1x1(x, W, b), F.conv2d(x, W[:, :, None, None], b))
    assert_close(conv1x1(x, W, b), (W @ x.flatten(2) + b[:, None]).reshape(2, 7, 4, 3))


def test_bad_padding_is_rejected():
    with pytest.raises(ValueError):
        conv1d(torch.randn(1, 1, 5), torch.randn(1, 1, 3), padding="full")
    with pytest.raises(ValueError):
        conv1d(torch.randn(1, 1, 5), torch.randn(1, 1, 3), padding=-1)


# (r, stride, padding) for pooling
POOL_GRID = [(r, s, p) for r in (1, 2, 3) for s in (None, 1, 2) for p in range(0, r // 2 + 1)]


@pytest.mark.parametrize(("r", "s", "p"), POOL_GRID)
def test_pooling_matches_torch(r, s, p):
    x1, x2 = torch.randn(2, 3, 11), torch.randn(2, 3, 9, 10)
    st = s or r
    assert_close(max_pool1d(x1, r, s, p), F.max_pool1d(x1, r, st, p))
    assert_close(avg_pool1d(x1, r, s, p), F.avg_pool1d(x1, r, st, p))
    assert_close(min_pool1d(x1, r, s, p), -F.max_pool1d(-x1, r, st, p))
    assert_close(max_pool2d(x2, r, s, p), F.max_pool2d(x2, r, st, p))
    assert_close(avg_pool2d(x2, r, s, p), F.avg_pool2d(x2, r, st, p))
    assert_close(min_pool2d(x2, r, s, p), -F.max_pool2d(-x2, r, st, p))


def test_softmax_pooling_is_a_smooth_max():
    x1, x2 = torch.randn(2, 3, 12), torch.randn(2, 3, 8, 6)
    # beta = 0: average; beta -> infinity: maximum
    assert_close(softmax_pool1d(x1, 3, beta=0.0), F.avg_pool1d(x1, 3))
    assert_close(softmax_pool2d(x2, 2, beta=0.0), F.avg_pool2d(x2, 2))
    assert_close(softmax_pool1d(x1, 3, beta=1e4), F.max_pool1d(x1, 3), scale=1e3)
    assert_close(softmax_pool2d(x2, 2, beta=1e4), F.max_pool2d(x2, 2), scale=1e3)
    # beta = 1, one window written out
    w = x1[0, 0, :3]
    assert_close(softmax_pool1d(x1, 3)[0, 0, 0], (torch.softmax(w, 0) * w).sum())
    assert (softmax_pool2d(x2, 2, beta=2.0) <= F.max_pool2d(x2, 2) + 1e-12).all()


def test_locally_connected_with_shared_weights_is_convolution():
    x, W, b = torch.randn(2, 3, 8, 7), torch.randn(4, 3, 3, 2), torch.randn(4)
    Ho, Wo = conv_output_size(8, 3, 2, 1), conv_output_size(7, 2, 2, 1)
    Wlc = W.expand(Ho, Wo, *W.shape)
    blc = b[:, None, None].expand(4, Ho, Wo)
    assert_close(locally_connected2d(x, Wlc, blc, (3, 2), 2, 1), F.conv2d(x, W, b, stride=2, padding=1))


def test_locally_connected_uses_a_kernel_per_position():
    x = torch.randn(1, 2, 5, 5)
    W, b = torch.randn(3, 3, 4, 2, 3, 3), torch.randn(4, 3, 3)
    y = locally_connected2d(x, W, b, 3)
    for i, j in itertools.product(range(3), range(3)):
        patch = x[0, :, i : i + 3, j : j + 3]  # (2, 3, 3)
        assert_close(y[0, :, i, j], (W[i, j] * patch).sum(dim=(1, 2, 3)) + b[:, i, j])


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


def test_cheat_sheet_example_counts():
    # 7x7x3 image, two 3x3 filters, valid padding: 5x5x2 output, 2 (3*3*3 + 1) = 56 parameters
    assert conv_output_shape((3, 7, 7), 2, 3) == (2, 5, 5)
    assert conv_param_count(3, 2, 3) == 56
    assert conv_output_size(28, 5, padding="same") == 28
    with pytest.raises(ValueError):
        conv_output_size(3, 5)


def _torch_lenet() -> nn.Sequential:
    return nn.Sequential(
        nn.Conv2d(1, 6, 5), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(6, 16, 5), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(16, 120, 5), nn.ReLU(), nn.Flatten(),
        nn.Linear(120, 84), nn.ReLU(), nn.Linear(84, 10),
    )  # fmt: skip


def test_lenet5_matches_torch_reference():
    ours, ref = LeNet5(), _torch_lenet()
    assert sum(p.numel() for p in ours.parameters()) == sum(p.numel() for p in ref.parameters()) == 61706
    with torch.no_grad():
        for p_ref, p_ours in zip(ref.parameters(), ours.parameters(), strict=True):
            p_ref.copy_(p_ours)
    x = torch.randn(3, 1, 32, 32)
    assert_close(ours(x), ref(x))


def test_inception_matches_torch_reference():
    m = Inception(8, c1=4, r3=3, c3=5, r5=2, c5=3, cp=2)
    x = torch.randn(2, 8, 9, 7)
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


def test_conv_module_gradients_match_torch():
    ours = Conv2d(3, 4, 3, stride=2, padding=1)
    ref = nn.Conv2d(3, 4, 3, stride=2, padding=1)
    with torch.no_grad():
        ref.weight.copy_(ours.weight)
        ref.bias.copy_(ours.bias)
    x = torch.randn(2, 3, 9, 9)
    ours(x).square().sum().backward()
    ref(x).square().sum().backward()
    assert_close(ours.weight.grad, ref.weight.grad)
    assert_close(ours.bias.grad, ref.bias.grad)


def test_float32_smoke():
    x, W = torch.randn(2, 3, 16, 16, dtype=torch.float32), torch.randn(4, 3, 3, 3, dtype=torch.float32)
    y = conv2d(x, W, padding=1)
    assert y.dtype == torch.float32
    assert_close(y, F.conv2d(x, W, padding=1))
    assert_close(conv2d_fft(x, W, padding=1), F.conv2d(x, W, padding=1), scale=10)
