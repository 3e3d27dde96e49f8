"""Seeded Monte Carlo: a second route to the probability nodes, independent of the closed forms.

Every random atom is sampled given its parents (``torch.distributions``, a fixed
seed, :data:`SAMPLES` draws), and each probability node is estimated with its
standard error: ``E`` by the sample mean, ``Var`` / ``Cov`` by sample moments,
``P`` by the frequency of the event, ``cdf`` by the frequency of ``X <= x``.
Monte Carlo is evidence only: it confirms, or it flags a conflict with a closed
form (more than :data:`Z_CONFLICT` standard errors and 5 % apart); it never
refutes a claim on its own, since heavy tails can fool any sample.
"""

from __future__ import annotations

import random
import time

import sympy as sp
from sympy import stats as st
from sympy.matrices.expressions.matexpr import MatrixElement
from sympy.stats.rv import RandomSymbol

from formulas.nodes import CDF, RandomVector
from verify.result import Method

from . import points as pts
from .laws import law_of
from .model import atoms_of, parameters

__all__ = ["cross_check", "monte_carlo_decide", "SAMPLES"]

SAMPLES = 20_000
Z_CONFLICT = 8.0
_NODES = (st.Expectation, st.Variance, st.Covariance, st.Probability, CDF)


class _Skip(Exception):
    pass


def _sampler(family: str, params, n: int, g):
    import torch

    p = [torch.as_tensor(v, dtype=torch.float64) for v in params]
    if family == "Normal":
        return p[0] + p[1] * torch.randn(n, generator=g, dtype=torch.float64)
    if family == "Uniform":
        return p[0] + (p[1] - p[0]) * torch.rand(n, generator=g, dtype=torch.float64)
    if family == "Bernoulli":
        return (torch.rand(n, generator=g, dtype=torch.float64) < p[0]).to(torch.float64)
    if family == "Rademacher":
        return 2.0 * (torch.rand(n, generator=g, dtype=torch.float64) < 0.5).to(torch.float64) - 1.0
    if family == "Exponential":
        return -torch.log(torch.rand(n, generator=g, dtype=torch.float64)) / p[0]
    if family == "Laplace":
        u = torch.rand(n, generator=g, dtype=torch.float64) - 0.5
        return p[0] - p[1] * torch.sign(u) * torch.log1p(-2 * u.abs())
    if family == "Geometric":
        u = torch.rand(n, generator=g, dtype=torch.float64)
        return torch.floor(torch.log(u) / torch.log1p(-p[0])) + 1
    seed = int(torch.randint(0, 2**31 - 1, (), generator=g))
    with torch.random.fork_rng(devices=[]):  # torch.distributions use the global generator: seed a copy of it
        torch.manual_seed(seed)
        return _global_sample(family, p, n)


def _global_sample(family, p, n):
    import torch
    from torch import distributions as td

    if family == "Poisson":
        return torch.poisson(p[0].expand(n) if p[0].dim() == 0 else p[0])
    if family == "Binomial":
        return td.Binomial(total_count=p[0], probs=p[1]).sample((n,) if p[1].dim() == 0 else ())
    if family == "Gamma":
        shape = (n,) if p[0].dim() == 0 and p[1].dim() == 0 else ()
        return td.Gamma(p[0], 1 / p[1]).sample(shape)
    if family == "Beta":
        return td.Beta(p[0], p[1]).sample((n,) if p[0].dim() == 0 else ())
    if family == "Categorical":
        return td.Categorical(probs=p[0].reshape(-1)).sample((n,)).to(torch.float64)
    raise _Skip(f"no sampler for {family}")


def _vector_sampler(x: RandomVector, params, n: int, g):
    import torch
    from torch import distributions as td

    seed = int(torch.randint(0, 2**31 - 1, (), generator=g))
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(seed)
        if x.family == "MultivariateNormal":
            mu, cov = (torch.as_tensor(v, dtype=torch.float64) for v in params)
            return td.MultivariateNormal(mu.reshape(-1), cov).sample((n,))
        return td.Dirichlet(torch.as_tensor(params[0], dtype=torch.float64).reshape(-1)).sample((n,))


def _number(v):
    import torch

    if isinstance(v, sp.MatrixBase):
        return torch.tensor([[float(x) for x in row] for row in v.tolist()], dtype=torch.float64)
    value = complex(sp.N(v, 20))
    if abs(value.imag) > 1e-12:
        raise _Skip("a complex parameter")
    return value.real


