"""Learning-rate schedules (functions and schedulers) against torch.optim.lr_scheduler; gradient clipping."""

from __future__ import annotations

import math

import pytest
import torch
from torch.optim import lr_scheduler as S

from numerics.optim import (
    SGD,
    CosineDecay,
    ExponentialDecay,
    LinearDecay,
    StepDecay,
    clip_grad_norm_,
    clip_grad_value_,
    cosine_decay,
    exponential_decay,
    linear_decay,
    step_decay,
)
from numerics.testing import assert_close

LR0, T = 0.5, 30


def _lrs(make_sched, steps: int, lrs=(LR0,)) -> torch.Tensor:
    """Each group's rate before each of ``steps`` optimizer steps: ``(steps, groups)``."""
    opt = torch.optim.SGD([{"params": [torch.zeros(1, requires_grad=True)], "lr": lr} for lr in lrs])
    sched = make_sched(opt)
    out = []
    for _ in range(steps):
        out.append([g["lr"] for g in opt.param_groups])
        opt.step()
        sched.step()
    return torch.tensor(out)


# (name, function of t, our scheduler, torch's scheduler), 3 T steps: well past every horizon
SCHEDULES = [
    (
        "step",
        lambda t: step_decay(t, LR0, 7, 0.3),
        lambda o: StepDecay(o, 7, 0.3),
        lambda o: S.StepLR(o, 7, 0.3),
    ),
    (
        "exp",
        lambda t: exponential_decay(t, LR0, 0.95),
        lambda o: ExponentialDecay(o, 0.95),
        lambda o: S.ExponentialLR(o, 0.95),
    ),
    (
        "linear",
        lambda t: linear_decay(t, LR0, 0.05, 20),
        lambda o: LinearDecay(o, 1.0, 0.1, 20),
        lambda o: S.LinearLR(o, start_factor=1.0, end_factor=0.1, total_iters=20),
    ),
    (
        "linear-from-below",
        lambda t: linear_decay(t, 0.25 * LR0, LR0, 8),
        lambda o: LinearDecay(o, 0.25, 1.0, 8),
        lambda o: S.LinearLR(o, start_factor=0.25, end_factor=1.0, total_iters=8),
    ),
    (
        "linear-zero-iters",
        lambda t: linear_decay(t, 0.5 * LR0, 0.1 * LR0, 0),
        lambda o: LinearDecay(o, 0.5, 0.1, 0),
        lambda o: S.LinearLR(o, start_factor=0.5, end_factor=0.1, total_iters=0),
    ),
    (
        "cosine",
        lambda t: cosine_decay(t, LR0, 0.01, T),
        lambda o: CosineDecay(o, T_max=T, eta_min=0.01),
        lambda o: S.CosineAnnealingLR(o, T_max=T, eta_min=0.01),
    ),
]


@pytest.mark.parametrize(("name", "fn", "ours", "theirs"), SCHEDULES, ids=[s[0] for s in SCHEDULES])
def test_schedules_match_torch_past_the_horizon(name, fn, ours, theirs):
    expected = _lrs(theirs, 3 * T)
    # torch's LinearLR/CosineAnnealingLR are recursive products; they agree with the closed forms to round-off
    assert_close(torch.tensor([[fn(t)] for t in range(3 * T)]), expected, scale=100)
    assert_close(_lrs(ours, 3 * T), expected, scale=100)


@pytest.mark.parametrize(("name", "fn", "ours", "theirs"), SCHEDULES, ids=[s[0] for s in SCHEDULES])
def test_schedulers_drive_every_group_and_resume(name, fn, ours, theirs):
    lrs = (LR0, 0.1, 2.0)
    assert_close(_lrs(ours, 40, lrs), _lrs(theirs, 40, lrs), scale=100)
    opt = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=LR0)
    sched = ours(opt)
    for _ in range(12):
        opt.step()
        sched.step()
    opt2 = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=LR0)
    sched2 = ours(opt2)
    sched2.load_state_dict(sched.state_dict())
    opt2.load_state_dict(opt.state_dict())
    assert sched2.get_last_lr() == sched.get_last_lr()
    opt.step(), opt2.step(), sched.step(), sched2.step()
    assert opt2.param_groups[0]["lr"] == opt.param_groups[0]["lr"] == pytest.approx(fn(13))


def test_schedulers_work_with_numerics_optimizers():
    p = torch.zeros(3, requires_grad=True)
    opt = SGD([p], lr=LR0)
    sched = CosineDecay(opt, T_max=10)
    seen = []
    for _ in range(10):
        p.grad = torch.ones(3)
        seen.append(opt.param_groups[0]["lr"])
        opt.step()
        sched.step()
    assert_close(p, -sum(seen) * torch.ones(3))
    assert_close(torch.tensor(seen), torch.tensor([cosine_decay(t, LR0, 0.0, 10) for t in range(10)]))


