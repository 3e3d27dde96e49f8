"""Direct and FFT convolution against torch.nn.functional.conv1d / conv2d: arguments, results, errors."""

from __future__ import annotations

import itertools
import math

import pytest
import torch
import torch.nn.functional as F

import numerics.conv.direct as direct
from numerics._checks import ShapeError
from numerics.conv import conv1d, conv1d_fft, conv1x1, conv2d, conv2d_fft, conv_output_size
from numerics.conv.fft import fft_size
from numerics.testing import assert_close


def _tf_pad(n: int, k: int, s: int, padding) -> tuple[int, int]:
    """Padding amounts computed independently of numerics (TensorFlow's 'same' rule for any stride)."""
    if padding == "valid":
        return 0, 0
    if padding == "same":
        total = max((math.ceil(n / s) - 1) * s + k - n, 0)
        return total // 2, total - total // 2
    return padding, padding


# (B, C, K, n, kernel, stride, padding), padding applied by hand so that stride > 1 with "same" is covered
CONV_GRID = [
    (B, C, K, n, k, s, p)
    for (B, C, K), (n, k), s, p in itertools.product(
        [(1, 1, 1), (2, 3, 4)], [(7, 1), (8, 3), (9, 4), (5, 5)], [1, 2, 3], ["valid", "same", 1]
    )
]


@pytest.mark.parametrize(("B", "C", "K", "n", "k", "s", "p"), CONV_GRID)
def test_conv1d_direct_and_fft_match_torch(B, C, K, n, k, s, p, device):
    x, W, b = (t.to(device) for t in (torch.randn(B, C, n), torch.randn(K, C, k), torch.randn(K)))
    expected = F.conv1d(F.pad(x, _tf_pad(n, k, s, p)), W, b, stride=s)
    assert_close(conv1d(x, W, b, s, p), expected)
    assert_close(conv1d_fft(x, W, b, s, p), expected)
    assert expected.shape[-1] == conv_output_size(n, k, s, p)


@pytest.mark.parametrize(("B", "C", "K", "n", "k", "s", "p"), CONV_GRID)
def test_conv2d_direct_and_fft_match_torch(B, C, K, n, k, s, p, device):
    H, Wd = n, n + 2  # non-square images
    kh, kw = k, max(1, k - 1)  # non-square kernels
    x, W, b = (t.to(device) for t in (torch.randn(B, C, H, Wd), torch.randn(K, C, kh, kw), torch.randn(K)))
    t, bo = _tf_pad(H, kh, s, p)
    le, r = _tf_pad(Wd, kw, s, p)
    expected = F.conv2d(F.pad(x, (le, r, t, bo)), W, b, stride=s)
    assert_close(conv2d(x, W, b, s, p), expected)
    assert_close(conv2d_fft(x, W, b, s, p), expected)
    assert_close(conv2d(x, W, None, s, p), expected - b[:, None, None])
    assert expected.shape[-2:] == (conv_output_size(H, kh, s, p), conv_output_size(Wd, kw, s, p))


# torch's own arguments: (C, K, groups, kernel, stride, padding, dilation), on a 9 x 11 image
TORCH_ARGS = [
    (4, 6, 2, (3, 2), (2, 1), (1, 2), (2, 1)),
    (4, 4, 4, 3, 1, 1, 1),  # depthwise
    (6, 3, 3, (1, 3), 2, (0, 1), (1, 3)),
    (3, 5, 1, 3, (3, 2), "valid", 2),
    (2, 4, 2, (2, 3), 1, "same", (2, 1)),  # torch puts the odd padding entry after, as ours
    (3, 2, 1, 4, (2, 3), 3, 1),
    (8, 8, 2, 2, 2, 0, (3, 4)),
    (1, 1, 1, (9, 11), 1, 0, 1),  # kernel as large as the input
]


