"""Decide a claim about random variables: closed forms first, numeric evidence second.

1. ``closed-form`` (:mod:`~verify.probability.reduce`): every probability node is rewritten to a closed form.
   An equality whose residual simplifies to 0, or an inequality whose gap SymPy proves nonnegative from the
   declarations (variances are nonnegative symbols), is **proved** for every parameter value.
2. ``closed-form-points``: the residual (or gap) evaluated exactly at rational parameter points that satisfy
   the declarations, the families' parameter domains and ``where``; a nonzero residual (wrong sign) at a
   point, re-checked at 80 digits, is a counterexample; a point where the claim is undefined is counted and
   reported, never used either way.  Without a proof, agreement at every point is evidence (**confirmed**).
3. Cross-checks by a second route: seeded Monte Carlo (:mod:`~verify.probability.sampling`) for named laws,
   exact finite distributions (:mod:`verify.stats_finite`) for variables without a law.  A cross-check that
   contradicts a proof is a conflict (the verdict is ``error``).

Claims whose sides are vectors or matrices (``E(A*x + b)``, ``Cov(x)``) are reduced the same way and the
reduced matrix claim is handed to the matrix engines (:func:`verify.check.check`).
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass

import sympy as sp
from sympy.matrices.expressions import MatrixSymbol
from sympy.matrices.expressions.matexpr import MatrixElement
from sympy.stats.rv import RandomSymbol

from verify.result import Method

from . import points as pts
from . import quadrature
from .laws import law_of
from .model import Model, Unsupported, atoms_of, parameters
from .reduce import PROBABILITY_NODES, Reducer, unreduced

__all__ = ["decide", "Outcome"]

DRAWS = 24  # parameter points per size tried for a counterexample or as evidence
CHECK_DRAWS = 4  # per size, where a proof exists (a sanity check of the closed forms' evaluation)
TOL = sp.Float("1e-25")  # relative to 1 + |lhs| + |rhs|; the residual is evaluated at 50 digits


@dataclass
class Outcome:
    """(holds, counterexample, methods) in the shape ``verify.check`` maps to a verdict."""

    holds: bool
    counterexample: dict | bool | None
    methods: list


def _elapsed(t0) -> float:
    return round(time.perf_counter() - t0, 4)


def _symmetric_entries(e, declared):
    """``S[1, 0]`` -> ``S[0, 1]`` for declared symmetric matrices (a fact of the declarations)."""
    def canon(m):
        if isinstance(m.parent, MatrixSymbol) and m.i.is_Integer and m.j.is_Integer and int(m.i) > int(m.j):
            sym = declared.get(m.parent.name)
            if sym is not None and "symmetric" in sym.flags:
                return MatrixElement(m.parent, m.j, m.i)
        return m

    return e.replace(lambda n: isinstance(n, MatrixElement), canon) if e.has(MatrixElement) else e


def _split_logs(e, declared):
    """log(det A / det B) = log det A - log det B where A, B are declared SPD (their determinants are positive)."""
    dets = {d: sp.Dummy("det", positive=True) for d in e.atoms(sp.Determinant)
            if isinstance(d.arg, MatrixSymbol) and "spd" in getattr(declared.get(d.arg.name), "flags", ())}
    if not dets:
        return e
    return sp.expand_log(e.xreplace(dets)).xreplace({v: k for k, v in dets.items()})


def canonical(e, declared=None):
    """``ScalarOf`` made linear (``ScalarOf(A + 2B) = ScalarOf(A) + 2 ScalarOf(B)``) and the indices of sums and
    products renamed by nesting height, so that equal expressions written differently compare equal."""
    from formulas.nodes import ScalarOf

    from .vectors import to_scalar

    def linear(n):
        try:
            return to_scalar(n.args[0])
        except Exception:  # noqa: BLE001 - a 1x1 expression the expansion cannot split stays as it is
            return n

    e = sp.sympify(e)
    if e.has(ScalarOf):
        e = e.replace(lambda n: isinstance(n, ScalarOf), linear)
    if declared and e.has(sp.log) and e.has(sp.Determinant):
        e = _split_logs(e, declared)

    def rename(n):
        height = _height(n.function)
        subs = {lim[0]: sp.Symbol(f"idx_{height}_{k}", integer=True) for k, lim in enumerate(n.limits)}
        limits = [(subs[lim[0]], *lim[1:]) for lim in n.limits]
        return n.func(n.function.xreplace(subs), *limits)

    if e.has(sp.Sum, sp.Product):
        e = e.replace(lambda n: isinstance(n, (sp.Sum, sp.Product)), rename)
    return e


def _height(e) -> int:
    inner = [x for x in e.atoms(sp.Sum, sp.Product)] if isinstance(e, sp.Basic) else []
    return 1 + max((_height(x.function) for x in inner), default=-1) if inner else 0


ZERO_BUDGET = 2.0  # seconds for each simplification strategy of a residual


def _fixed_values(constraints):
    """``where`` equalities that fix a scalar or an entry (``mu[0] == 0``) become substitutions (sound: ``where``
    restricts the claim to that set); the other relations stay constraints on points."""
    fixed, rest = {}, []
    for c in constraints:
        target = c.lhs if isinstance(c, sp.Eq) else None
        if isinstance(target, (sp.Symbol, MatrixElement)) and not isinstance(target, RandomSymbol) \
                and not c.rhs.has(target) and target not in fixed:
            fixed[target] = c.rhs
        else:
            rest.append(c)
    return fixed, rest


_Q = {sp.Lt: sp.Q.lt, sp.Le: sp.Q.le, sp.Gt: sp.Q.gt, sp.Ge: sp.Q.ge, sp.Ne: sp.Q.ne, sp.Eq: sp.Q.eq}


def _assumptions(constraints):
    """The ``where`` relations as SymPy assumptions, for ``refine`` (Piecewise conditions such as ``a <= y``)."""
    facts = [_Q[type(c)](c.lhs, c.rhs) for c in constraints if type(c) in _Q]
    return sp.And(*facts) if facts else None


def _is_zero(d, assumptions=None) -> bool:
    from .budget import BudgetExceeded, budget

    if d == 0:
        return True
    if assumptions is not None:
        try:
            with budget(ZERO_BUDGET):
                d = sp.refine(d, assumptions)
        except BudgetExceeded:
            pass
        except Exception:  # noqa: BLE001 - refine failing leaves the residual as it is
            pass
        if d == 0:
            return True
    for strategy in (sp.expand, sp.cancel, lambda x: sp.expand(sp.powsimp(sp.expand(x))), sp.simplify,
                     lambda x: sp.simplify(x.doit()),
                     lambda x: sp.simplify(sp.expand(sp.piecewise_fold(x)))):
        try:
            with budget(ZERO_BUDGET):
                if strategy(d) == 0:
                    return True
        except BudgetExceeded:
            continue
        except Exception:  # noqa: BLE001 - a strategy that cannot cope is not used
            continue
    return False


def _nonnegative(gap, strict: bool, assumptions=None) -> bool:
    from .budget import BudgetExceeded, budget

    if assumptions is not None:
        try:
            with budget(ZERO_BUDGET):
                gap = sp.refine(gap, assumptions)
        except BudgetExceeded:
            pass
        except Exception:  # noqa: BLE001
            pass
    forms = [gap]
    for fn in (sp.expand, sp.factor, sp.simplify):
        try:
            with budget(ZERO_BUDGET):
                forms.append(fn(gap))
        except BudgetExceeded:
            continue
        except Exception:  # noqa: BLE001
            continue
    return any((f.is_positive if strict else f.is_nonnegative) for f in forms)


def _domain(entry, expr) -> list:
    """The families' parameter domains of every law in the claim, as relations."""
    out = []
    for x in atoms_of(expr):
        law = law_of(x) if not isinstance(x, MatrixElement) else None
        if law is not None and not any(atoms_of(p) for p in law.params):
            out.extend(law.spec.domain(*law.params))
    return out


