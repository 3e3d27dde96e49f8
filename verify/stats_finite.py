"""The ``exact-finite`` engine: claims about variables without a law, on random finite distributions.

Each trial draws a finite joint distribution with rational probabilities
(independent variables -- ``given: independent X Y`` -- on a product space, the
others sharing atoms so they are correlated; ``given: independent X Y | Z``, X and Y
independent given Z, as forks ``p(z) p(x | z) p(y | z)``; the first trials are degenerate (every
variable 0, then constants) and two-point distributions, the edge cases of strict inequalities) and exact values for the
declared scalars, vectors and matrices that satisfy their flags
(:func:`verify.probability.points.draw_point`: ``unit`` in (0, 1), ``positive`` in
(0, 4], rationals, not only integers; a scalar compared with a variable in an event,
``P(X == x | Y == y)``, at a value that variable takes), then evaluates both sides exactly: ``E``,
``Var``, ``Cov``, ``P`` and ``E(f | Y)`` are finite sums.  ``where`` relations are honoured: a declared
moment ``Cov(X, Y) == rho`` fixes ``rho`` to the model's covariance (a trial
where that is impossible is skipped), other relations must hold at the point.
Equalities fail on a nonzero exact residual; inequalities on an exact gap of
the wrong sign.  A failure is an exact counterexample: the distribution table.

A side that is still a random quantity after the nodes are evaluated -- ``P(X > 1 | Y)``
and ``E(X | Y)`` are functions of ``Y``, and ``Y`` may appear bare -- makes the claim a
statement that holds almost surely: it is decided at every atom of the model (each has
positive probability), and fails where it fails at one of them.
"""

from __future__ import annotations

import itertools
import random
import time

import sympy as sp
from sympy import stats as st
from sympy.stats.rv import RandomSymbol

from formulas.nodes import CondExpectation, CondProbability, CondVariance

from .engines.points import admissible
from .probability import points as pts
from .result import Method

__all__ = ["finite_check", "at_atoms", "TRIALS"]

TRIALS = 12
KINDS = ("zero", "constant", "two-point")  # the first trials: the edge cases, then random models


def conditional_independence(given) -> tuple[list[str], list[str]] | None:
    """``independent X Y | Z`` -> (``[X, Y]``, ``[Z]``): X, Y independent given Z; None for other statements."""
    words = str(given).split()
    if len(words) < 5 or words[0] != "independent" or "|" not in words:
        return None
    bar = words.index("|")
    return words[1:bar], words[bar + 1:]


def _fork(entry, rvs):
    """(groups, parents) for one ``independent X Y | Z`` statement naming every variable, else None."""
    statements = [conditional_independence(g) for g in entry.given]
    if not statements or any(s is None for s in statements) or len(statements) != 1:
        return None
    groups, parents = statements[0]
    by_name = {str(x): x for x in rvs}
    if set(groups) | set(parents) != set(by_name):
        return None
    return [[by_name[g]] for g in groups], [by_name[c] for c in parents]


def _fork_model(groups, parents, rng, kind: str = "random"):
    """Atoms of ``p(z) prod_g p(x_g | z)``: the variables of the groups independent given the parents.  The
    parents' atoms have distinct values, so conditioning on the parents' values is conditioning on the atom."""
    if kind in ("zero", "constant"):
        return _degenerate([*parents, *[g[0] for g in groups]], rng, kind)
    atoms = 2 if kind == "two-point" else 3
    tuples = sorted(itertools.product(range(-3, 4), repeat=len(parents)))
    model = []
    for top_p, top in zip(_weights(rng, atoms), rng.sample(tuples, atoms), strict=True):
        top_vals = dict(zip(parents, map(sp.Integer, top), strict=True))
        laws = [[(p, {g[0]: sp.Integer(rng.randint(-3, 3))}) for p in _weights(rng, atoms)] for g in groups]
        model += _joint(laws, top_p, top_vals)
    return model


