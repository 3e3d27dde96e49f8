"""Checks of identities and inequalities over scalars, vectors and matrices.

Engines, each recorded as a :class:`~verify.result.Method`:

1. ``symbolic-general`` -- SymPy at symbolic sizes (``simplify`` of ``lhs - rhs``,
   SymPy's own matrix derivative for ``D``).  Never trusted alone: SymPy 1.14
   returns 0 for ``d log det X / dX`` and for sums of traces.
2. ``exact-explicit`` -- explicit matrices of symbols at concrete sizes, derivatives
   entry by entry, residual simplified by several strategies.
3. ``torch-autograd`` -- float64 draws satisfying the assumptions, derivatives by
   ``torch.func.jacrev`` in denominator layout.
4. ``counterexample-search`` -- hypothesis over small integers and rationals,
   every candidate evaluated in exact arithmetic.
"""

from __future__ import annotations

import time

import sympy as sp
from hypothesis import HealthCheck, Phase, find, settings
from hypothesis.errors import NoSuchExample, Unsatisfiable
from sympy.core.function import AppliedUndef

from formulas.nodes import D, shape_of

from .evaluate import ExactBackend, Unsupported, evaluate
from .numeric import constraint_mask, sides_on_draws
from .result import Method
from .values import Inapplicable, exact_env_strategy, generic_env, torch_env

__all__ = ["Evidence", "check_relational", "size_assignments", "relation_holds_exact"]

EQ, LE, LT, GE, GT = sp.Eq, sp.Le, sp.Lt, sp.Ge, sp.Gt
RTOL = 1e-8
ATOL = 1e-9


class Evidence:
    """What the engines found: methods run, the exact counterexample, conflicts."""

    def __init__(self):
        self.methods: list[Method] = []
        self.counterexample: dict | None = None
        self.proved_sizes: list[dict] = []
        self.general = False
        self.numeric_holds: bool | None = None
        self.explicit_fails = False
        self.conflicts: list[str] = []
        self.shape_mismatch: str | None = None
        self.general_residual = None

    def add(self, engine, outcome, detail="", t0=None):
        self.methods.append(Method(engine, outcome, detail, round(time.perf_counter() - t0, 4) if t0 else 0.0))


def size_assignments(dim_names: list[str]) -> list[dict]:
    """Concrete sizes: distinct per letter (so a dropped transpose shows), then swapped, then 1s."""
    if not dim_names:
        return [{}]
    k = len(dim_names)
    first = {d: 2 + i for i, d in enumerate(dim_names)}
    second = {d: 2 + (k - 1 - i) + (1 if k == 1 else 0) for i, d in enumerate(dim_names)}
    ones = {d: 1 for d in dim_names}
    out = []
    for a in (first, second, ones):
        if a not in out:
            out.append(a)
    return out


def _dims_of(entry) -> list[str]:
    names = []
    for sym in entry.declared.values():
        for d in sym.dims:
            if isinstance(d, str) and d not in names:
                names.append(d)
    return names


def _is_zero_exact(e) -> bool | None:
    """True if the residual is provably 0; None if no strategy could tell."""
    e = sp.sympify(e)
    if e == 0:
        return True
    for strategy in (sp.expand, sp.cancel, lambda x: sp.simplify(x), lambda x: sp.expand_log(sp.simplify(x), force=True),
                     lambda x: sp.simplify(sp.piecewise_fold(x.rewrite(sp.Piecewise)))):
        try:
            r = strategy(e)
        except Exception:  # noqa: BLE001 - a strategy that cannot cope is just not used
            continue
        if r == 0:
            return True
    return None


def _residual_entries(lhs, rhs):
    lm = isinstance(lhs, sp.MatrixBase)
    rm = isinstance(rhs, sp.MatrixBase)
    if lm and lhs.shape == (1, 1):
        lhs, lm = lhs[0, 0], False
    if rm and rhs.shape == (1, 1):
        rhs, rm = rhs[0, 0], False
    if lm != rm or (lm and lhs.shape != rhs.shape):
        raise ValueError(f"the two sides have different shapes: {getattr(lhs, 'shape', (1, 1))} vs "
                         f"{getattr(rhs, 'shape', (1, 1))}")
    return list(lhs - rhs) if lm else [lhs - rhs]