def decide(entry, seed: int = 0) -> Outcome:
    from verify.stats_finite import finite_check

    from . import sampling

    methods: list[Method] = []
    if entry.expr.has(sp.Integral):
        entry = _integrals_in_closed_form(entry, methods)
        if entry is None:
            return Outcome(False, None, methods)
    rel = type(entry.expr)
    model = Model(entry.given, entry.constraints)
    reducer = Reducer(model)
    t0 = time.perf_counter()
    try:
        lhs, rhs = reducer.reduce(entry.expr.lhs), reducer.reduce(entry.expr.rhs)
        facts = [reducer.reduce(c) for c in entry.constraints]
    except Unsupported as err:
        methods.append(Method("closed-form", "skipped", f"not supported: {err}", _elapsed(t0)))
        if any(model.is_abstract(a) for a in atoms_of(entry.expr)):
            return Outcome(False, finite_check(entry, methods, seed), methods)
        return Outcome(False, None, methods)
    moments, value_constraints = _split_facts(facts, reducer)
    if rel is not sp.Eq and _sign_facts(entry.expr, rel):
        methods.append(Method("closed-form", "holds", "the gap is nonnegative because every variance, KL divergence, "
                              "probability, density and expectation of a nonnegative quantity in it is (Gibbs' "
                              "inequality for KL)", _elapsed(t0)))
        return Outcome(True, finite_check(entry, methods, seed) if _abstract(model, entry) else None, methods)
    if getattr(lhs, "is_Matrix", False) or getattr(rhs, "is_Matrix", False):
        from .matrix_claims import matrix_claim

        return matrix_claim(entry, lhs, rhs, moments, methods, t0)
    fixed, value_constraints = _fixed_values(value_constraints)
    lhs, rhs = (canonical(_symmetric_entries(sp.sympify(x).xreplace(moments).xreplace(fixed), entry.declared),
                          entry.declared) for x in (lhs, rhs))
    residual = lhs - rhs
    assumptions = _assumptions(value_constraints)
    abstract = any(model.is_abstract(a) for a in atoms_of(entry.expr))
    if residual.has(*PROBABILITY_NODES) or (abstract and atoms_of(residual)):
        methods.append(Method("closed-form", "inconclusive", "no closed form for "
                              + ", ".join(sorted({type(n).__name__ for n in _left(residual)}))[:200], _elapsed(t0)))
        if abstract:
            cex = finite_check(entry, methods, seed)
            return Outcome(False, cex, methods)
        if model.linked:  # sampling and quadrature would draw the coupled variables independently
            methods.append(Method("monte-carlo", "skipped", _LINKED, 0.0))
            return Outcome(False, None, methods)
        if quadrature.applies(entry.expr):
            cex = quadrature.quadrature_decide(entry, methods, seed)
            if cex is not None:
                return Outcome(False, cex, methods)
        return Outcome(False, sampling.monte_carlo_decide(entry, methods, seed), methods)
    holds = False
    if rel is sp.Eq:
        holds = _is_zero(residual, assumptions)
        what = "lhs - rhs = 0"
    else:
        gap = residual if rel in (sp.Ge, sp.Gt) else -residual
        holds = _nonnegative(gap, strict=rel in (sp.Gt, sp.Lt), assumptions=assumptions)
        what = "the gap " + ("lhs - rhs" if rel in (sp.Ge, sp.Gt) else "rhs - lhs") + \
               (" > 0" if rel in (sp.Gt, sp.Lt) else " >= 0")
    detail = f"{what} for every parameter value, from closed forms (linearity, independence, the families' " \
             "moments / MGFs / densities, the tower rule)" if holds else \
        f"closed forms give lhs - rhs = {sp.sstr(residual)[:200]}"
    methods.append(Method("closed-form", "holds" if holds else "inconclusive", detail, _elapsed(t0)))
    if abstract:
        return Outcome(holds, finite_check(entry, methods, seed), methods)
    # points outside an MGF's domain of convergence are points where the claim is undefined: never used
    domain = value_constraints + _domain(entry, entry.expr) + [c.xreplace(fixed) for c in reducer.conditions]
    domain += [c.xreplace(moments).xreplace(fixed) for c in _couplings(model, reducer)]
    cex = _points(entry, (lhs, rhs), residual, rel, domain, methods, seed, holds)
    if cex is None and holds:
        cex = False
    if model.linked:
        methods.append(Method("monte-carlo", "skipped", _LINKED, 0.0))
        if cex is False and any(isinstance(c, sp.Eq) for c in _couplings(model, reducer)):
            methods.append(Method("closed-form-points", "inconclusive", "points only at covariance 0 (the one "
                                  "value every pair of marginals attains): no evidence for the declared one", 0.0))
            cex = None
        return Outcome(holds, cex, methods)
    mc = sampling.cross_check(entry, reducer, methods, seed)
    if mc is not None and holds:  # a proof contradicted by Monte Carlo: report the conflict
        return Outcome(True, mc, methods)
    return Outcome(holds, cex, methods)


