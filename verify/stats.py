"""Claims about random variables: expectations, variances, covariances, MGFs.

* ``symbolic-stats`` -- SymPy's ``sympy.stats`` (linearity of expectation,
  ``Variance(...).expand()``), plus the rule ``E[exp(aX + b)] = e^b M_X(a)``
  with SymPy's closed-form MGFs for named distributions.
* ``exact-finite`` -- the claim evaluated exactly on random finite distributions
  with rational probabilities (independent variables on a product space, the
  others sharing atoms so they are correlated).  A failure is an exact
  counterexample: the distribution table is reported.
* ``numeric-series`` -- for named distributions, the defining expectation
  evaluated to 30 digits at random parameter values.
"""

from __future__ import annotations

import itertools
import random
import time

import sympy as sp
from sympy import stats as st
from sympy.stats.rv import RandomSymbol, is_random

from .result import Method

__all__ = ["check_stats", "has_random"]


def has_random(expr) -> bool:
    return bool(expr.atoms(RandomSymbol)) or is_random(expr)


def _rvs(expr) -> list:
    return sorted(expr.atoms(RandomSymbol), key=str)


def _mgf_rule(expr):
    """Replace E[exp(a X + b)] by e^b M_X(a) for a named distribution X."""

    def rewrite(node):
        arg = node.args[0]
        if not isinstance(arg, sp.exp):
            return node
        inner = sp.expand(arg.args[0])
        rvs = list(inner.atoms(RandomSymbol))
        if len(rvs) != 1 or not hasattr(rvs[0].pspace, "distribution"):
            return node
        x = rvs[0]
        a = inner.coeff(x)
        b = sp.simplify(inner - a * x)
        if b.has(x):
            return node
        mgf = st.moment_generating_function(x)
        return sp.exp(b) * mgf(a)

    return expr.replace(lambda n: isinstance(n, st.Expectation), rewrite)


def _expand_nodes(e):
    nodes = (st.Variance, st.Covariance, st.Expectation)
    return e.replace(lambda n: isinstance(n, nodes), lambda n: n.expand()).expand()


# Cheap strategies run first; the costly ones only when no cross-check has refuted the claim.
CHEAP = [
    ("expand", _expand_nodes),
    ("expand twice", lambda e: _expand_nodes(_expand_nodes(e))),
    ("rewrite(Expectation)", lambda e: e.rewrite(st.Expectation).expand().expand()),
]
COSTLY = [
    ("MGF rule", lambda e: sp.simplify(_mgf_rule(e)) if e.has(st.Expectation) and e.has(sp.exp) else e),
    ("doit + simplify", lambda e: sp.simplify(e.doit())),
    ("rewrite(Expectation) + doit", lambda e: sp.simplify(e.rewrite(st.Expectation).doit())),
]


def _symbolic(entry, methods, strategies, label_done: str) -> bool:
    t0 = time.perf_counter()
    d = entry.expr.lhs - entry.expr.rhs
    for label, fn in strategies:
        try:
            r = fn(d)
        except Exception:  # noqa: BLE001 - a strategy that cannot cope is skipped
            continue
        if r == 0:
            methods.append(Method("symbolic-stats", "holds", f"lhs - rhs = 0 by {label}",
                                  round(time.perf_counter() - t0, 4)))
            return True
    methods.append(Method("symbolic-stats", "inconclusive", label_done, round(time.perf_counter() - t0, 4)))
    return False


def _independent_groups(entry, rvs) -> list[list]:
    indep = set()
    for g in entry.given:
        words = g.split()
        if words and words[0] == "independent":
            indep |= set(words[1:])
    shared = [x for x in rvs if str(x) not in indep]
    groups = [[x] for x in rvs if str(x) in indep]
    if shared:
        groups.append(shared)
    return groups


def _finite_model(groups, rng):
    """Atoms (probability, {rv: value}) of a random finite distribution."""
    factors = []
    for group in groups:
        k = 3
        weights = [rng.randint(1, 5) for _ in range(k)]
        total = sum(weights)
        atoms = [(sp.Rational(w, total), {x: sp.Integer(rng.randint(-3, 3)) for x in group}) for w in weights]
        factors.append(atoms)
    model = []
    for combo in itertools.product(*factors):
        p = sp.Integer(1)
        vals = {}
        for prob, v in combo:
            p *= prob
            vals.update(v)
        model.append((p, vals))
    return model


def _expect(e, model):
    return sp.Add(*[p * e.xreplace(v) for p, v in model])


def _evaluate_finite(expr, model):
    def ex(node):
        return _expect(node.args[0], model)

    def var(node):
        a = node.args[0]
        return _expect(a**2, model) - _expect(a, model) ** 2

    def cov(node):
        a, b = node.args[:2]
        return _expect(a * b, model) - _expect(a, model) * _expect(b, model)

    out = expr.replace(lambda n: isinstance(n, st.Variance), var)
    out = out.replace(lambda n: isinstance(n, st.Covariance), cov)
    out = out.replace(lambda n: isinstance(n, st.Expectation), ex)
    return out