def _sample_all(atoms, point, dims, g, n):
    """Samples (name -> tensor) of the atoms and their ancestors, parents first."""
    samples: dict = {}
    todo = set(atoms)
    for a in list(todo):
        if isinstance(a, RandomSymbol):
            law = law_of(a)
            if law is None:
                raise _Skip("a variable without a distribution")
            for p in law.params:
                todo |= atoms_of(p)
    order = sorted(todo, key=lambda a: (len(_ancestors(a)), sp.default_sort_key(a)))
    for a in order:
        if isinstance(a, MatrixElement):
            x = a.parent
            if x.name not in samples:
                params = [_number(pts.substitute(p, point, dims)) for p in x.params]
                samples[x.name] = _vector_sampler(x, params, n, g)
            continue
        law = law_of(a)
        params = [_eval_samples(pts.substitute(p, point, dims), samples) for p in law.params]
        samples[a.name] = _sampler(law.family, params, n, g)
    return samples


def _ancestors(a) -> set:
    if not isinstance(a, RandomSymbol) or law_of(a) is None:
        return set()
    out = set()
    for p in law_of(a).params:
        for b in atoms_of(p):
            out |= {b} | _ancestors(b)
    return out


def _eval_samples(expr, samples):
    """A scalar expression of random atoms on the samples (elementwise, through the torch evaluator)."""
    import torch

    from verify.evaluate import TorchBackend, Unsupported, evaluate

    env, subs = {}, {}
    for a in atoms_of(expr):
        if isinstance(a, MatrixElement):
            name = f"rv_{a.parent.name}_{int(a.i)}"
            env[name] = samples[a.parent.name][:, int(a.i)]
        else:
            name = f"rv_{a.name}"
            env[name] = samples[a.name]
        subs[a] = sp.Symbol(name)
    if expr.has(RandomVector):
        raise _Skip("a whole random vector inside a scalar expression")
    if not subs:
        value = _number(expr)
        return value if isinstance(value, torch.Tensor) else torch.tensor(value, dtype=torch.float64)
    body = expr.xreplace(subs)
    backend = TorchBackend()

    def one(sample_env):  # one draw: 0-d tensors, as the evaluator expects
        out = evaluate(body, sample_env, {}, backend)
        return out.to(torch.float64) if out.dtype == torch.bool else out

    try:
        return torch.func.vmap(one)(env)
    except (Unsupported, ValueError, TypeError, RuntimeError, NotImplementedError) as err:
        raise _Skip(str(err)[:200]) from None


def estimate(node, point, dims, g, n=SAMPLES):
    """(estimate, standard error) of one probability node at a parameter point."""
    import torch

    vectors = {MatrixElement(v, 0, 0) for v in node.atoms(RandomVector)}  # whole vectors: sample them too
    samples = _sample_all(atoms_of(node) | vectors, point, dims, g, n)

    def values(expr):
        v = _eval_samples(pts.substitute(expr, point, dims), samples).to(torch.float64)
        return v.expand(n) if v.dim() == 0 else v

    if isinstance(node, st.Expectation):
        v = values(node.args[0])
        return float(v.mean()), float(v.std() / n**0.5)
    if isinstance(node, st.Probability):
        v = values(node.args[0])
        return float(v.mean()), float(max(v.std(), 1 / n) / n**0.5)
    if isinstance(node, CDF):
        x = values(node.args[0])
        c = _number(pts.substitute(node.args[1], point, dims))
        v = (x <= c).to(torch.float64)
        return float(v.mean()), float(max(v.std(), 1 / n) / n**0.5)
    a = values(node.args[0])
    b = a if isinstance(node, st.Variance) else values(node.args[1])
    prod = (a - a.mean()) * (b - b.mean())
    return float(prod.mean()), float(prod.std() / n**0.5)


def _moderate_point(entry, free, rng):
    free = {s for s in free if not isinstance(s, RandomSymbol)} | set().union(
        *[parameters(c) for c in entry.constraints])
    for dims in pts.size_choices(free):
        for _ in range(20):
            point = pts.draw_point(entry.declared, free, rng, dims)
            domain = []
            for x in atoms_of(entry.expr):
                law = law_of(x) if isinstance(x, RandomSymbol) else None
                if law is not None and not any(atoms_of(p) for p in law.params):
                    domain.extend(law.spec.domain(*law.params))
            if pts.holds_at(list(entry.constraints) + domain, point, dims):
                return point, dims
    return None, None


def _nodes(expr):
    from .reduce import PROBABILITY_NODES

    out = []
    for node in expr.atoms(*_NODES):
        inner = [a for a in node.args if isinstance(a, sp.Basic)]
        if any(a.has(*PROBABILITY_NODES) for a in inner):
            continue  # nested nodes: their inner closed forms are cross-checked on their own
        out.append(node)
    return sorted(out, key=sp.default_sort_key)