def _integrals_in_closed_form(entry, methods):
    """The entry with its definite integrals (of non-random integrands) replaced by cross-checked closed forms
    (:func:`verify.integrals.closed_forms`), or None -- the claim undecided -- where an integral has none: the
    engines below would evaluate an ``Integral`` by SymPy's ``doit`` or ``N`` without the checks."""
    import copy

    from verify.integrals import NoClosedForm, closed_form_sides

    t0 = time.perf_counter()
    try:
        lhs, rhs, detail = closed_form_sides(entry.expr.lhs, entry.expr.rhs)
    except NoClosedForm as err:
        methods.append(Method("closed-form", "skipped", f"an integral without a closed form: {err}", _elapsed(t0)))
        return None
    methods.append(Method("integrals", "holds", detail, _elapsed(t0)))
    clone = copy.copy(entry)
    clone.__dict__["expr"] = type(entry.expr)(lhs, rhs, evaluate=False)  # the cached statement, replaced
    return clone


_LINKED = "variables coupled by a declared covariance have no joint law to sample from"


def _couplings(model, reducer) -> list:
    """The covariances of variables coupled by ``where`` that some joint law attains: any c with
    c^2 <= Var X Var Y for two Normal marginals (a bivariate normal); only c = 0 (independence) is known to be
    attainable for other marginals (Hoeffding-Frechet bounds are narrower than Cauchy-Schwarz)."""
    from sympy import stats as st

    out = []
    for pair in sorted(model.linked, key=lambda p: sorted(map(str, p))):
        x, y = sorted(pair, key=str)
        c = reducer.moment_symbols.get(f"Cov[{x},{y}]")
        if c is None:
            continue
        if law_of(x).family == law_of(y).family == "Normal":
            out.append(sp.Le(c**2, reducer.reduce(st.Variance(x)) * reducer.reduce(st.Variance(y))))
        else:
            out.append(sp.Eq(c, 0))
    return out


