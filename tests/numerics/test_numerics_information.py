"""Entropy, cross-entropy, KL divergence and mutual information against torch and scikit-learn."""

from __future__ import annotations

import math

import numpy as np
import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.metrics import mutual_info_score

from numerics.information import cross_entropy, entropy, kl_divergence, mutual_information
from numerics.testing import assert_close


@st.composite
def distributions(draw, *, n: int, zeros: bool = True):
    """A probability vector as the softmax of bounded logits, optionally with some exact zeros."""
    logits = torch.tensor(draw(st.lists(st.floats(-5, 5), min_size=n, max_size=n)))
    p = torch.softmax(logits, 0)
    if zeros:
        mask = torch.tensor(draw(st.lists(st.booleans(), min_size=n, max_size=n)))
        mask[0] = True
        p = p * mask
        p = p / p.sum()
    return p


@settings(max_examples=40, deadline=None)
@given(p=distributions(n=6), q=distributions(n=6, zeros=False))
def test_measures_against_torch_distributions(p, q):
    assert_close(entropy(p), torch.distributions.Categorical(probs=p).entropy())
    assert_close(
        kl_divergence(p, q),
        torch.distributions.kl_divergence(
            torch.distributions.Categorical(probs=p), torch.distributions.Categorical(probs=q)
        ),
    )
    assert_close(cross_entropy(p, q), entropy(p) + kl_divergence(p, q))
    assert kl_divergence(p, q) >= -1e-12
    assert 0 <= entropy(p) <= math.log(6) + 1e-12


@settings(max_examples=40, deadline=None)
@given(j=distributions(n=12))
def test_mutual_information_identities(j):
    joint = j.reshape(3, 4)
    mi = mutual_information(joint)
    hx, hy, hxy = entropy(joint.sum(1)), entropy(joint.sum(0)), entropy(joint.flatten())
    assert_close(mi, hx + hy - hxy, scale=10)
    assert mi >= -1e-12


def test_mutual_information_matches_sklearn_contingency():
    counts = np.array([[10, 2, 0], [3, 7, 5], [0, 1, 12], [4, 4, 4]])
    joint = torch.from_numpy(counts / counts.sum())
    assert_close(mutual_information(joint), mutual_info_score(None, None, contingency=counts))


def test_independent_variables_have_zero_information():
    px, py = torch.tensor([0.2, 0.8]), torch.tensor([0.1, 0.3, 0.6])
    assert_close(mutual_information(px[:, None] * py[None, :]), 0.0)


def test_known_values_and_zero_conventions(device):
    def t(*v):
        return torch.tensor(v).to(device)

    assert_close(entropy(t(0.5, 0.5, 0.0)), math.log(2))
    assert_close(entropy(t(1.0, 0.0)), 0.0)
    assert kl_divergence(t(0.5, 0.5), t(1.0, 0.0)) == math.inf
    assert_close(kl_divergence(t(0.0, 1.0), t(0.5, 0.5)), math.log(2))
    assert_close(mutual_information(t(0.2, 0.8)[:, None] * t(0.1, 0.3, 0.6)[None, :]), 0.0)


def test_batched(device):
    P = torch.softmax(torch.randn(4, 5), -1).to(device)
    assert_close(entropy(P), torch.stack([entropy(p) for p in P]))
    assert entropy(P).device == P.device
    J = torch.softmax(torch.randn(3, 6), -1).reshape(3, 2, 3).to(device)
    assert_close(mutual_information(J), torch.stack([mutual_information(j) for j in J]))


@pytest.mark.parametrize("fn", [entropy])
def test_float32_smoke(fn):
    p = torch.tensor([0.25, 0.25, 0.5], dtype=torch.float32)
    assert fn(p).dtype == torch.float32
    assert_close(fn(p), 1.5 * math.log(2))