def relation_holds_exact(rel, lhs, rhs) -> bool:
    """Decide the relation on exact (numeric) values, at 50 digits where irrational."""
    diffs = _residual_entries(lhs, rhs)
    if rel is EQ:
        for d in diffs:
            d = sp.nsimplify(d) if d.is_number and not d.is_Rational else d
            if d.is_Rational:
                if d != 0:
                    return False
            else:
                v = sp.N(d, 50)
                if v.is_comparable and abs(v) > sp.Float("1e-40"):
                    return False
                if not v.is_comparable and abs(complex(v)) > 1e-40:
                    return False
        return True
    (d,) = diffs
    v = sp.N(d, 50)
    if not v.is_comparable:
        return False  # the inequality does not even compare real numbers here
    return bool({LE: v <= 0, LT: v < 0, GE: v >= 0, GT: v > 0}[rel])


def _render(env: dict) -> dict:
    out = {}
    for k, v in env.items():
        if isinstance(v, sp.MatrixBase):
            out[k] = [[str(x) for x in row] for row in v.tolist()]
        else:
            out[k] = str(v)
    return out


# -- engines -----------------------------------------------------------------------------------
def _symbolic_general(entry, ev: Evidence):
    t0 = time.perf_counter()
    expr = entry.expr
    if type(expr) is not EQ:
        ev.add("symbolic-general", "skipped", "inequalities are not proved at symbolic size", t0)
        return
    try:
        lhs, rhs = expr.lhs, expr.rhs
        if lhs.has(D) or rhs.has(D):
            lhs = lhs.replace(lambda n: isinstance(n, D), lambda n: _sympy_diff(n))
            rhs = rhs.replace(lambda n: isinstance(n, D), lambda n: _sympy_diff(n))
        residual = lhs - rhs
        for strategy in (lambda r: r.doit(), lambda r: sp.expand(r).doit(), sp.simplify):
            residual = strategy(residual)
            if residual == 0 or getattr(residual, "is_ZeroMatrix", False):
                break
        if residual == 0 or getattr(residual, "is_ZeroMatrix", False):
            ev.general = True
            ev.add("symbolic-general", "holds", "simplify(lhs - rhs) = 0 at symbolic size", t0)
        else:
            ev.general_residual = residual
            ev.add("symbolic-general", "inconclusive", f"residual {sp.sstr(residual)[:160]}", t0)
    except Exception as err:  # noqa: BLE001 - SymPy raises many types here
        ev.add("symbolic-general", "inconclusive", f"{type(err).__name__}: {str(err)[:160]}", t0)


def _sympy_diff(node: D):
    out = node.f.diff(node.v)
    if isinstance(out, sp.Derivative) or out.has(sp.Derivative):
        raise Unsupported("SymPy left the derivative unevaluated")
    if node.layout == "numerator":
        out = out.T
    return out


def _exact_explicit(entry, sizes: list[dict], ev: Evidence, budget: float):
    t0 = time.perf_counter()
    rel = type(entry.expr)
    backend = ExactBackend()
    checked = []
    for dims in sizes:
        if max(dims.values(), default=1) > 3 or time.perf_counter() - t0 > budget:
            continue
        try:
            env = generic_env(entry.declared, dims, entry.objects)
            if _symbol_count(env) > MAX_EXACT_SYMBOLS and checked:
                ev.add("exact-explicit", "skipped", f"sizes {dims}: more than {MAX_EXACT_SYMBOLS} symbolic entries", t0)
                continue
            lhs = evaluate(entry.expr.lhs, env, _sym_dims(dims), backend)
            rhs = evaluate(entry.expr.rhs, env, _sym_dims(dims), backend)
            diffs = _residual_entries(lhs, rhs)
        except (Inapplicable, Unsupported) as err:
            ev.add("exact-explicit", "skipped", str(err), t0)
            return
        except ValueError as err:
            ev.shape_mismatch = f"at sizes {dims}: {err}"
            ev.add("exact-explicit", "fails", ev.shape_mismatch, t0)
            return
        if rel is EQ:
            verdicts = [_is_zero_exact(d) for d in diffs]
            if all(v is True for v in verdicts):
                ev.proved_sizes.append(dims)
                checked.append(dims)
            else:
                bad = next(d for d, v in zip(diffs, verdicts, strict=True) if v is not True)
                ev.explicit_fails = True
                ev.add("exact-explicit", "fails" if _looks_nonzero(bad) else "inconclusive",
                       f"at sizes {dims or 'scalar'}: residual entry {sp.sstr(sp.simplify(bad))[:200]}", t0)
                return
        else:
            (d,) = diffs
            gap = d if rel in (GE, GT) else -d  # must be >= 0
            if _nonnegative(gap, strict=rel in (LT, GT)):
                ev.proved_sizes.append(dims)
                checked.append(dims)
            else:
                ev.add("exact-explicit", "inconclusive", f"at sizes {dims or 'scalar'}: no proof that "
                       f"{sp.sstr(gap)[:120]} >= 0", t0)
                return
    if checked:
        ev.add("exact-explicit", "holds", "exact at sizes " + _sizes_text(checked), t0)
        _audit_general(entry, ev, checked[0])
    else:
        ev.add("exact-explicit", "skipped", "no size small enough within the time budget", t0)