def _degenerate(variables, rng, kind: str) -> list:
    """One atom: every variable 0 (``zero``) or at a random integer (``constant``)."""
    return [(sp.Integer(1), {x: sp.Integer(0) if kind == "zero" else sp.Integer(rng.randint(-3, 3))
                             for x in variables})]


def _joint(factors, p0=1, values0=None) -> list:
    """The atoms of independent factors (each a list of (probability, values)), times ``p0`` and ``values0``."""
    model = []
    for combo in itertools.product(*factors):
        p, vals = sp.sympify(p0), dict(values0 or {})
        for prob, v in combo:
            p *= prob
            vals.update(v)
        model.append((p, vals))
    return model


def _weights(rng, atoms: int) -> list:
    w = [rng.randint(1, 5) for _ in range(atoms)]
    return [sp.Rational(x, sum(w)) for x in w]


def _groups(entry, rvs) -> list[list]:
    indep = set()
    for g in entry.given:
        words = g.split()
        if words and words[0] == "independent" and conditional_independence(g) is None:
            indep |= set(words[1:])
    shared = [x for x in rvs if str(x) not in indep]
    groups = [[x] for x in rvs if str(x) in indep]
    if shared:
        groups.append(shared)
    return groups


def _model(groups, rng, kind: str = "random"):
    """Atoms (probability, {rv: value}) of a finite distribution: ``zero`` (every variable 0), ``constant``
    (every variable degenerate), ``two-point``, or ``random`` (three atoms with random weights and values)."""
    factors = []
    for group in groups:
        if kind in ("zero", "constant"):
            factors.append(_degenerate(group, rng, kind))
            continue
        atoms = 2 if kind == "two-point" else 3
        factors.append([(w, {x: sp.Integer(rng.randint(-3, 3)) for x in group}) for w in _weights(rng, atoms)])
    return _joint(factors)


def _expect(e, model):
    return sp.Add(*[p * e.xreplace(v) for p, v in model])


def _indicator(cond, vals):
    value = cond.xreplace(vals)
    if value not in (sp.true, sp.false):
        raise ValueError("an event that the finite model cannot decide")
    return sp.Integer(1 if value is sp.true else 0)


def evaluate_finite(expr, model):
    """``expr`` with every probability node replaced by its exact value on the finite model."""
    def conditional(node, square=False):
        f, y = node.args
        if square:
            f = f**2
        total = sp.Integer(0)
        # E(f | Y) is a function of Y: written as a sum of indicators over Y's values
        for yv in sorted({v[y] for _, v in model}):
            rows = [(p, v) for p, v in model if v[y] == yv]
            mass = sp.Add(*[p for p, _ in rows])
            if isinstance(node, CondProbability):
                value = sp.Add(*[p * _indicator(f, v) for p, v in rows]) / mass
            else:
                value = sp.Add(*[p * f.xreplace(v) for p, v in rows]) / mass
            total += value * sp.Piecewise((1, sp.Eq(y, yv)), (0, True))
        return total

    def cond_var(node):
        f, y = node.args
        first = conditional(CondExpectation(f, y))
        return conditional(CondExpectation(f**2, y)) - first**2

    out = expr
    out = out.replace(lambda n: isinstance(n, CondVariance), cond_var)
    out = out.replace(lambda n: isinstance(n, (CondExpectation, CondProbability)), conditional)
    out = out.replace(lambda n: isinstance(n, st.Variance),
                      lambda n: _expect(n.args[0] ** 2, model) - _expect(n.args[0], model) ** 2)
    out = out.replace(lambda n: isinstance(n, st.Covariance),
                      lambda n: _expect(n.args[0] * n.args[1], model)
                      - _expect(n.args[0], model) * _expect(n.args[1], model))
    out = out.replace(lambda n: isinstance(n, st.Probability),
                      lambda n: sp.Add(*[p * _indicator(n.args[0], v) for p, v in model]))
    out = out.replace(lambda n: isinstance(n, st.Expectation), lambda n: _expect(n.args[0], model))
    return out


