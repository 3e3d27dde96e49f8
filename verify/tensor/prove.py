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
from sympy.matrices.expressions import MatPow

from .build import Builder
from .network import Tensor, fresh
from .powers import POWER_RULES, used_rules
from .zero import only_root, residual_groups, scalar_is_zero

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


def where_equalities(builder, constraints):
    """``where`` equalities: matrix/vector ones as rewrite rules, scalar ones as substitutions."""
    from .relations import EqualityRule

    rules, pending = [], []
    for c in constraints:
        if not isinstance(c, sp.Eq):
            continue
        try:
            if _is_matrix(c.lhs) or _is_matrix(c.rhs):
                row, col = _slot(c.lhs.shape[0]), _slot(c.lhs.shape[1])
                rules.append(EqualityRule(builder.matrix(c.lhs, row, col) - builder.matrix(c.rhs, row, col)))
                continue
            pending.append(builder.scalar(c.lhs) - builder.scalar(c.rhs))
        except (ValueError, TypeError, NotImplementedError):
            continue
    subs, rest = scalar_substitutions(pending)
    return rules, subs, rest


def scalar_substitutions(values) -> tuple[dict, list]:
    """``({symbol: value}, rest)``: substitutions valid at every point where each of ``values`` is 0, and
    the equations (``value = 0``, after the substitutions) that gave none.

    Repeated until nothing changes, each equation after the substitutions found so far
    (``a = xᵀy``, ``a = 2`` gives ``xᵀy = 2``; ``abc = 0``, ``c = 1`` gives ``ab = 0``)."""
    subs, pending = {}, list(values)
    while pending:
        hit = _first_solvable(pending, subs)
        if hit is None:
            break
        k, s, root = hit
        del pending[k]
        subs = {key: v.xreplace({s: root}) for key, v in subs.items()}
        subs[s] = root
    return subs, [sp.expand(v.xreplace(subs)) for v in pending]


def _first_solvable(pending, subs):
    """``(index, symbol, root)`` for the first equation solvable for one of its symbols, else None."""
    for k, value in enumerate(pending):
        value = sp.expand(value.xreplace(subs))
        for s in sorted(value.free_symbols, key=_elimination_order):
            root = _linear_root(value, s)
            if root is None and len(value.free_symbols) == 1:
                root = only_root(value, s)
            if root is not None:
                return k, s, root
    return None


def _elimination_order(s):
    """Eliminate the symbols with the fewest sign assumptions first: those that stay keep theirs
    (``ab = 1, a > 0`` gives ``b = 1/a`` and ``a + b ≥ 2`` is then a fact about a positive ``a``)."""
    signs = sum(1 for k in ("positive", "nonnegative", "negative", "nonpositive", "nonzero", "integer")
                if s.assumptions0.get(k) is True)
    return signs, -sp.count_ops(s), str(s)


def multiple_of(value, equation) -> bool:
    """``value = k · equation`` identically for a constant ``k``, so ``value = 0`` wherever ``equation = 0``."""
    if equation == 0 or not value.free_symbols:
        return False
    try:
        ratio = sp.cancel(value / equation)
    except (TypeError, ValueError, NotImplementedError, sp.PolynomialError):
        return False
    return ratio.is_number and ratio.is_finite is True


def _linear_root(value, s):
    """The one value of ``s`` with ``value = 0``, when ``value = c·s + d`` with ``c, d`` free of ``s`` and
    ``c ≠ 0`` on the constraint set: ``c`` nonzero from the declarations, or ``d`` nonzero (then ``c = 0``
    would give ``d = 0``); else None.

    ``sympy.solve`` divides by what it cannot show is zero (``solve(a*b, a) == [0]``, which would prove
    ``a == 0`` from ``a*b == 0``), so it is not used: a substitution must hold at every point of the
    constraint set."""
    try:
        poly = sp.Poly(value, s)
    except (sp.PolynomialError, sp.GeneratorsNeeded, TypeError, ValueError):
        return None
    if poly.degree() != 1:
        return None
    c, d = poly.coeff_monomial(s), poly.coeff_monomial(1)
    if c.has(s) or d.has(s) or not (_nonzero(c) or _nonzero(d)):
        return None
    return sp.cancel(-d / c)


def _nonzero(e) -> bool:
    return e.is_nonzero is True or (e.is_number and e != 0)


