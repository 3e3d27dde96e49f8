"""Optimizers against torch.optim over many steps: every argument, parameter groups, state dicts, flags."""

from __future__ import annotations

import pytest
import torch

from numerics.optim import SGD, Adagrad, Adam, RMSprop
from numerics.testing import assert_close

STEPS = 100

CASES = [
    (SGD, torch.optim.SGD, dict(lr=0.01)),
    (SGD, torch.optim.SGD, dict(lr=0.01, weight_decay=0.1)),
    (SGD, torch.optim.SGD, dict(lr=0.01, momentum=0.9)),
    (SGD, torch.optim.SGD, dict(lr=0.01, momentum=0.9, dampening=0.3, weight_decay=0.05)),
    (SGD, torch.optim.SGD, dict(lr=0.01, momentum=0.9, nesterov=True, weight_decay=0.05)),
    (SGD, torch.optim.SGD, dict(lr=0.01, momentum=0.5, weight_decay=0.05, maximize=True)),
    (Adagrad, torch.optim.Adagrad, dict(lr=0.1)),
    (
        Adagrad,
        torch.optim.Adagrad,
        dict(lr=0.1, lr_decay=0.01, weight_decay=0.1, initial_accumulator_value=0.2),
    ),
    (Adagrad, torch.optim.Adagrad, dict(lr=0.1, weight_decay=0.1, maximize=True)),
    (RMSprop, torch.optim.RMSprop, dict(lr=0.01)),
    (RMSprop, torch.optim.RMSprop, dict(lr=0.01, alpha=0.9, weight_decay=0.1, momentum=0.5)),
    (RMSprop, torch.optim.RMSprop, dict(lr=0.01, centered=True, momentum=0.3)),
    (RMSprop, torch.optim.RMSprop, dict(lr=0.01, centered=True, weight_decay=0.1, maximize=True)),
    (Adam, torch.optim.Adam, dict(lr=0.01)),
    (Adam, torch.optim.Adam, dict(lr=0.01, betas=(0.8, 0.99), eps=1e-6, weight_decay=0.1)),
    (Adam, torch.optim.Adam, dict(lr=0.01, weight_decay=0.1, decoupled_weight_decay=True)),
    (Adam, torch.optim.Adam, dict(lr=0.01, amsgrad=True)),
    (Adam, torch.optim.Adam, dict(lr=0.01, amsgrad=True, weight_decay=0.1, decoupled_weight_decay=True)),
    (Adam, torch.optim.Adam, dict(lr=0.01, amsgrad=True, maximize=True, weight_decay=0.05)),
]


def _problem(device):
    g = torch.Generator().manual_seed(1)
    A = torch.randn(6, 6, generator=g).to(device)
    params = [
        torch.randn(6, generator=g).to(device).requires_grad_(True),
        torch.randn(3, 2, generator=g).to(device).requires_grad_(True),
    ]

    def loss():
        x, Y = params
        return (A @ x).pow(2).sum() + Y.sin().sum() + (x[:3] * Y[:, 0]).sum() + x.pow(4).sum() * 0.01

    return params, loss


def _run(opt, params, loss, steps: int, sign: float = 1.0) -> list[torch.Tensor]:
    out = []
    for _ in range(steps):
        opt.zero_grad()
        (sign * loss()).backward()
        opt.step()
        out.append(torch.cat([p.detach().flatten() for p in params]))
    return out


def _trajectory(cls, kwargs, groups: bool, device) -> torch.Tensor:
    params, loss = _problem(device)
    if groups:  # a second group with its own learning rate
        opt = cls([{"params": [params[0]]}, {"params": [params[1]], "lr": kwargs["lr"] / 2}], **kwargs)
    else:
        opt = cls(params, **kwargs)
    sign = -1.0 if kwargs.get("maximize") else 1.0  # maximize the negated loss: the same descent
    return torch.stack(_run(opt, params, loss, STEPS, sign))  # (STEPS, n_params)