def at_atoms(lhs, rhs, model) -> list:
    """``[(values, lhs, rhs)]``: the sides themselves when they are numbers, else the sides at each atom of the
    model (the random variables left in them -- ``Y`` in ``P(X > 1 | Y)`` -- replaced by the atom's values).
    An atom has positive probability, so a relation between random quantities that holds almost surely holds
    at every atom; testing only the sides' constant parts would skip every model where they vary."""
    lhs, rhs = sp.sympify(lhs), sp.sympify(rhs)
    left = lhs.atoms(RandomSymbol) | rhs.atoms(RandomSymbol)
    if not left:
        return [({}, lhs, rhs)]
    out, seen = [], set()
    for _, vals in model:
        if set(left) - set(vals):
            raise ValueError("a random variable the finite model does not describe")
        key = tuple(sorted((str(x), vals[x]) for x in left))
        if key in seen:
            continue
        seen.add(key)
        sub = {x: vals[x] for x in left}
        out.append(({x: vals[x] for x in sorted(left, key=str)}, lhs.xreplace(sub), rhs.xreplace(sub)))
    return out


def _undefined(lhs, rhs) -> bool:
    """A side that is not a real number on this model (a division by a zero variance, a log of 0, ...)."""
    for side in (lhs, rhs):
        v = sp.N(side, 30)
        if v.has(sp.nan, sp.zoo, sp.oo, -sp.oo) or not v.is_number:
            return True
        re, im = v.as_real_imag()
        if abs(im) > 1e-25 * (1 + abs(re)):
            return True
    return False


def _fails(rel, lhs, rhs) -> bool:
    d = sp.nsimplify(lhs - rhs) if (lhs - rhs).is_number else sp.simplify(lhs - rhs)
    if not d.is_number:
        return False
    v = sp.N(d, 50)
    if not v.is_comparable:
        return False
    tol = sp.Float("1e-40")
    if rel is sp.Eq:
        return abs(v) > tol
    gap = v if rel in (sp.Ge, sp.Gt) else -v
    return bool(gap < -tol) or (rel in (sp.Gt, sp.Lt) and abs(gap) <= tol)


def _event_values(entry, free) -> dict:
    """``{s: X}`` for each scalar ``s`` compared with a random variable in an event ``X == s`` (``P(X == x | Y == y)``)."""
    out = {}
    for eq in sorted(entry.expr.atoms(sp.Eq), key=sp.default_sort_key):
        for a, b in (eq.args, eq.args[::-1]):
            if isinstance(a, RandomSymbol) and isinstance(b, sp.Symbol) and not isinstance(b, RandomSymbol) \
                    and b in free and b not in out:
                out[b] = a
    return out


def _values_in_events(targets: dict, model, rng) -> dict:
    """Each such ``s`` at the value its variable takes at one atom of the model, the same atom for all: a point
    where ``P(X == x, Y == y) > 0`` (any value is a point of the claim; one outside the support makes a conditional
    on ``X == s`` undefined, which decides nothing).  A value outside the scalar's flags is rejected with the rest
    of the point."""
    if not targets:
        return {}
    _, vals = rng.choice(model)
    return {s: vals[x] for s, x in targets.items()}


def _fit_constraints(entry, model, point) -> dict | None:
    """The point with declared moments fixed to the model's values, or None if the constraints cannot hold."""
    point = dict(point)
    for c in entry.constraints:
        lhs_free = evaluate_finite(c.lhs, model)
        rhs_free = evaluate_finite(c.rhs, model)
        if isinstance(c, sp.Eq) and c.has(st.Expectation, st.Variance, st.Covariance):
            free = sorted((rhs_free - lhs_free).free_symbols, key=str)
            if free:  # a declared moment: fix its first free scalar to the model's value
                s = free[0]
                others = {k: v for k, v in point.items() if k != s}
                sol = sp.solve(sp.Eq(lhs_free.xreplace(others), rhs_free.xreplace(others)), s)
                if len(sol) != 1 or not sol[0].is_real:
                    return None
                point[s] = sol[0]  # finite_check rejects a value outside the symbol's flags
                continue
        value = type(c)(lhs_free.xreplace(point), rhs_free.xreplace(point))
        if value is not sp.true:
            return None
    return point


