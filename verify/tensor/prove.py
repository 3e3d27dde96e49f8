"""``prove_equal``: an exact proof of ``lhs == rhs`` at symbolic size, or an honest "not proved".

Both sides become tensors over the same output indices (or scalars over atoms);
their difference is brought to normal form and must vanish group by group
(:func:`verify.tensor.zero.residual_groups`).  When inverses of sums remain
(Woodbury, Sherman–Morrison, push-through), :mod:`verify.tensor.relations` uses
``N N⁻¹ = I`` for each of them.  Everything here is exact; nothing is sampled.
"""

from __future__ import annotations

from dataclasses import dataclass

import sympy as sp

from .build import Builder
from .network import Tensor, fresh
from .zero import residual_groups, scalar_is_zero

__all__ = ["ProofOutcome", "prove_equal"]


@dataclass(frozen=True)
class ProofOutcome:
    holds: bool
    detail: str


def _is_matrix(e) -> bool:
    return bool(getattr(e, "is_Matrix", False)) and tuple(e.shape) != (1, 1)


def _slot(d):
    return None if sp.sympify(d) == 1 else fresh(d)


def _describe(groups: dict) -> str:
    parts = []
    for coef, factors in list(groups.values())[:3]:
        parts.append(f"{sp.sstr(coef)[:60]} * {' '.join(repr(f.head) for f in factors)[:80]}")
    more = f" (+{len(groups) - 3} more)" if len(groups) > 3 else ""
    return "; ".join(parts) + more


def prove_equal(lhs, rhs, declared: dict) -> ProofOutcome:
    """Prove ``lhs == rhs`` for all sizes and all points where both sides are defined."""
    builder = Builder(declared)
    if _is_matrix(lhs) or _is_matrix(rhs):
        if not (_is_matrix(lhs) and _is_matrix(rhs)) or sp.simplify(lhs.shape[0] - rhs.shape[0]) != 0 \
                or sp.simplify(lhs.shape[1] - rhs.shape[1]) != 0:
            raise ValueError(f"the two sides have different shapes: {getattr(lhs, 'shape', (1, 1))} vs "
                             f"{getattr(rhs, 'shape', (1, 1))}")
        row, col = _slot(lhs.shape[0]), _slot(lhs.shape[1])
        residual = builder.matrix(lhs, row, col) - builder.matrix(rhs, row, col)
        left = residual_groups(residual)
        if not left:
            return ProofOutcome(True, "index-notation normal form of lhs − rhs is 0 at symbolic size")
        from .relations import prove_with_relations

        via = prove_with_relations(residual)
        if via is not None:
            return ProofOutcome(True, "normal form 0 at symbolic size using " + via)
        return ProofOutcome(False, "normal form of lhs − rhs leaves " + _describe(left))
    value = builder.scalar(lhs) - builder.scalar(rhs)
    if scalar_is_zero(value):
        return ProofOutcome(True, "lhs − rhs simplifies to 0 at symbolic size (no forced rewrites)")
    residual = residual_groups(Tensor.scalar(value))
    if not residual:
        return ProofOutcome(True, "lhs − rhs simplifies to 0 at symbolic size (no forced rewrites)")
    return ProofOutcome(False, f"lhs − rhs leaves {sp.sstr(value)[:160]}")