def test_zero_periods_are_refused_where_torch_fails():
    with pytest.raises(ZeroDivisionError):  # torch: at the second step
        _lrs(lambda o: S.StepLR(o, 0), 3)
    with pytest.raises(ZeroDivisionError):
        _lrs(lambda o: S.CosineAnnealingLR(o, 0), 3)
    with pytest.raises(ValueError, match="step_decay: step_size must be >= 1, got 0"):
        step_decay(3, LR0, 0, 0.5)
    with pytest.raises(ValueError, match="step_size must be >= 1"):
        StepDecay(torch.optim.SGD([torch.zeros(1, requires_grad=True)]), 0)
    with pytest.raises(ValueError, match="cosine_decay: the period T must be >= 1, got 0"):
        cosine_decay(0, LR0, 0.0, 0)
    with pytest.raises(ValueError, match="the period T must be >= 1"):
        CosineDecay(torch.optim.SGD([torch.zeros(1, requires_grad=True)]), 0)
    with pytest.raises(ValueError, match="the step t must be >= 0"):
        exponential_decay(-1, LR0, 0.9)
    with pytest.raises(ValueError, match="start_factor"):
        LinearDecay(torch.optim.SGD([torch.zeros(1, requires_grad=True)]), start_factor=0.0)


def test_cosine_continues_periodically():
    assert cosine_decay(10, 1.0, 0.0, 10) == pytest.approx(0.0)
    assert cosine_decay(20, 1.0, 0.0, 10) == pytest.approx(1.0)
    assert cosine_decay(15, 1.0, 0.0, 10) == pytest.approx(cosine_decay(5, 1.0, 0.0, 10))


def _with_grads(grads, device):
    ps = [torch.zeros_like(g).to(device).requires_grad_(True) for g in grads]
    for p, g in zip(ps, grads, strict=True):
        p.grad = g.clone().to(device)
    return ps


@pytest.mark.parametrize("norm_type", [1.0, 2.0, 3.0, math.inf])
@pytest.mark.parametrize("max_norm", [0.1, 1e3])
def test_clip_grad_norm_matches_torch(norm_type, max_norm, device):
    grads = [torch.randn(5), torch.randn(2, 3), torch.randn(1)]
    a, b = _with_grads(grads, device), _with_grads(grads, device)
    total = clip_grad_norm_(a, max_norm, norm_type)
    expected = torch.nn.utils.clip_grad_norm_(b, max_norm, norm_type, foreach=True)
    assert_close(total, expected)
    assert total.device == expected.device
    for p, q in zip(a, b, strict=True):
        assert_close(p.grad, q.grad)
    assert_close(
        clip_grad_norm_(a, max_norm, norm_type, False, True),
        torch.nn.utils.clip_grad_norm_(b, max_norm, norm_type),
    )


@pytest.mark.parametrize("bad", [math.inf, math.nan])
def test_clip_grad_norm_error_if_nonfinite(bad, device):
    grads = [torch.randn(4), torch.tensor([1.0, bad])]
    with pytest.raises(RuntimeError, match="non-finite"):
        torch.nn.utils.clip_grad_norm_(_with_grads(grads, device), 1.0, error_if_nonfinite=True)
    with pytest.raises(RuntimeError, match="norm of order 2.0 of the gradients is non-finite"):
        clip_grad_norm_(_with_grads(grads, device), 1.0, error_if_nonfinite=True)
    a, b = _with_grads(grads, device), _with_grads(grads, device)  # without the flag: scaled by it, as torch
    total, expected = clip_grad_norm_(a, 1.0), torch.nn.utils.clip_grad_norm_(b, 1.0)
    assert torch.equal(total.isnan(), expected.isnan()) and torch.equal(a[0].grad.isnan(), b[0].grad.isnan())


def test_clip_grad_norm_without_gradients():
    assert float(clip_grad_norm_([torch.zeros(2, requires_grad=True)], 1.0)) == 0.0


def test_clip_grad_value_matches_torch(device):
    g = torch.randn(10) * 3
    (a,), (b,) = _with_grads([g], device), _with_grads([g], device)
    clip_grad_value_([a], 1.5, foreach=True)
    torch.nn.utils.clip_grad_value_([b], 1.5, foreach=True)
    assert_close(a.grad, b.grad)
    assert a.grad.abs().max() <= 1.5
