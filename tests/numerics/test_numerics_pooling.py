"""Max, average, min and softmax pooling against torch.nn.functional: arguments, results, indices, errors."""

from __future__ import annotations

import itertools

import pytest
import torch
import torch.nn.functional as F

from numerics._checks import ShapeError
from numerics.conv import (
    avg_pool1d,
    avg_pool2d,
    max_pool1d,
    max_pool2d,
    min_pool1d,
    min_pool2d,
    softmax_pool1d,
    softmax_pool2d,
)
from numerics.testing import assert_close

# (kernel, stride, padding, dilation, ceil_mode): per-dimension tuples, padding up to half the window
POOL_GRID = [
    (k, s, p, d, c)
    for k, s, p, d, c in itertools.product(
        [1, 2, 3, (2, 3)], [None, 1, 2, (2, 1)], [0, 1, (1, 0)], [1, (1, 2)], [False, True]
    )
    if all(
        pi <= ki // 2 for pi, ki in zip(*(v if isinstance(v, tuple) else (v, v) for v in (p, k)), strict=True)
    )
]


def _first(v):
    return v[0] if isinstance(v, tuple) else v


@pytest.mark.parametrize(("k", "s", "p", "d", "c"), POOL_GRID)
def test_pool2d_matches_torch(k, s, p, d, c, device):
    x = torch.randn(2, 3, 9, 10).to(device)
    args = dict(kernel_size=k, stride=s, padding=p, ceil_mode=c)
    values, idx = max_pool2d(x, **args, dilation=d, return_indices=True)
    ref_values, ref_idx = F.max_pool2d(x, **args, dilation=d, return_indices=True)
    assert_close(values, ref_values)
    assert torch.equal(idx, ref_idx)
    low, low_idx = min_pool2d(x, **args, dilation=d, return_indices=True)
    neg, neg_idx = F.max_pool2d(-x, **args, dilation=d, return_indices=True)
    assert_close(low, -neg)
    assert torch.equal(low_idx, neg_idx)
    for include in (True, False):
        assert_close(
            avg_pool2d(x, **args, count_include_pad=include),
            F.avg_pool2d(x, **args, count_include_pad=include),
        )
    assert_close(avg_pool2d(x, **args, divisor_override=5), F.avg_pool2d(x, **args, divisor_override=5))
    assert_close(max_pool2d(x[0], **args, dilation=d), F.max_pool2d(x[0], **args, dilation=d))  # unbatched


@pytest.mark.parametrize(("k", "s", "p", "d", "c"), POOL_GRID)
def test_pool1d_matches_torch(k, s, p, d, c, device):
    x = torch.randn(2, 3, 11).to(device)
    args = dict(kernel_size=_first(k), stride=_first(s), padding=_first(p), ceil_mode=c)
    values, idx = max_pool1d(x, **args, dilation=_first(d), return_indices=True)
    ref_values, ref_idx = F.max_pool1d(x, **args, dilation=_first(d), return_indices=True)
    assert_close(values, ref_values)
    assert torch.equal(idx, ref_idx)
    assert_close(min_pool1d(x, **args, dilation=_first(d)), -F.max_pool1d(-x, **args, dilation=_first(d)))
    for include in (True, False):
        assert_close(
            avg_pool1d(x, **args, count_include_pad=include),
            F.avg_pool1d(x, **args, count_include_pad=include),
        )
    assert_close(avg_pool1d(x[0], **args), F.avg_pool1d(x[0], **args))  # unbatched (C, L)


def test_positional_arguments_are_torchs():
    x = torch.randn(2, 3, 9, 10)
    assert_close(max_pool2d(x, 3, 2, 1, 2, True), F.max_pool2d(x, 3, 2, 1, 2, True))
    assert_close(avg_pool2d(x, 3, 2, 1, True, False), F.avg_pool2d(x, 3, 2, 1, True, False))
    assert_close(avg_pool1d(x[0], 3, 2, 1, True, False), F.avg_pool1d(x[0], 3, 2, 1, True, False))