def cross_check(entry, reducer, methods: list, seed: int):
    """Compare each probability node's closed form with its Monte Carlo estimate; a conflict dict or None."""
    import torch

    t0 = time.perf_counter()
    nodes = _nodes(entry.expr)
    if not nodes:
        return None
    free = set().union(*[parameters(n) for n in nodes])
    point, dims = _moderate_point(entry, free, random.Random(seed + 1))
    if point is None:
        methods.append(Method("monte-carlo", "skipped", "no admissible parameter point", 0.0))
        return None
    g = torch.Generator().manual_seed(seed)
    worst, checked = 0.0, 0
    for node in nodes:
        closed = reducer.reduce(node)
        if closed is node:
            continue
        try:
            exact = complex(sp.N(pts.substitute(closed, point, dims), 20))
            est, se = estimate(node, point, dims, g)
        except Exception:  # noqa: BLE001 - a node this route cannot sample is left to the other checks
            continue
        if abs(exact.imag) > 1e-12 or est != est:
            continue
        z = abs(exact.real - est) / max(se, 1e-12)
        checked += 1
        worst = max(worst, z)
        if z > Z_CONFLICT and abs(exact.real - est) > 0.05 * (1 + abs(exact.real)):
            detail = f"{sp.sstr(node)[:80]} at {pts.render(point, dims)}: closed form {exact.real:.6g}, " \
                     f"Monte Carlo {est:.6g} +- {se:.2g}"
            methods.append(Method("monte-carlo", "fails", detail, round(time.perf_counter() - t0, 4)))
            return {"evidence": [detail], "exact": False}
    if checked:
        methods.append(Method("monte-carlo", "holds", f"{checked} node(s) within {worst:.1f} standard errors of "
                              f"{SAMPLES} seeded samples", round(time.perf_counter() - t0, 4)))
    return None


def monte_carlo_decide(entry, methods: list, seed: int):
    """Evidence for a claim without closed forms: False (consistent at every point) or None (undecided)."""
    import torch

    t0 = time.perf_counter()
    rel = type(entry.expr)
    nodes = _nodes(entry.expr)
    free = parameters(entry.expr)
    rng = random.Random(seed + 2)
    g = torch.Generator().manual_seed(seed)
    consistent = undefined = trivial = 0
    for _ in range(12):  # three informative points, out of at most twelve tries
        if consistent >= 3:
            break
        point, dims = _moderate_point(entry, free, rng)
        if point is None:
            break
        try:
            values = {node: estimate(node, point, dims, g) for node in nodes}
            lhs, lse = _combine(entry.expr.lhs, values, point, dims)
            rhs, rse = _combine(entry.expr.rhs, values, point, dims)
        except Exception as err:  # noqa: BLE001 - a claim this route cannot sample stays undecided
            methods.append(Method("monte-carlo", "skipped", f"cannot sample this claim: {err}"[:200],
                                  round(time.perf_counter() - t0, 4)))
            return None
        se = lse + rse + 1e-9 * (1 + abs(lhs) + abs(rhs))
        d = lhs - rhs
        if d != d or se != se or abs(d) == float("inf"):
            undefined += 1  # the claim is undefined at this point: neither evidence nor a counterexample
            continue
        if lhs == 0 and rhs == 0:
            # both sides exactly 0 (P(X == x) with x outside X's support): agreement there says nothing
            trivial += 1
            continue
        ok = abs(d) <= 5 * se if rel is sp.Eq else (d >= -5 * se if rel in (sp.Ge, sp.Gt) else d <= 5 * se)
        if not ok:
            methods.append(Method("monte-carlo", "fails", f"at {pts.render(point, dims)}: lhs {lhs:.6g}, rhs "
                                  f"{rhs:.6g} (standard error {se:.2g}); Monte Carlo alone never refutes",
                                  round(time.perf_counter() - t0, 4)))
            return None
        consistent += 1
    if not consistent:
        methods.append(Method("monte-carlo", "skipped", "no admissible parameter point"
                              + (f" ({undefined} where the claim is undefined)" if undefined else "")
                              + (f" ({trivial} where both sides are exactly 0)" if trivial else ""), 0.0))
        return None
    methods.append(Method("monte-carlo", "holds", f"consistent at {consistent} parameter points ({SAMPLES} seeded "
                          "samples each; evidence only)", round(time.perf_counter() - t0, 4)))
    return False


def _combine(side, values, point, dims):
    """A side's value from the nodes' estimates, with a first-order standard error."""
    symbols = {node: sp.Dummy("mc") for node in values}
    expr = pts.substitute(side.xreplace(symbols), point, dims)
    at = {symbols[n]: v for n, (v, _) in values.items()}
    value = complex(sp.N(expr.xreplace(at), 20))
    if abs(value.imag) > 1e-12 or expr.free_symbols - set(at):
        raise _Skip("a side that is not a number at this point")
    se = 0.0
    for node, (_, s) in values.items():
        deriv = sp.diff(expr, symbols[node]).xreplace(at)
        se += abs(complex(sp.N(deriv, 15)).real) * s
    return value.real, se