def finite_check(entry, methods: list, seed: int):
    """A counterexample dict, False (holds on every trial), or None (not applicable)."""
    t0 = time.perf_counter()
    from verify.probability.laws import law_of

    rvs = sorted(entry.expr.atoms(RandomSymbol), key=str)
    if not rvs or any(law_of(x) is not None for x in rvs) or any(
            c.atoms(RandomSymbol) - set(rvs) for c in entry.constraints):
        return None
    rng = random.Random(seed)
    rv_names = {str(x) for x in rvs}
    free = {s for s in entry.expr.free_symbols | set().union(*[c.free_symbols for c in entry.constraints])
            if str(s) not in rv_names}
    sizes = pts.size_choices(free)
    targets = _event_values(entry, free)
    fork = _fork(entry, rvs)
    if fork is None and any(conditional_independence(g) for g in entry.given):
        methods.append(Method("exact-finite", "skipped", "conditional independence is drawn only as one "
                              "'independent X Y | Z' naming every random variable of the claim", 0.0))
        return None
    groups = _groups(entry, rvs)
    rel = type(entry.expr)
    tried = undefined = 0
    for trial in range(3 * TRIALS):
        if tried >= TRIALS:
            break
        kind = KINDS[trial] if trial < len(KINDS) else "random"
        model = _model(groups, rng, kind) if fork is None else _fork_model(*fork, rng, kind)
        dims = sizes[trial % len(sizes)]
        point = {**pts.draw_point(entry.declared, free, rng, dims, wide=trial % 3 == 2),
                 **{d: sp.Integer(v) for d, v in dims.items()}, **_values_in_events(targets, model, rng)}
        try:
            point = _fit_constraints(entry, model, point)
            if point is None or not admissible(entry.declared, {str(k): v for k, v in point.items()}):
                continue  # a declared moment fixed a scalar outside its flags: not a point of the claim
            lhs = evaluate_finite(entry.expr.lhs.xreplace(point), model)
            rhs = evaluate_finite(entry.expr.rhs.xreplace(point), model)
            sides = at_atoms(lhs, rhs, model)
        except (ValueError, TypeError, ZeroDivisionError):
            continue
        if any(_undefined(a, b) for _, a, b in sides):
            undefined += 1
            continue
        tried += 1
        failing = next(((vals, a, b) for vals, a, b in sides if _fails(rel, a, b)), None)
        if failing is not None:
            vals, a, b = failing
            table = [{"p": str(p), **{str(k): str(v) for k, v in row.items()}} for p, row in model]
            at = f" at {', '.join(f'{k} = {v}' for k, v in vals.items())}" if vals else ""
            methods.append(Method("exact-finite", "fails", f"trial {trial}{at}: lhs = {a}, rhs = {b}",
                                  round(time.perf_counter() - t0, 4)))
            cex = {"distribution": table, "values": pts.render({k: v for k, v in point.items() if k not in dims}, dims),
                   "lhs": str(a), "rhs": str(b), "exact": True}
            if vals:
                cex["at"] = {str(k): str(v) for k, v in vals.items()}
            return cex
    note = f"; {undefined} where the claim is undefined were skipped" if undefined else ""
    if not tried:
        methods.append(Method("exact-finite", "skipped", f"no finite distribution satisfied the constraints{note}",
                              round(time.perf_counter() - t0, 4)))
        return None
    methods.append(Method("exact-finite", "holds", f"{tried} random finite distributions with rational "
                          f"probabilities{note}", round(time.perf_counter() - t0, 4)))
    return False