def _abstract(model, entry) -> bool:
    return any(model.is_abstract(a) for a in atoms_of(entry.expr))


def _sign_facts(expr, rel) -> bool:
    """An inequality that follows from the signs of its probability nodes alone, each a theorem:
    Var >= 0, KL >= 0 (Gibbs), P, cdf, density >= 0, E[g] >= 0 for g >= 0 on the support, H >= 0 (discrete)."""
    from sympy import stats as st

    from formulas.nodes import CDF, KL, CondVariance, Density, Entropy

    subs = {}
    for node in expr.atoms(st.Variance, CondVariance, KL, st.Probability, CDF, Density, st.Expectation, Entropy):
        if isinstance(node, st.Expectation):
            if _on_support(node.args[0]).is_nonnegative is not True:
                continue
        if isinstance(node, Entropy):  # Shannon entropy of a discrete law is >= 0 (differential entropy is not)
            law = law_of(node.args[0]) if isinstance(node.args[0], RandomSymbol) else None
            if law is None or not law.spec.discrete:
                continue
        name = f"sign_{len(subs)}"
        subs[node] = sp.Symbol(name, nonnegative=True)
    if not subs:
        return False
    gap = expr.lhs - expr.rhs if rel in (sp.Ge, sp.Gt) else expr.rhs - expr.lhs
    gap = gap.xreplace(subs)
    if atoms_of(gap) or gap.has(st.Expectation, st.Variance, st.Covariance):
        return False
    return _nonnegative(gap, strict=rel in (sp.Gt, sp.Lt))


def _on_support(g):
    """``g`` with each random variable replaced by a symbol carrying its support's sign (``T > 0``)."""
    subs = {}
    for a in atoms_of(g):
        law = law_of(a) if isinstance(a, RandomSymbol) else None
        if law is None or any(atoms_of(p) for p in law.params):
            continue
        low = law.spec.support(*law.params)[0]
        if low.is_nonnegative:
            subs[a] = sp.Symbol(f"support_{a}", positive=bool(low.is_positive), nonnegative=True)
    return g.xreplace(subs) if subs else g


def _left(e) -> set:
    from .reduce import PROBABILITY_NODES

    return e.atoms(*PROBABILITY_NODES) | atoms_of(e)


def _split_facts(facts, reducer):
    """``where`` relations: equalities that fix a moment symbol become substitutions; the rest restrict points."""
    subs, rest = {}, []
    symbols = set(reducer.moment_symbols.values())
    for f in facts:
        if isinstance(f, sp.Eq):
            d = sp.expand(f.lhs - f.rhs).xreplace(subs)
            free = sorted(d.free_symbols & symbols, key=str)
            target = next((s for s in free if sp.degree(d, s) == 1 and not d.coeff(s).free_symbols & symbols
                           and d.coeff(s).is_nonzero), None)
            if target is not None:
                value = sp.solve(d, target)
                if len(value) == 1:
                    subs = {k: v.xreplace({target: value[0]}) for k, v in subs.items()}
                    subs[target] = value[0]
                    continue
        if not unreduced(f):
            rest.append(f)
    return subs, rest


