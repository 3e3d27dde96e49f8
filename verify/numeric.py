"""The torch engine: both sides of a claim on many float64 draws at once.

Draws satisfy the declared assumptions (:func:`verify.values.torch_env`); all
draws at one size are stacked and evaluated in one ``torch.func.vmap`` call, with
derivatives by ``torch.func.jacrev`` arranged in the layout the ``D`` node names.
Where an operation cannot be batched, the draws are evaluated one by one.
"""

from __future__ import annotations

import sympy as sp

from .evaluate import TorchBackend, evaluate

__all__ = ["sides_on_draws", "constraint_mask"]

_REL = {sp.Le: "le", sp.Lt: "lt", sp.Ge: "ge", sp.Gt: "gt", sp.Ne: "ne"}


def _squeeze(x):
    return x[0, 0] if x.dim() == 2 and x.shape == (1, 1) else x


def _stack(envs: list[dict]) -> dict:
    import torch

    out = {}
    for key, value in envs[0].items():
        if isinstance(value, tuple):
            out[key] = tuple(torch.stack([e[key][i] for e in envs]) for i in range(len(value)))
        else:
            out[key] = torch.stack([e[key] for e in envs])
    return out


def _batched(fn, envs: list[dict]):
    """``fn(env)`` for every draw: one vmap call, or a loop where vmap cannot cope."""
    import torch

    try:
        return torch.func.vmap(fn)(_stack(envs))
    except (RuntimeError, NotImplementedError, ValueError, TypeError):
        outs = [fn(e) for e in envs]
        if isinstance(outs[0], tuple):
            return tuple(torch.stack([o[i] for o in outs]) for i in range(len(outs[0])))
        return torch.stack(outs)


def constraint_mask(constraints, envs: list[dict], sdims: dict):
    """Boolean tensor: which draws satisfy every extra constraint."""
    import torch

    backend = TorchBackend()
    mask = torch.ones(len(envs), dtype=torch.bool)
    for c in constraints:
        def sides(env, c=c):
            return _squeeze(evaluate(c.lhs, env, sdims, backend)), _squeeze(evaluate(c.rhs, env, sdims, backend))

        lhs, rhs = _batched(sides, envs)
        if type(c) is sp.Eq:  # equal to rounding, every entry
            lhs, rhs = lhs.reshape(len(envs), -1), rhs.reshape(len(envs), -1)
            scale = 1.0 + torch.maximum(lhs.abs().amax(1), rhs.abs().amax(1))
            mask &= ((lhs - rhs).abs().amax(1) <= 1e-9 * scale)
            continue
        op = _REL[type(c)]
        mask &= {"le": lhs <= rhs, "lt": lhs < rhs, "ge": lhs >= rhs, "gt": lhs > rhs, "ne": lhs != rhs}[op]
    return mask


def sides_on_draws(expr, envs: list[dict], sdims: dict):
    """(lhs, rhs) stacked over draws; 1x1 matrices squeezed to scalars."""
    backend = TorchBackend()

    def sides(env):
        return _squeeze(evaluate(expr.lhs, env, sdims, backend)), _squeeze(evaluate(expr.rhs, env, sdims, backend))

    return _batched(sides, envs)
