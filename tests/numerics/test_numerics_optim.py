"""Optimizers, clipping and schedules against torch.optim over many steps."""

from __future__ import annotations

import math

import pytest
import torch

from numerics.optim import (
    SGD,
    Adagrad,
    Adam,
    RMSprop,
    clip_grad_norm_,
    clip_grad_value_,
    cosine_decay,
    exponential_decay,
    linear_decay,
    step_decay,
)
from numerics.testing import assert_close

STEPS = 100

CASES = [
    (SGD, torch.optim.SGD, dict(lr=0.01)),
    (SGD, torch.optim.SGD, dict(lr=0.01, weight_decay=0.1)),
    (SGD, torch.optim.SGD, dict(lr=0.01, momentum=0.9)),
    (SGD, torch.optim.SGD, dict(lr=0.01, momentum=0.9, dampening=0.3, weight_decay=0.05)),
    (SGD, torch.optim.SGD, dict(lr=0.01, momentum=0.9, nesterov=True, weight_decay=0.05)),
    (Adagrad, torch.optim.Adagrad, dict(lr=0.1)),
    (
        Adagrad,
        torch.optim.Adagrad,
        dict(lr=0.1, lr_decay=0.01, weight_decay=0.1, initial_accumulator_value=0.2),
    ),
    (RMSprop, torch.optim.RMSprop, dict(lr=0.01)),
    (RMSprop, torch.optim.RMSprop, dict(lr=0.01, alpha=0.9, weight_decay=0.1, momentum=0.5)),
    (RMSprop, torch.optim.RMSprop, dict(lr=0.01, centered=True, momentum=0.3)),
    (Adam, torch.optim.Adam, dict(lr=0.01)),
    (Adam, torch.optim.Adam, dict(lr=0.01, betas=(0.8, 0.99), eps=1e-6, weight_decay=0.1)),
    (Adam, torch.optim.Adam, dict(lr=0.01, weight_decay=0.1, decoupled_weight_decay=True)),
]


def _problem():
    g = torch.Generator().manual_seed(1)
    A = torch.randn(6, 6, generator=g)
    params = [
        torch.randn(6, generator=g, requires_grad=True),
        torch.randn(3, 2, generator=g, requires_grad=True),
    ]

    def loss():
        x, Y = params
        return (A @ x).pow(2).sum() + Y.sin().sum() + (x[:3] * Y[:, 0]).sum() + x.pow(4).sum() * 0.01

    return params, loss


def _trajectory(cls, kwargs, groups: bool) -> torch.Tensor:
    params, loss = _problem()
    if groups:  # a second group with its own learning rate
        opt = cls([{"params": [params[0]]}, {"params": [params[1]], "lr": kwargs["lr"] / 2}], **kwargs)
    else:
        opt = cls(params, **kwargs)
    out = []
    for _ in range(STEPS):
        opt.zero_grad()
        loss().backward()
        opt.step()
        out.append(torch.cat([p.detach().flatten() for p in params]))
    return torch.stack(out)  # (STEPS, n_params)


@pytest.mark.parametrize("groups", [False, True])
@pytest.mark.parametrize(("ours", "theirs", "kwargs"), CASES)
def test_trajectory_matches_torch_optim(ours, theirs, kwargs, groups):
    assert_close(_trajectory(ours, kwargs, groups), _trajectory(theirs, {**kwargs, "foreach": True}, groups))


def test_closure_and_missing_gradients():
    params, loss = _problem()
    frozen = torch.zeros(2, requires_grad=True)  # never gets a gradient
    opt = Adam([*params, frozen], lr=0.1)
    value = opt.step(lambda: (opt.zero_grad(), loss().backward(), loss())[-1])
    assert value is not None and torch.isfinite(value)
    assert_close(frozen, torch.zeros(2))
    assert "exp_avg" not in opt.state[frozen]


def test_state_dict_round_trip():
    params, loss = _problem()
    opt = RMSprop(params, lr=0.01, momentum=0.5)
    for _ in range(3):
        opt.zero_grad()
        loss().backward()
        opt.step()
    opt2 = RMSprop(params, lr=0.01, momentum=0.5)
    opt2.load_state_dict(opt.state_dict())
    assert opt2.state[params[0]]["step"] == 3
    assert_close(opt2.state[params[0]]["square_avg"], opt.state[params[0]]["square_avg"])


