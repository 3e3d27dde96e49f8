"""Region counts: exact arrangement counts, ReLU-net counts, and the bounds they must respect."""

from __future__ import annotations

import math

import numpy as np
import pytest
import torch

from numerics.regions import (
    arrangement_region_count,
    count_arrangement_regions,
    count_relu_regions_2d,
    count_relu_regions_grid,
    deep_relu_region_bound,
    relu_layer_region_bound,
)


@pytest.mark.parametrize("n", [1, 2, 3])
@pytest.mark.parametrize("m", [1, 2, 4, 6])
def test_general_position_reaches_the_arrangement_count(m, n):
    rng = np.random.default_rng(10 * m + n)
    W, b = rng.normal(size=(m, n)), rng.normal(size=m)
    assert count_arrangement_regions(W, b) == arrangement_region_count(m, n)


DEGENERATE = [
    # (W, b, regions, why)
    ([[1, 0], [1, 0], [2, 0]], [0, 1, 4], 4, "three parallel lines"),
    ([[1, 0], [0, 1], [1, 1]], [0, 0, 0], 6, "three lines through one point"),
    ([[1, 0], [2, 0]], [1, 2], 2, "a duplicated line"),
    ([[1, 0, 0], [0, 1, 0], [0, 0, 1], [1, 1, 1]], [0, 0, 0, 0], 14, "four planes through the origin"),
]


@pytest.mark.parametrize(("W", "b", "regions", "why"), DEGENERATE, ids=[c[3] for c in DEGENERATE])
def test_degenerate_arrangements_stay_below_the_bound(W, b, regions, why):
    count = count_arrangement_regions(W, b)
    assert count == regions
    assert count <= arrangement_region_count(len(W), len(W[0]))


def test_bound_formulas():
    assert [arrangement_region_count(m, 2) for m in range(5)] == [1, 2, 4, 7, 11]
    for m in range(1, 6):  # m <= n: every sign pattern, 2^m
        assert relu_layer_region_bound(m, 6) == 2**m
    assert deep_relu_region_bound(2, [3]) == relu_layer_region_bound(3, 2)
    assert deep_relu_region_bound(2, [4, 4]) == 11 * 11
    assert deep_relu_region_bound(3, [2, 5]) == 4 * (1 + 5 + 10)  # d_2 = min(3, 2, 5) = 2
    assert arrangement_region_count(20, 2) == 1 + 20 + math.comb(20, 2)  # O(m^n)


@pytest.mark.parametrize("m", [2, 4, 7])
def test_one_relu_layer_has_the_arrangement_count(m):
    g = torch.Generator().manual_seed(m)
    W, b = torch.randn(m, 2, generator=g), torch.randn(m, generator=g)
    # a box containing every intersection point of the m lines
    pts = [torch.linalg.solve(W[[i, j]], -b[[i, j]]) for i in range(m) for j in range(i + 1, m)]
    R = 2 + max(float(p.abs().max()) for p in pts)
    assert count_relu_regions_2d([W], [b], (-R, R, -R, R)) == arrangement_region_count(m, 2)


@pytest.mark.parametrize("widths", [[4, 4], [6, 3], [3, 5, 2]])
def test_deep_relu_counts_respect_the_bounds(widths):
    g = torch.Generator().manual_seed(sum(widths))
    dims = [2, *widths]
    Ws = [torch.randn(b, a, generator=g) for a, b in zip(dims[:-1], dims[1:], strict=True)]
    bs = [torch.randn(b, generator=g) for b in widths]
    box = (-4.0, 4.0, -4.0, 4.0)
    exact = count_relu_regions_2d(Ws, bs, box)
    grid = count_relu_regions_grid(Ws, bs, box, resolution=300)
    assert 1 <= grid <= exact <= deep_relu_region_bound(2, widths)
    assert exact >= count_relu_regions_2d(Ws[:1], bs[:1], box)  # later layers only refine


def test_grid_count_finds_large_regions_exactly():
    # lines x = 0, y = 0, x + y = 1 in [-2, 2]^2: 7 regions, all wide
    W = torch.tensor([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]])
    b = torch.tensor([0.0, 0.0, -1.0])
    box = (-2.0, 2.0, -2.0, 2.0)
    assert count_relu_regions_2d([W], [b], box) == count_relu_regions_grid([W], [b], box, 200) == 7