@pytest.mark.parametrize(
    "pool",
    [max_pool1d, avg_pool1d, min_pool1d, softmax_pool1d, max_pool2d, avg_pool2d, min_pool2d, softmax_pool2d],
)
def test_padding_larger_than_half_the_window_is_refused(pool):
    """Regression: padding 2 with a window of 3 returned -inf / +inf entries; torch refuses it."""
    x = torch.randn(1, 2, 8, 8)
    with pytest.raises(RuntimeError, match="at most half"):
        (F.max_pool2d if "2d" in pool.__name__ else F.max_pool1d)(
            x if "2d" in pool.__name__ else x[0], 3, 1, 2
        )
    with pytest.raises(ValueError, match=r"padding 2 must be at most half of kernel_size 3"):
        pool(x, 3, 1, padding=2)
    assert torch.isfinite(pool(x, 3, 1, padding=1)).all()


def test_output_too_small_is_a_shape_error():
    with pytest.raises(ShapeError, match="larger than the padded input"):
        max_pool2d(torch.randn(1, 1, 2, 2), 3)
    with pytest.raises(ShapeError, match="at least 2 dimensions"):
        avg_pool2d(torch.randn(4), 2)
    with pytest.raises(ValueError, match="kernel_size must be an int or a tuple of 2 ints"):
        max_pool2d(torch.randn(1, 4, 4), (2, 2, 2))


def test_softmax_pooling_is_a_smooth_max(device):
    x1, x2 = torch.randn(2, 3, 12).to(device), torch.randn(2, 3, 8, 6).to(device)
    # beta = 0: average; beta -> infinity: maximum
    assert_close(softmax_pool1d(x1, 3, beta=0.0), F.avg_pool1d(x1, 3))
    assert_close(softmax_pool2d(x2, 2, beta=0.0), F.avg_pool2d(x2, 2))
    assert_close(softmax_pool1d(x1, 3, beta=1e4), F.max_pool1d(x1, 3), scale=1e3)
    assert_close(softmax_pool2d(x2, 2, beta=1e4), F.max_pool2d(x2, 2), scale=1e3)
    # beta = 1, one window written out
    w = x1[0, 0, :3]
    assert_close(softmax_pool1d(x1, 3)[0, 0, 0], (torch.softmax(w, 0) * w).sum())
    assert (softmax_pool2d(x2, 2, beta=2.0) <= F.max_pool2d(x2, 2) + 1e-12).all()


def test_softmax_pooling_ignores_padding_and_takes_the_other_arguments(device):
    x = torch.randn(2, 3, 9, 8).to(device)
    args = dict(kernel_size=(3, 2), stride=(2, 1), padding=(1, 1), ceil_mode=True)
    # beta = 0 over the entries inside the input: the average that does not count the padding
    assert_close(softmax_pool2d(x, beta=0.0, **args), F.avg_pool2d(x, count_include_pad=False, **args))
    assert_close(softmax_pool2d(x, beta=1e4, **args), F.max_pool2d(x, **args), scale=1e3)
    assert_close(softmax_pool2d(x, beta=-1e4, **args), -F.max_pool2d(-x, **args), scale=1e3)
    dil = dict(kernel_size=3, stride=1, padding=1, dilation=2)
    assert_close(softmax_pool1d(x[0], beta=1e4, **dil), F.max_pool1d(x[0], **dil), scale=1e3)
    assert torch.isfinite(softmax_pool2d(x, beta=0.0, **args)).all()


@pytest.mark.parametrize("pool", [max_pool2d, avg_pool2d, min_pool2d, softmax_pool2d])
def test_pooling_follows_dtype_and_device(pool, device):
    x = torch.randn(2, 3, 6, 6).float().to(device)
    y = pool(x, 2, padding=1)
    assert y.dtype == torch.float32 and y.device == x.device