def test_adam_bias_correction_makes_first_step_size_lr():
    """With a constant gradient, m_hat = g and v_hat = g^2, so every coordinate moves by lr (up to eps)."""
    p = torch.zeros(4, requires_grad=True)
    opt = Adam([p], lr=0.1, eps=0.0)
    for t in range(1, 4):
        p.grad = torch.tensor([1.0, -2.0, 0.5, 3.0])
        opt.step()
        assert_close(p, -0.1 * t * torch.sign(p.grad))


@pytest.mark.parametrize(
    "bad",
    [
        dict(lr=-1.0),
        dict(momentum=-0.1),
        dict(nesterov=True),
        dict(momentum=0.9, nesterov=True, dampening=0.1),
    ],
)
def test_sgd_rejects_bad_hyperparameters(bad):
    with pytest.raises(ValueError):
        SGD([torch.zeros(1, requires_grad=True)], **bad)


@pytest.mark.parametrize("norm_type", [1.0, 2.0, 3.0, math.inf])
@pytest.mark.parametrize("max_norm", [0.1, 1e3])
def test_clip_grad_norm_matches_torch(norm_type, max_norm):
    grads = [torch.randn(5), torch.randn(2, 3), torch.randn(1)]
    a = [torch.zeros_like(g, requires_grad=True) for g in grads]
    b = [torch.zeros_like(g, requires_grad=True) for g in grads]
    for p, q, g in zip(a, b, grads, strict=True):
        p.grad, q.grad = g.clone(), g.clone()
    total = clip_grad_norm_(a, max_norm, norm_type)
    expected = torch.nn.utils.clip_grad_norm_(b, max_norm, norm_type, foreach=True)
    assert_close(total, expected)
    for p, q in zip(a, b, strict=True):
        assert_close(p.grad, q.grad)


def test_clip_grad_value_matches_torch():
    a, b = torch.zeros(10, requires_grad=True), torch.zeros(10, requires_grad=True)
    g = torch.randn(10) * 3
    a.grad, b.grad = g.clone(), g.clone()
    clip_grad_value_([a], 1.5)
    torch.nn.utils.clip_grad_value_([b], 1.5, foreach=True)
    assert_close(a.grad, b.grad)
    assert a.grad.abs().max() <= 1.5


def _torch_lrs(make_sched, lr0: float, T: int) -> list[float]:
    opt = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=lr0)
    sched = make_sched(opt)
    out = []
    for _ in range(T + 1):
        out.append(opt.param_groups[0]["lr"])
        opt.step()
        sched.step()
    return out


SCHEDULES = [
    ("step", lambda t: step_decay(t, 0.5, 7, 0.3), lambda o: torch.optim.lr_scheduler.StepLR(o, 7, 0.3)),
    (
        "exp",
        lambda t: exponential_decay(t, 0.5, 0.95),
        lambda o: torch.optim.lr_scheduler.ExponentialLR(o, 0.95),
    ),
    (
        "linear",
        lambda t: linear_decay(t, 0.5, 0.05, 20),
        lambda o: torch.optim.lr_scheduler.LinearLR(o, start_factor=1.0, end_factor=0.1, total_iters=20),
    ),
    (
        "cosine",
        lambda t: cosine_decay(t, 0.5, 0.01, 30),
        lambda o: torch.optim.lr_scheduler.CosineAnnealingLR(o, T_max=30, eta_min=0.01),
    ),
]


@pytest.mark.parametrize(("name", "ours", "make"), SCHEDULES, ids=[s[0] for s in SCHEDULES])
def test_schedule_matches_torch_scheduler(name, ours, make):
    T = 30
    # torch's LinearLR/CosineAnnealingLR are recursive products; they agree with the closed forms to round-off
    assert_close(
        torch.tensor([ours(t) for t in range(T + 1)]), torch.tensor(_torch_lrs(make, 0.5, T)), scale=100
    )


def test_cosine_decay_domain():
    with pytest.raises(ValueError):
        cosine_decay(11, 1.0, 0.0, 10)


def test_float32_smoke():
    p32 = torch.randn(5, dtype=torch.float32, requires_grad=True)
    q32 = p32.detach().clone().requires_grad_(True)
    a, b = Adam([p32], lr=0.01), torch.optim.Adam([q32], lr=0.01, foreach=True)
    for _ in range(10):
        for p, o in ((p32, a), (q32, b)):
            o.zero_grad()
            p.square().sum().backward()
            o.step()
    assert p32.dtype == torch.float32
    assert_close(p32, q32)