MAX_EXACT_SYMBOLS = 16  # beyond one size, larger generic matrices make exact simplification too slow


def _symbol_count(env: dict) -> int:
    free = set()
    for value in env.values():
        if isinstance(value, (sp.MatrixBase, sp.Basic)):
            free |= value.free_symbols
    return len(free)


def _audit_general(entry, ev: Evidence, dims: dict):
    """SymPy at symbolic size left a residual although the claim holds entry-wise:
    evaluate that residual entry-wise; if it is not zero, SymPy's own result is wrong."""
    if ev.general_residual is None or not entry.expr.has(D):
        return
    try:
        env = generic_env(entry.declared, dims, entry.objects)
        value = evaluate(ev.general_residual, env, _sym_dims(dims), ExactBackend())
    except Exception:  # noqa: BLE001 - an unevaluable residual cannot be audited
        return
    entries = list(value) if isinstance(value, sp.MatrixBase) else [value]
    if any(_is_zero_exact(x) is not True for x in entries):
        ev.conflicts.append(
            f"SymPy's matrix derivative is wrong here: at symbolic size it leaves the residual "
            f"{sp.sstr(ev.general_residual)[:120]}, which is not zero entry-wise at {_sizes_text([dims])}; "
            "the component-wise derivative and torch autograd agree that the claim holds")


def _looks_nonzero(e) -> bool:
    free = sorted(e.free_symbols, key=str)
    if e.atoms(AppliedUndef):  # declared functions are opaque: a residual in them is not zero
        return True
    for trial in range(3):
        point = {s: sp.Rational(2 + trial + i, 3 + i) for i, s in enumerate(free)}
        try:
            v = sp.N(e.xreplace(point), 30)
        except Exception:  # noqa: BLE001
            continue
        if v.is_comparable and abs(v) > 1e-20:
            return True
    return False


def _nonnegative(gap, strict: bool = False) -> bool:
    """A symbolic proof that ``gap >= 0`` (``> 0`` when strict) from SymPy's assumptions."""
    for form in (gap, sp.factor(gap), sp.expand(gap), sp.simplify(gap)):
        if (form.is_positive if strict else form.is_nonnegative):
            return True
    return False


def _sym_dims(dims: dict) -> dict:
    from formulas.spec import dim_symbol

    return {dim_symbol(k): v for k, v in dims.items()}


def _sizes_text(sizes: list[dict]) -> str:
    return "; ".join(", ".join(f"{k}={v}" for k, v in d.items()) or "scalar" for d in sizes)


def _torch_numeric(entry, sizes: list[dict], ev: Evidence, draws: int, seed: int):
    import torch

    t0 = time.perf_counter()
    rel = type(entry.expr)
    g = torch.Generator().manual_seed(seed)
    worst = 0.0
    count = 0
    try:
        for dims in sizes:
            sdims = _sym_dims(dims)
            envs = [torch_env(entry.declared, dims, g) for _ in range(draws)]
            if entry.constraints:
                mask = constraint_mask(entry.constraints, envs, sdims)
                envs = [e for e, ok in zip(envs, mask.tolist(), strict=True) if ok]
                if not envs:
                    continue
            lhs, rhs = sides_on_draws(entry.expr, envs, sdims)
            if lhs.shape != rhs.shape:
                ev.shape_mismatch = f"at sizes {dims}: {tuple(lhs.shape[1:])} vs {tuple(rhs.shape[1:])}"
                ev.numeric_holds = False
                ev.add("torch-autograd", "fails", "the two sides have different shapes " + ev.shape_mismatch, t0)
                return
            lhs, rhs = lhs.reshape(len(envs), -1), rhs.reshape(len(envs), -1)
            finite = torch.isfinite(lhs).all(1) & torch.isfinite(rhs).all(1)
            if not bool(finite.any()):
                continue
            lhs, rhs = lhs[finite], rhs[finite]
            count += int(finite.sum())
            scale = 1.0 + torch.maximum(lhs.abs().amax(1), rhs.abs().amax(1))  # (B,)
            if rel is EQ:
                err = (lhs - rhs).abs().amax(1) / scale
                worst = max(worst, float(err.max()))
                if float(err.max()) > RTOL:
                    ev.numeric_holds = False
                    ev.add("torch-autograd", "fails", f"at sizes {dims or 'scalar'}: relative error {float(err.max()):.3g}", t0)
                    return
            else:
                gap = (rhs - lhs)[:, 0] if rel in (LE, LT) else (lhs - rhs)[:, 0]
                if bool((gap < -ATOL * scale).any()):
                    ev.numeric_holds = False
                    ev.add("torch-autograd", "fails", f"at sizes {dims or 'scalar'}: violated by {float(-gap.min()):.3g}", t0)
                    return
    except (Inapplicable, Unsupported) as err:
        ev.add("torch-autograd", "skipped", str(err), t0)
        return
    except ValueError as err:
        ev.shape_mismatch = str(err)
        ev.numeric_holds = False
        ev.add("torch-autograd", "fails", f"ill-shaped: {err}", t0)
        return
    if count == 0:
        ev.add("torch-autograd", "skipped", "no draw satisfied the constraints", t0)
        return
    ev.numeric_holds = True
    ev.add("torch-autograd", "holds", f"{count} float64 draws (batched) at sizes {_sizes_text(sizes)}; "
           f"max relative error {worst:.2g}", t0)