@pytest.mark.parametrize("groups", [False, True])
@pytest.mark.parametrize(("ours", "theirs", "kwargs"), CASES)
def test_trajectory_matches_torch_optim(ours, theirs, kwargs, groups, device):
    expected = _trajectory(theirs, {**kwargs, "foreach": True}, groups, device)
    assert_close(_trajectory(ours, kwargs, groups, device), expected)


@pytest.mark.parametrize(
    ("ours", "theirs", "kwargs"),
    [
        (Adam, torch.optim.Adam, dict(lr=0.01, amsgrad=True, weight_decay=0.1)),
        (RMSprop, torch.optim.RMSprop, dict(lr=0.01)),
    ],
)
def test_capturable_keeps_the_step_on_the_device(ours, theirs, kwargs, device):
    """capturable=True: counts are device tensors, the trajectory is torch's (torch allows it on accelerators only)."""
    torch_kwargs = {**kwargs, "capturable": device.type == "cuda"}
    expected = _trajectory(theirs, torch_kwargs, True, device)
    assert_close(_trajectory(ours, {**kwargs, "capturable": True}, True, device), expected)
    params, loss = _problem(device)
    opt = ours(params, **kwargs, capturable=True)
    _run(opt, params, loss, 3)
    step = opt.state[params[0]]["step"]
    assert isinstance(step, torch.Tensor) and step.device == params[0].device and float(step) == 3


@pytest.mark.parametrize(("ours", "theirs", "kwargs"), CASES[::3])
def test_add_param_group_after_construction(ours, theirs, kwargs, device):
    """Regression: Adagrad created its state only in __init__, so a group added later raised KeyError."""
    trajectories = []
    for cls in (ours, theirs):
        params, loss = _problem(device)
        opt = cls([params[0]], **kwargs)
        _run(opt, params, loss, 5)
        opt.add_param_group({"params": [params[1]], "lr": kwargs["lr"] / 3})
        trajectories.append(torch.stack(_run(opt, params, loss, 20, -1.0 if kwargs.get("maximize") else 1.0)))
    assert_close(*trajectories)


@pytest.mark.parametrize(
    ("ours", "theirs", "kwargs"), [c for c in CASES if c[2].get("momentum") or c[0] is not SGD]
)
def test_state_dicts_load_both_ways(ours, theirs, kwargs):
    """Ten steps in one library, the state dict loaded into the other, ten more: the same as twenty in torch."""
    sign = -1.0 if kwargs.get("maximize") else 1.0
    params, loss = _problem("cpu")
    expected = torch.stack(_run(theirs(params, **kwargs), params, loss, 20, sign))
    for first, second in ((ours, theirs), (theirs, ours)):
        params, loss = _problem("cpu")
        opt = first(params, **kwargs)
        head = _run(opt, params, loss, 10, sign)
        resumed = second(params, **kwargs)
        resumed.load_state_dict(opt.state_dict())
        assert_close(torch.stack(head + _run(resumed, params, loss, 10, sign)), expected)


def test_state_dict_from_before_the_new_arguments_loads():
    params, loss = _problem("cpu")
    opt = Adam(params, lr=0.01)
    _run(opt, params, loss, 3)
    state = opt.state_dict()
    for group in state["param_groups"]:
        for key in ("amsgrad", "maximize", "foreach", "capturable", "differentiable", "fused"):
            del group[key]
    resumed = Adam(params, lr=0.01)
    resumed.load_state_dict(state)
    _run(resumed, params, loss, 2)
    assert resumed.param_groups[0]["amsgrad"] is False and resumed.state[params[0]]["step"] == 5


@pytest.mark.parametrize("cls", [SGD, Adagrad, RMSprop, Adam])
def test_torch_flags_are_accepted(cls):
    flags = dict(foreach=None, differentiable=False)
    if cls is not RMSprop:
        flags["fused"] = None
    for foreach in (None, True, False):
        cls([torch.zeros(2, requires_grad=True)], lr=0.1, **{**flags, "foreach": foreach})
    if cls is not RMSprop:
        cls([torch.zeros(2, requires_grad=True)], lr=0.1, fused=True)
        with pytest.raises(RuntimeError, match="`fused` and `foreach` cannot be `True` together"):
            cls([torch.zeros(2, requires_grad=True)], lr=0.1, fused=True, foreach=True)
    with pytest.raises(NotImplementedError, match=rf"{cls.__name__}\(differentiable=True\)"):
        cls([torch.zeros(2, requires_grad=True)], lr=0.1, differentiable=True)