def _exact_finite(entry, methods, seed: int):
    t0 = time.perf_counter()
    rvs = _rvs(entry.expr)
    if any(hasattr(x.pspace, "distribution") for x in rvs):
        return None
    rng = random.Random(seed)
    rv_names = {str(x) for x in rvs}
    scalars = sorted((s for s in entry.expr.free_symbols if str(s) not in rv_names), key=str)
    groups = _independent_groups(entry, rvs)
    for trial in range(12):
        model = _finite_model(groups, rng)
        point = {s: sp.Integer(rng.randint(-3, 3)) for s in scalars}
        lhs = sp.nsimplify(_evaluate_finite(entry.expr.lhs, model).xreplace(point))
        rhs = sp.nsimplify(_evaluate_finite(entry.expr.rhs, model).xreplace(point))
        if sp.simplify(lhs - rhs) != 0:
            table = [{"p": str(p), **{str(k): str(v) for k, v in vals.items()}} for p, vals in model]
            methods.append(Method("exact-finite", "fails", f"trial {trial}: lhs = {lhs}, rhs = {rhs}",
                                  round(time.perf_counter() - t0, 4)))
            return {"distribution": table, "values": {str(k): str(v) for k, v in point.items()},
                    "lhs": str(lhs), "rhs": str(rhs), "exact": True}
    methods.append(Method("exact-finite", "holds", "12 random finite distributions with rational probabilities",
                          round(time.perf_counter() - t0, 4)))
    return False


def _numeric_form(d, rv_names):
    """Expectations as integrals or sums, their free parameters (distribution parameters included), and a
    fast evaluator (mpmath quadrature where possible)."""
    r = d.rewrite(st.Expectation) if d.has(st.Variance, st.Covariance) else d
    r = r.replace(lambda n: isinstance(n, st.Expectation), lambda n: n.rewrite(sp.Integral))
    # derivatives and probabilities (a c.d.f. differentiated at a point) are evaluated in closed form first
    r = r.replace(lambda n: isinstance(n, (sp.Subs, sp.Derivative, st.Probability)), lambda n: n.doit())
    free = sorted((s for s in r.free_symbols if str(s) not in rv_names), key=str)
    try:
        fast = sp.lambdify(free, r, modules=["mpmath"])
    except Exception:  # noqa: BLE001 - no fast form: evaluate with SymPy's evalf
        fast = None

    def value(point):
        if fast is not None:
            try:
                import mpmath

                with mpmath.workdps(25):
                    v = fast(*[mpmath.mpf(float(point[s])) if not point[s].is_Integer else int(point[s])
                               for s in free])
                return sp.Float(complex(v).real, 20) if abs(complex(v).imag) < 1e-12 else sp.nan
            except Exception:  # noqa: BLE001 - fall back to evalf
                pass
        return sp.N(r.xreplace(point), 15)

    return value, free


def _constraints_hold(constraints, point) -> bool:
    """Constraints at a point; symbols are matched by name (their assumptions may differ)."""
    by_name = {str(k): v for k, v in point.items()}
    for c in constraints:
        value = c.xreplace({s: by_name[str(s)] for s in c.free_symbols if str(s) in by_name})
        if value not in (sp.true, sp.false):
            return False  # undecidable here: skip the draw
        if value is sp.false:
            return False
    return True


def _numeric_series(entry, methods, seed: int):
    t0 = time.perf_counter()
    rng = random.Random(seed)
    rv_names = {str(x) for x in _rvs(entry.expr)}
    d = entry.expr.lhs - entry.expr.rhs
    value, free = _numeric_form(d, rv_names)
    checked = 0
    for _ in range(8):
        point = {}
        for s in free:
            flags = entry.declared[str(s)].flags if str(s) in entry.declared else frozenset()
            if "integer" in flags:
                point[s] = sp.Integer(rng.randint(1, 6) if "positive" in flags else rng.randint(-3, 3))
            elif "unit" in flags:
                point[s] = sp.Float(rng.uniform(0.05, 0.95), 20)
            elif "positive" in flags:
                point[s] = sp.Float(rng.uniform(0.2, 2.0), 20)
            else:
                point[s] = sp.Float(rng.uniform(-1.0, 1.0), 20)
        if not _constraints_hold(entry.constraints, point):
            continue
        try:
            v = value(point)
        except Exception as err:  # noqa: BLE001
            methods.append(Method("numeric-series", "skipped", f"{type(err).__name__}: {err}"))
            return None
        if not v.is_comparable:
            continue
        checked += 1
        if abs(v) > 1e-9:
            methods.append(Method("numeric-series", "fails", f"at {point}: lhs - rhs = {v}",
                                  round(time.perf_counter() - t0, 4)))
            return {"values": {str(k): f"{float(x):.6g}" for k, x in point.items()},
                    "residual": f"{float(v):.6g}" if v.is_finite else str(v), "exact": False}
    if not checked:
        methods.append(Method("numeric-series", "skipped", "no admissible parameter values evaluated"))
        return None
    methods.append(Method("numeric-series", "holds", f"{checked} parameter draws, expectations by quadrature or "
                          "series at 25 digits", round(time.perf_counter() - t0, 4)))
    return False


def check_stats(entry, seed: int = 0):
    """Return (symbolic_holds, counterexample or False/None, methods)."""
    methods: list[Method] = []
    holds = _symbolic(entry, methods, CHEAP, "expansion does not reduce lhs - rhs to 0")
    cex = _exact_finite(entry, methods, seed)
    if cex is None:
        cex = _numeric_series(entry, methods, seed)
    if not holds and not cex:
        holds = _symbolic(entry, methods, COSTLY, "no strategy (MGF rule, doit + simplify) reduced lhs - rhs to 0")
    return holds, cex, methods