@pytest.mark.parametrize(("C", "K", "g", "k", "s", "p", "d"), TORCH_ARGS)
@pytest.mark.parametrize("fn", [conv2d, conv2d_fft], ids=["direct", "fft"])
def test_conv2d_takes_torch_arguments(fn, C, K, g, k, s, p, d, device):
    kh, kw = (k, k) if isinstance(k, int) else k
    x = torch.randn(2, C, 9, 11).to(device)
    W, b = torch.randn(K, C // g, kh, kw).to(device), torch.randn(K).to(device)
    expected = F.conv2d(x, W, b, s, p, d, g)
    assert_close(fn(x, W, b, s, p, d, g), expected)
    assert_close(fn(x, W, b, stride=s, padding=p, dilation=d, groups=g), expected)
    assert_close(fn(x[1], W, None, s, p, d, g), F.conv2d(x[1], W, None, s, p, d, g))  # unbatched (C, H, W)


@pytest.mark.parametrize(("C", "K", "g", "k", "s", "p", "d"), TORCH_ARGS)
@pytest.mark.parametrize("fn", [conv1d, conv1d_fft], ids=["direct", "fft"])
def test_conv1d_takes_torch_arguments(fn, C, K, g, k, s, p, d, device):
    first = lambda v: v[0] if isinstance(v, tuple) else v  # noqa: E731
    k, s, p, d = first(k), first(s), first(p), first(d)
    x, W, b = (
        torch.randn(3, C, 13).to(device),
        torch.randn(K, C // g, k).to(device),
        torch.randn(K).to(device),
    )
    assert_close(fn(x, W, b, s, p, d, g), F.conv1d(x, W, b, s, p, d, g))
    assert_close(fn(x[0], W, b, s, p, d, g), F.conv1d(x[0], W, b, s, p, d, g))  # unbatched (C, n)


def test_same_padding_with_an_even_kernel_matches_torch():
    x, W = torch.randn(2, 3, 10, 11), torch.randn(4, 3, 3, 2)
    assert_close(conv2d(x, W, stride=(2, 3)), F.conv2d(x, W, stride=(2, 3)))
    with pytest.warns(UserWarning, match="padding='same' with even kernel"):
        expected = F.conv2d(x, W, padding="same")  # torch: the extra padding goes after, as ours
    assert_close(conv2d(x, W, padding="same"), expected)
    assert_close(conv2d_fft(x, W, padding="same"), expected)


def test_chunked_and_autograd_paths_agree_with_torch(monkeypatch, device):
    """Without autograd the im2col buffer is filled a few images at a time; with it, in one piece."""
    monkeypatch.setattr(
        direct, "_IM2COL_ENTRIES", 500
    )  # a few images per chunk: several chunks, a short last one
    x = torch.randn(7, 4, 8, 9).to(device)
    W, b = torch.randn(6, 2, 3, 3).to(device), torch.randn(6).to(device)
    expected = F.conv2d(x, W, b, 1, 1, 1, 2)
    with torch.no_grad():
        assert_close(conv2d(x, W, b, 1, 1, 1, 2), expected)
    ours = [t.clone().requires_grad_(True) for t in (x, W, b)]
    ref = [t.clone().requires_grad_(True) for t in (x, W, b)]
    y = conv2d(*ours, 1, 1, 2, 2)
    y_ref = F.conv2d(*ref, 1, 1, 2, 2)
    assert_close(y.detach(), y_ref.detach())
    y.square().sum().backward()
    y_ref.square().sum().backward()
    for a, e in zip(ours, ref, strict=True):
        assert_close(a.grad, e.grad)


def test_fft_conv_gradients_match_torch():
    x, W = torch.randn(2, 3, 9, 8, requires_grad=True), torch.randn(4, 3, 4, 3, requires_grad=True)
    torch.autograd.gradcheck(lambda a, w: conv2d_fft(a, w, None, 2, 1, (1, 2)), (x, W))
    x2, W2 = x.detach().clone().requires_grad_(True), W.detach().clone().requires_grad_(True)
    conv2d_fft(x, W, stride=2).sum().backward()
    F.conv2d(x2, W2, stride=2).sum().backward()
    assert_close(x.grad, x2.grad)
    assert_close(W.grad, W2.grad)


@pytest.mark.parametrize("fn", [conv1d, conv1d_fft, conv2d, conv2d_fft])
def test_kernel_larger_than_input_raises_like_torch(fn):
    """Regression: the FFT convolution returned an empty tensor where torch raises."""
    two_d = fn in (conv2d, conv2d_fft)
    x = torch.randn(1, 2, 4, 4) if two_d else torch.randn(1, 2, 4)
    W = torch.randn(3, 2, 5, 5) if two_d else torch.randn(3, 2, 5)
    ref = F.conv2d if two_d else F.conv1d
    with pytest.raises(RuntimeError, match="Kernel size can't be greater"):
        ref(x, W)
    with pytest.raises(RuntimeError, match="larger than the padded input size 4"):
        fn(x, W)
    with pytest.raises(ValueError):  # ShapeError is both
        fn(x, W, dilation=2)
    assert fn(x, W, padding=1).shape[-1] == 2  # padded to 6: fits


@pytest.mark.parametrize("fn", [conv2d, conv2d_fft])
def test_bad_shapes_name_the_argument(fn):
    x, W = torch.randn(2, 5, 8, 8), torch.randn(4, 3, 3, 3)
    with pytest.raises(
        ShapeError, match=r"x \(2, 5, 8, 8\) has 5 channels but W \(4, 3, 3, 3\) with groups=1 expects 3"
    ):
        fn(x, W)
    with pytest.raises(ShapeError, match=r"x \(5, 8, 8\) has 5 channels"):
        fn(x[0], W)
    with pytest.raises(ShapeError, match="not divisible by groups=3"):
        fn(torch.randn(2, 6, 8, 8), torch.randn(4, 2, 3, 3), groups=3)
    with pytest.raises(ShapeError, match=r"bias b must have shape \(4,\)"):
        fn(torch.randn(2, 3, 8, 8), W, torch.randn(3))
    with pytest.raises(ShapeError, match=r"x must have 3 or 4 dimensions, got shape \(8, 8\)"):
        fn(torch.randn(8, 8), W)
    with pytest.raises(ShapeError, match="W must have 4 dimensions"):
        fn(torch.randn(2, 3, 8, 8), torch.randn(4, 3, 3))
    with pytest.raises(TypeError, match="share one dtype"):
        fn(torch.randn(2, 3, 8, 8), W.float())
    with pytest.raises(ValueError, match="stride must be >= 1"):
        fn(torch.randn(2, 3, 8, 8), W, stride=0)
    with pytest.raises(ValueError, match="tuple of 2 ints"):
        fn(torch.randn(2, 3, 8, 8), W, stride=(1, 2, 3))
    with pytest.raises(ValueError, match="padding must be"):
        fn(torch.randn(2, 3, 8, 8), W, padding="full")
    with pytest.raises(ValueError, match="padding must be >= 0"):
        fn(torch.randn(2, 3, 8, 8), W, padding=-1)


def test_fft_size_is_the_next_5_smooth_number():
    def smooth(m: int) -> bool:
        for p in (2, 3, 5):
            while m % p == 0:
                m //= p
        return m == 1

    for n in range(1, 400):
        assert fft_size(n) == next(m for m in itertools.count(n) if smooth(m)), n


def test_conv1x1_is_a_pointwise_affine_map(device):
    x, W, b = torch.randn(2, 5, 4, 3).to(device), torch.randn(7, 5).to(device), torch.randn(7).to(device)
    assert_close(conv1x1(x, W, b), F.conv2d(x, W[:, :, None, None], b))
    assert_close(conv1x1(x, W, b), (W @ x.flatten(2) + b[:, None]).reshape(2, 7, 4, 3))
    with pytest.raises(ShapeError, match="W"):
        conv1x1(x, torch.randn(7, 4).to(device))


@pytest.mark.parametrize("fn", [conv2d, conv2d_fft])
def test_float32_follows_the_input(fn, device):
    x, W = torch.randn(2, 3, 16, 16).float().to(device), torch.randn(4, 3, 3, 3).float().to(device)
    y = fn(x, W, padding=1)
    assert y.dtype == torch.float32 and y.device == x.device
    assert_close(y, F.conv2d(x, W, padding=1), scale=10)