def _points(entry, sides, residual, rel, constraints, methods, seed, holds):
    """Exact evaluation at parameter points: a counterexample dict, or None (none found)."""
    t0 = time.perf_counter()
    rng = random.Random(seed)
    exprs = [residual, *sides, *constraints]
    free = set().union(*[sp.sympify(e).free_symbols for e in exprs])
    free |= set().union(*[sp.sympify(e).atoms(MatrixSymbol) for e in exprs])
    free = {s for s in free if not isinstance(s, RandomSymbol)} | parameters(entry.expr)
    random_left = atoms_of(residual) | set().union(*[atoms_of(x) for x in sides])
    checked = undefined = 0
    for dims in pts.size_choices(free):
        for k in range(CHECK_DRAWS if holds else DRAWS):
            point = pts.draw_point(entry.declared, free, rng, dims, wide=k % 3 == 2)
            if not pts.holds_at(constraints, point, dims):
                continue
            if random_left:
                values = pts.support_values(random_left, point, dims, rng)
                if values is None:
                    undefined += 1
                    continue
                point = {**point, **values}
            value = _value(residual, point, dims, 50)
            scale = [_value(side, point, dims, 20) for side in sides]
            if value is None or None in scale:
                undefined += 1
                continue
            checked += 1
            size = 1 + abs(scale[0]) + abs(scale[1])
            if _violates(rel, value, size):
                again = _value(residual, point, dims, 80)
                if again is not None and _violates(rel, again, size):
                    lhs, rhs = (_value(side, point, dims, 30) for side in sides)
                    methods.append(Method("closed-form-points", "fails", f"at {pts.render(point, dims)}: lhs - rhs"
                                          f" = {sp.N(again, 12)} (re-checked at 80 digits)", _elapsed(t0)))
                    return {"values": pts.render(point, dims), "lhs": str(lhs), "rhs": str(rhs),
                            "residual": str(sp.N(again, 15)), "exact": True}
    if not holds and not random_left and free and all(isinstance(x, sp.Symbol) for x in free):
        from .search import propose

        for point in propose(entry, sides, residual, rel, constraints, free, seed):
            cex = _exact_violation(residual, sides, rel, point, {}, methods, t0, "closed-form-search")
            if cex is not None:
                return cex
    note = f"; {undefined} point(s) where the claim is undefined were skipped" if undefined else ""
    if checked:
        methods.append(Method("closed-form-points", "holds", f"{checked} exact parameter points"
                              f"{' (evidence only)' if not holds else ''}{note}", _elapsed(t0)))
    else:
        methods.append(Method("closed-form-points", "skipped", f"no admissible parameter point{note}", _elapsed(t0)))
        return None
    return None if holds else False


def _exact_violation(residual, sides, rel, point, dims, methods, t0, engine):
    """The counterexample dict when the relation fails at the point at 50 and again at 80 digits, else None."""
    value = _value(residual, point, dims, 50)
    scale = [_value(side, point, dims, 20) for side in sides]
    if value is None or None in scale:
        return None
    size = 1 + abs(scale[0]) + abs(scale[1])
    if not _violates(rel, value, size):
        return None
    again = _value(residual, point, dims, 80)
    if again is None or not _violates(rel, again, size):
        return None
    lhs, rhs = (_value(side, point, dims, 30) for side in sides)
    methods.append(Method(engine, "fails", f"at {pts.render(point, dims)}: lhs - rhs = {sp.N(again, 12)} "
                          "(re-checked at 80 digits)", _elapsed(t0)))
    return {"values": pts.render(point, dims), "lhs": str(lhs), "rhs": str(rhs),
            "residual": str(sp.N(again, 15)), "exact": True}


def _value(expr, point, dims, digits):
    try:
        v = sp.N(pts.substitute(expr, point, dims), digits)
    except Exception:  # noqa: BLE001 - an expression that cannot be evaluated here is undefined here
        return None
    if v.has(sp.nan, sp.zoo, sp.oo, -sp.oo) or not v.is_number:
        return None
    if not v.is_comparable:
        re, im = v.as_real_imag()
        if abs(im) > TOL * (1 + abs(re)):
            return None  # complex: outside the domain
        v = re
    return v


def _violates(rel, v, scale) -> bool:
    """Whether a residual ``v`` breaks the relation, relative to the sides' size ``scale``."""
    if rel is sp.Eq:
        return abs(v) > TOL * scale
    gap = v if rel in (sp.Ge, sp.Gt) else -v
    return bool(gap < -TOL * scale) or (rel in (sp.Gt, sp.Lt) and gap == 0)