def _rewrite_atoms(value, rules, depth: int = 0):
    """Each atom standing for a closed network rewritten by the matrix equality rules (to a fixpoint)."""
    from .atoms import atom_info
    from .network import Term
    from .normal import to_scalar

    subs = {}
    for symbol in value.free_symbols:
        atom = atom_info(symbol)
        if atom is None or not atom.factors:
            continue
        term = Term(sp.Integer(1), atom.factors)
        for rule in rules:
            done = rule.rewrite(term, ())
            if done is not None:
                subs[symbol] = to_scalar(Tensor((), tuple(done)))
                break
    if not subs or depth > 20:
        return value
    return _rewrite_atoms(sp.expand(value.xreplace(subs)), rules, depth + 1)


def _with_inverse_relations(value, equalities) -> bool:
    """The closed networks of a scalar residual rewritten by ``N N⁻¹ = I`` for the opaque inverses in them."""
    from .atoms import atom_info
    from .relations import _orientations

    heads = {}
    for symbol in value.free_symbols:
        atom = atom_info(symbol)
        for f in (atom.factors if atom is not None else ()):
            if f.head.kind == "inv" and f.head.payload[1] is None:
                heads[f.head.key] = f.head
    if not heads:
        return False
    for rules in _orientations(list(heads.values()), limit=8):
        if scalar_is_zero(_rewrite_atoms(value, rules + list(equalities))):
            return True
    return False


def prove_equal(lhs, rhs, declared: dict, constraints=()) -> ProofOutcome:
    """Prove ``lhs == rhs`` for all sizes and all points where both sides are defined (and satisfy the
    ``where`` equalities among ``constraints``).  A proof's text names the theorems about symbolic
    matrix powers it used (:mod:`verify.tensor.powers`)."""
    used_rules(reset=True)
    outcome = _prove_equal(lhs, rhs, declared, constraints)
    if outcome.holds and _has_symbolic_power(lhs, rhs):
        rules = [POWER_RULES] + used_rules()
        return ProofOutcome(True, outcome.detail + "; " + "; ".join(rules))
    return outcome


def _has_symbolic_power(*exprs) -> bool:
    return any(not sp.sympify(p.args[1]).is_Integer for e in exprs for p in sp.sympify(e).atoms(MatPow))


def _prove_equal(lhs, rhs, declared: dict, constraints=()) -> ProofOutcome:
    builder = Builder(declared)
    try:
        rules, subs, rest = where_equalities(builder, constraints)
    except Exception:  # noqa: BLE001 - a constraint the engine cannot use is simply not used
        rules, subs, rest = [], {}, []
    if _is_matrix(lhs) or _is_matrix(rhs):
        if not (_is_matrix(lhs) and _is_matrix(rhs)) or sp.simplify(lhs.shape[0] - rhs.shape[0]) != 0 \
                or sp.simplify(lhs.shape[1] - rhs.shape[1]) != 0:
            raise ValueError(f"the two sides have different shapes: {getattr(lhs, 'shape', (1, 1))} vs "
                             f"{getattr(rhs, 'shape', (1, 1))}")
        row, col = _slot(lhs.shape[0]), _slot(lhs.shape[1])
        residual = builder.matrix(lhs, row, col) - builder.matrix(rhs, row, col)
        left = residual_groups(residual, subs)
        if not left:
            return ProofOutcome(True, "index-notation normal form of lhs − rhs is 0 at symbolic size")
        from .relations import prove_with_relations

        via = prove_with_relations(residual, rules)
        if via is not None:
            return ProofOutcome(True, "normal form 0 at symbolic size using " + via)
        return ProofOutcome(False, "normal form of lhs − rhs leaves " + _describe(left))
    value = builder.scalar(lhs) - builder.scalar(rhs)
    if subs:
        value = value.xreplace(subs)
    if scalar_is_zero(value):
        return ProofOutcome(True, "lhs − rhs simplifies to 0 at symbolic size (no forced rewrites)")
    if any(multiple_of(value, e) for e in rest):
        return ProofOutcome(True, "lhs − rhs is a constant multiple of a where-equation's lhs − rhs")
    residual = residual_groups(Tensor.scalar(value))
    if not residual:
        return ProofOutcome(True, "lhs − rhs simplifies to 0 at symbolic size (no forced rewrites)")
    live = [r for r in rules if r.lead is not None]
    if live and scalar_is_zero(_rewrite_atoms(value, live)):  # closed networks rewritten by the equalities
        return ProofOutcome(True, "lhs − rhs is 0 using the where-equalities as rewrite rules")
    via = _with_inverse_relations(value, live)
    if via:
        return ProofOutcome(True, "lhs − rhs is 0 using N N⁻¹ = I inside its traces and quadratic forms")
    return ProofOutcome(False, f"lhs − rhs leaves {sp.sstr(value)[:160]}")