def test_positional_arguments_are_torchs():
    for ours, theirs, args in [
        (SGD, torch.optim.SGD, (0.1, 0.9, 0.0, 0.01, True)),
        (Adam, torch.optim.Adam, (0.1, (0.8, 0.9), 1e-6, 0.01, True)),
        (Adagrad, torch.optim.Adagrad, (0.1, 0.01, 0.01, 0.1, 1e-8)),
        (RMSprop, torch.optim.RMSprop, (0.1, 0.9, 1e-6, 0.01, 0.5, True)),
    ]:
        a, b = (
            ours([torch.zeros(1, requires_grad=True)], *args),
            theirs([torch.zeros(1, requires_grad=True)], *args),
        )
        for key, value in b.param_groups[0].items():
            if key != "params":
                assert a.param_groups[0][key] == value, (ours.__name__, key)


def test_closure_and_missing_gradients():
    params, loss = _problem("cpu")
    frozen = torch.zeros(2, requires_grad=True)  # never gets a gradient
    opt = Adam([*params, frozen], lr=0.1)
    value = opt.step(lambda: (opt.zero_grad(), loss().backward(), loss())[-1])
    assert value is not None and torch.isfinite(value)
    assert_close(frozen, torch.zeros(2))
    assert "exp_avg" not in opt.state[frozen]


def test_adam_bias_correction_makes_first_step_size_lr():
    """With a constant gradient, m_hat = g and v_hat = g^2, so every coordinate moves by lr (up to eps)."""
    p = torch.zeros(4, requires_grad=True)
    opt = Adam([p], lr=0.1, eps=0.0)
    for t in range(1, 4):
        p.grad = torch.tensor([1.0, -2.0, 0.5, 3.0])
        opt.step()
        assert_close(p, -0.1 * t * torch.sign(p.grad))


@pytest.mark.parametrize(
    ("cls", "bad", "message"),
    [
        (SGD, dict(lr=-1.0), "SGD: invalid lr=-1.0"),
        (SGD, dict(momentum=-0.1), "SGD: invalid momentum=-0.1"),
        (SGD, dict(nesterov=True), "Nesterov momentum requires"),
        (SGD, dict(momentum=0.9, nesterov=True, dampening=0.1), "Nesterov momentum requires"),
        (Adam, dict(betas=(0.9, 1.0)), r"Adam: invalid betas=\(0.9, 1.0\)"),
        (Adam, dict(eps=-1e-8), "Adam: invalid eps"),
        (Adagrad, dict(lr_decay=-1.0), "Adagrad: invalid lr_decay"),
        (RMSprop, dict(alpha=1.5), "RMSprop: invalid alpha=1.5"),
        (RMSprop, dict(lr=float("nan")), "RMSprop: invalid lr=nan"),
    ],
)
def test_bad_hyperparameters_are_named(cls, bad, message):
    with pytest.raises(ValueError, match=message):
        cls([torch.zeros(1, requires_grad=True)], **{"lr": 0.1, **bad})


@pytest.mark.parametrize("cls", [SGD, Adagrad, RMSprop, Adam])
def test_float32_follows_the_parameters(cls, device):
    p32 = torch.randn(5, dtype=torch.float32).to(device).requires_grad_(True)
    q32 = p32.detach().clone().requires_grad_(True)
    ref = getattr(torch.optim, cls.__name__)
    a, b = cls([p32], lr=0.01), ref([q32], lr=0.01, foreach=True)
    for _ in range(10):
        for p, o in ((p32, a), (q32, b)):
            o.zero_grad()
            p.square().sum().backward()
            o.step()
    assert p32.dtype == torch.float32 and p32.device == q32.device
    assert_close(p32, q32)