def _squeeze(x):
    return x[0, 0] if x.dim() == 2 and x.shape == (1, 1) else x


def _exact_constraints_ok(entry, env, sdims) -> bool:
    backend = ExactBackend()
    for c in entry.constraints:
        lhs = evaluate(c.lhs, env, sdims, backend)
        rhs = evaluate(c.rhs, env, sdims, backend)
        if not relation_holds_exact(type(c), lhs, rhs):
            return False
    return True


def _counterexample_search(entry, sizes: list[dict], ev: Evidence, budget: float):
    t0 = time.perf_counter()
    rel = type(entry.expr)
    backend = ExactBackend()
    ordered = sorted(sizes, key=lambda d: sum(d.values()))
    for dims in ordered:
        if time.perf_counter() - t0 > budget:
            break
        sdims = _sym_dims(dims)
        try:
            strategy = exact_env_strategy(entry.declared, dims)
        except Inapplicable as err:
            ev.add("counterexample-search", "skipped", str(err), t0)
            return

        def violates(env, sdims=sdims):
            try:
                if not _exact_constraints_ok(entry, env, sdims):
                    return False
                lhs = evaluate(entry.expr.lhs, env, sdims, backend)
                rhs = evaluate(entry.expr.rhs, env, sdims, backend)
                return not relation_holds_exact(rel, lhs, rhs)
            except (ZeroDivisionError, ValueError, TypeError, sp.matrices.exceptions.NonInvertibleMatrixError):
                return False

        try:
            found = find(strategy, violates, settings=settings(
                max_examples=150, database=None, deadline=None, derandomize=True,
                phases=[Phase.generate, Phase.shrink],
                suppress_health_check=list(HealthCheck)))
        except (NoSuchExample, Unsatisfiable):
            continue
        lhs = evaluate(entry.expr.lhs, found, sdims, backend)
        rhs = evaluate(entry.expr.rhs, found, sdims, backend)
        ev.counterexample = {"sizes": dims, "values": _render(found),
                             "lhs": _render({"v": lhs})["v"], "rhs": _render({"v": rhs})["v"],
                             "exact": True}
        ev.add("counterexample-search", "fails", f"exact counterexample at sizes {dims or 'scalar'}", t0)
        return
    ev.add("counterexample-search", "holds", "no counterexample among small integer/rational values", t0)


def check_relational(entry, *, draws: int = 16, seed: int = 0, budget: float = 20.0) -> Evidence:
    """Run every applicable engine on a relational claim and gather the evidence."""
    ev = Evidence()
    sizes = size_assignments(_dims_of(entry))
    try:
        _ = shape_of(entry.expr.lhs), shape_of(entry.expr.rhs)
    except ValueError as err:
        ev.shape_mismatch = str(err)
        return ev
    _symbolic_general(entry, ev)
    _torch_numeric(entry, sizes, ev, draws, seed)
    if ev.shape_mismatch:
        return ev
    if ev.numeric_holds is False:
        # Refutation first: an exact counterexample decides it; the costly explicit residual only where
        # no exact values exist (declared functions) or the search finds none.
        _counterexample_search(entry, sizes, ev, budget / 2)
        if ev.counterexample is None:
            _exact_explicit(entry, sizes, ev, budget / 2)
        return ev
    _exact_explicit(entry, sizes, ev, budget / 2)
    if ev.shape_mismatch:
        return ev
    if ev.explicit_fails or not ev.proved_sizes:
        _counterexample_search(entry, sizes, ev, budget / 2)
    return ev
